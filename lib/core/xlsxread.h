/*
 * xlsxread.h -- read the first worksheet of an .xlsx row by row.
 *
 * Built on libzip and libxml2's streaming xmlTextReader, so memory depends
 * on the shared-strings table, not on the number of rows.  Refuses what is
 * not an xlsx (old .xls, CSV renamed, encrypted), zip bombs (absurd
 * uncompressed size or ratio) and XML with DTDs/entities.
 */
#ifndef HZ_XLSXREAD_H
#define HZ_XLSXREAD_H

#include <stddef.h>

enum xlsx_status {
	XLSX_OK = 0,
	XLSX_NOT_XLSX,		/* 不是有效的 .xlsx 文件 (xls, csv, random bytes) */
	XLSX_ENCRYPTED,		/* password-protected workbook */
	XLSX_TOO_BIG,		/* uncompressed size or ratio beyond the limits */
	XLSX_BAD_XML,		/* sheet or shared strings malformed, DTD present */
	XLSX_NO_SHEET,		/* workbook without a worksheet */
	XLSX_NOMEM,
};

/* Chinese message for a status, fit to show to an agent. */
const char *xlsx_status_text(enum xlsx_status st);

/* One cell value as text.  Numbers keep the text Excel stored ("4.50102E+17"
 * stays as stored in the XML, e.g. "4.5010219900101E+17"); `is_number` tells
 * the caller the cell was numeric, so an ID typed as a number can be refused
 * rather than guessed. */
struct xlsx_cell {
	const char	*text;		/* NUL-terminated, valid until next row */
	size_t		 len;
	int		 is_number;
};

struct xlsx_row {
	size_t			 rownum;	/* 1-based row number as in Excel */
	size_t			 ncells;	/* columns A.. up to the last non-empty */
	const struct xlsx_cell	*cells;		/* cells[0] is column A; gaps are "" */
};

/*
 * A zero field means the default.  The ratio is checked only for entries
 * above 1 MiB.  Cells in columns at or beyond max_columns (at most 16384)
 * are skipped silently, not an error.
 */
struct xlsx_limits {
	size_t	max_uncompressed;	/* sum over the entries read, bytes */
	size_t	max_ratio;		/* uncompressed / compressed per entry */
	size_t	max_columns;
};
extern const struct xlsx_limits xlsx_limits_default; /* 512 MiB, 200, 256 */

struct xlsx_reader;

/*
 * xlsx_open: open `path` and prepare the first worksheet (in workbook
 * order).  Returns a reader or NULL with *st set.  Free with xlsx_close().
 */
struct xlsx_reader *xlsx_open(const char *path, const struct xlsx_limits *lim,
    enum xlsx_status *st);

/*
 * xlsx_next_row: the next row that has at least one cell element.
 * Returns 1 with *row filled, 0 at the end, -1 on error (see
 * xlsx_error()).  The row's memory belongs to the reader.
 *
 * A row whose cells are all empty (formatting only) is still returned,
 * with ncells 0; <row/> elements without any <c> are skipped.  Cell text:
 * numbers (t="n" or no t) as stored in <v>, is_number=1; shared, inline
 * and formula strings decoded (rich-text runs joined, phonetic runs
 * dropped, Excel's _xHHHH_ escapes undone); booleans "TRUE"/"FALSE";
 * errors as stored ("#N/A"); dates stay serial numbers (see
 * xlsx_serial_date()).  All but numbers have is_number=0.
 */
int xlsx_next_row(struct xlsx_reader *r, struct xlsx_row *row);

enum xlsx_status xlsx_error(const struct xlsx_reader *r);
void xlsx_close(struct xlsx_reader *r);	/* NULL-safe */

/*
 * xlsx_serial_date: an Excel 1900-system date serial ("45292", a time
 * fraction is ignored) as "YYYY-MM-DD" into `out`.  Serial 1 is 1900-01-01;
 * 60 is Excel's nonexistent 1900-02-29 and is refused, like 0, negatives,
 * exponents and anything past 9999-12-31.  Workbooks in the 1904 system
 * are not recognised.  Returns 1 on success.
 */
int xlsx_serial_date(const char *text, char out[11]);

#endif
