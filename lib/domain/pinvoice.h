/*
 * pinvoice.h -- 发票: the premium invoices finance records against a
 * finished (已办结) enrolment application, each with its PDF, and that the
 * unit sees and downloads (Xiamen §三(五) 查看下载发票).
 *
 * Not the unit's 开票信息 (the title and tax number invoices are made out
 * to): that is invoice.h.
 */
#ifndef HZ_PINVOICE_H
#define HZ_PINVOICE_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;
struct upload;

/* An invoice as finance enters it (checked by the caller's form). */
struct pinvoice_new {
	int64_t	 enroll;		/* the application */
	char	 number[4 * 30 + 1];	/* 发票号码 */
	char	 issued_on[11];		/* 开票日期, YYYY-MM-DD */
	int64_t	 amount;		/* fen */
};

/*
 * pinvoice_check: the rules of *v that need no database, a field at a
 * time, so a form can say them all at once: rf[PV_NUMBER] RF_PINV_NUMBER
 * (not 8 to 20 digits), rf[PV_ISSUED] RF_PINV_FUTURE (after today),
 * rf[PV_AMOUNT] RF_PINV_AMOUNT (not above 0), each RF_OK when fine.
 * Returns how many were refused.  pinvoice_record() applies them too.
 */
enum pinvoice_field { PV_NUMBER, PV_ISSUED, PV_AMOUNT, PV__MAX };
int pinvoice_check(const struct pinvoice_new *v, enum refusal rf[PV__MAX]);

/*
 * pinvoice_record: `by` (finance) records invoice *v with its PDF `pdf`
 * (an upload; its type decided by its bytes).  Invoice row, file and audit
 * row ("pinvoice.record") are one transaction; the application's row is
 * locked first, so two recordings against one application run one after
 * the other.  Returns RF_OK with *id set; RF_PINV_NO_APP; RF_PINV_NOT_DONE
 * (the application is not 已办结); RF_PINV_NUMBER (not 8 to 20 digits);
 * RF_PINV_NUMBER_TAKEN; RF_PINV_AMOUNT (not above 0); RF_PINV_OVER (the
 * application's invoices would add up to more than it paid, *over the
 * amount left, "1,200.00"); RF_PINV_FUTURE (dated after today); RF_FILE
 * with *why the store's sentence (no file, not a PDF, too large); RF_DB.
 */
enum refusal pinvoice_record(struct db *db, const struct actor *by,
    const struct pinvoice_new *v, const struct upload *pdf,
    int64_t *id, const char **why, char over[32]);

/*
 * pinvoice_of_unit: a page of the unit's invoices, newest first; columns
 * in enum pinvoice_col.  pinvoice_count_unit: how many (-1 on error).
 * NULL on a database error; free with db_done().
 */
enum pinvoice_col {
	PI_ID, PI_NUMBER, PI_ISSUED, PI_AMOUNT, PI_NO, PI_PLAN, PI_STARTS,
	PI_ENDS, PI_FILE, PI__MAX
};
struct db_res *pinvoice_of_unit(struct db *db, int64_t unit, int64_t offset,
    int64_t limit);
int64_t pinvoice_count_unit(struct db *db, int64_t unit);

/* pinvoice_of_enroll: the invoices of one application (same columns),
 * oldest first.  NULL on a database error. */
struct db_res *pinvoice_of_enroll(struct db *db, int64_t enroll);

/*
 * The applications finance invoices: 已办结 ones, newest first, matching
 * `q` (an application number, or part of the unit's name; "" for all),
 * only application `enroll` when not 0, only those without an invoice yet
 * when `pending`.  Columns in enum pinvoice_app_col; NULL on a database
 * error.  pinvoice_apps_count: how many (-1 on error).
 */
enum pinvoice_app_col {
	PA_ID, PA_NO, PA_UNIT, PA_PLAN, PA_STARTS, PA_ENDS, PA_HEADCOUNT,
	PA_PAID, PA_INVOICED, PA_INVOICES, PA__MAX
};
struct db_res *pinvoice_apps(struct db *db, const char *q, int64_t enroll,
    int pending, int64_t offset, int64_t limit);
int64_t pinvoice_apps_count(struct db *db, const char *q, int64_t enroll,
    int pending);

/*
 * pinvoice_attachment: the attachment id of invoice `id`'s PDF, when the
 * invoice belongs to `unit` (0: any unit, the office).  Returns 1 with
 * *attachment set, 0 when there is no such invoice there or it has no
 * file, -1 on a database error.  Who may see the file is files.h's rule
 * (file_for_agent, file_for_office), which the caller asks next.
 */
int pinvoice_attachment(struct db *db, int64_t id, int64_t unit,
    int64_t *attachment);

#endif
