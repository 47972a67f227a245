/*
 * t_unit.c -- the unit agent portal: SMS login and first-login profile,
 * password login by phone or ID number, throttling, change and recovery
 * of the password, the home page listing units, logout.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

#define NEW_PHONE "13600000001"

static const char *
sms_login_code(struct hc *c, const char *phone)
{
	int before = sms_count(phone);

	hc_get(c, "/u/login");
	hc_post(c, "/u/login/sms", "phone", phone, "send_code", "1", NULL);
	return sms_wait_code(phone, before);
}

int
main(void)
{
	struct hc *c = hc_new(), *d;
	char code[7], id[19], cookie[128];
	int st, i;

	/* A new agent: SMS login creates the account, then the profile. */
	snprintf(code, sizeof(code), "%s", sms_login_code(c, NEW_PHONE));
	ok(strlen(code) == 6, "SMS login code arrives");
	st = hc_post(c, "/u/login/sms", "phone", NEW_PHONE, "code", code, NULL);
	is_int(st, 303, "SMS login accepted");
	is_str(hc_location_path(c), "/u/profile", "first login goes to the profile");
	is_int(hc_get(c, "/u/"), 303, "home needs a completed profile");
	is_int(hc_get(c, "/u/profile"), 200, "profile page");
	memcpy(id, "11010519491231002", 17);
	id[17] = id_check_char(id);
	id[18] = '\0';
	hc_post(c, "/u/profile", "name", "韩梅梅", "id_number", id,
	    "password", "abc12345", "password2", "abc12346", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-password2'])"), "两次输入的密码不一致",
	    "passwords must match");
	is_str(hc_xpath(c, "string(//input[@name='name']/@value)"), "韩梅梅", "name kept");
	is_str(hc_xpath(c, "string(//input[@name='password']/@value)"), "",
	    "passwords are never echoed back");
	hc_post(c, "/u/profile", "name", "韩梅梅", "id_number", "110105194912310021",
	    "password", "abcdefgh", "password2", "abcdefgh", NULL);
	ok(*hc_xpath(c, "string(//*[@id='err-id_number'])"), "bad ID number refused");
	is_str(hc_xpath(c, "string(//*[@id='err-password'])"), "密码须同时包含字母和数字",
	    "weak password refused");
	st = hc_post(c, "/u/profile", "name", "韩梅梅", "id_number", "11010519491231002x",
	    "password", "abc12345", "password2", "abc12345", NULL);
	is_int(st, 303, "profile completed (lowercase x accepted)");
	is_int(hc_follow(c), 200, "home page");
	ok(*hc_xpath(c, "string(//*[@id='no-units'])"), "a new agent serves no unit yet");
	is_int(hc_count(c, "//section[@id='tasks']/following-sibling::section[@id='my-units']"),
	    1, "我的办件 comes before 我服务的单位");
	ok(*hc_xpath(c, "string(//*[@id='no-tasks'])"), "... and says nothing waits");
	hc_post(c, "/u/logout", NULL);
	is_int(hc_get(c, "/u/"), 303, "logged out");

	/* Password login by phone and by ID number. */
	hc_get(c, "/u/login?tab=password");
	st = hc_post(c, "/u/login/password", "login", NEW_PHONE, "password", "abc12345", NULL);
	is_int(st, 303, "password login by phone");
	hc_get(c, "/u/");
	hc_post(c, "/u/logout", NULL);
	hc_get(c, "/u/login?tab=password");
	st = hc_post(c, "/u/login/password", "login", "11010519491231002x",
	    "password", "abc12345", NULL);
	is_int(st, 303, "password login by ID number (lowercase x)");

	/* Change password: wrong old refused; the new one works after. */
	hc_get(c, "/u/password");
	hc_post(c, "/u/password", "old_password", "nope12345", "password", "new12345",
	    "password2", "new12345", NULL);
	is_str(hc_xpath(c, "string(//*[@id='err-old_password'])"), "原密码不正确",
	    "wrong old password refused");
	hc_post(c, "/u/password", "old_password", "abc12345", "password", "new12345",
	    "password2", "new12345", NULL);
	ok(strstr(hc_xpath(c, "string(//p[contains(@class,'msg-ok')])"), "密码已修改") != NULL,
	    "password changed");
	snprintf(cookie, sizeof(cookie), "%s", hc_cookie(c, "hz_u") ? hc_cookie(c, "hz_u") : "");
	hc_post(c, "/u/logout", NULL);
	d = hc_new();
	hc_set_cookie(d, "hz_u", cookie);
	is_int(hc_get(d, "/u/"), 303, "stale session after logout refused");
	hc_free(d);
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", NEW_PHONE, "password", "abc12345", NULL);
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg-error')])"), "账号或密码不正确",
	    "old password no longer works");

	/* Forgot password by SMS code. */
	hc_get(c, "/u/forgot");
	hc_post(c, "/u/forgot", "phone", "13600009999", "send_code", "1", NULL);
	is_str(hc_xpath(c, "string(//p[contains(@class,'msg-ok')])"),
	    "验证码已发送，请注意查收短信",
	    "unknown phone: the same answer as a known one (t_signin)");
	i = sms_count(NEW_PHONE);
	/* The login code above was sent under a minute ago. */
	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 61 SECOND");
	hc_post(c, "/u/forgot", "phone", NEW_PHONE, "send_code", "1", NULL);
	snprintf(code, sizeof(code), "%s", sms_wait_code(NEW_PHONE, i));
	ok(strlen(code) == 6, "recovery code arrives");
	st = hc_post(c, "/u/forgot", "phone", NEW_PHONE, "code", code,
	    "password", "reset1234", "password2", "reset1234", NULL);
	is_int(st, 303, "password reset");
	hc_follow(c);
	ok(*hc_xpath(c, "string(//p[contains(@class,'msg-ok')])"), "told to log in with it");
	st = hc_post(c, "/u/login/password", "login", NEW_PHONE, "password", "reset1234", NULL);
	is_int(st, 303, "new password works");
	hc_get(c, "/u/");
	hc_post(c, "/u/logout", NULL);

	/* Throttling: after five failures each try must wait (t_signin). */
	for (i = 0; i < 5; i++) {
		hc_get(c, "/u/login?tab=password");
		hc_post(c, "/u/login/password", "login", "13800000006", "password", "wrong123", NULL);
	}
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000006", "password", "Demo2026", NULL);
	ok(strncmp(hc_xpath(c, "string(//p[contains(@class,'msg-error')])"),
	    "尝试次数过多，请", 24) == 0, "sixth attempt at once is held back, even right");
	test_sql("DELETE FROM login_fail");

	/* A demo chairman sees the units they serve. */
	hc_get(c, "/u/login?tab=password");
	st = hc_post(c, "/u/login/password", "login", "13800000001", "password", "Demo2026", NULL);
	is_int(st, 303, "demo agent logs in");
	hc_follow(c);
	/* Two of the first six, and the demo's claims unit (democlaim.c). */
	is_int(hc_count(c, "//table[@id='units']/tbody/tr"), 3,
	    "serves three units");
	is_str(hc_xpath(c, "string(//tr[td[@class='unit-name']='黄岛区人民医院工会委员会']/td[5])"),
	    "有", "... chairing the claims unit, with mutual-aid rights");
	is_str(hc_xpath(c, "string(//tr[td[@class='unit-name']='市南区第一中学工会委员会']/td[5])"),
	    "有", "chairman holds mutual-aid rights");
	is_str(hc_xpath(c, "string(//tr[td[@class='unit-name']='市南区人民医院工会委员会']/td[5])"),
	    "无", "staff without the grant does not");

	hc_free(c);
	return tap_done();
}
