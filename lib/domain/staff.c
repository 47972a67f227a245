/*
 * staff.c -- office users.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "staff.h"

const struct role_def staff_roles[STAFF_NROLES] = {
	{ "review1", "初审" },
	{ "review2", "复审" },
	{ "medical", "报告复核" },
	{ "finance", "财务" },
	{ "admin", "管理员" },
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

int64_t
staff_create(struct db *db, const char *username, const char *name,
    const char *phone, const char *password_hash, unsigned roles)
{
	char csv[64];

	if (db_exec(db, &tab, STMT_CREATE, "sssss", username, name,
	    phone && *phone ? phone : NULL, password_hash,
	    staff_roles_csv(roles, csv)) != 1)
		return db_errno(db) == 1062 ? -1 : 0;
	return db_insert_id(db);
}

int
staff_set_roles(struct db *db, int64_t id, unsigned roles)
{
	char csv[64];

	return db_exec(db, &tab, STMT_SET_ROLES, "si", staff_roles_csv(roles, csv),
	    id) == 1;
}

struct db_res *
staff_list(struct db *db)
{
	return db_query(db, &tab, STMT_LIST, "");
}
