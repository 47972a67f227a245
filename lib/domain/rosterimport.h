/*
 * rosterimport.h -- 导入职工信息: a roster workbook checked row by row and
 * merged into the unit's roster in the background (hz-jobs).
 *
 * The page starts a job and shows its progress; the worker reads the
 * sheet as a stream, checks each row in C (SPEC §3), streams the checked
 * rows into a staging table with LOAD DATA LOCAL INFILE (MariaDB inserts
 * while the next rows are read; array binding where the server refuses
 * it), settles what needs the database (people in other units) as sets
 * in SQL, merges in one transaction and writes a result workbook listing
 * every failed or flagged row with its reason.  hz-jobs logs the time of
 * each phase (read, check, stage, merge, result).
 */
#ifndef HZ_ROSTERIMPORT_H
#define HZ_ROSTERIMPORT_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;
struct upload;

struct import_job {
	int64_t	 id, unit_id, agent_id, result_id;
	int64_t	 attachment_id;		/* the uploaded workbook */
	char	 state[8];	/* queued running done failed */
	char	 filename[4 * 200 + 1];	/* STORE_NAME_MAX characters */
	char	 error[300];
	char	 created_at[20];
	int64_t	 rows_read, added, updated, failed, warned;
	double	 seconds;	/* from start to finish (or now) */
};

/*
 * import_start: `by` (an agent with 医疗互助 in `unit`) uploads a roster
 * workbook: it is kept and a job queued for hz-jobs, audited
 * "roster.import", in one transaction.  Returns RF_OK with *job set;
 * RF_FILE with *why the store's sentence when the file is refused (not an
 * .xlsx by content, too big, none); or RF_DB.
 */
enum refusal import_start(struct db *db, const struct actor *by, int64_t unit,
    const struct upload *u, int64_t *job, const char **why);

/* import_get: 1 with *j filled, 0 if none, -1 on error. */
int import_get(struct db *db, int64_t id, struct import_job *j);

/* import_recent: the unit's last 10 jobs: 0 id, 1 state, 2 filename,
 * 3 created, 4 added, 5 updated, 6 failed, 7 rows read. */
struct db_res *import_recent(struct db *db, int64_t unit);

/*
 * import_run_next: claim one queued job (or one whose worker stopped
 * beating) and run it to the end.  Returns 1 if a job ran, 0 if none was
 * waiting, -1 on a database error.
 */
int import_run_next(struct db *db);

#endif
