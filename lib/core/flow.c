/*
 * flow.c -- the transition tables and the one function that applies them.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flow.h"
#include "http.h"
#include "message.h"
#include "sms.h"
#include "valid.h"
#include "view.h"

#define BY_AGENT	0u	/* `who` of a step the filing agent takes */

struct trans {
	enum flow_state		 from;
	enum flow_action	 action;
	enum flow_state		 to;
	unsigned		 who;	/* BY_AGENT, or any of these roles */
};

/* 单位注册/编辑 and 会籍变更: one review level (SPEC §2: review1). */
static const struct trans one_level[] = {
	{ FS_DRAFT,    FA_SUBMIT,   FS_REVIEW1,  BY_AGENT },
	{ FS_RETURNED, FA_SUBMIT,   FS_REVIEW1,  BY_AGENT },
	{ FS_DRAFT,    FA_CANCEL,   FS_CANCELLED, BY_AGENT },
	{ FS_RETURNED, FA_CANCEL,   FS_CANCELLED, BY_AGENT },
	{ FS_REVIEW1,  FA_APPROVE1, FS_APPROVED, ROLE_REVIEW1 },
	{ FS_REVIEW1,  FA_RETURN1,  FS_RETURNED, ROLE_REVIEW1 },
};

/*
 * 单位绑定 hands a unit's data to another person: two levels, and the
 * second reviewer must not be the first.
 */
static const struct trans two_level[] = {
	{ FS_DRAFT,    FA_SUBMIT,   FS_REVIEW1,  BY_AGENT },
	{ FS_RETURNED, FA_SUBMIT,   FS_REVIEW1,  BY_AGENT },
	{ FS_DRAFT,    FA_CANCEL,   FS_CANCELLED, BY_AGENT },
	{ FS_RETURNED, FA_CANCEL,   FS_CANCELLED, BY_AGENT },
	{ FS_REVIEW1,  FA_APPROVE1, FS_REVIEW2,  ROLE_REVIEW1 },
	{ FS_REVIEW1,  FA_RETURN1,  FS_RETURNED, ROLE_REVIEW1 },
	{ FS_REVIEW2,  FA_APPROVE2, FS_APPROVED, ROLE_REVIEW2 },
	{ FS_REVIEW2,  FA_RETURN2,  FS_RETURNED, ROLE_REVIEW2 },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct flowdef {
	const char		*name;	/* audit object type */
	const char		*label;
	const struct trans	*t;
	size_t			 n;
	const char		*link;	/* the filer's page, id appended */
} defs[FLOW__MAX] = {
	[FLOW_ORG_APP] = { "org_app", "单位信息", one_level, N(one_level),
	    "/u/org/app?id=" },
	[FLOW_TRANSFER] = { "transfer", "单位绑定", two_level, N(two_level),
	    "/u/transfer?id=" },
	[FLOW_MEMBERSHIP] = { "membership_change", "会籍变更", one_level,
	    N(one_level), "/u/roster/move?id=" },
};

static const char *const state_labels[FS__MAX] = {
	[FS_DRAFT] = "草稿",
	[FS_REVIEW1] = "市总审核中",
	[FS_REVIEW2] = "市总复审中",
	[FS_RETURNED] = "退回",
	[FS_APPROVED] = "审核通过",
	[FS_CANCELLED] = "已删除",
};

static const struct {
	const char	*label;	/* the timeline's node */
	const char	*decision;
} actions[FA__MAX] = {
	[FA_SUBMIT] =   { "上报", "submit" },
	[FA_APPROVE1] = { "初审", "ok" },
	[FA_RETURN1] =  { "初审", "return" },
	[FA_APPROVE2] = { "复审", "ok" },
	[FA_RETURN2] =  { "复审", "return" },
	[FA_CANCEL] =   { "删除", "cancel" },
};

/*
 * Statements: per type, at 3 * type + STMT_LOCK etc., the row lock (state,
 * filing agent), the state update and the words for the notice (title,
 * agent's phone); then the shared ones.
 */
enum { STMT_LOCK, STMT_SET, STMT_INFO };
enum {
	STMT_STEP_ADD = 3 * FLOW__MAX,
	STMT_STEP_ACTOR,
	STMT_STEPS,
	STMT__MAX
};

#define LOCK(table) \
	"SELECT state, agent_id FROM " table " WHERE id = ? FOR UPDATE"
#define SET(table) \
	"UPDATE " table " SET state = ?, updated_at = NOW() WHERE id = ?"
#define INFO(table, title) \
	"SELECT " title ", a.phone FROM " table " x" \
	" JOIN agent a ON a.id = x.agent_id WHERE x.id = ?"

static const char *const sql[STMT__MAX] = {
	[3 * FLOW_ORG_APP + STMT_LOCK] = LOCK("org_app"),
	[3 * FLOW_ORG_APP + STMT_SET] = SET("org_app"),
	[3 * FLOW_ORG_APP + STMT_INFO] = INFO("org_app", "x.name"),
	[3 * FLOW_TRANSFER + STMT_LOCK] = LOCK("transfer"),
	[3 * FLOW_TRANSFER + STMT_SET] = SET("transfer"),
	[3 * FLOW_TRANSFER + STMT_INFO] = INFO("transfer",
	    "(SELECT name FROM org WHERE id = x.unit_id)"),
	[3 * FLOW_MEMBERSHIP + STMT_LOCK] = LOCK("membership_change"),
	[3 * FLOW_MEMBERSHIP + STMT_SET] = SET("membership_change"),
	[3 * FLOW_MEMBERSHIP + STMT_INFO] = INFO("membership_change",
	    "(SELECT name FROM member WHERE id = x.member_id)"),
	[STMT_STEP_ADD] =
	    "INSERT INTO flow_step (flow, item_id, action, from_state,"
	    " to_state, actor_kind, actor_id, actor_name, reason)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* Who took `action` last: in review 2 that is this round's 初审. */
	[STMT_STEP_ACTOR] =
	    "SELECT actor_id FROM flow_step WHERE flow = ? AND item_id = ?"
	    " AND action = ? ORDER BY id DESC LIMIT 1",
	[STMT_STEPS] =
	    "SELECT action, actor_name, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'),"
	    " reason, to_state FROM flow_step WHERE flow = ? AND item_id = ?"
	    " ORDER BY id",
};

static const struct db_table tab = { DBM_FLOW, sql, STMT__MAX };

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
flow_state_label(enum flow_state s)
{
	return (unsigned)s < FS__MAX ? state_labels[s] : "";
}

const char *
flow_action_label(enum flow_action a)
{
	static const char *const full[FA__MAX] = {
		[FA_SUBMIT] = "上报", [FA_APPROVE1] = "初审通过",
		[FA_RETURN1] = "初审退回", [FA_APPROVE2] = "复审通过",
		[FA_RETURN2] = "复审退回", [FA_CANCEL] = "删除",
	};
	return (unsigned)a < FA__MAX ? full[a] : "";
}

const char *
flow_type_label(enum flow_type t)
{
	return (unsigned)t < FLOW__MAX ? defs[t].label : "";
}

const char *
flow_message(int result)
{
	switch (result) {
	case FLOW_OK:
		return "操作成功";
	case FLOW_NOT_FOUND:
		return "未找到该办件";
	case FLOW_BAD_STATE:
		return "该办件当前状态不能进行此操作，可能已被他人处理，请刷新后查看";
	case FLOW_FORBIDDEN:
		return "您没有权限进行此操作";
	case FLOW_SAME_PERSON:
		return "同一办件的初审和复审不能由同一人办理";
	case FLOW_NEED_REASON:
		return "退回时请填写退回原因";
	default:
		return "系统繁忙，请稍后再试";
	}
}

int
flow_can(enum flow_type type, enum flow_state s, unsigned roles)
{
	size_t i;

	if ((unsigned)type >= FLOW__MAX)
		return 0;
	for (i = 0; i < defs[type].n; i++)
		if (defs[type].t[i].from == s && (defs[type].t[i].who & roles))
			return 1;
	return 0;
}

static const struct trans *
trans_find(const struct flowdef *d, enum flow_state from,
    enum flow_action action)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->t[i].from == from && d->t[i].action == action)
			return &d->t[i];
	return NULL;
}

/*
 * Segregation of duties: a second-level step may not be taken by whoever
 * took the first-level approval of this round.  Returns 1 when allowed,
 * 0 when not, -1 on error.
 */
static int
duties_apart(struct db *db, enum flow_type type, int64_t id,
    enum flow_action action, const struct flow_actor *a)
{
	int64_t first;
	int found;

	if (action != FA_APPROVE2 && action != FA_RETURN2)
		return 1;
	first = db_one_int(db, &tab, STMT_STEP_ACTOR, &found, "iii",
	    (int64_t)type, id, (int64_t)FA_APPROVE1);
	if (first < 0 && !found)
		return -1;
	return !(found && first == a->id);
}

/*
 * Tell the filing agent about a decision: station message and SMS, queued
 * in the caller's transaction.  Returns 1, 0 on a database error.
 */
static int
flow_notify(struct db *db, enum flow_type type, int64_t id,
    enum flow_state to, int64_t agent, const char *reason)
{
	const struct flowdef *d = &defs[type];
	struct db_res *res;
	char link[64], head[800], body[4000], sms[1000];
	char title[4 * 120 + 1] = "", phone[16] = "";

	if (to != FS_APPROVED && to != FS_RETURNED)
		return 1;
	if ((res = db_query(db, &tab, 3 * type + STMT_INFO, "i", id)) == NULL)
		return 0;
	if (db_next(res) == 1) {
		utf8_copy(title, sizeof(title), db_col(res, 0), SIZE_MAX);
		snprintf(phone, sizeof(phone), "%s",
		    db_col(res, 1) ? db_col(res, 1) : "");
	}
	db_done(res);
	snprintf(link, sizeof(link), "%s%lld", d->link, (long long)id);
	snprintf(head, sizeof(head), "%s申请%s：%s", d->label,
	    to == FS_APPROVED ? "已审核通过" : "被退回", title);
	if (to == FS_APPROVED)
		snprintf(body, sizeof(body), "您提交的%s申请（%s）已审核通过。",
		    d->label, title);
	else
		snprintf(body, sizeof(body), "您提交的%s申请（%s）被退回，"
		    "原因：%s。请修改后重新上报。", d->label, title,
		    reason ? reason : "");
	/* The columns: message.title 120, message.body 1000, sms body 500. */
	utf8_cut(head, 120, sizeof(head));
	utf8_cut(body, 1000, sizeof(body));
	if (!message_send(db, SESS_AGENT, agent, head, body, link))
		return 0;
	snprintf(sms, sizeof(sms), "您提交的%s申请（%s）%s，请登录单位经办"
	    "平台查看。", d->label, title,
	    to == FS_APPROVED ? "已审核通过" : "被退回");
	utf8_cut(sms, 500, sizeof(sms));
	return *phone == '\0' || sms_queue(db, phone, sms) > 0;
}

int
flow_apply(struct db *db, enum flow_type type, int64_t id,
    enum flow_action action, const struct flow_actor *a, const char *reason,
    enum flow_state *to)
{
	const struct flowdef *d;
	const struct trans *t;
	struct db_res *res;
	enum flow_state from;
	int64_t agent;
	char detail[2400];	/* two labels and a reason of 500 characters */
	int rc;

	if ((unsigned)type >= FLOW__MAX || (unsigned)action >= FA__MAX)
		return FLOW_BAD_STATE;
	d = &defs[type];
	if ((res = db_query(db, &tab, 3 * type + STMT_LOCK, "i", id)) == NULL)
		return FLOW_ERR_DB;
	if ((rc = db_next(res)) != 1) {
		db_done(res);
		return rc == 0 ? FLOW_NOT_FOUND : FLOW_ERR_DB;
	}
	from = (enum flow_state)db_int(res, 0);
	agent = db_int(res, 1);
	db_done(res);

	if ((t = trans_find(d, from, action)) == NULL)
		return FLOW_BAD_STATE;
	if (t->who == BY_AGENT ?
	    (a->kind != SESS_AGENT || a->id != agent) :
	    (a->kind != SESS_OFFICE || (a->roles & t->who) == 0))
		return FLOW_FORBIDDEN;
	if ((action == FA_RETURN1 || action == FA_RETURN2) &&
	    (reason == NULL || *reason == '\0'))
		return FLOW_NEED_REASON;
	if ((rc = duties_apart(db, type, id, action, a)) <= 0)
		return rc < 0 ? FLOW_ERR_DB : FLOW_SAME_PERSON;

	if (db_exec(db, &tab, 3 * type + STMT_SET, "ii", (int64_t)t->to, id)
	    != 1 ||
	    db_exec(db, &tab, STMT_STEP_ADD, "iiiiiiiss", (int64_t)type, id,
	    (int64_t)action, (int64_t)from, (int64_t)t->to, (int64_t)a->kind,
	    a->id, a->name ? a->name : "", reason) != 1)
		return FLOW_ERR_DB;
	snprintf(detail, sizeof(detail), "%s -> %s%s%s", state_labels[from],
	    state_labels[t->to], reason ? ": " : "", reason ? reason : "");
	if (!audit_log(db, a->kind, a->id, a->ip, flow_action_label(action),
	    d->name, id, detail) ||
	    !flow_notify(db, type, id, t->to, agent, reason))
		return FLOW_ERR_DB;
	if (to)
		*to = t->to;
	return FLOW_OK;
}

struct decide_arg {
	enum flow_type		 type;
	int64_t			 id;
	enum flow_action	 action;
	const struct flow_actor	*actor;
	const char		*reason;
	int			(*approved)(struct db *, int64_t);
	int			 rc;
};

static int
decide_txn(struct db *db, void *arg)
{
	struct decide_arg *d = arg;
	enum flow_state to;

	d->rc = flow_apply(db, d->type, d->id, d->action, d->actor, d->reason,
	    &to);
	if (d->rc == FLOW_OK && to == FS_APPROVED && d->approved)
		d->rc = d->approved(db, d->id);
	return d->rc != FLOW_OK;
}

int
flow_decide(struct db *db, enum flow_type type, int64_t id,
    enum flow_action action, const struct flow_actor *actor,
    const char *reason, int (*approved)(struct db *, int64_t))
{
	struct decide_arg d = { type, id, action, actor, reason, approved,
	    FLOW_ERR_DB };

	if (action == FA_SUBMIT)
		return FLOW_FORBIDDEN;	/* 上报 has checks of its own */
	if (db_txn(db, decide_txn, &d) < 0)
		return FLOW_ERR_DB;
	return d.rc;
}

xmlNodePtr
flow_view_item(xmlNodePtr parent, const char *name, int64_t id,
    enum flow_state s)
{
	xmlNodePtr n = view_add(parent, name, NULL);

	view_attrf(n, "id", "%lld", (long long)id);
	view_attrf(n, "state", "%d", s);
	view_attr(n, "state-label", flow_state_label(s));
	return n;
}

int
flow_timeline(struct db *db, enum flow_type type, int64_t id,
    xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr tl, s;
	int64_t act;

	if ((res = db_query(db, &tab, STMT_STEPS, "ii", (int64_t)type, id))
	    == NULL)
		return 0;
	tl = view_add(parent, "timeline", NULL);
	while (db_next(res) == 1) {
		act = db_int(res, 0);
		if (act < 0 || act >= FA__MAX)
			continue;
		s = view_add(tl, "step", NULL);
		view_attr(s, "decision", actions[act].decision);
		view_attr(s, "state", flow_state_label(
		    (enum flow_state)db_int(res, 4)));
		view_add(s, "node", actions[act].label);
		view_add(s, "action", flow_action_label((enum flow_action)act));
		view_add(s, "by", db_col(res, 1));
		view_add(s, "at", db_col(res, 2));
		if (db_col(res, 3))
			view_add(s, "reason", db_col(res, 3));
	}
	db_done(res);
	return 1;
}
