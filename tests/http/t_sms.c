/*
 * t_sms.c -- verification codes and SMS delivery: one per minute, ten per
 * day, five minutes, five tries; the outbox delivered by hz-jobs to the
 * gateway over HTTP, with retries when the gateway fails.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

#define PHONE "13500000001"

/* Ask for an agent login code; returns the page's message. */
static const char *
ask(struct hc *c, const char *phone)
{
	hc_get(c, "/u/login");
	hc_post(c, "/u/login/sms", "phone", phone, "send_code", "1", NULL);
	return hc_xpath(c, "string(//p[contains(@class,'msg')])");
}

static int
try_code(struct hc *c, const char *phone, const char *code)
{
	hc_get(c, "/u/login");
	return hc_post(c, "/u/login/sms", "phone", phone, "code", code, NULL);
}

/*
 * The gateway answers the next `fails` sends with 503; a code asked for
 * `phone` is tried until it is sent or given up (each try brought
 * forward): its "status tries".
 */
static const char *
tried(struct hc *c, const char *phone, int fails)
{
	static char st[64];
	char q[200], n[16];
	int i;

	snprintf(n, sizeof(n), "/_sink/fail?n=%d", fails);
	hc_post(c, n, "x", "1", "_csrf", "", NULL);
	ask(c, phone);
	snprintf(q, sizeof(q), "SELECT CONCAT(status, ' ', tries) FROM"
	    " sms_outbox WHERE phone = '%s' ORDER BY id DESC LIMIT 1", phone);
	for (i = 0; i < 120; i++) {
		snprintf(st, sizeof(st), "%s", test_sql_str(q));
		if (strncmp(st, "queued", 6) != 0)
			break;
		test_sql("UPDATE sms_outbox SET next_try_at = NOW() WHERE"
		    " status = 'queued'");
		usleep(250000);
	}
	return st;
}

int
main(void)
{
	struct hc *c = hc_new();
	char code[7], wrong[7], sql[256];
	int i, n, st;

	n = sms_count(PHONE);
	is_str(ask(c, PHONE), "验证码已发送，请注意查收短信", "first code sent");
	snprintf(code, sizeof(code), "%s", sms_wait_code(PHONE, n));
	ok(strlen(code) == 6, "delivered to the gateway by hz-jobs");
	ok(strncmp(sms_last_text(PHONE), "【职工互助】", strlen("【职工互助】")) == 0,
	    "message carries the signature");
	is_str(ask(c, PHONE), "验证码发送过于频繁，请稍后再试", "a second code within 60 s refused");
	ok(test_sql_int("SELECT COUNT(*) FROM sms_outbox WHERE phone = '" PHONE
	    "' AND status = 'sent'") == 1, "outbox row marked sent");
	ok(test_sql_int("SELECT COUNT(*) FROM sms_code WHERE phone = '" PHONE
	    "' AND code_hash = UNHEX(SHA2(code_hash, 256))") == 0 &&
	    test_sql_int("SELECT LENGTH(code_hash) FROM sms_code WHERE phone = '" PHONE "'") == 32,
	    "only a hash of the code is stored");

	/* Expired: five minutes pass. */
	test_sql("UPDATE sms_code SET expires_at = NOW() - INTERVAL 1 SECOND,"
	    " created_at = created_at - INTERVAL 301 SECOND WHERE phone = '" PHONE "'");
	try_code(c, PHONE, code);
	is_str(hc_xpath(c, "string(//*[@id='err-code'])"), "验证码已过期，请重新获取",
	    "expired code refused");

	/* Five wrong tries, then even the right code is refused. */
	n = sms_count(PHONE);
	ask(c, PHONE);
	snprintf(code, sizeof(code), "%s", sms_wait_code(PHONE, n));
	for (i = 0; i < 5; i++) {
		snprintf(wrong, sizeof(wrong), "%06d", i);
		if (strcmp(wrong, code) == 0)
			snprintf(wrong, sizeof(wrong), "99999%d", i);
		try_code(c, PHONE, wrong);
	}
	is_str(hc_xpath(c, "string(//*[@id='err-code'])"), "验证码不正确", "fifth wrong try");
	st = try_code(c, PHONE, code);
	is_str(hc_xpath(c, "string(//*[@id='err-code'])"), "验证码错误次数过多，请重新获取",
	    "sixth try refused even with the right code");
	is_int(st, 200, "... and no login");

	/* Ten codes a day per phone, asked from ever new addresses (the
	 * limits per address are t_signin's). */
	for (i = 0; i < 12; i++) {
		test_sql("UPDATE sms_code SET created_at = GREATEST(CURDATE(),"
		    " created_at - INTERVAL 61 SECOND)");
		hc_set_ip(c, NULL);
		ask(c, "13500000002");
	}
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg')])"),
	    "该手机号今日获取验证码次数已达上限，请明天再试", "the eleventh code of the day refused");
	is_int(test_sql_int("SELECT COUNT(*) FROM sms_code WHERE phone = '13500000002'"), 10,
	    "exactly ten codes issued");

	/* The gateway fails twice; hz-jobs retries and delivers.  Let the
	 * outbox drain first so the failures hit our message. */
	for (i = 0; i < 100 && test_sql_int("SELECT COUNT(*) FROM sms_outbox"
	    " WHERE status = 'queued'") > 0; i++)
		usleep(100000);
	hc_post(c, "/_sink/fail?n=2", "x", "1", "_csrf", "", NULL);
	n = sms_count("13500000003");
	ask(c, "13500000003");
	/* Backoff is 10 s then 20 s; bring the next try forward each time. */
	for (i = 0; i < 40 && sms_count("13500000003") == n; i++) {
		test_sql("UPDATE sms_outbox SET next_try_at = NOW() WHERE status = 'queued'");
		usleep(250000);
	}
	ok(sms_count("13500000003") == n + 1, "delivered after the gateway recovered");
	snprintf(sql, sizeof(sql), "SELECT tries FROM sms_outbox WHERE phone = '13500000003'");
	is_int(test_sql_int(sql), 3, "it took three tries");

	/* SMS_MAX_TRIES (6) in all: five failures, then sent; six, given up. */
	is_str(tried(c, "13500000004", 5), "sent 6",
	    "five failures: sent on the sixth and last try");
	is_str(tried(c, "13500000005", 6), "failed 6",
	    "six failures: given up after the sixth try");
	is_int(test_sql_int("SELECT last_error LIKE '%503%' FROM sms_outbox"
	    " WHERE phone = '13500000005'"), 1, "... with the gateway's answer");

	hc_free(c);
	return tap_done();
}
