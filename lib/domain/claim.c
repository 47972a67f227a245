/*
 * claim.c -- 补助申请: the claim, its flow, what it is checked against at
 * 提交, and the notices' words.  The figures and the amount are in
 * claimpay.c, the pages' views in claimview.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "claim.h"
#include "claimint.h"
#include "clock.h"
#include "conf.h"
#include "coverage.h"
#include "db.h"
#include "flows.h"
#include "http_parse.h"
#include "kind.h"
#include "log.h"
#include "money.h"
#include "store.h"
#include "valid.h"

const char *const claim_kind_codes[PK__MAX] = {
	[PK_INPATIENT] = "ZY", [PK_DAYS] = "TS", [PK_CRITICAL] = "ZJ",
	[PK_FEMALE] = "NG", [PK_ACCIDENT] = "YW", [PK_DEATH] = "SG",
	[PK_DISABILITY] = "GS",
};
const char *const claim_kind_labels[PK__MAX] = {
	[PK_INPATIENT] = "住院医疗", [PK_DAYS] = "住院天数",
	[PK_CRITICAL] = "重大疾病", [PK_FEMALE] = "女职工特殊疾病",
	[PK_ACCIDENT] = "意外伤害", [PK_DEATH] = "亡故",
	[PK_DISABILITY] = "工伤致残",
};
static const char channel_letter[CC__MAX] = { 'A', 'D' };
static const char *const channel_names[CC__MAX] = { "member", "unit" };

enum stmt {
	STMT_SEQ,
	STMT_LAST_ID,
	STMT_MEMBER,
	STMT_UNIT,
	STMT_COVERED_HERE,
	STMT_COVERED_ANY,
	STMT_CREATE,
	STMT_GET,
	STMT_EVENT,
	STMT_PAYEE,
	STMT_REGION,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* <kind><YYYYMMDD><channel>: the prefix's counter row, locked until
	 * COMMIT, so 50 claims at once get 50 numbers. */
	[STMT_SEQ] =
	    "INSERT INTO claim_seq (prefix, last) VALUES (?, LAST_INSERT_ID(1))"
	    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
	[STMT_LAST_ID] = "SELECT LAST_INSERT_ID()",
	[STMT_MEMBER] =
	    "SELECT name, COALESCE(unit_id, 0) FROM member WHERE id = ?",
	[STMT_UNIT] =
	    "SELECT IF(p.level = 'district', p.id, 0) FROM org o"
	    " LEFT JOIN org p ON p.id = o.parent_id WHERE o.id = ?",
	/* A unit's claim: the person covered through it for the kind. */
	[STMT_COVERED_HERE] =
	    "SELECT COUNT(*) FROM coverage cv JOIN plan_benefit b"
	    " ON b.version_id = cv.version_id AND b.kind = ?"
	    " WHERE cv.member_id = ? AND cv.unit_id = ?",
	/* A member's own: the unit of their latest coverage of the kind. */
	[STMT_COVERED_ANY] =
	    "SELECT cv.unit_id FROM coverage cv JOIN plan_benefit b"
	    " ON b.version_id = cv.version_id AND b.kind = ?"
	    " WHERE cv.member_id = ? ORDER BY cv.ends DESC LIMIT 1",
	[STMT_CREATE] =
	    "INSERT INTO claim (no, kind, with_female, channel, member_id,"
	    " unit_id) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_GET] = CLAIM_SELECT " WHERE c.id = ?",
	[STMT_EVENT] =
	    "UPDATE claim SET hospital = ?, admitted = ?, discharged = ?,"
	    " event_on = ?, disease = ?, story = ?, invoice_no = ?, grade = ?,"
	    " died = ?, step = GREATEST(step, ?) WHERE id = ?",
	[STMT_PAYEE] =
	    "UPDATE claim SET payee = ?, card = ?, bank = ?, branch = ?,"
	    " bank_phone = ?, payee_note = ?, step = GREATEST(step, ?)"
	    " WHERE id = ?",
	[STMT_REGION] =
	    "SELECT unit_review, proof, photo_max FROM claim_region"
	    " WHERE district_id IN (?, 0) ORDER BY district_id DESC LIMIT 1",
};

static const struct db_table tab = { DBM_CLAIM, sql, STMT__MAX };

/* ---------------------------------------------------------------- flow */

static const struct flow_state states[CL__MAX] = {
	[CL_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[CL_UNIT] =	{ "unit", "待基层审核", 0, NULL },
	[CL_REVIEW1] =	{ "review1", "待初审", 0, "审核中" },
	[CL_REVIEW2] =	{ "review2", "待复审", 0, "审核中" },
	[CL_MEDICAL] =	{ "medical", "待报告复核", 0, "审核中" },
	[CL_APPROVED] =	{ "approved", "审核通过", 0, NULL },
	[CL_PAYING] =	{ "paying", "打款中", 0, NULL },
	[CL_DONE] =	{ "done", "办结", 0, NULL },
	[CL_FAILED] =	{ "failed", "打款失败", 0, NULL },
	[CL_CANCELLED] = { "cancelled", "已删除", 1, NULL },
};

/* The seeds' words (000, 001): {kind} 住院医疗, {amount} 8323.04. */
static const struct flow_notice notice_returned = {
	"补助申请被驳回：{title}",
	"您提交的“{title}”的{kind}补助申请被驳回，驳回理由是：{reason}，"
	"请参考驳回理由重新提交申请。",
	"您提交的“{title}”的{kind}补助申请被驳回，驳回理由是：{reason}，"
	"请参考驳回理由重新提交申请。",
};
static const struct flow_notice notice_approved = {
	"补助申请审核通过：{title}",
	"您提交的“{title}”的{kind}补助申请已审核通过，补助金额：{amount}，"
	"请等待打款。",
	NULL,
};
static const struct flow_notice notice_failed = {
	"补助申请打款失败：{title}",
	"您提交的“{title}”的{kind}补助申请打款失败，请修正信息。"
	"失败原因：{reason}",
	"您提交的“{title}”的{kind}补助申请打款失败，请修正信息。",
};
static const struct flow_notice notice_paid = {
	"补助金打款成功：{title}",
	"您提交的“{title}”的{kind}补助申请已成功办结，补助金已打款至尾号"
	"{card4}的银行卡，请注意查收银行到账信息。补助金额：{amount}",
	"您提交的“{title}”的{kind}补助申请已成功办结，补助金已打款至尾号"
	"{card4}的银行卡，请注意查收银行到账信息。补助金额：{amount}",
};

static int unit_first(struct db *, const struct flow_item *);
static int needs_medical(struct db *, const struct flow_item *);

#define FIN	(ROLE_FINANCE | FLOW_BY_DOMAIN)
static const struct flow_trans trans[] = {
	{ CL_DRAFT,    CL_UNIT,      FA_SUBMIT,  FLOW_BY_FILER, "提交", 0,
	    unit_first, NULL },
	{ CL_DRAFT,    CL_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "提交", 0,
	    NULL, NULL },
	{ CL_DRAFT,    CL_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0,
	    NULL, NULL },
	{ CL_UNIT,     CL_REVIEW1,   FA_APPROVE, FLOW_BY_UNIT, "基层审核", 0,
	    NULL, NULL },
	{ CL_UNIT,     CL_DRAFT,     FA_RETURN,  FLOW_BY_UNIT, "基层审核", 0,
	    NULL, &notice_returned },
	{ CL_REVIEW1,  CL_REVIEW2,   FA_APPROVE, ROLE_REVIEW1, "经办初审", 1,
	    NULL, NULL },
	{ CL_REVIEW1,  CL_DRAFT,     FA_RETURN,  ROLE_REVIEW1, "经办初审", 1,
	    NULL, &notice_returned },
	{ CL_REVIEW2,  CL_MEDICAL,   FA_APPROVE, ROLE_REVIEW2, "业务复核", 1,
	    needs_medical, NULL },
	{ CL_REVIEW2,  CL_APPROVED,  FA_APPROVE, ROLE_REVIEW2, "业务复核", 1,
	    NULL, &notice_approved },
	{ CL_REVIEW2,  CL_DRAFT,     FA_RETURN,  ROLE_REVIEW2, "业务复核", 1,
	    NULL, &notice_returned },
	{ CL_MEDICAL,  CL_APPROVED,  FA_APPROVE, ROLE_MEDICAL, "报告复核", 1,
	    NULL, &notice_approved },
	{ CL_MEDICAL,  CL_DRAFT,     FA_RETURN,  ROLE_MEDICAL, "报告复核", 1,
	    NULL, &notice_returned },
	/* 打款 (payout.c): one node, so the finance user who makes the
	 * batch records its result, but none who reviewed the claim. */
	{ CL_APPROVED, CL_PAYING,    FA_SUBMIT,  FIN, "打款", 1, NULL, NULL },
	{ CL_PAYING,   CL_DONE,      FA_APPROVE, FIN, "打款", 1, NULL,
	    &notice_paid },
	{ CL_PAYING,   CL_FAILED,    FA_RETURN,  FIN, "打款", 1, NULL,
	    &notice_failed },
	{ CL_PAYING,   CL_APPROVED,  FA_CANCEL,  FIN, "打款", 1, NULL, NULL },
	/* 退票: the bank returns a payment it reported made. */
	{ CL_DONE,     CL_FAILED,    FA_RETURN,  FIN, "打款", 1, NULL,
	    &notice_failed },
	{ CL_FAILED,   CL_APPROVED,  FA_SUBMIT,  FLOW_BY_FILER, "修正信息", 0,
	    NULL, NULL },
};

static enum refusal claim_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal claim_done(struct db *, const struct flow_item *,
    const struct flow_trans *);

static const struct flow_hooks hooks = {
	claim_check, claim_done, claim_phone, claim_body, flow_unit_agent,
	claim_words, claim_notice_many,
};

const struct flow_type claim_flow = {
	"claim", "补助申请", states, CL__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])),
	FLOW_FILER_AGENT | FLOW_FILER_MEMBER, "/u/claim?id=", &hooks,
	"/m/claim?id=", ROLE_MEDICAL,
};

/* The district's rules for a member's claim (claim_region). */
int
claim_region_get(struct db *db, int64_t district, struct claim_region *g)
{
	struct db_res *r;
	int rc;

	*g = (struct claim_region){ 0, "settlement", 1024 * 1024 };
	if ((r = db_query(db, &tab, STMT_REGION, "i", district)) == NULL)
		return 0;
	if ((rc = db_next(r)) == 1) {
		g->unit_review = (int)db_int(r, 0);
		snprintf(g->proof, sizeof(g->proof), "%s", db_col(r, 1));
		g->photo_max = db_int(r, 2);
	}
	db_done(r);
	return rc >= 0;
}

/* 待基层审核 comes first for a member's claim where the district asks. */
static int
unit_first(struct db *db, const struct flow_item *it)
{
	struct claim_region g;
	int64_t district;
	int found;

	if (it->filer_kind != SESS_MEMBER)
		return 0;
	if ((district = db_one_int(db, &tab, STMT_UNIT, &found, "i",
	    it->unit_id)) < 0 || !claim_region_get(db, district, &g))
		return -1;
	return g.unit_review != 0;
}

/* 报告复核 (Wuxi): the medical staff read 重疾 and 女工 reports. */
static int
needs_medical(struct db *db, const struct flow_item *it)
{
	struct claim c;
	int rc;

	if ((rc = claim_get(db, it->item_id, &c)) != 1)
		return rc < 0 ? -1 : 0;
	return c.kind == PK_CRITICAL || c.kind == PK_FEMALE;
}

/* review1 approves what it has computed, and something is payable (a
 * claim worth nothing is returned with the reason, not paid 0.00). */
static enum refusal
claim_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct claim c;
	int rc;

	if (t->from != CL_REVIEW1 || t->action != FA_APPROVE)
		return RF_OK;
	if ((rc = claim_get(db, it->item_id, &c)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	return c.amount < 0 ? RF_CLAIM_NO_FIGURES : c.amount == 0 ?
	    RF_CLAIM_ZERO : RF_OK;
}

/* 审核通过 fixes the amount with its explanation (claimpay.c). */
static enum refusal
claim_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	if (t->to == CL_APPROVED && (t->from == CL_REVIEW2 ||
	    t->from == CL_MEDICAL))
		return claim_fix_amount(db, it->item_id);
	return RF_OK;
}

/* ------------------------------------------------------------- reading */

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")
#define FEN(i) (db_col(r, (i)) ? db_int(r, (i)) : -1)

int
claim_get(struct db *db, int64_t id, struct claim *c)
{
	struct db_res *r;
	int rc;

	memset(c, 0, sizeof(*c));
	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		c->id = db_int(r, 0);
		COPY(c->no, 1);
		c->kind = plan_kind_named(db_col(r, 2));
		c->with_female = (int)db_int(r, 3);
		c->channel = strcmp(db_col(r, 4), "unit") == 0 ? CC_UNIT :
		    CC_MEMBER;
		c->member_id = db_int(r, 5);
		c->unit_id = db_int(r, 6);
		c->step = (int)db_int(r, 7);
		COPY(c->member_name, 8);
		COPY(c->id_number, 9);
		c->gender = db_col(r, 10) ? db_col(r, 10)[0] : 0;
		COPY(c->member_phone, 11);
		COPY(c->unit_name, 12);
		c->district_id = db_int(r, 13);
		COPY(c->hospital, 14);
		COPY(c->admitted, 15);
		COPY(c->discharged, 16);
		COPY(c->event_on, 17);
		COPY(c->disease, 18);
		COPY(c->story, 19);
		c->grade = (int)db_int(r, 20);
		c->died = (int)db_int(r, 21);
		COPY(c->invoice_no, 22);
		COPY(c->payee, 23);
		COPY(c->card, 24);
		COPY(c->bank, 25);
		COPY(c->branch, 26);
		COPY(c->bank_phone, 27);
		COPY(c->payee_note, 28);
		c->attested = (int)db_int(r, 29);
		c->total_cost = FEN(30);
		c->base = FEN(31);
		c->medical = FEN(32);
		c->amount = FEN(33);
		c->approved_amount = FEN(34);
		COPY(c->remark, 35);
		COPY(c->flags, 36);
		COPY(c->created_at, 37);
	}
	db_done(r);
	if (rc == 1 && (unsigned)c->kind >= PK__MAX)
		rc = 0;
	if (rc == 1)
		rc = flow_get_item(db, &claim_flow, id, &c->flow);
	return rc;
}

int
claim_of_member(struct db *db, int64_t id, int64_t member, struct claim *c)
{
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = claim_get(db, id, c)) != 1)
		return rc;
	return c->flow.filer_kind == SESS_MEMBER && c->flow.filer_id == member;
}

int
claim_of_agent(struct db *db, int64_t id, int64_t agent, struct claim *c)
{
	enum refusal rf;
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = claim_get(db, id, c)) != 1)
		return rc;
	if ((rf = agent_may_aid(db, agent, c->unit_id)) == RF_DB)
		return -1;
	return rf == RF_OK;
}

/* ------------------------------------------------------------ creating */

struct create_arg {
	const struct claim_new	*n;
	const struct flow_actor	*by;
	int64_t			 id;
	enum refusal		 rf;
};

/* The unit the claim goes through; RF_OK with *unit, or a refusal. */
static enum refusal
unit_of(struct db *db, const struct claim_new *n, int64_t *unit)
{
	const char *kind = plan_kinds[n->kind].name;
	int found;
	int64_t k;

	if (n->channel == CC_MEMBER) {
		if ((*unit = db_one_int(db, &tab, STMT_COVERED_ANY, &found,
		    "si", kind, n->member_id)) < 0)
			return RF_DB;
		return found ? RF_OK : RF_CLAIM_NOT_COVERED;
	}
	*unit = n->unit_id;
	if ((k = db_one_int(db, &tab, STMT_COVERED_HERE, &found, "sii", kind,
	    n->member_id, n->unit_id)) < 0)
		return RF_DB;
	if (k > 0 && n->with_female && (k = db_one_int(db, &tab,
	    STMT_COVERED_HERE, &found, "sii", plan_kinds[PK_FEMALE].name,
	    n->member_id, n->unit_id)) < 0)
		return RF_DB;
	return k > 0 ? RF_OK : n->with_female ? RF_CLAIM_BOTH :
	    RF_CLAIM_MEMBER;
}

static int
create_txn(struct db *db, void *arg)
{
	struct create_arg *a = arg;
	const struct claim_new *n = a->n;
	struct flow_new fn = { a->by->kind, a->by->id, a->by->name, 0, 0, NULL };
	struct db_res *r;
	char name[4 * 60 + 1] = "", prefix[12], no[18], today[11];
	int64_t unit, seq;
	int found;

	a->rf = RF_DB;
	if ((r = db_query(db, &tab, STMT_MEMBER, "i", n->member_id)) == NULL)
		return 1;
	if ((found = db_next(r)) == 1)
		snprintf(name, sizeof(name), "%s", db_col(r, 0));
	db_done(r);
	if (found != 1) {
		a->rf = found == 0 ? RF_CLAIM_MEMBER : RF_DB;
		return 1;
	}
	if ((a->rf = unit_of(db, n, &unit)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if ((fn.district_id = db_one_int(db, &tab, STMT_UNIT, &found, "i",
	    unit)) < 0)
		return 1;
	clock_today(today);
	snprintf(prefix, sizeof(prefix), "%s%.4s%.2s%.2s%c",
	    claim_kind_codes[n->kind], today, today + 5, today + 8,
	    channel_letter[n->channel]);
	if (db_exec(db, &tab, STMT_SEQ, "s", prefix) < 1 ||
	    (seq = db_one_int(db, &tab, STMT_LAST_ID, &found, "")) <= 0)
		return 1;
	if (seq > 999999) {	/* six digits a day per kind and channel */
		log_err("claim: more than 999999 claims under %s", prefix);
		return 1;
	}
	snprintf(no, sizeof(no), "%s%06lld", prefix, (long long)seq);
	if (db_exec(db, &tab, STMT_CREATE, "ssisii", no,
	    plan_kinds[n->kind].name, (int64_t)(n->with_female != 0),
	    channel_names[n->channel], n->member_id, unit) != 1)
		return 1;
	a->id = db_insert_id(db);
	fn.unit_id = unit;
	fn.title = name;
	if (!flow_create(db, &claim_flow, a->id, &fn) ||
	    !audit_log(db, a->by->kind, a->by->id, a->by->ip, "claim.create",
	    "claim", a->id, no))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
claim_create(struct db *db, const struct claim_new *n,
    const struct flow_actor *by, int64_t *id)
{
	struct claim_new m = *n;
	struct create_arg a = { &m, by, 0, RF_DB };
	enum refusal rf;

	if ((unsigned)n->kind >= PK__MAX || (unsigned)n->channel >= CC__MAX ||
	    (n->with_female && n->kind != PK_CRITICAL))
		return RF_CLAIM_KIND;
	if (n->channel == CC_MEMBER) {
		/* 职工客户端只能申请住院医疗补助 (seed 001). */
		if (by->kind != SESS_MEMBER || n->kind != PK_INPATIENT)
			return RF_CLAIM_KIND;
		m.member_id = by->id;
	} else if (by->kind != SESS_AGENT)
		return RF_CLAIM_KIND;
	else if ((rf = agent_may_aid(db, by->id, n->unit_id)) != RF_OK)
		return rf;
	if (db_txn(db, create_txn, &a) < 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	*id = a.id;
	return a.rf;
}

/* ------------------------------------------------------------- editing */

/* Whether `by` may change claim `c` now: the filer (or, for a unit's
 * claim, an agent the handler found holding 医疗互助 there) while it is
 * a draft, or, with `failed_too`, 打款失败. */
enum refusal
claim_may_edit(const struct claim *c, const struct flow_actor *by,
    int failed_too)
{
	if (c->channel == CC_MEMBER && (by->kind != SESS_MEMBER ||
	    by->id != c->flow.filer_id))
		return RF_NOT_FOUND;
	if (c->channel == CC_UNIT && by->kind != SESS_AGENT)
		return RF_NOT_FOUND;
	if (flow_editable(&c->flow))
		return RF_OK;
	return failed_too && c->flow.state == CL_FAILED ? RF_OK :
	    RF_SUBMITTED;
}

/* "" and NULL are both "none" to the database. */
const char *
claim_opt(const char *s)
{
	return s && *s ? s : NULL;
}

struct edit_arg {
	int64_t				 id;
	const struct claim_event	*e;
	const struct claim_payee	*p;
	int				 step, failed_too;
	const struct flow_actor		*by;
	enum refusal			 rf;
	int				 resubmit;	/* 修正信息 */
};

static int
edit_txn(struct db *db, void *arg)
{
	struct edit_arg *a = arg;
	const struct claim_event *e = a->e;
	const struct claim_payee *p = a->p;
	struct flow_item it;
	struct claim c;
	int rc;

	a->rf = RF_DB;
	if ((rc = flow_lock(db, &claim_flow, a->id, &it)) <= 0 ||
	    (rc = claim_get(db, a->id, &c)) <= 0) {
		a->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if ((a->rf = claim_may_edit(&c, a->by, a->failed_too)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if (e && db_exec(db, &tab, STMT_EVENT, "sssssssiiii", claim_opt(e->hospital),
	    claim_opt(e->admitted), claim_opt(e->discharged), claim_opt(e->event_on),
	    claim_opt(e->disease), claim_opt(e->story), claim_opt(e->invoice_no),
	    (int64_t)e->grade, (int64_t)(e->died != 0), (int64_t)a->step,
	    a->id) < 0)
		return 1;
	if (p && db_exec(db, &tab, STMT_PAYEE, "ssssssii", claim_opt(p->payee),
	    claim_opt(p->card), claim_opt(p->bank), claim_opt(p->branch), claim_opt(p->phone),
	    claim_opt(p->note), (int64_t)a->step, a->id) < 0)
		return 1;
	if (!audit_log(db, a->by->kind, a->by->id, a->by->ip,
	    e ? "claim.event" : "claim.payee", "claim", a->id, c.no))
		return 1;
	if (a->resubmit) {
		/* 修正信息: the account corrected and payable again, at once. */
		if (c.flow.state != CL_FAILED) {
			a->rf = RF_BAD_STATE;
			return 1;
		}
		/* The corrected account obeys 提交's rule. */
		if ((rc = claim_get(db, a->id, &c)) <= 0) {
			a->rf = RF_DB;
			return 1;
		}
		if ((a->rf = claim_payee_check(db, &c)) != RF_OK)
			return 1;
		a->rf = flow_apply(db, &claim_flow, a->id, FA_SUBMIT, a->by,
		    NULL);
		return a->rf != RF_OK;
	}
	a->rf = RF_OK;
	return 0;
}

static enum refusal
edit(struct db *db, struct edit_arg *a)
{
	if (db_txn(db, edit_txn, a) < 0 && a->rf == RF_OK)
		a->rf = RF_DB;
	return a->rf;
}

enum refusal
claim_set_event(struct db *db, int64_t id, const struct claim_event *e,
    int step, const struct flow_actor *by)
{
	struct edit_arg a = { id, e, NULL, step, 0, by, RF_DB, 0 };
	char today[11];

	clock_today(today);
	if (claim_opt(e->admitted) && claim_opt(e->discharged) &&
	    strcmp(e->discharged, e->admitted) < 0)
		return RF_CLAIM_DATES;
	if ((claim_opt(e->admitted) && strcmp(e->admitted, today) > 0) ||
	    (claim_opt(e->discharged) && strcmp(e->discharged, today) > 0) ||
	    (claim_opt(e->event_on) && strcmp(e->event_on, today) > 0))
		return RF_CLAIM_FUTURE;
	if (e->grade < 0 || e->grade > PLAN_GRADES) {
		refusal_detail_set("1至10级之间的伤残等级");
		return RF_CLAIM_FIELD;
	}
	return edit(db, &a);
}

enum refusal
claim_set_payee(struct db *db, int64_t id, const struct claim_payee *p,
    int step, const struct flow_actor *by)
{
	struct edit_arg a = { id, NULL, p, step, 1, by, RF_DB, 0 };

	return edit(db, &a);
}

/* ----------------------------------------------------------- materials */

/*
 * The materials of each kind a unit's claim needs (SPEC §6, Xiamen §五,
 * Qingdao §3): every kind in `need`, and one at least of `any`.
 */
static const struct {
	unsigned	 need, any;
} unit_docs[PK__MAX] = {
	[PK_INPATIENT] = { K(AK_RECEIPT) | K(AK_SETTLEMENT) | K(AK_DISCHARGE) |
	    K(AK_BANK_CARD), 0 },
	[PK_DAYS] = { K(AK_DISCHARGE) | K(AK_RECEIPT) | K(AK_BANK_CARD), 0 },
	[PK_CRITICAL] = { K(AK_BANK_CARD), K(AK_ADMISSION) | K(AK_SURGERY) |
	    K(AK_PATHOLOGY) | K(AK_DISCHARGE) },
	[PK_FEMALE] = { K(AK_BANK_CARD), K(AK_ADMISSION) | K(AK_SURGERY) |
	    K(AK_PATHOLOGY) | K(AK_DISCHARGE) },
	[PK_ACCIDENT] = { K(AK_ACCIDENT) | K(AK_BANK_CARD), 0 },
	[PK_DEATH] = { K(AK_DEATH_PROOF) | K(AK_BANK_CARD), 0 },
	[PK_DISABILITY] = { K(AK_INJURY) | K(AK_APPRAISAL) | K(AK_BANK_CARD),
	    0 },
};
/* Besides, any claim may carry the payee's papers; an accident with a
 * grade its appraisal. */
#define DOCS_ALWAYS	(K(AK_PAYEE_DOC) | K(AK_APPRAISAL))

/* The materials a claim may hold (as K() bits). */
static unsigned
docs_allowed(const struct claim *c)
{
	if (c->channel == CC_MEMBER)
		return K(AK_ID_FRONT) | K(AK_ID_BACK) | K(AK_SETTLEMENT) |
		    K(AK_RECEIPT) | K(AK_PAYEE_DOC);
	return unit_docs[c->kind].need | unit_docs[c->kind].any |
	    (c->with_female ? unit_docs[PK_FEMALE].any : 0) | DOCS_ALWAYS;
}

/* The materials a claim needs at 提交: bits every one of which, and
 * *any of which one. */
unsigned
claim_docs_needed(const struct claim *c, const struct claim_region *g,
    unsigned *any)
{
	unsigned need;

	*any = 0;
	if (c->channel == CC_MEMBER) {
		need = K(AK_ID_FRONT) | K(AK_ID_BACK);
		if (strcmp(g->proof, "invoice") == 0)
			return need | K(AK_RECEIPT);
		if (strcmp(g->proof, "both") == 0)
			return need | K(AK_RECEIPT) | K(AK_SETTLEMENT);
		return need | K(AK_SETTLEMENT);
	}
	*any = unit_docs[c->kind].any;
	need = unit_docs[c->kind].need;
	if (c->kind == PK_ACCIDENT && c->grade > 0)
		need |= K(AK_APPRAISAL);
	return need;
}

enum refusal
claim_attach(struct db *db, const struct claim *c, const struct upload *u,
    const char *kind, const struct flow_actor *by, const char **why)
{
	struct claim_region g;
	enum file_type ft;
	enum refusal rf;
	int k;

	*why = NULL;
	for (k = AK_ID_FRONT; k < AK__MAX; k++)
		if (kind && strcmp(kind, store_kind_name((enum attach_kind)k))
		    == 0)
			break;
	if (k == AK__MAX || !(docs_allowed(c) & K(k)))
		return RF_CLAIM_DOC_KIND;
	if ((rf = claim_may_edit(c, by, 0)) != RF_OK)
		return rf;
	if (u == NULL || u->size == 0) {
		*why = "请选择要上传的文件";
		return RF_FILE;
	}
	if (c->channel == CC_MEMBER) {
		/* Photos from the phone: jpg or png, within the limit. */
		if (!claim_region_get(db, c->district_id, &g))
			return RF_DB;
		ft = store_sniff(u->path);
		if (ft != FT_JPG && ft != FT_PNG) {
			*why = "请上传jpg或png格式的照片";
			return RF_FILE;
		}
		if ((int64_t)u->size > g.photo_max) {
			static char big[120];

			snprintf(big, sizeof(big), "照片不能超过%lldKB，请压缩后"
			    "重新上传", (long long)(g.photo_max / 1024));
			*why = big;
			return RF_FILE;
		}
	}
	return flow_attach(db, &claim_flow, c->id, u, k, by, why);
}

enum refusal
claim_correct(struct db *db, int64_t id, const struct claim_payee *p,
    const struct flow_actor *by)
{
	struct edit_arg a = { id, NULL, p, 0, 1, by, RF_DB, 1 };

	if (!claim_opt(p->payee) || !claim_opt(p->card) || !claim_opt(p->bank) ||
	    !claim_opt(p->branch)) {
		refusal_detail_set(!claim_opt(p->payee) ? "开户人" : !claim_opt(p->card) ?
		    "银行卡号" : !claim_opt(p->bank) ? "开户银行" : "开户网点");
		return RF_CLAIM_PAYEE;
	}
	return edit(db, &a);
}
