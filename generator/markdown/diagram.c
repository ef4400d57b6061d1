/* diagram.c: an SVG diagram inline in an article, as a figure (see diagram.h). */
#define _GNU_SOURCE
#include "markdown/diagram.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/str.h"

/* value with every url(#x) made url(#ID-x) (quotes and spaces inside kept); caller frees. */
static char *S_prefix_urls(const char *value, const char *id)
{
    strbuf b = STRBUF_INIT;
    const char *p = value, *u;
    while ((u = strcasestr(p, "url("))) {
        const char *q = u + 4;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '"' || *q == '\'')
            q++;
        if (*q == '#') {
            strbuf_append(&b, p, (size_t)(q + 1 - p));
            strbuf_printf(&b, "%s-", id);
        } else {
            strbuf_append(&b, p, (size_t)(q - p));
        }
        p = *q == '#' ? q + 1 : q;
    }
    strbuf_puts(&b, p);
    return strbuf_detach(&b);
}

/* Give every id of the tree under el the prefix id, and point its references along. */
static void S_prefix_ids(xmlNodePtr el, const char *id)
{
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        xmlChar *raw = xmlNodeGetContent((xmlNodePtr)a);
        const char *value = raw ? (const char *)raw : "";
        char *changed = NULL;
        if (xmlStrEqual(a->name, BAD_CAST "id") && !a->ns)
            changed = xasprintf("%s-%s", id, value);
        else if (xmlStrEqual(a->name, BAD_CAST "href") &&
                 value[strspn(value, " \t\r\n")] == '#') /* browsers skip the spaces */
            changed = xasprintf("#%s-%s", id, value + strspn(value, " \t\r\n") + 1);
        else if (strcasestr(value, "url("))
            changed = S_prefix_urls(value, id);
        if (changed) /* as text: xmlNodeSetContent would read '&' as an entity */
            xmlSetNsProp(el, a->ns, a->name, BAD_CAST changed);
        free(changed);
        xmlFree(raw);
    }
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            S_prefix_ids(n, id);
}

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
    S_prefix_ids(copy, id);
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
