/*
 * transfer.c -- 单位绑定 in the office: the two review levels, each by a
 * different person (flow.c refuses the same one twice).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "flow.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "store.h"
#include "transfer.h"
#include "valid.h"
#include "view.h"

int
queue_transfers(struct req *r, xmlNodePtr q, enum flow_state s)
{
	struct db_res *res;
	xmlNodePtr it;

	if ((res = transfer_by_state(r->db, s)) == NULL)
		return 0;
	while (db_next(res) == 1) {
		it = view_add(q, "item", NULL);
		view_attr(it, "id", db_col(res, 0));
		view_attr(it, "href", "/o/transfer?id=");
		view_attr(it, "kind", "单位绑定");
		view_add(it, "title", db_col(res, 2));
		view_add(it, "detail", db_col(res, 4));
		view_add(it, "by", db_col(res, 3));
		view_add(it, "at", db_col(res, 5));
	}
	db_done(res);
	return 1;
}

static int
transfer_page(struct req *r, const struct transfer *t)
{
	xmlNodePtr n = flow_view_item(r->page, "transfer", t->id, t->state);

	if (flow_can(FLOW_TRANSFER, t->state, r->sess.roles))
		view_attr(n, "decide", "1");
	view_add(n, "unit", t->unit_name);
	view_add(n, "agent", t->agent_name);
	view_add(n, "phone", t->agent_phone);
	view_add(n, "previous", t->previous);
	if (!store_list(r->db, "transfer", t->id, n) ||
	    !flow_timeline(r->db, FLOW_TRANSFER, t->id, n))
		return 500;
	r->sheet = SHEET_TRANSFER;
	return 200;
}

static int
load(struct req *r, struct transfer *t)
{
	int rc;

	if ((rc = transfer_get(r->db, req_id(r, "id"), t)) < 0)
		return 500;
	if (rc == 0 || t->state == FS_DRAFT)
		return req_error_page(r, 404, "未找到该绑定申请。");
	return 0;
}

int
transfer_review_get(struct req *r)
{
	struct transfer t;
	int st;

	if ((st = load(r, &t)) != 0)
		return st;
	if (req_query(r, "done"))
		form_message(r, "已办理。", "ok");
	return transfer_page(r, &t);
}

int
transfer_decide_post(struct req *r)
{
	struct flow_actor by;
	struct transfer t;
	const char *d = req_form(r, "decision");
	enum flow_action action;
	struct field_val v;
	const char *reason = v.v;
	char path[64];
	int st, second;

	flow_actor_of(r, &by);
	if ((st = load(r, &t)) != 0)
		return st;
	if (form_read(r, &reason_field, 1, &v) > 0)
		return transfer_page(r, &t);
	second = t.state == FS_REVIEW2;
	if (strcmp(d, "approve") == 0)
		action = second ? FA_APPROVE2 : FA_APPROVE1;
	else if (strcmp(d, "return") == 0)
		action = second ? FA_RETURN2 : FA_RETURN1;
	else
		action = FA__MAX;
	if ((st = transfer_decide(r->db, t.id, action, &by, reason)) ==
	    FLOW_ERR_DB)
		return 500;
	if (st != FLOW_OK) {
		form_message(r, transfer_message(st), "error");
		return transfer_page(r, &t);
	}
	snprintf(path, sizeof(path), "/o/transfer?id=%lld&done=1",
	    (long long)t.id);
	return req_redirect(r, path);
}
