/*
 * enroll.c -- 参保申请: the application, its list of persons, the
 * eligibility check on 上报, the payment and the coverage it makes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "clock.h"
#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "flows.h"
#include "kind.h"
#include "log.h"
#include "mask.h"
#include "money.h"
#include "plan.h"
#include "renewal.h"
#include "sms.h"
#include "store.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"
#include "xlsxread.h"

const char *const enroll_kind_names[EK__MAX] = {
	[EK_MAIN] = "main", [EK_EARLY] = "early", [EK_SUPPLEMENT] = "supplement",
};
const char *const enroll_kind_labels[EK__MAX] = {
	[EK_MAIN] = "主保期参保", [EK_EARLY] = "提前续保",
	[EK_SUPPLEMENT] = "补充追加",
};

enum stmt {
	STMT_SEQ,
	STMT_LAST_ID,
	STMT_UNIT,
	STMT_UNIT_END,
	STMT_CREATE,
	STMT_GET,
	STMT_TERMS_SET,
	STMT_ACCOUNT_ADD,
	STMT_ACCOUNT_DEL,
	STMT_ACCOUNTS,
	STMT_PICK_ONE,
	STMT_PICK_NEW,
	STMT_IMPORT_ROW,
	STMT_UNLIST,
	STMT_UNLIST_BAD,
	STMT_EL_RESET,
	STMT_EL_UNKNOWN,
	STMT_EL_MARK,
	STMT_EL_NOT_ROSTER,
	STMT_EL_OTHER_UNIT,
	STMT_EL_NAME,
	STMT_EL_GENDER,
	STMT_EL_COVERED,
	STMT_EL_AGE,
	STMT_EL_WAIT,
	STMT_EL_COUNT,
	STMT_FIX,
	STMT_PAY,
	STMT_FILES,
	STMT_DUE_DATE,
	STMT_LOCK_MEMBERS,
	STMT_CLASH,
	STMT_COVER,
	STMT_PHONES,
	STMT_MEMBERS,
	STMT_MEMBERS_COUNT,
	STMT_ROSTER,
	STMT_ROSTER_COUNT,
	STMT_LIST,
	STMT_LIST_COUNT,
	STMT_ROWS,
	STMT__MAX
};

#define FLOW_JOIN \
	" JOIN flow_item f ON f.type = 'enroll' AND f.item_id = e.id"
#define YMD(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d'), '')"

/* Whether coverage c (of member m) overlaps application e's period. */
#define OVERLAP(m) \
	"c.member_id = " m " AND c.plan_id = e.plan_id" \
	" AND c.starts <= e.period_end AND c.ends >= e.period_start"

/* The roster of the application's unit with each person's standing. */
#define ROSTER_OF \
	"SELECT m.id, m.name, m.id_type, m.id_number, m.gender," \
	" " YMD("m.birth_date") ", m.phone," \
	" EXISTS (SELECT 1 FROM enroll_member em WHERE em.enroll_id = e.id" \
	" AND em.id_type = m.id_type AND em.id_number = m.id_number) listed," \
	" EXISTS (SELECT 1 FROM coverage c WHERE " OVERLAP("m.id") ") covered" \
	" FROM enroll e JOIN member m ON m.unit_id = e.unit_id" \
	" WHERE e.id = ? AND (? = '' OR m.name LIKE ? OR m.id_number = ?)"
#define ROSTER_STATUS \
	" WHERE ? = '' OR (? = 'new' AND NOT t.listed AND NOT t.covered)" \
	" OR (? = 'listed' AND t.listed) OR (? = 'covered' AND t.covered)"

#define MEMBERS_OF \
	" FROM enroll_member em LEFT JOIN member m ON m.id = em.member_id" \
	" WHERE em.enroll_id = ? AND (? = 0 OR em.problem IS NOT NULL)" \
	" AND (? = '' OR em.name LIKE ? OR em.id_number = ?)"

static const char *const sql[STMT__MAX] = {
	/* CB<YYYYMM><NNNN>: the month's counter row, locked until COMMIT. */
	[STMT_SEQ] =
	    "INSERT INTO enroll_seq (month, last) VALUES (?, LAST_INSERT_ID(1))"
	    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
	[STMT_LAST_ID] = "SELECT LAST_INSERT_ID()",
	[STMT_UNIT] =
	    "SELECT o.name, IF(p.level = 'district', p.id, 0),"
	    " (SELECT COALESCE(name, phone) FROM agent WHERE id = ?)"
	    " FROM org o LEFT JOIN org p ON p.id = o.parent_id"
	    " WHERE o.id = ? AND o.level = 'unit' AND o.status = 'approved'",
	/* The end of the unit's latest coverage of a plan ("" if none). */
	[STMT_UNIT_END] =
	    "SELECT " YMD("MAX(ends)") " FROM coverage"
	    " WHERE unit_id = ? AND plan_id = ?",
	[STMT_CREATE] =
	    "INSERT INTO enroll (no, kind, unit_id, agent_id, plan_id,"
	    " version_id, period_start, period_end, premium)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_GET] =
	    "SELECT e.id, e.no, e.kind, e.unit_id, e.agent_id, e.plan_id,"
	    " e.version_id, o.name, v.name, COALESCE(a.name, ''), a.phone,"
	    " " YMD("e.period_start") ", " YMD("e.period_end") ", e.premium,"
	    " (SELECT COUNT(*) FROM enroll_member WHERE enroll_id = e.id),"
	    " e.due, COALESCE(e.paid, -1), " YMD("e.paid_on") ","
	    " " YMD("e.due_date") ", COALESCE(e.chairman, o.chairman, ''),"
	    " COALESCE(e.contact, o.contact, ''),"
	    " COALESCE(e.contact_phone, o.contact_phone, ''),"
	    " COALESCE(e.nature, o.nature, ''),"
	    " COALESCE(e.employees, o.employees, 0),"
	    " (SELECT COUNT(*) FROM enroll_member WHERE enroll_id = e.id"
	    " AND problem IS NOT NULL)"
	    " FROM enroll e JOIN org o ON o.id = e.unit_id"
	    " JOIN plan_version v ON v.id = e.version_id"
	    " JOIN agent a ON a.id = e.agent_id WHERE e.id = ?",
	[STMT_TERMS_SET] =
	    "UPDATE enroll SET kind = ?, plan_id = ?, version_id = ?,"
	    " period_start = ?, period_end = ?, premium = ? WHERE id = ?",
	[STMT_ACCOUNT_ADD] =
	    "INSERT INTO enroll_account (enroll_id, holder, bank, account)"
	    " VALUES (?, ?, ?, ?)",
	[STMT_ACCOUNT_DEL] =
	    "DELETE FROM enroll_account WHERE enroll_id = ? AND id = ?",
	[STMT_ACCOUNTS] =
	    "SELECT id, holder, bank, account FROM enroll_account"
	    " WHERE enroll_id = ? ORDER BY id",
	[STMT_PICK_ONE] =
	    "INSERT IGNORE INTO enroll_member (enroll_id, id_type, id_number,"
	    " name, member_id, phone, bank_card, bank_name)"
	    " SELECT e.id, m.id_type, m.id_number, m.name, m.id, m.phone,"
	    " m.bank_card, m.bank_name FROM enroll e JOIN member m"
	    " ON m.unit_id = e.unit_id WHERE e.id = ? AND m.id = ?",
	/* 选择全部未参保: not covered for the period, not yet listed. */
	[STMT_PICK_NEW] =
	    "INSERT IGNORE INTO enroll_member (enroll_id, id_type, id_number,"
	    " name, member_id, phone, bank_card, bank_name)"
	    " SELECT e.id, m.id_type, m.id_number, m.name, m.id, m.phone,"
	    " m.bank_card, m.bank_name FROM enroll e JOIN member m"
	    " ON m.unit_id = e.unit_id WHERE e.id = ? AND NOT EXISTS"
	    " (SELECT 1 FROM coverage c WHERE " OVERLAP("m.id") ")",
	[STMT_IMPORT_ROW] =
	    "INSERT INTO enroll_member (enroll_id, id_type, id_number, name,"
	    " phone, bank_card, bank_name, remarks)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " name = VALUES(name), phone = VALUES(phone),"
	    " bank_card = VALUES(bank_card), bank_name = VALUES(bank_name),"
	    " remarks = VALUES(remarks), problem = NULL, warning = NULL",
	[STMT_UNLIST] =
	    "DELETE FROM enroll_member WHERE enroll_id = ? AND row_id = ?",
	[STMT_UNLIST_BAD] =
	    "DELETE FROM enroll_member WHERE enroll_id = ?"
	    " AND problem IS NOT NULL",

	/* Eligibility, as a set: the first problem found is kept. */
	[STMT_EL_RESET] =
	    "UPDATE enroll_member em LEFT JOIN member m"
	    " ON m.id_type = em.id_type AND m.id_number = em.id_number"
	    " SET em.member_id = m.id, em.problem = NULL, em.warning = NULL"
	    " WHERE em.enroll_id = ?",
	[STMT_EL_UNKNOWN] =
	    "SELECT id_type, id_number FROM enroll_member"
	    " WHERE enroll_id = ? AND member_id IS NULL",
	[STMT_EL_MARK] =
	    "UPDATE enroll_member SET problem = ? WHERE enroll_id = ?"
	    " AND id_type = ? AND id_number = ?",
	[STMT_EL_NOT_ROSTER] =
	    "UPDATE enroll_member SET problem ="
	    " '不在本单位职工名册中，请先在职工名册中添加'"
	    " WHERE enroll_id = ? AND member_id IS NULL AND problem IS NULL",
	[STMT_EL_OTHER_UNIT] =
	    "UPDATE enroll_member em JOIN enroll e ON e.id = em.enroll_id"
	    " JOIN member m ON m.id = em.member_id"
	    " LEFT JOIN org o ON o.id = m.unit_id"
	    " SET em.problem = IF(m.unit_id IS NULL,"
	    " '不在本单位职工名册中（该职工已不在任何单位）',"
	    " CONCAT('不在本单位职工名册中（现为“', o.name, '”的会员）'))"
	    " WHERE em.enroll_id = ? AND em.problem IS NULL"
	    " AND (m.unit_id IS NULL OR m.unit_id <> e.unit_id)",
	[STMT_EL_NAME] =
	    "UPDATE enroll_member em JOIN member m ON m.id = em.member_id"
	    " SET em.problem = CONCAT('姓名与职工名册不一致（名册中为“',"
	    " m.name, '”）') WHERE em.enroll_id = ? AND em.problem IS NULL"
	    " AND em.name <> m.name",
	[STMT_EL_GENDER] =
	    "UPDATE enroll_member em JOIN member m ON m.id = em.member_id"
	    " SET em.problem = ? WHERE em.enroll_id = ? AND em.problem IS NULL"
	    " AND NOT (m.gender <=> ?)",
	[STMT_EL_COVERED] =
	    "UPDATE enroll_member em JOIN enroll e ON e.id = em.enroll_id"
	    " JOIN coverage c ON " OVERLAP("em.member_id") " JOIN org o"
	    " ON o.id = c.unit_id SET em.problem = CONCAT('已在“', o.name,"
	    " '”参加本计划（', DATE_FORMAT(c.starts, '%Y-%m-%d'), '至',"
	    " DATE_FORMAT(c.ends, '%Y-%m-%d'), '），保障期重叠')"
	    " WHERE em.enroll_id = ? AND em.problem IS NULL",
	[STMT_EL_AGE] =
	    "UPDATE enroll_member em JOIN enroll e ON e.id = em.enroll_id"
	    " JOIN member m ON m.id = em.member_id SET em.warning ="
	    " CONCAT('参保时已满', TIMESTAMPDIFF(YEAR, m.birth_date,"
	    " e.period_start), '周岁') WHERE em.enroll_id = ?"
	    " AND em.problem IS NULL"
	    " AND TIMESTAMPDIFF(YEAR, m.birth_date, e.period_start) >= ?",
	/* 等待期: for whoever does not continue a coverage of the plan that
	 * ended the day before (an uninterrupted renewal waits for nothing). */
	[STMT_EL_WAIT] =
	    "UPDATE enroll_member em JOIN enroll e ON e.id = em.enroll_id"
	    " SET em.warning = CONCAT_WS('；', em.warning, CONCAT('新参保，"
	    "等待期', ?, '天（', DATE_FORMAT(e.period_start + INTERVAL ? DAY,"
	    " '%Y-%m-%d'), '起可申请补助）')) WHERE em.enroll_id = ?"
	    " AND em.problem IS NULL AND NOT EXISTS (SELECT 1 FROM coverage c"
	    " WHERE c.member_id = em.member_id AND c.plan_id = e.plan_id"
	    " AND c.ends = e.period_start - INTERVAL 1 DAY)",
	[STMT_EL_COUNT] =
	    "SELECT COUNT(*), COALESCE(SUM(problem IS NOT NULL), 0)"
	    " FROM enroll_member WHERE enroll_id = ?",
	/* On 上报: the headcount, the premium due, the unit as it is now. */
	[STMT_FIX] =
	    "UPDATE enroll e JOIN org o ON o.id = e.unit_id SET"
	    " e.headcount = ?, e.due = ? * e.premium, e.chairman = o.chairman,"
	    " e.contact = o.contact, e.contact_phone = o.contact_phone,"
	    " e.nature = o.nature, e.employees = o.employees WHERE e.id = ?",
	[STMT_PAY] = "UPDATE enroll SET paid = ?, paid_on = ? WHERE id = ?",
	[STMT_FILES] =
	    "SELECT COUNT(*) FROM attachment WHERE owner_type = 'enroll'"
	    " AND owner_id = ? AND kind = ?",
	[STMT_DUE_DATE] = "UPDATE enroll SET due_date = ? WHERE id = ?",
	/* The persons' member rows, in the list's key order (the same in
	 * every transaction, so two confirmations never deadlock). */
	[STMT_LOCK_MEMBERS] =
	    "SELECT m.id FROM enroll_member em JOIN member m"
	    " ON m.id = em.member_id WHERE em.enroll_id = ?"
	    " ORDER BY em.id_type, em.id_number FOR UPDATE",
	[STMT_CLASH] =
	    "SELECT em.name, o.name, DATE_FORMAT(c.starts, '%Y-%m-%d'),"
	    " DATE_FORMAT(c.ends, '%Y-%m-%d') FROM enroll_member em"
	    " JOIN enroll e ON e.id = em.enroll_id"
	    " JOIN coverage c ON " OVERLAP("em.member_id")
	    " JOIN org o ON o.id = c.unit_id WHERE em.enroll_id = ? LIMIT 1",
	[STMT_COVER] =
	    "INSERT INTO coverage (member_id, plan_id, version_id, unit_id,"
	    " enroll_id, starts, ends, waits_until)"
	    " SELECT em.member_id, e.plan_id, e.version_id, e.unit_id, e.id,"
	    " e.period_start, e.period_end, IF(? > 0 AND NOT EXISTS"
	    " (SELECT 1 FROM coverage c WHERE c.member_id = em.member_id"
	    " AND c.plan_id = e.plan_id"
	    " AND c.ends = e.period_start - INTERVAL 1 DAY),"
	    " e.period_start + INTERVAL ? DAY, NULL)"
	    " FROM enroll_member em JOIN enroll e ON e.id = em.enroll_id"
	    " WHERE em.enroll_id = ?",
	[STMT_PHONES] =
	    "SELECT m.phone FROM enroll_member em JOIN member m"
	    " ON m.id = em.member_id WHERE em.enroll_id = ?"
	    " AND m.phone IS NOT NULL AND m.phone <> ''",
	[STMT_MEMBERS] =
	    "SELECT em.row_id, em.id_type, em.id_number, em.name, m.gender,"
	    " " YMD("m.birth_date") ", em.phone, em.problem, em.warning"
	    MEMBERS_OF " ORDER BY em.added_at, em.id_number LIMIT ? OFFSET ?",
	[STMT_MEMBERS_COUNT] = "SELECT COUNT(*)" MEMBERS_OF,
	[STMT_ROSTER] =
	    "SELECT * FROM (" ROSTER_OF ") t" ROSTER_STATUS
	    " ORDER BY t.id LIMIT ? OFFSET ?",
	[STMT_ROSTER_COUNT] =
	    "SELECT COUNT(*) FROM (" ROSTER_OF ") t" ROSTER_STATUS,
	[STMT_LIST] =
	    "SELECT e.id, f.state, e.no, e.kind, v.name,"
	    " " YMD("e.period_start") ", " YMD("e.period_end") ","
	    " (SELECT COUNT(*) FROM enroll_member WHERE enroll_id = e.id),"
	    " e.due, DATE_FORMAT(f.updated_at, '%Y-%m-%d %H:%i')"
	    " FROM enroll e" FLOW_JOIN
	    " JOIN plan_version v ON v.id = e.version_id"
	    " WHERE e.unit_id = ? AND f.state <> 'cancelled'"
	    " ORDER BY e.id DESC LIMIT ? OFFSET ?",
	[STMT_LIST_COUNT] =
	    "SELECT COUNT(*) FROM enroll e" FLOW_JOIN
	    " WHERE e.unit_id = ? AND f.state <> 'cancelled'",
	/* The list as people fill it in, with the reason (0: everyone). */
	[STMT_ROWS] =
	    "SELECT name, id_number, COALESCE(bank_card, ''),"
	    " COALESCE(bank_name, ''), COALESCE(phone, ''),"
	    " COALESCE(remarks, ''), COALESCE(problem, ''),"
	    " COALESCE(warning, '') FROM enroll_member WHERE enroll_id = ?"
	    " AND (? = 0 OR problem IS NOT NULL)"
	    " ORDER BY added_at, id_number",
};

static const struct db_table tab = { DBM_ENROLL, sql, STMT__MAX };

/* ---------------------------------------------------------------- flow */

/* 参保申请 (seed 004): 上报, 初审, 复审, 缴费, 财务确认. */
enum { E_DRAFT, E_REVIEW1, E_REVIEW2, E_PAYMENT, E_CONFIRM, E_DONE,
    E_RETURNED, E_CANCELLED, E__MAX };

static const struct flow_state states[E__MAX] = {
	[E_DRAFT] =	{ "draft", "草稿", 0, NULL },
	[E_REVIEW1] =	{ "review1", "待初审", 0, NULL },
	[E_REVIEW2] =	{ "review2", "待复审", 0, NULL },
	[E_PAYMENT] =	{ "payment", "待缴费", 0, NULL },
	[E_CONFIRM] =	{ "confirm", "待确认", 0, "缴费确认中" },
	[E_DONE] =	{ "done", "已办结", 1, NULL },
	[E_RETURNED] =	{ "returned", "已退回", 0, NULL },
	[E_CANCELLED] =	{ "cancelled", "已删除", 1, NULL },
};

static const struct flow_notice notice_pay = {
	"参保申请复审通过：{title}",
	"您提交的参保申请“{title}”已复审通过，请下载缴费通知单，"
	"按通知单缴费后上传缴费凭证。",
	"您提交的参保申请“{title}”已复审通过，请登录单位经办平台下载缴费"
	"通知单，缴费后上传缴费凭证。",
};

static const struct flow_notice notice_unpaid = {
	"缴费确认被退回：{title}",
	"您提交的参保申请“{title}”缴费确认被退回，退回理由是：{reason}。"
	"请核对后重新填写实缴金额并上传缴费凭证。",
	"您提交的参保申请“{title}”缴费确认被退回，退回理由是：{reason}，"
	"请登录单位经办平台核对后重新上传缴费凭证。",
};

static const struct flow_notice notice_done = {
	"参保成功：{title}",
	"您提交的参保申请“{title}”已办结，参保人员的保障已生效。",
	"您单位的参保申请“{title}”已办结，参保成功。",
};

static const struct flow_trans trans[] = {
	{ E_DRAFT,    E_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ E_RETURNED, E_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "上报", 0, NULL, NULL },
	{ E_DRAFT,    E_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ E_RETURNED, E_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0, NULL, NULL },
	{ E_REVIEW1,  E_REVIEW2,   FA_APPROVE, ROLE_REVIEW1, "初审", 1, NULL, NULL },
	{ E_REVIEW1,  E_RETURNED,  FA_RETURN,  ROLE_REVIEW1, "初审", 1, NULL,
	    &notice_agent_returned },
	{ E_REVIEW2,  E_PAYMENT,   FA_APPROVE, ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_pay },
	{ E_REVIEW2,  E_RETURNED,  FA_RETURN,  ROLE_REVIEW2, "复审", 1, NULL,
	    &notice_agent_returned },
	{ E_PAYMENT,  E_CONFIRM,   FA_SUBMIT,  FLOW_BY_FILER, "上传缴费凭证", 0,
	    NULL, NULL },
	{ E_CONFIRM,  E_DONE,      FA_APPROVE, ROLE_FINANCE, "确认到账", 1, NULL,
	    &notice_done },
	{ E_CONFIRM,  E_PAYMENT,   FA_RETURN,  ROLE_FINANCE, "确认到账", 1, NULL,
	    &notice_unpaid },
};

static enum refusal enroll_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal enroll_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int enroll_body(struct db *, const struct flow_item *, xmlNodePtr);

static const struct flow_hooks hooks = {
	enroll_check, enroll_done, flow_agent_phone, enroll_body, NULL,
};

const struct flow_type enroll_flow = {
	"enroll", "参保申请", states, E__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])), FLOW_FILER_AGENT,
	"/u/enroll?id=", &hooks,
};

/* ------------------------------------------------------------- reading */

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")

static enum enroll_kind
kind_parse(const char *s)
{
	int k;

	for (k = 0; k < EK__MAX; k++)
		if (s && strcmp(s, enroll_kind_names[k]) == 0)
			return (enum enroll_kind)k;
	return EK_MAIN;
}

int
enroll_get(struct db *db, int64_t id, struct enroll *e)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		memset(e, 0, sizeof(*e));
		e->id = db_int(r, 0);
		COPY(e->no, 1);
		e->kind = kind_parse(db_col(r, 2));
		e->unit_id = db_int(r, 3);
		e->agent_id = db_int(r, 4);
		e->plan_id = db_int(r, 5);
		e->version_id = db_int(r, 6);
		COPY(e->unit_name, 7);
		COPY(e->plan_name, 8);
		COPY(e->agent_name, 9);
		COPY(e->agent_phone, 10);
		COPY(e->period_start, 11);
		COPY(e->period_end, 12);
		e->premium = db_int(r, 13);
		e->headcount = db_int(r, 14);
		e->due = db_int(r, 15);
		e->paid = db_int(r, 16);
		COPY(e->paid_on, 17);
		COPY(e->due_date, 18);
		COPY(e->chairman, 19);
		COPY(e->contact, 20);
		COPY(e->contact_phone, 21);
		COPY(e->nature, 22);
		e->employees = db_int(r, 23);
		e->problems = db_int(r, 24);
	}
	db_done(r);
	if (rc == 1)
		rc = flow_get_item(db, &enroll_flow, id, &e->flow);
	return rc;
}

int
enroll_mine(struct db *db, int64_t id, int64_t agent, struct enroll *e)
{
	enum refusal rf;
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = enroll_get(db, id, e)) != 1)
		return rc;
	if ((rf = agent_may_aid(db, agent, e->unit_id)) == RF_DB)
		return -1;
	return rf == RF_OK;
}

/* ------------------------------------------------------------- periods */

/*
 * The period an application of `kind` buys under terms `t` for `unit`,
 * as of today: 主保期 continues the unit's last coverage when it ends this
 * month, else follows the plan's 集中参保期 while it is open; 提前续保
 * starts when the agent says, after today; 补充追加 starts tomorrow and
 * ends with the unit's current coverage (a whole period if none).
 */
static enum refusal
period_of(struct db *db, int64_t unit, const struct plan_terms *t,
    enum enroll_kind kind, const char *start_in, char start[11],
    char end[11])
{
	char today[11], last[11] = "", tomorrow[11];
	struct db_res *r;

	clock_today(today);
	if ((r = db_query(db, &tab, STMT_UNIT_END, "ii", unit, t->plan_id))
	    == NULL)
		return RF_DB;
	if (db_next(r) == 1)
		snprintf(last, sizeof(last), "%s", db_col(r, 0));
	db_done(r);
	if (!clock_date_add(today, 0, 1, tomorrow))
		return RF_DB;
	switch (kind) {
	case EK_MAIN:
		if (last[0] && strncmp(last, today, 7) == 0) {
			if (!clock_date_add(last, 0, 1, start))
				return RF_DB;
		} else if (t->window_from[0] && t->window_to[0] &&
		    strcmp(today, t->window_from) >= 0 &&
		    strcmp(today, t->window_to) <= 0) {
			if (!clock_date_add(t->window_to, 0, 1, start))
				return RF_DB;
		} else
			return RF_ENROLL_WINDOW;
		break;
	case EK_EARLY:
		if (start_in == NULL || *start_in == '\0' ||
		    strcmp(start_in, today) <= 0)
			return RF_ENROLL_PERIOD;
		snprintf(start, 11, "%s", start_in);
		break;
	case EK_SUPPLEMENT:
	default:
		snprintf(start, 11, "%s", tomorrow);
		if (last[0] && strcmp(last, tomorrow) >= 0) {
			snprintf(end, 11, "%s", last);
			return RF_OK;
		}
		break;
	}
	return clock_date_add(start, t->period_months, -1, end) ? RF_OK :
	    RF_DB;
}

/* The title of an application in queues and notices. */
static void
title_of(char *out, size_t n, const char *no, const char *plan)
{
	snprintf(out, n, "%.15s %.200s", no, plan);
	utf8_cut(out, 100, n);
}

/* ------------------------------------------------------------- writing */

struct create_arg {
	int64_t			 unit, id;
	const struct enroll_terms *terms;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
create_txn(struct db *db, void *arg)
{
	struct create_arg *c = arg;
	struct flow_new n = { SESS_AGENT, c->by->id, NULL, c->unit, 0, NULL };
	struct plan_terms t;
	struct db_res *r;
	char unit[256], agent[128], month[8], today[11], no[24], title[256];
	char start[11] = "", end[11] = "";
	int64_t seq;
	int found;

	c->rf = RF_DB;
	if ((found = plan_current(db, c->terms->plan_id, &t)) < 0)
		return 1;
	if (found == 0 || !t.active) {
		c->rf = RF_ENROLL_PLAN;
		return 1;
	}
	if ((r = db_query(db, &tab, STMT_UNIT, "ii", c->by->id, c->unit))
	    == NULL)
		return 1;
	if ((found = db_next(r)) == 1) {
		snprintf(unit, sizeof(unit), "%s", db_col(r, 0));
		n.district_id = db_int(r, 1);
		snprintf(agent, sizeof(agent), "%s", db_col(r, 2) ?
		    db_col(r, 2) : "");
	}
	db_done(r);
	if (found != 1) {
		c->rf = found == 0 ? RF_NO_UNIT : RF_DB;
		return 1;
	}
	if ((c->rf = period_of(db, c->unit, &t, c->terms->kind,
	    c->terms->period_start, start, end)) != RF_OK)
		return 1;
	c->rf = RF_DB;
	clock_today(today);
	snprintf(month, sizeof(month), "%.4s%.2s", today, today + 5);
	if (db_exec(db, &tab, STMT_SEQ, "s", month) < 1 ||
	    (seq = db_one_int(db, &tab, STMT_LAST_ID, &found, "")) <= 0)
		return 1;
	if (seq > 9999)		/* four digits: ten thousand a month */
		log_err("enroll: more than 9999 applications in %s", month);
	snprintf(no, sizeof(no), "CB%.6s%04d", month, (int)(seq % 100000));
	if (db_exec(db, &tab, STMT_CREATE, "ssiiiissi", no,
	    enroll_kind_names[c->terms->kind], c->unit, c->by->id, t.plan_id,
	    t.version_id, start, end, t.premium) != 1)
		return 1;
	c->id = db_insert_id(db);
	title_of(title, sizeof(title), no, t.name);
	n.filer_name = agent;
	n.title = title;
	if (!flow_create(db, &enroll_flow, c->id, &n) ||
	    !audit_log(db, c->by->kind, c->by->id, c->by->ip, "enroll.create",
	    "enroll", c->id, no))
		return 1;
	c->rf = RF_OK;
	return 0;
}

enum refusal
enroll_create(struct db *db, int64_t unit, const struct enroll_terms *terms,
    const struct flow_actor *by, int64_t *id)
{
	struct create_arg c = { unit, 0, terms, by, RF_DB };
	enum refusal rf;

	if ((rf = agent_may_aid(db, by->id, unit)) != RF_OK)
		return rf;
	if ((unsigned)terms->kind >= EK__MAX)
		return RF_ENROLL_PLAN;
	if (db_txn(db, create_txn, &c) < 0)
		return RF_DB;
	*id = c.id;
	return c.rf;
}

/*
 * An edit of a draft: in one transaction the item locked, its filer and
 * state checked, then fn, then the audit row `action`.
 */
struct edit {
	int64_t			 id;
	const struct flow_actor	*by;
	const char		*action;
	enum refusal		(*fn)(struct db *, struct edit *);
	void			*arg;
	int64_t			 count;	/* what fn says it did */
	char			 detail[200];
	enum refusal		 rf;
};

static int
edit_txn(struct db *db, void *arg)
{
	struct edit *ed = arg;
	struct flow_item it;
	int rc;

	ed->rf = RF_DB;
	ed->count = 0;
	ed->detail[0] = '\0';
	if ((rc = flow_lock(db, &enroll_flow, ed->id, &it)) <= 0) {
		ed->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != ed->by->kind || it.filer_id != ed->by->id) {
		ed->rf = RF_FORBIDDEN;
		return 1;
	}
	if (!flow_editable(&it)) {
		ed->rf = RF_SUBMITTED;
		return 1;
	}
	if ((ed->rf = ed->fn(db, ed)) != RF_OK)
		return 1;
	if (!audit_log(db, ed->by->kind, ed->by->id, ed->by->ip, ed->action,
	    "enroll", ed->id, ed->detail)) {
		ed->rf = RF_DB;
		return 1;
	}
	return 0;
}

static enum refusal
edit_run(struct db *db, int64_t id, const struct flow_actor *by,
    const char *action, enum refusal (*fn)(struct db *, struct edit *),
    void *arg, int64_t *count)
{
	struct edit ed = { id, by, action, fn, arg, 0, "", RF_DB };

	if (db_txn(db, edit_txn, &ed) < 0)
		return RF_DB;
	if (count)
		*count = ed.count;
	return ed.rf;
}

static enum refusal
terms_fn(struct db *db, struct edit *ed)
{
	const struct enroll_terms *in = ed->arg;
	struct plan_terms t;
	struct db_res *r;
	char start[11] = "", end[11] = "", no[24] = "", title[256];
	enum refusal rf;
	int64_t unit = 0;
	int rc;

	if ((unsigned)in->kind >= EK__MAX)
		return RF_ENROLL_PLAN;
	if ((rc = plan_current(db, in->plan_id, &t)) < 0)
		return RF_DB;
	if (rc == 0 || !t.active)
		return RF_ENROLL_PLAN;
	if ((r = db_query(db, &tab, STMT_GET, "i", ed->id)) == NULL)
		return RF_DB;
	if (db_next(r) == 1) {
		unit = db_int(r, 3);
		snprintf(no, sizeof(no), "%s", db_col(r, 1));
	}
	db_done(r);
	if ((rf = period_of(db, unit, &t, in->kind, in->period_start, start,
	    end)) != RF_OK)
		return rf;
	title_of(title, sizeof(title), no, t.name);
	if (db_exec(db, &tab, STMT_TERMS_SET, "siiss" "ii",
	    enroll_kind_names[in->kind], t.plan_id, t.version_id, start, end,
	    t.premium, ed->id) < 0 ||
	    !flow_retitle(db, &enroll_flow, ed->id, title))
		return RF_DB;
	snprintf(ed->detail, sizeof(ed->detail), "%s %s %s..%s",
	    enroll_kind_names[in->kind], t.code, start, end);
	return RF_OK;
}

enum refusal
enroll_set_terms(struct db *db, int64_t id, const struct enroll_terms *terms,
    const struct flow_actor *by)
{
	return edit_run(db, id, by, "enroll.terms", terms_fn,
	    (void *)terms, NULL);
}

struct account_in {
	const char	*holder, *bank, *account;
	int64_t		 id;
};

static enum refusal
account_add_fn(struct db *db, struct edit *ed)
{
	const struct account_in *a = ed->arg;

	if (db_exec(db, &tab, STMT_ACCOUNT_ADD, "isss", ed->id, a->holder,
	    a->bank, a->account) != 1)
		return RF_DB;
	snprintf(ed->detail, sizeof(ed->detail), "%s", a->bank);
	return RF_OK;
}

static enum refusal
account_del_fn(struct db *db, struct edit *ed)
{
	const struct account_in *a = ed->arg;
	int64_t n;

	if ((n = db_exec(db, &tab, STMT_ACCOUNT_DEL, "ii", ed->id, a->id)) < 0)
		return RF_DB;
	if (n == 0)
		return RF_NOT_FOUND;
	snprintf(ed->detail, sizeof(ed->detail), "%lld", (long long)a->id);
	return RF_OK;
}

enum refusal
enroll_account_add(struct db *db, int64_t id, const char *holder,
    const char *bank, const char *account, const struct flow_actor *by)
{
	struct account_in a = { holder, bank, account, 0 };

	return edit_run(db, id, by, "enroll.account", account_add_fn, &a,
	    NULL);
}

enum refusal
enroll_account_remove(struct db *db, int64_t id, int64_t account_id,
    const struct flow_actor *by)
{
	struct account_in a = { NULL, NULL, NULL, account_id };

	return edit_run(db, id, by, "enroll.account_remove", account_del_fn,
	    &a, NULL);
}

struct pick_in {
	const int64_t	*members;
	int		 n, all_new;
};

static enum refusal
pick_fn(struct db *db, struct edit *ed)
{
	const struct pick_in *p = ed->arg;
	int64_t n;
	int i;

	if (p->n == 0 && p->all_new) {
		if ((n = db_exec(db, &tab, STMT_PICK_NEW, "i", ed->id)) < 0)
			return RF_DB;
		ed->count = n;
	}
	for (i = 0; i < p->n; i++) {
		if ((n = db_exec(db, &tab, STMT_PICK_ONE, "ii", ed->id,
		    p->members[i])) < 0)
			return RF_DB;
		ed->count += n;
	}
	snprintf(ed->detail, sizeof(ed->detail), "%s%lld",
	    p->all_new ? "all new " : "", (long long)ed->count);
	return RF_OK;
}

enum refusal
enroll_pick(struct db *db, int64_t id, const int64_t *members, int n,
    int all_new, const struct flow_actor *by, int64_t *added)
{
	struct pick_in p = { members, n, all_new };

	return edit_run(db, id, by, "enroll.pick", pick_fn, &p, added);
}

/* The people of `month`'s 续保提醒 list of the application's unit and plan
 * into it. */
static enum refusal
pick_renewal(struct db *db, int64_t id, const char *month,
    const struct flow_actor *by, int64_t *added)
{
	struct enroll e;
	struct db_res *r;
	char today[11];
	int64_t *ids = NULL, *more;
	size_t n = 0, cap = 0;
	enum refusal rf;
	int rc;

	*added = 0;
	clock_today(today);
	if (enroll_get(db, id, &e) != 1 ||
	    (r = renewal_list(db, e.unit_id, month, e.plan_id, today, 0,
	    INT32_MAX)) == NULL)
		return RF_DB;
	while ((rc = db_next(r)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((more = realloc(ids, cap * sizeof(*ids))) == NULL) {
				rc = -1;
				break;
			}
			ids = more;
		}
		ids[n++] = db_int(r, RN_MEMBER);
	}
	db_done(r);
	rf = rc == 0 ? enroll_pick(db, id, ids, (int)n, 0, by, added) : RF_DB;
	free(ids);
	return rf;
}

enum refusal
enroll_create_renewal(struct db *db, int64_t unit, int64_t plan,
    const char *month, const struct flow_actor *by, int64_t *id,
    int64_t *added)
{
	struct enroll_terms t = { plan, EK_MAIN, NULL };
	struct db_res *r;
	char last[11] = "", next[11] = "", m[11];
	enum refusal rf;

	if (!renewal_month_of(month, m))
		return RF_RENEWAL_MONTH;
	rf = enroll_create(db, unit, &t, by, id);
	if (rf == RF_ENROLL_WINDOW) {
		/* Outside the plan's window: renew from the day after the
		 * unit's coverage of the plan ends (提前续保). */
		if ((r = db_query(db, &tab, STMT_UNIT_END, "ii", unit, plan))
		    == NULL)
			return RF_DB;
		if (db_next(r) == 1)
			snprintf(last, sizeof(last), "%s", db_col(r, 0));
		db_done(r);
		if (last[0] && clock_date_add(last, 0, 1, next)) {
			t.kind = EK_EARLY;
			t.period_start = next;
			rf = enroll_create(db, unit, &t, by, id);
		}
	}
	if (rf != RF_OK)
		return rf;
	return pick_renewal(db, *id, m, by, added);
}

/* The list's columns, found by their titles in the header row. */
enum { LC_NAME, LC_ID, LC_CARD, LC_BANK, LC_PHONE, LC_REMARKS, LC__MAX };

static const char *const list_heads[LC__MAX] = {
	[LC_NAME] = "姓名", [LC_ID] = "证件号", [LC_CARD] = "银行卡",
	[LC_BANK] = "开户行", [LC_PHONE] = "手机", [LC_REMARKS] = "备注",
};

#define IMPORT_BATCH	500
#define IMPORT_COLS	8

struct import_in {
	const char	*path;
};

/* Text of cell i of the row, trimmed, or "" (into buf). */
static const char *
cell(const struct xlsx_row *row, int i, char *buf, size_t n)
{
	if (i < 0 || (size_t)i >= row->ncells || row->cells[i].text == NULL)
		return "";
	valid_text_trim(row->cells[i].text, buf, n);
	return buf;
}

/* Flush the batch of rows: 1, 0 on a database error. */
static int
import_flush(struct db *db, char (*vals)[IMPORT_COLS][128], size_t nrows)
{
	const char **v;
	size_t i, j;
	int ok;

	if (nrows == 0)
		return 1;
	if ((v = calloc(nrows * IMPORT_COLS, sizeof(*v))) == NULL)
		return 0;
	for (i = 0; i < nrows; i++)
		for (j = 0; j < IMPORT_COLS; j++)
			v[i * IMPORT_COLS + j] = vals[i][j][0] || j < 4 ?
			    vals[i][j] : NULL;
	ok = db_bulk(db, &tab, STMT_IMPORT_ROW, nrows, IMPORT_COLS, v) >= 0;
	free(v);
	return ok;
}

static enum refusal
import_fn(struct db *db, struct edit *ed)
{
	const struct import_in *in = ed->arg;
	static char vals[IMPORT_BATCH][IMPORT_COLS][128];
	struct xlsx_reader *x;
	struct xlsx_row row;
	enum xlsx_status st;
	char buf[LC__MAX][128], idn[32], id[16];
	const char *why;
	int col[LC__MAX], c, k, rc, header = 0;
	size_t nb = 0;

	if ((x = xlsx_open(in->path, NULL, &st)) == NULL)
		return RF_ENROLL_LIST;
	snprintf(id, sizeof(id), "%lld", (long long)ed->id);
	while ((rc = xlsx_next_row(x, &row)) == 1) {
		if (!header) {
			for (k = 0; k < LC__MAX; k++)
				col[k] = -1;
			for (c = 0; (size_t)c < row.ncells; c++)
				for (k = 0; k < LC__MAX; k++)
					if (col[k] < 0 && row.cells[c].text &&
					    strstr(row.cells[c].text,
					    list_heads[k]))
						col[k] = c;
			header = col[LC_NAME] >= 0 && col[LC_ID] >= 0;
			continue;
		}
		for (k = 0; k < LC__MAX; k++)
			cell(&row, col[k], buf[k], sizeof(buf[k]));
		if (buf[LC_NAME][0] == '\0' && buf[LC_ID][0] == '\0')
			continue;
		/* A valid number is kept canonical (x → X); a wrong one as
		 * typed, for the check on 上报 to name. */
		if (valid_id_number(ID_RESIDENT, buf[LC_ID], idn, &why))
			snprintf(buf[LC_ID], sizeof(buf[LC_ID]), "%s", idn);
		utf8_cut(buf[LC_ID], 32, sizeof(buf[LC_ID]));
		utf8_cut(buf[LC_NAME], 60, sizeof(buf[LC_NAME]));
		utf8_cut(buf[LC_CARD], 40, sizeof(buf[LC_CARD]));
		utf8_cut(buf[LC_BANK], 60, sizeof(buf[LC_BANK]));
		utf8_cut(buf[LC_PHONE], 20, sizeof(buf[LC_PHONE]));
		utf8_cut(buf[LC_REMARKS], 60, sizeof(buf[LC_REMARKS]));
		snprintf(vals[nb][0], 128, "%s", id);
		snprintf(vals[nb][1], 128, "%d", ID_RESIDENT);
		snprintf(vals[nb][2], 128, "%s", buf[LC_ID]);
		snprintf(vals[nb][3], 128, "%s", buf[LC_NAME]);
		snprintf(vals[nb][4], 128, "%s", buf[LC_PHONE]);
		snprintf(vals[nb][5], 128, "%s", buf[LC_CARD]);
		snprintf(vals[nb][6], 128, "%s", buf[LC_BANK]);
		snprintf(vals[nb][7], 128, "%s", buf[LC_REMARKS]);
		ed->count++;
		if (++nb == IMPORT_BATCH) {
			if (!import_flush(db, vals, nb)) {
				xlsx_close(x);
				return RF_DB;
			}
			nb = 0;
		}
	}
	xlsx_close(x);
	if (rc < 0 || !header)
		return RF_ENROLL_LIST;
	if (!import_flush(db, vals, nb))
		return RF_DB;
	snprintf(ed->detail, sizeof(ed->detail), "%lld rows",
	    (long long)ed->count);
	return RF_OK;
}

enum refusal
enroll_import(struct db *db, int64_t id, const char *path,
    const struct flow_actor *by, int64_t *added)
{
	struct import_in in = { path };

	return edit_run(db, id, by, "enroll.import", import_fn, &in, added);
}

struct unlist_in {
	int64_t		 row;
};

static enum refusal
unlist_fn(struct db *db, struct edit *ed)
{
	const struct unlist_in *u = ed->arg;

	if (u == NULL)
		ed->count = db_exec(db, &tab, STMT_UNLIST_BAD, "i", ed->id);
	else
		ed->count = db_exec(db, &tab, STMT_UNLIST, "ii", ed->id,
		    u->row);
	if (ed->count < 0)
		return RF_DB;
	if (u && ed->count == 0)
		return RF_NOT_FOUND;
	if (u)
		snprintf(ed->detail, sizeof(ed->detail), "row %lld",
		    (long long)u->row);
	else
		snprintf(ed->detail, sizeof(ed->detail), "ineligible %lld",
		    (long long)ed->count);
	return RF_OK;
}

enum refusal
enroll_unlist(struct db *db, int64_t id, int64_t row,
    const struct flow_actor *by)
{
	struct unlist_in u = { row };

	return edit_run(db, id, by, "enroll.unlist", unlist_fn, &u, NULL);
}

enum refusal
enroll_unlist_ineligible(struct db *db, int64_t id,
    const struct flow_actor *by, int64_t *removed)
{
	return edit_run(db, id, by, "enroll.unlist", unlist_fn, NULL, removed);
}

/* -------------------------------------------------------- eligibility */

/*
 * Check every listed person of application `id` (locked by the caller),
 * keeping the reasons on their rows.  Returns RF_OK with *listed and
 * *problems set, or RF_DB.
 */
static enum refusal
eligibility(struct db *db, int64_t id, int64_t *listed, int64_t *problems)
{
	struct enroll e;
	struct plan_terms t;
	struct db_res *r;
	char idn[32];
	const char *why, *only;
	int64_t n;
	int rc;

	if (enroll_get(db, id, &e) != 1 ||
	    plan_terms_get(db, e.version_id, &t) != 1 ||
	    db_exec(db, &tab, STMT_EL_RESET, "i", id) < 0 ||
	    (r = db_query(db, &tab, STMT_EL_UNKNOWN, "i", id)) == NULL)
		return RF_DB;
	while ((rc = db_next(r)) == 1)
		if (!valid_id_number((int)db_int(r, 0), db_col(r, 1), idn,
		    &why) && db_exec(db, &tab, STMT_EL_MARK, "siis",
		    "请填写正确的证件号码", id, db_int(r, 0), db_col(r, 1)) < 0)
			rc = -1;
	db_done(r);
	if (rc < 0)
		return RF_DB;
	only = t.gender == 'F' ? "本计划仅限女职工参加" : "本计划仅限男职工参加";
	if (db_exec(db, &tab, STMT_EL_NOT_ROSTER, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_EL_OTHER_UNIT, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_EL_NAME, "i", id) < 0 ||
	    (t.gender && db_exec(db, &tab, STMT_EL_GENDER, "sis", only, id,
	    t.gender == 'F' ? "F" : "M") < 0) ||
	    db_exec(db, &tab, STMT_EL_COVERED, "i", id) < 0 ||
	    db_exec(db, &tab, STMT_EL_AGE, "ii", id, (int64_t)t.age_warn) < 0 ||
	    (t.waiting_days > 0 && db_exec(db, &tab, STMT_EL_WAIT, "iii",
	    (int64_t)t.waiting_days, (int64_t)t.waiting_days, id) < 0))
		return RF_DB;
	if ((r = db_query(db, &tab, STMT_EL_COUNT, "i", id)) == NULL)
		return RF_DB;
	n = db_next(r);
	*listed = n == 1 ? db_int(r, 0) : 0;
	*problems = n == 1 ? db_int(r, 1) : 0;
	db_done(r);
	return n == 1 ? RF_OK : RF_DB;
}

static int64_t
count_files(struct db *db, int64_t id, enum attach_kind kind)
{
	int found;

	return db_one_int(db, &tab, STMT_FILES, &found, "is", id,
	    store_kind_name(kind));
}

struct submit_arg {
	int64_t			 id, problems;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
submit_txn(struct db *db, void *arg)
{
	struct submit_arg *s = arg;
	struct flow_item it;
	struct db_res *r;
	char n[24];
	int64_t listed = 0, accounts = 0;
	int rc;

	s->rf = RF_DB;
	s->problems = 0;
	if ((rc = flow_lock(db, &enroll_flow, s->id, &it)) <= 0) {
		s->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (!flow_editable(&it)) {
		s->rf = RF_SUBMITTED;
		return 1;
	}
	if (it.filer_kind != s->by->kind || it.filer_id != s->by->id) {
		s->rf = RF_FORBIDDEN;
		return 1;
	}
	if ((r = db_query(db, &tab, STMT_ACCOUNTS, "i", s->id)) == NULL)
		return 1;
	while (db_next(r) == 1)
		accounts++;
	db_done(r);
	if (accounts == 0) {
		s->rf = RF_ENROLL_ACCOUNT;
		return 1;
	}
	if ((s->rf = eligibility(db, s->id, &listed, &s->problems)) != RF_OK)
		return 1;
	if (listed == 0) {
		s->rf = RF_ENROLL_EMPTY;
		return 1;
	}
	if (s->problems > 0) {
		/* Keep the reasons: the 不可参保人员名单 shows them. */
		snprintf(n, sizeof(n), "%lld", (long long)s->problems);
		refusal_detail_set(n);
		s->rf = RF_ENROLL_INELIGIBLE;
		return 0;
	}
	if (db_exec(db, &tab, STMT_FIX, "iii", listed, listed, s->id) < 0)
		return 1;
	s->rf = flow_apply(db, &enroll_flow, s->id, FA_SUBMIT, s->by, NULL);
	return s->rf != RF_OK;
}

enum refusal
enroll_submit(struct db *db, int64_t id, const struct flow_actor *by,
    int64_t *problems)
{
	struct submit_arg s = { id, 0, by, RF_DB };

	if (db_txn(db, submit_txn, &s) < 0)
		return RF_DB;
	if (problems)
		*problems = s.problems;
	return s.rf;
}

/* ------------------------------------------------------------ payment */

struct pay_arg {
	int64_t			 id, paid;
	const char		*paid_on;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

static int
pay_txn(struct db *db, void *arg)
{
	struct pay_arg *p = arg;
	struct flow_item it;
	char detail[64], money[32];
	int rc;

	p->rf = RF_DB;
	if ((rc = flow_lock(db, &enroll_flow, p->id, &it)) <= 0) {
		p->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != p->by->kind || it.filer_id != p->by->id) {
		p->rf = RF_FORBIDDEN;
		return 1;
	}
	if (it.state != E_PAYMENT) {
		p->rf = RF_BAD_STATE;
		return 1;
	}
	money_plain(p->paid, money, sizeof(money));
	snprintf(detail, sizeof(detail), "%s %s", money, p->paid_on);
	if (db_exec(db, &tab, STMT_PAY, "isi", p->paid, p->paid_on, p->id) < 0 ||
	    !audit_log(db, p->by->kind, p->by->id, p->by->ip, "enroll.pay",
	    "enroll", p->id, detail))
		return 1;
	p->rf = RF_OK;
	return 0;
}

enum refusal
enroll_pay(struct db *db, int64_t id, int64_t paid, const char *paid_on,
    const struct flow_actor *by)
{
	struct pay_arg p = { id, paid, paid_on, by, RF_DB };

	if (paid <= 0 || paid_on == NULL || *paid_on == '\0')
		return RF_ENROLL_PAID;
	if (db_txn(db, pay_txn, &p) < 0)
		return RF_DB;
	return p.rf;
}

enum refusal
enroll_pay_submit(struct db *db, int64_t id, const struct flow_actor *by)
{
	return flow_step_once(db, &enroll_flow, id, FA_SUBMIT, by, NULL);
}

int
enroll_payable(const struct enroll *e)
{
	return e->flow.state == E_PAYMENT || e->flow.state == E_CONFIRM ||
	    e->flow.state == E_DONE;
}

enum refusal
enroll_attach(struct db *db, const struct enroll *e, const struct upload *u,
    const char *kind, const struct flow_actor *by, const char **why)
{
	enum attach_kind k;

	*why = NULL;
	if (kind && strcmp(kind, "voucher") == 0)
		k = AK_VOUCHER;
	else if (kind && strcmp(kind, "roster_scan") == 0)
		k = AK_ROSTER_SCAN;
	else
		k = AK_ENROLL_FORM;
	/* 申请材料 with the draft; the payment's papers while paying. */
	if ((k == AK_ENROLL_FORM) != (flow_editable(&e->flow) != 0))
		return e->flow.state == E_PAYMENT || k == AK_ENROLL_FORM ?
		    RF_SUBMITTED : RF_BAD_STATE;
	return flow_attach(db, &enroll_flow, e->id, u, k, by, why);
}

/* --------------------------------------------------------- flow hooks */

/* Before 上报: people and an account (enroll_submit saw to them, this
 * guards the engine's other callers); before 待确认: the money and the
 * vouchers. */
static enum refusal
enroll_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct enroll e;
	int64_t n;

	if (t->action != FA_SUBMIT)
		return RF_OK;
	if (enroll_get(db, it->item_id, &e) != 1)
		return RF_DB;
	if (t->from != E_PAYMENT)
		return e.headcount == 0 ? RF_ENROLL_EMPTY : e.problems > 0 ?
		    RF_ENROLL_INELIGIBLE : RF_OK;
	if (e.paid <= 0 || e.paid_on[0] == '\0')
		return RF_ENROLL_PAID;
	if ((n = count_files(db, e.id, AK_VOUCHER)) < 0)
		return RF_DB;
	if (n == 0)
		return RF_ENROLL_VOUCHER;
	if (conf_long(CONF_ENROLL_SCAN) != 0) {
		if ((n = count_files(db, e.id, AK_ROSTER_SCAN)) < 0)
			return RF_DB;
		if (n == 0)
			return RF_ENROLL_SCAN;
	}
	return RF_OK;
}

/*
 * 已办结: one coverage per person, never two of one plan for overlapping
 * periods (the persons locked first, then looked at), and "参保成功" to
 * every person with a phone through the outbox.
 */
static enum refusal
cover(struct db *db, const struct enroll *e)
{
	struct plan_terms t;
	struct db_res *r;
	const char **phones = NULL;
	char text[400], clash[600];
	size_t n = 0, cap = 0;
	int rc;

	if (plan_terms_get(db, e->version_id, &t) != 1 ||
	    (r = db_query(db, &tab, STMT_LOCK_MEMBERS, "i", e->id)) == NULL)
		return RF_DB;
	db_done(r);
	if ((r = db_query(db, &tab, STMT_CLASH, "i", e->id)) == NULL)
		return RF_DB;
	if ((rc = db_next(r)) == 1) {
		snprintf(clash, sizeof(clash), "“%s”已在“%s”参加本计划"
		    "（%s至%s）", db_col(r, 0), db_col(r, 1), db_col(r, 2),
		    db_col(r, 3));
		refusal_detail_set(clash);
	}
	db_done(r);
	if (rc != 0)
		return rc < 0 ? RF_DB : RF_ENROLL_COVERED;
	if (db_exec(db, &tab, STMT_COVER, "iii", (int64_t)t.waiting_days,
	    (int64_t)t.waiting_days, e->id) < 0 ||
	    (r = db_query(db, &tab, STMT_PHONES, "i", e->id)) == NULL)
		return RF_DB;
	snprintf(text, sizeof(text), "您已成功参加“%s”，保障期%s至%s。"
	    "可在“职工参保”中查看。", t.name, e->period_start, e->period_end);
	rc = 1;
	while (rc == 1 && (rc = db_next(r)) == 1) {
		if (n == cap) {
			const char **p = realloc(phones, (cap ? cap * 2 : 256) *
			    sizeof(*p));

			if (p == NULL) {
				rc = -1;
				break;
			}
			phones = p;
			cap = cap ? cap * 2 : 256;
		}
		if ((phones[n] = strdup(db_col(r, 0))) == NULL)
			rc = -1;
		else
			n++;
	}
	db_done(r);
	if (rc == 0 && !sms_queue_many(db, phones, n, text))
		rc = -1;
	while (n > 0)
		free((char *)phones[--n]);
	free(phones);
	return rc == 0 ? RF_OK : RF_DB;
}

static enum refusal
enroll_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct enroll e;
	char today[11], due[11];

	if (t->to == E_PAYMENT && t->from == E_REVIEW2) {
		clock_today(today);
		if (!clock_date_add(today, 0, (int)conf_long(CONF_PAY_DAYS), due))
			return RF_DB;
		return db_exec(db, &tab, STMT_DUE_DATE, "si", due, it->item_id)
		    < 0 ? RF_DB : RF_OK;
	}
	if (t->to != E_DONE)
		return RF_OK;
	if (enroll_get(db, it->item_id, &e) != 1)
		return RF_DB;
	return cover(db, &e);
}

/* ---------------------------------------------------------------- views */

static const struct view_col member_cols[] = {
	{ "@row", VK_INT, NULL, 0 },
	{ "@id-type", VK_INT, NULL, 0 },
	{ "id-number", VK_ID, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "gender", VK_TEXT, NULL, 0 },
	{ "birth", VK_DATE, NULL, 0 },
	{ "phone", VK_PHONE, NULL, 0 },
	{ "problem", VK_TEXT, NULL, 0 },
	{ "warning", VK_TEXT, NULL, 0 },
};

int
enroll_members_view(struct db *db, int64_t id, int ineligible, const char *q,
    const char *page, int per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	char like[200];
	int found;
	int64_t n;

	view_paging_init(&pg, page, per);
	like_escape(q ? q : "", like, sizeof(like));
	if ((pg.total = db_one_int(db, &tab, STMT_MEMBERS_COUNT, &found,
	    "iisss", id, (int64_t)(ineligible != 0), q ? q : "", like,
	    q ? q : "")) < 0 ||
	    (r = db_query(db, &tab, STMT_MEMBERS, "iisssii", id,
	    (int64_t)(ineligible != 0), q ? q : "", like, q ? q : "",
	    pg.per, view_paging_offset(&pg))) == NULL)
		return 0;
	n = view_rows(view_add(parent, ineligible ? "ineligible" : "members",
	    NULL), "member", member_cols, sizeof(member_cols) /
	    sizeof(member_cols[0]), r, &pg);
	db_done(r);
	return n >= 0;
}

static const struct view_col account_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "holder", VK_TEXT, NULL, 0 },
	{ "bank", VK_TEXT, NULL, 0 },
	{ "account", VK_TEXT, NULL, 0 },
};

int
enroll_accounts_view(struct db *db, int64_t id, xmlNodePtr parent)
{
	struct db_res *r;
	int64_t n;

	if ((r = db_query(db, &tab, STMT_ACCOUNTS, "i", id)) == NULL)
		return 0;
	n = view_rows(view_add(parent, "accounts", NULL), "account",
	    account_cols, sizeof(account_cols) / sizeof(account_cols[0]), r,
	    NULL);
	db_done(r);
	return n >= 0;
}

/* Seed 004's bar: 1 提交申请 2 待初审 3 待复审 4 上传缴费凭证 5 待确认
 * 6 已办结, by state. */
static int
progress_at(int state)
{
	switch (state) {
	case E_REVIEW1:	return 2;
	case E_REVIEW2:	return 3;
	case E_PAYMENT:	return 4;
	case E_CONFIRM:	return 5;
	case E_DONE:	return 6;
	default:	return 1;
	}
}

xmlNodePtr
enroll_view(struct db *db, const struct enroll *e, xmlNodePtr parent)
{
	xmlNodePtr n;
	char ratio[16] = "";

	(void)db;
	n = flow_view_item(parent, "enroll", &e->flow);
	view_attr(n, "kind", enroll_kind_names[e->kind]);
	view_attrf(n, "progress", "%d", progress_at(e->flow.state));
	view_add(n, "no", e->no);
	view_add(n, "kind-label", enroll_kind_labels[e->kind]);
	view_addf(n, "unit", "%s", e->unit_name);
	view_attrf(view_add(n, "unit-id", NULL), "id", "%lld",
	    (long long)e->unit_id);
	view_attrf(view_add(n, "plan", e->plan_name), "id", "%lld",
	    (long long)e->plan_id);
	view_add(n, "agent", e->agent_name);
	view_add(n, "agent-phone", e->agent_phone);
	view_add(n, "period-start", e->period_start);
	view_add(n, "period-end", e->period_end);
	view_add(n, "chairman", e->chairman);
	view_add(n, "contact", e->contact);
	view_add(n, "contact-phone", e->contact_phone);
	view_add(n, "nature", e->nature);
	view_addf(n, "employees", "%lld", (long long)e->employees);
	view_addf(n, "headcount", "%lld", (long long)e->headcount);
	if (e->employees > 0)
		snprintf(ratio, sizeof(ratio), "%.1f%%", 100.0 *
		    (double)e->headcount / (double)e->employees);
	view_add(n, "ratio", ratio);
	view_addf(n, "problems", "%lld", (long long)e->problems);
	view_money(n, "premium", e->premium);
	view_money(n, "due", e->flow.state == E_DRAFT ||
	    e->flow.state == E_RETURNED ? e->headcount * e->premium : e->due);
	if (e->paid >= 0)
		view_money(n, "paid", e->paid);
	view_add(n, "paid-on", e->paid_on);
	view_add(n, "due-date", e->due_date);
	if (e->flow.state == E_PAYMENT)
		view_attr(n, "paying", "1");
	return n;
}

/* The review page's body: the application, its accounts and people. */
static int
enroll_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct enroll e;
	xmlNodePtr n;

	if (enroll_get(db, it->item_id, &e) != 1 ||
	    (n = enroll_view(db, &e, body)) == NULL)
		return 0;
	return enroll_accounts_view(db, e.id, n) &&
	    enroll_members_view(db, e.id, 0, "", "1", 100, n);
}

static const struct view_col roster_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "@id-type", VK_INT, NULL, 0 },
	{ "id-number", VK_ID, NULL, 0 },
	{ "gender", VK_TEXT, NULL, 0 },
	{ "birth", VK_DATE, NULL, 0 },
	{ "phone", VK_PHONE, NULL, 0 },
	{ "@listed", VK_FLAG, NULL, 0 },
	{ "@covered", VK_FLAG, NULL, 0 },
};

int
enroll_roster_view(struct db *db, const struct enroll *e, const char *q,
    const char *status, const char *page, int per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	char like[200];
	const char *st = status ? status : "";
	int found;
	int64_t n;

	view_paging_init(&pg, page, per);
	like_escape(q ? q : "", like, sizeof(like));
	if ((pg.total = db_one_int(db, &tab, STMT_ROSTER_COUNT, &found,
	    "issssss" "s", e->id, q ? q : "", like, q ? q : "", st, st, st,
	    st)) < 0 ||
	    (r = db_query(db, &tab, STMT_ROSTER, "issssss" "sii", e->id,
	    q ? q : "", like, q ? q : "", st, st, st, st, pg.per,
	    view_paging_offset(&pg))) == NULL)
		return 0;
	n = view_rows(view_add(parent, "roster", NULL), "person", roster_cols,
	    sizeof(roster_cols) / sizeof(roster_cols[0]), r, &pg);
	db_done(r);
	return n >= 0;
}

static const struct view_col list_cols[] = {
	{ NULL, VK_INT, NULL, 0 },
	{ NULL, VK_TEXT, NULL, 0 },
	{ "no", VK_TEXT, NULL, 0 },
	{ "@kind", VK_TEXT, NULL, 0 },
	{ "plan", VK_TEXT, NULL, 0 },
	{ "period-start", VK_DATE, NULL, 0 },
	{ "period-end", VK_DATE, NULL, 0 },
	{ "headcount", VK_INT, NULL, 0 },
	{ "due", VK_MONEY, NULL, 0 },
	{ "updated", VK_TEXT, NULL, 0 },
};

int
enroll_list_view(struct db *db, int64_t unit, const char *page, int per,
    xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list, n;
	int found;

	view_paging_init(&pg, page, per);
	if ((pg.total = db_one_int(db, &tab, STMT_LIST_COUNT, &found, "i",
	    unit)) < 0 ||
	    (r = db_query(db, &tab, STMT_LIST, "iii", unit, pg.per,
	    view_paging_offset(&pg))) == NULL)
		return 0;
	list = view_add(parent, "enrolls", NULL);
	while ((found = db_next(r)) == 1) {
		n = flow_view_state(list, "enroll", &enroll_flow, db_int(r, 0),
		    db_col(r, 1));
		view_fill(n, list_cols, sizeof(list_cols) /
		    sizeof(list_cols[0]), r);
	}
	db_done(r);
	view_attrf(list, "total", "%lld", (long long)pg.total);
	view_attrf(list, "page", "%lld", (long long)pg.page);
	view_attrf(list, "pages", "%lld", (long long)((pg.total + pg.per -
	    1) / pg.per));
	return found == 0;
}

/* ----------------------------------------------------------- workbooks */

/* The list's layout (seed 003's 参保花名册), which enroll_import reads. */
static const struct xlsx_col list_xcols[] = {
	{ "序号", 6 }, { "姓名", 12 }, { "居民身份证号(证件号码)", 22 },
	{ "社保卡银行卡号", 22 }, { "开户行", 22 }, { "手机号", 14 },
	{ "备注", 16 }, { "不可参保原因", 40 }, { "提示", 36 },
};

/* Rows of the list (every one, or the 不可参保 ones) into x, numbered;
 * the reason columns only when `reasons` (ncols 9, else 7).  1 or 0. */
static int
list_rows(struct db *db, int64_t id, int ineligible, struct xlsx_out *x,
    size_t ncols)
{
	struct db_res *r;
	const char *cells[9];
	char seq[24];
	int64_t n = 0;
	int rc, i, ok = 1;

	if ((r = db_query(db, &tab, STMT_ROWS, "ii", id,
	    (int64_t)(ineligible != 0))) == NULL)
		return 0;
	while (ok && (rc = db_next(r)) == 1) {
		snprintf(seq, sizeof(seq), "%lld", (long long)++n);
		cells[0] = seq;
		for (i = 0; i < 8; i++)
			cells[i + 1] = db_col(r, i);
		ok = xlsx_out_row(x, cells, ncols);
	}
	db_done(r);
	return ok && rc == 0;
}

int
enroll_form_xlsx(struct db *db, const struct enroll *e, const char *path,
    const char *tmpdir)
{
	struct xlsx_line info[] = {
		{ "申请编号", e->no, 0, 0, 0 },
		{ "申请类型", enroll_kind_labels[e->kind], 0, 0, 0 },
		{ "保障计划", e->plan_name, 0, 0, 0 },
		{ "保障期", NULL, 0, 0, 0 },
		{ "单位名称", e->unit_name, 0, 0, 0 },
		{ "工会主席", e->chairman, 0, 0, 0 },
		{ "工会联系人", e->contact, 0, 0, 0 },
		{ "联系人手机", e->contact_phone, 0, 0, 0 },
		{ "参保人数", NULL, 0, 0, 0 },
		{ "每人保费（元）", NULL, e->premium, 1, 0 },
		{ "应缴金额（元）", NULL, e->headcount * e->premium, 1, 0 },
		{ "经办人", e->agent_name, 0, 0, 0 },
	};
	char period[32], count[24], title[300];
	struct xlsx_out *x;

	snprintf(period, sizeof(period), "%s至%s", e->period_start,
	    e->period_end);
	snprintf(count, sizeof(count), "%lld", (long long)e->headcount);
	info[3].value = period;
	info[8].value = count;
	snprintf(title, sizeof(title), "参保申请单 %s", e->no);
	if ((x = xlsx_out_open_info(path, tmpdir, "参保申请单", title, info,
	    sizeof(info) / sizeof(info[0]), list_xcols, 7)) == NULL)
		return 0;
	if (!list_rows(db, e->id, 0, x, 7)) {
		xlsx_out_close(x);
		return 0;
	}
	return xlsx_out_close(x);
}

int
enroll_ineligible_xlsx(struct db *db, const struct enroll *e,
    const char *path, const char *tmpdir)
{
	struct xlsx_out *x;
	char title[300];

	snprintf(title, sizeof(title), "不可参保人员名单（%.15s %.200s）", e->no,
	    e->unit_name);
	if ((x = xlsx_out_open_titled(path, tmpdir, "不可参保人员名单", title,
	    NULL, list_xcols, 8)) == NULL)
		return 0;
	if (!list_rows(db, e->id, 1, x, 8)) {
		xlsx_out_close(x);
		return 0;
	}
	return xlsx_out_close(x);
}

int
enroll_notice_xlsx(struct db *db, const struct enroll *e, const char *path,
    const char *tmpdir)
{
	struct xlsx_line l[] = {
		{ "通知单编号", NULL, 0, 0, 0 },
		{ "缴费单位", e->unit_name, 0, 0, 0 },
		{ "保障计划", e->plan_name, 0, 0, 0 },
		{ "保障期", NULL, 0, 0, 0 },
		{ "参保人数", NULL, 0, 0, 0 },
		{ "每人保费（元）", NULL, e->premium, 1, 0 },
		{ "应缴金额（小写）", NULL, e->due, 1, 1 },
		{ "应缴金额（大写）", NULL, 0, 0, 1 },
		{ "收款单位", conf_str(CONF_PAY_NAME), 0, 0, 0 },
		{ "开户行", conf_str(CONF_PAY_BANK), 0, 0, 0 },
		{ "收款账号", conf_str(CONF_PAY_ACCOUNT), 0, 0, 0 },
		{ "汇款附言（缴费识别码）", e->no, 0, 0, 1 },
		{ "缴费截止日期", e->due_date, 0, 0, 0 },
	};
	char no[32], period[32], count[24], capital[160], sub[300];

	(void)db;
	snprintf(no, sizeof(no), "JF%s", e->no + 2);
	snprintf(period, sizeof(period), "%s至%s", e->period_start,
	    e->period_end);
	snprintf(count, sizeof(count), "%lld人", (long long)e->headcount);
	money_capital(e->due, capital, sizeof(capital));
	l[0].value = no;
	l[3].value = period;
	l[4].value = count;
	l[7].value = capital;
	snprintf(sub, sizeof(sub), "申请编号：%s    经办人：%s %s", e->no,
	    e->agent_name, e->agent_phone);
	return xlsx_form(path, "职工互助保障缴费通知单", sub, l,
	    sizeof(l) / sizeof(l[0]),
	    "说明：1. 请按应缴金额足额缴费，汇款时在附言中填写申请编号，"
	    "以便核对到账。\n2. 缴费后请登录单位经办平台，在该参保申请中填写"
	    "实缴金额、缴费日期并上传缴费凭证，财务确认到账后参保人员的保障"
	    "生效，经办人和参保职工将收到参保成功短信。\n3. 如有疑问，请联系"
	    "协会经办窗口。");
}
