/*
 * t_walk.c -- every form of every route with input no form expects
 * (issue 8, point 6): no answer is a 5xx.
 *
 * The routes come from the programs themselves (`hz-* --routes`), so a new
 * route is walked without editing this file.  Signed in with a demo account
 * that may call each route, the walk GETs every GET route and the links on
 * those pages (two links deep), collects the POST forms it finds, and submits each form once
 * per field and payload: 10 000 ASCII characters, 10 000 four-byte
 * characters, invalid UTF-8, NUL bytes (raw and %00), and 𠀾 at the
 * field's limit (learnt from the "不能超过N个字" the long payload drew).  A
 * form with a file input also gets those payloads as the file's name.
 * Every POST route is then posted those payloads under the usual names.
 * Runs last (t_w…) because it leaves junk behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "client.h"
#include "tap.h"

enum who { W_ANON, W_MEMBER, W_AGENT, W_REVIEW1, W_REVIEW2, W_MEDICAL,
    W_FINANCE, W_ADMIN, W_EDITOR, W__MAX };

/* Office users by role bit (lib/http.h enum role), demo accounts. */
static const struct { unsigned bit; enum who who; const char *user; }
    office[] = {
	{ 1u << 0, W_REVIEW1, "review1" },
	{ 1u << 1, W_REVIEW2, "review2" },
	{ 1u << 4, W_ADMIN, "admin" },
	{ 1u << 2, W_MEDICAL, "medical" },
	{ 1u << 3, W_FINANCE, "finance" },
	{ 1u << 5, W_EDITOR, "editor" },
};


/* Controls per form: a plan's form has 63 (tests/http/t_plan.c). */
#define MAXCTLS	72

struct ctl {
	char	 name[64], type[16], value[512];
	int	 file, xlsx;
};

struct form {
	enum who	 who;
	char		 action[512], key[1024];
	int		 multipart;
	struct ctl	 c[MAXCTLS];
	int		 n;
};

#define MAXROUTES	256
#define MAXFORMS	256
#define MAXPAGES	300

static struct hc_route routes[MAXROUTES];
static int nroutes;
static struct form forms[MAXFORMS];
static int nforms;
static char seen[MAXPAGES][512];
static int seen_depth[MAXPAGES];
static int nseen;
static struct hc *cl[W__MAX];
static char tok[W__MAX][80];
static char pdf[8192], xlsx[65536];
static size_t pdflen, xlsxlen;
static int fivexx;
static int no_resign;	/* walking the logouts: stay signed out */

/* Payloads; PL_LIMIT is built per field. */
enum payload { PL_ASCII, PL_WIDE, PL_BADUTF8, PL_NUL, PL_NUL_PCT, PL_LIMIT,
    PL__MAX };
static const char *const pl_names[PL__MAX] = {
	"10000 ASCII", "10000 𠀾", "invalid UTF-8", "raw NUL", "%00",
	"𠀾 at the limit",
};
static char *pl_ascii, *pl_wide;

static char *
repeat(const char *s, int n)
{
	size_t l = strlen(s);
	char *out = malloc(l * (size_t)n + 1);
	int i;

	for (i = 0; i < n; i++)
		memcpy(out + l * (size_t)i, s, l);
	out[l * (size_t)n] = '\0';
	return out;
}

static void
slurp(const char *name, char *buf, size_t size, size_t *len)
{
	const char *src = getenv("HZ_SRCDIR");
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/data/%s", src ? src : ".", name);
	*len = 0;
	if ((f = fopen(path, "rb")) != NULL) {
		*len = fread(buf, 1, size, f);
		fclose(f);
	}
}

/* Who walks a route: a demo account its access allows. */
static enum who
who_for(const struct hc_route *r)
{
	size_t i;

	if (strcmp(r->access, "member") == 0)
		return W_MEMBER;
	if (strncmp(r->access, "agent", 5) == 0)
		return W_AGENT;
	if (strcmp(r->access, "office") == 0) {
		for (i = 0; i < sizeof(office) / sizeof(office[0]); i++)
			if (r->roles & office[i].bit)
				return office[i].who;
		return W_ADMIN;
	}
	return W_ANON;
}

/* Sign `w` in (again) and learn its CSRF token. */
static void
sign_in(enum who w)
{
	static const char *const home[W__MAX] = {
		[W_ANON] = "/u/login", [W_MEMBER] = "/m/", [W_AGENT] = "/u/",
	};
	size_t i;

	hc_free(cl[w]);
	cl[w] = hc_new();
	if (w == W_MEMBER)
		hc_bind_member(cl[w], 60);
	else if (w == W_AGENT)
		hc_login_agent(cl[w], "13800000001");
	for (i = 0; i < sizeof(office) / sizeof(office[0]); i++)
		if (office[i].who == w)
			hc_login_office(cl[w], office[i].user);
	hc_get(cl[w], home[w] ? home[w] : "/o/");
	snprintf(tok[w], sizeof(tok[w]), "%s",
	    hc_xpath(cl[w], "string((//input[@name='_csrf'])[1]/@value)"));
}

/* After a request: a 5xx is a failure; a trip to a login page signs in
 * again so the walk goes on as someone. */
static void
check(enum who w, int st, const char *what, const char *detail)
{
	const char *loc = hc_location_path(cl[w]);

	if (st >= 500 || st == 0) {
		fivexx++;
		printf("# %d from %s (%s)\n", st, what, detail);
	}
	if (w != W_ANON && !no_resign && (strcmp(loc, "/u/login") == 0 ||
	    strcmp(loc, "/o/login") == 0 || strcmp(loc, "/m/bind") == 0))
		sign_in(w);
}

/* Collect the POST forms of the page in cl[w], once per action and names. */
static void
collect_forms(enum who w)
{
	struct hc *c = cl[w];
	char x[1200], key[1024];
	struct form *f;
	int nf, k, nc, j;

	nf = hc_count(c, "//form");
	for (k = 1; k <= nf && nforms < MAXFORMS; k++) {
		snprintf(x, sizeof(x), "string((//form)[%d]/@method)", k);
		if (strcasecmp(hc_xpath(c, x), "post") != 0)
			continue;
		f = &forms[nforms];
		memset(f, 0, sizeof(*f));
		f->who = w;
		snprintf(x, sizeof(x), "string((//form)[%d]/@action)", k);
		snprintf(f->action, sizeof(f->action), "%s", hc_xpath(c, x));
		if (strstr(f->action, "logout") || f->action[0] != '/')
			continue;
		snprintf(x, sizeof(x), "string((//form)[%d]/@enctype)", k);
		f->multipart = strstr(hc_xpath(c, x), "multipart") != NULL;
		snprintf(x, sizeof(x), "(//form)[%d]//*[self::input or"
		    " self::textarea or self::select][@name]", k);
		nc = hc_count(c, x);
		snprintf(key, sizeof(key), "%d %s", w, f->action);
		for (j = 1; j <= nc && f->n < MAXCTLS; j++) {
			struct ctl *t = &f->c[f->n];
			char base[200];

			snprintf(base, sizeof(base), "((//form)[%d]//*[self::input"
			    " or self::textarea or self::select][@name])[%d]", k, j);
			snprintf(x, sizeof(x), "string(%s/@name)", base);
			snprintf(t->name, sizeof(t->name), "%s", hc_xpath(c, x));
			snprintf(x, sizeof(x), "string(%s/@type)", base);
			snprintf(t->type, sizeof(t->type), "%s", hc_xpath(c, x));
			if (!strcmp(t->type, "submit") || !strcmp(t->type, "button")
			    || !strcmp(t->type, "reset"))
				continue;
			snprintf(x, sizeof(x), "boolean(%s[(@type='checkbox' or"
			    " @type='radio') and not(@checked)])", base);
			if (strcmp(hc_xpath(c, x), "true") == 0)
				continue;
			snprintf(x, sizeof(x), "string(%s[self::input]/@value |"
			    " %s[self::textarea] | (%s/option[@selected] |"
			    " %s/option)[1]/@value)", base, base, base, base);
			snprintf(t->value, sizeof(t->value), "%s", hc_xpath(c, x));
			t->file = strcmp(t->type, "file") == 0;
			snprintf(x, sizeof(x), "string(%s/@accept)", base);
			t->xlsx = strstr(hc_xpath(c, x), "xlsx") != NULL;
			if (strlen(key) + strlen(t->name) + 2 < sizeof(key)) {
				strcat(key, " ");
				strcat(key, t->name);
			}
			f->n++;
		}
		snprintf(f->key, sizeof(f->key), "%s", key);
		for (j = 0; j < nforms; j++)
			if (strcmp(forms[j].key, f->key) == 0)
				break;
		if (j == nforms)
			nforms++;
	}
}

/* GET a page once, check it, keep its forms and (depth 0) its links. */
static void
visit(enum who w, const char *path, int depth)
{
	char x[64], link[512], prefix[8];
	int i, n, st;

	/* Once per page, unless now reached by a shorter way. */
	for (i = 0; i < nseen; i++)
		if (strcmp(seen[i], path) == 0)
			break;
	if (i < nseen && seen_depth[i] <= depth)
		return;
	if (i == nseen && nseen >= MAXPAGES)
		return;
	if (i == nseen)
		snprintf(seen[nseen++], sizeof(seen[0]), "%s", path);
	seen_depth[i] = depth;
	st = hc_get(cl[w], path);
	check(w, st, "GET", path);
	if (st != 200 || strstr(path, ".xlsx") ||
	    hc_header(cl[w], "Content-Disposition"))
		return;
	collect_forms(w);
	if (depth > 1)
		return;
	snprintf(prefix, sizeof(prefix), "%.3s", path);
	n = hc_count(cl[w], "//a[@href]");
	for (i = 1; i <= n && i <= 40; i++) {
		snprintf(x, sizeof(x), "string((//a[@href])[%d]/@href)", i);
		snprintf(link, sizeof(link), "%s", hc_xpath(cl[w], x));
		if (strncmp(link, prefix, 3) != 0 || strstr(link, "logout"))
			continue;
		visit(w, link, depth + 1);
		/* visit() replaced the page: fetch this one back. */
		hc_get(cl[w], path);
	}
}

/* Percent-encode n bytes of s onto the growing body b. */
static void
put_enc(char **b, size_t *len, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	*b = realloc(*b, *len + n * 3 + 2);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
		    ch == '.')
			(*b)[(*len)++] = (char)ch;
		else {
			(*b)[(*len)++] = '%';
			(*b)[(*len)++] = hex[ch >> 4];
			(*b)[(*len)++] = hex[ch & 15];
		}
	}
}

static void
put_raw(char **b, size_t *len, const char *s, size_t n)
{
	*b = realloc(*b, *len + n + 1);
	memcpy(*b + *len, s, n);
	*len += n;
}

/* The payload's bytes (raw: to go unencoded). */
static const char *
payload(enum payload p, const char *limit, size_t *n, int *raw)
{
	*raw = 0;
	switch (p) {
	case PL_ASCII: *n = strlen(pl_ascii); return pl_ascii;
	case PL_WIDE: *n = strlen(pl_wide); return pl_wide;
	case PL_BADUTF8: *n = 6; return "ab\xff\xfe\xc3z";
	case PL_NUL: *raw = 1; *n = 3; return "a\0b";
	case PL_NUL_PCT: *n = 3; return "a\0b";
	default: *n = strlen(limit); return limit;
	}
}

/*
 * Submit form f with control `target` (or, when fname, the file's name)
 * set to the payload and every other control as the page had it.
 * Returns the status.
 */
static int
submit(const struct form *f, int target, int fname, const char *val,
    size_t vn, int raw)
{
	static const char bnd[] = "hzwalkBoundary7MA4YWxkTrZu0gW";
	struct hc *c = cl[f->who];
	char *b = NULL, hdr[600], ctype[96];
	size_t len = 0;
	int i, st;

	if (!f->multipart) {
		put_raw(&b, &len, "_csrf=", 6);
		put_raw(&b, &len, tok[f->who], strlen(tok[f->who]));
		for (i = 0; i < f->n; i++) {
			if (strcmp(f->c[i].name, "_csrf") == 0 || f->c[i].file)
				continue;
			put_raw(&b, &len, "&", 1);
			put_enc(&b, &len, f->c[i].name, strlen(f->c[i].name));
			put_raw(&b, &len, "=", 1);
			if (i == target && raw)
				put_raw(&b, &len, val, vn);
			else if (i == target)
				put_enc(&b, &len, val, vn);
			else
				put_enc(&b, &len, f->c[i].value,
				    strlen(f->c[i].value));
		}
		st = hc_post_body(c, f->action,
		    "application/x-www-form-urlencoded", b, len);
		free(b);
		return st;
	}
	snprintf(hdr, sizeof(hdr), "--%s\r\nContent-Disposition: form-data;"
	    " name=\"_csrf\"\r\n\r\n%s\r\n", bnd, tok[f->who]);
	put_raw(&b, &len, hdr, strlen(hdr));
	for (i = 0; i < f->n; i++) {
		if (strcmp(f->c[i].name, "_csrf") == 0)
			continue;
		if (f->c[i].file) {
			snprintf(hdr, sizeof(hdr), "--%s\r\nContent-Disposition:"
			    " form-data; name=\"%s\"; filename=\"", bnd,
			    f->c[i].name);
			put_raw(&b, &len, hdr, strlen(hdr));
			if (fname)
				put_raw(&b, &len, val, vn);
			else
				put_raw(&b, &len, f->c[i].xlsx ? "a.xlsx" :
				    "a.pdf", f->c[i].xlsx ? 6 : 5);
			snprintf(hdr, sizeof(hdr), "\"\r\nContent-Type:"
			    " application/octet-stream\r\n\r\n");
			put_raw(&b, &len, hdr, strlen(hdr));
			if (f->c[i].xlsx)
				put_raw(&b, &len, xlsx, xlsxlen);
			else
				put_raw(&b, &len, pdf, pdflen);
			put_raw(&b, &len, "\r\n", 2);
			continue;
		}
		snprintf(hdr, sizeof(hdr), "--%s\r\nContent-Disposition:"
		    " form-data; name=\"%s\"\r\n\r\n", bnd, f->c[i].name);
		put_raw(&b, &len, hdr, strlen(hdr));
		if (i == target && !fname)
			put_raw(&b, &len, val, vn);
		else
			put_raw(&b, &len, f->c[i].value, strlen(f->c[i].value));
		put_raw(&b, &len, "\r\n", 2);
	}
	snprintf(hdr, sizeof(hdr), "--%s--\r\n", bnd);
	put_raw(&b, &len, hdr, strlen(hdr));
	snprintf(ctype, sizeof(ctype), "multipart/form-data; boundary=%s", bnd);
	st = hc_post_body(c, f->action, ctype, b, len);
	free(b);
	return st;
}

/* The N of "不能超过N个字" on the last page, 0 if none. */
static int
limit_told(struct hc *c)
{
	const char *p = strstr(hc_body(c), "不能超过");

	return p ? atoi(p + strlen("不能超过")) : 0;
}

/* Every payload into every control (and file name) of form f. */
static int
walk_form(const struct form *f)
{
	char detail[800], *lim = NULL;
	const char *val;
	int i, fname, before = fivexx, st, told, raw;
	enum payload p;
	size_t vn;

	for (i = 0; i < f->n; i++) {
		if (strcmp(f->c[i].name, "_csrf") == 0)
			continue;
		for (fname = 0; fname <= f->c[i].file; fname++) {
			if (f->c[i].file && !fname)
				continue;
			told = 0;
			for (p = 0; p < PL__MAX; p++) {
				if (p == PL_LIMIT && told == 0)
					continue;
				if (p == PL_LIMIT) {
					free(lim);
					lim = repeat("𠀾", told);
				}
				val = payload(p, lim, &vn, &raw);
				st = submit(f, i, fname, val, vn, raw);
				snprintf(detail, sizeof(detail), "%s %s%s: %s",
				    f->action, f->c[i].name, fname ?
				    " (file name)" : "", pl_names[p]);
				if (p == PL_WIDE)
					told = limit_told(cl[f->who]);
				check(f->who, st, "POST", detail);
			}
		}
	}
	free(lim);
	return fivexx == before;
}

/* The usual names, each set to the payload, on a POST route. */
static int
walk_post_route(const struct hc_route *r)
{
	static const char *const names[] = { "id", "unit", "name", "reason",
	    "phone", "code", "agent", "q", "decision", "kind", "title" };
	struct form f;
	enum who w = who_for(r);
	int before = fivexx, raw, st;
	enum payload p;
	const char *val;
	char detail[400];
	size_t i, vn;

	memset(&f, 0, sizeof(f));
	f.who = w;
	snprintf(f.action, sizeof(f.action), "%s", r->path);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(f.c[f.n].name, sizeof(f.c[0].name), "%s", names[i]);
		/* 0 names no record: posting the route changes nothing
		 * (id=1 beside no role_* boxes would strip review1). */
		snprintf(f.c[f.n].value, sizeof(f.c[0].value), "0");
		f.n++;
	}
	for (p = 0; p < PL_LIMIT && !no_resign; p++)
		for (f.multipart = 0; f.multipart <= 1; f.multipart++)
			for (i = 0; i < (size_t)f.n; i++) {
				val = payload(p, NULL, &vn, &raw);
				st = submit(&f, (int)i, 0, val, vn, raw);
				snprintf(detail, sizeof(detail), "%s %s (%s): %s",
				    r->path, f.c[i].name, f.multipart ?
				    "multipart" : "urlencoded", pl_names[p]);
				check(w, st, "POST route", detail);
			}
	/* An empty body, and a body that is not a form. */
	st = hc_post_body(cl[w], r->path, "application/x-www-form-urlencoded",
	    "", 0);
	check(w, st, "POST route", "empty body");
	st = hc_post_body(cl[w], r->path, "text/plain", "x", 1);
	check(w, st, "POST route", "text/plain body");
	return fivexx == before;
}

int
main(void)
{
	int i, n, before, round, done;
	enum who w;

	pl_ascii = repeat("a", 10000);
	pl_wide = repeat("𠀾", 10000);
	slurp("license.pdf", pdf, sizeof(pdf), &pdflen);
	slurp("roster_openpyxl.xlsx", xlsx, sizeof(xlsx), &xlsxlen);
	nroutes = hc_routes(routes, MAXROUTES);
	ok(nroutes > 40, "route tables read from the programs (%d routes)",
	    nroutes);
	for (w = 0; w < W__MAX; w++)
		sign_in(w);
	ok(hc_cookie(cl[W_MEMBER], "hz_m") != NULL, "a member is signed in");

	/*
	 * GET routes, the links on their pages, the forms on both; twice,
	 * because the first round's forms leave drafts whose pages have
	 * forms of their own (materials, 上报, 撤回).
	 */
	for (round = 0, done = 0; round < 2; round++) {
		nseen = 0;
		for (i = 0; i < nroutes; i++) {
			if (strcmp(routes[i].method, "GET") != 0)
				continue;
			before = fivexx;
			visit(who_for(&routes[i]), routes[i].path, 0);
			ok(fivexx == before, "round %d: GET %s and its links:"
			    " no 5xx", round + 1, routes[i].path);
		}
		if (round == 0)
			ok(nforms > 15, "forms found on the pages (%d)", nforms);
		for (i = done; i < nforms; i++)
			ok(walk_form(&forms[i]), "form %s (%d fields): no 5xx",
			    forms[i].action, forms[i].n);
		done = nforms;
	}
	/* Every POST route; logouts last, each with one junk body. */
	for (n = 0; n < 2; n++)
		for (i = 0, no_resign = n; i < nroutes; i++)
			if (strcmp(routes[i].method, "POST") == 0 &&
			    (strstr(routes[i].path, "logout") != NULL) == n)
				ok(walk_post_route(&routes[i]),
				    "POST %s with junk: no 5xx", routes[i].path);
	for (w = 0; w < W__MAX; w++)
		hc_free(cl[w]);
	free(pl_ascii);
	free(pl_wide);
	return tap_done();
}
