/*
 * rostercheck.h -- one row of a roster workbook checked as SPEC §3 says,
 * for the import (lib/domain/rosterimport.c): the header found and the
 * columns mapped by their titles, then each row's fields validated and
 * normalised, duplicates within the file found, and the row made ready to
 * stage, every value as text.
 */
#ifndef HZ_ROSTERCHECK_H
#define HZ_ROSTERCHECK_H

#include <stddef.h>

#include "roster.h"

struct xlsx_row;

/* One staged row: every value as text (NULL = SQL NULL). */
struct staged {
	char	 row_no[12], status[5], message[300], id_type[4];
	char	 id_number[64], name[100], gender[2], birth[11], phone[40];
	char	 si_type[64], si_card[64], bank_card[40], bank_name[128];
	char	 remarks[256];
};

/*
 * A set of "type:number" keys with the row each was first seen on: open
 * addressing, each slot holding the key's hash so a probe rarely has to
 * look at the key itself.
 */
struct rcheck_slot {
	size_t	 hash;
	char	*key;		/* NULL: empty */
	size_t	 row;
};

struct rcheck_seen {
	struct rcheck_slot *v;
	size_t		  cap, n;
};

/* What checking one file needs: zero it, set `today`, free with
 * rcheck_free(). */
struct roster_check {
	int		 col[RC__MAX];	/* sheet column of each, -1 if absent */
	struct rcheck_seen	 seen;		/* the people of the rows so far */
	char		 today[11];	/* YYYY-MM-DD in China, for ages */
};

/*
 * rcheck_header: is `row` the header?  Maps the columns by their titles
 * ("姓名*" counts as 姓名; old templates' 居民身份证号 as 证件号码).
 * Returns 1 when 姓名, 证件号码 and 手机号码 are all there.
 */
int rcheck_header(struct roster_check *rc, const struct xlsx_row *row);

/* rcheck_empty: 1 when every cell of `row` is blank. */
int rcheck_empty(const struct xlsx_row *row);

/*
 * rcheck_row: check a data row into *s.  A refusal sets status "fail" and
 * the message (what was typed is kept); a doubt (age 60 and over, a card
 * failing Luhn) sets "warn"; otherwise "ok", with the values normalised.
 */
void rcheck_row(struct roster_check *rc, const struct xlsx_row *row,
    struct staged *s);

void rcheck_free(struct roster_check *rc);	/* the duplicate set */

#endif
