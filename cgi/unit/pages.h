/*
 * pages.h -- hz-unit, the unit agent portal (/u/).
 */
#ifndef HZ_UNIT_PAGES_H
#define HZ_UNIT_PAGES_H

struct req;

enum sheet {
	SHEET_ERROR,	/* always first */
	SHEET_LOGIN,
	SHEET_PROFILE,
	SHEET_HOME,
	SHEET_PASSWORD,
	SHEET_FORGOT,
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

#endif
