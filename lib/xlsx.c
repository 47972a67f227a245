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
	for (i = 0; i < ncols; i++) {
		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    cols[i].width, NULL);
		worksheet_write_string(x->ws, 0, (lxw_col_t)i, cols[i].title,
		    x->head);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
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
