/*
 * message.h -- 站内信: station messages per recipient, with read state and
 * a link to the item they are about.
 */
#ifndef HZ_MESSAGE_H
#define HZ_MESSAGE_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

struct db;
struct actor;

/* message_send: queue one message (in the caller's transaction).
 * `kind` is an enum session_kind.  Returns 1, 0 on error. */
int message_send(struct db *db, int kind, int64_t recipient,
    const char *title, const char *body, const char *link);

/* A message of message_send_many(). */
struct message_out {
	int		 kind;
	int64_t		 recipient;
	const char	*title, *body, *link;
};

/* message_send_many: messages m[0..n) in a few round trips.  Returns 1,
 * 0 on error. */
int message_send_many(struct db *db, const struct message_out *m, size_t n);

/*
 * message_list: add <messages unread="N"><message id read link><title/>
 * <body/><at/></message>...</messages> under `parent`, newest first, at
 * most `max`.  Returns 1, 0 on error.
 */
int message_list(struct db *db, int kind, int64_t recipient, int max,
    xmlNodePtr parent);

/* message_read: mark message `id` read if it is the recipient's (others'
 * messages are left alone).  Returns 1, 0 on a database error. */
int message_read(struct db *db, int kind, int64_t recipient, int64_t id);

/* The messages a page of the list shows (站内信, 20 a page). */
#define MESSAGE_PER_PAGE	20

/*
 * The signed-in recipient's unread messages as a column of a session load
 * (lib/domain/signin.c, "FROM session s"): the count sql/026's triggers
 * keep in each of the recipient's session rows as messages are sent, read
 * and removed, so a cold page counts nothing.  Sending or reading a
 * message moves the epoch (db_changed), so a worker's cached session is
 * read again with the new count.
 */
#define MESSAGE_UNREAD_COLUMN	"GREATEST(s.unread, 0)"

/*
 * message_page: page `page` (the query text; absent or bad: 1) of the
 * recipient's messages, unread first, then newest first, `per` a page,
 * as <messages unread="" total="" page="" pages="" per="" from="" to="">
 * <message id read link><title/><body/><at/></message>...</messages>
 * under `parent`.  Returns 1, 0 on a database error.
 */
int message_page(struct db *db, int kind, int64_t recipient,
    const char *page, int64_t per, xmlNodePtr parent);

/*
 * message_open: the recipient's message `id`, marked read and added as
 * <message id read link><title/><body/><at/></message> under `parent`;
 * its link is copied to link[0..size) when it is a path of this site
 * ("/m/claim?id=5"), else link[0] is '\0'; *was_unread says whether
 * this opening read it.  Someone else's message (or none) is left as it
 * is.  Returns 1, 0 when the recipient has no such message, -1 on a
 * database error.
 */
int message_open(struct db *db, int kind, int64_t recipient, int64_t id,
    char *link, size_t size, int *was_unread, xmlNodePtr parent);

/*
 * message_read_all: 全部已读 -- mark every unread message of the actor
 * (a member or agent: a->kind, a->id) read, with its audit row, in one
 * transaction.  Returns the number marked, -1 on a database error
 * (nothing changed).
 */
int64_t message_read_all(struct db *db, const struct actor *a);

#endif
