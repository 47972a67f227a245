/*
 * unitstaff.c -- 工作人员 of a unit and their rights.
 */
#include "audit.h"
#include "db.h"
#include "unitstaff.h"

enum stmt {
	STMT_LIST,
	STMT_AGENT,
	STMT_AGENT_NEW,
	STMT_BIND,
	STMT_GRANT,
	STMT_REMOVE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LIST] =
	    "SELECT a.id, COALESCE(a.name, ''), a.phone, au.role,"
	    " au.role = 'chairman' OR FIND_IN_SET('mutual_aid', au.perms) > 0"
	    " FROM agent_unit au JOIN agent a ON a.id = au.agent_id"
	    " WHERE au.unit_id = ? ORDER BY au.role = 'staff', a.id",
	[STMT_AGENT] = "SELECT id FROM agent WHERE phone = ?",
	[STMT_AGENT_NEW] = "INSERT INTO agent (phone) VALUES (?)",
	[STMT_BIND] =
	    "INSERT IGNORE INTO agent_unit (agent_id, unit_id, role, perms)"
	    " VALUES (?, ?, 'staff', ?)",
	[STMT_GRANT] =
	    "UPDATE agent_unit SET perms = ? WHERE unit_id = ? AND agent_id = ?"
	    " AND role = 'staff'",
	[STMT_REMOVE] =
	    "DELETE FROM agent_unit WHERE unit_id = ? AND agent_id = ?"
	    " AND role = 'staff'",
};

static const struct db_table tab = { DBM_UNITSTAFF, sql, STMT__MAX };

struct db_res *
unitstaff_list(struct db *db, int64_t unit)
{
	return db_query(db, &tab, STMT_LIST, "i", unit);
}

/* One change of a unit's staff, with its audit row. */
struct staff_arg {
	const struct actor *by;
	int64_t		 unit, agent;
	const char	*phone;
	int		 on;
	enum refusal	 rf;
};

static int
add_txn(struct db *db, void *arg)
{
	struct staff_arg *a = arg;
	int64_t n;
	int found;

	a->rf = RF_DB;
	a->agent = db_one_int(db, &tab, STMT_AGENT, &found, "s", a->phone);
	if (!found) {
		if (a->agent < 0 ||
		    db_exec(db, &tab, STMT_AGENT_NEW, "s", a->phone) != 1)
			return 1;
		a->agent = db_insert_id(db);
	}
	if ((n = db_exec(db, &tab, STMT_BIND, "iis", a->agent, a->unit,
	    a->on ? "mutual_aid" : "")) < 0)
		return 1;
	if (n == 0) {
		a->rf = RF_STAFF_ALREADY;
		return 1;
	}
	if (!audit_act(db, a->by, "unit.staff.add", "agent", a->agent,
	    a->on ? "mutual_aid" : NULL))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
unitstaff_add(struct db *db, const struct actor *by, int64_t unit,
    const char *phone, int mutual_aid, int64_t *agent)
{
	struct staff_arg a = { by, unit, 0, phone, mutual_aid, RF_DB };

	if (db_txn(db, add_txn, &a) < 0)
		return RF_DB;
	*agent = a.agent;
	return a.rf;
}

/* A grant, a withdrawal or a removal: `stmt` on (unit, agent), staff only. */
static int
change_txn(struct db *db, void *arg, int stmt, const char *action,
    const char *detail)
{
	struct staff_arg *a = arg;
	int64_t n;

	a->rf = RF_DB;
	n = stmt == STMT_GRANT ?
	    db_exec(db, &tab, STMT_GRANT, "sii", a->on ? "mutual_aid" : "",
	    a->unit, a->agent) :
	    db_exec(db, &tab, stmt, "ii", a->unit, a->agent);
	if (n < 0)
		return 1;
	if (n == 0) {
		a->rf = RF_NOT_STAFF;
		return 1;
	}
	if (!audit_act(db, a->by, action, "agent", a->agent, detail))
		return 1;
	a->rf = RF_OK;
	return 0;
}

static int
grant_txn(struct db *db, void *arg)
{
	const struct staff_arg *a = arg;

	return change_txn(db, arg, STMT_GRANT, a->on ? "unit.staff.grant" :
	    "unit.staff.revoke", "mutual_aid");
}

static int
remove_txn(struct db *db, void *arg)
{
	return change_txn(db, arg, STMT_REMOVE, "unit.staff.remove", NULL);
}

enum refusal
unitstaff_grant(struct db *db, const struct actor *by, int64_t unit,
    int64_t agent, int on)
{
	struct staff_arg a = { by, unit, agent, NULL, on, RF_DB };

	return db_txn(db, grant_txn, &a) < 0 ? RF_DB : a.rf;
}

enum refusal
unitstaff_remove(struct db *db, const struct actor *by, int64_t unit,
    int64_t agent)
{
	struct staff_arg a = { by, unit, agent, NULL, 0, RF_DB };

	return db_txn(db, remove_txn, &a) < 0 ? RF_DB : a.rf;
}
