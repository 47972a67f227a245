/*
 * wx.c -- 微信网页授权 on the member portal (wx.h): the way out to the
 * authorize URL, the callback /m/wx, and the openid taken along when the
 * member binds.
 *
 * Two short-lived cookies: hz_wxs holds the state sent to WeChat (the
 * callback must bring the same back, so nobody can push their code into
 * another's browser); hz_wxo names an openid that came back for nobody,
 * waiting for the bind.
 */
#include <string.h>

#include <fcgiapp.h>

#include "form.h"
#include "http.h"
#include "pages.h"
#include "rand.h"
#include "session.h"
#include "wx.h"

#define STATE_COOKIE	"hz_wxs"
#define PENDING_COOKIE	"hz_wxo"

/*
 * wx_bind_detour: on the bind page, a visitor inside WeChat (where it is
 * configured) goes to WeChat's authorize URL first, unless an openid of
 * theirs is already waiting for the bind, or they chose the code (wx=0).
 * Returns the redirect's status, 0 to show the bind page, 500.
 */
int
wx_bind_detour(struct req *r)
{
	const char *ua = FCGX_GetParam("HTTP_USER_AGENT", r->fcgi->envp);
	const char *skip = req_query(r, "wx");
	char state[65], url[1024];
	int live;

	if (!wx_wanted(ua) || (skip && strcmp(skip, "0") == 0))
		return 0;
	if ((live = wx_pending_live(r->db, req_cookie(r, PENDING_COOKIE))) < 0)
		return 500;
	if (live)
		return 0;
	if (!rand_hex(state, 32))
		return 500;
	req_cookie_set(r, STATE_COOKIE, state, 600);
	wx_authorize_url(state, url, sizeof(url));
	return req_redirect(r, url);
}

/*
 * GET /m/wx?code&state: WeChat's callback.  A bound openid signs its
 * member in; another waits (30 min) for the bind.  A bad state, no code
 * or a failed exchange is a Chinese error page.
 */
int
wx_get(struct req *r)
{
	const char *state = req_query(r, "state"), *code = req_query(r, "code");
	const char *mine = req_cookie(r, STATE_COOKIE);
	char openid[80], token[65];
	enum refusal rf;
	int64_t member;

	if (!wx_on())
		return 404;
	req_cookie_set(r, STATE_COOKIE, "", 0);	/* one use */
	if (!rand_token_ok(state) || !rand_token_ok(mine) ||
	    strcmp(state, mine) != 0)
		return req_error_page(r, 400,
		    "登录请求已失效或来源不明，请关闭页面后重新打开");
	if (code == NULL || *code == '\0' || strlen(code) > 128)
		return req_error_page(r, 400,
		    "未获得微信授权，请重新打开页面并允许授权，或使用手机验证码绑定");
	if ((rf = wx_openid(code, openid, sizeof(openid))) != RF_OK)
		return page_refuse(r, rf, 502);
	if ((member = wx_member_of(r->db, openid)) < 0)
		return 500;
	if (member > 0) {
		if (!session_start(r, member, "member.login.wx", "member"))
			return 500;
		return req_redirect(r, "/m/");
	}
	if (!wx_pending_new(r->db, openid, token))
		return 500;
	req_cookie_set(r, PENDING_COOKIE, token, 1800);
	return req_redirect(r, "/m/bind");
}

/* After a bind by SMS code: take the waiting openid along (or drop the
 * binding's old one).  Returns 1, or 0 on a database error. */
int
wx_bind_done(struct req *r, int64_t member)
{
	const char *token = req_cookie(r, PENDING_COOKIE);

	if (token)
		req_cookie_set(r, PENDING_COOKIE, "", 0);
	return wx_after_bind(r->db, member, token, r->remote_addr);
}
