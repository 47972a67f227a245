/*
 * claimregions.c -- 补助申请设置 (admin): per district, whether a member's
 * claim passes the unit's 基层审核 first, which proof of the stay it asks
 * (费用结算单, 收费票据 or both: 柳州 the invoice, seed 000), and the
 * largest photo a member may upload.  District 0 is everywhere else.
 */
#include <stdlib.h>

#include "claimform.h"
#include "flow.h"
#include "form.h"
#include "http.h"
#include "pages.h"
#include "view.h"

static const char *const proofs[] = { "settlement", "invoice", "both", NULL };
static const char *const yes_no[] = { "0", "1", NULL };

enum region_field { RG_UNIT_REVIEW, RG_PROOF, RG_PHOTO_KB, RG__MAX };

static const struct field region_fields[RG__MAX] = {
	[RG_UNIT_REVIEW] = { "unit_review", FK_CHOICE, 0, yes_no },
	[RG_PROOF] =       { "proof", FK_CHOICE, 0, proofs },
	[RG_PHOTO_KB] =    { "photo_kb", FK_COUNT, 0, NULL },
};

int
claim_regions_get(struct req *r)
{
	if (!claim_regions_view(r->db, r->page))
		return 500;
	if (req_query(r, "saved"))
		form_message(r, "已保存", "ok");
	r->sheet = SHEET_CLAIM_REGIONS;
	return 200;
}

int
claim_regions_post(struct req *r)
{
	struct field_val v[RG__MAX];
	struct flow_actor by;
	enum refusal rf;
	const char *d = req_form(r, "district");
	int64_t district = atoll(d);

	view_attr(form_node(r), "district", d);
	if (form_read(r, region_fields, RG__MAX, v) > 0)
		return claim_regions_get(r);
	flow_actor_of(r, &by);
	rf = claim_region_set(r->db, district, (int)v[RG_UNIT_REVIEW].num,
	    proofs[v[RG_PROOF].num], (int64_t)v[RG_PHOTO_KB].num * 1024, &by);
	if (rf == RF_OK)
		return req_redirect(r, "/o/claim-regions?saved=1");
	if (form_refuse(r, rf, rf == RF_CLAIM_PHOTO_MAX ? "photo_kb" : NULL)
	    != 200)
		return 500;
	return claim_regions_get(r);
}
