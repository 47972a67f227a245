/*
 * mail.h -- the mail outbox and its delivery over SMTP (libcurl).
 *
 * Messages are rows in mail_outbox, inserted in the caller's transaction;
 * hz-jobs delivers them to the server configured in huzhu.conf (smtp_url,
 * e.g. smtp://127.0.0.1:25, with smtp_from as the sender), as UTF-8 plain
 * text.  A server that refuses a recipient (5xx) fails the message; no
 * answer, or a temporary refusal, is retried with backoff (10 s, 20 s,
 * 40 s, ...), MAIL_MAX_TRIES tries in all.  Connecting waits at most 5 s.
 */
#ifndef HZ_MAIL_H
#define HZ_MAIL_H

#include <stdint.h>

struct db;

#define MAIL_MAX_TRIES	6

/* mail_on: 1 when smtp_url is configured (pages offer e-mail only then). */
int mail_on(void);

/* mail_queue: add a message to the outbox.  Returns its id, or 0. */
int64_t mail_queue(struct db *db, const char *rcpt, const char *subject,
    const char *body);

/*
 * mail_deliver: claim up to `max` due messages (FOR UPDATE SKIP LOCKED)
 * and send them.  Returns how many were tried, or -1 on a database error.
 */
int mail_deliver(struct db *db, int max);

#endif
