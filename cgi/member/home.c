/*
 * home.c -- the member's home (seed 000): the avatar card that leads to
 * 个人中心, the menu (公告通知, 职工参保, 补助申请, 个人信息变更, 宣传手册,
 * 消息 with the unread badge) and the 工会资讯 below; and 个人中心 itself.
 */
#include "article.h"
#include "http.h"
#include "mask.h"
#include "pages.h"
#include "valid.h"
#include "view.h"
#include "member.h"

/* <member> with who the signed-in member is: name, ID (masked), bound
 * phone (masked), unit, gender.  Returns the element. */
static xmlNodePtr
member_card(struct req *r)
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
	return n;
}

int
home_get(struct req *r)
{
	member_card(r);
	if (!article_home_view(r->db, r->page, 5))	/* 工会资讯 */
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}

/* GET /m/me: 个人中心 -- who they are, since when bound, 退出. */
int
me_get(struct req *r)
{
	xmlNodePtr n = member_card(r);
	char at[32];

	if (member_bound_at(r->db, r->sess.subject, at, sizeof(at)) < 0)
		return 500;
	view_add(n, "bound-at", at);
	r->sheet = SHEET_ME;
	return 200;
}
