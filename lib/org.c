/*
 * org.c -- organisations.
 */
#include "db.h"
#include "org.h"

enum stmt {
	STMT_TREE,
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
};

static const struct db_table tab = { DBM_ORG, sql, STMT__MAX };

struct db_res *
org_tree(struct db *db)
{
	return db_query(db, &tab, STMT_TREE, "");
}
