/*
 * migrate.c -- apply sql/NNN_name.sql in order, each once, recorded in
 * schema_version.  A named lock keeps two hosts from migrating at once.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "ctl.h"
#include "db.h"

enum stmt {
	STMT_LOCK,
	STMT_UNLOCK,
	STMT_APPLIED,
	STMT_RECORD,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LOCK] = "SELECT GET_LOCK('huzhu_migrate', 60)",
	[STMT_UNLOCK] = "SELECT RELEASE_LOCK('huzhu_migrate')",
	[STMT_APPLIED] = "SELECT COUNT(*) FROM schema_version WHERE version = ?",
	[STMT_RECORD] = "INSERT INTO schema_version (version, name) VALUES (?, ?)",
};

static const struct db_table tab = { DBM_CTL, sql, STMT__MAX };

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Only NNN_*.sql files are migrations. */
static int
is_migration(const struct dirent *d)
{
	const char *n = d->d_name;
	size_t len = strlen(n);

	return len > 8 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' &&
	    n[1] <= '9' && n[2] >= '0' && n[2] <= '9' && n[3] == '_' &&
	    strcmp(n + len - 4, ".sql") == 0;
}

/* Read a whole file; NULL on error.  Caller frees. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = calloc(1, (size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

int
ctl_migrate(struct db *db)
{
	struct dirent **ents;
	char dir[1024], path[2048], *text;
	int i, n, found, rc = 0, applied = 0;
	int64_t version;

	if (!db_raw(db, "CREATE TABLE IF NOT EXISTS schema_version ("
	    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
	    " name VARCHAR(100) NOT NULL,"
	    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"))
		return 1;
	if (db_one_int(db, &tab, STMT_LOCK, &found, "") != 1) {
		fprintf(stderr, "hzctl: another migration is running\n");
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s/sql", conf_str(CONF_DATA_DIR));
	if ((n = scandir(dir, &ents, is_migration, by_name)) < 0) {
		fprintf(stderr, "hzctl: cannot read %s\n", dir);
		return 1;
	}
	for (i = 0; i < n; i++) {
		version = strtoll(ents[i]->d_name, NULL, 10);
		if (rc == 0 && db_one_int(db, &tab, STMT_APPLIED, &found, "i",
		    version) == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);
			if ((text = slurp(path)) == NULL || !db_raw(db, text) ||
			    db_exec(db, &tab, STMT_RECORD, "is", version,
			    ents[i]->d_name) != 1) {
				fprintf(stderr, "hzctl: %s failed\n", ents[i]->d_name);
				rc = 1;
			} else {
				printf("applied %s\n", ents[i]->d_name);
				applied++;
			}
			free(text);
		}
		free(ents[i]);
	}
	free(ents);
	db_one_int(db, &tab, STMT_UNLOCK, &found, "");
	if (rc == 0)
		printf("schema up to date (%d applied now)\n", applied);
	return rc;
}
