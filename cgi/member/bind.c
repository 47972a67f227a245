/*
 * bind.c -- 职工绑定账号: name, ID type and number, phone, SMS code.
 */
#include <stdio.h>

#include "audit.h"
#include "auth.h"
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
	enum code_send st;
	long wait;

	form_echo(r, "name");
	form_echo(r, "id_type");
	form_echo(r, "id_number");
	form_read(r, &bind_fields[BF_PHONE], 1, &v[BF_PHONE]);
	r->sheet = SHEET_BIND;
	if (v[BF_PHONE].err)
		return 200;
	st = sms_code_send(r->db, v[BF_PHONE].v, "member_bind", &wait);
	if (st == SEND_OK || st == SEND_TOO_SOON)
		view_attrf(form_node(r), "wait", "%ld", st == SEND_OK ? 60 : wait);
	form_message(r, sms_code_send_text(st), st == SEND_OK ? "ok" : "error");
	return 200;
}

int
bind_post(struct req *r)
{
	struct field_val v[BF__MAX];
	struct member m;
	enum code_check cc;
	long wait;
	int found;

	if (r->sess.kind == SESS_MEMBER)
		return req_redirect(r, "/m/");
	if (*req_form(r, "send_code"))
		return bind_send_code(r);
	r->sheet = SHEET_BIND;
	if (form_read(r, bind_fields, BF__MAX, v) > 0)
		return 200;
	/* Guessing names and ID numbers is throttled per phone. */
	if ((wait = throttle_wait(r->db, SESS_MEMBER, v[BF_PHONE].v)) > 0) {
		form_message(r, "尝试次数过多，请15分钟后再试", "error");
		return 200;
	}
	found = member_find(r->db, (int)v[BF_ID_TYPE].num, v[BF_ID_NUMBER].v,
	    v[BF_NAME].v, &m);
	if (found < 0)
		return 500;
	if (found == 0) {
		throttle_fail(r->db, SESS_MEMBER, v[BF_PHONE].v);
		form_message(r, NOT_FOUND, "error");
		return 200;
	}
	cc = sms_code_check(r->db, v[BF_PHONE].v, "member_bind", v[BF_CODE].v);
	if (cc != CODE_OK) {
		form_error(r, "code", sms_code_check_text(cc));
		return 200;
	}
	throttle_clear(r->db, SESS_MEMBER, v[BF_PHONE].v);
	if (!member_bind(r->db, m.id, v[BF_PHONE].v))
		return 500;
	/* Audited as soon as the phone is bound, whatever follows. */
	audit_log(r->db, SESS_MEMBER, m.id, r->remote_addr, "member.bind",
	    "member", m.id, v[BF_PHONE].v);
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
