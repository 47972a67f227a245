/*
 * coverage.h -- 参保记录: who is covered by which plan, for which period,
 * through which application (coverage rows, made when finance confirms an
 * application's premium, enroll.c).
 *
 * One query serves every portal: a unit's records (its agents with
 * 医疗互助), the association's across units and districts (office), one
 * member's own (the H5 portal), each filtered by application number, ID
 * number, plan and year (a coverage shows in every year its period
 * touches; this year by default, Wuxi §四), paged, and exported whole as
 * XLSX with the same filter.
 */
#ifndef HZ_COVERAGE_H
#define HZ_COVERAGE_H

#include <stdint.h>
#include <libxml/tree.h>

struct db;
struct db_res;

/* What is asked for.  0 / "" leaves a condition out. */
struct coverage_filter {
	int64_t	 unit;			/* the unit's records (unit portal) */
	int64_t	 member;		/* one member's (member portal) */
	int64_t	 district;		/* units under this 区/产业工会 */
	int64_t	 plan;
	int	 year;			/* periods touching it; 0: any year */
	char	 no[16];		/* 申请编号, exact (CB2026110001) */
	char	 id_number[32];		/* 证件号码, exact */
	char	 unit_name[4 * 60 + 1];	/* part of the unit's name (office) */
	char	 today[11];		/* for 保障中 / 已到期 / 未生效 */
};

/* The filter as typed in the query string (NULL when absent). */
struct coverage_ask {
	const char	*no, *id_number, *plan, *year, *district, *unit_name;
};

/*
 * coverage_filter_read: check what was typed into *f (scope fields unit
 * and member are the caller's, left 0).  The year defaults to this year
 * (clock.h); "all" asks for every year.  A malformed application number
 * or resident ID number is kept as typed (so it matches nothing) and its
 * Chinese sentence put in *why_no / *why_id (NULL when fine).  Returns
 * the number of bad inputs.
 */
int coverage_filter_read(const struct coverage_ask *ask,
    struct coverage_filter *f, const char **why_no, const char **why_id);

/*
 * coverage_filter_view: the filter as attributes of `node` (no, id,
 * plan, year, district, unit-name), so a page shows what was asked.
 */
void coverage_filter_view(const struct coverage_filter *f, xmlNodePtr node);

/*
 * coverage_choices_view: the filter's choices under `parent`:
 * <plans><plan id="..">name</plan></plans> and <years this=".."><year>
 * from the first period begun to the last one ending (this year always
 * among them), newest first, within f's scope (f->member's coverage, else
 * f->unit's applications, else every unit's).  Returns 1, 0 on a
 * database error.
 */
int coverage_choices_view(struct db *db, const struct coverage_filter *f,
    xmlNodePtr parent);

/* The columns of coverage_list(). */
enum coverage_col {
	CV_ID, CV_NAME, CV_ID_TYPE, CV_ID_NUMBER, CV_PLAN, CV_NO, CV_UNIT,
	CV_DISTRICT, CV_STARTS, CV_ENDS, CV_STATUS, CV_PREMIUM, CV_UNIT_ID,
	CV_PLAN_ID, CV__MAX
};

/* CV_STATUS as a number: index of coverage_status_names. */
enum coverage_status { CS_PENDING, CS_ACTIVE, CS_EXPIRED, CS__MAX };
extern const char *const coverage_status_names[CS__MAX];  /* "active" */
extern const char *const coverage_status_labels[CS__MAX]; /* 保障中 */

/*
 * coverage_list: a page of the records matching *f, newest period first,
 * then newest application, then as the application listed its people.  coverage_count: how many match (-1 on a
 * database error).  NULL on a database error; free with db_done().
 */
struct db_res *coverage_list(struct db *db, const struct coverage_filter *f,
    int64_t offset, int64_t limit);
int64_t coverage_count(struct db *db, const struct coverage_filter *f);

/*
 * coverage_view: page `page` (the query's text; absent or bad: 1) of `per`
 * records matching *f as <coverage total=".." page=".." ...> under
 * `parent`, the filter as its attributes (coverage_filter_view), each
 * record a <record id=".." status="active|expired|pending" unit="..">
 * with name, id-type, id-number (masked), plan, no, unit, district,
 * starts, ends, premium.  Returns the node, or NULL on a database error.
 */
xmlNodePtr coverage_view(struct db *db, const struct coverage_filter *f,
    const char *page, int64_t per, xmlNodePtr parent);

/*
 * coverage_export: every record matching *f, in coverage_list()'s order,
 * as the 参保记录 workbook at `path` (xlsx_export(): streamed in constant
 * memory, scratch files in tmpdir).  ID numbers in full when `full`,
 * else masked; the district column when `districts` (the office's).
 * Returns the number of rows written, or -1 on any failure with `path`
 * removed.
 */
int64_t coverage_export(struct db *db, const struct coverage_filter *f,
    int full, int districts, const char *path, const char *tmpdir);

/*
 * coverage_rule: the rule of benefit item `kind` under the plan version
 * coverage `id` was bought under (an edit of the plan since changes
 * nothing for it), into *out.  Returns 1, 0 when the coverage has no such
 * item (or there is no such coverage), -1 on a database error.
 */
struct plan_benefit;
int coverage_rule(struct db *db, int64_t id, int kind,
    struct plan_benefit *out);

#endif
