/*
 * plans.c -- 保障计划 (admin): the list, a new plan, a plan's page with
 * its version in force, its items and its versions, editing (a new
 * version) and offering or withdrawing it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "pages.h"
#include "plan.h"
#include "valid.h"
#include "view.h"

#define NCOLS(t) (sizeof(t) / sizeof((t)[0]))

/* ---- the terms' form ------------------------------------------------- */

enum { TF_NAME, TF_PREMIUM, TF_MONTHS, TF_FROM, TF_TO, TF_GENDER, TF_AGE,
    TF_WAITING, TF_NOTE, TF__MAX };

/* The gender rule as stored and on the form; index 0 is anyone. */
static const char *const genders[] = { "any", "F", "M", NULL };

static const struct field term_fields[TF__MAX] = {
	[TF_NAME] =    { "name", FK_TEXT_60, 0, NULL },
	[TF_PREMIUM] = { "premium", FK_MONEY, 0, NULL },
	[TF_MONTHS] =  { "period_months", FK_COUNT, 0, NULL },
	[TF_FROM] =    { "window_from", FK_DATE, 1, NULL },
	[TF_TO] =      { "window_to", FK_DATE, 1, NULL },
	[TF_GENDER] =  { "gender", FK_CHOICE, 0, genders },
	[TF_AGE] =     { "age_warn", FK_COUNT, 0, NULL },
	[TF_WAITING] = { "waiting_days", FK_COUNT, 0, NULL },
	[TF_NOTE] =    { "note", FK_NOTE, 1, NULL },
};

/* The field each term's fault goes beside (enum plan_term). */
static const int term_field[PT__MAX] = {
	[PT_NAME] = TF_NAME, [PT_PREMIUM] = TF_PREMIUM, [PT_MONTHS] = TF_MONTHS,
	[PT_WINDOW_FROM] = TF_FROM, [PT_WINDOW_TO] = TF_TO,
	[PT_GENDER] = TF_GENDER, [PT_AGE_WARN] = TF_AGE,
	[PT_WAITING] = TF_WAITING,
};

static const struct field code_field = { "code", FK_TEXT_30, 0, NULL };

/*
 * The terms from the form into d->t and d->note, each fault of them
 * beside its field (unless the field was already refused).  Returns the
 * number of bad fields.
 */
static int
terms_read(struct req *r, struct plan_draft *d)
{
	struct field_val v[TF__MAX];
	struct plan_fault f[PT__MAX];
	int bad = form_read(r, term_fields, TF__MAX, v), n, i;

	utf8_copy(d->t.name, sizeof(d->t.name), v[TF_NAME].v, SIZE_MAX);
	d->t.premium = v[TF_PREMIUM].fen;
	d->t.period_months = (int)v[TF_MONTHS].num;
	snprintf(d->t.window_from, sizeof(d->t.window_from), "%s",
	    v[TF_FROM].date);
	snprintf(d->t.window_to, sizeof(d->t.window_to), "%s", v[TF_TO].date);
	d->t.gender = v[TF_GENDER].num > 0 ? *genders[v[TF_GENDER].num] : 0;
	d->t.age_warn = (int)v[TF_AGE].num;
	d->t.waiting_days = (int)v[TF_WAITING].num;
	utf8_copy(d->note, sizeof(d->note), v[TF_NOTE].v, SIZE_MAX);
	n = plan_terms_faults(&d->t, f, PT__MAX);
	for (i = 0; i < n; i++)
		if (v[term_field[f[i].what]].err == NULL) {
			form_error(r, term_fields[term_field[f[i].what]].name,
			    f[i].why);
			v[term_field[f[i].what]].err = f[i].why;
			bad++;
		}
	return bad;
}

/* ---- the items' form -------------------------------------------------- */

/* One item's inputs: "<kind>_<param>", and how each is typed. */
struct item_form {
	char		 names[PP__MAX][40];
	struct field	 fields[PP__MAX];
	enum plan_param	 params[PP__MAX];
	size_t		 n;
};

/* How a parameter is typed on the form. */
static enum field_kind
param_kind(enum plan_param p)
{
	switch (p) {
	case PP_NAME: return FK_TEXT_60;
	case PP_BANDS: case PP_DISEASES: return FK_NOTE;
	case PP_MAX_DAYS: return FK_COUNT;
	case PP_RATE: return FK_TEXT_30;
	default: return p >= PP_GRADE ? FK_TEXT_30 : FK_MONEY;
	}
}

/* The inputs of kind k, all optional: its faults say what it needs. */
static void
item_form(enum plan_kind k, struct item_form *f)
{
	int p;

	memset(f, 0, sizeof(*f));
	for (p = 0; p < PP__MAX; p++) {
		if (!(plan_kinds[k].has & (1u << p)))
			continue;
		snprintf(f->names[f->n], sizeof(f->names[0]), "%s_%s",
		    plan_kinds[k].name, plan_param_name(p));
		f->fields[f->n].name = f->names[f->n];
		f->fields[f->n].kind = param_kind(p);
		f->fields[f->n].optional = 1;
		f->params[f->n++] = p;
	}
}

/* Field name of parameter p of an item's form ("" if not one). */
static const char *
item_name(const struct item_form *f, int p)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if ((int)f->params[i] == p)
			return f->names[i];
	return "";
}

/*
 * A ticked item of kind k from the form into *b: each input checked,
 * read by the plan's rules, and the item's faults beside the inputs
 * that were not refused already.  Returns the number of bad inputs, -1
 * when out of memory.
 */
static int
item_read(struct req *r, enum plan_kind k, struct plan_benefit *b)
{
	struct item_form f;
	struct field_val *v;
	struct plan_fault fl[PP__MAX];
	char why[200] = "";
	int bad, n, i, refused[PP__MAX] = { 0 };

	item_form(k, &f);
	if ((v = calloc(f.n, sizeof(*v))) == NULL)
		return -1;
	memset(b, 0, sizeof(*b));
	b->kind = k;
	bad = form_read(r, f.fields, f.n, v);
	for (i = 0; i < (int)f.n; i++) {
		if (v[i].err == NULL && *v[i].v && !plan_param_read(b,
		    f.params[i], v[i].v, why, sizeof(why))) {
			form_error(r, f.names[i], why);
			bad++;
		}
		refused[f.params[i]] = v[i].err != NULL || *why;
		why[0] = '\0';
	}
	if (b->name[0] == '\0')
		snprintf(b->name, sizeof(b->name), "%s", plan_kinds[k].label);
	n = plan_benefit_faults(b, fl, PP__MAX);
	for (i = 0; i < n; i++)
		if (!refused[fl[i].what]) {
			form_error(r, item_name(&f, fl[i].what), fl[i].why);
			bad++;
		}
	free(v);
	return bad;
}

/*
 * Every item of the form: a ticked kind is read into d->b, an unticked
 * one's inputs are kept on the page as typed.  Returns the number of bad
 * inputs (-1 when out of memory).
 */
static int
items_read(struct req *r, struct plan_draft *d)
{
	struct item_form f;
	char on[40];
	int k, bad = 0, n;
	size_t i;

	d->nb = 0;
	for (k = 0; k < PK__MAX; k++) {
		snprintf(on, sizeof(on), "%s_on", plan_kinds[k].name);
		form_fill(r, on, *req_form(r, on) ? "1" : "");
		if (*req_form(r, on)) {
			if ((n = item_read(r, k, &d->b[d->nb++])) < 0)
				return -1;
			bad += n;
			continue;
		}
		item_form(k, &f);
		for (i = 0; i < f.n; i++)
			form_echo(r, f.names[i]);
	}
	if (d->nb == 0) {
		form_refuse(r, RF_PLAN_NO_BENEFIT, NULL);
		bad++;
	}
	return bad;
}

/* ---- drafts on the page ------------------------------------------------ */

/* Item b's parameter p as a person reads and types it ("" for none). */
static const char *
param_text(const struct plan_benefit *b, int p, char *buf, size_t n)
{
	const int64_t *fen = NULL;

	buf[0] = '\0';
	switch (p) {
	case PP_NAME: return b->name;
	case PP_DEDUCTIBLE: return money_format(b->deductible, buf, n);
	case PP_BANDS: return plan_bands_text(b->bands, b->nbands, buf, n);
	case PP_DISEASES: return b->diseases;
	case PP_CLAIM_CAP: fen = &b->claim_cap; break;
	case PP_ANNUAL_CAP: fen = &b->annual_cap; break;
	case PP_PER_DAY: fen = &b->per_day; break;
	case PP_LUMP_SUM: fen = &b->lump_sum; break;
	case PP_DEATH_SUM: fen = &b->death_sum; break;
	case PP_MAX_DAYS:
		if (b->max_days)
			snprintf(buf, n, "%d", b->max_days);
		return buf;
	case PP_RATE:
		return b->rate ? plan_rate_text(b->rate, buf, n) : buf;
	default:
		return b->grades[p - PP_GRADE] ?
		    plan_rate_text(b->grades[p - PP_GRADE], buf, n) : buf;
	}
	return *fen ? money_format(*fen, buf, n) : buf;
}

/* An edit form's first view: the version's terms and items as typed. */
static void
draft_fill(struct req *r, const struct plan_draft *d)
{
	const struct plan_terms *t = &d->t;
	struct item_form f;
	char buf[4 * 500 + 1], on[40];
	int i;
	size_t j;

	form_fill(r, "name", t->name);
	form_fill(r, "premium", money_format(t->premium, buf, sizeof(buf)));
	snprintf(buf, sizeof(buf), "%d", t->period_months);
	form_fill(r, "period_months", buf);
	form_fill(r, "window_from", t->window_from);
	form_fill(r, "window_to", t->window_to);
	form_fill(r, "gender", t->gender == 'F' ? "F" : t->gender == 'M' ?
	    "M" : "any");
	snprintf(buf, sizeof(buf), "%d", t->age_warn);
	form_fill(r, "age_warn", buf);
	snprintf(buf, sizeof(buf), "%d", t->waiting_days);
	form_fill(r, "waiting_days", buf);
	form_fill(r, "note", d->note);
	for (i = 0; i < d->nb; i++) {
		snprintf(on, sizeof(on), "%s_on", plan_kinds[d->b[i].kind].name);
		form_fill(r, on, "1");
		item_form(d->b[i].kind, &f);
		for (j = 0; j < f.n; j++)
			form_fill(r, f.names[j], param_text(&d->b[i],
			    f.params[j], buf, sizeof(buf)));
	}
}

/* How a parameter shows: the stylesheet picks the input by it. */
static const char *
param_type(enum plan_param p)
{
	switch (p) {
	case PP_NAME: return "text";
	case PP_BANDS: return "bands";
	case PP_DISEASES: return "diseases";
	case PP_MAX_DAYS: return "count";
	case PP_RATE: return "rate";
	default: return p >= PP_GRADE ? "grades" : "money";
	}
}

/*
 * <kinds>: each kind of item with its parameters in form order, for the
 * form and the plan page: <kind name label><param name label type/>…;
 * the grade table is one <param name="grade" type="grades">.
 */
static void
kinds_view(xmlNodePtr parent)
{
	xmlNodePtr ks = view_add(parent, "kinds", NULL), k, n;
	const struct plan_kind_def *d;
	int i, p;

	for (i = 0; i < PK__MAX; i++) {
		d = &plan_kinds[i];
		k = view_add(ks, "kind", NULL);
		view_attr(k, "name", d->name);
		view_attr(k, "label", d->label);
		for (p = 0; p <= PP_GRADE; p++) {
			if (!(d->has & (1u << p)))
				continue;
			n = view_add(k, "param", NULL);
			view_attr(n, "name", p == PP_GRADE ? "grade" :
			    plan_param_name(p));
			view_attr(n, "label", d->labels[p]);
			view_attr(n, "type", param_type(p));
		}
	}
}

/* Item b on the plan page: <benefit kind label name> with each of its
 * kind's parameters as <param name>text</param>, the bands and grades. */
static void
benefit_view(xmlNodePtr parent, const struct plan_benefit *b)
{
	xmlNodePtr n = view_add(parent, "benefit", NULL), x;
	char buf[4 * 500 + 1], m[32];
	int p, i;

	view_attr(n, "kind", plan_kinds[b->kind].name);
	view_attr(n, "label", plan_kinds[b->kind].label);
	view_attr(n, "name", b->name);
	for (p = PP_DEDUCTIBLE; p < PP_GRADE; p++)
		if (plan_kinds[b->kind].has & (1u << p)) {
			x = view_add(n, "param", param_text(b, p, buf,
			    sizeof(buf)));
			view_attr(x, "name", plan_param_name(p));
		}
	for (i = 0, x = view_add(n, "bands", NULL); i < b->nbands; i++) {
		xmlNodePtr band = view_add(x, "band", NULL);

		if (b->bands[i].upper)
			view_attr(band, "upper", money_format(b->bands[i].upper,
			    m, sizeof(m)));
		if (i > 0)
			view_attr(band, "from", money_format(b->bands[i - 1].upper,
			    m, sizeof(m)));
		view_attr(band, "rate", plan_rate_text(b->bands[i].rate, m,
		    sizeof(m)));
	}
	for (i = 0, x = view_add(n, "grades", NULL); i < PLAN_GRADES; i++)
		if (b->grades[i]) {
			xmlNodePtr g = view_add(x, "grade", plan_rate_text(
			    b->grades[i], m, sizeof(m)));

			view_attrf(g, "n", "%d", i + 1);
		}
}

/* A version's terms: <terms version id gender ...> with the money. */
static void
terms_view(xmlNodePtr parent, const struct plan_draft *d)
{
	const struct plan_terms *t = &d->t;
	xmlNodePtr n = view_add(parent, "terms", NULL);

	view_attrf(n, "id", "%lld", (long long)t->version_id);
	view_attrf(n, "version", "%d", t->version);
	view_attrf(n, "months", "%d", t->period_months);
	view_attr(n, "from", t->window_from);
	view_attr(n, "to", t->window_to);
	view_attr(n, "gender", t->gender == 'F' ? "F" : t->gender == 'M' ?
	    "M" : "any");
	view_attrf(n, "age-warn", "%d", t->age_warn);
	view_attrf(n, "waiting", "%d", t->waiting_days);
	view_add(n, "name", t->name);
	view_money(n, "premium", t->premium);
	if (*d->note)
		view_add(n, "note", d->note);
}

/* ---- pages ------------------------------------------------------------ */

/* plan_list()'s columns. */
static const struct view_col list_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@code", VK_TEXT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "@version", VK_INT, NULL, 0 },
	{ "premium", VK_MONEY, NULL, 0 },
	{ "@months", VK_INT, NULL, 0 },
	{ "@from", VK_DATE, NULL, 0 },
	{ "@to", VK_DATE, NULL, 0 },
	{ "@gender", VK_TEXT, NULL, 0 },
	{ "@active", VK_FLAG, NULL, 0 },
	{ "items", VK_TEXT, NULL, 0 },
};

/* plan_offered()'s: what a unit may apply for now. */
static const struct view_col offered_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@code", VK_TEXT, NULL, 0 },
	{ ".", VK_TEXT, NULL, 0 },
	{ NULL, VK_MONEY, NULL, 0 },
	{ NULL, VK_INT, NULL, 0 },
};

/* Rows of `res` (NULL: a database error) under <name>; 1, 0 on error. */
static int
rows_view(xmlNodePtr parent, const char *name, const char *elem,
    const struct view_col *cols, size_t n, struct db_res *res)
{
	int64_t rows;

	if (res == NULL)
		return 0;
	rows = view_rows(view_add(parent, name, NULL), elem, cols, n, res, NULL);
	db_done(res);
	return rows >= 0;
}

int
plans_get(struct req *r)
{
	if (!rows_view(r->page, "plans", "plan", list_cols, NCOLS(list_cols),
	    plan_list(r->db)) || !rows_view(r->page, "offered", "plan",
	    offered_cols, NCOLS(offered_cols), plan_offered(r->db)))
		return 500;
	r->sheet = SHEET_PLANS;
	return 200;
}

/* The form page: a new plan (t NULL), or editing plan t's version. */
static int
form_page(struct req *r, const struct plan_terms *t)
{
	xmlNodePtr n = view_add(r->page, "plan-form", NULL);

	if (t != NULL) {
		view_attrf(n, "id", "%lld", (long long)t->plan_id);
		view_attrf(n, "base", "%lld", (long long)t->version_id);
		view_attrf(n, "version", "%d", t->version);
		view_attr(n, "code", t->code);
		view_add(n, "name", t->name);
	}
	kinds_view(r->page);
	r->sheet = SHEET_PLAN_FORM;
	return 200;
}

int
plan_new_get(struct req *r)
{
	/* What most plans say: a year, a warning at 60, no waiting. */
	form_fill(r, "period_months", "12");
	form_fill(r, "gender", "any");
	form_fill(r, "age_warn", "60");
	form_fill(r, "waiting_days", "0");
	return form_page(r, NULL);
}

/* Whether the form already has a message for the whole of it. */
static int
has_message(struct req *r)
{
	xmlNodePtr n;

	for (n = form_node(r)->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"message") == 0)
			return 1;
	return 0;
}

/*
 * The terms and items of the form into *d, every bad input marked, and
 * (a long form) a word at its top.  Returns 0 when all is well, 200 to
 * show the form again, 500.
 */
static int
draft_read(struct req *r, struct plan_draft *d, int bad)
{
	int n;

	bad += terms_read(r, d);
	if ((n = items_read(r, d)) < 0)
		return 500;
	if (bad + n == 0)
		return 0;
	if (!has_message(r))
		form_message(r, "未保存：请检查标红的项目，修改后再保存。", "error");
	return 200;
}

/* What a refused save says: beside the code, or for the whole form;
 * 0 when nothing was refused, 500 for the database. */
static int
refused(struct req *r, enum refusal rf)
{
	return form_refuse(r, rf, rf == RF_PLAN_CODE_TAKEN ? "code" : NULL);
}

int
plan_new_post(struct req *r)
{
	struct actor by = actor_of(r);
	struct plan_draft *d;
	struct field_val code;
	const char *why;
	char c[21] = "", path[64];
	int64_t id = 0;
	int st, bad;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return 500;
	bad = form_read(r, &code_field, 1, &code);
	if (bad == 0 && !plan_code_read(code.v, c, &why)) {
		form_error(r, "code", why);
		bad++;
	}
	if ((st = draft_read(r, d, bad)) == 0)
		st = refused(r, plan_create(r->db, &by, c, d, &id));
	free(d);
	if (st != 0)
		return st == 200 ? form_page(r, NULL) : st;
	snprintf(path, sizeof(path), "/o/plan?id=%lld&created=1", (long long)id);
	return req_redirect(r, path);
}

/* plan_versions()'s columns. */
static const struct view_col version_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@no", VK_INT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ "premium", VK_MONEY, NULL, 0 },
	{ "@months", VK_INT, NULL, 0 },
	{ "@created", VK_TIME, NULL, 0 },
	{ "@by", VK_TEXT, NULL, 0 },
	{ "@current", VK_FLAG, NULL, 0 },
};

/* What the last change did, said once on the plan's page. */
static void
plan_said(struct req *r)
{
	char msg[128];

	if (req_query(r, "created"))
		form_message(r, "保障计划已创建（第1版）。", "ok");
	else if (req_id(r, "saved") > 0) {
		snprintf(msg, sizeof(msg), "已保存为第%lld版，现行条款已更新。",
		    (long long)req_id(r, "saved"));
		form_message(r, msg, "ok");
	} else if (req_query(r, "offered"))
		form_message(r, "已恢复在售：单位新的参保申请可以选择此计划。", "ok");
	else if (req_query(r, "withdrawn"))
		form_message(r, "已停售：新的参保申请不能再选择此计划，已参保的记录"
		    "不受影响。", "ok");
}

/*
 * A plan's page: the version asked for (?v=, else the one in force), its
 * terms and items, and every version.  *d is the caller's buffer.
 */
static int
plan_page(struct req *r, int64_t id, int64_t vid, struct plan_draft *d)
{
	struct plan_terms now;
	xmlNodePtr n;
	int rc, i;

	if ((rc = plan_current(r->db, id, &now)) <= 0)
		return rc < 0 ? 500 : page_refuse(r, RF_NO_PLAN, 404);
	if ((rc = plan_draft_get(r->db, vid ? vid : now.version_id, d)) < 0)
		return 500;
	if (rc == 0 || d->t.plan_id != id)
		return req_error_page(r, 404, "未找到该版本。");
	n = view_add(r->page, "plan", NULL);
	view_attrf(n, "id", "%lld", (long long)id);
	view_attr(n, "code", now.code);
	view_attrf(n, "current", "%d", now.version);
	if (now.active)
		view_attr(n, "active", "1");
	terms_view(n, d);
	for (i = 0; i < d->nb; i++)
		benefit_view(n, &d->b[i]);
	if (!rows_view(n, "versions", "version", version_cols,
	    NCOLS(version_cols), plan_versions(r->db, id)))
		return 500;
	kinds_view(r->page);
	plan_said(r);
	r->sheet = SHEET_PLAN;
	return 200;
}

int
plan_get(struct req *r)
{
	struct plan_draft *d = calloc(1, sizeof(*d));
	int st;

	if (d == NULL)
		return 500;
	st = plan_page(r, req_id(r, "id"), req_id(r, "v"), d);
	free(d);
	return st;
}

int
plan_edit_get(struct req *r)
{
	struct plan_draft *d = calloc(1, sizeof(*d));
	int rc;

	if (d == NULL)
		return 500;
	if ((rc = plan_current(r->db, req_id(r, "id"), &d->t)) > 0 &&
	    (rc = plan_draft_get(r->db, d->t.version_id, d)) > 0) {
		draft_fill(r, d);
		form_page(r, &d->t);
	}
	free(d);
	return rc < 0 ? 500 : rc == 0 ? page_refuse(r, RF_NO_PLAN, 404) : 200;
}

int
plan_edit_post(struct req *r)
{
	struct actor by = actor_of(r);
	struct plan_draft *d;
	struct plan_terms now;
	char path[80];
	int64_t id = req_id(r, "id"), vid = 0;
	int st;

	if ((st = plan_current(r->db, id, &now)) <= 0)
		return st < 0 ? 500 : page_refuse(r, RF_NO_PLAN, 404);
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return 500;
	if ((st = draft_read(r, d, 0)) == 0)
		st = refused(r, plan_edit(r->db, &by, id, req_id(r, "base"), d,
		    &vid));
	free(d);
	if (st != 0) {
		/* After 已被他人修改 the form goes on from the version in
		 * force: saving again makes the next version of it. */
		return st == 200 ? form_page(r, &now) : st;
	}
	plan_current(r->db, id, &now);
	snprintf(path, sizeof(path), "/o/plan?id=%lld&saved=%d", (long long)id,
	    now.version);
	return req_redirect(r, path);
}

int
plan_active_post(struct req *r)
{
	struct actor by = actor_of(r);
	const char *on = req_form(r, "active");
	char path[80];
	enum refusal rf;

	if (strcmp(on, "1") != 0 && strcmp(on, "0") != 0)
		return req_error_page(r, 400, "请求格式不正确，请返回重试。");
	rf = plan_set_active(r->db, &by, req_id(r, "id"), *on == '1');
	if (rf != RF_OK)
		return page_refuse(r, rf, 404);
	snprintf(path, sizeof(path), "/o/plan?id=%lld&%s=1",
	    (long long)req_id(r, "id"), *on == '1' ? "offered" : "withdrawn");
	return req_redirect(r, path);
}
