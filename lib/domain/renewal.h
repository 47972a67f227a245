/*
 * renewal.h -- 续保提醒: on the 1st of every month, per unit, the members
 * whose coverage ends soon (or just ended) and who have not renewed; at
 * 12:00 that day one SMS per unit to its agents (SPEC §5, Wuxi seed §六).
 *
 * hz-jobs runs renewal_job() every few minutes (and `hzctl job renewal`
 * once): the first run in a month builds the month's list, a run from
 * 12:00 on the 1st on queues the SMS of every unit not yet told.  What was
 * done is kept per month and per unit, so nothing is built or sent twice,
 * whatever the number of runs or of hz-jobs copies.
 *
 * The unit portal shows the month's list (renewal_list), leaving out who
 * renewed since it was built, and exports it as the 参保花名册 the
 * enrolment import reads (renewal_export).
 */
#ifndef HZ_RENEWAL_H
#define HZ_RENEWAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct db;
struct db_res;

/*
 * The window around the 1st (临保: 到期日前 30 天及后 10 天): a coverage
 * whose last day `ends` satisfies
 *
 *	1st - RENEWAL_DAYS_PAST  <=  ends  <=  1st + RENEWAL_DAYS_AHEAD
 *
 * both bounds included, is listed: on 2027-03-01, coverages ending
 * 2027-02-19 ... 2027-03-31.
 */
#define RENEWAL_DAYS_PAST	10
#define RENEWAL_DAYS_AHEAD	30
#define RENEWAL_SMS_HOUR	12	/* the SMS go from 12:00 on the 1st */

/* What one run did (renewal_job). */
struct renewal_report {
	char		 month[11];	/* "YYYY-MM-01" */
	int		 built;		/* this run built the list */
	int64_t		 items;		/* coverages listed (built or found) */
	int64_t		 units;		/* units in it */
	int		 sms_due;	/* it is 12:00 on the 1st or later */
	int64_t		 units_told;	/* units whose SMS this run queued */
	int64_t		 messages;	/* SMS this run queued */
};

/*
 * renewal_job: the month's work at `now`, the time in China as clock_cn()
 * gives it (HZ_NOW moves it): build the list of the month `now` falls in if no run has, and
 * from 12:00 on the 1st queue the SMS of every unit not yet told.  *rep
 * says what was done.  Returns 1, or 0 on a database error (what was
 * committed stays; the next run goes on from there).
 */
int renewal_job(struct db *db, const struct tm *now,
    struct renewal_report *rep);

/* renewal_month_of: the 1st of the month of `date` ("YYYY-MM-DD" or
 * "YYYY-MM") as "YYYY-MM-01" into month.  Returns 1, or 0 if `date` is
 * no month. */
int renewal_month_of(const char *date, char month[11]);

/* renewal_built: whether the list of `month` ("YYYY-MM-01") exists:
 * 1 / 0, -1 on a database error. */
int renewal_built(struct db *db, const char *month);

/*
 * renewal_list: a page of `unit`'s list for `month`, of plan `plan` (0:
 * every plan), by period end then name, without those renewed since it
 * was built.  Columns: enum renewal_list_col; RN_DAYS is the period end
 * minus `today` in days (negative: already ended).  NULL on a database
 * error; free with db_done().  renewal_count: how many rows it has in
 * all (-1 on error).
 */
enum renewal_list_col {
	RN_MEMBER, RN_NAME, RN_ID_TYPE, RN_ID_NUMBER, RN_PHONE, RN_PLAN,
	RN_PLAN_NAME, RN_ENDS, RN_DAYS, RN__MAX
};
struct db_res *renewal_list(struct db *db, int64_t unit, const char *month,
    int64_t plan, const char *today, int64_t offset, int64_t limit);
int64_t renewal_count(struct db *db, int64_t unit, const char *month,
    int64_t plan);

/*
 * renewal_plans: the plans in `unit`'s list for `month` (renewed rows
 * left out): columns 0 plan id, 1 its name, 2 how many.  renewal_months:
 * the months whose list had rows of `unit`, newest first: column 0 the
 * month ("YYYY-MM-01"), 1 the people listed when built, 2 when its SMS
 * went (NULL if not yet).  NULL on a database error; free with db_done().
 */
struct db_res *renewal_plans(struct db *db, int64_t unit, const char *month);
struct db_res *renewal_months(struct db *db, int64_t unit);

/*
 * The exported list's columns: the 参保花名册 of seed 003 (序号 姓名
 * 居民身份证号(证件号码) 社保卡银行卡号 开户行 手机号 备注) under a title
 * row and a row of notes, as the template units fill in, so the file goes
 * back into an enrolment application as it is.
 */
enum renewal_xlsx_col {
	RX_SEQ, RX_NAME, RX_ID_NUMBER, RX_BANK_CARD, RX_BANK_NAME, RX_PHONE,
	RX_REMARKS, RX__MAX
};
struct renewal_column {
	const char	*title;
	const char	*note;
	double		 width;
};
extern const struct renewal_column renewal_columns[RX__MAX];

/*
 * renewal_export: `unit`'s list for `month` and `plan` (as renewal_list,
 * every row, full numbers: the agent fills it in) as a workbook at `path`
 * titled with the unit, the plan and the month, in constant memory
 * (scratch files in tmpdir).  Returns the number of people written, or
 * -1 on any failure, `path` removed.
 */
int64_t renewal_export(struct db *db, int64_t unit, const char *month,
    int64_t plan, const char *path, const char *tmpdir);

#endif
