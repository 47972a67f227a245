/*
 * t_review.c -- who may decide what in the office, at the edges.
 *
 * 单位绑定 has two levels, 初审 (review1) then 复审 (review2), and the
 * route lets both roles post a decision: the flow's role check is the only
 * guard.  So: a review2-only user cannot take 初审, a review1-only user
 * (who did not take the 初审) cannot take 复审, approve or return; a user
 * holding both roles who took the 初审 is refused the 复审, approve and
 * return alike.  Each refusal leaves the state as it was.  Then every /o/
 * route that needs a role answers 403 to users without it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define FILER	"13700000888"	/* a new agent asking for demo unit 1 */
#define FORBIDDEN	"您没有权限进行此操作"
#define SAME_PERSON	"同一办件的各级审核不能由同一人办理"

static long long id;
static char ids[24], path[64];

static const char *
state(void)
{
	return flow_state_of("transfer", id);
}

static const char *
error_msg(struct hc *c)
{
	return hc_xpath(c, "string(//p[contains(@class,'msg-error')])");
}

/* Post a decision from the review page; returns the status. */
static int
decide(struct hc *c, const char *decision)
{
	hc_get(c, path);
	return hc_post(c, "/o/transfer", "id", ids, "decision", decision,
	    "reason", "材料不全", NULL);
}

/* `who` posts `decision` and is refused with `msg`; the state stays. */
static void
refused(struct hc *c, const char *who, const char *decision, const char *msg)
{
	char before[32];

	snprintf(before, sizeof(before), "%s", state());

	is_int(decide(c, decision), 200, "%s, %s: the page again, not done",
	    who, decision);
	is_str(error_msg(c), msg, "%s, %s: refused", who, decision);
	is_str(state(), before, "%s, %s: state unchanged", who, decision);
}

/* Every office route that needs a role, and a user without it. */
static const struct {
	int		 post;
	const char	*path;
	const char	*user;
} denied[] = {
	{ 0, "/o/users", "review1" },
	{ 0, "/o/users", "finance" },
	{ 1, "/o/users", "review2" },
	{ 1, "/o/users/roles", "medical" },
	{ 0, "/o/org/app?id=1", "finance" },
	{ 1, "/o/org/app", "review2" },
	{ 1, "/o/org/app", "admin" },
	{ 0, "/o/transfer?id=1", "finance" },
	{ 1, "/o/transfer", "admin" },
	{ 1, "/o/transfer", "finance" },
	{ 0, "/o/move?id=1", "medical" },
	{ 1, "/o/move", "review2" },
	{ 1, "/o/move", "admin" },
	{ 0, "/o/orgs", "review1" },
	{ 1, "/o/orgs", "finance" },
	{ 1, "/o/orgs/rename", "review2" },
	{ 0, "/o/coverage", "medical" },
	{ 0, "/o/invoices", "review1" },
	{ 0, "/o/invoices", "review2" },
	{ 0, "/o/invoices", "admin" },
	{ 0, "/o/invoices", "medical" },
	{ 1, "/o/invoices", "review1" },
	{ 1, "/o/invoices", "review2" },
	{ 1, "/o/invoices", "admin" },
	{ 1, "/o/invoices", "medical" },
	{ 0, "/o/invoices/file?id=1", "review1" },
	{ 0, "/o/invoices/file?id=1", "review2" },
	{ 0, "/o/invoices/file?id=1", "medical" },
	{ 0, "/x/coverage-all.xlsx", "medical" },
	{ 0, "/o/plans", "review1" },
	{ 0, "/o/plans/new", "medical" },
	{ 1, "/o/plans/new", "finance" },
	{ 0, "/o/plan?id=1", "review2" },
	{ 0, "/o/plan/edit?id=1", "finance" },
	{ 1, "/o/plan/edit", "review1" },
	{ 1, "/o/plan/active", "medical" },
};

static void
routes_by_role(void)
{
	struct hc *c;
	size_t i;
	int st;

	for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
		c = hc_new();
		hc_login_office(c, denied[i].user);
		hc_get(c, "/o/");	/* a page with a good CSRF token */
		st = denied[i].post ?
		    hc_post(c, denied[i].path, "id", "1", "name", "越权",
			"decision", "approve", "reason", "越权", NULL) :
		    hc_get(c, denied[i].path);
		is_int(st, 403, "%s %s as %s (no matching role): 403",
		    denied[i].post ? "POST" : "GET", denied[i].path,
		    denied[i].user);
		ok(strstr(hc_body(c), "您没有权限访问此页面") != NULL,
		    "... for want of the role");
		hc_free(c);
	}
}

int
main(void)
{
	struct hc *r1 = hc_new(), *r2 = hc_new(), *both = hc_new();
	char q[512];

	/* The filer and a request already filed (上报 is tested in t_unitadmin). */
	test_sql("INSERT INTO agent (phone, name, id_number, password_hash,"
	    " profile_at) SELECT '" FILER "', '郑申请', '370203198808080013',"
	    " password_hash, NOW() FROM agent WHERE phone = '13800000001'");
	snprintf(q, sizeof(q), "INSERT INTO transfer (unit_id, agent_id)"
	    " SELECT au.unit_id, (SELECT id FROM agent WHERE phone = '" FILER
	    "') FROM agent_unit au JOIN agent g ON g.id = au.agent_id"
	    " WHERE g.phone = '13800000001' AND au.role = 'chairman'");
	ok(test_sql(q), "a 单位绑定 request waits for 初审");
	id = test_sql_int("SELECT MAX(id) FROM transfer");
	/* Filed once (round 1), waiting for review1 (ROLE_REVIEW1 = 1). */
	snprintf(q, sizeof(q), "INSERT INTO flow_item (type, item_id, state,"
	    " filer_kind, filer_id, filer_name, unit_id, title, round, acts,"
	    " submitted_at) SELECT 'transfer', t.id, 'review1', 2, t.agent_id,"
	    " '郑申请', t.unit_id, o.name, 1, 1, NOW() FROM transfer t JOIN org o"
	    " ON o.id = t.unit_id WHERE t.id = %lld", id);
	test_sql(q);
	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(path, sizeof(path), "/o/transfer?id=%lld", id);
	is_str(state(), "review1", "state 待初审");
	test_sql("INSERT INTO staff (username, name, password_hash, roles)"
	    " SELECT 'duty.both', '兼初复审', password_hash, 'review1,review2'"
	    " FROM staff WHERE username = 'admin'");
	hc_login_office(r1, "review1");
	hc_login_office(r2, "review2");
	hc_login_office(both, "duty.both");

	/* 初审 is review1's: review2 alone may neither approve nor return. */
	hc_get(r2, path);
	is_int(hc_count(r2, "//form[@id='decide-form']"),
	    0, "review2 sees no decision form at 初审");
	refused(r2, "review2 only, at 初审", "approve", FORBIDDEN);
	refused(r2, "review2 only, at 初审", "return", FORBIDDEN);

	/* The two-role user takes 初审, and then none of 复审. */
	is_int(decide(both, "approve"), 303, "review1+review2 takes 初审");
	is_str(state(), "review2", "state 待复审");
	refused(both, "review1+review2 after own 初审", "return", SAME_PERSON);
	refused(both, "review1+review2 after own 初审", "approve", SAME_PERSON);

	/* 复审 is review2's: review1 alone (not the 初审 taker) is refused. */
	hc_get(r1, path);
	is_int(hc_count(r1, "//form[@id='decide-form']"), 0,
	    "review1 sees no decision form at 复审");
	refused(r1, "review1 only, at 复审", "approve", FORBIDDEN);
	refused(r1, "review1 only, at 复审", "return", FORBIDDEN);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM flow_step WHERE type ="
	    " 'transfer' AND item_id = %lld AND node = '复审'", id);
	is_int(test_sql_int(q), 0, "no 复审 step written by the refusals");

	/* The request was decidable all along: review2 returns it. */
	is_int(decide(r2, "return"), 303, "review2 takes 复审: 退回");
	is_str(state(), "returned", "state 退回");

	routes_by_role();

	hc_post(both, "/o/logout", NULL);
	test_sql("DELETE FROM staff WHERE username = 'duty.both'");
	hc_free(r1);
	hc_free(r2);
	hc_free(both);
	return tap_done();
}
