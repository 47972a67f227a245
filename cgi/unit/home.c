/*
 * home.c -- the agent's home: 我的办件 first (what waits for them: their
 * items of every business type in draft or sent back, members' claims
 * waiting for 基层审核, the latest roster import of each
 * unit where they hold 医疗互助, unread messages), then the units they
 * serve and the latest station messages (办件 decisions, 绑定 changes).
 */
#include <stdio.h>

#include "agent.h"
#include "claim.h"
#include "db.h"
#include "flows.h"
#include "http.h"
#include "message.h"
#include "pages.h"
#include "rosterimport.h"
#include "view.h"

/* import_recent()'s: id, state, file, created, added, updated, failed,
 * rows read. */
static const struct view_col import_cols[] = {
	{ "@id", VK_INT, NULL, 0 },
	{ "@state", VK_TEXT, NULL, 0 },
	{ "filename", VK_TEXT, NULL, 0 },
	{ "created", VK_TEXT, NULL, 0 },
	{ "@added", VK_INT, NULL, 0 },
	{ "@updated", VK_INT, NULL, 0 },
	{ "@failed", VK_INT, NULL, 0 },
	{ "@rows-read", VK_INT, NULL, 0 },
};

#define NCOLS(t) (sizeof(t) / sizeof((t)[0]))

/* The latest roster import of each unit where the agent holds 医疗互助,
 * as <import unit=".." ...><unit-name/>..</import>.  1, 0 on error. */
static int
imports_add(struct req *r, xmlNodePtr tasks)
{
	struct db_res *units, *res;
	xmlNodePtr job;
	int rc, ok = 1;

	if ((units = agent_units(r->db, r->sess.subject)) == NULL)
		return 0;
	while (ok && (rc = db_next(units)) == 1) {
		if (!db_int(units, AU_MUTUAL_AID))
			continue;
		if ((res = import_recent(r->db, db_int(units, AU_ID))) == NULL) {
			ok = 0;
			break;
		}
		if ((rc = db_next(res)) == 1) {
			job = view_row(tasks, "import", import_cols,
			    NCOLS(import_cols), res);
			view_attr(job, "unit", db_col(units, AU_ID));
			view_add(job, "unit-name", db_col(units, AU_NAME));
		}
		ok = rc >= 0;
		db_done(res);
	}
	db_done(units);
	return ok && rc >= 0;
}

int
home_get(struct req *r)
{
	xmlNodePtr tasks;

	if (!units_add(r) ||
	    !message_list(r->db, SESS_AGENT, r->sess.subject, 10, r->page))
		return 500;
	tasks = view_add(r->page, "tasks", NULL);
	if (!flow_waiting(r->db, flow_types, SESS_AGENT, r->sess.subject, 20,
	    tasks) || !claim_grassroots_view(r->db, r->sess.subject, 20,
	    tasks) || !imports_add(r, tasks))
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}
