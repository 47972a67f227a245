/*
 * t_move.c -- 会籍变更: a unit asks for a member of another unit, the
 * refusals (own member, unknown person, a second open request), another
 * unit kept out, and review1 moving the 会籍 with its history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define ASKER	"13800000004"	/* chairman of demo unit 4 */
#define HOLDER	"13800000006"	/* chairman of demo unit 6 */

static long long
chair_unit(const char *phone)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '%s' AND au.role ="
	    " 'chairman'", phone);
	return test_sql_int(q);
}

int
main(void)
{
	struct hc *a = hc_new(), *h = hc_new(), *r1 = hc_new();
	char path[128], q[256], u[24], idnum[32], mine[32], ids[24];
	long long unit = chair_unit(ASKER), from = chair_unit(HOLDER), id, member;
	int sms;

	snprintf(u, sizeof(u), "%lld", unit);
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE unit_id = %lld"
	    " AND id_type = 1 ORDER BY id DESC LIMIT 1", from);
	member = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE id = %lld", member);
	snprintf(idnum, sizeof(idnum), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE unit_id = %lld"
	    " AND id_type = 1 LIMIT 1", unit);
	snprintf(mine, sizeof(mine), "%s", test_sql_str(q));
	hc_login_agent(a, ASKER);
	hc_login_agent(h, HOLDER);
	hc_login_office(r1, "review1");

	snprintf(path, sizeof(path), "/u/roster/move?unit=%lld", unit);
	is_int(hc_get(a, path), 200, "会籍变更 page");
	hc_post(a, "/u/roster/move", "unit", u, "id_type", "1", "id_number", mine,
	    NULL);
	is_str(hc_xpath(a, "string(//*[@id='err-id_number'])"),
	    "该职工已在本单位名册中", "own member refused");
	hc_post(a, "/u/roster/move", "unit", u, "id_type", "1", "id_number",
	    "370203196606060034", NULL);
	ok(strstr(hc_xpath(a, "string(//*[@id='err-id_number'])"), "新增") != NULL,
	    "unknown person: add instead");
	sms = sms_count(ASKER);
	is_int(hc_post(a, "/u/roster/move", "unit", u, "id_type", "1",
	    "id_number", idnum, "reason", "工作调动", NULL), 303, "request filed");
	id = test_sql_int("SELECT MAX(id) FROM membership_change");
	snprintf(ids, sizeof(ids), "%lld", id);
	hc_follow(a);
	is_str(hc_xpath(a, "string(//*[@id='move-state'])"), "市总审核中",
	    "in review at once");
	hc_get(a, path);
	hc_post(a, "/u/roster/move", "unit", u, "id_type", "1", "id_number",
	    idnum, NULL);
	ok(strstr(hc_xpath(a, "string(//*[@id='err-id_number'])"), "审核中")
	    != NULL, "a second open request refused");
	snprintf(path, sizeof(path), "/u/roster/move?id=%lld", id);
	is_int(hc_get(h, path), 404, "the other unit cannot open it");
	snprintf(path, sizeof(path), "/u/roster/move?unit=%lld", unit);
	is_int(hc_get(h, path), 403, "nor the asking unit's list");

	hc_get(r1, "/o/queue");
	snprintf(q, sizeof(q), "//table[@id='queue']//tr[@data-type='membership_change' and @data-id='%lld']", id);
	is_int(hc_count(r1, q), 1, "queued for review1");
	snprintf(path, sizeof(path), "/o/move?id=%lld", id);
	hc_get(r1, path);
	hc_post(r1, "/o/move", "id", ids, "decision", "return", "reason", "", NULL);
	is_str(hc_xpath(r1, "string(//p[contains(@class,'msg-error')])"),
	    "退回时请填写退回原因", "return needs a reason");
	is_int(hc_post(r1, "/o/move", "id", ids, "decision", "approve", NULL), 303,
	    "review1 approves");
	snprintf(q, sizeof(q), "SELECT unit_id FROM member WHERE id = %lld", member);
	is_int(test_sql_int(q), unit, "the member moved");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM membership WHERE member_id ="
	    " %lld AND unit_id = %lld AND ended_at IS NULL", member, unit);
	is_int(test_sql_int(q), 1, "new 会籍 open");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM membership WHERE member_id ="
	    " %lld AND unit_id = %lld AND ended_at IS NOT NULL", member, from);
	is_int(test_sql_int(q), 1, "old 会籍 closed, kept");
	ok(strstr(sms_wait_text(ASKER, sms), "会籍变更") != NULL,
	    "the asking agent gets an SMS");
	snprintf(path, sizeof(path), "/u/roster/move?id=%lld", id);
	hc_get(a, path);
	is_int(hc_count(a, "//section[@id='timeline']//li"), 2,
	    "timeline: 上报, 初审");

	hc_free(a);
	hc_free(h);
	hc_free(r1);
	return tap_done();
}
