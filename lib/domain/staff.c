/*
 * staff.c -- office users.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "kind.h"
#include "staff.h"

const struct role_def staff_roles[STAFF_NROLES] = {
	{ "review1", "初审" },
	{ "review2", "复审" },
	{ "medical", "报告复核" },
	{ "finance", "财务" },
	{ "admin", "管理员" },
	{ "editor", "编辑" },
};

enum stmt {
	STMT_BY_USERNAME,
	STMT_CREATE,
	STMT_SET_ROLES,
	STMT_LIST,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_BY_USERNAME] =
	    "SELECT id, username, name, password_hash, roles + 0, disabled"
	    " FROM staff WHERE username = ?",
	[STMT_CREATE] =
	    "INSERT INTO staff (username, name, phone, password_hash, roles)"
	    " VALUES (?, ?, ?, ?, ?)",
	[STMT_SET_ROLES] = "UPDATE staff SET roles = ? WHERE id = ?",
	[STMT_LIST] =
	    "SELECT id, username, name, roles + 0, disabled, created_at"
	    " FROM staff ORDER BY id",
};

static const struct db_table tab = { DBM_STAFF, sql, STMT__MAX };

int
staff_by_username(struct db *db, const char *username, struct staff *s)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_BY_USERNAME, "s", username)) == NULL)
		return -1;
	memset(s, 0, sizeof(*s));
	if ((rc = db_next(r)) == 1) {
		s->id = db_int(r, 0);
		snprintf(s->username, sizeof(s->username), "%s", db_col(r, 1));
		snprintf(s->name, sizeof(s->name), "%s", db_col(r, 2));
		snprintf(s->password_hash, sizeof(s->password_hash), "%s",
		    db_col(r, 3));
		s->roles = (unsigned)db_int(r, 4);
		s->disabled = (int)db_int(r, 5);
	}
	db_done(r);
	return rc;
}

char *
staff_roles_csv(unsigned roles, char out[64])
{
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < STAFF_NROLES; i++)
		if (roles & (1u << i))
			n += (size_t)snprintf(out + n, 64 - n, "%s%s",
			    n ? "," : "", staff_roles[i].name);
	return out;
}

enum refusal
staff_sign_in(struct db *db, const char *username, const char *password,
    const char *ip, struct staff *s, long *wait)
{
	struct throttle t = { SESS_OFFICE, username, ip };
	int found, good;

	if ((*wait = throttle_wait(db, &t)) > 0)
		return RF_THROTTLED;
	if ((found = staff_by_username(db, username, s)) < 0)
		return RF_DB;
	good = found ? password_check(password, s->password_hash) :
	    password_burn(password);
	if (!good || s->disabled) {
		throttle_fail(db, &t);
		return RF_BAD_STAFF_LOGIN;
	}
	throttle_clear(db, &t);
	return RF_OK;
}

enum refusal
staff_roles_check(unsigned roles)
{
	return (roles & ROLE_ANY) ? RF_OK : RF_NO_ROLES;
}

/* A user made or their roles set, with the audit row. */
struct staff_arg {
	const struct actor *by;
	int64_t		 id;
	const char	*username, *name, *phone;
	unsigned	 roles;
	char		 hash[128], csv[64];
	enum refusal	 rf;
};

static int
create_txn(struct db *db, void *arg)
{
	struct staff_arg *a = arg;

	a->rf = RF_DB;
	if (db_exec(db, &tab, STMT_CREATE, "sssss", a->username, a->name,
	    a->phone && *a->phone ? a->phone : NULL, a->hash, a->csv) != 1) {
		if (db_errno(db) == 1062)
			a->rf = RF_USERNAME_TAKEN;
		return 1;
	}
	a->id = db_insert_id(db);
	if (!audit_act(db, a->by, "staff.create", "staff", a->id, a->csv))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
staff_create(struct db *db, const struct actor *by, const char *username,
    const char *name, const char *phone, const char *password, unsigned roles)
{
	struct staff_arg a = { by, 0, username, name, phone, roles, "", "",
	    RF_DB };

	if (staff_roles_check(roles) != RF_OK)
		return RF_NO_ROLES;
	staff_roles_csv(roles, a.csv);
	if (!password_hash(password, a.hash) || db_txn(db, create_txn, &a) < 0)
		return RF_DB;
	return a.rf;
}

int64_t
staff_insert(struct db *db, const char *username, const char *name,
    const char *phone, const char *password_hash, unsigned roles)
{
	char csv[64];

	if (db_exec(db, &tab, STMT_CREATE, "sssss", username, name,
	    phone && *phone ? phone : NULL, password_hash,
	    staff_roles_csv(roles, csv)) != 1)
		return db_errno(db) == 1062 ? -1 : 0;
	return db_insert_id(db);
}

static int
roles_txn(struct db *db, void *arg)
{
	struct staff_arg *a = arg;
	int64_t n;

	a->rf = RF_DB;
	if ((n = db_exec(db, &tab, STMT_SET_ROLES, "si", a->csv, a->id)) < 0)
		return 1;
	if (n == 0) {
		a->rf = RF_NO_USER;
		return 1;
	}
	if (!audit_act(db, a->by, "staff.roles", "staff", a->id, a->csv))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
staff_set_roles(struct db *db, const struct actor *by, int64_t id,
    unsigned roles)
{
	struct staff_arg a = { by, id, NULL, NULL, NULL, roles, "", "",
	    RF_DB };

	if (staff_roles_check(roles) != RF_OK)
		return RF_NO_ROLES;
	/* An admin must not lock the association out of its own users page. */
	if (id == by->id && by->kind == SESS_OFFICE && !(roles & ROLE_ADMIN))
		return RF_OWN_ADMIN;
	staff_roles_csv(roles, a.csv);
	if (db_txn(db, roles_txn, &a) < 0)
		return RF_DB;
	return a.rf;
}

struct db_res *
staff_list(struct db *db)
{
	return db_query(db, &tab, STMT_LIST, "");
}
