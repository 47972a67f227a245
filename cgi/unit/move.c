/*
 * move.c -- 会籍变更 from the unit side: ask to take in a member of
 * another unit, follow the request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"
#include "audit.h"
#include "db.h"
#include "flows.h"
#include "form.h"
#include "http.h"
#include "mask.h"
#include "membership.h"
#include "pages.h"
#include "valid.h"
#include "view.h"

enum { MF_ID_TYPE, MF_ID_NUMBER, MF_REASON, MF__MAX };
static const struct field fields[MF__MAX] = {
	[MF_ID_TYPE] =   { "id_type", FK_ID_TYPE, 0, NULL },
	[MF_ID_NUMBER] = { "id_number", FK_ID_NUMBER, 0, NULL },
	[MF_REASON] =    { "reason", FK_TEXT, 1, NULL },
};

/* The unit's requests and the form to file one. */
static int
list_page(struct req *r, int64_t unit)
{
	struct db_res *res;
	xmlNodePtr list, it;
	char buf[64];

	if ((res = move_by_unit(r->db, unit)) == NULL || !units_add(r)) {
		db_done(res);
		return 500;
	}
	list = view_add(r->page, "moves", NULL);
	while (db_next(res) == 1) {
		it = flow_view_state(list, "move", &membership_flow,
		    db_int(res, 0), db_col(res, 1));
		view_add(it, "name", db_col(res, 2));
		view_add(it, "id-number", mask_id(db_col(res, 3), buf));
		view_add(it, "from", db_col(res, 4));
		view_add(it, "updated", db_col(res, 6));
	}
	db_done(res);
	r->sheet = SHEET_MOVE;
	return 200;
}

int
move_get_page(struct req *r)
{
	struct move m;
	xmlNodePtr n;
	char buf[64];
	int64_t unit;
	int st, aid;

	if (req_query(r, "id") == NULL) {
		if ((st = aid_unit(r, &unit)) != 0)
			return st;
		form_fill(r, "id_type", req_query(r, "id_type") ?
		    req_query(r, "id_type") : "1");
		form_fill(r, "id_number", req_query(r, "id_number"));
		return list_page(r, unit);
	}
	if ((st = move_get(r->db, req_id(r, "id"), &m)) < 0)
		return 500;
	if (st == 0 || (st = agent_role(r->db, r->sess.subject, m.to_unit,
	    &aid)) < 0)
		return st < 0 ? 500 : req_error_page(r, 404, "未找到该申请。");
	if (st == AGENT_NONE || !aid)
		return req_error_page(r, 404, "未找到该申请。");
	view_attrf(r->page, "unit", "%lld", (long long)m.to_unit);
	n = flow_view_item(r->page, "move", &m.flow);
	view_add(n, "name", m.member_name);
	view_add(n, "id-number", mask_id(m.id_number, buf));
	view_add(n, "from", m.from_name);
	view_add(n, "to", m.to_name);
	view_add(n, "reason", m.reason);
	if (!flow_timeline(r->db, &m.flow, n) || !units_add(r))
		return 500;
	r->sheet = SHEET_MOVE;
	return 200;
}

int
move_post(struct req *r)
{
	struct field_val v[MF__MAX];
	struct flow_actor by;
	enum refusal rf;
	char path[64];
	int64_t unit, id;
	int st;

	flow_actor_of(r, &by);
	if ((st = aid_unit(r, &unit)) != 0)
		return st;
	if (form_read(r, fields, MF__MAX, v) > 0)
		return list_page(r, unit);
	if ((rf = move_request(r->db, (int)v[MF_ID_TYPE].num, v[MF_ID_NUMBER].v,
	    unit, &by, v[MF_REASON].v, &id)) == RF_DB)
		return 500;
	if (rf != RF_OK) {
		form_error(r, "id_number", refusal_text(rf));
		return list_page(r, unit);
	}
	snprintf(path, sizeof(path), "/u/roster/move?id=%lld", (long long)id);
	return req_redirect(r, path);
}
