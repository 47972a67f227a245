/*
 * test_view.c -- every stylesheet compiles; user data is escaped by the
 * serializer, which writes what libxml2 would; the security preferences
 * stop document() from reading files.
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
	xmlDocPtr doc, doc2;
	xmlNodePtr page, form;
	xmlChar *out;
	int len;
	FILE *f;

	/* Pages are written by lib/core/htmlout.c; compare with libxml2's. */
	setenv("HZ_VIEW_CHECK", "1", 1);
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

	/*
	 * htmlout.c writes what libxml2 would, byte for byte (view.c compares
	 * them here): quotes, URIs, boolean and empty elements, raw text,
	 * control bytes, libxml2's "&{" and "<!--" in attributes.
	 */
	snprintf(path, sizeof(path), "/tmp/hz-test-view-%d.xsl", (int)getpid());
	if ((f = fopen(path, "w")) != NULL) {
		fputs("<xsl:stylesheet version='1.0' "
		    "xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		    "<xsl:output method='html' encoding='UTF-8' indent='no' "
		    "doctype-system='about:legacy-compat'/>"
		    "<xsl:template match='/page'><html><head><title>t</title>"
		    "<style>a > b { x: '&amp;' }</style></head><body>"
		    "<p title='{t}' data-x='{q}'><xsl:value-of select='t'/></p>"
		    "<a href=' {u}' name='{u}' class='{u}'>x</a>"
		    "<form action='{u}'><input type='checkbox' checked='checked' "
		    "value=''/><select><option selected='selected'>1</option>"
		    "</select></form><img src='{u}'/><br>lost</br><li/><p/>"
		    "<script>if (a &lt; b &amp;&amp; c) {}</script>"
		    "<xsl:comment> c </xsl:comment><xsl:processing-instruction "
		    "name='pi'>x</xsl:processing-instruction>"
		    "<xsl:value-of select='t' disable-output-escaping='yes'/>"
		    "<span x='{s}'><xsl:value-of select='s'/></span>"
		    "</body></html></xsl:template></xsl:stylesheet>", f);
		fclose(f);
	}
	doc2 = xmlNewDoc((const xmlChar *)"1.0");
	page = xmlNewNode(NULL, (const xmlChar *)"page");
	xmlDocSetRootElement(doc2, page);
	view_add(page, "t", "a<b>&c \"d\" 'e' 职工\x01\x1f\t\r\n");
	view_add(page, "q", "only \"double\"");
	view_add(page, "u", "/m/a b?x=1&y=职工#z\"'");
	view_add(page, "s", "&{x} <!-- y --> &{ <!--");
	out = NULL;
	ok(view_render_file(path, doc2, &out, &len), "htmlout.c and libxml2 agree");
	ok(out && strstr((char *)out, "<br><li><p></p>") != NULL,
	    "empty elements as libxml2 writes them");
	ok(out && strstr((char *)out, "checked=") == NULL &&
	    strstr((char *)out, "<input type=\"checkbox\" checked value=\"\">") !=
	    NULL, "boolean attributes minimized");
	xmlFree(out);
	xmlFreeDoc(doc2);
	unlink(path);

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
