/*
 * consent.c -- 隐私协议 / 服务声明 and the members' consent (consent.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "audit.h"
#include "clock.h"
#include "consent.h"
#include "db.h"
#include "kind.h"
#include "session.h"
#include "view.h"

const char *const consent_kind_names[CT__MAX + 1] = { "privacy", "terms",
    NULL };
const char *const consent_kind_labels[CT__MAX] = { "隐私协议", "服务声明" };

enum stmt {
	STMT_LAST_VERSION,
	STMT_RETIRE,
	STMT_ADD,
	STMT_CURRENT,
	STMT_HISTORY,
	STMT_PENDING,
	STMT_RECORD,
	STMT_WITHDRAW,
	STMT_UNBIND,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LAST_VERSION] =
	    "SELECT COALESCE(MAX(version), 0) FROM consent_text WHERE kind = ?"
	    " FOR UPDATE",
	[STMT_RETIRE] =
	    "UPDATE consent_text SET is_current = 0 WHERE kind = ?"
	    " AND is_current = 1",
	[STMT_ADD] =
	    "INSERT INTO consent_text (kind, version, body, is_current,"
	    " published_by, published_at) VALUES (?, ?, ?, 1, ?, ?)",
	[STMT_CURRENT] =
	    "SELECT kind + 0 - 1, version, DATE_FORMAT(published_at,"
	    " '%Y-%m-%d %H:%i'), body FROM consent_text WHERE is_current = 1"
	    " AND kind = ?",
	[STMT_HISTORY] =
	    "SELECT t.kind + 0 - 1, t.version, DATE_FORMAT(t.published_at,"
	    " '%Y-%m-%d %H:%i'), s.name FROM consent_text t"
	    " JOIN staff s ON s.id = t.published_by"
	    " ORDER BY t.kind, t.version DESC",
	[STMT_PENDING] =
	    "SELECT t.kind + 0 - 1, t.version, DATE_FORMAT(t.published_at,"
	    " '%Y-%m-%d %H:%i'), t.body FROM consent_text t"
	    " WHERE t.is_current = 1 AND NOT EXISTS (SELECT 1 FROM"
	    " member_consent c WHERE c.member_id = ? AND c.kind = t.kind AND"
	    " c.version = t.version AND c.withdrawn_at IS NULL) ORDER BY t.kind",
	[STMT_RECORD] =
	    "INSERT INTO member_consent (member_id, kind, version, agreed_at, ip)"
	    " SELECT ?, t.kind, t.version, ?, ? FROM consent_text t"
	    " WHERE t.is_current = 1 AND NOT EXISTS (SELECT 1 FROM"
	    " member_consent c WHERE c.member_id = ? AND c.kind = t.kind AND"
	    " c.version = t.version AND c.withdrawn_at IS NULL)",
	[STMT_WITHDRAW] =
	    "UPDATE member_consent SET withdrawn_at = ? WHERE member_id = ?"
	    " AND withdrawn_at IS NULL",
	[STMT_UNBIND] = "DELETE FROM member_bind WHERE member_id = ?",
};

static const struct db_table tab = { DBM_CONSENT, sql, STMT__MAX };

/* Publishing: the next version of one kind, the old one retired. */
struct publish_arg {
	const struct actor	*by;
	enum consent_kind	 kind;
	const char		*body;
	int			 version;
};

static int
publish_txn(struct db *db, void *arg)
{
	struct publish_arg *a = arg;
	const char *k = consent_kind_names[a->kind];
	char now[20], detail[64];
	int64_t last;
	int found;

	if ((last = db_one_int(db, &tab, STMT_LAST_VERSION, &found, "s", k)) < 0)
		return 1;
	a->version = (int)last + 1;
	snprintf(detail, sizeof(detail), "%s v%d", consent_kind_labels[a->kind],
	    a->version);
	if (db_exec(db, &tab, STMT_RETIRE, "s", k) < 0 ||
	    db_exec(db, &tab, STMT_ADD, "sisis", k, (int64_t)a->version,
	    a->body, a->by->id, clock_stamp(now)) != 1 ||
	    !audit_act(db, a->by, "consent_text.publish", "consent_text",
	    db_insert_id(db), detail))
		return 1;
	return 0;
}

enum refusal
consent_publish(struct db *db, const struct actor *by, enum consent_kind kind,
    const char *body, int *version)
{
	struct publish_arg a = { by, kind, NULL, 0 };
	char *clean;
	int rc;

	if ((unsigned)kind >= CT__MAX)
		return RF_CONSENT_TEXT;
	if (strlen(body) > ARTICLE_BODY_MAX)
		return RF_ARTICLE_BODY_LONG;
	if ((clean = article_clean_text(body)) == NULL)
		return RF_DB;
	if (*clean == '\0') {
		free(clean);
		return RF_CONSENT_TEXT;
	}
	a.body = clean;
	rc = db_txn(db, publish_txn, &a);
	free(clean);
	if (rc != 0)
		return RF_DB;
	*version = a.version;
	return RF_OK;
}

/* One <text> of a STMT_CURRENT / STMT_PENDING row under parent. */
static void
text_row(xmlNodePtr parent, struct db_res *r)
{
	int k = db_int(r, 0) == CT_TERMS ? CT_TERMS : CT_PRIVACY;
	xmlNodePtr t = view_add(parent, "text", NULL);

	view_attr(t, "kind", consent_kind_names[k]);
	view_attr(t, "label", consent_kind_labels[k]);
	view_attr(t, "version", db_col(r, 1));
	view_attr(t, "at", db_col(r, 2));
	article_body_view(t, db_col(r, 3), "/none?id=");
}

int
consent_text_view(struct db *db, enum consent_kind kind, xmlNodePtr parent)
{
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_CURRENT, "s",
	    consent_kind_names[kind])) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1)
		text_row(parent, r);
	db_done(r);
	return rc;
}

int
consent_texts_view(struct db *db, xmlNodePtr parent)
{
	static const struct view_col hist[] = {
		{ "@kind", VK_STATE, consent_kind_names, CT__MAX },
		{ "@version", VK_INT, NULL, 0 },
		{ "@at", VK_TEXT, NULL, 0 },
		{ "@by", VK_TEXT, NULL, 0 },
	};
	xmlNodePtr texts = view_add(parent, "texts", NULL), t, h;
	struct db_res *r;
	int k, rc;

	for (k = 0; k < CT__MAX; k++) {
		if ((rc = consent_text_view(db, k, texts)) < 0)
			return 0;
		if (rc == 0) {
			t = view_add(texts, "text", NULL);
			view_attr(t, "kind", consent_kind_names[k]);
			view_attr(t, "label", consent_kind_labels[k]);
		}
	}
	if ((r = db_query(db, &tab, STMT_HISTORY, "")) == NULL)
		return 0;
	h = view_add(parent, "history", NULL);
	rc = view_rows(h, "version", hist, 4, r, NULL) >= 0;
	db_done(r);
	return rc;
}

int
consent_pending_view(struct db *db, int64_t member, xmlNodePtr parent)
{
	xmlNodePtr p = view_add(parent, "pending", NULL);
	struct db_res *r;
	int n = 0, rc;

	if ((r = db_query(db, &tab, STMT_PENDING, "i", member)) == NULL)
		return -1;
	while ((rc = db_next(r)) == 1) {
		text_row(p, r);
		n++;
	}
	db_done(r);
	return rc == 0 ? n : -1;
}

int
consent_record(struct db *db, int64_t member, const char *ip)
{
	char now[20];
	int64_t n;

	clock_stamp(now);
	if ((n = db_exec(db, &tab, STMT_RECORD, "issi", member, now,
	    ip ? ip : "", member)) < 0)
		return 0;
	return n == 0 || audit_log(db, SESS_MEMBER, member, ip, "consent.agree",
	    "member", member, NULL);
}

static int
agree_txn(struct db *db, void *arg)
{
	const struct actor *a = arg;

	return consent_record(db, a->id, a->ip) ? 0 : 1;
}

int
consent_agree(struct db *db, int64_t member, const char *ip)
{
	struct actor a = { SESS_MEMBER, member, ip };

	return db_txn(db, agree_txn, &a) == 0;
}

static int
withdraw_txn(struct db *db, void *arg)
{
	const struct actor *a = arg;
	char now[20];

	clock_stamp(now);
	if (db_exec(db, &tab, STMT_WITHDRAW, "si", now, a->id) < 0 ||
	    db_exec(db, &tab, STMT_UNBIND, "i", a->id) < 0 ||
	    !session_drop(db, SESS_MEMBER, a->id, 0) ||
	    !audit_act(db, a, "consent.withdraw", "member", a->id,
	    "撤回同意，解除绑定"))
		return 1;
	return 0;
}

int
consent_withdraw(struct db *db, int64_t member, const char *ip)
{
	struct actor a = { SESS_MEMBER, member, ip };

	return db_txn(db, withdraw_txn, &a) == 0;
}
