/* search.c: the search page and the search index (build_private.h, searchindex.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "render/pagexml.h"

/* Each language's index of its articles: the published ones, newest first, as its home
 * page lists them. */
void build_plan_search(build *b)
{
    b->search_at = xcalloc(b->n_articles + 1, sizeof *b->search_at);
    for (size_t i = 0; i < b->n_articles; i++)
        b->search_at[i] = SIZE_MAX;
    for (size_t l = 0; l < b->n_langs; l++) {
        build_lang *bl = &b->langs[l];
        bl->search_url = permalink(bl->L->prefix, PERMALINK_SEARCH, NULL, 0);
        bl->search = searchindex_new(bl->n_listed);
        for (size_t i = 0; i < bl->n_listed; i++) {
            const article *a = bl->listed[i];
            searchindex_set_article(bl->search, i, a->url, a->fm->title, a->fm->summary,
                                    a->lang);
            b->search_at[a - b->articles] = i;
        }
    }
}

/* The index's file in the site: search-index.json under the language's prefix. */
static char *S_index_file(const build *b, const build_lang *bl)
{
    char *url = xasprintf("%s%s", bl->L->prefix, SEARCHINDEX_FILE);
    char *rel = build_page_file(b, url);
    free(url);
    return rel;
}

typedef struct {
    const article *a;
    char *key;
    char initial[SEARCHINDEX_INITIAL_SIZE];
} S_by_title_item;

/* By group, then title: the groups in order, each once ("0–9", "A"... "Z", "ㄱ"...). */
static int S_by_title(const void *x, const void *y)
{
    const S_by_title_item *p = x, *q = y;
    int c = strcmp(p->initial, q->initial);
    if (!c)
        c = strcmp(p->key, q->key);
    if (!c)
        c = strcmp(p->a->fm->title, q->a->fm->title);
    return c ? c : strcmp(p->a->url, q->a->url);
}

/*
 * /search/: the search form, and every published article by title (searchindex_sort_key)
 * in groups by first letter (searchindex_initial), for readers without JavaScript;
 * search.js searches the index the page names, then the other languages' (other-index),
 * listing their matches apart. A site of 10,000 articles makes this one
 * page of 10,000: its XML holds titles and summaries only.
 */
void build_render_search(build *b, build_lang *bl)
{
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_SEARCH, bl->L->code, bl->search_url, "",
                                bl->L->description, bl->topic_counts);
    build_list_languages(b, doc, bl, PERMALINK_SEARCH, NULL, 0);
    xmlNodePtr page = xmlDocGetRootElement(doc);
    xmlNodePtr search = xmlNewChild(page, NULL, BAD_CAST "search", NULL);
    /* search.js fetches the index the page names: its language's own. */
    char *index = xasprintf("%s%s", bl->L->prefix, SEARCHINDEX_FILE);
    xmlNewProp(search, BAD_CAST "index", BAD_CAST index);
    free(index);
    /* ... and, below its own results, those of every other language's index, each named
     * by its language code (site.yaml order): <other-index code="en" href="/en/..."/>. */
    for (size_t l = 0; l < b->n_langs; l++) {
        const build_lang *other = &b->langs[l];
        if (other == bl)
            continue;
        xmlNodePtr o = xmlNewChild(search, NULL, BAD_CAST "other-index", NULL);
        xmlNewProp(o, BAD_CAST "code", BAD_CAST other->L->code);
        char *href = xasprintf("%s%s", other->L->prefix, SEARCHINDEX_FILE);
        xmlNewProp(o, BAD_CAST "href", BAD_CAST href);
        free(href);
    }
    size_t n = bl->n_listed;
    S_by_title_item *items = xcalloc(n + 1, sizeof *items);
    for (size_t i = 0; i < n; i++) {
        items[i] = (S_by_title_item){.a = bl->listed[i],
                                     .key = searchindex_sort_key(bl->listed[i]->fm->title)};
        searchindex_initial(bl->listed[i]->fm->title, items[i].initial);
    }
    qsort(items, n, sizeof *items, S_by_title);
    xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "articles", NULL);
    xmlNodePtr group = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!group || strcmp(items[i].initial, items[i - 1].initial) != 0) {
            group = xmlNewChild(list, NULL, BAD_CAST "group", NULL);
            xmlNewProp(group, BAD_CAST "initial", BAD_CAST items[i].initial);
        }
        pagexml_search_ref(group, items[i].a);
    }
    for (size_t i = 0; i < n; i++)
        free(items[i].key);
    free(items);
    build_render_page(b, bl, PAGE_SEARCH, doc, bl->search_url);
    xmlFreeDoc(doc);
}

/*
 * An article whose page was taken from the old site, when the old site's index does not
 * have its entry (deleted by hand, damaged): render its body again for the index alone.
 * It has nothing to report: a page that had is never taken from the old site, and its
 * fingerprint covers its text and what its links need. markdown_render's own messages go
 * to a list that is dropped; the hooks would report into the build's.
 */
static void S_search_fallback(build *b, article *a)
{
    size_t at = b->search_at[a - b->articles];
    build_lang *bl = build_lang_of(b, a);
    if (at == SIZE_MAX || searchindex_has_body(bl->search, at))
        return;
    size_t len;
    char *text = file_read(a->path, &len);
    if (!text)
        return;
    const char *body = build_article_body(a, text, len);
    diag_list *quiet = diag_list_new();
    render_ctx c = {.b = b, .file = a->path, .self = a, .lang = bl, .quiet = true};
    markdown_hooks hooks = build_hooks(&c);
    markdown_result *md = markdown_render(a->path, body, len - (size_t)(body - text),
                                          a->body_line, MARKDOWN_NO_H1, &hooks, quiet);
    searchindex_add_body(bl->search, at, md->body, md->headings, md->n_headings);
    markdown_result_free(md);
    build_ctx_free(&c);
    diag_list_free(quiet);
    free(text);
}

/*
 * Write bl's search-index.json. The articles rendered in this build gave their bodies as
 * they were rendered; those whose pages were taken from the old site give theirs from the
 * old site's index (the same file, the same entry), or are rendered again for it.
 */
static void S_write_index(build *b, build_lang *bl)
{
    char *rel = S_index_file(b, bl);
    size_t missing = 0;
    for (size_t i = 0; i < searchindex_count(bl->search); i++)
        missing += !searchindex_has_body(bl->search, i);
    if (missing) {
        char *path = path_join(b->opt->out_dir, rel);
        searchindex *old = searchindex_read(path);
        missing = searchindex_take_from(bl->search, old);
        searchindex_free(old);
        free(path);
    }
    if (missing)
        build_each_article(b, S_search_fallback);
    /* Streamed to the file: at 10,000 articles it is 7 MB. */
    char *path = publish_prepare(b->stage, rel);
    FILE *out = path ? fopen(path, "w") : NULL;
    int status = out ? searchindex_write(bl->search, out) : -1;
    int e = errno;
    if (out && fclose(out) != 0 && status == 0) {
        status = -1;
        e = errno;
    }
    if (status != 0) {
        build_write_failed(b, path, rel, e);
    } else {
        atomic_fetch_add(&b->files, 1);
        build_compress_staged(b, rel);
    }
    free(path);
    free(rel);
}

void build_write_search_index(build *b)
{
    if (diag_error_count(b->diags) > 0)
        return; /* nothing is published */
    for (size_t l = 0; l < b->n_langs; l++)
        S_write_index(b, &b->langs[l]);
}
