/*
 * benefit.c -- 补助计算: the amount a claim pays and its explanation.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "benefit.h"
#include "money.h"
#include "valid.h"

int64_t
benefit_round(int64_t fen, int bp)
{
	/* Half up: 13,307.60 × 40 % = 5,323.04 exactly; x.xx5 goes up. */
	return (fen * bp + 5000) / 10000;
}

/* Days from 1970-01-01 of "YYYY-MM-DD", -1 if it is not a date. */
static long
day_number(const char *s)
{
	char ok[11];
	const char *why;
	int y, m, d;
	long era, yoe, doy;

	if (s == NULL || !valid_date(s, ok, &why) ||
	    sscanf(ok, "%d-%d-%d", &y, &m, &d) != 3)
		return -1;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int
benefit_days(const char *admitted, const char *discharged)
{
	long a = day_number(admitted), b = day_number(discharged);

	if (a < 0 || b < 0 || b < a)
		return -1;
	return b == a ? 1 : (int)(b - a);
}

/* Add a line: its amount (-1 for none) and words (printf). */
static void __attribute__((format(printf, 3, 4)))
line(struct benefit_result *r, int64_t fen, const char *fmt, ...)
{
	struct benefit_line *l;
	va_list ap;

	if (r->nlines >= BENEFIT_MAX_LINES)
		return;
	l = &r->lines[r->nlines++];
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof(l->text), fmt, ap);
	va_end(ap);
	utf8_cut(l->text, SIZE_MAX, sizeof(l->text));
	l->fen = fen;
}

/* Nothing payable, and why (also the explanation's last line). */
static int
none(struct benefit_result *r, const char *why)
{
	snprintf(r->why, sizeof(r->why), "%s", why);
	r->amount = 0;
	line(r, 0, "%s，本次补助0.00元", why);
	return 1;
}

/* A rate as people write it: "30%", "12.5%". */
static const char *
pct(int bp, char buf[16])
{
	return plan_rate_text(bp, buf, 16);
}

/* The money as people write it (static ring of four). */
static const char *
yuan(int64_t fen)
{
	static char b[4][32];
	static int i;

	i = (i + 1) % 4;
	return money_format(fen, b[i], sizeof(b[i]));
}

/*
 * Cap what `amount` has become by `cap` (0: none) per claim, then by what
 * is left of `annual` (0: none) after `paid`.  Returns the amount, or -1
 * when the period's cap is used up (none() said so).
 */
static int64_t
caps(struct benefit_result *r, int64_t amount, int64_t cap, int64_t annual,
    int64_t paid)
{
	int64_t left;

	if (cap > 0 && amount > cap) {
		line(r, cap, "超过单次补助上限%s元，按上限补助%s元", yuan(cap),
		    yuan(cap));
		amount = cap;
	}
	if (annual <= 0)
		return amount;
	left = annual - paid;
	if (left <= 0) {
		none(r, "您的补助已经达到上限");
		return -1;
	}
	if (amount > left) {
		line(r, left, "本保障期补助上限%s元，已补助%s元，本次最多补助"
		    "%s元", yuan(annual), yuan(paid), yuan(left));
		amount = left;
	}
	return amount;
}

/* 住院医疗: (base − deductible) through the bands, then the caps. */
static int
inpatient(const struct plan_benefit *p, const struct benefit_claim *c,
    const struct benefit_history *h, struct benefit_result *r)
{
	int64_t x, lower = 0, upper, part, sum = 0, amount;
	char rate[16];
	int i;

	line(r, -1, "补助基数（符合补助范围的自付费用）%s元", yuan(c->base));
	x = c->base;
	if (p->deductible > 0) {
		x = c->base > p->deductible ? c->base - p->deductible : 0;
		line(r, -1, "减起付线%s元，计算基数%s元", yuan(p->deductible),
		    yuan(x));
	}
	if (x == 0)
		return none(r, "补助基数未超过起付线");
	for (i = 0; i < p->nbands && lower < x; i++) {
		upper = p->bands[i].upper > 0 && p->bands[i].upper < x ?
		    p->bands[i].upper : x;
		part = upper - lower;
		amount = benefit_round(part, p->bands[i].rate);
		line(r, amount, "%s元至%s元部分%s元 × %s = %s元", yuan(lower),
		    yuan(upper), yuan(part), pct(p->bands[i].rate, rate),
		    yuan(amount));
		sum += amount;
		lower = upper;
	}
	line(r, sum, "累进合计%s元", yuan(sum));
	if ((amount = caps(r, sum, p->claim_cap, p->annual_cap, h->paid)) < 0)
		return 1;
	r->amount = amount;
	return 1;
}

/* 住院天数: per day × days in hospital, at most max_days a period. */
static int
days(const struct plan_benefit *p, const struct benefit_claim *c,
    const struct benefit_history *h, struct benefit_result *r)
{
	int n = benefit_days(c->admitted, c->discharged), paid;

	if (n < 0) {
		snprintf(r->why, sizeof(r->why), "请填写正确的入院和出院日期");
		return 0;
	}
	line(r, -1, "住院%s至%s，共%d天（入出院同日按1天计）", c->admitted,
	    c->discharged, n);
	paid = n;
	if (p->max_days > 0) {
		if (h->days >= p->max_days)
			return none(r, "住院天数补助已达本保障期上限");
		if (h->days + n > p->max_days) {
			paid = p->max_days - h->days;
			line(r, -1, "本保障期最多补助%d天，已补助%d天，本次按%d天"
			    "计", p->max_days, h->days, paid);
		}
	}
	r->amount = p->per_day * paid;
	line(r, r->amount, "%d天 × %s元/天 = %s元", paid, yuan(p->per_day),
	    yuan(r->amount));
	return 1;
}

int
benefit_disease_listed(const char *list, const char *disease)
{
	const char *s = list, *e;
	size_t n;

	if (list == NULL || *list == '\0')
		return 1;
	if (disease == NULL || *disease == '\0')
		return 0;
	n = strlen(disease);
	while (*s) {
		e = strstr(s, "、");
		if ((size_t)((e ? e : s + strlen(s)) - s) == n &&
		    strncmp(s, disease, n) == 0)
			return 1;
		if (e == NULL)
			break;
		s = e + strlen("、");
	}
	return 0;
}

/* 重大疾病, 女职工特殊疾病, 亡故: a fixed sum once a period. */
static int
lump(const struct plan_benefit *p, const struct benefit_claim *c,
    const struct benefit_history *h, struct benefit_result *r)
{
	if (p->kind == PK_FEMALE && c->gender != 'F')
		return none(r, "该项补助仅限女职工");
	if (p->kind != PK_DEATH && !benefit_disease_listed(p->diseases, c->disease))
		return none(r, "所患疾病不在本计划保障的病种范围内");
	if (p->kind != PK_DEATH)
		line(r, -1, "病种：%s", c->disease);
	if (h->times > 0)
		return none(r, "本保障期内已领取过该项补助");
	r->amount = p->lump_sum;
	line(r, r->amount, "定额补助%s元（每个保障期一次）", yuan(p->lump_sum));
	return 1;
}

/* A grade's share of the sum insured: 0 when the grade is not paid. */
static int64_t
graded(const struct plan_benefit *p, int grade, struct benefit_result *r)
{
	char rate[16];
	int64_t amount;

	if (grade < 1 || grade > PLAN_GRADES || p->grades[grade - 1] <= 0)
		return 0;
	amount = benefit_round(p->lump_sum, p->grades[grade - 1]);
	line(r, amount, "伤残%d级：%s元 × %s = %s元", grade, yuan(p->lump_sum),
	    pct(p->grades[grade - 1], rate), yuan(amount));
	return amount;
}

/* 意外伤害: medical at the rate up to the period's cap, disability by
 * grade, death. */
static int
accident(const struct plan_benefit *p, const struct benefit_claim *c,
    const struct benefit_history *h, struct benefit_result *r)
{
	int64_t med = 0, sum = 0, amount;
	char rate[16];

	if (c->medical > 0) {
		med = benefit_round(c->medical, p->rate);
		line(r, med, "意外医疗费用%s元 × %s = %s元", yuan(c->medical),
		    pct(p->rate, rate), yuan(med));
		if (p->annual_cap > 0 && med > 0) {
			if (h->paid >= p->annual_cap) {
				line(r, 0, "意外医疗补助已达本保障期上限%s元",
				    yuan(p->annual_cap));
				med = 0;
			} else if (h->paid + med > p->annual_cap) {
				med = p->annual_cap - h->paid;
				line(r, med, "本保障期医疗补助上限%s元，已补助%s元，"
				    "本次最多%s元", yuan(p->annual_cap),
				    yuan(h->paid), yuan(med));
			}
		}
		sum += med;
	}
	if (c->grade > 0 && (amount = graded(p, c->grade, r)) > 0)
		sum += amount;
	if (c->death && p->death_sum > 0) {
		line(r, p->death_sum, "意外身故：%s元", yuan(p->death_sum));
		sum += p->death_sum;
	}
	if (sum == 0)
		return none(r, c->medical > 0 && p->annual_cap > 0 ?
		    "您的补助已经达到上限" : "没有可补助的项目");
	r->amount = sum;
	if (r->nlines > 1)
		line(r, sum, "合计%s元", yuan(sum));
	return 1;
}

/* 工伤致残: the sum by grade, once a period. */
static int
disability(const struct plan_benefit *p, const struct benefit_claim *c,
    const struct benefit_history *h, struct benefit_result *r)
{
	if (h->times > 0)
		return none(r, "本保障期内已领取过该项补助");
	if ((r->amount = graded(p, c->grade, r)) == 0)
		return none(r, "伤残等级不在补助范围内");
	return 1;
}

int
benefit_compute(const struct plan_benefit *rule,
    const struct benefit_claim *claim, const struct benefit_history *history,
    struct benefit_result *out)
{
	static const struct benefit_history nothing;
	const struct benefit_history *h = history ? history : &nothing;

	memset(out, 0, sizeof(*out));
	if (claim->base < 0 || claim->medical < 0 || h->paid < 0) {
		snprintf(out->why, sizeof(out->why), "金额不能为负数");
		return 0;
	}
	switch (rule->kind) {
	case PK_INPATIENT:
		return inpatient(rule, claim, h, out);
	case PK_DAYS:
		return days(rule, claim, h, out);
	case PK_CRITICAL:
	case PK_FEMALE:
	case PK_DEATH:
		return lump(rule, claim, h, out);
	case PK_ACCIDENT:
		return accident(rule, claim, h, out);
	case PK_DISABILITY:
		return disability(rule, claim, h, out);
	default:
		snprintf(out->why, sizeof(out->why), "未知的补助项目");
		return 0;
	}
}

char *
benefit_text(const struct benefit_result *r, char *buf, size_t n)
{
	size_t used = 0;
	int i;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < r->nlines && used + 1 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    i ? "\n" : "", r->lines[i].text);
	utf8_cut(buf, SIZE_MAX, n);
	return buf;
}
