// fuzz-sources: lib/core/http_parse.c
// fuzz-libs:
/*
 * fuzz_cookie.c -- parse_cookies() on a NUL-terminated copy of the input.
 * It must never fail (short of ENOMEM) and must only yield token names and
 * valid UTF-8 values without ';'.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist	 l = { 0 };
	char		*hdr;
	size_t		 i;

	if ((hdr = malloc(size + 1)) == NULL)
		return 0;
	memcpy(hdr, data, size);
	hdr[size] = '\0';
	if (parse_cookies(hdr, &l) != PARSE_OK)
		abort();
	for (i = 0; i < l.n; i++) {
		if (l.v[i].key[0] == '\0' ||
		    strpbrk(l.v[i].key, " \t;=\"") != NULL)
			abort();
		if (strlen(l.v[i].val) != l.v[i].vlen ||
		    memchr(l.v[i].val, ';', l.v[i].vlen) != NULL ||
		    !utf8_valid(l.v[i].val, l.v[i].vlen))
			abort();
	}
	kvlist_free(&l);
	free(hdr);
	return 0;
}
