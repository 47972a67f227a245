/*
 * t_orgapp.c -- 单位注册 and 单位信息编辑 end to end: the form and its bad
 * input, materials checked by content, the 承诺书's 15 s, 上报, review1
 * returning with a reason and approving, the timeline, the notices, the
 * edit that leaves the old data in force until approved, and every other
 * agent or role kept out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define AGENT	"13800000003"	/* chairman of demo unit 3 */
#define OTHER	"13800000004"

static char data[1024];

static const char *
datafile(const char *name)
{
	const char *src = getenv("HZ_SRCDIR");

	snprintf(data, sizeof(data), "%s/tests/data/%s", src ? src : ".", name);
	return data;
}

/* The 承诺书 of application `id` opened `secs` seconds ago, this second. */
static void
promise_ago(long long id, int secs)
{
	char q[160];

	test_second_start();
	snprintf(q, sizeof(q), "UPDATE org_app SET promise_shown_at = NOW() -"
	    " INTERVAL %d SECOND WHERE id = %lld", secs, id);
	test_sql(q);
}

static const char *
app_state(long long id)
{
	return flow_state_of("org_app", id);
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *r1 = hc_new(),
	    *fin = hc_new();
	char path[96], ids[24], fid[24], q[256];
	const char *code = credit_code("91370202MA3C5TLX5");
	long long id, file, org, files, msgs;
	int st;

	hc_login_agent(a, AGENT);
	hc_login_agent(b, OTHER);
	hc_login_office(r1, "review1");
	hc_login_office(fin, "finance");

	/* Bad input: a message per field, input kept, nothing stored. */
	is_int(hc_get(a, "/u/org/new"), 200, "registration form opens");
	hc_post(a, "/u/org/app", "name", "", "credit_code", "91370202MA3C5TLX50",
	    "parent_id", "", "nature", "外企", "contact", "王 芳",
	    "contact_phone", "1391234567", "lineage", "none", NULL);
	ok(*hc_xpath(a, "string(//*[@id='err-name'])"), "empty name refused");
	is_str(hc_xpath(a, "string(//*[@id='err-credit_code'])"),
	    "统一社会信用代码校验位不正确", "credit code check digit checked");
	ok(*hc_xpath(a, "string(//*[@id='err-parent_id'])"), "parent required");
	ok(*hc_xpath(a, "string(//*[@id='err-nature'])"), "unknown nature refused");
	ok(*hc_xpath(a, "string(//*[@id='err-contact_phone'])"), "bad phone refused");
	is_str(hc_xpath(a, "string(//input[@name='credit_code']/@value)"),
	    "91370202MA3C5TLX50", "credit code kept as typed");
	is_int(test_sql_int("SELECT COUNT(*) FROM org_app WHERE credit_code ="
	    " '91370202MA3C5TLX50'"), 0, "nothing saved");

	/* Save a draft. */
	st = hc_post(a, "/u/org/app", "name", "青岛海岸电子科技有限公司工会委员会",
	    "credit_code", code, "parent_id", "2", "nature", "其他",
	    "medins_code", "370212", "employees", "86", "chairman", "刘海",
	    "contact", "王芳", "contact_phone", "13912345678",
	    "lineage", "merge", NULL);
	is_int(st, 303, "draft saved");
	id = test_sql_int("SELECT MAX(id) FROM org_app");
	snprintf(ids, sizeof(ids), "%lld", id);
	hc_follow(a);
	is_str(hc_xpath(a, "string(//*[@id='app-state'])"), "草稿", "state 草稿");
	is_str(hc_xpath(a, "string(//input[@name='credit_code']/@value)"), code,
	    "saved data shown in the form");

	/* 合并: pick the original unit by a fuzzy name search. */
	snprintf(path, sizeof(path), "/u/org/app?id=%lld&q=%s", id,
	    "%E4%B8%AD%E5%AD%A6");	/* 中学 */
	hc_get(a, path);
	ok(hc_count(a, "//ul[@id='candidates']/li") >= 1, "name search finds units");
	snprintf(q, sizeof(q), "%s", hc_xpath(a,
	    "string((//ul[@id='candidates']//input[@name='org'])[1]/@value)"));
	hc_post(a, "/u/org/lineage", "id", ids, "org", q, NULL);
	hc_follow(a);
	is_int(hc_count(a, "//ul[@id='lineage']/li"), 1, "merged-from unit listed");

	/* Materials: by content; an HTML page named .jpg is refused. */
	files = test_sql_int("SELECT COUNT(*) FROM attachment");
	hc_upload(a, "/u/org/upload", "file", datafile("html-renamed.jpg"),
	    "营业执照.jpg", "id", ids, "kind", "license", NULL);
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "jpg、png 或 pdf") != NULL, "HTML renamed .jpg refused with a reason");
	is_int(test_sql_int("SELECT COUNT(*) FROM attachment"), files,
	    "nothing stored");
	{
		/* Materials have their own limit (10 MB), below the request's. */
		char big[64];
		FILE *f;
		long i;

		snprintf(big, sizeof(big), "/tmp/t_orgapp_big.%d.pdf", (int)getpid());
		if ((f = fopen(big, "wb")) != NULL) {
			fputs("%PDF-1.4\n", f);
			for (i = 0; i < 12L * 1024 * 1024 / 8; i++)
				fwrite("%%%%%%%\n", 1, 8, f);
			fclose(f);
		}
		hc_upload(a, "/u/org/upload", "file", big, "执照.pdf", "id", ids,
		    "kind", "license", NULL);
		ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
		    "10 MB") != NULL, "a 12 MB licence refused: the 10 MB limit");
		unlink(big);
		is_int(test_sql_int("SELECT COUNT(*) FROM attachment"), files,
		    "still nothing stored");
	}
	snprintf(path, sizeof(path), "/u/org/submit?id=%lld", id);
	is_int(hc_orgapp_submit(a, id), 200, "上报 without the licence stays on the page");
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "营业执照") != NULL, "asks for the licence");
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", id);
	hc_get(a, path);
	st = hc_upload(a, "/u/org/upload", "file", datafile("pdf-renamed.jpg"),
	    "营业执照.jpg", "id", ids, "kind", "license", NULL);
	is_int(st, 303, "a PDF named .jpg is taken for what it is");
	file = test_sql_int("SELECT MAX(id) FROM attachment");
	is_int(test_sql_int("SELECT mime = 'application/pdf' FROM attachment"
	    " ORDER BY id DESC LIMIT 1"), 1, "stored as application/pdf");
	snprintf(fid, sizeof(fid), "%lld", file);
	snprintf(path, sizeof(path), "/u/org/file?id=%lld", file);
	is_int(hc_get(a, path), 200, "the agent downloads it");
	is_str(hc_header(a, "Content-Type"), "application/pdf",
	    "served with its real type");
	ok(strstr(hc_header(a, "Content-Disposition") ?
	    hc_header(a, "Content-Disposition") : "", "attachment") != NULL,
	    "as an attachment, never inline");
	ok(hc_body_len(a) > 4 && memcmp(hc_body(a), "%PDF", 4) == 0,
	    "the bytes are the file's");

	/* Another agent sees nothing of it. */
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", id);
	is_int(hc_get(b, path), 404, "other agent: application 404");
	snprintf(path, sizeof(path), "/u/org/file?id=%lld", file);
	is_int(hc_get(b, path), 404, "other agent: file 404");
	hc_get(b, "/u/units");
	is_int(hc_post(b, "/u/org/app", "id", ids, "name", "抢注", "credit_code",
	    code, "parent_id", "2", "nature", "其他", "contact", "李四",
	    "contact_phone", "13900000000", "lineage", "none", NULL), 404,
	    "other agent: save 404");
	hc_get(b, "/u/units");
	is_int(hc_post(b, "/u/org/submit", "id", ids, "agree", "1", NULL), 404,
	    "other agent: submit 404");
	is_int(hc_upload(b, "/u/org/upload", "file", datafile("license.pdf"),
	    NULL, "id", ids, "kind", "license", NULL), 404,
	    "other agent: upload 404");

	/* 承诺书: confirming before 15 s is refused by the server. */
	snprintf(path, sizeof(path), "/u/org/submit?id=%lld", id);
	hc_get(a, path);
	is_str(hc_xpath(a, "string(//button[@id='promise-confirm']/@data-unlock)"),
	    "15", "the confirm button unlocks after 15 s");
	hc_post(a, "/u/org/submit", "id", ids, "agree", "1", NULL);
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "15秒") != NULL, "confirming at once is refused");
	is_str(app_state(id), "draft", "still a draft");
	/* At the edge: 14 s after opening is too soon, 15 s is enough. */
	hc_get(a, path);
	promise_ago(id, 14);
	hc_post(a, "/u/org/submit", "id", ids, "agree", "1", NULL);
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "15秒") != NULL, "confirming 14 s after opening is refused");
	is_str(app_state(id), "draft", "still a draft");
	promise_ago(id, 15);
	is_int(hc_post(a, "/u/org/submit", "id", ids, "agree", "1", NULL), 303,
	    "上报 15 s after opening");
	is_str(app_state(id), "review1", "in review (待初审)");
	hc_follow(a);
	is_str(hc_xpath(a, "string(//*[@id='app-state'])"), "市总审核中",
	    "agent sees 市总审核中");
	is_int(hc_count(a, "//form[@id='app-form']"), 0, "no longer editable");
	is_int(hc_post(a, "/u/org/app", "id", ids, "name", "改名",
	    "credit_code", code, "parent_id", "2", "nature", "其他",
	    "contact", "王芳", "contact_phone", "13912345678", "lineage", "none",
	    NULL), 409, "saving in review is refused");

	/* The office: roles, the queue, the materials. */
	is_int(hc_get(fin, "/o/queue"), 200, "finance has a queue (待确认)");
	snprintf(q, sizeof(q), "//table[@id='queue']//tr[@data-type='org_app' and @data-id='%lld']", id);
	is_int(hc_count(fin, q), 0, "but no unit registration in it");
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	is_int(hc_get(fin, path), 403, "finance cannot open the application");
	is_int(hc_get(r1, "/o/queue"), 200, "review1 opens the queue");
	snprintf(q, sizeof(q), "//table[@id='queue']//tr[@data-type='org_app' and @data-id='%lld']", id);
	is_int(hc_count(r1, q), 1, "the application is queued");
	hc_get(r1, path);
	is_str(hc_xpath(r1, "string(//*[@id='d-credit'])"), code, "review shows the data");
	snprintf(path, sizeof(path), "/o/file?id=%lld", file);
	is_int(hc_get(r1, path), 200, "review1 opens the licence");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'file.view' AND object_type = 'org_app' AND object_id = %lld", id);
	is_int(test_sql_int(q), 1, "the view is audited");

	/* 退回 needs a reason; then the agent sees it. */
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	hc_get(r1, path);
	hc_post(r1, "/o/org/app", "id", ids, "decision", "return", "reason", "",
	    NULL);
	is_str(hc_xpath(r1, "string(//p[contains(@class,'msg-error')])"),
	    "退回时请填写退回原因", "a return without a reason is refused");
	is_str(app_state(id), "review1", "still in review");
	st = sms_count("13800000003");
	msgs = test_sql_int("SELECT COUNT(*) FROM station_message m JOIN agent g"
	    " ON g.id = m.recipient_id WHERE m.recipient_kind = 2 AND g.phone = '"
	    AGENT "' AND m.title LIKE '%被退回%'");
	hc_post(r1, "/o/org/app", "id", ids, "decision", "return", "reason",
	    "营业执照不清晰，请重新上传", NULL);
	is_str(app_state(id), "returned", "returned (退回)");
	ok(strstr(sms_wait_text(AGENT, st), "被退回") != NULL,
	    "the agent gets an SMS");
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", id);
	hc_get(a, path);
	is_str(hc_xpath(a, "string(//*[@id='return-reason'])"),
	    "退回原因：营业执照不清晰，请重新上传", "agent sees the reason");
	is_int(hc_count(a, "//section[@id='timeline']//li"), 2,
	    "timeline: 上报, 初审退回");
	is_str(hc_xpath(a, "string(//section[@id='timeline']//li[2]/span[@class='by'])"),
	    "处理人：初审", "timeline names the handler");
	is_int(test_sql_int("SELECT COUNT(*) FROM station_message m JOIN agent g"
	    " ON g.id = m.recipient_id WHERE m.recipient_kind = 2 AND g.phone = '"
	    AGENT "' AND m.title LIKE '%被退回%'"), msgs + 1,
	    "a station message too");
	hc_get(a, "/u/");
	ok(strstr(hc_xpath(a, "string(//section[@id='messages']//a[@class='title'])"),
	    "被退回") != NULL, "shown on the agent's home, linked to the item");

	/* Edit, upload again, 上报 again, approve. */
	hc_upload(a, "/u/org/upload", "file", datafile("license.pdf"), "执照.pdf",
	    "id", ids, "kind", "license", NULL);
	is_int(hc_orgapp_submit(a, id), 303, "上报 again");
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	hc_get(r1, path);
	is_int(hc_post(r1, "/o/org/app", "id", ids, "decision", "approve", NULL),
	    303, "review1 approves");
	is_str(app_state(id), "approved", "approved");
	snprintf(q, sizeof(q), "SELECT id FROM org WHERE credit_code = '%s'", code);
	org = test_sql_int(q);
	ok(org > 0, "the unit exists");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE au.unit_id = %lld AND g.phone = '"
	    AGENT "' AND au.role = 'chairman'", org);
	is_int(test_sql_int(q), 1, "the filer is bound as its chairman");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM org_lineage WHERE org_id ="
	    " %lld AND relation = 'merge'", org);
	is_int(test_sql_int(q), 1, "its merge history is kept");
	hc_get(a, "/u/units");
	snprintf(q, sizeof(q), "//table[@id='units']//tr[@data-unit='%lld']", org);
	is_int(hc_count(a, q), 1, "the agent serves the new unit");

	/* 单位信息编辑: the old data stays in force until approved. */
	snprintf(q, sizeof(q), "%lld", org);
	is_int(hc_post(a, "/u/org/edit", "unit", q, NULL), 303, "edit started");
	hc_follow(a);
	is_str(hc_xpath(a, "string(//input[@name='name']/@value)"),
	    "青岛海岸电子科技有限公司工会委员会", "edit starts from the unit's data");
	id = test_sql_int("SELECT MAX(id) FROM org_app");
	snprintf(ids, sizeof(ids), "%lld", id);
	is_int(hc_post(a, "/u/org/app", "id", ids, "name",
	    "青岛海岸电子集团工会委员会", "credit_code", code, "parent_id", "2",
	    "nature", "国企", "contact", "王芳", "contact_phone", "13912345678",
	    "lineage", "merge", NULL), 303, "edit saved");
	hc_follow(a);
	hc_upload(a, "/u/org/upload", "file", datafile("stamp.png"), "证书.png",
	    "id", ids, "kind", "license", NULL);
	is_int(hc_orgapp_submit(a, id), 303, "edit 上报");
	hc_get(a, "/u/units");
	snprintf(q, sizeof(q), "string(//table[@id='units']//tr[@data-unit='%lld']"
	    "/td[@class='unit-state'])", org);
	is_str(hc_xpath(a, q), "编辑市总审核中", "unit shows 编辑市总审核中");
	snprintf(q, sizeof(q), "SELECT name = '青岛海岸电子科技有限公司工会委员会'"
	    " FROM org WHERE id = %lld", org);
	is_int(test_sql_int(q), 1, "old name still in force");
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", id);
	hc_get(r1, path);
	hc_post(r1, "/o/org/app", "id", ids, "decision", "approve", NULL);
	snprintf(q, sizeof(q), "SELECT name = '青岛海岸电子集团工会委员会'"
	    " AND nature = '国企' FROM org WHERE id = %lld", org);
	is_int(test_sql_int(q), 1, "approved edit takes effect");

	/* Another registration with the same credit code cannot be filed. */
	hc_get(b, "/u/org/new");
	hc_post(b, "/u/org/app", "name", "冒名单位", "credit_code", code,
	    "parent_id", "2", "nature", "其他", "contact", "李四",
	    "contact_phone", "13900000000", "lineage", "none", NULL);
	id = test_sql_int("SELECT MAX(id) FROM org_app");
	snprintf(ids, sizeof(ids), "%lld", id);
	hc_follow(b);
	hc_upload(b, "/u/org/upload", "file", datafile("license.pdf"), NULL,
	    "id", ids, "kind", "license", NULL);
	hc_orgapp_submit(b, id);
	ok(strstr(hc_xpath(b, "string(//p[contains(@class,'msg-error')])"),
	    "单位绑定") != NULL, "a taken credit code points to 单位绑定");
	is_str(app_state(id), "draft", "and stays a draft");

	/* Only a chairman edits a unit: agent 1 is staff in unit 2. */
	hc_login_agent(b, "13800000001");
	hc_get(b, "/u/units");
	snprintf(q, sizeof(q), "%lld", test_sql_int("SELECT au.unit_id FROM"
	    " agent_unit au JOIN agent g ON g.id = au.agent_id WHERE g.phone ="
	    " '13800000001' AND au.role = 'staff' LIMIT 1"));
	is_int(hc_post(b, "/u/org/edit", "unit", q, NULL), 403,
	    "staff cannot edit the unit");

	/* A credit code whose check character is 0 (厦门中骏集团's) passes. */
	hc_get(a, "/u/org/new");
	is_int(hc_post(a, "/u/org/app", "name", "厦门中骏集团有限公司工会委员会",
	    "credit_code", "913502006120495420", "parent_id", "2", "nature",
	    "其他", "contact", "王芳", "contact_phone", "13912345678",
	    "lineage", "none", NULL), 303,
	    "a credit code ending in check character 0: draft saved");
	is_int(test_sql_int("SELECT COUNT(*) FROM org_app WHERE credit_code ="
	    " '913502006120495420'"), 1, "... with that code");
	hc_follow(a);
	is_str(hc_xpath(a, "string(//*[@id='err-credit_code'])"), "",
	    "... and no message beside it");
	snprintf(ids, sizeof(ids), "%lld", test_sql_int("SELECT id FROM org_app"
	    " WHERE credit_code = '913502006120495420'"));
	is_int(hc_post(a, "/u/org/cancel", "id", ids, NULL), 303,
	    "... and deleted again");

	hc_free(a);
	hc_free(b);
	hc_free(r1);
	hc_free(fin);
	return tap_done();
}
