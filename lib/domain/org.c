/*
 * org.c -- organisations.
 */
#include <string.h>

#include "audit.h"
#include "db.h"
#include "epoch.h"
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

/* A node added or renamed, with its audit row. */
struct org_arg {
	const struct actor *by;
	int64_t		 parent, id;
	const char	*level, *name, *credit;
	enum refusal	 rf;
};

static int
add_txn(struct db *db, void *arg)
{
	struct org_arg *a = arg;
	int64_t n;

	a->rf = RF_DB;
	if ((n = db_exec(db, &tab, STMT_ADD, "sssiss", a->level, a->name,
	    a->credit, a->parent, a->level, a->level)) < 0) {
		if (db_errno(db) == 1062)
			a->rf = RF_ORG_CREDIT_USED;
		return 1;
	}
	if (n == 0) {
		a->rf = strcmp(a->level, "district") == 0 ? RF_DISTRICT_PARENT :
		    RF_UNIT_PARENT;
		return 1;
	}
	a->id = db_insert_id(db);
	if (!audit_act(db, a->by, "org.add", "org", a->id, a->name))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
org_add(struct db *db, const struct actor *by, int64_t parent, int district,
    const char *name, const char *credit, int64_t *id)
{
	struct org_arg a = { by, parent, 0, district ? "district" : "unit",
	    name, credit, RF_DB };

	if (db_txn(db, add_txn, &a) < 0)
		return RF_DB;
	*id = a.id;
	return a.rf;
}

static int
rename_txn(struct db *db, void *arg)
{
	struct org_arg *a = arg;
	int64_t n;

	a->rf = RF_DB;
	if ((n = db_exec(db, &tab, STMT_RENAME, "si", a->name, a->id)) < 0)
		return 1;
	if (n == 0) {
		a->rf = RF_NO_ORG;
		return 1;
	}
	if (!audit_act(db, a->by, "org.rename", "org", a->id, a->name))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
org_rename(struct db *db, const struct actor *by, int64_t id,
    const char *name)
{
	struct org_arg a = { by, 0, id, NULL, name, NULL, RF_DB };

	if (db_txn(db, rename_txn, &a) < 0)
		return RF_DB;
	return a.rf;
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


/*
 * The districts for the desk's filter, <district id="..">name</district>,
 * kept per worker while the shared epoch stands (an org
 * added or renamed moves it) and at most a minute: every desk page's
 * filter bar lists them.
 */
#define DISTRICTS_MAX	64
static struct {
	char	 id[24], name[4 * 60 + 1];
} districts[DISTRICTS_MAX];
static int ndistricts;
static struct epoch_mark districts_mark;

int
org_districts_view(struct db *db, xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr list = view_add(parent, "districts", NULL), d;
	uint64_t epoch;
	int i, rc;

	if (!epoch_fresh(&districts_mark)) {
		epoch = epoch_now();
		if ((res = db_query(db, &tab, STMT_DISTRICTS, "")) == NULL)
			return 0;
		for (ndistricts = 0; (rc = db_next(res)) == 1 &&
		    ndistricts < DISTRICTS_MAX; ndistricts++) {
			snprintf(districts[ndistricts].id, sizeof(districts[0].id),
			    "%s", db_col(res, 0));
			snprintf(districts[ndistricts].name,
			    sizeof(districts[0].name), "%s", db_col(res, 1));
		}
		db_done(res);
		if (rc < 0)
			return 0;
		epoch_keep(&districts_mark, epoch, 60);
	}
	for (i = 0; i < ndistricts; i++) {
		d = view_add(list, "district", districts[i].name);
		view_attr(d, "id", districts[i].id);
	}
	return 1;
}
