/*
 * epoch.c -- the shared change counter; see epoch.h.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "epoch.h"
#include "log.h"

/* The first 8 bytes of the file; the rest of the page is unused. */
static uint64_t *counter;

int
epoch_open(const char *path)
{
	struct stat st;
	void *p;
	int fd;

	if (counter != NULL)
		return 1;
	if (path == NULL || *path == '\0')
		return 0;
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0660)) == -1) {
		log_warn("epoch: %s: %s; caches are off", path, strerror(errno));
		return 0;
	}
	/*
	 * A new file is grown to one page (growing again is harmless) and
	 * made group-writable whatever the umask, for hzctl in the group.
	 */
	if (fstat(fd, &st) == -1 ||
	    (st.st_size < 4096 && (ftruncate(fd, 4096) == -1 ||
	    fchmod(fd, 0660) == -1))) {
		log_warn("epoch: %s: %s; caches are off", path, strerror(errno));
		close(fd);
		return 0;
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		log_warn("epoch: mmap %s: %s; caches are off", path,
		    strerror(errno));
		return 0;
	}
	counter = p;
	return 1;
}

int
epoch_on(void)
{
	return counter != NULL;
}

uint64_t
epoch_now(void)
{
	return counter ? __atomic_load_n(counter, __ATOMIC_ACQUIRE) : 0;
}

void
epoch_bump(void)
{
	if (counter)
		__atomic_add_fetch(counter, 1, __ATOMIC_ACQ_REL);
}

static time_t
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

int
epoch_keep(struct epoch_mark *m, uint64_t epoch, long ttl)
{
	m->until = 0;
	if (counter == NULL || ttl <= 0)
		return 0;
	m->epoch = epoch;
	m->until = mono_now() + ttl;
	return 1;
}

int
epoch_fresh(struct epoch_mark *m)
{
	if (m->until == 0)
		return 0;
	if (counter == NULL || m->epoch != epoch_now() ||
	    mono_now() >= m->until) {
		m->until = 0;
		return 0;
	}
	return 1;
}
