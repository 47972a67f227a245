/*
 * t_message.c -- 站内信 on the member's phone (/m/) and the agent's portal
 * (/u/) (SPEC §8, §11; seed 000): the list with the unread first, then
 * the newest, 20 a page with 上一页/下一页 and 共N条; opening one marks it
 * read and goes to the item it is about, or shows it when it has no link
 * (a link off this site is shown, never followed); 全部已读 (CSRF-checked,
 * audited); the unread count in both portals' header and on the member's
 * home.  Access: member B gets 404 on member A's message and A's stays
 * unread; an agent likewise on another agent's; a message to an agent is
 * not a member's of the same number; ids that are no ids are 404, never
 * 500.  And the member's home (tiles, nothing 即将开放) and 个人中心.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

/* Kinds of recipient (lib/core/kind.h enum session_kind). */
#define K_MEMBER	1
#define K_AGENT		2

/*
 * A message to (kind, id), `age` minutes old, read or not, with `link`
 * (NULL: none).  Returns its id, -1 on failure.
 */
static long long
msg(int kind, long long to, const char *title, const char *body,
    const char *link, int age, int read)
{
	char q[1024], l[256];

	if (link)
		snprintf(l, sizeof(l), "'%s'", link);
	else
		snprintf(l, sizeof(l), "NULL");
	snprintf(q, sizeof(q), "INSERT INTO station_message (recipient_kind,"
	    " recipient_id, title, body, link, created_at, read_at) VALUES"
	    " (%d, %lld, '%s', '%s', %s, NOW() - INTERVAL %d MINUTE, %s)",
	    kind, to, title, body, l, age, read ? "NOW()" : "NULL");
	if (!test_sql(q))
		return -1;
	return test_sql_int("SELECT MAX(id) FROM station_message");
}

/* Whether message `id` is read. */
static int
is_read(long long id)
{
	char q[128];

	snprintf(q, sizeof(q), "SELECT read_at IS NOT NULL FROM"
	    " station_message WHERE id = %lld", id);
	return test_sql_int(q) == 1;
}

/* Unread messages of (kind, id) in the database. */
static long long
unread_of(int kind, long long id)
{
	char q[160];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM station_message WHERE"
	    " recipient_kind = %d AND recipient_id = %lld AND read_at IS NULL",
	    kind, id);
	return test_sql_int(q);
}

/* The header's badge on the last page ("" when none). */
static const char *
badge(struct hc *c)
{
	return hc_xpath(c, "normalize-space(//header//*[@id='hdr-unread'])");
}

/*
 * Whether every worker shows `want` as the header's badge on `path` (each
 * keeps its own copy of the count until the epoch moves): 8 tries.
 */
static int
badge_everywhere(struct hc *c, const char *path, const char *want)
{
	int i;

	for (i = 0; i < 8; i++)
		if (hc_get(c, path) != 200 || strcmp(badge(c), want) != 0)
			return 0;
	return 1;
}

/* GET `path` with ?id=`id`; the status. */
static int
open_id(struct hc *c, const char *path, const char *id)
{
	char p[160];

	snprintf(p, sizeof(p), "%s?id=%s", path, id);
	return hc_get(c, p);
}

/* Bad ids: each 404, never 500 (nor anything marked). */
static void
bad_ids(struct hc *c, const char *path)
{
	static const char *const bad[] = { "abc", "-1", "0", "",
	    "99999999999999999999", "9223372036854775807", "1.5", "1e3",
	    "%E4%B8%AD", "1%20", "0x10" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		is_int(open_id(c, path, bad[i]), 404, "%s?id=%s: 404", path,
		    bad[i]);
	is_int(hc_get(c, path), 404, "%s without an id: 404", path);
	ok(open_id(c, path, "%00") / 100 == 4, "%s?id=%%00: refused (4xx)",
	    path);
}

static void
member_list(struct hc *a, long long ma, long long mb, long long *linked, long long *plain, long long *away)
{
	char t[64], p[64];
	int i;

	/* 22 read ones (newest: r1), then 3 unread among the oldest. */
	for (i = 1; i <= 22; i++) {
		snprintf(t, sizeof(t), "已读消息%02d", i);
		ok(msg(K_MEMBER, ma, t, "您提交的补助申请已受理。", "/m/claims",
		    i, 1) > 0, "read message %d", i);
	}
	*linked = msg(K_MEMBER, ma, "补助申请被驳回",
	    "您提交的\"李树杭\"的住院医疗补助申请被驳回，驳回理由是：缺少证明"
	    "材料。请参考驳回理由重新提交申请，点此去处理。这一句让正文超过"
	    "六十个字，列表里只显示开头。", "/m/claims", 100, 0);
	*plain = msg(K_MEMBER, ma, "系统通知", "第一行\n第二行", NULL, 200, 0);
	*away = msg(K_MEMBER, ma, "外部链接", "不会跳出本站。",
	    "https://evil.example/x", 300, 0);
	/* B's own, and one to an agent whose number is A's. */
	ok(msg(K_MEMBER, mb, "给B的消息", "只有B能看到。", NULL, 5, 0) > 0,
	    "B has one");
	ok(msg(K_AGENT, ma, "给经办人的消息", "不是职工的。", NULL, 1, 0) > 0,
	    "an agent whose id is A's has one");

	is_int(hc_get(a, "/m/messages"), 200, "/m/messages");
	is_int(hc_count(a, "//ul[@id='message-list']/li"), 20, "20 a page");
	is_str(hc_xpath(a, "normalize-space(//*[@id='msg-total'])"),
	    "共 25 条", "共 25 条");
	is_str(hc_xpath(a, "normalize-space(//*[@id='unread-count'])"),
	    "3 条未读", "3 条未读 in the heading");
	is_str(badge(a), "3", "header: 3");
	is_str(hc_xpath(a, "concat(//ul[@id='message-list']/li[1]//"
	    "*[@class='msg-title'], '|', //ul[@id='message-list']/li[2]//"
	    "*[@class='msg-title'], '|', //ul[@id='message-list']/li[3]//"
	    "*[@class='msg-title'], '|', //ul[@id='message-list']/li[4]//"
	    "*[@class='msg-title'])"),
	    "补助申请被驳回|系统通知|外部链接|已读消息01",
	    "unread first (newest of them first), then the newest read");
	is_int(hc_count(a, "//ul[@id='message-list']/li[@data-read='0']"
	    "[.//*[@class='dot']]"), 3, "the unread ones are marked");
	is_int(hc_count(a, "//ul[@id='message-list']/li[@data-read='1']"
	    "[.//*[@class='dot']]"), 0, "... the read ones not");
	snprintf(p, sizeof(p), "/m/message?id=%lld", *linked);
	is_str(hc_xpath(a, "string(//ul[@id='message-list']/li[1]/a/@href)"),
	    p, "a row opens through /m/message");
	ok(strstr(hc_xpath(a, "string(//ul[@id='message-list']/li[1]//"
	    "*[@class='excerpt'])"), "…") != NULL &&
	    strstr(hc_xpath(a, "string(//ul[@id='message-list']/li[1]//"
	    "*[@class='excerpt'])"), "开头") == NULL,
	    "a long body is cut to an excerpt");
	is_str(hc_xpath(a, "normalize-space(//ul[@id='message-list']/li[1]//"
	    "time)"), test_sql_str("SELECT DATE_FORMAT(NOW() - INTERVAL 100"
	    " MINUTE, '%Y-%m-%d %H:%i')"), "its time");
	is_int(hc_count(a, "//*[contains(., '给B的消息') or contains(.,"
	    " '给经办人的消息')]"), 0, "nobody else's messages");
	is_int(hc_count(a, "//a[@id='next'][@href='/m/messages?page=2']"), 1,
	    "下一页");
	is_int(hc_count(a, "//a[@id='prev']"), 0, "no 上一页 on page 1");

	is_int(hc_get(a, "/m/messages?page=2"), 200, "page 2");
	is_int(hc_count(a, "//ul[@id='message-list']/li"), 5, "the last 5");
	is_str(hc_xpath(a, "normalize-space(//ul[@id='message-list']/li[5]//"
	    "*[@class='msg-title'])"), "已读消息22", "the oldest last");
	is_int(hc_count(a, "//a[@id='prev'][@href='/m/messages?page=1']"), 1,
	    "上一页");
	is_int(hc_count(a, "//a[@id='next']"), 0, "no 下一页 on the last");
	ok(hc_count(a, "//*[contains(@class, 'msg-end')]") == 1,
	    "没有更多了 at the end");
	is_int(hc_get(a, "/m/messages?page=abc"), 200, "page=abc: page 1");
	is_int(hc_count(a, "//ul[@id='message-list']/li"), 20, "... 20 rows");
	is_int(hc_get(a, "/m/messages?page=-3"), 200, "page=-3: page 1");
	is_int(hc_get(a, "/m/messages?page=99999999999999999999"), 200,
	    "a page number too big: 200");
	is_int(hc_get(a, "/m/messages?page=9"), 200, "past the end: 200");
	is_int(hc_count(a, "//ul[@id='message-list']/li"), 0, "... no rows");
	is_str(hc_xpath(a, "normalize-space(//*[@id='msg-total'])"),
	    "共 25 条", "... still 共 25 条");
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *g = hc_new(), *g2 = hc_new(),
	    *anon = hc_new();
	long long unit, unit2, ma, mb, agent, agent2, linked, plain,
	    away, bm, am, am2, audits;
	char name[64], phone[16], phone2[16], q[512], p[64], ids[32];
	char shown[64];
	int pid = (int)getpid(), i;

	snprintf(name, sizeof(name), "消息单位%d", pid);
	snprintf(phone, sizeof(phone), "134%08d", pid % 100000000);
	snprintf(phone2, sizeof(phone2), "134%08d", (pid + 1) % 100000000);
	ok((unit = test_unit_new(name, phone)) > 0, "a unit of this test");
	snprintf(name, sizeof(name), "消息二单位%d", pid);
	ok((unit2 = test_unit_new(name, phone2)) > 0, "and another");
	ma = test_member_new(unit, "李树杭", test_id_number("1980-05-06",
	    pid % 300, 'M'), 'M', "1980-05-06", NULL);
	mb = test_member_new(unit, "陆明本", test_id_number("1981-03-04",
	    pid % 300 + 1, 'F'), 'F', "1981-03-04", NULL);
	ok(ma > 0 && mb > 0, "two members");
	snprintf(q, sizeof(q), "INSERT INTO member_bind (member_id, phone,"
	    " bound_at) VALUES (%lld, '13912345678', '2026-01-02 03:04:05')",
	    ma);
	ok(test_sql(q), "A bound on 2026-01-02");
	ok(hc_member_as(a, ma) && hc_member_as(b, mb), "both signed in");

	/* ---- the home: no messages yet */
	is_int(hc_get(a, "/m/"), 200, "home");
	is_int(hc_count(a, "//header//a[@id='hdr-messages'][@href="
	    "'/m/messages']"), 1, "the header links the messages");
	is_str(badge(a), "", "... no badge with nothing unread");
	is_int(hc_count(a, "//*[@id='tile-unread']"), 0, "nor on the tile");
	is_str(hc_xpath(a, "concat(//a[@id='tile-notices']/@href, ' ',"
	    " //a[@id='tile-coverage']/@href, ' ', //a[@id='tile-claims']/@href,"
	    " ' ', //a[@id='tile-changes']/@href, ' ',"
	    " //a[@id='tile-brochure']/@href, ' ',"
	    " //a[@id='tile-messages']/@href)"),
	    "/m/notices /m/coverage /m/claims /m/changes /m/brochure"
	    " /m/messages", "the six tiles and where they go");
	is_str(hc_xpath(a, "normalize-space(//nav[@class='grid-menu'])"),
	    "告公告通知保职工参保助补助申请改个人信息变更册宣传手册信消息",
	    "... in seed 000's order");
	is_int(hc_count(a, "//*[contains(., '即将开放')]"), 0,
	    "nothing says 即将开放");
	is_int(hc_count(a, "//a[@id='me'][@href='/m/me']"), 1,
	    "the avatar leads to 个人中心");
	is_str(hc_xpath(a, "normalize-space(//section[@id='news']//h2)"),
	    "工会资讯", "a place for 工会资讯");
	is_int(hc_count(a, "//section[@id='news']//a[starts-with(@href,"
	    " '/m/article?id=')]"), test_sql_int("SELECT LEAST(5, COUNT(*))"
	    " FROM article WHERE kind = 'news' AND state = 'published' AND"
	    " publish_at <= NOW()"), "... the newest published (at most 5)");
	is_int(hc_count(a, "//*[@id='no-articles']"), test_sql_int("SELECT"
	    " COUNT(*) = 0 FROM article WHERE kind = 'news' AND state ="
	    " 'published' AND publish_at <= NOW()"),
	    "... 暂无资讯 only while there are none");
	is_int(hc_count(a, "//ul[@id='articles']/li[normalize-space(.//*["
	    "@class='article-title']) = '']"), 0, "... each with its title");
	is_int(hc_get(a, "/m/messages"), 200, "the list, empty");
	is_str(hc_xpath(a, "normalize-space(//*[@id='no-messages'])"),
	    "暂无消息", "暂无消息");
	is_int(hc_count(a, "//form[@id='read-all']"), 0,
	    "no 全部已读 with nothing unread");

	/* ---- 个人中心 */
	is_int(hc_get(a, "/m/me"), 200, "/m/me");
	is_str(hc_xpath(a, "normalize-space(//*[@id='me-name'])"), "李树杭",
	    "who: the name");
	snprintf(q, sizeof(q), "SELECT name FROM org WHERE id = %lld", unit);
	snprintf(name, sizeof(name), "%s", test_sql_str(q));
	is_str(hc_xpath(a, "normalize-space(//*[@id='me-unit-name'])"), name,
	    "the unit");
	snprintf(q, sizeof(q), "SELECT id_number FROM member WHERE id = %lld",
	    ma);
	snprintf(name, sizeof(name), "%s", test_sql_str(q));
	snprintf(shown, sizeof(shown), "%s",
	    hc_xpath(a, "normalize-space(//*[@id='me-id'])"));
	ok(strlen(shown) > 8 && strchr(shown, '*') != NULL &&
	    strstr(hc_body(a), name) == NULL,
	    "the ID number masked, never whole (%s)", shown);
	is_str(hc_xpath(a, "normalize-space(//*[@id='me-phone'])"),
	    "139****5678", "the bound phone masked");
	ok(strstr(hc_body(a), "13912345678") == NULL, "... never whole");
	is_str(hc_xpath(a, "normalize-space(//*[@id='me-bound'])"),
	    "2026-01-02 03:04", "bound since");
	is_int(hc_count(a, "//form[@action='/m/logout']//button[@id="
	    "'me-logout']"), 1, "退出登录");

	/* ---- the list */
	member_list(a, ma, mb, &linked, &plain, &away);
	is_int(hc_get(a, "/m/"), 200, "home again");
	is_str(badge(a), "3", "header badge: 3");
	is_str(hc_xpath(a, "normalize-space(//*[@id='tile-unread'])"), "3",
	    "the 消息 tile: 3");
	is_int(hc_get(a, "/m/coverage"), 200, "another page of the member");
	is_str(badge(a), "3", "... the same count in its header");

	/* ---- B cannot open A's, nor A the agent's of A's number */
	snprintf(ids, sizeof(ids), "%lld", linked);
	is_int(open_id(b, "/m/message", ids), 404, "B opens A's message: 404");
	ok(!is_read(linked), "... and it stays unread");
	ok(badge_everywhere(a, "/m/", "3"), "A's header still 3 everywhere");
	hc_get(b, "/m/messages");
	is_str(hc_xpath(b, "normalize-space(//*[@id='msg-total'])"),
	    "共 1 条", "B's list: its own one");
	is_str(badge(b), "1", "B's header: 1");
	am = test_sql_int("SELECT MAX(id) FROM station_message WHERE"
	    " recipient_kind = 2");
	snprintf(ids, sizeof(ids), "%lld", am);
	is_int(open_id(a, "/m/message", ids), 404,
	    "a message to an agent of A's number: 404 to A");
	ok(!is_read(am), "... not marked");
	bad_ids(a, "/m/message");
	is_int(unread_of(K_MEMBER, ma), 3, "A still has 3 unread");

	/* ---- open: read, and to the item */
	snprintf(ids, sizeof(ids), "%lld", linked);
	is_int(open_id(a, "/m/message", ids), 303, "open the 驳回 message");
	is_str(hc_location_path(a), "/m/claims", "... to the item");
	ok(is_read(linked), "... now read");
	ok(badge_everywhere(a, "/m/", "2"), "every worker's header: 2");
	hc_get(a, "/m/messages");
	is_str(badge(a), "2", "header: 2");
	is_int(hc_count(a, "//ul[@id='message-list']/li[@data-read='0']"), 2,
	    "two unread rows");
	hc_get(a, "/m/messages?page=2");
	is_str(hc_xpath(a, "normalize-space(//ul[@id='message-list']/li[5]"
	    "[@data-read='1']//*[@class='msg-title'])"), "补助申请被驳回",
	    "the opened one moves among the read, by its time (the oldest)");
	snprintf(ids, sizeof(ids), "%lld", plain);
	is_int(open_id(a, "/m/message", ids), 200,
	    "one without a link is shown");
	is_str(hc_xpath(a, "normalize-space(//*[@id='message-title'])"),
	    "系统通知", "its title");
	is_str(hc_xpath(a, "string(//*[@id='message-body'])"),
	    "第一行\n第二行", "its whole body");
	is_str(badge(a), "1", "... read: header 1");
	ok(badge_everywhere(a, "/m/me", "1"), "... on every worker");
	ok(is_read(plain), "... marked");
	is_int(open_id(a, "/m/message", ids), 200, "opened again: still 200");
	snprintf(ids, sizeof(ids), "%lld", away);
	is_int(open_id(a, "/m/message", ids), 200,
	    "a link off this site is not followed");
	is_int(hc_count(a, "//*[@id='message-body']"), 1, "... shown instead");

	/* ---- 全部已读 */
	msg(K_MEMBER, ma, "新消息一", "一", NULL, 0, 0);
	msg(K_MEMBER, ma, "新消息二", "二", NULL, 0, 0);
	ok(badge_everywhere(a, "/m/", "2"), "two new: 2 on every worker");
	hc_get(a, "/m/messages");
	is_str(badge(a), "2", "... and on the list");
	is_int(hc_count(a, "//form[@id='read-all'][@action="
	    "'/m/messages/read-all']//button[.='全部已读']"), 1, "全部已读");
	is_int(hc_post(a, "/m/messages/read-all", "_csrf", "x", NULL), 403,
	    "全部已读 without the page's token: 403");
	is_int(unread_of(K_MEMBER, ma), 2, "... nothing marked");
	audits = test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'message.read_all'");
	hc_get(a, "/m/messages");
	is_int(hc_post(a, "/m/messages/read-all", NULL), 303, "全部已读");
	is_str(hc_location_path(a), "/m/messages", "... back to the list");
	is_int(unread_of(K_MEMBER, ma), 0, "all read");
	is_int(unread_of(K_MEMBER, mb), 1, "B's not");
	is_int(unread_of(K_AGENT, ma), 1, "nor the agent's of A's number");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'message.read_all' AND actor_kind = 1 AND actor_id = %lld"
	    " AND detail = '2 条'", ma);
	is_int(test_sql_int(q), 1, "audited: 2 条");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'message.read_all'") == audits + 1, "one audit row");
	hc_follow(a);
	is_str(badge(a), "", "header: no badge");
	ok(badge_everywhere(a, "/m/", ""), "... on every worker");
	is_int(hc_count(a, "//form[@id='read-all']"), 0, "no 全部已读 now");
	is_int(hc_count(a, "//ul[@id='message-list']/li[@data-read='0']"), 0,
	    "no unread row");
	is_int(hc_post(anon, "/m/messages/read-all", "_csrf", "x", NULL), 303,
	    "nobody: to sign in");
	is_str(hc_location_path(anon), "/m/bind", "... /m/bind");

	/* ---- the agent */
	hc_login_agent(g, phone);
	hc_login_agent(g2, phone2);
	snprintf(q, sizeof(q), "SELECT id FROM agent WHERE phone = '%s'",
	    phone);
	agent = test_sql_int(q);
	snprintf(q, sizeof(q), "SELECT id FROM agent WHERE phone = '%s'",
	    phone2);
	agent2 = test_sql_int(q);
	ok(agent > 0 && agent2 > 0 && agent != agent2, "two agents");
	is_int(hc_get(g, "/u/"), 200, "agent's home");
	is_str(badge(g), "", "no badge yet");
	for (i = 1; i <= 23; i++) {
		snprintf(name, sizeof(name), "单位消息%02d", i);
		msg(K_AGENT, agent, name, "单位绑定已变更。", "/u/units", i,
		    i > 2);
	}
	am2 = msg(K_AGENT, agent2, "另一经办人的消息", "只给他。", "/u/units",
	    0, 0);
	is_int(hc_get(g, "/u/"), 200, "agent's home");
	is_str(badge(g), "2", "header: 2");
	is_int(hc_count(g, "//section[@id='messages']//ul/li"), 10,
	    "the home keeps its 10 latest");
	is_int(hc_count(g, "//section[@id='messages']//a[@id='all-messages']"
	    "[@href='/u/messages']"), 1, "... and links the full list");
	is_int(hc_count(g, "//nav[@class='side']//a[@id='nav-messages']"), 1,
	    "消息 in the side menu");
	is_int(hc_get(g, "/u/messages"), 200, "/u/messages");
	is_str(hc_xpath(g, "normalize-space(//*[@id='msg-total'])"),
	    "共 23 条", "共 23 条");
	is_int(hc_count(g, "//ul[@id='message-list']/li"), 20, "20 a page");
	is_str(hc_xpath(g, "concat(//ul[@id='message-list']/li[1]//"
	    "*[@class='msg-title'], '|', //ul[@id='message-list']/li[2]//"
	    "*[@class='msg-title'], '|', //ul[@id='message-list']/li[3]//"
	    "*[@class='msg-title'])"), "单位消息01|单位消息02|单位消息03",
	    "unread first");
	is_int(hc_count(g, "//a[@id='next'][@href='/u/messages?page=2']"), 1,
	    "下一页");
	hc_get(g, "/u/messages?page=2");
	is_int(hc_count(g, "//ul[@id='message-list']/li"), 3, "page 2: 3");
	snprintf(ids, sizeof(ids), "%lld", am2);
	is_int(open_id(g, "/u/message", ids), 404,
	    "another agent's message: 404");
	ok(!is_read(am2), "... stays unread");
	is_int(open_id(a, "/u/message", ids), 303,
	    "a member on /u/message: to sign in");
	ok(!is_read(am2), "... not marked");
	bad_ids(g, "/u/message");
	bm = test_sql_int("SELECT MAX(id) FROM station_message WHERE"
	    " recipient_kind = 1");
	snprintf(ids, sizeof(ids), "%lld", bm);
	is_int(open_id(g, "/u/message", ids), 404, "a member's message: 404");
	snprintf(q, sizeof(q), "SELECT id FROM station_message WHERE"
	    " recipient_kind = 2 AND recipient_id = %lld AND title ="
	    " '单位消息01'", agent);
	snprintf(ids, sizeof(ids), "%lld", test_sql_int(q));
	is_int(open_id(g, "/u/message", ids), 303, "open one");
	is_str(hc_location_path(g), "/u/units", "... to its item");
	hc_get(g, "/u/");
	is_str(badge(g), "1", "header: 1");
	hc_get(g, "/u/messages");
	is_int(hc_post(g, "/u/messages/read-all", NULL), 303, "全部已读");
	is_str(hc_location_path(g), "/u/messages", "... back to the list");
	is_int(unread_of(K_AGENT, agent), 0, "all the agent's read");
	is_int(unread_of(K_AGENT, agent2), 1, "the other agent's not");
	hc_follow(g);
	is_str(badge(g), "", "header: none");
	hc_get(g2, "/u/");
	is_str(badge(g2), "1", "the other agent: 1");

	/* The member's pages refuse the agent, and the other way round. */
	snprintf(p, sizeof(p), "/m/message?id=%lld", linked);
	is_int(hc_get(g, p), 303, "the agent on /m/message: to sign in");
	is_str(hc_location_path(g), "/m/bind", "... /m/bind");
	hc_free(a);
	hc_free(b);
	hc_free(g);
	hc_free(g2);
	hc_free(anon);
	/* sql/026: every session's unread count is its messages'. */
	is_int(test_sql_int("SELECT COUNT(*) FROM session s WHERE s.kind IN"
	    " (1, 2) AND s.unread <> (SELECT COUNT(*) FROM station_message m"
	    " WHERE m.recipient_kind = s.kind AND m.recipient_id ="
	    " s.subject_id AND m.read_at IS NULL)"), 0,
	    "after sending and reading: every session's unread count is its"
	    " unread messages'");
	return tap_done();
}
