/*
 * client.c -- the HTTP suites' browser.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "client.h"
#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "valid.h"

struct hc {
	CURL		*curl;
	char		*body;
	size_t		 len;
	char		 headers[8192];
	size_t		 hlen;
	char		 location[1024];
	htmlDocPtr	 doc;
	char		*xbuf;
	char		 cbuf[256];
	struct curl_slist *hdrs;	/* X-Forwarded-For: the client address */
};

const char *
hc_base_url(void)
{
	const char *u = getenv("HZ_URL");

	return u && *u ? u : "http://127.0.0.1:18480";
}

static size_t
on_body(char *p, size_t sz, size_t n, void *u)
{
	struct hc *c = u;
	char *nb;

	if ((nb = realloc(c->body, c->len + sz * n + 1)) == NULL)
		return 0;
	c->body = nb;
	memcpy(c->body + c->len, p, sz * n);
	c->len += sz * n;
	c->body[c->len] = '\0';
	return sz * n;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *u)
{
	struct hc *c = u;
	size_t k = sz * n;

	if (c->hlen + k < sizeof(c->headers)) {
		memcpy(c->headers + c->hlen, p, k);
		c->hlen += k;
		c->headers[c->hlen] = '\0';
	}
	return k;
}

struct hc *
hc_new(void)
{
	struct hc *c = calloc(1, sizeof(*c));

	c->curl = curl_easy_init();
	curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, "");	/* enable jar */
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 60L);
	hc_set_ip(c, NULL);
	return c;
}

/*
 * Each browser is a client of its own address, as people are: the stack's
 * nginx takes X-Forwarded-For from loopback as the client address, so the
 * per-address limits see one test's clients apart from another's.
 */
void
hc_set_ip(struct hc *c, const char *ip)
{
	static unsigned n;
	char h[80];
	unsigned pid = (unsigned)getpid();

	if (ip)
		snprintf(h, sizeof(h), "X-Forwarded-For: %s", ip);
	else
		snprintf(h, sizeof(h), "X-Forwarded-For: 10.%u.%u.%u",
		    (pid >> 8) & 255, pid & 255, ++n & 255);
	curl_slist_free_all(c->hdrs);
	c->hdrs = curl_slist_append(NULL, h);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->hdrs);
}

static void
hc_reset(struct hc *c)
{
	free(c->body);
	c->body = NULL;
	c->len = 0;
	c->hlen = 0;
	c->headers[0] = '\0';
	c->location[0] = '\0';
	if (c->doc)
		xmlFreeDoc(c->doc);
	c->doc = NULL;
}

void
hc_free(struct hc *c)
{
	if (c == NULL)
		return;
	hc_reset(c);
	free(c->xbuf);
	curl_easy_cleanup(c->curl);
	curl_slist_free_all(c->hdrs);
	free(c);
}

/* Perform the prepared request; parse the page.  Returns the status. */
static int
hc_perform(struct hc *c, const char *path)
{
	char url[32768];	/* t_nginx's over-long URI */
	long status = 0;
	char *loc = NULL;

	snprintf(url, sizeof(url), "%s%s", strncmp(path, "http", 4) ? hc_base_url() :
	    "", path);
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	if (curl_easy_perform(c->curl) != CURLE_OK)
		return 0;
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c->curl, CURLINFO_REDIRECT_URL, &loc);
	if (loc)
		snprintf(c->location, sizeof(c->location), "%s", loc);
	if (c->body)
		c->doc = htmlReadMemory(c->body, (int)c->len, url, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NONET);
	return (int)status;
}

int
hc_get(struct hc *c, const char *path)
{
	hc_reset(c);
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	return hc_perform(c, path);
}

int
hc_follow(struct hc *c)
{
	char loc[1024];

	snprintf(loc, sizeof(loc), "%s", c->location);
	return loc[0] ? hc_get(c, loc) : 0;
}

/* Build the urlencoded body from key/value pairs. */
static char *
form_body(struct hc *c, va_list ap)
{
	size_t cap = 4096, n = 0;
	char *out = malloc(cap), *ek, *ev;
	const char *k, *v;
	int have_csrf = 0;
	char csrf[128];

	out[0] = '\0';
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (strcmp(k, "_csrf") == 0)
			have_csrf = 1;
		if (v == NULL)		/* omit this field entirely */
			continue;
		ek = curl_easy_escape(c->curl, k, 0);
		ev = curl_easy_escape(c->curl, v, 0);
		while (n + strlen(ek) + strlen(ev) + 3 >= cap)
			out = realloc(out, cap *= 2);
		n += (size_t)sprintf(out + n, "%s%s=%s", n ? "&" : "", ek, ev);
		curl_free(ek);
		curl_free(ev);
	}
	if (!have_csrf) {
		snprintf(csrf, sizeof(csrf), "%s",
		    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"));
		while (n + strlen(csrf) + 8 >= cap)
			out = realloc(out, cap *= 2);
		n += (size_t)sprintf(out + n, "%s_csrf=%s", n ? "&" : "", csrf);
	}
	return out;
}

static int
hc_vpost(struct hc *c, const char *path, va_list ap)
{
	char *body = form_body(c, ap);
	int st;

	hc_reset(c);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_COPYPOSTFIELDS, body);
	free(body);
	st = hc_perform(c, path);
	return st;
}

int
hc_upload(struct hc *c, const char *path, const char *field,
    const char *file, const char *filename, ...)
{
	curl_mime *mime = curl_mime_init(c->curl);
	curl_mimepart *part;
	const char *k, *v;
	char csrf[128];
	va_list ap;
	int st;

	snprintf(csrf, sizeof(csrf), "%s",
	    hc_xpath(c, "string((//input[@name='_csrf'])[1]/@value)"));
	part = curl_mime_addpart(mime);
	curl_mime_name(part, "_csrf");
	curl_mime_data(part, csrf, CURL_ZERO_TERMINATED);
	va_start(ap, filename);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		part = curl_mime_addpart(mime);
		curl_mime_name(part, k);
		curl_mime_data(part, v, CURL_ZERO_TERMINATED);
	}
	va_end(ap);
	part = curl_mime_addpart(mime);
	curl_mime_name(part, field);
	curl_mime_filedata(part, file);
	if (filename)
		curl_mime_filename(part, filename);
	hc_reset(c);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, mime);
	st = hc_perform(c, path);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(mime);
	return st;
}

int
hc_post(struct hc *c, const char *path, ...)
{
	va_list ap;
	int st;

	va_start(ap, path);
	st = hc_vpost(c, path, ap);
	va_end(ap);
	return st;
}

int
hc_submit(struct hc *c, const char *path, ...)
{
	va_list ap;
	int st, hops = 0;

	va_start(ap, path);
	st = hc_vpost(c, path, ap);
	va_end(ap);
	while ((st == 302 || st == 303) && hops++ < 5)
		st = hc_follow(c);
	return st;
}

const char *
hc_body(struct hc *c)
{
	return c->body ? c->body : "";
}

size_t
hc_body_len(struct hc *c)
{
	return c->len;
}

/* The Location with this stack's base URL taken off, or as it came. */
const char *
hc_location_path(struct hc *c)
{
	const char *l = hc_location(c);
	size_t n = strlen(hc_base_url());

	return strncmp(l, hc_base_url(), n) == 0 ? l + n : l;
}

const char *
hc_headers(struct hc *c)
{
	return c->headers;
}

int
hc_raw(struct hc *c, const char *method, const char *path, ...)
{
	struct curl_slist *h = NULL;
	const char *line;
	va_list ap;
	int st;

	va_start(ap, path);
	while ((line = va_arg(ap, const char *)) != NULL)
		h = curl_slist_append(h, line);
	va_end(ap);
	hc_reset(c);
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
	st = hc_perform(c, path);
	curl_easy_setopt(c->curl, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(h);
	return st;
}

int
hc_post_body(struct hc *c, const char *path, const char *ctype,
    const char *body, size_t len)
{
	struct curl_slist *h = NULL;
	char line[256];
	int st;

	snprintf(line, sizeof(line), "Content-Type: %s", ctype);
	h = curl_slist_append(h, line);
	hc_reset(c);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c->curl, CURLOPT_COPYPOSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
	st = hc_perform(c, path);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)-1);
	curl_slist_free_all(h);
	return st;
}

const char *
hc_location(struct hc *c)
{
	return c->location;
}

const char *
hc_header(struct hc *c, const char *name)
{
	static char val[1024];
	size_t nl = strlen(name);
	char *p = c->headers, *e;

	while (p && *p) {
		if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
			p += nl + 1;
			while (*p == ' ')
				p++;
			e = strpbrk(p, "\r\n");
			snprintf(val, sizeof(val), "%.*s", e ? (int)(e - p) : (int)strlen(p), p);
			return val;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

const char *
hc_xpath(struct hc *c, const char *expr)
{
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr o;
	xmlChar *s;

	free(c->xbuf);
	c->xbuf = strdup("");
	if (c->doc == NULL || (ctx = xmlXPathNewContext(c->doc)) == NULL)
		return c->xbuf;
	if ((o = xmlXPathEvalExpression((const xmlChar *)expr, ctx)) != NULL) {
		s = xmlXPathCastToString(o);
		free(c->xbuf);
		c->xbuf = strdup((const char *)s);
		xmlFree(s);
		xmlXPathFreeObject(o);
	}
	xmlXPathFreeContext(ctx);
	return c->xbuf;
}

int
hc_count(struct hc *c, const char *expr)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "count(%s)", expr);
	return atoi(hc_xpath(c, buf));
}

const char *
hc_cookie(struct hc *c, const char *name)
{
	struct curl_slist *l = NULL, *i;
	char *tab;

	c->cbuf[0] = '\0';
	curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &l);
	for (i = l; i; i = i->next) {
		/* Netscape format: 7 tab-separated fields, name then value. */
		char *f = i->data;
		int k;

		for (k = 0; k < 5 && f; k++)
			f = (f = strchr(f, '\t')) ? f + 1 : NULL;
		if (f == NULL || (tab = strchr(f, '\t')) == NULL)
			continue;
		if ((size_t)(tab - f) == strlen(name) && strncmp(f, name, strlen(name)) == 0) {
			snprintf(c->cbuf, sizeof(c->cbuf), "%s", tab + 1);
			break;
		}
	}
	curl_slist_free_all(l);
	return c->cbuf[0] ? c->cbuf : NULL;
}

void
hc_set_cookie(struct hc *c, const char *name, const char *value)
{
	char line[512];

	snprintf(line, sizeof(line), "Set-Cookie: %s=%s; Path=/", name, value);
	curl_easy_setopt(c->curl, CURLOPT_COOKIELIST, line);
}

/* GET /_sink/last for a phone; fills text and returns the sink's count. */
static int
sink_last(const char *phone, char *text, size_t textsz)
{
	struct hc *c = hc_new();
	char path[128];
	const char *n;
	int count = 0;

	snprintf(path, sizeof(path), "/_sink/last?phone=%s", phone);
	text[0] = '\0';
	if (hc_get(c, path) == 200) {
		snprintf(text, textsz, "%s", hc_body(c));
		n = hc_header(c, "X-Sink-Count");
		count = n ? atoi(n) : 0;
	}
	hc_free(c);
	return count;
}

int
sms_count(const char *phone)
{
	char text[1024];

	return sink_last(phone, text, sizeof(text));
}

const char *
hc_save_body(struct hc *c, const char *dir, const char *name)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(c->body ? c->body : "", 1, c->len, f);
		fclose(f);
	}
	return path;
}

const char *
sms_last_text(const char *phone)
{
	static char text[1024];

	sink_last(phone, text, sizeof(text));
	return text;
}

const char *
sms_wait_text(const char *phone, int after)
{
	static char text[1024];
	int i;

	for (i = 0; i < 100; i++) {
		if (sink_last(phone, text, sizeof(text)) > after)
			return text;
		usleep(100000);
	}
	text[0] = '\0';
	return text;
}

const char *
sms_wait_code(const char *phone, int after)
{
	static char code[7];
	char text[1024];
	const char *p;
	int i;

	code[0] = '\0';
	for (i = 0; i < 100; i++) {
		if (sink_last(phone, text, sizeof(text)) > after &&
		    (p = strstr(text, "验证码是")) != NULL) {
			snprintf(code, sizeof(code), "%.6s", p + strlen("验证码是"));
			return code;
		}
		usleep(100000);
	}
	return code;
}

static struct db *
test_db(void)
{
	static struct db *db;
	char err[256];

	if (db == NULL) {
		if (!conf_load(NULL, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			exit(1);
		}
		db = db_open();
		epoch_open(conf_str(CONF_EPOCH_FILE));
	}
	return db;
}

/* A write behind the programs' back: like hzctl, it moves the epoch. */
int
test_sql(const char *sql)
{
	int ok = db_raw(test_db(), sql);

	epoch_bump();
	return ok;
}

/* The same without moving it: what a DBA's direct UPDATE does. */
int
test_sql_unannounced(const char *sql)
{
	return db_raw(test_db(), sql);
}

long long
test_sql_int(const char *sql)
{
	const char *const stmts[1] = { sql };
	const struct db_table tab = { DBM_CTL, stmts, 1 };
	struct db *db;
	long long v;
	int found = 0;

	test_db();	/* loads the configuration */
	/* A connection of its own: statements are cached per slot. */
	if ((db = db_open()) == NULL)
		return -1;
	v = db_one_int(db, &tab, 0, &found, "");
	db_close(db);
	return found ? v : -1;
}

const char *
test_sql_str(const char *sql)
{
	static char out[1024];
	const char *const stmts[1] = { sql };
	const struct db_table tab = { DBM_CTL, stmts, 1 };
	struct db_res *r;
	struct db *db;

	out[0] = '\0';
	test_db();	/* loads the configuration */
	if ((db = db_open()) == NULL)
		return out;
	if ((r = db_query(db, &tab, 0, "")) != NULL && db_next(r) == 1 &&
	    db_col(r, 0))
		snprintf(out, sizeof(out), "%s", db_col(r, 0));
	db_done(r);
	db_close(db);
	return out;
}

void
test_second_start(void)
{
	struct timespec ts;

	/* The stack's MariaDB runs on this host: one clock. */
	clock_gettime(CLOCK_REALTIME, &ts);
	usleep((useconds_t)((1000000000L - ts.tv_nsec) / 1000 + 20000));
}

void
hc_login_agent(struct hc *c, const char *phone)
{
	hc_get(c, "/u/login?tab=password");
	hc_post(c, "/u/login/password", "login", phone, "password", "Demo2026",
	    NULL);
}

void
hc_login_office(struct hc *c, const char *user)
{
	hc_get(c, "/o/login");
	hc_post(c, "/o/login", "username", user, "password", "Demo2026", NULL);
}

const char *
flow_state_of(const char *type, long long id)
{
	static char st[32];
	char q[200];

	snprintf(q, sizeof(q), "SELECT state FROM flow_item WHERE type = '%s'"
	    " AND item_id = %lld", type, id);
	snprintf(st, sizeof(st), "%s", test_sql_str(q));
	return st;
}

int
hc_orgapp_submit(struct hc *c, long long id)
{
	char path[64], q[160];

	snprintf(path, sizeof(path), "/u/org/submit?id=%lld", id);
	hc_get(c, path);
	snprintf(q, sizeof(q), "UPDATE org_app SET promise_shown_at ="
	    " promise_shown_at - INTERVAL 20 SECOND WHERE id = %lld", id);
	test_sql(q);
	snprintf(q, sizeof(q), "%lld", id);
	return hc_post(c, "/u/org/submit", "id", q, "agree", "1", NULL);
}

const char *
credit_code(const char *first17)
{
	static char cc[19];

	snprintf(cc, sizeof(cc), "%s%c", first17, credit_check_char(first17));
	return cc;
}

long
test_log_size(void)
{
	const char *b = getenv("HZ_BUILDDIR");
	char path[1024];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/run/test/log/huzhu.log", b ? b : ".");
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n;
}
