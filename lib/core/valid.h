/*
 * valid.h -- validators that parse (kcgi's kvalid_* idea).
 *
 * Every validator takes the raw user text, normalises what a person would
 * consider "the same" (stray spaces, full-width digits and letters, a
 * lowercase x), checks it, and on success writes the canonical value to the
 * caller's buffer.  On failure it returns 0 and, if `why` is not NULL, points
 * it at a static Chinese message fit to show beside the field.  No validator
 * allocates.
 */
#ifndef HZ_VALID_H
#define HZ_VALID_H

#include <stddef.h>
#include <stdint.h>

/* 证件类型: the values stored in the database (member.id_type). */
enum id_type {
	ID_RESIDENT = 1,	/* 居民身份证 */
	ID_PASSPORT,		/* 护照 */
	ID_HKMO,		/* 港澳居民来往内地通行证 */
	ID_TW,			/* 台湾居民来往大陆通行证 */
	ID_FOREIGN_PR,		/* 外国人永久居留身份证 */
	ID__MAX
};

/* Chinese label of an ID type, or NULL when out of range; the table by
 * type (entry 0 is NULL), for lists (view.h VK_STATE). */
const char *id_type_label(int type);
extern const char *const id_type_labels[ID__MAX];

/*
 * valid_text_norm: copy `in` to `out` (size `outsz`) with full-width ASCII
 * (U+FF01..U+FF5E) and the ideographic space folded to ASCII, and leading
 * and trailing whitespace removed.  Returns the length written, or -1 if it
 * does not fit or `in` is not valid UTF-8.
 */
int valid_text_norm(const char *in, char *out, size_t outsz);

/* valid_text_trim: the same without folding, for free text in Chinese
 * (a reason keeps its full-width punctuation). */
int valid_text_trim(const char *in, char *out, size_t outsz);

/*
 * utf8_cut: shorten the string s in place to at most `maxchars` characters
 * and at most `bufsz` - 1 bytes (bufsz: the size of s's buffer), never
 * inside a UTF-8 sequence.  A malformed or cut-short sequence ends the
 * string where it starts, so a copy that snprintf truncated mid-character
 * loses its broken tail.  The one way every copy bound for a column or a
 * buffer is shortened.  Returns the new length in bytes.
 */
size_t utf8_cut(char *s, size_t maxchars, size_t bufsz);

/* utf8_copy: src into dst (size dstsz >= 1), at most maxchars characters,
 * cut by utf8_cut.  Returns dst. */
char *utf8_copy(char *dst, size_t dstsz, const char *src, size_t maxchars);

/* utf8_chars: the number of characters in s, or -1 if s is not valid
 * UTF-8. */
long utf8_chars(const char *s);

/*
 * valid_resident_id: GB 11643 18-digit resident ID.  Normalises (see above,
 * plus spaces inside dropped and a final x upper-cased), checks the region
 * shape, birth date (a real calendar date, not in the future, year >= 1800:
 * records hold people born in the 1880s) and the ISO 7064 MOD 11-2 check
 * digit.  `out` must hold 19 bytes.  Returns 1 on success.
 */
int valid_resident_id(const char *in, char out[19], const char **why);

/*
 * valid_id_number: check an ID number of the given type; resident IDs as
 * above, other types by format (letters and digits, type-specific length).
 * `out` must hold 32 bytes.  Returns 1 on success.
 */
int valid_id_number(int type, const char *in, char out[32], const char **why);

/*
 * id_birth_gender: from a valid 18-digit resident ID, the birth date as
 * "YYYY-MM-DD" (11 bytes) and the gender, 'M' or 'F'.  Returns 1 on success.
 */
int id_birth_gender(const char *id18, char birth[11], char *gender);

/*
 * valid_credit_code: GB 32100 unified social credit code (18 characters,
 * check character by the standard's weights over the 31-character alphabet
 * without I O Z S V).  `out` must hold 19 bytes.  Returns 1 on success.
 */
int valid_credit_code(const char *in, char out[19], const char **why);

/* valid_phone: mainland mobile number, 11 digits starting 1[3-9]. */
int valid_phone(const char *in, char out[12], const char **why);

/*
 * valid_bank_card: 12..19 digits (spaces allowed and removed) into `out`
 * (20 bytes).  Returns 1 when the digits are acceptable; *luhn_ok says
 * whether the Luhn check passed -- a failed Luhn check is a warning to the
 * user, never a block, because some bank cards do not use it.
 */
int valid_bank_card(const char *in, char out[20], int *luhn_ok, const char **why);

/* luhn_ok: 1 if the digit string passes the Luhn check. */
int luhn_ok(const char *digits);

/*
 * valid_date: "YYYY-MM-DD" (also accepts YYYY/MM/DD and YYYY.M.D) into the
 * canonical "YYYY-MM-DD" (11 bytes).  Returns 1 for a real calendar date.
 */
int valid_date(const char *in, char out[11], const char **why);

/*
 * valid_fen: a CNY amount as typed ("8323.04", "8,323.04", "100") into
 * integer fen.  At most two decimals, not negative, below 10^13 fen.
 */
int valid_fen(const char *in, int64_t *fen, const char **why);

/*
 * valid_name: a person's name: 1..30 characters of valid UTF-8 (any plane,
 * so 𠀾 and 䶮 pass), no whitespace inside, no digits, no ASCII (or common
 * CJK) punctuation except the middle dot forms used in transliterated names
 * (· • ・), which become U+00B7.  Leading and trailing spaces are trimmed.
 * `out` receives the canonical form.
 */
int valid_name(const char *in, char *out, size_t outsz, const char **why);

/* like_escape: `in` with LIKE's % _ and \ escaped, so what a user types
 * is matched literally.  Truncates to fit `outsz`; returns out. */
char *like_escape(const char *in, char *out, size_t outsz);

/* valid_int: a decimal integer within [min, max]. */
int valid_int(const char *in, long long min, long long max, long long *val,
    const char **why);

/*
 * age_on: age in whole years (周岁) on `date` of someone born on `birth`,
 * both canonical "YYYY-MM-DD".  The birthday itself counts: 60 on the
 * sixtieth birthday, 59 the day before.  Born on 29 February, one is a
 * year older on 1 March of other years.
 */
int age_on(const char *birth, const char *date);

/* id_check_char: the GB 11643 check character ('0'..'9' or 'X') of the
 * 17 digits at first17 -- for generating demo and test identities. */
char id_check_char(const char *first17);

/* credit_check_char: the GB 32100 check character of 17 characters. */
char credit_check_char(const char *first17);

#endif
