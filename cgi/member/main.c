/*
 * hz-member -- the member portal, opened inside WeChat on a phone.
 */
#include <stddef.h>

#include "codeask.h"
#include "http.h"
#include "messagepage.h"
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
	PAGE_NOTICES,
	PAGE_NEWS,
	PAGE_ARTICLE,
	PAGE_ARTICLE_IMAGE,
	PAGE_BROCHURE,
	PAGE_PRIVACY,
	PAGE_TERMS,
	PAGE_CONSENT,
	PAGE_CONSENT_POST,
	PAGE_WITHDRAW,
	PAGE_WITHDRAW_POST,
	PAGE_CHANGES,
	PAGE_CHANGE,
	PAGE_CHANGE_NEW,
	PAGE_CHANGE_NEW_POST,
	PAGE_CHANGE_EDIT,
	PAGE_CHANGE_EDIT_POST,
	PAGE_CHANGE_SUBMIT,
	PAGE_CHANGE_DELETE,
	PAGE_CHANGE_FILE,
	PAGE_ME,
	PAGE_MESSAGES,
	PAGE_MESSAGE,
	PAGE_MESSAGES_READ_ALL,
	PAGE_WX,
	PAGE__MAX
};

static const struct route routes[PAGE__MAX] = {
	[PAGE_HOME] =      { HTTP_GET,  "/m/",       home_get,    ACC_MEMBER, 0 },
	[PAGE_BIND] =      { HTTP_GET,  "/m/bind",   bind_get,    ACC_ANON,   0 },
	[PAGE_BIND_POST] = { HTTP_POST, "/m/bind",   bind_post,   ACC_ANON,   0 },
	[PAGE_LOGOUT] =    { HTTP_POST, "/m/logout", logout_post, ACC_MEMBER, MEMBER_BEFORE_CONSENT },
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
	/* 公告、资讯、宣传手册; the texts are open to anyone (the bind page
	 * links them); asking again and 撤回同意 come before consent */
	[PAGE_NOTICES] =   { HTTP_GET,  "/m/notices", notices_get, ACC_MEMBER, 0 },
	[PAGE_NEWS] =      { HTTP_GET,  "/m/news", news_get, ACC_MEMBER, 0 },
	[PAGE_ARTICLE] =   { HTTP_GET,  "/m/article", article_get, ACC_MEMBER, 0 },
	[PAGE_ARTICLE_IMAGE] = { HTTP_GET, "/m/article/image", article_image_get, ACC_MEMBER, 0 },
	[PAGE_BROCHURE] =  { HTTP_GET,  "/m/brochure", brochure_get, ACC_MEMBER, 0 },
	[PAGE_PRIVACY] =   { HTTP_GET,  "/m/privacy", privacy_get, ACC_ANON, 0 },
	[PAGE_TERMS] =     { HTTP_GET,  "/m/terms", terms_get, ACC_ANON, 0 },
	[PAGE_CONSENT] =   { HTTP_GET,  "/m/consent", consent_get, ACC_MEMBER, MEMBER_BEFORE_CONSENT },
	[PAGE_CONSENT_POST] = { HTTP_POST, "/m/consent", consent_post, ACC_MEMBER, MEMBER_BEFORE_CONSENT },
	[PAGE_WITHDRAW] =  { HTTP_GET,  "/m/consent/withdraw", withdraw_get, ACC_MEMBER, MEMBER_BEFORE_CONSENT },
	[PAGE_WITHDRAW_POST] = { HTTP_POST, "/m/consent/withdraw", withdraw_post, ACC_MEMBER, MEMBER_BEFORE_CONSENT },
	[PAGE_CHANGES] =   { HTTP_GET,  "/m/changes", changes_get, ACC_MEMBER, 0 },
	[PAGE_CHANGE] =    { HTTP_GET,  "/m/change", change_get_page, ACC_MEMBER, 0 },
	[PAGE_CHANGE_NEW] = { HTTP_GET, "/m/change/new", change_new_get, ACC_MEMBER, 0 },
	[PAGE_CHANGE_NEW_POST] = { HTTP_POST, "/m/change/new", change_new_post, ACC_MEMBER, 0 },
	[PAGE_CHANGE_EDIT] = { HTTP_GET, "/m/change/edit", change_edit_get, ACC_MEMBER, 0 },
	[PAGE_CHANGE_EDIT_POST] = { HTTP_POST, "/m/change/edit", change_edit_post, ACC_MEMBER, 0 },
	[PAGE_CHANGE_SUBMIT] = { HTTP_POST, "/m/change/submit", change_submit_page, ACC_MEMBER, 0 },
	[PAGE_CHANGE_DELETE] = { HTTP_POST, "/m/change/delete", change_delete_page, ACC_MEMBER, 0 },
	[PAGE_CHANGE_FILE] = { HTTP_GET, "/m/change/file", change_file_get, ACC_MEMBER, 0 },
	[PAGE_ME] =        { HTTP_GET,  "/m/me", me_get, ACC_MEMBER, 0 },
	[PAGE_MESSAGES] =  { HTTP_GET,  "/m/messages", messages_get, ACC_MEMBER, 0 },
	[PAGE_MESSAGE] =   { HTTP_GET,  "/m/message", message_get, ACC_MEMBER, 0 },
	[PAGE_MESSAGES_READ_ALL] = { HTTP_POST, "/m/messages/read-all", message_read_all_post, ACC_MEMBER, 0 },
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
	[SHEET_ARTICLES] = "member/articles.xsl",
	[SHEET_ARTICLE] = "member/article.xsl",
	[SHEET_TEXT] = "member/text.xsl",
	[SHEET_CONSENT] = "member/consent.xsl",
	[SHEET_WITHDRAW] = "member/withdraw.xsl",
	[SHEET_CHANGES] = "member/changes.xsl",
	[SHEET_CHANGE] = "member/change.xsl",
	[SHEET_CHANGE_FORM] = "member/changeform.xsl",
	[SHEET_MESSAGES] = "member/messages.xsl",
	[SHEET_ME] = "member/me.xsl",
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
