/*
 * auth.c -- password hashing and failure counting.
 */
#include <crypt.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "conf.h"
#include "db.h"

enum stmt {
	STMT_WAIT,
	STMT_FAIL,
	STMT_CLEAR,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* Failures in the window, and seconds since the newest. */
	[STMT_WAIT] =
	    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MAX(at), NOW()), 0)"
	    " FROM login_fail WHERE kind = ? AND ident = ?"
	    " AND at > NOW() - INTERVAL ? SECOND",
	[STMT_FAIL] = "INSERT INTO login_fail (kind, ident, at) VALUES (?, ?, NOW())",
	[STMT_CLEAR] = "DELETE FROM login_fail WHERE kind = ? AND ident = ?",
};

static const struct db_table tab = { DBM_AUTH, sql, STMT__MAX };

int
password_hash(const char *pw, char out[128])
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data cd;
	const char *h;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)) == NULL)
		return 0;
	memset(&cd, 0, sizeof(cd));
	if ((h = crypt_r(pw, salt, &cd)) == NULL || h[0] == '*' ||
	    strlen(h) >= 128)
		return 0;
	memcpy(out, h, strlen(h) + 1);
	return 1;
}

int
password_check(const char *pw, const char *hash)
{
	struct crypt_data cd;
	const char *h;
	size_t i, n;
	unsigned char d = 0;

	if (hash == NULL || *hash == '\0')
		return 0;
	memset(&cd, 0, sizeof(cd));
	if ((h = crypt_r(pw, hash, &cd)) == NULL || h[0] == '*')
		return 0;
	if ((n = strlen(h)) != strlen(hash))
		return 0;
	for (i = 0; i < n; i++)
		d |= (unsigned char)(h[i] ^ hash[i]);
	return d == 0;
}

int
password_policy(const char *pw, const char **why)
{
	size_t n = strlen(pw), i;
	int letter = 0, digit = 0;

	for (i = 0; i < n; i++) {
		if ((pw[i] >= 'a' && pw[i] <= 'z') || (pw[i] >= 'A' && pw[i] <= 'Z'))
			letter = 1;
		else if (pw[i] >= '0' && pw[i] <= '9')
			digit = 1;
	}
	if (n < 8 || n > 64) {
		*why = "密码长度应为8到64位";
		return 0;
	}
	if (!letter || !digit) {
		*why = "密码须同时包含字母和数字";
		return 0;
	}
	return 1;
}

int
password_burn(const char *pw)
{
	/* A yescrypt hash, at the cost password_hash() uses, of a password
	 * nobody can type: checking against it costs what a real check does. */
	static const char dummy[] =
	    "$y$j9T$Hz0dummyQ4salt7Kq2w9$Gf2GQpZ7WQhbjs02rrYH/NmW53OrOWPx1RRk57YLae9";

	(void)password_check(pw, dummy);
	return 0;
}

/* The address's key in login_fail: the account's with a prefix. */
static void
ip_ident(char out[64], const char *ip)
{
	snprintf(out, 64, "ip:%s", ip);
}

/* Seconds to wait after `n` failures, `since` seconds after the last. */
static long
throttle_delay(int64_t n, int64_t since, long free)
{
	long d, max = conf_long(CONF_LOGIN_DELAY_MAX);

	if (n < free)
		return 0;
	d = n - free >= 20 ? max : 2L << (n - free);
	if (d > max)
		d = max;
	return d > since ? d - (long)since : 0;
}

/* The wait for one (kind, ident), or 0. */
static long
ident_wait(struct db *db, int kind, const char *ident, long free)
{
	struct db_res *r;
	long w = 0;

	r = db_query(db, &tab, STMT_WAIT, "isi", (int64_t)kind, ident,
	    (int64_t)THROTTLE_WINDOW);
	if (r && db_next(r) == 1)
		w = throttle_delay(db_int(r, 0), db_int(r, 1), free);
	db_done(r);
	return w;
}

long
throttle_wait(struct db *db, const struct throttle *t)
{
	char ip[64];
	long a = 0, b = 0;

	if (t->account && *t->account)
		a = ident_wait(db, t->kind, t->account,
		    conf_long(CONF_LOGIN_FREE_ACCOUNT));
	if (t->ip && *t->ip) {
		ip_ident(ip, t->ip);
		b = ident_wait(db, t->kind, ip, conf_long(CONF_LOGIN_FREE_IP));
	}
	return a > b ? a : b;
}

void
throttle_fail(struct db *db, const struct throttle *t)
{
	char ip[64];

	if (t->account && *t->account)
		db_exec(db, &tab, STMT_FAIL, "is", (int64_t)t->kind, t->account);
	if (t->ip && *t->ip) {
		ip_ident(ip, t->ip);
		db_exec(db, &tab, STMT_FAIL, "is", (int64_t)t->kind, ip);
	}
}

void
throttle_clear(struct db *db, const struct throttle *t)
{
	if (t->account && *t->account)
		db_exec(db, &tab, STMT_CLEAR, "is", (int64_t)t->kind, t->account);
}

const char *
throttle_text(long wait)
{
	static char buf[96];

	snprintf(buf, sizeof(buf), "尝试次数过多，请%ld秒后再试", wait);
	return buf;
}
