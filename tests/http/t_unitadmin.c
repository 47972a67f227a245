/*
 * t_unitadmin.c -- a unit's people and papers: the chairman's 工作人员 and
 * the 医疗互助 right (menus and 403s follow it), 开票信息 with its 去填写
 * reminder, and 单位绑定 through two review levels that one person cannot
 * both take, after which the previous chairman is unbound and told.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define CHAIR	"13800000002"	/* chairman of demo unit 2 */
#define OUTSIDER "13800000003"	/* chairman of another unit */
#define STAFF	"13700000222"
#define NEWCOMER "13700000333"

static long long unit;

/* An agent account with the demo password, profile complete. */
static void
make_agent(const char *phone, const char *name, const char *id)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO agent (phone, name, id_number,"
	    " password_hash, profile_at) SELECT '%s', '%s', '%s', password_hash,"
	    " NOW() FROM agent WHERE phone = '" CHAIR "'"
	    " ON DUPLICATE KEY UPDATE name = VALUES(name),"
	    " id_number = VALUES(id_number), password_hash ="
	    " VALUES(password_hash), profile_at = NOW()", phone, name, id);
	test_sql(q);
}

static const char *
datafile(const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/tests/data/%s",
	    getenv("HZ_SRCDIR") ? getenv("HZ_SRCDIR") : ".", name);
	return path;
}

int
main(void)
{
	struct hc *ch = hc_new(), *st = hc_new(), *out = hc_new(),
	    *nc = hc_new(), *both = hc_new(), *r2 = hc_new();
	char path[256], q[512], u[24], staff_id[24], code[19], ids[24];
	long long id;

	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '" CHAIR "' AND au.role ="
	    " 'chairman'");
	unit = test_sql_int(q);
	snprintf(u, sizeof(u), "%lld", unit);
	hc_login_agent(ch, CHAIR);
	hc_login_agent(out, OUTSIDER);

	/* 工作人员: added without the right first. */
	snprintf(path, sizeof(path), "/u/staff?unit=%lld", unit);
	is_int(hc_get(ch, path), 200, "chairman opens 工作人员");
	hc_post(ch, "/u/staff", "unit", u, "phone", "1370000022", NULL);
	ok(*hc_xpath(ch, "string(//*[@id='err-phone'])"), "bad phone refused");
	is_int(hc_post(ch, "/u/staff", "unit", u, "phone", STAFF, NULL), 303,
	    "staff added by phone");
	hc_follow(ch);
	snprintf(staff_id, sizeof(staff_id), "%lld", test_sql_int(
	    "SELECT id FROM agent WHERE phone = '" STAFF "'"));
	snprintf(q, sizeof(q), "//table[@id='staff']//tr[@data-agent='%s']",
	    staff_id);
	is_int(hc_count(ch, q), 1, "staff listed");
	is_int(hc_get(out, path), 403, "another unit's chairman: 403");
	make_agent(STAFF, "周员工", "370203197707070025");
	hc_login_agent(st, STAFF);
	hc_get(st, "/u/");
	is_int(hc_count(st, "//*[@id='nav-roster']"), 0,
	    "without 医疗互助: no 职工名册 menu");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(st, path), 403, "without 医疗互助: roster 403");
	snprintf(path, sizeof(path), "/u/staff?unit=%lld", unit);
	is_int(hc_get(st, path), 403, "staff cannot manage staff");

	/* Granted: menu and roster; withdrawn: gone again. */
	hc_get(ch, path);
	is_int(hc_post(ch, "/u/staff/grant", "unit", u, "agent", staff_id,
	    "mutual_aid", "1", NULL), 303, "医疗互助 granted");
	hc_get(st, "/u/");
	is_int(hc_count(st, "//*[@id='nav-roster']"), 1, "menu appears");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(st, path), 200, "roster opens");
	snprintf(path, sizeof(path), "/u/staff?unit=%lld", unit);
	hc_get(ch, path);
	hc_post(ch, "/u/staff/grant", "unit", u, "agent", staff_id, "mutual_aid",
	    "0", NULL);
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(st, path), 403, "withdrawn: roster 403 again");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action IN"
	    " ('unit.staff.grant', 'unit.staff.revoke')"), 2, "both audited");

	/* 开票信息: the reminder, bad input, one row per unit. */
	hc_get(ch, "/u/");
	snprintf(q, sizeof(q), "//p[contains(@class,'invoice-reminder')]"
	    "/a[@href='/u/invoice?unit=%lld']", unit);
	is_int(hc_count(ch, q), 1, "home reminds: 去填写");
	snprintf(path, sizeof(path), "/u/invoice?unit=%lld", unit);
	hc_get(ch, path);
	hc_post(ch, "/u/invoice", "unit", u, "title", "", "tax_no", "123", NULL);
	ok(*hc_xpath(ch, "string(//*[@id='err-title'])") &&
	    *hc_xpath(ch, "string(//*[@id='err-tax_no'])"), "bad invoice refused");
	snprintf(code, sizeof(code), "91370203MA3C5TLX5%c",
	    credit_check_char("91370203MA3C5TLX5"));
	hc_post(ch, "/u/invoice", "unit", u, "title", "青岛某单位工会委员会",
	    "tax_no", code, "several", "1", NULL);
	ok(strstr(hc_xpath(ch, "string(//p[contains(@class,'msg-error')])"),
	    "附件") != NULL, "several titles need a note");
	is_int(hc_upload(ch, "/u/invoice", "note", datafile("license.pdf"),
	    "开票说明.pdf", "unit", u, "title", "青岛某单位工会委员会", "tax_no",
	    code, "several", "1", NULL), 303, "saved with the note");
	hc_get(ch, path);
	is_int(hc_post(ch, "/u/invoice", "unit", u, "title", "青岛某单位工会",
	    "tax_no", code, NULL), 303, "edited");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM invoice_info WHERE"
	    " unit_id = %lld AND title = '青岛某单位工会'", unit);
	is_int(test_sql_int(q), 1, "one row per unit, edited in place");
	hc_get(ch, "/u/");
	snprintf(q, sizeof(q), "//p[contains(@class,'invoice-reminder')]"
	    "/a[@href='/u/invoice?unit=%lld']", unit);
	is_int(hc_count(ch, q), 0, "reminder gone");
	snprintf(path, sizeof(path), "/u/invoice?unit=%lld", unit);
	is_int(hc_get(out, path), 403, "another unit: invoice 403");

	/* 单位绑定: the newcomer finds the unit and files the request. */
	make_agent(NEWCOMER, "吴新人", "370203196606060034");
	hc_login_agent(nc, NEWCOMER);
	is_int(hc_get(nc, "/u/transfer/letter.xlsx"), 200, "letter template");
	ok(hc_body_len(nc) > 4 && memcmp(hc_body(nc), "PK", 2) == 0,
	    "an xlsx workbook");
	hc_get(nc, "/u/transfer");
	hc_post(nc, "/u/transfer/new", "unit", u, NULL);
	id = test_sql_int("SELECT MAX(id) FROM transfer");
	snprintf(ids, sizeof(ids), "%lld", id);
	hc_follow(nc);
	hc_post(nc, "/u/transfer/submit", "id", ids, NULL);
	ok(strstr(hc_xpath(nc, "string(//p[contains(@class,'msg-error')])"),
	    "授权书") != NULL, "上报 needs the letter");
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", id);
	is_int(hc_get(out, path), 404, "someone else's request: 404");
	hc_get(nc, path);
	hc_upload(nc, "/u/transfer/upload", "file", datafile("license.pdf"),
	    "授权书.pdf", "id", ids, NULL);
	hc_get(nc, path);	/* hers: the page with its form */
	is_int(hc_post(nc, "/u/transfer/submit", "id", ids, NULL), 303, "上报");

	/* Two levels; one person holding both roles takes only one. */
	test_sql("INSERT INTO staff (username, name, password_hash, roles)"
	    " SELECT 'both', '兼审', password_hash, 'review1,review2' FROM staff"
	    " WHERE username = 'admin'");
	hc_login_office(both, "both");
	hc_login_office(r2, "review2");
	snprintf(path, sizeof(path), "/o/transfer?id=%lld", id);
	hc_get(both, "/o/queue");
	snprintf(q, sizeof(q), "//table[@id='queue']//tr[@data-type='transfer' and @data-state='review1' and @data-id='%lld']", id);
	is_int(hc_count(both, q), 1, "queued for 初审");
	hc_get(both, path);
	is_int(hc_post(both, "/o/transfer", "id", ids, "decision", "approve", NULL),
	    303, "初审 passes");
	hc_get(both, path);
	hc_post(both, "/o/transfer", "id", ids, "decision", "approve", NULL);
	is_str(hc_xpath(both, "string(//p[contains(@class,'msg-error')])"),
	    "同一办件的各级审核不能由同一人办理",
	    "the same person cannot take 复审");
	is_str(flow_state_of("transfer", id), "review2", "still waiting for 复审");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE au.unit_id = %lld AND g.phone = '"
	    CHAIR "'", unit);
	is_int(test_sql_int(q), 1, "old chairman still bound");
	hc_get(r2, path);
	is_int(hc_post(r2, "/o/transfer", "id", ids, "decision", "approve", NULL),
	    303, "复审 by someone else passes");
	is_str(flow_state_of("transfer", id), "approved", "approved");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE au.unit_id = %lld AND g.phone = '"
	    NEWCOMER "' AND au.role = 'chairman'", unit);
	is_int(test_sql_int(q), 1, "newcomer is the chairman");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE au.unit_id = %lld AND g.phone = '"
	    CHAIR "'", unit);
	is_int(test_sql_int(q), 0, "previous chairman unbound");
	is_int(test_sql_int("SELECT COUNT(*) FROM station_message m JOIN agent g"
	    " ON g.id = m.recipient_id WHERE m.recipient_kind = 2 AND g.phone = '"
	    CHAIR "' AND m.title = '单位绑定变更'"), 1, "and told");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(ch, path), 403, "previous chairman: roster 403");
	is_int(hc_get(nc, path), 200, "new chairman: roster opens");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE au.unit_id = %lld AND g.phone = '"
	    STAFF "'", unit);
	is_int(test_sql_int(q), 1, "staff stay bound");
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", id);
	hc_get(nc, path);
	is_int(hc_count(nc, "//section[@id='timeline']//li"), 3,
	    "timeline: 上报, 初审, 复审");

	hc_free(ch);
	hc_free(st);
	hc_free(out);
	hc_free(nc);
	hc_free(both);
	hc_free(r2);
	return tap_done();
}
