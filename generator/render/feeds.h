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

/* A version of a page in a language, for the sitemap's alternates. */
typedef struct feeds_alternate {
    const char *hreflang; /* a BCP 47 tag, or "x-default" */
    const char *url;      /* site path */
} feeds_alternate;

/* A page to list in the sitemap: its site path and, when known, its last change. */
typedef struct feeds_page {
    const char *url;
    const date_ymd *lastmod; /* may be NULL */
    const feeds_alternate *alternates; /* the page's versions, itself included; NULL */
    size_t n_alternates;
} feeds_page;

/* The most URLs one sitemap file may list (sitemaps.org protocol, "Sitemap file location"). */
#define FEEDS_SITEMAP_MAX_URLS 50000

/*
 * The sitemap of pages (absolute URLs from cfg->base_url), a <urlset>. On a site with
 * languages each <url> lists its page's versions as <xhtml:link rel="alternate"
 * hreflang href> (namespace http://www.w3.org/1999/xhtml), as Google reads them
 * ("Localized versions of your page": sitemap method). Returns the
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
 * The Atom feed of lang's articles (newest first, as given): feed id and link are the
 * language's home (absolute), its self link its feed.xml, its xml:lang and title the
 * language's; updated is the newest reviewed date; each entry has id (its absolute URL),
 * title, link, published (date), updated (reviewed), and summary; the feed's author is the
 * site.
 */
char *feeds_atom(const config *cfg, const config_language *lang,
                 const article *const *articles, size_t n, size_t *len);

/* robots.txt allowing everything and naming the sitemap. */
char *feeds_robots(const config *cfg, size_t *len);

#endif
