/*
 * unitstaff.h -- 工作人员: the agents who serve a unit besides its
 * chairman, and the rights the chairman grants them (Xiamen §二).
 */
#ifndef HZ_UNITSTAFF_H
#define HZ_UNITSTAFF_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

/* unitstaff_list: 0 agent id, 1 name ("" until their first login),
 * 2 phone, 3 role, 4 holds 医疗互助 (0/1).  Chairman first. */
struct db_res *unitstaff_list(struct db *db, int64_t unit);

/*
 * unitstaff_add: `by` (the unit's chairman) binds the agent with this
 * phone (created if new; they complete their profile at the first SMS
 * login) as staff of `unit`, with 医疗互助 if `mutual_aid`, audited in the
 * same transaction.  Returns RF_OK with *agent set, RF_STAFF_ALREADY, or
 * RF_DB.
 */
enum refusal unitstaff_add(struct db *db, const struct actor *by,
    int64_t unit, const char *phone, int mutual_aid, int64_t *agent);

/* unitstaff_grant: set or clear 医疗互助 of a staff member, audited.
 * RF_OK (also when unchanged), RF_NOT_STAFF (no such staff member; never
 * the chairman), or RF_DB. */
enum refusal unitstaff_grant(struct db *db, const struct actor *by,
    int64_t unit, int64_t agent, int on);

/* unitstaff_remove: unbind a staff member (never the chairman), audited.
 * RF_OK, RF_NOT_STAFF or RF_DB. */
enum refusal unitstaff_remove(struct db *db, const struct actor *by,
    int64_t unit, int64_t agent);

#endif
