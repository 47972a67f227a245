/*
 * demo.c -- a believable city for the demo stack and the tests:
 * 市总工会, three districts, six units, 200 members with valid ID numbers,
 * every unit about half women, names that fit the gender (some with rare
 * characters), ages mostly 22 to 58 and a few past 60; an agent per unit,
 * one office user per role, and the five plans of the association, open
 * for enrolment around today (one of them edited once).  Deterministic
 * but for today's date, so the tests can rely on it, and loaded once (a
 * second run changes nothing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "figures.h"
#include "kind.h"
#include "plan.h"
#include "staff.h"
#include "valid.h"

enum stmt {
	STMT_LOADED,
	STMT_ORG,
	STMT_MEMBER,
	STMT_MEMBERSHIP,
	STMT_AGENT,
	STMT_AGENT_UNIT,
	STMT_BACKDATE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_LOADED] = "SELECT COUNT(*) FROM staff WHERE username = 'admin'",
	[STMT_ORG] =
	    "INSERT INTO org (parent_id, level, name, credit_code, nature,"
	    " district, chairman, contact, contact_phone, employees)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_MEMBER] =
	    "INSERT INTO member (id_type, id_number, name, gender, birth_date,"
	    " phone, si_type, unit_id) VALUES (1, ?, ?, ?, ?, ?,"
	    " '城镇职工基本医疗保险', ?)",
	[STMT_MEMBERSHIP] =
	    "INSERT INTO membership (member_id, unit_id, reason)"
	    " VALUES (?, ?, '初始导入')",
	[STMT_AGENT] =
	    "INSERT INTO agent (phone, name, id_number, password_hash, profile_at)"
	    " VALUES (?, ?, ?, ?, NOW())",
	[STMT_AGENT_UNIT] =
	    "INSERT INTO agent_unit (agent_id, unit_id, role, perms)"
	    " VALUES (?, ?, ?, ?)",
	/* The plans were written weeks ago; the second version is today's. */
	[STMT_BACKDATE] =
	    "UPDATE plan_version SET created_at = created_at - INTERVAL 60 DAY"
	    " WHERE version = 1",
};

static const struct db_table tab = { DBM_DEMO, sql, STMT__MAX };

#define DEMO_PASSWORD "Demo2026"

static const char *const districts[3] = {
	"市南区总工会", "市北区总工会", "崂山区总工会",
};

static const struct {
	int		 district;
	const char	*name, *nature, *chairman;
} units[6] = {
	{ 0, "市南区第一中学工会委员会", "事业", "林海燕" },
	{ 0, "市南区人民医院工会委员会", "事业", "周建国" },
	{ 1, "市北区供电公司工会委员会", "国企", "王立军" },
	{ 1, "市北区自来水有限公司工会", "国企", "陈秀英" },
	{ 2, "崂山区港务集团工会委员会", "国企", "刘志强" },
	{ 2, "崂山区图书馆工会小组", "机关", "赵晓梅" },
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
	"马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
	"唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "于", "董", "袁", "姜",
	"欧阳", "上官",
};
/* Given names by gender; a few carry rare characters, inside and outside
 * the BMP (𠀾 U+2003E, 䶮 U+4DAE, 𪚥 U+2A6A5). */
static const char *const given_f[] = {
	"秀英", "桂英", "秀兰", "玉兰", "海燕", "晓燕", "丽娟", "雪梅", "淑珍",
	"慧敏", "静怡", "欣怡", "雨涵", "梓涵", "思琪", "婷婷", "佳怡", "美玲",
	"春梅", "红霞", "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "颖",
	"玥", "婧", "𠀾", "晓梅", "凤英", "金凤", "文静", "雅琴", "淑华",
};
static const char *const given_m[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉",
	"鹏", "斌", "建华", "建国", "志强", "国庆", "文博", "浩然", "子轩",
	"俊杰", "海涛", "永刚", "立新", "振华", "堃", "喆", "昇", "䶮", "𪚥",
	"德明", "长江", "卫东", "宏伟", "晓东", "正阳", "树林",
};

#define NSUR (sizeof(surnames) / sizeof(surnames[0]))
#define NGIVF (sizeof(given_f) / sizeof(given_f[0]))
#define NGIVM (sizeof(given_m) / sizeof(given_m[0]))

/* A valid 18-digit resident ID from region, birth date and sequence. */
static void
make_id(char out[19], const char *region, int y, int m, int d, int seq)
{
	snprintf(out, 19, "%s%04d%02d%02d%03d", region, y, m, d, seq % 1000);
	out[17] = id_check_char(out);
	out[18] = '\0';
}

/* A valid unified social credit code with the given 9-digit org code. */
static void
make_credit(char out[19], const char *prefix8, int n)
{
	snprintf(out, 19, "%s%09d", prefix8, n);
	out[17] = credit_check_char(out);
	out[18] = '\0';
}

static int64_t
add_org(struct db *db, int64_t parent, const char *level, const char *name,
    const char *credit, const char *nature, const char *district,
    const char *chairman, const char *phone, int64_t employees)
{
	char pid[24];

	/* The root has no parent: bind SQL NULL through the string form. */
	snprintf(pid, sizeof(pid), "%lld", (long long)parent);
	if (db_exec(db, &tab, STMT_ORG, "sssssssssi", parent ? pid : NULL,
	    level, name, credit, nature, district, chairman, chairman, phone,
	    employees) != 1)
		return 0;
	return db_insert_id(db);
}

struct demo {
	int64_t	 unit_ids[6];
	int64_t	 first_agent;	/* 13800000001, who also serves the claims'
				 * unit (democlaim.c) */
	char	 hash[128];
};

/* The districts' region codes, for ID numbers. */
static const char *const regions[3] = { "370202", "370203", "370212" };

/*
 * demo_person: member i (0..199) of unit i % 6, generated: within each
 * unit every other person is a woman; ages 22..58 on `today`, and every
 * 23rd from the sixth on 60..64.  The ID number is valid and unique: its
 * region is the district's, its sequence 10 * (i / 3 + 1) + 1 (men, odd)
 * or + 2 (women), so no two of one region and birth date share it, and
 * it never ends 001..003 or 123 like the tests' own identities.
 */
static void
demo_person(int i, const char *today, char id[19], char name[64],
    char birth[11], char *gender)
{
	int female = (i / 6 + i % 6) % 2 == 0, y, mo, dd, age;

	mo = 1 + (i * 5) % 12;
	dd = 1 + (i * 11) % 28;
	age = i % 23 == 5 ? 61 + (i / 23) % 4 : 23 + (i * 11) % 36;
	y = atoi(today) - age;
	make_id(id, regions[i % 3], y, mo, dd, 10 * (i / 3 + 1) +
	    (female ? 2 : 1));
	snprintf(name, 64, "%s%s", surnames[(i * 7 + i / 37) % NSUR], female ?
	    given_f[(i * 5 + i / 11) % NGIVF] : given_m[(i * 3 + i / 13) % NGIVM]);
	snprintf(birth, 11, "%04u-%02u-%02u", (unsigned)(y % 10000 + 10000) %
	    10000, (unsigned)mo % 100, (unsigned)dd % 100);
	*gender = female ? 'F' : 'M';
}

/* The 200 members and their 会籍.  Returns 1, 0 on a database error. */
static int
add_members(struct db *db, const struct demo *d)
{
	char id[19], name[64], birth[11], phone[12], today[11], g[2] = "";
	int64_t mid;
	int i;

	clock_today(today);
	for (i = 0; i < 200; i++) {
		demo_person(i, today, id, name, birth, g);
		snprintf(phone, sizeof(phone), "139%08d", 10000000 + i * 37);
		if (db_exec(db, &tab, STMT_MEMBER, "sssssi", id, name, g, birth,
		    phone, d->unit_ids[i % 6]) != 1)
			return 0;
		mid = db_insert_id(db);
		if (db_exec(db, &tab, STMT_MEMBERSHIP, "ii", mid,
		    d->unit_ids[i % 6]) != 1)
			return 0;
	}
	return 1;
}

/*
 * The claims' unit (democlaim.c): a district of its own, so the tests'
 * counts of the three above stay theirs, one unit chaired by the first
 * agent, and 12 members made as demo_person() makes the 200.  Returns 1,
 * 0 on a database error.
 */
static int
add_claims_unit(struct db *db, const struct demo *d, int64_t root)
{
	char id[19], name[64], birth[11], phone[12], today[11], credit[19];
	char g[2] = "";
	int64_t dist, unit, mid;
	int i;

	make_credit(credit, "81370200", 13);
	if ((dist = add_org(db, root, "district", DEMO_CLAIMS_DISTRICT, credit,
	    "机关", DEMO_CLAIMS_DISTRICT, NULL, NULL, 0)) == 0)
		return 0;
	make_credit(credit, "12370200", 106);
	if ((unit = add_org(db, dist, "unit", DEMO_CLAIMS_UNIT, credit,
	    "事业", DEMO_CLAIMS_DISTRICT, "周建华", "13800000001", 12)) == 0 ||
	    db_exec(db, &tab, STMT_AGENT_UNIT, "iiss", d->first_agent, unit,
	    "chairman", "mutual_aid") != 1)
		return 0;
	clock_today(today);
	for (i = 200; i < 212; i++) {
		demo_person(i, today, id, name, birth, g);
		snprintf(phone, sizeof(phone), "139%08d", 10000000 + i * 37);
		if (db_exec(db, &tab, STMT_MEMBER, "sssssi", id, name, g, birth,
		    phone, unit) != 1)
			return 0;
		mid = db_insert_id(db);
		if (db_exec(db, &tab, STMT_MEMBERSHIP, "ii", mid, unit) != 1)
			return 0;
	}
	return 1;
}

/* ---- the five plans ---------------------------------------------------- */

/* 重大疾病: the 25 of the insurers' association's definitions. */
static const char critical_list[] =
    "恶性肿瘤、急性心肌梗塞、脑中风后遗症、重大器官移植术或造血干细胞移植术、"
    "冠状动脉搭桥术、终末期肾病、多个肢体缺失、急性或亚急性重症肝炎、良性脑肿瘤、"
    "慢性肝功能衰竭失代偿期、脑炎后遗症或脑膜炎后遗症、深度昏迷、双耳失聪、"
    "双目失明、瘫痪、心脏瓣膜手术、严重阿尔茨海默病、严重脑损伤、严重帕金森病、"
    "严重Ⅲ度烧伤、严重原发性肺动脉高压、严重运动神经元病、语言能力丧失、"
    "重型再生障碍性贫血、主动脉手术";
static const char female_list[] =
    "乳腺癌、宫颈癌、卵巢癌、子宫内膜癌、输卵管癌、外阴癌、阴道癌、子宫肉瘤";

/* Today moved by `days` into out, "YYYY-MM-DD". */
static void
day_from_today(int days, char out[11])
{
	struct tm tm;
	time_t t;

	clock_cn(&tm);
	tm.tm_mday += days;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A draft's terms: twelve months, enrolment open from a month ago to two
 * months ahead, a warning at 60. */
static void
terms(struct plan_draft *p, const char *name, int64_t premium, char gender,
    int waiting, const char *note)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->t.name, sizeof(p->t.name), "%s", name);
	p->t.premium = premium;
	p->t.period_months = 12;
	p->t.gender = gender;
	p->t.age_warn = 60;
	p->t.waiting_days = waiting;
	day_from_today(-30, p->t.window_from);
	day_from_today(60, p->t.window_to);
	snprintf(p->note, sizeof(p->note), "%s", note);
}

/* A new item of kind k on draft p, named as its kind. */
static struct plan_benefit *
item(struct plan_draft *p, enum plan_kind k)
{
	struct plan_benefit *b = &p->b[p->nb++];

	memset(b, 0, sizeof(*b));
	b->kind = k;
	snprintf(b->name, sizeof(b->name), "%s", plan_kinds[k].label);
	return b;
}

/* 住院医疗: 30 % up to 10 000.00, 40 % above, no deductible. */
static void
inpatient(struct plan_draft *p, int64_t claim_cap, int64_t annual_cap)
{
	struct plan_benefit *b = item(p, PK_INPATIENT);

	b->bands[0].upper = 1000000;
	b->bands[0].rate = 3000;
	b->bands[1].rate = 4000;
	b->nbands = 2;
	b->claim_cap = claim_cap;
	b->annual_cap = annual_cap;
}

/* A lump sum for listed diseases (重大疾病, 女职工). */
static void
lump(struct plan_draft *p, enum plan_kind k, int64_t sum, const char *list)
{
	struct plan_benefit *b = item(p, k);

	b->lump_sum = sum;
	snprintf(b->diseases, sizeof(b->diseases), "%s", list);
}

/* 意外伤害: medical 90 % up to 5 000.00; 50 000.00 by grade; death. */
static void
accident(struct plan_draft *p)
{
	struct plan_benefit *b = item(p, PK_ACCIDENT);
	int g;

	b->rate = 9000;
	b->annual_cap = 500000;
	b->lump_sum = 5000000;
	b->death_sum = 5000000;
	for (g = 0; g < PLAN_GRADES; g++)
		b->grades[g] = 10000 - 1000 * g;
}

/* Plan `code` from draft p, checked first.  Its id, 0 on error. */
static int64_t
demo_plan(struct db *db, const char *code, const struct plan_draft *p,
    int64_t admin)
{
	if (plan_draft_check(p) != RF_OK) {
		fprintf(stderr, "hzctl: demo plan %s does not pass its checks\n",
		    code);
		return 0;
	}
	return plan_insert(db, code, p, 1, admin);
}

/*
 * 第十九期: written weeks ago, then edited once: its caps and its day
 * rate went up (version 2).  Returns 1, 0 on error.
 */
static int
add_yl19(struct db *db, struct plan_draft *p, int64_t admin)
{
	int64_t id;

	terms(p, "第十九期职工医疗互助保障活动", 6000, 0, 90, "住院医疗按扣除"
	    "起付线后的合规自付费用累进补助；新参保职工等待期90天。");
	inpatient(p, 1500000, 2500000);
	item(p, PK_DAYS)->per_day = 1500;
	p->b[1].max_days = 20;
	if ((id = demo_plan(db, "YL19", p, admin)) == 0)
		return 0;
	p->b[0].claim_cap = 2000000;
	p->b[0].annual_cap = 3000000;
	p->b[1].per_day = 2000;
	p->b[1].max_days = 30;
	snprintf(p->note, sizeof(p->note), "第2版：单次补助上限提高至20,000.00元，"
	    "年度补助上限提高至30,000.00元；住院天数补助提高至每天20.00元，"
	    "每期最多30天。");
	return plan_version_add(db, id, p, admin) != 0;
}

/* The association's five plans (SPEC §4), by admin.  Returns 1, 0 on
 * error. */
static int
add_plans(struct db *db, int64_t admin)
{
	static struct plan_draft p;

	if (!add_yl19(db, &p, admin))
		return 0;
	terms(&p, "重大疾病互助保障", 4000, 0, 90, "确诊所列重大疾病之一，每期"
	    "一次性补助。");
	lump(&p, PK_CRITICAL, 1500000, critical_list);
	if (demo_plan(db, "ZJ", &p, admin) == 0)
		return 0;
	terms(&p, "女职工特殊疾病互助保障", 3000, 'F', 90, "仅限女职工参保。");
	lump(&p, PK_FEMALE, 1000000, female_list);
	if (demo_plan(db, "NG", &p, admin) == 0)
		return 0;
	terms(&p, "意外伤害互助保障", 2000, 0, 0, "");
	accident(&p);
	if (demo_plan(db, "YW", &p, admin) == 0)
		return 0;
	terms(&p, "职工医疗互助“三合一”保障计划", 10000, 0, 90, "住院医疗、重大"
	    "疾病、意外伤害三项合一，一次参保（无锡）。");
	inpatient(&p, 2000000, 3000000);
	lump(&p, PK_CRITICAL, 1500000, critical_list);
	accident(&p);
	if (demo_plan(db, "SHY", &p, admin) == 0)
		return 0;
	return db_exec(db, &tab, STMT_BACKDATE, "") >= 0;
}

/*
 * The six units under their districts, each with its chairman as agent
 * (the first agent also helps the second unit, without rights).
 * Returns 1, 0 on a database error.
 */
static int
add_units(struct db *db, struct demo *d, const int64_t dist[3])
{
	char id[19], credit[19], phone[12];
	int64_t aid, first_agent = 0;
	int i;

	for (i = 0; i < 6; i++) {
		make_credit(credit, i % 2 ? "12370200" : "91370200", 100 + i);
		snprintf(phone, sizeof(phone), "1380000000%d", i + 1);
		if ((d->unit_ids[i] = add_org(db, dist[units[i].district], "unit",
		    units[i].name, credit, units[i].nature,
		    districts[units[i].district], units[i].chairman, phone,
		    40 + i * 7)) == 0)
			return 0;
		/* The unit's chairman is its agent, with a finished profile. */
		make_id(id, regions[units[i].district], 1975 + i, 3 + i, 10 + i,
		    900 + i * 2 + 1);
		if (db_exec(db, &tab, STMT_AGENT, "ssss", phone, units[i].chairman,
		    id, d->hash) != 1)
			return 0;
		aid = db_insert_id(db);
		if (db_exec(db, &tab, STMT_AGENT_UNIT, "iiss", aid, d->unit_ids[i],
		    "chairman", "mutual_aid") != 1)
			return 0;
		if (i == 0)
			first_agent = aid;
	}
	d->first_agent = first_agent;
	return db_exec(db, &tab, STMT_AGENT_UNIT, "iiss", first_agent,
	    d->unit_ids[1], "staff", "") == 1;
}

static int
demo_load(struct db *db, void *arg)
{
	struct demo *d = arg;
	char credit[19];
	int64_t root, dist[3], staff = 0, id;
	int i;

	make_credit(credit, "81370200", 1);
	if ((root = add_org(db, 0, "root", "青岛市总工会", credit, "机关",
	    "市直", "孙立新", "053285000001", 0)) == 0)
		return 1;
	for (i = 0; i < 3; i++) {
		make_credit(credit, "81370200", 10 + i);
		if ((dist[i] = add_org(db, root, "district", districts[i], credit,
		    "机关", districts[i], NULL, NULL, 0)) == 0)
			return 1;
	}
	if (!add_units(db, d, dist) || !add_members(db, d) ||
	    !add_claims_unit(db, d, root))
		return 1;
	for (i = 0; i < STAFF_NROLES; i++) {
		if ((id = staff_insert(db, staff_roles[i].name,
		    staff_roles[i].label, NULL, d->hash, 1u << i)) <= 0)
			return 1;
		if ((1u << i) == ROLE_ADMIN)
			staff = id;
	}
	/* admin wrote the plans. */
	return !add_plans(db, staff);
}

int
ctl_demo(struct db *db)
{
	struct demo d;
	int found;
	size_t i;

	if (db_one_int(db, &tab, STMT_LOADED, &found, "") > 0) {
		printf("demo data already loaded\n");
		return 0;
	}
	if (!password_hash(DEMO_PASSWORD, d.hash))
		return 1;
	if (db_txn(db, demo_load, &d) != 0 || !demo_enrol(db) ||
	    !demo_claims(db) || !demo_articles(db) || !demo_changes(db) ||
	    !figures_refresh(db)) {
		fprintf(stderr, "hzctl: demo data could not be loaded\n");
		return 1;
	}
	printf("demo data loaded: 市总工会, 4 districts, 7 units, 212 members,"
	    " 5 plans\n"
	    "office logins (password " DEMO_PASSWORD "):");
	for (i = 0; i < STAFF_NROLES; i++)
		printf(" %s", staff_roles[i].name);
	printf("\nunit agents: phones 13800000001..13800000006 (SMS code, or"
	    " password " DEMO_PASSWORD ")\n"
	    "claims: " DEMO_CLAIMS_UNIT " (" DEMO_CLAIMS_DISTRICT "), agent"
	    " 13800000001: 6 claims in their states, 12 members covered\n");
	return 0;
}
