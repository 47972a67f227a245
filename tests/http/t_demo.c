/*
 * t_demo.c -- the demo city `hzctl demo` loads (the test stack's data):
 * the five plans, open for enrolment today, each of their versions
 * readable and sound, 第十九期 in its second version; every unit about
 * half women, names that fit the gender, ID numbers valid (GB 11643),
 * unique and saying the member's birth date and gender, ages mostly
 * 22 to 58 and a few at 60 or more.  Reads only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "clock.h"
#include "db.h"
#include "plan.h"
#include "tap.h"
#include "valid.h"

enum { Q_PLANS, Q_VERSIONS, Q_MEMBERS, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_PLANS] =
	    "SELECT p.code, p.id, v.version, v.premium, v.gender, p.active,"
	    " v.window_from, v.window_to FROM plan p JOIN plan_version v"
	    " ON v.id = p.version_id ORDER BY p.id",
	/* The demo's five plans' (other tests make plans of their own). */
	[Q_VERSIONS] =
	    "SELECT v.id FROM plan_version v JOIN plan p ON p.id = v.plan_id"
	    " WHERE p.code IN ('YL19', 'ZJ', 'NG', 'YW', 'SHY') ORDER BY v.id",
	/* The demo's members are the first 200 of a fresh database. */
	[Q_MEMBERS] =
	    "SELECT id_number, name, gender, birth_date, unit_id FROM member"
	    " WHERE id <= 200 ORDER BY id",
};

static const struct db_table tab = { DBM_CTL, sql, Q__MAX };

/* The plans the issue asks for: code, premium, gender, versions. */
static const struct {
	const char	*code;
	long long	 premium;
	const char	*gender;
	int		 version;
} want[] = {
	{ "YL19", 6000, "any", 2 },
	{ "ZJ", 4000, "any", 1 },
	{ "NG", 3000, "F", 1 },
	{ "YW", 2000, "any", 1 },
	{ "SHY", 10000, "any", 1 },
};

static void
plans(struct db *db)
{
	struct db_res *r;
	char today[11];
	size_t i = 0;

	clock_today(today);
	if ((r = db_query(db, &tab, Q_PLANS, "")) == NULL) {
		ok(0, "the plans read");
		return;
	}
	for (i = 0; db_next(r) == 1 && i < 5; i++) {
		is_str(db_col(r, 0), want[i].code, "plan %zu is %s", i + 1,
		    want[i].code);
		is_int(db_int(r, 3), want[i].premium, "... costs %lld fen",
		    want[i].premium);
		is_str(db_col(r, 4), want[i].gender, "... gender rule %s",
		    want[i].gender);
		is_int(db_int(r, 2), want[i].version, "... in version %d",
		    want[i].version);
		ok(db_int(r, 5) == 1, "... offered");
		ok(strcmp(db_col(r, 6), today) <= 0 &&
		    strcmp(db_col(r, 7), today) >= 0,
		    "... open for enrolment today (%s .. %s)", db_col(r, 6),
		    db_col(r, 7));
	}
	is_int(i, 5, "five plans");
	db_done(r);
}

/* Every demo version reads back through plan.h and passes the rules. */
static void
versions(struct db *db)
{
	static struct plan_draft d;
	struct db_res *r;
	int n = 0, good = 0;

	if ((r = db_query(db, &tab, Q_VERSIONS, "")) == NULL) {
		ok(0, "the versions read");
		return;
	}
	while (db_next(r) == 1) {
		n++;
		if (plan_draft_get(db, db_int(r, 0), &d) == 1 &&
		    plan_draft_check(&d) == RF_OK)
			good++;
		else
			printf("# version %lld does not read or check\n",
			    (long long)db_int(r, 0));
	}
	db_done(r);
	ok(n >= 6, "six versions or more (%d)", n);
	is_int(good, n, "every version reads back and passes its checks");
}

/* 第十九期 and 三合一 as the issue gives them. */
static void
terms(struct db *db)
{
	struct plan_terms t, t1;
	struct plan_benefit b[PLAN_MAX_BENEFITS];
	long long yl = test_sql_int("SELECT id FROM plan WHERE code = 'YL19'");
	long long shy = test_sql_int("SELECT id FROM plan WHERE code = 'SHY'");
	int n;

	ok(plan_current(db, yl, &t) == 1 && t.period_months == 12 &&
	    t.age_warn == 60 && t.waiting_days == 90, "YL19: 12 months, a"
	    " warning at 60, 90 days' wait");
	n = plan_benefits(db, t.version_id, b, PLAN_MAX_BENEFITS);
	ok(n == 2 && b[0].kind == PK_INPATIENT && b[0].deductible == 0 &&
	    b[0].nbands == 2 && b[0].bands[0].upper == 1000000 &&
	    b[0].bands[0].rate == 3000 && b[0].bands[1].rate == 4000 &&
	    b[0].claim_cap == 2000000 && b[0].annual_cap == 3000000,
	    "YL19 v2 住院医疗: 30 %% to 10,000.00, 40 %% above, caps 20,000.00"
	    " and 30,000.00");
	ok(n == 2 && b[1].kind == PK_DAYS && b[1].per_day == 2000 &&
	    b[1].max_days == 30, "YL19 v2 住院天数: 20.00 a day, 30 days");
	ok(plan_terms_get(db, test_sql_int("SELECT id FROM plan_version WHERE"
	    " version = 1 AND plan_id = (SELECT id FROM plan WHERE code ="
	    " 'YL19')"), &t1) == 1 && t1.version == 1 &&
	    plan_benefits(db, t1.version_id, b, PLAN_MAX_BENEFITS) == 2 &&
	    b[0].annual_cap < 3000000, "YL19 v1: the lower caps it had");
	ok(plan_current(db, shy, &t) == 1 && plan_benefits(db, t.version_id,
	    b, PLAN_MAX_BENEFITS) == 3 && b[0].kind == PK_INPATIENT &&
	    b[1].kind == PK_CRITICAL && b[1].lump_sum == 1500000 &&
	    b[2].kind == PK_ACCIDENT && b[2].grades[0] == 10000 &&
	    b[2].grades[9] == 1000, "三合一: 住院医疗, 重大疾病 15,000.00,"
	    " 意外伤害 graded 100 %% .. 10 %%");
}

/* The given name of `name` (the surname is one character, or 欧阳/上官). */
static const char *
given(const char *name)
{
	if (strncmp(name, "欧阳", 6) == 0 || strncmp(name, "上官", 6) == 0)
		return name + 6;
	return name + ((unsigned char)name[0] >= 0xf0 ? 4 : 3);
}

/* Whether s holds one of the characters of `set` (UTF-8, one by one). */
static int
has_any(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strstr(s, *set))
			return 1;
	return 0;
}

static const char *const female_only[] = { "英", "兰", "燕", "娟", "梅",
    "珍", "敏", "怡", "涵", "琪", "婷", "玲", "霞", "芳", "娜", "静", "丽",
    "艳", "颖", "玥", "婧", "𠀾", "凤", "琴", NULL };
static const char *const male_only[] = { "伟", "强", "磊", "军", "勇", "杰",
    "涛", "刚", "辉", "鹏", "斌", "国", "志", "博", "浩", "轩", "堃", "喆",
    "昇", "䶮", "𪚥", "德", "江", "东", "宏", "阳", "树", "永", "超", NULL };

static void
members(struct db *db)
{
	struct db_res *r;
	char id[19], birth[11], g, today[11];
	const char *why, *name;
	int n = 0, valid = 0, says = 0, fits = 0, old = 0, prime = 0, young = 0;
	int women[32] = { 0 }, all[32] = { 0 }, u, units = 0, mixed = 0, a;

	clock_today(today);
	if ((r = db_query(db, &tab, Q_MEMBERS, "")) == NULL) {
		ok(0, "the members read");
		return;
	}
	while (db_next(r) == 1) {
		n++;
		name = db_col(r, 1);
		g = *db_col(r, 2);
		if (valid_resident_id(db_col(r, 0), id, &why) &&
		    strcmp(id, db_col(r, 0)) == 0)
			valid++;
		if (id_birth_gender(db_col(r, 0), birth, &g) &&
		    strcmp(birth, db_col(r, 3)) == 0 && g == *db_col(r, 2))
			says++;
		if (!has_any(given(name), g == 'F' ? male_only : female_only))
			fits++;
		else
			printf("# %s (%c) does not fit\n", name, g);
		a = age_on(db_col(r, 3), today);
		old += a >= 60;
		prime += a >= 22 && a <= 58;
		young += a < 18;
		u = (int)(db_int(r, 4) % 32);
		all[u]++;
		women[u] += g == 'F';
	}
	db_done(r);
	is_int(n, 200, "200 demo members");
	is_int(valid, n, "every ID number valid (GB 11643 check digit)");
	is_int(says, n, "... and saying the member's birth date and gender");
	is_int(test_sql_int("SELECT COUNT(DISTINCT id_number) FROM member"
	    " WHERE id <= 200"), 200, "... and unique");
	is_int(fits, n, "every name fits the gender");
	for (u = 0; u < 32; u++) {
		if (all[u] == 0)
			continue;
		units++;
		if (women[u] * 10 >= all[u] * 4 && women[u] * 10 <= all[u] * 6)
			mixed++;
		else
			printf("# unit %d: %d women of %d\n", u, women[u], all[u]);
	}
	is_int(units, 6, "members in six units");
	is_int(mixed, units, "every unit 40..60 %% women");
	ok(old >= 3 && old <= 20, "a few at 60 or more (%d): the age warning",
	    old);
	ok(prime >= 170, "most 22..58 (%d)", prime);
	is_int(young, 0, "nobody under 18");
	is_int(test_sql_int("SELECT COUNT(*) FROM member WHERE id <= 200 AND"
	    " LENGTH(name) > 3 * CHAR_LENGTH(name)") > 0, 1,
	    "some names have characters outside the BMP");
}

/* The list page shows what was loaded. */
static void
page(void)
{
	static const char *const rows[][2] = {
		{ "YL19", "60.00" }, { "ZJ", "40.00" }, { "NG", "30.00" },
		{ "YW", "20.00" }, { "SHY", "100.00" },
	};
	struct hc *ad = hc_new();
	char x[128];
	size_t i;

	hc_login_office(ad, "admin");
	is_int(hc_get(ad, "/o/plans"), 200, "admin's plan list");
	for (i = 0; i < 5; i++) {
		snprintf(x, sizeof(x), "string(//tr[@data-plan='%s']"
		    "/td[contains(@class,'premium')])", rows[i][0]);
		is_str(hc_xpath(ad, x), rows[i][1], "%s at %s a person",
		    rows[i][0], rows[i][1]);
	}
	is_str(hc_xpath(ad, "string(//tr[@data-plan='YL19']/td[@class="
	    "'version'])"), "第2版", "YL19 in its second version");
	is_str(hc_xpath(ad, "normalize-space(//tr[@data-plan='NG']/td["
	    "contains(@class,'gender')])"), "仅限女性", "NG for women only");
	hc_free(ad);
}

int
main(void)
{
	struct db *db;

	test_sql_int("SELECT 1");	/* loads the configuration */
	if ((db = db_open()) == NULL) {
		ok(0, "the database opens");
		return tap_done();
	}
	plans(db);
	versions(db);
	terms(db);
	members(db);
	db_close(db);
	page();
	return tap_done();
}
