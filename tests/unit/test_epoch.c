/*
 * test_epoch.c -- the shared change counter: off without a file, moved by
 * one process and seen by another mapping of the same file.
 */
#include <sys/mman.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "epoch.h"
#include "tap.h"

/* The counter as a separate mapping of the file sees it. */
static uint64_t
peek(const char *path)
{
	uint64_t v = UINT64_MAX, *p;
	int fd = open(path, O_RDONLY);

	if (fd == -1)
		return v;
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return v;
	v = *p;
	munmap(p, 4096);
	return v;
}

int
main(void)
{
	char path[] = "/tmp/hz-epoch-XXXXXX";
	struct epoch_mark m = { 0, 0 };
	pid_t pid;
	int fd, st;

	ok(!epoch_open(""), "an empty path leaves caches off");
	ok(!epoch_keep(&m, 0, 60), "nothing is kept while caches are off");
	ok(!epoch_fresh(&m), "... and nothing is fresh");
	ok(!epoch_on(), "... so epoch_on() says no");
	epoch_bump();
	is_int(epoch_now(), 0, "bump without a file is a no-op");
	ok(!epoch_open("/nonexistent/dir/epoch"), "an unwritable path: off, no crash");

	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	unlink(path);			/* epoch_open creates it */
	ok(epoch_open(path), "a new file is created and mapped");
	ok(epoch_on(), "caches may be used");
	is_int(epoch_now(), 0, "starts at 0");
	epoch_bump();
	epoch_bump();
	is_int(epoch_now(), 2, "two bumps, two");
	is_int(peek(path), 2, "another mapping of the file sees 2");

	/* Another process moves it; this one sees the change at once. */
	if ((pid = fork()) == 0) {
		epoch_bump();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	is_int(epoch_now(), 3, "a bump by another process is seen");
	ok(epoch_open(path), "opening again is harmless");
	is_int(epoch_now(), 3, "... and keeps the value");

	/* Marks: fresh until the epoch moves or the deadline passes. */
	ok(!epoch_keep(&m, epoch_now(), 0), "a ttl of 0 keeps nothing");
	ok(epoch_keep(&m, epoch_now(), 60), "kept for a minute");
	ok(epoch_fresh(&m), "fresh while nothing changed");
	epoch_bump();
	ok(!epoch_fresh(&m), "stale once the epoch moves");
	ok(!epoch_fresh(&m), "... and stays stale");
	ok(epoch_keep(&m, epoch_now() - 1, 60), "a copy read before a change");
	ok(!epoch_fresh(&m), "is stale from the start");
	ok(epoch_keep(&m, epoch_now(), 1), "kept for one second");
	sleep(2);
	ok(!epoch_fresh(&m), "stale after its deadline");
	unlink(path);
	return tap_done();
}
