/*
 * orgapp.c -- 单位注册 / 单位信息编辑 applications and what approval does.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flows.h"
#include "kind.h"
#include "org.h"
#include "orgapp.h"
#include "store.h"
#include "view.h"
#include "valid.h"

const char *const orgapp_natures[] = { "机关", "事业", "国企", "其他", NULL };

enum stmt {
	STMT_GET,
	STMT_INSERT,
	STMT_UPDATE,
	STMT_FILING,
	STMT_EDIT_OPEN,
	STMT_EDIT_FROM_ORG,
	STMT_EDIT_LINEAGE,
	STMT_BY_AGENT,
	STMT_LINEAGE,
	STMT_LINEAGE_ADD,
	STMT_LINEAGE_DEL,
	STMT_PROMISE_SHOWN,
	STMT_PROMISE_OK,
	STMT_PROMISE_SET,
	STMT_LICENSES,
	STMT_CREDIT_TAKEN,
	STMT_NEW_ORG,
	STMT_SET_ORG,
	STMT_BIND_CHAIRMAN,
	STMT_APPLY_EDIT,
	STMT_LINEAGE_CLEAR,
	STMT_LINEAGE_APPLY,
	STMT_CANDIDATES,
	STMT_PARENTS,
	STMT__MAX
};

#define FLOW_JOIN(a, f) \
	" JOIN flow_item " f " ON " f ".type = 'org_app' AND " f ".item_id = " a ".id"

static const char *const sql[STMT__MAX] = {
	[STMT_GET] =
	    "SELECT a.id, a.kind = 'edit', COALESCE(a.org_id, 0), a.agent_id,"
	    " a.name, a.credit_code, a.parent_id, p.name, a.nature,"
	    " a.district, a.medins_code, a.employees, a.chairman, a.contact,"
	    " a.contact_phone, a.lineage,"
	    " DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i'),"
	    " GREATEST(0, 15 - COALESCE(TIMESTAMPDIFF(SECOND,"
	    "  a.promise_shown_at, NOW()), 0))"
	    " FROM org_app a JOIN org p ON p.id = a.parent_id WHERE a.id = ?",
	[STMT_INSERT] =
	    "INSERT INTO org_app (kind, agent_id, name, credit_code, parent_id,"
	    " nature, district, medins_code, employees, chairman, contact,"
	    " contact_phone, lineage) VALUES ('register', ?, ?, ?, ?, ?,"
	    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?)",
	[STMT_UPDATE] =
	    "UPDATE org_app SET name = ?, credit_code = ?, parent_id = ?,"
	    " nature = ?, district = NULLIF(?, ''), medins_code = NULLIF(?, ''),"
	    " employees = NULLIF(?, ''), chairman = NULLIF(?, ''), contact = ?,"
	    " contact_phone = ?, lineage = ?, updated_at = NOW()"
	    " WHERE id = ?",
	/* For the flow item: the filer's name, the parent's 区/产业工会. */
	[STMT_FILING] =
	    "SELECT (SELECT COALESCE(name, phone) FROM agent WHERE id = ?),"
	    " (SELECT IF(level = 'district', id, 0) FROM org WHERE id = ?)",
	[STMT_EDIT_OPEN] =
	    "SELECT a.id FROM org_app a" FLOW_JOIN("a", "f")
	    " WHERE a.org_id = ? AND a.kind = 'edit'"
	    " AND f.state IN ('draft', 'review1', 'returned')"
	    " ORDER BY a.id DESC LIMIT 1",
	[STMT_EDIT_FROM_ORG] =
	    "INSERT INTO org_app (kind, org_id, agent_id, name, credit_code,"
	    " parent_id, nature, district, medins_code, employees, chairman,"
	    " contact, contact_phone, lineage)"
	    " SELECT 'edit', o.id, ?, o.name, COALESCE(o.credit_code, ''),"
	    " o.parent_id, COALESCE(o.nature, '其他'), o.district, o.medins_code,"
	    " o.employees, o.chairman, COALESCE(o.contact, ''),"
	    " COALESCE(o.contact_phone, ''), COALESCE((SELECT relation FROM"
	    " org_lineage WHERE org_id = o.id LIMIT 1), 'none')"
	    " FROM org o WHERE o.id = ? AND o.level = 'unit'"
	    " AND o.status = 'approved'",
	[STMT_EDIT_LINEAGE] =
	    "INSERT INTO org_app_lineage (app_id, org_id)"
	    " SELECT ?, from_org_id FROM org_lineage WHERE org_id = ?",
	[STMT_BY_AGENT] =
	    "SELECT a.id, a.kind, f.state, a.name, a.credit_code, p.name,"
	    " DATE_FORMAT(f.updated_at, '%Y-%m-%d %H:%i'), g.name, a.org_id"
	    " FROM org_app a" FLOW_JOIN("a", "f")
	    " JOIN org p ON p.id = a.parent_id JOIN agent g ON g.id = a.agent_id"
	    " WHERE a.agent_id = ? AND f.state <> 'cancelled' ORDER BY a.id DESC",
	[STMT_LINEAGE] =
	    "SELECT o.id, o.name FROM org_app_lineage l"
	    " JOIN org o ON o.id = l.org_id WHERE l.app_id = ? ORDER BY o.name",
	[STMT_LINEAGE_ADD] =
	    "INSERT IGNORE INTO org_app_lineage (app_id, org_id)"
	    " SELECT ?, id FROM org WHERE id = ? AND level = 'unit'",
	[STMT_LINEAGE_DEL] =
	    "DELETE FROM org_app_lineage WHERE app_id = ? AND org_id = ?",
	[STMT_PROMISE_SHOWN] =
	    "UPDATE org_app SET promise_shown_at = NOW() WHERE id = ?",
	[STMT_PROMISE_OK] =
	    "SELECT promise_shown_at <= NOW() - INTERVAL 15 SECOND"
	    " FROM org_app WHERE id = ? AND promise_shown_at IS NOT NULL",
	[STMT_PROMISE_SET] = "UPDATE org_app SET promise_at = NOW() WHERE id = ?",
	[STMT_LICENSES] =
	    "SELECT COUNT(*) FROM attachment WHERE owner_type = 'org_app'"
	    " AND owner_id = ? AND kind = 'license'",
	/* Another unit, or another application in review, with the code. */
	[STMT_CREDIT_TAKEN] =
	    "SELECT COUNT(*) FROM org_app a WHERE a.id = ? AND (EXISTS (SELECT 1"
	    " FROM org o WHERE o.credit_code = a.credit_code"
	    " AND o.id <> COALESCE(a.org_id, 0)) OR EXISTS (SELECT 1 FROM"
	    " org_app b" FLOW_JOIN("b", "fb")
	    " WHERE b.credit_code = a.credit_code AND b.id <> a.id"
	    " AND fb.state = 'review1'"
	    " AND COALESCE(b.org_id, 0) <> COALESCE(a.org_id, -1)))",
	[STMT_NEW_ORG] =
	    "INSERT INTO org (parent_id, level, name, credit_code, nature,"
	    " district, medins_code, chairman, contact, contact_phone, employees,"
	    " status, app_id) SELECT parent_id, 'unit', name, credit_code, nature,"
	    " district, medins_code, chairman, contact, contact_phone, employees,"
	    " 'approved', id FROM org_app WHERE id = ?",
	[STMT_SET_ORG] = "UPDATE org_app SET org_id = ? WHERE id = ?",
	[STMT_BIND_CHAIRMAN] =
	    "INSERT INTO agent_unit (agent_id, unit_id, role, perms)"
	    " SELECT agent_id, ?, 'chairman', 'mutual_aid' FROM org_app"
	    " WHERE id = ? ON DUPLICATE KEY UPDATE role = 'chairman'",
	[STMT_APPLY_EDIT] =
	    "UPDATE org o JOIN org_app a ON a.org_id = o.id SET o.name = a.name,"
	    " o.credit_code = a.credit_code, o.parent_id = a.parent_id,"
	    " o.nature = a.nature, o.district = a.district,"
	    " o.medins_code = a.medins_code, o.employees = a.employees,"
	    " o.chairman = a.chairman, o.contact = a.contact,"
	    " o.contact_phone = a.contact_phone, o.app_id = a.id WHERE a.id = ?",
	[STMT_LINEAGE_CLEAR] = "DELETE FROM org_lineage WHERE org_id = ?",
	[STMT_LINEAGE_APPLY] =
	    "INSERT INTO org_lineage (org_id, from_org_id, relation)"
	    " SELECT ?, l.org_id, a.lineage FROM org_app_lineage l"
	    " JOIN org_app a ON a.id = l.app_id"
	    " WHERE l.app_id = ? AND a.lineage <> 'none'",
	[STMT_CANDIDATES] =
	    "SELECT o.id, o.name, p.name FROM org o"
	    " LEFT JOIN org p ON p.id = o.parent_id WHERE o.level = 'unit'"
	    " AND o.status = 'approved' AND o.name LIKE CONCAT('%', ?, '%')"
	    " ORDER BY o.name LIMIT 20",
	[STMT_PARENTS] =
	    "SELECT id, name, level = 'district' FROM org"
	    " WHERE level IN ('root', 'district') ORDER BY level <> 'root', name",
};

static const struct db_table tab = { DBM_ORGAPP, sql, STMT__MAX };

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")

/* 单位注册 / 单位信息编辑: the filing agent 上报; one review, 初审. */
enum { A_DRAFT, A_REVIEW1, A_RETURNED, A_APPROVED, A_CANCELLED, A__MAX };

static const struct flow_state states[A__MAX] = {
	[A_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[A_REVIEW1] =	{ "review1", "待初审", 0, "市总审核中" },
	[A_RETURNED] =	{ "returned", "已退回", 0, NULL },
	[A_APPROVED] =	{ "approved", "审核通过", 1, NULL },
	[A_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_trans trans[] = {
	{ A_DRAFT,    A_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ A_RETURNED, A_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ A_DRAFT,    A_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ A_RETURNED, A_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ A_REVIEW1,  A_APPROVED,  FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_approved },
	{ A_REVIEW1,  A_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_returned },
};

static enum refusal orgapp_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal orgapp_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int orgapp_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	orgapp_check, orgapp_done, flow_agent_phone, orgapp_body, NULL, NULL, NULL,
};

const struct flow_type orgapp_flow = {
	"org_app", "单位信息", states, A__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/org/app?id=", &hooks, NULL, 0,
};

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")

/* The application's own row, without its flow item: 1 / 0 / -1. */
static int
app_row(struct db *db, int64_t id, struct org_app *a)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(a, 0, sizeof(*a));
		a->id = db_int(r, 0);
		a->kind = db_int(r, 1) ? ORGAPP_EDIT : ORGAPP_REGISTER;
		a->org_id = db_int(r, 2);
		a->agent_id = db_int(r, 3);
		COPY(a->name, 4);
		COPY(a->credit_code, 5);
		a->parent_id = db_int(r, 6);
		COPY(a->parent_name, 7);
		COPY(a->nature, 8);
		COPY(a->district, 9);
		COPY(a->medins_code, 10);
		COPY(a->employees, 11);
		COPY(a->chairman, 12);
		COPY(a->contact, 13);
		COPY(a->contact_phone, 14);
		COPY(a->lineage, 15);
		COPY(a->updated_at, 16);
		a->promise_wait = (int)db_int(r, 17);
	}
	db_done(r);
	return rc;
}

int
orgapp_get(struct db *db, int64_t id, struct org_app *a)
{
	int rc;

	if ((rc = app_row(db, id, a)) == 1)
		rc = flow_get_item(db, &orgapp_flow, id, &a->flow);
	return rc;
}

/*
 * Lock application `id` for a change by its filer: RF_OK while it is a
 * draft or returned, RF_BAD_STATE once in review or decided.
 */
static enum refusal
lock_editable(struct db *db, int64_t id)
{
	struct flow_item it;
	int rc;

	if ((rc = flow_lock(db, &orgapp_flow, id, &it)) <= 0)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	return flow_editable(&it) ? RF_OK : RF_SUBMITTED;
}

/*
 * The flow item of new application `id`: filed by `agent`, about unit
 * `unit` (an edit) under `parent`, titled `name`.  Returns 1, 0 on error.
 */
static int
item_create(struct db *db, int64_t id, int64_t agent, int64_t parent,
    int64_t unit, const char *name)
{
	struct flow_new n = { SESS_AGENT, agent, NULL, unit, 0, name };
	struct db_res *r;
	char filer[128] = "";

	if ((r = db_query(db, &tab, STMT_FILING, "ii", agent, parent)) == NULL)
		return 0;
	if (db_next(r) == 1) {
		snprintf(filer, sizeof(filer), "%s", db_col(r, 0) ? db_col(r, 0) : "");
		n.district_id = db_int(r, 1);
	}
	db_done(r);
	n.filer_name = filer;
	return flow_create(db, &orgapp_flow, id, &n);
}

/* A new application and its flow item, filed by a->agent_id. */
static enum refusal
insert(struct db *db, struct org_app *a)
{
	if (db_exec(db, &tab, STMT_INSERT, "ississssssss", a->agent_id,
	    a->name, a->credit_code, a->parent_id, a->nature, a->district,
	    a->medins_code, a->employees, a->chairman, a->contact,
	    a->contact_phone, a->lineage) != 1)
		return RF_DB;
	a->id = db_insert_id(db);
	return item_create(db, a->id, a->agent_id, a->parent_id, 0, a->name) ?
	    RF_OK : RF_DB;
}

struct save_arg {
	struct org_app		*a;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
save_txn(struct db *db, void *arg)
{
	struct save_arg *s = arg;
	struct org_app *a = s->a;
	int isnew = a->id == 0;

	if (isnew)
		s->rf = insert(db, a);
	else if ((s->rf = lock_editable(db, a->id)) == RF_OK &&
	    (db_exec(db, &tab, STMT_UPDATE, "ssissssssssi", a->name,
	    a->credit_code, a->parent_id, a->nature, a->district, a->medins_code,
	    a->employees, a->chairman, a->contact, a->contact_phone, a->lineage,
	    a->id) < 0 || !flow_retitle(db, &orgapp_flow, a->id, a->name)))
		s->rf = RF_DB;
	if (s->rf == RF_OK && !audit_log(db, s->by->kind, s->by->id, s->by->ip,
	    isnew ? "org_app.create" : "org_app.save", "org_app", a->id, a->name))
		s->rf = RF_DB;
	return s->rf != RF_OK;
}

enum refusal
orgapp_save(struct db *db, struct org_app *a, const struct flow_actor *by)
{
	struct save_arg s = { a, by, RF_DB };
	int ok;

	if ((ok = org_may_parent(db, a->parent_id)) <= 0)
		return ok < 0 ? RF_DB : RF_BAD_PARENT;
	if (db_txn(db, save_txn, &s) < 0)
		return RF_DB;
	return s.rf;
}

struct edit_arg {
	int64_t	 org, agent, id;
};

static int
edit_txn(struct db *db, void *arg)
{
	struct edit_arg *e = arg;
	struct org_app a;
	int64_t open;
	int found;

	open = db_one_int(db, &tab, STMT_EDIT_OPEN, &found, "i", e->org);
	if (found) {
		e->id = open;
		return 0;
	}
	if (open < 0) {
		e->id = -1;
		return 1;
	}
	if (db_exec(db, &tab, STMT_EDIT_FROM_ORG, "ii", e->agent, e->org) != 1) {
		e->id = 0;
		return 1;
	}
	e->id = db_insert_id(db);
	if (app_row(db, e->id, &a) != 1 ||
	    db_exec(db, &tab, STMT_EDIT_LINEAGE, "ii", e->id, e->org) < 0 ||
	    !item_create(db, e->id, e->agent, a.parent_id, e->org, a.name)) {
		e->id = -1;
		return 1;
	}
	return 0;
}

int64_t
orgapp_edit_start(struct db *db, int64_t org, int64_t agent)
{
	struct edit_arg e = { org, agent, -1 };

	if (db_txn(db, edit_txn, &e) < 0)
		return -1;
	return e.id;
}

struct db_res *
orgapp_by_agent(struct db *db, int64_t agent)
{
	return db_query(db, &tab, STMT_BY_AGENT, "i", agent);
}

struct db_res *
orgapp_lineage(struct db *db, int64_t app)
{
	return db_query(db, &tab, STMT_LINEAGE, "i", app);
}

struct lineage_arg {
	int64_t	 app, org;
	int	 add, rc;
};

static int
lineage_txn(struct db *db, void *arg)
{
	struct lineage_arg *l = arg;
	enum refusal rf;

	if ((rf = lock_editable(db, l->app)) != RF_OK) {
		l->rc = rf == RF_DB ? -1 : 0;
		return 1;
	}
	if (db_exec(db, &tab, l->add ? STMT_LINEAGE_ADD : STMT_LINEAGE_DEL,
	    "ii", l->app, l->org) < 0) {
		l->rc = -1;
		return 1;
	}
	l->rc = 1;
	return 0;
}

int
orgapp_lineage_add(struct db *db, int64_t app, int64_t org)
{
	struct lineage_arg l = { app, org, 1, -1 };

	return db_txn(db, lineage_txn, &l) < 0 ? -1 : l.rc;
}

int
orgapp_lineage_remove(struct db *db, int64_t app, int64_t org)
{
	struct lineage_arg l = { app, org, 0, -1 };

	return db_txn(db, lineage_txn, &l) < 0 ? -1 : l.rc;
}

int
orgapp_promise_shown(struct db *db, int64_t app)
{
	return db_exec(db, &tab, STMT_PROMISE_SHOWN, "i", app) >= 0;
}

/*
 * Whether application `app` names a parent a unit may hang under (an
 * application saved before the rule, or a parent that changed level).
 * Returns RF_OK, RF_BAD_PARENT or RF_DB.
 */
static enum refusal
parent_ok(struct db *db, int64_t app)
{
	struct org_app a;
	int rc;

	if ((rc = orgapp_get(db, app, &a)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	if ((rc = org_may_parent(db, a.parent_id)) < 0)
		return RF_DB;
	return rc ? RF_OK : RF_BAD_PARENT;
}

/* 上报: the checks the engine cannot know; approval: never a unit under
 * a unit, whatever the application says. */
static enum refusal
orgapp_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	enum refusal rf;
	int found;
	int64_t n;

	if (t->action == FA_APPROVE)
		return parent_ok(db, it->item_id);
	if (t->action != FA_SUBMIT)
		return RF_OK;
	if ((n = db_one_int(db, &tab, STMT_PROMISE_OK, &found, "i",
	    it->item_id)) < 0)
		return RF_DB;
	if (n != 1)
		return RF_PROMISE;
	if ((rf = parent_ok(db, it->item_id)) != RF_OK)
		return rf;
	if ((n = db_one_int(db, &tab, STMT_LICENSES, &found, "i", it->item_id))
	    <= 0)
		return n < 0 ? RF_DB : RF_NO_LICENSE;
	if ((n = db_one_int(db, &tab, STMT_CREDIT_TAKEN, &found, "i",
	    it->item_id)) != 0)
		return n < 0 ? RF_DB : RF_CREDIT_TAKEN;
	return RF_OK;
}

/* An approval writes the unit: a new one, or the edited fields. */
static int
approve(struct db *db, int64_t app)
{
	struct org_app a;
	int64_t org;

	if (orgapp_get(db, app, &a) != 1)
		return 0;
	if (a.kind == ORGAPP_REGISTER) {
		if (db_exec(db, &tab, STMT_NEW_ORG, "i", app) != 1)
			return 0;
		org = db_insert_id(db);
		if (db_exec(db, &tab, STMT_SET_ORG, "ii", org, app) != 1 ||
		    db_exec(db, &tab, STMT_BIND_CHAIRMAN, "ii", org, app) < 1)
			return 0;
	} else {
		org = a.org_id;
		if (db_exec(db, &tab, STMT_APPLY_EDIT, "i", app) < 0)
			return 0;
	}
	return db_exec(db, &tab, STMT_LINEAGE_CLEAR, "i", org) >= 0 &&
	    db_exec(db, &tab, STMT_LINEAGE_APPLY, "ii", org, app) >= 0;
}

/* 上报 marks the 承诺书 confirmed; approval writes the unit. */
static enum refusal
orgapp_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	if (t->action == FA_SUBMIT)
		return db_exec(db, &tab, STMT_PROMISE_SET, "i", it->item_id) == 1 ?
		    RF_OK : RF_DB;
	if (t->to != A_APPROVED)
		return RF_OK;
	if (approve(db, it->item_id))
		return RF_OK;
	return db_errno(db) == 1062 ? RF_CREDIT_TAKEN : RF_DB;
}

int
orgapp_candidates(struct db *db, const char *q, xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr list, o;
	char esc[256];

	like_escape(q, esc, sizeof(esc));
	if ((res = db_query(db, &tab, STMT_CANDIDATES, "s", esc)) == NULL)
		return 0;
	list = view_add(parent, "candidates", NULL);
	view_attr(list, "q", q);
	while (db_next(res) == 1) {
		o = view_add(list, "org", db_col(res, 1));
		view_attr(o, "id", db_col(res, 0));
		view_attr(o, "parent", db_col(res, 2));
	}
	db_done(res);
	return 1;
}

struct db_res *
orgapp_parents(struct db *db)
{
	return db_query(db, &tab, STMT_PARENTS, "");
}

/* The application's data and merged/split units under `n`. */
static int
orgapp_fields(struct db *db, const struct org_app *a, xmlNodePtr n)
{
	struct db_res *res;
	xmlNodePtr l, o;

	view_attr(n, "kind", a->kind == ORGAPP_EDIT ? "edit" : "register");
	view_add(n, "name", a->name);
	view_add(n, "credit-code", a->credit_code);
	view_add(n, "parent", a->parent_name);
	view_add(n, "nature", a->nature);
	view_add(n, "district", a->district);
	view_add(n, "medins-code", a->medins_code);
	view_add(n, "employees", a->employees);
	view_add(n, "chairman", a->chairman);
	view_add(n, "contact", a->contact);
	view_add(n, "contact-phone", a->contact_phone);
	view_add(n, "lineage", a->lineage);
	if ((res = orgapp_lineage(db, a->id)) == NULL)
		return 0;
	l = view_add(n, "lineage-orgs", NULL);
	while (db_next(res) == 1) {
		o = view_add(l, "org", db_col(res, 1));
		view_attr(o, "id", db_col(res, 0));
	}
	db_done(res);
	return 1;
}

xmlNodePtr
orgapp_view(struct db *db, const struct org_app *a, xmlNodePtr parent)
{
	xmlNodePtr n = flow_view_item(parent, "app", &a->flow);

	if (!orgapp_fields(db, a, n) ||
	    !store_list(db, "org_app", a->id, n) ||
	    !flow_timeline(db, &a->flow, n))
		return NULL;
	return n;
}

/* The review page's body: the data as filed. */
static int
orgapp_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct org_app a;

	return orgapp_get(db, it->item_id, &a) == 1 &&
	    orgapp_fields(db, &a, body);
}
