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
#include "mask.h"
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

/* <member> for a roster row, numbers masked for the list. */
static void
member_node(xmlNodePtr parent, struct db_res *res, int masked)
{
	xmlNodePtr m = view_add(parent, "member", NULL);
	const char *g = db_col(res, RL_GENDER);
	char buf[64];

	view_attr(m, "id", db_col(res, RL_ID));
	view_add(m, "name", db_col(res, RL_NAME));
	view_add(m, "id-type", id_type_label((int)db_int(res, RL_ID_TYPE)));
	view_add(m, "id-number", masked ? mask_id(db_col(res, RL_ID_NUMBER),
	    buf) : db_col(res, RL_ID_NUMBER));
	view_add(m, "gender", g == NULL ? "" : *g == 'F' ? "女" : "男");
	view_add(m, "birth", db_col(res, RL_BIRTH));
	view_add(m, "phone", masked ? mask_phone(db_col(res, RL_PHONE), buf) :
	    db_col(res, RL_PHONE));
	view_add(m, "bank-card", masked ? mask_card(db_col(res, RL_BANK_CARD),
	    buf) : db_col(res, RL_BANK_CARD));
}

/*
 * The roster of `unit` (already checked by aid_unit): search ?q=, page
 * ?page=, the count and the members, masked.  Used by the list and by
 * a refused import, which shows its message above the unchanged roster.
 */
int
roster_page(struct req *r, int64_t unit)
{
	const char *qs = req_query(r, "q"), *ps = req_query(r, "page");
	struct db_res *res;
	xmlNodePtr n;
	char q[64];
	int64_t total, page;

	if (valid_text_norm(qs ? qs : "", q, sizeof(q)) < 0)
		q[0] = '\0';
	/* An ID number typed with a lowercase x still matches. */
	if (strlen(q) == 18 && q[17] == 'x')
		q[17] = 'X';
	page = ps ? strtoll(ps, NULL, 10) : 1;
	if (page < 1)
		page = 1;
	if ((total = roster_count(r->db, unit, q)) < 0 ||
	    (res = roster_list(r->db, unit, q, (page - 1) * PAGE_SIZE,
	    PAGE_SIZE)) == NULL)
		return 500;
	n = view_add(r->page, "roster", NULL);
	view_attr(n, "q", q);
	view_attrf(n, "total", "%lld", (long long)total);
	view_attrf(n, "page", "%lld", (long long)page);
	view_attrf(n, "pages", "%lld", (long long)((total + PAGE_SIZE - 1) /
	    PAGE_SIZE));
	while (db_next(res) == 1)
		member_node(n, res, 1);
	db_done(res);
	if (!units_add(r))
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
		return to_roster(r, unit, "saved");
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
	xmlNodePtr n = view_add(r->page, "person", NULL);

	view_attrf(n, "id-type-code", "%lld", (long long)db_int(res,
	    RL_ID_TYPE));
	view_attr(n, "id-type", id_type_label((int)db_int(res, RL_ID_TYPE)));
	view_attr(n, "id-number", db_col(res, RL_ID_NUMBER));
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

	if (*t && strtoll(t, NULL, 10) != db_int(res, RL_ID_TYPE))
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
	form_fill(r, "name", db_col(res, RL_NAME));
	form_fill(r, "phone", db_col(res, RL_PHONE));
	form_fill(r, "si_type", db_col(res, RL_SI_TYPE));
	form_fill(r, "si_card", db_col(res, RL_SI_CARD));
	form_fill(r, "bank_card", db_col(res, RL_BANK_CARD));
	form_fill(r, "bank_name", db_col(res, RL_BANK_NAME));
	form_fill(r, "remarks", db_col(res, RL_REMARKS));
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
	return to_roster(r, unit, "saved");
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
