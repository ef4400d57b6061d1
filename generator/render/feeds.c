/* feeds.c: sitemap, Atom feed and robots.txt (see feeds.h). */
#define _GNU_SOURCE
#include "render/feeds.h"

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"

#define SITEMAP_NS "http://www.sitemaps.org/schemas/sitemap/0.9"
#define ATOM_NS "http://www.w3.org/2005/Atom"
#define XHTML_NS "http://www.w3.org/1999/xhtml"

static char *S_absolute(const config *cfg, const char *url)
{
    size_t base_len = strlen(cfg->base_path);
    const char *rest = strncmp(url, cfg->base_path, base_len) == 0 ? url + base_len : url;
    return xasprintf("%s%s", cfg->base_url, rest);
}

static char *S_dump(xmlDocPtr doc, size_t *len)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
    char *out = xstrndup((const char *)mem, (size_t)size);
    xmlFree(mem);
    *len = (size_t)size;
    return out;
}

static void S_text(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
    xmlNodePtr n = xmlNewChild(parent, ns, BAD_CAST name, NULL);
    xmlAddChild(n, xmlNewText(BAD_CAST text));
}

/*
 * The sitemap is written as a stream (libxml2's xmlTextWriter), not built as a tree: a
 * file of 50,000 URLs as a tree took 44 MB, the most memory a 100,000-article build held
 * at any moment.
 */
char *feeds_sitemap(const config *cfg, const feeds_page *pages, size_t n, size_t *len)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
    if (!buf || !w)
        out_of_memory();
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElementNS(w, NULL, BAD_CAST "urlset", BAD_CAST SITEMAP_NS);
    if (cfg->multilingual)
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xhtml", BAD_CAST XHTML_NS);
    for (size_t i = 0; i < n; i++) {
        xmlTextWriterStartElement(w, BAD_CAST "url");
        char *loc = S_absolute(cfg, pages[i].url);
        xmlTextWriterWriteElement(w, BAD_CAST "loc", BAD_CAST loc);
        free(loc);
        if (pages[i].lastmod) {
            char iso[16];
            date_format(pages[i].lastmod, iso, sizeof iso);
            xmlTextWriterWriteElement(w, BAD_CAST "lastmod", BAD_CAST iso);
        }
        for (size_t k = 0; cfg->multilingual && k < pages[i].n_alternates; k++) {
            const feeds_alternate *alt = &pages[i].alternates[k];
            char *href = S_absolute(cfg, alt->url);
            xmlTextWriterStartElement(w, BAD_CAST "xhtml:link");
            xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "alternate");
            xmlTextWriterWriteAttribute(w, BAD_CAST "hreflang", BAD_CAST alt->hreflang);
            xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href);
            xmlTextWriterEndElement(w);
            free(href);
        }
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    *len = (size_t)xmlBufferLength(buf);
    char *out = xstrndup((const char *)xmlBufferContent(buf), *len);
    xmlBufferFree(buf);
    return out;
}

/* A new document whose root element is name in the namespace ns_uri (*ns, for its children). */
static xmlDocPtr S_new_doc(const char *name, const char *ns_uri, xmlNsPtr *ns)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST name);
    *ns = xmlNewNs(root, BAD_CAST ns_uri, NULL);
    xmlSetNs(root, *ns);
    xmlDocSetRootElement(doc, root);
    return doc;
}

char *feeds_sitemap_index(const config *cfg, const char *const *files, size_t n,
                          size_t *len)
{
    xmlNsPtr ns;
    xmlDocPtr doc = S_new_doc("sitemapindex", SITEMAP_NS, &ns);
    xmlNodePtr index = xmlDocGetRootElement(doc);
    for (size_t i = 0; i < n; i++) {
        xmlNodePtr sitemap = xmlNewChild(index, ns, BAD_CAST "sitemap", NULL);
        char *loc = S_absolute(cfg, files[i]);
        S_text(sitemap, ns, "loc", loc);
        free(loc);
    }
    char *out = S_dump(doc, len);
    xmlFreeDoc(doc);
    return out;
}

char *feeds_atom(const config *cfg, const config_language *lang,
                 const article *const *articles, size_t n, size_t *len)
{
    xmlNsPtr ns;
    xmlDocPtr doc = S_new_doc("feed", ATOM_NS, &ns);
    xmlNodePtr feed = xmlDocGetRootElement(doc);
    char *home = S_absolute(cfg, lang->prefix);
    xmlNodeSetLang(feed, BAD_CAST lang->code);
    S_text(feed, ns, "id", home);
    S_text(feed, ns, "title", lang->title);
    S_text(feed, ns, "subtitle", lang->description);
    /* RFC 4287 4.2.15: updated is the last significant change: the newest review. */
    date_ymd newest = {1970, 1, 1};
    for (size_t i = 0; i < n; i++)
        if (date_compare(&articles[i]->fm->reviewed, &newest) > 0)
            newest = articles[i]->fm->reviewed;
    char iso[16], stamp[32];
    date_format(&newest, iso, sizeof iso);
    snprintf(stamp, sizeof stamp, "%sT00:00:00Z", iso);
    S_text(feed, ns, "updated", stamp);
    xmlNodePtr self = xmlNewChild(feed, ns, BAD_CAST "link", NULL);
    char *self_href = permalink(home, PERMALINK_FEED, NULL, 0);
    xmlNewProp(self, BAD_CAST "rel", BAD_CAST "self");
    xmlNewProp(self, BAD_CAST "href", BAD_CAST self_href);
    free(self_href);
    xmlNodePtr alt = xmlNewChild(feed, ns, BAD_CAST "link", NULL);
    xmlNewProp(alt, BAD_CAST "rel", BAD_CAST "alternate");
    xmlNewProp(alt, BAD_CAST "href", BAD_CAST home);
    free(home);
    /* RFC 4287 4.1.1: a feed without entry authors needs its own; the site speaks. */
    xmlNodePtr feed_author = xmlNewChild(feed, ns, BAD_CAST "author", NULL);
    S_text(feed_author, ns, "name", lang->title);
    xmlNodePtr gen = xmlNewChild(feed, ns, BAD_CAST "generator", NULL);
    xmlAddChild(gen, xmlNewText(BAD_CAST "suture"));
    for (size_t i = 0; i < n; i++) {
        const article *a = articles[i];
        xmlNodePtr entry = xmlNewChild(feed, ns, BAD_CAST "entry", NULL);
        if (strcmp(a->lang, lang->code) != 0)
            xmlNodeSetLang(entry, BAD_CAST a->lang);
        char *abs = S_absolute(cfg, a->url);
        S_text(entry, ns, "id", abs);
        S_text(entry, ns, "title", a->fm->title);
        xmlNodePtr link = xmlNewChild(entry, ns, BAD_CAST "link", NULL);
        xmlNewProp(link, BAD_CAST "rel", BAD_CAST "alternate");
        xmlNewProp(link, BAD_CAST "type", BAD_CAST "text/html");
        xmlNewProp(link, BAD_CAST "href", BAD_CAST abs);
        free(abs);
        date_format(&a->fm->date, iso, sizeof iso);
        snprintf(stamp, sizeof stamp, "%sT00:00:00Z", iso);
        S_text(entry, ns, "published", stamp);
        date_format(&a->fm->reviewed, iso, sizeof iso);
        snprintf(stamp, sizeof stamp, "%sT00:00:00Z", iso);
        S_text(entry, ns, "updated", stamp);
        S_text(entry, ns, "summary", a->fm->summary);
    }
    char *out = S_dump(doc, len);
    xmlFreeDoc(doc);
    return out;
}

char *feeds_robots(const config *cfg, size_t *len)
{
    char *s = xasprintf("User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n", cfg->base_url);
    *len = strlen(s);
    return s;
}
