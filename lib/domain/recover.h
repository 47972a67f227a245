/*
 * recover.h -- 找回密码 beyond the SMS code (SPEC §9): a one-time link
 * to set a new password, sent by e-mail to the address on the agent's
 * account, or by SMS after an approved 申诉 (appeal.h).  Links carry 256
 * random bits; the table keeps only their SHA-256.  Using one sets the
 * password and ends every session of the agent.
 */
#ifndef HZ_RECOVER_H
#define HZ_RECOVER_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;

#define RECOVER_MAIL_MINUTES	30	/* a mailed link lives this long */
#define RECOVER_APPEAL_HOURS	24	/* an appeal's SMS link */

/*
 * recover_email_set: the signed-in agent `by` sets (or, with "", clears)
 * the e-mail address of the account, audited.  Returns RF_OK,
 * RF_EMAIL_TAKEN, or RF_DB.
 */
enum refusal recover_email_set(struct db *db, const struct actor *by,
    const char *email);

/* recover_email_of: the agent's address into out ("" if none).
 * Returns 1, or 0 on a database error. */
int recover_email_of(struct db *db, int64_t agent, char *out, size_t outsz);

/*
 * recover_mail_ask: someone not signed in asks for a link to `email`.
 * When an account (not switched off) has that address, and it was sent
 * fewer than one link in the last minute and 5 today, a link is made and
 * its mail queued, audited "agent.recover.mail", in one transaction.
 * Otherwise nothing happens: the page says the same either way.
 * Returns RF_OK, or RF_DB.
 */
enum refusal recover_mail_ask(struct db *db, const char *email,
    const char *ip);

/*
 * recover_link_new: inside the caller's transaction, make a link for
 * `agent` that lives `minutes`, by `via` ("mail" or "appeal"); when
 * `new_phone` is not NULL, using it also moves the account to that phone.
 * The link's token into token (64 hex digits).  Returns 1, or 0 on a
 * database error.
 */
int recover_link_new(struct db *db, int64_t agent, const char *via,
    const char *new_phone, int minutes, const char *ip, char token[65]);

/* recover_url: the absolute address of the page that takes `token`
 * (public_url + path), into out. */
void recover_url(const char *path, const char *token, char *out,
    size_t outsz);

/*
 * recover_link_ok: 1 when `token` names a link that is unused and not
 * expired, 0 when not, -1 on a database error.
 */
int recover_link_ok(struct db *db, const char *token);

/*
 * recover_complete: set `password` by the link `token`: the link is used
 * up, the password set (and the phone moved, for an appeal with a new
 * phone), every session of the agent ends, and "agent.password.recover"
 * is audited, in one transaction.  Returns RF_OK, RF_RECOVER_LINK (unknown,
 * used or expired), RF_APPEAL_PHONE_TAKEN, or RF_DB.
 */
enum refusal recover_complete(struct db *db, const char *token,
    const char *password, const char *ip);

#endif
