/*
 * test_form.c -- form_parse(): each field kind leaves its canonical text
 * and its typed value (num, fen, date); refusals carry a message; a bank
 * card failing the Luhn check is taken with a warning.
 */
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "tap.h"
#include "valid.h"

static struct field_val v;

/* Parse `in` as a field of `kind`; 1 when taken. */
static int
parse(enum field_kind kind, int optional, const char *in)
{
	static const char *const choices[] = { "unit", "district", NULL };
	struct field f = { "x", kind, optional, choices };

	return form_parse(&f, in, ID_RESIDENT, &v);
}

static void
test_money(void)
{
	ok(parse(FK_MONEY, 0, "8,323.04"), "money with separators");
	is_int(v.fen, 832304, "... in fen");
	is_str(v.v, "8323.04", "... canonical text");
	ok(v.err == NULL && v.warn == NULL, "... no message");
	ok(parse(FK_MONEY, 0, "１００"), "full-width digits");
	is_int(v.fen, 10000, "... 100 yuan");
	is_str(v.v, "100.00", "... two decimals");
	ok(parse(FK_MONEY, 0, "0.5"), "one decimal");
	is_int(v.fen, 50, "... 50 fen");
	ok(!parse(FK_MONEY, 0, "1.005"), "three decimals refused");
	ok(v.err != NULL && v.fen == 0, "... with a message, no amount");
	ok(!parse(FK_MONEY, 0, "-1"), "negative refused");
	ok(!parse(FK_MONEY, 0, "abc"), "letters refused");
	ok(!parse(FK_MONEY, 0, ""), "required and empty refused");
	ok(parse(FK_MONEY, 1, ""), "optional and empty taken");
	ok(v.fen == 0 && v.v[0] == '\0', "... as 0 and \"\"");
	ok(!parse(FK_MONEY, 0, "123456789012345678901"), "longer than the kind's limit");
	ok(strstr(v.err, "不能超过") != NULL, "... says how long it may be");
}

static void
test_date(void)
{
	ok(parse(FK_DATE, 0, "2026-02-03"), "date");
	is_str(v.date, "2026-02-03", "... typed");
	is_str(v.v, "2026-02-03", "... canonical text");
	ok(parse(FK_DATE, 0, "2024/2/29"), "slashes, leap day");
	is_str(v.date, "2024-02-29", "... canonical");
	ok(!parse(FK_DATE, 0, "2026-02-30"), "30 February refused");
	ok(v.err != NULL && v.date[0] == '\0', "... with a message, no date");
	ok(!parse(FK_DATE, 0, "yesterday"), "words refused");
	ok(parse(FK_DATE, 1, ""), "optional and empty taken");
	is_str(v.date, "", "... no date");
}

static void
test_numbers(void)
{
	ok(parse(FK_COUNT, 0, " 42 "), "count");
	is_int(v.num, 42, "... num");
	ok(!parse(FK_COUNT, 0, "10000001"), "count above the limit refused");
	ok(!parse(FK_COUNT, 0, "4.2"), "count with decimals refused");
	ok(parse(FK_ID, 0, "9000000000"), "record id");
	is_int(v.num, 9000000000LL, "... num, past 32 bits");
	ok(!parse(FK_ID, 0, "0"), "id 0 refused");
	ok(parse(FK_ID_TYPE, 0, "3"), "ID type");
	is_int(v.num, 3, "... num");
	ok(!parse(FK_ID_TYPE, 0, "6"), "unknown ID type refused");
	ok(parse(FK_CHOICE, 0, "district"), "choice");
	is_int(v.num, 1, "... its index");
	ok(!parse(FK_CHOICE, 0, "root"), "not a choice refused");
}

static void
test_bank_card(void)
{
	ok(parse(FK_BANK_CARD, 0, "6228 4804 0256 4890 018"), "a card passing Luhn");
	is_str(v.v, "6228480402564890018", "... digits only");
	ok(v.warn == NULL, "... no warning");
	ok(parse(FK_BANK_CARD, 0, "6228480402564890017"),
	    "a card failing Luhn is still taken");
	is_str(v.v, "6228480402564890017", "... as typed");
	ok(v.warn != NULL && strstr(v.warn, "核对") != NULL, "... with a warning");
	ok(v.err == NULL, "... and no error");
	ok(!parse(FK_BANK_CARD, 0, "12345"), "too short refused");
	ok(v.warn == NULL, "... a refusal carries no warning");
	ok(parse(FK_BANK_CARD, 1, ""), "optional and empty taken");
	ok(v.warn == NULL, "... without a warning");
}

static void
test_others(void)
{
	ok(parse(FK_EMAIL, 0, " Li.Ming+hz@Mail.Example.CN "), "e-mail");
	is_str(v.v, "li.ming+hz@mail.example.cn", "... trimmed, lowercased");
	ok(parse(FK_EMAIL, 0, "ｌｉ@ｅｘａｍｐｌｅ.ｃｎ"), "e-mail in full width");
	is_str(v.v, "li@example.cn", "... folded");
	ok(!parse(FK_EMAIL, 0, "li@example"), "no top-level domain refused");
	ok(!parse(FK_EMAIL, 0, "@example.com"), "no local part refused");
	ok(!parse(FK_EMAIL, 0, "li@@example.com"), "two @ refused");
	ok(!parse(FK_EMAIL, 0, "李@example.com"), "non-ASCII refused");
	ok(!parse(FK_EMAIL, 0, "li@example.com\r\nBcc: x@y.z"),
	    "header injection refused");
	is_str(v.err, "请输入正确的邮箱地址，例如 name@example.com", "... saying how");
	ok(parse(FK_EMAIL, 1, ""), "optional and empty: allowed");
	ok(parse(FK_PHONE, 0, "138 0013 8000"), "phone");
	is_str(v.v, "13800138000", "... canonical");
	ok(parse(FK_CODE, 0, "０１２３４５"), "SMS code in full width");
	is_str(v.v, "012345", "... folded");
	ok(!parse(FK_CODE, 0, "12345"), "five digits refused");
	ok(parse(FK_MEDINS, 0, "12345678"), "医保代码, 8 digits");
	ok(!parse(FK_MEDINS, 0, "1234567"), "... 7 refused");
	ok(parse(FK_TEXT_30, 0, "  名称  "), "text trimmed");
	is_str(v.v, "名称", "... canonical");
	ok(!parse(FK_TEXT_30, 0, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"),
	    "31 characters in a 30 field refused");
}

int
main(void)
{
	test_money();
	test_date();
	test_numbers();
	test_bank_card();
	test_others();
	return tap_done();
}
