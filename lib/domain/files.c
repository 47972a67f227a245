/*
 * files.c -- who may see file N: one table of owner types, one rule each.
 */
#include <string.h>

#include "agent.h"
#include "files.h"
#include "flow.h"
#include "membership.h"
#include "orgapp.h"
#include "store.h"
#include "transfer.h"

#define K(k) (1u << (k))

/*
 * The filer and state of an item that owns review materials: 1 with
 * *agent and *state set, 0 if no such item, -1 on a database error.
 */
typedef int (*filer_fn)(struct db *, int64_t, int64_t *, enum flow_state *);

static int
orgapp_filer(struct db *db, int64_t id, int64_t *agent, enum flow_state *s)
{
	struct org_app a;
	int rc;

	if ((rc = orgapp_get(db, id, &a)) == 1) {
		*agent = a.agent_id;
		*s = a.state;
	}
	return rc;
}

static int
transfer_filer(struct db *db, int64_t id, int64_t *agent, enum flow_state *s)
{
	struct transfer t;
	int rc;

	if ((rc = transfer_get(db, id, &t)) == 1) {
		*agent = t.agent_id;
		*s = t.state;
	}
	return rc;
}

static int
move_filer(struct db *db, int64_t id, int64_t *agent, enum flow_state *s)
{
	struct move m;
	int rc;

	if ((rc = move_get(db, id, &m)) == 1) {
		*agent = m.agent_id;
		*s = m.state;
	}
	return rc;
}

/*
 * Per owner type: the kinds of file it may hold, and either the business
 * type whose reviewers see them with the filer (filer != NULL) or, for a
 * unit's own files (filer == NULL), the unit's agents with 医疗互助.
 */
static const struct owner {
	const char	*type;		/* attachment.owner_type */
	unsigned	 kinds;		/* K(enum attach_kind) */
	enum flow_type	 flow;
	filer_fn	 filer;
} owners[] = {
	{ "org_app", K(AK_APPROVAL) | K(AK_LICENSE), FLOW_ORG_APP,
	    orgapp_filer },
	{ "transfer", K(AK_AUTHORIZATION), FLOW_TRANSFER, transfer_filer },
	/* (会籍变更 takes no uploads yet; its materials would be these.) */
	{ "membership_change", K(AK_APPROVAL) | K(AK_AUTHORIZATION),
	    FLOW_MEMBERSHIP, move_filer },
	{ "import", K(AK_ROSTER) | K(AK_IMPORT_RESULT), FLOW__MAX, NULL },
	{ "invoice", K(AK_INVOICE_NOTE), FLOW__MAX, NULL },
};

#define NOWNERS (sizeof(owners) / sizeof(owners[0]))

/*
 * The attachment and its owner's rule; 1 with both set, 0 if there is no
 * such file (or one of no known owner or kind), -1 on a database error.
 */
static int
lookup(struct db *db, int64_t id, struct attachment *a,
    const struct owner **o)
{
	size_t i;
	int rc;

	if (id <= 0)
		return 0;
	if ((rc = store_get(db, id, a)) != 1)
		return rc;
	for (i = 0; i < NOWNERS; i++)
		if (strcmp(a->owner_type, owners[i].type) == 0) {
			*o = &owners[i];
			return (unsigned)a->kind < AK__MAX &&
			    (owners[i].kinds & K(a->kind)) ? 1 : 0;
		}
	return 0;
}

/* Whether `roles` take some review step of business type `t`. */
static int
reviews(enum flow_type t, unsigned roles)
{
	int s;

	for (s = 0; s < FS__MAX; s++)
		if (flow_can(t, (enum flow_state)s, roles))
			return 1;
	return 0;
}

int
file_for_office(struct db *db, int64_t id, unsigned roles,
    struct attachment *a)
{
	const struct owner *o;
	enum flow_state s;
	int64_t filer;
	int rc;

	if ((rc = lookup(db, id, a, &o)) != 1)
		return rc;
	if (o->filer == NULL || !reviews(o->flow, roles))
		return 0;
	if ((rc = o->filer(db, a->owner_id, &filer, &s)) != 1)
		return rc;
	/* A draft is the agent's own until it is filed. */
	return s != FS_DRAFT;
}

int
file_for_agent(struct db *db, int64_t id, int64_t agent,
    const char *owner_type, struct attachment *a)
{
	const struct owner *o;
	enum flow_state s;
	int64_t filer;
	int rc, aid;

	if ((rc = lookup(db, id, a, &o)) != 1)
		return rc;
	if (owner_type && strcmp(owner_type, o->type) != 0)
		return 0;
	if (o->filer) {
		if ((rc = o->filer(db, a->owner_id, &filer, &s)) != 1)
			return rc;
		return filer == agent;
	}
	if ((rc = agent_role(db, agent, a->owner_id, &aid)) < 0)
		return -1;
	return rc != AGENT_NONE && aid;
}
