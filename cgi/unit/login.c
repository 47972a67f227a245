/*
 * login.c -- agent sign-in by SMS code or password, sign-out, and
 * password recovery by SMS code.
 */
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "auth.h"
#include "codeask.h"
#include "form.h"
#include "http.h"
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

#define BAD_LOGIN "账号或密码不正确"

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
 */
static void
send_code(struct req *r, const struct field *f, const char *purpose,
    int silent)
{
	struct field_val v;

	form_read(r, f, 1, &v);
	if (v.err == NULL)
		code_ask_send(r, v.v, purpose, silent);
}

/* SMS sign-in: the code proves the phone, so password failures never
 * hold it back; the code's own limits bound guessing. */
int
login_sms_post(struct req *r)
{
	struct field_val v[2];
	struct agent a;
	enum code_check cc;
	int64_t id = 0;
	int found;

	if (*req_form(r, "send_code")) {
		send_code(r, sms_fields, "agent_login", 0);
		return login_page(r, "sms");
	}
	if (form_read(r, sms_fields, 2, v) > 0)
		return login_page(r, "sms");
	if ((cc = sms_code_check(r->db, v[0].v, "agent_login", v[1].v)) != CODE_OK) {
		form_error(r, "code", sms_code_check_text(cc));
		return login_page(r, "sms");
	}
	if ((found = agent_by_phone(r->db, v[0].v, &a)) < 0)
		return 500;
	if (found && a.disabled)
		return req_error_page(r, 403, "该账号已停用，请联系上级工会。");
	/* The first SMS login creates the account; the profile comes next. */
	if (!found && (id = agent_create(r->db, v[0].v)) == 0)
		return 500;
	else if (found)
		id = a.id;
	if (!session_start(r, id))
		return 500;
	audit_req(r, found ? "agent.login.sms" : "agent.create", "agent", id, NULL);
	return req_redirect(r, found && a.name[0] ? "/u/" : "/u/profile");
}

/* Password sign-in: slowed per account and per address; an unknown
 * account costs the same time and gets the same answer as a wrong
 * password. */
int
login_password_post(struct req *r)
{
	struct field_val v[2];
	struct agent a;
	struct throttle t;
	long wait;
	int found, good;

	if (form_read(r, password_fields, 2, v) > 0)
		return login_page(r, "password");
	t = (struct throttle){ SESS_AGENT, v[0].v, r->remote_addr };
	if ((wait = throttle_wait(r->db, &t)) > 0) {
		form_message(r, throttle_text(wait), "error");
		return login_page(r, "password");
	}
	if ((found = agent_by_login(r->db, v[0].v, &a)) < 0)
		return 500;
	good = found && a.password_hash[0] ?
	    password_check(v[1].v, a.password_hash) : password_burn(v[1].v);
	if (!good || a.disabled) {
		throttle_fail(r->db, &t);
		form_message(r, BAD_LOGIN, "error");
		return login_page(r, "password");
	}
	throttle_clear(r->db, &t);
	if (!session_start(r, a.id))
		return 500;
	audit_req(r, "agent.login.password", "agent", a.id, NULL);
	return req_redirect(r, "/u/");
}

int
logout_post(struct req *r)
{
	audit_req(r, "agent.logout", "agent", r->sess.subject, NULL);
	session_end(r);
	return req_redirect(r, "/u/login");
}

int
forgot_get(struct req *r)
{
	r->sheet = SHEET_FORGOT;
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
	enum code_check cc;
	char hash[128];
	int found;

	r->sheet = SHEET_FORGOT;
	if (*req_form(r, "send_code")) {
		form_read(r, forgot_fields, 1, v);
		if (v[0].err)
			return 200;
		if ((found = agent_by_phone(r->db, v[0].v, &a)) < 0)
			return 500;
		send_code(r, forgot_fields, "agent_reset", !found);
		return 200;
	}
	if (form_read(r, forgot_fields, FG__MAX, v) > 0)
		return 200;
	if (strcmp(v[FG_NEW].v, v[FG_NEW2].v) != 0) {
		form_error(r, "password2", "两次输入的密码不一致");
		return 200;
	}
	cc = sms_code_check(r->db, v[FG_PHONE].v, "agent_reset", v[FG_CODE].v);
	if (cc != CODE_OK) {
		form_error(r, "code", sms_code_check_text(cc));
		return 200;
	}
	if ((found = agent_by_phone(r->db, v[FG_PHONE].v, &a)) < 0)
		return 500;
	if (!found) {	/* a code no one was sent: right only by guessing */
		form_error(r, "code", sms_code_check_text(CODE_WRONG));
		return 200;
	}
	if (!password_hash(v[FG_NEW].v, hash) ||
	    !agent_set_password(r->db, a.id, hash))
		return 500;
	/* Whoever held the old password is signed out everywhere. */
	session_end_subject(r, a.id);
	audit_log(r->db, SESS_AGENT, a.id, r->remote_addr, "agent.password.reset",
	    "agent", a.id, NULL);
	return req_redirect(r, "/u/login?tab=password&reset=1");
}
