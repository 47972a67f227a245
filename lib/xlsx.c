/*
 * xlsx.c -- streamed XLSX export.
 */
#include <stdlib.h>

#include <xlsxwriter.h>

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

struct xlsx_out *
xlsx_out_open_titled(const char *path, const char *tmpdir, const char *sheet,
    const char *title, const char *const *notes, const struct xlsx_col *cols,
    size_t ncols)
{
	lxw_format *tf = NULL, *nf = NULL;
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };
	struct xlsx_out *x;
	size_t i;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, sheet)) == NULL) {
		if (x->wb)
			workbook_close(x->wb);
		free(x);
		return NULL;
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xDDEBF7);
	format_set_border(x->head, LXW_BORDER_THIN);
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, "#,##0.00");
	if (title) {
		tf = workbook_add_format(x->wb);
		format_set_bold(tf);
		format_set_font_size(tf, 14);
		format_set_align(tf, LXW_ALIGN_CENTER);
		worksheet_merge_range(x->ws, 0, 0, 0,
		    (lxw_col_t)(ncols ? ncols - 1 : 0), title, tf);
		x->row++;
	}
	if (notes) {
		nf = workbook_add_format(x->wb);
		format_set_text_wrap(nf);
		format_set_font_color(nf, 0xC00000);
		format_set_font_size(nf, 9);
		for (i = 0; i < ncols; i++)
			if (notes[i] && *notes[i])
				worksheet_write_string(x->ws, x->row,
				    (lxw_col_t)i, notes[i], nf);
		worksheet_set_row(x->ws, x->row, 48, NULL);
		x->row++;
	}
	/* Text format on every column: IDs typed later stay text. */
	for (i = 0; i < ncols; i++) {
		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    cols[i].width, x->text);
		worksheet_write_string(x->ws, x->row, (lxw_col_t)i,
		    cols[i].title, x->head);
	}
	x->row++;
	worksheet_freeze_panes(x->ws, x->row, 0);
	return x;
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
