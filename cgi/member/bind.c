/*
 * bind.c -- 职工绑定账号: name, ID type and number, phone, SMS code.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
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

#define NOT_FOUND "未查询到该职工信息，请确认所填内容再重试"

int
bind_get(struct req *r)
{
	if (r->sess.kind == SESS_MEMBER)
		return req_redirect(r, "/m/");
	view_field(form_node(r), "id_type", "1", NULL);
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
	form_read(r, &bind_fields[BF_PHONE], 1, &v[BF_PHONE]);
	r->sheet = SHEET_BIND;
	if (v[BF_PHONE].err == NULL)
		code_ask_send(r, v[BF_PHONE].v, "member_bind", 0);
	return 200;
}

/*
 * Bind: the code first, so nobody learns whether a name and ID number
 * exist without a code sent to a phone they hold; failures count against
 * the client address, the ID number and the phone.
 */
int
bind_post(struct req *r)
{
	struct field_val v[BF__MAX];
	struct member m;
	struct throttle by_id, by_phone;
	enum code_check cc;
	const char *why;
	long wait;
	int found;

	if (r->sess.kind == SESS_MEMBER)
		return req_redirect(r, "/m/");
	if (*req_form(r, "send_code"))
		return bind_send_code(r);
	r->sheet = SHEET_BIND;
	if (form_read(r, bind_fields, BF__MAX, v) > 0)
		return 200;
	by_id = (struct throttle){ SESS_MEMBER, v[BF_ID_NUMBER].v, r->remote_addr };
	by_phone = (struct throttle){ SESS_MEMBER, v[BF_PHONE].v, NULL };
	if ((wait = throttle_wait(r->db, &by_id)) > 0 ||
	    (wait = throttle_wait(r->db, &by_phone)) > 0) {
		form_message(r, throttle_text(wait), "error");
		return 200;
	}
	cc = sms_code_check(r->db, v[BF_PHONE].v, "member_bind", v[BF_CODE].v);
	if (cc != CODE_OK) {
		by_phone.ip = r->remote_addr;	/* guessing codes, from here */
		throttle_fail(r->db, &by_phone);
		form_error(r, "code", sms_code_check_text(cc));
		return 200;
	}
	if ((found = member_find(r->db, (int)v[BF_ID_TYPE].num,
	    v[BF_ID_NUMBER].v, v[BF_NAME].v, &m)) < 0)
		return 500;
	why = found ? member_bind_check(&m, v[BF_PHONE].v) : NOT_FOUND;
	if (why) {
		throttle_fail(r->db, &by_id);
		throttle_fail(r->db, &by_phone);
		form_message(r, why, "error");
		return 200;
	}
	throttle_clear(r->db, &by_id);
	throttle_clear(r->db, &by_phone);
	if (!member_bind(r->db, &m, v[BF_PHONE].v, r->remote_addr))
		return 500;
	/* A binding on another phone ends, and its sessions with it. */
	if (m.bound_phone[0] && strcmp(m.bound_phone, v[BF_PHONE].v) != 0)
		session_end_subject(r, m.id);
	if (!session_start(r, m.id))
		return 500;
	return req_redirect(r, "/m/");
}

int
logout_post(struct req *r)
{
	audit_req(r, "member.logout", "member", r->sess.subject, NULL);
	session_end(r);
	return req_redirect(r, "/m/bind");
}
