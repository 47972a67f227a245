/*
 * agent.h -- 单位经办人 accounts and the units they serve.
 */
#ifndef HZ_AGENT_H
#define HZ_AGENT_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

struct agent {
	int64_t	 id;
	char	 phone[12];
	char	 name[128];		/* "" until the profile is completed */
	char	 id_number[32];
	char	 password_hash[128];
	int	 disabled;
};

/* Look-ups: 1 with *a filled, 0 if none, -1 on a database error. */
int agent_by_phone(struct db *db, const char *phone, struct agent *a);
int agent_by_id(struct db *db, int64_t id, struct agent *a);
/* agent_by_login: `ident` is a phone number or a resident ID number. */
int agent_by_login(struct db *db, const char *ident, struct agent *a);

/*
 * agent_sign_in_sms: the SMS sign-in's rules.  The code sent to `phone`
 * must be right (RF_CODE_*), the account, if any, not switched off
 * (RF_DISABLED).  The first sign-in creates the account (the profile comes
 * next), audited "agent.create" in its transaction, and sets *created.
 * Returns RF_OK with *a filled, a refusal, or RF_DB.
 */
enum refusal agent_sign_in_sms(struct db *db, const char *phone,
    const char *code, const char *ip, struct agent *a, int *created);

/*
 * agent_sign_in_password: `ident` (phone or ID number) and `password`,
 * slowed per account and per address (auth.h): RF_THROTTLED with *wait
 * seconds; an unknown account costs the time of a wrong password and gets
 * the same RF_BAD_LOGIN, as does a disabled one.  Returns RF_OK with *a
 * filled, a refusal, or RF_DB.
 */
enum refusal agent_sign_in_password(struct db *db, const char *ident,
    const char *password, const char *ip, struct agent *a, long *wait);

/*
 * agent_profile: the signed-in agent `by` completes the profile (first
 * login): name, ID number, password (hashed here), with its audit row, in
 * one transaction.  Returns RF_OK, RF_ID_TAKEN (the ID number is another
 * account's), or RF_DB (also when hashing failed).
 */
enum refusal agent_profile(struct db *db, const struct actor *by,
    const char *name, const char *id_number, const char *password);

/*
 * agent_change_password: the signed-in agent `by` changes the password:
 * `old` must be the current one (RF_OLD_PASSWORD); the new one is set,
 * every other session of the agent (all but session `keep`) ends and the
 * audit row is written, in one transaction.  Returns RF_OK, the refusal,
 * or RF_DB.
 */
enum refusal agent_change_password(struct db *db, const struct actor *by,
    int64_t keep, const char *old, const char *password);

/*
 * agent_reset_password: by SMS code, for someone not signed in.  The code
 * must be right (RF_CODE_*); a phone without an account answers
 * RF_CODE_WRONG (its code was made but never sent: only a guess could be
 * right).  The password is set, every session of the agent ends and the
 * audit row is written, in one transaction.  Returns RF_OK, the refusal,
 * or RF_DB.
 */
enum refusal agent_reset_password(struct db *db, const char *phone,
    const char *code, const char *password, const char *ip);

/*
 * agent_units: the units an agent serves, for listing.  Columns in order:
 * 0 unit id, 1 unit name, 2 role (chairman|staff), 3 holds 医疗互助 (1/0,
 * the rule of agent_role()), 4 credit code, 5 parent name, 6 an edit is
 * in review (编辑市总审核中), 7 has no 开票信息 yet (1/0).
 * Free with db_done().  NULL on error.
 */
enum agent_unit_col {
	AU_ID, AU_NAME, AU_ROLE, AU_MUTUAL_AID, AU_CREDIT, AU_PARENT,
	AU_EDITING, AU_NO_INVOICE, AU__MAX
};
struct db_res *agent_units(struct db *db, int64_t agent_id);

/*
 * agent_role: the agent's role in `unit`; *mutual_aid (may be NULL) says
 * whether they hold 医疗互助 (a chairman always does, Xiamen §二).
 * Returns an enum agent_role, or -1 on a database error.
 */
enum agent_role { AGENT_NONE, AGENT_STAFF, AGENT_CHAIRMAN };
int agent_role(struct db *db, int64_t agent, int64_t unit, int *mutual_aid);

/*
 * The agent's rights in a unit, for both portals' pages on it:
 * agent_may_aid: the unit's roster, imports, exports and 开票信息 need
 * 医疗互助 there (RF_NO_AID); agent_may_chair: its 工作人员 need its
 * chairman (RF_NOT_CHAIR).  A unit id <= 0 is RF_PICK_UNIT.  Return
 * RF_OK, the refusal, or RF_DB.
 */
enum refusal agent_may_aid(struct db *db, int64_t agent, int64_t unit);
enum refusal agent_may_chair(struct db *db, int64_t agent, int64_t unit);

#endif
