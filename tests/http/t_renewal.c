/*
 * t_renewal.c -- 续保提醒 (SPEC §5, seed 003 §六): the month's list built on
 * the 1st with its edges (10 days before the 1st to 30 after, both kept),
 * the renewed left out, the SMS at 12:00 once per unit and month to the
 * unit's agents (whatever the number of runs or of copies running at
 * once, and on a later day when the job was down on the 1st), the unit's
 * page (plans, paging, days left or overdue, 发起续保申请) and its export
 * as the 参保花名册, and who may see which unit's list.
 *
 * The clock is moved (HZ_NOW for `hzctl job renewal`), never waited for;
 * the months used are years ahead of the stack's own hz-jobs, which works
 * on the real month.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"
#include "valid.h"
#include "xlsxread.h"

#define CHAIR_A		"13700008101"	/* chairman of unit A */
#define AID_A		"13700008102"	/* staff of A with 医疗互助 */
#define PLAIN_A		"13700008103"	/* staff of A without it */
#define GONE_A		"13700008104"	/* staff of A with it, disabled */
#define CHAIR_B		"13700008201"	/* chairman of unit B */
#define UNIT_A		"续保测试甲单位工会"
#define UNIT_B		"续保测试乙单位工会"
#define PLAN1		"第十九期职工医疗互助保障活动"
#define PLAN2		"重大疾病互助保障"
#define BULK		25		/* more members of A: two pages */

static long long unit_a, unit_b, plan1, plan2;
static char tmpdir[] = "/tmp/t_renewal.XXXXXX";

/* An agent account with the demo password, profile complete. */
static long long
make_agent(const char *phone, const char *name, const char *id)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO agent (phone, name, id_number,"
	    " password_hash, profile_at) SELECT '%s', '%s', '%s', password_hash,"
	    " NOW() FROM agent WHERE phone = '13800000001'", phone, name, id);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM agent WHERE phone = '%s'", phone);
	return test_sql_int(q);
}

static void
bind(const char *phone, long long unit, const char *role, const char *perms)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO agent_unit (agent_id, unit_id, role,"
	    " perms) SELECT id, %lld, '%s', '%s' FROM agent WHERE phone = '%s'",
	    unit, role, perms, phone);
	test_sql(q);
}

static long long
make_unit(const char *name)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO org (parent_id, level, name, status)"
	    " SELECT id, 'unit', '%s', 'approved' FROM org WHERE level ="
	    " 'district' ORDER BY id LIMIT 1", name);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM org WHERE name = '%s'", name);
	return test_sql_int(q);
}

static long long
make_plan(const char *code, const char *name)
{
	char q[512];
	long long id;

	snprintf(q, sizeof(q), "INSERT INTO plan (code) VALUES ('%s')", code);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM plan WHERE code = '%s'", code);
	id = test_sql_int(q);
	snprintf(q, sizeof(q), "INSERT INTO plan_version (plan_id, version, name,"
	    " premium) VALUES (%lld, 1, '%s', 5000); UPDATE plan SET version_id ="
	    " LAST_INSERT_ID() WHERE id = %lld", id, name, id);
	test_sql(q);
	return id;
}

/* A 参保申请 that coverage rows hang on (no flow item: not needed). */
static long long
make_enroll(const char *no, long long unit, long long plan)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO enroll (no, kind, unit_id, agent_id,"
	    " plan_id, version_id) SELECT '%s', 'main', %lld, (SELECT id FROM"
	    " agent WHERE phone = '" CHAIR_A "'), id, version_id FROM plan"
	    " WHERE id = %lld", no, unit, plan);
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM enroll WHERE no = '%s'", no);
	return test_sql_int(q);
}

/* A member of `unit` (0: of none) with a valid resident ID; its id. */
static long long
make_member(const char *name, long long unit, unsigned n)
{
	char first[18], id[19], q[700], u[24];

	snprintf(first, sizeof(first), "37021219850315%03d", n % 1000);
	snprintf(id, sizeof(id), "%s%c", first, id_check_char(first));
	snprintf(u, sizeof(u), "%lld", unit);
	snprintf(q, sizeof(q), "INSERT INTO member (id_type, id_number, name,"
	    " phone, bank_card, bank_name, remarks, unit_id) VALUES (1, '%s',"
	    " '%s', '139%08u', '62284804025648%05u', '青岛银行市南支行', '备注%u',"
	    " %s)", id, name, 50000000 + n, n, n, unit ? u : "NULL");
	test_sql(q);
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE id_number = '%s'", id);
	return test_sql_int(q);
}

/* A coverage of `member` in `plan` from `starts` to `ends` (inclusive). */
static void
cover(long long member, long long plan, long long unit, long long enroll,
    const char *starts, const char *ends)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends) SELECT %lld, id,"
	    " version_id, %lld, %lld, '%s', '%s' FROM plan WHERE id = %lld",
	    member, unit, enroll, starts, ends, plan);
	ok(test_sql(q), "coverage %s .. %s of member %lld", starts, ends, member);
}

/*
 * `hzctl job renewal` at `now` (HZ_NOW); its output into out.  Returns
 * its exit status.
 */
static int
job(const char *now, char *out, size_t n)
{
	char cmd[1200];
	size_t len = 0;
	FILE *p;
	int st;

	snprintf(cmd, sizeof(cmd), "HZ_NOW='%s' '%s/hzctl' job renewal 2>&1",
	    now, getenv("HZ_BUILDDIR"));
	out[0] = '\0';
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	len = fread(out, 1, n - 1, p);
	while (len > 0 && out[len - 1] == '\n')
		len--;
	out[len] = '\0';
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Renewal SMS queued for a phone so far. */
static long long
queued(const char *phone)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM sms_outbox WHERE phone ="
	    " '%s' AND body LIKE '%%办理续保%%'", phone);
	return test_sql_int(q);
}

/* Whether `name` is on the list of unit/month (any page), as shown. */
static int
listed(struct hc *c, long long unit, const char *month, const char *name)
{
	char path[160], x[200];
	int page, found = 0;

	for (page = 1; page <= 3; page++) {
		snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=%s&page=%d",
		    unit, month, page);
		if (hc_get(c, path) != 200)
			return -1;
		snprintf(x, sizeof(x), "//table[@id='renewal']//td[@class='name'"
		    " and .='%s']", name);
		found += hc_count(c, x);
	}
	return found;
}

/* Save the last response body to a file in tmpdir. */
static const char *
save_body(struct hc *c, const char *name)
{
	return hc_save_body(c, tmpdir, name);
}

static long long m_past11, m_past10, m_ahead30, m_ahead31, m_renewed,
    m_other, m_p2, m_none, m_late, m_two, m_b;

/* Unit A's members and B's, with coverages around 2031-03-01. */
static void
fixtures(void)
{
	long long e1, e2, e3, eb;
	char q[700];
	int i;

	unit_a = make_unit(UNIT_A);
	unit_b = make_unit(UNIT_B);
	make_agent(CHAIR_A, "甲主席", "370212197001010011");
	make_agent(AID_A, "甲经办", "370212197001010038");
	make_agent(PLAIN_A, "甲干事", "370212197001010054");
	make_agent(GONE_A, "甲离职", "370212197001010070");
	make_agent(CHAIR_B, "乙主席", "370212197001010097");
	test_sql("UPDATE agent SET disabled = 1 WHERE phone = '" GONE_A "'");
	bind(CHAIR_A, unit_a, "chairman", "mutual_aid");
	bind(AID_A, unit_a, "staff", "mutual_aid");
	bind(PLAIN_A, unit_a, "staff", "");
	bind(GONE_A, unit_a, "staff", "mutual_aid");
	bind(CHAIR_B, unit_b, "chairman", "mutual_aid");
	plan1 = make_plan("RNT1", PLAN1);
	plan2 = make_plan("RNT2", PLAN2);
	e1 = make_enroll("CB2030030001", unit_a, plan1);
	e2 = make_enroll("CB2031030001", unit_a, plan1);
	e3 = make_enroll("CB2031030002", unit_a, plan2);
	eb = make_enroll("CB2030030002", unit_b, plan1);
	ok(unit_a > 0 && unit_b > 0 && plan1 > 0 && e1 > 0 && eb > 0,
	    "units, agents, plans and applications made");

	/* The edges of 2031-03's window: 2031-02-19 .. 2031-03-31. */
	m_past11 = make_member("续前十一", unit_a, 1);
	cover(m_past11, plan1, unit_a, e1, "2030-02-19", "2031-02-18");
	m_past10 = make_member("续前十", unit_a, 2);
	cover(m_past10, plan1, unit_a, e1, "2030-02-20", "2031-02-19");
	m_ahead30 = make_member("续后三十", unit_a, 3);
	cover(m_ahead30, plan1, unit_a, e1, "2030-04-01", "2031-03-31");
	m_ahead31 = make_member("续后三一", unit_a, 4);
	cover(m_ahead31, plan1, unit_a, e1, "2030-04-02", "2031-04-01");
	/* Renewed: the next period of the same plan exists. */
	m_renewed = make_member("续已续保", unit_a, 5);
	cover(m_renewed, plan1, unit_a, e1, "2030-03-11", "2031-03-10");
	cover(m_renewed, plan1, unit_a, e2, "2031-03-11", "2032-03-10");
	/* A later period of another plan is no renewal of this one. */
	m_other = make_member("续他计划", unit_a, 6);
	cover(m_other, plan1, unit_a, e1, "2030-03-16", "2031-03-15");
	cover(m_other, plan2, unit_a, e3, "2031-03-16", "2032-03-15");
	m_p2 = make_member("续重疾", unit_a, 7);
	cover(m_p2, plan2, unit_a, e3, "2030-03-21", "2031-03-20");
	/* In no unit's roster any more: nobody can renew them. */
	m_none = make_member("续无单位", unit_a, 8);
	cover(m_none, plan1, unit_a, e1, "2030-03-06", "2031-03-05");
	snprintf(q, sizeof(q), "UPDATE member SET unit_id = NULL WHERE id = %lld",
	    m_none);
	test_sql(q);
	/* Renews after the list is built. */
	m_late = make_member("续晚续保", unit_a, 9);
	cover(m_late, plan1, unit_a, e1, "2030-03-26", "2031-03-25");
	/* Two plans ending: two rows, one person. */
	m_two = make_member("续两计划", unit_a, 14);
	cover(m_two, plan1, unit_a, e1, "2030-03-13", "2031-03-12");
	cover(m_two, plan2, unit_a, e3, "2030-03-13", "2031-03-12");
	m_b = make_member("续乙职工", unit_b, 10);
	cover(m_b, plan1, unit_b, eb, "2030-03-03", "2031-03-02");
	for (i = 0; i < BULK; i++) {
		char name[32];
		long long m;

		snprintf(name, sizeof(name), "续批量%02d", i);
		m = make_member(name, unit_a, 100 + i);
		snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
		    " version_id, unit_id, enroll_id, starts, ends) SELECT %lld, id,"
		    " version_id, %lld, %lld, '2030-03-29', '2031-03-28' FROM plan"
		    " WHERE id = %lld", m, unit_a, e1, plan1);
		test_sql(q);
	}
}

/* The 1st at 11:00 builds the list and sends nothing; 12:00 sends once. */
static void
job_runs(void)
{
	char out[1024], q[256];
	long long a, b, c, gone, plain;

	is_int(job("2031-03-01 11:00:00", out, sizeof(out)), 0,
	    "hzctl job renewal at 11:00 on the 1st");
	ok(strstr(out, "list built") != NULL, "... builds the list (%s)", out);
	ok(strstr(out, "SMS not before 12:00") != NULL, "... and sends nothing");
	snprintf(q, sizeof(q), "SELECT members FROM renewal_unit WHERE month ="
	    " '2031-03-01' AND unit_id = %lld", unit_a);
	is_int(test_sql_int(q), 6 + BULK, "unit A: 31 people listed when built");
	snprintf(q, sizeof(q), "SELECT members FROM renewal_unit WHERE month ="
	    " '2031-03-01' AND unit_id = %lld", unit_b);
	is_int(test_sql_int(q), 1, "unit B: 1 listed");
	is_int(queued(CHAIR_A) + queued(AID_A) + queued(CHAIR_B), 0,
	    "no SMS before 12:00");
	is_int(job("2031-03-01 11:59:59", out, sizeof(out)), 0, "11:59:59 again");
	ok(strstr(out, "already built") && strstr(out, "SMS not before"),
	    "... nothing new");

	is_int(job("2031-03-01 12:00:00", out, sizeof(out)), 0, "12:00 on the 1st");
	a = queued(CHAIR_A);
	b = queued(AID_A);
	c = queued(CHAIR_B);
	gone = queued(GONE_A);
	plain = queued(PLAIN_A);
	ok(a == 1 && b == 1 && c == 1, "one SMS per agent with 医疗互助"
	    " (%lld %lld %lld)", a, b, c);
	is_int(gone + plain, 0, "none to a disabled agent or one without the right");
	ok(strstr(sms_wait_text(CHAIR_A, 0), "您单位（" UNIT_A "）有31名职工的"
	    "互助保障将于近期到期，请及时登录单位经办平台办理续保。") != NULL,
	    "the sink got A's text: %s", sms_last_text(CHAIR_A));
	ok(strstr(sms_wait_text(CHAIR_B, 0), "有1名职工") != NULL,
	    "B's chairman told of B's one");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'renewal.sms' AND object_id = %lld", unit_a);
	is_int(test_sql_int(q), 1, "A's SMS audited once");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'renewal.build' AND object_id = 203103"), 1, "the build audited");

	is_int(job("2031-03-01 12:00:00", out, sizeof(out)), 0, "12:00 again");
	is_int(job("2031-03-20 09:00:00", out, sizeof(out)), 0, "the 20th");
	ok(strstr(out, "0 units told, 0 SMS") != NULL, "... nothing sent (%s)",
	    out);
	is_int(queued(CHAIR_A) + queued(AID_A) + queued(CHAIR_B), 3,
	    "still one SMS each this month");
}

/*
 * Next month, a new list and a new SMS; a month whose 1st the job
 * missed is sent on the day it runs; two copies at once send once.
 */
static void
later_months(void)
{
	char out[1024], q[512], cmd[1200];
	long long eb, m_june, m_july;

	is_int(job("2031-04-01 12:30:00", out, sizeof(out)), 0, "2031-04-01 12:30");
	ok(strstr(out, "list built") && strstr(out, "1 units told"),
	    "... a new list, told at once (%s)", out);
	snprintf(q, sizeof(q), "SELECT members FROM renewal_unit WHERE month ="
	    " '2031-04-01' AND unit_id = %lld", unit_a);
	/* 2031-03-22 .. 2031-05-01: 后三十, 后三一, the batch; 晚续保 renewed. */
	is_int(test_sql_int(q), 2 + BULK, "April: A's list");
	is_int(queued(CHAIR_A), 2, "A's chairman told again in April");
	is_int(queued(CHAIR_B), 1, "B has nobody in April: not told");

	eb = test_sql_int("SELECT id FROM enroll WHERE no = 'CB2030030002'");
	m_june = make_member("续乙六月", unit_b, 12);
	cover(m_june, plan2, unit_b, eb, "2030-06-11", "2031-06-10");
	is_int(job("2031-06-04 09:30:00", out, sizeof(out)), 0,
	    "June: the job's first run is on the 4th, 09:30");
	ok(strstr(out, "list built") && strstr(out, "1 units told"),
	    "... builds and tells B at once (%s)", out);
	is_int(queued(CHAIR_B), 2, "B's chairman told once for June");
	job("2031-06-04 09:31:00", out, sizeof(out));
	is_int(queued(CHAIR_B), 2, "... and not again");

	/* July: three copies at 12:00 on the 1st. */
	m_july = make_member("续乙七月", unit_b, 13);
	cover(m_july, plan1, unit_b, eb, "2030-07-06", "2031-07-05");
	snprintf(cmd, sizeof(cmd), "for i in 1 2 3; do HZ_NOW='2031-07-01"
	    " 12:00:00' '%s/hzctl' job renewal >/dev/null 2>&1 & done; wait",
	    getenv("HZ_BUILDDIR"));
	is_int(system(cmd), 0, "three copies of the job at once");
	is_int(queued(CHAIR_B), 3, "B's chairman told once for July");
	is_int(test_sql_int("SELECT COUNT(*) FROM renewal_item WHERE month ="
	    " '2031-07-01'"), 1, "July's list built once");
}

/* The unit's page: edges, renewed, plans, paging, days, the form. */
static void
page_checks(struct hc *a)
{
	char path[200], x[200], q[256];
	long long days;

	is_int(listed(a, unit_a, "2031-03", "续前十一"), 0, "ended 11 days"
	    " before the 1st: not listed");
	is_int(listed(a, unit_a, "2031-03", "续前十"), 1, "10 days before: listed");
	is_int(listed(a, unit_a, "2031-03", "续后三十"), 1, "30 days after: listed");
	is_int(listed(a, unit_a, "2031-03", "续后三一"), 0, "31 days after: not");
	is_int(listed(a, unit_a, "2031-03", "续已续保"), 0, "renewed: not listed");
	is_int(listed(a, unit_a, "2031-03", "续他计划"), 1, "a later period of"
	    " another plan is no renewal: listed");
	is_int(listed(a, unit_a, "2031-03", "续无单位"), 0, "in no roster: not");
	is_int(listed(a, unit_a, "2031-03", "续乙职工"), 0, "B's member not on A's");
	is_int(listed(a, unit_a, "2031-03", "续两计划"), 2, "two plans ending:"
	    " a row each");

	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03", unit_a);
	is_int(hc_get(a, path), 200, "A's March list");
	is_str(hc_xpath(a, "string(//*[@id='renewal-total'])"), "32", "32 rows");
	is_str(hc_xpath(a, "string(//*[@id='renewal-month'])"), "2031年3月",
	    "the month named");
	is_int(hc_count(a, "//table[@id='renewal']/tbody/tr"), 20, "20 a page");
	is_int(hc_count(a, "//nav[@id='pager']//a[@id='next']"), 1, "a next page");
	is_int(hc_count(a, "//form[@id='renew-form']"), 0, "no 发起续保申请"
	    " before a plan is picked");
	is_int(hc_count(a, "//*[@id='pick-plan']"), 1, "... the page says so");
	ok(strchr(hc_xpath(a, "string(//tr[td[@class='name']='续前十']"
	    "/td[@class='id-number'])"), '*') != NULL, "ID numbers masked");
	is_str(hc_xpath(a, "string(//tr[td[@class='name']='续前十']"
	    "/td[@class='ends'])"), "2031-02-19", "period end shown");
	days = test_sql_int("SELECT DATEDIFF('2031-02-19', DATE(UTC_TIMESTAMP()"
	    " + INTERVAL 8 HOUR))");
	snprintf(x, sizeof(x), "剩余 %lld 天", days);
	is_str(hc_xpath(a, "normalize-space(//tr[td[@class='name']='续前十']"
	    "/td[@class='days'])"), x, "days left counted from today");
	snprintf(x, sizeof(x), "//select[@id='f-plan']/option[@value='%lld']",
	    plan2);
	ok(strstr(hc_xpath(a, x), PLAN2) != NULL, "plans offered as a filter");
	snprintf(x, sizeof(x), "//select[@id='f-month']/option[@value='2031-03']");
	is_int(hc_count(a, x), 1, "months offered");

	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03"
	    "&plan=%lld", unit_a, plan2);
	is_int(hc_get(a, path), 200, "filtered by plan 2");
	is_int(hc_count(a, "//table[@id='renewal']/tbody/tr"), 2, "two rows");
	is_int(hc_count(a, "//table[@id='renewal']//td[@class='name' and"
	    " (.='续重疾' or .='续两计划')]"), 2, "... plan 2's members");
	is_str(hc_xpath(a, "string(//form[@id='renew-form']/@action)"),
	    "/u/enroll/new", "发起续保申请 posts to /u/enroll/new");
	snprintf(x, sizeof(x), "%lld", plan2);
	is_str(hc_xpath(a, "string(//form[@id='renew-form']//input[@name="
	    "'plan']/@value)"), x, "... with plan=<plan id>");
	is_str(hc_xpath(a, "string(//form[@id='renew-form']//input[@name="
	    "'from']/@value)"), "renewal", "... and from=renewal");
	is_str(hc_xpath(a, "string(//form[@id='renew-form']/@method)"), "post",
	    "... a POST form");
	/* 发起续保申请: an application of that plan with the list's people. */
	snprintf(x, sizeof(x), "%lld", unit_a);
	snprintf(path, sizeof(path), "%lld", plan2);
	is_int(hc_post(a, "/u/enroll/new", "unit", x, "plan", path, "from",
	    "renewal", "month", "2031-03", NULL), 303, "发起续保申请");
	ok(strncmp(hc_location_path(a), "/u/enroll?id=", 13) == 0,
	    "... opens the new application (%s)", hc_location_path(a));
	hc_get(a, hc_location_path(a));
	is_str(hc_xpath(a, "string(//*[@id='d-headcount'])"), "2",
	    "... with plan 2's two people of the list");
	is_int(hc_count(a, "//table[@id='members']//td[.='续重疾' or .='续两计划']"),
	    2, "... by name");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03"
	    "&plan=%lld", unit_a, plan2);
	hc_get(a, path);

	/* Bad filters: a message, the list still there. */
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03"
	    "&plan=abc", unit_a);
	is_int(hc_get(a, path), 200, "plan=abc");
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "没有该保障计划") != NULL, "... told, every plan shown");
	is_str(hc_xpath(a, "string(//*[@id='renewal-total'])"), "32", "... 32");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-13",
	    unit_a);
	is_int(hc_get(a, path), 200, "month=2031-13");
	ok(strstr(hc_xpath(a, "string(//p[contains(@class,'msg-error')])"),
	    "月份格式不正确") != NULL, "... told, this month shown");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-08",
	    unit_a);
	hc_get(a, path);
	is_int(hc_count(a, "//*[@id='not-built']"), 1, "a month not built yet"
	    " says so");

	/* Renewed after the list was built: gone from the page. */
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends) SELECT %lld, id,"
	    " version_id, %lld, (SELECT id FROM enroll WHERE no ="
	    " 'CB2031030001'), '2031-03-26', '2032-03-25' FROM plan WHERE id ="
	    " %lld", m_late, unit_a, plan1);
	ok(test_sql(q), "续晚续保 renews after the 1st");
	is_int(listed(a, unit_a, "2031-03", "续晚续保"), 0, "... and leaves the list");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03", unit_a);
	hc_get(a, path);
	is_str(hc_xpath(a, "string(//*[@id='renewal-total'])"), "31", "31 left");
}

/* A list of a month gone by: the days shown as overdue. */
static void
overdue_checks(struct hc *a)
{
	char month[16], ends[16], starts[16], now[32], out[512], path[160], q[512];
	char want[64];
	long long m, days;

	snprintf(month, sizeof(month), "%s", test_sql_str("SELECT DATE_FORMAT("
	    "CURDATE() - INTERVAL 2 MONTH, '%Y-%m-01')"));
	snprintf(ends, sizeof(ends), "%s", test_sql_str("SELECT DATE_FORMAT("
	    "CURDATE() - INTERVAL 2 MONTH, '%Y-%m-01') - INTERVAL 3 DAY"));
	snprintf(starts, sizeof(starts), "%s", test_sql_str("SELECT DATE_FORMAT("
	    "CURDATE() - INTERVAL 2 MONTH, '%Y-%m-01') - INTERVAL 1 YEAR"));
	m = make_member("续已过期", unit_a, 11);
	snprintf(q, sizeof(q), "SELECT id FROM enroll WHERE no = 'CB2030030001'");
	cover(m, plan1, unit_a, test_sql_int(q), starts, ends);
	snprintf(now, sizeof(now), "%s 10:00:00", month);
	is_int(job(now, out, sizeof(out)), 0, "the list of %s", month);
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=%.7s", unit_a,
	    month);
	is_int(hc_get(a, path), 200, "A's list of %.7s", month);
	snprintf(q, sizeof(q), "SELECT DATEDIFF(CURDATE(), '%s')", ends);
	days = test_sql_int(q);
	snprintf(want, sizeof(want), "已过期 %lld 天", days);
	is_str(hc_xpath(a, "normalize-space(//tr[td[@class='name']='续已过期']"
	    "/td[@class='days'])"), want, "ended: %s", want);
}

/* The export: the 参保花名册 layout, full numbers, audited. */
static void
export_checks(struct hc *a)
{
	static const char *const head[] = { "序号", "姓名",
	    "居民身份证号(证件号码)", "社保卡银行卡号", "开户行", "手机号", "备注" };
	struct xlsx_reader *xr;
	struct xlsx_row row;
	enum xlsx_status st;
	char path[200], q[256], first[64] = "", title[512] = "";
	char bank[40] = "", phone[16] = "", bankname[64] = "";
	const char *disp;
	int n = 0, late = 0, i, heads = 1;

	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03", unit_a);
	hc_get(a, path);
	snprintf(q, sizeof(q), "/u/renewal.xlsx?unit=%lld&month=2031-03&plan=",
	    unit_a);
	is_str(hc_xpath(a, "string(//a[@id='export']/@href)"), q,
	    "the page links to its export");
	is_int(hc_get(a, q), 200, "export downloads");
	disp = hc_header(a, "Content-Disposition");
	ok(disp && strstr(disp, "attachment") != NULL, "as an attachment");
	xr = xlsx_open(save_body(a, "march.xlsx"), NULL, &st);
	ok(xr != NULL, "an xlsx");
	while (xr && xlsx_next_row(xr, &row) == 1) {
		if (row.rownum == 1 && row.ncells > 0)
			snprintf(title, sizeof(title), "%s", row.cells[0].text);
		if (row.rownum == 3)
			for (i = 0; i < 7; i++)
				heads &= (size_t)i < row.ncells &&
				    strcmp(row.cells[i].text, head[i]) == 0;
		if (row.rownum < 4 || row.ncells < 6)
			continue;
		n++;
		if (n == 1) {
			snprintf(first, sizeof(first), "%s", row.cells[1].text);
			snprintf(q, sizeof(q), "%s", row.cells[2].text);
			snprintf(bank, sizeof(bank), "%s", row.cells[3].text);
			snprintf(bankname, sizeof(bankname), "%s", row.cells[4].text);
			snprintf(phone, sizeof(phone), "%s", row.cells[5].text);
		}
		late += strcmp(row.cells[1].text, "续晚续保") == 0;
	}
	xlsx_close(xr);
	ok(strstr(title, UNIT_A) && strstr(title, "2031年3月"),
	    "title row names unit and month: %s", title);
	ok(heads, "row 3: 序号 姓名 居民身份证号(证件号码) 社保卡银行卡号 开户行"
	    " 手机号 备注");
	is_int(n, 31, "31 rows, as the page");
	is_int(late, 0, "the renewed one left out");
	is_str(first, "续前十", "by period end: 续前十 first");
	ok(strlen(q) == 18 && strchr(q, '*') == NULL, "full ID number (%s)", q);
	is_str(bank, "6228480402564800002", "full bank card");
	is_str(bankname, "青岛银行市南支行", "bank");
	is_str(phone, "13950000002", "full phone");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'renewal.export' AND object_id = %lld AND detail = '2031-03: 31'",
	    unit_a);
	is_int(test_sql_int(q), 1, "the export is audited with its count");

	snprintf(path, sizeof(path), "/u/renewal.xlsx?unit=%lld&month=2031-03"
	    "&plan=%lld", unit_a, plan2);
	is_int(hc_get(a, path), 200, "plan 2's export");
	xr = xlsx_open(save_body(a, "plan2.xlsx"), NULL, &st);
	n = 0;
	while (xr && xlsx_next_row(xr, &row) == 1)
		if (row.rownum == 1)
			snprintf(title, sizeof(title), "%s", row.cells[0].text);
		else if (row.rownum >= 4)
			n++;
	xlsx_close(xr);
	is_int(n, 2, "... two people");
	ok(strstr(title, PLAN2) != NULL, "... the plan in the title");
	snprintf(path, sizeof(path), "/u/renewal.xlsx?unit=%lld&month=2031-99",
	    unit_a);
	is_int(hc_get(a, path), 404, "a bad month: 404");
	ok(strstr(hc_body(a), "月份格式不正确") != NULL, "... saying why");
}

/* Who sees which list: every route of the page by every kind of user. */
static void
access_checks(void)
{
	static const char *const routes[] = { "/u/renewal", "/u/renewal.xlsx" };
	struct hc *aid = hc_new(), *plain = hc_new(), *b = hc_new(),
	    *anon = hc_new(), *off = hc_new();
	char path[160];
	size_t i;

	hc_login_agent(aid, AID_A);
	hc_login_agent(plain, PLAIN_A);
	hc_login_agent(b, CHAIR_B);
	hc_login_office(off, "admin");
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s?unit=%lld&month=2031-03",
		    routes[i], unit_a);
		is_int(hc_get(aid, path), 200, "%s: A's staff with 医疗互助", path);
		is_int(hc_get(plain, path), 403, "%s: A's staff without it", path);
		is_int(hc_get(b, path), 403, "%s: B's chairman", path);
		is_int(hc_get(anon, path), 303, "%s: anonymous", path);
		is_str(hc_location_path(anon), "/u/login", "... to sign in");
		is_int(hc_get(off, path), 303, "%s: office", path);
		is_str(hc_location_path(off), "/u/login", "... is no agent");
		snprintf(path, sizeof(path), "%s?unit=%lld&month=2031-03",
		    routes[i], unit_b);
		is_int(hc_get(b, path), 200, "%s: B's own", path);
		is_int(hc_get(aid, path), 403, "%s: A's staff on B's", path);
	}
	is_int(hc_get(aid, "/u/renewal.xlsx"), 404, "export without a unit: 404");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03", unit_b);
	hc_get(b, path);
	is_int(hc_count(b, "//table[@id='renewal']/tbody/tr"), 1, "B sees its one");
	is_str(hc_xpath(b, "string(//table[@id='renewal']//td[@class='name'])"),
	    "续乙职工", "... its own member");
	is_int(hc_get(b, "/u/renewal"), 200, "no unit: pick one");
	is_int(hc_count(b, "//ul[@id='renewal-units']/li"), 1, "... of B's");
	hc_get(aid, "/u/");
	is_int(hc_count(aid, "//a[@id='nav-renewal'][@href='/u/renewal']"), 1,
	    "the menu has 续保提醒");
	hc_get(plain, "/u/");
	is_int(hc_count(plain, "//a[@id='nav-renewal']"), 0, "... not without"
	    " 医疗互助");
	hc_free(aid);
	hc_free(plain);
	hc_free(b);
	hc_free(anon);
	hc_free(off);
}

int
main(void)
{
	struct hc *a = hc_new();
	char path[200];

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	fixtures();
	hc_login_agent(a, CHAIR_A);
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03", unit_a);
	is_int(hc_get(a, path), 200, "the page before the 1st");
	is_int(hc_count(a, "//*[@id='not-built']"), 1, "... not built yet");
	is_int(hc_count(a, "//table[@id='renewal']"), 0, "... nobody listed");

	job_runs();
	page_checks(a);
	export_checks(a);
	later_months();
	overdue_checks(a);
	access_checks();

	/* A coverage taken back (deleted) leaves the list with it. */
	snprintf(path, sizeof(path), "DELETE FROM coverage WHERE member_id ="
	    " %lld AND plan_id = %lld", m_two, plan2);
	ok(test_sql(path), "a listed coverage can be deleted");
	snprintf(path, sizeof(path), "/u/renewal?unit=%lld&month=2031-03"
	    "&plan=%lld", unit_a, plan2);
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='renewal']/tbody/tr"), 1, "... and is"
	    " gone from the list");
	hc_free(a);
	return tap_done();
}
