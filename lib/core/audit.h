/*
 * audit.h -- who did what to which record, when, from where.
 * Every state change and every view of a full ID or bank number by office
 * staff writes one row, in the caller's transaction when there is one.
 * Each row also marks the connection changed (db_changed), so the epoch
 * moves and per-process caches are dropped once the change is committed.
 */
#ifndef HZ_AUDIT_H
#define HZ_AUDIT_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct req;

/* audit_log: one row; actor_kind 0 is the system.  A detail longer than
 * the column (500 characters) is cut on a character boundary.  Returns
 * 1/0. */
int audit_log(struct db *db, int actor_kind, int64_t actor_id, const char *ip,
    const char *action, const char *object_type, int64_t object_id,
    const char *detail);

/*
 * audit_log_many: audit_log() of one actor and action for objects
 * ids[0..n) of one type, each with details[i] (NULL: none), in a few
 * round trips.  Returns 1/0.
 */
int audit_log_many(struct db *db, int actor_kind, int64_t actor_id,
    const char *ip, const char *action, const char *object_type,
    const int64_t *ids, const char *const *details, size_t n);
/* audit_req: the same, with the actor and address taken from a request. */
int audit_req(struct req *r, const char *action, const char *object_type,
    int64_t object_id, const char *detail);

/*
 * Who acts, as a domain function that audits its own change is told it:
 * the kind of session (enum session_kind; 0 the system), its subject and
 * the client address (borrowed, may be NULL).  Handlers make one with
 * actor_of(); no domain function needs the request itself.
 */
struct actor {
	int		 kind;
	int64_t		 id;
	const char	*ip;
};

/* actor_of: the signed-in user of a request (borrows its address). */
struct actor actor_of(const struct req *r);

/* audit_act: audit_log() by an actor.  Returns 1/0. */
int audit_act(struct db *db, const struct actor *a, const char *action,
    const char *object_type, int64_t object_id, const char *detail);

#endif
