/*
 * coverage.c -- 参保记录: one filtered query for every portal, its count,
 * the filter's choices and the XLSX export.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "coverage.h"
#include "plan.h"
#include "db.h"
#include "mask.h"
#include "money.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

const char *const coverage_status_names[CS__MAX] = {
	[CS_PENDING] = "pending", [CS_ACTIVE] = "active",
	[CS_EXPIRED] = "expired",
};
const char *const coverage_status_labels[CS__MAX] = {
	[CS_PENDING] = "未生效", [CS_ACTIVE] = "保障中", [CS_EXPIRED] = "已到期",
};

/*
 * The list, its count and the export in three variants each, in this
 * order: for any application and person (ANY), for one ID number (_ID),
 * for one application number (_NO, with or without an ID number).
 *
 * ANY walks coverage newest period first by an index (coverage_recent,
 * coverage_unit_recent: starts DESC, enroll_id DESC, then the row id)
 * and stops after a page; its joined tables are LEFT JOINs (the foreign
 * keys make every row there), so they follow coverage in the plan and a
 * count leaves them out.  _ID and _NO start from the person or the
 * application by their own indexes instead.
 *
 * Apart also because MariaDB 10.11 keeps what it simplified at a
 * prepared statement's execution: once `e.no = ?` made the application a
 * constant table, ORDER BY c.enroll_id (equal to its id) was dropped from
 * that statement for good, and later lists of every application came out
 * of order (t_coverage shows it).
 */
enum stmt {
	STMT_LIST,
	STMT_LIST_ID,
	STMT_LIST_NO,
	STMT_COUNT,
	STMT_COUNT_ID,
	STMT_COUNT_NO,
	STMT_STREAM,
	STMT_STREAM_ID,
	STMT_STREAM_NO,
	STMT_PLANS,
	STMT_YEARS,
	STMT_YEARS_MEMBER,
	STMT_COUNT_UNIT,
	STMT_VERSION,
	STMT__MAX
};

/* The variants' offsets from each statement's first. */
enum { V_ANY, V_ID, V_NO };

/*
 * The columns of enum coverage_col; the status needs today twice.  The
 * plan's name is the version's the coverage was bought under.
 */
#define COLS \
	"SELECT c.id, m.name, m.id_type, m.id_number, pv.name, e.no, u.name," \
	" d.name, c.starts, c.ends," \
	" CASE WHEN c.starts > ? THEN 0 WHEN c.ends < ? THEN 2 ELSE 1 END," \
	" e.premium, c.unit_id, c.plan_id"
#define FROM \
	" FROM coverage c LEFT JOIN member m ON m.id = c.member_id" \
	" LEFT JOIN enroll e ON e.id = c.enroll_id" \
	" LEFT JOIN plan_version pv ON pv.id = c.version_id" \
	" LEFT JOIN org u ON u.id = c.unit_id" \
	" LEFT JOIN org d ON d.id = u.parent_id AND d.level = 'district'"
/* Each condition twice-bound: (0 or "" leaves it out).  A period counts
 * in a year when it touches it: starts by its last day, ends on or after
 * its first.  The application and ID numbers come last, as each variant
 * asks for them (ANY checks that neither was). */
#define WHERE \
	" WHERE (? = 0 OR c.unit_id = ?) AND (? = 0 OR c.member_id = ?)" \
	" AND (? = 0 OR u.parent_id = ?) AND (? = 0 OR c.plan_id = ?)" \
	" AND c.starts <= ? AND c.ends >= ?" \
	" AND (? = '' OR u.name LIKE CONCAT('%', ?, '%'))"
#define ANY " AND ? = '' AND ? = ''"
#define ID " AND ? = '' AND m.id_number = ?"
#define NO " AND e.no = ? AND m.id_number = COALESCE(NULLIF(?, ''), m.id_number)"
#define ORDER " ORDER BY c.starts DESC, c.enroll_id DESC, c.id"
#define PAGE " LIMIT ? OFFSET ?"

static const char *const sql[STMT__MAX] = {
	[STMT_LIST] = COLS FROM WHERE ANY ORDER PAGE,
	[STMT_LIST_ID] = COLS FROM WHERE ID ORDER PAGE,
	[STMT_LIST_NO] = COLS FROM WHERE NO ORDER PAGE,
	[STMT_COUNT] = "SELECT COUNT(*)" FROM WHERE ANY,
	[STMT_COUNT_ID] = "SELECT COUNT(*)" FROM WHERE ID,
	[STMT_COUNT_NO] = "SELECT COUNT(*)" FROM WHERE NO,
	[STMT_STREAM] = COLS FROM WHERE ANY ORDER,
	[STMT_STREAM_ID] = COLS FROM WHERE ID ORDER,
	[STMT_STREAM_NO] = COLS FROM WHERE NO ORDER,
	[STMT_PLANS] =
	    "SELECT p.id, pv.name FROM plan p"
	    " JOIN plan_version pv ON pv.id = p.version_id ORDER BY p.code",
	/* The applications' periods (a few rows a unit a year, where the
	 * coverage rows are a few thousand). */
	[STMT_YEARS] =
	    "SELECT COALESCE(YEAR(MIN(period_start)), 0),"
	    " COALESCE(YEAR(MAX(period_end)), 0) FROM enroll"
	    " WHERE (? = 0 OR unit_id = ?) AND period_start IS NOT NULL",
	/*
	 * A unit's count by its plan and year only (the unit portal's first
	 * view of a unit of 20 000): the people of its confirmed
	 * applications, read from the applications, not counted over the
	 * coverage rows.  The same number: 已办结 covers exactly an
	 * application's listed people, one row each, for its period, in its
	 * unit (enrollcheck.c enroll_cover), and the list is fixed on 上报.
	 */
	[STMT_COUNT_UNIT] =
	    "SELECT COALESCE(SUM(e.headcount), 0) FROM enroll e"
	    " JOIN flow_item f ON f.type = 'enroll' AND f.item_id = e.id"
	    " AND f.state = 'done' WHERE e.unit_id = ?"
	    " AND (? = 0 OR e.plan_id = ?) AND e.period_start <= ?"
	    " AND e.period_end >= ?",
	[STMT_VERSION] = "SELECT version_id FROM coverage WHERE id = ?",
	[STMT_YEARS_MEMBER] =
	    "SELECT COALESCE(YEAR(MIN(starts)), 0), COALESCE(YEAR(MAX(ends)), 0)"
	    " FROM coverage WHERE member_id = ?",
};

static const struct db_table tab = { DBM_COVERAGE, sql, STMT__MAX };

/* Whether s is CB and ten digits (an application number, enroll.no). */
static int
is_enroll_no(const char *s)
{
	size_t i;

	if (strlen(s) != 12 || s[0] != 'C' || s[1] != 'B')
		return 0;
	for (i = 2; i < 12; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Whether s looks like a resident ID number: 17 digits and a digit or X. */
static int
looks_resident(const char *s)
{
	size_t i;

	if (strlen(s) != 18)
		return 0;
	for (i = 0; i < 17; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return isdigit((unsigned char)s[17]) || s[17] == 'X';
}

/* A positive id from the query, or 0. */
static int64_t
query_id(const char *s)
{
	long long v;

	return s != NULL && valid_int(s, 1, INT64_MAX, &v, NULL) ? v : 0;
}

/* Text as typed, folded and trimmed, into out; "" when absent or bad. */
static void
query_text(const char *s, char *out, size_t size)
{
	char buf[512];

	out[0] = '\0';
	if (s != NULL && valid_text_norm(s, buf, sizeof(buf)) >= 0)
		utf8_copy(out, size, buf, size - 1);
}

int
coverage_filter_read(const struct coverage_ask *ask,
    struct coverage_filter *f, const char **why_no, const char **why_id)
{
	char id[19], *p;
	const char *why;
	long long y;
	int bad = 0;

	memset(f, 0, sizeof(*f));
	*why_no = *why_id = NULL;
	clock_today(f->today);
	f->plan = query_id(ask->plan);
	f->district = query_id(ask->district);
	if (ask->year != NULL && strcmp(ask->year, "all") == 0)
		f->year = 0;
	else if (ask->year != NULL && valid_int(ask->year, 1900, 2999, &y,
	    NULL))
		f->year = (int)y;
	else
		f->year = atoi(f->today);
	query_text(ask->unit_name, f->unit_name, sizeof(f->unit_name));
	utf8_cut(f->unit_name, 60, sizeof(f->unit_name));

	query_text(ask->no, f->no, sizeof(f->no));
	for (p = f->no; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (*f->no && !is_enroll_no(f->no)) {
		*why_no = "申请编号为CB加10位数字，例如CB2026110001";
		bad++;
	}

	query_text(ask->id_number, f->id_number, sizeof(f->id_number));
	if (strlen(f->id_number) == 18 && f->id_number[17] == 'x')
		f->id_number[17] = 'X';
	if (looks_resident(f->id_number)) {
		if (valid_resident_id(f->id_number, id, &why))
			snprintf(f->id_number, sizeof(f->id_number), "%s", id);
		else {
			*why_id = why;
			bad++;
		}
	}
	return bad;
}

void
coverage_filter_view(const struct coverage_filter *f, xmlNodePtr node)
{
	view_attr(node, "no", f->no);
	view_attr(node, "id", f->id_number);
	view_attrf(node, "plan", "%lld", (long long)f->plan);
	if (f->year)
		view_attrf(node, "year", "%d", f->year);
	else
		view_attr(node, "year", "all");
	view_attrf(node, "district", "%lld", (long long)f->district);
	view_attr(node, "unit-name", f->unit_name);
}

/* A plan of the filter: <plan id="..">name</plan>. */
static const struct view_col plan_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
};

int
coverage_choices_view(struct db *db, const struct coverage_filter *f,
    xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr years;
	int64_t rows, first = 0, last = 0;
	int y, now = atoi(f->today), rc;

	if ((res = db_query(db, &tab, STMT_PLANS, "")) == NULL)
		return 0;
	rows = view_rows(view_add(parent, "plans", NULL), "plan", plan_cols,
	    2, res, NULL);
	db_done(res);
	if (rows < 0)
		return 0;
	res = f->member ? db_query(db, &tab, STMT_YEARS_MEMBER, "i", f->member) :
	    db_query(db, &tab, STMT_YEARS, "ii", f->unit, f->unit);
	if (res == NULL)
		return 0;
	if ((rc = db_next(res)) == 1) {
		first = db_int(res, 0);
		last = db_int(res, 1);
	}
	db_done(res);
	if (rc < 0)
		return 0;
	if (first == 0 || first > now)
		first = now;
	if (last < now)
		last = now;
	if (last - first > 50)		/* a typo's year 2999: keep it short */
		first = last - 50;
	years = view_add(parent, "years", NULL);
	view_attrf(years, "this", "%d", now);
	for (y = (int)last; y >= first; y--)
		view_addf(years, "year", "%d", y);
	return 1;
}

/* The year's first and last days, or the widest dates for any year. */
static void
year_bounds(int year, char from[11], char to[11])
{
	if (year <= 0) {
		snprintf(from, 11, "1000-01-01");
		snprintf(to, 11, "9999-12-31");
	} else {
		snprintf(from, 11, "%04d-01-01", year % 10000);
		snprintf(to, 11, "%04d-12-31", year % 10000);
	}
}

/* The WHERE parameters' format, after the status's two. */
#define WHERE_FMT "iiiiiiiissssss"

/*
 * Run statement `stmt` (list, stream or count, in the variant *f asks
 * for) for *f; the list takes limit and offset too.  The status's today
 * is bound first.
 */
static struct db_res *
run(struct db *db, int stmt, const struct coverage_filter *f,
    int64_t offset, int64_t limit)
{
	char from[11], to[11], name[256];

	year_bounds(f->year, from, to);
	like_escape(f->unit_name, name, sizeof(name));
	stmt += *f->no ? V_NO : *f->id_number ? V_ID : V_ANY;
	switch (stmt) {
	case STMT_LIST:
	case STMT_LIST_ID:
	case STMT_LIST_NO:
		return db_query(db, &tab, stmt, "ss" WHERE_FMT "ii", f->today,
		    f->today, f->unit, f->unit, f->member, f->member,
		    f->district, f->district, f->plan, f->plan, to, from,
		    name, name, f->no, f->id_number, limit, offset);
	case STMT_STREAM:
	case STMT_STREAM_ID:
	case STMT_STREAM_NO:
		return db_stream(db, &tab, stmt, "ss" WHERE_FMT, f->today,
		    f->today, f->unit, f->unit, f->member, f->member,
		    f->district, f->district, f->plan, f->plan, to, from,
		    name, name, f->no, f->id_number);
	default:
		return db_query(db, &tab, stmt, WHERE_FMT, f->unit, f->unit,
		    f->member, f->member, f->district, f->district, f->plan,
		    f->plan, to, from, name, name, f->no, f->id_number);
	}
}

struct db_res *
coverage_list(struct db *db, const struct coverage_filter *f, int64_t offset,
    int64_t limit)
{
	return run(db, STMT_LIST, f, offset, limit);
}

int64_t
coverage_count(struct db *db, const struct coverage_filter *f)
{
	struct db_res *res;
	int64_t n = -1;

	char from[11], to[11];

	if (f->unit && !f->member && !f->district && !*f->no &&
	    !*f->id_number && !*f->unit_name) {
		year_bounds(f->year, from, to);
		res = db_query(db, &tab, STMT_COUNT_UNIT, "iiiss", f->unit,
		    f->plan, f->plan, to, from);
	} else
		res = run(db, STMT_COUNT, f, 0, 0);
	if (res == NULL)
		return -1;
	if (db_next(res) == 1)
		n = db_int(res, 0);
	db_done(res);
	return n;
}

/* A record on a page: numbers masked, the status by name. */
static const struct view_col record_cols[CV__MAX] = {
	[CV_ID] =	{ "@id", VK_INT, NULL, 0 },
	[CV_NAME] =	{ "name", VK_TEXT, NULL, 0 },
	[CV_ID_TYPE] =	{ "id-type", VK_STATE, id_type_labels, ID__MAX },
	[CV_ID_NUMBER] = { "id-number", VK_ID, NULL, 0 },
	[CV_PLAN] =	{ "plan", VK_TEXT, NULL, 0 },
	[CV_NO] =	{ "no", VK_TEXT, NULL, 0 },
	[CV_UNIT] =	{ "unit", VK_TEXT, NULL, 0 },
	[CV_DISTRICT] =	{ "district", VK_TEXT, NULL, 0 },
	[CV_STARTS] =	{ "starts", VK_DATE, NULL, 0 },
	[CV_ENDS] =	{ "ends", VK_DATE, NULL, 0 },
	[CV_STATUS] =	{ "@status", VK_STATE, coverage_status_names, CS__MAX },
	[CV_PREMIUM] =	{ "premium", VK_MONEY, NULL, 0 },
	[CV_UNIT_ID] =	{ "@unit", VK_INT, NULL, 0 },
	[CV_PLAN_ID] =	{ "@plan", VK_INT, NULL, 0 },
};

xmlNodePtr
coverage_view(struct db *db, const struct coverage_filter *f,
    const char *page, int64_t per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *res;
	xmlNodePtr n;
	int64_t rows;

	view_paging_init(&pg, page, per);
	if ((pg.total = coverage_count(db, f)) < 0 ||
	    (res = coverage_list(db, f, view_paging_offset(&pg), pg.per)) ==
	    NULL)
		return NULL;
	n = view_add(parent, "coverage", NULL);
	coverage_filter_view(f, n);
	rows = view_rows(n, "record", record_cols, CV__MAX, res, &pg);
	db_done(res);
	return rows < 0 ? NULL : n;
}

/* The workbook's columns; the district only in the office's. */
enum export_col {
	EC_SEQ, EC_NO, EC_NAME, EC_ID_TYPE, EC_ID_NUMBER, EC_PLAN, EC_UNIT,
	EC_DISTRICT, EC_STARTS, EC_ENDS, EC_STATUS, EC_PREMIUM, EC__MAX
};

static const struct xlsx_col export_cols[EC__MAX] = {
	[EC_SEQ] = { "序号", 6 },
	[EC_NO] = { "申请编号", 16 },
	[EC_NAME] = { "姓名", 12 },
	[EC_ID_TYPE] = { "证件类型", 14 },
	[EC_ID_NUMBER] = { "证件号码", 22 },
	[EC_PLAN] = { "参保项目", 28 },
	[EC_UNIT] = { "单位", 30 },
	[EC_DISTRICT] = { "区/产业工会", 18 },
	[EC_STARTS] = { "保障开始", 12 },
	[EC_ENDS] = { "保障结束", 12 },
	[EC_STATUS] = { "状态", 8 },
	[EC_PREMIUM] = { "保费（元）", 12 },
};

/* A row maker's state: counter, masking, and buffers for the cells. */
struct export_arg {
	int	 full, districts;
	int64_t	 n;
	char	 seq[24], id[64], premium[32], starts[11], ends[11];
};

/* One coverage row into the workbook's cells (the district column is
 * dropped for the unit's by shifting the rest left). */
static void
export_row(struct db_res *res, const char **cells, void *arg)
{
	struct export_arg *a = arg;
	const char *v[EC__MAX];
	const char *id = db_col(res, CV_ID_NUMBER);
	int64_t st = db_int(res, CV_STATUS);
	size_t i, o;

	snprintf(a->seq, sizeof(a->seq), "%lld", (long long)++a->n);
	snprintf(a->starts, sizeof(a->starts), "%.10s",
	    db_col(res, CV_STARTS) ? db_col(res, CV_STARTS) : "");
	snprintf(a->ends, sizeof(a->ends), "%.10s",
	    db_col(res, CV_ENDS) ? db_col(res, CV_ENDS) : "");
	v[EC_SEQ] = a->seq;
	v[EC_NO] = db_col(res, CV_NO);
	v[EC_NAME] = db_col(res, CV_NAME);
	v[EC_ID_TYPE] = id_type_label((int)db_int(res, CV_ID_TYPE));
	v[EC_ID_NUMBER] = a->full || id == NULL ? id : mask_id(id, a->id);
	v[EC_PLAN] = db_col(res, CV_PLAN);
	v[EC_UNIT] = db_col(res, CV_UNIT);
	v[EC_DISTRICT] = db_col(res, CV_DISTRICT);
	v[EC_STARTS] = a->starts;
	v[EC_ENDS] = a->ends;
	v[EC_STATUS] = st >= 0 && st < CS__MAX ? coverage_status_labels[st] :
	    NULL;
	v[EC_PREMIUM] = money_plain(db_int(res, CV_PREMIUM), a->premium,
	    sizeof(a->premium));
	for (i = o = 0; i < EC__MAX; i++)
		if (i != EC_DISTRICT || a->districts)
			cells[o++] = v[i];
}

int64_t
coverage_export(struct db *db, const struct coverage_filter *f, int full,
    int districts, const char *path, const char *tmpdir)
{
	struct xlsx_col cols[EC__MAX];
	struct export_arg a;
	size_t i, n;

	memset(&a, 0, sizeof(a));
	a.full = full;
	a.districts = districts;
	for (i = n = 0; i < EC__MAX; i++)
		if (i != EC_DISTRICT || districts)
			cols[n++] = export_cols[i];
	return xlsx_export(path, tmpdir, "参保记录", cols, n,
	    run(db, STMT_STREAM, f, 0, 0), export_row, &a);
}

int
coverage_rule(struct db *db, int64_t id, int kind, struct plan_benefit *out)
{
	static struct plan_benefit items[8];
	int64_t version;
	int found, n, i;

	if ((version = db_one_int(db, &tab, STMT_VERSION, &found, "i", id)) < 0)
		return -1;
	if (!found)
		return 0;
	if ((n = plan_benefits(db, version, items, 8)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((int)items[i].kind == kind) {
			*out = items[i];
			return 1;
		}
	return 0;
}
