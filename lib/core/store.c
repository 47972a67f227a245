/*
 * store.c -- uploaded files: checked by content, kept under random names.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "rand.h"
#include "store.h"
#include "valid.h"
#include "view.h"

#define MB (1024L * 1024L)
#define DOCS ((1u << FT_JPG) | (1u << FT_PNG) | (1u << FT_PDF))
#define IMAGES ((1u << FT_JPG) | (1u << FT_PNG))

/* Per kind: column value, label, accepted types, size limit. */
static const struct {
	const char	*name;
	const char	*label;
	unsigned	 types;
	long		 max;
} kinds[AK__MAX] = {
	[AK_APPROVAL] = { "approval", "批复文件", DOCS, 10 * MB },
	[AK_LICENSE] = { "license", "法人资格证书/营业执照", DOCS, 10 * MB },
	[AK_AUTHORIZATION] = { "authorization", "单位绑定授权书", DOCS, 10 * MB },
	[AK_INVOICE_NOTE] = { "invoice_note", "开票说明", DOCS, 10 * MB },
	[AK_ROSTER] = { "roster", "职工名册", 1u << FT_XLSX, 20 * MB },
	[AK_IMPORT_RESULT] = { "import_result", "导入结果", 1u << FT_XLSX,
	    200 * MB },
	[AK_ENROLL_FORM] = { "enroll_form", "参保申请材料", DOCS, 10 * MB },
	[AK_VOUCHER] = { "voucher", "缴费凭证", DOCS, 10 * MB },
	[AK_ROSTER_SCAN] = { "roster_scan", "盖章参保花名册", DOCS, 20 * MB },
	[AK_PREMIUM_INVOICE] = { "premium_invoice", "发票", 1u << FT_PDF,
	    10 * MB },
	[AK_ID_FRONT] = { "id_front", "身份证人像面", DOCS, 10 * MB },
	[AK_ID_BACK] = { "id_back", "身份证国徽面", DOCS, 10 * MB },
	[AK_SETTLEMENT] = { "settlement", "费用结算单", DOCS, 10 * MB },
	[AK_RECEIPT] = { "receipt", "收费票据", DOCS, 10 * MB },
	[AK_DISCHARGE] = { "discharge", "出院记录", DOCS, 10 * MB },
	[AK_ADMISSION] = { "admission", "入院记录", DOCS, 10 * MB },
	[AK_SURGERY] = { "surgery", "手术记录", DOCS, 10 * MB },
	[AK_PATHOLOGY] = { "pathology", "病理报告", DOCS, 10 * MB },
	[AK_ACCIDENT] = { "accident", "事故证明及医疗材料", DOCS, 10 * MB },
	[AK_APPRAISAL] = { "appraisal", "伤残等级鉴定", DOCS, 10 * MB },
	[AK_DEATH_PROOF] = { "death_proof", "死亡证明或户口注销证明", DOCS,
	    10 * MB },
	[AK_INJURY] = { "injury", "工伤认定书", DOCS, 10 * MB },
	[AK_BANK_CARD] = { "bank_card", "银行卡", DOCS, 10 * MB },
	[AK_PAYEE_DOC] = { "payee_doc", "领款人证件及说明", DOCS, 10 * MB },
	[AK_PAYOUT_FILE] = { "payout_file", "打款文件", 1u << FT_XLSX, 200 * MB },
	[AK_BANK_RESULT] = { "bank_result", "银行回单", 1u << FT_XLSX, 50 * MB },
	[AK_COVER] = { "cover", "封面图片", IMAGES, 5 * MB },
	[AK_ARTICLE_IMAGE] = { "article_image", "正文图片", IMAGES, 5 * MB },
	[AK_BROCHURE] = { "brochure", "宣传手册", 1u << FT_PDF, 50 * MB },
	[AK_CHANGE_PROOF] = { "change_proof", "变更凭证", DOCS, 5 * MB },
};

static const char *const mimes[FT__MAX] = {
	[FT_JPG] = "image/jpeg",
	[FT_PNG] = "image/png",
	[FT_PDF] = "application/pdf",
	[FT_XLSX] =
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

enum stmt {
	STMT_ADD,
	STMT_GET,
	STMT_LATEST,
	STMT_LIST,
	STMT__MAX
};

#define COLS "SELECT id, kind, owner_type, owner_id, filename, store_name," \
	" mime, size, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM attachment"

static const char *const sql[STMT__MAX] = {
	[STMT_ADD] =
	    "INSERT INTO attachment (kind, owner_type, owner_id, filename,"
	    " store_name, mime, size, created_by_kind, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_GET] = COLS " WHERE id = ?",
	[STMT_LATEST] = COLS " WHERE owner_type = ? AND owner_id = ?"
	    " AND kind = ? ORDER BY id DESC LIMIT 1",
	[STMT_LIST] = COLS " WHERE owner_type = ? AND owner_id = ? ORDER BY id",
};

static const struct db_table tab = { DBM_STORE, sql, STMT__MAX };

const char *
store_kind_name(enum attach_kind k)
{
	return (unsigned)k < AK__MAX ? kinds[k].name : "";
}

const char *
store_kind_label(enum attach_kind k)
{
	return (unsigned)k < AK__MAX ? kinds[k].label : "";
}

enum file_type
store_sniff(const char *path)
{
	unsigned char b[8] = { 0 };
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return FT_NONE;
	n = read(fd, b, sizeof(b));
	close(fd);
	if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return FT_JPG;
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return FT_PNG;
	if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return FT_PDF;
	/* A zip; whether it is a workbook the reader decides. */
	if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
		return FT_XLSX;
	return FT_NONE;
}

char *
store_path(const struct attachment *a, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%.2s/%s", conf_str(CONF_STORE_DIR),
	    a->store_name, a->store_name);
	return buf;
}

/* Copy src to dst (when the temp dir is on another file system). */
static int
copy_file(const char *src, const char *dst)
{
	char buf[65536];
	ssize_t n;
	int in, out, ok = 1;

	if ((in = open(src, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	if ((out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640))
	    < 0) {
		close(in);
		return 0;
	}
	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, (size_t)n) == n;
	ok = ok && n == 0;
	if (close(out) != 0)
		ok = 0;
	close(in);
	if (!ok)
		unlink(dst);
	return ok;
}

/* Refusal messages: what the user can do about it. */
static const char *
refusal(enum attach_kind kind, enum file_type ft, long size)
{
	static char msg[200];

	if (size == 0)
		return "上传的文件是空的，请重新选择文件";
	if (!(kinds[kind].types & (1u << ft))) {
		if (kinds[kind].types == (1u << FT_XLSX))
			return "请上传 Excel 工作簿（.xlsx 格式）；.xls 或 CSV 文件"
			    "请先在 Excel 中另存为 .xlsx";
		if (kinds[kind].types == (1u << FT_PDF))
			return "只能上传 pdf 格式的文件（按文件内容识别，"
			    "改扩展名无效）";
		if (kinds[kind].types == IMAGES)
			return "只能上传 jpg 或 png 格式的图片（按文件内容识别，"
			    "改扩展名无效）";
		return "只能上传 jpg、png 或 pdf 格式的文件（按文件内容识别，"
		    "改扩展名无效）";
	}
	if (size > kinds[kind].max) {
		snprintf(msg, sizeof(msg), "文件超过 %ld MB，请压缩后重新上传",
		    kinds[kind].max / MB);
		return msg;
	}
	return NULL;
}

const char *
store_check(enum attach_kind kind, enum file_type ft, long size)
{
	if ((unsigned)kind >= AK__MAX || (unsigned)ft >= FT__MAX)
		return "无法识别的文件";
	return refusal(kind, ft, size);
}

int64_t
store_put(struct db *db, const struct upload *u, enum attach_kind kind,
    const char *owner_type, int64_t owner_id, int actor_kind, int64_t actor,
    const char **err)
{
	*err = NULL;
	if (u == NULL || u->path == NULL) {
		*err = "请选择要上传的文件";
		return 0;
	}
	return store_put_path(db, u->path, u->filename, kind, owner_type,
	    owner_id, actor_kind, actor, err);
}

int64_t
store_put_path(struct db *db, const char *src, const char *filename,
    enum attach_kind kind, const char *owner_type, int64_t owner_id,
    int actor_kind, int64_t actor, const char **err)
{
	struct attachment a;
	enum file_type ft;
	struct stat sb;
	char path[1024], dir[1024], name[4 * STORE_NAME_MAX + 1];

	*err = NULL;
	if ((unsigned)kind >= AK__MAX || stat(src, &sb) != 0)
		return 0;
	ft = store_sniff(src);
	if ((*err = refusal(kind, ft, (long)sb.st_size)) != NULL)
		return 0;
	memset(&a, 0, sizeof(a));
	if (!rand_hex(a.store_name, 32))
		return 0;
	snprintf(dir, sizeof(dir), "%s/%.2s", conf_str(CONF_STORE_DIR),
	    a.store_name);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		log_err("store: mkdir %s: %s", dir, strerror(errno));
		return 0;
	}
	store_path(&a, path, sizeof(path));
	if (link(src, path) != 0 && !copy_file(src, path)) {
		log_err("store: cannot keep %s: %s", path, strerror(errno));
		return 0;
	}
	/* A person's file name may be any length: keep what the column holds. */
	utf8_copy(name, sizeof(name), filename && *filename ? filename : "file",
	    STORE_NAME_MAX);
	if (db_exec(db, &tab, STMT_ADD, "ssisssiii", kinds[kind].name,
	    owner_type, owner_id, name,
	    a.store_name, mimes[ft], (int64_t)sb.st_size, (int64_t)actor_kind,
	    actor) != 1) {
		unlink(path);
		return 0;
	}
	return db_insert_id(db);
}

/* Fill *a from a COLS row. */
static void
attachment_row(struct db_res *r, struct attachment *a)
{
	const char *k = db_col(r, 1);
	int i;

	memset(a, 0, sizeof(*a));
	a->id = db_int(r, 0);
	a->kind = AK__MAX;
	for (i = 0; i < AK__MAX; i++)
		if (k && strcmp(k, kinds[i].name) == 0)
			a->kind = (enum attach_kind)i;
	snprintf(a->owner_type, sizeof(a->owner_type), "%s", db_col(r, 2));
	a->owner_id = db_int(r, 3);
	snprintf(a->filename, sizeof(a->filename), "%s", db_col(r, 4));
	snprintf(a->store_name, sizeof(a->store_name), "%s", db_col(r, 5));
	snprintf(a->mime, sizeof(a->mime), "%s", db_col(r, 6));
	a->size = db_int(r, 7);
	snprintf(a->created_at, sizeof(a->created_at), "%s", db_col(r, 8));
}

static int
attachment_one(struct db_res *r, struct attachment *a)
{
	int rc;

	if (r == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		attachment_row(r, a);
	db_done(r);
	return rc;
}

int
store_get(struct db *db, int64_t id, struct attachment *a)
{
	return attachment_one(db_query(db, &tab, STMT_GET, "i", id), a);
}

int
store_latest(struct db *db, const char *owner_type, int64_t owner_id,
    enum attach_kind kind, struct attachment *a)
{
	return attachment_one(db_query(db, &tab, STMT_LATEST, "sis",
	    owner_type, owner_id, store_kind_name(kind)), a);
}

/* RFC 5987 filename*: every byte outside a small safe set %-encoded. */
static void
pct_encode(const char *s, char *out, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	unsigned char c;

	for (; *s && o + 4 < size; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')
			out[o++] = (char)c;
		else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

/* Hand the file to nginx with `disposition` ("attachment", "inline"). */
static int
store_out(struct req *r, const struct attachment *a, const char *disposition)
{
	char raw[800 / 3], name[800], hdr[1200];

	/* Percent-encoding triples each byte: cut the name, not a character. */
	pct_encode(utf8_copy(raw, sizeof(raw), a->filename, SIZE_MAX), name,
	    sizeof(name));
	snprintf(hdr, sizeof(hdr),
	    "X-Accel-Redirect: /_files/%.2s/%s\r\n"
	    "Content-Disposition: %s; filename=\"file\";"
	    " filename*=UTF-8''%s\r\n", a->store_name, a->store_name,
	    disposition, name);
	req_head(r, 200, a->mime, hdr);
	return 200;
}

int
store_send(struct req *r, const struct attachment *a)
{
	return store_out(r, a, "attachment");
}

int
store_show(struct req *r, const struct attachment *a)
{
	/* Only what a browser shows without running it; the rest downloads. */
	if (strcmp(a->mime, "image/jpeg") != 0 &&
	    strcmp(a->mime, "image/png") != 0 &&
	    strcmp(a->mime, "application/pdf") != 0)
		return store_out(r, a, "attachment");
	return store_out(r, a, "inline");
}

int
store_list(struct db *db, const char *owner_type, int64_t owner_id,
    xmlNodePtr parent)
{
	struct db_res *res;
	struct attachment a;
	xmlNodePtr list, f;

	if ((res = db_query(db, &tab, STMT_LIST, "si", owner_type, owner_id))
	    == NULL)
		return 0;
	list = view_add(parent, "materials", NULL);
	while (db_next(res) == 1) {
		attachment_row(res, &a);
		f = view_add(list, "file", a.filename);
		view_attrf(f, "id", "%lld", (long long)a.id);
		view_attr(f, "kind", store_kind_name(a.kind));
		view_attr(f, "label", store_kind_label(a.kind));
		view_attr(f, "mime", a.mime);
		view_attr(f, "at", a.created_at);
		view_attrf(f, "kb", "%lld", (long long)((a.size + 1023) / 1024));
	}
	db_done(res);
	return 1;
}
