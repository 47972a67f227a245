// fuzz-sources: lib/core/xlsxread.c
// fuzz-libs: libzip libxml-2.0
/*
 * fuzz_xlsxread.c -- the .xlsx reader on arbitrary files.  The input is
 * written to a private temp file and read to the end.  Besides not
 * crashing, results must keep the contract: a status on every failure,
 * cell texts NUL-terminated at `len`, rows within max_columns, and a date
 * helper that only ever writes "YYYY-MM-DD".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsxread.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 path[] = "/tmp/fuzz_xlsxread-XXXXXX";
static int	 fd = -1;

static void
cleanup(void)
{
	if (fd != -1)
		unlink(path);
}

/* check_row: abort unless the row keeps the contract. */
static void
check_row(const struct xlsx_row *row, const struct xlsx_limits *lim)
{
	char	 date[11];
	size_t	 i;

	if (row->rownum == 0 || row->ncells > lim->max_columns ||
	    (row->ncells > 0 && row->cells == NULL))
		abort();
	for (i = 0; i < row->ncells; i++) {
		const struct xlsx_cell *c = &row->cells[i];

		if (c->text == NULL || strlen(c->text) != c->len ||
		    (c->is_number != 0 && c->is_number != 1) ||
		    (c->is_number && c->len == 0))
			abort();
		if (c->is_number && xlsx_serial_date(c->text, date) &&
		    (strlen(date) != 10 || date[4] != '-' || date[7] != '-'))
			abort();
	}
	/* the last cell is the last non-empty one */
	if (row->ncells > 0 && row->cells[row->ncells - 1].len == 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct xlsx_limits lim = { 64u << 20, 200, 64 };
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st = XLSX_OK;
	int			 rc;

	if (fd == -1) {
		if ((fd = mkstemp(path)) == -1)
			abort();
		atexit(cleanup);
	}
	/* not truncating to 0 first: ext4 flushes such files, slowly */
	if (pwrite(fd, data, size, 0) != (ssize_t)size ||
	    ftruncate(fd, (off_t)size) == -1)
		abort();
	if ((r = xlsx_open(path, &lim, &st)) == NULL) {
		if (st == XLSX_OK || xlsx_status_text(st) == NULL)
			abort();
		return 0;
	}
	if (st != XLSX_OK)
		abort();
	while ((rc = xlsx_next_row(r, &row)) == 1)
		check_row(&row, &lim);
	if (rc == -1 && xlsx_error(r) == XLSX_OK)
		abort();
	if (rc == 0 && xlsx_error(r) != XLSX_OK)
		abort();
	if (xlsx_next_row(r, &row) != rc)
		abort();
	xlsx_close(r);
	return 0;
}
