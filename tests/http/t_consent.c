/*
 * t_consent.c -- 隐私协议 and 服务声明 (issue 12, point 8): a bind without
 * ticking agreement is refused with a message, input kept; a bind keeps
 * the consent (member, text, version, time, address); anyone reads the
 * texts in force; the editor's new version asks every bound member again
 * (不同意 keeps the portal closed, 同意 opens it); 撤回同意 asks for a
 * confirmation, then unbinds: every session of the member ends, the
 * binding goes, the consent is marked withdrawn, audited.  The editor's
 * form refuses bad input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define MEMBER_NTH	142	/* demo members no other suite binds */
#define OTHER_NTH	143

/* hc_xpath, kept in one of four buffers so a check may use two. */
static const char *
xs(struct hc *c, const char *expr)
{
	static char buf[4][16384];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s", hc_xpath(c, expr));
	return buf[i];
}

static long long member_id;
static char name[64], idno[32], phone[16];

/* Demo member MEMBER_NTH's name, ID number and phone. */
static void
who(void)
{
	char q[200];
	const char *row;

	snprintf(q, sizeof(q), "SELECT CONCAT(id, ' ', name, ' ', id_number, ' ',"
	    " phone) FROM member ORDER BY id LIMIT 1 OFFSET %d", MEMBER_NTH);
	row = test_sql_str(q);
	if (sscanf(row, "%lld %63s %31s %15s", &member_id, name, idno, phone)
	    != 4)
		member_id = 0;
}

/* The bind form, the code asked for and typed, `agree` ticked or not. */
static int
bind(struct hc *c, int agree)
{
	const char *code;
	int before;

	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 2 MINUTE");
	hc_get(c, "/m/bind");
	before = sms_count(phone);
	hc_post(c, "/m/bind", "name", name, "id_type", "1", "id_number", idno,
	    "phone", phone, "send_code", "1", NULL);
	code = sms_wait_code(phone, before);
	return hc_post(c, "/m/bind", "name", name, "id_type", "1", "id_number",
	    idno, "phone", phone, "code", code, "agree", agree ? "1" : "",
	    NULL);
}

static long long sqlf_int(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* test_sql_int of a statement made from fmt. */
static long long
sqlf_int(const char *fmt, ...)
{
	char q[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return test_sql_int(q);
}

/* Binding: the tick, the consent rows. */
static void
binding(struct hc *m)
{
	long long pv = test_sql_int("SELECT version FROM consent_text WHERE"
	    " kind = 'privacy' AND is_current = 1");
	long long tv = test_sql_int("SELECT version FROM consent_text WHERE"
	    " kind = 'terms' AND is_current = 1");

	ok(pv >= 1 && tv >= 1, "the demo has both texts in force (%lld, %lld)",
	    pv, tv);
	hc_get(m, "/m/bind");
	is_int(hc_count(m, "//input[@name='agree' and @type='checkbox']"), 1,
	    "the bind form has the agreement box");
	is_str(xs(m, "string(//a[@id='link-privacy']/@href)"), "/m/privacy",
	    "... linking 《隐私协议》");
	is_str(xs(m, "string(//a[@id='link-terms']/@href)"), "/m/terms",
	    "... and 《服务声明》");
	is_int(bind(m, 0), 200, "a bind without the tick: the form again");
	is_str(xs(m, "string(//span[@id='err-agree'])"),
	    "请阅读并勾选同意《隐私协议》和《服务声明》", "... saying why");
	is_str(xs(m, "string(//input[@name='name']/@value)"), name,
	    "... the name kept");
	ok(hc_cookie(m, "hz_m") == NULL, "... nobody signed in");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_bind WHERE member_id ="
	    " %lld", member_id), 0, "... nothing bound");
	is_int(bind(m, 1), 303, "ticked, the bind goes through");
	ok(hc_cookie(m, "hz_m") != NULL, "... signed in");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id ="
	    " %lld AND withdrawn_at IS NULL", member_id), 2,
	    "two consents kept with the binding");
	is_int(sqlf_int("SELECT version FROM member_consent WHERE member_id ="
	    " %lld AND kind = 'privacy'", member_id), pv,
	    "... 隐私协议 at its version in force");
	is_int(sqlf_int("SELECT version FROM member_consent WHERE member_id ="
	    " %lld AND kind = 'terms'", member_id), tv,
	    "... 服务声明 at its version in force");
	ok(sqlf_int("SELECT COUNT(*) FROM member_consent c WHERE c.member_id ="
	    " %lld AND c.ip <> '' AND c.ip = (SELECT a.ip FROM audit_log a WHERE"
	    " a.action = 'member.bind' AND a.object_id = c.member_id ORDER BY"
	    " a.id DESC LIMIT 1)", member_id) == 2,
	    "... with the client's address (the bind's)");
	ok(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id = %lld"
	    " AND agreed_at > UTC_TIMESTAMP() + INTERVAL 8 HOUR - INTERVAL 10"
	    " MINUTE", member_id) == 2, "... and the time (China's)");
	is_int(hc_get(m, "/m/"), 200, "the home opens");
}

/* The texts, to anyone. */
static void
reading(void)
{
	struct hc *anon = hc_new();

	is_int(hc_get(anon, "/m/privacy"), 200, "隐私协议: open to anyone");
	ok(strstr(xs(anon, "string(//div[@id='text-body'])"), "敏感个人信息")
	    != NULL, "... its text");
	ok(atoi(xs(anon, "string(//span[@id='text-version'])")) >= 1,
	    "... its version");
	is_int(hc_count(anon, "//a[@id='withdraw']"), 0,
	    "... no 撤回同意 for nobody");
	is_int(hc_get(anon, "/m/terms"), 200, "服务声明 too");
	ok(strstr(xs(anon, "string(//div[@id='text-body'])"), "职工互助保障平台")
	    != NULL, "... its text");
	hc_free(anon);
}

/* A new version of 隐私协议: asked again. */
static void
new_version(struct hc *m)
{
	struct hc *ed = hc_new();
	long long before = test_sql_int("SELECT MAX(version) FROM consent_text"
	    " WHERE kind = 'privacy'");
	char want[32];

	hc_login_office(ed, "editor");
	is_int(hc_get(ed, "/o/texts"), 200, "the editor's 隐私协议与服务声明");
	ok(atoll(xs(ed, "string(//article[@id='current-privacy']//span[@class="
	    "'version'])")) == before, "... shows the version in force");
	/* bad input */
	hc_post(ed, "/o/texts", "kind", "privacy", "body", "   ", NULL);
	is_str(xs(ed, "string(//span[@id='err-body'])"), "请输入协议正文",
	    "an empty text is refused");
	hc_post(ed, "/o/texts", "kind", "privacy", "body",
	    "<script>alert(1)</script>", NULL);
	is_str(xs(ed, "string(//span[@id='err-body'])"), "请输入协议正文",
	    "a text of nothing allowed is refused");
	is_str(xs(ed, "string(//textarea[@name='body'])"),
	    "<script>alert(1)</script>", "... kept as typed");
	hc_post(ed, "/o/texts", "kind", "cookies", "body", "文本", NULL);
	ok(*xs(ed, "string(//span[@id='err-kind'])") != '\0',
	    "a text that is neither is refused");
	is_int(test_sql_int("SELECT MAX(version) FROM consent_text WHERE kind ="
	    " 'privacy'"), before, "... nothing published");
	is_int(hc_post(ed, "/o/texts", "kind", "privacy", "body",
	    "更新后的隐私协议。\n第二段：新增<b>人脸识别</b>说明。<script>x()</script>",
	    NULL), 303, "a new version is published");
	hc_follow(ed);
	ok(atoll(xs(ed, "string(//article[@id='current-privacy']//span[@class="
	    "'version'])")) == before + 1, "... version %lld", before + 1);
	is_int(hc_count(ed, "//article[@id='current-privacy']//script"), 0,
	    "... cleaned");
	is_int(hc_count(ed, "//article[@id='current-privacy']/div//p"), 2,
	    "... each line a paragraph");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'consent_text.publish'") >= 1, "... audited");

	is_int(hc_get(m, "/m/"), 303, "the member's next visit is sent");
	is_str(hc_location_path(m), "/m/consent", "... to /m/consent");
	is_int(hc_get(m, "/m/claims"), 303, "every page is, until they answer");
	is_int(hc_get(m, "/m/consent"), 200, "the consent page");
	snprintf(want, sizeof(want), "%lld", before + 1);
	is_str(xs(m, "string(//article[@data-kind='privacy']/@data-version)"),
	    want, "... shows the new 隐私协议");
	is_int(hc_count(m, "//article[@data-kind='terms']"), 0,
	    "... not the unchanged 服务声明");
	ok(strstr(xs(m, "string(//article[@data-kind='privacy'])"), "人脸识别")
	    != NULL, "... its text");
	is_int(hc_post(m, "/m/consent", "decision", "disagree", NULL), 200,
	    "不同意: the page again");
	ok(strstr(xs(m, "string(//p[contains(@class, 'msg-error')])"),
	    "暂时无法使用") != NULL, "... saying the portal stays closed");
	is_int(hc_get(m, "/m/coverage"), 303, "... and it does");
	is_int(hc_get(m, "/m/privacy"), 200, "the texts stay readable");
	is_int(hc_count(m, "//a[@id='withdraw']"), 1, "... with 撤回同意");
	hc_get(m, "/m/consent");
	is_int(hc_post(m, "/m/consent", "decision", "agree", NULL), 303, "同意");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id ="
	    " %lld AND kind = 'privacy'", member_id), 2,
	    "... the new version's consent kept beside the old");
	is_int(hc_get(m, "/m/"), 200, "... and the portal opens");
	hc_free(ed);
}

/* 撤回同意: confirmed, it unbinds. */
static void
withdraw(struct hc *m)
{
	struct hc *other = hc_new();

	ok(hc_member_as(other, member_id), "a second session of the member");
	is_int(hc_get(other, "/m/"), 200, "... signed in");
	is_int(hc_get(m, "/m/consent/withdraw"), 200, "撤回同意: the page");
	ok(strstr(hc_body(m), "解除绑定") != NULL, "... says it unbinds");
	is_int(hc_post(m, "/m/consent/withdraw", NULL), 200,
	    "not confirmed: the page again");
	ok(strstr(xs(m, "string(//span[@id='err-confirm'])"), "请勾选") != NULL,
	    "... asking to confirm");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_bind WHERE member_id ="
	    " %lld", member_id), 1, "... still bound");
	is_int(hc_post(m, "/m/consent/withdraw", "confirm", "1", NULL), 303,
	    "confirmed");
	is_str(hc_location_path(m), "/m/bind?withdrawn=1", "... to the bind page");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_bind WHERE member_id ="
	    " %lld", member_id), 0, "the binding is gone");
	is_int(sqlf_int("SELECT COUNT(*) FROM session WHERE kind = 1 AND"
	    " subject_id = %lld", member_id), 0, "every session of theirs ended");
	is_int(hc_get(other, "/m/"), 303, "... the other one too");
	is_int(hc_get(m, "/m/"), 303, "... this one too");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id ="
	    " %lld AND withdrawn_at IS NULL", member_id), 0,
	    "the consents are marked withdrawn");
	ok(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id = %lld",
	    member_id) >= 3, "... and kept");
	is_int(sqlf_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'consent.withdraw' AND object_id = %lld", member_id), 1,
	    "... audited");
	hc_get(m, "/m/bind?withdrawn=1");
	ok(strstr(xs(m, "string(//p[contains(@class, 'msg-ok')])"), "已撤回")
	    != NULL, "the bind page says so");
	is_int(bind(m, 1), 303, "binding again asks consent again and works");
	is_int(sqlf_int("SELECT COUNT(*) FROM member_consent WHERE member_id ="
	    " %lld AND withdrawn_at IS NULL", member_id), 2,
	    "... with a fresh consent");
	hc_free(other);
}

/* A member who never agreed (bound before the texts) is asked. */
static void
never_agreed(void)
{
	struct hc *c = hc_new();
	long long id;
	char q[200];

	snprintf(q, sizeof(q), "SELECT id FROM member ORDER BY id LIMIT 1"
	    " OFFSET %d", OTHER_NTH);
	id = test_sql_int(q);
	hc_member_as(c, id);
	snprintf(q, sizeof(q), "DELETE FROM member_consent WHERE member_id ="
	    " %lld", id);
	test_sql(q);
	is_int(hc_get(c, "/m/"), 303, "a member without consent is asked");
	is_str(hc_location_path(c), "/m/consent", "... at /m/consent");
	is_int(hc_get(c, "/m/consent"), 200, "... which shows");
	is_int(hc_count(c, "//article[@data-kind]"), 2, "... both texts");
	is_int(hc_post(c, "/m/logout", NULL), 303, "signing out needs no consent");
	hc_free(c);
}

int
main(void)
{
	struct hc *m = hc_new();

	who();
	ok(member_id > 0, "a demo member to bind");
	binding(m);
	reading();
	new_version(m);
	withdraw(m);
	never_agreed();
	hc_free(m);
	/* sql/026: every member session's consent flag is the rule's. */
	is_int(test_sql_int("SELECT COUNT(*) FROM session WHERE kind = 1 AND"
	    " m_consent <> consent_complete(subject_id)"), 0,
	    "every member session's consent is consent_complete()'s");
	return tap_done();
}
