/*
 * t_cookies.c -- cookies that are not ours (issue 8, point 11): the
 * anonymous CSRF cookie is taken only in the form it is issued in (64
 * lowercase hex), anything else is replaced; a session cookie sent twice
 * is refused with the 400 page instead of the first one winning.
 */
#include <stdio.h>
#include <string.h>

#include "client.h"
#include "tap.h"

/* 64 lowercase hex digits. */
static int
hex64(const char *s)
{
	size_t i;

	for (i = 0; s && s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s && i == 64;
}

/* A browser with an empty jar (hc_raw's Cookie header then goes alone). */
static struct hc *
fresh(struct hc **c)
{
	hc_free(*c);
	return *c = hc_new();
}

int
main(void)
{
	static const char *const planted[] = {
		"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
		"ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
		"0123456789abcdef",
		"%3Cscript%3E0123456789abcdef0123456789abcdef0123456789abcdef0123",
	};
	struct hc *c, *a = hc_new();
	char tok[128], hdr[512], junk[80];
	size_t i;
	int st;

	/* A planted hz_csrf of any other form is replaced, not used. */
	for (i = 0; i < sizeof(planted) / sizeof(planted[0]); i++) {
		c = hc_new();
		hc_set_cookie(c, "hz_csrf", planted[i]);
		is_int(hc_get(c, "/u/login"), 200, "login page with hz_csrf #%zu", i);
		snprintf(tok, sizeof(tok), "%s",
		    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"));
		ok(hex64(tok) && strcmp(tok, planted[i]) != 0,
		    "... the form carries a fresh token, not the planted one");
		ok(hc_header(c, "Set-Cookie") != NULL &&
		    strncmp(hc_header(c, "Set-Cookie"), "hz_csrf=", 8) == 0,
		    "... and a fresh hz_csrf cookie is set");
		is_str(hc_cookie(c, "hz_csrf"), tok, "... the jar holds the new one");
		hc_free(c);
	}
	/* The attacker's double submit with the planted value fails. */
	c = hc_new();
	hc_set_cookie(c, "hz_csrf", planted[0]);
	st = hc_post(c, "/u/login/password", "_csrf", planted[0], "login",
	    "13800000001", "password", "Demo2026", NULL);
	is_int(st, 403, "a POST carrying the planted token: 403");
	ok(strstr(hc_body(c), "页面已过期") != NULL, "... 页面已过期");
	ok(hc_cookie(c, "hz_u") == NULL, "... and nobody is signed in");
	hc_free(c);
	/* The issued form is kept across requests. */
	c = hc_new();
	hc_get(c, "/u/login");
	snprintf(tok, sizeof(tok), "%s", hc_cookie(c, "hz_csrf"));
	hc_get(c, "/u/forgot");
	is_str(hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"), tok,
	    "an issued token is kept");
	hc_free(c);

	/* Two session cookies of one name: 400, whichever comes first. */
	hc_login_agent(a, "13800000001");
	snprintf(tok, sizeof(tok), "%s", hc_cookie(a, "hz_u") ?
	    hc_cookie(a, "hz_u") : "");
	ok(*tok, "an agent is signed in");
	memset(junk, 'a', 64);
	junk[64] = '\0';
	c = hc_new();
	snprintf(hdr, sizeof(hdr), "Cookie: hz_u=%s", tok);
	is_int(hc_raw(fresh(&c), "GET", "/u/", hdr, NULL), 200, "one hz_u: signed in");
	snprintf(hdr, sizeof(hdr), "Cookie: hz_u=%s; hz_u=%s", tok, junk);
	st = hc_raw(fresh(&c), "GET", "/u/", hdr, NULL);
	is_int(st, 400, "hz_u twice (real first): 400");
	ok(strstr(hc_body(c), "lang=\"zh-CN\"") != NULL &&
	    strstr(hc_body(c), "请求") != NULL, "... the Chinese 400 page");
	snprintf(hdr, sizeof(hdr), "Cookie: hz_u=%s; hz_u=%s", junk, tok);
	is_int(hc_raw(fresh(&c), "GET", "/u/", hdr, NULL), 400,
	    "hz_u twice (real second): 400");
	snprintf(hdr, sizeof(hdr), "Cookie: hz_u=%s; hz_u=%s", tok, tok);
	is_int(hc_raw(fresh(&c), "GET", "/u/", hdr, NULL), 400,
	    "hz_u twice, same value: 400");
	snprintf(hdr, sizeof(hdr), "Cookie: hz_o=%s; hz_o=%s", junk, junk);
	is_int(hc_raw(fresh(&c), "GET", "/o/login", hdr, NULL), 400,
	    "hz_o twice on the office login: 400");
	snprintf(hdr, sizeof(hdr), "Cookie: hz_m=%s; other=1; hz_m=%s", junk,
	    junk);
	is_int(hc_raw(fresh(&c), "GET", "/m/bind", hdr, NULL), 400,
	    "hz_m twice on the member portal: 400");
	snprintf(hdr, sizeof(hdr), "Cookie: other=1; other=2; hz_u=%s", tok);
	is_int(hc_raw(fresh(&c), "GET", "/u/", hdr, NULL), 200,
	    "someone else's cookie twice: not ours to judge");
	hc_free(c);

	hc_free(a);
	return tap_done();
}
