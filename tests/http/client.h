/*
 * client.h -- a tiny browser for the HTTP suites: libcurl with a cookie
 * jar, pages parsed by libxml2's HTML parser and read with XPath.
 * Redirects are not followed unless asked, so tests can check them.
 */
#ifndef HZ_TEST_CLIENT_H
#define HZ_TEST_CLIENT_H

#include <stddef.h>

struct hc;

/* hc_base_url: $HZ_URL, the stack under test ("http://127.0.0.1:18480"). */
const char *hc_base_url(void);

/* hc_new: a browser with an empty cookie jar against $HZ_URL. */
struct hc *hc_new(void);
void hc_free(struct hc *c);

/* hc_set_ip: the client address this browser's requests come from (sent
 * as X-Forwarded-For, which the stack's nginx trusts from loopback); NULL
 * picks a fresh one, as hc_new() does. */
void hc_set_ip(struct hc *c, const char *ip);

/* hc_get: GET path; returns the HTTP status (0 on transport error). */
int hc_get(struct hc *c, const char *path);

/*
 * hc_post: POST an urlencoded form of NULL-terminated key, value pairs.
 * The current page's _csrf value is added unless the pairs name "_csrf".
 * Returns the status.  hc_submit does the same and follows redirects.
 */
int hc_post(struct hc *c, const char *path, ...);
int hc_submit(struct hc *c, const char *path, ...);

/*
 * hc_upload: POST multipart/form-data: the file at `file` as field `field`
 * (sent as `filename` if not NULL), then NULL-terminated key, value pairs;
 * the current page's _csrf is added.  Returns the status.
 */
int hc_upload(struct hc *c, const char *path, const char *field,
    const char *file, const char *filename, ...);
/* hc_upload2: the same with two files, `file1` as `field1` and `file2` as
 * `field2` (either may be NULL: not sent). */
int hc_upload2(struct hc *c, const char *path, const char *field1,
    const char *file1, const char *field2, const char *file2, ...);

/*
 * hc_raw: `method` on `path` with extra header lines (NULL-terminated),
 * e.g. "Host: evil.example" or a hand-made "Cookie: ..." (the jar's
 * cookies are still added when it has any).  Returns the status, 0 when
 * the server closed without an answer.
 */
int hc_raw(struct hc *c, const char *method, const char *path, ...);

/*
 * hc_post_body: POST `len` bytes of `body` as they are, with Content-Type
 * `ctype` (NUL bytes, invalid UTF-8, hand-made multipart).  Returns the
 * status.
 */
int hc_post_body(struct hc *c, const char *path, const char *ctype,
    const char *body, size_t len);

/* hc_login_agent / hc_login_office: sign a demo account in with the demo
 * password (the sign-in flows themselves are tested in t_unit, t_office). */
void hc_login_agent(struct hc *c, const char *phone);
void hc_login_office(struct hc *c, const char *user);

/* hc_save_body: write the last response's body to dir/name (a download
 * to read back); returns the path (static buffer). */
const char *hc_save_body(struct hc *c, const char *dir, const char *name);

/* hc_follow: GET the Location of the last response; returns the status. */
int hc_follow(struct hc *c);

/* Last response. */
const char *hc_body(struct hc *c);
size_t hc_body_len(struct hc *c);
const char *hc_location(struct hc *c);	/* "" if none */
const char *hc_location_path(struct hc *c);	/* without hc_base_url() */
const char *hc_header(struct hc *c, const char *name);	/* NULL if none */
const char *hc_headers(struct hc *c);	/* all of them, as received */

/* hc_xpath: the string value of an XPath expression on the last page. */
const char *hc_xpath(struct hc *c, const char *expr);
/* hc_count: count(expr) on the last page. */
int hc_count(struct hc *c, const char *expr);

/* hc_cookie / hc_set_cookie: read or plant a cookie in the jar. */
const char *hc_cookie(struct hc *c, const char *name);
void hc_set_cookie(struct hc *c, const char *name, const char *value);

/*
 * sms_count: messages the sink has recorded for a phone.
 * sms_wait_code: wait (up to 10 s) until the sink holds more than `after`
 * messages for the phone, and return the 6-digit code of the newest one
 * (static buffer), or "" on timeout.
 */
int sms_count(const char *phone);
const char *sms_wait_code(const char *phone, int after);
const char *sms_last_text(const char *phone);
/* sms_wait_text: like sms_wait_code, the newest message's whole text. */
const char *sms_wait_text(const char *phone, int after);

/* test_sql: run SQL on the test stack's database (time travel for expiry
 * tests, reading the audit log).  test_sql_int: first column of the first
 * row as an integer (-1 if none). */
int test_sql(const char *sql);
/* test_sql moves the epoch (lib/epoch.h) after its write, as hzctl does;
 * test_sql_unannounced does not, to show what the session cache keeps. */
int test_sql_unannounced(const char *sql);
long long test_sql_int(const char *sql);
/* hc_orgapp_submit: 上报 unit application `id` as its filer: open the
 * 承诺书, let its 15 s pass (moved back in the database), confirm.
 * Returns the status. */
int hc_orgapp_submit(struct hc *c, long long id);

/* credit_code: a valid 统一社会信用代码 from its first 17 characters
 * (static buffer). */
const char *credit_code(const char *first17);

/* test_log_size: the bytes in the test stack's log now (a mark to read
 * what follows from). */
long test_log_size(void);

/* flow_state_of: the state name ("review1") of item `id` of business
 * type `type` ("org_app"), "" if none (static buffer). */
const char *flow_state_of(const char *type, long long id);
/* test_sql_str: first column of the first row as text ("" if none). */
const char *test_sql_str(const char *sql);

/*
 * A 参保申请 as the enrolment flow leaves it, made in the database (the
 * one place tests make them, so the real flow can take its place): plan
 * `plan` (its code; made with one version named `plan_name` and premium
 * `premium` fen when new), application `no` of unit `unit`, filed by the
 * unit's chairman, for the period [starts, ends] (inclusive), in flow
 * state `state` ("done" for 已办结, "payment", ...), with `count`
 * members of the unit's roster by id from the `skip`th enrolled; paid
 * `paid` fen (-1: count x premium).  A finished application ("done")
 * also gets the members' coverage rows, as confirmation makes them.
 */
struct enroll_fix {
	const char	*no;
	long long	 unit;
	const char	*plan, *plan_name;
	long long	 premium;
	const char	*starts, *ends;
	const char	*state;
	int		 skip, count;
	long long	 paid;
};
/* enroll_fixture: the application's id, or -1 when a statement failed. */
long long enroll_fixture(const struct enroll_fix *f);
/* plan_id_of: the id of the plan with code `code` (-1 if none). */
long long plan_id_of(const char *code);

/*
 * hc_member_as: sign member `member` (member.id) in on the member portal
 * by planting the session a bind would make (a member has no password;
 * the bind itself is tested in t_member).  Returns 1 when planted.
 */
int hc_member_as(struct hc *c, long long member);
/* hc_member_consents: member `member` (if there is one) agreed to the
 * 隐私协议 and 服务声明 in force, as a bind records it.  Returns 1/0. */
int hc_member_consents(long long member);

/*
 * hc_xlsx_text: the last body read back as a workbook (xlsxread.h): its
 * first sheet as text, a line per row, cells apart by tabs, and *rows the
 * number of rows.  NULL when the body is not a workbook.  The text lives
 * until the next call.
 */
const char *hc_xlsx_text(struct hc *c, int *rows);

/* test_datafile: the path of tests/data/`name` (static buffer). */
const char *test_datafile(const char *name);

/* this_year: the year in China now, as the programs' clock reads it
 * (HZ_NOW unset in the test stack). */
int this_year(void);

/*
 * test_second_start: wait until the clock has just begun a new second, so
 * that a time set in the database and the request after it fall in the
 * same second (the database counts whole seconds): a test at exactly a
 * limit then checks the limit and not the timing.
 */
void test_second_start(void);

/*
 * Fixtures of one test's own, so tests do not share the demo's units:
 * test_unit_new: an approved unit named `name` under the first district
 * with a chairman agent of phone `phone` (demo password, profile done,
 * 医疗互助).  Returns the unit's id, -1 on failure.
 * test_id_number: a valid resident ID number born on `birth`
 * ("1980-05-06"), serial `seq` (0..499), of gender 'F' or 'M' (static).
 * test_member_new: a member of `unit` in its roster.  Returns the id.
 */
long long test_unit_new(const char *name, const char *phone);
const char *test_id_number(const char *birth, int seq, char gender);
long long test_member_new(long long unit, const char *name, const char *id,
    char gender, const char *birth, const char *phone);
/*
 * The programs' route tables (`hz-* --routes`): method, path, the access
 * that loads its session ("anon", "member", "agent", "agent-new",
 * "office") and the office roles it admits.  hc_routes fills up to `max`
 * and returns how many.
 */
struct hc_route {
	char		 method[8], path[256], access[16];
	unsigned	 roles;
};
int hc_routes(struct hc_route *routes, int max);

/* hc_bind_member: bind demo member number `nth` (0-based by id) on the
 * phone its roster holds, by SMS code; 1 when signed in. */
int hc_bind_member(struct hc *c, int nth);

/* test_staff_new: an office user `username` with `roles` ("finance"),
 * the demo password. */
int test_staff_new(const char *username, const char *roles);

/*
 * FIXTURE FOR THE PAYOUT TESTS (t_payout, tests/bench/payout.sh does the
 * same in SQL): an approved claim (补助申请 审核通过) made in the
 * database, until the unit's claim pages can make one over HTTP.  The
 * claim row (住院医疗, filed by the member itself, account payee/card,
 * approved_amount `amount` fen), its claim_part under the member's
 * latest coverage (there must be one: enroll_fixture "done"), and its
 * flow_item in state 'approved', round 1, with the review1 and review2
 * steps of that round taken by staff `review1` and `review2` (ids), so
 * the engine's segregation of duties has someone to keep apart.
 * Returns the claim's id, -1 when a statement failed.
 */
struct claim_fix {
	long long	 member;
	long long	 amount;		/* fen */
	const char	*payee, *card;
	long long	 review1, review2;	/* staff.id */
};
long long claim_fixture(const struct claim_fix *f);
/* staff_id_of: the id of office user `username` (-1 if none). */
long long staff_id_of(const char *username);

#endif
