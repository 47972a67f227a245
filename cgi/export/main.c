/*
 * hz-export -- XLSX downloads (/x/), in their own process pool so a
 * 100 000-row export never holds up a page.  Office users take the member
 * list and 参保记录 across units, a unit's agents its roster and its
 * 参保记录: each route names the session it wants
 * (lib/http.h), so one program serves both.
 *
 * Every export is written whole to a temp file first and sent, with its
 * 200, only when complete: a database error mid-stream answers the error
 * page, never a short workbook.
 */
#include <stdio.h>
#include <unistd.h>

#include "agent.h"
#include "audit.h"
#include "conf.h"
#include "claimrec.h"
#include "coverage.h"
#include "form.h"
#include "http.h"
#include "signin.h"
#include "member.h"
#include "roster.h"
#include "xlsx.h"

/*
 * Audit a finished export of `rows` rows, then send it.  Returns the
 * status; the file is removed either way.
 */
static int
send_export(struct req *r, const char *path, const char *action,
    const char *object, int64_t id, int64_t rows, const char *name)
{
	char n[24];

	snprintf(n, sizeof(n), "%lld", (long long)rows);
	if (!audit_req(r, action, object, id, n)) {
		unlink(path);
		return 500;
	}
	return req_send_file(r, path, XLSX_MIME, name);
}

/*
 * 职工名单: every member with their unit.  Full ID and phone numbers only
 * for admin and finance, and the export itself is audited.
 */
static int
members_xlsx(struct req *r)
{
	const char *tmp = conf_str(CONF_TMP_DIR);
	int full = (r->sess.roles & (ROLE_ADMIN | ROLE_FINANCE)) != 0;
	char path[1024];
	int64_t n;

	if (!xlsx_tmp(path, sizeof(path), tmp) ||
	    (n = member_export(r->db, full, path, tmp)) < 0)
		return 500;
	return send_export(r, path, full ? "export.members.full" :
	    "export.members", "member", 0, n, "职工名单.xlsx");
}

/*
 * 职工名册 of the unit ?unit=, full numbers (the agent keeps it), for its
 * agents holding 医疗互助 (a chairman always does): agent_may_aid, the
 * check hz-unit's roster pages make.
 */
static int
roster_xlsx(struct req *r)
{
	const char *tmp = conf_str(CONF_TMP_DIR);
	int64_t unit = req_id(r, "unit"), n;
	enum refusal rf;
	char path[1024];

	if ((rf = agent_may_aid(r->db, r->sess.subject, unit)) != RF_OK)
		return page_refuse(r, rf, rf == RF_PICK_UNIT ? 404 : 403);
	if (!xlsx_tmp(path, sizeof(path), tmp) ||
	    (n = roster_export(r->db, unit, path, tmp)) < 0)
		return 500;
	return send_export(r, path, "roster.export", "org", unit, n,
	    "职工名册.xlsx");
}

/*
 * Whose records an export may hold: the unit of ?unit= for its agents
 * with 医疗互助 (full numbers, as the roster), or every unit's for the
 * office (`office`: full numbers for admin and finance only).  0 with
 * *unit and *full set, or the status of the refusal page made.
 */
static int
records_scope(struct req *r, int office, int64_t *unit, int *full)
{
	enum refusal rf;

	*full = 1;
	if (office) {
		*full = (r->sess.roles & (ROLE_ADMIN | ROLE_FINANCE)) != 0;
		return 0;
	}
	if ((rf = agent_may_aid(r->db, r->sess.subject, *unit = req_id(r,
	    "unit"))) != RF_OK)
		return page_refuse(r, rf, rf == RF_PICK_UNIT ? 404 : 403);
	return 0;
}

/*
 * 参保记录 with the filter the page sent (coverage.h): the unit's (?unit=,
 * its agents with 医疗互助; full numbers, as the roster) or, when
 * `office`, every unit's (full numbers for admin and finance only).
 * Audited with the rows' count.
 */
static int
coverage_xlsx_of(struct req *r, int office)
{
	const char *tmp = conf_str(CONF_TMP_DIR), *why_no, *why_id;
	struct coverage_ask ask = {
		req_query(r, "no"), req_query(r, "id"), req_query(r, "plan"),
		req_query(r, "year"), office ? req_query(r, "district") : NULL,
		office ? req_query(r, "unit_name") : NULL
	};
	struct coverage_filter f;
	char path[1024];
	int64_t n;
	int full, st;

	coverage_filter_read(&ask, &f, &why_no, &why_id);
	if ((st = records_scope(r, office, &f.unit, &full)) != 0)
		return st;
	if (!xlsx_tmp(path, sizeof(path), tmp) ||
	    (n = coverage_export(r->db, &f, full, office, path, tmp)) < 0)
		return 500;
	return send_export(r, path, full ? "export.coverage.full" :
	    "export.coverage", "org", f.unit, n, "参保记录.xlsx");
}

static int
coverage_xlsx(struct req *r)
{
	return coverage_xlsx_of(r, 0);
}

static int
coverage_all_xlsx(struct req *r)
{
	return coverage_xlsx_of(r, 1);
}

/*
 * 补助记录 with the filter the page sent (claimrec.h): the unit's (?unit=,
 * its agents with 医疗互助, full numbers) or, when `office`, every unit's
 * (full numbers for admin and finance only).  Audited with the count.
 */
static int
claims_xlsx_of(struct req *r, int office)
{
	const char *tmp = conf_str(CONF_TMP_DIR), *why;
	struct claim_ask ask = {
		req_query(r, "kind"), req_query(r, "state"),
		req_query(r, "person"), req_query(r, "phone"),
		req_query(r, "from"), req_query(r, "to"),
		office ? req_query(r, "district") : NULL,
		office ? req_query(r, "plan") : NULL
	};
	struct claim_filter f;
	char path[1024];
	int64_t n;
	int full, st;

	claim_filter_read(&ask, &f, &why);
	if ((st = records_scope(r, office, &f.unit, &full)) != 0)
		return st;
	if (!xlsx_tmp(path, sizeof(path), tmp) ||
	    (n = claim_records_export(r->db, &f, full, office, path, tmp)) < 0)
		return 500;
	return send_export(r, path, full ? "export.claims.full" :
	    "export.claims", "org", f.unit, n, "补助记录.xlsx");
}

static int claims_xlsx(struct req *r) { return claims_xlsx_of(r, 0); }
static int claims_all_xlsx(struct req *r) { return claims_xlsx_of(r, 1); }

enum page {
	PAGE_MEMBERS,
	PAGE_ROSTER,
	PAGE_COVERAGE,
	PAGE_COVERAGE_ALL,
	PAGE_CLAIMS,
	PAGE_CLAIMS_ALL,
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_MEMBERS] = { HTTP_GET, "/x/members.xlsx", members_xlsx, ACC_OFFICE,
	    ROLE_ADMIN | ROLE_FINANCE | ROLE_REVIEW1 | ROLE_REVIEW2 },
	[PAGE_ROSTER] =  { HTTP_GET, "/x/roster.xlsx", roster_xlsx, ACC_AGENT, 0 },
	[PAGE_COVERAGE] = { HTTP_GET, "/x/coverage.xlsx", coverage_xlsx, ACC_AGENT, 0 },
	/* 参保记录 across units: as /o/coverage. */
	[PAGE_COVERAGE_ALL] = { HTTP_GET, "/x/coverage-all.xlsx", coverage_all_xlsx,
	    ACC_OFFICE, ROLE_ADMIN | ROLE_FINANCE | ROLE_REVIEW1 | ROLE_REVIEW2 },
	/* 补助记录: a unit's, and every unit's as /o/claims. */
	[PAGE_CLAIMS] = { HTTP_GET, "/x/claims.xlsx", claims_xlsx, ACC_AGENT, 0 },
	[PAGE_CLAIMS_ALL] = { HTTP_GET, "/x/claims-all.xlsx", claims_all_xlsx,
	    ACC_OFFICE, ROLE_ADMIN | ROLE_FINANCE | ROLE_REVIEW1 | ROLE_REVIEW2 },
};

static const char *const sheets[] = { "error.xsl" };

static const struct app app = {
	.name = "hz-export",
	.prefix = "/x/",
	.title = "职工互助保障 · 导出",
	.kind = SESS_NONE,	/* no pages of its own: each route names one */
	.routes = routes,
	.nroutes = PAGE__MAX,
	.sheets = sheets,
	.nsheets = 1,
	.signin = &signin_kinds,
};

int
main(int argc, char **argv)
{
	return http_main(&app, argc, argv);
}
