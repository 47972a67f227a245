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
 * them all, 编辑 only from MF_NAME on (who a person is does not change
 * here; a later info-change flow will do that, with review).
 */
enum {
	MF_ID_TYPE, MF_ID_NUMBER, MF_NAME, MF_PHONE, MF_SI_TYPE, MF_SI_CARD,
	MF_BANK_CARD, MF_BANK_NAME, MF_REMARKS, MF__MAX
};
#define MF_EDIT MF_NAME		/* the first field 编辑 reads */
static const struct field fields[MF__MAX] = {
	[MF_ID_TYPE] =   { "id_type", FK_ID_TYPE, 0, NULL },
	[MF_ID_NUMBER] = { "id_number", FK_ID_NUMBER, 0, NULL },
	[MF_NAME] =      { "name", FK_NAME, 0, NULL },
	[MF_PHONE] =     { "phone", FK_PHONE, 0, NULL },
	[MF_SI_TYPE] =   { "si_type", FK_TEXT_30, 1, NULL },
	[MF_SI_CARD] =   { "si_card", FK_TEXT_30, 1, NULL },
	[MF_BANK_CARD] = { "bank_card", FK_BANK_CARD, 1, NULL },
	[MF_BANK_NAME] = { "bank_name", FK_TEXT_60, 1, NULL },
	[MF_REMARKS] =   { "remarks", FK_TEXT, 1, NULL },
};

/*
 * The unit of the request, if the agent holds 医疗互助 there
 * (agent_may_aid).  Returns 0 with *unit set, or the status of the
 * refusal already prepared.
 */
int
aid_unit(struct req *r, int64_t *unit)
{
	enum refusal rf;

	*unit = req_id(r, "unit");
	if ((rf = agent_may_aid(r->db, r->sess.subject, *unit)) != RF_OK)
		return page_refuse(r, rf, rf == RF_PICK_UNIT ? 404 : 403);
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

	if (form_warned(v, MF__MAX))
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
	p->id_type = (int)v[MF_ID_TYPE].num;
	COPY(p->id_number, v[MF_ID_NUMBER].v);
	COPY(p->name, v[MF_NAME].v);
	COPY(p->phone, v[MF_PHONE].v);
	COPY(p->si_type, v[MF_SI_TYPE].v);
	COPY(p->si_card, v[MF_SI_CARD].v);
	COPY(p->bank_card, v[MF_BANK_CARD].v);
	COPY(p->bank_name, v[MF_BANK_NAME].v);
	COPY(p->remarks, v[MF_REMARKS].v);
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

/* Back to the list with ?flag=1 (saved, removed). */
static int
to_roster(struct req *r, int64_t unit, const char *flag)
{
	char path[96];

	snprintf(path, sizeof(path), "/u/roster?unit=%lld&%s=1",
	    (long long)unit, flag);
	return req_redirect(r, path);
}

int
roster_add_post(struct req *r)
{
	struct field_val v[MF__MAX];
	struct roster_person p;
	struct actor by = actor_of(r);
	enum refusal rf;
	char other[256], msg[400];
	int64_t unit, member;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	r->sheet = SHEET_MEMBER_FORM;
	if (form_read(r, fields, MF__MAX, v) > 0)
		return 200;
	person_from_form(v, &p);
	rf = roster_add(r->db, &by, unit, &p, &member, other, sizeof(other));
	if (rf == RF_OK)
		return saved(r, unit, member, v);
	if (rf == RF_OTHER_UNIT) {
		form_error(r, "id_number", refusal_textf(rf, other, msg,
		    sizeof(msg)));
		view_attrf(form_node(r), "move-member", "%lld", (long long)member);
		return 200;
	}
	return form_refuse(r, rf, "id_number");
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
		return page_refuse(r, RF_NOT_IN_ROSTER, 404);
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
	form_fill_field(r, &fields[MF_BANK_CARD], db_col(res, RL_BANK_CARD));
	db_done(res);
	r->sheet = SHEET_MEMBER_FORM;
	return 200;
}

int
roster_member_post(struct req *r)
{
	struct field_val v[MF__MAX];
	struct roster_person p;
	struct actor by = actor_of(r);
	struct db_res *res;
	int64_t unit, member;
	int st, fixed;

	if ((st = aid_unit(r, &unit)) != 0 ||
	    (st = roster_member(r, unit, &member, &res)) != 0)
		return st;
	view_attrf(r->page, "member", "%lld", (long long)member);
	person_ids(r, res);
	r->sheet = SHEET_MEMBER_FORM;
	memset(v, 0, sizeof(v));
	st = form_read(r, fields + MF_EDIT, MF__MAX - MF_EDIT, v + MF_EDIT);
	fixed = changes_ids(r, res);
	db_done(res);
	if (fixed)
		return form_refuse(r, RF_IDS_FIXED, NULL);
	if (st > 0)
		return 200;
	person_from_form(v, &p);
	if ((st = page_refuse(r, roster_update(r->db, &by, unit, member, &p),
	    404)) != 0)
		return st;
	return saved(r, unit, member, v);
}

int
roster_remove_post(struct req *r)
{
	struct actor by = actor_of(r);
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0 ||
	    (st = page_refuse(r, roster_remove(r->db, &by, unit,
	    req_id(r, "id")), 404)) != 0)
		return st;
	return to_roster(r, unit, "removed");
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
