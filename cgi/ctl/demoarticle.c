/*
 * demoarticle.c -- the demo's 隐私协议 and 服务声明 (version 1), 公告通知
 * and 工会资讯 with covers, published by the demo editor, so the member
 * home has something to read.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gd.h>

#include "article.h"
#include "audit.h"
#include "conf.h"
#include "consent.h"
#include "ctl.h"
#include "http_parse.h"
#include "kind.h"
#include "rand.h"
#include "staff.h"

static const char privacy_text[] =
    "<p>本隐私协议说明职工互助保障平台（以下简称“本平台”）如何收集、使用和保护您的个人信息。"
    "请您在绑定职工账号前仔细阅读。</p>"
    "<p><b>一、我们收集的信息</b></p>"
    "<ul><li>身份信息：姓名、证件类型、证件号码、性别、出生日期；</li>"
    "<li>联系方式：手机号码（用于短信验证码和办理结果通知）；</li>"
    "<li>办理补助申请时您提交的医疗材料、银行卡信息。</li></ul>"
    "<p><b>二、我们如何使用</b></p>"
    "<p>上述信息仅用于参保登记、补助审核与发放、向您发送办理通知。证件号码、银行卡号、"
    "手机号码及医疗材料属于敏感个人信息，平台默认以掩码显示，工作人员查看完整信息时留有记录。</p>"
    "<p><b>三、您的权利</b></p>"
    "<p>您可以随时查看本协议，也可以在“隐私协议”页面撤回同意；撤回后将解除绑定，"
    "已提交的业务仍按规定办理。</p>";

static const char terms_text[] =
    "<p>欢迎使用职工互助保障平台。本平台由市总工会职工互助保障会提供，"
    "为参保职工提供参保查询、补助申请、消息通知等服务。</p>"
    "<ul><li>请如实填写个人信息，因信息不实造成的后果由本人承担；</li>"
    "<li>请妥善保管绑定的手机，勿将验证码告知他人；</li>"
    "<li>补助金额以审核结果为准，审核进度可在“补助申请”中查看。</li></ul>"
    "<p>如有疑问，请联系所在单位工会经办人。</p>";

static const struct {
	enum article_kind	 kind;
	const char		*title, *body;
	int			 cover;		/* colour scheme, or -1 */
} items[] = {
	{ ART_NOTICE, "关于开展2027年度职工医疗互助保障活动的通知",
	    "<p>各区总工会、各基层工会：</p>"
	    "<p>2027年度职工医疗互助保障活动自12月1日起开始参保登记。"
	    "请各基层工会于<b>12月31日前</b>完成本单位职工名册核对和参保申请。</p>"
	    "<ul><li>参保对象：在职职工；</li><li>保障期间：2027年1月1日至12月31日；</li>"
	    "<li>缴费方式：单位统一缴纳。</li></ul>"
	    "<p>特此通知。</p>", -1 },
	{ ART_NOTICE, "元旦期间业务办理时间安排",
	    "<p>元旦假期（1月1日至1月3日）期间暂停线下受理，线上补助申请照常提交，"
	    "节后统一审核。</p>", -1 },
	{ ART_NEWS, "市总工会开展“送温暖”走访慰问活动",
	    "<p>近日，市总工会领导带队深入企业一线，走访慰问困难职工和坚守岗位的一线职工，"
	    "送上慰问金和慰问品。</p>"
	    "<p>今年以来，职工医疗互助保障已为<b>1,200余名</b>住院职工发放补助金，"
	    "切实减轻职工医疗负担。</p>", 0 },
	{ ART_NEWS, "住院补助申请指南：三步完成线上申请",
	    "<p>参保职工住院后，可通过本平台自助申请住院补助金：</p>"
	    "<ol><li>在首页点击“补助申请”，选择“申请住院补助金”；</li>"
	    "<li>上传身份证、费用结算单、出院记录等材料；</li>"
	    "<li>填写银行卡信息并提交，审核结果将以短信和站内信通知。</li></ol>"
	    "<p>更多说明请见<a href=\"/m/claims\">补助申请</a>页面。</p>", 1 },
	{ ART_NEWS, "职工互助保障政策问答",
	    "<p><b>问：</b>退休后还能参加职工互助保障吗？</p>"
	    "<p><b>答：</b>按本年度保障计划的规定办理，具体以计划说明为准。</p>", 2 },
};

/* Write `im` as a PNG in the temp dir and describe it as upload *u
 * (path in `path`, which the caller unlinks); 1, 0 on error. */
static int
png_upload(gdImagePtr im, char *path, size_t size, struct upload *u)
{
	struct stat st;
	char hex[17];
	FILE *f;

	if (!rand_hex(hex, 8))
		return 0;
	snprintf(path, size, "%s/demo-cover-%s.png", conf_str(CONF_TMP_DIR), hex);
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	gdImagePng(im, f);
	if (fclose(f) != 0 || stat(path, &st) != 0)
		return 0;
	memset(u, 0, sizeof(*u));
	u->field = (char *)"cover";
	u->filename = (char *)"封面.png";
	u->ctype = (char *)"image/png";
	u->path = path;
	u->size = (size_t)st.st_size;
	return 1;
}

/* A 640×360 cover: a soft gradient with a few circles, scheme n. */
static int
cover_png(int n, char *path, size_t size, struct upload *u)
{
	static const int from[3][3] = { { 199, 40, 40 }, { 24, 100, 171 },
	    { 46, 125, 50 } };
	static const int to[3][3] = { { 255, 160, 90 }, { 120, 190, 240 },
	    { 170, 220, 130 } };
	gdImagePtr im;
	int y, c, t, ok;

	if ((im = gdImageCreateTrueColor(640, 360)) == NULL)
		return 0;
	for (y = 0; y < 360; y++) {
		c = gdImageColorAllocate(im,
		    from[n][0] + (to[n][0] - from[n][0]) * y / 359,
		    from[n][1] + (to[n][1] - from[n][1]) * y / 359,
		    from[n][2] + (to[n][2] - from[n][2]) * y / 359);
		gdImageLine(im, 0, y, 639, y, c);
	}
	t = gdImageColorAllocateAlpha(im, 255, 255, 255, 90);
	gdImageFilledEllipse(im, 520, 80, 260, 260, t);
	gdImageFilledEllipse(im, 120, 320, 200, 200, t);
	gdImageFilledEllipse(im, 330, 180, 90, 90, t);
	ok = png_upload(im, path, size, u);
	gdImageDestroy(im);
	return ok;
}

int
demo_articles(struct db *db)
{
	struct staff ed;
	struct actor by;
	struct article_in in;
	struct upload u;
	const char *field, *why;
	char path[1024];
	int64_t id;
	size_t i;
	int v, ok;

	if (staff_by_username(db, "editor", &ed) != 1)
		return 0;
	by = (struct actor){ SESS_OFFICE, ed.id, "127.0.0.1" };
	if (consent_publish(db, &by, CT_PRIVACY, privacy_text, &v) != RF_OK ||
	    consent_publish(db, &by, CT_TERMS, terms_text, &v) != RF_OK)
		return 0;
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		id = 0;
		path[0] = '\0';
		in = (struct article_in){ items[i].kind, items[i].title,
		    items[i].body, "", NULL, NULL };
		if (items[i].cover >= 0) {
			if (!cover_png(items[i].cover, path, sizeof(path), &u))
				return 0;
			in.cover = &u;
		}
		ok = article_save(db, &by, &id, &in, &field, &why) == RF_OK &&
		    article_publish(db, &by, id) == RF_OK;
		if (*path)
			unlink(path);
		if (!ok)
			return 0;
	}
	return 1;
}
