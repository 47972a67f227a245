/*
 * membership.h -- 会籍变更: a unit asks to take in a person whose 会籍 is
 * in another unit; the office's 初审 decides (FLOW_MEMBERSHIP).  On
 * approval the old 会籍 is closed and the new one opened, history kept.
 */
#ifndef HZ_MEMBERSHIP_H
#define HZ_MEMBERSHIP_H

#include <stdint.h>

#include "flow.h"

struct db;
struct db_res;

struct move {
	int64_t		 id, member_id, from_unit, to_unit, agent_id;
	enum flow_state	 state;
	char		 member_name[128];
	char		 id_number[32];
	char		 from_name[256];
	char		 to_name[256];
	char		 reason[256];
	char		 updated_at[20];
};

enum move_refusal {
	MV_OK = 0,
	MV_NO_PERSON = 300,	/* nobody with this ID in the system */
	MV_SAME_UNIT,		/* already in the asking unit */
	MV_NO_UNIT,		/* the person has no unit: just add them */
	MV_OPEN,		/* a request for this person is in review */
	MV_MOVED,		/* the person left the old unit meanwhile */
};

/*
 * move_request: file and 上报 a request to move the person with this ID
 * into `to_unit`, in one transaction.  Returns the request id (> 0), a
 * negative enum move_refusal, or 0 on a database error.
 */
int64_t move_request(struct db *db, int id_type, const char *id_number,
    int64_t to_unit, const struct flow_actor *by, const char *reason);

/* move_get: 1 / 0 / -1. */
int move_get(struct db *db, int64_t id, struct move *m);

/* Lists: 0 id, 1 state, 2 member name, 3 masked-later ID number, 4 from
 * unit, 5 to unit, 6 updated. */
struct db_res *move_by_unit(struct db *db, int64_t to_unit);
struct db_res *move_by_state(struct db *db, enum flow_state s);

/* move_decide: 初审 通过/退回 (office) or 删除 (agent); own transaction.
 * Returns MV_OK, an enum move_refusal or an enum flow_result. */
int move_decide(struct db *db, int64_t id, enum flow_action action,
    const struct flow_actor *by, const char *reason);

const char *move_message(int result);

#endif
