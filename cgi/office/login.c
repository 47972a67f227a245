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

int
login_post(struct req *r)
{
	struct field_val v[2];
	struct staff s;
	int found;

	r->sheet = SHEET_LOGIN;
	if (form_read(r, login_fields, 2, v) > 0)
		return 200;
	if (throttle_wait(r->db, SESS_OFFICE, v[0].v) > 0) {
		form_message(r, "登录失败次数过多，请15分钟后再试", "error");
		return 200;
	}
	if ((found = staff_by_username(r->db, v[0].v, &s)) < 0)
		return 500;
	if (!found || s.disabled || !password_check(v[1].v, s.password_hash)) {
		throttle_fail(r->db, SESS_OFFICE, v[0].v);
		form_message(r, "用户名或密码不正确", "error");
		return 200;
	}
	throttle_clear(r->db, SESS_OFFICE, v[0].v);
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
