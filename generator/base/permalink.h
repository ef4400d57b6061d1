/*
 * permalink.h: the address of every kind of page, built in one place (SPEC.md, "Output").
 *
 * Every address is base (the site's base path "/kb/" or its base URL
 * "https://example.org/kb/", ending in '/') followed by the page's own part. Pages live in
 * folders ("compare/"), so that their addresses end in '/' and the file is index.html.
 */
#ifndef SUTURE_PERMALINK_H
#define SUTURE_PERMALINK_H

#include <stddef.h>

typedef enum {
    PERMALINK_HOME,      /* base */
    PERMALINK_ARTICLE,   /* base "articles/<id>/" (id: the slug) */
    PERMALINK_TOPIC,     /* base "topics/<id>/", page n > 1: "topics/<id>/page/<n>/" */
    PERMALINK_COMPARE,   /* base "compare/"; with an id: "compare/#procedure-<id>" */
    PERMALINK_GLOSSARY,  /* base "glossary/" */
    PERMALINK_SEARCH,    /* base "search/" */
    PERMALINK_NOT_FOUND, /* base "404.html" */
    PERMALINK_FEED,      /* base "feed.xml" */
    PERMALINK_ASSETS,    /* base "assets/" */
    PERMALINK_PAGE,      /* base "<id>/": a site page of content/pages/ ("about/") */
} permalink_kind;

/*
 * The address of a page of kind under base. id is the article's slug, the topic's id or the
 * procedure's id (NULL for kinds without one, and for the comparison page itself); page is
 * the topic list's page number from 1 (ignored by other kinds). Returns a malloc'd string
 * the caller frees.
 */
char *permalink(const char *base, permalink_kind kind, const char *id, size_t page);

#endif
