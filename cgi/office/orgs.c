/*
 * orgs.c -- the org tree (admin adds districts and units, renames) and
 * the search for units and members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "member.h"
#include "org.h"
#include "pages.h"
#include "valid.h"
#include "view.h"

/* org_tree()'s columns: id, parent, level, name, depth, members. */
static const struct view_col tree_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ NULL, VK_TEXT, NULL, 0 },
	{ "@level", VK_TEXT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
	{ "@depth", VK_INT, NULL, 0 },
	{ "@members", VK_INT, NULL, 0 },
};

/* org_search()'s: id, name, credit code, parent's name, members. */
static const struct view_col unit_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
	{ "@credit", VK_TEXT, NULL, 0 },
	{ "@parent", VK_TEXT, NULL, 0 },
	{ "@members", VK_INT, NULL, 0 },
};

/* member_search()'s: id, name, ID type, number, phone, unit; masked. */
static const struct view_col member_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
	{ "@id-type", VK_STATE, id_type_labels, ID__MAX },
	{ "@id-number", VK_ID, NULL, 0 },
	{ "@phone", VK_PHONE, NULL, 0 },
	{ "@unit", VK_TEXT, NULL, 0 },
};

#define NCOLS(t) (sizeof(t) / sizeof((t)[0]))

static int
tree_page(struct req *r)
{
	struct db_res *res;
	int64_t rows;

	if ((res = org_tree(r->db)) == NULL)
		return 500;
	rows = view_rows(view_add(r->page, "tree", NULL), "org", tree_cols,
	    NCOLS(tree_cols), res, NULL);
	db_done(res);
	if (rows < 0)
		return 500;
	r->sheet = SHEET_ORGS;
	return 200;
}

int
orgs_get(struct req *r)
{
	if (req_query(r, "done"))
		form_message(r, "已保存。", "ok");
	return tree_page(r);
}

enum { OF_PARENT, OF_NAME, OF_CREDIT, OF__MAX };
static const struct field add_fields[OF__MAX] = {
	[OF_PARENT] = { "parent", FK_ID, 0, NULL },
	[OF_NAME] =   { "name", FK_TEXT_120, 0, NULL },
	[OF_CREDIT] = { "credit_code", FK_CREDIT_CODE, 1, NULL },
};

int
orgs_add_post(struct req *r)
{
	struct field_val v[OF__MAX];
	struct actor by = actor_of(r);
	enum refusal rf;
	int64_t id;

	if (form_read(r, add_fields, OF__MAX, v) > 0)
		return tree_page(r);
	rf = org_add(r->db, &by, v[OF_PARENT].num,
	    strcmp(req_form(r, "level"), "district") == 0, v[OF_NAME].v,
	    *v[OF_CREDIT].v ? v[OF_CREDIT].v : NULL, &id);
	if (rf != RF_OK)
		return form_refuse(r, rf, rf == RF_ORG_CREDIT_USED ?
		    "credit_code" : "parent") == 200 ? tree_page(r) : 500;
	return req_redirect(r, "/o/orgs?done=1");
}

static const struct field rename_field = { "name", FK_TEXT_120, 0, NULL };

/*
 * 改名 from the tree's row.  A refused name goes back to that row only:
 * the fields are moved from <form> (the 新增组织 form's) to
 * <rename id=".."> so the add form does not show them.
 */
int
orgs_rename_post(struct req *r)
{
	int64_t id = req_id(r, "id");
	struct field_val v;
	struct actor by = actor_of(r);
	const char *name = v.v;
	enum refusal rf;
	xmlNodePtr f;

	if (form_read(r, &rename_field, 1, &v) > 0) {
		f = form_node(r);
		xmlNodeSetName(f, (const xmlChar *)"rename");
		view_attrf(f, "id", "%lld", (long long)id);
		form_message(r, "改名未保存，请检查新的名称", "error");
		return tree_page(r);
	}
	if ((rf = org_rename(r->db, &by, id, name)) != RF_OK)
		return page_refuse(r, rf, 404);
	return req_redirect(r, "/o/orgs?done=1");
}

/* 查询: units by name or credit code, members by name or ID number. */
int
search_get(struct req *r)
{
	const char *qs = req_query(r, "q");
	struct db_res *res;
	xmlNodePtr n;
	char q[128];
	int64_t rows;

	r->sheet = SHEET_SEARCH;
	if (qs == NULL || valid_text_norm(qs, q, sizeof(q)) <= 0)
		return 200;
	if (strlen(q) == 18 && q[17] == 'x')
		q[17] = 'X';
	n = view_add(r->page, "results", NULL);
	view_attr(n, "q", q);
	if ((res = org_search(r->db, q)) == NULL)
		return 500;
	rows = view_rows(n, "unit", unit_cols, NCOLS(unit_cols), res, NULL);
	db_done(res);
	if (rows < 0 || (res = member_search(r->db, q)) == NULL)
		return 500;
	rows = view_rows(n, "member", member_cols, NCOLS(member_cols), res,
	    NULL);
	db_done(res);
	return rows < 0 ? 500 : 200;
}
