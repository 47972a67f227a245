/*
 * t_outage.c -- MariaDB goes away (kill -9) and comes back: every request
 * meanwhile gets the 503 page "系统繁忙，请稍后再试" with Retry-After, the
 * log says so once a second per process rather than per request, and the
 * service comes back by itself within a second of the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

static char srcdir[1024], logpath[1024];

static int
stack(const char *what)
{
	char cmd[2300];

	snprintf(cmd, sizeof(cmd), "bash %s/tests/stack.sh %s test >/dev/null 2>&1",
	    srcdir, what);
	return system(cmd);
}

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/*
 * Lines of the log after byte `from` that say the database is unreachable;
 * *dup counts those that repeat an earlier one's second and process.
 */
static int
unreachable_lines(long from, int *dup)
{
	char line[2048], seen[400][64];
	FILE *f = fopen(logpath, "r");
	int n = 0, k, i;

	*dup = 0;
	if (f == NULL)
		return -1;
	fseek(f, from, SEEK_SET);
	while (fgets(line, sizeof(line), f)) {
		char key[64], *colon;

		if (strstr(line, "db unreachable") == NULL)
			continue;
		/* "YYYY-MM-DD HH:MM:SS prog[pid] error: ..." */
		colon = strstr(line, " error:");
		k = colon ? (int)(colon - line) : 0;
		snprintf(key, sizeof(key), "%.*s", k < 63 ? k : 63, line);
		for (i = 0; i < n && i < 400; i++)
			if (strcmp(seen[i], key) == 0)
				(*dup)++;
		if (n < 400)
			snprintf(seen[n], sizeof(seen[n]), "%s", key);
		n++;
	}
	fclose(f);
	return n;
}

int
main(void)
{
	const char *s = getenv("HZ_SRCDIR"), *b = getenv("HZ_BUILDDIR");
	struct hc *office = hc_new(), *anon = hc_new(), *agent = hc_new();
	char bogus[80];
	int i, busy = 0, retry = 0, chinese = 0, lines, dup, st = 0;
	long from;
	double t0, back;

	snprintf(srcdir, sizeof(srcdir), "%s", s ? s : b ? b : ".");
	if (s == NULL && b)
		snprintf(srcdir, sizeof(srcdir), "%s/../..", b);
	snprintf(logpath, sizeof(logpath), "%s/run/test/log/huzhu.log", b ? b : ".");

	hc_login_office(office, "review1");
	is_int(hc_get(office, "/o/"), 200, "office home before the outage");
	/* A session no worker has cached: its check needs the database. */
	snprintf(bogus, sizeof(bogus), "%064d", 7);
	hc_set_cookie(agent, "hz_u", bogus);

	from = test_log_size();
	is_int(stack("db-kill"), 0, "MariaDB killed");
	t0 = now_s();
	for (i = 0; i < 60; i++) {
		struct hc *c = i % 2 ? agent : anon;

		if (i % 2)
			st = hc_get(c, "/u/");
		else {
			hc_get(c, "/o/login");
			st = hc_post(c, "/o/login", "username", "review1", "password",
			    "Demo2026", NULL);
		}
		busy += st == 503;
		retry += hc_header(c, "Retry-After") != NULL;
		chinese += strstr(hc_body(c) ? hc_body(c) : "", "系统繁忙，请稍后再试") != NULL;
		usleep(20000);
	}
	is_int(busy, 60, "every request that needs the database gets 503");
	is_int(retry, 60, "... with Retry-After");
	is_int(chinese, 60, "... and the page says 系统繁忙，请稍后再试");
	lines = unreachable_lines(from, &dup);
	ok(lines >= 1 && lines < 30, "the log says the database is unreachable (%d lines"
	    " for 60 requests in %.1f s)", lines, now_s() - t0);
	is_int(dup, 0, "... at most once a second per process");

	is_int(stack("db-start"), 0, "MariaDB started again");
	t0 = now_s();
	back = -1;
	while (now_s() - t0 < 5) {
		if (hc_get(agent, "/u/") == 303) {
			back = now_s() - t0;
			break;
		}
		usleep(10000);
	}
	ok(back >= 0 && back <= 1.0, "service is back within 1 s of the database (%.3f s)",
	    back);
	is_int(hc_get(office, "/o/"), 200, "the office session outlived the outage");
	hc_get(anon, "/o/login");
	is_int(hc_post(anon, "/o/login", "username", "review1", "password", "Demo2026", NULL),
	    303, "signing in works again");

	hc_free(office);
	hc_free(anon);
	hc_free(agent);
	return tap_done();
}
