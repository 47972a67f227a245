/*
 * login.c -- agent sign-in by SMS code or password, sign-out, and
 * password recovery by SMS code.
 */
#include <string.h>

#include "agent.h"
#include "auth.h"
#include "codeask.h"
#include "form.h"
#include "http.h"
#include "mail.h"
#include "pages.h"
#include "session.h"
#include "sms.h"
#include "view.h"

static const struct field sms_fields[] = {
	{ "phone", FK_PHONE, 0, NULL },
	{ "code", FK_CODE, 0, NULL },
};

static const struct field password_fields[] = {
	{ "login", FK_LOGIN, 0, NULL },
	{ "password", FK_PASSWORD, 0, NULL },
};

enum { FG_PHONE, FG_CODE, FG_NEW, FG_NEW2, FG__MAX };
static const struct field forgot_fields[FG__MAX] = {
	[FG_PHONE] = { "phone", FK_PHONE, 0, NULL },
	[FG_CODE] =  { "code", FK_CODE, 0, NULL },
	[FG_NEW] =   { "password", FK_NEW_PASSWORD, 0, NULL },
	[FG_NEW2] =  { "password2", FK_PASSWORD, 0, NULL },
};

/* Show the login page on the tab the user was using. */
static int
login_page(struct req *r, const char *tab)
{
	view_attr(form_node(r), "tab", tab);
	r->sheet = SHEET_LOGIN;
	return 200;
}

int
login_get(struct req *r)
{
	const char *tab = req_query(r, "tab");

	if (r->sess.kind == SESS_AGENT)
		return req_redirect(r, "/u/");
	if (req_query(r, "reset"))
		form_message(r, "密码已重置，请使用新密码登录", "ok");
	return login_page(r, tab && strcmp(tab, "password") == 0 ?
	    "password" : "sms");
}

/*
 * Send a code for `purpose` to the phone in the form; the fields are those
 * of the page, only the phone is checked.  `silent`: see code_ask_send.
 * Returns 0, or 500 when the database failed (not a message on the form).
 */
static int
send_code(struct req *r, const struct field *f, const char *purpose,
    int silent)
{
	struct field_val v;

	form_read(r, f, 1, &v);
	if (v.err == NULL &&
	    code_ask_send(r, v.v, purpose, silent) == SEND_ERROR)
		return 500;
	return 0;
}

/* SMS sign-in: the code proves the phone, so password failures never
 * hold it back; the code's own limits bound guessing. */
int
login_sms_post(struct req *r)
{
	struct field_val v[2];
	struct agent a;
	enum refusal rf;
	int created;

	if (*req_form(r, "send_code"))
		return send_code(r, sms_fields, "agent_login", 0) ? 500 :
		    login_page(r, "sms");
	if (form_read(r, sms_fields, 2, v) > 0)
		return login_page(r, "sms");
	rf = agent_sign_in_sms(r->db, v[0].v, v[1].v, r->remote_addr, &a,
	    &created);
	if (rf == RF_DISABLED)
		return page_refuse(r, rf, 403);
	if (rf != RF_OK)
		return form_refuse(r, rf, "code") == 200 ?
		    login_page(r, "sms") : 500;
	if (!session_start(r, a.id, "agent.login.sms", "agent"))
		return 500;
	return req_redirect(r, a.name[0] ? "/u/" : "/u/profile");
}

/* Password sign-in: slowed per account and per address; an unknown
 * account costs the same time and gets the same answer as a wrong
 * password. */
int
login_password_post(struct req *r)
{
	struct field_val v[2];
	struct agent a;
	enum refusal rf;
	long wait;

	if (form_read(r, password_fields, 2, v) > 0)
		return login_page(r, "password");
	rf = agent_sign_in_password(r->db, v[0].v, v[1].v, r->remote_addr, &a,
	    &wait);
	if (rf == RF_THROTTLED)
		form_message(r, throttle_text(wait), "error");
	else if (rf != RF_OK && form_refuse(r, rf, NULL) != 200)
		return 500;
	if (rf != RF_OK)
		return login_page(r, "password");
	if (!session_start(r, a.id, "agent.login.password", "agent"))
		return 500;
	return req_redirect(r, "/u/");
}

int
logout_post(struct req *r)
{
	if (!session_end(r, "agent.logout", "agent"))
		return 500;
	return req_redirect(r, "/u/login");
}

/* The SMS form; 通过邮箱找回 and 申诉 are offered beside it. */
static void
forgot_page(struct req *r)
{
	r->sheet = SHEET_FORGOT;
	if (mail_on())
		view_attr(r->page, "mail", "1");
}

int
forgot_get(struct req *r)
{
	forgot_page(r);
	return 200;
}

/*
 * Reset by SMS code.  Whether the phone has an account is not told: an
 * unknown phone gets the same answer, and its code is made and counted
 * but never sent, so no code it could be given is right.
 */
int
forgot_post(struct req *r)
{
	struct field_val v[FG__MAX];
	struct agent a;
	enum refusal rf;
	int found;

	forgot_page(r);
	if (*req_form(r, "send_code")) {
		form_read(r, forgot_fields, 1, v);
		if (v[0].err)
			return 200;
		if ((found = agent_by_phone(r->db, v[0].v, &a)) < 0)
			return 500;
		return send_code(r, forgot_fields, "agent_reset", !found) ?
		    500 : 200;
	}
	if (form_read(r, forgot_fields, FG__MAX, v) > 0)
		return 200;
	if (strcmp(v[FG_NEW].v, v[FG_NEW2].v) != 0)
		return form_refuse(r, RF_PASSWORD_MISMATCH, "password2");
	rf = agent_reset_password(r->db, v[FG_PHONE].v, v[FG_CODE].v,
	    v[FG_NEW].v, r->remote_addr);
	if (rf != RF_OK)
		return form_refuse(r, rf, "code");
	return req_redirect(r, "/u/login?tab=password&reset=1");
}
