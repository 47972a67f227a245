/*
 * refusal.c -- the one table of refusals and their messages.
 */
#include <stdio.h>
#include <string.h>

#include "refusal.h"

static const struct {
	const char	*name;
	const char	*text;
} refusals[RF__MAX] = {
	[RF_OK] =		{ "ok", "" },
	[RF_DB] =		{ "db", "系统繁忙，请稍后再试" },
	[RF_NOT_FOUND] =	{ "not_found", "未找到该办件" },
	[RF_BAD_STATE] =	{ "bad_state",
	    "该办件当前状态不能进行此操作，可能已被他人处理，请刷新后查看" },
	[RF_FORBIDDEN] =	{ "forbidden", "您没有权限进行此操作" },
	[RF_SAME_PERSON] =	{ "same_person",
	    "同一办件的各级审核不能由同一人办理" },
	[RF_NEED_REASON] =	{ "need_reason", "退回时请填写退回原因" },
	[RF_SUBMITTED] =	{ "submitted", "该申请已上报或已审核，不能再修改" },

	[RF_PROMISE] =		{ "promise",
	    "请完整阅读承诺书（至少15秒）后再确认上报" },
	[RF_NO_LICENSE] =	{ "no_license",
	    "请先上传工会法人资格证书或营业执照" },
	[RF_CREDIT_TAKEN] =	{ "credit_taken",
	    "该统一社会信用代码已被其他单位注册或正在审核；"
	    "如需更换代办员，请使用“单位绑定”" },
	[RF_BAD_PARENT] =	{ "bad_parent",
	    "上级工会只能是市总工会或区/产业工会" },

	[RF_ALREADY_CHAIR] =	{ "already_chair",
	    "您已是该单位的经办人（工会主席），无需绑定" },
	[RF_TRANSFER_OPEN] =	{ "transfer_open", "该单位已有一条办理中的绑定申请" },
	[RF_NO_LETTER] =	{ "no_letter", "请先上传填写并盖章的单位绑定授权书" },
	[RF_NO_UNIT] =		{ "no_unit", "请选择一个已审核通过的单位" },

	[RF_NO_PERSON] =	{ "no_person",
	    "系统中没有该证件号码的职工，请直接在名册中新增" },
	[RF_SAME_UNIT] =	{ "same_unit", "该职工已在本单位名册中" },
	[RF_NO_MEMBERSHIP] =	{ "no_membership",
	    "该职工目前不属于任何单位，请直接在名册中新增" },
	[RF_MOVE_OPEN] =	{ "move_open", "该职工已有一条审核中的会籍变更申请" },
	[RF_MOVED] =		{ "moved",
	    "该职工的会籍已发生变化，请退回后由经办人重新申请" },

	[RF_THROTTLED] =	{ "throttled", "尝试次数过多，请稍后再试" },
	[RF_CODE_NONE] =	{ "code_none", "请先获取验证码" },
	[RF_CODE_WRONG] =	{ "code_wrong", "验证码不正确" },
	[RF_CODE_EXPIRED] =	{ "code_expired", "验证码已过期，请重新获取" },
	[RF_CODE_TOO_MANY] =	{ "code_too_many",
	    "验证码错误次数过多，请重新获取" },
	[RF_BAD_LOGIN] =	{ "bad_login", "账号或密码不正确" },
	[RF_BAD_STAFF_LOGIN] =	{ "bad_staff_login", "用户名或密码不正确" },
	[RF_DISABLED] =		{ "disabled", "该账号已停用，请联系上级工会。" },
	[RF_PASSWORD_MISMATCH] = { "password_mismatch", "两次输入的密码不一致" },
	[RF_OLD_PASSWORD] =	{ "old_password", "原密码不正确" },

	[RF_BIND_UNKNOWN] =	{ "bind_unknown",
	    "未查询到该职工信息，请确认所填内容再重试" },
	[RF_BIND_PHONE] =	{ "bind_phone",
	    "手机号与单位登记的不一致，请联系单位经办人更新手机号" },

	[RF_ID_TAKEN] =		{ "id_taken", "该身份证号码已被其他账号使用" },
	[RF_PICK_UNIT] =	{ "pick_unit", "请先选择单位。" },
	[RF_NO_AID] =		{ "no_aid", "您没有该单位的医疗互助权限。"
	    "请联系本单位工会主席在“工作人员”中为您授权。" },
	[RF_NOT_CHAIR] =	{ "not_chair",
	    "只有本单位的工会主席可以管理工作人员。" },
	[RF_STAFF_ALREADY] =	{ "staff_already",
	    "该手机号的经办人已是本单位的工作人员" },
	[RF_NOT_STAFF] =	{ "not_staff", "本单位没有该工作人员。" },

	[RF_NO_ROLES] =		{ "no_roles", "请至少选择一个角色" },
	[RF_USERNAME_TAKEN] =	{ "username_taken", "该用户名已存在" },
	[RF_OWN_ADMIN] =	{ "own_admin", "不能取消自己的管理员角色。" },
	[RF_NO_USER] =		{ "no_user", "未找到该用户。" },

	[RF_ORG_CREDIT_USED] =	{ "org_credit_used",
	    "该统一社会信用代码已被其他单位使用" },
	[RF_DISTRICT_PARENT] =	{ "district_parent",
	    "区县/产业工会只能建在市总工会下" },
	[RF_UNIT_PARENT] =	{ "unit_parent", "基层单位只能建在区县/产业工会下" },
	[RF_NO_ORG] =		{ "no_org", "没有该组织。" },

	[RF_OTHER_UNIT] =	{ "other_unit",
	    "该职工已是“%s”的会员。如需调入本单位，请办理会籍变更。" },
	[RF_NOT_IN_ROSTER] =	{ "not_in_roster", "本单位名册中没有该职工。" },
	[RF_IDS_FIXED] =	{ "ids_fixed",
	    "未保存：证件类型和证件号码不能在此修改。" },

	[RF_FILE] =		{ "file", "上传的文件不符合要求，请重新选择文件" },

	[RF_INVOICE_NOTE] =	{ "invoice_note",
	    "开多个户头时，请上传说明各户头开票信息的附件" },

	/* 保障计划 (plan.c) */
	[RF_NO_PLAN] =		{ "no_plan", "未找到该保障计划。" },
	[RF_PLAN_CODE_TAKEN] =	{ "plan_code_taken", "该计划代码已被其他计划使用" },
	[RF_PLAN_NO_BENEFIT] =	{ "plan_no_benefit",
	    "请至少勾选一项保障责任，并填写它的补助规则" },
	[RF_PLAN_TERMS] =	{ "plan_terms",
	    "计划条款或保障责任填写不完整，请检查后再保存" },
	[RF_PLAN_STALE] =	{ "plan_stale",
	    "该计划刚被他人修改过，已有更新的版本。请核对本页内容，"
	    "再次保存将以本页内容生成新版本" },
	[RF_PLAN_UNCHANGED] =	{ "plan_unchanged",
	    "没有任何修改，未生成新版本" },

	/* 参保申请 (enroll.c) */
	[RF_ENROLL_PLAN] =	{ "enroll_plan", "请选择正在开放参保的保障计划" },
	[RF_ENROLL_WINDOW] =	{ "enroll_window",
	    "主保期参保只能在本单位保障期满当月或该计划的集中参保期内办理" },
	[RF_ENROLL_PERIOD] =	{ "enroll_period",
	    "请填写续保的保障起始日期，且应晚于今天" },
	[RF_ENROLL_EMPTY] =	{ "enroll_empty", "请先添加参保人员" },
	[RF_ENROLL_ACCOUNT] =	{ "enroll_account", "请至少填写一个缴费账号" },
	[RF_ENROLL_INELIGIBLE] = { "enroll_ineligible",
	    "有%s名人员不可参保，请查看不可参保人员名单：按原因修改后重新导入，"
	    "或全部移除后再上报" },
	[RF_ENROLL_LIST] =	{ "enroll_list",
	    "上传的文件不是参保人员名单：未找到“姓名”和“证件号码”列，"
	    "请使用续保名单或参保人员模板" },
	[RF_ENROLL_PAID] =	{ "enroll_paid", "请填写实缴金额和缴费日期" },
	[RF_ENROLL_VOUCHER] =	{ "enroll_voucher", "请上传缴费凭证" },
	[RF_ENROLL_SCAN] =	{ "enroll_scan", "请上传加盖公章的参保花名册" },
	[RF_ENROLL_COVERED] =	{ "enroll_covered", "%s，不能重复参保" },
	[RF_ENROLL_NO_NOTICE] =	{ "enroll_no_notice",
	    "复审通过后才能下载缴费通知单" },

	/* 参保记录 and 发票 (coverage.c, pinvoice.c) */
	[RF_PINV_NO_APP] =	{ "pinv_no_app", "未找到该参保申请" },
	[RF_PINV_NOT_DONE] =	{ "pinv_not_done",
	    "该参保申请尚未办结，办结后才能登记发票" },
	[RF_PINV_NUMBER] =	{ "pinv_number", "发票号码应为8至20位数字" },
	[RF_PINV_NUMBER_TAKEN] = { "pinv_number_taken",
	    "该发票号码已登记过，请核对发票号码" },
	[RF_PINV_AMOUNT] =	{ "pinv_amount", "发票金额必须大于0" },
	[RF_PINV_OVER] =	{ "pinv_over",
	    "发票金额合计不能超过该申请的实缴金额，还可开票 %s 元" },
	[RF_PINV_FUTURE] =	{ "pinv_future", "开票日期不能晚于今天" },

	/* 续保提醒 (renewal.c) */
	[RF_RENEWAL_MONTH] =	{ "renewal_month",
	    "月份格式不正确，请从列表中选择月份" },
	[RF_RENEWAL_PLAN] =	{ "renewal_plan",
	    "名单中没有该保障计划的人员，请从列表中选择保障计划" },

	/* claims (claim.c) */
	[RF_CLAIM_KIND] =	{ "claim_kind", "该补助类型不能由此渠道申请" },
	[RF_CLAIM_MEMBER] =	{ "claim_member",
	    "该职工未通过本单位参加含此项补助的保障计划" },
	[RF_CLAIM_FIELD] =	{ "claim_field", "请填写%s" },
	[RF_CLAIM_DOC] =	{ "claim_doc", "请上传%s" },
	[RF_CLAIM_DOC_KIND] =	{ "claim_doc_kind", "该材料不属于此类补助申请" },
	[RF_CLAIM_DATES] =	{ "claim_dates", "出院日期不能早于入院日期" },
	[RF_CLAIM_FUTURE] =	{ "claim_future", "日期不能晚于今天" },
	[RF_CLAIM_PAYEE] =	{ "claim_payee", "请填写收款账户的%s" },
	[RF_CLAIM_PAYEE_OTHER] = { "claim_payee_other",
	    "开户人不是补助人本人时，须填写说明并上传领款人证件" },
	[RF_CLAIM_ATTEST] =	{ "claim_attest",
	    "请阅读并勾选“我已确认住院信息属实”的承诺" },
	[RF_CLAIM_NOT_COVERED] = { "claim_not_covered",
	    "该职工在就诊（出险）日期没有有效的此项保障" },
	[RF_CLAIM_WAITING] =	{ "claim_waiting",
	    "就诊（出险）日期在等待期内，等待期至%s" },
	[RF_CLAIM_LATE] =	{ "claim_late", "已超过申请期限（%s）" },
	[RF_CLAIM_AFTER_DEATH] = { "claim_after_death",
	    "该日期晚于职工的亡故日期，不能申请" },
	[RF_CLAIM_CAP] =	{ "claim_cap", "您的补助已经达到上限" },
	[RF_CLAIM_TWICE] =	{ "claim_twice", "本保障期内已领取过该项补助" },
	[RF_CLAIM_DISEASE] =	{ "claim_disease",
	    "所患疾病不在保障计划的病种范围内" },
	[RF_CLAIM_BOTH] =	{ "claim_both",
	    "重疾与女工合并申请须同时参加两项保障，且疾病在两项的病种范围内" },
	[RF_CLAIM_FIGURES] =	{ "claim_figures", "补助基数不能大于住院总费用" },
	[RF_CLAIM_NO_FIGURES] =	{ "claim_no_figures",
	    "请先录入结算单金额并计算补助金额" },
	[RF_CLAIM_ZERO] =	{ "claim_zero",
	    "核定的补助金额为0元，不能审核通过，请退回并写明原因"
	    "（如：您的补助已经达到上限）" },
	[RF_CLAIM_PHOTO_MAX] =	{ "claim_photo_max",
	    "照片大小上限应在100KB到10240KB之间" },

	/* 打款 (payout.c) */
	[RF_PAYOUT_NONE] =	{ "payout_none", "请选择要打款的补助申请" },
	[RF_PAYOUT_TOO_MANY] =	{ "payout_too_many",
	    "一个打款批次最多 99999 笔，请按区或补助类型分批" },
	[RF_PAYOUT_STALE] =	{ "payout_stale",
	    "补助申请%s已不是“审核通过”状态或没有核定金额，请刷新后重新选择" },
	[RF_PAYOUT_NOT_SENT] =	{ "payout_not_sent",
	    "该批次尚未生成打款文件，请先下载打款文件交银行" },
	[RF_PAYOUT_DUP_FILE] =	{ "payout_dup_file",
	    "该结果文件已导入过，本次未重复记录" },
	[RF_PAYOUT_RESULT_FILE] = { "payout_result_file",
	    "银行结果文件无法导入：%s" },
	[RF_PAYOUT_DECIDED] =	{ "payout_decided",
	    "该笔已记录了银行结果，不能改记；银行退回已成功的款项请用“退票”" },
	[RF_PAYOUT_NOT_PAID] =	{ "payout_not_paid", "只有已成功的款项可以退票" },

	/* 公告、资讯、宣传手册、协议文本与同意 (article.c, consent.c) */
	[RF_ARTICLE_NOT_FOUND] = { "article_not_found", "未找到该文章" },
	[RF_ARTICLE_FILE] =	{ "article_file", "%s" },
	[RF_ARTICLE_BODY] =	{ "article_body",
	    "请输入正文（可使用段落、加粗、列表、链接和上传的图片）" },
	[RF_ARTICLE_BODY_LONG] = { "article_body_long",
	    "正文过长，请删减后再保存（不超过 60000 字节）" },
	[RF_ARTICLE_TIME] =	{ "article_time",
	    "发布时间格式不正确，例如 2026-12-01 09:00；留空则在发布时立即生效" },
	[RF_BROCHURE_FILE] =	{ "brochure_file", "%s" },
	[RF_CONSENT_TEXT] =	{ "consent_text", "请输入协议正文" },
	[RF_CONSENT_REQUIRED] =	{ "consent_required",
	    "请阅读并勾选同意《隐私协议》和《服务声明》" },
	[RF_CONSENT_CONFIRM] =	{ "consent_confirm",
	    "请勾选“我已知晓撤回同意将解除绑定”后再确认" },
	/* 个人信息变更 (change.c) */
	[RF_CHANGE_OPEN] =	{ "change_open", "您存在未办结的信息变更单" },
	[RF_CHANGE_NAME_ID] =	{ "change_name_id",
	    "不允许同时修改姓名和证件号码，请分两次申请" },
	[RF_CHANGE_NOTHING] =	{ "change_nothing",
	    "您未修改任何信息，无需提交变更申请" },
	[RF_CHANGE_UNIT] =	{ "change_unit",
	    "参保单位不能在信息变更中修改：调入新单位请由新单位经办人办理会籍变更" },
	[RF_CHANGE_BIRTH] =	{ "change_birth", "出生日期与身份证号码不符" },
	[RF_CHANGE_GENDER] =	{ "change_gender", "性别与身份证号码不符" },
	[RF_CHANGE_BIRTH_FUTURE] = { "change_birth_future",
	    "出生日期不能晚于今天" },
	[RF_CHANGE_ID_TAKEN] =	{ "change_id_taken",
	    "该证件号码已登记为其他职工，请核对" },
	[RF_CHANGE_PROOF] =	{ "change_proof", "请上传变更凭证" },
	[RF_CHANGE_PHONE_ONLY] = { "change_phone_only",
	    "仅修改手机号码无需审核，请获取新手机号码的验证码后确认" },
	/* recovery: e-mail, 申诉, WeChat (recover.c, appeal.c, wx.c) */
	[RF_EMAIL_TAKEN] =	{ "email_taken",
	    "该邮箱已被其他账号使用，请换一个邮箱" },
	[RF_RECOVER_LINK] =	{ "recover_link",
	    "该链接无效、已使用或已过期，请重新找回密码" },
	[RF_APPEAL_UNKNOWN] =	{ "appeal_unknown",
	    "未找到与手机号码、姓名和身份证号码相符的经办人账号，请核对后重试" },
	[RF_APPEAL_OPEN] =	{ "appeal_open",
	    "该账号已有待审核的申诉，请耐心等待审核结果短信" },
	[RF_APPEAL_PHONE_TAKEN] = { "appeal_phone_taken",
	    "新手机号码已被其他账号使用，请换一个号码" },
	[RF_APPEAL_PHOTO] =	{ "appeal_photo",
	    "请上传身份证人像面和国徽面照片（JPG或PNG图片）" },
	[RF_WX_FAILED] =	{ "wx_failed",
	    "微信授权登录失败（%s），请稍后重试，或使用手机验证码绑定" },
};

const char *
refusal_text(enum refusal rf)
{
	return (unsigned)rf < RF__MAX && refusals[rf].text ? refusals[rf].text :
	    refusals[RF_DB].text;
}

char *
refusal_textf(enum refusal rf, const char *arg, char *buf, unsigned long n)
{
	const char *t = refusal_text(rf), *at = strstr(t, "%s");

	if (at == NULL)
		snprintf(buf, n, "%s", t);
	else
		snprintf(buf, n, "%.*s%s%s", (int)(at - t), t, arg ? arg : "",
		    at + 2);
	return buf;
}

const char *
refusal_name(enum refusal rf)
{
	return (unsigned)rf < RF__MAX && refusals[rf].name ? refusals[rf].name :
	    "unknown";
}

static char detail[512];

void
refusal_detail_set(const char *arg)
{
	snprintf(detail, sizeof(detail), "%s", arg ? arg : "");
}

const char *
refusal_detail(void)
{
	static char said[sizeof(detail)];

	memcpy(said, detail, sizeof(said));
	detail[0] = '\0';
	return said;
}

char *
refusal_message(enum refusal rf, char *buf, unsigned long n)
{
	return refusal_textf(rf, refusal_detail(), buf, n);
}
