/*
 * flowdesk.c -- what the review desk reads of the engine's items: the one
 * queue across every business type, its counts, and 常用退回意见.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flow.h"
#include "kind.h"
#include "view.h"

enum stmt {
	STMT_QUEUE,
	STMT_QUEUE_COUNT,
	STMT_COUNTS,
	STMT_REASONS,
	STMT_REASON_ADD,
	STMT_REASON_DEL,
	STMT_WAITING,
	STMT__MAX
};

/* The desk's filters; each is off when empty or 0. */
#define QUEUE_WHERE \
	" WHERE acts & ? <> 0 AND (? = '' OR type = ?)" \
	" AND (? = 0 OR unit_id = ?) AND (? = 0 OR district_id = ?)" \
	" AND (? = '' OR submitted_at >= ?)" \
	" AND (? = '' OR submitted_at < ? + INTERVAL 1 DAY)"

static const char *const sql[STMT__MAX] = {
	[STMT_QUEUE] =
	    "SELECT id, type, item_id, state, title, filer_name,"
	    " DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i'), COALESCE(unit_id, 0)"
	    " FROM flow_item" QUEUE_WHERE
	    " ORDER BY submitted_at, id LIMIT ? OFFSET ?",
	[STMT_QUEUE_COUNT] = "SELECT COUNT(*) FROM flow_item" QUEUE_WHERE,
	[STMT_COUNTS] =
	    "SELECT type, state, COUNT(*) FROM flow_item WHERE acts & ? <> 0"
	    " GROUP BY type, state ORDER BY type, state",
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

/* <counts><count type=".." state=".." label="单位绑定 · 待复审" n=".."/> */
static int
queue_counts(struct db *db, const struct flow_type *const *types,
    unsigned roles, xmlNodePtr q)
{
	const struct flow_type *type;
	struct db_res *res;
	xmlNodePtr counts, c;
	char label[200];
	int s;

	if ((res = db_query(db, &tab, STMT_COUNTS, "i", (int64_t)roles)) == NULL)
		return 0;
	counts = view_add(q, "counts", NULL);
	while (db_next(res) == 1) {
		if ((type = type_named(types, db_col(res, 0))) == NULL ||
		    (s = flow_state_index(type, db_col(res, 1))) < 0)
			continue;
		snprintf(label, sizeof(label), "%s · %s", type->label,
		    type->states[s].label);
		c = view_add(counts, "count", NULL);
		view_attr(c, "type", type->name);
		view_attr(c, "state", type->states[s].name);
		view_attr(c, "label", label);
		view_attr(c, "n", db_col(res, 2));
	}
	db_done(res);
	return 1;
}

int
flow_queue(struct db *db, const struct flow_type *const *types,
    unsigned roles, const struct flow_filter *f, xmlNodePtr parent)
{
	const struct flow_type *type;
	struct db_res *res;
	xmlNodePtr q, it;
	int64_t total;
	int found, s, per = f->per > 0 ? f->per : 20, page = f->page > 0 ?
	    f->page : 1;

	roles &= OFFICE_ROLES;
	total = db_one_int(db, &tab, STMT_QUEUE_COUNT, &found, "issiiiissss",
	    (int64_t)roles, f->type, f->type, f->unit, f->unit, f->district,
	    f->district, f->from, f->from, f->to, f->to);
	if (total < 0)
		return 0;
	q = view_add(parent, "queue", NULL);
	view_attrf(q, "total", "%lld", (long long)total);
	view_attrf(q, "page", "%d", page);
	view_attrf(q, "pages", "%lld", (long long)((total + per - 1) / per));
	if ((res = db_query(db, &tab, STMT_QUEUE, "issiiiissssii",
	    (int64_t)roles, f->type, f->type, f->unit, f->unit, f->district,
	    f->district, f->from, f->from, f->to, f->to, (int64_t)per,
	    (int64_t)(page - 1) * per)) == NULL)
		return 0;
	while (db_next(res) == 1) {
		if ((type = type_named(types, db_col(res, 1))) == NULL ||
		    (s = flow_state_index(type, db_col(res, 3))) < 0)
			continue;
		it = view_add(q, "item", NULL);
		view_attr(it, "flow", db_col(res, 0));
		view_attr(it, "item", db_col(res, 2));
		view_attr(it, "type", type->name);
		view_attr(it, "type-label", type->label);
		view_attr(it, "state", type->states[s].name);
		view_attr(it, "state-label", type->states[s].label);
		view_add(it, "title", db_col(res, 4));
		view_add(it, "by", db_col(res, 5));
		view_add(it, "at", db_col(res, 6));
	}
	db_done(res);
	return queue_counts(db, types, roles, q);
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
