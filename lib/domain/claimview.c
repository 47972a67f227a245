/*
 * claimview.c -- a claim as its pages show it (SPEC §6's detail: the
 * amount 待定 until approved, the explanation, the parts, the flags, the
 * actions its state allows), the lists of a member and a unit, the
 * people a unit may claim for, and the review desk's body.
 */
#include <stdio.h>
#include <string.h>

#include "claim.h"
#include "claimint.h"
#include "db.h"
#include "kind.h"
#include "mask.h"
#include "money.h"
#include "view.h"

enum stmt {
	STMT_TEXTS,
	STMT_PARTS,
	STMT_DOCS,
	STMT_MINE_COUNT,
	STMT_MINE,
	STMT_UNIT_COUNT,
	STMT_UNIT_LIST,
	STMT_PEOPLE,
	STMT_GRASSROOTS,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT c.id, f.state, c.no, c.kind, m.name, " YMD("c.created_at") \
	", " YMD("c.admitted") ", " YMD("c.discharged") ", " YMD("c.event_on") \
	", c.approved_amount, c.channel FROM claim c" \
	" JOIN flow_item f ON f.type = 'claim' AND f.item_id = c.id" \
	" JOIN member m ON m.id = c.member_id"

static const char *const sql[STMT__MAX] = {
	[STMT_TEXTS] =
	    "SELECT COALESCE(explanation, ''), COALESCE(approved_explanation,"
	    " '') FROM claim WHERE id = ?",
	[STMT_PARTS] =
	    "SELECT p.kind, " YMD("p.starts") ", " YMD("p.ends") ", p.amount,"
	    " v.name FROM claim_part p JOIN coverage cv ON cv.id = p.coverage_id"
	    " JOIN plan_version v ON v.id = cv.version_id"
	    " WHERE p.claim_id = ? ORDER BY p.seq",
	[STMT_DOCS] =
	    "SELECT DISTINCT kind FROM attachment WHERE owner_type = 'claim'"
	    " AND owner_id = ?",
	/* A member's: those they filed (their own 住院医疗). */
	[STMT_MINE_COUNT] =
	    "SELECT COUNT(*) FROM flow_item WHERE type = 'claim'"
	    " AND filer_kind = ? AND filer_id = ? AND state <> 'cancelled'",
	[STMT_MINE] = LIST_COLS
	    " WHERE f.filer_kind = ? AND f.filer_id = ?"
	    " AND f.state <> 'cancelled' ORDER BY c.id DESC LIMIT ? OFFSET ?",
	[STMT_UNIT_COUNT] =
	    "SELECT COUNT(*) FROM claim c JOIN flow_item f ON f.type = 'claim'"
	    " AND f.item_id = c.id WHERE c.unit_id = ?"
	    " AND f.state <> 'cancelled'"
	    " AND (f.state <> 'draft' OR f.filer_kind = ?)",
	/* A unit's: its own, and its members' once filed (基层审核). */
	[STMT_UNIT_LIST] = LIST_COLS
	    " WHERE c.unit_id = ? AND f.state <> 'cancelled'"
	    " AND (f.state <> 'draft' OR f.filer_kind = ?)"
	    " ORDER BY c.id DESC LIMIT ? OFFSET ?",
	/* Whom a unit may claim for: its members covered through it, with
	 * the kinds their coverage has. */
	[STMT_PEOPLE] =
	    "SELECT m.id, m.name, m.id_number, m.gender,"
	    " GROUP_CONCAT(DISTINCT b.kind ORDER BY b.kind SEPARATOR ' ')"
	    " FROM coverage cv JOIN member m ON m.id = cv.member_id"
	    " JOIN plan_benefit b ON b.version_id = cv.version_id"
	    " WHERE cv.unit_id = ? AND (? = '' OR m.name = ? OR m.id_number = ?)"
	    " GROUP BY m.id ORDER BY m.name, m.id LIMIT 50",
	/* 待基层审核: members' claims in the units where the agent holds
	 * 医疗互助 (a chairman always does), oldest first. */
	[STMT_GRASSROOTS] =
	    "SELECT c.id, c.no, m.name, o.name,"
	    " DATE_FORMAT(f.submitted_at, '%Y-%m-%d %H:%i') FROM agent_unit au"
	    " JOIN claim c ON c.unit_id = au.unit_id"
	    " JOIN flow_item f ON f.type = 'claim' AND f.item_id = c.id"
	    " JOIN member m ON m.id = c.member_id JOIN org o ON o.id = c.unit_id"
	    " WHERE au.agent_id = ? AND (au.role = 'chairman'"
	    " OR FIND_IN_SET('mutual_aid', au.perms)) AND f.state = 'unit'"
	    " ORDER BY f.submitted_at, c.id LIMIT ?",
};

static const struct db_table tab = { DBM_CLAIM_VIEW, sql, STMT__MAX };

/* An explanation's lines as <name><line>..</line></name>. */
static void
lines_view(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = view_add(parent, name, NULL);
	char line[1024];
	const char *s = text, *e;

	while (*s) {
		e = strchr(s, '\n');
		snprintf(line, sizeof(line), "%.*s", (int)(e ? e - s :
		    (long)strlen(s)), s);
		view_add(n, "line", line);
		if (e == NULL)
			break;
		s = e + 1;
	}
}

/* The claim's parts: <parts><part kind plan starts ends>amount</part>. */
static int
parts_view(struct db *db, const struct claim *c, int office, xmlNodePtr n)
{
	struct db_res *r;
	xmlNodePtr list = view_add(n, "parts", NULL), p;
	int rc;

	if ((r = db_query(db, &tab, STMT_PARTS, "i", c->id)) == NULL)
		return 0;
	while ((rc = db_next(r)) == 1) {
		p = view_add(list, "part", NULL);
		view_attr(p, "kind", db_col(r, 0));
		view_add(p, "plan", db_col(r, 4));
		view_add(p, "starts", db_col(r, 1));
		view_add(p, "ends", db_col(r, 2));
		if (db_col(r, 3) && (office || c->approved_amount >= 0))
			view_money(p, "amount", db_int(r, 3));
	}
	db_done(r);
	return rc == 0;
}

/* The materials the claim holds, as <docs have="id_front settlement">. */
static int
docs_view(struct db *db, const struct claim *c, xmlNodePtr n)
{
	struct db_res *r;
	char have[400] = "";
	size_t o = 0;
	int rc;

	if ((r = db_query(db, &tab, STMT_DOCS, "i", c->id)) == NULL)
		return 0;
	while ((rc = db_next(r)) == 1 && o < sizeof(have))
		o += (size_t)snprintf(have + o, sizeof(have) - o, " %s",
		    db_col(r, 0));
	db_done(r);
	view_attr(view_add(n, "docs", NULL), "have", have);
	return rc == 0;
}

/* 打款状态 as the detail says it. */
static const char *
pay_state(const struct claim *c)
{
	switch (c->flow.state) {
	case CL_PAYING:	return "打款中";
	case CL_DONE:	return "已打款";
	case CL_FAILED:	return "打款失败";
	default:	return "未打款";
	}
}

/* The actions the state allows the filer (seed 000's buttons). */
static void
actions_view(const struct claim *c, xmlNodePtr n)
{
	xmlNodePtr a = view_add(n, "actions", NULL);

	if (flow_editable(&c->flow)) {
		view_add(a, "action", "edit");		/* 修改 */
		view_add(a, "action", "delete");	/* 删除 */
		view_add(a, "action", "submit");	/* 提交 */
	}
	if (c->flow.state == CL_FAILED)
		view_add(a, "action", "correct");	/* 修正信息 */
	if (c->flow.round > 0)
		view_add(a, "action", "progress");	/* 审核进度 */
}

xmlNodePtr
claim_view(struct db *db, const struct claim *c, int office,
    xmlNodePtr parent)
{
	struct db_res *r;
	xmlNodePtr n;
	char m[64], kind[80];
	int rc;

	n = flow_view_item(parent, "claim", &c->flow);
	view_attr(n, "kind", plan_kinds[c->kind].name);
	view_attr(n, "channel", c->channel == CC_UNIT ? "unit" : "member");
	view_attrf(n, "step", "%d", c->step);
	if (c->with_female)
		view_attr(n, "with-female", "1");
	view_add(n, "no", c->no);
	snprintf(kind, sizeof(kind), "%s%s", claim_kind_labels[c->kind],
	    c->with_female ? "、女职工特殊疾病" : "");
	view_add(n, "kind-label", kind);
	view_add(n, "person", c->member_name);
	view_attrf(view_add(n, "member", NULL), "id", "%lld",
	    (long long)c->member_id);
	view_add(n, "id-number", mask_id(c->id_number, m));
	view_add(n, "gender", c->gender == 'F' ? "女" : c->gender == 'M' ?
	    "男" : "");
	view_add(n, "phone", mask_phone(c->member_phone, m));
	view_add(n, "unit", c->unit_name);
	view_add(n, "created", c->created_at);
	view_add(n, "hospital", c->hospital);
	view_add(n, "admitted", c->admitted);
	view_add(n, "discharged", c->discharged);
	view_add(n, "event-on", c->event_on);
	view_add(n, "disease", c->disease);
	view_add(n, "story", c->story);
	if (c->grade > 0)
		view_addf(n, "grade", "%d", c->grade);
	if (c->died)
		view_add(n, "died", "1");
	view_add(n, "invoice-no", c->invoice_no);
	view_add(n, "payee", c->payee);
	view_add(n, "card", mask_card(c->card, m));
	view_add(n, "bank", c->bank);
	view_add(n, "branch", c->branch);
	view_add(n, "bank-phone", mask_phone(c->bank_phone, m));
	view_add(n, "payee-note", c->payee_note);
	view_add(n, "pay-state", pay_state(c));
	/* The figures the kind reads: the stay's, or the accident's. */
	if (c->kind == PK_INPATIENT && c->total_cost >= 0)
		view_money(n, "total-cost", c->total_cost);
	if (c->kind == PK_INPATIENT && c->base >= 0)
		view_money(n, "base", c->base);
	if (c->kind == PK_ACCIDENT && c->medical >= 0)
		view_money(n, "medical", c->medical);
	/* 补助金额: 待定 until 审核通过 fixes it; the desk sees review1's. */
	if (c->approved_amount >= 0)
		view_money(n, "amount", c->approved_amount);
	if (office && c->amount >= 0)
		view_money(n, "computed", c->amount);
	if ((c->flow.state == CL_DRAFT || c->flow.state == CL_FAILED) &&
	    c->flow.round > 0 && *c->remark)
		view_add(n, "remark", c->remark);
	if (office && *c->flags)
		lines_view(n, "flags", c->flags);
	if ((r = db_query(db, &tab, STMT_TEXTS, "i", c->id)) == NULL)
		return NULL;
	if ((rc = db_next(r)) == 1) {
		if (*db_col(r, 1))
			lines_view(n, "explanation", db_col(r, 1));
		if (office && *db_col(r, 0))
			lines_view(n, "computation", db_col(r, 0));
	}
	db_done(r);
	if (rc < 0 || !parts_view(db, c, office, n) || !docs_view(db, c, n))
		return NULL;
	actions_view(c, n);
	return n;
}

int
claim_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct claim c;
	xmlNodePtr n;

	if (claim_get(db, it->item_id, &c) != 1 ||
	    (n = claim_view(db, &c, 1, body)) == NULL)
		return 0;
	if (c.flow.state == CL_REVIEW1)
		view_attr(n, "figures", "1");	/* review1 enters them */
	return 1;
}

static const struct view_col list_cols[] = {
	{ NULL, VK_INT, NULL, 0 },		/* id: flow_view_state's */
	{ NULL, VK_TEXT, NULL, 0 },		/* state: the same */
	{ "no", VK_TEXT, NULL, 0 },
	{ "@kind", VK_TEXT, NULL, 0 },
	{ "person", VK_TEXT, NULL, 0 },
	{ "created", VK_DATE, NULL, 0 },
	{ "admitted", VK_DATE, NULL, 0 },
	{ "discharged", VK_DATE, NULL, 0 },
	{ "event-on", VK_DATE, NULL, 0 },
	{ "amount", VK_MONEY, NULL, 0 },
	{ "@channel", VK_TEXT, NULL, 0 },
};

int
claim_list_view(struct db *db, int64_t member, int64_t unit,
    const char *page, int per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list, n;
	enum plan_kind k;
	int64_t rows = 0;
	int found;

	view_paging_init(&pg, page, per);
	if (member > 0) {
		pg.total = db_one_int(db, &tab, STMT_MINE_COUNT, &found, "ii",
		    (int64_t)SESS_MEMBER, member);
		r = pg.total < 0 ? NULL : db_query(db, &tab, STMT_MINE, "iiii",
		    (int64_t)SESS_MEMBER, member, pg.per,
		    view_paging_offset(&pg));
	} else {
		pg.total = db_one_int(db, &tab, STMT_UNIT_COUNT, &found, "ii",
		    unit, (int64_t)SESS_AGENT);
		r = pg.total < 0 ? NULL : db_query(db, &tab, STMT_UNIT_LIST,
		    "iiii", unit, (int64_t)SESS_AGENT, pg.per,
		    view_paging_offset(&pg));
	}
	if (r == NULL)
		return 0;
	list = view_add(parent, "claims", NULL);
	while ((found = db_next(r)) == 1) {
		rows++;
		n = flow_view_state(list, "claim", &claim_flow, db_int(r, 0),
		    db_col(r, 1));
		view_fill(n, list_cols, sizeof(list_cols) / sizeof(list_cols[0]),
		    r);
		k = plan_kind_named(db_col(r, 3));
		view_add(n, "kind-label", k < PK__MAX ? claim_kind_labels[k] :
		    "");
	}
	db_done(r);
	view_paging_attrs(list, &pg, rows);
	return found == 0;
}

int
claim_people_view(struct db *db, int64_t unit, const char *q,
    xmlNodePtr parent)
{
	struct db_res *r;
	xmlNodePtr list, n;
	char m[64];
	int rc;

	if ((r = db_query(db, &tab, STMT_PEOPLE, "isss", unit, q, q, q)) ==
	    NULL)
		return 0;
	list = view_add(parent, "people", NULL);
	view_attr(list, "q", q);
	while ((rc = db_next(r)) == 1) {
		n = view_add(list, "person", NULL);
		view_attr(n, "id", db_col(r, 0));
		view_attr(n, "kinds", db_col(r, 4));
		view_add(n, "name", db_col(r, 1));
		view_add(n, "id-number", mask_id(db_col(r, 2), m));
		view_add(n, "gender", db_col(r, 3) && *db_col(r, 3) == 'F' ?
		    "女" : "男");
	}
	db_done(r);
	return rc == 0;
}

int
claim_grassroots_view(struct db *db, int64_t agent, int max,
    xmlNodePtr parent)
{
	struct db_res *r;
	xmlNodePtr n;
	int rc;

	if ((r = db_query(db, &tab, STMT_GRASSROOTS, "ii", agent,
	    (int64_t)max)) == NULL)
		return 0;
	while ((rc = db_next(r)) == 1) {
		n = view_add(parent, "grassroots", NULL);
		view_attr(n, "id", db_col(r, 0));
		view_add(n, "no", db_col(r, 1));
		view_add(n, "person", db_col(r, 2));
		view_add(n, "unit", db_col(r, 3));
		view_add(n, "at", db_col(r, 4));
	}
	db_done(r);
	return rc == 0;
}
