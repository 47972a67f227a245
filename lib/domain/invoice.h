/*
 * invoice.h -- 开票信息: exactly one per unit, editable by its agents;
 * where several invoice titles are needed, an attachment explains.
 */
#ifndef HZ_INVOICE_H
#define HZ_INVOICE_H

#include <stdint.h>

struct db;

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

/* invoice_save: insert or replace the unit's one row.  Returns 1/0. */
int invoice_save(struct db *db, const struct invoice *v);

#endif
