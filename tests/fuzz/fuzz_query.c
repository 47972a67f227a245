// fuzz-sources: lib/core/http_parse.c
// fuzz-libs:
/*
 * fuzz_query.c -- parse_urlencoded() on arbitrary query strings with the
 * portals' default limits.  Checks that a failure leaves nothing behind and
 * that every pair is a proper C string of its stated length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist		 l = { 0 };
	enum parse_status	 st;
	size_t			 i;

	st = parse_urlencoded((const char *)data, size, NULL, &l);
	if (st != PARSE_OK && (l.n != 0 || l.v != NULL))
		abort();
	for (i = 0; i < l.n; i++) {
		if (l.v[i].key[0] == '\0' || strlen(l.v[i].val) != l.v[i].vlen)
			abort();
		if (kvlist_get(&l, l.v[i].key) == NULL)
			abort();
	}
	kvlist_free(&l);
	return 0;
}
