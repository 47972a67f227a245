/*
 * htmlclean.h -- the safe subset of HTML an editor may write (公告、资讯、
 * 协议文本): paragraphs, line breaks, bold, lists, links to http(s) or
 * relative addresses, and images the caller approves (uploaded ones).
 *
 * The input is parsed with libxml2's HTML parser (no network, no
 * entities fetched) and a new tree is built from the whitelist only:
 * every other element is unwrapped (its text kept) or, for script, style,
 * iframe and their kind, dropped with its content; every attribute but
 * a@href and img@src/@alt is dropped.  The stored text is the cleaned
 * tree; pages copy the cleaned tree into the view, never the raw input.
 */
#ifndef HZ_HTMLCLEAN_H
#define HZ_HTMLCLEAN_H

#include <stddef.h>
#include <libxml/tree.h>

/*
 * An image's address: the callback gets the src as written and writes
 * the address to keep into out (size n); it returns 1 to keep the image,
 * 0 to drop it.  NULL: no image is kept.
 */
typedef int (*html_img_fn)(const char *src, char *out, size_t n, void *arg);

/*
 * html_clean_into: clean `in` (len bytes of UTF-8 HTML, a fragment or a
 * whole page) and add the result as children of `parent` (in parent's
 * document).  Returns the number of top-level nodes added, or -1 when
 * the input could not be parsed at all (nothing added).
 */
int html_clean_into(const char *in, size_t len, xmlNodePtr parent,
    html_img_fn img, void *arg);

/*
 * html_clean: the same, serialised as XML text (the stored form; feeding
 * it back gives the same text).  Returns a malloc'd NUL-terminated string
 * (free() it; "" when nothing is left), or NULL on a memory failure.
 */
char *html_clean(const char *in, size_t len, html_img_fn img, void *arg);

/* html_href_ok: whether a link address is allowed: http:// or https://,
 * or relative (no scheme, not "//host"), with no spaces or controls. */
int html_href_ok(const char *href);

#endif
