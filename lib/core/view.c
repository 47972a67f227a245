/*
 * view.c -- stylesheet cache and XML building helpers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxslt/imports.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/security.h>
#include <libxslt/xsltutils.h>

#include "db.h"
#include "htmlout.h"
#include "log.h"
#include "mask.h"
#include "money.h"
#include "valid.h"
#include "view.h"

static xsltStylesheetPtr *sheets;
static size_t nsheets;
static xsltSecurityPrefsPtr secprefs;
/* HZ_VIEW_CHECK set: every page written by htmlout.c is compared with
 * libxml2's serializer, and a difference fails the page (the test stack). */
static int check = -1;

/* Forbid every file and network access a stylesheet could attempt. */
static int
view_secprefs(void)
{
	if (secprefs)
		return 1;
	if ((secprefs = xsltNewSecurityPrefs()) == NULL)
		return 0;
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(secprefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	return 1;
}

int
view_init(const char *dir, const char *const *names, size_t n)
{
	char path[1024];
	size_t i;

	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if (!view_secprefs())
		return 0;
	if ((sheets = calloc(n ? n : 1, sizeof(*sheets))) == NULL)
		return 0;
	nsheets = n;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((sheets[i] = xsltParseStylesheetFile((const xmlChar *)path))
		    == NULL) {
			log_err("stylesheet %s does not compile", path);
			return 0;
		}
	}
	return 1;
}

/*
 * The encoding to name in the page's meta when htmlout.c can write `res`
 * exactly as xsltSaveResultTo() would: the html method, UTF-8 (written
 * as is), no indentation, something to write.  NULL otherwise.
 */
static const xmlChar *
htmlout_encoding(xsltStylesheetPtr style, xmlDocPtr res)
{
	const xmlChar *method, *encoding;
	int indent;

	if (style->methodURI != NULL || res->type != XML_HTML_DOCUMENT_NODE ||
	    res->children == NULL || (res->children->type == XML_DTD_NODE &&
	    res->children->next == NULL))
		return NULL;
	XSLT_GET_IMPORT_PTR(method, style, method)
	XSLT_GET_IMPORT_PTR(encoding, style, encoding)
	XSLT_GET_IMPORT_INT(indent, style, indent)
	if ((method != NULL &&
	    !xmlStrEqual(method, (const xmlChar *)"html")) || indent != 0)
		return NULL;
	if (encoding == NULL)
		return (const xmlChar *)"UTF-8";
	return xmlStrcasecmp(encoding, (const xmlChar *)"UTF-8") == 0 ?
	    encoding : NULL;
}

/* Write the result: htmlout.c when it can, else libxml2.  1 on success. */
static int
view_save(xsltStylesheetPtr style, xmlDocPtr res, xmlChar **out, int *len)
{
	const xmlChar *enc;
	xmlChar *ref;
	int rc = 0, rlen;

	if (check < 0)
		check = getenv("HZ_VIEW_CHECK") != NULL;
	if ((enc = htmlout_encoding(style, res)) != NULL) {
		htmlSetMetaEncoding(res, enc);
		rc = htmlout_doc(res, out, len);
	}
	if (rc < 0)
		return 0;
	if (rc == 0)
		return xsltSaveResultToString(out, len, res, style) == 0;
	if (check) {
		if (xsltSaveResultToString(&ref, &rlen, res, style) != 0)
			return 0;
		if (rlen != *len || memcmp(ref, *out, (size_t)rlen) != 0) {
			log_err("view: htmlout.c and libxml2 differ (%d and %d "
			    "bytes)", *len, rlen);
			rc = 0;
		}
		xmlFree(ref);
	}
	return rc;
}

/* Apply a compiled stylesheet under the security preferences. */
static int
view_apply(xsltStylesheetPtr style, xmlDocPtr doc, xmlChar **out, int *len)
{
	xsltTransformContextPtr ctx;
	xmlDocPtr res;
	int rc = 0;

	*out = NULL;
	*len = 0;
	if ((ctx = xsltNewTransformContext(style, doc)) == NULL)
		return 0;
	if (xsltSetCtxtSecurityPrefs(secprefs, ctx) == 0 &&
	    (res = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctx))
	    != NULL) {
		rc = ctx->state == XSLT_STATE_OK &&
		    view_save(style, res, out, len);
		xmlFreeDoc(res);
	}
	xsltFreeTransformContext(ctx);
	if (!rc) {
		xmlFree(*out);
		*out = NULL;
		*len = 0;
	}
	return rc;
}

int
view_render(int sheet, xmlDocPtr doc, xmlChar **out, int *len)
{
	if (sheet < 0 || (size_t)sheet >= nsheets)
		return 0;
	return view_apply(sheets[sheet], doc, out, len);
}

int
view_render_file(const char *path, xmlDocPtr doc, xmlChar **out, int *len)
{
	xsltStylesheetPtr style;
	int rc;

	if (!view_secprefs() ||
	    (style = xsltParseStylesheetFile((const xmlChar *)path)) == NULL)
		return 0;
	rc = view_apply(style, doc, out, len);
	xsltFreeStylesheet(style);
	return rc;
}

xmlNodePtr
view_add(xmlNodePtr parent, const char *name, const char *text)
{
	/* xmlNewTextChild escapes; xmlNewChild would not. */
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	    (const xmlChar *)text);
}

xmlNodePtr
view_addf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return view_add(parent, name, buf);
}

void
view_attr(xmlNodePtr node, const char *name, const char *value)
{
	if (value != NULL)
		xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

void
view_attrf(xmlNodePtr node, const char *name, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	view_attr(node, name, buf);
}

xmlNodePtr
view_money(xmlNodePtr parent, const char *name, int64_t fen)
{
	char buf[32];
	xmlNodePtr n;

	n = view_add(parent, name, money_format(fen, buf, sizeof(buf)));
	view_attrf(n, "fen", "%lld", (long long)fen);
	return n;
}

xmlNodePtr
view_field(xmlNodePtr form, const char *name, const char *value,
    const char *error)
{
	xmlNodePtr f = view_add(form, "field", NULL);

	view_attr(f, "name", name);
	view_attr(f, "value", value ? value : "");
	if (error)
		view_attr(f, "error", error);
	return f;
}

/*
 * The text column `c` of the current row shows as, by its kind, in buf
 * (64 bytes), or NULL when it shows nothing.  *fen gets a VK_MONEY
 * amount.  The returned text lives until buf or the row changes.
 */
static const char *
view_value(const struct view_col *c, struct db_res *res, int i, char *buf,
    int64_t *fen)
{
	const char *v = db_col(res, i);
	int64_t n;

	if (v == NULL)
		return NULL;
	switch (c->kind) {
	case VK_INT:
		snprintf(buf, 64, "%lld", (long long)db_int(res, i));
		return buf;
	case VK_MONEY:
		*fen = db_int(res, i);
		return money_format(*fen, buf, 64);
	case VK_DATE:
		snprintf(buf, 64, "%.10s", v);
		return buf;
	case VK_TIME:
		snprintf(buf, 64, "%.16s", v);
		return buf;
	case VK_ID:
		return mask_id(v, buf);
	case VK_PHONE:
		return mask_phone(v, buf);
	case VK_CARD:
		return mask_card(v, buf);
	case VK_STATE:
		n = db_int(res, i);
		if (c->names == NULL || n < 0 || (uint64_t)n >= c->nnames)
			return NULL;
		return c->names[n];
	case VK_FLAG:
		return db_int(res, i) != 0 ? "1" : NULL;
	default:
		return v;
	}
}

xmlNodePtr
view_fill(xmlNodePtr node, const struct view_col *cols, size_t n,
    struct db_res *res)
{
	const char *v;
	char buf[64];
	int64_t fen;
	size_t i;
	xmlNodePtr e;

	if (n > db_ncols(res))
		n = db_ncols(res);
	for (i = 0; i < n; i++) {
		if (cols[i].name == NULL)
			continue;
		fen = 0;
		v = view_value(&cols[i], res, (int)i, buf, &fen);
		if (cols[i].name[0] == '@')
			view_attr(node, cols[i].name + 1, v);
		else if (strcmp(cols[i].name, ".") == 0) {
			if (v != NULL)
				xmlNodeAddContent(node, (const xmlChar *)v);
		} else {
			e = view_add(node, cols[i].name, v);
			if (cols[i].kind == VK_MONEY && v != NULL)
				view_attrf(e, "fen", "%lld", (long long)fen);
		}
	}
	return node;
}

xmlNodePtr
view_row(xmlNodePtr parent, const char *elem, const struct view_col *cols,
    size_t n, struct db_res *res)
{
	return view_fill(view_add(parent, elem, NULL), cols, n, res);
}

void
view_paging_init(struct view_paging *pg, const char *page, int64_t per)
{
	long long v;

	pg->per = per > 0 ? per : 1;
	pg->total = 0;
	pg->page = page != NULL && valid_int(page, 1, 1000000000LL, &v, NULL) ?
	    v : 1;
}

int64_t
view_paging_offset(const struct view_paging *pg)
{
	return (pg->page - 1) * pg->per;
}

int64_t
view_rows(xmlNodePtr list, const char *elem, const struct view_col *cols,
    size_t n, struct db_res *res, const struct view_paging *pg)
{
	int64_t rows = 0;
	int rc;

	while ((rc = db_next(res)) == 1) {
		view_row(list, elem, cols, n, res);
		rows++;
	}
	if (pg != NULL)
		view_paging_attrs(list, pg, rows);
	return rc < 0 ? -1 : rows;
}

void
view_paging_attrs(xmlNodePtr list, const struct view_paging *pg, int64_t rows)
{
	int64_t from = rows ? view_paging_offset(pg) + 1 : 0;

	view_attrf(list, "total", "%lld", (long long)pg->total);
	view_attrf(list, "page", "%lld", (long long)pg->page);
	view_attrf(list, "pages", "%lld",
	    (long long)((pg->total + pg->per - 1) / pg->per));
	view_attrf(list, "per", "%lld", (long long)pg->per);
	view_attrf(list, "from", "%lld", (long long)from);
	view_attrf(list, "to", "%lld", (long long)(rows ? from + rows - 1 : 0));
}
