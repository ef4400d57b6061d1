/*
 * sitepages.h: the site's own pages, content/pages/ (issue 18, "People and the clinic"):
 * About this site, Editorial policy, Contact, Privacy, the Accessibility statement. Each is
 * Markdown with a front matter of its own (frontmatter.h: title, summary, reviewed), built
 * with the same templates, disclaimer, compliance lint and checks as an article, at
 * /<name>/ in the default language and /<code>/<name>/ in the others.
 *
 * Layout: on a site with `languages:`, content/pages/<code>/<name>.md, one folder per
 * language, as articles; on a site in one language, content/pages/<name>.md. The folder is
 * optional: a site need not have pages. Here, not in the build, so that `suture check`
 * lints the same files the build publishes.
 */
#ifndef SUTURE_SITEPAGES_H
#define SUTURE_SITEPAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/str.h"
#include "content/config.h"
#include "content/frontmatter.h"

typedef struct site_page {
    char *path;                  /* as in diagnostics: content/pages/ko/about.md */
    char *name;                  /* the file name without '.md': "about" */
    char *file_name;             /* "about.md", as links name it */
    const config_language *lang; /* its folder's (the site's one language) */
    char *text;                  /* the whole file */
    size_t len;
    frontmatter *fm;             /* NULL when its front matter has mistakes (reported) */
    const char *body;            /* in text; NULL when fm is NULL */
    unsigned body_line;
} site_page;

typedef struct site_pages {
    char *dir;                   /* content/pages */
    site_page *items;            /* by language in site.yaml's order, then by name */
    size_t n;
} site_pages;

/*
 * The page files of pages_dir as paths relative to it ("ko/about.md", or "about.md" on a
 * site in one language), appended to rels, sorted. A missing pages_dir has none. Reports
 * (error, no line) and leaves out: a page outside a language folder on a site with
 * languages, a folder that is no declared language's, a name that is not a slug (lower-case
 * letters, digits, hyphens: it becomes the page's address), and a name suture gives a page
 * of its own (articles, topics, compare, glossary, search, assets, media, a language code).
 * Returns 0, or -1 after an error when pages_dir exists but cannot be listed.
 */
int sitepages_list(const char *pages_dir, const config *cfg, strlist *rels, diag_list *diags);

/* The language of the page at rel (as sitepages_list gives it). */
const config_language *sitepages_language(const config *cfg, const char *rel);

/*
 * Read and parse every page of pages_dir (sitepages_list): a file that cannot be read and a
 * front matter's mistakes are errors, as for articles (frontmatter_parse_for with page
 * set). Never NULL: free with sitepages_free.
 */
site_pages *sitepages_load(const char *pages_dir, const config *cfg, diag_list *diags);

/* The page name in language code, or NULL. */
const site_page *sitepages_find(const site_pages *pages, const char *name, const char *code);

/* Whether name is one suture gives a page of its own, which a site page cannot take. */
bool sitepages_reserved(const config *cfg, const char *name);

/* Free pages (from sitepages_load) and everything in it; NULL is accepted. */
void sitepages_free(site_pages *pages);

#endif
