/*
 * transfer.h -- 单位绑定: a new agent asks to take over an existing unit,
 * with the filled-in authorisation letter; 初审 and 复审 by two different
 * people (FLOW_TRANSFER); on approval the previous chairman is unbound
 * and told, and the new agent becomes the unit's chairman.
 */
#ifndef HZ_TRANSFER_H
#define HZ_TRANSFER_H

#include <stdint.h>

#include "flow.h"

struct db;
struct db_res;

struct transfer {
	int64_t		 id, unit_id, agent_id;
	enum flow_state	 state;
	char		 unit_name[256];
	char		 agent_name[128];
	char		 agent_phone[12];
	char		 previous[256];	/* who was unbound, once approved */
	char		 updated_at[20];
};

enum transfer_refusal {
	TR_OK = 0,
	TR_ALREADY = 200,	/* the agent already chairs the unit */
	TR_OPEN,		/* an open request for this unit exists */
	TR_NO_LETTER,		/* 授权书 not uploaded */
	TR_NO_UNIT,		/* not an approved unit */
};

/* transfer_create: a draft request of `agent` for `unit`.  Returns its id
 * (> 0), a negative enum transfer_refusal, or 0 on a database error. */
int64_t transfer_create(struct db *db, int64_t unit, int64_t agent);

/* transfer_get: 1 / 0 / -1. */
int transfer_get(struct db *db, int64_t id, struct transfer *t);

/* Lists: 0 id, 1 state, 2 unit name, 3 agent name, 4 agent phone,
 * 5 updated.  By the filing agent, or by state (office queues). */
struct db_res *transfer_by_agent(struct db *db, int64_t agent);
struct db_res *transfer_by_state(struct db *db, enum flow_state s);

/* transfer_submit / transfer_decide: own transactions; return TR_OK, an
 * enum transfer_refusal or an enum flow_result. */
int transfer_submit(struct db *db, int64_t id, const struct flow_actor *by);
int transfer_decide(struct db *db, int64_t id, enum flow_action action,
    const struct flow_actor *by, const char *reason);

const char *transfer_message(int result);

/* transfer_letter: write the authorisation letter template (XLSX) for
 * people to print, fill, stamp and upload.  Returns 1/0. */
int transfer_letter(const char *path, const char *tmpdir);

#endif
