/*
 * message.c -- 站内信.
 */
#include "db.h"
#include "message.h"
#include "view.h"

enum stmt {
	STMT_SEND,
	STMT_LIST,
	STMT_UNREAD,
	STMT_READ,
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
};

static const struct db_table tab = { DBM_MESSAGE, sql, STMT__MAX };

int
message_send(struct db *db, int kind, int64_t recipient, const char *title,
    const char *body, const char *link)
{
	return db_exec(db, &tab, STMT_SEND, "iisss", (int64_t)kind, recipient,
	    title, body, link) == 1;
}

#define SEND_CHUNK	500

int
message_send_many(struct db *db, const struct message_out *m, size_t n)
{
	const char *v[SEND_CHUNK * 5];
	char num[SEND_CHUNK][2][24];
	size_t i, k;

	for (i = 0; i < n; i += k) {
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
		if (db_bulk(db, &tab, STMT_SEND, k, 5, v) != (int64_t)k)
			return 0;
	}
	return 1;
}

int
message_list(struct db *db, int kind, int64_t recipient, int max,
    xmlNodePtr parent)
{
	/* STMT_LIST's columns: id, title, body, link, read, at. */
	static const struct view_col cols[] = {
		{ "@id", VK_INT, NULL, 0 },
		{ "title", VK_TEXT, NULL, 0 },
		{ "body", VK_TEXT, NULL, 0 },
		{ "@link", VK_TEXT, NULL, 0 },
		{ "@read", VK_INT, NULL, 0 },
		{ "at", VK_TEXT, NULL, 0 },
	};
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
	rows = view_rows(list, "message", cols, sizeof(cols) / sizeof(cols[0]),
	    res, NULL);
	db_done(res);
	return rows >= 0;
}

int
message_read(struct db *db, int kind, int64_t recipient, int64_t id)
{
	return db_exec(db, &tab, STMT_READ, "iii", id, (int64_t)kind,
	    recipient) >= 0;
}
