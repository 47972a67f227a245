/*
 * users.c -- admin manages office users and their roles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "staff.h"
#include "view.h"

enum { UF_USERNAME, UF_NAME, UF_PHONE, UF_PASSWORD, UF__MAX };
static const struct field user_fields[UF__MAX] = {
	[UF_USERNAME] = { "username", FK_USERNAME, 0, NULL },
	[UF_NAME] =     { "name", FK_NAME, 0, NULL },
	[UF_PHONE] =    { "phone", FK_PHONE, 1, NULL },
	[UF_PASSWORD] = { "password", FK_NEW_PASSWORD, 0, NULL },
};

/* The role checkboxes of the form as ROLE_* bits. */
static unsigned
form_roles(struct req *r)
{
	unsigned roles = 0;
	size_t i;
	char key[32];

	for (i = 0; i < STAFF_NROLES; i++) {
		snprintf(key, sizeof(key), "role_%s", staff_roles[i].name);
		if (*req_form(r, key))
			roles |= 1u << i;
	}
	return roles;
}

/* staff_list()'s columns: id, username, name, roles, disabled, created. */
static const struct view_col user_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@username", VK_TEXT, NULL, 0 },
	{ "@name", VK_TEXT, NULL, 0 },
	{ "@roles", VK_INT, NULL, 0 },
	{ "@disabled", VK_FLAG, NULL, 0 },
	{ "@created", VK_TIME, NULL, 0 },
};

/* The list of users and the role table, shown on every users page. */
static int
users_page(struct req *r)
{
	struct db_res *res;
	xmlNodePtr defs, d;
	int64_t rows;
	size_t i;

	defs = view_add(r->page, "role-defs", NULL);
	for (i = 0; i < STAFF_NROLES; i++) {
		d = view_add(defs, "role", staff_roles[i].label);
		view_attr(d, "name", staff_roles[i].name);
		view_attrf(d, "bit", "%u", 1u << i);
	}
	if ((res = staff_list(r->db)) == NULL)
		return 500;
	rows = view_rows(view_add(r->page, "users", NULL), "user", user_cols,
	    sizeof(user_cols) / sizeof(user_cols[0]), res, NULL);
	db_done(res);
	if (rows < 0)
		return 500;
	r->sheet = SHEET_USERS;
	return 200;
}

int
users_get(struct req *r)
{
	return users_page(r);
}

int
users_post(struct req *r)
{
	struct field_val v[UF__MAX];
	struct actor by = actor_of(r);
	unsigned roles = form_roles(r);
	enum refusal rf;
	int bad;

	bad = form_read(r, user_fields, UF__MAX, v);
	view_attrf(form_node(r), "roles", "%u", roles);
	if ((rf = staff_roles_check(roles)) != RF_OK)
		bad += form_refuse(r, rf, "roles") != 0;
	if (bad)
		return users_page(r);
	rf = staff_create(r->db, &by, v[UF_USERNAME].v, v[UF_NAME].v,
	    v[UF_PHONE].v, v[UF_PASSWORD].v, roles);
	if (rf != RF_OK)
		return form_refuse(r, rf, "username") == 200 ? users_page(r) :
		    500;
	return req_redirect(r, "/o/users?created=1");
}

int
users_roles_post(struct req *r)
{
	struct actor by = actor_of(r);
	enum refusal rf;

	if (req_id(r, "id") <= 0)
		return req_error_page(r, 400, "请求格式不正确，请返回重试。");
	rf = staff_set_roles(r->db, &by, req_id(r, "id"), form_roles(r));
	if (rf != RF_OK)
		return page_refuse(r, rf, rf == RF_NO_USER ? 404 : 400);
	return req_redirect(r, "/o/users?updated=1");
}
