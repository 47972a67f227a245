/*
 * benefit.h -- the benefit engine (补助计算): how much a claim pays, and
 * why, line by line.
 *
 * A pure function: from a benefit item's rule (plan.h struct
 * plan_benefit, of the plan version the coverage was bought under), the
 * claim's figures as the reviewer entered them, and what this member has
 * already been paid of the item in the coverage period, to an amount in
 * fen and its explanation: the base, the deductible, each band, each cap,
 * days × amount, grade × sum.  No database, no clock: the caller reads the
 * rule and the history, and stores the result with the claim (SPEC §4).
 *
 * Rounding: every product of an amount and a rate (a band, a flat rate,
 * a grade's share) is rounded to the fen half up (四舍五入) on its own
 * line, and the lines are added as shown, so the explanation always adds
 * up to the amount.
 */
#ifndef HZ_BENEFIT_H
#define HZ_BENEFIT_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"

/* The claim's figures (those its kind reads). */
struct benefit_claim {
	int64_t		 base;		/* 住院医疗: 补助基数, the eligible
					 * self-paid amount of the settlement */
	char		 admitted[11];	/* 住院天数: 入院日期 "YYYY-MM-DD" */
	char		 discharged[11];/* 出院日期 */
	const char	*disease;	/* 重疾, 女工: the disease (listed) */
	char		 gender;	/* the member's: 'F', 'M' */
	int64_t		 medical;	/* 意外伤害: medical costs */
	int		 grade;		/* 伤残等级 1..10, 0 none */
	int		 death;		/* 意外身故 */
};

/* What the member has been paid of this item in the coverage period. */
struct benefit_history {
	int64_t		 paid;		/* fen */
	int		 days;		/* 住院天数 paid for */
	int		 times;		/* claims paid */
};

#define BENEFIT_MAX_LINES	24

/* One line of the explanation: its words, and its amount (-1: none). */
struct benefit_line {
	char		 text[240];
	int64_t		 fen;
};

struct benefit_result {
	int64_t			 amount;	/* fen payable */
	char			 why[160];	/* when nothing is payable:
						 * why ("您的补助已经达到上限"),
						 * else "" */
	struct benefit_line	 lines[BENEFIT_MAX_LINES];
	int			 nlines;
};

/*
 * benefit_compute: what the claim pays under `rule` after `history`, into
 * *out (cleared first).  Returns 1; 0 when the figures cannot be computed
 * (dates missing or in the wrong order, a negative amount), with out->why
 * saying which.
 */
int benefit_compute(const struct plan_benefit *rule,
    const struct benefit_claim *claim, const struct benefit_history *history,
    struct benefit_result *out);

/*
 * benefit_days: the days in hospital from admitted to discharged: their
 * difference, at least 1 (admitted and discharged the same day is one
 * day).  -1 when a date is not a date or discharge comes first.
 */
int benefit_days(const char *admitted, const char *discharged);

/* benefit_disease_listed: whether `disease` is one of the 、-separated
 * `list` (an empty list takes any).  1 or 0. */
int benefit_disease_listed(const char *list, const char *disease);

/* benefit_round: fen × bp / 10000 rounded half up to the fen (fen >= 0). */
int64_t benefit_round(int64_t fen, int bp);

/*
 * benefit_text: the explanation as text, a line each ("\n" apart), into
 * buf (size n), cut on a character boundary.  Returns buf.
 */
char *benefit_text(const struct benefit_result *r, char *buf, size_t n);

#endif
