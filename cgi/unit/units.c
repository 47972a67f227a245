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

/* <units>: each unit with the agent's role and rights in it. */
int
units_add(struct req *r)
{
	struct db_res *res;
	xmlNodePtr units, u;
	const char *perms;

	if ((res = agent_units(r->db, r->sess.subject)) == NULL)
		return 0;
	units = view_add(r->page, "units", NULL);
	while (db_next(res) == 1) {
		u = view_add(units, "unit", NULL);
		view_attr(u, "id", db_col(res, AU_ID));
		view_attr(u, "role", db_col(res, AU_ROLE));
		perms = db_col(res, AU_PERMS);
		/* A chairman holds every right in the unit (Xiamen §二). */
		if (strcmp(db_col(res, AU_ROLE), "chairman") == 0 ||
		    (perms && strstr(perms, "mutual_aid")))
			view_attr(u, "mutual-aid", "1");
		if (db_int(res, AU_EDITING))
			view_attr(u, "editing", "1");
		if (!db_int(res, AU_INVOICE))
			view_attr(u, "no-invoice", "1");
		view_add(u, "name", db_col(res, AU_NAME));
		view_add(u, "credit-code", db_col(res, AU_CREDIT));
		view_add(u, "parent", db_col(res, AU_PARENT));
	}
	db_done(res);
	return 1;
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
		view_attr(a, "kind", db_col(res, OA_KIND));
		view_add(a, "name", db_col(res, OA_NAME));
		view_add(a, "credit-code", db_col(res, OA_CREDIT));
		view_add(a, "parent", db_col(res, OA_PARENT));
		view_add(a, "updated", db_col(res, OA_UPDATED));
	}
	db_done(res);
	r->sheet = SHEET_UNITS;
	return 200;
}
