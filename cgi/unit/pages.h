/*
 * pages.h -- hz-unit, the unit agent portal (/u/).
 */
#ifndef HZ_UNIT_PAGES_H
#define HZ_UNIT_PAGES_H

#include <stdint.h>

struct req;

enum sheet {
	SHEET_ERROR,	/* always first */
	SHEET_LOGIN,
	SHEET_PROFILE,
	SHEET_HOME,
	SHEET_PASSWORD,
	SHEET_FORGOT,
	SHEET_UNITS,
	SHEET_ORGAPP,
	SHEET_PROMISE,
	SHEET_ROSTER,
	SHEET_MEMBER_FORM,
	SHEET_IMPORT,
	SHEET_STAFF,
	SHEET_INVOICE,
	SHEET_TRANSFER,
	SHEET_MOVE,
	SHEET_ENROLL,
	SHEET_COVERAGE,
	SHEET_PINVOICES,
	SHEET_RENEWAL,
	SHEET_CLAIM,
	SHEET_CHANGES,
	SHEET_CHANGE,
	SHEET_CHANGE_FORM,
	SHEET_MESSAGES,		/* 站内信: the list and one message */
	SHEET_RECOVER,	/* recovery: e-mail link, set a new password */
	SHEET_APPEAL,	/* recovery: 申诉 */
	SHEET__MAX
};

int login_get(struct req *);
int login_sms_post(struct req *);
int login_password_post(struct req *);
int logout_post(struct req *);
int forgot_get(struct req *);
int forgot_post(struct req *);
int profile_get(struct req *);
int profile_post(struct req *);
int password_get(struct req *);
int password_post(struct req *);
int home_get(struct req *);
/* message.c: 站内信 */
int messages_get(struct req *);
int message_get(struct req *);

/* units.c */
int units_add(struct req *);	/* <units> for home and 单位信息管理; 1/0 */
int units_get(struct req *);

/* orgapp.c: 单位注册 / 编辑 */
int orgapp_new_get(struct req *);
int orgapp_get_page(struct req *);
int orgapp_save_post(struct req *);
int orgapp_upload_post(struct req *);
int orgapp_lineage_post(struct req *);
int orgapp_promise_get(struct req *);
int orgapp_submit_post(struct req *);
int orgapp_cancel_post(struct req *);
int orgapp_edit_post(struct req *);
int orgapp_file_get(struct req *);

/* roster.c: 职工名册 */
int aid_unit(struct req *, int64_t *unit);	/* 0, or the refusal's status */
int roster_get(struct req *);
int roster_page(struct req *, int64_t unit);	/* the list; status */
int roster_add_get(struct req *);
int roster_add_post(struct req *);
int roster_member_get(struct req *);
int roster_member_post(struct req *);
int roster_remove_post(struct req *);
int roster_template_get(struct req *);
int roster_export_get(struct req *);

/* import.c: 导入职工信息 */
int import_post(struct req *);
int import_get_page(struct req *);
int import_result_get(struct req *);

/* staff.c: 工作人员 (chairman only) */
int staff_get(struct req *);
int staff_add_post(struct req *);
int staff_grant_post(struct req *);
int staff_remove_post(struct req *);

/* invoice.c: 开票信息 */
int invoice_get_page(struct req *);
int invoice_post(struct req *);
int invoice_file_get(struct req *);

/* transfer.c: 单位绑定 */
int transfer_get_page(struct req *);
int transfer_new_post(struct req *);
int transfer_upload_post(struct req *);
int transfer_submit_post(struct req *);
int transfer_cancel_post(struct req *);
int transfer_letter_get(struct req *);
int transfer_file_get(struct req *);

/* move.c: 会籍变更 */
int move_get_page(struct req *);
int move_post(struct req *);

/* enroll.c: 参保申请 */
int enroll_get_page(struct req *);
int enroll_new_post(struct req *);
int enroll_terms_post(struct req *);
int enroll_account_post(struct req *);
int enroll_account_remove_post(struct req *);
int enroll_unlist_post(struct req *);
int enroll_import_post(struct req *);
int enroll_pick_get(struct req *);
int enroll_pick_post(struct req *);
int enroll_upload_post(struct req *);
int enroll_submit_post(struct req *);
int enroll_cancel_post(struct req *);
int enroll_pay_post(struct req *);
int enroll_pay_submit_post(struct req *);
int enroll_xlsx_get(struct req *);
int enroll_file_get(struct req *);
/* coverage.c: 参保记录, 发票管理 */
int coverage_get(struct req *);
int pinvoices_get(struct req *);
int pinvoice_file_get(struct req *);
/* renewal.c: 续保提醒 */
int renewal_get(struct req *);
int renewal_xlsx_get(struct req *);

/* claim.c: 补助申请 (代他人办理, 基层审核) */
int claims_get(struct req *);
int claim_get_page(struct req *);
int claim_new_post(struct req *);
int claim_event_post(struct req *);
int claim_payee_post(struct req *);
int claim_correct_post(struct req *);
int claim_upload_post(struct req *);
int claim_step_post(struct req *);
int claim_file_get(struct req *);
int claim_records_page(struct req *);

/* change.c: 个人信息变更 (one request's pages: ../changepage.h) */
#include "../changepage.h"
int changes_get(struct req *);
int change_new_get(struct req *);
int change_new_post(struct req *);
/* recover.c: 找回密码 by e-mail link and by 申诉; the account's e-mail */
int forgot_mail_get(struct req *);
int forgot_mail_post(struct req *);
int recover_reset_get(struct req *);
int recover_reset_post(struct req *);
int account_email_post(struct req *);
int account_email_view(struct req *);	/* <email> on 账号; 1/0 */
/* appeal.c: 申诉 */
int appeal_get(struct req *);
int appeal_post(struct req *);

#endif
