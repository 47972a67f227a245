/*
 * flow.h -- workflow as data (办件流程).
 *
 * Each business type (单位注册, 单位绑定, 会籍变更, ...) is a table of
 * transitions: from state, action, to state, who may take it.  flow_apply()
 * is the one way an item changes state: inside the caller's transaction it
 * locks the item's row, finds the transition, checks the actor's role and
 * the segregation of duties, writes the state, a progress row (the
 * timeline every party sees) and an audit row, and queues a station
 * message and an SMS to the agent who filed the item.  What an approval
 * does to the rest of the data is the caller's business, in the same
 * transaction.
 */
#ifndef HZ_FLOW_H
#define HZ_FLOW_H

#include <stdint.h>
#include <libxml/tree.h>

struct db;

enum flow_type {
	FLOW_ORG_APP,		/* 单位注册 / 单位信息编辑 */
	FLOW_TRANSFER,		/* 单位绑定 (代办员变更) */
	FLOW_MEMBERSHIP,	/* 会籍变更 */
	FLOW__MAX
};

enum flow_state {
	FS_DRAFT,		/* 草稿 */
	FS_REVIEW1,		/* 待初审 */
	FS_REVIEW2,		/* 待复审 */
	FS_RETURNED,		/* 退回 */
	FS_APPROVED,		/* 审核通过 */
	FS_CANCELLED,		/* 已删除 */
	FS__MAX
};

enum flow_action {
	FA_SUBMIT,		/* 上报 */
	FA_APPROVE1,		/* 初审通过 */
	FA_RETURN1,		/* 初审退回 */
	FA_APPROVE2,		/* 复审通过 */
	FA_RETURN2,		/* 复审退回 */
	FA_CANCEL,		/* 删除 (draft or returned only) */
	FA__MAX
};

/* Who takes a step: the filing agent, or office staff with a role. */
struct flow_actor {
	int		 kind;		/* enum session_kind: SESS_AGENT/OFFICE */
	int64_t		 id;
	unsigned	 roles;		/* office: ROLE_* bits */
	const char	*name;		/* shown in the timeline */
	const char	*ip;
};

/* flow_actor_of: the signed-in user of a request as an actor (borrows
 * the request's strings). */
struct req;
void flow_actor_of(const struct req *r, struct flow_actor *a);

/* Results of flow_apply (besides a database error, -1). */
enum flow_result {
	FLOW_OK = 0,
	FLOW_ERR_DB = -1,
	FLOW_NOT_FOUND = 1,	/* no such item */
	FLOW_BAD_STATE,		/* the action does not apply in this state */
	FLOW_FORBIDDEN,		/* wrong role, or not the filing agent */
	FLOW_SAME_PERSON,	/* segregation of duties */
	FLOW_NEED_REASON,	/* a return needs a reason */
};

/*
 * flow_apply: take `action` on item `id` of `type` as `actor`, inside the
 * caller's transaction.  `reason` may be NULL except for returns.  On
 * FLOW_OK, *to (if not NULL) is the new state.  Returns an enum flow_result.
 */
int flow_apply(struct db *db, enum flow_type type, int64_t id,
    enum flow_action action, const struct flow_actor *actor,
    const char *reason, enum flow_state *to);

/*
 * flow_decide: take a decision (any action but 上报) in its own
 * transaction; when it approves the item, approved(db, id) does what the
 * approval means to the rest of the data in the same transaction and
 * returns FLOW_OK or a result of its own (which rolls everything back).
 * Returns FLOW_OK, a flow_result, or the hook's result.
 */
int flow_decide(struct db *db, enum flow_type type, int64_t id,
    enum flow_action action, const struct flow_actor *actor,
    const char *reason, int (*approved)(struct db *, int64_t));

/* flow_message: a Chinese sentence for a non-OK flow_apply result. */
const char *flow_message(int result);

/* Labels: state as the filer sees it ("市总审核中"), action ("初审退回"). */
const char *flow_state_label(enum flow_state s);
const char *flow_action_label(enum flow_action a);
const char *flow_type_label(enum flow_type t);

/*
 * flow_can: whether an office user with `roles` may take some review step
 * on an item in state `s` of `type` (for queues and buttons).
 */
int flow_can(enum flow_type type, enum flow_state s, unsigned roles);

/*
 * flow_view_item: add <name id=".." state=".." state-label="待初审"> under
 * `parent`, the head every page and list row of a business item starts
 * with.  Returns the new element.
 */
xmlNodePtr flow_view_item(xmlNodePtr parent, const char *name, int64_t id,
    enum flow_state s);

/*
 * flow_timeline: add <timeline><step action=".." decision="ok|return|..">
 * with <node>, <by>, <at>, <reason> for every step of the item, oldest
 * first, under `parent`.  Returns 1, 0 on a database error.
 */
int flow_timeline(struct db *db, enum flow_type type, int64_t id,
    xmlNodePtr parent);

#endif
