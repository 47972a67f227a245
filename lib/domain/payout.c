/*
 * payout.c -- 打款: batches of approved claims, the bank file, a line's
 * result by hand and 退票.  See payout.h for the rules and why a crash at
 * any point is safe; the bank's result file is payoutimport.c, the pages'
 * views payoutview.c.
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
#include "money.h"
#include "payout.h"
#include "payoutint.h"
#include "sha256.h"
#include "store.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

enum stmt {
	STMT_PAYABLE_IDS,
	STMT_CLAIM_NO,
	STMT_BATCH_ADD,
	STMT_BATCH_NO,
	STMT_LINES_ADD,
	STMT_BATCH_TOTALS,
	STMT_BATCH_GET,
	STMT_BATCH_LOCK,
	STMT_FILE_LINES,
	STMT_BATCH_SENT,
	STMT_LINE_LOCK,
	STMT_LINE_DECIDE,
	STMT_LINE_RETURN,
	STMT_BATCH_CLOSE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_PAYABLE_IDS] =
	    "SELECT c.id" PAYABLE " ORDER BY c.id LIMIT ?",
	[STMT_CLAIM_NO] = "SELECT no FROM claim WHERE id = ?",
	[STMT_BATCH_ADD] =
	    "INSERT INTO payout_batch (line_count, total, made_by, made_at)"
	    " VALUES (0, 0, ?, ?)",
	/* FK + the day + the id: the bank's name of the batch. */
	[STMT_BATCH_NO] =
	    "UPDATE payout_batch SET no = CONCAT('FK',"
	    " DATE_FORMAT(made_at, '%Y%m%d'), LPAD(id % 1000000, 6, '0'))"
	    " WHERE id = ?",
	/* One line per claim of the list (a JSON array of ids), as the
	 * claims stand now (打款中 after the engine's step), numbered in
	 * the claims' order; a claim paid before links back to its last
	 * failed or returned line. */
	[STMT_LINES_ADD] =
	    "INSERT INTO payout_line (batch_id, seq, ref, claim_id, open_claim,"
	    " retry_of, payee, card, bank, branch, amount)"
	    " SELECT b.id, ROW_NUMBER() OVER (ORDER BY c.id),"
	    " CONCAT(b.no, '-', LPAD(ROW_NUMBER() OVER (ORDER BY c.id), 5, '0')),"
	    " c.id, c.id, (SELECT MAX(l.id) FROM payout_line l"
	    " WHERE l.claim_id = c.id AND " LINE_STATE "),"
	    " COALESCE(c.payee, ''), COALESCE(c.card, ''), COALESCE(c.bank, ''),"
	    " COALESCE(c.branch, ''), c.approved_amount"
	    " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j"
	    " JOIN claim c ON c.id = j.id JOIN flow_item f ON f.type = 'claim'"
	    " AND f.item_id = c.id AND f.state = 'paying'"
	    " JOIN payout_batch b ON b.id = ? WHERE c.approved_amount > 0",
	/* The control count and total are the lines' own. */
	[STMT_BATCH_TOTALS] =
	    "UPDATE payout_batch b SET"
	    " line_count = (SELECT COUNT(*) FROM payout_line l WHERE l.batch_id = b.id),"
	    " total = (SELECT COALESCE(SUM(l.amount), 0) FROM payout_line l"
	    " WHERE l.batch_id = b.id) WHERE b.id = ?",
	[STMT_BATCH_GET] =
	    "SELECT id, no, state, line_count, total, COALESCE(file_id, 0)"
	    " FROM payout_batch WHERE id = ?",
	[STMT_BATCH_LOCK] =
	    "SELECT id, no, state, line_count, total, COALESCE(file_id, 0)"
	    " FROM payout_batch WHERE id = ? FOR UPDATE",
	[STMT_FILE_LINES] =
	    "SELECT seq, payee, card, bank, branch, amount, ref"
	    " FROM payout_line WHERE batch_id = ? ORDER BY seq",
	[STMT_BATCH_SENT] =
	    "UPDATE payout_batch SET file_id = ?, file_sha = ?,"
	    " state = IF(state = 'prepared', 'sent', state), sent_at = ?"
	    " WHERE id = ? AND file_id IS NULL",
	[STMT_LINE_LOCK] =
	    "SELECT id, ref, claim_id, amount, state FROM payout_line"
	    " WHERE id = ? AND batch_id = ? FOR UPDATE",
	/* A pending line takes its one result: the claim leaves its open
	 * line, and stands paid by this one if paid. */
	[STMT_LINE_DECIDE] =
	    "UPDATE payout_line SET state = ?, open_claim = NULL,"
	    " paid_claim = IF(? = 'paid', claim_id, NULL), reason = ?,"
	    " decided_by = ?, decided_at = ?, import_id = NULLIF(?, 0)"
	    " WHERE id = ? AND state = 'pending'",
	[STMT_LINE_RETURN] =
	    "UPDATE payout_line SET state = 'returned', paid_claim = NULL,"
	    " reason = ?, decided_by = ?, decided_at = ?"
	    " WHERE id = ? AND state = 'paid'",
	[STMT_BATCH_CLOSE] =
	    "UPDATE payout_batch b SET b.state = 'closed' WHERE b.id = ?"
	    " AND b.state = 'sent' AND NOT EXISTS (SELECT 1 FROM payout_line l"
	    " WHERE l.batch_id = b.id AND l.state = 'pending')",
};

static const struct db_table tab = { DBM_PAYOUT, sql, STMT__MAX };

void
payout_crash_point(const char *point)
{
	const char *at = getenv("HZ_CRASH_AT");

	if (at != NULL && strcmp(at, point) == 0)
		_exit(97);
}

/* The engine's actor for the 打款 steps: the finance user, for domain
 * code (FLOW_BY_DOMAIN). */
struct flow_actor
payout_actor(const struct flow_actor *by)
{
	struct flow_actor a = *by;

	a.domain = 1;
	return a;
}

/* The claim's number into no (for a refusal's detail). */
void
payout_claim_no(struct db *db, int64_t claim, char no[20])
{
	struct db_res *r;

	snprintf(no, 20, "%lld", (long long)claim);
	if ((r = db_query(db, &tab, STMT_CLAIM_NO, "i", claim)) == NULL)
		return;
	if (db_next(r) == 1)
		snprintf(no, 20, "%s", db_col(r, 0));
	db_done(r);
}

const char *
payout_kind_of(const struct payout_pick *f)
{
	return f->kind >= 0 && f->kind < PK__MAX ? plan_kinds[f->kind].name :
	    "";
}

/* ---------------------------------------------------------- the batch */

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

struct make_arg {
	int64_t			*ids;
	size_t			 n;
	const struct flow_actor	*by;
	int64_t			 batch;
	char			 no[20];	/* the claim refused */
	enum refusal		 rf;
};

/* The batch in one transaction: each claim's step 审核通过 → 打款中 (its
 * item locked, in the ids' order, so two batches never deadlock), then
 * the lines and the control figures. */
static int
make_txn(struct db *db, void *arg)
{
	struct make_arg *m = arg;
	struct flow_actor a = payout_actor(m->by);
	char now[20], detail[120], *json;
	int64_t lines, bad = 0;

	m->rf = RF_DB;
	m->no[0] = '\0';
	if (db_exec(db, &tab, STMT_BATCH_ADD, "is", m->by->id,
	    clock_stamp(now)) != 1)
		return 1;
	m->batch = db_insert_id(db);
	if (db_exec(db, &tab, STMT_BATCH_NO, "i", m->batch) != 1)
		return 1;
	m->rf = flow_apply_many(db, &claim_flow, m->ids, m->n, FA_SUBMIT, &a,
	    NULL, &bad);
	if (m->rf != RF_OK) {
		if (m->rf == RF_BAD_STATE || m->rf == RF_NOT_FOUND)
			m->rf = RF_PAYOUT_STALE;
		if (m->rf != RF_DB && bad > 0)
			payout_claim_no(db, bad, m->no);
		return 1;
	}
	m->rf = RF_DB;
	if ((json = db_ids_json(m->ids, m->n)) == NULL)
		return 1;
	lines = db_exec(db, &tab, STMT_LINES_ADD, "si", json, m->batch);
	free(json);
	if (lines < 0)
		return 1;
	if ((size_t)lines != m->n) {
		/* A claim approved without an amount: not payable. */
		m->rf = RF_PAYOUT_STALE;
		return 1;
	}
	if (db_exec(db, &tab, STMT_BATCH_TOTALS, "i", m->batch) != 1)
		return 1;
	snprintf(detail, sizeof(detail), "%zu 笔", m->n);
	if (!audit_log(db, m->by->kind, m->by->id, m->by->ip, "payout.batch",
	    "payout_batch", m->batch, detail))
		return 1;
	/* Killed here, nothing is committed: the claims stay 审核通过. */
	payout_crash_point("payout.batch");
	m->rf = RF_OK;
	return 0;
}

enum refusal
payout_batch_make(struct db *db, const int64_t *ids, size_t n, int all,
    const struct payout_pick *f, const struct flow_actor *by, int64_t *batch)
{
	struct make_arg m = { NULL, 0, by, 0, "", RF_DB };
	const char *kind = payout_kind_of(f);
	struct db_res *r;
	size_t i, k;
	int rc;

	if (all) {
		if ((m.ids = calloc(PAYOUT_MAX_LINES + 1, sizeof(*m.ids))) ==
		    NULL)
			return RF_DB;
		if ((r = db_query(db, &tab, STMT_PAYABLE_IDS, "iissi",
		    f->district, f->district, kind, kind,
		    (int64_t)PAYOUT_MAX_LINES + 1)) == NULL) {
			free(m.ids);
			return RF_DB;
		}
		while ((rc = db_next(r)) == 1)
			m.ids[m.n++] = db_int(r, 0);
		db_done(r);
		if (rc < 0) {
			free(m.ids);
			return RF_DB;
		}
	} else {
		if (n > PAYOUT_MAX_LINES)
			return RF_PAYOUT_TOO_MANY;
		if (n > 0 && (m.ids = calloc(n, sizeof(*m.ids))) == NULL)
			return RF_DB;
		if (n > 0)
			memcpy(m.ids, ids, n * sizeof(*ids));
		m.n = n;
	}
	if (m.n > PAYOUT_MAX_LINES) {
		free(m.ids);
		return RF_PAYOUT_TOO_MANY;
	}
	/* In order, once each (a repeated tick counts once). */
	if (m.n > 0)
		qsort(m.ids, m.n, sizeof(*m.ids), cmp_id);
	for (i = k = 0; i < m.n; i++)
		if (m.ids[i] > 0 && (k == 0 || m.ids[i] != m.ids[k - 1]))
			m.ids[k++] = m.ids[i];
	m.n = k;
	if (m.n == 0) {
		free(m.ids);
		return RF_PAYOUT_NONE;
	}
	rc = db_txn(db, make_txn, &m);
	free(m.ids);
	if (rc < 0)
		return RF_DB;
	if (m.rf != RF_OK && m.no[0])
		refusal_detail_set(m.no);
	if (m.rf == RF_OK)
		*batch = m.batch;
	return m.rf;
}

/* ------------------------------------------------------------ the file */


/* The batch's row (locked with `lock`): 1, 0 if none, -1 on error. */
int
payout_batch_row(struct db *db, int64_t id, int lock, struct batch *b)
{
	struct db_res *r;
	int rc;

	memset(b, 0, sizeof(*b));
	if ((r = db_query(db, &tab, lock ? STMT_BATCH_LOCK : STMT_BATCH_GET,
	    "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		b->id = db_int(r, 0);
		snprintf(b->no, sizeof(b->no), "%s", db_col(r, 1) ? db_col(r,
		    1) : "");
		snprintf(b->state, sizeof(b->state), "%s", db_col(r, 2));
		b->lines = db_int(r, 3);
		b->total = db_int(r, 4);
		b->file_id = db_int(r, 5);
	}
	db_done(r);
	return rc;
}

/* A line of the bank file: 序号, 收款人, 卡号, 开户银行, 开户网点, 金额
 * ("8323.04"), 参考号. */
static void
file_row(struct db_res *r, const char **cells, void *arg)
{
	char *amount = arg;
	int i;

	for (i = 0; i < 5; i++)
		cells[i] = db_col(r, i);
	money_plain(db_int(r, 5), amount, 32);
	cells[5] = amount;
	cells[6] = db_col(r, 6);
}

static const struct xlsx_col file_cols[] = {
	{ "序号", 8 }, { "收款人", 14 }, { "卡号", 24 }, { "开户银行", 18 },
	{ "开户网点", 28 }, { "金额", 14 }, { "参考号", 26 },
};

struct sent_arg {
	struct batch		*b;
	const char		*path, *sha;
	const struct flow_actor	*by;
	int64_t			 file_id;
};

/* Keep the file made and its digest with the batch, unless another
 * request kept one first (then that one is the batch's file). */
static int
sent_txn(struct db *db, void *arg)
{
	struct sent_arg *s = arg;
	struct batch now;
	const char *err = NULL;
	char name[80], stamp[20];

	if (payout_batch_row(db, s->b->id, 1, &now) != 1)
		return 1;
	if (now.file_id > 0) {
		s->file_id = now.file_id;
		return 0;
	}
	snprintf(name, sizeof(name), "打款文件-%s.xlsx", now.no);
	if ((s->file_id = store_put_path(db, s->path, name, AK_PAYOUT_FILE,
	    "payout", now.id, s->by->kind, s->by->id, &err)) <= 0)
		return 1;
	if (db_exec(db, &tab, STMT_BATCH_SENT, "issi", s->file_id, s->sha,
	    clock_stamp(stamp), now.id) != 1)
		return 1;
	return !audit_log(db, s->by->kind, s->by->id, s->by->ip, "payout.file",
	    "payout_batch", now.id, s->sha);
}

enum refusal
payout_file(struct db *db, int64_t batch, const struct flow_actor *by,
    struct attachment *a)
{
	const char *tmp = conf_str(CONF_TMP_DIR);
	struct sent_arg s;
	struct batch b;
	char path[512], sha[65], title[160], total[32], amount[32];
	int rc;

	if ((rc = payout_batch_row(db, batch, 0, &b)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	if (b.file_id == 0) {
		/* Made from the recorded lines alone: made again, it says
		 * the same to the bank (the same references). */
		money_plain(b.total, total, sizeof(total));
		snprintf(title, sizeof(title), "打款批次 %s  控制笔数 %lld 笔  "
		    "控制金额 %s 元", b.no, (long long)b.lines, total);
		if (!xlsx_tmp(path, sizeof(path), tmp))
			return RF_DB;
		if (xlsx_export_titled(path, tmp, "打款", title, NULL,
		    file_cols, sizeof(file_cols) / sizeof(file_cols[0]),
		    db_stream(db, &tab, STMT_FILE_LINES, "i", b.id), file_row,
		    amount) != b.lines || !sha256_file(path, sha)) {
			unlink(path);
			return RF_DB;
		}
		/* Killed here, the file exists and the batch does not know
		 * it: the next download makes it again. */
		payout_crash_point("payout.file");
		s = (struct sent_arg){ &b, path, sha, by, 0 };
		rc = db_txn(db, sent_txn, &s);
		unlink(path);
		if (rc != 0)
			return RF_DB;
		b.file_id = s.file_id;
	}
	if ((rc = store_get(db, b.file_id, a)) != 1)
		return RF_DB;
	return RF_OK;
}

const char *const payout_result_names[PR__MAX] = { "paid", "failed" };

/*
 * Record result `res` of pending line `l` (reason the bank's), by `by`
 * (its import `import`, 0 by hand), and take the claim's engine step.
 * Returns RF_OK or the engine's refusal.
 */
static enum refusal
decide(struct db *db, const struct line *l, enum payout_result res,
    const char *reason, const struct flow_actor *by, int64_t import)
{
	struct flow_actor a = payout_actor(by);
	char stamp[20];
	int64_t changed;

	if (res == PR_FAILED && (reason == NULL || *reason == '\0'))
		reason = "银行未说明原因";
	changed = db_exec(db, &tab, STMT_LINE_DECIDE, "sssisii",
	    payout_result_names[res], payout_result_names[res], res == PR_FAILED ? reason :
	    NULL, by->id, clock_stamp(stamp), import, l->id);
	if (changed != 1)
		return RF_DB;
	return flow_apply(db, &claim_flow, l->claim, res == PR_PAID ?
	    FA_APPROVE : FA_RETURN, &a, res == PR_FAILED ? reason : NULL);
}

/* ---------------------------------------------------------- by hand */

struct hand_arg {
	int64_t			 batch, line;
	enum payout_result	 res;	/* PR__MAX: 退票 */
	const char		*reason;
	const struct flow_actor	*by;
	int			 again;
	enum refusal		 rf;
};

/* The line of the batch, locked after the batch: 1, 0, -1. */
static int
line_lock(struct db *db, int64_t batch, int64_t id, struct batch *b,
    struct line *l)
{
	struct db_res *r;
	int rc;

	if ((rc = payout_batch_row(db, batch, 1, b)) != 1)
		return rc;
	memset(l, 0, sizeof(*l));
	if ((r = db_query(db, &tab, STMT_LINE_LOCK, "ii", id, batch)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		l->id = db_int(r, 0);
		snprintf(l->ref, sizeof(l->ref), "%s", db_col(r, 1));
		l->claim = db_int(r, 2);
		l->amount = db_int(r, 3);
		snprintf(l->state, sizeof(l->state), "%s", db_col(r, 4));
	}
	db_done(r);
	return rc;
}

static int
hand_txn(struct db *db, void *arg)
{
	struct hand_arg *h = arg;
	struct flow_actor a = payout_actor(h->by);
	struct batch b;
	struct line l;
	char stamp[20], detail[300];
	int rc;

	h->rf = RF_DB;
	h->again = 0;
	if ((rc = line_lock(db, h->batch, h->line, &b, &l)) != 1) {
		if (rc == 0)
			h->rf = RF_NOT_FOUND;
		return 1;
	}
	if (strcmp(b.state, "prepared") == 0) {
		h->rf = RF_PAYOUT_NOT_SENT;
		return 1;
	}
	if (h->res == PR__MAX) {
		/* 退票: a paid line comes back from the bank. */
		if (strcmp(l.state, "returned") == 0) {
			h->again = 1;
			h->rf = RF_OK;
			return 1;
		}
		if (strcmp(l.state, "paid") != 0) {
			h->rf = RF_PAYOUT_NOT_PAID;
			return 1;
		}
		if (db_exec(db, &tab, STMT_LINE_RETURN, "sisi", h->reason,
		    h->by->id, clock_stamp(stamp), l.id) != 1)
			return 1;
		if ((h->rf = flow_apply(db, &claim_flow, l.claim, FA_RETURN, &a,
		    h->reason)) != RF_OK)
			return 1;
		snprintf(detail, sizeof(detail), "退票 %s: %s", l.ref,
		    h->reason);
	} else {
		if (strcmp(l.state, payout_result_names[h->res]) == 0) {
			/* Clicked twice: recorded once. */
			h->again = 1;
			h->rf = RF_OK;
			return 1;
		}
		if (strcmp(l.state, "pending") != 0) {
			h->rf = RF_PAYOUT_DECIDED;
			return 1;
		}
		if ((h->rf = decide(db, &l, h->res, h->reason, h->by, 0)) !=
		    RF_OK)
			return 1;
		if (db_exec(db, &tab, STMT_BATCH_CLOSE, "i", b.id) < 0) {
			h->rf = RF_DB;
			return 1;
		}
		snprintf(detail, sizeof(detail), "%s %s%s%s", l.ref,
		    h->res == PR_PAID ? "成功" : "失败", h->reason ? ": " : "",
		    h->reason ? h->reason : "");
	}
	utf8_cut(detail, SIZE_MAX, sizeof(detail));
	if (!audit_log(db, h->by->kind, h->by->id, h->by->ip, h->res ==
	    PR__MAX ? "payout.return" : "payout.record", "payout_line", l.id,
	    detail)) {
		h->rf = RF_DB;
		return 1;
	}
	return 0;
}

/* A result by hand, or 退票 (res PR__MAX). */
static enum refusal
by_hand(struct db *db, int64_t batch, int64_t line, enum payout_result res,
    const char *reason, const struct flow_actor *by, int *again)
{
	struct hand_arg h = { batch, line, res, NULL, by, 0, RF_DB };
	char why[4 * 100 + 1];

	/* The bank's words, as long as the timeline keeps them. */
	if (reason && valid_text_trim(reason, why, sizeof(why)) >= 0 &&
	    why[0] != '\0') {
		utf8_cut(why, 100, sizeof(why));
		h.reason = why;
	}
	if (res != PR_PAID && h.reason == NULL)
		return RF_NEED_REASON;
	if (db_txn(db, hand_txn, &h) < 0)
		return RF_DB;
	if (again)
		*again = h.again;
	return h.rf;
}

enum refusal
payout_record(struct db *db, int64_t batch, int64_t line,
    enum payout_result res, const char *reason, const struct flow_actor *by,
    int *again)
{
	if ((unsigned)res >= PR__MAX)
		return RF_BAD_STATE;
	return by_hand(db, batch, line, res, res == PR_PAID ? NULL : reason,
	    by, again);
}

enum refusal
payout_return(struct db *db, int64_t batch, int64_t line, const char *reason,
    const struct flow_actor *by)
{
	return by_hand(db, batch, line, PR__MAX, reason, by, NULL);
}
