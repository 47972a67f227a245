/*
 * hzctl -- the operator's command line:
 *
 *   hzctl migrate                       apply sql/NNN_*.sql not yet applied
 *   hzctl demo                          load the demo city (once)
 *   hzctl user add USER NAME ROLES      office user; password from
 *                                       $HZ_PASSWORD or the first stdin line
 *   hzctl sms deliver                   deliver due SMS once and exit
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "audit.h"
#include "auth.h"
#include "conf.h"
#include "ctl.h"
#include "db.h"
#include "epoch.h"
#include "log.h"
#include "sms.h"
#include "staff.h"

static int
usage(void)
{
	fprintf(stderr,
	    "usage: hzctl migrate\n"
	    "       hzctl demo\n"
	    "       hzctl user add USERNAME NAME ROLES   (ROLES: review1,review2,"
	    "medical,finance,admin)\n"
	    "       hzctl sms deliver\n");
	return 2;
}

/* Parse "review1,admin" into ROLE_* bits; 0 if any name is unknown. */
static unsigned
parse_roles(const char *csv)
{
	char buf[128], *tok, *save = NULL;
	unsigned roles = 0, i;

	snprintf(buf, sizeof(buf), "%s", csv);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < STAFF_NROLES; i++)
			if (strcmp(tok, staff_roles[i].name) == 0)
				break;
		if (i == STAFF_NROLES)
			return 0;
		roles |= 1u << i;
	}
	return roles;
}

static int
user_add(struct db *db, const char *user, const char *name, const char *csv)
{
	struct actor by = { 0, 0, NULL };	/* the system */
	char pw[256];
	const char *env = getenv("HZ_PASSWORD"), *why;
	unsigned roles = parse_roles(csv);
	enum refusal rf;

	if (roles == 0) {
		fprintf(stderr, "hzctl: unknown role in '%s'\n", csv);
		return 2;
	}
	if (env)
		snprintf(pw, sizeof(pw), "%s", env);
	else if (fgets(pw, sizeof(pw), stdin) == NULL)
		return 2;
	pw[strcspn(pw, "\r\n")] = '\0';
	if (!password_policy(pw, &why)) {
		fprintf(stderr, "hzctl: %s\n", why);
		return 2;
	}
	if ((rf = staff_create(db, &by, user, name, NULL, pw, roles)) != RF_OK) {
		fprintf(stderr, "hzctl: %s\n", rf == RF_USERNAME_TAKEN ?
		    "username exists" : "database error");
		return 1;
	}
	printf("office user %s created\n", user);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct db *db;
	char err[512];
	int rc;

	if (argc < 2)
		return usage();
	if (!conf_load(NULL, err, sizeof(err))) {
		fprintf(stderr, "hzctl: %s\n", err);
		return 1;
	}
	log_open("hzctl");
	if ((db = db_open()) == NULL) {
		fprintf(stderr, "hzctl: cannot connect to the database\n");
		return 1;
	}
	if (strcmp(argv[1], "migrate") == 0 && argc == 2)
		rc = ctl_migrate(db);
	else if (strcmp(argv[1], "demo") == 0 && argc == 2)
		rc = ctl_demo(db);
	else if (strcmp(argv[1], "user") == 0 && argc == 6 &&
	    strcmp(argv[2], "add") == 0)
		rc = user_add(db, argv[3], argv[4], argv[5]);
	else if (strcmp(argv[1], "sms") == 0 && argc == 3 &&
	    strcmp(argv[2], "deliver") == 0) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		rc = sms_deliver(db, 100) < 0;
	} else
		rc = usage();
	/*
	 * Whatever was changed here, the running programs' caches must drop.
	 * Only an existing file: one made by root would lock the services out.
	 */
	if (access(conf_str(CONF_EPOCH_FILE), F_OK) == 0 &&
	    epoch_open(conf_str(CONF_EPOCH_FILE)))
		epoch_bump();
	db_close(db);
	return rc;
}
