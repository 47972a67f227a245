/*
 * xlsxread.c -- stream the first worksheet of an .xlsx, row by row.
 *
 * The package is opened with libzip and every XML part is parsed by
 * libxml2 straight from the inflating zip entry: the small parts (rels,
 * workbook) with its xmlTextReader, the worksheet and the shared strings,
 * where the time goes, with its SAX2 push parser fed a piece at a time
 * (the reader builds and frees a node per tag, and costs twice as much).
 * So only the shared-strings table (one arena plus an offset array) and
 * the rows of one piece of the sheet are ever held in memory.  Bytes are
 * counted as they are inflated: the sizes in the zip headers are checked
 * first but never trusted.  Any DTD is refused (both by looking at the raw
 * bytes and by the parser: a DOCTYPE, an entity reference or declaration
 * stops it), and no entity substitution or network access is enabled.
 */
#include <sys/types.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "xlsxread.h"

#define MIB		((size_t)1 << 20)
#define RATIO_FLOOR	MIB		/* ratio checked only above this size */
#define MAX_SHEET_COLS	16384		/* XFD */
#define MAX_TEXT	MIB		/* one cell or shared string, bytes */
#define SST_MAX		(UINT32_MAX - 16)	/* shared-string arena */
#define XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
			 XML_PARSE_NOWARNING | XML_PARSE_COMPACT)
#define FEED		16384		/* bytes per push to the SAX parser */

const struct xlsx_limits xlsx_limits_default = { 512 * MIB, 200, 256 };

/* One zip entry being inflated into an xmlTextReader or a push parser. */
struct part {
	struct xlsx_reader	*r;
	zip_file_t		*zf;
	xmlTextReaderPtr	 x;
	xmlParserCtxtPtr	 push;		/* SAX2 push parser, or NULL */
	void			*state;		/* its callbacks' own state */
	int			 stopped;	/* the callbacks stopped it */
	zip_uint64_t		 comp;		/* compressed size (header) */
	zip_uint64_t		 got;		/* bytes inflated so far */
	int			 dtd;		/* bytes of "<!D" matched */
	enum xlsx_status	 err;		/* set by part_read() */
};

/* One relationship of a .rels part. */
struct rel {
	xmlChar	*id;
	xmlChar	*type;
	xmlChar	*target;
};

struct rels {
	struct rel	*v;
	size_t		 n, cap;
};

/* Where the value of column `col` of a row lives. */
struct slot {
	const char	*ext;		/* shared string or constant, or NULL */
	size_t		 off;		/* else: offset in the row arena */
	size_t		 len;
	size_t		 col;		/* in the queue: its column */
	int		 is_number;
	int		 set;
};

/* A complete row waiting in the queue: its non-empty cells are the slots
 * qs[first .. first + n). */
struct qrow {
	size_t	 rownum, ncells, first, n;
};

enum ctype { CT_NUM, CT_SST, CT_STR, CT_INLINE, CT_BOOL, CT_ERR, CT_DATE };

struct xlsx_reader {
	zip_t			*za;
	struct xlsx_limits	 lim;
	enum xlsx_status	 err;
	zip_uint64_t		 total;		/* inflated over all parts */

	/* shared strings: NUL-terminated texts packed in one arena */
	char			*sst;
	size_t			 sstlen, sstcap;
	uint32_t		*sstoff;	/* arena stays below SST_MAX */
	size_t			 nsst, sstoffcap;

	/* the worksheet */
	struct part		 sheet;
	int			 insd;		/* inside <sheetData> */
	int			 done;
	size_t			 lastrow;

	/* Rows the parser completed from the last piece fed, not yet
	 * returned; their texts are in the arena, which is emptied (but for
	 * a row still open) before the next piece. */
	struct qrow		*q;
	size_t			 nq, qhead, qcap;
	struct slot		*qs;
	size_t			 nqs, qscap;

	/* the current row: its text from arena[rowbase] */
	int			 inrow, hascell;
	size_t			 rownum, ncells, nextcol, rowbase;
	char			*arena;
	size_t			 alen, acap;
	struct slot		*slots;
	size_t			 nslots, slotsused;
	struct xlsx_cell	*cells;
	size_t			 cellscap;

	/* the current cell */
	int			 incell, inv, inis, intx, rph;
	size_t			 col;		/* SIZE_MAX: ignored */
	enum ctype		 ctype;
	size_t			 cstart;
};

/*
 * xlsx_status_text: a static Chinese message for `st`.
 */
const char *
xlsx_status_text(enum xlsx_status st)
{
	switch (st) {
	case XLSX_OK:
		return "读取成功";
	case XLSX_NOT_XLSX:
		return "文件不是有效的 Excel（.xlsx）文件，请用模板填写后另存为 "
		    ".xlsx 再上传";
	case XLSX_ENCRYPTED:
		return "文件设置了密码，请取消密码后再上传";
	case XLSX_TOO_BIG:
		return "文件解压后过大，可能已损坏，请检查后重新上传";
	case XLSX_BAD_XML:
		return "文件内容已损坏，无法读取";
	case XLSX_NO_SHEET:
		return "文件中没有工作表";
	case XLSX_NOMEM:
		return "系统繁忙，请稍后再试";
	}
	return "文件无法读取";
}

/*
 * grow: make room for `need` elements of `size` bytes in *p (capacity
 * *cap), doubling.  Returns 1, or 0 when out of memory (*p unchanged).
 */
static int
grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void	**p = pp, *np;
	size_t	  ncap;

	if (need <= *cap)
		return 1;
	ncap = *cap ? *cap : 16;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / size)
			return 0;
		ncap *= 2;
	}
	if ((np = realloc(*p, ncap * size)) == NULL)
		return 0;
	*p = np;
	*cap = ncap;
	return 1;
}

/* ends_with: 1 if `s` ends in `suffix`. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * dtd_seen: feed `n` bytes to the "<!D" matcher of `p`; NUL bytes are
 * skipped so UTF-16 and UTF-32 text is caught too.  Returns 1 once a
 * document type declaration has started.  Only a '!' can complete "<!",
 * so the bytes are searched for it and looked at only around each one:
 * the state before a '!' is set by the last byte before it that is not
 * NUL ('<' or anything else).
 */
static int
dtd_seen(struct part *p, const char *buf, size_t n)
{
	const char	*s = buf, *end = buf + n, *bang, *stop, *q;

	while (s < end) {
		if (p->dtd == 2) {	/* after "<!": the next character decides */
			while (s < end && *s == '\0')
				s++;
			if (s == end)
				return 0;
			if (*s == 'D')
				return 1;
			p->dtd = 0;	/* and *s is looked at below */
		}
		bang = memchr(s, '!', (size_t)(end - s));
		stop = bang ? bang : end;
		for (q = stop; q > s && q[-1] == '\0'; q--)
			;
		if (q > s)
			p->dtd = q[-1] == '<';
		if (bang == NULL)
			return 0;
		p->dtd = p->dtd == 1 ? 2 : 0;
		s = bang + 1;
	}
	return 0;
}

/*
 * part_read: libxml2 read callback; inflates from the zip entry, counts
 * what comes out against the limits and looks for a DTD.  Returns the
 * byte count, 0 at the end, -1 with p->err set.
 */
static int
part_read(void *ctx, char *buf, int len)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	zip_int64_t		 n;
	zip_uint64_t		 comp;

	if (p->err != XLSX_OK)
		return -1;
	if (len <= 0)
		return 0;
	n = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		int ze = zip_error_code_zip(zip_file_get_error(p->zf));

		p->err = ze == ZIP_ER_MEMORY ? XLSX_NOMEM : XLSX_BAD_XML;
		return -1;
	}
	p->got += (zip_uint64_t)n;
	r->total += (zip_uint64_t)n;
	comp = p->comp ? p->comp : 1;
	if (r->total > r->lim.max_uncompressed ||
	    (p->got > RATIO_FLOOR && p->got / comp > r->lim.max_ratio)) {
		p->err = XLSX_TOO_BIG;
		return -1;
	}
	if (dtd_seen(p, buf, (size_t)n)) {
		p->err = XLSX_BAD_XML;
		return -1;
	}
	return (int)n;
}

/*
 * part_open: check entry `name` against the limits and start an
 * xmlTextReader on it, or, when `sax` is given, a push parser calling it
 * with `p` as its context and `state` as p->state (fed by part_feed()).
 * Returns XLSX_OK, or XLSX_NO_SHEET when the entry does not exist (so
 * callers can fall back), or an error.  Undo with part_close().
 */
static enum xlsx_status
part_open(struct xlsx_reader *r, const char *name, struct part *p,
    xmlSAXHandler *sax, void *state)
{
	zip_int64_t	 idx;
	zip_stat_t	 sb;
	zip_uint64_t	 comp;

	memset(p, 0, sizeof(*p));
	p->r = r;
	if ((idx = zip_name_locate(r->za, name, ZIP_FL_NOCASE)) < 0)
		return XLSX_NO_SHEET;
	zip_stat_init(&sb);
	if (zip_stat_index(r->za, (zip_uint64_t)idx, 0, &sb) == -1)
		return XLSX_BAD_XML;
	if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    sb.encryption_method != ZIP_EM_NONE)
		return XLSX_ENCRYPTED;
	if ((sb.valid & ZIP_STAT_SIZE) && (sb.valid & ZIP_STAT_COMP_SIZE)) {
		comp = sb.comp_size ? sb.comp_size : 1;
		if (sb.size > RATIO_FLOOR && sb.size / comp > r->lim.max_ratio)
			return XLSX_TOO_BIG;
		if (r->total > r->lim.max_uncompressed ||
		    sb.size > r->lim.max_uncompressed - r->total)
			return XLSX_TOO_BIG;
		p->comp = sb.comp_size;
	}
	if ((p->zf = zip_fopen_index(r->za, (zip_uint64_t)idx, 0)) == NULL) {
		switch (zip_error_code_zip(zip_get_error(r->za))) {
		case ZIP_ER_MEMORY:
			return XLSX_NOMEM;
		case ZIP_ER_NOPASSWD:
		case ZIP_ER_WRONGPASSWD:
		case ZIP_ER_ENCRNOTSUPP:
			return XLSX_ENCRYPTED;
		default:
			return XLSX_BAD_XML;
		}
	}
	p->state = state;
	if (sax != NULL) {
		/* No bytes yet: the encoding is detected from the first piece. */
		if ((p->push = xmlCreatePushParserCtxt(sax, p, NULL, 0, name))
		    != NULL)
			xmlCtxtUseOptions(p->push, XML_OPTIONS);
	} else
		p->x = xmlReaderForIO(part_read, NULL, p, name, NULL,
		    XML_OPTIONS);
	if (p->x == NULL && p->push == NULL) {
		zip_fclose(p->zf);
		p->zf = NULL;
		return XLSX_NOMEM;
	}
	return XLSX_OK;
}

/* part_close: free what part_open() set up; safe to repeat. */
static void
part_close(struct part *p)
{
	if (p->x != NULL)
		xmlFreeTextReader(p->x);
	if (p->push != NULL) {
		if (p->push->myDoc != NULL)
			xmlFreeDoc(p->push->myDoc);
		xmlFreeParserCtxt(p->push);
	}
	if (p->zf != NULL)
		zip_fclose(p->zf);
	p->x = NULL;
	p->push = NULL;
	p->zf = NULL;
}

/*
 * part_stop: a callback of p's push parser found `st` (an error, or
 * XLSX_OK when nothing more is wanted): stop parsing.  The first error
 * is kept.
 */
static void
part_stop(struct part *p, enum xlsx_status st)
{
	if (p->err == XLSX_OK)
		p->err = st;
	p->stopped = 1;
	xmlStopParser(p->push);
}

/*
 * part_feed: inflate the next piece of `p` into its push parser, whose
 * callbacks run meanwhile.  Returns 1 when there is more, 0 once the
 * whole part was parsed or the callbacks stopped the parser without an
 * error, -1 with r->err set (malformed XML, or an error from part_read()
 * or a callback).
 */
static int
part_feed(struct xlsx_reader *r, struct part *p)
{
	char	 buf[FEED];
	int	 n;

	if (p->err != XLSX_OK || p->stopped)
		goto out;
	if ((n = part_read(p, buf, sizeof(buf))) < 0)
		goto out;
	/* Its return value also counts namespace errors, which are not
	 * fatal: malformed means not well-formed, or halted (a bad encoding). */
	xmlParseChunk(p->push, buf, n, n == 0);
	if (p->err == XLSX_OK && !p->stopped &&
	    (!p->push->wellFormed || p->push->disableSAX))
		p->err = XLSX_BAD_XML;
	if (p->err == XLSX_OK && !p->stopped && n > 0)
		return 1;
out:
	if (p->err != XLSX_OK) {
		r->err = p->err;
		return -1;
	}
	return 0;
}

/* The push parsers' callbacks for what a part must not have. */
static void
sax_dtd(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	(void)name;
	(void)eid;
	(void)sid;
	part_stop(ctx, XLSX_BAD_XML);
}

static void
sax_reference(void *ctx, const xmlChar *name)
{
	(void)name;
	part_stop(ctx, XLSX_BAD_XML);
}

/* No entity is known but the five predefined ones (libxml2's own). */
static xmlEntityPtr
sax_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

/*
 * sax_handler: a SAX2 handler with the element and text callbacks given
 * and the refusals above; CDATA and whitespace count as text.
 */
static void
sax_handler(xmlSAXHandler *h, startElementNsSAX2Func start,
    endElementNsSAX2Func end, charactersSAXFunc text)
{
	memset(h, 0, sizeof(*h));
	h->initialized = XML_SAX2_MAGIC;
	h->internalSubset = sax_dtd;
	h->externalSubset = sax_dtd;
	h->reference = sax_reference;
	h->getEntity = sax_entity;
	h->startElementNs = start;
	h->endElementNs = end;
	h->characters = text;
	h->ignorableWhitespace = text;
	h->cdataBlock = text;
}

/*
 * part_next: advance the reader of `p` by one node.  Returns 1 on a node,
 * 0 at the end of the document, -1 with r->err set (malformed XML, DTD,
 * entity reference, or an error from part_read()).
 */
static int
part_next(struct xlsx_reader *r, struct part *p)
{
	int	 rc, t;

	rc = xmlTextReaderRead(p->x);
	if (p->err != XLSX_OK) {
		r->err = p->err;
		return -1;
	}
	if (rc < 0) {
		r->err = XLSX_BAD_XML;
		return -1;
	}
	if (rc == 0)
		return 0;
	t = xmlTextReaderNodeType(p->x);
	if (t == XML_READER_TYPE_DOCUMENT_TYPE ||
	    t == XML_READER_TYPE_ENTITY_REFERENCE ||
	    t == XML_READER_TYPE_ENTITY ||
	    t == XML_READER_TYPE_NOTATION) {
		r->err = XLSX_BAD_XML;
		return -1;
	}
	return 1;
}

/* lname: the local name of the reader's current node ("" if none). */
static const char *
lname(struct part *p)
{
	const xmlChar	*n = xmlTextReaderConstLocalName(p->x);

	return n ? (const char *)n : "";
}

/* rels_free: free the relationships in `rl` and empty it. */
static void
rels_free(struct rels *rl)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++) {
		xmlFree(rl->v[i].id);
		xmlFree(rl->v[i].type);
		xmlFree(rl->v[i].target);
	}
	free(rl->v);
	memset(rl, 0, sizeof(*rl));
}

/*
 * rels_load: read the internal relationships of part `name` (a .rels
 * path) into `rl`.  A missing .rels is not an error (rl stays empty).
 * Returns XLSX_OK or an error; free rl with rels_free() either way.
 */
static enum xlsx_status
rels_load(struct xlsx_reader *r, const char *name, struct rels *rl)
{
	struct part	 p;
	enum xlsx_status st;
	struct rel	 e;
	xmlChar		*mode;
	int		 rc;

	if ((st = part_open(r, name, &p, NULL, NULL)) != XLSX_OK) {
		part_close(&p);
		return st == XLSX_NO_SHEET ? XLSX_OK : st;
	}
	while ((rc = part_next(r, &p)) == 1) {
		if (xmlTextReaderNodeType(p.x) != XML_READER_TYPE_ELEMENT ||
		    strcmp(lname(&p), "Relationship") != 0)
			continue;
		mode = xmlTextReaderGetAttribute(p.x, BAD_CAST "TargetMode");
		if (mode != NULL && xmlStrcasecmp(mode, BAD_CAST "External")
		    == 0) {
			xmlFree(mode);
			continue;
		}
		xmlFree(mode);
		e.id = xmlTextReaderGetAttribute(p.x, BAD_CAST "Id");
		e.type = xmlTextReaderGetAttribute(p.x, BAD_CAST "Type");
		e.target = xmlTextReaderGetAttribute(p.x, BAD_CAST "Target");
		if (e.id == NULL || e.type == NULL || e.target == NULL ||
		    !grow(&rl->v, &rl->cap, rl->n + 1, sizeof(*rl->v))) {
			int oom = e.id && e.type && e.target;

			xmlFree(e.id);
			xmlFree(e.type);
			xmlFree(e.target);
			if (oom) {
				r->err = XLSX_NOMEM;
				rc = -1;
				break;
			}
			continue;
		}
		rl->v[rl->n++] = e;
	}
	part_close(&p);
	return rc < 0 ? r->err : XLSX_OK;
}

/* rel_by_id: the relationship with Id `id`, or NULL. */
static const struct rel *
rel_by_id(const struct rels *rl, const char *id)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++)
		if (strcmp((const char *)rl->v[i].id, id) == 0)
			return &rl->v[i];
	return NULL;
}

/* rel_by_type: the first relationship whose Type ends in `suffix`. */
static const struct rel *
rel_by_type(const struct rels *rl, const char *suffix)
{
	size_t	 i;

	for (i = 0; i < rl->n; i++)
		if (ends_with((const char *)rl->v[i].type, suffix))
			return &rl->v[i];
	return NULL;
}

/*
 * part_resolve: the zip entry name of `target` as seen from part `base`
 * ("xl/workbook.xml"): absolute targets start with '/', relative ones are
 * joined to base's folder, "." and ".." are resolved.  Returns a string
 * the caller frees, or NULL when out of memory or the path escapes the root.
 */
static char *
part_resolve(const char *base, const char *target)
{
	const char	*slash, *seg, *end;
	char		*out;
	size_t		 dirlen, len, n;

	if (target[0] == '/') {
		base = "";
		target++;
	}
	slash = strrchr(base, '/');
	dirlen = slash ? (size_t)(slash - base) + 1 : 0;
	if ((out = malloc(dirlen + strlen(target) + 1)) == NULL)
		return NULL;
	memcpy(out, base, dirlen);
	len = dirlen;
	for (seg = target; *seg != '\0'; seg = *end ? end + 1 : end) {
		end = strchr(seg, '/');
		if (end == NULL)
			end = seg + strlen(seg);
		n = (size_t)(end - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (len == 0) {
				free(out);
				return NULL;
			}
			/* drop the last folder: out[len - 1] is '/' */
			len--;
			while (len > 0 && out[len - 1] != '/')
				len--;
			continue;
		}
		memcpy(out + len, seg, n);
		len += n;
		if (*end == '/')
			out[len++] = '/';
	}
	out[len] = '\0';
	return out;
}

/*
 * rels_name: the .rels part of `part` ("xl/workbook.xml" gives
 * "xl/_rels/workbook.xml.rels").  Caller frees; NULL when out of memory.
 */
static char *
rels_name(const char *part)
{
	const char	*slash = strrchr(part, '/');
	size_t		 dirlen = slash ? (size_t)(slash - part) + 1 : 0;
	char		*out;

	if ((out = malloc(strlen(part) + sizeof("_rels/.rels"))) == NULL)
		return NULL;
	memcpy(out, part, dirlen);
	sprintf(out + dirlen, "_rels/%s.rels", part + dirlen);
	return out;
}

/*
 * first_sheet: scan the workbook part `wb` for <sheet r:id=...> in order
 * and return the entry name of the first whose relationship is a
 * worksheet (caller frees), or NULL with *st set: XLSX_OK when there is
 * none, else an error.
 */
static char *
first_sheet(struct xlsx_reader *r, const char *wb, const struct rels *rl,
    enum xlsx_status *st)
{
	struct part	 p;
	const struct rel *e;
	char		*out = NULL;
	int		 rc = 0;

	if ((*st = part_open(r, wb, &p, NULL, NULL)) != XLSX_OK) {
		part_close(&p);
		return NULL;
	}
	while (out == NULL && (rc = part_next(r, &p)) == 1) {
		if (xmlTextReaderNodeType(p.x) != XML_READER_TYPE_ELEMENT ||
		    strcmp(lname(&p), "sheet") != 0)
			continue;
		e = NULL;
		while (e == NULL && xmlTextReaderMoveToNextAttribute(p.x) == 1)
			if (strcmp(lname(&p), "id") == 0 &&
			    xmlTextReaderConstNamespaceUri(p.x) != NULL)
				e = rel_by_id(rl, (const char *)
				    xmlTextReaderConstValue(p.x));
		xmlTextReaderMoveToElement(p.x);
		if (e == NULL || !ends_with((const char *)e->type, "/worksheet"))
			continue;
		/* NULL (a path above the root) just skips this sheet */
		out = part_resolve(wb, (const char *)e->target);
	}
	*st = (out == NULL && rc < 0) ? r->err : XLSX_OK;
	part_close(&p);
	return out;
}

/*
 * xml_escapes: decode Excel's _xHHHH_ escapes in `s` (length `len`) in
 * place, as Excel does for string cells; _x0000_ and surrogates are left
 * as they are.  Returns the new length.
 */
static size_t
xml_escapes(char *s, size_t len)
{
	size_t		 i, o;
	unsigned	 v;
	int		 k, ok;

	if (memchr(s, '_', len) == NULL)
		return len;
	for (i = o = 0; i < len; ) {
		ok = 0;
		if (s[i] == '_' && i + 7 <= len && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			ok = 1;
			for (v = 0, k = 2; k < 6 && ok; k++) {
				char c = s[i + k];

				v <<= 4;
				if (c >= '0' && c <= '9')
					v |= (unsigned)(c - '0');
				else if (c >= 'a' && c <= 'f')
					v |= (unsigned)(c - 'a' + 10);
				else if (c >= 'A' && c <= 'F')
					v |= (unsigned)(c - 'A' + 10);
				else
					ok = 0;
			}
			if (v == 0 || (v >= 0xd800 && v <= 0xdfff))
				ok = 0;
		}
		if (!ok) {
			s[o++] = s[i++];
			continue;
		}
		if (v < 0x80)
			s[o++] = (char)v;
		else if (v < 0x800) {
			s[o++] = (char)(0xc0 | (v >> 6));
			s[o++] = (char)(0x80 | (v & 0x3f));
		} else {
			s[o++] = (char)(0xe0 | (v >> 12));
			s[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
			s[o++] = (char)(0x80 | (v & 0x3f));
		}
		i += 7;
	}
	s[o] = '\0';
	return o;
}

/* sst_put: append `n` bytes to the shared-string arena.  Returns 1 or 0. */
static int
sst_put(struct xlsx_reader *r, const char *s, size_t n)
{
	if (n > SIZE_MAX - r->sstlen - 1 ||
	    !grow(&r->sst, &r->sstcap, r->sstlen + n + 1, 1))
		return 0;
	memcpy(r->sst + r->sstlen, s, n);
	r->sstlen += n;
	return 1;
}

/* sst_end: close the string begun at offset `start`. */
static void
sst_end(struct xlsx_reader *r, size_t start)
{
	/* sst_put/sst_begin always leave room for the NUL */
	r->sst[r->sstlen] = '\0';
	r->sstlen = start + xml_escapes(r->sst + start, r->sstlen - start);
	r->sst[r->sstlen++] = '\0';
}

/*
 * sst_begin: start a new string (the caller has checked the arena is below
 * SST_MAX); returns its offset, or SIZE_MAX when out of memory.
 */
static size_t
sst_begin(struct xlsx_reader *r)
{
	if (!grow(&r->sstoff, &r->sstoffcap, r->nsst + 1, sizeof(uint32_t)) ||
	    !grow(&r->sst, &r->sstcap, r->sstlen + 1, 1))
		return SIZE_MAX;
	r->sstoff[r->nsst++] = (uint32_t)r->sstlen;
	return r->sstlen;
}

/* is_name: 1 when the tag or attribute name `n` is `w`. */
static int
is_name(const char *n, const char *w)
{
	return n[0] == w[0] && strcmp(n, w) == 0;
}

/* What the shared-strings callbacks are in. */
struct sst_state {
	size_t	 start;		/* offset of the string being read */
	int	 insi, intx, rph;
};

static void
sst_open_el(void *ctx, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attr)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	struct sst_state	*ss = p->state;
	const char		*n = (const char *)lname;

	(void)prefix, (void)uri, (void)nns, (void)ns, (void)nattr, (void)ndef;
	(void)attr;
	if (is_name(n, "si")) {
		if (ss->insi)
			sst_end(r, ss->start);
		if (r->sstlen > SST_MAX - 2) {
			part_stop(p, XLSX_TOO_BIG);
			return;
		}
		if ((ss->start = sst_begin(r)) == SIZE_MAX) {
			part_stop(p, XLSX_NOMEM);
			return;
		}
		ss->insi = 1;
		ss->intx = ss->rph = 0;
	} else if (ss->insi && is_name(n, "rPh"))
		ss->rph++;
	else if (ss->insi && !ss->rph && is_name(n, "t"))
		ss->intx = 1;
}

static void
sst_close_el(void *ctx, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct part		*p = ctx;
	struct sst_state	*ss = p->state;
	const char		*n = (const char *)lname;

	(void)prefix, (void)uri;
	if (is_name(n, "si") && ss->insi) {
		sst_end(p->r, ss->start);
		ss->insi = ss->intx = ss->rph = 0;
	} else if (is_name(n, "rPh") && ss->rph > 0)
		ss->rph--;
	else if (is_name(n, "t"))
		ss->intx = 0;
}

static void
sst_text(void *ctx, const xmlChar *v, int n)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	struct sst_state	*ss = p->state;
	size_t			 len = n > 0 ? (size_t)n : 0;

	if (!ss->intx || len == 0)
		return;
	if (len > MAX_TEXT - (r->sstlen - ss->start))
		part_stop(p, XLSX_BAD_XML);
	else if (len > SST_MAX - r->sstlen)
		part_stop(p, XLSX_TOO_BIG);
	else if (!sst_put(r, (const char *)v, len))
		part_stop(p, XLSX_NOMEM);
}

/*
 * sst_load: read the shared strings part `name` into the arena: each
 * <si> is the concatenation of its <t> texts (plain or rich-text runs),
 * phonetic <rPh> runs left out.  Returns XLSX_OK or an error.
 */
static enum xlsx_status
sst_load(struct xlsx_reader *r, const char *name)
{
	struct part	 p;
	struct sst_state ss = { 0, 0, 0, 0 };
	xmlSAXHandler	 sax;
	enum xlsx_status st;
	int		 rc;

	sax_handler(&sax, sst_open_el, sst_close_el, sst_text);
	if ((st = part_open(r, name, &p, &sax, &ss)) != XLSX_OK) {
		part_close(&p);
		return st == XLSX_NO_SHEET ? XLSX_OK : st;
	}
	while ((rc = part_feed(r, &p)) == 1)
		;
	if (rc == 0 && ss.insi)
		sst_end(r, ss.start);
	part_close(&p);
	return rc < 0 ? r->err : XLSX_OK;
}

/*
 * ole2_encrypted: `f` starts with the OLE2 magic; look for the UTF-16
 * stream name "EncryptedPackage" that an encrypted OOXML file carries.
 * Reads at most `max` bytes.  Returns 1 if found.
 */
static int
ole2_encrypted(FILE *f, size_t max)
{
	static const char name[] = "EncryptedPackage";
	char		 pat[2 * (sizeof(name) - 1)], buf[65536];
	size_t		 plen = sizeof(pat), keep = 0, n, i, seen = 0;

	for (i = 0; i < sizeof(name) - 1; i++) {
		pat[2 * i] = name[i];
		pat[2 * i + 1] = '\0';
	}
	rewind(f);
	while (seen < max &&
	    (n = fread(buf + keep, 1, sizeof(buf) - keep, f)) > 0) {
		seen += n;
		n += keep;
		if (memmem(buf, n, pat, plen) != NULL)
			return 1;
		keep = n < plen - 1 ? n : plen - 1;
		memmove(buf, buf + n - keep, keep);
	}
	return 0;
}

/*
 * sniff: look at the first bytes of `path` before libzip does.  Returns
 * XLSX_OK when it may be a zip, XLSX_NOT_XLSX or XLSX_ENCRYPTED for OLE2
 * files (old .xls, encrypted OOXML) and files that cannot be opened.
 */
static enum xlsx_status
sniff(const char *path, size_t max)
{
	static const unsigned char ole2[8] = {
		0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
	};
	unsigned char	 head[8];
	FILE		*f;
	enum xlsx_status st = XLSX_OK;

	if ((f = fopen(path, "rb")) == NULL)
		return XLSX_NOT_XLSX;
	if (fread(head, 1, sizeof(head), f) == sizeof(head) &&
	    memcmp(head, ole2, sizeof(ole2)) == 0)
		st = ole2_encrypted(f, max) ? XLSX_ENCRYPTED : XLSX_NOT_XLSX;
	fclose(f);
	return st;
}

static void sheet_open_el(void *, const xmlChar *, const xmlChar *,
    const xmlChar *, int, const xmlChar **, int, int, const xmlChar **);
static void sheet_close_el(void *, const xmlChar *, const xmlChar *,
    const xmlChar *);
static void sheet_text(void *, const xmlChar *, int);

/*
 * sheet_start: open the worksheet `name` and parse up to its <sheetData>
 * (the rows of the piece that holds it are queued already).  Returns
 * XLSX_OK (r->done set if the sheet has no data) or an error found before
 * <sheetData>; one after it is returned by xlsx_next_row() after the
 * rows before it.
 */
static enum xlsx_status
sheet_start(struct xlsx_reader *r, const char *name)
{
	xmlSAXHandler	 sax;
	enum xlsx_status st;
	int		 rc = 0;

	sax_handler(&sax, sheet_open_el, sheet_close_el, sheet_text);
	if ((st = part_open(r, name, &r->sheet, &sax, r)) != XLSX_OK) {
		part_close(&r->sheet);
		return st;
	}
	while (!r->insd && (rc = part_feed(r, &r->sheet)) == 1)
		;
	if (r->insd)
		return XLSX_OK;
	if (rc < 0)
		return r->err;
	r->done = 1;
	return XLSX_OK;
}

/*
 * locate: find the workbook and its first worksheet and load the shared
 * strings.  Returns XLSX_OK with the sheet opened, or an error.
 */
static enum xlsx_status
locate(struct xlsx_reader *r)
{
	struct rels	 pkg = { 0 }, wbr = { 0 };
	const struct rel *e;
	enum xlsx_status st;
	char		*wb = NULL, *wbrels = NULL, *sheet = NULL, *sst = NULL;
	int		 havewb;

	if ((st = rels_load(r, "_rels/.rels", &pkg)) != XLSX_OK)
		goto out;
	if ((e = rel_by_type(&pkg, "/officeDocument")) != NULL)
		wb = part_resolve("", (const char *)e->target);
	if (wb == NULL || zip_name_locate(r->za, wb, ZIP_FL_NOCASE) < 0) {
		free(wb);
		wb = strdup("xl/workbook.xml");
	}
	if (wb == NULL || (wbrels = rels_name(wb)) == NULL) {
		st = XLSX_NOMEM;
		goto out;
	}
	havewb = zip_name_locate(r->za, wb, ZIP_FL_NOCASE) >= 0;
	if (havewb) {
		if ((st = rels_load(r, wbrels, &wbr)) != XLSX_OK)
			goto out;
		sheet = first_sheet(r, wb, &wbr, &st);
		if (st != XLSX_OK)
			goto out;
	}
	if (sheet == NULL || zip_name_locate(r->za, sheet, ZIP_FL_NOCASE) < 0) {
		free(sheet);
		sheet = NULL;
		if (zip_name_locate(r->za, "xl/worksheets/sheet1.xml",
		    ZIP_FL_NOCASE) >= 0 &&
		    (sheet = strdup("xl/worksheets/sheet1.xml")) == NULL) {
			st = XLSX_NOMEM;
			goto out;
		}
	}
	if (sheet == NULL) {
		st = havewb ? XLSX_NO_SHEET : XLSX_NOT_XLSX;
		goto out;
	}
	if ((e = rel_by_type(&wbr, "/sharedStrings")) != NULL)
		sst = part_resolve(wb, (const char *)e->target);
	if (sst == NULL || zip_name_locate(r->za, sst, ZIP_FL_NOCASE) < 0) {
		free(sst);
		if ((sst = strdup("xl/sharedStrings.xml")) == NULL) {
			st = XLSX_NOMEM;
			goto out;
		}
	}
	if ((st = sst_load(r, sst)) != XLSX_OK)
		goto out;
	st = sheet_start(r, sheet);
out:
	rels_free(&pkg);
	rels_free(&wbr);
	free(wb);
	free(wbrels);
	free(sheet);
	free(sst);
	return st;
}

/*
 * xlsx_open: see xlsxread.h.  Sniffs for OLE2 first, then opens the zip,
 * locates the parts, loads the shared strings and stops at <sheetData>.
 */
struct xlsx_reader *
xlsx_open(const char *path, const struct xlsx_limits *lim,
    enum xlsx_status *st)
{
	struct xlsx_reader	*r;
	enum xlsx_status	 dummy, s;
	int			 zerr = 0;

	if (st == NULL)
		st = &dummy;
	if (lim == NULL)
		lim = &xlsx_limits_default;
	if ((*st = sniff(path, lim->max_uncompressed ? lim->max_uncompressed :
	    xlsx_limits_default.max_uncompressed)) != XLSX_OK)
		return NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		*st = XLSX_NOMEM;
		return NULL;
	}
	r->lim = *lim;
	if (r->lim.max_uncompressed == 0)
		r->lim.max_uncompressed = xlsx_limits_default.max_uncompressed;
	if (r->lim.max_ratio == 0)
		r->lim.max_ratio = xlsx_limits_default.max_ratio;
	if (r->lim.max_columns == 0)
		r->lim.max_columns = xlsx_limits_default.max_columns;
	if (r->lim.max_columns > MAX_SHEET_COLS)
		r->lim.max_columns = MAX_SHEET_COLS;
	xmlInitParser();
	if ((r->za = zip_open(path, ZIP_RDONLY, &zerr)) == NULL) {
		*st = zerr == ZIP_ER_MEMORY ? XLSX_NOMEM : XLSX_NOT_XLSX;
		free(r);
		return NULL;
	}
	if ((s = locate(r)) != XLSX_OK) {
		*st = s;
		xlsx_close(r);
		return NULL;
	}
	*st = XLSX_OK;
	return r;
}

/* row_put: append `n` bytes to the row arena.  Returns 1 or 0 (NOMEM). */
static int
row_put(struct xlsx_reader *r, const char *s, size_t n)
{
	if (n > SIZE_MAX - r->alen - 1 ||
	    !grow(&r->arena, &r->acap, r->alen + n + 1, 1))
		return 0;
	memcpy(r->arena + r->alen, s, n);
	r->alen += n;
	return 1;
}

/*
 * parse_col: the 0-based column of a cell reference ("B3" gives 1),
 * or SIZE_MAX when it has no valid column letters.
 */
static size_t
parse_col(const char *ref)
{
	size_t	 col = 0;
	int	 n = 0;

	while (n < 4 && ((*ref >= 'A' && *ref <= 'Z') ||
	    (*ref >= 'a' && *ref <= 'z'))) {
		col = col * 26 + (size_t)((*ref | 0x20) - 'a' + 1);
		ref++;
		n++;
	}
	if (n == 0 || n == 4 || col > MAX_SHEET_COLS ||
	    (*ref != '\0' && (*ref < '0' || *ref > '9')))
		return SIZE_MAX;
	return col - 1;
}

/* parse_size: a decimal number below 2^31, or 0 when not one. */
static size_t
parse_size(const char *s)
{
	size_t	 v = 0;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (size_t)INT_MAX / 10)
			return 0;
		v = v * 10 + (size_t)(*s - '0');
	}
	return v;
}

/*
 * attr_val: the value of SAX2 attribute `i` of `attr` into `buf` (NUL-
 * terminated; a longer value is cut to size - 1 bytes, which reads the
 * same in parse_col(), parse_size() and the type names).
 */
static const char *
attr_val(const xmlChar **attr, int i, char *buf, size_t size)
{
	size_t	 n = (size_t)(attr[5 * i + 4] - attr[5 * i + 3]);

	if (n >= size)
		n = size - 1;
	memcpy(buf, attr[5 * i + 3], n);
	buf[n] = '\0';
	return buf;
}

/* row_begin: a <row> starts (its `nattr` attributes); reset the row. */
static void
row_begin(struct xlsx_reader *r, const xmlChar **attr, int nattr)
{
	char	 buf[64];
	size_t	 n = 0;
	int	 i;

	for (i = 0; i < nattr; i++)
		if (is_name((const char *)attr[5 * i], "r"))
			n = parse_size(attr_val(attr, i, buf, sizeof(buf)));
	r->rownum = n ? n : r->lastrow + 1;
	r->lastrow = r->rownum;
	if (r->slotsused)
		memset(r->slots, 0, r->slotsused * sizeof(*r->slots));
	r->slotsused = 0;
	r->rowbase = r->alen;
	r->ncells = 0;
	r->nextcol = 0;
	r->hascell = 0;
	r->inrow = 1;
	r->incell = 0;
}

/*
 * cell_begin: a <c> starts; note its column and type.  Cells beyond
 * max_columns are read but dropped (col = SIZE_MAX).
 */
static void
cell_begin(struct xlsx_reader *r, const xmlChar **attr, int nattr)
{
	const char	*n, *v;
	char		 buf[64];
	size_t		 col = SIZE_MAX;
	int		 i;

	r->ctype = CT_NUM;
	for (i = 0; i < nattr; i++) {
		n = (const char *)attr[5 * i];
		if (is_name(n, "r"))
			col = parse_col(attr_val(attr, i, buf, sizeof(buf)));
		else if (is_name(n, "t")) {
			v = attr_val(attr, i, buf, sizeof(buf));
			if (is_name(v, "s"))
				r->ctype = CT_SST;
			else if (is_name(v, "inlineStr"))
				r->ctype = CT_INLINE;
			else if (is_name(v, "b"))
				r->ctype = CT_BOOL;
			else if (is_name(v, "e"))
				r->ctype = CT_ERR;
			else if (is_name(v, "d"))
				r->ctype = CT_DATE;
			else if (is_name(v, "n"))
				r->ctype = CT_NUM;
			else
				r->ctype = CT_STR;
		}
	}
	if (col == SIZE_MAX)
		col = r->nextcol;
	r->nextcol = col + 1;
	r->col = col < r->lim.max_columns ? col : SIZE_MAX;
	r->cstart = r->alen;
	r->incell = 1;
	r->inv = r->inis = r->intx = r->rph = 0;
	r->hascell = 1;
}

/*
 * cell_end: the cell is complete; turn what was collected in the arena
 * into its slot.  Returns 1, or 0 with r->err set.
 */
static int
cell_end(struct xlsx_reader *r)
{
	struct slot	*s;
	char		*text;
	size_t		 len, i;

	r->incell = 0;
	if (r->col == SIZE_MAX)
		return 1;
	if (!grow(&r->slots, &r->nslots, r->col + 1, sizeof(*r->slots))) {
		r->err = XLSX_NOMEM;
		return 0;
	}
	if (r->slotsused < r->col + 1) {
		memset(r->slots + r->slotsused, 0,
		    (r->col + 1 - r->slotsused) * sizeof(*r->slots));
		r->slotsused = r->col + 1;
	}
	if (!row_put(r, "", 0)) {
		r->err = XLSX_NOMEM;
		return 0;
	}
	r->arena[r->alen] = '\0';
	text = r->arena + r->cstart;
	len = r->alen - r->cstart;
	s = &r->slots[r->col];
	memset(s, 0, sizeof(*s));
	s->set = 1;
	switch (r->ctype) {
	case CT_SST:
		r->alen = r->cstart;
		if (len == 0)
			return 1;
		i = parse_size(text);
		if ((i == 0 && strcmp(text, "0") != 0) || i >= r->nsst) {
			r->err = XLSX_BAD_XML;
			return 0;
		}
		s->ext = r->sst + r->sstoff[i];
		s->len = (i + 1 < r->nsst ? r->sstoff[i + 1] : r->sstlen) -
		    r->sstoff[i] - 1;
		break;
	case CT_BOOL:
		s->ext = strcmp(text, "0") == 0 ? "FALSE" :
		    strcmp(text, "1") == 0 ? "TRUE" : NULL;
		if (s->ext != NULL) {
			s->len = strlen(s->ext);
			r->alen = r->cstart;
			break;
		}
		/* odd text is kept as it is */
		s->off = r->cstart;
		s->len = len;
		r->alen = r->cstart + len + 1;
		break;
	case CT_STR:
	case CT_INLINE:
		len = xml_escapes(text, len);
		/* FALLTHROUGH */
	default:
		s->off = r->cstart;
		s->len = len;
		s->is_number = r->ctype == CT_NUM && len > 0;
		r->alen = r->cstart + len + 1;
		break;
	}
	if (s->len > 0 && r->col + 1 > r->ncells)
		r->ncells = r->col + 1;
	return 1;
}

/*
 * row_queue: the row is complete; queue its non-empty cells (their texts
 * stay in the arena).  Returns 1, or 0 when out of memory.
 */
static int
row_queue(struct xlsx_reader *r)
{
	struct qrow	*q;
	size_t		 i;

	r->inrow = 0;
	if (!grow(&r->q, &r->qcap, r->nq + 1, sizeof(*r->q)) ||
	    !grow(&r->qs, &r->qscap, r->nqs + r->ncells + 1, sizeof(*r->qs)))
		return 0;
	q = &r->q[r->nq++];
	q->rownum = r->rownum;
	q->ncells = r->ncells;
	q->first = r->nqs;
	for (i = 0; i < r->ncells; i++)
		if (r->slots[i].set && r->slots[i].len > 0) {
			r->qs[r->nqs] = r->slots[i];
			r->qs[r->nqs++].col = i;
		}
	q->n = r->nqs - q->first;
	return 1;
}

/* row_pop: the first queued row into *row.  Returns 1, or -1 (NOMEM). */
static int
row_pop(struct xlsx_reader *r, struct xlsx_row *row)
{
	const struct qrow	*q = &r->q[r->qhead++];
	const struct slot	*s;
	size_t			 i;

	if (!grow(&r->cells, &r->cellscap, q->ncells ? q->ncells : 1,
	    sizeof(*r->cells))) {
		r->err = XLSX_NOMEM;
		r->qhead = r->nq;
		return -1;
	}
	for (i = 0; i < q->ncells; i++) {
		r->cells[i].text = "";
		r->cells[i].len = 0;
		r->cells[i].is_number = 0;
	}
	for (i = 0; i < q->n; i++) {
		s = &r->qs[q->first + i];
		r->cells[s->col].text = s->ext ? s->ext : r->arena + s->off;
		r->cells[s->col].len = s->len;
		r->cells[s->col].is_number = s->is_number;
	}
	row->rownum = q->rownum;
	row->ncells = q->ncells;
	row->cells = r->cells;
	return 1;
}

/*
 * queue_reset: every queued row was returned: empty the queue and the
 * arena but for the text of a row still open, moved to its start.
 */
static void
queue_reset(struct xlsx_reader *r)
{
	size_t	 base = r->inrow ? r->rowbase : r->alen, i;

	r->nq = r->qhead = r->nqs = 0;
	if (base == 0)
		return;
	memmove(r->arena, r->arena + base, r->alen - base);
	r->alen -= base;
	r->rowbase = 0;
	if (!r->inrow)
		return;
	for (i = 0; i < r->slotsused; i++)
		if (r->slots[i].set && r->slots[i].ext == NULL)
			r->slots[i].off -= base;
	if (r->incell)
		r->cstart -= base;
}

/* The worksheet's SAX callbacks: a start tag inside <sheetData>. */
static void
sheet_open_el(void *ctx, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attr)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	const char		*n = (const char *)lname;

	(void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
	if (!r->insd) {
		if (is_name(n, "sheetData"))
			r->insd = 1;
		return;
	}
	if (is_name(n, "row")) {
		row_begin(r, attr, nattr);
		return;
	}
	if (!r->inrow)
		return;
	if (is_name(n, "c")) {
		if (r->incell && !cell_end(r))
			part_stop(p, r->err);
		else
			cell_begin(r, attr, nattr);
		return;
	}
	if (!r->incell)
		return;
	if (is_name(n, "v"))
		r->inv = 1;
	else if (is_name(n, "is"))
		r->inis = 1;
	else if (r->inis && is_name(n, "rPh"))
		r->rph++;
	else if (r->inis && !r->rph && is_name(n, "t"))
		r->intx = 1;
}

/* An end tag: a complete row with cells is queued; </sheetData> ends. */
static void
sheet_close_el(void *ctx, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	const char		*n = (const char *)lname;

	(void)prefix, (void)uri;
	if (!r->insd)
		return;
	if (is_name(n, "sheetData")) {
		r->done = 1;	/* nothing after it matters */
		part_stop(p, XLSX_OK);
		return;
	}
	if (!r->inrow)
		return;
	if (is_name(n, "row")) {
		if (r->incell && !cell_end(r))
			part_stop(p, r->err);
		else if (!r->hascell)
			r->inrow = 0;
		else if (!row_queue(r))
			part_stop(p, XLSX_NOMEM);
		return;
	}
	if (!r->incell)
		return;
	if (is_name(n, "c")) {
		if (!cell_end(r))
			part_stop(p, r->err);
	} else if (is_name(n, "v"))
		r->inv = 0;
	else if (is_name(n, "is"))
		r->inis = r->intx = r->rph = 0;
	else if (is_name(n, "rPh") && r->rph > 0)
		r->rph--;
	else if (is_name(n, "t"))
		r->intx = 0;
}

/* Text: kept when it is a cell's value or an inline string's <t>. */
static void
sheet_text(void *ctx, const xmlChar *v, int len)
{
	struct part		*p = ctx;
	struct xlsx_reader	*r = p->r;
	size_t			 n = len > 0 ? (size_t)len : 0;

	if (!r->incell || r->col == SIZE_MAX ||
	    !(r->inv || (r->inis && r->intx && !r->rph)))
		return;
	if (n > MAX_TEXT - (r->alen - r->cstart))
		part_stop(p, XLSX_BAD_XML);
	else if (!row_put(r, (const char *)v, n))
		part_stop(p, XLSX_NOMEM);
}

/*
 * xlsx_next_row: see xlsxread.h.  Returns the rows queued from the last
 * piece of the sheet; when none is left, feeds the parser the next one.
 * An error is returned after the rows completed before it.
 */
int
xlsx_next_row(struct xlsx_reader *r, struct xlsx_row *row)
{
	int	 rc;

	if (r == NULL || row == NULL)
		return -1;
	for (;;) {
		if (r->qhead < r->nq)
			return row_pop(r, row);
		if (r->err != XLSX_OK)
			return -1;
		if (r->done)
			return 0;
		queue_reset(r);
		if ((rc = part_feed(r, &r->sheet)) == 0)
			r->done = 1;
	}
}

/* xlsx_error: the error that stopped `r`, XLSX_OK if none. */
enum xlsx_status
xlsx_error(const struct xlsx_reader *r)
{
	return r ? r->err : XLSX_NOMEM;
}

/* xlsx_close: free everything of `r`; NULL is fine. */
void
xlsx_close(struct xlsx_reader *r)
{
	if (r == NULL)
		return;
	part_close(&r->sheet);
	if (r->za != NULL)
		zip_discard(r->za);
	free(r->sst);
	free(r->sstoff);
	free(r->arena);
	free(r->slots);
	free(r->cells);
	free(r->q);
	free(r->qs);
	free(r);
}

/*
 * days_to_civil: the proleptic Gregorian date `z` days after 1970-01-01
 * (H. Hinnant's algorithm).
 */
static void
days_to_civil(long z, int *y, int *m, int *d)
{
	long		 era, yy;
	unsigned	 doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/*
 * xlsx_serial_date: see xlsxread.h.
 */
int
xlsx_serial_date(const char *text, char out[11])
{
	long	 n = 0;
	int	 y, m, d, digits = 0;
	char	 buf[48];

	if (text == NULL)
		return 0;
	for (; *text >= '0' && *text <= '9'; text++, digits++) {
		if (n > 2958465)
			return 0;
		n = n * 10 + (*text - '0');
	}
	if (digits == 0)
		return 0;
	if (*text == '.') {
		for (text++; *text >= '0' && *text <= '9'; text++)
			;
	}
	if (*text != '\0' || n < 1 || n > 2958465 || n == 60)
		return 0;
	if (n > 60)
		n--;		/* Lotus 1-2-3's 1900-02-29 */
	days_to_civil(n - 25568, &y, &m, &d);
	/* Serial 2958465 is 9999-12-31: the ranges below always hold, but
	 * the compiler cannot see that. */
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, 11);
	return 1;
}
