/*
 * change.c -- 个人信息变更: the request, its flow, its rules, and what 办结
 * does to the member row.  The pages' views are in changeview.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "change.h"
#include "changeint.h"
#include "clock.h"
#include "db.h"
#include "flows.h"
#include "http_parse.h"
#include "kind.h"
#include "log.h"
#include "message.h"
#include "sms.h"
#include "store.h"
#include "valid.h"

static const char *const channel_names[CHG__MAX] = { "member", "unit" };

/* ... and as they are written: 8 parameters "sissssss". */
#define PERSON_SET(p) \
	p "name = ?, " p "id_type = ?, " p "id_number = ?,"                   \
	" " p "gender = NULLIF(?, ''), " p "birth_date = NULLIF(?, ''),"      \
	" " p "si_type = NULLIF(?, ''), " p "si_card = NULLIF(?, ''),"        \
	" " p "phone = NULLIF(?, '')"

enum stmt {
	STMT_LOCK_MEMBER,
	STMT_ID_TAKEN,
	STMT_SEQ,
	STMT_LAST_ID,
	STMT_CREATE,
	STMT_SET,
	STMT_CLOSE,
	STMT_APPLY,
	STMT_BIND_PHONE,
	STMT_PROOFS,
	STMT_PHONE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* The member's row, locked: requests for one member, from either
	 * channel, and 办结 wait for each other here. */
	[STMT_LOCK_MEMBER] = "SELECT id FROM member WHERE id = ? FOR UPDATE",
	[STMT_ID_TAKEN] =
	    "SELECT COUNT(*) FROM member WHERE id_type = ? AND id_number = ?"
	    " AND id <> ?",
	/* BG<YYYYMMDD>: the day's counter row, locked until COMMIT, so
	 * requests filed at once get numbers one after another. */
	[STMT_SEQ] =
	    "INSERT INTO change_seq (day, last) VALUES (?, LAST_INSERT_ID(1))"
	    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
	[STMT_LAST_ID] = "SELECT LAST_INSERT_ID()",
	[STMT_CREATE] =
	    "INSERT INTO info_change (no, channel, member_id, unit_id,"
	    " open_member, old_name, old_id_type, old_id_number, name, id_type,"
	    " id_number) VALUES (?, ?, ?, NULLIF(?, 0), ?, '', 0, '', '', 0,"
	    " '')",
	/* Before, after and 备注 (at filing, at each edit, at 办结). */
	[STMT_SET] =
	    "UPDATE info_change SET " PERSON_SET("old_") ", "
	    PERSON_SET("") ", remark = NULLIF(?, '') WHERE id = ?",
	/* 办结 or 删除: the member may file again. */
	[STMT_CLOSE] = "UPDATE info_change SET open_member = NULL WHERE id = ?",
	[STMT_APPLY] = "UPDATE member SET " PERSON_SET("") " WHERE id = ?",
	/* The sign-in's phone follows the member's (bind checks the roster's
	 * phone). */
	[STMT_BIND_PHONE] =
	    "UPDATE member_bind SET phone = ? WHERE member_id = ?",
	[STMT_PROOFS] =
	    "SELECT COUNT(*) FROM attachment WHERE owner_type = 'change'"
	    " AND owner_id = ?",
	/* Where a member hears: their binding's phone, else the roster's. */
	[STMT_PHONE] =
	    "SELECT COALESCE(b.phone, m.phone, '') FROM member m"
	    " LEFT JOIN member_bind b ON b.member_id = m.id WHERE m.id = ?",
};

static const struct db_table tab = { DBM_CHANGE, sql, STMT__MAX };

/* ---------------------------------------------------------------- flow */

enum { CS_DRAFT, CS_REVIEW1, CS_REVIEW2, CS_DONE, CS_CANCELLED, CS__MAX };

static const struct flow_state states[CS__MAX] = {
	[CS_DRAFT] =	 { "draft", "草稿", 0, NULL },
	[CS_REVIEW1] =	 { "review1", "待初审", 0, NULL },
	[CS_REVIEW2] =	 { "review2", "待复核", 0, NULL },
	[CS_DONE] =	 { "done", "办结", 1, NULL },
	[CS_CANCELLED] = { "cancelled", "已删除", 1, NULL },
};

/* The seeds' words (000: 您有1条变更信息申请单被驳回; 短信和消息通知). */
static const struct flow_notice notice_returned = {
	"您有1条变更信息申请单被驳回",
	"您提交的个人信息变更申请单{no}被驳回，驳回理由是：{reason}。"
	"请修改后重新提交，或删除该申请单。",
	"您提交的个人信息变更申请单{no}被驳回，驳回理由是：{reason}，"
	"请修改后重新提交，或删除该申请单。",
};
static const struct flow_notice notice_done = {
	"个人信息变更已办结：{no}",
	"您提交的个人信息变更申请单{no}已审核办结，{title}的个人信息已变更。",
	"您提交的个人信息变更申请单{no}已审核办结，{title}的个人信息已变更。",
};

static const struct flow_trans trans[] = {
	{ CS_DRAFT,   CS_REVIEW1,   FA_SUBMIT,  FLOW_BY_FILER, "提交", 0,
	    NULL, NULL },
	{ CS_DRAFT,   CS_CANCELLED, FA_CANCEL,  FLOW_BY_FILER, "删除", 0,
	    NULL, NULL },
	{ CS_REVIEW1, CS_REVIEW2,   FA_APPROVE, ROLE_REVIEW1, "初审", 1,
	    NULL, NULL },
	{ CS_REVIEW1, CS_DRAFT,     FA_RETURN,  ROLE_REVIEW1, "初审", 1,
	    NULL, &notice_returned },
	{ CS_REVIEW2, CS_DONE,      FA_APPROVE, ROLE_REVIEW2, "复核", 1,
	    NULL, &notice_done },
	{ CS_REVIEW2, CS_DRAFT,     FA_RETURN,  ROLE_REVIEW2, "复核", 1,
	    NULL, &notice_returned },
};

static enum refusal change_check(struct db *, const struct flow_item *,
    const struct flow_trans *);
static enum refusal change_done(struct db *, const struct flow_item *,
    const struct flow_trans *);
static int change_phone_of(struct db *, const struct flow_item *,
    char phone[16]);
static int change_words(struct db *, const struct flow_item *,
    struct flow_words *);

static const struct flow_hooks hooks = {
	change_check, change_done, change_phone_of, change_body, NULL,
	change_words, NULL,
};

const struct flow_type change_flow = {
	"change", "信息变更", states, CS__MAX, trans,
	(int)(sizeof(trans) / sizeof(trans[0])),
	FLOW_FILER_AGENT | FLOW_FILER_MEMBER, "/u/change?id=", &hooks,
	"/m/change?id=", 0,
};

/* --------------------------------------------------------------- rules */

/* Whether the ID (type and number) differs. */
static int
id_differs(const struct change_fields *a, const struct change_fields *b)
{
	return a->id_type != b->id_type || strcmp(a->id_number, b->id_number);
}

/* Whether anything but the phone differs; *phone whether it does. */
static int
others_differ(const struct change_fields *a, const struct change_fields *b,
    int *phone)
{
	*phone = strcmp(a->phone, b->phone) != 0;
	return id_differs(a, b) || strcmp(a->name, b->name) ||
	    a->gender != b->gender || strcmp(a->birth_date, b->birth_date) ||
	    strcmp(a->si_type, b->si_type) || strcmp(a->si_card, b->si_card);
}

/*
 * Birth date and gender as an 18-digit resident ID says: taken from it
 * where the filer left them as they were (or empty), refused where the
 * filer set them otherwise.
 */
static enum refusal
judge_fields(const struct change_fields *cur, struct change_fields *f,
    const char **field)
{
	char birth[11], gender, today[11];

	*field = NULL;
	if (f->id_type == ID_RESIDENT && id_birth_gender(f->id_number, birth,
	    &gender)) {
		if (f->birth_date[0] == '\0' ||
		    strcmp(f->birth_date, cur->birth_date) == 0)
			snprintf(f->birth_date, sizeof(f->birth_date), "%s",
			    birth);
		if (f->gender == 0 || f->gender == cur->gender)
			f->gender = gender;
		if (strcmp(f->birth_date, birth) != 0) {
			*field = "birth_date";
			return RF_CHANGE_BIRTH;
		}
		if (f->gender != gender) {
			*field = "gender";
			return RF_CHANGE_GENDER;
		}
	}
	clock_today(today);
	if (f->birth_date[0] && strcmp(f->birth_date, today) > 0) {
		*field = "birth_date";
		return RF_CHANGE_BIRTH_FUTURE;
	}
	return RF_OK;
}

/* The rules against the member's record `cur` (unit `unit`). */
static enum refusal
judge(struct db *db, int64_t member, const struct change_fields *cur,
    int64_t unit, struct change_ask *a, int *phone_only, const char **field)
{
	enum refusal rf;
	int phone, found;
	int64_t n;

	*phone_only = 0;
	/* A phone left empty is the record's (a phone is not removed). */
	if (a->f.phone[0] == '\0')
		memcpy(a->f.phone, cur->phone, sizeof(a->f.phone));
	if ((rf = judge_fields(cur, &a->f, field)) != RF_OK)
		return rf;
	if (a->unit_id > 0 && a->unit_id != unit) {
		*field = "unit_id";
		return RF_CHANGE_UNIT;
	}
	if (strcmp(a->f.name, cur->name) != 0 && id_differs(&a->f, cur)) {
		*field = "id_number";
		return RF_CHANGE_NAME_ID;
	}
	if (!others_differ(&a->f, cur, &phone)) {
		if (!phone)
			return RF_CHANGE_NOTHING;
		*phone_only = 1;
		return RF_OK;
	}
	if (id_differs(&a->f, cur)) {
		n = db_one_int(db, &tab, STMT_ID_TAKEN, &found, "isi",
		    (int64_t)a->f.id_type, a->f.id_number, member);
		if (n < 0)
			return RF_DB;
		if (n > 0) {
			*field = "id_number";
			return RF_CHANGE_ID_TAKEN;
		}
	}
	return RF_OK;
}

enum refusal
change_judge(struct db *db, int64_t member, struct change_ask *a,
    int *phone_only, const char **field)
{
	struct change_fields cur;
	char unit_name[256];
	int64_t unit;
	int rc;

	*field = NULL;
	if ((rc = change_current(db, member, &cur, &unit, unit_name)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	return judge(db, member, &cur, unit, a, phone_only, field);
}

/* Whether `by` may file for `member` of unit `unit`. */
static enum refusal
may_file(struct db *db, int64_t member, int64_t unit,
    const struct flow_actor *by)
{
	if (by->kind == SESS_MEMBER)
		return by->id == member ? RF_OK : RF_NOT_FOUND;
	if (by->kind == SESS_AGENT)
		return unit > 0 ? agent_may_aid(db, by->id, unit) :
		    RF_NOT_FOUND;
	return RF_NOT_FOUND;
}

/* ------------------------------------------------------ filing, editing */

struct file_arg {
	int64_t			 member, id;
	struct change_ask	*a;
	const struct upload *const *ups;
	size_t			 n;
	int			 submit;
	const struct flow_actor	*by;
	enum refusal		 rf;
	const char		*why;
};

/* Writes before (`cur`), after and 备注 of request `id`.  1, 0. */
static int
set_fields(struct db *db, int64_t id, const struct change_fields *b,
    const struct change_fields *f, const char *remark)
{
	char bg[2] = { b->gender, 0 }, fg[2] = { f->gender, 0 };

	return db_exec(db, &tab, STMT_SET, "sissssss" "sissssss" "si",
	    b->name, (int64_t)b->id_type, b->id_number, bg, b->birth_date,
	    b->si_type, b->si_card, b->phone,
	    f->name, (int64_t)f->id_type, f->id_number, fg, f->birth_date,
	    f->si_type, f->si_card, f->phone, remark ? remark : "", id) >= 0;
}

/* Keeps the uploads as 变更凭证 of request `id`.  RF_OK, RF_FILE (a->why),
 * RF_DB. */
static enum refusal
keep_proofs(struct db *db, struct file_arg *a, int64_t id)
{
	const char *err;
	size_t i;

	for (i = 0; i < a->n; i++) {
		if (a->ups[i] == NULL || a->ups[i]->size == 0)
			continue;
		err = NULL;
		if (store_put(db, a->ups[i], AK_CHANGE_PROOF, "change", id,
		    a->by->kind, a->by->id, &err) <= 0) {
			a->why = err;
			return err ? RF_FILE : RF_DB;
		}
		if (!audit_log(db, a->by->kind, a->by->id, a->by->ip,
		    "change.upload", "change", id, a->ups[i]->filename))
			return RF_DB;
	}
	return RF_OK;
}

/* The member's row locked and read, the rules applied: RF_OK with *cur
 * and *unit. */
static enum refusal
lock_judge(struct db *db, struct file_arg *a, struct change_fields *cur,
    int64_t *unit, char unit_name[256])
{
	const char *field;
	enum refusal rf;
	int found, phone_only, rc;

	if (db_one_int(db, &tab, STMT_LOCK_MEMBER, &found, "i", a->member) < 0)
		return RF_DB;
	if (!found)
		return RF_NOT_FOUND;
	if ((rc = change_current(db, a->member, cur, unit, unit_name)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	if ((rf = judge(db, a->member, cur, *unit, a->a, &phone_only, &field))
	    != RF_OK)
		return rf;
	/* The phone alone goes through change_phone, not a request. */
	return phone_only ? RF_CHANGE_PHONE_ONLY : RF_OK;
}

static int
file_txn(struct db *db, void *arg)
{
	struct file_arg *a = arg;
	struct flow_new fn = { a->by->kind, a->by->id, a->by->name, 0, 0, NULL };
	struct change_fields cur;
	char unit_name[256], today[11], day[9], no[17];
	int64_t unit, seq, open;
	int found;

	a->why = NULL;
	if ((a->rf = lock_judge(db, a, &cur, &unit, unit_name)) != RF_OK)
		return 1;
	if ((a->rf = may_file(db, a->member, unit, a->by)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if ((open = change_open_of(db, a->member)) < 0)
		return 1;
	if (open > 0) {
		a->rf = RF_CHANGE_OPEN;
		return 1;
	}
	clock_today(today);
	snprintf(day, sizeof(day), "%.4s%.2s%.2s", today, today + 5,
	    today + 8);
	if (db_exec(db, &tab, STMT_SEQ, "s", day) < 1 ||
	    (seq = db_one_int(db, &tab, STMT_LAST_ID, &found, "")) <= 0)
		return 1;
	if (seq > 999999) {	/* six digits a day */
		log_err("change: more than 999999 requests on %s", day);
		return 1;
	}
	snprintf(no, sizeof(no), "BG%s%06lld", day, (long long)seq);
	if (db_exec(db, &tab, STMT_CREATE, "ssiii", no,
	    channel_names[a->by->kind == SESS_AGENT ? CHG_UNIT : CHG_MEMBER],
	    a->member, unit, a->member) != 1)
		return 1;
	a->id = db_insert_id(db);
	if (!set_fields(db, a->id, &cur, &a->a->f, a->a->remark))
		return 1;
	fn.unit_id = unit;
	fn.title = cur.name;
	if (!flow_create(db, &change_flow, a->id, &fn) ||
	    !audit_log(db, a->by->kind, a->by->id, a->by->ip, "change.create",
	    "change", a->id, no))
		return 1;
	if ((a->rf = keep_proofs(db, a, a->id)) != RF_OK)
		return 1;
	if (a->submit && (a->rf = flow_apply(db, &change_flow, a->id,
	    FA_SUBMIT, a->by, NULL)) != RF_OK)
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
change_file(struct db *db, int64_t member, struct change_ask *a,
    const struct upload *const *ups, size_t n, int submit,
    const struct flow_actor *by, int64_t *id, const char **why)
{
	struct file_arg x = { member, 0, a, ups, n, submit, by, RF_DB, NULL };

	if (db_txn(db, file_txn, &x) < 0 && x.rf == RF_OK)
		x.rf = RF_DB;
	*id = x.id;
	*why = x.why;
	return x.rf;
}

static int
edit_txn(struct db *db, void *arg)
{
	struct file_arg *a = arg;
	struct change_fields cur;
	struct flow_item it;
	struct change c;
	char unit_name[256];
	int64_t unit;
	int rc;

	a->why = NULL;
	a->rf = RF_DB;
	if ((rc = flow_lock(db, &change_flow, a->id, &it)) <= 0 ||
	    (rc = change_get(db, a->id, &c)) <= 0) {
		a->rf = rc < 0 ? RF_DB : RF_NOT_FOUND;
		return 1;
	}
	if (it.filer_kind != a->by->kind || it.filer_id != a->by->id) {
		a->rf = RF_NOT_FOUND;
		return 1;
	}
	if (!flow_editable(&it)) {
		a->rf = RF_SUBMITTED;
		return 1;
	}
	a->member = c.member_id;
	if ((a->rf = lock_judge(db, a, &cur, &unit, unit_name)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if (!set_fields(db, a->id, &cur, &a->a->f, a->a->remark) ||
	    !flow_retitle(db, &change_flow, a->id, cur.name) ||
	    !audit_log(db, a->by->kind, a->by->id, a->by->ip, "change.edit",
	    "change", a->id, c.no))
		return 1;
	if ((a->rf = keep_proofs(db, a, a->id)) != RF_OK)
		return 1;
	if (a->submit && (a->rf = flow_apply(db, &change_flow, a->id,
	    FA_SUBMIT, a->by, NULL)) != RF_OK)
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
change_edit(struct db *db, int64_t id, struct change_ask *a,
    const struct upload *const *ups, size_t n, int submit,
    const struct flow_actor *by, const char **why)
{
	struct file_arg x = { 0, id, a, ups, n, submit, by, RF_DB, NULL };

	if (db_txn(db, edit_txn, &x) < 0 && x.rf == RF_OK)
		x.rf = RF_DB;
	*why = x.why;
	return x.rf;
}

enum refusal
change_submit(struct db *db, int64_t id, const struct flow_actor *by)
{
	return flow_step_once(db, &change_flow, id, FA_SUBMIT, by, NULL);
}

enum refusal
change_delete(struct db *db, int64_t id, const struct flow_actor *by)
{
	return flow_step_once(db, &change_flow, id, FA_CANCEL, by, NULL);
}

/* -------------------------------------------------------- phone alone */

struct phone_arg {
	int64_t			 member;
	const char		*phone;
	const struct flow_actor	*by;
	enum refusal		 rf;
};

/* "手机号：A→B" and the like for the audit, into buf. */
static void
diff_text(const struct change_fields *b, const struct change_fields *f,
    char *buf, size_t n)
{
	size_t len = 0;

#define DIFF(label, x, y) do {						\
	if (strcmp((x), (y)) != 0 && len < n)				\
		len += (size_t)snprintf(buf + len, n - len, "%s%s：%s→%s", \
		    len ? "；" : "", (label), (x), (y));		\
	} while (0)
	char bt[4], ft[4], bg[2] = { b->gender, 0 }, fg[2] = { f->gender, 0 };

	buf[0] = '\0';
	snprintf(bt, sizeof(bt), "%d", b->id_type);
	snprintf(ft, sizeof(ft), "%d", f->id_type);
	DIFF("姓名", b->name, f->name);
	DIFF("证件类型", bt, ft);
	DIFF("证件号码", b->id_number, f->id_number);
	DIFF("性别", bg, fg);
	DIFF("出生日期", b->birth_date, f->birth_date);
	DIFF("社保类型", b->si_type, f->si_type);
	DIFF("社保卡号", b->si_card, f->si_card);
	DIFF("手机号", b->phone, f->phone);
#undef DIFF
}

static int
phone_txn(struct db *db, void *arg)
{
	struct phone_arg *a = arg;
	struct change_fields cur, f;
	char unit_name[256], detail[200];
	int64_t unit, open;
	int found, rc;

	a->rf = RF_DB;
	if (db_one_int(db, &tab, STMT_LOCK_MEMBER, &found, "i", a->member) < 0)
		return 1;
	if (!found || (rc = change_current(db, a->member, &cur, &unit,
	    unit_name)) == 0) {
		a->rf = RF_NOT_FOUND;
		return 1;
	}
	if (rc < 0)
		return 1;
	if ((a->rf = may_file(db, a->member, unit, a->by)) != RF_OK)
		return 1;
	a->rf = RF_DB;
	if ((open = change_open_of(db, a->member)) < 0)
		return 1;
	if (open > 0) {
		a->rf = RF_CHANGE_OPEN;
		return 1;
	}
	if (strcmp(cur.phone, a->phone) == 0) {
		a->rf = RF_CHANGE_NOTHING;
		return 1;
	}
	f = cur;
	snprintf(f.phone, sizeof(f.phone), "%s", a->phone);
	diff_text(&cur, &f, detail, sizeof(detail));
	{
		char g[2] = { f.gender, 0 };

		if (db_exec(db, &tab, STMT_APPLY, "sissssssi", f.name,
		    (int64_t)f.id_type, f.id_number, g, f.birth_date,
		    f.si_type, f.si_card, f.phone, a->member) < 0 ||
		    db_exec(db, &tab, STMT_BIND_PHONE, "si", f.phone,
		    a->member) < 0)
			return 1;
	}
	if (!audit_log(db, a->by->kind, a->by->id, a->by->ip, "member.phone",
	    "member", a->member, detail))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
change_phone(struct db *db, int64_t member, const char *phone,
    const char *code, const struct flow_actor *by)
{
	struct phone_arg a = { member, phone, by, RF_DB };
	enum refusal rf;

	/* The code proves the new phone is the member's before anything. */
	if ((rf = sms_code_check(db, phone, "change_phone", code)) != RF_OK)
		return rf;
	if (db_txn(db, phone_txn, &a) < 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	return a.rf;
}

/* --------------------------------------------------------------- hooks */

/* 提交 needs 变更凭证. */
static enum refusal
change_check(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	int found;
	int64_t n;

	if (t->action != FA_SUBMIT)
		return RF_OK;
	if ((n = db_one_int(db, &tab, STMT_PROOFS, &found, "i", it->item_id))
	    < 0)
		return RF_DB;
	return n > 0 ? RF_OK : RF_CHANGE_PROOF;
}

/* The member told of an agent's request's 办结, as the filer is. */
static int
tell_member(struct db *db, const struct change *c, const char *phone)
{
	char title[160], body[400], link[64];

	snprintf(title, sizeof(title), "个人信息变更已办结：%s", c->no);
	snprintf(body, sizeof(body), "%s代您提交的个人信息变更申请单%s已审核"
	    "办结，您的个人信息已变更。", c->unit_name, c->no);
	snprintf(link, sizeof(link), "/m/change?id=%lld", (long long)c->id);
	if (!message_send(db, SESS_MEMBER, c->member_id, title, body, link))
		return 0;
	return phone[0] == '\0' || sms_queue(db, phone, body) > 0;
}

/*
 * 办结: the fields the request changes (those it asked differently from
 * the record at filing) written to the member row, the binding's phone
 * with the member's, the request's before and after made what happened,
 * all audited; 删除: the member may file again.
 */
static enum refusal
change_done(struct db *db, const struct flow_item *it,
    const struct flow_trans *t)
{
	struct change_fields cur, f;
	struct change c;
	char unit_name[256], detail[500], g[2], phone[16];
	int64_t unit, n;
	int found, rc;

	if (t->to != CS_DONE && t->to != CS_CANCELLED)
		return RF_OK;
	if ((rc = change_get(db, it->item_id, &c)) != 1)
		return rc < 0 ? RF_DB : RF_NOT_FOUND;
	if (db_exec(db, &tab, STMT_CLOSE, "i", c.id) < 0)
		return RF_DB;
	if (t->to == CS_CANCELLED)
		return RF_OK;
	if (db_one_int(db, &tab, STMT_LOCK_MEMBER, &found, "i", c.member_id)
	    < 0 || change_current(db, c.member_id, &cur, &unit, unit_name) != 1)
		return RF_DB;
	f = cur;
#define TAKE(x) do { if (strcmp(c.after.x, c.before.x) != 0) \
	memcpy(f.x, c.after.x, sizeof(f.x)); } while (0)
	TAKE(name);
	TAKE(id_number);
	TAKE(birth_date);
	TAKE(si_type);
	TAKE(si_card);
	TAKE(phone);
#undef TAKE
	if (c.after.id_type != c.before.id_type)
		f.id_type = c.after.id_type;
	if (c.after.gender != c.before.gender)
		f.gender = c.after.gender;
	if (id_differs(&f, &cur)) {
		n = db_one_int(db, &tab, STMT_ID_TAKEN, &found, "isi",
		    (int64_t)f.id_type, f.id_number, c.member_id);
		if (n < 0)
			return RF_DB;
		if (n > 0)
			return RF_CHANGE_ID_TAKEN;
	}
	g[0] = f.gender;
	g[1] = '\0';
	diff_text(&cur, &f, detail, sizeof(detail));
	if (db_exec(db, &tab, STMT_APPLY, "sissssssi", f.name,
	    (int64_t)f.id_type, f.id_number, g, f.birth_date, f.si_type,
	    f.si_card, f.phone, c.member_id) < 0 ||
	    (strcmp(f.phone, cur.phone) != 0 && f.phone[0] &&
	    db_exec(db, &tab, STMT_BIND_PHONE, "si", f.phone, c.member_id) < 0)
	    || !set_fields(db, c.id, &cur, &f, c.remark) ||
	    !audit_log(db, SESS_NONE, 0, NULL, "member.change", "member",
	    c.member_id, detail))
		return RF_DB;
	if (it->filer_kind == SESS_AGENT) {
		if ((rc = change_phone_of(db, &(struct flow_item){ .filer_kind =
		    SESS_MEMBER, .filer_id = c.member_id }, phone)) == 0 ||
		    !tell_member(db, &c, phone))
			return RF_DB;
	}
	return RF_OK;
}

/* The filer's phone: an agent's, or a member's binding's. */
static int
change_phone_of(struct db *db, const struct flow_item *it, char phone[16])
{
	struct db_res *r;
	int rc;

	if (it->filer_kind == SESS_AGENT)
		return flow_agent_phone(db, it, phone);
	phone[0] = '\0';
	if ((r = db_query(db, &tab, STMT_PHONE, "i", it->filer_id)) == NULL)
		return 0;
	if ((rc = db_next(r)) == 1)
		snprintf(phone, 16, "%s", db_col(r, 0));
	db_done(r);
	return rc >= 0;
}

/* {no}: the request's number. */
static int
change_words(struct db *db, const struct flow_item *it, struct flow_words *w)
{
	struct change c;

	if (change_get(db, it->item_id, &c) != 1)
		return 0;
	w->key[0] = "{no}";
	snprintf(w->val[0], sizeof(w->val[0]), "%s", c.no);
	w->n = 1;
	return 1;
}
