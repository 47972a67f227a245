/*
 * test_xlsxread.c -- the streaming .xlsx reader against files written by
 * libxlsxwriter (at test time), LibreOffice and openpyxl (checked in under
 * tests/data), hand-made packages (libzip, at test time) and hostile files.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "xlsxread.h"
#include "tap.h"

static char	 tmpdir[] = "/tmp/hz-xlsxread-XXXXXX";
static const char *srcdir;
static char	*made[64];
static size_t	 nmade;
static const char *basic;	/* test_basic()'s file, reused */

/* tpath: a new file name in the temp dir, removed at the end. */
static const char *
tpath(const char *name)
{
	char	*p;

	if (nmade == sizeof(made) / sizeof(made[0]) ||
	    asprintf(&p, "%s/%s", tmpdir, name) == -1)
		abort();
	made[nmade++] = p;
	return p;
}

/* dpath: a file of tests/data (static buffer, one at a time). */
static const char *
dpath(const char *name)
{
	static char	 buf[4096];

	snprintf(buf, sizeof(buf), "%s/tests/data/%s", srcdir, name);
	return buf;
}

/*
 * dump: read every row of `path` into one string, a line per row:
 * "rownum:" then "\t" and the text of each cell, numbers prefixed by '#'.
 * A failure ends the string with "ERR n" (n the status).  Caller frees.
 */
static char *
dump(const char *path, const struct xlsx_limits *lim)
{
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st;
	char			*out = NULL;
	size_t			 len = 0, i;
	FILE			*f;
	int			 rc;

	if ((f = open_memstream(&out, &len)) == NULL)
		abort();
	if ((r = xlsx_open(path, lim, &st)) == NULL)
		fprintf(f, "ERR %d", (int)st);
	else {
		while ((rc = xlsx_next_row(r, &row)) == 1) {
			fprintf(f, "%zu:", row.rownum);
			for (i = 0; i < row.ncells; i++)
				fprintf(f, "\t%s%s",
				    row.cells[i].is_number ? "#" : "",
				    row.cells[i].text);
			fputc('\n', f);
		}
		if (rc < 0)
			fprintf(f, "ERR %d", (int)xlsx_error(r));
		xlsx_close(r);
	}
	fclose(f);
	return out;
}

/* status: the final status of reading all of `path`. */
static enum xlsx_status
status(const char *path, const struct xlsx_limits *lim)
{
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st;
	int			 rc;

	if ((r = xlsx_open(path, lim, &st)) == NULL)
		return st;
	while ((rc = xlsx_next_row(r, &row)) == 1)
		;
	st = rc < 0 ? xlsx_error(r) : XLSX_OK;
	xlsx_close(r);
	return st;
}

/* put: write `len` bytes to a new file. */
static void
put(const char *path, const void *p, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL || fwrite(p, 1, len, f) != len ||
	    fclose(f) != 0)
		abort();
}

/*
 * mkzip: write a zip at `path` of the NULL-terminated name/content pairs
 * in `parts`.  Returns 1 on success.
 */
static int
mkzip(const char *path, const char *const *parts)
{
	zip_t		*za;
	zip_source_t	*src;
	int		 err;

	if ((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		return 0;
	for (; parts[0] != NULL; parts += 2) {
		src = zip_source_buffer(za, parts[1], strlen(parts[1]), 0);
		if (src == NULL || zip_file_add(za, parts[0], src,
		    ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			zip_discard(za);
			return 0;
		}
	}
	return zip_close(za) == 0;
}

#define NS	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELNS	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define RT	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define PKGRELS	"<?xml version=\"1.0\"?><Relationships " RELNS "><Relationship " \
		"Id=\"rId1\" Type=\"" RT "officeDocument\" Target=\"xl/workbook.xml\"/>" \
		"</Relationships>"
#define WB1	"<?xml version=\"1.0\"?><workbook " NS "><sheets><sheet name=\"S\" " \
		"sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define WBRELS1	"<?xml version=\"1.0\"?><Relationships " RELNS "><Relationship " \
		"Id=\"rId1\" Type=\"" RT "worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
		"<Relationship Id=\"rId9\" Type=\"" RT "sharedStrings\" " \
		"Target=\"sharedStrings.xml\"/></Relationships>"
#define SHEET(rows) "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " NS \
		"><sheetData>" rows "</sheetData></worksheet>"

/* mkpkg: a one-sheet package with the given sheet and shared strings. */
static const char *
mkpkg(const char *name, const char *sheet, const char *sst)
{
	const char	*path = tpath(name);
	const char	*parts[] = {
		"_rels/.rels", PKGRELS,
		"xl/workbook.xml", WB1,
		"xl/_rels/workbook.xml.rels", WBRELS1,
		"xl/worksheets/sheet1.xml", sheet,
		sst ? "xl/sharedStrings.xml" : NULL, sst,
		NULL
	};

	if (!mkzip(path, parts))
		abort();
	return path;
}

/*
 * write_basic: the main libxlsxwriter workbook: typed cells, gaps, a
 * date, booleans, formulas, wide rows, 1200 more rows, a second sheet.
 */
static int
write_basic(const char *path)
{
	lxw_workbook	*wb = workbook_new(path);
	lxw_worksheet	*ws, *ws2;
	lxw_format	*datefmt, *fill;
	lxw_datetime	 dt = { 2024, 1, 15, 0, 0, 0 };
	char		 buf[32];
	int		 i;

	if (wb == NULL)
		return 0;
	ws = workbook_add_worksheet(wb, "花名册");
	ws2 = workbook_add_worksheet(wb, "说明");
	datefmt = workbook_add_format(wb);
	format_set_num_format(datefmt, "yyyy-mm-dd");
	fill = workbook_add_format(wb);
	format_set_bg_color(fill, LXW_COLOR_YELLOW);

	worksheet_write_string(ws, 0, 0, "姓名", NULL);
	worksheet_write_string(ws, 0, 1, "证件号码", NULL);
	worksheet_write_string(ws, 0, 2, "金额", NULL);
	worksheet_write_string(ws, 0, 3, "入会日期", NULL);
	worksheet_write_string(ws, 0, 4, "在职", NULL);
	worksheet_write_string(ws, 0, 6, "备注", NULL);

	worksheet_write_string(ws, 1, 0, "王𠀾", NULL);
	worksheet_write_number(ws, 1, 1, 450102199001011234.0, NULL);
	worksheet_write_number(ws, 1, 2, 8323.04, NULL);
	worksheet_write_datetime(ws, 1, 3, &dt, datefmt);
	worksheet_write_boolean(ws, 1, 4, 1, NULL);
	worksheet_write_string(ws, 1, 6, "a&b <c> \"q\" 'x'", NULL);

	/* row 3 missing entirely */
	worksheet_write_string(ws, 3, 0, "李四", NULL);
	worksheet_write_string(ws, 3, 1, "11010519491231002X", NULL);
	worksheet_write_number(ws, 3, 2, 0, NULL);
	worksheet_write_string(ws, 3, 3, "2024-01-15", NULL);
	worksheet_write_boolean(ws, 3, 4, 0, NULL);
	worksheet_write_blank(ws, 3, 6, fill);

	/* row 5: formatted blanks only */
	worksheet_write_blank(ws, 4, 0, fill);
	worksheet_write_blank(ws, 4, 3, fill);

	/* row 6: formulas with cached results, a control character */
	worksheet_write_formula_num(ws, 5, 0, "=1+2", NULL, 3);
	worksheet_write_formula_str(ws, 5, 1, "=\"a\"&\"b\"", NULL, "ab");
	worksheet_write_string(ws, 5, 2, "行1\r\n行2", NULL);
	worksheet_write_number(ws, 5, 3, -0.5, NULL);

	/* row 8: column IV is the last one kept, beyond it is dropped */
	worksheet_write_string(ws, 7, 0, "宽", NULL);
	worksheet_write_string(ws, 7, 255, "IV", NULL);
	worksheet_write_string(ws, 7, 256, "IW", NULL);
	worksheet_write_string(ws, 7, 16383, "XFD", NULL);

	/* rows 10..1209 */
	for (i = 0; i < 1200; i++) {
		snprintf(buf, sizeof(buf), "成员%d", i);
		worksheet_write_string(ws, 9 + i, 0, buf, NULL);
		worksheet_write_number(ws, 9 + i, 1, i, NULL);
	}

	worksheet_write_string(ws2, 0, 0, "不应读到", NULL);
	return workbook_close(wb) == LXW_NO_ERROR;
}

static void
test_basic(void)
{
	const char		*path = basic = tpath("basic.xlsx");
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st = XLSX_NOMEM;
	char			 date[11];
	size_t			 n, sum;
	int			 rc, bad;

	ok(write_basic(path), "libxlsxwriter wrote basic.xlsx");
	r = xlsx_open(path, NULL, &st);
	ok(r != NULL, "basic.xlsx opens");
	is_int(st, XLSX_OK, "status OK");
	if (r == NULL)
		return;

	is_int(xlsx_next_row(r, &row), 1, "row 1");
	is_int(row.rownum, 1, "row 1 number");
	is_int(row.ncells, 7, "row 1 has A..G");
	is_str(row.cells[0].text, "姓名", "A1 Chinese");
	is_int(row.cells[0].is_number, 0, "A1 is text");
	is_str(row.cells[5].text, "", "F1 gap is empty");
	is_int(row.cells[5].len, 0, "F1 gap len 0");
	is_str(row.cells[6].text, "备注", "G1 after gap");

	is_int(xlsx_next_row(r, &row), 1, "row 2");
	is_int(row.rownum, 2, "row 2 number");
	is_int(row.ncells, 7, "row 2 ncells");
	is_str(row.cells[0].text, "王𠀾", "A2 astral-plane character");
	is_int(row.cells[0].len, strlen("王𠀾"), "A2 len in bytes");
	/* the nearest double is 450102199001011264; %.16G of that */
	is_str(row.cells[1].text, "4.501021990010113E+17",
	    "B2 ID typed as a number keeps the stored text");
	is_int(row.cells[1].is_number, 1, "B2 is_number");
	/* libxlsxwriter (like Excel) stores 16-17 digits: money must round */
	is_str(row.cells[2].text, "8323.040000000001", "C2 number as stored");
	is_int(row.cells[2].is_number, 1, "C2 is_number");
	is_str(row.cells[3].text, "45306", "D2 date stays a serial");
	is_int(row.cells[3].is_number, 1, "D2 is_number");
	ok(xlsx_serial_date(row.cells[3].text, date), "D2 serial converts");
	is_str(date, "2024-01-15", "D2 as a date");
	is_str(row.cells[4].text, "TRUE", "E2 boolean true");
	is_int(row.cells[4].is_number, 0, "E2 boolean is not a number");
	is_str(row.cells[5].text, "", "F2 gap");
	is_str(row.cells[6].text, "a&b <c> \"q\" 'x'", "G2 XML specials");

	is_int(xlsx_next_row(r, &row), 1, "row 4 (row 3 absent)");
	is_int(row.rownum, 4, "row 4 number");
	is_int(row.ncells, 5, "row 4: formatted blank G4 trimmed");
	is_str(row.cells[1].text, "11010519491231002X", "B4 ID as text");
	is_int(row.cells[1].is_number, 0, "B4 not a number");
	is_str(row.cells[2].text, "0", "C4 zero");
	is_int(row.cells[2].is_number, 1, "C4 is_number");
	is_str(row.cells[3].text, "2024-01-15", "D4 date typed as text");
	is_str(row.cells[4].text, "FALSE", "E4 boolean false");

	is_int(xlsx_next_row(r, &row), 1, "row 5 (blanks only)");
	is_int(row.rownum, 5, "row 5 number");
	is_int(row.ncells, 0, "row 5 ncells 0");

	is_int(xlsx_next_row(r, &row), 1, "row 6");
	is_int(row.rownum, 6, "row 6 number");
	is_int(row.ncells, 4, "row 6 ncells");
	is_str(row.cells[0].text, "3", "A6 formula result, not the formula");
	is_int(row.cells[0].is_number, 1, "A6 is_number");
	is_str(row.cells[1].text, "ab", "B6 string formula result");
	is_int(row.cells[1].is_number, 0, "B6 not a number");
	is_str(row.cells[2].text, "行1\r\n行2", "C6 _x000D_ decoded");
	is_str(row.cells[3].text, "-0.5", "D6 negative");

	is_int(xlsx_next_row(r, &row), 1, "row 8");
	is_int(row.rownum, 8, "row 8 number");
	is_int(row.ncells, 256, "row 8 ends at column IV");
	is_str(row.cells[255].text, "IV", "IV kept");
	is_str(row.cells[100].text, "", "CW gap");

	n = sum = 0;
	bad = 0;
	while ((rc = xlsx_next_row(r, &row)) == 1) {
		char want[32];

		snprintf(want, sizeof(want), "成员%zu", n);
		if (row.rownum != 10 + n || row.ncells != 2 ||
		    strcmp(row.cells[0].text, want) != 0 ||
		    !row.cells[1].is_number)
			bad++;
		sum += strtoul(row.cells[1].text, NULL, 10);
		n++;
	}
	is_int(rc, 0, "end of sheet");
	is_int(n, 1200, "1200 more rows");
	is_int(bad, 0, "every bulk row as written");
	is_int(sum, 1199 * 1200 / 2, "bulk numbers");
	is_int(row.rownum, 1209, "last row number");
	is_int(xlsx_next_row(r, &row), 0, "stays at the end");
	is_int(xlsx_error(r), XLSX_OK, "no error");
	xlsx_close(r);
}

/* test_constant_memory: libxlsxwriter's streaming mode writes inline strings. */
static void
test_constant_memory(void)
{
	const char		*path = tpath("constmem.xlsx");
	lxw_workbook_options	 opt = { LXW_TRUE, tmpdir, LXW_FALSE };
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st;
	char			 buf[64];
	int			 i, rc, n = 0, bad = 0;

	wb = workbook_new_opt(path, &opt);
	ws = workbook_add_worksheet(wb, NULL);
	for (i = 0; i < 1500; i++) {
		snprintf(buf, sizeof(buf), "会员𠀾%d", i);
		worksheet_write_string(ws, i, 0, buf, NULL);
		worksheet_write_number(ws, i, 2, i * 1.5, NULL);
		if (i % 3 == 0)
			worksheet_write_string(ws, i, 3, "x", NULL);
	}
	ok(workbook_close(wb) == LXW_NO_ERROR, "constant_memory workbook written");
	r = xlsx_open(path, NULL, &st);
	ok(r != NULL, "constant_memory file opens");
	if (r == NULL)
		return;
	while ((rc = xlsx_next_row(r, &row)) == 1) {
		char want[64], num[32];

		snprintf(want, sizeof(want), "会员𠀾%d", n);
		snprintf(num, sizeof(num), "%g", n * 1.5);
		if (row.rownum != (size_t)n + 1 ||
		    row.ncells != (n % 3 == 0 ? 4u : 3u) ||
		    strcmp(row.cells[0].text, want) != 0 ||
		    row.cells[0].is_number || row.cells[1].len != 0 ||
		    strcmp(row.cells[2].text, num) != 0 ||
		    !row.cells[2].is_number)
			bad++;
		n++;
	}
	is_int(rc, 0, "constant_memory: read to the end");
	is_int(n, 1500, "constant_memory: 1500 rows");
	is_int(bad, 0, "constant_memory: inline strings and numbers");
	xlsx_close(r);
}

static void
test_empty(void)
{
	const char	*path = tpath("empty.xlsx");
	lxw_workbook	*wb = workbook_new(path);
	char		*s;

	workbook_add_worksheet(wb, NULL);
	ok(workbook_close(wb) == LXW_NO_ERROR, "empty workbook written");
	s = dump(path, NULL);
	is_str(s, "", "empty sheet: no rows, no error");
	free(s);
}

#define ROSTER \
	"1:\t姓名\t证件类型\t证件号码\t手机号码\n" \
	"2:\t张三\t居民身份证\t11010519491231002X\t13800138000\n" \
	"3:\t王𠀾\t居民身份证\t440524188001010014\t#13912345678\n" \
	"4:\t李四\t\tE12345678\t13600001111\n" \
	"5:\t欧阳·娜娜\t港澳居民来往内地通行证\tH12345678\t13700001111\n"

static void
test_checked_in(void)
{
	struct xlsx_reader	*r;
	struct xlsx_row		 row;
	enum xlsx_status	 st;
	char			*lo, *op;

	lo = dump(dpath("roster_libreoffice.xlsx"), NULL);
	op = dump(dpath("roster_openpyxl.xlsx"), NULL);
	is_str(lo, ROSTER, "LibreOffice roster (shared strings, 2 sheets)");
	is_str(op, ROSTER, "openpyxl roster");
	is_str(lo, op, "LibreOffice and openpyxl read the same");
	free(lo);
	free(op);

	r = xlsx_open(dpath("roster_libreoffice.xlsx"), NULL, &st);
	ok(r != NULL, "LibreOffice file opens");
	if (r != NULL) {
		while (xlsx_next_row(r, &row) == 1 && row.rownum < 3)
			;
		is_int(row.rownum, 3, "row 3");
		is_str(row.cells[0].text, "王𠀾", "rare character name");
		is_int(row.cells[2].is_number, 0, "ID as text");
		is_int(row.cells[3].is_number, 1, "phone typed as a number");
		xlsx_close(r);
	}

	is_int(status(dpath("not_xlsx.xls"), NULL), XLSX_NOT_XLSX,
	    "old .xls (OLE2) refused");
	is_int(status(dpath("csv_renamed.xlsx"), NULL), XLSX_NOT_XLSX,
	    "CSV renamed to .xlsx refused");
	is_int(status(dpath("billion_laughs.xlsx"), NULL), XLSX_BAD_XML,
	    "billion laughs refused");
	r = xlsx_open(dpath("bomb.xlsx"), NULL, &st);
	ok(r != NULL, "bomb with lying sizes passes the header check");
	if (r != NULL) {
		is_int(xlsx_next_row(r, &row), -1, "bomb: reading fails");
		is_int(xlsx_error(r), XLSX_TOO_BIG, "bomb: caught by counting");
		is_int(xlsx_next_row(r, &row), -1, "bomb: stays failed");
		xlsx_close(r);
	}
}

static void
test_hostile(void)
{
	const char	*path;
	struct xlsx_limits lim;
	unsigned char	 ole[4096];
	char		*big;
	size_t		 i;
	const char	*name = "EncryptedPackage";
	int		 ok_;

	/* encrypted OOXML: an OLE2 file with an EncryptedPackage stream */
	memset(ole, 0, sizeof(ole));
	memcpy(ole, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	for (i = 0; name[i] != '\0'; i++)
		ole[1024 + 2 * i] = (unsigned char)name[i];
	path = tpath("encrypted.xlsx");
	put(path, ole, sizeof(ole));
	is_int(status(path, NULL), XLSX_ENCRYPTED, "encrypted workbook");
	/* the name straddling a 64 KiB read boundary is still seen */
	if ((big = calloc(1, 200000)) == NULL)
		abort();
	memcpy(big, ole, 8);
	for (i = 0; name[i] != '\0'; i++)
		big[65536 - 9 + 2 * i] = name[i];
	path = tpath("encrypted2.xlsx");
	put(path, big, 200000);
	is_int(status(path, NULL), XLSX_ENCRYPTED, "encrypted, name across reads");
	free(big);

	path = tpath("empty-file.xlsx");
	put(path, "", 0);
	is_int(status(path, NULL), XLSX_NOT_XLSX, "empty file");
	path = tpath("random.xlsx");
	put(path, "PK\3\4 not really", 16);
	is_int(status(path, NULL), XLSX_NOT_XLSX, "zip magic, then junk");
	is_int(status(tpath("missing.xlsx"), NULL), XLSX_NOT_XLSX,
	    "missing file");

	/* an honest bomb: 16 MiB of spaces, refused from the header */
	if ((big = malloc(16 * 1024 * 1024 + 1)) == NULL)
		abort();
	memset(big, ' ', 16 * 1024 * 1024);
	big[16 * 1024 * 1024] = '\0';
	path = mkpkg("bomb2.xlsx", big, NULL);
	is_int(status(path, NULL), XLSX_TOO_BIG, "ratio from the header");
	/* the same as shared strings */
	path = mkpkg("bomb3.xlsx", SHEET(""), big);
	is_int(status(path, NULL), XLSX_TOO_BIG, "shared strings bomb");
	free(big);

	/* total limit */
	lim = xlsx_limits_default;
	lim.max_uncompressed = 20000;
	is_int(status(basic, &lim), XLSX_TOO_BIG,
	    "max_uncompressed over the parts read");
	lim.max_uncompressed = 0;
	is_int(status(basic, &lim), XLSX_OK, "a zero limit means the default");

	path = mkpkg("dtd-sst.xlsx", SHEET(""),
	    "<?xml version=\"1.0\"?><!DOCTYPE sst><sst " NS "/>");
	is_int(status(path, NULL), XLSX_BAD_XML, "DTD in shared strings");
	path = mkpkg("xxe.xlsx", "<?xml version=\"1.0\"?><!DOCTYPE worksheet "
	    "[<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet " NS
	    "><sheetData><row><c t=\"inlineStr\"><is><t>&e;</t></is></c>"
	    "</row></sheetData></worksheet>", NULL);
	is_int(status(path, NULL), XLSX_BAD_XML, "external entity refused");
	path = mkpkg("undef.xlsx", SHEET("<row><c t=\"inlineStr\"><is><t>&e;"
	    "</t></is></c></row>"), NULL);
	is_int(status(path, NULL), XLSX_BAD_XML, "undefined entity refused");
	path = mkpkg("trunc.xlsx", "<?xml version=\"1.0\"?><worksheet " NS
	    "><sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c>",
	    NULL);
	{
		char *s = dump(path, NULL);

		is_str(s, "1:\t#1\nERR 4", "truncated sheet: row 1, then BAD_XML");
		free(s);
	}
	path = mkpkg("badidx.xlsx", SHEET("<row><c t=\"s\"><v>1</v></c></row>"),
	    "<sst " NS "><si><t>a</t></si></sst>");
	is_int(status(path, NULL), XLSX_BAD_XML, "shared string index out of range");
	path = mkpkg("badidx2.xlsx", SHEET("<row><c t=\"s\"><v>x</v></c></row>"),
	    "<sst " NS "><si><t>a</t></si></sst>");
	is_int(status(path, NULL), XLSX_BAD_XML, "shared string index not a number");
	path = mkpkg("nosst.xlsx", SHEET("<row><c t=\"s\"><v>0</v></c></row>"),
	    NULL);
	is_int(status(path, NULL), XLSX_BAD_XML, "shared string without a table");
	path = mkpkg("notxml.xlsx", "this is not XML", NULL);
	is_int(status(path, NULL), XLSX_BAD_XML, "sheet not XML");

	ok_ = 1;
	{
		const char *parts[] = { "hello.txt", "hello", NULL };

		path = tpath("plain.zip");
		ok_ = mkzip(path, parts);
	}
	ok(ok_, "plain zip written");
	is_int(status(path, NULL), XLSX_NOT_XLSX, "zip that is not a workbook");
	{
		const char *parts[] = {
			"_rels/.rels", PKGRELS,
			"xl/workbook.xml", "<workbook " NS "><sheets/></workbook>",
			NULL
		};

		path = tpath("nosheet.xlsx");
		ok(mkzip(path, parts), "sheetless workbook written");
		is_int(status(path, NULL), XLSX_NO_SHEET, "workbook without sheets");
	}
}

/* test_structure: sheet order, rels, rich text and odd markup. */
static void
test_structure(void)
{
	const char	*path;
	char		*s;
	struct xlsx_limits lim;

	/* the first <sheet> in the workbook wins, wherever its part is */
	{
		const char *parts[] = {
			"_rels/.rels", PKGRELS,
			"xl/workbook.xml", "<workbook " NS "><sheets>"
			    "<sheet name=\"C\" sheetId=\"3\" r:id=\"rId3\"/>"
			    "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/>"
			    "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"
			    "</sheets></workbook>",
			"xl/_rels/workbook.xml.rels", "<Relationships " RELNS ">"
			    "<Relationship Id=\"rId1\" Type=\"" RT "worksheet\" "
			    "Target=\"worksheets/sheet1.xml\"/>"
			    "<Relationship Id=\"rId2\" Type=\"" RT "worksheet\" "
			    "Target=\"/xl/worksheets/../data/second.xml\"/>"
			    "<Relationship Id=\"rId3\" Type=\"" RT "chartsheet\" "
			    "Target=\"chartsheets/sheet1.xml\"/>"
			    "<Relationship Id=\"rId4\" Type=\"" RT "sharedStrings\" "
			    "Target=\"./strs.xml\"/></Relationships>",
			"xl/chartsheets/sheet1.xml", "<chartsheet " NS "/>",
			"xl/worksheets/sheet1.xml", SHEET("<row r=\"1\"><c r=\"A1\" "
			    "t=\"inlineStr\"><is><t>sheet1</t></is></c></row>"),
			"xl/data/second.xml", SHEET("<row r=\"1\"><c r=\"A1\" "
			    "t=\"s\"><v>0</v></c></row>"),
			"xl/strs.xml", "<sst " NS "><si><t>second</t></si></sst>",
			NULL
		};

		path = tpath("order.xlsx");
		ok(mkzip(path, parts), "order.xlsx written");
		s = dump(path, NULL);
		is_str(s, "1:\tsecond\n",
		    "first worksheet in workbook order, chartsheet skipped, "
		    "absolute target, shared strings from rels");
		free(s);
	}

	/* no workbook at all: the conventional sheet1.xml is used */
	{
		const char *parts[] = {
			"xl/worksheets/sheet1.xml", SHEET("<row><c><v>7</v></c></row>"),
			NULL
		};

		path = tpath("bare.xlsx");
		ok(mkzip(path, parts), "bare.xlsx written");
		s = dump(path, NULL);
		is_str(s, "1:\t#7\n", "sheet1.xml fallback");
		free(s);
	}

	path = mkpkg("rich.xlsx", SHEET(
	    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\">"
	    "<v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c><c r=\"D3\" t=\"s\">"
	    "<v>3</v></c></row>"
	    "<row><c t=\"s\"><v>0</v></c><c/><c><v>42</v></c>"
	    "<c r=\"F4\"><v>1.5E-3</v></c><c><v>9</v></c></row>"
	    "<row r=\"7\"/>"
	    "<row><c t=\"inlineStr\"><is><r><t>张</t></r><r><rPr><b/></rPr>"
	    "<t xml:space=\"preserve\"> 三</t></r><rPh sb=\"0\" eb=\"1\">"
	    "<t>ちょう</t></rPh></is></c>"
	    "<c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>1</v></c>"
	    "<c t=\"str\"><f>A1&amp;\"x\"</f><v>x&lt;y</v></c>"
	    "<c t=\"n\"><f>SUM(A1:A2)</f><v>3</v></c>"
	    "<c t=\"d\"><v>2024-01-15T00:00:00</v></c>"
	    "<c t=\"s\"><v>4</v></c><c t=\"inlineStr\"><is><t><![CDATA[<&>]]>"
	    "</t></is></c></row>"
	    "<row r=\"9\"><c r=\"B9\"><v></v></c><c r=\"C9\" t=\"s\"/></row>"
	    "<row r=\"10\"><c r=\"b10\"><v>1</v></c><c r=\"A10\"><v>2</v></c>"
	    "<c r=\"A10\"><v>3</v></c></row>"),
	    "<sst " NS " count=\"99\" uniqueCount=\"99\">"
	    "<si><r><t>王</t></r><r><rPr><b/></rPr><t>𠀾</t></r>"
	    "<rPh sb=\"0\" eb=\"1\"><t>オウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
	    "<si/>"
	    "<si><t xml:space=\"preserve\">  a b  </t></si>"
	    "<si><t>L1_x000D_\nL2 _x005F_x0041_ _x0041_ _xZZZZ_ _x0000_</t></si>"
	    "<si><t>&lt;&amp;&#x4E2D;&#20013;</t></si>"
	    "</sst>");
	s = dump(path, NULL);
	is_str(s,
	    "3:\t王𠀾\t\t  a b  \tL1\r\nL2 _x0041_ A _xZZZZ_ _x0000_\n"
	    "4:\t王𠀾\t\t#42\t\t\t#1.5E-3\t#9\n"
	    "8:\t张 三\t#N/A\tTRUE\tx<y\t#3\t2024-01-15T00:00:00\t<&中中\t<&>\n"
	    "9:\n"
	    "10:\t#3\t#1\n",
	    "rich text, phonetics, empty <si/>, escapes, no r attributes, "
	    "skipped rows, cell types, empty cells");
	free(s);

	lim = xlsx_limits_default;
	lim.max_columns = 2;
	s = dump(path, &lim);
	is_str(s, "3:\t王𠀾\n4:\t王𠀾\n8:\t张 三\t#N/A\n9:\n10:\t#3\t#1\n",
	    "max_columns 2 drops the rest");
	free(s);
}

static void
test_dates(void)
{
	static const struct {
		const char	*in;
		const char	*out;
	} t[] = {
		{ "1", "1900-01-01" },
		{ "59", "1900-02-28" },
		{ "60", NULL },
		{ "61", "1900-03-01" },
		{ "25569", "1970-01-01" },
		{ "36526", "2000-01-01" },
		{ "36585", "2000-02-29" },
		{ "43831", "2020-01-01" },
		{ "45306", "2024-01-15" },
		{ "45306.75", "2024-01-15" },
		{ "45306.", "2024-01-15" },
		{ "2958465", "9999-12-31" },
		{ "2958466", NULL },
		{ "99999999999999999999", NULL },
		{ "0", NULL },
		{ "-1", NULL },
		{ "", NULL },
		{ "4.5E+4", NULL },
		{ "45306x", NULL },
		{ " 45306", NULL },
		{ "二〇二四", NULL },
	};
	char	 out[11];
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(out, 0, sizeof(out));
		if (t[i].out == NULL)
			is_int(xlsx_serial_date(t[i].in, out), 0,
			    "serial '%s' refused", t[i].in);
		else {
			ok(xlsx_serial_date(t[i].in, out), "serial '%s'", t[i].in);
			is_str(out, t[i].out, "serial '%s' is %s", t[i].in,
			    t[i].out);
		}
	}
	is_int(xlsx_serial_date(NULL, out), 0, "NULL serial");
}

static void
test_misc(void)
{
	is_str(xlsx_status_text(XLSX_NOT_XLSX), "文件不是有效的 Excel（.xlsx）"
	    "文件，请用模板填写后另存为 .xlsx 再上传", "NOT_XLSX text");
	is_str(xlsx_status_text(XLSX_ENCRYPTED),
	    "文件设置了密码，请取消密码后再上传", "ENCRYPTED text");
	is_str(xlsx_status_text(XLSX_TOO_BIG),
	    "文件解压后过大，可能已损坏，请检查后重新上传", "TOO_BIG text");
	is_str(xlsx_status_text(XLSX_BAD_XML), "文件内容已损坏，无法读取",
	    "BAD_XML text");
	is_str(xlsx_status_text(XLSX_NO_SHEET), "文件中没有工作表",
	    "NO_SHEET text");
	is_str(xlsx_status_text(XLSX_NOMEM), "系统繁忙，请稍后再试",
	    "NOMEM text");
	ok(xlsx_status_text((enum xlsx_status)99)[0] != '\0',
	    "unknown status has a text");
	xlsx_close(NULL);
	ok(xlsx_open(dpath("csv_renamed.xlsx"), NULL, NULL) == NULL,
	    "NULL status pointer allowed");
	is_int(xlsx_next_row(NULL, NULL), -1, "next_row(NULL)");
}

int
main(void)
{
	size_t	 i;

	if ((srcdir = getenv("HZ_SRCDIR")) == NULL || *srcdir == '\0')
		srcdir = ".";
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_basic();
	test_constant_memory();
	test_empty();
	test_checked_in();
	test_hostile();
	test_structure();
	test_dates();
	test_misc();
	for (i = 0; i < nmade; i++) {
		unlink(made[i]);
		free(made[i]);
	}
	rmdir(tmpdir);
	return tap_done();
}
