/*
 * roster.h -- 职工名册: the members whose current 会籍 is a unit.
 *
 * A person exists once (ID type + number); adding someone who is already
 * in another unit is refused with that unit's name, because moving a
 * member is a 会籍变更 the office reviews (lib/membership.c).
 */
#ifndef HZ_ROSTER_H
#define HZ_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "refusal.h"

struct actor;
struct db;
struct db_res;

/* The roster workbook's columns: template, import and export alike. */
enum roster_col {
	RC_SEQ, RC_NAME, RC_ID_TYPE, RC_ID_NUMBER, RC_PHONE, RC_SI_TYPE,
	RC_SI_CARD, RC_BANK_CARD, RC_BANK_NAME, RC_REMARKS, RC__MAX
};

struct roster_column {
	const char	*title;		/* header text, matched on import */
	const char	*note;		/* the template's instruction row */
	double		 width;
	int		 required;
};
extern const struct roster_column roster_columns[RC__MAX];

/* The template's example row (张三), refused if left in an upload. */
#define ROSTER_EXAMPLE_NAME	"张三"
#define ROSTER_EXAMPLE_ID	"11010519491231002X"

/*
 * roster_template: write the 职工名册 template (title, instructions,
 * header, the 张三 example) to `path`.  Returns 1, 0 on failure.
 */
int roster_template(const char *path, const char *tmpdir);

/* A person as entered (checked by the caller's form). */
struct roster_person {
	int	 id_type;
	char	 id_number[32];
	char	 name[128];
	char	 phone[12];
	char	 si_type[4 * 40 + 1];
	char	 si_card[4 * 40 + 1];
	char	 bank_card[20];
	char	 bank_name[4 * 60 + 1];
	char	 remarks[4 * 200 + 1];
};

/*
 * roster_add: `by` (an agent with 医疗互助) puts a person in `unit`'s
 * roster: a new person, or a known one without a unit (their 会籍 opens
 * here), audited "roster.add", in one transaction.  Returns RF_OK with
 * *member set; RF_SAME_UNIT (already in this roster); RF_OTHER_UNIT (a
 * member of another unit: moving them is a 会籍变更), with `other` (size
 * n) holding that unit's name and *member the person's id; or RF_DB.
 */
enum refusal roster_add(struct db *db, const struct actor *by, int64_t unit,
    const struct roster_person *p, int64_t *member, char *other, size_t n);

/* roster_update: change a member of this unit (not the ID), audited in
 * the same transaction.  RF_OK, RF_NOT_IN_ROSTER or RF_DB. */
enum refusal roster_update(struct db *db, const struct actor *by,
    int64_t unit, int64_t member, const struct roster_person *p);

/* roster_remove: end the member's 会籍 in this unit, audited in the same
 * transaction.  RF_OK, RF_NOT_IN_ROSTER or RF_DB. */
enum refusal roster_remove(struct db *db, const struct actor *by,
    int64_t unit, int64_t member);

/*
 * roster_list: a page of the unit's roster, by name, filtered by `q` (a
 * name prefix or an exact ID number; "" for all).  Columns: see enum
 * roster_list_col.  roster_count: how many match.
 */
enum roster_list_col {
	RL_ID, RL_NAME, RL_ID_TYPE, RL_ID_NUMBER, RL_GENDER, RL_BIRTH,
	RL_PHONE, RL_SI_TYPE, RL_SI_CARD, RL_BANK_CARD, RL_BANK_NAME,
	RL_REMARKS, RL__MAX
};
struct db_res *roster_list(struct db *db, int64_t unit, const char *q,
    int64_t offset, int64_t limit);
int64_t roster_count(struct db *db, int64_t unit, const char *q);

/* roster_one: one member of the unit (same columns), NULL if not there. */
struct db_res *roster_one(struct db *db, int64_t unit, int64_t member);

/*
 * roster_export: the unit's whole roster, by name, with full numbers (the
 * agent keeps it), as the 职工名册 workbook at `path` (xlsx_export(): a
 * constant-memory stream, scratch files in tmpdir).  Returns the number of
 * members written, or -1 on any failure, with `path` removed.
 */
int64_t roster_export(struct db *db, int64_t unit, const char *path,
    const char *tmpdir);

#endif
