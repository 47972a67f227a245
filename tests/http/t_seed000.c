/*
 * t_seed000.c -- seed 000's case end to end over HTTP, as the people who
 * do it would: the member 陆明本 files a 住院医疗 claim on the phone in
 * three steps; review1 enters the settlement sheet's 56 308.05 and
 * 23 307.60 and sees 8 323.04 computed; review2 approves; finance pays it
 * in a batch and records the bank's answer; the member's detail page and
 * the SMS both say 8323.04 and the card's last four digits, 3235.
 * Everything here is the test's own: its unit, its member (covered by
 * 第十九期 from 200 days ago, a fixture: enrolment has its own tests),
 * its reviewers and its finance user.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

static char ids[24];

static const char *
num(long long v)
{
	snprintf(ids, sizeof(ids), "%lld", v);
	return ids;
}

/* A day `days` from today ("YYYY-MM-DD", static, two in turn). */
static const char *
day(int days)
{
	static char b[2][11];
	static int i;
	char q[128];

	i = !i;
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(CURDATE() + INTERVAL %d DAY,"
	    " '%%Y-%%m-%%d')", days);
	snprintf(b[i], sizeof(b[i]), "%s", test_sql_str(q));
	return b[i];
}

/* Step n of claim id opened, then `file` uploaded as `kind` with 下一步
 * (step 2 with the stay as well).  The status. */
static int
photo(struct hc *m, long long id, int n, const char *kind, const char *file)
{
	char p[64], ns[4];

	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=%d", id, n);
	snprintf(ns, sizeof(ns), "%d", n);
	hc_get(m, p);
	if (n == 2)
		return hc_upload(m, "/m/claim/step", kind, file, "结算单.png",
		    "id", num(id), "n", ns, "go", "next", "hospital",
		    "柳州市工人医院", "admitted", day(-10), "discharged", day(-5),
		    "disease", "肺炎", "invoice_no", "", NULL);
	return hc_upload(m, "/m/claim/step", kind, file, "身份证.png", "id",
	    num(id), "n", ns, "go", "next", NULL);
}

int
main(void)
{
	struct hc *m = hc_new(), *r1 = hc_new(), *r2 = hc_new(),
	    *fin = hc_new();
	char name[64], phone[16], member_phone[16], q[512], p[128];
	char u1[40], u2[40], uf[40];
	const char *png = NULL, *text;
	long long unit, member, id, batch, line;
	int pid = (int)getpid(), sms0;

	snprintf(name, sizeof(name), "陆明本单位%d", pid);
	snprintf(phone, sizeof(phone), "133%08d", pid % 100000000);
	snprintf(member_phone, sizeof(member_phone), "132%08d",
	    pid % 100000000);
	unit = test_unit_new(name, phone);
	member = test_member_new(unit, "陆明本", test_id_number("1975-08-09",
	    pid % 400, 'M'), 'M', "1975-08-09", member_phone);
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends, waits_until)"
	    " SELECT %lld, p.id, pv.id, %lld, (SELECT MIN(id) FROM enroll),"
	    " CURDATE() - INTERVAL 200 DAY, CURDATE() + INTERVAL 165 DAY,"
	    " CURDATE() - INTERVAL 110 DAY FROM plan p JOIN plan_version pv"
	    " ON pv.plan_id = p.id WHERE p.code = 'YL19'"
	    " ORDER BY pv.version DESC LIMIT 1", member, unit);
	ok(unit > 0 && member > 0 && test_sql(q),
	    "陆明本, covered by 第十九期 through his unit");
	snprintf(u1, sizeof(u1), "s0r1%d", pid);
	snprintf(u2, sizeof(u2), "s0r2%d", pid);
	snprintf(uf, sizeof(uf), "s0fin%d", pid);
	ok(test_staff_new(u1, "review1") && test_staff_new(u2, "review2") &&
	    test_staff_new(uf, "finance"), "review1, review2 and finance");
	png = test_datafile("stamp.png");

	/* ---- the member, on the phone */
	ok(hc_member_as(m, member), "陆明本 signed in on his phone");
	hc_get(m, "/m/claims");
	is_int(hc_post(m, "/m/claims/new", NULL), 303, "申请住院补助金");
	id = atoll(strstr(hc_location(m), "id=") + 3);
	is_int(photo(m, id, 1, "id_front", png), 200,
	    "身份证人像面 kept, the other side still asked");
	is_int(photo(m, id, 1, "id_back", png), 303, "身份证国徽面: on to step 2");
	is_int(photo(m, id, 2, "settlement", png), 303,
	    "the stay and the 费用结算单");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=3", id);
	hc_get(m, p);
	hc_post(m, "/m/claim/step", "id", num(id), "n", "3", "go", "submit",
	    "payee", "陆明本", "card", "6222021000063235", "bank", "中国工商银行",
	    "branch", "柳州分行营业部", "bank_phone", member_phone,
	    "payee_note", "", "attest", "1", NULL);
	is_str(flow_state_of("claim", id), "review1",
	    "补助申请提交完成，请等待审核: 待初审");

	/* ---- review1 enters the settlement sheet's figures */
	hc_login_office(r1, u1);
	snprintf(p, sizeof(p), "/o/review?type=claim&id=%lld", id);
	is_int(hc_get(r1, p), 200, "review1 opens it on the desk");
	hc_submit(r1, "/o/claim/figures", "id", num(id), "total_cost",
	    "56,308.05", "base", "23,307.60", NULL);
	is_str(hc_xpath(r1, "string(//*[@id='c-computed'])"), "8,323.04",
	    "56 308.05 and 23 307.60: 8,323.04 computed");
	ok(hc_count(r1, "//ol[@id='c-computation']/li[contains(., '3,000.00')]")
	    == 1 && hc_count(r1, "//ol[@id='c-computation']/li[contains(.,"
	    " '5,323.04')]") == 1, "... as 3,000.00 + 5,323.04");
	hc_post(r1, "/o/review", "type", "claim", "id", num(id), "decision",
	    "approve", "reason", "", NULL);
	is_str(flow_state_of("claim", id), "review2", "经办初审 passed");
	hc_login_office(r2, u2);
	hc_get(r2, p);
	hc_post(r2, "/o/review", "type", "claim", "id", num(id), "decision",
	    "approve", "reason", "", NULL);
	is_str(flow_state_of("claim", id), "approved", "业务复核: 审核通过");

	/* ---- finance pays it */
	hc_login_office(fin, uf);
	hc_get(fin, "/o/payout/new");
	is_int(hc_post(fin, "/o/payout/new", "claim", num(id), NULL), 303,
	    "finance puts it in a batch");
	batch = atoll(strstr(hc_location(fin), "id=") + 3);
	is_str(flow_state_of("claim", id), "paying", "打款中");
	snprintf(q, sizeof(q), "SELECT id FROM payout_line WHERE claim_id ="
	    " %lld", id);
	line = test_sql_int(q);
	snprintf(p, sizeof(p), "/o/payout/file?id=%lld", batch);
	is_int(hc_get(fin, p), 200, "the bank file downloaded for the bank");
	snprintf(p, sizeof(p), "/o/payout/batch?id=%lld", batch);
	hc_get(fin, p);
	sms0 = sms_count(member_phone);
	snprintf(p, sizeof(p), "/o/payout/record?id=%lld", batch);
	is_int(hc_post(fin, p, "line", num(line), "result", "paid", NULL), 303,
	    "the bank's answer recorded: paid");
	is_str(flow_state_of("claim", id), "done", "办结");

	/* ---- what 陆明本 sees */
	text = sms_wait_text(member_phone, sms0);
	ok(text && strstr(text, "您提交的“陆明本”的住院医疗补助申请已成功办结，"
	    "补助金已打款至尾号3235的银行卡，请注意查收银行到账信息。补助金额："
	    "8323.04") != NULL, "the SMS in seed 000's words: 尾号3235, 8323.04");
	snprintf(p, sizeof(p), "/m/claim?id=%lld", id);
	is_int(hc_get(m, p), 200, "his claim's page");
	ok(strstr(hc_body(m), "8,323.04") != NULL || strstr(hc_body(m),
	    "8323.04") != NULL, "... says 8323.04");
	ok(strstr(hc_body(m), "3235") != NULL, "... and the card's last four");
	ok(strstr(hc_body(m), "6222021000063235") == NULL,
	    "... never the whole card");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM station_message WHERE"
	    " recipient_kind = 1 AND recipient_id = %lld AND body LIKE"
	    " '%%已成功办结%%尾号3235%%8323.04%%'", member);
	is_int((int)test_sql_int(q), 1, "... and the station message too");
	hc_free(m);
	hc_free(r1);
	hc_free(r2);
	hc_free(fin);
	return tap_done();
}
