/*
 * claimform.c -- the member's claim form: the district's rules for its
 * photos (claim_region), the photos each step asks, 材料待补充.
 */
#include <string.h>

#include "claimform.h"
#include "claimint.h"
#include "store.h"
#include "view.h"

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
