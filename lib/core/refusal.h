/*
 * refusal.h -- every refusal a domain module can give, as one enum with its
 * Chinese message in one table (refusal.c), used by every portal.
 *
 * A domain function that can refuse returns an enum refusal: RF_OK when it
 * did what was asked, RF_DB when the database failed (never shown as a
 * validation message: the request answers 500, or 503 when MariaDB is
 * away), anything else a refusal the person can act on.  Codes are added
 * here, grouped by the module that gives them; nobody allocates numbers.
 */
#ifndef HZ_REFUSAL_H
#define HZ_REFUSAL_H

enum refusal {
	RF_OK = 0,
	RF_DB,			/* a database error: not for the person */

	/* the workflow engine (flow.c) */
	RF_NOT_FOUND,		/* no such item, or not the asker's */
	RF_BAD_STATE,		/* the action does not apply in this state */
	RF_FORBIDDEN,		/* wrong role, not the filer, no right */
	RF_SAME_PERSON,		/* segregation of duties */
	RF_NEED_REASON,		/* a return needs a reason */
	RF_SUBMITTED,		/* no longer the filer's to change */
	RF_FILE,		/* an upload refused: the store says why */

	/* unit registration (orgapp.c) */
	RF_PROMISE,		/* 承诺书 not read for 15 s */
	RF_NO_LICENSE,		/* 法人资格证书/营业执照 missing */
	RF_CREDIT_TAKEN,	/* another unit has this credit code */
	RF_BAD_PARENT,		/* the parent is not 市总 or a 区/产业工会 */

	/* agent transfer (transfer.c) */
	RF_ALREADY_CHAIR,	/* the agent already chairs the unit */
	RF_TRANSFER_OPEN,	/* an open request for this unit exists */
	RF_NO_LETTER,		/* 授权书 not uploaded */
	RF_NO_UNIT,		/* not an approved unit */

	/* membership change (membership.c) */
	RF_NO_PERSON,		/* nobody with this ID in the system */
	RF_SAME_UNIT,		/* already in the asking unit */
	RF_NO_MEMBERSHIP,	/* the person has no unit: just add them */
	RF_MOVE_OPEN,		/* a request for this person is in review */
	RF_MOVED,		/* the person left the old unit meanwhile */

	RF__MAX
};

/* refusal_text: the Chinese sentence for a refusal ("" for RF_OK). */
const char *refusal_text(enum refusal rf);

/* refusal_name: a stable name ("same_person") for logs and tests. */
const char *refusal_name(enum refusal rf);

#endif
