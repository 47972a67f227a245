/*
 * t_plan.c -- 保障计划 (admin): a plan made with its items, every bad
 * input refused beside its field with nothing saved, an edit making
 * version 2 while version 1's rows stay as they were, the version in
 * force moving, withdrawing a plan taking it off plan_offered() and the
 * 单位参保时可选 list, the audit row in each change's transaction, and
 * every new route closed to everyone but admin.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "db.h"
#include "plan.h"
#include "tap.h"

/* A member has no password: the test plants the session bind makes. */
#define MEMBER_TOKEN \
	"7e1a9000000000000000000000000000000000000000000000000000000c0de5"

struct kv {
	const char	*k, *v;
};

/* A good plan as an admin types it: two items, the rest unticked. */
static const struct kv good[] = {
	{ "code", "test1" }, { "name", "测试职工医疗互助计划" },
	{ "premium", "88.00" }, { "period_months", "12" },
	{ "window_from", "2026-11-01" }, { "window_to", "2027-01-31" },
	{ "gender", "any" }, { "age_warn", "60" }, { "waiting_days", "30" },
	{ "note", "第一版的备注" },
	{ "inpatient_on", "1" }, { "inpatient_name", "住院医疗补助" },
	{ "inpatient_deductible", "500" },
	{ "inpatient_bands", "10,000.00 以下 30%\n以上 40%" },
	{ "inpatient_claim_cap", "20,000.00" },
	{ "inpatient_annual_cap", "30,000.00" },
	{ "accident_on", "1" }, { "accident_name", "" },
	{ "accident_rate", "90%" }, { "accident_annual_cap", "5000" },
	{ "accident_lump_sum", "50,000.00" }, { "accident_death_sum", "50000" },
	{ "accident_grade1", "100" }, { "accident_grade2", "90" },
	{ "accident_grade3", "80" }, { "accident_grade4", "70" },
	{ "accident_grade5", "60" }, { "accident_grade6", "50" },
	{ "accident_grade7", "40" }, { "accident_grade8", "30" },
	{ "accident_grade9", "20" }, { "accident_grade10", "10" },
	{ "days_per_day", "" }, { "days_max_days", "" },
};
#define NGOOD	(sizeof(good) / sizeof(good[0]))

/* Percent-encode s onto b (size n) at *len. */
static void
enc(char *b, size_t n, size_t *len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char ch;

	for (; *s && *len + 4 < n; s++) {
		ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
		    ch == '.') {
			b[(*len)++] = (char)ch;
			continue;
		}
		b[(*len)++] = '%';
		b[(*len)++] = hex[ch >> 4];
		b[(*len)++] = hex[ch & 15];
	}
	b[*len] = '\0';
}

/*
 * POST the good form to `path` with the page's CSRF token, changed by
 * the NULL-terminated (key, value) pairs: a value replaces the key's,
 * NULL leaves the key out, a key not in the form is added.  `extra`
 * (may be NULL) is appended as it is ("id=5&base=7").  Returns the
 * status.
 */
static int
plan_post(struct hc *c, const char *path, const char *extra, ...)
{
	static char body[16384];
	const char *over[64][2], *k, *v;
	size_t len, i, j, n = 0;
	va_list ap;

	va_start(ap, extra);
	while (n < 64 && (k = va_arg(ap, const char *)) != NULL) {
		over[n][0] = k;
		over[n++][1] = va_arg(ap, const char *);
	}
	va_end(ap);
	len = (size_t)snprintf(body, sizeof(body), "_csrf=%s%s%s",
	    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"),
	    extra ? "&" : "", extra ? extra : "");
	/* The form's keys, as changed; then the keys it does not have. */
	for (i = 0; i < NGOOD + n; i++) {
		k = i < NGOOD ? good[i].k : over[i - NGOOD][0];
		v = i < NGOOD ? good[i].v : over[i - NGOOD][1];
		for (j = 0; i < NGOOD && j < n; j++)
			if (strcmp(over[j][0], k) == 0) {
				v = over[j][1];
				break;
			}
		for (j = 0; i >= NGOOD && j < NGOOD; j++)
			if (strcmp(good[j].k, k) == 0)
				break;
		if (v == NULL || (i >= NGOOD && j < NGOOD))
			continue;
		body[len++] = '&';
		enc(body, sizeof(body), &len, k);
		body[len++] = '=';
		enc(body, sizeof(body), &len, v);
	}
	return hc_post_body(c, path, "application/x-www-form-urlencoded", body,
	    len);
}

/* s on one line, for a TAP line: its line ends as "\\n". */
static const char *
oneline(const char *s)
{
	static char buf[512];
	size_t n = 0;

	for (; *s && n + 3 < sizeof(buf); s++)
		if (*s == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else
			buf[n++] = *s;
	buf[n] = '\0';
	return buf;
}

/* What the plans' tables hold, in one line (nothing saved = the same). */
static const char *
tables(void)
{
	static char out[128];

	snprintf(out, sizeof(out), "%s", test_sql_str("SELECT CONCAT_WS('/',"
	    " (SELECT COUNT(*) FROM plan), (SELECT COUNT(*) FROM plan_version),"
	    " (SELECT COUNT(*) FROM plan_benefit), (SELECT SUM(active) FROM plan),"
	    " (SELECT COUNT(*) FROM audit_log WHERE action LIKE 'plan.%'))"));
	return out;
}

/* Every column of version `vid` and of its items, as one text. */
static const char *
version_rows(long long vid, char *out, size_t n)
{
	char q[1200];

	snprintf(q, sizeof(q), "SELECT CONCAT_WS('|', v.plan_id, v.version,"
	    " v.name, v.premium, v.period_months, v.window_from, v.window_to,"
	    " v.gender, v.age_warn, v.waiting_days, v.note, v.created_by,"
	    " v.created_at, (SELECT GROUP_CONCAT(CONCAT_WS(',', b.id, b.seq,"
	    " b.kind, b.name, b.deductible, b.bands, b.rate, b.claim_cap,"
	    " b.annual_cap, b.per_day, b.max_days, b.lump_sum, b.death_sum,"
	    " b.grades, b.diseases) ORDER BY b.seq SEPARATOR ';')"
	    " FROM plan_benefit b WHERE b.version_id = v.id))"
	    " FROM plan_version v WHERE v.id = %lld", vid);
	snprintf(out, n, "%s", test_sql_str(q));
	return out;
}

/* The text a person sees in field `name` (input, textarea or select). */
static const char *
shown(struct hc *c, const char *name)
{
	char x[400];

	snprintf(x, sizeof(x), "concat(string(//input[@name='%s']/@value),"
	    " string(//textarea[@name='%s']),"
	    " string(//select[@name='%s']/option[@selected]/@value))",
	    name, name, name);
	return hc_xpath(c, x);
}

static const char *
err_of(struct hc *c, const char *field)
{
	char x[200];

	if (field == NULL)
		return hc_xpath(c, "string(//p[contains(@class,'msg-error')])");
	snprintf(x, sizeof(x), "string(//*[@id='err-%s'])", field);
	return hc_xpath(c, x);
}

/* One bad input on the new plan's form: its message beside it. */
static const struct {
	const char	*k, *v, *k2, *v2;
	const char	*field;		/* NULL: the whole form's message */
	const char	*msg;
} bad[] = {
	{ "code", "", NULL, NULL, "code", "请填写此项" },
	{ "code", "YL-19", NULL, NULL, "code", "计划代码为2到20位字母或数字，如 YL19" },
	{ "code", "YL19", NULL, NULL, "code", "该计划代码已被其他计划使用" },
	{ "name", "", NULL, NULL, "name", "请填写此项" },
	{ "premium", "", NULL, NULL, "premium", "请填写金额" },
	{ "premium", "0", NULL, NULL, "premium", "保费须大于0" },
	{ "premium", "88.001", NULL, NULL, "premium", "金额最多只能有两位小数（到分）" },
	{ "premium", "一百", NULL, NULL, "premium", "金额格式不正确，请填写如 8323.04 的数字" },
	{ "premium", "100,000.01", NULL, NULL, "premium", "保费不能超过100,000.00元" },
	{ "period_months", "0", NULL, NULL, "period_months", "保障期限为1到36个月" },
	{ "period_months", "37", NULL, NULL, "period_months", "保障期限为1到36个月" },
	{ "period_months", "1.5", NULL, NULL, "period_months", "请填写整数" },
	{ "window_to", "", NULL, NULL, "window_to", "请同时填写集中参保期的开始和结束日期" },
	{ "window_from", "", NULL, NULL, "window_from", "请同时填写集中参保期的开始和结束日期" },
	{ "window_to", "2026-10-31", NULL, NULL, "window_to", "结束日期不能早于开始日期" },
	{ "gender", "X", NULL, NULL, "gender", "请选择" },
	{ "age_warn", "15", NULL, NULL, "age_warn", "提示年龄为16到100之间的整数" },
	{ "waiting_days", "366", NULL, NULL, "waiting_days", "等待期为0到365天" },
	{ "inpatient_bands", "", NULL, NULL, "inpatient_bands", "请填写此项" },
	{ "inpatient_bands", "10000以下 130%\n以上 40%", NULL, NULL,
	  "inpatient_bands", "第1档：比例不能超过100%" },
	{ "inpatient_bands", "20000以下 30%\n10000以下 35%\n以上 40%", NULL, NULL,
	  "inpatient_bands", "第2档：金额须高于上一档的20,000.00元" },
	{ "inpatient_bands", "10,000.00 以下 30%", NULL, NULL, "inpatient_bands",
	  "最后一档请写“以上 N%”，说明超过10,000.00元的部分按多少比例补助" },
	{ "inpatient_claim_cap", "0", NULL, NULL, "inpatient_claim_cap",
	  "金额须大于0；不设上限请留空" },
	{ "inpatient_claim_cap", "40,000.00", NULL, NULL, "inpatient_claim_cap",
	  "单次补助上限不能高于年度补助上限" },
	{ "days_on", "1", "days_per_day", "", "days_per_day", "请填写此项" },
	{ "days_on", "1", "days_max_days", "", "days_max_days", "请填写此项" },
	{ "days_on", "1", "days_max_days", "0", "days_max_days",
	  "请填写1到366之间的整数" },
	{ "critical_on", "1", "critical_diseases", "乳腺癌、乳腺癌",
	  "critical_diseases", "有重复的病种，请删去重复的一个" },
	{ "critical_on", "1", "critical_diseases", "恶性肿瘤",
	  "critical_lump_sum", "请填写此项" },
	{ "accident_annual_cap", "", NULL, NULL, "accident_annual_cap",
	  "填写了意外医疗补助比例，请同时填写补助上限" },
	{ "accident_rate", "101", NULL, NULL, "accident_rate", "比例不能超过100%" },
	{ "accident_grade3", "95", NULL, NULL, "accident_grade3",
	  "3级：不能高于较重一级的比例" },
	{ "accident_grade2", "", NULL, NULL, "accident_grade2",
	  "2级：请填写此等级的比例（较轻的等级已填写）" },
	{ "accident_grade4", "七十", NULL, NULL, "accident_grade4",
	  "4级：比例请填写0到100之间的数，最多两位小数，如 30 或 12.5%" },
	{ "accident_lump_sum", "", NULL, NULL, "accident_lump_sum",
	  "填写了伤残等级比例，请同时填写伤残补助基数" },
	{ "inpatient_on", NULL, "accident_on", NULL, NULL,
	  "请至少勾选一项保障责任，并填写它的补助规则" },
};

static void
bad_inputs(struct hc *ad)
{
	char before[128], want[64];
	size_t i;
	int st;

	snprintf(before, sizeof(before), "%s", tables());
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		hc_get(ad, "/o/plans/new");
		st = bad[i].k2 ? plan_post(ad, "/o/plans/new", NULL, bad[i].k,
		    bad[i].v, bad[i].k2, bad[i].v2, "days_per_day", "12.5",
		    NULL) : plan_post(ad, "/o/plans/new", NULL, bad[i].k,
		    bad[i].v, "days_per_day", "12.5", NULL);
		is_int(st, 200, "%s = '%s': the form again", bad[i].k,
		    oneline(bad[i].v ? bad[i].v : "(none)"));
		is_str(err_of(ad, bad[i].field), bad[i].msg, "... told %s",
		    bad[i].msg);
		/* A long form: its top says to look for the red. */
		if (bad[i].field && strcmp(bad[i].v, "YL19") != 0)
			is_str(err_of(ad, NULL), "未保存：请检查标红的项目，修改后"
			    "再保存。", "... and the top of the form says so");
		if (bad[i].k2 && bad[i].v2)	/* an item ticked: input kept */
			is_str(shown(ad, bad[i].k2), bad[i].v2, "... input kept");
		else if (bad[i].v && strcmp(bad[i].k, "gender") != 0)
			is_str(shown(ad, bad[i].k), bad[i].v, "... input kept");
		if (strcmp(bad[i].k, "days_on") != 0)
			is_str(shown(ad, "days_per_day"), "12.5",
			    "... an unticked item's input kept too");
		is_str(tables(), before, "... nothing saved");
	}
	/* Ticks are kept: what was ticked is ticked again. */
	hc_get(ad, "/o/plans/new");
	plan_post(ad, "/o/plans/new", NULL, "premium", "", NULL);
	is_int(hc_count(ad, "//input[@name='accident_on'][@checked]"), 1,
	    "a ticked item stays ticked");
	is_int(hc_count(ad, "//input[@name='days_on'][@checked]"), 0,
	    "an unticked one stays unticked");
	/* A code in the wrong case is the same code. */
	hc_get(ad, "/o/plans/new");
	plan_post(ad, "/o/plans/new", NULL, "code", "yl19", NULL);
	snprintf(want, sizeof(want), "该计划代码已被其他计划使用");
	is_str(err_of(ad, "code"), want, "yl19 is YL19: taken");
}

static long long plan_id, v1, v2;

/* The plan made, then its page. */
static void
create(struct hc *ad)
{
	char q[256];
	int st;

	hc_get(ad, "/o/plans/new");
	st = plan_post(ad, "/o/plans/new", NULL, NULL);
	is_int(st, 303, "a good plan is created");
	plan_id = test_sql_int("SELECT id FROM plan WHERE code = 'TEST1'");
	ok(plan_id > 0, "... with its code upper-cased (TEST1)");
	snprintf(q, sizeof(q), "/o/plan?id=%lld&created=1", plan_id);
	is_str(hc_location_path(ad), q, "... and its page is next");
	snprintf(q, sizeof(q), "SELECT version_id FROM plan WHERE id = %lld",
	    plan_id);
	v1 = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT CONCAT(version, ' ', premium, ' ',"
	    " active) FROM plan_version v JOIN plan p ON p.id = v.plan_id"
	    " WHERE v.id = %lld", v1);
	is_str(test_sql_str(q), "1 8800 1", "version 1 in force, 88.00, offered");
	snprintf(q, sizeof(q), "SELECT GROUP_CONCAT(CONCAT(kind, ':',"
	    " COALESCE(bands, grades)) ORDER BY seq SEPARATOR ' ') FROM"
	    " plan_benefit WHERE version_id = %lld", v1);
	is_str(test_sql_str(q), "inpatient:1000000:3000,0:4000 accident:"
	    "1:10000,2:9000,3:8000,4:7000,5:6000,6:5000,7:4000,8:3000,9:2000,"
	    "10:1000", "its bands and grades stored as the column says");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'plan.create' AND object_id = %lld AND detail = 'TEST1 第1版'",
	    plan_id);
	is_int(test_sql_int(q), 1, "... audited");
	hc_follow(ad);
	is_str(hc_xpath(ad, "string(//p[contains(@class,'msg-ok')])"),
	    "保障计划已创建（第1版）。", "the page says so");
	is_str(hc_xpath(ad, "normalize-space(//*[@id='t-premium'])"),
	    "88.00 元/人（每期）", "... shows the premium");
	is_str(hc_xpath(ad, "normalize-space((//*[@id='benefit-inpatient']"
	    "//ul[@class='bands']/li)[1])"), "10,000.00 元以下的部分：30%",
	    "... the bands in words");
	is_str(hc_xpath(ad, "normalize-space((//*[@id='benefit-inpatient']"
	    "//ul[@class='bands']/li)[2])"), "超过 10,000.00 元的部分：40%",
	    "... band by band");
	is_str(hc_xpath(ad, "string(//*[@id='benefit-accident']/h3)"),
	    "意外伤害补助", "... an item left unnamed is named as its kind");
	is_int(hc_count(ad, "//*[@id='benefit-accident']//td[@data-grade]"), 10,
	    "... the ten grades");
	is_int(hc_count(ad, "//table[@id='versions']/tbody/tr"), 1,
	    "... one version");
}

/* The edit form shows the version in force as typed. */
static void
edit_form(struct hc *ad)
{
	char path[64];

	snprintf(path, sizeof(path), "/o/plan/edit?id=%lld", plan_id);
	is_int(hc_get(ad, path), 200, "the edit form");
	is_str(shown(ad, "premium"), "88.00", "... the premium");
	is_str(shown(ad, "inpatient_bands"), "10,000.00 以下 30%\n以上 40%",
	    "... the bands as one types them");
	is_str(shown(ad, "inpatient_deductible"), "500.00", "... the deductible");
	is_str(shown(ad, "accident_rate"), "90%", "... the rate");
	is_str(shown(ad, "accident_grade10"), "10%", "... grade 10");
	is_int(hc_count(ad, "//input[@name='inpatient_on'][@checked]"), 1,
	    "... 住院医疗 ticked");
	is_int(hc_count(ad, "//input[@name='days_on'][@checked]"), 0,
	    "... 住院天数 not");
	is_str(hc_xpath(ad, "string(//button[@id='save-plan'])"), "保存为第2版",
	    "... saving makes version 2");
}

/* The edit: version 2 in force, version 1 as it was. */
static void
edit(struct hc *ad)
{
	char path[80], extra[64], before1[1100], after1[1100], q[256];
	int st;

	snprintf(extra, sizeof(extra), "id=%lld&base=%lld", plan_id, v1);
	version_rows(v1, before1, sizeof(before1));
	ok(strstr(before1, "1000000:3000,0:4000") != NULL,
	    "version 1's rows read (%.40s…)", before1);
	edit_form(ad);
	/* The same again: no version. */
	st = plan_post(ad, "/o/plan/edit", extra, "code", NULL, "accident_name",
	    "意外伤害补助", NULL);
	is_int(st, 200, "saving what is in force: the form again");
	is_str(err_of(ad, NULL), "没有任何修改，未生成新版本", "... told so");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM plan_version WHERE plan_id"
	    " = %lld", plan_id);
	is_int(test_sql_int(q), 1, "... no version made");
	/* A bad input on the edit form: told, nothing saved. */
	st = plan_post(ad, "/o/plan/edit", extra, "code", NULL, "premium", "-1",
	    NULL);
	is_str(err_of(ad, "premium"), "金额不能为负数", "a negative premium refused");
	is_int(test_sql_int(q), 1, "... no version made");
	/* The change: premium, bands, 意外伤害 out, 住院天数 in. */
	st = plan_post(ad, "/o/plan/edit", extra, "code", NULL, "premium",
	    "98", "inpatient_bands", "10000以下 35%；超过部分 45%",
	    "accident_on", NULL, "days_on", "1", "days_per_day", "20",
	    "days_max_days", "30", "note", "第二版", NULL);
	is_int(st, 303, "the edit is saved");
	snprintf(path, sizeof(path), "/o/plan?id=%lld&saved=2", plan_id);
	is_str(hc_location_path(ad), path, "... as version 2");
	is_int(test_sql_int(q), 2, "two versions");
	snprintf(q, sizeof(q), "SELECT version_id FROM plan WHERE id = %lld",
	    plan_id);
	v2 = test_sql_int(q);
	ok(v2 > v1, "plan.version_id moved to the new version");
	snprintf(q, sizeof(q), "SELECT CONCAT(version, ' ', premium, ' ', note)"
	    " FROM plan_version WHERE id = %lld", v2);
	is_str(test_sql_str(q), "2 9800 第二版", "version 2 holds the new terms");
	snprintf(q, sizeof(q), "SELECT GROUP_CONCAT(CONCAT(kind, ':',"
	    " COALESCE(bands, per_day)) ORDER BY seq SEPARATOR ' ') FROM"
	    " plan_benefit WHERE version_id = %lld", v2);
	is_str(test_sql_str(q), "inpatient:1000000:3500,0:4500 days:2000",
	    "... and the new items");
	is_str(version_rows(v1, after1, sizeof(after1)), before1,
	    "version 1's rows did not change, not one column");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'plan.edit' AND object_id = %lld AND detail = 'TEST1 第2版'",
	    plan_id);
	is_int(test_sql_int(q), 1, "the edit audited");
	hc_follow(ad);
	is_str(hc_xpath(ad, "string(//p[contains(@class,'msg-ok')])"),
	    "已保存为第2版，现行条款已更新。", "the page says so");
	is_str(hc_xpath(ad, "normalize-space(//*[@id='t-premium'])"),
	    "98.00 元/人（每期）", "... and shows the new premium");
	is_int(hc_count(ad, "//*[@id='benefit-accident']"), 0,
	    "... without 意外伤害");
	is_int(hc_count(ad, "//table[@id='versions']/tbody/tr"), 2,
	    "... two versions listed");
	/* Version 1's page, through the history. */
	snprintf(path, sizeof(path), "string(//tr[@data-version='1']//a/@href)");
	snprintf(q, sizeof(q), "%s", hc_xpath(ad, path));
	is_int(hc_get(ad, q), 200, "version 1 opens from the history (%s)", q);
	ok(hc_count(ad, "//*[@id='old-version']") == 1, "... marked 历史版本");
	is_str(hc_xpath(ad, "normalize-space(//*[@id='t-premium'])"),
	    "88.00 元/人（每期）", "... with its premium");
	is_int(hc_count(ad, "//*[@id='benefit-accident']"), 1,
	    "... and its 意外伤害");
	/* The form of a version no longer in force: someone came between. */
	st = plan_post(ad, "/o/plan/edit", extra, "code", NULL, "premium",
	    "99", NULL);
	is_int(st, 200, "saving over a version no longer in force: the form");
	ok(strstr(err_of(ad, NULL), "该计划刚被他人修改过") != NULL,
	    "... told someone came between");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM plan_version WHERE plan_id"
	    " = %lld", plan_id);
	is_int(test_sql_int(q), 2, "... no version made");
	is_str(hc_xpath(ad, "string(//input[@name='base']/@value)"),
	    test_sql_str("SELECT MAX(id) FROM plan_version"),
	    "... the form goes on from version 2");
}

/* The reading API over what the pages made. */
static void
reading_api(int offered_want)
{
	struct plan_terms t;
	struct plan_benefit b[PLAN_MAX_BENEFITS];
	struct db_res *res;
	struct db *db;
	int n, seen = 0;

	test_sql_int("SELECT 1");	/* loads the configuration */
	if ((db = db_open()) == NULL) {
		ok(0, "the database opens");
		return;
	}
	ok(plan_current(db, plan_id, &t) == 1 && t.version == 2 &&
	    t.version_id == v2 && t.premium == 9800 && t.waiting_days == 30 &&
	    strcmp(t.code, "TEST1") == 0 && t.active == offered_want,
	    "plan_current: version 2, 98.00, TEST1");
	ok(plan_terms_get(db, v1, &t) == 1 && t.version == 1 &&
	    t.premium == 8800 && t.plan_id == plan_id &&
	    strcmp(t.window_to, "2027-01-31") == 0 && t.gender == 0,
	    "plan_terms_get: version 1 as it was");
	n = plan_benefits(db, v1, b, PLAN_MAX_BENEFITS);
	ok(n == 2 && b[0].kind == PK_INPATIENT && b[0].deductible == 50000 &&
	    b[0].nbands == 2 && b[0].bands[0].upper == 1000000 &&
	    b[0].bands[0].rate == 3000 && b[0].bands[1].upper == 0 &&
	    b[0].bands[1].rate == 4000 && b[0].claim_cap == 2000000 &&
	    b[0].annual_cap == 3000000, "plan_benefits: version 1's 住院医疗");
	ok(n == 2 && b[1].kind == PK_ACCIDENT && b[1].rate == 9000 &&
	    b[1].annual_cap == 500000 && b[1].lump_sum == 5000000 &&
	    b[1].death_sum == 5000000 && b[1].grades[0] == 10000 &&
	    b[1].grades[9] == 1000, "... and its 意外伤害");
	n = plan_benefits(db, v2, b, PLAN_MAX_BENEFITS);
	ok(n == 2 && b[0].bands[0].rate == 3500 && b[1].kind == PK_DAYS &&
	    b[1].per_day == 2000 && b[1].max_days == 30,
	    "plan_benefits: version 2's items");
	is_int(plan_benefits(db, v2, b, 1), 1, "plan_benefits stops at max");
	is_int(plan_current(db, 999999, &t), 0, "plan_current: no such plan");
	if ((res = plan_offered(db)) != NULL) {
		while (db_next(res) == 1)
			if (strcmp(db_col(res, 1), "TEST1") == 0)
				seen = db_int(res, 0) == plan_id &&
				    db_int(res, 3) == 9800 && db_int(res, 4) == 12 &&
				    strcmp(db_col(res, 2), "测试职工医疗互助计划") == 0 ?
				    1 : -1;
		db_done(res);
	}
	is_int(seen, offered_want, "plan_offered %s TEST1", offered_want ?
	    "lists" : "does not list");
	db_close(db);
}

/* 停售 and 恢复在售. */
static void
offer(struct hc *ad)
{
	char path[64], id[24], q[200];

	snprintf(id, sizeof(id), "%lld", plan_id);
	snprintf(path, sizeof(path), "/o/plan?id=%lld", plan_id);
	hc_get(ad, "/o/plans");
	is_int(hc_count(ad, "//*[@id='offered']//li[@data-plan='TEST1']"), 1,
	    "TEST1 is among the plans units may choose");
	hc_get(ad, path);
	is_int(hc_post(ad, "/o/plan/active", "id", id, "active", "0", NULL), 303,
	    "停售");
	hc_follow(ad);
	is_str(hc_xpath(ad, "string(//*[@id='plan-state'])"), "已停售",
	    "... the page says 已停售");
	is_int(hc_count(ad, "//button[@id='offer']"), 1, "... and offers 恢复在售");
	hc_get(ad, "/o/plans");
	is_int(hc_count(ad, "//*[@id='offered']//li[@data-plan='TEST1']"), 0,
	    "... TEST1 is no longer offered to units");
	is_str(hc_xpath(ad, "normalize-space(//tr[@data-plan='TEST1']"
	    "/td[@class='state'])"), "已停售", "... the list says 已停售");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'plan.withdraw' AND object_id = %lld", plan_id);
	is_int(test_sql_int(q), 1, "... audited");
	reading_api(0);
	hc_get(ad, path);
	is_int(hc_post(ad, "/o/plan/active", "id", id, "active", "0", NULL), 303,
	    "停售 again: nothing to do");
	is_int(test_sql_int(q), 1, "... and nothing audited");
	hc_get(ad, path);
	is_int(hc_post(ad, "/o/plan/active", "id", id, "active", "2", NULL), 400,
	    "active=2: refused");
	hc_get(ad, path);
	is_int(hc_post(ad, "/o/plan/active", "id", "999999", "active", "1",
	    NULL), 404, "no such plan: 404");
	hc_get(ad, path);
	is_int(hc_post(ad, "/o/plan/active", "id", id, "active", "1", NULL), 303,
	    "恢复在售");
	hc_get(ad, "/o/plans");
	is_int(hc_count(ad, "//*[@id='offered']//li[@data-plan='TEST1']"), 1,
	    "... offered again");
	reading_api(1);
}

/* Odd addresses: no such plan or version, another plan's version. */
static void
not_found(struct hc *ad)
{
	char path[80];

	is_int(hc_get(ad, "/o/plan?id=999999"), 404, "no such plan: 404");
	is_int(hc_get(ad, "/o/plan"), 404, "no plan named: 404");
	is_int(hc_get(ad, "/o/plan/edit?id=999999"), 404, "editing none: 404");
	snprintf(path, sizeof(path), "/o/plan?id=%lld&v=%lld", plan_id,
	    test_sql_int("SELECT version_id FROM plan WHERE code = 'ZJ'"));
	is_int(hc_get(ad, path), 404, "another plan's version: 404");
	hc_get(ad, "/o/plans/new");
	is_int(plan_post(ad, "/o/plan/edit", "id=999999&base=1", NULL), 404,
	    "saving a plan that is not there: 404");
}

/* Make every audit row of `action` fail (t_audit's way), or heal. */
static void
audit_fails(const char *action)
{
	char q[400];

	test_sql("DROP TRIGGER IF EXISTS hz_test_audit_fail");
	if (action == NULL)
		return;
	snprintf(q, sizeof(q), "CREATE TRIGGER hz_test_audit_fail BEFORE INSERT"
	    " ON audit_log FOR EACH ROW IF NEW.action = '%s' THEN SIGNAL"
	    " SQLSTATE '45000' SET MESSAGE_TEXT = 'test: audit refused'; END IF",
	    action);
	ok(test_sql(q), "audit rows of %s now fail", action);
}

/* A change whose audit row fails did not happen. */
static void
audited(struct hc *ad)
{
	char before[128], extra[64], id[24];

	snprintf(before, sizeof(before), "%s", tables());
	snprintf(extra, sizeof(extra), "id=%lld&base=%lld", plan_id, v2);
	snprintf(id, sizeof(id), "%lld", plan_id);
	audit_fails("plan.create");
	hc_get(ad, "/o/plans/new");
	is_int(plan_post(ad, "/o/plans/new", NULL, "code", "TEST2", NULL), 500,
	    "plan.create not audited: 500");
	audit_fails("plan.edit");
	hc_get(ad, "/o/plans/new");
	is_int(plan_post(ad, "/o/plan/edit", extra, "code", NULL, "premium",
	    "77", NULL), 500, "plan.edit not audited: 500");
	audit_fails("plan.withdraw");
	hc_get(ad, "/o/plans/new");
	is_int(hc_post(ad, "/o/plan/active", "id", id, "active", "0", NULL), 500,
	    "plan.withdraw not audited: 500");
	audit_fails(NULL);
	is_str(tables(), before, "... and none of the three happened");
}

/* Every new route: admin's alone. */
static const struct {
	int		 post;
	const char	*path;
} routes[] = {
	{ 0, "/o/plans" }, { 0, "/o/plans/new" }, { 1, "/o/plans/new" },
	{ 0, "/o/plan?id=1" }, { 0, "/o/plan/edit?id=1" },
	{ 1, "/o/plan/edit" }, { 1, "/o/plan/active" },
};

/* Try route i as c; returns the status. */
static int
try_route(struct hc *c, size_t i)
{
	return routes[i].post ? plan_post(c, routes[i].path, "id=1&base=1&"
	    "active=0", "code", "EVIL", NULL) : hc_get(c, routes[i].path);
}

static void
access(void)
{
	static const char *const users[] = { "review1", "review2", "medical",
	    "finance" };
	struct hc *c;
	char before[128];
	size_t i, u;
	int st;

	snprintf(before, sizeof(before), "%s", tables());
	for (u = 0; u < 4; u++) {
		c = hc_new();
		hc_login_office(c, users[u]);
		hc_get(c, "/o/");
		is_int(hc_count(c, "//a[@id='nav-plans']"), 0,
		    "%s has no 保障计划 in the menu", users[u]);
		for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
			hc_get(c, "/o/");
			st = try_route(c, i);
			is_int(st, 403, "%s %s as %s: 403", routes[i].post ?
			    "POST" : "GET", routes[i].path, users[u]);
			ok(strstr(hc_body(c), "您没有权限访问此页面") != NULL,
			    "... for want of the role");
		}
		hc_free(c);
	}
	/* Agents, members and strangers have no office session at all. */
	test_sql("INSERT INTO session (token_hash, kind, subject_id, csrf, ip,"
	    " created_at, last_seen) SELECT UNHEX(SHA2('" MEMBER_TOKEN "',"
	    " 256)), 1, MIN(id), REPEAT('c', 64), '', NOW(), NOW() FROM member");
	test_sql("INSERT INTO member_consent (member_id, kind, version,"
	    " agreed_at, ip) SELECT m.id, t.kind, t.version, NOW(), '' FROM"
	    " consent_text t JOIN (SELECT MIN(id) AS id FROM member) m"
	    " WHERE t.is_current = 1");
	for (u = 0; u < 3; u++) {
		c = hc_new();
		if (u == 0)
			hc_login_agent(c, "13800000002");
		else if (u == 1)
			hc_set_cookie(c, "hz_m", MEMBER_TOKEN);
		is_int(hc_get(c, u == 0 ? "/u/" : u == 1 ? "/m/" : "/o/login"),
		    200, "the %s is where they belong", u == 0 ? "agent" :
		    u == 1 ? "member" : "stranger");
		for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
			st = try_route(c, i);
			ok((st == 303 && strcmp(hc_location_path(c), "/o/login") ==
			    0) || st == 403, "%s %s as %s: sent to the office"
			    " sign-in (%d)", routes[i].post ? "POST" : "GET",
			    routes[i].path, u == 0 ? "agent" : u == 1 ? "member" :
			    "stranger", st);
		}
		hc_free(c);
	}
	is_str(tables(), before, "nobody but admin changed anything");
}

int
main(void)
{
	struct hc *ad = hc_new();

	hc_login_office(ad, "admin");
	hc_get(ad, "/o/");
	is_int(hc_count(ad, "//a[@id='nav-plans'][@href='/o/plans']"), 1,
	    "admin has 保障计划 in the menu");
	access();
	bad_inputs(ad);
	create(ad);
	edit(ad);
	reading_api(1);
	offer(ad);
	not_found(ad);
	audited(ad);
	hc_free(ad);
	return tap_done();
}
