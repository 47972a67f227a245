/*
 * pages.h -- hz-office, the association's back office (/o/).
 */
#ifndef HZ_OFFICE_PAGES_H
#define HZ_OFFICE_PAGES_H

struct req;

enum sheet {
	SHEET_ERROR,	/* always first */
	SHEET_LOGIN,
	SHEET_HOME,
	SHEET_USERS,
	SHEET_QUEUE,
	SHEET_ORGAPP,
	SHEET__MAX
};

int login_get(struct req *);
int login_post(struct req *);
int logout_post(struct req *);
int home_get(struct req *);
int users_get(struct req *);
int users_post(struct req *);
int users_roles_post(struct req *);

/* review.c */
int queue_get(struct req *);
int orgapp_review_get(struct req *);
int orgapp_decide_post(struct req *);
int file_get(struct req *);

#endif
