/*
 * test_htmlclean.c -- the editor's safe subset (lib/core/htmlclean.c):
 * what is stripped (scripts, handlers, javascript: links, styles, frames,
 * images from elsewhere), what is kept (paragraphs, bold, lists, links,
 * uploaded images), and that cleaning the cleaned text changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htmlclean.h"
#include "tap.h"

/* Images: only "/img?id=<digits>", kept as written. */
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

/* The cleaned text of `in` (static). */
static const char *
clean(const char *in)
{
	static char buf[8192];
	char *s = html_clean(in, strlen(in), img_ok, NULL);

	snprintf(buf, sizeof(buf), "%s", s ? s : "(null)");
	free(s);
	return buf;
}

static void
same(const char *in, const char *want, const char *what)
{
	char *once, *twice;

	is_str(clean(in), want, "%s", what);
	once = html_clean(in, strlen(in), img_ok, NULL);
	twice = html_clean(once, strlen(once), img_ok, NULL);
	is_str(twice, once, "%s: cleaning again changes nothing", what);
	free(once);
	free(twice);
}

int
main(void)
{
	same("<p>一段<b>加粗</b>文字</p>", "<p>一段<b>加粗</b>文字</p>",
	    "a paragraph with bold is kept");
	same("<p><strong>重要</strong></p>", "<p><b>重要</b></p>",
	    "strong is kept as bold");
	same("<ul><li>一</li><li>二</li></ul><ol><li>三</li></ol>",
	    "<ul><li>一</li><li>二</li></ul>\n<ol><li>三</li></ol>",
	    "lists are kept, a block a line");
	same("<p>第一行<br>第二行</p>", "<p>第一行<br/>第二行</p>",
	    "a line break is kept");
	same("<p><a href=\"https://www.example.cn/a?b=1&amp;c=2\">链接</a></p>",
	    "<p><a href=\"https://www.example.cn/a?b=1&amp;c=2\""
	    " rel=\"noopener noreferrer\">链接</a></p>",
	    "an https link is kept");
	same("<p><a href=\"/m/news\">资讯</a></p>",
	    "<p><a href=\"/m/news\" rel=\"noopener noreferrer\">资讯</a></p>",
	    "a relative link is kept");
	same("<p><img src=\"/img?id=12\" alt=\"图\"></p>",
	    "<p><img src=\"/img?id=12\" alt=\"图\"/></p>",
	    "an uploaded image is kept");

	same("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>",
	    "a script is dropped with its content");
	same("<p onclick=\"x()\">点</p><img src=\"/img?id=1\" onerror=\"alert(1)\">",
	    "<p>点</p>\n<p><img src=\"/img?id=1\" alt=\"\"/></p>",
	    "event handlers (onclick, onerror) are dropped");
	same("<p><a href=\"javascript:alert(1)\">x</a></p>", "<p>x</p>",
	    "a javascript: link loses its address");
	same("<p><a href=\"JaVaScRiPt:alert(1)\">x</a></p>", "<p>x</p>",
	    "JaVaScRiPt: too");
	same("<p><a href=\"&#106;avascript:alert(1)\">x</a></p>", "<p>x</p>",
	    "javascript: written with an entity too");
	same("<p><a href=\"java\tscript:alert(1)\">x</a></p>", "<p>x</p>",
	    "java<tab>script: too");
	same("<p><a href=\" javascript:alert(1)\">x</a></p>", "<p>x</p>",
	    "a leading space too");
	same("<p><a href=\"data:text/html,<script>alert(1)</script>\">x</a></p>",
	    "<p>x</p>", "data: links too");
	same("<p><a href=\"//evil.example/\">x</a></p>", "<p>x</p>",
	    "a scheme-relative link to another host too");
	same("<style>p{color:red}</style><p style=\"color:red\">红</p>",
	    "<p>红</p>", "style elements and attributes are dropped");
	same("<iframe src=\"https://evil.example/\"></iframe><p>x</p>",
	    "<p>x</p>", "an iframe is dropped");
	same("<p><img src=\"https://evil.example/a.png\">x</p>", "<p>x</p>",
	    "an image from elsewhere is dropped");
	same("<p><img src=\"javascript:alert(1)\">x</p>", "<p>x</p>",
	    "an image with a javascript: address is dropped");
	same("<div class=\"x\"><span>文字</span></div>", "<p>文字</p>",
	    "other elements leave their text");
	same("<svg><script>alert(1)</script></svg><p>x</p>", "<p>x</p>",
	    "svg is dropped with its content");
	same("<p>1 &lt; 2 &amp; 3</p>", "<p>1 &lt; 2 &amp; 3</p>",
	    "text is escaped");
	same("&lt;script&gt;alert(1)&lt;/script&gt;",
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
	    "escaped markup stays text");
	same("<p></p><b></b><p>x</p>", "<p>x</p>", "empty elements go");
	same("<!-- note --><p>x</p>", "<p>x</p>", "comments go");
	same("<form action=\"/o/x\"><input name=a><p>x</p></form>", "<p>x</p>",
	    "forms leave only their text");
	same("<li>孤立的项</li>", "<p>孤立的项</p>",
	    "an item outside a list is its text");
	same("<p>甲<ul><li>乙</li></ul></p>",
	    "<p>甲</p>\n<ul><li>乙</li></ul>", "a list leaves a paragraph");
	same("<a href=\"/a\">x<a href=\"/b\">y</a></a>",
	    "<p><a href=\"/a\" rel=\"noopener noreferrer\">x</a>"
	    "<a href=\"/b\" rel=\"noopener noreferrer\">y</a></p>",
	    "a link in a link is not kept as one");
	ok(strpbrk(clean("<p>a\xff\xfe\x8d\x01b</p>"), "\xff\xfe\x8d\x01")
	    == NULL && strncmp(clean("<p>a\xff\x01b</p>"), "<p>a", 4) == 0,
	    "bytes that are not UTF-8 and controls go");
	same("<p>第一行\r\n第二行</p>", "<p>第一行\n第二行</p>",
	    "carriage returns go");
	is_str(clean(""), "", "nothing stays nothing");
	ok(html_href_ok("http://a.cn"), "http is a link");
	ok(!html_href_ok("vbscript:x"), "vbscript: is not");
	ok(!html_href_ok("/a\\b"), "a backslash is not");
	return tap_done();
}
