/*
 * claims.c -- 补助申请 in the office: review1 enters the settlement
 * sheet's figures and sees the computed amount with its explanation on
 * the review page before approving; 补助记录 across units.
 */
#include <stdio.h>
#include <string.h>

#include "claim.h"
#include "claimrec.h"
#include "coverage.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "pages.h"

/* 结算单: the figures the kind reads (empty: none). */
enum { FF_TOTAL, FF_BASE, FF_MEDICAL, FF_GRADE, FF__MAX };
static const struct field figure_fields[FF__MAX] = {
	[FF_TOTAL] =   { "total_cost", FK_MONEY, 1, NULL },
	[FF_BASE] =    { "base", FK_MONEY, 1, NULL },
	[FF_MEDICAL] = { "medical", FK_MONEY, 1, NULL },
	[FF_GRADE] =   { "grade", FK_COUNT, 1, NULL },
};

int
claim_figures_post(struct req *r)
{
	struct field_val v[FF__MAX];
	struct claim_figures f;
	struct flow_actor by;
	const char *why;
	enum refusal rf;
	int64_t id = req_id(r, "id");
	char path[80];


	if (form_read(r, figure_fields, FF__MAX, v) > 0)
		return desk_page(r, &claim_flow, id);
	f = (struct claim_figures){ v[FF_TOTAL].fen, v[FF_BASE].fen,
	    v[FF_MEDICAL].fen, (int)v[FF_GRADE].num };
	flow_actor_of(r, &by);
	rf = claim_figures_set(r->db, id, &f, &by, &why);
	if (rf == RF_NOT_FOUND)
		return req_error_page(r, 404, "未找到该办件。");
	if (rf == RF_CLAIM_FIGURES && why) {
		form_message(r, why, "error");
		return desk_page(r, &claim_flow, id);
	}
	if (rf != RF_OK) {
		int st = form_refuse(r, rf, rf == RF_CLAIM_FIGURES ? "base" :
		    NULL);

		return st == 200 ? desk_page(r, &claim_flow, id) : st;
	}
	snprintf(path, sizeof(path), "/o/review?type=claim&id=%lld&computed=1",
	    (long long)id);
	return req_redirect(r, path);
}

/*
 * 补助记录: every unit's filed claims by 申请日期, 保障计划, 区/产业工会,
 * 补助类型, 状态, person or phone; numbers masked; a page at a time.
 */
int
claim_records_get(struct req *r)
{
	struct claim_ask ask = {
		req_query(r, "kind"), req_query(r, "state"),
		req_query(r, "person"), req_query(r, "phone"),
		req_query(r, "from"), req_query(r, "to"),
		req_query(r, "district"), req_query(r, "plan")
	};
	struct coverage_filter all;
	struct claim_filter f;
	const char *why;

	memset(&all, 0, sizeof(all));
	if (claim_filter_read(&ask, &f, &why) > 0)
		form_message(r, why, "error");
	if (claim_records_view(r->db, &f, req_query(r, "page"), 20,
	    r->page) == NULL || !coverage_choices_view(r->db, &all, r->page) ||
	    !org_districts_view(r->db, r->page))
		return 500;
	r->sheet = SHEET_CLAIMS;
	return 200;
}
