// fuzz-sources: lib/core/htmlclean.c
// fuzz-libs: libxml-2.0
/*
 * fuzz_htmlclean.c -- libFuzzer harness for lib/core/htmlclean.c.
 *
 * Beyond "no crash, no sanitizer report": the cleaned text holds no
 * element or attribute outside the whitelist (it parses back as XML and
 * every node is checked), no link leaves http(s) or a relative address,
 * images keep only addresses the callback approved, and cleaning the
 * cleaned text changes nothing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "htmlclean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "invariant failed: %s (line %d)\n",	\
		    #cond, __LINE__);					\
		abort();						\
	}								\
} while (0)

/* Approve "/img?id=" followed by digits only. */
static int
img_ok(const char *src, char *out, size_t n, void *arg)
{
	(void)arg;
	if (strncmp(src, "/img?id=", 8) != 0 || src[8] == '\0' ||
	    strspn(src + 8, "0123456789") != strlen(src + 8))
		return 0;
	snprintf(out, n, "%s", src);
	return 1;
}

static int
named(xmlNodePtr n, const char *name)
{
	return xmlStrEqual(n->name, (const xmlChar *)name);
}

/* Every node under n is whitelisted. */
static void
walk(xmlNodePtr n)
{
	xmlAttrPtr a;
	xmlChar *v;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE)
			continue;
		CHECK(n->type == XML_ELEMENT_NODE);
		CHECK(named(n, "p") || named(n, "br") || named(n, "b") ||
		    named(n, "ul") || named(n, "ol") || named(n, "li") ||
		    named(n, "a") || named(n, "img") || named(n, "root"));
		for (a = n->properties; a; a = a->next) {
			v = xmlNodeGetContent((xmlNodePtr)a);
			if (named(n, "a"))
				CHECK((xmlStrEqual(a->name, (const xmlChar *)"href") &&
				    html_href_ok((const char *)v)) ||
				    xmlStrEqual(a->name, (const xmlChar *)"rel"));
			else if (named(n, "img")) {
				char out[2048];

				CHECK((xmlStrEqual(a->name, (const xmlChar *)"src") &&
				    img_ok((const char *)v, out, sizeof(out), NULL)) ||
				    xmlStrEqual(a->name, (const xmlChar *)"alt"));
			} else
				CHECK(0);
			xmlFree(v);
		}
		walk(n->children);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *once, *twice, *wrapped;
	xmlDocPtr d;
	size_t n;

	once = html_clean((const char *)data, size, img_ok, NULL);
	if (once == NULL)
		return 0;
	n = strlen(once);
	wrapped = malloc(n + 16);
	CHECK(wrapped != NULL);
	snprintf(wrapped, n + 16, "<root>%s</root>", once);
	d = xmlReadMemory(wrapped, (int)strlen(wrapped), NULL, "UTF-8",
	    XML_PARSE_NONET);
	CHECK(d != NULL);
	walk(xmlDocGetRootElement(d));
	xmlFreeDoc(d);
	twice = html_clean(once, n, img_ok, NULL);
	CHECK(twice != NULL && strcmp(once, twice) == 0);
	free(once);
	free(twice);
	free(wrapped);
	return 0;
}
