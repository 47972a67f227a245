/*
 * wx.c -- 微信网页授权: the authorize URL, the code-for-openid exchange
 * over libcurl, and the openid kept with the member's binding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "kind.h"
#include "log.h"
#include "rand.h"
#include "wx.h"

enum stmt {
	STMT_MEMBER_OF,
	STMT_PENDING_NEW,
	STMT_PENDING_GET,
	STMT_PENDING_DEL,
	STMT_OPENID_FREE,
	STMT_OPENID_SET,
	STMT_OPENID_DROP,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_MEMBER_OF] =
	    "SELECT member_id FROM member_bind WHERE openid = ?",
	[STMT_PENDING_NEW] =
	    "INSERT INTO wx_pending (token_hash, openid, expires_at)"
	    " VALUES (UNHEX(SHA2(?, 256)), ?, NOW() + INTERVAL 30 MINUTE)",
	[STMT_PENDING_GET] =
	    "SELECT openid FROM wx_pending WHERE token_hash ="
	    " UNHEX(SHA2(?, 256)) AND expires_at > NOW()",
	/* The used one, and any long expired. */
	[STMT_PENDING_DEL] =
	    "DELETE FROM wx_pending WHERE token_hash = UNHEX(SHA2(?, 256))"
	    " OR expires_at < NOW() - INTERVAL 1 DAY",
	[STMT_OPENID_FREE] =
	    "UPDATE member_bind SET openid = NULL WHERE openid = ?"
	    " AND member_id <> ?",
	[STMT_OPENID_SET] =
	    "UPDATE member_bind SET openid = ? WHERE member_id = ?",
	[STMT_OPENID_DROP] =
	    "UPDATE member_bind SET openid = NULL WHERE member_id = ?"
	    " AND openid IS NOT NULL",
};

static const struct db_table tab = { DBM_WX, sql, STMT__MAX };

int
wx_on(void)
{
	return *conf_str(CONF_WX_APPID) != '\0';
}

int
wx_wanted(const char *ua)
{
	return wx_on() && ua != NULL && strstr(ua, "MicroMessenger") != NULL;
}

void
wx_authorize_url(const char *state, char *out, size_t outsz)
{
	char back[512];
	char *esc;

	snprintf(back, sizeof(back), "%s/m/wx", conf_str(CONF_PUBLIC_URL));
	esc = curl_easy_escape(NULL, back, 0);
	snprintf(out, outsz, "%s?appid=%s&redirect_uri=%s&response_type=code"
	    "&scope=snsapi_base&state=%s#wechat_redirect",
	    conf_str(CONF_WX_AUTHORIZE_URL), conf_str(CONF_WX_APPID),
	    esc ? esc : "", state);
	curl_free(esc);
}

/* The answer's body, up to 8 KiB. */
struct body {
	char	 buf[8192];
	size_t	 len;
};

static size_t
body_write(char *p, size_t sz, size_t n, void *u)
{
	struct body *b = u;
	size_t k = sz * n;

	if (k > sizeof(b->buf) - 1 - b->len)
		k = sizeof(b->buf) - 1 - b->len;
	memcpy(b->buf + b->len, p, k);
	b->len += k;
	b->buf[b->len] = '\0';
	return sz * n;
}

/*
 * The JSON value of "key" in a flat object: a string's characters (only
 * [A-Za-z0-9_-] and, for messages, printable ASCII are kept) or a
 * number's digits, into out.  Returns 1 if the key was there.
 */
static int
json_value(const char *json, const char *key, char *out, size_t outsz)
{
	char pat[40];
	const char *p;
	size_t n = 0;

	snprintf(pat, sizeof(pat), "\"%s\"", key);
	if ((p = strstr(json, pat)) == NULL)
		return 0;
	p += strlen(pat);
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p++ != ':')
		return 0;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p == '"') {
		for (p++; *p && *p != '"' && n + 1 < outsz; p++)
			if (*p >= 0x20 && *p < 0x7f && *p != '\\')
				out[n++] = *p;
	} else
		for (; (*p == '-' || (*p >= '0' && *p <= '9')) && n + 1 < outsz; p++)
			out[n++] = *p;
	out[n] = '\0';
	return 1;
}

enum refusal
wx_openid(const char *code, char *openid, size_t openidsz)
{
	char url[1024], errcode[16] = "", errmsg[120] = "", said[160];
	char *esc;
	struct body b = { "", 0 };
	CURL *c;
	CURLcode rc;
	long status = 0;
	size_t i;

	openid[0] = '\0';
	if ((c = curl_easy_init()) == NULL) {
		refusal_detail_set("系统错误");
		return RF_WX_FAILED;
	}
	esc = curl_easy_escape(c, code, 0);
	snprintf(url, sizeof(url), "%s?appid=%s&secret=%s&code=%s"
	    "&grant_type=authorization_code", conf_str(CONF_WX_TOKEN_URL),
	    conf_str(CONF_WX_APPID), conf_str(CONF_WX_SECRET), esc ? esc : "");
	curl_free(esc);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 3L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 6L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, body_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	if (rc != CURLE_OK || status != 200) {
		log_warn("wx: token endpoint: %s (HTTP %ld)",
		    rc != CURLE_OK ? curl_easy_strerror(rc) : "bad status", status);
		refusal_detail_set("微信服务无响应");
		return RF_WX_FAILED;
	}
	if (json_value(b.buf, "errcode", errcode, sizeof(errcode)) &&
	    strcmp(errcode, "0") != 0) {
		json_value(b.buf, "errmsg", errmsg, sizeof(errmsg));
		log_warn("wx: token endpoint: errcode %s %s", errcode, errmsg);
		snprintf(said, sizeof(said), "错误码 %s", errcode);
		refusal_detail_set(said);
		return RF_WX_FAILED;
	}
	if (!json_value(b.buf, "openid", openid, openidsz) || !*openid ||
	    strlen(openid) > 64) {
		openid[0] = '\0';
		refusal_detail_set("未取得用户标识");
		return RF_WX_FAILED;
	}
	for (i = 0; openid[i]; i++)
		if (!((openid[i] >= '0' && openid[i] <= '9') ||
		    (openid[i] >= 'a' && openid[i] <= 'z') ||
		    (openid[i] >= 'A' && openid[i] <= 'Z') ||
		    openid[i] == '_' || openid[i] == '-')) {
			openid[0] = '\0';
			refusal_detail_set("用户标识格式不正确");
			return RF_WX_FAILED;
		}
	return RF_OK;
}

int64_t
wx_member_of(struct db *db, const char *openid)
{
	int found;
	int64_t id = db_one_int(db, &tab, STMT_MEMBER_OF, &found, "s", openid);

	if (id < 0)
		return -1;
	return found ? id : 0;
}

int
wx_pending_new(struct db *db, const char *openid, char token[65])
{
	return rand_hex(token, 32) &&
	    db_exec(db, &tab, STMT_PENDING_NEW, "ss", token, openid) == 1;
}

/* The pending openid of `token` into out; 1, 0 if none, -1 on error. */
static int
pending_get(struct db *db, const char *token, char *out, size_t outsz)
{
	struct db_res *r;
	int rc;

	out[0] = '\0';
	if (!rand_token_ok(token))
		return 0;
	if ((r = db_query(db, &tab, STMT_PENDING_GET, "s", token)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		snprintf(out, outsz, "%s", db_col(r, 0));
	db_done(r);
	return rc;
}

int
wx_pending_live(struct db *db, const char *token)
{
	char openid[80];

	return pending_get(db, token, openid, sizeof(openid));
}

struct after_arg {
	int64_t		 member;
	const char	*token, *ip;
};

static int
after_txn(struct db *db, void *arg)
{
	struct after_arg *a = arg;
	char openid[80];
	int64_t n;
	int rc;

	if ((rc = pending_get(db, a->token, openid, sizeof(openid))) < 0)
		return 1;
	if (rc == 0) {
		/* Bound by code elsewhere: the old WeChat no longer signs in. */
		if ((n = db_exec(db, &tab, STMT_OPENID_DROP, "i", a->member)) < 0)
			return 1;
		return n > 0 && !audit_log(db, SESS_MEMBER, a->member, a->ip,
		    "member.wx.drop", "member", a->member, NULL);
	}
	return db_exec(db, &tab, STMT_OPENID_FREE, "si", openid, a->member) < 0 ||
	    db_exec(db, &tab, STMT_OPENID_SET, "si", openid, a->member) < 0 ||
	    db_exec(db, &tab, STMT_PENDING_DEL, "s", a->token) < 0 ||
	    !audit_log(db, SESS_MEMBER, a->member, a->ip, "member.wx.bind",
	    "member", a->member, NULL);
}

int
wx_after_bind(struct db *db, int64_t member, const char *token,
    const char *ip)
{
	struct after_arg a = { member, token, ip };

	return db_txn(db, after_txn, &a) == 0;
}
