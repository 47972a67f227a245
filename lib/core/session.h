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

#include "kind.h"

struct db;
struct db_res;
struct db_table;
struct req;
struct session;

/*
 * Each kind loads its session with one statement that a domain module
 * supplies (lib/domain/signin.c), so this file never names the subjects'
 * tables.  The statement reads
 *
 *	"SELECT " SESSION_COLUMNS ", <the kind's columns>"
 *	" FROM session s JOIN <the subject's table> x ON x.id = s.subject_id"
 *	<joins> SESSION_WHERE [" AND <the subject is active>"]
 *
 * or, where the session row keeps its own copy of what the kind shows (a
 * member's, sql/019_session_card.sql), from "session s" alone.
 *
 * The session's own SESSION_NCOLS columns come first: id, subject, csrf,
 * the seconds since last_seen and the seconds left of the absolute
 * lifetime (the cache needs both); session_load() binds every parameter.
 * The kind's fill hook reads its columns from SESSION_NCOLS on: the
 * display name, ROLE_* bits or the agent's bits and profile flag into
 * *s, and whatever the kind keeps besides (a member's row) into `extra`,
 * SESSION_EXTRA_MAX bytes that this file keeps opaque, in the per-worker
 * cache too, and hands to handlers as r->extra.
 */
#define SESSION_COLUMNS \
	"s.id, s.subject_id, s.csrf," \
	" TIMESTAMPDIFF(SECOND, s.last_seen, NOW())," \
	" TIMESTAMPDIFF(SECOND, NOW(), s.created_at + INTERVAL ? SECOND)"
#define SESSION_NCOLS	5
#define SESSION_WHERE \
	" WHERE s.token_hash = UNHEX(SHA2(?, 256)) AND s.kind = ?" \
	" AND s.last_seen > NOW() - INTERVAL ? SECOND" \
	" AND s.created_at > NOW() - INTERVAL ? SECOND"
#define SESSION_EXTRA_MAX	1024

struct session_kinds {
	const struct db_table	*tab;	/* load statements by session kind */
	/* fill: returns 1 when it filled `extra`, 0 when the kind has none. */
	int	(*fill[SESS__MAX])(struct db_res *res, int col,
		    struct session *s, void *extra);
};

/*
 * session_load: fill r->sess from the cookie of kind `k` (the route's, see
 * http.h) if it names a live session (kind SESS_NONE otherwise), by the
 * app's struct session_kinds; r->extra too when the kind keeps extra data
 * (a member's row), read in the same statement (storage owned here, valid
 * until the next request).  Returns 1 if one was found, 0 if not,
 * -1 when the database failed.
 */
int session_load(struct req *r, enum session_kind k);

/*
 * session_start: sign `subject` in as the app's kind: delete any session the
 * request carried, create a new one and write the audit row `action` on
 * (`object`, subject), all in one transaction; then set the cookie and
 * fill r->sess.  Returns 1, or 0 when anything failed (nothing written,
 * nobody signed in: answer 500).
 */
int session_start(struct req *r, int64_t subject, const char *action,
    const char *object);

/*
 * session_end: sign out: delete the current session and write the audit
 * row `action` on (`object`, subject) in one transaction, and clear the
 * cookie.  Signing out never fails to sign out: if the audit row cannot
 * be written, the session is deleted alone.  Returns 1, or 0 when the
 * audit row (or the delete) failed: answer 500.
 */
int session_end(struct req *r, const char *action, const char *object);

/*
 * session_drop: inside the caller's transaction, end every session of
 * (kind, subject) but `keep` (0: all), as a password change or reset, or
 * a binding moved to another phone, does.  Returns 1, or 0 on a database
 * error.
 */
int session_drop(struct db *db, enum session_kind k, int64_t subject,
    int64_t keep);

#endif
