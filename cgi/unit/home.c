/*
 * home.c -- the agent's home: the units they serve and their rights, and
 * the latest station messages (办件 decisions, 绑定 changes).
 */
#include "http.h"
#include "message.h"
#include "pages.h"
#include "view.h"

int
home_get(struct req *r)
{
	if (!units_add(r) ||
	    !message_list(r->db, SESS_AGENT, r->sess.subject, 10, r->page))
		return 500;
	r->sheet = SHEET_HOME;
	return 200;
}
