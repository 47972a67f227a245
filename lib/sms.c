/*
 * sms.c -- codes, outbox and delivery over HTTP (libcurl).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "conf.h"
#include "db.h"
#include "log.h"
#include "rand.h"
#include "sms.h"

enum stmt {
	STMT_LAST_AGE,
	STMT_TODAY,
	STMT_CODE_INSERT,
	STMT_CODE_NEWEST,
	STMT_CODE_TRY,
	STMT_CODE_USE,
	STMT_QUEUE,
	STMT_DUE,
	STMT_LEASE,
	STMT_SENT,
	STMT_RETRY,
	STMT_FAILED,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LAST_AGE] =
	    "SELECT TIMESTAMPDIFF(SECOND, created_at, NOW()) FROM sms_code"
	    " WHERE phone = ? ORDER BY id DESC LIMIT 1",
	[STMT_TODAY] =
	    "SELECT COUNT(*) FROM sms_code WHERE phone = ?"
	    " AND created_at >= CURDATE()",
	[STMT_CODE_INSERT] =
	    "INSERT INTO sms_code (phone, purpose, code_hash, created_at,"
	    " expires_at) VALUES (?, ?, UNHEX(SHA2(?, 256)), NOW(),"
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
	[STMT_DUE] =
	    "SELECT id, phone, body, tries FROM sms_outbox"
	    " WHERE status = 'queued' AND next_try_at <= NOW()"
	    " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
	[STMT_LEASE] =
	    "UPDATE sms_outbox SET tries = tries + 1,"
	    " next_try_at = NOW() + INTERVAL 120 SECOND WHERE id = ?",
	[STMT_SENT] =
	    "UPDATE sms_outbox SET status = 'sent', sent_at = NOW(),"
	    " last_error = NULL WHERE id = ?",
	[STMT_RETRY] =
	    "UPDATE sms_outbox SET last_error = ?,"
	    " next_try_at = NOW() + INTERVAL ? SECOND WHERE id = ?",
	[STMT_FAILED] =
	    "UPDATE sms_outbox SET status = 'failed', last_error = ? WHERE id = ?",
};

static const struct db_table tab = { DBM_SMS, sql, STMT__MAX };

static const char *const send_text[] = {
	[SEND_OK] = "验证码已发送，请注意查收短信",
	[SEND_TOO_SOON] = "验证码发送过于频繁，请稍后再试",
	[SEND_DAILY_LIMIT] = "该手机号今日获取验证码次数已达上限，请明天再试",
	[SEND_ERROR] = "验证码发送失败，请稍后再试",
};

static const char *const check_text[CODE__MAX] = {
	[CODE_OK] = "",
	[CODE_NONE] = "请先获取验证码",
	[CODE_WRONG] = "验证码不正确",
	[CODE_EXPIRED] = "验证码已过期，请重新获取",
	[CODE_TOO_MANY] = "验证码错误次数过多，请重新获取",
};

const char *
sms_code_send_text(enum code_send st)
{
	return send_text[st];
}

const char *
sms_code_check_text(enum code_check st)
{
	return check_text[st];
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

enum code_send
sms_code_send(struct db *db, const char *phone, const char *purpose, long *wait)
{
	char code[7], text[160];
	int found;
	int64_t age, today;

	*wait = 0;
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
	if (!rand_digits(code, 6))
		return SEND_ERROR;
	snprintf(text, sizeof(text),
	    "您的验证码是%s，5分钟内有效。如非本人操作，请忽略本短信。", code);
	if (db_exec(db, &tab, STMT_CODE_INSERT, "sss", phone, purpose, code) != 1 ||
	    sms_queue(db, phone, text) == 0)
		return SEND_ERROR;
	return SEND_OK;
}

enum code_check
sms_code_check(struct db *db, const char *phone, const char *purpose,
    const char *code)
{
	struct db_res *r;
	int64_t id, match, expired, tries, used;

	r = db_query(db, &tab, STMT_CODE_NEWEST, "sss", code, phone, purpose);
	if (r == NULL || db_next(r) != 1) {
		db_done(r);
		return CODE_NONE;
	}
	id = db_int(r, 0);
	match = db_int(r, 1);
	expired = db_int(r, 2);
	tries = db_int(r, 3);
	used = db_int(r, 4);
	db_done(r);
	if (used)
		return CODE_NONE;
	if (tries >= 5)
		return CODE_TOO_MANY;
	if (expired)
		return CODE_EXPIRED;
	if (!match || strlen(code) != 6) {
		db_exec(db, &tab, STMT_CODE_TRY, "i", id);
		return CODE_WRONG;
	}
	/* The UPDATE decides a race between two submissions of one code. */
	return db_exec(db, &tab, STMT_CODE_USE, "i", id) == 1 ? CODE_OK : CODE_NONE;
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
	int64_t	 id, tries;
	char	 phone[12];
	char	 body[501];
};

/* Claim due rows: lock them, push their next try 2 minutes out (a lease,
 * so a crashed worker's rows come back), commit. */
struct claim {
	struct due	*v;
	int		 n, max;
};

static int
sms_claim(struct db *db, void *arg)
{
	struct claim *c = arg;
	struct db_res *r;
	int i;

	c->n = 0;
	if ((r = db_query(db, &tab, STMT_DUE, "i", (int64_t)c->max)) == NULL)
		return -1;
	while (c->n < c->max && db_next(r) == 1) {
		c->v[c->n].id = db_int(r, 0);
		snprintf(c->v[c->n].phone, sizeof(c->v[0].phone), "%s", db_col(r, 1));
		snprintf(c->v[c->n].body, sizeof(c->v[0].body), "%s", db_col(r, 2));
		c->v[c->n].tries = db_int(r, 3);
		c->n++;
	}
	db_done(r);
	for (i = 0; i < c->n; i++)
		if (db_exec(db, &tab, STMT_LEASE, "i", c->v[i].id) != 1)
			return -1;
	return 0;
}

int
sms_deliver(struct db *db, int max)
{
	static CURL *curl;
	struct claim c;
	char err[200];
	long status;
	int i;

	if (*conf_str(CONF_SMS_URL) == '\0')
		return 0;
	if (curl == NULL && (curl = curl_easy_init()) == NULL)
		return -1;
	if ((c.v = calloc((size_t)max, sizeof(*c.v))) == NULL)
		return -1;
	c.max = max;
	if (db_txn(db, sms_claim, &c) != 0) {
		free(c.v);
		return -1;
	}
	for (i = 0; i < c.n; i++) {
		err[0] = '\0';
		status = sms_post(curl, c.v[i].id, c.v[i].phone, c.v[i].body,
		    err, sizeof(err));
		if (status >= 200 && status <= 299)
			db_exec(db, &tab, STMT_SENT, "i", c.v[i].id);
		else if ((status >= 400 && status <= 499) ||
		    c.v[i].tries + 1 >= SMS_MAX_TRIES) {
			db_exec(db, &tab, STMT_FAILED, "si", err, c.v[i].id);
			log_warn("sms %lld failed: %s", (long long)c.v[i].id, err);
		} else
			db_exec(db, &tab, STMT_RETRY, "sii", err,
			    (int64_t)(10L << c.v[i].tries), c.v[i].id);
	}
	free(c.v);
	return c.n;
}
