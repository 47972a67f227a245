/*
 * invoice.c -- 开票信息: one per unit; several invoice titles are
 * explained by an attached note.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "invoice.h"
#include "pages.h"
#include "store.h"
#include "valid.h"
#include "view.h"

/* A checked value into a fixed field, cut on a character boundary if it
 * could ever be longer (the fields hold the form's max characters). */
#define COPY(dst, src) utf8_copy((dst), sizeof(dst), (src), SIZE_MAX)

enum {
	IF_TITLE, IF_TAX, IF_ADDRESS, IF_PHONE, IF_BANK, IF_ACCOUNT, IF__MAX
};
static const struct field fields[IF__MAX] = {
	[IF_TITLE] =   { "title", FK_TEXT_120, 0, NULL },
	[IF_TAX] =     { "tax_no", FK_CREDIT_CODE, 0, NULL },
	[IF_ADDRESS] = { "address", FK_TEXT, 1, NULL },
	[IF_PHONE] =   { "phone", FK_TEXT_30, 1, NULL },
	[IF_BANK] =    { "bank", FK_TEXT_120, 1, NULL },
	[IF_ACCOUNT] = { "account", FK_BANK_CARD, 1, NULL },
};

static int
invoice_page(struct req *r, int64_t unit, int fill)
{
	struct invoice v;
	xmlNodePtr n;
	int rc;

	if ((rc = invoice_get(r->db, unit, &v)) < 0 || !units_add(r))
		return 500;
	n = view_add(r->page, "invoice", NULL);
	if (rc == 1) {
		view_attr(n, "updated", v.updated_at);
		if (v.several)
			view_attr(n, "several", "1");
	}
	if (!store_list(r->db, "invoice", unit, n))
		return 500;
	if (fill && rc == 1) {
		form_fill(r, "title", v.title);
		form_fill(r, "tax_no", v.tax_no);
		form_fill(r, "address", v.address);
		form_fill(r, "phone", v.phone);
		form_fill(r, "bank", v.bank);
		form_fill_field(r, &fields[IF_ACCOUNT], v.account);
	}
	r->sheet = SHEET_INVOICE;
	return 200;
}

int
invoice_get_page(struct req *r)
{
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (req_query(r, "saved"))
		form_message(r, "开票信息已保存。", "ok");
	return invoice_page(r, unit, 1);
}

/* The checked form into *iv. */
static void
invoice_from_form(const struct field_val *v, int several, struct invoice *iv)
{
	memset(iv, 0, sizeof(*iv));
	COPY(iv->title, v[IF_TITLE].v);
	COPY(iv->tax_no, v[IF_TAX].v);
	COPY(iv->address, v[IF_ADDRESS].v);
	COPY(iv->phone, v[IF_PHONE].v);
	COPY(iv->bank, v[IF_BANK].v);
	COPY(iv->account, v[IF_ACCOUNT].v);
	iv->several = several;
}

int
invoice_post(struct req *r)
{
	struct field_val v[IF__MAX];
	struct actor by = actor_of(r);
	struct invoice iv;
	enum refusal rf;
	const char *why;
	char path[64];
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (form_read(r, fields, IF__MAX, v) > 0)
		return invoice_page(r, unit, 0);
	invoice_from_form(v, *req_form(r, "several") != '\0', &iv);
	iv.unit_id = unit;
	rf = invoice_save(r->db, &by, &iv, req_file(r, "note"), &why);
	if (rf == RF_FILE)
		form_message(r, why, "error");
	else if (rf != RF_OK && form_refuse(r, rf, NULL) != 200)
		return 500;
	if (rf != RF_OK)
		return invoice_page(r, unit, 0);
	snprintf(path, sizeof(path), "/u/invoice?unit=%lld&saved=1",
	    (long long)unit);
	return req_redirect(r, path);
}

int
invoice_file_get(struct req *r)
{
	struct attachment a;
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if ((st = file_for_agent(r->db, req_id(r, "id"), r->sess.subject,
	    "invoice", &a)) < 0)
		return 500;
	if (st == 0 || a.owner_id != unit)
		return req_error_page(r, 404, "未找到该文件。");
	return store_send(r, &a);
}
