/*
 * view.h -- pages are XML documents transformed by stylesheets compiled
 * once at start-up.  User data only ever enters as text nodes and
 * attributes, so the serializer does all escaping.
 */
#ifndef HZ_VIEW_H
#define HZ_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

struct db_res;

/*
 * view_init: compile `n` stylesheets named relative to dir (e.g.
 * "member/bind.xsl").  Returns 1, or 0 after logging which one failed.
 */
int view_init(const char *dir, const char *const *sheets, size_t n);

/*
 * view_render: transform doc with stylesheet `sheet` under security
 * preferences that forbid reading or writing files and the network.
 * Returns 1 with *out (free with xmlFree) and *len, 0 on failure.
 */
int view_render(int sheet, xmlDocPtr doc, xmlChar **out, int *len);

/* view_render_file: one-off render with a stylesheet file (tests). */
int view_render_file(const char *path, xmlDocPtr doc, xmlChar **out, int *len);

/* Building the document.  Each returns the new node (owned by the doc). */
xmlNodePtr view_add(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr view_addf(xmlNodePtr parent, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void view_attr(xmlNodePtr node, const char *name, const char *value);
void view_attrf(xmlNodePtr node, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* <name fen="832304">8,323.04</name> */
xmlNodePtr view_money(xmlNodePtr parent, const char *name, int64_t fen);

/*
 * view_field: <field name=".." value=".." error=".."/> under `form`: how a
 * handler hands a form back with the user's input and a message per field.
 */
xmlNodePtr view_field(xmlNodePtr form, const char *name, const char *value,
    const char *error);

/*
 * Rows to the view in one call (openradtool generates the like for its
 * structures): each query that feeds a page has a column table, one entry
 * per selected column in order, saying where the value goes and how it is
 * shown.  Handlers no longer copy columns one by one, and masking and
 * money formatting happen in one place.
 */
enum view_kind {
	VK_TEXT,	/* as stored */
	VK_INT,		/* an integer, in canonical decimal */
	VK_MONEY,	/* fen: <x fen="832304">8,323.04</x> (an attribute
			 * gets "8,323.04") */
	VK_DATE,	/* a DATE or DATETIME as "YYYY-MM-DD" */
	VK_TIME,	/* a DATETIME to the minute, "YYYY-MM-DD HH:MM" */
	VK_ID,		/* an ID number, masked: 4501**********1234 */
	VK_PHONE,	/* a phone number, masked: 138****8000 */
	VK_CARD,	/* a bank card, masked: 6228 **** **** 4171 */
	VK_STATE,	/* an integer shown by its name, names[value]:
			 * states travel by name, never as numbers */
	VK_FLAG,	/* "1" when the integer is not 0, else nothing (an
			 * attribute a stylesheet tests for) */
	VK__MAX
};

/*
 * One column of a result.  `name` is the child element to add ("birth"),
 * an attribute of the row's element ("@id"), the row element's own text
 * ("."), or NULL to leave the column out.  SQL NULL gives an empty child
 * element, and no attribute or text.  A value VK_STATE cannot name (out
 * of range, or a NULL entry) is treated as NULL.
 */
struct view_col {
	const char		*name;
	enum view_kind		 kind;
	const char *const	*names;		/* VK_STATE: the names */
	size_t			 nnames;	/* VK_STATE: how many */
};

/*
 * view_fill: put the current row of `res` into `node` as its column
 * table cols[0..n) says (n at most the result's columns).  Returns node.
 * view_row: the same into a new <elem> under `parent`; returns it.
 */
xmlNodePtr view_fill(xmlNodePtr node, const struct view_col *cols, size_t n,
    struct db_res *res);
xmlNodePtr view_row(xmlNodePtr parent, const char *elem,
    const struct view_col *cols, size_t n, struct db_res *res);

/* A list page's place: page `page` (from 1) of `per` rows out of `total`. */
struct view_paging {
	int64_t		 page;
	int64_t		 per;
	int64_t		 total;
};

/*
 * view_paging_init: page number from the query text `page` (absent, bad
 * or < 1: page 1), `per` rows a page, total unknown (0).  The offset of
 * its first row is view_paging_offset().
 */
void view_paging_init(struct view_paging *pg, const char *page, int64_t per);
int64_t view_paging_offset(const struct view_paging *pg);

/*
 * view_rows: every remaining row of `res` as an <elem> under `list`
 * (view_row); with `pg`, `list` also gets total="" page="" pages=""
 * per="" from="" to="" (from/to: the rows shown, 1-based, 0 when none).
 * Returns the number of rows added, or -1 when reading the result failed
 * (the rows read so far stay).  The caller still db_done()s res.
 */
int64_t view_rows(xmlNodePtr list, const char *elem,
    const struct view_col *cols, size_t n, struct db_res *res,
    const struct view_paging *pg);

/* view_paging_attrs: those paging attributes on `list` for `rows` rows
 * shown, for a list a handler builds row by row (rows with children). */
void view_paging_attrs(xmlNodePtr list, const struct view_paging *pg,
    int64_t rows);

#endif
