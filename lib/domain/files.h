/*
 * files.h -- who may see file N (材料的查看权).
 *
 * An attachment belongs to an owner (store.h: owner_type, owner_id).  The
 * owner decides who sees it:
 *  - review materials (营业执照, 批复文件, 授权书) of a unit application, a
 *    transfer or a membership change: the agent who filed the item, and
 *    office users whose roles review that business type, once the item has
 *    been filed (not a draft);
 *  - a unit's roster workbooks, import results and invoice notes: agents
 *    of that unit holding 医疗互助 (a chairman always does), never the
 *    office;
 *  - the premium invoices finance records for a unit (发票): the same
 *    agents, and office finance and admin;
 *  - a claim's materials (补助申请): its filer (the member, or the unit's
 *    agents with 医疗互助) and, once filed, its reviewers (报告复核 only
 *    while the claim is theirs to decide).
 * A file outside these rules is answered as if it did not exist.
 */
#ifndef HZ_FILES_H
#define HZ_FILES_H

#include <stdint.h>

struct db;
struct attachment;

/*
 * file_for_office: attachment `id` if an office user with `roles` (ROLE_*
 * bits) may see it.  Returns 1 with *a filled, 0 when there is no such
 * file or it is not theirs to see (answer 404), -1 on a database error.
 * The caller audits the view.
 */
int file_for_office(struct db *db, int64_t id, unsigned roles,
    struct attachment *a);

/*
 * file_for_agent: attachment `id` if agent `agent` may see it and, when
 * `owner_type` is not NULL, it belongs to an owner of that type (each
 * route serves its own kind of file).  Returns 1/0/-1 as file_for_office.
 */
int file_for_agent(struct db *db, int64_t id, int64_t agent,
    const char *owner_type, struct attachment *a);

/*
 * file_for_member: attachment `id` of an owner of type `owner_type` if
 * member `member` filed the item it belongs to (a claim's photos).
 * Returns 1/0/-1 as file_for_office.
 */
int file_for_member(struct db *db, int64_t id, int64_t member,
    const char *owner_type, struct attachment *a);

#endif
