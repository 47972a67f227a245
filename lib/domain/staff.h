/*
 * staff.h -- 协会工作人员 and their roles.
 */
#ifndef HZ_STAFF_H
#define HZ_STAFF_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

/* Role names and labels, indexed by bit position of enum role. */
#define STAFF_NROLES 6
struct role_def {
	const char	*name;		/* as in staff.roles */
	const char	*label;		/* 初审 … */
};
extern const struct role_def staff_roles[STAFF_NROLES];

struct staff {
	int64_t		 id;
	char		 username[48];
	char		 name[128];
	char		 password_hash[128];
	unsigned	 roles;		/* ROLE_* bits */
	int		 disabled;
};

/* staff_by_username: 1 with *s filled, 0 if none, -1 on error. */
int staff_by_username(struct db *db, const char *username, struct staff *s);

/* staff_roles_csv: ROLE_* bits as "review1,admin" into out (64 bytes). */
char *staff_roles_csv(unsigned roles, char out[64]);

/*
 * staff_sign_in: an office sign-in by username and password, slowed per
 * username and per address (auth.h): RF_THROTTLED with *wait seconds; an
 * unknown username costs the time of a wrong password and gets the same
 * RF_BAD_STAFF_LOGIN, as does a disabled user.  Returns RF_OK with *s
 * filled, a refusal, or RF_DB.
 */
enum refusal staff_sign_in(struct db *db, const char *username,
    const char *password, const char *ip, struct staff *s, long *wait);

/* staff_roles_check: a user holds at least one role (RF_NO_ROLES). */
enum refusal staff_roles_check(unsigned roles);

/*
 * staff_create: a new office user (password hashed here) with `roles`,
 * and its audit row, in one transaction.  Returns RF_OK, RF_NO_ROLES,
 * RF_USERNAME_TAKEN, or RF_DB.
 */
enum refusal staff_create(struct db *db, const struct actor *by,
    const char *username, const char *name, const char *phone,
    const char *password, unsigned roles);

/*
 * staff_insert: the row alone, in the caller's transaction (hzctl's demo
 * data, which loads everything in one).  Returns the new id, 0 on a
 * database error, -1 when the username is taken.
 */
int64_t staff_insert(struct db *db, const char *username, const char *name,
    const char *phone, const char *password_hash, unsigned roles);

/*
 * staff_set_roles: `by` (an admin) gives user `id` these roles, audited
 * in the same transaction.  An admin keeps their own admin role, so the
 * association is never locked out of its users page (RF_OWN_ADMIN).
 * Returns RF_OK, RF_NO_ROLES, RF_OWN_ADMIN, RF_NO_USER, or RF_DB.
 */
enum refusal staff_set_roles(struct db *db, const struct actor *by, int64_t id,
    unsigned roles);

/* staff_list: columns id, username, name, roles bits, disabled, created. */
struct db_res *staff_list(struct db *db);

#endif
