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

#endif
