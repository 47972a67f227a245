/*
 * test_xlsx.c -- lib/xlsx.c, the writer every export uses: a cell that
 * cannot be written fails its row, a failed export leaves no file, and
 * what is written reads back whole.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "xlsx.h"
#include "xlsxread.h"

static char tmpdir[] = "/tmp/hz-xlsx-XXXXXX";

static const struct xlsx_col cols[] = { { "姓名", 12 }, { "证件号码", 22 } };

/* Rows of the file at `path` (header included), -1 if it is no workbook. */
static int
rows_of(const char *path, char *last, size_t n)
{
	struct xlsx_reader *r;
	struct xlsx_row row;
	enum xlsx_status st;
	int rows = 0;

	if ((r = xlsx_open(path, &xlsx_limits_default, &st)) == NULL)
		return -1;
	while (xlsx_next_row(r, &row) == 1) {
		if (row.ncells > 1)
			snprintf(last, n, "%s", row.cells[1].text);
		rows++;
	}
	xlsx_close(r);
	return rows;
}

static void
test_tmp(void)
{
	char path[1024];
	struct stat sb;

	ok(xlsx_tmp(path, sizeof(path), tmpdir), "xlsx_tmp makes a file");
	ok(strncmp(path, tmpdir, strlen(tmpdir)) == 0, "... in the temp dir");
	ok(stat(path, &sb) == 0 && sb.st_size == 0 &&
	    (sb.st_mode & 0777) == 0640, "... empty, mode 0640");
	unlink(path);
	ok(!xlsx_tmp(path, sizeof(path), "/nonexistent/dir"),
	    "no temp dir: refused");
	ok(!xlsx_tmp(path, 8, tmpdir), "a path that does not fit: refused");
}

static void
test_rows(void)
{
	const char *good[] = { "韩梅梅", "370202199202020025" };
	const char *bad[] = { "李雷", NULL };
	char path[1024], last[64] = "", *huge;
	struct xlsx_out *x;

	/* Excel's limit is 32 767 characters a cell. */
	huge = malloc(40001);
	memset(huge, 'x', 40000);
	huge[40000] = '\0';
	bad[1] = huge;
	snprintf(path, sizeof(path), "%s/rows.xlsx", tmpdir);
	x = xlsx_out_open(path, tmpdir, "名单", cols, 2);
	ok(x != NULL, "a workbook opens");
	ok(xlsx_out_row(x, good, 2), "a row is written");
	ok(xlsx_out_close(x), "the workbook closes");
	is_int(rows_of(path, last, sizeof(last)), 2, "header and the row");
	is_str(last, "370202199202020025", "the ID number stays text");
	x = xlsx_out_open(path, tmpdir, "名单", cols, 2);
	ok(!xlsx_out_row(x, bad, 2), "a cell too long fails its row");
	xlsx_out_close(x);
	unlink(path);
	free(huge);
	/* libxlsxwriter writes the file at the close: that is checked. */
	x = xlsx_out_open("/nonexistent/dir/x.xlsx", tmpdir, "名单", cols, 2);
	ok(x && xlsx_out_row(x, good, 2), "a workbook for a path nobody can write");
	ok(!xlsx_out_close(x), "... fails at its close");
	ok(!xlsx_out_close(NULL), "closing nothing is a failure");
}

static void
test_export(void)
{
	char path[1024];

	ok(xlsx_tmp(path, sizeof(path), tmpdir), "a temp file for an export");
	is_int(xlsx_export(path, tmpdir, "名单", cols, 2, NULL, NULL, NULL),
	    -1, "a query that failed: the export fails");
	ok(access(path, F_OK) != 0, "... and its file is gone");
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_tmp();
	test_rows();
	test_export();
	rmdir(tmpdir);
	return tap_done();
}
