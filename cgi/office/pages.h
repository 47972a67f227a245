/*
 * pages.h -- hz-office, the association's back office (/o/).
 */
#ifndef HZ_OFFICE_PAGES_H
#define HZ_OFFICE_PAGES_H

#include <libxml/tree.h>

#include "flow.h"

struct field;

struct req;

enum sheet {
	SHEET_ERROR,	/* always first */
	SHEET_LOGIN,
	SHEET_HOME,
	SHEET_USERS,
	SHEET_QUEUE,
	SHEET_REVIEW,
	SHEET_REASONS,
	SHEET_ORGS,
	SHEET_SEARCH,
	SHEET_COVERAGE,
	SHEET_INVOICES,
	SHEET_PLANS,
	SHEET_PLAN,
	SHEET_PLAN_FORM,
	SHEET_CLAIMS,
	SHEET_CLAIM_REGIONS,
	SHEET_PAYOUTS,
	SHEET_PAYOUT_NEW,
	SHEET_PAYOUT,
	SHEET_ARTICLES,
	SHEET_ARTICLE_FORM,
	SHEET_TEXTS,
	SHEET_BROCHURE,
	SHEET__MAX
};

int login_get(struct req *);
int login_post(struct req *);
int logout_post(struct req *);
int home_get(struct req *);
int users_get(struct req *);
int users_post(struct req *);
int users_roles_post(struct req *);

/* desk.c: the review desk */
int queue_get(struct req *);
int review_get(struct req *);
int review_post(struct req *);
int reasons_get(struct req *);
int reasons_post(struct req *);
int file_get(struct req *);
/* the addresses each type's page had before the desk */
int orgapp_review_get(struct req *);
int orgapp_decide_post(struct req *);
int transfer_review_get(struct req *);
int transfer_decide_post(struct req *);
int move_review_get(struct req *);
int move_decide_post(struct req *);
/* desk_page: the review page of item (type, id), with what the form
 * said (a type's own form re-rendered on a refusal). */
int desk_page(struct req *, const struct flow_type *, int64_t id);
/* The decision form's 退回原因, shared by every review page (max: the
 * column flow_step.reason). */
extern const struct field reason_field;

/* orgs.c: 组织架构 (admin) and 查询 */
int orgs_get(struct req *);
int orgs_add_post(struct req *);
int orgs_rename_post(struct req *);
int search_get(struct req *);

/* records.c: 参保记录 and 发票 */
int coverage_get(struct req *);
int invoices_get(struct req *);
int invoices_post(struct req *);
int invoice_file_get(struct req *);
/* claims.c: 补助申请 — review1's figures */
int claim_figures_post(struct req *);
int claim_records_get(struct req *);
/* plans.c: 保障计划 (admin) */
int plans_get(struct req *);
int plan_new_get(struct req *);
int plan_new_post(struct req *);
int plan_get(struct req *);
int plan_edit_get(struct req *);
int plan_edit_post(struct req *);
int plan_active_post(struct req *);
/* claimregions.c: 补助申请设置 per district (admin) */
int claim_regions_get(struct req *);
int claim_regions_post(struct req *);
/* payout.c: 打款管理 (finance) */
int payouts_get(struct req *);
int payout_new_get(struct req *);
int payout_new_post(struct req *);
int payout_batch_get(struct req *);
int payout_file_get(struct req *);
int payout_import_post(struct req *);
int payout_record_post(struct req *);
int payout_return_post(struct req *);

/* articles.c: the editor's 公告与资讯, 协议文本, 宣传手册 */
int articles_get(struct req *);
int article_new_get(struct req *);
int article_new_post(struct req *);
int article_edit_get(struct req *);
int article_edit_post(struct req *);
int article_publish_post(struct req *);
int article_withdraw_post(struct req *);
int article_image_get(struct req *);
int texts_get(struct req *);
int texts_post(struct req *);
int brochure_get(struct req *);
int brochure_post(struct req *);
int brochure_file_get(struct req *);

#endif
