/*
 * changeview.c -- 个人信息变更 as the pages show it: the detail with its
 * before / after table (变更详情), the lists, the review desk's body.
 */
#include <stdio.h>
#include <string.h>

#include "change.h"
#include "db.h"
#include "kind.h"
#include "store.h"
#include "valid.h"
#include "view.h"

enum stmt {
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

static const char *
gender_label(char g)
{
	return g == 'M' ? "男" : g == 'F' ? "女" : "";
}

/* One row of the table: the field, its label, before and after. */
static void
row(xmlNodePtr rows, const char *field, const char *label,
    const char *before, const char *after)
{
	xmlNodePtr n = view_add(rows, "row", NULL);

	view_attr(n, "field", field);
	view_attr(n, "label", label);
	if (strcmp(before, after) != 0)
		view_attr(n, "changed", "1");
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
	row(rows, "unit_id", "参保单位", c->unit_name, c->unit_name);
	row(rows, "name", "姓名", b->name, f->name);
	row(rows, "id_type", "证件类型", bt ? bt : "", ft ? ft : "");
	row(rows, "id_number", "证件号码", b->id_number, f->id_number);
	row(rows, "birth_date", "出生日期", b->birth_date, f->birth_date);
	row(rows, "gender", "性别", gender_label(b->gender),
	    gender_label(f->gender));
	row(rows, "si_type", "社保类型", b->si_type, f->si_type);
	row(rows, "si_card", "社保卡号", b->si_card, f->si_card);
	row(rows, "phone", "手机号", b->phone, f->phone);
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
