/*
 * invoice.h -- 开票信息: exactly one per unit, editable by its agents;
 * where several invoice titles are needed, an attachment explains.
 */
#ifndef HZ_INVOICE_H
#define HZ_INVOICE_H

#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct upload;

struct invoice {
	int64_t	 unit_id;
	char	 title[4 * 120 + 1];	/* 发票抬头 */
	char	 tax_no[24];	/* 纳税人识别号 */
	char	 address[4 * 200 + 1];
	char	 phone[4 * 30 + 1];
	char	 bank[4 * 120 + 1];
	char	 account[48];
	int	 several;	/* 多个户头 */
	char	 updated_at[20];
};

/* invoice_get: 1 with *v filled, 0 if the unit has none, -1 on error. */
int invoice_get(struct db *db, int64_t unit, struct invoice *v);

/*
 * invoice_save: `by` (an agent with 医疗互助 in the unit) sets the unit's
 * one row, with the note `note` (an upload, may be NULL or empty) that
 * lists the titles when there are several: a new note is kept
 * (store_put), and several titles need a note, new or kept from before
 * (RF_INVOICE_NOTE).  Row, note and audit row are one transaction.
 * Returns RF_OK; RF_FILE with *why the store's sentence when the note is
 * refused (type, size); RF_INVOICE_NOTE; or RF_DB.
 */
enum refusal invoice_save(struct db *db, const struct actor *by,
    const struct invoice *v, const struct upload *note, const char **why);

#endif
