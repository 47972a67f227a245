/*
 * coverage.c -- 职工参保: the signed-in member's own coverage, per plan
 * and period (plan, period, unit, application number, 保障中 / 已到期 /
 * 未生效), filterable by plan and year (this year unless chosen).  Nobody
 * else's: the member is the session's, never a parameter.
 */
#include <stddef.h>

#include "coverage.h"
#include "http.h"
#include "member.h"
#include "pages.h"
#include "view.h"

#define PAGE_SIZE 20

int
coverage_get(struct req *r)
{
	const struct member *m = r->extra;	/* loaded with the session */
	struct coverage_ask ask = {
		NULL, NULL, req_query(r, "plan"), req_query(r, "year"), NULL,
		NULL
	};
	struct coverage_filter f;
	const char *why_no, *why_id;

	coverage_filter_read(&ask, &f, &why_no, &why_id);
	f.member = m->id;
	if (coverage_view(r->db, &f, req_query(r, "page"), PAGE_SIZE,
	    r->page) == NULL || !coverage_choices_view(r->db, &f, r->page))
		return 500;
	r->sheet = SHEET_COVERAGE;
	return 200;
}
