/*
 * test_money.c -- lib/money.c: separators, signs, and the capital numerals
 * checked against the People's Bank examples for filling in notes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "tap.h"
#include "valid.h"

/* Capital form of fen must equal want. */
static void
cap(int64_t fen, const char *want)
{
	char out[128];

	is_str(money_capital(fen, out, sizeof(out)), want, "capital %lld",
	    (long long)fen);
}

static void
test_format(void)
{
	char out[32];

	is_str(money_format(832304, out, sizeof(out)), "8,323.04", "format 8,323.04");
	is_str(money_format(5630805, out, sizeof(out)), "56,308.05",
	    "format worked-example total 56,308.05");
	is_str(money_format(0, out, sizeof(out)), "0.00", "format zero");
	is_str(money_format(5, out, sizeof(out)), "0.05", "format 5 fen");
	is_str(money_format(50, out, sizeof(out)), "0.50", "format 50 fen");
	is_str(money_format(100, out, sizeof(out)), "1.00", "format one yuan");
	is_str(money_format(99999, out, sizeof(out)), "999.99", "format 999.99");
	is_str(money_format(100000, out, sizeof(out)), "1,000.00", "format 1,000.00");
	is_str(money_format(123456789, out, sizeof(out)), "1,234,567.89",
	    "format millions");
	is_str(money_format(100000000000, out, sizeof(out)), "1,000,000,000.00",
	    "format billions");
	is_str(money_format(-832304, out, sizeof(out)), "-8,323.04",
	    "format negative");
	is_str(money_format(-5, out, sizeof(out)), "-0.05", "format -5 fen");
	is_str(money_format(INT64_MAX, out, sizeof(out)),
	    "92,233,720,368,547,758.07", "format INT64_MAX");
	is_str(money_format(INT64_MIN, out, sizeof(out)),
	    "-92,233,720,368,547,758.08", "format INT64_MIN");
	is_str(money_format(832304, out, 5), "8,32", "format truncates like snprintf");
	ok(money_format(832304, out, 0) == out, "format with size 0 returns out");

	is_str(money_plain(832304, out, sizeof(out)), "8323.04", "plain 8323.04");
	is_str(money_plain(5630805, out, sizeof(out)), "56308.05", "plain 56308.05");
	is_str(money_plain(0, out, sizeof(out)), "0.00", "plain zero");
	is_str(money_plain(7, out, sizeof(out)), "0.07", "plain 7 fen");
	is_str(money_plain(-1, out, sizeof(out)), "-0.01", "plain -1 fen");
	is_str(money_plain(123456789, out, sizeof(out)), "1234567.89",
	    "plain millions");
	is_str(money_plain(INT64_MIN, out, sizeof(out)),
	    "-92233720368547758.08", "plain INT64_MIN");
}

static void
test_capital(void)
{
	char out[128], small[16];

	/* The 缴费通知单's vectors (enrolment issue, point 6). */
	cap(1, "壹分");
	cap(10, "壹角");
	cap(1000, "壹拾元整");
	cap(10000, "壹佰元整");
	cap(100507, "壹仟零伍元零柒分");
	cap(1000000, "壹万元整");
	cap(10000100, "壹拾万零壹元整");
	cap(123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
	cap(10000000000LL, "壹亿元整");
	/* The examples in money.h and in the brief. */
	cap(832304, "捌仟叁佰贰拾叁元零肆分");
	cap(100, "壹元整");
	cap(0, "零元整");
	cap(1000000, "壹万元整");
	cap(10050, "壹佰元零伍角");
	cap(100000001, "壹佰万元零壹分");
	cap(10, "壹角");		/* no 整 after 角: see money.h */
	cap(5630805, "伍万陆仟叁佰零捌元零伍分");

	/* 正确填写票据和结算凭证的基本规定, the worked examples. */
	cap(140950, "壹仟肆佰零玖元伍角");		/* ¥1,409.50 */
	cap(600714, "陆仟零柒元壹角肆分");		/* ¥6,007.14 */
	cap(168032, "壹仟陆佰捌拾元零叁角贰分");	/* ¥1,680.32 */
	cap(10700053, "壹拾万柒仟元零伍角叁分");	/* ¥107,000.53 */
	cap(1640902, "壹万陆仟肆佰零玖元零贰分");	/* ¥16,409.02 */
	cap(32504, "叁佰贰拾伍元零肆分");		/* ¥325.04 */

	/* Under one yuan: no 零元. */
	cap(1, "壹分");
	cap(5, "伍分");
	cap(11, "壹角壹分");
	cap(90, "玖角");

	/* 拾 always carries its digit; zeros inside and between groups. */
	cap(1000, "壹拾元整");
	cap(1500, "壹拾伍元整");
	cap(100100, "壹仟零壹元整");
	cap(101000, "壹仟零壹拾元整");
	cap(110000, "壹仟壹佰元整");
	cap(10070000, "壹拾万零柒佰元整");
	cap(10000100, "壹拾万零壹元整");
	cap(100000000, "壹佰万元整");
	cap(1000000000, "壹仟万元整");
	cap(1010000000, "壹仟零壹拾万元整");
	cap(2000010, "贰万元零壹角");
	cap(2000001, "贰万元零壹分");
	cap(2000011, "贰万元零壹角壹分");
	cap(2000110, "贰万零壹元壹角");
	cap(10000000000, "壹亿元整");
	cap(10000700000, "壹亿零柒仟元整");		/* 1,0000,7000 */
	cap(11000700000, "壹亿壹仟万柒仟元整");	/* 1,1000,7000 */
	cap(10100000000, "壹亿零壹佰万元整");		/* 1,0100,0000 */
	cap(10000000100, "壹亿零壹元整");		/* 1,0000,0001 */
	cap(100001000000, "壹拾亿零壹万元整");		/* 10,0001,0000 */
	cap(100000000100, "壹拾亿零壹元整");		/* 10,0000,0001 */
	cap(9999999999999, "玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
	cap(INT64_C(100000000000000), "壹万亿元整");
	cap(INT64_C(100010000000000), "壹万零壹亿元整");

	/* Negatives, and what does not fit. */
	cap(-832304, "负捌仟叁佰贰拾叁元零肆分");
	cap(-1, "负壹分");
	cap(INT64_C(999999999999999999),
	    "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
	ok(money_capital(INT64_C(1000000000000000000), out, sizeof(out)) == NULL,
	    "capital 10^16 yuan is NULL");
	ok(money_capital(INT64_MIN, out, sizeof(out)) == NULL,
	    "capital INT64_MIN is NULL");
	ok(money_capital(832304, small, sizeof(small)) == NULL,
	    "capital NULL when the buffer is too small");
	ok(money_capital(100, small, sizeof(small)) == small,
	    "capital 壹元整 fits 16 bytes");
	ok(money_capital(0, small, 0) == NULL, "capital size 0 is NULL");
}

/*
 * Every 13-digit amount made of 0s and 9s (the zero-heavy patterns give
 * the longest capitals): the capital fits 128 bytes as money.h promises,
 * and both text forms read back through valid_fen to the same fen.
 */
static void
test_sweep(void)
{
	char out[128], txt[32], worst[128] = "";
	size_t longest = 0;
	int64_t fen, back;
	unsigned mask;
	int i, capfail = 0, fmtfail = 0;

	for (mask = 0; mask < (1u << 13); mask++) {
		for (fen = 0, i = 12; i >= 0; i--)
			fen = fen * 10 + ((mask >> i) & 1 ? 9 : 0);
		if (money_capital(fen, out, sizeof(out)) == NULL)
			capfail++;
		else if (strlen(out) > longest) {
			longest = strlen(out);
			memcpy(worst, out, longest + 1);
		}
		if (!valid_fen(money_format(fen, txt, sizeof(txt)), &back, NULL) ||
		    back != fen ||
		    !valid_fen(money_plain(fen, txt, sizeof(txt)), &back, NULL) ||
		    back != fen)
			fmtfail++;
	}
	is_int(capfail, 0, "sweep: every capital fits 128 bytes");
	ok(longest < 128, "sweep: longest capital is %zu bytes", longest);
	printf("# longest: %s\n", worst);
	is_int(fmtfail, 0, "sweep: format and plain read back through valid_fen");
}

int
main(void)
{
	test_format();
	test_capital();
	test_sweep();
	return tap_done();
}
