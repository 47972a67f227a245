/*
 * t_desk.c -- the review desk: one queue across every business type (counts,
 * filters, paging, oldest first, only what the user's roles may act on
 * now), one review page shell (what, who, the type's body, materials with
 * a preview, timeline, decision form), 常用退回意见 edited by admin and
 * offered on every return, and segregation of duties counted per round.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define FILER	"13700000777"	/* a new agent asking for a unit of ours */
#define CHAIR	"13700000778"	/* that unit's chairman */

static char srcdir[1024];

/* Plant `n` queued items of `type` in `state` (office roles `acts`),
 * filed on consecutive days from `day` in 2020-01, in district `d`. */
static void
plant(const char *type, const char *state, int acts, int n, int day,
    long long d, const char *title)
{
	char q[700];

	snprintf(q, sizeof(q), "INSERT INTO flow_item (type, item_id, state,"
	    " filer_kind, filer_id, filer_name, district_id, title, round, acts,"
	    " submitted_at) SELECT '%s', 900000 + 100 * %d + seq, '%s', 2, 1, '测试经办人',"
	    " %lld, CONCAT('%s', seq), 1, %d, '2020-01-01' + INTERVAL (%d + seq)"
	    " DAY FROM seq_1_to_%d", type, day, state, d, title, acts, day - 1, n);
	test_sql(q);
}

static void
queue_checks(void)
{
	struct hc *r1 = hc_new(), *r2 = hc_new(), *ad = hc_new();
	long long d1 = test_sql_int("SELECT MIN(id) FROM org WHERE level = 'district'");
	long long d2 = test_sql_int("SELECT MAX(id) FROM org WHERE level = 'district'");
	char q[300];

	plant("transfer", "review1", 1, 25, 1, d1, "排队甲");
	plant("membership_change", "review1", 1, 5, 2, d2, "排队乙");
	plant("transfer", "review2", 2, 2, 3, d1, "排队丙");
	hc_login_office(r1, "review1");
	hc_login_office(r2, "review2");
	hc_login_office(ad, "admin");

	is_int(hc_get(r1, "/o/queue"), 200, "review1 opens the one queue");
	ok(strncmp(hc_xpath(r1, "string(//*[@id='queue-total'])"), "共 ", 4) == 0,
	    "the total shown");
	is_str(hc_xpath(r1, "string(//table[@id='queue']//tr[1]/td[2])"), "排队甲1",
	    "oldest 上报 first");
	is_int(hc_count(r1, "//table[@id='queue']/tbody/tr"), 20, "20 to a page");
	ok(hc_count(r1, "//table[@id='queue']//tr[@data-type='membership_change']") >= 1,
	    "types side by side in one queue");
	is_int(hc_count(r1, "//table[@id='queue']//tr[@data-state='review2']"), 0,
	    "review1 does not see 待复审 items");
	ok(atoi(hc_xpath(r1, "string(//*[@id='queue-counts']//a[@data-type='transfer'"
	    " and @data-state='review1']/b)")) >= 25, "count per queue: 单位绑定 · 待初审");
	ok(hc_count(r1, "//*[@id='pager']") == 1, "paging offered");
	{
		/* Each worker keeps the page it read while nothing changes:
		 * a change reaches every one of them at once. */
		int i, before = atoi(hc_xpath(r1, "substring-after("
		    "string(//*[@id='queue-total']), '共 ')")), fresh = 0;

		for (i = 0; i < 4; i++)
			hc_get(r1, "/o/queue");
		test_sql("UPDATE flow_item SET state = 'review2', acts = 2 WHERE"
		    " title = '排队甲1' AND item_id BETWEEN 900000 AND 999999");
		for (i = 0; i < 4; i++) {
			hc_get(r1, "/o/queue");
			fresh += hc_count(r1, "//table[@id='queue']//tr[td[2] ="
			    " '排队甲1']") == 0 && atoi(hc_xpath(r1,
			    "substring-after(string(//*[@id='queue-total']),"
			    " '共 ')")) == before - 1;
		}
		is_int(fresh, 4, "an item gone to 待复审 leaves review1's queue"
		    " in every worker at once");
		test_sql("UPDATE flow_item SET state = 'review1', acts = 1 WHERE"
		    " title = '排队甲1' AND item_id BETWEEN 900000 AND 999999");
		hc_get(r1, "/o/queue");
	}
	hc_get(r1, "/o/queue?page=2");
	ok(hc_count(r1, "//table[@id='queue']//tr[td[2] = '排队甲21']") == 1,
	    "page 2 goes on where page 1 stopped");

	hc_get(r1, "/o/queue?type=membership_change");
	ok(hc_count(r1, "//table[@id='queue']/tbody/tr") >= 5 &&
	    hc_count(r1, "//table[@id='queue']//tr[@data-type!='membership_change']") == 0,
	    "filter by type");
	snprintf(q, sizeof(q), "/o/queue?district=%lld", d2);
	hc_get(r1, q);
	is_int(hc_count(r1, "//table[@id='queue']//tr[starts-with(td[2], '排队甲')]"), 0,
	    "filter by district leaves the other district out");
	ok(hc_count(r1, "//table[@id='queue']//tr[starts-with(td[2], '排队乙')]") == 5,
	    "... and keeps its own");
	hc_get(r1, "/o/queue?from=2020-01-03&to=2020-01-04");
	is_int(hc_count(r1, "//table[@id='queue']/tbody/tr"), 4,
	    "filter by 上报 dates, both ends included");
	hc_get(r1, "/o/queue?from=not-a-date");
	ok(hc_count(r1, "//table[@id='queue']/tbody/tr") == 20, "a bad date is no filter");

	hc_get(r2, "/o/queue");
	is_int(hc_count(r2, "//table[@id='queue']//tr[starts-with(td[2], '排队丙')]"), 2,
	    "review2 sees the 待复审 ones");
	is_int(hc_count(r2, "//table[@id='queue']//tr[@data-state='review1']"), 0,
	    "... and none at 待初审");
	hc_get(ad, "/o/queue");
	is_int(hc_count(ad, "//table[@id='queue']/tbody/tr"), 0,
	    "admin reviews nothing: an empty queue");
	ok(*hc_xpath(ad, "string(//*[@id='queue-empty'])"), "... that says so");
	test_sql("DELETE FROM flow_item WHERE item_id > 900000");
	hc_free(r1);
	hc_free(r2);
	hc_free(ad);
}

/* The last page's review-page path for transfer `id`. */
static const char *
review_path(long long id)
{
	static char p[80];

	snprintf(p, sizeof(p), "/o/review?type=transfer&id=%lld", id);
	return p;
}

/* Post a decision on the desk; returns the status. */
static int
decide(struct hc *c, long long id, const char *d, const char *reason,
    const char *pick)
{
	char ids[24];

	snprintf(ids, sizeof(ids), "%lld", id);
	hc_get(c, review_path(id));
	return hc_post(c, "/o/review", "type", "transfer", "id", ids,
	    "decision", d, "reason", reason, "pick", pick, NULL);
}

static void
shell_and_reasons(void)
{
	struct hc *ag = hc_new(), *r1 = hc_new(), *r2 = hc_new(),
	    *fi = hc_new(), *ad = hc_new(), *both = hc_new();
	long long unit, id, rid;
	char q[400], file[1100], unit_s[24], ids[24];

	test_sql("INSERT INTO agent (phone, name, id_number, password_hash,"
	    " profile_at) SELECT '" FILER "', '钱桌面', '370203198909090016',"
	    " password_hash, NOW() FROM agent WHERE phone = '13800000001'");
	test_sql("INSERT INTO staff (username, name, password_hash, roles)"
	    " SELECT 'desk.both', '兼初复审', password_hash, 'review1,review2'"
	    " FROM staff WHERE username = 'admin'");
	/* A unit of our own, so the binding moves nobody else's chairman. */
	test_sql("INSERT INTO org (parent_id, level, name, status) SELECT MIN(id),"
	    " 'unit', '审核台测试单位工会委员会', 'approved' FROM org WHERE level ="
	    " 'district'");
	unit = test_sql_int("SELECT MAX(id) FROM org WHERE name ="
	    " '审核台测试单位工会委员会'");
	test_sql("INSERT INTO agent (phone, name, id_number, password_hash,"
	    " profile_at) SELECT '" CHAIR "', '孙主席', '370203197001010011',"
	    " password_hash, NOW() FROM agent WHERE phone = '13800000001'");
	snprintf(q, sizeof(q), "INSERT INTO agent_unit (agent_id, unit_id, role,"
	    " perms) SELECT id, %lld, 'chairman', 'mutual_aid' FROM agent WHERE"
	    " phone = '" CHAIR "'", unit);
	test_sql(q);
	snprintf(unit_s, sizeof(unit_s), "%lld", unit);
	hc_login_agent(ag, FILER);
	hc_get(ag, "/u/transfer");
	is_int(hc_post(ag, "/u/transfer/new", "unit", unit_s, NULL), 303,
	    "an agent asks to bind a unit");
	id = test_sql_int("SELECT MAX(id) FROM transfer");
	snprintf(ids, sizeof(ids), "%lld", id);

	/* A draft is the filer's alone. */
	hc_login_office(r1, "review1");
	is_int(hc_get(r1, review_path(id)), 404, "a draft is not on the desk");

	snprintf(q, sizeof(q), "/u/transfer?id=%lld", id);
	hc_get(ag, q);
	snprintf(file, sizeof(file), "%s/tests/data/stamp.png", srcdir);
	is_int(hc_upload(ag, "/u/transfer/upload", "file", file, "授权书.png",
	    "id", ids, NULL), 303, "the letter uploaded (a picture)");
	hc_get(ag, q);
	is_int(hc_post(ag, "/u/transfer/submit", "id", ids, NULL), 303, "上报");

	/* The shell: what, who, the type's body, materials, timeline. */
	is_int(hc_get(r1, review_path(id)), 200, "review1 opens the review page");
	is_str(hc_xpath(r1, "string(//section[@id='review']/@data-type)"), "transfer",
	    "one shell, the type named");
	is_str(hc_xpath(r1, "string(//*[@id='d-filer'])"), "钱桌面", "who filed it");
	ok(*hc_xpath(r1, "string(//*[@id='d-unit'])"), "the type's body: the unit");
	is_str(hc_xpath(r1, "string(//*[@id='item-state'])"), "待初审", "the state");
	ok(hc_count(r1, "//*[@id='materials']//a") == 1, "the letter listed");
	snprintf(q, sizeof(q), "%s", hc_xpath(r1,
	    "string(//figure[contains(@class,'preview')]/img/@src)"));
	ok(strstr(q, "inline=1") != NULL, "the picture is previewed in the page");
	is_int(hc_get(r1, q), 200, "the preview loads");
	ok(hc_header(r1, "Content-Disposition") &&
	    strncmp(hc_header(r1, "Content-Disposition"), "inline", 6) == 0,
	    "... shown inline, not downloaded");
	is_str(hc_header(r1, "Content-Type"), "image/png", "... as the image it is");
	hc_get(r1, review_path(id));
	ok(hc_count(r1, "//*[@id='timeline']//li") >= 1, "the timeline");
	is_int(hc_count(r1, "//form[@id='decide-form']//button[@id='approve']"), 1,
	    "the decision form: 通过");
	is_int(hc_count(r1, "//form[@id='decide-form']//button[@id='return']"), 1,
	    "... and 退回");
	hc_login_office(r2, "review2");
	is_int(hc_get(r2, review_path(id)), 200, "review2 may look");
	is_int(hc_count(r2, "//form[@id='decide-form']"), 0, "... but not decide at 初审");
	hc_login_office(fi, "finance");
	is_int(hc_get(fi, review_path(id)), 404, "finance reviews no 单位绑定: 404");

	/* 常用退回意见: admin adds one; it is offered on the return. */
	hc_login_office(ad, "admin");
	is_int(hc_get(ad, "/o/reasons"), 200, "admin edits 常用退回意见");
	ok(hc_count(ad, "//ul[@id='reasons-transfer']/li") >= 1, "... listed per type");
	is_int(hc_post(ad, "/o/reasons", "type", "transfer", "text", "桌面测试：授权书缺少签字，请补签",
	    NULL), 303, "one added");
	hc_get(r1, review_path(id));
	is_int(hc_count(r1, "//select[@id='f-pick']/option[. = '桌面测试：授权书缺少签字，请补签']"), 1,
	    "offered on the return as a pick");
	is_int(hc_get(r1, "/o/reasons"), 403, "only admin edits the list");
	/* A reason is at most 500 characters, like the return it becomes. */
	{
		char *t = malloc(501 * 3 + 1);
		int i;

		for (i = 0; i < 501; i++)
			memcpy(t + 3 * i, "测", 3);
		t[501 * 3] = '\0';
		hc_get(ad, "/o/reasons");
		is_int(hc_post(ad, "/o/reasons", "type", "transfer", "text", t, NULL),
		    200, "a reason of 501 characters is refused");
		is_str(hc_xpath(ad, "string(//p[contains(@class,'msg-error')])"),
		    "不能超过500个字", "... saying the limit");
		t[500 * 3] = '\0';
		hc_get(ad, "/o/reasons");
		is_int(hc_post(ad, "/o/reasons", "type", "transfer", "text", t, NULL),
		    303, "one of exactly 500 is kept");
		is_int((int)test_sql_int("SELECT COUNT(*) FROM flow_reason WHERE"
		    " CHAR_LENGTH(text) = 500"), 1, "... whole");
		test_sql("DELETE FROM flow_reason WHERE CHAR_LENGTH(text) = 500");
		free(t);
	}

	/* Segregation of duties per round: `both` takes 初审, r2 returns at
	 * 复审 with a picked reason (no script: the pick is sent as is). */
	hc_login_office(both, "desk.both");
	is_int(decide(both, id, "approve", "", ""), 303, "both-roles user: 初审 通过");
	is_int(decide(both, id, "approve", "", ""), 200, "... refused the 复审");
	is_str(hc_xpath(both, "string(//p[contains(@class,'msg-error')])"),
	    "同一办件的各级审核不能由同一人办理", "... segregation of duties");
	is_int(decide(r2, id, "return", "", "桌面测试：授权书缺少签字，请补签"), 303,
	    "review2 returns with the picked reason");
	is_str(flow_state_of("transfer", id), "returned", "returned to the filer");
	snprintf(q, sizeof(q), "SELECT reason FROM flow_step WHERE type = 'transfer'"
	    " AND item_id = %lld ORDER BY id DESC LIMIT 1", id);
	is_str(test_sql_str(q), "桌面测试：授权书缺少签字，请补签", "the reason kept on the timeline");
	snprintf(q, sizeof(q), "/u/transfer?id=%lld", id);
	hc_get(ag, q);
	ok(strstr(hc_xpath(ag, "string(//*[@id='return-reason'])"), "授权书缺少签字")
	    != NULL, "the filer sees why");
	is_int(hc_post(ag, "/u/transfer/submit", "id", ids, NULL), 303, "上报 again");
	/* A new round: who did what in the last one no longer counts. */
	is_int(decide(r1, id, "approve", "", ""), 303, "round 2: review1 takes 初审");
	is_int(decide(both, id, "approve", "", ""), 303,
	    "round 2: both-roles user may take 复审 (nothing of theirs this round)");
	is_str(flow_state_of("transfer", id), "approved", "approved");

	rid = test_sql_int("SELECT id FROM flow_reason WHERE text = '桌面测试：授权书缺少签字，请补签'");
	snprintf(q, sizeof(q), "%lld", rid);
	hc_get(ad, "/o/reasons");
	is_int(hc_post(ad, "/o/reasons", "type", "transfer", "remove", q, NULL), 303,
	    "admin removes it");
	is_int((int)test_sql_int("SELECT COUNT(*) FROM flow_reason WHERE text ="
	    " '桌面测试：授权书缺少签字，请补签'"), 0, "gone");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'flow.reason.%'") >= 2,
	    "both edits audited");
	test_sql("DELETE FROM staff WHERE username = 'desk.both'");
	hc_free(ag);
	hc_free(r1);
	hc_free(r2);
	hc_free(fi);
	hc_free(ad);
	hc_free(both);
}

int
main(void)
{
	const char *s = getenv("HZ_SRCDIR");

	snprintf(srcdir, sizeof(srcdir), "%s", s ? s : "../..");
	queue_checks();
	shell_and_reasons();
	/* The desk's counts are kept by triggers (sql/018): after every
	 * test before this one, and this one's planted items, they still
	 * say what flow_item holds. */
	is_int((int)test_sql_int("SELECT COUNT(*) FROM (SELECT type, state,"
	    " acts, COUNT(*) AS n FROM flow_item GROUP BY type, state, acts) i"
	    " LEFT JOIN flow_count c USING (type, state, acts)"
	    " WHERE c.n IS NULL OR c.n <> i.n"), 0,
	    "flow_count agrees with flow_item, type by type and state by state");
	is_int((int)test_sql_int("SELECT COUNT(*) FROM flow_count c WHERE n <> 0"
	    " AND NOT EXISTS (SELECT 1 FROM flow_item i WHERE i.type = c.type"
	    " AND i.state = c.state AND i.acts = c.acts)"), 0,
	    "... and counts nothing that is not there");
	return tap_done();
}
