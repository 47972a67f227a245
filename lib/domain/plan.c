/*
 * plan.c -- reading the plans' terms (the lead's minimal version; the
 * plans' administration replaces this file).
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "plan.h"

enum stmt { STMT_TERMS, STMT_CURRENT, STMT_OFFERED, STMT__MAX };

#define TERMS_COLS \
	"SELECT v.plan_id, v.id, v.version, p.code, v.name, v.premium," \
	" v.period_months, COALESCE(DATE_FORMAT(v.window_from, '%Y-%m-%d'), '')," \
	" COALESCE(DATE_FORMAT(v.window_to, '%Y-%m-%d'), ''), v.gender," \
	" v.age_warn, v.waiting_days, p.active" \
	" FROM plan_version v JOIN plan p ON p.id = v.plan_id"

static const char *const sql[STMT__MAX] = {
	[STMT_TERMS] = TERMS_COLS " WHERE v.id = ?",
	[STMT_CURRENT] = TERMS_COLS " WHERE p.id = ? AND v.id = p.version_id",
	[STMT_OFFERED] =
	    "SELECT p.id, p.code, v.name, v.premium, v.period_months"
	    " FROM plan p JOIN plan_version v ON v.id = p.version_id"
	    " WHERE p.active = 1 ORDER BY p.code",
};

static const struct db_table tab = { DBM_PLAN, sql, STMT__MAX };

static int
terms(struct db *db, int stmt, int64_t id, struct plan_terms *t)
{
	struct db_res *r;
	const char *g;
	int rc;

	if ((r = db_query(db, &tab, stmt, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(t, 0, sizeof(*t));
		t->plan_id = db_int(r, 0);
		t->version_id = db_int(r, 1);
		t->version = (int)db_int(r, 2);
		snprintf(t->code, sizeof(t->code), "%s", db_col(r, 3));
		snprintf(t->name, sizeof(t->name), "%s", db_col(r, 4));
		t->premium = db_int(r, 5);
		t->period_months = (int)db_int(r, 6);
		snprintf(t->window_from, sizeof(t->window_from), "%s",
		    db_col(r, 7));
		snprintf(t->window_to, sizeof(t->window_to), "%s", db_col(r, 8));
		g = db_col(r, 9);
		t->gender = g && (*g == 'F' || *g == 'M') ? *g : 0;
		t->age_warn = (int)db_int(r, 10);
		t->waiting_days = (int)db_int(r, 11);
		t->active = db_int(r, 12) != 0;
	}
	db_done(r);
	return rc;
}

int
plan_terms_get(struct db *db, int64_t version_id, struct plan_terms *t)
{
	return terms(db, STMT_TERMS, version_id, t);
}

int
plan_current(struct db *db, int64_t plan_id, struct plan_terms *t)
{
	return terms(db, STMT_CURRENT, plan_id, t);
}

struct db_res *
plan_offered(struct db *db)
{
	return db_query(db, &tab, STMT_OFFERED, "");
}
