/*
 * articles.c: loading the articles, and running work on every article on threads
 * (build_private.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/permalink.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "base/utf8.h"
#include "build/build_private.h"
#include "build/manifest.h"
#include "content/articlefiles.h"
#include "content/frontmatter.h"
#include "markdown/mdarena.h"

static int S_by_file_name(const void *key, const void *item)
{
    return strcmp(key, ((const article *)item)->file_name);
}

/* b->articles is sorted by file name (build_load_articles). */
const article *build_find_article(const build *b, const char *file_name)
{
    return bsearch(file_name, b->articles, b->n_articles, sizeof *b->articles, S_by_file_name);
}

const char *build_suggest_article(const build *b, const char *file_name)
{
    return suggest_closest_in(file_name, b->articles, b->n_articles, sizeof *b->articles,
                              offsetof(article, file_name));
}

static const char *S_suggest_topic(const config *cfg, const char *id)
{
    return suggest_closest_in(id, cfg->topics, cfg->n_topics, sizeof *cfg->topics,
                              offsetof(config_topic, id));
}

/* Check the ids an article's front matter names against site.yaml and the data. */
static void S_check_refs(build *b, article *a)
{
    const frontmatter *fm = a->fm;
    for (size_t i = 0; i < fm->n_topics; i++) {
        const fm_ref *r = &fm->topics[i];
        if (config_find_topic(b->cfg, r->id))
            continue;
        const char *near = S_suggest_topic(b->cfg, r->id);
        if (near)
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       "unknown topic '%s'; did you mean '%s'?", r->id, near);
        else
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       "unknown topic '%s'; use a topic declared in %s", r->id, b->cfg->file);
    }
    for (size_t i = 0; i < fm->n_procedures; i++) {
        const fm_ref *r = &fm->procedures[i];
        if (procedures_find(b->procedures, r->id) >= 0)
            continue;
        const char *near = procedures_suggest(b->procedures, r->id);
        if (near)
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       "unknown procedure '%s'; did you mean '%s'?", r->id, near);
        else
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       "unknown procedure '%s'; use a procedure declared in %s", r->id,
                       b->procedures->file);
    }
}

char *build_read_article(build *b, const article *a, size_t *len)
{
    char *text = file_read(a->path, len);
    if (!text) {
        diag_file_problem(b->diags, a->path, errno, NULL, "the article");
    }
    return text;
}

/* Keep the ids in ids as a's packed heading ids (article.h), and empty ids. */
static void S_keep_heading_ids(article *a, strlist *ids)
{
    a->heading_ids = manifest_pack(ids);
    a->n_heading_ids = (uint32_t)ids->len;
    strlist_free(ids);
}

static void S_load_article(build *b, article *a)
{
    size_t len;
    char *text = build_read_article(b, a, &len);
    if (!text) {
        /* Reported. It keeps the name its file gives it, so that what spans the articles
         * (slugs, links) can still sort and find it. */
        a->slug = xstrndup(a->file_name, strlen(a->file_name) - 3);
        a->url = permalink(b->cfg->base_path, PERMALINK_ARTICLE, a->slug, 0);
        a->lang = config_default_language(b->cfg)->code;
        strlist ids = STRLIST_INIT;
        S_keep_heading_ids(a, &ids);
        return;
    }
    const char *body = NULL;
    a->fm = frontmatter_parse(a->path, text, len, b->diags, &body, &a->body_line);
    /* cmark would publish each bad byte of the body as U+FFFD, without a word; libyaml has
     * reported those of the front matter. A warning, once: the page is still readable. */
    if (body)
        utf8_warn_after(text, len, (size_t)(body - text), a->path, "encoding", b->diags);
    size_t stem = strlen(a->file_name) - 3;
    if (a->fm && a->fm->slug) {
        a->slug = xstrdup(a->fm->slug);
    } else {
        a->slug = xstrndup(a->file_name, stem);
        if (!slug_is_valid(a->slug))
            diag_error(b->diags, a->path, 1, 1, "slug",
                       "the file name '%s' cannot be used as a web address; rename the file "
                       "with lower-case letters, digits and hyphens, or set 'slug:' in the "
                       "front matter",
                       a->file_name);
    }
    a->url = permalink(b->cfg->base_path, PERMALINK_ARTICLE, a->slug, 0);
    fingerprint *src = fingerprint_new();
    fingerprint_bytes(src, text, len);
    fingerprint_digest source = fingerprint_digest_of(src);
    fingerprint_free(src);
    /* The same bytes as the old site's page was made from have the same headings. */
    char *rel = build_page_file(b, a->url);
    a->heading_ids = incremental_take_heading_ids(b->inc, rel, &source, &a->n_heading_ids);
    bool ids_known = a->heading_ids != NULL;
    if (a->fm) {
        a->lang = a->fm->lang ? a->fm->lang : config_default_language(b->cfg)->code;
        a->published = !a->fm->draft || b->opt->drafts;
        S_check_refs(b, a);
    } else {
        a->lang = config_default_language(b->cfg)->code;
    }
    if (!ids_known) {
        strlist ids = STRLIST_INIT;
        if (body)
            markdown_heading_ids(body, len - (size_t)(body - text), &ids);
        S_keep_heading_ids(a, &ids);
    }
    if (build_has_page(a))
        incremental_add_article(b->inc, rel, &source, a->heading_ids, a->n_heading_ids);
    free(rel);
    free(text);
}

static int S_by_newest(const void *pa, const void *pb)
{
    const article *a = *(const article *const *)pa, *b = *(const article *const *)pb;
    int c = date_compare(&b->fm->date, &a->fm->date);
    return c ? c : strcmp(a->fm->title, b->fm->title);
}

static int S_by_slug(const void *pa, const void *pb)
{
    const article *a = *(const article *const *)pa, *b = *(const article *const *)pb;
    int c = strcmp(a->slug, b->slug);
    return c ? c : (a > b) - (a < b);
}

/*
 * Two articles at one address: each of them is reported, naming the first other article
 * (in file-name order) with that slug. Sorting finds them without comparing every pair.
 */
static void S_check_slugs(build *b)
{
    const article **by_slug = xcalloc(b->n_articles + 1, sizeof *by_slug);
    for (size_t i = 0; i < b->n_articles; i++)
        by_slug[i] = &b->articles[i];
    qsort(by_slug, b->n_articles, sizeof *by_slug, S_by_slug);
    bool *clash = xcalloc(b->n_articles + 1, sizeof *clash);
    const article **other = xcalloc(b->n_articles + 1, sizeof *other);
    for (size_t i = 0; i < b->n_articles;) {
        size_t j = i + 1;
        while (j < b->n_articles && strcmp(by_slug[j]->slug, by_slug[i]->slug) == 0)
            j++;
        /* by_slug[i..j) share a slug, in file-name order (articles is sorted that way). */
        for (size_t k = i; j - i > 1 && k < j; k++) {
            size_t at = (size_t)(by_slug[k] - b->articles);
            clash[at] = true;
            other[at] = by_slug[k == i ? i + 1 : i];
        }
        i = j;
    }
    for (size_t i = 0; i < b->n_articles; i++)
        if (clash[i])
            diag_error(b->diags, b->articles[i].path, 1, 1, "slug",
                       "this article has the slug '%s', like %s; two pages cannot share "
                       "one address, so give one of them a different 'slug:'",
                       b->articles[i].slug, other[i]->path);
    free(other);
    free(clash);
    free(by_slug);
}

bool build_load_articles(build *b)
{
    strlist names = STRLIST_INIT;
    bool listed = articlefiles_list(b->articles_dir, &names, b->diags) == 0;
    b->articles = xcalloc(names.len + 1, sizeof *b->articles);
    for (size_t i = 0; i < names.len; i++) {
        char *path = path_join(b->articles_dir, names.items[i]);
        /* A symbolic link may point anywhere: only files inside content/ are published. */
        if (path_link_outside(path, b->opt->content_dir)) {
            articlefiles_report_link_outside(b->diags, path, b->articles_dir);
            free(path);
            continue;
        }
        article *a = &b->articles[b->n_articles++];
        a->path = path;
        /* The file name is the end of the path: one allocation for both. */
        a->file_name = a->path + strlen(a->path) - strlen(names.items[i]);
    }
    strlist_free(&names);
    /* Each article is read on its own; what spans articles comes after. */
    build_each_article(b, S_load_article);
    S_check_slugs(b);
    b->listed = xcalloc(b->n_articles + 1, sizeof *b->listed);
    b->topic_counts = xcalloc(b->cfg->n_topics + 1, sizeof *b->topic_counts);
    for (size_t i = 0; i < b->n_articles; i++) {
        const article *a = &b->articles[i];
        if (!a->fm || !a->published)
            continue;
        b->listed[b->n_listed++] = a;
        for (size_t t = 0; t < b->cfg->n_topics; t++)
            for (size_t k = 0; k < a->fm->n_topics; k++)
                if (strcmp(a->fm->topics[k].id, b->cfg->topics[t].id) == 0)
                    b->topic_counts[t]++;
    }
    qsort(b->listed, b->n_listed, sizeof *b->listed, S_by_newest);
    b->related = related_index_new(b->listed, b->n_listed);
    return listed;
}

/* Each procedure's `article:` must name an article; its column header links there. */
void build_link_procedures(build *b)
{
    b->procedure_hrefs = xcalloc(b->procedures->n_procedures + 1, sizeof *b->procedure_hrefs);
    for (size_t i = 0; i < b->procedures->n_procedures; i++) {
        const procedure *p = &b->procedures->procedures[i];
        if (!p->article)
            continue;
        const article *a = build_find_article(b, p->article);
        if (!a) {
            const char *near = build_suggest_article(b, p->article);
            diag_error(b->diags, b->procedures->file, p->line, p->column, "procedures",
                       "procedure '%s' names the article '%s', which does not exist%s%s%s",
                       p->id, p->article, near ? "; did you mean '" : "", near ? near : "",
                       near ? "'?" : "");
            continue;
        }
        if (a->published)
            b->procedure_hrefs[i] = xstrdup(a->url);
    }
}

typedef struct {
    build *b;
    build_article_fn fn;
} S_each;

static void *S_each_worker(void *arg)
{
    S_each *e = arg;
    build *b = e->b;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next_article, 1);
        if (i >= b->n_articles)
            break;
        e->fn(b, &b->articles[i]);
    }
    mdarena_thread_exit();
    return NULL;
}

void build_on_threads(unsigned jobs, void *(*worker)(void *), void *arg)
{
    pthread_t *threads = xcalloc(jobs + 1, sizeof *threads);
    unsigned started = 0;
    for (unsigned i = 1; i < jobs; i++)
        if (pthread_create(&threads[i], NULL, worker, arg) == 0)
            started++;
        else
            break;
    worker(arg);
    for (unsigned i = 1; i <= started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
}

void build_each_article(build *b, build_article_fn fn)
{
    unsigned jobs = b->opt->jobs ? b->opt->jobs : 1;
    if (jobs > b->n_articles)
        jobs = b->n_articles ? (unsigned)b->n_articles : 1;
    atomic_store(&b->next_article, 0);
    S_each e = {b, fn};
    build_on_threads(jobs, S_each_worker, &e);
}

bool build_has_page(const article *a)
{
    return a->body_line && a->fm && a->published;
}

/* The front matter was checked when the article was loaded; find the body again. */
const char *build_article_body(const article *a, const char *text, size_t len)
{
    const char *body = text;
    unsigned line = 1;
    while (line < a->body_line && (body = strchr(body, '\n')) != NULL) {
        body++;
        line++;
    }
    return body ? body : text + len;
}
