/*
 * files.c -- who may see file N: one table of owner types, one rule each.
 */
#include <string.h>

#include "agent.h"
#include "change.h"
#include "appeal.h"
#include "claim.h"
#include "enroll.h"
#include "files.h"
#include "flows.h"
#include "kind.h"
#include "store.h"

#define K(k) (1u << (k))

/*
 * Per owner type: the kinds of file it may hold, and either the business
 * type whose reviewers see them with the filer (filer != NULL) or, for a
 * unit's own files (filer == NULL, owner_id the unit), the unit's agents
 * with 医疗互助 and the office roles `office` (none for most).
 */
static const struct owner {
	const char		*type;	/* attachment.owner_type */
	unsigned		 kinds;	/* K(enum attach_kind) */
	const struct flow_type	*flow;	/* NULL: a unit's own files */
	unsigned		 office; /* a unit's files: ROLE_* that see them */
	int			 unit;	/* a flow's: the item's unit's agents
					 * with 医疗互助 see it, not only its
					 * filer */
	int			 office_only;	/* never an agent's: owner_id
						 * is no unit (payout), or the
						 * files are the reviewers'
						 * alone (appeal) */
} owners[] = {
	{ "org_app", K(AK_APPROVAL) | K(AK_LICENSE), &orgapp_flow, 0, 0, 0 },
	{ "transfer", K(AK_AUTHORIZATION), &transfer_flow, 0, 0, 0 },
	/* (会籍变更 takes no uploads yet; its materials would be these.) */
	{ "membership_change", K(AK_APPROVAL) | K(AK_AUTHORIZATION),
	    &membership_flow, 0, 0, 0 },
	{ "import", K(AK_ROSTER) | K(AK_IMPORT_RESULT), NULL, 0, 0, 0 },
	{ "invoice", K(AK_INVOICE_NOTE), NULL, 0, 0, 0 },
	/* 保费发票: finance records them (pinvoice.c), admin oversees. */
	{ "premium_invoice", K(AK_PREMIUM_INVOICE), NULL,
	    ROLE_FINANCE | ROLE_ADMIN, 0, 0 },
	{ "enroll", K(AK_ENROLL_FORM) | K(AK_VOUCHER) | K(AK_ROSTER_SCAN),
	    &enroll_flow, 0, 1, 0 },
	/* 补助申请: the filer (a member, or the unit's agents with 医疗互助,
	 * who also do its 基层审核) and its reviewers. */
	{ "claim", K(AK_ID_FRONT) | K(AK_ID_BACK) | K(AK_SETTLEMENT) |
	    K(AK_RECEIPT) | K(AK_DISCHARGE) | K(AK_ADMISSION) | K(AK_SURGERY) |
	    K(AK_PATHOLOGY) | K(AK_ACCIDENT) | K(AK_APPRAISAL) |
	    K(AK_DEATH_PROOF) | K(AK_INJURY) | K(AK_BANK_CARD) |
	    K(AK_PAYEE_DOC), &claim_flow, 0, 1, 0 },
	/* 个人信息变更: its filer, the unit's agents with 医疗互助 and its
	 * reviewers (the member's own pages check through change.c). */
	{ "change", K(AK_CHANGE_PROOF), &change_flow, 0, 1, 0 },
	/* 打款: the bank files of a batch, finance's (admin reads). */
	{ "payout", K(AK_PAYOUT_FILE) | K(AK_BANK_RESULT), NULL,
	    ROLE_FINANCE | ROLE_ADMIN, 0, 1 },
	/* 申诉: the ID photos, for its reviewers alone; the agent it is
	 * about (its filer) never sees them through the unit portal. */
	{ "appeal", K(AK_ID_FRONT) | K(AK_ID_BACK), &appeal_flow, 0, 0, 1 },
};

#define NOWNERS (sizeof(owners) / sizeof(owners[0]))

/*
 * The attachment and its owner's rule; 1 with both set, 0 if there is no
 * such file (or one of no known owner or kind), -1 on a database error.
 */
static int
lookup(struct db *db, int64_t id, struct attachment *a,
    const struct owner **o)
{
	size_t i;
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = store_get(db, id, a)) != 1)
		return rc;
	for (i = 0; i < NOWNERS; i++)
		if (strcmp(a->owner_type, owners[i].type) == 0) {
			*o = &owners[i];
			return (unsigned)a->kind < AK__MAX &&
			    (owners[i].kinds & K(a->kind)) ? 1 : 0;
		}
	return 0;
}

int
file_for_office(struct db *db, int64_t id, unsigned roles,
    struct attachment *a)
{
	const struct owner *o;
	struct flow_item it;
	int rc;

	if ((rc = lookup(db, id, a, &o)) != 1)
		return rc;
	if (o->flow == NULL)
		return (roles & o->office) != 0;
	if (!(roles & flow_type_roles(o->flow)))
		return 0;
	if ((rc = flow_get_item(db, o->flow, a->owner_id, &it)) != 1)
		return rc;
	/* A draft is the filer's own until it is filed. */
	return flow_may_see(&it, roles);
}

int
file_for_agent(struct db *db, int64_t id, int64_t agent,
    const char *owner_type, struct attachment *a)
{
	const struct owner *o;
	struct flow_item it;
	int rc, aid;

	if ((rc = lookup(db, id, a, &o)) != 1)
		return rc;
	if (o->office_only || (owner_type && strcmp(owner_type, o->type) != 0))
		return 0;
	if (o->flow) {
		if ((rc = flow_get_item(db, o->flow, a->owner_id, &it)) != 1)
			return rc;
		if (o->unit && it.unit_id > 0) {
			if ((rc = agent_role(db, agent, it.unit_id, &aid)) < 0)
				return -1;
			return rc != AGENT_NONE && aid;
		}
		return it.filer_kind == SESS_AGENT && it.filer_id == agent;
	}
	if ((rc = agent_role(db, agent, a->owner_id, &aid)) < 0)
		return -1;
	return rc != AGENT_NONE && aid;
}

int
file_for_member(struct db *db, int64_t id, int64_t member,
    const char *owner_type, struct attachment *a)
{
	const struct owner *o;
	struct flow_item it;
	int rc;

	if ((rc = lookup(db, id, a, &o)) != 1)
		return rc;
	if (o->flow == NULL || strcmp(owner_type, o->type) != 0)
		return 0;
	if ((rc = flow_get_item(db, o->flow, a->owner_id, &it)) != 1)
		return rc;
	return it.filer_kind == SESS_MEMBER && it.filer_id == member;
}
