/*
 * test_store.c -- what the store refuses before keeping a file: the size
 * limit of each kind at exactly the limit and one byte over, empty files,
 * and types by content.
 */
#include <string.h>

#include "store.h"
#include "tap.h"

#define MB (1024L * 1024L)

static void
size_edge(enum attach_kind kind, enum file_type ft, long max, const char *msg)
{
	const char *label = store_kind_label(kind);
	const char *why;

	ok(store_check(kind, ft, max) == NULL, "%s: exactly %ld MB is kept",
	    label, max / MB);
	why = store_check(kind, ft, max + 1);
	is_str(why, msg, "%s: one byte over %ld MB is refused", label, max / MB);
	ok(store_check(kind, ft, 1) == NULL, "%s: one byte is kept", label);
	is_str(store_check(kind, ft, 0), "上传的文件是空的，请重新选择文件",
	    "%s: an empty file is refused", label);
}

int
main(void)
{
	const char *docs = "只能上传 jpg、png 或 pdf 格式的文件（按文件内容识别，"
	    "改扩展名无效）";

	size_edge(AK_APPROVAL, FT_PDF, 10 * MB, "文件超过 10 MB，请压缩后重新上传");
	size_edge(AK_LICENSE, FT_JPG, 10 * MB, "文件超过 10 MB，请压缩后重新上传");
	size_edge(AK_AUTHORIZATION, FT_PNG, 10 * MB,
	    "文件超过 10 MB，请压缩后重新上传");
	size_edge(AK_INVOICE_NOTE, FT_PDF, 10 * MB,
	    "文件超过 10 MB，请压缩后重新上传");
	size_edge(AK_ROSTER, FT_XLSX, 20 * MB, "文件超过 20 MB，请压缩后重新上传");

	/* Types: documents are jpg, png or pdf; a roster is a workbook. */
	is_str(store_check(AK_LICENSE, FT_XLSX, 100), docs,
	    "a workbook is not a licence");
	is_str(store_check(AK_LICENSE, FT_NONE, 100), docs,
	    "an unknown type is not a licence");
	ok(strstr(store_check(AK_ROSTER, FT_PDF, 100) ?
	    store_check(AK_ROSTER, FT_PDF, 100) : "", ".xlsx") != NULL,
	    "a PDF is not a roster");
	/* The type is told before the size: the user fixes that first. */
	is_str(store_check(AK_LICENSE, FT_XLSX, 10 * MB + 1), docs,
	    "wrong type and too big: the type is named");
	return tap_done();
}
