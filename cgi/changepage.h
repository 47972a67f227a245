/*
 * changepage.h -- 个人信息变更's pages, the same in the member's H5 (/m/)
 * and the unit portal (/u/): each portal finds whose request it is (the
 * member's own; one of a unit where the agent holds 医疗互助) and then
 * hands over to these.  No SQL: change.h is the domain.
 */
#ifndef HZ_CHANGEPAGE_H
#define HZ_CHANGEPAGE_H

#include <stdint.h>

struct change;
struct req;

/* A portal's own: its stylesheets and where its pages are. */
struct change_portal {
	const char	*base;		/* "/m/change" or "/u/change" */
	const char	*list;		/* "/m/changes" or "/u/changes?unit=" */
	int		 sheet_detail, sheet_form;
};

/* The detail (变更详情): before / after, materials, progress, actions. */
int change_detail_page(struct req *r, const struct change *c,
    const struct change_portal *p);

/* The form: new for `member` (c NULL) or the draft c, first view. */
int change_form_get(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p);

/* The form posted: 确认提交 / 保存, or the phone alone with its code. */
int change_form_post(struct req *r, int64_t member, const struct change *c,
    const struct change_portal *p);

/* 提交 / 删除 of a draft from its detail. */
int change_submit_post(struct req *r, const struct change *c,
    const struct change_portal *p);
int change_delete_post(struct req *r, const struct change *c,
    const struct change_portal *p);

/* One of the request's 变更凭证 (?file=), each view audited. */
int change_file_send(struct req *r, const struct change *c);

#endif
