/*
 * db.c -- prepared statements, cached per connection; transactions with
 * deadlock retry; reconnect on a lost connection outside transactions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>
#include <errmsg.h>

#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "log.h"

struct db {
	MYSQL		*my;
	MYSQL_STMT	*stmts[DBM__MAX][DB_MAX_STMTS];
	int		 in_txn;
	/* A statement of this transaction ended in a lock wait timeout or a
	 * deadlock (1205, 1213): the attempt is void (txn_void()). */
	unsigned	 txn_err;
	int		 down;		/* the server could not be reached */
	int		 changed;	/* db_changed() not yet published */
	unsigned	 err;
	int64_t		 insert_id;
	/* While db_load() runs: where the LOAD DATA LOCAL rows come from. */
	int		(*fill)(void *, char *, unsigned);
	void		*fill_arg;
	int		 filled;	/* fill was called */
};

struct db_res {
	struct db	*db;
	MYSQL_STMT	*st;
	MYSQL_BIND	*bind;
	char		**buf;
	unsigned long	*len, *cap;
	my_bool		*null, *trunc;
	size_t		 ncols;
	int		 buffered;
	/* db_rows(): an in-memory result, st NULL. */
	const char *const *cells;
	size_t		 nrows, row;	/* row: 1-based, 0 before the first */
};

/*
 * Say that the server cannot be reached: at most once a second per
 * process, however many requests find it so.
 */
static void
db_log_down(unsigned err, const char *what)
{
	static time_t last;
	time_t now = time(NULL);

	if (now == last)
		return;
	last = now;
	log_err("db unreachable (%u): %s", err, what);
}

/*
 * The LOAD DATA LOCAL INFILE handler of every connection.  It never opens
 * a file, whatever name the server asks for: it hands over what db->fill
 * writes while db_load() runs, and refuses at any other time.
 */
static int
infile_init(void **ptr, const char *name, void *arg)
{
	struct db *db = arg;

	(void)name;
	*ptr = db;
	return db->fill == NULL;
}

static int
infile_read(void *ptr, char *buf, unsigned int size)
{
	struct db *db = ptr;

	db->filled = 1;
	return db->fill(db->fill_arg, buf, size);
}

static void
infile_end(void *ptr)
{
	(void)ptr;
}

static int
infile_error(void *ptr, char *buf, unsigned int size)
{
	(void)ptr;
	snprintf(buf, size, "LOAD DATA LOCAL: no data source");
	return CR_UNKNOWN_ERROR;
}

/* Connect (or reconnect) db->my.  Returns 1 on success. */
static int
db_connect(struct db *db)
{
	const char *sock = conf_str(CONF_DB_SOCKET);
	unsigned int timeout = 10, on = 1;

	if ((db->my = mysql_init(NULL)) == NULL)
		return 0;
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(db->my, MYSQL_OPT_LOCAL_INFILE, &on);
	mysql_set_local_infile_handler(db->my, infile_init, infile_read,
	    infile_end, infile_error, db);
	mysql_options(db->my, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+08:00', "
	    "tx_isolation = 'READ-COMMITTED', "
	    "sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
	if (mysql_real_connect(db->my, *sock ? NULL : conf_str(CONF_DB_HOST),
	    conf_str(CONF_DB_USER), conf_str(CONF_DB_PASSWORD),
	    conf_str(CONF_DB_NAME), (unsigned)conf_long(CONF_DB_PORT),
	    *sock ? sock : NULL, CLIENT_MULTI_STATEMENTS | CLIENT_FOUND_ROWS)
	    == NULL) {
		db->err = mysql_errno(db->my);
		db->down = 1;
		db_log_down(db->err, mysql_error(db->my));
		mysql_close(db->my);
		db->my = NULL;
		return 0;
	}
	db->down = 0;
	return 1;
}

/* Drop every prepared statement and the connection. */
static void
db_disconnect(struct db *db)
{
	size_t m, i;

	for (m = 0; m < DBM__MAX; m++)
		for (i = 0; i < DB_MAX_STMTS; i++)
			if (db->stmts[m][i]) {
				mysql_stmt_close(db->stmts[m][i]);
				db->stmts[m][i] = NULL;
			}
	if (db->my)
		mysql_close(db->my);
	db->my = NULL;
}

struct db *
db_open(void)
{
	struct db *db;

	if ((db = db_new()) == NULL)
		return NULL;
	if (!db_connect(db)) {
		free(db);
		return NULL;
	}
	return db;
}

struct db *
db_new(void)
{
	struct db *db;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	return db;
}

int
db_unreachable(const struct db *db)
{
	return db->down;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db);
}

static int
lost(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED;
}

/* The cached statement, prepared on first use.  NULL on error. */
static MYSQL_STMT *
db_prepare(struct db *db, const struct db_table *t, int stmt)
{
	MYSQL_STMT **sp = &db->stmts[t->slot][stmt];
	const char *sql = t->sql[stmt];

	if (*sp)
		return *sp;
	if (db->my == NULL && !db_connect(db))
		return NULL;
	if ((*sp = mysql_stmt_init(db->my)) == NULL)
		return NULL;
	if (mysql_stmt_prepare(*sp, sql, strlen(sql)) != 0) {
		db->err = mysql_stmt_errno(*sp);
		if (lost(db->err))
			db_log_down(db->err, mysql_stmt_error(*sp));
		else
			log_err("db prepare %d/%d: %s", t->slot, stmt,
			    mysql_stmt_error(*sp));
		mysql_stmt_close(*sp);
		*sp = NULL;
		return NULL;
	}
	return *sp;
}

/*
 * A deadlock (1213) rolls the whole transaction back and a lock wait
 * timeout (1205) the statement; either way this attempt of db_txn() is
 * void: its later statements are refused without running (after a
 * deadlock they would commit one by one), and db_txn() runs it again,
 * whatever its function made of the failure.  txn_note() marks it after
 * a failure, txn_void() refuses a statement: 1 when void.
 */
static void
txn_note(struct db *db)
{
	if (db->in_txn && (db->err == 1205 || db->err == 1213))
		db->txn_err = db->err;
}

static int
txn_void(struct db *db)
{
	if (!db->in_txn || db->txn_err == 0)
		return 0;
	db->err = db->txn_err;
	return 1;
}

/*
 * Prepare, bind the parameters described by fmt and execute.  On a lost
 * connection outside a transaction, reconnect and try once more.
 */
static MYSQL_STMT *
db_run(struct db *db, const struct db_table *t, int stmt, const char *fmt,
    va_list ap0)
{
	MYSQL_BIND bind[DB_MAX_PARAMS];
	int64_t ints[DB_MAX_PARAMS];
	MYSQL_STMT *st;
	const char *s;
	size_t i, n = strlen(fmt);
	int attempt;
	va_list ap;

	if (n > DB_MAX_PARAMS || stmt < 0 || (size_t)stmt >= t->n)
		abort();	/* programming error, not user input */
	if (txn_void(db))
		return NULL;
	for (attempt = 0; attempt < 2; attempt++) {
		db->err = 0;
		if ((st = db_prepare(db, t, stmt)) == NULL)
			goto fail;
		/* Before reading any argument: a format longer than the
		 * statement's placeholders would read past the caller's. */
		if (mysql_stmt_param_count(st) != n) {
			log_err("db %d/%d: %lu parameters, %zu given", t->slot,
			    stmt, mysql_stmt_param_count(st), n);
			return NULL;
		}
		memset(bind, 0, sizeof(bind[0]) * (n ? n : 1));
		va_copy(ap, ap0);
		for (i = 0; i < n; i++) {
			switch (fmt[i]) {
			case 's':
				s = va_arg(ap, const char *);
				if (s == NULL) {
					bind[i].buffer_type = MYSQL_TYPE_NULL;
					break;
				}
				bind[i].buffer_type = MYSQL_TYPE_STRING;
				bind[i].buffer = (char *)s;
				bind[i].buffer_length = strlen(s);
				break;
			case 'i':
				ints[i] = va_arg(ap, int64_t);
				bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
				bind[i].buffer = &ints[i];
				break;
			default:
				abort();
			}
		}
		va_end(ap);
		if ((n && mysql_stmt_bind_param(st, bind)) ||
		    mysql_stmt_execute(st)) {
			db->err = mysql_stmt_errno(st);
			goto fail;
		}
		db->insert_id = (int64_t)mysql_stmt_insert_id(st);
		db->down = 0;
		return st;
fail:
		if (!db->err && db->my)
			db->err = mysql_errno(db->my);
		txn_note(db);
		if (attempt == 0 && !db->in_txn && (lost(db->err) ||
		    db->my == NULL)) {
			if (!db->down)
				log_warn("db connection lost (%u), reconnecting",
				    db->err);
			db_disconnect(db);
			continue;
		}
		if (db->down || lost(db->err)) {
			db->down = 1;
			return NULL;	/* said by db_log_down */
		}
		if (db->err != 1205 && db->err != 1213 && db->err != 1062)
			log_err("db %d/%d: error %u: %s", t->slot, stmt,
			    db->err, st ? mysql_stmt_error(st) : "no statement");
		return NULL;
	}
	return NULL;
}

int64_t
db_exec(struct db *db, const struct db_table *t, int stmt, const char *fmt, ...)
{
	MYSQL_STMT *st;
	va_list ap;

	va_start(ap, fmt);
	st = db_run(db, t, stmt, fmt, ap);
	va_end(ap);
	if (st == NULL)
		return -1;
	return (int64_t)mysql_stmt_affected_rows(st);
}

int64_t
db_bulk(struct db *db, const struct db_table *t, int stmt, size_t nrows,
    size_t ncols, const char *const *vals)
{
	MYSQL_BIND *bind = NULL;
	const char **cols = NULL;
	char *ind = NULL;
	unsigned int size = (unsigned int)nrows, zero = 0;
	MYSQL_STMT *st;
	int64_t rc = -1;
	size_t r, c;

	if (nrows == 0)
		return 0;
	if (txn_void(db))
		return -1;
	db->err = 0;
	if ((st = db_prepare(db, t, stmt)) == NULL)
		return -1;
	if (mysql_stmt_param_count(st) != ncols) {
		log_err("db bulk %d/%d: %lu parameters, %zu given", t->slot, stmt,
		    mysql_stmt_param_count(st), ncols);
		return -1;
	}
	/* Column-wise: per parameter an array of strings and indicators. */
	if ((bind = calloc(ncols, sizeof(*bind))) == NULL ||
	    (cols = calloc(ncols * nrows, sizeof(*cols))) == NULL ||
	    (ind = calloc(ncols * nrows, 1)) == NULL)
		goto out;
	for (c = 0; c < ncols; c++) {
		for (r = 0; r < nrows; r++) {
			cols[c * nrows + r] = vals[r * ncols + c] ?
			    vals[r * ncols + c] : "";
			ind[c * nrows + r] = vals[r * ncols + c] ?
			    STMT_INDICATOR_NTS : STMT_INDICATOR_NULL;
		}
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		bind[c].buffer = &cols[c * nrows];
		bind[c].u.indicator = &ind[c * nrows];
	}
	if (mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &size) ||
	    mysql_stmt_bind_param(st, bind) || mysql_stmt_execute(st)) {
		db->err = mysql_stmt_errno(st);
		txn_note(db);
		log_err("db bulk %d/%d: error %u: %s", t->slot, stmt, db->err,
		    mysql_stmt_error(st));
	} else
		rc = (int64_t)mysql_stmt_affected_rows(st);
	/* The statement is cached: leave it fit for single executions. */
	mysql_stmt_attr_set(st, STMT_ATTR_ARRAY_SIZE, &zero);
out:
	free(bind);
	free(cols);
	free(ind);
	return rc;
}

int64_t
db_load(struct db *db, const struct db_table *t, int stmt,
    int (*fill)(void *arg, char *buf, unsigned size), void *arg)
{
	const char *sql;
	int64_t rc;

	if (stmt < 0 || (size_t)stmt >= t->n)
		abort();	/* programming error, not user input */
	sql = t->sql[stmt];
	if (txn_void(db))
		return -1;
	db->err = 0;
	if (db->my == NULL && !db_connect(db))
		return -1;
	db->fill = fill;
	db->fill_arg = arg;
	db->filled = 0;
	if (mysql_real_query(db->my, sql, strlen(sql)) == 0)
		rc = (int64_t)mysql_affected_rows(db->my);
	else {
		db->err = mysql_errno(db->my);
		txn_note(db);
		rc = -1;
		/* 4166 (MariaDB), 1148 (before 10.5): local_infile is off. */
		if (!db->filled && (db->err == 4166 || db->err == 1148))
			rc = DB_LOAD_REFUSED;
		else if (lost(db->err)) {
			db->down = 1;
			db_log_down(db->err, mysql_error(db->my));
			if (!db->in_txn)
				db_disconnect(db);
		} else if (db->err != CR_UNKNOWN_ERROR)	/* fill stopped it */
			log_err("db load %d/%d: error %u: %s", t->slot, stmt,
			    db->err, mysql_error(db->my));
	}
	db->fill = NULL;
	db->fill_arg = NULL;
	return rc;
}

void
db_done(struct db_res *r)
{
	size_t i;

	if (r == NULL)
		return;
	if (r->st == NULL) {		/* db_rows() */
		free(r);
		return;
	}
	mysql_stmt_free_result(r->st);
	for (i = 0; i < r->ncols; i++)
		free(r->buf[i]);
	free(r->buf);
	free(r->bind);
	free(r->len);
	free(r->cap);
	free(r->null);
	free(r->trunc);
	free(r);
}

/* Bind every result column as a growable text buffer. */
static struct db_res *
db_result(struct db *db, MYSQL_STMT *st, int buffered)
{
	MYSQL_RES *meta;
	MYSQL_FIELD *f;
	struct db_res *r;
	size_t i;

	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		mysql_free_result(meta);
		return NULL;
	}
	r->db = db;
	r->st = st;
	r->buffered = buffered;
	r->ncols = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	r->bind = calloc(r->ncols, sizeof(*r->bind));
	r->buf = calloc(r->ncols, sizeof(*r->buf));
	r->len = calloc(r->ncols, sizeof(*r->len));
	r->cap = calloc(r->ncols, sizeof(*r->cap));
	r->null = calloc(r->ncols, sizeof(*r->null));
	r->trunc = calloc(r->ncols, sizeof(*r->trunc));
	if (!r->bind || !r->buf || !r->len || !r->cap || !r->null || !r->trunc)
		goto fail;
	for (i = 0; i < r->ncols; i++) {
		/* Declared length in bytes; TEXT columns start small and grow. */
		r->cap[i] = f[i].length > 0 && f[i].length < 512 ?
		    f[i].length + 1 : 512;
		if ((r->buf[i] = malloc(r->cap[i])) == NULL)
			goto fail;
		r->bind[i].buffer_type = MYSQL_TYPE_STRING;
		r->bind[i].buffer = r->buf[i];
		r->bind[i].buffer_length = r->cap[i] - 1;
		r->bind[i].length = &r->len[i];
		r->bind[i].is_null = &r->null[i];
		r->bind[i].error = &r->trunc[i];
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(st, r->bind))
		goto fail_nometa;
	if (buffered && mysql_stmt_store_result(st)) {
		db->err = mysql_stmt_errno(st);
		txn_note(db);
		goto fail_nometa;
	}
	return r;
fail:
	mysql_free_result(meta);
fail_nometa:
	db_done(r);
	return NULL;
}

static struct db_res *
db_select(struct db *db, const struct db_table *t, int stmt, int buffered,
    const char *fmt, va_list ap)
{
	MYSQL_STMT *st;

	if ((st = db_run(db, t, stmt, fmt, ap)) == NULL)
		return NULL;
	return db_result(db, st, buffered);
}

struct db_res *
db_query(struct db *db, const struct db_table *t, int stmt, const char *fmt, ...)
{
	struct db_res *r;
	va_list ap;

	va_start(ap, fmt);
	r = db_select(db, t, stmt, 1, fmt, ap);
	va_end(ap);
	return r;
}

struct db_res *
db_stream(struct db *db, const struct db_table *t, int stmt, const char *fmt, ...)
{
	struct db_res *r;
	va_list ap;

	va_start(ap, fmt);
	r = db_select(db, t, stmt, 0, fmt, ap);
	va_end(ap);
	return r;
}

int
db_next(struct db_res *r)
{
	size_t i;
	int rc, rebind = 0;
	char *nb;

	if (r->st == NULL) {		/* db_rows() */
		if (r->row >= r->nrows)
			return 0;
		r->row++;
		return 1;
	}
	rc = mysql_stmt_fetch(r->st);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1) {
		/* A streamed result's error may be the connection's. */
		if ((r->db->err = mysql_stmt_errno(r->st)) != 0)
			log_err("db fetch: error %u: %s", r->db->err,
			    mysql_stmt_error(r->st));
		else {
			r->db->err = mysql_errno(r->db->my);
			log_err("db fetch: error %u: %s", r->db->err,
			    mysql_error(r->db->my));
		}
		txn_note(r->db);
		return -1;	/* lost (2013): the next statement reconnects */
	}
	for (i = 0; i < r->ncols; i++) {
		if (r->null[i])
			continue;
		if (r->len[i] >= r->cap[i]) {
			/* Truncated: grow and fetch this column again. */
			if ((nb = realloc(r->buf[i], r->len[i] + 1)) == NULL)
				return -1;
			r->buf[i] = nb;
			r->cap[i] = r->len[i] + 1;
			r->bind[i].buffer = nb;
			r->bind[i].buffer_length = r->cap[i] - 1;
			if (mysql_stmt_fetch_column(r->st, &r->bind[i],
			    (unsigned)i, 0))
				return -1;
			rebind = 1;
		}
		r->buf[i][r->len[i]] = '\0';
	}
	if (rebind && mysql_stmt_bind_result(r->st, r->bind))
		return -1;
	return 1;
}

const char *
db_col(struct db_res *r, int i)
{
	if (r->st == NULL)		/* db_rows() */
		return i < 0 || (size_t)i >= r->ncols || r->row == 0 ? NULL :
		    r->cells[(r->row - 1) * r->ncols + (size_t)i];
	if (i < 0 || (size_t)i >= r->ncols || r->null[i])
		return NULL;
	return r->buf[i];
}

int64_t
db_int(struct db_res *r, int i)
{
	const char *s = db_col(r, i);

	return s ? strtoll(s, NULL, 10) : 0;
}

size_t
db_ncols(struct db_res *r)
{
	return r->ncols;
}

struct db_res *
db_rows(size_t ncols, size_t nrows, const char *const *cells)
{
	struct db_res *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->ncols = ncols;
	r->nrows = nrows;
	r->cells = cells;
	return r;
}

int64_t
db_one_int(struct db *db, const struct db_table *t, int stmt, int *found,
    const char *fmt, ...)
{
	struct db_res *r;
	int64_t v = 0;
	va_list ap;
	int rc;

	*found = 0;
	va_start(ap, fmt);
	r = db_select(db, t, stmt, 1, fmt, ap);
	va_end(ap);
	if (r == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		*found = 1;
		v = db_int(r, 0);
	} else if (rc < 0)
		v = -1;
	db_done(r);
	return v;
}

int64_t
db_insert_id(struct db *db)
{
	return db->insert_id;
}

unsigned
db_errno(struct db *db)
{
	return db->err;
}

int
db_raw(struct db *db, const char *sql)
{
	MYSQL_RES *res;
	int rc;

	if (db->my == NULL && !db_connect(db))
		return 0;
	if (mysql_real_query(db->my, sql, strlen(sql)) != 0)
		goto fail;
	do {
		if ((res = mysql_store_result(db->my)) != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(db->my) != 0)
			goto fail;
	} while ((rc = mysql_next_result(db->my)) == 0);
	if (rc > 0)
		goto fail;
	return 1;
fail:
	db->err = mysql_errno(db->my);
	if (lost(db->err)) {
		db->down = 1;
		db_log_down(db->err, mysql_error(db->my));
		if (!db->in_txn)
			db_disconnect(db);
	} else
		log_err("db: %s", mysql_error(db->my));
	return 0;
}

int
db_txn(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int attempt, rc = -1;

	for (attempt = 0; attempt < 5; attempt++) {
		if (!db_raw(db, "START TRANSACTION"))
			return -1;
		db->in_txn = 1;
		db->err = 0;
		db->txn_err = 0;
		rc = fn(db, arg);
		if (db->txn_err) {	/* void, whatever fn said */
			db->err = db->txn_err;
			rc = -1;
		}
		if (rc == 0) {
			db->in_txn = 0;
			if (mysql_commit(db->my) == 0) {
				db_publish(db);
				return 0;
			}
			db->err = mysql_errno(db->my);
			rc = -1;
		}
		db->in_txn = 0;
		if (db->my)
			mysql_rollback(db->my);
		if (db->err != 1205 && db->err != 1213)
			return rc;
		log_warn("db: transaction retried after error %u", db->err);
		usleep(10000u << attempt);
	}
	return rc;
}

void
db_changed(struct db *db)
{
	db->changed = 1;
}

void
db_publish(struct db *db)
{
	if (db->changed && !db->in_txn) {
		db->changed = 0;
		epoch_bump();
	}
}
