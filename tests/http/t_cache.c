/*
 * t_cache.c -- the session cache (lib/session.c) behind nginx with two
 * workers per program.  While nothing changes, a signed-in page is served
 * without asking MariaDB who is asking; once something changes (sign-out,
 * password change or reset, role change, a write that moves the epoch), no
 * worker serves the old answer.  Each step asks several times, so both workers
 * take part.  A member page read afresh shows the member as they are now,
 * from the session row's copy (section 6).
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "epoch.h"
#include "tap.h"

#define TRIES	8
#define AGENT	"13800000001"	/* chairman of demo unit 1 */

/* How many of TRIES GETs of `path` answered `status`. */
static int
answers(struct hc *c, const char *path, int status)
{
	int i, n = 0;

	for (i = 0; i < TRIES; i++)
		if (hc_get(c, path) == status)
			n++;
	return n;
}

/* The same with the session cookie of `from` copied into a new client. */
static struct hc *
same_session(struct hc *from, const char *cookie)
{
	struct hc *c = hc_new();
	const char *v = hc_cookie(from, cookie);

	hc_set_cookie(c, cookie, v ? v : "");
	return c;
}

/* What every worker shows as the member's name, unit, ID number and bound
 * phone on /m/, or "" when not every try answered the same 200 page. */
static const char *
card_shown(struct hc *c)
{
	static char seen[512], one[512];
	int i;

	seen[0] = '\0';
	for (i = 0; i < TRIES; i++) {
		if (hc_get(c, "/m/") != 200)
			return "";
		snprintf(one, sizeof(one), "%s", hc_xpath(c, "concat("
		    "//*[@id='member-name'], '|', //*[@id='member-unit'], '|',"
		    " //*[@id='member-id'], '|', //*[@id='member-phone'])"));
		if (i > 0 && strcmp(one, seen) != 0)
			return "";
		memcpy(seen, one, sizeof(seen));
	}
	return seen;
}

/* An ID number as the home page shows it: 4 digits, stars, 4 digits. */
static const char *
masked(const char *id)
{
	static char out[64];
	size_t i, n = strlen(id);

	for (i = 0; i < n && i < sizeof(out) - 1; i++)
		out[i] = i < 4 || i >= n - 4 ? id[i] : '*';
	out[i] = '\0';
	return out;
}

/* What card_shown() should read: "name|unit|masked id|phone". */
static const char *
card(const char *name, const char *unit, const char *id, const char *phone)
{
	static char out[512];

	snprintf(out, sizeof(out), "%s|%s|%s|%s", name, unit, masked(id), phone);
	return out;
}

int
main(void)
{
	struct hc *a = hc_new(), *b, *r, *admin = hc_new(), *u = hc_new();
	struct hc *m = hc_new();
	char id[32], sql[256], code[16], id1[32], id2[32];
	long long unit1, unit2, mem;
	int i, n;

	/* 1. A write behind the programs' back that does not move the epoch
	 * is not seen at once: the page is served from the cache.  Moving
	 * the epoch (what hzctl and every audited change do) ends that. */
	hc_login_office(a, "finance");
	is_int(answers(a, "/o/", 200), TRIES, "finance signed in, home served");
	ok(test_sql_unannounced("DELETE FROM session WHERE kind = 3 AND subject_id ="
	    " (SELECT id FROM staff WHERE username = 'finance')"),
	    "session deleted behind the programs' back");
	ok(answers(a, "/o/", 200) > 0,
	    "a cached session is served without asking MariaDB");
	epoch_bump();
	is_int(answers(a, "/o/", 303), TRIES,
	    "once the epoch moves, no worker serves it (all go to login)");

	/* 2. Sign-out in one worker ends the session in every worker. */
	hc_login_office(a, "finance");
	is_int(answers(a, "/o/", 200), TRIES, "signed in again");
	b = same_session(a, "hz_o");
	is_int(answers(b, "/o/", 200), TRIES, "a copy of the cookie works too");
	is_int(hc_post(a, "/o/logout", NULL), 303, "sign out");
	is_int(answers(b, "/o/", 303), TRIES, "the old cookie is refused by every worker");
	hc_free(b);

	/* 3. A role taken away applies on the next page, in every worker.
	 * The user is made here (demo password) so other suites' counts of
	 * users and audit rows stay as they expect. */
	ok(test_sql("INSERT INTO staff (username, name, password_hash, roles)"
	    " SELECT 'cache.user', '缓存测试', password_hash, 'review1,review2'"
	    " FROM staff WHERE username = 'admin'"), "a two-role user exists");
	hc_login_office(admin, "admin");
	hc_login_office(a, "cache.user");
	for (i = n = 0; i < TRIES; i++)
		if (hc_get(a, "/o/") == 200 && hc_count(a, "//span[@data-role]") == 2)
			n++;
	is_int(n, TRIES, "both roles shown on every page");
	snprintf(id, sizeof(id), "%lld",
	    test_sql_int("SELECT id FROM staff WHERE username = 'cache.user'"));
	hc_get(admin, "/o/users");
	is_int(hc_post(admin, "/o/users/roles", "id", id, "role_review1", "1", NULL),
	    303, "admin takes review2 away");
	for (i = n = 0; i < TRIES; i++)
		if (hc_get(a, "/o/") == 200 && hc_count(a, "//span[@data-role]") == 1)
			n++;
	is_int(n, TRIES, "every worker shows one role at once");
	/* Gone again: t_office counts the users. */
	hc_post(a, "/o/logout", NULL);
	ok(test_sql("DELETE FROM staff WHERE username = 'cache.user'"),
	    "the two-role user removed");

	/* 4. A password change ends the agent's other sessions everywhere. */
	hc_login_agent(u, AGENT);
	is_int(answers(u, "/u/", 200), TRIES, "agent signed in");
	b = hc_new();
	hc_login_agent(b, AGENT);
	is_int(answers(b, "/u/", 200), TRIES, "the same agent on a second device");
	hc_get(u, "/u/password");
	hc_post(u, "/u/password", "old_password", "Demo2026", "password",
	    "cache2026", "password2", "cache2026", NULL);
	ok(strstr(hc_xpath(u, "string(//p[contains(@class,'msg-ok')])"),
	    "密码已修改") != NULL, "password changed on the first device");
	is_int(answers(b, "/u/", 303), TRIES,
	    "the second device is signed out in every worker");
	is_int(answers(u, "/u/", 200), TRIES, "the first device stays signed in");
	/* Put the demo password back for the suites after this one. */
	hc_get(u, "/u/password");
	hc_post(u, "/u/password", "old_password", "cache2026", "password",
	    "Demo2026", "password2", "Demo2026", NULL);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'agent.password.change' AND actor_id = (SELECT id FROM agent WHERE phone = '%s')",
	    AGENT);
	ok(test_sql_int(sql) >= 2, "both changes audited");
	hc_free(b);

	/* 5. A password reset by SMS code (someone not signed in) signs the
	 * agent out everywhere: a stolen session does not outlive it. */
	b = hc_new();
	hc_login_agent(b, AGENT);
	is_int(answers(b, "/u/", 200), TRIES, "agent signed in before the reset");
	r = hc_new();
	hc_get(r, "/u/forgot");
	n = sms_count(AGENT);
	hc_post(r, "/u/forgot", "phone", AGENT, "send_code", "1", NULL);
	snprintf(code, sizeof(code), "%s", sms_wait_code(AGENT, n));
	ok(strlen(code) == 6, "recovery code arrives");
	is_int(hc_post(r, "/u/forgot", "phone", AGENT, "code", code, "password",
	    "Demo2026", "password2", "Demo2026", NULL), 303, "password reset");
	is_int(answers(b, "/u/", 303), TRIES,
	    "the session from before the reset is refused by every worker");
	hc_free(r);

	/* 6. A member page out of a worker's cache reads the member from the
	 * session row's copy (会员名片, sql/019_session_card.sql).  Every
	 * change of what it shows reaches the copy, whatever statement makes
	 * it: after each (the epoch moved, so no worker keeps its cache),
	 * every worker shows the new value, never the old one. */
	unit1 = test_unit_new("名片测试工会", "13800009301");
	unit2 = test_unit_new("名片调入工会", "13800009302");
	snprintf(id1, sizeof(id1), "%s", test_id_number("1979-09-09", 301, 'F'));
	snprintf(id2, sizeof(id2), "%s", test_id_number("1979-09-09", 302, 'F'));
	mem = test_member_new(unit1, "名片甲", id1, 'F', "1979-09-09", "13900009301");
	ok(unit1 > 0 && unit2 > 0 && mem > 0, "a member of a unit of this test's own");
	ok(hc_member_as(m, mem), "the member signed in (the session row made)");
	is_str(card_shown(m), card("名片甲", "名片测试工会", id1, ""),
	    "home shows the member as the sign-in copied them");
	snprintf(sql, sizeof(sql), "UPDATE member SET name = '名片乙' WHERE id = %lld", mem);
	ok(test_sql(sql), "the member's name changed");
	is_str(card_shown(m), card("名片乙", "名片测试工会", id1, ""), "every worker shows the new name");
	snprintf(sql, sizeof(sql), "UPDATE member SET id_number = '%s' WHERE id = %lld", id2, mem);
	ok(test_sql(sql), "the member's ID number corrected");
	is_str(card_shown(m), card("名片乙", "名片测试工会", id2, ""), "every worker shows the new ID number");
	snprintf(sql, sizeof(sql), "UPDATE org SET name = '名片测试工会（更名）' WHERE id = %lld", unit1);
	ok(test_sql(sql), "the member's unit renamed");
	is_str(card_shown(m), card("名片乙", "名片测试工会（更名）", id2, ""),
	    "every worker shows the unit's new name");
	snprintf(sql, sizeof(sql), "UPDATE member SET unit_id = %lld WHERE id = %lld", unit2, mem);
	ok(test_sql(sql), "the member moved to another unit");
	is_str(card_shown(m), card("名片乙", "名片调入工会", id2, ""), "every worker shows the new unit");
	snprintf(sql, sizeof(sql), "UPDATE org SET name = '名片测试工会' WHERE id = %lld", unit1);
	ok(test_sql(sql), "the unit left renamed again");
	is_str(card_shown(m), card("名片乙", "名片调入工会", id2, ""), "which changes nothing for the member");
	snprintf(sql, sizeof(sql), "UPDATE org SET name = '名片调入工会（更名）' WHERE id = %lld", unit2);
	ok(test_sql(sql), "the new unit renamed");
	is_str(card_shown(m), card("名片乙", "名片调入工会（更名）", id2, ""),
	    "every worker shows the new unit's new name");
	snprintf(sql, sizeof(sql), "INSERT INTO member_bind (member_id, phone) VALUES (%lld, '13900009302')", mem);
	ok(test_sql(sql), "the member bound a phone");
	is_str(card_shown(m), card("名片乙", "名片调入工会（更名）", id2, "139****9302"),
	    "every worker shows the bound phone");
	snprintf(sql, sizeof(sql), "UPDATE member_bind SET phone = '13900009303' WHERE member_id = %lld", mem);
	ok(test_sql(sql), "the binding moved to another phone");
	is_str(card_shown(m), card("名片乙", "名片调入工会（更名）", id2, "139****9303"),
	    "every worker shows the new phone");
	snprintf(sql, sizeof(sql), "DELETE FROM member_bind WHERE member_id = %lld", mem);
	ok(test_sql(sql), "the binding removed");
	is_str(card_shown(m), card("名片乙", "名片调入工会（更名）", id2, ""), "no worker shows a phone");
	snprintf(sql, sizeof(sql), "UPDATE member SET unit_id = NULL WHERE id = %lld", mem);
	ok(test_sql(sql), "the member left the roster");
	is_str(card_shown(m), card("名片乙", "", id2, ""), "no worker shows a unit");
	/* A sign-in after the changes copies the member as they are now. */
	r = hc_new();
	ok(hc_member_as(r, mem), "the member signs in again");
	is_str(card_shown(r), card("名片乙", "", id2, ""), "the new session shows the member as now");
	hc_free(r);
	/* A session of no member signs nobody in; a member removed ends theirs. */
	r = hc_new();
	ok(hc_member_as(r, 999999999), "a session planted for a member that does not exist");
	is_int(answers(r, "/m/", 303), TRIES, "it signs nobody in");
	hc_free(r);
	snprintf(sql, sizeof(sql), "DELETE FROM membership WHERE member_id = %lld", mem);
	ok(test_sql(sql), "the member's 会籍 history removed");
	snprintf(sql, sizeof(sql), "DELETE FROM member WHERE id = %lld", mem);
	ok(test_sql(sql), "the member removed");
	is_int(answers(m, "/m/", 303), TRIES, "their session is refused by every worker");
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM session WHERE kind = 1 AND subject_id IN (%lld, 999999999)", mem);
	is_int(test_sql_int(sql), 1, "their sessions are gone (the planted one stays, harmless)");
	ok(test_sql("DELETE FROM session WHERE kind = 1 AND subject_id = 999999999"),
	    "the planted session removed");
	hc_free(m);

	hc_free(a);
	hc_free(b);
	hc_free(u);
	hc_free(admin);
	return tap_done();
}
