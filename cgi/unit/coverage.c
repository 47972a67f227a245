/*
 * coverage.c -- 参保业务 in the unit portal: 参保记录 (the unit's coverage
 * records, filtered and paged; the export is hz-export's
 * /x/coverage.xlsx with the same filter) and 发票管理 (the premium
 * invoices finance recorded for the unit, each PDF downloaded through the
 * permission check).  Every page needs 医疗互助 in the unit ?unit=.
 */
#include <stdint.h>
#include <stdio.h>

#include "coverage.h"
#include "db.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "pinvoice.h"
#include "store.h"
#include "view.h"

#define PAGE_SIZE 20

/*
 * 参保记录 of ?unit=: filters 申请编号, 证件号码, 参保项目, 参保年份
 * (this year unless chosen), paged.  Without ?unit= the agent picks one.
 */
int
coverage_get(struct req *r)
{
	struct coverage_ask ask = {
		req_query(r, "no"), req_query(r, "id"), req_query(r, "plan"),
		req_query(r, "year"), NULL, NULL
	};
	struct coverage_filter f;
	const char *why_no, *why_id;
	int64_t unit;
	int st;

	r->sheet = SHEET_COVERAGE;
	if (req_query(r, "unit") == NULL)	/* choose a unit first */
		return units_add(r) ? 200 : 500;
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	coverage_filter_read(&ask, &f, &why_no, &why_id);
	f.unit = unit;
	if (why_no)
		form_error(r, "no", why_no);
	if (why_id)
		form_error(r, "id", why_id);
	if (!units_add(r) ||
	    coverage_view(r->db, &f, req_query(r, "page"), PAGE_SIZE,
	    r->page) == NULL ||
	    !coverage_choices_view(r->db, &f, r->page))
		return 500;
	return 200;
}

/* An invoice in the list (pinvoice_of_unit's columns). */
static const struct view_col invoice_cols[PI__MAX] = {
	[PI_ID] =	{ "@id", VK_INT, NULL, 0 },
	[PI_NUMBER] =	{ "number", VK_TEXT, NULL, 0 },
	[PI_ISSUED] =	{ "issued", VK_DATE, NULL, 0 },
	[PI_AMOUNT] =	{ "amount", VK_MONEY, NULL, 0 },
	[PI_NO] =	{ "no", VK_TEXT, NULL, 0 },
	[PI_PLAN] =	{ "plan", VK_TEXT, NULL, 0 },
	[PI_STARTS] =	{ "starts", VK_DATE, NULL, 0 },
	[PI_ENDS] =	{ "ends", VK_DATE, NULL, 0 },
	[PI_FILE] =	{ "@file", VK_FLAG, NULL, 0 },
};

/* 发票管理 of ?unit=, newest first, paged. */
int
pinvoices_get(struct req *r)
{
	struct view_paging pg;
	struct db_res *res;
	int64_t unit, rows;
	int st;

	r->sheet = SHEET_PINVOICES;
	if (req_query(r, "unit") == NULL)
		return units_add(r) ? 200 : 500;
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	view_paging_init(&pg, req_query(r, "page"), PAGE_SIZE);
	if ((pg.total = pinvoice_count_unit(r->db, unit)) < 0 ||
	    (res = pinvoice_of_unit(r->db, unit, view_paging_offset(&pg),
	    pg.per)) == NULL)
		return 500;
	rows = view_rows(view_add(r->page, "invoices", NULL), "invoice",
	    invoice_cols, PI__MAX, res, &pg);
	db_done(res);
	return rows < 0 || !units_add(r) ? 500 : 200;
}

/*
 * The PDF of invoice ?id= of ?unit=: for the unit's agents with 医疗互助
 * (aid_unit, then files.c's rule for the file); an invoice of another
 * unit is 404, as if it did not exist.
 */
int
pinvoice_file_get(struct req *r)
{
	struct attachment a;
	int64_t unit, file;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if ((st = pinvoice_attachment(r->db, req_id(r, "id"), unit, &file)) ==
	    1)
		st = file_for_agent(r->db, file, r->sess.subject,
		    "premium_invoice", &a);
	if (st < 0)
		return 500;
	if (st == 0 || a.owner_id != unit)
		return req_error_page(r, 404, "未找到该发票。");
	return store_send(r, &a);
}
