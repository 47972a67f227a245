/*
 * t_nginx.c -- nginx's own answers are the portal's Chinese pages (issue
 * 8, point 10): an over-long URI (414), a huge cookie header (400, nginx's
 * 494), DELETE and PUT (405), a missing page (404); a 100 KB text field
 * is told about text, not about files; and a forged Host never comes back
 * in a Location (point 11).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

/* The answer is the portal's Chinese page: the stylesheet and `text`. */
static int
chinese_page(struct hc *c, const char *text)
{
	const char *b = hc_body(c);

	return strstr(b, "/static/huzhu.css") != NULL &&
	    strstr(b, "lang=\"zh-CN\"") != NULL && strstr(b, text) != NULL &&
	    strstr(b, "nginx") == NULL;
}

static char *
filled(size_t n, char ch)
{
	char *s = malloc(n + 1);

	memset(s, ch, n);
	s[n] = '\0';
	return s;
}

int
main(void)
{
	struct hc *c = hc_new();
	char *big = filled(20000, 'a'), *cookie, *field;
	char path[20100];
	int st;

	/* 414: a URI longer than nginx's header buffers. */
	snprintf(path, sizeof(path), "/u/%s", big);
	st = hc_raw(c, "GET", path, NULL);
	is_int(st, 414, "an over-long URI: 414");
	ok(chinese_page(c, "网址"), "... the Chinese 414 page");

	/* 400 (nginx's 494): a cookie header larger than its buffers. */
	cookie = malloc(20100);
	snprintf(cookie, 20100, "Cookie: junk=%s", big);
	st = hc_raw(c, "GET", "/u/login", cookie, NULL);
	is_int(st, 400, "a huge cookie header: 400");
	ok(chinese_page(c, "Cookie"), "... the Chinese 400 page");
	free(cookie);

	/* 405: methods other than GET, HEAD and POST, on pages and files. */
	st = hc_raw(c, "DELETE", "/u/login", NULL);
	is_int(st, 405, "DELETE: 405");
	ok(chinese_page(c, "不支持的请求方式"), "... the Chinese 405 page");
	st = hc_raw(c, "PUT", "/static/huzhu.css", NULL);
	is_int(st, 405, "PUT on a static file: 405");
	ok(chinese_page(c, "不支持的请求方式"), "... the Chinese 405 page");

	/* 404 outside the portals. */
	st = hc_raw(c, "GET", "/no/such/page", NULL);
	is_int(st, 404, "a page nowhere: 404");
	ok(chinese_page(c, "不存在"), "... the Chinese 404 page");

	/* A 100 KB text field: told about text, not about uploads. */
	hc_get(c, "/u/forgot");
	field = filled(100 * 1024, 'x');
	st = hc_post(c, "/u/forgot", "phone", field, NULL);
	is_int(st, 413, "a 100 KB text field: 413");
	ok(strstr(hc_body(c), "提交的内容过长") != NULL,
	    "... told 提交的内容过长");
	ok(strstr(hc_body(c), "20 MB") == NULL, "... not the upload message");
	ok(strstr(hc_body(c), "lang=\"zh-CN\"") != NULL, "... a Chinese page");
	free(field);

	/* A forged Host: refused, never reflected into a Location. */
	st = hc_raw(c, "GET", "/", "Host: evil.example", NULL);
	ok(st == 0 || st == 421 || st == 444, "Host: evil.example refused (%d)",
	    st);
	ok(strstr(hc_headers(c), "evil.example") == NULL,
	    "... no header names evil.example");
	st = hc_raw(c, "GET", "/u/", "Host: evil.example", NULL);
	ok(strstr(hc_headers(c), "evil.example") == NULL,
	    "/u/ with Host: evil.example: no Location to it");
	st = hc_raw(c, "GET", "/", NULL);
	is_int(st, 302, "our own host: / redirects");
	ok(strstr(hc_headers(c), "\nLocation: /m/") != NULL,
	    "... to a path, not to a host");
	st = hc_raw(c, "GET", "/", "Host: localhost", NULL);
	is_int(st, 302, "Host: localhost is served");

	/* A page comes with its length (req_respond), not chunked. */
	st = hc_get(c, "/u/login");
	is_int(st, 200, "a page: 200");
	ok(hc_header(c, "Content-Length") != NULL &&
	    strtoull(hc_header(c, "Content-Length"), NULL, 10) ==
	    hc_body_len(c) && hc_body_len(c) > 1000,
	    "... with a Content-Length that is its length (%zu bytes)",
	    hc_body_len(c));
	ok(strstr(hc_headers(c), "chunked") == NULL, "... not chunked");

	free(big);
	hc_free(c);
	return tap_done();
}
