/*
 * xlsx.h -- spreadsheets for people who live in them: a styled header,
 * text cells (so ID numbers never turn into 4.5E+17), streamed with
 * libxlsxwriter's constant-memory mode so rows never accumulate.
 */
#ifndef HZ_XLSX_H
#define HZ_XLSX_H

#include <stddef.h>
#include <stdint.h>

struct xlsx_out;

#define XLSX_MIME \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct xlsx_col {
	const char	*title;
	double		 width;
};

/*
 * xlsx_out_open: start a workbook at `path` with one sheet `sheet` and the
 * header row.  Scratch files go to tmpdir.  NULL on failure.
 */
struct xlsx_out *xlsx_out_open(const char *path, const char *tmpdir,
    const char *sheet, const struct xlsx_col *cols, size_t ncols);

/*
 * xlsx_out_open_titled: the same with a title row merged across the
 * columns and a row of notes (one per column, NULL or "" for none) above
 * the header, as in a template people fill in.  Either may be NULL.
 */
struct xlsx_out *xlsx_out_open_titled(const char *path, const char *tmpdir,
    const char *sheet, const char *title, const char *const *notes,
    const struct xlsx_col *cols, size_t ncols);

/* xlsx_out_row: append one row of text cells (NULL = empty). */
int xlsx_out_row(struct xlsx_out *x, const char *const *cells, size_t n);

/* xlsx_out_money: write fen as a number cell formatted #,##0.00 at column
 * `col` of the row that the next xlsx_out_row() call will write. */
int xlsx_out_money(struct xlsx_out *x, size_t col, int64_t fen);

/* xlsx_out_close: finish the file.  Returns 1 only if the workbook was
 * written completely.  Frees x. */
int xlsx_out_close(struct xlsx_out *x);

#endif
