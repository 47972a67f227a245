/*
 * member.c -- members.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "consent.h"
#include "db.h"
#include "kind.h"
#include "mask.h"
#include "member.h"
#include "session.h"
#include "sms.h"
#include "valid.h"
#include "xlsx.h"

enum stmt {
	STMT_FIND,
	STMT_GET,
	STMT_BOUND_AT,
	STMT_BIND,
	STMT_SEARCH,
	STMT_EXPORT,
	STMT__MAX
};

#define MEMBER_COLS "SELECT " MEMBER_COLUMNS " FROM member m" MEMBER_JOINS

static const char *const sql[STMT__MAX] = {
	[STMT_FIND] = MEMBER_COLS
	    " WHERE m.id_type = ? AND m.id_number = ? AND m.name = ?",
	[STMT_GET] = MEMBER_COLS " WHERE m.id = ?",
	[STMT_BOUND_AT] =
	    "SELECT DATE_FORMAT(bound_at, '%Y-%m-%d %H:%i') FROM member_bind"
	    " WHERE member_id = ?",
	[STMT_BIND] =
	    "INSERT INTO member_bind (member_id, phone) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE phone = VALUES(phone), bound_at = NOW()",
	[STMT_SEARCH] =
	    "SELECT m.id, m.name, m.id_type, m.id_number, m.phone,"
	    " COALESCE(o.name, '') FROM member m LEFT JOIN org o ON o.id ="
	    " m.unit_id WHERE m.name LIKE CONCAT(?, '%') OR m.id_number = ?"
	    " ORDER BY m.name LIMIT 50",
	[STMT_EXPORT] =
	    "SELECT m.name, m.id_type, m.id_number, m.gender, m.birth_date,"
	    " m.phone, o.name, p.name FROM member m"
	    " LEFT JOIN org o ON o.id = m.unit_id"
	    " LEFT JOIN org p ON p.id = o.parent_id ORDER BY m.id",
};

static const struct db_table tab = { DBM_MEMBER, sql, STMT__MAX };

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src) ? (src) : "")

void
member_from_row(struct db_res *r, int c, struct member *m)
{
	const char *g = db_col(r, c + 4);

	memset(m, 0, sizeof(*m));
	m->id = db_int(r, c);
	m->id_type = (int)db_int(r, c + 1);
	COPY(m->id_number, db_col(r, c + 2));
	COPY(m->name, db_col(r, c + 3));
	m->gender = g ? g[0] : 0;
	COPY(m->birth_date, db_col(r, c + 5));
	COPY(m->phone, db_col(r, c + 6));
	m->unit_id = db_int(r, c + 7);
	COPY(m->unit_name, db_col(r, c + 8));
	COPY(m->bound_phone, db_col(r, c + 9));
}

/* Run a MEMBER_COLS statement and take its first row. */
static int
member_one(struct db_res *r, struct member *m)
{
	int rc;

	if (r == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		member_from_row(r, 0, m);
	db_done(r);
	return rc;
}

int
member_find(struct db *db, int id_type, const char *id_number,
    const char *name, struct member *m)
{
	return member_one(db_query(db, &tab, STMT_FIND, "iss", (int64_t)id_type,
	    id_number, name), m);
}

int
member_get(struct db *db, int64_t id, struct member *m)
{
	return member_one(db_query(db, &tab, STMT_GET, "i", id), m);
}

int
member_bound_at(struct db *db, int64_t id, char *at, size_t size)
{
	struct db_res *res;
	int rc;

	at[0] = '\0';
	if ((res = db_query(db, &tab, STMT_BOUND_AT, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(res)) == 1)
		snprintf(at, size, "%s", db_col(res, 0));
	db_done(res);
	return rc;
}

enum refusal
member_bind_identify(struct db *db, const struct bind_ask *ask,
    struct member *m, long *wait, const char **field)
{
	struct throttle by_id = { SESS_MEMBER, ask->id_number, ask->ip };
	struct throttle by_phone = { SESS_MEMBER, ask->phone, NULL };
	enum refusal rf;
	int found;

	*field = NULL;
	if ((*wait = throttle_wait(db, &by_id)) > 0 ||
	    (*wait = throttle_wait(db, &by_phone)) > 0)
		return RF_THROTTLED;
	if ((rf = sms_code_check(db, ask->phone, "member_bind", ask->code))
	    != RF_OK) {
		if (rf == RF_DB)
			return rf;
		by_phone.ip = ask->ip;	/* guessing codes, from there */
		throttle_fail(db, &by_phone);
		*field = "code";
		return rf;
	}
	if ((found = member_find(db, ask->id_type, ask->id_number, ask->name,
	    m)) < 0)
		return RF_DB;
	if (!found)
		rf = RF_BIND_UNKNOWN;
	else if (m->phone[0] && strcmp(m->phone, ask->phone) != 0)
		rf = RF_BIND_PHONE;
	else {
		throttle_clear(db, &by_id);
		throttle_clear(db, &by_phone);
		return RF_OK;
	}
	throttle_fail(db, &by_id);
	throttle_fail(db, &by_phone);
	return rf;
}

struct bind_args {
	const struct member	*m;
	const char		*phone, *ip;
};

static int
member_bind_txn(struct db *db, void *arg)
{
	const struct bind_args *a = arg;
	const struct member *m = a->m;
	char text[200];

	if (db_exec(db, &tab, STMT_BIND, "is", m->id, a->phone) < 1 ||
	    !audit_log(db, SESS_MEMBER, m->id, a->ip, "member.bind", "member",
	    m->id, a->phone) || !consent_record(db, m->id, a->ip))
		return -1;
	if (m->bound_phone[0] == '\0' || strcmp(m->bound_phone, a->phone) == 0)
		return 0;
	/* The other phone's sessions end with its binding. */
	if (!session_drop(db, SESS_MEMBER, m->id, 0))
		return -1;
	snprintf(text, sizeof(text), "您的职工互助账号已在尾号%s的手机上重新绑定，"
	    "本机已退出登录。如非本人操作，请联系单位经办人。",
	    a->phone + strlen(a->phone) - 4);
	return sms_queue(db, m->bound_phone, text) ? 0 : -1;
}

int
member_bind(struct db *db, const struct member *m, const char *phone,
    const char *ip)
{
	struct bind_args a = { m, phone, ip };

	return db_txn(db, member_bind_txn, &a) == 0;
}


struct db_res *
member_search(struct db *db, const char *q)
{
	char esc[256];

	return db_query(db, &tab, STMT_SEARCH, "ss",
	    like_escape(q, esc, sizeof(esc)), q);
}

/* The 职工名单's columns; EX_* name them. */
static const struct xlsx_col export_cols[] = {
	{ "序号", 8 }, { "姓名", 14 }, { "证件类型", 14 }, { "证件号码", 22 },
	{ "性别", 6 }, { "出生日期", 12 }, { "手机号码", 14 },
	{ "所在单位", 30 }, { "上级工会", 24 },
};
enum { EX_SEQ, EX_NAME, EX_ID_TYPE, EX_ID_NUMBER, EX_GENDER, EX_BIRTH,
    EX_PHONE, EX_UNIT, EX_PARENT, EX__MAX };

/* What export_row keeps between rows: the count and the masks' text. */
struct export_arg {
	int	 full;
	int64_t	 n;
	char	 seq[24], id[64], phone[64];
};

/* A 职工名单 row from a STMT_EXPORT row. */
static void
export_row(struct db_res *r, const char **cells, void *arg)
{
	struct export_arg *a = arg;
	const char *g = db_col(r, 3);

	snprintf(a->seq, sizeof(a->seq), "%lld", (long long)++a->n);
	cells[EX_SEQ] = a->seq;
	cells[EX_NAME] = db_col(r, 0);
	cells[EX_ID_TYPE] = id_type_label((int)db_int(r, 1));
	cells[EX_ID_NUMBER] = a->full ? db_col(r, 2) : mask_id(db_col(r, 2), a->id);
	cells[EX_GENDER] = g ? (*g == 'F' ? "女" : "男") : NULL;
	cells[EX_BIRTH] = db_col(r, 4);
	cells[EX_PHONE] = a->full ? db_col(r, 5) :
	    mask_phone(db_col(r, 5), a->phone);
	cells[EX_UNIT] = db_col(r, 6);
	cells[EX_PARENT] = db_col(r, 7);
}

int64_t
member_export(struct db *db, int full, const char *path, const char *tmpdir)
{
	struct export_arg a = { .full = full };

	return xlsx_export(path, tmpdir, "职工名单", export_cols, EX__MAX,
	    db_stream(db, &tab, STMT_EXPORT, ""), export_row, &a);
}
