/*
 * invoice.c -- 开票信息.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "http_parse.h"
#include "invoice.h"
#include "store.h"

enum stmt {
	STMT_GET,
	STMT_SAVE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_GET] =
	    "SELECT title, tax_no, COALESCE(address, ''), COALESCE(phone, ''),"
	    " COALESCE(bank, ''), COALESCE(account, ''), several,"
	    " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i')"
	    " FROM invoice_info WHERE unit_id = ?",
	[STMT_SAVE] =
	    "INSERT INTO invoice_info (unit_id, title, tax_no, address, phone,"
	    " bank, account, several) VALUES (?, ?, ?, NULLIF(?, ''),"
	    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?)"
	    " ON DUPLICATE KEY UPDATE title = VALUES(title),"
	    " tax_no = VALUES(tax_no), address = VALUES(address),"
	    " phone = VALUES(phone), bank = VALUES(bank),"
	    " account = VALUES(account), several = VALUES(several)",
};

static const struct db_table tab = { DBM_INVOICE, sql, STMT__MAX };

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", db_col(r, (i)))

int
invoice_get(struct db *db, int64_t unit, struct invoice *v)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", unit)) == NULL)
		return -1;
	memset(v, 0, sizeof(*v));
	v->unit_id = unit;
	if ((rc = db_next(r)) == 1) {
		COPY(v->title, 0);
		COPY(v->tax_no, 1);
		COPY(v->address, 2);
		COPY(v->phone, 3);
		COPY(v->bank, 4);
		COPY(v->account, 5);
		v->several = (int)db_int(r, 6);
		COPY(v->updated_at, 7);
	}
	db_done(r);
	return rc;
}

/* The row, its note and the audit row. */
struct save_arg {
	const struct actor	*by;
	const struct invoice	*v;
	const struct upload	*note;
	const char		*why;
	enum refusal		 rf;
};

static int
save_txn(struct db *db, void *arg)
{
	struct save_arg *a = arg;
	const struct invoice *v = a->v;
	struct attachment old;
	int has_note = a->note && a->note->size > 0, st;

	a->rf = RF_DB;
	a->why = NULL;
	if (has_note && store_put(db, a->note, AK_INVOICE_NOTE, "invoice",
	    v->unit_id, a->by->kind, a->by->id, &a->why) <= 0) {
		if (a->why)
			a->rf = RF_FILE;
		return 1;
	}
	/* 多个户头: the note that lists them, now or from before. */
	if (v->several && !has_note) {
		if ((st = store_latest(db, "invoice", v->unit_id,
		    AK_INVOICE_NOTE, &old)) < 0)
			return 1;
		if (st == 0) {
			a->rf = RF_INVOICE_NOTE;
			return 1;
		}
	}
	if (db_exec(db, &tab, STMT_SAVE, "issssssi", v->unit_id, v->title,
	    v->tax_no, v->address, v->phone, v->bank, v->account,
	    (int64_t)v->several) < 0 ||
	    !audit_act(db, a->by, "unit.invoice", "org", v->unit_id, NULL))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
invoice_save(struct db *db, const struct actor *by, const struct invoice *v,
    const struct upload *note, const char **why)
{
	struct save_arg a = { by, v, note, NULL, RF_DB };

	if (db_txn(db, save_txn, &a) < 0)
		return RF_DB;
	*why = a.why;
	return a.rf;
}
