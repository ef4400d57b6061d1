/* diagram.c: an SVG diagram inline in an article, as a figure (see diagram.h). */
#define _GNU_SOURCE
#include "markdown/diagram.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/str.h"
#include "markdown/markdown.h"

/* The first element child of el named name, or NULL. */
static xmlNodePtr S_child_named(xmlNodePtr el, const char *name)
{
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

/* Set the id of el (when there is one) to ID-suffix, and return it; caller frees. */
static char *S_own_id(xmlNodePtr el, const char *id, const char *suffix)
{
    char *value = xasprintf("%s-%s", id, suffix);
    if (el)
        xmlSetProp(el, BAD_CAST "id", BAD_CAST value);
    return value;
}

xmlNodePtr diagram_render(const xmlNode *svg, const char *id, const char *alt,
                          const char *caption)
{
    xmlNodePtr figure = xmlNewNode(NULL, BAD_CAST "figure");
    xmlNewProp(figure, BAD_CAST "class", BAD_CAST "diagram");
    xmlNodePtr copy = xmlDocCopyNode((xmlNodePtr)svg, NULL, 1);
    xmlAddChild(figure, copy);
    char *prefix = xasprintf("%s-", id);
    markdown_prefix_ids(copy, prefix);
    free(prefix);
    xmlUnsetProp(copy, BAD_CAST "width");
    xmlUnsetProp(copy, BAD_CAST "height");
    char *title = S_own_id(S_child_named(copy, "title"), id, "title");
    char *desc = S_own_id(S_child_named(copy, "desc"), id, "desc");
    xmlSetProp(copy, BAD_CAST "role", BAD_CAST "img");
    xmlSetProp(copy, BAD_CAST "aria-labelledby", BAD_CAST title);
    xmlSetProp(copy, BAD_CAST "aria-describedby", BAD_CAST desc);
    free(title);
    free(desc);
    xmlNodePtr cap = xmlNewChild(figure, NULL, BAD_CAST "figcaption", NULL);
    xmlNodePtr p = xmlNewChild(cap, NULL, BAD_CAST "p", NULL);
    xmlNewProp(p, BAD_CAST "class", BAD_CAST "diagram-caption");
    xmlAddChild(p, xmlNewText(BAD_CAST caption));
    p = xmlNewChild(cap, NULL, BAD_CAST "p", NULL);
    xmlNewProp(p, BAD_CAST "class", BAD_CAST "diagram-text");
    xmlAddChild(p, xmlNewText(BAD_CAST alt));
    return figure;
}
