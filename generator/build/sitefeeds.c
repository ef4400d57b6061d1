/* sitefeeds.c: the sitemap, the Atom feed and robots.txt (build_private.h, feeds.h). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "render/feeds.h"

/* How many of the newest articles the Atom feed holds. */
#define FEED_ENTRIES_MAX 50

/*
 * A list page changes when an article on it is reviewed: its lastmod is the latest review
 * date of its articles. Returns the latest of all of them (the home page's; NULL without
 * articles) and sets topic_latest[t] to topic t's (NULL for a topic without articles).
 */
static const date_ymd *S_latest_reviews(const build *b, const date_ymd **topic_latest)
{
    const date_ymd *latest = NULL;
    for (size_t i = 0; i < b->n_listed; i++) {
        const frontmatter *fm = b->listed[i]->fm;
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

/*
 * Every page of the site for the sitemap, in its order: home, articles, every page of
 * every topic's list, compare, glossary, search. Sets *n; the caller frees the array, and
 * the URLs it names in urls (strlist_free) after it.
 */
static feeds_page *S_sitemap_pages(const build *b, strlist *urls, size_t *n)
{
    const date_ymd **topic_latest = xcalloc(b->cfg->n_topics + 1, sizeof *topic_latest);
    const date_ymd *latest = S_latest_reviews(b, topic_latest);
    size_t n_topic_pages = 0;
    for (size_t t = 0; t < b->cfg->n_topics; t++)
        n_topic_pages += build_topic_pages(b->topic_counts[t]);
    feeds_page *pages = xcalloc(b->n_listed + n_topic_pages + 5, sizeof *pages);
    *n = 0;
    pages[(*n)++] = (feeds_page){b->cfg->base_path, latest};
    for (size_t i = 0; i < b->n_listed; i++)
        pages[(*n)++] = (feeds_page){b->listed[i]->url, &b->listed[i]->fm->reviewed};
    for (size_t t = 0; t < b->cfg->n_topics; t++) {
        size_t pages_of_topic = build_topic_pages(b->topic_counts[t]);
        for (size_t p = 1; p <= pages_of_topic; p++) {
            strlist_push_owned(urls, build_topic_page_url(b, b->cfg->topics[t].id, p));
            pages[(*n)++] = (feeds_page){urls->items[urls->len - 1], topic_latest[t]};
        }
    }
    strlist_push_owned(urls, permalink(b->cfg->base_path, PERMALINK_COMPARE, NULL, 0));
    pages[(*n)++] = (feeds_page){urls->items[urls->len - 1], NULL};
    strlist_push_owned(urls, permalink(b->cfg->base_path, PERMALINK_GLOSSARY, NULL, 0));
    pages[(*n)++] = (feeds_page){urls->items[urls->len - 1], NULL};
    pages[(*n)++] = (feeds_page){b->search_url, NULL};
    free(topic_latest);
    return pages;
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
    strlist urls = STRLIST_INIT;
    size_t n_pages;
    feeds_page *pages = S_sitemap_pages(b, &urls, &n_pages);
    S_write_sitemap(b, pages, n_pages);
    free(pages);
    strlist_free(&urls);
    /* Feed readers want what is new, not the archive: the newest FEED_ENTRIES_MAX. */
    size_t len;
    char *xml = feeds_atom(b->cfg, b->listed,
                           b->n_listed < FEED_ENTRIES_MAX ? b->n_listed : FEED_ENTRIES_MAX, &len);
    build_write(b, "feed.xml", xml, len);
    free(xml);
    xml = feeds_robots(b->cfg, &len);
    build_write(b, "robots.txt", xml, len);
    free(xml);
}
