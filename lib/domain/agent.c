/*
 * agent.c -- agent accounts.
 */
#include <stdio.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "kind.h"
#include "session.h"
#include "sms.h"

enum stmt {
	STMT_BY_PHONE,
	STMT_BY_ID,
	STMT_BY_LOGIN,
	STMT_CREATE,
	STMT_PROFILE,
	STMT_PASSWORD,
	STMT_UNITS,
	STMT_ROLE,
	STMT__MAX
};

#define AGENT_COLS \
	"SELECT id, phone, name, id_number, password_hash, disabled FROM agent"

static const char *const sql[STMT__MAX] = {
	[STMT_BY_PHONE] = AGENT_COLS " WHERE phone = ?",
	[STMT_BY_ID] = AGENT_COLS " WHERE id = ?",
	[STMT_BY_LOGIN] = AGENT_COLS " WHERE phone = ? OR id_number = ?"
	    " ORDER BY phone = ? DESC LIMIT 1",
	[STMT_CREATE] = "INSERT INTO agent (phone) VALUES (?)",
	[STMT_PROFILE] =
	    "UPDATE agent SET name = ?, id_number = ?, password_hash = ?,"
	    " profile_at = NOW() WHERE id = ?",
	[STMT_PASSWORD] = "UPDATE agent SET password_hash = ? WHERE id = ?",
	[STMT_UNITS] =
	    "SELECT o.id, o.name, au.role,"
	    /* A chairman holds every right in the unit (Xiamen §二). */
	    " au.role = 'chairman' OR FIND_IN_SET('mutual_aid', au.perms) > 0,"
	    " o.credit_code, p.name,"
	    " EXISTS (SELECT 1 FROM org_app e JOIN flow_item f ON f.type ="
	    "  'org_app' AND f.item_id = e.id WHERE e.org_id = o.id"
	    "  AND e.kind = 'edit' AND f.state = 'review1'),"
	    " NOT EXISTS (SELECT 1 FROM invoice_info i WHERE i.unit_id = o.id)"
	    " FROM agent_unit au JOIN org o ON o.id = au.unit_id"
	    " LEFT JOIN org p ON p.id = o.parent_id"
	    " WHERE au.agent_id = ? ORDER BY o.name",
	[STMT_ROLE] =
	    "SELECT role = 'chairman', role = 'chairman'"
	    " OR FIND_IN_SET('mutual_aid', perms) > 0"
	    " FROM agent_unit WHERE agent_id = ? AND unit_id = ?",
};

static const struct db_table tab = { DBM_AGENT, sql, STMT__MAX };

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src) ? (src) : "")

/* Take the first row of an AGENT_COLS result into *a. */
static int
agent_one(struct db_res *r, struct agent *a)
{
	int rc;

	if (r == NULL)
		return -1;
	memset(a, 0, sizeof(*a));
	if ((rc = db_next(r)) == 1) {
		a->id = db_int(r, 0);
		COPY(a->phone, db_col(r, 1));
		COPY(a->name, db_col(r, 2));
		COPY(a->id_number, db_col(r, 3));
		COPY(a->password_hash, db_col(r, 4));
		a->disabled = (int)db_int(r, 5);
	}
	db_done(r);
	return rc;
}

int
agent_by_phone(struct db *db, const char *phone, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_PHONE, "s", phone), a);
}

int
agent_by_id(struct db *db, int64_t id, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_ID, "i", id), a);
}

int
agent_by_login(struct db *db, const char *ident, struct agent *a)
{
	return agent_one(db_query(db, &tab, STMT_BY_LOGIN, "sss", ident, ident,
	    ident), a);
}

/* An account for a phone proven by SMS, audited as made by the agent. */
struct create_arg {
	const char	*phone, *ip;
	int64_t		 id;
};

static int
create_txn(struct db *db, void *arg)
{
	struct create_arg *c = arg;

	if (db_exec(db, &tab, STMT_CREATE, "s", c->phone) != 1)
		return 1;
	c->id = db_insert_id(db);
	return !audit_log(db, SESS_AGENT, c->id, c->ip, "agent.create", "agent",
	    c->id, NULL);
}

enum refusal
agent_sign_in_sms(struct db *db, const char *phone, const char *code,
    const char *ip, struct agent *a, int *created)
{
	struct create_arg c = { phone, ip, 0 };
	enum refusal rf;
	int found;

	*created = 0;
	if ((rf = sms_code_check(db, phone, "agent_login", code)) != RF_OK)
		return rf;
	if ((found = agent_by_phone(db, phone, a)) < 0)
		return RF_DB;
	if (found)
		return a->disabled ? RF_DISABLED : RF_OK;
	if (db_txn(db, create_txn, &c) != 0)
		return RF_DB;
	*created = 1;
	return agent_by_id(db, c.id, a) == 1 ? RF_OK : RF_DB;
}

enum refusal
agent_sign_in_password(struct db *db, const char *ident, const char *password,
    const char *ip, struct agent *a, long *wait)
{
	struct throttle t = { SESS_AGENT, ident, ip };
	int found, good;

	if ((*wait = throttle_wait(db, &t)) > 0)
		return RF_THROTTLED;
	if ((found = agent_by_login(db, ident, a)) < 0)
		return RF_DB;
	good = found && a->password_hash[0] ?
	    password_check(password, a->password_hash) : password_burn(password);
	if (!good || a->disabled) {
		throttle_fail(db, &t);
		return RF_BAD_LOGIN;
	}
	throttle_clear(db, &t);
	return RF_OK;
}

/* A password set, sessions ended and the audit row, in one transaction. */
struct password_arg {
	const struct actor *by;
	int64_t		 agent, keep;
	const char	*name, *id_number, *action;
	char		 hash[128];
	enum refusal	 rf;
};

static int
profile_txn(struct db *db, void *arg)
{
	struct password_arg *p = arg;

	p->rf = RF_DB;
	if (db_exec(db, &tab, STMT_PROFILE, "sssi", p->name, p->id_number,
	    p->hash, p->agent) < 0) {
		if (db_errno(db) == 1062)
			p->rf = RF_ID_TAKEN;
		return 1;
	}
	if (!audit_act(db, p->by, "agent.profile", "agent", p->agent, NULL))
		return 1;
	p->rf = RF_OK;
	return 0;
}

enum refusal
agent_profile(struct db *db, const struct actor *by, const char *name,
    const char *id_number, const char *password)
{
	struct password_arg p = { by, by->id, 0, name, id_number, NULL, "",
	    RF_DB };

	if (!password_hash(password, p.hash) ||
	    db_txn(db, profile_txn, &p) < 0)
		return RF_DB;
	return p.rf;
}

static int
password_txn(struct db *db, void *arg)
{
	struct password_arg *p = arg;

	return db_exec(db, &tab, STMT_PASSWORD, "si", p->hash, p->agent) < 0 ||
	    !session_drop(db, SESS_AGENT, p->agent, p->keep) ||
	    !audit_act(db, p->by, p->action, "agent", p->agent, NULL);
}

enum refusal
agent_change_password(struct db *db, const struct actor *by, int64_t keep,
    const char *old, const char *password)
{
	struct password_arg p = { by, by->id, keep, NULL, NULL,
	    "agent.password.change", "", RF_DB };
	struct agent a;

	if (agent_by_id(db, by->id, &a) != 1)
		return RF_DB;
	if (!password_check(old, a.password_hash))
		return RF_OLD_PASSWORD;
	if (!password_hash(password, p.hash) ||
	    db_txn(db, password_txn, &p) != 0)
		return RF_DB;
	return RF_OK;
}

enum refusal
agent_reset_password(struct db *db, const char *phone, const char *code,
    const char *password, const char *ip)
{
	struct password_arg p = { NULL, 0, 0, NULL, NULL,
	    "agent.password.reset", "", RF_DB };
	struct actor by = { SESS_AGENT, 0, ip };
	struct agent a;
	enum refusal rf;
	int found;

	if ((rf = sms_code_check(db, phone, "agent_reset", code)) != RF_OK)
		return rf;
	if ((found = agent_by_phone(db, phone, &a)) < 0)
		return RF_DB;
	if (!found)
		return RF_CODE_WRONG;
	by.id = p.agent = a.id;
	p.by = &by;
	/* Whoever held the old password is signed out everywhere. */
	if (!password_hash(password, p.hash) ||
	    db_txn(db, password_txn, &p) != 0)
		return RF_DB;
	return RF_OK;
}

struct db_res *
agent_units(struct db *db, int64_t agent_id)
{
	return db_query(db, &tab, STMT_UNITS, "i", agent_id);
}

int
agent_role(struct db *db, int64_t agent, int64_t unit, int *mutual_aid)
{
	struct db_res *r;
	int rc, role = AGENT_NONE;

	if (mutual_aid)
		*mutual_aid = 0;
	if ((r = db_query(db, &tab, STMT_ROLE, "ii", agent, unit)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		role = db_int(r, 0) ? AGENT_CHAIRMAN : AGENT_STAFF;
		if (mutual_aid)
			*mutual_aid = (int)db_int(r, 1);
	}
	db_done(r);
	return rc < 0 ? -1 : role;
}

enum refusal
agent_may_aid(struct db *db, int64_t agent, int64_t unit)
{
	int role, aid;

	if (unit <= 0)
		return RF_PICK_UNIT;
	if ((role = agent_role(db, agent, unit, &aid)) < 0)
		return RF_DB;
	return role != AGENT_NONE && aid ? RF_OK : RF_NO_AID;
}

enum refusal
agent_may_chair(struct db *db, int64_t agent, int64_t unit)
{
	int role;

	if (unit <= 0)
		return RF_PICK_UNIT;
	if ((role = agent_role(db, agent, unit, NULL)) < 0)
		return RF_DB;
	return role == AGENT_CHAIRMAN ? RF_OK : RF_NOT_CHAIR;
}
