/* sitefeeds.c: the sitemap, the Atom feed, robots.txt and _headers (build_private.h, feeds.h,
 * hosting.h). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "render/feeds.h"
#include "render/hosting.h"

/* How many of the newest articles the Atom feed holds. */
#define FEED_ENTRIES_MAX 50

/*
 * A list page changes when an article on it is reviewed: its lastmod is the latest review
 * date of its articles. Returns the latest of bl's (the home page's; NULL without
 * articles) and sets topic_latest[t] to topic t's (NULL for a topic without articles).
 */
static const date_ymd *S_latest_reviews(const build *b, const build_lang *bl,
                                        const date_ymd **topic_latest)
{
    const date_ymd *latest = NULL;
    for (size_t i = 0; i < bl->n_listed; i++) {
        const frontmatter *fm = bl->listed[i]->fm;
        if (!latest || date_compare(&fm->reviewed, latest) > 0)
            latest = &fm->reviewed;
        for (size_t k = 0; k < fm->n_topics; k++) {
            const config_topic *t = config_find_topic(b->cfg, fm->topics[k].id);
            if (!t)
                continue;
            size_t ti = (size_t)(t - b->cfg->topics);
            if (!topic_latest[ti] || date_compare(&fm->reviewed, topic_latest[ti]) > 0)
                topic_latest[ti] = &fm->reviewed;
        }
    }
    return latest;
}

/* What the sitemap lists, and what its entries point into. */
typedef struct {
    feeds_page *pages;
    size_t n;
    strlist urls;            /* the URLs made for it */
    feeds_alternate *alts;   /* every page's alternates, one after another */
    size_t n_alts;
} S_sitemap;

/*
 * Add a page at url, with its versions: on a site with languages, the page of kind (id,
 * page) in each language that has it (a_versions: an article's, else every language's)
 * and x-default, the default language's version or else the page itself.
 */
static void S_add_page(const build *b, S_sitemap *m, const char *url, const date_ymd *lastmod,
                       const article *a, permalink_kind kind, const char *id, size_t page)
{
    feeds_page *p = &m->pages[m->n++];
    *p = (feeds_page){url, lastmod, NULL, 0};
    if (!b->cfg->multilingual)
        return;
    p->alternates = &m->alts[m->n_alts];
    const char *x_default = url;
    for (size_t l = 0; l < b->n_langs; l++) {
        const char *href;
        if (a) {
            if (!build_has_version(b, a, l))
                continue;
            href = build_version(b, a, l)->url;
        } else {
            strlist_push_owned(&m->urls, permalink(b->langs[l].L->prefix, kind, id, page));
            href = m->urls.items[m->urls.len - 1];
        }
        if (l == 0)
            x_default = href;
        m->alts[m->n_alts++] = (feeds_alternate){b->langs[l].L->code, href};
    }
    m->alts[m->n_alts++] = (feeds_alternate){"x-default", x_default};
    p->n_alternates = (size_t)(&m->alts[m->n_alts] - p->alternates);
}

/* bl's pages for the sitemap, in its order: home, articles, every page of every topic's
 * list, compare, glossary, search, then its site pages. */
static void S_language_pages(const build *b, const build_lang *bl, S_sitemap *m)
{
    const date_ymd **topic_latest = xcalloc(b->cfg->n_topics + 1, sizeof *topic_latest);
    const date_ymd *latest = S_latest_reviews(b, bl, topic_latest);
    S_add_page(b, m, bl->L->prefix, latest, NULL, PERMALINK_HOME, NULL, 0);
    for (size_t i = 0; i < bl->n_listed; i++)
        S_add_page(b, m, bl->listed[i]->url, &bl->listed[i]->fm->reviewed, bl->listed[i], 0,
                   NULL, 0);
    for (size_t t = 0; t < b->cfg->n_topics; t++) {
        const char *id = b->cfg->topics[t].id;
        size_t pages_of_topic = build_topic_pages(bl->topic_counts[t]);
        for (size_t p = 1; p <= pages_of_topic; p++) {
            strlist_push_owned(&m->urls, build_topic_page_url(bl, id, p));
            S_add_page(b, m, m->urls.items[m->urls.len - 1], topic_latest[t], NULL,
                       PERMALINK_TOPIC, id, p);
        }
    }
    const permalink_kind last[] = {PERMALINK_COMPARE, PERMALINK_GLOSSARY, PERMALINK_SEARCH};
    for (size_t k = 0; k < 3; k++) {
        strlist_push_owned(&m->urls, permalink(bl->L->prefix, last[k], NULL, 0));
        S_add_page(b, m, m->urls.items[m->urls.len - 1], NULL, NULL, last[k], NULL, 0);
    }
    /* The site pages (content/pages/): with their versions when every language has one. */
    for (size_t i = 0; b->site_pages && i < b->site_pages->n; i++) {
        const site_page *p = &b->site_pages->items[i];
        if (!b->page_urls[i] || p->lang != bl->L)
            continue;
        bool everywhere = true;
        for (size_t l = 0; l < b->n_langs; l++)
            everywhere &= build_find_site_page(b, l, p->name) >= 0;
        if (everywhere)
            S_add_page(b, m, b->page_urls[i], &p->fm->reviewed, NULL, PERMALINK_PAGE, p->name,
                       0);
        else
            m->pages[m->n++] = (feeds_page){b->page_urls[i], &p->fm->reviewed, NULL, 0};
    }
    free(topic_latest);
}

/* Every page of the site for the sitemap, language by language. */
static void S_sitemap_pages(const build *b, S_sitemap *m)
{
    size_t n = 0;
    for (size_t l = 0; l < b->n_langs; l++) {
        n += b->langs[l].n_listed + 4 + (b->site_pages ? b->site_pages->n : 0);
        for (size_t t = 0; t < b->cfg->n_topics; t++)
            n += build_topic_pages(b->langs[l].topic_counts[t]);
    }
    *m = (S_sitemap){.urls = STRLIST_INIT};
    m->pages = xcalloc(n + 1, sizeof *m->pages);
    /* Pages point into alts: room for every one first, so that it never moves. */
    if (b->cfg->multilingual)
        m->alts = xcalloc(n * (b->n_langs + 1) + 1, sizeof *m->alts);
    for (size_t l = 0; l < b->n_langs; l++)
        S_language_pages(b, &b->langs[l], m);
}

/* sitemap.xml; with too many pages for one file, sitemap-1.xml... and an index. */
static void S_write_sitemap(build *b, const feeds_page *pages, size_t n_pages)
{
    size_t len;
    char *xml;
    if (n_pages <= FEEDS_SITEMAP_MAX_URLS) {
        xml = feeds_sitemap(b->cfg, pages, n_pages, &len);
        build_write(b, "sitemap.xml", xml, len);
        free(xml);
        return;
    }
    strlist parts = STRLIST_INIT;
    for (size_t from = 0, k = 1; from < n_pages; from += FEEDS_SITEMAP_MAX_URLS, k++) {
        size_t count = n_pages - from < FEEDS_SITEMAP_MAX_URLS ? n_pages - from
                                                              : FEEDS_SITEMAP_MAX_URLS;
        char *name = xasprintf("sitemap-%zu.xml", k);
        xml = feeds_sitemap(b->cfg, pages + from, count, &len);
        build_write(b, name, xml, len);
        free(xml);
        strlist_push_owned(&parts, xasprintf("%s%s", b->cfg->base_path, name));
        free(name);
    }
    xml = feeds_sitemap_index(b->cfg, (const char *const *)parts.items, parts.len, &len);
    build_write(b, "sitemap.xml", xml, len);
    free(xml);
    strlist_free(&parts);
}

void build_write_feeds(build *b)
{
    S_sitemap m;
    S_sitemap_pages(b, &m);
    S_write_sitemap(b, m.pages, m.n);
    free(m.pages);
    free(m.alts);
    strlist_free(&m.urls);
    /* Feed readers want what is new, not the archive: the newest FEED_ENTRIES_MAX. */
    size_t len;
    char *xml;
    for (size_t l = 0; l < b->n_langs; l++) {
        const build_lang *bl = &b->langs[l];
        xml = feeds_atom(b->cfg, bl->L, bl->listed,
                         bl->n_listed < FEED_ENTRIES_MAX ? bl->n_listed : FEED_ENTRIES_MAX, &len);
        char *url = permalink(bl->L->prefix, PERMALINK_FEED, NULL, 0);
        char *rel = build_page_file(b, url);
        build_write(b, rel, xml, len);
        free(rel);
        free(url);
        free(xml);
    }
    xml = feeds_robots(b->cfg, &len);
    build_write(b, "robots.txt", xml, len);
    free(xml);
}

void build_write_headers(build *b)
{
    size_t n = b->asset_files.len / 2;
    const char **names = xcalloc(n + 1, sizeof *names);
    for (size_t k = 0; k < n; k++)
        names[k] = b->asset_files.items[2 * k + 1];
    size_t len;
    char *text = hosting_headers_file(b->cfg, names, n, &len);
    build_write(b, "_headers", text, len);
    free(text);
    free(names);
}
