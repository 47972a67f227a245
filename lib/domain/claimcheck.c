/*
 * claimcheck.c -- 提交: what a claim is checked against (the fields and
 * materials of its kind, the account, the attestation, the deadline, the
 * recorded death, the coverage on the event's date with its 等待期, a
 * lump sum once a period, the cap), what the reviewers are told to look
 * at twice, and the engine's step, in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "claim.h"
#include "claimint.h"
#include "clock.h"
#include "conf.h"
#include "coverage.h"
#include "db.h"
#include "kind.h"
#include "store.h"
#include "valid.h"

enum stmt {
	STMT_MEMBER_LOCK,
	STMT_DOCS,
	STMT_COVERAGE,
	STMT_COVERAGE_HERE,
	STMT_LUMP_TAKEN,
	STMT_PAID_SO_FAR,
	STMT_OVERLAP,
	STMT_INVOICE_USED,
	STMT_PARTS_DEL,
	STMT_PART_ADD,
	STMT_SUBMITTED,
	STMT__MAX
};

/* A claim counts against caps and lump sums once it is filed and not
 * returned or deleted. */
#define CLAIM_LIVE \
	" AND f.state NOT IN ('draft', 'cancelled')"

#define COVERAGE_ON \
	"SELECT cv.id, " YMD("cv.starts") ", " YMD("cv.ends") "," \
	" " YMD("cv.waits_until") " FROM coverage cv JOIN plan_benefit b" \
	" ON b.version_id = cv.version_id AND b.kind = ?" \
	" WHERE cv.member_id = ? AND cv.starts <= ? AND cv.ends >= ?"

static const char *const sql[STMT__MAX] = {
	[STMT_MEMBER_LOCK] =
	    "SELECT " YMD("died_on") " FROM member WHERE id = ? FOR UPDATE",
	[STMT_DOCS] =
	    "SELECT DISTINCT kind FROM attachment WHERE owner_type = 'claim'"
	    " AND owner_id = ?",
	/* The coverage in force on the day of a plan with the kind (for a
	 * unit's claim, through that unit). */
	[STMT_COVERAGE] = COVERAGE_ON " ORDER BY cv.starts, cv.id LIMIT 1",
	[STMT_COVERAGE_HERE] = COVERAGE_ON
	    " AND cv.unit_id = ? ORDER BY cv.starts, cv.id LIMIT 1",
	/* A lump sum of the kind claimed in an overlapping period, under
	 * any plan, by another live claim. */
	[STMT_LUMP_TAKEN] =
	    "SELECT COUNT(*) FROM claim_part p JOIN claim c ON c.id = p.claim_id"
	    " JOIN flow_item f ON f.type = 'claim' AND f.item_id = c.id"
	    " WHERE c.member_id = ? AND p.kind = ? AND p.starts <= ?"
	    " AND p.ends >= ? AND c.id <> ?" CLAIM_LIVE,
	/* What the member was granted of the kind in the period (fen, days,
	 * claims), approved or paid. */
	[STMT_PAID_SO_FAR] =
	    "SELECT COALESCE(SUM(p.amount), 0), COALESCE(SUM(p.days), 0),"
	    " COUNT(*) FROM claim_part p JOIN claim c ON c.id = p.claim_id"
	    " JOIN flow_item f ON f.type = 'claim' AND f.item_id = c.id"
	    " WHERE c.member_id = ? AND p.kind = ? AND p.starts <= ?"
	    " AND p.ends >= ? AND c.id <> ? AND c.approved_amount IS NOT NULL"
	    " AND f.state IN ('approved', 'paying', 'done', 'failed')",
	[STMT_OVERLAP] =
	    "SELECT c.no, " YMD("c.admitted") ", " YMD("c.discharged")
	    " FROM claim c JOIN flow_item f ON f.type = 'claim'"
	    " AND f.item_id = c.id WHERE c.member_id = ? AND c.id <> ?"
	    " AND c.admitted <= ? AND c.discharged >= ?" CLAIM_LIVE
	    " ORDER BY c.id LIMIT 5",
	[STMT_INVOICE_USED] =
	    "SELECT c.no FROM claim c JOIN flow_item f ON f.type = 'claim'"
	    " AND f.item_id = c.id WHERE c.invoice_no = ? AND c.id <> ?"
	    " AND f.state <> 'cancelled' ORDER BY c.id LIMIT 5",
	[STMT_PARTS_DEL] = "DELETE FROM claim_part WHERE claim_id = ?",
	[STMT_PART_ADD] =
	    "INSERT INTO claim_part (claim_id, seq, kind, coverage_id, starts,"
	    " ends) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_SUBMITTED] =
	    "UPDATE claim SET flags = ?, attested = ?, amount = NULL,"
	    " explanation = NULL, computed_at = NULL WHERE id = ?",
};

static const struct db_table tab = { DBM_CLAIM_CHECK, sql, STMT__MAX };


/* The day a claim's event happened: admission for a stay, else the
 * diagnosis, accident or death. */
static const char *
event_day(const struct claim *c)
{
	return c->kind == PK_INPATIENT || c->kind == PK_DAYS ? c->admitted :
	    c->event_on;
}

/* The fields the kind needs: RF_OK, or RF_CLAIM_FIELD naming the first
 * one missing. */
static enum refusal
fields_check(const struct claim *c)
{
	const char *miss = NULL;

	switch (c->kind) {
	case PK_INPATIENT:
	case PK_DAYS:
		miss = !*c->hospital ? "就诊医院" : !*c->admitted ? "入院日期" :
		    !*c->discharged ? "出院日期" : (c->kind == PK_INPATIENT &&
		    !*c->disease) ? "疾病名称" : NULL;
		break;
	case PK_CRITICAL:
	case PK_FEMALE:
		miss = !*c->event_on ? "确诊日期" : !*c->hospital ?
		    "确诊医院" : !*c->disease ? "疾病名称" : NULL;
		break;
	case PK_ACCIDENT:
		miss = !*c->event_on ? "出险日期" : !*c->hospital ?
		    "就诊医院" : !*c->story ? "事故经过" : NULL;
		break;
	case PK_DEATH:
		miss = !*c->event_on ? "亡故日期" : NULL;
		break;
	case PK_DISABILITY:
		miss = !*c->event_on ? "工伤认定日期" : c->grade <= 0 ?
		    "伤残等级" : NULL;
		break;
	default:
		break;
	}
	if (miss == NULL)
		return RF_OK;
	refusal_detail_set(miss);
	return RF_CLAIM_FIELD;
}

/* The materials: RF_OK, RF_CLAIM_DOC naming the first missing. */
static enum refusal
docs_check(struct db *db, const struct claim *c, const struct claim_region *g)
{
	struct db_res *r;
	unsigned have = 0, need, any;
	char label[200] = "";
	int k;

	if ((r = db_query(db, &tab, STMT_DOCS, "i", c->id)) == NULL)
		return RF_DB;
	while (db_next(r) == 1)
		for (k = 0; k < AK__MAX; k++)
			if (strcmp(db_col(r, 0), store_kind_name(k)) == 0)
				have |= K(k);
	db_done(r);
	need = claim_docs_needed(c, g, &any);
	for (k = 0; k < AK__MAX; k++)
		if ((need & K(k)) && !(have & K(k))) {
			refusal_detail_set(store_kind_label(k));
			return RF_CLAIM_DOC;
		}
	if (any == 0 || (have & any))
		return RF_OK;
	for (k = 0; k < AK__MAX; k++)
		if (any & K(k))
			snprintf(label + strlen(label), sizeof(label) -
			    strlen(label), "%s%s", *label ? "、" : "",
			    store_kind_label(k));
	refusal_detail_set(label);
	return RF_CLAIM_DOC;
}

enum refusal
claim_payee_check(struct db *db, const struct claim *c)
{
	const char *miss = !*c->payee ? "开户人" : !*c->card ? "银行卡号" :
	    !*c->bank ? "开户银行" : !*c->branch ? "开户网点（分行或支行）" :
	    (c->channel == CC_MEMBER && !*c->bank_phone) ? "预留手机号" : NULL;
	struct db_res *r;
	int papers = 0;

	if (miss) {
		refusal_detail_set(miss);
		return RF_CLAIM_PAYEE;
	}
	if (strcmp(c->payee, c->member_name) == 0)
		return RF_OK;
	/* 亡故: the family receives it; still with their papers. */
	if ((r = db_query(db, &tab, STMT_DOCS, "i", c->id)) == NULL)
		return RF_DB;
	while (db_next(r) == 1)
		papers |= strcmp(db_col(r, 0), store_kind_name(AK_PAYEE_DOC))
		    == 0;
	db_done(r);
	return *c->payee_note && papers ? RF_OK : RF_CLAIM_PAYEE_OTHER;
}

/* A part found for the claim: the coverage and its period. */
struct part {
	enum plan_kind	 kind;
	int64_t		 coverage;
	char		 starts[11], ends[11], waits[11];
};

/* The coverage of kind `kind` in force on `day`: RF_OK with *p, or
 * RF_CLAIM_NOT_COVERED. */
static enum refusal
coverage_on(struct db *db, const struct claim *c, enum plan_kind kind,
    const char *day, struct part *p)
{
	const char *name = plan_kinds[kind].name;
	struct db_res *r;
	int rc;

	r = c->channel == CC_UNIT ? db_query(db, &tab, STMT_COVERAGE_HERE,
	    "sissi", name, c->member_id, day, day, c->unit_id) :
	    db_query(db, &tab, STMT_COVERAGE, "siss", name, c->member_id, day,
	    day);
	if (r == NULL)
		return RF_DB;
	if ((rc = db_next(r)) == 1) {
		p->kind = kind;
		p->coverage = db_int(r, 0);
		snprintf(p->starts, sizeof(p->starts), "%s", db_col(r, 1));
		snprintf(p->ends, sizeof(p->ends), "%s", db_col(r, 2));
		snprintf(p->waits, sizeof(p->waits), "%s", db_col(r, 3));
	}
	db_done(r);
	return rc < 0 ? RF_DB : rc == 1 ? RF_OK : RF_CLAIM_NOT_COVERED;
}

/* Is kind a lump sum paid once a period? */
static int
lump(enum plan_kind k)
{
	return k == PK_CRITICAL || k == PK_FEMALE || k == PK_DEATH;
}

/* A part's checks: 等待期, disease, a lump sum once, the cap. */
static enum refusal
part_check(struct db *db, const struct claim *c, const struct part *p,
    const char *day)
{
	struct plan_benefit b;
	struct benefit_history h;
	char last[11];
	int rc;

	if (*p->waits && strcmp(day, p->waits) < 0) {
		if (!clock_date_add(p->waits, 0, -1, last))
			return RF_DB;
		refusal_detail_set(last);
		return RF_CLAIM_WAITING;
	}
	if ((rc = coverage_rule(db, p->coverage, p->kind, &b)) <= 0)
		return rc < 0 ? RF_DB : RF_CLAIM_NOT_COVERED;
	if ((p->kind == PK_CRITICAL || p->kind == PK_FEMALE) &&
	    !benefit_disease_listed(b.diseases, c->disease))
		return c->with_female ? RF_CLAIM_BOTH : RF_CLAIM_DISEASE;
	if (lump(p->kind)) {
		int found;
		int64_t n = db_one_int(db, &tab, STMT_LUMP_TAKEN, &found,
		    "isssi", c->member_id, plan_kinds[p->kind].name, p->ends,
		    p->starts, c->id);

		if (n < 0)
			return RF_DB;
		return n > 0 ? RF_CLAIM_TWICE : RF_OK;
	}
	if (!claim_history(db, c, p->kind, p->starts, p->ends, &h))
		return RF_DB;
	if ((b.annual_cap > 0 && h.paid >= b.annual_cap) ||
	    (p->kind == PK_DAYS && b.max_days > 0 && h.days >= b.max_days))
		return RF_CLAIM_CAP;
	return RF_OK;
}

int
claim_history(struct db *db, const struct claim *c, enum plan_kind kind,
    const char *starts, const char *ends, struct benefit_history *h)
{
	struct db_res *r;
	int rc;

	memset(h, 0, sizeof(*h));
	if ((r = db_query(db, &tab, STMT_PAID_SO_FAR, "isssi", c->member_id,
	    plan_kinds[kind].name, ends, starts, c->id)) == NULL)
		return 0;
	if ((rc = db_next(r)) == 1) {
		h->paid = db_int(r, 0);
		h->days = (int)db_int(r, 1);
		h->times = (int)db_int(r, 2);
	}
	db_done(r);
	return rc >= 0;
}

/* What the reviewers should look at twice: a stay overlapping another
 * claim's, a 收费票据 number used before.  Into flags ("\n" apart). */
static int
flags_of(struct db *db, const struct claim *c, char *flags, size_t n)
{
	struct db_res *r;
	size_t o = 0;

	flags[0] = '\0';
	if (*c->admitted && *c->discharged) {
		if ((r = db_query(db, &tab, STMT_OVERLAP, "iiss", c->member_id,
		    c->id, c->discharged, c->admitted)) == NULL)
			return 0;
		while (db_next(r) == 1 && o < n)
			o += (size_t)snprintf(flags + o, n - o,
			    "%s住院时间与补助申请%s（%s至%s）重叠", o ? "\n" : "",
			    db_col(r, 0), db_col(r, 1), db_col(r, 2));
		db_done(r);
	}
	if (*c->invoice_no && o < n) {
		if ((r = db_query(db, &tab, STMT_INVOICE_USED, "si",
		    c->invoice_no, c->id)) == NULL)
			return 0;
		while (db_next(r) == 1 && o < n)
			o += (size_t)snprintf(flags + o, n - o,
			    "%s收费票据号%s已用于补助申请%s", o ? "\n" : "",
			    c->invoice_no, db_col(r, 0));
		db_done(r);
	}
	utf8_cut(flags, 1000, n);
	return 1;
}

/* Every check of 提交 before the coverage: RF_OK or the first refusal. */
static enum refusal
form_check(struct db *db, const struct claim *c, int attested)
{
	struct claim_region g;
	char today[11], last[11], deadline[40];
	const char *day = event_day(c), *from;
	enum refusal rf;

	if ((rf = fields_check(c)) != RF_OK)
		return rf;
	if (!claim_region_get(db, c->district_id, &g))
		return RF_DB;
	if ((rf = docs_check(db, c, &g)) != RF_OK ||
	    (rf = claim_payee_check(db, c)) != RF_OK)
		return rf;
	if (c->channel == CC_MEMBER && !attested)
		return RF_CLAIM_ATTEST;
	clock_today(today);
	if (strcmp(day, today) > 0)
		return RF_CLAIM_FUTURE;
	/* The deadline runs from discharge, or the event itself. */
	from = *c->discharged ? c->discharged : day;
	if (!clock_date_add(from, 0, (int)conf_long(CONF_CLAIM_DEADLINE_DAYS),
	    last))
		return RF_DB;
	if (strcmp(today, last) > 0) {
		snprintf(deadline, sizeof(deadline), "%s后%ld天内",
		    *c->discharged ? "出院" : "出险", conf_long(
		    CONF_CLAIM_DEADLINE_DAYS));
		refusal_detail_set(deadline);
		return RF_CLAIM_LATE;
	}
	return RF_OK;
}

struct submit_arg {
	int64_t			 id;
	int			 attested;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
submit_txn(struct db *db, void *arg)
{
	struct submit_arg *a = arg;
	struct part parts[2];
	struct flow_item it;
	struct db_res *r;
	struct claim c;
	char died[11] = "", flags[4 * 1000 + 1];
	const char *day;
	int rc, i, np;

	if ((rc = flow_lock(db, &claim_flow, a->id, &it)) <= 0 ||
	    (rc = claim_get(db, a->id, &c)) <= 0) {
		a->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if ((a->rf = claim_may_edit(&c, a->by, 0)) != RF_OK)
		return 1;
	/* One person's claims are checked one after the other. */
	if ((r = db_query(db, &tab, STMT_MEMBER_LOCK, "i", c.member_id))
	    == NULL) {
		a->rf = RF_DB;
		return 1;
	}
	if (db_next(r) == 1)
		snprintf(died, sizeof(died), "%s", db_col(r, 0));
	db_done(r);
	if ((a->rf = form_check(db, &c, a->attested)) != RF_OK)
		return 1;
	day = event_day(&c);
	if (*died && strcmp(day, died) > 0) {
		a->rf = RF_CLAIM_AFTER_DEATH;
		return 1;
	}
	np = c.with_female ? 2 : 1;
	for (i = 0; i < np; i++) {
		a->rf = coverage_on(db, &c, i ? PK_FEMALE : c.kind, day,
		    &parts[i]);
		if (a->rf == RF_CLAIM_NOT_COVERED && c.with_female)
			a->rf = RF_CLAIM_BOTH;
		if (a->rf != RF_OK ||
		    (a->rf = part_check(db, &c, &parts[i], day)) != RF_OK)
			return 1;
	}
	a->rf = RF_DB;
	if (!flags_of(db, &c, flags, sizeof(flags)) ||
	    db_exec(db, &tab, STMT_PARTS_DEL, "i", c.id) < 0)
		return 1;
	for (i = 0; i < np; i++)
		if (db_exec(db, &tab, STMT_PART_ADD, "iisiss", c.id,
		    (int64_t)i, plan_kinds[parts[i].kind].name,
		    parts[i].coverage, parts[i].starts, parts[i].ends) != 1)
			return 1;
	if (db_exec(db, &tab, STMT_SUBMITTED, "sii", claim_opt(flags),
	    (int64_t)(a->attested != 0), c.id) < 0)
		return 1;
	a->rf = flow_apply(db, &claim_flow, c.id, FA_SUBMIT, a->by, NULL);
	return a->rf != RF_OK;
}

enum refusal
claim_submit(struct db *db, int64_t id, int attested,
    const struct flow_actor *by)
{
	struct submit_arg a = { id, attested, by, RF_DB };

	if (db_txn(db, submit_txn, &a) < 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	return a.rf;
}
