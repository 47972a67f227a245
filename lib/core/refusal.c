/*
 * refusal.c -- the one table of refusals and their messages.
 */
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
	[RF_FILE] =		{ "file", "上传的文件不符合要求" },

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
};

const char *
refusal_text(enum refusal rf)
{
	return (unsigned)rf < RF__MAX && refusals[rf].text ? refusals[rf].text :
	    refusals[RF_DB].text;
}

const char *
refusal_name(enum refusal rf)
{
	return (unsigned)rf < RF__MAX && refusals[rf].name ? refusals[rf].name :
	    "unknown";
}
