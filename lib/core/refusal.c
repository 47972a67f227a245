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

	/* 参保记录 and 发票 (coverage.c, pinvoice.c) */

	/* 续保提醒 (renewal.c) */
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
