/*
 * test_plan.c -- lib/domain/planrule.c: how the admin's typing of a
 * plan's rules is read (codes, rates, progressive bands, grade tables,
 * disease lists), written back and stored, and the faults a draft may
 * have, each with the sentence the form shows.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "tap.h"

/* s with its line ends spelled out, for one TAP line (two buffers). */
static const char *
shown(const char *s)
{
	static char buf[2][1024];
	static int k;
	char *b = buf[k++ % 2];
	size_t n = 0;

	for (; *s && n + 3 < sizeof(buf[0]); s++) {
		if (*s == '\n' || *s == '\r') {
			b[n++] = '\\';
			b[n++] = *s == '\n' ? 'n' : 'r';
		} else
			b[n++] = *s;
	}
	b[n] = '\0';
	return b;
}

/* Two sets of bands alike. */
static int
bands_alike(const struct plan_band *a, const struct plan_band *b, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (a[i].upper != b[i].upper || a[i].rate != b[i].rate)
			return 0;
	return 1;
}

static void
test_kinds(void)
{
	const struct plan_kind_def *k;
	int i, p;

	for (i = 0; i < PK__MAX; i++) {
		k = &plan_kinds[i];
		is_int(plan_kind_named(k->name), i, "kind %s found by name",
		    k->name);
		ok((k->need & ~k->has) == 0, "%s needs only what it has",
		    k->name);
		ok(k->has & (1u << PP_NAME), "%s has a name", k->name);
		for (p = 0; p < PP_GRADE; p++)
			ok(!(k->has & (1u << p)) == !k->labels[p],
			    "%s: %s labelled iff it is a parameter", k->name,
			    plan_param_name(p));
		ok(!(k->has & PLAN_GRADE_BITS) == !k->labels[PP_GRADE],
		    "%s: the grade table labelled iff it has one", k->name);
	}
	is_int(plan_kind_named("nonsense"), PK__MAX, "an unknown kind");
	is_int(plan_kind_named(NULL), PK__MAX, "no kind");
	is_str(plan_param_name(PP_GRADE), "grade1", "grade 1's input");
	is_str(plan_param_name(PP_GRADE + 9), "grade10", "grade 10's input");
	is_str(plan_param_name(PP__MAX), "", "past the parameters");
}

static void
code(const char *in, const char *want)
{
	const char *why = NULL;
	char out[21];
	int r = plan_code_read(in, out, &why);

	if (want) {
		ok(r, "code '%s' taken", in);
		is_str(out, want, "... as %s", want);
	} else {
		ok(!r, "code '%s' refused", in);
		is_str(why, "计划代码为2到20位字母或数字，如 YL19", "... and why");
	}
}

static void
rate(const char *in, int want, const char *why_want)
{
	const char *why = NULL;
	int bp = -1, r = plan_rate_read(in, &bp, &why);

	if (why_want == NULL) {
		ok(r, "rate '%s' taken", in);
		is_int(bp, want, "... as %d bp", want);
	} else {
		ok(!r, "rate '%s' refused", in);
		is_str(why, why_want, "... with its reason");
	}
}

static void
test_code_rate(void)
{
	static const char fmt[] =
	    "比例请填写0到100之间的数，最多两位小数，如 30 或 12.5%";
	char out[16];

	code("YL19", "YL19");
	code(" yl19 ", "YL19");
	code("ＹＬ１９", "YL19");
	code("SHM3", "SHM3");
	code("Y", NULL);
	code("YL-19", NULL);
	code("医疗19", NULL);
	code("ABCDEFGHIJKLMNOPQRSTU", NULL);
	code("ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRST");

	rate("30", 3000, NULL);
	rate("30%", 3000, NULL);
	rate(" 30 % ", 3000, NULL);
	rate("12.5％", 1250, NULL);
	rate("0.01", 1, NULL);
	rate("12.340", 1234, NULL);
	rate("0", 0, NULL);
	rate("100", 10000, NULL);
	rate("100.00%", 10000, NULL);
	rate("100.01", 0, "比例不能超过100%");
	rate("130%", 0, "比例不能超过100%");
	rate("1000", 0, "比例不能超过100%");
	rate("", 0, "请填写比例");
	rate("%", 0, "请填写比例");
	rate("-5", 0, fmt);
	rate("abc", 0, fmt);
	rate("12.345", 0, fmt);
	rate(".5", 0, fmt);
	rate("3 0", 0, fmt);
	rate("30元", 0, fmt);

	is_str(plan_rate_text(3000, out, sizeof(out)), "30%", "30%% back");
	is_str(plan_rate_text(1250, out, sizeof(out)), "12.5%", "12.5%% back");
	is_str(plan_rate_text(1, out, sizeof(out)), "0.01%", "0.01%% back");
	is_str(plan_rate_text(10000, out, sizeof(out)), "100%", "100%% back");
	is_str(plan_rate_text(0, out, sizeof(out)), "0%", "0%% back");
}

/* Bands typed as `text` read as want[0..n) (each upper:rate). */
static void
bands(const char *text, int n, const int64_t *want)
{
	struct plan_band b[PLAN_MAX_BANDS];
	char why[200] = "", back[400];
	struct plan_band c[PLAN_MAX_BANDS];
	int got = -1, i, same, m = -1;

	ok(plan_bands_read(text, b, &got, why, sizeof(why)),
	    "bands '%s' taken", shown(text));
	if (*why)
		printf("#   why: %s\n", why);
	is_int(got, n, "... %d bands", n);
	for (i = 0, same = got == n; same && i < n; i++)
		same = b[i].upper == want[2 * i] && b[i].rate == want[2 * i + 1];
	ok(same, "... the uppers and rates");
	/* Written back, it reads the same. */
	plan_bands_text(b, got, back, sizeof(back));
	ok(plan_bands_read(back, c, &m, why, sizeof(why)) && m == got &&
	    bands_alike(b, c, m), "... and so does '%s' written back",
	    shown(back));
}

static void
bands_bad(const char *text, const char *want)
{
	struct plan_band b[PLAN_MAX_BANDS];
	char why[200] = "";
	int n;

	ok(!plan_bands_read(text, b, &n, why, sizeof(why)), "bands '%s' refused",
	    shown(text));
	is_str(why, want, "... saying so");
}

static void
test_bands(void)
{
	static const int64_t two[] = { 1000000, 3000, 0, 4000 };
	static const int64_t three[] = { 500000, 2000, 2000000, 3000, 0, 5000 };
	static const int64_t one[] = { 0, 3000 };
	struct plan_band b[PLAN_MAX_BANDS];
	char out[200], why[200];
	int n;

	bands("10,000.00 以下 30%\n以上 40%", 2, two);
	bands("10000元以下30%；超过部分40%", 2, two);
	bands("10000 及以下 30%\r\n10,000.00以上 40%", 2, two);
	bands("１００００以下：３０％\n其余 按40%", 2, two);
	bands("\n10000以下30%\n\n  以上40%  \n", 2, two);
	bands("5000以下 20%\n20,000.00以下 30%\n以上 50%", 3, three);
	bands("30%", 1, one);
	bands("以上 30%", 1, one);

	bands_bad("", "请填写补助比例，如“10,000.00 以下 30%”和“以上 40%”两行");
	bands_bad("10000以下30%\n5000以下35%\n以上40%",
	    "第2档：金额须高于上一档的10,000.00元");
	bands_bad("10000以下30%\n10000以下35%\n以上40%",
	    "第2档：金额须高于上一档的10,000.00元");
	bands_bad("10000以下 130%\n以上 40%", "第1档：比例不能超过100%");
	bands_bad("10000以下 30%", "最后一档请写“以上 N%”，说明超过10,000.00元的"
	    "部分按多少比例补助");
	bands_bad("以上 40%\n10000以下 30%", "第1档：“以上”只能写在最后一档");
	bands_bad("abc", "第1档看不懂，请写成“10,000.00 以下 30%”或“以上 40%”");
	bands_bad("10000以下30%\n更多", "第2档看不懂，请写成“10,000.00 以下 30%”"
	    "或“以上 40%”");
	bands_bad("1万以下 30%\n以上 40%",
	    "第1档：金额格式不正确，请填写如 8323.04 的数字");
	bands_bad("以下 30%\n以上 40%", "第1档：请在“以下”前写上金额");
	bands_bad("0以下 10%\n以上 20%", "第1档：金额须大于0");
	bands_bad("10000以下30%\n20000以上40%",
	    "第2档：“以上”前的金额应与上一档的金额相同");
	bands_bad("10000以下\n以上40%", "第1档：请填写比例");
	bands_bad("10000以下 3o%\n以上40%",
	    "第1档：比例请填写0到100之间的数，最多两位小数，如 30 或 12.5%");
	bands_bad("1以下1%;2以下2%;3以下3%;4以下4%;5以下5%;6以下6%;7以下7%;"
	    "8以下8%;以上9%", "最多分8档");

	/* The column's form. */
	ok(plan_bands_parse("1000000:3000,0:4000", b, &n) && n == 2 &&
	    b[0].upper == 1000000 && b[0].rate == 3000 && b[1].upper == 0 &&
	    b[1].rate == 4000, "stored bands parse");
	is_str(plan_bands_store(b, n, out, sizeof(out)), "1000000:3000,0:4000",
	    "... and store back the same");
	is_str(plan_bands_text(b, n, out, sizeof(out)),
	    "10,000.00 以下 30%\n以上 40%", "... and written as typed");
	ok(plan_bands_parse("0:4000", b, &n) && n == 1, "one stored band");
	is_str(plan_bands_text(b, n, out, sizeof(out)), "40%",
	    "... written back as its rate");
	ok(!plan_bands_parse("1000000:3000", b, &n), "stored: last has a limit");
	ok(!plan_bands_parse("1000000:13000,0:4000", b, &n),
	    "stored: over 100 %%");
	ok(!plan_bands_parse("2000000:3000,1000000:3500,0:4000", b, &n),
	    "stored: falling uppers");
	ok(!plan_bands_parse("1000000:3000,0:4000,", b, &n),
	    "stored: a trailing comma");
	ok(!plan_bands_parse("abc", b, &n), "stored: not numbers");
	ok(!plan_bands_parse("", b, &n), "stored: none");
	ok(!plan_bands_parse("1:1,2:2,3:3,4:4,5:5,6:6,7:7,8:8,0:9", b, &n),
	    "stored: nine bands");
	ok(plan_bands_store(b, 0, out, 1) != NULL && *out == '\0',
	    "no bands store as nothing");
	b[0].upper = 1000000, b[0].rate = 3000, b[1].upper = 0, b[1].rate = 4000;
	ok(plan_bands_store(b, 2, out, 8) == NULL, "a short buffer says so");
	(void)why;
}

static void
test_grades(void)
{
	int g[PLAN_GRADES] = { 10000, 9000, 8000, 7000, 6000, 5000, 4000, 3000,
	    2000, 1000 };
	int h[PLAN_GRADES];
	const char *why;
	char out[200];
	int at;

	ok(plan_grades_check(g, &why, &at), "1级100%% .. 10级10%%");
	is_str(plan_grades_store(g, out, sizeof(out)), "1:10000,2:9000,3:8000,"
	    "4:7000,5:6000,6:5000,7:4000,8:3000,9:2000,10:1000", "stored");
	ok(plan_grades_parse(out, h) && memcmp(g, h, sizeof(g)) == 0,
	    "... and parsed back");
	g[6] = g[7] = g[8] = g[9] = 0;
	ok(plan_grades_check(g, &why, &at), "the lighter grades unpaid");
	is_str(plan_grades_store(g, out, sizeof(out)),
	    "1:10000,2:9000,3:8000,4:7000,5:6000,6:5000", "... left out");
	g[1] = 0;
	ok(!plan_grades_check(g, &why, &at), "a gap between paid grades");
	is_int(at, 2, "... at grade 2");
	is_str(why, "请填写此等级的比例（较轻的等级已填写）", "... saying so");
	g[1] = 10500;
	ok(!plan_grades_check(g, &why, &at), "over 100 %%");
	is_int(at, 2, "... at grade 2");
	is_str(why, "比例不能超过100%", "... saying so");
	g[1] = 9000, g[2] = 9500;
	ok(!plan_grades_check(g, &why, &at), "a lighter grade paid more");
	is_int(at, 3, "... at grade 3");
	is_str(why, "不能高于较重一级的比例", "... saying so");
	memset(g, 0, sizeof(g));
	ok(!plan_grades_check(g, &why, &at), "no grade paid");
	is_int(at, 1, "... at grade 1");
	is_str(why, "请填写伤残等级比例（1级最重）", "... saying so");
	ok(!plan_grades_parse("11:100", h), "stored: grade 11");
	ok(!plan_grades_parse("0:100", h), "stored: grade 0");
	ok(!plan_grades_parse("1:100,1:90", h), "stored: grade 1 twice");
	ok(!plan_grades_parse("2:9000", h), "stored: grade 1 missing");
	ok(!plan_grades_parse("1:0", h), "stored: a grade at 0");
	ok(!plan_grades_parse("1:10000,", h), "stored: a trailing comma");
	ok(plan_grades_parse("1:10000,2:10000", h) && h[1] == 10000,
	    "stored: two grades alike");
}

static void
diseases(const char *in, const char *want, const char *why_want)
{
	const char *why = NULL;
	char out[4 * 500 + 1];
	int r = plan_diseases_read(in, out, sizeof(out), &why);

	if (want) {
		ok(r, "diseases '%s' taken", shown(in));
		is_str(out, want, "... as '%s'", want);
	} else {
		ok(!r, "diseases '%s' refused", shown(in));
		is_str(why, why_want, "... with its reason");
	}
}

static void
test_diseases(void)
{
	diseases("恶性肿瘤、急性心肌梗塞，脑中风后遗症\n重大器官移植术;冠状动脉搭桥术",
	    "恶性肿瘤、急性心肌梗塞、脑中风后遗症、重大器官移植术、冠状动脉搭桥术",
	    NULL);
	diseases("  乳腺癌 、 宫颈癌　、", "乳腺癌、宫颈癌", NULL);
	diseases("、、乳腺癌", "乳腺癌", NULL);
	diseases("肾病、终末期肾病", "肾病、终末期肾病", NULL);
	diseases("乳腺癌、宫颈癌、乳腺癌", NULL, "有重复的病种，请删去重复的一个");
	diseases("", NULL, "请填写保障的病种，病种之间用顿号隔开");
	diseases("、 、", NULL, "请填写保障的病种，病种之间用顿号隔开");
	diseases("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
	    NULL, "每个病种名称不超过30个字，病种之间用顿号隔开");
	diseases("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", NULL);
}

static void
test_params(void)
{
	struct plan_benefit b;
	char why[200];

	memset(&b, 0, sizeof(b));
	ok(plan_param_read(&b, PP_MAX_DAYS, "30", why, sizeof(why)) &&
	    b.max_days == 30, "30 days");
	ok(!plan_param_read(&b, PP_MAX_DAYS, "0", why, sizeof(why)),
	    "0 days refused");
	is_str(why, "请填写1到366之间的整数", "... saying so");
	ok(!plan_param_read(&b, PP_MAX_DAYS, "367", why, sizeof(why)),
	    "367 days refused");
	ok(plan_param_read(&b, PP_DEDUCTIBLE, "0", why, sizeof(why)) &&
	    b.deductible == 0, "起付线 0");
	ok(plan_param_read(&b, PP_CLAIM_CAP, "20,000.00", why, sizeof(why)) &&
	    b.claim_cap == 2000000, "a cap of 20,000.00");
	ok(!plan_param_read(&b, PP_CLAIM_CAP, "0", why, sizeof(why)),
	    "a cap of 0 refused");
	is_str(why, "金额须大于0；不设上限请留空", "... saying so");
	ok(!plan_param_read(&b, PP_LUMP_SUM, "1.234", why, sizeof(why)),
	    "a sum in thousandths refused");
	is_str(why, "金额最多只能有两位小数（到分）", "... saying so");
	ok(!plan_param_read(&b, PP_RATE, "0", why, sizeof(why)),
	    "a rate of 0 refused");
	is_str(why, "比例须大于0", "... saying so");
	ok(plan_param_read(&b, PP_RATE, "90%", why, sizeof(why)) &&
	    b.rate == 9000, "a rate of 90%%");
	ok(plan_param_read(&b, PP_GRADE + 2, "80", why, sizeof(why)) &&
	    b.grades[2] == 8000, "grade 3 at 80%%");
	ok(plan_param_read(&b, PP_BANDS, "10000以下30%\n以上40%", why,
	    sizeof(why)) && b.nbands == 2, "bands");
	ok(!plan_param_read(&b, PP_BANDS, "以上40%\n10000以下30%", why,
	    sizeof(why)), "bands out of order");
	is_str(why, "第1档：“以上”只能写在最后一档", "... saying which");
	ok(plan_param_read(&b, PP_NAME, "住院医疗", why, sizeof(why)) &&
	    strcmp(b.name, "住院医疗") == 0, "a name");
}

/* The terms of a good draft. */
static void
good_terms(struct plan_terms *t)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "第十九期职工医疗互助保障活动");
	t->premium = 6000;
	t->period_months = 12;
	t->age_warn = 60;
	snprintf(t->window_from, sizeof(t->window_from), "2026-11-01");
	snprintf(t->window_to, sizeof(t->window_to), "2027-01-31");
}

/* The one fault of terms t: what and why. */
static void
one_fault(const struct plan_terms *t, int what, const char *why,
    const char *say)
{
	struct plan_fault f[8];
	int n = plan_terms_faults(t, f, 8);

	is_int(n, 1, "%s: one fault", say);
	is_int(n ? f[0].what : -1, what, "... on the right term");
	is_str(n ? f[0].why : NULL, why, "... saying so");
}

static void
test_terms(void)
{
	struct plan_terms t;
	struct plan_fault f[8];

	good_terms(&t);
	is_int(plan_terms_faults(&t, f, 8), 0, "good terms");
	t.window_from[0] = t.window_to[0] = '\0';
	is_int(plan_terms_faults(&t, f, 8), 0, "no window at all");
	good_terms(&t);
	t.premium = 0;
	one_fault(&t, PT_PREMIUM, "保费须大于0", "premium 0");
	t.premium = 10000001;
	one_fault(&t, PT_PREMIUM, "保费不能超过100,000.00元", "premium too high");
	good_terms(&t);
	t.period_months = 0;
	one_fault(&t, PT_MONTHS, "保障期限为1到36个月", "0 months");
	t.period_months = 37;
	one_fault(&t, PT_MONTHS, "保障期限为1到36个月", "37 months");
	t.period_months = 36;
	is_int(plan_terms_faults(&t, f, 8), 0, "36 months");
	good_terms(&t);
	t.window_to[0] = '\0';
	one_fault(&t, PT_WINDOW_TO, "请同时填写集中参保期的开始和结束日期",
	    "a window without its end");
	good_terms(&t);
	t.window_from[0] = '\0';
	one_fault(&t, PT_WINDOW_FROM, "请同时填写集中参保期的开始和结束日期",
	    "a window without its start");
	good_terms(&t);
	snprintf(t.window_to, sizeof(t.window_to), "2026-10-31");
	one_fault(&t, PT_WINDOW_TO, "结束日期不能早于开始日期",
	    "a window ending before it starts");
	snprintf(t.window_to, sizeof(t.window_to), "2026-11-01");
	is_int(plan_terms_faults(&t, f, 8), 0, "a one-day window");
	good_terms(&t);
	t.age_warn = 15;
	one_fault(&t, PT_AGE_WARN, "提示年龄为16到100之间的整数", "age 15");
	good_terms(&t);
	t.waiting_days = 366;
	one_fault(&t, PT_WAITING, "等待期为0到365天", "366 days' wait");
	good_terms(&t);
	t.gender = 'X';
	one_fault(&t, PT_GENDER, "请选择", "gender X");
	good_terms(&t);
	t.name[0] = '\0';
	t.premium = -1;
	t.period_months = 99;
	is_int(plan_terms_faults(&t, f, 8), 3, "three faults at once");
	is_int(plan_terms_faults(&t, f, 2), 2, "... as many as there is room for");
}

/* The faults of item b: count, and the first's parameter and reason. */
static void
item_faults(const struct plan_benefit *b, int n, int what, const char *why,
    const char *say)
{
	struct plan_fault f[8];
	int got = plan_benefit_faults(b, f, 8);

	is_int(got, n, "%s: %d fault(s)", say, n);
	if (n > 0) {
		is_int(got ? f[0].what : -1, what, "... the first on %s",
		    plan_param_name(what));
		is_str(got ? f[0].why : NULL, why, "... saying so");
	}
}

static void
test_items(void)
{
	struct plan_benefit b;
	char why[200];
	int i;

	memset(&b, 0, sizeof(b));
	b.kind = PK_INPATIENT;
	item_faults(&b, 1, PP_BANDS, "请填写此项", "住院医疗 without bands");
	plan_param_read(&b, PP_BANDS, "10000以下30%\n以上40%", why, sizeof(why));
	item_faults(&b, 0, 0, NULL, "住院医疗 with bands");
	b.claim_cap = 3000000;
	b.annual_cap = 2000000;
	item_faults(&b, 1, PP_CLAIM_CAP, "单次补助上限不能高于年度补助上限",
	    "a claim cap over the annual cap");

	memset(&b, 0, sizeof(b));
	b.kind = PK_DAYS;
	item_faults(&b, 2, PP_PER_DAY, "请填写此项", "住院天数 with nothing");
	b.per_day = 2000;
	b.max_days = 30;
	item_faults(&b, 0, 0, NULL, "住院天数 20.00 a day, 30 days");

	memset(&b, 0, sizeof(b));
	b.kind = PK_FEMALE;
	b.lump_sum = 1000000;
	item_faults(&b, 1, PP_DISEASES, "请填写此项", "女职工 without diseases");

	memset(&b, 0, sizeof(b));
	b.kind = PK_ACCIDENT;
	item_faults(&b, 1, PP_RATE, "意外伤害请至少填写医疗、伤残或身故中的一项补助",
	    "意外伤害 with nothing");
	b.rate = 9000;
	item_faults(&b, 1, PP_ANNUAL_CAP, "填写了意外医疗补助比例，请同时填写补助上限",
	    "a medical rate without its cap");
	b.annual_cap = 500000;
	item_faults(&b, 0, 0, NULL, "medical 90 %% up to 5,000.00");
	b.lump_sum = 5000000;
	item_faults(&b, 1, PP_GRADE, "请填写伤残等级比例（1级最重）",
	    "a sum insured without grades");
	for (i = 0; i < PLAN_GRADES; i++)
		b.grades[i] = 10000 - 1000 * i;
	b.death_sum = 5000000;
	item_faults(&b, 0, 0, NULL, "medical, grades and death");
	b.lump_sum = 0;
	item_faults(&b, 1, PP_LUMP_SUM, "填写了伤残等级比例，请同时填写伤残补助基数",
	    "grades without a sum insured");

	memset(&b, 0, sizeof(b));
	b.kind = PK_DISABILITY;
	b.lump_sum = 3000000;
	b.grades[0] = 10000;
	b.grades[2] = 8000;
	item_faults(&b, 1, PP_GRADE + 1, "请填写此等级的比例（较轻的等级已填写）",
	    "工伤致残 with grade 2 left out");
	b.kind = PK__MAX;
	item_faults(&b, 1, PP_NAME, "请选择保障责任", "no such kind");
}

static void
test_draft(void)
{
	static struct plan_draft d, e;

	memset(&d, 0, sizeof(d));
	good_terms(&d.t);
	is_int(plan_draft_check(&d), RF_PLAN_NO_BENEFIT, "a draft without items");
	d.nb = 2;
	d.b[0].kind = PK_CRITICAL;
	snprintf(d.b[0].name, sizeof(d.b[0].name), "重大疾病补助");
	d.b[0].lump_sum = 1500000;
	snprintf(d.b[0].diseases, sizeof(d.b[0].diseases), "恶性肿瘤");
	d.b[1] = d.b[0];
	is_int(plan_draft_check(&d), RF_PLAN_TERMS, "two items of one kind");
	d.b[1].kind = PK_DEATH;
	d.b[1].diseases[0] = '\0';
	is_int(plan_draft_check(&d), RF_OK, "重大疾病 and 亡故");
	d.b[1].name[0] = '\0';
	is_int(plan_draft_check(&d), RF_PLAN_TERMS, "an item without a name");
	snprintf(d.b[1].name, sizeof(d.b[1].name), "亡故慰问金");
	d.t.premium = 0;
	is_int(plan_draft_check(&d), RF_PLAN_TERMS, "a fault in the terms");
	d.t.premium = 4000;
	e = d;
	ok(plan_draft_same(&d, &e), "a copy says the same");
	e.t.plan_id = 7, e.t.version = 3;
	ok(plan_draft_same(&d, &e), "... whatever its ids");
	e.b[0].lump_sum++;
	ok(!plan_draft_same(&d, &e), "one fen more is a change");
	e = d;
	snprintf(e.note, sizeof(e.note), "备注");
	ok(!plan_draft_same(&d, &e), "a note is a change");
	e = d;
	e.t.gender = 'F';
	ok(!plan_draft_same(&d, &e), "a gender rule is a change");
	e = d;
	e.nb = 1;
	ok(!plan_draft_same(&d, &e), "an item less is a change");
}

int
main(void)
{
	test_kinds();
	test_code_rate();
	test_bands();
	test_grades();
	test_diseases();
	test_params();
	test_terms();
	test_items();
	test_draft();
	return tap_done();
}
