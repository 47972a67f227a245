/*
 * conf.h -- huzhu.conf: "key = value" lines, '#' comments.
 *
 * The file is found at $HUZHU_CONF, else SYSCONFDIR/huzhu.conf.  Every key
 * has a default in the table in conf.c, so a missing key is never NULL.
 */
#ifndef HZ_CONF_H
#define HZ_CONF_H

#include <stddef.h>

enum conf_key {
	CONF_DB_SOCKET,		/* MariaDB unix socket; empty means TCP */
	CONF_DB_HOST,
	CONF_DB_PORT,
	CONF_DB_USER,
	CONF_DB_PASSWORD,
	CONF_DB_NAME,
	CONF_DATA_DIR,		/* xslt/ and sql/ live here */
	CONF_STORE_DIR,		/* uploaded files, outside any web root */
	CONF_TMP_DIR,		/* multipart temp files, export scratch */
	CONF_LOG_FILE,		/* empty: stderr */
	CONF_SMS_URL,		/* gateway endpoint, see README "SMS gateway" */
	CONF_SMS_TOKEN,
	CONF_SMS_SIGN,		/* 【签名】 prefixed to every message */
	CONF_SECURE_COOKIES,	/* 1 when served over https */
	CONF_DEMO,		/* 1 on the private demo stack */
	CONF_SESSION_IDLE_MEMBER,	/* seconds */
	CONF_SESSION_IDLE_AGENT,
	CONF_SESSION_IDLE_OFFICE,
	CONF_FIGURES_EVERY,
	CONF_EPOCH_FILE,	/* shared change counter; empty: no caches */
	CONF_SMS_IP_QUIET,	/* codes per client address per 10 min before
				 * a picture challenge is asked */
	CONF_SMS_IP_10MIN,	/* codes per client address per 10 min */
	CONF_SMS_IP_DAY,	/* codes per client address per day */
	CONF_SMS_PER_MINUTE,	/* codes per minute, all clients together */
	CONF_LOGIN_FREE_ACCOUNT, /* failed sign-ins per account in 15 min
				 * before each try must wait */
	CONF_LOGIN_FREE_IP,	/* the same per client address */
	CONF_LOGIN_DELAY_MAX,	/* the longest wait, seconds */
	CONF_PAY_NAME,		/* 收款单位: the association's account */
	CONF_PAY_BANK,		/* 开户行 */
	CONF_PAY_ACCOUNT,	/* 账号 */
	CONF_PAY_DAYS,		/* days from 复审 to the payment's due date */
	CONF_ENROLL_SCAN,	/* 1: payment needs the stamped roster scan */
	CONF_RENEWAL_EVERY,	/* how often hz-jobs looks at 续保提醒, s */
	CONF_CLAIM_DEADLINE_DAYS, /* a claim is filed within this many days
				 * of discharge (or the event) */
	/* Recovery and WeChat (sql/025) */
	CONF_PUBLIC_URL,	/* https://host: links in mail and SMS, the
				 * WeChat redirect_uri */
	CONF_SMTP_URL,		/* smtp://host:port; empty: no e-mail */
	CONF_SMTP_FROM,		/* the sender's address */
	CONF_WX_APPID,		/* 微信网页授权; empty: not in WeChat */
	CONF_WX_SECRET,
	CONF_WX_AUTHORIZE_URL,
	CONF_WX_TOKEN_URL,
	CONF__MAX
};

/*
 * conf_load: read the configuration file (`path`, or NULL for the default
 * search).  A missing default file is fine (defaults apply); a missing
 * explicit file, an unknown key or a malformed line is an error.  Returns 1
 * on success, 0 with a message in `err`.
 */
int conf_load(const char *path, char *err, size_t errsz);

/* conf_parse: the same, from text in memory (used by conf_load and tests). */
int conf_parse(const char *text, char *err, size_t errsz);

/* The value of a key (never NULL), or as a number (0 if not numeric). */
const char *conf_str(enum conf_key k);
long conf_long(enum conf_key k);

/* conf_path: the path conf_load(NULL) uses. */
const char *conf_path(void);

#endif
