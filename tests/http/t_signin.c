/*
 * t_signin.c -- sign-in as an attacker and a careless office would try it:
 * the bind form is no oracle, a new binding ends the old one, nobody can
 * pump SMS through us, and throttling slows guessing without locking
 * anyone out (issue 8, points 1-4).  Limits are huzhu.conf's defaults:
 * sms_ip_quiet 3, sms_ip_per_10min 10, sms_ip_per_day 30, sms_per_minute
 * 300, login_free_account 5, login_free_ip 20.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"
#include "valid.h"

/* A demo member with a roster phone: name, ID number, phone. */
struct person {
	char	 name[64], id[20], phone[12];
	long long id_row;
};

static void
person(struct person *p, const char *where)
{
	char sql[300];

	snprintf(sql, sizeof(sql), "SELECT id FROM member WHERE %s"
	    " ORDER BY id LIMIT 1", where);
	p->id_row = test_sql_int(sql);
	snprintf(sql, sizeof(sql), "SELECT name FROM member WHERE id = %lld", p->id_row);
	snprintf(p->name, sizeof(p->name), "%s", test_sql_str(sql));
	snprintf(sql, sizeof(sql), "SELECT id_number FROM member WHERE id = %lld", p->id_row);
	snprintf(p->id, sizeof(p->id), "%s", test_sql_str(sql));
	snprintf(sql, sizeof(sql), "SELECT COALESCE(phone, '') FROM member WHERE id = %lld",
	    p->id_row);
	snprintf(p->phone, sizeof(p->phone), "%s", test_sql_str(sql));
}

/* 获取验证码 on one of the three forms that send codes. */
static int
ask_on(struct hc *c, const char *form, const char *phone, const char *captcha)
{
	if (strcmp(form, "/m/bind") == 0) {
		hc_get(c, "/m/bind");
		return hc_post(c, "/m/bind", "name", "张三", "id_type", "1",
		    "id_number", "", "phone", phone, "send_code", "1",
		    "captcha", captcha ? captcha : "", NULL);
	}
	hc_get(c, strcmp(form, "/u/forgot") == 0 ? "/u/forgot" : "/u/login");
	return hc_post(c, form, "phone", phone, "send_code", "1",
	    "captcha", captcha ? captcha : "", NULL);
}

static int
ask(struct hc *c, const char *phone, const char *captcha)
{
	return ask_on(c, "/m/bind", phone, captcha);
}

/* The whole-form message, or the captcha field's error. */
static const char *
said(struct hc *c)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "%s", hc_xpath(c, "string(//p[contains(@class,'msg')])"));
	if (buf[0] == '\0')
		snprintf(buf, sizeof(buf), "%s", hc_xpath(c,
		    "string(//*[@id='err-captcha'])"));
	return buf;
}

/* Draw a challenge as the page's <img> would, and read its answer as the
 * person would from the picture (here: from the database). */
static const char *
solve(struct hc *c, const char *portal)
{
	static char answer[8];
	char sql[300], path[40];

	snprintf(path, sizeof(path), "%scaptcha", portal);
	if (hc_get(c, path) != 200 || hc_body_len(c) < 200 ||
	    memcmp(hc_body(c), "\x89PNG\r\n\x1a\n", 8) != 0)
		return "";
	snprintf(sql, sizeof(sql), "SELECT answer FROM captcha WHERE token_hash ="
	    " UNHEX(SHA2('%s', 256)) ORDER BY id DESC LIMIT 1",
	    hc_cookie(c, "hz_cap") ? hc_cookie(c, "hz_cap") : "");
	snprintf(answer, sizeof(answer), "%s", test_sql_str(sql));
	return answer;
}

/* Codes the sink holds for phones 1520000NNNN from `from` to `to`. */
static int
sent_range(int from, int to)
{
	char phone[12];
	int i, n = 0;

	for (i = from; i <= to; i++) {
		snprintf(phone, sizeof(phone), "1520000%04d", i);
		n += sms_count(phone);
	}
	return n;
}

static void
phone_no(char out[12], int i)
{
	snprintf(out, 12, "1520000%04d", i);
}

/* Wait until the outbox has delivered what is queued. */
static void
drain(void)
{
	int i;

	for (i = 0; i < 100 && test_sql_int("SELECT COUNT(*) FROM sms_outbox"
	    " WHERE status = 'queued'") > 0; i++)
		usleep(100000);
}

/*
 * The seconds a "尝试次数过多，请N秒后再试" message asks to wait, or 0.
 * The server counts whole seconds since the last failure, so a test that
 * expects N accepts N-1 when a second turned in between.
 */
static int
waits(struct hc *c)
{
	const char *m = said(c), *p = "尝试次数过多，请";

	if (strncmp(m, p, strlen(p)) != 0)
		return 0;
	return atoi(m + strlen(p));
}

#define is_wait(c, n, what) do {					\
	int w_ = waits(c);						\
	ok(w_ == (n) || w_ == (n) - 1, "%s (waits %d s, %s)", what, w_,	\
	    said(c));							\
} while (0)

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Bind `p` on `phone` with a code asked from a fresh address. */
static int
bind_as(struct hc *c, const struct person *p, const char *name,
    const char *phone)
{
	struct hc *asker = hc_new();
	char code[7];
	int n = sms_count(phone), st;

	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 61 SECOND");
	ask(asker, phone, NULL);
	snprintf(code, sizeof(code), "%s", sms_wait_code(phone, n));
	hc_free(asker);
	hc_get(c, "/m/bind");
	st = hc_post(c, "/m/bind", "name", name, "id_type", "1", "id_number",
	    p->id, "phone", phone, "code", code, "agree", "1", NULL);
	return st;
}

static void
bind_is_no_oracle(void)
{
	struct hc *c = hc_new(), *d = hc_new();
	struct person a;
	char fake[20], m1[256], m2[256], sql[300], phone[12];
	int i, st;

	person(&a, "phone IS NOT NULL AND id > 20");
	/* A made-up person with a valid check digit. */
	snprintf(fake, sizeof(fake), "%s", a.id);
	fake[14] = fake[14] == '1' ? '2' : '1';
	fake[17] = id_check_char(fake);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM member WHERE id_number = '%s'", fake);

	/* Without a code, the real and the made-up person get one answer. */
	hc_get(c, "/m/bind");
	hc_post(c, "/m/bind", "name", a.name, "id_type", "1", "id_number", a.id,
	    "phone", "15200009990", "code", "123456", "agree", "1", NULL);
	snprintf(m1, sizeof(m1), "%s|", said(c));
	strcat(m1, hc_xpath(c, "string(//*[@id='err-code'])"));
	hc_get(d, "/m/bind");
	hc_post(d, "/m/bind", "name", "王不在", "id_type", "1", "id_number", a.id,
	    "phone", "15200009991", "code", "123456", "agree", "1", NULL);
	snprintf(m2, sizeof(m2), "%s|", said(d));
	strcat(m2, hc_xpath(d, "string(//*[@id='err-code'])"));
	is_str(m1, "|请先获取验证码", "bind without a code, real person: only the code is judged");
	is_str(m2, m1, "made-up person: the same answer");
	ok(strstr(hc_body(d), "未查询到") == NULL, "... nothing says whether the person exists");

	/* With a valid code for a phone the attacker holds: the person is
	 * looked up, and must carry the roster's phone. */
	st = bind_as(c, &a, a.name, "15200009992");
	is_str(said(c), "手机号与单位登记的不一致，请联系单位经办人更新手机号",
	    "the real person on a stranger's phone: refused, roster phone wins");
	is_int(st, 200, "... no session");
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM member_bind WHERE member_id = %lld",
	    a.id_row);
	is_int(test_sql_int(sql), 0, "... and not bound");
	bind_as(c, &a, "王不在", "15200009993");
	is_str(said(c), "未查询到该职工信息，请确认所填内容再重试",
	    "a wrong name with a valid code: the seed's message");

	/* Per ID number: five failures on one ID, each with a valid code for
	 * another phone from another address, and the sixth waits even when
	 * right.  (Four fail above and below; edge at five.) */
	for (i = 0; i < 3; i++) {
		hc_set_ip(c, NULL);
		phone_no(phone, 9994 + i);
		bind_as(c, &a, "王不在", phone);
	}
	is_str(said(c), "未查询到该职工信息，请确认所填内容再重试",
	    "the fifth failure on one ID number is still heard");
	hc_set_ip(c, NULL);
	bind_as(c, &a, a.name, a.phone);
	is_wait(c, 2, "after five failures on one ID number the next try waits, from any address");
	test_sql("UPDATE login_fail SET at = at - INTERVAL 3 SECOND");
	hc_set_ip(c, NULL);
	is_int(bind_as(c, &a, a.name, a.phone), 303,
	    "after the wait the person binds on the roster's phone");
	test_sql("DELETE FROM login_fail");

	/* Per address: wrong codes for twenty phones from one address, then
	 * the next try from there waits. */
	hc_set_ip(d, "10.99.0.1");
	for (i = 0; i < 20; i++) {
		phone_no(phone, 9000 + i);
		hc_get(d, "/m/bind");
		hc_post(d, "/m/bind", "name", "王不在", "id_type", "1", "id_number",
		    fake, "phone", phone, "code", "123456", "agree", "1", NULL);
	}
	is_str(said(d), "", "the twentieth failure from one address is still heard");
	hc_get(d, "/m/bind");
	hc_post(d, "/m/bind", "name", "王不在", "id_type", "1", "id_number",
	    fake, "phone", "15200009100", "code", "123456", "agree", "1", NULL);
	is_wait(d, 2, "the twenty-first from that address waits");
	test_sql("DELETE FROM login_fail");
	hc_free(c);
	hc_free(d);
}

static void
binding_again_ends_the_old(void)
{
	struct hc *b1 = hc_new(), *b2 = hc_new();
	struct person p;
	char sql[300];
	int i, n, in;

	/* A person whose roster holds no phone may bind any phone. */
	person(&p, "id > 40 AND phone IS NOT NULL");
	snprintf(sql, sizeof(sql), "UPDATE member SET phone = NULL WHERE id = %lld", p.id_row);
	test_sql(sql);
	is_int(bind_as(b1, &p, p.name, "15200008001"), 303, "bound on the first phone");
	is_int(hc_get(b1, "/m/"), 200, "... signed in");
	n = sms_count("15200008001");
	is_int(bind_as(b2, &p, p.name, "15200008002"), 303, "bound again on a new phone");
	for (i = 0, in = 0; i < 8; i++)
		in += hc_get(b1, "/m/") == 200;
	is_int(in, 0, "the old phone's session ended at once, in every worker");
	is_int(hc_get(b2, "/m/"), 200, "the new phone is signed in");
	ok(strstr(sms_wait_text("15200008001", n), "已在尾号8002的手机上重新绑定") != NULL,
	    "the old phone is told by SMS");
	snprintf(sql, sizeof(sql), "SELECT phone FROM member_bind WHERE member_id = %lld",
	    p.id_row);
	is_str(test_sql_str(sql), "15200008002", "the binding holds the new phone");
	hc_free(b1);
	hc_free(b2);
}

static void
no_sms_pumping(void)
{
	static const char *const forms[] = { "/m/bind", "/u/login/sms", "/u/forgot" };
	struct hc *c = hc_new();
	const char *ans;
	char phone[12], sql[400], log[1200];
	size_t f;
	int i, n;

	/* One client, twenty phones: the quiet quota goes out, then the
	 * picture challenge stands in the way. */
	hc_set_ip(c, "10.98.0.1");
	for (i = 0; i < 20; i++) {
		phone_no(phone, 100 + i);
		ask(c, phone, NULL);
	}
	drain();
	is_int(sent_range(100, 119), 3, "twenty asks from one client: three codes go out");
	is_str(said(c), "请先输入图形验证码，再获取短信验证码",
	    "... then the picture challenge is asked");
	is_int(hc_count(c, "//img[@id='captcha-img']"), 1, "... and shown on the form");
	ans = solve(c, "/m/");
	ok(strlen(ans) == 4, "the challenge is a PNG drawn by the server");
	phone_no(phone, 130);
	ask(c, phone, strcmp(ans, "AAAA") ? "AAAA" : "CCCC");
	is_str(said(c), "图形验证码不正确，请看新的图片重新输入", "a wrong answer is refused");
	ask(c, phone, ans);
	is_str(said(c), "图形验证码不正确，请看新的图片重新输入",
	    "the right answer after a wrong one: the picture was used up");
	ask(c, phone, solve(c, "/m/"));
	is_str(said(c), "验证码已发送，请注意查收短信", "a solved challenge sends the code");
	ask(c, "15200000131", ans);
	is_str(said(c), "图形验证码不正确，请看新的图片重新输入",
	    "one picture, one code: its answer does not serve twice");
	/* Ten per address per 10 minutes, challenge or not. */
	for (i = 0; i < 6; i++) {
		phone_no(phone, 140 + i);
		ask(c, phone, solve(c, "/m/"));
	}
	is_str(said(c), "验证码已发送，请注意查收短信", "the tenth code in 10 minutes goes out");
	phone_no(phone, 150);
	ask(c, phone, solve(c, "/m/"));
	is_str(said(c), "您所在的网络获取验证码次数过多，请稍后再试",
	    "the eleventh is refused, even solved");
	is_int(test_sql_int("SELECT COUNT(*) FROM sms_code WHERE ip = '10.98.0.1'"), 10,
	    "exactly ten codes for the address");

	/* Thirty a day: 29 earlier today (over 10 minutes ago), one more. */
	test_sql("UPDATE sms_code SET created_at = GREATEST(CURDATE(), NOW() - INTERVAL 11 MINUTE)"
	    " WHERE ip = '10.98.0.1'");
	snprintf(sql, sizeof(sql), "INSERT INTO sms_code (phone, purpose, ip, code_hash,"
	    " created_at, expires_at) SELECT '15200000999', 'x', '10.98.0.1',"
	    " UNHEX(SHA2('x', 256)), GREATEST(CURDATE(), NOW() - INTERVAL 11 MINUTE),"
	    " NOW() FROM seq_1_to_19");
	test_sql(sql);
	phone_no(phone, 160);
	ask(c, phone, NULL);
	is_str(said(c), "验证码已发送，请注意查收短信",
	    "the 30th code of the day goes out (quiet again after 10 minutes)");
	phone_no(phone, 161);
	ask(c, phone, NULL);
	is_str(said(c), "您所在的网络获取验证码次数过多，请稍后再试",
	    "the 31st of the day from one address is refused");

	/* Every form that sends a code has the same limits. */
	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		hc_set_ip(c, NULL);
		for (i = 0; i < 4; i++) {
			phone_no(phone, 200 + 10 * (int)f + i);
			ask_on(c, forms[f], phone, NULL);
		}
		snprintf(log, sizeof(log), "%s: the fourth ask needs the picture challenge",
		    forms[f]);
		is_str(said(c), "请先输入图形验证码，再获取短信验证码", "%s", log);
		phone_no(phone, 200 + 10 * (int)f + 5);
		ask_on(c, forms[f], phone, solve(c, forms[f][1] == 'm' ? "/m/" : "/u/"));
		snprintf(log, sizeof(log), "%s: solved, the code is sent", forms[f]);
		is_str(said(c), "验证码已发送，请注意查收短信", "%s", log);
	}

	/* The ceiling for everyone: at 300 codes in a minute, sending stops
	 * and admin is told, once. */
	test_sql("DELETE FROM sms_code WHERE created_at > NOW() - INTERVAL 2 MINUTE");
	test_sql("INSERT INTO sms_code (phone, purpose, ip, code_hash, created_at,"
	    " expires_at) SELECT '15200000998', 'x', CONCAT('10.97.1.', seq % 200),"
	    " UNHEX(SHA2('x', 256)), NOW(), NOW() FROM seq_1_to_299");
	hc_set_ip(c, NULL);
	ask(c, "15200000300", NULL);
	is_str(said(c), "验证码已发送，请注意查收短信", "the 300th code of the minute goes out");
	n = (int)test_sql_int("SELECT COUNT(*) FROM station_message WHERE title = '短信发送已达上限'");
	hc_set_ip(c, NULL);
	ask(c, "15200000301", NULL);
	is_str(said(c), "短信服务繁忙，请稍后再试", "the 301st is refused for everyone");
	hc_set_ip(c, NULL);
	ask(c, "15200000302", NULL);
	is_int(test_sql_int("SELECT COUNT(*) FROM sms_code WHERE phone IN"
	    " ('15200000301', '15200000302')"), 0, "... nothing is sent");
	is_int((int)test_sql_int("SELECT COUNT(*) FROM station_message WHERE title ="
	    " '短信发送已达上限' AND recipient_id IN (SELECT id FROM staff WHERE"
	    " FIND_IN_SET('admin', roles))") - n, (int)test_sql_int("SELECT COUNT(*)"
	    " FROM staff WHERE FIND_IN_SET('admin', roles) AND NOT disabled"),
	    "every admin gets one station message, however many are refused");
	snprintf(log, sizeof(log), "grep -c 'ceiling (sms_per_minute)' %s/run/test/log/huzhu.log"
	    " >/dev/null", getenv("HZ_BUILDDIR") ? getenv("HZ_BUILDDIR") : ".");
	ok(system(log) == 0, "... and the log says so");
	test_sql("DELETE FROM sms_code WHERE phone IN ('15200000998', '15200000999')");
	hc_free(c);
}

static void
throttling_slows_without_locking(void)
{
	struct hc *c = hc_new(), *o = hc_new();
	char user[40], code[7];
	double t0, known = 0, unknown = 0;
	int i, n;

	/* Five wrong passwords for an agent do not block their SMS sign-in. */
	for (i = 0; i < 5; i++) {
		hc_get(c, "/u/login?tab=password");
		hc_post(c, "/u/login/password", "login", "13800000005", "password",
		    "wrong123", NULL);
	}
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000005", "password", "Demo2026", NULL);
	is_wait(c, 2, "the sixth password try waits 2 s");
	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 61 SECOND");
	n = sms_count("13800000005");
	ask_on(c, "/u/login/sms", "13800000005", NULL);
	snprintf(code, sizeof(code), "%s", sms_wait_code("13800000005", n));
	hc_get(c, "/u/login");
	is_int(hc_post(c, "/u/login/sms", "phone", "13800000005", "code", code, NULL), 303,
	    "... but the SMS code signs the agent in at once");
	hc_get(c, "/u/");
	hc_post(c, "/u/logout", NULL);

	/* Delays grow: 2, 4, 8 s after the 5th, 6th, 7th failure. */
	test_sql("UPDATE login_fail SET at = at - INTERVAL 3 SECOND");
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000005", "password", "wrong123", NULL);
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000005", "password", "Demo2026", NULL);
	is_wait(c, 4, "after the sixth failure: 4 s");
	test_sql("UPDATE login_fail SET at = at - INTERVAL 5 SECOND");
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000005", "password", "wrong123", NULL);
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", "13800000005", "password", "Demo2026", NULL);
	is_wait(c, 8, "after the seventh: 8 s");
	test_sql("UPDATE login_fail SET at = at - INTERVAL 9 SECOND");
	hc_get(c, "/u/login?tab=password");
	is_int(hc_post(c, "/u/login/password", "login", "13800000005", "password",
	    "Demo2026", NULL), 303, "after the wait the right password works: no lock");
	hc_get(c, "/u/");
	hc_post(c, "/u/logout", NULL);
	test_sql("DELETE FROM login_fail");

	/* One office behind one NAT: others' failures do not lock an agent out. */
	hc_set_ip(c, "10.96.0.1");
	for (i = 0; i < 5; i++) {
		hc_get(c, "/u/login?tab=password");
		hc_post(c, "/u/login/password", "login", "13800000004", "password",
		    "wrong123", NULL);
	}
	hc_get(c, "/u/login?tab=password");
	is_int(hc_post(c, "/u/login/password", "login", "13800000003", "password",
	    "Demo2026", NULL), 303, "another agent behind the same address signs in");
	hc_get(c, "/u/");
	hc_post(c, "/u/logout", NULL);
	/* Office: per address as well as per username. */
	hc_set_ip(o, "10.96.0.2");
	for (i = 0; i < 20; i++) {
		snprintf(user, sizeof(user), "nobody%d", i);
		hc_get(o, "/o/login");
		hc_post(o, "/o/login", "username", user, "password", "wrong123", NULL);
	}
	is_str(said(o), "用户名或密码不正确", "twenty failures from one address, each heard");
	hc_get(o, "/o/login");
	hc_post(o, "/o/login", "username", "admin", "password", "Demo2026", NULL);
	is_wait(o, 2, "the twenty-first try from that address waits, whatever the username");
	hc_set_ip(o, NULL);
	hc_get(o, "/o/login");
	is_int(hc_post(o, "/o/login", "username", "admin", "password", "Demo2026", NULL),
	    303, "admin from another address is not held back");
	hc_get(o, "/o/");
	hc_post(o, "/o/logout", NULL);
	test_sql("DELETE FROM login_fail");

	/* An unknown username costs the same time and answer as a wrong
	 * password. */
	for (i = 0; i < 4; i++) {
		hc_set_ip(o, NULL);
		hc_get(o, "/o/login");
		t0 = now_ms();
		hc_post(o, "/o/login", "username", "review1", "password", "wrong123", NULL);
		known += now_ms() - t0;
		snprintf(user, sizeof(user), "%s", said(o));
		hc_set_ip(o, NULL);
		hc_get(o, "/o/login");
		t0 = now_ms();
		hc_post(o, "/o/login", "username", "nosuchuser", "password", "wrong123", NULL);
		unknown += now_ms() - t0;
	}
	is_str(said(o), user, "unknown username: the same message");
	ok(unknown > known * 0.5 && unknown < known * 2.0,
	    "unknown username: the same time (%.0f ms against %.0f ms)", unknown / 4,
	    known / 4);
	test_sql("DELETE FROM login_fail");

	/* /u/forgot does not tell a registered phone from another. */
	hc_set_ip(c, NULL);
	ask_on(c, "/u/forgot", "15200007001", NULL);
	is_str(said(c), "验证码已发送，请注意查收短信", "forgot, unknown phone: the usual answer");
	drain();
	is_int(sms_count("15200007001"), 0, "... and no message goes to it");
	hc_free(c);
	hc_free(o);
}

int
main(void)
{
	test_sql("DELETE FROM login_fail");
	bind_is_no_oracle();
	binding_again_ends_the_old();
	no_sms_pumping();
	throttling_slows_without_locking();
	return tap_done();
}
