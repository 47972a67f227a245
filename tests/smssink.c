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
 *
 * Not installed: it exists for the dev/test stack only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fcgiapp.h>

#include "http_parse.h"

static int fail_next;

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

int
main(void)
{
	const char *file = getenv("SINK_FILE");
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
		else
			reply(&r, 404, "text/plain", "not found");
		kvlist_free(&q);
		FCGX_Finish_r(&r);
	}
	return 0;
}
