/*
 * users.c -- admin manages office users and their roles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
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
	unsigned roles = form_roles(r);
	char hash[128], csv[64];
	int64_t id;
	int bad;

	bad = form_read(r, user_fields, UF__MAX, v);
	view_attrf(form_node(r), "roles", "%u", roles);
	if (roles == 0) {
		form_error(r, "roles", "请至少选择一个角色");
		bad++;
	}
	if (bad)
		return users_page(r);
	if (!password_hash(v[UF_PASSWORD].v, hash))
		return 500;
	id = staff_create(r->db, v[UF_USERNAME].v, v[UF_NAME].v,
	    v[UF_PHONE].v, hash, roles);
	if (id < 0) {
		form_error(r, "username", "该用户名已存在");
		return users_page(r);
	}
	if (id == 0)
		return 500;
	audit_req(r, "staff.create", "staff", id, staff_roles_csv(roles, csv));
	return req_redirect(r, "/o/users?created=1");
}

int
users_roles_post(struct req *r)
{
	int64_t id = req_id(r, "id");
	unsigned roles = form_roles(r);
	char csv[64];

	if (id <= 0)
		return req_error_page(r, 400, "请求格式不正确，请返回重试。");
	/* An admin must not lock the association out of its own users page. */
	if (id == r->sess.subject && !(roles & ROLE_ADMIN))
		return req_error_page(r, 400, "不能取消自己的管理员角色。");
	if (!staff_set_roles(r->db, id, roles))
		return req_error_page(r, 404, "未找到该用户。");
	audit_req(r, "staff.roles", "staff", id, staff_roles_csv(roles, csv));
	return req_redirect(r, "/o/users?updated=1");
}
