/*
 * org.h -- the organisation tree: 市总工会 -> 区县/产业工会 -> 基层单位.
 */
#ifndef HZ_ORG_H
#define HZ_ORG_H

#include <stdint.h>
#include <libxml/tree.h>

struct db;
struct db_res;


/*
 * org_tree: every org in tree order (parents before children).  Columns:
 * 0 id, 1 parent id (NULL at the root), 2 level, 3 name, 4 depth,
 * 5 members whose current 会籍 is this org.  Free with db_done().
 */
struct db_res *org_tree(struct db *db);

/*
 * org_add: a new node under `parent` by the office (区县工会 under the
 * root, 基层单位 under a district), approved at once.  `credit` may be
 * NULL.  Returns its id, 0 when the parent cannot hold that level, -1 on
 * a database error (e.g. a credit code already used: db_errno 1062).
 */
int64_t org_add(struct db *db, int64_t parent, const char *level,
    const char *name, const char *credit);

/*
 * org_may_parent: whether a 基层单位 may hang under org `id`: only the
 * root (市总工会) or a 区/产业工会 may.  Returns 1, 0 (a unit, or no such
 * org), -1 on a database error.
 */
int org_may_parent(struct db *db, int64_t id);

/* org_rename: returns 1, 0 if no such org, -1 on error. */
int org_rename(struct db *db, int64_t id, const char *name);

/*
 * org_search: units whose name contains q, or whose credit code is q;
 * columns 0 id, 1 name, 2 credit code, 3 parent, 4 members.  At most 50.
 */
struct db_res *org_search(struct db *db, const char *q);

/* org_districts_view: <districts><district id="..">name under `parent`
 * (the review desk's filter).  Returns 1, 0 on a database error. */
int org_districts_view(struct db *db, xmlNodePtr parent);

#endif
