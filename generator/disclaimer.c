/* disclaimer.c: the mandatory medical disclaimer (see disclaimer.h). */
#include "disclaimer.h"

#include <libxml/xpath.h>
#include <string.h>

#define CLASS_MATCH(cls) "contains(concat(' ', normalize-space(@class), ' '), ' " cls " ')"

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

/* Evaluate an XPath expression over doc; the caller frees the result. */
static xmlXPathObjectPtr S_eval(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (!ctx)
        return NULL;
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    return res;
}

static size_t S_count(xmlXPathObjectPtr res)
{
    return res && res->nodesetval ? (size_t)res->nodesetval->nodeNr : 0;
}

size_t disclaimer_count(xmlDocPtr doc)
{
    xmlXPathObjectPtr res = S_eval(doc, "//aside[" CLASS_MATCH("medical-disclaimer") "]");
    size_t n = S_count(res);
    xmlXPathFreeObject(res);
    return n;
}

disclaimer_status disclaimer_inject(xmlDocPtr doc, const xmlNode *aside)
{
    if (disclaimer_count(doc) > 0)
        return DISCLAIMER_DUPLICATE;
    xmlXPathObjectPtr holders = S_eval(doc, "//div[@id='medical-disclaimer']");
    size_t n = S_count(holders);
    if (n > 1) {
        xmlXPathFreeObject(holders);
        return DISCLAIMER_DUPLICATE;
    }
    xmlNodePtr copy = xmlDocCopyNode((xmlNodePtr)aside, doc, 1);
    if (n == 1) {
        xmlNodePtr holder = holders->nodesetval->nodeTab[0];
        xmlXPathFreeObject(holders);
        xmlReplaceNode(holder, copy);
        xmlFreeNode(holder);
        return DISCLAIMER_OK;
    }
    xmlXPathFreeObject(holders);
    xmlXPathObjectPtr mains = S_eval(doc, "//main");
    if (S_count(mains) != 1) {
        xmlXPathFreeObject(mains);
        xmlFreeNode(copy);
        return DISCLAIMER_NO_PLACE;
    }
    xmlAddChild(mains->nodesetval->nodeTab[0], copy);
    xmlXPathFreeObject(mains);
    return DISCLAIMER_OK;
}
