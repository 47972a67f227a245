/*
 * flowint.h -- what flow.c and flowmany.c share and nobody else uses.
 */
#ifndef HZ_FLOWINT_H
#define HZ_FLOWINT_H

#include <stddef.h>
#include <stdint.h>

#include "flow.h"

struct db_res;

/* A timeline step's row (flow_step). */
#define FLOW_STEP_ADD \
	"INSERT INTO flow_step (type, item_id, round, action, node," \
	" from_state, to_state, apart, actor_kind, actor_id, actor_name," \
	" reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* flow_acts_in: the office roles that act on items of `type` in state s. */
unsigned flow_acts_in(const struct flow_type *type, int s);

/* flow_item_from_row: an ITEM_COLS row of `type` (or of the one of
 * `types` it names) into *it: 1, 0 if of no such type or state. */
int flow_item_from_row(struct db_res *r, const struct flow_type *type,
    const struct flow_type *const *types, struct flow_item *it);

/* flow_may_act: whether actor `a` is one transition t admits for `it`:
 * 1, 0, or -1 when the unit check failed on the database. */
int flow_may_act(struct db *db, const struct flow_trans *t,
    const struct flow_item *it, const struct flow_actor *a);

/* A notice in words: the station message and the SMS text. */
struct notice_out {
	char	 title[200], body[1000], text[500], link[80];
};

/* flow_notice_make: transition t's notice to the item's filer, with the
 * type's words `w` and the reason given. */
void flow_notice_make(const struct flow_item *it, const struct flow_trans *t,
    const char *reason, const struct flow_words *w, struct notice_out *o);

/* Whether the type's notices go by SMS at all (a phone hook). */
#define SMS_OF(t, type) ((t)->notice->sms != NULL && (type)->hooks && \
	(type)->hooks->phone)

/* flow_step_detail: the audit row's detail of a step ("初审 review1 ->
 * review2: reason") into detail. */
void flow_step_detail(const struct flow_type *type,
    const struct flow_trans *t, const char *reason, char *detail,
    size_t size);

#endif
