/*
 * member.c -- members.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "member.h"
#include "valid.h"

enum stmt {
	STMT_FIND,
	STMT_GET,
	STMT_BIND,
	STMT_SEARCH,
	STMT__MAX
};

#define MEMBER_COLS "SELECT " MEMBER_COLUMNS " FROM member m" MEMBER_JOINS

static const char *const sql[STMT__MAX] = {
	[STMT_FIND] = MEMBER_COLS
	    " WHERE m.id_type = ? AND m.id_number = ? AND m.name = ?",
	[STMT_GET] = MEMBER_COLS " WHERE m.id = ?",
	[STMT_BIND] =
	    "INSERT INTO member_bind (member_id, phone) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE phone = VALUES(phone), bound_at = NOW()",
	[STMT_SEARCH] =
	    "SELECT m.id, m.name, m.id_type, m.id_number, m.phone,"
	    " COALESCE(o.name, '') FROM member m LEFT JOIN org o ON o.id ="
	    " m.unit_id WHERE m.name LIKE CONCAT(?, '%') OR m.id_number = ?"
	    " ORDER BY m.name LIMIT 50",
};

static const struct db_table tab = { DBM_MEMBER, sql, STMT__MAX };

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src) ? (src) : "")

void
member_from_row(struct db_res *r, int c, struct member *m)
{
	const char *g = db_col(r, c + 4);

	memset(m, 0, sizeof(*m));
	m->id = db_int(r, c);
	m->id_type = (int)db_int(r, c + 1);
	COPY(m->id_number, db_col(r, c + 2));
	COPY(m->name, db_col(r, c + 3));
	m->gender = g ? g[0] : 0;
	COPY(m->birth_date, db_col(r, c + 5));
	COPY(m->phone, db_col(r, c + 6));
	m->unit_id = db_int(r, c + 7);
	COPY(m->unit_name, db_col(r, c + 8));
	COPY(m->bound_phone, db_col(r, c + 9));
}

/* Run a MEMBER_COLS statement and take its first row. */
static int
member_one(struct db_res *r, struct member *m)
{
	int rc;

	if (r == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		member_from_row(r, 0, m);
	db_done(r);
	return rc;
}

int
member_find(struct db *db, int id_type, const char *id_number,
    const char *name, struct member *m)
{
	return member_one(db_query(db, &tab, STMT_FIND, "iss", (int64_t)id_type,
	    id_number, name), m);
}

int
member_get(struct db *db, int64_t id, struct member *m)
{
	return member_one(db_query(db, &tab, STMT_GET, "i", id), m);
}

int
member_bind(struct db *db, int64_t member_id, const char *phone)
{
	return db_exec(db, &tab, STMT_BIND, "is", member_id, phone) >= 1;
}


struct db_res *
member_search(struct db *db, const char *q)
{
	char esc[256];

	return db_query(db, &tab, STMT_SEARCH, "ss",
	    like_escape(q, esc, sizeof(esc)), q);
}
