/*
 * t_coverage.c -- 参保记录 on the three portals: the unit's (filters by
 * 申请编号, 证件号码, 参保项目 and 参保年份, this year by default, a period
 * spanning two years in both, paging, statuses, masked numbers, the
 * export read back), the office's across units and districts, the
 * member's own at /m/coverage; and who may see which: another unit's
 * agent, staff without 医疗互助, the office roles, another member.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define CHAIR_A	"13800000001"	/* chairman of unit A (5); staff of 6 */
#define CHAIR_B	"13800000003"	/* chairman of unit B (7) */
#define UNIT_A	5
#define UNIT_B	7
#define UNIT_S	6		/* CHAIR_A is staff there, no 医疗互助 */

static int year;
static char path[512];

/* The id (and, when id_number, the ID number) of unit `unit`'s member
 * number `n` by id. */
static long long
member_of(long long unit, int n, char id_number[32])
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE unit_id ="
	    " %lld ORDER BY id LIMIT 1 OFFSET %d", unit, n);
	if (id_number)
		snprintf(id_number, 32, "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE unit_id = %lld"
	    " ORDER BY id LIMIT 1 OFFSET %d", unit, n);
	return test_sql_int(q);
}

/* GET a page; returns the rows of its records table. */
static int
rows(struct hc *c, const char *fmt, ...)
{
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	if ((st = hc_get(c, path)) != 200) {
		printf("# GET %s: %d\n", path, st);
		return -1;
	}
	return hc_count(c, "//table[@id='coverage']/tbody/tr");
}

/* The total the page says (共 N 条). */
static int
total(struct hc *c)
{
	return atoi(hc_xpath(c, "string(//*[@id='coverage-total'])"));
}

/* An application number of this test: CB, the year, 01, 9 and `n`. */
static const char *
no(int n, char buf[16])
{
	snprintf(buf, 16, "CB%04d019%03d", year, n);
	return buf;
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *r1 = hc_new(),
	    *fin = hc_new(), *med = hc_new(), *m = hc_new(), *m2 = hc_new();
	char n1[16], n2[16], n3[16], n4[16], n5[16], n6[16];
	char y0[16], y1[16], yp[16], yn[16], ida[32], idb[32], q[512];
	char masked[64];
	const char *text;
	long long e1, e2, p1, p2, ma, mb, mnone, fulls;
	int nrows;

	year = this_year();
	snprintf(y0, sizeof(y0), "%d-01-01", year);
	snprintf(y1, sizeof(y1), "%d-12-31", year);
	snprintf(yp, sizeof(yp), "%d", year - 1);
	snprintf(yn, sizeof(yn), "%d", year + 1);
	{
		char s2[16], e2s[16], s3[16], e3[16], s5[16], e5[16];
		struct enroll_fix f;

		snprintf(s2, sizeof(s2), "%d-07-01", year);
		snprintf(e2s, sizeof(e2s), "%d-06-30", year + 1);
		snprintf(s3, sizeof(s3), "%d-01-01", year - 1);
		snprintf(e3, sizeof(e3), "%d-12-31", year - 1);
		snprintf(s5, sizeof(s5), "%d-01-01", year + 1);
		snprintf(e5, sizeof(e5), "%d-12-31", year + 1);
		/* A: 25 members this year under 医疗 and 5 under 重疾 from
		 * July to next June; 3 last year; 2 next year; B: 30. */
		f = (struct enroll_fix){ no(1, n1), UNIT_A, "TCOV1",
		    "第十九期职工医疗互助保障活动", 12000, y0, y1, "done", 0, 25,
		    -1 };
		e1 = enroll_fixture(&f);
		f = (struct enroll_fix){ no(2, n2), UNIT_A, "TCOV2",
		    "重大疾病互助保障", 5000, s2, e2s, "done", 0, 5, -1 };
		e2 = enroll_fixture(&f);
		f = (struct enroll_fix){ no(3, n3), UNIT_A, "TCOV1", NULL, 12000,
		    s3, e3, "done", 0, 3, -1 };
		ok(enroll_fixture(&f) > 0, "last year's application");
		f = (struct enroll_fix){ no(5, n5), UNIT_A, "TCOV1", NULL, 12000,
		    s5, e5, "done", 0, 2, -1 };
		ok(enroll_fixture(&f) > 0, "next year's application");
		f = (struct enroll_fix){ no(4, n4), UNIT_B, "TCOV1", NULL, 12000,
		    y0, y1, "done", 0, 30, -1 };
		ok(enroll_fixture(&f) > 0, "unit B's application");
		/* Not finished: no coverage, nothing listed. */
		f = (struct enroll_fix){ no(6, n6), UNIT_A, "TCOV2", NULL, 5000,
		    y0, y1, "payment", 5, 10, -1 };
		ok(enroll_fixture(&f) > 0, "an application waiting for payment");
	}
	ok(e1 > 0 && e2 > 0, "applications made (%lld, %lld)", e1, e2);
	p1 = plan_id_of("TCOV1");
	p2 = plan_id_of("TCOV2");
	ma = member_of(UNIT_A, 0, ida);
	mb = member_of(UNIT_B, 0, idb);
	mnone = member_of(UNIT_A, 30, NULL);
	ok(ma > 0 && mb > 0 && mnone > 0 && strlen(ida) == 18,
	    "members of A and B found");

	hc_login_agent(a, CHAIR_A);
	hc_login_agent(b, CHAIR_B);

	/* ---- The unit's 参保记录 ---- */
	is_int(hc_get(a, "/u/coverage"), 200, "参保记录 without a unit: 200");
	snprintf(q, sizeof(q), "//*[@id='aid-units']//a[@href='/u/coverage?unit=%d']",
	    UNIT_A);
	is_int(hc_count(a, q), 1, "... asks for one of the agent's units");
	is_int(hc_count(a, "//*[@id='aid-units']//a[@href='/u/coverage?unit=6']"),
	    0, "... not one where they lack 医疗互助");
	is_int(hc_count(a, "//nav//a[@id='nav-coverage']"), 1,
	    "menu 参保业务 → 参保记录");
	is_int(hc_count(a, "//nav//a[@id='nav-invoices']"), 1,
	    "menu 参保业务 → 发票管理");

	nrows = rows(a, "/u/coverage?unit=%d", UNIT_A);
	is_int(total(a), 30, "this year by default: 25 + the 5 spanning into"
	    " next year");
	snprintf(q, sizeof(q), "%d", year);
	is_str(hc_xpath(a, "string(//select[@name='year']/option[@selected]/@value)"),
	    q, "... the year chosen is this year");
	is_int(nrows, 20, "20 a page");
	is_int(hc_count(a, "//*[@id='pager']"), 1, "a pager");
	is_int(hc_count(a, "//table[@id='coverage']//tr[@data-status='active']"),
	    20, "this year's coverage is 保障中");
	is_int(hc_count(a, "//table[@id='coverage']//span[.='保障中']"), 20,
	    "... said in words");
	is_int(rows(a, "/u/coverage?unit=%d&page=2", UNIT_A), 10,
	    "page 2: the other 10");
	/* Numbers masked, never whole on the page. */
	snprintf(masked, sizeof(masked), "%.4s**********%.4s", ida, ida + 14);
	ok(strstr(hc_body(a), ida) == NULL, "no full ID number on the page");
	is_int(rows(a, "/u/coverage?unit=%d&id=%s", UNIT_A, ida), 2,
	    "证件号码: this person's two this year");
	snprintf(q, sizeof(q), "count(//td[@class='id-number'][.='%s'])",
	    masked);
	is_str(hc_xpath(a, q), "2", "... shown masked (%s)", masked);
	is_str(hc_xpath(a, "string(//input[@name='id']/@value)"), ida,
	    "... the number typed kept in the filter");
	ok(strstr(hc_body(a), ida) != NULL && hc_count(a,
	    "//td[@class='id-number'][contains(., '*')]") == 2,
	    "... and only there in full");
	is_int(rows(a, "/u/coverage?unit=%d&id=%s&year=all", UNIT_A, ida), 4,
	    "... all years: 4 (last year, this year twice, next year)");
	is_int(rows(a, "/u/coverage?unit=%d&no=%s", UNIT_A, n2), 5,
	    "申请编号: its 5 members");
	snprintf(q, sizeof(q), "count(//table[@id='coverage']//td[@class='no']"
	    "[. != '%s'])", n2);
	is_str(hc_xpath(a, q), "0", "... every row of that application");
	{
		char lower[16];
		size_t i;

		snprintf(lower, sizeof(lower), "%s", n2);
		for (i = 0; lower[i]; i++)
			lower[i] = (char)(lower[i] == 'C' ? 'c' :
			    lower[i] == 'B' ? 'b' : lower[i]);
		is_int(rows(a, "/u/coverage?unit=%d&no=%%20%s%%20", UNIT_A,
		    lower), 5, "... typed in lower case with spaces: the same");
	}
	is_int(rows(a, "/u/coverage?unit=%d&plan=%lld", UNIT_A, p2), 5,
	    "参保项目: 重大疾病 this year, 5");
	rows(a, "/u/coverage?unit=%d&plan=%lld", UNIT_A, p1);
	is_int(total(a), 25, "... 医疗, 25");
	is_int(rows(a, "/u/coverage?unit=%d&year=%s", UNIT_A, yp), 3,
	    "last year: 3");
	is_int(hc_count(a, "//tr[@data-status='expired']"), 3, "... 已到期");
	is_int(rows(a, "/u/coverage?unit=%d&year=%s", UNIT_A, yn), 7,
	    "next year: the 5 spanning both years and next year's 2");
	is_int(hc_count(a, "//tr[@data-status='pending']"), 2,
	    "... next year's own 未生效");
	is_int(rows(a, "/u/coverage?unit=%d&year=%s&no=%s", UNIT_A, yn, n2), 5,
	    "the period spanning two years shows in the second too");
	is_int(rows(a, "/u/coverage?unit=%d&year=%d&no=%s", UNIT_A, year, n2),
	    5, "... and in the first");
	rows(a, "/u/coverage?unit=%d&year=all", UNIT_A);
	is_int(total(a), 35, "全部年份: 35");
	is_int(rows(a, "/u/coverage?unit=%d&no=%s", UNIT_A, n6), 0,
	    "an application not finished has no records");
	is_int(rows(a, "/u/coverage?unit=%d&no=%s", UNIT_A, n4), 0,
	    "another unit's application: nothing here");
	is_int(rows(a, "/u/coverage?unit=%d&id=%s", UNIT_A, idb), 0,
	    "another unit's member: nothing here");
	/* Bad input: a message at the field, the input kept, nothing found. */
	is_int(rows(a, "/u/coverage?unit=%d&no=CB123", UNIT_A), 0,
	    "申请编号 CB123: nothing");
	is_str(hc_xpath(a, "string(//*[@id='err-no'])"),
	    "申请编号为CB加10位数字，例如CB2026110001", "... and why");
	is_str(hc_xpath(a, "string(//input[@name='no']/@value)"), "CB123",
	    "... kept");
	{
		char bad[19];

		snprintf(bad, sizeof(bad), "%s", ida);
		bad[17] = bad[17] == '1' ? '2' : '1';
		is_int(rows(a, "/u/coverage?unit=%d&id=%s", UNIT_A, bad), 0,
		    "a wrong check digit: nothing");
		is_str(hc_xpath(a, "string(//*[@id='err-id'])"),
		    "身份证号码校验位不正确", "... and why");
	}
	is_int(rows(a, "/u/coverage?unit=%d&year=abc&plan=x&page=-1", UNIT_A),
	    20, "junk year, plan and page: this year, every plan, page 1");

	/* ---- The export: the same filter, full numbers, audited ---- */
	snprintf(path, sizeof(path), "/x/coverage.xlsx?unit=%d&year=%d",
	    UNIT_A, year);
	is_int(hc_get(a, path), 200, "导出: 200");
	text = hc_xlsx_text(a, &nrows);
	ok(text != NULL, "... a workbook");
	is_int(nrows, 31, "... the header and this year's 30");
	ok(text && strncmp(text, "序号\t申请编号\t姓名\t证件类型\t证件号码\t参保项目\t"
	    "单位\t保障开始\t保障结束\t状态\t保费（元）\n", 100) == 0,
	    "... its header (no district column for a unit)");
	ok(text && strstr(text, ida) != NULL, "... ID numbers in full");
	snprintf(q, sizeof(q), "\t%s\t重大疾病互助保障\t", ida);
	ok(text && strstr(text, q) != NULL, "... the plan beside the person");
	snprintf(q, sizeof(q), "\t%d-07-01\t%d-06-30\t保障中\t50.00\n", year,
	    year + 1);
	ok(text && strstr(text, q) != NULL, "... period, status, premium");
	snprintf(path, sizeof(path), "/x/coverage.xlsx?unit=%d&plan=%lld&id=%s"
	    "&year=all", UNIT_A, p1, ida);
	hc_get(a, path);
	text = hc_xlsx_text(a, &nrows);
	is_int(nrows, 4, "filtered export: 医疗 of one person, all years (3)");
	ok(text && strstr(text, "已到期") && strstr(text, "未生效"),
	    "... with last year's and next year's statuses");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'export.coverage.full' AND object_id = %d", UNIT_A);
	is_int(test_sql_int(q), 2, "each export audited");

	/* ---- Who may see a unit's records ---- */
	snprintf(path, sizeof(path), "/u/coverage?unit=%d", UNIT_A);
	is_int(hc_get(b, path), 403, "unit B's agent: A's records 403");
	snprintf(path, sizeof(path), "/x/coverage.xlsx?unit=%d", UNIT_A);
	is_int(hc_get(b, path), 403, "... A's export 403");
	ok(hc_body_len(b) < 2 || memcmp(hc_body(b), "PK", 2) != 0,
	    "... and no workbook");
	snprintf(path, sizeof(path), "/u/coverage?unit=%d", UNIT_S);
	is_int(hc_get(a, path), 403, "staff without 医疗互助: 403");
	snprintf(path, sizeof(path), "/x/coverage.xlsx?unit=%d", UNIT_S);
	is_int(hc_get(a, path), 403, "... export 403");
	is_int(hc_get(a, "/x/coverage.xlsx"), 404, "export without a unit: 404");
	is_int(rows(b, "/u/coverage?unit=%d", UNIT_B), 20, "B sees its own");
	is_int(total(b), 30, "... all 30");
	is_int(rows(b, "/u/coverage?unit=%d&no=%s", UNIT_B, n1), 0,
	    "... none of A's by A's application number");

	/* ---- The office: every unit, by district and unit ---- */
	hc_login_office(r1, "review1");
	hc_login_office(fin, "finance");
	hc_login_office(med, "medical");
	rows(r1, "/o/coverage");
	/* Other tests' coverage of this year counts too (t_claim's). */
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM coverage WHERE starts <="
	    " '%d-12-31' AND ends >= '%d-01-01' AND unit_id NOT IN (%d, %d)",
	    this_year(), this_year(), UNIT_A, UNIT_B);
	is_int(total(r1), 60 + (int)test_sql_int(q),
	    "office, this year: A's 30 and B's 30, and every other unit's");
	is_int(hc_count(r1, "//nav//a[@id='nav-coverage']"), 1,
	    "office menu → 参保记录");
	is_int(hc_count(r1, "//nav//a[@id='nav-invoices']"), 0,
	    "... 发票 only for finance");
	is_int(hc_count(r1, "//table[@id='coverage']//th[.='单位']"), 1,
	    "... with the unit column");
	is_int(rows(r1, "/o/coverage?district=2"), 20, "市南区 (A's district)");
	is_int(total(r1), 30, "... 30");
	is_int(hc_count(r1, "//td[@class='unit-name'][.!='市南区第一中学工会委员会']"),
	    0, "... all of unit A");
	rows(r1, "/o/coverage?district=3");
	is_int(total(r1), 30, "市北区 (B's district): 30");
	rows(r1, "/o/coverage?district=4");
	is_int(total(r1), 0, "崂山区: none");
	rows(r1, "/o/coverage?unit_name=%%E4%%BE%%9B%%E7%%94%%B5");	/* 供电 */
	is_int(total(r1), 30, "单位名称 供电: B's 30");
	is_str(hc_xpath(r1, "string(//input[@name='unit_name']/@value)"),
	    "供电", "... kept in the filter");
	is_int(rows(r1, "/o/coverage?id=%s&year=all", ida), 4,
	    "证件号码 across units: 4");
	ok(strstr(hc_body(r1), "**********") != NULL &&
	    hc_count(r1, "//td[@class='id-number'][contains(., '*')]") == 4,
	    "... masked");
	is_int(rows(r1, "/o/coverage?no=%s&district=3", n1), 0,
	    "A's application under B's district: none");
	{
		int i, in_order = 0;

		/* Newest period first, then newest application: the same
		 * after each worker was asked for one application (a
		 * statement MariaDB once simplified for good). */
		for (i = 0; i < 4; i++)
			rows(r1, "/o/coverage?no=%s", n1);
		snprintf(q, sizeof(q), "count((//table[@id='coverage']/tbody/tr)"
		    "[position() > 5]/td[@class='no'][. = '%s'])", n4);
		/* (Units named 市…: the demo's claims unit and other
		 * tests' have coverage of this year too.) */
		for (i = 0; i < 4; i++) {
			rows(r1, "/o/coverage?unit_name=%%E5%%B8%%82");	/* 市 */
			in_order += strcmp(hc_xpath(r1, q), "15") == 0;
		}
		is_int(in_order, 4, "office list in order: July's 5, then B's"
		    " application (the newer) before A's");
	}
	is_int(hc_get(med, "/o/coverage"), 403, "medical: 参保记录 403");
	is_int(hc_get(med, "/x/coverage-all.xlsx"), 403, "... export 403");
	hc_get(r1, "/x/coverage-all.xlsx?district=3");
	text = hc_xlsx_text(r1, &nrows);
	is_int(nrows, 31, "review1's export of 市北区: 30 and the header");
	ok(text && strstr(text, "\t区/产业工会\t") && strstr(text,
	    "市北区总工会"), "... with the district column");
	ok(text && strstr(text, idb) == NULL && strstr(text, "**********"),
	    "... numbers masked for review1");
	fulls = test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'export.coverage.full' AND object_id = 0");
	hc_get(fin, "/x/coverage-all.xlsx?district=3");
	text = hc_xlsx_text(fin, &nrows);
	ok(text && strstr(text, idb) != NULL, "finance's: numbers in full");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'export.coverage.full' AND object_id = 0"), fulls + 1,
	    "... audited as a full export");

	/* ---- The member's own: 职工参保 ---- */
	ok(hc_member_as(m, ma), "member of A signed in");
	is_int(hc_get(m, "/m/"), 200, "member home");
	is_int(hc_count(m, "//a[@id='tile-coverage'][@href='/m/coverage']"), 1,
	    "home links 职工参保");
	is_int(hc_count(m, "//*[contains(@class,'soon')][contains(., '职工参保')]"),
	    0, "... no longer 即将开放");
	is_int(hc_get(m, "/m/coverage"), 200, "职工参保: 200");
	is_int(hc_count(m, "//li[@data-coverage]"), 2,
	    "this year: 医疗 and 重疾");
	is_int(hc_count(m, "//li[@data-status='active']"), 2, "... both 保障中");
	snprintf(q, sizeof(q), "count(//li[.//h2='重大疾病互助保障']"
	    "[.//dd[@class='no']='%s'][.//dd[@class='unit']="
	    "'市南区第一中学工会委员会'])", n2);
	is_str(hc_xpath(m, q), "1", "plan, application number and unit shown");
	snprintf(q, sizeof(q), "count(//dd[@class='period'][.='%d-07-01 至 "
	    "%d-06-30'])", year, year + 1);
	is_str(hc_xpath(m, q), "1", "... and the period");
	hc_get(m, "/m/coverage?year=all");
	is_int(hc_count(m, "//li[@data-coverage]"), 4, "all years: 4");
	is_int(hc_count(m, "//li[@data-status='expired']"), 1, "... one 已到期");
	is_int(hc_count(m, "//li[@data-status='pending']"), 1, "... one 未生效");
	snprintf(path, sizeof(path), "/m/coverage?year=all&plan=%lld", p2);
	hc_get(m, path);
	is_int(hc_count(m, "//li[@data-coverage]"), 1, "plan 重疾: 1");
	snprintf(path, sizeof(path), "/m/coverage?year=%s", yp);
	hc_get(m, path);
	is_int(hc_count(m, "//li[@data-coverage]"), 1, "last year: 1");
	/* Asking for someone else's changes nothing: the session decides. */
	snprintf(path, sizeof(path), "/m/coverage?member=%lld&id=%s&unit=%d",
	    mb, idb, UNIT_B);
	hc_get(m, path);
	is_int(hc_count(m, "//li[@data-coverage]"), 2,
	    "another member named in the query: still one's own");
	ok(strstr(hc_body(m), "市北区") == NULL, "... nothing of B's");
	ok(hc_member_as(m2, mnone), "a member of A without coverage");
	hc_get(m2, "/m/coverage?year=all");
	is_int(hc_count(m2, "//li[@data-coverage]"), 0, "... sees none");
	is_int(hc_count(m2, "//*[@id='coverage-empty']"), 1, "... and says so");
	ok(hc_member_as(m2, mb), "a member of B");
	hc_get(m2, "/m/coverage");
	is_int(hc_count(m2, "//li[@data-coverage]"), 1, "... sees only B's one");
	hc_free(m2);
	m2 = hc_new();
	is_int(hc_get(m2, "/m/coverage"), 303, "signed out: to bind");

	hc_free(a);
	hc_free(b);
	hc_free(r1);
	hc_free(fin);
	hc_free(med);
	hc_free(m);
	hc_free(m2);
	return tap_done();
}
