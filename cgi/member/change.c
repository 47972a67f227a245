/*
 * change.c -- 个人信息变更 on the member's phone (SPEC §7, seeds 000 and
 * 001): the member's requests (个人申请变更信息) with 我要变更信息, the
 * form, the detail with 变更详情 and 审核进度, 修改 / 删除 / 提交 of a draft.
 * Only requests about the member: any other id is answered 404.  The
 * pages themselves are cgi/changepage.c, shared with the unit portal.
 */
#include <stddef.h>

#include "../changepage.h"
#include "change.h"
#include "http.h"
#include "pages.h"
#include "view.h"

#define PAGE_SIZE 20

static int own(struct req *, struct change *);

const struct change_portal change_here = {
	"/m/change", "/m/changes", SHEET_CHANGE, SHEET_CHANGE_FORM, own,
};

/* The request ?id= (or the form's) if it is about the member: 0 with *c,
 * else the status answered. */
static int
own(struct req *r, struct change *c)
{
	int rc;

	if ((rc = change_of_member(r->db, req_id(r, "id"), r->sess.subject,
	    c)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该信息变更单。");
	return 0;
}

int
changes_get(struct req *r)
{
	int64_t open;

	if (!change_list_view(r->db, r->sess.subject, 0, req_query(r, "page"),
	    PAGE_SIZE, r->page) ||
	    (open = change_open_of(r->db, r->sess.subject)) < 0)
		return 500;
	if (open > 0)
		view_attrf(r->page, "open", "%lld", (long long)open);
	if (req_query(r, "done"))
		view_attr(r->page, "done", req_query(r, "done"));
	r->sheet = SHEET_CHANGES;
	return 200;
}

int
change_new_get(struct req *r)
{
	return change_form_get(r, r->sess.subject, NULL, &change_here);
}

int
change_new_post(struct req *r)
{
	return change_form_post(r, r->sess.subject, NULL, &change_here);
}
