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
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] =      { HTTP_GET,  "/m/",       home_get,    ACC_MEMBER, 0 },
	[PAGE_BIND] =      { HTTP_GET,  "/m/bind",   bind_get,    ACC_ANON,   0 },
	[PAGE_BIND_POST] = { HTTP_POST, "/m/bind",   bind_post,   ACC_ANON,   0 },
	[PAGE_LOGOUT] =    { HTTP_POST, "/m/logout", logout_post, ACC_MEMBER, 0 },
	[PAGE_CAPTCHA] =   { HTTP_GET,  "/m/captcha", captcha_get, ACC_ANON,  0 },
	[PAGE_COVERAGE] =  { HTTP_GET,  "/m/coverage", coverage_get, ACC_MEMBER, 0 },
};

static const char *const sheets[SHEET__MAX] = {
	[SHEET_ERROR] = "error.xsl",
	[SHEET_BIND] = "member/bind.xsl",
	[SHEET_HOME] = "member/home.xsl",
	[SHEET_COVERAGE] = "member/coverage.xsl",
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
