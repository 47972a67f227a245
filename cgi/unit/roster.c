/*
 * roster.c -- 职工名册 in the unit portal: list and search, single add,
 * edit and remove, template.  Every handler first checks that the agent
 * holds 医疗互助 in the unit named by ?unit= (or the form's); the export
 * lives in hz-export (/x/roster.xlsx), which checks the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agent.h"
#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "roster.h"
#include "valid.h"
#include "view.h"
#include "xlsx.h"

/* A checked value into a fixed field, cut on a character boundary if it
 * could ever be longer (the fields hold the form's max characters). */
#define COPY(dst, src) utf8_copy((dst), sizeof(dst), (src), SIZE_MAX)

#define PAGE_SIZE 20

/*
 * The person's fields.  The ID type and number come first: 新增 reads
 * them all, 编辑 only from RF_NAME on (who a person is does not change
 * here; a later info-change flow will do that, with review).
 */
enum {
	RF_ID_TYPE, RF_ID_NUMBER, RF_NAME, RF_PHONE, RF_SI_TYPE, RF_SI_CARD,
	RF_BANK_CARD, RF_BANK_NAME, RF_REMARKS, RF__MAX
};
#define RF_EDIT RF_NAME		/* the first field 编辑 reads */
static const struct field fields[RF__MAX] = {
	[RF_ID_TYPE] =   { "id_type", FK_ID_TYPE, 0, NULL },
	[RF_ID_NUMBER] = { "id_number", FK_ID_NUMBER, 0, NULL },
	[RF_NAME] =      { "name", FK_NAME, 0, NULL },
	[RF_PHONE] =     { "phone", FK_PHONE, 0, NULL },
	[RF_SI_TYPE] =   { "si_type", FK_TEXT_30, 1, NULL },
	[RF_SI_CARD] =   { "si_card", FK_TEXT_30, 1, NULL },
	[RF_BANK_CARD] = { "bank_card", FK_BANK_CARD, 1, NULL },
	[RF_BANK_NAME] = { "bank_name", FK_TEXT_60, 1, NULL },
	[RF_REMARKS] =   { "remarks", FK_TEXT, 1, NULL },
};

/*
 * The unit of the request, if the agent holds 医疗互助 there.  Returns 0
 * with *unit set, or the status of the refusal already prepared.
 */
int
aid_unit(struct req *r, int64_t *unit)
{
	int mutual_aid, role;

	if ((*unit = req_id(r, "unit")) <= 0)
		return req_error_page(r, 404, "请先选择单位。");
	if ((role = agent_role(r->db, r->sess.subject, *unit, &mutual_aid)) < 0)
		return 500;
	if (role == AGENT_NONE || !mutual_aid)
		return req_error_page(r, 403, "您没有该单位的医疗互助权限。"
		    "请联系本单位工会主席在“工作人员”中为您授权。");
	view_attrf(r->page, "unit", "%lld", (long long)*unit);
	return 0;
}

/* A roster row in the list: <member id=".."> with its numbers masked
 * (the gender stays the code, M or F, for the stylesheet to name). */
static const struct view_col list_cols[RL__MAX] = {
	[RL_ID] =		{ "@id", VK_INT, NULL, 0 },
	[RL_NAME] =		{ "name", VK_TEXT, NULL, 0 },
	[RL_ID_TYPE] =		{ "id-type", VK_STATE, id_type_labels, ID__MAX },
	[RL_ID_NUMBER] =	{ "id-number", VK_ID, NULL, 0 },
	[RL_GENDER] =		{ "gender", VK_TEXT, NULL, 0 },
	[RL_BIRTH] =		{ "birth", VK_DATE, NULL, 0 },
	[RL_PHONE] =		{ "phone", VK_PHONE, NULL, 0 },
	[RL_BANK_CARD] =	{ "bank-card", VK_CARD, NULL, 0 },
};

/* Who the edited person is: <person id-type=".." id-number=".."/>. */
static const struct view_col person_cols[RL__MAX] = {
	[RL_ID_TYPE] =		{ "@id-type", VK_STATE, id_type_labels, ID__MAX },
	[RL_ID_NUMBER] =	{ "@id-number", VK_TEXT, NULL, 0 },
};

/* The edit form's first view: the form's fields by the row's columns. */
static const char *const fill_fields[RL__MAX] = {
	[RL_NAME] = "name", [RL_PHONE] = "phone", [RL_SI_TYPE] = "si_type",
	[RL_SI_CARD] = "si_card", [RL_BANK_NAME] = "bank_name",
	[RL_REMARKS] = "remarks",	/* the bank card: form_fill_field */
};

/*
 * Where a saved person goes: the roster, or, when a value was taken with
 * a warning (a bank card failing Luhn), their edit form, which shows it.
 */
static int
saved(struct req *r, int64_t unit, int64_t member, const struct field_val *v)
{
	char path[128];

	if (form_warned(v, RF__MAX))
		snprintf(path, sizeof(path), "/u/roster/member?unit=%lld&id=%lld"
		    "&saved=1", (long long)unit, (long long)member);
	else
		snprintf(path, sizeof(path), "/u/roster?unit=%lld&saved=1",
		    (long long)unit);
	return req_redirect(r, path);
}

/*
 * The roster of `unit` (already checked by aid_unit): search ?q=, page
 * ?page=, the count and the members, masked.  Used by the list and by
 * a refused import, which shows its message above the unchanged roster.
 */
int
roster_page(struct req *r, int64_t unit)
{
	const char *qs = req_query(r, "q");
	struct view_paging pg;
	struct db_res *res;
	xmlNodePtr n;
	char q[64];
	int64_t rows;

	if (valid_text_norm(qs ? qs : "", q, sizeof(q)) < 0)
		q[0] = '\0';
	/* An ID number typed with a lowercase x still matches. */
	if (strlen(q) == 18 && q[17] == 'x')
		q[17] = 'X';
	view_paging_init(&pg, req_query(r, "page"), PAGE_SIZE);
	if ((pg.total = roster_count(r->db, unit, q)) < 0 ||
	    (res = roster_list(r->db, unit, q, view_paging_offset(&pg),
	    pg.per)) == NULL)
		return 500;
	n = view_add(r->page, "roster", NULL);
	view_attr(n, "q", q);
	rows = view_rows(n, "member", list_cols, RL__MAX, res, &pg);
	db_done(res);
	if (rows < 0 || !units_add(r))
		return 500;
	r->sheet = SHEET_ROSTER;
	return 200;
}

int
roster_get(struct req *r)
{
	int64_t unit;
	int st;

	if (req_query(r, "unit") == NULL) {	/* choose a unit first */
		if (!units_add(r))
			return 500;
		r->sheet = SHEET_ROSTER;
		return 200;
	}
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (req_query(r, "removed"))
		form_message(r, "已移出名册。", "ok");
	else if (req_query(r, "saved"))
		form_message(r, "已保存。", "ok");
	return roster_page(r, unit);
}

/* The checked form into *p. */
static void
person_from_form(const struct field_val *v, struct roster_person *p)
{
	memset(p, 0, sizeof(*p));
	p->id_type = (int)v[RF_ID_TYPE].num;
	COPY(p->id_number, v[RF_ID_NUMBER].v);
	COPY(p->name, v[RF_NAME].v);
	COPY(p->phone, v[RF_PHONE].v);
	COPY(p->si_type, v[RF_SI_TYPE].v);
	COPY(p->si_card, v[RF_SI_CARD].v);
	COPY(p->bank_card, v[RF_BANK_CARD].v);
	COPY(p->bank_name, v[RF_BANK_NAME].v);
	COPY(p->remarks, v[RF_REMARKS].v);
}

int
roster_add_get(struct req *r)
{
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	form_fill(r, "id_type", "1");
	r->sheet = SHEET_MEMBER_FORM;
	return 200;
}

int
roster_add_post(struct req *r)
{
	struct field_val v[RF__MAX];
	struct roster_person p;
	char other[256], msg[400];
	int64_t unit, member;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	r->sheet = SHEET_MEMBER_FORM;
	if (form_read(r, fields, RF__MAX, v) > 0)
		return 200;
	person_from_form(v, &p);
	switch (roster_add(r->db, unit, &p, &member, other, sizeof(other))) {
	case ROSTER_ADDED:
	case ROSTER_JOINED:
		audit_req(r, "roster.add", "member", member, NULL);
		return saved(r, unit, member, v);
	case ROSTER_ALREADY:
		form_error(r, "id_number", "该职工已在本单位名册中");
		return 200;
	case ROSTER_OTHER_UNIT:
		snprintf(msg, sizeof(msg), "该职工已是“%s”的会员。如需调入本单位，"
		    "请办理会籍变更。", other);
		form_error(r, "id_number", msg);
		view_attrf(form_node(r), "move-member", "%lld", (long long)member);
		return 200;
	default:
		return 500;
	}
}

/* The member named by ?id= / the form's id, in this unit. */
static int
roster_member(struct req *r, int64_t unit, int64_t *member,
    struct db_res **res)
{
	*member = req_id(r, "id");
	if ((*res = roster_one(r->db, unit, *member)) == NULL)
		return 500;
	if (db_next(*res) != 1) {
		db_done(*res);
		*res = NULL;
		return req_error_page(r, 404, "本单位名册中没有该职工。");
	}
	return 0;
}

/*
 * <person id-type=".." id-number=".."/>: who the edited person is, shown
 * as text on the edit form.
 */
static void
person_ids(struct req *r, struct db_res *res)
{
	view_row(r->page, "person", person_cols, RL__MAX, res);
}

/*
 * Whether the form asks to change the ID type or number of the person
 * in row `res` (the edit form has no such inputs; a crafted or old form
 * may send them).  Sent unchanged they are ignored.
 */
static int
changes_ids(struct req *r, struct db_res *res)
{
	const char *t = req_form(r, "id_type"), *n = req_form(r, "id_number");
	long long type;

	if (*t && (!valid_int(t, 1, ID__MAX - 1, &type, NULL) ||
	    type != db_int(res, RL_ID_TYPE)))
		return 1;
	return *n && strcasecmp(n, db_col(res, RL_ID_NUMBER)) != 0;
}

int
roster_member_get(struct req *r)
{
	struct db_res *res;
	int64_t unit, member;
	int st;

	if ((st = aid_unit(r, &unit)) != 0 ||
	    (st = roster_member(r, unit, &member, &res)) != 0)
		return st;
	view_attrf(r->page, "member", "%lld", (long long)member);
	person_ids(r, res);
	if (req_query(r, "saved"))
		form_message(r, "已保存。请核对标出的提示。", "ok");
	form_fill_row(r, fill_fields, RL__MAX, res);
	form_fill_field(r, &fields[RF_BANK_CARD], db_col(res, RL_BANK_CARD));
	db_done(res);
	r->sheet = SHEET_MEMBER_FORM;
	return 200;
}

int
roster_member_post(struct req *r)
{
	struct field_val v[RF__MAX];
	struct roster_person p;
	struct db_res *res;
	int64_t unit, member;
	int st;

	if ((st = aid_unit(r, &unit)) != 0 ||
	    (st = roster_member(r, unit, &member, &res)) != 0)
		return st;
	view_attrf(r->page, "member", "%lld", (long long)member);
	person_ids(r, res);
	r->sheet = SHEET_MEMBER_FORM;
	memset(v, 0, sizeof(v));
	st = form_read(r, fields + RF_EDIT, RF__MAX - RF_EDIT, v + RF_EDIT);
	if (changes_ids(r, res)) {
		db_done(res);
		form_message(r, "未保存：证件类型和证件号码不能在此修改。", "error");
		return 200;
	}
	db_done(res);
	if (st > 0)
		return 200;
	person_from_form(v, &p);
	if ((st = roster_update(r->db, unit, member, &p)) == ROSTER_ERR)
		return 500;
	if (st == ROSTER_NOT_FOUND)
		return req_error_page(r, 404, "本单位名册中没有该职工。");
	audit_req(r, "roster.update", "member", member, NULL);
	return saved(r, unit, member, v);
}

int
roster_remove_post(struct req *r)
{
	int64_t unit, member = req_id(r, "id");
	char path[96];
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if ((st = roster_remove(r->db, unit, member)) == ROSTER_ERR)
		return 500;
	if (st == ROSTER_NOT_FOUND)
		return req_error_page(r, 404, "本单位名册中没有该职工。");
	audit_req(r, "roster.remove", "member", member, NULL);
	snprintf(path, sizeof(path), "/u/roster?unit=%lld&removed=1",
	    (long long)unit);
	return req_redirect(r, path);
}

int
roster_template_get(struct req *r)
{
	char path[1024];

	if (!xlsx_tmp(path, sizeof(path), conf_str(CONF_TMP_DIR)) ||
	    !roster_template(path, conf_str(CONF_TMP_DIR)))
		return 500;
	return req_send_file(r, path, XLSX_MIME, "职工名册模板.xlsx");
}

/*
 * 导出 is served by hz-export (/x/roster.xlsx, its own process pool, the
 * same check of the unit): old links and bookmarks are sent there.
 */
int
roster_export_get(struct req *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/x/roster.xlsx?unit=%lld",
	    (long long)req_id(r, "unit"));
	return req_redirect(r, path);
}
