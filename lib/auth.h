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

/* Throttling: after 5 failures in 15 minutes for one (kind, ident) the
 * sign-in is refused until the oldest of them is 15 minutes old. */
#define THROTTLE_MAX		5
#define THROTTLE_WINDOW		900

/* throttle_wait: seconds the caller must still wait (0 = may try). */
long throttle_wait(struct db *db, int kind, const char *ident);
void throttle_fail(struct db *db, int kind, const char *ident);
void throttle_clear(struct db *db, int kind, const char *ident);

#endif
