/*
 * mail.c -- mail outbox and delivery over SMTP (libcurl).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "conf.h"
#include "db.h"
#include "mail.h"
#include "outbox.h"

enum stmt {
	STMT_QUEUE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_QUEUE] =
	    "INSERT INTO mail_outbox (rcpt, subject, body, next_try_at)"
	    " VALUES (?, ?, ?, NOW())",
};

static const struct db_table tab = { DBM_MAIL, sql, STMT__MAX };

/* Its outbox (outbox.h). */
static const char *const box_sql[OBX__MAX] =
    OUTBOX_SQL("mail_outbox", "rcpt, subject, body");
static const struct db_table box_tab = {
	DBM_MAIL_OUTBOX, box_sql, OBX__MAX
};

int
mail_on(void)
{
	return *conf_str(CONF_SMTP_URL) != '\0';
}

int64_t
mail_queue(struct db *db, const char *rcpt, const char *subject,
    const char *body)
{
	if (db_exec(db, &tab, STMT_QUEUE, "sss", rcpt, subject, body) != 1)
		return 0;
	return db_insert_id(db);
}

/* Base64 of n bytes of in into out (NUL-terminated; the caller sizes it
 * 4 * ((n + 2) / 3) + 1). */
static void
base64(const unsigned char *in, size_t n, char *out)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, o = 0;
	unsigned v;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (i < n) {
		v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0);
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
}

/* The message being uploaded to libcurl. */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
upload_read(char *buf, size_t sz, size_t n, void *u)
{
	struct upload *up = u;
	size_t k = sz * n < up->left ? sz * n : up->left;

	memcpy(buf, up->p, k);
	up->p += k;
	up->left -= k;
	return k;
}

/*
 * The RFC 5322 message: headers (the subject RFC 2047-encoded), a blank
 * line, the body with CRLF line ends.  Returns a malloc'd string (caller
 * frees), or NULL.
 */
static char *
mail_message(int64_t id, const char *rcpt, const char *subject,
    const char *body)
{
	char subj[400], date[64], host[64];
	const char *from = conf_str(CONF_SMTP_FROM), *at;
	size_t cap, n = 0, i;
	char *m;
	time_t now = time(NULL);
	struct tm tm;

	if (strlen(subject) > 280)
		return NULL;
	base64((const unsigned char *)subject, strlen(subject), subj);
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	at = strchr(from, '@');
	snprintf(host, sizeof(host), "%s", at ? at + 1 : "localhost");
	cap = 1024 + 2 * strlen(body);
	if ((m = malloc(cap)) == NULL)
		return NULL;
	n = (size_t)snprintf(m, cap, "From: <%s>\r\nTo: <%s>\r\n"
	    "Subject: =?UTF-8?B?%s?=\r\nDate: %s\r\n"
	    "Message-ID: <huzhu.%lld@%s>\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n",
	    from, rcpt, subj, date, (long long)id, host);
	for (i = 0; body[i] && n + 3 < cap; i++) {
		if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r'))
			m[n++] = '\r';
		m[n++] = body[i];
	}
	if (n + 3 < cap && n > 0 && m[n - 1] != '\n') {
		m[n++] = '\r';
		m[n++] = '\n';
	}
	m[n] = '\0';
	return m;
}

/*
 * Send one message: OUTBOX_SENT, OUTBOX_RETRY, or OUTBOX_FAILED for good,
 * with the reason in err.
 */
static enum outbox_try
mail_send(CURL *c, int64_t id, const char *rcpt, const char *subject,
    const char *body, char *err, size_t errsz)
{
	char from[200], to[200];
	struct curl_slist *rl = NULL;
	struct upload up;
	long code = 0;
	CURLcode rc;
	char *msg;

	if ((msg = mail_message(id, rcpt, subject, body)) == NULL) {
		snprintf(err, errsz, "message too large");
		return OUTBOX_FAILED;
	}
	snprintf(from, sizeof(from), "<%s>", conf_str(CONF_SMTP_FROM));
	snprintf(to, sizeof(to), "<%s>", rcpt);
	rl = curl_slist_append(rl, to);
	up.p = msg;
	up.left = strlen(msg);
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, conf_str(CONF_SMTP_URL));
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rl);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rl);
	free(msg);
	if (rc == CURLE_OK)
		return OUTBOX_SENT;
	snprintf(err, errsz, "%s (SMTP %ld)", curl_easy_strerror(rc), code);
	/* 5xx: the server will not take it (a bad address); else retry. */
	return code >= 500 && code <= 599 ? OUTBOX_FAILED : OUTBOX_RETRY;
}

struct due {
	struct outbox_row	 row;
	char			 rcpt[121];
	char			 subject[201 * 4];
	char			*body;		/* malloc'd */
};

static void
due_read(struct db_res *r, void *row)
{
	struct due *d = row;

	snprintf(d->rcpt, sizeof(d->rcpt), "%s", db_col(r, 2));
	snprintf(d->subject, sizeof(d->subject), "%s", db_col(r, 3));
	d->body = strdup(db_col(r, 4) ? db_col(r, 4) : "");
}

static enum outbox_try
due_send(void *row, char *err, size_t errsz)
{
	static CURL *curl;
	struct due *d = row;

	if (d->body == NULL || (curl == NULL &&
	    (curl = curl_easy_init()) == NULL)) {
		snprintf(err, errsz, "out of memory");
		return OUTBOX_RETRY;
	}
	return mail_send(curl, d->row.id, d->rcpt, d->subject, d->body, err,
	    errsz);
}

static void
due_release(void *row)
{
	struct due *d = row;

	free(d->body);
	d->body = NULL;
}

static const struct outbox box = {
	"mail", &box_tab, MAIL_MAX_TRIES, sizeof(struct due), due_read, due_send,
	due_release,
};

int
mail_deliver(struct db *db, int max)
{
	if (!mail_on())
		return 0;
	return outbox_deliver(db, &box, max);
}
