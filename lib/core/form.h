/*
 * form.h -- forms as tables of fields with parsing validators (kcgi's
 * kvalid idea).  A handler declares its fields once; form_read() checks all
 * of them, leaves each parsed value, and writes <form><field .../></form>
 * into the page with the user's input and a Chinese message per bad field
 * (error=".."; a doubt that does not refuse the value is warning=".."),
 * so a failed submission re-renders with nothing lost.
 */
#ifndef HZ_FORM_H
#define HZ_FORM_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct req;

enum field_kind {
	FK_TEXT,	/* trimmed text, full-width ASCII folded, <= 200 chars */
	FK_TEXT_120,	/* the same, <= 120 characters (names of units) */
	FK_TEXT_60,	/* the same, <= 60 characters */
	FK_TEXT_30,	/* the same, <= 30 characters */
	FK_NOTE,	/* free text in Chinese (a reason): trimmed, not
			 * folded, <= 500 characters */
	FK_NAME,	/* person's name (valid_name) */
	FK_ID_TYPE,	/* 1..ID__MAX-1 */
	FK_ID_NUMBER,	/* by the ID type parsed earlier in the table */
	FK_RESIDENT_ID,	/* always a resident ID */
	FK_PHONE,
	FK_CODE,	/* 6-digit SMS code */
	FK_PASSWORD,	/* any non-empty; never echoed back */
	FK_NEW_PASSWORD,/* password_policy(); never echoed back */
	FK_USERNAME,	/* [a-z0-9_.], 3..32 */
	FK_LOGIN,	/* phone or resident ID number, normalised */
	FK_CREDIT_CODE,	/* 统一社会信用代码, GB 32100 */
	FK_COUNT,	/* whole number 0..10 000 000 (num) */
	FK_ID,		/* a record id picked from a list, > 0 (num) */
	FK_CHOICE,	/* one of field.choices (num = its index) */
	FK_MEDINS,	/* 医保代码: 6 or 8 digits */
	FK_BANK_CARD,	/* 12..19 digits; a failed Luhn check is a warning
			 * (warn), the value still taken */
	FK_MONEY,	/* an amount in yuan, "8,323.04" (valid_fen): fen */
	FK_DATE,	/* a calendar date (valid_date): date, "YYYY-MM-DD" */
	FK_EMAIL,	/* an e-mail address, lowercased, <= 120 chars */
	FK__MAX
};

/*
 * One field of a form.  Its kind says the most characters (not bytes) a
 * person may type (the kinds table in form.c): longer input is refused
 * with "不能超过N个字" and kept on the form.  A text bound for a column
 * takes the FK_TEXT* kind no wider than the column.
 */
struct field {
	const char	*name;
	enum field_kind	 kind;
	int		 optional;	/* empty is allowed */
	const char *const *choices;	/* FK_CHOICE: NULL-terminated */
};

/* The widest kind's limit: v holds that many 4-byte characters. */
#define FIELD_MAX_CHARS	500

/*
 * A field's parsed value: always its canonical text, and by kind a typed
 * value, so handlers never parse again.  An optional field left empty is
 * fine with v "" and the typed values 0 / "".
 */
struct field_val {
	char		 v[4 * FIELD_MAX_CHARS + 1];	/* parsed, canonical */
	long long	 num;		/* FK_ID_TYPE, FK_COUNT, FK_ID, FK_CHOICE */
	int64_t		 fen;		/* FK_MONEY */
	char		 date[11];	/* FK_DATE: "YYYY-MM-DD" */
	const char	*err;		/* NULL when fine */
	const char	*warn;		/* a doubt that does not refuse the value
					 * (FK_BANK_CARD's Luhn check) */
	char		 errbuf[48];	/* err's storage when it names a number */
};

/*
 * form_parse: check one input `in` as field f says (its length, then its
 * kind's parser) into *out, which it clears first.  FK_ID_NUMBER is read
 * as a number of `idtype`.  Returns 1 when the value is taken (out->warn
 * may still be set), 0 with out->err.
 */
int form_parse(const struct field *f, const char *in, int idtype,
    struct field_val *out);

/*
 * form_read: check the request's form against fields[0..n).  Returns the
 * number of bad fields (0 = all good).  The <form> node is added to the
 * page in every case; form_error() adds a message to a field afterwards
 * (e.g. "验证码不正确" found by a later check).
 */
int form_read(struct req *r, const struct field *fields, size_t n,
    struct field_val *out);

/* form_echo: put field `name` back on the page as typed, unchecked (the
 * other fields of a form whose 获取验证码 button only needs the phone). */
void form_echo(struct req *r, const char *name);

/* form_error: mark field `name` with `msg` on the page's <form>. */
void form_error(struct req *r, const char *name, const char *msg);

/* form_message: a message for the whole form (<form><message>). */
void form_message(struct req *r, const char *msg, const char *kind);

/* form_fill: put a stored value on the page's form (an edit page's first
 * view). */
void form_fill(struct req *r, const char *name, const char *value);

/*
 * form_refuse: a domain function refused (refusal.h): put its sentence on
 * field `field` (NULL: the whole form) and return 200, so the handler
 * re-renders its form with the input kept.  RF_DB puts nothing on the
 * page and returns 500 (503 when MariaDB is away, http.c): a database
 * error is never shown as a validation message; its cause is logged where
 * it happened (db.c).  RF_OK returns 0 (nothing refused).
 */
int form_refuse(struct req *r, enum refusal rf, const char *field);

/*
 * page_refuse: the same for a refusal of the whole request (no such
 * record, no right): the error page with the refusal's sentence and
 * `status` (403, 404, ...).  RF_DB returns 500, RF_OK 0.
 */
int page_refuse(struct req *r, enum refusal rf, int status);

/*
 * form_fill_row: form_fill() for each column of the current row of `res`
 * that names[0..n) gives a field name (NULL: not on the form).
 */
struct db_res;
void form_fill_row(struct req *r, const char *const *names, size_t n,
    struct db_res *res);

/*
 * form_fill_field: form_fill() a stored value of field f, with the
 * warning its kind finds in it (a bank card failing the Luhn check), so
 * an edit form shows the doubt every time it is opened.
 */
void form_fill_field(struct req *r, const struct field *f, const char *value);

/* form_warned: how many of v[0..n) carry a warning. */
int form_warned(const struct field_val *v, size_t n);

/* form_node: the page's <form>, created on first use. */
xmlNodePtr form_node(struct req *r);

#endif
