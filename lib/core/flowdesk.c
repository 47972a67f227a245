/*
 * flowdesk.c -- what the review desk reads of the engine's items: the one
 * queue across every business type, its counts, and 常用退回意见.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "epoch.h"
#include "flow.h"
#include "kind.h"
#include "log.h"
#include "view.h"

enum stmt {
	STMT_TALLY,
	STMT_PLAIN1,
	STMT_PLAIN2,
	STMT_PLAIN3,
	STMT_PLAIN4,
	STMT_QUEUE,
	STMT_QUEUE_COUNT,
	STMT_REASONS,
	STMT_REASON_ADD,
	STMT_REASON_DEL,
	STMT_WAITING,
	STMT__MAX
};

/*
 * The queue at scale (a million claims): an item is in a user's queue
 * when its acts has one of the user's roles; acts takes few values (one
 * per type and state), so the desk takes those with the user's roles
 * from flow_count (which triggers keep, sql/018) and reads each one's
 * oldest items by the (acts, submitted_at) index: a branch per value,
 * QUEUE_SLOTS at most.
 */
#define QUEUE_SLOTS	8

/* The desk's filters; each is off when empty or 0. */
#define FILTERS \
	" AND (? = '' OR type = ?)" \
	" AND (? = 0 OR unit_id = ?) AND (? = 0 OR district_id = ?)" \
	" AND (? = '' OR submitted_at >= ?)" \
	" AND (? = '' OR submitted_at < ? + INTERVAL 1 DAY)"
#define FILTERS_FMT "ssiiiissss"

/* One value of acts: its oldest items, as many as the page needs. */
#define BRANCH \
	"(SELECT id, type, item_id, state, title, filer_name, submitted_at," \
	" COALESCE(unit_id, 0) AS unit FROM flow_item WHERE acts = ?" FILTERS \
	" ORDER BY submitted_at, id LIMIT ?)"
#define BRANCH_FMT "i" FILTERS_FMT "i"
#define SLOTS(x) x " UNION ALL " x " UNION ALL " x " UNION ALL " x \
	" UNION ALL " x " UNION ALL " x " UNION ALL " x " UNION ALL " x
#define IN_SLOTS " acts IN (?, ?, ?, ?, ?, ?, ?, ?)"

/* Without filters (the desk's first view), a branch per value the user
 * has, no more: each branch costs the optimizer even when it is empty. */
#define PLAIN \
	"(SELECT id, type, item_id, state, title, filer_name, submitted_at," \
	" COALESCE(unit_id, 0) AS unit FROM flow_item WHERE acts = ?" \
	" ORDER BY submitted_at, id LIMIT ?)"
#define OUTER(x) \
	"SELECT id, type, item_id, state, title, filer_name," \
	" DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i'), unit FROM (" x ") q" \
	" ORDER BY submitted_at, id LIMIT ? OFFSET ?"
#define PLAIN_SLOTS	4

static const char *const sql[STMT__MAX] = {
	/* Every type, state and value of acts items hold, with how many. */
	[STMT_TALLY] =
	    "SELECT type, state, acts, n FROM flow_count WHERE n > 0"
	    " ORDER BY type, state, acts",
	[STMT_PLAIN1] = OUTER(PLAIN),
	[STMT_PLAIN2] = OUTER(PLAIN " UNION ALL " PLAIN),
	[STMT_PLAIN3] = OUTER(PLAIN " UNION ALL " PLAIN " UNION ALL " PLAIN),
	[STMT_PLAIN4] = OUTER(PLAIN " UNION ALL " PLAIN " UNION ALL " PLAIN
	    " UNION ALL " PLAIN),
	[STMT_QUEUE] = OUTER(SLOTS(BRANCH)),
	/* With a unit, district or dates chosen: count what they leave. */
	[STMT_QUEUE_COUNT] =
	    "SELECT COUNT(*) FROM flow_item WHERE" IN_SLOTS FILTERS,
	[STMT_REASONS] =
	    "SELECT id, text FROM flow_reason WHERE type = ? ORDER BY id",
	[STMT_REASON_ADD] = "INSERT INTO flow_reason (type, text) VALUES (?, ?)",
	[STMT_REASON_DEL] = "DELETE FROM flow_reason WHERE type = ? AND id = ?",
	/* Every type's 草稿 is named "draft" (flow_check_table); other
	 * states wait for the filer when acts says so (待缴费). */
	[STMT_WAITING] =
	    "SELECT id, type, item_id, state, title,"
	    " DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i') FROM flow_item"
	    " WHERE filer_kind = ? AND filer_id = ?"
	    " AND (state IN ('draft', 'returned') OR acts & ? <> 0)"
	    " ORDER BY updated_at DESC LIMIT ?",
};

static const struct db_table tab = { DBM_FLOWDESK, sql, STMT__MAX };

#define OFFICE_ROLES	ROLE_ANY

/* The type called `name` among `types`, or NULL. */
static const struct flow_type *
type_named(const struct flow_type *const *types, const char *name)
{
	for (; types && *types; types++)
		if (name && strcmp((*types)->name, name) == 0)
			return *types;
	return NULL;
}

/*
 * The tally: flow_count's rows, kept per worker while the shared epoch
 * stands (every committed state change moves it) and at most a minute,
 * so a desk that is only read asks MariaDB for its page's rows alone.
 */
#define TALLY_MAX	128
static struct tally {
	char		 type[21], state[21];
	unsigned	 acts;
	int64_t		 n;
} tally[TALLY_MAX];
static int ntally;
static struct epoch_mark tally_mark;

/* Read the tally unless the kept one is fresh.  1, 0 on error. */
static int
tally_load(struct db *db)
{
	struct db_res *res;
	uint64_t epoch;
	int rc;

	if (epoch_fresh(&tally_mark))
		return 1;
	epoch = epoch_now();
	if ((res = db_query(db, &tab, STMT_TALLY, "")) == NULL)
		return 0;
	ntally = 0;
	while ((rc = db_next(res)) == 1 && ntally < TALLY_MAX) {
		struct tally *t = &tally[ntally++];

		snprintf(t->type, sizeof(t->type), "%s", db_col(res, 0));
		snprintf(t->state, sizeof(t->state), "%s", db_col(res, 1));
		t->acts = (unsigned)db_int(res, 2);
		t->n = db_int(res, 3);
	}
	db_done(res);
	if (rc < 0 || ntally == TALLY_MAX) {
		if (rc >= 0)
			log_err("flowdesk: more than %d tally rows", TALLY_MAX);
		ntally = 0;
		return 0;
	}
	epoch_keep(&tally_mark, epoch, 60);
	return 1;
}

/*
 * <counts><count type=".." state=".." label="单位绑定 · 待复审" n=".."/>:
 * the tally's rows with one of `roles`, a type and state once (the tally
 * is in that order).
 */
static void
queue_counts(const struct flow_type *const *types, unsigned roles,
    xmlNodePtr q)
{
	const struct flow_type *type;
	xmlNodePtr counts = view_add(q, "counts", NULL), c = NULL;
	const struct tally *last = NULL;
	char label[200];
	int64_t n = 0;
	int i, s;

	for (i = 0; i < ntally; i++) {
		if (!(tally[i].acts & roles) ||
		    (type = type_named(types, tally[i].type)) == NULL ||
		    (s = flow_state_index(type, tally[i].state)) < 0)
			continue;
		if (last && strcmp(tally[i].type, last->type) == 0 &&
		    strcmp(tally[i].state, last->state) == 0) {
			view_attrf(c, "n", "%lld", (long long)(n += tally[i].n));
			continue;
		}
		last = &tally[i];
		snprintf(label, sizeof(label), "%s · %s", type->label,
		    type->states[s].label);
		c = view_add(counts, "count", NULL);
		view_attr(c, "type", type->name);
		view_attr(c, "state", type->states[s].name);
		view_attr(c, "label", label);
		view_attrf(c, "n", "%lld", (long long)(n = tally[i].n));
	}
}

/*
 * The values of acts with one of `roles`, into v[] (unused slots hold a
 * value no item has).  Returns how many, or QUEUE_SLOTS + 1 when there
 * are more than the slots.
 */
static int
acts_values(unsigned roles, int64_t v[QUEUE_SLOTS])
{
	int n = 0, i, k;

	for (i = 0; i < QUEUE_SLOTS; i++)
		v[i] = -1;		/* acts is unsigned: never -1 */
	for (i = 0; i < ntally; i++) {
		if (!(tally[i].acts & roles))
			continue;
		for (k = 0; k < n && v[k] != (int64_t)tally[i].acts; k++)
			;
		if (k < n)
			continue;
		if (n == QUEUE_SLOTS)
			return n + 1;
		v[n++] = tally[i].acts;
	}
	return n;
}

/* The queue's total: from the tally when only the type is chosen. */
static int64_t
queue_total(struct db *db, const struct flow_filter *f, unsigned roles,
    const int64_t v[QUEUE_SLOTS])
{
	int64_t total = 0;
	int found, i;

	if (f->unit || f->district || *f->from || *f->to)
		return db_one_int(db, &tab, STMT_QUEUE_COUNT, &found,
		    "iiiiiiii" FILTERS_FMT, v[0], v[1], v[2], v[3], v[4], v[5],
		    v[6], v[7], f->type, f->type, f->unit, f->unit,
		    f->district, f->district, f->from, f->from, f->to, f->to);
	for (i = 0; i < ntally; i++)
		if ((tally[i].acts & roles) && (*f->type == '\0' ||
		    strcmp(f->type, tally[i].type) == 0))
			total += tally[i].n;
	return total;
}

/*
 * The page's rows: each value's oldest (offset + per), then the page;
 * NULL on a database error.  With no filter and few values, the
 * statement with that many branches.
 */
static struct db_res *
queue_rows(struct db *db, const struct flow_filter *f, const int64_t v[],
    int nv, int64_t per, int64_t offset)
{
	int64_t lim = offset + per;

	if (*f->type == '\0' && f->unit == 0 && f->district == 0 &&
	    *f->from == '\0' && *f->to == '\0' && nv >= 1 &&
	    nv <= PLAIN_SLOTS) {
		switch (nv) {
		case 1:
			return db_query(db, &tab, STMT_PLAIN1, "iiii", v[0], lim,
			    per, offset);
		case 2:
			return db_query(db, &tab, STMT_PLAIN2, "iiiiii", v[0],
			    lim, v[1], lim, per, offset);
		case 3:
			return db_query(db, &tab, STMT_PLAIN3, "iiiiiiii", v[0],
			    lim, v[1], lim, v[2], lim, per, offset);
		default:
			return db_query(db, &tab, STMT_PLAIN4, "iiiiiiiiii", v[0],
			    lim, v[1], lim, v[2], lim, v[3], lim, per, offset);
		}
	}
#define B(i) v[i], f->type, f->type, f->unit, f->unit, f->district, \
	f->district, f->from, f->from, f->to, f->to, lim
	return db_query(db, &tab, STMT_QUEUE, BRANCH_FMT BRANCH_FMT BRANCH_FMT
	    BRANCH_FMT BRANCH_FMT BRANCH_FMT BRANCH_FMT BRANCH_FMT "ii", B(0),
	    B(1), B(2), B(3), B(4), B(5), B(6), B(7), per, offset);
#undef B
}

/*
 * A page of the queue as read, kept per worker while the shared epoch
 * stands (every committed step moves it) and at most a minute, so a desk
 * that is only read (a reviewer paging, coming back to it) asks MariaDB
 * nothing; QCACHE pages in turn.
 */
#define QCACHE		8
#define QROWS		50
struct qrow {
	char		 flow[24], type[21], item[24], state[21];
	char		 title[4 * 200 + 1], by[4 * 60 + 1], at[17];
};
static struct qpage {
	char		 key[160];
	int64_t		 total;
	int		 n;
	struct qrow	 rows[QROWS];
	struct epoch_mark mark;
} qcache[QCACHE];
static int qnext;

/* Copy s into a row's field (NULL: ""). */
#define QSET(dst, s) snprintf((dst), sizeof(dst), "%s", (s) ? (s) : "")

/*
 * The page of `key`: a fresh kept one, or read now into a slot (kept when
 * the page fits).  NULL on a database error.
 */
static const struct qpage *
queue_page(struct db *db, const struct flow_filter *f, unsigned roles,
    const char *key, int per, int page)
{
	struct qpage *qp;
	struct db_res *res;
	int64_t v[QUEUE_SLOTS];
	uint64_t epoch;
	int i, nv, rc;

	for (i = 0; i < QCACHE; i++)
		if (strcmp(qcache[i].key, key) == 0 &&
		    epoch_fresh(&qcache[i].mark))
			return &qcache[i];
	epoch = epoch_now();
	if (!tally_load(db))
		return NULL;
	if ((nv = acts_values(roles, v)) > QUEUE_SLOTS) {
		log_err("flowdesk: more than %d values of acts", QUEUE_SLOTS);
		return NULL;
	}
	qp = &qcache[qnext];
	qnext = (qnext + 1) % QCACHE;
	qp->key[0] = '\0';
	qp->mark.until = 0;
	if ((qp->total = queue_total(db, f, roles, v)) < 0 ||
	    (res = queue_rows(db, f, v, nv, per, (int64_t)(page - 1) * per)) ==
	    NULL)
		return NULL;
	for (qp->n = 0; qp->n < QROWS && (rc = db_next(res)) == 1; qp->n++) {
		struct qrow *r = &qp->rows[qp->n];

		QSET(r->flow, db_col(res, 0));
		QSET(r->type, db_col(res, 1));
		QSET(r->item, db_col(res, 2));
		QSET(r->state, db_col(res, 3));
		QSET(r->title, db_col(res, 4));
		QSET(r->by, db_col(res, 5));
		QSET(r->at, db_col(res, 6));
	}
	db_done(res);
	if (rc < 0)
		return NULL;
	snprintf(qp->key, sizeof(qp->key), "%s", key);
	epoch_keep(&qp->mark, epoch, 60);
	return qp;
}

int
flow_queue(struct db *db, const struct flow_type *const *types,
    unsigned roles, const struct flow_filter *f, xmlNodePtr parent)
{
	const struct flow_type *type;
	const struct qpage *qp;
	xmlNodePtr q, it;
	char key[160];
	int i, s, per = f->per > 0 && f->per <= QROWS ? f->per : 20,
	    page = f->page > 0 ? f->page : 1;

	roles &= OFFICE_ROLES;
	snprintf(key, sizeof(key), "%u|%.20s|%lld|%lld|%.10s|%.10s|%d|%d", roles,
	    f->type, (long long)f->unit, (long long)f->district, f->from,
	    f->to, per, page);
	if ((qp = queue_page(db, f, roles, key, per, page)) == NULL)
		return 0;
	q = view_add(parent, "queue", NULL);
	view_attrf(q, "total", "%lld", (long long)qp->total);
	view_attrf(q, "page", "%d", page);
	view_attrf(q, "pages", "%lld", (long long)((qp->total + per - 1) /
	    per));
	for (i = 0; i < qp->n; i++) {
		const struct qrow *r = &qp->rows[i];

		if ((type = type_named(types, r->type)) == NULL ||
		    (s = flow_state_index(type, r->state)) < 0)
			continue;
		it = view_add(q, "item", NULL);
		view_attr(it, "flow", r->flow);
		view_attr(it, "item", r->item);
		view_attr(it, "type", type->name);
		view_attr(it, "type-label", type->label);
		view_attr(it, "state", type->states[s].name);
		view_attr(it, "state-label", type->states[s].label);
		view_add(it, "title", r->title);
		view_add(it, "by", r->by);
		view_add(it, "at", r->at);
	}
	if (!tally_load(db))
		return 0;
	queue_counts(types, roles, q);
	return 1;
}

int
flow_reasons_view(struct db *db, const struct flow_type *type,
    xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr l, r;

	if ((res = db_query(db, &tab, STMT_REASONS, "s", type->name)) == NULL)
		return 0;
	l = view_add(parent, "reasons", NULL);
	view_attr(l, "type", type->name);
	view_attr(l, "type-label", type->label);
	while (db_next(res) == 1) {
		r = view_add(l, "reason", db_col(res, 1));
		view_attr(r, "id", db_col(res, 0));
	}
	db_done(res);
	return 1;
}

struct reason_arg {
	const struct flow_type	*type;
	const char		*text;
	int64_t			 id;
	const struct flow_actor	*by;
};

static int
reason_txn(struct db *db, void *arg)
{
	struct reason_arg *ra = arg;
	int64_t n;

	if (ra->text)
		n = db_exec(db, &tab, STMT_REASON_ADD, "ss", ra->type->name,
		    ra->text);
	else
		n = db_exec(db, &tab, STMT_REASON_DEL, "si", ra->type->name,
		    ra->id);
	if (n < 0)
		return 1;
	if (n == 0)
		return 0;	/* already gone */
	if (ra->text)
		ra->id = db_insert_id(db);
	return !audit_log(db, ra->by->kind, ra->by->id, ra->by->ip,
	    ra->text ? "flow.reason.add" : "flow.reason.remove", "flow_reason",
	    ra->id, ra->text ? ra->text : ra->type->name);
}

int
flow_reason_add(struct db *db, const struct flow_type *type, const char *text,
    const struct flow_actor *by)
{
	struct reason_arg ra = { type, text, 0, by };

	return db_txn(db, reason_txn, &ra) == 0;
}

int
flow_reason_remove(struct db *db, const struct flow_type *type, int64_t id,
    const struct flow_actor *by)
{
	struct reason_arg ra = { type, NULL, id, by };

	return db_txn(db, reason_txn, &ra) == 0;
}


int
flow_waiting(struct db *db, const struct flow_type *const *types,
    int filer_kind, int64_t filer_id, int max, xmlNodePtr parent)
{
	const struct flow_type *type;
	struct db_res *res;
	xmlNodePtr t;
	int rc;

	if ((res = db_query(db, &tab, STMT_WAITING, "iiii", (int64_t)filer_kind,
	    filer_id, (int64_t)FLOW_BY_FILER, (int64_t)max)) == NULL)
		return 0;
	while ((rc = db_next(res)) == 1) {
		if ((type = type_named(types, db_col(res, 1))) == NULL)
			continue;
		t = flow_view_state(parent, "task", type, db_int(res, 2),
		    db_col(res, 3));
		view_attr(t, "flow", db_col(res, 0));
		view_attrf(t, "href", "%s%s", type->filer_link, db_col(res, 2));
		view_add(t, "name", db_col(res, 4));
		view_add(t, "updated", db_col(res, 5));
	}
	db_done(res);
	return rc == 0;
}
