/*
 * test_mhome.c -- the member's home as its stylesheet draws it from the
 * page (member/home.xsl): the 工会资讯 list from an <articles> element
 * (title and date linking to /m/article?id=, the cover's thumbnail when
 * there is one; 暂无资讯 when there are none), and the unread badge in the
 * header and on the 消息 tile (99+ above 99, none at 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "tap.h"
#include "view.h"

static const char *const sheets[] = { "error.xsl", "member/home.xsl" };

static htmlDocPtr html;

/* Render the page with member/home.xsl and keep it parsed; 1 when done. */
static int
render(xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int len = 0;

	if (html)
		xmlFreeDoc(html);
	html = NULL;
	if (!view_render(1, doc, &out, &len))
		return 0;
	html = htmlReadMemory((const char *)out, len, NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	xmlFree(out);
	return html != NULL;
}

/* The string value of XPath `expr` on the last page (static). */
static const char *
xp(const char *expr)
{
	static char buf[512];
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr o;
	xmlChar *t;

	buf[0] = '\0';
	if (html == NULL || (ctx = xmlXPathNewContext(html)) == NULL)
		return buf;
	if ((o = xmlXPathEvalExpression((const xmlChar *)expr, ctx)) != NULL) {
		t = xmlXPathCastToString(o);
		snprintf(buf, sizeof(buf), "%s", (char *)t);
		xmlFree(t);
		xmlXPathFreeObject(o);
	}
	xmlXPathFreeContext(ctx);
	return buf;
}

/* A member's home page document with `unread` messages unread. */
static xmlDocPtr
home(const char *unread)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr page = xmlNewNode(NULL, (const xmlChar *)"page"), u, m;

	xmlDocSetRootElement(doc, page);
	view_attr(page, "portal", "/m/");
	view_attr(page, "portal-title", "职工互助保障");
	u = view_add(page, "user", NULL);
	view_attr(u, "name", "李树杭");
	view_attr(u, "kind", "member");
	view_attr(u, "portal", "/m/");
	view_attr(u, "unread", unread);
	m = view_add(page, "member", NULL);
	view_add(m, "name", "李树杭");
	view_add(m, "unit", "南宁市果品有限公司");
	view_add(m, "id-type", "居民身份证");
	view_add(m, "id-number", "4501**********2119");
	view_add(m, "phone", "135****1589");
	view_add(page, "csrf", "abc");
	return doc;
}

int
main(void)
{
	const char *src = getenv("HZ_SRCDIR");
	char dir[1024];
	xmlDocPtr doc;
	xmlNodePtr list, a;

	setenv("HZ_VIEW_CHECK", "1", 1);
	snprintf(dir, sizeof(dir), "%s/xslt", src ? src : ".");
	ok(view_init(dir, sheets, 2), "member/home.xsl compiles");

	doc = home("0");
	ok(render(doc), "a home without <articles> renders");
	is_str(xp("normalize-space(//section[@id='news']//h2)"), "工会资讯",
	    "工会资讯 has its place");
	is_str(xp("normalize-space(//*[@id='no-articles'])"), "暂无资讯",
	    "... 暂无资讯");
	is_str(xp("count(//*[@id='hdr-unread'] | //*[@id='tile-unread'])"),
	    "0", "no badge at 0 unread");
	is_str(xp("string(//header//a[@id='hdr-messages']/@href)"),
	    "/m/messages", "the header still links 消息");
	is_str(xp("count(//*[contains(., '即将开放')])"), "0",
	    "nothing 即将开放");
	xmlFreeDoc(doc);

	doc = home("120");
	list = view_add(xmlDocGetRootElement(doc), "articles", NULL);
	a = view_add(list, "article", NULL);
	view_attr(a, "id", "7");
	view_add(a, "title", "关于开展2027年度职工医疗互助保障活动的通知 <b>");
	view_attr(a, "at", "2026-11-29");
	view_attr(a, "cover", "/m/article/cover?id=7");
	a = view_add(list, "article", NULL);
	view_attr(a, "id", "5");
	view_add(a, "title", "工会送温暖");
	view_attr(a, "at", "2026-11-20");
	ok(render(doc), "a home with two articles renders");
	is_str(xp("count(//ul[@id='articles']/li)"), "2", "two articles");
	is_str(xp("string(//ul[@id='articles']/li[1]/a/@href)"),
	    "/m/article?id=7", "each links to /m/article?id=");
	is_str(xp("normalize-space(//ul[@id='articles']/li[1]//"
	    "*[@class='article-title'])"),
	    "关于开展2027年度职工医疗互助保障活动的通知 <b>",
	    "its title, as text");
	is_str(xp("normalize-space(//ul[@id='articles']/li[1]//time)"),
	    "2026-11-29", "its date");
	is_str(xp("string(//ul[@id='articles']/li[1]//img[@class='cover']/@src)"),
	    "/m/article/cover?id=7", "a cover as a thumbnail");
	is_str(xp("count(//ul[@id='articles']/li[2]//img)"), "0",
	    "none without one");
	is_str(xp("count(//*[@id='no-articles'])"), "0", "no 暂无资讯");
	is_str(xp("normalize-space(//*[@id='hdr-unread'])"), "99+",
	    "120 unread: 99+ in the header");
	is_str(xp("normalize-space(//*[@id='tile-unread'])"), "99+",
	    "... and on the tile");
	xmlFreeDoc(doc);

	/* The badge's edge: 99 is said as it is, one more is 99+. */
	doc = home("99");
	ok(render(doc), "99 unread renders");
	is_str(xp("normalize-space(//*[@id='hdr-unread'])"), "99",
	    "99 unread: 99 in the header");
	is_str(xp("normalize-space(//*[@id='tile-unread'])"), "99",
	    "... and on the tile");
	xmlFreeDoc(doc);
	doc = home("100");
	ok(render(doc), "100 unread renders");
	is_str(xp("normalize-space(//*[@id='hdr-unread'])"), "99+",
	    "100 unread: 99+ in the header");
	is_str(xp("normalize-space(//*[@id='tile-unread'])"), "99+",
	    "... and on the tile");
	xmlFreeDoc(doc);
	if (html)
		xmlFreeDoc(html);
	return tap_done();
}
