/*
 * democlaim.c -- the demo's 补助申请: a unit covered by the 三合一 plan
 * since 200 days ago (a 补充追加 filed and finished on that day, through
 * the same domain calls the portals use, the clock moved back for it),
 * and its claims filed by its agent today, one in each state: 草稿, 待初审,
 * 待复审 (figures entered), 待报告复核, 审核通过 (seed 000's 8 323.04), and
 * one returned for missing materials (材料待补充).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claim.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "enroll.h"
#include "http_parse.h"
#include "kind.h"

enum stmt { STMT_UNIT, STMT_PLAN, STMT_STAFF, STMT_MEMBERS, STMT__MAX };

static const char *const sql[STMT__MAX] = {
	[STMT_UNIT] =
	    "SELECT o.id, au.agent_id, COALESCE(a.name, a.phone) FROM org o"
	    " JOIN agent_unit au ON au.unit_id = o.id AND au.role = 'chairman'"
	    " JOIN agent a ON a.id = au.agent_id WHERE o.name = ?",
	[STMT_PLAN] = "SELECT id FROM plan WHERE code = 'SHY'",
	[STMT_STAFF] = "SELECT id FROM staff WHERE username = ?",
	[STMT_MEMBERS] =
	    "SELECT id, name FROM member WHERE unit_id = ? ORDER BY id LIMIT 8",
};

static const struct db_table tab = { DBM_DEMO_CLAIM, sql, STMT__MAX };

/* How far each demo claim goes. */
enum ds { DS_DRAFT, DS_RETURNED, DS_REVIEW1, DS_REVIEW2, DS_MEDICAL,
    DS_APPROVED };

static const struct {
	enum plan_kind	 kind;
	enum ds		 stage;
	const char	*hospital, *disease;
} claims[] = {
	{ PK_INPATIENT, DS_APPROVED, "青岛大学附属医院", "肺炎" },
	{ PK_INPATIENT, DS_REVIEW2, "青岛市市立医院", "腰椎间盘突出" },
	{ PK_INPATIENT, DS_REVIEW1, "青岛市中心医院", "胆囊炎" },
	{ PK_CRITICAL, DS_MEDICAL, "青岛大学附属医院", "恶性肿瘤" },
	{ PK_ACCIDENT, DS_RETURNED, "黄岛区人民医院", "" },
	{ PK_INPATIENT, DS_DRAFT, "黄岛区中医医院", "高血压" },
};

/* The materials each kind is filed with. */
static const char *const docs[PK__MAX][5] = {
	[PK_INPATIENT] = { "receipt", "settlement", "discharge", "bank_card" },
	[PK_CRITICAL] = { "pathology", "admission", "bank_card" },
	[PK_ACCIDENT] = { "accident", "bank_card" },
};

struct cast {
	struct flow_actor	 agent, r1, r2, med;
};

/* A day `days` from today into out ("YYYY-MM-DD"). */
static const char *
day(int days, char out[11])
{
	char today[11];

	clock_today(today);
	return clock_date_add(today, 0, days, out) ? out : "";
}

/* Claim i of member (id, name) as a draft with what happened, the
 * account and its materials: its id, 0 on error. */
static int64_t
filed(struct db *db, int i, int64_t unit, int64_t member, const char *name,
    const struct cast *w)
{
	struct claim_new n = { claims[i].kind, 0, CC_UNIT, member, unit };
	struct claim_payee p = { name, "6222021001123235", "中国工商银行",
	    "青岛黄岛支行", "", "" };
	struct claim_event e;
	char in[11], out[11], path[1024];
	const char *why;
	struct upload u;
	struct claim c;
	int64_t id;
	int k, ok = 1;

	memset(&e, 0, sizeof(e));
	e.hospital = claims[i].hospital;
	e.disease = claims[i].disease;
	if (claims[i].kind == PK_INPATIENT) {
		e.admitted = day(-20 - 3 * i, in);
		e.discharged = day(-15 - 3 * i, out);
	} else
		e.event_on = day(-12, in);
	if (claims[i].kind == PK_ACCIDENT)
		e.story = "上班途中骑电动车摔伤右腿";
	if (claim_create(db, &n, &w->agent, &id) != RF_OK ||
	    claim_set_event(db, id, &e, 0, &w->agent) != RF_OK ||
	    claim_set_payee(db, id, &p, 0, &w->agent) != RF_OK ||
	    claim_get(db, id, &c) != 1)
		return 0;
	for (k = 0; ok && docs[claims[i].kind][k]; k++) {
		if (!demo_picture(&u, path, sizeof(path), "材料.png"))
			return 0;
		ok = claim_attach(db, &c, &u, docs[claims[i].kind][k],
		    &w->agent, &why) == RF_OK;
		unlink(path);
	}
	return ok ? id : 0;
}

/* Claim i filed and taken to its stage: 1, 0 on error. */
static int
one(struct db *db, int i, int64_t unit, int64_t member, const char *name,
    const struct cast *w)
{
	struct claim_figures f = { 5630805, 2330760, 0, 0 };	/* seed 000 */
	enum ds stage = claims[i].stage;
	const char *why;
	int64_t id;

	if ((id = filed(db, i, unit, member, name, w)) == 0)
		return 0;
	if (stage == DS_DRAFT)
		return 1;
	if (claim_submit(db, id, 0, &w->agent) != RF_OK)
		return 0;
	if (stage == DS_REVIEW1)
		return 1;
	if (stage == DS_RETURNED)
		return flow_step_once(db, &claim_flow, id, FA_RETURN, &w->r1,
		    "缺少证明材料，请补充上传医院诊断证明") == RF_OK;
	if (claims[i].kind != PK_INPATIENT)
		f = (struct claim_figures){ 0, 0, 0, 0 };
	if (claim_figures_set(db, id, &f, &w->r1, &why) != RF_OK ||
	    flow_step_once(db, &claim_flow, id, FA_APPROVE, &w->r1, NULL) !=
	    RF_OK)
		return 0;
	/* Past 复审: 审核通过, or 报告复核 for 重疾. */
	return stage == DS_REVIEW2 || flow_step_once(db, &claim_flow, id,
	    FA_APPROVE, &w->r2, NULL) == RF_OK;
}

/* The office's reviewers as actors: 1, 0 on error. */
static int
reviewers(struct db *db, struct cast *w)
{
	static const char *const who[3] = { "review1", "review2", "medical" };
	static const unsigned roles[3] = { ROLE_REVIEW1, ROLE_REVIEW2,
	    ROLE_MEDICAL };
	struct flow_actor *a[3] = { &w->r1, &w->r2, &w->med };
	int found, i;

	for (i = 0; i < 3; i++) {
		*a[i] = (struct flow_actor){ SESS_OFFICE, db_one_int(db, &tab,
		    STMT_STAFF, &found, "s", who[i]), roles[i], who[i],
		    "127.0.0.1", 0 };
		if (a[i]->id <= 0)
			return 0;
	}
	return 1;
}

/* The unit covered since 200 days ago: 补充追加 filed that day. */
static int
covered(struct db *db, int64_t unit, const struct flow_actor *agent)
{
	char past[11], now[32];
	int64_t plan;
	int found, ok;

	if ((plan = db_one_int(db, &tab, STMT_PLAN, &found, "")) <= 0)
		return 0;
	snprintf(now, sizeof(now), "%s 10:00:00", day(-200, past));
	setenv("HZ_NOW", now, 1);
	ok = demo_enrol_one(db, unit, agent->id, agent->name, plan,
	    EK_SUPPLEMENT);
	unsetenv("HZ_NOW");
	return ok;
}

int
demo_claims(struct db *db)
{
	static char agent_name[128];
	struct cast w;
	struct db_res *r;
	int64_t unit = 0, members[8];
	char names[8][64];
	int n = 0, i;

	if ((r = db_query(db, &tab, STMT_UNIT, "s", DEMO_CLAIMS_UNIT)) == NULL)
		return 0;
	if (db_next(r) == 1) {
		unit = db_int(r, 0);
		w.agent = (struct flow_actor){ SESS_AGENT, db_int(r, 1), 0,
		    agent_name, "127.0.0.1", 0 };
		snprintf(agent_name, sizeof(agent_name), "%s", db_col(r, 2));
	}
	db_done(r);
	if (unit == 0 || !reviewers(db, &w) || !covered(db, unit, &w.agent))
		return 0;
	if ((r = db_query(db, &tab, STMT_MEMBERS, "i", unit)) == NULL)
		return 0;
	while (n < 8 && db_next(r) == 1) {
		members[n] = db_int(r, 0);
		snprintf(names[n], sizeof(names[n]), "%s", db_col(r, 1));
		n++;
	}
	db_done(r);
	for (i = 0; i < (int)(sizeof(claims) / sizeof(claims[0])); i++)
		if (i >= n || !one(db, i, unit, members[i], names[i], &w)) {
			fprintf(stderr, "hzctl: demo claim %d could not be made\n",
			    i);
			return 0;
		}
	return 1;
}
