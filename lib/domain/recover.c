/*
 * recover.c -- one-time links to set a new password (找回密码).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "kind.h"
#include "mail.h"
#include "rand.h"
#include "recover.h"
#include "session.h"

enum stmt {
	STMT_EMAIL_SET,
	STMT_EMAIL_OF,
	STMT_BY_EMAIL,
	STMT_RECENT,
	STMT_LINK_NEW,
	STMT_LINK_OK,
	STMT_LINK_USE,
	STMT_PASSWORD,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_EMAIL_SET] = "UPDATE agent SET email = ? WHERE id = ?",
	[STMT_EMAIL_OF] = "SELECT COALESCE(email, '') FROM agent WHERE id = ?",
	[STMT_BY_EMAIL] =
	    "SELECT id, COALESCE(name, '') FROM agent"
	    " WHERE email = ? AND NOT disabled",
	/* Links by mail to this agent: in the last minute, and today. */
	[STMT_RECENT] =
	    "SELECT COALESCE(SUM(created_at > NOW() - INTERVAL 1 MINUTE), 0),"
	    " COUNT(*) FROM agent_recover WHERE agent_id = ? AND via = 'mail'"
	    " AND created_at >= CURDATE()",
	[STMT_LINK_NEW] =
	    "INSERT INTO agent_recover (agent_id, via, token_hash, new_phone,"
	    " ip, created_at, expires_at) VALUES (?, ?, UNHEX(SHA2(?, 256)),"
	    " ?, ?, NOW(), NOW() + INTERVAL ? MINUTE)",
	[STMT_LINK_OK] =
	    "SELECT id, agent_id, new_phone FROM agent_recover"
	    " WHERE token_hash = UNHEX(SHA2(?, 256)) AND used_at IS NULL"
	    " AND expires_at > NOW()",
	[STMT_LINK_USE] =
	    "UPDATE agent_recover SET used_at = NOW()"
	    " WHERE id = ? AND used_at IS NULL",
	[STMT_PASSWORD] =
	    "UPDATE agent SET password_hash = ?, phone = COALESCE(?, phone)"
	    " WHERE id = ?",
};

static const struct db_table tab = { DBM_RECOVER, sql, STMT__MAX };

struct email_arg {
	const struct actor	*by;
	const char		*email;
	enum refusal		 rf;
};

static int
email_txn(struct db *db, void *arg)
{
	struct email_arg *e = arg;

	if (db_exec(db, &tab, STMT_EMAIL_SET, "si", *e->email ? e->email : NULL,
	    e->by->id) < 0) {
		if (db_errno(db) == 1062)	/* ER_DUP_ENTRY */
			e->rf = RF_EMAIL_TAKEN;
		return 1;
	}
	if (!audit_act(db, e->by, "agent.email", "agent", e->by->id,
	    *e->email ? e->email : "(none)"))
		return 1;
	e->rf = RF_OK;
	return 0;
}

enum refusal
recover_email_set(struct db *db, const struct actor *by, const char *email)
{
	struct email_arg e = { by, email, RF_DB };

	if (db_txn(db, email_txn, &e) < 0)
		return RF_DB;
	return e.rf;
}

int
recover_email_of(struct db *db, int64_t agent, char *out, size_t outsz)
{
	struct db_res *r;
	int rc;

	out[0] = '\0';
	if ((r = db_query(db, &tab, STMT_EMAIL_OF, "i", agent)) == NULL)
		return 0;
	if ((rc = db_next(r)) == 1)
		snprintf(out, outsz, "%s", db_col(r, 0));
	db_done(r);
	return rc >= 0;
}

int
recover_link_new(struct db *db, int64_t agent, const char *via,
    const char *new_phone, int minutes, const char *ip, char token[65])
{
	if (!rand_hex(token, 32))
		return 0;
	return db_exec(db, &tab, STMT_LINK_NEW, "issssi", agent, via, token,
	    new_phone, ip ? ip : "", (int64_t)minutes) == 1;
}

void
recover_url(const char *path, const char *token, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%s?token=%s", conf_str(CONF_PUBLIC_URL), path,
	    token);
}

struct ask_arg {
	const char	*email, *ip;
	int64_t		 agent;
	char		 name[128];
};

static int
ask_txn(struct db *db, void *arg)
{
	struct ask_arg *a = arg;
	char token[65], url[512], body[2048];
	struct actor by = { SESS_AGENT, a->agent, a->ip };

	if (!recover_link_new(db, a->agent, "mail", NULL, RECOVER_MAIL_MINUTES,
	    a->ip, token))
		return 1;
	recover_url("/u/forgot/mail/reset", token, url, sizeof(url));
	snprintf(body, sizeof(body),
	    "%s您好：\n\n"
	    "您正在找回职工互助保障管理系统单位经办人账号的密码。"
	    "请在%d分钟内打开下面的链接设置新密码（链接只能使用一次）：\n\n"
	    "%s\n\n"
	    "如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。\n",
	    a->name, RECOVER_MAIL_MINUTES, url);
	return mail_queue(db, a->email, "职工互助保障：找回密码", body) == 0 ||
	    !audit_act(db, &by, "agent.recover.mail", "agent", a->agent, NULL);
}

enum refusal
recover_mail_ask(struct db *db, const char *email, const char *ip)
{
	struct ask_arg a = { email, ip, 0, "" };
	struct db_res *r;
	int rc;

	if ((r = db_query(db, &tab, STMT_BY_EMAIL, "s", email)) == NULL)
		return RF_DB;
	if ((rc = db_next(r)) == 1) {
		a.agent = db_int(r, 0);
		snprintf(a.name, sizeof(a.name), "%s", db_col(r, 1));
	}
	db_done(r);
	if (rc < 0)
		return RF_DB;
	if (rc == 0)
		return RF_OK;		/* nobody: the same answer */
	if ((r = db_query(db, &tab, STMT_RECENT, "i", a.agent)) == NULL)
		return RF_DB;
	rc = db_next(r);
	if (rc == 1 && (db_int(r, 0) > 0 || db_int(r, 1) >= 5)) {
		db_done(r);
		return RF_OK;		/* too often: nothing more is sent */
	}
	db_done(r);
	if (rc < 0 || db_txn(db, ask_txn, &a) != 0)
		return RF_DB;
	return RF_OK;
}

int
recover_link_ok(struct db *db, const char *token)
{
	struct db_res *r;
	int rc;

	if (!rand_token_ok(token))
		return 0;
	if ((r = db_query(db, &tab, STMT_LINK_OK, "s", token)) == NULL)
		return -1;
	rc = db_next(r);
	db_done(r);
	return rc;
}

struct complete_arg {
	const char	*token, *ip;
	char		 hash[128];
	enum refusal	 rf;
};

static int
complete_txn(struct db *db, void *arg)
{
	struct complete_arg *c = arg;
	struct db_res *r;
	int64_t id, agent;
	char phone[12] = "";
	struct actor by = { SESS_AGENT, 0, c->ip };
	int rc;

	c->rf = RF_DB;
	if ((r = db_query(db, &tab, STMT_LINK_OK, "s", c->token)) == NULL)
		return 1;
	if ((rc = db_next(r)) != 1) {
		db_done(r);
		if (rc == 0)
			c->rf = RF_RECOVER_LINK;
		return 1;
	}
	id = db_int(r, 0);
	agent = db_int(r, 1);
	if (db_col(r, 2))
		snprintf(phone, sizeof(phone), "%s", db_col(r, 2));
	db_done(r);
	by.id = agent;
	if (db_exec(db, &tab, STMT_LINK_USE, "i", id) != 1) {
		c->rf = RF_RECOVER_LINK;	/* used meanwhile */
		return 1;
	}
	if (db_exec(db, &tab, STMT_PASSWORD, "ssi", c->hash,
	    *phone ? phone : NULL, agent) < 0) {
		if (db_errno(db) == 1062)
			c->rf = RF_APPEAL_PHONE_TAKEN;
		return 1;
	}
	/* Whoever held the account is signed out everywhere. */
	if (!session_drop(db, SESS_AGENT, agent, 0) ||
	    !audit_act(db, &by, "agent.password.recover", "agent", agent,
	    *phone ? phone : NULL))
		return 1;
	c->rf = RF_OK;
	return 0;
}

enum refusal
recover_complete(struct db *db, const char *token, const char *password,
    const char *ip)
{
	struct complete_arg c = { token, ip, "", RF_DB };

	if (!rand_token_ok(token))
		return RF_RECOVER_LINK;
	if (!password_hash(password, c.hash) ||
	    db_txn(db, complete_txn, &c) < 0)
		return RF_DB;
	return c.rf;
}
