/*
 * payoutview.c -- 打款 as the pages show it: the payable claims, the
 * batches, a batch with its lines, imports and unmatched rows.
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
#include "store.h"
#include "valid.h"
#include "view.h"

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

enum stmt {
	STMT_PAYABLE_COUNT,
	STMT_PAYABLE,
	STMT_BATCHES_COUNT,
	STMT_BATCHES,
	STMT_BATCH_HEAD,
	STMT_LINES_COUNT,
	STMT_LINES,
	STMT_IMPORTS,
	STMT_ODD_RESULTS,
	STMT__MAX
};

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

static const struct db_table tab = { DBM_PAYOUT_VIEW, sql, STMT__MAX };

/* ------------------------------------------------------------- payable */

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
	const char *kind = payout_kind_of(f);
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
