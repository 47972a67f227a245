/*
 * change.h -- 个人信息变更 (SPEC §7): a member's request to change their
 * own record (姓名, 证件类型, 证件号码, 出生日期, 性别, 社保类型, 社保卡号,
 * 手机号), filed on the H5 by the member or in the unit portal by an agent
 * holding 医疗互助 in the member's unit, with 变更凭证; 待初审 → 待复核 →
 * 办结 on the engine (change_flow), returned → 草稿.  The member row
 * changes only at 办结, in that transaction, audited with before and
 * after.  A change of the phone alone is no request: it applies at once
 * once an SMS code sent to the new phone is given back (change_phone).
 *
 * The unit (参保单位) is shown but not changed here: moving a member
 * between units is a 会籍变更 that the new unit files (SPEC §3).
 */
#ifndef HZ_CHANGE_H
#define HZ_CHANGE_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "flow.h"
#include "refusal.h"

struct attachment;
struct db;
struct upload;

extern const struct flow_type change_flow;

/* Who filed it. */
enum change_channel { CHG_MEMBER, CHG_UNIT, CHG__MAX };

/* The fields of a person a request carries (before or after). */
struct change_fields {
	char	 name[4 * 60 + 1];
	int	 id_type;		/* enum id_type, 1.. */
	char	 id_number[32];
	char	 gender;		/* 'M', 'F' or 0 */
	char	 birth_date[11];	/* "" for none */
	char	 si_type[4 * 40 + 1];	/* 社保类型 */
	char	 si_card[4 * 40 + 1];	/* 社保卡号 */
	char	 phone[12];
};

struct change {
	int64_t			 id, member_id, unit_id;
	char			 no[17];	/* BG20201230000001 */
	enum change_channel	 channel;
	struct change_fields	 before, after;
	char			 remark[4 * 200 + 1];
	char			 unit_name[256];
	char			 created_at[20];
	struct flow_item	 flow;
};

/* What the filer asks (typed and checked by the form). */
struct change_ask {
	struct change_fields	 f;
	int64_t			 unit_id;	/* 参保单位 as posted, 0: none */
	const char		*remark;
};

/*
 * change_current: the member's record as a request's "before" (and the
 * form's first values), with the unit's id and name.  1, 0 if no such
 * member, -1 on a database error.
 */
int change_current(struct db *db, int64_t member, struct change_fields *f,
    int64_t *unit, char unit_name[256]);

/*
 * change_judge: the rules of a request against the member's record now:
 * a valid ID for its type, birth date and gender as an 18-digit resident
 * ID says (filled from it when left empty), the unit unchanged, name and
 * ID number not both changed, something changed.  Returns RF_OK with
 * *phone_only set when the phone is all that changes; a refusal with
 * *field the form field it is about (NULL: the whole form); RF_DB.
 */
enum refusal change_judge(struct db *db, int64_t member, struct change_ask *a,
    int *phone_only, const char **field);

/*
 * change_file: file a request for `member` (a member for themselves, an
 * agent with 医疗互助 in the member's unit), with the evidence uploads
 * ups[0..n) (NULL or empty ones skipped), and with `submit` 提交 it, in one
 * transaction: the rules again, one open request per member, the number.
 * Returns RF_OK with *id; a refusal (RF_FILE with *why); RF_DB.
 */
enum refusal change_file(struct db *db, int64_t member, struct change_ask *a,
    const struct upload *const *ups, size_t n, int submit,
    const struct flow_actor *by, int64_t *id, const char **why);

/*
 * change_edit: the filer changes their draft (and with `submit` 提交s it),
 * the same rules, more evidence.  RF_OK, a refusal, RF_DB.
 */
enum refusal change_edit(struct db *db, int64_t id, struct change_ask *a,
    const struct upload *const *ups, size_t n, int submit,
    const struct flow_actor *by, const char **why);

/* change_submit / change_delete: the filer's 提交 and 删除 of a draft. */
enum refusal change_submit(struct db *db, int64_t id,
    const struct flow_actor *by);
enum refusal change_delete(struct db *db, int64_t id,
    const struct flow_actor *by);

/*
 * change_phone: the phone-only change: `code` must be the code sent to
 * `phone` for "change_phone"; then, in one transaction, the member's
 * phone and their binding's become `phone`, audited before and after.
 * Refused while a request is open.  RF_OK, RF_CODE_*, a refusal, RF_DB.
 */
enum refusal change_phone(struct db *db, int64_t member, const char *phone,
    const char *code, const struct flow_actor *by);

/* change_get: 1 / 0 / -1. */
int change_get(struct db *db, int64_t id, struct change *c);

/* change_of_member: request `id` if it is about `member` (filed by them
 * or for them); change_of_agent: if `agent` holds 医疗互助 in its unit.
 * 1 / 0 / -1. */
int change_of_member(struct db *db, int64_t id, int64_t member,
    struct change *c);
int change_of_agent(struct db *db, int64_t id, int64_t agent,
    struct change *c);

/*
 * change_file_of: attachment `file` of request `c` (kind 变更凭证).
 * 1 with *a, 0 if it is not one of the request's, -1 on error.
 */
int change_file_of(struct db *db, const struct change *c, int64_t file,
    struct attachment *a);

/*
 * change_view: add <change id no state.. channel actions="edit delete
 * submit"> with <row field label before after changed="1"> for every
 * field, <unit>, <remark>, <created> and the evidence (<materials>)
 * under `parent`; the actions are those `by` may take now (NULL: none).
 * Returns the node, NULL on a database error.
 */
xmlNodePtr change_view(struct db *db, const struct change *c,
    const struct flow_actor *by, xmlNodePtr parent);

/*
 * change_list_view: <changes total page pages><change id state no
 * person created/>... a page of the requests about `member` (member > 0)
 * or of unit `unit`, newest first, deleted ones left out.  1, 0 on error.
 */
int change_list_view(struct db *db, int64_t member, int64_t unit,
    const char *page, int per, xmlNodePtr parent);

/* change_body: the review desk's body (flow hook): change_view. */
int change_body(struct db *db, const struct flow_item *it, xmlNodePtr body);

/* change_open_of: the member's open request's id, 0 if none, -1 on
 * error. */
int64_t change_open_of(struct db *db, int64_t member);

#endif
