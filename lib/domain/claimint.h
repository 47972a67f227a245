/*
 * claimint.h -- what claim.c, claimpay.c and claimview.c share and nobody
 * else uses: the states by index, the claim's select, the district's
 * rules, the history the benefit engine reads.
 */
#ifndef HZ_CLAIMINT_H
#define HZ_CLAIMINT_H

#include "benefit.h"
#include "claim.h"

#ifndef YMD
#define YMD(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d'), '')"
#endif

/* claim_flow's states, indexes into its table. */
enum claim_state {
	CL_DRAFT, CL_UNIT, CL_REVIEW1, CL_REVIEW2, CL_MEDICAL, CL_APPROVED,
	CL_PAYING, CL_DONE, CL_FAILED, CL_CANCELLED, CL__MAX
};

/* A claim's row as claim_get() reads it (columns in its order); the
 * 备注 is the last return's reason. */
#define CLAIM_SELECT \
	"SELECT c.id, c.no, c.kind, c.with_female, c.channel, c.member_id," \
	" c.unit_id, c.step, m.name, m.id_number, m.gender," \
	" COALESCE(b.phone, m.phone, ''), o.name," \
	" IF(p.level = 'district', p.id, 0), c.hospital, " YMD("c.admitted") \
	", " YMD("c.discharged") ", " YMD("c.event_on") ", c.disease," \
	" c.story, COALESCE(c.grade, 0), c.died, c.invoice_no, c.payee," \
	" c.card, c.bank, c.branch, c.bank_phone, c.payee_note, c.attested," \
	" c.total_cost, c.base, c.medical, c.amount, c.approved_amount," \
	" (SELECT s.reason FROM flow_step s WHERE s.type = 'claim'" \
	" AND s.item_id = c.id AND s.action = 'return'" \
	" ORDER BY s.id DESC LIMIT 1), c.flags," \
	" DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i:%s')" \
	" FROM claim c JOIN member m ON m.id = c.member_id" \
	" LEFT JOIN member_bind b ON b.member_id = m.id" \
	" JOIN org o ON o.id = c.unit_id LEFT JOIN org p ON p.id = o.parent_id"

/* The rules of a district for a member's claim (claim_region's row). */
struct claim_region {
	int		 unit_review;	/* 基层审核 first */
	char		 proof[16];	/* settlement, invoice, both */
	int64_t		 photo_max;	/* bytes */
};

/* claim_region_get: district's rules, else the deployment's (row 0).
 * 1, 0 on a database error. */
int claim_region_get(struct db *db, int64_t district, struct claim_region *g);

/*
 * claim_history: what member c->member_id was granted of `kind` by other
 * claims approved or paid for an event in [starts, ends].  1, 0 on error.
 */
int claim_history(struct db *db, const struct claim *c, enum plan_kind kind,
    const char *starts, const char *ends, struct benefit_history *h);

/* claim_fix_amount: 审核通过 computes again (the history may have moved)
 * and fixes amount and explanation.  RF_OK, RF_CLAIM_ZERO (nothing is
 * payable any more: the approval is refused) or RF_DB (claimpay.c). */
enum refusal claim_fix_amount(struct db *db, int64_t id);

/* K(k): attachment kind k as a bit of a set of materials. */
#define K(k)	(1u << (k))

/*
 * claim_may_edit: whether `by` may change claim `c` now: its filer (or,
 * for a unit's claim, an agent the handler found holding 医疗互助 there)
 * while it is a draft, or, with `failed_too`, 打款失败.  RF_OK,
 * RF_NOT_FOUND or RF_SUBMITTED.
 */
enum refusal claim_may_edit(const struct claim *c,
    const struct flow_actor *by, int failed_too);

/* claim_opt: NULL for "" (both are "none" to the database). */
const char *claim_opt(const char *s);

/* claim_docs_needed: the materials (K() bits) a claim needs at 提交,
 * every one of them, and *any: one at least of these. */
unsigned claim_docs_needed(const struct claim *c,
    const struct claim_region *g, unsigned *any);

/*
 * claim_payee_check: the payout account complete (what is missing said
 * by refusal_detail_set), and the member's own or explained with the
 * payee's papers.  RF_OK, RF_CLAIM_PAYEE, RF_CLAIM_PAYEE_OTHER, RF_DB.
 */
enum refusal claim_payee_check(struct db *db, const struct claim *c);

/* The notices' words and the filer's phone (flow hooks, claimnotice.c):
 * for one claim, and for items[0..n) at once (flow_apply_many). */
int claim_words(struct db *db, const struct flow_item *it,
    struct flow_words *w);
int claim_phone(struct db *db, const struct flow_item *it, char phone[16]);
int claim_notice_many(struct db *db, const struct flow_item *items, size_t n,
    struct flow_words *w, char (*phone)[16]);

/* The review desk's body of a claim (flow hook, claimview.c). */
int claim_body(struct db *db, const struct flow_item *it, xmlNodePtr body);

#endif
