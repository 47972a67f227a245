/*
 * t_claim.c -- 补助申请 filed by a unit (代他人办理) through the review
 * desk: seed 000's case (56 308.05 and 23 307.60 → 8 323.04, explained
 * line by line), the refusals of 提交, the flags for the reviewers,
 * 重疾 + 女工 in one claim through 报告复核, a lump sum asked twice, 亡故
 * and an event after it, a return shown as 材料待补充, 50 numbers at
 * once, and who sees what.  The coverage is a fixture (enrolment has its
 * own tests); so is this test's plan, which has every kind.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

static long long unit, other_unit, plan, version;
static char phone[16], other_phone[16], today[11], ago10[11], ago5[11];
static char r1[40], r2[40], med[40], invoice[32];

static const char *
num(long long n)
{
	static char b[4][24];
	static int i;

	i = (i + 1) % 4;
	snprintf(b[i], sizeof(b[i]), "%lld", n);
	return b[i];
}

/* This test's plan: every kind, 30 % / 40 % 住院医疗 as YL19. */
static int
plan_fixture(void)
{
	char q[2048];
	int pid = (int)getpid();

	snprintf(q, sizeof(q), "INSERT INTO plan (code) VALUES ('TC%d')", pid);
	if (!test_sql(q))
		return 0;
	plan = test_sql_int("SELECT MAX(id) FROM plan");
	snprintf(q, sizeof(q), "INSERT INTO plan_version (plan_id, version,"
	    " name, premium, period_months, waiting_days) VALUES (%lld, 1,"
	    " '补助测试计划%d', 10000, 12, 0)", plan, pid);
	if (!test_sql(q))
		return 0;
	version = test_sql_int("SELECT MAX(id) FROM plan_version");
	snprintf(q, sizeof(q), "INSERT INTO plan_benefit (version_id, seq, kind,"
	    " name, bands, lump_sum, diseases, grades, max_days, per_day) VALUES"
	    " (%lld, 0, 'inpatient', '住院医疗补助', '1000000:3000,0:4000',"
	    " NULL, NULL, NULL, NULL, NULL),"
	    " (%lld, 1, 'critical', '重大疾病补助', NULL, 1500000,"
	    " '恶性肿瘤、乳腺癌', NULL, NULL, NULL),"
	    " (%lld, 2, 'female', '女职工特殊疾病补助', NULL, 1000000, '乳腺癌',"
	    " NULL, NULL, NULL),"
	    " (%lld, 3, 'death', '亡故慰问金', NULL, 500000, NULL, NULL, NULL,"
	    " NULL),"
	    " (%lld, 4, 'disability', '工伤致残慰问金', NULL, 2000000, NULL,"
	    " '1:10000,2:9000,3:8000,4:7000,5:6000,6:5000,7:4000,8:3000,9:2000,10:1000',"
	    " NULL, NULL),"
	    " (%lld, 5, 'days', '住院天数补助', NULL, NULL, NULL, NULL, 30, 2000)",
	    version, version, version, version, version, version);
	if (!test_sql(q))
		return 0;
	/* 意外伤害: 90 % of the medical costs up to 5,000.00 a period, by
	 * grade of 50,000.00, and death. */
	snprintf(q, sizeof(q), "INSERT INTO plan_benefit (version_id, seq, kind,"
	    " name, rate, annual_cap, lump_sum, death_sum, grades) VALUES (%lld,"
	    " 6, 'accident', '意外伤害补助', 9000, 500000, 5000000, 5000000,"
	    " '1:10000,2:9000,3:8000,4:7000,5:6000,6:5000,7:4000,8:3000,"
	    "9:2000,10:1000')", version);
	if (!test_sql(q))
		return 0;
	/* 10,000.00 a period: seed 000's 8,323.04 leaves 1,676.96. */
	snprintf(q, sizeof(q), "UPDATE plan_benefit SET annual_cap = 1000000"
	    " WHERE version_id = %lld AND kind = 'inpatient'", version);
	return test_sql(q);
}

/* A member of `u` covered by the plan over the year around today. */
static long long
covered(long long u, const char *name, int seq, char gender)
{
	char q[1024];
	long long m = test_member_new(u, name, test_id_number(gender == 'F' ?
	    "1985-03-04" : "1979-07-08", (getpid() + seq) % 450, gender),
	    gender, gender == 'F' ? "1985-03-04" : "1979-07-08", NULL);

	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends) VALUES (%lld, %lld,"
	    " %lld, %lld, (SELECT MIN(id) FROM enroll), CURDATE() - INTERVAL 360"
	    " DAY, CURDATE() + INTERVAL 5 DAY)", m, plan, version, u);
	return m > 0 && test_sql(q) ? m : -1;
}

/* A member covered from `from` to `to` days from today, waiting until
 * `wait` days from today (NULL: no wait). */
static long long
covered_between(const char *name, int seq, int from, int to, const char *wait)
{
	char q[1024];
	long long m = test_member_new(unit, name, test_id_number("1982-02-03",
	    (getpid() + seq) % 450, 'M'), 'M', "1982-02-03", NULL);

	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends, waits_until) VALUES"
	    " (%lld, %lld, %lld, %lld, (SELECT MIN(id) FROM enroll), CURDATE()"
	    " + INTERVAL %d DAY, CURDATE() + INTERVAL %d DAY, %s)", m, plan,
	    version, unit, from, to, wait ? wait : "NULL");
	return m > 0 && test_sql(q) ? m : -1;
}

/*
 * A district of this test's own, so t_coverage's counts of the demo's
 * districts and of this year's first page stay its own (the coverages
 * here also begin 360 days ago, before any of its periods).
 */
static long long
own_district(int pid)
{
	char q[256];

	snprintf(q, sizeof(q), "INSERT INTO org (parent_id, level, name, status)"
	    " SELECT id, 'district', '补助测试区%d', 'approved' FROM org"
	    " WHERE level = 'root'", pid);
	return test_sql(q) ? test_sql_int("SELECT MAX(id) FROM org WHERE"
	    " level = 'district'") : -1;
}

/* A new claim of `kind` for member m: its id (from the redirect). */
static long long
claim_new(struct hc *a, long long m, const char *kind, int with_female)
{
	const char *loc;
	char path[64];

	snprintf(path, sizeof(path), "/u/claims?unit=%lld", unit);
	hc_get(a, path);
	if (hc_post(a, "/u/claims/new", "unit", num(unit), "member", num(m),
	    "kind", kind, "with_female", with_female ? "1" : "", NULL) != 303)
		return -1;
	loc = hc_location_path(a);
	return strstr(loc, "id=") ? atoll(strstr(loc, "id=") + 3) : -1;
}

static int
page(struct hc *c, const char *portal, long long id)
{
	char path[80];

	if (strcmp(portal, "u") == 0)
		snprintf(path, sizeof(path), "/u/claim?id=%lld", id);
	else
		snprintf(path, sizeof(path), "/o/review?type=claim&id=%lld", id);
	return hc_get(c, path);
}

/* Upload stamp.png as material `kind`. */
static int
upload(struct hc *a, long long id, const char *kind)
{
	page(a, "u", id);
	return hc_upload(a, "/u/claim/upload", "file",
	    test_datafile("stamp.png"), "材料.png", "id", num(id), "kind", kind,
	    NULL);
}

/* 提交: the page after it (following the redirect). */
static void
submit(struct hc *a, long long id)
{
	page(a, "u", id);
	hc_submit(a, "/u/claim/step", "id", num(id), "action", "submit", NULL);
}

static void
payee(struct hc *a, long long id, const char *who, const char *note)
{
	page(a, "u", id);
	hc_post(a, "/u/claim/payee", "id", num(id), "payee", who, "card",
	    "6222021001123235", "bank", "中国工商银行", "branch", "柳州分行营业部",
	    "bank_phone", "", "payee_note", note, NULL);
}

static void
decide(struct hc *o, long long id, const char *decision, const char *reason)
{
	page(o, "o", id);
	hc_post(o, "/o/review", "type", "claim", "id", num(id), "decision",
	    decision, "reason", reason, NULL);
}

static const char *
err_text(struct hc *c)
{
	return hc_xpath(c, "string(//p[contains(@class,'msg-error')])");
}

/* Seed 000: 住院医疗 for a man, figures from the settlement sheet. */
static long long
seed000(struct hc *a, long long m, struct hc *o1, struct hc *o2)
{
	long long id = claim_new(a, m, "inpatient", 0);
	char q[256];

	ok(id > 0, "代他人办理: a 住院医疗 draft");
	snprintf(q, sizeof(q), "SELECT no REGEXP '^ZY[0-9]{8}D[0-9]{6}$' AND"
	    " SUBSTR(no, 3, 8) = DATE_FORMAT(CURDATE(), '%%Y%%m%%d') FROM claim"
	    " WHERE id = %lld", id);
	is_int((int)test_sql_int(q), 1, "numbered ZY<today>D<6 digits>");
	submit(a, id);
	is_str(err_text(a), "请填写就诊医院", "提交 empty: 请填写就诊医院");
	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市工人医院",
	    "admitted", ago5, "discharged", ago10, "disease", "肺炎", NULL);
	is_str(err_text(a), "出院日期不能早于入院日期", "discharge before admission");
	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市工人医院",
	    "admitted", ago10, "discharged", "2999-01-01", "disease", "肺炎",
	    NULL);
	is_str(err_text(a), "日期不能晚于今天", "a discharge in the future");
	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市工人医院",
	    "admitted", ago10, "discharged", ago5, "disease", "肺炎",
	    "invoice_no", invoice, NULL);
	submit(a, id);
	is_str(err_text(a), "请上传费用结算单", "no materials: 请上传费用结算单");
	upload(a, id, "receipt");
	upload(a, id, "settlement");
	upload(a, id, "discharge");
	upload(a, id, "bank_card");
	is_int(upload(a, id, "death_proof"), 200, "a material of another kind...");
	is_str(err_text(a), "该材料不属于此类补助申请", "... is refused");
	submit(a, id);
	is_str(err_text(a), "请填写收款账户的开户人", "no account yet");
	payee(a, id, "王小二", "");
	submit(a, id);
	is_str(err_text(a), "开户人不是补助人本人时，须填写说明并上传领款人证件",
	    "another holder without a note and papers");
	payee(a, id, "陆明本", "");
	submit(a, id);
	is_str(flow_state_of("claim", id), "review1", "submitted: 待初审");
	is_int(hc_count(a, "//p[contains(., '补助申请提交完成，请等待审核')]"), 1,
	    "补助申请提交完成，请等待审核");

	decide(o1, id, "approve", "");
	is_str(err_text(o1), "请先录入结算单金额并计算补助金额",
	    "review1 cannot approve before computing");
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), "total_cost",
	    "23,307.60", "base", "56,308.05", NULL);
	is_str(hc_xpath(o1, "string(//*[@id='err-base'])"),
	    "补助基数不能大于住院总费用", "base above the total: refused");
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), "total_cost",
	    "56,308.05", "base", "23,307.60", NULL);
	is_str(hc_xpath(o1, "string(//*[@id='c-computed'])"), "8,323.04",
	    "review1 sees 8,323.04 computed");
	ok(hc_count(o1, "//ol[@id='c-computation']/li[contains(., '3,000.00')]")
	    == 1 && hc_count(o1, "//ol[@id='c-computation']/li[contains(.,"
	    " '5,323.04')]") == 1, "... explained: 3,000.00 + 5,323.04");
	decide(o1, id, "approve", "");
	is_str(flow_state_of("claim", id), "review2", "初审 passed: 待复审");
	decide(o1, id, "approve", "");
	is_str(flow_state_of("claim", id), "review2",
	    "review1's user cannot also 复审 (no role, or apart)");
	decide(o2, id, "approve", "");
	is_str(flow_state_of("claim", id), "approved",
	    "住院医疗 needs no 报告复核: 审核通过");
	snprintf(q, sizeof(q), "SELECT approved_amount FROM claim WHERE id = %lld",
	    id);
	is_int((int)test_sql_int(q), 832304, "the amount fixed: 8323.04");
	page(a, "u", id);
	is_str(hc_xpath(a, "string(//*[@id='c-amount'])"), "8,323.04 元",
	    "the unit's page shows 8,323.04");
	ok(hc_count(a, "//ol[@id='c-explanation']/li") >= 2,
	    "... with the explanation");
	is_str(hc_xpath(a, "string(//*[@id='c-account'])"),
	    "陆明本 · 6222 **** **** 3235 · 中国工商银行 柳州分行营业部",
	    "the card masked to its last four digits");
	return id;
}

/* The same stay and invoice again: flagged for the reviewer. */
static void
flags(struct hc *a, long long m, struct hc *o1)
{
	long long id = claim_new(a, m, "inpatient", 0);
	const char *kinds[] = { "receipt", "settlement", "discharge",
	    "bank_card" };
	int i;

	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市工人医院",
	    "admitted", ago10, "discharged", ago10, "disease", "肺炎",
	    "invoice_no", invoice, NULL);
	for (i = 0; i < 4; i++)
		upload(a, id, kinds[i]);
	payee(a, id, "陆明本", "");
	submit(a, id);
	is_str(flow_state_of("claim", id), "review1", "a second stay submitted");
	page(o1, "o", id);
	ok(hc_count(o1, "//*[@id='claim-flags']//li[contains(., '重叠')]") == 1,
	    "overlapping stays flagged to the reviewer");
	ok(hc_count(o1, "//*[@id='claim-flags']//li[contains(.,"
	    " '收费票据号') and contains(., '已用于')]") == 1,
	    "the reused invoice number flagged");
	/* Returned for a missing paper: 材料待补充, and the agent told. */
	decide(o1, id, "return", "缺少证明材料");
	is_str(flow_state_of("claim", id), "draft", "returned to 草稿");
	page(a, "u", id);
	ok(strstr(hc_xpath(a, "string(//*[@id='claim-remark'])"),
	    "材料待补充：缺少证明材料") != NULL, "shown as 材料待补充 with the reason");
	ok(strstr(sms_wait_text(phone, 0), "的住院医疗补助申请被驳回，驳回理由是："
	    "缺少证明材料，请参考驳回理由重新提交申请") != NULL,
	    "the agent's SMS in seed 000's words");
	page(a, "u", id);
	hc_submit(a, "/u/claim/step", "id", num(id), "action", "cancel", NULL);
	is_str(flow_state_of("claim", id), "cancelled", "删除 a returned claim");
}

/* 重疾 + 女工 in one claim, through 报告复核; a lump sum asked twice. */
static void
critical(struct hc *a, long long f, struct hc *o1, struct hc *o2)
{
	struct hc *m = hc_new();
	long long id = claim_new(a, f, "critical", 1), again;
	char q[128];

	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市妇幼保健院",
	    "event_on", ago10, "disease", "乳腺癌", NULL);
	upload(a, id, "pathology");
	upload(a, id, "bank_card");
	payee(a, id, "黄丽", "");
	submit(a, id);
	is_str(flow_state_of("claim", id), "review1", "重疾+女工 submitted");
	hc_login_office(m, med);
	is_int(page(m, "o", id), 404, "medical does not see it before 报告复核");
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), NULL);
	is_str(hc_xpath(o1, "string(//*[@id='c-computed'])"), "25,000.00",
	    "both lump sums: 15,000.00 + 10,000.00");
	decide(o1, id, "approve", "");
	decide(o2, id, "approve", "");
	is_str(flow_state_of("claim", id), "medical", "复审 passed: 报告复核");
	is_int(page(m, "o", id), 200, "medical sees it at 报告复核");
	decide(m, id, "approve", "");
	is_str(flow_state_of("claim", id), "approved", "报告复核 passed");
	is_int(page(m, "o", id), 404, "... and no longer once past it");
	snprintf(q, sizeof(q), "SELECT approved_amount FROM claim WHERE id = %lld",
	    id);
	is_int((int)test_sql_int(q), 2500000, "25,000.00 fixed");

	again = claim_new(a, f, "female", 0);
	page(a, "u", again);
	hc_post(a, "/u/claim/event", "id", num(again), "hospital", "柳州市妇幼保健院",
	    "event_on", ago5, "disease", "乳腺癌", NULL);
	upload(a, again, "pathology");
	upload(a, again, "bank_card");
	payee(a, again, "黄丽", "");
	submit(a, again);
	is_str(err_text(a), "本保障期内已领取过该项补助",
	    "女工 asked again in the period: refused");
	hc_free(m);
}

/* 亡故, by the unit only; nothing after the death. */
static void
death(struct hc *a, long long m, struct hc *o1, struct hc *o2)
{
	long long id = claim_new(a, m, "death", 0), later;

	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "event_on", ago10, NULL);
	upload(a, id, "death_proof");
	upload(a, id, "bank_card");
	upload(a, id, "payee_doc");
	payee(a, id, "张家属", "补助人已亡故，由配偶领取");
	submit(a, id);
	is_str(flow_state_of("claim", id), "review1", "亡故 submitted");
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), NULL);
	decide(o1, id, "approve", "");
	decide(o2, id, "approve", "");
	is_str(flow_state_of("claim", id), "approved", "亡故 approved");
	later = claim_new(a, m, "inpatient", 0);
	page(a, "u", later);
	hc_post(a, "/u/claim/event", "id", num(later), "hospital", "某医院",
	    "admitted", ago5, "discharged", ago5, "disease", "肺炎", NULL);
	upload(a, later, "receipt");
	upload(a, later, "settlement");
	upload(a, later, "discharge");
	upload(a, later, "bank_card");
	payee(a, later, "张三", "");
	submit(a, later);
	is_str(err_text(a), "该日期晚于职工的亡故日期，不能申请",
	    "a stay after the recorded death: refused");
}

/* A day `days` from today, "YYYY-MM-DD" (static, 4 in turn). */
static const char *
day(int days)
{
	static char b[4][11];
	static int i;
	char q[128];

	i = (i + 1) % 4;
	snprintf(q, sizeof(q), "SELECT DATE_FORMAT(CURDATE() + INTERVAL %d DAY,"
	    " '%%Y-%%m-%%d')", days);
	snprintf(b[i], sizeof(b[i]), "%s", test_sql_str(q));
	return b[i];
}

/* A 住院医疗 claim of m for a stay from..to days from today, with every
 * material and the account, submitted: its id. */
static long long
stay(struct hc *a, long long m, const char *who, int from, int to)
{
	const char *kinds[] = { "receipt", "settlement", "discharge",
	    "bank_card" };
	long long id = claim_new(a, m, "inpatient", 0);
	int i;

	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "hospital", "柳州市人民医院",
	    "admitted", day(from), "discharged", day(to), "disease", "骨折",
	    NULL);
	for (i = 0; i < 4; i++)
		upload(a, id, kinds[i]);
	payee(a, id, who, "");
	submit(a, id);
	return id;
}

/* The checks of 提交 at their edges: the cap, 等待期, a stay before the
 * coverage, the deadline. */
static void
edges(struct hc *a, long long man, struct hc *o1, struct hc *o2)
{
	long long id, m, third;
	char want[80];

	id = stay(a, man, "陆明本", -40, -35);
	is_str(flow_state_of("claim", id), "review1", "a second stay in the period");
	/* A third, filed while the second is still in review. */
	third = stay(a, man, "陆明本", -50, -45);
	is_str(flow_state_of("claim", third), "review1",
	    "a third stay filed before the second is approved");
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), "total_cost",
	    "56,308.05", "base", "23,307.60", NULL);
	is_str(hc_xpath(o1, "string(//*[@id='c-computed'])"), "1,676.96",
	    "the period's cap leaves 1,676.96");
	ok(hc_count(o1, "//ol[@id='c-computation']/li[contains(., '上限')]") >= 1,
	    "... and the explanation says the cap");
	decide(o1, id, "approve", "");
	decide(o2, id, "approve", "");
	is_str(flow_state_of("claim", id), "approved", "approved at the cap");
	page(o1, "o", third);
	hc_submit(o1, "/o/claim/figures", "id", num(third), "total_cost",
	    "10,000.00", "base", "5,000.00", NULL);
	is_str(hc_xpath(o1, "string(//*[@id='c-computed'])"), "0.00",
	    "the third computes to 0.00 now the cap is reached");
	decide(o1, third, "approve", "");
	is_str(err_text(o1), "核定的补助金额为0元，不能审核通过，请退回并写明原因"
	    "（如：您的补助已经达到上限）", "... and cannot be approved");
	decide(o1, third, "return", "您的补助已经达到上限");
	is_str(flow_state_of("claim", third), "draft", "... it is returned");
	stay(a, man, "陆明本", -60, -58);
	is_str(err_text(a), "您的补助已经达到上限", "a fourth stay: 您的补助已经达到上限");

	m = covered_between("王等待", 11, -360, 5, "CURDATE() + INTERVAL 10 DAY");
	stay(a, m, "王等待", -5, -3);
	snprintf(want, sizeof(want), "就诊（出险）日期在等待期内，等待期至%s", day(9));
	is_str(err_text(a), want, "within the 等待期: refused, its last day named");
	m = covered_between("钱期满", 14, -360, 5, "CURDATE() - INTERVAL 10 DAY");
	stay(a, m, "钱期满", -11, -9);
	snprintf(want, sizeof(want), "就诊（出险）日期在等待期内，等待期至%s", day(-11));
	is_str(err_text(a), want, "the 等待期's last day: refused");
	id = stay(a, m, "钱期满", -10, -8);
	is_str(flow_state_of("claim", id), "review1",
	    "the first day after the 等待期: accepted");
	m = covered_between("李未保", 12, -360, 5, NULL);
	stay(a, m, "李未保", -370, -365);
	is_str(err_text(a), "该职工在就诊（出险）日期没有有效的此项保障",
	    "a stay before the coverage began: refused");
	m = covered_between("赵逾期", 13, -700, -361, NULL);
	stay(a, m, "赵逾期", -400, -366);
	is_str(err_text(a), "已超过申请期限（出院后365天内）",
	    "discharged 366 days ago: past the deadline");
	id = stay(a, m, "赵逾期", -370, -365);
	is_str(flow_state_of("claim", id), "review1",
	    "discharged 365 days ago: still in time");
}

/* 补助记录: the unit's by person and kind, the office's by district,
 * each exported with its filter. */
static void
records(struct hc *a, struct hc *o1)
{
	char path[256], q[256];
	const char *text;
	long long district;
	int rows;

	snprintf(path, sizeof(path), "/u/claim-records?unit=%lld&person=%s"
	    "&kind=inpatient", unit, "陆明本");
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='records']/tbody/tr"), 3,
	    "the unit's records of one person and kind: the two approved and"
	    " the one returned (not the deleted one, nor the draft never"
	    " filed)");
	is_int(hc_count(a, "//table[@id='records']/tbody/tr[td[2] != '住院医疗'"
	    " or td[3] != '陆明本']"), 0, "... and nothing else");
	is_int(hc_count(a, "//table[@id='records']/tbody/tr[not(contains(td[4],"
	    " '**********'))]"), 0, "ID numbers masked on the page");
	snprintf(path, sizeof(path), "/x/claims.xlsx?unit=%lld&person=%s"
	    "&kind=critical", unit, "黄丽");
	is_int(hc_get(a, path), 200, "the unit exports its records");
	text = hc_xlsx_text(a, &rows);
	ok(text && rows == 2 && strstr(text, "重大疾病") && strstr(text,
	    "25000.00"), "... one 重疾+女工 row of 25000.00 under the header");
	snprintf(path, sizeof(path), "/x/claims.xlsx?unit=%lld", other_unit);
	is_int(hc_get(a, path), 403, "another unit's records: refused");

	snprintf(q, sizeof(q), "SELECT parent_id FROM org WHERE id = %lld", unit);
	district = test_sql_int(q);
	snprintf(path, sizeof(path), "/o/claims?district=%lld&person=%s",
	    district, "黄丽");
	hc_get(o1, path);
	ok(hc_count(o1, "//table[@id='records']/tbody/tr[td[3] = '黄丽']") >= 1,
	    "the office's records of a district and person");
	snprintf(path, sizeof(path), "/x/claims-all.xlsx?district=%lld"
	    "&person=%s", district, "黄丽");
	is_int(hc_get(o1, path), 200, "... exported");
	text = hc_xlsx_text(o1, &rows);
	ok(text && rows >= 2 && strstr(text, "区/产业工会") != NULL,
	    "... with the district column");
}

/*
 * A claim of `kind` for m with `materials`, its event `field`=`value`
 * (and a grade), submitted, review1's figures (NULL: none) computed:
 * what review1 sees computed ("" if it did not get there).
 */
static const char *
kind_claim(struct hc *a, struct hc *o1, long long m, const char *who,
    const char *kind, const char *const *materials, const char **event,
    const char *f1, const char *v1)
{
	static char got[32];
	long long id = claim_new(a, m, kind, 0);
	int i;

	got[0] = '\0';
	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), event[0], event[1],
	    event[2], event[3], event[4], event[5], event[6], event[7], NULL);
	for (i = 0; materials[i]; i++)
		upload(a, id, materials[i]);
	payee(a, id, who, "");
	submit(a, id);
	if (strcmp(flow_state_of("claim", id), "review1") != 0) {
		printf("# %s: %s\n", kind, err_text(a));
		return got;
	}
	page(o1, "o", id);
	hc_submit(o1, "/o/claim/figures", "id", num(id), f1, v1, NULL);
	snprintf(got, sizeof(got), "%s", hc_xpath(o1,
	    "string(//*[@id='c-computed'])"));
	return got;
}

/* 伤残等级 at its edges: 10 kept; 11, -1 and 十 refused. */
static void
grades(struct hc *a, long long man)
{
	static const char *const bad[] = { "11", "-1", "十" };
	long long id = claim_new(a, man, "disability", 0);
	char on[11], q[128], e[256];
	size_t i;

	snprintf(on, sizeof(on), "%s", day(-20));
	snprintf(q, sizeof(q), "SELECT grade FROM claim WHERE id = %lld", id);
	page(a, "u", id);
	is_int(hc_post(a, "/u/claim/event", "id", num(id), "event_on", on,
	    "grade", "10", "hospital", "", "story", "", NULL), 303,
	    "伤残10级: kept");
	is_int(test_sql_int(q), 10, "... as 10");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		page(a, "u", id);
		is_int(hc_post(a, "/u/claim/event", "id", num(id), "event_on",
		    on, "grade", bad[i], "hospital", "", "story", "", NULL),
		    200, "伤残等级 %s: the form again", bad[i]);
		snprintf(e, sizeof(e), "%s", err_text(a));
		if (*e == '\0')
			snprintf(e, sizeof(e), "%s", hc_xpath(a,
			    "string(//*[@id='err-grade'])"));
		ok(*e != '\0', "... with a message: %s", e);
	}
	page(a, "u", id);
	hc_post(a, "/u/claim/event", "id", num(id), "event_on", on, "grade",
	    "11", "hospital", "", "story", "", NULL);
	snprintf(e, sizeof(e), "%s", err_text(a));
	ok(strstr(e, "1至10级之间的伤残等级") != NULL,
	    "伤残11级: the range said (%s)", e);
	is_int(test_sql_int(q), 10, "... and 10 still stored");
}

/* The kinds not walked above, each with its materials and its figures:
 * 住院天数, 意外伤害, 工伤致残. */
static void
kinds(struct hc *a, struct hc *o1, long long man, long long woman)
{
	static const char *const days_docs[] = { "discharge", "receipt",
	    "bank_card", NULL };
	static const char *const acc_docs[] = { "accident", "bank_card", NULL };
	static const char *const dis_docs[] = { "injury", "appraisal",
	    "bank_card", NULL };
	const char *stay_ev[8], *acc_ev[8], *dis_ev[8];
	char in[11], out[11], on[11];

	snprintf(in, sizeof(in), "%s", day(-70));
	snprintf(out, sizeof(out), "%s", day(-60));
	snprintf(on, sizeof(on), "%s", day(-20));
	stay_ev[0] = "hospital"; stay_ev[1] = "青岛市第八人民医院";
	stay_ev[2] = "admitted"; stay_ev[3] = in;
	stay_ev[4] = "discharged"; stay_ev[5] = out;
	stay_ev[6] = "disease"; stay_ev[7] = "阑尾炎";
	is_str(kind_claim(a, o1, woman, "黄丽", "days", days_docs, stay_ev,
	    "total_cost", ""), "200.00", "住院天数: 10 days × 20.00 = 200.00");
	acc_ev[0] = "hospital"; acc_ev[1] = "青岛市海慈医院";
	acc_ev[2] = "event_on"; acc_ev[3] = on;
	acc_ev[4] = "story"; acc_ev[5] = "下班途中被电动车撞伤";
	acc_ev[6] = "grade"; acc_ev[7] = "";
	is_str(kind_claim(a, o1, woman, "黄丽", "accident", acc_docs, acc_ev,
	    "medical", "3,000.00"), "2,700.00",
	    "意外伤害: 90 %% of 3,000.00 = 2,700.00");
	dis_ev[0] = "event_on"; dis_ev[1] = on;
	dis_ev[2] = "grade"; dis_ev[3] = "5";
	dis_ev[4] = "hospital"; dis_ev[5] = "";
	dis_ev[6] = "story"; dis_ev[7] = "";
	is_str(kind_claim(a, o1, man, "陆明本", "disability", dis_docs, dis_ev,
	    "grade", "5"), "12,000.00",
	    "工伤致残: 伤残5级, 60 %% of 20,000.00 = 12,000.00");
	grades(a, man);
}

/* 50 claims made at the same moment: 50 numbers. */
struct mk {
	struct hc	*c;
	long long	 member, id;
	int		 status;	/* of the POST, for the diagnosis */
	char		 location[200];
};

static void *
make_one(void *arg)
{
	struct mk *m = arg;

	char path[64], u[24], who[24];

	/* num()'s buffers are not for threads. */
	snprintf(u, sizeof(u), "%lld", unit);
	snprintf(who, sizeof(who), "%lld", m->member);
	snprintf(path, sizeof(path), "/u/claims?unit=%lld", unit);
	hc_get(m->c, path);
	m->status = hc_post(m->c, "/u/claims/new", "unit", u, "member", who,
	    "kind", "days", NULL);
	snprintf(m->location, sizeof(m->location), "%s", hc_location_path(m->c));
	m->id = strstr(m->location, "id=") ? atoll(strstr(m->location, "id=") +
	    3) : -1;
	return NULL;
}

static void
numbers(struct hc *a, long long member)
{
	static struct mk m[50];
	pthread_t th[50];
	char q[256];
	int i;

	for (i = 0; i < 50; i++) {
		m[i].c = hc_new();
		hc_set_cookie(m[i].c, "hz_u", hc_cookie(a, "hz_u"));
		m[i].member = member;
	}
	test_second_start();
	for (i = 0; i < 50; i++)
		pthread_create(&th[i], NULL, make_one, &m[i]);
	for (i = 0; i < 50; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < 50; i++)
		if (m[i].id <= 0)
			fprintf(stderr, "# claim %d: status %d, location '%s',"
			    " message '%s'\n", i, m[i].status, m[i].location,
			    hc_xpath(m[i].c, "string(//p[contains(@class,"
			    " 'msg')])"));
	/* The 50 drafts made now (not the 住院天数 claim filed before). */
	snprintf(q, sizeof(q), "SELECT COUNT(DISTINCT c.no) FROM claim c JOIN"
	    " flow_item f ON f.type = 'claim' AND f.item_id = c.id WHERE"
	    " c.unit_id = %lld AND c.kind = 'days' AND f.round = 0", unit);
	is_int((int)test_sql_int(q), 50, "50 claims at once: 50 numbers");
	for (i = 0; i < 50; i++)
		hc_free(m[i].c);
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *o1 = hc_new(), *o2 = hc_new();
	long long man, woman, dead, first, district;
	char name[64], path[256];
	int pid = (int)getpid();

	snprintf(today, sizeof(today), "%s", test_sql_str(
	    "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')"));
	snprintf(ago10, sizeof(ago10), "%s", test_sql_str(
	    "SELECT DATE_FORMAT(CURDATE() - INTERVAL 10 DAY, '%Y-%m-%d')"));
	snprintf(ago5, sizeof(ago5), "%s", test_sql_str(
	    "SELECT DATE_FORMAT(CURDATE() - INTERVAL 5 DAY, '%Y-%m-%d')"));
	snprintf(invoice, sizeof(invoice), "PJ%d", pid);
	ok(plan_fixture(), "a plan with every kind");
	district = own_district(pid);
	snprintf(name, sizeof(name), "补助申请测试单位%d", pid);
	snprintf(phone, sizeof(phone), "137%08d", pid % 100000000);
	unit = test_unit_new(name, phone);
	snprintf(name, sizeof(name), "补助申请他单位%d", pid);
	snprintf(other_phone, sizeof(other_phone), "135%08d", pid % 100000000);
	other_unit = test_unit_new(name, other_phone);
	snprintf(path, sizeof(path), "UPDATE org SET parent_id = %lld WHERE id IN"
	    " (%lld, %lld)", district, unit, other_unit);
	ok(district > 0 && test_sql(path), "our units under a district of our own");
	man = covered(unit, "陆明本", 1, 'M');
	woman = covered(unit, "黄丽", 2, 'F');
	dead = covered(unit, "张三", 3, 'M');
	ok(unit > 0 && other_unit > 0 && man > 0 && woman > 0 && dead > 0,
	    "two units, three covered members");
	snprintf(r1, sizeof(r1), "clr1%d", pid);
	snprintf(r2, sizeof(r2), "clr2%d", pid);
	snprintf(med, sizeof(med), "clmed%d", pid);
	ok(test_staff_new(r1, "review1") && test_staff_new(r2, "review2") &&
	    test_staff_new(med, "medical"), "reviewers of our own");
	hc_login_agent(a, phone);
	hc_login_office(o1, r1);
	hc_login_office(o2, r2);

	snprintf(path, sizeof(path), "/u/claims?unit=%lld&q=%s", unit, "陆明本");
	hc_get(a, path);
	is_int(hc_count(a, "//table[@id='people']/tbody/tr"), 1,
	    "the covered member found by name");
	first = seed000(a, man, o1, o2);
	flags(a, man, o1);
	edges(a, man, o1, o2);
	critical(a, woman, o1, o2);
	kinds(a, o1, man, woman);
	death(a, dead, o1, o2);
	records(a, o1);

	/* Another unit's agent: nothing of ours. */
	hc_login_agent(b, other_phone);
	is_int(page(b, "u", first), 404, "another unit's agent: 404 on our claim");
	snprintf(path, sizeof(path), "/u/claims?unit=%lld", other_unit);
	hc_get(b, path);
	hc_post(b, "/u/claims/new", "unit", num(other_unit), "member", num(man),
	    "kind", "inpatient", NULL);
	is_str(err_text(b), "该职工未通过本单位参加含此项补助的保障计划",
	    "a claim for someone not covered through the unit: refused");
	numbers(a, man);
	hc_free(a);
	hc_free(b);
	hc_free(o1);
	hc_free(o2);
	return tap_done();
}
