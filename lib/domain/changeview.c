/*
 * changeview.c -- 个人信息变更 read: a request, the member's record as its
 * "before", and as the pages show them: the detail with its before /
 * after table (变更详情), the lists, the review desk's body.
 */
#include <stdio.h>
#include <string.h>

#include "agent.h"
#include "change.h"
#include "changeint.h"
#include "db.h"
#include "kind.h"
#include "mask.h"
#include "store.h"
#include "valid.h"
#include "view.h"

enum stmt {
	STMT_CURRENT,
	STMT_GET,
	STMT_OPEN,
	STMT_MINE,
	STMT_MINE_COUNT,
	STMT_UNIT,
	STMT_UNIT_COUNT,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT c.id, fl.state, c.no, c.old_name," \
	" DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i:%s'), c.channel" \
	" FROM info_change c JOIN flow_item fl ON fl.type = 'change'" \
	" AND fl.item_id = c.id"

static const char *const sql[STMT__MAX] = {
	[STMT_CURRENT] =
	    "SELECT " PERSON_COLS("m.") ", COALESCE(m.unit_id, 0),"
	    " COALESCE(o.name, '') FROM member m LEFT JOIN org o"
	    " ON o.id = m.unit_id WHERE m.id = ?",
	[STMT_GET] =
	    "SELECT c.id, c.no, c.channel, c.member_id, COALESCE(c.unit_id, 0),"
	    " " PERSON_COLS("c.old_") ", " PERSON_COLS("c.") ","
	    " COALESCE(c.remark, ''), COALESCE(o.name, ''),"
	    " DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i:%s')"
	    " FROM info_change c LEFT JOIN org o ON o.id = c.unit_id"
	    " WHERE c.id = ?",
	[STMT_OPEN] = "SELECT id FROM info_change WHERE open_member = ?",
	[STMT_MINE] = LIST_COLS " WHERE c.member_id = ?"
	    " AND fl.state <> 'cancelled' ORDER BY c.id DESC LIMIT ? OFFSET ?",
	[STMT_MINE_COUNT] =
	    "SELECT COUNT(*) FROM info_change c JOIN flow_item fl"
	    " ON fl.type = 'change' AND fl.item_id = c.id"
	    " WHERE c.member_id = ? AND fl.state <> 'cancelled'",
	[STMT_UNIT] = LIST_COLS " WHERE c.unit_id = ?"
	    " AND fl.state <> 'cancelled' ORDER BY c.id DESC LIMIT ? OFFSET ?",
	[STMT_UNIT_COUNT] =
	    "SELECT COUNT(*) FROM info_change c JOIN flow_item fl"
	    " ON fl.type = 'change' AND fl.item_id = c.id"
	    " WHERE c.unit_id = ? AND fl.state <> 'cancelled'",
};

static const struct db_table tab = { DBM_CHANGE_VIEW, sql, STMT__MAX };

#define COPY(dst, i) snprintf((dst), sizeof(dst), "%s", \
	db_col(r, (i)) ? db_col(r, (i)) : "")

/* A person from PERSON_COLS at column `col`. */
static void
person_from(struct db_res *r, int col, struct change_fields *f)
{
	memset(f, 0, sizeof(*f));
	COPY(f->name, col);
	f->id_type = (int)db_int(r, col + 1);
	COPY(f->id_number, col + 2);
	f->gender = db_col(r, col + 3) ? db_col(r, col + 3)[0] : 0;
	COPY(f->birth_date, col + 4);
	COPY(f->si_type, col + 5);
	COPY(f->si_card, col + 6);
	COPY(f->phone, col + 7);
}

int
change_current(struct db *db, int64_t member, struct change_fields *f,
    int64_t *unit, char unit_name[256])
{
	struct db_res *r;
	int rc;

	memset(f, 0, sizeof(*f));
	*unit = 0;
	unit_name[0] = '\0';
	if ((r = db_query(db, &tab, STMT_CURRENT, "i", member)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		person_from(r, 0, f);
		*unit = db_int(r, PERSON_NCOLS);
		snprintf(unit_name, 256, "%s", db_col(r, PERSON_NCOLS + 1));
	}
	db_done(r);
	return rc;
}

int
change_get(struct db *db, int64_t id, struct change *c)
{
	struct db_res *r;
	int rc, k = 5 + 2 * PERSON_NCOLS;

	memset(c, 0, sizeof(*c));
	if (id <= 0)
		return 0;
	if ((r = db_query(db, &tab, STMT_GET, "i", id)) == NULL)
		return -1;
	if ((rc = db_next(r)) == 1) {
		c->id = db_int(r, 0);
		COPY(c->no, 1);
		c->channel = strcmp(db_col(r, 2), "unit") == 0 ? CHG_UNIT :
		    CHG_MEMBER;
		c->member_id = db_int(r, 3);
		c->unit_id = db_int(r, 4);
		person_from(r, 5, &c->before);
		person_from(r, 5 + PERSON_NCOLS, &c->after);
		COPY(c->remark, k);
		COPY(c->unit_name, k + 1);
		COPY(c->created_at, k + 2);
	}
	db_done(r);
	if (rc == 1)
		rc = flow_get_item(db, &change_flow, id, &c->flow);
	return rc;
}

int
change_of_member(struct db *db, int64_t id, int64_t member, struct change *c)
{
	int rc;

	if ((rc = change_get(db, id, c)) != 1)
		return rc;
	return c->member_id == member;
}

int
change_of_agent(struct db *db, int64_t id, int64_t agent, struct change *c)
{
	enum refusal rf;
	int rc;

	if ((rc = change_get(db, id, c)) != 1)
		return rc;
	if ((rf = agent_may_aid(db, agent, c->unit_id)) == RF_DB)
		return -1;
	return rf == RF_OK;
}

int
change_file_of(struct db *db, const struct change *c, int64_t file,
    struct attachment *a)
{
	int rc;

	if (file <= 0)
		return 0;
	if ((rc = store_get(db, file, a)) != 1)
		return rc;
	return strcmp(a->owner_type, "change") == 0 && a->owner_id == c->id &&
	    a->kind == AK_CHANGE_PROOF;
}

int64_t
change_open_of(struct db *db, int64_t member)
{
	int found;
	int64_t id;

	id = db_one_int(db, &tab, STMT_OPEN, &found, "i", member);
	return id < 0 ? -1 : found ? id : 0;
}


static const char *
gender_label(char g)
{
	return g == 'M' ? "男" : g == 'F' ? "女" : "";
}

/* How a row's values are shown when the row does not change (SPEC §12:
 * numbers masked unless the task needs them; a change needs its own). */
enum shown { SHOW_AS_IS, SHOW_ID, SHOW_PHONE };

/* One row of the table: the field, its label, before and after. */
static void
row(xmlNodePtr rows, const char *field, const char *label,
    const char *before, const char *after, enum shown how)
{
	xmlNodePtr n = view_add(rows, "row", NULL);
	int changed = strcmp(before, after) != 0;
	char b[64], a[64];

	view_attr(n, "field", field);
	view_attr(n, "label", label);
	if (changed)
		view_attr(n, "changed", "1");
	else if (how == SHOW_ID) {
		before = mask_id(before, b);
		after = mask_id(after, a);
	} else if (how == SHOW_PHONE) {
		before = mask_phone(before, b);
		after = mask_phone(after, a);
	}
	view_add(n, "before", before);
	view_add(n, "after", after);
}

xmlNodePtr
change_view(struct db *db, const struct change *c,
    const struct flow_actor *by, xmlNodePtr parent)
{
	const struct change_fields *b = &c->before, *f = &c->after;
	const char *bt = id_type_label(b->id_type), *ft = id_type_label(f->id_type);
	xmlNodePtr n, rows, acts;
	unsigned can;

	n = flow_view_item(parent, "change", &c->flow);
	view_attr(n, "channel", c->channel == CHG_UNIT ? "unit" : "member");
	view_add(n, "no", c->no);
	view_add(n, "person", b->name);
	view_attrf(view_add(n, "unit", c->unit_name), "id", "%lld",
	    (long long)c->unit_id);
	view_add(n, "created", c->created_at);
	if (c->remark[0])
		view_add(n, "remark", c->remark);
	view_add(n, "filer", c->flow.filer_name);
	rows = view_add(n, "fields", NULL);
	row(rows, "unit_id", "参保单位", c->unit_name, c->unit_name,
	    SHOW_AS_IS);
	row(rows, "name", "姓名", b->name, f->name, SHOW_AS_IS);
	row(rows, "id_type", "证件类型", bt ? bt : "", ft ? ft : "",
	    SHOW_AS_IS);
	row(rows, "id_number", "证件号码", b->id_number, f->id_number,
	    SHOW_ID);
	row(rows, "birth_date", "出生日期", b->birth_date, f->birth_date,
	    SHOW_AS_IS);
	row(rows, "gender", "性别", gender_label(b->gender),
	    gender_label(f->gender), SHOW_AS_IS);
	row(rows, "si_type", "社保类型", b->si_type, f->si_type, SHOW_AS_IS);
	row(rows, "si_card", "社保卡号", b->si_card, f->si_card, SHOW_AS_IS);
	row(rows, "phone", "手机号", b->phone, f->phone, SHOW_PHONE);
	if (by) {
		can = flow_actions(db, &c->flow, by);
		acts = view_add(n, "actions", NULL);
		if (can & (1u << FA_SUBMIT)) {
			view_add(acts, "action", "edit");
			view_add(acts, "action", "submit");
		}
		if (can & (1u << FA_CANCEL))
			view_add(acts, "action", "delete");
	}
	if (!store_list(db, "change", c->id, n))
		return NULL;
	return n;
}

int
change_body(struct db *db, const struct flow_item *it, xmlNodePtr body)
{
	struct change c;

	return change_get(db, it->item_id, &c) == 1 &&
	    change_view(db, &c, NULL, body) != NULL;
}

static const struct view_col list_cols[] = {
	{ NULL, VK_INT, NULL, 0 },		/* id: flow_view_state's */
	{ NULL, VK_TEXT, NULL, 0 },		/* state: the same */
	{ "no", VK_TEXT, NULL, 0 },
	{ "person", VK_TEXT, NULL, 0 },
	{ "created", VK_TEXT, NULL, 0 },
	{ "@channel", VK_TEXT, NULL, 0 },
};

int
change_list_view(struct db *db, int64_t member, int64_t unit,
    const char *page, int per, xmlNodePtr parent)
{
	struct view_paging pg;
	struct db_res *r;
	xmlNodePtr list, n;
	int64_t rows = 0, who = member > 0 ? member : unit;
	int found;

	view_paging_init(&pg, page, per);
	pg.total = db_one_int(db, &tab, member > 0 ? STMT_MINE_COUNT :
	    STMT_UNIT_COUNT, &found, "i", who);
	r = pg.total < 0 ? NULL : db_query(db, &tab, member > 0 ? STMT_MINE :
	    STMT_UNIT, "iii", who, pg.per, view_paging_offset(&pg));
	if (r == NULL)
		return 0;
	list = view_add(parent, "changes", NULL);
	while ((found = db_next(r)) == 1) {
		rows++;
		n = flow_view_state(list, "change", &change_flow, db_int(r, 0),
		    db_col(r, 1));
		view_fill(n, list_cols, sizeof(list_cols) / sizeof(list_cols[0]),
		    r);
	}
	db_done(r);
	view_paging_attrs(list, &pg, rows);
	return found == 0;
}
