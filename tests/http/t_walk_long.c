/*
 * t_walk_long.c -- long input never gives a 500 (issue 8, point 6): file names
 * over 200 characters on every upload, a 退回原因 just under, at and over
 * the limit, a 200-character rename; copies are cut on character
 * boundaries and what a person typed is refused with "不能超过N个字" on the
 * same form, input kept.  Named to run after the suites that count rows
 * (members, messages, memberships) across the whole database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define AGENT	"13800000005"	/* chairman of demo unit 5, 医疗互助 */
#define OTHER	"13800000006"	/* chairman of demo unit 6 */

static char data[1024];

static const char *
datafile(const char *name)
{
	const char *src = getenv("HZ_SRCDIR");

	snprintf(data, sizeof(data), "%s/tests/data/%s", src ? src : ".", name);
	return data;
}

/* `n` copies of the character `ch` then `tail`, in a static buffer. */
static const char *
rep(const char *ch, int n, const char *tail)
{
	static char buf[4][16384];
	static int k;
	char *b = buf[k++ % 4];
	size_t o = 0, l = strlen(ch);
	int i;

	for (i = 0; i < n && o + l + strlen(tail) < sizeof(buf[0]); i++, o += l)
		memcpy(b + o, ch, l);
	snprintf(b + o, sizeof(buf[0]) - o, "%s", tail);
	return b;
}

static long long
newest_name_len(void)
{
	return test_sql_int("SELECT CHAR_LENGTH(filename) FROM attachment"
	    " ORDER BY id DESC LIMIT 1");
}

static const char *
app_state(long long id)
{
	return flow_state_of("org_app", id);
}

int
main(void)
{
	struct hc *a = hc_new(), *r1 = hc_new(), *ad = hc_new();
	char path[128], ids[24], u[24], u6[24], q[2048], cc[19], org[24];
	const char *longname = rep("材", 300, ".pdf");
	long long id, unit;
	int st;

	hc_login_agent(a, AGENT);
	hc_login_office(r1, "review1");
	hc_login_office(ad, "admin");
	unit = test_sql_int("SELECT au.unit_id FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE g.phone = '" AGENT "' AND"
	    " au.role = 'chairman'");
	snprintf(u, sizeof(u), "%lld", unit);
	snprintf(u6, sizeof(u6), "%lld", test_sql_int("SELECT au.unit_id FROM"
	    " agent_unit au JOIN agent g ON g.id = au.agent_id WHERE g.phone ="
	    " '" OTHER "' AND au.role = 'chairman'"));

	/* 单位注册: a draft, then a licence whose name has 304 characters. */
	hc_get(a, "/u/org/new");
	snprintf(cc, sizeof(cc), "91370205MA3C5LNG5%c",
	    credit_check_char("91370205MA3C5LNG5"));
	/* A name over 120 characters: refused on the form, input kept. */
	st = hc_post(a, "/u/org/app", "name", rep("工", 121, ""), "credit_code",
	    cc, "parent_id", "2", "nature", "其他", "contact", "王芳",
	    "contact_phone", "13912345678", "lineage", "none", NULL);
	is_int(st, 200, "a 121-character unit name: the form again, not 500");
	is_str(hc_xpath(a, "string(//*[@id='err-name'])"), "不能超过120个字",
	    "... told 不能超过120个字");
	is_str(hc_xpath(a, "string(//input[@name='name']/@value)"),
	    rep("工", 121, ""), "... and the input is kept");
	/* 120 four-byte characters are 120 characters, not 480. */
	st = hc_post(a, "/u/org/app", "name", rep("𠀾", 120, ""), "credit_code",
	    cc, "parent_id", "2", "nature", "其他", "contact", "王芳",
	    "contact_phone", "13912345678", "lineage", "none", NULL);
	is_int(st, 303, "120 characters of 𠀾 are accepted");
	id = test_sql_int("SELECT MAX(id) FROM org_app");
	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(q, sizeof(q), "SELECT CHAR_LENGTH(name) FROM org_app WHERE"
	    " id = %lld", id);
	is_int(test_sql_int(q), 120, "... and stored whole");
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", id);
	hc_get(a, path);
	st = hc_upload(a, "/u/org/upload", "file", datafile("license.pdf"),
	    longname, "id", ids, "kind", "license", NULL);
	is_int(st, 303, "/u/org/upload: a 304-character file name is taken");
	is_int(newest_name_len(), 200, "... its name kept to 200 characters");
	is_str(test_sql_str("SELECT filename FROM attachment ORDER BY id DESC"
	    " LIMIT 1"), rep("材", 200, ""), "... cut on a character boundary");
	hc_get(a, path);
	ok(strstr(hc_body(a), rep("材", 200, "")) != NULL,
	    "... and shown on the page");
	is_int(hc_orgapp_submit(a, id), 303, "上报");
	is_str(app_state(id), "review1", "in review");

	/* 退回原因: 195 characters (was a 500: the audit detail cut mid-character). */
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	hc_get(r1, path);
	st = hc_post(r1, "/o/org/app", "id", ids, "decision", "return",
	    "reason", rep("退", 195, ""), NULL);
	is_int(st, 303, "a 195-character reason: returned, no 500");
	is_str(app_state(id), "returned", "... the application is 退回");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE object_id ="
	    " %lld AND object_type = 'org_app' AND detail LIKE '%%%s'", id,
	    rep("退", 195, ""));
	is_int(test_sql_int(q), 1, "... audited with the whole reason");

	/* Again in review: 501 characters are refused, 250 are fine. */
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", id);
	hc_get(a, path);
	is_int(hc_orgapp_submit(a, id), 303, "上报 again");
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	hc_get(r1, path);
	st = hc_post(r1, "/o/org/app", "id", ids, "decision", "return",
	    "reason", rep("退", 501, ""), NULL);
	is_int(st, 200, "a 501-character reason: the page again");
	is_str(hc_xpath(r1, "string(//*[@id='err-reason'])"), "不能超过500个字",
	    "... told 不能超过500个字");
	is_str(hc_xpath(r1, "string(//textarea[@name='reason'])"),
	    rep("退", 501, ""), "... the reason kept");
	is_str(app_state(id), "review1", "... still in review");
	st = hc_post(r1, "/o/org/app", "id", ids, "decision", "return",
	    "reason", rep("𠀾", 500, ""), NULL);
	is_int(st, 303, "500 four-byte characters: returned (not 请填写退回原因)");
	is_str(app_state(id), "returned", "... 退回");
	snprintf(q, sizeof(q), "SELECT CHAR_LENGTH(detail) FROM audit_log WHERE"
	    " object_id = %lld AND object_type = 'org_app' ORDER BY id DESC"
	    " LIMIT 1", id);
	is_int(test_sql_int(q), 500, "the audit detail cut to its 500 characters");

	/* 单位绑定: the authorisation letter with a long name. */
	hc_get(a, "/u/transfer");
	hc_post(a, "/u/transfer/new", "unit", u6, NULL);
	id = test_sql_int("SELECT MAX(id) FROM transfer");
	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", id);
	hc_get(a, path);
	st = hc_upload(a, "/u/transfer/upload", "file", datafile("license.pdf"),
	    longname, "id", ids, NULL);
	ok(st > 0 && st < 500, "/u/transfer/upload: long file name, no 5xx (%d)",
	    st);
	is_int(newest_name_len(), 200, "... its name kept to 200 characters");

	/* 开票信息: the note with a long name. */
	snprintf(path, sizeof(path), "/u/invoice?unit=%s", u);
	hc_get(a, path);
	snprintf(cc, sizeof(cc), "91370205MA3C5QRT5%c",
	    credit_check_char("91370205MA3C5QRT5"));
	st = hc_upload(a, "/u/invoice", "note", datafile("license.pdf"),
	    longname, "unit", u, "title", "青岛长名单位工会", "tax_no", cc,
	    "several", "1", NULL);
	is_int(st, 303, "/u/invoice: long note name, saved");
	if (st != 303)
		printf("# %s\n", hc_xpath(a, "string(//*[contains(@class,"
		    "'msg-error') or contains(@class,'err')])"));
	is_int(newest_name_len(), 200, "... its name kept to 200 characters");
	hc_get(a, path);
	st = hc_post(a, "/u/invoice", "unit", u, "title", "青岛长名单位工会",
	    "tax_no", cc, "address", rep("路", 201, ""), NULL);
	is_str(hc_xpath(a, "string(//*[@id='err-address'])"), "不能超过200个字",
	    "/u/invoice: a 201-character address refused");

	/* 导入职工信息: a workbook with a long name. */
	snprintf(path, sizeof(path), "/u/roster/import?unit=%s", u);
	hc_get(a, path);
	st = hc_upload(a, "/u/roster/import", "file",
	    datafile("roster_openpyxl.xlsx"), rep("名", 300, ".xlsx"), "unit", u,
	    NULL);
	ok(st > 0 && st < 500, "/u/roster/import: long file name, no 5xx (%d)",
	    st);
	is_int(test_sql_int("SELECT CHAR_LENGTH(filename) FROM import_job"
	    " ORDER BY id DESC LIMIT 1"), 200, "... the job's name: 200 characters");

	/* 组织架构 改名: 200 characters said "请填写新的名称". */
	snprintf(org, sizeof(org), "%lld", unit);
	hc_get(ad, "/o/orgs");
	st = hc_post(ad, "/o/orgs/rename", "id", org, "name", rep("名", 200, ""),
	    NULL);
	is_int(st, 200, "rename with 200 characters: the page again");
	snprintf(q, sizeof(q), "string(//tr[@data-org='%s']//span[contains("
	    "@class,'err')])", org);
	is_str(hc_xpath(ad, q), "不能超过120个字", "... told 不能超过120个字 in its row");
	snprintf(q, sizeof(q), "string(//tr[@data-org='%s']//input[@name='name']"
	    "/@value)", org);
	is_str(hc_xpath(ad, q), rep("名", 200, ""), "... the input kept");
	is_str(hc_xpath(ad, "string(//*[@id='err-name'])"), "",
	    "... not on the 新增组织 form");

	hc_free(a);
	hc_free(r1);
	hc_free(ad);
	return tap_done();
}
