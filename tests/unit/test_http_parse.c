/*
 * test_http_parse.c -- TAP tests for lib/http_parse.c: UTF-8, query
 * strings, cookies and the streaming multipart parser.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http_parse.h"
#include "tap.h"

static char tmpdir[] = "/tmp/hz-test-http-parse-XXXXXX";

#define CT	"multipart/form-data; boundary=----hzB7MA4YWxkTrZu0gW"
#define B	"------hzB7MA4YWxkTrZu0gW"	/* "--" boundary */

/* A file body full of near-delimiters, NULs and stray CRs. */
static const char filedata[] =
    "\xff\xd8\xff\xe0JFIF\0\0\r\n"
    "\r\n------hzB7MA4YWxk" "not-the-rest\r\n"
    "\r\n--\r\r\n------hzB7MA4YWxkTrZu0g" "X\r\n"
    "text ------hzB7MA4YWxkTrZu0gW (no CRLF before)\r\n"
    "tail\r";
#define FILELEN	(sizeof(filedata) - 1)

/* The number of entries in tmpdir other than "." and "..". */
static int
dir_count(void)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(tmpdir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Read a whole file into a malloc'd buffer; *len gets its size. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 sz;

	*len = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) || (buf = malloc((size_t)sz + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)sz, f);
	fclose(f);
	return buf;
}

/* Deterministic xorshift for the random chunk sizes. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/*
 * Feed body[0..len) to a fresh parser in chunks: chunk > 0 is a fixed size,
 * chunk == 0 is the whole body, chunk < 0 is random sizes seeded by -chunk.
 * split, when nonzero, feeds exactly two pieces cut there.  Returns the
 * first non-OK status of feed, else finish's.
 */
static enum parse_status
mp_run(const char *ct, const char *body, size_t len, long chunk, size_t split,
    const struct parse_limits *lim, struct kvlist *form, struct uploads *files)
{
	struct multipart	*mp;
	enum parse_status	 st = PARSE_OK;
	uint32_t		 seed = (uint32_t)-chunk;
	size_t			 off = 0, n;

	if ((mp = multipart_new(ct, tmpdir, lim)) == NULL)
		return PARSE_NOMEM;
	while (off < len && st == PARSE_OK) {
		if (split)
			n = off == 0 ? split : len - off;
		else if (chunk == 0)
			n = len;
		else if (chunk > 0)
			n = (size_t)chunk;
		else
			n = 1 + rnd(&seed) % 97;
		if (n > len - off)
			n = len - off;
		st = multipart_feed(mp, body + off, n);
		off += n;
	}
	if (st == PARSE_OK)
		st = multipart_finish(mp, form, files);
	multipart_free(mp);
	return st;
}

/* The main multipart body: preamble, two text fields, a file, an empty
 * file input, an unnamed part, close delimiter and epilogue.  *len gets its
 * length and *fileoff where the file's bytes start; the caller frees. */
static char *
main_body(size_t *len, size_t *fileoff)
{
	static const char head[] =
	    "This preamble is ignored.\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n"
	    "\r\n"
	    "\xe4\xba\x92\xe5\x8a\xa9\xe9\x87\x91\xe7\x94\xb3\xe8\xaf\xb7\r\n"
	    B "  \r\n"		/* transport padding */
	    "content-disposition: form-data; name=note\r\n"
	    "\r\n"
	    "line1\r\nline2 " B " not at a line start\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"doc\"; "
	    "filename=\"C:\\x\\a.jpg\"\r\n"
	    "Content-Type: image/jpeg\r\n"
	    "\r\n";
	static const char tail[] =
	    "\r\n" B "\r\n"
	    "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\r\n" B "\r\n"
	    "Content-Disposition: form-data\r\n"
	    "\r\n"
	    "nameless, dropped\r\n"
	    B "--\r\n"
	    "epilogue, also ignored\r\n" B "\r\ngarbage";
	char	*b;

	*fileoff = sizeof(head) - 1;
	*len = sizeof(head) - 1 + FILELEN + sizeof(tail) - 1;
	if ((b = malloc(*len)) == NULL)
		abort();
	memcpy(b, head, sizeof(head) - 1);
	memcpy(b + sizeof(head) - 1, filedata, FILELEN);
	memcpy(b + sizeof(head) - 1 + FILELEN, tail, sizeof(tail) - 1);
	return b;
}

/* 1 if the parse of main_body() produced exactly what it should. */
static int
main_result_ok(enum parse_status st, const struct kvlist *form,
    const struct uploads *files)
{
	char	*data;
	size_t	 dlen;
	int	 good;

	if (st != PARSE_OK || form->n != 2 || files->n != 1)
		return 0;
	if (strcmp(form->v[0].key, "title") || strcmp(form->v[0].val,
	    "\xe4\xba\x92\xe5\x8a\xa9\xe9\x87\x91\xe7\x94\xb3\xe8\xaf\xb7"))
		return 0;
	if (strcmp(form->v[1].key, "note") ||
	    strcmp(form->v[1].val, "line1\r\nline2 " B " not at a line start"))
		return 0;
	if (strcmp(files->v[0].field, "doc") ||
	    strcmp(files->v[0].filename, "a.jpg") ||
	    strcmp(files->v[0].ctype, "image/jpeg") ||
	    files->v[0].size != FILELEN)
		return 0;
	data = slurp(files->v[0].path, &dlen);
	good = data != NULL && dlen == FILELEN &&
	    memcmp(data, filedata, FILELEN) == 0;
	free(data);
	return good;
}

static void
test_utf8(void)
{
	ok(utf8_valid("", 0), "utf8: empty");
	ok(utf8_valid("plain ascii", 11), "utf8: ascii");
	ok(utf8_valid("\xe4\xb8\xad\xe6\x96\x87", 6), "utf8: 中文");
	ok(utf8_valid("\xf0\x9f\x98\x80", 4), "utf8: 4-byte emoji");
	ok(utf8_valid("\xf4\x8f\xbf\xbf", 4), "utf8: U+10FFFF");
	ok(utf8_valid("\xed\x9f\xbf", 3), "utf8: U+D7FF");
	ok(!utf8_valid("a\0b", 3), "utf8: NUL rejected");
	ok(!utf8_valid("\xc0\xaf", 2), "utf8: overlong 2-byte");
	ok(!utf8_valid("\xc1\xbf", 2), "utf8: overlong C1");
	ok(!utf8_valid("\xe0\x80\xaf", 3), "utf8: overlong 3-byte");
	ok(!utf8_valid("\xf0\x80\x80\xaf", 4), "utf8: overlong 4-byte");
	ok(!utf8_valid("\xed\xa0\x80", 3), "utf8: surrogate");
	ok(!utf8_valid("\xf4\x90\x80\x80", 4), "utf8: above U+10FFFF");
	ok(!utf8_valid("\xf5\x80\x80\x80", 4), "utf8: F5 lead");
	ok(!utf8_valid("\xe4\xb8", 2), "utf8: truncated");
	ok(!utf8_valid("\x80", 1), "utf8: lone continuation");
	ok(!utf8_valid("\xe4\x41\xad", 3), "utf8: bad continuation");
	ok(!utf8_valid("\xff", 1), "utf8: FF");
}

static void
test_kvlist(void)
{
	struct kvlist	 l = { 0 };
	int		 i, good = 1;
	char		 k[16];

	ok(kvlist_add(&l, "a", "x\0y", 3), "kvlist: add with NUL inside");
	is_int(l.v[0].vlen, 3, "kvlist: vlen kept");
	ok(memcmp(l.v[0].val, "x\0y", 4) == 0,
	    "kvlist: value copied and NUL-terminated");
	ok(kvlist_add(&l, "e", NULL, 0), "kvlist: NULL empty value");
	is_str(kvlist_get(&l, "e"), "", "kvlist: empty value is \"\"");
	ok(kvlist_get(&l, "nope") == NULL, "kvlist: missing key is NULL");
	for (i = 0; i < 100; i++) {
		snprintf(k, sizeof(k), "k%d", i);
		good &= kvlist_add(&l, k, k, strlen(k));
	}
	ok(good && l.n == 102, "kvlist: grows to 102");
	is_str(kvlist_get(&l, "k77"), "k77", "kvlist: get after growth");
	kvlist_free(&l);
	ok(l.v == NULL && l.n == 0 && l.cap == 0, "kvlist: free resets");
	kvlist_free(&l);
	ok(1, "kvlist: double free of emptied list is safe");
	is_int(parse_limits_default.max_fields, 200, "limits: 200 fields");
	is_int(parse_limits_default.max_value, 64 * 1024,
	    "limits: 64 KiB value");
	is_int(parse_limits_default.max_files, 10, "limits: 10 files");
	is_int(parse_limits_default.max_file, 20 * 1024 * 1024,
	    "limits: 20 MiB file");
	is_int(parse_limits_default.max_total, 60 * 1024 * 1024,
	    "limits: 60 MiB total");
}

/* parse_urlencoded() on the C string s, appending to l. */
static enum parse_status
ue(const char *s, const struct parse_limits *lim, struct kvlist *l)
{
	return parse_urlencoded(s, strlen(s), lim, l);
}

static void
test_urlencoded(void)
{
	struct kvlist		 l = { 0 };
	struct parse_limits	 lim = parse_limits_default;
	const char		*q;

	q = "a=1&b=%E4%B8%AD&c=x+y%20z&d=&e";
	is_int(ue(q, NULL, &l), PARSE_OK, "query: parses");
	is_int(l.n, 5, "query: five pairs");
	is_str(kvlist_get(&l, "a"), "1", "query: a=1");
	is_str(kvlist_get(&l, "b"), "\xe4\xb8\xad", "query: %%E4%%B8%%AD is 中");
	is_int(l.v[1].vlen, 3, "query: vlen of 中 is 3");
	is_str(kvlist_get(&l, "c"), "x y z", "query: '+' and %%20 are spaces");
	is_str(kvlist_get(&l, "d"), "", "query: empty value");
	is_str(kvlist_get(&l, "e"), "", "query: no '=' is empty value");
	kvlist_free(&l);

	is_int(ue("&&=skip&a=1&=&", NULL, &l), PARSE_OK,
	    "query: junk separators");
	is_int(l.n, 1, "query: empty pieces and keys skipped");
	kvlist_free(&l);

	is_int(ue("%41%62+c=%2b%3D%26", NULL, &l), PARSE_OK,
	    "query: escaped key");
	is_str(kvlist_get(&l, "Ab c"), "+=&", "query: escaped key and value");
	kvlist_free(&l);

	is_int(ue("a=1&a=2", NULL, &l), PARSE_OK, "query: duplicate keys");
	is_str(kvlist_get(&l, "a"), "1", "query: get returns the first");
	is_int(l.n, 2, "query: both kept");
	kvlist_free(&l);

	is_int(parse_urlencoded("a=1&b=2", 3, NULL, &l), PARSE_OK,
	    "query: len honoured");
	ok(l.n == 1 && kvlist_get(&l, "b") == NULL, "query: stops at len");
	kvlist_free(&l);

	is_int(parse_urlencoded("", 0, NULL, &l), PARSE_OK,
	    "query: empty string");
	is_int(l.n, 0, "query: empty string adds nothing");

	is_int(ue("a=%", NULL, &l), PARSE_BAD, "query: lone %% is bad");
	is_int(ue("a=%4", NULL, &l), PARSE_BAD, "query: short %%4 is bad");
	is_int(ue("a=%GG", NULL, &l), PARSE_BAD, "query: %%GG is bad");
	is_int(ue("a%zz=1", NULL, &l), PARSE_BAD, "query: bad escape in key");
	is_int(ue("a=%FF", NULL, &l), PARSE_BAD, "query: invalid UTF-8 is bad");
	is_int(ue("a=%C0%AF", NULL, &l), PARSE_BAD, "query: overlong is bad");
	is_int(ue("a=%ED%A0%80", NULL, &l), PARSE_BAD,
	    "query: surrogate is bad");
	is_int(ue("a=x%00y", NULL, &l), PARSE_BAD, "query: NUL is bad");
	is_int(ue("%FF=1", NULL, &l), PARSE_BAD,
	    "query: invalid UTF-8 key is bad");
	is_int(ue("a=\xe4\xb8", NULL, &l), PARSE_BAD,
	    "query: raw truncated UTF-8 is bad");
	is_int(l.n, 0, "query: nothing left behind on error");

	kvlist_add(&l, "pre", "x", 1);
	is_int(ue("x=1&y=2&z=%ZZ", NULL, &l), PARSE_BAD, "query: late error");
	ok(l.n == 1 && strcmp(l.v[0].key, "pre") == 0,
	    "query: error rolls back to what was there");
	is_int(ue("x=1", NULL, &l), PARSE_OK, "query: appends");
	ok(l.n == 2 && strcmp(l.v[1].key, "x") == 0,
	    "query: appended after existing");
	kvlist_free(&l);

	lim.max_fields = 2;
	lim.max_value = 3;
	lim.max_total = 40;
	is_int(ue("a=1&b=2", &lim, &l), PARSE_OK, "query: at max_fields");
	kvlist_free(&l);
	is_int(ue("a=1&b=2&c=3", &lim, &l), PARSE_TOO_BIG,
	    "query: over max_fields");
	is_int(l.n, 0, "query: too big leaves nothing");
	is_int(ue("a=1&&&b=2&=x", &lim, &l), PARSE_OK,
	    "query: skipped pieces do not count");
	kvlist_free(&l);
	is_int(ue("a=abc", &lim, &l), PARSE_OK, "query: value at max_value");
	kvlist_free(&l);
	is_int(ue("a=abcd", &lim, &l), PARSE_TOO_BIG,
	    "query: value over max_value");
	is_int(ue("abcd=1", &lim, &l), PARSE_TOO_BIG,
	    "query: key over max_value");
	is_int(ue("a=%E4%B8%AD", &lim, &l), PARSE_OK,
	    "query: max_value counts decoded bytes");
	kvlist_free(&l);
	is_int(ue("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10",
	    &lim, &l), PARSE_TOO_BIG, "query: over max_total");
}

static void
test_cookies(void)
{
	struct kvlist	 l = { 0 };

	is_int(parse_cookies("a=1; b=2", &l), PARSE_OK, "cookie: simple");
	is_int(l.n, 2, "cookie: two");
	is_str(kvlist_get(&l, "a"), "1", "cookie: a");
	is_str(kvlist_get(&l, "b"), "2", "cookie: b");
	kvlist_free(&l);

	is_int(parse_cookies(" hz_sid=\"abc\" ; junk; =x; c=; d e=1;f=3;;"
	    "g==h;\"q\"=1;h=\"; i = spaced ", &l), PARSE_OK, "cookie: junk");
	is_str(kvlist_get(&l, "hz_sid"), "abc", "cookie: quotes stripped");
	is_str(kvlist_get(&l, "c"), "", "cookie: empty value");
	is_str(kvlist_get(&l, "f"), "3", "cookie: after junk");
	is_str(kvlist_get(&l, "g"), "=h", "cookie: '=' inside value kept");
	is_str(kvlist_get(&l, "h"), "\"", "cookie: lone quote kept");
	is_str(kvlist_get(&l, "i"), "spaced", "cookie: spaces trimmed");
	ok(kvlist_get(&l, "junk") == NULL, "cookie: no '=' skipped");
	ok(kvlist_get(&l, "d e") == NULL && kvlist_get(&l, "e") == NULL,
	    "cookie: name with space skipped");
	ok(kvlist_get(&l, "\"q\"") == NULL, "cookie: quoted name skipped");
	is_int(l.n, 6, "cookie: six good ones");
	kvlist_free(&l);

	is_int(parse_cookies("a=\x01x; b=\xff; c=\xe4\xb8\xad; d=ok", &l),
	    PARSE_OK, "cookie: control and bad UTF-8");
	ok(kvlist_get(&l, "a") == NULL, "cookie: control char skipped");
	ok(kvlist_get(&l, "b") == NULL, "cookie: bad UTF-8 skipped");
	is_str(kvlist_get(&l, "c"), "\xe4\xb8\xad", "cookie: UTF-8 value kept");
	is_str(kvlist_get(&l, "d"), "ok", "cookie: last one");
	kvlist_free(&l);

	is_int(parse_cookies(NULL, &l), PARSE_OK, "cookie: NULL header");
	is_int(parse_cookies("", &l), PARSE_OK, "cookie: empty header");
	is_int(parse_cookies(";;; ;=;==", &l), PARSE_OK, "cookie: only junk");
	is_int(l.n, 0, "cookie: nothing from junk");
}

/* 1 if multipart_new() accepts the Content-Type `ct`. */
static int
mp_accepts(const char *ct)
{
	struct multipart	*mp;

	if ((mp = multipart_new(ct, tmpdir, NULL)) == NULL)
		return 0;
	multipart_free(mp);
	return 1;
}

static void
test_mp_new(void)
{
	static const char	 b70[] = "0123456789012345678901234567890123"
	    "456789012345678901234567890123456789";
	char			 ct[200];

	ok(mp_accepts(CT), "mp_new: plain boundary");
	ok(mp_accepts("Multipart/Form-Data;BOUNDARY=\"a;b c\"; charset=utf-8"),
	    "mp_new: quoted boundary, odd case");
	ok(mp_accepts("multipart/form-data; charset=\"x;boundary=no\"; "
	    "boundary=yes"), "mp_new: boundary after quoted param");
	ok(!mp_accepts("multipart/form-data"), "mp_new: no boundary");
	ok(!mp_accepts("multipart/form-data; boundary="),
	    "mp_new: empty boundary");
	ok(!mp_accepts("multipart/form-data; boundary=\"\""),
	    "mp_new: empty quoted boundary");
	ok(!mp_accepts("multipart/form-data; boundary=\"abc"),
	    "mp_new: unterminated quote");
	ok(!mp_accepts("text/plain; boundary=abc"), "mp_new: not multipart");
	ok(!mp_accepts("multipart/form-data; boundary=\"ab \""),
	    "mp_new: trailing space");
	ok(!mp_accepts(NULL), "mp_new: NULL header");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", b70);
	ok(mp_accepts(ct), "mp_new: 70-char boundary");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%sx", b70);
	ok(!mp_accepts(ct), "mp_new: 71-char boundary");
	multipart_free(NULL);
	ok(1, "mp_free: NULL is fine");
}

static void
test_mp_main(void)
{
	struct kvlist		 form = { 0 };
	struct uploads		 files = { 0 };
	struct stat		 sb;
	enum parse_status	 st;
	char			*body, *path, label[64];
	static const long	 sizes[] = { 0, 1, 2, 3, 4, 5, 7, 13, 28, 29,
	    64, -1, -7, -42, -1234 };
	static const ptrdiff_t	 cuts[] = { -30, -2, -1, 0, 1, 10,
	    sizeof(B) - 1, sizeof(B) };
	size_t			 len, i, badsplit, endpos, fileoff;

	body = main_body(&len, &fileoff);

	st = mp_run(CT, body, len, 0, 0, NULL, &form, &files);
	is_int(st, PARSE_OK, "mp: whole body parses");
	is_int(form.n, 2, "mp: two text fields");
	is_str(kvlist_get(&form, "title"),
	    "\xe4\xba\x92\xe5\x8a\xa9\xe9\x87\x91\xe7\x94\xb3\xe8\xaf\xb7",
	    "mp: UTF-8 text field");
	is_str(kvlist_get(&form, "note"),
	    "line1\r\nline2 " B " not at a line start",
	    "mp: unquoted name, CRLF and boundary text inside value");
	is_int(files.n, 1,
	    "mp: one file (empty one dropped, nameless ignored)");
	if (files.n == 1) {
		is_str(files.v[0].field, "doc", "mp: file field name");
		is_str(files.v[0].filename, "a.jpg",
		    "mp: C:\\x\\a.jpg stripped to a.jpg");
		is_str(files.v[0].ctype, "image/jpeg", "mp: file content type");
		is_int(files.v[0].size, FILELEN, "mp: file size");
		ok(strncmp(files.v[0].path, tmpdir, strlen(tmpdir)) == 0,
		    "mp: temp file is in tmpdir");
		ok(stat(files.v[0].path, &sb) == 0 &&
		    (sb.st_mode & 0777) == 0600, "mp: temp file mode 0600");
		ok(main_result_ok(st, &form, &files),
		    "mp: file bytes intact (near-delimiters, NUL, stray CR)");
	}
	is_int(dir_count(), 1, "mp: exactly one temp file exists");
	path = files.n ? strdup(files.v[0].path) : NULL;
	ok(path && access(path, F_OK) == 0,
	    "mp: temp file exists before uploads_free");
	uploads_free(&files);
	ok(path && access(path, F_OK) == -1, "mp: uploads_free unlinks it");
	ok(files.v == NULL && files.n == 0, "mp: uploads_free resets");
	free(path);
	kvlist_free(&form);

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (sizes[i] >= 0)
			snprintf(label, sizeof(label), "chunks of %ld",
			    sizes[i]);
		else
			snprintf(label, sizeof(label),
			    "random chunks, seed %ld", -sizes[i]);
		st = mp_run(CT, body, len, sizes[i], 0, NULL, &form, &files);
		ok(main_result_ok(st, &form, &files), "mp: %s: same result",
		    label);
		uploads_free(&files);
		kvlist_free(&form);
	}
	is_int(dir_count(), 0, "mp: no temp files left after the chunk runs");

	/* every two-piece split, so every delimiter is cut at every byte */
	badsplit = 0;
	for (i = 1; i < len; i++) {
		st = mp_run(CT, body, len, 0, i, NULL, &form, &files);
		if (!main_result_ok(st, &form, &files) && badsplit == 0)
			badsplit = i;
		uploads_free(&files);
		kvlist_free(&form);
	}
	is_int(badsplit, 0, "mp: all %zu two-piece splits give the same result",
	    len - 1);
	is_int(dir_count(), 0, "mp: no temp files left after the split runs");

	/* multipart_free without finish removes the files */
	{
		struct multipart *mp = multipart_new(CT, tmpdir, NULL);

		is_int(multipart_feed(mp, body, len), PARSE_OK,
		    "mp: feed only");
		is_int(dir_count(), 1, "mp: temp file while unfinished");
		multipart_free(mp);
		is_int(dir_count(), 0,
		    "mp: multipart_free removes unclaimed files");
	}
	/* finish with files == NULL leaves them to multipart_free */
	{
		struct multipart *mp = multipart_new(CT, tmpdir, NULL);

		multipart_feed(mp, body, len);
		is_int(multipart_finish(mp, &form, NULL), PARSE_OK,
		    "mp: finish, form only");
		is_int(form.n, 2, "mp: form moved out");
		multipart_free(mp);
		is_int(dir_count(), 0,
		    "mp: unclaimed file removed by multipart_free");
		kvlist_free(&form);
	}
	/* the truncated body: never a close delimiter */
	for (endpos = len - sizeof(B) - 1; endpos > 0; endpos--)
		if (memcmp(body + endpos, B "--", sizeof(B) + 1) == 0)
			break;
	for (i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		st = mp_run(CT, body, endpos + cuts[i], 1, 0, NULL, &form,
		    &files);
		is_int(st, PARSE_BAD,
		    "mp: body cut at %zu, %+d from the close, is bad",
		    endpos + cuts[i], (int)cuts[i]);
	}
	st = mp_run(CT, body, fileoff + FILELEN / 2, 0, 0, NULL, &form, &files);
	is_int(st, PARSE_BAD, "mp: body cut inside the file is bad");
	is_int(dir_count(), 0, "mp: no temp files after truncated bodies");
	free(body);
}

/* Results of the last mp(): the small-body tests below share them. */
static struct kvlist	 F;
static struct uploads	 U;

/*
 * mp: parse the C string `body` with `lim` (NULL: defaults) whole and byte
 * by byte; both must agree.  Frees the previous results, leaves the whole
 * run's in F and U, and returns its status (-1 if the runs disagree).
 */
static int
mp(const char *body, const struct parse_limits *lim)
{
	struct kvlist	 f2 = { 0 };
	struct uploads	 u2 = { 0 };
	int		 a, b;

	kvlist_free(&F);
	uploads_free(&U);
	a = mp_run(CT, body, strlen(body), 1, 0, lim, &f2, &u2);
	b = mp_run(CT, body, strlen(body), 0, 0, lim, &F, &U);
	if (a != b || f2.n != F.n || u2.n != U.n) {
		printf("# whole and 1-byte feeds disagree: %d/%d\n", b, a);
		b = -1;
	}
	uploads_free(&u2);
	kvlist_free(&f2);
	return b;
}

/* The first upload's file name after the last mp(), or NULL. */
static const char *
fn0(void)
{
	return U.n ? U.v[0].filename : NULL;
}

#define PART(hdrs, data)	B "\r\n" hdrs "\r\n\r\n" data "\r\n"
#define CD			"Content-Disposition: form-data; "
#define TEXT(name, data)	PART(CD "name=\"" name "\"", data)
#define FILEP(name, fn, data)	\
	PART(CD "name=\"" name "\"; filename=\"" fn "\"", data)
#define END			B "--\r\n"

static void
test_mp_filenames(void)
{
	is_int(mp(FILEP("f", "my \\\"best\\\" pic.png", "x") END, NULL),
	    PARSE_OK, "mp: escaped quotes in filename");
	is_str(fn0(), "my \"best\" pic.png", "mp: filename unescaped");
	is_int(mp(FILEP("f", "C:\\\\x\\\\a.jpg", "x") END, NULL), PARSE_OK,
	    "mp: escaped backslashes");
	is_str(fn0(), "a.jpg", "mp: C:\\\\x\\\\a.jpg is a.jpg");
	is_int(mp(FILEP("f", "/srv/a/b.txt", "x") END, NULL), PARSE_OK,
	    "mp: Unix path");
	is_str(fn0(), "b.txt", "mp: /srv/a/b.txt is b.txt");
	is_int(mp(FILEP("f", "../../etc/pass\x01wd\x7f", "x") END, NULL),
	    PARSE_OK, "mp: path and controls in filename");
	is_str(fn0(), "passwd", "mp: ../../etc/pass^Awd^? is passwd");
	is_int(mp(FILEP("f", "\xe6\x8a\xa5\xe9\x94\x80.pdf", "x") END, NULL),
	    PARSE_OK, "mp: UTF-8 filename");
	is_str(fn0(), "\xe6\x8a\xa5\xe9\x94\x80.pdf",
	    "mp: UTF-8 filename kept");
	is_int(mp(FILEP("f", "\xb1\xa8.pdf", "x") END, NULL), PARSE_OK,
	    "mp: GBK filename");
	is_str(fn0(), "\xef\xbf\xbd\xef\xbf\xbd.pdf",
	    "mp: bad UTF-8 in filename becomes U+FFFD");
	is_int(mp(FILEP("f", "dir/..", "x") END, NULL), PARSE_OK,
	    "mp: filename ..");
	is_str(fn0(), "", "mp: '..' becomes empty, file with bytes kept");

	is_int(mp(FILEP("f", "", "") END, NULL), PARSE_OK,
	    "mp: empty file input");
	is_int(U.n, 0, "mp: empty file input dropped");
	is_int(mp(FILEP("f", "empty.txt", "") END, NULL), PARSE_OK,
	    "mp: zero-byte named file");
	ok(U.n == 1 && U.v[0].size == 0 && access(U.v[0].path, F_OK) == 0,
	    "mp: zero-byte named file kept on disk");
	is_str(U.n ? U.v[0].ctype : NULL, "application/octet-stream",
	    "mp: default file content type");
	uploads_free(&U);
	is_int(dir_count(), 0, "mp: filename tests leave no temp files");
}

static void
test_mp_headers(void)
{
	char	*big;
	size_t	 i;

	is_int(mp(PART(CD "\r\n name=\"folded\"", "v") END, NULL), PARSE_OK,
	    "mp: folded header");
	is_str(kvlist_get(&F, "folded"), "v", "mp: folded name found");
	is_int(mp(PART("X-Junk: 1\r\nno colon line\r\n"
	    "CONTENT-DISPOSITION:form-data;NAME=\"n\"\r\n"
	    "Content-Type: text/plain; charset=utf-8", "v") END, NULL),
	    PARSE_OK, "mp: extra headers, odd case");
	ok(U.n == 0 && F.n == 1 && strcmp(F.v[0].val, "v") == 0,
	    "mp: Content-Type without filename is a text field");
	is_int(mp(PART(CD "name=\"\"", "v") TEXT("b", "2") END, NULL),
	    PARSE_OK, "mp: empty name");
	ok(F.n == 1 && strcmp(F.v[0].key, "b") == 0,
	    "mp: empty name part ignored");
	is_int(mp(PART(CD "filename=\"x.txt\"", "v") END, NULL), PARSE_OK,
	    "mp: no name");
	ok(F.n == 0 && U.n == 0 && dir_count() == 0,
	    "mp: part without a name ignored, no temp file");

	is_int(mp(PART("Content-Type: text/plain", "v") END, NULL), PARSE_BAD,
	    "mp: no Content-Disposition is bad");
	is_int(mp(B "\r\n\r\nv\r\n" END, NULL), PARSE_BAD,
	    "mp: part without headers is bad");
	is_int(mp(PART(CD "name=\"a\"\r\n" CD "name=\"b\"", "v") END, NULL),
	    PARSE_BAD, "mp: two Content-Dispositions is bad");
	is_int(mp(PART(CD "name=\"a", "v") END, NULL), PARSE_BAD,
	    "mp: unterminated quote is bad");
	is_int(mp(PART(CD "name=\"a\"b", "v") END, NULL), PARSE_BAD,
	    "mp: junk after a parameter is bad");
	is_int(mp(PART(CD "name=\"a\x01\"", "v") END, NULL), PARSE_BAD,
	    "mp: control char in name is bad");
	is_int(mp(PART(CD "name=\"\xff\"", "v") END, NULL), PARSE_BAD,
	    "mp: bad UTF-8 in name is bad");

	if ((big = malloc(10000)) == NULL)
		abort();
	strcpy(big, B "\r\n" CD "name=\"a\"\r\nX-Pad: ");
	i = strlen(big);
	memset(big + i, 'p', 9000);
	strcpy(big + i + 9000, "\r\n\r\nv\r\n" END);
	is_int(mp(big, NULL), PARSE_TOO_BIG,
	    "mp: 9 KB header block is too big");
	free(big);
}

static void
test_mp_framing(void)
{
	static const char	 nul[] = TEXT("a", "x\0y") END;
	struct kvlist		 form = { 0 };
	struct uploads		 files = { 0 };

	is_int(mp(TEXT("a", "\xe4\xb8") END, NULL), PARSE_BAD,
	    "mp: bad UTF-8 text value");
	is_int(mp_run(CT, nul, sizeof(nul) - 1, 1, 0, NULL, &form, &files),
	    PARSE_BAD, "mp: NUL in text value is bad");
	is_int(mp(TEXT("a", "") TEXT("a", "2") END, NULL), PARSE_OK,
	    "mp: empty and duplicate text fields");
	ok(F.n == 2 && strcmp(F.v[0].val, "") == 0 && F.v[0].vlen == 0,
	    "mp: empty text value");

	is_int(mp(END, NULL), PARSE_OK, "mp: no parts at all");
	is_int(mp("", NULL), PARSE_BAD, "mp: empty body is bad");
	is_int(mp("junk only", NULL), PARSE_BAD,
	    "mp: no boundary at all is bad");
	is_int(mp(TEXT("a", "1"), NULL), PARSE_BAD,
	    "mp: missing close delimiter is bad");
	is_int(mp(TEXT("a", "1") B, NULL), PARSE_BAD,
	    "mp: delimiter without -- or CRLF is bad");
	is_int(mp(TEXT("a", "1") B "x\r\n", NULL), PARSE_BAD,
	    "mp: delimiter followed by junk is bad");
	is_int(mp(TEXT("a", "1") B "-x", NULL), PARSE_BAD,
	    "mp: half close delimiter is bad");
	is_int(mp(TEXT("a", "1") B "\rx", NULL), PARSE_BAD,
	    "mp: CR without LF after delimiter is bad");
	is_int(mp(TEXT("a", "1") B "--", NULL), PARSE_OK,
	    "mp: close delimiter without CRLF is fine");
	is_int(mp("\r\n" TEXT("a", "1") END, NULL), PARSE_OK,
	    "mp: CRLF preamble");
	is_str(kvlist_get(&F, "a"), "1", "mp: field after CRLF preamble");
	is_int(mp(TEXT("a", "1") B " \t \r\n" CD "name=\"b\"\r\n\r\n2\r\n" END,
	    NULL), PARSE_OK, "mp: transport padding after a delimiter");
	is_str(kvlist_get(&F, "b"), "2", "mp: field after padding");
}

static void
test_mp_limits(void)
{
	struct parse_limits	 lim = parse_limits_default;

	lim.max_fields = 2;
	is_int(mp(TEXT("a", "1") TEXT("b", "2") END, &lim), PARSE_OK,
	    "mp: at max_fields");
	is_int(mp(TEXT("a", "1") TEXT("b", "2") TEXT("c", "3") END, &lim),
	    PARSE_TOO_BIG, "mp: over max_fields");
	is_int(mp(TEXT("a", "1") TEXT("b", "2") FILEP("f", "x", "x") END, &lim),
	    PARSE_OK, "mp: files do not count as fields");

	lim = parse_limits_default;
	lim.max_value = 4;
	is_int(mp(TEXT("a", "abcd") END, &lim), PARSE_OK, "mp: at max_value");
	is_int(mp(TEXT("a", "abcde") END, &lim), PARSE_TOO_BIG,
	    "mp: over max_value");

	lim = parse_limits_default;
	lim.max_file = 10;
	is_int(mp(FILEP("f", "a", "0123456789") END, &lim), PARSE_OK,
	    "mp: at max_file");
	is_int(U.n ? U.v[0].size : 0, 10, "mp: 10-byte file");
	is_int(mp(FILEP("f", "a", "0123456789\r") END, &lim), PARSE_TOO_BIG,
	    "mp: over max_file by a CR");
	is_int(mp(FILEP("f", "a", "01234567890123456789") END, &lim),
	    PARSE_TOO_BIG, "mp: over max_file");
	is_int(dir_count(), 0, "mp: too-big file removed");

	lim = parse_limits_default;
	lim.max_files = 1;
	is_int(mp(FILEP("f", "a", "1") FILEP("g", "", "") FILEP("h", "", "")
	    END, &lim), PARSE_OK,
	    "mp: empty file inputs do not count as files");
	is_int(U.n, 1, "mp: one file kept");
	is_int(mp(FILEP("f", "a", "1") FILEP("g", "b", "2") END, &lim),
	    PARSE_TOO_BIG, "mp: over max_files");
	is_int(mp(FILEP("f", "a", "1") FILEP("g", "b", "") END, &lim),
	    PARSE_TOO_BIG, "mp: zero-byte named file counts");

	lim = parse_limits_default;
	lim.max_total = 60;
	is_int(mp(TEXT("a", "1") END, &lim), PARSE_TOO_BIG,
	    "mp: over max_total");
	lim.max_total = strlen(TEXT("a", "1") END);
	is_int(mp(TEXT("a", "1") END, &lim), PARSE_OK, "mp: at max_total");
	kvlist_free(&F);
	uploads_free(&U);
	is_int(dir_count(), 0, "mp: limit tests leave no temp files");
}

/* Sticky errors, an unusable tmpdir, and finish appending. */
static void
test_mp_api(void)
{
	static const char	 bad[] = TEXT("a", "\xff") END;
	static const char	 file[] = FILEP("f", "a", "1") END;
	static const char	 text[] = TEXT("b", "2") END;
	struct multipart	*m;
	struct kvlist		 form = { 0 };
	struct uploads		 files = { 0 };

	m = multipart_new(CT, tmpdir, NULL);
	is_int(multipart_feed(m, bad, sizeof(bad) - 1), PARSE_BAD,
	    "mp: feed reports bad");
	is_int(multipart_feed(m, "x", 1), PARSE_BAD, "mp: error sticks");
	is_int(multipart_finish(m, &form, &files), PARSE_BAD,
	    "mp: finish repeats it");
	ok(form.n == 0 && files.n == 0, "mp: nothing moved out on error");
	multipart_free(m);

	m = multipart_new(CT, "/nonexistent/dir", NULL);
	is_int(multipart_feed(m, file, sizeof(file) - 1), PARSE_NOMEM,
	    "mp: unusable tmpdir is NOMEM");
	multipart_free(m);

	m = multipart_new(CT, tmpdir, NULL);
	kvlist_add(&form, "a", "1", 1);
	multipart_feed(m, text, sizeof(text) - 1);
	is_int(multipart_finish(m, &form, &files), PARSE_OK,
	    "mp: finish into a non-empty form");
	ok(form.n == 2 && strcmp(form.v[0].key, "a") == 0 &&
	    strcmp(form.v[1].key, "b") == 0, "mp: finish appends");
	multipart_free(m);
	kvlist_free(&form);
}

/* A large file streams through in 8 KiB chunks. */
static void
test_mp_large(void)
{
	static const char	 head[] = B "\r\n"
	    "Content-Disposition: form-data; "
	    "name=\"big\"; filename=\"big.bin\"\r\n\r\n";
	static const char	 tail[] = "\r\n" END;
	struct multipart	*mp;
	struct kvlist		 form = { 0 };
	struct uploads		 files = { 0 };
	enum parse_status	 st;
	char			 chunk[8192];
	size_t			 i, j, total = 3 * 1024 * 1024 + 7;
	struct stat		 sb;

	mp = multipart_new(CT, tmpdir, NULL);
	st = multipart_feed(mp, head, sizeof(head) - 1);
	for (i = 0; i < total && st == PARSE_OK; i += j) {
		for (j = 0; j < sizeof(chunk); j++)
			chunk[j] = (char)((i + j) % 251);
		j = total - i < sizeof(chunk) ? total - i : sizeof(chunk);
		st = multipart_feed(mp, chunk, j);
	}
	if (st == PARSE_OK)
		st = multipart_feed(mp, tail, sizeof(tail) - 1);
	if (st == PARSE_OK)
		st = multipart_finish(mp, &form, &files);
	multipart_free(mp);
	is_int(st, PARSE_OK, "mp: 3 MiB file streamed");
	ok(files.n == 1 && files.v[0].size == total &&
	    stat(files.v[0].path, &sb) == 0 && (size_t)sb.st_size == total,
	    "mp: 3 MiB file size on disk");
	uploads_free(&files);
	is_int(dir_count(), 0, "mp: large file removed");
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_utf8();
	test_kvlist();
	test_urlencoded();
	test_cookies();
	test_mp_new();
	test_mp_main();
	test_mp_filenames();
	test_mp_headers();
	test_mp_framing();
	test_mp_limits();
	test_mp_api();
	test_mp_large();
	ok(rmdir(tmpdir) == 0, "tmpdir empty and removed at the end");
	return tap_done();
}
