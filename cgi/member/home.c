/*
 * home.c -- the member's home page: who they are, their unit, the menu.
 */
#include "article.h"
#include "http.h"
#include "mask.h"
#include "pages.h"
#include "valid.h"
#include "view.h"
#include "member.h"

int
home_get(struct req *r)
{
	const struct member *m = r->extra;	/* loaded with the session */
	xmlNodePtr n;
	char buf[64];

	n = view_add(r->page, "member", NULL);
	view_add(n, "name", m->name);
	view_add(n, "id-type", id_type_label(m->id_type));
	view_add(n, "id-number", mask_id(m->id_number, buf));
	view_add(n, "phone", mask_phone(m->bound_phone, buf));
	view_add(n, "unit", m->unit_name);
	if (m->gender)
		view_add(n, "gender", m->gender == 'F' ? "女" : "男");
	if (!article_home_view(r->db, r->page, 5))	/* 工会资讯 */
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}
