/*
 * db.h -- MariaDB through prepared statements only.
 *
 * Each module keeps its SQL in one array indexed by an enum (openradtool's
 * stmts[STMT__MAX]) and describes it with a struct db_table whose `slot` is
 * unique in enum db_module.  A statement is prepared the first time a
 * connection uses it and reused after.  Parameters are bound by a format
 * string, never pasted into SQL:
 *
 *	's'  const char *	(NULL binds SQL NULL)
 *	'i'  int64_t
 *
 * Result columns always come back as text (db_col) or parsed (db_int).
 */
#ifndef HZ_DB_H
#define HZ_DB_H

#include <stddef.h>
#include <stdint.h>

enum db_module {
	DBM_SESSION,
	DBM_AUTH,
	DBM_SMS,
	DBM_AUDIT,
	DBM_ORG,
	DBM_MEMBER,
	DBM_AGENT,
	DBM_STAFF,
	DBM_CTL,
	DBM_DEMO,
	DBM_FIGURES,
	DBM_FLOW,
	DBM_FLOW_MANY,
	DBM_MESSAGE,
	DBM_STORE,
	DBM_ORGAPP,
	DBM_ROSTER,
	DBM_IMPORT,
	DBM_UNITSTAFF,
	DBM_INVOICE,
	DBM_TRANSFER,
	DBM_MOVE,
	DBM_CAPTCHA,
	DBM_FLOWDESK,
	DBM_SIGNIN,
	DBM_PLAN,
	DBM_ENROLL,
	DBM_ENROLL_VIEW,
	DBM_ENROLL_CHECK,
	DBM_COVERAGE,
	DBM_PINVOICE,
	DBM_RENEWAL,
	DBM_DEMO_ENROL,
	DBM_DEMO_CLAIM,
	DBM_CLAIM,
	DBM_CLAIM_CHECK,
	DBM_CLAIM_NOTICE,
	DBM_CLAIM_PAY,
	DBM_CLAIM_VIEW,
	DBM_CLAIM_REC,
	DBM_CLAIM_FORM,
	DBM_PAYOUT,
	DBM_PAYOUT_IMPORT,
	DBM_PAYOUT_VIEW,
	DBM_ARTICLE,
	DBM_CONSENT,
	DBM_CHANGE,		/* 个人信息变更 (change.c) */
	DBM_CHANGE_VIEW,
	DBM_DEMO_CHANGE,
	DBM_MAIL,		/* recovery: mail.c */
	DBM_RECOVER,		/* recovery: recover.c */
	DBM_WX,			/* recovery: wx.c */
	DBM_APPEAL,		/* recovery: appeal.c */
	DBM_SMS_OUTBOX,		/* outbox.h: sms.c's */
	DBM_MAIL_OUTBOX,	/* outbox.h: mail.c's */
	DBM__MAX
};

#define DB_MAX_STMTS	64	/* per module */
#define DB_MAX_PARAMS	128

struct db_table {
	enum db_module		 slot;
	const char *const	*sql;
	size_t			 n;
};

struct db;
struct db_res;

/*
 * db_open: connect with the settings of huzhu.conf (utf8mb4, time zone
 * +08:00, READ COMMITTED).  Returns NULL on failure (logged).  Free with
 * db_close(), which is NULL-safe.
 */
struct db *db_open(void);
void db_close(struct db *db);

/*
 * db_new: a handle that connects at its first statement, for a server
 * process that must start, and answer "busy", while MariaDB is away.
 * NULL only when out of memory.
 */
struct db *db_new(void);

/*
 * db_unreachable: 1 when the server could not be reached at the last try
 * (connection refused or lost, and reconnecting failed): the request
 * answers 503, not 500.  The log says so once a second, not per request.
 */
int db_unreachable(const struct db *db);

/*
 * db_exec: run a statement that returns no rows.  Returns the number of
 * affected rows, or -1 on error (logged; see db_errno()).
 */
int64_t db_exec(struct db *db, const struct db_table *t, int stmt,
    const char *fmt, ...);

/*
 * db_query: run a statement that returns rows, fully buffered on the client
 * so other statements may run while it is open.  Returns a result to walk
 * with db_next() and free with db_done(), or NULL on error.
 *
 * db_stream: the same, unbuffered, for exports of any size: memory stays
 * constant, but no other statement may run on this connection until
 * db_done().
 */
struct db_res *db_query(struct db *db, const struct db_table *t, int stmt,
    const char *fmt, ...);
struct db_res *db_stream(struct db *db, const struct db_table *t, int stmt,
    const char *fmt, ...);

/* db_next: 1 with a row, 0 at the end, -1 on error. */
int db_next(struct db_res *res);
/* db_col: column i of the current row as text, NULL for SQL NULL.  The
 * text lives until the next db_next()/db_done(). */
const char *db_col(struct db_res *res, int i);
/* db_int: column i as an integer (0 for NULL). */
int64_t db_int(struct db_res *res, int i);
size_t db_ncols(struct db_res *res);
void db_done(struct db_res *res);	/* NULL-safe */

/*
 * db_rows: a result held in memory, walked like a query's: nrows rows of
 * ncols columns, cells[row * ncols + col] (NULL for SQL NULL), borrowed
 * until db_done().  For rows a module computes, and tests.  NULL when
 * out of memory.
 */
struct db_res *db_rows(size_t ncols, size_t nrows, const char *const *cells);

/*
 * db_one_int: first column of the first row as an integer; *found says
 * whether there was a row.  Returns -1 (and *found = 0) on error.
 */
int64_t db_one_int(struct db *db, const struct db_table *t, int stmt,
    int *found, const char *fmt, ...);

/*
 * db_bulk: execute a prepared INSERT for `nrows` parameter sets in one
 * round trip (MariaDB array binding).  vals[row * ncols + col] is each
 * parameter as text, NULL for SQL NULL.  Returns the affected rows, or -1
 * (logged).  No reconnect: meant for work inside a transaction.
 */
int64_t db_bulk(struct db *db, const struct db_table *t, int stmt,
    size_t nrows, size_t ncols, const char *const *vals);

/*
 * db_load: run statement `stmt` of `t`, a LOAD DATA LOCAL INFILE (SQL
 * text without parameters: not prepared), with its data from `fill`:
 * fill(arg, buf, size) writes at most `size` bytes of the next lines into
 * buf and returns how many, 0 at the end, or -1 to stop (then the lines
 * already sent stay loaded, as at the end, and db_load fails).  The server
 * inserts while fill makes the next lines: the database's own fastest way
 * in.  Returns the rows loaded; -1 on error (logged, unless fill stopped
 * it); DB_LOAD_REFUSED when the server does not allow LOAD DATA LOCAL
 * (local_infile off), before fill was called: the caller may fall back to
 * db_bulk().  Every connection's handler serves only this call's data and
 * never opens a file, whatever the server asks.
 */
#define DB_LOAD_REFUSED	(-2)
int64_t db_load(struct db *db, const struct db_table *t, int stmt,
    int (*fill)(void *arg, char *buf, unsigned size), void *arg);

/*
 * db_ids_json: ids[0..n) as a JSON array ("[3,5,8]"), the one parameter a
 * statement reads a list from (JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT
 * PATH '$'))).  malloc'd, the caller frees; NULL when out of memory.
 */
char *db_ids_json(const int64_t *ids, size_t n);

/*
 * db_tuples_json: v[0..n * width) as n JSON arrays of `width` numbers
 * ("[[1,7],[2,9]]"; width 1: as db_ids_json), read by JSON_TABLE with
 * PATH '$[0]', '$[1]'...  malloc'd, the caller frees; NULL when out of
 * memory.
 */
char *db_tuples_json(const int64_t *v, size_t n, size_t width);
int64_t db_insert_id(struct db *db);
unsigned db_errno(struct db *db);	/* last server/client error number */

/* db_raw: run SQL text that has no user data in it (migrations, BEGIN).
 * May hold several statements.  Returns 1 on success. */
int db_raw(struct db *db, const char *sql);

/*
 * db_txn: run fn(db, arg) inside a transaction.  fn returns 0 to commit,
 * anything else to roll back; when the rollback was caused by a deadlock or
 * lock wait timeout (1213 / 1205) the whole transaction is retried, up to 5
 * times.  Returns fn's result, or -1 if COMMIT itself failed.
 */
int db_txn(struct db *db, int (*fn)(struct db *, void *), void *arg);

/*
 * db_changed: note that this connection changed something a cache may
 * hold (audit_log() and the session functions call it).
 * db_publish: if so, move the epoch (epoch.h), so other processes drop
 * their copies.  db_txn() publishes after its COMMIT; the request loop,
 * hz-jobs and hzctl publish after each piece of autocommitted work, before
 * anyone is told it is done.  Inside a transaction it waits for the COMMIT.
 */
void db_changed(struct db *db);
void db_publish(struct db *db);

#endif
