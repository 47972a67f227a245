/*
 * claimform.c -- the member's claim form: the district's rules for its
 * photos (claim_region), the photos each step asks, 材料待补充.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "claimform.h"
#include "claimint.h"
#include "db.h"
#include "store.h"
#include "view.h"

enum stmt {
	STMT_DISTRICTS,
	STMT_DISTRICT,
	STMT_SET,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* Each district's own rules, or the deployment's (row 0). */
	[STMT_DISTRICTS] =
	    "SELECT o.id, o.name, r.district_id IS NOT NULL,"
	    " COALESCE(r.unit_review, z.unit_review), COALESCE(r.proof, z.proof),"
	    " COALESCE(r.photo_max, z.photo_max) FROM org o"
	    " JOIN claim_region z ON z.district_id = 0"
	    " LEFT JOIN claim_region r ON r.district_id = o.id"
	    " WHERE o.level = 'district' ORDER BY o.id",
	[STMT_DISTRICT] =
	    "SELECT COUNT(*) FROM org WHERE id = ? AND level = 'district'",
	[STMT_SET] =
	    "INSERT INTO claim_region (district_id, unit_review, proof,"
	    " photo_max) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " unit_review = VALUES(unit_review), proof = VALUES(proof),"
	    " photo_max = VALUES(photo_max)",
};

static const struct db_table tab = { DBM_CLAIM_FORM, sql, STMT__MAX };

/* The photo limit admin may set: 100 KB up to the store's 10 MB. */
#define PHOTO_MIN	(100 * 1024)
#define PHOTO_MAX	(10 * 1024 * 1024)

/* Words of a return reason that ask for materials (seed 002's 材料待补充). */
static const char *const materials_words[] = {
	"材料", "票据", "结算单", "证件", "照片", "身份证", "上传", NULL
};

int
claim_wants_materials(const char *remark)
{
	int i;

	for (i = 0; remark && materials_words[i]; i++)
		if (strstr(remark, materials_words[i]))
			return 1;
	return 0;
}

int
claim_form_view(struct db *db, const struct claim *c, xmlNodePtr n)
{
	struct claim_region g;
	xmlNodePtr rules, k;

	if (!claim_region_get(db, c->district_id, &g))
		return 0;
	rules = view_add(n, "rules", NULL);
	view_attr(rules, "proof", g.proof);
	view_attrf(rules, "photo-max", "%lld", (long long)g.photo_max);
	view_attrf(rules, "photo-kb", "%lld", (long long)(g.photo_max / 1024));
	for (k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(k->name, BAD_CAST "remark") == 0 &&
		    claim_wants_materials(c->remark))
			view_attr(k, "wants", "materials");
	return 1;
}

/* Whether the claim holds a file of `kind`: 1, 0, -1 on error. */
static int
holds(struct db *db, const struct claim *c, enum attach_kind kind)
{
	struct attachment a;

	return store_latest(db, "claim", c->id, kind, &a);
}

enum refusal
claim_step_check(struct db *db, const struct claim *c, int step)
{
	enum attach_kind need[2];
	struct claim_region g;
	int i, n = 0, rc;

	if (step == 1) {
		need[n++] = AK_ID_FRONT;
		need[n++] = AK_ID_BACK;
	} else if (step == 2) {
		if (!claim_region_get(db, c->district_id, &g))
			return RF_DB;
		if (strcmp(g.proof, "invoice") != 0)
			need[n++] = AK_SETTLEMENT;
		if (strcmp(g.proof, "settlement") != 0)
			need[n++] = AK_RECEIPT;
	}
	for (i = 0; i < n; i++) {
		if ((rc = holds(db, c, need[i])) < 0)
			return RF_DB;
		if (rc == 0) {
			refusal_detail_set(store_kind_label(need[i]));
			return RF_CLAIM_DOC;
		}
	}
	return RF_OK;
}

/* One <region> of the settings page. */
static void
region_view(xmlNodePtr list, int64_t id, const char *name, int own,
    const struct claim_region *g)
{
	xmlNodePtr n = view_add(list, "region", NULL);

	view_attrf(n, "id", "%lld", (long long)id);
	view_attr(n, "name", name);
	if (own)
		view_attr(n, "own", "1");
	view_attrf(n, "unit-review", "%d", g->unit_review);
	view_attr(n, "proof", g->proof);
	view_attrf(n, "photo-kb", "%lld", (long long)(g->photo_max / 1024));
}

int
claim_regions_view(struct db *db, xmlNodePtr parent)
{
	struct claim_region g;
	struct db_res *r;
	xmlNodePtr list;
	int rc;

	if (!claim_region_get(db, 0, &g))
		return 0;
	list = view_add(parent, "regions", NULL);
	region_view(list, 0, "全部地区（默认）", 1, &g);
	if ((r = db_query(db, &tab, STMT_DISTRICTS, "")) == NULL)
		return 0;
	while ((rc = db_next(r)) == 1) {
		g.unit_review = (int)db_int(r, 3);
		snprintf(g.proof, sizeof(g.proof), "%s", db_col(r, 4));
		g.photo_max = db_int(r, 5);
		region_view(list, db_int(r, 0), db_col(r, 1),
		    (int)db_int(r, 2), &g);
	}
	db_done(r);
	return rc == 0;
}

struct set_arg {
	int64_t				 district;
	const struct claim_region	*g;
	const struct flow_actor		*by;
};

static int
set_txn(struct db *db, void *arg)
{
	struct set_arg *a = arg;
	char what[80];

	snprintf(what, sizeof(what), "unit_review=%d proof=%s photo_max=%lld",
	    a->g->unit_review != 0, a->g->proof, (long long)a->g->photo_max);
	if (db_exec(db, &tab, STMT_SET, "iisi", a->district,
	    (int64_t)(a->g->unit_review != 0), a->g->proof, a->g->photo_max)
	    < 0 || !audit_log(db, a->by->kind, a->by->id, a->by->ip,
	    "claim.region", "org", a->district, what))
		return 1;
	return 0;
}

enum refusal
claim_region_set(struct db *db, int64_t district, int unit_review,
    const char *proof, int64_t photo_max, const struct flow_actor *by)
{
	struct claim_region rules = { unit_review != 0, "", photo_max };
	const struct claim_region *g = &rules;
	struct set_arg a = { district, g, by };
	int64_t n;
	int found;

	snprintf(rules.proof, sizeof(rules.proof), "%s", proof);

	if (strcmp(g->proof, "settlement") != 0 &&
	    strcmp(g->proof, "invoice") != 0 && strcmp(g->proof, "both") != 0) {
		refusal_detail_set("需要的住院证明");
		return RF_CLAIM_FIELD;
	}
	if (g->photo_max < PHOTO_MIN || g->photo_max > PHOTO_MAX)
		return RF_CLAIM_PHOTO_MAX;
	if (district != 0) {
		if ((n = db_one_int(db, &tab, STMT_DISTRICT, &found, "i",
		    district)) < 0)
			return RF_DB;
		if (n == 0)
			return RF_NOT_FOUND;
	}
	return db_txn(db, set_txn, &a) == 0 ? RF_OK : RF_DB;
}
