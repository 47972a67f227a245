/*
 * auth.c -- password hashing and failure counting.
 */
#include <crypt.h>
#include <string.h>

#include "auth.h"
#include "db.h"

enum stmt {
	STMT_WAIT,
	STMT_FAIL,
	STMT_CLEAR,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_WAIT] =
	    "SELECT IF(COUNT(*) >= ?, ? - TIMESTAMPDIFF(SECOND, MIN(at), NOW()), 0)"
	    " FROM (SELECT at FROM login_fail WHERE kind = ? AND ident = ?"
	    " AND at > NOW() - INTERVAL ? SECOND ORDER BY at DESC LIMIT ?) f",
	[STMT_FAIL] = "INSERT INTO login_fail (kind, ident, at) VALUES (?, ?, NOW())",
	[STMT_CLEAR] = "DELETE FROM login_fail WHERE kind = ? AND ident = ?",
};

static const struct db_table tab = { DBM_AUTH, sql, STMT__MAX };

int
password_hash(const char *pw, char out[128])
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data cd;
	const char *h;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof(salt)) == NULL)
		return 0;
	memset(&cd, 0, sizeof(cd));
	if ((h = crypt_r(pw, salt, &cd)) == NULL || h[0] == '*' ||
	    strlen(h) >= 128)
		return 0;
	memcpy(out, h, strlen(h) + 1);
	return 1;
}

int
password_check(const char *pw, const char *hash)
{
	struct crypt_data cd;
	const char *h;
	size_t i, n;
	unsigned char d = 0;

	if (hash == NULL || *hash == '\0')
		return 0;
	memset(&cd, 0, sizeof(cd));
	if ((h = crypt_r(pw, hash, &cd)) == NULL || h[0] == '*')
		return 0;
	if ((n = strlen(h)) != strlen(hash))
		return 0;
	for (i = 0; i < n; i++)
		d |= (unsigned char)(h[i] ^ hash[i]);
	return d == 0;
}

int
password_policy(const char *pw, const char **why)
{
	size_t n = strlen(pw), i;
	int letter = 0, digit = 0;

	for (i = 0; i < n; i++) {
		if ((pw[i] >= 'a' && pw[i] <= 'z') || (pw[i] >= 'A' && pw[i] <= 'Z'))
			letter = 1;
		else if (pw[i] >= '0' && pw[i] <= '9')
			digit = 1;
	}
	if (n < 8 || n > 64) {
		*why = "密码长度应为8到64位";
		return 0;
	}
	if (!letter || !digit) {
		*why = "密码须同时包含字母和数字";
		return 0;
	}
	return 1;
}

long
throttle_wait(struct db *db, int kind, const char *ident)
{
	int found;
	int64_t w;

	w = db_one_int(db, &tab, STMT_WAIT, &found, "iiisii",
	    (int64_t)THROTTLE_MAX, (int64_t)THROTTLE_WINDOW, (int64_t)kind,
	    ident, (int64_t)THROTTLE_WINDOW, (int64_t)THROTTLE_MAX);
	return found && w > 0 ? (long)w : 0;
}

void
throttle_fail(struct db *db, int kind, const char *ident)
{
	db_exec(db, &tab, STMT_FAIL, "is", (int64_t)kind, ident);
}

void
throttle_clear(struct db *db, int kind, const char *ident)
{
	db_exec(db, &tab, STMT_CLEAR, "is", (int64_t)kind, ident);
}
