/*
 * rosterimport.c -- the roster import job: read, check, stage, merge,
 * report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "http_parse.h"
#include "kind.h"
#include "log.h"
#include "roster.h"
#include "rostercheck.h"
#include "rosterimport.h"
#include "store.h"
#include "valid.h"
#include "xlsx.h"
#include "xlsxread.h"

#define BATCH		1000	/* rows per array-bound insert (local_infile off) */
#define NSTAGE		15	/* columns of STMT_STAGE */
#define HEAD_ROWS	10	/* the header must be within these rows */

enum stmt {
	STMT_CREATE,
	STMT_GET,
	STMT_RECENT,
	STMT_CLAIM,
	STMT_START,
	STMT_PROGRESS,
	STMT_FAIL,
	STMT_STAGE,
	STMT_LOAD,
	STMT_CLEAR,
	STMT_SETTLE,
	STMT_UPSERT,
	STMT_MEMBERSHIP,
	STMT_COUNTS,
	STMT_DONE,
	STMT_PROBLEMS,
	STMT__MAX
};

#define SAME_PERSON "m.id_type = r.id_type AND m.id_number = r.id_number"
/* In an upsert: the existing member is this unit's, or nobody's. */
#define MINE "COALESCE(member.unit_id, VALUES(unit_id)) = VALUES(unit_id)"

static const char *const sql[STMT__MAX] = {
	[STMT_CREATE] =
	    "INSERT INTO import_job (unit_id, agent_id, attachment_id, filename)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_GET] =
	    "SELECT id, unit_id, agent_id, COALESCE(result_id, 0), state,"
	    " filename, COALESCE(error, ''),"
	    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), rows_read, added,"
	    " updated, failed, warned, COALESCE(TIMESTAMPDIFF(MICROSECOND,"
	    " started_at, COALESCE(finished_at, NOW(6))), 0), attachment_id"
	    " FROM import_job WHERE id = ?",
	[STMT_RECENT] =
	    "SELECT id, state, filename, DATE_FORMAT(created_at,"
	    " '%Y-%m-%d %H:%i'), added, updated, failed, rows_read"
	    " FROM import_job WHERE unit_id = ? ORDER BY id DESC LIMIT 10",
	[STMT_CLAIM] =
	    "SELECT id FROM import_job WHERE state = 'queued' OR (state ="
	    " 'running' AND heartbeat_at < NOW() - INTERVAL 2 MINUTE)"
	    " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
	[STMT_START] =
	    "UPDATE import_job SET state = 'running', started_at = NOW(6),"
	    " heartbeat_at = NOW(), rows_read = 0 WHERE id = ?",
	[STMT_PROGRESS] =
	    "UPDATE import_job SET rows_read = ?, heartbeat_at = NOW()"
	    " WHERE id = ?",
	[STMT_FAIL] =
	    "UPDATE import_job SET state = 'failed', error = ?,"
	    " finished_at = NOW(6) WHERE id = ?",
	[STMT_STAGE] =
	    "INSERT INTO import_row (job_id, row_no, status, message, id_type,"
	    " id_number, name, gender, birth_date, phone, si_type, si_card,"
	    " bank_card, bank_name, remarks)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* The same columns, streamed (lib/core/db.c: db_load). */
	[STMT_LOAD] =
	    "LOAD DATA LOCAL INFILE 'import_row' INTO TABLE import_row"
	    " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t'"
	    " ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
	    " (job_id, row_no, status, message, id_type, id_number, name,"
	    " gender, birth_date, phone, si_type, si_card, bank_card,"
	    " bank_name, remarks)",
	[STMT_CLEAR] = "DELETE FROM import_row WHERE job_id = ?",
	/*
	 * Who is a member already: of another unit, the row fails (会籍变更
	 * is the way in); of this unit or of none, the row updates them
	 * (existed).  One pass, from the staged rows to member: STRAIGHT_JOIN,
	 * never from every member of every other unit to the rows.
	 */
	[STMT_SETTLE] =
	    "UPDATE import_row r STRAIGHT_JOIN member m ON " SAME_PERSON
	    " LEFT JOIN org o ON o.id = m.unit_id AND m.unit_id <> ?"
	    " SET r.existed = o.id IS NULL,"
	    " r.status = IF(o.id IS NULL, r.status, 'fail'),"
	    " r.message = IF(o.id IS NULL, r.message, CONCAT('该职工已是“',"
	    " o.name, '”的会员，如需调入本单位请办理会籍变更'))"
	    " WHERE r.job_id = ? AND r.status <> 'fail'",
	/*
	 * New people are added; people of this unit (or of none) updated.
	 * unit_id is assigned last: the conditions before it see the old
	 * value, so someone moved elsewhere meanwhile is left alone.
	 */
	[STMT_UPSERT] =
	    "INSERT INTO member (id_type, id_number, name, gender, birth_date,"
	    " phone, si_type, si_card, bank_card, bank_name, remarks, unit_id)"
	    " SELECT id_type, id_number, name, gender, birth_date, phone,"
	    " si_type, si_card, bank_card, bank_name, remarks, ?"
	    " FROM import_row WHERE job_id = ? AND status <> 'fail'"
	    " ORDER BY row_no ON DUPLICATE KEY UPDATE"
	    " member.name = IF(" MINE ", VALUES(name), member.name),"
	    " member.phone = IF(" MINE ", VALUES(phone), member.phone),"
	    " member.si_type = IF(" MINE ","
	    "  COALESCE(VALUES(si_type), member.si_type), member.si_type),"
	    " member.si_card = IF(" MINE ","
	    "  COALESCE(VALUES(si_card), member.si_card), member.si_card),"
	    " member.bank_card = IF(" MINE ","
	    "  COALESCE(VALUES(bank_card), member.bank_card), member.bank_card),"
	    " member.bank_name = IF(" MINE ","
	    "  COALESCE(VALUES(bank_name), member.bank_name), member.bank_name),"
	    " member.remarks = IF(" MINE ","
	    "  COALESCE(VALUES(remarks), member.remarks), member.remarks),"
	    " member.unit_id = COALESCE(member.unit_id, VALUES(unit_id))",
	[STMT_MEMBERSHIP] =
	    "INSERT INTO membership (member_id, unit_id, reason)"
	    " SELECT m.id, m.unit_id, '名册导入' FROM import_row r"
	    " STRAIGHT_JOIN member m ON " SAME_PERSON
	    " WHERE r.job_id = ? AND r.status <> 'fail' AND m.unit_id = ?"
	    " AND NOT EXISTS (SELECT 1 FROM membership x WHERE"
	    " x.member_id = m.id AND x.unit_id = m.unit_id"
	    " AND x.ended_at IS NULL)",
	[STMT_COUNTS] =
	    "SELECT COALESCE(SUM(status <> 'fail' AND existed = 0), 0),"
	    " COALESCE(SUM(status <> 'fail' AND existed = 1), 0),"
	    " COALESCE(SUM(status = 'fail'), 0),"
	    " COALESCE(SUM(status = 'warn'), 0) FROM import_row WHERE job_id = ?",
	[STMT_DONE] =
	    "UPDATE import_job SET state = 'done', added = ?, updated = ?,"
	    " failed = ?, warned = ?, result_id = NULLIF(?, 0),"
	    " finished_at = NOW(6) WHERE id = ?",
	[STMT_PROBLEMS] =
	    "SELECT row_no, name, id_type, id_number, phone, status, message"
	    " FROM import_row WHERE job_id = ? AND status <> 'ok'"
	    " ORDER BY row_no",
};

static const struct db_table tab = { DBM_IMPORT, sql, STMT__MAX };

/* The workbook kept, the job queued and the audit row. */
struct start_arg {
	const struct actor	*by;
	int64_t			 unit, job;
	const struct upload	*u;
	const char		*why;
	enum refusal		 rf;
};

static int
start_txn(struct db *db, void *arg)
{
	struct start_arg *a = arg;
	char name[4 * STORE_NAME_MAX + 1];
	int64_t file;

	a->rf = RF_DB;
	if ((file = store_put(db, a->u, AK_ROSTER, "import", a->unit,
	    a->by->kind, a->by->id, &a->why)) <= 0) {
		if (a->why)
			a->rf = RF_FILE;
		return 1;
	}
	utf8_copy(name, sizeof(name), a->u->filename && *a->u->filename ?
	    a->u->filename : "职工名册.xlsx", STORE_NAME_MAX);
	if (db_exec(db, &tab, STMT_CREATE, "iiis", a->unit, a->by->id, file,
	    name) != 1)
		return 1;
	a->job = db_insert_id(db);
	if (!audit_act(db, a->by, "roster.import", "import_job", a->job, NULL))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
import_start(struct db *db, const struct actor *by, int64_t unit,
    const struct upload *u, int64_t *job, const char **why)
{
	struct start_arg a = { by, unit, 0, u, NULL, RF_DB };

	*job = 0;
	if (db_txn(db, start_txn, &a) < 0)
		return RF_DB;
	*job = a.job;
	*why = a.why;
	return a.rf;
}

int
import_get(struct db *db, int64_t id, struct import_job *j)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(j, 0, sizeof(*j));
		j->id = db_int(r, 0);
		j->unit_id = db_int(r, 1);
		j->agent_id = db_int(r, 2);
		j->result_id = db_int(r, 3);
		snprintf(j->state, sizeof(j->state), "%s", db_col(r, 4));
		snprintf(j->filename, sizeof(j->filename), "%s", db_col(r, 5));
		snprintf(j->error, sizeof(j->error), "%s", db_col(r, 6));
		snprintf(j->created_at, sizeof(j->created_at), "%s", db_col(r, 7));
		j->rows_read = db_int(r, 8);
		j->added = db_int(r, 9);
		j->updated = db_int(r, 10);
		j->failed = db_int(r, 11);
		j->warned = db_int(r, 12);
		j->seconds = (double)db_int(r, 13) / 1e6;
		j->attachment_id = db_int(r, 14);
	}
	db_done(r);
	return rc;
}

struct db_res *
import_recent(struct db *db, int64_t unit)
{
	return db_query(db, &tab, STMT_RECENT, "i", unit);
}

/* The phases of a job, timed for the log (and `make bench`). */
enum phase { PH_READ, PH_CHECK, PH_STAGE, PH_MERGE, PH_RESULT, PH__MAX };

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct run {
	double		 took[PH__MAX];	/* seconds spent in each phase */
	struct db	*db;
	int64_t		 job;
	char		 jobtext[24];	/* the job id as text, for staging */
	struct xlsx_reader *xr;
	int		 have_head;
	struct roster_check check;
	int64_t		 rows;
	const char	*error;		/* why the whole file failed */

	/* Staging by LOAD DATA: the lines made and not yet handed over. */
	char		*tsv;
	size_t		 tlen, toff, tcap;
	int		 eof;		/* the sheet is read to its end */
	struct db	*pdb;		/* meanwhile, progress on its own */
	double		 progress_at;
	/* Staging by array binding (LOAD DATA LOCAL refused). */
	struct staged	*batch;
	size_t		 nbatch;
};

/*
 * staged_values: the STMT_STAGE / STMT_LOAD columns of *s into v[NSTAGE]
 * (empty optional fields as NULL); pointers into *s and run.
 */
static void
staged_values(const struct run *run, const struct staged *s,
    const char *v[NSTAGE])
{
#define OPT(f) (*s->f ? s->f : NULL)
	v[0] = run->jobtext;
	v[1] = s->row_no;
	v[2] = s->status;
	v[3] = OPT(message);
	v[4] = s->id_type;
	v[5] = s->id_number;
	v[6] = s->name;
	v[7] = OPT(gender);
	v[8] = OPT(birth);
	v[9] = OPT(phone);
	v[10] = OPT(si_type);
	v[11] = OPT(si_card);
	v[12] = OPT(bank_card);
	v[13] = OPT(bank_name);
	v[14] = OPT(remarks);
#undef OPT
}

/* Stage the batch in one round trip and report progress. */
static int
flush(struct run *run)
{
	const char **v;
	size_t i;
	int ok;

	if (run->nbatch == 0)
		return 1;
	if ((v = calloc(run->nbatch * NSTAGE, sizeof(*v))) == NULL)
		return 0;
	for (i = 0; i < run->nbatch; i++)
		staged_values(run, &run->batch[i], &v[i * NSTAGE]);
	ok = db_bulk(run->db, &tab, STMT_STAGE, run->nbatch, NSTAGE, v) >= 0 &&
	    db_exec(run->db, &tab, STMT_PROGRESS, "ii", run->rows, run->job) >= 0;
	free(v);
	run->nbatch = 0;
	return ok;
}

/*
 * next_row: read on to the next data row (past the header, which it
 * finds first, and empty rows) and check it into *s.  Returns 1, 0 at the
 * end of the sheet (or when no header came in time), -1 with run->error
 * when the file cannot be read.
 */
static int
next_row(struct run *run, struct staged *s)
{
	struct xlsx_row row;
	double t0 = now_s(), t1;
	int rc;

	while ((rc = xlsx_next_row(run->xr, &row)) == 1) {
		if (!run->have_head) {
			if (rcheck_header(&run->check, &row))
				run->have_head = 1;
			else if (row.rownum >= HEAD_ROWS) {
				rc = 0;
				break;
			}
			continue;
		}
		if (rcheck_empty(&row))
			continue;
		t1 = now_s();
		run->took[PH_READ] += t1 - t0;
		run->rows++;
		rcheck_row(&run->check, &row, s);
		run->took[PH_CHECK] += now_s() - t1;
		return 1;
	}
	run->took[PH_READ] += now_s() - t0;
	if (rc < 0) {
		run->error = xlsx_status_text(xlsx_error(run->xr));
		return -1;
	}
	return 0;
}

/*
 * tsv_row: append *s to run->tsv as a LOAD DATA line: tab-separated, \N
 * for NULL, and backslash, tab, newline and carriage return escaped (so
 * "\N" or "NULL" typed in a cell stays text).  Returns 1, or 0 when out
 * of memory.
 */
static int
tsv_row(struct run *run, const struct staged *s)
{
	static const char esc[256] = {
		['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r'
	};
	const char *v[NSTAGE], *p;
	size_t i, need = 0;
	char *o, *nt;

	staged_values(run, s, v);
	for (i = 0; i < NSTAGE; i++)
		need += v[i] ? 2 * strlen(v[i]) + 1 : 3;
	if (run->tlen + need > run->tcap) {
		if ((nt = realloc(run->tsv, run->tlen + need + 65536)) == NULL)
			return 0;
		run->tsv = nt;
		run->tcap = run->tlen + need + 65536;
	}
	o = run->tsv + run->tlen;
	for (i = 0; i < NSTAGE; i++) {
		if (v[i] == NULL) {
			*o++ = '\\';
			*o++ = 'N';
		} else
			for (p = v[i]; *p; p++) {
				if (esc[(unsigned char)*p]) {
					*o++ = '\\';
					*o++ = esc[(unsigned char)*p];
				} else
					*o++ = *p;
			}
		*o++ = i + 1 < NSTAGE ? '\t' : '\n';
	}
	run->tlen = (size_t)(o - run->tsv);
	return 1;
}

/*
 * progress: tell the page how many rows are read (and beat the job's
 * heartbeat), at most four times a second, on a connection of its own:
 * the job's is busy loading.  Returns 1, or 0 on a database error.
 */
static int
progress(struct run *run)
{
	double now = now_s();

	if (now - run->progress_at < 0.25)
		return 1;
	run->progress_at = now;
	if (run->pdb == NULL && (run->pdb = db_open()) == NULL)
		return 0;
	return db_exec(run->pdb, &tab, STMT_PROGRESS, "ii", run->rows,
	    run->job) >= 0;
}

/*
 * fill: db_load()'s source: at most `size` bytes of the next checked rows
 * as LOAD DATA lines.  Returns the bytes, 0 at the end, -1 with
 * run->error when the file cannot be read or the progress not written.
 */
static int
fill(void *arg, char *buf, unsigned size)
{
	struct run *run = arg;
	struct staged s;
	size_t n;
	int rc;

	while (run->tlen - run->toff < size && !run->eof) {
		if (run->toff > 0) {
			memmove(run->tsv, run->tsv + run->toff,
			    run->tlen - run->toff);
			run->tlen -= run->toff;
			run->toff = 0;
		}
		if ((rc = next_row(run, &s)) < 0)
			return -1;
		if (rc == 0)
			run->eof = 1;
		else if (!tsv_row(run, &s) || !progress(run)) {
			run->error = "系统繁忙，导入中断，请稍后重新导入";
			return -1;
		}
	}
	if ((n = run->tlen - run->toff) == 0)
		return 0;
	if (n > size)
		n = size;
	memcpy(buf, run->tsv + run->toff, n);
	run->toff += n;
	return (int)n;
}

/*
 * stage_bulk: the same as the LOAD DATA, by array binding in batches of
 * BATCH rows, for a server whose local_infile is off.  Returns 1, or 0
 * with run->error.
 */
static int
stage_bulk(struct run *run)
{
	int rc;

	if (run->batch == NULL &&
	    (run->batch = calloc(BATCH, sizeof(*run->batch))) == NULL) {
		run->error = "系统繁忙，导入中断，请稍后重新导入";
		return 0;
	}
	while ((rc = next_row(run, &run->batch[run->nbatch])) == 1)
		if (++run->nbatch == BATCH && !flush(run)) {
			run->error = "系统繁忙，导入中断，请稍后重新导入";
			return 0;
		}
	return rc == 0;
}

/*
 * Read, check and stage the whole sheet: streamed into one LOAD DATA
 * LOCAL INFILE, so MariaDB inserts while the next rows are read and
 * checked.  Returns 1, or 0 with run->error.
 */
static int
read_sheet(struct run *run, const char *path)
{
	/* A roster has a dozen columns: 64 MB of XML is ~200 000 rows. */
	static const struct xlsx_limits lim = { 256u << 20, 200, 64 };
	enum xlsx_status st;
	double t0, inside;
	int64_t n;

	if ((run->xr = xlsx_open(path, &lim, &st)) == NULL) {
		run->error = xlsx_status_text(st);
		return 0;
	}
	t0 = now_s();
	inside = run->took[PH_READ] + run->took[PH_CHECK];
	n = db_load(run->db, &tab, STMT_LOAD, fill, run);
	if (n == DB_LOAD_REFUSED) {
		log_warn("import %lld: LOAD DATA LOCAL refused (the server's"
		    " local_infile is off); staging by array binding, slower",
		    (long long)run->job);
		n = stage_bulk(run) ? 0 : -1;
	}
	/* Staging is the time not spent reading or checking meanwhile. */
	run->took[PH_STAGE] += now_s() - t0 -
	    (run->took[PH_READ] + run->took[PH_CHECK] - inside);
	t0 = now_s();
	if (n < 0) {
		if (run->error == NULL)
			run->error = "系统繁忙，导入中断，请稍后重新导入";
	} else if (!run->have_head)
		run->error = "未找到表头：请使用系统提供的“职工名册模板”，"
		    "表头须包含“姓名”“证件号码”“手机号码”";
	else if (run->rows == 0)
		run->error = "文件中没有职工数据（表头以下都是空行）";
	else if (!flush(run) || db_exec(run->db, &tab, STMT_PROGRESS, "ii",
	    run->rows, run->job) < 0)
		run->error = "系统繁忙，导入中断，请稍后重新导入";
	run->took[PH_STAGE] += now_s() - t0;
	xlsx_close(run->xr);
	run->xr = NULL;
	return run->error == NULL;
}

struct merge_arg {
	int64_t	 job, unit, agent;
	int64_t	 counts[4];	/* added, updated, failed, warned */
};

/* Settle the staged rows against the database, all or nothing. */
static int
merge_txn(struct db *db, void *arg)
{
	struct merge_arg *m = arg;
	struct db_res *r;
	char detail[64];
	int i;

	if (db_exec(db, &tab, STMT_SETTLE, "ii", m->unit, m->job) < 0 ||
	    db_exec(db, &tab, STMT_UPSERT, "ii", m->unit, m->job) < 0 ||
	    db_exec(db, &tab, STMT_MEMBERSHIP, "ii", m->job, m->unit) < 0 ||
	    (r = db_query(db, &tab, STMT_COUNTS, "i", m->job)) == NULL)
		return 1;
	if (db_next(r) == 1)
		for (i = 0; i < 4; i++)
			m->counts[i] = db_int(r, i);
	db_done(r);
	snprintf(detail, sizeof(detail), "added=%lld updated=%lld",
	    (long long)m->counts[0], (long long)m->counts[1]);
	/* The roster changed: audited in the agent's name who imported it. */
	return audit_log(db, SESS_AGENT, m->agent, "", "roster.import.merge",
	    "import_job", m->job, detail) ? 0 : 1;
}

/* A row of the result workbook from a STMT_PROBLEMS row. */
static void
result_row(struct db_res *r, const char **cells, void *arg)
{
	const char *status = db_col(r, 5);

	(void)arg;
	cells[0] = db_col(r, 0);
	cells[1] = db_col(r, 1);
	cells[2] = id_type_label((int)db_int(r, 2));
	cells[3] = db_col(r, 3);
	cells[4] = db_col(r, 4);
	cells[5] = status && strcmp(status, "fail") == 0 ? "失败" : "提示";
	cells[6] = db_col(r, 6);
}

/* The result workbook: every failed or flagged row with its reason. */
static int64_t
write_result(struct run *run, int64_t unit)
{
	static const struct xlsx_col cols[] = {
		{ "行号", 8 }, { "姓名", 12 }, { "证件类型", 14 },
		{ "证件号码", 22 }, { "手机号码", 14 }, { "结果", 8 },
		{ "原因", 60 },
	};
	const char *err;
	char path[1024];
	int64_t id;

	if (!xlsx_tmp(path, sizeof(path), conf_str(CONF_TMP_DIR)) ||
	    xlsx_export(path, conf_str(CONF_TMP_DIR), "导入结果", cols, 7,
	    db_stream(run->db, &tab, STMT_PROBLEMS, "i", run->job),
	    result_row, NULL) < 0)
		return -1;
	id = store_put_path(run->db, path, "导入结果.xlsx", AK_IMPORT_RESULT,
	    "import", unit, 0, 0, &err);
	remove(path);
	return id > 0 ? id : -1;
}

static void
today(char out[11])
{
	time_t now = time(NULL) + 8 * 3600;	/* Asia/Shanghai, no DST */
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Run job `id` to the end; failures are recorded on the job. */
static int
run_job(struct db *db, int64_t id)
{
	struct run run;
	struct import_job j;
	struct attachment a;
	struct merge_arg m;
	char path[1024];
	int64_t result;
	double t0 = 0;
	int ok = 0;

	memset(&run, 0, sizeof(run));
	run.db = db;
	run.job = id;
	snprintf(run.jobtext, sizeof(run.jobtext), "%lld", (long long)id);
	today(run.check.today);
	if (import_get(db, id, &j) != 1 ||
	    db_exec(db, &tab, STMT_CLEAR, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_START, "i", id) < 0)
		return -1;
	if (store_get(db, j.attachment_id, &a) != 1)
		run.error = "找不到上传的文件，请重新导入";
	else if (read_sheet(&run, store_path(&a, path, sizeof(path)))) {
		memset(&m, 0, sizeof(m));
		m.job = id;
		m.unit = j.unit_id;
		m.agent = j.agent_id;
		t0 = now_s();
		if (db_txn(db, merge_txn, &m) != 0)
			run.error = "系统繁忙，导入中断，请稍后重新导入";
		run.took[PH_MERGE] = now_s() - t0;
		t0 = now_s();
		if (run.error)
			;
		else if ((result = write_result(&run, j.unit_id)) < 0)
			run.error = "导入已完成，但结果文件生成失败";
		else
			ok = db_exec(db, &tab, STMT_DONE, "iiiiii", m.counts[0],
			    m.counts[1], m.counts[2], m.counts[3],
			    m.counts[2] + m.counts[3] ? result : 0, id) >= 0;
		run.took[PH_RESULT] = now_s() - t0;
	}
	if (!ok && run.error)
		db_exec(db, &tab, STMT_FAIL, "si", run.error, id);
	t0 = now_s();
	db_exec(db, &tab, STMT_CLEAR, "i", id);
	log_info("import %lld: %lld rows, %s; read %.3f s, check %.3f s,"
	    " stage %.3f s, merge %.3f s, result %.3f s; cleared in %.3f s",
	    (long long)id, (long long)run.rows,
	    ok ? "done" : run.error ? run.error : "error",
	    run.took[PH_READ], run.took[PH_CHECK], run.took[PH_STAGE],
	    run.took[PH_MERGE], run.took[PH_RESULT], now_s() - t0);
	rcheck_free(&run.check);
	free(run.batch);
	free(run.tsv);
	db_close(run.pdb);
	return 1;
}

static int
claim_txn(struct db *db, void *arg)
{
	int64_t *id = arg;
	int found;

	*id = db_one_int(db, &tab, STMT_CLAIM, &found, "");
	if (!found) {
		*id = *id < 0 ? -1 : 0;
		return 1;
	}
	return db_exec(db, &tab, STMT_START, "i", *id) < 0;
}

int
import_run_next(struct db *db)
{
	int64_t id = 0;

	db_txn(db, claim_txn, &id);
	if (id <= 0)
		return id < 0 ? -1 : 0;
	return run_job(db, id);
}
