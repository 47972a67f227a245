/*
 * enrollcheck.c -- who is on a 参保申请 and who may be covered: the list
 * imported as typed, the eligibility check of 上报 as a set, and the
 * coverage finance's confirmation makes under the persons' row locks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "enroll.h"
#include "enrollint.h"
#include "flow.h"
#include "kind.h"
#include "plan.h"
#include "renewal.h"
#include "clock.h"
#include "sms.h"
#include "valid.h"
#include "xlsxread.h"

enum stmt {
	STMT_ACCOUNT_COUNT,
	STMT_PICK_ONE,
	STMT_PICK_NEW,
	STMT_UNLIST,
	STMT_UNLIST_BAD,
	STMT_IMPORT_ROW,
	STMT_EL_RESET,
	STMT_EL_UNKNOWN,
	STMT_EL_MARK,
	STMT_EL_NOT_ROSTER,
	STMT_EL_OTHER_UNIT,
	STMT_EL_NAME,
	STMT_EL_GENDER,
	STMT_EL_COVERED,
	STMT_EL_COUNT,
	STMT_FIX,
	STMT_LOCK_MEMBERS,
	STMT_CLASH,
	STMT_COVER,
	STMT_PHONES,
	STMT__MAX
};


static const char *const sql[STMT__MAX] = {
	[STMT_ACCOUNT_COUNT] =
	    "SELECT COUNT(*) FROM enroll_account WHERE enroll_id = ?",
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
	[STMT_UNLIST] =
	    "DELETE FROM enroll_member WHERE enroll_id = ? AND row_id = ?",
	[STMT_UNLIST_BAD] =
	    "DELETE FROM enroll_member WHERE enroll_id = ?"
	    " AND problem IS NOT NULL",

	[STMT_IMPORT_ROW] =
	    "INSERT INTO enroll_member (enroll_id, id_type, id_number, name,"
	    " phone, bank_card, bank_name, remarks)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " name = VALUES(name), phone = VALUES(phone),"
	    " bank_card = VALUES(bank_card), bank_name = VALUES(bank_name),"
	    " remarks = VALUES(remarks), problem = NULL, warning = NULL",
	/* Eligibility, as a set: the first problem found is kept. */
	/*
	 * The first pass: who each row is, no problem yet, and the warnings
	 * (they never refuse), in one write of every row: 60+ at the
	 * period's start, and the 等待期 of whoever does not continue a
	 * coverage of the plan that ended the day before (an uninterrupted
	 * renewal waits for nothing).  Params: the period's start, the age
	 * that warns, the start, the waiting days, the plan, the start, the
	 * 等待期 text, the application.
	 */
	[STMT_EL_RESET] =
	    "UPDATE enroll_member em LEFT JOIN member m"
	    " ON m.id_type = em.id_type AND m.id_number = em.id_number"
	    " SET em.member_id = m.id, em.problem = NULL, em.warning ="
	    " NULLIF(CONCAT_WS('；', IF(TIMESTAMPDIFF(YEAR, m.birth_date, ?)"
	    " >= ?, CONCAT('参保时已满', TIMESTAMPDIFF(YEAR, m.birth_date, ?),"
	    " '周岁'), NULL), IF(? > 0 AND m.id IS NOT NULL"
	    " AND NOT EXISTS (SELECT 1 FROM coverage c WHERE c.member_id ="
	    " m.id AND c.plan_id = ? AND c.ends = ? - INTERVAL 1 DAY), ?,"
	    " NULL)), '') WHERE em.enroll_id = ?",
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
	[STMT_EL_COUNT] =
	    "SELECT COUNT(*), COALESCE(SUM(problem IS NOT NULL), 0)"
	    " FROM enroll_member WHERE enroll_id = ?",
	/* On 上报: the headcount, the premium due, the unit as it is now. */
	[STMT_FIX] =
	    "UPDATE enroll e JOIN org o ON o.id = e.unit_id SET"
	    " e.headcount = ?, e.due = ? * e.premium, e.chairman = o.chairman,"
	    " e.contact = o.contact, e.contact_phone = o.contact_phone,"
	    " e.nature = o.nature, e.employees = o.employees WHERE e.id = ?",
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
};

static const struct db_table tab = { DBM_ENROLL_CHECK, sql, STMT__MAX };

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

	return enroll_edit(db, id, by, "enroll.pick", pick_fn, &p, added);
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

	return enroll_edit(db, id, by, "enroll.unlist", unlist_fn, &u, NULL);
}

enum refusal
enroll_unlist_ineligible(struct db *db, int64_t id,
    const struct flow_actor *by, int64_t *removed)
{
	return enroll_edit(db, id, by, "enroll.unlist", unlist_fn, NULL, removed);
}

/* The people of `month`'s 续保提醒 list of the application's unit and plan
 * into it. */
enum refusal
enroll_pick_month(struct db *db, int64_t id, const char *month,
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

	return enroll_edit(db, id, by, "enroll.import", import_fn, &in, added);
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
	char idn[32], from[11], wait[120];
	const char *why, *only;
	int64_t n;
	int rc;

	if (enroll_get(db, id, &e) != 1 ||
	    plan_terms_get(db, e.version_id, &t) != 1 ||
	    !clock_date_add(e.period_start, 0, t.waiting_days, from))
		return RF_DB;
	snprintf(wait, sizeof(wait), "新参保，等待期%d天（%s起可申请补助）",
	    t.waiting_days, from);
	if (db_exec(db, &tab, STMT_EL_RESET, "sisiissi", e.period_start,
	    (int64_t)t.age_warn, e.period_start, (int64_t)t.waiting_days,
	    e.plan_id, e.period_start, wait, id) < 0 ||
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
	    db_exec(db, &tab, STMT_EL_COVERED, "i", id) < 0)
		return RF_DB;
	if ((r = db_query(db, &tab, STMT_EL_COUNT, "i", id)) == NULL)
		return RF_DB;
	n = db_next(r);
	*listed = n == 1 ? db_int(r, 0) : 0;
	*problems = n == 1 ? db_int(r, 1) : 0;
	db_done(r);
	return n == 1 ? RF_OK : RF_DB;
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
	if ((accounts = db_one_int(db, &tab, STMT_ACCOUNT_COUNT, &rc, "i",
	    s->id)) < 0)
		return 1;
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

/*
 * 已办结: one coverage per person, never two of one plan for overlapping
 * periods (the persons locked first, then looked at), and "参保成功" to
 * every person with a phone through the outbox.
 */
enum refusal
enroll_cover(struct db *db, const struct enroll *e)
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

