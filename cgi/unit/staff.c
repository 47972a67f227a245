/*
 * staff.c -- 工作人员: a unit's chairman adds staff by phone, grants or
 * withdraws 医疗互助, and removes them.  Chairman only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "unitstaff.h"
#include "view.h"

/* The unit of ?unit= / the form's, if the agent is its chairman. */
static int
chair_unit(struct req *r, int64_t *unit)
{
	enum refusal rf;

	*unit = req_id(r, "unit");
	if ((rf = agent_may_chair(r->db, r->sess.subject, *unit)) != RF_OK)
		return page_refuse(r, rf, rf == RF_PICK_UNIT ? 404 : 403);
	view_attrf(r->page, "unit", "%lld", (long long)*unit);
	return 0;
}

/* unitstaff_list()'s columns: id, name, phone, role, 医疗互助. */
static const struct view_col staff_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "phone", VK_TEXT, NULL, 0 },
	{ "@role", VK_TEXT, NULL, 0 },
	{ "@mutual-aid", VK_FLAG, NULL, 0 },
};

static int
staff_page(struct req *r, int64_t unit)
{
	struct db_res *res;
	int64_t rows;

	if ((res = unitstaff_list(r->db, unit)) == NULL)
		return 500;
	rows = view_rows(view_add(r->page, "staff", NULL), "agent", staff_cols,
	    sizeof(staff_cols) / sizeof(staff_cols[0]), res, NULL);
	db_done(res);
	if (rows < 0 || !units_add(r))
		return 500;
	r->sheet = SHEET_STAFF;
	return 200;
}

int
staff_get(struct req *r)
{
	int64_t unit;
	int st;

	if ((st = chair_unit(r, &unit)) != 0)
		return st;
	if (req_query(r, "done"))
		form_message(r, "已保存。工作人员需退出后重新登录，新的权限才会显示在菜单中。",
		    "ok");
	return staff_page(r, unit);
}

enum { SF_PHONE, SF__MAX };
static const struct field add_fields[SF__MAX] = {
	[SF_PHONE] = { "phone", FK_PHONE, 0, NULL },
};

static int
done(struct req *r, int64_t unit)
{
	char path[64];

	snprintf(path, sizeof(path), "/u/staff?unit=%lld&done=1", (long long)unit);
	return req_redirect(r, path);
}

int
staff_add_post(struct req *r)
{
	struct field_val v[SF__MAX];
	struct actor by = actor_of(r);
	enum refusal rf;
	int64_t unit, agent;
	int st;

	if ((st = chair_unit(r, &unit)) != 0)
		return st;
	if (form_read(r, add_fields, SF__MAX, v) > 0)
		return staff_page(r, unit);
	rf = unitstaff_add(r->db, &by, unit, v[SF_PHONE].v,
	    *req_form(r, "mutual_aid") != '\0', &agent);
	if (rf != RF_OK)
		return form_refuse(r, rf, "phone") == 200 ? staff_page(r, unit) :
		    500;
	return done(r, unit);
}

int
staff_grant_post(struct req *r)
{
	struct actor by = actor_of(r);
	int64_t unit;
	int st, on = strcmp(req_form(r, "mutual_aid"), "1") == 0;

	if ((st = chair_unit(r, &unit)) != 0 ||
	    (st = page_refuse(r, unitstaff_grant(r->db, &by, unit,
	    req_id(r, "agent"), on), 404)) != 0)
		return st;
	return done(r, unit);
}

int
staff_remove_post(struct req *r)
{
	struct actor by = actor_of(r);
	int64_t unit;
	int st;

	if ((st = chair_unit(r, &unit)) != 0 ||
	    (st = page_refuse(r, unitstaff_remove(r->db, &by, unit,
	    req_id(r, "agent")), 404)) != 0)
		return st;
	return done(r, unit);
}
