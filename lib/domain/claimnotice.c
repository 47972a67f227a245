/*
 * claimnotice.c -- the words of a claim's notices (seed 000: {kind}
 * 住院医疗, {amount} 8323.04, {card4} 3235) and the filer's phone, for one
 * claim or for the many a payout batch moves at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "claimint.h"
#include "db.h"
#include "flows.h"
#include "kind.h"
#include "money.h"

enum stmt {
	STMT_PHONE_MEMBER,
	STMT_NOTICE_MANY,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_PHONE_MEMBER] =
	    "SELECT COALESCE(b.phone, m.phone, '') FROM member m"
	    " LEFT JOIN member_bind b ON b.member_id = m.id WHERE m.id = ?",
	/* What claim_words and claim_phone read, for a JSON list of
	 * claims at once: a member filer's phone as STMT_PHONE_MEMBER, an
	 * agent's (SESS_AGENT, 2) as flow_agent_phone. */
	[STMT_NOTICE_MANY] =
	    "SELECT c.id, c.kind, c.with_female, c.approved_amount, c.card,"
	    " COALESCE(b.phone, m.phone, a.phone, '')"
	    " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j"
	    " JOIN claim c ON c.id = j.id JOIN flow_item f ON f.type = 'claim'"
	    " AND f.item_id = c.id"
	    " LEFT JOIN member m ON f.filer_kind = 1 AND m.id = f.filer_id"
	    " LEFT JOIN member_bind b ON b.member_id = m.id"
	    " LEFT JOIN agent a ON f.filer_kind = 2 AND a.id = f.filer_id"
	    " ORDER BY c.id",
};

static const struct db_table tab = { DBM_CLAIM_NOTICE, sql, STMT__MAX };

/* The words of a claim of `kind`: {kind}, {amount} (8323.04; the
 * approved amount, -1 while none), {card4}. */
static void
words_set(struct flow_words *w, enum plan_kind kind, int with_female,
    int64_t approved, const char *card)
{
	size_t n = strlen(card);

	w->key[0] = "{kind}";
	snprintf(w->val[0], sizeof(w->val[0]), "%s%s",
	    (unsigned)kind < PK__MAX ? claim_kind_labels[kind] : "",
	    with_female ? "、女职工特殊疾病" : "");
	w->key[1] = "{amount}";
	money_plain(approved < 0 ? 0 : approved, w->val[1], sizeof(w->val[1]));
	w->key[2] = "{card4}";
	snprintf(w->val[2], sizeof(w->val[2]), "%s", n > 4 ? card + n - 4 :
	    card);
	w->n = 3;
}

/* The notices' words: {kind}, {amount} (8323.04), {card4}. */
int
claim_words(struct db *db, const struct flow_item *it, struct flow_words *w)
{
	struct claim c;

	if (claim_get(db, it->item_id, &c) != 1)
		return 0;
	words_set(w, c.kind, c.with_female, c.approved_amount, c.card);
	return 1;
}

/*
 * claim_words and claim_phone for items[0..n) (ascending ids, as
 * flow_apply_many gives them) in one statement, where the agent filer's
 * phone, read claim by claim, cost a batch of 10 000 0.35 s.  1, 0 on
 * error.
 */
int
claim_notice_many(struct db *db, const struct flow_item *items, size_t n,
    struct flow_words *w, char (*phone)[16])
{
	struct db_res *r;
	int64_t *ids;
	char *json;
	size_t i, k = 0;
	int rc = -1;

	if ((ids = calloc(n, sizeof(*ids))) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		ids[i] = items[i].item_id;
	json = db_ids_json(ids, n);
	free(ids);
	if (json == NULL)
		return 0;
	r = db_query(db, &tab, STMT_NOTICE_MANY, "s", json);
	free(json);
	if (r == NULL)
		return 0;
	while (k < n && (rc = db_next(r)) == 1) {
		if (db_int(r, 0) != items[k].item_id) {
			rc = -1;
			break;
		}
		words_set(&w[k], plan_kind_named(db_col(r, 1)),
		    (int)db_int(r, 2), db_col(r, 3) ? db_int(r, 3) : -1,
		    db_col(r, 4) ? db_col(r, 4) : "");
		snprintf(phone[k], 16, "%s", db_col(r, 5) ? db_col(r, 5) : "");
		k++;
	}
	db_done(r);
	return rc >= 0 && k == n;
}

/* The filer's phone: the member's bound phone, or the agent's. */
int
claim_phone(struct db *db, const struct flow_item *it, char phone[16])
{
	struct db_res *r;

	if (it->filer_kind != SESS_MEMBER)
		return flow_agent_phone(db, it, phone);
	phone[0] = '\0';
	if ((r = db_query(db, &tab, STMT_PHONE_MEMBER, "i", it->filer_id))
	    == NULL)
		return 0;
	if (db_next(r) == 1)
		snprintf(phone, 16, "%s", db_col(r, 0));
	db_done(r);
	return 1;
}
