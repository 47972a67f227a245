/*
 * claimform.h -- what the member's claim form (/m/claim*, seed 001) needs
 * beside claim.h: the district's rules for the photos, whether a step has
 * its photos, and whether a return asked for materials (材料待补充).
 */
#ifndef HZ_CLAIMFORM_H
#define HZ_CLAIMFORM_H

#include <libxml/tree.h>

#include "claim.h"

struct db;

/*
 * claim_form_view: under `n` (the page's <claim>), <rules proof=
 * "settlement|invoice|both" photo-max="bytes" photo-kb=".."> of the
 * claim's district (claim_region), and, on its <remark>, wants=
 * "materials" when the return asked for materials.  Returns 1, 0 on a
 * database error.
 */
int claim_form_view(struct db *db, const struct claim *c, xmlNodePtr n);

/*
 * claim_step_check: whether step `step` of a member's form holds the
 * photos it asks before 下一步: 1 both sides of the ID card, 2 the proof of
 * the stay the district wants.  Returns RF_OK, RF_CLAIM_DOC (the missing
 * one named by refusal_detail_set()), or RF_DB.
 */
enum refusal claim_step_check(struct db *db, const struct claim *c, int step);

/*
 * claim_regions_view: the deployment's rules (district 0) and each
 * district's, as <regions><region id name own="1 when set"
 * unit-review proof photo-kb/></regions> under `parent`.  1, 0 on error.
 */
int claim_regions_view(struct db *db, xmlNodePtr parent);

/*
 * claim_region_set: admin sets district `district`'s rules (0: the
 * deployment's): 基层审核 first or not, the proof of the stay it asks
 * ("settlement", "invoice", "both"), the largest photo in bytes; audited
 * in one transaction.  Returns RF_OK,
 * RF_NOT_FOUND (no such district), RF_CLAIM_PHOTO_MAX (the limit outside
 * 100 KB..10 MB, what the store keeps of a claim's material), RF_DB.
 */
enum refusal claim_region_set(struct db *db, int64_t district,
    int unit_review, const char *proof, int64_t photo_max,
    const struct flow_actor *by);

/* claim_wants_materials: whether return reason `remark` asks for
 * materials (缺少证明材料, 票据不清晰, ...): shown as 材料待补充. */
int claim_wants_materials(const char *remark);

#endif
