/*
 * hz-unit -- the unit agent portal, used at a desk.
 */
#include <stddef.h>

#include "http.h"
#include "pages.h"

enum page {
	PAGE_HOME,
	PAGE_LOGIN,
	PAGE_LOGIN_SMS,
	PAGE_LOGIN_PASSWORD,
	PAGE_LOGOUT,
	PAGE_FORGOT,
	PAGE_FORGOT_POST,
	PAGE_PROFILE,
	PAGE_PROFILE_POST,
	PAGE_PASSWORD,
	PAGE_PASSWORD_POST,
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] =           { HTTP_GET,  "/u/", home_get, ACC_AGENT, 0 },
	[PAGE_LOGIN] =          { HTTP_GET,  "/u/login", login_get, ACC_ANON, 0 },
	[PAGE_LOGIN_SMS] =      { HTTP_POST, "/u/login/sms", login_sms_post, ACC_ANON, 0 },
	[PAGE_LOGIN_PASSWORD] = { HTTP_POST, "/u/login/password", login_password_post, ACC_ANON, 0 },
	[PAGE_LOGOUT] =         { HTTP_POST, "/u/logout", logout_post, ACC_AGENT_NEW, 0 },
	[PAGE_FORGOT] =         { HTTP_GET,  "/u/forgot", forgot_get, ACC_ANON, 0 },
	[PAGE_FORGOT_POST] =    { HTTP_POST, "/u/forgot", forgot_post, ACC_ANON, 0 },
	[PAGE_PROFILE] =        { HTTP_GET,  "/u/profile", profile_get, ACC_AGENT_NEW, 0 },
	[PAGE_PROFILE_POST] =   { HTTP_POST, "/u/profile", profile_post, ACC_AGENT_NEW, 0 },
	[PAGE_PASSWORD] =       { HTTP_GET,  "/u/password", password_get, ACC_AGENT, 0 },
	[PAGE_PASSWORD_POST] =  { HTTP_POST, "/u/password", password_post, ACC_AGENT, 0 },
};

static const char *const sheets[SHEET__MAX] = {
	[SHEET_ERROR] = "error.xsl",
	[SHEET_LOGIN] = "unit/login.xsl",
	[SHEET_PROFILE] = "unit/profile.xsl",
	[SHEET_HOME] = "unit/home.xsl",
	[SHEET_PASSWORD] = "unit/password.xsl",
	[SHEET_FORGOT] = "unit/forgot.xsl",
};

static const struct app app = {
	.name = "hz-unit",
	.prefix = "/u/",
	.title = "职工互助保障 · 单位经办",
	.kind = SESS_AGENT,
	.login_path = "/u/login",
	.routes = routes,
	.nroutes = PAGE__MAX,
	.sheets = sheets,
	.nsheets = SHEET__MAX,
};

int
main(void)
{
	return http_serve(&app);
}
