/*
 * message.c -- 站内信.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "message.h"
#include "view.h"

enum stmt {
	STMT_SEND,
	STMT_LIST,
	STMT_UNREAD,
	STMT_READ,
	STMT_COUNTS,
	STMT_PAGE,
	STMT_GET,
	STMT_READ_ALL,
	STMT_UNREAD_MANY,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_SEND] =
	    "INSERT INTO station_message (recipient_kind, recipient_id, title,"
	    " body, link) VALUES (?, ?, ?, ?, ?)",
	[STMT_LIST] =
	    "SELECT id, title, body, link, read_at IS NOT NULL,"
	    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM station_message"
	    " WHERE recipient_kind = ? AND recipient_id = ?"
	    " ORDER BY id DESC LIMIT ?",
	[STMT_UNREAD] =
	    "SELECT COUNT(*) FROM station_message WHERE recipient_kind = ?"
	    " AND recipient_id = ? AND read_at IS NULL",
	[STMT_READ] =
	    "UPDATE station_message SET read_at = COALESCE(read_at, NOW())"
	    " WHERE id = ? AND recipient_kind = ? AND recipient_id = ?",
	/* Both counts from the station_message_to index alone. */
	[STMT_COUNTS] =
	    "SELECT COUNT(*), COALESCE(SUM(read_at IS NULL), 0)"
	    " FROM station_message WHERE recipient_kind = ?"
	    " AND recipient_id = ?",
	/* Unread first, then newest first (the recipient's rows only). */
	[STMT_PAGE] =
	    "SELECT id, title, body, link, read_at IS NOT NULL,"
	    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM station_message"
	    " WHERE recipient_kind = ? AND recipient_id = ?"
	    " ORDER BY read_at IS NOT NULL, created_at DESC, id DESC"
	    " LIMIT ? OFFSET ?",
	[STMT_GET] =
	    "SELECT id, title, body, link, read_at IS NOT NULL,"
	    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM station_message"
	    " WHERE id = ? AND recipient_kind = ? AND recipient_id = ?",
	[STMT_READ_ALL] =
	    "UPDATE station_message SET read_at = NOW()"
	    " WHERE recipient_kind = ? AND recipient_id = ? AND read_at IS NULL",
	/* The unread count of sessions (sql/026) for a JSON list of
	 * [kind, recipient], one message each, in one statement. */
	[STMT_UNREAD_MANY] =
	    "UPDATE session s JOIN (SELECT j.kind, j.id, COUNT(*) AS k FROM"
	    " JSON_TABLE(?, '$[*]' COLUMNS (kind TINYINT UNSIGNED PATH '$[0]',"
	    " id BIGINT UNSIGNED PATH '$[1]')) j GROUP BY j.kind, j.id) g"
	    " ON s.kind = g.kind AND s.subject_id = g.id"
	    " SET s.unread = s.unread + g.k",
};

static const struct db_table tab = { DBM_MESSAGE, sql, STMT__MAX };

int
message_send(struct db *db, int kind, int64_t recipient, const char *title,
    const char *body, const char *link)
{
	if (db_exec(db, &tab, STMT_SEND, "iisss", (int64_t)kind, recipient,
	    title, body, link) != 1)
		return 0;
	db_changed(db);		/* the recipient's count in cached sessions */
	return 1;
}

#define SEND_CHUNK	500

/*
 * The unread counts of m[0..n)'s recipients' sessions in one statement,
 * where session_unread_send (sql/026), one UPDATE a row, cost a payout
 * batch's 10 000 notices 0.36 s: the trigger stands aside while
 * @hz_message_bulk is set.  1, 0 on error.
 */
static int
unread_many(struct db *db, const struct message_out *m, size_t n)
{
	int64_t *v = malloc(2 * n * sizeof(*v)), rc = -1;
	char *json;
	size_t i;

	if (v == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		v[2 * i] = m[i].kind;
		v[2 * i + 1] = m[i].recipient;
	}
	if ((json = db_tuples_json(v, n, 2)) != NULL)
		rc = db_exec(db, &tab, STMT_UNREAD_MANY, "s", json);
	free(json);
	free(v);
	return rc >= 0;
}

int
message_send_many(struct db *db, const struct message_out *m, size_t n)
{
	const char *v[SEND_CHUNK * 5];
	char num[SEND_CHUNK][2][24];
	size_t i, k;
	int ok = 1;

	if (n == 0)
		return 1;
	if (!db_raw(db, "SET @hz_message_bulk = 1"))
		return 0;
	for (i = 0; ok && i < n; i += k) {
		for (k = 0; k < SEND_CHUNK && i + k < n; k++) {
			snprintf(num[k][0], sizeof(num[k][0]), "%d",
			    m[i + k].kind);
			snprintf(num[k][1], sizeof(num[k][1]), "%lld",
			    (long long)m[i + k].recipient);
			v[k * 5] = num[k][0];
			v[k * 5 + 1] = num[k][1];
			v[k * 5 + 2] = m[i + k].title;
			v[k * 5 + 3] = m[i + k].body;
			v[k * 5 + 4] = m[i + k].link;
		}
		ok = db_bulk(db, &tab, STMT_SEND, k, 5, v) == (int64_t)k;
	}
	/* Unset whatever happened: the connection outlives the transaction. */
	if (!db_raw(db, "SET @hz_message_bulk = NULL") || !ok ||
	    !unread_many(db, m, n))
		return 0;
	db_changed(db);
	return 1;
}

/* The columns of STMT_LIST, STMT_PAGE and STMT_GET: id, title, body,
 * link, read, at. */
static const struct view_col msg_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "title", VK_TEXT, NULL, 0 },
	{ "body", VK_TEXT, NULL, 0 },
	{ "@link", VK_TEXT, NULL, 0 },
	{ "@read", VK_INT, NULL, 0 },
	{ "at", VK_TEXT, NULL, 0 },
};
#define MSG_NCOLS	(sizeof(msg_cols) / sizeof(msg_cols[0]))

int
message_list(struct db *db, int kind, int64_t recipient, int max,
    xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr list;
	int64_t unread, rows;
	int found;

	unread = db_one_int(db, &tab, STMT_UNREAD, &found, "ii", (int64_t)kind,
	    recipient);
	if (!found ||
	    (res = db_query(db, &tab, STMT_LIST, "iii", (int64_t)kind,
	    recipient, (int64_t)max)) == NULL)
		return 0;
	list = view_add(parent, "messages", NULL);
	view_attrf(list, "unread", "%lld", (long long)unread);
	rows = view_rows(list, "message", msg_cols, MSG_NCOLS, res, NULL);
	db_done(res);
	return rows >= 0;
}

int
message_read(struct db *db, int kind, int64_t recipient, int64_t id)
{
	int64_t n = db_exec(db, &tab, STMT_READ, "iii", id, (int64_t)kind,
	    recipient);

	if (n > 0)
		db_changed(db);	/* the count in cached sessions */
	return n >= 0;
}

/* The recipient's total and unread messages: 1, 0 on error. */
static int
counts(struct db *db, int kind, int64_t recipient, int64_t *total,
    int64_t *unread)
{
	struct db_res *res;
	int rc;

	if ((res = db_query(db, &tab, STMT_COUNTS, "ii", (int64_t)kind,
	    recipient)) == NULL)
		return 0;
	if ((rc = db_next(res)) == 1) {
		*total = db_int(res, 0);
		*unread = db_int(res, 1);
	}
	db_done(res);
	return rc == 1;
}

int
message_page(struct db *db, int kind, int64_t recipient, const char *page,
    int64_t per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *res;
	xmlNodePtr list;
	int64_t unread, rows;

	view_paging_init(&pg, page, per);
	if (!counts(db, kind, recipient, &pg.total, &unread) ||
	    (res = db_query(db, &tab, STMT_PAGE, "iiii", (int64_t)kind,
	    recipient, pg.per, view_paging_offset(&pg))) == NULL)
		return 0;
	list = view_add(parent, "messages", NULL);
	view_attrf(list, "unread", "%lld", (long long)unread);
	rows = view_rows(list, "message", msg_cols, MSG_NCOLS, res, &pg);
	db_done(res);
	return rows >= 0;
}

/* A link the message may send its reader to: a path of this site, not
 * "//elsewhere" nor a scheme. */
static int
local_path(const char *s)
{
	return s != NULL && s[0] == '/' && s[1] != '/' && s[1] != '\\' &&
	    strpbrk(s, "\r\n") == NULL;
}

int
message_open(struct db *db, int kind, int64_t recipient, int64_t id,
    char *link, size_t size, int *was_unread, xmlNodePtr parent)
{
	struct db_res *res;
	int rc;

	link[0] = '\0';
	*was_unread = 0;
	if ((res = db_query(db, &tab, STMT_GET, "iii", id, (int64_t)kind,
	    recipient)) == NULL)
		return -1;
	if ((rc = db_next(res)) == 1) {
		view_row(parent, "message", msg_cols, MSG_NCOLS, res);
		*was_unread = db_int(res, 4) == 0;
		if (local_path(db_col(res, 3)) &&
		    (size_t)snprintf(link, size, "%s", db_col(res, 3)) >= size)
			link[0] = '\0';
	}
	db_done(res);
	if (rc != 1)
		return rc < 0 ? -1 : 0;
	return message_read(db, kind, recipient, id) ? 1 : -1;
}

struct read_all_arg {
	const struct actor	*a;
	int64_t			 n;
};

static int
read_all_txn(struct db *db, void *p)
{
	struct read_all_arg *ra = p;
	char detail[32];

	if ((ra->n = db_exec(db, &tab, STMT_READ_ALL, "ii",
	    (int64_t)ra->a->kind, ra->a->id)) < 0)
		return 1;
	snprintf(detail, sizeof(detail), "%lld 条", (long long)ra->n);
	return !audit_act(db, ra->a, "message.read_all", "station_message",
	    0, detail);
}

int64_t
message_read_all(struct db *db, const struct actor *a)
{
	struct read_all_arg ra = { a, 0 };

	return db_txn(db, read_all_txn, &ra) == 0 ? ra.n : -1;
}
