/*
 * outbox.h -- delivery of an outbox table (短信, 邮件): rows queued in a
 * business transaction and sent by hz-jobs afterwards, each at most once
 * at a time, with retries that back off and a permanent failure kept
 * with its reason.
 *
 * An outbox table has id, status ENUM('queued','sent','failed'), tries,
 * next_try_at, sent_at and last_error.  Its module gives the table's
 * statements (OUTBOX_SQL below), how to read a due row's own columns and
 * how to send one.
 */
#ifndef HZ_OUTBOX_H
#define HZ_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_res;
struct db_table;

/* The statements of an outbox table, indexed by enum outbox_stmt. */
enum outbox_stmt {
	OBX_DUE,	/* (limit): id, tries, then the table's own columns */
	OBX_LEASE,	/* (id): two minutes, so a crashed deliverer's rows
			 * come back */
	OBX_SENT,	/* (id) */
	OBX_RETRY,	/* (error, seconds, id) */
	OBX_FAILED,	/* (error, id) */
	OBX__MAX
};

/* The statements of outbox `table` whose rows carry `cols`, as the
 * initializer of a const char *[OBX__MAX]. */
#define OUTBOX_SQL(table, cols) { \
	[OBX_DUE] = "SELECT id, tries, " cols " FROM " table \
	    " WHERE status = 'queued' AND next_try_at <= NOW()" \
	    " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", \
	[OBX_LEASE] = "UPDATE " table " SET tries = tries + 1," \
	    " next_try_at = NOW() + INTERVAL 120 SECOND WHERE id = ?", \
	[OBX_SENT] = "UPDATE " table " SET status = 'sent'," \
	    " sent_at = NOW(), last_error = NULL WHERE id = ?", \
	[OBX_RETRY] = "UPDATE " table " SET last_error = ?," \
	    " next_try_at = NOW() + INTERVAL ? SECOND WHERE id = ?", \
	[OBX_FAILED] = "UPDATE " table " SET status = 'failed'," \
	    " last_error = ? WHERE id = ?", \
}

/* What one try of a row came to. */
enum outbox_try { OUTBOX_FAILED, OUTBOX_RETRY, OUTBOX_SENT };

/* Every row type begins with this. */
struct outbox_row {
	int64_t	 id, tries;
};

struct outbox {
	const char		*name;		/* in log lines: "sms", "mail" */
	const struct db_table	*tab;		/* OUTBOX_SQL's statements */
	int			 max_tries;	/* then failed for good */
	size_t			 row_size;	/* begins with struct outbox_row */
	/* Fill the row from the due statement's own columns (from 2). */
	void			(*read)(struct db_res *, void *row);
	/* One try: OUTBOX_SENT, OUTBOX_RETRY, or OUTBOX_FAILED for good,
	 * with the reason in err. */
	enum outbox_try		(*send)(void *row, char *err, size_t errsz);
	/* What read() allocated in the row; may be NULL. */
	void			(*release)(void *row);
};

/*
 * outbox_deliver: claim up to `max` due rows of `o` (locked, leased and
 * committed first, so deliverers never send a row twice at once), try
 * each, and record it sent, to retry after 10 << tries seconds, or failed
 * (a permanent refusal, or its max_tries-th try; logged).  Returns how
 * many were tried, or -1 when they could not be claimed.
 */
int outbox_deliver(struct db *db, const struct outbox *o, int max);

#endif
