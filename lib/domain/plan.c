/*
 * plan.c -- 保障计划 in the database: the reading API the enrolment and
 * benefit modules use, and the admin's changes, each a new version (the
 * rules themselves are read and checked in planrule.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "kind.h"
#include "log.h"
#include "plan.h"
#include "valid.h"

enum stmt {
	STMT_TERMS,
	STMT_CURRENT,
	STMT_OFFERED,
	STMT_BENEFITS,
	STMT_PLAN_INSERT,
	STMT_LAST_VERSION,
	STMT_VERSION_INSERT,
	STMT_BENEFIT_INSERT,
	STMT_SET_VERSION,
	STMT_LOCK,
	STMT_SET_ACTIVE,
	STMT_LIST,
	STMT_VERSIONS,
	STMT__MAX
};

/* plan_terms' columns, then the version's note. */
#define TERMS_COLS \
	"SELECT v.plan_id, v.id, v.version, p.code, v.name, v.premium," \
	" v.period_months, COALESCE(DATE_FORMAT(v.window_from, '%Y-%m-%d'), '')," \
	" COALESCE(DATE_FORMAT(v.window_to, '%Y-%m-%d'), ''), v.gender," \
	" v.age_warn, v.waiting_days, p.active, COALESCE(v.note, '')"

static const char *const sql[STMT__MAX] = {
	[STMT_TERMS] = TERMS_COLS
	    " FROM plan_version v JOIN plan p ON p.id = v.plan_id WHERE v.id = ?",
	[STMT_CURRENT] = TERMS_COLS
	    " FROM plan p JOIN plan_version v ON v.id = p.version_id"
	    " WHERE p.id = ?",
	[STMT_OFFERED] =
	    "SELECT p.id, p.code, v.name, v.premium, v.period_months"
	    " FROM plan p JOIN plan_version v ON v.id = p.version_id"
	    " WHERE p.active = 1 ORDER BY p.code",
	[STMT_BENEFITS] =
	    "SELECT kind, name, deductible, COALESCE(bands, ''),"
	    " COALESCE(rate, 0), COALESCE(claim_cap, 0), COALESCE(annual_cap, 0),"
	    " COALESCE(per_day, 0), COALESCE(max_days, 0), COALESCE(lump_sum, 0),"
	    " COALESCE(death_sum, 0), COALESCE(grades, ''),"
	    " COALESCE(diseases, '') FROM plan_benefit WHERE version_id = ?"
	    " ORDER BY seq, id",
	[STMT_PLAN_INSERT] = "INSERT INTO plan (code, active) VALUES (?, ?)",
	[STMT_LAST_VERSION] =
	    "SELECT COALESCE(MAX(version), 0) FROM plan_version WHERE plan_id = ?",
	[STMT_VERSION_INSERT] =
	    "INSERT INTO plan_version (plan_id, version, name, premium,"
	    " period_months, window_from, window_to, gender, age_warn,"
	    " waiting_days, note, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_BENEFIT_INSERT] =
	    "INSERT INTO plan_benefit (version_id, seq, kind, name, deductible,"
	    " bands, rate, claim_cap, annual_cap, per_day, max_days, lump_sum,"
	    " death_sum, grades, diseases)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_SET_VERSION] = "UPDATE plan SET version_id = ? WHERE id = ?",
	[STMT_LOCK] =
	    "SELECT version_id, code, active FROM plan WHERE id = ? FOR UPDATE",
	[STMT_SET_ACTIVE] = "UPDATE plan SET active = ? WHERE id = ?",
	[STMT_LIST] =
	    "SELECT p.id, p.code, v.name, v.version, v.premium, v.period_months,"
	    " v.window_from, v.window_to, v.gender, p.active,"
	    " (SELECT GROUP_CONCAT(b.name ORDER BY b.seq SEPARATOR '、')"
	    "  FROM plan_benefit b WHERE b.version_id = v.id)"
	    " FROM plan p JOIN plan_version v ON v.id = p.version_id"
	    " ORDER BY p.id",
	[STMT_VERSIONS] =
	    "SELECT v.id, v.version, v.name, v.premium, v.period_months,"
	    " v.created_at, s.name, v.id = p.version_id"
	    " FROM plan_version v JOIN plan p ON p.id = v.plan_id"
	    " LEFT JOIN staff s ON s.id = v.created_by"
	    " WHERE v.plan_id = ? ORDER BY v.version DESC",
};

static const struct db_table tab = { DBM_PLAN, sql, STMT__MAX };

/* ---- the database ---------------------------------------------------- */

#define COPY(dst, i) utf8_copy((dst), sizeof(dst), db_col(r, (i)), SIZE_MAX)

/* A row of TERMS_COLS into *t, and the note into note (NULL: not). */
static void
terms_fill(struct db_res *r, struct plan_terms *t, char *note, size_t notesz)
{
	const char *g = db_col(r, 9);

	memset(t, 0, sizeof(*t));
	t->plan_id = db_int(r, 0);
	t->version_id = db_int(r, 1);
	t->version = (int)db_int(r, 2);
	COPY(t->code, 3);
	COPY(t->name, 4);
	t->premium = db_int(r, 5);
	t->period_months = (int)db_int(r, 6);
	COPY(t->window_from, 7);
	COPY(t->window_to, 8);
	t->gender = g && (*g == 'F' || *g == 'M') ? *g : 0;
	t->age_warn = (int)db_int(r, 10);
	t->waiting_days = (int)db_int(r, 11);
	t->active = (int)db_int(r, 12);
	if (note)
		utf8_copy(note, notesz, db_col(r, 13), SIZE_MAX);
}

/* One statement of TERMS_COLS by id; 1 / 0 / -1. */
static int
terms_query(struct db *db, int stmt, int64_t id, struct plan_terms *t,
    char *note, size_t notesz)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, stmt, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		terms_fill(r, t, note, notesz);
	db_done(r);
	return rc;
}

int
plan_terms_get(struct db *db, int64_t version_id, struct plan_terms *t)
{
	return terms_query(db, STMT_TERMS, version_id, t, NULL, 0);
}

int
plan_current(struct db *db, int64_t plan_id, struct plan_terms *t)
{
	return terms_query(db, STMT_CURRENT, plan_id, t, NULL, 0);
}

struct db_res *
plan_offered(struct db *db)
{
	return db_query(db, &tab, STMT_OFFERED, "");
}

/* A row of STMT_BENEFITS into *b.  Returns 1, 0 when a rule is garbled. */
static int
benefit_fill(struct db_res *r, struct plan_benefit *b)
{
	memset(b, 0, sizeof(*b));
	if ((b->kind = plan_kind_named(db_col(r, 0))) == PK__MAX)
		return 0;
	COPY(b->name, 1);
	b->deductible = db_int(r, 2);
	if (*db_col(r, 3) && !plan_bands_parse(db_col(r, 3), b->bands,
	    &b->nbands))
		return 0;
	b->rate = (int)db_int(r, 4);
	b->claim_cap = db_int(r, 5);
	b->annual_cap = db_int(r, 6);
	b->per_day = db_int(r, 7);
	b->max_days = (int)db_int(r, 8);
	b->lump_sum = db_int(r, 9);
	b->death_sum = db_int(r, 10);
	if (*db_col(r, 11) && !plan_grades_parse(db_col(r, 11), b->grades))
		return 0;
	COPY(b->diseases, 12);
	return 1;
}

int
plan_benefits(struct db *db, int64_t version_id, struct plan_benefit *out,
    int max)
{
	struct db_res *r;
	int n = 0, rc = 0;

	if ((r = db_query(db, &tab, STMT_BENEFITS, "i", version_id)) == NULL)
		return -1;
	while (n < max && (rc = db_next(r)) == 1)
		if (!benefit_fill(r, &out[n++])) {
			log_warn("plan: benefit %d of version %lld does not parse",
			    n, (long long)version_id);
			rc = -1;
			break;
		}
	db_done(r);
	return rc < 0 ? -1 : n;
}

int
plan_draft_get(struct db *db, int64_t version_id, struct plan_draft *d)
{
	int rc;

	memset(d, 0, sizeof(*d));
	rc = terms_query(db, STMT_TERMS, version_id, &d->t, d->note,
	    sizeof(d->note));
	if (rc == 1 && (d->nb = plan_benefits(db, version_id, d->b,
	    PLAN_MAX_BENEFITS)) < 0)
		return -1;
	return rc;
}

/* v as text into buf, or NULL (SQL NULL) when 0. */
static const char *
opt(int64_t v, char buf[24])
{
	if (v == 0)
		return NULL;
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

/* Item b as row `seq` of version `vid`.  Returns 1/0. */
static int
benefit_insert(struct db *db, int64_t vid, int seq,
    const struct plan_benefit *b)
{
	char bands[200], grades[200], n[8][24];

	if (plan_bands_store(b->bands, b->nbands, bands, sizeof(bands)) ==
	    NULL || plan_grades_store(b->grades, grades, sizeof(grades)) ==
	    NULL)
		return 0;
	return db_exec(db, &tab, STMT_BENEFIT_INSERT, "iississssssssss",
	    vid, (int64_t)seq, plan_kinds[b->kind].name, b->name, b->deductible,
	    *bands ? bands : NULL, opt(b->rate, n[0]), opt(b->claim_cap, n[1]),
	    opt(b->annual_cap, n[2]), opt(b->per_day, n[3]),
	    opt(b->max_days, n[4]), opt(b->lump_sum, n[5]),
	    opt(b->death_sum, n[6]), *grades ? grades : NULL,
	    *b->diseases ? b->diseases : NULL) == 1;
}

int64_t
plan_version_add(struct db *db, int64_t plan_id, const struct plan_draft *d,
    int64_t staff)
{
	const struct plan_terms *t = &d->t;
	const char *gender = t->gender == 'F' ? "F" : t->gender == 'M' ? "M" :
	    "any";
	char by[24];
	int64_t last, vid;
	int found, i;

	if ((last = db_one_int(db, &tab, STMT_LAST_VERSION, &found, "i",
	    plan_id)) < 0 || !found)
		return 0;
	if (db_exec(db, &tab, STMT_VERSION_INSERT, "iisiisssiiss", plan_id,
	    last + 1, t->name, t->premium, (int64_t)t->period_months,
	    *t->window_from ? t->window_from : NULL,
	    *t->window_to ? t->window_to : NULL, gender, (int64_t)t->age_warn,
	    (int64_t)t->waiting_days, *d->note ? d->note : NULL,
	    opt(staff, by)) != 1)
		return 0;
	vid = db_insert_id(db);
	for (i = 0; i < d->nb; i++)
		if (!benefit_insert(db, vid, i, &d->b[i]))
			return 0;
	if (db_exec(db, &tab, STMT_SET_VERSION, "ii", vid, plan_id) != 1)
		return 0;
	return vid;
}

/* The plan row alone; its id, 0 on error (db_errno 1062: code taken). */
static int64_t
plan_row(struct db *db, const char *code, int active)
{
	if (db_exec(db, &tab, STMT_PLAN_INSERT, "si", code,
	    (int64_t)(active != 0)) != 1)
		return 0;
	return db_insert_id(db);
}

int64_t
plan_insert(struct db *db, const char *code, const struct plan_draft *d,
    int active, int64_t staff)
{
	int64_t id;

	if ((id = plan_row(db, code, active)) == 0 ||
	    plan_version_add(db, id, d, staff) == 0)
		return 0;
	return id;
}

/* The author of a change: an office user, or nobody. */
static int64_t
author(const struct actor *by)
{
	return by->kind == SESS_OFFICE ? by->id : 0;
}

/* A plan made, edited, or switched, with its audit row. */
struct plan_arg {
	const struct actor	*by;
	const char		*code;
	const struct plan_draft	*d;
	int64_t			 plan_id, base, version_id;
	int			 active;
	enum refusal		 rf;
	struct plan_draft	 now;	/* plan_edit: the version in force */
};

static int
create_txn(struct db *db, void *arg)
{
	struct plan_arg *a = arg;
	char detail[64];

	a->rf = RF_DB;
	if ((a->plan_id = plan_row(db, a->code, 1)) == 0) {
		if (db_errno(db) == 1062)
			a->rf = RF_PLAN_CODE_TAKEN;
		return 1;
	}
	if ((a->version_id = plan_version_add(db, a->plan_id, a->d,
	    author(a->by))) == 0)
		return 1;
	snprintf(detail, sizeof(detail), "%s 第1版", a->code);
	if (!audit_act(db, a->by, "plan.create", "plan", a->plan_id, detail))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
plan_create(struct db *db, const struct actor *by, const char *code,
    const struct plan_draft *d, int64_t *plan_id)
{
	struct plan_arg *a;
	enum refusal rf;
	const char *why;
	char c[21];

	if ((rf = plan_draft_check(d)) != RF_OK)
		return rf;
	if (!plan_code_read(code, c, &why))
		return RF_PLAN_TERMS;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return RF_DB;
	a->by = by;
	a->code = c;
	a->d = d;
	rf = db_txn(db, create_txn, a) < 0 ? RF_DB : a->rf;
	*plan_id = a->plan_id;
	free(a);
	return rf;
}

/*
 * plan_lock: plan `id`'s row locked for the transaction: the version in
 * force, the code (24 bytes) and whether it is offered.  1 / 0 / -1.
 */
static int
plan_lock(struct db *db, int64_t id, int64_t *version_id, char code[24],
    int *active)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_LOCK, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		*version_id = db_int(r, 0);
		snprintf(code, 24, "%s", db_col(r, 1));
		*active = (int)db_int(r, 2);
	}
	db_done(r);
	return rc;
}

static int
edit_txn(struct db *db, void *arg)
{
	struct plan_arg *a = arg;
	char code[24], detail[64];
	int64_t now_id;
	int rc, active;

	a->rf = RF_DB;
	if ((rc = plan_lock(db, a->plan_id, &now_id, code, &active)) <= 0) {
		if (rc == 0)
			a->rf = RF_NO_PLAN;
		return 1;
	}
	/* Edited from the version in force, or someone came between. */
	if (now_id != a->base) {
		a->rf = RF_PLAN_STALE;
		return 1;
	}
	if (plan_draft_get(db, now_id, &a->now) <= 0)
		return 1;
	if (plan_draft_same(&a->now, a->d)) {
		a->rf = RF_PLAN_UNCHANGED;
		return 1;
	}
	if ((a->version_id = plan_version_add(db, a->plan_id, a->d,
	    author(a->by))) == 0)
		return 1;
	snprintf(detail, sizeof(detail), "%s 第%d版", code, a->now.t.version + 1);
	if (!audit_act(db, a->by, "plan.edit", "plan", a->plan_id, detail))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
plan_edit(struct db *db, const struct actor *by, int64_t plan_id,
    int64_t base_version_id, const struct plan_draft *d, int64_t *version_id)
{
	struct plan_arg *a;
	enum refusal rf;

	*version_id = 0;
	if ((rf = plan_draft_check(d)) != RF_OK)
		return rf;
	/* The draft and the version in force, compared: too big for the
	 * stack of a request. */
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return RF_DB;
	a->by = by;
	a->d = d;
	a->plan_id = plan_id;
	a->base = base_version_id;
	rf = db_txn(db, edit_txn, a) < 0 ? RF_DB : a->rf;
	*version_id = a->version_id;
	free(a);
	return rf;
}

static int
active_txn(struct db *db, void *arg)
{
	struct plan_arg *a = arg;
	char code[24];
	int64_t vid;
	int rc, was;

	a->rf = RF_DB;
	if ((rc = plan_lock(db, a->plan_id, &vid, code, &was)) <= 0) {
		if (rc == 0)
			a->rf = RF_NO_PLAN;
		return 1;
	}
	if (was != a->active && (db_exec(db, &tab, STMT_SET_ACTIVE, "ii",
	    (int64_t)a->active, a->plan_id) != 1 || !audit_act(db, a->by,
	    a->active ? "plan.offer" : "plan.withdraw", "plan", a->plan_id,
	    code)))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
plan_set_active(struct db *db, const struct actor *by, int64_t plan_id,
    int active)
{
	struct plan_arg a;

	memset(&a, 0, sizeof(a));
	a.by = by;
	a.plan_id = plan_id;
	a.active = active != 0;
	if (db_txn(db, active_txn, &a) < 0)
		return RF_DB;
	return a.rf;
}

struct db_res *
plan_list(struct db *db)
{
	return db_query(db, &tab, STMT_LIST, "");
}

struct db_res *
plan_versions(struct db *db, int64_t plan_id)
{
	return db_query(db, &tab, STMT_VERSIONS, "i", plan_id);
}
