/*
 * captcha.h -- 图形验证码: a picture challenge drawn on the server (libgd).
 *
 * A client past its quiet quota of SMS codes (sms.h) must solve one before
 * another code is sent.  The client holds a random token in the hz_cap
 * cookie; each drawing makes a new challenge for that token and the newest
 * one counts.  An answer is tried once: right or wrong, the challenge is
 * used up, so guessing costs a new picture each time.  Challenges live 5
 * minutes.
 */
#ifndef HZ_CAPTCHA_H
#define HZ_CAPTCHA_H

#include <stddef.h>

struct db;

#define CAPTCHA_LEN	4
#define CAPTCHA_COOKIE	"hz_cap"

/*
 * captcha_new: make a challenge for `token` (64 hex digits) and draw it as
 * a PNG.  Returns the image (free with captcha_free) with its size in
 * *len, or NULL on a database or drawing error.
 */
void *captcha_new(struct db *db, const char *token, int *len);
void captcha_free(void *png);

/*
 * captcha_check: whether `answer` (case and surrounding spaces ignored)
 * solves the newest live challenge of `token`.  Returns 1 when it does,
 * 0 when it does not or there is none, -1 on a database error.  The
 * challenge is used up either way.
 */
int captcha_check(struct db *db, const char *token, const char *answer);

#endif
