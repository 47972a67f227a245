/*
 * transfer.c -- 单位绑定 requests and what their approval does.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "http.h"
#include "message.h"
#include "transfer.h"
#include "xlsx.h"

enum stmt {
	STMT_CHAIRS,
	STMT_UNIT_OK,
	STMT_OPEN,
	STMT_CREATE,
	STMT_GET,
	STMT_BY_AGENT,
	STMT_BY_STATE,
	STMT_LOCK,
	STMT_LETTERS,
	STMT_PREVIOUS,
	STMT_OLD_CHAIRS,
	STMT_UNBIND,
	STMT_BIND,
	STMT_SET_PREVIOUS,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT t.id, t.state, o.name, COALESCE(a.name, ''), a.phone," \
	" DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i') FROM transfer t" \
	" JOIN org o ON o.id = t.unit_id JOIN agent a ON a.id = t.agent_id"

static const char *const sql[STMT__MAX] = {
	[STMT_CHAIRS] =
	    "SELECT COUNT(*) FROM agent_unit WHERE unit_id = ? AND agent_id = ?"
	    " AND role = 'chairman'",
	[STMT_UNIT_OK] =
	    "SELECT COUNT(*) FROM org WHERE id = ? AND level = 'unit'"
	    " AND status = 'approved'",
	[STMT_OPEN] =
	    "SELECT COUNT(*) FROM transfer WHERE unit_id = ? AND state IN"
	    " (1, 2) OR (unit_id = ? AND agent_id = ? AND state IN (0, 3))",
	[STMT_CREATE] = "INSERT INTO transfer (unit_id, agent_id) VALUES (?, ?)",
	[STMT_GET] =
	    "SELECT t.id, t.unit_id, t.agent_id, t.state, o.name,"
	    " COALESCE(a.name, ''), a.phone, COALESCE(t.previous, ''),"
	    " DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i') FROM transfer t"
	    " JOIN org o ON o.id = t.unit_id JOIN agent a ON a.id = t.agent_id"
	    " WHERE t.id = ?",
	[STMT_BY_AGENT] = LIST_COLS " WHERE t.agent_id = ? AND t.state <> 5"
	    " ORDER BY t.id DESC",
	[STMT_BY_STATE] = LIST_COLS " WHERE t.state = ? ORDER BY t.id",
	[STMT_LOCK] = "SELECT state FROM transfer WHERE id = ? FOR UPDATE",
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

int64_t
transfer_create(struct db *db, int64_t unit, int64_t agent)
{
	int found;

	if (db_one_int(db, &tab, STMT_UNIT_OK, &found, "i", unit) != 1)
		return found ? -TR_NO_UNIT : 0;
	if (db_one_int(db, &tab, STMT_CHAIRS, &found, "ii", unit, agent) != 0)
		return found ? -TR_ALREADY : 0;
	if (db_one_int(db, &tab, STMT_OPEN, &found, "iii", unit, unit, agent)
	    != 0)
		return found ? -TR_OPEN : 0;
	if (db_exec(db, &tab, STMT_CREATE, "ii", unit, agent) != 1)
		return 0;
	return db_insert_id(db);
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
		t->state = (enum flow_state)db_int(r, 3);
		COPY(t->unit_name, 4);
		COPY(t->agent_name, 5);
		COPY(t->agent_phone, 6);
		COPY(t->previous, 7);
		COPY(t->updated_at, 8);
	}
	db_done(r);
	return rc;
}

struct db_res *
transfer_by_agent(struct db *db, int64_t agent)
{
	return db_query(db, &tab, STMT_BY_AGENT, "i", agent);
}

struct db_res *
transfer_by_state(struct db *db, enum flow_state s)
{
	return db_query(db, &tab, STMT_BY_STATE, "i", (int64_t)s);
}

struct submit_arg {
	int64_t			 id;
	const struct flow_actor	*by;
	int			 rc;
};

static int
submit_txn(struct db *db, void *arg)
{
	struct submit_arg *s = arg;
	int found;

	if (db_one_int(db, &tab, STMT_LOCK, &found, "i", s->id) < 0 || !found)
		s->rc = found ? FLOW_ERR_DB : FLOW_NOT_FOUND;
	else if (db_one_int(db, &tab, STMT_LETTERS, &found, "i", s->id) <= 0)
		s->rc = TR_NO_LETTER;
	else
		s->rc = flow_apply(db, FLOW_TRANSFER, s->id, FA_SUBMIT, s->by,
		    NULL, NULL);
	return s->rc != FLOW_OK;
}

int
transfer_submit(struct db *db, int64_t id, const struct flow_actor *by)
{
	struct submit_arg s = { id, by, FLOW_ERR_DB };

	if (db_txn(db, submit_txn, &s) < 0)
		return FLOW_ERR_DB;
	return s.rc;
}

/* Approval: tell and unbind the previous chairman, bind the new agent. */
static int
approve(struct db *db, int64_t id)
{
	struct db_res *r;
	char text[400];
	int ok = 1;

	if ((r = db_query(db, &tab, STMT_PREVIOUS, "i", id)) == NULL)
		return 0;
	text[0] = '\0';
	if (db_next(r) == 1 && db_col(r, 0))
		snprintf(text, sizeof(text), "%s", db_col(r, 0));
	db_done(r);
	if (db_exec(db, &tab, STMT_SET_PREVIOUS, "si", text, id) < 0 ||
	    (r = db_query(db, &tab, STMT_OLD_CHAIRS, "i", id)) == NULL)
		return 0;
	while (ok && db_next(r) == 1) {
		snprintf(text, sizeof(text), "经市总工会审核，“%s”已由新的经办人"
		    "接管，您与该单位的绑定已解除。", db_col(r, 1));
		ok = message_send(db, SESS_AGENT, db_int(r, 0), "单位绑定变更",
		    text, NULL);
	}
	db_done(r);
	return ok && db_exec(db, &tab, STMT_UNBIND, "i", id) >= 0 &&
	    db_exec(db, &tab, STMT_BIND, "i", id) >= 1;
}

static int
approved(struct db *db, int64_t id)
{
	return approve(db, id) ? FLOW_OK : FLOW_ERR_DB;
}

int
transfer_decide(struct db *db, int64_t id, enum flow_action action,
    const struct flow_actor *by, const char *reason)
{
	return flow_decide(db, FLOW_TRANSFER, id, action, by, reason, approved);
}

const char *
transfer_message(int result)
{
	switch (result) {
	case TR_ALREADY:
		return "您已是该单位的经办人（工会主席），无需绑定";
	case TR_OPEN:
		return "该单位已有一条办理中的绑定申请";
	case TR_NO_LETTER:
		return "请先上传填写并盖章的单位绑定授权书";
	case TR_NO_UNIT:
		return "请选择一个已审核通过的单位";
	default:
		return flow_message(result);
	}
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
