/*
 * move.c -- 会籍变更 in the office: 初审 moves the member or returns the
 * request with a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "flow.h"
#include "form.h"
#include "http.h"
#include "membership.h"
#include "pages.h"
#include "valid.h"
#include "view.h"

int
queue_moves(struct req *r, xmlNodePtr q)
{
	struct db_res *res;
	xmlNodePtr it;
	char detail[600];

	if ((res = move_by_state(r->db, FS_REVIEW1)) == NULL)
		return 0;
	while (db_next(res) == 1) {
		it = view_add(q, "item", NULL);
		view_attr(it, "id", db_col(res, 0));
		view_attr(it, "href", "/o/move?id=");
		view_attr(it, "kind", "会籍变更");
		view_add(it, "title", db_col(res, 2));
		snprintf(detail, sizeof(detail), "%s → %s", db_col(res, 4),
		    db_col(res, 5));
		view_add(it, "detail", detail);
		view_add(it, "by", "");
		view_add(it, "at", db_col(res, 6));
	}
	db_done(res);
	return 1;
}

static int
move_page(struct req *r, const struct move *m)
{
	xmlNodePtr n = flow_view_item(r->page, "move", m->id, m->state);

	if (flow_can(FLOW_MEMBERSHIP, m->state, r->sess.roles))
		view_attr(n, "decide", "1");
	view_add(n, "name", m->member_name);
	view_add(n, "id-number", m->id_number);
	view_add(n, "from", m->from_name);
	view_add(n, "to", m->to_name);
	view_add(n, "reason", m->reason);
	if (!flow_timeline(r->db, FLOW_MEMBERSHIP, m->id, n))
		return 500;
	r->sheet = SHEET_MOVE;
	return 200;
}

static int
load(struct req *r, struct move *m)
{
	int rc;

	if ((rc = move_get(r->db, req_id(r, "id"), m)) < 0)
		return 500;
	if (rc == 0 || m->state == FS_DRAFT)
		return req_error_page(r, 404, "未找到该申请。");
	return 0;
}

int
move_review_get(struct req *r)
{
	struct move m;
	int st;

	if ((st = load(r, &m)) != 0)
		return st;
	if (req_query(r, "done"))
		form_message(r, "已办理。", "ok");
	return move_page(r, &m);
}

int
move_decide_post(struct req *r)
{
	struct flow_actor by;
	const char *d = req_form(r, "decision");
	struct field_val v;
	const char *reason = v.v;
	char path[64];
	struct move m;
	int st;

	flow_actor_of(r, &by);
	if ((st = load(r, &m)) != 0)
		return st;
	if (form_read(r, &reason_field, 1, &v) > 0)
		return move_page(r, &m);
	st = move_decide(r->db, m.id, strcmp(d, "approve") == 0 ? FA_APPROVE1 :
	    strcmp(d, "return") == 0 ? FA_RETURN1 : FA__MAX, &by, reason);
	if (st == FLOW_ERR_DB)
		return 500;
	if (st != FLOW_OK) {
		form_message(r, move_message(st), "error");
		return move_page(r, &m);
	}
	snprintf(path, sizeof(path), "/o/move?id=%lld&done=1", (long long)m.id);
	return req_redirect(r, path);
}
