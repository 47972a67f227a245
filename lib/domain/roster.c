/*
 * roster.c -- 职工名册: template, single add / edit / remove, lists.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "roster.h"
#include "valid.h"
#include "xlsx.h"

const struct roster_column roster_columns[RC__MAX] = {
	[RC_SEQ] = { "序号", "选填", 6, 0 },
	[RC_NAME] = { "姓名", "必填，姓名中不要出现空格", 12, 1 },
	[RC_ID_TYPE] = { "证件类型", "选填，默认居民身份证；或填护照、"
	    "港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证",
	    16, 0 },
	[RC_ID_NUMBER] = { "证件号码", "必填，X要大写；本列已设为文本，"
	    "请勿改成数字格式", 22, 1 },
	[RC_PHONE] = { "手机号码", "必填，11位手机号", 14, 1 },
	[RC_SI_TYPE] = { "医保类型", "选填，例如城镇职工基本医疗保险", 18, 0 },
	[RC_SI_CARD] = { "社保卡号", "选填", 18, 0 },
	[RC_BANK_CARD] = { "银行卡号", "选填，填社保卡上的银行卡号，"
	    "用于补助打款", 22, 0 },
	[RC_BANK_NAME] = { "开户行", "选填，例如青岛银行市南支行", 20, 0 },
	[RC_REMARKS] = { "备注", "选填", 16, 0 },
};

enum stmt {
	STMT_FIND,
	STMT_INSERT,
	STMT_JOIN,
	STMT_MEMBERSHIP_OPEN,
	STMT_MEMBERSHIP_CLOSE,
	STMT_UPDATE,
	STMT_REMOVE,
	STMT_LIST,
	STMT_COUNT,
	STMT_ONE,
	STMT_STREAM,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT m.id, m.name, m.id_type, m.id_number, m.gender, m.birth_date," \
	" m.phone, m.si_type, m.si_card, m.bank_card, m.bank_name, m.remarks" \
	" FROM member m"
/* q: a name prefix, or an exact (normalised) ID number. */
#define MATCH \
	" AND (? = '' OR m.name LIKE CONCAT(?, '%') OR m.id_number = ?)"

static const char *const sql[STMT__MAX] = {
	[STMT_FIND] =
	    "SELECT m.id, COALESCE(m.unit_id, 0), o.name FROM member m"
	    " LEFT JOIN org o ON o.id = m.unit_id"
	    " WHERE m.id_type = ? AND m.id_number = ? FOR UPDATE",
	[STMT_INSERT] =
	    "INSERT INTO member (id_type, id_number, name, gender, birth_date,"
	    " phone, si_type, si_card, bank_card, bank_name, remarks, unit_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''),"
	    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?)",
	[STMT_JOIN] =
	    "UPDATE member SET unit_id = ?, name = ?, phone = ?,"
	    " si_type = COALESCE(NULLIF(?, ''), si_type),"
	    " si_card = COALESCE(NULLIF(?, ''), si_card),"
	    " bank_card = COALESCE(NULLIF(?, ''), bank_card),"
	    " bank_name = COALESCE(NULLIF(?, ''), bank_name),"
	    " remarks = COALESCE(NULLIF(?, ''), remarks)"
	    " WHERE id = ? AND unit_id IS NULL",
	[STMT_MEMBERSHIP_OPEN] =
	    "INSERT INTO membership (member_id, unit_id, reason) VALUES (?, ?, ?)",
	[STMT_MEMBERSHIP_CLOSE] =
	    "UPDATE membership SET ended_at = NOW() WHERE member_id = ?"
	    " AND unit_id = ? AND ended_at IS NULL",
	[STMT_UPDATE] =
	    "UPDATE member SET name = ?, phone = ?, si_type = NULLIF(?, ''),"
	    " si_card = NULLIF(?, ''), bank_card = NULLIF(?, ''),"
	    " bank_name = NULLIF(?, ''), remarks = NULLIF(?, '')"
	    " WHERE id = ? AND unit_id = ?",
	[STMT_REMOVE] =
	    "UPDATE member SET unit_id = NULL WHERE id = ? AND unit_id = ?",
	[STMT_LIST] = LIST_COLS " WHERE m.unit_id = ?" MATCH
	    " ORDER BY m.name, m.id LIMIT ? OFFSET ?",
	[STMT_COUNT] = "SELECT COUNT(*) FROM member m WHERE m.unit_id = ?" MATCH,
	[STMT_ONE] = LIST_COLS " WHERE m.unit_id = ? AND m.id = ?",
	[STMT_STREAM] = LIST_COLS " WHERE m.unit_id = ? ORDER BY m.name, m.id",
};

static const struct db_table tab = { DBM_ROSTER, sql, STMT__MAX };

int
roster_template(const char *path, const char *tmpdir)
{
	struct xlsx_col cols[RC__MAX];
	const char *notes[RC__MAX], *example[RC__MAX] = {
		[RC_SEQ] = "1", [RC_NAME] = ROSTER_EXAMPLE_NAME,
		[RC_ID_TYPE] = "居民身份证", [RC_ID_NUMBER] = ROSTER_EXAMPLE_ID,
		[RC_PHONE] = "13800138000", [RC_SI_TYPE] = "城镇职工基本医疗保险",
		[RC_BANK_CARD] = "6228480402564890018",
		[RC_BANK_NAME] = "青岛银行市南支行",
		[RC_REMARKS] = "示例，请删除此行",
	};
	struct xlsx_out *x;
	size_t i;

	for (i = 0; i < RC__MAX; i++) {
		cols[i].title = roster_columns[i].title;
		cols[i].width = roster_columns[i].width;
		notes[i] = roster_columns[i].note;
	}
	if ((x = xlsx_out_open_titled(path, tmpdir, "职工名册",
	    "职工名册（导入模板）", notes, cols, RC__MAX)) == NULL)
		return 0;
	if (!xlsx_out_row(x, example, RC__MAX)) {
		xlsx_out_close(x);
		return 0;
	}
	return xlsx_out_close(x);
}

struct add_arg {
	const struct actor		*by;
	int64_t				 unit;
	const struct roster_person	*p;
	int64_t				*member;
	char				*other;
	size_t				 n;
	enum refusal			 rc;
};

static int
add_txn(struct db *db, void *arg)
{
	struct add_arg *a = arg;
	const struct roster_person *p = a->p;
	struct db_res *res;
	char birth[11] = "", gender[2] = "";
	int64_t id = 0, in = 0;
	int found;

	a->rc = RF_DB;
	if ((res = db_query(db, &tab, STMT_FIND, "is", (int64_t)p->id_type,
	    p->id_number)) == NULL)
		return 1;
	if ((found = db_next(res)) == 1) {
		id = db_int(res, 0);
		in = db_int(res, 1);
		snprintf(a->other, a->n, "%s", db_col(res, 2) ? db_col(res, 2) : "");
	}
	db_done(res);
	if (found < 0)
		return 1;
	*a->member = id;
	if (found && in == a->unit) {
		a->rc = RF_SAME_UNIT;
		return 1;
	}
	if (found && in != 0) {
		a->rc = RF_OTHER_UNIT;
		return 1;
	}
	if (found) {
		if (db_exec(db, &tab, STMT_JOIN, "isssssssi", a->unit, p->name,
		    p->phone, p->si_type, p->si_card, p->bank_card, p->bank_name,
		    p->remarks, id) != 1)
			return 1;
	} else {
		if (p->id_type == ID_RESIDENT)
			id_birth_gender(p->id_number, birth, gender);
		if (db_exec(db, &tab, STMT_INSERT, "issssssssssi",
		    (int64_t)p->id_type, p->id_number, p->name,
		    *gender ? gender : NULL, *birth ? birth : NULL, p->phone,
		    p->si_type, p->si_card, p->bank_card, p->bank_name,
		    p->remarks, a->unit) != 1)
			return 1;
		id = *a->member = db_insert_id(db);
	}
	if (db_exec(db, &tab, STMT_MEMBERSHIP_OPEN, "iis", id, a->unit,
	    "名册新增") != 1)
		return 1;
	if (!audit_act(db, a->by, "roster.add", "member", id, NULL))
		return 1;
	a->rc = RF_OK;
	return 0;
}

enum refusal
roster_add(struct db *db, const struct actor *by, int64_t unit,
    const struct roster_person *p, int64_t *member, char *other, size_t n)
{
	struct add_arg a = { by, unit, p, member, other, n, RF_DB };

	*member = 0;
	other[0] = '\0';
	if (db_txn(db, add_txn, &a) < 0)
		return RF_DB;
	return a.rc;
}

/* An update or a removal of one member, with its audit row. */
struct change_arg {
	const struct actor		*by;
	int64_t				 unit, member;
	const struct roster_person	*p;
	enum refusal			 rc;
};

static int
update_txn(struct db *db, void *arg)
{
	struct change_arg *a = arg;
	const struct roster_person *p = a->p;
	int64_t n;

	a->rc = RF_DB;
	/* Rows matched (CLIENT_FOUND_ROWS): 0 only when not in this unit. */
	if ((n = db_exec(db, &tab, STMT_UPDATE, "sssssssii", p->name, p->phone,
	    p->si_type, p->si_card, p->bank_card, p->bank_name, p->remarks,
	    a->member, a->unit)) < 0)
		return 1;
	if (n == 0) {
		a->rc = RF_NOT_IN_ROSTER;
		return 1;
	}
	if (!audit_act(db, a->by, "roster.update", "member", a->member, NULL))
		return 1;
	a->rc = RF_OK;
	return 0;
}

enum refusal
roster_update(struct db *db, const struct actor *by, int64_t unit,
    int64_t member, const struct roster_person *p)
{
	struct change_arg a = { by, unit, member, p, RF_DB };

	return db_txn(db, update_txn, &a) < 0 ? RF_DB : a.rc;
}

static int
remove_txn(struct db *db, void *arg)
{
	struct change_arg *a = arg;
	int64_t n;

	a->rc = RF_DB;
	if ((n = db_exec(db, &tab, STMT_REMOVE, "ii", a->member, a->unit)) < 0)
		return 1;
	if (n == 0) {
		a->rc = RF_NOT_IN_ROSTER;
		return 1;
	}
	if (db_exec(db, &tab, STMT_MEMBERSHIP_CLOSE, "ii", a->member, a->unit)
	    < 0 || !audit_act(db, a->by, "roster.remove", "member", a->member,
	    NULL))
		return 1;
	a->rc = RF_OK;
	return 0;
}

enum refusal
roster_remove(struct db *db, const struct actor *by, int64_t unit,
    int64_t member)
{
	struct change_arg a = { by, unit, member, NULL, RF_DB };

	return db_txn(db, remove_txn, &a) < 0 ? RF_DB : a.rc;
}

struct db_res *
roster_list(struct db *db, int64_t unit, const char *q, int64_t offset,
    int64_t limit)
{
	char esc[256];

	like_escape(q, esc, sizeof(esc));
	return db_query(db, &tab, STMT_LIST, "isssii", unit, q, esc, q, limit,
	    offset);
}

int64_t
roster_count(struct db *db, int64_t unit, const char *q)
{
	char esc[256];
	int found;

	like_escape(q, esc, sizeof(esc));
	return db_one_int(db, &tab, STMT_COUNT, &found, "isss", unit, q, esc, q);
}

struct db_res *
roster_one(struct db *db, int64_t unit, int64_t member)
{
	return db_query(db, &tab, STMT_ONE, "ii", unit, member);
}

/* The 序号 column of an export: the rows counted so far, as text. */
struct seq {
	int64_t	 n;
	char	 text[24];
};

/* A 职工名册 row from a LIST_COLS row; arg is a struct seq. */
static void
export_row(struct db_res *res, const char **cells, void *arg)
{
	struct seq *c = arg;

	snprintf(c->text, sizeof(c->text), "%lld", (long long)++c->n);
	cells[RC_SEQ] = c->text;
	cells[RC_NAME] = db_col(res, RL_NAME);
	cells[RC_ID_TYPE] = id_type_label((int)db_int(res, RL_ID_TYPE));
	cells[RC_ID_NUMBER] = db_col(res, RL_ID_NUMBER);
	cells[RC_PHONE] = db_col(res, RL_PHONE);
	cells[RC_SI_TYPE] = db_col(res, RL_SI_TYPE);
	cells[RC_SI_CARD] = db_col(res, RL_SI_CARD);
	cells[RC_BANK_CARD] = db_col(res, RL_BANK_CARD);
	cells[RC_BANK_NAME] = db_col(res, RL_BANK_NAME);
	cells[RC_REMARKS] = db_col(res, RL_REMARKS);
}

int64_t
roster_export(struct db *db, int64_t unit, const char *path,
    const char *tmpdir)
{
	struct xlsx_col cols[RC__MAX];
	struct seq counter = { 0, "" };
	size_t i;

	for (i = 0; i < RC__MAX; i++) {
		cols[i].title = roster_columns[i].title;
		cols[i].width = roster_columns[i].width;
	}
	return xlsx_export(path, tmpdir, "职工名册", cols, RC__MAX,
	    db_stream(db, &tab, STMT_STREAM, "i", unit), export_row, &counter);
}
