/*
 * planrule.c -- 保障计划's rules as the admin types them: the kinds of
 * benefit item and their parameters, codes, rates, progressive bands,
 * grade tables and disease lists read and written back, and the faults
 * a draft version may have.  No database here (plan.c stores them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "plan.h"
#include "valid.h"

#define BIT(p)	(1u << (p))

const struct plan_kind_def plan_kinds[PK__MAX] = {
	[PK_INPATIENT] = { "inpatient", "住院医疗补助",
	    BIT(PP_NAME) | BIT(PP_DEDUCTIBLE) | BIT(PP_BANDS) |
	    BIT(PP_CLAIM_CAP) | BIT(PP_ANNUAL_CAP), BIT(PP_BANDS),
	    { [PP_NAME] = "名称", [PP_DEDUCTIBLE] = "起付线（元）",
	      [PP_BANDS] = "累进补助比例",
	      [PP_CLAIM_CAP] = "单次补助上限（元）",
	      [PP_ANNUAL_CAP] = "年度补助上限（元，每人每期）" } },
	[PK_DAYS] = { "days", "住院天数补助",
	    BIT(PP_NAME) | BIT(PP_PER_DAY) | BIT(PP_MAX_DAYS),
	    BIT(PP_PER_DAY) | BIT(PP_MAX_DAYS),
	    { [PP_NAME] = "名称", [PP_PER_DAY] = "每天补助（元）",
	      [PP_MAX_DAYS] = "每期最多补助天数" } },
	[PK_CRITICAL] = { "critical", "重大疾病补助",
	    BIT(PP_NAME) | BIT(PP_LUMP_SUM) | BIT(PP_DISEASES),
	    BIT(PP_LUMP_SUM) | BIT(PP_DISEASES),
	    { [PP_NAME] = "名称", [PP_LUMP_SUM] = "一次性补助（元）",
	      [PP_DISEASES] = "保障病种" } },
	[PK_FEMALE] = { "female", "女职工特殊疾病补助",
	    BIT(PP_NAME) | BIT(PP_LUMP_SUM) | BIT(PP_DISEASES),
	    BIT(PP_LUMP_SUM) | BIT(PP_DISEASES),
	    { [PP_NAME] = "名称", [PP_LUMP_SUM] = "一次性补助（元）",
	      [PP_DISEASES] = "保障病种" } },
	[PK_ACCIDENT] = { "accident", "意外伤害补助",
	    BIT(PP_NAME) | BIT(PP_RATE) | BIT(PP_ANNUAL_CAP) |
	    BIT(PP_LUMP_SUM) | BIT(PP_DEATH_SUM) | PLAN_GRADE_BITS, 0,
	    { [PP_NAME] = "名称", [PP_RATE] = "意外医疗补助比例",
	      [PP_ANNUAL_CAP] = "意外医疗补助上限（元，每人每期）",
	      [PP_LUMP_SUM] = "伤残补助基数（元）",
	      [PP_DEATH_SUM] = "意外身故补助（元）",
	      [PP_GRADE] = "伤残等级补助比例" } },
	[PK_DEATH] = { "death", "亡故慰问金",
	    BIT(PP_NAME) | BIT(PP_LUMP_SUM), BIT(PP_LUMP_SUM),
	    { [PP_NAME] = "名称", [PP_LUMP_SUM] = "慰问金（元）" } },
	[PK_DISABILITY] = { "disability", "工伤致残慰问金",
	    BIT(PP_NAME) | BIT(PP_LUMP_SUM) | PLAN_GRADE_BITS,
	    BIT(PP_LUMP_SUM) | PLAN_GRADE_BITS,
	    { [PP_NAME] = "名称", [PP_LUMP_SUM] = "慰问金基数（元）",
	      [PP_GRADE] = "伤残等级慰问比例" } },
};

static const char *const param_names[PP__MAX] = {
	[PP_NAME] = "name", [PP_DEDUCTIBLE] = "deductible",
	[PP_BANDS] = "bands", [PP_RATE] = "rate", [PP_CLAIM_CAP] = "claim_cap",
	[PP_ANNUAL_CAP] = "annual_cap", [PP_PER_DAY] = "per_day",
	[PP_MAX_DAYS] = "max_days", [PP_LUMP_SUM] = "lump_sum",
	[PP_DEATH_SUM] = "death_sum", [PP_DISEASES] = "diseases",
	[PP_GRADE] = "grade1", "grade2", "grade3", "grade4", "grade5",
	"grade6", "grade7", "grade8", "grade9", "grade10",
};

const char *
plan_param_name(enum plan_param p)
{
	return (unsigned)p < PP__MAX ? param_names[p] : "";
}

enum plan_kind
plan_kind_named(const char *name)
{
	int k;

	for (k = 0; k < PK__MAX; k++)
		if (name && strcmp(name, plan_kinds[k].name) == 0)
			return (enum plan_kind)k;
	return PK__MAX;
}

/* ---- reading what the admin typed ----------------------------------- */

static int
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

int
plan_code_read(const char *in, char out[21], const char **why)
{
	char buf[64];
	int n, i;

	n = valid_text_norm(in, buf, sizeof(buf));
	for (i = 0; i < n && is_alnum(buf[i]); i++)
		out[i] = buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i];
	if (n < 2 || n > 20 || i != n) {
		*why = "计划代码为2到20位字母或数字，如 YL19";
		out[0] = '\0';
		return 0;
	}
	out[n] = '\0';
	return 1;
}

/* Drop ASCII spaces from both ends of s in place; returns s. */
static char *
strip(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	while (*s == ' ')
		s++;
	return s;
}

int
plan_rate_read(const char *in, int *bp, const char **why)
{
	char buf[48], *p;
	int whole = 0, dec = 0, ndig = 0, ndec = 0;
	size_t n;

	if (valid_text_norm(in, buf, sizeof(buf)) < 0)
		goto bad;
	p = strip(buf);
	n = strlen(p);
	if (n > 0 && p[n - 1] == '%')
		p[n - 1] = '\0';
	p = strip(p);
	if (*p == '\0') {
		*why = "请填写比例";
		return 0;
	}
	for (; *p >= '0' && *p <= '9'; p++, ndig++)
		if ((whole = whole * 10 + (*p - '0')) > 100)
			goto over;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, ndec++) {
			if (ndec >= 2 && *p != '0')
				goto bad;
			if (ndec < 2)
				dec = dec * 10 + (*p - '0');
		}
	if (*p != '\0' || ndig == 0)
		goto bad;
	if (ndec == 1)
		dec *= 10;
	if ((*bp = whole * 100 + dec) > 10000)
		goto over;
	return 1;
over:
	*why = "比例不能超过100%";
	return 0;
bad:
	*why = "比例请填写0到100之间的数，最多两位小数，如 30 或 12.5%";
	return 0;
}

char *
plan_rate_text(int bp, char *out, size_t outsz)
{
	if (bp % 100 == 0)
		snprintf(out, outsz, "%d%%", bp / 100);
	else if (bp % 10 == 0)
		snprintf(out, outsz, "%d.%d%%", bp / 100, bp % 100 / 10);
	else
		snprintf(out, outsz, "%d.%02d%%", bp / 100, bp % 100);
	return out;
}

/*
 * The rules every set of bands keeps, whether typed or stored: 1..8
 * bands, the uppers rising, only the last without a limit and the last
 * always without one, rates within 100 %.  Returns 1, or 0 with why.
 */
static int
bands_ok(const struct plan_band *b, int n, char *why, size_t whysz)
{
	char m[32];
	int i;

	if (n == 0) {
		snprintf(why, whysz, "请填写补助比例，如“10,000.00 以下 30%%”"
		    "和“以上 40%%”两行");
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (b[i].rate < 0 || b[i].rate > 10000) {
			snprintf(why, whysz, "第%d档：比例不能超过100%%", i + 1);
			return 0;
		}
		if (b[i].upper == 0 && i < n - 1) {
			snprintf(why, whysz, "第%d档：“以上”只能写在最后一档",
			    i + 1);
			return 0;
		}
		if (b[i].upper < 0 || (i > 0 && b[i].upper != 0 &&
		    b[i].upper <= b[i - 1].upper)) {
			snprintf(why, whysz, "第%d档：金额须高于上一档的%s元",
			    i + 1, money_format(b[i - 1].upper, m, sizeof(m)));
			return 0;
		}
	}
	if (b[n - 1].upper != 0) {
		snprintf(why, whysz, "最后一档请写“以上 N%%”，说明超过%s元的"
		    "部分按多少比例补助", money_format(b[n - 1].upper, m,
		    sizeof(m)));
		return 0;
	}
	return 1;
}

/* The words a band's line may use before its rate. */
static const char *const below_words[] = { "及以下", "以下", "以内", NULL };
static const char *const above_words[] = { "以上", "超过部分", "超出部分",
    "其余", NULL };

/* The first of words[] in s: its position, with *len its length. */
static char *
find_word(char *s, const char *const *words, size_t *len)
{
	char *at;
	int i;

	for (i = 0; words[i]; i++)
		if ((at = strstr(s, words[i])) != NULL) {
			*len = strlen(words[i]);
			return at;
		}
	return NULL;
}

/*
 * One typed band, line `no` (1-based), normalised, into *b; `prev` is
 * the upper of the band before (0 for none).  Returns 1, or 0 with why.
 */
static int
band_line(char *line, int no, int64_t prev, struct plan_band *b, char *why,
    size_t whysz)
{
	char *below, *above, *amount = NULL, *rate = line;
	const char *w;
	size_t len = 0;
	int64_t fen;

	below = find_word(line, below_words, &len);
	above = below ? NULL : find_word(line, above_words, &len);
	if (below || above) {
		amount = line;
		*(below ? below : above) = '\0';
		rate = (below ? below : above) + len;
	}
	rate = strip(rate);
	if (*rate == ':' || *rate == ',')
		rate = strip(rate + 1);
	if (strncmp(rate, "按", 3) == 0)
		rate += 3;
	b->upper = 0;
	if (amount && *strip(amount) != '\0') {
		if (!valid_fen(amount, &fen, &w)) {
			snprintf(why, whysz, "第%d档：%s", no, w);
			return 0;
		}
		if (fen == 0 || (above && fen != prev)) {
			snprintf(why, whysz, fen == 0 ? "第%d档：金额须大于0" :
			    "第%d档：“以上”前的金额应与上一档的金额相同", no);
			return 0;
		}
		b->upper = below ? fen : 0;
	} else if (below) {
		snprintf(why, whysz, "第%d档：请在“以下”前写上金额", no);
		return 0;
	}
	if (!plan_rate_read(rate, &b->rate, &w)) {
		if (below || above)
			snprintf(why, whysz, "第%d档：%s", no, w);
		else
			snprintf(why, whysz, "第%d档看不懂，请写成“10,000.00 以下"
			    " 30%%”或“以上 40%%”", no);
		return 0;
	}
	return 1;
}

int
plan_bands_read(const char *text, struct plan_band b[PLAN_MAX_BANDS], int *n,
    char *why, size_t whysz)
{
	char buf[4 * 500 + 1], line[512], *p, *end;
	size_t len;

	*n = 0;
	if (valid_text_norm(text, buf, sizeof(buf)) < 0) {
		snprintf(why, whysz, "内容过长或含有无法识别的字符");
		return 0;
	}
	for (p = buf; *p; p = end) {
		/* A line ends at a new line or a ；(full width folded to ;). */
		len = strcspn(p, "\r\n;");
		end = p + len + (p[len] != '\0');
		if (len >= sizeof(line)) {
			snprintf(why, whysz, "第%d档太长了", *n + 1);
			return 0;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		if (*strip(line) == '\0')
			continue;
		if (*n == PLAN_MAX_BANDS) {
			snprintf(why, whysz, "最多分%d档", PLAN_MAX_BANDS);
			return 0;
		}
		if (!band_line(strip(line), *n + 1, *n ? b[*n - 1].upper : 0,
		    &b[*n], why, whysz))
			return 0;
		(*n)++;
	}
	return bands_ok(b, *n, why, whysz);
}

char *
plan_bands_text(const struct plan_band *b, int n, char *out, size_t outsz)
{
	char m[32], r[16];
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < n && len < outsz; i++) {
		plan_rate_text(b[i].rate, r, sizeof(r));
		if (b[i].upper > 0)
			len += (size_t)snprintf(out + len, outsz - len, "%s%s 以下 %s",
			    i ? "\n" : "", money_format(b[i].upper, m, sizeof(m)), r);
		else if (n == 1)
			len += (size_t)snprintf(out + len, outsz - len, "%s", r);
		else
			len += (size_t)snprintf(out + len, outsz - len, "%s以上 %s",
			    i ? "\n" : "", r);
	}
	return out;
}

/* "a:b,c:d" into pairs; 1 when well formed, at most `max` pairs. */
static int
pairs_parse(const char *s, long long *a, long long *b, int max, int *n)
{
	char *e;

	for (*n = 0; *s; (*n)++) {
		if (*n == max || *s < '0' || *s > '9')
			return 0;
		a[*n] = strtoll(s, &e, 10);
		if (*e != ':' || e[1] < '0' || e[1] > '9')
			return 0;
		b[*n] = strtoll(e + 1, &e, 10);
		if (*e == ',' && e[1] != '\0')
			e++;
		else if (*e != '\0')
			return 0;
		s = e;
	}
	return 1;
}

int
plan_bands_parse(const char *stored, struct plan_band b[PLAN_MAX_BANDS], int *n)
{
	long long up[PLAN_MAX_BANDS], rate[PLAN_MAX_BANDS];
	char why[160];
	int i;

	if (!pairs_parse(stored, up, rate, PLAN_MAX_BANDS, n)) {
		*n = 0;
		return 0;
	}
	for (i = 0; i < *n; i++) {
		b[i].upper = up[i];
		b[i].rate = rate[i] > 10000 ? 10001 : (int)rate[i];
	}
	return bands_ok(b, *n, why, sizeof(why));
}

char *
plan_bands_store(const struct plan_band *b, int n, char *out, size_t outsz)
{
	size_t len = 0;
	int i, k;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		k = snprintf(out + len, outsz - len, "%s%lld:%d", i ? "," : "",
		    (long long)b[i].upper, b[i].rate);
		if (k < 0 || (size_t)k >= outsz - len)
			return NULL;
		len += (size_t)k;
	}
	return out;
}

int
plan_grades_check(const int grades[PLAN_GRADES], const char **why, int *grade)
{
	int i, last = 10000, gap = 0, paid = 0;

	for (i = 0; i < PLAN_GRADES; i++) {
		*grade = i + 1;
		if (grades[i] < 0 || grades[i] > 10000) {
			*why = "比例不能超过100%";
			return 0;
		}
		if (grades[i] == 0) {
			gap = gap ? gap : i + 1;
			continue;
		}
		if (gap) {
			/* A heavier grade left empty while a lighter one pays. */
			*grade = gap;
			*why = "请填写此等级的比例（较轻的等级已填写）";
			return 0;
		}
		if (grades[i] > last) {
			*why = "不能高于较重一级的比例";
			return 0;
		}
		last = grades[i];
		paid++;
	}
	if (paid == 0) {
		*grade = 1;
		*why = "请填写伤残等级比例（1级最重）";
		return 0;
	}
	return 1;
}

int
plan_grades_parse(const char *stored, int grades[PLAN_GRADES])
{
	long long g[PLAN_GRADES], rate[PLAN_GRADES];
	const char *why;
	int i, n, at;

	memset(grades, 0, PLAN_GRADES * sizeof(grades[0]));
	if (!pairs_parse(stored, g, rate, PLAN_GRADES, &n))
		return 0;
	for (i = 0; i < n; i++) {
		if (g[i] < 1 || g[i] > PLAN_GRADES || grades[g[i] - 1] != 0 ||
		    rate[i] < 1 || rate[i] > 10000)
			return 0;
		grades[g[i] - 1] = (int)rate[i];
	}
	return plan_grades_check(grades, &why, &at);
}

char *
plan_grades_store(const int grades[PLAN_GRADES], char *out, size_t outsz)
{
	size_t len = 0;
	int i, k;

	out[0] = '\0';
	for (i = 0; i < PLAN_GRADES; i++) {
		if (grades[i] == 0)
			continue;
		k = snprintf(out + len, outsz - len, "%s%d:%d", len ? "," : "",
		    i + 1, grades[i]);
		if (k < 0 || (size_t)k >= outsz - len)
			return NULL;
		len += (size_t)k;
	}
	return out;
}

int
plan_diseases_read(const char *in, char *out, size_t outsz, const char **why)
{
	static const char *const seps[] = { "、", "，", "；", "。", ",", ";",
	    "\n", "\r", NULL };
	/* seen: "、a、b、", so an item is found whole, never inside another. */
	char buf[4 * 500 + 1], seen[4 * 500 + 8], item[4 * 30 + 8], probe[136];
	char *p, *next;
	size_t len = 0, k, cut;
	int i, items = 0;

	*why = NULL;
	out[0] = '\0';
	snprintf(seen, sizeof(seen), "、");
	if (valid_text_trim(in, buf, sizeof(buf)) < 0)
		*why = "内容过长或含有无法识别的字符";
	for (p = buf; *why == NULL && *p; p = next) {
		/* The item runs to the nearest separator. */
		for (cut = strlen(p), k = 0, i = 0; seps[i]; i++)
			if ((next = strstr(p, seps[i])) != NULL &&
			    (size_t)(next - p) < cut) {
				cut = (size_t)(next - p);
				k = strlen(seps[i]);
			}
		next = p + cut + k;
		p[cut] = '\0';
		if (cut >= sizeof(item) ||
		    valid_text_trim(p, item, sizeof(item)) < 0 ||
		    utf8_chars(item) > 30) {
			*why = "每个病种名称不超过30个字，病种之间用顿号隔开";
			break;
		}
		if (*item == '\0')
			continue;
		snprintf(probe, sizeof(probe), "、%s、", item);
		if (strstr(seen, probe) != NULL) {
			*why = "有重复的病种，请删去重复的一个";
			break;
		}
		k = (size_t)snprintf(out + len, outsz - len, "%s%s",
		    items ? "、" : "", item);
		if (k >= outsz - len || strlen(seen) + strlen(item) + 4 >=
		    sizeof(seen)) {
			*why = "病种太多，请精简";
			break;
		}
		strcat(seen, item);
		strcat(seen, "、");
		len += k;
		items++;
	}
	if (*why == NULL && items == 0)
		*why = "请填写保障的病种，病种之间用顿号隔开";
	if (*why != NULL) {
		out[0] = '\0';
		return 0;
	}
	return 1;
}

/* A money parameter: fen >= 0, and > 0 unless it may be 0 (起付线). */
static int
money_read(const char *text, int zero_ok, int64_t *fen, char *why,
    size_t whysz)
{
	const char *w;

	if (!valid_fen(text, fen, &w)) {
		snprintf(why, whysz, "%s", w);
		return 0;
	}
	if (*fen == 0 && !zero_ok) {
		snprintf(why, whysz, "金额须大于0；不设上限请留空");
		return 0;
	}
	return 1;
}

int
plan_param_read(struct plan_benefit *b, enum plan_param p, const char *text,
    char *why, size_t whysz)
{
	const char *w = NULL;
	long long days;

	switch (p) {
	case PP_NAME:
		utf8_copy(b->name, sizeof(b->name), text, 60);
		return 1;
	case PP_DEDUCTIBLE:
		return money_read(text, 1, &b->deductible, why, whysz);
	case PP_CLAIM_CAP:
		return money_read(text, 0, &b->claim_cap, why, whysz);
	case PP_ANNUAL_CAP:
		return money_read(text, 0, &b->annual_cap, why, whysz);
	case PP_PER_DAY:
		return money_read(text, 0, &b->per_day, why, whysz);
	case PP_LUMP_SUM:
		return money_read(text, 0, &b->lump_sum, why, whysz);
	case PP_DEATH_SUM:
		return money_read(text, 0, &b->death_sum, why, whysz);
	case PP_BANDS:
		return plan_bands_read(text, b->bands, &b->nbands, why, whysz);
	case PP_MAX_DAYS:
		if (valid_int(text, 1, 366, &days, &w)) {
			b->max_days = (int)days;
			return 1;
		}
		w = "请填写1到366之间的整数";
		break;
	case PP_RATE:
		if (plan_rate_read(text, &b->rate, &w) && b->rate == 0)
			w = "比例须大于0";
		else if (w == NULL)
			return 1;
		break;
	case PP_DISEASES:
		if (plan_diseases_read(text, b->diseases, sizeof(b->diseases),
		    &w))
			return 1;
		break;
	default:
		if (p >= PP_GRADE && p < PP__MAX &&
		    plan_rate_read(text, &b->grades[p - PP_GRADE], &w))
			return 1;
		if (w == NULL)
			w = "请检查此项";
		break;
	}
	snprintf(why, whysz, "%s", w);
	return 0;
}

/* Add fault (what, why) to f[*n] when there is room. */
static void
fault(struct plan_fault *f, int max, int *n, int what, const char *why)
{
	if (*n < max) {
		f[*n].what = what;
		f[*n].why = why;
	}
	(*n)++;
}

int
plan_terms_faults(const struct plan_terms *t, struct plan_fault *f, int max)
{
	static const char both[] = "请同时填写集中参保期的开始和结束日期";
	int n = 0, from = t->window_from[0] != '\0', to = t->window_to[0] != '\0';
	char d[11];
	const char *w;

	if (t->name[0] == '\0')
		fault(f, max, &n, PT_NAME, "请填写计划名称");
	if (t->premium <= 0)
		fault(f, max, &n, PT_PREMIUM, "保费须大于0");
	else if (t->premium > 10000000)
		fault(f, max, &n, PT_PREMIUM, "保费不能超过100,000.00元");
	if (t->period_months < 1 || t->period_months > 36)
		fault(f, max, &n, PT_MONTHS, "保障期限为1到36个月");
	if (from && !valid_date(t->window_from, d, &w))
		fault(f, max, &n, PT_WINDOW_FROM, w);
	else if (to && !valid_date(t->window_to, d, &w))
		fault(f, max, &n, PT_WINDOW_TO, w);
	else if (from != to)
		fault(f, max, &n, from ? PT_WINDOW_TO : PT_WINDOW_FROM, both);
	else if (from && strcmp(t->window_from, t->window_to) > 0)
		fault(f, max, &n, PT_WINDOW_TO, "结束日期不能早于开始日期");
	if (t->gender != 0 && t->gender != 'F' && t->gender != 'M')
		fault(f, max, &n, PT_GENDER, "请选择");
	if (t->age_warn < 16 || t->age_warn > 100)
		fault(f, max, &n, PT_AGE_WARN, "提示年龄为16到100之间的整数");
	if (t->waiting_days < 0 || t->waiting_days > 365)
		fault(f, max, &n, PT_WAITING, "等待期为0到365天");
	return n < max ? n : max;
}

/* Whether item b's parameter p is there (0 and "" are not). */
static int
param_set(const struct plan_benefit *b, enum plan_param p)
{
	int i;

	switch (p) {
	case PP_NAME: return b->name[0] != '\0';
	case PP_DEDUCTIBLE: return b->deductible != 0;
	case PP_BANDS: return b->nbands > 0;
	case PP_RATE: return b->rate != 0;
	case PP_CLAIM_CAP: return b->claim_cap != 0;
	case PP_ANNUAL_CAP: return b->annual_cap != 0;
	case PP_PER_DAY: return b->per_day != 0;
	case PP_MAX_DAYS: return b->max_days != 0;
	case PP_LUMP_SUM: return b->lump_sum != 0;
	case PP_DEATH_SUM: return b->death_sum != 0;
	case PP_DISEASES: return b->diseases[0] != '\0';
	default:
		for (i = 0; i < PLAN_GRADES; i++)
			if (b->grades[i] != 0)
				return 1;
		return 0;
	}
}

int
plan_benefit_faults(const struct plan_benefit *b, struct plan_fault *f,
    int max)
{
	const struct plan_kind_def *k;
	const char *why;
	int n = 0, p, grade, grades;

	if ((unsigned)b->kind >= PK__MAX) {
		fault(f, max, &n, PP_NAME, "请选择保障责任");
		return n < max ? n : max;
	}
	k = &plan_kinds[b->kind];
	grades = param_set(b, PP_GRADE);
	for (p = 0; p <= PP_GRADE; p++)
		if ((k->need & BIT(p)) && !param_set(b, p))
			fault(f, max, &n, p, p == PP_GRADE ?
			    "请填写伤残等级比例（1级最重）" : "请填写此项");
	if (b->claim_cap && b->annual_cap && b->claim_cap > b->annual_cap)
		fault(f, max, &n, PP_CLAIM_CAP, "单次补助上限不能高于年度补助上限");
	if (grades && !plan_grades_check(b->grades, &why, &grade))
		fault(f, max, &n, PP_GRADE + grade - 1, why);
	if (b->kind == PK_ACCIDENT) {
		if (b->rate && !b->annual_cap)
			fault(f, max, &n, PP_ANNUAL_CAP, "填写了意外医疗补助比例，"
			    "请同时填写补助上限");
		if (b->annual_cap && !b->rate)
			fault(f, max, &n, PP_RATE, "请填写意外医疗补助比例");
		if (b->lump_sum && !grades)
			fault(f, max, &n, PP_GRADE, "请填写伤残等级比例（1级最重）");
		if (grades && !b->lump_sum)
			fault(f, max, &n, PP_LUMP_SUM, "填写了伤残等级比例，"
			    "请同时填写伤残补助基数");
		if (!b->rate && !b->annual_cap && !b->lump_sum && !grades &&
		    !b->death_sum)
			fault(f, max, &n, PP_RATE, "意外伤害请至少填写医疗、伤残"
			    "或身故中的一项补助");
	}
	return n < max ? n : max;
}

/* Whether two items say the same. */
static int
benefit_same(const struct plan_benefit *a, const struct plan_benefit *b)
{
	int i;

	if (a->kind != b->kind || strcmp(a->name, b->name) != 0 ||
	    a->deductible != b->deductible || a->nbands != b->nbands ||
	    a->rate != b->rate || a->claim_cap != b->claim_cap ||
	    a->annual_cap != b->annual_cap || a->per_day != b->per_day ||
	    a->max_days != b->max_days || a->lump_sum != b->lump_sum ||
	    a->death_sum != b->death_sum ||
	    strcmp(a->diseases, b->diseases) != 0)
		return 0;
	for (i = 0; i < a->nbands; i++)
		if (a->bands[i].upper != b->bands[i].upper ||
		    a->bands[i].rate != b->bands[i].rate)
			return 0;
	for (i = 0; i < PLAN_GRADES; i++)
		if (a->grades[i] != b->grades[i])
			return 0;
	return 1;
}

int
plan_draft_same(const struct plan_draft *a, const struct plan_draft *b)
{
	const struct plan_terms *s = &a->t, *t = &b->t;
	int i;

	if (strcmp(s->name, t->name) != 0 || s->premium != t->premium ||
	    s->period_months != t->period_months ||
	    strcmp(s->window_from, t->window_from) != 0 ||
	    strcmp(s->window_to, t->window_to) != 0 || s->gender != t->gender ||
	    s->age_warn != t->age_warn || s->waiting_days != t->waiting_days ||
	    strcmp(a->note, b->note) != 0 || a->nb != b->nb)
		return 0;
	for (i = 0; i < a->nb; i++)
		if (!benefit_same(&a->b[i], &b->b[i]))
			return 0;
	return 1;
}

/*
 * Whether a draft may be saved: terms without fault, at least one item,
 * items of distinct kinds in kind order, each without fault.  RF_OK,
 * RF_PLAN_NO_BENEFIT or RF_PLAN_TERMS.
 */
enum refusal
plan_draft_check(const struct plan_draft *d)
{
	struct plan_fault f[1];
	int i;

	if (plan_terms_faults(&d->t, f, 1) > 0)
		return RF_PLAN_TERMS;
	if (d->nb < 1)
		return RF_PLAN_NO_BENEFIT;
	if (d->nb > PLAN_MAX_BENEFITS)
		return RF_PLAN_TERMS;
	for (i = 0; i < d->nb; i++)
		if ((i > 0 && d->b[i].kind <= d->b[i - 1].kind) ||
		    d->b[i].name[0] == '\0' ||
		    plan_benefit_faults(&d->b[i], f, 1) > 0)
			return RF_PLAN_TERMS;
	return RF_OK;
}
