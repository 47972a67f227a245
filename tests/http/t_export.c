/*
 * t_export.c -- hz-export's member list: the file opens as a workbook
 * with every member, full numbers only for admin/finance, behind the same
 * session and role checks as the office.  And what a long export does
 * when the database fails while its rows stream: an error the browser
 * sees, never a 200 with a short workbook.
 */
#include <sys/wait.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"
#include "xlsxread.h"

static int
login(struct hc *c, const char *user)
{
	hc_get(c, "/o/login");
	return hc_post(c, "/o/login", "username", user, "password", "Demo2026", NULL);
}

/* Save the last body and read it back: rows, and cell (row 2, col D). */
static int
read_export(struct hc *c, char *id_cell, size_t idsz, char *header, size_t hsz)
{
	char path[] = "/tmp/hz-t-export-XXXXXX";
	struct xlsx_reader *x;
	struct xlsx_row row;
	enum xlsx_status st;
	int fd, rows = 0;

	if ((fd = mkstemp(path)) < 0)
		return -1;
	if (write(fd, hc_body(c), hc_body_len(c)) != (ssize_t)hc_body_len(c)) {
		close(fd);
		return -1;
	}
	close(fd);
	if ((x = xlsx_open(path, &xlsx_limits_default, &st)) == NULL) {
		unlink(path);
		return -1;
	}
	while (xlsx_next_row(x, &row) == 1) {
		if (row.rownum == 1 && row.ncells > 3)
			snprintf(header, hsz, "%s", row.cells[3].text);
		if (row.rownum == 2 && row.ncells > 3)
			snprintf(id_cell, idsz, "%s", row.cells[3].text);
		rows++;
	}
	xlsx_close(x);
	unlink(path);
	return rows;
}

#define BIG	100000	/* members in the unit whose export is cut */
#define DIGITS "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL" \
	" SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6" \
	" UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"

static char logpath[1024], tmpdir[1024];

/* Whether the log after byte `from` holds `what`. */
static int
log_has(long from, const char *what)
{
	char line[2048];
	FILE *f = fopen(logpath, "r");
	int found = 0;

	if (f == NULL)
		return 0;
	fseek(f, from, SEEK_SET);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, what) != NULL;
	fclose(f);
	return found;
}

/* Exports left in the temp dir (files named export-*). */
static int
tmp_exports(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, "export-", 7) == 0;
	if (d)
		closedir(d);
	return n;
}

/* What the browser got: status, length, whether the body is a zip. */
struct got {
	int	 status;
	long	 len;
	int	 zip;
	char	 ctype[128];
};

/*
 * GET `path` while MariaDB streams its rows, and cut the stream: once the
 * export's statement (its SQL ends with `sql_tail`) is sending rows
 * ("Writing to net"), run `kill` ("KILL QUERY" or "KILL") on it.  Returns
 * 1 if the statement was caught mid-stream, with *g what the browser got.
 */
static int
cut_export(struct hc *c, const char *path, const char *sql_tail,
    const char *kill, struct got *g)
{
	char q[512];
	int fds[2], caught = 0, i, st;
	long long id = -1;
	pid_t pid;
	FILE *f;

	memset(g, 0, sizeof(*g));
	if (pipe(fds) != 0 || (pid = fork()) < 0)
		return 0;
	if (pid == 0) {
		/* The browser: report what came back, then leave without
		 * closing the parent's database connection. */
		const char *ct;

		close(fds[0]);
		f = fdopen(fds[1], "w");
		st = hc_get(c, path);
		ct = hc_header(c, "Content-Type");
		fprintf(f, "%d %zu %d %s\n", st, hc_body_len(c),
		    hc_body_len(c) > 2 && memcmp(hc_body(c), "PK", 2) == 0,
		    ct ? ct : "-");
		fclose(f);
		_exit(0);
	}
	close(fds[1]);
	snprintf(q, sizeof(q), "SELECT ID FROM information_schema.PROCESSLIST"
	    " WHERE ID <> CONNECTION_ID() AND STATE = 'Writing to net'"
	    " AND INFO LIKE '%%%s'", sql_tail);
	for (i = 0; i < 2000 && id < 0; i++) {	/* up to 20 s */
		if ((id = test_sql_int(q)) < 0)
			usleep(10000);
	}
	if (id > 0) {
		snprintf(q, sizeof(q), "%s %lld", kill, id);
		caught = test_sql(q);
	}
	waitpid(pid, &st, 0);
	if ((f = fdopen(fds[0], "r")) != NULL) {
		if (fscanf(f, "%d %ld %d %127s", &g->status, &g->len, &g->zip,
		    g->ctype) != 4)
			g->status = -1;
		fclose(f);
	}
	return caught;
}

/*
 * A unit of BIG members streams for seconds.  Its roster export has its
 * statement killed mid-stream (an error packet among the rows), then the
 * member list has its connection killed (2013, lost).  Each time the
 * browser gets the error page, the log says the rows stopped, no file is
 * left in the temp dir, nothing is audited, and hz-export answers the
 * next export whole.
 */
static void
failing_exports(struct hc *fin)
{
	struct hc *a = hc_new();
	struct got g;
	long long unit;
	char q[2048], path[64], id[64], head[64];
	long from;
	int i, whole = 0;

	unit = test_sql_int("SELECT au.unit_id FROM agent_unit au JOIN agent g"
	    " ON g.id = au.agent_id WHERE g.phone = '13800000003'"
	    " AND au.role = 'chairman'");
	snprintf(q, sizeof(q), "INSERT INTO member (id_type, id_number, name,"
	    " gender, phone, unit_id) SELECT 2, CONCAT('EXP', LPAD(n, 7, '0')),"
	    " CONCAT('导出', n), 'F', CONCAT('139', LPAD(n, 8, '0')), %lld"
	    " FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d +"
	    " 10000 * e.d AS n FROM %s a, %s b, %s c, %s d, %s e) s", unit,
	    DIGITS, DIGITS, DIGITS, DIGITS, DIGITS);
	ok(test_sql(q), "a unit of %d members", BIG);
	hc_login_agent(a, "13800000003");
	snprintf(path, sizeof(path), "/x/roster.xlsx?unit=%lld", unit);

	from = test_log_size();
	ok(cut_export(a, path, "ORDER BY m.name, m.id", "KILL QUERY", &g),
	    "roster export: its statement killed while rows stream");
	ok(g.status >= 500, "the browser gets an error status (%d), not 200",
	    g.status);
	ok(!g.zip && strncmp(g.ctype, "text/html", 9) == 0,
	    "... and the error page, not a workbook");
	ok(log_has(from, "the rows stopped after"), "the log says where it stopped");
	is_int(tmp_exports(), 0, "no partial file left in the temp dir");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'roster.export' AND object_id = %lld", unit);
	is_int(test_sql_int(q), 0, "a failed export is not audited");

	from = test_log_size();
	ok(cut_export(fin, "/x/members.xlsx", "ORDER BY m.id", "KILL", &g),
	    "member list: its connection killed while rows stream");
	ok(g.status >= 500 && !g.zip, "the browser gets an error (%d), no file",
	    g.status);
	ok(log_has(from, "db fetch: error 2013"), "the log says the link was lost");
	is_int(tmp_exports(), 0, "no partial file left in the temp dir");

	snprintf(q, sizeof(q), "DELETE FROM member WHERE id_number LIKE 'EXP%%'");
	test_sql(q);
	/* Every worker answers again, whichever took the cut. */
	for (i = 0; i < 6; i++)
		whole += hc_get(fin, "/x/members.xlsx") == 200 &&
		    read_export(fin, id, sizeof(id), head, sizeof(head)) ==
		    1 + test_sql_int("SELECT COUNT(*) FROM member");
	is_int(whole, 6, "after both, the next exports are whole");
	hc_free(a);
}

int
main(void)
{
	struct hc *fin = hc_new(), *rev = hc_new(), *med = hc_new(), *anon = hc_new();
	char id[64] = "", head[64] = "";
	const char *b = getenv("HZ_BUILDDIR");
	long long fulls;

	snprintf(logpath, sizeof(logpath), "%s/run/test/log/huzhu.log",
	    b ? b : ".");
	snprintf(tmpdir, sizeof(tmpdir), "%s/run/test/tmp", b ? b : ".");

	is_int(hc_get(anon, "/x/members.xlsx"), 303, "anonymous: sent to the login");
	is_int(login(med, "medical"), 303, "medical reviewer logs in");
	is_int(hc_get(med, "/x/members.xlsx"), 403, "medical-only role: 403");
	is_str(hc_xpath(med, "string(//form[button[@id='logout']]/@action)"),
	    "/o/logout", "hz-export's page signs an office user out of /o/");

	login(fin, "finance");
	fulls = test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'export.members.full'");
	is_int(hc_get(fin, "/x/members.xlsx"), 200, "finance downloads the member list");
	is_str(hc_header(fin, "Content-Type"),
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "served as XLSX");
	ok(strstr(hc_header(fin, "Content-Disposition") ?: "", "attachment") != NULL,
	    "as an attachment");
	ok(hc_header(fin, "Content-Length") &&
	    strtoull(hc_header(fin, "Content-Length"), NULL, 10) == hc_body_len(fin),
	    "with its whole length announced");
	is_int(read_export(fin, id, sizeof(id), head, sizeof(head)),
	    1 + test_sql_int("SELECT COUNT(*) FROM member"),
	    "header + every member (200 of the demo, and other tests')");
	is_str(head, "证件号码", "header row in Chinese");
	ok(strlen(id) == 18 && strchr(id, '*') == NULL, "finance sees full ID numbers");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'export.members.full'"), fulls + 1, "the full export is audited");

	login(rev, "review1");
	is_int(hc_get(rev, "/x/members.xlsx"), 200, "review1 downloads too");
	read_export(rev, id, sizeof(id), head, sizeof(head));
	ok(strchr(id, '*') != NULL, "... with masked ID numbers");

	failing_exports(fin);

	hc_free(fin);
	hc_free(rev);
	hc_free(med);
	hc_free(anon);
	return tap_done();
}
