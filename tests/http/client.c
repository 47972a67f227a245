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
#include "xlsxread.h"

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
hc_upload2(struct hc *c, const char *path, const char *field1,
    const char *file1, const char *field2, const char *file2, ...)
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
	va_start(ap, file2);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		part = curl_mime_addpart(mime);
		curl_mime_name(part, k);
		curl_mime_data(part, v, CURL_ZERO_TERMINATED);
	}
	va_end(ap);
	if (file1) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, field1);
		curl_mime_filedata(part, file1);
	}
	if (file2) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, field2);
		curl_mime_filedata(part, file2);
	}
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

long long
test_unit_new(const char *name, const char *phone)
{
	char q[1024];
	long long unit, agent;

	snprintf(q, sizeof(q), "INSERT INTO org (parent_id, level, name,"
	    " nature, chairman, contact, contact_phone, employees, status)"
	    " SELECT MIN(id), 'unit', '%s', '国企', '测试主席', '测试联系人',"
	    " '%s', 120, 'approved' FROM org WHERE level = 'district'",
	    name, phone);
	if (!test_sql(q))
		return -1;
	snprintf(q, sizeof(q), "SELECT MAX(id) FROM org WHERE name = '%s'",
	    name);
	unit = test_sql_int(q);
	snprintf(q, sizeof(q), "INSERT INTO agent (phone, name, password_hash,"
	    " profile_at) SELECT '%s', '测试经办人', password_hash, NOW()"
	    " FROM agent WHERE phone = '13800000001'", phone);
	if (!test_sql(q))
		return -1;
	snprintf(q, sizeof(q), "SELECT id FROM agent WHERE phone = '%s'", phone);
	agent = test_sql_int(q);
	snprintf(q, sizeof(q), "INSERT INTO agent_unit (agent_id, unit_id, role,"
	    " perms) VALUES (%lld, %lld, 'chairman', 'mutual_aid')", agent, unit);
	return test_sql(q) ? unit : -1;
}

const char *
test_id_number(const char *birth, int seq, char gender)
{
	static char id[19];
	char first[24];
	int serial = (seq % 500) * 2 + (gender == 'M');

	snprintf(first, sizeof(first), "370202%.4s%.2s%.2s%03d", birth,
	    birth + 5, birth + 8, serial % 1000);
	first[17] = '\0';
	snprintf(id, sizeof(id), "%.17s%c", first, id_check_char(first));
	return id;
}

long long
test_member_new(long long unit, const char *name, const char *id,
    char gender, const char *birth, const char *phone)
{
	char q[1024];
	long long m;

	snprintf(q, sizeof(q), "INSERT INTO member (id_type, id_number, name,"
	    " gender, birth_date, phone, unit_id) VALUES (1, '%s', '%s', '%c',"
	    " '%s', %s%s%s, %lld)", id, name, gender, birth, phone ? "'" : "",
	    phone ? phone : "NULL", phone ? "'" : "", unit);
	if (!test_sql(q))
		return -1;
	snprintf(q, sizeof(q), "SELECT id FROM member WHERE id_number = '%s'",
	    id);
	m = test_sql_int(q);
	snprintf(q, sizeof(q), "INSERT INTO membership (member_id, unit_id)"
	    " VALUES (%lld, %lld)", m, unit);
	return test_sql(q) ? m : -1;
}

int
test_staff_new(const char *username, const char *roles)
{
	char q[512];

	snprintf(q, sizeof(q), "INSERT INTO staff (username, name,"
	    " password_hash, roles) SELECT '%s', '%s', password_hash, '%s'"
	    " FROM staff WHERE username = 'admin'", username, username, roles);
	return test_sql(q);
}

int
hc_routes(struct hc_route *routes, int max)
{
	static const char *const progs[] = { "member", "unit", "office",
	    "export" };
	const char *bd = getenv("HZ_BUILDDIR");
	char cmd[1200], line[512];
	size_t i;
	int n = 0;
	FILE *p;

	for (i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		snprintf(cmd, sizeof(cmd), "%s/hz-%s --routes", bd ? bd : ".",
		    progs[i]);
		if ((p = popen(cmd, "r")) == NULL)
			continue;
		while (n < max && fgets(line, sizeof(line), p)) {
			struct hc_route *r = &routes[n];

			if (sscanf(line, "%7s %255s %15s %x", r->method, r->path,
			    r->access, &r->roles) == 4)
				n++;
		}
		pclose(p);
	}
	return n;
}

int
hc_bind_member(struct hc *c, int nth)
{
	char name[128], id[64], phone[16], q[200];
	const char *row, *sp, *code;
	int before;

	snprintf(q, sizeof(q), "SELECT CONCAT(name, ' ', id_number, ' ', phone)"
	    " FROM member ORDER BY id LIMIT 1 OFFSET %d", nth);
	row = test_sql_str(q);
	if ((sp = strchr(row, ' ')) == NULL)
		return 0;
	snprintf(name, sizeof(name), "%.*s", (int)(sp - row), row);
	snprintf(id, sizeof(id), "%.18s", sp + 1);
	snprintf(phone, sizeof(phone), "%.11s", sp + 20);
	/* One code a minute per phone: whatever came before is older. */
	test_sql("UPDATE sms_code SET created_at = created_at - INTERVAL 2 MINUTE");
	hc_get(c, "/m/bind");
	before = sms_count(phone);
	hc_post(c, "/m/bind", "name", name, "id_type", "1", "id_number", id,
	    "phone", phone, "send_code", "1", NULL);
	code = sms_wait_code(phone, before);
	hc_post(c, "/m/bind", "name", name, "id_type", "1", "id_number", id,
	    "phone", phone, "code", code, "agree", "1", NULL);
	return hc_cookie(c, "hz_m") != NULL;
}

/* Run a statement built from fmt; 1 on success. */
static int
sqlf(const char *fmt, ...)
{
	char q[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return test_sql(q);
}

long long
plan_id_of(const char *code)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT id FROM plan WHERE code = '%s'", code);
	return test_sql_int(q);
}

long long
enroll_fixture(const struct enroll_fix *f)
{
	long long plan, unit = f->unit, id, paid;
	char q[512];

	/* The plan and its first version, once. */
	if (plan_id_of(f->plan) < 0 &&
	    (!sqlf("INSERT INTO plan (code) VALUES ('%s')", f->plan) ||
	    !sqlf("INSERT INTO plan_version (plan_id, version, name, premium)"
	    " SELECT id, 1, '%s', %lld FROM plan WHERE code = '%s'",
	    f->plan_name, f->premium, f->plan) ||
	    !sqlf("UPDATE plan p JOIN plan_version v ON v.plan_id = p.id"
	    " AND v.version = 1 SET p.version_id = v.id WHERE p.code = '%s'",
	    f->plan)))
		return -1;
	if ((plan = plan_id_of(f->plan)) < 0)
		return -1;
	paid = f->paid >= 0 ? f->paid : f->premium * f->count;
	if (!sqlf("INSERT INTO enroll (no, kind, unit_id, agent_id, plan_id,"
	    " version_id, period_start, period_end, premium, headcount, due,"
	    " paid, paid_on) SELECT '%s', 'main', %lld, au.agent_id, p.id,"
	    " p.version_id, '%s', '%s', %lld, %d, %lld, %lld, '%s'"
	    " FROM plan p JOIN agent_unit au ON au.unit_id = %lld"
	    " AND au.role = 'chairman' WHERE p.id = %lld", f->no, unit,
	    f->starts, f->ends, f->premium, f->count, f->premium * f->count,
	    paid, f->starts, unit, plan))
		return -1;
	snprintf(q, sizeof(q), "SELECT id FROM enroll WHERE no = '%s'", f->no);
	if ((id = test_sql_int(q)) < 0)
		return -1;
	/* Its place in the flow: filed once, now in `state`. */
	if (!sqlf("INSERT INTO flow_item (type, item_id, state, filer_kind,"
	    " filer_id, filer_name, unit_id, district_id, title, round, acts,"
	    " submitted_at) SELECT 'enroll', e.id, '%s', 2, e.agent_id,"
	    " COALESCE(g.name, g.phone), e.unit_id, IF(d.level = 'district',"
	    " d.id, NULL), u.name, 1, 0, NOW() FROM enroll e JOIN agent g ON"
	    " g.id = e.agent_id JOIN org u ON u.id = e.unit_id LEFT JOIN org d"
	    " ON d.id = u.parent_id WHERE e.id = %lld", f->state, id))
		return -1;
	/* The members, and their coverage once confirmed. */
	if (f->count > 0 && !sqlf("INSERT INTO enroll_member (enroll_id,"
	    " id_type, id_number, name, member_id) SELECT %lld, id_type,"
	    " id_number, name, id FROM member WHERE unit_id = %lld ORDER BY id"
	    " LIMIT %d OFFSET %d", id, unit, f->count, f->skip))
		return -1;
	if (strcmp(f->state, "done") == 0 && !sqlf("INSERT INTO coverage"
	    " (member_id, plan_id, version_id, unit_id, enroll_id, starts,"
	    " ends) SELECT em.member_id, e.plan_id, e.version_id, e.unit_id,"
	    " e.id, e.period_start, e.period_end FROM enroll_member em"
	    " JOIN enroll e ON e.id = em.enroll_id WHERE e.id = %lld", id))
		return -1;
	return id;
}

int
hc_member_consents(long long member)
{
	return sqlf("INSERT INTO member_consent (member_id, kind, version,"
	    " agreed_at, ip) SELECT %lld, t.kind, t.version, NOW(), '127.0.0.1'"
	    " FROM consent_text t WHERE t.is_current = 1 AND NOT EXISTS (SELECT"
	    " 1 FROM member_consent c WHERE c.member_id = %lld AND c.kind ="
	    " t.kind AND c.version = t.version AND c.withdrawn_at IS NULL)"
	    " AND EXISTS (SELECT 1 FROM member m WHERE m.id = %lld)",
	    member, member, member);
}

int
hc_member_as(struct hc *c, long long member)
{
	char token[65], csrf[65];

	/* Tokens of this member alone: 64 hex digits naming it. */
	snprintf(token, sizeof(token), "%056llx%08llx", 0xfeedULL,
	    (unsigned long long)member);
	snprintf(csrf, sizeof(csrf), "%056llx%08llx", 0xc5ULL,
	    (unsigned long long)member);
	if (!sqlf("DELETE FROM session WHERE token_hash = UNHEX(SHA2('%s',"
	    " 256))", token) ||
	    !sqlf("INSERT INTO session (token_hash, kind, subject_id, csrf, ip,"
	    " created_at, last_seen) VALUES (UNHEX(SHA2('%s', 256)), 1, %lld,"
	    " '%s', '', NOW(), NOW())", token, member, csrf) ||
	    !hc_member_consents(member))
		return 0;
	hc_set_cookie(c, "hz_m", token);
	return 1;
}

int
this_year(void)
{
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

const char *
hc_xlsx_text(struct hc *c, int *rows)
{
	static char *text;
	static size_t size;
	char path[] = "/tmp/hz-t-xlsx-XXXXXX";
	struct xlsx_reader *x;
	struct xlsx_row row;
	enum xlsx_status st;
	size_t len = 0, i, need;
	int fd, ok;

	*rows = 0;
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	ok = write(fd, hc_body(c), hc_body_len(c)) == (ssize_t)hc_body_len(c);
	close(fd);
	x = ok ? xlsx_open(path, &xlsx_limits_default, &st) : NULL;
	unlink(path);
	if (x == NULL)
		return NULL;
	if (text == NULL && (text = malloc(size = 4096)) == NULL)
		return NULL;
	text[0] = '\0';
	while (xlsx_next_row(x, &row) == 1) {
		for (i = 0; i < row.ncells; i++) {
			need = len + row.cells[i].len + 2;
			if (need >= size && (text = realloc(text, size =
			    need * 2)) == NULL)
				return NULL;
			len += (size_t)sprintf(text + len, "%s%c",
			    row.cells[i].text, i + 1 < row.ncells ? '\t' : '\n');
		}
		(*rows)++;
	}
	xlsx_close(x);
	return text;
}

const char *
test_datafile(const char *name)
{
	static char path[1024];
	const char *src = getenv("HZ_SRCDIR");

	snprintf(path, sizeof(path), "%s/tests/data/%s", src ? src : ".", name);
	return path;
}

/* FIXTURE FOR THE PAYOUT TESTS: see client.h. */
long long
claim_fixture(const struct claim_fix *f)
{
	long long id;
	char q[256];

	if (!sqlf("INSERT INTO claim (no, kind, channel, member_id, unit_id,"
	    " step, hospital, admitted, discharged, payee, card, bank, branch,"
	    " bank_phone, attested, total_cost, base, amount, explanation,"
	    " computed_at, approved_amount, approved_explanation, approved_at)"
	    " SELECT CONCAT('ZY', DATE_FORMAT(NOW(), '%%Y%%m%%d'), 'A',"
	    " LPAD((SELECT COALESCE(MAX(id), 0) + 1 FROM claim), 6, '0')),"
	    " 'inpatient', 'member', m.id, m.unit_id, 3, '测试医院',"
	    " CURDATE() - INTERVAL 20 DAY, CURDATE() - INTERVAL 10 DAY, '%s',"
	    " '%s', '中国工商银行', '南宁分行民族大道支行', m.phone, 1, %lld,"
	    " %lld, %lld, '测试说明', NOW(), %lld, '测试说明', NOW()"
	    " FROM member m WHERE m.id = %lld", f->payee, f->card,
	    f->amount * 3, f->amount * 2, f->amount, f->amount, f->member))
		return -1;
	snprintf(q, sizeof(q), "SELECT MAX(id) FROM claim WHERE member_id = %lld",
	    f->member);
	if ((id = test_sql_int(q)) < 0)
		return -1;
	if (!sqlf("INSERT INTO claim_part (claim_id, seq, kind, coverage_id,"
	    " starts, ends, amount, explanation) SELECT %lld, 1, 'inpatient',"
	    " cv.id, cv.starts, cv.ends, %lld, '测试说明' FROM coverage cv"
	    " WHERE cv.member_id = %lld ORDER BY cv.ends DESC LIMIT 1", id,
	    f->amount, f->member) ||
	    !sqlf("INSERT INTO flow_item (type, item_id, state, filer_kind,"
	    " filer_id, filer_name, unit_id, district_id, title, round, acts,"
	    " submitted_at) SELECT 'claim', c.id, 'approved', 1, m.id, m.name,"
	    " c.unit_id, IF(d.level = 'district', d.id, NULL), m.name, 1, 0,"
	    " NOW() FROM claim c JOIN member m ON m.id = c.member_id"
	    " JOIN org u ON u.id = c.unit_id LEFT JOIN org d ON d.id ="
	    " u.parent_id WHERE c.id = %lld", id) ||
	    !sqlf("INSERT INTO flow_step (type, item_id, round, action, node,"
	    " from_state, to_state, apart, actor_kind, actor_id, actor_name)"
	    " VALUES ('claim', %lld, 1, 'submit', '提交', 'draft', 'review1', 0,"
	    " 1, %lld, '测试'), ('claim', %lld, 1, 'approve', '经办初审',"
	    " 'review1', 'review2', 1, 3, %lld, '初审'), ('claim', %lld, 1,"
	    " 'approve', '业务复核', 'review2', 'approved', 1, 3, %lld, '复审')",
	    id, f->member, id, f->review1, id, f->review2))
		return -1;
	return id;
}

long long
staff_id_of(const char *username)
{
	char q[200];

	snprintf(q, sizeof(q), "SELECT id FROM staff WHERE username = '%s'",
	    username);
	return test_sql_int(q);
}
