/*
 * hz-hello -- the stack's ceilings for `make bench`: the smallest FastCGI
 * program, behind the same nginx with the same number of processes.
 *
 *	/hello		a fixed page: nginx + FastCGI alone
 *	/hello/db	the same after one prepared statement on MariaDB, the
 *			least a signed-in page can do (its session check)
 */
#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "conf.h"
#include "db.h"

static const char *const sql[] = { "SELECT ?" };
static const struct db_table tab = { DBM_CTL, sql, 1 };

int
main(void)
{
	FCGX_Request r;
	struct db *db = NULL;
	const char *uri;
	char err[256];
	int found;

	if (!conf_load(NULL, err, sizeof(err))) {
		fprintf(stderr, "hz-hello: %s\n", err);
		return 1;
	}
	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		uri = FCGX_GetParam("DOCUMENT_URI", r.envp);
		found = 1;
		if (uri && strcmp(uri, "/hello/db") == 0) {
			if (db == NULL)
				db = db_open();
			found = db && db_one_int(db, &tab, 0, &found, "i",
			    (int64_t)1) == 1;
		}
		FCGX_PutS(found ? "Status: 200 OK\r\n" : "Status: 500 Error\r\n",
		    r.out);
		FCGX_PutS("Content-Type: text/html; charset=utf-8\r\n\r\n"
		    "<!DOCTYPE html><title>hello</title><p>你好</p>\n", r.out);
		FCGX_Finish_r(&r);
	}
	return 0;
}
