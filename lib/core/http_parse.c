/*
 * http_parse.c -- query strings, urlencoded bodies, cookies and a streaming
 * multipart/form-data parser.  See http_parse.h for the contract.
 *
 * Nothing here keeps global state or recurses; every allocation is owned by
 * the list or parser it was made for.
 */
#if !defined(_GNU_SOURCE) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http_parse.h"

const struct parse_limits parse_limits_default = {
	.max_fields = 200,
	.max_value = 64 * 1024,
	.max_files = 10,
	.max_file = 20 * 1024 * 1024,
	.max_total = 60 * 1024 * 1024,
};

#define MP_MAXBOUND	70		/* RFC 2046 */
#define MP_MAXHDR	8192		/* header block of one part */
#define MP_WBUF		16384		/* write buffer for file parts */
#define MP_TEMPLATE	"/hz-upload-XXXXXX"
#define MP_DEFCTYPE	"application/octet-stream"

/* ---- UTF-8 ------------------------------------------------------------ */

/*
 * utf8_seq: length of the well-formed UTF-8 sequence at p (avail > 0 bytes
 * available), or 0 if it is ill-formed: overlong, surrogate, above U+10FFFF
 * or truncated.  NUL counts as a valid one-byte sequence here.
 */
static size_t
utf8_seq(const unsigned char *p, size_t avail)
{
	unsigned char	 c = p[0], lo = 0x80, hi = 0xBF;
	size_t		 len, i;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0)
		len = 2;
	else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	}
	if (avail < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

int
utf8_valid(const char *buf, size_t len)
{
	const unsigned char	*p = (const unsigned char *)buf;
	size_t			 i = 0, k;

	while (i < len) {
		if (p[i] != 0 && p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] == 0 || (k = utf8_seq(p + i, len - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/*
 * clean_text: a NUL-terminated copy of s[0..len) fit for display: ill-formed
 * UTF-8 bytes become U+FFFD, C0 and C1 controls and DEL are dropped.  With
 * `basename` set, only what follows the last '/' or '\\' is kept and "." or
 * ".." become "".  Returns NULL on ENOMEM; the caller frees.
 */
static char *
clean_text(const char *s, size_t len, int basename)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*out, *base;
	size_t			 i = 0, o = 0, k;

	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	if ((out = malloc(len * 3 + 1)) == NULL)
		return NULL;
	while (i < len) {
		if ((k = utf8_seq(p + i, len - i)) == 0) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		if (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
			i++;
			continue;
		}
		if (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) {
			i += 2;		/* C1 control */
			continue;
		}
		memcpy(out + o, p + i, k);
		o += k;
		i += k;
	}
	out[o] = '\0';
	if (basename) {
		base = out;
		for (i = 0; i < o; i++)
			if (out[i] == '/' || out[i] == '\\')
				base = out + i + 1;
		if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
			base = out + o;
		memmove(out, base, strlen(base) + 1);
	}
	return out;
}

/* ---- small string helpers ----------------------------------------------- */

/* ASCII lowercase of c, locale-free. */
static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Returns 1 if s[0..len) equals the lowercase word w, ignoring ASCII case. */
static int
ci_eq(const char *s, size_t len, const char *w)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (w[i] == '\0' || lc((unsigned char)s[i]) != w[i])
			return 0;
	return w[len] == '\0';
}

/* Space or tab. */
static int
is_sp(int c)
{
	return c == ' ' || c == '\t';
}

/* Optional whitespace, including the CR LF left by folded header lines. */
static int
is_ows(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Returns a NUL-terminated copy of s[0..len), or NULL; the caller frees. */
static char *
memdup0(const char *s, size_t len)
{
	char	*p;

	if (len == SIZE_MAX || (p = malloc(len + 1)) == NULL)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* ---- kvlist and uploads ------------------------------------------------- */

/* Make room for `more` entries in l; returns 0 on ENOMEM. */
static int
kvlist_reserve(struct kvlist *l, size_t more)
{
	struct kv	*nv;
	size_t		 ncap;

	if (more <= l->cap - l->n)
		return 1;
	if (more > SIZE_MAX / sizeof(*nv) - l->n)
		return 0;
	ncap = l->cap ? l->cap : 8;
	while (ncap < l->n + more)
		ncap = ncap > SIZE_MAX / sizeof(*nv) / 2 ?
		    l->n + more : ncap * 2;
	if ((nv = realloc(l->v, ncap * sizeof(*nv))) == NULL)
		return 0;
	l->v = nv;
	l->cap = ncap;
	return 1;
}

/* Append key and val (NUL-terminated, vlen bytes), taking ownership only on
 * success; returns 0 on ENOMEM. */
static int
kvlist_push(struct kvlist *l, char *key, char *val, size_t vlen)
{
	if (!kvlist_reserve(l, 1))
		return 0;
	l->v[l->n].key = key;
	l->v[l->n].val = val;
	l->v[l->n].vlen = vlen;
	l->n++;
	return 1;
}

const char *
kvlist_get(const struct kvlist *l, const char *key)
{
	size_t	 i;

	if (l == NULL || key == NULL)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

int
kvlist_add(struct kvlist *l, const char *key, const char *val, size_t vlen)
{
	char	*k, *v;

	if (key == NULL || (val == NULL && vlen > 0))
		return 0;
	if ((k = strdup(key)) == NULL)
		return 0;
	if ((v = memdup0(val ? val : "", vlen)) == NULL) {
		free(k);
		return 0;
	}
	if (!kvlist_push(l, k, v, vlen)) {
		free(k);
		free(v);
		return 0;
	}
	return 1;
}

/* Free entries [from, l->n) and shorten the list to `from`. */
static void
kvlist_truncate(struct kvlist *l, size_t from)
{
	while (l->n > from) {
		l->n--;
		free(l->v[l->n].key);
		free(l->v[l->n].val);
	}
}

/* Undo appends to l: back to n0 entries, and no array if it had none. */
static void
kvlist_rollback(struct kvlist *l, size_t n0, int had_array)
{
	kvlist_truncate(l, n0);
	if (!had_array) {
		free(l->v);
		l->v = NULL;
		l->cap = 0;
	}
}

void
kvlist_free(struct kvlist *l)
{
	if (l == NULL)
		return;
	kvlist_truncate(l, 0);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Make room for one more upload; returns 0 on ENOMEM. */
static int
uploads_reserve(struct uploads *u, size_t more)
{
	struct upload	*nv;
	size_t		 ncap;

	if (more <= u->cap - u->n)
		return 1;
	if (more > SIZE_MAX / sizeof(*nv) - u->n)
		return 0;
	ncap = u->cap ? u->cap : 4;
	while (ncap < u->n + more)
		ncap = ncap > SIZE_MAX / sizeof(*nv) / 2 ?
		    u->n + more : ncap * 2;
	if ((nv = realloc(u->v, ncap * sizeof(*nv))) == NULL)
		return 0;
	u->v = nv;
	u->cap = ncap;
	return 1;
}

void
uploads_free(struct uploads *u)
{
	size_t	 i;

	if (u == NULL)
		return;
	for (i = 0; i < u->n; i++) {
		if (u->v[i].path != NULL)
			(void)unlink(u->v[i].path);
		free(u->v[i].field);
		free(u->v[i].filename);
		free(u->v[i].ctype);
		free(u->v[i].path);
	}
	free(u->v);
	u->v = NULL;
	u->n = u->cap = 0;
}

/* ---- application/x-www-form-urlencoded ---------------------------------- */

/* Value of hex digit c, or -1. */
static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * url_decode: decode s[0..len) ('+' and %XX) into out, which has room for
 * len + 1 bytes, and NUL-terminate it.  Returns the decoded length, or
 * SIZE_MAX for a bad escape.
 */
static size_t
url_decode(const char *s, size_t len, char *out)
{
	size_t	 i, o = 0;
	int	 h, l;

	for (i = 0; i < len; i++) {
		if (s[i] == '+')
			out[o++] = ' ';
		else if (s[i] == '%') {
			if (len - i < 3 ||
			    (h = hexval((unsigned char)s[i + 1])) < 0 ||
			    (l = hexval((unsigned char)s[i + 2])) < 0)
				return SIZE_MAX;
			out[o++] = (char)(h << 4 | l);
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	return o;
}

/*
 * parse_urlencoded: see http_parse.h.  max_fields counts the pairs this call
 * adds, max_value applies to decoded keys and values, and len > max_total is
 * PARSE_TOO_BIG.  On any failure `out` is left as it was on entry.
 */
enum parse_status
parse_urlencoded(const char *s, size_t len, const struct parse_limits *lim,
    struct kvlist *out)
{
	enum parse_status	 st = PARSE_OK;
	const char		*piece, *amp, *eq, *end;
	char			*buf, *key, *val;
	size_t			 n0 = out->n, added = 0, plen, klen, vlen;
	int			 had = out->v != NULL;

	if (lim == NULL)
		lim = &parse_limits_default;
	if (len > lim->max_total)
		return PARSE_TOO_BIG;
	if (len == 0)
		return PARSE_OK;
	if (s == NULL || len > SIZE_MAX - 2)
		return PARSE_BAD;
	if ((buf = malloc(len + 2)) == NULL)
		return PARSE_NOMEM;

	end = s + len;
	for (piece = s; piece != NULL; piece = amp < end ? amp + 1 : NULL) {
		if ((amp = memchr(piece, '&', (size_t)(end - piece))) == NULL)
			amp = end;
		plen = (size_t)(amp - piece);
		if ((eq = memchr(piece, '=', plen)) == NULL)
			eq = amp;
		if (eq == piece)
			continue;		/* empty piece or empty key */
		/* buf holds key NUL value NUL: at most len + 2 bytes */
		key = buf;
		if ((klen = url_decode(piece, (size_t)(eq - piece), key)) ==
		    SIZE_MAX) {
			st = PARSE_BAD;
			break;
		}
		val = key + klen + 1;
		vlen = eq == amp ? url_decode("", 0, val) :
		    url_decode(eq + 1, (size_t)(amp - eq - 1), val);
		if (vlen == SIZE_MAX) {
			st = PARSE_BAD;
			break;
		}
		if (klen > lim->max_value || vlen > lim->max_value ||
		    added >= lim->max_fields) {
			st = PARSE_TOO_BIG;
			break;
		}
		if (!utf8_valid(key, klen) || !utf8_valid(val, vlen)) {
			st = PARSE_BAD;
			break;
		}
		if (!kvlist_add(out, key, val, vlen)) {
			st = PARSE_NOMEM;
			break;
		}
		added++;
	}
	free(buf);
	if (st != PARSE_OK)
		kvlist_rollback(out, n0, had);
	return st;
}

/* ---- cookies ------------------------------------------------------------ */

/* 1 if c may appear in a cookie name (an RFC 7230 token character). */
static int
cookie_namech(int c)
{
	if (c <= 0x20 || c >= 0x7F)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/*
 * parse_cookies: see http_parse.h.  A piece is skipped when it has no '=',
 * an empty or non-token name, or a value with control characters or
 * ill-formed UTF-8.  Fails only with PARSE_NOMEM, leaving `out` as it was.
 */
enum parse_status
parse_cookies(const char *hdr, struct kvlist *out)
{
	const char	*p, *semi, *eq, *ns, *ne, *vs, *ve, *q;
	size_t		 n0 = out->n;
	char		*key;
	int		 good, had = out->v != NULL;

	if (hdr == NULL)
		return PARSE_OK;
	for (p = hdr; *p != '\0'; p = *semi ? semi + 1 : semi) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(semi - p))) == NULL)
			continue;
		for (ns = p; ns < eq && is_sp(*ns); ns++)
			continue;
		for (ne = eq; ne > ns && is_sp(ne[-1]); ne--)
			continue;
		for (vs = eq + 1; vs < semi && is_sp(*vs); vs++)
			continue;
		for (ve = semi; ve > vs && is_sp(ve[-1]); ve--)
			continue;
		if (ns == ne)
			continue;
		good = 1;
		for (q = ns; q < ne && good; q++)
			good = cookie_namech((unsigned char)*q);
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		for (q = vs; q < ve && good; q++)
			good = (unsigned char)*q >= 0x20 && *q != 0x7F;
		if (!good || !utf8_valid(vs, (size_t)(ve - vs)))
			continue;
		if ((key = memdup0(ns, (size_t)(ne - ns))) == NULL ||
		    !kvlist_add(out, key, vs, (size_t)(ve - vs))) {
			free(key);
			kvlist_rollback(out, n0, had);
			return PARSE_NOMEM;
		}
		free(key);
	}
	return PARSE_OK;
}

/* ---- multipart/form-data ------------------------------------------------ */

enum mp_state {
	MP_BODY,	/* preamble or part body: looking for the delimiter */
	MP_TAIL,	/* after a delimiter: padding, then CRLF or "--" */
	MP_DASH,	/* saw "-" after a delimiter, want the second */
	MP_LF,		/* saw CR after a delimiter, want LF */
	MP_HEADERS,	/* collecting a part's header block */
	MP_EPILOGUE,	/* after the close delimiter: ignore the rest */
};

enum mp_sink {
	SINK_DISCARD,	/* preamble, or a part without a usable name */
	SINK_TEXT,	/* a form field, collected in memory */
	SINK_FILE,	/* a file, streamed to a temp file */
};

struct multipart {
	struct parse_limits	 lim;
	char			*tmpdir;
	enum parse_status	 err;		/* sticky once set */
	enum mp_state		 state;
	int			 done;		/* close delimiter seen */
	size_t			 total;		/* bytes fed so far */

	/* "\r\n--" boundary, and how many of its bytes are matched (held) */
	char			 delim[4 + MP_MAXBOUND];
	size_t			 dlen, m;

	char			 hbuf[MP_MAXHDR];
	size_t			 hlen;

	/* the current part */
	enum mp_sink		 sink;
	char			*name, *filename, *ctype;
	char			*val;
	size_t			 vlen, vcap;
	int			 fd;
	char			*path;
	size_t			 fsize;
	char			 wbuf[MP_WBUF];
	size_t			 wlen;

	struct kvlist		 form;
	struct uploads		 files;
};

/*
 * mp_boundary: find the boundary parameter of a multipart Content-Type and
 * copy it (unquoted) into out[MP_MAXBOUND + 1].  Returns its length, or 0 if
 * the type is not multipart or the boundary is missing or unusable.
 */
static size_t
mp_boundary(const char *ct, char *out)
{
	const char	*p = ct, *ns;
	size_t		 nlen, olen;
	int		 want, found = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!ci_eq(p, 10, "multipart/"))
		return 0;
	olen = 0;
	while ((p = strchr(p, ';')) != NULL && !found) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		for (ns = p; *p && *p != '=' && *p != ';' && !is_ows(*p); p++)
			continue;
		nlen = (size_t)(p - ns);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		want = ci_eq(ns, nlen, "boundary");
		olen = 0;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				if (want && olen++ < MP_MAXBOUND)
					out[olen - 1] = *p;
			}
			if (*p != '"')
				return 0;
			p++;
		} else {
			for (; *p && *p != ';' && !is_ows(*p); p++)
				if (want && olen++ < MP_MAXBOUND)
					out[olen - 1] = *p;
		}
		found = want;
	}
	if (!found || olen == 0 || olen > MP_MAXBOUND || out[olen - 1] == ' ')
		return 0;
	for (nlen = 0; nlen < olen; nlen++)
		if ((unsigned char)out[nlen] < 0x20 ||
		    (unsigned char)out[nlen] > 0x7E)
			return 0;
	out[olen] = '\0';
	return olen;
}

/*
 * multipart_new: a parser for a body of type `content_type`, writing file
 * parts under `tmpdir` (NULL means /tmp) within `lim` (NULL means the
 * defaults).  Returns NULL without a usable boundary or on ENOMEM; free
 * with multipart_free().
 */
struct multipart *
multipart_new(const char *content_type, const char *tmpdir,
    const struct parse_limits *lim)
{
	struct multipart	*mp;
	char			 b[MP_MAXBOUND + 1];
	size_t			 blen;

	if (content_type == NULL || (blen = mp_boundary(content_type, b)) == 0)
		return NULL;
	if ((mp = calloc(1, sizeof(*mp))) == NULL)
		return NULL;
	if ((mp->tmpdir = strdup(tmpdir ? tmpdir : "/tmp")) == NULL) {
		free(mp);
		return NULL;
	}
	mp->lim = lim ? *lim : parse_limits_default;
	memcpy(mp->delim, "\r\n--", 4);
	memcpy(mp->delim + 4, b, blen);
	mp->dlen = 4 + blen;
	mp->m = 2;		/* as if the body began with CRLF */
	mp->state = MP_BODY;
	mp->sink = SINK_DISCARD;
	mp->fd = -1;
	return mp;
}

/* Write all of p[0..n) to fd; returns 0, or -1 with errno set. */
static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Open the current part's temp file; returns the parse status. */
static enum parse_status
mp_tmpfile(struct multipart *mp)
{
	size_t	 len;

	if (mp->files.n >= mp->lim.max_files)
		return PARSE_TOO_BIG;
	len = strlen(mp->tmpdir) + sizeof(MP_TEMPLATE);
	if ((mp->path = malloc(len)) == NULL)
		return PARSE_NOMEM;
	(void)snprintf(mp->path, len, "%s" MP_TEMPLATE, mp->tmpdir);
	if ((mp->fd = mkstemp(mp->path)) == -1) {
		free(mp->path);
		mp->path = NULL;
		return PARSE_NOMEM;
	}
	(void)fcntl(mp->fd, F_SETFD, FD_CLOEXEC);
	(void)fchmod(mp->fd, 0600);
	return PARSE_OK;
}

/* Flush the write buffer to the temp file; returns the parse status. */
static enum parse_status
mp_flush(struct multipart *mp)
{
	if (mp->wlen == 0)
		return PARSE_OK;
	if (write_all(mp->fd, mp->wbuf, mp->wlen) == -1)
		return PARSE_NOMEM;
	mp->wlen = 0;
	return PARSE_OK;
}

/* mp_emit: hand n body bytes to the current part; returns the status. */
static enum parse_status
mp_emit(struct multipart *mp, const char *p, size_t n)
{
	enum parse_status	 st;
	size_t			 ncap;
	char			*nv;

	if (n == 0)
		return PARSE_OK;
	switch (mp->sink) {
	case SINK_DISCARD:
		return PARSE_OK;
	case SINK_TEXT:
		if (n > mp->lim.max_value - mp->vlen)
			return PARSE_TOO_BIG;
		if (mp->vlen + n + 1 > mp->vcap) {
			ncap = mp->vcap < 128 ? 256 : mp->vcap * 2;
			if (ncap < mp->vlen + n + 1)
				ncap = mp->vlen + n + 1;
			if (mp->lim.max_value < SIZE_MAX &&
			    ncap > mp->lim.max_value + 1)
				ncap = mp->lim.max_value + 1;
			if ((nv = realloc(mp->val, ncap)) == NULL)
				return PARSE_NOMEM;
			mp->val = nv;
			mp->vcap = ncap;
		}
		memcpy(mp->val + mp->vlen, p, n);
		mp->vlen += n;
		return PARSE_OK;
	case SINK_FILE:
		if (n > mp->lim.max_file - mp->fsize)
			return PARSE_TOO_BIG;
		if (mp->fd == -1 && (st = mp_tmpfile(mp)) != PARSE_OK)
			return st;
		mp->fsize += n;
		if (n > sizeof(mp->wbuf) - mp->wlen &&
		    (st = mp_flush(mp)) != PARSE_OK)
			return st;
		if (n >= sizeof(mp->wbuf))
			return write_all(mp->fd, p, n) == -1 ?
			    PARSE_NOMEM : PARSE_OK;
		memcpy(mp->wbuf + mp->wlen, p, n);
		mp->wlen += n;
		return PARSE_OK;
	}
	return PARSE_OK;
}

/* Forget the current part, removing its temp file if it still has one. */
static void
mp_part_clear(struct multipart *mp)
{
	if (mp->fd != -1)
		(void)close(mp->fd);
	if (mp->path != NULL)
		(void)unlink(mp->path);
	free(mp->path);
	free(mp->name);
	free(mp->filename);
	free(mp->ctype);
	free(mp->val);
	mp->fd = -1;
	mp->path = mp->name = mp->filename = mp->ctype = mp->val = NULL;
	mp->vlen = mp->vcap = mp->fsize = mp->wlen = 0;
	mp->sink = SINK_DISCARD;
}

/*
 * mp_part_end: the delimiter after a part arrived; move the part to the form
 * or the uploads (dropping an empty "no file chosen" part).  Returns the
 * parse status.
 */
static enum parse_status
mp_part_end(struct multipart *mp)
{
	enum parse_status	 st;
	struct upload		*up;
	int			 rc;

	switch (mp->sink) {
	case SINK_DISCARD:
		break;
	case SINK_TEXT:
		if (!utf8_valid(mp->val, mp->vlen))
			return PARSE_BAD;
		if (mp->val == NULL && (mp->val = malloc(1)) == NULL)
			return PARSE_NOMEM;
		mp->val[mp->vlen] = '\0';
		if (!kvlist_push(&mp->form, mp->name, mp->val, mp->vlen))
			return PARSE_NOMEM;
		mp->name = mp->val = NULL;
		break;
	case SINK_FILE:
		if (mp->fd == -1) {
			if (mp->filename[0] == '\0')
				break;		/* no file chosen */
			if ((st = mp_tmpfile(mp)) != PARSE_OK)
				return st;
		}
		if ((st = mp_flush(mp)) != PARSE_OK)
			return st;
		rc = close(mp->fd);
		mp->fd = -1;
		if (rc == -1 || !uploads_reserve(&mp->files, 1))
			return PARSE_NOMEM;
		up = &mp->files.v[mp->files.n++];
		up->field = mp->name;
		up->filename = mp->filename;
		up->ctype = mp->ctype;
		up->path = mp->path;
		up->size = mp->fsize;
		mp->name = mp->filename = mp->ctype = mp->path = NULL;
		break;
	}
	mp_part_clear(mp);
	return PARSE_OK;
}

/*
 * mp_param_value: read a parameter value at *pp (quoted-string or bare text up
 * to ';'), advancing *pp.  In a quoted-string a backslash escapes only '"'
 * and '\\', so old browsers' "C:\dir\a.jpg" survives.  Returns a copy the
 * caller frees, or NULL with *st set (PARSE_BAD: unterminated quote).
 */
static char *
mp_param_value(const char **pp, const char *e, enum parse_status *st)
{
	const char	*p = *pp, *s;
	char		*out;
	size_t		 o = 0;

	*st = PARSE_NOMEM;
	if ((out = malloc((size_t)(e - p) + 1)) == NULL)
		return NULL;
	if (p < e && *p == '"') {
		for (p++; p < e && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < e &&
			    (p[1] == '"' || p[1] == '\\'))
				p++;
			out[o++] = *p;
		}
		if (p == e) {
			free(out);
			*st = PARSE_BAD;
			return NULL;
		}
		p++;
	} else {
		for (s = p; p < e && *p != ';'; p++)
			continue;
		while (p > s && is_ows(p[-1]))
			p--;
		memcpy(out, s, (size_t)(p - s));
		o = (size_t)(p - s);
	}
	out[o] = '\0';
	*pp = p;
	*st = PARSE_OK;
	return out;
}

/*
 * mp_disposition: parse a Content-Disposition value p[0..e): keep the first
 * `name` and `filename` parameters (raw, unsanitised) in *name and *fname,
 * which the caller frees.  Returns the parse status.
 */
static enum parse_status
mp_disposition(const char *p, const char *e, char **name, char **fname)
{
	enum parse_status	 st;
	const char		*ns;
	size_t			 nlen;
	char			*v;

	while (p < e && *p != ';')
		p++;			/* the disposition type */
	while (p < e) {
		p++;			/* the ';' */
		while (p < e && is_ows(*p))
			p++;
		for (ns = p; p < e && *p != '=' && *p != ';' && !is_ows(*p);
		    p++)
			continue;
		nlen = (size_t)(p - ns);
		while (p < e && is_ows(*p))
			p++;
		if (p < e && *p == '=') {
			p++;
			while (p < e && is_ows(*p))
				p++;
			if ((v = mp_param_value(&p, e, &st)) == NULL)
				return st;
			if (*name == NULL && ci_eq(ns, nlen, "name"))
				*name = v;
			else if (*fname == NULL && ci_eq(ns, nlen, "filename"))
				*fname = v;
			else
				free(v);
		}
		while (p < e && is_ows(*p))
			p++;
		if (p < e && *p != ';')
			return PARSE_BAD;
	}
	return PARSE_OK;
}

/* The CR of the first CRLF in p[0..e), or e. */
static const char *
find_crlf(const char *p, const char *e)
{
	const char	*q;

	while ((q = memchr(p, '\r', (size_t)(e - p))) != NULL) {
		if (q + 1 < e && q[1] == '\n')
			return q;
		p = q + 1;
	}
	return e;
}

/*
 * mp_headers: parse the complete header block in hbuf and set up the sink
 * for the part's body.  Returns the parse status.
 */
static enum parse_status
mp_headers(struct multipart *mp)
{
	enum parse_status	 st = PARSE_OK;
	const char		*p = mp->hbuf, *e = mp->hbuf + mp->hlen - 2;
	const char		*line, *lend, *colon, *hn, *hv;
	char			*name = NULL, *fname = NULL, *ct = NULL;
	int			 seen_cd = 0;
	size_t			 i;

	if (memchr(mp->hbuf, '\0', mp->hlen) != NULL)
		return PARSE_BAD;
	while (p < e && st == PARSE_OK) {
		/* a logical line ends at a CRLF not followed by SP or HT */
		line = p;
		do {
			lend = find_crlf(p, e);
			p = lend + 2;
		} while (p < e && (*p == ' ' || *p == '\t'));
		if ((colon = memchr(line, ':', (size_t)(lend - line))) == NULL)
			continue;	/* junk line */
		for (hn = colon; hn > line && is_ows(hn[-1]); hn--)
			continue;
		for (hv = colon + 1; hv < lend && is_ows(*hv); hv++)
			continue;
		while (lend > hv && is_ows(lend[-1]))
			lend--;
		if (ci_eq(line, (size_t)(hn - line), "content-disposition")) {
			if (seen_cd++)
				st = PARSE_BAD;
			else
				st = mp_disposition(hv, lend, &name, &fname);
		} else if (ct == NULL &&
		    ci_eq(line, (size_t)(hn - line), "content-type")) {
			ct = clean_text(hv, (size_t)(lend - hv), 0);
			if (ct == NULL)
				st = PARSE_NOMEM;
		}
	}
	if (st == PARSE_OK && !seen_cd)
		st = PARSE_BAD;
	if (st == PARSE_OK && name != NULL) {
		if (!utf8_valid(name, strlen(name)))
			st = PARSE_BAD;
		for (i = 0; name[i] != '\0' && st == PARSE_OK; i++)
			if ((unsigned char)name[i] < 0x20 || name[i] == 0x7F)
				st = PARSE_BAD;
	}
	if (st != PARSE_OK || name == NULL || name[0] == '\0') {
		free(name);
		free(fname);
		free(ct);
		mp->sink = SINK_DISCARD;
		return st;
	}

	mp->name = name;
	if (fname != NULL) {
		mp->sink = SINK_FILE;
		mp->filename = clean_text(fname, strlen(fname), 1);
		free(fname);
		mp->ctype = ct ? ct : strdup(MP_DEFCTYPE);
		if (mp->filename == NULL || mp->ctype == NULL)
			return PARSE_NOMEM;
	} else {
		free(ct);
		mp->sink = SINK_TEXT;
		if (mp->form.n >= mp->lim.max_fields)
			return PARSE_TOO_BIG;
	}
	return PARSE_OK;
}

/*
 * mp_scan: run the delimiter matcher over p[0..n) in the MP_BODY state,
 * passing body bytes to the sink.  Returns the bytes consumed: all of
 * them, or fewer when a delimiter ended (the state then changed) or an
 * error was recorded in mp->err.
 */
static size_t
mp_scan(struct multipart *mp, const char *p, size_t n)
{
	enum parse_status	 st;
	const char		*cr;
	size_t			 i = 0, upto;

	while (i < n) {
		if (mp->m == 0) {
			cr = memchr(p + i, '\r', n - i);
			upto = cr ? (size_t)(cr - p) : n;
			if ((st = mp_emit(mp, p + i, upto - i)) != PARSE_OK) {
				mp->err = st;
				return upto;
			}
			if (cr == NULL)
				return n;
			mp->m = 1;
			i = upto + 1;
		} else if (p[i] == mp->delim[mp->m]) {
			i++;
			if (++mp->m == mp->dlen) {
				mp->m = 0;
				mp->state = MP_TAIL;
				if ((st = mp_part_end(mp)) != PARSE_OK)
					mp->err = st;
				return i;
			}
		} else {
			/*
			 * The held bytes are a prefix of "\r\n--boundary", so
			 * no CR hides after the first: they are all data, and
			 * p[i] is looked at again from scratch.
			 */
			st = mp_emit(mp, mp->delim, mp->m);
			mp->m = 0;
			if (st != PARSE_OK) {
				mp->err = st;
				return i;
			}
		}
	}
	return n;
}

/*
 * multipart_feed: push the next n body bytes.  Returns PARSE_OK, or the
 * first error, which sticks: later calls return it again.
 */
enum parse_status
multipart_feed(struct multipart *mp, const char *buf, size_t n)
{
	size_t	 i = 0, take;
	char	 c;

	if (mp == NULL)
		return PARSE_BAD;
	if (mp->err != PARSE_OK)
		return mp->err;
	if (n > mp->lim.max_total - mp->total)
		return mp->err = PARSE_TOO_BIG;
	mp->total += n;

	while (i < n && mp->err == PARSE_OK) {
		switch (mp->state) {
		case MP_BODY:
			i += mp_scan(mp, buf + i, n - i);
			break;
		case MP_TAIL:
			c = buf[i++];
			if (c == '-')
				mp->state = MP_DASH;
			else if (c == '\r')
				mp->state = MP_LF;
			else if (c != ' ' && c != '\t')
				mp->err = PARSE_BAD;
			break;
		case MP_DASH:
			if (buf[i++] == '-') {
				mp->state = MP_EPILOGUE;
				mp->done = 1;
			} else
				mp->err = PARSE_BAD;
			break;
		case MP_LF:
			if (buf[i++] == '\n') {
				mp->state = MP_HEADERS;
				mp->hlen = 0;
			} else
				mp->err = PARSE_BAD;
			break;
		case MP_HEADERS:
			/* byte by byte: header blocks are small */
			take = 0;
			while (i < n) {
				if (mp->hlen == sizeof(mp->hbuf)) {
					mp->err = PARSE_TOO_BIG;
					break;
				}
				mp->hbuf[mp->hlen++] = buf[i++];
				if (mp->hlen < 2 ||
				    mp->hbuf[mp->hlen - 1] != '\n' ||
				    mp->hbuf[mp->hlen - 2] != '\r')
					continue;
				if (mp->hlen == 2 || (mp->hlen >= 4 &&
				    memcmp(mp->hbuf + mp->hlen - 4,
				    "\r\n\r\n", 4) == 0)) {
					take = 1;
					break;
				}
			}
			if (take) {
				mp->state = MP_BODY;
				mp->m = 0;
				if ((mp->err = mp_headers(mp)) != PARSE_OK)
					break;
			}
			break;
		case MP_EPILOGUE:
			i = n;
			break;
		}
	}
	return mp->err;
}

/* Append all of `from` to `to`, emptying `from`; returns 0 on ENOMEM. */
static int
kvlist_move(struct kvlist *to, struct kvlist *from)
{
	if (from->n == 0)
		return 1;
	if (!kvlist_reserve(to, from->n))
		return 0;
	memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	from->n = 0;
	return 1;
}

/* Append all of `from` to `to`, emptying `from`; returns 0 on ENOMEM. */
static int
uploads_move(struct uploads *to, struct uploads *from)
{
	if (from->n == 0)
		return 1;
	if (!uploads_reserve(to, from->n))
		return 0;
	memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	from->n = 0;
	return 1;
}

/*
 * multipart_finish: end of body.  PARSE_BAD if the close delimiter never
 * came, else appends the fields to `form` and the files to `files` (either
 * may be NULL to leave them for multipart_free).  The caller then owns what
 * was moved: kvlist_free() and uploads_free() release it.
 */
enum parse_status
multipart_finish(struct multipart *mp, struct kvlist *form,
    struct uploads *files)
{
	if (mp == NULL)
		return PARSE_BAD;
	if (mp->err != PARSE_OK)
		return mp->err;
	if (!mp->done)
		return mp->err = PARSE_BAD;
	if ((form != NULL && !kvlist_move(form, &mp->form)) ||
	    (files != NULL && !uploads_move(files, &mp->files)))
		return PARSE_NOMEM;
	return PARSE_OK;
}

void
multipart_free(struct multipart *mp)
{
	if (mp == NULL)
		return;
	mp_part_clear(mp);
	kvlist_free(&mp->form);
	uploads_free(&mp->files);
	free(mp->tmpdir);
	free(mp);
}
