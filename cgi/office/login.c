/*
 * login.c -- office sign-in by username and password.
 */
#include "audit.h"
#include "auth.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "session.h"
#include "staff.h"

static const struct field login_fields[] = {
	{ "username", FK_USERNAME, 0, NULL },
	{ "password", FK_PASSWORD, 0, NULL },
};

int
login_get(struct req *r)
{
	if (r->sess.kind == SESS_OFFICE)
		return req_redirect(r, "/o/");
	r->sheet = SHEET_LOGIN;
	return 200;
}

/* Slowed per username and per address; an unknown username costs the
 * same time and gets the same answer as a wrong password. */
int
login_post(struct req *r)
{
	struct field_val v[2];
	struct staff s;
	struct throttle t;
	long wait;
	int found, good;

	r->sheet = SHEET_LOGIN;
	if (form_read(r, login_fields, 2, v) > 0)
		return 200;
	t = (struct throttle){ SESS_OFFICE, v[0].v, r->remote_addr };
	if ((wait = throttle_wait(r->db, &t)) > 0) {
		form_message(r, throttle_text(wait), "error");
		return 200;
	}
	if ((found = staff_by_username(r->db, v[0].v, &s)) < 0)
		return 500;
	good = found ? password_check(v[1].v, s.password_hash) :
	    password_burn(v[1].v);
	if (!good || s.disabled) {
		throttle_fail(r->db, &t);
		form_message(r, "用户名或密码不正确", "error");
		return 200;
	}
	throttle_clear(r->db, &t);
	if (!session_start(r, s.id))
		return 500;
	audit_req(r, "staff.login", "staff", s.id, NULL);
	return req_redirect(r, "/o/");
}

int
logout_post(struct req *r)
{
	audit_req(r, "staff.logout", "staff", r->sess.subject, NULL);
	session_end(r);
	return req_redirect(r, "/o/login");
}
