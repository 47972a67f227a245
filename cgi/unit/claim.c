/*
 * claim.c -- 补助申请 in the unit portal: the unit's claims (its own, and
 * its members' once filed), 代他人办理 of any of the seven kinds for a
 * member covered through the unit, the claim page (what happened, the
 * payout account, the materials of its kind, 提交, 删除, 修正信息), and
 * 基层审核 of a member's claim where the district asks for it.  Every
 * handler first checks that the agent holds 医疗互助 in the unit.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "claim.h"
#include "claimrec.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "store.h"
#include "view.h"

#define PER_PAGE	20

/* The kinds by plan_kinds' names, in enum plan_kind's order. */
static const char *const kinds[] = { "inpatient", "days", "critical",
	"female", "accident", "death", "disability", NULL };

enum { NF_MEMBER, NF_KIND, NF__MAX };
static const struct field new_fields[NF__MAX] = {
	[NF_MEMBER] = { "member", FK_ID, 0, NULL },
	[NF_KIND] =   { "kind", FK_CHOICE, 0, kinds },
};

/* 就诊 / 出险信息: what the kind asks is checked at 提交. */
enum { EF_HOSPITAL, EF_ADMITTED, EF_DISCHARGED, EF_EVENT_ON, EF_DISEASE,
    EF_STORY, EF_INVOICE, EF_GRADE, EF__MAX };
static const struct field event_fields[EF__MAX] = {
	[EF_HOSPITAL] =   { "hospital", FK_TEXT_60, 1, NULL },
	[EF_ADMITTED] =   { "admitted", FK_DATE, 1, NULL },
	[EF_DISCHARGED] = { "discharged", FK_DATE, 1, NULL },
	[EF_EVENT_ON] =   { "event_on", FK_DATE, 1, NULL },
	[EF_DISEASE] =    { "disease", FK_TEXT_60, 1, NULL },
	[EF_STORY] =      { "story", FK_NOTE, 1, NULL },
	[EF_INVOICE] =    { "invoice_no", FK_TEXT_30, 1, NULL },
	[EF_GRADE] =      { "grade", FK_COUNT, 1, NULL },
};

/* 收款账户 */
enum { PF_PAYEE, PF_CARD, PF_BANK, PF_BRANCH, PF_PHONE, PF_NOTE, PF__MAX };
static const struct field payee_fields[PF__MAX] = {
	[PF_PAYEE] =  { "payee", FK_TEXT_60, 1, NULL },
	[PF_CARD] =   { "card", FK_BANK_CARD, 1, NULL },
	[PF_BANK] =   { "bank", FK_TEXT_60, 1, NULL },
	[PF_BRANCH] = { "branch", FK_TEXT_60, 1, NULL },
	[PF_PHONE] =  { "bank_phone", FK_PHONE, 1, NULL },
	[PF_NOTE] =   { "payee_note", FK_NOTE, 1, NULL },
};

/* The claim of ?id= (or the form's) if this agent may aid its unit: 0
 * with *c filled, or the status of the page already made. */
static int
own(struct req *r, struct claim *c)
{
	int rc;

	if ((rc = claim_of_agent(r->db, req_id(r, "id"), r->sess.subject, c))
	    < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该补助申请。");
	view_attrf(r->page, "unit", "%lld", (long long)c->unit_id);
	return 0;
}

/* The claim page: the detail, the timeline, the materials, and what the
 * agent may do now. */
static int
item_page(struct req *r, const struct claim *c)
{
	struct flow_actor by;
	xmlNodePtr n;

	flow_actor_of(r, &by);
	if ((n = claim_view(r->db, c, 0, r->page)) == NULL ||
	    !store_list(r->db, "claim", c->id, n) ||
	    !flow_timeline(r->db, &c->flow, n))
		return 500;
	if (flow_actions(r->db, &c->flow, &by) & (1u << FA_APPROVE))
		view_attr(n, "grassroots", "1");	/* 基层审核 */
	if (c->channel == CC_UNIT && c->flow.filer_id == r->sess.subject)
		view_attr(n, "mine", "1");
	r->sheet = SHEET_CLAIM;
	return 200;
}

static int
item_again(struct req *r, int64_t id)
{
	struct claim c;

	if (claim_get(r->db, id, &c) != 1)
		return 500;
	return item_page(r, &c);
}

/* After a change: back to the page with what happened said. */
static int
item_done(struct req *r, int64_t id, const char *said)
{
	char path[96];

	snprintf(path, sizeof(path), "/u/claim?id=%lld&said=%s",
	    (long long)id, said);
	return req_redirect(r, path);
}

static void
said(struct req *r)
{
	static const char *const words[][2] = {
		{ "saved", "已保存。" }, { "uploaded", "已上传。" },
		{ "submitted", "补助申请提交完成，请等待审核。" },
		{ "corrected", "已修正收款信息，将重新打款。" },
		{ "decided", "已办理。" },
	};
	const char *s = req_query(r, "said");
	size_t i;

	for (i = 0; s && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(s, words[i][0]) == 0)
			form_message(r, words[i][1], "ok");
}

/* The unit's claims, and whom a new one may be for. */
static int
list_page(struct req *r, int64_t unit)
{
	const char *q = req_query(r, "q");

	if (!claim_list_view(r->db, 0, unit, req_query(r, "page"), PER_PAGE,
	    r->page) || (q && *q && !claim_people_view(r->db, unit, q,
	    r->page)))
		return 500;
	r->sheet = SHEET_CLAIM;
	return 200;
}

int
claims_get(struct req *r)
{
	int64_t unit;
	int st;

	if (req_query(r, "unit") == NULL) {	/* choose a unit first */
		if (!units_add(r))
			return 500;
		r->sheet = SHEET_CLAIM;
		return 200;
	}
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	return list_page(r, unit);
}

int
claim_get_page(struct req *r)
{
	struct claim c;
	int st;

	if ((st = own(r, &c)) != 0)
		return st;
	said(r);
	return item_page(r, &c);
}

/* 代他人办理: a draft for the person and kind chosen. */
int
claim_new_post(struct req *r)
{
	struct field_val v[NF__MAX];
	struct claim_new n;
	struct flow_actor by;
	enum refusal rf;
	int64_t unit, id;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (form_read(r, new_fields, NF__MAX, v) > 0)
		return list_page(r, unit);
	n = (struct claim_new){ (enum plan_kind)v[NF_KIND].num,
	    *req_form(r, "with_female") != '\0', CC_UNIT, v[NF_MEMBER].num,
	    unit };
	flow_actor_of(r, &by);
	if ((rf = claim_create(r->db, &n, &by, &id)) != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    list_page(r, unit) : st;
	return item_done(r, id, "saved");
}

int
claim_event_post(struct req *r)
{
	struct field_val v[EF__MAX];
	struct claim_event e;
	struct flow_actor by;
	struct claim c;
	enum refusal rf;
	int st;

	if ((st = own(r, &c)) != 0)
		return st;
	if (form_read(r, event_fields, EF__MAX, v) > 0)
		return item_page(r, &c);
	e = (struct claim_event){ v[EF_HOSPITAL].v, v[EF_ADMITTED].date,
	    v[EF_DISCHARGED].date, v[EF_EVENT_ON].date, v[EF_DISEASE].v,
	    v[EF_STORY].v, v[EF_INVOICE].v, (int)v[EF_GRADE].num,
	    *req_form(r, "died") != '\0' };
	flow_actor_of(r, &by);
	if ((rf = claim_set_event(r->db, c.id, &e, 0, &by)) != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_page(r, &c) : st;
	return item_done(r, c.id, "saved");
}

/* The account as typed: for a draft (保存) or after 打款失败 (修正信息). */
static int
payee_change(struct req *r, int correct)
{
	struct field_val v[PF__MAX];
	struct claim_payee p;
	struct flow_actor by;
	struct claim c;
	enum refusal rf;
	int st;

	if ((st = own(r, &c)) != 0)
		return st;
	if (form_read(r, payee_fields, PF__MAX, v) > 0)
		return item_page(r, &c);
	p = (struct claim_payee){ v[PF_PAYEE].v, v[PF_CARD].v, v[PF_BANK].v,
	    v[PF_BRANCH].v, v[PF_PHONE].v, v[PF_NOTE].v };
	flow_actor_of(r, &by);
	rf = correct ? claim_correct(r->db, c.id, &p, &by) :
	    claim_set_payee(r->db, c.id, &p, 0, &by);
	if (rf != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_page(r, &c) : st;
	return item_done(r, c.id, correct ? "corrected" : "saved");
}

int claim_payee_post(struct req *r) { return payee_change(r, 0); }
int claim_correct_post(struct req *r) { return payee_change(r, 1); }

int
claim_upload_post(struct req *r)
{
	struct flow_actor by;
	struct claim c;
	enum refusal rf;
	const char *why;
	int st;

	if ((st = own(r, &c)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = claim_attach(r->db, &c, req_file(r, "file"),
	    req_form(r, "kind"), &by, &why)) == RF_OK)
		return item_done(r, c.id, "uploaded");
	if (rf == RF_DB)
		return 500;
	form_message(r, rf == RF_FILE && why ? why : refusal_text(rf),
	    "error");
	return item_page(r, &c);
}

/* 提交, 删除, and 基层审核's 同意 / 退回: one engine step each. */
int
claim_step_post(struct req *r)
{
	struct flow_actor by;
	struct claim c;
	enum flow_action a = flow_action_parse(req_form(r, "action"));
	enum refusal rf;
	char path[64];
	int st;

	if ((st = own(r, &c)) != 0)
		return st;
	flow_actor_of(r, &by);
	rf = a == FA_SUBMIT ? claim_submit(r->db, c.id, 0, &by) :
	    flow_step_once(r->db, &claim_flow, c.id, a, &by,
	    req_form(r, "reason"));
	if (rf != RF_OK)
		return (st = form_refuse(r, rf, NULL)) == 200 ?
		    item_again(r, c.id) : st;
	if (a != FA_CANCEL)
		return item_done(r, c.id, a == FA_SUBMIT ? "submitted" :
		    "decided");
	snprintf(path, sizeof(path), "/u/claims?unit=%lld",
	    (long long)c.unit_id);
	return req_redirect(r, path);
}

int
claim_file_get(struct req *r)
{
	struct attachment a;
	struct claim c;
	int rc;

	if ((rc = own(r, &c)) != 0)
		return rc;
	if ((rc = file_for_agent(r->db, req_id(r, "file"), r->sess.subject,
	    "claim", &a)) < 0)
		return 500;
	if (rc == 0 || a.owner_id != c.id)
		return req_error_page(r, 404, "未找到该文件。");
	if (!audit_req(r, "file.view", a.owner_type, a.owner_id, a.filename))
		return 500;
	return store_send(r, &a);
}

/* 补助记录: the unit's filed claims by person, phone, kind and date. */
int
claim_records_page(struct req *r)
{
	struct claim_ask ask = {
		req_query(r, "kind"), req_query(r, "state"),
		req_query(r, "person"), req_query(r, "phone"),
		req_query(r, "from"), req_query(r, "to"), NULL, NULL
	};
	struct claim_filter f;
	const char *why;
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (claim_filter_read(&ask, &f, &why) > 0)
		form_message(r, why, "error");
	f.unit = unit;
	if (claim_records_view(r->db, &f, req_query(r, "page"), PER_PAGE,
	    r->page) == NULL)
		return 500;
	r->sheet = SHEET_CLAIM;
	return 200;
}
