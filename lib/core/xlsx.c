/*
 * xlsx.c -- streamed XLSX export.  Every write is checked: a workbook
 * with a cell missing is a failure, never a file someone receives.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "db.h"
#include "log.h"
#include "xlsx.h"

struct xlsx_out {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*head, *text, *money;
	lxw_row_t	 row;
};

struct xlsx_out *
xlsx_out_open(const char *path, const char *tmpdir, const char *sheet,
    const struct xlsx_col *cols, size_t ncols)
{
	return xlsx_out_open_titled(path, tmpdir, sheet, NULL, NULL, cols,
	    ncols);
}

/* The formats every sheet uses.  Returns 1, 0 out of memory. */
static int
xlsx_formats(struct xlsx_out *x)
{
	if ((x->head = workbook_add_format(x->wb)) == NULL ||
	    (x->text = workbook_add_format(x->wb)) == NULL ||
	    (x->money = workbook_add_format(x->wb)) == NULL)
		return 0;
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xDDEBF7);
	format_set_border(x->head, LXW_BORDER_THIN);
	format_set_num_format(x->text, "@");
	format_set_num_format(x->money, "#,##0.00");
	return 1;
}

/* The title row merged across ncols columns.  Returns 1 or 0. */
static int
xlsx_title(struct xlsx_out *x, const char *title, size_t ncols)
{
	lxw_format *f;

	if ((f = workbook_add_format(x->wb)) == NULL)
		return 0;
	format_set_bold(f);
	format_set_font_size(f, 14);
	format_set_align(f, LXW_ALIGN_CENTER);
	if (worksheet_merge_range(x->ws, x->row, 0, x->row,
	    (lxw_col_t)(ncols ? ncols - 1 : 0), title, f) != LXW_NO_ERROR)
		return 0;
	x->row++;
	return 1;
}

/* The row of notes above the header.  Returns 1 or 0. */
static int
xlsx_notes(struct xlsx_out *x, const char *const *notes, size_t ncols)
{
	lxw_format *f;
	size_t i;

	if ((f = workbook_add_format(x->wb)) == NULL)
		return 0;
	format_set_text_wrap(f);
	format_set_font_color(f, 0xC00000);
	format_set_font_size(f, 9);
	/* Constant-memory mode: a row's height before its cells. */
	if (worksheet_set_row(x->ws, x->row, 48, NULL) != LXW_NO_ERROR)
		return 0;
	for (i = 0; i < ncols; i++)
		if (notes[i] && *notes[i] && worksheet_write_string(x->ws,
		    x->row, (lxw_col_t)i, notes[i], f) != LXW_NO_ERROR)
			return 0;
	x->row++;
	return 1;
}

/* Column widths, text format on every column (IDs typed later stay
 * text) and the header row.  Returns 1 or 0. */
static int
xlsx_header(struct xlsx_out *x, const struct xlsx_col *cols, size_t ncols)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    cols[i].width, x->text) != LXW_NO_ERROR ||
		    worksheet_write_string(x->ws, x->row, (lxw_col_t)i,
		    cols[i].title, x->head) != LXW_NO_ERROR)
			return 0;
	x->row++;
	worksheet_freeze_panes(x->ws, x->row, 0);
	return 1;
}

/* The lines of what a list is about (an application's head): the label
 * in the first column, the value across the others.  Returns 1 or 0. */
static int
xlsx_info(struct xlsx_out *x, const struct xlsx_line *lines, size_t n,
    size_t ncols)
{
	char money[40];
	size_t i;

	for (i = 0; i < n; i++, x->row++) {
		if (lines[i].money)
			snprintf(money, sizeof(money), "%.2f",
			    (double)lines[i].fen / 100.0);
		if (worksheet_write_string(x->ws, x->row, 0, lines[i].label,
		    x->head) != LXW_NO_ERROR || (ncols > 2 ?
		    worksheet_merge_range(x->ws, x->row, 1, x->row,
		    (lxw_col_t)(ncols - 1), lines[i].money ? money :
		    lines[i].value ? lines[i].value : "", x->text) :
		    worksheet_write_string(x->ws, x->row, 1, lines[i].money ?
		    money : lines[i].value ? lines[i].value : "", x->text)) !=
		    LXW_NO_ERROR)
			return 0;
	}
	x->row++;	/* a blank row before the list */
	return 1;
}

static struct xlsx_out *
open_with(const char *path, const char *tmpdir, const char *sheet,
    const char *title, const char *const *notes, const struct xlsx_line *info,
    size_t ninfo, const struct xlsx_col *cols, size_t ncols)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };
	struct xlsx_out *x;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, sheet)) == NULL ||
	    !xlsx_formats(x) || (title && !xlsx_title(x, title, ncols)) ||
	    (notes && !xlsx_notes(x, notes, ncols)) ||
	    (info && !xlsx_info(x, info, ninfo, ncols)) ||
	    !xlsx_header(x, cols, ncols)) {
		log_err("xlsx: cannot start %s", path);
		if (x->wb)
			workbook_close(x->wb);
		free(x);
		return NULL;
	}
	return x;
}

struct xlsx_out *
xlsx_out_open_titled(const char *path, const char *tmpdir, const char *sheet,
    const char *title, const char *const *notes, const struct xlsx_col *cols,
    size_t ncols)
{
	return open_with(path, tmpdir, sheet, title, notes, NULL, 0, cols,
	    ncols);
}

struct xlsx_out *
xlsx_out_open_info(const char *path, const char *tmpdir, const char *sheet,
    const char *title, const struct xlsx_line *info, size_t ninfo,
    const struct xlsx_col *cols, size_t ncols)
{
	return open_with(path, tmpdir, sheet, title, NULL, info, ninfo, cols,
	    ncols);
}

int
xlsx_out_money(struct xlsx_out *x, size_t col, int64_t fen)
{
	return worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
	    (double)fen / 100.0, x->money) == LXW_NO_ERROR;
}

int
xlsx_out_row(struct xlsx_out *x, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cells[i] && *cells[i] &&
		    worksheet_write_string(x->ws, x->row, (lxw_col_t)i, cells[i],
		    x->text) != LXW_NO_ERROR)
			return 0;
	x->row++;
	return 1;
}

int
xlsx_out_close(struct xlsx_out *x)
{
	lxw_error e;

	if (x == NULL)
		return 0;
	e = workbook_close(x->wb);
	free(x);
	if (e != LXW_NO_ERROR) {
		log_err("xlsx: %s", lxw_strerror(e));
		return 0;
	}
	return 1;
}

int
xlsx_tmp(char *path, size_t size, const char *tmpdir)
{
	int fd;

	if ((size_t)snprintf(path, size, "%s/export-XXXXXX", tmpdir) >= size ||
	    (fd = mkstemp(path)) < 0) {
		log_err("xlsx: no temp file in %s", tmpdir);
		return 0;
	}
	/* As the store keeps its files: a stored import result is served
	 * by nginx (X-Accel-Redirect). */
	(void)fchmod(fd, 0640);
	close(fd);
	return 1;
}

int64_t
xlsx_export(const char *path, const char *tmpdir, const char *sheet,
    const struct xlsx_col *cols, size_t ncols, struct db_res *res,
    xlsx_fill_fn fill, void *arg)
{
	return xlsx_export_titled(path, tmpdir, sheet, NULL, NULL, cols, ncols,
	    res, fill, arg);
}

int64_t
xlsx_export_titled(const char *path, const char *tmpdir, const char *sheet,
    const char *title, const char *const *notes, const struct xlsx_col *cols,
    size_t ncols, struct db_res *res, xlsx_fill_fn fill, void *arg)
{
	struct xlsx_out *x = NULL;
	const char **cells = NULL;
	int64_t n = 0;
	int rc = -1;

	if (res == NULL || (cells = calloc(ncols, sizeof(*cells))) == NULL ||
	    (x = xlsx_out_open_titled(path, tmpdir, sheet, title, notes, cols,
	    ncols)) == NULL)
		goto out;
	while ((rc = db_next(res)) == 1) {
		fill(res, cells, arg);
		if (!xlsx_out_row(x, cells, ncols))
			break;
		n++;
	}
	if (rc < 0)
		log_err("xlsx: %s: the rows stopped after %lld: database error",
		    path, (long long)n);
out:
	db_done(res);
	free(cells);
	/* Closed in any case, to free it; only a clean end counts. */
	if (!xlsx_out_close(x) || rc != 0) {
		unlink(path);
		return -1;
	}
	return n;
}

/* The formats of a printed form; 1, or 0 out of memory. */
struct form_fmt {
	lxw_format	*title, *sub, *label, *value, *money, *strong, *smoney,
			*note;
};

static int
form_formats(lxw_workbook *wb, struct form_fmt *f)
{
	lxw_format **all[] = { &f->title, &f->sub, &f->label, &f->value,
	    &f->money, &f->strong, &f->smoney, &f->note };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if ((*all[i] = workbook_add_format(wb)) == NULL)
			return 0;
		format_set_font_name(*all[i], "宋体");
		format_set_font_size(*all[i], 11);
		format_set_align(*all[i], LXW_ALIGN_VERTICAL_CENTER);
	}
	format_set_font_size(f->title, 18);
	format_set_bold(f->title);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_align(f->sub, LXW_ALIGN_RIGHT);
	for (i = 2; i < 7; i++) {
		format_set_border(*all[i], LXW_BORDER_THIN);
		format_set_text_wrap(*all[i]);
	}
	format_set_bold(f->label);
	format_set_bg_color(f->label, 0xF2F2F2);
	format_set_align(f->label, LXW_ALIGN_CENTER);
	format_set_num_format(f->money, "#,##0.00");
	format_set_align(f->money, LXW_ALIGN_LEFT);
	format_set_bold(f->strong);
	format_set_bold(f->smoney);
	format_set_font_size(f->smoney, 13);
	format_set_num_format(f->smoney, "#,##0.00");
	format_set_align(f->smoney, LXW_ALIGN_LEFT);
	format_set_text_wrap(f->note);
	format_set_font_size(f->note, 10);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
	return 1;
}

int
xlsx_form(const char *path, const char *title, const char *subtitle,
    const struct xlsx_line *lines, size_t n, const char *note)
{
	struct form_fmt f;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t row = 0;
	lxw_error err = LXW_NO_ERROR;
	size_t i;

	if ((wb = workbook_new(path)) == NULL)
		return 0;
	if ((ws = workbook_add_worksheet(wb, title)) == NULL ||
	    !form_formats(wb, &f)) {
		workbook_close(wb);
		unlink(path);
		return 0;
	}
	/* One A4 page: portrait, fit to one page, margins in inches. */
	worksheet_set_paper(ws, 9);
	worksheet_set_portrait(ws);
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_set_margins(ws, 0.6, 0.6, 0.75, 0.75);
	worksheet_center_horizontally(ws);
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 62, NULL);
	worksheet_set_row(ws, row, 36, NULL);
	err |= worksheet_merge_range(ws, row, 0, row, 1, title, f.title);
	row++;
	if (subtitle) {
		err |= worksheet_merge_range(ws, row, 0, row, 1, subtitle, f.sub);
		row++;
	}
	for (i = 0; i < n; i++, row++) {
		worksheet_set_row(ws, row, 26, NULL);
		err |= worksheet_write_string(ws, row, 0, lines[i].label,
		    f.label);
		if (lines[i].money)
			err |= worksheet_write_number(ws, row, 1,
			    (double)lines[i].fen / 100.0, lines[i].strong ?
			    f.smoney : f.money);
		else
			err |= worksheet_write_string(ws, row, 1,
			    lines[i].value ? lines[i].value : "",
			    lines[i].strong ? f.strong : f.value);
	}
	if (note) {
		row++;
		worksheet_set_row(ws, row, 96, NULL);
		err |= worksheet_merge_range(ws, row, 0, row, 1, note, f.note);
	}
	worksheet_print_area(ws, 0, 0, row, 1);
	if (err != LXW_NO_ERROR || workbook_close(wb) != LXW_NO_ERROR) {
		if (err != LXW_NO_ERROR)
			workbook_close(wb);
		unlink(path);
		return 0;
	}
	return 1;
}
