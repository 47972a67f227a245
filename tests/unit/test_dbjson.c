/*
 * test_dbjson.c -- the JSON lists statements read with JSON_TABLE:
 * db_ids_json's ids and db_tuples_json's pairs, at their edges.
 */
#include <stdint.h>
#include <stdlib.h>

#include "db.h"
#include "tap.h"

/* is_str on a malloc'd result, freed. */
static void
is_json(char *got, const char *want, const char *name)
{
	is_str(got ? got : "(null)", want, name);
	free(got);
}

int
main(void)
{
	const int64_t ids[] = { 3, 5, 8 };
	const int64_t pairs[] = { 1, 7, 2, 9, 2, INT64_MAX };
	const int64_t neg[] = { -1, INT64_MIN };

	is_json(db_ids_json(ids, 3), "[3,5,8]", "ids");
	is_json(db_ids_json(ids, 1), "[3]", "one id");
	is_json(db_ids_json(ids, 0), "[]", "no ids");
	is_json(db_tuples_json(pairs, 3, 2),
	    "[[1,7],[2,9],[2,9223372036854775807]]", "pairs, the largest too");
	is_json(db_tuples_json(pairs, 1, 2), "[[1,7]]", "one pair");
	is_json(db_tuples_json(pairs, 0, 2), "[]", "no pairs");
	is_json(db_tuples_json(pairs, 2, 3), "[[1,7,2],[9,2,9223372036854775807]]",
	    "triples");
	/* The longest numbers fill the room reserved for them exactly. */
	is_json(db_tuples_json(neg, 1, 2),
	    "[[-1,-9223372036854775808]]", "the smallest number");
	ok(db_tuples_json(pairs, 3, 0) == NULL, "width 0: nothing");
	return tap_done();
}
