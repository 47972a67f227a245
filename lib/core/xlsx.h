/*
 * xlsx.h -- spreadsheets for people who live in them: a styled header,
 * text cells (so ID numbers never turn into 4.5E+17), streamed with
 * libxlsxwriter's constant-memory mode so rows never accumulate.
 */
#ifndef HZ_XLSX_H
#define HZ_XLSX_H

#include <stddef.h>
#include <stdint.h>

struct db_res;
struct xlsx_out;

#define XLSX_MIME \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct xlsx_col {
	const char	*title;
	double		 width;
};

/*
 * xlsx_out_open: start a workbook at `path` with one sheet `sheet` and the
 * header row, in constant-memory mode (rows go to a scratch file in
 * `tmpdir` as they are written, so memory does not grow with them).  NULL
 * on failure, any cell of the header included.
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

/* xlsx_out_row: append one row of text cells (NULL = empty).  Returns 1,
 * or 0 if a cell was not written (the workbook is then unusable). */
int xlsx_out_row(struct xlsx_out *x, const char *const *cells, size_t n);

/* xlsx_out_money: write fen as a number cell formatted #,##0.00 at column
 * `col` of the row that the next xlsx_out_row() call will write. */
int xlsx_out_money(struct xlsx_out *x, size_t col, int64_t fen);

/* xlsx_out_close: finish the file.  Returns 1 only if the workbook was
 * written completely.  Frees x. */
int xlsx_out_close(struct xlsx_out *x);

/*
 * xlsx_tmp: create an empty file for a workbook in `tmpdir` and put its
 * path in `path`.  Returns 1, or 0 on failure.  The caller removes the
 * file (req_send_file() does once it is sent).
 */
int xlsx_tmp(char *path, size_t size, const char *tmpdir);

/*
 * An export's row maker: set cells[0 .. ncols-1] from the current row of
 * `res` (text borrowed from res or from buffers in `arg`, valid until the
 * next row; NULL for an empty cell).
 */
typedef void (*xlsx_fill_fn)(struct db_res *res, const char **cells,
    void *arg);

/*
 * xlsx_export: write every row of `res` (a db_stream() result, or NULL if
 * the query failed) to a new workbook at `path`: one sheet `sheet` with the
 * header `cols`, in constant memory.  Returns the number of data rows, or
 * -1 if anything failed: the query, a row fetched mid-stream, a cell, or
 * workbook_close(); `path` is then removed, so a failure never leaves a
 * short file that could be sent.  Always frees `res`.
 */
int64_t xlsx_export(const char *path, const char *tmpdir, const char *sheet,
    const struct xlsx_col *cols, size_t ncols, struct db_res *res,
    xlsx_fill_fn fill, void *arg);

/*
 * A printed form (缴费通知单): a title, then rows of label and value, and
 * a note under them, laid out to print on one A4 page (paper size, fit to
 * one page, print area, margins).  A line's value may be money (fen, a
 * number cell formatted #,##0.00) when `money` is set; `strong` makes the
 * line stand out (the total due).
 */
struct xlsx_line {
	const char	*label;
	const char	*value;		/* text, or NULL for money */
	int64_t		 fen;
	int		 money;
	int		 strong;
};

/*
 * xlsx_out_open_info: a list under what it is about: the title, then
 * `info` as label and value rows, a blank row, the header (导出申请单:
 * the application, then its people).
 */
struct xlsx_out *xlsx_out_open_info(const char *path, const char *tmpdir,
    const char *sheet, const char *title, const struct xlsx_line *info,
    size_t ninfo, const struct xlsx_col *cols, size_t ncols);

/* xlsx_form: write the form to `path`.  Returns 1, or 0 on failure (the
 * file then removed). */
int xlsx_form(const char *path, const char *title, const char *subtitle,
    const struct xlsx_line *lines, size_t n, const char *note);
/* xlsx_export_titled: the same under a title row and a row of notes
 * (xlsx_out_open_titled; either may be NULL). */
int64_t xlsx_export_titled(const char *path, const char *tmpdir,
    const char *sheet, const char *title, const char *const *notes,
    const struct xlsx_col *cols, size_t ncols, struct db_res *res,
    xlsx_fill_fn fill, void *arg);

#endif
