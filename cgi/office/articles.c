/*
 * articles.c -- the editor's (编辑) pages: 公告通知 and 工会资讯 (list,
 * 新建, edit, 发布 / 撤回, their images), 隐私协议 / 服务声明 (a new
 * version), 宣传手册 (the PDF).
 */
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "audit.h"
#include "consent.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "store.h"
#include "view.h"

/* A query parameter, "" when absent. */
static const char *
query(const struct req *r, const char *key)
{
	const char *v = req_query(r, key);

	return v ? v : "";
}

enum art_field {
	AF_KIND,
	AF_TITLE,
	AF_PUBLISH_AT,
	AF__MAX
};

static const struct field art_fields[AF__MAX] = {
	[AF_KIND] =       { "kind", FK_CHOICE, 0, article_kind_names },
	[AF_TITLE] =      { "title", FK_TEXT_120, 0, NULL },
	[AF_PUBLISH_AT] = { "publish_at", FK_TEXT_30, 1, NULL },
};

/* The kind a ?kind= names, or -1 (both). */
static int
kind_of(const char *s)
{
	int i;

	for (i = 0; i < ART__MAX; i++)
		if (strcmp(s, article_kind_names[i]) == 0)
			return i;
	return -1;
}

/* An upload the form carried: a file was chosen (even an empty one). */
static const struct upload *
chosen(const struct req *r, const char *field)
{
	const struct upload *u = req_file(r, field);

	return u && (u->size > 0 || (u->filename && *u->filename)) ? u : NULL;
}

/* 公告与资讯: every article, newest first, by kind. */
int
articles_get(struct req *r)
{
	int kind = kind_of(query(r, "kind"));

	if (!article_office_list(r->db, kind, req_query(r, "page"), r->page))
		return 500;
	if (*query(r, "done"))
		form_message(r, strcmp(query(r, "done"), "withdrawn") == 0 ?
		    "已撤回，职工端不再显示。" : "已发布。", "ok");
	r->sheet = SHEET_ARTICLES;
	return 200;
}

/* The form page: new (id 0) or the article's, with its preview. */
static int
form_page(struct req *r, int64_t id)
{
	int rc;

	view_attrf(form_node(r), "id", "%lld", (long long)id);
	if (id > 0) {
		if ((rc = article_office_view(r->db, id, r->page, NULL)) < 0)
			return 500;
		if (rc == 0)
			return req_error_page(r, 404, "未找到该文章。");
	}
	r->sheet = SHEET_ARTICLE_FORM;
	return 200;
}

int
article_new_get(struct req *r)
{
	int kind = kind_of(query(r, "kind"));

	view_field(form_node(r), "kind", article_kind_names[kind < 0 ?
	    ART_NOTICE : kind], NULL);
	return form_page(r, 0);
}

int
article_edit_get(struct req *r)
{
	int64_t id = req_id(r, "id");
	int rc;

	if ((rc = article_office_view(r->db, id, r->page, form_node(r))) < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该文章。");
	view_attrf(form_node(r), "id", "%lld", (long long)id);
	if (*query(r, "saved"))
		form_message(r, "已保存。", "ok");
	r->sheet = SHEET_ARTICLE_FORM;
	return 200;
}

/* 保存 (new or edit): the fields, the body, the uploads. */
static int
save(struct req *r, int64_t id)
{
	struct field_val v[AF__MAX];
	struct article_in in;
	struct actor by = actor_of(r);
	const char *field, *why;
	enum refusal rf;
	char path[80];
	int bad;

	bad = form_read(r, art_fields, AF__MAX, v);
	view_field(form_node(r), "body", req_form(r, "body"), NULL);
	if (bad > 0)
		return form_page(r, id);
	in = (struct article_in){ (enum article_kind)v[AF_KIND].num,
	    v[AF_TITLE].v, req_form(r, "body"), v[AF_PUBLISH_AT].v,
	    chosen(r, "cover"), chosen(r, "image") };
	rf = article_save(r->db, &by, &id, &in, &field, &why);
	if (rf == RF_ARTICLE_NOT_FOUND)
		return page_refuse(r, rf, 404);
	if (rf != RF_OK) {
		if (form_refuse(r, rf, field) != 200)
			return 500;
		return form_page(r, id);
	}
	snprintf(path, sizeof(path), "/o/articles/edit?id=%lld&saved=1",
	    (long long)id);
	return req_redirect(r, path);
}

int
article_new_post(struct req *r)
{
	return save(r, 0);
}

int
article_edit_post(struct req *r)
{
	int64_t id = req_id(r, "id");

	if (id <= 0)
		return page_refuse(r, RF_ARTICLE_NOT_FOUND, 404);
	return save(r, id);
}

/* 发布 / 撤回, back to the list. */
static int
set_state(struct req *r, int publish)
{
	struct actor by = actor_of(r);
	int64_t id = req_id(r, "id");
	enum refusal rf = publish ? article_publish(r->db, &by, id) :
	    article_withdraw(r->db, &by, id);

	if (rf != RF_OK)
		return page_refuse(r, rf, 404);
	return req_redirect(r, publish ? "/o/articles?done=published" :
	    "/o/articles?done=withdrawn");
}

int
article_publish_post(struct req *r)
{
	return set_state(r, 1);
}

int
article_withdraw_post(struct req *r)
{
	return set_state(r, 0);
}

/* An article's cover or body image, for the editor (any state). */
int
article_image_get(struct req *r)
{
	struct attachment a;
	int rc = article_image(r->db, req_id(r, "id"), 0, &a);

	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "图片不存在。");
	return store_show(r, &a);
}

/* 隐私协议与服务声明: each in force, the versions, the form. */
static int
texts_page(struct req *r)
{
	if (!consent_texts_view(r->db, r->page))
		return 500;
	r->sheet = SHEET_TEXTS;
	return 200;
}

int
texts_get(struct req *r)
{
	if (*query(r, "version"))
		form_message(r, "已发布新版本。职工下次访问时将被请求重新同意。",
		    "ok");
	return texts_page(r);
}

static const char *const text_kinds[] = { "privacy", "terms", NULL };
static const struct field text_kind_field = { "kind", FK_CHOICE, 0,
    text_kinds };

/* 发布新版本 of one text. */
int
texts_post(struct req *r)
{
	struct field_val v;
	struct actor by = actor_of(r);
	enum refusal rf;
	char path[64];
	int version;

	view_field(form_node(r), "body", req_form(r, "body"), NULL);
	if (form_read(r, &text_kind_field, 1, &v) > 0)
		return texts_page(r);
	rf = consent_publish(r->db, &by, (enum consent_kind)v.num,
	    req_form(r, "body"), &version);
	if (rf != RF_OK) {
		if (form_refuse(r, rf, "body") != 200)
			return 500;
		return texts_page(r);
	}
	snprintf(path, sizeof(path), "/o/texts?version=%d", version);
	return req_redirect(r, path);
}

/* 宣传手册: the one in force and the upload form. */
static int
brochure_page(struct req *r)
{
	struct attachment a;
	xmlNodePtr n;
	int rc;

	if ((rc = brochure_current(r->db, &a)) < 0)
		return 500;
	n = view_add(r->page, "brochure", NULL);
	if (rc == 1) {
		view_attrf(n, "id", "%lld", (long long)a.id);
		view_attr(n, "at", a.created_at);
		view_attrf(n, "size", "%lld", (long long)a.size);
		view_add(n, "filename", a.filename);
	}
	r->sheet = SHEET_BROCHURE;
	return 200;
}

int
brochure_get(struct req *r)
{
	if (*query(r, "saved"))
		form_message(r, "宣传手册已更新，职工端即可查看。", "ok");
	return brochure_page(r);
}

int
brochure_post(struct req *r)
{
	struct actor by = actor_of(r);
	const char *why;
	enum refusal rf;

	rf = brochure_put(r->db, &by, chosen(r, "file"), &why);
	if (rf != RF_OK) {
		if (form_refuse(r, rf, "file") != 200)
			return 500;
		return brochure_page(r);
	}
	return req_redirect(r, "/o/brochure?saved=1");
}

/* The brochure in force, for the editor to check. */
int
brochure_file_get(struct req *r)
{
	struct attachment a;
	int rc = brochure_current(r->db, &a);

	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "尚未上传宣传手册。");
	return store_show(r, &a);
}
