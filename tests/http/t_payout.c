/*
 * t_payout.c -- 打款 over HTTP as finance does it: a batch from approved
 * claims, the bank file and its SHA-256, the bank's result by file and by
 * hand, 退票, 修正信息 and the new batch that links back; paid at most once
 * whatever is double-clicked, imported twice or by two people at once;
 * killed half-way (hzctl with $HZ_CRASH_AT) and nothing lost or paid
 * twice; finance never pays a claim one of its users reviewed.  After each
 * step the invariants: at most one success per claim, paid never above
 * approved, batch totals equal to the sum of their lines.
 *
 * The approved claims are made in the database (claim_fixture, client.h)
 * until the unit's claim pages can make them; this unit and its members
 * are the test's own.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "claim.h"
#include "client.h"
#include "db.h"
#include "flow.h"
#include "kind.h"
#include "sha256.h"
#include "tap.h"
#include "xlsx.h"
#include "xlsxread.h"

#define NCLAIMS	8

static long long unit, district, members[NCLAIMS], claims[NCLAIMS];
static long long amounts[NCLAIMS] = { 832304, 150000, 99999, 123456, 50000,
    70000, 88800, 70000 };
static char phones[NCLAIMS][16];
static char tmpdir[] = "/tmp/t_payout.XXXXXX";

/* The invariants, over this test's claims. */
static void
invariants(const char *when)
{
	char q[1200];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM (SELECT l.claim_id FROM"
	    " payout_line l JOIN claim c ON c.id = l.claim_id WHERE c.unit_id ="
	    " %lld AND l.state = 'paid' GROUP BY l.claim_id HAVING COUNT(*) > 1)"
	    " x", unit);
	is_int(test_sql_int(q), 0, "%s: at most one success per claim", when);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM (SELECT c.id FROM claim c"
	    " JOIN payout_line l ON l.claim_id = c.id WHERE c.unit_id = %lld"
	    " AND l.state = 'paid' GROUP BY c.id HAVING SUM(l.amount) >"
	    " MAX(c.approved_amount)) x", unit);
	is_int(test_sql_int(q), 0, "%s: paid never above approved", when);
	is_int(test_sql_int("SELECT COUNT(*) FROM payout_batch b WHERE"
	    " b.line_count <> (SELECT COUNT(*) FROM payout_line l WHERE l.batch_id ="
	    " b.id) OR b.total <> (SELECT COALESCE(SUM(l.amount), 0) FROM"
	    " payout_line l WHERE l.batch_id = b.id)"), 0,
	    "%s: every batch's totals are the sum of its lines", when);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM claim c JOIN flow_item f"
	    " ON f.type = 'claim' AND f.item_id = c.id WHERE c.unit_id = %lld"
	    " AND (f.state = 'done') <> EXISTS (SELECT 1 FROM payout_line l"
	    " WHERE l.claim_id = c.id AND l.state = 'paid')", unit);
	is_int(test_sql_int(q), 0, "%s: 办结 exactly when a line stands paid",
	    when);
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM claim c JOIN flow_item f"
	    " ON f.type = 'claim' AND f.item_id = c.id WHERE c.unit_id = %lld"
	    " AND (f.state = 'paying') <> EXISTS (SELECT 1 FROM payout_line l"
	    " WHERE l.claim_id = c.id AND l.state = 'pending')", unit);
	is_int(test_sql_int(q), 0, "%s: 打款中 exactly when a line is open",
	    when);
}

static const char *
state_of(int i)
{
	return flow_state_of("claim", claims[i]);
}

/* The finance page's CSRF token is picked up by hc_post from the page. */
static int
make_batch(struct hc *c, const int *idx, int n, long long *batch)
{
	char v[3][24];
	int i, st;

	for (i = 0; i < n && i < 3; i++)
		snprintf(v[i], sizeof(v[i]), "%lld", claims[idx[i]]);
	hc_get(c, "/o/payout/new");
	st = hc_post(c, "/o/payout/new", n > 0 ? "claim" : NULL, v[0],
	    n > 1 ? "claim" : NULL, v[1], n > 2 ? "claim" : NULL, v[2], NULL);
	if (st == 303 && batch)
		*batch = atoll(strstr(hc_location(c), "id=") + 3);
	return st;
}

static const char *
ref_of(long long claim)
{
	static char ref[64];
	char q[200];

	snprintf(q, sizeof(q), "SELECT ref FROM payout_line WHERE claim_id ="
	    " %lld ORDER BY id DESC LIMIT 1", claim);
	snprintf(ref, sizeof(ref), "%s", test_sql_str(q));
	return ref;
}

static long long
line_of(long long claim)
{
	char q[200];

	snprintf(q, sizeof(q), "SELECT id FROM payout_line WHERE claim_id ="
	    " %lld ORDER BY id DESC LIMIT 1", claim);
	return test_sql_int(q);
}

/* A bank result file: rows of reference, amount (text), result, reason. */
struct res_row {
	const char	*ref, *amount, *result, *reason;
};

static const char *
result_file(const char *name, const struct res_row *rows, int n)
{
	static const struct xlsx_col cols[] = { { "参考号", 24 },
	    { "金额", 12 }, { "结果", 8 }, { "失败原因", 20 } };
	static char path[300];
	struct xlsx_out *x;
	int i;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	if ((x = xlsx_out_open(path, tmpdir, "结果", cols, 4)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const char *cells[4] = { rows[i].ref, rows[i].amount,
		    rows[i].result, rows[i].reason };

		xlsx_out_row(x, cells, 4);
	}
	return xlsx_out_close(x) ? path : NULL;
}

/* hzctl payout ... with $HZ_CRASH_AT: its exit status. */
static int
hzctl(const char *crash, const char *args)
{
	char cmd[1200];
	int st;

	snprintf(cmd, sizeof(cmd), "%s%s%s'%s/hzctl' payout %s >/dev/null 2>&1",
	    crash ? "HZ_CRASH_AT=" : "", crash ? crash : "", crash ? " " : "",
	    getenv("HZ_BUILDDIR"), args);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static long long count(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* The first column of the query fmt, ... as an integer. */
static long long
count(const char *fmt, ...)
{
	char q[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	return test_sql_int(q);
}

/* Whether the workbook at `path` has a cell `text`. */
static int
xlsx_has(const char *path, const char *text)
{
	enum xlsx_status st;
	struct xlsx_reader *x;
	struct xlsx_row row;
	size_t i;
	int found = 0;

	if ((x = xlsx_open(path, NULL, &st)) == NULL)
		return 0;
	while (!found && xlsx_next_row(x, &row) == 1)
		for (i = 0; i < row.ncells; i++)
			found |= strcmp(row.cells[i].text, text) == 0;
	xlsx_close(x);
	return found;
}

/*
 * The workbooks a killed program left in the stack's temp dir (xlsx_tmp's
 * export-XXXXXX): how many hold `text`; with `remove` they are removed
 * (t_export counts what is left there).
 */
static int
left_files(const char *text, int remove)
{
	char dir[1024], path[1300];
	struct dirent *e;
	int n = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/run/test/tmp", getenv("HZ_BUILDDIR"));
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "export-", 7) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (xlsx_has(path, text)) {
			n++;
			if (remove)
				unlink(path);
		}
	}
	closedir(d);
	return n;
}

/* flow_apply_many in a transaction of its own. */
struct many_arg {
	long long		 id;
	enum flow_action	 action;
	const struct flow_actor	*a;
	const char		*reason;
	enum refusal		 rf;
};

static int
many_txn(struct db *db, void *arg)
{
	struct many_arg *m = arg;
	int64_t id = m->id, bad;
	const char *why[1] = { m->reason };

	m->rf = flow_apply_many(db, &claim_flow, &id, 1, m->action, m->a,
	    m->reason ? why : NULL, &bad);
	return m->rf != RF_OK;
}

/* The rows a step left for claim `id`, as text without ids, times or
 * the claim's own title: its timeline, audit, messages and SMS. */
static const char *
rows_of(long long id, const char *phone)
{
	static char out[4000];
	char q[1500];

	snprintf(q, sizeof(q), "SELECT CONCAT_WS('|', f.state, f.round, f.acts,"
	    " (SELECT GROUP_CONCAT(CONCAT_WS(',', s.round, s.action, s.node,"
	    " s.from_state, s.to_state, s.apart, s.actor_kind, s.actor_id,"
	    " s.actor_name, COALESCE(s.reason, '-')) ORDER BY s.id SEPARATOR ';')"
	    " FROM flow_step s WHERE s.type = 'claim' AND s.item_id = f.item_id"
	    " AND s.node = '打款'),"
	    " (SELECT GROUP_CONCAT(CONCAT_WS(',', a.actor_kind, a.actor_id,"
	    " a.action, a.detail) ORDER BY a.id SEPARATOR ';') FROM audit_log a"
	    " WHERE a.object_type = 'claim' AND a.object_id = f.item_id),"
	    " (SELECT GROUP_CONCAT(CONCAT_WS(',', m.recipient_kind,"
	    " REPLACE(m.title, f.title, 'T'), REPLACE(m.body, f.title, 'T'),"
	    " REPLACE(m.link, f.item_id, 'I')) ORDER BY m.id SEPARATOR ';')"
	    " FROM station_message m WHERE m.recipient_kind = f.filer_kind AND"
	    " m.recipient_id = f.filer_id), (SELECT GROUP_CONCAT(REPLACE(o.body,"
	    " f.title, 'T') ORDER BY o.id SEPARATOR ';') FROM sms_outbox o"
	    " WHERE o.phone = '%s')) FROM flow_item f WHERE f.type = 'claim'"
	    " AND f.item_id = %lld", phone, id);
	snprintf(out, sizeof(out), "%s", test_sql_str(q));
	return out;
}

/* Two finance users importing one file at once. */
struct racer {
	struct hc	*c;
	const char	*path, *file;
	int		 status;
};

static void *
race_upload(void *arg)
{
	struct racer *r = arg;

	r->status = hc_upload(r->c, r->path, "file", r->file, "回单.xlsx",
	    NULL);
	return NULL;
}

static void *
race_batch(void *arg)
{
	struct racer *r = arg;

	r->status = hc_post(r->c, "/o/payout/new", "claim", r->file, NULL);
	return NULL;
}

/* Finance imports bank result `file` (shown as `name`) into `batch` from
 * the batch's page, as a browser would: the status. */
static int
import_upload(struct hc *c, long long batch, const char *file,
    const char *name)
{
	char path[80];

	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld", batch);
	hc_get(c, path);
	snprintf(path, sizeof(path), "/o/payout/import?id=%lld", batch);
	return hc_upload(c, path, "file", file, name, NULL);
}

/*
 * A claim filed by a unit's agent (代他人办理), paid by a bank file: its
 * 办结 SMS goes to the agent's phone, read with the claims' words for the
 * whole batch at once (claim_notice_many).
 */
static void
agent_filer(struct hc *fin, long long r1, long long r2)
{
	struct claim_fix cf = { members[NCLAIMS - 1], 7700, "打款收款人",
	    "6222020200112237788", r1, r2 };
	struct res_row rr[1];
	char v[24], path[200], ref[40];
	long long claim, batch;
	const char *file, *body;
	int sms0 = sms_count("13800000002");

	claim = claim_fixture(&cf);
	ok(claim > 0, "a claim filed by an agent (fixture)");
	snprintf(path, sizeof(path), "UPDATE flow_item SET filer_kind = 2,"
	    " filer_id = (SELECT id FROM agent WHERE phone = '13800000002')"
	    " WHERE type = 'claim' AND item_id = %lld", claim);
	ok(test_sql(path), "... its filer the unit's agent");
	snprintf(v, sizeof(v), "%lld", claim);
	hc_get(fin, "/o/payout/new");
	is_int(hc_post(fin, "/o/payout/new", "claim", v, NULL), 303,
	    "... batched");
	batch = atoll(strstr(hc_location(fin), "id=") + 3);
	snprintf(path, sizeof(path), "/o/payout/file?id=%lld", batch);
	is_int(hc_get(fin, path), 200, "... its bank file");
	snprintf(ref, sizeof(ref), "%s", ref_of(claim));
	rr[0] = (struct res_row){ ref, "77.00", "成功", "" };
	file = result_file("result-agent.xlsx", rr, 1);
	is_int(import_upload(fin, batch, file, "回单-经办人.xlsx"), 303,
	    "... paid by the bank's file");
	body = sms_wait_text("13800000002", sms0);
	ok(strstr(body, "已成功办结") && strstr(body, "尾号7788") &&
	    strstr(body, "补助金额：77.00"), "the agent's SMS: %s", body);
}

int
main(void)
{
	struct hc *fin = hc_new(), *fin2 = hc_new(), *rev = hc_new(),
	    *adm = hc_new(), *agent = hc_new(), *mem = hc_new();
	long long r1, r2, rev_fin, batch = 0, batch2 = 0, batch3 = 0, fail_line;
	char name[64], phone[16], id[32], tok[80], q[600], path[400], args[600], sha[65];
	const char *file, *body;
	struct racer ra, rb;
	pthread_t ta, tb;
	struct sha256 s;
	struct db *db;
	int i, rows;

	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_sql_int("SELECT 1");	/* loads the configuration */
	db = db_open();
	ok(db != NULL, "the database opens");

	/* Our own unit, members, coverage, and finance users. */
	snprintf(name, sizeof(name), "打款测试单位%d", (int)getpid());
	snprintf(phone, sizeof(phone), "137%08u", (unsigned)getpid() % 100000000u);
	unit = test_unit_new(name, phone);
	ok(unit > 0, "a unit of our own");
	district = count("SELECT parent_id FROM org WHERE id = %lld", unit);
	for (i = 0; i < NCLAIMS; i++) {
		snprintf(phones[i], sizeof(phones[i]), "135%04u%04d",
		    (unsigned)getpid() % 10000u, i);
		snprintf(name, sizeof(name), "打款%c", 'A' + i);
		snprintf(id, sizeof(id), "%s", test_id_number("1980-05-06",
		    (int)(getpid() % 400) + i, i % 2 ? 'M' : 'F'));
		members[i] = test_member_new(unit, name, id, i % 2 ? 'M' : 'F',
		    "1980-05-06", phones[i]);
	}
	snprintf(name, sizeof(name), "CB%dPAY", (int)getpid() % 1000000);
	{
		char starts[11], ends[11];
		struct enroll_fix e = { name, unit, "PAYT", "打款测试保障",
		    6000, starts, ends, "done", 0, NCLAIMS, -1 };

		snprintf(starts, sizeof(starts), "%d-01-01", this_year());
		snprintf(ends, sizeof(ends), "%d-12-31", this_year());
		ok(enroll_fixture(&e) > 0, "the members are covered");
	}
	test_staff_new("fin_pay", "finance");
	test_staff_new("fin_pay2", "finance");
	test_staff_new("fin_rev", "review1,finance");
	r1 = staff_id_of("review1");
	r2 = staff_id_of("review2");
	rev_fin = staff_id_of("fin_rev");
	for (i = 0; i < NCLAIMS; i++) {
		struct claim_fix cf = { members[i], amounts[i], "打款收款人",
		    i == 0 ? "6222020200112233235" : "6222020200112230000",
		    i == 6 ? rev_fin : r1, r2 };

		claims[i] = claim_fixture(&cf);
	}
	ok(claims[NCLAIMS - 1] > 0, "%d approved claims (fixture)", NCLAIMS);
	hc_login_office(fin, "fin_pay");
	hc_login_office(fin2, "fin_pay2");
	hc_login_office(rev, "fin_rev");
	hc_login_office(adm, "admin");
	hc_login_agent(agent, "13800000002");
	/* A filer signed in while the batch's notices go out many at once. */
	hc_member_as(mem, members[0]);

	/* The new batch page lists them, by district and kind. */
	snprintf(path, sizeof(path), "/o/payout/new?district=%lld&kind=inpatient",
	    district);
	is_int(hc_get(fin, path), 200, "finance opens 新建打款批次");
	snprintf(q, sizeof(q), "//tr[@data-claim='%lld']//td[@class='right amount']",
	    claims[0]);
	is_str(hc_xpath(fin, q), "8,323.04", "our claim is listed with its amount");
	is_int(hc_get(fin, "/o/payout/new?kind=death"), 200, "filtered by kind");
	snprintf(q, sizeof(q), "//tr[@data-claim='%lld']", claims[0]);
	is_int(hc_count(fin, q), 0, "... 亡故 lists no 住院医疗 claim");
	is_int(hc_get(agent, "/o/payout"), 303, "an agent is no finance user");
	hc_get(adm, "/o/payout/new");
	is_int(hc_post(adm, "/o/payout/new", "claim", "1", NULL), 403,
	    "admin reads batches but makes none");

	/* Segregation: fin_rev reviewed claim 6 in its round. */
	{
		int six[] = { 6 };

		is_int(make_batch(rev, six, 1, NULL), 200,
		    "a finance user who reviewed the claim is refused");
		ok(strstr(hc_body(rev), "同一办件的各级审核不能由同一人办理") !=
		    NULL, "... with the engine's reason (RF_SAME_PERSON)");
		is_str(state_of(6), "approved", "... and the claim stays 审核通过");
	}
	is_int(make_batch(fin, NULL, 0, NULL), 200, "nothing ticked: refused");
	ok(strstr(hc_body(fin), "请选择要打款的补助申请") != NULL,
	    "... 请选择要打款的补助申请");

	/* A batch of claims 0, 1, 2. */
	{
		int three[] = { 0, 1, 2 };

		is_int(make_batch(fin, three, 3, &batch), 303, "a batch of three");
		is_int(make_batch(fin, three, 3, NULL), 200,
		    "double-click: the second is refused");
		ok(strstr(hc_body(fin), "已不是") != NULL, "... the claims are "
		    "no longer 审核通过");
	}
	ok(batch > 0, "batch %lld", batch);
	is_int(count("SELECT line_count FROM payout_batch WHERE id = %lld", batch), 3,
	    "control count 3");
	is_int(count("SELECT total FROM payout_batch WHERE id = %lld", batch),
	    (int)(amounts[0] + amounts[1] + amounts[2]), "control total");
	is_str(state_of(0), "paying", "claim 0 打款中");
	is_int(count("SELECT COUNT(*) FROM payout_line WHERE claim_id = %lld",
	    claims[0]), 1, "claim 0 in one line");
	invariants("batch made");

	/* The database itself: no second open line for a claim. */
	snprintf(q, sizeof(q), "INSERT INTO payout_line (batch_id, seq, ref,"
	    " claim_id, open_claim, payee, card, bank, branch, amount) VALUES"
	    " (%lld, 99, 'X-TEST-1', %lld, %lld, 'x', '1', 'b', 'b', 1)", batch,
	    claims[0], claims[0]);
	ok(!test_sql(q), "the database refuses a second open line for a claim");

	/* Two finance users batch claim 3 at the same moment. */
	hc_get(fin, "/o/payout/new");
	hc_get(fin2, "/o/payout/new");
	snprintf(id, sizeof(id), "%lld", claims[3]);
	ra = (struct racer){ fin, NULL, id, 0 };
	rb = (struct racer){ fin2, NULL, id, 0 };
	pthread_create(&ta, NULL, race_batch, &ra);
	pthread_create(&tb, NULL, race_batch, &rb);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	if (!ok((ra.status == 303) + (rb.status == 303) == 1 &&
	    (ra.status == 200 || rb.status == 200),
	    "two at once: one batch made, one refused (%d, %d)", ra.status,
	    rb.status)) {
		printf("# fin: %s\n", hc_xpath(fin, "normalize-space(//p[contains(@class,'msg')])"));
		printf("# fin2: %s\n", hc_xpath(fin2, "normalize-space(//p[contains(@class,'msg')])"));
		printf("# claim 3: %s\n", flow_state_of("claim", claims[3]));
	}
	is_int(count("SELECT COUNT(*) FROM payout_line WHERE claim_id = %lld",
	    claims[3]), 1, "claim 3 in one line");
	batch3 = count("SELECT batch_id FROM payout_line WHERE claim_id = %lld",
	    claims[3]);
	invariants("two at once");

	/* No result before the bank has the file. */
	{
		struct res_row rr[] = { { ref_of(claims[0]), "8323.04", "成功", "" } };

		file = result_file("early.xlsx", rr, 1);
		is_int(import_upload(fin, batch, file, "early.xlsx"), 200,
		    "a result before the file was made is refused");
		ok(strstr(hc_body(fin), "尚未生成打款文件") != NULL,
		    "... 尚未生成打款文件");
		is_str(state_of(0), "paying", "... and nothing recorded");
	}

	/* Killed after writing the bank file, before recording it. */
	snprintf(args, sizeof(args), "file %lld fin_pay", batch);
	is_int(hzctl("payout.file", args), 97, "hzctl killed after writing the file");
	{
		char ref0[40];

		snprintf(ref0, sizeof(ref0), "%s", ref_of(claims[0]));
		is_int(left_files(ref0, 1), 1, "... the bank file it wrote is "
		    "there, with claim 0's reference (removed now)");
	}
	is_int(count("SELECT COUNT(*) FROM payout_batch WHERE id = %lld AND"
	    " state = 'prepared' AND file_sha IS NULL", batch), 1,
	    "... the batch is still prepared, with no file");
	is_int(count("SELECT COUNT(*) FROM payout_line WHERE batch_id = %lld AND"
	    " state = 'pending'", batch), 3, "... its three lines still open");
	invariants("killed writing the file");
	/* Killed in the batch's transaction: nothing of it stays. */
	snprintf(args, sizeof(args), "batch fin_pay %lld", claims[4]);
	is_int(hzctl("payout.batch", args), 97, "hzctl killed making a batch");
	is_str(state_of(4), "approved", "... claim 4 still 审核通过");
	is_int(count("SELECT COUNT(*) FROM payout_line WHERE claim_id = %lld",
	    claims[4]), 0, "... in no line");
	invariants("killed making a batch");

	/* The file, made again from the recorded lines, and kept. */
	snprintf(path, sizeof(path), "/o/payout/file?id=%lld", batch);
	is_int(hc_get(fin, path), 200, "finance downloads the bank file");
	body = hc_xlsx_text(fin, &rows);
	ok(body != NULL, "it is a workbook");
	ok(body && strstr(body, ref_of(claims[0])) && strstr(body,
	    "6222020200112233235") && strstr(body, "8323.04") &&
	    strstr(body, "南宁分行民族大道支行") && strstr(body, "中国工商银行") &&
	    strstr(body, "打款收款人"), "... payee, card, bank, branch, 8323.04"
	    " and the reference");
	ok(rows >= 5, "... a title, the header and three lines (%d rows)", rows);
	hc_get(fin, path);
	sha256_init(&s);
	sha256_add(&s, hc_body(fin), hc_body_len(fin));
	sha256_hex(&s, sha);
	snprintf(q, sizeof(q), "SELECT file_sha FROM payout_batch WHERE id = %lld",
	    batch);
	is_str(test_sql_str(q), sha, "its SHA-256 is kept with the batch");
	hc_get(fin, path);
	sha256_init(&s);
	sha256_add(&s, hc_body(fin), hc_body_len(fin));
	sha256_hex(&s, sha);
	is_str(test_sql_str(q), sha, "... and downloaded again it is the same file");
	is_int(count("SELECT COUNT(*) FROM payout_batch WHERE id = %lld AND"
	    " state = 'sent'", batch), 1, "the batch is sent");
	is_int(hc_get(agent, path), 303, "an agent never gets it");
	hc_get(rev, "/o/");
	is_int(count("SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'payout.download' AND object_id = %lld", batch), 3,
	    "every download audited");

	/* The bank's result: paid, failed, amount mismatch, unknown. */
	{
		char ref0[40], ref1[40], ref2[40];
		struct res_row rr[] = {
			{ ref0, "8323.04", "成功", "" },
			{ ref1, "1500.00", "失败", "账户已销户" },
			{ ref2, "999.90", "成功", "" },
			{ "FK20990101999999-00001", "10.00", "成功", "" },
		};
		int sms0 = sms_count(phones[0]);

		snprintf(ref0, sizeof(ref0), "%s", ref_of(claims[0]));
		snprintf(ref1, sizeof(ref1), "%s", ref_of(claims[1]));
		snprintf(ref2, sizeof(ref2), "%s", ref_of(claims[2]));

		file = result_file("result1.xlsx", rr, 4);
		is_int(import_upload(fin, batch, file, "回单1.xlsx"), 303,
		    "the result file imports");
		hc_follow(fin);
		is_str(hc_xpath(fin, "string(//*[@id='imp-paid'])"), "1", "1 paid");
		is_str(hc_xpath(fin, "string(//*[@id='imp-failed'])"), "1",
		    "1 failed");
		is_str(hc_xpath(fin, "string(//*[@id='imp-unknown'])"), "1",
		    "1 unknown reference");
		is_str(hc_xpath(fin, "string(//*[@id='imp-mismatch'])"), "1",
		    "1 amount mismatch");
		is_str(state_of(0), "done", "claim 0 办结");
		is_str(state_of(1), "failed", "claim 1 打款失败");
		is_str(state_of(2), "paying", "claim 2 (mismatch) still 打款中");
		body = sms_wait_text(phones[0], sms0);
		ok(strstr(body, "已成功办结") && strstr(body, "尾号3235") &&
		    strstr(body, "补助金额：8323.04"), "the member's SMS: %s",
		    body);
		snprintf(q, sizeof(q), "SELECT reason FROM flow_step WHERE type ="
		    " 'claim' AND item_id = %lld ORDER BY id DESC LIMIT 1",
		    claims[1]);
		is_str(test_sql_str(q), "账户已销户", "the bank's reason on the "
		    "claim's timeline");
		snprintf(q, sizeof(q), "SELECT COUNT(*) FROM station_message WHERE"
		    " body LIKE '%%打款失败，请修正信息%%' AND recipient_id = %lld",
		    members[1]);
		ok(test_sql_int(q) >= 1, "the filer is told 打款失败，请修正信息");
		invariants("imported");

		/* The same file again: nothing changes. */
		snprintf(path, sizeof(path), "/o/payout/import?id=%lld", batch);
		is_int(hc_upload(fin, path, "file", file, "回单1-again.xlsx", NULL),
		    200, "the same file again");
		ok(strstr(hc_body(fin), "该结果文件已导入过") != NULL,
		    "... 该结果文件已导入过");
		is_int(count("SELECT COUNT(*) FROM flow_step WHERE type = 'claim'"
		    " AND item_id = %lld AND to_state = 'done'", claims[0]), 1,
		    "... claim 0 paid once");
		is_int(count("SELECT COUNT(*) FROM payout_import WHERE batch_id ="
		    " %lld", batch), 1, "... one import kept");
		ok(sms_count(phones[0]) == sms0 + 1, "... one SMS");
		invariants("imported twice");
	}

	/* By hand: claim 2 paid, clicked twice; then failed is refused. */
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld&state=pending",
	    batch);
	hc_get(fin, path);
	snprintf(q, sizeof(q), "%lld", line_of(claims[2]));
	snprintf(tok, sizeof(tok), "%s",
	    hc_xpath(fin, "string((//input[@name='_csrf'])[1]/@value)"));
	snprintf(path, sizeof(path), "/o/payout/record?id=%lld", batch);
	is_int(hc_post(fin, path, "_csrf", tok, "line", q, "result", "paid",
	    NULL), 303, "claim 2 recorded paid by hand");
	is_int(hc_post(fin, path, "_csrf", tok, "line", q, "result", "paid",
	    NULL), 303, "... clicked again (the same form sent twice)");
	ok(strstr(hc_location(fin), "again=1") != NULL, "... 已记录过, nothing new");
	is_int(count("SELECT COUNT(*) FROM flow_step WHERE type = 'claim' AND"
	    " item_id = %lld AND to_state = 'done'", claims[2]), 1,
	    "... claim 2 paid once");
	is_int(hc_post(fin, path, "_csrf", tok, "line", q, "result", "failed",
	    "reason", "x", NULL), 200, "a paid line cannot be marked failed");
	ok(strstr(hc_body(fin), "退票") != NULL, "... 退票 is the way");
	is_int(count("SELECT COUNT(*) FROM payout_batch WHERE id = %lld AND"
	    " state = 'closed'", batch), 1, "every line answered: closed");
	invariants("by hand");

	/* 退票: claim 0 came back. */
	snprintf(q, sizeof(q), "%lld", line_of(claims[0]));
	snprintf(path, sizeof(path), "/o/payout/return?id=%lld", batch);
	is_int(hc_post(fin, path, "line", q, NULL), 200,
	    "退票 needs the bank's reason");
	is_int(hc_post(fin, path, "line", q, "reason", "户名不符退回", NULL), 303,
	    "退票 of claim 0");
	is_str(state_of(0), "failed", "... claim 0 back to 打款失败");
	is_int(count("SELECT COUNT(*) FROM payout_line WHERE claim_id = %lld AND"
	    " state = 'paid'", claims[0]), 0, "... no standing success");
	invariants("退票");

	/* 修正信息 and a new batch that links back. */
	{
		struct flow_actor m = { SESS_MEMBER, members[1], 0, "打款B",
		    "127.0.0.1", 0 };
		/* The member's own account: another holder would need a
		 * note and the payee's papers, as at 提交. */
		struct claim_payee p = { "打款B", "6222020200119999999",
		    "中国建设银行", "南宁分行", phones[1], "" };
		int again[] = { 1, 4 };

		fail_line = line_of(claims[1]);
		is_int(claim_correct(db, claims[1], &p, &m), RF_OK,
		    "the member corrects the account (修正信息)");
		is_str(state_of(1), "approved", "... claim 1 payable again");
		is_int(make_batch(fin, again, 2, &batch2), 303,
		    "a new batch with the corrected claim");
		snprintf(q, sizeof(q), "SELECT COUNT(*) FROM payout_line WHERE"
		    " batch_id = %lld AND claim_id = %lld AND retry_of = %lld",
		    batch2, claims[1], fail_line);
		is_int(test_sql_int(q), 1, "... its line links back to the failed one");
		snprintf(q, sizeof(q), "SELECT card FROM payout_line WHERE"
		    " batch_id = %lld AND claim_id = %lld", batch2, claims[1]);
		is_str(test_sql_str(q), "6222020200119999999",
		    "... to the corrected card");
		snprintf(path, sizeof(path), "/o/payout/batch?id=%lld", batch2);
		is_int(hc_get(fin, path), 200, "the new batch's page");
		ok(strstr(hc_body(fin), "原参考号") != NULL, "... says which line it repays");
	}

	/* Killed half-way through an import: nothing of it stays. */
	snprintf(path, sizeof(path), "/o/payout/file?id=%lld", batch2);
	is_int(hc_get(fin, path), 200, "the new batch's file");
	{
		char r1s[40], r4s[40];
		struct res_row rr[2];

		snprintf(r1s, sizeof(r1s), "%s", ref_of(claims[1]));
		snprintf(r4s, sizeof(r4s), "%s", ref_of(claims[4]));
		rr[0] = (struct res_row){ r1s, "1500.00", "成功", "" };
		rr[1] = (struct res_row){ r4s, "500.00", "成功", "" };
		file = result_file("result2.xlsx", rr, 2);
		snprintf(args, sizeof(args), "import %lld %s fin_pay", batch2, file);
		is_int(hzctl("payout.import", args), 97, "hzctl killed mid-import");
		is_str(state_of(1), "paying", "... nothing recorded");
		is_int(count("SELECT COUNT(*) FROM payout_import WHERE batch_id ="
		    " %lld", batch2), 0, "... no import kept");
		invariants("killed importing");

		/* Two finance users import it at the same moment. */
		snprintf(path, sizeof(path), "/o/payout/batch?id=%lld", batch2);
		hc_get(fin, path);
		hc_get(fin2, path);
		snprintf(path, sizeof(path), "/o/payout/import?id=%lld", batch2);
		ra = (struct racer){ fin, path, file, 0 };
		rb = (struct racer){ fin2, path, file, 0 };
		pthread_create(&ta, NULL, race_upload, &ra);
		pthread_create(&tb, NULL, race_upload, &rb);
		pthread_join(ta, NULL);
		pthread_join(tb, NULL);
		ok((ra.status == 303) + (rb.status == 303) == 1,
		    "two imports at once: one records (%d, %d)", ra.status,
		    rb.status);
		is_int(count("SELECT COUNT(*) FROM payout_import WHERE batch_id ="
		    " %lld", batch2), 1, "... one import kept");
		is_str(state_of(1), "done", "claim 1 paid through the new batch");
		is_str(state_of(4), "done", "claim 4 paid");
		is_int(count("SELECT COUNT(*) FROM flow_step WHERE type = 'claim'"
		    " AND item_id = %lld AND to_state = 'done'", claims[4]), 1,
		    "... once");
		invariants("imported by two at once");
	}

	/* flow_apply and flow_apply_many leave the same rows. */
	{
		long long fin_id = staff_id_of("fin_pay");
		struct flow_actor a = { SESS_OFFICE, fin_id, 8, "fin_pay",
		    "127.0.0.1", 1 };
		struct many_arg m7 = { claims[7], FA_SUBMIT, &a, NULL, RF_DB };
		char one[4000];

		is_int(flow_step_once(db, &claim_flow, claims[5], FA_SUBMIT, &a,
		    NULL), RF_OK, "flow_apply: claim 5 审核通过 -> 打款中");
		ok(db_txn(db, many_txn, &m7) == 0 && m7.rf == RF_OK,
		    "flow_apply_many: claim 7 the same");
		is_int(flow_step_once(db, &claim_flow, claims[5], FA_RETURN, &a,
		    "对比原因"), RF_OK, "flow_apply: claim 5 打款失败");
		m7 = (struct many_arg){ claims[7], FA_RETURN, &a, "对比原因",
		    RF_DB };
		ok(db_txn(db, many_txn, &m7) == 0 && m7.rf == RF_OK,
		    "flow_apply_many: claim 7 the same");
		snprintf(one, sizeof(one), "%s", rows_of(claims[5], phones[5]));
		ok(strstr(one, "对比原因") && strstr(one, "打款失败") &&
		    strstr(one, "flow.return"), "the rows: %s", one);
		is_str(rows_of(claims[7], phones[7]), one,
		    "... the same state, steps, audit rows, messages and SMS");
		m7 = (struct many_arg){ claims[6], FA_SUBMIT, &a, NULL, RF_DB };
		is_int(flow_step_once(db, &claim_flow, claims[6], FA_SUBMIT, &a,
		    NULL), RF_OK, "fin_pay did not review claim 6: flow_apply");
		a.id = staff_id_of("fin_rev");
		m7 = (struct many_arg){ claims[6], FA_RETURN, &a, "x", RF_DB };
		ok(db_txn(db, many_txn, &m7) != 0 && m7.rf == RF_SAME_PERSON,
		    "flow_apply_many keeps its reviewer apart (RF_SAME_PERSON)");
		is_int(flow_step_once(db, &claim_flow, claims[6], FA_RETURN, &a,
		    "x"), RF_SAME_PERSON, "... as flow_apply does");
		a.id = fin_id;
		is_int(flow_step_once(db, &claim_flow, claims[6], FA_CANCEL, &a,
		    NULL), RF_OK, "claim 6 taken out again (打款中 -> 审核通过)");
		a.domain = 0;
		m7 = (struct many_arg){ claims[6], FA_SUBMIT, &a, NULL, RF_DB };
		ok(db_txn(db, many_txn, &m7) != 0 && m7.rf == RF_FORBIDDEN,
		    "flow_apply_many: a 打款 step only through domain code");
		invariants("flow_apply_many");
	}

	/* The lists. */
	is_int(hc_get(fin, "/o/payout"), 200, "打款管理 lists the batches");
	snprintf(q, sizeof(q), "//tr[@data-batch='%lld']", batch);
	is_int(hc_count(fin, q), 1, "... ours among them");
	is_int(hc_get(adm, "/o/payout"), 200, "admin reads them");
	snprintf(path, sizeof(path), "/o/payout/batch?id=%lld", batch);
	is_int(hc_get(adm, path), 200, "... and a batch");
	is_int(hc_count(adm, "//form[contains(@class,'line-return')]"), 0,
	    "... without the forms");
	hc_get(fin, path);
	is_int(hc_count(fin, "//form[contains(@class,'line-return')]"), 1,
	    "finance has 退票 on the one line standing paid");
	is_int(hc_get(fin, "/o/payout/batch?id=999999999"), 404,
	    "no such batch: 404");
	agent_filer(fin, r1, r2);
	/* sql/026: every session's unread count is its messages'. */
	snprintf(q, sizeof(q), "SELECT unread FROM session WHERE kind = 1 AND"
	    " subject_id = %lld", members[0]);
	ok(test_sql_int(q) > 0, "the signed-in filer's session counts the"
	    " notices sent many at once");
	is_int(test_sql_int("SELECT COUNT(*) FROM session s WHERE s.kind IN"
	    " (1, 2) AND s.unread <> (SELECT COUNT(*) FROM station_message m"
	    " WHERE m.recipient_kind = s.kind AND m.recipient_id ="
	    " s.subject_id AND m.read_at IS NULL)"), 0,
	    "after the bank results, sent many at once: every session's"
	    " unread count is its unread messages'");
	(void)batch3;
	invariants("the end");

	db_close(db);
	hc_free(fin);
	hc_free(fin2);
	hc_free(rev);
	hc_free(adm);
	hc_free(agent);
	hc_free(mem);
	snprintf(q, sizeof(q), "rm -rf '%s'", tmpdir);
	if (system(q) != 0)
		ok(0, "temp dir removed");
	return tap_done();
}
