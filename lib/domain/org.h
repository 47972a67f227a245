/*
 * org.h -- the organisation tree: 市总工会 -> 区县/产业工会 -> 基层单位.
 */
#ifndef HZ_ORG_H
#define HZ_ORG_H

#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

/*
 * org_tree: every org in tree order (parents before children).  Columns:
 * 0 id, 1 parent id (NULL at the root), 2 level, 3 name, 4 depth,
 * 5 members whose current 会籍 is this org.  Free with db_done().
 */
struct db_res *org_tree(struct db *db);

/*
 * org_add: `by` (the office) adds a node under `parent`, approved at once:
 * a 区县/产业工会 (`district`) under the root only, a 基层单位 otherwise
 * under a district only.  `credit` may be NULL.  The row and its audit
 * row are one transaction.  Returns RF_OK with *id set, RF_DISTRICT_PARENT
 * or RF_UNIT_PARENT (the parent cannot hold that level), RF_ORG_CREDIT_USED,
 * or RF_DB.
 */
enum refusal org_add(struct db *db, const struct actor *by, int64_t parent,
    int district, const char *name, const char *credit, int64_t *id);

/*
 * org_may_parent: whether a 基层单位 may hang under org `id`: only the
 * root (市总工会) or a 区/产业工会 may.  Returns 1, 0 (a unit, or no such
 * org), -1 on a database error.
 */
int org_may_parent(struct db *db, int64_t id);

/* org_rename: the same for a new name.  RF_OK, RF_NO_ORG or RF_DB. */
enum refusal org_rename(struct db *db, const struct actor *by, int64_t id,
    const char *name);

/*
 * org_search: units whose name contains q, or whose credit code is q;
 * columns 0 id, 1 name, 2 credit code, 3 parent, 4 members.  At most 50.
 */
struct db_res *org_search(struct db *db, const char *q);

/* org_districts_view: <districts><district id="..">name under `parent`
 * (the review desk's filter).  Returns 1, 0 on a database error. */
int org_districts_view(struct db *db, xmlNodePtr parent);

#endif
