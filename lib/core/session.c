/*
 * session.c -- load, start and end sessions.
 */
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "member.h"
#include "rand.h"
#include "session.h"

enum stmt {
	STMT_LOAD_MEMBER,
	STMT_LOAD_AGENT,
	STMT_LOAD_OFFICE,
	STMT_TOUCH,
	STMT_INSERT,
	STMT_DELETE,
	STMT_DELETE_OTHERS,
	STMT_DELETE_ALL,
	STMT__MAX
};

/*
 * Columns of every load: id, subject, csrf, name, flag, then the seconds
 * since last_seen and the seconds left of the absolute lifetime (the cache
 * needs both), then what the kind adds from column LOAD_EXTRA.
 */
#define LOAD_TIMES \
	" TIMESTAMPDIFF(SECOND, s.last_seen, NOW())," \
	" TIMESTAMPDIFF(SECOND, NOW(), s.created_at + INTERVAL ? SECOND)"
#define LOAD_EXTRA 7
#define LOAD_WHERE \
	" WHERE s.token_hash = UNHEX(SHA2(?, 256)) AND s.kind = ?" \
	" AND s.last_seen > NOW() - INTERVAL ? SECOND" \
	" AND s.created_at > NOW() - INTERVAL ? SECOND"

static const char *const sql[STMT__MAX] = {
	/* Members: the member row too (MEMBER_COLUMNS from LOAD_EXTRA). */
	[STMT_LOAD_MEMBER] =
	    "SELECT s.id, s.subject_id, s.csrf, m.name, 1," LOAD_TIMES ","
	    MEMBER_COLUMNS
	    " FROM session s JOIN member m ON m.id = s.subject_id" MEMBER_JOINS
	    LOAD_WHERE,
	[STMT_LOAD_AGENT] =
	    "SELECT s.id, s.subject_id, s.csrf, COALESCE(a.name, a.phone),"
	    " a.name IS NOT NULL AND a.password_hash IS NOT NULL," LOAD_TIMES ","
	    " EXISTS (SELECT 1 FROM agent_unit au WHERE au.agent_id = a.id AND"
	    "  (au.role = 'chairman' OR FIND_IN_SET('mutual_aid', au.perms)))"
	    " FROM session s JOIN agent a ON a.id = s.subject_id" LOAD_WHERE
	    " AND a.disabled = 0",
	[STMT_LOAD_OFFICE] =
	    "SELECT s.id, s.subject_id, s.csrf, u.name, u.roles + 0," LOAD_TIMES
	    " FROM session s JOIN staff u ON u.id = s.subject_id" LOAD_WHERE
	    " AND u.disabled = 0",
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
	int		 load;
} kinds[SESS__MAX] = {
	[SESS_MEMBER] = { "hz_m", CONF_SESSION_IDLE_MEMBER, 180L * 86400,
	    STMT_LOAD_MEMBER },
	[SESS_AGENT] =  { "hz_u", CONF_SESSION_IDLE_AGENT, 12L * 3600,
	    STMT_LOAD_AGENT },
	[SESS_OFFICE] = { "hz_o", CONF_SESSION_IDLE_OFFICE, 12L * 3600,
	    STMT_LOAD_OFFICE },
};

/* The member of this request (workers serve one request at a time). */
static struct member signed_in;

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
	struct member	 member;
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

/* Fill r->sess and r->member from a live entry; 1 on a hit. */
static int
cache_get(struct req *r, enum session_kind k, const char *tok)
{
	struct cached *c = cache_slot(tok);

	if (!epoch_fresh(&c->mark) || strcmp(c->tok, tok) != 0 ||
	    c->sess.kind != k)
		return 0;
	r->sess = c->sess;
	if (c->sess.kind == SESS_MEMBER) {
		signed_in = c->member;
		r->member = &signed_in;
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
	if (r->member)
		c->member = *r->member;
}

int
session_load(struct req *r, enum session_kind k)
{
	const char *tok;
	struct db_res *res;
	uint64_t epoch;
	long idle, age, left, ttl = 0;
	int found = 0;

	memset(&r->sess, 0, sizeof(r->sess));
	r->member = NULL;
	if (k == SESS_NONE ||
	    !rand_token_ok(tok = req_cookie(r, kinds[k].cookie)))
		return 0;
	if (cache_get(r, k, tok))
		return 1;
	/* Read before the query: a change committed meanwhile voids the entry. */
	epoch = epoch_now();
	idle = conf_long(kinds[k].idle);
	res = db_query(r->db, &tab, kinds[k].load, "isiii",
	    (int64_t)kinds[k].absolute, tok, (int64_t)k, (int64_t)idle,
	    (int64_t)kinds[k].absolute);
	if (res && db_next(res) == 1) {
		found = 1;
		r->sess.kind = k;
		r->sess.id = db_int(res, 0);
		r->sess.subject = db_int(res, 1);
		snprintf(r->sess.csrf, sizeof(r->sess.csrf), "%s", db_col(res, 2));
		snprintf(r->sess.name, sizeof(r->sess.name), "%s",
		    db_col(res, 3) ? db_col(res, 3) : "");
		if (k == SESS_MEMBER) {
			member_from_row(res, LOAD_EXTRA, &signed_in);
			r->member = &signed_in;
		}
		if (k == SESS_OFFICE)
			r->sess.roles = (unsigned)db_int(res, 4);
		else
			r->sess.complete = (int)db_int(res, 4);
		/* Agents: whether they hold 医疗互助 in any unit (menus). */
		if (k == SESS_AGENT && db_int(res, LOAD_EXTRA))
			r->sess.roles = AGENT_ANY_MUTUAL_AID;
		/* Write last_seen at most once a minute, not per request. */
		age = (long)db_int(res, 5);
		left = (long)db_int(res, 6);
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

int
session_start(struct req *r, int64_t subject)
{
	enum session_kind k = r->app->kind;
	const char *old = req_cookie(r, kinds[k].cookie);
	char tok[65], csrf[65];

	if (rand_token_ok(old)) {
		db_exec(r->db, &tab, STMT_DELETE, "s", old);
		db_changed(r->db);
	}
	if (!rand_hex(tok, 32) || !rand_hex(csrf, 32))
		return 0;
	if (db_exec(r->db, &tab, STMT_INSERT, "siiss", tok, (int64_t)k, subject,
	    csrf, r->remote_addr) != 1)
		return 0;
	memset(&r->sess, 0, sizeof(r->sess));
	r->sess.kind = k;
	r->sess.id = db_insert_id(r->db);
	r->sess.subject = subject;
	memcpy(r->sess.csrf, csrf, sizeof(csrf));
	req_cookie_set(r, kinds[k].cookie, tok, -1);
	return 1;
}

void
session_end(struct req *r)
{
	enum session_kind k = r->app->kind;
	const char *tok = req_cookie(r, kinds[k].cookie);

	if (rand_token_ok(tok))
		db_exec(r->db, &tab, STMT_DELETE, "s", tok);
	db_changed(r->db);	/* other workers may hold it in their cache */
	req_cookie_set(r, kinds[k].cookie, "", 0);
	memset(&r->sess, 0, sizeof(r->sess));
	r->member = NULL;
}

void
session_end_others(struct req *r)
{
	db_exec(r->db, &tab, STMT_DELETE_OTHERS, "iii", (int64_t)r->sess.kind,
	    r->sess.subject, r->sess.id);
	db_changed(r->db);
}

void
session_end_subject(struct req *r, int64_t subject)
{
	db_exec(r->db, &tab, STMT_DELETE_ALL, "ii", (int64_t)r->app->kind,
	    subject);
	db_changed(r->db);
}
