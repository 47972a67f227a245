/*
 * session.c -- load, start and end sessions.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "http.h"
#include "rand.h"
#include "session.h"

enum stmt {
	STMT_TOUCH,
	STMT_INSERT,
	STMT_DELETE,
	STMT_DELETE_OTHERS,
	STMT_DELETE_ALL,
	STMT__MAX
};

/* Loading a session is the kind's statement (session.h, signin.c). */
static const char *const sql[STMT__MAX] = {
	[STMT_TOUCH] = "UPDATE session SET last_seen = NOW() WHERE id = ?",
	[STMT_INSERT] =
	    "INSERT INTO session (token_hash, kind, subject_id, csrf, ip,"
	    " created_at, last_seen) VALUES (UNHEX(SHA2(?, 256)), ?, ?, ?, ?,"
	    " NOW(), NOW())",
	[STMT_DELETE] = "DELETE FROM session WHERE token_hash = UNHEX(SHA2(?, 256))",
	[STMT_DELETE_OTHERS] =
	    "DELETE FROM session WHERE kind = ? AND subject_id = ? AND id <> ?",
	[STMT_DELETE_ALL] = "DELETE FROM session WHERE kind = ? AND subject_id = ?",
};

static const struct db_table tab = { DBM_SESSION, sql, STMT__MAX };

/* Per kind: cookie name, idle limit key, absolute lifetime in seconds. */
static const struct {
	const char	*cookie;
	enum conf_key	 idle;
	long		 absolute;
} kinds[SESS__MAX] = {
	[SESS_MEMBER] = { "hz_m", CONF_SESSION_IDLE_MEMBER, 180L * 86400 },
	[SESS_AGENT] =  { "hz_u", CONF_SESSION_IDLE_AGENT, 12L * 3600 },
	[SESS_OFFICE] = { "hz_o", CONF_SESSION_IDLE_OFFICE, 12L * 3600 },
};

/* The kind's extra data, opaque here (session.h). */
union extra {
	max_align_t	 align;
	unsigned char	 bytes[SESSION_EXTRA_MAX];
};

/* This request's (workers serve one request at a time). */
static union extra signed_in;

/*
 * Sessions this process read lately (会话缓存), so a signed-in page need not
 * ask MariaDB who is asking.  An entry serves while the epoch is the one it
 * was read under (any sign-out, password change or audited change moves it)
 * and until the session's last_seen is due its once-a-minute touch, so idle
 * and absolute expiry are exactly as without the cache.  Direct-mapped by
 * the token's first hex digits; a collision only costs a read.
 */
#define TOUCH_EVERY	60	/* seconds between writes of last_seen */
#define CACHE_SLOTS	256

struct cached {
	char		 tok[65];
	struct epoch_mark mark;
	struct session	 sess;
	int		 has_extra;
	union extra	 extra;
};

static struct cached cache[CACHE_SLOTS];

/* The slot for a token: its first two hex digits (rand_token_ok() checked). */
static struct cached *
cache_slot(const char *tok)
{
	unsigned hi = tok[0] <= '9' ? tok[0] - '0' : tok[0] - 'a' + 10;
	unsigned lo = tok[1] <= '9' ? tok[1] - '0' : tok[1] - 'a' + 10;

	return &cache[(hi << 4 | lo) % CACHE_SLOTS];
}

/* Fill r->sess and r->extra from a live entry; 1 on a hit. */
static int
cache_get(struct req *r, enum session_kind k, const char *tok)
{
	struct cached *c = cache_slot(tok);

	if (!epoch_fresh(&c->mark) || strcmp(c->tok, tok) != 0 ||
	    c->sess.kind != k)
		return 0;
	r->sess = c->sess;
	if (c->has_extra) {
		signed_in = c->extra;
		r->extra = signed_in.bytes;
	}
	return 1;
}

/* Keep what was just read, for `ttl` seconds under `epoch`. */
static void
cache_put(const struct req *r, const char *tok, uint64_t epoch, long ttl)
{
	struct cached *c = cache_slot(tok);

	if (!epoch_keep(&c->mark, epoch, ttl))
		return;
	snprintf(c->tok, sizeof(c->tok), "%s", tok);
	c->sess = r->sess;
	if ((c->has_extra = r->extra != NULL))
		c->extra = signed_in;
}

int
session_load(struct req *r, enum session_kind k)
{
	const struct session_kinds *sk = r->app->signin;
	const char *tok;
	struct db_res *res;
	uint64_t epoch;
	long idle, age, left, ttl = 0;
	int found = 0;

	memset(&r->sess, 0, sizeof(r->sess));
	r->extra = NULL;
	if (k == SESS_NONE || sk == NULL || sk->fill[k] == NULL ||
	    !rand_token_ok(tok = req_cookie(r, kinds[k].cookie)))
		return 0;
	if (cache_get(r, k, tok))
		return 1;
	/* Read before the query: a change committed meanwhile voids the entry. */
	epoch = epoch_now();
	idle = conf_long(kinds[k].idle);
	res = db_query(r->db, sk->tab, k, "isiii",
	    (int64_t)kinds[k].absolute, tok, (int64_t)k, (int64_t)idle,
	    (int64_t)kinds[k].absolute);
	if (res && db_next(res) == 1) {
		found = 1;
		r->sess.kind = k;
		r->sess.id = db_int(res, 0);
		r->sess.subject = db_int(res, 1);
		snprintf(r->sess.csrf, sizeof(r->sess.csrf), "%s", db_col(res, 2));
		memset(&signed_in, 0, sizeof(signed_in));
		if (sk->fill[k](res, SESSION_NCOLS, &r->sess, signed_in.bytes))
			r->extra = signed_in.bytes;
		/* Write last_seen at most once a minute, not per request. */
		age = (long)db_int(res, 3);
		left = (long)db_int(res, 4);
		if (age < 0)	/* the database clock stepped back */
			age = 0;
		if (age >= TOUCH_EVERY &&
		    db_exec(r->db, &tab, STMT_TOUCH, "i", r->sess.id) == 1)
			age = 0;
		/*
		 * Until the next touch is due, idle or absolute end: the least,
		 * less one second, as the database counts whole seconds.
		 */
		ttl = TOUCH_EVERY - age;
		if (idle - age < ttl)
			ttl = idle - age;
		if (left < ttl)
			ttl = left;
		ttl--;
	}
	db_done(res);
	if (res == NULL)
		return -1;
	if (found)
		cache_put(r, tok, epoch, ttl);
	return found;
}

/* What a sign-in writes in its one transaction. */
struct start_arg {
	struct req	*r;
	int64_t		 subject, id;
	const char	*old, *action, *object;
	char		 tok[65], csrf[65];
};

static int
start_txn(struct db *db, void *arg)
{
	struct start_arg *a = arg;
	enum session_kind k = a->r->app->kind;

	if (a->old && db_exec(db, &tab, STMT_DELETE, "s", a->old) < 0)
		return 1;
	if (db_exec(db, &tab, STMT_INSERT, "siiss", a->tok, (int64_t)k,
	    a->subject, a->csrf, a->r->remote_addr) != 1)
		return 1;
	a->id = db_insert_id(db);
	return !audit_log(db, k, a->subject, a->r->remote_addr, a->action,
	    a->object, a->subject, NULL);
}

int
session_start(struct req *r, int64_t subject, const char *action,
    const char *object)
{
	enum session_kind k = r->app->kind;
	struct start_arg a = { r, subject, 0, NULL, action, object, "", "" };

	if (rand_token_ok(req_cookie(r, kinds[k].cookie)))
		a.old = req_cookie(r, kinds[k].cookie);
	if (!rand_hex(a.tok, 32) || !rand_hex(a.csrf, 32) ||
	    db_txn(r->db, start_txn, &a) != 0)
		return 0;
	memset(&r->sess, 0, sizeof(r->sess));
	r->sess.kind = k;
	r->sess.id = a.id;
	r->sess.subject = subject;
	memcpy(r->sess.csrf, a.csrf, sizeof(a.csrf));
	req_cookie_set(r, kinds[k].cookie, a.tok, -1);
	return 1;
}

/* What a sign-out writes in its one transaction. */
struct end_arg {
	const char	*tok, *ip, *action, *object;
	enum session_kind kind;
	int64_t		 subject;
};

static int
end_txn(struct db *db, void *arg)
{
	const struct end_arg *a = arg;

	if (a->tok && db_exec(db, &tab, STMT_DELETE, "s", a->tok) < 0)
		return 1;
	return !audit_log(db, a->kind, a->subject, a->ip, a->action, a->object,
	    a->subject, NULL);
}

int
session_end(struct req *r, const char *action, const char *object)
{
	enum session_kind k = r->app->kind;
	struct end_arg a = { req_cookie(r, kinds[k].cookie), r->remote_addr,
	    action, object, r->sess.kind, r->sess.subject };
	int ok;

	if (!rand_token_ok(a.tok))
		a.tok = NULL;
	if (!(ok = db_txn(r->db, end_txn, &a) == 0) && a.tok)
		db_exec(r->db, &tab, STMT_DELETE, "s", a.tok);
	db_changed(r->db);	/* other workers may hold it in their cache */
	req_cookie_set(r, kinds[k].cookie, "", 0);
	memset(&r->sess, 0, sizeof(r->sess));
	r->extra = NULL;
	return ok;
}

int
session_drop(struct db *db, enum session_kind k, int64_t subject,
    int64_t keep)
{
	db_changed(db);
	return db_exec(db, &tab, keep ? STMT_DELETE_OTHERS : STMT_DELETE_ALL,
	    keep ? "iii" : "ii", (int64_t)k, subject, keep) >= 0;
}
