/*
 * claimpay.c -- what a claim pays: review1's figures through the benefit
 * engine under each part's rule, kept with the explanation, and fixed
 * again at 审核通过.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "claim.h"
#include "claimint.h"
#include "coverage.h"
#include "db.h"
#include "kind.h"
#include "money.h"
#include "valid.h"

enum stmt {
	STMT_PARTS,
	STMT_PART_SET,
	STMT_FIGURES,
	STMT_APPROVED,
	STMT_DIED,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_PARTS] =
	    "SELECT seq, kind, coverage_id, " YMD("starts") ", " YMD("ends")
	    " FROM claim_part WHERE claim_id = ? ORDER BY seq",
	[STMT_PART_SET] =
	    "UPDATE claim_part SET amount = ?, days = ?, explanation = ?"
	    " WHERE claim_id = ? AND seq = ?",
	[STMT_FIGURES] =
	    "UPDATE claim SET total_cost = ?, base = ?, medical = ?,"
	    " grade = ?, amount = ?, explanation = ?, computed_at = NOW()"
	    " WHERE id = ?",
	[STMT_APPROVED] =
	    "UPDATE claim SET approved_amount = ?, approved_explanation = ?,"
	    " approved_at = NOW() WHERE id = ?",
	/* 亡故 approved: no later event may be claimed for the person. */
	[STMT_DIED] =
	    "UPDATE member SET died_on = COALESCE(died_on, ?) WHERE id = ?",
};

static const struct db_table tab = { DBM_CLAIM_PAY, sql, STMT__MAX };

#define MAX_PARTS	2
#define TEXT_MAX	(BENEFIT_MAX_LINES * 240 * MAX_PARTS + 64)

/*
 * Compute every part of claim `c` with figures `f`: each part's amount,
 * days and explanation written, the sum into *total and the whole
 * explanation (each part headed by its item when there are two) into
 * text.  RF_OK, RF_CLAIM_FIGURES (the engine cannot: *why), RF_DB.
 */
static enum refusal
compute(struct db *db, const struct claim *c, const struct claim_figures *f,
    int64_t *total, char *text, size_t n, const char **why)
{
	static char whybuf[160];
	static struct benefit_result res;	/* 24 lines: not the stack */
	struct benefit_claim bc;
	struct benefit_history h;
	struct plan_benefit rule;
	struct db_res *r;
	char one[BENEFIT_MAX_LINES * 240], seqs[MAX_PARTS][4];
	char kinds[MAX_PARTS][16], starts[MAX_PARTS][11], ends[MAX_PARTS][11];
	int64_t cover[MAX_PARTS];
	int np = 0, i, rc;
	size_t o = 0;

	*total = 0;
	text[0] = '\0';
	if ((r = db_query(db, &tab, STMT_PARTS, "i", c->id)) == NULL)
		return RF_DB;
	while (np < MAX_PARTS && (rc = db_next(r)) == 1) {
		snprintf(seqs[np], sizeof(seqs[np]), "%s", db_col(r, 0));
		snprintf(kinds[np], sizeof(kinds[np]), "%s", db_col(r, 1));
		cover[np] = db_int(r, 2);
		snprintf(starts[np], 11, "%s", db_col(r, 3));
		snprintf(ends[np], 11, "%s", db_col(r, 4));
		np++;
	}
	db_done(r);
	memset(&bc, 0, sizeof(bc));
	bc.base = f->base;
	bc.medical = f->medical;
	snprintf(bc.admitted, sizeof(bc.admitted), "%s", c->admitted);
	snprintf(bc.discharged, sizeof(bc.discharged), "%s", c->discharged);
	bc.disease = c->disease;
	bc.gender = c->gender;
	bc.grade = f->grade;
	bc.death = c->died;
	for (i = 0; i < np; i++) {
		enum plan_kind k = plan_kind_named(kinds[i]);

		if ((rc = coverage_rule(db, cover[i], k, &rule)) <= 0 ||
		    !claim_history(db, c, k, starts[i], ends[i], &h))
			return RF_DB;
		if (!benefit_compute(&rule, &bc, &h, &res)) {
			snprintf(whybuf, sizeof(whybuf), "%s", res.why);
			*why = whybuf;
			return RF_CLAIM_FIGURES;
		}
		benefit_text(&res, one, sizeof(one));
		if (db_exec(db, &tab, STMT_PART_SET, "iisii", res.amount,
		    (int64_t)(k == PK_DAYS && rule.per_day > 0 ? res.amount /
		    rule.per_day : 0), one, c->id, (int64_t)i) < 0)
			return RF_DB;
		*total += res.amount;
		if (np > 1)
			o += (size_t)snprintf(text + o, n - o, "%s【%s】\n",
			    i ? "\n" : "", rule.name);
		if (o < n)
			o += (size_t)snprintf(text + o, n - o, "%s", one);
		if (o >= n)
			o = n - 1;
	}
	utf8_cut(text, SIZE_MAX, n);
	return np > 0 ? RF_OK : RF_DB;
}

struct figures_arg {
	int64_t				 id;
	const struct claim_figures	*f;
	const struct flow_actor		*by;
	const char			*why;
	enum refusal			 rf;
};

static int
figures_txn(struct db *db, void *arg)
{
	struct figures_arg *a = arg;
	static char text[TEXT_MAX];
	struct flow_item it;
	struct claim c;
	char detail[64];
	int64_t total;
	int rc;

	if ((rc = flow_lock(db, &claim_flow, a->id, &it)) <= 0 ||
	    (rc = claim_get(db, a->id, &c)) <= 0) {
		a->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.state != CL_REVIEW1) {
		a->rf = RF_BAD_STATE;
		return 1;
	}
	if ((a->rf = compute(db, &c, a->f, &total, text, sizeof(text),
	    &a->why)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	snprintf(detail, sizeof(detail), "%lld", (long long)total);
	if (db_exec(db, &tab, STMT_FIGURES, "iiiiisi", a->f->total_cost,
	    a->f->base, a->f->medical, (int64_t)a->f->grade, total, text,
	    c.id) < 0 || !audit_log(db, a->by->kind, a->by->id, a->by->ip,
	    "claim.figures", "claim", c.id, detail))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
claim_figures_set(struct db *db, int64_t id, const struct claim_figures *f,
    const struct flow_actor *by, const char **why)
{
	struct figures_arg a = { id, f, by, NULL, RF_DB };

	*why = NULL;
	if (by->kind != SESS_OFFICE || !(by->roles & ROLE_REVIEW1))
		return RF_FORBIDDEN;
	if (f->total_cost < 0 || f->base < 0 || f->medical < 0 ||
	    f->grade < 0 || f->grade > PLAN_GRADES)
		return RF_CLAIM_FIGURES;
	if (f->total_cost > 0 && f->base > f->total_cost)
		return RF_CLAIM_FIGURES;
	if (db_txn(db, figures_txn, &a) < 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	*why = a.why;
	return a.rf;
}

enum refusal
claim_fix_amount(struct db *db, int64_t id)
{
	static char text[TEXT_MAX];
	struct claim_figures f;
	struct claim c;
	const char *why;
	enum refusal rf;
	int64_t total;
	int rc;

	if ((rc = claim_get(db, id, &c)) <= 0)
		return RF_DB;
	f.total_cost = c.total_cost < 0 ? 0 : c.total_cost;
	f.base = c.base < 0 ? 0 : c.base;
	f.medical = c.medical < 0 ? 0 : c.medical;
	f.grade = c.grade;
	if ((rf = compute(db, &c, &f, &total, text, sizeof(text), &why))
	    != RF_OK)
		return rf == RF_CLAIM_FIGURES ? RF_CLAIM_NO_FIGURES : rf;
	if (total == 0)		/* the period's cap reached meanwhile */
		return RF_CLAIM_ZERO;
	if (db_exec(db, &tab, STMT_APPROVED, "isi", total, text, id) != 1)
		return RF_DB;
	if ((c.kind == PK_DEATH || (c.kind == PK_ACCIDENT && c.died)) &&
	    db_exec(db, &tab, STMT_DIED, "si", c.event_on, c.member_id) < 0)
		return RF_DB;
	return RF_OK;
}
