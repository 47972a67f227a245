/*
 * hz-member -- the member portal, opened inside WeChat on a phone.
 */
#include <stddef.h>

#include "codeask.h"
#include "http.h"
#include "signin.h"
#include "pages.h"

enum page {
	PAGE_HOME,
	PAGE_BIND,
	PAGE_BIND_POST,
	PAGE_LOGOUT,
	PAGE_CAPTCHA,
	PAGE_COVERAGE,
	PAGE_CLAIMS,
	PAGE_CLAIM_NEW,
	PAGE_CLAIM,
	PAGE_CLAIM_STEP,
	PAGE_CLAIM_STEP_POST,
	PAGE_CLAIM_DELETE,
	PAGE_CLAIM_CORRECT,
	PAGE_CLAIM_CORRECT_POST,
	PAGE_CLAIM_FILE,
	PAGE_WX,
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] =      { HTTP_GET,  "/m/",       home_get,    ACC_MEMBER, 0 },
	[PAGE_BIND] =      { HTTP_GET,  "/m/bind",   bind_get,    ACC_ANON,   0 },
	[PAGE_BIND_POST] = { HTTP_POST, "/m/bind",   bind_post,   ACC_ANON,   0 },
	[PAGE_LOGOUT] =    { HTTP_POST, "/m/logout", logout_post, ACC_MEMBER, 0 },
	[PAGE_CAPTCHA] =   { HTTP_GET,  "/m/captcha", captcha_get, ACC_ANON,  0 },
	[PAGE_COVERAGE] =  { HTTP_GET,  "/m/coverage", coverage_get, ACC_MEMBER, 0 },
	[PAGE_CLAIMS] =    { HTTP_GET,  "/m/claims", claims_get, ACC_MEMBER, 0 },
	[PAGE_CLAIM_NEW] = { HTTP_POST, "/m/claims/new", claim_new_post, ACC_MEMBER, 0 },
	[PAGE_CLAIM] =     { HTTP_GET,  "/m/claim", claim_get_page, ACC_MEMBER, 0 },
	[PAGE_CLAIM_STEP] = { HTTP_GET, "/m/claim/step", claim_step_get, ACC_MEMBER, 0 },
	[PAGE_CLAIM_STEP_POST] = { HTTP_POST, "/m/claim/step", claim_step_post, ACC_MEMBER, 0 },
	[PAGE_CLAIM_DELETE] = { HTTP_POST, "/m/claim/delete", claim_delete_post, ACC_MEMBER, 0 },
	[PAGE_CLAIM_CORRECT] = { HTTP_GET, "/m/claim/correct", claim_correct_get, ACC_MEMBER, 0 },
	[PAGE_CLAIM_CORRECT_POST] = { HTTP_POST, "/m/claim/correct", claim_correct_post, ACC_MEMBER, 0 },
	[PAGE_CLAIM_FILE] = { HTTP_GET, "/m/claim/file", claim_file_get, ACC_MEMBER, 0 },
	[PAGE_WX] =        { HTTP_GET,  "/m/wx",     wx_get,      ACC_ANON,   0 },
};

static const char *const sheets[SHEET__MAX] = {
	[SHEET_ERROR] = "error.xsl",
	[SHEET_BIND] = "member/bind.xsl",
	[SHEET_HOME] = "member/home.xsl",
	[SHEET_COVERAGE] = "member/coverage.xsl",
	[SHEET_CLAIMS] = "member/claims.xsl",
	[SHEET_CLAIM] = "member/claim.xsl",
	[SHEET_CLAIM_FORM] = "member/claimform.xsl",
};

static const struct app app = {
	.name = "hz-member",
	.prefix = "/m/",
	.title = "职工互助保障",
	.kind = SESS_MEMBER,
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
