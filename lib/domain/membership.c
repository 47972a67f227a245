/*
 * membership.c -- 会籍变更 requests and the move itself.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "membership.h"

enum stmt {
	STMT_PERSON,
	STMT_OPEN,
	STMT_CREATE,
	STMT_GET,
	STMT_BY_UNIT,
	STMT_BY_STATE,
	STMT_MOVE,
	STMT_CLOSE,
	STMT_START,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT c.id, c.state, m.name, m.id_number, COALESCE(f.name, ''), t.name," \
	" DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i') FROM membership_change c" \
	" JOIN member m ON m.id = c.member_id LEFT JOIN org f ON f.id =" \
	" c.from_unit JOIN org t ON t.id = c.to_unit"

static const char *const sql[STMT__MAX] = {
	[STMT_PERSON] =
	    "SELECT id, COALESCE(unit_id, 0) FROM member WHERE id_type = ?"
	    " AND id_number = ? FOR UPDATE",
	[STMT_OPEN] =
	    "SELECT COUNT(*) FROM membership_change WHERE member_id = ?"
	    " AND state IN (1, 2)",
	[STMT_CREATE] =
	    "INSERT INTO membership_change (member_id, from_unit, to_unit,"
	    " agent_id, reason) VALUES (?, ?, ?, ?, NULLIF(?, ''))",
	[STMT_GET] =
	    "SELECT c.id, c.member_id, COALESCE(c.from_unit, 0), c.to_unit,"
	    " c.agent_id, c.state, m.name, m.id_number, COALESCE(f.name, ''),"
	    " t.name, COALESCE(c.reason, ''),"
	    " DATE_FORMAT(c.updated_at, '%Y-%m-%d %H:%i')"
	    " FROM membership_change c JOIN member m ON m.id = c.member_id"
	    " LEFT JOIN org f ON f.id = c.from_unit JOIN org t ON t.id ="
	    " c.to_unit WHERE c.id = ?",
	[STMT_BY_UNIT] = LIST_COLS " WHERE c.to_unit = ? AND c.state <> 5"
	    " ORDER BY c.id DESC LIMIT 50",
	[STMT_BY_STATE] = LIST_COLS " WHERE c.state = ? ORDER BY c.id",
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

struct request_arg {
	int			 id_type;
	const char		*id_number, *reason;
	int64_t			 to_unit, id;
	const struct flow_actor	*by;
};

static int
request_txn(struct db *db, void *arg)
{
	struct request_arg *a = arg;
	struct db_res *r;
	int64_t member = 0, from = 0;
	int found, rc;

	a->id = 0;
	if ((r = db_query(db, &tab, STMT_PERSON, "is", (int64_t)a->id_type,
	    a->id_number)) == NULL)
		return 1;
	if ((found = db_next(r)) == 1) {
		member = db_int(r, 0);
		from = db_int(r, 1);
	}
	db_done(r);
	if (found < 0)
		return 1;
	if (!found)
		a->id = -MV_NO_PERSON;
	else if (from == a->to_unit)
		a->id = -MV_SAME_UNIT;
	else if (from == 0)
		a->id = -MV_NO_UNIT;
	else if (db_one_int(db, &tab, STMT_OPEN, &found, "i", member) != 0)
		a->id = found ? -MV_OPEN : 0;
	if (a->id != 0)
		return 1;
	if (db_exec(db, &tab, STMT_CREATE, "iiiis", member, from, a->to_unit,
	    a->by->id, a->reason) != 1)
		return 1;
	a->id = db_insert_id(db);
	if ((rc = flow_apply(db, FLOW_MEMBERSHIP, a->id, FA_SUBMIT, a->by, NULL,
	    NULL)) != FLOW_OK) {
		a->id = 0;
		return 1;
	}
	return 0;
}

int64_t
move_request(struct db *db, int id_type, const char *id_number,
    int64_t to_unit, const struct flow_actor *by, const char *reason)
{
	struct request_arg a = { id_type, id_number, reason, to_unit, 0, by };

	if (db_txn(db, request_txn, &a) < 0)
		return 0;
	return a.id;
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
		m->state = (enum flow_state)db_int(r, 5);
		COPY(m->member_name, 6);
		COPY(m->id_number, 7);
		COPY(m->from_name, 8);
		COPY(m->to_name, 9);
		COPY(m->reason, 10);
		COPY(m->updated_at, 11);
	}
	db_done(r);
	return rc;
}

struct db_res *
move_by_unit(struct db *db, int64_t to_unit)
{
	return db_query(db, &tab, STMT_BY_UNIT, "i", to_unit);
}

struct db_res *
move_by_state(struct db *db, enum flow_state s)
{
	return db_query(db, &tab, STMT_BY_STATE, "i", (int64_t)s);
}

/* Approval: move the 会籍, only away from the unit asked about. */
static int
approved(struct db *db, int64_t id)
{
	int64_t n;

	if ((n = db_exec(db, &tab, STMT_MOVE, "i", id)) < 0 ||
	    db_exec(db, &tab, STMT_CLOSE, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_START, "i", id) != 1)
		return FLOW_ERR_DB;
	return n == 0 ? MV_MOVED : FLOW_OK;
}

int
move_decide(struct db *db, int64_t id, enum flow_action action,
    const struct flow_actor *by, const char *reason)
{
	return flow_decide(db, FLOW_MEMBERSHIP, id, action, by, reason,
	    approved);
}

const char *
move_message(int result)
{
	switch (result) {
	case MV_NO_PERSON:
		return "系统中没有该证件号码的职工，请直接在名册中新增";
	case MV_SAME_UNIT:
		return "该职工已在本单位名册中";
	case MV_NO_UNIT:
		return "该职工目前不属于任何单位，请直接在名册中新增";
	case MV_OPEN:
		return "该职工已有一条审核中的会籍变更申请";
	case MV_MOVED:
		return "该职工的会籍已发生变化，请退回后由经办人重新申请";
	default:
		return flow_message(result);
	}
}
