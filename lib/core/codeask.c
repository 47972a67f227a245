/*
 * codeask.c -- asking for an SMS code from a form.
 */
#include <stdio.h>

#include "captcha.h"
#include "codeask.h"
#include "form.h"
#include "http.h"
#include "rand.h"
#include "view.h"

enum code_send
code_ask_send(struct req *r, const char *phone, const char *purpose,
    int silent)
{
	struct code_ask who;
	enum code_send st;
	long wait;

	who.ip = r->remote_addr;
	who.captcha_token = req_cookie(r, CAPTCHA_COOKIE);
	who.captcha_answer = req_form(r, "captcha");
	who.silent = silent;
	st = sms_code_send(r->db, phone, purpose, &who, &wait);
	if (st == SEND_OK || st == SEND_TOO_SOON)
		view_attrf(form_node(r), "wait", "%ld", st == SEND_OK ? 60 : wait);
	/* Show the challenge now if the next code will want it. */
	if (st == SEND_CAPTCHA || st == SEND_CAPTCHA_WRONG ||
	    (st != SEND_IP_LIMIT && sms_captcha_due(r->db, r->remote_addr)))
		view_attr(form_node(r), "captcha", "1");
	if (st == SEND_CAPTCHA || st == SEND_CAPTCHA_WRONG)
		form_error(r, "captcha", sms_code_send_text(st));
	else
		form_message(r, sms_code_send_text(st),
		    st == SEND_OK ? "ok" : "error");
	return st;
}

int
captcha_get(struct req *r)
{
	const char *tok = req_cookie(r, CAPTCHA_COOKIE);
	char fresh[65];
	void *png;
	int len = 0, ok;

	if (!rand_token_ok(tok)) {
		if (!rand_hex(fresh, 32))
			return 500;
		req_cookie_set(r, CAPTCHA_COOKIE, fresh, -1);
		tok = fresh;
	}
	if ((png = captcha_new(r->db, tok, &len)) == NULL)
		return 500;
	req_head(r, 200, "image/png", NULL);
	ok = req_write(r, png, (size_t)len);
	captcha_free(png);
	return ok ? 200 : 500;
}
