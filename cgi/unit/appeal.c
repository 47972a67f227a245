/*
 * appeal.c -- 申诉 (appeal.h): the form an agent who cannot sign in
 * files, with both ID photos and a picture challenge.
 */
#include <string.h>

#include "appeal.h"
#include "captcha.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "view.h"

enum { AP_PHONE, AP_NAME, AP_ID, AP_NEW_PHONE, AP_REASON, AP__MAX };
static const struct field appeal_fields[AP__MAX] = {
	[AP_PHONE] =     { "phone", FK_PHONE, 0, NULL },
	[AP_NAME] =      { "name", FK_NAME, 0, NULL },
	[AP_ID] =        { "id_number", FK_RESIDENT_ID, 0, NULL },
	[AP_NEW_PHONE] = { "new_phone", FK_PHONE, 1, NULL },
	[AP_REASON] =    { "reason", FK_NOTE, 0, NULL },
};

int
appeal_get(struct req *r)
{
	r->sheet = SHEET_APPEAL;
	return 200;
}

int
appeal_post(struct req *r)
{
	struct field_val v[AP__MAX];
	struct appeal_ask a;
	const char *why;
	enum refusal rf;
	int64_t id;
	int ok;

	r->sheet = SHEET_APPEAL;
	if (form_read(r, appeal_fields, AP__MAX, v) > 0)
		return 200;
	if ((ok = captcha_check(r->db, req_cookie(r, CAPTCHA_COOKIE),
	    req_form(r, "captcha"))) < 0)
		return 500;
	if (!ok) {
		form_error(r, "captcha", *req_form(r, "captcha") ?
		    "图形验证码不正确，请看新的图片重新输入" : "请输入图形验证码");
		return 200;
	}
	a = (struct appeal_ask){ v[AP_PHONE].v, v[AP_NAME].v, v[AP_ID].v,
	    strcmp(v[AP_NEW_PHONE].v, v[AP_PHONE].v) == 0 ? "" :
	    v[AP_NEW_PHONE].v, v[AP_REASON].v, req_file(r, "front"),
	    req_file(r, "back"), r->remote_addr };
	rf = appeal_file(r->db, &a, &id, &why);
	if (rf == RF_FILE) {
		form_message(r, why, "error");
		return 200;
	}
	if (rf == RF_APPEAL_PHONE_TAKEN)
		return form_refuse(r, rf, "new_phone");
	if (rf != RF_OK)
		return form_refuse(r, rf, NULL);
	view_attr(r->page, "filed", a.new_phone[0] ? a.new_phone : a.phone);
	return 200;
}
