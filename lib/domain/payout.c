/*
 * payout.c -- 打款: batches of approved claims, the bank file, the bank's
 * answer per line.  See payout.h for the rules and why a crash at any
 * point is safe.
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
#include "log.h"
#include "money.h"
#include "payout.h"
#include "sha256.h"
#include "store.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"
#include "xlsxread.h"

enum stmt {
	STMT_PAYABLE_COUNT,
	STMT_PAYABLE,
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
	STMT_IMPORT_ADD,
	STMT_IMPORT_OF,
	STMT_IMPORT_COUNTS,
	STMT_IMPORT_FILE,
	STMT_LINES_OF,
	STMT_LINE_LOCK,
	STMT_LINE_DECIDE,
	STMT_LINES_PAID,
	STMT_LINE_RETURN,
	STMT_RESULT_ADD,
	STMT_BATCH_CLOSE,
	STMT_BATCHES_COUNT,
	STMT_BATCHES,
	STMT_BATCH_HEAD,
	STMT_LINES_COUNT,
	STMT_LINES,
	STMT_IMPORTS,
	STMT_ODD_RESULTS,
	STMT__MAX
};

/* Approved claims with an amount, in no open line, by district and kind. */
#define PAYABLE \
	" FROM flow_item f JOIN claim c ON c.id = f.item_id" \
	" WHERE f.type = 'claim' AND f.state = 'approved'" \
	" AND c.approved_amount > 0 AND (? = 0 OR f.district_id = ?)" \
	" AND (? = '' OR c.kind = ?)"

/* A batch's head: counts per state and what stands paid. */
#define BATCH_COLS \
	"SELECT b.id, b.no, b.state, b.line_count, b.total," \
	" COALESCE(SUM(l.state = 'paid'), 0), COALESCE(SUM(l.state = 'failed'), 0)," \
	" COALESCE(SUM(l.state = 'pending'), 0)," \
	" COALESCE(SUM(l.state = 'returned'), 0)," \
	" COALESCE(SUM(IF(l.state = 'paid', l.amount, 0)), 0)," \
	" b.made_at, COALESCE(s.name, ''), COALESCE(b.file_sha, ''), b.sent_at" \
	" FROM payout_batch b LEFT JOIN payout_line l ON l.batch_id = b.id" \
	" LEFT JOIN staff s ON s.id = b.made_by"

#define LINE_STATE "l.state IN ('failed', 'returned')"

static const char *const sql[STMT__MAX] = {
	[STMT_PAYABLE_COUNT] =
	    "SELECT COUNT(*), COALESCE(SUM(c.approved_amount), 0)" PAYABLE,
	[STMT_PAYABLE] =
	    "SELECT c.id, c.no, c.kind, m.name, o.name, c.approved_amount,"
	    " c.payee, c.card, c.bank,"
	    " (SELECT MAX(l.id) FROM payout_line l WHERE l.claim_id = c.id"
	    " AND " LINE_STATE ")"
	    " FROM flow_item f JOIN claim c ON c.id = f.item_id"
	    " JOIN member m ON m.id = c.member_id JOIN org o ON o.id = c.unit_id"
	    " WHERE f.type = 'claim' AND f.state = 'approved'"
	    " AND c.approved_amount > 0 AND (? = 0 OR f.district_id = ?)"
	    " AND (? = '' OR c.kind = ?) ORDER BY c.id LIMIT ? OFFSET ?",
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
	/* The paid lines of an import, a JSON list of line ids, at once. */
	[STMT_LINES_PAID] =
	    "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$'))"
	    " j JOIN payout_line l ON l.id = j.id SET l.state = 'paid',"
	    " l.open_claim = NULL, l.paid_claim = l.claim_id, l.reason = NULL,"
	    " l.decided_by = ?, l.decided_at = ?, l.import_id = NULLIF(?, 0)"
	    " WHERE l.state = 'pending'",
	[STMT_LINE_RETURN] =
	    "UPDATE payout_line SET state = 'returned', paid_claim = NULL,"
	    " reason = ?, decided_by = ?, decided_at = ?"
	    " WHERE id = ? AND state = 'paid'",
	[STMT_RESULT_ADD] =
	    "INSERT INTO payout_result (import_id, row_no, ref, amount, class,"
	    " reason) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_BATCH_CLOSE] =
	    "UPDATE payout_batch b SET b.state = 'closed' WHERE b.id = ?"
	    " AND b.state = 'sent' AND NOT EXISTS (SELECT 1 FROM payout_line l"
	    " WHERE l.batch_id = b.id AND l.state = 'pending')",
	[STMT_BATCHES_COUNT] = "SELECT COUNT(*) FROM payout_batch",
	[STMT_BATCHES] =
	    BATCH_COLS " GROUP BY b.id ORDER BY b.id DESC LIMIT ? OFFSET ?",
	[STMT_BATCH_HEAD] = BATCH_COLS " WHERE b.id = ? GROUP BY b.id",
	[STMT_LINES_COUNT] =
	    "SELECT COUNT(*) FROM payout_line WHERE batch_id = ?"
	    " AND (? = '' OR state = ?)",
	[STMT_LINES] =
	    "SELECT l.id, l.seq, l.ref, c.id, c.no, l.payee, l.card, l.bank,"
	    " l.branch, l.amount, l.state, l.reason, l.decided_at,"
	    " (SELECT r.ref FROM payout_line r WHERE r.id = l.retry_of), f.state"
	    " FROM payout_line l JOIN claim c ON c.id = l.claim_id"
	    " JOIN flow_item f ON f.type = 'claim' AND f.item_id = c.id"
	    " WHERE l.batch_id = ? AND (? = '' OR l.state = ?)"
	    " ORDER BY l.seq LIMIT ? OFFSET ?",
	[STMT_IMPORTS] =
	    "SELECT i.id, i.filename, i.paid, i.failed, i.unknown, i.mismatch,"
	    " i.already, i.made_at, COALESCE(s.name, ''), i.sha"
	    " FROM payout_import i LEFT JOIN staff s ON s.id = i.made_by"
	    " WHERE i.batch_id = ? ORDER BY i.id",
	/* What the bank wrote that matched no line: for finance to follow. */
	[STMT_ODD_RESULTS] =
	    "SELECT r.row_no, r.ref, r.amount, r.class, i.id"
	    " FROM payout_result r JOIN payout_import i ON i.id = r.import_id"
	    " WHERE i.batch_id = ? AND r.class IN ('unknown', 'mismatch')"
	    " ORDER BY r.import_id, r.row_no LIMIT 200",
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
static struct flow_actor
domain_actor(const struct flow_actor *by)
{
	struct flow_actor a = *by;

	a.domain = 1;
	return a;
}

/* The claim's number into no (for a refusal's detail). */
static void
claim_no(struct db *db, int64_t claim, char no[20])
{
	struct db_res *r;

	snprintf(no, 20, "%lld", (long long)claim);
	if ((r = db_query(db, &tab, STMT_CLAIM_NO, "i", claim)) == NULL)
		return;
	if (db_next(r) == 1)
		snprintf(no, 20, "%s", db_col(r, 0));
	db_done(r);
}

/* ------------------------------------------------------------- payable */

static const char *
kind_of(const struct payout_pick *f)
{
	return f->kind >= 0 && f->kind < PK__MAX ? plan_kinds[f->kind].name :
	    "";
}

int
payout_payable_view(struct db *db, const struct payout_pick *f,
    const char *page, int per, xmlNodePtr parent)
{
	static const struct view_col cols[] = {
		{ "@id", VK_INT, NULL, 0 }, { "@no", VK_TEXT, NULL, 0 },
		{ "@kind", VK_TEXT, NULL, 0 }, { "member", VK_TEXT, NULL, 0 },
		{ "unit", VK_TEXT, NULL, 0 }, { "amount", VK_MONEY, NULL, 0 },
		{ "payee", VK_TEXT, NULL, 0 }, { "card", VK_CARD, NULL, 0 },
		{ "bank", VK_TEXT, NULL, 0 }, { "@retry", VK_INT, NULL, 0 },
	};
	const char *kind = kind_of(f);
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list, c;
	int64_t rows;
	int rc;

	view_paging_init(&pg, page, per);
	if ((r = db_query(db, &tab, STMT_PAYABLE_COUNT, "iiss", f->district,
	    f->district, kind, kind)) == NULL)
		return 0;
	list = view_add(parent, "payable", NULL);
	if ((rc = db_next(r)) == 1) {
		pg.total = db_int(r, 0);
		view_money(list, "sum", db_int(r, 1));
	}
	db_done(r);
	if (rc < 0)
		return 0;
	if ((r = db_query(db, &tab, STMT_PAYABLE, "iissii", f->district,
	    f->district, kind, kind, pg.per, view_paging_offset(&pg))) == NULL)
		return 0;
	rows = 0;
	while ((rc = db_next(r)) == 1) {
		c = view_row(list, "claim", cols, sizeof(cols) / sizeof(cols[0]),
		    r);
		view_attr(c, "kind-label",
		    claim_kind_labels[plan_kind_named(db_col(r, 2))]);
		rows++;
	}
	db_done(r);
	if (rc < 0)
		return 0;
	view_paging_attrs(list, &pg, rows);
	return 1;
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
	struct flow_actor a = domain_actor(m->by);
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
			claim_no(db, bad, m->no);
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
	const char *kind = kind_of(f);
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

struct batch {
	int64_t		 id;
	char		 no[20];
	char		 state[12];
	int64_t		 lines, total, file_id;
};

/* The batch's row (locked with `lock`): 1, 0 if none, -1 on error. */
static int
batch_get(struct db *db, int64_t id, int lock, struct batch *b)
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

	if (batch_get(db, s->b->id, 1, &now) != 1)
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

	if ((rc = batch_get(db, batch, 0, &b)) != 1)
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

/* --------------------------------------------------------- the results */

/* A line as the results see it. */
struct line {
	int64_t		 id, claim, amount;
	char		 ref[41];
	char		 state[10];
};

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

static const char *const result_names[PR__MAX] = { "paid", "failed" };

/*
 * Record result `res` of pending line `l` (reason the bank's), by `by`
 * (its import `import`, 0 by hand), and take the claim's engine step.
 * Returns RF_OK or the engine's refusal.
 */
static enum refusal
decide(struct db *db, const struct line *l, enum payout_result res,
    const char *reason, const struct flow_actor *by, int64_t import)
{
	struct flow_actor a = domain_actor(by);
	char stamp[20];
	int64_t changed;

	if (res == PR_FAILED && (reason == NULL || *reason == '\0'))
		reason = "银行未说明原因";
	changed = db_exec(db, &tab, STMT_LINE_DECIDE, "sssisii",
	    result_names[res], result_names[res], res == PR_FAILED ? reason :
	    NULL, by->id, clock_stamp(stamp), import, l->id);
	if (changed != 1)
		return RF_DB;
	return flow_apply(db, &claim_flow, l->claim, res == PR_PAID ?
	    FA_APPROVE : FA_RETURN, &a, res == PR_FAILED ? reason : NULL);
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
	struct flow_actor a = domain_actor(by);
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
			row[0] = row[1] = result_names[x->res];
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

/* Keep each row's class (payout_result), many rows a round trip. */
static int
results_add(struct db *db, int64_t import, const struct row *rows, size_t n)
{
	enum { COLS = 6, CHUNK = 500 };
	const char *v[CHUNK * COLS];
	char num[CHUNK][2][24];
	size_t i, k, m;

	for (i = 0; i < n; i += m) {
		m = n - i < CHUNK ? n - i : CHUNK;
		for (k = 0; k < m; k++) {
			const struct row *w = &rows[i + k];

			snprintf(num[k][0], sizeof(num[k][0]), "%lld",
			    (long long)w->row_no);
			snprintf(num[k][1], sizeof(num[k][1]), "%lld",
			    (long long)w->amount);
			v[k * COLS] = NULL;	/* set below */
			v[k * COLS + 1] = num[k][0];
			v[k * COLS + 2] = w->ref;
			v[k * COLS + 3] = num[k][1];
			v[k * COLS + 4] = w->class;
			v[k * COLS + 5] = strcmp(w->class, "failed") == 0 ?
			    w->reason : NULL;
		}
		{
			char imp[24];

			snprintf(imp, sizeof(imp), "%lld", (long long)import);
			for (k = 0; k < m; k++)
				v[k * COLS] = imp;
			if (db_bulk(db, &tab, STMT_RESULT_ADD, m, COLS, v) < 0)
				return 0;
		}
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
	if ((rc = batch_get(db, m->batch, 1, &b)) != 1) {
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
			    result_names[w->res]);
			w->class = result_names[w->res];
			if (w->res == PR_PAID)
				m->t.paid++;
			else
				m->t.failed++;
		}
	}
	if ((m->rf = decide_many(db, dec, ndec, m->by, m->t.import_id,
	    &bad)) != RF_OK) {
		if (m->rf != RF_DB && bad > 0)
			claim_no(db, bad, m->no);
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

	if ((rc = batch_get(db, batch, 1, b)) != 1)
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
	struct flow_actor a = domain_actor(h->by);
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
		if (strcmp(l.state, result_names[h->res]) == 0) {
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

/* ------------------------------------------------------------ reading */

static const struct view_col batch_cols[] = {
	{ "@id", VK_INT, NULL, 0 }, { "@no", VK_TEXT, NULL, 0 },
	{ "@state", VK_TEXT, NULL, 0 }, { "@lines", VK_INT, NULL, 0 },
	{ "total", VK_MONEY, NULL, 0 }, { "@paid", VK_INT, NULL, 0 },
	{ "@failed", VK_INT, NULL, 0 }, { "@pending", VK_INT, NULL, 0 },
	{ "@returned", VK_INT, NULL, 0 }, { "paid-sum", VK_MONEY, NULL, 0 },
	{ "made-at", VK_TIME, NULL, 0 }, { "made-by", VK_TEXT, NULL, 0 },
	{ "sha", VK_TEXT, NULL, 0 }, { "sent-at", VK_TIME, NULL, 0 },
};
#define NBATCH_COLS (sizeof(batch_cols) / sizeof(batch_cols[0]))

int
payout_batches_view(struct db *db, const char *page, int per,
    xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list;
	int64_t rows;
	int found;

	view_paging_init(&pg, page, per);
	if ((pg.total = db_one_int(db, &tab, STMT_BATCHES_COUNT, &found, ""))
	    < 0)
		return 0;
	if ((r = db_query(db, &tab, STMT_BATCHES, "ii", pg.per,
	    view_paging_offset(&pg))) == NULL)
		return 0;
	list = view_add(parent, "batches", NULL);
	rows = view_rows(list, "batch", batch_cols, NBATCH_COLS, r, &pg);
	db_done(r);
	return rows >= 0;
}

int
payout_batch_view(struct db *db, int64_t batch, const char *state,
    const char *page, int per, xmlNodePtr parent)
{
	static const struct view_col line_cols[] = {
		{ "@id", VK_INT, NULL, 0 }, { "@seq", VK_INT, NULL, 0 },
		{ "@ref", VK_TEXT, NULL, 0 }, { "@claim", VK_INT, NULL, 0 },
		{ "claim-no", VK_TEXT, NULL, 0 }, { "payee", VK_TEXT, NULL, 0 },
		{ "card", VK_CARD, NULL, 0 }, { "bank", VK_TEXT, NULL, 0 },
		{ "branch", VK_TEXT, NULL, 0 }, { "amount", VK_MONEY, NULL, 0 },
		{ "@state", VK_TEXT, NULL, 0 }, { "reason", VK_TEXT, NULL, 0 },
		{ "decided-at", VK_TIME, NULL, 0 },
		{ "retry-of", VK_TEXT, NULL, 0 },
		{ "@claim-state", VK_TEXT, NULL, 0 },
	};
	static const struct view_col import_cols[] = {
		{ "@id", VK_INT, NULL, 0 }, { "filename", VK_TEXT, NULL, 0 },
		{ "@paid", VK_INT, NULL, 0 }, { "@failed", VK_INT, NULL, 0 },
		{ "@unknown", VK_INT, NULL, 0 }, { "@mismatch", VK_INT, NULL, 0 },
		{ "@already", VK_INT, NULL, 0 }, { "at", VK_TIME, NULL, 0 },
		{ "by", VK_TEXT, NULL, 0 }, { "sha", VK_TEXT, NULL, 0 },
	};
	static const struct view_col odd_cols[] = {
		{ "@row", VK_INT, NULL, 0 }, { "@ref", VK_TEXT, NULL, 0 },
		{ "amount", VK_MONEY, NULL, 0 }, { "@class", VK_TEXT, NULL, 0 },
		{ "@import", VK_INT, NULL, 0 },
	};
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr head = NULL, list;
	int64_t rows;
	int rc, found;

	if (state == NULL)
		state = "";
	if ((r = db_query(db, &tab, STMT_BATCH_HEAD, "i", batch)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		head = view_row(parent, "batch", batch_cols, NBATCH_COLS, r);
	db_done(r);
	if (rc != 1)
		return rc;
	view_paging_init(&pg, page, per);
	if ((pg.total = db_one_int(db, &tab, STMT_LINES_COUNT, &found, "iss",
	    batch, state, state)) < 0 ||
	    (r = db_query(db, &tab, STMT_LINES, "issii", batch, state, state,
	    pg.per, view_paging_offset(&pg))) == NULL)
		return -1;
	list = view_add(head, "lines", NULL);
	view_attr(list, "state", state);
	rows = view_rows(list, "line", line_cols,
	    sizeof(line_cols) / sizeof(line_cols[0]), r, &pg);
	db_done(r);
	if (rows < 0 ||
	    (r = db_query(db, &tab, STMT_IMPORTS, "i", batch)) == NULL)
		return -1;
	rows = view_rows(view_add(head, "imports", NULL), "import",
	    import_cols, sizeof(import_cols) / sizeof(import_cols[0]), r, NULL);
	db_done(r);
	if (rows < 0 ||
	    (r = db_query(db, &tab, STMT_ODD_RESULTS, "i", batch)) == NULL)
		return -1;
	rows = view_rows(view_add(head, "odd", NULL), "result", odd_cols,
	    sizeof(odd_cols) / sizeof(odd_cols[0]), r, NULL);
	db_done(r);
	return rows < 0 ? -1 : 1;
}
