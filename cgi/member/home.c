/*
 * home.c -- the member's home page: who they are, their unit, the menu.
 */
#include "http.h"
#include "mask.h"
#include "pages.h"
#include "valid.h"
#include "view.h"
#include "member.h"

int
home_get(struct req *r)
{
	struct member m;
	xmlNodePtr n;
	char buf[64];
	int rc;

	if ((rc = member_get(r->db, r->sess.subject, &m)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未查询到该职工信息。");
	n = view_add(r->page, "member", NULL);
	view_add(n, "name", m.name);
	view_add(n, "id-type", id_type_label(m.id_type));
	view_add(n, "id-number", mask_id(m.id_number, buf));
	view_add(n, "phone", mask_phone(m.bound_phone, buf));
	view_add(n, "unit", m.unit_name);
	if (m.gender)
		view_add(n, "gender", m.gender == 'F' ? "女" : "男");
	r->sheet = SHEET_HOME;
	return 200;
}
