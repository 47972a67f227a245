/*
 * t_article.c -- 公告通知, 工会资讯 and 宣传手册 (issue 12, point 4): only
 * the editor reaches the editor's pages, and the editor none of the
 * review desk's; the body is cleaned on the server (scripts, handlers,
 * javascript: links, styles, frames gone; paragraphs, bold, lists, links,
 * uploaded images kept); a draft, a withdrawn article and one scheduled
 * later are 404 to members until their time; covers, body images and the
 * brochure reach only signed-in members, through a checked route; a
 * cover that is no image and a brochure that is no PDF are refused in
 * Chinese; every bad input of the editor's forms is a message with the
 * input kept.
 */
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define MEMBER_NTH	141	/* a demo member no other suite binds */

/* hc_xpath, kept in one of four buffers so a check may use two. */
static const char *
xs(struct hc *c, const char *expr)
{
	static char buf[4][16384];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s", hc_xpath(c, expr));
	return buf[i];
}

/* The article id of the edit page a save redirected to (0 if none). */
static long long
saved_id(struct hc *c)
{
	const char *loc = hc_location_path(c), *p = strstr(loc, "id=");

	return p ? atoll(p + 3) : 0;
}

/* Office roles other than the editor's: refused everything of the editor. */
static void
others_refused(void)
{
	static const char *const users[] = { "review1", "review2", "medical",
	    "finance", "admin" };
	static const char *const pages[] = { "/o/articles", "/o/articles/new",
	    "/o/articles/edit?id=1", "/o/articles/image?id=1", "/o/texts",
	    "/o/brochure", "/o/brochure/file" };
	struct hc *c;
	size_t u, p;
	int bad = 0;

	for (u = 0; u < sizeof(users) / sizeof(users[0]); u++) {
		c = hc_new();
		hc_login_office(c, users[u]);
		for (p = 0; p < sizeof(pages) / sizeof(pages[0]); p++)
			if (hc_get(c, pages[p]) != 403) {
				bad++;
				printf("# %s GET %s: %d\n", users[u], pages[p],
				    hc_get(c, pages[p]));
			}
		hc_get(c, "/o/");
		if (hc_post(c, "/o/texts", "kind", "privacy", "body", "改",
		    NULL) != 403 || hc_post(c, "/o/articles/publish", "id", "1",
		    NULL) != 403)
			bad++;
		ok(hc_count(c, "//a[@id='nav-articles']") == 0,
		    "%s has no 公告与资讯 in the menu", users[u]);
		hc_free(c);
	}
	is_int(bad, 0, "review1, review2, medical, finance, admin: 403 on every"
	    " editor page and post");
	c = hc_new();
	hc_login_agent(c, "13800000002");
	is_int(hc_get(c, "/o/articles"), 303, "an agent is sent to the office"
	    " sign-in");
	hc_free(c);
}

/* The editor: their own pages, nothing of the desk. */
static void
editor_only(struct hc *ed)
{
	is_int(hc_get(ed, "/o/"), 200, "the editor's home");
	ok(hc_count(ed, "//a[@id='nav-articles']") == 1 &&
	    hc_count(ed, "//a[@id='nav-texts']") == 1 &&
	    hc_count(ed, "//a[@id='nav-brochure']") == 1,
	    "the editor's menu: 公告与资讯, 隐私协议与服务声明, 宣传手册");
	ok(hc_count(ed, "//a[@id='nav-queue' or @id='nav-search' or"
	    " @id='nav-coverage' or @id='nav-claims' or @id='nav-export']") == 0,
	    "... and nothing of the desk, records or exports");
	is_str(xs(ed, "string(//span[@data-role='editor'])"), "编辑",
	    "the home names the role 编辑");
	is_int(hc_get(ed, "/o/queue"), 403, "the editor: 待办审核 403");
	is_int(hc_get(ed, "/o/review?type=claim&id=1"), 403, "... a review 403");
	is_int(hc_get(ed, "/o/file?id=1"), 403, "... a file 403");
	is_int(hc_get(ed, "/o/search?q=a"), 403, "... 查询 403");
	is_int(hc_get(ed, "/o/users"), 403, "... 用户与角色 403");
	is_int(hc_get(ed, "/o/articles"), 200, "... 公告与资讯 200");
}

static const char dirty[] =
    "<p>第一段<b>加粗</b><script>alert('x')</script></p>"
    "<p onclick=\"steal()\" style=\"color:red\">第二段</p>"
    "<img src=\"/m/article/image?id=999999\" onerror=\"alert(1)\">"
    "<ul><li>甲</li><li>乙</li></ul>"
    "<p><a href=\"javascript:alert(1)\">坏链接</a>"
    " <a href=\"https://www.acftu.org/\">全总</a></p>"
    "<style>body{display:none}</style>"
    "<iframe src=\"https://evil.example/\"></iframe>";

/* New articles, the sanitizer, bad input. */
static long long
write_article(struct hc *ed)
{
	char big[62001];
	long long id;
	const char *body;

	hc_get(ed, "/o/articles/new?kind=news");
	is_str(xs(ed, "string(//select[@name='kind']/option[@selected]/@value)"),
	    "news", "新建资讯 opens the form on 工会资讯");
	/* bad input, one at a time: each a Chinese message, input kept */
	is_int(hc_post(ed, "/o/articles/new", "kind", "news", "title", "",
	    "body", "正文", "publish_at", "", NULL), 200, "no title: the form");
	ok(*xs(ed, "string(//span[@id='err-title'])") != '\0',
	    "... says the title is missing (%s)",
	    xs(ed, "string(//span[@id='err-title'])"));
	is_str(xs(ed, "string(//textarea[@name='body'])"), "正文",
	    "... and keeps the body");
	hc_post(ed, "/o/articles/new", "kind", "blog", "title", "标题",
	    "body", "正文", NULL);
	ok(*xs(ed, "string(//span[@id='err-kind'])") != '\0',
	    "a kind that is not 公告/资讯 is refused");
	hc_post(ed, "/o/articles/new", "kind", "news", "title", "标题",
	    "body", "正文", "publish_at", "明天上午", NULL);
	ok(strstr(xs(ed, "string(//span[@id='err-publish_at'])"),
	    "发布时间格式不正确") != NULL, "a publication time that is no time"
	    " is refused (%s)", xs(ed, "string(//span[@id='err-publish_at'])"));
	is_str(xs(ed, "string(//input[@name='publish_at']/@value)"),
	    "明天上午", "... and kept");
	hc_post(ed, "/o/articles/new", "kind", "news", "title", "标题",
	    "body", "2026-02-30 09:00", "publish_at", "2026-02-30 09:00", NULL);
	ok(strstr(xs(ed, "string(//span[@id='err-publish_at'])"),
	    "发布时间格式不正确") != NULL, "30 February is refused");
	hc_post(ed, "/o/articles/new", "kind", "news", "title", "标题",
	    "body", "<script>alert(1)</script><style>p{}</style>", NULL);
	ok(strstr(xs(ed, "string(//span[@id='err-body'])"), "请输入正文")
	    != NULL, "a body with nothing allowed in it is refused (%s)",
	    xs(ed, "string(//span[@id='err-body'])"));
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	hc_post(ed, "/o/articles/new", "kind", "news", "title", "标题",
	    "body", big, NULL);
	ok(strstr(xs(ed, "string(//span[@id='err-body'])"), "正文过长")
	    != NULL, "a body over 60000 bytes is refused");
	is_int(test_sql_int("SELECT COUNT(*) FROM article WHERE title = '标题'"),
	    0, "no refused form saved anything");

	/* a cover that is no image */
	hc_get(ed, "/o/articles/new?kind=news");
	is_int(hc_upload(ed, "/o/articles/new", "cover",
	    test_datafile("pdf-renamed.jpg"), "封面.jpg", "kind", "news", "title",
	    "封面测试", "body", "正文", NULL), 200, "a PDF named .jpg as cover:"
	    " the form again");
	ok(strstr(xs(ed, "string(//span[@id='err-cover'])"),
	    "只能上传 jpg 或 png 格式的图片") != NULL, "... refused in Chinese (%s)",
	    xs(ed, "string(//span[@id='err-cover'])"));
	is_str(xs(ed, "string(//input[@name='title']/@value)"), "封面测试",
	    "... the title kept");
	is_int(test_sql_int("SELECT COUNT(*) FROM article WHERE title ="
	    " '封面测试'"), 0, "... nothing saved");

	/* the real one, with a cover and a dirty body */
	hc_get(ed, "/o/articles/new?kind=news");
	is_int(hc_upload(ed, "/o/articles/new", "cover", test_datafile("stamp.png"),
	    "封面.png", "kind", "news", "title", "测试资讯·安全的正文", "body",
	    dirty, "publish_at", "", NULL), 303, "a news article with a cover is"
	    " saved");
	id = saved_id(ed);
	ok(id > 0, "... and its edit page opens (%lld)", id);
	hc_follow(ed);
	ok(strstr(hc_body(ed), "已保存") != NULL, "... saying 已保存");
	is_int(hc_count(ed, "//div[@id='preview-body']//script"), 0,
	    "the preview holds no script");
	is_int(hc_count(ed, "//div[@id='preview-body']//*[@onclick or @onerror"
	    " or @style]"), 0, "... no onclick, onerror or style");
	is_int(hc_count(ed, "//div[@id='preview-body']//iframe | //div[@id="
	    "'preview-body']//style"), 0, "... no iframe, no style element");
	is_int(hc_count(ed, "//div[@id='preview-body']//a[starts-with(@href,"
	    " 'javascript')]"), 0, "... no javascript: link");
	is_str(xs(ed, "string(//div[@id='preview-body']//a/@href)"),
	    "https://www.acftu.org/", "... the https link kept");
	is_str(xs(ed, "string(//div[@id='preview-body']//b)"), "加粗",
	    "... bold kept");
	is_int(hc_count(ed, "//div[@id='preview-body']//ul/li"), 2,
	    "... the list kept");
	is_int(hc_count(ed, "//div[@id='preview-body']//img"), 0,
	    "... an image not uploaded to this article dropped");
	ok(strstr(xs(ed, "string(//div[@id='preview-body'])"), "坏链接")
	    != NULL, "... the bad link's text kept");
	body = test_sql_str("SELECT CONCAT('[', body, ']') FROM article"
	    " WHERE title = '测试资讯·安全的正文'");
	ok(strstr(body, "script") == NULL && strstr(body, "onerror") == NULL &&
	    strstr(body, "javascript") == NULL && strstr(body, "iframe") ==
	    NULL && strstr(body, "style") == NULL, "the stored body is the"
	    " cleaned one");
	ok(strstr(body, "<b>加粗</b>") != NULL, "... with its bold");
	ok(hc_count(ed, "//img[@id='cover-thumb'][starts-with(@src,"
	    " '/o/articles/image?id=')]") == 1, "the cover shows through the"
	    " editor's route");
	return id;
}

/* A body image uploaded on the edit page. */
static long long
add_image(struct hc *ed, long long id)
{
	char ids[32], path[64];
	const char *src;

	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(path, sizeof(path), "/o/articles/edit?id=%lld", id);
	hc_get(ed, path);
	is_int(hc_upload(ed, "/o/articles/edit", "image",
	    test_datafile("html-renamed.jpg"), "图.jpg", "id", ids, "kind", "news",
	    "title", "测试资讯·安全的正文", "body", dirty, NULL), 200,
	    "an HTML page named .jpg as body image: the form again");
	ok(strstr(xs(ed, "string(//span[@id='err-image'])"), "jpg 或 png")
	    != NULL, "... refused in Chinese");
	hc_get(ed, path);
	is_int(hc_upload(ed, "/o/articles/edit", "image", test_datafile("stamp.png"),
	    "图.png", "id", ids, "kind", "news", "title", "测试资讯·安全的正文",
	    "body", xs(ed, "string(//textarea[@name='body'])"), NULL), 303,
	    "a body image is added");
	hc_follow(ed);
	src = xs(ed, "string(//div[@id='preview-body']//img/@src)");
	ok(strncmp(src, "/o/articles/image?id=", 21) == 0, "the preview shows it"
	    " through the editor's route (%s)", src);
	is_int(hc_get(ed, src), 200, "... which serves it to the editor");
	ok(strncmp(hc_header(ed, "Content-Type") ? hc_header(ed, "Content-Type")
	    : "", "image/png", 9) == 0, "... as image/png");
	return atoll(src + 21);
}

/* Members see it only when published and its time has come. */
static void
member_sees(struct hc *ed, struct hc *m, long long id, long long img)
{
	char path[64], ids[32], q[256], imgpath[64], cover[64];
	long long cover_id;
	struct hc *anon = hc_new(), *admin = hc_new();

	snprintf(ids, sizeof(ids), "%lld", id);
	snprintf(path, sizeof(path), "/m/article?id=%lld", id);
	snprintf(imgpath, sizeof(imgpath), "/m/article/image?id=%lld", img);
	cover_id = test_sql_int("SELECT cover_id FROM article WHERE title ="
	    " '测试资讯·安全的正文'");
	snprintf(cover, sizeof(cover), "/m/article/image?id=%lld", cover_id);

	is_int(hc_get(m, path), 404, "a draft is 404 to members");
	is_int(hc_get(m, cover), 404, "... its cover too");
	is_int(hc_get(m, "/m/news"), 200, "工会资讯 renders");
	snprintf(q, sizeof(q), "//li[@data-article='%lld']", id);
	is_int(hc_count(m, q), 0, "... without the draft");

	/* scheduled: published, its time later */
	snprintf(q, sizeof(q), "/o/articles/edit?id=%lld", id);
	hc_get(ed, q);
	is_int(hc_post(ed, "/o/articles/edit", "id", ids, "kind", "news", "title",
	    "测试资讯·安全的正文", "body", xs(ed,
	    "string(//textarea[@name='body'])"), "publish_at", "2099-01-01 09:00",
	    NULL), 303, "a publication time in 2099 is saved");
	hc_get(ed, "/o/articles");
	is_int(hc_post(ed, "/o/articles/publish", "id", ids, NULL), 303, "发布");
	hc_follow(ed);
	snprintf(q, sizeof(q), "string(//tr[@data-article='%lld']/td[@class="
	    "'state'])", id);
	is_str(xs(ed, q), "定时发布", "the list says 定时发布");
	is_int(hc_get(m, path), 404, "before its time it is 404 to members");
	hc_get(m, "/m/news");
	snprintf(q, sizeof(q), "//li[@data-article='%lld']", id);
	is_int(hc_count(m, q), 0, "... and not in 工会资讯");
	/* the programs' clock is China's (lib/core/clock.h) */
	snprintf(q, sizeof(q), "UPDATE article SET publish_at = UTC_TIMESTAMP()"
	    " + INTERVAL 8 HOUR - INTERVAL 1 SECOND WHERE id = %lld", id);
	test_sql(q);
	is_int(hc_get(m, path), 200, "its time come, members read it");
	is_str(xs(m, "string(//h1[@id='article-title'])"),
	    "测试资讯·安全的正文", "... its title");
	is_int(hc_count(m, "//div[@id='article-body']//script | //div[@id="
	    "'article-body']//*[@onclick or @onerror or @style]"), 0,
	    "... its body clean");
	is_str(xs(m, "string(//div[@id='article-body']//b)"), "加粗",
	    "... its bold shown as bold (markup, not text)");
	ok(strstr(hc_body(m), "&lt;b&gt;") == NULL, "... never as escaped tags");
	is_str(xs(m, "string(//div[@id='article-body']//img/@src)"),
	    imgpath, "... the body image through the members' route");
	is_str(xs(m, "string(//img[@id='article-cover']/@src)"), cover,
	    "... the cover too");
	hc_get(m, "/m/news");
	snprintf(q, sizeof(q), "//li[@data-article='%lld']", id);
	is_int(hc_count(m, q), 1, "it is in 工会资讯");
	ok(hc_count(m, "//ul[@id='articles']/li[1][@data-article]") == 1 &&
	    atoll(xs(m, "string(//ul[@id='articles']/li[1]/@data-article)"))
	    == id, "... first, the newest");
	hc_get(m, "/m/notices");
	is_int(hc_count(m, q), 0, "... not in 公告通知");

	is_int(hc_get(m, imgpath), 200, "the body image: a signed-in member 200");
	is_int(hc_get(m, cover), 200, "the cover: 200");
	ok(strncmp(hc_header(m, "Content-Type") ? hc_header(m, "Content-Type") :
	    "", "image/png", 9) == 0, "... image/png");
	is_int(hc_get(anon, cover), 303, "the cover: nobody is sent to bind");
	ok(strncmp(hc_location_path(anon), "/m/bind", 7) == 0, "... to /m/bind");
	is_int(hc_get(anon, path), 303, "the article: nobody is sent to bind");
	hc_login_office(admin, "admin");
	is_int(hc_get(admin, "/o/articles/image?id=1"), 403,
	    "admin: the editor's image route 403");
	is_int(hc_get(m, "/m/article/image?id=1"), 404, "a file that is not an"
	    " article's (a roster, a claim photo) is 404 on the image route");

	/* 撤回 */
	hc_get(ed, "/o/articles");
	is_int(hc_post(ed, "/o/articles/withdraw", "id", ids, NULL), 303, "撤回");
	is_int(hc_get(m, path), 404, "withdrawn, it is 404 again");
	is_int(hc_get(m, imgpath), 404, "... its images too");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE object_type ="
	    " 'article' AND object_id = %lld AND action IN ('article.save',"
	    " 'article.publish', 'article.withdraw')", id);
	ok(test_sql_int(q) >= 4, "saving, 发布 and 撤回 are audited");
	hc_get(ed, "/o/articles");
	is_int(hc_post(ed, "/o/articles/publish", "id", "99999999", NULL), 404,
	    "发布 of no article: 404");
	is_int(hc_get(m, "/m/article?id=abc"), 404, "an id that is no number: 404");
	hc_free(anon);
	hc_free(admin);
}

/* 宣传手册: none, a refused one, the PDF. */
static void
brochure(struct hc *ed, struct hc *m)
{
	struct hc *anon = hc_new();

	test_sql("DELETE FROM attachment WHERE owner_type = 'brochure'");
	is_int(hc_get(m, "/m/brochure"), 200, "no brochure: a page");
	ok(strstr(xs(m, "string(//section[@id='brochure-none'])"),
	    "宣传手册尚未发布") != NULL, "... saying so in Chinese");
	hc_get(ed, "/o/brochure");
	is_int(hc_upload(ed, "/o/brochure", "file", test_datafile("stamp.png"),
	    "手册.pdf", NULL), 200, "a PNG named .pdf: the form again");
	ok(strstr(xs(ed, "string(//span[@id='err-file'])"),
	    "只能上传 pdf 格式的文件") != NULL, "... refused in Chinese (%s)",
	    xs(ed, "string(//span[@id='err-file'])"));
	hc_post(ed, "/o/brochure", NULL);
	ok(strstr(xs(ed, "string(//span[@id='err-file'])"), "请选择") !=
	    NULL, "no file: asked to choose one");
	is_int(test_sql_int("SELECT COUNT(*) FROM attachment WHERE owner_type ="
	    " 'brochure'"), 0, "... nothing kept");
	hc_get(ed, "/o/brochure");
	is_int(hc_upload(ed, "/o/brochure", "file", test_datafile("license.pdf"),
	    "职工互助保障宣传手册.pdf", NULL), 303, "the PDF is uploaded");
	hc_follow(ed);
	is_str(xs(ed, "string(//a[@id='brochure-file'])"),
	    "职工互助保障宣传手册.pdf", "... and named on the page");
	is_int(hc_get(m, "/m/brochure"), 200, "a member reads it");
	ok(strncmp(hc_header(m, "Content-Type") ? hc_header(m, "Content-Type") :
	    "", "application/pdf", 15) == 0, "... as application/pdf");
	ok(strncmp(hc_header(m, "Content-Disposition") ?
	    hc_header(m, "Content-Disposition") : "", "inline", 6) == 0,
	    "... inline");
	ok(hc_body_len(m) > 4 && memcmp(hc_body(m), "%PDF", 4) == 0,
	    "... the PDF's bytes");
	is_int(hc_get(anon, "/m/brochure"), 303, "nobody is sent to bind");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'brochure.upload'") >= 1, "the upload is audited");
	hc_free(anon);
}

/*
 * The home keeps its 工会资讯 per worker: one scheduled two seconds ahead
 * is not there before its time, and is there when it comes, though
 * nothing moved the epoch meanwhile.
 */
static void
home_due(struct hc *m, long long id)
{
	char q[256];

	snprintf(q, sizeof(q), "UPDATE article SET state = 'published',"
	    " publish_at = UTC_TIMESTAMP() + INTERVAL 8 HOUR + INTERVAL 2 SECOND"
	    " WHERE id = %lld", id);
	ok(test_sql(q), "published again, scheduled two seconds ahead");
	hc_get(m, "/m/messages");
	is_int(hc_post(m, "/m/messages/read-all", NULL), 303,
	    "(an audited change, so every worker reads its list again)");
	snprintf(q, sizeof(q), "//ul[@id='articles']/li[@data-article='%lld']",
	    id);
	hc_get(m, "/m/");
	is_int(hc_count(m, q), 0, "the home: not before its time");
	sleep(3);
	is_int(hc_get(m, "/m/"), 200, "the home, three seconds on");
	is_int(hc_count(m, q), 1, "... lists it, its time come");
}

int
main(void)
{
	struct hc *ed = hc_new(), *m = hc_new();
	long long id, img;

	others_refused();
	hc_login_office(ed, "editor");
	editor_only(ed);
	ok(hc_bind_member(m, MEMBER_NTH), "a member is bound");
	id = write_article(ed);
	img = add_image(ed, id);
	member_sees(ed, m, id, img);
	home_due(m, id);
	brochure(ed, m);
	hc_free(ed);
	hc_free(m);
	return tap_done();
}
