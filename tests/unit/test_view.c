/*
 * test_view.c -- every stylesheet compiles; user data is escaped by the
 * serializer, which writes what libxml2 would; the security preferences
 * stop document() from reading files; view_row() and view_rows() turn
 * result rows into XML by column tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "db.h"
#include "tap.h"
#include "valid.h"
#include "view.h"

static const char *const sheets[] = {
	"error.xsl", "member/bind.xsl", "member/home.xsl", "unit/login.xsl",
	"unit/profile.xsl", "unit/home.xsl", "unit/password.xsl",
	"unit/forgot.xsl", "office/login.xsl", "office/home.xsl",
	"office/users.xsl", "unit/roster.xsl", "unit/member.xsl",
	"unit/import.xsl", "unit/invoice.xsl", "unit/staff.xsl",
	"unit/promise.xsl", "office/orgs.xsl", "office/search.xsl",
};
#define NSHEETS (sizeof(sheets) / sizeof(sheets[0]))

/* The text of XPath `expr` evaluated at `node`'s document. */
static char *
xp(xmlNodePtr node, const char *expr)
{
	static char buf[256];
	xmlXPathContextPtr ctx = xmlXPathNewContext(node->doc);
	xmlXPathObjectPtr o;
	xmlChar *t;

	buf[0] = '\0';
	ctx->node = node;
	if ((o = xmlXPathEvalExpression((const xmlChar *)expr, ctx)) != NULL) {
		t = xmlXPathCastToString(o);
		snprintf(buf, sizeof(buf), "%s", (char *)t);
		xmlFree(t);
		xmlXPathFreeObject(o);
	}
	xmlXPathFreeContext(ctx);
	return buf;
}

static const char *const states[] = { "draft", "review1", NULL, "approved" };

/* One row of every kind, then the same row all NULL. */
static void
test_row_kinds(void)
{
	static const struct view_col cols[] = {
		{ "@id", VK_INT, NULL, 0 },
		{ "name", VK_TEXT, NULL, 0 },
		{ "amount", VK_MONEY, NULL, 0 },
		{ "@fee", VK_MONEY, NULL, 0 },
		{ "birth", VK_DATE, NULL, 0 },
		{ "at", VK_TIME, NULL, 0 },
		{ "id-number", VK_ID, NULL, 0 },
		{ "phone", VK_PHONE, NULL, 0 },
		{ "card", VK_CARD, NULL, 0 },
		{ "@state", VK_STATE, states, 4 },
		{ "id-type", VK_STATE, id_type_labels, ID__MAX },
		{ "@flag", VK_FLAG, NULL, 0 },
		{ NULL, VK_TEXT, NULL, 0 },	/* left out */
		{ ".", VK_TEXT, NULL, 0 },
	};
	static const char *const cells[] = {
		"007", "<王>&𠀾", "832304", "100", "1970-03-07", "2026-02-03 09:08:07",
		"110105194912310021", "13800138000", "6228480402564890018",
		"3", "1", "2", "secret", "text",
		/* row 2: NULL everywhere but the id */
		"8", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		NULL, NULL, NULL, NULL, NULL,
		/* row 3: numbers out of the names' range, a zero flag */
		"9", "", "-5", "0", "1970-03-07", "x", "", "", "",
		"2", "9", "0", "", "",
	};
	const size_t n = sizeof(cols) / sizeof(cols[0]);
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"list"), r;
	struct db_res *res;

	xmlDocSetRootElement(doc, root);
	res = db_rows(n, 3, cells);
	ok(res != NULL, "db_rows makes an in-memory result");
	ok(db_next(res) == 1, "first row");
	r = view_row(root, "item", cols, n, res);
	is_str((char *)r->name, "item", "view_row names the element");
	is_str(xp(r, "string(@id)"), "7", "VK_INT: an attribute, canonical");
	is_str(xp(r, "string(name)"), "<王>&𠀾", "VK_TEXT: as stored, escaped by the serializer");
	is_str(xp(r, "string(amount)"), "8,323.04", "VK_MONEY: formatted");
	is_str(xp(r, "string(amount/@fen)"), "832304", "... with fen=");
	is_str(xp(r, "string(@fee)"), "1.00", "VK_MONEY as an attribute: the text");
	is_str(xp(r, "string(birth)"), "1970-03-07", "VK_DATE");
	is_str(xp(r, "string(at)"), "2026-02-03 09:08", "VK_TIME: to the minute");
	is_str(xp(r, "string(id-number)"), "1101**********0021", "VK_ID masked");
	is_str(xp(r, "string(phone)"), "138****8000", "VK_PHONE masked");
	is_str(xp(r, "string(card)"), "6228 **** **** 0018", "VK_CARD masked");
	is_str(xp(r, "string(@state)"), "approved", "VK_STATE: by name");
	is_str(xp(r, "string(id-type)"), "居民身份证", "VK_STATE over id_type_labels");
	is_str(xp(r, "string(@flag)"), "1", "VK_FLAG set");
	ok(strstr(xp(r, "string(.)"), "secret") == NULL, "a NULL name leaves the column out");
	ok(strstr(xp(r, "string(.)"), "text") != NULL, "\".\": the row's own text");
	is_int(atoi(xp(r, "count(*)")), 8, "one child per element column");

	ok(db_next(res) == 1, "second row");
	r = view_row(root, "item", cols, n, res);
	is_int(atoi(xp(r, "count(*)")), 8, "NULL columns: the children are still there");
	is_str(xp(r, "string(.)"), "", "... empty");
	is_int(atoi(xp(r, "count(amount/@fen)")), 0, "... a NULL amount has no fen");
	is_int(atoi(xp(r, "count(@*)")), 1, "... and no attributes but the id");
	is_str(xp(r, "string(phone)"), "", "a NULL phone is not masked into stars");

	ok(db_next(res) == 1, "third row");
	r = view_row(root, "item", cols, n, res);
	is_str(xp(r, "string(amount)"), "-0.05", "VK_MONEY negative");
	is_str(xp(r, "string(@fee)"), "0.00", "VK_MONEY zero");
	is_int(atoi(xp(r, "count(@state)")), 0, "VK_STATE: a NULL name is no attribute");
	is_str(xp(r, "string(id-type)"), "", "VK_STATE: out of range is empty");
	is_int(atoi(xp(r, "count(@flag)")), 0, "VK_FLAG 0: no attribute");
	ok(db_next(res) == 0, "end of the rows");
	db_done(res);
	db_done(NULL);
	xmlFreeDoc(doc);
}

/* view_rows over a page of a longer list; short tables; no paging. */
static void
test_rows_paging(void)
{
	static const struct view_col cols[] = {
		{ "@id", VK_INT, NULL, 0 },
		{ ".", VK_TEXT, NULL, 0 },
	};
	static const char *const cells[] = { "41", "a", "42", "b", "43", "c" };
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"page"), l;
	struct view_paging pg;
	struct db_res *res;

	xmlDocSetRootElement(doc, root);
	view_paging_init(&pg, "3", 20);
	is_int(pg.page, 3, "page 3");
	is_int(view_paging_offset(&pg), 40, "... starts at row 40");
	view_paging_init(&pg, "0", 20);
	is_int(pg.page, 1, "page 0 is page 1");
	view_paging_init(&pg, "x2", 20);
	is_int(pg.page, 1, "a bad page is page 1");
	view_paging_init(&pg, NULL, 20);
	is_int(pg.page, 1, "no page is page 1");
	view_paging_init(&pg, "99999999999999999999", 20);
	is_int(pg.page, 1, "an absurd page is page 1");

	view_paging_init(&pg, "3", 20);
	pg.total = 43;
	l = view_add(root, "list", NULL);
	res = db_rows(2, 3, cells);
	is_int(view_rows(l, "item", cols, 2, res, &pg), 3, "view_rows: 3 rows");
	db_done(res);
	is_str(xp(l, "string(@total)"), "43", "total");
	is_str(xp(l, "string(@page)"), "3", "page");
	is_str(xp(l, "string(@pages)"), "3", "pages");
	is_str(xp(l, "string(@from)"), "41", "from");
	is_str(xp(l, "string(@to)"), "43", "to");
	is_str(xp(l, "string(item[2])"), "b", "rows in order");
	is_str(xp(l, "string(item[3]/@id)"), "43", "... each by the table");

	l = view_add(root, "empty", NULL);
	pg.total = 0;
	res = db_rows(2, 0, cells);
	is_int(view_rows(l, "item", cols, 2, res, &pg), 0, "an empty result");
	db_done(res);
	is_str(xp(l, "string(@pages)"), "0", "... 0 pages");
	is_str(xp(l, "string(@from)"), "0", "... from 0");

	l = view_add(root, "plain", NULL);
	res = db_rows(2, 2, cells);
	is_int(view_rows(l, "item", cols, 9, res, NULL), 2,
	    "no paging; a table longer than the row is cut to the row");
	db_done(res);
	is_int(atoi(xp(l, "count(@*)")), 0, "... and no paging attributes");
	xmlFreeDoc(doc);
}

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
	test_row_kinds();
	test_rows_paging();
	return tap_done();
}
