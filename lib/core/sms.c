/*
 * sms.c -- codes, outbox and delivery over HTTP (libcurl).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "captcha.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "message.h"
#include "outbox.h"
#include "rand.h"
#include "sms.h"

enum stmt {
	STMT_LAST_AGE,
	STMT_TODAY,
	STMT_IP_COUNTS,
	STMT_MINUTE,
	STMT_CEILING_HIT,
	STMT_ADMINS,
	STMT_CODE_INSERT,
	STMT_CODE_NEWEST,
	STMT_CODE_TRY,
	STMT_CODE_USE,
	STMT_QUEUE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LAST_AGE] =
	    "SELECT TIMESTAMPDIFF(SECOND, created_at, NOW()) FROM sms_code"
	    " WHERE phone = ? ORDER BY id DESC LIMIT 1",
	[STMT_TODAY] =
	    "SELECT COUNT(*) FROM sms_code WHERE phone = ?"
	    " AND created_at >= CURDATE()",
	/* Codes this address asked for in 10 minutes, and today. */
	[STMT_IP_COUNTS] =
	    "SELECT COALESCE(SUM(created_at > NOW() - INTERVAL 10 MINUTE), 0),"
	    " COALESCE(SUM(created_at >= CURDATE()), 0) FROM sms_code"
	    " WHERE ip = ? AND created_at >= LEAST(CURDATE(),"
	    " NOW() - INTERVAL 10 MINUTE)",
	[STMT_MINUTE] =
	    "SELECT COUNT(*) FROM sms_code WHERE created_at > NOW() - INTERVAL 1 MINUTE",
	/* One row a minute: 1 affected row the first time. */
	[STMT_CEILING_HIT] =
	    "INSERT INTO sms_ceiling_hit (minute)"
	    " VALUES (DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00'))"
	    " ON DUPLICATE KEY UPDATE refused = refused + 1",
	[STMT_ADMINS] =
	    "SELECT id FROM staff WHERE FIND_IN_SET('admin', roles) AND NOT disabled",
	[STMT_CODE_INSERT] =
	    "INSERT INTO sms_code (phone, purpose, ip, code_hash, created_at,"
	    " expires_at) VALUES (?, ?, ?, UNHEX(SHA2(?, 256)), NOW(),"
	    " NOW() + INTERVAL 5 MINUTE)",
	[STMT_CODE_NEWEST] =
	    "SELECT id, code_hash = UNHEX(SHA2(?, 256)), expires_at < NOW(),"
	    " tries, used_at IS NOT NULL FROM sms_code"
	    " WHERE phone = ? AND purpose = ? ORDER BY id DESC LIMIT 1",
	[STMT_CODE_TRY] = "UPDATE sms_code SET tries = tries + 1 WHERE id = ?",
	[STMT_CODE_USE] =
	    "UPDATE sms_code SET used_at = NOW() WHERE id = ? AND used_at IS NULL",
	[STMT_QUEUE] =
	    "INSERT INTO sms_outbox (phone, body, next_try_at) VALUES (?, ?, NOW())",
};

static const struct db_table tab = { DBM_SMS, sql, STMT__MAX };

/* Its outbox (outbox.h). */
static const char *const box_sql[OBX__MAX] =
    OUTBOX_SQL("sms_outbox", "phone, body");
static const struct db_table box_tab = {
	DBM_SMS_OUTBOX, box_sql, OBX__MAX
};

static const char *const send_text[SEND__MAX] = {
	[SEND_OK] = "验证码已发送，请注意查收短信",
	[SEND_TOO_SOON] = "验证码发送过于频繁，请稍后再试",
	[SEND_DAILY_LIMIT] = "该手机号今日获取验证码次数已达上限，请明天再试",
	[SEND_CAPTCHA] = "请先输入图形验证码，再获取短信验证码",
	[SEND_CAPTCHA_WRONG] = "图形验证码不正确，请看新的图片重新输入",
	[SEND_IP_LIMIT] = "您所在的网络获取验证码次数过多，请稍后再试",
	[SEND_BUSY] = "短信服务繁忙，请稍后再试",
	[SEND_ERROR] = "验证码发送失败，请稍后再试",
};

const char *
sms_code_send_text(enum code_send st)
{
	return send_text[st];
}

int64_t
sms_queue(struct db *db, const char *phone, const char *text)
{
	char body[600];

	snprintf(body, sizeof(body), "%s%s", conf_str(CONF_SMS_SIGN), text);
	if (db_exec(db, &tab, STMT_QUEUE, "ss", phone, body) != 1)
		return 0;
	return db_insert_id(db);
}

#define QUEUE_BATCH	1000

int
sms_queue_many(struct db *db, const char *const *phones, size_t n,
    const char *text)
{
	const char *v[2 * QUEUE_BATCH];
	char body[600];
	size_t i, k;

	snprintf(body, sizeof(body), "%s%s", conf_str(CONF_SMS_SIGN), text);
	for (i = 0; i < n; i += k) {
		for (k = 0; k < QUEUE_BATCH && i + k < n; k++) {
			v[2 * k] = phones[i + k];
			v[2 * k + 1] = body;
		}
		if (db_bulk(db, &tab, STMT_QUEUE, k, 2, v) < 0)
			return 0;
	}
	return 1;
}

int
sms_queue_each(struct db *db, const char *const *phones,
    const char *const *texts, size_t n)
{
	static char body[QUEUE_BATCH][600];
	const char *v[2 * QUEUE_BATCH];
	size_t i = 0, k;

	while (i < n) {
		for (k = 0; k < QUEUE_BATCH && i < n; i++) {
			if (phones[i] == NULL || phones[i][0] == '\0')
				continue;
			snprintf(body[k], sizeof(body[k]), "%s%s",
			    conf_str(CONF_SMS_SIGN), texts[i]);
			v[2 * k] = phones[i];
			v[2 * k + 1] = body[k];
			k++;
		}
		if (k > 0 && db_bulk(db, &tab, STMT_QUEUE, k, 2, v) < 0)
			return 0;
	}
	return 1;
}

/*
 * The ceiling was hit: refuse, and tell every admin by station message
 * and the log, once a minute (the first refusal of the minute).
 */
static void
sms_ceiling_alert(struct db *db, long limit)
{
	struct db_res *r;
	char body[200];

	if (db_exec(db, &tab, STMT_CEILING_HIT, "") != 1)
		return;
	log_err("sms: %ld codes in the last minute, the ceiling"
	    " (sms_per_minute); codes are refused until the rate falls", limit);
	snprintf(body, sizeof(body), "最近一分钟内验证码短信已达%ld条的上限，"
	    "系统已暂停发送验证码，请检查是否有人滥用短信接口。", limit);
	if ((r = db_query(db, &tab, STMT_ADMINS, "")) == NULL)
		return;
	while (db_next(r) == 1)
		message_send(db, SESS_OFFICE, db_int(r, 0), "短信发送已达上限",
		    body, "/o/");
	db_done(r);
}

/*
 * The address's limits: hard ones first, then the quiet quota past which
 * a picture challenge must be answered.  Returns SEND_OK to go on.
 */
static enum code_send
sms_ip_limits(struct db *db, const struct code_ask *who, int *challenge)
{
	struct db_res *r;
	int64_t recent, today;

	if ((r = db_query(db, &tab, STMT_IP_COUNTS, "s", who->ip)) == NULL)
		return SEND_ERROR;
	if (db_next(r) != 1) {
		db_done(r);
		return SEND_ERROR;
	}
	recent = db_int(r, 0);
	today = db_int(r, 1);
	db_done(r);
	if (recent >= conf_long(CONF_SMS_IP_10MIN) ||
	    today >= conf_long(CONF_SMS_IP_DAY))
		return SEND_IP_LIMIT;
	*challenge = recent >= conf_long(CONF_SMS_IP_QUIET);
	return SEND_OK;
}

int
sms_captcha_due(struct db *db, const char *ip)
{
	struct code_ask who = { ip, NULL, "", 0 };
	int challenge = 0;

	return sms_ip_limits(db, &who, &challenge) == SEND_OK && challenge;
}

enum code_send
sms_code_send(struct db *db, const char *phone, const char *purpose,
    const struct code_ask *who, long *wait)
{
	char code[7], text[160];
	enum code_send st;
	int found, challenge = 0, solved;
	int64_t age, today, minute;

	*wait = 0;
	if ((st = sms_ip_limits(db, who, &challenge)) != SEND_OK)
		return st;
	age = db_one_int(db, &tab, STMT_LAST_AGE, &found, "s", phone);
	if (found && age < 0)
		return SEND_ERROR;
	if (found && age < 60) {
		*wait = 60 - (long)age;
		return SEND_TOO_SOON;
	}
	today = db_one_int(db, &tab, STMT_TODAY, &found, "s", phone);
	if (today < 0)
		return SEND_ERROR;
	if (today >= 10)
		return SEND_DAILY_LIMIT;
	if ((minute = db_one_int(db, &tab, STMT_MINUTE, &found, "")) < 0)
		return SEND_ERROR;
	if (minute >= conf_long(CONF_SMS_PER_MINUTE)) {
		sms_ceiling_alert(db, conf_long(CONF_SMS_PER_MINUTE));
		return SEND_BUSY;
	}
	if (challenge) {
		if (who->captcha_answer == NULL || *who->captcha_answer == '\0')
			return SEND_CAPTCHA;
		solved = captcha_check(db, who->captcha_token,
		    who->captcha_answer);
		if (solved < 0)
			return SEND_ERROR;
		if (!solved)
			return SEND_CAPTCHA_WRONG;
	}
	if (!rand_digits(code, 6))
		return SEND_ERROR;
	snprintf(text, sizeof(text),
	    "您的验证码是%s，5分钟内有效。如非本人操作，请忽略本短信。", code);
	if (db_exec(db, &tab, STMT_CODE_INSERT, "ssss", phone, purpose, who->ip,
	    code) != 1)
		return SEND_ERROR;
	if (!who->silent && sms_queue(db, phone, text) == 0)
		return SEND_ERROR;
	return SEND_OK;
}

enum refusal
sms_code_check(struct db *db, const char *phone, const char *purpose,
    const char *code)
{
	struct db_res *r;
	int64_t id, match, expired, tries, used, n;
	int rc;

	if ((r = db_query(db, &tab, STMT_CODE_NEWEST, "sss", code, phone,
	    purpose)) == NULL)
		return RF_DB;
	if ((rc = db_next(r)) != 1) {
		db_done(r);
		return rc < 0 ? RF_DB : RF_CODE_NONE;
	}
	id = db_int(r, 0);
	match = db_int(r, 1);
	expired = db_int(r, 2);
	tries = db_int(r, 3);
	used = db_int(r, 4);
	db_done(r);
	if (used)
		return RF_CODE_NONE;
	if (tries >= 5)
		return RF_CODE_TOO_MANY;
	if (expired)
		return RF_CODE_EXPIRED;
	if (!match || strlen(code) != 6)
		return db_exec(db, &tab, STMT_CODE_TRY, "i", id) < 0 ? RF_DB :
		    RF_CODE_WRONG;
	/* The UPDATE decides a race between two submissions of one code. */
	if ((n = db_exec(db, &tab, STMT_CODE_USE, "i", id)) < 0)
		return RF_DB;
	return n == 1 ? RF_OK : RF_CODE_NONE;
}

/* Append s to the buffer as a JSON string body (without quotes). */
static void
json_escape(char *out, size_t outsz, const char *s)
{
	size_t n = 0;

	for (; *s && n + 7 < outsz; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			out[n++] = '\\';
			out[n++] = (char)c;
		} else if (c < 0x20)
			n += (size_t)snprintf(out + n, outsz - n, "\\u%04x", c);
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

static size_t
discard(char *p, size_t sz, size_t n, void *u)
{
	(void)p;
	(void)u;
	return sz * n;
}

/* POST one message.  Returns the HTTP status, or 0 if none came back. */
static long
sms_post(CURL *c, int64_t id, const char *phone, const char *body, char *err,
    size_t errsz)
{
	char json[2048], esc[1600], auth[300];
	struct curl_slist *h = NULL;
	long status = 0;
	CURLcode rc;

	json_escape(esc, sizeof(esc), body);
	snprintf(json, sizeof(json), "{\"id\":%lld,\"phone\":\"%s\",\"text\":\"%s\"}",
	    (long long)id, phone, esc);
	snprintf(auth, sizeof(auth), "Authorization: Bearer %s",
	    conf_str(CONF_SMS_TOKEN));
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, auth);
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, conf_str(CONF_SMS_URL));
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	else
		snprintf(err, errsz, "%s", curl_easy_strerror(rc));
	if (rc == CURLE_OK && (status < 200 || status > 299))
		snprintf(err, errsz, "gateway answered HTTP %ld", status);
	curl_slist_free_all(h);
	return status;
}

struct due {
	struct outbox_row	 row;
	char			 phone[12];
	char			 body[501];
};

static void
due_read(struct db_res *r, void *row)
{
	struct due *d = row;

	snprintf(d->phone, sizeof(d->phone), "%s", db_col(r, 2));
	snprintf(d->body, sizeof(d->body), "%s", db_col(r, 3));
}

/* One POST: sent on 2xx; refused for good on 4xx (the gateway will not
 * take it); else tried again. */
static enum outbox_try
due_send(void *row, char *err, size_t errsz)
{
	static CURL *curl;
	struct due *d = row;
	long status;

	if (curl == NULL && (curl = curl_easy_init()) == NULL) {
		snprintf(err, errsz, "libcurl would not start");
		return OUTBOX_RETRY;
	}
	status = sms_post(curl, d->row.id, d->phone, d->body, err, errsz);
	if (status >= 200 && status <= 299)
		return OUTBOX_SENT;
	return status >= 400 && status <= 499 ? OUTBOX_FAILED : OUTBOX_RETRY;
}

static const struct outbox box = {
	"sms", &box_tab, SMS_MAX_TRIES, sizeof(struct due), due_read, due_send,
	NULL,
};

int
sms_deliver(struct db *db, int max)
{
	if (*conf_str(CONF_SMS_URL) == '\0')
		return 0;
	return outbox_deliver(db, &box, max);
}
