/*
 * valid.c -- validators that parse: normalise what people type (or paste
 * from Excel and WeChat), check it, and hand back one canonical form.
 *
 * Everything here works on bytes and explicit code points: no <ctype.h>,
 * no locale, no allocation.  Messages are static Simplified Chinese strings
 * meant to be shown beside the field.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "valid.h"

/* Working buffer for one normalised field; longer input is rejected. */
#define NORM_MAX	256

/* Internal results of norm(), beyond the length. */
#define NORM_BADUTF8	(-1)
#define NORM_TOOLONG	(-2)

static const char msg_excel_id[] =
    "证件号码被 Excel 存成了数字（科学计数法），请将该列设为文本后重新填写";
static const char msg_excel_card[] =
    "银行卡号被 Excel 存成了数字（科学计数法），请将该列设为文本后重新填写";

const char *const id_type_labels[ID__MAX] = {
	NULL,
	"居民身份证",
	"护照",
	"港澳居民来往内地通行证",
	"台湾居民来往大陆通行证",
	"外国人永久居留身份证",
};

/* ISO 7064 MOD 11-2 weights and result map shared by GB 11643 IDs. */
static const int mod112_w[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char mod112_map[] = "10X98765432";

/* GB 32100: 31 characters (no I O Z S V) and the position weights. */
static const char cc_alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int cc_w[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
to_upper(int c)
{
	return is_lower(c) ? c - 'a' + 'A' : c;
}

/* ASCII whitespace as isspace() would see it in the C locale. */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

static int
set_why(const char **why, const char *msg)
{
	if (why != NULL)
		*why = msg;
	return 0;
}

/*
 * Decode one UTF-8 sequence at s into *cp.  Returns its length (1..4), or
 * 0 when the bytes are not well formed: stray continuation bytes,
 * overlong forms, surrogates, code points above U+10FFFF, or a sequence cut
 * short (a NUL is never a continuation byte, so we never read past it).
 */
static size_t
utf8_decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xC2)	/* continuation byte, or overlong C0/C1 lead */
		return 0;
	if (s[0] < 0xE0) {
		if ((s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] < 0xF0) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		c = ((uint32_t)(s[0] & 0x0F) << 12) |
		    ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		*cp = c;
		return 3;
	}
	if (s[0] < 0xF5) {
		if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		c = ((uint32_t)(s[0] & 0x07) << 18) |
		    ((uint32_t)(s[1] & 0x3F) << 12) |
		    ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (c < 0x10000 || c > 0x10FFFF)
			return 0;
		*cp = c;
		return 4;
	}
	return 0;
}

size_t
utf8_cut(char *s, size_t maxchars, size_t bufsz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = 0, n, chars = 0;
	uint32_t c;

	if (s == NULL)
		return 0;
	while (p[len] != '\0' && chars < maxchars) {
		if ((n = utf8_decode(p + len, &c)) == 0 || len + n >= bufsz)
			break;
		len += n;
		chars++;
	}
	s[len] = '\0';
	return len;
}

char *
utf8_copy(char *dst, size_t dstsz, const char *src, size_t maxchars)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= dstsz)
		n = dstsz - 1;
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
	utf8_cut(dst, maxchars, dstsz);
	return dst;
}

long
utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n;
	long chars = 0;
	uint32_t c;

	for (; *p != '\0'; p += n, chars++)
		if ((n = utf8_decode(p, &c)) == 0)
			return -1;
	return chars;
}

/* Encode code point c (already known valid) into out; returns the length. */
static size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * Fold what an IME or a pasted spreadsheet produces to plain ASCII:
 * full-width forms U+FF01..U+FF5E, and the ideographic and no-break
 * spaces (the latter comes with text copied from web pages).
 */
static uint32_t
fold(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c == 0x3000 || c == 0x00A0)
		return ' ';
	return c;
}

/*
 * The worker behind valid_text_norm: returns the length written, or
 * NORM_BADUTF8 / NORM_TOOLONG so callers can say which.
 */
static int
norm_how(const char *in, char *out, size_t outsz, int fold_width)
{
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	const unsigned char *first = NULL, *end = NULL, *p;
	const char *src;
	uint32_t c;
	size_t n, k, i, len = 0;
	char enc[4];

	if (outsz == 0)
		return NORM_TOOLONG;
	/* First pass: validate, and find the span without outer spaces. */
	for (p = s; *p != '\0'; p += n) {
		if ((n = utf8_decode(p, &c)) == 0) {
			out[0] = '\0';
			return NORM_BADUTF8;
		}
		if (!is_space((int)fold(c))) {
			if (first == NULL)
				first = p;
			end = p + n;
		}
	}
	if (first != NULL) {
		for (p = first; p < end; p += n) {
			/* Validated above: a character that does not fold is
			 * copied as it is. */
			if (*p < 0x80) {
				n = k = 1;
				src = (const char *)p;
			} else {
				n = utf8_decode(p, &c);
				if (fold_width && fold(c) != c) {
					k = utf8_encode(fold(c), enc);
					src = enc;
				} else {
					k = n;
					src = (const char *)p;
				}
			}
			if (len + k >= outsz) {
				out[0] = '\0';
				return NORM_TOOLONG;
			}
			for (i = 0; i < k; i++)
				out[len++] = src[i];
		}
	}
	out[len] = '\0';
	return (int)len;
}

static int
norm(const char *in, char *out, size_t outsz)
{
	return norm_how(in, out, outsz, 1);
}

int
valid_text_trim(const char *in, char *out, size_t outsz)
{
	int n = norm_how(in, out, outsz, 0);

	return n < 0 ? -1 : n;
}

int
valid_text_norm(const char *in, char *out, size_t outsz)
{
	int n = norm(in, out, outsz);

	return n < 0 ? -1 : n;
}

/*
 * Normalise `in` into buf and then drop every ASCII space and any byte in
 * `drop`: what people put between digit groups of a number.  Returns the
 * new length or a NORM_* error.
 */
static int
norm_compact(const char *in, char *buf, size_t bufsz, const char *drop)
{
	int n;
	size_t i, j;

	if ((n = norm(in, buf, bufsz)) < 0)
		return n;
	for (i = j = 0; i < (size_t)n; i++) {
		if (is_space((unsigned char)buf[i]) ||
		    (drop != NULL && strchr(drop, buf[i]) != NULL))
			continue;
		buf[j++] = buf[i];
	}
	buf[j] = '\0';
	return (int)j;
}

/*
 * Does s look like Excel's display of a long number that was stored as a
 * number, e.g. "4.50102E+17"?  Such a value has lost its trailing digits
 * and cannot be repaired, only re-entered.
 */
static int
looks_scientific(const char *s)
{
	const char *p = s;

	if (!is_digit((unsigned char)*p))
		return 0;
	while (is_digit((unsigned char)*p))
		p++;
	if (*p == '.') {
		p++;
		if (!is_digit((unsigned char)*p))
			return 0;
		while (is_digit((unsigned char)*p))
			p++;
	}
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	if (!is_digit((unsigned char)*p))
		return 0;
	while (is_digit((unsigned char)*p))
		p++;
	return *p == '\0';
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dm[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

/* 1 if y-m-d is a real date in the proleptic Gregorian calendar. */
static int
real_date(int y, int m, int d)
{
	return d >= 1 && d <= days_in_month(y, m);
}

/*
 * Today's date as yyyymmdd in China (UTC+8, no daylight saving), so the
 * answer does not depend on the server's TZ setting.
 */
static long
today_cn(void)
{
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		return 99991231L;
	return (tm.tm_year + 1900L) * 10000L + (tm.tm_mon + 1) * 100L +
	    tm.tm_mday;
}

/* Value of n ASCII digits at s (caller has checked they are digits). */
static int
digits_val(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/*
 * ISO 7064 MOD 11-2 check character for 17 digits at s, as used by
 * GB 11643 and the 18-character foreign permanent resident card.
 */
static char
mod112_check(const char *s)
{
	int i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (s[i] - '0') * mod112_w[i];
	return mod112_map[sum % 11];
}

/* 17 digits then a digit or X: the shape of an 18-character MOD 11-2 ID. */
static int
shape_mod112(const char *s)
{
	int i;

	for (i = 0; i < 17; i++)
		if (!is_digit((unsigned char)s[i]))
			return 0;
	return is_digit((unsigned char)s[17]) || s[17] == 'X';
}

const char *
id_type_label(int type)
{
	if (type < ID_RESIDENT || type >= ID__MAX)
		return NULL;
	return id_type_labels[type];
}

/*
 * Resident ID: see valid.h.  The checks run from the most to the least
 * obvious mistake so the message names what the person got wrong.
 */
int
valid_resident_id(const char *in, char out[19], const char **why)
{
	char buf[NORM_MAX];
	long birth;
	int n, i, y, m, d;

	if ((n = norm_compact(in, buf, sizeof(buf), NULL)) == NORM_BADUTF8)
		return set_why(why,
		    "身份证号码只能是数字，最后一位可以是X");
	if (n == NORM_TOOLONG)
		return set_why(why, "身份证号码应为18位");
	if (n == 0)
		return set_why(why, "请填写身份证号码");
	if (looks_scientific(buf))
		return set_why(why, msg_excel_id);
	for (i = 0; i < n; i++) {
		if (buf[i] == 'x')
			buf[i] = 'X';
		if (!is_digit((unsigned char)buf[i]) && buf[i] != 'X')
			return set_why(why,
			    "身份证号码只能是数字，最后一位可以是X");
	}
	if (n != 18)
		return set_why(why, "身份证号码应为18位");
	if (!shape_mod112(buf))
		return set_why(why, "身份证号码只能是数字，最后一位可以是X");
	if (buf[0] == '0')
		return set_why(why, "身份证号码前6位的地区码不正确");
	y = digits_val(buf + 6, 4);
	m = digits_val(buf + 10, 2);
	d = digits_val(buf + 12, 2);
	birth = y * 10000L + m * 100L + d;
	/* 1800, not 1900: archive data holds people born in the 1880s. */
	if (y < 1800 || !real_date(y, m, d) || birth > today_cn())
		return set_why(why, "身份证号码中的出生日期不正确");
	if (mod112_check(buf) != buf[17])
		return set_why(why, "身份证号码校验位不正确");
	memcpy(out, buf, 19);
	return 1;
}

/* The foreign permanent resident card, old (15) and 2017+ (18) forms. */
static int
valid_foreign_pr(const char *s, int n, const char **why)
{
	int i;

	if (n == 15) {
		for (i = 0; i < 3; i++)
			if (!is_upper((unsigned char)s[i]))
				goto shape;
		for (; i < 15; i++)
			if (!is_digit((unsigned char)s[i]))
				goto shape;
		return 1;
	}
	if (n == 18 && s[0] == '9' && shape_mod112(s)) {
		if (mod112_check(s) != s[17])
			return set_why(why,
			    "外国人永久居留身份证号码校验位不正确");
		return 1;
	}
shape:
	return set_why(why, "外国人永久居留身份证号码应为15位"
	    "（3位字母加12位数字）或以9开头的18位");
}

/*
 * Any supported ID type: normalise (outer and inner spaces, full-width,
 * upper case), then check the type's format.  Returns 1 on success.
 */
int
valid_id_number(int type, const char *in, char out[32], const char **why)
{
	char buf[NORM_MAX];
	int n, i, digits;

	if (type == ID_RESIDENT)
		return valid_resident_id(in, out, why);
	if (type < ID_RESIDENT || type >= ID__MAX)
		return set_why(why, "请选择证件类型");
	if ((n = norm_compact(in, buf, sizeof(buf), NULL)) == NORM_BADUTF8)
		return set_why(why, "证件号码只能包含字母和数字");
	if (n == NORM_TOOLONG)
		return set_why(why, "证件号码太长");
	if (n == 0)
		return set_why(why, "请填写证件号码");
	if (looks_scientific(buf))
		return set_why(why, msg_excel_id);
	for (i = 0; i < n; i++) {
		buf[i] = (char)to_upper((unsigned char)buf[i]);
		if (!is_digit((unsigned char)buf[i]) &&
		    !is_upper((unsigned char)buf[i]))
			return set_why(why, "证件号码只能包含字母和数字");
	}
	switch (type) {
	case ID_PASSPORT:
		if (n < 5 || n > 17)
			return set_why(why, "护照号码应为5到17位字母或数字");
		break;
	case ID_HKMO:
		for (i = 1, digits = 1; i < n; i++)
			digits &= is_digit((unsigned char)buf[i]);
		if ((buf[0] != 'H' && buf[0] != 'M') || !digits ||
		    (n != 9 && n != 11))
			return set_why(why, "港澳通行证号码应为H或M开头，"
			    "后接8位或10位数字");
		break;
	case ID_TW:
		/* 8 digits (2015+ card) or 10 (older booklet); no letter. */
		for (i = 0, digits = 1; i < n; i++)
			digits &= is_digit((unsigned char)buf[i]);
		if (!digits || (n != 8 && n != 10))
			return set_why(why, "台湾通行证号码应为8位或10位数字");
		break;
	case ID_FOREIGN_PR:
		if (!valid_foreign_pr(buf, n, why))
			return 0;
		break;
	}
	memcpy(out, buf, (size_t)n + 1);
	return 1;
}

/*
 * Birth date and gender from a resident ID.  The ID is re-validated so a
 * caller cannot get a date out of garbage.
 */
int
id_birth_gender(const char *id18, char birth[11], char *gender)
{
	char id[19];

	if (!valid_resident_id(id18, id, NULL))
		return 0;
	memcpy(birth, id + 6, 4);
	birth[4] = '-';
	memcpy(birth + 5, id + 10, 2);
	birth[7] = '-';
	memcpy(birth + 8, id + 12, 2);
	birth[10] = '\0';
	*gender = (id[16] - '0') % 2 ? 'M' : 'F';
	return 1;
}

/* Value 0..30 of c in the GB 32100 alphabet, or -1. */
static int
cc_value(char c)
{
	const char *p;

	if (c == '\0' || (p = strchr(cc_alpha, c)) == NULL)
		return -1;
	return (int)(p - cc_alpha);
}

/*
 * Unified social credit code: 18 characters from the 31-letter alphabet,
 * the administrative region (positions 3..8) in digits, and the check
 * character 31 - (sum mod 31) over the weighted first 17.
 */
int
valid_credit_code(const char *in, char out[19], const char **why)
{
	char buf[NORM_MAX];
	int n, i, v, sum;

	if ((n = norm_compact(in, buf, sizeof(buf), NULL)) == NORM_BADUTF8)
		return set_why(why, "统一社会信用代码中有不允许的字符");
	if (n == NORM_TOOLONG)
		return set_why(why, "统一社会信用代码应为18位");
	if (n == 0)
		return set_why(why, "请填写统一社会信用代码");
	for (i = 0; i < n; i++)
		buf[i] = (char)to_upper((unsigned char)buf[i]);
	if (n != 18)
		return set_why(why, "统一社会信用代码应为18位");
	for (i = 0, sum = 0; i < 18; i++) {
		if ((v = cc_value(buf[i])) < 0)
			return set_why(why, "统一社会信用代码中有不允许的字符"
			    "（只用数字和大写字母，不用 I、O、Z、S、V）");
		if (i >= 2 && i <= 7 && !is_digit((unsigned char)buf[i]))
			return set_why(why,
			    "统一社会信用代码第3至8位应为数字（行政区划码）");
		if (i < 17)
			sum += v * cc_w[i];
	}
	if (cc_alpha[(31 - sum % 31) % 31] != buf[17])
		return set_why(why, "统一社会信用代码校验位不正确");
	memcpy(out, buf, 19);
	return 1;
}

/*
 * Mainland mobile number.  Spaces and hyphens between digit groups and a
 * leading +86 / 0086 are dropped: people copy numbers from business cards.
 */
int
valid_phone(const char *in, char out[12], const char **why)
{
	static const char bad[] = "请输入正确的11位手机号码";
	char buf[NORM_MAX];
	const char *p = buf;
	int n, i;

	if ((n = norm_compact(in, buf, sizeof(buf), "-")) < 0)
		return set_why(why, bad);
	if (n == 0)
		return set_why(why, "请填写手机号码");
	if (strncmp(p, "+86", 3) == 0 && n == 14) {
		p += 3;
		n -= 3;
	} else if (strncmp(p, "0086", 4) == 0 && n == 15) {
		p += 4;
		n -= 4;
	}
	if (n != 11 || p[0] != '1' || p[1] < '3' || p[1] > '9')
		return set_why(why, bad);
	for (i = 0; i < 11; i++)
		if (!is_digit((unsigned char)p[i]))
			return set_why(why, bad);
	memcpy(out, p, 12);
	return 1;
}

int
luhn_ok(const char *digits)
{
	size_t n, i;
	int sum = 0, d;

	if (digits == NULL || (n = strlen(digits)) == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)digits[n - 1 - i]))
			return 0;
		d = digits[n - 1 - i] - '0';
		if (i % 2 == 1 && (d *= 2) > 9)
			d -= 9;
		sum += d;
	}
	return sum % 10 == 0;
}

/*
 * Bank card: 12..19 digits once spaces and hyphens are gone.  A failed
 * Luhn check is reported through *luhn_ok_out, not as a failure.
 */
int
valid_bank_card(const char *in, char out[20], int *luhn_ok_out,
    const char **why)
{
	static const char bad[] = "银行卡号应为12到19位数字";
	char buf[NORM_MAX];
	int n, i;

	if (luhn_ok_out != NULL)
		*luhn_ok_out = 0;
	if ((n = norm_compact(in, buf, sizeof(buf), "-")) < 0)
		return set_why(why, bad);
	if (n == 0)
		return set_why(why, "请填写银行卡号");
	if (looks_scientific(buf))
		return set_why(why, msg_excel_card);
	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)buf[i]))
			return set_why(why, bad);
	if (n < 12 || n > 19)
		return set_why(why, bad);
	memcpy(out, buf, (size_t)n + 1);
	if (luhn_ok_out != NULL)
		*luhn_ok_out = luhn_ok(out);
	return 1;
}

/*
 * Read 1..maxn ASCII digits at *pp into *v, advancing *pp.  Returns the
 * number of digits read (0 if none).
 */
static int
read_digits(const char **pp, int maxn, int *v)
{
	const char *p = *pp;
	int n = 0;

	*v = 0;
	while (n < maxn && is_digit((unsigned char)*p)) {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	*pp = p;
	return n;
}

/*
 * Dates as people write them: 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日 and the compact 20240305.  Years 1800..2999 only: anything
 * else is a typo (0224, 20244) rather than a date this system stores.
 */
int
valid_date(const char *in, char out[11], const char **why)
{
	static const char bad[] = "日期格式不正确，请按 2024-03-05 的格式填写";
	static const char nian[] = "年", yue[] = "月", ri[] = "日";
	char buf[NORM_MAX];
	const char *p = buf;
	int n, y, m, d, i;
	char sep;

	if ((n = norm(in, buf, sizeof(buf))) < 0)
		return set_why(why, bad);
	if (n == 0)
		return set_why(why, "请填写日期");
	for (i = 0; i < n && is_digit((unsigned char)buf[i]); i++)
		;
	if (i == n && n == 8) {
		y = digits_val(buf, 4);
		m = digits_val(buf + 4, 2);
		d = digits_val(buf + 6, 2);
		goto check;
	}
	if (read_digits(&p, 4, &y) != 4)
		return set_why(why, bad);
	if (strncmp(p, nian, sizeof(nian) - 1) == 0) {
		p += sizeof(nian) - 1;
		if (read_digits(&p, 2, &m) == 0 ||
		    strncmp(p, yue, sizeof(yue) - 1) != 0)
			return set_why(why, bad);
		p += sizeof(yue) - 1;
		if (read_digits(&p, 2, &d) == 0)
			return set_why(why, bad);
		if (strncmp(p, ri, sizeof(ri) - 1) == 0)
			p += sizeof(ri) - 1;
	} else {
		sep = *p++;
		if (sep != '-' && sep != '/' && sep != '.')
			return set_why(why, bad);
		if (read_digits(&p, 2, &m) == 0 || *p++ != sep ||
		    read_digits(&p, 2, &d) == 0)
			return set_why(why, bad);
	}
	if (*p != '\0')
		return set_why(why, bad);
check:
	if (y < 1800 || y > 2999)
		return set_why(why, "日期中的年份不正确");
	if (!real_date(y, m, d))
		return set_why(why, "日期不存在，请检查月份和日");
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 1;
}

/*
 * Amounts.  Accepts an optional leading ¥/￥ and trailing 元, thousands
 * separators only where they belong (8,323.04, not 83,23.04 -- a misplaced
 * comma is more likely a typo than a style), and at most two decimals;
 * further decimals are accepted only if they are zeros (1.500), which is
 * what some spreadsheets export.
 */
int
valid_fen(const char *in, int64_t *fen, const char **why)
{
	static const char bad[] = "金额格式不正确，请填写如 8323.04 的数字";
	static const char yen1[] = "¥", yen2[] = "￥", yuan[] = "元";
	const int64_t maxyuan = 100000000000LL;	/* 10^13 fen */
	char buf[NORM_MAX];
	char *p = buf, *e;
	int64_t yuanv = 0, dec = 0;
	int n, group, ndig, ndec;

	if ((n = norm(in, buf, sizeof(buf))) < 0)
		return set_why(why, bad);
	e = buf + n;
	if (strncmp(p, yen1, sizeof(yen1) - 1) == 0)
		p += sizeof(yen1) - 1;
	else if (strncmp(p, yen2, sizeof(yen2) - 1) == 0)
		p += sizeof(yen2) - 1;
	if (e - p >= (ptrdiff_t)sizeof(yuan) - 1 &&
	    memcmp(e - (sizeof(yuan) - 1), yuan, sizeof(yuan) - 1) == 0)
		e -= sizeof(yuan) - 1;
	while (p < e && is_space((unsigned char)*p))
		p++;
	while (e > p && is_space((unsigned char)e[-1]))
		e--;
	if (p == e)
		return set_why(why, "请填写金额");
	if (*p == '-')
		return set_why(why, "金额不能为负数");
	/* Integer part; `group` counts digits since the last comma. */
	for (ndig = 0, group = -1; p < e && (is_digit((unsigned char)*p) ||
	    *p == ','); p++) {
		if (*p == ',') {
			if (ndig == 0 || (group >= 0 && group != 3) ||
			    (group < 0 && ndig > 3))
				return set_why(why, "金额中的千位分隔符位置不对");
			group = 0;
			continue;
		}
		if (group >= 0)
			group++;
		ndig++;
		yuanv = yuanv * 10 + (*p - '0');
		if (yuanv >= maxyuan)
			return set_why(why, "金额过大");
	}
	if (group >= 0 && group != 3)
		return set_why(why, "金额中的千位分隔符位置不对");
	ndec = 0;
	if (p < e && *p == '.') {
		for (p++; p < e && is_digit((unsigned char)*p); p++, ndec++) {
			if (ndec < 2)
				dec = dec * 10 + (*p - '0');
			else if (*p != '0')
				return set_why(why, "金额最多只能有两位小数（到分）");
		}
		if (ndec == 0)
			return set_why(why, bad);
	}
	if (p != e || ndig + ndec == 0)
		return set_why(why, bad);
	if (ndec == 1)
		dec *= 10;
	*fen = yuanv * 100 + dec;
	return 1;
}

/* Middle-dot look-alikes people type in transliterated names. */
static int
is_middot(uint32_t c)
{
	return c == 0x00B7 || c == 0x0387 || c == 0x2022 || c == 0x2027 ||
	    c == 0x2219 || c == 0x22C5 || c == 0x30FB || c == 0xFF65;
}

/* Spaces other than the ASCII, ideographic and no-break ones norm folds. */
static int
is_uspace(uint32_t c)
{
	return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202F || c == 0x205F;
}

/* Controls and invisible format characters (zero-width, bidi, BOM). */
static int
is_invisible(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x00AD ||
	    (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

/* ASCII punctuation, plus the CJK and general punctuation IMEs produce. */
static int
is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
		    (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
	return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	    (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x301F) ||
	    (c >= 0xFF5F && c <= 0xFF64);
}

/*
 * A person's name.  Every middle-dot look-alike becomes U+00B7, the form
 * the public security registry uses, so the same name is stored one way.
 */
int
valid_name(const char *in, char *out, size_t outsz, const char **why)
{
	static const char dotmsg[] =
	    "姓名中的间隔号“·”不能在开头、结尾或连着用";
	char buf[NORM_MAX];
	const unsigned char *p;
	size_t len = 0, k, m;
	uint32_t c;
	int n, chars = 0, lastdot = 0;
	char enc[4];

	if ((n = norm(in, buf, sizeof(buf))) == NORM_BADUTF8)
		return set_why(why, "姓名中有无法识别的字符（编码错误）");
	if (n == NORM_TOOLONG)
		return set_why(why, "姓名不能超过30个字");
	if (n == 0)
		return set_why(why, "请填写姓名");
	for (p = (const unsigned char *)buf; *p != '\0'; p += k) {
		k = utf8_decode(p, &c);
		if (k == 0 || c == 0xFFFD)
			return set_why(why,
			    "姓名中有无法识别的字符（编码错误）");
		if (is_space((int)c) || is_uspace(c))
			return set_why(why, "姓名中不要出现空格");
		if (is_invisible(c))
			return set_why(why, "姓名中有看不见的字符，请删除后重新填写");
		if (is_digit((int)c))
			return set_why(why, "姓名中不能有数字");
		if (is_middot(c)) {
			if (chars == 0 || lastdot)
				return set_why(why, dotmsg);
			c = 0x00B7;
			lastdot = 1;
		} else if (is_punct(c)) {
			return set_why(why, "姓名中不能有标点符号"
			    "（少数民族姓名的间隔号请用“·”）");
		} else
			lastdot = 0;
		if (++chars > 30)
			return set_why(why, "姓名不能超过30个字");
		m = utf8_encode(c, enc);
		if (len + m >= outsz)
			return set_why(why, "姓名太长");
		memcpy(out + len, enc, m);
		len += m;
	}
	if (lastdot)
		return set_why(why, dotmsg);
	out[len] = '\0';
	return 1;
}

/* A decimal integer (optional sign) within [min, max]. */
int
valid_int(const char *in, long long min, long long max, long long *val,
    const char **why)
{
	static const char bad[] = "请填写整数（不带小数点和其他符号）";
	char buf[NORM_MAX];
	const char *p = buf;
	unsigned long long u = 0, lim;
	long long v;
	int n, neg = 0;

	if ((n = norm(in, buf, sizeof(buf))) < 0)
		return set_why(why, bad);
	if (n == 0)
		return set_why(why, "请填写数值");
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!is_digit((unsigned char)*p))
		return set_why(why, bad);
	/* Magnitude limit: LLONG_MAX, or one more for a negative. */
	lim = (unsigned long long)LLONG_MAX + (neg ? 1 : 0);
	for (; is_digit((unsigned char)*p); p++) {
		if (u > (lim - (unsigned)(*p - '0')) / 10)
			return set_why(why, "数值超出允许范围");
		u = u * 10 + (unsigned)(*p - '0');
	}
	if (*p != '\0')
		return set_why(why, bad);
	/* -(u - 1) - 1 reaches LLONG_MIN without overflowing. */
	v = neg && u > 0 ? -(long long)(u - 1) - 1 : (long long)u;
	if (v < min || v > max)
		return set_why(why, "数值超出允许范围");
	*val = v;
	return 1;
}

/* The check character of 17 ID digits (for generating test and demo data). */
char
id_check_char(const char *first17)
{
	return mod112_check(first17);
}

int
age_on(const char *birth, const char *date)
{
	int age = atoi(date) - atoi(birth);

	/* Month and day as text: "MM-DD" orders like the calendar. */
	if (strcmp(date + 5, birth + 5) < 0)
		age--;
	return age;
}

/* The check character of the first 17 credit-code characters. */
char
credit_check_char(const char *first17)
{
	int i, v, sum = 0;

	for (i = 0; i < 17; i++)
		if ((v = cc_value(first17[i])) >= 0)
			sum += v * cc_w[i];
	return cc_alpha[(31 - sum % 31) % 31];
}

char *
like_escape(const char *in, char *out, size_t outsz)
{
	size_t i, o = 0;

	for (i = 0; in && in[i] && o + 2 < outsz; i++) {
		if (in[i] == '%' || in[i] == '_' || in[i] == '\\')
			out[o++] = '\\';
		out[o++] = in[i];
	}
	if (outsz)
		out[o] = '\0';
	return out;
}
