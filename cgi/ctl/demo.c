/*
 * demo.c -- a believable city for the demo stack and the tests:
 * 市总工会, three districts, six units, 200 members with valid ID numbers
 * and Chinese names (some with rare characters), an agent per unit and one
 * office user per role.  Deterministic, so the tests can rely on it, and
 * loaded once (a second run changes nothing).
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "ctl.h"
#include "db.h"
#include "figures.h"
#include "staff.h"
#include "valid.h"

enum stmt {
	STMT_LOADED,
	STMT_ORG,
	STMT_MEMBER,
	STMT_MEMBERSHIP,
	STMT_AGENT,
	STMT_AGENT_UNIT,
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
	"欧阳", "上官",
};
/* A few given names carry rare characters, inside and outside the BMP. */
static const char *const given[] = {
	"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
	"勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚",
	"桂英", "建华", "𠀾", "䶮", "堃", "喆", "昇", "玥", "晓燕", "志强",
	"海燕", "国庆", "文博", "雨涵", "子轩", "梓涵", "浩然", "𪚥",
};

#define NSUR (sizeof(surnames) / sizeof(surnames[0]))
#define NGIV (sizeof(given) / sizeof(given[0]))

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
	char	 hash[128];
};

static int
demo_load(struct db *db, void *arg)
{
	struct demo *d = arg;
	static const char *const regions[3] = { "370202", "370203", "370212" };
	char id[19], credit[19], phone[12], birth[11], name[64];
	int64_t root, dist[3], mid, aid, first_agent = 0;
	int i, y, mo, dd, gender_digit;

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
	for (i = 0; i < 6; i++) {
		make_credit(credit, i % 2 ? "12370200" : "91370200", 100 + i);
		snprintf(phone, sizeof(phone), "1380000000%d", i + 1);
		if ((d->unit_ids[i] = add_org(db, dist[units[i].district], "unit",
		    units[i].name, credit, units[i].nature,
		    districts[units[i].district], units[i].chairman, phone,
		    40 + i * 7)) == 0)
			return 1;
		/* The unit's chairman is its agent, with a finished profile. */
		make_id(id, regions[units[i].district], 1975 + i, 3 + i, 10 + i,
		    900 + i * 2 + 1);
		if (db_exec(db, &tab, STMT_AGENT, "ssss", phone, units[i].chairman,
		    id, d->hash) != 1)
			return 1;
		aid = db_insert_id(db);
		if (db_exec(db, &tab, STMT_AGENT_UNIT, "iiss", aid, d->unit_ids[i],
		    "chairman", "mutual_aid") != 1)
			return 1;
		if (i == 0)
			first_agent = aid;
	}
	/* The first agent also helps the second unit, without rights. */
	if (db_exec(db, &tab, STMT_AGENT_UNIT, "iiss", first_agent,
	    d->unit_ids[1], "staff", "") != 1)
		return 1;
	for (i = 0; i < 200; i++) {
		y = 1966 + (i * 7) % 38;	/* 1966..2003: some are 60+ */
		mo = 1 + (i * 5) % 12;
		dd = 1 + (i * 11) % 28;
		gender_digit = i % 2 ? 1 : 2;	/* odd: male */
		make_id(id, regions[i % 3], y, mo, dd, (i / 3) * 10 + gender_digit);
		snprintf(name, sizeof(name), "%s%s", surnames[(i * 7) % NSUR],
		    given[(i * 13 + i / NGIV) % NGIV]);
		snprintf(phone, sizeof(phone), "139%08d", 10000000 + i * 37);
		snprintf(birth, sizeof(birth), "%04d-%02d-%02d", y, mo, dd);
		if (db_exec(db, &tab, STMT_MEMBER, "sssssi", id, name,
		    gender_digit % 2 ? "M" : "F", birth, phone,
		    d->unit_ids[i % 6]) != 1)
			return 1;
		mid = db_insert_id(db);
		if (db_exec(db, &tab, STMT_MEMBERSHIP, "ii", mid,
		    d->unit_ids[i % 6]) != 1)
			return 1;
	}
	for (i = 0; i < STAFF_NROLES; i++)
		if (staff_insert(db, staff_roles[i].name, staff_roles[i].label,
		    NULL, d->hash, 1u << i) <= 0)
			return 1;
	return 0;
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
	    !figures_refresh(db)) {
		fprintf(stderr, "hzctl: demo data could not be loaded\n");
		return 1;
	}
	printf("demo data loaded: 市总工会, 3 districts, 6 units, 200 members\n"
	    "office logins (password " DEMO_PASSWORD "):");
	for (i = 0; i < STAFF_NROLES; i++)
		printf(" %s", staff_roles[i].name);
	printf("\nunit agents: phones 13800000001..13800000006 (SMS code, or"
	    " password " DEMO_PASSWORD ")\n");
	return 0;
}
