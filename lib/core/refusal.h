/*
 * refusal.h -- every refusal a domain module can give, as one enum with its
 * Chinese message in one table (refusal.c), used by every portal.
 *
 * A domain function that can refuse returns an enum refusal: RF_OK when it
 * did what was asked, RF_DB when the database failed (never shown as a
 * validation message: the request answers 500, or 503 when MariaDB is
 * away), anything else a refusal the person can act on.  Codes are added
 * here, grouped by the module that gives them; nobody allocates numbers.
 */
#ifndef HZ_REFUSAL_H
#define HZ_REFUSAL_H

enum refusal {
	RF_OK = 0,
	RF_DB,			/* a database error: not for the person */

	/* the workflow engine (flow.c) */
	RF_NOT_FOUND,		/* no such item, or not the asker's */
	RF_BAD_STATE,		/* the action does not apply in this state */
	RF_FORBIDDEN,		/* wrong role, not the filer, no right */
	RF_SAME_PERSON,		/* segregation of duties */
	RF_NEED_REASON,		/* a return needs a reason */
	RF_SUBMITTED,		/* no longer the filer's to change */

	/* unit registration (orgapp.c) */
	RF_PROMISE,		/* 承诺书 not read for 15 s */
	RF_NO_LICENSE,		/* 法人资格证书/营业执照 missing */
	RF_CREDIT_TAKEN,	/* another unit has this credit code */
	RF_BAD_PARENT,		/* the parent is not 市总 or a 区/产业工会 */

	/* agent transfer (transfer.c) */
	RF_ALREADY_CHAIR,	/* the agent already chairs the unit */
	RF_TRANSFER_OPEN,	/* an open request for this unit exists */
	RF_NO_LETTER,		/* 授权书 not uploaded */
	RF_NO_UNIT,		/* not an approved unit */

	/* membership change (membership.c) */
	RF_NO_PERSON,		/* nobody with this ID in the system */
	RF_SAME_UNIT,		/* already in the asking unit */
	RF_NO_MEMBERSHIP,	/* the person has no unit: just add them */
	RF_MOVE_OPEN,		/* a request for this person is in review */
	RF_MOVED,		/* the person left the old unit meanwhile */

	/* sign-in and SMS codes (auth.c, sms.c; member.c, agent.c) */
	RF_THROTTLED,		/* too many failures: wait (the seconds apart) */
	RF_CODE_NONE,		/* no code was sent to this phone */
	RF_CODE_WRONG,
	RF_CODE_EXPIRED,
	RF_CODE_TOO_MANY,	/* 5 wrong tries: ask for a new one */
	RF_BAD_LOGIN,		/* agent: unknown account or wrong password */
	RF_BAD_STAFF_LOGIN,	/* office: the same */
	RF_DISABLED,		/* the agent's account is switched off */
	RF_PASSWORD_MISMATCH,	/* the two new passwords differ */
	RF_OLD_PASSWORD,	/* the current password is wrong */

	/* member binding (member.c) */
	RF_BIND_UNKNOWN,	/* nobody of that name and ID in a roster */
	RF_BIND_PHONE,		/* the roster holds another phone */

	/* agents and their units (agent.c, unitstaff.c) */
	RF_ID_TAKEN,		/* the ID number is another account's */
	RF_PICK_UNIT,		/* no unit named */
	RF_NO_AID,		/* no 医疗互助 in the unit */
	RF_NOT_CHAIR,		/* only the unit's chairman may */
	RF_STAFF_ALREADY,	/* already serves the unit */
	RF_NOT_STAFF,		/* no such staff member in the unit */

	/* office users (staff.c) */
	RF_NO_ROLES,		/* a user needs at least one role */
	RF_USERNAME_TAKEN,
	RF_OWN_ADMIN,		/* an admin keeps their own admin role */
	RF_NO_USER,		/* no such office user */

	/* the org tree (org.c) */
	RF_ORG_CREDIT_USED,	/* another org has this credit code */
	RF_DISTRICT_PARENT,	/* a district hangs under the root only */
	RF_UNIT_PARENT,		/* a unit hangs under a district only */
	RF_NO_ORG,		/* no such org */

	/* the roster (roster.c) */
	RF_OTHER_UNIT,		/* a member of another unit: 会籍变更 */
	RF_NOT_IN_ROSTER,	/* not in this unit's roster */
	RF_IDS_FIXED,		/* ID type and number are not edited here */

	/* uploads (store.c says which rule in its own sentence) */
	RF_FILE,		/* the file was refused: type, size, none */

	/* 开票信息 (invoice.c) */
	RF_INVOICE_NOTE,	/* several titles need the note */

	/* 保障计划 (plan.c) */
	RF_NO_PLAN,		/* no such plan */
	RF_PLAN_CODE_TAKEN,	/* another plan has this code */
	RF_PLAN_NO_BENEFIT,	/* a version needs at least one item */
	RF_PLAN_TERMS,		/* a term or an item has a fault */
	RF_PLAN_STALE,		/* another version came since the form */
	RF_PLAN_UNCHANGED,	/* the edit says what is in force */

	/* 参保申请 (enroll.c) */
	RF_ENROLL_PLAN,		/* no such plan on offer */
	RF_ENROLL_WINDOW,	/* 主保期参保 outside its month or window */
	RF_ENROLL_PERIOD,	/* 提前续保 needs a start after today */
	RF_ENROLL_EMPTY,	/* nobody listed */
	RF_ENROLL_ACCOUNT,	/* no 缴费账号 */
	RF_ENROLL_INELIGIBLE,	/* %s persons may not enrol */
	RF_ENROLL_LIST,		/* not a list of persons */
	RF_ENROLL_PAID,		/* 实缴金额 not entered */
	RF_ENROLL_VOUCHER,	/* no 缴费凭证 */
	RF_ENROLL_SCAN,		/* no stamped roster */
	RF_ENROLL_COVERED,	/* %s: already covered for an overlap */
	RF_ENROLL_NO_NOTICE,	/* no 缴费通知单 before 复审 */

	/* 参保记录 and 发票 (coverage.c, pinvoice.c) */
	RF_PINV_NO_APP,		/* no such application */
	RF_PINV_NOT_DONE,	/* the application is not 已办结 */
	RF_PINV_NUMBER,		/* 发票号码 is not 8 to 20 digits */
	RF_PINV_NUMBER_TAKEN,	/* that number is recorded already */
	RF_PINV_AMOUNT,		/* the amount is not above 0 */
	RF_PINV_OVER,		/* more than the application paid (%s left) */
	RF_PINV_FUTURE,		/* dated after today */

	/* 续保提醒 (renewal.c) */
	RF_RENEWAL_MONTH,	/* ?month= is no month */
	RF_RENEWAL_PLAN,	/* ?plan= is no plan of the month's list */

	/* claims (claim.c) */
	RF_CLAIM_KIND,		/* not a kind this filer may claim */
	RF_CLAIM_MEMBER,	/* not covered through this unit for it */
	RF_CLAIM_FIELD,		/* %s: a field the kind needs is empty */
	RF_CLAIM_DOC,		/* %s: a material the kind needs is missing */
	RF_CLAIM_DOC_KIND,	/* not a material of this claim */
	RF_CLAIM_DATES,		/* discharged before admitted */
	RF_CLAIM_FUTURE,	/* a date after today */
	RF_CLAIM_PAYEE,		/* %s: the account is incomplete */
	RF_CLAIM_PAYEE_OTHER,	/* another holder without note and papers */
	RF_CLAIM_ATTEST,	/* the member's attestation not ticked */
	RF_CLAIM_NOT_COVERED,	/* no coverage on the event's date */
	RF_CLAIM_WAITING,	/* %s: within the 等待期 */
	RF_CLAIM_LATE,		/* %s: past the deadline after discharge */
	RF_CLAIM_AFTER_DEATH,	/* an event after the recorded death */
	RF_CLAIM_CAP,		/* the annual cap is reached */
	RF_CLAIM_TWICE,		/* a lump sum already claimed this period */
	RF_CLAIM_DISEASE,	/* the disease is not of the plan's list */
	RF_CLAIM_BOTH,		/* 重疾 + 女工 needs both items */
	RF_CLAIM_FIGURES,	/* 补助基数 above 总费用, or none entered */
	RF_CLAIM_NO_FIGURES,	/* review1 approves before computing */
	RF_CLAIM_ZERO,		/* nothing payable: return it, not approve */
	RF_CLAIM_PHOTO_MAX,	/* a district's photo limit out of range */

	/* 打款 (payout.c) */
	RF_PAYOUT_NONE,		/* no claim chosen */
	RF_PAYOUT_TOO_MANY,	/* more lines than a batch holds */
	RF_PAYOUT_STALE,	/* %s: no longer 审核通过 (or no amount) */
	RF_PAYOUT_NOT_SENT,	/* the bank file was never made */
	RF_PAYOUT_DUP_FILE,	/* this result file was imported already */
	RF_PAYOUT_RESULT_FILE,	/* %s: the result file cannot be read */
	RF_PAYOUT_DECIDED,	/* the line has another result already */
	RF_PAYOUT_NOT_PAID,	/* 退票 of a line not paid */
	/* 个人信息变更 (change.c) */
	RF_CHANGE_OPEN,		/* one open request per member */
	RF_CHANGE_NAME_ID,	/* name and ID number both changed */
	RF_CHANGE_NOTHING,	/* no field changed */
	RF_CHANGE_UNIT,		/* the unit: a 会籍变更 */
	RF_CHANGE_BIRTH,	/* birth date against the resident ID */
	RF_CHANGE_GENDER,	/* gender against the resident ID */
	RF_CHANGE_BIRTH_FUTURE,	/* birth date after today */
	RF_CHANGE_ID_TAKEN,	/* the new ID is another person's */
	RF_CHANGE_PROOF,	/* 提交 without 变更凭证 */
	RF_CHANGE_PHONE_ONLY,	/* the phone alone: by SMS code, no request */

	/* 公告、资讯、宣传手册、协议文本与同意 (article.c, consent.c) */
	RF_ARTICLE_NOT_FOUND,	/* no such article */
	RF_ARTICLE_FILE,	/* %s: the store's sentence about an upload */
	RF_ARTICLE_BODY,	/* nothing allowed left in the body */
	RF_ARTICLE_BODY_LONG,	/* the body is over ARTICLE_BODY_MAX */
	RF_ARTICLE_TIME,	/* the publication time is not a time */
	RF_BROCHURE_FILE,	/* %s: the brochure upload refused */
	RF_CONSENT_TEXT,	/* a text with nothing left in it */
	RF_CONSENT_REQUIRED,	/* bind without ticking the agreement */
	RF_CONSENT_CONFIRM,	/* 撤回同意 not confirmed */

	/* recovery: e-mail, 申诉, WeChat (recover.c, appeal.c, wx.c) */
	RF_EMAIL_TAKEN,		/* another account has this e-mail */
	RF_RECOVER_LINK,	/* the link is unknown, used or expired */
	RF_APPEAL_UNKNOWN,	/* phone, name and ID match no account */
	RF_APPEAL_OPEN,		/* an appeal for the account is in review */
	RF_APPEAL_PHONE_TAKEN,	/* the new phone is another account's */
	RF_APPEAL_PHOTO,	/* both ID photos are needed (images) */
	RF_WX_FAILED,		/* WeChat did not give the openid: %s */

	RF__MAX
};

/* refusal_text: the Chinese sentence for a refusal ("" for RF_OK). */
const char *refusal_text(enum refusal rf);

/*
 * refusal_textf: the sentence with its one "%s" (RF_OTHER_UNIT names the
 * unit) replaced by `arg`, into buf (size n).  Returns buf.
 */
char *refusal_textf(enum refusal rf, const char *arg, char *buf,
    unsigned long n);

/*
 * A refusal whose sentence has a "%s" names what it is about (the person
 * already covered, the unit): the domain says it with refusal_detail_set()
 * just before returning the code, and the portal's message takes it
 * (form_refuse, page_refuse).  One request at a time per process, so one
 * slot; refusal_detail() gives it ("" when none) and clears it.
 */
void refusal_detail_set(const char *arg);
const char *refusal_detail(void);

/* refusal_message: the sentence with the detail said, into buf. */
char *refusal_message(enum refusal rf, char *buf, unsigned long n);

/* refusal_name: a stable name ("same_person") for logs and tests. */
const char *refusal_name(enum refusal rf);

#endif
