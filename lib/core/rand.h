/*
 * rand.h -- randomness from the kernel (getrandom), never rand(3).
 */
#ifndef HZ_RAND_H
#define HZ_RAND_H

#include <stddef.h>

/* rand_bytes: fill buf with n random bytes.  Returns 1, or 0 on failure. */
int rand_bytes(void *buf, size_t n);

/* rand_hex: 2*nbytes lowercase hex digits + NUL into out.  Returns 1/0. */
int rand_hex(char *out, size_t nbytes);

/* rand_token_ok: 1 if s (may be NULL) has the form of the tokens
 * rand_hex(out, 32) makes, 64 lowercase hex digits: session, CSRF and
 * captcha cookies are checked with it before any use. */
int rand_token_ok(const char *s);

/* rand_digits: n uniformly random decimal digits + NUL.  Returns 1/0. */
int rand_digits(char *out, size_t n);

#endif
