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
	SHEET__MAX
};

int bind_get(struct req *);
int bind_post(struct req *);
int home_get(struct req *);
int logout_post(struct req *);
int coverage_get(struct req *);		/* coverage.c: 职工参保 */

#endif
