/*
 * htmlclean.c -- rebuild an editor's HTML from a whitelist (htmlclean.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>
#include <libxml/tree.h>

#include "htmlclean.h"

/* Deeper than this, an element's text is kept without its markup. */
#define MAX_DEPTH	24
/* The longest address kept (a link's or an image's). */
#define MAX_URL		2000

/* What happens to an element. */
enum keep {
	K_UNWRAP,	/* not allowed: its children take its place */
	K_DROP,		/* dropped with everything inside */
	K_KEEP,		/* rebuilt (attributes by its own rule) */
	K_VOID,		/* rebuilt, never has children */
};

static const struct {
	const char	*name;
	enum keep	 keep;
	const char	*as;	/* the name it is rebuilt as */
} elems[] = {
	{ "p", K_KEEP, "p" },
	{ "br", K_VOID, "br" },
	{ "b", K_KEEP, "b" },
	{ "strong", K_KEEP, "b" },
	{ "ul", K_KEEP, "ul" },
	{ "ol", K_KEEP, "ol" },
	{ "li", K_KEEP, "li" },
	{ "a", K_KEEP, "a" },
	{ "img", K_VOID, "img" },
	/* dropped with their content: code, styles, frames, forms' insides */
	{ "script", K_DROP, NULL },
	{ "style", K_DROP, NULL },
	{ "iframe", K_DROP, NULL },
	{ "frame", K_DROP, NULL },
	{ "frameset", K_DROP, NULL },
	{ "object", K_DROP, NULL },
	{ "embed", K_DROP, NULL },
	{ "applet", K_DROP, NULL },
	{ "noscript", K_DROP, NULL },
	{ "noembed", K_DROP, NULL },
	{ "noframes", K_DROP, NULL },
	{ "template", K_DROP, NULL },
	{ "svg", K_DROP, NULL },
	{ "math", K_DROP, NULL },
	{ "head", K_DROP, NULL },
	{ "title", K_DROP, NULL },
	{ "meta", K_DROP, NULL },
	{ "link", K_DROP, NULL },
	{ "base", K_DROP, NULL },
	{ "textarea", K_DROP, NULL },
	{ "select", K_DROP, NULL },
	{ "button", K_DROP, NULL },
	{ "input", K_DROP, NULL },
	{ "video", K_DROP, NULL },
	{ "audio", K_DROP, NULL },
	{ "canvas", K_DROP, NULL },
	{ "xmp", K_DROP, NULL },
	{ "plaintext", K_DROP, NULL },
};

/* The rule for element `name`, and its kept name into *as. */
static enum keep
rule_of(const xmlChar *name, const char **as)
{
	size_t i;

	*as = NULL;
	for (i = 0; i < sizeof(elems) / sizeof(elems[0]); i++)
		if (strcasecmp((const char *)name, elems[i].name) == 0) {
			*as = elems[i].as;
			return elems[i].keep;
		}
	return K_UNWRAP;
}

int
html_href_ok(const char *href)
{
	const unsigned char *p;
	size_t n;

	if (href == NULL || *href == '\0' || (n = strlen(href)) > MAX_URL)
		return 0;
	for (p = (const unsigned char *)href; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	if (strncasecmp(href, "http://", 7) == 0 && n > 7)
		return 1;
	if (strncasecmp(href, "https://", 8) == 0 && n > 8)
		return 1;
	if (href[0] == '/' && href[1] == '/')
		return 0;	/* another host, scheme unsaid */
	/* Relative: no scheme before the first / ? or #. */
	n = strcspn(href, ":/?#");
	return href[n] != ':';
}

/* An attribute's value (NULL when absent); xmlFree() it. */
static xmlChar *
attr_of(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((xmlNodePtr)a);
	return NULL;
}

struct clean {
	xmlDocPtr	 doc;		/* the output's document */
	html_img_fn	 img;
	void		*arg;
};

static void clean_children(struct clean *c, xmlNodePtr from, xmlNodePtr to,
    int depth);

/*
 * The characters of `t` an XML text may hold, as valid UTF-8: bytes that
 * are not UTF-8, controls and carriage returns (a textarea's line ends
 * are CR LF; the stored text keeps LF alone) are left out.  Returns a
 * copy to xmlFree(), or NULL.
 */
/*
 * The code point at p (strict UTF-8, RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF) with its length in *len, or -1 with
 * *len 1.  (libxml2's xmlGetUTF8Char takes a stray continuation byte for
 * a lead byte.)
 */
static long
utf8_at(const unsigned char *p, int *len)
{
	long c;
	int n, i;

	*len = 1;
	if (p[0] < 0x80)
		return p[0];
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, c = p[0] & 0x07;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return -1;
	*len = n;
	return c;
}

static xmlChar *
chars_of(const xmlChar *t)
{
	xmlChar *copy, *w;
	const xmlChar *r;
	long ch;
	int len;

	if (t == NULL || (copy = xmlStrdup(t)) == NULL)
		return NULL;
	for (r = t, w = copy; *r; r += len) {
		if ((ch = utf8_at(r, &len)) < 0)
			continue;	/* not UTF-8: a byte skipped */
		if (ch == '\r' || !xmlIsCharQ(ch) || (ch < 0x20 && ch != '\n' &&
		    ch != '\t'))
			continue;
		memcpy(w, r, (size_t)len);
		w += len;
	}
	*w = '\0';
	return copy;
}

/* Whether t is strict UTF-8 of characters an XML text may hold. */
static int
utf8_ok(const xmlChar *t)
{
	long ch;
	int len;

	for (; *t; t += len)
		if ((ch = utf8_at(t, &len)) < 0 || !xmlIsCharQ(ch))
			return 0;
	return 1;
}

/* Add text `t` under `to`, as chars_of() keeps it. */
static void
add_plain(struct clean *c, const xmlChar *t, xmlNodePtr to)
{
	xmlChar *copy = chars_of(t);

	if (copy && *copy)
		xmlAddChild(to, xmlNewDocText(c->doc, copy));
	xmlFree(copy);
}

/* Add the text of `n` (all of it, no markup) under `to`. */
static void
add_text(struct clean *c, xmlNodePtr n, xmlNodePtr to)
{
	xmlChar *t = xmlNodeGetContent(n);

	add_plain(c, t, to);
	xmlFree(t);
}

/* Whether node `to` is the element `name`. */
static int
is(xmlNodePtr to, const char *name)
{
	return to && to->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(to->name, (const xmlChar *)name);
}

/*
 * Whether a kept element `as` may stand under `to` so that the HTML
 * parser reads the stored text back as the same tree (else it is
 * unwrapped): an item only in a list; a paragraph or a list only at the
 * top or in an item; a link never in a link.
 */
static int
fits(const char *as, xmlNodePtr to)
{
	int top = !is(to, "p") && !is(to, "b") && !is(to, "a") &&
	    !is(to, "li") && !is(to, "ul") && !is(to, "ol");
	xmlNodePtr up;

	if (strcmp(as, "li") == 0)
		return is(to, "ul") || is(to, "ol");
	if (strcmp(as, "p") == 0 || strcmp(as, "ul") == 0 ||
	    strcmp(as, "ol") == 0)
		return top || is(to, "li");
	if (strcmp(as, "a") == 0)
		for (up = to; up && up->type == XML_ELEMENT_NODE;
		    up = up->parent)
			if (is(up, "a"))
				return 0;
	return 1;
}

/* Rebuild element `n` under `to` by its rule. */
static void
clean_element(struct clean *c, xmlNodePtr n, xmlNodePtr to, int depth)
{
	const char *as;
	enum keep k = rule_of(n->name, &as);
	xmlNodePtr e;
	xmlChar *v, *alt;
	char src[MAX_URL + 1];

	if (k == K_DROP)
		return;
	if (depth >= MAX_DEPTH) {
		add_text(c, n, to);
		return;
	}
	if (k == K_UNWRAP || !fits(as, to)) {
		clean_children(c, n, to, depth + 1);
		return;
	}
	e = xmlNewDocNode(c->doc, NULL, (const xmlChar *)as, NULL);
	if (strcmp(as, "a") == 0) {
		v = attr_of(n, "href");
		if (v && html_href_ok((const char *)v) && utf8_ok(v)) {
			xmlNewProp(e, (const xmlChar *)"href", v);
			xmlNewProp(e, (const xmlChar *)"rel",
			    (const xmlChar *)"noopener noreferrer");
		}
		xmlFree(v);
	} else if (strcmp(as, "img") == 0) {
		v = attr_of(n, "src");
		if (v == NULL || c->img == NULL || strlen((char *)v) > MAX_URL ||
		    !utf8_ok(v) ||
		    !c->img((const char *)v, src, sizeof(src), c->arg) ||
		    !utf8_ok((const xmlChar *)src)) {
			xmlFree(v);
			xmlFreeNode(e);
			return;
		}
		xmlFree(v);
		xmlNewProp(e, (const xmlChar *)"src", (const xmlChar *)src);
		v = attr_of(n, "alt");
		alt = chars_of(v);
		xmlFree(v);
		xmlNewProp(e, (const xmlChar *)"alt", alt ? alt :
		    (const xmlChar *)"");
		xmlFree(alt);
	}
	/* A link without an address is its text alone. */
	if (strcmp(as, "a") == 0 && e->properties == NULL) {
		xmlFreeNode(e);
		clean_children(c, n, to, depth + 1);
		return;
	}
	/* In place first, so its children see where they stand (fits). */
	xmlAddChild(to, e);
	if (k == K_KEEP)
		clean_children(c, n, e, depth + 1);
	/* An element left empty goes (its XML form <p/> would not read
	 * back as HTML). */
	if (k == K_KEEP && e->children == NULL) {
		xmlUnlinkNode(e);
		xmlFreeNode(e);
	}
}

/* Rebuild the children of `from` under `to`. */
static void
clean_children(struct clean *c, xmlNodePtr from, xmlNodePtr to, int depth)
{
	xmlNodePtr n;

	for (n = from->children; n; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			add_plain(c, n->content, to);
			break;
		case XML_ELEMENT_NODE:
			clean_element(c, n, to, depth);
			break;
		default:	/* comments, processing instructions, ... */
			break;
		}
	}
}

/* The <body> of a parsed page, or its root when it has none. */
static xmlNodePtr
body_of(xmlDocPtr d)
{
	xmlNodePtr root = xmlDocGetRootElement(d), n;

	if (root == NULL)
		return NULL;
	for (n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcasecmp((const char *)n->name, "body") == 0)
			return n;
	return root;
}

/* Whether a kept node stands on its own at the top (a block). */
static int
is_block(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && (xmlStrEqual(n->name,
	    (const xmlChar *)"p") || xmlStrEqual(n->name, (const xmlChar *)"ul") ||
	    xmlStrEqual(n->name, (const xmlChar *)"ol"));
}

/* Whether n is text of blanks only. */
static int
is_blank(xmlNodePtr n)
{
	const xmlChar *t = n->content;

	if (n->type != XML_TEXT_NODE)
		return 0;
	while (t && (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r'))
		t++;
	return t == NULL || *t == '\0';
}

/*
 * The top level holds blocks only: a run of inline nodes (text, bold,
 * links, images, breaks) from `from` on goes into a paragraph of its own,
 * as the HTML parser would put it when the text is read again; blank text
 * between blocks goes.
 */
static void
wrap_inline(struct clean *c, xmlNodePtr from)
{
	xmlNodePtr n, next, p = NULL;

	for (n = from; n; n = next) {
		next = n->next;
		if (is_block(n)) {
			p = NULL;
			continue;
		}
		if (p == NULL && is_blank(n)) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			continue;
		}
		if (p == NULL) {
			p = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"p",
			    NULL);
			xmlAddPrevSibling(n, p);
		}
		xmlUnlinkNode(n);
		xmlAddChild(p, n);
	}
}

int
html_clean_into(const char *in, size_t len, xmlNodePtr parent,
    html_img_fn img, void *arg)
{
	struct clean c = { parent->doc, img, arg };
	xmlNodePtr body, last;
	xmlDocPtr d;
	int n = 0;

	if (len == 0)
		return 0;
	if (len > (size_t)INT32_MAX)
		return -1;
	d = htmlReadMemory(in, (int)len, NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	if (d == NULL)
		return -1;
	last = parent->last;
	if ((body = body_of(d)) != NULL)
		clean_children(&c, body, parent, 0);
	xmlFreeDoc(d);
	wrap_inline(&c, last ? last->next : parent->children);
	for (last = last ? last->next : parent->children; last;
	    last = last->next)
		n++;
	return n;
}

char *
html_clean(const char *in, size_t len, html_img_fn img, void *arg)
{
	xmlDocPtr d;
	xmlNodePtr root, n;
	xmlBufferPtr buf;
	char *out = NULL;

	if ((d = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
		return NULL;
	d->encoding = xmlStrdup((const xmlChar *)"UTF-8");	/* text as is */
	root = xmlNewDocNode(d, NULL, (const xmlChar *)"div", NULL);
	xmlDocSetRootElement(d, root);
	if ((buf = xmlBufferCreate()) == NULL) {
		xmlFreeDoc(d);
		return NULL;
	}
	/* One block a line, so the editor's textarea reads well. */
	if (html_clean_into(in, len, root, img, arg) >= 0)
		for (n = root->children; n; n = n->next) {
			xmlNodeDump(buf, d, n, 0, 0);
			if (n->next)
				xmlBufferCCat(buf, "\n");
		}
	out = strdup(xmlBufferLength(buf) > 0 ?
	    (const char *)xmlBufferContent(buf) : "");
	xmlBufferFree(buf);
	xmlFreeDoc(d);
	return out;
}
