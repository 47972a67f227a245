/*
 * htmlout.h -- serialize an XSLT result document as its HTML output method
 * does (libxml2's htmlDocContentDumpFormatOutput without indentation),
 * byte for byte, in a fraction of the time.
 */
#ifndef HZ_HTMLOUT_H
#define HZ_HTMLOUT_H

#include <libxml/tree.h>

/*
 * htmlout_doc: write the HTML document `doc` (after htmlSetMetaEncoding,
 * as xsltSaveResultTo does) to a new string.  Returns 1 with *out (free
 * with xmlFree) and *len; 0 when the tree holds something this does not
 * handle (namespaces, entity references in attributes...): serialize it
 * with libxml2 then; -1 when out of memory.
 */
int htmlout_doc(xmlDocPtr doc, xmlChar **out, int *len);

#endif
