/*
 * records.c -- 参保记录 across units and districts, and 发票: finance
 * records each finished application's premium invoices with their PDFs.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "coverage.h"
#include "db.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "pages.h"
#include "pinvoice.h"
#include "store.h"
#include "valid.h"
#include "view.h"

#define PAGE_SIZE 20

/*
 * 参保记录: every unit's, filtered by 申请编号, 证件号码, 参保项目, 参保年份
 * (this year unless chosen), 区/产业工会 and 单位名称; numbers masked.
 */
int
coverage_get(struct req *r)
{
	struct coverage_ask ask = {
		req_query(r, "no"), req_query(r, "id"), req_query(r, "plan"),
		req_query(r, "year"), req_query(r, "district"),
		req_query(r, "unit_name")
	};
	struct coverage_filter f;
	const char *why_no, *why_id;

	coverage_filter_read(&ask, &f, &why_no, &why_id);
	if (why_no)
		form_error(r, "no", why_no);
	if (why_id)
		form_error(r, "id", why_id);
	if (coverage_view(r->db, &f, req_query(r, "page"), PAGE_SIZE,
	    r->page) == NULL ||
	    !coverage_choices_view(r->db, &f, r->page) ||
	    !org_districts_view(r->db, r->page))
		return 500;
	r->sheet = SHEET_COVERAGE;
	return 200;
}

/* The invoice form's fields, in pinvoice.h's order; the application is
 * ?enroll= / the form's. */
static const struct field invoice_fields[PV__MAX] = {
	[PV_NUMBER] = { "number", FK_TEXT_30, 0, NULL },
	[PV_ISSUED] = { "issued_on", FK_DATE, 0, NULL },
	[PV_AMOUNT] = { "amount", FK_MONEY, 0, NULL },
};

/* A finished application (pinvoice_apps' columns). */
static const struct view_col app_cols[PA__MAX] = {
	[PA_ID] =	{ "@id", VK_INT, NULL, 0 },
	[PA_NO] =	{ "no", VK_TEXT, NULL, 0 },
	[PA_UNIT] =	{ "unit", VK_TEXT, NULL, 0 },
	[PA_PLAN] =	{ "plan", VK_TEXT, NULL, 0 },
	[PA_STARTS] =	{ "starts", VK_DATE, NULL, 0 },
	[PA_ENDS] =	{ "ends", VK_DATE, NULL, 0 },
	[PA_HEADCOUNT] = { "headcount", VK_INT, NULL, 0 },
	[PA_PAID] =	{ "paid", VK_MONEY, NULL, 0 },
	[PA_INVOICED] =	{ "invoiced", VK_MONEY, NULL, 0 },
	[PA_INVOICES] =	{ "@invoices", VK_INT, NULL, 0 },
};

/* An application's invoice (pinvoice_of_enroll's columns). */
static const struct view_col invoice_cols[PI__MAX] = {
	[PI_ID] =	{ "@id", VK_INT, NULL, 0 },
	[PI_NUMBER] =	{ "number", VK_TEXT, NULL, 0 },
	[PI_ISSUED] =	{ "issued", VK_DATE, NULL, 0 },
	[PI_AMOUNT] =	{ "amount", VK_MONEY, NULL, 0 },
	[PI_FILE] =	{ "@file", VK_FLAG, NULL, 0 },
};

/*
 * Each application of `apps` as an <app> under `list`, with its invoices.
 * Returns the number of applications, or -1 on a database error.
 */
static int64_t
apps_view(struct req *r, struct db_res *apps, xmlNodePtr list)
{
	struct db_res *inv;
	xmlNodePtr app;
	int64_t rows = 0;
	int rc;

	while ((rc = db_next(apps)) == 1) {
		app = view_row(list, "app", app_cols, PA__MAX, apps);
		rows++;
		if ((inv = pinvoice_of_enroll(r->db, db_int(apps, PA_ID))) ==
		    NULL)
			return -1;
		rc = view_rows(app, "invoice", invoice_cols, PI__MAX, inv,
		    NULL) < 0;
		db_done(inv);
		if (rc)
			return -1;
	}
	return rc < 0 ? -1 : rows;
}

/*
 * 发票 as finance sees it: 已办结 applications (?q= an application number
 * or part of a unit's name, ?pending=1 only those without an invoice,
 * `enroll` only that one), each with its invoices and the form to record
 * one.  Returns the status.
 */
static int
invoices_page(struct req *r, int64_t enroll)
{
	const char *qs = req_query(r, "q"), *ps = req_query(r, "pending");
	int pending = ps != NULL && strcmp(ps, "1") == 0;
	struct view_paging pg;
	struct db_res *apps;
	xmlNodePtr list;
	char q[4 * 60 + 1];
	int64_t rows;

	if (qs == NULL || valid_text_norm(qs, q, sizeof(q)) < 0)
		q[0] = '\0';
	view_paging_init(&pg, req_query(r, "page"), PAGE_SIZE);
	if ((pg.total = pinvoice_apps_count(r->db, q, enroll, pending)) < 0 ||
	    (apps = pinvoice_apps(r->db, q, enroll, pending,
	    view_paging_offset(&pg), pg.per)) == NULL)
		return 500;
	list = view_add(r->page, "apps", NULL);
	view_attr(list, "q", q);
	view_attrf(list, "enroll", "%lld", (long long)enroll);
	if (pending)
		view_attr(list, "pending", "1");
	rows = apps_view(r, apps, list);
	db_done(apps);
	if (rows < 0)
		return 500;
	view_paging_attrs(list, &pg, rows);
	r->sheet = SHEET_INVOICES;
	return 200;
}

int
invoices_get(struct req *r)
{
	int64_t enroll = req_id(r, "enroll");

	if (req_query(r, "saved"))
		form_message(r, "发票已登记，单位可在“发票管理”中查看下载。", "ok");
	if (enroll)
		view_attrf(form_node(r), "enroll", "%lld", (long long)enroll);
	return invoices_page(r, enroll);
}

/*
 * A refusal of pinvoice_record() on the page: at its field, or for the
 * whole form (no such application, not finished).  `why` is the store's
 * sentence for RF_FILE, `over` the amount RF_PINV_OVER names.
 */
static void
show_refusal(struct req *r, enum refusal rf, const char *why,
    const char *over)
{
	const char *field;
	char msg[300];

	switch (rf) {
	case RF_PINV_NUMBER:
	case RF_PINV_NUMBER_TAKEN:
		field = "number";
		break;
	case RF_PINV_AMOUNT:
	case RF_PINV_OVER:
		field = "amount";
		break;
	case RF_PINV_FUTURE:
		field = "issued_on";
		break;
	case RF_FILE:
		field = "file";
		break;
	default:
		field = NULL;
	}
	if (rf == RF_FILE)
		snprintf(msg, sizeof(msg), "%s", why);
	else
		refusal_textf(rf, over, msg, sizeof(msg));
	if (field)
		form_error(r, field, msg);
	else
		form_message(r, msg, "error");
}

/*
 * The form into *in, and each field's own rule (pinvoice_check) at that
 * field, so every mistake is said at once.  Returns the bad fields.
 */
static int
invoice_read(struct req *r, int64_t enroll, struct pinvoice_new *in)
{
	struct field_val v[PV__MAX];
	enum refusal rf[PV__MAX];
	int bad, i;

	bad = form_read(r, invoice_fields, PV__MAX, v);
	memset(in, 0, sizeof(*in));
	in->enroll = enroll;
	utf8_copy(in->number, sizeof(in->number), v[PV_NUMBER].v, SIZE_MAX);
	snprintf(in->issued_on, sizeof(in->issued_on), "%s",
	    v[PV_ISSUED].date);
	in->amount = v[PV_AMOUNT].fen;
	pinvoice_check(in, rf);
	for (i = 0; i < PV__MAX; i++)
		if (v[i].err == NULL && rf[i] != RF_OK) {
			form_error(r, invoice_fields[i].name,
			    refusal_text(rf[i]));
			bad++;
		}
	return bad;
}

/*
 * 登记发票: the form of application ?enroll=.  A refusal re-renders that
 * application with the input kept and the message at its field.
 */
int
invoices_post(struct req *r)
{
	struct pinvoice_new in;
	struct actor by = actor_of(r);
	int64_t enroll = req_id(r, "enroll"), id;
	const char *why;
	char over[32], path[80];
	enum refusal rf;

	view_attrf(form_node(r), "enroll", "%lld", (long long)enroll);
	if (invoice_read(r, enroll, &in) > 0)
		return invoices_page(r, enroll);
	rf = pinvoice_record(r->db, &by, &in, req_file(r, "file"), &id, &why,
	    over);
	if (rf == RF_DB)
		return 500;
	if (rf != RF_OK) {
		show_refusal(r, rf, why, over);
		return invoices_page(r, enroll);
	}
	snprintf(path, sizeof(path), "/o/invoices?enroll=%lld&saved=1",
	    (long long)enroll);
	return req_redirect(r, path);
}

/* The PDF of invoice ?id=, for finance and admin (files.c), audited. */
int
invoice_file_get(struct req *r)
{
	int64_t id = req_id(r, "id"), file;
	struct attachment a;
	int st;

	if ((st = pinvoice_attachment(r->db, id, 0, &file)) == 1)
		st = file_for_office(r->db, file, r->sess.roles, &a);
	if (st < 0)
		return 500;
	if (st == 0)
		return req_error_page(r, 404, "未找到该发票。");
	if (!audit_req(r, "pinvoice.file", "premium_invoice", id, a.filename))
		return 500;
	return store_send(r, &a);
}
