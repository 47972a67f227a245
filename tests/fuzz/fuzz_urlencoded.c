// fuzz-sources: lib/core/http_parse.c
// fuzz-libs:
/*
 * fuzz_urlencoded.c -- parse_urlencoded() with small limits, appending to a
 * list that already holds a pair.  Invariants: on failure the list is as it
 * was; on success every key and value is valid UTF-8 within the limits, and
 * the same input also parses under the default limits to the same pairs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct parse_limits small = {
	.max_fields = 4,
	.max_value = 16,
	.max_files = 0,
	.max_file = 0,
	.max_total = 512,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kvlist		 l = { 0 }, d = { 0 };
	enum parse_status	 st, dst;
	const struct kv		*p;
	size_t			 i, klen;

	if (!kvlist_add(&l, "pre", "x", 1))
		return 0;
	st = parse_urlencoded((const char *)data, size, &small, &l);
	if (l.n < 1 || strcmp(l.v[0].key, "pre") || strcmp(l.v[0].val, "x"))
		abort();
	if (st != PARSE_OK && l.n != 1)
		abort();
	if (st == PARSE_OK && l.n - 1 > small.max_fields)
		abort();
	for (i = 1; i < l.n; i++) {
		p = &l.v[i];
		klen = strlen(p->key);
		if (klen == 0 || klen > small.max_value ||
		    p->vlen > small.max_value || strlen(p->val) != p->vlen)
			abort();
		if (!utf8_valid(p->key, klen) || !utf8_valid(p->val, p->vlen))
			abort();
	}

	/* what passes the small limits passes the defaults, identically */
	dst = parse_urlencoded((const char *)data, size, NULL, &d);
	if (st == PARSE_OK) {
		if (dst != PARSE_OK || d.n != l.n - 1)
			abort();
		for (i = 0; i < d.n; i++)
			if (strcmp(d.v[i].key, l.v[i + 1].key) ||
			    d.v[i].vlen != l.v[i + 1].vlen ||
			    memcmp(d.v[i].val, l.v[i + 1].val, d.v[i].vlen))
				abort();
	}
	if (st == PARSE_BAD && dst == PARSE_OK)
		abort();	/* malformed does not depend on limits */
	kvlist_free(&d);
	kvlist_free(&l);
	return 0;
}
