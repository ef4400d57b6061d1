/*
 * pageutil.h: what the tests of page rendering share (test_page.c, test_templates.c): the
 * templates of a folder loaded without a message, and a sample disclaimer to inject.
 */
#ifndef SUTURE_PAGEUTIL_H
#define SUTURE_PAGEUTIL_H

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/diag.h"
#include "render/disclaimer.h"
#include "render/page.h"

/* The stylesheets of dir (page_templates_load), or NULL when loading them said anything. */
static inline page_templates *tu_templates_load(const char *dir)
{
    diag_list *diags = diag_list_new();
    page_templates *t = page_templates_load(dir, diags);
    size_t n = diag_count(diags);
    diag_list_free(diags);
    if (t && n) {
        page_templates_free(t);
        t = NULL;
    }
    return t;
}

/* A disclaimer aside (disclaimer_new) with one sentence, for page_render; free with
 * xmlFreeNode. */
static inline xmlNodePtr tu_sample_disclaimer(void)
{
    static const char content[] = "<div><p>General information, not medical advice.</p></div>";
    xmlDocPtr doc = xmlReadMemory(content, (int)sizeof content - 1, "d.xml", "UTF-8", 0);
    xmlNodePtr aside = disclaimer_new(xmlDocGetRootElement(doc), "ko");
    xmlFreeDoc(doc);
    return aside;
}

#endif /* SUTURE_PAGEUTIL_H */
