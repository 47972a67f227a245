/*
 * hzctl -- the operator's command line:
 *
 *   hzctl migrate                       apply sql/NNN_*.sql not yet applied
 *   hzctl demo                          load the demo city (once)
 *   hzctl user add USER NAME ROLES      office user; password from
 *                                       $HZ_PASSWORD or the first stdin line
 *   hzctl sms deliver                   deliver due SMS once and exit
 *   hzctl job renewal                   run 续保提醒 once, as hz-jobs does
 *                                       (HZ_NOW moves the clock it reads)
 *   hzctl payout batch USER CLAIM       打款: a batch of one claim, as
 *   hzctl payout file BATCH USER        finance USER; the bank file; a
 *   hzctl payout import BATCH FILE USER bank result file (the crash tests
 *                                       end them with $HZ_CRASH_AT)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "conf.h"
#include "ctl.h"
#include "db.h"
#include "epoch.h"
#include "log.h"
#include "payout.h"
#include "renewal.h"
#include "sms.h"
#include "staff.h"
#include "store.h"
#include "flow.h"
#include "kind.h"

static int
usage(void)
{
	fprintf(stderr,
	    "usage: hzctl migrate\n"
	    "       hzctl demo\n"
	    "       hzctl user add USERNAME NAME ROLES   (ROLES: review1,review2,"
	    "medical,finance,admin)\n"
	    "       hzctl sms deliver\n"
	    "       hzctl job renewal\n"
	    "       hzctl payout batch USER CLAIM\n"
	    "       hzctl payout file BATCH USER\n"
	    "       hzctl payout import BATCH FILE USER\n");
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

/*
 * 续保提醒 once at the clock's time (HZ_NOW): build the month's list if
 * no run has, queue its SMS from 12:00 on the 1st; say what was done.
 */
static int
job_renewal(struct db *db)
{
	struct renewal_report rep;
	struct tm now;

	clock_cn(&now);
	if (!renewal_job(db, &now, &rep)) {
		fprintf(stderr, "hzctl: renewal %s: database error\n", rep.month);
		return 1;
	}
	printf("renewal %.7s: list %s, %lld coverages in %lld units; ", rep.month,
	    rep.built ? "built" : "already built", (long long)rep.items,
	    (long long)rep.units);
	if (rep.sms_due)
		printf("%lld units told, %lld SMS queued\n",
		    (long long)rep.units_told, (long long)rep.messages);
	else
		printf("SMS not before 12:00 on the 1st\n");
	return 0;
}

static int
cmd_migrate(struct db *db, char **argv)
{
	(void)argv;
	return ctl_migrate(db);
}

static int
cmd_demo(struct db *db, char **argv)
{
	(void)argv;
	return ctl_demo(db);
}

static int
cmd_user_add(struct db *db, char **argv)
{
	return user_add(db, argv[3], argv[4], argv[5]);
}

static int
cmd_sms_deliver(struct db *db, char **argv)
{
	(void)argv;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	return sms_deliver(db, 100) < 0;
}

static int
cmd_job_renewal(struct db *db, char **argv)
{
	(void)argv;
	return job_renewal(db);
}

/* Finance user `username` as the engine's actor (*s holds its name). */
static int
finance_actor(struct db *db, const char *username, struct staff *s,
    struct flow_actor *a)
{
	if (staff_by_username(db, username, s) != 1) {
		fprintf(stderr, "hzctl: no office user %s\n", username);
		return 0;
	}
	memset(a, 0, sizeof(*a));
	a->kind = SESS_OFFICE;
	a->id = s->id;
	a->roles = s->roles;
	a->name = s->name;
	a->ip = "hzctl";
	return 1;
}

/* Say a refusal of a payout command; 0 for RF_OK, else 1. */
static int
payout_said(enum refusal rf)
{
	char msg[300];

	if (rf == RF_OK)
		return 0;
	fprintf(stderr, "hzctl: %s (%s)\n", refusal_message(rf, msg,
	    sizeof(msg)), refusal_name(rf));
	return 1;
}

static int
cmd_payout_batch(struct db *db, char **argv)
{
	struct payout_pick f = { 0, -1 };
	struct flow_actor a;
	struct staff s;
	int64_t claim = strtoll(argv[4], NULL, 10), batch = 0;
	enum refusal rf;

	if (!finance_actor(db, argv[3], &s, &a))
		return 1;
	if ((rf = payout_batch_make(db, &claim, 1, 0, &f, &a, &batch)) ==
	    RF_OK)
		printf("%lld\n", (long long)batch);
	return payout_said(rf);
}

static int
cmd_payout_file(struct db *db, char **argv)
{
	struct attachment att;
	struct flow_actor a;
	struct staff s;

	if (!finance_actor(db, argv[4], &s, &a))
		return 1;
	return payout_said(payout_file(db, strtoll(argv[3], NULL, 10), &a,
	    &att));
}

static int
cmd_payout_import(struct db *db, char **argv)
{
	struct payout_tally t;
	struct flow_actor a;
	struct staff s;
	enum refusal rf;

	if (!finance_actor(db, argv[5], &s, &a))
		return 1;
	rf = payout_import(db, strtoll(argv[3], NULL, 10), argv[4],
	    "银行回单.xlsx", &a, &t);
	if (rf == RF_OK)
		printf("paid %d failed %d unknown %d mismatch %d already %d\n",
		    t.paid, t.failed, t.unknown, t.mismatch, t.already);
	return payout_said(rf);
}

/* The commands: words, how many (argc), what runs them. */
static const struct command {
	const char	*word, *sub;	/* sub NULL: a one-word command */
	int		 argc;
	int		(*run)(struct db *, char **);
} commands[] = {
	{ "migrate", NULL, 2, cmd_migrate },
	{ "demo", NULL, 2, cmd_demo },
	{ "user", "add", 6, cmd_user_add },
	{ "sms", "deliver", 3, cmd_sms_deliver },
	{ "job", "renewal", 3, cmd_job_renewal },
	{ "payout", "batch", 5, cmd_payout_batch },
	{ "payout", "file", 5, cmd_payout_file },
	{ "payout", "import", 6, cmd_payout_import },
};

/* The command argv names, or NULL. */
static const struct command *
command_of(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (argc == commands[i].argc &&
		    strcmp(argv[1], commands[i].word) == 0 &&
		    (commands[i].sub == NULL || strcmp(argv[2],
		    commands[i].sub) == 0))
			return &commands[i];
	return NULL;
}

int
main(int argc, char *argv[])
{
	const struct command *cmd;
	struct db *db;
	char err[512];
	int rc;

	if (argc < 2 || (cmd = command_of(argc, argv)) == NULL)
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
	rc = cmd->run(db, argv);
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
