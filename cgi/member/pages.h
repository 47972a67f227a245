/*
 * pages.h -- hz-member, the member H5 portal (/m/).
 */
#ifndef HZ_MEMBER_PAGES_H
#define HZ_MEMBER_PAGES_H

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
int me_get(struct req *);		/* home.c: 个人中心 */
/* message.c: 站内信 */
int messages_get(struct req *);
int message_get(struct req *);

#endif
