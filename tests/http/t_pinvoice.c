/*
 * t_pinvoice.c -- 发票: finance records a premium invoice (number, date,
 * amount, PDF) against a finished application and every bad input is
 * refused in Chinese with nothing stored; review1 and review2 may not
 * record; the unit lists its invoices and downloads each PDF, while
 * another unit's agent, staff without 医疗互助 and the wrong office roles
 * get 403 or 404, whatever ids they try.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "tap.h"

#define CHAIR_A	"13800000001"	/* chairman of unit A (5); staff of 6 */
#define CHAIR_B	"13800000003"	/* chairman of unit B (7) */
#define STAFF_A	"13800000002"	/* chairman of 6: no right in A */
#define UNIT_A	5
#define UNIT_B	7

static char path[256], ids[24];

/* How many invoices are recorded. */
static long long
invoices(void)
{
	return test_sql_int("SELECT COUNT(*) FROM premium_invoice");
}

/*
 * Finance posts the form of application `enroll` with `file` (a path, or
 * NULL for none).  Returns the status.
 */
static int
record(struct hc *c, long long enroll, const char *number, const char *date,
    const char *amount, const char *file)
{
	char e[24];

	snprintf(e, sizeof(e), "%lld", enroll);
	snprintf(path, sizeof(path), "/o/invoices?enroll=%lld", enroll);
	hc_get(c, path);	/* the page with its CSRF token */
	if (file == NULL)
		return hc_post(c, "/o/invoices", "enroll", e, "number", number,
		    "issued_on", date, "amount", amount, NULL);
	return hc_upload(c, "/o/invoices", "file", file, "发票.pdf", "enroll",
	    e, "number", number, "issued_on", date, "amount", amount, NULL);
}

/* A refused form: 200, the message at `field` (or the form's), nothing
 * stored. */
static void
refused(struct hc *c, const char *field, const char *msg, const char *what,
    long long before)
{
	char x[128];

	if (field)
		snprintf(x, sizeof(x), "string(//*[@id='err-%s'])", field);
	else
		snprintf(x, sizeof(x), "string(//p[contains(@class,'msg-error')])");
	is_str(hc_xpath(c, x), msg, "%s: 「%s」", what, msg);
	is_int(invoices(), before, "... nothing recorded");
}

/*
 * Bad input on the invoice form: the application (0 A's, 1 B's, 2 A's
 * waiting for payment, 3 none), the fields, the file (tests/data, "fake"
 * a text named .pdf, NULL none), and where the refusal shows with what
 * words (NULL: the form's own validators' words, whatever they are).
 */
static const struct bad {
	int		 app;
	const char	*number, *date, *amount, *file;
	const char	*field, *msg, *what;
} bad[] = {
	{ 2, "04410024", "today", "100", "license.pdf", NULL,
	  "该参保申请尚未办结，办结后才能登记发票", "an application not finished" },
	{ 3, "04410024", "today", "100", "license.pdf", NULL,
	  "未找到该参保申请", "no such application" },
	{ 1, "04410023", "today", "100", "license.pdf", "number",
	  "该发票号码已登记过，请核对发票号码", "a number recorded before" },
	{ 0, "04410024", "today", "0", "license.pdf", "amount",
	  "发票金额必须大于0", "amount 0" },
	{ 0, "04410024", "today", "0.00", "license.pdf", "amount",
	  "发票金额必须大于0", "amount 0.00" },
	{ 0, "04410024", "today", "-5", "license.pdf", "amount", NULL,
	  "amount -5" },
	{ 0, "04410024", "today", "一百", "license.pdf", "amount", NULL,
	  "amount 一百" },
	{ 0, "04410024", "today", "600.01", "license.pdf", "amount",
	  "发票金额合计不能超过该申请的实缴金额，还可开票 600.00 元",
	  "more than was paid" },
	{ 0, "04410024", "today", "100", "stamp.png", "file",
	  "只能上传 pdf 格式的文件（按文件内容识别，改扩展名无效）", "a PNG" },
	{ 0, "04410024", "today", "100", "fake", "file",
	  "只能上传 pdf 格式的文件（按文件内容识别，改扩展名无效）",
	  "text named .pdf" },
	{ 0, "04410024", "today", "100", NULL, "file", "请选择要上传的文件",
	  "no file" },
	{ 0, "4410024", "today", "100", "license.pdf", "number",
	  "发票号码应为8至20位数字", "7 digits" },
	{ 0, "NO.44100245", "today", "100", "license.pdf", "number",
	  "发票号码应为8至20位数字", "letters" },
	{ 0, "", "today", "100", "license.pdf", "number", NULL, "no number" },
	{ 0, "04410024", "tomorrow", "100", "license.pdf", "issued_on",
	  "开票日期不能晚于今天", "dated tomorrow" },
	{ 0, "04410024", "2026-02-30", "100", "license.pdf", "issued_on", NULL,
	  "30 February" },
	{ 0, "04410024", "", "100", "license.pdf", "issued_on", NULL,
	  "no date" },
};

/* A message at `field`, whatever its words (the form's validators'). */
static void
told(struct hc *c, const char *field, const char *what)
{
	char x[96], msg[256];

	snprintf(x, sizeof(x), "string(//*[@id='err-%s'])", field);
	snprintf(msg, sizeof(msg), "%s", hc_xpath(c, x));
	ok(*msg, "%s: a message (%s)", what, msg);
}

int
main(void)
{
	struct hc *fin = hc_new(), *r1 = hc_new(), *r2 = hc_new(),
	    *adm = hc_new(), *med = hc_new(), *a = hc_new(), *b = hc_new(),
	    *s = hc_new(), *m = hc_new();
	char today[16], tomorrow[16], n1[16], n2[16], n3[16], q[512];
	char fake[] = "/tmp/hz-t-pinvoice-XXXXXX";
	long long e1, e2, e3, inv, invb, before, file;
	struct enroll_fix f;
	time_t t = time(NULL) + 8 * 3600;
	struct tm tm;
	int year = this_year(), st;
	size_t i;
	FILE *fp;

	gmtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	t += 86400;
	gmtime_r(&t, &tm);
	strftime(tomorrow, sizeof(tomorrow), "%Y-%m-%d", &tm);
	snprintf(n1, sizeof(n1), "CB%04d029001", year);
	snprintf(n2, sizeof(n2), "CB%04d029002", year);
	snprintf(n3, sizeof(n3), "CB%04d029003", year);
	snprintf(q, sizeof(q), "%d-01-01", year);
	{
		char y1[16];

		snprintf(y1, sizeof(y1), "%d-12-31", year);
		/* A: 10 x 120.00 = 1,200.00 paid; B: 5; A's third waits for
		 * its payment. */
		f = (struct enroll_fix){ n1, UNIT_A, "TPINV", "意外伤害互助保障",
		    12000, q, y1, "done", 0, 10, -1 };
		e1 = enroll_fixture(&f);
		f = (struct enroll_fix){ n2, UNIT_B, "TPINV", NULL, 12000, q, y1,
		    "done", 0, 5, -1 };
		e2 = enroll_fixture(&f);
		f = (struct enroll_fix){ n3, UNIT_A, "TPINV", NULL, 12000, q, y1,
		    "payment", 10, 3, -1 };
		e3 = enroll_fixture(&f);
	}
	ok(e1 > 0 && e2 > 0 && e3 > 0, "applications made");
	/* A text file named .pdf: refused by its bytes. */
	{
		int fd = mkstemp(fake);

		fp = fd >= 0 ? fdopen(fd, "w") : NULL;
		ok(fp != NULL, "a fake PDF made");
		if (fp) {
			fputs("<html>not a pdf</html>\n", fp);
			fclose(fp);
		}
	}

	hc_login_office(fin, "finance");
	hc_login_office(r1, "review1");
	hc_login_office(r2, "review2");
	hc_login_office(adm, "admin");
	hc_login_office(med, "medical");

	/* ---- Finance's list: finished applications only ---- */
	is_int(hc_get(fin, "/o/invoices"), 200, "发票 for finance: 200");
	is_int(hc_count(fin, "//nav//a[@id='nav-invoices']"), 1,
	    "office menu → 发票");
	snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld'])", e1);
	is_str(hc_xpath(fin, q), "1", "A's finished application listed");
	snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld'])", e3);
	is_str(hc_xpath(fin, q), "0", "... not the one waiting for payment");
	snprintf(q, sizeof(q), "count(//form[@id='invoice-form-%lld']"
	    "[@enctype='multipart/form-data']//input[@type='file'])", e1);
	is_str(hc_xpath(fin, q), "1", "... a form with a file for each");
	snprintf(q, sizeof(q), "string(//article[@data-enroll='%lld']"
	    "//b[@class='paid'])", e1);
	is_str(hc_xpath(fin, q), "1,200.00", "... with what it paid");

	/* ---- Finance records one ---- */
	before = invoices();
	st = record(fin, e1, "04410023", today, "600.00", test_datafile("license.pdf"));
	is_int(st, 303, "recorded: 303");
	snprintf(q, sizeof(q), "/o/invoices?enroll=%lld&saved=1", e1);
	is_str(hc_location_path(fin), q, "... back to the application");
	hc_follow(fin);
	ok(strstr(hc_xpath(fin, "string(//p[contains(@class,'msg-ok')])"),
	    "发票已登记") != NULL, "... saying so");
	is_int(invoices(), before + 1, "... one invoice more");
	inv = test_sql_int("SELECT id FROM premium_invoice WHERE number ="
	    " '04410023'");
	snprintf(q, sizeof(q), "SELECT CONCAT(enroll_id, ' ', unit_id, ' ',"
	    " issued_on, ' ', amount, ' ', created_by) FROM premium_invoice"
	    " WHERE id = %lld", inv);
	{
		char want[128];

		snprintf(want, sizeof(want), "%lld %d %s 60000 %lld", e1, UNIT_A,
		    today, test_sql_int("SELECT id FROM staff WHERE username ="
		    " 'finance'"));
		is_str(test_sql_str(q), want, "... its application, unit, date,"
		    " amount in fen, finance as its author");
	}
	snprintf(q, sizeof(q), "SELECT a.mime FROM premium_invoice i JOIN"
	    " attachment a ON a.id = i.attachment_id WHERE i.id = %lld", inv);
	is_str(test_sql_str(q), "application/pdf", "... its PDF kept");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'pinvoice.record' AND object_id = %lld AND detail = '04410023'",
	    inv);
	is_int(test_sql_int(q), 1, "... audited");
	snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld']"
	    "//tr[@data-invoice='%lld'][td[@class='number']='04410023'])", e1,
	    inv);
	is_str(hc_xpath(fin, q), "1", "... listed under its application");

	/* ---- Every bad input: refused in Chinese, nothing stored ---- */
	before = invoices();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const struct bad *k = &bad[i];
		long long app[] = { e1, e2, e3, 999999999 };

		record(fin, app[k->app], k->number, strcmp(k->date, "today") == 0 ?
		    today : strcmp(k->date, "tomorrow") == 0 ? tomorrow :
		    k->date, k->amount, k->file == NULL ? NULL :
		    strcmp(k->file, "fake") == 0 ? fake : test_datafile(k->file));
		if (k->msg)
			refused(fin, k->field, k->msg, k->what, before);
		else {
			told(fin, k->field, k->what);
			is_int(invoices(), before, "... nothing recorded");
		}
	}
	record(fin, e2, "04410023", today, "100", test_datafile("license.pdf"));
	is_str(hc_xpath(fin, "string(//input[@name='number'][@value!='']/@value)"),
	    "04410023", "a refused number kept on the form");
	record(fin, e1, "04410024", today, "100", NULL);
	is_str(hc_xpath(fin, "string(//input[@name='amount'][@value!='']/@value)"),
	    "100", "a refused form keeps its amount");
	snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld']"
	    "//details[@open])", e1);
	is_str(hc_xpath(fin, q), "1", "a refused form comes back open");
	record(fin, e1, "123", tomorrow, "0", test_datafile("license.pdf"));
	is_str(hc_xpath(fin, "concat(//*[@id='err-number'], '|',"
	    " //*[@id='err-issued_on'], '|', //*[@id='err-amount'])"),
	    "发票号码应为8至20位数字|开票日期不能晚于今天|发票金额必须大于0",
	    "three bad fields: three messages at once");
	is_int(invoices(), before, "... nothing recorded");
	/* The full-width digits of an input method are the digits. */
	is_int(record(fin, e1, "０４４１００２４", today, "600",
	    test_datafile("pdf-renamed.jpg")), 303,
	    "full-width digits and a PDF named .jpg: recorded");
	is_int(test_sql_int("SELECT COUNT(*) FROM premium_invoice WHERE number ="
	    " '04410024'"), 1, "... as 04410024");
	record(fin, e1, "04410025", today, "0.01", test_datafile("license.pdf"));
	refused(fin, "amount", "发票金额合计不能超过该申请的实缴金额，还可开票"
	    " 0.00 元", "the application fully invoiced", before + 1);
	invb = (record(fin, e2, "04410026", today, "600",
	    test_datafile("license.pdf")) == 303) ? test_sql_int("SELECT id FROM"
	    " premium_invoice WHERE number = '04410026'") : -1;
	ok(invb > 0, "B's invoice recorded");

	/* ---- Only finance records ---- */
	before = invoices();
	snprintf(ids, sizeof(ids), "%lld", e1);
	{
		struct hc *who[] = { r1, r2, adm, med };
		const char *name[] = { "review1", "review2", "admin", "medical" };

		for (i = 0; i < 4; i++) {
			hc_get(who[i], "/o/");	/* a page with its CSRF token */
			is_int(hc_upload(who[i], "/o/invoices", "file",
			    test_datafile("license.pdf"), "a.pdf", "enroll", ids,
			    "number", "04410099", "issued_on", today, "amount",
			    "1", NULL), 403, "%s records: 403", name[i]);
		}
	}
	is_int(invoices(), before, "... nothing recorded");
	is_int(hc_get(r1, "/o/invoices"), 403, "review1: 发票 page 403");
	is_int(hc_count(r1, "//nav//a[@id='nav-invoices']"), 0, "... no menu");
	is_int(hc_get(med, "/o/invoices"), 403, "medical: 403");

	/* ---- The unit: 发票管理, its own and nobody else's ---- */
	hc_login_agent(a, CHAIR_A);
	hc_login_agent(b, CHAIR_B);
	hc_login_agent(s, STAFF_A);
	is_int(hc_get(a, "/u/invoices"), 200, "发票管理 without a unit: 200");
	is_int(hc_count(a, "//*[@id='aid-units']//a[@href='/u/invoices?unit=5']"),
	    1, "... the agent picks a unit");
	snprintf(path, sizeof(path), "/u/invoices?unit=%d", UNIT_A);
	is_int(hc_get(a, path), 200, "A's 发票管理: 200");
	is_int(hc_count(a, "//table[@id='invoices']/tbody/tr"), 2,
	    "... A's two invoices");
	snprintf(q, sizeof(q), "count(//tr[@data-invoice='%lld']"
	    "[td[@class='number']='04410023'][td[@class='right amount']="
	    "'600.00'][td[@class='no']='%s'][td[contains(@class,'plan')]="
	    "'意外伤害互助保障'][td='%s'])", inv, n1, today);
	is_str(hc_xpath(a, q), "1", "... number, amount, application, plan, date");
	snprintf(q, sizeof(q), "count(//tr[@data-invoice='%lld'])", invb);
	is_str(hc_xpath(a, q), "0", "... none of B's");
	is_int(hc_count(a, "//a[@id='to-invoice-info'][@href='/u/invoice?unit=5']"),
	    1, "... 开票信息 a link away");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=%lld", UNIT_A,
	    inv);
	is_int(hc_get(a, path), 200, "A downloads its invoice");
	is_str(hc_header(a, "Content-Type"), "application/pdf", "... a PDF");
	ok(hc_body_len(a) > 4 && memcmp(hc_body(a), "%PDF", 4) == 0,
	    "... its bytes");
	ok(strstr(hc_header(a, "Content-Disposition") ?
	    hc_header(a, "Content-Disposition") : "", "attachment") != NULL,
	    "... as an attachment");
	is_int(hc_get(b, path), 403, "B's agent, A's invoice through A: 403");
	ok(hc_body_len(b) < 4 || memcmp(hc_body(b), "%PDF", 4) != 0,
	    "... none of its bytes");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=%lld", UNIT_B,
	    inv);
	is_int(hc_get(b, path), 404, "... through B: 404");
	snprintf(path, sizeof(path), "/u/invoices?unit=%d", UNIT_A);
	is_int(hc_get(b, path), 403, "B's agent: A's 发票管理 403");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=%lld", UNIT_A,
	    invb);
	is_int(hc_get(a, path), 404, "A asks for B's invoice through A: 404");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=%lld", UNIT_B,
	    invb);
	is_int(hc_get(a, path), 403, "... through B: 403");
	is_int(hc_get(b, path), 200, "B downloads its own");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=999999999",
	    UNIT_A);
	is_int(hc_get(a, path), 404, "no such invoice: 404");
	snprintf(path, sizeof(path), "/u/invoices?unit=%d", UNIT_A);
	is_int(hc_get(s, path), 403, "an agent with no right in A: 403");
	snprintf(path, sizeof(path), "/u/invoices?unit=6");
	is_int(hc_get(a, path), 403, "staff without 医疗互助: 403");
	/* The PDF's attachment id on the other file routes: not theirs. */
	snprintf(q, sizeof(q), "SELECT attachment_id FROM premium_invoice WHERE"
	    " id = %lld", inv);
	file = test_sql_int(q);
	snprintf(path, sizeof(path), "/u/invoice/file?unit=%d&id=%lld", UNIT_A,
	    file);
	is_int(hc_get(a, path), 404, "开票信息's file route: not an invoice's PDF");
	snprintf(path, sizeof(path), "/u/org/file?id=%lld", file);
	is_int(hc_get(a, path), 404, "... nor the materials' route");

	/* ---- The office downloads: finance and admin, audited ---- */
	snprintf(path, sizeof(path), "/o/invoices/file?id=%lld", inv);
	is_int(hc_get(fin, path), 200, "finance downloads it");
	ok(hc_body_len(fin) > 4 && memcmp(hc_body(fin), "%PDF", 4) == 0,
	    "... a PDF");
	is_int(hc_get(adm, path), 200, "admin downloads it");
	is_int(hc_get(r1, path), 403, "review1: 403");
	is_int(hc_get(med, path), 403, "medical: 403");
	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM audit_log WHERE action ="
	    " 'pinvoice.file' AND object_id = %lld", inv);
	is_int(test_sql_int(q), 2, "each office download audited");
	snprintf(path, sizeof(path), "/o/file?id=%lld", file);
	is_int(hc_get(r1, path), 404, "review1 through the materials' route: 404");
	is_int(hc_get(fin, "/o/invoices/file?id=999999999"), 404,
	    "no such invoice: 404");
	ok(hc_member_as(m, test_sql_int("SELECT MIN(id) FROM member")),
	    "a member");
	snprintf(path, sizeof(path), "/u/invoices/file?unit=%d&id=%lld", UNIT_A,
	    inv);
	st = hc_get(m, path);
	ok(st == 303 || st == 403 || st == 404, "a member asks the unit's"
	    " route: %d", st);

	/* ---- The filter of finance's list ---- */
	{
		int in_order = 0;

		/* Newest first (B's, made last), the same after each worker
		 * was asked for one application. */
		snprintf(path, sizeof(path), "/o/invoices?enroll=%lld", e1);
		for (i = 0; i < 4; i++)
			hc_get(fin, path);
		snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld']"
		    "/following::article[@data-enroll='%lld'])", e2, e1);
		for (i = 0; i < 4; i++) {
			hc_get(fin, "/o/invoices");
			in_order += strcmp(hc_xpath(fin, q), "1") == 0;
		}
		is_int(in_order, 4, "finance's list newest first, every time");
	}
	snprintf(path, sizeof(path), "/o/invoices?q=%s", n2);
	hc_get(fin, path);
	is_int(hc_count(fin, "//article[@data-enroll]"), 1, "by application"
	    " number: that one");
	hc_get(fin, "/o/invoices?pending=1");
	snprintf(q, sizeof(q), "count(//article[@data-enroll='%lld'])", e1);
	is_str(hc_xpath(fin, q), "0", "只看未开票: not an invoiced one");

	unlink(fake);
	hc_free(fin);
	hc_free(r1);
	hc_free(r2);
	hc_free(adm);
	hc_free(med);
	hc_free(a);
	hc_free(b);
	hc_free(s);
	hc_free(m);
	return tap_done();
}
