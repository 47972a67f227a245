/*
 * outbox.c -- delivery of an outbox table (outbox.h): one claim, lease and
 * retry rule for SMS (sms.c) and mail (mail.c).
 */
#include <stdint.h>
#include <stdlib.h>

#include "db.h"
#include "log.h"
#include "outbox.h"

/* The rows claimed in one transaction. */
struct claim {
	const struct outbox	*o;
	unsigned char		*rows;
	int			 n, max;
};

/* The i-th row of c. */
static struct outbox_row *
row_at(const struct claim *c, int i)
{
	return (struct outbox_row *)(void *)(c->rows +
	    (size_t)i * c->o->row_size);
}

/* Claim due rows: lock them, lease them, commit. */
static int
claim_txn(struct db *db, void *arg)
{
	struct claim *c = arg;
	const struct outbox *o = c->o;
	struct db_res *r;
	int i;

	/* A retried transaction (a deadlock) reads them again. */
	for (i = 0; o->release && i < c->n; i++)
		o->release(row_at(c, i));
	c->n = 0;
	if ((r = db_query(db, o->tab, OBX_DUE, "i", (int64_t)c->max)) == NULL)
		return 1;
	while (c->n < c->max && db_next(r) == 1) {
		struct outbox_row *w = row_at(c, c->n);

		w->id = db_int(r, 0);
		w->tries = db_int(r, 1);
		o->read(r, w);
		c->n++;
	}
	db_done(r);
	for (i = 0; i < c->n; i++)
		if (db_exec(db, o->tab, OBX_LEASE, "i", row_at(c, i)->id) != 1)
			return 1;
	return 0;
}

/* Record what the try of w came to. */
static void
record(struct db *db, const struct outbox *o, const struct outbox_row *w,
    enum outbox_try t, const char *err)
{
	if (t == OUTBOX_SENT)
		db_exec(db, o->tab, OBX_SENT, "i", w->id);
	else if (t == OUTBOX_FAILED || w->tries + 1 >= o->max_tries) {
		db_exec(db, o->tab, OBX_FAILED, "si", err, w->id);
		log_warn("%s %lld failed: %s", o->name, (long long)w->id, err);
	} else
		db_exec(db, o->tab, OBX_RETRY, "sii", err,
		    (int64_t)(10L << w->tries), w->id);
}

int
outbox_deliver(struct db *db, const struct outbox *o, int max)
{
	struct claim c = { o, NULL, 0, max };
	char err[200];
	int i, rc;

	if (max <= 0)
		return 0;
	if ((c.rows = calloc((size_t)max, o->row_size)) == NULL)
		return -1;
	rc = db_txn(db, claim_txn, &c);
	for (i = 0; rc == 0 && i < c.n; i++) {
		err[0] = '\0';
		record(db, o, row_at(&c, i), o->send(row_at(&c, i), err,
		    sizeof(err)), err);
	}
	for (i = 0; o->release && i < c.n; i++)
		o->release(row_at(&c, i));
	free(c.rows);
	return rc == 0 ? c.n : -1;
}
