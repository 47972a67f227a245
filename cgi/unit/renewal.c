/*
 * renewal.c -- 续保提醒 in the unit portal: the month's list of members
 * whose coverage ends soon and who have not renewed (built by hz-jobs on
 * the 1st, lib/domain/renewal.c), by plan and paged; its export as the
 * 参保花名册 an enrolment application imports; and, for the plan picked,
 * the 发起续保申请 form (POST /u/enroll/new).  Agents with 医疗互助 in
 * the unit only (aid_unit, as the roster).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "renewal.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

#define PAGE_SIZE 20

/* A row of the list, numbers masked. */
static const struct view_col list_cols[RN__MAX] = {
	[RN_MEMBER] =		{ "@id", VK_INT, NULL, 0 },
	[RN_NAME] =		{ "name", VK_TEXT, NULL, 0 },
	[RN_ID_TYPE] =		{ "id-type", VK_STATE, id_type_labels, ID__MAX },
	[RN_ID_NUMBER] =	{ "id-number", VK_ID, NULL, 0 },
	[RN_PHONE] =		{ "phone", VK_PHONE, NULL, 0 },
	[RN_PLAN] =		{ "@plan", VK_INT, NULL, 0 },
	[RN_PLAN_NAME] =	{ "plan", VK_TEXT, NULL, 0 },
	[RN_ENDS] =		{ "ends", VK_DATE, NULL, 0 },
	[RN_DAYS] =		{ "@days", VK_INT, NULL, 0 },
};

/* <plan id="" count="">name</plan>: the plans of the month's list. */
static const struct view_col plan_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
	{ "@count", VK_INT, NULL, 0 },
};
#define NPLAN_COLS (sizeof(plan_cols) / sizeof(plan_cols[0]))

/* <month value="" members="" sms-at=""/>: the unit's earlier lists. */
static const struct view_col month_cols[] = {
	{ "@value", VK_DATE, NULL, 0 },
	{ "@members", VK_INT, NULL, 0 },
	{ "@sms-at", VK_TIME, NULL, 0 },
};
#define NMONTH_COLS (sizeof(month_cols) / sizeof(month_cols[0]))

/*
 * ?month= ("YYYY-MM"): the list's month as "YYYY-MM-01" into month;
 * absent, this month (clock.h).  Returns RF_OK, or RF_RENEWAL_MONTH with
 * this month when it names no month.
 */
static enum refusal
ask_month(struct req *r, char month[11])
{
	const char *q = req_query(r, "month");
	char today[11];

	if (q && *q && renewal_month_of(q, month))
		return RF_OK;
	renewal_month_of(clock_today(today), month);
	return q && *q ? RF_RENEWAL_MONTH : RF_OK;
}

/* ?plan=: the plan id, 0 when absent, -1 when it is no id. */
static int64_t
ask_plan(struct req *r)
{
	const char *q = req_query(r, "plan");
	long long v;

	if (q == NULL || *q == '\0')
		return 0;
	return valid_int(q, 1, INT64_MAX, &v, NULL) ? (int64_t)v : -1;
}

/*
 * <plans> and <months> for the filter.  Returns 1 with *known set when
 * `plan` is one of the month's plans, 0 on a database error.
 */
static int
add_choices(struct req *r, int64_t unit, const char *month, int64_t plan,
    int *known)
{
	xmlNodePtr list = view_add(r->page, "plans", NULL);
	struct db_res *res;
	int64_t rows;

	*known = 0;
	if ((res = renewal_plans(r->db, unit, month)) == NULL)
		return 0;
	while (db_next(res) == 1) {
		view_row(list, "plan", plan_cols, NPLAN_COLS, res);
		if (db_int(res, 0) == plan)
			*known = 1;
	}
	db_done(res);
	if ((res = renewal_months(r->db, unit)) == NULL)
		return 0;
	rows = view_rows(view_add(r->page, "months", NULL), "month",
	    month_cols, NMONTH_COLS, res, NULL);
	db_done(res);
	return rows >= 0;
}

/* <renewal>: the page of the list, with what it is of. */
static int
add_list(struct req *r, int64_t unit, const char *month, int64_t plan)
{
	struct view_paging pg;
	struct db_res *res;
	xmlNodePtr n;
	char today[11];
	int64_t rows;
	int built;

	if ((built = renewal_built(r->db, month)) < 0)
		return 0;
	view_paging_init(&pg, req_query(r, "page"), PAGE_SIZE);
	if ((pg.total = renewal_count(r->db, unit, month, plan)) < 0 ||
	    (res = renewal_list(r->db, unit, month, plan, clock_today(today),
	    view_paging_offset(&pg), pg.per)) == NULL)
		return 0;
	n = view_add(r->page, "renewal", NULL);
	view_attrf(n, "month", "%.7s", month);
	view_attrf(n, "year", "%.4s", month);
	view_attrf(n, "mon", "%d", (month[5] - '0') * 10 + month[6] - '0');
	view_attr(n, "built", built ? "1" : "0");
	view_attrf(n, "days-past", "%d", RENEWAL_DAYS_PAST);
	view_attrf(n, "days-ahead", "%d", RENEWAL_DAYS_AHEAD);
	if (plan > 0)
		view_attrf(n, "plan", "%lld", (long long)plan);
	rows = view_rows(n, "member", list_cols, RN__MAX, res, &pg);
	db_done(res);
	return rows >= 0;
}

int
renewal_get(struct req *r)
{
	enum refusal rf;
	char month[11];
	int64_t unit, plan;
	int st, known;

	if (req_query(r, "unit") == NULL) {	/* choose a unit first */
		if (!units_add(r))
			return 500;
		r->sheet = SHEET_RENEWAL;
		return 200;
	}
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if ((rf = ask_month(r, month)) != RF_OK)
		form_message(r, refusal_text(rf), "error");
	plan = ask_plan(r);
	if (!add_choices(r, unit, month, plan, &known))
		return 500;
	if (plan != 0 && !known) {
		form_message(r, refusal_text(RF_RENEWAL_PLAN), "error");
		plan = 0;
	}
	if (!add_list(r, unit, month, plan) || !units_add(r))
		return 500;
	r->sheet = SHEET_RENEWAL;
	return 200;
}

/*
 * 导出: the list of ?unit= for ?month= and ?plan= (as the page shows it,
 * every row), full numbers, as the 参保花名册; audited with its count.
 */
int
renewal_xlsx_get(struct req *r)
{
	const char *tmp = conf_str(CONF_TMP_DIR);
	char month[11], path[1024], detail[64];
	int64_t unit, plan, n;
	enum refusal rf;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if ((rf = ask_month(r, month)) != RF_OK)
		return page_refuse(r, rf, 404);
	if ((plan = ask_plan(r)) < 0)
		return page_refuse(r, RF_RENEWAL_PLAN, 404);
	if (!xlsx_tmp(path, sizeof(path), tmp) ||
	    (n = renewal_export(r->db, unit, month, plan, path, tmp)) < 0)
		return 500;
	snprintf(detail, sizeof(detail), "%.7s: %lld", month, (long long)n);
	if (!audit_req(r, "renewal.export", "org", unit, detail)) {
		unlink(path);
		return 500;
	}
	snprintf(detail, sizeof(detail), "续保名单%.4s年%d月.xlsx", month,
	    (month[5] - '0') * 10 + month[6] - '0');
	return req_send_file(r, path, XLSX_MIME, detail);
}
