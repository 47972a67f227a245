/*
 * payout.h -- 打款: finance pays approved claims (补助申请 审核通过) in
 * batches (打款批次) and records what the bank answered.
 *
 * A batch is recorded first, in one transaction: its lines (one per
 * claim: payee, card, bank, branch, the approved amount, a reference
 * "<batch no>-<line>" that is the line's name at the bank), its control
 * count and total, and each claim's engine step 审核通过 → 打款中.  The
 * bank file (XLSX) is made after, from the recorded lines alone, and kept
 * with its SHA-256 (the batch is then 'sent').  So a program killed at any
 * point leaves either no batch (the claims still 审核通过) or a recorded
 * batch whose file is made again on the next download: nothing lost,
 * nothing paid twice.
 *
 * The bank's answer is recorded per line, by hand or by importing its
 * result XLSX: paid (打款中 → 办结, the filer told 已成功办结…补助金额),
 * failed with the bank's reason (→ 打款失败: the filer corrects the
 * account, 修正信息, and the claim is payable again; its next line links
 * back to this one), a reference of no line of the batch (unknown) or an
 * amount that is not the line's (mismatch: nothing recorded).  A paid
 * line the bank returns later (退票) sends the claim back to 打款失败.
 *
 * Paid at most once: a line takes one result (a second click, a retry or
 * the same file again changes nothing); a file is imported once per batch
 * (its SHA-256 is a unique key); the database keeps one open line and one
 * standing success per claim (unique keys on payout_line).  Finance never
 * pays a claim one of its users reviewed in its round (the engine's
 * segregation of duties: RF_SAME_PERSON).
 */
#ifndef HZ_PAYOUT_H
#define HZ_PAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "refusal.h"

struct db;
struct flow_actor;
struct attachment;

/* The most lines one batch holds (the reference's five digits). */
#define PAYOUT_MAX_LINES	99999

/* Which approved claims the new batch page lists (0 / -1: any). */
struct payout_pick {
	int64_t		 district;	/* 区/产业工会 */
	int		 kind;		/* enum plan_kind, -1 any */
};

/*
 * payout_payable_view: approved claims in no open line matching *f, as
 * <payable total=".." sum=".."><claim id no kind member unit amount
 * retry>; page `page` of `per`.  Returns 1, 0 on a database error.
 */
int payout_payable_view(struct db *db, const struct payout_pick *f,
    const char *page, int per, xmlNodePtr parent);

/*
 * payout_batch_make: a batch of claims `ids` (n of them), or with `all`
 * every approved claim matching *f, made by `by` (finance), in one
 * transaction.  Returns RF_OK with *batch; RF_PAYOUT_NONE (nothing to
 * pay), RF_PAYOUT_TOO_MANY, RF_PAYOUT_STALE (a claim is no longer
 * 审核通过: detail its number), RF_SAME_PERSON (a claim this user
 * reviewed: detail its number), RF_DB.
 */
enum refusal payout_batch_make(struct db *db, const int64_t *ids, size_t n,
    int all, const struct payout_pick *f, const struct flow_actor *by,
    int64_t *batch);

/*
 * payout_file: the batch's bank file (打款文件), made from its lines and
 * kept with its SHA-256 the first time it is asked for, the same file
 * after.  Returns RF_OK with *a, RF_NOT_FOUND, RF_DB.
 */
enum refusal payout_file(struct db *db, int64_t batch,
    const struct flow_actor *by, struct attachment *a);

/* What one import did (payout_import's counts). */
struct payout_tally {
	int64_t		 import_id;
	int		 paid, failed, unknown, mismatch, already;
};

/*
 * payout_import: the bank's result file at `path` (name `filename`) for
 * batch `batch`: columns 参考号, 金额, 结果 (成功 / 失败), 失败原因, found
 * by their header.  Every row is classed and the paid and failed ones
 * recorded, in one transaction, with the file kept.  Returns RF_OK with
 * *t; RF_PAYOUT_DUP_FILE (this file was imported already: *t is then what
 * it did), RF_PAYOUT_NOT_SENT, RF_PAYOUT_RESULT_FILE (detail: why),
 * RF_NOT_FOUND, RF_DB.
 */
enum refusal payout_import(struct db *db, int64_t batch, const char *path,
    const char *filename, const struct flow_actor *by,
    struct payout_tally *t);

/* A line's result as recorded by hand. */
enum payout_result {
	PR_PAID,
	PR_FAILED,
	PR__MAX
};

/*
 * payout_record: line `line` of batch `batch` paid or failed (with the
 * bank's reason), by hand.  The same result again changes nothing
 * (RF_OK, *again set).  Returns RF_OK, RF_PAYOUT_DECIDED (it has another
 * result), RF_PAYOUT_NOT_SENT, RF_NEED_REASON, RF_NOT_FOUND, RF_DB.
 */
enum refusal payout_record(struct db *db, int64_t batch, int64_t line,
    enum payout_result res, const char *reason, const struct flow_actor *by,
    int *again);

/*
 * payout_return: 退票, the bank returned paid line `line` with `reason`:
 * the line 'returned', the claim 办结 → 打款失败.  Returns RF_OK,
 * RF_PAYOUT_NOT_PAID, RF_NEED_REASON, RF_NOT_FOUND, RF_DB.
 */
enum refusal payout_return(struct db *db, int64_t batch, int64_t line,
    const char *reason, const struct flow_actor *by);

/* payout_batches_view: the batches, newest first, as <batches total
 * page><batch id no state lines total paid failed pending made_at>.
 * Returns 1, 0 on a database error. */
int payout_batches_view(struct db *db, const char *page, int per,
    xmlNodePtr parent);

/*
 * payout_batch_view: batch `batch` as <batch ...> with its lines (page
 * `page` of `per`, only state `state` unless NULL or ""), its imports
 * and the counts per state.  Returns 1, 0 if none, -1 on error.
 */
int payout_batch_view(struct db *db, int64_t batch, const char *state,
    const char *page, int per, xmlNodePtr parent);

/* Test hook: when $HZ_CRASH_AT names `point`, the process ends there at
 * once (_exit), as a kill would: what the crash tests use. */
void payout_crash_point(const char *point);

#endif
