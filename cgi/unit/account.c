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

#define MISMATCH "两次输入的密码不一致"

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
	char hash[128];
	int rc;

	if (r->sess.complete)
		return req_redirect(r, "/u/");
	r->sheet = SHEET_PROFILE;
	if (form_read(r, profile_fields, PF__MAX, v) > 0)
		return 200;
	if (strcmp(v[PF_PW].v, v[PF_PW2].v) != 0) {
		form_error(r, "password2", MISMATCH);
		return 200;
	}
	if (!password_hash(v[PF_PW].v, hash))
		return 500;
	rc = agent_profile(r->db, r->sess.subject, v[PF_NAME].v, v[PF_ID].v, hash);
	if (rc < 0) {
		form_error(r, "id_number", "该身份证号码已被其他账号使用");
		return 200;
	}
	if (rc == 0)
		return 500;
	audit_req(r, "agent.profile", "agent", r->sess.subject, NULL);
	return req_redirect(r, "/u/");
}

int
password_get(struct req *r)
{
	r->sheet = SHEET_PASSWORD;
	return 200;
}

int
password_post(struct req *r)
{
	struct field_val v[PW__MAX];
	struct agent a;
	char hash[128];

	r->sheet = SHEET_PASSWORD;
	if (form_read(r, password_fields, PW__MAX, v) > 0)
		return 200;
	if (agent_by_id(r->db, r->sess.subject, &a) != 1)
		return 500;
	if (!password_check(v[PW_OLD].v, a.password_hash)) {
		form_error(r, "old_password", "原密码不正确");
		return 200;
	}
	if (strcmp(v[PW_NEW].v, v[PW_NEW2].v) != 0) {
		form_error(r, "password2", MISMATCH);
		return 200;
	}
	if (!password_hash(v[PW_NEW].v, hash) ||
	    !agent_set_password(r->db, a.id, hash))
		return 500;
	session_end_others(r);
	audit_req(r, "agent.password.change", "agent", a.id, NULL);
	form_message(r, "密码已修改，其他设备上的登录已退出", "ok");
	return 200;
}
