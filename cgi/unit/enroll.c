/*
 * enroll.c -- 参保申请 in the unit portal (seed 004 §三): the unit's
 * applications, a new one, the application page (its terms, 缴费账号,
 * the people picked from the roster or imported from a list, materials,
 * 上报, the 不可参保人员名单), the payment, and its workbooks.  Every
 * handler first checks that the agent holds 医疗互助 in the unit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "pages.h"
#include "plan.h"
#include "rand.h"
#include "store.h"
#include "view.h"
#include "xlsx.h"

#define PER_PAGE	20
#define PICK_MAX	200	/* people ticked on one page */

static const char *const kinds[] = { "main", "early", "supplement", NULL };

/* 申请: the plan, the kind and, for 提前续保, the start. */
enum { NF_PLAN, NF_KIND, NF_START, NF__MAX };
static const struct field new_fields[NF__MAX] = {
	[NF_PLAN] =  { "plan", FK_ID, 0, NULL },
	[NF_KIND] =  { "kind", FK_CHOICE, 1, kinds },	/* none: 主保期 */
	[NF_START] = { "period_start", FK_DATE, 1, NULL },
};

/* 缴费账号 */
enum { AF_HOLDER, AF_BANK, AF_ACCOUNT, AF__MAX };
static const struct field account_fields[AF__MAX] = {
	[AF_HOLDER] =  { "holder", FK_TEXT_120, 0, NULL },
	[AF_BANK] =    { "bank", FK_TEXT_60, 0, NULL },
	[AF_ACCOUNT] = { "account", FK_TEXT_30, 0, NULL },
};

/* 实缴金额 and 缴费日期 */
enum { PF_PAID, PF_ON, PF__MAX };
static const struct field pay_fields[PF__MAX] = {
	[PF_PAID] = { "paid", FK_MONEY, 0, NULL },
	[PF_ON] =   { "paid_on", FK_DATE, 0, NULL },
};

/* The application of ?id= (or the form's), if this agent may aid its
 * unit: 0 with *e filled, or the status of the page already made. */
static int
own(struct req *r, struct enroll *e)
{
	int rc;

	if ((rc = enroll_mine(r->db, req_id(r, "id"), r->sess.subject, e)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该参保申请。");
	view_attrf(r->page, "unit", "%lld", (long long)e->unit_id);
	return 0;
}

/* The plans on offer, as <plans><plan id="">name</plan>. */
static int
plans_view(struct req *r)
{
	struct db_res *res;
	xmlNodePtr list, p;
	char money[32];
	int rc;

	if ((res = plan_offered(r->db)) == NULL)
		return 0;
	list = view_add(r->page, "plans", NULL);
	while ((rc = db_next(res)) == 1) {
		p = view_add(list, "plan", db_col(res, 2));
		view_attr(p, "id", db_col(res, 0));
		view_attr(p, "code", db_col(res, 1));
		view_attr(p, "premium", money_format(db_int(res, 3), money,
		    sizeof(money)));
		view_attr(p, "months", db_col(res, 4));
	}
	db_done(res);
	return rc == 0;
}

/* The application page. */
static int
item_page(struct req *r, const struct enroll *e)
{
	xmlNodePtr n;
	const char *q = req_query(r, "q");

	if ((n = enroll_view(r->db, e, r->page)) == NULL ||
	    !enroll_accounts_view(r->db, e->id, n) ||
	    !enroll_members_view(r->db, e->id, 0, q ? q : "",
	    req_query(r, "page"), PER_PAGE, n) ||
	    (e->problems > 0 && !enroll_members_view(r->db, e->id, 1, "",
	    req_query(r, "bpage"), PER_PAGE, n)) ||
	    !store_list(r->db, "enroll", e->id, n) ||
	    !flow_timeline(r->db, &e->flow, n) ||
	    (flow_editable(&e->flow) && !plans_view(r)))
		return 500;
	if (q)
		view_attr(n, "q", q);
	if (conf_long(CONF_ENROLL_SCAN))
		view_attr(n, "scan", "1");
	r->sheet = SHEET_ENROLL;
	return 200;
}

/* The same page again with the application as it is now. */
static int
item_again(struct req *r, int64_t id)
{
	struct enroll e;

	if (enroll_get(r->db, id, &e) != 1)
		return 500;
	return item_page(r, &e);
}

/* After a change: back to the page with what happened said. */
static int
item_done(struct req *r, int64_t id, const char *said)
{
	char path[96];

	snprintf(path, sizeof(path), "/u/enroll?id=%lld&said=%s",
	    (long long)id, said);
	return req_redirect(r, path);
}

/* What ?said= means (the page after a redirect). */
static void
said(struct req *r)
{
	static const char *const words[][2] = {
		{ "saved", "已保存。" },
		{ "picked", "已添加参保人员。" },
		{ "imported", "名单已导入。" },
		{ "removed", "已移除。" },
		{ "uploaded", "已上传。" },
		{ "submitted", "已上报，请等待市总审核。" },
		{ "paid", "已保存实缴金额。" },
		{ "sent", "已提交缴费凭证，请等待财务确认。" },
	};
	const char *s = req_query(r, "said");
	size_t i;

	for (i = 0; s && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(s, words[i][0]) == 0)
			form_message(r, words[i][1], "ok");
}

/* The unit's applications and the new-application form. */
static int
list_page(struct req *r, int64_t unit)
{
	if (!enroll_list_view(r->db, unit, req_query(r, "page"), PER_PAGE,
	    r->page) || !plans_view(r))
		return 500;
	r->sheet = SHEET_ENROLL;
	return 200;
}

int
enroll_get_page(struct req *r)
{
	struct enroll e;
	int64_t unit;
	int st;

	if (req_query(r, "id")) {
		if ((st = own(r, &e)) != 0)
			return st;
		said(r);
		return item_page(r, &e);
	}
	if (req_query(r, "unit") == NULL) {	/* choose a unit first */
		if (!units_add(r))
			return 500;
		r->sheet = SHEET_ENROLL;
		return 200;
	}
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	return list_page(r, unit);
}

int
enroll_new_post(struct req *r)
{
	struct field_val v[NF__MAX];
	struct enroll_terms t;
	struct flow_actor by;
	enum refusal rf;
	int64_t unit, id, added;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (form_read(r, new_fields, NF__MAX, v) > 0)
		return list_page(r, unit);
	t.plan_id = v[NF_PLAN].num;
	t.kind = (enum enroll_kind)v[NF_KIND].num;
	t.period_start = v[NF_START].date;
	flow_actor_of(r, &by);
	/* 发起续保申请 from 续保提醒: the month's people in it. */
	if (strcmp(req_form(r, "from"), "renewal") == 0)
		rf = enroll_create_renewal(r->db, unit, t.plan_id,
		    req_form(r, "month"), &by, &id, &added);
	else
		rf = enroll_create(r->db, unit, &t, &by, &id);
	if (rf != RF_OK)
		return (st = form_refuse(r, rf, rf == RF_ENROLL_PERIOD ?
		    "period_start" : rf == RF_ENROLL_PLAN ? "plan" : NULL))
		    == 200 ? list_page(r, unit) : st;
	return item_done(r, id, "saved");
}

int
enroll_terms_post(struct req *r)
{
	struct field_val v[NF__MAX];
	struct enroll_terms t;
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	if (form_read(r, new_fields, NF__MAX, v) > 0)
		return item_page(r, &e);
	t.plan_id = v[NF_PLAN].num;
	t.kind = (enum enroll_kind)v[NF_KIND].num;
	t.period_start = v[NF_START].date;
	flow_actor_of(r, &by);
	if ((rf = enroll_set_terms(r->db, e.id, &t, &by)) != RF_OK)
		return (st = form_refuse(r, rf, rf == RF_ENROLL_PERIOD ?
		    "period_start" : NULL)) == 200 ? item_again(r, e.id) : st;
	return item_done(r, e.id, "saved");
}

int
enroll_account_post(struct req *r)
{
	struct field_val v[AF__MAX];
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	if (form_read(r, account_fields, AF__MAX, v) > 0)
		return item_page(r, &e);
	flow_actor_of(r, &by);
	if ((rf = enroll_account_add(r->db, e.id, v[AF_HOLDER].v, v[AF_BANK].v,
	    v[AF_ACCOUNT].v, &by)) != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_page(r, &e) : st;
	return item_done(r, e.id, "saved");
}

/* A change of the draft that needs only the form's ids: fn's refusal
 * said on the page, or back to it with `done` said. */
static int
draft_change(struct req *r, enum refusal (*fn)(struct req *,
    const struct enroll *, const struct flow_actor *), const char *done)
{
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = fn(r, &e, &by)) != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_again(r, e.id) : st;
	return item_done(r, e.id, done);
}

static enum refusal
account_remove(struct req *r, const struct enroll *e,
    const struct flow_actor *by)
{
	return enroll_account_remove(r->db, e->id, req_id(r, "account"), by);
}

int
enroll_account_remove_post(struct req *r)
{
	return draft_change(r, account_remove, "removed");
}

static enum refusal
unlist(struct req *r, const struct enroll *e, const struct flow_actor *by)
{
	int64_t n;

	if (req_form(r, "ineligible")[0] != '\0')
		return enroll_unlist_ineligible(r->db, e->id, by, &n);
	return enroll_unlist(r->db, e->id, req_id(r, "row"), by);
}

int
enroll_unlist_post(struct req *r)
{
	return draft_change(r, unlist, "removed");
}

static enum refusal
import_list(struct req *r, const struct enroll *e,
    const struct flow_actor *by)
{
	const struct upload *u = req_file(r, "file");
	int64_t n;

	if (u == NULL || u->size == 0 || store_sniff(u->path) != FT_XLSX)
		return RF_ENROLL_LIST;
	return enroll_import(r->db, e->id, u->path, by, &n);
}

int
enroll_import_post(struct req *r)
{
	return draft_change(r, import_list, "imported");
}

/* The ticked people (member=ID, repeated), or 选择全部未参保. */
static enum refusal
pick(struct req *r, const struct enroll *e, const struct flow_actor *by)
{
	int64_t ids[PICK_MAX], added;
	const char *s;
	char *end;
	size_t i;
	int n = 0;

	for (i = 0; i < r->form.n && n < PICK_MAX; i++) {
		if (strcmp(r->form.v[i].key, "member") != 0)
			continue;
		s = r->form.v[i].val;
		ids[n] = strtoll(s, &end, 10);
		if (end != s && *end == '\0' && ids[n] > 0)
			n++;
	}
	return enroll_pick(r->db, e->id, ids, n,
	    req_form(r, "all_new")[0] != '\0', by, &added);
}

int
enroll_pick_post(struct req *r)
{
	return draft_change(r, pick, "picked");
}

/* 增加参保职工: the unit's roster with each person's standing. */
int
enroll_pick_get(struct req *r)
{
	struct enroll e;
	const char *q = req_query(r, "q"), *status = req_query(r, "status");
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	if (enroll_view(r->db, &e, r->page) == NULL ||
	    !enroll_roster_view(r->db, &e, q ? q : "", status ? status : "",
	    req_query(r, "page"), PER_PAGE, r->page))
		return 500;
	view_attr(r->page, "picking", "1");
	if (q)
		view_attr(r->page, "q", q);
	if (status)
		view_attr(r->page, "status", status);
	r->sheet = SHEET_ENROLL;
	return 200;
}

int
enroll_upload_post(struct req *r)
{
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	const char *why;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = enroll_attach(r->db, &e, req_file(r, "file"),
	    req_form(r, "kind"), &by, &why)) == RF_OK)
		return item_done(r, e.id, "uploaded");
	if (rf == RF_DB)
		return 500;
	form_message(r, rf == RF_FILE && why ? why : refusal_text(rf),
	    "error");
	return item_page(r, &e);
}

int
enroll_submit_post(struct req *r)
{
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	int64_t problems;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = enroll_submit(r->db, e.id, &by, &problems)) == RF_OK)
		return item_done(r, e.id, "submitted");
	return (st = form_refuse(r, rf, NULL)) == 200 ? item_again(r, e.id) :
	    st;
}

int
enroll_cancel_post(struct req *r)
{
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	char path[64];
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = flow_step_once(r->db, &enroll_flow, e.id, FA_CANCEL, &by,
	    NULL)) != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_again(r, e.id) : st;
	snprintf(path, sizeof(path), "/u/enroll?unit=%lld",
	    (long long)e.unit_id);
	return req_redirect(r, path);
}

int
enroll_pay_post(struct req *r)
{
	struct field_val v[PF__MAX];
	struct flow_actor by;
	struct enroll e;
	enum refusal rf;
	int st;

	if ((st = own(r, &e)) != 0)
		return st;
	if (form_read(r, pay_fields, PF__MAX, v) > 0)
		return item_page(r, &e);
	flow_actor_of(r, &by);
	if ((rf = enroll_pay(r->db, e.id, v[PF_PAID].fen, v[PF_ON].date,
	    &by)) != RF_OK)
		return (st = form_refuse(r, rf, rf == RF_ENROLL_PAID ? "paid" :
		    NULL)) == 200 ? item_page(r, &e) : st;
	return item_done(r, e.id, "paid");
}

static enum refusal
pay_submit(struct req *r, const struct enroll *e, const struct flow_actor *by)
{
	return enroll_pay_submit(r->db, e->id, by);
}

int
enroll_pay_submit_post(struct req *r)
{
	return draft_change(r, pay_submit, "sent");
}

/* The three workbooks, by the route's path. */
int
enroll_xlsx_get(struct req *r)
{
	struct enroll e;
	char path[1024], hex[17], name[96];
	const char *tmp = conf_str(CONF_TMP_DIR);
	int st, ok;

	if ((st = own(r, &e)) != 0)
		return st;
	if (!rand_hex(hex, 8))
		return 500;
	snprintf(path, sizeof(path), "%s/%s.xlsx", tmp, hex);
	if (strstr(r->path, "notice")) {
		if (!enroll_payable(&e))
			return page_refuse(r, RF_ENROLL_NO_NOTICE, 409);
		ok = enroll_notice_xlsx(r->db, &e, path, tmp);
		snprintf(name, sizeof(name), "缴费通知单%s.xlsx", e.no);
	} else if (strstr(r->path, "ineligible")) {
		ok = enroll_ineligible_xlsx(r->db, &e, path, tmp);
		snprintf(name, sizeof(name), "不可参保人员名单%s.xlsx", e.no);
	} else {
		ok = enroll_form_xlsx(r->db, &e, path, tmp);
		snprintf(name, sizeof(name), "参保申请单%s.xlsx", e.no);
	}
	if (!ok)
		return 500;
	return req_send_file(r, path, XLSX_MIME, name);
}

int
enroll_file_get(struct req *r)
{
	struct attachment a;
	struct enroll e;
	int rc;

	if ((rc = own(r, &e)) != 0)
		return rc;
	if ((rc = file_for_agent(r->db, req_id(r, "file"), r->sess.subject,
	    "enroll", &a)) < 0)
		return 500;
	if (rc == 0 || a.owner_id != e.id)
		return req_error_page(r, 404, "未找到该文件。");
	return store_send(r, &a);
}
