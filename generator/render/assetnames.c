/* assetnames.c: fingerprinted names for style sheets and scripts (see assetnames.h). */
#include "render/assetnames.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/fingerprint.h"

bool assetnames_fingerprinted(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".css") == 0) ||
           (n > 3 && strcmp(name + n - 3, ".js") == 0);
}

char *assetnames_name(const char *name, const char *data, size_t len)
{
    fingerprint *f = fingerprint_new();
    fingerprint_bytes(f, data, len);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    char hex[33];
    fingerprint_hex(&d, hex);
    const char *dot = strrchr(name, '.');
    size_t stem = dot ? (size_t)(dot - name) : strlen(name);
    return xasprintf("%.*s.%.*s%s", (int)stem, name, ASSETNAMES_HASH_DIGITS, hex,
                     dot ? dot : "");
}

/* The fingerprinted URL of url, or NULL when urls does not rename it. */
static const char *S_renamed(const strlist *urls, const char *url)
{
    for (size_t i = 0; i + 1 < urls->len; i += 2)
        if (strcmp(urls->items[i], url) == 0)
            return urls->items[i + 1];
    return NULL;
}

/* The href and src of element el and of every element under it, renamed by urls. */
static void S_rewrite(xmlNodePtr el, const strlist *urls)
{
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        if (a->ns ||
            !(xmlStrEqual(a->name, BAD_CAST "href") || xmlStrEqual(a->name, BAD_CAST "src")))
            continue;
        xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
        const char *to = value ? S_renamed(urls, (const char *)value) : NULL;
        if (to) /* the attribute keeps its place; only its value changes */
            xmlSetProp(el, a->name, BAD_CAST to);
        xmlFree(value);
    }
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            S_rewrite(n, urls);
}

void assetnames_rewrite(xmlNodePtr root, const strlist *urls)
{
    if (root && root->type == XML_ELEMENT_NODE && urls && urls->len >= 2)
        S_rewrite(root, urls);
}
