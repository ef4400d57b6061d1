/* disclaimer.c: the mandatory medical disclaimer (see disclaimer.h). */
#include "render/disclaimer.h"

#include <stdbool.h>
#include <string.h>

xmlNodePtr disclaimer_new(const xmlNode *content, const char *lang)
{
    xmlNodePtr aside = xmlNewNode(NULL, BAD_CAST "aside");
    xmlNewProp(aside, BAD_CAST "class", BAD_CAST "medical-disclaimer");
    xmlNewProp(aside, BAD_CAST "role", BAD_CAST "note");
    if (lang)
        xmlNewProp(aside, BAD_CAST "lang", BAD_CAST lang);
    for (const xmlNode *c = content ? content->children : NULL; c; c = c->next)
        xmlAddChild(aside, xmlDocCopyNode((xmlNodePtr)c, NULL, 1));
    return aside;
}

/* What a walk of a page finds: disclaimers, placeholders and <main> elements. */
typedef struct {
    size_t asides;         /* <aside class="... medical-disclaimer ..."> */
    xmlNodePtr holders[2]; /* <div id="medical-disclaimer">, the first two */
    size_t n_holders;
    xmlNodePtr mains[2];   /* <main>, the first two */
    size_t n_mains;
} S_found;

static bool S_named(const xmlNode *n, const char *name)
{
    return n->ns == NULL && strcmp((const char *)n->name, name) == 0;
}

/* True when the class attribute of n, split at XML white space, has the token cls. */
static bool S_has_class(const xmlNode *n, const char *cls)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST "class");
    bool found = false;
    size_t len = strlen(cls);
    for (const char *p = (const char *)v; p && *p && !found;) {
        p += strspn(p, " \t\r\n");
        size_t w = strcspn(p, " \t\r\n");
        found = w == len && memcmp(p, cls, len) == 0;
        p += w;
    }
    xmlFree(v);
    return found;
}

static bool S_has_id(const xmlNode *n, const char *id)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST "id");
    bool same = v && strcmp((const char *)v, id) == 0;
    xmlFree(v);
    return same;
}

/*
 * Walk every element of doc in document order, as the XPath expressions //aside,
 * //div and //main would (elements in no namespace), without building node-sets.
 */
static S_found S_walk(xmlDocPtr doc)
{
    S_found f = {0};
    xmlNodePtr n = xmlDocGetRootElement(doc);
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (S_named(n, "aside") && S_has_class(n, "medical-disclaimer"))
                f.asides++;
            else if (S_named(n, "div") && S_has_id(n, "medical-disclaimer")) {
                if (f.n_holders < 2)
                    f.holders[f.n_holders] = n;
                f.n_holders++;
            } else if (S_named(n, "main")) {
                if (f.n_mains < 2)
                    f.mains[f.n_mains] = n;
                f.n_mains++;
            }
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n)
            n = n->next;
    }
    return f;
}

size_t disclaimer_count(xmlDocPtr doc)
{
    return S_walk(doc).asides;
}

disclaimer_status disclaimer_inject(xmlDocPtr doc, const xmlNode *aside)
{
    S_found f = S_walk(doc);
    if (f.asides > 0 || f.n_holders > 1)
        return DISCLAIMER_DUPLICATE;
    if (f.n_holders == 0 && f.n_mains != 1)
        return DISCLAIMER_NO_PLACE;
    xmlNodePtr copy = xmlDocCopyNode((xmlNodePtr)aside, doc, 1);
    if (f.n_holders == 1) {
        xmlReplaceNode(f.holders[0], copy);
        xmlFreeNode(f.holders[0]);
    } else {
        xmlAddChild(f.mains[0], copy);
    }
    return DISCLAIMER_OK;
}
