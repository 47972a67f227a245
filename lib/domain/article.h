/*
 * article.h -- 公告通知 and 工会资讯 the editor (编辑) publishes for the
 * member home, and the 宣传手册 PDF.
 *
 * An article is a draft until 发布; published, members see it from its
 * publication time on (a later time is a scheduled publication, read
 * from lib/core/clock.h); 撤回 hides it again.  Its body is kept cleaned
 * (lib/core/htmlclean.h): paragraphs, bold, lists, links and images
 * uploaded to it, which members reach through /m/article/image (a check
 * that the article is shown), never a public address.
 */
#ifndef HZ_ARTICLE_H
#define HZ_ARTICLE_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct actor;
struct attachment;
struct db;
struct upload;

/* 类别: the column's names, indexed. */
enum article_kind { ART_NOTICE, ART_NEWS, ART__MAX };
extern const char *const article_kind_names[ART__MAX + 1];	/* NULL-ended */
extern const char *const article_kind_labels[ART__MAX];	/* 公告通知 … */

/* The longest body the editor may send, in bytes of its HTML. */
#define ARTICLE_BODY_MAX	60000

/* What the editor's form says (title and kind already checked). */
struct article_in {
	enum article_kind	 kind;
	const char		*title;
	const char		*body;		/* the editor's HTML, raw */
	const char		*publish_at;	/* "" or "YYYY-MM-DD HH:MM" */
	const struct upload	*cover;		/* a new 封面, or NULL */
	const struct upload	*image;		/* a 正文图片 to add, or NULL */
};

/*
 * article_save: make a draft (*id 0: *id gets the new id) or change
 * article *id, its body cleaned, its uploads stored, audited.  Returns
 * RF_OK; a refusal with *field the form field it is about ("body",
 * "publish_at", "cover", "image") and *why a sentence of the store's
 * (uploads) or NULL (the refusal's own); RF_DB on a database error.
 */
enum refusal article_save(struct db *db, const struct actor *by, int64_t *id,
    const struct article_in *in, const char **field, const char **why);

/* article_publish / article_withdraw: 发布 (at its time, or now) and 撤回,
 * audited.  RF_OK, RF_ARTICLE_NOT_FOUND, RF_DB. */
enum refusal article_publish(struct db *db, const struct actor *by,
    int64_t id);
enum refusal article_withdraw(struct db *db, const struct actor *by,
    int64_t id);

/*
 * article_office_list: <articles kind=""><article id kind state at
 * scheduled?><title/><author/><updated/></article>...</articles> (paged)
 * under parent, every state, newest first; kind -1: both.  Returns 1/0.
 */
int article_office_list(struct db *db, int kind, const char *page,
    xmlNodePtr parent);

/*
 * article_office_view: <article id kind state at cover?><title/><body>
 * (cleaned markup, images through /o/)</body><author/></article> and the
 * form's values (form: the page's <form>, NULL not to fill).  Returns 1,
 * 0 if there is no such article, -1 on a database error.
 */
int article_office_view(struct db *db, int64_t id, xmlNodePtr parent,
    xmlNodePtr form);

/*
 * article_member_list: the shown articles of `kind`, newest first, paged:
 * <articles kind="" total...><article id at cover?><title/><summary/>
 * </article>...</articles>.  Returns 1/0.
 */
int article_member_list(struct db *db, enum article_kind kind,
    const char *page, xmlNodePtr parent);

/* article_member_view: one shown article (images through /m/).  1, 0 when
 * it is not shown (draft, withdrawn, not yet its time, none), -1. */
int article_member_view(struct db *db, int64_t id, xmlNodePtr parent);

/*
 * article_home_view: <articles><article id at cover?><title/></article>
 * ...</articles> under parent: the `max` newest shown 工会资讯, for the
 * member home.  Returns 1/0.
 */
int article_home_view(struct db *db, xmlNodePtr parent, int max);

/*
 * article_image: attachment `id` if it is the cover or a body image of an
 * article; `shown` 1: only of an article members see now.  Returns 1 with
 * *a filled, 0 (answer 404), -1 on a database error.
 */
int article_image(struct db *db, int64_t id, int shown, struct attachment *a);

/*
 * article_clean_text: a text's stored form without images: lines typed
 * without markup become paragraphs, markup is cleaned (htmlclean.h).
 * Returns a malloc'd string ("" when nothing is left), NULL on a memory
 * failure.  (The 协议文本 use it too.)
 */
char *article_clean_text(const char *body);

/* article_body_view: a stored body under a new <body> of parent, images
 * through the address `image_prefix` ends with an id. */
void article_body_view(xmlNodePtr parent, const char *body,
    const char *image_prefix);

/* brochure_put: the new 宣传手册 (PDF by its bytes), audited.  RF_OK;
 * RF_BROCHURE_FILE with *why the store's sentence; RF_DB. */
enum refusal brochure_put(struct db *db, const struct actor *by,
    const struct upload *u, const char **why);

/* brochure_current: the 宣传手册 in force.  1 with *a, 0 when none, -1. */
int brochure_current(struct db *db, struct attachment *a);

#endif
