/* pagexml_cmd.c: suture page-xml (see pagexml_cmd.h). */
#define _GNU_SOURCE
#include "cli/pagexml_cmd.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "base/suggest.h"

/* How many other pages an unknown PAGE's message lists at most. */
#define S_MAX_LISTED 8

/* What the build's page_xml hook collects. */
typedef struct S_capture {
    const char *want;       /* the page asked for, as given */
    char *want_real;        /* an article file's real path, or NULL */
    const strlist *sources; /* the build's article_pages: file, URL, file, URL... */
    pthread_mutex_t lock;
    strlist urls;           /* every page's URL, in no order */
    xmlChar *xml;           /* the page's XML, once made */
    int len;
} S_capture;

/* Whether url is path: the same, or path with its missing final slash. */
static bool S_same_address(const char *url, const char *path)
{
    size_t n = strlen(path);
    return !strcmp(url, path) ||
           (n && path[n - 1] != '/' && !strncmp(url, path, n) && !strcmp(url + n, "/"));
}

/* Whether url is the page of the article file c names. */
static bool S_article_file(const S_capture *c, const char *url)
{
    for (size_t i = 0; i + 1 < c->sources->len; i += 2) {
        if (strcmp(c->sources->items[i + 1], url) != 0)
            continue;
        char *real = realpath(c->sources->items[i], NULL);
        bool same = real && !strcmp(real, c->want_real);
        free(real);
        if (same)
            return true;
    }
    return false;
}

/* The site's base path ("/kb/"), from the <site><assets> of a page's document. */
static char *S_base_path(xmlDocPtr doc)
{
    xmlNodePtr n = xmlDocGetRootElement(doc);
    for (n = n ? n->children : NULL; n && !xmlStrEqual(n->name, BAD_CAST "site"); n = n->next)
        ;
    for (n = n ? n->children : NULL; n && !xmlStrEqual(n->name, BAD_CAST "assets"); n = n->next)
        ;
    xmlChar *assets = n ? xmlNodeGetContent(n) : NULL;
    char *base = xstrdup(assets ? (const char *)assets : "/");
    xmlFree(assets);
    size_t len = strlen(base);
    if (len > 7 && !strcmp(base + len - 7, "assets/"))
        base[len - 7] = '\0';
    return base;
}

static void S_page_xml(void *ctx, const char *url, xmlDocPtr doc)
{
    S_capture *c = ctx;
    pthread_mutex_lock(&c->lock);
    strlist_push(&c->urls, url);
    if (c->want_real) {
        if (!c->xml && S_article_file(c, url))
            xmlDocDumpFormatMemoryEnc(doc, &c->xml, &c->len, "UTF-8", 1);
    } else if (S_same_address(url, c->want)) {
        xmlFree(c->xml);
        xmlDocDumpFormatMemoryEnc(doc, &c->xml, &c->len, "UTF-8", 1);
    } else if (!c->xml && c->want[0] == '/') {
        /* The address below the base path (/articles/x/ for /kb/articles/x/). */
        char *base = S_base_path(doc);
        char *full = xasprintf("%s%s", base, c->want + 1);
        if (S_same_address(url, full))
            xmlDocDumpFormatMemoryEnc(doc, &c->xml, &c->len, "UTF-8", 1);
        free(full);
        free(base);
    }
    pthread_mutex_unlock(&c->lock);
}

/* The last word of a path: "layers" of "/kb/articles/layers/" or "articles/layers.md". */
static char *S_last_word(const char *page)
{
    char *s = xstrdup(page);
    size_t n = strlen(s);
    while (n && s[n - 1] == '/')
        s[--n] = '\0';
    if (n > 3 && !strcmp(s + n - 3, ".md"))
        s[n - 3] = '\0';
    char *slash = strrchr(s, '/');
    char *word = xstrdup(slash ? slash + 1 : s);
    free(s);
    return word;
}

/* Say that the site has no page c->want, listing the closest addresses and files. */
static void S_unknown(const S_capture *c, FILE *err)
{
    strlist all = STRLIST_INIT;
    for (size_t i = 0; i < c->urls.len; i++)
        strlist_push(&all, c->urls.items[i]);
    for (size_t i = 0; i + 1 < c->sources->len; i += 2)
        strlist_push(&all, c->sources->items[i]);
    fprintf(err, "suture: the site has no page '%s'; give a page's address as published "
                 "(with or without the base path) or an article's file "
                 "(content/articles/NAME.md)\n", c->want);
    strlist close = STRLIST_INIT;
    const char *best = suggest_closest_n(c->want, (const char *const *)all.items, all.len);
    if (best)
        strlist_push(&close, best);
    char *word = S_last_word(c->want);
    for (size_t i = 0; *word && i < all.len && close.len < S_MAX_LISTED; i++)
        if (strstr(all.items[i], word) && !strlist_contains(&close, all.items[i]))
            strlist_push(&close, all.items[i]);
    free(word);
    if (close.len) {
        fputs("suture: did you mean:\n", err);
        for (size_t i = 0; i < close.len; i++)
            fprintf(err, "  %s\n", close.items[i]);
    }
    strlist_free(&close);
    strlist_free(&all);
}

/* The build of opt into a folder of its own that is removed after (nothing is published),
 * every page's XML going to c. */
static int S_build(const site_options *opt, S_capture *c, strlist *sources, diag_list *diags)
{
    /* In $TMPDIR when set (POSIX), else /tmp. */
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    char *tmp = xasprintf("%s/suture-page-xml-XXXXXX", base);
    if (!mkdtemp(tmp)) {
        diag_error(diags, NULL, 0, 0, NULL, "cannot make a temporary folder in %s: %s; set "
                   "TMPDIR to a folder you can write to", base, strerror(errno));
        free(tmp);
        return SITE_ENVIRONMENT_ERROR;
    }
    char *out = path_join(tmp, "site");
    site_options o = *opt;
    o.out_dir = out;
    o.precompress = false;
    o.progress = NULL;
    o.article_pages = sources;
    o.page_xml = S_page_xml;
    o.page_xml_ctx = c;
    int status = site_build(&o, diags, NULL);
    remove_tree(tmp);
    free(tmp);
    free(out);
    return status;
}

int pagexml_cmd_run(const site_options *opt, const char *page, FILE *out, FILE *err)
{
    strlist sources = STRLIST_INIT;
    S_capture c = {.want = page, .sources = &sources};
    pthread_mutex_init(&c.lock, NULL);
    size_t n = strlen(page);
    if (n > 3 && !strcmp(page + n - 3, ".md"))
        c.want_real = realpath(page, NULL);
    diag_list *diags = diag_list_new();
    int status = S_build(opt, &c, &sources, diags);
    diag_list_sort(diags);
    for (size_t i = 0; i < diag_count(diags); i++) {
        char *line = diag_format_brief(diag_get(diags, i));
        fprintf(err, "%s\n", line);
        free(line);
    }
    int rc = PAGEXML_CMD_OK;
    if (c.xml) {
        fwrite(c.xml, 1, (size_t)c.len, out);
        rc = status == SITE_OK ? PAGEXML_CMD_OK : PAGEXML_CMD_ERRORS;
    } else if (status == SITE_ENVIRONMENT_ERROR) {
        rc = PAGEXML_CMD_UNKNOWN;
    } else if (status != SITE_OK) {
        fprintf(err, "suture: no XML for '%s': fix the errors above first\n", page);
        rc = PAGEXML_CMD_ERRORS;
    } else {
        S_unknown(&c, err);
        rc = PAGEXML_CMD_UNKNOWN;
    }
    xmlFree(c.xml);
    free(c.want_real);
    strlist_free(&c.urls);
    strlist_free(&sources);
    pthread_mutex_destroy(&c.lock);
    diag_list_free(diags);
    return rc;
}
