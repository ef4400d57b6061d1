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

/* The index's articles: the published ones, newest first, as the home page lists them. */
void build_plan_search(build *b)
{
    b->search_url = permalink(b->cfg->base_path, PERMALINK_SEARCH, NULL, 0);
    b->search = searchindex_new(b->n_listed);
    b->search_at = xcalloc(b->n_articles + 1, sizeof *b->search_at);
    for (size_t i = 0; i < b->n_articles; i++)
        b->search_at[i] = SIZE_MAX;
    for (size_t i = 0; i < b->n_listed; i++) {
        const article *a = b->listed[i];
        searchindex_set_article(b->search, i, a->url, a->fm->title, a->fm->summary, a->lang);
        b->search_at[a - b->articles] = i;
    }
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
 * search.js searches the index the page names. A site of 10,000 articles makes this one
 * page of 10,000: its XML holds titles and summaries only.
 */
void build_render_search(build *b)
{
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_SEARCH, config_default_language(b->cfg)->code,
                                b->search_url, "",
                                config_default_language(b->cfg)->description,
                                b->topic_counts);
    xmlNodePtr page = xmlDocGetRootElement(doc);
    xmlNodePtr search = xmlNewChild(page, NULL, BAD_CAST "search", NULL);
    char *index = xasprintf("%s%s", b->cfg->base_path, SEARCHINDEX_FILE);
    xmlNewProp(search, BAD_CAST "index", BAD_CAST index);
    free(index);
    S_by_title_item *items = xcalloc(b->n_listed + 1, sizeof *items);
    for (size_t i = 0; i < b->n_listed; i++) {
        items[i] = (S_by_title_item){.a = b->listed[i],
                                     .key = searchindex_sort_key(b->listed[i]->fm->title)};
        searchindex_initial(b->listed[i]->fm->title, items[i].initial);
    }
    qsort(items, b->n_listed, sizeof *items, S_by_title);
    xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "articles", NULL);
    xmlNodePtr group = NULL;
    for (size_t i = 0; i < b->n_listed; i++) {
        if (!group || strcmp(items[i].initial, items[i - 1].initial) != 0) {
            group = xmlNewChild(list, NULL, BAD_CAST "group", NULL);
            xmlNewProp(group, BAD_CAST "initial", BAD_CAST items[i].initial);
        }
        pagexml_search_ref(group, items[i].a);
    }
    for (size_t i = 0; i < b->n_listed; i++)
        free(items[i].key);
    free(items);
    build_render_page(b, PAGE_SEARCH, doc, b->search_url);
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
    if (at == SIZE_MAX || searchindex_has_body(b->search, at))
        return;
    size_t len;
    char *text = file_read(a->path, &len);
    if (!text)
        return;
    const char *body = build_article_body(a, text, len);
    diag_list *quiet = diag_list_new();
    render_ctx c = {.b = b, .file = a->path, .self = a};
    markdown_hooks hooks = build_hooks(&c);
    markdown_result *md = markdown_render(a->path, body, len - (size_t)(body - text),
                                          a->body_line, MARKDOWN_NO_H1, &hooks, quiet);
    searchindex_add_body(b->search, at, md->body, md->headings, md->n_headings);
    markdown_result_free(md);
    strlist_free(&c.links);
    diag_list_free(quiet);
    free(text);
}

/*
 * Write /search-index.json. The articles rendered in this build gave their bodies as they
 * were rendered; those whose pages were taken from the old site give theirs from the old
 * site's index (the same file, the same entry), or are rendered again for it.
 */
void build_write_search_index(build *b)
{
    if (diag_error_count(b->diags) > 0)
        return; /* nothing is published */
    size_t missing = 0;
    for (size_t i = 0; i < searchindex_count(b->search); i++)
        missing += !searchindex_has_body(b->search, i);
    if (missing) {
        char *path = path_join(b->opt->out_dir, SEARCHINDEX_FILE);
        searchindex *old = searchindex_read(path);
        missing = searchindex_take_from(b->search, old);
        searchindex_free(old);
        free(path);
    }
    if (missing)
        build_each_article(b, S_search_fallback);
    /* Streamed to the file: at 10,000 articles it is 7 MB. */
    char *path = publish_prepare(b->stage, SEARCHINDEX_FILE);
    FILE *out = path ? fopen(path, "w") : NULL;
    int status = out ? searchindex_write(b->search, out) : -1;
    int e = errno;
    if (out && fclose(out) != 0 && status == 0) {
        status = -1;
        e = errno;
    }
    if (status != 0)
        build_write_failed(b, path, SEARCHINDEX_FILE, e);
    else
        atomic_fetch_add(&b->files, 1);
    free(path);
}
