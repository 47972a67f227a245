/*
 * conf.c -- the configuration table and its parser.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"

struct conf_def {
	const char	*name;
	const char	*dflt;
};

/* Indexed by enum conf_key; the defaults suit a packaged install. */
static const struct conf_def defs[CONF__MAX] = {
	[CONF_DB_SOCKET] =	{ "db_socket", "/run/mysqld/mysqld.sock" },
	[CONF_DB_HOST] =	{ "db_host", "localhost" },
	[CONF_DB_PORT] =	{ "db_port", "3306" },
	[CONF_DB_USER] =	{ "db_user", "huzhu" },
	[CONF_DB_PASSWORD] =	{ "db_password", "" },
	[CONF_DB_NAME] =	{ "db_name", "huzhu" },
	[CONF_DATA_DIR] =	{ "data_dir", HZ_DATADIR },
	[CONF_STORE_DIR] =	{ "store_dir", "/var/lib/huzhu/store" },
	[CONF_TMP_DIR] =	{ "tmp_dir", "/var/lib/huzhu/tmp" },
	[CONF_LOG_FILE] =	{ "log_file", "" },
	[CONF_SMS_URL] =	{ "sms_url", "" },
	[CONF_SMS_TOKEN] =	{ "sms_token", "" },
	[CONF_SMS_SIGN] =	{ "sms_sign", "【职工互助】" },
	[CONF_SECURE_COOKIES] =	{ "secure_cookies", "1" },
	[CONF_DEMO] =		{ "demo", "0" },
	[CONF_SESSION_IDLE_MEMBER] = { "session_idle_member", "2592000" },
	[CONF_SESSION_IDLE_AGENT] =  { "session_idle_agent", "7200" },
	[CONF_SESSION_IDLE_OFFICE] = { "session_idle_office", "1800" },
	[CONF_FIGURES_EVERY] =	{ "figures_every", "60" },	/* seconds */
	/* Off unless set: a multi-host install must not share it by mistake. */
	[CONF_EPOCH_FILE] =	{ "epoch_file", "" },
	/* SMS and sign-in limits: README "Security". */
	[CONF_SMS_IP_QUIET] =	{ "sms_ip_quiet", "3" },
	[CONF_SMS_IP_10MIN] =	{ "sms_ip_per_10min", "10" },
	[CONF_SMS_IP_DAY] =	{ "sms_ip_per_day", "30" },
	[CONF_SMS_PER_MINUTE] =	{ "sms_per_minute", "300" },
	[CONF_LOGIN_FREE_ACCOUNT] = { "login_free_account", "5" },
	[CONF_LOGIN_FREE_IP] =	{ "login_free_ip", "20" },
	[CONF_LOGIN_DELAY_MAX] = { "login_delay_max", "300" },
	[CONF_PAY_NAME] =	{ "pay_name", "职工互助保障协会" },
	[CONF_PAY_BANK] =	{ "pay_bank", "" },
	[CONF_PAY_ACCOUNT] =	{ "pay_account", "" },
	[CONF_PAY_DAYS] =	{ "pay_days", "15" },
	[CONF_ENROLL_SCAN] =	{ "enroll_scan", "0" },
	[CONF_RENEWAL_EVERY] =	{ "renewal_every", "60" },	/* seconds */
	[CONF_CLAIM_DEADLINE_DAYS] = { "claim_deadline_days", "365" },
	/* Recovery and WeChat: off unless set. */
	[CONF_PUBLIC_URL] =	{ "public_url", "" },
	[CONF_SMTP_URL] =	{ "smtp_url", "" },
	[CONF_SMTP_FROM] =	{ "smtp_from", "noreply@localhost" },
	[CONF_WX_APPID] =	{ "wx_appid", "" },
	[CONF_WX_SECRET] =	{ "wx_secret", "" },
	[CONF_WX_AUTHORIZE_URL] = { "wx_authorize_url",
	    "https://open.weixin.qq.com/connect/oauth2/authorize" },
	[CONF_WX_TOKEN_URL] =	{ "wx_token_url",
	    "https://api.weixin.qq.com/sns/oauth2/access_token" },
};

static char *vals[CONF__MAX];

const char *
conf_str(enum conf_key k)
{
	return vals[k] ? vals[k] : defs[k].dflt;
}

long
conf_long(enum conf_key k)
{
	return strtol(conf_str(k), NULL, 10);
}

const char *
conf_path(void)
{
	const char *p = getenv("HUZHU_CONF");

	return p && *p ? p : HZ_SYSCONFDIR "/huzhu.conf";
}

/* Trim ASCII blanks in place at both ends; returns the new start. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int
conf_parse(const char *text, char *err, size_t errsz)
{
	char *copy, *line, *next, *eq, *key, *val;
	int lineno = 0, k;

	if ((copy = strdup(text)) == NULL) {
		snprintf(err, errsz, "out of memory");
		return 0;
	}
	for (line = copy; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			snprintf(err, errsz, "line %d: expected key = value", lineno);
			free(copy);
			return 0;
		}
		*eq = '\0';
		key = trim(key);
		val = trim(eq + 1);
		for (k = 0; k < CONF__MAX; k++)
			if (strcmp(defs[k].name, key) == 0)
				break;
		if (k == CONF__MAX) {
			snprintf(err, errsz, "line %d: unknown key '%s'", lineno, key);
			free(copy);
			return 0;
		}
		free(vals[k]);
		if ((vals[k] = strdup(val)) == NULL) {
			snprintf(err, errsz, "out of memory");
			free(copy);
			return 0;
		}
	}
	free(copy);
	return 1;
}

int
conf_load(const char *path, char *err, size_t errsz)
{
	const char *p = path ? path : conf_path();
	FILE *f;
	char *buf;
	long n;
	int rc;

	if ((f = fopen(p, "r")) == NULL) {
		if (errno == ENOENT && path == NULL && getenv("HUZHU_CONF") == NULL)
			return 1;
		snprintf(err, errsz, "%s: %s", p, strerror(errno));
		return 0;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > 65536 ||
	    fseek(f, 0, SEEK_SET) != 0 || (buf = calloc(1, n + 1)) == NULL) {
		snprintf(err, errsz, "%s: unreadable or too large", p);
		fclose(f);
		return 0;
	}
	if (fread(buf, 1, n, f) != (size_t)n) {
		snprintf(err, errsz, "%s: read error", p);
		free(buf);
		fclose(f);
		return 0;
	}
	fclose(f);
	rc = conf_parse(buf, err, errsz);
	if (!rc) {
		/* Prefix the file name so the operator knows where to look. */
		char tmp[256];

		snprintf(tmp, sizeof(tmp), "%s", err);
		snprintf(err, errsz, "%s: %s", p, tmp);
	}
	free(buf);
	return rc;
}
