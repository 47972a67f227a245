/*
 * demoenrol.c -- the demo's 参保申请: one in each state, and most demo
 * members covered, made through the same domain calls the portals use
 * (the agent files, review1 and review2 pass, the unit pays, finance
 * confirms), so the demo shows what the flow leaves behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "conf.h"
#include "ctl.h"
#include "db.h"
#include "enroll.h"
#include "http_parse.h"
#include "kind.h"
#include "rand.h"

enum stmt { STMT_UNITS, STMT_STAFF, STMT_PLAN, STMT_WOMEN, STMT__MAX };

static const char *const sql[STMT__MAX] = {
	[STMT_UNITS] =
	    "SELECT o.id, au.agent_id, a.name FROM org o JOIN agent_unit au"
	    " ON au.unit_id = o.id AND au.role = 'chairman'"
	    " JOIN agent a ON a.id = au.agent_id"
	    " WHERE o.level = 'unit' ORDER BY o.id LIMIT 6",
	[STMT_STAFF] = "SELECT id FROM staff WHERE username = ?",
	[STMT_PLAN] = "SELECT id FROM plan WHERE code = ?",
	[STMT_WOMEN] =
	    "SELECT id FROM member WHERE unit_id = ? AND gender = 'F'"
	    " ORDER BY id LIMIT 200",
};

static const struct db_table tab = { DBM_DEMO_ENROL, sql, STMT__MAX };

/* How far each demo application goes. */
enum stage { ST_DRAFT, ST_RETURNED, ST_REVIEW1, ST_REVIEW2, ST_PAYMENT,
    ST_CONFIRM, ST_DONE };

static const struct {
	int		 unit;		/* the demo unit's index, 0..5 */
	const char	*plan;		/* its code */
	enum stage	 stage;
	int		 women;		/* only the unit's women (女职工) */
} apps[] = {
	/* Units 0 and 2 (ids 5 and 7) hold t_coverage's own records: the
	 * demo leaves them uncovered. */
	{ 1, "YL19", ST_DONE, 0 },
	{ 3, "YL19", ST_DONE, 0 },
	{ 4, "YL19", ST_DONE, 0 },
	{ 5, "YL19", ST_DONE, 0 },
	{ 1, "ZJ", ST_DONE, 0 },
	{ 3, "NG", ST_PAYMENT, 1 },
	{ 4, "YW", ST_CONFIRM, 0 },
	{ 0, "YL19", ST_REVIEW2, 0 },
	{ 2, "YL19", ST_REVIEW1, 0 },
	{ 2, "ZJ", ST_RETURNED, 0 },
	{ 0, "YW", ST_DRAFT, 0 },
};

struct unit {
	int64_t	 id, agent;
	char	 name[64];
};

/* A 1×1 PNG: the demo's 缴费凭证. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
	0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

int
demo_picture(struct upload *u, char *path, size_t n, const char *filename)
{
	char hex[17];
	FILE *f;

	if (!rand_hex(hex, 8))
		return 0;
	snprintf(path, n, "%s/demo-%s.png", conf_str(CONF_TMP_DIR), hex);
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(png, 1, sizeof(png), f);
	if (fclose(f) != 0)
		return 0;
	memset(u, 0, sizeof(*u));
	u->field = (char *)"file";
	u->filename = (char *)filename;
	u->ctype = (char *)"image/png";
	u->path = path;
	u->size = sizeof(png);
	return 1;
}

/* A picture as payment material `kind` ("voucher", "roster_scan"). */
static int
voucher(struct db *db, const struct enroll *e, const struct flow_actor *by,
    const char *kind)
{
	char path[1024];
	struct upload u;
	const char *why;
	enum refusal rf;

	if (!demo_picture(&u, path, sizeof(path), "缴费凭证.png"))
		return 0;
	rf = enroll_attach(db, e, &u, kind, by, &why);
	unlink(path);
	return rf == RF_OK;
}

static int64_t
id_of(struct db *db, int stmt, const char *key)
{
	int found;

	return db_one_int(db, &tab, stmt, &found, "s", key);
}

/* A draft of `u` for `plan` with an account and its people (every one
 * not yet covered, or only its women): its id, 0 on error. */
static int64_t
draft(struct db *db, const struct unit *u, int64_t plan, int women,
    enum enroll_kind kind, const struct flow_actor *by)
{
	struct enroll_terms t = { plan, kind, NULL };
	struct db_res *r;
	int64_t id, n, ids[200];
	int k = 0;

	if (enroll_create(db, u->id, &t, by, &id) != RF_OK ||
	    enroll_account_add(db, id, u->name, "中国工商银行青岛分行",
	    "3803020109200088888", by) != RF_OK)
		return 0;
	if (women) {
		if ((r = db_query(db, &tab, STMT_WOMEN, "i", u->id)) == NULL)
			return 0;
		while (k < 200 && db_next(r) == 1)
			ids[k++] = db_int(r, 0);
		db_done(r);
	}
	return enroll_pick(db, id, ids, k, !women, by, &n) == RF_OK ? id : 0;
}

/* One application of `u` for plan `plan` taken to `stage`: 1, 0 on error. */
static int
one(struct db *db, const struct unit *u, int64_t plan, enum stage stage,
    int women, enum enroll_kind kind, const struct flow_actor office[3])
{
	struct flow_actor by = { SESS_AGENT, u->agent, 0, u->name, "127.0.0.1",
	    0 };
	struct enroll e;
	char today[11];
	int64_t id, n;

	if ((id = draft(db, u, plan, women, kind, &by)) == 0)
		return 0;
	if (stage == ST_DRAFT)
		return 1;
	if (enroll_submit(db, id, &by, &n) != RF_OK)
		return 0;
	if (stage == ST_REVIEW1 || stage == ST_RETURNED)
		return stage == ST_REVIEW1 || flow_step_once(db, &enroll_flow, id,
		    FA_RETURN, &office[0], "缴费账号信息不完整，请补充开户行和账号")
		    == RF_OK;
	if (flow_step_once(db, &enroll_flow, id, FA_APPROVE, &office[0],
	    NULL) != RF_OK)
		return 0;
	if (stage == ST_REVIEW2)
		return 1;
	if (flow_step_once(db, &enroll_flow, id, FA_APPROVE, &office[1],
	    NULL) != RF_OK || enroll_get(db, id, &e) != 1)
		return 0;
	if (stage == ST_PAYMENT)
		return 1;
	if (enroll_pay(db, id, e.due, clock_today(today), &by) != RF_OK ||
	    !voucher(db, &e, &by, "voucher") ||
	    !voucher(db, &e, &by, "roster_scan") ||
	    enroll_pay_submit(db, id, &by) != RF_OK)
		return 0;
	return stage == ST_CONFIRM || flow_step_once(db, &enroll_flow, id,
	    FA_APPROVE, &office[2], NULL) == RF_OK;
}

/* The demo's first six units and their chairmen: how many, -1 on error. */
static int
units_of(struct db *db, struct unit units[6])
{
	struct db_res *r;
	int n = 0;

	if ((r = db_query(db, &tab, STMT_UNITS, "")) == NULL)
		return -1;
	while (n < 6 && db_next(r) == 1) {
		units[n].id = db_int(r, 0);
		units[n].agent = db_int(r, 1);
		snprintf(units[n].name, sizeof(units[n].name), "%s",
		    db_col(r, 2) ? db_col(r, 2) : "");
		n++;
	}
	db_done(r);
	return n;
}

/* review1, review2 and finance as actors: 1, 0 on error. */
static int
office_of(struct db *db, struct flow_actor office[3])
{
	static const char *const who[3] = { "review1", "review2", "finance" };
	static const unsigned roles[3] = { ROLE_REVIEW1, ROLE_REVIEW2,
	    ROLE_FINANCE };
	size_t i;

	for (i = 0; i < 3; i++) {
		office[i] = (struct flow_actor){ SESS_OFFICE, id_of(db,
		    STMT_STAFF, who[i]), roles[i], who[i], "127.0.0.1", 0 };
		if (office[i].id <= 0)
			return 0;
	}
	return 1;
}

int
demo_enrol_one(struct db *db, int64_t unit, int64_t agent,
    const char *agent_name, int64_t plan, int kind)
{
	struct flow_actor office[3];
	struct unit u = { unit, agent, "" };

	snprintf(u.name, sizeof(u.name), "%s", agent_name);
	return office_of(db, office) && one(db, &u, plan, ST_DONE, 0,
	    (enum enroll_kind)kind, office);
}

int
demo_enrol(struct db *db)
{
	struct flow_actor office[3];
	struct unit units[6];
	int64_t plan;
	size_t i;
	int n;

	if ((n = units_of(db, units)) < 0 || !office_of(db, office))
		return 0;
	for (i = 0; i < sizeof(apps) / sizeof(apps[0]); i++) {
		if (apps[i].unit >= n ||
		    (plan = id_of(db, STMT_PLAN, apps[i].plan)) <= 0)
			continue;	/* no such unit or plan: nothing to show */
		if (!one(db, &units[apps[i].unit], plan, apps[i].stage,
		    apps[i].women, EK_MAIN, office)) {
			fprintf(stderr, "hzctl: demo application %zu (%s) could"
			    " not be made\n", i, apps[i].plan);
			return 0;
		}
	}
	return 1;
}
