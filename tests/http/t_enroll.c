/*
 * t_enroll.c -- 参保申请 from draft to coverage: the number, the form's
 * refusals, picking and importing people, the eligibility check on 上报
 * and the 不可参保人员名单, the reviews with a return, segregation of
 * duties, the 缴费通知单, the payment and finance's return, coverage and
 * the SMS; another unit kept out; and two finance users confirming at
 * the same moment two applications that share a person: one coverage.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "client.h"
#include "tap.h"
#include "xlsxread.h"

static char tmpdir[] = "/tmp/hz-enroll-XXXXXX";
static char today[11], wfrom[11], wto[11], start[11];
static int pid;

/* A file of tests/data (static; two at a time). */
static const char *
data(const char *name)
{
	static char path[2][1024];
	static int i;
	const char *s = getenv("HZ_SRCDIR");

	i = !i;
	snprintf(path[i], sizeof(path[i]), "%s/tests/data/%s", s ? s : "../..",
	    name);
	return path[i];
}

/* A date `days` from today in China, into out. */
static void
day(int days, char out[11])
{
	time_t t = time(NULL) + 8 * 3600 + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A plan with one version; returns the plan id. */
static long long
plan_new(const char *code, const char *name, long long premium,
    const char *gender, int waiting)
{
	char q[1024];
	long long p, v;

	snprintf(q, sizeof(q), "INSERT INTO plan (code) VALUES ('%s')", code);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM plan WHERE code = '%s'", code);
	p = test_sql_int(q);
	snprintf(q, sizeof(q), "INSERT INTO plan_version (plan_id, version, name,"
	    " premium, period_months, window_from, window_to, gender, age_warn,"
	    " waiting_days) VALUES (%lld, 1, '%s', %lld, 12, '%s', '%s', '%s',"
	    " 60, %d)", p, name, premium, wfrom, wto, gender, waiting);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM plan_version WHERE plan_id = %lld",
	    p);
	v = test_sql_int(q);
	snprintf(q, sizeof(q), "UPDATE plan SET version_id = %lld WHERE id = %lld",
	    v, p);
	test_sql(q);
	return p;
}

/* v as text, four in turn; per thread, as double_cover() and numbers()
 * call it from several at once (shared, two confirmations once posted
 * the same application). */
static const char *
num(long long v)
{
	static _Thread_local char b[4][24];
	static _Thread_local int i;

	i = (i + 1) % 4;
	snprintf(b[i], sizeof(b[i]), "%lld", v);
	return b[i];
}

/* New application of `unit` for `plan`: its id, 0 if refused. */
static long long
app_new(struct hc *a, long long unit, long long plan)
{
	char path[80];
	long long id;

	snprintf(path, sizeof(path), "/u/enroll?unit=%lld", unit);
	hc_get(a, path);
	if (hc_post(a, "/u/enroll/new", "unit", num(unit), "plan", num(plan),
	    "kind", "main", "period_start", "", NULL) != 303)
		return 0;
	id = atoll(strstr(hc_location(a), "id=") + 3);
	hc_get(a, hc_location_path(a));
	return id;
}

static int
page(struct hc *c, long long id)
{
	char path[64];

	snprintf(path, sizeof(path), "/u/enroll?id=%lld", id);
	return hc_get(c, path);
}

/* POST on the application page's form (the page is loaded first). */
static int
act(struct hc *a, long long id, const char *path, const char *k1,
    const char *v1)
{
	page(a, id);
	return hc_post(a, path, "id", num(id), k1, v1, NULL);
}

static const char *
error_msg(struct hc *c)
{
	return hc_xpath(c, "string(//p[contains(@class,'msg-error')])");
}

static const char *
review_path(long long id)
{
	static char p[80];

	snprintf(p, sizeof(p), "/o/review?type=enroll&id=%lld", id);
	return p;
}

static int
decide(struct hc *c, long long id, const char *d, const char *reason)
{
	hc_get(c, review_path(id));
	return hc_post(c, "/o/review", "type", "enroll", "id", num(id),
	    "decision", d, "reason", reason, "pick", "", NULL);
}

/* From a draft with people and an account to 待缴费. */
static void
to_payment(struct hc *a, struct hc *r1, struct hc *r2, long long id)
{
	act(a, id, "/u/enroll/submit", "x", "");
	decide(r1, id, "approve", "");
	decide(r2, id, "approve", "");
}

/* From 待缴费 to 待确认: the money and a voucher. */
static void
to_confirm(struct hc *a, long long id, const char *paid)
{
	page(a, id);
	hc_post(a, "/u/enroll/pay", "id", num(id), "paid", paid, "paid_on",
	    today, NULL);
	page(a, id);
	hc_upload(a, "/u/enroll/upload", "file", data("stamp.png"),
	    "缴费凭证.png", "id", num(id), "kind", "voucher", NULL);
	page(a, id);
	hc_upload(a, "/u/enroll/upload", "file", data("license.pdf"),
	    "盖章花名册.pdf", "id", num(id), "kind", "roster_scan", NULL);
	act(a, id, "/u/enroll/pay/submit", "x", "");
}

/* A list in the renewal layout, with a title row above the header. */
static const char *
list_xlsx(const char *const rows[][7], size_t n)
{
	static char path[256];
	static const char *const head[7] = { "序号", "姓名",
	    "居民身份证号(证件号码)", "社保卡银行卡号", "开户行", "手机号", "备注" };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	size_t r, c;

	snprintf(path, sizeof(path), "%s/list.xlsx", tmpdir);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "“三合一”项目参保花名册", NULL);
	for (c = 0; c < 7; c++)
		worksheet_write_string(ws, 1, (lxw_col_t)c, head[c], NULL);
	for (r = 0; r < n; r++)
		for (c = 0; c < 7; c++)
			if (rows[r][c])
				worksheet_write_string(ws, (lxw_row_t)(r + 2),
				    (lxw_col_t)c, rows[r][c], NULL);
	workbook_close(wb);
	return path;
}

/* Entry `name` of the zip at `path` as text (static), "" if none. */
static const char *
zip_entry(const char *path, const char *name)
{
	static char buf[65536];
	zip_t *z;
	zip_file_t *f;
	zip_int64_t n = 0;
	int err;

	buf[0] = '\0';
	if ((z = zip_open(path, ZIP_RDONLY, &err)) == NULL)
		return buf;
	if ((f = zip_fopen(z, name, 0)) != NULL) {
		n = zip_fread(f, buf, sizeof(buf) - 1);
		zip_fclose(f);
	}
	buf[n > 0 ? n : 0] = '\0';
	zip_close(z);
	return buf;
}

/* Every cell of a workbook, joined by '|' (static). */
static const char *
cells(const char *path)
{
	static char all[16384];
	struct xlsx_reader *x;
	struct xlsx_row row;
	enum xlsx_status st;
	size_t i, n = 0;

	all[0] = '\0';
	if ((x = xlsx_open(path, NULL, &st)) == NULL)
		return all;
	while (xlsx_next_row(x, &row) == 1)
		for (i = 0; i < row.ncells; i++)
			n += (size_t)snprintf(all + n, n < sizeof(all) ?
			    sizeof(all) - n : 0, "%s|", row.cells[i].text);
	xlsx_close(x);
	return all;
}

static long long unit_a, unit_b, plan, plan_f, plan2;
static long long m_f, m_m, m_old, m_shared;
static char pa[12], pb[12], id_f[19], id_m[19], id_old[19], id_shared[19];

static void
setup(void)
{
	char name[64], code[24], birth_old[11];
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;

	pid = (int)getpid() % 100000;
	day(0, today);
	day(-10, wfrom);
	day(10, wto);
	day(11, start);
	snprintf(pa, sizeof(pa), "137%08d", pid * 10 + 1);
	snprintf(pb, sizeof(pb), "137%08d", pid * 10 + 2);
	snprintf(name, sizeof(name), "参保测试甲单位%d", pid);
	unit_a = test_unit_new(name, pa);
	snprintf(name, sizeof(name), "参保测试乙单位%d", pid);
	unit_b = test_unit_new(name, pb);
	snprintf(code, sizeof(code), "T%dA", pid);
	plan = plan_new(code, "测试职工医疗互助保障", 6000, "any", 90);
	snprintf(code, sizeof(code), "T%dF", pid);
	plan_f = plan_new(code, "测试女职工特殊疾病互助保障", 3000, "F", 0);
	snprintf(code, sizeof(code), "T%dB", pid);
	plan2 = plan_new(code, "测试重大疾病互助保障", 4000, "any", 0);
	gmtime_r(&t, &tm);
	snprintf(birth_old, sizeof(birth_old), "%04d-01-01", tm.tm_year + 1900 - 62);
	snprintf(id_f, sizeof(id_f), "%s", test_id_number("1985-03-08", pid % 400, 'F'));
	snprintf(id_m, sizeof(id_m), "%s", test_id_number("1990-07-01", pid % 400, 'M'));
	snprintf(id_old, sizeof(id_old), "%s", test_id_number(birth_old, pid % 400, 'M'));
	snprintf(id_shared, sizeof(id_shared), "%s", test_id_number("1988-11-11", pid % 400, 'F'));
	m_f = test_member_new(unit_a, "林晓燕", id_f, 'F', "1985-03-08", "13912340001");
	m_m = test_member_new(unit_a, "赵志强", id_m, 'M', "1990-07-01", NULL);
	m_old = test_member_new(unit_a, "钱建国", id_old, 'M', birth_old, NULL);
	m_shared = test_member_new(unit_a, "孙丽娟", id_shared, 'F', "1988-11-11", "13912340002");
	test_staff_new("fin2", "finance");
	test_staff_new("both", "review1,review2");
}

/* A new application: the number, the terms, the refusals of the form. */
static long long
create_and_refuse(struct hc *a, struct hc *b)
{
	char q[256], path[80], no[32];
	long long id;

	snprintf(path, sizeof(path), "/u/enroll?unit=%lld", unit_a);
	is_int(hc_get(a, path), 200, "参保申请 page");
	is_int(hc_count(a, "//select[@id='f-plan']/option[. != '请选择']") >= 3, 1,
	    "the plans on offer");
	hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan", "",
	    "kind", "main", NULL);
	ok(strlen(hc_xpath(a, "string(//*[@id='err-plan'])")) > 0,
	    "no plan: said at the plan");
	hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan", num(plan),
	    "kind", "early", "period_start", "", NULL);
	is_str(hc_xpath(a, "string(//*[@id='err-period_start'])"),
	    "请填写续保的保障起始日期，且应晚于今天", "提前续保 needs its start");
	hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan", num(plan),
	    "kind", "early", "period_start", today, NULL);
	is_str(hc_xpath(a, "string(//*[@id='err-period_start'])"),
	    "请填写续保的保障起始日期，且应晚于今天", "... after today");
	hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan", num(plan),
	    "kind", "whatever", NULL);
	ok(strlen(hc_xpath(a, "string(//*[@id='err-kind'])")) > 0,
	    "an unknown kind is refused at the kind");
	id = app_new(a, unit_a, plan);
	ok(id > 0, "主保期参保 in the plan's window: a draft");
	snprintf(no, sizeof(no), "%s", hc_xpath(a, "string(//*[@id='d-no'])"));
	ok(strncmp(no, "CB", 2) == 0 && strlen(no) == 12,
	    "numbered CB<YYYYMM><NNNN>: %s", no);
	snprintf(q, sizeof(q), "CB%.4s%.2s", today, today + 5);
	ok(strncmp(no, q, 8) == 0, "... of this month");
	ok(strncmp(hc_xpath(a, "string(//*[@id='d-period'])"), start, 10) == 0,
	    "the period starts the day after the window (%s)", start);
	is_str(flow_state_of("enroll", id), "draft", "草稿");
	is_int(hc_count(a, "//ol[@id='progress']/li[@class='current']"), 1,
	    "the progress bar");
	is_str(hc_xpath(a, "string(//ol[@id='progress']/li[@class='current'])"),
	    "1提交申请", "... at 1 提交申请");

	/* Another unit's agent sees nothing of it. */
	is_int(page(b, id), 404, "unit B's agent: 404 on A's application");
	snprintf(path, sizeof(path), "/u/enroll/form.xlsx?id=%lld", id);
	is_int(hc_get(b, path), 404, "... and on its workbook");
	hc_get(b, "/u/");
	is_int(hc_post(b, "/u/enroll/pick", "id", num(id), "all_new", "1", NULL),
	    404, "... and cannot add people to it");
	snprintf(path, sizeof(path), "/u/enroll?unit=%lld", unit_a);
	ok(hc_get(b, path) == 403 || hc_get(b, path) == 404,
	    "... nor list A's applications");
	return id;
}

static void
people(struct hc *a, long long id)
{
	char path[96];
	static const char *const rows[][7] = {
		{ "1", "无效号码", "370202198001011230", "", "", "", "" },
		{ "2", "名册外", "", "6222020200112233445", "工商银行", "13912340099", "" },
		{ "3", "赵志刚", "", "", "", "", "姓名不一致" },
		{ "4", NULL, NULL, NULL, NULL, NULL, NULL },
	};
	char rowsbuf[4][7][32];
	const char *r[4][7];
	int i, j;

	/* Submit with nothing: an account first, then people. */
	is_int(act(a, id, "/u/enroll/submit", "x", ""), 200, "上报 empty: refused");
	is_str(error_msg(a), "请至少填写一个缴费账号", "... needs a 缴费账号");
	page(a, id);
	hc_post(a, "/u/enroll/account", "id", num(id), "holder", "",
	    "bank", "工商银行", "account", "123", NULL);
	ok(strlen(hc_xpath(a, "string(//*[@id='err-holder'])")) > 0,
	    "an account needs its 户名");
	page(a, id);
	is_int(hc_post(a, "/u/enroll/account", "id", num(id), "holder",
	    "参保测试甲单位工会", "bank", "中国工商银行青岛市南支行", "account",
	    "3803020109200123456", NULL), 303, "缴费账号 added");
	page(a, id);
	hc_post(a, "/u/enroll/account", "id", num(id), "holder", "参保测试甲单位",
	    "bank", "中国建设银行青岛分行", "account", "37101986510051012345", NULL);
	page(a, id);
	is_int(hc_count(a, "//table[@id='accounts']/tbody/tr"), 2, "several accounts");
	is_int(act(a, id, "/u/enroll/submit", "x", ""), 200, "上报 with nobody");
	is_str(error_msg(a), "请先添加参保人员", "... needs people");

	/* 增加参保职工: the roster, 选择全部未参保. */
	snprintf(path, sizeof(path), "/u/enroll/pick?id=%lld&status=new", id);
	is_int(hc_get(a, path), 200, "增加参保职工");
	is_int(hc_count(a, "//table[@id='roster']/tbody/tr"), 4, "4 not yet enrolled");
	is_int(hc_post(a, "/u/enroll/pick", "id", num(id), "member", num(m_f),
	    NULL), 303, "one ticked");
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "1", "1 listed");
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='roster']/tbody/tr"), 3, "3 left to pick");
	hc_post(a, "/u/enroll/pick", "id", num(id), "all_new", "1", NULL);
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "4",
	    "选择全部未参保: 4 listed");
	is_str(hc_xpath(a, "string(//*[@id='d-ratio'])"), "3.3%",
	    "参保比例 4 of 120");
	is_str(hc_xpath(a, "string(//*[@id='d-due'])"), "240.00 元", "应缴 4 × 60.00");

	/* A list: a wrong number, a stranger, a wrong name. */
	for (i = 0; i < 4; i++)
		for (j = 0; j < 7; j++) {
			r[i][j] = rows[i][j];
			if (rows[i][j]) {
				snprintf(rowsbuf[i][j], 32, "%s", rows[i][j]);
				r[i][j] = rowsbuf[i][j];
			}
		}
	r[1][2] = test_id_number("1979-02-02", (pid + 7) % 400, 'M');
	snprintf(rowsbuf[1][2], 32, "%s", r[1][2]);
	r[1][2] = rowsbuf[1][2];
	r[2][2] = id_m;
	page(a, id);
	is_int(hc_upload(a, "/u/enroll/import", "file", list_xlsx(r, 4),
	    "续保名单.xlsx", "id", num(id), NULL), 303, "a list imported");
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "6",
	    "two more listed; the known one updated, not doubled");
	page(a, id);
	is_int(hc_upload(a, "/u/enroll/import", "file", data("stamp.png"),
	    "x.xlsx", "id", num(id), NULL), 200, "a picture is no list");
	ok(strstr(error_msg(a), "不是参保人员名单") != NULL, "... said so");
}

static void
eligibility(struct hc *a, long long id)
{
	char path[96];
	const char *all;

	is_int(act(a, id, "/u/enroll/submit", "x", ""), 200, "上报: refused");
	is_str(error_msg(a), "有3名人员不可参保，请查看不可参保人员名单：按原因修改"
	    "后重新导入，或全部移除后再上报", "3 may not enrol");
	is_str(flow_state_of("enroll", id), "draft", "still 草稿");
	page(a, id);
	is_int(hc_count(a, "//table[@id='ineligible']/tbody/tr"), 3,
	    "不可参保人员名单 of 3");
	ok(hc_count(a, "//table[@id='ineligible']//td[. = '请填写正确的证件号码']") == 1,
	    "a wrong ID number");
	ok(hc_count(a, "//table[@id='ineligible']//td[starts-with(., '不在本单位职工名册中')]") == 1,
	    "someone not in the roster");
	ok(hc_count(a, "//table[@id='ineligible']//td[. = '姓名与职工名册不一致（名册中为“赵志强”）']") == 1,
	    "a name that differs from the roster");
	snprintf(path, sizeof(path), "/u/enroll/ineligible.xlsx?id=%lld", id);
	is_int(hc_get(a, path), 200, "不可参保人员名单 as XLSX");
	all = cells(hc_save_body(a, tmpdir, "bad.xlsx"));
	ok(strstr(all, "名册外|") && strstr(all, "不在本单位职工名册中") &&
	    strstr(all, "请填写正确的证件号码") && !strstr(all, "林晓燕"),
	    "... with the reasons, and only them");
	ok(strstr(all, "不可参保原因") != NULL, "... under the list's header");

	/* Fixed in the roster: the name; the others removed in one action. */
	is_int(act(a, id, "/u/enroll/unlist", "ineligible", "1"), 303,
	    "全部移除");
	page(a, id);
	is_int(hc_count(a, "//section[@id='ineligible-card']"), 0, "the list is gone");
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "3",
	    "3 left (the misnamed one went with them)");
	/* A person fixed in the roster can be added again. */
	page(a, id);
	hc_post(a, "/u/enroll/pick", "id", num(id), "all_new", "1", NULL);
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "4",
	    "... and added again from the roster");
	is_str(hc_xpath(a, "string(//table[@id='members']//tr[td[1] = '赵志强']/td[1])"),
	    "赵志强", "... under the roster's name");
}

static void
flow(struct hc *a, struct hc *r1, struct hc *r2, struct hc *fi, long long id)
{
	struct hc *both = hc_new(), *rev = hc_new();
	char path[256];
	int sms;

	sms = sms_count(pa);
	is_int(act(a, id, "/u/enroll/submit", "x", ""), 303, "上报");
	is_str(flow_state_of("enroll", id), "review1", "待初审");
	page(a, id);
	ok(hc_count(a, "//table[@id='members']//span[@class='warn' and starts-with(., '参保时已满6')]") == 1,
	    "the 60+ person warns, not blocks");
	ok(hc_count(a, "//table[@id='members']//span[@class='warn' and contains(., '等待期90天')]") == 4,
	    "new members: 等待期 90 days");
	is_int(hc_count(a, "//form[@id='submit-form']"), 0, "no longer editable");
	is_int(act(a, id, "/u/enroll/unlist", "ineligible", "1"), 200,
	    "changing it in review is refused");

	/* The desk: review1 returns it, the agent sees why. */
	hc_get(r1, "/o/queue?type=enroll");
	snprintf(path, sizeof(path), "//table[@id='queue']//tr[@data-type='enroll' and @data-id='%lld']", id);
	is_int(hc_count(r1, path), 1, "queued for review1");
	is_int(hc_get(r1, review_path(id)), 200, "the review page");
	is_str(hc_xpath(r1, "string(//*[@id='d-headcount'])"), "4", "... shows the headcount");
	is_int(decide(fi, id, "approve", ""), 200, "finance cannot review");
	is_str(flow_state_of("enroll", id), "review1", "... still 待初审");
	is_int(decide(r1, id, "return", ""), 200, "a return needs its reason");
	is_int(decide(r1, id, "return", "缴费账号户名请填写单位全称"), 303, "returned");
	is_str(flow_state_of("enroll", id), "returned", "已退回");
	ok(sms_wait_text(pa, sms) != NULL && strstr(sms_last_text(pa), "退回") != NULL,
	    "the agent is told by SMS");
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='return-reason'])"),
	    "退回原因：缴费账号户名请填写单位全称", "the reason on the page");
	is_int(act(a, id, "/u/enroll/submit", "x", ""), 303, "上报 again");

	/* Segregation of duties: one person never takes both reviews. */
	hc_login_office(both, "both");
	is_int(decide(both, id, "approve", ""), 303, "初审 by a two-role user");
	is_int(decide(both, id, "approve", ""), 200, "... not their 复审 too");
	is_str(error_msg(both), "同一办件的各级审核不能由同一人办理",
	    "... said so");
	is_str(flow_state_of("enroll", id), "review2", "待复审");
	snprintf(path, sizeof(path), "/u/enroll/notice.xlsx?id=%lld", id);
	is_int(hc_get(a, path), 409, "no 缴费通知单 before 复审");
	sms = sms_count(pa);
	is_int(decide(r2, id, "approve", ""), 303, "复审 passes");
	is_str(flow_state_of("enroll", id), "payment", "待缴费");
	ok(strstr(sms_wait_text(pa, sms), "缴费通知单") != NULL,
	    "the agent is told to pay");
	hc_get(a, "/u/");
	snprintf(path, sizeof(path), "//tr[@class='task' and @data-type='enroll'"
	    " and @data-id='%lld']", id);
	is_int(hc_count(a, path), 1, "我的办件 lists it: 待缴费 waits for the unit");
	snprintf(path, sizeof(path), "/u/enroll/notice.xlsx?id=%lld", id);

	/* 缴费通知单 */
	is_int(hc_get(a, path), 200, "缴费通知单");
	ok(strstr(hc_header(a, "Content-Type"), "spreadsheetml") != NULL, "... XLSX");
	{
		const char *all = cells(hc_save_body(a, tmpdir, "notice.xlsx"));

		ok(strstr(all, "贰佰肆拾元整") != NULL, "大写金额 of 240.00");
		ok(strstr(all, "|240|") != NULL || strstr(all, "240") != NULL,
		    "the total in figures");
		ok(strstr(all, "收款单位") && strstr(all, "汇款附言"),
		    "the receiving account and the payment reference");
		ok(strstr(all, "4人") != NULL, "the headcount");
		all = zip_entry(hc_save_body(a, tmpdir, "notice.xlsx"), "xl/worksheets/sheet1.xml");
		ok(strstr(all, "paperSize=\"9\"") != NULL, "printed on A4");
		ok(strstr(all, "fitToPage=\"1\"") != NULL &&
		    strstr(all, "fitToWidth") == NULL && strstr(all, "fitToHeight") == NULL,
		    "... fit to one page");
		ok(strstr(all, "<pageMargins") != NULL, "... with margins");
		all = zip_entry(hc_save_body(a, tmpdir, "notice.xlsx"), "xl/workbook.xml");
		ok(strstr(all, "_xlnm.Print_Area") != NULL, "... and a print area");
	}

	/* Payment: the money and the voucher, else refused. */
	is_int(act(a, id, "/u/enroll/pay/submit", "x", ""), 200, "no amount yet");
	is_str(error_msg(a), "请填写实缴金额和缴费日期", "... said");
	page(a, id);
	hc_post(a, "/u/enroll/pay", "id", num(id), "paid", "abc", "paid_on", today, NULL);
	ok(strlen(hc_xpath(a, "string(//*[@id='err-paid'])")) > 0, "a bad amount");
	page(a, id);
	is_int(hc_post(a, "/u/enroll/pay", "id", num(id), "paid", "230.00",
	    "paid_on", today, NULL), 303, "实缴 230.00");
	is_int(act(a, id, "/u/enroll/pay/submit", "x", ""), 200, "no voucher yet");
	is_str(error_msg(a), "请上传缴费凭证", "... said");
	page(a, id);
	is_int(hc_upload(a, "/u/enroll/upload", "file", data("html-renamed.jpg"),
	    "凭证.jpg", "id", num(id), "kind", "voucher", NULL), 200,
	    "a renamed HTML file is no voucher");
	page(a, id);
	is_int(hc_upload(a, "/u/enroll/upload", "file", data("stamp.png"),
	    "缴费凭证.png", "id", num(id), "kind", "voucher", NULL), 303, "voucher");
	/* The test stack asks for the stamped roster too (enroll_scan = 1). */
	page(a, id);
	is_int(hc_count(a, "//form[@id='voucher-form']//option[@value='roster_scan']"),
	    1, "the stamped roster is asked for where configured");
	is_int(act(a, id, "/u/enroll/pay/submit", "x", ""), 200, "no stamped roster yet");
	is_str(error_msg(a), "请上传加盖公章的参保花名册", "... said");
	page(a, id);
	is_int(hc_upload(a, "/u/enroll/upload", "file", data("license.pdf"),
	    "盖章花名册.pdf", "id", num(id), "kind", "roster_scan", NULL), 303,
	    "the stamped roster (PDF)");
	is_int(act(a, id, "/u/enroll/pay/submit", "x", ""), 303, "确认提交");
	is_str(flow_state_of("enroll", id), "confirm", "待确认");

	/* Finance: due and paid side by side; returns the short payment. */
	hc_login_office(rev, "review1");
	is_int(decide(rev, id, "approve", ""), 200, "a reviewer cannot confirm payment");
	is_str(flow_state_of("enroll", id), "confirm", "... still 待确认");
	hc_get(fi, review_path(id));
	is_str(hc_xpath(fi, "string(//*[@id='d-due'])"), "240.00", "finance sees 应缴");
	is_str(hc_xpath(fi, "string(//*[@id='d-paid'])"), "230.00", "... and 实缴");
	is_int(hc_count(fi, "//*[@id='paid-differs']"), 1, "... and that they differ");
	sms = sms_count(pa);
	is_int(decide(fi, id, "return", "实缴金额与应缴不符"), 303, "finance returns it");
	is_str(flow_state_of("enroll", id), "payment", "back to 待缴费");
	ok(strstr(sms_wait_text(pa, sms), "实缴金额与应缴不符") != NULL,
	    "the agent is told why");
	page(a, id);
	is_str(hc_xpath(a, "string(//*[@id='return-reason'])"),
	    "退回原因：实缴金额与应缴不符", "... and reads it on the page");
	to_confirm(a, id, "240.00");
	is_str(flow_state_of("enroll", id), "confirm", "paid in full: 待确认");
	sms = sms_count("13912340001");
	is_int(decide(fi, id, "approve", ""), 303, "finance confirms");
	is_str(flow_state_of("enroll", id), "done", "已办结");
	snprintf(path, sizeof(path), "SELECT COUNT(*) FROM coverage WHERE enroll_id"
	    " = %lld AND starts = '%s' AND waits_until IS NOT NULL", id, start);
	is_int(test_sql_int(path), 4, "4 coverages from the period's start, each waiting");
	ok(strstr(sms_wait_text("13912340001", sms), "您已成功参加") != NULL,
	    "参保成功 to the member with a phone");
	page(a, id);
	is_str(hc_xpath(a, "string(//ol[@id='progress']/li[last()]/@class)"), "done",
	    "the bar at 6 已办结");
	hc_free(both);
	hc_free(rev);
}

struct confirm {
	struct hc	*c;
	long long	 id;
	int		 status;
	char		 said[512];
};

static void *
confirm_one(void *arg)
{
	struct confirm *k = arg;

	k->status = hc_post(k->c, "/o/review", "type", "enroll", "id",
	    num(k->id), "decision", "approve", "reason", "", "pick", "", NULL);
	snprintf(k->said, sizeof(k->said), "%s", error_msg(k->c));
	return NULL;
}

/* Two units' applications share a person; two finance users confirm
 * them at the same moment: exactly one coverage. */
static void
double_cover(struct hc *a, struct hc *b, struct hc *r1, struct hc *r2,
    struct hc *fi)
{
	struct hc *f2 = hc_new();
	struct confirm k[2];
	pthread_t th[2];
	char q[256];
	long long x, y;
	int i, done;

	x = app_new(a, unit_a, plan2);
	act(a, x, "/u/enroll/account", "holder", "甲");
	page(a, x);
	hc_post(a, "/u/enroll/account", "id", num(x), "holder", "甲单位工会",
	    "bank", "工商银行", "account", "6222000011112222", NULL);
	page(a, x);
	hc_post(a, "/u/enroll/pick", "id", num(x), "member", num(m_shared),
	    "member", num(m_m), NULL);
	to_payment(a, r1, r2, x);
	/* The person moves to unit B (会籍变更) while A's is in review. */
	snprintf(q, sizeof(q), "UPDATE member SET unit_id = %lld WHERE id = %lld",
	    unit_b, m_shared);
	test_sql(q);
	y = app_new(b, unit_b, plan2);
	page(b, y);
	hc_post(b, "/u/enroll/account", "id", num(y), "holder", "乙单位工会",
	    "bank", "建设银行", "account", "6227000011112222", NULL);
	page(b, y);
	hc_post(b, "/u/enroll/pick", "id", num(y), "all_new", "1", NULL);
	to_payment(b, r1, r2, y);
	is_str(flow_state_of("enroll", y), "payment", "B's application 待缴费");
	to_confirm(a, x, "80.00");
	to_confirm(b, y, "40.00");
	ok(strcmp(flow_state_of("enroll", x), "confirm") == 0 &&
	    strcmp(flow_state_of("enroll", y), "confirm") == 0,
	    "both wait for finance");

	hc_login_office(f2, "fin2");
	k[0].c = fi;
	k[0].id = x;
	k[1].c = f2;
	k[1].id = y;
	hc_get(fi, review_path(x));
	hc_get(f2, review_path(y));
	for (i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, confirm_one, &k[i]);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM coverage c JOIN plan p ON"
	    " p.id = c.plan_id WHERE c.member_id = %lld AND p.id = %lld",
	    m_shared, plan2);
	is_int(test_sql_int(q), 1, "exactly one coverage of the shared person");
	done = (k[0].status == 303) + (k[1].status == 303);
	is_int(done, 1, "one confirmation went through (%d, %d)",
	    k[0].status, k[1].status);
	i = k[0].status == 303 ? 1 : 0;
	ok(strstr(k[i].said, "孙丽娟") != NULL && strstr(k[i].said, "参保测试") &&
	    strstr(k[i].said, "不能重复参保"),
	    "the other is refused naming the person and the unit: %s", k[i].said);
	is_str(flow_state_of("enroll", k[i].id), "confirm", "... and waits");
	hc_free(f2);
}

/* Numbers stay unique when many are made at once. */
struct mk {
	struct hc	*c;
	long long	 unit, id;
};

static void *
make_one(void *arg)
{
	struct mk *m = arg;

	m->id = app_new(m->c, m->unit, plan_f);
	return NULL;
}

static void
numbers(void)
{
	struct mk m[6];
	pthread_t th[6];
	char q[256];
	int i;

	for (i = 0; i < 6; i++) {
		m[i].c = hc_new();
		hc_login_agent(m[i].c, i % 2 ? pb : pa);
		m[i].unit = i % 2 ? unit_b : unit_a;
	}
	for (i = 0; i < 6; i++)
		pthread_create(&th[i], NULL, make_one, &m[i]);
	for (i = 0; i < 6; i++)
		pthread_join(th[i], NULL);
	snprintf(q, sizeof(q), "SELECT COUNT(DISTINCT no) FROM enroll WHERE id IN"
	    " (%lld, %lld, %lld, %lld, %lld, %lld)", m[0].id, m[1].id, m[2].id,
	    m[3].id, m[4].id, m[5].id);
	is_int(test_sql_int(q), 6, "six applications at once: six numbers");
	for (i = 0; i < 6; i++)
		hc_free(m[i].c);
}

/* The gender rule: a women-only plan refuses a man. */
static void
gender(struct hc *a)
{
	long long id = app_new(a, unit_a, plan_f);

	page(a, id);
	hc_post(a, "/u/enroll/account", "id", num(id), "holder", "甲单位工会",
	    "bank", "工商银行", "account", "6222000011113333", NULL);
	page(a, id);
	hc_post(a, "/u/enroll/pick", "id", num(id), "member", num(m_f),
	    "member", num(m_m), NULL);
	act(a, id, "/u/enroll/submit", "x", "");
	page(a, id);
	ok(hc_count(a, "//table[@id='ineligible']//td[. = '本计划仅限女职工参加']") == 1,
	    "a man in a women-only plan");
	ok(hc_count(a, "//table[@id='ineligible']/tbody/tr") == 1, "... only him");
	is_int(act(a, id, "/u/enroll/cancel", "x", ""), 303, "the draft deleted");
	is_str(flow_state_of("enroll", id), "cancelled", "已删除");
}

/* Covered already: a new application of the same plan and period. */
static void
covered(struct hc *a)
{
	long long id = app_new(a, unit_a, plan);

	page(a, id);
	hc_post(a, "/u/enroll/account", "id", num(id), "holder", "甲单位工会",
	    "bank", "工商银行", "account", "6222000011114444", NULL);
	page(a, id);
	hc_post(a, "/u/enroll/pick", "id", num(id), "member", num(m_f), NULL);
	act(a, id, "/u/enroll/submit", "x", "");
	page(a, id);
	ok(hc_count(a, "//table[@id='ineligible']//td[starts-with(., '已在“参保测试甲单位') and contains(., '保障期重叠')]") == 1,
	    "already covered for an overlapping period: said with the unit");
	act(a, id, "/u/enroll/cancel", "x", "");
}

/* A member of unit A born `birth`, made for one edge: its id. */
static long long
edge_member(const char *name, const char *birth, int seq)
{
	char id[19];

	snprintf(id, sizeof(id), "%s", test_id_number(birth, (pid + seq) % 400,
	    'M'));
	return test_member_new(unit_a, name, id, 'M', birth, NULL);
}

/* An application of unit A for `p` with members ids[0..n), 上报ed: its
 * id (the page loaded). */
static long long
edge_app(struct hc *a, long long p, const long long *ids, int n)
{
	long long id = app_new(a, unit_a, p);
	int i;

	page(a, id);
	hc_post(a, "/u/enroll/account", "id", num(id), "holder", "甲单位工会",
	    "bank", "工商银行", "account", "6222000011115555", NULL);
	for (i = 0; i < n; i++) {
		page(a, id);
		hc_post(a, "/u/enroll/pick", "id", num(id), "member", num(ids[i]),
		    NULL);
	}
	act(a, id, "/u/enroll/submit", "x", "");
	page(a, id);
	return id;
}

/* The warning (or problem) a listed person's row shows. */
static const char *
row_note(struct hc *a, const char *name)
{
	char x[200];

	snprintf(x, sizeof(x), "normalize-space(//tr[td[1] = '%s']/td[6])", name);
	return hc_xpath(a, x);
}

/* Every rule at its edge: the window's last day and the day after it,
 * 提前续保 from tomorrow, 60 on the period's first day and a day short,
 * a coverage ending the day before the period (a renewal: no 等待期, no
 * overlap) and one ending on its first day (overlap). */
static void
edges(struct hc *a)
{
	char path[80], code[24], q[512], b60[11], b59[11], before[11];
	long long last, past, early, ids[4], id;

	day(1, before);
	snprintf(path, sizeof(path), "/u/enroll?unit=%lld", unit_a);
	snprintf(code, sizeof(code), "T%dL", pid);
	last = plan_new(code, "测试窗口末日计划", 1000, "any", 0);
	snprintf(q, sizeof(q), "UPDATE plan_version SET window_to = '%s'"
	    " WHERE plan_id = %lld", today, last);
	test_sql(q);
	ok((id = app_new(a, unit_a, last)) > 0,
	    "主保期 on the window's last day");
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(period_start, '%%Y-%%m-%%d')"
	    " FROM enroll WHERE id = %lld", id);
	is_str(test_sql_str(q), before, "... its period from tomorrow");
	act(a, id, "/u/enroll/cancel", "x", "");
	snprintf(code, sizeof(code), "T%dP", pid);
	past = plan_new(code, "测试窗口已过计划", 1000, "any", 0);
	day(-1, q);
	snprintf(q + 100, 300, "UPDATE plan_version SET window_to = '%.10s'"
	    " WHERE plan_id = %lld", q, past);
	test_sql(q + 100);
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(past), "kind", "main", NULL), 200, "... the day after: refused");
	snprintf(q, sizeof(q), "UPDATE plan_version SET window_from = '%s',"
	    " window_to = '2099-12-31' WHERE plan_id = %lld", before, past);
	test_sql(q);
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(past), "kind", "main", NULL), 200,
	    "a window opening tomorrow: refused today");
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(plan2), "kind", "early", "period_start", before, NULL), 303,
	    "提前续保 from tomorrow is taken");
	early = atoll(strstr(hc_location(a), "id=") + 3);
	act(a, early, "/u/enroll/cancel", "x", "");

	/* 60 on the period's first day warns; a day short does not. */
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT('%s' - INTERVAL 60 YEAR,"
	    " '%%Y-%%m-%%d')", start);
	snprintf(b60, sizeof(b60), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT('%s' - INTERVAL 60 YEAR +"
	    " INTERVAL 1 DAY, '%%Y-%%m-%%d')", start);
	snprintf(b59, sizeof(b59), "%s", test_sql_str(q));
	ids[0] = edge_member("满六十", b60, 11);
	ids[1] = edge_member("差一天", b59, 12);
	edge_app(a, plan2, ids, 2);
	is_str(row_note(a, "满六十"), "参保时已满60周岁", "60 that day: warned");
	is_str(row_note(a, "差一天"), "", "60 the next day: not");

	/* The day before the period: a renewal; its first day: overlap. */
	ids[2] = edge_member("续保者", "1981-02-03", 13);
	ids[3] = edge_member("重叠者", "1982-02-03", 14);
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends) SELECT m.id,"
	    " p.id, p.version_id, %lld, (SELECT MIN(id) FROM enroll),"
	    " '%s' - INTERVAL 1 YEAR, IF(m.id = %lld, '%s' - INTERVAL 1 DAY,"
	    " '%s') FROM member m, plan p WHERE m.id IN (%lld, %lld)"
	    " AND p.id = %lld", unit_a, start, ids[2], start, start, ids[2],
	    ids[3], plan);
	test_sql(q);
	edge_app(a, plan, ids + 2, 2);
	ok(strstr(row_note(a, "重叠者"), "保障期重叠") != NULL,
	    "a coverage ending on the period's first day overlaps");
	act(a, id = atoll(hc_xpath(a, "string(//input[@name='id']/@value)")),
	    "/u/enroll/unlist", "ineligible", "1");
	act(a, id, "/u/enroll/submit", "x", "");
	page(a, id);
	is_str(flow_state_of("enroll", id), "review1",
	    "one ending the day before does not");
	is_str(row_note(a, "续保者"), "", "... and renews without a 等待期");
}

/* The kinds and their periods: 提前续保 from the day given, 补充追加
 * to the end of the unit's coverage, 主保期 outside its window refused. */
static void
kinds(struct hc *a)
{
	char path[80], later[11], want[40], q[512], code[24], end[11];
	long long id, closed;

	day(30, later);
	snprintf(path, sizeof(path), "/u/enroll?unit=%lld", unit_a);
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(plan2), "kind", "early", "period_start", later, NULL), 303,
	    "提前续保 from a day the agent names");
	id = atoll(strstr(hc_location(a), "id=") + 3);
	snprintf(q, sizeof(q), "SELECT CONCAT(DATE_FORMAT(period_start, '%%Y-%%m-%%d'),"
	    " ' ', DATE_FORMAT(period_end, '%%Y-%%m-%%d')) FROM enroll WHERE id = %lld", id);
	snprintf(want, sizeof(want), "%s", test_sql_str(q));
	ok(strncmp(want, later, 10) == 0, "... starts then (%s)", want);
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(DATE_ADD('%s', INTERVAL 12 MONTH)"
	    " - INTERVAL 1 DAY, '%%Y-%%m-%%d')", later);
	snprintf(end, sizeof(end), "%s", test_sql_str(q));
	ok(strcmp(want + 11, end) == 0, "... for 12 months (%s)", end);
	act(a, id, "/u/enroll/cancel", "x", "");

	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(plan), "kind", "supplement", "period_start", "", NULL), 303,
	    "补充追加 for a new hire");
	id = atoll(strstr(hc_location(a), "id=") + 3);
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(period_end, '%%Y-%%m-%%d') FROM"
	    " enroll WHERE id = %lld", id);
	snprintf(want, sizeof(want), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(MAX(ends), '%%Y-%%m-%%d') FROM"
	    " coverage WHERE unit_id = %lld AND plan_id = %lld", unit_a, plan);
	is_str(want, test_sql_str(q), "... ends with the unit's coverage");
	act(a, id, "/u/enroll/cancel", "x", "");

	/* A plan whose window has closed: no 主保期参保 this month. */
	snprintf(code, sizeof(code), "T%dC", pid);
	closed = plan_new(code, "测试已截止计划", 1000, "any", 0);
	snprintf(q, sizeof(q), "UPDATE plan_version SET window_from = '2020-01-01',"
	    " window_to = '2020-01-31' WHERE plan_id = %lld", closed);
	test_sql(q);
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(closed), "kind", "main", NULL), 200, "主保期 outside the window");
	is_str(error_msg(a), "主保期参保只能在本单位保障期满当月或该计划的集中参保期内办理",
	    "... refused");
	/* ... unless the unit's coverage of it ends this month. */
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id, version_id,"
	    " unit_id, enroll_id, starts, ends) SELECT %lld, %lld, p.version_id,"
	   " %lld, MAX(e.id), '%s' - INTERVAL 1 YEAR + INTERVAL 1 DAY, '%s'"
	    " FROM plan p, enroll e WHERE p.id = %lld", m_f, closed, unit_a,
	    today, today, closed);
	test_sql(q);
	hc_get(a, path);
	is_int(hc_post(a, "/u/enroll/new", "unit", num(unit_a), "plan",
	    num(closed), "kind", "main", NULL), 303,
	    "... allowed in the month the unit's period expires");
	id = atoll(strstr(hc_location(a), "id=") + 3);
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(period_start, '%%Y-%%m-%%d') FROM"
	    " enroll WHERE id = %lld", id);
	day(1, later);
	is_str(test_sql_str(q), later, "... continuing it the next day");
	act(a, id, "/u/enroll/cancel", "x", "");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE object_type ="
	    " 'enroll' AND object_id = %lld AND action IN ('enroll.create',"
	    " 'flow.cancel')", id);
	is_int(test_sql_int(q), 2, "created and deleted: both audited");
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *r1 = hc_new(), *r2 = hc_new(),
	    *fi = hc_new();
	long long id;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	setup();
	hc_login_agent(a, pa);
	hc_login_agent(b, pb);
	hc_login_office(r1, "review1");
	hc_login_office(r2, "review2");
	hc_login_office(fi, "finance");
	id = create_and_refuse(a, b);
	people(a, id);
	eligibility(a, id);
	flow(a, r1, r2, fi, id);
	covered(a);
	gender(a);
	kinds(a);
	edges(a);
	double_cover(a, b, r1, r2, fi);
	numbers();
	hc_free(a);
	hc_free(b);
	hc_free(r1);
	hc_free(r2);
	hc_free(fi);
	return tap_done();
}
