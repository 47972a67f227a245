/*
 * enroll.c -- 参保申请: the application, its list of persons, the
 * eligibility check on 上报, the payment and the coverage it makes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "enrollint.h"
#include "flows.h"
#include "kind.h"
#include "log.h"
#include "mask.h"
#include "money.h"
#include "plan.h"
#include "renewal.h"
#include "sms.h"
#include "store.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"
#include "xlsxread.h"

const char *const enroll_kind_names[EK__MAX] = {
	[EK_MAIN] = "main", [EK_EARLY] = "early", [EK_SUPPLEMENT] = "supplement",
};
const char *const enroll_kind_labels[EK__MAX] = {
	[EK_MAIN] = "主保期参保", [EK_EARLY] = "提前续保",
	[EK_SUPPLEMENT] = "补充追加",
};

enum stmt {
	STMT_SEQ,
	STMT_LAST_ID,
	STMT_UNIT,
	STMT_UNIT_END,
	STMT_CREATE,
	STMT_GET,
	STMT_TERMS_SET,
	STMT_ACCOUNT_ADD,
	STMT_ACCOUNT_DEL,
	STMT_PAY,
	STMT_FILES,
	STMT_DUE_DATE,
	STMT__MAX
};




static const char *const sql[STMT__MAX] = {
	/* CB<YYYYMM><NNNN>: the month's counter row, locked until COMMIT. */
	[STMT_SEQ] =
	    "INSERT INTO enroll_seq (month, last) VALUES (?, LAST_INSERT_ID(1))"
	    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
	[STMT_LAST_ID] = "SELECT LAST_INSERT_ID()",
	[STMT_UNIT] =
	    "SELECT o.name, IF(p.level = 'district', p.id, 0),"
	    " (SELECT COALESCE(name, phone) FROM agent WHERE id = ?)"
	    " FROM org o LEFT JOIN org p ON p.id = o.parent_id"
	    " WHERE o.id = ? AND o.level = 'unit' AND o.status = 'approved'",
	/* The end of the unit's latest coverage of a plan ("" if none). */
	[STMT_UNIT_END] =
	    "SELECT " YMD("MAX(ends)") " FROM coverage"
	    " WHERE unit_id = ? AND plan_id = ?",
	[STMT_CREATE] =
	    "INSERT INTO enroll (no, kind, unit_id, agent_id, plan_id,"
	    " version_id, period_start, period_end, premium)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_GET] =
	    "SELECT e.id, e.no, e.kind, e.unit_id, e.agent_id, e.plan_id,"
	    " e.version_id, o.name, v.name, COALESCE(a.name, ''), a.phone,"
	    " " YMD("e.period_start") ", " YMD("e.period_end") ", e.premium,"
	    " (SELECT COUNT(*) FROM enroll_member WHERE enroll_id = e.id),"
	    " e.due, COALESCE(e.paid, -1), " YMD("e.paid_on") ","
	    " " YMD("e.due_date") ", COALESCE(e.chairman, o.chairman, ''),"
	    " COALESCE(e.contact, o.contact, ''),"
	    " COALESCE(e.contact_phone, o.contact_phone, ''),"
	    " COALESCE(e.nature, o.nature, ''),"
	    " COALESCE(e.employees, o.employees, 0),"
	    " (SELECT COUNT(*) FROM enroll_member WHERE enroll_id = e.id"
	    " AND problem IS NOT NULL)"
	    " FROM enroll e JOIN org o ON o.id = e.unit_id"
	    " JOIN plan_version v ON v.id = e.version_id"
	    " JOIN agent a ON a.id = e.agent_id WHERE e.id = ?",
	[STMT_TERMS_SET] =
	    "UPDATE enroll SET kind = ?, plan_id = ?, version_id = ?,"
	    " period_start = ?, period_end = ?, premium = ? WHERE id = ?",
	[STMT_ACCOUNT_ADD] =
	    "INSERT INTO enroll_account (enroll_id, holder, bank, account)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_ACCOUNT_DEL] =
	    "DELETE FROM enroll_account WHERE enroll_id = ? AND id = ?",
	[STMT_PAY] = "UPDATE enroll SET paid = ?, paid_on = ? WHERE id = ?",
	[STMT_FILES] =
	    "SELECT COUNT(*) FROM attachment WHERE owner_type = 'enroll'"
	    " AND owner_id = ? AND kind = ?",
	[STMT_DUE_DATE] = "UPDATE enroll SET due_date = ? WHERE id = ?",
};

static const struct db_table tab = { DBM_ENROLL, sql, STMT__MAX };

/* ---------------------------------------------------------------- flow */

/* 参保申请 (seed 004): 上报, 初审, 复审, 缴费, 财务确认. */
enum { E_DRAFT, E_REVIEW1, E_REVIEW2, E_PAYMENT, E_CONFIRM, E_DONE,
    E_RETURNED, E_CANCELLED, E__MAX };

static const struct flow_state states[E__MAX] = {
	[E_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[E_REVIEW1] =	{ "review1", "待初审", 0, NULL },
	[E_REVIEW2] =	{ "review2", "待复审", 0, NULL },
	[E_PAYMENT] =	{ "payment", "待缴费", 0, NULL },
	[E_CONFIRM] =	{ "confirm", "待确认", 0, "缴费确认中" },
	[E_DONE] =	{ "done", "已办结", 1, NULL },
	[E_RETURNED] =	{ "returned", "已退回", 0, NULL },
	[E_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_notice notice_pay = {
	"参保申请复审通过：{title}",
	"您提交的参保申请“{title}”已复审通过，请下载缴费通知单，"
	"按通知单缴费后上传缴费凭证。",
	"您提交的参保申请“{title}”已复审通过，请登录单位经办平台下载缴费"
	"通知单，缴费后上传缴费凭证。",
};

static const struct flow_notice notice_unpaid = {
	"缴费确认被退回：{title}",
	"您提交的参保申请“{title}”缴费确认被退回，退回理由是：{reason}。"
	"请核对后重新填写实缴金额并上传缴费凭证。",
	"您提交的参保申请“{title}”缴费确认被退回，退回理由是：{reason}，"
	"请登录单位经办平台核对后重新上传缴费凭证。",
};

static const struct flow_notice notice_done = {
	"参保成功：{title}",
	"您提交的参保申请“{title}”已办结，参保人员的保障已生效。",
	"您单位的参保申请“{title}”已办结，参保成功。",
};

static const struct flow_trans trans[] = {
	{ E_DRAFT,    E_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ E_RETURNED, E_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ E_DRAFT,    E_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ E_RETURNED, E_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ E_REVIEW1,  E_REVIEW2,   FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	{ E_REVIEW1,  E_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_returned },
	{ E_REVIEW2,  E_PAYMENT,   FA_APPROVE, ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_pay },
	{ E_REVIEW2,  E_RETURNED,  FA_RETURN,  ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_agent_returned },
	{ E_PAYMENT,  E_CONFIRM,   FA_SUBMIT,  FLOW_BY_FILER, "上传缴费凭证", 0,
	    NULL, NULL },
	{ E_CONFIRM,  E_DONE,      FA_APPROVE, ROLE_FINANCE, "确认到账", 1, NULL,
	    &notice_done },
	{ E_CONFIRM,  E_PAYMENT,   FA_RETURN,  ROLE_FINANCE, "确认到账", 1, NULL,
	    &notice_unpaid },
};

static enum refusal enroll_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal enroll_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int enroll_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	enroll_check, enroll_done, flow_agent_phone, enroll_body, NULL, NULL, NULL,
};

const struct flow_type enroll_flow = {
	"enroll", "参保申请", states, E__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/enroll?id=", &hooks, NULL, 0,
};

/* ------------------------------------------------------------- reading */

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")

static enum enroll_kind
kind_parse(const char *s)
{
	int k;

	for (k = 0; k < EK__MAX; k++)
		if (s && strcmp(s, enroll_kind_names[k]) == 0)
			return (enum enroll_kind)k;
	return EK_MAIN;
}

int
enroll_get(struct db *db, int64_t id, struct enroll *e)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(e, 0, sizeof(*e));
		e->id = db_int(r, 0);
		COPY(e->no, 1);
		e->kind = kind_parse(db_col(r, 2));
		e->unit_id = db_int(r, 3);
		e->agent_id = db_int(r, 4);
		e->plan_id = db_int(r, 5);
		e->version_id = db_int(r, 6);
		COPY(e->unit_name, 7);
		COPY(e->plan_name, 8);
		COPY(e->agent_name, 9);
		COPY(e->agent_phone, 10);
		COPY(e->period_start, 11);
		COPY(e->period_end, 12);
		e->premium = db_int(r, 13);
		e->headcount = db_int(r, 14);
		e->due = db_int(r, 15);
		e->paid = db_int(r, 16);
		COPY(e->paid_on, 17);
		COPY(e->due_date, 18);
		COPY(e->chairman, 19);
		COPY(e->contact, 20);
		COPY(e->contact_phone, 21);
		COPY(e->nature, 22);
		e->employees = db_int(r, 23);
		e->problems = db_int(r, 24);
	}
	db_done(r);
	if (rc == 1)
		rc = flow_get_item(db, &enroll_flow, id, &e->flow);
	return rc;
}

int
enroll_mine(struct db *db, int64_t id, int64_t agent, struct enroll *e)
{
	enum refusal rf;
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = enroll_get(db, id, e)) != 1)
		return rc;
	if ((rf = agent_may_aid(db, agent, e->unit_id)) == RF_DB)
		return -1;
	return rf == RF_OK;
}

/* ------------------------------------------------------------- periods */

/*
 * The period an application of `kind` buys under terms `t` for `unit`,
 * as of today: 主保期 continues the unit's last coverage when it ends this
 * month, else follows the plan's 集中参保期 while it is open; 提前续保
 * starts when the agent says, after today; 补充追加 starts tomorrow and
 * ends with the unit's current coverage (a whole period if none).
 */
static enum refusal
period_of(struct db *db, int64_t unit, const struct plan_terms *t,
    enum enroll_kind kind, const char *start_in, char start[11],
    char end[11])
{
	char today[11], last[11] = "", tomorrow[11];
	struct db_res *r;

	clock_today(today);
	if ((r = db_query(db, &tab, STMT_UNIT_END, "ii", unit, t->plan_id))
	    == NULL)
		return RF_DB;
	if (db_next(r) == 1)
		snprintf(last, sizeof(last), "%s", db_col(r, 0));
	db_done(r);
	if (!clock_date_add(today, 0, 1, tomorrow))
		return RF_DB;
	switch (kind) {
	case EK_MAIN:
		if (last[0] && strncmp(last, today, 7) == 0) {
			if (!clock_date_add(last, 0, 1, start))
				return RF_DB;
		} else if (t->window_from[0] && t->window_to[0] &&
		    strcmp(today, t->window_from) >= 0 &&
		    strcmp(today, t->window_to) <= 0) {
			if (!clock_date_add(t->window_to, 0, 1, start))
				return RF_DB;
		} else
			return RF_ENROLL_WINDOW;
		break;
	case EK_EARLY:
		if (start_in == NULL || *start_in == '\0' ||
		    strcmp(start_in, today) <= 0)
			return RF_ENROLL_PERIOD;
		snprintf(start, 11, "%s", start_in);
		break;
	case EK_SUPPLEMENT:
	default:
		snprintf(start, 11, "%s", tomorrow);
		if (last[0] && strcmp(last, tomorrow) >= 0) {
			snprintf(end, 11, "%s", last);
			return RF_OK;
		}
		break;
	}
	return clock_date_add(start, t->period_months, -1, end) ? RF_OK :
	    RF_DB;
}

/* The title of an application in queues and notices. */
static void
title_of(char *out, size_t n, const char *no, const char *plan)
{
	snprintf(out, n, "%.15s %.200s", no, plan);
	utf8_cut(out, 100, n);
}

/* ------------------------------------------------------------- writing */

struct create_arg {
	int64_t			 unit, id;
	const struct enroll_terms *terms;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
create_txn(struct db *db, void *arg)
{
	struct create_arg *c = arg;
	struct flow_new n = { SESS_AGENT, c->by->id, NULL, c->unit, 0, NULL };
	struct plan_terms t;
	struct db_res *r;
	char unit[256], agent[128], month[8], today[11], no[24], title[256];
	char start[11] = "", end[11] = "";
	int64_t seq;
	int found;

	c->rf = RF_DB;
	if ((found = plan_current(db, c->terms->plan_id, &t)) < 0)
		return 1;
	if (found == 0 || !t.active) {
		c->rf = RF_ENROLL_PLAN;
		return 1;
	}
	if ((r = db_query(db, &tab, STMT_UNIT, "ii", c->by->id, c->unit))
	    == NULL)
		return 1;
	if ((found = db_next(r)) == 1) {
		snprintf(unit, sizeof(unit), "%s", db_col(r, 0));
		n.district_id = db_int(r, 1);
		snprintf(agent, sizeof(agent), "%s", db_col(r, 2) ?
		    db_col(r, 2) : "");
	}
	db_done(r);
	if (found != 1) {
		c->rf = found == 0 ? RF_NO_UNIT : RF_DB;
		return 1;
	}
	if ((c->rf = period_of(db, c->unit, &t, c->terms->kind,
	    c->terms->period_start, start, end)) != RF_OK)
		return 1;
	c->rf = RF_DB;
	clock_today(today);
	snprintf(month, sizeof(month), "%.4s%.2s", today, today + 5);
	if (db_exec(db, &tab, STMT_SEQ, "s", month) < 1 ||
	    (seq = db_one_int(db, &tab, STMT_LAST_ID, &found, "")) <= 0)
		return 1;
	if (seq > 9999)		/* four digits: ten thousand a month */
		log_err("enroll: more than 9999 applications in %s", month);
	snprintf(no, sizeof(no), "CB%.6s%04d", month, (int)(seq % 100000));
	if (db_exec(db, &tab, STMT_CREATE, "ssiiiissi", no,
	    enroll_kind_names[c->terms->kind], c->unit, c->by->id, t.plan_id,
	    t.version_id, start, end, t.premium) != 1)
		return 1;
	c->id = db_insert_id(db);
	title_of(title, sizeof(title), no, t.name);
	n.filer_name = agent;
	n.title = title;
	if (!flow_create(db, &enroll_flow, c->id, &n) ||
	    !audit_log(db, c->by->kind, c->by->id, c->by->ip, "enroll.create",
	    "enroll", c->id, no))
		return 1;
	c->rf = RF_OK;
	return 0;
}

enum refusal
enroll_create(struct db *db, int64_t unit, const struct enroll_terms *terms,
    const struct flow_actor *by, int64_t *id)
{
	struct create_arg c = { unit, 0, terms, by, RF_DB };
	enum refusal rf;

	if ((rf = agent_may_aid(db, by->id, unit)) != RF_OK)
		return rf;
	if ((unsigned)terms->kind >= EK__MAX)
		return RF_ENROLL_PLAN;
	if (db_txn(db, create_txn, &c) < 0)
		return RF_DB;
	*id = c.id;
	return c.rf;
}


static int
edit_txn(struct db *db, void *arg)
{
	struct edit *ed = arg;
	struct flow_item it;
	int rc;

	ed->rf = RF_DB;
	ed->count = 0;
	ed->detail[0] = '\0';
	if ((rc = flow_lock(db, &enroll_flow, ed->id, &it)) <= 0) {
		ed->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != ed->by->kind || it.filer_id != ed->by->id) {
		ed->rf = RF_FORBIDDEN;
		return 1;
	}
	if (!flow_editable(&it)) {
		ed->rf = RF_SUBMITTED;
		return 1;
	}
	if ((ed->rf = ed->fn(db, ed)) != RF_OK)
		return 1;
	if (!audit_log(db, ed->by->kind, ed->by->id, ed->by->ip, ed->action,
	    "enroll", ed->id, ed->detail)) {
		ed->rf = RF_DB;
		return 1;
	}
	return 0;
}

enum refusal
enroll_edit(struct db *db, int64_t id, const struct flow_actor *by,
    const char *action, enum refusal (*fn)(struct db *, struct edit *),
    void *arg, int64_t *count)
{
	struct edit ed = { id, by, action, fn, arg, 0, "", RF_DB };

	if (db_txn(db, edit_txn, &ed) < 0)
		return RF_DB;
	if (count)
		*count = ed.count;
	return ed.rf;
}

static enum refusal
terms_fn(struct db *db, struct edit *ed)
{
	const struct enroll_terms *in = ed->arg;
	struct plan_terms t;
	struct db_res *r;
	char start[11] = "", end[11] = "", no[24] = "", title[256];
	enum refusal rf;
	int64_t unit = 0;
	int rc;

	if ((unsigned)in->kind >= EK__MAX)
		return RF_ENROLL_PLAN;
	if ((rc = plan_current(db, in->plan_id, &t)) < 0)
		return RF_DB;
	if (rc == 0 || !t.active)
		return RF_ENROLL_PLAN;
	if ((r = db_query(db, &tab, STMT_GET, "i", ed->id)) == NULL)
		return RF_DB;
	if (db_next(r) == 1) {
		unit = db_int(r, 3);
		snprintf(no, sizeof(no), "%s", db_col(r, 1));
	}
	db_done(r);
	if ((rf = period_of(db, unit, &t, in->kind, in->period_start, start,
	    end)) != RF_OK)
		return rf;
	title_of(title, sizeof(title), no, t.name);
	if (db_exec(db, &tab, STMT_TERMS_SET, "siiss" "ii",
	    enroll_kind_names[in->kind], t.plan_id, t.version_id, start, end,
	    t.premium, ed->id) < 0 ||
	    !flow_retitle(db, &enroll_flow, ed->id, title))
		return RF_DB;
	snprintf(ed->detail, sizeof(ed->detail), "%s %s %s..%s",
	    enroll_kind_names[in->kind], t.code, start, end);
	return RF_OK;
}

enum refusal
enroll_set_terms(struct db *db, int64_t id, const struct enroll_terms *terms,
    const struct flow_actor *by)
{
	return enroll_edit(db, id, by, "enroll.terms", terms_fn,
	    (void *)terms, NULL);
}

struct account_in {
	const char	*holder, *bank, *account;
	int64_t		 id;
};

static enum refusal
account_add_fn(struct db *db, struct edit *ed)
{
	const struct account_in *a = ed->arg;

	if (db_exec(db, &tab, STMT_ACCOUNT_ADD, "isss", ed->id, a->holder,
	    a->bank, a->account) != 1)
		return RF_DB;
	snprintf(ed->detail, sizeof(ed->detail), "%s", a->bank);
	return RF_OK;
}

static enum refusal
account_del_fn(struct db *db, struct edit *ed)
{
	const struct account_in *a = ed->arg;
	int64_t n;

	if ((n = db_exec(db, &tab, STMT_ACCOUNT_DEL, "ii", ed->id, a->id)) < 0)
		return RF_DB;
	if (n == 0)
		return RF_NOT_FOUND;
	snprintf(ed->detail, sizeof(ed->detail), "%lld", (long long)a->id);
	return RF_OK;
}

enum refusal
enroll_account_add(struct db *db, int64_t id, const char *holder,
    const char *bank, const char *account, const struct flow_actor *by)
{
	struct account_in a = { holder, bank, account, 0 };

	return enroll_edit(db, id, by, "enroll.account", account_add_fn, &a,
	    NULL);
}

enum refusal
enroll_account_remove(struct db *db, int64_t id, int64_t account_id,
    const struct flow_actor *by)
{
	struct account_in a = { NULL, NULL, NULL, account_id };

	return enroll_edit(db, id, by, "enroll.account_remove", account_del_fn,
	    &a, NULL);
}

enum refusal
enroll_create_renewal(struct db *db, int64_t unit, int64_t plan,
    const char *month, const struct flow_actor *by, int64_t *id,
    int64_t *added)
{
	struct enroll_terms t = { plan, EK_MAIN, NULL };
	struct db_res *r;
	char last[11] = "", next[11] = "", m[11];
	enum refusal rf;

	if (!renewal_month_of(month, m))
		return RF_RENEWAL_MONTH;
	rf = enroll_create(db, unit, &t, by, id);
	if (rf == RF_ENROLL_WINDOW) {
		/* Outside the plan's window: renew from the day after the
		 * unit's coverage of the plan ends (提前续保). */
		if ((r = db_query(db, &tab, STMT_UNIT_END, "ii", unit, plan))
		    == NULL)
			return RF_DB;
		if (db_next(r) == 1)
			snprintf(last, sizeof(last), "%s", db_col(r, 0));
		db_done(r);
		if (last[0] && clock_date_add(last, 0, 1, next)) {
			t.kind = EK_EARLY;
			t.period_start = next;
			rf = enroll_create(db, unit, &t, by, id);
		}
	}
	if (rf != RF_OK)
		return rf;
	return enroll_pick_month(db, *id, m, by, added);
}

/* ------------------------------------------------------------ payment */

struct pay_arg {
	int64_t			 id, paid;
	const char		*paid_on;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
pay_txn(struct db *db, void *arg)
{
	struct pay_arg *p = arg;
	struct flow_item it;
	char detail[64], money[32];
	int rc;

	p->rf = RF_DB;
	if ((rc = flow_lock(db, &enroll_flow, p->id, &it)) <= 0) {
		p->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != p->by->kind || it.filer_id != p->by->id) {
		p->rf = RF_FORBIDDEN;
		return 1;
	}
	if (it.state != E_PAYMENT) {
		p->rf = RF_BAD_STATE;
		return 1;
	}
	money_plain(p->paid, money, sizeof(money));
	snprintf(detail, sizeof(detail), "%s %s", money, p->paid_on);
	if (db_exec(db, &tab, STMT_PAY, "isi", p->paid, p->paid_on, p->id) < 0 ||
	    !audit_log(db, p->by->kind, p->by->id, p->by->ip, "enroll.pay",
	    "enroll", p->id, detail))
		return 1;
	p->rf = RF_OK;
	return 0;
}

enum refusal
enroll_pay(struct db *db, int64_t id, int64_t paid, const char *paid_on,
    const struct flow_actor *by)
{
	struct pay_arg p = { id, paid, paid_on, by, RF_DB };

	if (paid <= 0 || paid_on == NULL || *paid_on == '\0')
		return RF_ENROLL_PAID;
	if (db_txn(db, pay_txn, &p) < 0)
		return RF_DB;
	return p.rf;
}

enum refusal
enroll_pay_submit(struct db *db, int64_t id, const struct flow_actor *by)
{
	return flow_step_once(db, &enroll_flow, id, FA_SUBMIT, by, NULL);
}

int
enroll_payable(const struct enroll *e)
{
	return e->flow.state == E_PAYMENT || e->flow.state == E_CONFIRM ||
	    e->flow.state == E_DONE;
}

enum refusal
enroll_attach(struct db *db, const struct enroll *e, const struct upload *u,
    const char *kind, const struct flow_actor *by, const char **why)
{
	enum attach_kind k;

	*why = NULL;
	if (kind && strcmp(kind, "voucher") == 0)
		k = AK_VOUCHER;
	else if (kind && strcmp(kind, "roster_scan") == 0)
		k = AK_ROSTER_SCAN;
	else
		k = AK_ENROLL_FORM;
	/* 申请材料 with the draft; the payment's papers while paying. */
	if ((k == AK_ENROLL_FORM) != (flow_editable(&e->flow) != 0))
		return e->flow.state == E_PAYMENT || k == AK_ENROLL_FORM ?
		    RF_SUBMITTED : RF_BAD_STATE;
	return flow_attach(db, &enroll_flow, e->id, u, k, by, why);
}

static int64_t
count_files(struct db *db, int64_t id, enum attach_kind kind)
{
	int found;

	return db_one_int(db, &tab, STMT_FILES, &found, "is", id,
	    store_kind_name(kind));
}

/* --------------------------------------------------------- flow hooks */

/* Before 上报: people and an account (enroll_submit saw to them, this
 * guards the engine's other callers); before 待确认: the money and the
 * vouchers. */
static enum refusal
enroll_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct enroll e;
	int64_t n;

	if (t->action != FA_SUBMIT)
		return RF_OK;
	if (enroll_get(db, it->item_id, &e) != 1)
		return RF_DB;
	if (t->from != E_PAYMENT)
		return e.headcount == 0 ? RF_ENROLL_EMPTY : e.problems > 0 ?
		    RF_ENROLL_INELIGIBLE : RF_OK;
	if (e.paid <= 0 || e.paid_on[0] == '\0')
		return RF_ENROLL_PAID;
	if ((n = count_files(db, e.id, AK_VOUCHER)) < 0)
		return RF_DB;
	if (n == 0)
		return RF_ENROLL_VOUCHER;
	if (conf_long(CONF_ENROLL_SCAN) != 0) {
		if ((n = count_files(db, e.id, AK_ROSTER_SCAN)) < 0)
			return RF_DB;
		if (n == 0)
			return RF_ENROLL_SCAN;
	}
	return RF_OK;
}

static enum refusal
enroll_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct enroll e;
	char today[11], due[11];

	if (t->to == E_PAYMENT && t->from == E_REVIEW2) {
		clock_today(today);
		if (!clock_date_add(today, 0, (int)conf_long(CONF_PAY_DAYS), due))
			return RF_DB;
		return db_exec(db, &tab, STMT_DUE_DATE, "si", due, it->item_id)
		    < 0 ? RF_DB : RF_OK;
	}
	if (t->to != E_DONE)
		return RF_OK;
	if (enroll_get(db, it->item_id, &e) != 1)
		return RF_DB;
	return enroll_cover(db, &e);
}

/* Seed 004's bar: 1 提交申请 2 待初审 3 待复审 4 上传缴费凭证 5 待确认
 * 6 已办结, by state. */
int
enroll_progress(const struct enroll *e)
{
	switch (e->flow.state) {
	case E_REVIEW1:	return 2;
	case E_REVIEW2:	return 3;
	case E_PAYMENT:	return 4;
	case E_CONFIRM:	return 5;
	case E_DONE:	return 6;
	default:	return 1;
	}
}

/* The review page's body: the application, its accounts and people. */
static int
enroll_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct enroll e;
	xmlNodePtr n;

	if (enroll_get(db, it->item_id, &e) != 1 ||
	    (n = enroll_view(db, &e, body)) == NULL)
		return 0;
	return enroll_accounts_view(db, e.id, n) &&
	    enroll_members_view(db, e.id, 0, "", "1", 100, n);
}

