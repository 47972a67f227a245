/*
 * membership.h -- 会籍变更: a unit asks to take in a person whose 会籍 is
 * in another unit; the office's 初审 decides (membership_flow).  On
 * approval the old 会籍 is closed and the new one opened, history kept.
 */
#ifndef HZ_MEMBERSHIP_H
#define HZ_MEMBERSHIP_H

#include <stdint.h>

#include "flow.h"
#include "refusal.h"

struct db;
struct db_res;

struct move {
	int64_t		 id, member_id, from_unit, to_unit, agent_id;
	struct flow_item flow;		/* its state, round, filer */
	char		 member_name[128];
	char		 id_number[32];
	char		 from_name[256];
	char		 to_name[256];
	char		 reason[256];
	char		 updated_at[20];
};

/*
 * move_request: file and 上报 a request to move the person with this ID
 * into `to_unit`, in one transaction.  Returns RF_OK with *id set,
 * RF_NO_PERSON, RF_SAME_UNIT, RF_NO_MEMBERSHIP, RF_MOVE_OPEN or RF_DB.
 */
enum refusal move_request(struct db *db, int id_type, const char *id_number,
    int64_t to_unit, const struct flow_actor *by, const char *reason,
    int64_t *id);

/* move_get: 1 / 0 / -1. */
int move_get(struct db *db, int64_t id, struct move *m);

/* A unit's requests: 0 id, 1 state name, 2 member name, 3 ID number (mask
 * it), 4 from unit, 5 to unit, 6 updated; cancelled ones left out. */
struct db_res *move_by_unit(struct db *db, int64_t to_unit);

#endif
