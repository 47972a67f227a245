/*
 * flows.h -- every business type of the association, for the review desk
 * and the portals, and what the types reviewed by the association share:
 * the notices of an approval and a return, and the filing agent's phone.
 */
#ifndef HZ_FLOWS_H
#define HZ_FLOWS_H

#include "flow.h"

extern const struct flow_type orgapp_flow;	/* 单位注册 / 单位信息编辑 */
extern const struct flow_type transfer_flow;	/* 单位绑定 */
extern const struct flow_type membership_flow;	/* 会籍变更 */

/* Every type, NULL-terminated (the desk's queue and pages). */
extern const struct flow_type *const flow_types[];

/* flow_type_named: the type called `name`, or NULL. */
const struct flow_type *flow_type_named(const char *name);

/* Notices to the filing agent (SPEC §6 wording). */
extern const struct flow_notice notice_agent_approved;
extern const struct flow_notice notice_agent_returned;

/* flow hook: the phone of the agent who filed the item. */
int flow_agent_phone(struct db *db, const struct flow_item *it,
    char phone[16]);

/* flow hook: whether agent `agent` holds 医疗互助 in unit `unit` (the
 * 基层审核 steps, FLOW_BY_UNIT): 1, 0, -1 on a database error. */
int flow_unit_agent(struct db *db, int64_t agent, int64_t unit);

#endif
