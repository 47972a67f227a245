/*
 * enrollint.h -- what enroll.c, enrollcheck.c and enrollview.c share and
 * nobody else uses: SQL fragments, an edit of a draft in its own
 * transaction, the coverage of 已办结.
 */
#ifndef HZ_ENROLLINT_H
#define HZ_ENROLLINT_H

#include "enroll.h"

/* SQL the three files write alike: an application's flow_item, a date as
 * text, and whether coverage c (of member m) overlaps application e's
 * period. */
#define FLOW_JOIN \
	" JOIN flow_item f ON f.type = 'enroll' AND f.item_id = e.id"
#define YMD(c)	"COALESCE(DATE_FORMAT(" c ", '%Y-%m-%d'), '')"

#define OVERLAP(m) \
	"c.member_id = " m " AND c.plan_id = e.plan_id" \
	" AND c.starts <= e.period_end AND c.ends >= e.period_start"

/*
 * An edit of a draft: in one transaction the item locked, its filer and
 * state checked, then fn, then the audit row `action`.
 */
struct edit {
	int64_t			 id;
	const struct flow_actor	*by;
	const char		*action;
	enum refusal		(*fn)(struct db *, struct edit *);
	void			*arg;
	int64_t			 count;	/* what fn says it did */
	char			 detail[200];
	enum refusal		 rf;
};

/*
 * enroll_edit: run fn on draft `id` as `by` (see struct edit), audited as
 * `action`.  Returns fn's refusal, RF_NOT_FOUND, RF_FORBIDDEN,
 * RF_SUBMITTED or RF_DB; *count, if given, what fn counted.
 */
enum refusal enroll_edit(struct db *db, int64_t id, const struct flow_actor *by,
    const char *action, enum refusal (*fn)(struct db *, struct edit *),
    void *arg, int64_t *count);

/* enroll_pick_month: the people of `month`'s 续保提醒 list of the
 * application's unit and plan into draft `id` (enroll_create_renewal). */
enum refusal enroll_pick_month(struct db *db, int64_t id, const char *month,
    const struct flow_actor *by, int64_t *added);

/* enroll_cover: 已办结's coverage and SMS (enrollcheck.c), for the hook. */
enum refusal enroll_cover(struct db *db, const struct enroll *e);

#endif
