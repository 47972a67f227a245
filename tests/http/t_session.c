/*
 * t_session.c -- sessions and CSRF tokens at their edges, on each portal.
 *
 * Idle expiry: a session idle for a little less than its portal's limit
 * (huzhu.conf defaults: member 30 days, agent 2 h, office 30 min) still
 * works; idle for the limit or a second more, it goes to the sign-in page.
 * The absolute lifetime (member 180 days, agent and office 12 h) the same,
 * also while the session sits in a worker's cache.  The clock is moved in
 * the database (test_sql moves the epoch, so no cache hides the change).
 *
 * CSRF: signed in on each portal, and anonymous, a POST carrying the right
 * token with its last character changed, the right token less its last
 * character, or the right token and one more is refused with 403 and
 * changes nothing; the right token works.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

#define AGENT	"13800000005"	/* chairman of demo unit 5 */
#define TRIES	6		/* GETs per check, so both workers answer */

/* A member has no password: the test plants the session bind would make. */
#define MEMBER_TOKEN \
	"5e55104e0000000000000000000000000000000000000000000000000000a001"
#define MEMBER_CSRF \
	"c5f0000000000000000000000000000000000000000000000000000000000b01"

/*
 * One portal: where it sends the signed-out, which session rows are the
 * user's, and its limits (lib/conf.c, lib/session.c).
 */
struct portal {
	const char	*name;
	const char	*home;
	const char	*login;		/* where a signed-out visitor is sent */
	const char	*logout;
	const char	*rows;		/* WHERE clause naming the user's sessions */
	long		 idle;
	long		 absolute;
};

static const struct portal portals[] = {
	{ "member", "/m/", "/m/bind", "/m/logout",
	  "token_hash = UNHEX(SHA2('" MEMBER_TOKEN "', 256))",
	  30L * 86400, 180L * 86400 },
	{ "agent", "/u/", "/u/login", "/u/logout",
	  "kind = 2 AND subject_id = (SELECT id FROM agent WHERE phone = '"
	  AGENT "')", 2L * 3600, 12L * 3600 },
	{ "office", "/o/", "/o/login", "/o/logout",
	  "kind = 3 AND subject_id = (SELECT id FROM staff WHERE username ="
	  " 'medical')", 30L * 60, 12L * 3600 },
};

#define NPORTALS (sizeof(portals) / sizeof(portals[0]))

/* Sign in on portal `p`: a fresh session, the only one of its user. */
static void
sign_in(struct hc *c, const struct portal *p)
{
	char q[512];

	snprintf(q, sizeof(q), "DELETE FROM session WHERE %s", p->rows);
	test_sql(q);
	if (strcmp(p->name, "member") == 0) {
		test_sql("INSERT INTO session (token_hash, kind, subject_id, csrf,"
		    " ip, created_at, last_seen) SELECT UNHEX(SHA2('" MEMBER_TOKEN
		    "', 256)), 1, MIN(id), '" MEMBER_CSRF "', '', NOW(), NOW()"
		    " FROM member");
		test_sql("INSERT INTO member_consent (member_id, kind,"
		    " version, agreed_at, ip) SELECT m.id, t.kind, t.version,"
		    " NOW(), '' FROM consent_text t JOIN (SELECT MIN(id) AS id"
		    " FROM member) m WHERE t.is_current = 1");
		hc_set_cookie(c, "hz_m", MEMBER_TOKEN);
	} else if (strcmp(p->name, "agent") == 0)
		hc_login_agent(c, AGENT);
	else
		hc_login_office(c, "medical");
}

/* Set the session's `column` to `secs` seconds ago. */
static void
set_ago(const struct portal *p, const char *column, long secs)
{
	char q[512];

	snprintf(q, sizeof(q), "UPDATE session SET %s = NOW() - INTERVAL %ld"
	    " SECOND WHERE %s", column, secs, p->rows);
	test_sql(q);
}

/* 1 if the home page serves, 0 if it sends to the portal's sign-in. */
static int
home(struct hc *c, const struct portal *p)
{
	int st = hc_get(c, p->home);

	if (st == 200)
		return 1;
	if (st != 303 || strcmp(hc_location_path(c), p->login) != 0)
		printf("# %s: %d to '%s'\n", p->home, st, hc_location_path(c));
	return 0;
}

/* How many of TRIES home pages served. */
static int
homes(struct hc *c, const struct portal *p)
{
	int i, n = 0;

	for (i = 0; i < TRIES; i++)
		n += home(c, p);
	return n;
}

static void
expiry(const struct portal *p)
{
	struct hc *c = hc_new();

	sign_in(c, p);
	ok(home(c, p), "%s: signed in", p->name);

	/* Idle: last_seen moved back. */
	set_ago(p, "last_seen", p->idle - 3);
	ok(home(c, p), "%s: idle 3 s less than the limit (%ld s): still signed in",
	    p->name, p->idle);
	set_ago(p, "last_seen", p->idle + 1);
	ok(!home(c, p), "%s: idle 1 s past the limit: sent to sign in", p->name);
	test_second_start();
	set_ago(p, "last_seen", p->idle);
	ok(!home(c, p), "%s: idle exactly the limit: sent to sign in", p->name);
	set_ago(p, "last_seen", p->idle - 3);
	ok(home(c, p), "%s: the same session back inside the limit works:"
	    " only the time decided", p->name);

	/* Absolute: created_at moved back, while in use. */
	set_ago(p, "last_seen", 0);
	set_ago(p, "created_at", p->absolute - 3);
	ok(home(c, p), "%s: 3 s before the absolute end (%ld s): still signed in",
	    p->name, p->absolute);
	set_ago(p, "created_at", p->absolute + 1);
	ok(!home(c, p), "%s: 1 s past the absolute end: sent to sign in",
	    p->name);
	test_second_start();
	set_ago(p, "created_at", p->absolute);
	ok(!home(c, p), "%s: exactly at the absolute end: sent to sign in",
	    p->name);

	/* The cache keeps a session no longer than its absolute end. */
	set_ago(p, "created_at", p->absolute - 3);
	is_int(homes(c, p), TRIES, "%s: 3 s before the end, every worker serves"
	    " (and caches) it", p->name);
	sleep(4);
	is_int(homes(c, p), 0, "%s: 1 s after the end, no worker serves it from"
	    " its cache", p->name);
	hc_free(c);
}

/* POST `token` to the portal's logout; returns the status. */
static int
post_token(struct hc *c, const struct portal *p, const char *token)
{
	return hc_post(c, p->logout, "_csrf", token, NULL);
}

/*
 * A token that is wrong by one character: `how` is 'c' (last character
 * changed), 'p' (prefix: last character dropped), '+' (one more).
 */
static const char *
near(const char *right, int how)
{
	static char out[128];
	size_t n = strlen(right);

	snprintf(out, sizeof(out), "%s", right);
	if (n == 0)
		return out;
	if (how == 'c')
		out[n - 1] = out[n - 1] == '0' ? '1' : '0';
	else if (how == 'p')
		out[n - 1] = '\0';
	else
		snprintf(out + n, sizeof(out) - n, "0");
	return out;
}

static const struct {
	int		 how;
	const char	*what;
} nears[] = {
	{ 'c', "right token, last character changed (same length)" },
	{ 'p', "right token less its last character (a prefix)" },
	{ '+', "right token and one character more" },
};

#define NNEARS (sizeof(nears) / sizeof(nears[0]))

static void
csrf_signed_in(const struct portal *p, const char *others)
{
	struct hc *c = hc_new();
	char token[128];
	size_t i;

	sign_in(c, p);
	home(c, p);
	snprintf(token, sizeof(token), "%s",
	    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"));
	is_int(strlen(token), 64, "%s: the page carries a 64-character token",
	    p->name);
	for (i = 0; i < NNEARS; i++) {
		home(c, p);
		is_int(post_token(c, p, near(token, nears[i].how)), 403,
		    "%s: %s: 403", p->name, nears[i].what);
		ok(strstr(hc_body(c), "页面已过期") != NULL,
		    "%s: ... saying the page has expired", p->name);
		ok(home(c, p), "%s: ... and still signed in", p->name);
	}
	if (others) {
		home(c, p);
		is_int(post_token(c, p, others), 403,
		    "%s: another session's token: 403", p->name);
		ok(home(c, p), "%s: ... and still signed in", p->name);
	}
	home(c, p);
	is_int(post_token(c, p, token), 303, "%s: the right token signs out",
	    p->name);
	ok(!home(c, p), "%s: ... signed out", p->name);
	hc_free(c);
}

/* Anonymous: the double-submit cookie on the agent's password sign-in. */
static void
csrf_anonymous(void)
{
	struct hc *c = hc_new();
	char token[128];
	size_t i;

	hc_get(c, "/u/login?tab=password");
	snprintf(token, sizeof(token), "%s",
	    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"));
	is_str(hc_cookie(c, "hz_csrf"), token,
	    "anonymous: the form's token is the hz_csrf cookie");
	for (i = 0; i < NNEARS; i++) {
		is_int(hc_post(c, "/u/login/password", "login", AGENT,
		    "password", "Demo2026", "_csrf", near(token, nears[i].how),
		    NULL), 403, "anonymous sign-in, %s: 403", nears[i].what);
		is_int(hc_get(c, "/u/"), 303, "... not signed in");
	}
	is_int(hc_post(c, "/u/login/password", "login", AGENT, "password",
	    "Demo2026", "_csrf", token, NULL), 303,
	    "anonymous sign-in with the right token: signed in");
	is_int(hc_get(c, "/u/"), 200, "... the home page serves");
	hc_free(c);
}

int
main(void)
{
	struct hc *other = hc_new();
	char others[128];
	size_t i;

	for (i = 0; i < NPORTALS; i++)
		expiry(&portals[i]);

	/* Someone else's office session: its token is right, but not here. */
	hc_login_office(other, "finance");
	hc_get(other, "/o/");
	snprintf(others, sizeof(others), "%s",
	    hc_xpath(other, "string((//input[@name='_csrf'])[1]/@value)"));
	for (i = 0; i < NPORTALS; i++)
		csrf_signed_in(&portals[i],
		    strcmp(portals[i].name, "office") == 0 ? others : NULL);
	csrf_anonymous();

	test_sql("DELETE FROM session WHERE token_hash = UNHEX(SHA2('"
	    MEMBER_TOKEN "', 256))");
	hc_free(other);
	return tap_done();
}
