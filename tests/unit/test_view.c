/*
 * test_view.c -- every stylesheet compiles; user data is escaped by the
 * serializer; the security preferences stop document() from reading files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "tap.h"
#include "view.h"

static const char *const sheets[] = {
	"error.xsl", "member/bind.xsl", "member/home.xsl", "unit/login.xsl",
	"unit/profile.xsl", "unit/home.xsl", "unit/password.xsl",
	"unit/forgot.xsl", "office/login.xsl", "office/home.xsl",
	"office/users.xsl",
};
#define NSHEETS (sizeof(sheets) / sizeof(sheets[0]))

int
main(void)
{
	const char *src = getenv("HZ_SRCDIR");
	char dir[1024], path[1100];
	xmlDocPtr doc;
	xmlNodePtr page, form;
	xmlChar *out;
	int len;
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/xslt", src ? src : ".");
	ok(view_init(dir, sheets, NSHEETS), "all %zu stylesheets compile", NSHEETS);

	doc = xmlNewDoc((const xmlChar *)"1.0");
	page = xmlNewNode(NULL, (const xmlChar *)"page");
	xmlDocSetRootElement(doc, page);
	view_attr(page, "portal", "/m/");
	view_attr(page, "portal-title", "职工互助保障");
	view_add(page, "csrf", "abc");
	form = view_add(page, "form", NULL);
	view_field(form, "name", "<script>alert(1)</script>", "姓名中不要出现空格");
	ok(view_render(1, doc, &out, &len), "bind page renders");
	ok(out && strstr((char *)out, "<script>alert(1)</script>") == NULL,
	    "user input is escaped");
	ok(out && strstr((char *)out, "value=\"&lt;script&gt;") != NULL,
	    "... and still shown");
	ok(out && strncmp((char *)out, "<!DOCTYPE html", 14) == 0, "HTML5 doctype");
	ok(out && strstr((char *)out, "姓名中不要出现空格") != NULL, "field error shown");
	xmlFree(out);

	/* A stylesheet that tries to read a file gets nothing. */
	snprintf(path, sizeof(path), "/tmp/hz-test-view-%d.xsl", (int)getpid());
	if ((f = fopen(path, "w")) != NULL) {
		fputs("<xsl:stylesheet version='1.0' "
		    "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		    "<xsl:template match='/'><r><xsl:copy-of "
		    "select=\"document('/etc/passwd')\"/></r></xsl:template>"
		    "</xsl:stylesheet>", f);
		fclose(f);
	}
	out = NULL;
	view_render_file(path, doc, &out, &len);
	ok(out == NULL || strstr((char *)out, "root:") == NULL,
	    "document('/etc/passwd') is forbidden");
	xmlFree(out);
	unlink(path);
	xmlFreeDoc(doc);
	return tap_done();
}
