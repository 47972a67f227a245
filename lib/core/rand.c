/*
 * rand.c -- tokens, codes and file names.
 */
#include <errno.h>
#include <sys/random.h>

#include "rand.h"

int
rand_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;
	ssize_t got;

	while (n > 0) {
		got = getrandom(p, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		p += got;
		n -= (size_t)got;
	}
	return 1;
}

int
rand_hex(char *out, size_t nbytes)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[64];
	size_t i;

	if (nbytes > sizeof(b) || !rand_bytes(b, nbytes))
		return 0;
	for (i = 0; i < nbytes; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * nbytes] = '\0';
	return 1;
}

int
rand_digits(char *out, size_t n)
{
	unsigned char b;
	size_t i = 0;

	/* Rejection sampling: bytes >= 250 would bias the digits. */
	while (i < n) {
		if (!rand_bytes(&b, 1))
			return 0;
		if (b < 250)
			out[i++] = (char)('0' + b % 10);
	}
	out[n] = '\0';
	return 1;
}

int
rand_token_ok(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 64;
}
