/*
 * home.c -- the agent's home: the units they serve and their rights.
 */
#include <string.h>

#include "agent.h"
#include "db.h"
#include "http.h"
#include "pages.h"
#include "view.h"

int
home_get(struct req *r)
{
	struct db_res *res;
	xmlNodePtr units, u;
	const char *perms;

	if ((res = agent_units(r->db, r->sess.subject)) == NULL)
		return 500;
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
		view_add(u, "name", db_col(res, AU_NAME));
		view_add(u, "credit-code", db_col(res, AU_CREDIT));
		view_add(u, "parent", db_col(res, AU_PARENT));
	}
	db_done(res);
	r->sheet = SHEET_HOME;
	return 200;
}
