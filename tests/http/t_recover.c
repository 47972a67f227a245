/*
 * t_recover.c -- 找回密码 beyond the SMS code (SPEC §9): the e-mail on
 * 账号, the link mailed through the stack's SMTP sink, used once, dead
 * when expired, the same answer for an unknown address, every other
 * session ended; and the 申诉 (appeal) decided on the review desk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

#define PHONE_A	"13700002501"
#define PHONE_B	"13700002502"
#define MAIL_A	"a.recover@example.com"

/* Messages the SMTP sink holds for `to` (its X-Sink-Count). */
static int
mail_count(const char *to)
{
	struct hc *s = hc_new();
	char path[256];
	int n = 0;

	snprintf(path, sizeof(path), "/_sink/mail/last?to=%s", to);
	if (hc_get(s, path) == 200 && hc_header(s, "X-Sink-Count"))
		n = atoi(hc_header(s, "X-Sink-Count"));
	hc_free(s);
	return n;
}

/* Wait (10 s) for more than `after` messages to `to`; the newest one's
 * text (static), "" on timeout. */
static const char *
mail_wait(const char *to, int after)
{
	static char text[16384];
	char path[256];
	int i;

	snprintf(path, sizeof(path), "/_sink/mail/last?to=%s", to);
	for (i = 0; i < 100; i++) {
		struct hc *s = hc_new();

		if (hc_get(s, path) == 200 && hc_header(s, "X-Sink-Count") &&
		    atoi(hc_header(s, "X-Sink-Count")) > after) {
			snprintf(text, sizeof(text), "%s", hc_body(s));
			hc_free(s);
			return text;
		}
		hc_free(s);
		usleep(100000);
	}
	return "";
}

/* The path of the link in a message (static), "" if none. */
static const char *
link_path(const char *text, const char *path)
{
	static char out[256];
	char want[256];
	const char *p;
	size_t n;

	snprintf(want, sizeof(want), "%s%s?token=", hc_base_url(), path);
	out[0] = '\0';
	if ((p = strstr(text, want)) == NULL)
		return out;
	p += strlen(hc_base_url());
	n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789/?=_.");
	snprintf(out, sizeof(out), "%.*s", (int)n, p);
	return out;
}

static const char *
msg_error(struct hc *c)
{
	return hc_xpath(c, "string(//p[contains(@class,'msg-error')])");
}

static void
test_mail(void)
{
	struct hc *a = hc_new(), *other = hc_new(), *b = hc_new(),
	    *anon = hc_new();
	char link[256];
	const char *text;
	int st, n;

	ok(test_unit_new("找回测试单位甲工会", PHONE_A) > 0, "agent A");
	ok(test_unit_new("找回测试单位乙工会", PHONE_B) > 0, "agent B");

	/* 找回密码 offers the e-mail way (the stack sends mail). */
	is_int(hc_get(anon, "/u/forgot"), 200, "forgot page");
	is_int(hc_count(anon, "//a[@href='/u/forgot/mail']"), 1,
	    "通过邮箱找回 is offered");

	/* 账号: the e-mail is checked, kept lowercased, one account each. */
	hc_login_agent(a, PHONE_A);
	is_int(hc_get(a, "/u/password"), 200, "账号 page");
	is_int(hc_count(a, "//form[@id='email-form']"), 1, "with the e-mail form");
	st = hc_post(a, "/u/password/email", "email", "not-an-address", NULL);
	is_int(st, 200, "bad e-mail: the form again");
	is_str(hc_xpath(a, "string(//span[@id='err-email'])"),
	    "请输入正确的邮箱地址，例如 name@example.com", "in Chinese");
	is_str(hc_xpath(a, "string(//input[@id='f-email']/@value)"),
	    "not-an-address", "the input kept");
	st = hc_post(a, "/u/password/email", "email", "A.Recover@Example.COM", NULL);
	is_int(st, 200, "e-mail saved");
	is_str(hc_xpath(a, "string(//p[@id='email-saved'])"),
	    "邮箱已保存，可用于找回密码", "told so");
	is_str(hc_xpath(a, "string(//input[@id='f-email']/@value)"), MAIL_A,
	    "lowercased");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'agent.email' AND object_id = (SELECT id FROM agent WHERE phone = '"
	    PHONE_A "')"), 1, "audited");
	hc_login_agent(b, PHONE_B);
	hc_get(b, "/u/password");
	hc_post(b, "/u/password/email", "email", MAIL_A, NULL);
	is_str(hc_xpath(b, "string(//span[@id='err-email'])"),
	    "该邮箱已被其他账号使用，请换一个邮箱", "one account per address");
	hc_login_agent(other, PHONE_A);
	is_int(hc_get(other, "/u/"), 200, "A also signed in elsewhere");

	/* Asking: bad input, an unknown address, the right one. */
	is_int(hc_get(anon, "/u/forgot/mail"), 200, "通过邮箱找回 page");
	st = hc_post(anon, "/u/forgot/mail", "email", "", NULL);
	is_int(st, 200, "empty address: the form again");
	ok(*hc_xpath(anon, "string(//span[@id='err-email'])"), "with a message");
	st = hc_post(anon, "/u/forgot/mail", "email", "nobody@example.com", NULL);
	is_int(st, 200, "unknown address answered");
	ok(strstr(hc_xpath(anon, "string(//p[@id='mail-sent'])"),
	    "已向该邮箱发送") != NULL, "... as if it were known");
	hc_get(anon, "/u/forgot/mail");
	n = mail_count(MAIL_A);
	st = hc_post(anon, "/u/forgot/mail", "email", "A.RECOVER@example.com", NULL);
	is_int(st, 200, "known address answered");
	ok(strstr(hc_xpath(anon, "string(//p[@id='mail-sent'])"),
	    "已向该邮箱发送") != NULL, "... the same way");
	text = mail_wait(MAIL_A, n);
	ok(strstr(text, "Subject: =?UTF-8?B?") != NULL, "the mail arrives at the sink");
	snprintf(link, sizeof(link), "%s", link_path(text, "/u/forgot/mail/reset"));
	ok(strlen(link) > 80, "with a link to set the password: %s", link);
	is_int(mail_count("nobody@example.com"), 0, "nothing to the unknown address");
	is_int(test_sql_int("SELECT COUNT(*) FROM mail_outbox WHERE rcpt = '"
	    MAIL_A "' AND status = 'sent'"), 1, "the outbox says sent");
	/* One a minute: a second ask at once sends nothing more. */
	hc_get(anon, "/u/forgot/mail");
	hc_post(anon, "/u/forgot/mail", "email", MAIL_A, NULL);
	is_int(test_sql_int("SELECT COUNT(*) FROM mail_outbox WHERE rcpt = '"
	    MAIL_A "'"), 1, "a second ask within a minute sends nothing");

	/* The link: a form; bad input; then the password is set once. */
	is_int(hc_get(anon, link), 200, "the link opens");
	is_int(hc_count(anon, "//form[@id='reset-form']"), 1, "the new-password form");
	st = hc_post(anon, "/u/forgot/mail/reset", "token", strstr(link, "=") + 1,
	    "password", "short", "password2", "short", NULL);
	is_int(st, 200, "weak password: the form again");
	ok(*hc_xpath(anon, "string(//span[@id='err-password'])"), "with the rule");
	st = hc_post(anon, "/u/forgot/mail/reset", "token", strstr(link, "=") + 1,
	    "password", "Mailed2026", "password2", "Mailed2027", NULL);
	is_str(hc_xpath(anon, "string(//span[@id='err-password2'])"),
	    "两次输入的密码不一致", "mismatch refused");
	st = hc_post(anon, "/u/forgot/mail/reset", "token", strstr(link, "=") + 1,
	    "password", "Mailed2026", "password2", "Mailed2026", NULL);
	is_int(st, 303, "password set");
	is_str(hc_location_path(anon), "/u/login?tab=password&reset=1", "to sign in");
	is_int(hc_get(other, "/u/"), 303, "A's other session ended");
	is_int(hc_get(a, "/u/"), 303, "... every one of them");
	is_int(hc_get(b, "/u/"), 200, "B's session untouched");
	hc_get(a, "/u/login?tab=password");
	is_int(hc_post(a, "/u/login/password", "login", PHONE_A, "password",
	    "Mailed2026", NULL), 303, "the new password works");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'agent.password.recover' AND object_id = (SELECT id FROM agent"
	    " WHERE phone = '" PHONE_A "')"), 1, "recovery audited");
	is_int(hc_get(anon, link), 200, "the link again");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "used up");
	is_int(hc_count(anon, "//form[@id='reset-form']"), 0, "no form");
	hc_get(anon, "/u/forgot/mail");		/* a page with the CSRF token */
	st = hc_post(anon, "/u/forgot/mail/reset", "token", strstr(link, "=") + 1,
	    "password", "Again2026x", "password2", "Again2026x", NULL);
	is_int(st, 200, "posting it again");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "... refused");

	/* An expired link is dead. */
	test_sql("UPDATE agent_recover SET created_at = created_at - INTERVAL 2 MINUTE");
	n = mail_count(MAIL_A);
	hc_get(anon, "/u/forgot/mail");
	hc_post(anon, "/u/forgot/mail", "email", MAIL_A, NULL);
	snprintf(link, sizeof(link), "%s",
	    link_path(mail_wait(MAIL_A, n), "/u/forgot/mail/reset"));
	ok(*link, "a second link after a minute");
	test_sql("UPDATE agent_recover SET expires_at = NOW() - INTERVAL 1 SECOND"
	    " WHERE used_at IS NULL");
	is_int(hc_get(anon, link), 200, "an expired link");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "is refused");

	/* Forged tokens: the same message, never a 500. */
	is_int(hc_get(anon, "/u/forgot/mail/reset?token=abc'%3C"), 200, "a forged token");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "refused in Chinese");
	is_int(hc_get(anon, "/u/forgot/mail/reset"), 200, "no token");
	hc_get(anon, "/u/forgot/mail");
	st = hc_post(anon, "/u/forgot/mail/reset", "token",
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    "password", "Forged2026", "password2", "Forged2026", NULL);
	is_int(st, 200, "posting a made-up token");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "refused");
	hc_free(a);
	hc_free(b);
	hc_free(other);
	hc_free(anon);
}

int
main(void)
{
	test_mail();
	return tap_done();
}
