/*
 * wx.h -- 微信网页授权 (WeChat OAuth2, snsapi_base) for the member portal
 * (SPEC §8), where huzhu.conf names an official account (wx_appid,
 * wx_secret; the endpoints wx_authorize_url and wx_token_url default to
 * WeChat's own).  Opening the portal inside WeChat goes to the authorize
 * URL; WeChat comes back to /m/wx with a code, which hz-member exchanges
 * for the openid over libcurl.  The openid is kept with the binding
 * (member_bind.openid), so a bound member never types a code again.
 */
#ifndef HZ_WX_H
#define HZ_WX_H

#include <stddef.h>
#include <stdint.h>

#include "refusal.h"

struct db;

/* wx_on: 1 when WeChat sign-in is configured (wx_appid). */
int wx_on(void);

/* wx_wanted: 1 when WeChat sign-in is configured and `ua` (the request's
 * User-Agent, may be NULL) is WeChat's browser. */
int wx_wanted(const char *ua);

/* wx_authorize_url: the authorize URL that comes back to public_url/m/wx
 * with `state`, into out. */
void wx_authorize_url(const char *state, char *out, size_t outsz);

/*
 * wx_openid: exchange `code` for the openid at the token endpoint (3 s to
 * connect, 6 s in all).  Returns RF_OK with openid filled, or RF_WX_FAILED
 * with what went wrong said (refusal_detail_set): the endpoint's errmsg,
 * or that it did not answer.
 */
enum refusal wx_openid(const char *code, char *openid, size_t openidsz);

/* wx_member_of: the member bound with `openid`: its id, 0 if none, -1 on
 * a database error. */
int64_t wx_member_of(struct db *db, const char *openid);

/*
 * wx_pending_new: an openid that is nobody's yet waits 30 minutes for the
 * member to bind; its token (64 hex digits, the cookie) into token.
 * Returns 1, or 0 on a database error.
 */
int wx_pending_new(struct db *db, const char *openid, char token[65]);

/* wx_pending_live: 1 when `token` (may be NULL) names a waiting openid,
 * 0 when not, -1 on a database error. */
int wx_pending_live(struct db *db, const char *token);

/*
 * wx_after_bind: member `member` has just bound by SMS code.  With a
 * live pending `token` (from WeChat), its openid moves to this binding
 * (away from any other), audited "member.wx.bind"; without one, a new
 * binding elsewhere drops the openid the binding had ("member.wx.drop").
 * One transaction.  Returns 1, or 0 on a database error.
 */
int wx_after_bind(struct db *db, int64_t member, const char *token,
    const char *ip);

#endif
