/*
 * plan.h -- 保障计划: the plans units enrol their workers in, and their
 * versions.  `admin` manages them; editing a plan adds a version, and
 * coverage keeps the version it was bought under (SPEC §4).
 */
#ifndef HZ_PLAN_H
#define HZ_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

/* The terms of one version of a plan (plan_version's row). */
struct plan_terms {
	int64_t		 plan_id, version_id;
	int		 version;
	char		 code[24];
	char		 name[256];
	int64_t		 premium;	/* fen per person per period */
	int		 period_months;
	char		 window_from[11], window_to[11];  /* "" when none */
	char		 gender;	/* 'F', 'M', or 0 for anyone */
	int		 age_warn;	/* age from which enrolment warns */
	int		 waiting_days;	/* 等待期 for new members */
	int		 active;	/* offered to new applications */
};

/*
 * plan_terms_get: the version `version_id` (any version, current or not).
 * Returns 1 with *t filled, 0 if there is none, -1 on a database error.
 */
int plan_terms_get(struct db *db, int64_t version_id, struct plan_terms *t);

/*
 * plan_current: the version in force of plan `plan_id`.  Returns 1 / 0 /
 * -1 as above.
 */
int plan_current(struct db *db, int64_t plan_id, struct plan_terms *t);

/*
 * plan_offered: the active plans for a new application, by code: columns
 * 0 plan id, 1 code, 2 name, 3 premium (fen), 4 period months.  NULL on
 * a database error; free with db_done().
 */
struct db_res *plan_offered(struct db *db);

/* ---- benefit items (保障责任) ------------------------------------------ */

/* The kinds of benefit item (plan_benefit.kind, SPEC §4), in form order. */
enum plan_kind {
	PK_INPATIENT,	/* 住院医疗补助: deductible, bands, caps */
	PK_DAYS,	/* 住院天数补助: per day, days per period */
	PK_CRITICAL,	/* 重大疾病: lump sum once, listed diseases */
	PK_FEMALE,	/* 女职工特殊疾病: the same, women only */
	PK_ACCIDENT,	/* 意外伤害: medical rate + cap, grades, death */
	PK_DEATH,	/* 亡故慰问金: lump sum */
	PK_DISABILITY,	/* 工伤致残慰问金: sum by grade */
	PK__MAX
};

/*
 * The parameters a benefit item may have, one per input of the admin's
 * form.  PP_GRADE + g - 1 is the rate of 伤残 g 级 (g = 1..10).
 */
enum plan_param {
	PP_NAME,	/* the item's name as shown (default: the kind's) */
	PP_DEDUCTIBLE,	/* 起付线 */
	PP_BANDS,	/* 累进制 bands */
	PP_RATE,	/* a flat rate (意外医疗) */
	PP_CLAIM_CAP,	/* per claim */
	PP_ANNUAL_CAP,	/* per member per period */
	PP_PER_DAY,	/* 住院天数: amount per day */
	PP_MAX_DAYS,	/* 住院天数: days per period */
	PP_LUMP_SUM,	/* fixed sum, or the sum insured of a grade table */
	PP_DEATH_SUM,	/* 意外身故 */
	PP_DISEASES,	/* listed diseases */
	PP_GRADE,	/* PP_GRADE .. PP_GRADE + 9: the grade table */
	PP__MAX = PP_GRADE + 10
};

#define PLAN_MAX_BANDS	8
#define PLAN_GRADES	10
#define PLAN_MAX_BENEFITS PK__MAX	/* one item of each kind at most */
/* All ten grade inputs as PP_* bits. */
#define PLAN_GRADE_BITS	(((1u << PLAN_GRADES) - 1) << PP_GRADE)

/*
 * A kind of benefit: its stored name, its label, which parameters it has
 * (1u << PP_*) and which of those it needs, and each parameter's label
 * where it has one (NULL: not a parameter of this kind).
 */
struct plan_kind_def {
	const char	*name;		/* plan_benefit.kind: "inpatient" */
	const char	*label;		/* 住院医疗补助 */
	unsigned	 has, need;
	const char	*labels[PP_GRADE + 1];	/* PP_GRADE: the table's */
};
extern const struct plan_kind_def plan_kinds[PK__MAX];

/* The form's name of each parameter ("bands", "grade1" .. "grade10"). */
const char *plan_param_name(enum plan_param p);

/* plan_kind_named: the kind stored as `name`, or PK__MAX. */
enum plan_kind plan_kind_named(const char *name);

/* A band of a progressive rule: the part of the amount up to `upper`. */
struct plan_band {
	int64_t		 upper;	/* fen, inclusive; 0 = no limit (the last) */
	int		 rate;	/* basis points: 3000 is 30 % */
};

/*
 * One benefit item of a version, parsed: what the benefit engine (issue
 * 11) computes from.  Money is fen; rates are basis points; 0 in a cap
 * means "no cap", in an amount "none".
 *
 * 住院医疗: (base − deductible) through the bands (band i covers the
 * part above band i−1's upper up to its own; the last has no limit),
 * then at most claim_cap per claim and annual_cap per member per period.
 * 住院天数: per_day × days, at most max_days per period.
 * 重大疾病, 女职工特殊疾病, 亡故: lump_sum once per period (diseases: the
 * listed ones, "、" apart).
 * 意外伤害: medical at `rate` up to annual_cap per period; disability
 * lump_sum × grades[g−1]; death death_sum.
 * 工伤致残: lump_sum × grades[g−1].
 */
struct plan_benefit {
	enum plan_kind	 kind;
	char		 name[4 * 60 + 1];
	int64_t		 deductible;
	struct plan_band bands[PLAN_MAX_BANDS];
	int		 nbands;
	int		 rate;
	int64_t		 claim_cap, annual_cap;
	int64_t		 per_day;
	int		 max_days;
	int64_t		 lump_sum, death_sum;
	int		 grades[PLAN_GRADES];	/* bp of 1级 .. 10级, 0 unpaid */
	char		 diseases[4 * 500 + 1];
};

/*
 * plan_benefits: the benefit items of version `version_id`, in their
 * order, into out[0..max).  Returns how many there are (at most max), or
 * -1 on a database error (or a stored rule that does not parse, logged).
 */
int plan_benefits(struct db *db, int64_t version_id, struct plan_benefit *out,
    int max);

/* ---- reading what the admin typed ----------------------------------- */

/*
 * plan_code_read: a plan's code: 2..20 letters and digits, upper-cased
 * ("yl19" -> "YL19").  Returns 1 with out filled, else 0 with *why.
 */
int plan_code_read(const char *in, char out[21], const char **why);

/*
 * plan_rate_read: a percentage as typed ("30", "30%", "12.5％") into basis
 * points (3000, 1250): 0..100 with at most two decimals.  Returns 1, or 0
 * with *why.  plan_rate_text writes bp back as "30%" / "12.5%"; returns out.
 */
int plan_rate_read(const char *in, int *bp, const char **why);
char *plan_rate_text(int bp, char *out, size_t outsz);

/*
 * plan_bands_read: progressive bands typed one a line,
 *	10,000.00 以下 30%
 *	以上 40%
 * (also "…元以下", "…及以下", "…以内", "超过部分 40%", "10,000.00 以上 40%"
 * naming the last line's amount again, or one line with just a rate for
 * a single rate; lines may also be split by ；).  Amounts must rise, rates
 * be 0..100 %, and the last line has no limit.  Returns 1 with b[0..*n),
 * else 0 with a sentence naming the line in why (size whysz).
 * plan_bands_text writes bands back in that form; returns out.
 */
int plan_bands_read(const char *text, struct plan_band b[PLAN_MAX_BANDS],
    int *n, char *why, size_t whysz);
char *plan_bands_text(const struct plan_band *b, int n, char *out,
    size_t outsz);

/*
 * plan_bands_parse / plan_bands_store: the column's form, "upper:rate,…"
 * ("1000000:3000,0:4000").  Parse returns 1 when the text is well formed
 * and the bands pass the rules above, else 0.  Store returns out, or NULL
 * when it does not fit.
 */
int plan_bands_parse(const char *stored, struct plan_band b[PLAN_MAX_BANDS],
    int *n);
char *plan_bands_store(const struct plan_band *b, int n, char *out,
    size_t outsz);

/*
 * plan_grades_check: a grade table (bp of 1级 .. 10级, 0 for unpaid): at
 * least one grade paid, each at most 100 %, never more for a lighter
 * grade than for a heavier one.  Returns 1, or 0 with *why and *grade
 * (1..10) the grade to fix.
 */
int plan_grades_check(const int grades[PLAN_GRADES], const char **why,
    int *grade);

/*
 * plan_grades_parse / plan_grades_store: the column's form "grade:rate,…"
 * ("1:10000,2:9000"), unpaid grades left out.  Parse returns 1 when well
 * formed and checked, else 0; store returns out, NULL when it does not fit.
 */
int plan_grades_parse(const char *stored, int grades[PLAN_GRADES]);
char *plan_grades_store(const int grades[PLAN_GRADES], char *out,
    size_t outsz);

/*
 * plan_diseases_read: a list of diseases apart by 、，,；; or new lines
 * into "恶性肿瘤、急性心肌梗塞": each named once, at most 30 characters.
 * Returns 1 with out (size outsz), or 0 with *why.
 */
int plan_diseases_read(const char *in, char *out, size_t outsz,
    const char **why);

/*
 * plan_param_read: one parameter of item *b from its checked form text
 * (money as "8323.04", days as digits, rates, bands, diseases).  Returns
 * 1, or 0 with a sentence in why (size whysz).
 */
int plan_param_read(struct plan_benefit *b, enum plan_param p,
    const char *text, char *why, size_t whysz);

/* A problem found in a draft: which term or parameter, and why. */
struct plan_fault {
	int		 what;	/* enum plan_term, or enum plan_param */
	const char	*why;
};

/* The terms a fault may name. */
enum plan_term {
	PT_NAME,
	PT_PREMIUM,
	PT_MONTHS,
	PT_WINDOW_FROM,
	PT_WINDOW_TO,
	PT_GENDER,
	PT_AGE_WARN,
	PT_WAITING,
	PT__MAX
};

/*
 * plan_terms_faults / plan_benefit_faults: what is wrong with the terms
 * (premium, period 1..36 months, the window complete and in order, the
 * age 16..100, waiting 0..365 days) or with one item (what its kind
 * needs, caps in order, a grade table with its sum, 意外伤害 with
 * something to pay).  Fill f[0..max) and return how many; 0 is fine.
 */
int plan_terms_faults(const struct plan_terms *t, struct plan_fault *f,
    int max);
int plan_benefit_faults(const struct plan_benefit *b, struct plan_fault *f,
    int max);

/* ---- admin's changes ----------------------------------------------- */

/* A version as admin writes it: terms (ids, version and active are not
 * read), its note, and its items of distinct kinds, in kind order. */
struct plan_draft {
	struct plan_terms	 t;
	char			 note[4 * 500 + 1];
	struct plan_benefit	 b[PLAN_MAX_BENEFITS];
	int			 nb;
};

/* plan_draft_get: version `version_id` as a draft (terms, note, items).
 * Returns 1, 0 if there is none, -1 on a database error. */
int plan_draft_get(struct db *db, int64_t version_id, struct plan_draft *d);

/*
 * plan_draft_check: whether a draft may be saved: its terms without
 * fault, at least one item, items of distinct kinds in kind order, each
 * named and without fault.  RF_OK, RF_PLAN_NO_BENEFIT or RF_PLAN_TERMS.
 */
enum refusal plan_draft_check(const struct plan_draft *d);

/* plan_draft_same: whether two drafts say the same (ids aside). */
int plan_draft_same(const struct plan_draft *a, const struct plan_draft *b);

/*
 * plan_create: `by` (an admin) adds plan `code` (plan_code_read's form)
 * with version 1 = *d, active, and its audit row, in one transaction.
 * Returns RF_OK with *plan_id; RF_PLAN_CODE_TAKEN; RF_PLAN_NO_BENEFIT;
 * RF_PLAN_TERMS when the draft has a fault (checked again here); RF_DB.
 */
enum refusal plan_create(struct db *db, const struct actor *by,
    const char *code, const struct plan_draft *d, int64_t *plan_id);

/*
 * plan_edit: `by` changes plan `plan_id`, whose version in force they
 * edited was `base_version_id`: a new version (number + 1) with *d's
 * terms and items becomes the one in force; the old rows stay as they
 * were.  One transaction with the audit row.  Returns RF_OK with
 * *version_id; RF_NO_PLAN; RF_PLAN_STALE (someone made another version
 * meanwhile); RF_PLAN_UNCHANGED (the draft says what the version in
 * force says); RF_PLAN_NO_BENEFIT; RF_PLAN_TERMS; RF_DB.
 */
enum refusal plan_edit(struct db *db, const struct actor *by, int64_t plan_id,
    int64_t base_version_id, const struct plan_draft *d, int64_t *version_id);

/*
 * plan_set_active: `by` offers plan `plan_id` to new applications or
 * stops offering it (coverage bought stays), audited.  Returns RF_OK
 * (also when it already was so, then nothing is written), RF_NO_PLAN, or
 * RF_DB.
 */
enum refusal plan_set_active(struct db *db, const struct actor *by,
    int64_t plan_id, int active);

/*
 * plan_insert / plan_version_add: the rows alone, in the caller's
 * transaction, no audit (hzctl's demo data loads everything in one).
 * plan_insert adds the plan with *d as version 1 and returns its id;
 * plan_version_add adds *d as the next version of `plan_id`, in force,
 * and returns the version's id.  0 on a database error.  `staff` is the
 * author (0: none).
 */
int64_t plan_insert(struct db *db, const char *code, const struct plan_draft *d,
    int active, int64_t staff);
int64_t plan_version_add(struct db *db, int64_t plan_id,
    const struct plan_draft *d, int64_t staff);

/*
 * plan_list: every plan with its version in force, oldest first: columns
 * 0 id, 1 code, 2 name, 3 version number, 4 premium, 5 period months,
 * 6 window from, 7 window to, 8 gender ('any', 'F', 'M'), 9 active,
 * 10 its items' names ("、" apart).  NULL on error; db_done().
 */
struct db_res *plan_list(struct db *db);

/*
 * plan_versions: the versions of plan `plan_id`, newest first: columns
 * 0 version id, 1 number, 2 name, 3 premium, 4 period months, 5 created,
 * 6 by (staff name, NULL for none), 7 in force (1/0).  NULL on error.
 */
struct db_res *plan_versions(struct db *db, int64_t plan_id);

#endif
