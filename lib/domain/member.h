/*
 * member.h -- 职工/会员: the person, their binding and their 会籍.
 */
#ifndef HZ_MEMBER_H
#define HZ_MEMBER_H

#include <stddef.h>
#include <stdint.h>

#include "refusal.h"

struct db;
struct db_res;

struct member {
	int64_t	 id;
	int	 id_type;
	char	 id_number[32];
	char	 name[128];
	char	 gender;		/* 'M', 'F' or 0 */
	char	 birth_date[11];
	char	 phone[12];
	int64_t	 unit_id;		/* 0: no current 会籍 */
	char	 unit_name[256];
	char	 bound_phone[12];	/* H5 binding, "" if not bound */
};

/*
 * The member row as one statement reads it: MEMBER_COLUMNS after SELECT (10
 * columns), MEMBER_JOINS after "FROM member m".  The session loader reads
 * the same columns from the session row instead: MEMBER_CARD_COLUMNS.
 */
#define MEMBER_COLUMNS \
	"m.id, m.id_type, m.id_number, m.name, m.gender," \
	" m.birth_date, m.phone, m.unit_id, o.name, b.phone"
#define MEMBER_JOINS \
	" LEFT JOIN org o ON o.id = m.unit_id" \
	" LEFT JOIN member_bind b ON b.member_id = m.id"
/*
 * The same columns from a member session's own copy (会员名片, sql/
 * 019_session_card.sql: made at sign-in, kept by triggers), for the
 * session loader's one-table read after "FROM session s".
 */
#define MEMBER_CARD_COLUMNS \
	"s.subject_id, s.m_id_type, s.m_id_number, s.m_name, s.m_gender," \
	" s.m_birth_date, s.m_phone, s.m_unit_id, s.m_unit_name, s.m_bound_phone"

/* member_from_row: fill *m from MEMBER_COLUMNS starting at column `col`. */
void member_from_row(struct db_res *res, int col, struct member *m);

/*
 * member_find: the member with this ID type and number whose name matches
 * exactly (the bind check).  Returns 1 with *m filled, 0 if none, -1 on a
 * database error.
 */
int member_find(struct db *db, int id_type, const char *id_number,
    const char *name, struct member *m);

/* member_get: by id.  Returns 1 / 0 / -1 as above. */
int member_get(struct db *db, int64_t id, struct member *m);

/* member_bound_at: when the member's H5 binding was made (or last moved
 * to its phone), "YYYY-MM-DD HH:MM" in at[0..size).  Returns 1, 0 when
 * not bound (at ""), -1 on a database error. */
int member_bound_at(struct db *db, int64_t id, char *at, size_t size);

/* A bind attempt (职工绑定账号): who, on which phone, with which SMS code,
 * from which client address. */
struct bind_ask {
	int		 id_type;
	const char	*id_number, *name, *phone, *code, *ip;
};

/*
 * member_bind_identify: the rules of a bind, in their order.  Failures
 * already counted per ID number, phone or address make the try wait
 * (RF_THROTTLED, *wait seconds); the SMS code is checked before anyone is
 * looked up (RF_CODE_*), so without a code sent to a phone one holds the
 * form tells nothing about who exists; then the person must be in a
 * roster under that name (RF_BIND_UNKNOWN), and where the roster holds
 * their phone the bind phone must be it (RF_BIND_PHONE).  Failures are
 * counted.  Returns RF_OK with *m filled when the member may be bound;
 * a refusal with *field the form field it is about ("code") or NULL for
 * the whole form; RF_DB.
 */
enum refusal member_bind_identify(struct db *db, const struct bind_ask *ask,
    struct member *m, long *wait, const char **field);

/*
 * member_bind: bind the member's H5 account to `phone` (proven by SMS
 * code), with its audit row and the member's consent to the 隐私协议 and
 * 服务声明 in force (the caller saw them ticked; consent.h), in one
 * transaction.  A binding held by
 * another phone ends, and every session of the member with it; that
 * phone is told by SMS.  Returns 1, or 0 on a database error (nothing
 * changed).
 */
int member_bind(struct db *db, const struct member *m, const char *phone,
    const char *ip);

/*
 * member_search: members by name prefix or exact ID number, with their
 * unit; columns 0 id, 1 name, 2 id type, 3 id number, 4 phone, 5 unit.
 * At most 50.
 */
struct db_res *member_search(struct db *db, const char *q);

/*
 * member_export: every member with their unit and its parent (职工名单),
 * in id order, as a workbook at `path` (xlsx_export(): a constant-memory
 * stream, scratch files in tmpdir).  ID and phone numbers in full when
 * `full`, else masked.  Returns the number of members written, or -1 on
 * any failure, with `path` removed.
 */
int64_t member_export(struct db *db, int full, const char *path,
    const char *tmpdir);

#endif
