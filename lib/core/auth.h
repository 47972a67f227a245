/*
 * auth.h -- passwords (crypt(3) yescrypt) and sign-in throttling.
 */
#ifndef HZ_AUTH_H
#define HZ_AUTH_H

#include <stddef.h>

struct db;

/* password_hash: a "$y$..." hash of pw into out (128 bytes).  Returns 1/0. */
int password_hash(const char *pw, char out[128]);

/* password_check: 1 if pw matches the stored hash (constant time). */
int password_check(const char *pw, const char *hash);

/* password_policy: 1 if pw is acceptable (8..64 chars, letters and
 * digits); else 0 with a Chinese reason. */
int password_policy(const char *pw, const char **why);

/*
 * password_burn: spend the time password_check() spends, for an account
 * that does not exist, so a wrong name answers as slowly as a wrong
 * password.  Always returns 0.
 */
int password_burn(const char *pw);

/*
 * Throttling slows guessing without locking anyone out: each failed
 * sign-in is counted for the account tried and for the client address.
 * Past a free allowance in 15 minutes (login_free_account, login_free_ip
 * in huzhu.conf) each further try must wait 2, 4, 8 … seconds after the
 * last failure, at most login_delay_max.  A channel the person proves
 * (an SMS code) is never held back by password failures.
 */
#define THROTTLE_WINDOW		900

struct throttle {
	int		 kind;		/* enum session_kind of the sign-in */
	const char	*account;	/* phone, ID number, username; or NULL */
	const char	*ip;		/* client address, or NULL */
};

/* throttle_wait: seconds before the next try is heard (0 = now). */
long throttle_wait(struct db *db, const struct throttle *t);
/* throttle_fail: count a failure for the account and the address. */
void throttle_fail(struct db *db, const struct throttle *t);
/* throttle_clear: forget the account's failures (not the address's:
 * one success must not clear a whole office's guessing). */
void throttle_clear(struct db *db, const struct throttle *t);

/* throttle_text: "尝试次数过多，请N秒后再试" for a wait (static buffer). */
const char *throttle_text(long wait);

#endif
