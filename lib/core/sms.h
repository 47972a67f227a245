/*
 * sms.h -- verification codes and the SMS outbox.
 *
 * Codes: 6 digits, valid 5 minutes, at most 5 tries, at most one per phone
 * per minute and 10 per phone per day.  Messages are rows in sms_outbox,
 * inserted in the caller's transaction; hz-jobs delivers them to the
 * gateway configured in huzhu.conf (sms_url) with
 *
 *   POST sms_url
 *   Authorization: Bearer <sms_token>
 *   Content-Type: application/json
 *   {"id": 42, "phone": "13800000000", "text": "【职工互助】您的验证码是…"}
 *
 * A 2xx answer means accepted; 4xx is a permanent failure; 5xx or no answer
 * is retried with backoff (10 s, 20 s, 40 s, …), 6 tries in all.
 */
#ifndef HZ_SMS_H
#define HZ_SMS_H

#include <stddef.h>
#include <stdint.h>

#include "refusal.h"

struct db;

enum code_send {
	SEND_OK,
	SEND_TOO_SOON,		/* one per phone per minute */
	SEND_DAILY_LIMIT,	/* ten per phone per day */
	SEND_CAPTCHA,		/* past the address's quiet quota: solve the
				 * picture challenge first */
	SEND_CAPTCHA_WRONG,	/* ... and the answer given was wrong */
	SEND_IP_LIMIT,		/* this address asked too often */
	SEND_BUSY,		/* the system-wide ceiling per minute */
	SEND_ERROR,
	SEND__MAX
};

/*
 * Who asks for a code.  Besides the phone's own limits, codes are limited
 * per client address (sms_ip_per_10min, sms_ip_per_day) and for everyone
 * together (sms_per_minute; hitting it tells admin, once a minute).  Past
 * sms_ip_quiet codes in 10 minutes an address must answer a picture
 * challenge (captcha.h) for each further code.
 */
struct code_ask {
	const char	*ip;		/* client address */
	const char	*captcha_token;	/* the hz_cap cookie, or NULL */
	const char	*captcha_answer; /* what was typed, "" if nothing */
	int		 silent;	/* make the code, send nothing: the phone
					 * has no account, and the page must
					 * not tell */
};

#define SMS_MAX_TRIES	6

/*
 * sms_code_send: make a code for (phone, purpose) asked by `who` and queue
 * its message, after every limit above.  On SEND_TOO_SOON, *wait holds the
 * seconds left.  Runs its own statements; the caller need not open a
 * transaction.
 */
enum code_send sms_code_send(struct db *db, const char *phone,
    const char *purpose, const struct code_ask *who, long *wait);

/* sms_captcha_due: 1 if `ip` must solve a picture challenge for its next
 * code (pages show the challenge before the first refusal). */
int sms_captcha_due(struct db *db, const char *ip);

/* sms_code_send_text: the Chinese message for a send result. */
const char *sms_code_send_text(enum code_send st);

/*
 * sms_code_check: compare `code` with the newest code for (phone, purpose).
 * A match uses the code up (it cannot be replayed); a miss counts a try.
 * Returns RF_OK, RF_CODE_NONE (never requested, or used), RF_CODE_WRONG,
 * RF_CODE_EXPIRED, RF_CODE_TOO_MANY (refusal.h), or RF_DB.
 */
enum refusal sms_code_check(struct db *db, const char *phone,
    const char *purpose, const char *code);

/* sms_queue: add a message to the outbox.  Returns its id, or 0. */
int64_t sms_queue(struct db *db, const char *phone, const char *text);

/*
 * sms_queue_many: the same text to phones[0..n) in a few round trips (a
 * confirmation that tells 20 000 people).  Returns 1, 0 on a database
 * error.
 */
int sms_queue_many(struct db *db, const char *const *phones, size_t n,
    const char *text);

/*
 * sms_queue_each: texts[i] to phones[i] for i < n (an empty phone is
 * skipped), in a few round trips.  Returns 1, 0 on a database error.
 */
int sms_queue_each(struct db *db, const char *const *phones,
    const char *const *texts, size_t n);

/*
 * sms_deliver: claim up to `max` due messages (FOR UPDATE SKIP LOCKED, so
 * several workers may run) and send them.  Returns how many were tried,
 * or -1 on a database error.
 */
int sms_deliver(struct db *db, int max);

#endif
