/*
 * orgapp.h -- 单位注册 and 单位信息编辑: an agent files a unit's data with
 * its materials, the office reviews it (orgapp_flow), and only an
 * approval writes the unit itself, so an approved unit's data stays in
 * force while its edit is being reviewed (编辑市总审核中).
 */
#ifndef HZ_ORGAPP_H
#define HZ_ORGAPP_H

#include <stdint.h>
#include <libxml/tree.h>

#include "flow.h"
#include "refusal.h"

struct db;
struct db_res;

enum orgapp_kind { ORGAPP_REGISTER, ORGAPP_EDIT };

/* 单位性质, in the order of the org.nature ENUM. */
extern const char *const orgapp_natures[];

struct org_app {
	int64_t		 id;
	enum orgapp_kind kind;
	int64_t		 org_id;	/* edit: the unit; register: 0 until approved */
	int64_t		 agent_id;
	struct flow_item flow;		/* its state, round, filer */
	char		 name[4 * 120 + 1];
	char		 credit_code[19];
	int64_t		 parent_id;
	char		 parent_name[4 * 120 + 1];
	char		 nature[16];
	char		 district[4 * 60 + 1];
	char		 medins_code[9];
	char		 employees[16];	/* "" if not given */
	char		 chairman[4 * 30 + 1];
	char		 contact[4 * 30 + 1];
	char		 contact_phone[12];
	char		 lineage[8];	/* none | merge | split */
	char		 updated_at[20];
	int		 promise_wait;	/* seconds left before 承诺书 may be confirmed */
};

/* orgapp_get: 1 with *a filled, 0 if none, -1 on a database error. */
int orgapp_get(struct db *db, int64_t id, struct org_app *a);

/*
 * orgapp_save: insert (a->id == 0, filed by a->agent_id) or update a
 * draft/returned application with a's fields, audited as done by `by` in
 * the same transaction.  Returns RF_OK with a->id set, RF_BAD_PARENT when
 * a->parent_id is neither 市总工会 nor a 区/产业工会, RF_SUBMITTED when
 * the application may no longer be changed (in review or decided), or
 * RF_DB.
 */
enum refusal orgapp_save(struct db *db, struct org_app *a,
    const struct flow_actor *by);

/*
 * orgapp_edit_start: a new edit application for approved unit `org`,
 * filled with the unit's current data, or the open one if there is.
 * Returns its id, 0 when the unit is not approved, -1 on error.
 */
int64_t orgapp_edit_start(struct db *db, int64_t org, int64_t agent);

/*
 * The filing agent's applications, a result to walk and db_done(); NULL on
 * error.  Columns: 0 id, 1 kind, 2 state name, 3 name, 4 credit code,
 * 5 parent, 6 updated, 7 agent name, 8 org id.  Cancelled ones left out.
 */
enum orgapp_col { OA_ID, OA_KIND, OA_STATE, OA_NAME, OA_CREDIT, OA_PARENT,
	OA_UPDATED, OA_AGENT, OA_ORG };
struct db_res *orgapp_by_agent(struct db *db, int64_t agent);

/* 由哪些单位合并/拆分: list (0 org id, 1 name), add, remove.  add/remove
 * return 1, 0 when the application may not change, -1 on error. */
struct db_res *orgapp_lineage(struct db *db, int64_t app);
int orgapp_lineage_add(struct db *db, int64_t app, int64_t org);
int orgapp_lineage_remove(struct db *db, int64_t app, int64_t org);

/* orgapp_promise_shown: the 承诺书 was opened now (starts its 15 s). */
int orgapp_promise_shown(struct db *db, int64_t app);

/*
 * 上报, 删除 and the decisions go through the engine (flow_step_once with
 * orgapp_flow, flows.h): 上报 needs the 承诺书 read for 15 s, a parent
 * that may hold units, the 法人资格证书/营业执照 and a credit code no
 * other unit holds; an approval writes the unit (a new unit with the filer
 * bound as its chairman, or the edited fields) and its lineage.
 */

/*
 * orgapp_candidates: add <candidates q=".."><org id=".." parent="..">name
 * under `parent`: units whose name contains `q` (the fuzzy pick of 合并/
 * 拆分 and 单位绑定), at most 20.  Returns 1, 0 on a database error.
 */
int orgapp_candidates(struct db *db, const char *q, xmlNodePtr parent);

/*
 * orgapp_view: add <app id state state-label kind> with the data, the
 * merged/split units, <materials> and <timeline> under `parent`, as both
 * the agent and the reviewer see it.  Returns the node, NULL on error.
 */
xmlNodePtr orgapp_view(struct db *db, const struct org_app *a,
    xmlNodePtr parent);

/* orgapp_parents: the orgs a unit may hang under (root and districts);
 * columns 0 id, 1 name, 2 depth. */
struct db_res *orgapp_parents(struct db *db);

#endif
