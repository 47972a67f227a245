/*
 * http.c -- the FastCGI accept loop shared by every portal.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <libxml/parser.h>

#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "http.h"
#include "refusal.h"
#include "log.h"
#include "rand.h"
#include "session.h"
#include "view.h"

/* Sent with every dynamic response; nginx adds HSTS in production. */
static const char security_headers[] =
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Content-Security-Policy: default-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self'; script-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'\r\n"
    "Cache-Control: no-store\r\n";

/* The reason phrase for the few statuses we send. */
static const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return status >= 500 ? "Internal Server Error" : "OK";
	}
}

const char *
req_query(const struct req *r, const char *key)
{
	return kvlist_get(&r->query, key);
}

const char *
req_form(const struct req *r, const char *key)
{
	const char *v = kvlist_get(&r->form, key);

	return v ? v : "";
}

const char *
req_cookie(const struct req *r, const char *key)
{
	return kvlist_get(&r->cookies, key);
}

int64_t
req_id(const struct req *r, const char *key)
{
	const char *s = req_query(r, key);
	int64_t v = 0;

	if (s == NULL || *s == '\0')
		s = req_form(r, key);
	if (s == NULL || *s == '\0' || strlen(s) > 18)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

const struct upload *
req_file(const struct req *r, const char *field)
{
	size_t i;

	for (i = 0; i < r->files.n; i++)
		if (strcmp(r->files.v[i].field, field) == 0)
			return &r->files.v[i];
	return NULL;
}

int
req_redirect(struct req *r, const char *path)
{
	free(r->location);
	r->location = strdup(path);
	return 303;
}

void
req_cookie_set(struct req *r, const char *name, const char *value,
    long max_age)
{
	char buf[512];

	if (r->nset_cookie >= sizeof(r->set_cookie) / sizeof(r->set_cookie[0]))
		return;
	snprintf(buf, sizeof(buf), "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, conf_long(CONF_SECURE_COOKIES) ? "; Secure" : "",
	    max_age < 0 ? "" : max_age == 0 ? "; Max-Age=0" : "");
	if (max_age > 0)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    "; Max-Age=%ld", max_age);
	r->set_cookie[r->nset_cookie++] = strdup(buf);
}

void
req_head(struct req *r, int status, const char *ctype, const char *extra)
{
	size_t i;

	FCGX_FPrintF(r->fcgi->out, "Status: %d %s\r\n%s", status,
	    http_reason(status), security_headers);
	for (i = 0; i < r->nset_cookie; i++)
		if (r->set_cookie[i])
			FCGX_FPrintF(r->fcgi->out, "Set-Cookie: %s\r\n",
			    r->set_cookie[i]);
	if (ctype)
		FCGX_FPrintF(r->fcgi->out, "Content-Type: %s\r\n", ctype);
	if (extra)
		FCGX_PutS(extra, r->fcgi->out);
	FCGX_PutS("\r\n", r->fcgi->out);
	r->sent = 1;
}

int
req_write(struct req *r, const void *buf, size_t n)
{
	return FCGX_PutStr(buf, (int)n, r->fcgi->out) == (int)n;
}

int
req_send_file(struct req *r, const char *path, const char *ctype,
    const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	char hdr[1200], pct[800], buf[65536];
	const unsigned char *s = (const unsigned char *)name;
	struct stat sb;
	size_t o = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 500;
	unlink(path);
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return 500;
	}
	/* RFC 5987 filename*, with a plain ASCII fallback. */
	for (; *s && o + 4 < sizeof(pct); s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '_')
			pct[o++] = (char)*s;
		else {
			pct[o++] = '%';
			pct[o++] = hex[*s >> 4];
			pct[o++] = hex[*s & 15];
		}
	pct[o] = '\0';
	/* With its length, a body cut short is an error to the client. */
	snprintf(hdr, sizeof(hdr), "Content-Length: %lld\r\n"
	    "Content-Disposition: attachment;"
	    " filename=\"download%s\"; filename*=UTF-8''%s\r\n",
	    (long long)sb.st_size,
	    strrchr(name, '.') ? strrchr(name, '.') : "", pct);
	req_head(r, 200, ctype, hdr);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (!req_write(r, buf, (size_t)n))
			break;
	close(fd);
	return 200;
}

int
req_error_page(struct req *r, int status, const char *msg)
{
	xmlNodePtr e = view_add(r->page, "error", msg);

	view_attrf(e, "status", "%d", status);
	r->sheet = 0;		/* every app lists its error page first */
	return status;
}

/* Read a urlencoded body of at most `max` bytes.  Returns the status. */
static enum parse_status
read_urlencoded(struct req *r, size_t len)
{
	enum parse_status st;
	char *buf;
	int got;

	if (len > 1024 * 1024)
		return PARSE_TOO_BIG;
	if ((buf = malloc(len + 1)) == NULL)
		return PARSE_NOMEM;
	got = FCGX_GetStr(buf, (int)len, r->fcgi->in);
	if (got < 0 || (size_t)got != len) {
		free(buf);
		return PARSE_BAD;
	}
	st = parse_urlencoded(buf, len, &parse_limits_default, &r->form);
	free(buf);
	return st;
}

/* Stream a multipart body into the parser in 64 KiB chunks. */
static enum parse_status
read_multipart(struct req *r, const char *ctype, size_t len)
{
	struct multipart *mp;
	enum parse_status st = PARSE_OK;
	char buf[65536];
	size_t left = len;
	int got;

	if ((mp = multipart_new(ctype, conf_str(CONF_TMP_DIR),
	    &parse_limits_default)) == NULL)
		return PARSE_BAD;
	while (left > 0 && st == PARSE_OK) {
		got = FCGX_GetStr(buf, left < sizeof(buf) ? (int)left :
		    (int)sizeof(buf), r->fcgi->in);
		if (got <= 0) {
			st = PARSE_BAD;
			break;
		}
		left -= (size_t)got;
		st = multipart_feed(mp, buf, (size_t)got);
	}
	if (st == PARSE_OK)
		st = multipart_finish(mp, &r->form, &r->files);
	multipart_free(mp);
	return st;
}

/*
 * A Cookie header naming one of our cookies (hz_*) twice: a second
 * session planted beside the real one (cookie tossing from a sibling
 * domain).  Which one is meant cannot be known, so the request is
 * refused rather than the first taken.  Returns 1 when so.
 */
static int
cookie_twice(const struct kvlist *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++)
		if (strncmp(c->v[i].key, "hz_", 3) == 0)
			for (j = i + 1; j < c->n; j++)
				if (strcmp(c->v[i].key, c->v[j].key) == 0)
					return 1;
	return 0;
}

/* Parse query string, cookies and body.  Returns an HTTP status. */
static int
req_parse(struct req *r)
{
	char **env = r->fcgi->envp;
	const char *qs = FCGX_GetParam("QUERY_STRING", env);
	const char *ck = FCGX_GetParam("HTTP_COOKIE", env);
	const char *ct = FCGX_GetParam("CONTENT_TYPE", env);
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", env);
	enum parse_status st = PARSE_OK;
	unsigned long long len = cl && *cl ? strtoull(cl, NULL, 10) : 0;

	if (qs && *qs && parse_urlencoded(qs, strlen(qs),
	    &parse_limits_default, &r->query) != PARSE_OK)
		return 400;
	if (ck)
		parse_cookies(ck, &r->cookies);
	if (cookie_twice(&r->cookies)) {
		kvlist_free(&r->cookies);	/* neither session is used */
		memset(&r->cookies, 0, sizeof(r->cookies));
		return 400;
	}
	if (r->method != HTTP_POST || len == 0)
		return 200;
	if (len > parse_limits_default.max_total)
		return 413;
	if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		st = read_urlencoded(r, (size_t)len);
	else if (ct && strncasecmp(ct, "multipart/form-data", 19) == 0)
		st = read_multipart(r, ct, (size_t)len);
	else
		return 400;
	switch (st) {
	case PARSE_OK:
		return 200;
	case PARSE_TOO_BIG:
		return 413;
	case PARSE_NOMEM:
		return 500;
	default:
		return 400;
	}
}

/* Constant-time comparison of two NUL-terminated tokens. */
static int
token_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i;
	unsigned char d = la != lb;

	for (i = 0; i < la && i < lb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0 && la > 0;
}

/* The CSRF token this visitor's forms carry: the session's, or an
 * anonymous double-submit cookie -- set here when missing or not of the
 * form we issue (a value planted by someone else is replaced). */
static const char *
req_csrf(struct req *r)
{
	const char *c;

	if (r->sess.kind != SESS_NONE)
		return r->sess.csrf;
	if (r->anon_csrf[0] == '\0') {
		c = req_cookie(r, "hz_csrf");
		if (rand_token_ok(c))
			snprintf(r->anon_csrf, sizeof(r->anon_csrf), "%s", c);
		else if (rand_hex(r->anon_csrf, 32))
			req_cookie_set(r, "hz_csrf", r->anon_csrf, -1);
	}
	return r->anon_csrf;
}

/* Find the route; *status is 404 or 405 when none fits. */
static const struct route *
route_find(const struct app *app, const struct req *r, int *status)
{
	size_t i;

	*status = 404;
	for (i = 0; i < app->nroutes; i++) {
		if (app->routes[i].path == NULL ||
		    strcmp(app->routes[i].path, r->path) != 0)
			continue;
		if (app->routes[i].method == r->method)
			return &app->routes[i];
		*status = 405;
	}
	return NULL;
}

/*
 * Each session kind belongs to one portal: its name in the page, where its
 * pages live (home, sign-out) and where one signs in.
 */
static const struct {
	const char	*name;
	const char	*portal;
	const char	*login;
} kinds[SESS__MAX] = {
	[SESS_MEMBER] = { "member", "/m/", "/m/bind" },
	[SESS_AGENT] =  { "agent", "/u/", "/u/login" },
	[SESS_OFFICE] = { "office", "/o/", "/o/login" },
};

/* The session kind each access level loads; ACC_ANON: the app's own. */
static const enum session_kind access_kind[ACC__MAX] = {
	[ACC_ANON] = SESS_NONE,
	[ACC_MEMBER] = SESS_MEMBER,
	[ACC_AGENT_NEW] = SESS_AGENT,
	[ACC_AGENT] = SESS_AGENT,
	[ACC_OFFICE] = SESS_OFFICE,
};

/* The session kind a request loads: its route's, else the app's own
 * (anonymous routes, and pages that match no route). */
static enum session_kind
route_kind(const struct app *app, const struct route *rt)
{
	if (rt && access_kind[rt->access] != SESS_NONE)
		return access_kind[rt->access];
	return app->kind;
}

/*
 * Check that the caller may use the route.  Returns 0 to go on, or the
 * status of the answer already prepared (redirect to the sign-in page of
 * the kind the route wants, 403).
 */
static int
route_allow(struct req *r, const struct route *rt)
{
	enum session_kind k = access_kind[rt->access];

	if (rt->access == ACC_ANON)
		return 0;
	if (r->sess.kind != k)
		return req_redirect(r, kinds[k].login);
	switch (rt->access) {
	case ACC_AGENT:
		if (!r->sess.complete)
			return req_redirect(r, "/u/profile");
		break;
	case ACC_MEMBER:
		/* Not yet agreed to the texts in force: asked first. */
		if (!r->sess.complete && !(rt->roles & MEMBER_BEFORE_CONSENT))
			return req_redirect(r, "/m/consent");
		break;
	case ACC_OFFICE:
		if ((r->sess.roles & rt->roles) == 0)
			return req_error_page(r, 403, "您没有权限访问此页面。");
		break;
	default:
		break;
	}
	return 0;
}

/* Start the page document every handler fills. */
static void
req_page(struct req *r)
{
	xmlNodePtr u;

	r->doc = xmlNewDoc((const xmlChar *)"1.0");
	r->page = xmlNewNode(NULL, (const xmlChar *)"page");
	xmlDocSetRootElement(r->doc, r->page);
	view_attr(r->page, "portal", r->app->prefix);
	view_attr(r->page, "portal-title", r->app->title);
	view_attr(r->page, "path", r->path);
	if (conf_long(CONF_DEMO))
		view_attr(r->page, "demo", "1");
	if (r->sess.kind != SESS_NONE) {
		u = view_add(r->page, "user", NULL);
		view_attr(u, "name", r->sess.name);
		view_attr(u, "kind", kinds[r->sess.kind].name);
		view_attr(u, "portal", kinds[r->sess.kind].portal);
		view_attrf(u, "roles", "%u", r->sess.roles);
	}
}

/*
 * The signed-in member's or agent's unread 站内信 for the header badge,
 * as user/@unread: the count a list on the page already made
 * (<messages unread="">), else the one read with the session
 * (MESSAGE_UNREAD_COLUMN, lib/core/message.h): no round trip of its own.
 */
static void
req_unread(struct req *r)
{
	xmlNodePtr n, u = NULL, list = NULL;
	xmlChar *v;

	if (r->sess.kind != SESS_MEMBER && r->sess.kind != SESS_AGENT)
		return;
	for (n = r->page->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, (const xmlChar *)"user") == 0)
			u = n;
		else if (xmlStrcmp(n->name, (const xmlChar *)"messages") == 0)
			list = n;
	}
	if (u == NULL)
		return;
	if (list != NULL &&
	    (v = xmlGetProp(list, (const xmlChar *)"unread")) != NULL) {
		xmlSetProp(u, (const xmlChar *)"unread", v);
		xmlFree(v);
	} else
		view_attrf(u, "unread", "%lld", (long long)r->sess.unread);
}

/* Send whatever the handler left: redirect, rendered page or error. */
static void
req_respond(struct req *r, int status)
{
	xmlChar *out = NULL;
	int len = 0;
	char hdr[1200];

	if (r->sent)
		return;
	if (r->location) {
		snprintf(hdr, sizeof(hdr), "Location: %s\r\n", r->location);
		req_head(r, 303, NULL, hdr);
		return;
	}
	view_add(r->page, "csrf", req_csrf(r));
	if (status < 500)
		req_unread(r);
	/* A failure after a handler chose its form: the error page, never the
	 * form as if nothing happened (the cause is logged where it was). */
	if (r->sheet < 0 || (status >= 500 && r->sheet != 0)) {
		req_error_page(r, status >= 400 ? status : 500,
		    status == 404 ? "您访问的页面不存在。" :
		    "系统繁忙，请稍后再试。");
		status = status >= 400 ? status : 500;
	}
	if (!view_render(r->sheet, r->doc, &out, &len)) {
		log_err("%s: render failed for %s", r->app->name, r->path);
		req_head(r, 500, "text/plain; charset=utf-8", NULL);
		FCGX_PutS("系统繁忙，请稍后再试。\n", r->fcgi->out);
		return;
	}
	/* With its length, nginx passes the page on as is, not chunked. */
	snprintf(hdr, sizeof(hdr), "Content-Length: %d\r\n%s", len,
	    status == 503 ? "Retry-After: 5\r\n" : "");
	req_head(r, status, "text/html; charset=utf-8", hdr);
	FCGX_PutStr((const char *)out, len, r->fcgi->out);
	xmlFree(out);
}

static void
req_free(struct req *r)
{
	size_t i;

	kvlist_free(&r->query);
	kvlist_free(&r->form);
	kvlist_free(&r->cookies);
	uploads_free(&r->files);
	if (r->doc)
		xmlFreeDoc(r->doc);
	free(r->location);
	for (i = 0; i < r->nset_cookie; i++)
		free(r->set_cookie[i]);
}

/*
 * What to say when the body is over a limit: a form of text fields
 * (urlencoded) was typed, not uploaded, so it is not told about files.
 */
static const char *
too_big_message(char **env)
{
	const char *ct = FCGX_GetParam("CONTENT_TYPE", env);

	if (ct && strncasecmp(ct, "multipart/form-data", 19) == 0)
		return "上传的文件太大：单个文件不超过 20 MB，"
		    "一次提交合计不超过 60 MB。请压缩或拆分后重新上传。";
	return "提交的内容过长，请删减后重新提交（每项不超过 64 KB）。";
}

/* One request from accept to the last byte. */
static void
http_handle(const struct app *app, FCGX_Request *fr, struct db *db)
{
	struct req r;
	const struct route *rt;
	const char *m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	const char *uri = FCGX_GetParam("DOCUMENT_URI", fr->envp);
	const char *addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	int status, miss = 404;

	memset(&r, 0, sizeof(r));
	r.app = app;
	r.fcgi = fr;
	r.db = db;
	r.sheet = -1;
	r.path = uri ? uri : "/";
	r.remote_addr = addr ? addr : "";
	r.method = m && strcmp(m, "POST") == 0 ? HTTP_POST :
	    m && (strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) ?
	    HTTP_GET : HTTP__MAX;
	status = req_parse(&r);
	rt = status == 200 && r.method != HTTP__MAX ?
	    route_find(app, &r, &miss) : NULL;
	if (session_load(&r, route_kind(app, rt)) < 0 && status == 200)
		status = 500;	/* the database failed: answered below */
	req_page(&r);
	if (status == 500)
		;
	else if (r.method == HTTP__MAX)
		status = req_error_page(&r, 405, "不支持的请求方式。");
	else if (status == 413)
		req_error_page(&r, 413, too_big_message(fr->envp));
	else if (status != 200)
		req_error_page(&r, status, "请求格式不正确，请返回重试。");
	else if (rt == NULL)
		status = req_error_page(&r, miss, miss == 404 ?
		    "您访问的页面不存在。" : "不支持的请求方式。");
	else if ((status = route_allow(&r, rt)) != 0)
		;	/* redirect or 403 prepared */
	else if (r.method == HTTP_POST &&
	    !token_eq(req_form(&r, "_csrf"), req_csrf(&r)))
		status = req_error_page(&r, 403,
		    "页面已过期或来源不明，请刷新页面后重试。");
	else {
		refusal_detail_set(NULL);	/* nothing of the last request */
		status = rt->fn(&r);
	}
	/* MariaDB away: "busy, try again" rather than an error of ours. */
	if (status >= 500 && db_unreachable(db) && !r.sent) {
		free(r.location);
		r.location = NULL;
		status = req_error_page(&r, 503, "系统繁忙，请稍后再试。");
	}
	/* Before the answer leaves: the next request may go to another worker. */
	db_publish(db);
	req_respond(&r, status);
	if (status >= 500 && status != 503)
		log_err("%s %s -> %d", m ? m : "?", r.path, status);
	req_free(&r);
}

/* Names of enum access and enum http_method for --routes. */
static const char *const access_names[ACC__MAX] = {
	[ACC_ANON] = "anon",
	[ACC_MEMBER] = "member",
	[ACC_AGENT_NEW] = "agent-new",
	[ACC_AGENT] = "agent",
	[ACC_OFFICE] = "office",
};
static const char *const method_names[HTTP__MAX] = {
	[HTTP_GET] = "GET",
	[HTTP_POST] = "POST",
};

int
http_main(const struct app *app, int argc, char **argv)
{
	size_t i;

	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		for (i = 0; i < app->nroutes; i++)
			if (app->routes[i].path != NULL)
				printf("%s %s %s %x\n",
				    method_names[app->routes[i].method],
				    app->routes[i].path,
				    access_names[app->routes[i].access],
				    app->routes[i].roles);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (argc > 1) {
		fprintf(stderr, "usage: %s [--routes]\n", app->name);
		return 2;
	}
	return http_serve(app);
}

int
http_serve(const struct app *app)
{
	FCGX_Request fr;
	struct db *db;
	char err[512], dir[1024];

	if (!conf_load(NULL, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", app->name, err);
		return 1;
	}
	log_open(app->name);
	epoch_open(conf_str(CONF_EPOCH_FILE));
	snprintf(dir, sizeof(dir), "%s/xslt", conf_str(CONF_DATA_DIR));
	if (!view_init(dir, app->sheets, app->nsheets))
		return 1;
	/* Started while MariaDB is away, a worker answers 503 until it is back. */
	if ((db = db_new()) == NULL)
		return 1;
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
		return 1;
	log_info("ready");
	while (FCGX_Accept_r(&fr) >= 0) {
		http_handle(app, &fr, db);
		FCGX_Finish_r(&fr);
	}
	db_close(db);
	return 0;
}
