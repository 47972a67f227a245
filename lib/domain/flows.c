/*
 * flows.c -- the registry of business types and what they share.
 */
#include <stdio.h>
#include <string.h>

#include "agent.h"
#include "change.h"
#include "appeal.h"
#include "claim.h"
#include "enroll.h"
#include "flows.h"

const struct flow_type *const flow_types[] = {
	&orgapp_flow,
	&transfer_flow,
	&membership_flow,
	&enroll_flow,
	&claim_flow,
	&change_flow,
	&appeal_flow,
	NULL
};

const struct flow_type *
flow_type_named(const char *name)
{
	const struct flow_type *const *t;

	for (t = flow_types; *t; t++)
		if (name && strcmp((*t)->name, name) == 0)
			return *t;
	return NULL;
}

const struct flow_notice notice_agent_approved = {
	"{type}申请已审核通过：{title}",
	"您提交的“{title}”{type}申请已审核通过。",
	"您提交的“{title}”{type}申请已审核通过，请登录单位经办平台查看。",
};

const struct flow_notice notice_agent_returned = {
	"{type}申请被退回：{title}",
	"您提交的“{title}”{type}申请被退回，退回理由是：{reason}。"
	"请参考退回理由修改后重新上报。",
	"您提交的“{title}”{type}申请被退回，退回理由是：{reason}，"
	"请登录单位经办平台修改后重新上报。",
};

int
flow_agent_phone(struct db *db, const struct flow_item *it, char phone[16])
{
	struct agent a;
	int rc;

	phone[0] = '\0';
	if ((rc = agent_by_id(db, it->filer_id, &a)) < 0)
		return 0;
	if (rc == 1)
		snprintf(phone, 16, "%s", a.phone);
	return 1;
}

int
flow_unit_agent(struct db *db, int64_t agent, int64_t unit)
{
	enum refusal rf = agent_may_aid(db, agent, unit);

	return rf == RF_OK ? 1 : rf == RF_DB ? -1 : 0;
}
