// fuzz-sources: lib/core/valid.c lib/core/money.c
// fuzz-libs:
/*
 * fuzz_valid.c -- libFuzzer harness for lib/valid.c and lib/money.c.
 *
 * Every validator gets the input as a C string.  Beyond "no crash, no
 * sanitizer report" it checks the promises callers rely on: a validator's
 * output is a fixed point (validating it again succeeds and changes
 * nothing), outputs are valid UTF-8 of the documented shape, failures come
 * with a message, and money text reads back to the same fen.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"
#include "valid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a note; libFuzzer saves the input that got here. */
#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "invariant failed: %s (line %d)\n",	\
		    #cond, __LINE__);					\
		abort();						\
	}								\
} while (0)

/*
 * Strict UTF-8 check written independently of valid.c (table of lead
 * ranges per RFC 3629), so a bug there is not mirrored here.  Returns the
 * number of code points, or -1.
 */
static long
utf8_count(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;
	int len, i;
	unsigned char lo, hi;

	while (*p) {
		/* Allowed range of the second byte depends on the lead. */
		lo = 0x80;
		hi = 0xBF;
		if (*p < 0x80)
			len = 1;
		else if (*p >= 0xC2 && *p <= 0xDF)
			len = 2;
		else if (*p >= 0xE0 && *p <= 0xEF) {
			len = 3;
			if (*p == 0xE0)
				lo = 0xA0;	/* overlong */
			if (*p == 0xED)
				hi = 0x9F;	/* surrogates */
		} else if (*p >= 0xF0 && *p <= 0xF4) {
			len = 4;
			if (*p == 0xF0)
				lo = 0x90;	/* overlong */
			if (*p == 0xF4)
				hi = 0x8F;	/* above U+10FFFF */
		} else
			return -1;
		for (i = 1; i < len; i++) {
			if (p[i] < (i == 1 ? lo : 0x80) ||
			    p[i] > (i == 1 ? hi : 0xBF))
				return -1;
		}
		p += len;
		n++;
	}
	return n;
}

/* 1 if the first n bytes of s are ASCII digits. */
static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
fuzz_norm(const char *s)
{
	char a[512], b[512];
	int n, m;

	n = valid_text_norm(s, a, sizeof(a));
	if (n < 0)
		return;
	CHECK((size_t)n == strlen(a));
	CHECK(utf8_count(a) >= 0);
	CHECK(n == 0 || (a[0] != ' ' && a[n - 1] != ' '));
	m = valid_text_norm(a, b, sizeof(b));
	CHECK(m == n && strcmp(a, b) == 0);
}

static void
fuzz_ids(const char *s)
{
	char out[19], again[19], o32[32], a32[32], birth[11];
	const char *why = NULL;
	char gender = 0;
	int type;

	if (valid_resident_id(s, out, &why)) {
		CHECK(strlen(out) == 18);
		CHECK(all_digits(out, 17));
		CHECK((out[17] >= '0' && out[17] <= '9') || out[17] == 'X');
		CHECK(valid_resident_id(out, again, NULL));
		CHECK(strcmp(out, again) == 0);
		CHECK(id_birth_gender(out, birth, &gender));
		CHECK(gender == 'M' || gender == 'F');
		CHECK(strlen(birth) == 10);
		CHECK(valid_date(birth, again, NULL));
		CHECK(strcmp(birth, again) == 0);
	} else {
		CHECK(why != NULL && *why != '\0');
		CHECK(!id_birth_gender(s, birth, &gender));
	}
	for (type = -1; type <= ID__MAX; type++) {
		why = NULL;
		if (valid_id_number(type, s, o32, &why)) {
			CHECK(id_type_label(type) != NULL);
			CHECK(strlen(o32) > 0 && strlen(o32) < 32);
			CHECK(valid_id_number(type, o32, a32, NULL));
			CHECK(strcmp(o32, a32) == 0);
		} else
			CHECK(why != NULL && *why != '\0');
	}
}

static void
fuzz_codes(const char *s)
{
	char out[20], again[20];
	const char *why = NULL;
	int luhn = -1, luhn2 = -1;

	if (valid_credit_code(s, out, &why)) {
		CHECK(strlen(out) == 18);
		CHECK(valid_credit_code(out, again, NULL));
		CHECK(strcmp(out, again) == 0);
	} else
		CHECK(why != NULL);
	why = NULL;
	if (valid_phone(s, out, &why)) {
		CHECK(strlen(out) == 11 && all_digits(out, 11) &&
		    out[0] == '1');
		CHECK(valid_phone(out, again, NULL));
		CHECK(strcmp(out, again) == 0);
	} else
		CHECK(why != NULL);
	why = NULL;
	if (valid_bank_card(s, out, &luhn, &why)) {
		CHECK(strlen(out) >= 12 && strlen(out) <= 19);
		CHECK(all_digits(out, strlen(out)));
		CHECK(luhn == luhn_ok(out));
		CHECK(valid_bank_card(out, again, &luhn2, NULL));
		CHECK(strcmp(out, again) == 0 && luhn == luhn2);
	} else
		CHECK(why != NULL);
	(void)luhn_ok(s);
}

static void
fuzz_date_int(const char *s)
{
	char out[11], again[11], txt[32];
	const char *why = NULL;
	long long v = 0, w = 0;

	if (valid_date(s, out, &why)) {
		CHECK(strlen(out) == 10 && out[4] == '-' && out[7] == '-');
		CHECK(valid_date(out, again, NULL));
		CHECK(strcmp(out, again) == 0);
	} else
		CHECK(why != NULL);
	why = NULL;
	if (valid_int(s, -1000000, 1000000, &v, &why)) {
		CHECK(v >= -1000000 && v <= 1000000);
		snprintf(txt, sizeof(txt), "%lld", v);
		CHECK(valid_int(txt, v, v, &w, NULL) && w == v);
	} else
		CHECK(why != NULL);
	if (valid_int(s, -9223372036854775807LL - 1, 9223372036854775807LL, &v,
	    NULL)) {
		snprintf(txt, sizeof(txt), "%lld", v);
		CHECK(valid_int(txt, v, v, &w, NULL) && w == v);
	}
}

/* Round trips between fen and its text forms. */
static void
fuzz_money(int64_t fen)
{
	char txt[32], cap[128];
	int64_t back;

	money_format(fen, txt, sizeof(txt));
	CHECK(strlen(txt) >= 4);
	money_plain(fen, txt, sizeof(txt));
	if (fen >= 0 && fen < 10000000000000LL) {
		CHECK(valid_fen(txt, &back, NULL) && back == fen);
		money_format(fen, txt, sizeof(txt));
		CHECK(valid_fen(txt, &back, NULL) && back == fen);
	}
	if (money_capital(fen, cap, sizeof(cap)) != NULL)
		CHECK(utf8_count(cap) > 0);
	else
		CHECK(fen <= -10000000000000LL || fen >= 10000000000000LL);
}

static void
fuzz_amount_name(const char *s)
{
	char out[128], again[128];
	const char *why = NULL;
	int64_t fen = -1, back = -1;
	long n;

	if (valid_fen(s, &fen, &why)) {
		CHECK(fen >= 0 && fen < 10000000000000LL);
		fuzz_money(fen);
		CHECK(valid_fen(money_plain(fen, out, sizeof(out)), &back, NULL));
		CHECK(back == fen);
	} else
		CHECK(why != NULL);
	why = NULL;
	if (valid_name(s, out, sizeof(out), &why)) {
		n = utf8_count(out);
		CHECK(n >= 1 && n <= 30);
		CHECK(strchr(out, ' ') == NULL);
		CHECK(valid_name(out, again, sizeof(again), NULL));
		CHECK(strcmp(out, again) == 0);
	} else
		CHECK(why != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int64_t fen = 0;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	fuzz_norm(s);
	fuzz_ids(s);
	fuzz_codes(s);
	fuzz_date_int(s);
	fuzz_amount_name(s);

	/* The first eight bytes as an amount, covering every int64_t. */
	if (size > 0)
		memcpy(&fen, data, size < sizeof(fen) ? size : sizeof(fen));
	fuzz_money(fen);

	free(s);
	return 0;
}
