/*
 * import.c -- 导入职工信息: upload a roster workbook, watch the job, read
 * the counts, download the result workbook.  hz-jobs does the work
 * (lib/rosterimport.c); these pages only start and show it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "files.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "rosterimport.h"
#include "store.h"
#include "view.h"

int
import_post(struct req *r)
{
	struct actor by = actor_of(r);
	enum refusal rf;
	const char *why;
	char path[96];
	int64_t unit, job;
	int st;

	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	rf = import_start(r->db, &by, unit, req_file(r, "file"), &job, &why);
	if (rf == RF_DB)
		return 500;
	if (rf == RF_OK) {
		snprintf(path, sizeof(path), "/u/roster/import?unit=%lld&id=%lld",
		    (long long)unit, (long long)job);
		return req_redirect(r, path);
	}
	/* Refused: the message above the unchanged roster. */
	form_message(r, rf == RF_FILE ? why : refusal_text(rf), "error");
	return roster_page(r, unit);
}

/* The job of ?id=, if it belongs to ?unit= (checked by roster_unit). */
static int
own_job(struct req *r, int64_t unit, struct import_job *j)
{
	int rc;

	if ((rc = import_get(r->db, req_id(r, "id"), j)) < 0)
		return 500;
	if (rc == 0 || j->unit_id != unit)
		return req_error_page(r, 404, "未找到该导入记录。");
	return 0;
}

int
import_get_page(struct req *r)
{
	struct import_job j;
	xmlNodePtr n;
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0 || (st = own_job(r, unit, &j)) != 0)
		return st;
	/* Progress: the page reloads itself each second until the end. */
	if (strcmp(j.state, "queued") == 0 || strcmp(j.state, "running") == 0)
		view_attr(r->page, "refresh", "1");
	n = view_add(r->page, "import", NULL);
	view_attrf(n, "id", "%lld", (long long)j.id);
	view_attr(n, "state", j.state);
	view_attrf(n, "rows-read", "%lld", (long long)j.rows_read);
	view_attrf(n, "added", "%lld", (long long)j.added);
	view_attrf(n, "updated", "%lld", (long long)j.updated);
	view_attrf(n, "failed", "%lld", (long long)j.failed);
	view_attrf(n, "warned", "%lld", (long long)j.warned);
	view_attrf(n, "read", "%lld", (long long)(j.added + j.updated +
	    j.failed));
	view_attrf(n, "seconds", "%.1f", j.seconds);
	if (j.result_id)
		view_attr(n, "result", "1");
	view_add(n, "filename", j.filename);
	view_add(n, "created", j.created_at);
	if (*j.error)
		view_add(n, "error", j.error);
	r->sheet = SHEET_IMPORT;
	return 200;
}

int
import_result_get(struct req *r)
{
	struct import_job j;
	struct attachment a;
	int64_t unit;
	int st;

	if ((st = aid_unit(r, &unit)) != 0 || (st = own_job(r, unit, &j)) != 0)
		return st;
	if (j.result_id == 0)
		return req_error_page(r, 404, "该次导入没有需要处理的行。");
	if ((st = file_for_agent(r->db, j.result_id, r->sess.subject, "import",
	    &a)) < 0)
		return 500;
	if (st == 0 || a.owner_id != unit)
		return req_error_page(r, 404, "未找到该文件。");
	return store_send(r, &a);
}
