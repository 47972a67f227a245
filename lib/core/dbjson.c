/*
 * dbjson.c -- the lists of ids a statement reads as one JSON parameter
 * through JSON_TABLE (db.h: db_ids_json, db_tuples_json).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"

char *
db_tuples_json(const int64_t *v, size_t n, size_t width)
{
	char *s, *p;
	size_t i, j;

	if (width == 0 || (s = malloc(n * width * 21 + n * 3 + 3)) == NULL)
		return NULL;
	p = s;
	*p++ = '[';
	for (i = 0; i < n; i++) {
		if (i > 0)
			*p++ = ',';
		if (width > 1)
			*p++ = '[';
		for (j = 0; j < width; j++)
			p += sprintf(p, "%s%lld", j ? "," : "",
			    (long long)v[i * width + j]);
		if (width > 1)
			*p++ = ']';
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

char *
db_ids_json(const int64_t *ids, size_t n)
{
	return db_tuples_json(ids, n, 1);
}
