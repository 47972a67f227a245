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

/* rand_digits: n uniformly random decimal digits + NUL.  Returns 1/0. */
int rand_digits(char *out, size_t n);

#endif
