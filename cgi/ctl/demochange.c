/*
 * demochange.c -- the demo's 个人信息变更, through the same domain calls
 * the portals use: in the claims' unit, one member's own request (社保卡号
 * and 社保类型, with a photo of the card) 待初审, and one the unit's agent
 * filed (a corrected name) that review1 returned for a clearer 变更凭证,
 * back in 草稿 for the agent to change and submit again.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "change.h"
#include "ctl.h"
#include "db.h"
#include "http_parse.h"
#include "kind.h"

enum stmt { STMT_UNIT, STMT_MEMBERS, STMT_REVIEW1, STMT__MAX };

static const char *const sql[STMT__MAX] = {
	[STMT_UNIT] =
	    "SELECT o.id, au.agent_id, COALESCE(a.name, a.phone) FROM org o"
	    " JOIN agent_unit au ON au.unit_id = o.id AND au.role = 'chairman'"
	    " JOIN agent a ON a.id = au.agent_id WHERE o.name = ?",
	/* Past the claims' eight (democlaim.c). */
	[STMT_MEMBERS] =
	    "SELECT id, name FROM member WHERE unit_id = ? ORDER BY id"
	    " LIMIT 2 OFFSET 8",
	[STMT_REVIEW1] = "SELECT id FROM staff WHERE username = 'review1'",
};

static const struct db_table tab = { DBM_DEMO_CHANGE, sql, STMT__MAX };

/* Request of `member` by `by`, with `edit` done to their record, filed
 * with a photo and, with `submit`, 提交: its id, 0 on error. */
static int64_t
file_one(struct db *db, int64_t member, const struct flow_actor *by,
    void (*edit)(struct change_fields *), int submit)
{
	const struct upload *ups[1];
	struct change_ask a;
	char unit_name[256], path[1024];
	const char *why, *field;
	struct upload u;
	int64_t unit, id = 0;
	int phone_only;
	enum refusal rf;

	memset(&a, 0, sizeof(a));
	if (change_current(db, member, &a.f, &unit, unit_name) != 1)
		return 0;
	edit(&a.f);
	a.remark = "";
	if (change_judge(db, member, &a, &phone_only, &field) != RF_OK ||
	    phone_only || !demo_picture(&u, path, sizeof(path), "凭证.png"))
		return 0;
	ups[0] = &u;
	rf = change_file(db, member, &a, ups, 1, submit, by, &id, &why);
	unlink(path);
	return rf == RF_OK ? id : 0;
}

static void
new_card(struct change_fields *f)
{
	snprintf(f->si_type, sizeof(f->si_type), "城乡居民基本医疗保险");
	snprintf(f->si_card, sizeof(f->si_card), "G37020012345");
}

/* A name with its last character written as the papers have it. */
static void
new_name(struct change_fields *f)
{
	size_t n = strlen(f->name);

	if (n >= 3)
		snprintf(f->name + n - 3, sizeof(f->name) - (n - 3), "%s",
		    strcmp(f->name + n - 3, "娟") == 0 ? "娜" : "娟");
}

int
demo_changes(struct db *db)
{
	static char agent_name[128];
	struct flow_actor agent, self, r1;
	struct db_res *r;
	int64_t unit = 0, members[2] = { 0, 0 }, id;
	char names[2][128];
	int n = 0, found;

	if ((r = db_query(db, &tab, STMT_UNIT, "s", DEMO_CLAIMS_UNIT)) == NULL)
		return 0;
	if (db_next(r) == 1) {
		unit = db_int(r, 0);
		agent = (struct flow_actor){ SESS_AGENT, db_int(r, 1), 0,
		    agent_name, "127.0.0.1", 0 };
		snprintf(agent_name, sizeof(agent_name), "%s", db_col(r, 2));
	}
	db_done(r);
	if (unit == 0 || (r = db_query(db, &tab, STMT_MEMBERS, "i", unit)) ==
	    NULL)
		return 0;
	while (n < 2 && db_next(r) == 1) {
		members[n] = db_int(r, 0);
		snprintf(names[n], sizeof(names[n]), "%s", db_col(r, 1));
		n++;
	}
	db_done(r);
	r1 = (struct flow_actor){ SESS_OFFICE, db_one_int(db, &tab,
	    STMT_REVIEW1, &found, ""), ROLE_REVIEW1, "review1", "127.0.0.1",
	    0 };
	if (n < 2 || r1.id <= 0)
		return 0;
	self = (struct flow_actor){ SESS_MEMBER, members[0], 0, names[0],
	    "127.0.0.1", 0 };
	if (file_one(db, members[0], &self, new_card, 1) == 0 ||
	    (id = file_one(db, members[1], &agent, new_name, 1)) == 0)
		return 0;
	return flow_step_once(db, &change_flow, id, FA_RETURN, &r1,
	    "变更凭证不清晰，请重新上传") == RF_OK;
}
