/*
 * message.c -- 站内信 on the agent's portal (/u/): the list and one
 * message (lib/core/messagepage.c, shared with the member's portal).
 */
#include "http.h"
#include "messagepage.h"
#include "pages.h"

int
messages_get(struct req *r)
{
	return message_list_page(r, SHEET_MESSAGES);
}

int
message_get(struct req *r)
{
	return message_open_page(r, SHEET_MESSAGES);
}
