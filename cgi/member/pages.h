/*
 * pages.h -- hz-member, the member H5 portal (/m/).
 */
#ifndef HZ_MEMBER_PAGES_H
#define HZ_MEMBER_PAGES_H

#include <stdint.h>

struct req;

/* Stylesheets, indexed as in main.c's sheets[]. */
enum sheet {
	SHEET_ERROR,	/* always first: req_error_page() uses 0 */
	SHEET_BIND,
	SHEET_HOME,
	SHEET_COVERAGE,
	SHEET_CLAIMS,
	SHEET_CLAIM,
	SHEET_CLAIM_FORM,
	SHEET_ARTICLES,
	SHEET_ARTICLE,
	SHEET_TEXT,
	SHEET_CONSENT,
	SHEET_WITHDRAW,
	SHEET_CHANGES,
	SHEET_CHANGE,
	SHEET_CHANGE_FORM,
	SHEET_MESSAGES,		/* 站内信: the list and one message */
	SHEET_ME,		/* 个人中心 */
	SHEET__MAX
};

int bind_get(struct req *);
int bind_post(struct req *);
int home_get(struct req *);
int logout_post(struct req *);
int coverage_get(struct req *);		/* coverage.c: 职工参保 */
/* claim.c: 补助申请 */
int claims_get(struct req *);
int claim_new_post(struct req *);
int claim_get_page(struct req *);
int claim_step_get(struct req *);
int claim_step_post(struct req *);
int claim_delete_post(struct req *);
int claim_correct_get(struct req *);
int claim_correct_post(struct req *);
int claim_file_get(struct req *);
/* article.c: 公告通知, 工会资讯, 宣传手册, 隐私协议 / 服务声明, 同意 */
int notices_get(struct req *);
int news_get(struct req *);
int article_get(struct req *);
int article_image_get(struct req *);
int brochure_get(struct req *);
int privacy_get(struct req *);
int terms_get(struct req *);
int consent_get(struct req *);
int consent_post(struct req *);
int withdraw_get(struct req *);
int withdraw_post(struct req *);
/* change.c: 个人信息变更 (one request's pages: ../changepage.h) */
#include "../changepage.h"
int changes_get(struct req *);
int change_new_get(struct req *);
int change_new_post(struct req *);
int me_get(struct req *);		/* home.c: 个人中心 */
/* message.c: 站内信 */
int messages_get(struct req *);
int message_get(struct req *);

/* wx.c: 微信网页授权 */
int wx_get(struct req *);
int wx_bind_detour(struct req *);	/* redirect status, 0, or 500 */
int wx_bind_done(struct req *, int64_t member);	/* 1/0 */

#endif
