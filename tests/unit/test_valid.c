/*
 * test_valid.c -- lib/valid.c against published vectors and the mistakes
 * people actually make when typing or pasting from Excel.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "valid.h"

/*
 * Independent MOD 11-2 (written from the standard, not copied from
 * valid.c) so tests can build IDs with a correct check digit.
 */
static void
make_id(const char *first17, char out[19])
{
	static const int w[17] = {
		7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
	};
	int i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (first17[i] - '0') * w[i];
	memcpy(out, first17, 17);
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

/* The same ID with its check character replaced by a wrong one. */
static void
break_check(char id[19])
{
	id[17] = id[17] == '0' ? '1' : '0';
}

/* Expect valid_resident_id to accept `in` and produce `want`. */
static void
rid_ok(const char *in, const char *want, const char *what)
{
	char out[19] = "";
	const char *why = NULL;
	int r = valid_resident_id(in, out, &why);

	ok(r == 1, "resident id accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	else
		is_str(out, want, "resident id canonical: %s", what);
}

/* Expect valid_resident_id to reject `in` with message `msg`. */
static void
rid_bad(const char *in, const char *msg, const char *what)
{
	char out[19];
	const char *why = NULL;

	is_int(valid_resident_id(in, out, &why), 0,
	    "resident id rejected: %s", what);
	is_str(why, msg, "resident id message: %s", what);
}

static void
test_norm(void)
{
	char out[64];
	int n;

	n = valid_text_norm("  abc  ", out, sizeof(out));
	is_int(n, 3, "norm: length after trim");
	is_str(out, "abc", "norm: ascii trim");
	valid_text_norm("\xe3\x80\x80１２３ＡＢｘ\xe3\x80\x80", out, sizeof(out));
	is_str(out, "123ABx", "norm: ideographic space and full-width folded");
	valid_text_norm("\t\r\n a\xc2\xa0" "b \n", out, sizeof(out));
	is_str(out, "a b", "norm: no-break space folded, inner kept");
	is_int(valid_text_norm("   ", out, sizeof(out)), 0, "norm: blank -> empty");
	is_str(out, "", "norm: blank output");
	is_int(valid_text_norm(NULL, out, sizeof(out)), 0, "norm: NULL is empty");
	is_int(valid_text_norm("abcdef", out, 4), -1, "norm: too long for buffer");
	valid_text_trim("\xe3\x80\x80 营业执照不清晰，请重新上传（ＰＤＦ）\n", out,
	    sizeof(out));
	is_str(out, "营业执照不清晰，请重新上传（ＰＤＦ）",
	    "trim: outer spaces go, full-width text stays");
	is_int(valid_text_trim("\xff", out, sizeof(out)), -1, "trim: bad UTF-8");
	is_int(valid_text_norm("abc", out, 4), 3, "norm: exactly fits");
	is_int(valid_text_norm("abc", out, 0), -1, "norm: zero-size buffer");
	is_int(valid_text_norm("\xc0\xaf", out, sizeof(out)), -1,
	    "norm: overlong '/' rejected");
	is_int(valid_text_norm("\xe0\x80\xaf", out, sizeof(out)), -1,
	    "norm: 3-byte overlong rejected");
	is_int(valid_text_norm("\xed\xa0\x80", out, sizeof(out)), -1,
	    "norm: surrogate rejected");
	is_int(valid_text_norm("\xf4\x90\x80\x80", out, sizeof(out)), -1,
	    "norm: above U+10FFFF rejected");
	is_int(valid_text_norm("\xe4\xb8", out, sizeof(out)), -1,
	    "norm: truncated sequence rejected");
	is_int(valid_text_norm("a\x80" "b", out, sizeof(out)), -1,
	    "norm: stray continuation byte rejected");
	is_int(valid_text_norm("\xf0\xa0\x80\xbe", out, sizeof(out)), 4,
	    "norm: 4-byte character kept");
}

static void
test_resident_id(void)
{
	const char *wrong_check = "身份证号码校验位不正确";
	const char *wrong_len = "身份证号码应为18位";
	const char *wrong_date = "身份证号码中的出生日期不正确";
	char id[19], out[19], out32[32], birth[11];
	char future[64];
	const char *why;
	char gender;
	time_t now;
	struct tm tm;

	/* Published vectors. */
	rid_ok("11010519491231002X", "11010519491231002X", "GB 11643 sample");
	rid_ok("440524188001010014", "440524188001010014",
	    "born 1880 is accepted");
	make_id("11010119900307777", id);
	rid_ok(id, id, "constructed 1990 ID");

	/* Normalisation. */
	rid_ok("11010519491231002x", "11010519491231002X", "lower-case x");
	rid_ok("  11010519491231002X  ", "11010519491231002X",
	    "spaces around");
	rid_ok("\t11010519491231002X\r\n", "11010519491231002X",
	    "tab and CRLF around");
	rid_ok("\xe3\x80\x80" "11010519491231002X" "\xe3\x80\x80",
	    "11010519491231002X", "ideographic spaces around");
	rid_ok("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X",
	    "full-width digits and X");
	rid_ok("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X",
	    "full-width lower-case x");
	rid_ok("110105 19491231 002X", "11010519491231002X",
	    "spaces between groups dropped");

	/* Rejections with the right message. */
	rid_bad("110105194912310021", wrong_check, "wrong check digit");
	rid_bad("110105194912310020", wrong_check, "wrong check digit 0");
	rid_bad("440524188001010015", wrong_check, "1880 ID, wrong check");
	rid_bad("11010519491231002", wrong_len, "17 characters");
	rid_bad("11010519491231002XX", wrong_len, "X twice (19 characters)");
	rid_bad("110105194912310021X", wrong_len, "19 characters");
	rid_bad("110105491231002", wrong_len, "old 15-digit ID");
	rid_bad("4.50102E+17", "证件号码被 Excel 存成了数字（科学计数法），"
	    "请将该列设为文本后重新填写", "Excel scientific notation");
	rid_bad("4.50102e+17", "证件号码被 Excel 存成了数字（科学计数法），"
	    "请将该列设为文本后重新填写", "Excel notation, lower-case e");
	rid_bad("4.50102E17", "证件号码被 Excel 存成了数字（科学计数法），"
	    "请将该列设为文本后重新填写", "Excel notation without plus");
	rid_bad("", "请填写身份证号码", "empty");
	rid_bad("   ", "请填写身份证号码", "blank");
	rid_bad(NULL, "请填写身份证号码", "NULL");
	rid_bad("1101051949123100X2", "身份证号码只能是数字，最后一位可以是X",
	    "X not last");
	rid_bad("11010519491231-02X", "身份证号码只能是数字，最后一位可以是X",
	    "hyphen inside");
	rid_bad("身份证11010519491231", "身份证号码只能是数字，最后一位可以是X",
	    "Chinese text");
	rid_bad("\xff" "1010519491231002X", "身份证号码只能是数字，最后一位可以是X",
	    "invalid UTF-8");

	/* Dates: each has a correct check digit, so only the date is wrong. */
	make_id("11010519900230123", id);
	rid_bad(id, wrong_date, "Feb 30");
	make_id("11010519000229123", id);
	rid_bad(id, wrong_date, "Feb 29 1900 (not a leap year)");
	make_id("11010520000229123", id);
	rid_ok(id, id, "Feb 29 2000 (leap year)");
	make_id("11010519960229123", id);
	rid_ok(id, id, "Feb 29 1996");
	make_id("11010519901301123", id);
	rid_bad(id, wrong_date, "month 13");
	make_id("11010519900001123", id);
	rid_bad(id, wrong_date, "month 00");
	make_id("11010519900100123", id);
	rid_bad(id, wrong_date, "day 00");
	make_id("11010519900431123", id);
	rid_bad(id, wrong_date, "April 31");
	make_id("11010517991231123", id);
	rid_bad(id, wrong_date, "born 1799");
	make_id("11010518000101123", id);
	rid_ok(id, id, "born 1800-01-01");
	make_id("11010520990101123", id);
	rid_bad(id, wrong_date, "born in 2099 (future)");
	/* Tomorrow in China is in the future; yesterday is fine. */
	now = time(NULL) + 8 * 3600 + 86400;
	gmtime_r(&now, &tm);
	snprintf(future, sizeof(future), "110105%04d%02d%02d123",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	make_id(future, id);
	rid_bad(id, wrong_date, "born tomorrow");
	now -= 2 * 86400;
	gmtime_r(&now, &tm);
	snprintf(future, sizeof(future), "110105%04d%02d%02d123",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	make_id(future, id);
	rid_ok(id, id, "born yesterday");

	/* Region: first digit 1-9. */
	make_id("01010519491231002", id);
	rid_bad(id, "身份证号码前6位的地区码不正确", "region starting with 0");
	make_id("91010519491231002", id);
	rid_ok(id, id, "region starting with 9");
	make_id("11010519491231002", id);
	break_check(id);
	rid_bad(id, wrong_check, "constructed ID with broken check");

	/* why may be NULL. */
	is_int(valid_resident_id("bad", out, NULL), 0, "why may be NULL");

	/* Birth date and gender. */
	ok(id_birth_gender("11010519491231002X", birth, &gender),
	    "birth/gender from sample");
	is_str(birth, "1949-12-31", "birth date of sample");
	is_int(gender, 'F', "17th digit 2 -> female");
	ok(id_birth_gender("440524188001010014", birth, &gender),
	    "birth/gender from 1880 ID");
	is_str(birth, "1880-01-01", "birth date 1880");
	is_int(gender, 'M', "17th digit 1 -> male");
	ok(id_birth_gender("11010519491231002x", birth, &gender),
	    "birth/gender accepts lower-case x");
	is_int(id_birth_gender("110105194912310021", birth, &gender), 0,
	    "birth/gender refuses an invalid ID");
	make_id("11010519900307777", id);
	id_birth_gender(id, birth, &gender);
	is_int(gender, 'M', "17th digit 7 -> male");
	make_id("11010519900307770", id);
	id_birth_gender(id, birth, &gender);
	is_int(gender, 'F', "17th digit 0 -> female");
	is_str(birth, "1990-03-07", "birth date 1990");

	why = NULL;
	is_int(valid_id_number(ID_RESIDENT, "11010519491231002x", out32, &why),
	    1, "valid_id_number delegates resident IDs");
	is_str(out32, "11010519491231002X",
	    "valid_id_number resident canonical");
}

/* Expect valid_id_number(type, in) to give `want`, or fail if want NULL. */
static void
idn(int type, const char *in, const char *want, const char *what)
{
	char out[32] = "";
	const char *why = NULL;
	int r = valid_id_number(type, in, out, &why);

	if (want == NULL) {
		is_int(r, 0, "id number rejected: %s", what);
		ok(why != NULL && *why != '\0', "id number has a message: %s",
		    what);
		return;
	}
	is_int(r, 1, "id number accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	is_str(out, want, "id number canonical: %s", what);
}

static void
test_id_number(void)
{
	char id18[19], out[32];
	const char *why;

	is_str(id_type_label(ID_RESIDENT), "居民身份证", "label resident");
	is_str(id_type_label(ID_PASSPORT), "护照", "label passport");
	is_str(id_type_label(ID_HKMO), "港澳居民来往内地通行证", "label HK/MO");
	is_str(id_type_label(ID_TW), "台湾居民来往大陆通行证", "label TW");
	is_str(id_type_label(ID_FOREIGN_PR), "外国人永久居留身份证",
	    "label foreign PR");
	ok(id_type_label(0) == NULL, "label 0 is NULL");
	ok(id_type_label(ID__MAX) == NULL, "label ID__MAX is NULL");
	ok(id_type_label(-1) == NULL, "label -1 is NULL");

	idn(ID_PASSPORT, "E12345678", "E12345678", "passport E+8");
	idn(ID_PASSPORT, " ea1234567 ", "EA1234567", "passport upper-cased");
	idn(ID_PASSPORT, "Ｇ１２３４５６７８", "G12345678", "passport full-width");
	idn(ID_PASSPORT, "12345", "12345", "passport 5 chars");
	idn(ID_PASSPORT, "ABCDEFGHIJ1234567", "ABCDEFGHIJ1234567",
	    "passport 17 chars");
	idn(ID_PASSPORT, "1234", NULL, "passport 4 chars");
	idn(ID_PASSPORT, "ABCDEFGHIJ12345678", NULL, "passport 18 chars");
	idn(ID_PASSPORT, "E1234-5678", NULL, "passport with hyphen");
	idn(ID_PASSPORT, "", NULL, "passport empty");

	idn(ID_HKMO, "H12345678", "H12345678", "HK/MO H+8");
	idn(ID_HKMO, "m1234567890", "M1234567890", "HK/MO m+10 upper-cased");
	idn(ID_HKMO, "H123456789", NULL, "HK/MO H+9");
	idn(ID_HKMO, "K12345678", NULL, "HK/MO wrong letter");
	idn(ID_HKMO, "12345678", NULL, "HK/MO no letter");
	idn(ID_HKMO, "H1234567A", NULL, "HK/MO letter in digits");

	idn(ID_TW, "12345678", "12345678", "TW 8 digits");
	idn(ID_TW, "1234567890", "1234567890", "TW 10 digits");
	idn(ID_TW, "１２３４５６７８", "12345678", "TW full-width");
	idn(ID_TW, "123456789", NULL, "TW 9 digits");
	idn(ID_TW, "T12345678", NULL, "TW with letter");

	idn(ID_FOREIGN_PR, "usa110085120123", "USA110085120123",
	    "foreign PR old 15-char form");
	idn(ID_FOREIGN_PR, "US1110085120123", NULL, "foreign PR 2 letters");
	idn(ID_FOREIGN_PR, "USA11008512012", NULL, "foreign PR 14 chars");
	make_id("93184019800101123", id18);
	idn(ID_FOREIGN_PR, id18, id18, "foreign PR 2017+ 18-digit form");
	make_id("93184019800101123", id18);
	id18[17] = id18[17] == '5' ? '6' : '5';
	idn(ID_FOREIGN_PR, id18, NULL, "foreign PR 18, bad check");
	why = NULL;
	valid_id_number(ID_FOREIGN_PR, id18, out, &why);
	is_str(why, "外国人永久居留身份证号码校验位不正确",
	    "foreign PR check message");
	make_id("13184019800101123", id18);
	idn(ID_FOREIGN_PR, id18, NULL, "foreign PR 18 not starting with 9");

	idn(0, "E12345678", NULL, "type 0");
	idn(ID__MAX, "E12345678", NULL, "type out of range");
	why = NULL;
	valid_id_number(ID_PASSPORT, "4.50102E+17", out, &why);
	is_str(why, "证件号码被 Excel 存成了数字（科学计数法），"
	    "请将该列设为文本后重新填写", "passport Excel notation message");
}

/* Expect valid_credit_code(in) to give want, or fail with msg if want NULL. */
static void
cc(const char *in, const char *want, const char *msg, const char *what)
{
	char out[19] = "";
	const char *why = NULL;
	int r = valid_credit_code(in, out, &why);

	if (want == NULL) {
		is_int(r, 0, "credit code rejected: %s", what);
		if (msg != NULL)
			is_str(why, msg, "credit code message: %s", what);
		return;
	}
	is_int(r, 1, "credit code accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	is_str(out, want, "credit code canonical: %s", what);
}

static void
test_credit_code(void)
{
	const char *badcheck = "统一社会信用代码校验位不正确";

	/*
	 * Real published codes; all three were checked by hand-computing the
	 * GB 32100 check character (and by an independent script).
	 */
	cc("91350100M000100Y43", "91350100M000100Y43", NULL, "91350100M000100Y43");
	cc("91110108MA01KPGK0L", "91110108MA01KPGK0L", NULL, "91110108MA01KPGK0L");
	cc("91110000802100433B", "91110000802100433B", NULL, "91110000802100433B");
	cc(" 91110108ma01kpgk0l ", "91110108MA01KPGK0L", NULL,
	    "lower case and spaces");
	cc("９１１１０１０８ＭＡ０１ＫＰＧＫ０Ｌ", "91110108MA01KPGK0L", NULL,
	    "full-width");
	cc("9111 0108 MA01 KPGK 0L", "91110108MA01KPGK0L", NULL,
	    "spaces inside");

	/*
	 * The check character at its edges: weighted sum = 0 (mod 31) gives
	 * 0, the first value; 1 gives Y, the last; 9 and A meet where digits
	 * end.  All real codes (厦门中骏集团, 中国国际航空, 招商银行, 华为技术),
	 * checked by an independent script.  Each with its neighbours as the
	 * check character is refused.
	 */
	cc("913502006120495420", "913502006120495420", NULL,
	    "check character 0 (sum divisible by 31)");
	cc("913502006120495421", NULL, badcheck, "0 turned into 1");
	cc("91350200612049542Y", NULL, badcheck, "0 turned into Y");
	cc("91110000710930392Y", "91110000710930392Y", NULL,
	    "check character Y (the last of the 31)");
	cc("91110000710930392X", NULL, badcheck, "Y turned into X");
	cc("911100007109303920", NULL, badcheck, "Y turned into 0");
	cc("9144030010001686XA", "9144030010001686XA", NULL,
	    "check character A (the first letter)");
	cc("9144030010001686X9", NULL, badcheck, "A turned into 9");
	cc("9144030010001686XB", NULL, badcheck, "A turned into B");
	cc("914403001922038216", "914403001922038216", NULL,
	    "check character a digit");
	is_int(credit_check_char("91350200612049542"), '0',
	    "credit_check_char gives 0 for a sum divisible by 31");
	is_int(credit_check_char("91110000710930392"), 'Y',
	    "credit_check_char gives Y for a remainder of 1");

	cc("91350100M000100Y44", NULL, badcheck, "wrong check char");
	cc("91110108MA01KPGK0M", NULL, badcheck, "wrong check letter");
	cc("91110108MA01KPGKOL", NULL, NULL, "letter O instead of zero");
	cc("91110108MA01KPGK0I", NULL, NULL, "letter I as check");
	cc("91110108MA01KPGK0", NULL, "统一社会信用代码应为18位", "17 chars");
	cc("91110108MA01KPGK0LL", NULL, "统一社会信用代码应为18位", "19 chars");
	cc("", NULL, "请填写统一社会信用代码", "empty");
	/* The region is checked before the check character. */
	cc("9111A108MA01KPGK0L", NULL,
	    "统一社会信用代码第3至8位应为数字（行政区划码）",
	    "letter in region code");
}

/*
 * age_on: whole years, the birthday itself counting.  These are the edges
 * of the import's "aged 60 or more" warning.
 */
static void
test_age_on(void)
{
	is_int(age_on("1966-05-20", "2026-05-20"), 60, "60 on the 60th birthday");
	is_int(age_on("1966-05-21", "2026-05-20"), 59,
	    "59 the day before (59 years 364 days)");
	is_int(age_on("1966-05-19", "2026-05-20"), 60, "60 the day after");
	is_int(age_on("1966-01-01", "2025-12-31"), 59, "59 on New Year's Eve");
	is_int(age_on("1966-01-01", "2026-01-01"), 60, "60 on New Year's Day");
	is_int(age_on("1965-12-31", "2026-01-01"), 60,
	    "born on New Year's Eve: 60 the day after");
	is_int(age_on("1966-12-01", "2026-11-30"), 59, "month before, day after");
	is_int(age_on("1966-11-30", "2026-12-01"), 60, "month after, day before");
	is_int(age_on("1964-02-29", "2024-02-29"), 60, "leap day, leap year");
	is_int(age_on("1964-02-29", "2023-02-28"), 58,
	    "leap day: not yet a year older on 28 February");
	is_int(age_on("1964-02-29", "2023-03-01"), 59,
	    "leap day: a year older on 1 March");
	is_int(age_on("2026-05-20", "2026-05-20"), 0, "born today: 0");
}

static void
test_phone(void)
{
	char out[12];
	const char *why;

	ok(valid_phone("13800138000", out, &why), "phone plain");
	is_str(out, "13800138000", "phone canonical");
	ok(valid_phone(" １３９１２３４５６７８ ", out, &why),
	    "phone full-width with spaces");
	is_str(out, "13912345678", "phone full-width canonical");
	ok(valid_phone("138 0013 8000", out, &why), "phone grouped by spaces");
	is_str(out, "13800138000", "phone grouped canonical");
	ok(valid_phone("138-0013-8000", out, &why), "phone grouped by hyphens");
	ok(valid_phone("+86 138 0013 8000", out, &why), "phone with +86");
	is_str(out, "13800138000", "phone +86 stripped");
	ok(valid_phone("008613800138000", out, &why), "phone with 0086");
	ok(valid_phone("19912345678", out, &why), "phone 199");

	why = NULL;
	is_int(valid_phone("12800138000", out, &why), 0, "phone 12x rejected");
	is_str(why, "请输入正确的11位手机号码", "phone message");
	is_int(valid_phone("1380013800", out, &why), 0, "phone 10 digits");
	is_int(valid_phone("138001380001", out, &why), 0, "phone 12 digits");
	is_int(valid_phone("23800138000", out, &why), 0, "phone starts with 2");
	is_int(valid_phone("1380013800a", out, &why), 0, "phone with letter");
	is_int(valid_phone("010-12345678", out, &why), 0, "landline rejected");
	is_int(valid_phone("1.38001E+10", out, &why), 0, "phone in Excel form");
	is_int(valid_phone("", out, &why), 0, "phone empty");
	is_str(why, "请填写手机号码", "phone empty message");
}

static void
test_bank_card(void)
{
	char out[20];
	const char *why;
	int luhn;

	ok(luhn_ok("6228480402564890018"), "Luhn: 6228480402564890018");
	ok(luhn_ok("4111111111111111"), "Luhn: 4111111111111111");
	ok(luhn_ok("79927398713"), "Luhn: 79927398713 (textbook)");
	ok(!luhn_ok("79927398710"), "Luhn: 79927398710 fails");
	ok(!luhn_ok("6228480402564890017"), "Luhn: last digit changed");
	ok(!luhn_ok(""), "Luhn: empty fails");
	ok(!luhn_ok(NULL), "Luhn: NULL fails");
	ok(!luhn_ok("4111 1111"), "Luhn: non-digit fails");

	luhn = -1;
	ok(valid_bank_card("6228 4804 0256 4890 018", out, &luhn, &why),
	    "card with spaces");
	is_str(out, "6228480402564890018", "card spaces removed");
	is_int(luhn, 1, "card Luhn ok");
	ok(valid_bank_card("6228-4804-0256-4890-017", out, &luhn, &why),
	    "card failing Luhn is still accepted");
	is_int(luhn, 0, "card Luhn flag cleared");
	ok(valid_bank_card("６２２８４８０４０２５６４８９００１８", out, &luhn,
	    &why), "card full-width");
	ok(valid_bank_card("622848040256", out, &luhn, &why), "card 12 digits");
	is_int(valid_bank_card("62284804025", out, &luhn, &why), 0,
	    "card 11 digits");
	is_str(why, "银行卡号应为12到19位数字", "card length message");
	is_int(valid_bank_card("62284804025648900181", out, &luhn, &why), 0,
	    "card 20 digits");
	is_int(valid_bank_card("6228A80402564890018", out, &luhn, &why), 0,
	    "card with letter");
	is_int(valid_bank_card("6.22848E+18", out, &luhn, &why), 0,
	    "card in Excel form");
	is_str(why, "银行卡号被 Excel 存成了数字（科学计数法），"
	    "请将该列设为文本后重新填写", "card Excel message");
	ok(valid_bank_card("6228480402564890018", out, NULL, &why),
	    "card with NULL luhn pointer");
}

/* Expect valid_date(in) to give want, or fail if want is NULL. */
static void
dt(const char *in, const char *want, const char *what)
{
	char out[11] = "";
	const char *why = NULL;
	int r = valid_date(in, out, &why);

	if (want == NULL) {
		is_int(r, 0, "date rejected: %s", what);
		ok(why != NULL, "date has a message: %s", what);
		return;
	}
	is_int(r, 1, "date accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	is_str(out, want, "date canonical: %s", what);
}

static void
test_date(void)
{
	char out[11];
	const char *why;

	dt("2024-03-05", "2024-03-05", "ISO");
	dt("2024/03/05", "2024-03-05", "slashes");
	dt("2024/3/5", "2024-03-05", "slashes, short");
	dt("2024.3.5", "2024-03-05", "dots");
	dt("2024-3-5", "2024-03-05", "hyphens, short");
	dt("2024年3月5日", "2024-03-05", "Chinese");
	dt("2024年03月05", "2024-03-05", "Chinese without 日");
	dt("20240305", "2024-03-05", "compact");
	dt(" ２０２４－０３－０５ ", "2024-03-05", "full-width");
	dt("2024-02-29", "2024-02-29", "leap day 2024");
	dt("2000-02-29", "2000-02-29", "leap day 2000");
	dt("1900-02-29", NULL, "1900 not leap");
	dt("2023-02-29", NULL, "2023 not leap");
	dt("2024-02-30", NULL, "Feb 30");
	dt("2024-04-31", NULL, "April 31");
	dt("2024-13-01", NULL, "month 13");
	dt("2024-00-10", NULL, "month 0");
	dt("2024-01-00", NULL, "day 0");
	dt("2024-12-31", "2024-12-31", "Dec 31");
	dt("2024-03/05", NULL, "mixed separators");
	dt("24-03-05", NULL, "two-digit year");
	dt("2024-003-05", NULL, "three-digit month");
	dt("2024-03-05x", NULL, "trailing junk");
	dt("2024-03-05 10:00", NULL, "with time");
	dt("0224-03-05", NULL, "year 0224");
	dt("45356", NULL, "Excel serial number");
	dt("2024-03", NULL, "no day");
	dt("", NULL, "empty");
	why = NULL;
	valid_date("2024-02-30", out, &why);
	is_str(why, "日期不存在，请检查月份和日", "date Feb 30 message");
}

/* Expect valid_fen(in) to give want, or fail with msg (if not NULL). */
static void
fen_ok(const char *in, int64_t want, const char *what)
{
	int64_t f = -1;
	const char *why = NULL;
	int r = valid_fen(in, &f, &why);

	is_int(r, 1, "amount accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	is_int(f, want, "amount value: %s", what);
}

static void
fen_bad(const char *in, const char *msg, const char *what)
{
	int64_t f = 12345;
	const char *why = NULL;

	is_int(valid_fen(in, &f, &why), 0, "amount rejected: %s", what);
	is_int(f, 12345, "amount untouched on failure: %s", what);
	if (msg != NULL)
		is_str(why, msg, "amount message: %s", what);
	else
		ok(why != NULL, "amount has a message: %s", what);
}

static void
test_fen(void)
{
	fen_ok("8323.04", 832304, "8323.04");
	fen_ok("8,323.04", 832304, "8,323.04");
	fen_ok("56,308.05", 5630805, "56,308.05");
	fen_ok("１００", 10000, "full-width 100");
	fen_ok("１，０００．５", 100050, "full-width comma and point");
	fen_ok("0.5", 50, "0.5");
	fen_ok("0.05", 5, "0.05");
	fen_ok(".5", 50, ".5");
	fen_ok("0", 0, "zero");
	fen_ok("0.00", 0, "0.00");
	fen_ok("100", 10000, "100");
	fen_ok(" 100 ", 10000, "spaces around");
	fen_ok("¥100", 10000, "yen sign");
	fen_ok("￥1,234.5", 123450, "full-width yen sign");
	fen_ok("100元", 10000, "trailing 元");
	fen_ok("1.500", 150, "extra zero decimals");
	fen_ok("1,234,567.89", 123456789, "millions");
	fen_ok("99999999999.99", 9999999999999LL, "largest amount");
	fen_ok("007", 700, "leading zeros");

	fen_bad("-1", "金额不能为负数", "negative");
	fen_bad("-0.01", "金额不能为负数", "negative cents");
	fen_bad("1.234", "金额最多只能有两位小数（到分）", "three decimals");
	fen_bad("100000000000", "金额过大", "10^13 fen");
	fen_bad("99999999999999999999999", "金额过大", "huge");
	fen_bad("", "请填写金额", "empty");
	fen_bad("  ", "请填写金额", "blank");
	fen_bad("abc", NULL, "garbage");
	fen_bad("1.2.3", NULL, "two points");
	fen_bad("1.", NULL, "point without decimals");
	fen_bad(".", NULL, "lone point");
	fen_bad("1e5", NULL, "exponent");
	fen_bad("+5", NULL, "plus sign");
	fen_bad("12 34", NULL, "inner space");
	fen_bad("83,23.04", "金额中的千位分隔符位置不对", "misplaced comma");
	fen_bad("8323,04", "金额中的千位分隔符位置不对", "comma as decimal");
	fen_bad("1234,567", "金额中的千位分隔符位置不对", "first group too long");
	fen_bad(",123", NULL, "leading comma");
	fen_bad("1,,234", NULL, "double comma");
	fen_bad("元", "请填写金额", "only 元");
	fen_bad("0x10", NULL, "hex");
}

/* Expect valid_name(in) to give want, or fail with msg. */
static void
nm(const char *in, const char *want, const char *msg, const char *what)
{
	char out[128] = "";
	const char *why = NULL;
	int r = valid_name(in, out, sizeof(out), &why);

	if (want == NULL) {
		is_int(r, 0, "name rejected: %s", what);
		if (msg != NULL)
			is_str(why, msg, "name message: %s", what);
		else
			ok(why != NULL, "name has a message: %s", what);
		return;
	}
	is_int(r, 1, "name accepted: %s", what);
	if (r != 1)
		printf("#   why: %s\n", why ? why : "(null)");
	is_str(out, want, "name canonical: %s", what);
}

static void
test_name(void)
{
	const char *punct = "姓名中不能有标点符号（少数民族姓名的间隔号请用“·”）";
	char out[8];
	const char *why;

	nm("张三", "张三", NULL, "plain");
	nm("  张三  ", "张三", NULL, "trimmed");
	nm("\xe3\x80\x80张三\xe3\x80\x80", "张三", NULL, "ideographic spaces trimmed");
	nm("王𠀾", "王𠀾", NULL, "U+2003E outside the BMP");
	nm("王\xf0\xa0\x80\xbe", "王𠀾", NULL, "4-byte UTF-8 spelled out");
	nm("李䶮", "李䶮", NULL, "U+4DAE (CJK ext. A)");
	nm("𪚥𪚥", "𪚥𪚥", NULL, "two ext. B characters");
	nm("买买提·艾力", "买买提·艾力", NULL, "U+00B7 middle dot");
	nm("买买提•艾力", "买买提·艾力", NULL, "bullet folded to U+00B7");
	nm("买买提・艾力", "买买提·艾力", NULL, "katakana dot folded");
	nm("阿依古丽·买买提·艾力", "阿依古丽·买买提·艾力", NULL, "two dots");
	nm("欧阳娜娜", "欧阳娜娜", NULL, "four characters");
	nm("Anna", "Anna", NULL, "Latin letters");
	nm("ＡＮＮＡ", "ANNA", NULL, "full-width Latin folded");
	nm("一二三", "一二三", NULL, "Chinese numerals are not digits");
	nm("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛",
	    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛",
	    NULL, "30 characters");
	nm("𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾",
	    "𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾",
	    NULL, "30 four-byte characters");

	nm("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬",
	    NULL, "姓名不能超过30个字", "31 characters");
	nm("张 三", NULL, "姓名中不要出现空格", "inner space");
	nm("张\xe3\x80\x80三", NULL, "姓名中不要出现空格", "inner ideographic space");
	nm("张\t三", NULL, "姓名中不要出现空格", "inner tab");
	nm("张\xe2\x80\x83三", NULL, "姓名中不要出现空格", "inner em space");
	nm("张三3", NULL, "姓名中不能有数字", "digit");
	nm("张三３", NULL, "姓名中不能有数字", "full-width digit");
	nm("张三.", NULL, punct, "full stop");
	nm("张,三", NULL, punct, "comma");
	nm("张三！", NULL, punct, "full-width exclamation");
	nm("张三、李四", NULL, punct, "ideographic comma");
	nm("买买提.艾力", NULL, punct, "ASCII dot as separator");
	nm("<script>", NULL, punct, "markup");
	nm("·艾力", NULL, NULL, "leading middle dot");
	nm("艾力·", NULL, NULL, "trailing middle dot");
	nm("买买提··艾力", NULL, NULL, "double middle dot");
	nm("张\xe2\x80\x8b三", NULL, NULL, "zero-width space");
	nm("张\x01三", NULL, NULL, "control character");
	nm("", NULL, "请填写姓名", "empty");
	nm("   ", NULL, "请填写姓名", "blank");
	nm("张\xc0\xaf", NULL, "姓名中有无法识别的字符（编码错误）", "overlong");
	nm("张\xed\xa0\x80", NULL, "姓名中有无法识别的字符（编码错误）",
	    "surrogate");
	nm("张\xed\xa0\xbd\xed\xb2\xa9", NULL, NULL, "CESU-8 pair");
	nm("张\xe4\xb8", NULL, NULL, "truncated");
	nm("张\xef\xbf\xbd", NULL, NULL, "replacement character");

	why = NULL;
	is_int(valid_name("欧阳娜娜", out, sizeof(out), &why), 0,
	    "name does not fit small buffer");
	ok(why != NULL, "name small buffer has a message");
	ok(valid_name("张三", out, sizeof(out), &why), "name fits 7 bytes");
}

static void
test_int(void)
{
	long long v;
	const char *why;

	v = 0;
	ok(valid_int("42", 0, 100, &v, &why), "int 42");
	is_int(v, 42, "int value 42");
	ok(valid_int(" -7 ", -10, 10, &v, &why), "int -7 with spaces");
	is_int(v, -7, "int value -7");
	ok(valid_int("+7", 0, 10, &v, &why), "int +7");
	ok(valid_int("４２", 0, 100, &v, &why), "int full-width");
	is_int(v, 42, "int full-width value");
	ok(valid_int("9223372036854775807", 0, 9223372036854775807LL, &v, &why),
	    "int LLONG_MAX");
	is_int(v, 9223372036854775807LL, "int LLONG_MAX value");
	ok(valid_int("-9223372036854775808", -9223372036854775807LL - 1, 0, &v,
	    &why), "int LLONG_MIN");
	ok(v == -9223372036854775807LL - 1, "int LLONG_MIN value");
	v = 5;
	is_int(valid_int("9223372036854775808", 0, 9223372036854775807LL, &v,
	    &why), 0, "int overflow");
	is_int(v, 5, "int untouched on failure");
	is_int(valid_int("101", 0, 100, &v, &why), 0, "int above max");
	is_str(why, "数值超出允许范围", "int range message");
	is_int(valid_int("-1", 0, 100, &v, &why), 0, "int below min");
	is_int(valid_int("1.5", 0, 100, &v, &why), 0, "int with point");
	is_int(valid_int("1 2", 0, 100, &v, &why), 0, "int with inner space");
	is_int(valid_int("-", 0, 100, &v, &why), 0, "int lone sign");
	is_int(valid_int("abc", 0, 100, &v, &why), 0, "int garbage");
	is_int(valid_int("", 0, 100, &v, &why), 0, "int empty");
	is_str(why, "请填写数值", "int empty message");
}

/* utf8_cut: by characters and by buffer size, never mid-sequence. */
static void
test_utf8_cut(void)
{
	char b[64];

	snprintf(b, sizeof(b), "陈𠀾abc");
	is_int(utf8_cut(b, 2, sizeof(b)), 7, "cut: 2 chars of 陈𠀾abc = 7 bytes");
	is_str(b, "陈𠀾", "cut: keeps whole characters");
	snprintf(b, sizeof(b), "陈𠀾abc");
	is_int(utf8_cut(b, 100, 6), 3, "cut: 6-byte buffer keeps 陈 only");
	is_str(b, "陈", "cut: the 4-byte character does not fit and goes");
	snprintf(b, sizeof(b), "陈𠀾abc");
	is_int(utf8_cut(b, 100, 8), 7, "cut: 8-byte buffer keeps 陈𠀾");
	snprintf(b, sizeof(b), "ab\xe9\x99");	/* 陈 cut short by snprintf */
	is_int(utf8_cut(b, 100, sizeof(b)), 2, "cut: broken tail dropped");
	is_str(b, "ab", "cut: ab left");
	snprintf(b, sizeof(b), "a\xff" "b");
	is_int(utf8_cut(b, 100, sizeof(b)), 1, "cut: stops at invalid byte");
	snprintf(b, sizeof(b), "退回原因");
	is_int(utf8_cut(b, 4, sizeof(b)), 12, "cut: exactly maxchars kept");
	is_int(utf8_cut(b, 0, sizeof(b)), 0, "cut: zero chars");
	is_int(utf8_cut(NULL, 3, 4), 0, "cut: NULL is safe");
	is_str(utf8_copy(b, 6, "陈𠀾abc", 100), "陈", "copy: cut to the buffer");
	is_str(utf8_copy(b, sizeof(b), "陈𠀾abc", 3), "陈𠀾a", "copy: cut to 3 chars");
	is_str(utf8_copy(b, sizeof(b), NULL, 3), "", "copy: NULL is empty");
	is_int(utf8_chars("陈𠀾abc"), 5, "chars: 陈𠀾abc is 5");
	is_int(utf8_chars(""), 0, "chars: empty");
	is_int(utf8_chars(NULL), 0, "chars: NULL is empty");
	is_int(utf8_chars("a\xc3"), -1, "chars: cut-short sequence");
	is_int(utf8_chars("\xed\xa0\x80"), -1, "chars: surrogate");
	is_int(utf8_chars("\xc0\xaf"), -1, "chars: overlong");
}

int
main(void)
{
	test_utf8_cut();
	test_norm();
	test_resident_id();
	test_id_number();
	test_credit_code();
	test_age_on();
	test_phone();
	test_bank_card();
	test_date();
	test_fen();
	test_name();
	test_int();
	return tap_done();
}
