/*
 * hz-jobs -- the background worker: delivers the SMS outbox, runs roster
 * imports, recounts the office figures, builds the month's 续保提醒 and
 * sends its SMS (and, as the system grows, other reminders and batches).  Several copies may run: work is claimed with SELECT ... FOR
 * UPDATE SKIP LOCKED.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "clock.h"
#include "conf.h"
#include "db.h"
#include "epoch.h"
#include "figures.h"
#include "log.h"
#include "mail.h"
#include "renewal.h"
#include "rosterimport.h"
#include "sms.h"

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int
task_sms(struct db *db)
{
	return sms_deliver(db, 50);
}

static int
task_mail(struct db *db)
{
	return mail_deliver(db, 5);
}

static int
task_imports(struct db *db)
{
	return import_run_next(db);
}

static int
task_figures(struct db *db)
{
	if (!figures_refresh(db))
		log_err("figures: recount failed");
	return 0;
}

/* 续保提醒: the month's list on the 1st, its SMS from 12:00 (renewal.h). */
static int
task_renewal(struct db *db)
{
	struct renewal_report rep;
	struct tm now;

	clock_cn(&now);
	if (!renewal_job(db, &now, &rep))
		log_err("renewal: %s: the run stopped on a database error",
		    rep.month);
	return 0;
}

/*
 * The tasks, each run when `every` seconds (a huzhu.conf key) have passed
 * since its last run (no key: every turn).  A task returns how many items it handled, so the loop
 * sleeps only when there was nothing to do.
 */
static const struct task {
	const char	*name;
	int		(*run)(struct db *);
	enum conf_key	 every;
} tasks[] = {
	{ "sms", task_sms, CONF__MAX },
	{ "mail", task_mail, CONF__MAX },
	{ "imports", task_imports, CONF__MAX },
	{ "figures", task_figures, CONF_FIGURES_EVERY },
	{ "renewal", task_renewal, CONF_RENEWAL_EVERY },
};
#define NTASKS (sizeof(tasks) / sizeof(tasks[0]))

/* One pass over the tasks that are due.  Returns 1 if any found work. */
static int
run_due(struct db *db, time_t last[NTASKS])
{
	time_t now = time(NULL);
	size_t i;
	int busy = 0;

	for (i = 0; i < NTASKS && !stop; i++) {
		if (tasks[i].every != CONF__MAX &&
		    now - last[i] < conf_long(tasks[i].every))
			continue;
		last[i] = now;
		if (tasks[i].run(db) > 0)
			busy = 1;
		db_publish(db);
	}
	return busy;
}

/*
 * idle: nothing to do; nap a quarter of a second.  Where the programs
 * share the epoch (one host), wake as soon as it moves: a change was
 * committed, perhaps an import queued or an SMS to send, which then
 * starts within 20 ms instead of up to 250.  Reading the epoch is one
 * load from a mapped page.
 */
static void
idle(void)
{
	struct timespec quarter = { 0, 250 * 1000 * 1000 };
	struct timespec step = { 0, 20 * 1000 * 1000 };
	uint64_t seen = epoch_now();
	int i;

	if (!epoch_on()) {
		nanosleep(&quarter, NULL);
		return;
	}
	for (i = 0; i < 12 && !stop && epoch_now() == seen; i++)
		nanosleep(&step, NULL);
}

int
main(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	time_t last[NTASKS] = { 0 };
	struct db *db = NULL;
	char err[512];

	if (!conf_load(NULL, err, sizeof(err))) {
		fprintf(stderr, "hz-jobs: %s\n", err);
		return 1;
	}
	log_open("hz-jobs");
	epoch_open(conf_str(CONF_EPOCH_FILE));
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	log_info("ready");
	while (!stop) {
		if (db == NULL && (db = db_open()) == NULL) {
			sleep(2);
			continue;
		}
		/* Busy while there is work; otherwise poll four times a
		 * second, or sooner when the epoch moves. */
		if (!run_due(db, last))
			idle();
	}
	db_close(db);
	curl_global_cleanup();
	log_info("stopped");
	return 0;
}
