/*
 * payoutimport.c -- 打款: the bank's result file, every row classed (paid,
 * failed, unknown reference, amount mismatch, decided before) and the
 * decided lines' claims stepped all at once, once per file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "claim.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "flow.h"
#include "kind.h"
#include "payout.h"
#include "payoutint.h"
#include "sha256.h"
#include "store.h"
#include "valid.h"
#include "view.h"
#include "xlsxread.h"

enum stmt {
	STMT_IMPORT_ADD,
	STMT_IMPORT_OF,
	STMT_IMPORT_COUNTS,
	STMT_IMPORT_FILE,
	STMT_LINES_OF,
	STMT_LINE_DECIDE,
	STMT_LINES_PAID,
	STMT_RESULT_ADD,
	STMT_BATCH_CLOSE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* Once per batch and content: a second import finds the first. */
	[STMT_IMPORT_ADD] =
	    "INSERT IGNORE INTO payout_import (batch_id, sha, filename, made_by,"
	    " made_at) VALUES (?, ?, ?, ?, ?)",
	[STMT_IMPORT_OF] =
	    "SELECT id, paid, failed, unknown, mismatch, already"
	    " FROM payout_import WHERE batch_id = ? AND sha = ?",
	[STMT_IMPORT_COUNTS] =
	    "UPDATE payout_import SET paid = ?, failed = ?, unknown = ?,"
	    " mismatch = ?, already = ? WHERE id = ?",
	[STMT_IMPORT_FILE] = "UPDATE payout_import SET file_id = ? WHERE id = ?",
	[STMT_LINES_OF] =
	    "SELECT id, ref, claim_id, amount, state FROM payout_line"
	    " WHERE batch_id = ?",
	/* A pending line takes its one result: the claim leaves its open
	 * line, and stands paid by this one if paid. */
	[STMT_LINE_DECIDE] =
	    "UPDATE payout_line SET state = ?, open_claim = NULL,"
	    " paid_claim = IF(? = 'paid', claim_id, NULL), reason = ?,"
	    " decided_by = ?, decided_at = ?, import_id = NULLIF(?, 0)"
	    " WHERE id = ? AND state = 'pending'",
	/* The paid lines of an import, a JSON list of line ids, at once. */
	[STMT_LINES_PAID] =
	    "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$'))"
	    " j JOIN payout_line l ON l.id = j.id SET l.state = 'paid',"
	    " l.open_claim = NULL, l.paid_claim = l.claim_id, l.reason = NULL,"
	    " l.decided_by = ?, l.decided_at = ?, l.import_id = NULLIF(?, 0)"
	    " WHERE l.state = 'pending'",
	[STMT_RESULT_ADD] =
	    "INSERT INTO payout_result (import_id, row_no, ref, amount, class,"
	    " reason) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_BATCH_CLOSE] =
	    "UPDATE payout_batch b SET b.state = 'closed' WHERE b.id = ?"
	    " AND b.state = 'sent' AND NOT EXISTS (SELECT 1 FROM payout_line l"
	    " WHERE l.batch_id = b.id AND l.state = 'pending')",
};

static const struct db_table tab = { DBM_PAYOUT_IMPORT, sql, STMT__MAX };

/* --------------------------------------------------------- the results */


/* One row of the bank's result file. */
struct row {
	int64_t		 row_no;
	char		 ref[41];
	int64_t		 amount;	/* fen */
	enum payout_result res;
	char		 reason[4 * 60 + 1];
	const char	*class;		/* what it was: paid, failed, ... */
};

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(((const struct line *)a)->ref,
	    ((const struct line *)b)->ref);
}

/* The result text as the banks write it: 1 paid, 0 failed, -1 neither. */
static int
result_of(const char *s)
{
	static const char *const paid[] = { "成功", "已成功", "支付成功",
	    "交易成功", "success", "S" };
	static const char *const failed[] = { "失败", "已失败", "支付失败",
	    "交易失败", "退回", "fail", "failed", "F" };
	size_t i;

	for (i = 0; i < sizeof(paid) / sizeof(paid[0]); i++)
		if (strcasecmp(s, paid[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(failed) / sizeof(failed[0]); i++)
		if (strcasecmp(s, failed[i]) == 0)
			return 0;
	return -1;
}

/* An amount cell: "8323.04", "8,323.04" or the number 8323.04.  Returns
 * 1 with *fen, 0 if it is none. */
static int
amount_of(const struct xlsx_cell *c, int64_t *fen)
{
	const char *why;
	char *end;
	double d;

	if (c->is_number) {
		d = strtod(c->text, &end);
		if (end == c->text || *end != '\0' || !(d >= 0) || d > 1e13)
			return 0;
		*fen = (int64_t)(d * 100 + 0.5);	/* to the fen, d >= 0 */
		return 1;
	}
	return valid_fen(c->text, fen, &why);
}

/* The cell text of column `col` (trimmed into buf), "" if none. */
static const char *
cell(const struct xlsx_row *row, int col, char *buf, size_t size)
{
	if (col < 0 || (size_t)col >= row->ncells ||
	    valid_text_trim(row->cells[col].text, buf, size) < 0)
		buf[0] = '\0';
	return buf;
}

/*
 * The rows of the result file at `path`: its header row names 参考号, 金额
 * and 结果 (失败原因 may follow); every row after it that has a reference.
 * Returns the rows (malloc'd, *n of them), or NULL with *why (a Chinese
 * sentence in `why`, for RF_PAYOUT_RESULT_FILE; "" when out of memory).
 */
static struct row *
read_rows(const char *path, size_t *n, char *why, size_t whysize)
{
	enum xlsx_status st;
	struct xlsx_reader *x;
	struct xlsx_row row;
	struct row *rows = NULL, *more;
	size_t cap = 0, i;
	int ref = -1, amount = -1, result = -1, reason = -1, rc, res;
	char buf[4 * 60 + 1], text[200];

	*n = 0;
	why[0] = '\0';
	if ((x = xlsx_open(path, NULL, &st)) == NULL) {
		snprintf(why, whysize, "%s", xlsx_status_text(st));
		return NULL;
	}
	while ((rc = xlsx_next_row(x, &row)) == 1) {
		if (ref < 0) {
			for (i = 0; i < row.ncells; i++) {
				cell(&row, (int)i, buf, sizeof(buf));
				if (strcmp(buf, "参考号") == 0)
					ref = (int)i;
				else if (strcmp(buf, "金额") == 0)
					amount = (int)i;
				else if (strcmp(buf, "结果") == 0 ||
				    strcmp(buf, "处理结果") == 0)
					result = (int)i;
				else if (strstr(buf, "原因") != NULL)
					reason = (int)i;
			}
			if (ref >= 0 && (amount < 0 || result < 0)) {
				snprintf(why, whysize, "第%zu行有“参考号”，但没有"
				    "“金额”或“结果”列", row.rownum);
				goto fail;
			}
			continue;
		}
		if (cell(&row, ref, buf, sizeof(buf))[0] == '\0')
			continue;
		if (*n >= 2 * PAYOUT_MAX_LINES) {
			snprintf(why, whysize, "结果文件的行数超过 %d 行",
			    2 * PAYOUT_MAX_LINES);
			goto fail;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((more = realloc(rows, cap * sizeof(*rows))) == NULL)
				goto fail;
			rows = more;
		}
		memset(&rows[*n], 0, sizeof(rows[*n]));
		rows[*n].row_no = (int64_t)row.rownum;
		utf8_copy(rows[*n].ref, sizeof(rows[*n].ref), buf, 40);
		if ((size_t)amount >= row.ncells ||
		    !amount_of(&row.cells[amount], &rows[*n].amount)) {
			snprintf(why, whysize, "第%zu行的金额不是有效的金额",
			    row.rownum);
			goto fail;
		}
		if ((res = result_of(cell(&row, result, text, sizeof(text))))
		    < 0) {
			utf8_cut(text, 20, sizeof(text));
			snprintf(why, whysize, "第%zu行的结果“%s”应为“成功”或"
			    "“失败”", row.rownum, text);
			goto fail;
		}
		rows[*n].res = res ? PR_PAID : PR_FAILED;
		cell(&row, reason, buf, sizeof(buf));
		utf8_copy(rows[*n].reason, sizeof(rows[*n].reason), buf, 60);
		(*n)++;
	}
	if (rc < 0) {
		snprintf(why, whysize, "%s", xlsx_status_text(xlsx_error(x)));
		goto fail;
	}
	if (ref < 0) {
		snprintf(why, whysize, "没有找到表头“参考号”“金额”“结果”");
		goto fail;
	}
	xlsx_close(x);
	return rows ? rows : calloc(1, sizeof(*rows));
fail:
	xlsx_close(x);
	free(rows);
	*n = 0;
	return NULL;
}
/* A line to decide: its claim, its result, the bank's reason. */
struct decision {
	int64_t			 claim, line;
	enum payout_result	 res;
	const char		*reason;
};

static int
cmp_decision(const void *a, const void *b)
{
	int64_t x = ((const struct decision *)a)->claim,
	    y = ((const struct decision *)b)->claim;

	return x < y ? -1 : x > y;
}

/*
 * Record decisions d[0..n) of import `import` (many lines a round trip)
 * and take their claims' engine steps all at once (flow_apply_many: the
 * paid ones 办结, the failed ones 打款失败 with the bank's reasons).
 * Returns RF_OK, or a refusal with *bad the claim, or RF_DB.
 */
static enum refusal
decide_many(struct db *db, struct decision *d, size_t n,
    const struct flow_actor *by, int64_t import, int64_t *bad)
{
	enum { COLS = 7, CHUNK = 500 };
	struct flow_actor a = payout_actor(by);
	const char *v[CHUNK * COLS], **why = NULL;
	char stamp[20], num[3][24], line[CHUNK][24];
	int64_t *ids = NULL, changed = 0, k1;
	enum refusal rf = RF_DB;
	size_t i, k, m;
	int res;

	*bad = 0;
	if (n == 0)
		return RF_OK;
	qsort(d, n, sizeof(*d), cmp_decision);
	clock_stamp(stamp);
	snprintf(num[0], sizeof(num[0]), "%lld", (long long)by->id);
	snprintf(num[1], sizeof(num[1]), "%lld", (long long)import);
	if ((ids = calloc(n, sizeof(*ids))) == NULL ||
	    (why = calloc(n, sizeof(*why))) == NULL)
		goto out;
	/* The paid lines in one statement, the failed with their reasons
	 * many a round trip. */
	for (i = m = 0; i < n; i++)
		if (d[i].res == PR_PAID)
			ids[m++] = d[i].line;
	if (m > 0) {
		char *json = db_ids_json(ids, m);

		if (json == NULL)
			goto out;
		k1 = db_exec(db, &tab, STMT_LINES_PAID, "sisi", json, by->id,
		    stamp, import);
		free(json);
		if (k1 < 0)
			goto out;
		changed += k1;
	}
	for (i = 0; i < n; i += k) {
		for (k = m = 0; m < CHUNK && i + k < n; k++) {
			const struct decision *x = &d[i + k];
			const char **row = &v[m * COLS];

			if (x->res == PR_PAID)
				continue;
			m++;

			snprintf(line[m - 1], sizeof(line[m - 1]), "%lld",
			    (long long)x->line);
			row[0] = row[1] = payout_result_names[x->res];
			row[2] = x->reason;
			row[3] = num[0];
			row[4] = stamp;
			row[5] = num[1];
			row[6] = line[m - 1];
		}
		if (m > 0 && (k1 = db_bulk(db, &tab, STMT_LINE_DECIDE, m, COLS,
		    v)) < 0)
			goto out;
		if (m > 0)
			changed += k1;
	}
	if (changed != (int64_t)n)
		goto out;
	/* Killed here, in the transaction: nothing of the import stays. */
	payout_crash_point("payout.import");
	for (res = PR_PAID; res < PR__MAX; res++) {
		for (i = m = 0; i < n; i++)
			if ((int)d[i].res == res) {
				ids[m] = d[i].claim;
				why[m++] = res == PR_FAILED ? d[i].reason : NULL;
			}
		if ((rf = flow_apply_many(db, &claim_flow, ids, m, res ==
		    PR_PAID ? FA_APPROVE : FA_RETURN, &a, res == PR_FAILED ?
		    why : NULL, bad)) != RF_OK)
			goto out;
	}
	rf = RF_OK;
out:
	free(ids);
	free(why);
	return rf;
}

struct import_arg {
	int64_t			 batch;
	const char		*path, *filename, *sha;
	struct row		*rows;
	size_t			 nrows;
	const struct flow_actor	*by;
	struct payout_tally	 t;
	char			 no[20];
	enum refusal		 rf;
};

/* The tally of import (batch, sha) into *t: 1, 0 if none, -1 on error. */
static int
tally_of(struct db *db, int64_t batch, const char *sha,
    struct payout_tally *t)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_IMPORT_OF, "is", batch, sha)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		t->import_id = db_int(r, 0);
		t->paid = (int)db_int(r, 1);
		t->failed = (int)db_int(r, 2);
		t->unknown = (int)db_int(r, 3);
		t->mismatch = (int)db_int(r, 4);
		t->already = (int)db_int(r, 5);
	}
	db_done(r);
	return rc;
}

/* The batch's lines, sorted by reference (malloc'd, *n of them). */
static struct line *
lines_of(struct db *db, int64_t batch, size_t *n)
{
	struct db_res *r;
	struct line *l;
	size_t cap;
	int rc;

	*n = 0;
	if ((r = db_query(db, &tab, STMT_LINES_OF, "i", batch)) == NULL)
		return NULL;
	cap = 0;
	l = NULL;
	while ((rc = db_next(r)) == 1) {
		if (*n == cap) {
			struct line *more;

			cap = cap ? cap * 2 : 256;
			if ((more = realloc(l, cap * sizeof(*l))) == NULL) {
				rc = -1;
				break;
			}
			l = more;
		}
		l[*n].id = db_int(r, 0);
		snprintf(l[*n].ref, sizeof(l[*n].ref), "%s", db_col(r, 1));
		l[*n].claim = db_int(r, 2);
		l[*n].amount = db_int(r, 3);
		snprintf(l[*n].state, sizeof(l[*n].state), "%s", db_col(r, 4));
		(*n)++;
	}
	db_done(r);
	if (rc < 0) {
		free(l);
		return NULL;
	}
	if (l == NULL)
		l = calloc(1, sizeof(*l));
	else
		qsort(l, *n, sizeof(*l), cmp_line);
	return l;
}

/*
 * Keep the rows no line took (unknown reference, amount mismatch, decided
 * before) with their class (payout_result), many a round trip: the paid
 * and failed ones are on their lines (payout_line.import_id).
 */
static int
results_add(struct db *db, int64_t import, const struct row *rows, size_t n)
{
	enum { COLS = 6, CHUNK = 500 };
	const char *v[CHUNK * COLS];
	char num[CHUNK][2][24], imp[24];
	size_t i, k;

	snprintf(imp, sizeof(imp), "%lld", (long long)import);
	for (i = 0; i < n; ) {
		for (k = 0; k < CHUNK && i < n; i++) {
			const struct row *w = &rows[i];
			const char **row = &v[k * COLS];

			if (strcmp(w->class, "paid") == 0 ||
			    strcmp(w->class, "failed") == 0)
				continue;
			snprintf(num[k][0], sizeof(num[k][0]), "%lld",
			    (long long)w->row_no);
			snprintf(num[k][1], sizeof(num[k][1]), "%lld",
			    (long long)w->amount);
			row[0] = imp;
			row[1] = num[k][0];
			row[2] = w->ref;
			row[3] = num[k][1];
			row[4] = w->class;
			row[5] = NULL;
			k++;
		}
		if (k > 0 && db_bulk(db, &tab, STMT_RESULT_ADD, k, COLS, v) < 0)
			return 0;
	}
	return 1;
}

/* The import in one transaction, the batch locked: imports and hand
 * records of one batch run one after the other. */
static int
import_txn(struct db *db, void *arg)
{
	struct import_arg *m = arg;
	struct line *lines = NULL, key, *l;
	struct decision *dec = NULL;
	struct batch b;
	const char *err = NULL;
	size_t ndec = 0;
	int64_t bad = 0;
	char stamp[20], detail[200];
	size_t nlines, i;
	int64_t file;
	int rc;

	m->rf = RF_DB;
	m->no[0] = '\0';
	memset(&m->t, 0, sizeof(m->t));
	if ((rc = payout_batch_row(db, m->batch, 1, &b)) != 1) {
		if (rc == 0)
			m->rf = RF_NOT_FOUND;
		return 1;
	}
	if (strcmp(b.state, "prepared") == 0) {
		m->rf = RF_PAYOUT_NOT_SENT;
		return 1;
	}
	if ((rc = (int)db_exec(db, &tab, STMT_IMPORT_ADD, "issis", b.id,
	    m->sha, m->filename, m->by->id, clock_stamp(stamp))) < 0)
		return 1;
	if (rc == 0) {
		/* This file was imported: what it did then, nothing now. */
		if (tally_of(db, b.id, m->sha, &m->t) != 1)
			return 1;
		m->rf = RF_PAYOUT_DUP_FILE;
		return 1;
	}
	m->t.import_id = db_insert_id(db);
	if ((lines = lines_of(db, b.id, &nlines)) == NULL)
		return 1;
	if ((dec = calloc(m->nrows + 1, sizeof(*dec))) == NULL)
		goto fail;
	for (i = 0; i < m->nrows; i++) {
		struct row *w = &m->rows[i];

		snprintf(key.ref, sizeof(key.ref), "%s", w->ref);
		l = strlen(w->ref) < sizeof(key.ref) ? bsearch(&key, lines,
		    nlines, sizeof(*lines), cmp_line) : NULL;
		if (l == NULL) {
			w->class = "unknown";
			m->t.unknown++;
		} else if (w->amount != l->amount) {
			w->class = "mismatch";
			m->t.mismatch++;
		} else if (strcmp(l->state, "pending") != 0) {
			w->class = "already";
			m->t.already++;
		} else {
			dec[ndec++] = (struct decision){ l->claim, l->id,
			    w->res, w->reason[0] ? w->reason : "银行未说明原因" };
			snprintf(l->state, sizeof(l->state), "%s",
			    payout_result_names[w->res]);
			w->class = payout_result_names[w->res];
			if (w->res == PR_PAID)
				m->t.paid++;
			else
				m->t.failed++;
		}
	}
	if ((m->rf = decide_many(db, dec, ndec, m->by, m->t.import_id,
	    &bad)) != RF_OK) {
		if (m->rf != RF_DB && bad > 0)
			payout_claim_no(db, bad, m->no);
		goto fail;
	}
	m->rf = RF_DB;
	if (!results_add(db, m->t.import_id, m->rows, m->nrows) ||
	    db_exec(db, &tab, STMT_IMPORT_COUNTS, "iiiiii", (int64_t)m->t.paid,
	    (int64_t)m->t.failed, (int64_t)m->t.unknown,
	    (int64_t)m->t.mismatch, (int64_t)m->t.already,
	    m->t.import_id) != 1 ||
	    db_exec(db, &tab, STMT_BATCH_CLOSE, "i", b.id) < 0)
		goto fail;
	if ((file = store_put_path(db, m->path, m->filename, AK_BANK_RESULT,
	    "payout", b.id, m->by->kind, m->by->id, &err)) <= 0 ||
	    db_exec(db, &tab, STMT_IMPORT_FILE, "ii", file, m->t.import_id) != 1)
		goto fail;
	snprintf(detail, sizeof(detail), "%s: 成功 %d, 失败 %d, 参考号不符 %d,"
	    " 金额不符 %d, 已记录 %d", m->sha, m->t.paid, m->t.failed,
	    m->t.unknown, m->t.mismatch, m->t.already);
	if (!audit_log(db, m->by->kind, m->by->id, m->by->ip, "payout.import",
	    "payout_batch", b.id, detail))
		goto fail;
	free(lines);
	free(dec);
	m->rf = RF_OK;
	return 0;
fail:
	free(lines);
	free(dec);
	return 1;
}

enum refusal
payout_import(struct db *db, int64_t batch, const char *path,
    const char *filename, const struct flow_actor *by,
    struct payout_tally *t)
{
	struct import_arg m;
	char sha[65], why[200];
	struct row *rows;
	size_t n;

	memset(t, 0, sizeof(*t));
	if (!sha256_file(path, sha))
		return RF_DB;
	if ((rows = read_rows(path, &n, why, sizeof(why))) == NULL) {
		if (why[0] == '\0')
			return RF_DB;
		refusal_detail_set(why);
		return RF_PAYOUT_RESULT_FILE;
	}
	memset(&m, 0, sizeof(m));
	m.batch = batch;
	m.path = path;
	m.filename = filename && *filename ? filename : "银行回单.xlsx";
	m.sha = sha;
	m.rows = rows;
	m.nrows = n;
	m.by = by;
	if (db_txn(db, import_txn, &m) < 0)
		m.rf = RF_DB;
	free(rows);
	*t = m.t;
	if (m.rf != RF_OK && m.no[0])
		refusal_detail_set(m.no);
	return m.rf;
}
