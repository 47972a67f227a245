/*
 * signin.c -- each kind's session load: the subject's row with the
 * session's, in one statement (session.h says the shape).
 */
#include <stdio.h>
#include <string.h>

#include "consent.h"
#include "db.h"
#include "kind.h"
#include "member.h"
#include "message.h"
#include "session.h"
#include "signin.h"

/*
 * The statements, indexed by enum session_kind.  The kind's columns
 * begin at SESSION_NCOLS: the display name, then
 *  - members: the member's row (r->extra) from the session row's own copy
 *    (MEMBER_CARD_COLUMNS): one table, where a join of four cost a cold
 *    page 35-50 us more in mariadbd (README, Performance); no copy (no such
 *    member) signs nobody in; then whether they agreed to the texts in
 *    force (consent.h);
 *  - agents: the profile is complete, and whether they hold 医疗互助 (or
 *    chair) in any unit (menus);
 *  - members and agents last: their unread 站内信 (the header's badge);
 *  - office users: their ROLE_* bits.
 */
static const char *const sql[SESS__MAX] = {
	[SESS_MEMBER] =
	    "SELECT " SESSION_COLUMNS ", s.m_name, " MEMBER_CARD_COLUMNS
	    ", " CONSENT_CURRENT_COLUMN ", " MESSAGE_UNREAD_COLUMN
	    " FROM session s" SESSION_WHERE " AND s.m_name IS NOT NULL",
	[SESS_AGENT] =
	    "SELECT " SESSION_COLUMNS ", COALESCE(a.name, a.phone),"
	    " a.name IS NOT NULL AND a.password_hash IS NOT NULL,"
	    " EXISTS (SELECT 1 FROM agent_unit au WHERE au.agent_id = a.id AND"
	    "  (au.role = 'chairman' OR FIND_IN_SET('mutual_aid', au.perms))),"
	    " " MESSAGE_UNREAD_COLUMN
	    " FROM session s JOIN agent a ON a.id = s.subject_id" SESSION_WHERE
	    " AND a.disabled = 0",
	[SESS_OFFICE] =
	    "SELECT " SESSION_COLUMNS ", u.name, u.roles + 0"
	    " FROM session s JOIN staff u ON u.id = s.subject_id" SESSION_WHERE
	    " AND u.disabled = 0",
};

static const struct db_table tab = { DBM_SIGNIN, sql, SESS__MAX };

/* MEMBER_CARD_COLUMNS' count (member.h: the 10 of MEMBER_COLUMNS). */
#define MEMBER_CARD_NCOLS	10

/* The display name at column c. */
static void
name_from(struct db_res *res, int c, struct session *s)
{
	snprintf(s->name, sizeof(s->name), "%s",
	    db_col(res, c) ? db_col(res, c) : "");
}

/* A member: the name, and the member's row as r->extra; complete when
 * they have agreed to the 隐私协议 and 服务声明 in force (consent.h). */
static int
fill_member(struct db_res *res, int c, struct session *s, void *extra)
{
	_Static_assert(sizeof(struct member) <= SESSION_EXTRA_MAX,
	    "a member fits the session's extra data");

	name_from(res, c, s);
	member_from_row(res, c + 1, extra);
	s->complete = db_int(res, c + 1 + MEMBER_CARD_NCOLS) != 0;
	s->unread = db_int(res, c + 2 + MEMBER_CARD_NCOLS);
	return 1;
}

/* An agent: the name, the profile flag, the 医疗互助 bit. */
static int
fill_agent(struct db_res *res, int c, struct session *s, void *extra)
{
	(void)extra;
	name_from(res, c, s);
	s->complete = (int)db_int(res, c + 1);
	if (db_int(res, c + 2))
		s->roles = AGENT_ANY_MUTUAL_AID;
	s->unread = db_int(res, c + 3);
	return 0;
}

/* An office user: the name and the ROLE_* bits. */
static int
fill_office(struct db_res *res, int c, struct session *s, void *extra)
{
	(void)extra;
	name_from(res, c, s);
	s->roles = (unsigned)db_int(res, c + 1);
	return 0;
}

const struct session_kinds signin_kinds = {
	&tab,
	{
		[SESS_MEMBER] = fill_member,
		[SESS_AGENT] = fill_agent,
		[SESS_OFFICE] = fill_office,
	},
};
