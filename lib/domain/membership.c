/*
 * membership.c -- 会籍变更 requests and the move itself.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "flows.h"
#include "kind.h"
#include "mask.h"
#include "membership.h"
#include "view.h"

enum stmt {
	STMT_PERSON,
	STMT_UNIT,
	STMT_OPEN,
	STMT_CREATE,
	STMT_GET,
	STMT_BY_UNIT,
	STMT_MOVE,
	STMT_CLOSE,
	STMT_START,
	STMT__MAX
};

#define FLOW_JOIN \
	" JOIN flow_item fl ON fl.type = 'membership_change'" \
	" AND fl.item_id = c.id"

static const char *const sql[STMT__MAX] = {
	[STMT_PERSON] =
	    "SELECT id, COALESCE(unit_id, 0), name FROM member WHERE id_type = ?"
	    " AND id_number = ? FOR UPDATE",
	/* The asking unit's 区/产业工会, and the filer's name. */
	[STMT_UNIT] =
	    "SELECT IF(p.level = 'district', p.id, 0),"
	    " (SELECT COALESCE(name, phone) FROM agent WHERE id = ?)"
	    " FROM org o JOIN org p ON p.id = o.parent_id WHERE o.id = ?",
	[STMT_OPEN] =
	    "SELECT COUNT(*) FROM membership_change c" FLOW_JOIN
	    " WHERE c.member_id = ? AND fl.state = 'review1'",
	[STMT_CREATE] =
	    "INSERT INTO membership_change (member_id, from_unit, to_unit,"
	    " agent_id, reason) VALUES (?, ?, ?, ?, NULLIF(?, ''))",
	[STMT_GET] =
	    "SELECT c.id, c.member_id, COALESCE(c.from_unit, 0), c.to_unit,"
	    " c.agent_id, m.name, m.id_number, COALESCE(f.name, ''),"
	    " t.name, COALESCE(c.reason, ''),"
	    " DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i')"
	    " FROM membership_change c JOIN member m ON m.id = c.member_id"
	    " LEFT JOIN org f ON f.id = c.from_unit JOIN org t ON t.id ="
	    " c.to_unit WHERE c.id = ?",
	[STMT_BY_UNIT] =
	    "SELECT c.id, fl.state, m.name, m.id_number, COALESCE(f.name, ''),"
	    " t.name, DATE_FORMAT(fl.updated_at, '%Y-%m-%d %H:%i')"
	    " FROM membership_change c" FLOW_JOIN
	    " JOIN member m ON m.id = c.member_id LEFT JOIN org f ON f.id ="
	    " c.from_unit JOIN org t ON t.id = c.to_unit"
	    " WHERE c.to_unit = ? AND fl.state <> 'cancelled'"
	    " ORDER BY c.id DESC LIMIT 50",
	/* Only from the unit the request was made against. */
	[STMT_MOVE] =
	    "UPDATE member m JOIN membership_change c ON c.member_id = m.id"
	    " SET m.unit_id = c.to_unit WHERE c.id = ?"
	    " AND m.unit_id <=> c.from_unit",
	[STMT_CLOSE] =
	    "UPDATE membership x JOIN membership_change c ON c.member_id ="
	    " x.member_id SET x.ended_at = NOW(), x.reason = CONCAT_WS('；',"
	    " x.reason, '会籍变更转出') WHERE c.id = ? AND x.unit_id ="
	    " c.from_unit AND x.ended_at IS NULL",
	[STMT_START] =
	    "INSERT INTO membership (member_id, unit_id, reason)"
	    " SELECT member_id, to_unit, '会籍变更转入' FROM membership_change"
	    " WHERE id = ?",
};

static const struct db_table tab = { DBM_MOVE, sql, STMT__MAX };

/* 会籍变更: filed and 上报 at once by the asking unit; one review. */
enum { M_DRAFT, M_REVIEW1, M_RETURNED, M_APPROVED, M_CANCELLED, M__MAX };

static const struct flow_state states[M__MAX] = {
	[M_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[M_REVIEW1] =	{ "review1", "待初审", 0, "市总审核中" },
	[M_RETURNED] =	{ "returned", "已退回", 0, NULL },
	[M_APPROVED] =	{ "approved", "审核通过", 1, NULL },
	[M_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_trans trans[] = {
	{ M_DRAFT,    M_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ M_RETURNED, M_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ M_DRAFT,    M_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ M_RETURNED, M_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ M_REVIEW1,  M_APPROVED,  FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_approved },
	{ M_REVIEW1,  M_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_returned },
};

static enum refusal move_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int move_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	NULL, move_done, flow_agent_phone, move_body, NULL, NULL, NULL,
};

const struct flow_type membership_flow = {
	"membership_change", "会籍变更", states, M__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/roster/move?id=", &hooks, NULL, 0,
};

struct request_arg {
	int			 id_type;
	const char		*id_number, *reason;
	int64_t			 to_unit, id;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

/* The person, their unit and name; RF_OK or why not. */
static enum refusal
request_person(struct db *db, struct request_arg *a, int64_t *member,
    int64_t *from, char name[128])
{
	struct db_res *r;
	int found;

	if ((r = db_query(db, &tab, STMT_PERSON, "is", (int64_t)a->id_type,
	    a->id_number)) == NULL)
		return RF_DB;
	if ((found = db_next(r)) == 1) {
		*member = db_int(r, 0);
		*from = db_int(r, 1);
		snprintf(name, 128, "%s", db_col(r, 2));
	}
	db_done(r);
	if (found < 0)
		return RF_DB;
	if (!found)
		return RF_NO_PERSON;
	if (*from == a->to_unit)
		return RF_SAME_UNIT;
	if (*from == 0)
		return RF_NO_MEMBERSHIP;
	if (db_one_int(db, &tab, STMT_OPEN, &found, "i", *member) != 0)
		return found ? RF_MOVE_OPEN : RF_DB;
	return RF_OK;
}

static int
request_txn(struct db *db, void *arg)
{
	struct request_arg *a = arg;
	struct flow_new n = { SESS_AGENT, a->by->id, NULL, a->to_unit, 0, NULL };
	struct db_res *r;
	int64_t member = 0, from = 0;
	char name[128] = "", filer[128] = "";

	if ((a->rf = request_person(db, a, &member, &from, name)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if ((r = db_query(db, &tab, STMT_UNIT, "ii", a->by->id, a->to_unit))
	    == NULL)
		return 1;
	if (db_next(r) == 1) {
		n.district_id = db_int(r, 0);
		snprintf(filer, sizeof(filer), "%s", db_col(r, 1) ? db_col(r, 1) : "");
	}
	db_done(r);
	n.filer_name = filer;
	n.title = name;
	if (db_exec(db, &tab, STMT_CREATE, "iiiis", member, from, a->to_unit,
	    a->by->id, a->reason) != 1)
		return 1;
	a->id = db_insert_id(db);
	if (!flow_create(db, &membership_flow, a->id, &n))
		return 1;
	a->rf = flow_apply(db, &membership_flow, a->id, FA_SUBMIT, a->by, NULL);
	return a->rf != RF_OK;
}

enum refusal
move_request(struct db *db, int id_type, const char *id_number,
    int64_t to_unit, const struct flow_actor *by, const char *reason,
    int64_t *id)
{
	struct request_arg a = { id_type, id_number, reason, to_unit, 0, by,
	    RF_DB };

	if (db_txn(db, request_txn, &a) < 0)
		return RF_DB;
	*id = a.id;
	return a.rf;
}

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", db_col(r, (i)))

int
move_get(struct db *db, int64_t id, struct move *m)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(m, 0, sizeof(*m));
		m->id = db_int(r, 0);
		m->member_id = db_int(r, 1);
		m->from_unit = db_int(r, 2);
		m->to_unit = db_int(r, 3);
		m->agent_id = db_int(r, 4);
		COPY(m->member_name, 5);
		COPY(m->id_number, 6);
		COPY(m->from_name, 7);
		COPY(m->to_name, 8);
		COPY(m->reason, 9);
		COPY(m->updated_at, 10);
	}
	db_done(r);
	if (rc == 1)
		rc = flow_get_item(db, &membership_flow, id, &m->flow);
	return rc;
}

struct db_res *
move_by_unit(struct db *db, int64_t to_unit)
{
	return db_query(db, &tab, STMT_BY_UNIT, "i", to_unit);
}

/* Approval: move the 会籍, only away from the unit asked about. */
static enum refusal
move_done(struct db *db, const struct flow_item *it, const struct flow_trans *t)
{
	int64_t n, id = it->item_id;

	if (t->to != M_APPROVED)
		return RF_OK;
	if ((n = db_exec(db, &tab, STMT_MOVE, "i", id)) < 0 ||
	    db_exec(db, &tab, STMT_CLOSE, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_START, "i", id) != 1)
		return RF_DB;
	return n == 0 ? RF_MOVED : RF_OK;
}

/* The review page's body: who moves from where to where, and why. */
static int
move_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct move m;
	char masked[64];

	if (move_get(db, it->item_id, &m) != 1)
		return 0;
	view_add(body, "name", m.member_name);
	view_add(body, "id-number", mask_id(m.id_number, masked));
	view_add(body, "from", m.from_name);
	view_add(body, "to", m.to_name);
	view_add(body, "reason", m.reason);
	return 1;
}
