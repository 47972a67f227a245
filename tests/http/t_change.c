/*
 * t_change.c -- 个人信息变更 (SPEC §7, seeds 000 and 001) from the member's
 * H5 and from the unit portal: the form and every rule with its Chinese
 * message (nothing changed; name and ID number not both; a valid ID;
 * birth date and gender as the resident ID says; the unit through 会籍
 * 变更; an ID already another person's; 变更凭证 needed, checked by
 * content and size; one open request across both channels), the number
 * BG + digits, the phone alone by an SMS code to the new phone (no
 * review, audited, the binding's phone too), 待初审 → 待复核 → 办结 on the
 * review desk with segregation of duties, 退回 → 草稿 → 修改 → 提交, 删除,
 * the member record changed only at 办结 (audited), a changed ID keeping
 * the person's coverage and claims, the notices (SMS and station message
 * to the filer, and to the member when an agent filed), and access:
 * member B gets 404 on member A's requests and files, an agent of
 * another unit 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "client.h"
#include "tap.h"

static char tmpdir[64];

/* A file of `size` bytes starting with `magic` in the test's directory. */
static const char *
make_file(const char *name, const char *magic, size_t mlen, size_t size)
{
	static char path[4][128];
	static int i;
	FILE *f;
	size_t n;

	i = (i + 1) % 4;
	snprintf(path[i], sizeof(path[i]), "%s/%s", tmpdir, name);
	if ((f = fopen(path[i], "wb")) == NULL)
		return path[i];
	fwrite(magic, 1, mlen, f);
	for (n = mlen; n < size; n++)
		fputc((int)(n * 7 % 251), f);
	fclose(f);
	return path[i];
}

static const char jpg_magic[] = "\xff\xd8\xff\xe0\x00\x10JFIF";

static const char *
num(long long v)
{
	static char b[4][24];
	static int i;

	i = (i + 1) % 4;
	snprintf(b[i], sizeof(b[i]), "%lld", v);
	return b[i];
}

/* The request id in the last redirect's ?id=. */
static long long
id_of_location(struct hc *c)
{
	const char *s = strstr(hc_location(c), "id=");

	return s ? atoll(s + 3) : -1;
}

static const char *
msg(struct hc *c)
{
	static char m[512];

	snprintf(m, sizeof(m), "%s", hc_xpath(c,
	    "normalize-space(//p[contains(@class,'msg-error')])"));
	return m;
}

static const char *
err(struct hc *c, const char *field)
{
	static char m[512];
	char x[128];

	snprintf(x, sizeof(x), "string(//*[@id='err-%s'])", field);
	snprintf(m, sizeof(m), "%s", hc_xpath(c, x));
	return m;
}

/* What the form posts: the person's fields. */
struct person {
	const char	*unit_id, *name, *id_type, *id_number, *birth_date,
			*gender, *si_type, *si_card, *phone, *remark;
};

/* The person as the member's record has it (read from the database). */
static void
person_of(long long member, struct person *p, char buf[10][128])
{
	static const char *const cols[10] = { "COALESCE(unit_id, '')", "name",
	    "id_type", "id_number", "COALESCE(birth_date, '')",
	    "COALESCE(gender, '')", "COALESCE(si_type, '')",
	    "COALESCE(si_card, '')", "COALESCE(phone, '')", "''" };
	const char **f = (const char **)p;
	char q[256];
	int i;

	for (i = 0; i < 10; i++) {
		snprintf(q, sizeof(q), "SELECT %s FROM member WHERE id = %lld",
		    cols[i], member);
		snprintf(buf[i], 128, "%s", test_sql_str(q));
		f[i] = buf[i];
	}
}

/*
 * Post the form at `path` (the member's /m/change/new, an agent's
 * /u/change/new with `key`=member, or .../edit with `key`=id) with the
 * person's fields, `go` and the evidence `file` (NULL: none).  Returns the
 * status.
 */
static int
post(struct hc *c, const char *path, const char *key, const char *val,
    const struct person *p, const char *go, const char *file)
{
	if (key == NULL) {
		key = "x";
		val = "";
	}
	if (file)
		return hc_upload(c, path, "proof", file, "凭证.jpg", key, val,
		    "unit_id", p->unit_id, "name", p->name, "id_type",
		    p->id_type, "id_number", p->id_number, "birth_date",
		    p->birth_date, "gender", p->gender, "si_type", p->si_type,
		    "si_card", p->si_card, "phone", p->phone, "remark",
		    p->remark, "go", go, NULL);
	return hc_post(c, path, key, val, "unit_id", p->unit_id, "name",
	    p->name, "id_type", p->id_type, "id_number", p->id_number,
	    "birth_date", p->birth_date, "gender", p->gender, "si_type",
	    p->si_type, "si_card", p->si_card, "phone", p->phone, "remark",
	    p->remark, "go", go, NULL);
}

/* The member's form, posted. */
static int
mpost(struct hc *c, const struct person *p, const char *go, const char *file)
{
	hc_get(c, "/m/change/new");
	return post(c, "/m/change/new", NULL, NULL, p, go, file);
}

/* An agent's form for `member`, posted. */
static int
upost(struct hc *c, long long member, const struct person *p, const char *go,
    const char *file)
{
	char path[64];

	snprintf(path, sizeof(path), "/u/change/new?member=%lld", member);
	hc_get(c, path);
	return post(c, "/u/change/new", "member", num(member), p, go, file);
}

/* A decision on the review desk. */
static int
decide(struct hc *o, long long id, const char *decision, const char *reason)
{
	char path[80];

	snprintf(path, sizeof(path), "/o/review?type=change&id=%lld", id);
	hc_get(o, path);
	return hc_post(o, "/o/review", "type", "change", "id", num(id),
	    "decision", decision, "reason", reason, NULL);
}

static const char *
col(const char *c, long long member)
{
	char q[160];

	snprintf(q, sizeof(q), "SELECT COALESCE(%s, '') FROM member WHERE"
	    " id = %lld", c, member);
	return test_sql_str(q);
}

/* How many rows of `what` have `key` = v and `more` (" AND ..."). */
static long long
count(const char *what, const char *key, long long v, const char *more)
{
	char q[512];

	snprintf(q, sizeof(q), "SELECT COUNT(*) FROM %s WHERE %s = %lld%s",
	    what, key, v, more);
	return test_sql_int(q);
}

/*
 * At once: n browsers c[i] each post their form (for member m[i]: the
 * member's own when m[i] is 0, else the agent's) with person p[i], in
 * children started together, and 保存草稿 (drafts wait in no review
 * queue the other tests read).  Returns how many were answered 303.
 */
#define RACERS	6
static int
race(struct hc **c, const long long *m, struct person *p, int n,
    const char *file)
{
	pid_t pid[RACERS];
	int i, st, won = 0;

	char path[64];

	for (i = 0; i < n; i++) {		/* each its form's _csrf */
		if (m[i])
			snprintf(path, sizeof(path), "/u/change/new?member=%lld",
			    m[i]);
		else
			snprintf(path, sizeof(path), "/m/change/new");
		hc_get(c[i], path);
	}
	for (i = 0; i < n; i++) {
		if ((pid[i] = fork()) == 0)
			_exit((m[i] ? post(c[i], "/u/change/new", "member",
			    num(m[i]), &p[i], "save", file) : post(c[i],
			    "/m/change/new", NULL, NULL, &p[i], "save", file))
			    == 303 ? 0 : 1);
	}
	for (i = 0; i < n; i++)
		if (pid[i] > 0 && waitpid(pid[i], &st, 0) == pid[i] &&
		    WIFEXITED(st) && WEXITSTATUS(st) == 0)
			won++;
	return won;
}

int
main(void)
{
	struct hc *a = hc_new(), *b = hc_new(), *ag = hc_new(),
	    *other = hc_new(), *o1 = hc_new(), *o2 = hc_new(),
	    *both = hc_new(), *anon = hc_new(), *d = hc_new();
	char buf[10][128], name[64], ph1[16], ph2[16], pa[16], pnew[16],
	    pnew2[16], r1[32], r2[32], rb[32], path[160], q[512],
	    ida[32], idb[32], idc[32], idd[32], idd2[32];
	long long u1, u2, ma, mb, mc, md, id, id2, idg, file;
	const char *jpg, *big, *txt, *code, *at_limit;
	struct person p;
	int pid = (int)getpid(), before;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/t_change.%d", pid);
	mkdir(tmpdir, 0700);
	jpg = make_file("proof.jpg", jpg_magic, sizeof(jpg_magic) - 1, 3000);
	big = make_file("big.jpg", jpg_magic, sizeof(jpg_magic) - 1,
	    5 * 1024 * 1024 + 1);
	txt = make_file("note.txt", "hello", 5, 200);
	at_limit = make_file("limit.jpg", jpg_magic, sizeof(jpg_magic) - 1,
	    5 * 1024 * 1024);

	snprintf(name, sizeof(name), "变更单位%d", pid);
	snprintf(ph1, sizeof(ph1), "136%08u", (unsigned)pid % 100000000u);
	snprintf(ph2, sizeof(ph2), "137%08u", (unsigned)pid % 100000000u);
	snprintf(pa, sizeof(pa), "138%08u", (unsigned)pid % 100000000u);
	snprintf(pnew, sizeof(pnew), "139%08u", (unsigned)pid % 100000000u);
	snprintf(pnew2, sizeof(pnew2), "150%08u", (unsigned)pid % 100000000u);
	ok((u1 = test_unit_new(name, ph1)) > 0, "a unit of this test");
	snprintf(name, sizeof(name), "别的单位%d", pid);
	ok((u2 = test_unit_new(name, ph2)) > 0, "another unit");
	snprintf(ida, sizeof(ida), "%s", test_id_number("1980-05-06",
	    pid % 300, 'M'));
	snprintf(idb, sizeof(idb), "%s", test_id_number("1981-03-04",
	    pid % 300 + 1, 'F'));
	snprintf(idc, sizeof(idc), "%s", test_id_number("1982-02-03",
	    pid % 300 + 2, 'M'));
	snprintf(idd, sizeof(idd), "%s", test_id_number("1983-07-08",
	    pid % 300 + 3, 'F'));
	snprintf(idd2, sizeof(idd2), "%s", test_id_number("1983-07-09",
	    pid % 300 + 4, 'F'));
	ma = test_member_new(u1, "李树杭", ida, 'M', "1980-05-06", pa);
	mb = test_member_new(u1, "陆明本", idb, 'F', "1981-03-04", NULL);
	mc = test_member_new(u2, "韦小宝", idc, 'M', "1982-02-03", NULL);
	md = test_member_new(u1, "黄丽", idd, 'F', "1983-07-08", NULL);
	ok(ma > 0 && mb > 0 && mc > 0 && md > 0, "four members");
	ok(hc_member_as(a, ma) && hc_member_as(b, mb) && hc_member_as(d, md),
	    "members signed in");
	snprintf(q, sizeof(q), "INSERT INTO member_bind (member_id, phone)"
	    " VALUES (%lld, '%s')", ma, pa);
	ok(test_sql(q), "A bound on their phone");
	snprintf(r1, sizeof(r1), "chr1%d", pid);
	snprintf(r2, sizeof(r2), "chr2%d", pid);
	snprintf(rb, sizeof(rb), "chrb%d", pid);
	ok(test_staff_new(r1, "review1") && test_staff_new(r2, "review2") &&
	    test_staff_new(rb, "review1,review2"), "reviewers of our own");
	hc_login_office(o1, r1);
	hc_login_office(o2, r2);
	hc_login_office(both, rb);
	hc_login_agent(ag, ph1);
	hc_login_agent(other, ph2);

	/* ---- the list and the form */
	is_int(hc_get(a, "/m/changes"), 200, "个人信息变更");
	ok(hc_count(a, "//*[@id='changes-empty']") == 1, "none yet");
	is_str(hc_xpath(a, "string(//a[@id='new-change']/@href)"),
	    "/m/change/new", "我要变更信息");
	is_int(hc_get(a, "/m/change/new"), 200, "the form");
	is_str(hc_xpath(a, "string(//*[@id='f-name']/@value)"), "李树杭",
	    "the form starts with the record's name");
	is_str(hc_xpath(a, "string(//*[@id='f-id_number']/@value)"), ida,
	    "and ID number");
	ok(strstr(hc_xpath(a, "string(//*[@id='f-unit']/@value)"), "变更单位"),
	    "参保单位 shown");

	/* ---- the rules, each with its message, nothing kept */
	person_of(ma, &p, buf);
	is_int(mpost(a, &p, "submit", jpg), 200, "nothing changed");
	is_str(msg(a), "您未修改任何信息，无需提交变更申请", "… refused");
	p.name = "李树航";
	p.id_number = idc;
	is_int(mpost(a, &p, "submit", jpg), 200, "name and ID number");
	is_str(err(a, "id_number"), "不允许同时修改姓名和证件号码，请分两次申请",
	    "… refused");
	is_str(hc_xpath(a, "string(//*[@id='f-name']/@value)"), "李树航",
	    "the input kept");
	person_of(ma, &p, buf);
	p.id_number = "450102198005060000";
	is_int(mpost(a, &p, "submit", jpg), 200, "a bad ID number");
	ok(strlen(err(a, "id_number")) > 0, "… refused: %s",
	    err(a, "id_number"));
	person_of(ma, &p, buf);
	p.birth_date = "1980-05-07";
	is_int(mpost(a, &p, "submit", jpg), 200, "birth date not the ID's");
	is_str(err(a, "birth_date"), "出生日期与身份证号码不符", "… refused");
	person_of(ma, &p, buf);
	p.gender = "F";
	is_int(mpost(a, &p, "submit", jpg), 200, "gender not the ID's");
	is_str(err(a, "gender"), "性别与身份证号码不符", "… refused");
	person_of(ma, &p, buf);
	p.birth_date = "1980-13-40";
	is_int(mpost(a, &p, "submit", jpg), 200, "a date that is none");
	ok(strlen(err(a, "birth_date")) > 0, "… refused: %s",
	    err(a, "birth_date"));
	person_of(ma, &p, buf);
	p.gender = "X";
	is_int(mpost(a, &p, "submit", jpg), 200, "a gender that is none");
	ok(strlen(err(a, "gender")) > 0, "… refused");
	person_of(ma, &p, buf);
	p.phone = "1234";
	is_int(mpost(a, &p, "submit", jpg), 200, "a bad phone");
	ok(strlen(err(a, "phone")) > 0, "… refused: %s", err(a, "phone"));
	person_of(ma, &p, buf);
	p.name = "李 树杭";
	is_int(mpost(a, &p, "submit", jpg), 200, "a name with a space");
	ok(strlen(err(a, "name")) > 0, "… refused: %s", err(a, "name"));
	person_of(ma, &p, buf);
	p.unit_id = num(u2);
	p.si_card = "A1234";
	is_int(mpost(a, &p, "submit", jpg), 200, "another unit");
	ok(strstr(err(a, "unit_id"), "会籍变更") != NULL,
	    "… goes through 会籍变更: %s", err(a, "unit_id"));
	p.unit_id = "abc";
	is_int(mpost(a, &p, "submit", jpg), 200, "a unit id not a number");
	ok(strlen(err(a, "unit_id")) > 0, "… refused");
	person_of(ma, &p, buf);
	p.id_number = idc;
	is_int(mpost(a, &p, "submit", jpg), 200, "another person's ID");
	is_str(err(a, "id_number"), "该证件号码已登记为其他职工，请核对",
	    "… refused");
	person_of(ma, &p, buf);
	p.si_card = "A12345678";
	is_int(mpost(a, &p, "submit", NULL), 200, "no evidence");
	is_str(err(a, "proof"), "请上传变更凭证", "… refused");
	is_int(mpost(a, &p, "submit", txt), 200, "a text file as evidence");
	ok(strlen(err(a, "proof")) > 0, "… refused: %s", err(a, "proof"));
	is_int(mpost(a, &p, "submit", big), 200, "evidence one byte over 5 MB");
	is_str(err(a, "proof"), "文件超过 5 MB，请压缩后重新上传", "… refused");
	is_int((int)count("info_change", "member_id", ma, ""), 0, "nothing filed by any refusal");

	/* ---- filed: 社保卡号 and the name */
	person_of(ma, &p, buf);
	p.name = "李树航";
	p.si_card = "A12345678";
	p.remark = "改名";
	is_int(mpost(a, &p, "submit", at_limit), 303,
	    "确认提交, the evidence exactly 5 MB");
	id = id_of_location(a);
	ok(strstr(hc_location(a), "done=submitted") != NULL, "to the detail");
	is_str(flow_state_of("change", id), "review1", "待初审");
	snprintf(q, sizeof(q), "SELECT no FROM info_change WHERE id = %lld", id);
	ok(strncmp(test_sql_str(q), "BG", 2) == 0 &&
	    strlen(test_sql_str(q)) == 16, "number BG + 14 digits: %s",
	    test_sql_str(q));
	is_str(col("name", ma), "李树杭", "the record unchanged until 办结");
	hc_follow(a);
	ok(hc_count(a, "//*[@id='submitted']") == 1, "变更申请已提交");
	is_str(hc_xpath(a, "string(//*[@id='change-state'])"), "待初审",
	    "shown 待初审");
	ok(hc_count(a, "//tr[@id='row-name'][@class='changed']") == 1 &&
	    hc_count(a, "//tr[@id='row-si_card'][@class='changed']") == 1 &&
	    hc_count(a, "//tr[@id='row-phone'][@class='changed']") == 0,
	    "the changed rows marked, the others not");
	is_str(hc_xpath(a, "string(//tr[@id='row-name']/td[@class='before'])"),
	    "李树杭", "变更前");
	is_str(hc_xpath(a, "string(//tr[@id='row-name']/td[@class='after'])"),
	    "李树航", "变更后");
	is_int(hc_count(a, "//table[@id='change-table']/tbody/tr"), 9,
	    "every field in the table");
	ok(strchr(hc_xpath(a, "string(//tr[@id='row-id_number']/td[@class="
	    "'after'])"), '*') != NULL && strchr(hc_xpath(a, "string(//tr[@id="
	    "'row-phone']/td[@class='before'])"), '*') != NULL,
	    "an ID number and a phone not changed are masked");
	ok(hc_count(a, "//*[@id='actions']") == 0, "no actions while in review");
	ok(hc_count(a, "//*[@id='timeline']//li") >= 1, "审核进度");
	file = test_sql_int("SELECT MAX(id) FROM attachment WHERE"
	    " owner_type = 'change'");
	snprintf(path, sizeof(path), "/m/change/file?id=%lld&file=%lld", id,
	    file);
	is_int(hc_get(a, path), 200, "the member opens their evidence");

	/* ---- access */
	snprintf(path, sizeof(path), "/m/change?id=%lld", id);
	is_int(hc_get(b, path), 404, "member B: 404 on A's request");
	snprintf(path, sizeof(path), "/m/change/file?id=%lld&file=%lld", id,
	    file);
	is_int(hc_get(b, path), 404, "… and on its file");
	is_int(hc_get(b, "/m/change?id=abc"), 404, "an id not a number: 404");
	snprintf(path, sizeof(path), "/m/change/edit?id=%lld", id);
	is_int(hc_get(b, path), 404, "B cannot edit it");
	hc_get(b, "/m/changes");
	is_int(hc_post(b, "/m/change/delete", "id", num(id), NULL), 404,
	    "nor delete it");
	snprintf(path, sizeof(path), "/u/change?id=%lld", id);
	is_int(hc_get(ag, path), 200, "the unit's agent sees it");
	is_int(hc_get(other, path), 404, "another unit's agent: 404");
	snprintf(path, sizeof(path), "/u/change/file?id=%lld&file=%lld", id,
	    file);
	is_int(hc_get(other, path), 404, "… and on its file");
	is_int(hc_get(ag, path), 200, "the unit's agent opens the file");
	snprintf(path, sizeof(path), "/u/changes?unit=%lld", u1);
	is_int(hc_get(ag, path), 200, "the unit's list");
	snprintf(q, sizeof(q), "//tr[@data-change='%lld']", id);
	ok(hc_count(ag, q) == 1, "… holds the member's request");
	snprintf(path, sizeof(path), "/u/changes?unit=%lld", u2);
	hc_get(ag, path);
	ok(hc_count(ag, q) == 0, "not another unit's list");
	snprintf(path, sizeof(path), "/u/change/new?member=%lld", mc);
	is_int(hc_get(ag, path), 404, "no form for another unit's member");
	is_int(hc_get(ag, "/u/change/new?member=x"), 404, "nor for no member");
	is_int(hc_get(anon, "/m/changes") / 100, 3, "signed out: to the bind");

	/* ---- one open request, across both channels */
	person_of(ma, &p, buf);
	p.si_type = "城乡居民基本医疗保险";
	is_int(mpost(a, &p, "submit", jpg), 200, "a second request");
	is_str(msg(a), "您存在未办结的信息变更单", "… refused");
	is_int(upost(ag, ma, &p, "submit", jpg), 200, "the unit files one too");
	is_str(msg(ag), "您存在未办结的信息变更单", "… refused the same");
	hc_get(a, "/m/changes");
	ok(hc_count(a, "//*[@id='open-note']") == 1 &&
	    hc_count(a, "//*[@id='new-change']") == 0,
	    "the list says so instead of 我要变更信息");

	/* ---- the desk: 退回 → 草稿 → 修改 → 提交 */
	snprintf(path, sizeof(path), "/o/review?type=change&id=%lld", id);
	is_int(hc_get(o1, path), 200, "review1 opens it");
	ok(hc_count(o1, "//tr[@id='row-name'][@class='changed']") == 1,
	    "the desk shows the table");
	ok(hc_count(o1, "//*[@id='decide']") == 1, "and may decide");
	is_int(hc_get(o2, path), 200, "review2 sees it");
	ok(hc_count(o2, "//*[@id='decide']") == 0, "but not to decide yet");
	{
		struct hc *med = hc_new(), *fin = hc_new(), *adm = hc_new();

		hc_login_office(med, "medical");
		hc_login_office(fin, "finance");
		hc_login_office(adm, "admin");
		is_int(hc_get(med, path), 404, "medical: 404");
		is_int(hc_get(fin, path), 404, "finance: 404");
		is_int(hc_get(adm, path), 200, "admin sees it");
		ok(hc_count(adm, "//*[@id='decide']") == 0, "… but decides not");
		snprintf(path, sizeof(path), "/o/file?id=%lld", file);
		is_int(hc_get(o1, path), 200, "review1 opens the evidence");
		is_int(hc_get(med, path), 404, "medical does not");
		snprintf(path, sizeof(path), "/o/review?type=change&id=%lld",
		    id);
		hc_free(med);
		hc_free(fin);
		hc_free(adm);
		hc_get(o1, path);
	}
	ok(hc_count(o1, "//*[@id='decide']//option[contains(.,"
	    "'变更凭证不清晰')]") + hc_count(o1, "//*[contains(text(),"
	    "'变更凭证不清晰')]") > 0, "常用退回意见 of the type");
	before = sms_count(pa);
	is_int(decide(o1, id, "return", ""), 200, "a return needs a reason");
	is_int(decide(o1, id, "return", "变更凭证不清晰，请重新上传"), 303,
	    "returned");
	is_str(flow_state_of("change", id), "draft", "草稿");
	ok(strstr(sms_wait_text(pa, before), "被驳回，驳回理由是：变更凭证不清晰")
	    != NULL, "the member told by SMS");
	ok(count("station_message", "recipient_id", ma,
	    " AND recipient_kind = 1 AND title = '您有1条变更信息申请单被驳回'")
	    == 1, "and by station message");
	snprintf(path, sizeof(path), "/m/change?id=%lld", id);
	hc_get(a, path);
	ok(hc_count(a, "//*[@id='edit']") == 1 &&
	    hc_count(a, "//*[@id='delete']") == 1 &&
	    hc_count(a, "//*[@id='submit']") == 1, "修改 / 删除 / 提交");
	snprintf(path, sizeof(path), "/u/change?id=%lld", id);
	hc_get(ag, path);
	ok(hc_count(ag, "//*[@id='actions']") == 0,
	    "the agent may not act on the member's own");
	snprintf(path, sizeof(path), "/m/change/edit?id=%lld", id);
	is_int(hc_get(a, path), 200, "修改");
	ok(strstr(hc_xpath(a, "string(//*[@id='returned'])"), "变更凭证不清晰")
	    != NULL, "the reason shown");
	is_str(hc_xpath(a, "string(//*[@id='f-name']/@value)"), "李树航",
	    "the request's values");
	person_of(ma, &p, buf);
	p.name = "李树航";
	p.si_card = "B7654321";
	p.id_number = idc;
	is_int(post(a, "/m/change/edit", "id", num(id), &p, "submit", NULL),
	    200, "the edit keeps the rules");
	is_str(err(a, "id_number"), "不允许同时修改姓名和证件号码，请分两次申请",
	    "… name and ID");
	p.id_number = ida;
	is_int(post(a, "/m/change/edit", "id", num(id), &p, "submit", jpg),
	    303, "resubmitted with a clearer photo");
	is_str(flow_state_of("change", id), "review1", "待初审 again");
	snprintf(path, sizeof(path), "/m/change/edit?id=%lld", id);
	is_int(hc_get(a, path) / 100, 3, "no edit once submitted");

	/* ---- segregation of duties, then 办结 */
	is_int(decide(both, id, "approve", ""), 303, "初审 by one with both roles");
	is_str(flow_state_of("change", id), "review2", "待复核");
	decide(both, id, "approve", "");
	is_str(flow_state_of("change", id), "review2",
	    "the same person cannot 复核 too");
	before = sms_count(pa);
	is_int(decide(o2, id, "approve", ""), 303, "复核 by another");
	is_str(flow_state_of("change", id), "done", "办结");
	is_str(col("name", ma), "李树航", "the name changed at 办结");
	is_str(col("si_card", ma), "B7654321", "社保卡号 too");
	ok(strstr(sms_wait_text(pa, before), "已审核办结") != NULL,
	    "办结 told by SMS");
	ok(count("station_message", "recipient_id", ma,
	    " AND recipient_kind = 1 AND title LIKE '个人信息变更已办结%'")
	    == 1, "and by station message");
	snprintf(q, sizeof(q), "SELECT detail FROM audit_log WHERE action ="
	    " 'member.change' AND object_id = %lld", ma);
	ok(strstr(test_sql_str(q), "姓名：李树杭→李树航") != NULL,
	    "audited before and after: %s", test_sql_str(q));
	snprintf(path, sizeof(path), "/m/change?id=%lld", id);
	hc_get(a, path);
	is_str(hc_xpath(a, "string(//*[@id='change-state'])"), "办结",
	    "the detail says 办结");
	hc_get(a, "/m/changes");
	ok(hc_count(a, "//*[@id='new-change']") == 1, "a new one may be filed");

	/* ---- the phone alone: an SMS code to the new phone, no review */
	person_of(ma, &p, buf);
	p.phone = pnew;
	is_int(mpost(a, &p, "submit", NULL), 200, "the phone alone");
	ok(hc_count(a, "//*[@id='phone-only']") == 1 &&
	    hc_count(a, "//*[@id='f-code']") == 1, "asks the new phone's code");
	before = sms_count(pnew);
	is_int(post(a, "/m/change/new", "send_code", "1", &p, "submit", NULL),
	    200, "获取验证码");
	code = sms_wait_code(pnew, before);
	ok(strlen(code) == 6, "a code to the new phone");
	is_int(post(a, "/m/change/new", "code", "000000", &p, "phone", NULL),
	    200, "a wrong code");
	ok(strlen(err(a, "code")) > 0, "… refused: %s", err(a, "code"));
	is_str(col("phone", ma), pa, "nothing changed yet");
	is_int(post(a, "/m/change/new", "code", code, &p, "phone", NULL), 303,
	    "the right code");
	is_str(hc_location_path(a), "/m/changes?done=phone", "back to the list");
	is_str(col("phone", ma), pnew, "the phone changed at once");
	snprintf(q, sizeof(q), "SELECT phone FROM member_bind WHERE member_id"
	    " = %lld", ma);
	is_str(test_sql_str(q), pnew, "the binding's phone with it");
	ok(count("audit_log", "object_id", ma,
	    " AND action = 'member.phone'") == 1, "audited");
	ok(count("info_change", "member_id", ma,
	    " AND open_member IS NOT NULL") == 0, "no request made");

	/* ---- a draft: 保存, 提交 from the detail, or 删除 */
	person_of(ma, &p, buf);
	p.si_type = "城乡居民基本医疗保险";
	is_int(mpost(a, &p, "save", NULL), 303, "保存草稿 without evidence");
	id2 = id_of_location(a);
	is_str(flow_state_of("change", id2), "draft", "a draft");
	hc_follow(a);
	ok(hc_count(a, "//*[@id='saved']") == 1, "已保存为草稿");
	is_int(hc_post(a, "/m/change/submit", "id", num(id2), NULL), 200,
	    "提交 without evidence");
	is_str(msg(a), "请上传变更凭证", "… refused");
	is_int(hc_post(a, "/m/change/delete", "id", num(id2), NULL), 303, "删除");
	is_str(flow_state_of("change", id2), "cancelled", "deleted");
	is_int(hc_get(a, "/m/changes"), 200, "the list");
	snprintf(q, sizeof(q), "//*[@data-change='%lld']", id2);
	ok(hc_count(a, q) == 0, "without the deleted one");
	ok(hc_count(a, "//*[@id='new-change']") == 1, "and may file again");

	/* ---- filed by the unit: an ID changed keeps coverage and claims */
	snprintf(q, sizeof(q), "INSERT INTO coverage (member_id, plan_id,"
	    " version_id, unit_id, enroll_id, starts, ends, waits_until)"
	    " SELECT %lld, p.id, pv.id, %lld, (SELECT MIN(id) FROM enroll),"
	    " CURDATE() - INTERVAL 765 DAY, CURDATE() - INTERVAL 400 DAY,"
	    " CURDATE() - INTERVAL 675 DAY FROM plan p JOIN plan_version pv"
	    " ON pv.plan_id = p.id WHERE p.code = 'YL19'"
	    " ORDER BY pv.version DESC LIMIT 1", md, u1);
	/* (in a year before this one: the office's figures of this year,
	 * t_coverage's, stay as they were) */
	ok(test_sql(q), "D was covered");
	snprintf(q, sizeof(q), "INSERT INTO claim (no, kind, channel,"
	    " member_id, unit_id) VALUES ('ZY%08dD%06d', 'inpatient', 'unit',"
	    " %lld, %lld)", 20200101, pid % 1000000, md, u1);
	ok(test_sql(q), "D has a claim");
	snprintf(path, sizeof(path), "/u/changes?unit=%lld&q=%s", u1, "黄丽");
	is_int(hc_get(ag, path), 200, "the agent finds D in the roster");
	snprintf(q, sizeof(q), "//tr[@data-member='%lld']//a/@href", md);
	snprintf(path, sizeof(path), "%s", hc_xpath(ag, q));
	ok(strstr(path, "/u/change/new?member=") != NULL, "发起变更");
	person_of(md, &p, buf);
	p.id_number = idd2;
	is_int(upost(ag, md, &p, "save", jpg), 303, "the agent saves a draft");
	idg = id_of_location(ag);
	snprintf(q, sizeof(q), "SELECT birth_date FROM info_change WHERE"
	    " id = %lld", idg);
	is_str(test_sql_str(q), "1983-07-09", "birth date taken from the new ID");
	snprintf(path, sizeof(path), "/m/change?id=%lld", idg);
	is_int(hc_get(d, path), 200, "D sees the unit's request");
	ok(hc_count(d, "//*[@id='actions']") == 0, "but acts not on it");
	person_of(md, &p, buf);
	p.si_card = "X1";
	is_int(mpost(d, &p, "submit", jpg), 200, "D files one too");
	is_str(msg(d), "您存在未办结的信息变更单", "… refused: one per member");
	snprintf(path, sizeof(path), "/u/change?id=%lld", idg);
	hc_get(ag, path);
	ok(hc_count(ag, "//*[@id='submit']") == 1, "提交 on the agent's draft");
	is_int(hc_post(ag, "/u/change/submit", "id", num(idg), NULL), 303,
	    "提交");
	is_str(flow_state_of("change", idg), "review1", "待初审");
	snprintf(path, sizeof(path), "/o/review?type=change&id=%lld", idg);
	hc_get(o1, path);
	is_str(hc_xpath(o1, "string(//tr[@id='row-id_number']/td[@class="
	    "'after'])"), idd2, "a changed ID number shown in full to check");
	is_int(decide(o1, idg, "approve", ""), 303, "初审");
	before = sms_count(ph1);
	is_int(decide(o2, idg, "approve", ""), 303, "复核");
	is_str(col("id_number", md), idd2, "the ID number changed");
	is_str(col("birth_date", md), "1983-07-09", "and the birth date");
	ok(count("coverage", "member_id", md, "")
	    == 1, "the coverage still the person's");
	ok(count("claim", "member_id", md, "") == 1,
	    "the claim too");
	snprintf(q, sizeof(q), "SELECT YEAR(starts) FROM coverage WHERE"
	    " member_id = %lld", md);
	snprintf(path, sizeof(path), "/m/coverage?year=%lld",
	    test_sql_int(q));
	is_int(hc_get(d, path), 200, "D's 参保记录 of that year");
	is_int(hc_count(d, "//li[@data-coverage]"), 1,
	    "still shows the coverage");
	ok(strstr(sms_wait_text(ph1, before), "已审核办结") != NULL,
	    "the filing agent told by SMS");
	ok(count("station_message", "recipient_id", md, " AND recipient_kind"
	    " = 1 AND title LIKE '个人信息变更已办结%'") == 1,
	    "and the member by station message");
	/* The fixture's claim (no flow item) and coverage go: other tests
	 * read every claim. */
	snprintf(q, sizeof(q), "DELETE FROM claim WHERE member_id = %lld", md);
	ok(test_sql(q), "the fixture's claim removed");
	snprintf(q, sizeof(q), "DELETE FROM coverage WHERE member_id = %lld",
	    md);
	ok(test_sql(q), "and its coverage");

	/* ---- the unit deletes its draft */
	person_of(mb, &p, buf);
	p.si_type = "城镇职工基本医疗保险";
	is_int(upost(ag, mb, &p, "save", NULL), 303, "a draft for B");
	id2 = id_of_location(ag);
	snprintf(path, sizeof(path), "/u/change/edit?id=%lld", id2);
	is_int(hc_get(ag, path), 200, "修改");
	is_int(hc_post(other, "/u/change/delete", "id", num(id2), NULL), 404,
	    "another unit's agent cannot delete it");
	is_int(hc_post(ag, "/u/change/delete", "id", num(id2), NULL), 303,
	    "删除");
	is_str(flow_state_of("change", id2), "cancelled", "deleted");

	/* ---- at once: one open request per member, numbers unique */
	{
		struct hc *c[RACERS];
		long long m[RACERS], who[RACERS];
		struct person pp[RACERS];
		static char pb[RACERS][10][128];
		char nm[32], idn[32];
		int i;

		for (i = 0; i < RACERS; i++) {
			snprintf(nm, sizeof(nm), "%s", i % 2 ? "周并发" : "吴并发");
			snprintf(idn, sizeof(idn), "%s", test_id_number(
			    "1990-01-02", pid % 300 + 10 + i, 'M'));
			m[i] = test_member_new(u1, nm, idn, 'M', "1990-01-02",
			    NULL);
			c[i] = hc_new();
			hc_member_as(c[i], m[i]);
			person_of(m[i], &pp[i], pb[i]);
			pp[i].si_card = "RACE01";
			who[i] = 0;
		}
		is_int(race(c, who, pp, RACERS, jpg), RACERS,
		    "six members file at once: six requests");
		snprintf(q, sizeof(q), "SELECT COUNT(DISTINCT no) FROM"
		    " info_change WHERE member_id BETWEEN %lld AND %lld",
		    m[0], m[RACERS - 1]);
		is_int(test_sql_int(q), RACERS, "six numbers, none twice");
		/* The same member from both channels, three times each. */
		hc_free(c[1]);
		c[1] = ag;
		snprintf(q, sizeof(q), "UPDATE info_change SET open_member ="
		    " NULL WHERE member_id = %lld", m[0]);
		ok(test_sql(q), "the first member's request set aside");
		for (i = 1; i < RACERS; i++) {
			if (i % 2) {
				if (i > 1) {
					hc_free(c[i]);
					c[i] = hc_new();
					hc_login_agent(c[i], ph1);
				}
				who[i] = m[0];
			} else {
				hc_free(c[i]);
				c[i] = hc_new();
				hc_member_as(c[i], m[0]);
			}
			pp[i] = pp[0];
			pp[i].si_card = "RACE02";
		}
		is_int(race(c, who, pp, RACERS, jpg), 1,
		    "member and unit at once: one of six is filed");
		ok(count("info_change", "member_id", m[0],
		    " AND open_member IS NOT NULL") == 1,
		    "one open request for the member");
		for (i = 0; i < RACERS; i++)
			if (c[i] != ag)
				hc_free(c[i]);
	}

	hc_free(a);
	hc_free(b);
	hc_free(ag);
	hc_free(other);
	hc_free(o1);
	hc_free(o2);
	hc_free(both);
	hc_free(anon);
	hc_free(d);
	return tap_done();
}
