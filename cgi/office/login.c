/*
 * login.c -- office sign-in by username and password.
 */
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

/* Slowed per username and per address (staff_sign_in). */
int
login_post(struct req *r)
{
	struct field_val v[2];
	struct staff s;
	enum refusal rf;
	long wait;

	r->sheet = SHEET_LOGIN;
	if (form_read(r, login_fields, 2, v) > 0)
		return 200;
	rf = staff_sign_in(r->db, v[0].v, v[1].v, r->remote_addr, &s, &wait);
	if (rf == RF_THROTTLED) {
		form_message(r, throttle_text(wait), "error");
		return 200;
	}
	if (rf != RF_OK)
		return form_refuse(r, rf, NULL);
	if (!session_start(r, s.id, "staff.login", "staff"))
		return 500;
	return req_redirect(r, "/o/");
}

int
logout_post(struct req *r)
{
	if (!session_end(r, "staff.logout", "staff"))
		return 500;
	return req_redirect(r, "/o/login");
}
