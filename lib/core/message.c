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

int
message_list(struct db *db, int kind, int64_t recipient, int max,
    xmlNodePtr parent)
{
	struct db_res *res;
	xmlNodePtr list, m;
	int64_t unread;
	int found;

	unread = db_one_int(db, &tab, STMT_UNREAD, &found, "ii", (int64_t)kind,
	    recipient);
	if (!found ||
	    (res = db_query(db, &tab, STMT_LIST, "iii", (int64_t)kind,
	    recipient, (int64_t)max)) == NULL)
		return 0;
	list = view_add(parent, "messages", NULL);
	view_attrf(list, "unread", "%lld", (long long)unread);
	while (db_next(res) == 1) {
		m = view_add(list, "message", NULL);
		view_attr(m, "id", db_col(res, 0));
		view_attr(m, "read", db_col(res, 4));
		if (db_col(res, 3))
			view_attr(m, "link", db_col(res, 3));
		view_add(m, "title", db_col(res, 1));
		view_add(m, "body", db_col(res, 2));
		view_add(m, "at", db_col(res, 5));
	}
	db_done(res);
	return 1;
}

int
message_read(struct db *db, int kind, int64_t recipient, int64_t id)
{
	return db_exec(db, &tab, STMT_READ, "iii", id, (int64_t)kind,
	    recipient) >= 0;
}
