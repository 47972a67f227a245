/*
 * units.c -- 单位信息管理: the agent's units and their applications.
 */
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "db.h"
#include "flow.h"
#include "flows.h"
#include "http.h"
#include "orgapp.h"
#include "pages.h"
#include "view.h"

/* <unit>: a unit the agent serves, with their role and rights in it. */
static const struct view_col unit_cols[AU__MAX] = {
	[AU_ID] =		{ "@id", VK_INT, NULL, 0 },
	[AU_NAME] =		{ "name", VK_TEXT, NULL, 0 },
	[AU_ROLE] =		{ "@role", VK_TEXT, NULL, 0 },
	[AU_MUTUAL_AID] =	{ "@mutual-aid", VK_FLAG, NULL, 0 },
	[AU_CREDIT] =		{ "credit-code", VK_TEXT, NULL, 0 },
	[AU_PARENT] =		{ "parent", VK_TEXT, NULL, 0 },
	[AU_EDITING] =		{ "@editing", VK_FLAG, NULL, 0 },
	[AU_NO_INVOICE] =	{ "@no-invoice", VK_FLAG, NULL, 0 },
};

/* An application of orgapp_by_agent() after its head (flow_view_item). */
static const struct view_col app_cols[] = {
	[OA_KIND] =		{ "@kind", VK_TEXT, NULL, 0 },
	[OA_NAME] =		{ "name", VK_TEXT, NULL, 0 },
	[OA_CREDIT] =		{ "credit-code", VK_TEXT, NULL, 0 },
	[OA_PARENT] =		{ "parent", VK_TEXT, NULL, 0 },
	[OA_UPDATED] =		{ "updated", VK_TEXT, NULL, 0 },
};

/* <units>: each unit with the agent's role and rights in it. */
int
units_add(struct req *r)
{
	struct db_res *res;
	int64_t rows;

	if ((res = agent_units(r->db, r->sess.subject)) == NULL)
		return 0;
	rows = view_rows(view_add(r->page, "units", NULL), "unit", unit_cols,
	    AU__MAX, res, NULL);
	db_done(res);
	return rows >= 0;
}

int
units_get(struct req *r)
{
	struct db_res *res;
	xmlNodePtr apps, a;

	if (!units_add(r) || (res = orgapp_by_agent(r->db, r->sess.subject))
	    == NULL)
		return 500;
	apps = view_add(r->page, "apps", NULL);
	while (db_next(res) == 1) {
		a = flow_view_state(apps, "app", &orgapp_flow,
		    db_int(res, OA_ID), db_col(res, OA_STATE));
		view_fill(a, app_cols, sizeof(app_cols) / sizeof(app_cols[0]),
		    res);
	}
	db_done(res);
	r->sheet = SHEET_UNITS;
	return 200;
}
