/*
 * http_parse.h -- parsers for what a browser sends: query strings,
 * urlencoded bodies, cookies and multipart/form-data.
 *
 * They know nothing of FastCGI, so the fuzz harnesses and unit tests drive
 * them directly.  Every parser enforces limits and reports a status the
 * request layer turns into an HTTP answer.
 */
#ifndef HZ_HTTP_PARSE_H
#define HZ_HTTP_PARSE_H

#include <stddef.h>

/* One decoded name/value pair; `val` is NUL-terminated, `vlen` excludes it. */
struct kv {
	char	*key;
	char	*val;
	size_t	 vlen;
};

/* A growable list of pairs; kvlist_free() releases keys, values and array. */
struct kvlist {
	struct kv	*v;
	size_t		 n, cap;
};

/* One uploaded file, already on disk in a private temp file. */
struct upload {
	char	*field;		/* form field name */
	char	*filename;	/* client's file name (display only, never a path) */
	char	*ctype;		/* client's Content-Type (never trusted) */
	char	*path;		/* temp file path; unlinked by uploads_free() */
	size_t	 size;
};

struct uploads {
	struct upload	*v;
	size_t		 n, cap;
};

/* Parse results. */
enum parse_status {
	PARSE_OK = 0,
	PARSE_BAD,		/* malformed: answer 400 */
	PARSE_TOO_BIG,		/* a limit was exceeded: answer 413 */
	PARSE_NOMEM,		/* allocation or temp-file failure: answer 500 */
};

struct parse_limits {
	size_t	max_fields;	/* name/value pairs per request */
	size_t	max_value;	/* bytes per non-file value */
	size_t	max_files;	/* uploaded files per request */
	size_t	max_file;	/* bytes per uploaded file */
	size_t	max_total;	/* bytes of the whole body */
};

/* The defaults used by the portals: 200 fields, 64 KiB values, 10 files of
 * 20 MiB, 60 MiB in all. */
extern const struct parse_limits parse_limits_default;

/* kvlist_get: first value for `key`, or NULL. */
const char *kvlist_get(const struct kvlist *l, const char *key);
/* kvlist_add: append a copy of key and val[0..vlen); returns 0 on ENOMEM. */
int kvlist_add(struct kvlist *l, const char *key, const char *val, size_t vlen);
void kvlist_free(struct kvlist *l);
void uploads_free(struct uploads *u);	/* also unlinks the temp files */

/*
 * parse_urlencoded: application/x-www-form-urlencoded (also query strings):
 * '&'-separated, '+' is space, %XX decoded; a pair without '=' has an empty
 * value; empty keys are skipped.  Appends to `out`.  Decoded bytes that are
 * not valid UTF-8 or contain NUL make the input PARSE_BAD.
 */
enum parse_status parse_urlencoded(const char *s, size_t len,
    const struct parse_limits *lim, struct kvlist *out);

/*
 * parse_cookies: a Cookie header ("a=1; b=2"), values taken verbatim
 * (optional surrounding double quotes removed).  Malformed pieces are
 * skipped, never fatal -- browsers send junk.  Appends to `out`.
 */
enum parse_status parse_cookies(const char *hdr, struct kvlist *out);

/*
 * Multipart: a push parser fed the body in chunks of any size, so a large
 * upload streams to its temp file and never sits in memory.
 *
 *   struct multipart *mp = multipart_new(ctype_header, tmpdir, &lim);
 *   while (more) st = multipart_feed(mp, buf, n);   // stop on st != PARSE_OK
 *   st = multipart_finish(mp, &form, &files);       // moves results out
 *   multipart_free(mp);
 *
 * multipart_new() returns NULL if the Content-Type has no usable boundary.
 * Text fields land in `form`; parts with a filename land in `files` (an
 * empty filename with no bytes -- "no file chosen" -- is dropped).
 */
struct multipart;
struct multipart *multipart_new(const char *content_type, const char *tmpdir,
    const struct parse_limits *lim);
enum parse_status multipart_feed(struct multipart *mp, const char *buf, size_t n);
enum parse_status multipart_finish(struct multipart *mp, struct kvlist *form,
    struct uploads *files);
void multipart_free(struct multipart *mp);	/* NULL-safe; removes unclaimed temp files */

/* utf8_valid: 1 if buf[0..len) is valid UTF-8 with no NUL and no overlongs. */
int utf8_valid(const char *buf, size_t len);

#endif
