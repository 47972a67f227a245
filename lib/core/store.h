/*
 * store.h -- uploaded files (附件/材料).
 *
 * Bytes live in store_dir under a random 64-hex name, outside any web
 * root; the attachment table keeps what they are and whose.  The type is
 * decided by the first bytes, never by the name or the browser's word.
 * Files leave only through store_send(): the caller has checked the
 * viewer's right, nginx streams the file from its `internal` location.
 */
#ifndef HZ_STORE_H
#define HZ_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

struct db;
struct req;
struct upload;

/* What a file is for; each kind has its accepted types and size limit. */
enum attach_kind {
	AK_APPROVAL,		/* 批复文件 */
	AK_LICENSE,		/* 工会法人资格证书 / 营业执照 */
	AK_AUTHORIZATION,	/* 单位绑定授权书 */
	AK_INVOICE_NOTE,	/* 多个开票户头的说明 */
	AK_ROSTER,		/* 职工名册 .xlsx */
	AK_IMPORT_RESULT,	/* 导入结果 .xlsx, made by the system */
	AK_ENROLL_FORM,		/* 参保申请材料 */
	AK_VOUCHER,		/* 缴费凭证 */
	AK_ROSTER_SCAN,		/* 盖章的参保花名册 */
	AK_PREMIUM_INVOICE,	/* 保费发票 (PDF), recorded by finance */
	/* 补助申请的材料 (SPEC §6) */
	AK_ID_FRONT,		/* 身份证人像面 */
	AK_ID_BACK,		/* 身份证国徽面 */
	AK_SETTLEMENT,		/* 费用结算单 */
	AK_RECEIPT,		/* 收费票据 */
	AK_DISCHARGE,		/* 出院记录 / 出院小结 */
	AK_ADMISSION,		/* 入院记录 */
	AK_SURGERY,		/* 手术记录 */
	AK_PATHOLOGY,		/* 病理报告 */
	AK_ACCIDENT,		/* 事故经过证明及医疗材料 */
	AK_APPRAISAL,		/* 伤残等级鉴定 */
	AK_DEATH_PROOF,		/* 死亡证明或户口注销证明 */
	AK_INJURY,		/* 工伤认定书 */
	AK_BANK_CARD,		/* 银行卡 */
	AK_PAYEE_DOC,		/* 领款人证件及关系证明 */
	/* 打款 (payout.c), finance's own */
	AK_PAYOUT_FILE,		/* 打款文件 .xlsx, made by the system */
	AK_BANK_RESULT,		/* 银行回单 .xlsx, the bank's result */
	/* 公告、资讯、宣传手册 (article.c), the editor's */
	AK_COVER,		/* 封面图片 */
	AK_ARTICLE_IMAGE,	/* 正文图片 */
	AK_BROCHURE,		/* 宣传手册 (PDF) */
	/* 个人信息变更 (change.c) */
	AK_CHANGE_PROOF,	/* 变更凭证: 证件或证明的照片或 PDF */
	AK__MAX
};

enum file_type { FT_NONE, FT_JPG, FT_PNG, FT_PDF, FT_XLSX, FT__MAX };

/* A stored file name keeps at most this many characters (the column). */
#define STORE_NAME_MAX	200

struct attachment {
	int64_t		 id;
	enum attach_kind kind;
	char		 owner_type[32];
	int64_t		 owner_id;
	char		 filename[4 * STORE_NAME_MAX + 1];
	char		 store_name[65];
	char		 mime[128];	/* the column holds 100; xlsx's is 65 */
	int64_t		 size;
	char		 created_at[20];
};

/* store_sniff: the type of the file at `path` by its first bytes. */
enum file_type store_sniff(const char *path);

/*
 * store_check: why a file of type `ft` and `size` bytes cannot be kept as
 * `kind` (a Chinese sentence, static), or NULL when it can.  The type is
 * named before the size; a kind's size limit itself is allowed.
 */
const char *store_check(enum attach_kind kind, enum file_type ft, long size);

/* store_kind_name: "approval", ... (the attachment.kind column). */
const char *store_kind_name(enum attach_kind k);
const char *store_kind_label(enum attach_kind k);	/* 批复文件 */

/*
 * store_put: check an upload against its kind (type by content, size),
 * move it into the store and record it for (owner_type, owner_id), in the
 * caller's transaction.  Returns the attachment id; 0 with *err set to a
 * Chinese sentence when the file is refused, or to NULL on a system error.
 */
int64_t store_put(struct db *db, const struct upload *u, enum attach_kind kind,
    const char *owner_type, int64_t owner_id, int actor_kind, int64_t actor,
    const char **err);

/*
 * store_put_path: the same for a file at `path` (the upload's temp file,
 * or a workbook the system made); `filename` is the name shown.
 */
int64_t store_put_path(struct db *db, const char *path, const char *filename,
    enum attach_kind kind, const char *owner_type, int64_t owner_id,
    int actor_kind, int64_t actor, const char **err);

/* store_get: attachment `id`.  Returns 1 with *a filled, 0 if none, -1 on
 * a database error. */
int store_get(struct db *db, int64_t id, struct attachment *a);

/*
 * store_latest: the newest attachment of `kind` for an owner.  Returns
 * 1/0/-1 as store_get.
 */
int store_latest(struct db *db, const char *owner_type, int64_t owner_id,
    enum attach_kind kind, struct attachment *a);

/*
 * store_list: add <materials><file id kind label at size>name</file>...
 * </materials> under `parent` for every attachment of the owner, oldest
 * first.  Returns 1, 0 on a database error.
 */
int store_list(struct db *db, const char *owner_type, int64_t owner_id,
    xmlNodePtr parent);

/* store_path: the file's path in the store (for readers such as the
 * roster import).  Writes into buf; returns buf. */
char *store_path(const struct attachment *a, char *buf, size_t size);

/*
 * store_send: answer with the file as a download (X-Accel-Redirect to the
 * `internal` location /_files/, Content-Disposition attachment, nosniff).
 * The caller has already checked the viewer's right.  Returns 200.
 */
int store_send(struct req *r, const struct attachment *a);

/* store_show: the same, shown in the page (inline) when it is an image or
 * a PDF, for the review desk's preview; anything else downloads. */
int store_show(struct req *r, const struct attachment *a);

#endif
