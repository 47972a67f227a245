/*
 * transfer.c -- 单位绑定: find the unit, download the authorisation
 * letter, upload it filled and stamped, 上报, follow the review.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "files.h"
#include "flows.h"
#include "form.h"
#include "http.h"
#include "orgapp.h"
#include "pages.h"
#include "rand.h"
#include "store.h"
#include "transfer.h"
#include "view.h"
#include "xlsx.h"

/* The request of ?id= / the form's id, if this agent filed it. */
static int
own_transfer(struct req *r, struct transfer *t)
{
	int rc;

	if ((rc = transfer_get(r->db, req_id(r, "id"), t)) < 0)
		return 500;
	if (rc == 0 || t->agent_id != r->sess.subject)
		return req_error_page(r, 404, "未找到该绑定申请。");
	return 0;
}

static int
item_page(struct req *r, const struct transfer *t)
{
	xmlNodePtr n;

	n = flow_view_item(r->page, "transfer", &t->flow);
	view_add(n, "unit", t->unit_name);
	view_add(n, "previous", t->previous);
	if (!store_list(r->db, "transfer", t->id, n) ||
	    !flow_timeline(r->db, &t->flow, n))
		return 500;
	r->sheet = SHEET_TRANSFER;
	return 200;
}

/* The list with the unit search; or one request with ?id=. */
int
transfer_get_page(struct req *r)
{
	struct transfer t;
	struct db_res *res;
	xmlNodePtr list, it;
	const char *q = req_query(r, "q");
	int st;

	if (req_query(r, "id")) {
		if ((st = own_transfer(r, &t)) != 0)
			return st;
		if (req_query(r, "done"))
			form_message(r, "已保存。", "ok");
		return item_page(r, &t);
	}
	if ((res = transfer_by_agent(r->db, r->sess.subject)) == NULL)
		return 500;
	list = view_add(r->page, "transfers", NULL);
	while (db_next(res) == 1) {
		it = flow_view_state(list, "transfer", &transfer_flow,
		    db_int(res, 0), db_col(res, 1));
		view_add(it, "unit", db_col(res, 2));
		view_add(it, "updated", db_col(res, 5));
	}
	db_done(res);
	if (q && *q && !orgapp_candidates(r->db, q, r->page))
		return 500;
	r->sheet = SHEET_TRANSFER;
	return 200;
}

int
transfer_new_post(struct req *r)
{
	struct flow_actor by;
	enum refusal rf;
	char path[64];
	int64_t id;

	flow_actor_of(r, &by);
	if ((rf = transfer_create(r->db, req_id(r, "unit"), &by, &id)) == RF_DB)
		return 500;
	if (rf != RF_OK) {
		form_message(r, refusal_text(rf), "error");
		r->sheet = SHEET_TRANSFER;
		view_add(r->page, "transfers", NULL);
		return 200;
	}
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", (long long)id);
	return req_redirect(r, path);
}

int
transfer_upload_post(struct req *r)
{
	struct flow_actor by;
	struct transfer t;
	enum refusal rf;
	const char *why;
	char path[64];
	int st;

	if ((st = own_transfer(r, &t)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = flow_attach(r->db, &transfer_flow, t.id, req_file(r, "file"),
	    AK_AUTHORIZATION, &by, &why)) == RF_DB)
		return 500;
	if (rf == RF_OK) {
		snprintf(path, sizeof(path), "/u/transfer?id=%lld&done=1",
		    (long long)t.id);
		return req_redirect(r, path);
	}
	form_message(r, rf == RF_FILE ? why : refusal_text(rf), "error");
	return item_page(r, &t);
}

/* 上报 or 删除, by the filing agent. */
static int
step(struct req *r, enum flow_action action)
{
	struct flow_actor by;
	struct transfer t;
	enum refusal rf;
	char path[64];
	int st;

	if ((st = own_transfer(r, &t)) != 0)
		return st;
	flow_actor_of(r, &by);
	if ((rf = flow_step_once(r->db, &transfer_flow, t.id, action, &by,
	    NULL)) == RF_DB)
		return 500;
	if (rf != RF_OK) {
		form_message(r, refusal_text(rf), "error");
		if (transfer_get(r->db, t.id, &t) != 1)
			return 500;
		return item_page(r, &t);
	}
	snprintf(path, sizeof(path), "/u/transfer?id=%lld", (long long)t.id);
	return req_redirect(r, action == FA_CANCEL ? "/u/transfer" : path);
}

int
transfer_submit_post(struct req *r)
{
	return step(r, FA_SUBMIT);
}

int
transfer_cancel_post(struct req *r)
{
	return step(r, FA_CANCEL);
}

int
transfer_letter_get(struct req *r)
{
	char path[1024], hex[17];

	if (!rand_hex(hex, 8))
		return 500;
	snprintf(path, sizeof(path), "%s/%s.xlsx", conf_str(CONF_TMP_DIR), hex);
	if (!transfer_letter(path, conf_str(CONF_TMP_DIR)))
		return 500;
	return req_send_file(r, path, XLSX_MIME, "单位绑定授权书模板.xlsx");
}

int
transfer_file_get(struct req *r)
{
	struct attachment a;
	struct transfer t;
	int rc;

	if ((rc = own_transfer(r, &t)) != 0)
		return rc;
	if ((rc = file_for_agent(r->db, req_id(r, "file"), r->sess.subject,
	    "transfer", &a)) < 0)
		return 500;
	if (rc == 0 || a.owner_id != t.id)
		return req_error_page(r, 404, "未找到该文件。");
	return store_send(r, &a);
}
