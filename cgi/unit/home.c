/*
 * home.c -- the agent's home: 我的办件 first (what waits for them: their
 * applications in draft or sent back, the latest roster import of each
 * unit where they hold 医疗互助, unread messages), then the units they
 * serve and the latest station messages (办件 decisions, 绑定 changes).
 */
#include <stdio.h>

#include "agent.h"
#include "db.h"
#include "flow.h"
#include "http.h"
#include "message.h"
#include "orgapp.h"
#include "pages.h"
#include "rosterimport.h"
#include "transfer.h"
#include "view.h"

/* An application after its head (flow_view_item): what it is about. */
static const struct view_col orgapp_cols[] = {
	[OA_KIND] =	{ "@kind", VK_TEXT, NULL, 0 },
	[OA_NAME] =	{ "name", VK_TEXT, NULL, 0 },
	[OA_UPDATED] =	{ "updated", VK_TIME, NULL, 0 },
};

/* transfer_by_agent()'s: id, state, unit, agent, phone, updated. */
static const struct view_col transfer_cols[] = {
	{ NULL, VK_INT, NULL, 0 },
	{ NULL, VK_INT, NULL, 0 },
	{ "name", VK_TEXT, NULL, 0 },
	{ NULL, VK_TEXT, NULL, 0 },
	{ NULL, VK_TEXT, NULL, 0 },
	{ "updated", VK_TIME, NULL, 0 },
};

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

/* Whether an item in state s waits for its filer: a draft to finish and
 * send, or an item sent back to correct. */
static int
waits_for_filer(int64_t s)
{
	return s == FS_DRAFT || s == FS_RETURNED;
}

/*
 * The filer's items of one list (orgapp_by_agent, transfer_by_agent:
 * id in column 0) that wait for them, as <task kind=".." href="..">
 * under `tasks`.  Returns 1, 0 on a database error.
 */
static int
tasks_of(xmlNodePtr tasks, struct db_res *res, int statecol,
    const char *kind, const char *href, const struct view_col *cols,
    size_t ncols)
{
	xmlNodePtr t;
	int rc;

	if (res == NULL)
		return 0;
	while ((rc = db_next(res)) == 1) {
		if (!waits_for_filer(db_int(res, statecol)))
			continue;
		t = flow_view_item(tasks, "task", db_int(res, 0),
		    (enum flow_state)db_int(res, statecol));
		view_fill(t, cols, ncols, res);
		view_attr(t, "type", kind);
		view_attrf(t, "href", "%s%lld", href, (long long)db_int(res, 0));
	}
	db_done(res);
	return rc == 0;
}

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
	if (!tasks_of(tasks, orgapp_by_agent(r->db, r->sess.subject), OA_STATE,
	    "orgapp", "/u/org/app?id=", orgapp_cols, NCOLS(orgapp_cols)) ||
	    !tasks_of(tasks, transfer_by_agent(r->db, r->sess.subject), 1,
	    "transfer", "/u/transfer?id=", transfer_cols,
	    NCOLS(transfer_cols)) ||
	    !imports_add(r, tasks))
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}
