/*
 * payout.c -- 打款管理 (finance; admin reads): the batches, a new batch
 * from the approved claims, a batch with its lines, the bank file, the
 * bank's result by file or by hand, 退票.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "claim.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "pages.h"
#include "payout.h"
#include "store.h"
#include "view.h"

#define PAGE_SIZE	20
#define LINES_PAGE	50

int
payouts_get(struct req *r)
{
	if (!payout_batches_view(r->db, req_query(r, "page"), PAGE_SIZE,
	    r->page))
		return 500;
	r->sheet = SHEET_PAYOUTS;
	return 200;
}

/* The new batch page's filter (?district=, ?kind=, or the form's). */
static void
pick_read(struct req *r, struct payout_pick *f)
{
	const char *k = req_query(r, "kind");
	int64_t d = req_id(r, "district");

	if (k == NULL)
		k = req_form(r, "kind");
	f->district = d;
	f->kind = k && *k ? (int)plan_kind_named(k) : -1;
	if (f->kind >= PK__MAX)
		f->kind = -1;
}

/* The new batch page: the payable claims under the filter, the kinds. */
static int
new_page(struct req *r, const struct payout_pick *f)
{
	xmlNodePtr kinds, filter;
	int k;

	filter = view_add(r->page, "pick", NULL);
	view_attrf(filter, "district", "%lld", (long long)f->district);
	view_attr(filter, "kind", f->kind >= 0 ? plan_kinds[f->kind].name : "");
	kinds = view_add(r->page, "kinds", NULL);
	for (k = 0; k < PK__MAX; k++)
		view_attr(view_add(kinds, "kind", claim_kind_labels[k]), "name",
		    plan_kinds[k].name);
	if (!payout_payable_view(r->db, f, req_query(r, "page"), PAGE_SIZE,
	    r->page) || !org_districts_view(r->db, r->page))
		return 500;
	r->sheet = SHEET_PAYOUT_NEW;
	return 200;
}

int
payout_new_get(struct req *r)
{
	struct payout_pick f;

	pick_read(r, &f);
	return new_page(r, &f);
}

/* 生成打款批次: the ticked claims (claim=ID, repeated), or with all=1
 * every one the filter shows. */
int
payout_new_post(struct req *r)
{
	struct payout_pick f;
	struct flow_actor by;
	int64_t *ids, batch = 0;
	const char *s;
	char *end, path[80];
	enum refusal rf;
	size_t i, n = 0;
	int st;

	pick_read(r, &f);
	flow_actor_of(r, &by);
	if ((ids = calloc(r->form.n + 1, sizeof(*ids))) == NULL)
		return 500;
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, "claim") != 0)
			continue;
		s = r->form.v[i].val;
		ids[n] = strtoll(s, &end, 10);
		if (end != s && *end == '\0' && ids[n] > 0)
			n++;
	}
	rf = payout_batch_make(r->db, ids, n, strcmp(req_form(r, "all"), "1")
	    == 0, &f, &by, &batch);
	free(ids);
	if (rf != RF_OK) {
		if ((st = form_refuse(r, rf, NULL)) != 200)
			return st;
		return new_page(r, &f);
	}
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld&made=1",
	    (long long)batch);
	return req_redirect(r, path);
}

/* The batch page, with `msg` (kind `kind`) when not NULL. */
static int
batch_page(struct req *r, int64_t id)
{
	static const struct { const char *key, *msg; } said[] = {
		{ "made", "打款批次已生成，请下载打款文件交银行。" },
		{ "recorded", "已记录该笔的银行结果。" },
		{ "again", "该笔已记录过同样的结果，未重复记录。" },
		{ "returned", "已登记退票，申请人将收到“打款失败，请修正信息”的通知。" },
	};
	const char *state = req_query(r, "state");
	size_t i;
	int rc;

	for (i = 0; i < sizeof(said) / sizeof(said[0]); i++)
		if (req_query(r, said[i].key))
			form_message(r, said[i].msg, "ok");
	if (state && strcmp(state, "pending") != 0 &&
	    strcmp(state, "paid") != 0 && strcmp(state, "failed") != 0 &&
	    strcmp(state, "returned") != 0)
		state = "";
	if ((rc = payout_batch_view(r->db, id, state, req_query(r, "page"),
	    LINES_PAGE, r->page)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该打款批次。");
	if (req_query(r, "imported"))
		view_attr(form_node(r), "imported", req_query(r, "imported"));
	r->sheet = SHEET_PAYOUT;
	return 200;
}

int
payout_batch_get(struct req *r)
{
	return batch_page(r, req_id(r, "id"));
}

/* The bank file of batch ?id=, made on first asking, audited. */
int
payout_file_get(struct req *r)
{
	int64_t id = req_id(r, "id");
	struct flow_actor by;
	struct attachment a;
	enum refusal rf;

	flow_actor_of(r, &by);
	if ((rf = payout_file(r->db, id, &by, &a)) != RF_OK)
		return page_refuse(r, rf, 404);
	if (!audit_req(r, "payout.download", "payout_batch", id, a.filename))
		return 500;
	return store_send(r, &a);
}

/* 导入银行结果: the result file of batch ?id=. */
int
payout_import_post(struct req *r)
{
	const struct upload *u = req_file(r, "file");
	int64_t id = req_id(r, "id");
	struct payout_tally t;
	struct flow_actor by;
	enum refusal rf;
	char path[100], msg[300];
	int st;

	if (u == NULL || u->size == 0) {
		form_error(r, "file", "请选择银行结果文件（.xlsx）");
		return batch_page(r, id);
	}
	flow_actor_of(r, &by);
	rf = payout_import(r->db, id, u->path, u->filename, &by, &t);
	if (rf == RF_NOT_FOUND)
		return page_refuse(r, rf, 404);
	if (rf == RF_PAYOUT_DUP_FILE) {
		snprintf(msg, sizeof(msg), "%s（该文件当时：成功 %d 笔，失败 %d 笔，"
		    "参考号不符 %d 笔，金额不符 %d 笔）", refusal_text(rf), t.paid,
		    t.failed, t.unknown, t.mismatch);
		form_message(r, msg, "error");
		return batch_page(r, id);
	}
	if (rf != RF_OK) {
		if ((st = form_refuse(r, rf, rf == RF_PAYOUT_RESULT_FILE ?
		    "file" : NULL)) != 200)
			return st;
		return batch_page(r, id);
	}
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld&imported=%lld",
	    (long long)id, (long long)t.import_id);
	return req_redirect(r, path);
}

/* A line's result by hand: ?id= the batch, line, result paid|failed and
 * the bank's reason for a failure. */
int
payout_record_post(struct req *r)
{
	int64_t id = req_id(r, "id"), line = req_id(r, "line");
	const char *res = req_form(r, "result");
	struct flow_actor by;
	enum refusal rf;
	char path[100];
	int again = 0, st;

	flow_actor_of(r, &by);
	if (strcmp(res, "paid") != 0 && strcmp(res, "failed") != 0) {
		form_message(r, "请选择银行结果：成功或失败", "error");
		return batch_page(r, id);
	}
	rf = payout_record(r->db, id, line, strcmp(res, "paid") == 0 ?
	    PR_PAID : PR_FAILED, req_form(r, "reason"), &by, &again);
	if (rf == RF_NOT_FOUND)
		return page_refuse(r, rf, 404);
	if (rf != RF_OK) {
		if ((st = form_refuse(r, rf, rf == RF_NEED_REASON ? "reason" :
		    NULL)) != 200)
			return st;
		view_attrf(form_node(r), "line", "%lld", (long long)line);
		return batch_page(r, id);
	}
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld&%s=1",
	    (long long)id, again ? "again" : "recorded");
	return req_redirect(r, path);
}

/* 退票: paid line `line` of batch ?id= came back, with the bank's reason. */
int
payout_return_post(struct req *r)
{
	int64_t id = req_id(r, "id"), line = req_id(r, "line");
	struct flow_actor by;
	enum refusal rf;
	char path[100];
	int st;

	flow_actor_of(r, &by);
	rf = payout_return(r->db, id, line, req_form(r, "reason"), &by);
	if (rf == RF_NOT_FOUND)
		return page_refuse(r, rf, 404);
	if (rf != RF_OK) {
		if ((st = form_refuse(r, rf, rf == RF_NEED_REASON ? "reason" :
		    NULL)) != 200)
			return st;
		view_attrf(form_node(r), "line", "%lld", (long long)line);
		return batch_page(r, id);
	}
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld&returned=1",
	    (long long)id);
	return req_redirect(r, path);
}
