/*
 * review.c -- 待办: the review queues, a unit application's review page
 * and its decision, and the materials' downloads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "files.h"
#include "flow.h"
#include "form.h"
#include "http.h"
#include "orgapp.h"
#include "pages.h"
#include "store.h"
#include "valid.h"
#include "view.h"

const struct field reason_field = { "reason", FK_NOTE, 1, NULL };

/* One queue: the unit applications waiting in state `s`. */
static int
queue_orgapps(struct req *r, xmlNodePtr q, enum flow_state s)
{
	struct db_res *res;
	xmlNodePtr it;

	if ((res = orgapp_by_state(r->db, s)) == NULL)
		return 0;
	while (db_next(res) == 1) {
		it = view_add(q, "item", NULL);
		view_attr(it, "id", db_col(res, OA_ID));
		view_attr(it, "href", "/o/org/app?id=");
		view_attr(it, "kind", strcmp(db_col(res, OA_KIND), "edit") == 0 ?
		    "单位信息编辑" : "单位注册");
		view_add(it, "title", db_col(res, OA_NAME));
		view_add(it, "detail", db_col(res, OA_CREDIT));
		view_add(it, "by", db_col(res, OA_AGENT));
		view_add(it, "at", db_col(res, OA_UPDATED));
	}
	db_done(res);
	return 1;
}

int
queue_get(struct req *r)
{
	xmlNodePtr q;

	if (flow_can(FLOW_ORG_APP, FS_REVIEW1, r->sess.roles)) {
		q = view_add(r->page, "queue", NULL);
		view_attr(q, "name", "orgapp");
		view_attr(q, "title", "单位注册与信息编辑 · 待初审");
		if (!queue_orgapps(r, q, FS_REVIEW1))
			return 500;
	}
	if (flow_can(FLOW_TRANSFER, FS_REVIEW1, r->sess.roles)) {
		q = view_add(r->page, "queue", NULL);
		view_attr(q, "name", "transfer1");
		view_attr(q, "title", "单位绑定 · 待初审");
		if (!queue_transfers(r, q, FS_REVIEW1))
			return 500;
	}
	if (flow_can(FLOW_TRANSFER, FS_REVIEW2, r->sess.roles)) {
		q = view_add(r->page, "queue", NULL);
		view_attr(q, "name", "transfer2");
		view_attr(q, "title", "单位绑定 · 待复审");
		if (!queue_transfers(r, q, FS_REVIEW2))
			return 500;
	}
	if (flow_can(FLOW_MEMBERSHIP, FS_REVIEW1, r->sess.roles)) {
		q = view_add(r->page, "queue", NULL);
		view_attr(q, "name", "move");
		view_attr(q, "title", "会籍变更 · 待初审");
		if (!queue_moves(r, q))
			return 500;
	}
	r->sheet = SHEET_QUEUE;
	return 200;
}

static int
orgapp_page(struct req *r, const struct org_app *a)
{
	xmlNodePtr n;

	if ((n = orgapp_view(r->db, a, r->page)) == NULL)
		return 500;
	if (flow_can(FLOW_ORG_APP, a->state, r->sess.roles))
		view_attr(n, "decide", "1");
	r->sheet = SHEET_ORGAPP;
	return 200;
}

int
orgapp_review_get(struct req *r)
{
	struct org_app a;
	int rc;

	if ((rc = orgapp_get(r->db, req_id(r, "id"), &a)) < 0)
		return 500;
	if (rc == 0 || a.state == FS_DRAFT)
		return req_error_page(r, 404, "未找到该申请。");
	if (req_query(r, "done"))
		form_message(r, "已办理。", "ok");
	return orgapp_page(r, &a);
}

int
orgapp_decide_post(struct req *r)
{
	struct flow_actor by;
	struct org_app a;
	const char *d = req_form(r, "decision");
	struct field_val v;
	const char *reason = v.v;
	char path[64];
	int rc;

	flow_actor_of(r, &by);
	if ((rc = orgapp_get(r->db, req_id(r, "id"), &a)) < 0)
		return 500;
	if (rc == 0 || a.state == FS_DRAFT)
		return req_error_page(r, 404, "未找到该申请。");
	if (form_read(r, &reason_field, 1, &v) > 0)
		return orgapp_page(r, &a);
	if (strcmp(d, "approve") == 0)
		rc = orgapp_decide(r->db, a.id, FA_APPROVE1, &by, NULL);
	else if (strcmp(d, "return") == 0)
		rc = orgapp_decide(r->db, a.id, FA_RETURN1, &by, reason);
	else
		rc = FLOW_BAD_STATE;
	if (rc == FLOW_ERR_DB)
		return 500;
	if (rc != FLOW_OK) {
		form_message(r, orgapp_message(rc), "error");
		if (orgapp_get(r->db, a.id, &a) != 1)
			return 500;
		return orgapp_page(r, &a);
	}
	snprintf(path, sizeof(path), "/o/org/app?id=%lld&done=1",
	    (long long)a.id);
	return req_redirect(r, path);
}

/*
 * Materials: only those of items the viewer's roles review (lib/files.c);
 * any other id is answered 404.  Each view is audited.
 */
int
file_get(struct req *r)
{
	struct attachment f;
	int rc;

	if ((rc = file_for_office(r->db, req_id(r, "id"), r->sess.roles, &f))
	    < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该文件。");
	if (!audit_req(r, "file.view", f.owner_type, f.owner_id, f.filename))
		return 500;
	return store_send(r, &f);
}
