/*
 * feeds.h: the machine-readable files: /sitemap.xml (sitemaps.org protocol 0.9),
 * /feed.xml (Atom, RFC 4287) and /robots.txt. Built as libxml2 trees and serialised as
 * UTF-8 XML.
 */
#ifndef SUTURE_FEEDS_H
#define SUTURE_FEEDS_H

#include <stddef.h>

#include "content/article.h"
#include "content/config.h"

/* A page to list in the sitemap: its site path and, when known, its last change. */
typedef struct feeds_page {
    const char *url;
    const date_ymd *lastmod; /* may be NULL */
} feeds_page;

/* The most URLs one sitemap file may list (sitemaps.org protocol, "Sitemap file location"). */
#define FEEDS_SITEMAP_MAX_URLS 50000

/*
 * The sitemap of pages (absolute URLs from cfg->base_url), a <urlset>. Returns the
 * serialised XML (the caller frees it) and its length in *len. A site with more than
 * FEEDS_SITEMAP_MAX_URLS pages needs several, listed by feeds_sitemap_index.
 */
char *feeds_sitemap(const config *cfg, const feeds_page *pages, size_t n, size_t *len);

/*
 * A sitemap index (<sitemapindex>) listing the sitemap files at the site paths
 * files[0..n), such as "/kb/sitemap-1.xml". Returns the serialised XML (the caller frees
 * it) and its length in *len.
 */
char *feeds_sitemap_index(const config *cfg, const char *const *files, size_t n,
                          size_t *len);

/*
 * The Atom feed of articles (newest first, as given): feed id and link are the site's
 * base URL, updated is the newest reviewed date; each entry has id (its absolute URL),
 * title, link, published (date), updated (reviewed), and summary; the feed's author is the site.
 */
char *feeds_atom(const config *cfg, const article *const *articles, size_t n,
                 size_t *len);

/* robots.txt allowing everything and naming the sitemap. */
char *feeds_robots(const config *cfg, size_t *len);

#endif
