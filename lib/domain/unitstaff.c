/*
 * unitstaff.c -- 工作人员 of a unit and their rights.
 */
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

struct add_arg {
	int64_t		 unit, agent;
	const char	*phone;
	int		 mutual_aid, rc;
};

static int
add_txn(struct db *db, void *arg)
{
	struct add_arg *a = arg;
	int64_t n;
	int found;

	a->rc = US_ERR;
	a->agent = db_one_int(db, &tab, STMT_AGENT, &found, "s", a->phone);
	if (!found) {
		if (a->agent < 0 ||
		    db_exec(db, &tab, STMT_AGENT_NEW, "s", a->phone) != 1)
			return 1;
		a->agent = db_insert_id(db);
	}
	if ((n = db_exec(db, &tab, STMT_BIND, "iis", a->agent, a->unit,
	    a->mutual_aid ? "mutual_aid" : "")) < 0)
		return 1;
	a->rc = n == 0 ? US_ALREADY : US_OK;
	return n == 0;
}

int
unitstaff_add(struct db *db, int64_t unit, const char *phone, int mutual_aid,
    int64_t *agent)
{
	struct add_arg a = { unit, 0, phone, mutual_aid, US_ERR };

	if (db_txn(db, add_txn, &a) < 0)
		return US_ERR;
	*agent = a.agent;
	return a.rc;
}

int
unitstaff_grant(struct db *db, int64_t unit, int64_t agent, int on)
{
	int64_t n = db_exec(db, &tab, STMT_GRANT, "sii",
	    on ? "mutual_aid" : "", unit, agent);

	return n < 0 ? US_ERR : US_OK;
}

int
unitstaff_remove(struct db *db, int64_t unit, int64_t agent)
{
	int64_t n = db_exec(db, &tab, STMT_REMOVE, "ii", unit, agent);

	return n < 0 ? US_ERR : n == 0 ? US_NOT_STAFF : US_OK;
}
