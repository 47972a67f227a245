/*
 * appeal.c -- 申诉 (appeal.h): filing, the review page's body, and what
 * its approval does.
 */
#include <stdio.h>
#include <string.h>

#include "agent.h"
#include "appeal.h"
#include "audit.h"
#include "db.h"
#include "flows.h"
#include "http_parse.h"
#include "kind.h"
#include "mask.h"
#include "recover.h"
#include "sms.h"
#include "store.h"
#include "view.h"

enum stmt {
	STMT_OPEN,
	STMT_CREATE,
	STMT_GET,
	STMT_UNITS,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_OPEN] =
	    "SELECT COUNT(*) FROM flow_item WHERE type = 'appeal'"
	    " AND filer_kind = ? AND filer_id = ? AND state = 'review1'",
	[STMT_CREATE] =
	    "INSERT INTO agent_appeal (agent_id, name, id_number, new_phone,"
	    " reason, ip) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_GET] =
	    "SELECT p.agent_id, p.name, p.id_number, COALESCE(p.new_phone, ''),"
	    " p.reason, DATE_FORMAT(p.created_at, '%Y-%m-%d %H:%i'), a.phone,"
	    " COALESCE(a.name, ''), COALESCE(a.id_number, ''),"
	    " DATE_FORMAT(a.created_at, '%Y-%m-%d'), a.disabled,"
	    " COALESCE(a.email, '') FROM agent_appeal p"
	    " JOIN agent a ON a.id = p.agent_id WHERE p.id = ?",
	[STMT_UNITS] =
	    "SELECT o.name, IF(au.role = 'chairman', '主经办人', '经办人')"
	    " FROM agent_unit au JOIN org o ON o.id = au.unit_id"
	    " WHERE au.agent_id = ? ORDER BY o.name",
};

static const struct db_table tab = { DBM_APPEAL, sql, STMT__MAX };

/* 申诉: filed and 上报 at once; review1 decides. */
enum { P_DRAFT, P_REVIEW1, P_RETURNED, P_APPROVED, P_CANCELLED, P__MAX };

static const struct flow_state states[P__MAX] = {
	[P_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[P_REVIEW1] =	{ "review1", "待审核", 0, "市总审核中" },
	[P_RETURNED] =	{ "returned", "未通过", 0, NULL },
	[P_APPROVED] =	{ "approved", "审核通过", 1, NULL },
	[P_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_notice notice_returned = {
	"账号申诉未通过",
	"您提交的单位经办人账号申诉未通过审核，原因：{reason}。"
	"如有疑问请联系上级工会，或重新提交申诉。",
	"您提交的单位经办人账号申诉未通过审核，原因：{reason}。"
	"如有疑问请联系上级工会，或重新提交申诉。",
};

/* The filer's steps are this module's alone (no button anywhere). */
#define FILER	(FLOW_BY_FILER | FLOW_BY_DOMAIN)

static const struct flow_trans trans[] = {
	{ P_DRAFT,    P_REVIEW1,   FA_SUBMIT,  FILER, "提交申诉", 0, NULL, NULL },
	{ P_RETURNED, P_REVIEW1,   FA_SUBMIT,  FILER, "提交申诉", 0, NULL, NULL },
	{ P_DRAFT,    P_CANCELLED, FA_CANCEL,  FILER, "删除", 0, NULL, NULL },
	{ P_RETURNED, P_CANCELLED, FA_CANCEL,  FILER, "删除", 0, NULL, NULL },
	{ P_REVIEW1,  P_APPROVED,  FA_APPROVE, ROLE_REVIEW1, "审核", 1, NULL, NULL },
	{ P_REVIEW1,  P_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "审核", 1, NULL,
	    &notice_returned },
};

static enum refusal appeal_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int appeal_phone(struct db *, const struct flow_item *, char[16]);
static int appeal_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	NULL, appeal_done, appeal_phone, appeal_body, NULL, NULL, NULL,
};

/* A returned appeal in the agent's 我的办件 leads to a new one. */
const struct flow_type appeal_flow = {
	"appeal", "账号申诉", states, P__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/appeal?id=", &hooks, NULL, 0,
};

struct appeal_row {
	int64_t	 agent;
	char	 name[128], id_number[40], new_phone[12], reason[2048];
	char	 filed[20], phone[12], agent_name[128], agent_id[40];
	char	 since[12], email[128];
	int	 disabled;
};

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", db_col(r, (i)))

/* The appeal and its account.  1, 0 if none, -1 on a database error. */
static int
appeal_row(struct db *db, int64_t id, struct appeal_row *p)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		p->agent = db_int(r, 0);
		COPY(p->name, 1);
		COPY(p->id_number, 2);
		COPY(p->new_phone, 3);
		COPY(p->reason, 4);
		COPY(p->filed, 5);
		COPY(p->phone, 6);
		COPY(p->agent_name, 7);
		COPY(p->agent_id, 8);
		COPY(p->since, 9);
		p->disabled = (int)db_int(r, 10);
		COPY(p->email, 11);
	}
	db_done(r);
	return rc;
}

/* 1 when the upload's bytes are a JPEG or PNG picture. */
static int
is_photo(const struct upload *u)
{
	enum file_type ft;

	if (u == NULL || u->size == 0)
		return 0;
	ft = store_sniff(u->path);
	return ft == FT_JPG || ft == FT_PNG;
}

struct file_arg {
	const struct appeal_ask	*a;
	struct agent		 ag;
	int64_t			 id;
	const char		*why;
	enum refusal		 rf;
};

static int
file_txn(struct db *db, void *arg)
{
	struct file_arg *f = arg;
	const struct appeal_ask *a = f->a;
	char title[200], masked[64];
	struct flow_new n = { SESS_AGENT, f->ag.id, a->name, 0, 0, title };
	struct flow_actor by = { SESS_AGENT, f->ag.id, 0, a->name, a->ip, 1 };
	int found;

	f->rf = RF_DB;
	if (db_one_int(db, &tab, STMT_OPEN, &found, "ii", (int64_t)SESS_AGENT,
	    f->ag.id) != 0) {
		if (found)
			f->rf = RF_APPEAL_OPEN;
		return 1;
	}
	snprintf(title, sizeof(title), "%s %s", a->name,
	    mask_phone(f->ag.phone, masked));
	if (db_exec(db, &tab, STMT_CREATE, "isssss", f->ag.id, a->name,
	    a->id_number, *a->new_phone ? a->new_phone : NULL, a->reason,
	    a->ip) != 1)
		return 1;
	f->id = db_insert_id(db);
	if (!flow_create(db, &appeal_flow, f->id, &n))
		return 1;
	f->why = NULL;
	if (store_put(db, a->front, AK_ID_FRONT, "appeal", f->id, SESS_AGENT,
	    f->ag.id, &f->why) == 0 ||
	    store_put(db, a->back, AK_ID_BACK, "appeal", f->id, SESS_AGENT,
	    f->ag.id, &f->why) == 0) {
		if (f->why)
			f->rf = RF_FILE;
		return 1;
	}
	if ((f->rf = flow_apply(db, &appeal_flow, f->id, FA_SUBMIT, &by, NULL))
	    != RF_OK)
		return 1;
	f->rf = RF_DB;
	if (!audit_log(db, SESS_AGENT, f->ag.id, a->ip, "appeal.file", "appeal",
	    f->id, *a->new_phone ? a->new_phone : NULL))
		return 1;
	f->rf = RF_OK;
	return 0;
}

enum refusal
appeal_file(struct db *db, const struct appeal_ask *a, int64_t *id,
    const char **why)
{
	struct file_arg f = { a, { 0 }, 0, NULL, RF_DB };
	struct agent other;
	int rc;

	*why = NULL;
	if ((rc = agent_by_phone(db, a->phone, &f.ag)) < 0)
		return RF_DB;
	/* All three must be the account's: the name and ID number were
	 * given at its first sign-in. */
	if (rc == 0 || strcmp(f.ag.name, a->name) != 0 ||
	    strcmp(f.ag.id_number, a->id_number) != 0)
		return RF_APPEAL_UNKNOWN;
	if (*a->new_phone && strcmp(a->new_phone, a->phone) != 0) {
		if ((rc = agent_by_phone(db, a->new_phone, &other)) < 0)
			return RF_DB;
		if (rc == 1)
			return RF_APPEAL_PHONE_TAKEN;
	}
	if (!is_photo(a->front) || !is_photo(a->back))
		return RF_APPEAL_PHOTO;
	if (db_txn(db, file_txn, &f) < 0)
		return RF_DB;
	*why = f.why;
	*id = f.id;
	return f.rf;
}

/* Approval: the link to set a password, by SMS to the phone they have. */
static enum refusal
appeal_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct appeal_row p;
	char token[65], url[300], text[700];
	const char *to;

	if (t->to != P_APPROVED)
		return RF_OK;
	if (appeal_row(db, it->item_id, &p) != 1)
		return RF_DB;
	to = *p.new_phone ? p.new_phone : p.phone;
	if (!recover_link_new(db, p.agent, "appeal",
	    *p.new_phone ? p.new_phone : NULL, RECOVER_APPEAL_HOURS * 60, "",
	    token))
		return RF_DB;
	recover_url("/u/appeal/reset", token, url, sizeof(url));
	snprintf(text, sizeof(text), "您的单位经办人账号申诉已审核通过，请在%d小时内"
	    "打开链接设置新密码（仅可使用一次）：%s", RECOVER_APPEAL_HOURS, url);
	return sms_queue(db, to, text) > 0 ? RF_OK : RF_DB;
}

/* Notices go to the new phone when the old one is lost. */
static int
appeal_phone(struct db *db, const struct flow_item *it, char phone[16])
{
	struct appeal_row p;

	phone[0] = '\0';
	if (appeal_row(db, it->item_id, &p) < 0)
		return 0;
	snprintf(phone, 16, "%s", *p.new_phone ? p.new_phone : p.phone);
	return 1;
}

/* The review page's body: what was asked, and the account's record. */
static int
appeal_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct appeal_row p;
	char m1[64], m2[64];
	xmlNodePtr n, units;
	struct db_res *r;

	if (appeal_row(db, it->item_id, &p) != 1)
		return 0;
	n = view_add(body, "asked", NULL);
	view_attr(n, "name", p.name);
	view_attr(n, "id_number", mask_id(p.id_number, m1));
	view_attr(n, "phone", mask_phone(p.phone, m2));
	view_attr(n, "new_phone", p.new_phone);
	view_attr(n, "filed", p.filed);
	view_add(n, "reason", p.reason);
	n = view_add(body, "account", NULL);
	view_attr(n, "name", p.agent_name);
	view_attr(n, "id_number", mask_id(p.agent_id, m1));
	view_attr(n, "phone", mask_phone(p.phone, m2));
	view_attr(n, "since", p.since);
	view_attr(n, "email", *p.email ? "有" : "无");
	view_attr(n, "disabled", p.disabled ? "1" : "0");
	view_attr(n, "matches", strcmp(p.name, p.agent_name) == 0 &&
	    strcmp(p.id_number, p.agent_id) == 0 ? "1" : "0");
	units = view_add(n, "units", NULL);
	if ((r = db_query(db, &tab, STMT_UNITS, "i", p.agent)) == NULL)
		return 0;
	while (db_next(r) == 1) {
		xmlNodePtr u = view_add(units, "unit", db_col(r, 0));

		view_attr(u, "role", db_col(r, 1));
	}
	db_done(r);
	return 1;
}
