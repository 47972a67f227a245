/*
 * view.h -- pages are XML documents transformed by stylesheets compiled
 * once at start-up.  User data only ever enters as text nodes and
 * attributes, so the serializer does all escaping.
 */
#ifndef HZ_VIEW_H
#define HZ_VIEW_H

#include <stdint.h>
#include <libxml/tree.h>

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

#endif
