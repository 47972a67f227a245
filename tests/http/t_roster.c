/*
 * t_roster.c -- 职工名册: the template, an import with every row check of
 * SPEC §3 and its result workbook, bad files, single add / edit / remove /
 * search / export, and agents of other units or without 医疗互助 kept out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "client.h"
#include "tap.h"
#include "valid.h"
#include "xlsxread.h"

#define CHAIR	"13800000005"	/* chairman of demo unit 5 */
#define OTHER	"13800000006"	/* chairman of demo unit 6 */

static long long unit, other_unit;
static char tmpdir[] = "/tmp/t_roster.XXXXXX";

static long long
unit_of(const char *phone)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT au.unit_id FROM agent_unit au JOIN agent"
	    " g ON g.id = au.agent_id WHERE g.phone = '%s' AND au.role ="
	    " 'chairman'", phone);
	return test_sql_int(q);
}

static long long
roster_size(long long u)
{
	char q[96];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM member WHERE unit_id = %lld", u);
	return test_sql_int(q);
}

/* Save the last response body to a file in tmpdir. */
static const char *
save_body(struct hc *c, const char *name)
{
	return hc_save_body(c, tmpdir, name);
}

/* A workbook of rows; a cell starting with '#' is written as a number. */
static const char *
workbook(const char *name, const char *const rows[][10], size_t n)
{
	static char path[256];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	size_t r, c;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	for (r = 0; r < n; r++)
		for (c = 0; c < 10; c++) {
			if (rows[r][c] == NULL)
				continue;
			if (rows[r][c][0] == '#')
				worksheet_write_number(ws, (lxw_row_t)r,
				    (lxw_col_t)c, atof(rows[r][c] + 1), NULL);
			else
				worksheet_write_string(ws, (lxw_row_t)r,
				    (lxw_col_t)c, rows[r][c], NULL);
		}
	workbook_close(wb);
	return path;
}

/* Upload a file to the import and wait for the job; returns the job id. */
static long long
import(struct hc *c, const char *file, const char *filename)
{
	char path[128], u[24];
	long long job;
	int i;

	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	hc_get(c, path);
	snprintf(u, sizeof(u), "%lld", unit);
	if (hc_upload(c, "/u/roster/import", "file", file, filename, "unit", u,
	    NULL) != 303)
		return 0;
	job = test_sql_int("SELECT MAX(id) FROM import_job");
	for (i = 0; i < 100; i++) {
		hc_follow(c);
		if (strcmp(hc_xpath(c, "string(//section[@id='import']/@data-state)"),
		    "done") == 0 || strcmp(hc_xpath(c,
		    "string(//section[@id='import']/@data-state)"), "failed") == 0)
			break;
		usleep(100 * 1000);
		snprintf(path, sizeof(path), "/u/roster/import?unit=%lld&id=%lld",
		    unit, job);
		hc_get(c, path);
	}
	return job;
}

static const char *HEAD[10] = { "序号", "姓名", "证件类型", "证件号码",
	"手机号码", "医保类型", "社保卡号", "银行卡号", "开户行", "备注" };

/*
 * A resident ID for someone born `years` years and `days` days before
 * today in China (UTC+8, where the import job counts), serial `seq`.
 */
static const char *
born_ago(int years, int days, const char *seq)
{
	static char id[19];
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	tm.tm_year -= years;
	tm.tm_mday -= days;
	tm.tm_hour = 12;	/* mktime normalises the date; noon keeps DST out */
	tm.tm_isdst = -1;
	mktime(&tm);
	snprintf(id, sizeof(id), "370202%04d%02d%02d%s", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, seq);
	id[17] = id_check_char(id);
	id[18] = '\0';
	return id;
}

/*
 * SPEC: aged 60 or more at import is a warning (imported, flagged).  At
 * the edge: 60 today, a day short of 60 (59 years 364 days), a day past.
 */
static void
age_edge(struct hc *a)
{
	char at60[19], short60[19], past60[19], why[8][200];
	struct xlsx_reader *xr;
	struct xlsx_row row;
	enum xlsx_status st;
	char path[128];
	long long job;
	long r;

	snprintf(at60, sizeof(at60), "%s", born_ago(60, 0, "901"));
	snprintf(short60, sizeof(short60), "%s", born_ago(60, -1, "902"));
	snprintf(past60, sizeof(past60), "%s", born_ago(60, 1, "903"));
	const char *rows[][10] = {
		{ "职工名册" },
		{ "说明" },
		{ HEAD[0], HEAD[1], HEAD[2], HEAD[3], HEAD[4], HEAD[5], HEAD[6],
		  HEAD[7], HEAD[8], HEAD[9] },
		{ "1", "周满", "", at60, "13912349001" },
		{ "2", "吴差", "", short60, "13912349002" },
		{ "3", "郑过", "", past60, "13912349003" },
	};
	job = import(a, workbook("age.xlsx", rows, sizeof(rows) / sizeof(rows[0])),
	    "年龄.xlsx");
	is_str(hc_xpath(a, "string(//*[@id='n-added'])"), "3",
	    "age edge: all three imported (a warning never blocks)");
	is_str(hc_xpath(a, "string(//*[@id='n-warned'])"), "2",
	    "age edge: two flagged");
	snprintf(path, sizeof(path), "/u/roster/import/result.xlsx?unit=%lld&id=%lld",
	    unit, job);
	hc_get(a, path);
	memset(why, 0, sizeof(why));
	xr = xlsx_open(save_body(a, "age-result.xlsx"), NULL, &st);
	while (xr && xlsx_next_row(xr, &row) == 1) {
		if (row.rownum == 1 || row.ncells < 7)
			continue;
		r = atol(row.cells[0].text) - 3;
		if (r > 0 && r < 8)
			snprintf(why[r], sizeof(why[r]), "%s", row.cells[6].text);
	}
	xlsx_close(xr);
	ok(strstr(why[1], "年满60周岁") != NULL,
	    "age edge: 60 today (%s) is flagged", at60);
	is_str(why[2], "", "age edge: 59 years 364 days (%s) is not", short60);
	ok(strstr(why[3], "年满60周岁") != NULL,
	    "age edge: 60 years and a day (%s) is flagged", past60);
}

/*
 * What was typed reaches the database as typed, by both ways of staging:
 * LOAD DATA LOCAL, the import's own, and array binding, used when the
 * server's local_infile is off.  Backslashes, a tab, "\N" and "NULL" are
 * text, in an imported row and in a failed one kept for the result.
 */
static void
typed_kept(struct hc *a)
{
	static const char *way[2] = { "LOAD DATA", "local_infile off" };
	char id[19], q[512], path[128], name[64], idcell[64];
	struct xlsx_reader *xr;
	struct xlsx_row row;
	enum xlsx_status st;
	long long job;
	int pass;

	snprintf(id, sizeof(id), "%s", born_ago(30, 0, "911"));
	const char *rows[][10] = {
		{ "职工名册" },
		{ "说明" },
		{ HEAD[0], HEAD[1], HEAD[2], HEAD[3], HEAD[4], HEAD[5], HEAD[6],
		  HEAD[7], HEAD[8], HEAD[9] },
		{ "1", "林一", "", id, "13912349101", "", "", "", "NULL",
		  "C:\\new\\N\tx" },
		{ "2", "错\\N", "", "\\N", "13912349102" },
	};
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			test_sql("SET GLOBAL local_infile = 0");
		job = import(a, workbook("typed.xlsx", rows,
		    sizeof(rows) / sizeof(rows[0])), "原样.xlsx");
		if (pass == 1)
			test_sql("SET GLOBAL local_infile = 1");
		is_str(hc_xpath(a, "string(//section[@id='import']/@data-state)"),
		    "done", "%s: import finished", way[pass]);
		is_str(hc_xpath(a, "string(//*[@id='n-added'])"), pass ? "0" : "1",
		    "%s: added", way[pass]);
		is_str(hc_xpath(a, "string(//*[@id='n-updated'])"), pass ? "1" : "0",
		    "%s: updated", way[pass]);
		is_str(hc_xpath(a, "string(//*[@id='n-failed'])"), "1",
		    "%s: failed", way[pass]);
		snprintf(q, sizeof(q), "SELECT COUNT(*) FROM member WHERE"
		    " id_number = '%s' AND name = '林一' AND bank_name = 'NULL'"
		    " AND remarks = CONCAT('C:', CHAR(92), 'new', CHAR(92), 'N',"
		    " CHAR(9), 'x')", id);
		is_int(test_sql_int(q), 1, "%s: backslashes, tab, \\N and NULL"
		    " kept as text", way[pass]);
		snprintf(path, sizeof(path),
		    "/u/roster/import/result.xlsx?unit=%lld&id=%lld", unit, job);
		hc_get(a, path);
		*name = *idcell = '\0';
		xr = xlsx_open(save_body(a, "typed-result.xlsx"), NULL, &st);
		while (xr && xlsx_next_row(xr, &row) == 1)
			if (row.rownum > 1 && row.ncells >= 7) {
				snprintf(name, sizeof(name), "%s", row.cells[1].text);
				snprintf(idcell, sizeof(idcell), "%s",
				    row.cells[3].text);
			}
		xlsx_close(xr);
		is_str(name, "错\\N", "%s: the failed row's name as typed",
		    way[pass]);
		is_str(idcell, "\\N", "%s: its ID number as typed", way[pass]);
	}
}

/*
 * The roster export in hz-export (/x/roster.xlsx): the roster page links
 * there, the old /u/ address answers 303 to it, it is for agents only and
 * the file holds every member with full numbers, audited.
 */
static void
export_checks(struct hc *a)
{
	struct hc *anon = hc_new(), *off = hc_new();
	struct xlsx_reader *xr;
	struct xlsx_row row;
	enum xlsx_status st;
	char path[128], want[128], q[160], id[64] = "";
	const char *len;
	int n = 0;

	snprintf(want, sizeof(want), "/x/roster.xlsx?unit=%lld", unit);
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	hc_get(a, path);
	is_str(hc_xpath(a, "string(//a[@id='export']/@href)"), want,
	    "the roster page's 导出 links to hz-export");
	snprintf(path, sizeof(path), "/u/roster/export.xlsx?unit=%lld", unit);
	is_int(hc_get(a, path), 303, "the old export address redirects");
	is_str(hc_location_path(a), want, "... to /x/roster.xlsx, same unit");
	is_int(hc_get(anon, want), 303, "anonymous: sent to sign in");
	is_str(hc_location_path(anon), "/u/login", "... as an agent");
	hc_login_office(off, "admin");
	is_int(hc_get(off, want), 303, "an office session is no agent's");
	is_str(hc_location_path(off), "/u/login", "... sent to /u/login");
	is_int(hc_get(a, "/x/members.xlsx"), 303, "an agent gets no member list");
	is_str(hc_location_path(a), "/o/login", "... sent to /o/login");

	is_int(hc_get(a, want), 200, "export downloads");
	len = hc_header(a, "Content-Length");
	ok(len && strtoull(len, NULL, 10) == hc_body_len(a),
	    "with its whole length announced");
	xr = xlsx_open(save_body(a, "export.xlsx"), NULL, &st);
	while (xr && xlsx_next_row(xr, &row) == 1)
		if (++n == 2 && row.ncells > 3)
			snprintf(id, sizeof(id), "%s", row.cells[3].text);
	xlsx_close(xr);
	is_int(n - 1, roster_size(unit), "export has every member");
	ok(strlen(id) == 18 && strchr(id, '*') == NULL, "full ID numbers");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'roster.export' AND object_id = %lld AND detail = '%d'", unit,
	    n - 1);
	is_int(test_sql_int(q), 1, "the export is audited with its rows");
	hc_free(anon);
	hc_free(off);
}

int
main(void)
{
	struct hc *a = hc_new(), *o = hc_new(), *s = hc_new();
	char path[256], q[512], u[24], member[24], demo_other[32], mine[32];
	char why[14][200];
	struct xlsx_reader *xr;
	struct xlsx_row row;
	enum xlsx_status st;
	long long job, before, existing;
	long r;
	int n, found;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	unit = unit_of(CHAIR);
	other_unit = unit_of(OTHER);
	snprintf(u, sizeof(u), "%lld", unit);
	hc_login_agent(a, CHAIR);
	hc_login_agent(o, OTHER);

	/* The template: title, instructions, header, the 张三 example. */
	is_int(hc_get(a, "/u/roster/template.xlsx"), 200, "template downloads");
	xr = xlsx_open(save_body(a, "tpl.xlsx"), NULL, &st);
	ok(xr != NULL, "template is an xlsx");
	n = 0;
	found = 0;
	while (xr && xlsx_next_row(xr, &row) == 1) {
		n++;
		if (row.rownum == 1)
			is_str(row.cells[0].text, "职工名册（导入模板）", "title row");
		if (row.rownum == 2)
			ok(strstr(row.cells[1].text, "不要出现空格") != NULL &&
			    strstr(row.cells[3].text, "X要大写") != NULL,
			    "instruction row");
		if (row.rownum == 3)
			is_str(row.cells[3].text, "证件号码", "header row");
		if (row.rownum == 4 && strcmp(row.cells[1].text, "张三") == 0)
			found = 1;
	}
	xlsx_close(xr);
	is_int(n, 4, "four rows");
	ok(found, "张三 example row");

	/* An import with every kind of row. */
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE unit_id = %lld"
	    " LIMIT 1", other_unit);
	snprintf(demo_other, sizeof(demo_other), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE unit_id = %lld"
	    " ORDER BY id LIMIT 1", unit);
	existing = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE id = %lld",
	    existing);
	snprintf(mine, sizeof(mine), "%s", test_sql_str(q));
	ok(*demo_other && *mine, "fixtures found");
	const char *rows[][10] = {
		{ "职工名册" },
		{ "说明" },
		{ HEAD[0], HEAD[1], HEAD[2], HEAD[3], HEAD[4], HEAD[5], HEAD[6],
		  HEAD[7], HEAD[8], HEAD[9] },
		{ "1", "李新", "", "370202198001010010", "13912340001" },
		{ "2", "赵晓", "居民身份证", "11010519491231002x", "13912340002" },
		{ "3", "　钱多多 ", "", "３７０２０２１９８８０８０８００１ｘ",
		  "１３９１２３４０００３" },
		{ "4", "王 小明", "", "370202198505050016", "13912340004" },
		{ "5", "孙2", "", "370202198505050032", "13912340005" },
		{ "6", "周错", "", "370202198001010015", "13912340006" },
		{ "7", "吴数", "", "#4.50102199001011E+17", "13912340007" },
		{ "8", "郑空", "", "370202199001011237" },
		{ "9", "冯重", "", "370202198001010010", "13912340009" },
		{ "10", "陈他", "", demo_other, "13912340010" },
		{ "11", "卫老", "", "370202195001010017", "13912340011" },
		{ "12", "蒋改", "", mine, "13999999999" },
		{ "13", "张三", "居民身份证", "11010519491231002X", "13800138000" },
		{ NULL },
	};
	before = roster_size(unit);
	job = import(a, workbook("roster.xlsx", rows, sizeof(rows) / sizeof(rows[0])),
	    "职工名册.xlsx");
	ok(job > 0, "import started");
	is_str(hc_xpath(a, "string(//section[@id='import']/@data-state)"), "done",
	    "import finished");
	is_str(hc_xpath(a, "string(//*[@id='n-read'])"), "13", "13 rows read");
	is_str(hc_xpath(a, "string(//*[@id='n-added'])"), "4", "4 added");
	is_str(hc_xpath(a, "string(//*[@id='n-updated'])"), "1", "1 updated");
	is_str(hc_xpath(a, "string(//*[@id='n-failed'])"), "8", "8 failed");
	is_str(hc_xpath(a, "string(//*[@id='n-warned'])"), "2",
	    "2 flagged (born 1949 and 1950: age 60 and over)");
	is_int(roster_size(unit), before + 4, "roster grew by the 4 added");
	is_int(test_sql_int("SELECT COUNT(*) FROM member WHERE id_number ="
	    " '11010519491231002X' AND name = '赵晓'"), 1, "lowercase x upper-cased");
	is_int(test_sql_int("SELECT COUNT(*) FROM member WHERE name = '钱多多'"
	    " AND id_number = '37020219880808001X' AND phone = '13912340003'"), 1,
	    "full-width and stray spaces normalised");
	snprintf(q, sizeof(q), "SELECT phone = '13999999999' FROM member WHERE"
	    " id = %lld", existing);
	is_int(test_sql_int(q), 1, "existing member updated");
	snprintf(q, sizeof(q), "SELECT unit_id FROM member WHERE id_number = '%s'",
	    demo_other);
	is_int(test_sql_int(q), other_unit, "other unit's member left alone");
	is_int(test_sql_int("SELECT COUNT(*) FROM membership WHERE reason ="
	    " '名册导入'"), 4, "会籍 opened for the new members");
	is_int(test_sql_int("SELECT COUNT(*) FROM import_row"), 0,
	    "staging rows cleared");

	/* The result workbook names every failed row and why. */
	snprintf(path, sizeof(path), "/u/roster/import/result.xlsx?unit=%lld&id=%lld",
	    unit, job);
	is_int(hc_get(a, path), 200, "result workbook downloads");
	xr = xlsx_open(save_body(a, "result.xlsx"), NULL, &st);
	memset(why, 0, sizeof(why));
	n = 0;
	while (xr && xlsx_next_row(xr, &row) == 1) {
		if (row.rownum == 1 || row.ncells < 7)
			continue;
		n++;
		r = atol(row.cells[0].text) - 3;
		if (r > 0 && r < 14)
			snprintf(why[r], sizeof(why[r]), "%s", row.cells[6].text);
	}
	xlsx_close(xr);
	is_int(n, 10, "10 rows in the result (8 failed, 2 flagged)");
	ok(strstr(why[4], "空格") != NULL, "space in a name: reason given");
	ok(*why[5], "digit in a name: reason given");
	ok(strstr(why[6], "校验") != NULL || *why[6], "bad check digit: reason");
	ok(strstr(why[7], "数字") != NULL, "ID stored as a number: reason");
	ok(strstr(why[8], "手机") != NULL, "missing phone: reason");
	ok(strstr(why[9], "第4行") != NULL, "duplicate in file: names the row");
	ok(strstr(why[10], "会籍变更") != NULL, "other unit: 会籍变更");
	ok(strstr(why[11], "60") != NULL, "age 60+: warning");
	ok(strstr(why[13], "示例") != NULL, "example row refused");

	/* While a job runs the page shows the rows read and reloads itself.
	 * (A real job is over in a blink; this one is planted as running,
	 * with a fresh heartbeat so no worker takes it over.) */
	snprintf(q, sizeof(q), "INSERT INTO import_job (unit_id, agent_id,"
	    " attachment_id, filename, state, rows_read, started_at,"
	    " heartbeat_at) SELECT %lld, id, 0, 'x.xlsx', 'running', 1234,"
	    " NOW(), NOW() FROM agent WHERE phone = '" CHAIR "'", unit);
	test_sql(q);
	snprintf(path, sizeof(path), "/u/roster/import?unit=%lld&id=%lld", unit,
	    test_sql_int("SELECT MAX(id) FROM import_job"));
	hc_get(a, path);
	ok(strstr(hc_xpath(a, "string(//*[@id='progress'])"), "1234") != NULL,
	    "progress: rows read so far");
	is_str(hc_xpath(a, "string(//meta[@http-equiv='refresh']/@content)"), "1",
	    "progress: the page reloads each second");
	test_sql("UPDATE import_job SET state = 'failed', error = '测试'"
	    " WHERE filename = 'x.xlsx'");

	/* Bad files: a clear message, nothing changed. */
	before = roster_size(unit);
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	{
		static const struct { const char *file, *name, *want; } bad[] = {
			{ "not_xlsx.xls", "名册.xls", "xlsx" },
			{ "csv_renamed.xlsx", "名册.xlsx", "xlsx" },
			{ "pdf-renamed.jpg", "名册.jpg", "xlsx" },
		};
		size_t i;
		char data[512];

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			snprintf(data, sizeof(data), "%s/tests/data/%s",
			    getenv("HZ_SRCDIR") ? getenv("HZ_SRCDIR") : ".",
			    bad[i].file);
			hc_get(a, path);
			is_int(hc_upload(a, "/u/roster/import", "file", data,
			    bad[i].name, "unit", u, NULL), 200, "%s: refused at once",
			    bad[i].file);
			ok(strstr(hc_xpath(a, "string(//p[contains(@class,"
			    "'msg-error')])"), bad[i].want) != NULL,
			    "%s: says what to upload", bad[i].file);
		}
	}
	{
		/* 30 MB of noise in a zip's clothing */
		char big[256];
		FILE *f;
		long i;

		snprintf(big, sizeof(big), "%s/big.xlsx", tmpdir);
		f = fopen(big, "wb");
		fwrite("PK\x03\x04", 1, 4, f);
		for (i = 0; i < 30L * 1024 * 1024 / 8; i++)
			fwrite("noise!!!", 1, 8, f);
		fclose(f);
		hc_get(a, path);
		is_int(hc_upload(a, "/u/roster/import", "file", big, "big.xlsx",
		    "unit", u, NULL), 413, "30 MB file refused");
		ok(strstr(hc_body(a), "20 MB") != NULL, "... saying the limit");
	}
	{
		const char *empty[][10] = { { NULL } };
		const char *wrong[][10] = {
			{ "名字", "身份证", "电话" }, { "李四", "370202198001010014",
			  "13900000000" } };
		char data[512];

		import(a, workbook("empty.xlsx", empty, 0), "空.xlsx");
		ok(strstr(hc_xpath(a, "string(//*[@id='import-error'])"), "表头")
		    != NULL, "empty workbook: no header found");
		import(a, workbook("wrong.xlsx", wrong, 2), "错表头.xlsx");
		ok(strstr(hc_xpath(a, "string(//*[@id='import-error'])"),
		    "证件号码") != NULL, "wrong headers: names the columns needed");
		snprintf(data, sizeof(data), "%s/tests/data/bomb.xlsx",
		    getenv("HZ_SRCDIR") ? getenv("HZ_SRCDIR") : ".");
		import(a, data, "bomb.xlsx");
		ok(*hc_xpath(a, "string(//*[@id='import-error'])"),
		    "zip bomb: refused with a message");
	}
	is_int(roster_size(unit), before, "bad files changed nothing");

	/* Single add, with its refusals; search; edit; remove. */
	snprintf(path, sizeof(path), "/u/roster/add?unit=%lld", unit);
	hc_get(a, path);
	hc_post(a, "/u/roster/add", "unit", u, "name", "韩梅梅", "id_type", "1",
	    "id_number", demo_other, "phone", "13912345000", NULL);
	ok(strstr(hc_xpath(a, "string(//*[@id='err-id_number'])"), "会籍变更")
	    != NULL, "adding another unit's member points to 会籍变更");
	is_int(hc_post(a, "/u/roster/add", "unit", u, "name", "韩梅梅",
	    "id_type", "1", "id_number", "370202199202020025", "phone",
	    "13912345000", "bank_card", "6228480402564890018", NULL), 303,
	    "a person added");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld&q=%s", unit,
	    "%E9%9F%A9%E6%A2%85%E6%A2%85");	/* 韩梅梅 (demo has other 韩s) */
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='roster']/tbody/tr"), 1, "search by name");
	is_str(hc_xpath(a, "string(//table[@id='roster']//td[@class='id-number'])"),
	    "3702**********0025", "ID masked in the list");
	snprintf(member, sizeof(member), "%s",
	    hc_xpath(a, "string(//table[@id='roster']//tr/@data-member)"));
	snprintf(path, sizeof(path), "/u/roster?unit=%lld&q=370202199202020025",
	    unit);
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='roster']/tbody/tr"), 1, "search by ID");
	snprintf(path, sizeof(path), "/u/roster/member?unit=%lld&id=%s", unit,
	    member);
	hc_get(a, path);
	is_int(hc_post(a, "/u/roster/member", "unit", u, "id", member, "name",
	    "韩梅梅", "id_type", "1", "id_number", "370202199202020025", "phone",
	    "13912345001", NULL), 303, "edited");
	snprintf(q, sizeof(q), "SELECT phone FROM member WHERE id = %s", member);
	is_int(test_sql_int(q), 13912345001LL, "new phone stored");

	/* A bank card failing Luhn: a warning on the form, the card kept. */
	hc_get(a, path);
	is_int(hc_post(a, "/u/roster/member", "unit", u, "id", member, "name",
	    "韩梅梅", "phone", "13912345001", "bank_card",
	    "6228 4804 0256 4890 017", NULL), 303, "a card failing Luhn is saved");
	ok(strstr(hc_location_path(a), "/u/roster/member?") != NULL,
	    "... back to the member's form");
	is_int(hc_follow(a), 200, "... which opens");
	ok(strstr(hc_xpath(a, "string(//*[@id='warn-bank_card'])"), "核对") != NULL,
	    "... with the Luhn warning on the card");
	is_int(hc_count(a, "//*[@id='err-bank_card']"), 0, "... not an error");
	is_str(hc_xpath(a, "string(//input[@name='bank_card']/@value)"),
	    "6228480402564890017", "... the card as stored");
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-ok')])"), "已保存")
	    != NULL, "... and says it was saved");
	snprintf(q, sizeof(q), "SELECT bank_card = '6228480402564890017' FROM"
	    " member WHERE id = %s", member);
	is_int(test_sql_int(q), 1, "... stored");
	hc_get(a, path);
	is_int(hc_post(a, "/u/roster/member", "unit", u, "id", member, "name",
	    "韩梅梅", "phone", "13912345001", "bank_card", "6228480402564890018",
	    NULL), 303, "a card passing Luhn");
	ok(strstr(hc_location_path(a), "/u/roster?") != NULL,
	    "... back to the roster");

	/* Another unit's agent gets nothing of this roster. */
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(o, path), 403, "other unit: roster 403");
	snprintf(path, sizeof(path), "/u/roster/member?unit=%lld&id=%s", unit, member);
	is_int(hc_get(o, path), 403, "other unit: member 403");
	snprintf(path, sizeof(path), "/x/roster.xlsx?unit=%lld", unit);
	is_int(hc_get(o, path), 403, "other unit: export 403");
	snprintf(path, sizeof(path), "/u/roster/import?unit=%lld&id=%lld", unit, job);
	is_int(hc_get(o, path), 403, "other unit: import page 403");
	snprintf(path, sizeof(path), "/u/roster/import/result.xlsx?unit=%lld&id=%lld",
	    other_unit, job);
	is_int(hc_get(o, path), 404, "own unit, other's job: 404");
	snprintf(path, sizeof(path), "/u/roster/member?unit=%lld&id=%s",
	    other_unit, member);
	is_int(hc_get(o, path), 404, "own unit, other's member: 404");
	hc_get(o, "/u/units");
	is_int(hc_post(o, "/u/roster/remove", "unit", u, "id", member, NULL), 403,
	    "other unit: remove 403");

	/* Staff without 医疗互助: no menu, 403. */
	snprintf(q, sizeof(q), "INSERT INTO agent (phone, name, id_number,"
	    " password_hash, profile_at) SELECT '13800000099', '无权限',"
	    " '370202199003070011', password_hash, NOW() FROM agent WHERE phone"
	    " = '" CHAIR "'");
	test_sql(q);
	snprintf(q, sizeof(q), "INSERT INTO agent_unit (agent_id, unit_id, role)"
	    " SELECT id, %lld, 'staff' FROM agent WHERE phone = '13800000099'", unit);
	test_sql(q);
	hc_login_agent(s, "13800000099");
	hc_get(s, "/u/");
	is_int(hc_count(s, "//*[@id='nav-roster']"), 0, "no 职工名册 menu");
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	is_int(hc_get(s, path), 403, "staff without 医疗互助: roster 403");
	snprintf(path, sizeof(path), "/x/roster.xlsx?unit=%lld", unit);
	is_int(hc_get(s, path), 403, "... export 403");
	is_str(hc_xpath(s, "string(//form[button[@id='logout']]/@action)"),
	    "/u/logout", "hz-export's page signs an agent out of /u/");
	is_str(hc_xpath(s, "string(//a[@class='button'][last()]/@href)"), "/u/",
	    "... and leads home to /u/");

	/* Export: the page's link goes to hz-export; old links follow. */
	export_checks(a);
	snprintf(path, sizeof(path), "/u/roster?unit=%lld", unit);
	hc_get(a, path);
	is_int(hc_post(a, "/u/roster/remove", "unit", u, "id", member, NULL), 303,
	    "removed");
	snprintf(q, sizeof(q), "SELECT unit_id IS NULL FROM member WHERE id = %s",
	    member);
	is_int(test_sql_int(q), 1, "no longer in the unit");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM membership WHERE member_id ="
	    " %s AND ended_at IS NOT NULL", member);
	is_int(test_sql_int(q), 1, "会籍 closed, history kept");

	age_edge(a);
	typed_kept(a);

	hc_free(a);
	hc_free(o);
	hc_free(s);
	return tap_done();
}
