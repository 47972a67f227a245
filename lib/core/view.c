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

#include "htmlout.h"
#include "log.h"
#include "money.h"
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
