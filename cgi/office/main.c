/*
 * hz-office -- the association's back office.
 */
#include <stddef.h>

#include "http.h"
#include "signin.h"
#include "pages.h"

enum page {
	PAGE_HOME,
	PAGE_LOGIN,
	PAGE_LOGIN_POST,
	PAGE_LOGOUT,
	PAGE_USERS,
	PAGE_USERS_POST,
	PAGE_USERS_ROLES,
	PAGE_QUEUE,
	PAGE_REVIEW,
	PAGE_REVIEW_POST,
	PAGE_REASONS,
	PAGE_REASONS_POST,
	PAGE_ORG_APP,
	PAGE_ORG_DECIDE,
	PAGE_FILE,
	PAGE_TRANSFER,
	PAGE_TRANSFER_DECIDE,
	PAGE_MOVE,
	PAGE_MOVE_DECIDE,
	PAGE_ORGS,
	PAGE_ORGS_ADD,
	PAGE_ORGS_RENAME,
	PAGE_SEARCH,
	PAGE_COVERAGE,
	PAGE_INVOICES,
	PAGE_INVOICES_POST,
	PAGE_INVOICE_FILE,
	PAGE_PLANS,
	PAGE_PLAN_NEW,
	PAGE_PLAN_NEW_POST,
	PAGE_PLAN,
	PAGE_PLAN_EDIT,
	PAGE_PLAN_EDIT_POST,
	PAGE_PLAN_ACTIVE,
	PAGE_CLAIM_FIGURES,
	PAGE_CLAIM_RECORDS,
	PAGE_CLAIM_REGIONS,
	PAGE_CLAIM_REGIONS_POST,
	PAGE_PAYOUTS,
	PAGE_PAYOUT_NEW,
	PAGE_PAYOUT_NEW_POST,
	PAGE_PAYOUT_BATCH,
	PAGE_PAYOUT_FILE,
	PAGE_PAYOUT_IMPORT,
	PAGE_PAYOUT_RECORD,
	PAGE_PAYOUT_RETURN,
	PAGE__MAX
};

/* Who reviews units, agents and rosters (and may read their materials). */
#define REVIEWERS (ROLE_REVIEW1 | ROLE_REVIEW2 | ROLE_ADMIN)
/* Who reads 参保记录 across units: the reviewers and finance. */
#define RECORDS (REVIEWERS | ROLE_FINANCE)

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] =        { HTTP_GET,  "/o/", home_get, ACC_OFFICE, ROLE_ANY },
	[PAGE_LOGIN] =       { HTTP_GET,  "/o/login", login_get, ACC_ANON, 0 },
	[PAGE_LOGIN_POST] =  { HTTP_POST, "/o/login", login_post, ACC_ANON, 0 },
	[PAGE_LOGOUT] =      { HTTP_POST, "/o/logout", logout_post, ACC_OFFICE, ROLE_ANY },
	[PAGE_USERS] =       { HTTP_GET,  "/o/users", users_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_USERS_POST] =  { HTTP_POST, "/o/users", users_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_USERS_ROLES] = { HTTP_POST, "/o/users/roles", users_roles_post, ACC_OFFICE, ROLE_ADMIN },
	/* finance confirms the premium of 参保申请 (待确认) */
	[PAGE_QUEUE] =       { HTTP_GET,  "/o/queue", queue_get, ACC_OFFICE, REVIEWERS | ROLE_FINANCE | ROLE_MEDICAL },
	[PAGE_REVIEW] =      { HTTP_GET,  "/o/review", review_get, ACC_OFFICE, ROLE_ANY },
	/* Who decides what is the engine's: each type's table. */
	[PAGE_REVIEW_POST] = { HTTP_POST, "/o/review", review_post, ACC_OFFICE, ROLE_ANY },
	[PAGE_REASONS] =     { HTTP_GET,  "/o/reasons", reasons_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_REASONS_POST] = { HTTP_POST, "/o/reasons", reasons_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_ORG_APP] =     { HTTP_GET,  "/o/org/app", orgapp_review_get, ACC_OFFICE, REVIEWERS },
	[PAGE_ORG_DECIDE] =  { HTTP_POST, "/o/org/app", orgapp_decide_post, ACC_OFFICE, ROLE_REVIEW1 },
	[PAGE_FILE] =        { HTTP_GET,  "/o/file", file_get, ACC_OFFICE, ROLE_ANY },
	[PAGE_TRANSFER] =    { HTTP_GET,  "/o/transfer", transfer_review_get, ACC_OFFICE, REVIEWERS },
	[PAGE_TRANSFER_DECIDE] = { HTTP_POST, "/o/transfer", transfer_decide_post, ACC_OFFICE, ROLE_REVIEW1 | ROLE_REVIEW2 },
	[PAGE_MOVE] =        { HTTP_GET,  "/o/move", move_review_get, ACC_OFFICE, REVIEWERS },
	[PAGE_MOVE_DECIDE] = { HTTP_POST, "/o/move", move_decide_post, ACC_OFFICE, ROLE_REVIEW1 },
	[PAGE_ORGS] =        { HTTP_GET,  "/o/orgs", orgs_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_ORGS_ADD] =    { HTTP_POST, "/o/orgs", orgs_add_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_ORGS_RENAME] = { HTTP_POST, "/o/orgs/rename", orgs_rename_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_SEARCH] =      { HTTP_GET,  "/o/search", search_get, ACC_OFFICE, ROLE_ANY },
	[PAGE_COVERAGE] =    { HTTP_GET,  "/o/coverage", coverage_get, ACC_OFFICE, RECORDS },
	[PAGE_INVOICES] =    { HTTP_GET,  "/o/invoices", invoices_get, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_INVOICES_POST] = { HTTP_POST, "/o/invoices", invoices_post, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_INVOICE_FILE] = { HTTP_GET, "/o/invoices/file", invoice_file_get, ACC_OFFICE, ROLE_FINANCE | ROLE_ADMIN },
	[PAGE_PLANS] =       { HTTP_GET,  "/o/plans", plans_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN_NEW] =    { HTTP_GET,  "/o/plans/new", plan_new_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN_NEW_POST] = { HTTP_POST, "/o/plans/new", plan_new_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN] =        { HTTP_GET,  "/o/plan", plan_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN_EDIT] =   { HTTP_GET,  "/o/plan/edit", plan_edit_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN_EDIT_POST] = { HTTP_POST, "/o/plan/edit", plan_edit_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_PLAN_ACTIVE] = { HTTP_POST, "/o/plan/active", plan_active_post, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_CLAIM_FIGURES] = { HTTP_POST, "/o/claim/figures", claim_figures_post, ACC_OFFICE, ROLE_REVIEW1 },
	[PAGE_CLAIM_RECORDS] = { HTTP_GET,  "/o/claims", claim_records_get, ACC_OFFICE, RECORDS },
	[PAGE_CLAIM_REGIONS] = { HTTP_GET, "/o/claim-regions", claim_regions_get, ACC_OFFICE, ROLE_ADMIN },
	[PAGE_CLAIM_REGIONS_POST] = { HTTP_POST, "/o/claim-regions", claim_regions_post, ACC_OFFICE, ROLE_ADMIN },
	/* 打款管理: finance pays; admin reads the batches. */
	[PAGE_PAYOUTS] =     { HTTP_GET,  "/o/payout", payouts_get, ACC_OFFICE, ROLE_FINANCE | ROLE_ADMIN },
	[PAGE_PAYOUT_NEW] =  { HTTP_GET,  "/o/payout/new", payout_new_get, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_PAYOUT_NEW_POST] = { HTTP_POST, "/o/payout/new", payout_new_post, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_PAYOUT_BATCH] = { HTTP_GET, "/o/payout/batch", payout_batch_get, ACC_OFFICE, ROLE_FINANCE | ROLE_ADMIN },
	[PAGE_PAYOUT_FILE] = { HTTP_GET,  "/o/payout/file", payout_file_get, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_PAYOUT_IMPORT] = { HTTP_POST, "/o/payout/import", payout_import_post, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_PAYOUT_RECORD] = { HTTP_POST, "/o/payout/record", payout_record_post, ACC_OFFICE, ROLE_FINANCE },
	[PAGE_PAYOUT_RETURN] = { HTTP_POST, "/o/payout/return", payout_return_post, ACC_OFFICE, ROLE_FINANCE },
};

static const char *const sheets[SHEET__MAX] = {
	[SHEET_ERROR] = "error.xsl",
	[SHEET_LOGIN] = "office/login.xsl",
	[SHEET_HOME] = "office/home.xsl",
	[SHEET_USERS] = "office/users.xsl",
	[SHEET_QUEUE] = "office/queue.xsl",
	[SHEET_REVIEW] = "office/review.xsl",
	[SHEET_REASONS] = "office/reasons.xsl",
	[SHEET_ORGS] = "office/orgs.xsl",
	[SHEET_SEARCH] = "office/search.xsl",
	[SHEET_COVERAGE] = "office/coverage.xsl",
	[SHEET_INVOICES] = "office/invoices.xsl",
	[SHEET_PLANS] = "office/plans.xsl",
	[SHEET_PLAN] = "office/plan.xsl",
	[SHEET_PLAN_FORM] = "office/planform.xsl",
	[SHEET_CLAIMS] = "office/claims.xsl",
	[SHEET_CLAIM_REGIONS] = "office/claimregions.xsl",
	[SHEET_PAYOUTS] = "office/payouts.xsl",
	[SHEET_PAYOUT_NEW] = "office/payoutnew.xsl",
	[SHEET_PAYOUT] = "office/payout.xsl",
};

static const struct app app = {
	.name = "hz-office",
	.prefix = "/o/",
	.title = "职工互助保障 · 协会业务系统",
	.kind = SESS_OFFICE,
	.routes = routes,
	.nroutes = PAGE__MAX,
	.sheets = sheets,
	.nsheets = SHEET__MAX,
	.signin = &signin_kinds,
};

int
main(int argc, char **argv)
{
	return http_main(&app, argc, argv);
}
