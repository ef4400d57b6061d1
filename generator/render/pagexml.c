/* pagexml.c: the page XML for templates (see pagexml.h). */
#define _GNU_SOURCE
#include "render/pagexml.h"

#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/permalink.h"
#include "render/datetext.h"
#include "render/jsonld.h"

#ifndef SUTURE_VERSION
#define SUTURE_VERSION "0.1.0"
#endif

/* A table of contents appears from this many second-level sections on (issue 2). */
#define TOC_MIN_SECTIONS 3

const char *pagexml_direction(const char *lang)
{
    static const char *const rtl[] = {"ar", "he", "fa", "ur", NULL};
    for (size_t i = 0; rtl[i]; i++)
        if (slug_language_in(lang, rtl[i]))
            return "rtl";
    return "ltr";
}

xmlNodePtr pagexml_text(xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr n = xmlNewNode(NULL, BAD_CAST name);
    if (text)
        xmlAddChild(n, xmlNewText(BAD_CAST text));
    xmlAddChild(parent, n);
    return n;
}

xmlNodePtr pagexml_date(xmlNodePtr parent, const char *name, const date_ymd *date,
                        const config_language *lang)
{
    char iso[16], buf[8];
    date_format(date, iso, sizeof iso);
    xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
    xmlNewProp(n, BAD_CAST "iso", BAD_CAST iso);
    snprintf(buf, sizeof buf, "%d", date->year);
    xmlNewProp(n, BAD_CAST "year", BAD_CAST buf);
    snprintf(buf, sizeof buf, "%d", date->month);
    xmlNewProp(n, BAD_CAST "month", BAD_CAST buf);
    snprintf(buf, sizeof buf, "%d", date->day);
    xmlNewProp(n, BAD_CAST "day", BAD_CAST buf);
    /* Without a date_format the templates write the date as strings.xml says for the
     * language ("10 November 2026", "2026년 11월 10일"). */
    if (lang && lang->date_format) {
        char text[128];
        datetext_format(lang->code, lang->date_format, date, text, sizeof text);
        xmlNewProp(n, BAD_CAST "text", BAD_CAST text);
    }
    return n;
}

static void S_site(xmlNodePtr page, const config *cfg, const char *lang,
                   const size_t *topic_counts)
{
    const config_language *L = config_language_for(cfg, lang);
    xmlNodePtr site = xmlNewChild(page, NULL, BAD_CAST "site", NULL);
    pagexml_text(site, "title", L->title);
    pagexml_text(site, "description", L->description);
    pagexml_text(site, "base-url", cfg->base_url);
    /* The language's own root: its home, its topics, its compare page... */
    const char *root = L->prefix;
    pagexml_text(site, "root", root);
    char *assets = permalink(cfg->base_path, PERMALINK_ASSETS, NULL, 0);
    pagexml_text(site, "assets", assets);
    free(assets);
    xmlNodePtr topics = xmlNewChild(site, NULL, BAD_CAST "topics", NULL);
    for (size_t i = 0; i < cfg->n_topics; i++) {
        const config_topic *t = &cfg->topics[i];
        xmlNodePtr topic = xmlNewChild(topics, NULL, BAD_CAST "topic", NULL);
        xmlNewProp(topic, BAD_CAST "id", BAD_CAST t->id);
        char *href = permalink(root, PERMALINK_TOPIC, t->id, 1);
        xmlNewProp(topic, BAD_CAST "href", BAD_CAST href);
        free(href);
        char count[24];
        snprintf(count, sizeof count, "%zu", topic_counts ? topic_counts[i] : (size_t)0);
        xmlNewProp(topic, BAD_CAST "count", BAD_CAST count);
        pagexml_text(topic, "title", config_text(cfg, &t->title, lang));
        pagexml_text(topic, "description", config_text(cfg, &t->description, lang));
    }
    xmlNodePtr links = xmlNewChild(site, NULL, BAD_CAST "links", NULL);
    char *compare = permalink(root, PERMALINK_COMPARE, NULL, 0);
    char *glossary = permalink(root, PERMALINK_GLOSSARY, NULL, 0);
    char *feed = permalink(root, PERMALINK_FEED, NULL, 0);
    char *search = permalink(root, PERMALINK_SEARCH, NULL, 0);
    xmlNewProp(links, BAD_CAST "compare", BAD_CAST compare);
    xmlNewProp(links, BAD_CAST "glossary", BAD_CAST glossary);
    xmlNewProp(links, BAD_CAST "feed", BAD_CAST feed);
    xmlNewProp(links, BAD_CAST "search", BAD_CAST search);
    free(compare);
    free(glossary);
    free(feed);
    free(search);
}

xmlDocPtr pagexml_new(const config *cfg, page_kind kind, const char *lang,
                      const char *url, const char *title, const char *description,
                      const size_t *topic_counts)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr page = xmlNewNode(NULL, BAD_CAST "page");
    xmlDocSetRootElement(doc, page);
    xmlNewProp(page, BAD_CAST "kind", BAD_CAST page_kind_name(kind));
    xmlNewProp(page, BAD_CAST "lang", BAD_CAST lang);
    xmlNewProp(page, BAD_CAST "dir", BAD_CAST pagexml_direction(lang));
    xmlNewProp(page, BAD_CAST "generator", BAD_CAST "suture " SUTURE_VERSION);
    S_site(page, cfg, lang, topic_counts);
    pagexml_text(page, "url", url);
    char *canonical = pagexml_absolute(cfg, url);
    pagexml_text(page, "canonical", canonical);
    free(canonical);
    pagexml_text(page, "title", title);
    pagexml_text(page, "description", description);
    return doc;
}

char *pagexml_absolute(const config *cfg, const char *url)
{
    /* base_url with the page's path below the base path. */
    size_t base_len = strlen(cfg->base_path);
    const char *rest = strncmp(url, cfg->base_path, base_len) == 0 ? url + base_len : url;
    return xasprintf("%s%s", cfg->base_url, rest);
}

/* Set href and absolute on n for the site path url. */
static void S_hrefs(xmlNodePtr n, const config *cfg, const char *url)
{
    xmlNewProp(n, BAD_CAST "href", BAD_CAST url);
    char *abs = pagexml_absolute(cfg, url);
    xmlNewProp(n, BAD_CAST "absolute", BAD_CAST abs);
    free(abs);
}

void pagexml_languages(xmlNodePtr page, const config *cfg, size_t current,
                       const char *const *hrefs)
{
    if (!cfg->multilingual)
        return;
    xmlNodePtr site = page->children;
    while (site && !(site->type == XML_ELEMENT_NODE && xmlStrEqual(site->name, BAD_CAST "site")))
        site = site->next;
    xmlNodePtr langs = xmlNewNode(NULL, BAD_CAST "languages");
    for (size_t i = 0; i < cfg->n_languages; i++) {
        const config_language *L = &cfg->languages[i];
        xmlNodePtr n = xmlNewChild(langs, NULL, BAD_CAST "language", NULL);
        xmlNewProp(n, BAD_CAST "code", BAD_CAST L->code);
        xmlNewProp(n, BAD_CAST "name", BAD_CAST L->name);
        xmlNewProp(n, BAD_CAST "og-locale", BAD_CAST L->og_locale);
        if (i == current)
            xmlNewProp(n, BAD_CAST "current", BAD_CAST "yes");
        if (i == 0)
            xmlNewProp(n, BAD_CAST "default", BAD_CAST "yes");
        xmlNewProp(n, BAD_CAST "translated", BAD_CAST(hrefs[i] ? "yes" : "no"));
        S_hrefs(n, cfg, hrefs[i] ? hrefs[i] : L->prefix);
    }
    xmlNodePtr x_default = xmlNewNode(NULL, BAD_CAST "x-default");
    S_hrefs(x_default, cfg, hrefs[0] ? hrefs[0] : hrefs[current]);
    if (site) {
        xmlAddNextSibling(site, langs);
        xmlAddNextSibling(langs, x_default);
    } else {
        xmlAddChild(page, langs);
        xmlAddChild(page, x_default);
    }
}

xmlNodePtr pagexml_article_ref(xmlNodePtr parent, const config *cfg, const article *a)
{
    /* The search page's reference, then the dates. */
    xmlNodePtr ref = pagexml_search_ref(parent, a);
    const config_language *L = config_language_for(cfg, a->lang);
    pagexml_date(ref, "date", &a->fm->date, L);
    pagexml_date(ref, "reviewed", &a->fm->reviewed, L);
    return ref;
}

xmlNodePtr pagexml_search_ref(xmlNodePtr parent, const article *a)
{
    xmlNodePtr ref = xmlNewChild(parent, NULL, BAD_CAST "article-ref", NULL);
    xmlNewProp(ref, BAD_CAST "href", BAD_CAST a->url);
    xmlNewProp(ref, BAD_CAST "lang", BAD_CAST a->lang);
    pagexml_text(ref, "title", a->fm->title);
    pagexml_text(ref, "summary", a->fm->summary);
    return ref;
}

static void S_toc(xmlNodePtr art, const markdown_heading *headings, size_t n)
{
    size_t sections = 0;
    for (size_t i = 0; i < n; i++)
        sections += headings[i].level == 2;
    if (sections < TOC_MIN_SECTIONS)
        return;
    xmlNodePtr toc = xmlNewChild(art, NULL, BAD_CAST "toc", NULL);
    for (size_t i = 0; i < n; i++) {
        if (headings[i].level > 3)
            continue;
        xmlNodePtr item = pagexml_text(toc, "item", headings[i].text);
        char *href = xasprintf("#%s", headings[i].id);
        char level[4];
        snprintf(level, sizeof level, "%d", headings[i].level);
        xmlNewProp(item, BAD_CAST "href", BAD_CAST href);
        xmlNewProp(item, BAD_CAST "level", BAD_CAST level);
        free(href);
    }
}

/* <stale source-lang source-name source-href><reviewed/></stale> on a stale translation. */
static void S_stale(xmlNodePtr art, const config *cfg, const article *a,
                    const pagexml_versions *v)
{
    if (!v || !v->stale || !v->source)
        return;
    const config_language *src = config_language_for(cfg, v->source->lang);
    xmlNodePtr stale = xmlNewChild(art, NULL, BAD_CAST "stale", NULL);
    xmlNewProp(stale, BAD_CAST "source-lang", BAD_CAST src->code);
    xmlNewProp(stale, BAD_CAST "source-name", BAD_CAST src->name);
    xmlNewProp(stale, BAD_CAST "source-href", BAD_CAST v->source->url);
    /* The date in the words of the page's language: the notice is. */
    pagexml_date(stale, "reviewed", &v->source->fm->reviewed, config_language_for(cfg, a->lang));
}

/* <topics> and <procedures> of an article, linking to its language's pages. */
static void S_article_lists(xmlNodePtr art, const config *cfg, const article *a,
                            const procedure_data *procedures)
{
    const frontmatter *fm = a->fm;
    const char *root = config_language_for(cfg, a->lang)->prefix;
    xmlNodePtr topics = xmlNewChild(art, NULL, BAD_CAST "topics", NULL);
    for (size_t i = 0; i < fm->n_topics; i++) {
        const config_topic *t = config_find_topic(cfg, fm->topics[i].id);
        if (!t)
            continue;
        xmlNodePtr topic = pagexml_text(topics, "topic", config_text(cfg, &t->title, a->lang));
        xmlNewProp(topic, BAD_CAST "id", BAD_CAST t->id);
        char *href = permalink(root, PERMALINK_TOPIC, t->id, 1);
        xmlNewProp(topic, BAD_CAST "href", BAD_CAST href);
        free(href);
    }
    xmlNodePtr procs = xmlNewChild(art, NULL, BAD_CAST "procedures", NULL);
    for (size_t i = 0; i < fm->n_procedures; i++) {
        long idx = procedures_find(procedures, fm->procedures[i].id);
        if (idx < 0)
            continue;
        const procedure *p = &procedures->procedures[idx];
        xmlNodePtr proc =
            pagexml_text(procs, "procedure", procedures_text(procedures, &p->name, a->lang));
        xmlNewProp(proc, BAD_CAST "id", BAD_CAST p->id);
        char *href = permalink(root, PERMALINK_COMPARE, p->id, 0);
        xmlNewProp(proc, BAD_CAST "href", BAD_CAST href);
        free(href);
    }
}

/* The page's <structured-data>: jsonld_article with the page's canonical URL. */
static void S_structured_data(xmlNodePtr page, xmlNodePtr art, const config *cfg,
                              const article *a, const procedure_data *procedures,
                              const pagexml_versions *v, const sources_cited *cited)
{
    xmlChar *canonical = NULL;
    for (xmlNodePtr n = page->children; n && !canonical; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "canonical"))
            canonical = xmlNodeGetContent(n);
    jsonld_versions jv = {0};
    char *source = v && v->source ? pagexml_absolute(cfg, v->source->url) : NULL;
    char **translations = xcalloc((v ? v->n_translations : 0) + 1, sizeof *translations);
    if (v) {
        jv.translation_of = source;
        for (size_t i = 0; i < v->n_translations; i++)
            translations[i] = pagexml_absolute(cfg, v->translations[i]->url);
        jv.translations = (const char *const *)translations;
        jv.n_translations = v->n_translations;
    }
    char *json =
        jsonld_article(cfg, a, procedures, (const char *)canonical, v ? &jv : NULL, cited);
    xmlFree(canonical);
    for (size_t i = 0; v && i < v->n_translations; i++)
        free(translations[i]);
    free(translations);
    free(source);
    xmlNodePtr data = pagexml_text(art, "structured-data", json);
    xmlNewProp(data, BAD_CAST "type", BAD_CAST "application/ld+json");
    free(json);
}

void pagexml_sources(xmlNodePtr parent, const sources_cited *cited)
{
    if (!cited || !cited->n)
        return;
    xmlNodePtr list = xmlNewChild(parent, NULL, BAD_CAST "sources", NULL);
    for (size_t i = 0; i < cited->n; i++) {
        const source_entry *s = cited->items[i];
        xmlNodePtr src = xmlNewChild(list, NULL, BAD_CAST "source", NULL);
        char n[24];
        snprintf(n, sizeof n, "%zu", i + 1);
        xmlNewProp(src, BAD_CAST "n", BAD_CAST n);
        xmlNewProp(src, BAD_CAST "lang", BAD_CAST s->language);
        pagexml_text(src, "authors", s->authors);
        pagexml_text(src, "title", s->title);
        if (s->journal)
            pagexml_text(src, "journal", s->journal);
        else
            pagexml_text(src, "publisher", s->publisher);
        snprintf(n, sizeof n, "%d", s->year);
        pagexml_text(src, "year", n);
        if (s->doi) {
            char *href = xasprintf("https://doi.org/%s", s->doi);
            xmlNewProp(pagexml_text(src, "doi", s->doi), BAD_CAST "href", BAD_CAST href);
            free(href);
        }
        if (s->pmid) {
            char *href = xasprintf("https://pubmed.ncbi.nlm.nih.gov/%s/", s->pmid);
            xmlNewProp(pagexml_text(src, "pmid", s->pmid), BAD_CAST "href", BAD_CAST href);
            free(href);
        }
        if (s->url)
            xmlNewProp(pagexml_text(src, "url", s->url), BAD_CAST "href", BAD_CAST s->url);
    }
}

/* <reviewer>: the declared reviewer the article names, as <reviewer id><name/>
 * <credentials/></reviewer> in the page's language; on a site that declares none, the
 * name as written, as the element's text. */
static void S_reviewer(xmlNodePtr art, const config *cfg, const article *a)
{
    const config_reviewer *r = config_find_reviewer(cfg, a->fm->reviewer);
    if (!r) {
        pagexml_text(art, "reviewer", a->fm->reviewer);
        return;
    }
    xmlNodePtr n = xmlNewChild(art, NULL, BAD_CAST "reviewer", NULL);
    xmlNewProp(n, BAD_CAST "id", BAD_CAST r->id);
    pagexml_text(n, "name", config_text(cfg, &r->name, a->lang));
    pagexml_text(n, "credentials", config_text(cfg, &r->credentials, a->lang));
}

xmlNodePtr pagexml_article(xmlNodePtr page, const config *cfg, const article *a,
                           xmlNodePtr body, const markdown_heading *headings,
                           size_t n_headings, const article *const *related, size_t n_related,
                           const procedure_data *procedures, const pagexml_versions *versions,
                           const sources_cited *cited)
{
    const frontmatter *fm = a->fm;
    const config_language *L = config_language_for(cfg, a->lang);
    xmlNodePtr art = xmlNewChild(page, NULL, BAD_CAST "article", NULL);
    xmlNewProp(art, BAD_CAST "slug", BAD_CAST a->slug);
    xmlNewProp(art, BAD_CAST "href", BAD_CAST a->url);
    pagexml_text(art, "title", fm->title);
    pagexml_text(art, "summary", fm->summary);
    pagexml_date(art, "date", &fm->date, L);
    pagexml_date(art, "reviewed", &fm->reviewed, L);
    /* The date the review falls due: reviewed plus site.yaml's review_max_age_days, as
     * patient-information sites show it (the NHS's "Next review due"). */
    date_ymd due = date_from_time((long long)(date_days(&fm->reviewed) +
                                              cfg->review_max_age_days) * 86400);
    pagexml_date(art, "next-review", &due, L);
    S_reviewer(art, cfg, a);
    S_stale(art, cfg, a, versions);
    S_article_lists(art, cfg, a, procedures);
    S_toc(art, headings, n_headings);
    S_structured_data(page, art, cfg, a, procedures, versions, cited);
    xmlAddChild(art, body);
    pagexml_sources(art, cited);
    xmlNodePtr rel = xmlNewChild(art, NULL, BAD_CAST "related", NULL);
    for (size_t i = 0; i < n_related; i++)
        pagexml_article_ref(rel, cfg, related[i]);
    return art;
}

void pagexml_footer_pages(xmlNodePtr page, const pagexml_link *links, size_t n)
{
    xmlNodePtr site = page->children;
    while (site && !(site->type == XML_ELEMENT_NODE && xmlStrEqual(site->name, BAD_CAST "site")))
        site = site->next;
    if (!site || n == 0)
        return;
    xmlNodePtr list = xmlNewChild(site, NULL, BAD_CAST "pages", NULL);
    for (size_t i = 0; i < n; i++)
        xmlNewProp(pagexml_text(list, "page", links[i].title), BAD_CAST "href",
                   BAD_CAST links[i].href);
}

xmlNodePtr pagexml_site_page(xmlNodePtr page, const config *cfg, const char *name,
                             const frontmatter *fm, const config_language *lang,
                             xmlNodePtr body)
{
    xmlNodePtr sp = xmlNewChild(page, NULL, BAD_CAST "site-page", NULL);
    xmlNewProp(sp, BAD_CAST "name", BAD_CAST name);
    pagexml_text(sp, "title", fm->title);
    pagexml_text(sp, "summary", fm->summary);
    pagexml_date(sp, "reviewed", &fm->reviewed, lang);
    if (fm->clinic_details) {
        xmlNodePtr clinic = xmlNewChild(sp, NULL, BAD_CAST "clinic", NULL);
        const char *clinic_name = ltext_get(&cfg->clinic_name, lang->code);
        const char *address = ltext_get(&cfg->clinic_address, lang->code);
        if (clinic_name)
            pagexml_text(clinic, "name", clinic_name);
        if (address)
            pagexml_text(clinic, "address", address);
        if (cfg->clinic_phone)
            pagexml_text(clinic, "phone", cfg->clinic_phone);
        if (cfg->clinic_registration)
            pagexml_text(clinic, "registration", cfg->clinic_registration);
    }
    if (body) {
        xmlNodeSetName(body, BAD_CAST "body");
        xmlAddChild(sp, body);
    }
    return sp;
}
