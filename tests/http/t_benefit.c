/*
 * t_benefit.c -- a claim is computed with the rules of the plan version
 * its coverage was bought under, even after admin edited the plan: the
 * demo's 第十九期 was edited once (version 2 raised the caps and the day
 * rate); a coverage bought under version 1 keeps version 1's, one bought
 * under version 2 gets version 2's, computed by the benefit engine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "benefit.h"
#include "client.h"
#include "coverage.h"
#include "db.h"
#include "plan.h"
#include "tap.h"

/* A coverage under YL19's version `v` of a member of this test's own
 * unit (other tests count the demo units' records): its id. */
static long long
covered_under(int v, long long unit, int seq)
{
	char q[1024], name[32];
	long long m;

	snprintf(name, sizeof(name), "补助测试%d", seq);
	m = test_member_new(unit, name, test_id_number("1980-05-06",
	    (getpid() + seq) % 400, 'M'), 'M', "1980-05-06", NULL);
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends) SELECT %lld, p.id,"
	    " pv.id, %lld, (SELECT MIN(id) FROM enroll), '2030-01-01',"
	    " '2030-12-31' FROM plan p JOIN plan_version pv ON pv.plan_id ="
	    " p.id AND pv.version = %d WHERE p.code = 'YL19'", m, unit, v);
	if (m < 0 || !test_sql(q))
		return -1;
	return test_sql_int("SELECT MAX(id) FROM coverage");
}

int
main(void)
{
	struct plan_benefit rule;
	struct benefit_claim big = { .base = 10000000 }, stay = {
	    .admitted = "2030-03-01", .discharged = "2030-03-11" };
	struct benefit_result r;
	struct db *db;
	long long old, now, unit;
	char name[64], phone[16];

	test_sql_int("SELECT 1");	/* loads the configuration */
	if ((db = db_open()) == NULL) {
		ok(0, "the database opens");
		return tap_done();
	}
	ok(test_sql_int("SELECT COUNT(*) FROM plan_version pv JOIN plan p ON"
	    " p.id = pv.plan_id WHERE p.code = 'YL19'") == 2,
	    "第十九期 has two versions");
	snprintf(name, sizeof(name), "补助测试单位%d", (int)getpid());
	snprintf(phone, sizeof(phone), "136%08u", (unsigned)getpid() % 100000000u);
	unit = test_unit_new(name, phone);
	ok((old = covered_under(1, unit, 1)) > 0, "a coverage bought under v1");
	ok((now = covered_under(2, unit, 2)) > 0, "... and one under v2");

	is_int(coverage_rule(db, old, PK_INPATIENT, &rule), 1, "v1's 住院医疗");
	benefit_compute(&rule, &big, NULL, &r);
	is_int((int)r.amount, 1500000, "v1: capped at 15,000.00 a claim");
	is_int(coverage_rule(db, now, PK_INPATIENT, &rule), 1, "v2's 住院医疗");
	benefit_compute(&rule, &big, NULL, &r);
	is_int((int)r.amount, 2000000, "v2: capped at 20,000.00");

	is_int(coverage_rule(db, old, PK_DAYS, &rule), 1, "v1's 住院天数");
	benefit_compute(&rule, &stay, NULL, &r);
	is_int((int)r.amount, 15000, "v1: 10 days × 15.00");
	is_int(coverage_rule(db, now, PK_DAYS, &rule), 1, "v2's 住院天数");
	benefit_compute(&rule, &stay, NULL, &r);
	is_int((int)r.amount, 20000, "v2: 10 days × 20.00");

	is_int(coverage_rule(db, old, PK_CRITICAL, &rule), 0,
	    "第十九期 has no 重大疾病 item");
	is_int(coverage_rule(db, 0, PK_INPATIENT, &rule), 0, "no coverage 0");
	db_close(db);
	return tap_done();
}
