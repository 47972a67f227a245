/*
 * consent.h -- 隐私协议 and 服务声明, and each member's consent to them
 * (PIPL art. 28-29: separate consent for sensitive personal information).
 *
 * The editor publishes a text as a new version; the newest is in force.
 * Binding records the member's agreement to the versions in force (time,
 * client address) in the bind's transaction; a member whose agreement
 * does not cover the versions in force is asked again before anything
 * else (lib/domain/signin.c loads the answer with the session; http.c
 * sends them to /m/consent).  Withdrawing ends the binding.
 */
#ifndef HZ_CONSENT_H
#define HZ_CONSENT_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct actor;
struct db;

enum consent_kind { CT_PRIVACY, CT_TERMS, CT__MAX };
extern const char *const consent_kind_names[CT__MAX + 1];	/* NULL-ended */
extern const char *const consent_kind_labels[CT__MAX];	/* 隐私协议 … */

/*
 * The session loader's column (signin.c, after "FROM session s"): 1 when
 * the member s.subject_id has agreed to every text in force, kept in the
 * session row by sql/026's triggers from consent_complete(), the rule's
 * one statement, so a cold page reads no consent table.
 */
#define CONSENT_CURRENT_COLUMN	"s.m_consent"

/*
 * consent_publish: text `kind` in a new version (the body cleaned as an
 * article's, no images), in force at once, audited; *version gets it.
 * RF_OK, RF_CONSENT_TEXT (nothing left), RF_DB.
 */
enum refusal consent_publish(struct db *db, const struct actor *by,
    enum consent_kind kind, const char *body, int *version);

/*
 * consent_texts_view: <texts><text kind label version? at?><body/></text>
 * ...</texts>: each kind's text in force (no version: none yet) and
 * <history> of every version.  Returns 1/0.
 */
int consent_texts_view(struct db *db, xmlNodePtr parent);

/* consent_text_view: <text kind label version at><body/></text> in force;
 * 1, 0 when none is published, -1. */
int consent_text_view(struct db *db, enum consent_kind kind,
    xmlNodePtr parent);

/*
 * consent_pending_view: the texts in force member has not agreed to, as
 * consent_text_view's <text>s under <pending>.  Returns how many, -1.
 */
int consent_pending_view(struct db *db, int64_t member, xmlNodePtr parent);

/*
 * consent_record: inside the caller's transaction (the bind's), the
 * member's agreement to every text in force, with the time and address,
 * audited.  Returns 1, 0 on a database error.
 */
int consent_record(struct db *db, int64_t member, const char *ip);

/* consent_agree: consent_record in a transaction of its own (the member
 * agreed to a new version).  Returns 1/0. */
int consent_agree(struct db *db, int64_t member, const char *ip);

/*
 * consent_withdraw: 撤回同意: the agreements marked withdrawn, the binding
 * deleted, every session of the member ended, audited, in one
 * transaction.  Returns 1, 0 on a database error.
 */
int consent_withdraw(struct db *db, int64_t member, const char *ip);

#endif
