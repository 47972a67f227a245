/*
 * orgapp.c -- 单位信息管理: register a unit, edit an approved one, upload
 * its materials, read the 承诺书, 上报, and follow the review.
 * Every handler answers 404 for an application that is not the agent's.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "db.h"
#include "files.h"
#include "flow.h"
#include "flows.h"
#include "form.h"
#include "http.h"
#include "orgapp.h"
#include "pages.h"
#include "store.h"
#include "view.h"

static const char *const lineages[] = { "none", "merge", "split", NULL };

enum {
	OF_NAME, OF_CREDIT, OF_PARENT, OF_NATURE, OF_DISTRICT, OF_MEDINS,
	OF_EMPLOYEES, OF_CHAIRMAN, OF_CONTACT, OF_PHONE, OF_LINEAGE, OF__MAX
};
static const struct field fields[OF__MAX] = {
	[OF_NAME] =      { "name", FK_TEXT_120, 0, NULL },
	[OF_CREDIT] =    { "credit_code", FK_CREDIT_CODE, 0, NULL },
	[OF_PARENT] =    { "parent_id", FK_ID, 0, NULL },
	[OF_NATURE] =    { "nature", FK_CHOICE, 0, orgapp_natures },
	[OF_DISTRICT] =  { "district", FK_TEXT_60, 1, NULL },
	[OF_MEDINS] =    { "medins_code", FK_MEDINS, 1, NULL },
	[OF_EMPLOYEES] = { "employees", FK_COUNT, 1, NULL },
	[OF_CHAIRMAN] =  { "chairman", FK_NAME, 1, NULL },
	[OF_CONTACT] =   { "contact", FK_NAME, 0, NULL },
	[OF_PHONE] =     { "contact_phone", FK_PHONE, 0, NULL },
	[OF_LINEAGE] =   { "lineage", FK_CHOICE, 0, lineages },
};

/* The application named by ?id= or the form's id, if it is the agent's. */
static int
own_app(struct req *r, struct org_app *a)
{
	int64_t id;
	int rc;

	if ((id = req_id(r, "id")) <= 0)
		return 404;
	if ((rc = orgapp_get(r->db, id, a)) < 0)
		return 500;
	if (rc == 0 || a->agent_id != r->sess.subject)
		return 404;
	return 0;
}

/* <parents>: where a unit may hang (市总工会 and the districts). */
static int
add_parents(struct req *r)
{
	struct db_res *res;
	xmlNodePtr p, o;

	if ((res = orgapp_parents(r->db)) == NULL)
		return 0;
	p = view_add(r->page, "parents", NULL);
	while (db_next(res) == 1) {
		o = view_add(p, "org", db_col(res, 1));
		view_attr(o, "id", db_col(res, 0));
		view_attr(o, "depth", db_col(res, 2));
	}
	db_done(res);
	return 1;
}

/* The whole application page: data, lineage, materials, timeline. */
static int
app_page(struct req *r, const struct org_app *a, int fill)
{
	xmlNodePtr n;
	const char *q;

	if ((n = orgapp_view(r->db, a, r->page)) == NULL || !add_parents(r))
		return 500;
	/* 合并/拆分 pick: units found by name. */
	if ((q = req_query(r, "q")) && *q &&
	    !orgapp_candidates(r->db, q, r->page))
		return 500;
	if (fill) {
		char parent[24];

		snprintf(parent, sizeof(parent), "%lld", (long long)a->parent_id);
		form_fill(r, "name", a->name);
		form_fill(r, "credit_code", a->credit_code);
		form_fill(r, "parent_id", parent);
		form_fill(r, "nature", a->nature);
		form_fill(r, "district", a->district);
		form_fill(r, "medins_code", a->medins_code);
		form_fill(r, "employees", a->employees);
		form_fill(r, "chairman", a->chairman);
		form_fill(r, "contact", a->contact);
		form_fill(r, "contact_phone", a->contact_phone);
		form_fill(r, "lineage", a->lineage);
	}
	r->sheet = SHEET_ORGAPP;
	return 200;
}

int
orgapp_new_get(struct req *r)
{
	if (!add_parents(r))
		return 500;
	form_fill(r, "lineage", "none");
	view_add(r->page, "new", NULL);
	r->sheet = SHEET_ORGAPP;
	return 200;
}

int
orgapp_get_page(struct req *r)
{
	struct org_app a;
	int st;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	if (req_query(r, "saved"))
		form_message(r, "已保存。请上传材料，然后点击“上报”。", "ok");
	else if (req_query(r, "uploaded"))
		form_message(r, "材料已上传。", "ok");
	else if (req_query(r, "submitted"))
		form_message(r, "已上报，请等待市总工会审核。", "ok");
	return app_page(r, &a, 1);
}

/* Copy a text into a fixed field; 0 if it does not fit. */
static int
put(char *dst, size_t size, const char *src)
{
	return snprintf(dst, size, "%s", src) < (int)size;
}

/*
 * The checked form into *a.  Returns NULL, or the name of a field too
 * long for its column.
 */
static const char *
app_from_form(const struct field_val *v, struct org_app *a)
{
	static const struct { int f; size_t off, size; } map[] = {
#define M(f, m) { f, offsetof(struct org_app, m), sizeof(((struct org_app *)0)->m) }
		M(OF_NAME, name), M(OF_CREDIT, credit_code),
		M(OF_NATURE, nature), M(OF_DISTRICT, district),
		M(OF_MEDINS, medins_code), M(OF_EMPLOYEES, employees),
		M(OF_CHAIRMAN, chairman), M(OF_CONTACT, contact),
		M(OF_PHONE, contact_phone), M(OF_LINEAGE, lineage),
#undef M
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!put((char *)a + map[i].off, map[i].size, v[map[i].f].v))
			return fields[map[i].f].name;
	return NULL;
}

/* A refused save: the form again with the user's input and `msg`. */
static int
save_refused(struct req *r, int isnew, const struct org_app *a,
    const char *msg)
{
	form_message(r, msg, "error");
	if (!isnew)
		return app_page(r, a, 0);
	view_add(r->page, "new", NULL);
	r->sheet = SHEET_ORGAPP;
	return add_parents(r) ? 200 : 500;
}

int
orgapp_save_post(struct req *r)
{
	struct field_val v[OF__MAX];
	struct org_app a, old;
	struct flow_actor by;
	enum refusal rf;
	int st, isnew = *req_form(r, "id") == '\0';
	const char *toolong;
	char path[64];

	memset(&a, 0, sizeof(a));
	if (!isnew && (st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	old = a;
	if (form_read(r, fields, OF__MAX, v) > 0)
		return save_refused(r, isnew, &old, "请按提示修改后再保存");
	a.agent_id = r->sess.subject;
	a.parent_id = v[OF_PARENT].num;
	if ((toolong = app_from_form(v, &a)) != NULL) {
		form_error(r, toolong, "内容过长");
		return save_refused(r, isnew, &old, "请按提示修改后再保存");
	}
	flow_actor_of(r, &by);
	if ((rf = orgapp_save(r->db, &a, &by)) == RF_BAD_PARENT) {
		form_error(r, "parent_id", refusal_text(rf));
		return save_refused(r, isnew, &old, "请按提示修改后再保存");
	}
	if (rf == RF_DB)
		return 500;
	if (rf != RF_OK)
		return req_error_page(r, 409, refusal_text(rf));
	snprintf(path, sizeof(path), "/u/org/app?id=%lld&saved=1",
	    (long long)a.id);
	return req_redirect(r, path);
}

int
orgapp_upload_post(struct req *r)
{
	static const enum attach_kind allowed[] = { AK_APPROVAL, AK_LICENSE };
	struct flow_actor by;
	struct org_app a;
	enum attach_kind k = AK__MAX;
	enum refusal rf = RF_OK;
	const char *why = "请选择材料类型";
	char path[64];
	size_t i;
	int st;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (strcmp(req_form(r, "kind"), store_kind_name(allowed[i])) == 0)
			k = allowed[i];
	flow_actor_of(r, &by);
	if (k != AK__MAX && (rf = flow_attach(r->db, &orgapp_flow, a.id,
	    req_file(r, "file"), k, &by, &why)) == RF_OK) {
		snprintf(path, sizeof(path), "/u/org/app?id=%lld&uploaded=1",
		    (long long)a.id);
		return req_redirect(r, path);
	}
	if (rf == RF_DB)
		return 500;
	form_message(r, k == AK__MAX || rf == RF_FILE ? why : refusal_text(rf),
	    "error");
	view_attr(form_node(r), "upload", "1");
	return app_page(r, &a, 1);
}

int
orgapp_lineage_post(struct req *r)
{
	struct org_app a;
	int64_t org = req_id(r, "org");
	char path[64];
	int st, rc;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	rc = strcmp(req_form(r, "op"), "remove") == 0 ?
	    orgapp_lineage_remove(r->db, a.id, org) :
	    orgapp_lineage_add(r->db, a.id, org);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 409, "该申请已上报或已审核，不能再修改。");
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", (long long)a.id);
	return req_redirect(r, path);
}

int
orgapp_promise_get(struct req *r)
{
	struct org_app a;
	xmlNodePtr n;
	int st;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	if (!flow_editable(&a.flow))
		return req_error_page(r, 409, "该申请已上报或已审核。");
	if (!orgapp_promise_shown(r->db, a.id))
		return 500;
	n = view_add(r->page, "app", NULL);
	view_attrf(n, "id", "%lld", (long long)a.id);
	view_add(n, "name", a.name);
	r->sheet = SHEET_PROMISE;
	return 200;
}

int
orgapp_submit_post(struct req *r)
{
	struct flow_actor by;
	struct org_app a;
	enum refusal rc;
	char path[64];
	int st;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	flow_actor_of(r, &by);
	rc = *req_form(r, "agree") ? flow_step_once(r->db, &orgapp_flow, a.id,
	    FA_SUBMIT, &by, NULL) : RF_PROMISE;
	if (rc == RF_DB)
		return 500;
	if (rc != RF_OK) {
		form_message(r, refusal_text(rc), "error");
		if (rc == RF_PROMISE) {
			view_add(view_add(r->page, "app", NULL), "name", a.name);
			view_attrf(r->page->last, "id", "%lld", (long long)a.id);
			r->sheet = SHEET_PROMISE;
			return 200;
		}
		if ((st = app_page(r, &a, 1)) == 200 && rc == RF_BAD_PARENT)
			form_error(r, "parent_id", refusal_text(rc));
		return st;
	}
	snprintf(path, sizeof(path), "/u/org/app?id=%lld&submitted=1",
	    (long long)a.id);
	return req_redirect(r, path);
}

int
orgapp_cancel_post(struct req *r)
{
	struct flow_actor by;
	struct org_app a;
	enum refusal rc;
	int st;

	if ((st = own_app(r, &a)) != 0)
		return req_error_page(r, st, "未找到该申请。");
	flow_actor_of(r, &by);
	if ((rc = flow_step_once(r->db, &orgapp_flow, a.id, FA_CANCEL, &by,
	    NULL)) == RF_DB)
		return 500;
	if (rc != RF_OK) {
		form_message(r, refusal_text(rc), "error");
		return app_page(r, &a, 1);
	}
	return req_redirect(r, "/u/units");
}

/* 编辑: a chairman starts (or reopens) the edit of an approved unit. */
int
orgapp_edit_post(struct req *r)
{
	int64_t unit = req_id(r, "unit");
	char path[64];
	int64_t id;
	int role;

	if ((role = agent_role(r->db, r->sess.subject, unit, NULL)) < 0)
		return 500;
	if (role != AGENT_CHAIRMAN)
		return req_error_page(r, 403, "只有本单位的工会主席（主经办人）"
		    "可以编辑单位信息。");
	if ((id = orgapp_edit_start(r->db, unit, r->sess.subject)) < 0)
		return 500;
	if (id == 0)
		return req_error_page(r, 409, "该单位尚未审核通过，不能编辑。");
	snprintf(path, sizeof(path), "/u/org/app?id=%lld", (long long)id);
	return req_redirect(r, path);
}

/* 下载材料: the agent's own applications' files only (lib/files.c). */
int
orgapp_file_get(struct req *r)
{
	struct attachment f;
	int rc;

	if ((rc = file_for_agent(r->db, req_id(r, "id"), r->sess.subject,
	    "org_app", &f)) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该文件。");
	return store_send(r, &f);
}
