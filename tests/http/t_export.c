/*
 * t_export.c -- hz-export's member list: the file opens as a workbook
 * with every member, full numbers only for admin/finance, behind the same
 * session and role checks as the office.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int
main(void)
{
	struct hc *fin = hc_new(), *rev = hc_new(), *med = hc_new(), *anon = hc_new();
	char id[64] = "", head[64] = "";

	is_int(hc_get(anon, "/x/members.xlsx"), 303, "anonymous: sent to the login");
	is_int(login(med, "medical"), 303, "medical reviewer logs in");
	is_int(hc_get(med, "/x/members.xlsx"), 403, "medical-only role: 403");

	login(fin, "finance");
	is_int(hc_get(fin, "/x/members.xlsx"), 200, "finance downloads the member list");
	is_str(hc_header(fin, "Content-Type"),
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "served as XLSX");
	ok(strstr(hc_header(fin, "Content-Disposition") ?: "", "attachment") != NULL,
	    "as an attachment");
	is_int(read_export(fin, id, sizeof(id), head, sizeof(head)), 201,
	    "header + 200 members");
	is_str(head, "证件号码", "header row in Chinese");
	ok(strlen(id) == 18 && strchr(id, '*') == NULL, "finance sees full ID numbers");
	ok(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action = 'export.members.full'") == 1,
	    "the full export is audited");

	login(rev, "review1");
	is_int(hc_get(rev, "/x/members.xlsx"), 200, "review1 downloads too");
	read_export(rev, id, sizeof(id), head, sizeof(head));
	ok(strchr(id, '*') != NULL, "... with masked ID numbers");

	hc_free(fin);
	hc_free(rev);
	hc_free(med);
	hc_free(anon);
	return tap_done();
}
