/*
 * change.c -- 个人信息变更 in the unit portal: the unit's requests (those
 * its members filed and those its agents filed for them), 发起变更 for a
 * member of the roster, the form, the detail, 修改 / 删除 / 提交.  An
 * agent sees only the requests of units where they hold 医疗互助, the
 * right that keeps the roster; any other id is answered 404.  The pages
 * themselves are cgi/changepage.c, shared with the member's H5.
 */
#include <stdio.h>

#include "../changepage.h"
#include "agent.h"
#include "change.h"
#include "db.h"
#include "http.h"
#include "pages.h"
#include "roster.h"
#include "valid.h"
#include "view.h"

#define PER_PAGE	20

static int own(struct req *, struct change *);

const struct change_portal change_here = {
	"/u/change", "/u/changes?unit=", SHEET_CHANGE, SHEET_CHANGE_FORM, own,
};

/* The request ?id= (or the form's) if the agent may aid its unit: 0 with
 * *c, else the status answered. */
static int
own(struct req *r, struct change *c)
{
	int rc;

	if ((rc = change_of_agent(r->db, req_id(r, "id"), r->sess.subject,
	    c)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该信息变更单。");
	view_attrf(r->page, "unit", "%lld", (long long)c->unit_id);
	return 0;
}

/* The member ?member= (or the form's) if they are in a unit where the
 * agent holds 医疗互助: 0 with *member, else the status answered. */
static int
own_member(struct req *r, int64_t *member)
{
	struct change_fields cur;
	char unit_name[256];
	int64_t unit;
	enum refusal rf;
	int rc;

	*member = req_id(r, "member");
	if ((rc = change_current(r->db, *member, &cur, &unit, unit_name)) < 0)
		return 500;
	if (rc == 0 || unit <= 0)
		return req_error_page(r, 404, "未找到该职工。");
	if ((rf = agent_may_aid(r->db, r->sess.subject, unit)) == RF_DB)
		return 500;
	if (rf != RF_OK)
		return req_error_page(r, 404, "未找到该职工。");
	view_attrf(r->page, "unit", "%lld", (long long)unit);
	return 0;
}

/* 发起变更: roster members matching ?q=, numbers masked. */
static const struct view_col people_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "id-type", VK_STATE, id_type_labels, ID__MAX },
	{ "id-number", VK_ID, NULL, 0 },
};

int
changes_get(struct req *r)
{
	const char *q = req_query(r, "q");
	struct db_res *res;
	xmlNodePtr n;
	int64_t unit;
	int st;

	if (req_query(r, "unit") == NULL) {	/* choose a unit first */
		if (!units_add(r))
			return 500;
		r->sheet = SHEET_CHANGES;
		return 200;
	}
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (!units_add(r) || !change_list_view(r->db, 0, unit,
	    req_query(r, "page"), PER_PAGE, r->page))
		return 500;
	if (q && *q) {
		if ((res = roster_list(r->db, unit, q, 0, 20)) == NULL)
			return 500;
		n = view_add(r->page, "people", NULL);
		view_attr(n, "q", q);
		st = view_rows(n, "person", people_cols, sizeof(people_cols) /
		    sizeof(people_cols[0]), res, NULL) < 0;
		db_done(res);
		if (st)
			return 500;
	}
	if (req_query(r, "done"))
		view_attr(r->page, "done", req_query(r, "done"));
	r->sheet = SHEET_CHANGES;
	return 200;
}

int
change_new_get(struct req *r)
{
	int64_t member;
	int st;

	if ((st = own_member(r, &member)) != 0)
		return st;
	return change_form_get(r, member, NULL, &change_here);
}

int
change_new_post(struct req *r)
{
	int64_t member;
	int st;

	if ((st = own_member(r, &member)) != 0)
		return st;
	return change_form_post(r, member, NULL, &change_here);
}
