/*
 * bind.c -- 职工绑定账号: name, ID type and number, phone, SMS code.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "codeask.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "session.h"
#include "sms.h"
#include "view.h"
#include "member.h"

enum bind_field {
	BF_NAME,
	BF_ID_TYPE,
	BF_ID_NUMBER,
	BF_PHONE,
	BF_CODE,
	BF__MAX
};

static const struct field bind_fields[BF__MAX] = {
	[BF_NAME] =      { "name", FK_NAME, 0, NULL },
	[BF_ID_TYPE] =   { "id_type", FK_ID_TYPE, 0, NULL },
	[BF_ID_NUMBER] = { "id_number", FK_ID_NUMBER, 0, NULL },
	[BF_PHONE] =     { "phone", FK_PHONE, 0, NULL },
	[BF_CODE] =      { "code", FK_CODE, 0, NULL },
};

int
bind_get(struct req *r)
{
	int st;

	if (r->sess.kind == SESS_MEMBER)
		return req_redirect(r, "/m/");
	if ((st = wx_bind_detour(r)) != 0)	/* inside WeChat */
		return st;
	view_field(form_node(r), "id_type", "1", NULL);
	if (req_query(r, "withdrawn") != NULL)
		form_message(r, "您已撤回同意并解除绑定。如需继续使用，请重新绑定。",
		    "ok");
	r->sheet = SHEET_BIND;
	return 200;
}

/* 获取验证码: only the phone needs to be right to send a code. */
static int
bind_send_code(struct req *r)
{
	struct field_val v[BF__MAX];

	form_echo(r, "name");
	form_echo(r, "id_type");
	form_echo(r, "id_number");
	form_echo(r, "agree");
	form_read(r, &bind_fields[BF_PHONE], 1, &v[BF_PHONE]);
	r->sheet = SHEET_BIND;
	/* A database error is not a message on the form (codeask.h). */
	if (v[BF_PHONE].err == NULL &&
	    code_ask_send(r, v[BF_PHONE].v, "member_bind", 0) == SEND_ERROR)
		return 500;
	return 200;
}

int
bind_post(struct req *r)
{
	struct field_val v[BF__MAX];
	struct bind_ask ask;
	struct member m;
	enum refusal rf;
	const char *field;
	long wait;
	int bad;

	if (r->sess.kind == SESS_MEMBER)
		return req_redirect(r, "/m/");
	if (*req_form(r, "send_code"))
		return bind_send_code(r);
	r->sheet = SHEET_BIND;
	bad = form_read(r, bind_fields, BF__MAX, v);
	/* 勾选同意隐私协议和服务声明 (seed 003), recorded with the binding */
	form_echo(r, "agree");
	if (strcmp(req_form(r, "agree"), "1") != 0) {
		form_error(r, "agree", refusal_text(RF_CONSENT_REQUIRED));
		bad++;
	}
	if (bad > 0)
		return 200;
	ask = (struct bind_ask){ (int)v[BF_ID_TYPE].num, v[BF_ID_NUMBER].v,
	    v[BF_NAME].v, v[BF_PHONE].v, v[BF_CODE].v, r->remote_addr };
	rf = member_bind_identify(r->db, &ask, &m, &wait, &field);
	if (rf == RF_THROTTLED) {
		form_message(r, throttle_text(wait), "error");
		return 200;
	}
	if (rf != RF_OK)
		return form_refuse(r, rf, field);
	if (!member_bind(r->db, &m, ask.phone, r->remote_addr) ||
	    !wx_bind_done(r, m.id) ||
	    !session_start(r, m.id, "member.login", "member"))
		return 500;
	return req_redirect(r, "/m/");
}

int
logout_post(struct req *r)
{
	if (!session_end(r, "member.logout", "member"))
		return 500;
	return req_redirect(r, "/m/bind");
}
