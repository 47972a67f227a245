/*
 * org.h -- the organisation tree: 市总工会 -> 区县/产业工会 -> 基层单位.
 */
#ifndef HZ_ORG_H
#define HZ_ORG_H

#include <stdint.h>

struct db;
struct db_res;


/*
 * org_tree: every org in tree order (parents before children).  Columns:
 * 0 id, 1 parent id (NULL at the root), 2 level, 3 name, 4 depth,
 * 5 members whose current 会籍 is this org.  Free with db_done().
 */
struct db_res *org_tree(struct db *db);

#endif
