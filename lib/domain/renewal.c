/*
 * renewal.c -- 续保提醒: the month's list of coverages about to end, the
 * SMS to each unit's agents, and the unit's view and export of its list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "db.h"
#include "log.h"
#include "renewal.h"
#include "sms.h"
#include "valid.h"
#include "xlsx.h"

const struct renewal_column renewal_columns[RX__MAX] = {
	[RX_SEQ] =	 { "序号", "说明", 6 },
	[RX_NAME] =	 { "姓名", "必填，姓名中不要出现空格", 12 },
	[RX_ID_NUMBER] = { "居民身份证号(证件号码)", "必填，X要大写", 22 },
	[RX_BANK_CARD] = { "社保卡银行卡号", "必填，填社保卡上银行卡号", 22 },
	[RX_BANK_NAME] = { "开户行", "必填，例如青岛银行市南支行", 20 },
	[RX_PHONE] =	 { "手机号", "必填", 14 },
	[RX_REMARKS] =	 { "备注", NULL, 16 },
};

enum stmt {
	STMT_MONTH_ADD,
	STMT_MONTH_STATE,
	STMT_MONTH_LOCK,
	STMT_BUILD_ITEMS,
	STMT_BUILD_UNITS,
	STMT_MONTH_BUILT,
	STMT_DUE_UNITS,
	STMT_UNIT_AGENTS,
	STMT_UNIT_TOLD,
	STMT_MONTH_TOLD,
	STMT_LIST,
	STMT_COUNT,
	STMT_PLANS,
	STMT_MONTHS,
	STMT_EXPORT,
	STMT_TITLE,
	STMT__MAX
};

/*
 * 已续保 (renewed), the one definition: the same person holds a coverage
 * of the same plan that starts after this one started -- the next period,
 * whichever unit enrolled them and whether it has begun yet.  Arguments:
 * the SQL of this coverage's member, plan and start.
 */
#define RENEWED(member, plan, starts) \
	" EXISTS (SELECT 1 FROM coverage n WHERE n.member_id = " member \
	" AND n.plan_id = " plan " AND n.starts > " starts ")"

/*
 * The month's list as it stands: rows built for (month, unit), of one
 * plan or all (0), without those renewed since.  Binds month, unit,
 * plan, plan.
 */
#define LISTED \
	" FROM renewal_item i JOIN coverage c ON c.id = i.coverage_id" \
	" JOIN member m ON m.id = i.member_id" \
	" JOIN plan p ON p.id = i.plan_id" \
	" LEFT JOIN plan_version v ON v.id = p.version_id" \
	" WHERE i.month = ? AND i.unit_id = ? AND (? = 0 OR i.plan_id = ?)" \
	" AND NOT" RENEWED("c.member_id", "c.plan_id", "c.starts")
#define PLAN_NAME " COALESCE(v.name, p.code)"

static const char *const sql[STMT__MAX] = {
	[STMT_MONTH_ADD] = "INSERT IGNORE INTO renewal_month (month) VALUES (?)",
	[STMT_MONTH_STATE] =
	    "SELECT built_at IS NOT NULL, sms_done_at IS NOT NULL, items, units"
	    " FROM renewal_month WHERE month = ?",
	/* The month's lock: a second builder waits here, then finds it built. */
	[STMT_MONTH_LOCK] =
	    "SELECT built_at IS NOT NULL, items, units FROM renewal_month"
	    " WHERE month = ? FOR UPDATE",
	/*
	 * The window (renewal.h) read on coverage_renewal alone, the member's
	 * unit (会籍) by primary key, 已续保 on coverage_member.  Members in
	 * no unit are left out: no unit can renew them.  Binds the month
	 * thrice and the two widths.
	 */
	[STMT_BUILD_ITEMS] =
	    "INSERT INTO renewal_item (month, unit_id, coverage_id, member_id,"
	    " plan_id, ends)"
	    " SELECT ?, m.unit_id, c.id, c.member_id, c.plan_id, c.ends"
	    " FROM coverage c JOIN member m ON m.id = c.member_id"
	    " WHERE c.ends BETWEEN CAST(? AS DATE) - INTERVAL ? DAY"
	    " AND CAST(? AS DATE) + INTERVAL ? DAY AND m.unit_id IS NOT NULL"
	    " AND NOT" RENEWED("c.member_id", "c.plan_id", "c.starts"),
	[STMT_BUILD_UNITS] =
	    "INSERT INTO renewal_unit (month, unit_id, members)"
	    " SELECT month, unit_id, COUNT(DISTINCT member_id) FROM renewal_item"
	    " WHERE month = ? GROUP BY month, unit_id",
	[STMT_MONTH_BUILT] =
	    "UPDATE renewal_month SET built_at = ?, items = ?, units = ?"
	    " WHERE month = ?",
	/* Units not yet told; another hz-jobs copy's are skipped. */
	[STMT_DUE_UNITS] =
	    "SELECT unit_id, members FROM renewal_unit WHERE month = ?"
	    " AND sms_at IS NULL ORDER BY unit_id LIMIT ? FOR UPDATE SKIP LOCKED",
	/* Who is told: the unit's chairman and agents with 医疗互助. */
	[STMT_UNIT_AGENTS] =
	    "SELECT a.phone, o.name FROM agent_unit au"
	    " JOIN agent a ON a.id = au.agent_id JOIN org o ON o.id = au.unit_id"
	    " WHERE au.unit_id = ? AND a.disabled = 0 AND (au.role = 'chairman'"
	    " OR FIND_IN_SET('mutual_aid', au.perms) > 0) ORDER BY a.id",
	[STMT_UNIT_TOLD] =
	    "UPDATE renewal_unit SET sms_at = ?, sms_agents = ?"
	    " WHERE month = ? AND unit_id = ?",
	/* Done once every unit's SMS is committed (not only claimed). */
	[STMT_MONTH_TOLD] =
	    "UPDATE renewal_month SET sms_done_at = ? WHERE month = ?"
	    " AND built_at IS NOT NULL AND sms_done_at IS NULL AND NOT EXISTS"
	    " (SELECT 1 FROM renewal_unit u WHERE u.month = ?"
	    " AND u.sms_at IS NULL)",
	[STMT_LIST] =
	    "SELECT m.id, m.name, m.id_type, m.id_number, m.phone, i.plan_id,"
	    PLAN_NAME ", i.ends, DATEDIFF(i.ends, ?)" LISTED
	    " ORDER BY i.ends, m.name, m.id LIMIT ? OFFSET ?",
	[STMT_COUNT] = "SELECT COUNT(*)" LISTED,
	[STMT_PLANS] =
	    "SELECT i.plan_id," PLAN_NAME ", COUNT(*)" LISTED
	    " GROUP BY i.plan_id, v.name, p.code ORDER BY 2, 1",
	[STMT_MONTHS] =
	    "SELECT month, members, sms_at FROM renewal_unit WHERE unit_id = ?"
	    " ORDER BY month DESC LIMIT 24",
	[STMT_EXPORT] =
	    "SELECT m.name, m.id_number, m.bank_card, m.bank_name, m.phone,"
	    " m.remarks" LISTED " ORDER BY i.ends, m.name, m.id",
	/* The unit's name and the plan's (NULL: no such plan). */
	[STMT_TITLE] =
	    "SELECT o.name, (SELECT" PLAN_NAME " FROM plan p LEFT JOIN"
	    " plan_version v ON v.id = p.version_id WHERE p.id = ?)"
	    " FROM org o WHERE o.id = ?",
};

static const struct db_table tab = { DBM_RENEWAL, sql, STMT__MAX };

/* Units told per transaction: a short lock, few round trips. */
#define SEND_BATCH	200

int
renewal_month_of(const char *date, char month[11])
{
	char day[16], out[11];
	const char *why;

	if (date == NULL || (strlen(date) != 7 && strlen(date) != 10))
		return 0;
	snprintf(day, sizeof(day), "%.7s-01", date);
	if (!valid_date(day, out, &why) ||
	    (strlen(date) == 10 && !valid_date(date, out, &why)))
		return 0;
	memcpy(month, day, 11);
	return 1;
}

/* The build, under the month's row lock. */
struct build_arg {
	const char		*stamp;	/* now, "YYYY-MM-DD HH:MM:SS" */
	struct renewal_report	*rep;
};

/*
 * Build the month's list unless a run has: items, units, the month row
 * marked built and the audit row, in one transaction.  0 to commit.
 */
static int
build_txn(struct db *db, void *arg)
{
	struct build_arg *a = arg;
	struct renewal_report *rep = a->rep;
	const char *m = rep->month;
	struct db_res *res;
	char detail[64];
	int built;

	rep->built = 0;
	if ((res = db_query(db, &tab, STMT_MONTH_LOCK, "s", m)) == NULL)
		return 1;
	if ((built = db_next(res)) == 1 && (built = (int)db_int(res, 0))) {
		rep->items = db_int(res, 1);
		rep->units = db_int(res, 2);
	}
	db_done(res);
	if (built != 0)			/* built already, or an error */
		return built < 0;
	if ((rep->items = db_exec(db, &tab, STMT_BUILD_ITEMS, "ssisi", m, m,
	    (int64_t)RENEWAL_DAYS_PAST, m, (int64_t)RENEWAL_DAYS_AHEAD)) < 0 ||
	    (rep->units = db_exec(db, &tab, STMT_BUILD_UNITS, "s", m)) < 0 ||
	    db_exec(db, &tab, STMT_MONTH_BUILT, "siis", a->stamp, rep->items,
	    rep->units, m) != 1)
		return 1;
	snprintf(detail, sizeof(detail), "%.7s: %lld条, %lld个单位", m,
	    (long long)rep->items, (long long)rep->units);
	if (!audit_log(db, 0, 0, NULL, "renewal.build", "renewal_month",
	    atoll(m) * 100 + atoll(m + 5), detail))
		return 1;
	rep->built = 1;
	return 0;
}

/* One batch of units told. */
struct send_arg {
	const char		*stamp;
	struct renewal_report	*rep;
	int64_t			 claimed;	/* units in this batch */
	int64_t			 units, messages;	/* done in it */
};

/*
 * Queue unit `unit`'s SMS to each of its agents, mark it told and audit
 * it, in the caller's transaction.  Returns the messages queued, or -1.
 */
static int64_t
tell_unit(struct db *db, const struct send_arg *a, int64_t unit,
    int64_t members)
{
	struct db_res *res;
	char name[4 * 40 + 1], text[400], detail[64];
	int64_t sent = 0;
	int rc;

	if ((res = db_query(db, &tab, STMT_UNIT_AGENTS, "i", unit)) == NULL)
		return -1;
	while ((rc = db_next(res)) == 1) {
		/* The unit's name keeps the text in one message. */
		utf8_copy(name, sizeof(name), db_col(res, 1), 40);
		snprintf(text, sizeof(text), "您单位（%s）有%lld名职工的互助保障"
		    "将于近期到期，请及时登录单位经办平台办理续保。", name,
		    (long long)members);
		if (sms_queue(db, db_col(res, 0), text) == 0)
			break;
		sent++;
	}
	db_done(res);
	if (rc != 0)
		return -1;
	snprintf(detail, sizeof(detail), "%.7s: %lld人, %lld条短信",
	    a->rep->month, (long long)members, (long long)sent);
	if (db_exec(db, &tab, STMT_UNIT_TOLD, "sisi", a->stamp, sent,
	    a->rep->month, unit) != 1 ||
	    !audit_log(db, 0, 0, NULL, "renewal.sms", "org", unit, detail))
		return -1;
	return sent;
}

/* Claim up to SEND_BATCH untold units and tell them.  0 to commit. */
static int
send_txn(struct db *db, void *arg)
{
	struct send_arg *a = arg;
	struct db_res *res;
	int64_t n;
	int rc;

	a->claimed = a->units = a->messages = 0;
	if ((res = db_query(db, &tab, STMT_DUE_UNITS, "si", a->rep->month,
	    (int64_t)SEND_BATCH)) == NULL)
		return 1;
	while ((rc = db_next(res)) == 1) {
		a->claimed++;
		if ((n = tell_unit(db, a, db_int(res, 0), db_int(res, 1))) < 0)
			break;
		a->units++;
		a->messages += n;
	}
	db_done(res);
	return rc != 0;
}

/* Tell every unit of the month not yet told.  Returns 1, 0 on error. */
static int
send_all(struct db *db, const char *stamp, struct renewal_report *rep)
{
	struct send_arg a = { stamp, rep, 0, 0, 0 };

	do {
		if (db_txn(db, send_txn, &a) != 0)
			return 0;
		rep->units_told += a.units;
		rep->messages += a.messages;
	} while (a.claimed == SEND_BATCH);
	return db_exec(db, &tab, STMT_MONTH_TOLD, "sss", stamp, rep->month,
	    rep->month) >= 0;
}

int
renewal_job(struct db *db, const struct tm *now, struct renewal_report *rep)
{
	struct build_arg b = { NULL, rep };
	struct db_res *res;
	char stamp[20];
	int found, built = 0, told = 0;

	memset(rep, 0, sizeof(*rep));
	if (strftime(rep->month, sizeof(rep->month), "%Y-%m-01", now) == 0 ||
	    strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", now) == 0)
		return 0;
	rep->sms_due = now->tm_mday > 1 || now->tm_hour >= RENEWAL_SMS_HOUR;
	/* Most runs find the month done: one read, no lock. */
	if ((res = db_query(db, &tab, STMT_MONTH_STATE, "s", rep->month))
	    == NULL || (found = db_next(res)) < 0) {
		db_done(res);
		return 0;
	}
	if (found) {
		built = (int)db_int(res, 0);
		told = (int)db_int(res, 1);
		rep->items = db_int(res, 2);
		rep->units = db_int(res, 3);
	}
	db_done(res);
	if (built && (told || !rep->sms_due))
		return 1;
	b.stamp = stamp;
	if (!built && (db_exec(db, &tab, STMT_MONTH_ADD, "s", rep->month) < 0 ||
	    db_txn(db, build_txn, &b) != 0))
		return 0;
	if (rep->built)
		log_info("renewal %.7s: %lld coverages in %lld units listed",
		    rep->month, (long long)rep->items, (long long)rep->units);
	if (!rep->sms_due)		/* before 12:00 on the 1st */
		return 1;
	if (!send_all(db, stamp, rep))
		return 0;
	if (rep->units_told > 0)
		log_info("renewal %.7s: %lld units told, %lld SMS queued",
		    rep->month, (long long)rep->units_told,
		    (long long)rep->messages);
	return 1;
}

int
renewal_built(struct db *db, const char *month)
{
	struct db_res *res;
	int rc;

	if ((res = db_query(db, &tab, STMT_MONTH_STATE, "s", month)) == NULL)
		return -1;
	if ((rc = db_next(res)) == 1)
		rc = db_int(res, 0) != 0;
	db_done(res);
	return rc;
}

struct db_res *
renewal_list(struct db *db, int64_t unit, const char *month, int64_t plan,
    const char *today, int64_t offset, int64_t limit)
{
	return db_query(db, &tab, STMT_LIST, "ssiiiii", today, month, unit,
	    plan, plan, limit, offset);
}

int64_t
renewal_count(struct db *db, int64_t unit, const char *month, int64_t plan)
{
	int found;

	return db_one_int(db, &tab, STMT_COUNT, &found, "siii", month, unit,
	    plan, plan);
}

struct db_res *
renewal_plans(struct db *db, int64_t unit, const char *month)
{
	return db_query(db, &tab, STMT_PLANS, "siii", month, unit,
	    (int64_t)0, (int64_t)0);
}

struct db_res *
renewal_months(struct db *db, int64_t unit)
{
	return db_query(db, &tab, STMT_MONTHS, "i", unit);
}

/* The 序号 column: rows counted so far, as text. */
struct seq {
	int64_t	 n;
	char	 text[24];
};

/* A 参保花名册 row from an STMT_EXPORT row; arg is a struct seq. */
static void
export_row(struct db_res *res, const char **cells, void *arg)
{
	struct seq *s = arg;

	snprintf(s->text, sizeof(s->text), "%lld", (long long)++s->n);
	cells[RX_SEQ] = s->text;
	cells[RX_NAME] = db_col(res, 0);
	cells[RX_ID_NUMBER] = db_col(res, 1);
	cells[RX_BANK_CARD] = db_col(res, 2);
	cells[RX_BANK_NAME] = db_col(res, 3);
	cells[RX_PHONE] = db_col(res, 4);
	cells[RX_REMARKS] = db_col(res, 5);
}

/*
 * The workbook's title: "参保花名册（续保）：<unit> · <plan> · <month>", the
 * plan "全部保障计划" when none is picked.  Returns 1, 0 on a database
 * error or when there is no such unit.
 */
static int
export_title(struct db *db, int64_t unit, const char *month, int64_t plan,
    char *title, size_t n)
{
	struct db_res *res;
	int rc;

	if ((res = db_query(db, &tab, STMT_TITLE, "ii", plan, unit)) == NULL)
		return 0;
	if ((rc = db_next(res)) == 1)
		snprintf(title, n, "参保花名册（续保）：%s · %s · %.4s年%d月续保提醒",
		    db_col(res, 0), plan && db_col(res, 1) ? db_col(res, 1) :
		    "全部保障计划", month, atoi(month + 5));
	db_done(res);
	return rc == 1;
}

int64_t
renewal_export(struct db *db, int64_t unit, const char *month, int64_t plan,
    const char *path, const char *tmpdir)
{
	struct xlsx_col cols[RX__MAX];
	const char *notes[RX__MAX];
	struct seq counter = { 0, "" };
	char title[1024];
	size_t i;

	if (!export_title(db, unit, month, plan, title, sizeof(title))) {
		unlink(path);
		return -1;
	}

	for (i = 0; i < RX__MAX; i++) {
		cols[i].title = renewal_columns[i].title;
		cols[i].width = renewal_columns[i].width;
		notes[i] = renewal_columns[i].note;
	}
	return xlsx_export_titled(path, tmpdir, "参保花名册", title, notes,
	    cols, RX__MAX, db_stream(db, &tab, STMT_EXPORT, "siii", month, unit,
	    plan, plan), export_row, &counter);
}
