/*
 * messagepage.c -- 站内信 pages of the member's and the agent's portal.
 */
#include <stdio.h>

#include "audit.h"
#include "http.h"
#include "message.h"
#include "messagepage.h"

int
message_list_page(struct req *r, int sheet)
{
	if (!message_page(r->db, r->sess.kind, r->sess.subject,
	    req_query(r, "page"), MESSAGE_PER_PAGE, r->page))
		return 500;
	r->sheet = sheet;
	return 200;
}

int
message_open_page(struct req *r, int sheet)
{
	char link[256];
	int rc, was_unread;

	rc = message_open(r->db, r->sess.kind, r->sess.subject,
	    req_id(r, "id"), link, sizeof(link), &was_unread, r->page);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return req_error_page(r, 404, "您访问的消息不存在。");
	/* The header's count was read with the session, before this. */
	if (was_unread && r->sess.unread > 0)
		r->sess.unread--;
	if (link[0] != '\0')
		return req_redirect(r, link);
	r->sheet = sheet;
	return 200;
}

int
message_read_all_post(struct req *r)
{
	struct actor a = actor_of(r);
	char to[32];

	if (message_read_all(r->db, &a) < 0)
		return 500;
	snprintf(to, sizeof(to), "%smessages", r->app->prefix);
	return req_redirect(r, to);
}
