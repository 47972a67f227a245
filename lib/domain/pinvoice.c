/*
 * pinvoice.c -- 发票: finance records a premium invoice, with its PDF,
 * against a finished application; the unit lists and downloads them.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "kind.h"
#include "money.h"
#include "pinvoice.h"
#include "store.h"
#include "valid.h"

/* The PDFs belong to the unit (files.c's rule for "premium_invoice"). */
#define OWNER	"premium_invoice"

enum stmt {
	STMT_APP_LOCK,
	STMT_INVOICED,
	STMT_NUMBER_USED,
	STMT_INSERT,
	STMT_ATTACH,
	STMT_UNIT_LIST,
	STMT_UNIT_COUNT,
	STMT_OF_ENROLL,
	STMT_APPS,		/* each with its _ONE twin right after */
	STMT_APPS_ONE,
	STMT_APPS_COUNT,
	STMT_APPS_COUNT_ONE,
	STMT_ATTACHMENT,
	STMT__MAX
};

/* The columns of enum pinvoice_col. */
#define INVOICE_COLS \
	"SELECT i.id, i.number, i.issued_on, i.amount, e.no, pv.name," \
	" e.period_start, e.period_end, i.attachment_id IS NOT NULL" \
	" FROM premium_invoice i JOIN enroll e ON e.id = i.enroll_id" \
	" JOIN plan_version pv ON pv.id = e.version_id"

/*
 * 已办结 applications matching q, only those without invoices, and any
 * (ANY_APP: checks that none was named) or one (ONE_APP).  One
 * application is a statement of its own: MariaDB 10.11 keeps what it
 * simplified at a prepared statement's execution, and `e.id = ?` made the
 * application and its flow row constant tables, whose ORDER BY columns
 * it then dropped for every later execution (see coverage.c).
 */
#define APPS_FROM \
	" FROM flow_item f JOIN enroll e ON e.id = f.item_id" \
	" JOIN org u ON u.id = e.unit_id" \
	" JOIN plan_version pv ON pv.id = e.version_id" \
	" WHERE f.type = 'enroll' AND f.state = 'done'" \
	" AND (? = '' OR e.no = ? OR u.name LIKE CONCAT('%', ?, '%'))" \
	" AND (? = 0 OR NOT EXISTS (SELECT 1 FROM premium_invoice i" \
	"  WHERE i.enroll_id = e.id))"
#define ANY_APP " AND ? = 0"
#define ONE_APP " AND e.id = ?"
#define APPS_COLS \
	"SELECT e.id, e.no, u.name, pv.name, e.period_start, e.period_end," \
	" e.headcount, COALESCE(e.paid, e.due)," \
	" (SELECT COALESCE(SUM(i.amount), 0) FROM premium_invoice i" \
	"  WHERE i.enroll_id = e.id)," \
	" (SELECT COUNT(*) FROM premium_invoice i WHERE i.enroll_id = e.id)"
#define APPS_ORDER " ORDER BY f.updated_at DESC, e.id DESC LIMIT ? OFFSET ?"

static const char *const sql[STMT__MAX] = {
	/* The application, locked: its unit, what it paid (or owes, until
	 * the unit enters the amount), its state by name. */
	[STMT_APP_LOCK] =
	    "SELECT e.unit_id, COALESCE(e.paid, e.due), COALESCE(f.state, '')"
	    " FROM enroll e LEFT JOIN flow_item f ON f.type = 'enroll'"
	    " AND f.item_id = e.id WHERE e.id = ? FOR UPDATE",
	[STMT_INVOICED] =
	    "SELECT COALESCE(SUM(amount), 0) FROM premium_invoice"
	    " WHERE enroll_id = ?",
	[STMT_NUMBER_USED] =
	    "SELECT COUNT(*) FROM premium_invoice WHERE number = ?",
	[STMT_INSERT] =
	    "INSERT INTO premium_invoice (enroll_id, unit_id, number,"
	    " issued_on, amount, created_by) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_ATTACH] =
	    "UPDATE premium_invoice SET attachment_id = ? WHERE id = ?",
	[STMT_UNIT_LIST] = INVOICE_COLS " WHERE i.unit_id = ?"
	    " ORDER BY i.issued_on DESC, i.id DESC LIMIT ? OFFSET ?",
	[STMT_UNIT_COUNT] =
	    "SELECT COUNT(*) FROM premium_invoice WHERE unit_id = ?",
	[STMT_OF_ENROLL] = INVOICE_COLS " WHERE i.enroll_id = ? ORDER BY i.id",
	[STMT_APPS] = APPS_COLS APPS_FROM ANY_APP APPS_ORDER,
	[STMT_APPS_ONE] = APPS_COLS APPS_FROM ONE_APP APPS_ORDER,
	[STMT_APPS_COUNT] = "SELECT COUNT(*)" APPS_FROM ANY_APP,
	[STMT_APPS_COUNT_ONE] = "SELECT COUNT(*)" APPS_FROM ONE_APP,
	[STMT_ATTACHMENT] =
	    "SELECT attachment_id FROM premium_invoice WHERE id = ?"
	    " AND (? = 0 OR unit_id = ?) AND attachment_id IS NOT NULL",
};

static const struct db_table tab = { DBM_PINVOICE, sql, STMT__MAX };

/* Whether s is 8 to 20 digits: a 发票号码 (8 on paper invoices, 20 on
 * 全电发票). */
static int
is_invoice_number(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 8 || n > 20)
		return 0;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

struct record_arg {
	const struct actor		*by;
	const struct pinvoice_new	*v;
	const struct upload		*pdf;
	int64_t				*id;
	const char			**why;
	char				*over;
	enum refusal			 rc;
};

/* One recording in its transaction: a refusal rolls everything back,
 * the stored PDF's row included. */
static int
record_txn(struct db *db, void *arg)
{
	struct record_arg *a = arg;
	const struct pinvoice_new *v = a->v;
	struct db_res *res;
	char state[24] = "";
	int64_t unit = 0, paid = 0, invoiced, n, file;
	int found;

	a->rc = RF_DB;
	*a->why = NULL;
	if ((res = db_query(db, &tab, STMT_APP_LOCK, "i", v->enroll)) == NULL)
		return 1;
	if ((found = db_next(res)) == 1) {
		unit = db_int(res, 0);
		paid = db_int(res, 1);
		snprintf(state, sizeof(state), "%s", db_col(res, 2));
	}
	db_done(res);
	if (found < 0)
		return 1;
	if (!found) {
		a->rc = RF_PINV_NO_APP;
		return 1;
	}
	if (strcmp(state, "done") != 0) {
		a->rc = RF_PINV_NOT_DONE;
		return 1;
	}
	if ((n = db_one_int(db, &tab, STMT_NUMBER_USED, &found, "s",
	    v->number)) < 0)
		return 1;
	if (n > 0) {
		a->rc = RF_PINV_NUMBER_TAKEN;
		return 1;
	}
	if ((invoiced = db_one_int(db, &tab, STMT_INVOICED, &found, "i",
	    v->enroll)) < 0)
		return 1;
	if (invoiced + v->amount > paid) {
		money_format(paid > invoiced ? paid - invoiced : 0, a->over, 32);
		a->rc = RF_PINV_OVER;
		return 1;
	}
	if (db_exec(db, &tab, STMT_INSERT, "iissii", v->enroll, unit,
	    v->number, v->issued_on, v->amount, a->by->id) != 1) {
		/* Another finance user took the number meanwhile. */
		if (db_errno(db) == 1062)
			a->rc = RF_PINV_NUMBER_TAKEN;
		return 1;
	}
	*a->id = db_insert_id(db);
	if ((file = store_put(db, a->pdf, AK_PREMIUM_INVOICE, OWNER, unit,
	    a->by->kind, a->by->id, a->why)) == 0) {
		if (*a->why != NULL)
			a->rc = RF_FILE;
		return 1;
	}
	if (db_exec(db, &tab, STMT_ATTACH, "ii", file, *a->id) != 1 ||
	    !audit_act(db, a->by, "pinvoice.record", "premium_invoice", *a->id,
	    v->number))
		return 1;
	a->rc = RF_OK;
	return 0;
}

int
pinvoice_check(const struct pinvoice_new *v, enum refusal rf[PV__MAX])
{
	char today[11];
	int i, n = 0;

	rf[PV_NUMBER] = is_invoice_number(v->number) ? RF_OK : RF_PINV_NUMBER;
	rf[PV_ISSUED] = strcmp(v->issued_on, clock_today(today)) > 0 ?
	    RF_PINV_FUTURE : RF_OK;
	rf[PV_AMOUNT] = v->amount > 0 ? RF_OK : RF_PINV_AMOUNT;
	for (i = 0; i < PV__MAX; i++)
		n += rf[i] != RF_OK;
	return n;
}

enum refusal
pinvoice_record(struct db *db, const struct actor *by,
    const struct pinvoice_new *v, const struct upload *pdf, int64_t *id,
    const char **why, char over[32])
{
	struct record_arg a = { by, v, pdf, id, why, over, RF_DB };
	enum refusal rf[PV__MAX];
	int i;

	*id = 0;
	*why = NULL;
	over[0] = '\0';
	if (pinvoice_check(v, rf) > 0)
		for (i = 0; i < PV__MAX; i++)
			if (rf[i] != RF_OK)
				return rf[i];
	if (db_txn(db, record_txn, &a) < 0)
		return RF_DB;
	if (a.rc != RF_OK)
		*id = 0;
	return a.rc;
}

struct db_res *
pinvoice_of_unit(struct db *db, int64_t unit, int64_t offset, int64_t limit)
{
	return db_query(db, &tab, STMT_UNIT_LIST, "iii", unit, limit, offset);
}

int64_t
pinvoice_count_unit(struct db *db, int64_t unit)
{
	int found;

	return db_one_int(db, &tab, STMT_UNIT_COUNT, &found, "i", unit);
}

struct db_res *
pinvoice_of_enroll(struct db *db, int64_t enroll)
{
	return db_query(db, &tab, STMT_OF_ENROLL, "i", enroll);
}

struct db_res *
pinvoice_apps(struct db *db, const char *q, int64_t enroll, int pending,
    int64_t offset, int64_t limit)
{
	char esc[256];

	like_escape(q, esc, sizeof(esc));
	return db_query(db, &tab, enroll ? STMT_APPS_ONE : STMT_APPS, "sssiiii",
	    q, q, esc, (int64_t)pending, enroll, limit, offset);
}

int64_t
pinvoice_apps_count(struct db *db, const char *q, int64_t enroll, int pending)
{
	char esc[256];
	int found;

	like_escape(q, esc, sizeof(esc));
	return db_one_int(db, &tab, enroll ? STMT_APPS_COUNT_ONE :
	    STMT_APPS_COUNT, &found, "sssii", q, q, esc, (int64_t)pending,
	    enroll);
}

int
pinvoice_attachment(struct db *db, int64_t id, int64_t unit,
    int64_t *attachment)
{
	int64_t v;
	int found;

	*attachment = 0;
	if (id <= 0)
		return 0;
	if ((v = db_one_int(db, &tab, STMT_ATTACHMENT, &found, "iii", id, unit,
	    unit)) < 0)
		return -1;
	if (!found)
		return 0;
	*attachment = v;
	return 1;
}
