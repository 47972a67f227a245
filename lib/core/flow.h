/*
 * flow.h -- the workflow engine (办件流程): one engine for every business
 * type.
 *
 * A business type (单位注册, 单位绑定, 会籍变更, and next 参保, 理赔,
 * 信息变更) is one table in its domain module: its states (name, Chinese
 * label, final or not), its transitions (from, action, to, who may take
 * it, whether segregation of duties applies, the optional node's
 * predicate, the notice it sends), who may file it, and its hooks (checks
 * before a step, what a step means to the rest of the data, the words of
 * its notices, the body of its review page).  The engine knows nothing
 * else of the business.
 *
 * Every item of every type has one row in flow_item: its state by name,
 * its filer, its unit, its title, its round (one per 上报) and which office
 * roles may act on it now (the review desk's queue is one query over it).
 * flow_step keeps the timeline.  flow_apply() is the one way an item
 * changes state: inside the caller's transaction it locks the item's row,
 * finds the transition, checks who acts and the segregation of duties,
 * runs the type's hooks, writes the state, the timeline step and the audit
 * row, and queues the notice (station message and SMS) to the filer.
 * States travel by name to SQL and stylesheets, never as numbers.
 */
#ifndef HZ_FLOW_H
#define HZ_FLOW_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct db;
struct req;

/* The verbs of every type; a transition gives each its node's name. */
enum flow_action {
	FA_SUBMIT,		/* 上报 */
	FA_APPROVE,		/* 通过 (同意) */
	FA_RETURN,		/* 退回 (驳回): needs a reason */
	FA_CANCEL,		/* 删除 */
	FA__MAX
};

/* Who may take a transition: office roles (ROLE_* bits of http.h), or: */
#define FLOW_BY_FILER	(1u << 16)	/* whoever filed the item */
#define FLOW_BY_UNIT	(1u << 17)	/* an agent of the item's unit holding
					 * its 医疗互助 right (基层审核): the
					 * type's unit_agent hook decides */
#define FLOW_BY_DOMAIN	(1u << 18)	/* only through the type's domain
					 * code (a payout batch records the
					 * bank's answer): no button on the
					 * desk, not in its queue */

/* Who may file an item of a type (flow_type.filers). */
#define FLOW_FILER_AGENT	(1u << 0)
#define FLOW_FILER_MEMBER	(1u << 1)

/* Every type's first state, 草稿: where items start and returns may lead. */
#define FLOW_DRAFT	0

struct flow_state {
	const char	*name;		/* "review1": SQL and stylesheets */
	const char	*label;		/* as the desk says it: "待初审" */
	int		 final;		/* nothing follows */
	const char	*seen;		/* as the filer sees it ("市总审核中"),
					 * NULL: the label */
};

/* The item as the engine sees it (flow_item's row). */
struct flow_item {
	int64_t		 id;		/* flow_item.id: the desk's address */
	int64_t		 item_id;	/* the domain row */
	const struct flow_type *type;
	int		 state;		/* index into type->states */
	int		 filer_kind;	/* enum session_kind */
	int64_t		 filer_id;
	int64_t		 unit_id;	/* 0: none */
	int64_t		 round;		/* 上报 so far */
	char		 title[256];
	char		 filer_name[128];
	char		 submitted_at[20];
};

/*
 * The words of a notice, with placeholders filled by the engine:
 * {type} the type's label, {title} the item's title, {reason} the reason
 * given, {state} the new state's label, and those the type's `words` hook
 * gives (a claim's {kind}, {amount}, {card4}).
 */
struct flow_notice {
	const char	*title;		/* station message title */
	const char	*body;		/* station message text */
	const char	*sms;		/* SMS text, NULL for none */
};

struct flow_trans {
	int		 from, to;	/* indexes into the type's states */
	enum flow_action action;
	unsigned	 who;		/* FLOW_BY_* or ROLE_* bits */
	const char	*node;		/* the timeline's node: "初审" */
	int		 apart;		/* segregation of duties: not by anyone
					 * who took an `apart` step earlier in
					 * this round */
	/* An optional node: this transition applies only when it says so
	 * (1); otherwise the next one with the same from and action does. */
	int		(*when)(struct db *, const struct flow_item *);
	const struct flow_notice *notice;	/* to the filer, or NULL */
};

/* A type's own placeholders for its notices: "{amount}" → "8323.04". */
#define FLOW_WORDS	4
struct flow_words {
	const char	*key[FLOW_WORDS];	/* "{amount}": static, begins with { */
	char		 val[FLOW_WORDS][64];
	int		 n;
};

/* Hooks a type may give; any may be NULL. */
struct flow_hooks {
	/* Before a transition, in its transaction: RF_OK or a refusal. */
	enum refusal	(*check)(struct db *, const struct flow_item *,
			    const struct flow_trans *);
	/* After it: what it means to the rest of the data. */
	enum refusal	(*done)(struct db *, const struct flow_item *,
			    const struct flow_trans *);
	/* The filer's phone for the SMS ("" for none): 1, or 0 on error. */
	int		(*phone)(struct db *, const struct flow_item *,
			    char phone[16]);
	/* The review page's body: what the type shows.  1, 0 on error. */
	int		(*body)(struct db *, const struct flow_item *, xmlNodePtr);
	/* FLOW_BY_UNIT steps: whether agent `agent` may act for unit `unit`
	 * (1, 0, -1 on error).  Without it nobody takes such steps. */
	int		(*unit_agent)(struct db *, int64_t agent, int64_t unit);
	/* The type's placeholders for the item's notices: 1, 0 on error. */
	int		(*words)(struct db *, const struct flow_item *,
			    struct flow_words *);
	/* words and phone for items[0..n) at once (flow_apply_many), the
	 * same as the two hooks above would give: 1, 0 on error.  Without
	 * it flow_apply_many asks them item by item. */
	int		(*notice_many)(struct db *, const struct flow_item *,
			    size_t n, struct flow_words *, char (*phone)[16]);
};

struct flow_type {
	const char		*name;	/* flow_item.type, audit object type */
	const char		*label;	/* "单位绑定" */
	const struct flow_state	*states;	/* [0] is 草稿 */
	int			 nstates;
	const struct flow_trans	*trans;
	int			 ntrans;
	unsigned		 filers;	/* FLOW_FILER_* */
	const char		*filer_link;	/* filer's page, item id appended */
	const struct flow_hooks	*hooks;
	const char		*member_link;	/* a member filer's page, id
						 * appended (NULL: filer_link) */
	unsigned		 narrow;	/* office roles that see an item
						 * only while they may act on it
						 * (medical: 报告复核 alone) */
};

/* Who takes a step. */
struct flow_actor {
	int		 kind;		/* enum session_kind */
	int64_t		 id;
	unsigned	 roles;		/* office: ROLE_* bits */
	const char	*name;		/* shown in the timeline */
	const char	*ip;
	int		 domain;	/* set by domain code that may take
					 * FLOW_BY_DOMAIN steps */
};

/* flow_actor_of: the signed-in user of a request (borrows its strings). */
void flow_actor_of(const struct req *r, struct flow_actor *a);

/* A new item: who files it, what it is about. */
struct flow_new {
	int		 filer_kind;	/* enum session_kind */
	int64_t		 filer_id;
	const char	*filer_name;	/* shown in the queue */
	int64_t		 unit_id;	/* the unit it concerns, 0 for none */
	int64_t		 district_id;	/* its 区/产业工会, 0 for none */
	const char	*title;		/* what it is: a unit's or person's name */
};

/*
 * flow_create: start an item of `type` for domain row `item_id` in state
 * [0] (草稿), inside the caller's transaction.  Returns 1, 0 on a database
 * error.
 */
int flow_create(struct db *db, const struct flow_type *type, int64_t item_id,
    const struct flow_new *n);

/* flow_retitle: the item's title changed (a draft's name edited). */
int flow_retitle(struct db *db, const struct flow_type *type, int64_t item_id,
    const char *title);

/*
 * flow_lock: read and lock the item of (type, item_id) for the caller's
 * transaction (a domain edit of a draft locks it as a transition would).
 * Returns 1 with *it filled, 0 if there is none, -1 on a database error.
 */
int flow_lock(struct db *db, const struct flow_type *type, int64_t item_id,
    struct flow_item *it);

/*
 * flow_get / flow_get_item: read an item by its flow id, or by (type,
 * item_id), without a lock.  Returns 1 / 0 / -1 as above.
 */
int flow_get(struct db *db, const struct flow_type *const *types,
    int64_t flow_id, struct flow_item *it);
int flow_get_item(struct db *db, const struct flow_type *type,
    int64_t item_id, struct flow_item *it);

/* flow_editable: whether the filer may still change the item (草稿, or
 * returned to 草稿: the type's state [0] and any state named "returned"). */
int flow_editable(const struct flow_item *it);

/*
 * flow_apply: take `action` on the item of (type, item_id) as `actor`,
 * inside the caller's transaction.  `reason` is required for FA_RETURN,
 * optional otherwise.  Returns RF_OK, a refusal, or RF_DB.
 */
enum refusal flow_apply(struct db *db, const struct flow_type *type,
    int64_t item_id, enum flow_action action, const struct flow_actor *actor,
    const char *reason);

/*
 * flow_apply_many: flow_apply for items ids[0..n) of `type` (ascending,
 * each once), all in one state, taking `action` as `a` with reasons[i]
 * (reasons NULL: none), inside the caller's transaction, in a few
 * statements however many items: the same rules (the transition, who
 * acts, a domain step, the reason a return needs, segregation of
 * duties, the type's check and done hooks item by item), the same rows
 * (state, timeline step, audit row, station message and SMS per item).
 * Returns RF_OK, or the first refusal with *bad the item it concerns,
 * or RF_DB.
 */
enum refusal flow_apply_many(struct db *db, const struct flow_type *type,
    const int64_t *ids, size_t n, enum flow_action action,
    const struct flow_actor *a, const char *const *reasons, int64_t *bad);

/* flow_step_once: flow_apply in its own transaction (retried on deadlock). */
enum refusal flow_step_once(struct db *db, const struct flow_type *type,
    int64_t item_id, enum flow_action action, const struct flow_actor *actor,
    const char *reason);

/*
 * flow_attach: keep upload `u` as material of `kind` for the item of
 * (type, item_id), filed by `by`, while the filer may still change it
 * or has the next step (the voucher of an application 待缴费): in
 * one transaction, the item locked, the file stored (store.h) and the
 * upload audited.  Returns RF_OK; RF_NOT_FOUND (not the filer's),
 * RF_SUBMITTED, RF_FILE with *why set to the store's reason, or RF_DB.
 */
struct upload;
enum refusal flow_attach(struct db *db, const struct flow_type *type,
    int64_t item_id, const struct upload *u, int kind,
    const struct flow_actor *by, const char **why);

/*
 * flow_transition: the transition `action` takes from the item's state:
 * the first of the table whose optional node applies (its predicate holds,
 * or it has none).  NULL if none; *err is set when a predicate failed on
 * the database.
 */
const struct flow_trans *flow_transition(struct db *db,
    const struct flow_item *it, enum flow_action action, int *err);

/*
 * flow_actions: the actions `actor` may take on `it` now (for buttons),
 * as a bit set of 1 << enum flow_action.
 */
unsigned flow_actions(struct db *db, const struct flow_item *it,
    const struct flow_actor *a);

/* flow_type_roles: the office roles that act on items of `type` at some
 * state (who may open its review pages). */
unsigned flow_type_roles(const struct flow_type *type);

/*
 * flow_may_see: whether an office user with `roles` may see item `it`
 * (its review page, its materials): one of the type's roles (or admin),
 * the item filed, and a role of the type's `narrow` ones only while it
 * may act on the item's state.
 */
int flow_may_see(const struct flow_item *it, unsigned roles);

/* flow_state_name / flow_state_label: of the item's current state. */
const char *flow_state_name(const struct flow_item *it);
const char *flow_state_label(const struct flow_item *it);
/* flow_state_index: the index of state `name` in `type`, -1 if none. */
int flow_state_index(const struct flow_type *type, const char *name);
const char *flow_action_name(enum flow_action a);
/* flow_action_parse: "approve" -> FA_APPROVE; FA__MAX if unknown. */
enum flow_action flow_action_parse(const char *s);

/*
 * flow_view_item: add <name id=".." flow=".." type=".." state="review1"
 * state-label="待初审" final=".."> under `parent`, the head every page and
 * list row of a business item starts with.  Returns the new element.
 */
xmlNodePtr flow_view_item(xmlNodePtr parent, const char *name,
    const struct flow_item *it);

/*
 * flow_view_state: the same head for a list row that has only the type,
 * the domain id and the state's name (an unknown state shows as is).
 */
xmlNodePtr flow_view_state(xmlNodePtr parent, const char *name,
    const struct flow_type *type, int64_t item_id, const char *state);

/*
 * flow_timeline: add <timeline><step decision="submit|ok|return|cancel"
 * state=".."> with <node>, <action>, <by>, <at>, <reason> for every step
 * of the item, oldest first, under `parent`.  Returns 1, 0 on a database
 * error.
 */
int flow_timeline(struct db *db, const struct flow_item *it,
    xmlNodePtr parent);

/*
 * The review desk's reading of the items (flowdesk.c).
 *
 * flow_queue: the review desk's list: items any of `roles` may act on now,
 * oldest 上报 first, optionally only of type name `type`, unit `unit`,
 * district `district`, submitted between `from` and `to` (dates, "" for
 * open), page `page` of `per` rows, as <queue total=".." page=".."><item>
 * under `parent`, and the counts per type and state as <counts><count>.
 * Returns 1, 0 on a database error.
 */
struct flow_filter {
	const char	*type;		/* "" for every type */
	int64_t		 unit, district;
	const char	*from, *to;	/* YYYY-MM-DD or "" */
	int		 page, per;
};
int flow_queue(struct db *db, const struct flow_type *const *types,
    unsigned roles, const struct flow_filter *f, xmlNodePtr parent);

/*
 * flow_waiting: the items of (filer_kind, filer_id) that wait for their
 * filer (草稿, returned, or a state the filer leaves: 待缴费), newest
 * first, at most `max`, as <task type=".." id=".." state=".." href="the
 * filer's page"><name/><updated/>
 * under `parent` (我的办件).  Returns 1, 0 on a database error.
 */
int flow_waiting(struct db *db, const struct flow_type *const *types,
    int filer_kind, int64_t filer_id, int max, xmlNodePtr parent);

/*
 * 常用退回意见: the common return reasons of a type, admin-edited.
 * flow_reasons_view adds <reasons type=".."><reason id="..">text</reason>.
 * flow_reason_add / flow_reason_remove: 1, 0 on error (audited by the
 * caller's actor in one transaction).
 */
int flow_reasons_view(struct db *db, const struct flow_type *type,
    xmlNodePtr parent);
int flow_reason_add(struct db *db, const struct flow_type *type,
    const char *text, const struct flow_actor *by);
int flow_reason_remove(struct db *db, const struct flow_type *type,
    int64_t id, const struct flow_actor *by);

/*
 * flow_check_table: whether a type's table is sound: every state reachable
 * from [0], every non-final state has a way out, every return leads back
 * to an editable state and needs a reason, a transition's states exist,
 * every second office review step of a round is `apart`.  Returns NULL,
 * or what is wrong (static text).
 */
const char *flow_check_table(const struct flow_type *type);

#endif
