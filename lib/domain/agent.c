/*
 * agent.c -- agent accounts.
 */
#include <stdio.h>
#include <string.h>

#include "agent.h"
#include "db.h"

enum stmt {
	STMT_BY_PHONE,
	STMT_BY_ID,
	STMT_BY_LOGIN,
	STMT_CREATE,
	STMT_PROFILE,
	STMT_PASSWORD,
	STMT_UNITS,
	STMT_ROLE,
	STMT__MAX
};

#define AGENT_COLS \
	"SELECT id, phone, name, id_number, password_hash, disabled FROM agent"

static const char *const sql[STMT__MAX] = {
	[STMT_BY_PHONE] = AGENT_COLS " WHERE phone = ?",
	[STMT_BY_ID] = AGENT_COLS " WHERE id = ?",
	[STMT_BY_LOGIN] = AGENT_COLS " WHERE phone = ? OR id_number = ?"
	    " ORDER BY phone = ? DESC LIMIT 1",
	[STMT_CREATE] = "INSERT INTO agent (phone) VALUES (?)",
	[STMT_PROFILE] =
	    "UPDATE agent SET name = ?, id_number = ?, password_hash = ?,"
	    " profile_at = NOW() WHERE id = ?",
	[STMT_PASSWORD] = "UPDATE agent SET password_hash = ? WHERE id = ?",
	[STMT_UNITS] =
	    "SELECT o.id, o.name, au.role,"
	    /* A chairman holds every right in the unit (Xiamen §二). */
	    " au.role = 'chairman' OR FIND_IN_SET('mutual_aid', au.perms) > 0,"
	    " o.credit_code, p.name,"
	    " EXISTS (SELECT 1 FROM org_app e WHERE e.org_id = o.id"
	    "  AND e.kind = 'edit' AND e.state IN (1, 2)),"
	    " NOT EXISTS (SELECT 1 FROM invoice_info i WHERE i.unit_id = o.id)"
	    " FROM agent_unit au JOIN org o ON o.id = au.unit_id"
	    " LEFT JOIN org p ON p.id = o.parent_id"
	    " WHERE au.agent_id = ? ORDER BY o.name",
	[STMT_ROLE] =
	    "SELECT role = 'chairman', role = 'chairman'"
	    " OR FIND_IN_SET('mutual_aid', perms) > 0"
	    " FROM agent_unit WHERE agent_id = ? AND unit_id = ?",
};

static const struct db_table tab = { DBM_AGENT, sql, STMT__MAX };

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src) ? (src) : "")

/* Take the first row of an AGENT_COLS result into *a. */
static int
agent_one(struct db_res *r, struct agent *a)
{
	int rc;

	if (r == NULL)
		return -1;
	memset(a, 0, sizeof(*a));
	if ((rc = db_next(r)) == 1) {
		a->id = db_int(r, 0);
		COPY(a->phone, db_col(r, 1));
		COPY(a->name, db_col(r, 2));
		COPY(a->id_number, db_col(r, 3));
		COPY(a->password_hash, db_col(r, 4));
		a->disabled = (int)db_int(r, 5);
	}
	db_done(r);
	return rc;
}

int
agent_by_phone(struct db *db, const char *phone, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_PHONE, "s", phone), a);
}

int
agent_by_id(struct db *db, int64_t id, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_ID, "i", id), a);
}

int
agent_by_login(struct db *db, const char *ident, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_LOGIN, "sss", ident, ident,
	    ident), a);
}

int64_t
agent_create(struct db *db, const char *phone)
{
	if (db_exec(db, &tab, STMT_CREATE, "s", phone) != 1)
		return 0;
	return db_insert_id(db);
}

int
agent_profile(struct db *db, int64_t id, const char *name,
    const char *id_number, const char *password_hash)
{
	if (db_exec(db, &tab, STMT_PROFILE, "sssi", name, id_number,
	    password_hash, id) < 0)
		return db_errno(db) == 1062 ? -1 : 0;
	return 1;
}

int
agent_set_password(struct db *db, int64_t id, const char *password_hash)
{
	return db_exec(db, &tab, STMT_PASSWORD, "si", password_hash, id) >= 0;
}

struct db_res *
agent_units(struct db *db, int64_t agent_id)
{
	return db_query(db, &tab, STMT_UNITS, "i", agent_id);
}

int
agent_role(struct db *db, int64_t agent, int64_t unit, int *mutual_aid)
{
	struct db_res *r;
	int rc, role = AGENT_NONE;

	if (mutual_aid)
		*mutual_aid = 0;
	if ((r = db_query(db, &tab, STMT_ROLE, "ii", agent, unit)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		role = db_int(r, 0) ? AGENT_CHAIRMAN : AGENT_STAFF;
		if (mutual_aid)
			*mutual_aid = (int)db_int(r, 1);
	}
	db_done(r);
	return rc < 0 ? -1 : role;
}
