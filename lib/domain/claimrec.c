/*
 * claimrec.c -- 补助记录: the filed claims of a unit or of every unit,
 * filtered, a page at a time (no count of a million rows per view: one
 * row more than a page says whether another follows), and the workbook.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "claimint.h"
#include "claimrec.h"
#include "db.h"
#include "mask.h"
#include "money.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

enum stmt {
	STMT_UNIT_PAGE,
	STMT_ALL_PAGE,
	STMT_UNIT_STREAM,
	STMT_ALL_STREAM,
	STMT__MAX
};

/* Columns of every statement, in enum rec_col's order. */
enum rec_col {
	RC_ID, RC_STATE, RC_NO, RC_KIND, RC_NAME, RC_ID_NUMBER, RC_PHONE,
	RC_UNIT, RC_DISTRICT, RC_CREATED, RC_DAY, RC_AMOUNT, RC_PLAN, RC__MAX
};

#define COLS \
	"SELECT c.id, f.state, c.no, c.kind, m.name, m.id_number," \
	" COALESCE(b.phone, m.phone, ''), o.name, COALESCE(d.name, '')," \
	" " YMD("c.created_at") ", " YMD("COALESCE(c.admitted, c.event_on)") \
	", c.approved_amount, COALESCE(v.name, '')"
#define FROM \
	" FROM claim c JOIN flow_item f ON f.type = 'claim'" \
	" AND f.item_id = c.id JOIN member m ON m.id = c.member_id" \
	" LEFT JOIN member_bind b ON b.member_id = m.id" \
	" JOIN org o ON o.id = c.unit_id" \
	" LEFT JOIN org d ON d.id = o.parent_id AND d.level = 'district'" \
	" LEFT JOIN claim_part p ON p.claim_id = c.id AND p.seq = 0" \
	" LEFT JOIN coverage cv ON cv.id = p.coverage_id" \
	" LEFT JOIN plan_version v ON v.id = cv.version_id"
/* Filed and not deleted; then the filter (a condition with its value
 * empty or 0 holds). */
#define WHERE \
	" f.round > 0 AND f.state <> 'cancelled'" \
	" AND (? = '' OR c.kind = ?) AND (? = '' OR f.state = ?)" \
	" AND (? = '' OR m.name = ? OR m.id_number = ?)" \
	" AND (? = '' OR m.phone = ? OR b.phone = ?)" \
	" AND c.created_at >= ? AND c.created_at < ? + INTERVAL 1 DAY" \
	" AND (? = 0 OR cv.plan_id = ?)"
#define WHERE_FMT "ssssssssssssii"
#define ORDER " ORDER BY c.id DESC"

/* The unit's and the office's are statements of their own: a filter
 * making a table constant can cost a prepared statement its ORDER BY
 * (MariaDB 10.11). */
static const char *const sql[STMT__MAX] = {
	[STMT_UNIT_PAGE] = COLS FROM " WHERE c.unit_id = ? AND" WHERE ORDER
	    " LIMIT ? OFFSET ?",
	[STMT_ALL_PAGE] = COLS FROM " WHERE (? = 0 OR o.parent_id = ?) AND"
	    WHERE ORDER " LIMIT ? OFFSET ?",
	[STMT_UNIT_STREAM] = COLS FROM " WHERE c.unit_id = ? AND" WHERE ORDER,
	[STMT_ALL_STREAM] = COLS FROM " WHERE (? = 0 OR o.parent_id = ?) AND"
	    WHERE ORDER,
};

static const struct db_table tab = { DBM_CLAIM_REC, sql, STMT__MAX };

int
claim_filter_read(const struct claim_ask *a, struct claim_filter *f,
    const char **why)
{
	const char *w;
	char buf[12];
	int bad = 0, k;

	memset(f, 0, sizeof(*f));
	*why = NULL;
	for (k = 0; k < PK__MAX; k++)
		if (a->kind && strcmp(a->kind, plan_kinds[k].name) == 0)
			snprintf(f->kind, sizeof(f->kind), "%s", a->kind);
	if (a->state && flow_state_index(&claim_flow, a->state) >= 0)
		snprintf(f->state, sizeof(f->state), "%s", a->state);
	if (a->person && *a->person)
		snprintf(f->person, sizeof(f->person), "%s", a->person);
	utf8_cut(f->person, 60, sizeof(f->person));
	if (a->phone && *a->phone) {
		if (valid_phone(a->phone, buf, &w))
			snprintf(f->phone, sizeof(f->phone), "%s", buf);
		else
			bad++, *why = "手机号格式不正确";
	}
	if (a->from && *a->from && !valid_date(a->from, f->from, &w))
		bad++, *why = "申请日期格式不正确", f->from[0] = '\0';
	if (a->to && *a->to && !valid_date(a->to, f->to, &w))
		bad++, *why = "申请日期格式不正确", f->to[0] = '\0';
	f->district = a->district ? strtoll(a->district, NULL, 10) : 0;
	f->plan = a->plan ? strtoll(a->plan, NULL, 10) : 0;
	if (f->district < 0)
		f->district = 0;
	if (f->plan < 0)
		f->plan = 0;
	return bad;
}

/* Run statement `stmt` (a unit's or all) for *f. */
static struct db_res *
run(struct db *db, int stmt, const struct claim_filter *f, int64_t limit,
    int64_t offset)
{
	const char *from = *f->from ? f->from : "1000-01-01";
	const char *to = *f->to ? f->to : "9999-12-30";
	int unit = stmt == STMT_UNIT_PAGE || stmt == STMT_UNIT_STREAM;
	int page = stmt == STMT_UNIT_PAGE || stmt == STMT_ALL_PAGE;
	int64_t a = unit ? f->unit : f->district;

	if (unit && page)
		return db_query(db, &tab, stmt, "i" WHERE_FMT "ii", a, f->kind,
		    f->kind, f->state, f->state, f->person, f->person,
		    f->person, f->phone, f->phone, f->phone, from, to,
		    f->plan, f->plan, limit, offset);
	if (page)
		return db_query(db, &tab, stmt, "ii" WHERE_FMT "ii", a, a,
		    f->kind, f->kind, f->state, f->state, f->person, f->person,
		    f->person, f->phone, f->phone, f->phone, from, to,
		    f->plan, f->plan, limit, offset);
	if (unit)
		return db_stream(db, &tab, stmt, "i" WHERE_FMT, a, f->kind,
		    f->kind, f->state, f->state, f->person, f->person,
		    f->person, f->phone, f->phone, f->phone, from, to,
		    f->plan, f->plan);
	return db_stream(db, &tab, stmt, "ii" WHERE_FMT, a, a, f->kind,
	    f->kind, f->state, f->state, f->person, f->person, f->person,
	    f->phone, f->phone, f->phone, from, to, f->plan, f->plan);
}

static const struct view_col rec_cols[RC__MAX] = {
	[RC_ID] =	{ NULL, VK_INT, NULL, 0 },	/* the head's */
	[RC_STATE] =	{ NULL, VK_TEXT, NULL, 0 },
	[RC_NO] =	{ "no", VK_TEXT, NULL, 0 },
	[RC_KIND] =	{ "@kind", VK_TEXT, NULL, 0 },
	[RC_NAME] =	{ "person", VK_TEXT, NULL, 0 },
	[RC_ID_NUMBER] = { "id-number", VK_ID, NULL, 0 },
	[RC_PHONE] =	{ "phone", VK_PHONE, NULL, 0 },
	[RC_UNIT] =	{ "unit", VK_TEXT, NULL, 0 },
	[RC_DISTRICT] =	{ "district", VK_TEXT, NULL, 0 },
	[RC_CREATED] =	{ "created", VK_DATE, NULL, 0 },
	[RC_DAY] =	{ "day", VK_DATE, NULL, 0 },
	[RC_AMOUNT] =	{ "amount", VK_MONEY, NULL, 0 },
	[RC_PLAN] =	{ "plan", VK_TEXT, NULL, 0 },
};

/* The kind's label of a stored name ("" if none). */
static const char *
kind_label(const char *name)
{
	enum plan_kind k = plan_kind_named(name);

	return k < PK__MAX ? claim_kind_labels[k] : "";
}

xmlNodePtr
claim_records_view(struct db *db, const struct claim_filter *f,
    const char *page, int per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list, n;
	int rows = 0, rc;

	view_paging_init(&pg, page, per);
	if ((r = run(db, f->unit ? STMT_UNIT_PAGE : STMT_ALL_PAGE, f,
	    pg.per + 1, view_paging_offset(&pg))) == NULL)
		return NULL;
	list = view_add(parent, "records", NULL);
	view_attrf(list, "page", "%lld", (long long)pg.page);
	view_attr(list, "kind", f->kind);
	view_attr(list, "state", f->state);
	view_attr(list, "person", f->person);
	view_attr(list, "phone", f->phone);
	view_attr(list, "from", f->from);
	view_attr(list, "to", f->to);
	view_attrf(list, "district", "%lld", (long long)f->district);
	view_attrf(list, "plan", "%lld", (long long)f->plan);
	while ((rc = db_next(r)) == 1) {
		if (++rows > pg.per) {		/* one more: a next page */
			view_attr(list, "next", "1");
			continue;
		}
		n = flow_view_state(list, "record", &claim_flow,
		    db_int(r, RC_ID), db_col(r, RC_STATE));
		view_fill(n, rec_cols, RC__MAX, r);
		view_add(n, "kind-label", kind_label(db_col(r, RC_KIND)));
	}
	db_done(r);
	return rc < 0 ? NULL : list;
}

/* The workbook's columns; the district only in the office's. */
enum export_col {
	EC_SEQ, EC_NO, EC_KIND, EC_NAME, EC_ID_NUMBER, EC_PHONE, EC_UNIT,
	EC_DISTRICT, EC_PLAN, EC_CREATED, EC_DAY, EC_STATE, EC_AMOUNT,
	EC__MAX
};

static const struct xlsx_col export_cols[EC__MAX] = {
	[EC_SEQ] = { "序号", 6 },
	[EC_NO] = { "申请单号", 20 },
	[EC_KIND] = { "补助类型", 14 },
	[EC_NAME] = { "补助人", 12 },
	[EC_ID_NUMBER] = { "证件号码", 22 },
	[EC_PHONE] = { "手机号", 14 },
	[EC_UNIT] = { "单位", 30 },
	[EC_DISTRICT] = { "区/产业工会", 18 },
	[EC_PLAN] = { "保障计划", 28 },
	[EC_CREATED] = { "申请日期", 12 },
	[EC_DAY] = { "住院/出险日期", 14 },
	[EC_STATE] = { "状态", 10 },
	[EC_AMOUNT] = { "补助金额（元）", 14 },
};

struct export_arg {
	int	 full, office;
	int64_t	 n;
	char	 seq[24], id[64], phone[64], amount[32];
	char	 created[11], day[11];
};

static void
export_row(struct db_res *res, const char **cells, void *arg)
{
	struct export_arg *a = arg;
	const char *v[EC__MAX], *id = db_col(res, RC_ID_NUMBER);
	const char *phone = db_col(res, RC_PHONE);
	int s = flow_state_index(&claim_flow, db_col(res, RC_STATE));
	size_t i, o;

	snprintf(a->seq, sizeof(a->seq), "%lld", (long long)++a->n);
	snprintf(a->created, sizeof(a->created), "%s", db_col(res, RC_CREATED));
	snprintf(a->day, sizeof(a->day), "%s", db_col(res, RC_DAY));
	v[EC_SEQ] = a->seq;
	v[EC_NO] = db_col(res, RC_NO);
	v[EC_KIND] = kind_label(db_col(res, RC_KIND));
	v[EC_NAME] = db_col(res, RC_NAME);
	v[EC_ID_NUMBER] = a->full || id == NULL ? id : mask_id(id, a->id);
	v[EC_PHONE] = a->full || phone == NULL ? phone : mask_phone(phone,
	    a->phone);
	v[EC_UNIT] = db_col(res, RC_UNIT);
	v[EC_DISTRICT] = db_col(res, RC_DISTRICT);
	v[EC_PLAN] = db_col(res, RC_PLAN);
	v[EC_CREATED] = a->created;
	v[EC_DAY] = a->day;
	v[EC_STATE] = s >= 0 ? claim_flow.states[s].label : "";
	v[EC_AMOUNT] = db_col(res, RC_AMOUNT) ? money_plain(db_int(res,
	    RC_AMOUNT), a->amount, sizeof(a->amount)) : "待定";
	for (i = o = 0; i < EC__MAX; i++)
		if (i != EC_DISTRICT || a->office)
			cells[o++] = v[i];
}

int64_t
claim_records_export(struct db *db, const struct claim_filter *f, int full,
    int office, const char *path, const char *tmpdir)
{
	struct xlsx_col cols[EC__MAX];
	struct export_arg a;
	size_t i, n;

	memset(&a, 0, sizeof(a));
	a.full = full;
	a.office = office;
	for (i = n = 0; i < EC__MAX; i++)
		if (i != EC_DISTRICT || office)
			cols[n++] = export_cols[i];
	return xlsx_export(path, tmpdir, "补助记录", cols, n, run(db,
	    f->unit ? STMT_UNIT_STREAM : STMT_ALL_STREAM, f, 0, 0),
	    export_row, &a);
}
