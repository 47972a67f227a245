/*
 * t_db.c -- lib/db.c against the test stack's MariaDB: a transaction that
 * hits a lock wait timeout (1205) is run again and commits; a connection
 * killed under a program (2006/2013) is reopened on the next statement,
 * and a page served by a program whose connections were killed still
 * answers.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <unistd.h>

#include "client.h"
#include "db.h"
#include "tap.h"

enum stmt { S_ID, S_KILL, S_LOCK, S_BUMP, S_GET, S_OTHERS, S_MARK, S_MARKS,
	S__MAX };
static const char *const sql[S__MAX] = {
	[S_ID] = "SELECT CONNECTION_ID()",
	[S_KILL] = "KILL CONNECTION ?",
	[S_LOCK] = "SELECT n FROM t_db_lock WHERE id = 1 FOR UPDATE",
	[S_BUMP] = "UPDATE t_db_lock SET n = n + 1 WHERE id = 1",
	[S_GET] = "SELECT n FROM t_db_lock WHERE id = 1",
	[S_OTHERS] = "SELECT id FROM information_schema.processlist"
	    " WHERE db = 'huzhu' AND id <> CONNECTION_ID()",
	[S_MARK] = "UPDATE t_db_lock SET n = n + 1 WHERE id = ?",
	[S_MARKS] = "SELECT GROUP_CONCAT(n ORDER BY id) FROM t_db_lock"
	    " WHERE id IN (2, 3)",
};
/* A slot no program code uses in this process. */
static const struct db_table tab = { DBM_DEMO, sql, S__MAX };

static int tries;

static int
bump(struct db *db, void *arg)
{
	(void)arg;
	tries++;
	return db_exec(db, &tab, S_BUMP, "") == 1 ? 0 : 1;
}

/*
 * Careless work: row 2 counted, row 1's lock asked for and its failure
 * ignored, row 3 counted, success said.  A lock wait timeout voids the
 * attempt, so rows 2 and 3 count once, on the attempt that got the lock.
 */
static int
careless(struct db *db, void *arg)
{
	int found;

	(void)arg;
	tries++;
	db_exec(db, &tab, S_MARK, "i", (int64_t)2);
	db_one_int(db, &tab, S_LOCK, &found, "");
	db_exec(db, &tab, S_MARK, "i", (int64_t)3);
	return 0;
}

/* A child holds row 1 for 1.5 s (a waits at most 1 s a try). */
static pid_t
hold_row(void)
{
	pid_t pid;
	int found;

	if ((pid = fork()) == 0) {
		struct db *h = db_open();

		if (h == NULL || !db_raw(h, "START TRANSACTION"))
			_exit(1);
		db_one_int(h, &tab, S_LOCK, &found, "");
		usleep(1500 * 1000);
		db_raw(h, "COMMIT");
		_exit(0);
	}
	usleep(300 * 1000);	/* the child has the lock */
	return pid;
}

int
main(void)
{
	struct db *a, *b;
	struct hc *c = hc_new();
	struct db_res *res;
	int64_t id, ids[64];
	int found, st, i, n;
	pid_t pid;

	ok(test_sql("CREATE TABLE IF NOT EXISTS t_db_lock (id INT PRIMARY KEY,"
	    " n INT NOT NULL) ENGINE=InnoDB") &&
	    test_sql("REPLACE INTO t_db_lock VALUES (1, 0), (2, 0), (3, 0)"),
	    "scratch table");
	a = db_open();
	b = db_open();
	ok(a && b, "two connections");

	/* Reconnect: b kills a; a's next statement still answers. */
	id = db_one_int(a, &tab, S_ID, &found, "");
	ok(db_exec(b, &tab, S_KILL, "i", id) >= 0, "connection killed");
	is_int(db_one_int(a, &tab, S_GET, &found, ""), 0,
	    "the next statement reconnects and answers");
	ok(db_one_int(a, &tab, S_ID, &found, "") != id, "... on a new connection");

	/* Retry: a child holds the row for 1.5 s; a waits at most 1 s per
	 * try, so the first try ends in 1205 and a later one commits. */
	db_raw(a, "SET SESSION innodb_lock_wait_timeout = 1");
	pid = hold_row();
	is_int(db_txn(a, bump, NULL), 0, "the transaction commits in the end");
	ok(tries >= 2, "after a lock wait timeout it was run again (%d tries)",
	    tries);
	waitpid(pid, &st, 0);
	is_int(db_one_int(a, &tab, S_GET, &found, ""), 1, "it counted once");

	/* The same when the work ignores the failed statement. */
	tries = 0;
	pid = hold_row();
	is_int(db_txn(a, careless, NULL), 0, "careless work commits in the end");
	ok(tries >= 2, "... run again after the lock wait timeout, though it"
	    " said success (%d tries)", tries);
	waitpid(pid, &st, 0);
	if ((res = db_query(a, &tab, S_MARKS, "")) != NULL && db_next(res) == 1)
		is_str(db_col(res, 0), "1,1", "... and what it did before and"
		    " after the failure counted once, not once a try");
	else
		ok(0, "the counts read");
	db_done(res);

	/* A program whose connections are killed still serves its pages. */
	id = db_one_int(a, &tab, S_ID, &found, "");	/* kept: it cleans up */
	n = 0;
	if ((res = db_query(b, &tab, S_OTHERS, "")) != NULL) {
		while (db_next(res) == 1 && n < 64)
			if ((ids[n] = db_int(res, 0)) != id)
				n++;
		db_done(res);
	}
	ok(n > 0, "the programs' connections found (%d)", n);
	for (i = 0; i < n; i++)
		db_exec(b, &tab, S_KILL, "i", ids[i]);
	is_int(hc_get(c, "/o/login"), 200, "a page after its connection was killed");
	is_int(hc_get(c, "/m/bind"), 200, "... in another program too");

	db_raw(a, "DROP TABLE t_db_lock");
	db_close(a);
	db_close(b);
	hc_free(c);
	return tap_done();
}
