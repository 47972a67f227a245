/*
 * home.c -- the office home page, arranged by the user's roles.
 */
#include "http.h"
#include "figures.h"
#include "pages.h"
#include "staff.h"
#include "view.h"

int
home_get(struct req *r)
{
	xmlNodePtr roles, n, figs;
	struct figures f;
	size_t i;

	roles = view_add(r->page, "roles", NULL);
	for (i = 0; i < STAFF_NROLES; i++)
		if (r->sess.roles & (1u << i)) {
			n = view_add(roles, "role", staff_roles[i].label);
			view_attr(n, "name", staff_roles[i].name);
		}
	if (!figures_get(r->db, &f))
		return 500;
	figs = view_add(r->page, "figures", NULL);
	view_attr(figs, "counted-at", f.counted_at);
	if (f.value[FIG_MEMBERS] >= 0)
		view_addf(figs, "members", "%lld", (long long)f.value[FIG_MEMBERS]);
	if (f.value[FIG_UNITS] >= 0)
		view_addf(figs, "units", "%lld", (long long)f.value[FIG_UNITS]);
	r->sheet = SHEET_HOME;
	return 200;
}
