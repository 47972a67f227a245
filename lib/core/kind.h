/*
 * kind.h -- who a signed-in person is, as the machinery names it: the kind
 * of session (one per portal), the office roles as bits and the agent's
 * one roles bit.  http.h includes it; domain modules that only need these
 * names include this header, not the request's.
 */
#ifndef HZ_KIND_H
#define HZ_KIND_H

#include <stdint.h>

/* Kinds of session; one cookie per kind so the portals never mix. */
enum session_kind {
	SESS_NONE,
	SESS_MEMBER,
	SESS_AGENT,
	SESS_OFFICE,
	SESS__MAX
};

/* Office roles as bits (staff_role.role holds the name). */
enum role {
	ROLE_REVIEW1 = 1 << 0,	/* 初审 */
	ROLE_REVIEW2 = 1 << 1,	/* 复审 */
	ROLE_MEDICAL = 1 << 2,	/* 报告复核 */
	ROLE_FINANCE = 1 << 3,	/* 财务 */
	ROLE_ADMIN   = 1 << 4,	/* 管理员 */
	ROLE_EDITOR  = 1 << 5,	/* 编辑: 公告、资讯、协议文本、宣传手册 */
	ROLE_ANY     = 0x3f
};

/* The office roles that work on members' and units' business (the review
 * desk, files, search): every role but the editor's. */
#define ROLE_DESK	(ROLE_ANY & ~ROLE_EDITOR)

/* A member route open before the member has agreed to the current 隐私协议
 * and 服务声明 (struct route's roles for ACC_MEMBER): the consent pages
 * and signing out.  Other member routes send such a member to /m/consent. */
#define MEMBER_BEFORE_CONSENT	1u

/* An agent's roles bit: holds 医疗互助 in at least one unit. */
#define AGENT_ANY_MUTUAL_AID	1u

/* A signed-in person as a request sees them (session.c loads it). */
struct session {
	int64_t		 id;
	enum session_kind kind;
	int64_t		 subject;	/* member / agent / staff id */
	char		 csrf[65];
	unsigned	 roles;		/* office: ROLE_* bits; agent: above */
	int		 complete;	/* agent: profile completed */
	char		 name[128];	/* display name */
	int64_t		 unread;	/* member, agent: unread 站内信 */
};

#endif
