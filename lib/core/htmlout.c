/*
 * htmlout.c -- the HTML output method, written for speed.
 *
 * Byte for byte what libxml2 2.9's htmlDocContentDumpFormatOutput() writes
 * without indentation (HTMLtree.c, htmlNodeDumpFormatOutput, and the
 * escaping of entities.c, xmlEncodeEntitiesInternal, for an HTML document).
 * libxml2 spends ~2000 instructions on each attribute (a malloc'd copy of
 * the value, an escaped copy of that, seventeen case-blind comparisons)
 * and ~150 on each string it appends; this writes straight into one
 * buffer.  Anything it does not handle (namespaces, entity references in
 * attributes, unusual node types in attributes) makes it give up, and the
 * caller serializes with libxml2 instead.  view.c compares the two on
 * every page when HZ_VIEW_CHECK is set (the test stack sets it).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include "htmlout.h"

struct sbuf {
	xmlChar		*p;
	size_t		 n, cap;
	int		 oom;
};

static void
grow(struct sbuf *b, size_t n)
{
	xmlChar *np;
	size_t cap = b->cap ? b->cap : 4096;

	while (b->n + n + 1 > cap)
		cap *= 2;
	if ((np = xmlRealloc(b->p, cap)) == NULL) {
		b->oom = 1;
		return;
	}
	b->p = np;
	b->cap = cap;
}

/* Append n bytes (room is always kept for a final NUL). */
static inline void
put(struct sbuf *b, const void *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		if (b->oom)
			return;
		grow(b, n);
		if (b->oom)
			return;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
puts_(struct sbuf *b, const xmlChar *s)
{
	put(b, s, strlen((const char *)s));
}

#define PUTL(b, lit)	put((b), (lit), sizeof(lit) - 1)

/*
 * xmlEncodeEntitiesInternal() for an HTML document: < > & escaped, other
 * bytes from 0x20 up and tab, newline and CR copied, other control bytes
 * dropped.  In attributes, "<!--...-->" and "&{...}" pass unescaped
 * (server-side includes and HTML 4's B.7.1, as libxml2 has it).
 */
static void
escape(struct sbuf *b, const xmlChar *s, int attr)
{
	const xmlChar *run = s, *end;

	for (; *s; s++) {
		if (*s >= 0x20 && *s != '<' && *s != '>' && *s != '&')
			continue;
		if (*s == '\n' || *s == '\t' || *s == '\r')
			continue;
		put(b, run, (size_t)(s - run));
		run = s + 1;
		if (*s == '<') {
			if (attr && s[1] == '!' && s[2] == '-' && s[3] == '-' &&
			    (end = (const xmlChar *)strstr((const char *)s,
			    "-->")) != NULL) {
				put(b, s, (size_t)(end + 3 - s));
				s = end + 2;
				run = s + 1;
			} else
				PUTL(b, "&lt;");
		} else if (*s == '>')
			PUTL(b, "&gt;");
		else if (*s == '&') {
			if (attr && s[1] == '{' &&
			    (end = (const xmlChar *)strchr((const char *)s,
			    '}')) != NULL) {
				put(b, s, (size_t)(end + 1 - s));
				s = end;
				run = s + 1;
			} else
				PUTL(b, "&amp;");
		}
		/* other control bytes: dropped */
	}
	put(b, run, (size_t)(s - run));
}

/* xmlBufWriteQuotedString() */
static void
quoted(struct sbuf *b, const xmlChar *s)
{
	const xmlChar *run;

	if (strchr((const char *)s, '"') == NULL) {
		PUTL(b, "\"");
		puts_(b, s);
		PUTL(b, "\"");
	} else if (strchr((const char *)s, '\'') == NULL) {
		PUTL(b, "'");
		puts_(b, s);
		PUTL(b, "'");
	} else {
		PUTL(b, "\"");
		for (run = s; *s; s++)
			if (*s == '"') {
				put(b, run, (size_t)(s - run));
				PUTL(b, "&quot;");
				run = s + 1;
			}
		put(b, run, (size_t)(s - run));
		PUTL(b, "\"");
	}
}

/* xmlStrcasecmp(a, b) == 0, b lower case: libxml2 folds ASCII only. */
static int
ci_eq(const xmlChar *a, const char *b)
{
	if (a == NULL)
		return 0;
	for (; *b; a++, b++)
		if ((*a >= 'A' && *a <= 'Z' ? *a | 0x20 : *a) != (xmlChar)*b)
			return 0;
	return *a == '\0';
}

/* htmlIsBooleanAttr() */
static int
is_boolean(const xmlChar *name)
{
	static const char *const names[] = {
		"checked", "compact", "declare", "defer", "disabled", "ismap",
		"multiple", "nohref", "noresize", "noshade", "nowrap",
		"readonly", "selected"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (((name[0] | 0x20) == names[i][0]) && ci_eq(name, names[i]))
			return 1;
	return 0;
}

/*
 * htmlTagLookup() remembered per name: result trees name a few dozen
 * elements.  Direct-mapped; a slot holds a copy of the name, so a stale
 * or colliding entry is only a miss.
 */
static const htmlElemDesc *
tag_info(const xmlChar *name)
{
	static struct {
		char			 name[16];
		const htmlElemDesc	*info;
	} memo[64];
	size_t len = strlen((const char *)name), h = len;
	unsigned slot;

	if (len >= sizeof(memo[0].name))
		return htmlTagLookup(name);
	h = h * 31 + name[0];
	h = h * 31 + name[len - 1];
	slot = (unsigned)(h % 64);
	if (strcmp(memo[slot].name, (const char *)name) != 0) {
		memo[slot].info = htmlTagLookup(name);
		memcpy(memo[slot].name, name, len + 1);
	}
	return memo[slot].info;
}

/* htmlAttrDumpOutput(); 0 when the attribute is beyond this file. */
static int
attribute(struct sbuf *b, struct sbuf *tmp, xmlAttrPtr a)
{
	const xmlNode *t;
	const xmlChar *v;
	xmlChar *esc;

	if (a->ns != NULL)
		return 0;
	PUTL(b, " ");
	puts_(b, a->name);
	if (a->children == NULL || is_boolean(a->name))
		return 1;
	/* xmlNodeListGetString(doc, children, 0): text escaped as an attribute */
	tmp->n = 0;
	for (t = a->children; t != NULL; t = t->next) {
		if (t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE)
			return 0;
		if (t->content)
			escape(tmp, t->content, 1);
	}
	PUTL(tmp, "");
	if (tmp->oom)
		return 1;	/* reported by the caller through b */
	tmp->p[tmp->n] = '\0';
	PUTL(b, "=");
	if (a->parent != NULL && a->parent->ns == NULL &&
	    (ci_eq(a->name, "href") || ci_eq(a->name, "action") ||
	    ci_eq(a->name, "src") ||
	    (ci_eq(a->name, "name") && ci_eq(a->parent->name, "a")))) {
		for (v = tmp->p; IS_BLANK_CH(*v); v++)
			;
		if ((esc = xmlURIEscapeStr(v,
		    (const xmlChar *)"@/:=?;#%&,+<>")) != NULL) {
			quoted(b, esc);
			xmlFree(esc);
			return 1;
		}
	}
	quoted(b, tmp->p);
	return 1;
}

/* htmlDtdDumpOutput() */
static void
doctype(struct sbuf *b, xmlDtdPtr d)
{
	PUTL(b, "<!DOCTYPE ");
	puts_(b, d->name);
	if (d->ExternalID != NULL) {
		PUTL(b, " PUBLIC ");
		quoted(b, d->ExternalID);
		if (d->SystemID != NULL) {
			PUTL(b, " ");
			quoted(b, d->SystemID);
		}
	} else if (d->SystemID != NULL &&
	    xmlStrcmp(d->SystemID, (const xmlChar *)"about:legacy-compat")) {
		PUTL(b, " SYSTEM ");
		quoted(b, d->SystemID);
	}
	PUTL(b, ">\n");
}

/* htmlNodeDumpFormatOutput(buf, doc, doc, NULL, 0), iterative as there. */
static int
dump(struct sbuf *b, struct sbuf *tmp, xmlDocPtr doc)
{
	xmlNodePtr cur = (xmlNodePtr)doc, root = cur, parent = cur->parent;
	const htmlElemDesc *info;
	xmlAttrPtr a;

	for (;;) {
		switch (cur->type) {
		case XML_HTML_DOCUMENT_NODE:
		case XML_DOCUMENT_NODE:
			if (((xmlDocPtr)cur)->intSubset != NULL)
				doctype(b, ((xmlDocPtr)cur)->intSubset);
			if (cur->children != NULL) {
				if (cur->parent != parent)
					return 0;
				parent = cur;
				cur = cur->children;
				continue;
			}
			PUTL(b, "\n");
			break;
		case XML_ELEMENT_NODE:
			if (cur->parent != parent || cur->ns != NULL ||
			    cur->nsDef != NULL)
				return 0;
			info = tag_info(cur->name);
			PUTL(b, "<");
			puts_(b, cur->name);
			for (a = cur->properties; a != NULL; a = a->next)
				if (!attribute(b, tmp, a))
					return 0;
			if (info != NULL && info->empty)
				PUTL(b, ">");
			else if (cur->children == NULL) {
				if (info != NULL && info->saveEndTag != 0 &&
				    strcmp(info->name, "html") != 0 &&
				    strcmp(info->name, "body") != 0)
					PUTL(b, ">");
				else {
					PUTL(b, "></");
					puts_(b, cur->name);
					PUTL(b, ">");
				}
			} else {
				PUTL(b, ">");
				parent = cur;
				cur = cur->children;
				continue;
			}
			break;
		case XML_TEXT_NODE:
			if (cur->content == NULL)
				break;
			if (cur->name != xmlStringTextNoenc &&
			    (parent == NULL ||
			    (!ci_eq(parent->name, "script") &&
			    !ci_eq(parent->name, "style"))))
				escape(b, cur->content, 0);
			else
				puts_(b, cur->content);
			break;
		case XML_COMMENT_NODE:
			if (cur->content != NULL) {
				PUTL(b, "<!--");
				puts_(b, cur->content);
				PUTL(b, "-->");
			}
			break;
		case XML_PI_NODE:
			if (cur->name != NULL) {
				PUTL(b, "<?");
				puts_(b, cur->name);
				if (cur->content != NULL) {
					PUTL(b, " ");
					puts_(b, cur->content);
				}
				PUTL(b, ">");
			}
			break;
		case XML_ENTITY_REF_NODE:
			PUTL(b, "&");
			puts_(b, cur->name);
			PUTL(b, ";");
			break;
		case XML_CDATA_SECTION_NODE:	/* HTML_PRESERVE_NODE */
			if (cur->content != NULL)
				puts_(b, cur->content);
			break;
		case XML_ATTRIBUTE_NODE:
			return 0;
		default:	/* the DTD node among the document's children */
			break;
		}
		for (;;) {
			if (cur == root)
				return 1;
			if (cur->next != NULL) {
				cur = cur->next;
				break;
			}
			cur = parent;
			parent = cur->parent;
			if (cur->type == XML_HTML_DOCUMENT_NODE ||
			    cur->type == XML_DOCUMENT_NODE)
				PUTL(b, "\n");
			else {
				PUTL(b, "</");
				puts_(b, cur->name);
				PUTL(b, ">");
			}
		}
	}
}

int
htmlout_doc(xmlDocPtr doc, xmlChar **out, int *len)
{
	struct sbuf b = { NULL, 0, 0, 0 }, tmp = { NULL, 0, 0, 0 };
	int rc;

	*out = NULL;
	*len = 0;
	if (doc->type != XML_HTML_DOCUMENT_NODE)
		return 0;
	rc = dump(&b, &tmp, doc);
	xmlFree(tmp.p);
	if (rc && tmp.oom)
		b.oom = 1;
	PUTL(&b, "");
	if (!rc || b.oom || b.n > INT_MAX) {
		xmlFree(b.p);
		return rc ? -1 : 0;
	}
	b.p[b.n] = '\0';
	*out = b.p;
	*len = (int)b.n;
	return 1;
}
