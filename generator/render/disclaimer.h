/*
 * disclaimer.h: the medical disclaimer that suture itself puts on every page, after the
 * template has run, so no template or editor can drop it (SPEC.md, "The disclaimer").
 *
 * The disclaimer is <aside class="medical-disclaimer" role="note"> holding site.yaml's
 * disclaimer text. It replaces the template's <div id="medical-disclaimer"/> placeholder,
 * or, without one, becomes the last child of <main>.
 */
#ifndef SUTURE_DISCLAIMER_H
#define SUTURE_DISCLAIMER_H

#include <libxml/tree.h>
#include <stddef.h>

typedef enum disclaimer_status {
    DISCLAIMER_OK = 0,
    /* The page has no placeholder and not exactly one <main>: the template must be fixed. */
    DISCLAIMER_NO_PLACE,
    /* The page already had a disclaimer aside, or two placeholders: the template wrote what
     * only suture may write. */
    DISCLAIMER_DUPLICATE,
} disclaimer_status;

/*
 * Build the aside from the rendered disclaimer: content is an element whose children (the
 * disclaimer's paragraphs) are copied. lang, when not NULL, is set on the aside. The caller
 * owns the returned, unlinked element (xmlFreeNode).
 */
xmlNodePtr disclaimer_new(const xmlNode *content, const char *lang);

/*
 * Put a copy of aside into the HTML page doc as described above. Returns DISCLAIMER_OK,
 * or the reason it could not, leaving the page without a disclaimer.
 */
disclaimer_status disclaimer_inject(xmlDocPtr doc, const xmlNode *aside);

/* The number of <aside> elements whose class list includes medical-disclaimer. */
size_t disclaimer_count(xmlDocPtr doc);

#endif
