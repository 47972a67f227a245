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

/* A portal's own: its stylesheets, where its pages are, and whose
 * requests it shows. */
struct change_portal {
	const char	*base;		/* "/m/change" or "/u/change" */
	const char	*list;		/* "/m/changes" or "/u/changes?unit=" */
	int		 sheet_detail, sheet_form;
	/* The request ?id= (or the form's) if this viewer's: 0 with *c,
	 * else the status answered (404 for anyone else's). */
	int		(*own)(struct req *, struct change *);
};

/* The portal of the program this is linked into (its change.c). */
extern const struct change_portal change_here;

/*
 * The pages of one request, the same in both portals once change_here's
 * own() has found it theirs: 变更详情, 修改 (form and post), 提交, 删除,
 * one 变更凭证.  Each returns the HTTP status.
 */
int change_get_page(struct req *);
int change_edit_get(struct req *);
int change_edit_post(struct req *);
int change_submit_page(struct req *);
int change_delete_page(struct req *);
int change_file_get(struct req *);

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
