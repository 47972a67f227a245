/*
 * t_files.c -- who sees which file (issue 8): the office only the review
 * materials of items its roles review, and every view audited; a unit's
 * roster workbooks, import results and invoice notes only its agents with
 * 医疗互助; any other id 404.  Also: whole MIME types on download, uploads
 * typed by content on every upload path, a refused upload that keeps its
 * page whole, the roster edit form that shows the ID read-only, and a
 * registration's parent checked by the server.
 *
 * Everything here happens in a unit of its own (made with SQL) so the
 * suites that follow see the demo data as they expect.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define CHAIR	"13700000501"	/* chairman of the test unit, 医疗互助 */
#define STAFF	"13700000502"	/* staff of the test unit, no 医疗互助 */
#define FILER	"13700000503"	/* files a 单位绑定 for the test unit */
#define OTHER	"13800000006"	/* chairman of demo unit 6 */
#define ROSTER5	"13800000005"	/* chairman of demo unit 5 (has members) */

#define XLSX_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static char tmpdir[] = "/tmp/t_files.XXXXXX";
static long long unit;

static const char *
datafile(const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/tests/data/%s",
	    getenv("HZ_SRCDIR") ? getenv("HZ_SRCDIR") : ".", name);
	return path;
}

/* An agent account with the demo password and a valid ID number. */
static void
make_agent(const char *phone, const char *name, const char *id17)
{
	char q[640], id[19];

	snprintf(id, sizeof(id), "%s%c", id17, id_check_char(id17));
	snprintf(q, sizeof(q), "INSERT INTO agent (phone, name, id_number,"
	    " password_hash, profile_at) SELECT '%s', '%s', '%s', password_hash,"
	    " NOW() FROM agent WHERE phone = '" OTHER "'"
	    " ON DUPLICATE KEY UPDATE name = VALUES(name)", phone, name, id);
	test_sql(q);
}

/* Bind an agent to the test unit. */
static void
bind(const char *phone, const char *role, const char *perms)
{
	char q[400];

	snprintf(q, sizeof(q), "INSERT INTO agent_unit (agent_id, unit_id, role,"
	    " perms) SELECT id, %lld, '%s', '%s' FROM agent WHERE phone = '%s'",
	    unit, role, perms, phone);
	test_sql(q);
}

/* A registration saved by `c` with parent `parent`; its id, 0 if refused. */
static long long
save_app(struct hc *c, const char *name, const char *code, const char *parent)
{
	hc_get(c, "/u/org/new");
	if (hc_post(c, "/u/org/app", "name", name, "credit_code", code,
	    "parent_id", parent, "nature", "其他", "contact", "林文",
	    "contact_phone", "13912345670", "lineage", "none", NULL) != 303)
		return 0;
	hc_follow(c);
	return test_sql_int("SELECT MAX(id) FROM org_app");
}

/* A roster workbook whose every row fails (adds nobody). */
static const char *
failing_workbook(void)
{
	static char path[256];
	static const char *const rows[][5] = {
		{ "职工名册" },
		{ "说明" },
		{ "序号", "姓名", "证件类型", "证件号码", "手机号码" },
		{ "1", "周错", "", "370202198001010015", "13912340006" },
		{ "2", "王 小明", "", "370202198505050016", "13912340004" },
	};
	lxw_workbook *wb;
	lxw_worksheet *ws;
	size_t r, c;

	snprintf(path, sizeof(path), "%s/fail.xlsx", tmpdir);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	for (r = 0; r < sizeof(rows) / sizeof(rows[0]); r++)
		for (c = 0; c < 5 && rows[r][c]; c++)
			worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c,
			    rows[r][c], NULL);
	workbook_close(wb);
	return path;
}

/* Import into the test unit and wait for the job; returns its id. */
static long long
import(struct hc *c, const char *file)
{
	char path[128], u[24];
	const char *s;
	long long job;
	int i;

	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	hc_get(c, path);
	snprintf(u, sizeof(u), "%lld", unit);
	if (hc_upload(c, "/u/roster/import", "file", file, "名册.xlsx", "unit", u,
	    NULL) != 303)
		return 0;
	job = test_sql_int("SELECT MAX(id) FROM import_job");
	snprintf(path, sizeof(path), "/u/roster/import?unit=%lld&id=%lld", unit,
	    job);
	for (i = 0; i < 100; i++) {
		hc_get(c, path);
		s = hc_xpath(c, "string(//section[@id='import']/@data-state)");
		if (strcmp(s, "done") == 0 || strcmp(s, "failed") == 0)
			break;
		usleep(100 * 1000);
	}
	return job;
}

static long long
views(const char *type, long long owner)
{
	char q[200];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'file.view' AND object_type = '%s' AND object_id = %lld", type,
	    owner);
	return test_sql_int(q);
}

static const char *
mime_of(long long file)
{
	char q[96];

	snprintf(q, sizeof(q), "SELECT mime FROM attachment WHERE id = %lld",
	    file);
	return test_sql_str(q);
}

int
main(void)
{
	struct hc *ch = hc_new(), *st = hc_new(), *fl = hc_new(),
	    *ot = hc_new(), *r5 = hc_new();
	struct hc *off[4];
	static const char *const roles[4] = { "review1", "review2", "finance",
	    "medical" };
	char path[256], q[512], u[24], ids[24], tid[24], member[24], idnum[40];
	char ounit[24];
	long long app, draft, bad, tr, job, workbook, result, licence, letter,
	    draft_licence, note, files, n, mid;
	int i, s;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	for (i = 0; i < 4; i++) {
		off[i] = hc_new();
		hc_login_office(off[i], roles[i]);
	}

	/* A unit of our own: a chairman, a staff member without 医疗互助. */
	test_sql("INSERT INTO org (parent_id, level, name, status) SELECT MIN(id),"
	    " 'unit', '文件测试单位工会委员会', 'approved' FROM org WHERE level ="
	    " 'district'");
	unit = test_sql_int("SELECT MAX(id) FROM org WHERE name ="
	    " '文件测试单位工会委员会'");
	snprintf(u, sizeof(u), "%lld", unit);
	make_agent(CHAIR, "林主席", "37020219750505003");
	make_agent(STAFF, "林员工", "37020219760606004");
	make_agent(FILER, "林新人", "37020219770707005");
	bind(CHAIR, "chairman", "mutual_aid");
	bind(STAFF, "staff", "");
	hc_login_agent(ch, CHAIR);
	hc_login_agent(st, STAFF);
	hc_login_agent(fl, FILER);
	hc_login_agent(ot, OTHER);
	hc_login_agent(r5, ROSTER5);

	/* ---- Uploads typed by content on every path (point 14's edge) ---- */

	/* 营业执照 of a registration (/u/org/upload). */
	app = save_app(ch, "文件测试科技有限公司工会委员会",
	    credit_code("91370202MA3C5TF01"), "2");
	ok(app > 0, "registration saved");
	snprintf(ids, sizeof(ids), "%lld", app);
	files = test_sql_int("SELECT COUNT(*) FROM attachment");
	is_int(hc_upload(ch, "/u/org/upload", "file", datafile("html-renamed.jpg"),
	    "营业执照.jpg", "id", ids, "kind", "license", NULL), 200,
	    "licence: HTML named .jpg refused");
	ok(strstr(hc_xpath(ch, "string(//p[contains(@class,'msg-error')])"),
	    "只能上传 jpg、png 或 pdf") != NULL, "licence: says why, in Chinese");
	is_str(hc_xpath(ch, "string(//*[@id='app-state'])"), "草稿",
	    "licence refused: the application page is whole");
	is_str(hc_xpath(ch, "string(//input[@name='name']/@value)"),
	    "文件测试科技有限公司工会委员会", "... with its data");
	is_int(test_sql_int("SELECT COUNT(*) FROM attachment"), files,
	    "licence: nothing stored");
	is_int(hc_upload(ch, "/u/org/upload", "file", datafile("pdf-renamed.jpg"),
	    "营业执照.jpg", "id", ids, "kind", "license", NULL), 303,
	    "licence: a PDF named .jpg is taken");
	licence = test_sql_int("SELECT MAX(id) FROM attachment");
	is_str(mime_of(licence), "application/pdf", "licence: stored as PDF");

	/* 授权书 of a 单位绑定 (/u/transfer/upload). */
	hc_get(fl, "/u/transfer");
	is_int(hc_post(fl, "/u/transfer/new", "unit", u, NULL), 303,
	    "单位绑定 filed");
	snprintf(q, sizeof(q), "SELECT MAX(id) FROM transfer WHERE unit_id = %lld",
	    unit);
	tr = test_sql_int(q);
	snprintf(tid, sizeof(tid), "%lld", tr);
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", tr);
	hc_get(fl, path);
	files = test_sql_int("SELECT COUNT(*) FROM attachment");
	is_int(hc_upload(fl, "/u/transfer/upload", "file",
	    datafile("html-renamed.jpg"), "授权书.jpg", "id", tid, NULL), 200,
	    "letter: HTML named .jpg refused");
	ok(strstr(hc_xpath(fl, "string(//p[contains(@class,'msg-error')])"),
	    "只能上传 jpg、png 或 pdf") != NULL, "letter: says why, in Chinese");
	is_str(hc_xpath(fl, "string(//*[@id='transfer-state'])"), "草稿",
	    "letter refused: the request's page is whole");
	is_int(hc_count(fl, "//form[@id='upload-form']"), 1,
	    "... with its upload form");
	is_int(test_sql_int("SELECT COUNT(*) FROM attachment"), files,
	    "letter: nothing stored");
	is_int(hc_upload(fl, "/u/transfer/upload", "file",
	    datafile("pdf-renamed.jpg"), "授权书.jpg", "id", tid, NULL), 303,
	    "letter: a PDF named .jpg is taken");
	letter = test_sql_int("SELECT MAX(id) FROM attachment");
	is_str(mime_of(letter), "application/pdf", "letter: stored as PDF");

	/* 开票说明 with 开票信息 (/u/invoice). */
	snprintf(path, sizeof(path), "/u/invoice?unit=%lld", unit);
	hc_get(ch, path);
	files = test_sql_int("SELECT COUNT(*) FROM attachment");
	is_int(hc_upload(ch, "/u/invoice", "note", datafile("html-renamed.jpg"),
	    "说明.jpg", "unit", u, "title", "文件测试单位工会", "tax_no",
	    credit_code("91370202MA3C5TF03"), "several", "1", NULL), 200,
	    "invoice note: HTML named .jpg refused");
	ok(strstr(hc_xpath(ch, "string(//p[contains(@class,'msg-error')])"),
	    "只能上传 jpg、png 或 pdf") != NULL, "invoice note: says why");
	is_str(hc_xpath(ch, "string(//form[@id='invoice-form']//input"
	    "[@name='title']/@value)"), "文件测试单位工会",
	    "invoice refused: the form keeps the input");
	is_int(test_sql_int("SELECT COUNT(*) FROM attachment"), files,
	    "invoice note: nothing stored");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM invoice_info WHERE unit_id ="
	    " %lld", unit);
	is_int(test_sql_int(q), 0, "invoice: nothing saved");
	is_int(hc_upload(ch, "/u/invoice", "note", datafile("pdf-renamed.jpg"),
	    "说明.jpg", "unit", u, "title", "文件测试单位工会", "tax_no",
	    credit_code("91370202MA3C5TF03"), "several", "1", NULL), 303,
	    "invoice note: a PDF named .jpg is taken");
	note = test_sql_int("SELECT MAX(id) FROM attachment");
	is_str(mime_of(note), "application/pdf", "invoice note: stored as PDF");

	/* ---- Items filed; a draft's licence; an import with a result ---- */
	is_int(hc_orgapp_submit(ch, app), 303, "registration 上报");
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", tr);
	hc_get(fl, path);
	is_int(hc_post(fl, "/u/transfer/submit", "id", tid, NULL), 303,
	    "单位绑定 上报");
	draft = save_app(ch, "文件测试草稿单位工会", credit_code("91370202MA3C5TF02"),
	    "2");
	snprintf(ids, sizeof(ids), "%lld", draft);
	hc_upload(ch, "/u/org/upload", "file", datafile("license.pdf"), "执照.pdf",
	    "id", ids, "kind", "license", NULL);
	draft_licence = test_sql_int("SELECT MAX(id) FROM attachment");
	ok(draft_licence > note, "a draft's licence uploaded");

	job = import(ch, failing_workbook());
	ok(job > 0, "roster import started");
	snprintf(q, sizeof(q), "SELECT attachment_id FROM import_job WHERE id ="
	    " %lld", job);
	workbook = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT COALESCE(result_id, 0) FROM import_job"
	    " WHERE id = %lld", job);
	result = test_sql_int(q);
	ok(workbook > 0 && result > 0, "the workbook and its result are stored");

	/* ---- The office: review materials of its items, nothing else ---- */
	{
		static const struct {
			const char *what;
			int want[4];	/* review1, review2, finance, medical */
		} cases[] = {
			/* finance and medical reach /o/file for the claims
			 * they pay and recheck; none of these is theirs */
			{ "roster workbook", { 404, 404, 404, 404 } },
			{ "import result", { 404, 404, 404, 404 } },
			{ "licence", { 200, 404, 404, 404 } },
			{ "draft's licence", { 404, 404, 404, 404 } },
			{ "authorisation letter", { 200, 200, 404, 404 } },
			{ "invoice note", { 404, 404, 404, 404 } },
		};
		long long id[6];
		size_t c;

		id[0] = workbook;
		id[1] = result;
		id[2] = licence;
		id[3] = draft_licence;
		id[4] = letter;
		id[5] = note;
		for (c = 0; c < 6; c++)
			for (i = 0; i < 4; i++) {
				snprintf(path, sizeof(path), "/o/file?id=%lld",
				    id[c]);
				s = hc_get(off[i], path);
				is_int(s, cases[c].want[i], "%s asks for the %s",
				    roles[i], cases[c].what);
				if (s != 200)
					ok(hc_body_len(off[i]) < 5 ||
					    memcmp(hc_body(off[i]), "%PDF", 4) != 0,
					    "... and gets none of its bytes");
			}
	}
	is_int(views("org_app", app), 1, "review1's view of the licence audited");
	is_int(views("transfer", tr), 2, "both views of the letter audited");
	is_int(views("import", unit), 0, "refused asks leave no view");
	is_int(hc_get(off[0], "/o/file?id=999999999"), 404, "no such file: 404");

	/* ---- The unit: roster files for 医疗互助 of the unit only ---- */
	snprintf(path, sizeof(path), "/u/roster/import/result.xlsx?unit=%lld"
	    "&id=%lld", unit, job);
	is_int(hc_get(ch, path), 200, "the chairman downloads the result");
	is_str(hc_header(ch, "Content-Type"), XLSX_TYPE,
	    "the whole xlsx MIME type is sent");
	ok(hc_body_len(ch) > 2 && memcmp(hc_body(ch), "PK", 2) == 0,
	    "... with the workbook's bytes");
	is_int(hc_get(st, path), 403, "staff without 医疗互助: result 403");
	is_int(hc_get(ot, path), 403, "another unit's agent: result 403");
	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '" OTHER "' AND au.role ="
	    " 'chairman'");
	snprintf(ounit, sizeof(ounit), "%lld", test_sql_int(q));
	snprintf(path, sizeof(path), "/u/roster/import/result.xlsx?unit=%s"
	    "&id=%lld", ounit, job);
	is_int(hc_get(ot, path), 404, "... through their own unit: 404");
	{
		/* Every agent file route, asked for ids not its own. */
		static const char *const routes[] = {
			"/u/org/file?id=",
			"/u/invoice/file?id=",
			"/u/invoices/file?id=",
		};
		long long id[4];
		size_t k, c;

		id[0] = workbook;
		id[1] = result;
		id[2] = licence;
		id[3] = note;
		for (k = 0; k < 3; k++)
			for (c = 0; c < 4; c++) {
				snprintf(path, sizeof(path), "%s%lld%s%s",
				    routes[k], id[c], k ? "&unit=" : "",
				    k ? ounit : "");
				is_int(hc_get(ot, path), 404,
				    "another unit's agent: %s", path);
			}
		for (c = 0; c < 4; c++) {
			snprintf(path, sizeof(path), "/u/org/file?id=%lld", id[c]);
			is_int(hc_get(st, path), 404, "staff: %s", path);
		}
	}
	snprintf(path, sizeof(path), "/u/invoice/file?unit=%lld&id=%lld", unit,
	    note);
	is_int(hc_get(ch, path), 200, "the chairman downloads the invoice note");
	is_str(hc_header(ch, "Content-Type"), "application/pdf",
	    "... as application/pdf");
	is_int(hc_get(st, path), 403, "staff without 医疗互助: invoice note 403");
	snprintf(path, sizeof(path), "/u/invoice/file?unit=%lld&id=%lld", unit,
	    licence);
	is_int(hc_get(ch, path), 404, "the invoice route serves no licence");
	snprintf(path, sizeof(path), "/u/org/file?id=%lld", licence);
	is_int(hc_get(ch, path), 200, "the filer downloads the licence");
	snprintf(path, sizeof(path), "/u/org/file?id=%lld", note);
	is_int(hc_get(ch, path), 404, "the licence route serves no invoice note");
	snprintf(path, sizeof(path), "/u/transfer/file?id=%lld&file=%lld", tr,
	    letter);
	is_int(hc_get(fl, path), 200, "the transfer's filer downloads the letter");
	is_int(hc_get(ch, path), 404, "the unit's chairman does not");
	snprintf(path, sizeof(path), "/u/transfer/file?id=%lld&file=%lld", tr,
	    licence);
	is_int(hc_get(fl, path), 404, "the transfer route serves no licence");

	/* ---- A refused roster import keeps the roster page whole ---- */
	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '" ROSTER5 "' AND au.role ="
	    " 'chairman'");
	n = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM member WHERE unit_id = %lld",
	    n);
	mid = test_sql_int(q);
	ok(mid > 0, "demo unit 5 has members");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", n);
	hc_get(r5, path);
	snprintf(u, sizeof(u), "%lld", n);
	is_int(hc_upload(r5, "/u/roster/import", "file", datafile("not_xlsx.xls"),
	    "名册.xls", "unit", u, NULL), 200, ".xls refused");
	ok(strstr(hc_xpath(r5, "string(//p[contains(@class,'msg-error')])"),
	    "xlsx") != NULL, "... saying what to upload");
	snprintf(q, sizeof(q), "%lld", mid);
	is_str(hc_xpath(r5, "string(//*[@id='roster-total'])"), q,
	    "the count is still shown");
	is_int(hc_count(r5, "//table[@id='roster']/tbody/tr"),
	    mid < 20 ? mid : 20, "the members are still listed");
	ok(strstr(hc_body(r5), "没有符合条件的职工") == NULL,
	    "no claim that nobody matches");
	is_int(hc_count(r5, "//form[@id='import-form']"), 1,
	    "the import form is there to try again");

	/* ---- The roster edit form shows the ID read-only ---- */
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE unit_id = %lld ORDER"
	    " BY id DESC LIMIT 1", n);
	mid = test_sql_int(q);
	snprintf(member, sizeof(member), "%lld", mid);
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE id = %lld", mid);
	snprintf(idnum, sizeof(idnum), "%s", test_sql_str(q));
	snprintf(path, sizeof(path), "/u/roster/member?unit=%lld&id=%lld", n, mid);
	is_int(hc_get(r5, path), 200, "edit form opens");
	is_int(hc_count(r5, "//form[@id='member-form']//input[@name='id_number']"),
	    0, "no id_number input on the edit form");
	is_int(hc_count(r5, "//form[@id='member-form']//*[@name='id_type']"), 0,
	    "no id_type input either");
	is_str(hc_xpath(r5, "string(//form[@id='member-form']//*[@id='id-number'])"),
	    idnum, "the ID number is shown as text");
	ok(*hc_xpath(r5, "string(//form[@id='member-form']//*[@id='id-type'])"),
	    "the ID type is shown as text");
	snprintf(q, sizeof(q), "SELECT phone FROM member WHERE id = %lld", mid);
	{
		char phone[16], name[128], other_id[19];

		/* A valid number of nobody, so only the rule can refuse it. */
		snprintf(other_id, sizeof(other_id), "37020219900307002%c",
		    id_check_char("37020219900307002"));
		snprintf(phone, sizeof(phone), "%s", test_sql_str(q));
		snprintf(name, sizeof(name), "%s",
		    hc_xpath(r5, "string(//input[@name='name']/@value)"));
		s = hc_post(r5, "/u/roster/member", "unit", u, "id", member,
		    "name", name, "id_type", "1", "id_number", other_id, "phone",
		    "13912349999", NULL);
		is_int(s, 200, "a POST changing id_number is not taken");
		ok(strstr(hc_xpath(r5, "string(//p[contains(@class,'msg-error')])"),
		    "不能在此修改") != NULL, "... and says so");
		ok(strstr(hc_body(r5), "已保存") == NULL, "... never 已保存");
		snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE id ="
		    " %lld", mid);
		is_str(test_sql_str(q), idnum, "the ID number is unchanged");
		snprintf(q, sizeof(q), "SELECT phone FROM member WHERE id = %lld",
		    mid);
		is_str(test_sql_str(q), phone, "and nothing else was saved");
		hc_get(r5, path);
		is_int(hc_post(r5, "/u/roster/member", "unit", u, "id", member,
		    "name", name, "phone", phone, "remarks", "文件测试", NULL), 303,
		    "the edit form without ID fields saves");
		snprintf(q, sizeof(q), "SELECT remarks = '文件测试' AND"
		    " id_number = '%s' FROM member WHERE id = %lld", idnum, mid);
		is_int(test_sql_int(q), 1, "the rest is stored, the ID kept");
	}

	/* ---- The parent of a registration is checked by the server ---- */
	hc_get(ch, "/u/org/new");
	snprintf(q, sizeof(q), "%lld", n);	/* demo unit 5: not a parent */
	is_int(hc_post(ch, "/u/org/app", "name", "挂错单位工会委员会",
	    "credit_code", credit_code("91370202MA3C5TF04"), "parent_id", q,
	    "nature", "其他", "contact", "林文", "contact_phone", "13912345670",
	    "lineage", "none", NULL), 200, "a unit as parent is refused");
	is_str(hc_xpath(ch, "string(//*[@id='err-parent_id'])"),
	    "上级工会只能是市总工会或区/产业工会", "... on the parent field");
	is_str(hc_xpath(ch, "string(//input[@name='name']/@value)"),
	    "挂错单位工会委员会", "input kept");
	is_str(hc_xpath(ch, "string(//input[@name='credit_code']/@value)"),
	    credit_code("91370202MA3C5TF04"), "credit code kept");
	is_int(test_sql_int("SELECT COUNT(*) FROM org_app WHERE name ="
	    " '挂错单位工会委员会'"), 0, "nothing saved");
	/* A saved draft moved under a unit: 上报 and 保存 refuse it too. */
	bad = save_app(ch, "挂错单位工会委员会", credit_code("91370202MA3C5TF04"),
	    "2");
	ok(bad > 0, "saved under a district");
	snprintf(ids, sizeof(ids), "%lld", bad);
	hc_upload(ch, "/u/org/upload", "file", datafile("license.pdf"), "执照.pdf",
	    "id", ids, "kind", "license", NULL);
	snprintf(q, sizeof(q), "UPDATE org_app SET parent_id = %lld WHERE id ="
	    " %lld", n, bad);
	test_sql(q);
	is_int(hc_orgapp_submit(ch, bad), 200, "上报 under a unit is refused");
	ok(strstr(hc_xpath(ch, "string(//p[contains(@class,'msg-error')])"),
	    "上级工会只能是") != NULL, "... saying why");
	is_str(hc_xpath(ch, "string(//*[@id='err-parent_id'])"),
	    "上级工会只能是市总工会或区/产业工会", "... on the parent field");
	is_str(flow_state_of("org_app", bad), "draft", "still a draft");
	snprintf(q, sizeof(q), "%lld", n);
	is_int(hc_post(ch, "/u/org/app", "id", ids, "name", "挂错单位工会委员会",
	    "credit_code", credit_code("91370202MA3C5TF04"), "parent_id", q,
	    "nature", "其他", "contact", "林文", "contact_phone", "13912345670",
	    "lineage", "none", NULL), 200, "saving a draft under a unit refused");
	is_str(hc_xpath(ch, "string(//*[@id='err-parent_id'])"),
	    "上级工会只能是市总工会或区/产业工会", "... on the parent field");
	is_str(hc_xpath(ch, "string(//*[@id='app-state'])"), "草稿",
	    "... on the application's own page");
	/* In review and then moved under a unit: the approval refuses. */
	snprintf(q, sizeof(q), "UPDATE org_app SET parent_id = 2 WHERE id = %lld",
	    bad);
	test_sql(q);
	is_int(hc_orgapp_submit(ch, bad), 303, "上报 under a district");
	snprintf(q, sizeof(q), "UPDATE org_app SET parent_id = %lld WHERE id ="
	    " %lld", n, bad);
	test_sql(q);
	snprintf(path, sizeof(path), "/o/org/app?id=%lld", bad);
	hc_get(off[0], path);
	snprintf(ids, sizeof(ids), "%lld", bad);
	is_int(hc_post(off[0], "/o/org/app", "id", ids, "decision", "approve",
	    NULL), 200, "approval under a unit is refused");
	ok(strstr(hc_xpath(off[0], "string(//p[contains(@class,'msg-error')])"),
	    "上级工会只能是") != NULL, "... saying why");
	is_str(flow_state_of("org_app", bad), "review1", "still in review");
	is_int(test_sql_int("SELECT COUNT(*) FROM org WHERE name ="
	    " '挂错单位工会委员会'"), 0, "no unit made under a unit");
	snprintf(q, sizeof(q), "UPDATE org_app SET parent_id = 2 WHERE id = %lld",
	    bad);
	test_sql(q);

	for (i = 0; i < 4; i++)
		hc_free(off[i]);
	hc_free(ch);
	hc_free(st);
	hc_free(fl);
	hc_free(ot);
	hc_free(r5);
	return tap_done();
}
