/*
 * tap.h -- the smallest TAP producer, shared by every C test in tests/.
 *
 * Each check prints "ok N - what" or "not ok N - what"; tap_done() prints the
 * plan and returns the process exit status (0 only if nothing failed).  The
 * automake TAP driver and .ci/run count these lines.
 */
#ifndef HZ_TAP_H
#define HZ_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

/* Record one check; prints the caller's location when it fails. */
#define ok(cond, ...) tap_ok_at(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Compare two C strings (NULL-safe) and show both on failure. */
#define is_str(got, want, ...) do {                                      \
	const char *g_ = (got), *w_ = (want);                            \
	int same_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_;         \
	if (!tap_ok_at(same_, __FILE__, __LINE__, __VA_ARGS__))          \
		printf("#   got: '%s'\n#  want: '%s'\n",                 \
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");             \
} while (0)

/* Compare two integers and show both on failure. */
#define is_int(got, want, ...) do {                                      \
	long long g_ = (long long)(got), w_ = (long long)(want);          \
	if (!tap_ok_at(g_ == w_, __FILE__, __LINE__, __VA_ARGS__))       \
		printf("#   got: %lld\n#  want: %lld\n", g_, w_);        \
} while (0)

#include <stdarg.h>
static inline int
tap_ok_at(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass) {
		tap_failed++;
		printf("#   at %s:%d\n", file, line);
	}
	fflush(stdout);
	return pass;
}

/* Print the plan; use as `return tap_done();` at the end of main(). */
static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
