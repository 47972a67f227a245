/*
 * home.c -- the office home page, arranged by the user's roles.
 */
#include "http.h"
#include "member.h"
#include "org.h"
#include "pages.h"
#include "staff.h"
#include "view.h"

int
home_get(struct req *r)
{
	xmlNodePtr roles, n, figs;
	int64_t members, units;
	size_t i;

	roles = view_add(r->page, "roles", NULL);
	for (i = 0; i < STAFF_NROLES; i++)
		if (r->sess.roles & (1u << i)) {
			n = view_add(roles, "role", staff_roles[i].label);
			view_attr(n, "name", staff_roles[i].name);
		}
	if ((members = member_count(r->db)) < 0 ||
	    (units = org_count_units(r->db)) < 0)
		return 500;
	figs = view_add(r->page, "figures", NULL);
	view_addf(figs, "members", "%lld", (long long)members);
	view_addf(figs, "units", "%lld", (long long)units);
	r->sheet = SHEET_HOME;
	return 200;
}
