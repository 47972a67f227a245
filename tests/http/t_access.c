/*
 * t_access.c -- the role matrix: every route of every program (read from
 * the programs' own tables, so a new route is in it without editing this
 * file) called by everyone: nobody, a bound member, a unit agent and each
 * office role.  Whoever the route's access does not admit is sent to
 * sign in, or refused (403/404): never a page, never a change.  Whoever
 * it admits reads its GET routes without a 5xx.  (Which record is whose is each flow's own test:
 * t_enroll, t_files, t_move, ...)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

enum who { W_ANON, W_MEMBER, W_AGENT, W_REVIEW1, W_REVIEW2, W_MEDICAL,
    W_FINANCE, W_ADMIN, W_EDITOR, W__MAX };

static const char *const names[W__MAX] = {
	"nobody", "member", "agent", "review1", "review2", "medical",
	"finance", "admin", "editor",
};

/* The office roles' bits (lib/core/kind.h enum role). */
static const unsigned bits[W__MAX] = {
	[W_REVIEW1] = 1u << 0, [W_REVIEW2] = 1u << 1, [W_MEDICAL] = 1u << 2,
	[W_FINANCE] = 1u << 3, [W_ADMIN] = 1u << 4, [W_EDITOR] = 1u << 5,
};

#define MAXROUTES	400

static struct hc_route routes[MAXROUTES];
static struct hc *cl[W__MAX];
static char tok[W__MAX][80];

static void
sign_in(enum who w)
{
	static const char *const home[W__MAX] = {
		[W_ANON] = "/u/login", [W_MEMBER] = "/m/", [W_AGENT] = "/u/",
	};

	hc_free(cl[w]);
	cl[w] = hc_new();
	if (w == W_MEMBER)
		hc_bind_member(cl[w], 62);
	else if (w == W_AGENT)
		hc_login_agent(cl[w], "13800000002");
	else if (w != W_ANON)
		hc_login_office(cl[w], names[w]);
	hc_get(cl[w], home[w] ? home[w] : "/o/");
	snprintf(tok[w], sizeof(tok[w]), "%s",
	    hc_xpath(cl[w], "string((//input[@name='_csrf'])[1]/@value)"));
}

/* Whether the route's access admits w. */
static int
admits(const struct hc_route *r, enum who w)
{
	if (strcmp(r->access, "anon") == 0)
		return 1;
	if (strcmp(r->access, "member") == 0)
		return w == W_MEMBER;
	if (strncmp(r->access, "agent", 5) == 0)
		return w == W_AGENT;
	return (r->roles & bits[w]) != 0;
}

/* The path with harmless ids, so a route that needs one finds none. */
static const char *
path_of(const struct hc_route *r)
{
	static char p[300];

	snprintf(p, sizeof(p), "%s%s", r->path,
	    strcmp(r->method, "GET") == 0 ? "?id=1&unit=1" : "");
	return p;
}

static int
call(enum who w, const struct hc_route *r)
{
	if (strcmp(r->method, "GET") == 0)
		return hc_get(cl[w], path_of(r));
	return hc_post(cl[w], r->path, "_csrf", tok[w], "id", "1", "unit", "1",
	    NULL);
}

/* A refusal: to a sign-in page, or 403 / 404. */
static int
refused(enum who w, int st)
{
	const char *loc = hc_location_path(cl[w]);

	if (st == 403 || st == 404)
		return 1;
	return st == 303 && (strncmp(loc, "/u/login", 8) == 0 ||
	    strncmp(loc, "/o/login", 8) == 0 || strncmp(loc, "/m/bind", 7) == 0);
}

/* Routes of issue 12's messages part, with the access they must have. */
static const struct { const char *method, *path, *access; } own[] = {
	{ "GET", "/m/me", "member" },
	{ "GET", "/m/messages", "member" },
	{ "GET", "/m/message", "member" },
	{ "POST", "/m/messages/read-all", "member" },
	{ "GET", "/u/messages", "agent" },
	{ "GET", "/u/message", "agent" },
	{ "POST", "/u/messages/read-all", "agent" },
};

/* Whether the route table has `method path` with `access`. */
static int
has_route(int n, const char *method, const char *path, const char *access)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(routes[i].method, method) == 0 &&
		    strcmp(routes[i].path, path) == 0 &&
		    strcmp(routes[i].access, access) == 0)
			return 1;
	return 0;
}

int
main(void)
{
	int n = hc_routes(routes, MAXROUTES), i, st, bad = 0, fives = 0;
	enum who w;

	ok(n > 80, "every program's routes (%d)", n);
	/* 站内信 and 个人中心 (issue 12) are in the matrix, for their own. */
	for (i = 0; i < (int)(sizeof(own) / sizeof(own[0])); i++)
		ok(has_route(n, own[i].method, own[i].path, own[i].access),
		    "%s %s is walked, for %s", own[i].method, own[i].path,
		    own[i].access);
	for (w = 0; w < W__MAX; w++)
		sign_in(w);
	ok(hc_cookie(cl[W_MEMBER], "hz_m") != NULL, "a member is bound");
	for (i = 0; i < n; i++) {
		const struct hc_route *r = &routes[i];

		if (strcmp(r->access, "anon") == 0)
			continue;
		for (w = 0; w < W__MAX; w++) {
			/* Those admitted only read: a POST of theirs may
			 * change something (t_walk posts junk to them all). */
			if (admits(r, w) && strcmp(r->method, "GET") != 0)
				continue;
			st = call(w, r);
			if (admits(r, w)) {
				if (st >= 500 || st == 0) {
					fives++;
					printf("# %s %s by %s: %d\n", r->method,
					    r->path, names[w], st);
				}
				continue;
			}
			if (!refused(w, st))
				bad++;
			ok(refused(w, st), "%s %s by %s: refused (%d)",
			    r->method, r->path, names[w], st);
		}
	}
	is_int(bad, 0, "no route serves anyone its access does not admit");
	is_int(fives, 0, "no route answers 5xx to those it admits");
	for (w = 0; w < W__MAX; w++)
		hc_free(cl[w]);
	return tap_done();
}
