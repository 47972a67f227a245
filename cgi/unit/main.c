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
	PAGE_UNITS,
	PAGE_ORG_NEW,
	PAGE_ORG_APP,
	PAGE_ORG_SAVE,
	PAGE_ORG_UPLOAD,
	PAGE_ORG_LINEAGE,
	PAGE_ORG_PROMISE,
	PAGE_ORG_SUBMIT,
	PAGE_ORG_CANCEL,
	PAGE_ORG_EDIT,
	PAGE_ORG_FILE,
	PAGE_ROSTER,
	PAGE_ROSTER_ADD,
	PAGE_ROSTER_ADD_POST,
	PAGE_ROSTER_MEMBER,
	PAGE_ROSTER_MEMBER_POST,
	PAGE_ROSTER_REMOVE,
	PAGE_ROSTER_TEMPLATE,
	PAGE_ROSTER_EXPORT,
	PAGE_IMPORT_POST,
	PAGE_IMPORT,
	PAGE_IMPORT_RESULT,
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
	[PAGE_UNITS] =          { HTTP_GET,  "/u/units", units_get, ACC_AGENT, 0 },
	[PAGE_ORG_NEW] =        { HTTP_GET,  "/u/org/new", orgapp_new_get, ACC_AGENT, 0 },
	[PAGE_ORG_APP] =        { HTTP_GET,  "/u/org/app", orgapp_get_page, ACC_AGENT, 0 },
	[PAGE_ORG_SAVE] =       { HTTP_POST, "/u/org/app", orgapp_save_post, ACC_AGENT, 0 },
	[PAGE_ORG_UPLOAD] =     { HTTP_POST, "/u/org/upload", orgapp_upload_post, ACC_AGENT, 0 },
	[PAGE_ORG_LINEAGE] =    { HTTP_POST, "/u/org/lineage", orgapp_lineage_post, ACC_AGENT, 0 },
	[PAGE_ORG_PROMISE] =    { HTTP_GET,  "/u/org/submit", orgapp_promise_get, ACC_AGENT, 0 },
	[PAGE_ORG_SUBMIT] =     { HTTP_POST, "/u/org/submit", orgapp_submit_post, ACC_AGENT, 0 },
	[PAGE_ORG_CANCEL] =     { HTTP_POST, "/u/org/cancel", orgapp_cancel_post, ACC_AGENT, 0 },
	[PAGE_ORG_EDIT] =       { HTTP_POST, "/u/org/edit", orgapp_edit_post, ACC_AGENT, 0 },
	[PAGE_ORG_FILE] =       { HTTP_GET,  "/u/org/file", orgapp_file_get, ACC_AGENT, 0 },
	[PAGE_ROSTER] =         { HTTP_GET,  "/u/roster", roster_get, ACC_AGENT, 0 },
	[PAGE_ROSTER_ADD] =     { HTTP_GET,  "/u/roster/add", roster_add_get, ACC_AGENT, 0 },
	[PAGE_ROSTER_ADD_POST] = { HTTP_POST, "/u/roster/add", roster_add_post, ACC_AGENT, 0 },
	[PAGE_ROSTER_MEMBER] =  { HTTP_GET,  "/u/roster/member", roster_member_get, ACC_AGENT, 0 },
	[PAGE_ROSTER_MEMBER_POST] = { HTTP_POST, "/u/roster/member", roster_member_post, ACC_AGENT, 0 },
	[PAGE_ROSTER_REMOVE] =  { HTTP_POST, "/u/roster/remove", roster_remove_post, ACC_AGENT, 0 },
	[PAGE_ROSTER_TEMPLATE] = { HTTP_GET, "/u/roster/template.xlsx", roster_template_get, ACC_AGENT, 0 },
	[PAGE_ROSTER_EXPORT] =  { HTTP_GET,  "/u/roster/export.xlsx", roster_export_get, ACC_AGENT, 0 },
	[PAGE_IMPORT_POST] =    { HTTP_POST, "/u/roster/import", import_post, ACC_AGENT, 0 },
	[PAGE_IMPORT] =         { HTTP_GET,  "/u/roster/import", import_get_page, ACC_AGENT, 0 },
	[PAGE_IMPORT_RESULT] =  { HTTP_GET,  "/u/roster/import/result.xlsx", import_result_get, ACC_AGENT, 0 },
};

static const char *const sheets[SHEET__MAX] = {
	[SHEET_ERROR] = "error.xsl",
	[SHEET_LOGIN] = "unit/login.xsl",
	[SHEET_PROFILE] = "unit/profile.xsl",
	[SHEET_HOME] = "unit/home.xsl",
	[SHEET_PASSWORD] = "unit/password.xsl",
	[SHEET_FORGOT] = "unit/forgot.xsl",
	[SHEET_UNITS] = "unit/units.xsl",
	[SHEET_ORGAPP] = "unit/orgapp.xsl",
	[SHEET_PROMISE] = "unit/promise.xsl",
	[SHEET_ROSTER] = "unit/roster.xsl",
	[SHEET_MEMBER_FORM] = "unit/member.xsl",
	[SHEET_IMPORT] = "unit/import.xsl",
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
