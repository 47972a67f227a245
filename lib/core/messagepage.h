/*
 * messagepage.h -- 站内信 pages, the same on the member's (/m/) and the
 * agent's (/u/) portal: the list, one message, 全部已读.  Only the
 * signed-in recipient's own messages; another's id is answered 404.
 */
#ifndef HZ_MESSAGEPAGE_H
#define HZ_MESSAGEPAGE_H

struct req;

/* GET <portal>messages?page=N: the list (unread first, then newest, 20 a
 * page) rendered with stylesheet `sheet`.  Returns the status. */
int message_list_page(struct req *r, int sheet);

/* GET <portal>message?id=N: marks the message read and answers 303 to
 * the item it is about, or shows it with `sheet` when it has no link;
 * 404 when it is not the signed-in recipient's (nothing marked). */
int message_open_page(struct req *r, int sheet);

/* POST <portal>messages/read-all: 全部已读, then 303 to the list. */
int message_read_all_post(struct req *r);

#endif
