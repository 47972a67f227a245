/*
 * money.c -- fen to text: "8,323.04", "8323.04" and the capital numerals
 * (大写金额) printed on payment notices.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "money.h"

/*
 * Magnitude of fen as unsigned, so INT64_MIN needs no special case.
 */
static uint64_t
magnitude(int64_t fen)
{
	return fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
}

/* Copy src into out (size outsz), truncating like snprintf. */
static char *
put(char *out, size_t outsz, const char *src)
{
	size_t n = strlen(src);

	if (outsz == 0)
		return out;
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, src, n);
	out[n] = '\0';
	return out;
}

/*
 * Write fen as yuan with two decimals into buf (at least 32 bytes), with a
 * comma every three digits when `sep` is set.
 */
static void
format(int64_t fen, int sep, char *buf)
{
	char rev[40];
	uint64_t u = magnitude(fen);
	size_t n = 0, digits = 0, i;

	/* Build the text backwards: fen, jiao, point, then yuan digits. */
	rev[n++] = (char)('0' + u % 10);
	u /= 10;
	rev[n++] = (char)('0' + u % 10);
	u /= 10;
	rev[n++] = '.';
	do {
		if (sep && digits > 0 && digits % 3 == 0)
			rev[n++] = ',';
		rev[n++] = (char)('0' + u % 10);
		u /= 10;
		digits++;
	} while (u > 0);
	if (fen < 0)
		rev[n++] = '-';
	for (i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
}

char *
money_format(int64_t fen, char *out, size_t outsz)
{
	char buf[40];

	format(fen, 1, buf);
	return put(out, outsz, buf);
}

char *
money_plain(int64_t fen, char *out, size_t outsz)
{
	char buf[40];

	format(fen, 0, buf);
	return put(out, outsz, buf);
}

static const char *const cap_digit[10] = {
	"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
};
static const char *const cap_unit[4] = { "", "拾", "佰", "仟" };

/* A bounded string builder: once it overflows, it stays failed. */
struct sb {
	char	*buf;
	size_t	 sz;
	size_t	 len;
	int	 fail;
};

static void
sb_add(struct sb *b, const char *s)
{
	size_t n = strlen(s);

	if (b->fail || b->len + n >= b->sz) {
		b->fail = 1;
		return;
	}
	memcpy(b->buf + b->len, s, n + 1);
	b->len += n;
}

/*
 * 1..9999 in capitals: every digit with its unit (壹拾, never a bare 拾, so
 * nothing can be written in front), one 零 for a run of inner zeros, and
 * nothing for trailing zeros.  Leading zeros are the caller's business.
 */
static void
cap4(struct sb *b, unsigned v)
{
	unsigned div = 1000;
	int pos, started = 0, zero = 0;

	for (pos = 3; pos >= 0; pos--, div /= 10) {
		unsigned d = v / div % 10;

		if (d == 0) {
			zero = started;
			continue;
		}
		if (zero)
			sb_add(b, cap_digit[0]);
		sb_add(b, cap_digit[d]);
		sb_add(b, cap_unit[pos]);
		started = 1;
		zero = 0;
	}
}

/*
 * 1..10^8-1: the 万 group then the units group.  A 零 stands for zeros
 * between them only when the units group starts with one (10,0700 ->
 * 壹拾万零柒佰); 10,7000 is 壹拾万柒仟, as the bank rules' own example.
 */
static void
cap8(struct sb *b, uint64_t v)
{
	unsigned hi = (unsigned)(v / 10000), lo = (unsigned)(v % 10000);

	if (hi > 0) {
		cap4(b, hi);
		sb_add(b, "万");
	}
	if (lo > 0) {
		if (hi > 0 && lo < 1000)
			sb_add(b, cap_digit[0]);
		cap4(b, lo);
	}
}

/*
 * 1..10^16-1 yuan: the 亿 part (itself up to 9999万) and the rest, with the
 * same 零 rule one level up (1,0000,7000 -> 壹亿零柒仟).
 */
static void
cap16(struct sb *b, uint64_t v)
{
	uint64_t hi = v / 100000000, lo = v % 100000000;

	if (hi > 0) {
		cap8(b, hi);
		sb_add(b, "亿");
	}
	if (lo > 0) {
		if (hi > 0 && lo < 10000000)
			sb_add(b, cap_digit[0]);
		cap8(b, lo);
	}
}

/*
 * Capitals following the People's Bank rules for filling in notes
 * (正确填写票据和结算凭证的基本规定):
 *   - 整 after 元 when there are no 角 or 分; none after 角 (the rules make
 *     it optional there) or 分: 100.50 -> 壹佰元零伍角, 0.10 -> 壹角;
 *   - 零 after 元 when the 元 digit is 0 and 角 is not (1,680.32 ->
 *     壹仟陆佰捌拾元零叁角贰分), and always when 角 is 0 but 分 is not
 *     (325.04 -> 叁佰贰拾伍元零肆分);
 *   - no 零元 for amounts under one yuan (0.05 -> 伍分), and 零元整 for 0;
 *   - a leading 负 for negative amounts, which notices never carry but a
 *     report might.
 * Amounts of 10^16 yuan or more (no unit above 亿 in use) give NULL.
 */
char *
money_capital(int64_t fen, char *out, size_t outsz)
{
	struct sb b = { out, outsz, 0, 0 };
	uint64_t u = magnitude(fen), yuan = u / 100;
	unsigned jiao = (unsigned)(u / 10 % 10), fen1 = (unsigned)(u % 10);

	if (outsz == 0 || yuan >= 10000000000000000ULL)
		return NULL;
	out[0] = '\0';
	if (u == 0) {
		sb_add(&b, "零元整");
		return b.fail ? NULL : out;
	}
	if (fen < 0)
		sb_add(&b, "负");
	if (yuan > 0) {
		cap16(&b, yuan);
		sb_add(&b, "元");
	}
	if (jiao == 0 && fen1 == 0)
		sb_add(&b, "整");
	else {
		if (yuan > 0 && (jiao == 0 || yuan % 10 == 0))
			sb_add(&b, cap_digit[0]);
		if (jiao > 0) {
			sb_add(&b, cap_digit[jiao]);
			sb_add(&b, "角");
		}
		if (fen1 > 0) {
			sb_add(&b, cap_digit[fen1]);
			sb_add(&b, "分");
		}
	}
	if (b.fail) {
		out[0] = '\0';
		return NULL;
	}
	return out;
}
