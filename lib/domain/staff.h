/*
 * staff.h -- 协会工作人员 and their roles.
 */
#ifndef HZ_STAFF_H
#define HZ_STAFF_H

#include <stdint.h>

struct db;
struct db_res;

/* Role names and labels, indexed by bit position of enum role. */
#define STAFF_NROLES 5
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
 * staff_create: returns the new id, 0 on a database error, -1 when the
 * username is taken.
 */
int64_t staff_create(struct db *db, const char *username, const char *name,
    const char *phone, const char *password_hash, unsigned roles);

/* staff_set_roles: returns 1 if the user exists and was updated. */
int staff_set_roles(struct db *db, int64_t id, unsigned roles);

/* staff_list: columns id, username, name, roles bits, disabled, created. */
struct db_res *staff_list(struct db *db);

#endif
