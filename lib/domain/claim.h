/*
 * claim.h -- 补助申请: a member's or a unit's claim for a subsidy, its
 * checks, its review and the amount the benefit engine gives it.
 *
 * A member files 住院医疗 only, on the phone, in three steps each kept as
 * a draft (SPEC §6, seed 001); a unit's agent files any of the seven
 * kinds for a member covered through the unit (代他人办理), 亡故 only
 * this way, and 重疾 + 女工 together when both plans cover the disease.
 * claim_flow: 草稿 → [待基层审核: a member's claim, where the district
 * asks the unit first] → 待初审 (review1 enters the settlement sheet's
 * figures; the amount and its explanation are computed and kept) → 待复审
 * → [报告复核 for 重疾 and 女工] → 审核通过 (the amount fixed, with its
 * explanation) → 打款中 → 办结, or 打款失败 → 修正信息 → 审核通过 again.
 * Every review may return the claim to 草稿 with its reason as 备注.
 *
 * What a claim is checked against at 提交 (claim_submit): the coverage in
 * force on the event's date (admission, diagnosis, accident, death) of a
 * plan that has the kind, its 等待期, the deadline after discharge
 * (claim_deadline_days), the member's recorded death, the annual cap and a
 * lump sum paid once per period whichever plan it is claimed under.  It
 * flags to the reviewers (never refuses) a hospital stay overlapping
 * another claim's and a 收费票据 number used in another claim.
 */
#ifndef HZ_CLAIM_H
#define HZ_CLAIM_H

#include <stdint.h>
#include <libxml/tree.h>

#include "flow.h"
#include "plan.h"
#include "refusal.h"

struct db;
struct upload;

extern const struct flow_type claim_flow;	/* 补助申请 */

/* A claim's kind is a benefit item's kind (enum plan_kind): */
extern const char *const claim_kind_codes[PK__MAX];	/* "ZY" */
extern const char *const claim_kind_labels[PK__MAX];	/* "住院医疗" */

/* Who filed it: the number's channel letter and the pages it lives on. */
enum claim_channel {
	CC_MEMBER,		/* 职工客户端: A */
	CC_UNIT,		/* 单位代办: D */
	CC__MAX
};

/* The claim as its pages show it.  Amounts are fen, -1 while unknown. */
struct claim {
	int64_t		 id, member_id, unit_id;
	enum plan_kind	 kind;
	int		 with_female;	/* 重疾 + 女工 */
	enum claim_channel channel;
	char		 no[18];
	int		 step;		/* the member's form: 1..3 */
	char		 member_name[4 * 60 + 1];
	char		 id_number[33];
	char		 gender;	/* 'F', 'M', 0 */
	char		 member_phone[12];
	char		 unit_name[4 * 100 + 1];
	int64_t		 district_id;
	char		 hospital[4 * 100 + 1];
	char		 admitted[11], discharged[11], event_on[11];
	char		 disease[4 * 100 + 1];
	char		 story[4 * 1000 + 1];
	int		 grade, died;
	char		 invoice_no[41];
	char		 payee[4 * 60 + 1];
	char		 card[20];
	char		 bank[4 * 60 + 1];
	char		 branch[4 * 100 + 1];
	char		 bank_phone[12];
	char		 payee_note[4 * 500 + 1];
	int		 attested;
	int64_t		 total_cost, base, medical;	/* review1's figures */
	int64_t		 amount;			/* review1's result */
	int64_t		 approved_amount;		/* 审核通过 */
	char		 remark[4 * 500 + 1];		/* 备注 */
	char		 flags[4 * 1000 + 1];		/* 提示, "\n" apart */
	char		 created_at[20];
	struct flow_item flow;
};

/* A new claim: what and for whom.  A member's claim names no unit. */
struct claim_new {
	enum plan_kind	 kind;
	int		 with_female;	/* PK_CRITICAL and also 女工 */
	enum claim_channel channel;
	int64_t		 member_id;	/* CC_UNIT: the person chosen */
	int64_t		 unit_id;	/* CC_UNIT: the agent's unit */
};

/*
 * claim_create: a draft filed by `by` (the member, or an agent holding
 * 医疗互助 in n->unit_id), numbered in its transaction, audited.  Returns
 * RF_OK with *id; RF_CLAIM_KIND (a member may file 住院医疗 only; 亡故
 * only a unit; 女工 only with 重疾), RF_CLAIM_MEMBER (not covered through
 * this unit for that kind), RF_NO_AID, RF_DB.
 */
enum refusal claim_create(struct db *db, const struct claim_new *n,
    const struct flow_actor *by, int64_t *id);

/*
 * claim_get: claim `id`.  claim_of_member: only if member `member` filed
 * it or is its subject.  claim_of_agent: only if agent `agent` holds
 * 医疗互助 in its unit.  Each returns 1 with *c filled, 0 if none (or not
 * theirs), -1 on a database error.
 */
int claim_get(struct db *db, int64_t id, struct claim *c);
int claim_of_member(struct db *db, int64_t id, int64_t member,
    struct claim *c);
int claim_of_agent(struct db *db, int64_t id, int64_t agent, struct claim *c);

/* What happened (就诊信息 / 出险信息), as typed; NULL or "" for none. */
struct claim_event {
	const char	*hospital, *admitted, *discharged, *event_on;
	const char	*disease, *story, *invoice_no;
	int		 grade, died;
};

/*
 * claim_set_event: keep the event while the claim is the filer's to edit
 * (dates checked against each other and today; what is missing is asked
 * at 提交).  `step`, when > 0, is where the member's form goes next.
 * Returns RF_OK, RF_SUBMITTED, RF_CLAIM_DATES, RF_CLAIM_FUTURE, RF_DB.
 */
enum refusal claim_set_event(struct db *db, int64_t id,
    const struct claim_event *e, int step, const struct flow_actor *by);

/* The payout account (收款账户). */
struct claim_payee {
	const char	*payee, *card, *bank, *branch, *phone, *note;
};

/*
 * claim_set_payee: keep the account while the claim is editable, or
 * 打款失败 (修正信息).  Returns RF_OK, RF_SUBMITTED, RF_DB.
 */
enum refusal claim_set_payee(struct db *db, int64_t id,
    const struct claim_payee *p, int step, const struct flow_actor *by);

/*
 * claim_attach: keep upload `u` as material `kind` (store.h's name:
 * "id_front", "settlement", ...) while the filer may change the claim; a
 * member's photos must be jpg or png within the district's limit.  One
 * file per kind replaces the one before.  Returns RF_OK, RF_FILE with
 * *why, RF_CLAIM_DOC_KIND, RF_SUBMITTED, RF_DB.
 */
enum refusal claim_attach(struct db *db, const struct claim *c,
    const struct upload *u, const char *kind, const struct flow_actor *by,
    const char **why);

/*
 * claim_submit: 提交.  In one transaction, the member's row locked (two
 * claims of one person are checked one after the other): every field and
 * material the kind needs, the attestation of a member's claim, the
 * coverage (kept on the claim's parts), the checks above; the flags kept;
 * then the engine's step.  Only the filer submits.  Returns RF_OK or the
 * first refusal (what is missing said by refusal_detail_set()).
 */
enum refusal claim_submit(struct db *db, int64_t id, int attested,
    const struct flow_actor *by);

/*
 * claim_correct: 修正信息 after 打款失败: the account as corrected, and
 * the claim payable again.  Returns RF_OK, RF_CLAIM_PAYEE, flow refusals,
 * RF_DB.
 */
enum refusal claim_correct(struct db *db, int64_t id,
    const struct claim_payee *p, const struct flow_actor *by);

/* review1's figures from the settlement sheet. */
struct claim_figures {
	int64_t		 total_cost;	/* 总费用 */
	int64_t		 base;		/* 补助基数 (住院医疗) */
	int64_t		 medical;	/* 意外医疗费用 */
	int		 grade;		/* 伤残等级, 0 none */
};

/*
 * claim_figures_set: review1 enters the figures while the claim is
 * 待初审; the amount and its explanation are computed by the benefit
 * engine under each part's rule and kept, audited.  Returns RF_OK,
 * RF_CLAIM_FIGURES (base above the total, or the engine cannot compute:
 * *why says why), RF_BAD_STATE, RF_FORBIDDEN, RF_DB.
 */
enum refusal claim_figures_set(struct db *db, int64_t id,
    const struct claim_figures *f, const struct flow_actor *by,
    const char **why);

/*
 * claim_view: the claim under `parent` as <claim> (flow_view_item) with
 * every field of SPEC §6: card, ID and phones masked, the amount only
 * once approved unless `office`, the explanation, the parts, the flags,
 * and <actions> the viewer's state allows.  Returns the node, NULL on a
 * database error.
 */
xmlNodePtr claim_view(struct db *db, const struct claim *c, int office,
    xmlNodePtr parent);

/*
 * claim_list_view: claims as <claims total page><claim ...>, newest
 * first: member `member`'s (filed by them or about them) when > 0, else
 * unit `unit`'s.  Returns 1, 0 on a database error.
 */
int claim_list_view(struct db *db, int64_t member, int64_t unit,
    const char *page, int per, xmlNodePtr parent);

/*
 * claim_people_view: the unit's members covered through it now or before
 * (whom a claim may be for), matching name or ID number `q`, as <people>
 * with what kinds each may claim.  Returns 1, 0 on error.
 */
int claim_people_view(struct db *db, int64_t unit, const char *q,
    xmlNodePtr parent);

/*
 * claim_grassroots_view: members' claims waiting for 基层审核 in the units
 * where agent `agent` holds 医疗互助, oldest first, at most `max`, as
 * <grassroots id=".."><no/><person/><unit/><at/> under `parent` (我的办件).
 * Returns 1, 0 on a database error.
 */
int claim_grassroots_view(struct db *db, int64_t agent, int max,
    xmlNodePtr parent);

#endif
