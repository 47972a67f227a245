/*
 * test_benefit.c -- lib/domain/benefit.c: what a claim pays and why, as
 * one table of cases over every kind of benefit item (SPEC §4), among
 * them seed 000's 8 323.04; then what every explanation must be: its
 * amounts add up to what is paid.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "benefit.h"
#include "tap.h"

/* The rules the cases use. */
enum rule {
	R_YL19,		/* 住院医疗 v2: 30 % to 10 000.00, 40 % above; caps
			 * 20 000.00 a claim, 30 000.00 a period */
	R_YL19_V1,	/* the same plan's version 1: 25 % / 35 %, caps
			 * 15 000.00 and 20 000.00 */
	R_DEDUCT,	/* v2 with a 起付线 of 800.00 */
	R_FLAT,		/* one band, 30 % */
	R_THREE,	/* 20 % to 5 000, 30 % to 10 000, 50 % above */
	R_DAYS,		/* 20.00 a day, 30 days a period */
	R_DAYS_ANY,	/* 20.00 a day, no cap */
	R_CRITICAL,	/* 15 000.00 once, three diseases */
	R_FEMALE,	/* 10 000.00 once, women, two diseases */
	R_DEATH,	/* 3 000.00 once */
	R_ACCIDENT,	/* medical 90 % to 5 000.00 a period; 50 000.00 by
			 * grade 100 %..10 %; death 50 000.00 */
	R_DISABILITY,	/* 20 000.00 by grade */
	R__MAX
};

static struct plan_benefit rules[R__MAX];

static void
make_rules(void)
{
	static const int grades[PLAN_GRADES] = { 10000, 9000, 8000, 7000,
	    6000, 5000, 4000, 3000, 2000, 1000 };
	struct plan_benefit *r;

	r = &rules[R_YL19];
	r->kind = PK_INPATIENT;
	r->bands[0] = (struct plan_band){ 1000000, 3000 };
	r->bands[1] = (struct plan_band){ 0, 4000 };
	r->nbands = 2;
	r->claim_cap = 2000000;
	r->annual_cap = 3000000;
	rules[R_YL19_V1] = rules[R_YL19];
	r = &rules[R_YL19_V1];
	r->bands[0].rate = 2500;
	r->bands[1].rate = 3500;
	r->claim_cap = 1500000;
	r->annual_cap = 2000000;
	rules[R_DEDUCT] = rules[R_YL19];
	rules[R_DEDUCT].deductible = 80000;
	r = &rules[R_FLAT];
	r->kind = PK_INPATIENT;
	r->bands[0] = (struct plan_band){ 0, 3000 };
	r->nbands = 1;
	r = &rules[R_THREE];
	r->kind = PK_INPATIENT;
	r->bands[0] = (struct plan_band){ 500000, 2000 };
	r->bands[1] = (struct plan_band){ 1000000, 3000 };
	r->bands[2] = (struct plan_band){ 0, 5000 };
	r->nbands = 3;
	r = &rules[R_DAYS];
	r->kind = PK_DAYS;
	r->per_day = 2000;
	r->max_days = 30;
	rules[R_DAYS_ANY] = rules[R_DAYS];
	rules[R_DAYS_ANY].max_days = 0;
	r = &rules[R_CRITICAL];
	r->kind = PK_CRITICAL;
	r->lump_sum = 1500000;
	snprintf(r->diseases, sizeof(r->diseases), "恶性肿瘤、急性心肌梗塞、"
	    "脑中风后遗症");
	r = &rules[R_FEMALE];
	r->kind = PK_FEMALE;
	r->lump_sum = 1000000;
	snprintf(r->diseases, sizeof(r->diseases), "乳腺癌、宫颈癌");
	r = &rules[R_DEATH];
	r->kind = PK_DEATH;
	r->lump_sum = 300000;
	r = &rules[R_ACCIDENT];
	r->kind = PK_ACCIDENT;
	r->rate = 9000;
	r->annual_cap = 500000;
	r->lump_sum = 5000000;
	r->death_sum = 5000000;
	memcpy(r->grades, grades, sizeof(grades));
	r = &rules[R_DISABILITY];
	r->kind = PK_DISABILITY;
	r->lump_sum = 2000000;
	memcpy(r->grades, grades, sizeof(grades));
}

static const struct {
	const char		*what;
	enum rule		 rule;
	struct benefit_claim	 claim;
	struct benefit_history	 had;
	int			 computed;	/* benefit_compute's answer */
	int64_t			 amount;
	const char		*why;		/* "" when something is paid */
	const char		*says;		/* a line the explanation has */
} cases[] = {
	{ "seed 000: base 23 307.60 → 3 000.00 + 5 323.04 = 8 323.04",
	    R_YL19, { .base = 2330760 }, { 0 }, 1, 832304, "",
	    "10,000.00元至23,307.60元部分13,307.60元 × 40% = 5,323.04元" },
	{ "seed 000's first band", R_YL19, { .base = 2330760 }, { 0 }, 1,
	    832304, "", "0.00元至10,000.00元部分10,000.00元 × 30% = 3,000.00元" },
	{ "exactly the first band's top", R_YL19, { .base = 1000000 }, { 0 },
	    1, 300000, "", "累进合计3,000.00元" },
	{ "one fen into the second band (0.40 fen rounds down)", R_YL19,
	    { .base = 1000001 }, { 0 }, 1, 300000, "",
	    "部分0.01元 × 40% = 0.00元" },
	{ "half a fen rounds up: 0.05 × 30 % = 0.015", R_YL19,
	    { .base = 5 }, { 0 }, 1, 2, "", "0.05元 × 30% = 0.02元" },
	{ "under half a fen rounds down: 0.01 × 30 % = 0.003", R_YL19,
	    { .base = 1 }, { 0 }, 1, 0, "", "累进合计0.00元" },
	{ "4.5 fen rounds up: 0.15 × 30 %", R_YL19, { .base = 15 }, { 0 },
	    1, 5, "", "0.15元 × 30% = 0.05元" },
	{ "the per-claim cap", R_YL19, { .base = 10000000 }, { 0 }, 1,
	    2000000, "", "超过单次补助上限20,000.00元，按上限补助20,000.00元" },
	{ "the period's cap cuts the claim", R_YL19, { .base = 2330760 },
	    { .paid = 2500000 }, 1, 500000, "",
	    "本保障期补助上限30,000.00元，已补助25,000.00元，本次最多补助5,000.00元" },
	{ "the period's cap reached", R_YL19, { .base = 2330760 },
	    { .paid = 3000000 }, 1, 0, "您的补助已经达到上限",
	    "您的补助已经达到上限，本次补助0.00元" },
	{ "the period's cap one fen away", R_YL19, { .base = 2330760 },
	    { .paid = 2999999 }, 1, 1, "", "本次最多补助0.01元" },
	{ "the period's cap passed already (an old claim)", R_YL19,
	    { .base = 100000 }, { .paid = 3100000 }, 1, 0,
	    "您的补助已经达到上限", NULL },
	{ "a 起付线 comes off first", R_DEDUCT, { .base = 2330760 }, { 0 }, 1,
	    800304, "", "减起付线800.00元，计算基数22,507.60元" },
	{ "below the 起付线", R_DEDUCT, { .base = 50000 }, { 0 }, 1, 0,
	    "补助基数未超过起付线", NULL },
	{ "exactly the 起付线", R_DEDUCT, { .base = 80000 }, { 0 }, 1, 0,
	    "补助基数未超过起付线", NULL },
	{ "version 1, bought before the edit: 2 500.00 + 4 657.66",
	    R_YL19_V1, { .base = 2330760 }, { 0 }, 1, 715766, "",
	    "10,000.00元至23,307.60元部分13,307.60元 × 35% = 4,657.66元" },
	{ "version 1's own period cap", R_YL19_V1, { .base = 2330760 },
	    { .paid = 1500000 }, 1, 500000, "", "本保障期补助上限20,000.00元" },
	{ "one band", R_FLAT, { .base = 2330760 }, { 0 }, 1, 699228, "",
	    "0.00元至23,307.60元部分23,307.60元 × 30% = 6,992.28元" },
	{ "three bands: 1 000 + 1 500 + 5 000", R_THREE,
	    { .base = 2000000 }, { 0 }, 1, 750000, "",
	    "10,000.00元至20,000.00元部分10,000.00元 × 50% = 5,000.00元" },
	{ "three bands, the base inside the second", R_THREE,
	    { .base = 700000 }, { 0 }, 1, 160000, "", "累进合计1,600.00元" },
	{ "a negative base is refused", R_YL19, { .base = -1 }, { 0 }, 0, 0,
	    "金额不能为负数", NULL },
	{ "住院天数: admitted and discharged the same day is one day", R_DAYS,
	    { .admitted = "2026-03-01", .discharged = "2026-03-01" }, { 0 },
	    1, 2000, "", "住院2026-03-01至2026-03-01，共1天（入出院同日按1天计）" },
	{ "住院天数: ten nights", R_DAYS,
	    { .admitted = "2026-03-01", .discharged = "2026-03-11" }, { 0 },
	    1, 20000, "", "10天 × 20.00元/天 = 200.00元" },
	{ "住院天数: across 29 February of a leap year", R_DAYS,
	    { .admitted = "2028-02-27", .discharged = "2028-03-02" }, { 0 },
	    1, 8000, "", "共4天" },
	{ "住院天数: across the new year", R_DAYS,
	    { .admitted = "2026-12-30", .discharged = "2027-01-02" }, { 0 },
	    1, 6000, "", "共3天" },
	{ "住院天数: the period's 30 days run out", R_DAYS,
	    { .admitted = "2026-03-01", .discharged = "2026-03-11" },
	    { .days = 25 }, 1, 10000, "", "本保障期最多补助30天，已补助25天，本次按5天计" },
	{ "住院天数: all 30 days paid", R_DAYS,
	    { .admitted = "2026-03-01", .discharged = "2026-03-11" },
	    { .days = 30 }, 1, 0, "住院天数补助已达本保障期上限", NULL },
	{ "住院天数: no cap", R_DAYS_ANY,
	    { .admitted = "2026-01-01", .discharged = "2026-04-11" }, { 0 },
	    1, 200000, "", "100天 × 20.00元/天 = 2,000.00元" },
	{ "住院天数: discharged before admitted", R_DAYS,
	    { .admitted = "2026-03-11", .discharged = "2026-03-01" }, { 0 },
	    0, 0, "请填写正确的入院和出院日期", NULL },
	{ "住院天数: 30 February is no date", R_DAYS,
	    { .admitted = "2026-02-28", .discharged = "2026-02-30" }, { 0 },
	    0, 0, "请填写正确的入院和出院日期", NULL },
	{ "重大疾病: a listed disease", R_CRITICAL,
	    { .disease = "急性心肌梗塞" }, { 0 }, 1, 1500000, "",
	    "定额补助15,000.00元（每个保障期一次）" },
	{ "重大疾病: the list's last", R_CRITICAL,
	    { .disease = "脑中风后遗症" }, { 0 }, 1, 1500000, "", "病种：脑中风后遗症" },
	{ "重大疾病: not listed", R_CRITICAL, { .disease = "高血压" }, { 0 },
	    1, 0, "所患疾病不在本计划保障的病种范围内", NULL },
	{ "重大疾病: part of a name is not the name", R_CRITICAL,
	    { .disease = "恶性" }, { 0 }, 1, 0,
	    "所患疾病不在本计划保障的病种范围内", NULL },
	{ "重大疾病: asked twice in one period", R_CRITICAL,
	    { .disease = "恶性肿瘤" }, { .times = 1, .paid = 1500000 }, 1, 0,
	    "本保障期内已领取过该项补助", NULL },
	{ "女职工特殊疾病: a woman, listed", R_FEMALE,
	    { .disease = "宫颈癌", .gender = 'F' }, { 0 }, 1, 1000000, "",
	    "定额补助10,000.00元" },
	{ "女职工特殊疾病: a man", R_FEMALE,
	    { .disease = "乳腺癌", .gender = 'M' }, { 0 }, 1, 0,
	    "该项补助仅限女职工", NULL },
	{ "女职工特殊疾病: twice", R_FEMALE,
	    { .disease = "乳腺癌", .gender = 'F' }, { .times = 1 }, 1, 0,
	    "本保障期内已领取过该项补助", NULL },
	{ "亡故慰问金", R_DEATH, { 0 }, { 0 }, 1, 300000, "",
	    "定额补助3,000.00元（每个保障期一次）" },
	{ "亡故慰问金: once", R_DEATH, { 0 }, { .times = 1 }, 1, 0,
	    "本保障期内已领取过该项补助", NULL },
	{ "意外伤害: medical at 90 %", R_ACCIDENT, { .medical = 400000 },
	    { 0 }, 1, 360000, "", "意外医疗费用4,000.00元 × 90% = 3,600.00元" },
	{ "意外伤害: medical up to the period's cap", R_ACCIDENT,
	    { .medical = 200000 }, { .paid = 400000 }, 1, 100000, "",
	    "本保障期医疗补助上限5,000.00元，已补助4,000.00元，本次最多1,000.00元" },
	{ "意外伤害: medical, the cap reached", R_ACCIDENT,
	    { .medical = 200000 }, { .paid = 500000 }, 1, 0,
	    "您的补助已经达到上限", NULL },
	{ "意外伤害: grade 3 is 80 % of 50 000.00", R_ACCIDENT, { .grade = 3 },
	    { 0 }, 1, 4000000, "", "伤残3级：50,000.00元 × 80% = 40,000.00元" },
	{ "意外伤害: death and medical together", R_ACCIDENT,
	    { .medical = 100000, .death = 1 }, { 0 }, 1, 5090000, "",
	    "合计50,900.00元" },
	{ "意外伤害: a grade the table has not", R_ACCIDENT, { .grade = 11 },
	    { 0 }, 1, 0, "没有可补助的项目", NULL },
	{ "工伤致残: grade 1 is all of it", R_DISABILITY, { .grade = 1 },
	    { 0 }, 1, 2000000, "", "伤残1级：20,000.00元 × 100% = 20,000.00元" },
	{ "工伤致残: grade 10 is 10 %", R_DISABILITY, { .grade = 10 }, { 0 },
	    1, 200000, "", "伤残10级" },
	{ "工伤致残: no grade", R_DISABILITY, { .grade = 0 }, { 0 }, 1, 0,
	    "伤残等级不在补助范围内", NULL },
	{ "工伤致残: once a period", R_DISABILITY, { .grade = 5 },
	    { .times = 1 }, 1, 0, "本保障期内已领取过该项补助", NULL },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* The explanation on one line, " / " between its lines. */
static const char *
oneline(const struct benefit_result *r)
{
	static char buf[4096];
	char *nl;

	benefit_text(r, buf, sizeof(buf) - 64);
	while ((nl = strchr(buf, '\n')) != NULL)
		*nl = '|';
	return buf;
}

/* Whether a line of r says `text` (within it). */
static int
says(const struct benefit_result *r, const char *text)
{
	int i;

	for (i = 0; i < r->nlines; i++)
		if (strstr(r->lines[i].text, text))
			return 1;
	return 0;
}

int
main(void)
{
	struct benefit_result r;
	char text[4096];
	size_t i;
	int rc;

	make_rules();
	ok(NCASES >= 40, "at least 40 cases (%zu)", NCASES);
	for (i = 0; i < NCASES; i++) {
		rc = benefit_compute(&rules[cases[i].rule], &cases[i].claim,
		    &cases[i].had, &r);
		is_int(rc, cases[i].computed, "%s: computed", cases[i].what);
		is_int((int)r.amount, (int)cases[i].amount, "%s: %lld fen",
		    cases[i].what, (long long)cases[i].amount);
		is_str(r.why, cases[i].why, "%s: why", cases[i].what);
		if (cases[i].says)
			ok(says(&r, cases[i].says), "%s: says “%s” (%s)",
			    cases[i].what, cases[i].says, oneline(&r));
	}

	/* The rounding, stated: half up, to the fen. */
	is_int((int)benefit_round(1330760, 4000), 532304, "13 307.60 × 40 %");
	is_int((int)benefit_round(5, 3000), 2, "1.5 fen → 2");
	is_int((int)benefit_round(1, 3000), 0, "0.3 fen → 0");
	is_int((int)benefit_round(0, 4000), 0, "nothing → nothing");

	/* Every explanation adds up: the band lines make the total. */
	benefit_compute(&rules[R_THREE], &(struct benefit_claim){ .base =
	    2000000 }, NULL, &r);
	{
		int64_t sum = 0;
		int k;

		for (k = 0; k < r.nlines; k++)
			if (strstr(r.lines[k].text, "部分"))
				sum += r.lines[k].fen;
		is_int((int)sum, (int)r.amount, "the bands' lines add up to"
		    " the amount");
	}
	is_int(benefit_days("2026-03-01", "2026-03-01"), 1, "same day: 1");
	is_int(benefit_days("2026-03-02", "2026-03-01"), -1, "backwards: -1");
	is_int(benefit_days("x", "2026-03-01"), -1, "no date: -1");
	benefit_compute(&rules[R_YL19], &(struct benefit_claim){ .base =
	    2330760 }, NULL, &r);
	ok(strstr(benefit_text(&r, text, sizeof(text)), "\n累进合计8,323.04元")
	    != NULL, "the explanation as text, a line each");
	return tap_done();
}
