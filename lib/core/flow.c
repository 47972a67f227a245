/*
 * flow.c -- the one engine that moves business items between states.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flow.h"
#include "flowint.h"
#include "http.h"
#include "message.h"
#include "sms.h"
#include "store.h"
#include "valid.h"
#include "view.h"

enum stmt {
	STMT_CREATE,
	STMT_RETITLE,
	STMT_LOCK,
	STMT_GET_ITEM,
	STMT_GET,
	STMT_SET,
	STMT_STEP_ADD,
	STMT_APART,
	STMT_STEPS,
	STMT__MAX
};

#define ITEM_COLS \
	"SELECT id, item_id, type, state, filer_kind, filer_id," \
	" COALESCE(unit_id, 0), round, title, filer_name," \
	" COALESCE(DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i'), '')" \
	" FROM flow_item"

static int filer_acts(const struct flow_type *, int);


static const char *const sql[STMT__MAX] = {
	[STMT_CREATE] =
	    "INSERT INTO flow_item (type, item_id, state, filer_kind, filer_id,"
	    " filer_name, unit_id, district_id, title, acts)"
	    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?)",
	[STMT_RETITLE] =
	    "UPDATE flow_item SET title = ? WHERE type = ? AND item_id = ?",
	[STMT_LOCK] = ITEM_COLS " WHERE type = ? AND item_id = ? FOR UPDATE",
	[STMT_GET_ITEM] = ITEM_COLS " WHERE type = ? AND item_id = ?",
	[STMT_GET] = ITEM_COLS " WHERE id = ?",
	[STMT_SET] =
	    "UPDATE flow_item SET state = ?, acts = ?, round = ?,"
	    " submitted_at = IF(?, NOW(), submitted_at), updated_at = NOW()"
	    " WHERE id = ?",
	[STMT_STEP_ADD] = FLOW_STEP_ADD,
	/* Whether this person took an `apart` step of this round. */
	/* An earlier level of this round: the same level deciding again
	 * (finance confirming what it returned for the amount) is no
	 * second pair of eyes to keep apart from. */
	[STMT_APART] =
	    "SELECT COUNT(*) FROM flow_step WHERE type = ? AND item_id = ?"
	    " AND round = ? AND apart = 1 AND actor_kind = ? AND actor_id = ?"
	    " AND node <> ?",
	[STMT_STEPS] =
	    "SELECT action, node, actor_name, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'),"
	    " reason, to_state FROM flow_step WHERE type = ? AND item_id = ?"
	    " ORDER BY id",
};

static const struct db_table tab = { DBM_FLOW, sql, STMT__MAX };

static const struct {
	const char	*name;		/* flow_step.action, forms */
	const char	*label;		/* 上报, 通过, 退回, 删除 */
	const char	*decision;	/* the timeline's class */
} actions[FA__MAX] = {
	[FA_SUBMIT] =  { "submit", "上报", "submit" },
	[FA_APPROVE] = { "approve", "通过", "ok" },
	[FA_RETURN] =  { "return", "退回", "return" },
	[FA_CANCEL] =  { "cancel", "删除", "cancel" },
};

#define OFFICE_ROLES	ROLE_ANY

void
flow_actor_of(const struct req *r, struct flow_actor *a)
{
	memset(a, 0, sizeof(*a));
	a->kind = r->sess.kind;
	a->id = r->sess.subject;
	a->roles = r->sess.kind == SESS_OFFICE ? r->sess.roles : 0;
	a->name = r->sess.name;
	a->ip = r->remote_addr;
}

const char *
flow_action_name(enum flow_action a)
{
	return (unsigned)a < FA__MAX ? actions[a].name : "";
}

enum flow_action
flow_action_parse(const char *s)
{
	int a;

	for (a = 0; a < FA__MAX; a++)
		if (s && strcmp(s, actions[a].name) == 0)
			return (enum flow_action)a;
	return FA__MAX;
}

int
flow_state_index(const struct flow_type *type, const char *name)
{
	int i;

	for (i = 0; name && i < type->nstates; i++)
		if (strcmp(type->states[i].name, name) == 0)
			return i;
	return -1;
}

const char *
flow_state_name(const struct flow_item *it)
{
	return it->type->states[it->state].name;
}

const char *
flow_state_label(const struct flow_item *it)
{
	return it->type->states[it->state].label;
}

int
flow_editable(const struct flow_item *it)
{
	/* 草稿 is a type's first state; a return leads back to the filer. */
	return it->state == FLOW_DRAFT ||
	    strcmp(flow_state_name(it), "returned") == 0;
}

/* The office roles (and FLOW_BY_UNIT) that may act in state `s`. */
unsigned
flow_acts_in(const struct flow_type *type, int s)
{
	unsigned acts = 0;
	int i;

	for (i = 0; i < type->ntrans; i++)
		if (type->trans[i].from == s &&
		    !(type->trans[i].who & FLOW_BY_DOMAIN))
			acts |= type->trans[i].who & (OFFICE_ROLES | FLOW_BY_UNIT |
			    (type->trans[i].action == FA_CANCEL ? 0 :
			    FLOW_BY_FILER));
	return acts;
}

unsigned
flow_type_roles(const struct flow_type *type)
{
	unsigned roles = 0;
	int i;

	for (i = 0; i < type->ntrans; i++)
		roles |= type->trans[i].who & OFFICE_ROLES;
	return roles;
}

int
flow_may_see(const struct flow_item *it, unsigned roles)
{
	const struct flow_type *type = it->type;

	if (it->round == 0)		/* a draft is its filer's alone */
		return 0;
	if (roles & ROLE_ADMIN)
		return 1;
	roles &= flow_type_roles(type);
	if (roles & ~type->narrow)
		return 1;
	return (roles & flow_acts_in(type, it->state)) != 0;
}

int
flow_create(struct db *db, const struct flow_type *type, int64_t item_id,
    const struct flow_new *n)
{
	return db_exec(db, &tab, STMT_CREATE, "sisiisiisi", type->name, item_id,
	    type->states[FLOW_DRAFT].name, (int64_t)n->filer_kind, n->filer_id,
	    n->filer_name ? n->filer_name : "", n->unit_id, n->district_id,
	    n->title ? n->title : "", (int64_t)flow_acts_in(type, 0)) == 1;
}

int
flow_retitle(struct db *db, const struct flow_type *type, int64_t item_id,
    const char *title)
{
	return db_exec(db, &tab, STMT_RETITLE, "ssi", title, type->name,
	    item_id) >= 0;
}

/* Fill *it from an ITEM_COLS row; types[] finds the type by name when
 * `type` is NULL.  Returns 1, or 0 for a type or state not known here. */
int
flow_item_from_row(struct db_res *r, const struct flow_type *type,
    const struct flow_type *const *types, struct flow_item *it)
{
	const char *tn = db_col(r, 2);

	memset(it, 0, sizeof(*it));
	for (; type == NULL && types && *types; types++)
		if (tn && strcmp((*types)->name, tn) == 0)
			type = *types;
	if (type == NULL)
		return 0;
	it->type = type;
	it->id = db_int(r, 0);
	it->item_id = db_int(r, 1);
	if ((it->state = flow_state_index(type, db_col(r, 3))) < 0)
		return 0;
	it->filer_kind = (int)db_int(r, 4);
	it->filer_id = db_int(r, 5);
	it->unit_id = db_int(r, 6);
	it->round = db_int(r, 7);
	utf8_copy(it->title, sizeof(it->title), db_col(r, 8) ? db_col(r, 8) : "",
	    SIZE_MAX);
	utf8_copy(it->filer_name, sizeof(it->filer_name), db_col(r, 9) ?
	    db_col(r, 9) : "", SIZE_MAX);
	snprintf(it->submitted_at, sizeof(it->submitted_at), "%s",
	    db_col(r, 10) ? db_col(r, 10) : "");
	return 1;
}

/* Run an ITEM_COLS statement and take its one row: 1 / 0 / -1. */
static int
item_one(struct db_res *r, const struct flow_type *type,
    const struct flow_type *const *types, struct flow_item *it)
{
	int rc;

	if (r == NULL)
		return -1;
	if ((rc = db_next(r)) == 1 && !flow_item_from_row(r, type, types, it))
		rc = 0;
	db_done(r);
	return rc;
}

int
flow_lock(struct db *db, const struct flow_type *type, int64_t item_id,
    struct flow_item *it)
{
	return item_one(db_query(db, &tab, STMT_LOCK, "si", type->name, item_id),
	    type, NULL, it);
}

int
flow_get_item(struct db *db, const struct flow_type *type, int64_t item_id,
    struct flow_item *it)
{
	return item_one(db_query(db, &tab, STMT_GET_ITEM, "si", type->name,
	    item_id), type, NULL, it);
}

int
flow_get(struct db *db, const struct flow_type *const *types, int64_t flow_id,
    struct flow_item *it)
{
	return item_one(db_query(db, &tab, STMT_GET, "i", flow_id), NULL, types,
	    it);
}

/*
 * Whether actor `a` is one the transition's `who` admits for item `it`:
 * 1, 0, or -1 when the unit check failed on the database.
 */
int
flow_may_act(struct db *db, const struct flow_trans *t, const struct flow_item *it,
    const struct flow_actor *a)
{
	const struct flow_hooks *h = it->type->hooks;

	if ((t->who & FLOW_BY_FILER) && a->kind == it->filer_kind &&
	    a->id == it->filer_id)
		return 1;
	if ((t->who & FLOW_BY_UNIT) && a->kind == SESS_AGENT)
		return h && h->unit_agent && it->unit_id > 0 ?
		    h->unit_agent(db, a->id, it->unit_id) : 0;
	return a->kind == SESS_OFFICE && (a->roles & t->who & OFFICE_ROLES);
}

const struct flow_trans *
flow_transition(struct db *db, const struct flow_item *it,
    enum flow_action action, int *err)
{
	const struct flow_type *type = it->type;
	int i, w;

	*err = 0;
	for (i = 0; i < type->ntrans; i++) {
		const struct flow_trans *t = &type->trans[i];

		if (t->from != it->state || t->action != action)
			continue;
		if (t->when == NULL)
			return t;
		if ((w = t->when(db, it)) < 0) {
			*err = 1;
			return NULL;
		}
		if (w)
			return t;
	}
	return NULL;
}

unsigned
flow_actions(struct db *db, const struct flow_item *it,
    const struct flow_actor *a)
{
	unsigned set = 0;
	int i;

	for (i = 0; i < it->type->ntrans; i++)
		if (it->type->trans[i].from == it->state &&
		    !(it->type->trans[i].who & FLOW_BY_DOMAIN) &&
		    flow_may_act(db, &it->type->trans[i], it, a) == 1)
			set |= 1u << it->type->trans[i].action;
	return set;
}

/* Copy `tpl` into out with {type}, {title}, {reason}, {state} and the
 * type's words filled. */
static void
fill(char *out, size_t size, const char *tpl, const struct flow_item *it,
    const char *reason, const char *state, const struct flow_words *w)
{
	const char *keys[4 + FLOW_WORDS] = { "{type}", "{title}", "{reason}",
	    "{state}" };
	const char *vals[4 + FLOW_WORDS] = { it->type->label, it->title,
	    reason ? reason : "", state };
	size_t o = 0, k, n, nkeys = 4;
	int i;

	for (i = 0; i < w->n && i < FLOW_WORDS; i++, nkeys++) {
		keys[nkeys] = w->key[i];
		vals[nkeys] = w->val[i];
	}
	while (*tpl && o + 1 < size) {
		/* Every key begins with '{': look them up only there (a
		 * payout batch fills 30 000 texts). */
		for (k = *tpl == '{' ? 0 : nkeys; k < nkeys; k++)
			if (strncmp(tpl, keys[k], strlen(keys[k])) == 0)
				break;
		if (k == nkeys) {
			out[o++] = *tpl++;
			continue;
		}
		n = strlen(vals[k]);
		if (o + n >= size)
			n = size - o - 1;
		memcpy(out + o, vals[k], n);
		o += n;
		tpl += strlen(keys[k]);
	}
	out[o] = '\0';
	utf8_cut(out, SIZE_MAX, size);	/* a cut placeholder ends on a character */
}


/* The transition's notice to the item's filer, with the type's words. */
void
flow_notice_make(const struct flow_item *it, const struct flow_trans *t,
    const char *reason, const struct flow_words *w, struct notice_out *o)
{
	const struct flow_notice *n = t->notice;
	const char *state = it->type->states[t->to].label;

	fill(o->title, sizeof(o->title), n->title, it, reason, state, w);
	fill(o->body, sizeof(o->body), n->body, it, reason, state, w);
	snprintf(o->link, sizeof(o->link), "%s%lld", it->filer_kind ==
	    SESS_MEMBER && it->type->member_link ? it->type->member_link :
	    it->type->filer_link, (long long)it->item_id);
	o->text[0] = '\0';
	if (n->sms)
		fill(o->text, sizeof(o->text), n->sms, it, reason, state, w);
}

/* Queue the transition's notice to the filer.  1, 0 on a database error. */
static int
notify(struct db *db, const struct flow_item *it, const struct flow_trans *t,
    const char *reason)
{
	const struct flow_hooks *h = it->type->hooks;
	struct flow_words w = { { NULL }, { "" }, 0 };
	struct notice_out o;
	char phone[16] = "";

	if (t->notice == NULL)
		return 1;
	if (h && h->words && !h->words(db, it, &w))
		return 0;
	flow_notice_make(it, t, reason, &w, &o);
	if (!message_send(db, it->filer_kind, it->filer_id, o.title, o.body,
	    o.link))
		return 0;
	if (!SMS_OF(t, it->type))
		return 1;
	if (!h->phone(db, it, phone))
		return 0;
	return phone[0] == '\0' || sms_queue(db, phone, o.text) > 0;
}

/* Segregation of duties: RF_OK, RF_SAME_PERSON or RF_DB. */
static enum refusal
apart(struct db *db, const struct flow_item *it, const struct flow_trans *t,
    const struct flow_actor *a)
{
	int64_t n;
	int found;

	if (!t->apart)
		return RF_OK;
	n = db_one_int(db, &tab, STMT_APART, &found, "siiiis", it->type->name,
	    it->item_id, it->round, (int64_t)a->kind, a->id, t->node);
	if (n < 0)
		return RF_DB;
	return n > 0 ? RF_SAME_PERSON : RF_OK;
}

/* The audit row's detail of a step: "初审 review1 -> review2: reason". */
void
flow_step_detail(const struct flow_type *type, const struct flow_trans *t,
    const char *reason, char *detail, size_t size)
{
	snprintf(detail, size, "%s %s -> %s%s%s", t->node,
	    type->states[t->from].name, type->states[t->to].name,
	    reason ? ": " : "", reason ? reason : "");
	utf8_cut(detail, SIZE_MAX, size);
}

/* Write the new state, the step and the audit row. */
static enum refusal
record(struct db *db, struct flow_item *it, const struct flow_trans *t,
    const struct flow_actor *a, const char *reason)
{
	const struct flow_type *type = it->type;
	char action[40], detail[2200];	/* audit_log cuts it to its column */
	/* A round is one 上报 of what the filer edited; a filer's later step
	 * (the payment of an approved application) stays in its round, so
	 * its reviewers stay apart from what follows. */
	int64_t round = it->round + (t->action == FA_SUBMIT &&
	    flow_editable(it));

	if (db_exec(db, &tab, STMT_SET, "siiii", type->states[t->to].name,
	    (int64_t)flow_acts_in(type, t->to), round, (int64_t)(t->action ==
	    FA_SUBMIT), it->id) != 1 ||
	    db_exec(db, &tab, STMT_STEP_ADD, "siissssiiiss", type->name,
	    it->item_id, round, actions[t->action].name, t->node,
	    type->states[t->from].name, type->states[t->to].name,
	    (int64_t)(t->apart != 0), (int64_t)a->kind, a->id,
	    a->name ? a->name : "", reason) != 1)
		return RF_DB;
	snprintf(action, sizeof(action), "flow.%s", actions[t->action].name);
	flow_step_detail(type, t, reason, detail, sizeof(detail));
	if (!audit_log(db, a->kind, a->id, a->ip, action, type->name,
	    it->item_id, detail))
		return RF_DB;
	it->round = round;
	return RF_OK;
}

enum refusal
flow_apply(struct db *db, const struct flow_type *type, int64_t item_id,
    enum flow_action action, const struct flow_actor *a, const char *reason)
{
	const struct flow_hooks *h = type->hooks;
	const struct flow_trans *t;
	struct flow_item it;
	enum refusal rf;
	int rc, err;

	if ((unsigned)action >= FA__MAX)
		return RF_BAD_STATE;
	if ((rc = flow_lock(db, type, item_id, &it)) <= 0)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	if ((t = flow_transition(db, &it, action, &err)) == NULL)
		return err ? RF_DB : RF_BAD_STATE;
	if ((t->who & FLOW_BY_DOMAIN) && !a->domain)
		return RF_FORBIDDEN;
	if ((rc = flow_may_act(db, t, &it, a)) <= 0)
		return rc < 0 ? RF_DB : RF_FORBIDDEN;
	if (reason && *reason == '\0')
		reason = NULL;
	if (action == FA_RETURN && reason == NULL)
		return RF_NEED_REASON;
	if ((rf = apart(db, &it, t, a)) != RF_OK)
		return rf;
	if (h && h->check && (rf = h->check(db, &it, t)) != RF_OK)
		return rf;
	if ((rf = record(db, &it, t, a, reason)) != RF_OK)
		return rf;
	it.state = t->to;
	if (h && h->done && (rf = h->done(db, &it, t)) != RF_OK)
		return rf;
	return notify(db, &it, t, reason) ? RF_OK : RF_DB;
}

struct step_arg {
	const struct flow_type	*type;
	int64_t			 item_id;
	enum flow_action	 action;
	const struct flow_actor	*actor;
	const char		*reason;
	enum refusal		 rf;
};

static int
step_txn(struct db *db, void *arg)
{
	struct step_arg *s = arg;

	s->rf = flow_apply(db, s->type, s->item_id, s->action, s->actor,
	    s->reason);
	return s->rf != RF_OK;
}

enum refusal
flow_step_once(struct db *db, const struct flow_type *type, int64_t item_id,
    enum flow_action action, const struct flow_actor *actor,
    const char *reason)
{
	struct step_arg s = { type, item_id, action, actor, reason, RF_DB };

	if (db_txn(db, step_txn, &s) < 0)
		return RF_DB;
	return s.rf;
}

struct attach_arg {
	const struct flow_type	*type;
	int64_t			 item_id;
	const struct upload	*u;
	int			 kind;
	const struct flow_actor	*by;
	const char		*why;
	enum refusal		 rf;
};

static int
attach_txn(struct db *db, void *arg)
{
	struct attach_arg *a = arg;
	struct flow_item it;
	char action[40];
	int64_t id;
	int rc;

	a->why = NULL;
	if ((rc = flow_lock(db, a->type, a->item_id, &it)) <= 0) {
		a->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != a->by->kind || it.filer_id != a->by->id) {
		a->rf = RF_NOT_FOUND;
		return 1;
	}
	if (!flow_editable(&it) && !filer_acts(a->type, it.state)) {
		a->rf = RF_SUBMITTED;
		return 1;
	}
	if ((id = store_put(db, a->u, (enum attach_kind)a->kind, a->type->name,
	    a->item_id, a->by->kind, a->by->id, &a->why)) <= 0) {
		a->rf = a->why ? RF_FILE : RF_DB;
		return 1;
	}
	snprintf(action, sizeof(action), "%s.upload", a->type->name);
	a->rf = audit_log(db, a->by->kind, a->by->id, a->by->ip, action,
	    a->type->name, a->item_id, store_kind_name((enum attach_kind)a->kind))
	    ? RF_OK : RF_DB;
	return a->rf != RF_OK;
}

enum refusal
flow_attach(struct db *db, const struct flow_type *type, int64_t item_id,
    const struct upload *u, int kind, const struct flow_actor *by,
    const char **why)
{
	struct attach_arg a = { type, item_id, u, kind, by, NULL, RF_DB };

	if (db_txn(db, attach_txn, &a) < 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	*why = a.why;
	return a.rf;
}

xmlNodePtr
flow_view_state(xmlNodePtr parent, const char *name,
    const struct flow_type *type, int64_t item_id, const char *state)
{
	xmlNodePtr n = view_add(parent, name, NULL);
	int s = flow_state_index(type, state);

	view_attrf(n, "id", "%lld", (long long)item_id);
	view_attr(n, "type", type->name);
	view_attr(n, "type-label", type->label);
	view_attr(n, "state", state ? state : "");
	if (s < 0)
		return n;
	view_attr(n, "state-label", type->states[s].label);
	view_attr(n, "state-seen", type->states[s].seen ? type->states[s].seen :
	    type->states[s].label);
	if (type->states[s].final)
		view_attr(n, "final", "1");
	return n;
}

xmlNodePtr
flow_view_item(xmlNodePtr parent, const char *name, const struct flow_item *it)
{
	xmlNodePtr n = flow_view_state(parent, name, it->type, it->item_id,
	    flow_state_name(it));

	view_attrf(n, "flow", "%lld", (long long)it->id);
	if (flow_editable(it))
		view_attr(n, "editable", "1");
	return n;
}

int
flow_timeline(struct db *db, const struct flow_item *it, xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr tl, s;
	enum flow_action act;
	int to;

	if ((res = db_query(db, &tab, STMT_STEPS, "si", it->type->name,
	    it->item_id)) == NULL)
		return 0;
	tl = view_add(parent, "timeline", NULL);
	while (db_next(res) == 1) {
		if ((act = flow_action_parse(db_col(res, 0))) == FA__MAX)
			continue;
		to = flow_state_index(it->type, db_col(res, 5));
		s = view_add(tl, "step", NULL);
		view_attr(s, "decision", actions[act].decision);
		view_attr(s, "state", to < 0 ? "" : it->type->states[to].label);
		view_add(s, "node", db_col(res, 1));
		view_add(s, "action", actions[act].label);
		view_add(s, "by", db_col(res, 2));
		view_add(s, "at", db_col(res, 3));
		if (db_col(res, 4))
			view_add(s, "reason", db_col(res, 4));
	}
	db_done(res);
	return 1;
}

/* Mark every state reachable from [0] in seen[]. */
static void
reach(const struct flow_type *type, int s, char *seen)
{
	int i;

	if (seen[s])
		return;
	seen[s] = 1;
	for (i = 0; i < type->ntrans; i++)
		if (type->trans[i].from == s)
			reach(type, type->trans[i].to, seen);
}

/* Whether the filer takes a step (other than 删除) from state s. */
static int
filer_acts(const struct flow_type *type, int s)
{
	int i;

	for (i = 0; i < type->ntrans; i++)
		if (type->trans[i].from == s && type->trans[i].action !=
		    FA_CANCEL && (type->trans[i].who & FLOW_BY_FILER))
			return 1;
	return 0;
}

const char *
flow_check_table(const struct flow_type *type)
{
	char seen[64] = { 0 };
	int i, s, out;

	if (type->nstates <= 0 || type->nstates > 64)
		return "a type has 1 to 64 states";
	if (strcmp(type->states[FLOW_DRAFT].name, "draft") != 0)
		return "the first state is not named draft";
	for (i = 0; i < type->ntrans; i++) {
		const struct flow_trans *t = &type->trans[i];

		if (t->from < 0 || t->from >= type->nstates || t->to < 0 ||
		    t->to >= type->nstates)
			return "a transition names a state that does not exist";
		if (type->states[t->from].final)
			return "a transition leaves a final state";
		if (t->action == FA_RETURN && !filer_acts(type, t->to))
			return "a return does not lead back to the filer";
		if ((t->who & OFFICE_ROLES) && (t->action == FA_APPROVE ||
		    t->action == FA_RETURN) && !t->apart)
			return "an office decision is not kept apart";
		if (t->node == NULL || *t->node == '\0')
			return "a transition has no node name";
	}
	reach(type, FLOW_DRAFT, seen);
	for (s = 0; s < type->nstates; s++) {
		if (!seen[s])
			return "a state cannot be reached from 草稿";
		for (i = 0, out = 0; i < type->ntrans; i++)
			out += type->trans[i].from == s;
		if (!type->states[s].final && out == 0)
			return "a state that is not final has no way out";
	}
	return NULL;
}
