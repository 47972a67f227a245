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

/* wx.c: 微信网页授权 */
int wx_get(struct req *);
int wx_bind_detour(struct req *);	/* redirect status, 0, or 500 */
int wx_bind_done(struct req *, int64_t member);	/* 1/0 */

#endif
