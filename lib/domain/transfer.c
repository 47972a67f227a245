/*
 * transfer.c -- 单位绑定 requests and what their approval does.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flows.h"
#include "kind.h"
#include "message.h"
#include "transfer.h"
#include "view.h"
#include "xlsx.h"

enum stmt {
	STMT_CHAIRS,
	STMT_UNIT,
	STMT_OPEN,
	STMT_CREATE,
	STMT_GET,
	STMT_BY_AGENT,
	STMT_LETTERS,
	STMT_PREVIOUS,
	STMT_OLD_CHAIRS,
	STMT_UNBIND,
	STMT_BIND,
	STMT_SET_PREVIOUS,
	STMT__MAX
};

#define FLOW_JOIN \
	" JOIN flow_item f ON f.type = 'transfer' AND f.item_id = t.id"

static const char *const sql[STMT__MAX] = {
	[STMT_CHAIRS] =
	    "SELECT COUNT(*) FROM agent_unit WHERE unit_id = ? AND agent_id = ?"
	    " AND role = 'chairman'",
	/* An approved unit: its name and its 区/产业工会; the filer's name. */
	[STMT_UNIT] =
	    "SELECT o.name, IF(p.level = 'district', p.id, 0),"
	    " (SELECT COALESCE(name, phone) FROM agent WHERE id = ?)"
	    " FROM org o JOIN org p ON p.id = o.parent_id"
	    " WHERE o.id = ? AND o.level = 'unit' AND o.status = 'approved'",
	/* In review for this unit, or this agent's own unfinished one. */
	[STMT_OPEN] =
	    "SELECT COUNT(*) FROM transfer t" FLOW_JOIN " WHERE t.unit_id = ?"
	    " AND (f.state IN ('review1', 'review2') OR (t.agent_id = ?"
	    " AND f.state IN ('draft', 'returned')))",
	[STMT_CREATE] = "INSERT INTO transfer (unit_id, agent_id) VALUES (?, ?)",
	[STMT_GET] =
	    "SELECT t.id, t.unit_id, t.agent_id, o.name,"
	    " COALESCE(a.name, ''), a.phone, COALESCE(t.previous, ''),"
	    " DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i') FROM transfer t"
	    " JOIN org o ON o.id = t.unit_id JOIN agent a ON a.id = t.agent_id"
	    " WHERE t.id = ?",
	[STMT_BY_AGENT] =
	    "SELECT t.id, f.state, o.name, COALESCE(a.name, ''), a.phone,"
	    " DATE_FORMAT(f.updated_at, '%Y-%m-%d %H:%i') FROM transfer t"
	    FLOW_JOIN " JOIN org o ON o.id = t.unit_id"
	    " JOIN agent a ON a.id = t.agent_id"
	    " WHERE t.agent_id = ? AND f.state <> 'cancelled' ORDER BY t.id DESC",
	[STMT_LETTERS] =
	    "SELECT COUNT(*) FROM attachment WHERE owner_type = 'transfer'"
	    " AND owner_id = ? AND kind = 'authorization'",
	[STMT_PREVIOUS] =
	    "SELECT GROUP_CONCAT(CONCAT(COALESCE(a.name, ''), ' ', a.phone)"
	    " SEPARATOR '、') FROM agent_unit au JOIN agent a ON a.id ="
	    " au.agent_id JOIN transfer t ON t.unit_id = au.unit_id"
	    " WHERE t.id = ? AND au.role = 'chairman' AND au.agent_id <> t.agent_id",
	[STMT_OLD_CHAIRS] =
	    "SELECT au.agent_id, o.name FROM agent_unit au JOIN transfer t ON"
	    " t.unit_id = au.unit_id JOIN org o ON o.id = au.unit_id"
	    " WHERE t.id = ? AND au.role = 'chairman'"
	    " AND au.agent_id <> t.agent_id",
	[STMT_UNBIND] =
	    "DELETE au FROM agent_unit au JOIN transfer t ON t.unit_id ="
	    " au.unit_id WHERE t.id = ? AND au.role = 'chairman'"
	    " AND au.agent_id <> t.agent_id",
	[STMT_BIND] =
	    "INSERT INTO agent_unit (agent_id, unit_id, role, perms)"
	    " SELECT agent_id, unit_id, 'chairman', 'mutual_aid' FROM transfer"
	    " WHERE id = ? ON DUPLICATE KEY UPDATE role = 'chairman',"
	    " perms = 'mutual_aid'",
	[STMT_SET_PREVIOUS] = "UPDATE transfer SET previous = ? WHERE id = ?",
};

static const struct db_table tab = { DBM_TRANSFER, sql, STMT__MAX };

/* 单位绑定: the filing agent 上报; 初审 and 复审 by two people. */
enum { T_DRAFT, T_REVIEW1, T_REVIEW2, T_RETURNED, T_APPROVED, T_CANCELLED,
    T__MAX };

static const struct flow_state states[T__MAX] = {
	[T_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[T_REVIEW1] =	{ "review1", "待初审", 0, "市总审核中" },
	[T_REVIEW2] =	{ "review2", "待复审", 0, "市总复审中" },
	[T_RETURNED] =	{ "returned", "已退回", 0, NULL },
	[T_APPROVED] =	{ "approved", "审核通过", 1, NULL },
	[T_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_trans trans[] = {
	{ T_DRAFT,    T_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ T_RETURNED, T_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ T_DRAFT,    T_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ T_RETURNED, T_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ T_REVIEW1,  T_REVIEW2,   FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	{ T_REVIEW1,  T_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_returned },
	{ T_REVIEW2,  T_APPROVED,  FA_APPROVE, ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_agent_approved },
	{ T_REVIEW2,  T_RETURNED,  FA_RETURN,  ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_agent_returned },
};

static enum refusal transfer_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal transfer_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int transfer_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	transfer_check, transfer_done, flow_agent_phone, transfer_body, NULL, NULL, NULL,
};

const struct flow_type transfer_flow = {
	"transfer", "单位绑定", states, T__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/transfer?id=", &hooks, NULL, 0,
};

struct create_arg {
	int64_t			 unit, agent, id;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
create_txn(struct db *db, void *arg)
{
	struct create_arg *c = arg;
	struct flow_new n = { SESS_AGENT, c->agent, NULL, c->unit, 0, NULL };
	struct db_res *r;
	char unit[256], agent[128];
	int found;

	c->rf = RF_DB;
	if ((r = db_query(db, &tab, STMT_UNIT, "ii", c->agent, c->unit)) == NULL)
		return 1;
	if ((found = db_next(r)) == 1) {
		snprintf(unit, sizeof(unit), "%s", db_col(r, 0));
		n.district_id = db_int(r, 1);
		snprintf(agent, sizeof(agent), "%s", db_col(r, 2) ? db_col(r, 2) : "");
	}
	db_done(r);
	if (found != 1) {
		c->rf = found == 0 ? RF_NO_UNIT : RF_DB;
		return 1;
	}
	if (db_one_int(db, &tab, STMT_CHAIRS, &found, "ii", c->unit, c->agent)
	    != 0) {
		c->rf = found ? RF_ALREADY_CHAIR : RF_DB;
		return 1;
	}
	if (db_one_int(db, &tab, STMT_OPEN, &found, "ii", c->unit, c->agent)
	    != 0) {
		c->rf = found ? RF_TRANSFER_OPEN : RF_DB;
		return 1;
	}
	n.filer_name = agent;
	n.title = unit;
	if (db_exec(db, &tab, STMT_CREATE, "ii", c->unit, c->agent) != 1)
		return 1;
	c->id = db_insert_id(db);
	if (!flow_create(db, &transfer_flow, c->id, &n) ||
	    !audit_log(db, c->by->kind, c->by->id, c->by->ip, "transfer.create",
	    "transfer", c->id, unit))
		return 1;
	c->rf = RF_OK;
	return 0;
}

enum refusal
transfer_create(struct db *db, int64_t unit, const struct flow_actor *by,
    int64_t *id)
{
	struct create_arg c = { unit, by->id, 0, by, RF_DB };

	if (db_txn(db, create_txn, &c) < 0)
		return RF_DB;
	*id = c.id;
	return c.rf;
}

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", db_col(r, (i)))

int
transfer_get(struct db *db, int64_t id, struct transfer *t)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(t, 0, sizeof(*t));
		t->id = db_int(r, 0);
		t->unit_id = db_int(r, 1);
		t->agent_id = db_int(r, 2);
		COPY(t->unit_name, 3);
		COPY(t->agent_name, 4);
		COPY(t->agent_phone, 5);
		COPY(t->previous, 6);
		COPY(t->updated_at, 7);
	}
	db_done(r);
	if (rc == 1)
		rc = flow_get_item(db, &transfer_flow, id, &t->flow);
	return rc;
}

struct db_res *
transfer_by_agent(struct db *db, int64_t agent)
{
	return db_query(db, &tab, STMT_BY_AGENT, "i", agent);
}

/* 上报 needs the signed letter. */
static enum refusal
transfer_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	int found;
	int64_t n;

	if (t->action != FA_SUBMIT)
		return RF_OK;
	if ((n = db_one_int(db, &tab, STMT_LETTERS, &found, "i", it->item_id)) < 0)
		return RF_DB;
	return n > 0 ? RF_OK : RF_NO_LETTER;
}

/* Approval: tell and unbind the previous chairman, bind the new agent. */
static enum refusal
transfer_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct db_res *r;
	char text[400];
	int64_t id = it->item_id;
	int ok = 1;

	if (t->to != T_APPROVED)
		return RF_OK;
	if ((r = db_query(db, &tab, STMT_PREVIOUS, "i", id)) == NULL)
		return RF_DB;
	text[0] = '\0';
	if (db_next(r) == 1 && db_col(r, 0))
		snprintf(text, sizeof(text), "%s", db_col(r, 0));
	db_done(r);
	if (db_exec(db, &tab, STMT_SET_PREVIOUS, "si", text, id) < 0 ||
	    (r = db_query(db, &tab, STMT_OLD_CHAIRS, "i", id)) == NULL)
		return RF_DB;
	while (ok && db_next(r) == 1) {
		snprintf(text, sizeof(text), "经市总工会审核，“%s”已由新的经办人"
		    "接管，您与该单位的绑定已解除。", db_col(r, 1));
		ok = message_send(db, SESS_AGENT, db_int(r, 0), "单位绑定变更",
		    text, NULL);
	}
	db_done(r);
	return ok && db_exec(db, &tab, STMT_UNBIND, "i", id) >= 0 &&
	    db_exec(db, &tab, STMT_BIND, "i", id) >= 1 ? RF_OK : RF_DB;
}

/* The review page's body: the unit, the new agent, who holds it now. */
static int
transfer_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct transfer t;

	if (transfer_get(db, it->item_id, &t) != 1)
		return 0;
	view_add(body, "unit", t.unit_name);
	view_add(body, "agent", t.agent_name);
	view_add(body, "phone", t.agent_phone);
	view_add(body, "previous", t.previous);
	return 1;
}

int
transfer_letter(const char *path, const char *tmpdir)
{
	static const struct xlsx_col cols[] = { { "项目", 24 }, { "内容", 60 } };
	static const char *const rows[][2] = {
		{ "单位全称", "" },
		{ "统一社会信用代码", "" },
		{ "原经办人姓名", "" },
		{ "原经办人手机号码", "" },
		{ "新经办人姓名", "" },
		{ "新经办人身份证号码", "" },
		{ "新经办人手机号码", "" },
		{ "更换原因", "" },
		{ "单位意见", "同意由新经办人办理本单位职工互助保障业务。" },
		{ "单位盖章", "" },
		{ "工会主席签字", "" },
		{ "日期", "    年    月    日" },
		{ "说明", "请打印填写，加盖单位（工会）公章后拍照或扫描上传"
		    "（jpg、png 或 pdf）。" },
	};
	struct xlsx_out *x;
	size_t i;

	if ((x = xlsx_out_open_titled(path, tmpdir, "授权书",
	    "职工互助保障单位经办人变更授权书", NULL, cols, 2)) == NULL)
		return 0;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (!xlsx_out_row(x, rows[i], 2)) {
			xlsx_out_close(x);
			return 0;
		}
	return xlsx_out_close(x);
}
