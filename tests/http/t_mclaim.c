/*
 * t_mclaim.c -- the member's 住院医疗 claim on the phone (seed 001): the
 * list and 申请住院补助金; the three steps, each kept as a draft (the ID
 * card's sides, the stay and the proof the district asks, the account
 * with its Luhn warning and the attestation), every refusal shown in
 * Chinese with the input kept, the photo checks (type, size), 确认提交
 * → "补助申请提交完成"; the detail (待定, 备注, 材料待补充, 审核进度, the
 * actions of each state), 删除, 修正信息 after 打款失败; and access:
 * member B gets 404 on member A's claims and photos.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "client.h"
#include "tap.h"

static char tmpdir[64];

/* A day `days` from today (negative: before), "YYYY-MM-DD" (static:
 * four buffers in turn). */
static const char *
day(int days)
{
	static char buf[4][11];
	static int i;
	char q[160];

	i = (i + 1) % 4;
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(CURDATE() + INTERVAL %d"
	    " DAY, '%%Y-%%m-%%d')", days);
	snprintf(buf[i], sizeof(buf[i]), "%s", test_sql_str(q));
	return buf[i];
}

/* A file of `size` bytes starting with `magic` in the test's directory. */
static const char *
make_file(const char *name, const char *magic, size_t mlen, size_t size)
{
	static char path[4][128];
	static int i;
	FILE *f;
	size_t n;

	i = (i + 1) % 4;
	snprintf(path[i], sizeof(path[i]), "%s/%s", tmpdir, name);
	if ((f = fopen(path[i], "wb")) == NULL)
		return path[i];
	fwrite(magic, 1, mlen, f);
	for (n = mlen; n < size; n++)
		fputc((int)(n * 7 % 251), f);
	fclose(f);
	return path[i];
}

static const char jpg_magic[] = "\xff\xd8\xff\xe0\x00\x10JFIF";

/* The claim id in the last redirect's ?id=. */
static long long
id_of_location(struct hc *c)
{
	const char *s = strstr(hc_location(c), "id=");

	return s ? atoll(s + 3) : -1;
}

/* A coverage of YL19's latest version for `member` from 200 days ago,
 * its 等待期 90 days, ending in 165 days. */
static int
cover(long long member, long long unit)
{
	char q[1024];

	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends, waits_until)"
	    " SELECT %lld, p.id, pv.id, %lld, (SELECT MIN(id) FROM enroll),"
	    " CURDATE() - INTERVAL 200 DAY, CURDATE() + INTERVAL 165 DAY,"
	    " CURDATE() - INTERVAL 110 DAY FROM plan p JOIN plan_version pv"
	    " ON pv.plan_id = p.id WHERE p.code = 'YL19'"
	    " ORDER BY pv.version DESC LIMIT 1", member, unit);
	return test_sql(q);
}

static char ids[24];

static const char *
num(long long v)
{
	snprintf(ids, sizeof(ids), "%lld", v);
	return ids;
}

/* The page's message for the whole form, or a field's error. */
static const char *
msg(struct hc *c)
{
	static char m[512];

	snprintf(m, sizeof(m), "%s", hc_xpath(c,
	    "string(//p[contains(@class,'msg-error')])"));
	return m;
}

static const char *
err(struct hc *c, const char *field)
{
	static char x[128];

	snprintf(x, sizeof(x), "string(//*[@id='err-%s'])", field);
	return hc_xpath(c, x);
}

static const char *
value(struct hc *c, const char *field)
{
	static char x[128];

	snprintf(x, sizeof(x), "string(//*[@id='f-%s']/@value)", field);
	return hc_xpath(c, x);
}

/* Step 2 posted with these values. */
static int
stay(struct hc *c, long long id, const char *go, const char *hospital,
    const char *in, const char *out, const char *disease)
{
	char p[64];

	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=2", id);
	hc_get(c, p);
	return hc_post(c, "/m/claim/step", "id", num(id), "n", "2", "go", go,
	    "hospital", hospital, "admitted", in, "discharged", out,
	    "disease", disease, "invoice_no", "", NULL);
}

/* Step 3 posted with these values. */
static int
account(struct hc *c, long long id, const char *go, const char *payee,
    const char *card, const char *note, const char *attest)
{
	char p[64];

	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=3", id);
	hc_get(c, p);
	return hc_post(c, "/m/claim/step", "id", num(id), "n", "3", "go", go,
	    "payee", payee, "card", card, "bank", "工商银行", "branch",
	    "南宁市清环路支行", "bank_phone", "13520711158", "payee_note", note,
	    "attest", attest, NULL);
}

/* Upload `file` as photo `kind` at step `n` with 下一步. */
static int
photo(struct hc *c, long long id, int n, const char *kind, const char *file,
    const char *name)
{
	char p[64], ns[4];

	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=%d", id, n);
	snprintf(ns, sizeof(ns), "%d", n);
	hc_get(c, p);
	if (n == 2)
		return hc_upload(c, "/m/claim/step", kind, file, name, "id",
		    num(id), "n", ns, "go", "next", "hospital", "南宁人民医院",
		    "admitted", day(-30), "discharged", day(-25), "disease",
		    "急性肠胃炎", "invoice_no", "", NULL);
	return hc_upload(c, "/m/claim/step", kind, file, name, "id", num(id),
	    "n", ns, "go", "next", NULL);
}

/* What a page refused, for the log. */
static void
said(struct hc *c)
{
	char m[512];

	snprintf(m, sizeof(m), "%s", hc_xpath(c, "normalize-space(//p[contains"
	    "(@class,'msg')])"));
	printf("# said: %s | %s\n", m, hc_xpath(c, "normalize-space(//*[@class"
	    "='err'])"));
}

/* A new claim of the signed-in member, through 申请住院补助金. */
static long long
new_claim(struct hc *c)
{
	hc_get(c, "/m/claims");
	if (hc_post(c, "/m/claims/new", NULL) != 303)
		return -1;
	return id_of_location(c);
}

/* A claim through its first two steps (ID card, the stay, the sheet). */
static void
two_steps(struct hc *c, long long id, const char *jpg, const char *png)
{
	photo(c, id, 1, "id_front", jpg, "front.jpg");
	photo(c, id, 1, "id_back", png, "back.png");
	photo(c, id, 2, "settlement", jpg, "sheet.jpg");
}

/*
 * 基层审核 (Xiamen): where the district asks for it, a member's claim
 * waits for an agent of the member's unit holding 医疗互助, who agrees or
 * returns it with a reason the member is told; an agent of another unit
 * sees nothing of it.
 */
static void
grassroots(struct hc *m, long long member, long long unit, const char *phone,
    long long district, const char *jpg, const char *png)
{
	struct hc *ag = hc_new(), *other = hc_new();
	char q[512], p[96], name[64], ophone[16];
	long long id;

	snprintf(q, sizeof(q), "INSERT INTO claim_region (district_id,"
	    " unit_review, proof) VALUES (%lld, 1, 'settlement') ON DUPLICATE"
	    " KEY UPDATE unit_review = 1, proof = 'settlement'", district);
	ok(test_sql(q), "the district asks for 基层审核");
	id = new_claim(m);
	two_steps(m, id, jpg, png);
	account(m, id, "submit", "陆明本", "6222021234567890128", "", "1");
	if (strcmp(flow_state_of("claim", id), "unit") != 0)
		said(m);
	is_str(flow_state_of("claim", id), "unit",
	    "a member's claim waits for 基层审核");
	hc_login_agent(ag, phone);
	hc_get(ag, "/u/");
	snprintf(q, sizeof(q), "//tr[@data-type='grassroots' and @data-id="
	    "'%lld']//a/@href", id);
	snprintf(p, sizeof(p), "/u/claim?id=%lld", id);
	is_str(hc_xpath(ag, q), p, "我的办件 on the agent's home: 去审核 it");
	is_int(hc_get(ag, p), 200, "the unit's agent opens it");
	is_int(hc_count(ag, "//section[@id='grassroots']//button"), 2,
	    "... with 同意 and 退回");
	is_int(hc_count(ag, "//form[@id='event-form']"), 0,
	    "... and cannot edit the member's claim");
	snprintf(name, sizeof(name), "基层审核他单位%d", (int)getpid());
	snprintf(ophone, sizeof(ophone), "134%08u", (unsigned)getpid() %
	    100000000u);
	test_unit_new(name, ophone);
	hc_login_agent(other, ophone);
	is_int(hc_get(other, p), 404, "another unit's agent: 404");
	hc_get(ag, p);
	hc_post(ag, "/u/claim/step", "id", num(id), "action", "return",
	    "reason", "", NULL);
	is_str(flow_state_of("claim", id), "unit", "a return needs a reason");
	hc_get(ag, p);
	hc_post(ag, "/u/claim/step", "id", num(id), "action", "return",
	    "reason", "请补充出院小结", NULL);
	is_str(flow_state_of("claim", id), "draft", "退回: back to the member");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM station_message WHERE"
	    " recipient_kind = 1 AND recipient_id = %lld AND body LIKE"
	    " '%%住院医疗补助申请被驳回，驳回理由是：请补充出院小结%%'", member);
	is_int((int)test_sql_int(q), 1, "... who is told why");
	account(m, id, "submit", "陆明本", "6222021234567890128", "", "1");
	if (strcmp(flow_state_of("claim", id), "unit") != 0)
		said(m);
	is_str(flow_state_of("claim", id), "unit", "resubmitted: 基层审核 again");
	hc_get(ag, p);
	hc_post(ag, "/u/claim/step", "id", num(id), "action", "approve", NULL);
	is_str(flow_state_of("claim", id), "review1", "同意: on to 待初审");
	hc_get(ag, "/u/");
	snprintf(q, sizeof(q), "count(//tr[@data-type='grassroots' and"
	    " @data-id='%lld'])", id);
	is_str(hc_xpath(ag, q), "0", "... and leaves 我的办件");
	snprintf(q, sizeof(q), "SELECT actor_name FROM flow_step WHERE type ="
	    " 'claim' AND item_id = %lld AND node = '基层审核' AND action ="
	    " 'approve'", id);
	ok(*test_sql_str(q) != '\0', "the timeline names the agent (%s)",
	    test_sql_str(q));
	(void)unit;
	hc_free(ag);
	hc_free(other);
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *anon = hc_new(),
	    *r1 = hc_new(), *adm = hc_new();
	long long unit, ma, mb, id, id2, idb, file, district;
	char name[64], phone[16], q[512], p[160], pngpath[512];
	int i, seen, unread0;
	const char *jpg, *png, *big, *pdf, *at_limit, *over_limit;
	int st;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/t_mclaim.%d", (int)getpid());
	mkdir(tmpdir, 0700);
	jpg = make_file("small.jpg", jpg_magic, sizeof(jpg_magic) - 1, 4000);
	big = make_file("big.jpg", jpg_magic, sizeof(jpg_magic) - 1,
	    1024 * 1024 + 4096);
	at_limit = make_file("limit.jpg", jpg_magic, sizeof(jpg_magic) - 1,
	    1024 * 1024);
	over_limit = make_file("limit1.jpg", jpg_magic, sizeof(jpg_magic) - 1,
	    1024 * 1024 + 1);
	snprintf(pngpath, sizeof(pngpath), "%s", test_datafile("stamp.png"));
	png = pngpath;
	pdf = test_datafile("license.pdf");	/* static: read last */

	snprintf(name, sizeof(name), "补助单位%d", (int)getpid());
	snprintf(phone, sizeof(phone), "135%08u", (unsigned)getpid() %
	    100000000u);
	ok((unit = test_unit_new(name, phone)) > 0, "a unit of this test");
	ma = test_member_new(unit, "李树杭", test_id_number("1980-05-06",
	    getpid() % 300, 'M'), 'M', "1980-05-06", NULL);
	mb = test_member_new(unit, "陆明本", test_id_number("1981-03-04",
	    getpid() % 300 + 1, 'M'), 'M', "1981-03-04", NULL);
	ok(ma > 0 && mb > 0, "two members");
	ok(cover(ma, unit) && cover(mb, unit), "both covered by 第十九期");
	snprintf(q, sizeof(q), "SELECT parent_id FROM org WHERE id = %lld",
	    unit);
	district = test_sql_int(q);
	ok(hc_member_as(a, ma) && hc_member_as(b, mb), "both signed in");

	/* ---- home and the list */
	is_int(hc_get(a, "/m/"), 200, "home");
	is_str(hc_xpath(a, "string(//a[@id='tile-claims']/@href)"),
	    "/m/claims", "补助申请 on the home page leads to the claims");
	is_int(hc_get(a, "/m/claims"), 200, "the claims");
	ok(hc_count(a, "//*[@id='claims-empty']") == 1, "none yet");
	is_str(hc_xpath(a, "normalize-space(//button[@id='new-claim'])"),
	    "申请住院补助金", "申请住院补助金");

	/* ---- step 1: the ID card */
	id = new_claim(a);
	ok(id > 0, "申请住院补助金 makes a draft");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=1", id);
	is_str(hc_location_path(a), p, "... and opens its first step");
	is_str(flow_state_of("claim", id), "draft", "... a draft");
	snprintf(q, sizeof(q), "SELECT no FROM claim WHERE id = %lld", id);
	ok(strncmp(test_sql_str(q), "ZY", 2) == 0 && strlen(test_sql_str(q))
	    == 17 && test_sql_str(q)[10] == 'A',
	    "numbered ZY<date>A<6 digits> (%s)", test_sql_str(q));
	is_int(hc_get(a, p), 200, "step 1");
	ok(strstr(hc_xpath(a, "string(//h1[contains(@class,'step-head')])"),
	    "请上传李树杭的居民身份证正反面照片") != NULL, "asks for 李树杭's ID card");
	is_str(hc_xpath(a, "string(//*[@id='step-count'])"), "第1步/共3步",
	    "第1步/共3步");
	is_str(hc_xpath(a, "normalize-space(//*[@id='id-examples']/ul)"),
	    "标准边框缺失照片模糊曝光过度", "the four examples");
	is_str(hc_xpath(a, "string(//form[@id='step-form']/@data-photo-max)"),
	    "1048576", "the page is told the 1 MB limit");
	is_int(hc_post(a, "/m/claim/step", "id", num(id), "n", "1", "go",
	    "next", NULL), 200, "下一步 without photos stays");
	is_str(msg(a), "请上传身份证人像面", "... asking for the front");
	is_int(photo(a, id, 1, "id_front", pdf, "front.jpg"), 200,
	    "a PDF named .jpg");
	is_str(err(a, "id_front"), "请上传jpg或png格式的照片",
	    "... refused as not a photo");
	is_int(photo(a, id, 1, "id_front", big, "front.jpg"), 200,
	    "a photo over 1 MB");
	is_str(err(a, "id_front"), "照片不能超过1024KB，请压缩后重新上传",
	    "... refused, saying so");
	is_int(photo(a, id, 1, "id_front", over_limit, "front.jpg"), 200,
	    "a photo one byte over 1 MB");
	is_str(err(a, "id_front"), "照片不能超过1024KB，请压缩后重新上传",
	    "... refused");
	is_int(photo(a, id, 1, "id_front", at_limit, "front.jpg"), 200,
	    "the front alone, a photo of exactly 1 MB");
	is_str(msg(a), "请上传身份证国徽面", "... asks for the back");
	ok(hc_count(a, "//img[@id='kept-id_front']") == 1,
	    "... and shows the front kept");
	if ((st = photo(a, id, 1, "id_back", png, "back.png")) != 303)
		said(a);
	is_int(st, 303, "the back as a PNG: 下一步");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=2", id);
	is_str(hc_location_path(a), p, "... to step 2");

	/* ---- step 2: the stay and its proof */
	is_int(hc_get(a, p), 200, "step 2");
	is_str(hc_xpath(a, "string(//*[@id='step-count'])"), "第2步/共3步",
	    "第2步/共3步");
	ok(strstr(hc_xpath(a, "string(//*[@id='slot-settlement'])"),
	    "费用结算单（必传）") != NULL, "the settlement sheet is required here");
	ok(strstr(hc_xpath(a, "string(//*[@id='slot-receipt'])"),
	    "收费票据（选传）") != NULL, "... the invoice optional");
	ok(strstr(hc_xpath(a, "string(//*[@id='step-form'])"),
	    "要求大小1M以内的jpg、png格式，最多可传1张") != NULL, "the 1M rule said");
	is_int(stay(a, id, "next", "南宁人民医院", day(-30), day(-25), ""), 200,
	    "no disease");
	is_str(err(a, "disease"), "请填写此项", "... asked for");
	is_str(value(a, "hospital"), "南宁人民医院", "... the hospital kept");
	is_int(stay(a, id, "next", "南宁人民医院", day(-25), day(-30),
	    "急性肠胃炎"), 200, "discharged before admitted");
	is_str(err(a, "discharged"), "出院日期不能早于入院日期", "... refused");
	is_str(value(a, "admitted"), day(-25), "... the dates kept");
	is_int(stay(a, id, "next", "南宁人民医院", day(-3), day(2), "急性肠胃炎"),
	    200, "a discharge in the future");
	is_str(msg(a), "日期不能晚于今天", "... refused");
	is_int(stay(a, id, "next", "南宁人民医院", day(-30), day(-25),
	    "急性肠胃炎"), 200, "the stay without its sheet");
	is_str(msg(a), "请上传费用结算单", "... asks for the settlement sheet");
	snprintf(q, sizeof(q), "SELECT CONCAT(hospital, ' ', disease, ' ',"
	    " admitted) FROM claim WHERE id = %lld", id);
	snprintf(p, sizeof(p), "南宁人民医院 急性肠胃炎 %s", day(-30));
	is_str(test_sql_str(q), p, "... the stay kept as a draft");
	/* 柳州: the invoice, configured per district (claim_region). */
	snprintf(q, sizeof(q), "INSERT INTO claim_region (district_id, proof)"
	    " VALUES (%lld, 'invoice') ON DUPLICATE KEY UPDATE proof ="
	    " 'invoice'", district);
	ok(test_sql(q), "the district asks for the invoice");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=2", id);
	hc_get(a, p);
	ok(strstr(hc_xpath(a, "string(//*[@id='slot-receipt'])"),
	    "收费票据（必传）") != NULL, "... the invoice is required");
	is_int(stay(a, id, "next", "南宁人民医院", day(-30), day(-25),
	    "急性肠胃炎"), 200, "the stay without the invoice");
	is_str(msg(a), "请上传收费票据", "... asks for the invoice");
	snprintf(q, sizeof(q), "DELETE FROM claim_region WHERE district_id ="
	    " %lld", district);
	ok(test_sql(q), "the district back to the default");
	is_int(photo(a, id, 2, "settlement", jpg, "sheet.jpg"), 303,
	    "the sheet: 下一步");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=3", id);
	is_str(hc_location_path(a), p, "... to step 3");

	/* ---- step 3: the account */
	is_int(hc_get(a, p), 200, "step 3");
	is_str(value(a, "payee"), "李树杭", "开户人 is the member at first");
	ok(strstr(hc_xpath(a, "string(//*[@id='branch-hint'])"),
	    "请准确输入分行或支行名称") != NULL, "the branch hint");
	is_str(hc_xpath(a, "normalize-space(//label[@for='f-attest'])"),
	    "我已确认住院信息属实，知晓故意伪造收费票据及结算单据和证明材料属于违法行为，"
	    "需要承担法律责任。", "the attestation in seed 001's words");
	is_int(account(a, id, "submit", "李树杭", "12ab", "", "1"), 200,
	    "a card of letters");
	is_str(err(a, "card"), "银行卡号应为12到19位数字", "... refused");
	is_int(account(a, id, "submit", "李树杭", "6222021234567890120", "",
	    "1"), 200, "a card failing Luhn");
	ok(strstr(hc_xpath(a, "string(//*[@id='warn-card'])"), "校验未通过")
	    != NULL, "... warned on the field");
	ok(strstr(msg(a), "确认无误请再次点击确认提交") != NULL,
	    "... and asked once more");
	is_str(flow_state_of("claim", id), "draft", "... not submitted");
	is_int(account(a, id, "submit", "李树杭", "6222021234567890128", "",
	    ""), 200, "not attested");
	is_str(err(a, "attest"), "请阅读并勾选“我已确认住院信息属实”的承诺",
	    "... refused on the checkbox");
	is_str(value(a, "bank"), "工商银行", "... the account kept");
	is_int(account(a, id, "submit", "张三", "6222021234567890128", "", "1"),
	    200, "another holder without a word");
	is_str(err(a, "payee_note"),
	    "开户人不是补助人本人时，须填写说明并上传领款人证件", "... refused");
	is_int(account(a, id, "prev", "李树杭", "6222021234567890128", "", ""),
	    303, "上一步");
	snprintf(q, sizeof(q), "SELECT CONCAT(payee, card) FROM claim WHERE"
	    " id = %lld", id);
	is_str(test_sql_str(q), "李树杭6222021234567890128",
	    "... the account kept as a draft");
	if ((st = account(a, id, "submit", "李树杭", "6222021234567890128",
	    "", "1")) != 303)
		said(a);
	is_int(st, 303, "确认提交");
	snprintf(p, sizeof(p), "/m/claim?id=%lld&done=submitted", id);
	is_str(hc_location_path(a), p, "... to the detail");
	is_str(flow_state_of("claim", id), "review1", "... 待初审");
	is_int(hc_follow(a), 200, "the detail");
	is_str(hc_xpath(a, "normalize-space(//*[@id='submitted'])"),
	    "✓补助申请提交完成请等待审核返回", "补助申请提交完成，请等待审核");
	is_str(hc_xpath(a, "string(//*[@id='d-amount'])"), "待定",
	    "补助金额 待定");
	is_str(hc_xpath(a, "string(//*[@id='d-kind'])"), "住院医疗", "补助类型");
	is_str(hc_xpath(a, "string(//*[@id='d-person'])"), "李树杭", "补助人");
	ok(strstr(hc_xpath(a, "string(//*[@id='d-card'])"), "0128") &&
	    !strstr(hc_xpath(a, "string(//*[@id='d-card'])"), "202123"),
	    "the card masked");
	is_int(hc_count(a, "//*[@id='actions']/*"), 1, "only 审核进度 now");
	ok(hc_count(a, "//a[@id='progress-link']") == 1, "... 审核进度");
	ok(hc_count(a, "//*[@id='timeline']//li") >= 1, "the timeline");
	is_int(hc_count(a, "//ul[@id='claim-photos']/li"), 3, "three photos");
	is_int(hc_post(a, "/m/claim/step", "id", num(id), "n", "3", "go",
	    "submit", "payee", "李树杭", "card", "6222021234567890128", "bank",
	    "x", "branch", "y", "bank_phone", "13520711158", "attest", "1",
	    NULL), 200, "a submitted claim's step posted again");
	is_str(flow_state_of("claim", id), "review1", "... changes nothing");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=2", id);
	is_int(hc_get(a, p), 303, "its form is closed");

	/* ---- the photos: the member's own, audited */
	snprintf(q, sizeof(q), "SELECT MAX(id) FROM attachment WHERE"
	    " owner_type = 'claim' AND owner_id = %lld AND kind = 'id_front'",
	    id);
	file = test_sql_int(q);
	snprintf(p, sizeof(p), "/m/claim/file?id=%lld&file=%lld", id, file);
	is_int(hc_get(a, p), 200, "the member reads their ID photo");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'file.view' AND object_type = 'claim' AND object_id = %lld", id);
	ok(test_sql_int(q) >= 1, "... audited");

	/* ---- member B: nothing of A's */
	is_int(hc_get(b, "/m/claims"), 200, "B's claims");
	snprintf(p, sizeof(p), "//*[@data-claim='%lld']", id);
	is_int(hc_count(b, p), 0, "... without A's");
	snprintf(p, sizeof(p), "/m/claim?id=%lld", id);
	is_int(hc_get(b, p), 404, "B opens A's claim: 404");
	snprintf(p, sizeof(p), "/m/claim/file?id=%lld&file=%lld", id, file);
	is_int(hc_get(b, p), 404, "B reads A's photo: 404");
	snprintf(p, sizeof(p), "/m/claim/correct?id=%lld", id);
	is_int(hc_get(b, p), 404, "B's 修正信息 of A's: 404");
	idb = new_claim(b);
	ok(idb > 0, "B's own draft");
	snprintf(p, sizeof(p), "/m/claim/file?id=%lld&file=%lld", idb, file);
	is_int(hc_get(b, p), 404, "A's photo through B's own claim: 404");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=1", id);
	is_int(hc_get(b, p), 404, "A's form: 404");
	hc_get(b, "/m/claims");
	is_int(hc_upload(b, "/m/claim/step", "id_front", jpg, "x.jpg", "id",
	    num(id), "n", "1", "go", "next", NULL), 404,
	    "B uploads into A's claim: 404");
	is_int(hc_post(b, "/m/claim/delete", "id", num(id), NULL), 404,
	    "B deletes A's claim: 404");
	is_str(flow_state_of("claim", id), "review1", "... nothing changed");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM attachment WHERE"
	    " owner_type = 'claim' AND owner_id = %lld", id);
	is_int(test_sql_int(q), 3, "... and no photo added");
	snprintf(p, sizeof(p), "/m/claim?id=%lld", id);
	ok(hc_get(anon, p) == 303 && strncmp(hc_location_path(anon),
	    "/m/bind", 7) == 0, "nobody is sent to bind");

	/* ---- what claim_submit refuses, in Chinese, the input kept */
	id2 = new_claim(a);
	two_steps(a, id2, jpg, png);
	is_str(flow_state_of("claim", id2), "draft", "a second claim");
	stay(a, id2, "next", "南宁人民医院", day(-150), day(-145), "肺炎");
	account(a, id2, "submit", "李树杭", "6222021234567890128", "", "1");
	ok(strstr(msg(a), "等待期内") != NULL, "a stay in the 等待期: %s",
	    msg(a));
	is_str(value(a, "card"), "6222021234567890128", "... the input kept");
	stay(a, id2, "next", "南宁人民医院", day(-250), day(-245), "肺炎");
	account(a, id2, "submit", "李树杭", "6222021234567890128", "", "1");
	is_str(msg(a), "该职工在就诊（出险）日期没有有效的此项保障",
	    "a stay before the coverage");
	stay(a, id2, "next", "南宁人民医院", day(-400), day(-390), "肺炎");
	account(a, id2, "submit", "李树杭", "6222021234567890128", "", "1");
	is_str(msg(a), "已超过申请期限（出院后365天内）",
	    "a stay past the deadline");
	stay(a, id2, "next", "南宁人民医院", day(-20), day(-18), "肺炎");
	snprintf(q, sizeof(q), "UPDATE member SET died_on = '%s' WHERE id ="
	    " %lld", day(-40), ma);
	test_sql(q);
	account(a, id2, "submit", "李树杭", "6222021234567890128", "", "1");
	is_str(msg(a), "该日期晚于职工的亡故日期，不能申请",
	    "a stay after the recorded death");
	snprintf(q, sizeof(q), "UPDATE member SET died_on = NULL WHERE id ="
	    " %lld", ma);
	test_sql(q);
	is_str(flow_state_of("claim", id2), "draft", "... still a draft");

	/* ---- returned by 经办初审: 备注, 材料待补充, 删除 / 修改 */
	hc_get(a, "/m/");
	unread0 = atoi(hc_xpath(a, "normalize-space(//*[@id='hdr-unread'])"));
	hc_login_office(r1, "review1");
	snprintf(p, sizeof(p), "/o/review?type=claim&id=%lld", id);
	is_int(hc_get(r1, p), 200, "review1 opens the claim");
	is_int(hc_post(r1, "/o/review", "type", "claim", "id", num(id),
	    "decision", "return", "reason", "缺少证明材料", "pick", "", NULL),
	    303, "... and returns it: 缺少证明材料");
	is_str(flow_state_of("claim", id), "draft", "... a draft again");
	/* The 站内信 the return sends: the header counts it on every worker,
	 * it comes first in the list, and opening it leads to the claim. */
	for (i = 0, seen = 0; i < 6; i++)
		seen += hc_get(a, "/m/") == 200 && atoi(hc_xpath(a,
		    "normalize-space(//*[@id='hdr-unread'])")) == unread0 + 1;
	is_int(seen, 6, "the header counts the new message on every worker");
	hc_get(a, "/m/messages");
	snprintf(q, sizeof(q), "%s", hc_xpath(a, "normalize-space(//ul[@id="
	    "'message-list']/li[1][@data-read='0'])"));
	ok(strstr(q, "退回") != NULL || strstr(q, "驳回") != NULL,
	    "... first in the list, unread (%s)", q);
	snprintf(p, sizeof(p), "%s",
	    hc_xpath(a, "string(//ul[@id='message-list']/li[1]/a/@href)"));
	is_int(hc_get(a, p), 303, "opening it");
	snprintf(p, sizeof(p), "/m/claim?id=%lld", id);
	is_str(hc_location_path(a), p, "... leads to the claim");
	is_int(hc_get(a, p), 200, "the member's detail");
	is_str(hc_xpath(a, "string(//*[@id='claim-state'])"), "材料待补充",
	    "材料待补充");
	is_str(hc_xpath(a, "string(//*[@id='d-remark'])"), "缺少证明材料",
	    "备注 is the reason");
	ok(hc_count(a, "//*[@id='delete']") == 1 && hc_count(a,
	    "//*[@id='edit']") == 1 && hc_count(a, "//*[@id='correct']") == 0,
	    "删除 and 修改, no 修正信息");
	ok(strstr(hc_xpath(a, "string(//*[@id='timeline'])"), "经办初审") !=
	    NULL, "the timeline names 经办初审");
	ok(strstr(hc_xpath(a, "string(//*[@id='timeline'])"), "缺少证明材料") !=
	    NULL, "... with its reason");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=1", id);
	is_int(hc_get(a, p), 200, "修改 opens the form again");
	is_str(hc_xpath(a, "string(//*[@id='remark'])"), "退回原因：缺少证明材料",
	    "... with the reason above it");
	is_int(account(a, id, "submit", "李树杭", "6222021234567890128", "",
	    "1"), 303, "resubmitted");
	is_str(flow_state_of("claim", id), "review1", "... 待初审 again");
	hc_get(a, "/m/claims");
	is_int(hc_post(a, "/m/claim/delete", "id", num(id2), NULL), 303,
	    "删除 the second draft");
	is_str(flow_state_of("claim", id2), "cancelled", "... gone");
	hc_get(a, "/m/claims");
	snprintf(p, sizeof(p), "//*[@data-claim='%lld']", id2);
	is_int(hc_count(a, p), 0, "... from the list");
	snprintf(p, sizeof(p), "//*[@data-claim='%lld']//a[.='审核进度']", id);
	is_int(hc_count(a, p), 1, "the first with 审核进度 in the list");
	snprintf(p, sizeof(p), "string(//*[@data-claim='%lld']//dd[@class="
	    "'amount'])", id);
	is_str(hc_xpath(a, p), "待定", "... its amount 待定");

	/* ---- 打款失败 → 修正信息.  Fixture: payouts are not on this
	 * branch, so the claim is put into 'failed' in the database, with
	 * the bank's reason as a return step would keep it. */
	snprintf(q, sizeof(q), "UPDATE claim SET approved_amount = 832304"
	    " WHERE id = %lld", id);
	ok(test_sql(q), "fixture: approved 8323.04");
	snprintf(q, sizeof(q), "UPDATE flow_item SET state = 'failed', acts"
	    " = 0 WHERE type = 'claim' AND item_id = %lld", id);
	ok(test_sql(q), "fixture: 打款失败");
	snprintf(q, sizeof(q), "INSERT INTO flow_step (type, item_id, round,"
	    " action, node, from_state, to_state, apart, actor_kind, actor_id,"
	    " actor_name, reason) SELECT 'claim', item_id, round, 'return',"
	    " '打款', 'paying', 'failed', 1, 3, 0, '财务', '户名与卡号不符'"
	    " FROM flow_item WHERE type = 'claim' AND item_id = %lld", id);
	ok(test_sql(q), "fixture: the bank's reason");
	snprintf(p, sizeof(p), "/m/claim?id=%lld", id);
	is_int(hc_get(a, p), 200, "the failed claim's detail");
	is_str(hc_xpath(a, "string(//*[@id='d-pay'])"), "打款失败", "打款失败");
	is_str(hc_xpath(a, "string(//*[@id='d-amount'])"), "8,323.04 元",
	    "the amount once approved");
	ok(hc_count(a, "//*[@id='correct']") == 1 && hc_count(a,
	    "//*[@id='delete']") == 0, "修正信息, no 删除");
	snprintf(p, sizeof(p), "/m/claim/correct?id=%lld", id);
	is_int(hc_get(a, p), 200, "修正信息");
	is_str(value(a, "card"), "6222021234567890128", "... the card as it was");
	is_int(hc_post(a, "/m/claim/correct", "id", num(id), "payee", "李树杭",
	    "card", "", "bank", "工商银行", "branch", "南宁市清环路支行",
	    "bank_phone", "13520711158", NULL), 200, "without a card");
	is_str(err(a, "card"), "请填写银行卡号", "... refused");
	is_str(value(a, "branch"), "南宁市清环路支行", "... the input kept");
	is_str(flow_state_of("claim", id), "failed", "... still 打款失败");
	is_int(hc_post(a, "/m/claim/correct", "id", num(id), "payee", "李树杭",
	    "card", "6217001234123412346", "bank", "建设银行", "branch",
	    "南宁市民族大道支行", "bank_phone", "13520711158", NULL), 303,
	    "the account corrected");
	is_str(flow_state_of("claim", id), "approved", "... payable again");
	snprintf(q, sizeof(q), "SELECT CONCAT(card, bank) FROM claim WHERE"
	    " id = %lld", id);
	is_str(test_sql_str(q), "6217001234123412346建设银行",
	    "... with the new card");
	is_int(hc_follow(a), 200, "the detail");
	ok(hc_count(a, "//*[@id='corrected']") == 1, "... says so");
	snprintf(p, sizeof(p), "/m/claim/correct?id=%lld", id);
	is_int(hc_get(a, p), 303, "修正信息 is closed once payable");

	/* ---- 补助申请设置 (admin): the district's rules on the member's form */
	hc_login_office(adm, "admin");
	is_int(hc_get(adm, "/o/claim-regions"), 200, "admin's 补助申请设置");
	snprintf(p, sizeof(p), "//tr[@data-region='%lld']", district);
	is_int(hc_count(adm, p), 1, "... a row for the test's district");
	is_int(hc_count(adm, "//tr[@data-region='0']"), 1, "... and the default");
	is_int(hc_post(adm, "/o/claim-regions", "district", num(district),
	    "unit_review", "0", "proof", "invoice", "photo_kb", "50", NULL), 200,
	    "a 50 KB limit");
	is_str(err(adm, "photo_kb"), "照片大小上限应在100KB到10240KB之间",
	    "... refused");
	snprintf(p, sizeof(p), "string(//select[@id='proof-%lld']/option"
	    "[@selected]/@value)", district);
	is_str(hc_xpath(adm, p), "invoice", "... the choice kept");
	is_int(hc_post(adm, "/o/claim-regions", "district", num(district),
	    "unit_review", "0", "proof", "invoice", "photo_kb", "512", NULL), 303,
	    "柳州's rule: the invoice, 512 KB");
	snprintf(q, sizeof(q), "SELECT CONCAT(proof, photo_max) FROM"
	    " claim_region WHERE district_id = %lld", district);
	is_str(test_sql_str(q), "invoice524288", "... kept");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'claim.region' AND object_id = %lld", district);
	ok(test_sql_int(q) >= 1, "... audited");
	snprintf(p, sizeof(p), "/m/claim/step?id=%lld&n=2", idb);
	is_int(hc_get(b, p), 200, "B's step 2");
	is_str(hc_xpath(b, "string(//form[@id='step-form']/@data-photo-max)"),
	    "524288", "... the page is told 512 KB");
	ok(strstr(hc_xpath(b, "string(//*[@id='slot-receipt'])"),
	    "收费票据（必传）") != NULL, "... the invoice required");
	ok(strstr(hc_xpath(b, "string(//*[@id='step-form'])"),
	    "要求大小512KB以内") != NULL, "... 512KB said");
	hc_get(adm, "/o/claim-regions");
	is_int(hc_post(adm, "/o/claim-regions", "district", "999999",
	    "unit_review", "0", "proof", "both", "photo_kb", "512", NULL), 200,
	    "no such district");
	is_int(test_sql_int("SELECT COUNT(*) FROM claim_region WHERE"
	    " district_id = 999999"), 0, "... nothing kept");
	grassroots(b, mb, unit, phone, district, jpg, png);
	snprintf(q, sizeof(q), "DELETE FROM claim_region WHERE district_id ="
	    " %lld", district);
	ok(test_sql(q), "the district back to the default");

	/* The test's coverage leaves this year, so that the suites after
	 * this one count this year's records as they were. */
	snprintf(q, sizeof(q), "UPDATE coverage SET starts = starts - INTERVAL"
	    " 5 YEAR, ends = ends - INTERVAL 5 YEAR, waits_until = waits_until"
	    " - INTERVAL 5 YEAR WHERE member_id IN (%lld, %lld)", ma, mb);
	ok(test_sql(q), "the test's coverage moved out of this year");

	hc_free(a);
	hc_free(b);
	hc_free(anon);
	hc_free(r1);
	hc_free(adm);
	return tap_done();
}
