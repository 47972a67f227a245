/*
 * epoch.h -- one counter shared by every program on the host (变更代数).
 *
 * Per-process caches (signed-in sessions) stay valid only while the epoch
 * is unchanged.  Anything that changes what a cache holds moves the epoch
 * after the change is committed: db_txn() and db_publish() do it for work
 * marked with db_changed(), which audit_log() and the session functions
 * call.  The counter lives in a small file mapped MAP_SHARED, so moving it
 * costs one atomic add and reading it one load, no system call.
 *
 * Programs on several hosts cannot share it, so caches are on only where
 * huzhu.conf sets `epoch_file` (the packaged example does, for one host).
 */
#ifndef HZ_EPOCH_H
#define HZ_EPOCH_H

#include <stdint.h>
#include <time.h>

/*
 * epoch_open: map the counter file at `path`, creating it (mode 0660) if
 * missing.  An empty path turns caches off.  Returns 1 when mapped, 0
 * otherwise (logged; the program works on, without caches).  Idempotent.
 */
int epoch_open(const char *path);

/* epoch_on: 1 when the counter is mapped, so caches may be used. */
int epoch_on(void);

/* epoch_now: the counter's value (0 when not mapped). */
uint64_t epoch_now(void);

/* epoch_bump: move the counter after a committed change.  No-op unmapped. */
void epoch_bump(void);

/*
 * A cached copy's validity: the epoch it was read under and a deadline.
 * Take epoch_now() before reading what is to be kept, so a change committed
 * meanwhile voids the copy.
 */
struct epoch_mark {
	uint64_t	 epoch;
	time_t		 until;		/* CLOCK_MONOTONIC seconds; 0: empty */
};

/* epoch_keep: mark a copy read under `epoch` valid for `ttl` seconds.
 * Returns 1, or 0 (mark emptied) when caches are off or ttl <= 0. */
int epoch_keep(struct epoch_mark *m, uint64_t epoch, long ttl);

/* epoch_fresh: 1 while the copy is valid; an expired mark is emptied. */
int epoch_fresh(struct epoch_mark *m);

#endif
