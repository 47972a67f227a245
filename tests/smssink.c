/*
 * hz-smssink -- a stand-in SMS gateway for the private stack.  It speaks
 * the gateway protocol hz-jobs uses (README "SMS gateway"), records every
 * message to $SINK_FILE and shows them, so a person on the demo stack can
 * read their code and tests can read it as a phone would.
 *
 *   POST /_sink/send            the gateway endpoint (Bearer $SINK_TOKEN)
 *   GET  /_sink/                recent messages, newest first (HTML)
 *   GET  /_sink/last?phone=P    the newest message to P (text/plain, 404)
 *   POST /_sink/fail?n=N        answer the next N sends with HTTP 503
 *   GET  /_sink/mail            mail hz-smtpsink recorded ($SINK_MAIL)
 *   GET  /_sink/mail/last?to=A  the newest message to A, as received
 *
 * It also stands in for the two endpoints of 微信网页授权 (WeChat OAuth2)
 * for the appid $WX_APPID with secret $WX_SECRET:
 *
 *   GET  /_wx/authorize?appid&redirect_uri&state...   302 to redirect_uri
 *                               with a fresh code and the state
 *   GET  /_wx/token?appid&secret&code&grant_type       {"openid": ...} for
 *                               a code it gave (once), else {"errcode": ...}
 *   POST /_wx/next?openid=O     the openid the next code stands for
 *                               (default: the demo's "o-demo-wechat-user")
 *
 * Not installed: it exists for the dev/test stack only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <fcgiapp.h>

#include "http_parse.h"

static int fail_next;

/* WeChat stand-in: the codes handed out and the openid each stands for. */
#define WX_CODES	256
static struct wx_code {
	char	 code[40];
	char	 openid[80];
	int	 used;
} wx_codes[WX_CODES];
static unsigned wx_serial;
static char wx_next[80] = "o-demo-wechat-user";

/* Copy the JSON string value of "key" into out, unescaping \" \\ \uXXXX
 * (BMP only, which is all the system sends besides UTF-8 bytes). */
static int
json_string(const char *json, const char *key, char *out, size_t outsz)
{
	char pat[64];
	const char *p;
	size_t n = 0;
	unsigned u;

	snprintf(pat, sizeof(pat), "\"%s\":\"", key);
	if ((p = strstr(json, pat)) == NULL)
		return 0;
	for (p += strlen(pat); *p && *p != '"' && n + 4 < outsz; p++) {
		if (*p != '\\') {
			out[n++] = *p;
			continue;
		}
		p++;
		if (*p == 'u' && sscanf(p + 1, "%4x", &u) == 1) {
			out[n++] = u < 0x20 ? ' ' : (char)u;
			p += 4;
		} else if (*p)
			out[n++] = *p;
		else
			break;
	}
	out[n] = '\0';
	return 1;
}

static void
reply(FCGX_Request *r, int status, const char *ctype, const char *body)
{
	FCGX_FPrintF(r->out, "Status: %d\r\nContent-Type: %s\r\n"
	    "Cache-Control: no-store\r\n\r\n%s", status, ctype, body);
}

/* Write s escaped for HTML text. */
static void
html_text(FCGX_Stream *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<': FCGX_PutS("&lt;", out); break;
		case '>': FCGX_PutS("&gt;", out); break;
		case '&': FCGX_PutS("&amp;", out); break;
		default: FCGX_PutChar(*s, out);
		}
}

static void
sink_send(FCGX_Request *r, const char *file)
{
	const char *auth = FCGX_GetParam("HTTP_AUTHORIZATION", r->envp);
	const char *tok = getenv("SINK_TOKEN");
	char body[8192], phone[32], text[2048], expect[300];
	int n;
	FILE *f;

	snprintf(expect, sizeof(expect), "Bearer %s", tok ? tok : "");
	if (auth == NULL || strcmp(auth, expect) != 0) {
		reply(r, 401, "application/json", "{\"error\":\"bad token\"}");
		return;
	}
	n = FCGX_GetStr(body, sizeof(body) - 1, r->in);
	body[n < 0 ? 0 : n] = '\0';
	if (!json_string(body, "phone", phone, sizeof(phone)) ||
	    !json_string(body, "text", text, sizeof(text))) {
		reply(r, 400, "application/json", "{\"error\":\"bad request\"}");
		return;
	}
	if (fail_next > 0) {
		fail_next--;
		reply(r, 503, "application/json", "{\"error\":\"busy\"}");
		return;
	}
	if ((f = fopen(file, "a")) == NULL) {
		reply(r, 500, "application/json", "{\"error\":\"store\"}");
		return;
	}
	fprintf(f, "%lld\t%s\t%s\n", (long long)time(NULL), phone, text);
	fclose(f);
	reply(r, 200, "application/json", "{\"ok\":true}");
}

/* List the records: the newest for one phone (text), or the last 50. */
static void
sink_list(FCGX_Request *r, const char *file, const char *phone)
{
	char line[4096], last[4096] = "", *ph, *tx, hdr[64];
	char **lines = NULL;
	size_t n = 0, i, count = 0;
	FILE *f = fopen(file, "r");

	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if ((ph = strchr(line, '\t')) == NULL ||
		    (tx = strchr(ph + 1, '\t')) == NULL)
			continue;
		if (phone) {
			if (strncmp(ph + 1, phone, (size_t)(tx - ph - 1)) == 0 &&
			    strlen(phone) == (size_t)(tx - ph - 1)) {
				snprintf(last, sizeof(last), "%s", tx + 1);
				count++;
			}
			continue;
		}
		lines = realloc(lines, (n + 1) * sizeof(*lines));
		lines[n++] = strdup(line);
	}
	if (f)
		fclose(f);
	if (phone) {
		/* X-Sink-Count lets a test wait for a new message. */
		snprintf(hdr, sizeof(hdr), "text/plain; charset=utf-8\r\n"
		    "X-Sink-Count: %zu", count);
		if (*last)
			reply(r, 200, hdr, last);
		else
			reply(r, 404, "text/plain; charset=utf-8", "");
		return;
	}
	reply(r, 200, "text/html; charset=utf-8",
	    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>短信记录（演示）</title></head><body>"
	    "<h1>短信记录（演示环境）</h1><table border=\"1\" cellpadding=\"4\">"
	    "<tr><th>时间</th><th>手机</th><th>内容</th></tr>");
	for (i = n; i-- > 0 && i + 50 >= n;) {
		char when[32];
		time_t t = (time_t)strtoll(lines[i], NULL, 10);
		struct tm tm;

		localtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
		ph = strchr(lines[i], '\t') + 1;
		tx = strchr(ph, '\t');
		*tx++ = '\0';
		FCGX_FPrintF(r->out, "<tr><td>%s</td><td>", when);
		html_text(r->out, ph);
		FCGX_PutS("</td><td>", r->out);
		html_text(r->out, tx);
		FCGX_PutS("</td></tr>", r->out);
	}
	FCGX_PutS("</table></body></html>", r->out);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Base64 text into bytes at out (NUL-terminated); returns the length. */
static size_t
unbase64(const char *in, size_t n, char *out, size_t outsz)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v = 0, bits = 0;
	size_t o = 0, i;
	const char *p;

	for (i = 0; i < n && o + 1 < outsz; i++) {
		if ((p = strchr(b64, in[i])) == NULL || in[i] == '\0')
			continue;
		v = v << 6 | (unsigned)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)(v >> bits & 0xff);
		}
	}
	out[o] = '\0';
	return o;
}

/* Undo the file's escaping ("\\n" line ends, "\\\\") into out. */
static void
unescape(const char *in, char *out, size_t outsz)
{
	size_t o = 0;

	for (; *in && o + 1 < outsz; in++) {
		if (*in == '\\' && in[1] == 'n') {
			out[o++] = '\n';
			in++;
		} else if (*in == '\\' && in[1] == '\\') {
			out[o++] = '\\';
			in++;
		} else
			out[o++] = *in;
	}
	out[o] = '\0';
}

/* 1 if the comma-separated list has the address `to`. */
static int
has_rcpt(const char *list, size_t len, const char *to)
{
	size_t k = strlen(to);
	const char *p = list, *end = list + len;

	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		size_t n = c ? (size_t)(c - p) : (size_t)(end - p);

		if (n == k && strncasecmp(p, to, k) == 0)
			return 1;
		p += n + 1;
	}
	return 0;
}

/* The recorded mail: the newest to one address (text), or the last 30. */
static void
sink_mail(FCGX_Request *r, const char *file, const char *to)
{
	static char line[256 * 1024], last[256 * 1024], msg[256 * 1024];
	char hdr[96], subj[600];
	size_t count = 0;
	FILE *f = fopen(file, "r");
	char *rc, *tx, *s, *e;

	last[0] = '\0';
	if (to == NULL)
		reply(r, 200, "text/html; charset=utf-8",
		    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width\">"
		    "<title>邮件记录（演示）</title></head><body>"
		    "<h1>邮件记录（演示环境）</h1><p><a href=\"/_sink/\">短信记录</a></p>"
		    "<table border=\"1\" cellpadding=\"4\">"
		    "<tr><th>时间</th><th>收件人</th><th>主题</th><th>内容</th></tr>");
	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if ((rc = strchr(line, '\t')) == NULL ||
		    (tx = strchr(rc + 1, '\t')) == NULL)
			continue;
		if (to) {
			if (has_rcpt(rc + 1, (size_t)(tx - rc - 1), to)) {
				snprintf(last, sizeof(last), "%s", tx + 1);
				count++;
			}
			continue;
		}
		/* Newest first is what a person wants; the file is short. */
		*tx++ = '\0';
		unescape(tx, msg, sizeof(msg));
		subj[0] = '\0';
		if ((s = strstr(msg, "Subject: =?UTF-8?B?")) != NULL &&
		    (e = strstr(s + 19, "?=")) != NULL)
			unbase64(s + 19, (size_t)(e - s - 19), subj, sizeof(subj));
		if ((s = strstr(msg, "\n\n")) != NULL)
			s += 2;
		{
			char when[32];
			time_t t = (time_t)strtoll(line, NULL, 10);
			struct tm tm;

			localtime_r(&t, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
			FCGX_FPrintF(r->out, "<tr><td>%s</td><td>", when);
		}
		html_text(r->out, rc + 1);
		FCGX_PutS("</td><td>", r->out);
		html_text(r->out, subj);
		FCGX_PutS("</td><td><pre style=\"white-space:pre-wrap\">", r->out);
		html_text(r->out, s ? s : msg);
		FCGX_PutS("</pre></td></tr>", r->out);
	}
	if (f)
		fclose(f);
	if (to == NULL) {
		FCGX_PutS("</table></body></html>", r->out);
		return;
	}
	if (*last == '\0') {
		reply(r, 404, "text/plain; charset=utf-8", "");
		return;
	}
	unescape(last, msg, sizeof(msg));
	snprintf(hdr, sizeof(hdr), "text/plain; charset=utf-8\r\n"
	    "X-Sink-Count: %zu", count);
	reply(r, 200, hdr, msg);
}

/* 1 when the query's appid (and, for the token, secret) are the stack's. */
static int
wx_app_ok(struct kvlist *q, int secret)
{
	const char *id = getenv("WX_APPID"), *sec = getenv("WX_SECRET");
	const char *a = kvlist_get(q, "appid"), *b = kvlist_get(q, "secret");

	return id && a && strcmp(id, a) == 0 &&
	    (!secret || (sec && b && strcmp(sec, b) == 0));
}

/* The authorize page: WeChat asks nothing for snsapi_base, it sends the
 * browser straight back with a code. */
static void
wx_authorize(FCGX_Request *r, struct kvlist *q)
{
	const char *uri = kvlist_get(q, "redirect_uri");
	const char *state = kvlist_get(q, "state");
	struct wx_code *c;
	const char *p;

	if (!wx_app_ok(q, 0) || uri == NULL ||
	    strcmp(kvlist_get(q, "response_type") ?
	    kvlist_get(q, "response_type") : "", "code") != 0) {
		reply(r, 400, "text/plain; charset=utf-8", "参数错误");
		return;
	}
	if (state)
		for (p = state; *p; p++)	/* the real one passes [A-Za-z0-9] */
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z'))) {
				reply(r, 400, "text/plain; charset=utf-8", "state 参数错误");
				return;
			}
	c = &wx_codes[wx_serial % WX_CODES];
	snprintf(c->code, sizeof(c->code), "wxcode%u%08lx", ++wx_serial,
	    (unsigned long)random());
	snprintf(c->openid, sizeof(c->openid), "%s", wx_next);
	c->used = 0;
	FCGX_FPrintF(r->out, "Status: 302\r\nLocation: %s%scode=%s&state=%s\r\n"
	    "Cache-Control: no-store\r\n\r\n", uri, strchr(uri, '?') ? "&" : "?",
	    c->code, state ? state : "");
}

static void
wx_token(FCGX_Request *r, struct kvlist *q)
{
	const char *code = kvlist_get(q, "code");
	char body[300];
	int i;

	if (!wx_app_ok(q, 1)) {
		reply(r, 200, "application/json",
		    "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
		return;
	}
	for (i = 0; code && i < WX_CODES; i++)
		if (!wx_codes[i].used && strcmp(wx_codes[i].code, code) == 0) {
			wx_codes[i].used = 1;
			snprintf(body, sizeof(body), "{\"access_token\":\"AT%d\","
			    "\"expires_in\":7200,\"refresh_token\":\"RT\","
			    "\"openid\":\"%s\",\"scope\":\"snsapi_base\"}", i,
			    wx_codes[i].openid);
			reply(r, 200, "application/json", body);
			return;
		}
	reply(r, 200, "application/json",
	    "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
}

int
main(void)
{
	const char *file = getenv("SINK_FILE"), *mail = getenv("SINK_MAIL");
	FCGX_Request r;
	struct kvlist q;
	const char *uri, *m, *qs;

	if (file == NULL)
		file = "/tmp/hz-smssink.log";
	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		uri = FCGX_GetParam("DOCUMENT_URI", r.envp);
		m = FCGX_GetParam("REQUEST_METHOD", r.envp);
		qs = FCGX_GetParam("QUERY_STRING", r.envp);
		memset(&q, 0, sizeof(q));
		if (qs)
			parse_urlencoded(qs, strlen(qs), &parse_limits_default, &q);
		if (uri && m && strcmp(m, "POST") == 0 &&
		    strcmp(uri, "/_sink/send") == 0)
			sink_send(&r, file);
		else if (uri && m && strcmp(m, "POST") == 0 &&
		    strcmp(uri, "/_sink/fail") == 0) {
			fail_next = kvlist_get(&q, "n") ? atoi(kvlist_get(&q, "n")) : 1;
			reply(&r, 200, "text/plain", "ok");
		} else if (uri && strcmp(uri, "/_sink/last") == 0 &&
		    kvlist_get(&q, "phone"))
			sink_list(&r, file, kvlist_get(&q, "phone"));
		else if (uri && strcmp(uri, "/_sink/") == 0)
			sink_list(&r, file, NULL);
		else if (uri && mail && strcmp(uri, "/_sink/mail") == 0)
			sink_mail(&r, mail, NULL);
		else if (uri && mail && strcmp(uri, "/_sink/mail/last") == 0 &&
		    kvlist_get(&q, "to"))
			sink_mail(&r, mail, kvlist_get(&q, "to"));
		else if (uri && strcmp(uri, "/_wx/authorize") == 0)
			wx_authorize(&r, &q);
		else if (uri && strcmp(uri, "/_wx/token") == 0)
			wx_token(&r, &q);
		else if (uri && m && strcmp(m, "POST") == 0 &&
		    strcmp(uri, "/_wx/next") == 0 && kvlist_get(&q, "openid")) {
			snprintf(wx_next, sizeof(wx_next), "%s",
			    kvlist_get(&q, "openid"));
			reply(&r, 200, "text/plain", "ok");
		}
		else
			reply(&r, 404, "text/plain", "not found");
		kvlist_free(&q);
		FCGX_Finish_r(&r);
	}
	return 0;
}
