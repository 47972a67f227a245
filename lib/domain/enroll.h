/*
 * enroll.h -- 参保申请: a unit enrols its workers in a plan and pays the
 * premium; finance's confirmation makes one coverage per person.
 *
 * The application (SPEC §5, seed 004 §三) is filed by an agent holding
 * 医疗互助 in the unit and passes through enroll_flow: 草稿 → 上报 →
 * 待初审 → 待复审 → 待缴费 (the 缴费通知单; the unit enters what it paid
 * and uploads the voucher) → 待确认 (finance) → 已办结.  Every review may
 * return it; finance returns it to 待缴费.  Whoever of the unit's agents
 * holds 医疗互助 may work on it, as on the roster.
 *
 * Eligibility is checked on 上报, as a set: each listed person must be in
 * this unit's roster under that name with a valid ID, of the plan's
 * gender, and not covered by this plan for an overlapping period in any
 * unit; age and 等待期 only warn.  A person never holds two coverages of
 * one plan for overlapping periods: the confirmation takes the persons'
 * member rows FOR UPDATE (in the order of the list's primary key, the
 * same in every transaction) before it looks, so two confirmations that
 * share a person run one after the other and the second is refused.
 */
#ifndef HZ_ENROLL_H
#define HZ_ENROLL_H

#include <stdint.h>
#include <libxml/tree.h>

#include "flow.h"
#include "refusal.h"

struct db;
struct db_res;

extern const struct flow_type enroll_flow;	/* 参保申请 */

/* 申请类型: the kinds of application (enroll.kind by name). */
enum enroll_kind {
	EK_MAIN,		/* 主保期参保 */
	EK_EARLY,		/* 提前续保: the period entered by hand */
	EK_SUPPLEMENT,		/* 补充追加: new hires mid-period */
	EK__MAX
};
extern const char *const enroll_kind_names[EK__MAX];	/* "main" */
extern const char *const enroll_kind_labels[EK__MAX];	/* "主保期参保" */

struct enroll {
	int64_t		 id, unit_id, agent_id, plan_id, version_id;
	enum enroll_kind kind;
	char		 no[24];		/* CB2026110001 */
	char		 unit_name[256];
	char		 plan_name[256];
	char		 agent_name[128];
	char		 agent_phone[16];
	char		 period_start[11], period_end[11];
	int64_t		 premium;		/* per person */
	int64_t		 headcount;
	int64_t		 due;			/* 应缴 */
	int64_t		 paid;			/* 实缴, -1 until entered */
	char		 paid_on[11];
	char		 due_date[11];
	/* the unit as on 上报 (or now, for a draft) */
	char		 chairman[64], contact[64], contact_phone[24];
	char		 nature[16];
	int64_t		 employees;
	int64_t		 problems;		/* 不可参保 rows */
	struct flow_item flow;
};

/* The application's fields a draft may change. */
struct enroll_terms {
	int64_t		 plan_id;
	enum enroll_kind kind;
	const char	*period_start;	/* EK_EARLY: "YYYY-MM-DD", else NULL */
};

/*
 * enroll_create: a draft of `unit` filed by agent `by` (who must hold
 * 医疗互助 there), numbered CB<YYYYMM><4 digits> in its transaction (the
 * month's counter row is locked, so numbers are unique under
 * concurrency), audited.  Returns RF_OK with *id set, RF_NO_AID,
 * RF_PICK_UNIT, RF_ENROLL_PLAN, RF_ENROLL_PERIOD, RF_ENROLL_WINDOW or
 * RF_DB.
 */
enum refusal enroll_create(struct db *db, int64_t unit,
    const struct enroll_terms *terms, const struct flow_actor *by,
    int64_t *id);

/*
 * enroll_mine: application `id` if agent `agent` holds 医疗互助 in its
 * unit.  Returns 1 with *e filled, 0 if not (or none), -1 on a database
 * error.  enroll_get: the same without the agent check (the desk, tests).
 */
int enroll_mine(struct db *db, int64_t id, int64_t agent, struct enroll *e);
int enroll_get(struct db *db, int64_t id, struct enroll *e);

/*
 * enroll_set_terms: change a draft's plan, kind or period (refused once
 * 上报).  Returns RF_OK, RF_SUBMITTED, RF_ENROLL_PLAN, RF_ENROLL_PERIOD,
 * RF_ENROLL_WINDOW or RF_DB.
 */
enum refusal enroll_set_terms(struct db *db, int64_t id,
    const struct enroll_terms *terms, const struct flow_actor *by);

/* 缴费账号: add or remove one while the draft is editable. */
enum refusal enroll_account_add(struct db *db, int64_t id, const char *holder,
    const char *bank, const char *account, const struct flow_actor *by);
enum refusal enroll_account_remove(struct db *db, int64_t id,
    int64_t account_id, const struct flow_actor *by);

/*
 * enroll_pick: add roster members `members[0..n)` (ids) of the unit to the
 * draft; with n == 0 and `all_new`, every roster member not yet covered
 * by the plan for the period and not listed (选择全部未参保).  Members of
 * another unit are ignored.  Returns RF_OK with *added set, or a refusal.
 */
enum refusal enroll_pick(struct db *db, int64_t id, const int64_t *members,
    int n, int all_new, const struct flow_actor *by, int64_t *added);

/*
 * enroll_create_renewal: 发起续保申请 from the 续保提醒 list of `month`
 * ("YYYY-MM"): a 主保期参保 of `plan` for `unit` when its window allows,
 * else a 提前续保 from the day after the unit's coverage of the plan
 * ends; with the list's people of that plan in it.  Returns RF_OK with
 * *id and *added set, or a refusal as enroll_create (RF_RENEWAL_MONTH for
 * a bad month).
 */
enum refusal enroll_create_renewal(struct db *db, int64_t unit, int64_t plan,
    const char *month, const struct flow_actor *by, int64_t *id,
    int64_t *added);

/*
 * enroll_import: add the rows of an uploaded list (the renewal list's
 * layout: 序号 姓名 证件号码 社保卡银行卡号 开户行 手机号 备注; a header
 * row is found by its 姓名 cell) to the draft, as typed; a row already
 * listed is updated.  Returns RF_OK with *added set, RF_ENROLL_LIST (the
 * file is not such a list), RF_SUBMITTED or RF_DB.
 */
enum refusal enroll_import(struct db *db, int64_t id, const char *path,
    const struct flow_actor *by, int64_t *added);

/* enroll_unlist: take the person of list row `row` off the draft. */
enum refusal enroll_unlist(struct db *db, int64_t id, int64_t row,
    const struct flow_actor *by);

/* enroll_unlist_ineligible: take every 不可参保 person off (Wuxi §三.3).
 * *removed says how many. */
enum refusal enroll_unlist_ineligible(struct db *db, int64_t id,
    const struct flow_actor *by, int64_t *removed);

/*
 * enroll_submit: 上报.  In one transaction: every listed person checked
 * (the reasons kept on their rows); with any 不可参保 the marks are kept
 * and RF_ENROLL_INELIGIBLE returned (*problems says how many); else the
 * headcount and the premium due are fixed and the engine takes the step.
 * Also RF_ENROLL_EMPTY, RF_ENROLL_ACCOUNT (no 缴费账号), flow refusals,
 * RF_DB.
 */
enum refusal enroll_submit(struct db *db, int64_t id,
    const struct flow_actor *by, int64_t *problems);

/*
 * enroll_pay: the unit's 实缴金额 and date while 待缴费 (the vouchers are
 * attached with flow_attach); enroll_pay_submit sends it to finance
 * (needs an amount and a voucher, and the stamped roster where
 * configured).  RF_OK, RF_BAD_STATE, RF_ENROLL_VOUCHER, RF_ENROLL_SCAN,
 * RF_ENROLL_PAID, RF_DB.
 */
enum refusal enroll_pay(struct db *db, int64_t id, int64_t paid,
    const char *paid_on, const struct flow_actor *by);
enum refusal enroll_pay_submit(struct db *db, int64_t id,
    const struct flow_actor *by);

/*
 * enroll_attach: keep upload `u` as material `kind` ("enroll_form" while
 * the draft is editable; "voucher" or "roster_scan" while 待缴费).
 * Returns RF_OK, RF_FILE with *why, RF_SUBMITTED, RF_BAD_STATE (a kind
 * that does not belong to this step), flow refusals or RF_DB.
 */
struct upload;
enum refusal enroll_attach(struct db *db, const struct enroll *e,
    const struct upload *u, const char *kind, const struct flow_actor *by,
    const char **why);

/* enroll_payable: whether the 缴费通知单 exists (复审 passed). */
int enroll_payable(const struct enroll *e);

/*
 * The lists of one application, as <members total=".." page=".."><member
 * row=".." id-type=".."> with the masked number, <problem>, <warning>: page `page` of `per`, only the
 * 不可参保 ones with `ineligible`, filtered by name or ID number `q` ("").
 * Returns 1, 0 on a database error.
 */
int enroll_members_view(struct db *db, int64_t id, int ineligible,
    const char *q, const char *page, int per, xmlNodePtr parent);

/* The application's 缴费账号 as <accounts><account id=".."> (1/0). */
int enroll_accounts_view(struct db *db, int64_t id, xmlNodePtr parent);

/* enroll_progress: where seed 004's bar stands, 1 提交申请 (草稿, 已退回)
 * … 6 已办结. */
int enroll_progress(const struct enroll *e);

/*
 * enroll_view: the application's head (flow_view_item) with its numbers,
 * unit, plan, period, counts and money, and the 6-step progress bar of
 * seed 004 as <progress at="N">.  Returns the node, NULL on error.
 */
xmlNodePtr enroll_view(struct db *db, const struct enroll *e,
    xmlNodePtr parent);

/*
 * The roster to pick from: members of `unit` matching name/ID `q` and
 * `status` ("new": not covered by the application's plan for its period
 * and not listed; "listed"; "" all), page `page`, as <roster> rows with
 * status attributes.  Returns 1, 0 on error.
 */
int enroll_roster_view(struct db *db, const struct enroll *e, const char *q,
    const char *status, const char *page, int per, xmlNodePtr parent);

/* The unit's applications, newest first, as <enrolls> (1/0). */
int enroll_list_view(struct db *db, int64_t unit, const char *page, int per,
    xmlNodePtr parent);

/*
 * Workbooks (XLSX at `path`, scratch in `tmpdir`; 1, 0 on failure):
 * enroll_form_xlsx the application (导出申请单), enroll_ineligible_xlsx
 * the 不可参保人员名单 (the list's layout and the reason, so it can be
 * fixed and imported again), enroll_notice_xlsx the 缴费通知单 on one A4
 * page (once approved).
 */
int enroll_form_xlsx(struct db *db, const struct enroll *e, const char *path,
    const char *tmpdir);
int enroll_ineligible_xlsx(struct db *db, const struct enroll *e,
    const char *path, const char *tmpdir);
int enroll_notice_xlsx(struct db *db, const struct enroll *e,
    const char *path, const char *tmpdir);

#endif
