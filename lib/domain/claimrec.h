/*
 * claimrec.h -- 补助记录: the claims filed, as lists and workbooks: a
 * unit's (by person, phone, kind, date) and the office's (by period,
 * plan, district, kind, state).  Drafts never filed are their filer's
 * alone and are not records; deleted claims are not either.
 */
#ifndef HZ_CLAIMREC_H
#define HZ_CLAIMREC_H

#include <stdint.h>
#include <libxml/tree.h>

struct db;

/* What is asked; 0 / "" leaves a condition out. */
struct claim_filter {
	int64_t	 unit;			/* a unit's records (unit portal) */
	int64_t	 district, plan;
	char	 kind[16];		/* plan_kinds' name: "inpatient" */
	char	 state[16];		/* a claim_flow state's name */
	char	 person[4 * 60 + 1];	/* 姓名 or 证件号码, exact */
	char	 phone[12];
	char	 from[11], to[11];	/* 申请日期 between, inclusive */
};

/* The filter as typed in the query string (NULL when absent). */
struct claim_ask {
	const char	*kind, *state, *person, *phone, *from, *to;
	const char	*district, *plan;
};

/*
 * claim_filter_read: what was typed, checked, into *f (f->unit is the
 * caller's).  A bad date or phone is dropped and its sentence put in
 * *why (NULL when all is fine).  Returns the number of bad inputs.
 */
int claim_filter_read(const struct claim_ask *ask, struct claim_filter *f,
    const char **why);

/*
 * claim_records_view: page `page` of `per` records, newest first, as
 * <records page=".." next="1" (more follow) kind=".." ...the filter>
 * <record id state state-label ..> with no, kind-label, person,
 * id-number and phone masked, unit, district, created, day, amount
 * under `parent`.  Returns the node, NULL on a database error.
 */
xmlNodePtr claim_records_view(struct db *db, const struct claim_filter *f,
    const char *page, int per, xmlNodePtr parent);

/*
 * claim_records_export: every record of *f as a workbook at `path`,
 * streamed (xlsx_export); numbers in full when `full`; the district
 * column when `office`.  Returns the rows written, -1 on failure (path
 * removed).
 */
int64_t claim_records_export(struct db *db, const struct claim_filter *f,
    int full, int office, const char *path, const char *tmpdir);

#endif
