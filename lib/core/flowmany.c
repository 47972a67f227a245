/*
 * flowmany.c -- flow_apply_many: the engine's step for many items of one
 * state at once, with flow_apply's rules and rows (flow.c), in a few
 * statements however many items (a payout batch of 10 000 claims).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "flow.h"
#include "flowint.h"
#include "http.h"
#include "message.h"
#include "sms.h"

enum stmt {
	STMT_LOCK,
	STMT_SET,
	STMT_APART,
	STMT_STEP_ADD,
	STMT_COUNT_LEAVE,
	STMT_COUNT_ENTER,
	STMT__MAX
};

/* A list of ids as one JSON parameter (db_ids_json), as a table j(id). */
#define JSON_IDS \
	"JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) j"

static const char *const sql[STMT__MAX] = {
	/* flow_apply_many: the items of a JSON list of ids, and the same
	 * writes and segregation for all of them at once. */
	/* (Joined from the list: an IN (subquery) of an UPDATE is read
	 * once per row of the table.) */
	[STMT_LOCK] =
	    "SELECT f.id, f.item_id, f.type, f.state, f.filer_kind, f.filer_id,"
	    " COALESCE(f.unit_id, 0), f.round, f.title, f.filer_name,"
	    " COALESCE(DATE_FORMAT(f.submitted_at, '%Y-%m-%d %H:%i'), '')"
	    " FROM " JSON_IDS " JOIN flow_item f ON f.type = ? AND f.item_id ="
	    " j.id ORDER BY f.item_id FOR UPDATE",
	[STMT_SET] =
	    "UPDATE " JSON_IDS " JOIN flow_item f ON f.type = ?"
	    " AND f.item_id = j.id SET f.state = ?, f.acts = ?,"
	    " f.round = f.round + ?, f.submitted_at = IF(?, NOW(),"
	    " f.submitted_at), f.updated_at = NOW()",
	[STMT_APART] =
	    "SELECT MIN(s.item_id) FROM " JSON_IDS " JOIN flow_item f"
	    " ON f.type = ? AND f.item_id = j.id JOIN flow_step s"
	    " ON s.type = f.type AND s.item_id = f.item_id AND s.round = f.round"
	    " WHERE s.apart = 1 AND s.actor_kind = ? AND s.actor_id = ?"
	    " AND s.node <> ?",
	[STMT_STEP_ADD] = FLOW_STEP_ADD,
	/* The review desk's counts (sql/018, 020): the items leave their
	 * groups in one statement and enter the new one in another, while
	 * the row triggers stand aside for STMT_SET. */
	[STMT_COUNT_LEAVE] =
	    "UPDATE flow_count c JOIN (SELECT f.type, f.state, f.acts,"
	    " COUNT(*) AS k FROM " JSON_IDS " JOIN flow_item f ON f.type = ?"
	    " AND f.item_id = j.id GROUP BY f.type, f.state, f.acts) g"
	    " ON g.type = c.type AND g.state = c.state AND g.acts = c.acts"
	    " SET c.n = c.n - g.k",
	[STMT_COUNT_ENTER] =
	    "INSERT INTO flow_count (type, state, acts, n) VALUES (?, ?, ?, ?)"
	    " ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
};

static const struct db_table tab = { DBM_FLOW_MANY, sql, STMT__MAX };

/* flow_apply_many's work in chunks of this many items. */
#define MANY_CHUNK	500

/* The timeline steps of items[0..n) (flow_apply's record(), many). */
static int
steps_many(struct db *db, const struct flow_item *items, size_t n,
    const struct flow_trans *t, const struct flow_actor *a,
    const char *const *reasons, int64_t round_add)
{
	static char num[MANY_CHUNK][2][24];
	const struct flow_type *type = items[0].type;
	const char *v[MANY_CHUNK * 12];
	char kind[8], actor[24], apart[4];
	size_t i, k;

	snprintf(kind, sizeof(kind), "%d", a->kind);
	snprintf(actor, sizeof(actor), "%lld", (long long)a->id);
	snprintf(apart, sizeof(apart), "%d", t->apart != 0);
	for (i = 0; i < n; i += k) {
		for (k = 0; k < MANY_CHUNK && i + k < n; k++) {
			const char **row = &v[k * 12];

			snprintf(num[k][0], sizeof(num[k][0]), "%lld",
			    (long long)items[i + k].item_id);
			snprintf(num[k][1], sizeof(num[k][1]), "%lld",
			    (long long)(items[i + k].round + round_add));
			row[0] = type->name;
			row[1] = num[k][0];
			row[2] = num[k][1];
			row[3] = flow_action_name(t->action);
			row[4] = t->node;
			row[5] = type->states[t->from].name;
			row[6] = type->states[t->to].name;
			row[7] = apart;
			row[8] = kind;
			row[9] = actor;
			row[10] = a->name ? a->name : "";
			row[11] = reasons ? reasons[i + k] : NULL;
		}
		if (db_bulk(db, &tab, STMT_STEP_ADD, k, 12, v) != (int64_t)k)
			return 0;
	}
	return 1;
}

/* The audit rows of items[0..n), as record() writes each. */
static int
audits_many(struct db *db, const struct flow_item *items, size_t n,
    const struct flow_trans *t, const struct flow_actor *a,
    const char *const *reasons)
{
	static char detail[MANY_CHUNK][2200];
	static int64_t ids[MANY_CHUNK];
	const struct flow_type *type = items[0].type;
	const char *d[MANY_CHUNK];
	char action[40];
	size_t i, k;

	snprintf(action, sizeof(action), "flow.%s", flow_action_name(t->action));
	for (i = 0; i < n; i += k) {
		for (k = 0; k < MANY_CHUNK && i + k < n; k++) {
			flow_step_detail(type, t, reasons ? reasons[i + k] : NULL,
			    detail[k], sizeof(detail[k]));
			d[k] = detail[k];
			ids[k] = items[i + k].item_id;
		}
		if (!audit_log_many(db, a->kind, a->id, a->ip, action,
		    type->name, ids, d, k))
			return 0;
	}
	return 1;
}

/* The notices of items[0..n) (notify(), many): the words and phones from
 * the type's notice_many hook, else item by item. */
static int
notify_many(struct db *db, const struct flow_item *items, size_t n,
    const struct flow_trans *t, const char *const *reasons)
{
	static struct flow_words w[MANY_CHUNK];
	static char phone[MANY_CHUNK][16];
	static struct notice_out o[MANY_CHUNK];
	static struct message_out m[MANY_CHUNK];
	static const char *ph[MANY_CHUNK], *tx[MANY_CHUNK];
	const struct flow_type *type = items[0].type;
	const struct flow_hooks *h = type->hooks;
	size_t i, k;
	int sms;

	if (t->notice == NULL)
		return 1;
	sms = SMS_OF(t, type);
	for (i = 0; i < n; i += k) {
		k = n - i < MANY_CHUNK ? n - i : MANY_CHUNK;
		memset(w, 0, k * sizeof(w[0]));
		memset(phone, 0, sizeof(phone));
		if (h && h->notice_many) {
			if (!h->notice_many(db, &items[i], k, w, phone))
				return 0;
		} else {
			size_t j;

			for (j = 0; j < k; j++)
				if ((h && h->words && !h->words(db,
				    &items[i + j], &w[j])) || (sms &&
				    !h->phone(db, &items[i + j], phone[j])))
					return 0;
		}
		for (size_t j = 0; j < k; j++) {
			const struct flow_item *it = &items[i + j];

			flow_notice_make(it, t, reasons ? reasons[i + j] : NULL,
			    &w[j], &o[j]);
			m[j] = (struct message_out){ it->filer_kind,
			    it->filer_id, o[j].title, o[j].body, o[j].link };
			ph[j] = sms ? phone[j] : "";
			tx[j] = o[j].text;
		}
		if (!message_send_many(db, m, k) ||
		    !sms_queue_each(db, ph, tx, k))
			return 0;
	}
	return 1;
}

/*
 * The new state of the n items of `json`, and the desk's counts moved
 * with them in two statements (the row triggers skip this UPDATE: the
 * session's @hz_flow_bulk, always unset again).  1, 0 on error.
 */
static int
set_many(struct db *db, const char *json, const struct flow_type *type,
    const struct flow_trans *t, int64_t round_add, size_t n)
{
	int64_t acts = (int64_t)flow_acts_in(type, t->to), set;

	if (db_exec(db, &tab, STMT_COUNT_LEAVE, "ss", json, type->name) < 0 ||
	    !db_raw(db, "SET @hz_flow_bulk = 1"))
		return 0;
	set = db_exec(db, &tab, STMT_SET, "sssiii", json, type->name,
	    type->states[t->to].name, acts, round_add,
	    (int64_t)(t->action == FA_SUBMIT));
	if (!db_raw(db, "SET @hz_flow_bulk = NULL") || set != (int64_t)n)
		return 0;
	return db_exec(db, &tab, STMT_COUNT_ENTER, "ssii", type->name,
	    type->states[t->to].name, acts, (int64_t)n) >= 1;
}

enum refusal
flow_apply_many(struct db *db, const struct flow_type *type,
    const int64_t *ids, size_t n, enum flow_action action,
    const struct flow_actor *a, const char *const *reasons, int64_t *bad)
{
	const struct flow_hooks *h = type->hooks;
	const struct flow_trans *t = NULL, *ti;
	struct flow_item *items = NULL;
	const char **why = NULL;
	enum refusal rf = RF_DB;
	struct db_res *r = NULL;
	int64_t round_add, found_id;
	char *json = NULL;
	size_t i, k = 0;
	int rc, err, found;

	*bad = 0;
	if ((unsigned)action >= FA__MAX)
		return RF_BAD_STATE;
	if (n == 0)
		return RF_OK;
	if ((items = calloc(n, sizeof(*items))) == NULL ||
	    (why = calloc(n, sizeof(*why))) == NULL ||
	    (json = db_ids_json(ids, n)) == NULL ||
	    (r = db_query(db, &tab, STMT_LOCK, "ss", json, type->name)) ==
	    NULL)
		goto out;
	/* The items, locked, in the ids' order. */
	while ((rc = db_next(r)) == 1 && k < n) {
		if (!flow_item_from_row(r, type, NULL, &items[k])) {
			*bad = db_int(r, 1);
			rf = RF_BAD_STATE;
			goto out;
		}
		k++;
	}
	db_done(r);
	r = NULL;
	if (rc < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (i >= k || items[i].item_id != ids[i]) {
			*bad = ids[i];
			rf = RF_NOT_FOUND;
			goto out;
		}
	/* flow_apply's rules, item by item, in its order. */
	for (i = 0; i < n; i++) {
		*bad = ids[i];
		if ((ti = flow_transition(db, &items[i], action, &err)) == NULL) {
			rf = err ? RF_DB : RF_BAD_STATE;
			goto out;
		}
		if (t == NULL)
			t = ti;
		else if (ti != t) {
			rf = RF_BAD_STATE;	/* all in one state, one step */
			goto out;
		}
		if ((t->who & FLOW_BY_DOMAIN) && !a->domain) {
			rf = RF_FORBIDDEN;
			goto out;
		}
		if ((rc = flow_may_act(db, t, &items[i], a)) <= 0) {
			rf = rc < 0 ? RF_DB : RF_FORBIDDEN;
			goto out;
		}
		why[i] = reasons && reasons[i] && *reasons[i] ? reasons[i] :
		    NULL;
		if (action == FA_RETURN && why[i] == NULL) {
			rf = RF_NEED_REASON;
			goto out;
		}
	}
	*bad = 0;
	if (t->apart) {
		if ((found_id = db_one_int(db, &tab, STMT_APART, &found,
		    "ssiis", json, type->name, (int64_t)a->kind, a->id,
		    t->node)) > 0) {
			*bad = found_id;
			rf = RF_SAME_PERSON;
			goto out;
		}
		if (found_id < 0 && db_errno(db) != 0)
			goto out;
	}
	for (i = 0; i < n; i++)
		if (h && h->check && (rf = h->check(db, &items[i], t)) !=
		    RF_OK) {
			*bad = ids[i];
			goto out;
		}
	rf = RF_DB;
	/* record(), for all: the state, the steps, the audit rows. */
	round_add = t->action == FA_SUBMIT && flow_editable(&items[0]);
	if (!set_many(db, json, type, t, round_add, n) ||
	    !steps_many(db, items, n, t, a, why, round_add) ||
	    !audits_many(db, items, n, t, a, why))
		goto out;
	for (i = 0; i < n; i++) {
		items[i].round += round_add;
		items[i].state = t->to;
		if (h && h->done && (rf = h->done(db, &items[i], t)) != RF_OK) {
			*bad = ids[i];
			goto out;
		}
	}
	rf = notify_many(db, items, n, t, why) ? RF_OK : RF_DB;
out:
	db_done(r);
	free(json);
	free(why);
	free(items);
	return rf;
}
