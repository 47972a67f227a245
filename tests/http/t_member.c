/*
 * t_member.c -- the member portal through nginx: bind, home, logout, and
 * every bad input of the bind form.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

/* Demo member #8: 陈𠀾, born 1984-05-05, 市北区供电公司工会委员会. */
static char id8[19];
#define NAME8  "陈𠀾"
/* The phone the roster holds for #8: the only one #8 may bind with. */
static char PHONE[12];

static void
make_id(char out[19], const char *first17)
{
	memcpy(out, first17, 17);
	out[17] = id_check_char(out);
	out[18] = '\0';
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
	char code[7], bad[19], lower[19], cookie[128], masked[64];
	int st;

	make_id(id8, "37021219840505022");
	snprintf(PHONE, sizeof(PHONE), "%s", test_sql_str("SELECT phone FROM member"
	    " WHERE id_number = '37021219840505022X' OR name = '" NAME8 "'"));

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
	    "phone", PHONE, "code", "123456", NULL);
	is_int(st, 200, "wrong check digit: same page");
	is_str(hc_xpath(c, "string(//*[@id='err-id_number'])"),
	    "身份证号码校验位不正确", "wrong check digit: message on the field");
	is_str(hc_xpath(c, "string(//input[@name='id_number']/@value)"), bad,
	    "wrong check digit: input kept");
	is_str(hc_xpath(c, "string(//input[@name='name']/@value)"), NAME8,
	    "name with a character outside the BMP kept");
	hc_post(c, "/m/bind", "name", "", "id_type", "1", "id_number", id8,
	    "phone", "12345", "code", "", NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-name'])"), "empty name: message");
	is_str(hc_xpath(c, "string(//*[@id='err-phone'])"), "请输入正确的11位手机号码",
	    "bad phone: message");
	ok(*hc_xpath(c, "string(//*[@id='err-code'])"), "missing code: message");
	hc_post(c, "/m/bind", "name", "张 三", "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", "123456", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-name'])"), "姓名中不要出现空格",
	    "space inside a name: message");

	/* Missing or forged CSRF token: refused, nothing happens. */
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "send_code", "1", "_csrf", NULL, NULL);
	is_int(st, 403, "POST without CSRF token is refused");
	is_int(sms_count(PHONE), 0, "... and no SMS was sent");
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
	    "phone", PHONE, "code", strcmp(code, "000000") ? "000000" : "111111", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-code'])"), "验证码不正确",
	    "wrong code: message on the code field");

	/* An unknown person, with a right code: the seed's message, and the
	 * code is spent. */
	hc_post(c, "/m/bind", "name", "陈一", "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", code, NULL);
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg-error')])"),
	    "未查询到该职工信息，请确认所填内容再重试", "unknown member: the seed's message");
	hc_post(c, "/m/bind", "name", NAME8, "id_type", "1", "id_number", id8,
	    "phone", PHONE, "code", code, NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-code'])"),
	    "the code tried on an unknown person cannot be used again");
	/* A minute later (time travel), a new code. */
	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 2 MINUTE");
	snprintf(code, sizeof(code), "%s", get_code(c, PHONE));

	/* The right one; the ID is typed with a lowercase x
	 * and full-width digits would be folded the same way. */
	memcpy(lower, id8, 19);
	if (lower[17] == 'X')
		lower[17] = 'x';
	st = hc_post(c, "/m/bind", "name", NAME8, "id_type", "1",
	    "id_number", lower, "phone", PHONE, "code", code, NULL);
	is_int(st, 303, "correct bind redirects");
	is_int(hc_follow(c), 200, "home page after binding");
	is_str(hc_xpath(c, "string(//*[@id='member-name'])"), NAME8, "home shows the name");
	is_str(hc_xpath(c, "string(//*[@id='member-unit'])"), "市北区供电公司工会委员会",
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
	    "phone", PHONE, "code", code, NULL);
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
