/*
 * desk.c -- the review desk: one queue across every business type, one
 * review page shell to which a type adds only its body (flow hooks), the
 * decision with 常用退回意见, and the materials' downloads.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "files.h"
#include "flows.h"
#include "form.h"
#include "http.h"
#include "org.h"
#include "pages.h"
#include "store.h"
#include "valid.h"
#include "view.h"

/* 审核意见, typed or picked from 常用退回意见 (the pick counts when
 * nothing was typed, for a browser without scripts). */
enum { RF_REASON, RF_PICK, RF__FIELDS };
static const struct field reason_fields[RF__FIELDS] = {
	[RF_REASON] = { "reason", FK_NOTE, 1, NULL },
	[RF_PICK] =   { "pick", FK_NOTE, 1, NULL },
};
const struct field reason_field = { "reason", FK_NOTE, 1, NULL };

/* The filter bar's choices: every type, the districts. */
static int
queue_choices(struct req *r)
{
	const struct flow_type *const *t;
	xmlNodePtr types = view_add(r->page, "types", NULL), n;

	for (t = flow_types; *t; t++) {
		n = view_add(types, "type", (*t)->label);
		view_attr(n, "name", (*t)->name);
	}
	return org_districts_view(r->db, r->page);
}

/* A date filter of the query: "YYYY-MM-DD" into out, or "" (echoed). */
static const char *
query_date(struct req *r, const char *key, char out[11])
{
	const char *in = req_query(r, key), *why;

	if (in == NULL || !valid_date(in, out, &why))
		out[0] = '\0';
	view_attr(form_node(r), key, out);
	return out;
}

/* 待办审核: what the user's roles may act on now, oldest first. */
int
queue_get(struct req *r)
{
	const struct flow_type *type = flow_type_named(req_query(r, "type"));
	struct flow_filter f;
	char from[11], to[11];

	f = (struct flow_filter){ type ? type->name : "", req_id(r, "unit"),
	    req_id(r, "district"), query_date(r, "from", from),
	    query_date(r, "to", to), (int)req_id(r, "page"), 20 };
	view_attr(form_node(r), "type", f.type);
	view_attrf(form_node(r), "district", "%lld", (long long)f.district);
	view_attrf(form_node(r), "unit", "%lld", (long long)f.unit);
	if (!flow_queue(r->db, flow_types, r->sess.roles, &f, r->page) ||
	    !queue_choices(r))
		return 500;
	r->sheet = SHEET_QUEUE;
	return 200;
}

/*
 * The review page of item (type, id): the shell, the type's body, the
 * decision form when the user may decide now.  Drafts are the filer's
 * alone: 404.
 */
int
desk_page(struct req *r, const struct flow_type *type, int64_t id)
{
	struct flow_actor by;
	struct flow_item it;
	xmlNodePtr n;
	unsigned can;
	int rc;

	/* Only roles that review the type (and admin) see its items, and
	 * only once filed: a draft is its filer's alone. */
	if (type == NULL || !(r->sess.roles & (flow_type_roles(type) |
	    ROLE_ADMIN)) || (rc = flow_get_item(r->db, type, id, &it)) == 0 ||
	    (rc == 1 && !flow_may_see(&it, r->sess.roles)))
		return req_error_page(r, 404, "未找到该办件。");
	if (rc < 0)
		return 500;
	flow_actor_of(r, &by);
	n = flow_view_item(r->page, "item", &it);
	view_add(n, "title", it.title);
	view_add(n, "filer", it.filer_name);
	view_add(n, "submitted", it.submitted_at);
	if (!type->hooks->body(r->db, &it, view_add(n, "body", NULL)) ||
	    !store_list(r->db, type->name, id, n) ||
	    !flow_timeline(r->db, &it, n))
		return 500;
	can = flow_actions(r->db, &it, &by) & (1u << FA_APPROVE | 1u << FA_RETURN);
	if (can) {
		view_attrf(n, "decide", "%u", can);
		if (!flow_reasons_view(r->db, type, n))
			return 500;
	}
	if (req_query(r, "done"))
		form_message(r, "已办理。", "ok");
	r->sheet = SHEET_REVIEW;
	return 200;
}

/* A decision: 通过 or 退回 with a reason. */
static int
desk_decide(struct req *r, const struct flow_type *type)
{
	struct flow_actor by;
	struct field_val v[RF__FIELDS];
	enum refusal rf;
	int64_t id = req_id(r, "id");
	char path[96];

	if (type == NULL)
		return req_error_page(r, 404, "未找到该办件。");
	if (form_read(r, reason_fields, RF__FIELDS, v) > 0)
		return desk_page(r, type, id);
	flow_actor_of(r, &by);
	rf = flow_step_once(r->db, type, id, flow_action_parse(req_form(r,
	    "decision")), &by, *v[RF_REASON].v ? v[RF_REASON].v : v[RF_PICK].v);
	if (rf == RF_DB)
		return 500;
	if (rf == RF_NOT_FOUND)
		return req_error_page(r, 404, "未找到该办件。");
	if (rf != RF_OK) {
		form_refuse(r, rf, NULL);	/* names the person, if it says */
		return desk_page(r, type, id);
	}
	snprintf(path, sizeof(path), "/o/review?type=%s&id=%lld&done=1",
	    type->name, (long long)id);
	return req_redirect(r, path);
}

int
review_get(struct req *r)
{
	return desk_page(r, flow_type_named(req_query(r, "type")),
	    req_id(r, "id"));
}

int
review_post(struct req *r)
{
	return desk_decide(r, flow_type_named(req_form(r, "type")));
}

/* The addresses of the pages each type had before the desk. */
int orgapp_review_get(struct req *r)
{ return desk_page(r, &orgapp_flow, req_id(r, "id")); }
int orgapp_decide_post(struct req *r) { return desk_decide(r, &orgapp_flow); }
int transfer_review_get(struct req *r)
{ return desk_page(r, &transfer_flow, req_id(r, "id")); }
int transfer_decide_post(struct req *r) { return desk_decide(r, &transfer_flow); }
int move_review_get(struct req *r)
{ return desk_page(r, &membership_flow, req_id(r, "id")); }
int move_decide_post(struct req *r) { return desk_decide(r, &membership_flow); }

/* 常用退回意见 of every type, for admin to edit. */
int
reasons_get(struct req *r)
{
	const struct flow_type *const *t;

	for (t = flow_types; *t; t++)
		if (!flow_reasons_view(r->db, *t, r->page))
			return 500;
	r->sheet = SHEET_REASONS;
	return 200;
}

/* Free Chinese text: its punctuation (，：) is kept as typed. */
static const struct field reason_text_field = { "text", FK_NOTE, 0, NULL };

int
reasons_post(struct req *r)
{
	const struct flow_type *type = flow_type_named(req_form(r, "type"));
	struct flow_actor by;
	struct field_val v;

	if (type == NULL)
		return req_error_page(r, 404, "未找到该业务类型。");
	flow_actor_of(r, &by);
	if (*req_form(r, "remove")) {
		if (!flow_reason_remove(r->db, type, req_id(r, "remove"), &by))
			return 500;
	} else if (form_read(r, &reason_text_field, 1, &v) > 0) {
		form_message(r, v.err, "error");
		return reasons_get(r);
	}
	else if (!flow_reason_add(r->db, type, v.v, &by))
		return 500;
	return req_redirect(r, "/o/reasons");
}

/*
 * Materials: only those of items the viewer's roles review (lib/files.c);
 * any other id is answered 404.  Each view is audited.  ?inline=1 shows an
 * image or a PDF in the page rather than downloading it.
 */
int
file_get(struct req *r)
{
	struct attachment f;
	int rc;

	if ((rc = file_for_office(r->db, req_id(r, "id"), r->sess.roles, &f))
	    < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "未找到该文件。");
	if (!audit_req(r, "file.view", f.owner_type, f.owner_id, f.filename))
		return 500;
	return req_query(r, "inline") ? store_show(r, &f) : store_send(r, &f);
}
