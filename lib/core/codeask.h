/*
 * codeask.h -- the 获取验证码 button of every form that sends an SMS code
 * (/m/bind, /u/login, /u/forgot, and any later one): the limits of sms.h,
 * the picture challenge of captcha.h, and what the page shows.
 */
#ifndef HZ_CODEASK_H
#define HZ_CODEASK_H

#include "sms.h"

struct req;

/*
 * code_ask_send: send a code for (phone, purpose) to the requesting client,
 * reading the challenge answer from the form's "captcha" field and the
 * client's token from its hz_cap cookie.  Puts on the page's <form> the
 * message, the countdown (wait="60") and, when the client's next code
 * needs one, the challenge (captcha="1").  With `silent` the code is made
 * and counted but not sent (the phone has no account; the page must not
 * tell).  Returns the send result; on SEND_ERROR (the database failed)
 * the caller answers 500, not the form.
 */
enum code_send code_ask_send(struct req *r, const char *phone,
    const char *purpose, int silent);

/*
 * captcha_get: the route GET <portal>captcha: a new picture challenge as
 * image/png, setting the hz_cap cookie when the client has none.  Returns
 * the HTTP status.
 */
int captcha_get(struct req *r);

#endif
