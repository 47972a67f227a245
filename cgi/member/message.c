/*
 * message.c -- 站内信 on the member's phone (/m/): the list and one
 * message (lib/core/messagepage.c, shared with the agent's portal).
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
