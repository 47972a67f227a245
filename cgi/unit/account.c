/*
 * account.c -- first-login profile completion and password change.
 */
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "auth.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "session.h"
#include "view.h"

enum { PF_NAME, PF_ID, PF_PW, PF_PW2, PF__MAX };
static const struct field profile_fields[PF__MAX] = {
	[PF_NAME] = { "name", FK_NAME, 0, NULL },
	[PF_ID] =   { "id_number", FK_RESIDENT_ID, 0, NULL },
	[PF_PW] =   { "password", FK_NEW_PASSWORD, 0, NULL },
	[PF_PW2] =  { "password2", FK_PASSWORD, 0, NULL },
};

enum { PW_OLD, PW_NEW, PW_NEW2, PW__MAX };
static const struct field password_fields[PW__MAX] = {
	[PW_OLD] =  { "old_password", FK_PASSWORD, 0, NULL },
	[PW_NEW] =  { "password", FK_NEW_PASSWORD, 0, NULL },
	[PW_NEW2] = { "password2", FK_PASSWORD, 0, NULL },
};

int
profile_get(struct req *r)
{
	if (r->sess.complete)
		return req_redirect(r, "/u/");
	r->sheet = SHEET_PROFILE;
	return 200;
}

int
profile_post(struct req *r)
{
	struct field_val v[PF__MAX];
	struct actor by = actor_of(r);
	enum refusal rf;

	if (r->sess.complete)
		return req_redirect(r, "/u/");
	r->sheet = SHEET_PROFILE;
	if (form_read(r, profile_fields, PF__MAX, v) > 0)
		return 200;
	if (strcmp(v[PF_PW].v, v[PF_PW2].v) != 0)
		return form_refuse(r, RF_PASSWORD_MISMATCH, "password2");
	rf = agent_profile(r->db, &by, v[PF_NAME].v, v[PF_ID].v, v[PF_PW].v);
	if (rf != RF_OK)
		return form_refuse(r, rf, "id_number");
	return req_redirect(r, "/u/");
}

int
password_get(struct req *r)
{
	r->sheet = SHEET_PASSWORD;
	return account_email_view(r) ? 200 : 500;
}

int
password_post(struct req *r)
{
	struct field_val v[PW__MAX];
	struct actor by = actor_of(r);
	enum refusal rf;

	r->sheet = SHEET_PASSWORD;
	if (!account_email_view(r))
		return 500;
	if (form_read(r, password_fields, PW__MAX, v) > 0)
		return 200;
	if (strcmp(v[PW_NEW].v, v[PW_NEW2].v) != 0)
		return form_refuse(r, RF_PASSWORD_MISMATCH, "password2");
	rf = agent_change_password(r->db, &by, r->sess.id, v[PW_OLD].v,
	    v[PW_NEW].v);
	if (rf != RF_OK)
		return form_refuse(r, rf, "old_password");
	form_message(r, "密码已修改，其他设备上的登录已退出", "ok");
	return 200;
}
