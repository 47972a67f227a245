/*
 * test_flow.c -- every business type's table, tested as data: every state
 * reachable from 草稿, every state that is not final has a way out, every
 * return goes back to the filer, every office decision is kept apart from
 * the earlier ones of its round (segregation of duties); and the checker
 * itself catches each kind of broken table.
 */
#include <string.h>

#include "flows.h"
#include "http.h"
#include "tap.h"

enum { S_DRAFT, S_REVIEW1, S_REVIEW2, S_RETURNED, S_DONE, S__MAX };

static const struct flow_state states[S__MAX] = {
	{ "draft", "草稿", 0, NULL },
	{ "review1", "待初审", 0, NULL },
	{ "review2", "待复审", 0, NULL },
	{ "returned", "已退回", 0, NULL },
	{ "approved", "审核通过", 1, NULL },
};

/* A sound two-level table; each case below breaks one thing. */
static struct flow_trans good[] = {
	{ S_DRAFT, S_REVIEW1, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ S_RETURNED, S_REVIEW1, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ S_REVIEW1, S_REVIEW2, FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	{ S_REVIEW1, S_RETURNED, FA_RETURN, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	{ S_REVIEW2, S_DONE, FA_APPROVE, ROLE_REVIEW2, "复审", 1, NULL, NULL },
	{ S_REVIEW2, S_RETURNED, FA_RETURN, ROLE_REVIEW2, "复审", 1, NULL, NULL },
};
#define NGOOD ((int)(sizeof(good) / sizeof(good[0])))

static const char *
check(const struct flow_trans *t, int n)
{
	struct flow_type type = { "test", "测试", states, S__MAX, t, n,
	    FLOW_FILER_AGENT, "/u/test?id=", NULL, NULL, 0 };

	return flow_check_table(&type);
}

/* The good table with transition i changed by `edit`. */
static const char *
broken(int i, void (*edit)(struct flow_trans *))
{
	struct flow_trans t[NGOOD];

	memcpy(t, good, sizeof(good));
	edit(&t[i]);
	return check(t, NGOOD);
}

static void no_apart(struct flow_trans *t) { t->apart = 0; }
static void to_review2(struct flow_trans *t) { t->to = S_REVIEW2; }
static void from_done(struct flow_trans *t) { t->from = S_DONE; }
static void bad_state(struct flow_trans *t) { t->to = 17; }
static void no_node(struct flow_trans *t) { t->node = ""; }

/* An optional node: 基层审核 (the unit's agents) when the deployment says. */
static int grassroots;

static int
grassroots_on(struct db *db, const struct flow_item *it)
{
	(void)db;
	(void)it;
	return grassroots;
}

/* Agent 42 holds 医疗互助 in unit 7 only. */
static int
unit_agent(struct db *db, int64_t agent, int64_t unit)
{
	(void)db;
	return agent == 42 && unit == 7;
}

static const struct flow_hooks unit_hooks = { NULL, NULL, NULL, NULL,
	unit_agent, NULL, NULL };

static void
optional_node(void)
{
	static const struct flow_state st[] = {
		{ "draft", "草稿", 0, NULL }, { "grassroots", "待基层审核", 0, NULL },
		{ "review1", "待初审", 0, NULL }, { "returned", "已退回", 0, NULL },
		{ "approved", "审核通过", 1, NULL },
	};
	static const struct flow_trans tr[] = {
		{ 0, 1, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, grassroots_on, NULL },
		{ 0, 2, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, NULL, NULL },
		{ 3, 2, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, NULL, NULL },
		{ 1, 2, FA_APPROVE, FLOW_BY_UNIT, "基层审核", 1, NULL, NULL },
		{ 1, 3, FA_RETURN, FLOW_BY_UNIT, "基层审核", 1, NULL, NULL },
		{ 2, 4, FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
		{ 2, 3, FA_RETURN, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	};
	struct flow_type type = { "claim_test", "测试", st, 5, tr, 7,
	    FLOW_FILER_MEMBER, "/m/test?id=", &unit_hooks, NULL, 0 };
	struct flow_actor agent = { SESS_AGENT, 42, 0, "经办人", "", 0 };
	struct flow_item it;
	const struct flow_trans *t;
	int err;

	memset(&it, 0, sizeof(it));
	it.type = &type;
	ok(flow_check_table(&type) == NULL, "a table with an optional node is sound");
	grassroots = 1;
	t = flow_transition(NULL, &it, FA_SUBMIT, &err);
	ok(t && t->to == 1, "基层审核 enabled: 上报 goes to 待基层审核");
	grassroots = 0;
	t = flow_transition(NULL, &it, FA_SUBMIT, &err);
	ok(t && t->to == 2, "基层审核 off: 上报 goes straight to 待初审");
	t = flow_transition(NULL, &it, FA_APPROVE, &err);
	ok(t == NULL, "nothing approves a draft");
	/* 基层审核 by the unit's agents: the hook decides, not the actor. */
	it.state = 1;
	it.unit_id = 7;
	is_int(flow_actions(NULL, &it, &agent), 1u << FA_APPROVE | 1u << FA_RETURN,
	    "an agent with the unit's right may 同意 or 退回 at 基层审核");
	it.unit_id = 8;
	is_int(flow_actions(NULL, &it, &agent), 0,
	    "an agent of another unit may not");
	agent.roles = ROLE_ANY;
	is_int(flow_actions(NULL, &it, &agent), 0,
	    "... whatever roles the actor claims");
}

/*
 * Steps only domain code takes (a payout batch records the bank's answer)
 * and roles that see an item only while it is theirs (报告复核).
 */
static void
domain_and_narrow(void)
{
	static const struct flow_state st[] = {
		{ "draft", "草稿", 0, NULL }, { "review1", "待初审", 0, NULL },
		{ "medical", "待报告复核", 0, NULL },
		{ "approved", "审核通过", 0, NULL }, { "done", "办结", 1, NULL },
	};
	static const struct flow_trans tr[] = {
		{ 0, 1, FA_SUBMIT, FLOW_BY_FILER, "上报", 0, NULL, NULL },
		{ 1, 2, FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
		{ 1, 0, FA_RETURN, ROLE_REVIEW1, "初审", 1, NULL, NULL },
		{ 2, 3, FA_APPROVE, ROLE_MEDICAL, "报告复核", 1, NULL, NULL },
		{ 2, 0, FA_RETURN, ROLE_MEDICAL, "报告复核", 1, NULL, NULL },
		{ 3, 4, FA_APPROVE, ROLE_FINANCE | FLOW_BY_DOMAIN, "打款", 1,
		    NULL, NULL },
	};
	struct flow_type type = { "pay_test", "测试", st, 5, tr, 6,
	    FLOW_FILER_MEMBER, "/m/test?id=", NULL, NULL, ROLE_MEDICAL };
	struct flow_actor fin = { SESS_OFFICE, 9, ROLE_FINANCE, "财务", "", 0 };
	struct flow_item it;

	memset(&it, 0, sizeof(it));
	it.type = &type;
	ok(flow_check_table(&type) == NULL, "a table with a domain step is sound");
	it.state = 3;
	it.round = 1;
	is_int(flow_actions(NULL, &it, &fin), 0,
	    "a domain step gives finance no button on the desk");
	ok(flow_may_see(&it, ROLE_FINANCE), "finance sees the item it pays");
	ok(!flow_may_see(&it, ROLE_MEDICAL),
	    "medical does not see an item past 报告复核");
	it.state = 2;
	ok(flow_may_see(&it, ROLE_MEDICAL), "medical sees it at 报告复核");
	it.state = 1;
	ok(!flow_may_see(&it, ROLE_MEDICAL), "... and not before");
	ok(flow_may_see(&it, ROLE_MEDICAL | ROLE_REVIEW1),
	    "a reviewer who is also medical sees it as a reviewer");
	ok(flow_may_see(&it, ROLE_ADMIN), "admin sees every filed item");
	it.round = 0;
	it.state = 0;
	ok(!flow_may_see(&it, ROLE_ADMIN | ROLE_REVIEW1),
	    "nobody in the office sees a draft never filed");
}

int
main(void)
{
	const struct flow_type *const *t;
	const char *why;

	for (t = flow_types; *t; t++) {
		why = flow_check_table(*t);
		ok(why == NULL, "%s (%s): the table is sound%s%s", (*t)->name,
		    (*t)->label, why ? ": " : "", why ? why : "");
		ok((*t)->hooks && (*t)->hooks->body, "%s: has a review page body",
		    (*t)->name);
		ok(flow_type_named((*t)->name) == *t, "%s: found by its name",
		    (*t)->name);
		ok(flow_type_roles(*t) != 0, "%s: some office role reviews it",
		    (*t)->name);
	}
	ok(check(good, NGOOD) == NULL, "the sample table is sound");
	is_str(broken(2, no_apart), "an office decision is not kept apart",
	    "初审 approval not kept apart: caught");
	is_str(broken(5, no_apart), "an office decision is not kept apart",
	    "复审 return not kept apart: caught");
	is_str(broken(3, to_review2), "a return does not lead back to the filer",
	    "a return that does not go back: caught");
	is_str(broken(4, from_done), "a transition leaves a final state",
	    "a way out of a final state: caught");
	is_str(broken(0, bad_state), "a transition names a state that does not exist",
	    "a state that does not exist: caught");
	is_str(broken(1, no_node), "a transition has no node name",
	    "a step without a node name: caught");
	/* Without its last two steps 待复审 has no way on. */
	is_str(check(good, 4), "a state that is not final has no way out",
	    "a state with no way on: caught");
	/* 审核通过 only from 待复审: without that step it is never reached. */
	{
		struct flow_trans no_end[NGOOD - 1];

		memcpy(no_end, good, 4 * sizeof(no_end[0]));
		no_end[4] = good[5];
		is_str(check(no_end, NGOOD - 1), "a state cannot be reached from 草稿",
		    "审核通过 unreachable: caught");
	}
	optional_node();
	domain_and_narrow();
	return tap_done();
}
