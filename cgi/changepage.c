/*
 * changepage.c -- 个人信息变更's pages for both portals (changepage.h):
 * the form (我要变更信息: every field with the record's values, 变更凭证,
 * 确认提交), the phone alone with the SMS code sent to the new phone, the
 * detail, 提交, 删除 and the evidence's download.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "change.h"
#include "changepage.h"
#include "codeask.h"
#include "form.h"
#include "http.h"
#include "store.h"
#include "valid.h"
#include "view.h"

/* A typed value into a field of the request, cut on a character. */
#define TAKE(dst, src) utf8_copy((dst), sizeof(dst), (src), sizeof(dst))

static const char *const genders[] = { "M", "F", NULL };

enum change_field {
	CF_UNIT, CF_NAME, CF_ID_TYPE, CF_ID_NUMBER, CF_BIRTH, CF_GENDER,
	CF_SI_TYPE, CF_SI_CARD, CF_PHONE, CF_REMARK, CF__MAX
};

static const struct field fields[CF__MAX] = {
	[CF_UNIT] =      { "unit_id", FK_ID, 1, NULL },
	[CF_NAME] =      { "name", FK_NAME, 0, NULL },
	[CF_ID_TYPE] =   { "id_type", FK_ID_TYPE, 0, NULL },
	[CF_ID_NUMBER] = { "id_number", FK_ID_NUMBER, 0, NULL },
	[CF_BIRTH] =     { "birth_date", FK_DATE, 1, NULL },
	[CF_GENDER] =    { "gender", FK_CHOICE, 1, genders },
	[CF_SI_TYPE] =   { "si_type", FK_TEXT_30, 1, NULL },
	[CF_SI_CARD] =   { "si_card", FK_TEXT_30, 1, NULL },
	[CF_PHONE] =     { "phone", FK_PHONE, 1, NULL },
	[CF_REMARK] =    { "remark", FK_TEXT, 1, NULL },
};

static const struct field code_field = { "code", FK_CODE, 0, NULL };

/* Go to the request's page `path` with `rest`; 303. */
static int
go(struct req *r, const char *path, int64_t id, const char *rest)
{
	char to[160];

	snprintf(to, sizeof(to), "%s?id=%lld%s", path, (long long)id, rest);
	return req_redirect(r, to);
}

/* The portal's list with done=`done` (a unit's list names its unit). */
static void
list_to(const struct change_portal *p, int64_t unit, const char *done,
    char *to, size_t n)
{
	size_t len = strlen(p->list);

	if (len > 0 && p->list[len - 1] == '=')
		snprintf(to, n, "%s%lld&done=%s", p->list, (long long)unit,
		    done);
	else
		snprintf(to, n, "%s?done=%s", p->list, done);
}

int
change_detail_page(struct req *r, const struct change *c,
    const struct change_portal *p)
{
	struct flow_actor by;
	xmlNodePtr n;

	flow_actor_of(r, &by);
	if ((n = change_view(r->db, c, &by, r->page)) == NULL ||
	    !flow_timeline(r->db, &c->flow, n))
		return 500;
	view_attr(n, "base", p->base);
	view_attr(n, "list", p->list);
	if (req_query(r, "done"))
		view_attr(n, "done", req_query(r, "done"));
	r->sheet = p->sheet_detail;
	return 200;
}

/*
 * The form page: <change-form base member id? phone-only?> with the
 * record as it is (<current>) and, for a draft, the request itself (its
 * evidence, its progress: why it came back).
 */
static int
form_page(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p, int phone_only)
{
	struct change_fields cur;
	char unit_name[256];
	int64_t unit;
	xmlNodePtr n, k;
	int rc;

	if ((rc = change_current(r->db, member, &cur, &unit, unit_name)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该职工。");
	n = view_add(r->page, "change-form", NULL);
	view_attr(n, "base", p->base);
	view_attr(n, "list", p->list);
	view_attrf(n, "member", "%lld", (long long)member);
	if (phone_only)
		view_attr(n, "phone-only", "1");
	k = view_add(n, "current", NULL);
	view_add(k, "name", cur.name);
	view_attrf(view_add(k, "unit", unit_name), "id", "%lld",
	    (long long)unit);
	view_add(k, "phone", cur.phone);
	if (c) {
		view_attrf(n, "id", "%lld", (long long)c->id);
		if ((k = change_view(r->db, c, NULL, n)) == NULL ||
		    !flow_timeline(r->db, &c->flow, k))
			return 500;
	}
	form_node(r);
	r->sheet = p->sheet_form;
	return 200;
}

/* The form's first values: the request's, or the record's. */
static void
fill(struct req *r, const struct change_fields *f, int64_t unit,
    const char *remark)
{
	char s[24], g[2] = { f->gender, 0 };

	snprintf(s, sizeof(s), "%lld", (long long)unit);
	form_fill(r, "unit_id", s);
	form_fill(r, "name", f->name);
	snprintf(s, sizeof(s), "%d", f->id_type);
	form_fill(r, "id_type", s);
	form_fill(r, "id_number", f->id_number);
	form_fill(r, "birth_date", f->birth_date);
	form_fill(r, "gender", g);
	form_fill(r, "si_type", f->si_type);
	form_fill(r, "si_card", f->si_card);
	form_fill(r, "phone", f->phone);
	form_fill(r, "remark", remark);
}

int
change_form_get(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p)
{
	struct change_fields cur;
	char unit_name[256];
	int64_t unit;
	int rc;

	if (c) {
		if (!flow_editable(&c->flow))
			return go(r, p->base, c->id, "");
		fill(r, &c->after, c->unit_id, c->remark);
	} else {
		if ((rc = change_current(r->db, member, &cur, &unit,
		    unit_name)) < 0)
			return 500;
		if (rc == 0)
			return req_error_page(r, 404, "未找到该职工。");
		fill(r, &cur, unit, "");
	}
	return form_page(r, member, c, p, 0);
}

/* The phone alone: 获取验证码 to the new phone, or its code given. */
static int
phone_post(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p, const char *phone)
{
	struct field_val code;
	struct flow_actor by;
	enum refusal rf;
	int st;

	if (*req_form(r, "send_code")) {
		if (code_ask_send(r, phone, "change_phone", 0) == SEND_ERROR)
			return 500;
		return form_page(r, member, c, p, 1);
	}
	if (!*req_form(r, "code")) {
		form_message(r, refusal_text(RF_CHANGE_PHONE_ONLY), "error");
		return form_page(r, member, c, p, 1);
	}
	if (form_read(r, &code_field, 1, &code) > 0)
		return form_page(r, member, c, p, 1);
	flow_actor_of(r, &by);
	rf = change_phone(r->db, member, phone, code.v, &by);
	if (rf == RF_OK) {
		char to[160], unit_name[256];
		struct change_fields cur;
		int64_t unit = 0;

		if (change_current(r->db, member, &cur, &unit, unit_name) < 0)
			return 500;
		list_to(p, unit, "phone", to, sizeof(to));
		return req_redirect(r, to);
	}
	if ((st = form_refuse(r, rf, rf >= RF_CODE_NONE && rf <=
	    RF_CODE_TOO_MANY ? "code" : NULL)) != 200)
		return st;
	return form_page(r, member, c, p, 1);
}

/* 保存草稿 or 确认提交 of a new request or a draft, with the evidence. */
static int
save(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p, struct change_ask *a)
{
	const struct upload *ups[1] = { req_file(r, "proof") };
	int submit = strcmp(req_form(r, "go"), "save") != 0, st;
	struct flow_actor by;
	const char *why;
	enum refusal rf;
	int64_t id = 0;

	flow_actor_of(r, &by);
	if (c) {
		id = c->id;
		rf = change_edit(r->db, c->id, a, ups, 1, submit, &by, &why);
	} else
		rf = change_file(r->db, member, a, ups, 1, submit, &by, &id,
		    &why);
	if (rf == RF_OK)
		return go(r, p->base, id, submit ? "&done=submitted" :
		    "&done=saved");
	if (rf == RF_FILE) {
		form_error(r, "proof", why ? why : refusal_text(RF_FILE));
		return form_page(r, member, c, p, 0);
	}
	if ((st = form_refuse(r, rf, rf == RF_CHANGE_PROOF ? "proof" : NULL))
	    != 200)
		return st;
	return form_page(r, member, c, p, 0);
}

/* The request as the form says it (v read by form_read). */
static void
ask_of(struct field_val *v, struct change_ask *a)
{
	memset(a, 0, sizeof(*a));
	TAKE(a->f.name, v[CF_NAME].v);
	a->f.id_type = (int)v[CF_ID_TYPE].num;
	TAKE(a->f.id_number, v[CF_ID_NUMBER].v);
	TAKE(a->f.birth_date, v[CF_BIRTH].date);
	a->f.gender = v[CF_GENDER].v[0];
	TAKE(a->f.si_type, v[CF_SI_TYPE].v);
	TAKE(a->f.si_card, v[CF_SI_CARD].v);
	TAKE(a->f.phone, v[CF_PHONE].v);
	a->unit_id = v[CF_UNIT].num;
	a->remark = v[CF_REMARK].v;
}

int
change_form_post(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p)
{
	struct field_val v[CF__MAX];
	struct change_ask a;
	const char *field;
	enum refusal rf;
	int phone_only, st;

	if (c && !flow_editable(&c->flow)) {
		if ((st = form_refuse(r, RF_SUBMITTED, NULL)) != 200)
			return st;
		return change_detail_page(r, c, p);
	}
	form_echo(r, "code");
	if (form_read(r, fields, CF__MAX, v) > 0)
		return form_page(r, member, c, p, 0);
	ask_of(v, &a);
	if ((rf = change_judge(r->db, member, &a, &phone_only, &field))
	    != RF_OK) {
		if ((st = form_refuse(r, rf, field)) != 200)
			return st;
		return form_page(r, member, c, p, 0);
	}
	if (phone_only)
		return phone_post(r, member, c, p, a.f.phone);
	return save(r, member, c, p, &a);
}

int
change_submit_post(struct req *r, const struct change *c,
    const struct change_portal *p)
{
	struct flow_actor by;
	enum refusal rf;
	int st;

	flow_actor_of(r, &by);
	if ((rf = change_submit(r->db, c->id, &by)) == RF_OK)
		return go(r, p->base, c->id, "&done=submitted");
	if ((st = form_refuse(r, rf, NULL)) != 200)
		return st;
	return change_detail_page(r, c, p);
}

int
change_delete_post(struct req *r, const struct change *c,
    const struct change_portal *p)
{
	struct flow_actor by;
	enum refusal rf;
	char to[160];
	int st;

	flow_actor_of(r, &by);
	if ((rf = change_delete(r->db, c->id, &by)) == RF_OK) {
		list_to(p, c->unit_id, "deleted", to, sizeof(to));
		return req_redirect(r, to);
	}
	if ((st = form_refuse(r, rf, NULL)) != 200)
		return st;
	return change_detail_page(r, c, p);
}

int
change_file_send(struct req *r, const struct change *c)
{
	struct attachment a;
	int rc;

	if ((rc = change_file_of(r->db, c, req_id(r, "file"), &a)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该文件。");
	if (!audit_req(r, "file.view", "change", c->id, a.filename))
		return 500;
	return req_query(r, "inline") ? store_show(r, &a) : store_send(r, &a);
}

/* ------------------------------------------------- one request's pages */

int
change_get_page(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_detail_page(r, &c, &change_here);
}

int
change_edit_get(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_form_get(r, c.member_id, &c, &change_here);
}

int
change_edit_post(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_form_post(r, c.member_id, &c, &change_here);
}

int
change_submit_page(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_submit_post(r, &c, &change_here);
}

int
change_delete_page(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_delete_post(r, &c, &change_here);
}

int
change_file_get(struct req *r)
{
	struct change c;
	int st;

	if ((st = change_here.own(r, &c)) != 0)
		return st;
	return change_file_send(r, &c);
}
