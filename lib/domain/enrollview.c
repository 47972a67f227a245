/*
 * enrollview.c -- 参保申请 as people see it: the application's head with
 * seed 004's progress bar, its accounts and people, the roster to pick
 * from, a unit's list, and the workbooks (导出申请单, 不可参保人员名单,
 * 缴费通知单).  What it is and what it may do lives in enroll.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "enroll.h"
#include "enrollint.h"
#include "money.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

enum stmt {
	STMT_ACCOUNTS,
	STMT_MEMBERS,
	STMT_MEMBERS_COUNT,
	STMT_ROSTER,
	STMT_ROSTER_COUNT,
	STMT_LIST,
	STMT_LIST_COUNT,
	STMT_ROWS,
	STMT__MAX
};


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
	[STMT_ACCOUNTS] =
	    "SELECT id, holder, bank, account FROM enroll_account"
	    " WHERE enroll_id = ? ORDER BY id",
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

static const struct db_table tab = { DBM_ENROLL_VIEW, sql, STMT__MAX };


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

xmlNodePtr
enroll_view(struct db *db, const struct enroll *e, xmlNodePtr parent)
{
	xmlNodePtr n;
	char ratio[16] = "";

	(void)db;
	n = flow_view_item(parent, "enroll", &e->flow);
	view_attr(n, "kind", enroll_kind_names[e->kind]);
	view_attrf(n, "progress", "%d", enroll_progress(e));
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
	view_money(n, "due", flow_editable(&e->flow) ? e->headcount *
	    e->premium : e->due);
	if (e->paid >= 0)
		view_money(n, "paid", e->paid);
	view_add(n, "paid-on", e->paid_on);
	view_add(n, "due-date", e->due_date);
	if (enroll_progress(e) == 4)	/* 上传缴费凭证 */
		view_attr(n, "paying", "1");
	return n;
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
