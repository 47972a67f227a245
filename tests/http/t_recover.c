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

	/* Five links a day: with four today the fifth is sent, the sixth
	 * not (each ask a minute after the last). */
	test_sql("UPDATE agent_recover SET created_at = GREATEST(CURDATE(),"
	    " created_at - INTERVAL 2 MINUTE)");
	test_sql("INSERT INTO agent_recover (agent_id, via, token_hash, ip,"
	    " created_at, expires_at) SELECT a.id, 'mail', UNHEX(SHA2(CONCAT("
	    "RAND(), s.seq), 256)), '', CURDATE(), CURDATE() FROM agent a JOIN"
	    " seq_1_to_2 s WHERE a.email = '" MAIL_A "'");
	is_int(test_sql_int("SELECT COUNT(*) FROM agent_recover r JOIN agent a"
	    " ON a.id = r.agent_id WHERE a.email = '" MAIL_A "' AND r.created_at"
	    " >= CURDATE()"), 4, "four links today");
	n = (int)test_sql_int("SELECT COUNT(*) FROM mail_outbox WHERE rcpt = '"
	    MAIL_A "'");
	hc_get(anon, "/u/forgot/mail");
	hc_post(anon, "/u/forgot/mail", "email", MAIL_A, NULL);
	is_int(test_sql_int("SELECT COUNT(*) FROM mail_outbox WHERE rcpt = '"
	    MAIL_A "'"), n + 1, "the fifth of the day is sent");
	test_sql("UPDATE agent_recover SET created_at = GREATEST(CURDATE(),"
	    " created_at - INTERVAL 2 MINUTE)");
	hc_get(anon, "/u/forgot/mail");
	hc_post(anon, "/u/forgot/mail", "email", MAIL_A, NULL);
	is_int(hc_count(anon, "//p[@id='mail-sent']"), 1,
	    "the sixth: the same answer");
	is_int(test_sql_int("SELECT COUNT(*) FROM mail_outbox WHERE rcpt = '"
	    MAIL_A "'"), n + 1, "... and no sixth mail");
	hc_free(a);
	hc_free(b);
	hc_free(other);
	hc_free(anon);
}

#define PHONE_C	"13700002503"
#define PHONE_D	"13700002504"
#define NEW_C	"13700002513"

/* Read the picture challenge's answer as the person would from the
 * picture (here: from the database) after drawing it as the page does. */
static const char *
solve(struct hc *c)
{
	static char answer[8];
	char sql[300];

	if (hc_get(c, "/u/captcha") != 200)
		return "";
	snprintf(sql, sizeof(sql), "SELECT answer FROM captcha WHERE token_hash ="
	    " UNHEX(SHA2('%s', 256)) ORDER BY id DESC LIMIT 1",
	    hc_cookie(c, "hz_cap") ? hc_cookie(c, "hz_cap") : "");
	snprintf(answer, sizeof(answer), "%s", test_sql_str(sql));
	return answer;
}

/* File an appeal from the form (the challenge solved unless `captcha`
 * is given); returns the status. */
static int
appeal(struct hc *c, const char *phone, const char *name, const char *id,
    const char *new_phone, const char *front, const char *back,
    const char *captcha)
{
	char ans[8];

	hc_get(c, "/u/appeal");
	snprintf(ans, sizeof(ans), "%s", captcha ? captcha : solve(c));
	hc_get(c, "/u/appeal");
	return hc_upload2(c, "/u/appeal", "front", front, "back", back,
	    "phone", phone, "name", name, "id_number", id, "new_phone",
	    new_phone, "reason", "原手机号已停用，无法接收验证码", "captcha", ans,
	    NULL);
}

/* The newest appeal's id (its agent's phone). */
static long long
appeal_of(const char *phone)
{
	char q[200];

	snprintf(q, sizeof(q), "SELECT COALESCE(MAX(p.id), -1) FROM agent_appeal p JOIN agent a"
	    " ON a.id = p.agent_id WHERE a.phone = '%s'", phone);
	return test_sql_int(q);
}

static int
decide(struct hc *c, long long id, const char *d, const char *reason)
{
	char path[80], ids[24];

	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(path, sizeof(path), "/o/review?type=appeal&id=%lld", id);
	hc_get(c, path);
	return hc_post(c, "/o/review", "type", "appeal", "id", ids,
	    "decision", d, "reason", reason, "pick", "", NULL);
}

static void
test_appeal(void)
{
	struct hc *anon = hc_new(), *ac = hc_new(), *r1 = hc_new(),
	    *r2 = hc_new(), *fin = hc_new();
	char png[256], pdf[256], html[256];
	char idc[20], idd[20], path[200], link[256], q[300];
	const char *text;
	long long id, photo;
	int st, n;

	/* test_datafile's buffer is its own: copy each path. */
	snprintf(png, sizeof(png), "%s", test_datafile("stamp.png"));
	snprintf(pdf, sizeof(pdf), "%s", test_datafile("license.pdf"));
	snprintf(html, sizeof(html), "%s", test_datafile("html-renamed.jpg"));
	ok(test_unit_new("申诉测试单位丙工会", PHONE_C) > 0, "agent C");
	ok(test_unit_new("申诉测试单位丁工会", PHONE_D) > 0, "agent D");
	snprintf(idc, sizeof(idc), "%s", test_id_number("1982-03-04", 251, 'M'));
	snprintf(idd, sizeof(idd), "%s", test_id_number("1983-05-06", 252, 'F'));
	snprintf(q, sizeof(q), "UPDATE agent SET id_number = '%s' WHERE phone = '"
	    PHONE_C "'", idc);
	test_sql(q);
	snprintf(q, sizeof(q), "UPDATE agent SET id_number = '%s' WHERE phone = '"
	    PHONE_D "'", idd);
	test_sql(q);
	hc_login_agent(ac, PHONE_C);
	is_int(hc_get(ac, "/u/"), 200, "C signed in somewhere");

	/* The form, and bad input on it. */
	is_int(hc_get(anon, "/u/forgot"), 200, "找回密码");
	is_int(hc_count(anon, "//a[@href='/u/appeal']"), 1, "offers 申诉");
	is_int(hc_get(anon, "/u/appeal"), 200, "the appeal form");
	is_int(hc_count(anon, "//img[@id='captcha-img']"), 1, "with a picture challenge");
	st = hc_upload2(anon, "/u/appeal", NULL, NULL, NULL, NULL, "phone", "123",
	    "name", "", "id_number", "110105", "new_phone", "abc", "reason", "",
	    "captcha", "", NULL);
	is_int(st, 200, "all wrong: the form again");
	ok(*hc_xpath(anon, "string(//span[@id='err-phone'])"), "phone");
	ok(*hc_xpath(anon, "string(//span[@id='err-name'])"), "name");
	ok(*hc_xpath(anon, "string(//span[@id='err-id_number'])"), "ID number");
	ok(*hc_xpath(anon, "string(//span[@id='err-new_phone'])"), "new phone");
	ok(*hc_xpath(anon, "string(//span[@id='err-reason'])"), "reason");
	is_str(hc_xpath(anon, "string(//input[@id='f-phone']/@value)"), "123",
	    "input kept");
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C, png, png, "XXXX");
	is_int(st, 200, "wrong picture answer");
	is_str(hc_xpath(anon, "string(//span[@id='err-captcha'])"),
	    "图形验证码不正确，请看新的图片重新输入", "refused in Chinese");
	st = appeal(anon, PHONE_C, "别人", idc, NEW_C, png, png, NULL);
	is_str(msg_error(anon), "未找到与手机号码、姓名和身份证号码相符的经办人账号，请核对后重试",
	    "name not the account's");
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C,
	    pdf, png, NULL);
	is_str(msg_error(anon), "请上传身份证人像面和国徽面照片（JPG或PNG图片）",
	    "a PDF is no photo");
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C,
	    html, png, NULL);
	is_str(msg_error(anon), "请上传身份证人像面和国徽面照片（JPG或PNG图片）",
	    "a page named .jpg is no photo (by content)");
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C, png, NULL, NULL);
	is_str(msg_error(anon), "请上传身份证人像面和国徽面照片（JPG或PNG图片）",
	    "both photos needed");
	st = appeal(anon, PHONE_C, "测试经办人", idc, PHONE_D, png, png, NULL);
	is_str(hc_xpath(anon, "string(//span[@id='err-new_phone'])"),
	    "新手机号码已被其他账号使用，请换一个号码", "new phone of another account");
	is_int(appeal_of(PHONE_C), -1, "nothing filed yet");

	/* Filed. */
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C, png, png, NULL);
	is_int(st, 200, "appeal filed");
	ok(strstr(hc_xpath(anon, "string(//p[@id='appeal-filed'])"), "尾号2513")
	    != NULL, "answered by SMS to the new phone");
	id = appeal_of(PHONE_C);
	ok(id > 0, "the appeal");
	is_str(flow_state_of("appeal", id), "review1", "waits for review1");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM attachment WHERE owner_type ="
	    " 'appeal' AND owner_id = %lld", id);
	is_int(test_sql_int(q), 2, "both photos kept");
	snprintf(q, sizeof(q), "SELECT MIN(id) FROM attachment WHERE owner_type ="
	    " 'appeal' AND owner_id = %lld", id);
	photo = test_sql_int(q);
	st = appeal(anon, PHONE_C, "测试经办人", idc, NEW_C, png, png, NULL);
	is_str(msg_error(anon), "该账号已有待审核的申诉，请耐心等待审核结果短信",
	    "one open appeal per account");

	/* Access: the photos only on the desk, for review1. */
	snprintf(path, sizeof(path), "/u/transfer/file?id=%lld", photo);
	is_int(hc_get(ac, path), 404, "the agent cannot fetch the photos");
	hc_login_office(r1, "review1");
	hc_login_office(r2, "review2");
	hc_login_office(fin, "finance");
	is_int(hc_get(r1, "/o/queue?type=appeal"), 200, "review1's queue of appeals");
	is_int(hc_count(r1, "//table[@id='queue']//tr[@data-type='appeal']"), 1,
	    "lists the appeal");
	ok(atoi(hc_xpath(r1, "string(//*[@id='queue-counts']//a[@data-type='appeal'"
	    " and @data-state='review1']/b)")) == 1, "counted: 账号申诉 · 待审核");
	hc_get(r2, "/o/queue");
	is_int(hc_count(r2, "//table[@id='queue']//tr[@data-type='appeal']"), 0,
	    "not in review2's");
	snprintf(path, sizeof(path), "/o/review?type=appeal&id=%lld", id);
	is_int(hc_get(r1, path), 200, "review1 opens the appeal on the desk");
	is_str(hc_xpath(r1, "string(//dd[@id='d-name'])"), "测试经办人", "the name");
	ok(strstr(hc_xpath(r1, "string(//dd[@id='d-new-phone'])"), NEW_C) != NULL,
	    "the new phone");
	ok(strstr(hc_xpath(r1, "string(//dd[@id='d-units'])"), "申诉测试单位丙工会")
	    != NULL, "the account's record: its unit");
	ok(strncmp(hc_xpath(r1, "string(//dd[@id='d-matches'])"), "姓名、身份证号码与账号登记一致", 10) == 0,
	    "the check against the account");
	is_int(hc_count(r1, "//section[@id='item-materials']//img"), 2,
	    "both photos inline");
	snprintf(path, sizeof(path), "/o/file?id=%lld&inline=1", photo);
	is_int(hc_get(r1, path), 200, "review1 sees a photo");
	ok(strncmp(hc_header(r1, "Content-Type") ? hc_header(r1, "Content-Type")
	    : "", "image/png", 9) == 0, "inline, as an image");
	is_int(hc_get(fin, path), 404, "finance does not");
	snprintf(path, sizeof(path), "/o/review?type=appeal&id=%lld", id);
	is_int(hc_get(fin, path) / 100, 4, "nor the appeal");
	is_int(hc_get(r2, path), 404, "nor review2: review1 decides appeals");
	hc_get(r1, path);
	is_int(hc_count(r1, "//form[@id='decide-form']"), 1, "review1 may decide");
	hc_get(anon, "/u/captcha");

	/* Approved: the link by SMS to the new phone. */
	n = sms_count(NEW_C);
	st = decide(r1, id, "approve", "");
	is_int(st, 303, "review1 approves");
	is_str(flow_state_of("appeal", id), "approved", "approved");
	text = sms_wait_text(NEW_C, n);
	ok(strstr(text, "申诉已审核通过") != NULL, "SMS to the new phone");
	snprintf(link, sizeof(link), "%s", link_path(text, "/u/appeal/reset"));
	ok(*link, "with the link: %s", link);
	is_int(hc_get(ac, "/u/"), 200, "C still signed in until it is used");
	is_int(hc_get(anon, link), 200, "the link opens");
	st = hc_post(anon, "/u/appeal/reset", "token", strstr(link, "=") + 1,
	    "password", "Appeal2026", "password2", "Appeal2026", NULL);
	is_int(st, 303, "a new password set");
	is_int(hc_get(ac, "/u/"), 303, "every other session ended");
	hc_get(anon, "/u/login?tab=password");
	is_int(hc_post(anon, "/u/login/password", "login", NEW_C, "password",
	    "Appeal2026", NULL), 303, "signs in with the new phone and password");
	is_int(test_sql_int("SELECT COUNT(*) FROM agent WHERE phone = '" PHONE_C
	    "'"), 0, "the lost phone is no longer the account's");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'agent.password.recover' AND detail = '" NEW_C "'"), 1, "audited");
	is_int(hc_get(anon, link), 200, "the link again");
	is_str(msg_error(anon), "该链接无效、已使用或已过期，请重新找回密码",
	    "used up");

	/* Returned with a reason: told by SMS. */
	hc_free(anon);
	anon = hc_new();
	st = appeal(anon, PHONE_D, "测试经办人", idd, "", png, png, NULL);
	ok(strstr(hc_xpath(anon, "string(//p[@id='appeal-filed'])"), "尾号2504")
	    != NULL, "D's appeal filed, keeping the phone");
	id = appeal_of(PHONE_D);
	n = sms_count(PHONE_D);
	st = decide(r1, id, "return", "");
	is_int(st, 200, "a return without a reason");
	is_str(msg_error(r1), "退回时请填写退回原因", "is refused");
	st = decide(r1, id, "return", "身份证照片不清晰");
	is_int(st, 303, "returned with a reason");
	is_str(flow_state_of("appeal", id), "returned", "returned");
	text = sms_wait_text(PHONE_D, n);
	ok(strstr(text, "未通过审核") && strstr(text, "身份证照片不清晰"),
	    "SMS tells why");
	st = appeal(anon, PHONE_D, "测试经办人", idd, "", png, png, NULL);
	is_int(appeal_of(PHONE_D) > id, 1, "a new appeal may follow");

	hc_free(anon);
	hc_free(ac);
	hc_free(r1);
	hc_free(r2);
	hc_free(fin);
}

/* Wait (10 s) until the outbox row of mail to `rcpt` has been tried;
 * its "status tries last_error" (static). */
static const char *
outbox_after_try(const char *rcpt)
{
	static char out[300];
	char q[300];
	int i;

	snprintf(q, sizeof(q), "SELECT CONCAT(status, ' ', tries, ' ',"
	    " COALESCE(last_error, '')) FROM mail_outbox WHERE rcpt = '%s'"
	    " AND (status <> 'queued' OR last_error IS NOT NULL)", rcpt);
	for (i = 0; i < 100; i++) {
		snprintf(out, sizeof(out), "%s", test_sql_str(q));
		if (*out)
			break;
		usleep(100000);
	}
	return out;
}

/* Delivery: a server's refusal fails the mail, "later" retries it. */
static void
test_delivery(void)
{
	struct hc *c = hc_new();
	const char *st;

	ok(test_unit_new("找回测试单位戊工会", "13700002505") > 0, "agent E");
	test_sql("UPDATE agent SET email = 'reject.e@example.com'"
	    " WHERE phone = '13700002505'");
	hc_get(c, "/u/forgot/mail");
	hc_post(c, "/u/forgot/mail", "email", "reject.e@example.com", NULL);
	st = outbox_after_try("reject.e@example.com");
	ok(strncmp(st, "failed 1 ", 9) == 0 && strstr(st, "550"),
	    "refused by the server (550): failed at once, the reason kept: %s", st);
	test_sql("UPDATE agent SET email = 'tempfail.e@example.com'"
	    " WHERE phone = '13700002505'");
	test_sql("UPDATE agent_recover SET created_at = created_at - INTERVAL 2 MINUTE");
	hc_get(c, "/u/forgot/mail");
	hc_post(c, "/u/forgot/mail", "email", "tempfail.e@example.com", NULL);
	st = outbox_after_try("tempfail.e@example.com");
	ok(strncmp(st, "queued 1 ", 9) == 0 && strstr(st, "451"),
	    "\"try later\" (451): queued again, the reason kept: %s", st);
	is_int(test_sql_int("SELECT next_try_at > NOW() FROM mail_outbox WHERE"
	    " rcpt = 'tempfail.e@example.com'"), 1, "... for a later try");
	hc_free(c);
}

int
main(void)
{
	test_mail();
	test_delivery();
	test_appeal();
	return tap_done();
}
