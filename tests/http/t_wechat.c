/*
 * t_wechat.c -- 微信网页授权 on the member portal (SPEC §8) against the
 * stack's stand-in of WeChat's two endpoints (hz-smssink, /_wx/): inside
 * WeChat /m/ goes to the authorize URL with the right parameters, and
 * elsewhere it does not; the callback checks the state, exchanges the
 * code, and an error there is a Chinese page; an unknown openid goes to
 * the bind, which keeps it; a bound openid then signs in with no code; a
 * binding elsewhere drops it.  Unconfigured: tests/unit/test_wx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "tap.h"

#define UA_WX	"User-Agent: Mozilla/5.0 (Linux; Android 13; Phone) AppleWebKit/537.36" \
	" Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI"
#define NTH	77		/* the demo member these tests bind */
#define NTH2	78

/* The openid the stand-in's next code stands for. */
static void
wx_next(const char *openid)
{
	struct hc *s = hc_new();
	char path[128];

	snprintf(path, sizeof(path), "/_wx/next?openid=%s", openid);
	hc_post_body(s, path, "text/plain", "", 0);
	hc_free(s);
}

/* Open the bind page as WeChat's browser; the authorize URL's path
 * (without the base and the #fragment) into out. */
static int
open_in_wechat(struct hc *c, const char *page, char *out, size_t outsz)
{
	int st = hc_raw(c, "GET", page, UA_WX, NULL);
	const char *loc = hc_location_path(c), *h;

	h = strchr(loc, '#');
	snprintf(out, outsz, "%.*s", h ? (int)(h - loc) : (int)strlen(loc), loc);
	return st;
}

/* Go through WeChat: bind page -> authorize -> /m/wx.  Returns the
 * callback's status. */
static int
through_wechat(struct hc *c, const char *openid)
{
	char auth[1024];

	wx_next(openid);
	open_in_wechat(c, "/m/bind", auth, sizeof(auth));
	if (hc_get(c, auth) != 302)
		return 0;
	return hc_get(c, hc_location_path(c));
}

static const char *
openid_of(int nth)
{
	char q[256];

	snprintf(q, sizeof(q), "SELECT COALESCE(openid, '') FROM member_bind"
	    " WHERE member_id = (SELECT id FROM member ORDER BY id LIMIT 1"
	    " OFFSET %d)", nth);
	return test_sql_str(q);
}

int
main(void)
{
	struct hc *c = hc_new(), *d = hc_new(), *e = hc_new(), *f = hc_new();
	char auth[1024], want[512], path[512], state[80];
	const char *loc;
	int st;

	/* Another browser: the portal as before. */
	is_int(hc_get(c, "/m/"), 303, "a browser without a session");
	is_str(hc_location_path(c), "/m/bind", "goes to the bind page");
	is_int(hc_get(c, "/m/bind"), 200, "which it is shown");
	ok(hc_cookie(c, "hz_wxs") == NULL, "no WeChat state");

	/* Inside WeChat: /m/ -> /m/bind -> the authorize URL. */
	is_int(hc_raw(d, "GET", "/m/", UA_WX, NULL), 303, "WeChat without a session");
	is_str(hc_location_path(d), "/m/bind", "goes to the bind page");
	st = open_in_wechat(d, "/m/bind", auth, sizeof(auth));
	is_int(st, 303, "which sends WeChat's browser on");
	loc = hc_location(d);
	snprintf(want, sizeof(want), "%s/_wx/authorize?appid=wxstack0000000001"
	    "&redirect_uri=http%%3A%%2F%%2F127.0.0.1%%3A%s%%2Fm%%2Fwx"
	    "&response_type=code&scope=snsapi_base&state=",
	    hc_base_url(), strrchr(hc_base_url(), ':') + 1);
	ok(strncmp(loc, want, strlen(want)) == 0, "to the authorize URL: %s", loc);
	snprintf(state, sizeof(state), "%.64s", loc + strlen(want));
	ok(strlen(state) == 64 && strcmp(loc + strlen(want) + 64,
	    "#wechat_redirect") == 0, "state and #wechat_redirect");
	ok(hc_cookie(d, "hz_wxs") && strcmp(hc_cookie(d, "hz_wxs"), state) == 0,
	    "the state is tied to this browser's cookie");
	open_in_wechat(e, "/m/bind", path, sizeof(path));
	ok(hc_cookie(e, "hz_wxs") && strcmp(hc_cookie(e, "hz_wxs"), state) != 0,
	    "another browser gets another state");

	/* The callback refuses a state that is not this browser's. */
	snprintf(path, sizeof(path), "/m/wx?code=x&state=%s", hc_cookie(e, "hz_wxs"));
	is_int(hc_get(d, path), 400, "another browser's state refused");
	ok(strstr(hc_body(d), "登录请求已失效或来源不明") != NULL, "in Chinese");
	ok(hc_cookie(d, "hz_m") == NULL, "nobody signed in");
	open_in_wechat(d, "/m/bind", auth, sizeof(auth));
	is_int(hc_get(d, "/m/wx?code=x"), 400, "no state refused");
	open_in_wechat(d, "/m/bind", auth, sizeof(auth));
	snprintf(path, sizeof(path), "/m/wx?state=%s", hc_cookie(d, "hz_wxs"));
	is_int(hc_get(d, path), 400, "no code (authorisation declined)");
	ok(strstr(hc_body(d), "未获得微信授权") != NULL, "told in Chinese");
	is_int(hc_get(f, "/m/wx?code=x&state=0000000000000000000000000000000000000000000000000000000000000000"),
	    400, "a state without its cookie refused");
	/* The token endpoint's errcode is a Chinese page, not a 500. */
	open_in_wechat(d, "/m/bind", auth, sizeof(auth));
	snprintf(path, sizeof(path), "/m/wx?code=forged-code&state=%s",
	    hc_cookie(d, "hz_wxs"));
	is_int(hc_get(d, path), 502, "a code WeChat does not know");
	ok(strstr(hc_body(d), "微信授权登录失败（错误码 40029）") != NULL,
	    "the error page says so");
	/* A state is used once. */
	is_int(hc_get(d, path), 400, "the same state again refused");

	/* An unknown openid: to the bind page, which keeps it. */
	st = through_wechat(c, "oTestWechatA");
	is_int(st, 303, "a new openid");
	is_str(hc_location_path(c), "/m/bind", "goes to the bind page");
	ok(hc_cookie(c, "hz_m") == NULL, "not signed in");
	is_int(hc_raw(c, "GET", "/m/bind", UA_WX, NULL), 200,
	    "the bind page now stays (no loop)");
	ok(hc_bind_member(c, NTH), "the member binds by SMS code");
	is_str(openid_of(NTH), "oTestWechatA", "the binding keeps the openid");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'member.wx.bind'"), 1, "audited");

	/* A bound openid signs in without a code. */
	st = through_wechat(e, "oTestWechatA");
	is_int(st, 303, "the same openid again");
	is_str(hc_location_path(e), "/m/", "signed straight in");
	ok(hc_cookie(e, "hz_m") != NULL, "with a session");
	is_int(hc_get(e, "/m/"), 200, "the member's home");
	is_int(test_sql_int("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'member.login.wx'"), 1, "the sign-in audited");

	/* The openid moves with a bind of another member in that WeChat. */
	st = through_wechat(f, "oTestWechatB");
	is_str(hc_location_path(f), "/m/bind", "openid B to the bind page");
	ok(hc_bind_member(f, NTH2), "binds the second member");
	is_str(openid_of(NTH2), "oTestWechatB", "kept with the second binding");

	/* A new binding elsewhere (by code, not in WeChat) drops it. */
	hc_free(c);
	c = hc_new();
	ok(hc_bind_member(c, NTH), "the first member binds again elsewhere");
	is_str(openid_of(NTH), "", "the old openid is dropped");
	hc_free(e);
	e = hc_new();
	st = through_wechat(e, "oTestWechatA");
	is_str(hc_location_path(e), "/m/bind", "that WeChat no longer signs in");
	ok(hc_cookie(e, "hz_m") == NULL, "no session");

	hc_free(c);
	hc_free(d);
	hc_free(e);
	hc_free(f);
	return tap_done();
}
