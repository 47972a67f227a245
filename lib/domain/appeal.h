/*
 * appeal.h -- 申诉: an agent who can sign in neither by password nor by
 * SMS (the phone is lost) asks the office to give the account back
 * (SPEC §9).  Filed without signing in, with the account's phone, name
 * and ID number (all three must match the account), both ID photos
 * (images, by content), the reason, and a new phone when the old one is
 * gone.  It is business type "appeal" on the workflow engine: the filer
 * is the agent the appeal is about, its 上报 is taken by this module
 * (FLOW_BY_DOMAIN); review1 decides it on the review desk.  Approval
 * sends a one-time link (recover.h, 24 hours) by SMS to the new phone, or
 * the account's; using it sets the password (and moves the account to
 * the new phone).  A return tells the same phone why.
 */
#ifndef HZ_APPEAL_H
#define HZ_APPEAL_H

#include <stdint.h>

#include "flow.h"
#include "refusal.h"

struct db;
struct upload;

extern const struct flow_type appeal_flow;

struct appeal_ask {
	const char		*phone;		/* the account's */
	const char		*name, *id_number;
	const char		*new_phone;	/* "" when the phone is kept */
	const char		*reason;
	const struct upload	*front, *back;	/* 身份证人像面, 国徽面 */
	const char		*ip;
};

/*
 * appeal_file: file and 上报 an appeal, in one transaction (the photos
 * stored, the step and the audit rows written).  Returns RF_OK with *id
 * the appeal's id; RF_APPEAL_UNKNOWN (no account of that phone, name and
 * ID number), RF_APPEAL_OPEN (one is in review), RF_APPEAL_PHONE_TAKEN,
 * RF_APPEAL_PHOTO (a photo missing or not an image), RF_FILE with *why
 * (the store refused a photo: its size), or RF_DB.
 */
enum refusal appeal_file(struct db *db, const struct appeal_ask *a,
    int64_t *id, const char **why);

#endif
