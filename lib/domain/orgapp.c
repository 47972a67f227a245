/*
 * orgapp.c -- 单位注册 / 单位信息编辑 applications and what approval does.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
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
	STMT_LOCK,
	STMT_EDIT_OPEN,
	STMT_EDIT_FROM_ORG,
	STMT_EDIT_LINEAGE,
	STMT_BY_AGENT,
	STMT_BY_STATE,
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

/* States an agent may still change: 草稿 and 退回. */
#define EDITABLE "(0, 3)"

#define LIST_COLS \
	"SELECT a.id, a.kind, a.state, a.name, a.credit_code, p.name," \
	" DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i'), g.name, a.org_id" \
	" FROM org_app a JOIN org p ON p.id = a.parent_id" \
	" JOIN agent g ON g.id = a.agent_id"

static const char *const sql[STMT__MAX] = {
	[STMT_GET] =
	    "SELECT a.id, a.kind = 'edit', COALESCE(a.org_id, 0), a.agent_id,"
	    " a.state, a.name, a.credit_code, a.parent_id, p.name, a.nature,"
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
	    " WHERE id = ? AND state IN " EDITABLE,
	[STMT_LOCK] = "SELECT state FROM org_app WHERE id = ? FOR UPDATE",
	[STMT_EDIT_OPEN] =
	    "SELECT id FROM org_app WHERE org_id = ? AND kind = 'edit'"
	    " AND state IN (0, 1, 2, 3) ORDER BY id DESC LIMIT 1",
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
	[STMT_BY_AGENT] = LIST_COLS
	    " WHERE a.agent_id = ? AND a.state <> 5 ORDER BY a.id DESC",
	[STMT_BY_STATE] = LIST_COLS " WHERE a.state = ? ORDER BY a.id",
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
	    " org_app b WHERE b.credit_code = a.credit_code AND b.id <> a.id"
	    " AND b.state IN (1, 2)"
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

int
orgapp_get(struct db *db, int64_t id, struct org_app *a)
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
		a->state = (enum flow_state)db_int(r, 4);
		COPY(a->name, 5);
		COPY(a->credit_code, 6);
		a->parent_id = db_int(r, 7);
		COPY(a->parent_name, 8);
		COPY(a->nature, 9);
		COPY(a->district, 10);
		COPY(a->medins_code, 11);
		COPY(a->employees, 12);
		COPY(a->chairman, 13);
		COPY(a->contact, 14);
		COPY(a->contact_phone, 15);
		COPY(a->lineage, 16);
		COPY(a->updated_at, 17);
		a->promise_wait = (int)db_int(r, 18);
	}
	db_done(r);
	return rc;
}

/* The application's state, locked for this transaction; -1 if none. */
static int
lock_state(struct db *db, int64_t id)
{
	int64_t s;
	int found;

	s = db_one_int(db, &tab, STMT_LOCK, &found, "i", id);
	return found ? (int)s : -1;
}

static int
editable(int state)
{
	return state == FS_DRAFT || state == FS_RETURNED;
}

struct save_arg {
	const struct org_app	*a;
	int64_t			 id;	/* result of orgapp_save */
};

/* Update a draft or returned application, under its row lock. */
static int
update_txn(struct db *db, void *arg)
{
	struct save_arg *s = arg;
	const struct org_app *a = s->a;
	int st;

	if ((st = lock_state(db, a->id)) < 0 || !editable(st)) {
		s->id = 0;
		return 1;
	}
	if (db_exec(db, &tab, STMT_UPDATE, "ssissssssssi", a->name,
	    a->credit_code, a->parent_id, a->nature, a->district, a->medins_code,
	    a->employees, a->chairman, a->contact, a->contact_phone, a->lineage,
	    a->id) < 0) {
		s->id = -1;
		return 1;
	}
	s->id = a->id;
	return 0;
}

int64_t
orgapp_save(struct db *db, struct org_app *a)
{
	struct save_arg s = { a, -1 };
	int ok;

	if ((ok = org_may_parent(db, a->parent_id)) <= 0)
		return ok < 0 ? -1 : ORGAPP_BAD_PARENT;
	if (a->id == 0) {
		if (db_exec(db, &tab, STMT_INSERT, "ississssssss", a->agent_id,
		    a->name, a->credit_code, a->parent_id, a->nature,
		    a->district, a->medins_code, a->employees, a->chairman,
		    a->contact, a->contact_phone, a->lineage) != 1)
			return -1;
		return db_insert_id(db);
	}
	if (db_txn(db, update_txn, &s) < 0)
		return -1;
	return s.id;
}

struct edit_arg {
	int64_t	 org, agent, id;
};

static int
edit_txn(struct db *db, void *arg)
{
	struct edit_arg *e = arg;
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
	if (db_exec(db, &tab, STMT_EDIT_LINEAGE, "ii", e->id, e->org) < 0) {
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
orgapp_by_state(struct db *db, enum flow_state s)
{
	return db_query(db, &tab, STMT_BY_STATE, "i", (int64_t)s);
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
	int st;

	if ((st = lock_state(db, l->app)) < 0 || !editable(st)) {
		l->rc = 0;
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
 * Returns 1, 0, or -1 on a database error.
 */
static int
parent_ok(struct db *db, int64_t app)
{
	struct org_app a;
	int rc;

	if ((rc = orgapp_get(db, app, &a)) != 1)
		return rc < 0 ? -1 : 0;
	return org_may_parent(db, a.parent_id);
}

struct submit_arg {
	int64_t			 app;
	const struct flow_actor	*by;
	int			 rc;
};

/* 上报: the checks flow.c cannot know, then the transition. */
static int
submit_txn(struct db *db, void *arg)
{
	struct submit_arg *s = arg;
	int found, ok;

	if (lock_state(db, s->app) < 0) {
		s->rc = FLOW_NOT_FOUND;
		return 1;
	}
	if (db_one_int(db, &tab, STMT_PROMISE_OK, &found, "i", s->app) != 1)
		s->rc = OAR_PROMISE;
	else if ((ok = parent_ok(db, s->app)) <= 0)
		s->rc = ok < 0 ? FLOW_ERR_DB : OAR_BAD_PARENT;
	else if (db_one_int(db, &tab, STMT_LICENSES, &found, "i", s->app) <= 0)
		s->rc = OAR_NO_LICENSE;
	else if (db_one_int(db, &tab, STMT_CREDIT_TAKEN, &found, "i", s->app)
	    != 0)
		s->rc = OAR_CREDIT_TAKEN;
	else
		s->rc = flow_apply(db, FLOW_ORG_APP, s->app, FA_SUBMIT, s->by,
		    NULL, NULL);
	if (s->rc == FLOW_OK &&
	    db_exec(db, &tab, STMT_PROMISE_SET, "i", s->app) != 1)
		s->rc = FLOW_ERR_DB;
	return s->rc != FLOW_OK;
}

int
orgapp_submit(struct db *db, int64_t app, const struct flow_actor *by)
{
	struct submit_arg s = { app, by, FLOW_ERR_DB };

	if (db_txn(db, submit_txn, &s) < 0)
		return FLOW_ERR_DB;
	return s.rc;
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

static int
approved(struct db *db, int64_t app)
{
	int ok;

	/* Never a unit under a unit, whatever the application says. */
	if ((ok = parent_ok(db, app)) <= 0)
		return ok < 0 ? FLOW_ERR_DB : OAR_BAD_PARENT;
	if (approve(db, app))
		return FLOW_OK;
	return db_errno(db) == 1062 ? OAR_CREDIT_TAKEN : FLOW_ERR_DB;
}

int
orgapp_decide(struct db *db, int64_t app, enum flow_action action,
    const struct flow_actor *by, const char *reason)
{
	return flow_decide(db, FLOW_ORG_APP, app, action, by, reason, approved);
}

const char *
orgapp_message(int result)
{
	switch (result) {
	case OAR_PROMISE:
		return "请完整阅读承诺书（至少15秒）后再确认上报";
	case OAR_NO_LICENSE:
		return "请先上传工会法人资格证书或营业执照";
	case OAR_BAD_PARENT:
		return "上级工会只能是市总工会或区/产业工会";
	case OAR_CREDIT_TAKEN:
		return "该统一社会信用代码已被其他单位注册或正在审核；"
		    "如需更换代办员，请使用“单位绑定”";
	default:
		return flow_message(result);
	}
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

xmlNodePtr
orgapp_view(struct db *db, const struct org_app *a, xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr n, l, o;

	n = flow_view_item(parent, "app", a->id, a->state);
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
		return NULL;
	l = view_add(n, "lineage-orgs", NULL);
	while (db_next(res) == 1) {
		o = view_add(l, "org", db_col(res, 1));
		view_attr(o, "id", db_col(res, 0));
	}
	db_done(res);
	if (!store_list(db, "org_app", a->id, n) ||
	    !flow_timeline(db, FLOW_ORG_APP, a->id, n))
		return NULL;
	return n;
}
