/*
 * org.c -- organisations.
 */
#include "db.h"
#include "org.h"
#include "view.h"
#include "valid.h"

enum stmt {
	STMT_TREE,
	STMT_ADD,
	STMT_RENAME,
	STMT_SEARCH,
	STMT_MAY_PARENT,
	STMT_DISTRICTS,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_TREE] =
	    "WITH RECURSIVE t (id, parent_id, level, name, depth, path) AS ("
	    " SELECT id, parent_id, level, name, 0, CAST(LPAD(id, 10, '0')"
	    "  AS CHAR(1000)) FROM org WHERE parent_id IS NULL"
	    " UNION ALL SELECT o.id, o.parent_id, o.level, o.name, t.depth + 1,"
	    "  CONCAT(t.path, '/', LPAD(o.id, 10, '0'))"
	    "  FROM org o JOIN t ON o.parent_id = t.id)"
	    " SELECT t.id, t.parent_id, t.level, t.name, t.depth,"
	    " (SELECT COUNT(*) FROM member m WHERE m.unit_id = t.id)"
	    " FROM t ORDER BY t.path",
	/* The parent's level decides the child's: root > district > unit. */
	[STMT_ADD] =
	    "INSERT INTO org (parent_id, level, name, credit_code, status)"
	    " SELECT id, ?, ?, ?, 'approved' FROM org WHERE id = ?"
	    " AND ((level = 'root' AND ? = 'district')"
	    "  OR (level = 'district' AND ? = 'unit'))",
	[STMT_RENAME] = "UPDATE org SET name = ? WHERE id = ?",
	[STMT_SEARCH] =
	    "SELECT o.id, o.name, COALESCE(o.credit_code, ''), p.name,"
	    " (SELECT COUNT(*) FROM member m WHERE m.unit_id = o.id)"
	    " FROM org o LEFT JOIN org p ON p.id = o.parent_id"
	    " WHERE o.level = 'unit' AND (o.name LIKE CONCAT('%', ?, '%')"
	    " OR o.credit_code = ?) ORDER BY o.name LIMIT 50",
	[STMT_MAY_PARENT] =
	    "SELECT COUNT(*) FROM org WHERE id = ? AND level IN ('root',"
	    " 'district') AND status = 'approved'",
	[STMT_DISTRICTS] =
	    "SELECT id, name FROM org WHERE level = 'district' ORDER BY name",
};

static const struct db_table tab = { DBM_ORG, sql, STMT__MAX };

struct db_res *
org_tree(struct db *db)
{
	return db_query(db, &tab, STMT_TREE, "");
}

int64_t
org_add(struct db *db, int64_t parent, const char *level, const char *name,
    const char *credit)
{
	int64_t n = db_exec(db, &tab, STMT_ADD, "sssiss", level, name, credit,
	    parent, level, level);

	return n < 0 ? -1 : n == 0 ? 0 : db_insert_id(db);
}

int
org_rename(struct db *db, int64_t id, const char *name)
{
	int64_t n = db_exec(db, &tab, STMT_RENAME, "si", name, id);

	return n < 0 ? -1 : n > 0;
}

struct db_res *
org_search(struct db *db, const char *q)
{
	char esc[256];

	return db_query(db, &tab, STMT_SEARCH, "ss",
	    like_escape(q, esc, sizeof(esc)), q);
}

int
org_may_parent(struct db *db, int64_t id)
{
	int found;

	if (id <= 0)
		return 0;
	return (int)db_one_int(db, &tab, STMT_MAY_PARENT, &found, "i", id) > 0 ?
	    1 : found ? 0 : -1;
}

int
org_districts_view(struct db *db, xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr l, d;

	if ((res = db_query(db, &tab, STMT_DISTRICTS, "")) == NULL)
		return 0;
	l = view_add(parent, "districts", NULL);
	while (db_next(res) == 1) {
		d = view_add(l, "district", db_col(res, 1));
		view_attr(d, "id", db_col(res, 0));
	}
	db_done(res);
	return 1;
}
