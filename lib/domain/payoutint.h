/*
 * payoutint.h -- what payout.c, payoutimport.c and payoutview.c share
 * and nobody else uses.
 */
#ifndef HZ_PAYOUTINT_H
#define HZ_PAYOUTINT_H

#include <stdint.h>

#include "flow.h"
#include "payout.h"

struct db;

/* Approved claims with an amount, in no open line, by district and kind. */
#define PAYABLE \
	" FROM flow_item f JOIN claim c ON c.id = f.item_id" \
	" WHERE f.type = 'claim' AND f.state = 'approved'" \
	" AND c.approved_amount > 0 AND (? = 0 OR f.district_id = ?)" \
	" AND (? = '' OR c.kind = ?)"

/* A claim's lines that failed or came back (a retry links to the last). */
#define LINE_STATE "l.state IN ('failed', 'returned')"

/* A batch's row. */
struct batch {
	int64_t		 id;
	char		 no[20];
	char		 state[12];
	int64_t		 lines, total, file_id;
};

/* payout_batch_row: batch `id` (locked FOR UPDATE with `lock`): 1, 0 if
 * none, -1 on a database error. */
int payout_batch_row(struct db *db, int64_t id, int lock, struct batch *b);

/* A line as the results see it. */
struct line {
	int64_t		 id, claim, amount;
	char		 ref[41];
	char		 state[10];
};

/* The line states a result sets: "paid", "failed". */
extern const char *const payout_result_names[PR__MAX];

/* payout_actor: the engine's actor for the 打款 steps, `by` allowed the
 * FLOW_BY_DOMAIN steps. */
struct flow_actor payout_actor(const struct flow_actor *by);

/* payout_claim_no: claim `claim`'s number into no (a refusal's detail). */
void payout_claim_no(struct db *db, int64_t claim, char no[20]);

/* payout_kind_of: the filter's kind as stored ("inpatient"), "" for any. */
const char *payout_kind_of(const struct payout_pick *f);

#endif
