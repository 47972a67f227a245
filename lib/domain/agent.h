/*
 * agent.h -- 单位经办人 accounts and the units they serve.
 */
#ifndef HZ_AGENT_H
#define HZ_AGENT_H

#include <stdint.h>

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

/* agent_create: a new account for a phone proven by SMS.  Returns its id,
 * or 0 on error. */
int64_t agent_create(struct db *db, const char *phone);

/*
 * agent_profile: complete the profile (first login).  Returns 1, 0 on a
 * database error, -1 when the ID number belongs to another account.
 */
int agent_profile(struct db *db, int64_t id, const char *name,
    const char *id_number, const char *password_hash);

/* agent_set_password: returns 1/0. */
int agent_set_password(struct db *db, int64_t id, const char *password_hash);

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

#endif
