/*
 * recover.c -- 找回密码 beyond the SMS code: by a link mailed to the
 * account's e-mail address (set on 账号), and the page a link opens to
 * set the new password (the same page takes an approved 申诉's link).
 */
#include <string.h>

#include "audit.h"
#include "form.h"
#include "http.h"
#include "mail.h"
#include "pages.h"
#include "recover.h"
#include "view.h"

static const struct field mail_fields[] = {
	{ "email", FK_EMAIL, 0, NULL },
};

enum { RS_TOKEN, RS_NEW, RS_NEW2, RS__MAX };
static const struct field reset_fields[RS__MAX] = {
	[RS_TOKEN] = { "token", FK_TEXT, 0, NULL },
	[RS_NEW] =   { "password", FK_NEW_PASSWORD, 0, NULL },
	[RS_NEW2] =  { "password2", FK_PASSWORD, 0, NULL },
};

static const struct field email_fields[] = {
	{ "email", FK_EMAIL, 1, NULL },
};

/* The recovery page in mode `mode` (mail, sent, reset, dead). */
static int
recover_page(struct req *r, const char *mode)
{
	view_attr(r->page, "mode", mode);
	r->sheet = SHEET_RECOVER;
	return 200;
}

int
forgot_mail_get(struct req *r)
{
	if (!mail_on())
		return 404;
	return recover_page(r, "mail");
}

/* Whether the address has an account is never told: the answer is the
 * same, and only the account's owner receives anything. */
int
forgot_mail_post(struct req *r)
{
	struct field_val v;

	if (!mail_on())
		return 404;
	if (form_read(r, mail_fields, 1, &v) > 0)
		return recover_page(r, "mail");
	if (recover_mail_ask(r->db, v.v, r->remote_addr) != RF_OK)
		return 500;
	view_attr(r->page, "email", v.v);
	return recover_page(r, "sent");
}

/* The link's page: the form for the new password, or why it is dead. */
int
recover_reset_get(struct req *r)
{
	const char *token = req_query(r, "token");
	int ok = recover_link_ok(r->db, token);

	if (ok < 0)
		return 500;
	if (!ok) {
		form_refuse(r, RF_RECOVER_LINK, NULL);
		return recover_page(r, "dead");
	}
	form_fill(r, "token", token);
	view_attr(r->page, "action", r->path);
	return recover_page(r, "reset");
}

int
recover_reset_post(struct req *r)
{
	struct field_val v[RS__MAX];
	enum refusal rf;

	view_attr(r->page, "action", r->path);
	form_fill(r, "token", req_form(r, "token"));
	if (form_read(r, reset_fields, RS__MAX, v) > 0)
		return recover_page(r, "reset");
	if (strcmp(v[RS_NEW].v, v[RS_NEW2].v) != 0) {
		form_refuse(r, RF_PASSWORD_MISMATCH, "password2");
		return recover_page(r, "reset");
	}
	rf = recover_complete(r->db, v[RS_TOKEN].v, v[RS_NEW].v,
	    r->remote_addr);
	if (rf == RF_DB)
		return 500;
	if (rf == RF_RECOVER_LINK) {
		form_refuse(r, rf, NULL);
		return recover_page(r, "dead");
	}
	if (rf != RF_OK) {
		form_refuse(r, rf, NULL);
		return recover_page(r, "reset");
	}
	return req_redirect(r, "/u/login?tab=password&reset=1");
}

int
account_email_view(struct req *r)
{
	char email[128];

	if (!recover_email_of(r->db, r->sess.subject, email, sizeof(email)))
		return 0;
	view_attr(r->page, "email", email);
	if (mail_on())
		view_attr(r->page, "mail", "1");
	return 1;
}

/* 账号: set or clear the e-mail address 找回密码 mails to. */
int
account_email_post(struct req *r)
{
	struct field_val v;
	struct actor by = actor_of(r);
	enum refusal rf;

	r->sheet = SHEET_PASSWORD;
	if (!account_email_view(r))
		return 500;
	if (form_read(r, email_fields, 1, &v) > 0)
		return 200;
	rf = recover_email_set(r->db, &by, v.v);
	if (rf != RF_OK)
		return form_refuse(r, rf, "email");
	view_attr(r->page, "email", v.v);
	view_attr(r->page, "email_saved", *v.v ? "邮箱已保存，可用于找回密码" :
	    "邮箱已清除");
	return 200;
}
