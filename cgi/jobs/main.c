/*
 * hz-jobs -- the background worker: delivers the SMS outbox (and, as the
 * system grows, imports, reminders and batches).  Several copies may run:
 * work is claimed with SELECT ... FOR UPDATE SKIP LOCKED.
 */
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "sms.h"

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int
main(void)
{
	struct timespec idle = { 0, 250 * 1000 * 1000 };
	struct sigaction sa = { .sa_handler = on_signal };
	struct db *db = NULL;
	char err[512];
	int n;

	if (!conf_load(NULL, err, sizeof(err))) {
		fprintf(stderr, "hz-jobs: %s\n", err);
		return 1;
	}
	log_open("hz-jobs");
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	log_info("ready");
	while (!stop) {
		if (db == NULL && (db = db_open()) == NULL) {
			sleep(2);
			continue;
		}
		n = sms_deliver(db, 50);
		/* Busy while there is work; otherwise poll four times a second. */
		if (n <= 0)
			nanosleep(&idle, NULL);
	}
	db_close(db);
	curl_global_cleanup();
	log_info("stopped");
	return 0;
}
