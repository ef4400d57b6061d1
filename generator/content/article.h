/*
 * article.h: what the build knows about an article between reading its front matter and
 * rendering its page. Bodies are not kept: they are read again when the page is rendered,
 * so memory holds metadata only, however many articles there are. What an incremental build
 * keeps of the old site is build/incremental.h's, not the article's.
 */
#ifndef SUTURE_ARTICLE_H
#define SUTURE_ARTICLE_H

#include <stdbool.h>
#include <stdint.h>

#include "content/frontmatter.h"

typedef struct article {
    char *path;          /* content/articles/<file_name>, or content/articles/<code>/<file_name> */
    const char *file_name; /* e.g. dimpling.md, what internal links name: the end of path */
    char *slug;          /* front matter slug, or file_name without .md */
    char *url;           /* site path, base path included: /articles/<slug>/ */
    const char *lang;    /* the page's language: its folder's on a site with languages;
                          * else front matter lang, else the site's */
    unsigned language;   /* index in cfg->languages of its folder's language (0 on a site in
                          * one language) */
    frontmatter *fm;     /* NULL when the front matter had errors */
    /*
     * The ids of the body's headings, for #links from other articles: n_heading_ids
     * strings one after another, each ending in '\0', in one allocation (a site of
     * 100,000 articles keeps them all; one string each cost 18 MB more).
     */
    char *heading_ids;
    uint32_t n_heading_ids;
    unsigned body_line;  /* first line of the body in the file */
    bool published;      /* false for a draft when drafts are not built */
} article;

#endif
