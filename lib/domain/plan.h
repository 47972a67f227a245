/*
 * plan.h -- 保障计划: the plans units enrol their workers in, and their
 * versions.  `admin` manages them; editing a plan adds a version, and
 * coverage keeps the version it was bought under (SPEC §4).
 */
#ifndef HZ_PLAN_H
#define HZ_PLAN_H

#include <stdint.h>

#include "refusal.h"

struct db;
struct db_res;

/* The terms of one version of a plan (plan_version's row). */
struct plan_terms {
	int64_t		 plan_id, version_id;
	int		 version;
	char		 code[24];
	char		 name[256];
	int64_t		 premium;	/* fen per person per period */
	int		 period_months;
	char		 window_from[11], window_to[11];  /* "" when none */
	char		 gender;	/* 'F', 'M', or 0 for anyone */
	int		 age_warn;	/* age from which enrolment warns */
	int		 waiting_days;	/* 等待期 for new members */
	int		 active;	/* offered to new applications */
};

/*
 * plan_terms_get: the version `version_id` (any version, current or not).
 * Returns 1 with *t filled, 0 if there is none, -1 on a database error.
 */
int plan_terms_get(struct db *db, int64_t version_id, struct plan_terms *t);

/*
 * plan_current: the version in force of plan `plan_id`.  Returns 1 / 0 /
 * -1 as above.
 */
int plan_current(struct db *db, int64_t plan_id, struct plan_terms *t);

/*
 * plan_offered: the active plans for a new application, by code: columns
 * 0 plan id, 1 code, 2 name, 3 premium (fen), 4 period months.  NULL on
 * a database error; free with db_done().
 */
struct db_res *plan_offered(struct db *db);

#endif
