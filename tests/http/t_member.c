/*
 * t_member.c -- the member portal through nginx: bind, home, logout, and
 * every bad input of the bind form.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

/*
 * The first demo member whose name has a character outside the BMP (such
 * as 𠀾 or 𪚥), among the first 19 (the other suites bind later ones),
 * its ID number, unit, and the phone the roster holds for it: the only
 * one it may bind with.
 */
static char NAME8[64], id8[19], UNIT8[256], PHONE[12];

static void
pick_member(void)
{
	static const char who[] = " FROM member m JOIN org o ON o.id ="
	    " m.unit_id WHERE m.id < 20 AND LENGTH(m.name) > 3 *"
	    " CHAR_LENGTH(m.name) ORDER BY m.id LIMIT 1";
	char q[256];

	snprintf(q, sizeof(q), "SELECT m.name%s", who);
	snprintf(NAME8, sizeof(NAME8), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT m.id_number%s", who);
	snprintf(id8, sizeof(id8), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT o.name%s", who);
	snprintf(UNIT8, sizeof(UNIT8), "%s", test_sql_str(q));
	snprintf(q, sizeof(q), "SELECT m.phone%s", who);
	snprintf(PHONE, sizeof(PHONE), "%s", test_sql_str(q));
}

/* Ask for a code on the bind page and return it as the phone receives it. */
static const char *
get_code(struct hc *c, const char *phone)
{
	int before = sms_count(phone);

	hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", phone, "send_code", "1", NULL);
	return sms_wait_code(phone, before);
}

int
main(void)
{
	struct hc *c = hc_new(), *other;
	char code[7], bad[19], lower[32], cookie[128], masked[64];
	int st, sent;

	pick_member();
	ok(strlen(id8) == 18 && strlen(PHONE) == 11 && strlen(NAME8) >
	    3 * (size_t)utf8_chars(NAME8), "a demo member with a rare"
	    " character in the name (%s)", NAME8);

	/* The home page sends an unbound visitor to the bind form. */
	st = hc_get(c, "/m/");
	is_int(st, 303, "GET /m/ without a session redirects");
	is_str(hc_location_path(c), "/m/bind", "... to /m/bind");
	is_int(hc_get(c, "/m/bind"), 200, "bind page renders");
	is_int(hc_count(c, "//form[@id='bind-form']//input[@name='id_number']"), 1,
	    "bind form has the ID number field");
	ok(strlen(hc_xpath(c, "string(//input[@name='_csrf']/@value)")) == 64,
	    "bind form carries a CSRF token");
	is_str(hc_xpath(c, "string(//meta[@name='viewport']/@content)"),
	    "width=device-width, initial-scale=1", "phone viewport");
	ok(hc_header(c, "Content-Security-Policy") != NULL, "CSP header sent");
	is_str(hc_header(c, "X-Content-Type-Options"), "nosniff", "nosniff header");

	/* Bad input: each gets its message on the same page, input kept. */
	memcpy(bad, id8, 19);
	bad[17] = bad[17] == '1' ? '2' : '1';
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", bad,
	    "phone", PHONE, "code", "123456", "agree", "1", NULL);
	is_int(st, 200, "wrong check digit: same page");
	is_str(hc_xpath(c, "string(//*[@id='err-id_number'])"),
	    "身份证号码校验位不正确", "wrong check digit: message on the field");
	is_str(hc_xpath(c, "string(//input[@name='id_number']/@value)"), bad,
	    "wrong check digit: input kept");
	is_str(hc_xpath(c, "string(//input[@name='name']/@value)"), NAME8,
	    "name with a character outside the BMP kept");
	hc_post(c, "/m/bind", "name", "", "id_type", "1", "id_number", id8,
	    "phone", "12345", "code", "", "agree", "1", NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-name'])"), "empty name: message");
	is_str(hc_xpath(c, "string(//*[@id='err-phone'])"), "请输入正确的11位手机号码",
	    "bad phone: message");
	ok(*hc_xpath(c, "string(//*[@id='err-code'])"), "missing code: message");
	hc_post(c, "/m/bind", "name", "张 三", "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", "123456", "agree", "1", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-name'])"), "姓名中不要出现空格",
	    "space inside a name: message");

	/* Missing or forged CSRF token: refused, nothing happens. */
	sent = sms_count(PHONE);	/* the demo's 参保成功, say */
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "send_code", "1", "_csrf", NULL, NULL);
	is_int(st, 403, "POST without CSRF token is refused");
	is_int(sms_count(PHONE), sent, "... and no SMS was sent");
	hc_get(c, "/m/bind");
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "send_code", "1", "_csrf", "0000", NULL);
	is_int(st, 403, "POST with a forged CSRF token is refused");

	/* The code is checked first: a wrong one says so whoever is named. */
	hc_get(c, "/m/bind");
	snprintf(code, sizeof(code), "%s", get_code(c, PHONE));
	ok(strlen(code) == 6, "code requested from the bind page arrives by SMS");
	is_str(hc_xpath(c, "string(//button[@name='send_code']/@data-wait)"),
	    "60", "the 获取 button counts down from 60 s");
	is_str(hc_xpath(c, "string(//input[@name='name']/@value)"), NAME8,
	    "requesting a code keeps the other fields");
	hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", strcmp(code, "000000") ? "000000" : "111111", "agree", "1", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-code'])"), "验证码不正确",
	    "wrong code: message on the code field");

	/* An unknown person, with a right code: the seed's message, and the
	 * code is spent. */
	hc_post(c, "/m/bind", "name", "陈一", "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", code, "agree", "1", NULL);
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg-error')])"),
	    "未查询到该职工信息，请确认所填内容再重试", "unknown member: the seed's message");
	hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", code, "agree", "1", NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-code'])"),
	    "the code tried on an unknown person cannot be used again");
	/* A minute later (time travel), a new code. */
	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 2 MINUTE");
	snprintf(code, sizeof(code), "%s", get_code(c, PHONE));

	/* The right one, typed as people do: a lowercase x, or else the
	 * first digit full width; both are folded. */
	if (id8[17] == 'X')
		snprintf(lower, sizeof(lower), "%.17sx", id8);
	else
		snprintf(lower, sizeof(lower), "\xef\xbc%c%s",
		    (char)(0x90 + (id8[0] - '0')), id8 + 1);
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1",
	    "id_number", lower, "phone", PHONE, "code", code, "agree", "1", NULL);
	is_int(st, 303, "correct bind redirects");
	is_int(hc_follow(c), 200, "home page after binding");
	is_str(hc_xpath(c, "string(//*[@id='member-name'])"), NAME8, "home shows the name");
	is_str(hc_xpath(c, "string(//*[@id='member-unit'])"), UNIT8,
	    "home shows the unit");
	snprintf(masked, sizeof(masked), "3702**********%s", id8 + 14);
	is_str(hc_xpath(c, "string(//*[@id='member-id'])"), masked, "ID number masked");
	snprintf(masked, sizeof(masked), "%.3s****%s", PHONE, PHONE + 7);
	is_str(hc_xpath(c, "string(//*[@id='member-phone'])"), masked,
	    "phone masked");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action = 'member.bind'") >= 1,
	    "binding is audited");

	/* The same code cannot bind a second browser. */
	other = hc_new();
	hc_get(other, "/m/bind");
	hc_post(other, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", code, "agree", "1", NULL);
	ok(*hc_xpath(other, "string(//*[@id='err-code'])"), "a used code is refused");
	hc_free(other);

	/* Logout ends the session; the old cookie is dead. */
	snprintf(cookie, sizeof(cookie), "%s", hc_cookie(c, "hz_m") ? hc_cookie(c, "hz_m") : "");
	ok(strlen(cookie) == 64, "session cookie is 256 random bits in hex");
	ok(test_sql_int("SELECT COUNT(*) FROM session WHERE token_hash = "
	    "UNHEX(SHA2('x', 256))") == 0, "sessions are stored hashed");
	hc_get(c, "/m/");
	st = hc_post(c, "/m/logout", NULL);
	is_int(st, 303, "logout redirects");
	is_int(hc_get(c, "/m/"), 303, "after logout the home page asks to bind again");
	other = hc_new();
	hc_set_cookie(other, "hz_m", cookie);
	is_int(hc_get(other, "/m/"), 303, "a stale session cookie is refused");
	hc_free(other);

	hc_free(c);
	return tap_done();
}
