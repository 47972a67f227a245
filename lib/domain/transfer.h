/*
 * transfer.h -- 单位绑定: a new agent asks to take over an existing unit,
 * with the filled-in authorisation letter; 初审 and 复审 by two different
 * people (transfer_flow in flows.h); on approval the previous chairman is
 * unbound and told, and the new agent becomes the unit's chairman.  上报,
 * 删除 and the decisions go through the engine (flow_step_once).
 */
#ifndef HZ_TRANSFER_H
#define HZ_TRANSFER_H

#include <stdint.h>

#include "flow.h"
#include "refusal.h"

struct db;
struct db_res;

struct transfer {
	int64_t		 id, unit_id, agent_id;
	struct flow_item flow;		/* its state, round, filer */
	char		 unit_name[256];
	char		 agent_name[128];
	char		 agent_phone[12];
	char		 previous[256];	/* who was unbound, once approved */
	char		 updated_at[20];
};

/*
 * transfer_create: a draft request of agent `by` for `unit`, audited in
 * its transaction.  Returns RF_OK with *id set, RF_NO_UNIT,
 * RF_ALREADY_CHAIR, RF_TRANSFER_OPEN or RF_DB.
 */
enum refusal transfer_create(struct db *db, int64_t unit,
    const struct flow_actor *by, int64_t *id);

/* transfer_get: 1 / 0 / -1. */
int transfer_get(struct db *db, int64_t id, struct transfer *t);

/* The filing agent's requests: 0 id, 1 state name, 2 unit name, 3 agent
 * name, 4 agent phone, 5 updated; cancelled ones left out. */
struct db_res *transfer_by_agent(struct db *db, int64_t agent);

/* transfer_letter: write the authorisation letter template (XLSX) for
 * people to print, fill, stamp and upload.  Returns 1/0. */
int transfer_letter(const char *path, const char *tmpdir);

#endif
