/*
 * article.c -- 公告通知, 工会资讯 and 宣传手册 (article.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "audit.h"
#include "clock.h"
#include "db.h"
#include "epoch.h"
#include "htmlclean.h"
#include "http_parse.h"
#include "kind.h"
#include "store.h"
#include "valid.h"
#include "view.h"

const char *const article_kind_names[ART__MAX + 1] = { "notice", "news", NULL };
const char *const article_kind_labels[ART__MAX] = { "公告通知", "工会资讯" };

/* The states, as the column names them (views show them by name). */
static const char *const state_names[] = { "draft", "published", "withdrawn" };

/* Where members and the editor fetch an article's images. */
#define MEMBER_IMAGE	"/m/article/image?id="
#define OFFICE_IMAGE	"/o/articles/image?id="

enum stmt {
	STMT_INSERT,
	STMT_UPDATE,
	STMT_LOCK,
	STMT_IMAGE_OF,
	STMT_PUBLISH,
	STMT_WITHDRAW,
	STMT_OFFICE_COUNT,
	STMT_OFFICE_LIST,
	STMT_OFFICE_GET,
	STMT_SHOWN_COUNT,
	STMT_SHOWN_LIST,
	STMT_SHOWN_GET,
	STMT_IMAGE,
	STMT_NEXT_DUE,
	STMT__MAX
};

#define SHOWN " a.state = 'published' AND a.publish_at <= ?"

static const char *const sql[STMT__MAX] = {
	[STMT_INSERT] =
	    "INSERT INTO article (kind, title, body, author_id, created_at,"
	    " updated_at) VALUES (?, ?, '', ?, ?, ?)",
	[STMT_UPDATE] =
	    "UPDATE article SET kind = ?, title = ?, body = ?, publish_at = ?,"
	    " cover_id = COALESCE(?, cover_id), updated_at = ? WHERE id = ?",
	[STMT_LOCK] = "SELECT state FROM article WHERE id = ? FOR UPDATE",
	[STMT_IMAGE_OF] =
	    "SELECT COUNT(*) FROM attachment WHERE id = ? AND owner_type ="
	    " 'article' AND owner_id = ? AND kind = 'article_image'",
	[STMT_PUBLISH] =
	    "UPDATE article SET state = 'published', publish_at ="
	    " COALESCE(publish_at, ?), updated_at = ? WHERE id = ?",
	[STMT_WITHDRAW] =
	    "UPDATE article SET state = 'withdrawn', updated_at = ? WHERE id = ?",
	[STMT_OFFICE_COUNT] =
	    "SELECT COUNT(*) FROM article WHERE ? = '' OR kind = ?",
	[STMT_OFFICE_LIST] =
	    "SELECT a.id, a.kind + 0 - 1, a.state + 0 - 1,"
	    " DATE_FORMAT(a.publish_at, '%Y-%m-%d %H:%i'),"
	    " a.state = 'published' AND a.publish_at > ?, a.title, s.name,"
	    " DATE_FORMAT(a.updated_at, '%Y-%m-%d %H:%i')"
	    " FROM article a JOIN staff s ON s.id = a.author_id"
	    " WHERE ? = '' OR a.kind = ? ORDER BY a.id DESC LIMIT ? OFFSET ?",
	[STMT_OFFICE_GET] =
	    "SELECT a.id, a.kind + 0 - 1, a.state + 0 - 1,"
	    " DATE_FORMAT(a.publish_at, '%Y-%m-%d %H:%i'),"
	    " a.state = 'published' AND a.publish_at > ?, a.title, s.name,"
	    " a.body, a.cover_id"
	    " FROM article a JOIN staff s ON s.id = a.author_id WHERE a.id = ?",
	[STMT_SHOWN_COUNT] =
	    "SELECT COUNT(*) FROM article a WHERE a.kind = ? AND" SHOWN,
	[STMT_SHOWN_LIST] =
	    "SELECT a.id, DATE_FORMAT(a.publish_at, '%Y-%m-%d'), a.cover_id,"
	    " a.title, a.body FROM article a WHERE a.kind = ? AND" SHOWN
	    " ORDER BY a.publish_at DESC, a.id DESC LIMIT ? OFFSET ?",
	[STMT_SHOWN_GET] =
	    "SELECT a.id, a.kind + 0 - 1, DATE_FORMAT(a.publish_at,"
	    " '%Y-%m-%d %H:%i'), a.cover_id, a.title, a.body, s.name"
	    " FROM article a JOIN staff s ON s.id = a.author_id"
	    " WHERE a.id = ? AND" SHOWN,
	[STMT_IMAGE] =
	    "SELECT f.id FROM attachment f JOIN article a ON a.id = f.owner_id"
	    " WHERE f.id = ? AND f.owner_type = 'article' AND f.kind IN"
	    " ('cover', 'article_image') AND (? = 0 OR" SHOWN ")",
	/* How long a list of the shown ones holds: until the next scheduled
	 * one is due, at most a minute (seconds, 1 to 60). */
	[STMT_NEXT_DUE] =
	    "SELECT LEAST(COALESCE(TIMESTAMPDIFF(SECOND, ?, MIN(a.publish_at))"
	    " + 1, 60), 60) FROM article a WHERE a.state = 'published' AND"
	    " a.publish_at > ?",
};

static const struct db_table tab = { DBM_ARTICLE, sql, STMT__MAX };

/* The attachment id at the end of an image address of either portal, or
 * 0 when `src` is not one. */
static int64_t
image_id(const char *src)
{
	const char *d;
	char *end;
	long long v;

	if (strncmp(src, MEMBER_IMAGE, strlen(MEMBER_IMAGE)) == 0)
		d = src + strlen(MEMBER_IMAGE);
	else if (strncmp(src, OFFICE_IMAGE, strlen(OFFICE_IMAGE)) == 0)
		d = src + strlen(OFFICE_IMAGE);
	else
		return 0;
	if (*d < '1' || *d > '9' || strlen(d) > 15)
		return 0;
	v = strtoll(d, &end, 10);
	return *end == '\0' ? (int64_t)v : 0;
}

/* At saving: an image of this article (arg: struct save_arg), kept with
 * the members' address. */
struct save_arg {
	const struct actor	*by;
	const struct article_in	*in;
	int64_t			 id;
	char			 now[20], at[20];
	enum refusal		 rf;
	const char		*field, *why;
	struct db		*db;
};

static int
img_saved(const char *src, char *out, size_t n, void *arg)
{
	struct save_arg *a = arg;
	int64_t id = image_id(src);
	int found;

	if (id <= 0 || db_one_int(a->db, &tab, STMT_IMAGE_OF, &found, "ii", id,
	    a->id) != 1)
		return 0;
	snprintf(out, n, MEMBER_IMAGE "%lld", (long long)id);
	return 1;
}

/* At showing: the stored address for a portal (arg: its prefix). */
static int
img_shown(const char *src, char *out, size_t n, void *arg)
{
	int64_t id = image_id(src);

	if (id <= 0)
		return 0;
	snprintf(out, n, "%s%lld", (const char *)arg, (long long)id);
	return 1;
}

/*
 * The publication time typed ("YYYY-MM-DD HH:MM", a T for the space, or
 * seconds too) as "YYYY-MM-DD HH:MM:00" into out; 1, or 0 when it is not
 * a time.
 */
static int
parse_at(const char *in, char out[20])
{
	char ymd[11], check[11];
	int h, m, s = 0, used = 0;

	if (strlen(in) < 16 || strlen(in) > 19 || (in[10] != ' ' &&
	    in[10] != 'T'))
		return 0;
	memcpy(ymd, in, 10);
	ymd[10] = '\0';
	if (!clock_date_add(ymd, 0, 0, check) || strcmp(check, ymd) != 0)
		return 0;
	if (strlen(in) == 16) {
		if (sscanf(in + 11, "%2d:%2d%n", &h, &m, &used) != 2)
			return 0;
	} else if (sscanf(in + 11, "%2d:%2d:%2d%n", &h, &m, &s, &used) != 3)
		return 0;
	if ((size_t)used != strlen(in + 11) || h < 0 || h > 23 || m < 0 ||
	    m > 59 || s < 0 || s > 59 || in[13] != ':')
		return 0;
	snprintf(out, 20, "%s %02d:%02d:00", ymd, h, m);
	return 1;
}

/* The body with the image appended as a paragraph (malloc'd), or NULL. */
static char *
body_with_image(const char *body, int64_t img)
{
	size_t n = strlen(body) + 100;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s<p><img src=\"" MEMBER_IMAGE "%lld\" alt=\"\">"
		    "</p>", body, (long long)img);
	return s;
}

/*
 * 每行一段: each line the editor typed is a paragraph of its own, unless
 * it begins with a block's tag (<p>, a list, an item, a closing tag): a
 * textarea keeps lines, HTML would run them together.  Returns a malloc'd
 * copy, or NULL.
 */
static char *
paragraphs(const char *body)
{
	static const char *const blocks[] = { "<p", "<P", "<ul", "<UL", "<ol",
	    "<OL", "<li", "<LI", "</", "<br", "<BR" };
	const char *p, *nl, *line;
	size_t n = strlen(body), o = 0, len, i;
	char *s;
	int block;

	/* A line of k >= 1 bytes and its end becomes at most k + 7 bytes. */
	if ((s = malloc(n * 4 + 16)) == NULL)
		return NULL;
	for (p = body; *p; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		for (line = p; line < nl && (*line == ' ' || *line == '\t');
		    line++)
			;
		len = (size_t)(nl - line);
		if (len && line[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		for (i = 0, block = 0; i < sizeof(blocks) / sizeof(blocks[0]);
		    i++)
			if (strncmp(line, blocks[i], strlen(blocks[i])) == 0)
				block = 1;
		o += (size_t)sprintf(s + o, block ? "%.*s\n" : "<p>%.*s</p>",
		    (int)len, line);
	}
	s[o] = '\0';
	return s;
}

/*
 * Whether cleaned HTML shows nothing: no image and no character but
 * blanks outside its tags.  An empty body is emptied ("" afterwards).
 */
static int
shows_nothing(char *clean)
{
	const char *p;
	int tag = 0;

	if (strstr(clean, "<img") != NULL)
		return 0;
	for (p = clean; *p; p++) {
		if (*p == '<')
			tag = 1;
		else if (*p == '>')
			tag = 0;
		else if (!tag && *p != ' ' && *p != '\n' && *p != '\t' &&
		    *p != '\r')
			return 0;
	}
	*clean = '\0';
	return 1;
}

char *
article_clean_text(const char *body)
{
	char *raw = paragraphs(body), *clean;

	if (raw == NULL)
		return NULL;
	clean = html_clean(raw, strlen(raw), NULL, NULL);
	free(raw);
	if (clean)
		shows_nothing(clean);
	return clean;
}

/* The save in one transaction: the row, the uploads, the cleaned body. */
static int
save_txn(struct db *db, void *arg)
{
	struct save_arg *a = arg;
	const struct article_in *in = a->in;
	int64_t cover = 0, img = 0;
	char *raw = NULL, *withimg = NULL, *clean = NULL, cover_s[24];
	const char *err;
	struct db_res *res;
	int rc;

	a->rf = RF_DB;
	a->db = db;
	if (a->id == 0) {
		if (db_exec(db, &tab, STMT_INSERT, "ssiss",
		    article_kind_names[in->kind], in->title, a->by->id, a->now,
		    a->now) != 1)
			return 1;
		a->id = db_insert_id(db);
	} else {
		if ((res = db_query(db, &tab, STMT_LOCK, "i", a->id)) == NULL)
			return 1;
		rc = db_next(res);
		db_done(res);
		if (rc < 0)
			return 1;
		if (rc == 0) {
			a->rf = RF_ARTICLE_NOT_FOUND;
			return 1;
		}
	}
	if (in->cover && (cover = store_put(db, in->cover, AK_COVER, "article",
	    a->id, a->by->kind, a->by->id, &err)) == 0) {
		if (err) {
			a->rf = RF_ARTICLE_FILE;
			a->field = "cover";
			a->why = err;
		}
		return 1;
	}
	if (in->image && (img = store_put(db, in->image, AK_ARTICLE_IMAGE,
	    "article", a->id, a->by->kind, a->by->id, &err)) == 0) {
		if (err) {
			a->rf = RF_ARTICLE_FILE;
			a->field = "image";
			a->why = err;
		}
		return 1;
	}
	if ((raw = paragraphs(in->body)) == NULL ||
	    (img && (withimg = body_with_image(raw, img)) == NULL) ||
	    (clean = html_clean(withimg ? withimg : raw, strlen(withimg ?
	    withimg : raw), img_saved, a)) == NULL)
		goto fail;
	if (shows_nothing(clean)) {
		a->rf = RF_ARTICLE_BODY;
		a->field = "body";
		goto fail;
	}
	snprintf(cover_s, sizeof(cover_s), "%lld", (long long)cover);
	if (db_exec(db, &tab, STMT_UPDATE, "ssssssi",
	    article_kind_names[in->kind], in->title, clean,
	    *a->at ? a->at : NULL, cover ? cover_s : NULL, a->now, a->id) < 0 ||
	    !audit_act(db, a->by, "article.save", "article", a->id, in->title))
		goto fail;
	free(raw);
	free(withimg);
	free(clean);
	a->rf = RF_OK;
	return 0;
fail:
	free(raw);
	free(withimg);
	free(clean);
	return 1;
}

enum refusal
article_save(struct db *db, const struct actor *by, int64_t *id,
    const struct article_in *in, const char **field, const char **why)
{
	struct save_arg a;

	memset(&a, 0, sizeof(a));
	a.by = by;
	a.in = in;
	a.id = *id;
	*field = NULL;
	*why = NULL;
	clock_stamp(a.now);
	if (*in->publish_at && !parse_at(in->publish_at, a.at)) {
		*field = "publish_at";
		return RF_ARTICLE_TIME;
	}
	if (strlen(in->body) > ARTICLE_BODY_MAX) {
		*field = "body";
		return RF_ARTICLE_BODY_LONG;
	}
	if (utf8_chars(in->body) < 0) {
		*field = "body";
		return RF_ARTICLE_BODY;
	}
	if (db_txn(db, save_txn, &a) != 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	*field = a.field;
	*why = a.why;
	if (a.why)
		refusal_detail_set(a.why);
	if (a.rf == RF_OK)
		*id = a.id;
	return a.rf;
}

/* 发布 / 撤回 in one transaction. */
struct state_arg {
	const struct actor	*by;
	int64_t			 id;
	int			 publish;
	enum refusal		 rf;
};

static int
state_txn(struct db *db, void *arg)
{
	struct state_arg *a = arg;
	char now[20];
	int64_t n;

	a->rf = RF_DB;
	clock_stamp(now);
	n = a->publish ?
	    db_exec(db, &tab, STMT_PUBLISH, "ssi", now, now, a->id) :
	    db_exec(db, &tab, STMT_WITHDRAW, "si", now, a->id);
	if (n < 0)
		return 1;
	if (n == 0) {
		a->rf = RF_ARTICLE_NOT_FOUND;
		return 1;
	}
	if (!audit_act(db, a->by, a->publish ? "article.publish" :
	    "article.withdraw", "article", a->id, NULL))
		return 1;
	a->rf = RF_OK;
	return 0;
}

static enum refusal
set_state(struct db *db, const struct actor *by, int64_t id, int publish)
{
	struct state_arg a = { by, id, publish, RF_DB };

	if (id <= 0)
		return RF_ARTICLE_NOT_FOUND;
	if (db_txn(db, state_txn, &a) != 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	return a.rf;
}

enum refusal
article_publish(struct db *db, const struct actor *by, int64_t id)
{
	return set_state(db, by, id, 1);
}

enum refusal
article_withdraw(struct db *db, const struct actor *by, int64_t id)
{
	return set_state(db, by, id, 0);
}

/* The office's columns (STMT_OFFICE_LIST, STMT_OFFICE_GET's first 7). */
static const struct view_col office_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@kind", VK_STATE, article_kind_names, ART__MAX },
	{ "@state", VK_STATE, state_names, 3 },
	{ "@at", VK_TEXT, NULL, 0 },
	{ "@scheduled", VK_FLAG, NULL, 0 },
	{ "title", VK_TEXT, NULL, 0 },
	{ "author", VK_TEXT, NULL, 0 },
	{ "updated", VK_TEXT, NULL, 0 },
};

int
article_office_list(struct db *db, int kind, const char *page,
    xmlNodePtr parent)
{
	const char *k = kind >= 0 && kind < ART__MAX ?
	    article_kind_names[kind] : "";
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list;
	int64_t rows;
	char now[20];
	int found;

	clock_stamp(now);
	view_paging_init(&pg, page, 20);
	if ((pg.total = db_one_int(db, &tab, STMT_OFFICE_COUNT, &found, "ss",
	    k, k)) < 0 || (r = db_query(db, &tab, STMT_OFFICE_LIST, "sssii",
	    now, k, k, pg.per, view_paging_offset(&pg))) == NULL)
		return 0;
	list = view_add(parent, "articles", NULL);
	view_attr(list, "kind", k);
	rows = view_rows(list, "article", office_cols,
	    sizeof(office_cols) / sizeof(office_cols[0]), r, &pg);
	db_done(r);
	return rows >= 0;
}

void
article_body_view(xmlNodePtr parent, const char *body, const char *prefix)
{
	xmlNodePtr b = view_add(parent, "body", NULL);

	if (body && *body)
		html_clean_into(body, strlen(body), b, img_shown,
		    (void *)(uintptr_t)prefix);
}

int
article_office_view(struct db *db, int64_t id, xmlNodePtr parent,
    xmlNodePtr form)
{
	struct db_res *r;
	xmlNodePtr n;
	char now[20];
	int rc;

	clock_stamp(now);
	if ((r = db_query(db, &tab, STMT_OFFICE_GET, "si", now, id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		n = view_row(parent, "article", office_cols, 7, r);
		article_body_view(n, db_col(r, 7), OFFICE_IMAGE);
		if (db_col(r, 8))
			view_attrf(n, "cover", OFFICE_IMAGE "%s", db_col(r, 8));
		if (form) {
			view_field(form, "kind", article_kind_names[
			    db_int(r, 1) == ART_NEWS ? ART_NEWS : ART_NOTICE],
			    NULL);
			view_field(form, "title", db_col(r, 5), NULL);
			view_field(form, "publish_at", db_col(r, 3) ?
			    db_col(r, 3) : "", NULL);
			view_field(form, "body", db_col(r, 7), NULL);
		}
	}
	db_done(r);
	return rc;
}

/* A plain-text beginning of a cleaned body (for lists), under parent. */
static void
summary_view(xmlNodePtr parent, const char *body)
{
	xmlNodePtr tmp = xmlNewNode(NULL, (const xmlChar *)"tmp");
	xmlChar *text;
	char cut[400];

	xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
	xmlDocSetRootElement(d, tmp);
	if (body && *body)
		html_clean_into(body, strlen(body), tmp, NULL, NULL);
	text = xmlNodeGetContent(tmp);
	utf8_copy(cut, sizeof(cut), text ? (const char *)text : "", 60);
	view_add(parent, "summary", cut);
	xmlFree(text);
	xmlFreeDoc(d);
}

/* The members' columns of STMT_SHOWN_LIST. */
static const struct view_col shown_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@at", VK_TEXT, NULL, 0 },
	{ NULL, VK_TEXT, NULL, 0 },
	{ "title", VK_TEXT, NULL, 0 },
};

/* The shown articles of kind k as <article>s under list; rows or -1. */
static int64_t
shown_rows(struct db *db, enum article_kind k, int64_t per, int64_t off,
    xmlNodePtr list, int summaries)
{
	struct db_res *r;
	xmlNodePtr n;
	char now[20];
	int64_t rows = 0;
	int rc;

	clock_stamp(now);
	if ((r = db_query(db, &tab, STMT_SHOWN_LIST, "ssii",
	    article_kind_names[k], now, per, off)) == NULL)
		return -1;
	while ((rc = db_next(r)) == 1) {
		rows++;
		n = view_row(list, "article", shown_cols, 4, r);
		if (db_col(r, 2))
			view_attrf(n, "cover", MEMBER_IMAGE "%s", db_col(r, 2));
		if (summaries)
			summary_view(n, db_col(r, 4));
	}
	db_done(r);
	return rc == 0 ? rows : -1;
}

int
article_member_list(struct db *db, enum article_kind kind, const char *page,
    xmlNodePtr parent)
{
	struct view_paging pg;
	xmlNodePtr list;
	int64_t rows;
	char now[20];
	int found;

	clock_stamp(now);
	view_paging_init(&pg, page, 10);
	if ((pg.total = db_one_int(db, &tab, STMT_SHOWN_COUNT, &found, "ss",
	    article_kind_names[kind], now)) < 0)
		return 0;
	list = view_add(parent, "articles", NULL);
	view_attr(list, "kind", article_kind_names[kind]);
	view_attr(list, "label", article_kind_labels[kind]);
	if ((rows = shown_rows(db, kind, pg.per, view_paging_offset(&pg), list,
	    1)) < 0)
		return 0;
	view_paging_attrs(list, &pg, rows);
	return 1;
}

int
article_member_view(struct db *db, int64_t id, xmlNodePtr parent)
{
	static const struct view_col cols[] = {
		{ "@id", VK_INT, NULL, 0 },
		{ "@kind", VK_STATE, article_kind_names, ART__MAX },
		{ "@at", VK_TEXT, NULL, 0 },
		{ NULL, VK_TEXT, NULL, 0 },
		{ "title", VK_TEXT, NULL, 0 },
		{ NULL, VK_TEXT, NULL, 0 },
		{ "author", VK_TEXT, NULL, 0 },
	};
	struct db_res *r;
	xmlNodePtr n;
	char now[20];
	int rc;

	clock_stamp(now);
	if ((r = db_query(db, &tab, STMT_SHOWN_GET, "is", id, now)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		n = view_row(parent, "article", cols, 7, r);
		view_attr(n, "label", article_kind_labels[db_int(r, 1) ==
		    ART_NEWS ? ART_NEWS : ART_NOTICE]);
		if (db_col(r, 3))
			view_attrf(n, "cover", MEMBER_IMAGE "%s", db_col(r, 3));
		article_body_view(n, db_col(r, 5), MEMBER_IMAGE);
	}
	db_done(r);
	return rc;
}

/*
 * The member home's 工会资讯, kept per worker while the shared epoch stands
 * (发布 and 撤回 are audited, which moves it) and until the next scheduled
 * one is due, at most a minute: a warm home asks MariaDB nothing for it.
 */
static struct {
	struct epoch_mark	 mark;
	xmlDocPtr		 doc;	/* <articles> as its root */
	int			 max;
} home;

/* Read the home's list into home.doc afresh.  1, 0 on error. */
static int
home_fill(struct db *db, int max)
{
	uint64_t epoch = epoch_now();	/* before reading: a change voids */
	xmlDocPtr doc;
	xmlNodePtr list;
	int64_t ttl;
	char now[20];
	int found;

	epoch_keep(&home.mark, 0, 0);
	if ((doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL ||
	    (list = xmlNewDocNode(doc, NULL, (const xmlChar *)"articles",
	    NULL)) == NULL) {
		xmlFreeDoc(doc);
		return 0;
	}
	xmlDocSetRootElement(doc, list);
	clock_stamp(now);
	if (shown_rows(db, ART_NEWS, max, 0, list, 0) < 0 ||
	    (ttl = db_one_int(db, &tab, STMT_NEXT_DUE, &found, "ss", now,
	    now)) < 0) {
		xmlFreeDoc(doc);
		return 0;
	}
	xmlFreeDoc(home.doc);
	home.doc = doc;
	home.max = max;
	epoch_keep(&home.mark, epoch, ttl > 0 ? (long)ttl : 1);
	return 1;
}

int
article_home_view(struct db *db, xmlNodePtr parent, int max)
{
	xmlNodePtr copy;

	if (max <= 0)
		max = 5;
	if ((home.doc == NULL || home.max != max ||
	    !epoch_fresh(&home.mark)) && !home_fill(db, max))
		return 0;
	copy = xmlDocCopyNode(xmlDocGetRootElement(home.doc), parent->doc, 1);
	return copy != NULL && xmlAddChild(parent, copy) != NULL;
}

int
article_image(struct db *db, int64_t id, int shown, struct attachment *a)
{
	char now[20];
	int found;

	clock_stamp(now);
	if (id <= 0)
		return 0;
	if (db_one_int(db, &tab, STMT_IMAGE, &found, "iis", id,
	    (int64_t)shown, now) < 0)
		return -1;
	return found ? store_get(db, id, a) : 0;
}

/* 宣传手册: the upload and its audit row, in one transaction. */
struct brochure_arg {
	const struct actor	*by;
	const struct upload	*u;
	const char		*why;
	enum refusal		 rf;
};

static int
brochure_txn(struct db *db, void *arg)
{
	struct brochure_arg *a = arg;
	int64_t id;

	a->rf = RF_DB;
	if ((id = store_put(db, a->u, AK_BROCHURE, "brochure", 0, a->by->kind,
	    a->by->id, &a->why)) == 0) {
		if (a->why)
			a->rf = RF_BROCHURE_FILE;
		return 1;
	}
	if (!audit_act(db, a->by, "brochure.upload", "attachment", id,
	    a->u->filename))
		return 1;
	a->rf = RF_OK;
	return 0;
}

enum refusal
brochure_put(struct db *db, const struct actor *by, const struct upload *u,
    const char **why)
{
	struct brochure_arg a = { by, u, NULL, RF_DB };

	*why = NULL;
	if (u == NULL || u->size == 0) {
		*why = "请选择宣传手册 PDF 文件";
		refusal_detail_set(*why);
		return RF_BROCHURE_FILE;
	}
	if (db_txn(db, brochure_txn, &a) != 0 && a.rf == RF_OK)
		a.rf = RF_DB;
	*why = a.why;
	if (a.why)
		refusal_detail_set(a.why);
	return a.rf;
}

int
brochure_current(struct db *db, struct attachment *a)
{
	return store_latest(db, "brochure", 0, AK_BROCHURE, a);
}
