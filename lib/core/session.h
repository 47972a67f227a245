/*
 * session.h -- sign-in sessions kept in MariaDB.
 *
 * The cookie carries 256 random bits (hex); the table keeps only their
 * SHA-256, so a copy of the database does not sign anyone in.  Sessions end
 * after an idle period (per kind, from huzhu.conf) or an absolute lifetime,
 * and are replaced on every sign-in (no fixation).  Each worker keeps the
 * sessions it read until the shared epoch moves (epoch.h) or last_seen is
 * due its once-a-minute write, so a repeat view does not ask MariaDB.
 */
#ifndef HZ_SESSION_H
#define HZ_SESSION_H

#include <stdint.h>

#include "http.h"

/*
 * session_load: fill r->sess from the cookie of kind `k` (the route's, see
 * http.h) if it names a live session (kind SESS_NONE otherwise); for a
 * member, r->member too, read in the same statement (storage owned here,
 * valid until the next request).  Returns 1 if one was found, 0 if not,
 * -1 when the database failed.
 */
int session_load(struct req *r, enum session_kind k);

/*
 * session_start: sign `subject` in as the app's kind: delete any session the
 * request carried, create a new one, set the cookie and fill r->sess.
 * Returns 1, or 0 on a database error.
 */
int session_start(struct req *r, int64_t subject);

/* session_end: delete the current session and clear the cookie. */
void session_end(struct req *r);

/* session_end_all: sign a subject out everywhere (after a password change,
 * except the current session). */
void session_end_others(struct req *r);

/* session_end_subject: sign `subject` (of the app's kind) out everywhere,
 * as after a password reset by someone who is not signed in. */
void session_end_subject(struct req *r, int64_t subject);

#endif
