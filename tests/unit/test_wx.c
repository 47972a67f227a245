/*
 * test_wx.c -- when the member portal goes through 微信网页授权: only
 * where huzhu.conf names an official account, and only inside WeChat;
 * the authorize URL it goes to.
 */
#include <string.h>

#include "conf.h"
#include "tap.h"
#include "wx.h"

#define WECHAT_UA "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36" \
	" Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI"

int
main(void)
{
	char err[256], url[1024];

	ok(conf_parse("public_url = https://hz.example.cn\n", err, sizeof(err)),
	    "no WeChat keys");
	ok(!wx_wanted(WECHAT_UA), "unconfigured: WeChat's browser is not sent away");
	ok(!wx_wanted(NULL), "... nor a request without User-Agent");
	ok(conf_parse("public_url = https://hz.example.cn\nwx_appid = wx123\n"
	    "wx_secret = s\n", err, sizeof(err)), "an official account");
	ok(wx_wanted(WECHAT_UA), "configured: WeChat's browser goes to authorize");
	ok(!wx_wanted("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"),
	    "... another browser does not");
	ok(!wx_wanted(NULL), "... nor a request without User-Agent");
	wx_authorize_url("abc123", url, sizeof(url));
	is_str(url, "https://open.weixin.qq.com/connect/oauth2/authorize"
	    "?appid=wx123&redirect_uri=https%3A%2F%2Fhz.example.cn%2Fm%2Fwx"
	    "&response_type=code&scope=snsapi_base&state=abc123#wechat_redirect",
	    "the authorize URL, its redirect_uri encoded");
	return tap_done();
}
