/*
 * invoice.c -- 开票信息.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "invoice.h"

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

int
invoice_save(struct db *db, const struct invoice *v)
{
	return db_exec(db, &tab, STMT_SAVE, "issssssi", v->unit_id, v->title,
	    v->tax_no, v->address, v->phone, v->bank, v->account,
	    (int64_t)v->several) >= 0;
}
