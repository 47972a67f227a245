/*
 * t_cache.c -- the session cache (lib/session.c) behind nginx with two
 * workers per program.  While nothing changes, a signed-in page is served
 * without asking MariaDB who is asking; once something changes (sign-out,
 * password change or reset, role change, a write that moves the epoch), no
 * worker serves the old answer.  Each step asks several times, so both workers
 * take part.
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

int
main(void)
{
	struct hc *a = hc_new(), *b, *r, *admin = hc_new(), *u = hc_new();
	char id[32], sql[256], code[16];
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

	hc_free(a);
	hc_free(b);
	hc_free(u);
	hc_free(admin);
	return tap_done();
}
