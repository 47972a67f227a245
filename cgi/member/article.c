/*
 * article.c -- 公告通知, 工会资讯, 宣传手册, 隐私协议 / 服务声明 and the
 * member's consent to them (同意, 不同意, 撤回同意) on the member portal.
 */
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "audit.h"
#include "consent.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "session.h"
#include "store.h"
#include "view.h"
#include "member.h"

/* A list of shown articles of one kind. */
static int
list_page(struct req *r, enum article_kind kind)
{
	if (!article_member_list(r->db, kind, req_query(r, "page"), r->page))
		return 500;
	r->sheet = SHEET_ARTICLES;
	return 200;
}

/* 公告通知 */
int
notices_get(struct req *r)
{
	return list_page(r, ART_NOTICE);
}

/* 工会资讯 */
int
news_get(struct req *r)
{
	return list_page(r, ART_NEWS);
}

/* One article; a draft, a withdrawn one or one before its time is 404. */
int
article_get(struct req *r)
{
	int rc = article_member_view(r->db, req_id(r, "id"), r->page);

	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "该文章不存在或尚未发布。");
	r->sheet = SHEET_ARTICLE;
	return 200;
}

/* A cover or body image of an article members see now. */
int
article_image_get(struct req *r)
{
	struct attachment a;
	int rc = article_image(r->db, req_id(r, "id"), 1, &a);

	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "图片不存在。");
	return store_show(r, &a);
}

/* 宣传手册: the PDF in force, inline; none yet: a page saying so. */
int
brochure_get(struct req *r)
{
	struct attachment a;
	int rc = brochure_current(r->db, &a);

	if (rc < 0)
		return 500;
	if (rc == 1)
		return store_show(r, &a);
	view_add(r->page, "brochure-none", NULL);
	r->sheet = SHEET_TEXT;
	return 200;
}

/* 隐私协议 or 服务声明 in force (open to anyone: the bind page links them). */
static int
text_page(struct req *r, enum consent_kind kind)
{
	xmlNodePtr n = view_add(r->page, "consent-text", NULL);

	view_attr(n, "kind", consent_kind_names[kind]);
	view_attr(n, "label", consent_kind_labels[kind]);
	if (consent_text_view(r->db, kind, n) < 0)
		return 500;
	r->sheet = SHEET_TEXT;
	return 200;
}

int
privacy_get(struct req *r)
{
	return text_page(r, CT_PRIVACY);
}

int
terms_get(struct req *r)
{
	return text_page(r, CT_TERMS);
}

/* The texts in force the member has not agreed to; none left: home. */
static int
consent_page(struct req *r)
{
	const struct member *m = r->extra;
	int n = consent_pending_view(r->db, m->id, r->page);

	if (n < 0)
		return 500;
	if (n == 0)
		return req_redirect(r, "/m/");
	r->sheet = SHEET_CONSENT;
	return 200;
}

int
consent_get(struct req *r)
{
	return consent_page(r);
}

/* 同意: recorded, on to the home; 不同意: the page again, saying the
 * portal stays closed until they agree or withdraw. */
int
consent_post(struct req *r)
{
	const struct member *m = r->extra;

	if (strcmp(req_form(r, "decision"), "agree") == 0) {
		if (!consent_agree(r->db, m->id, r->remote_addr))
			return 500;
		return req_redirect(r, "/m/");
	}
	form_message(r, "您未同意更新后的协议，暂时无法使用职工互助服务。"
	    "您可以阅读后选择同意，或撤回同意并解除绑定。", "error");
	return consent_page(r);
}

/* 撤回同意: what it means, and the confirmation. */
int
withdraw_get(struct req *r)
{
	r->sheet = SHEET_WITHDRAW;
	return 200;
}

int
withdraw_post(struct req *r)
{
	const struct member *m = r->extra;

	if (strcmp(req_form(r, "confirm"), "1") != 0) {
		form_refuse(r, RF_CONSENT_CONFIRM, "confirm");
		r->sheet = SHEET_WITHDRAW;
		return 200;
	}
	if (!consent_withdraw(r->db, m->id, r->remote_addr))
		return 500;
	req_cookie_set(r, "hz_m", "", 0);
	return req_redirect(r, "/m/bind?withdrawn=1");
}
