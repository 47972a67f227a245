/*
 * audit.c -- the audit log.
 */
#include "audit.h"
#include "db.h"
#include "http.h"
#include "valid.h"

/* audit_log.detail is VARCHAR(500): longer details are cut there. */
#define DETAIL_MAX	500

enum stmt {
	STMT_INSERT,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_INSERT] =
	    "INSERT INTO audit_log (actor_kind, actor_id, ip, action,"
	    " object_type, object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
};

static const struct db_table tab = { DBM_AUDIT, sql, STMT__MAX };

int
audit_log(struct db *db, int actor_kind, int64_t actor_id, const char *ip,
    const char *action, const char *object_type, int64_t object_id,
    const char *detail)
{
	char cut[4 * DETAIL_MAX + 1];

	/* Every state change is audited, so this is where caches learn of it. */
	db_changed(db);
	return db_exec(db, &tab, STMT_INSERT, "iisssis", (int64_t)actor_kind,
	    actor_id, ip ? ip : "", action, object_type, object_id,
	    detail ? utf8_copy(cut, sizeof(cut), detail, DETAIL_MAX) : NULL)
	    == 1;
}

#define AUDIT_CHUNK	500

int
audit_log_many(struct db *db, int actor_kind, int64_t actor_id,
    const char *ip, const char *action, const char *object_type,
    const int64_t *ids, const char *const *details, size_t n)
{
	static char cut[AUDIT_CHUNK][4 * DETAIL_MAX + 1];
	static char idv[AUDIT_CHUNK][24];
	const char *v[AUDIT_CHUNK * 7];
	char kind[8], actor[24];
	size_t i, k;

	db_changed(db);
	snprintf(kind, sizeof(kind), "%d", actor_kind);
	snprintf(actor, sizeof(actor), "%lld", (long long)actor_id);
	for (i = 0; i < n; i += k) {
		for (k = 0; k < AUDIT_CHUNK && i + k < n; k++) {
			const char **row = &v[k * 7];

			snprintf(idv[k], sizeof(idv[k]), "%lld",
			    (long long)ids[i + k]);
			row[0] = kind;
			row[1] = actor;
			row[2] = ip ? ip : "";
			row[3] = action;
			row[4] = object_type;
			row[5] = idv[k];
			row[6] = details && details[i + k] ? utf8_copy(cut[k],
			    sizeof(cut[k]), details[i + k], DETAIL_MAX) : NULL;
		}
		if (db_bulk(db, &tab, STMT_INSERT, k, 7, v) != (int64_t)k)
			return 0;
	}
	return 1;
}

int
audit_req(struct req *r, const char *action, const char *object_type,
    int64_t object_id, const char *detail)
{
	return audit_log(r->db, r->sess.kind, r->sess.subject, r->remote_addr,
	    action, object_type, object_id, detail);
}

struct actor
actor_of(const struct req *r)
{
	struct actor a = { r->sess.kind, r->sess.subject, r->remote_addr };

	return a;
}

int
audit_act(struct db *db, const struct actor *a, const char *action,
    const char *object_type, int64_t object_id, const char *detail)
{
	return audit_log(db, a->kind, a->id, a->ip, action, object_type,
	    object_id, detail);
}
