/*
 * claim.c -- 补助申请 on the member's phone (SPEC §6, seed 001): the
 * member's claims; 申请住院补助金 in three steps, each kept as a draft
 * (the ID card's two sides; the stay with its settlement sheet or
 * invoice; the payout account, the attestation and 确认提交); the detail
 * with its progress and only the actions its state allows (删除 / 修改 /
 * 修正信息 / 审核进度); the claim's own photos.  Only the member's own
 * claims: any other id is answered 404, as if it did not exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "claim.h"
#include "claimform.h"
#include "files.h"
#include "flow.h"
#include "form.h"
#include "http.h"
#include "member.h"
#include "pages.h"
#include "store.h"
#include "view.h"

#define PAGE_SIZE 20

/* Step 2: 住院信息 (columns: hospital and disease 100, invoice 40). */
enum event_field { EF_HOSPITAL, EF_ADMITTED, EF_DISCHARGED, EF_DISEASE,
    EF_INVOICE_NO, EF__MAX };

static const struct field event_fields[EF__MAX] = {
	[EF_HOSPITAL] =   { "hospital", FK_TEXT_60, 0, NULL },
	[EF_ADMITTED] =   { "admitted", FK_DATE, 0, NULL },
	[EF_DISCHARGED] = { "discharged", FK_DATE, 0, NULL },
	[EF_DISEASE] =    { "disease", FK_TEXT_60, 0, NULL },
	[EF_INVOICE_NO] = { "invoice_no", FK_TEXT_30, 1, NULL },
};

/* Step 3 and 修正信息: 补助金收款账户. */
enum payee_field { PF_PAYEE, PF_CARD, PF_BANK, PF_BRANCH, PF_PHONE,
    PF_NOTE, PF__MAX };

static const struct field payee_fields[PF__MAX] = {
	[PF_PAYEE] =  { "payee", FK_NAME, 0, NULL },
	[PF_CARD] =   { "card", FK_BANK_CARD, 0, NULL },
	[PF_BANK] =   { "bank", FK_TEXT_60, 0, NULL },
	[PF_BRANCH] = { "branch", FK_TEXT_60, 0, NULL },
	[PF_PHONE] =  { "bank_phone", FK_PHONE, 0, NULL },
	[PF_NOTE] =   { "payee_note", FK_NOTE, 1, NULL },
};

/* The photos each step takes, by their material names (store.h). */
static const char *const step_photos[4][3] = {
	{ NULL }, { "id_front", "id_back", NULL },
	{ "settlement", "receipt", NULL }, { "payee_doc", NULL },
};

/* The member's own claim ?id= (or the form's id): 0 with *c, else the
 * status answered. */
static int
own_claim(struct req *r, struct claim *c)
{
	int rc;

	if ((rc = claim_of_member(r->db, req_id(r, "id"), r->sess.subject, c))
	    < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该补助申请。");
	return 0;
}

/* Where to go: path with the claim's id and `rest`; returns 303. */
static int
go_to(struct req *r, const char *path, int64_t id, const char *rest)
{
	char to[128];

	snprintf(to, sizeof(to), "%s?id=%lld%s", path, (long long)id, rest);
	return req_redirect(r, to);
}

int
claims_get(struct req *r)
{
	if (!claim_list_view(r->db, r->sess.subject, 0, req_query(r, "page"),
	    PAGE_SIZE, r->page))
		return 500;
	r->sheet = SHEET_CLAIMS;
	return 200;
}

/* 申请住院补助金: a new draft, then its first step. */
int
claim_new_post(struct req *r)
{
	struct claim_new n = { PK_INPATIENT, 0, CC_MEMBER, r->sess.subject, 0 };
	struct flow_actor by;
	enum refusal rf;
	int64_t id = 0;

	flow_actor_of(r, &by);
	if ((rf = claim_create(r->db, &n, &by, &id)) == RF_OK)
		return go_to(r, "/m/claim/step", id, "&n=1");
	if (form_refuse(r, rf, NULL) != 200)
		return 500;
	return claims_get(r);
}

/* The claim as the member's pages show it: the detail, the district's
 * rules, the photos; NULL on a database error. */
static xmlNodePtr
claim_page(struct req *r, const struct claim *c)
{
	xmlNodePtr n;

	if ((n = claim_view(r->db, c, 0, r->page)) == NULL ||
	    !claim_form_view(r->db, c, n) ||
	    !store_list(r->db, "claim", c->id, n))
		return NULL;
	return n;
}

/* The detail: every field, 审核进度, the actions of its state. */
static int
detail(struct req *r, const struct claim *c)
{
	xmlNodePtr n;

	if ((n = claim_page(r, c)) == NULL ||
	    !flow_timeline(r->db, &c->flow, n))
		return 500;
	if (req_query(r, "done"))
		view_attr(n, "done", req_query(r, "done"));
	r->sheet = SHEET_CLAIM;
	return 200;
}

int
claim_get_page(struct req *r)
{
	struct claim c;
	int st;

	if ((st = own_claim(r, &c)) != 0)
		return st;
	return detail(r, &c);
}

/* The form's step `at` (1..3, or "correct" for 修正信息). */
static int
form_page(struct req *r, const struct claim *c, const char *at)
{
	xmlNodePtr n;

	if ((n = claim_page(r, c)) == NULL)
		return 500;
	view_attr(n, "at", at);
	form_node(r);
	r->sheet = SHEET_CLAIM_FORM;
	return 200;
}

/* The saved values on a step's first view. */
static void
fill_step(struct req *r, const struct claim *c, int at)
{
	const struct member *m = r->extra;	/* loaded with the session */

	if (at == 2) {
		form_fill(r, "hospital", c->hospital);
		form_fill(r, "admitted", c->admitted);
		form_fill(r, "discharged", c->discharged);
		form_fill(r, "disease", c->disease);
		form_fill(r, "invoice_no", c->invoice_no);
	} else if (at == 3) {
		/* 开户人 is the member unless they say otherwise. */
		form_fill(r, "payee", *c->payee ? c->payee : m->name);
		form_fill_field(r, &payee_fields[PF_CARD], c->card);
		form_fill(r, "bank", c->bank);
		form_fill(r, "branch", c->branch);
		form_fill(r, "bank_phone", *c->bank_phone ? c->bank_phone :
		    m->bound_phone);
		form_fill(r, "payee_note", c->payee_note);
	}
}

int
claim_step_get(struct req *r)
{
	const char *n = req_query(r, "n");
	struct claim c;
	int st, at = n ? atoi(n) : 1;
	char s[4];

	if ((st = own_claim(r, &c)) != 0)
		return st;
	if (!flow_editable(&c.flow))
		return go_to(r, "/m/claim", c.id, "");
	if (at < 1 || at > 3)
		at = 1;
	fill_step(r, &c, at);
	snprintf(s, sizeof(s), "%d", at);
	return form_page(r, &c, s);
}

/*
 * Keeps the photos posted with step `at` as the claim's materials.
 * Returns the number refused (each message on its field), -1 on a
 * database error.
 */
static int
attach_posted(struct req *r, const struct claim *c, int at,
    const struct flow_actor *by)
{
	const struct upload *u;
	const char *why;
	enum refusal rf;
	int i, bad = 0;

	for (i = 0; step_photos[at][i]; i++) {
		u = req_file(r, step_photos[at][i]);
		if (u == NULL || u->size == 0)
			continue;	/* kept from before, or none yet */
		rf = claim_attach(r->db, c, u, step_photos[at][i], by, &why);
		if (rf == RF_DB)
			return -1;
		if (rf == RF_FILE) {
			form_error(r, step_photos[at][i], why);
			bad++;
		} else if (rf != RF_OK) {
			form_refuse(r, rf, step_photos[at][i]);
			bad++;
		}
	}
	return bad;
}

/* 下一步: the step's photos are there, then the next step. */
static int
next_step(struct req *r, const struct claim *c, int at)
{
	enum refusal rf;
	char s[8];

	if ((rf = claim_step_check(r->db, c, at)) == RF_OK) {
		snprintf(s, sizeof(s), "&n=%d", at + 1);
		return go_to(r, "/m/claim/step", c->id, s);
	}
	if (form_refuse(r, rf, NULL) != 200)
		return 500;
	snprintf(s, sizeof(s), "%d", at);
	return form_page(r, c, s);
}

/* Step 2: the stay. */
static int
event_post(struct req *r, const struct claim *c, const char *go,
    const struct flow_actor *by)
{
	struct field_val v[EF__MAX];
	struct claim_event e;
	enum refusal rf;

	if (form_read(r, event_fields, EF__MAX, v) > 0)
		return form_page(r, c, "2");
	e = (struct claim_event){ v[EF_HOSPITAL].v, v[EF_ADMITTED].date,
	    v[EF_DISCHARGED].date, NULL, v[EF_DISEASE].v, NULL,
	    v[EF_INVOICE_NO].v, 0, 0 };
	rf = claim_set_event(r->db, c->id, &e, strcmp(go, "next") == 0 ? 3 :
	    2, by);
	if (rf != RF_OK) {
		if (form_refuse(r, rf, rf == RF_CLAIM_DATES ? "discharged" :
		    NULL) != 200)
			return 500;
		return form_page(r, c, "2");
	}
	if (strcmp(go, "prev") == 0)
		return go_to(r, "/m/claim/step", c->id, "&n=1");
	return next_step(r, c, 2);
}

/* Step 3: the account, and 确认提交. */
static int
payee_post(struct req *r, const struct claim *c, const char *go,
    const struct flow_actor *by)
{
	struct field_val v[PF__MAX];
	struct claim_payee p;
	enum refusal rf;
	const char *field;

	form_echo(r, "attest");
	if (form_read(r, payee_fields, PF__MAX, v) > 0)
		return form_page(r, c, "3");
	p = (struct claim_payee){ v[PF_PAYEE].v, v[PF_CARD].v, v[PF_BANK].v,
	    v[PF_BRANCH].v, v[PF_PHONE].v, v[PF_NOTE].v };
	if ((rf = claim_set_payee(r->db, c->id, &p, 3, by)) != RF_OK) {
		if (form_refuse(r, rf, NULL) != 200)
			return 500;
		return form_page(r, c, "3");
	}
	if (strcmp(go, "prev") == 0)
		return go_to(r, "/m/claim/step", c->id, "&n=2");
	if (strcmp(go, "submit") != 0)
		return form_page(r, c, "3");
	/* A card failing the Luhn check: once more on purpose. */
	if (form_warned(v, PF__MAX) &&
	    strcmp(req_form(r, "card_confirmed"), v[PF_CARD].v) != 0) {
		view_attr(form_node(r), "confirm-card", v[PF_CARD].v);
		form_message(r, "银行卡号未通过校验，请核对；确认无误请再次点击"
		    "确认提交", "error");
		return form_page(r, c, "3");
	}
	rf = claim_submit(r->db, c->id, *req_form(r, "attest") != '\0', by);
	if (rf == RF_OK)
		return go_to(r, "/m/claim", c->id, "&done=submitted");
	field = rf == RF_CLAIM_ATTEST ? "attest" : rf == RF_CLAIM_PAYEE_OTHER ?
	    "payee_note" : NULL;
	if (form_refuse(r, rf, field) != 200)
		return 500;
	return form_page(r, c, "3");
}

int
claim_step_post(struct req *r)
{
	const char *go = req_form(r, "go");
	struct flow_actor by;
	struct claim c;
	int st, at = atoi(req_form(r, "n")), bad;
	char s[4];

	if ((st = own_claim(r, &c)) != 0)
		return st;
	if (at < 1 || at > 3)
		return req_error_page(r, 404, "未找到该页面。");
	if (!flow_editable(&c.flow)) {
		if (form_refuse(r, RF_SUBMITTED, NULL) != 200)
			return 500;
		return detail(r, &c);
	}
	flow_actor_of(r, &by);
	snprintf(s, sizeof(s), "%d", at);
	if ((bad = attach_posted(r, &c, at, &by)) < 0)
		return 500;
	if (bad > 0) {
		/* What was typed stays on the form with the photo's reason. */
		struct field_val v[PF__MAX];

		if (at == 2)
			form_read(r, event_fields, EF__MAX, v);
		else if (at == 3) {
			form_read(r, payee_fields, PF__MAX, v);
			form_echo(r, "attest");
		}
		return form_page(r, &c, s);
	}
	if (at == 2)
		return event_post(r, &c, go, &by);
	if (at == 3)
		return payee_post(r, &c, go, &by);
	return next_step(r, &c, 1);
}

/* 删除: a draft the member no longer wants. */
int
claim_delete_post(struct req *r)
{
	struct flow_actor by;
	struct claim c;
	enum refusal rf;
	int st;

	if ((st = own_claim(r, &c)) != 0)
		return st;
	flow_actor_of(r, &by);
	rf = flow_step_once(r->db, &claim_flow, c.id, FA_CANCEL, &by, NULL);
	if (rf == RF_OK)
		return req_redirect(r, "/m/claims");
	if (form_refuse(r, rf, NULL) != 200)
		return 500;
	return detail(r, &c);
}

/* 修正信息: after 打款失败, the account corrected. */
int
claim_correct_get(struct req *r)
{
	struct claim c;
	int st;

	if ((st = own_claim(r, &c)) != 0)
		return st;
	if (c.flow.state != flow_state_index(&claim_flow, "failed"))
		return go_to(r, "/m/claim", c.id, "");
	fill_step(r, &c, 3);
	return form_page(r, &c, "correct");
}

int
claim_correct_post(struct req *r)
{
	struct field_val v[PF__MAX];
	struct flow_actor by;
	struct claim_payee p;
	struct claim c;
	enum refusal rf;
	int st;

	if ((st = own_claim(r, &c)) != 0)
		return st;
	if (form_read(r, payee_fields, PF__MAX, v) > 0)
		return form_page(r, &c, "correct");
	/* The note on another holder is kept: this form does not show it. */
	p = (struct claim_payee){ v[PF_PAYEE].v, v[PF_CARD].v, v[PF_BANK].v,
	    v[PF_BRANCH].v, v[PF_PHONE].v, c.payee_note };
	flow_actor_of(r, &by);
	if ((rf = claim_correct(r->db, c.id, &p, &by)) == RF_OK)
		return go_to(r, "/m/claim", c.id, "&done=corrected");
	if (form_refuse(r, rf, NULL) != 200)
		return 500;
	return form_page(r, &c, "correct");
}

/* One of the claim's photos, the member's own only; each view audited. */
int
claim_file_get(struct req *r)
{
	struct attachment a;
	struct claim c;
	int rc;

	if ((rc = own_claim(r, &c)) != 0)
		return rc;
	if ((rc = file_for_member(r->db, req_id(r, "file"), r->sess.subject,
	    "claim", &a)) < 0)
		return 500;
	if (rc == 0 || a.owner_id != c.id)
		return req_error_page(r, 404, "未找到该文件。");
	if (!audit_req(r, "file.view", "claim", c.id, a.filename))
		return 500;
	return req_query(r, "inline") ? store_show(r, &a) : store_send(r, &a);
}
