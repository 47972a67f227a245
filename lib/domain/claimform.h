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

/* claim_wants_materials: whether return reason `remark` asks for
 * materials (缺少证明材料, 票据不清晰, ...): shown as 材料待补充. */
int claim_wants_materials(const char *remark);

#endif
