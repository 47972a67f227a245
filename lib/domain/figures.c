/*
 * figures.c -- 统计数字, recounted by hz-jobs, read by pages.
 */
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "figures.h"

/* Stored names, indexed by enum figure. */
static const char *const names[FIG__MAX] = {
	[FIG_MEMBERS] = "members",
	[FIG_UNITS] = "units",
};

/* Statements 0 .. FIG__MAX-1 count figure i; then the store and the read. */
enum stmt {
	STMT_STORE = FIG__MAX,
	STMT_GET,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[FIG_MEMBERS] = "SELECT COUNT(*) FROM member",
	[FIG_UNITS] =
	    "SELECT COUNT(*) FROM org WHERE level = 'unit' AND status = 'approved'",
	[STMT_STORE] =
	    "INSERT INTO figure (name, value, counted_at) VALUES (?, ?, NOW())"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value),"
	    " counted_at = VALUES(counted_at)",
	[STMT_GET] = "SELECT name, value, counted_at,"
	    " TIMESTAMPDIFF(SECOND, counted_at, NOW()) FROM figure",
};

static const struct db_table tab = { DBM_FIGURES, sql, STMT__MAX };

int
figures_refresh(struct db *db)
{
	int64_t n;
	int i, found;

	for (i = 0; i < FIG__MAX; i++) {
		n = db_one_int(db, &tab, i, &found, "");
		if (!found ||
		    db_exec(db, &tab, STMT_STORE, "si", names[i], n) < 0)
			return 0;
	}
	return 1;
}

/*
 * The stored figures change only when hz-jobs recounts, so a process keeps
 * the copy it read until the next recount is due (figures_every after the
 * newest count) or the epoch moves.  If hz-jobs is late, every view reads
 * them again.
 */
static struct figures kept;
static struct epoch_mark kept_mark;

int
figures_get(struct db *db, struct figures *f)
{
	struct db_res *r;
	const char *name, *at;
	uint64_t epoch = epoch_now();
	int64_t age = -1;
	int i;

	if (epoch_fresh(&kept_mark)) {
		*f = kept;
		return 1;
	}
	memset(f, 0, sizeof(*f));
	for (i = 0; i < FIG__MAX; i++)
		f->value[i] = -1;
	if ((r = db_query(db, &tab, STMT_GET, "")) == NULL)
		return 0;
	while (db_next(r) == 1) {
		name = db_col(r, 0);
		for (i = 0; i < FIG__MAX; i++)
			if (name && strcmp(name, names[i]) == 0)
				f->value[i] = db_int(r, 1);
		at = db_col(r, 2);
		if (at && strcmp(at, f->counted_at) > 0) {
			snprintf(f->counted_at, sizeof(f->counted_at), "%s", at);
			age = db_int(r, 3);
		}
	}
	db_done(r);
	if (age >= 0 &&
	    epoch_keep(&kept_mark, epoch, conf_long(CONF_FIGURES_EVERY) - age))
		kept = *f;
	return 1;
}
