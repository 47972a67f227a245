/*
 * sha256.h -- SHA-256 (FIPS 180-4) of a buffer or a file, as 64 lowercase
 * hex digits: what a bank file is known by once it has left the system.
 */
#ifndef HZ_SHA256_H
#define HZ_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 len;		/* bytes so far */
	unsigned char	 buf[64];
	size_t		 n;		/* bytes in buf */
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t len);
/* sha256_hex: finish into 64 hex digits and a NUL. */
void sha256_hex(struct sha256 *s, char hex[65]);

/* sha256_file: the digest of the file at `path` into hex.  Returns 1, 0
 * when the file cannot be read. */
int sha256_file(const char *path, char hex[65]);

#endif
