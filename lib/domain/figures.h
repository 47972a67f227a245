/*
 * figures.h -- 统计数字: whole-table counts for the office pages.
 *
 * Counting 100 000 members costs tens of milliseconds, too much for a page
 * view, so hz-jobs recounts every figure each minute into table `figure`
 * and pages read the stored values with the time they were counted.
 */
#ifndef HZ_FIGURES_H
#define HZ_FIGURES_H

#include <stdint.h>

struct db;

enum figure {
	FIG_MEMBERS,	/* 在册职工 */
	FIG_UNITS,	/* 基层单位 (approved) */
	FIG__MAX
};

struct figures {
	int64_t	 value[FIG__MAX];	/* -1: not counted yet */
	char	 counted_at[20];	/* "YYYY-MM-DD hh:mm:ss", "" if never */
};

/* figures_refresh: recount every figure.  Returns 1, or 0 on error. */
int figures_refresh(struct db *db);

/*
 * figures_get: the stored figures in one statement, or this process's copy
 * of them until the next recount is due.  Returns 1, 0 on error.
 */
int figures_get(struct db *db, struct figures *f);

#endif
