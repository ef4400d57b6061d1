/* site.c: the build, from content files to a published folder (see site.h). */
#define _GNU_SOURCE
#include "build/site.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/article.h"
#include "content/articlefiles.h"
#include "markdown/beforeafter.h"
#include "markdown/compare.h"
#include "content/config.h"
#include "render/disclaimer.h"
#include "render/feeds.h"
#include "content/frontmatter.h"
#include "content/glossary.h"
#include "build/incremental.h"
#include "build/manifest.h"
#include "markdown/markdown.h"
#include "markdown/mdarena.h"
#include "render/page.h"
#include "render/pagexml.h"
#include "base/permalink.h"
#include "content/procedures.h"
#include "build/publish.h"
#include "render/related.h"
#include "render/searchindex.h"
#include "base/slug.h"
#include "base/utf8.h"
#include "base/util.h"

/* How many related articles an article page lists. */
#define RELATED_MAX 4
/* How many articles a topic's list shows on one page (S_render_topics). */
#define TOPIC_PAGE_SIZE 50
/* How many of the newest articles the Atom feed holds. */
#define FEED_ENTRIES_MAX 50
/* How many of the newest articles the home page lists. */
#define HOME_NEWEST_MAX 10

typedef struct build {
    const site_options *opt;
    diag_list *diags;
    char *articles_dir;
    char *media_dir;
    site_config *cfg;
    procedure_data *procedures;
    glossary *glossary;
    page_templates *templates;
    article *articles;        /* sorted by file name */
    size_t n_articles;
    const article **listed;   /* published articles, newest first */
    size_t n_listed;
    related_index *related;   /* over listed */
    size_t *topic_counts;     /* published articles per topic */
    char **procedure_hrefs;   /* per procedure: its article's URL, or NULL */
    xmlNodePtr disclaimer;    /* the aside, shared read-only by every page */
    publish_stage *stage;
    atomic_size_t next_article;
    /* Incremental builds: the fingerprint of what every page depends on (hex). */
    char inputs[33];
    fingerprint_digest program; /* this binary's bytes */
    incremental *inc;           /* the old site's pages, and this build's */
    size_t n_list_pages;        /* pages that are not an article's (S_plan_list_pages) */
    /* Topic pages to render, shared by the threads that render them. */
    const article ***in_topic; /* per topic: its published articles, newest first */
    size_t *n_in_topic;
    atomic_size_t next_topic_page;
    atomic_size_t reused;
    atomic_size_t pages;
    atomic_size_t files;
    atomic_bool write_failed;
    atomic_bool out_of_space; /* reported once: every later write fails the same way */
    /* The search index (searchindex.h): the published articles, numbered as in listed. */
    searchindex *search;
    size_t *search_at; /* per article of articles: its number in search, or SIZE_MAX */
    char *search_url;  /* the /search/ page's site path */
} build;

/* What S_each_article runs on every article, on several threads. */
typedef void (*S_article_fn)(build *b, article *a);
static void S_each_article(build *b, S_article_fn fn);
static char *S_page_file(const build *b, const char *url);
static bool S_has_page(const article *a);

/* What the Markdown hooks need while one article (or glossary entry) renders. */
typedef struct render_ctx {
    build *b;
    const char *file;
    const article *self;  /* NULL outside an article */
    unsigned tables;
    strlist links;        /* article file names the text links to, for the manifest */
} render_ctx;

/* ---- reading articles ---------------------------------------------------------------- */

static int S_by_file_name(const void *key, const void *item)
{
    return strcmp(key, ((const article *)item)->file_name);
}

/* b->articles is sorted by file name (S_load_articles). */
static const article *S_find_article(const build *b, const char *file_name)
{
    return bsearch(file_name, b->articles, b->n_articles, sizeof *b->articles, S_by_file_name);
}

static const char *S_suggest_article(const build *b, const char *file_name)
{
    return suggest_closest_in(file_name, b->articles, b->n_articles, sizeof *b->articles,
                              offsetof(article, file_name));
}

static const char *S_suggest_topic(const site_config *cfg, const char *id)
{
    return suggest_closest_in(id, cfg->topics, cfg->n_topics, sizeof *cfg->topics,
                              offsetof(site_topic, id));
}

/* Check the ids an article's front matter names against site.yaml and the data. */
static void S_check_refs(build *b, article *a)
{
    const frontmatter *fm = a->fm;
    for (size_t i = 0; i < fm->n_topics; i++) {
        const fm_ref *r = &fm->topics[i];
        if (config_topic(b->cfg, r->id))
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

/* The article's text (the caller frees it), or NULL after reporting why it is unreadable. */
static char *S_read_article(build *b, const article *a, size_t *len)
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
    char *text = S_read_article(b, a, &len);
    if (!text) {
        /* Reported. It keeps the name its file gives it, so that what spans the articles
         * (slugs, links) can still sort and find it. */
        a->slug = xstrndup(a->file_name, strlen(a->file_name) - 3);
        a->url = permalink(b->cfg->base_path, PERMALINK_ARTICLE, a->slug, 0);
        a->lang = b->cfg->language;
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
    char *rel = S_page_file(b, a->url);
    a->heading_ids = incremental_take_heading_ids(b->inc, rel, &source, &a->n_heading_ids);
    bool ids_known = a->heading_ids != NULL;
    if (a->fm) {
        a->lang = a->fm->lang ? a->fm->lang : b->cfg->language;
        a->published = !a->fm->draft || b->opt->drafts;
        S_check_refs(b, a);
    } else {
        a->lang = b->cfg->language;
    }
    if (!ids_known) {
        strlist ids = STRLIST_INIT;
        if (body)
            markdown_heading_ids(body, len - (size_t)(body - text), &ids);
        S_keep_heading_ids(a, &ids);
    }
    if (S_has_page(a))
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

/*
 * Load every article of b->articles_dir, then what spans them: the published list, the
 * topic counts, the related index. Without an articles folder (reported) there are no
 * articles, and the rest is still made, empty; returns false then, true otherwise.
 */
static bool S_load_articles(build *b)
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
    S_each_article(b, S_load_article);
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
static void S_link_procedures(build *b)
{
    b->procedure_hrefs = xcalloc(b->procedures->n_procedures + 1, sizeof *b->procedure_hrefs);
    for (size_t i = 0; i < b->procedures->n_procedures; i++) {
        const procedure *p = &b->procedures->procedures[i];
        if (!p->article)
            continue;
        const article *a = S_find_article(b, p->article);
        if (!a) {
            const char *near = S_suggest_article(b, p->article);
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

/* ---- Markdown hooks: internal links, media, compare and before-after blocks ----------- */

static bool S_has_scheme(const char *url)
{
    const char *p = url;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return p != url && *p == ':';
}

static void S_check_fragment(render_ctx *c, const article *target, const char *fragment,
                             unsigned line, unsigned column)
{
    const char *p = target->heading_ids;
    for (size_t i = 0; i < target->n_heading_ids; i++, p += strlen(p) + 1)
        if (strcmp(p, fragment) == 0)
            return;
    /* Not found: the ids as a list, for the closest one. */
    const char **ids = xcalloc(target->n_heading_ids + 1, sizeof *ids);
    p = target->heading_ids;
    for (size_t i = 0; i < target->n_heading_ids; i++, p += strlen(p) + 1)
        ids[i] = p;
    const char *near = suggest_closest_n(fragment, ids, target->n_heading_ids);
    free(ids);
    if (near)
        diag_error(c->b->diags, c->file, line, column, "link",
                   "%s has no heading with the id '#%s'; did you mean '#%s'?",
                   target->file_name, fragment, near);
    else
        diag_error(c->b->diags, c->file, line, column, "link",
                   "%s has no heading with the id '#%s'; link to one of its headings or to "
                   "the article alone",
                   target->file_name, fragment);
}

static char *S_hook_link(void *ctx, const char *url, unsigned line, unsigned column)
{
    render_ctx *c = ctx;
    if (url[0] == '#') {
        if (c->self && url[1])
            S_check_fragment(c, c->self, url + 1, line, column);
        return NULL;
    }
    if (S_has_scheme(url) || url[0] == '/' || url[0] == '\0')
        return NULL;
    const char *hash = strchr(url, '#');
    size_t path_len = hash ? (size_t)(hash - url) : strlen(url);
    if (path_len < 3 || strncmp(url + path_len - 3, ".md", 3) != 0) {
        diag_error(c->b->diags, c->file, line, column, "link",
                   "the link '%s' points at a file suture does not publish; link to an "
                   "article by its file name (like 'dimpling.md') or to a full web address",
                   url);
        return NULL;
    }
    char *path = xstrndup(url, path_len);
    const char *name = path_basename(path);
    if (!strlist_contains(&c->links, name))
        strlist_push(&c->links, name);
    const article *target = S_find_article(c->b, name);
    char *result = NULL;
    if (!target) {
        const char *near = S_suggest_article(c->b, name);
        if (near)
            diag_error(c->b->diags, c->file, line, column, "link",
                       "there is no article '%s'; did you mean '%s'?", name, near);
        else
            diag_error(c->b->diags, c->file, line, column, "link",
                       "there is no article '%s' in %s; check the file name", name,
                       c->b->articles_dir);
    } else if (!target->fm) {
        /* Its own errors are reported already. */
    } else if (!target->published) {
        diag_error(c->b->diags, c->file, line, column, "link",
                   "'%s' is a draft and will not be published, so this link would be "
                   "broken; remove the link or publish the article",
                   name);
    } else {
        if (hash && hash[1])
            S_check_fragment(c, target, hash + 1, line, column);
        result = hash && hash[1] ? xasprintf("%s%s", target->url, hash) : xstrdup(target->url);
    }
    free(path);
    return result;
}

/*
 * The site URL of an image in content/media/, written as media/x.jpg, ./media/x.jpg,
 * ../media/x.jpg or /media/x.jpg. Reports images on other hosts, paths outside media/ and
 * missing files; returns NULL then.
 */
static char *S_media_url(render_ctx *c, const char *src, unsigned line, unsigned column)
{
    build *b = c->b;
    if (strncmp(src, "data:", 5) == 0)
        return NULL; /* an inline image: no request anywhere */
    if (S_has_scheme(src) || strncmp(src, "//", 2) == 0) {
        diag_error(b->diags, c->file, line, column, "media",
                   "the image '%s' is on another site; pages must not load anything from other "
                   "hosts, so copy the image into content/media/ and write 'media/<name>'",
                   src);
        return NULL;
    }
    const char *p = src;
    while (strncmp(p, "./", 2) == 0)
        p += 2;
    if (strncmp(p, "../", 3) == 0)
        p += 3;
    while (*p == '/')
        p++;
    char *clean = xstrndup(p, strcspn(p, "?#"));
    bool inside = strncmp(clean, "media/", 6) == 0 && !strstr(clean, "/../") &&
                  !str_ends_with(clean, "/..") && clean[6] != '\0';
    if (!inside) {
        diag_error(b->diags, c->file, line, column, "media",
                   "the image '%s' is not in content/media/; put it there and write "
                   "'media/<name>'",
                   src);
        free(clean);
        return NULL;
    }
    char *file = path_join(b->media_dir, clean + 6);
    const char *kind = path_is_file(file) ? NULL : path_kind(file);
    if (kind && strcmp(kind, "a folder") != 0) {
        /* Something is there, but not an image file: say what it is. */
        diag_error(b->diags, c->file, line, column, "media",
                   "the image '%s' is %s, not a file: %s; suture publishes only regular "
                   "files: replace it with the image",
                   src, kind, file);
        free(file);
        free(clean);
        return NULL;
    }
    if (!path_is_file(file)) {
        diag_error(b->diags, c->file, line, column, "media",
                   "the image '%s' does not exist: there is no file %s; check the name or add "
                   "the file",
                   src, file);
        free(file);
        free(clean);
        return NULL;
    }
    free(file);
    char *url = xasprintf("%s%s", b->cfg->base_path, clean);
    free(clean);
    return url;
}

static char *S_hook_image(void *ctx, const char *url, const char *alt, unsigned line,
                          unsigned column)
{
    render_ctx *c = ctx;
    const char *p = alt;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p)
        diag_error(c->b->diags, c->file, line, column, "media",
                   "this image has no alt text; describe what it shows inside the brackets: "
                   "![what the image shows](%s)",
                   url);
    return S_media_url(c, url, line, column);
}

static bool S_hook_fenced(void *ctx, const char *info, const char *content, size_t len,
                          unsigned line, unsigned column, xmlNodePtr parent)
{
    render_ctx *c = ctx;
    build *b = c->b;
    if (strcmp(info, "compare") == 0) {
        compare_spec *spec =
            compare_parse(c->file, content, len, line, column, b->procedures, b->diags);
        if (!spec)
            return true;
        char id[32];
        snprintf(id, sizeof id, "cmp-%u", ++c->tables);
        /* Column headers link to articles only on /compare/: here the reader is in one. */
        xmlAddChild(parent, compare_render(b->procedures, spec, id, false, NULL));
        compare_spec_free(spec);
        return true;
    }
    if (strcmp(info, "before-after") == 0) {
        beforeafter *ba = beforeafter_parse(c->file, content, len, line, column, b->diags);
        if (!ba)
            return true;
        char *before = S_media_url(c, ba->before, ba->before_line, ba->before_column);
        char *after = S_media_url(c, ba->after, ba->after_line, ba->after_column);
        if (before && after)
            xmlAddChild(parent, beforeafter_render(ba, before, after,
                                                   config_notice(b->cfg, "before_after")));
        free(before);
        free(after);
        beforeafter_free(ba);
        return true;
    }
    return false;
}

static markdown_hooks S_hooks(render_ctx *c)
{
    return (markdown_hooks){
        .ctx = c,
        .link = S_hook_link,
        .image = S_hook_image,
        .fenced = S_hook_fenced,
    };
}

/* ---- writing pages ---------------------------------------------------------------------- */

/*
 * Whether e says there is no room left (a full disk, a used-up quota, the file-size limit
 * of ulimit -f); if so, report it once for the whole build, at the output folder the user
 * gave: the staging folder each write names is deleted when the build fails, and a full
 * disk made one message per page (issue 14, point 11).
 */
static bool S_out_of_space(build *b, int e)
{
    if (e != ENOSPC && e != EDQUOT && e != EFBIG)
        return false;
    atomic_store(&b->write_failed, true);
    if (atomic_exchange(&b->out_of_space, true))
        return true;
    const char *out = b->opt->out_dir;
    if (e == ENOSPC)
        diag_error(b->diags, out, 0, 0, NULL,
                   "the disk is full: free space on the drive that holds %s and build again; "
                   "the published site was not changed",
                   out);
    else if (e == EDQUOT)
        diag_error(b->diags, out, 0, 0, NULL,
                   "your disk quota is used up: free space of yours on the drive that holds %s "
                   "(or ask for a larger quota) and build again; the published site was not "
                   "changed",
                   out);
    else
        diag_error(b->diags, out, 0, 0, NULL,
                   "cannot write: %s: a page is larger than the file-size limit allows (ulimit "
                   "-f); raise the limit and build again; the published site was not changed",
                   strerror(e));
    return true;
}

/* Report that rel_path (staged at path, or NULL when it could not be prepared) could not be
 * written, errno e: the build fails and the published site stays. */
static void S_write_failed(build *b, const char *path, const char *rel_path, int e)
{
    if (S_out_of_space(b, e))
        return;
    char *joined = path ? NULL : path_join(publish_path(b->stage), rel_path);
    diag_error(b->diags, path ? path : joined, 0, 0, NULL, "cannot write: %s", strerror(e));
    atomic_store(&b->write_failed, true);
    free(joined);
}

static void S_write(build *b, const char *rel_path, const char *data, size_t len)
{
    char *path = publish_prepare(b->stage, rel_path);
    if (!path || file_write(path, data, len) < 0)
        S_write_failed(b, path, rel_path, errno);
    else
        atomic_fetch_add(&b->files, 1);
    free(path);
}

/* The file for a page URL: "/kb/articles/x/" → "articles/x/index.html". */
static char *S_page_file(const build *b, const char *url)
{
    size_t base_len = strlen(b->cfg->base_path);
    const char *rest = strncmp(url, b->cfg->base_path, base_len) == 0 ? url + base_len : url;
    if (!*rest || str_ends_with(rest, "/"))
        return xasprintf("%sindex.html", rest);
    return xstrdup(rest);
}

static bool S_reuse(build *b, const char *rel);

/*
 * For a page that is not an article's: record its fingerprint, and take it from the old
 * site when that is the one recorded there. True when the page was taken. The fingerprint
 * is the build's inputs and the XML the template receives, which holds everything else the
 * page shows (a topic page's articles, the home page's newest...): computed before the
 * page is rendered, so that a page whose XML is unchanged is taken without running the
 * template.
 */
static bool S_reuse_list_page(build *b, page_kind kind, xmlDocPtr doc, const char *url)
{
    char *rel = S_page_file(b, url);
    xmlChar *xml = NULL;
    int len = 0;
    xmlDocDumpMemory(doc, &xml, &len);
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "list page");
    fingerprint_str(f, b->inputs);
    fingerprint_u64(f, (uint64_t)kind);
    fingerprint_str(f, url);
    fingerprint_bytes(f, xml, len > 0 ? (size_t)len : 0);
    fingerprint_digest fp = fingerprint_digest_of(f);
    fingerprint_free(f);
    xmlFree(xml);
    bool reused = incremental_made(b->inc, rel, &fp, NULL) && S_reuse(b, rel);
    free(rel);
    return reused;
}

static void S_render_page(build *b, page_kind kind, xmlDocPtr doc, const char *url)
{
    if (kind != PAGE_ARTICLE && S_reuse_list_page(b, kind, doc, url))
        return;
    char *html = NULL;
    size_t len = 0;
    if (page_render(b->templates, kind, doc, b->disclaimer, url, b->diags, &html, &len) == 0) {
        char *file = S_page_file(b, url);
        S_write(b, file, html, len);
        atomic_fetch_add(&b->pages, 1);
        if (b->opt->progress)
            atomic_fetch_add(&b->opt->progress->done, 1);
        free(file);
        free(html);
    }
}

/* Articles that share a topic or a procedure with a, most shared first, then newest. */
/*
 * Render an article's page. With check_only (an article whose front matter has errors, or
 * a draft that is not built) the body is still rendered, so its mistakes are reported in
 * the same build, but no page is made.
 */
/*
 * The fingerprint of an article's page (manifest.h): everything the page is made from.
 * The build's inputs (templates, settings, data, glossary, media, the disclaimer, the
 * topic counts in the navigation, this binary: b->inputs); the article's file name and
 * text (a->source); its related articles as listed; and, for each article it links to, what the link
 * needs: whether it exists and is published, its URL and its heading ids.
 */
static fingerprint_digest S_article_fingerprint(const build *b, const article *a,
                                                const fingerprint_digest *source,
                                                const article *const *related,
                                                size_t n_related, const char *links,
                                                size_t n_links)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "article page");
    fingerprint_str(f, b->inputs);
    fingerprint_str(f, a->file_name);
    fingerprint_bytes(f, source->bytes, sizeof source->bytes);
    fingerprint_u64(f, n_related);
    for (size_t i = 0; i < n_related; i++) {
        const article *r = related[i];
        char date[16], reviewed[16];
        date_format(&r->fm->date, date, sizeof date);
        date_format(&r->fm->reviewed, reviewed, sizeof reviewed);
        fingerprint_str(f, r->url);
        fingerprint_str(f, r->fm->title);
        fingerprint_str(f, r->fm->summary);
        fingerprint_str(f, date);
        fingerprint_str(f, reviewed);
    }
    fingerprint_u64(f, n_links);
    const char *name = links;
    for (size_t i = 0; i < n_links; i++, name += strlen(name) + 1) {
        const article *t = S_find_article(b, name);
        fingerprint_str(f, name);
        fingerprint_u64(f, !t ? 0 : !t->fm ? 1 : !t->published ? 2 : 3);
        if (t && t->fm && t->published) {
            fingerprint_str(f, t->url);
            fingerprint_u64(f, t->n_heading_ids);
            const char *p = t->heading_ids;
            for (size_t k = 0; k < t->n_heading_ids; k++, p += strlen(p) + 1)
                fingerprint_str(f, p);
        }
    }
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

/*
 * Take the page at rel from the site being replaced, unchanged: a hard link into the
 * staging folder (a copy where the two cannot share a file). False when the old site has
 * no such file or it cannot be taken; the page is then made again.
 */
static bool S_reuse(build *b, const char *rel)
{
    bool ok = incremental_take(b->inc, rel, b->stage, b->opt->out_dir);
    if (ok) {
        atomic_fetch_add(&b->files, 1);
        atomic_fetch_add(&b->pages, 1);
        if (b->opt->progress)
            atomic_fetch_add(&b->opt->progress->done, 1);
        atomic_fetch_add(&b->reused, 1);
    }
    return ok;
}

static void S_render_article(build *b, const article *a, bool check_only)
{
    char *rel = check_only ? NULL : S_page_file(b, a->url);
    if (rel && S_reuse(b, rel)) {
        /* The same inputs as the page in the old site (S_check_unchanged): taken. */
        free(rel);
        return;
    }
    /* Found once: the fingerprint and the page both list them. */
    const article *related[RELATED_MAX];
    size_t n_related = check_only ? 0 : related_find(b->related, a, related, RELATED_MAX);
    size_t len;
    char *text = S_read_article(b, a, &len);
    if (!text) {
        free(rel);
        return;
    }
    /* The front matter was checked when the article was loaded; find the body again. */
    const char *body = text;
    unsigned line = 1;
    while (line < a->body_line && (body = strchr(body, '\n')) != NULL) {
        body++;
        line++;
    }
    if (!body)
        body = text + len;
    render_ctx c = {.b = b, .file = a->path, .self = a};
    markdown_hooks hooks = S_hooks(&c);
    size_t errors_before = diag_thread_error_count();
    markdown_result *md = markdown_render(a->path, body, len - (size_t)(body - text),
                                          a->body_line, MARKDOWN_NO_H1, &hooks, b->diags);
    if (rel) {
        /* Recorded now; S_keep_clean_pages forgets it if the page had anything to say. */
        char *links = manifest_pack(&c.links);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, c.links.len);
        incremental_made(b->inc, rel, &fp, &c.links);
        free(links);
    }
    strlist_free(&c.links);
    free(rel);
    free(text);
    char *glossary_href = permalink(b->cfg->base_path, PERMALINK_GLOSSARY, NULL, 0);
    glossary_link_terms(b->glossary, md->body, glossary_href);
    free(glossary_href);
    if (check_only || diag_thread_error_count() > errors_before) {
        markdown_result_free(md);
        return;
    }
    searchindex_add_body(b->search, b->search_at[a - b->articles], md->body, md->headings,
                         md->n_headings);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_ARTICLE, a->lang, a->url, a->fm->title,
                                a->fm->summary, b->topic_counts);
    pagexml_article(xmlDocGetRootElement(doc), b->cfg, a, md->body, md->headings,
                    md->n_headings, related, n_related, b->procedures);
    md->body = NULL; /* the page owns it now */
    S_render_page(b, PAGE_ARTICLE, doc, a->url);
    xmlFreeDoc(doc);
    markdown_result_free(md);
}


typedef struct {
    build *b;
    S_article_fn fn;
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

/*
 * Run worker(arg) on up to jobs threads, the calling thread among them, and wait for all;
 * the workers share out the work themselves. Fewer threads when they cannot be started.
 */
static void S_on_threads(unsigned jobs, void *(*worker)(void *), void *arg)
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

/* Run fn on every article, on --jobs threads (the calling thread among them). */
static void S_each_article(build *b, S_article_fn fn)
{
    unsigned jobs = b->opt->jobs ? b->opt->jobs : 1;
    if (jobs > b->n_articles)
        jobs = b->n_articles ? (unsigned)b->n_articles : 1;
    atomic_store(&b->next_article, 0);
    S_each e = {b, fn};
    S_on_threads(jobs, S_each_worker, &e);
}

/* Whether the article has a page in this build. */
static bool S_has_page(const article *a)
{
    return a->body_line && a->fm && a->published;
}

/*
 * Whether the article's page has the fingerprint the old site's manifest recorded for it,
 * so that the page there is what this build would make (incremental_check remembers it).
 * The links it covers are those the old page had: the same text has the same links.
 */
static void S_check_unchanged(build *b, article *a)
{
    if (!S_has_page(a))
        return;
    char *rel = S_page_file(b, a->url);
    const char *links;
    size_t n_links;
    if (incremental_old_links(b->inc, rel, &links, &n_links)) {
        const article *related[RELATED_MAX];
        size_t n_related = related_find(b->related, a, related, RELATED_MAX);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, n_links);
        incremental_check(b->inc, rel, &fp);
    }
    free(rel);
}

/*
 * True when the published site is exactly what this build would make, so that there is
 * nothing to write and nothing to swap: no diagnostics; every article page unchanged (its
 * fingerprint covers its text and front matter, the build's inputs and what it shows of
 * other articles); every list page recorded; and the old manifest recorded no other page
 * (none was removed). The list pages, the feed and the sitemap are made from the inputs and
 * the articles' front matter and addresses alone, so they are unchanged too.
 */
static bool S_nothing_changed(const build *b)
{
    return diag_count(b->diags) == 0 && path_is_dir(b->opt->out_dir) &&
           incremental_nothing_changed(b->inc);
}

static void S_render_one(build *b, article *a)
{
    if (a->body_line)
        S_render_article(b, a, !(a->fm && a->published));
}

static void S_render_home(build *b)
{
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_HOME, b->cfg->language, b->cfg->base_path,
                                b->cfg->title, b->cfg->description, b->topic_counts);
    xmlNodePtr list = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "articles", NULL);
    for (size_t i = 0; i < b->n_listed && i < HOME_NEWEST_MAX; i++)
        pagexml_article_ref(list, b->listed[i]);
    S_render_page(b, PAGE_HOME, doc, b->cfg->base_path);
    xmlFreeDoc(doc);
}

/* The URL of page n (from 1) of a topic's list: /topics/<id>/, then /topics/<id>/page/<n>/. */
static char *S_topic_page_url(const build *b, const char *id, size_t n)
{
    return permalink(b->cfg->base_path, PERMALINK_TOPIC, id, n);
}

/* How many list pages a topic with n published articles has (one even when empty). */
static size_t S_topic_pages(size_t n)
{
    return n == 0 ? 1 : (n + TOPIC_PAGE_SIZE - 1) / TOPIC_PAGE_SIZE;
}

/* Page p (from 1) of topic t's list. */
static void S_render_topic_page(build *b, size_t t, size_t p)
{
    const site_topic *topic = &b->cfg->topics[t];
    const article **in_topic = b->in_topic[t];
    size_t n = b->n_in_topic[t];
    size_t pages = S_topic_pages(n);
    char *first = S_topic_page_url(b, topic->id, 1);
    char *url = S_topic_page_url(b, topic->id, p);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_TOPIC, b->cfg->language, url, topic->title,
                                topic->description, b->topic_counts);
    xmlNodePtr page = xmlDocGetRootElement(doc);
    xmlNodePtr el = xmlNewChild(page, NULL, BAD_CAST "topic", NULL);
    xmlNewProp(el, BAD_CAST "id", BAD_CAST topic->id);
    xmlNewProp(el, BAD_CAST "href", BAD_CAST first);
    pagexml_text(el, "title", topic->title);
    pagexml_text(el, "description", topic->description);
    if (pages > 1) {
        xmlNodePtr nav = xmlNewChild(page, NULL, BAD_CAST "pagination", NULL);
        char num[32];
        snprintf(num, sizeof num, "%zu", p);
        xmlNewProp(nav, BAD_CAST "current", BAD_CAST num);
        snprintf(num, sizeof num, "%zu", pages);
        xmlNewProp(nav, BAD_CAST "count", BAD_CAST num);
        const struct {
            const char *name;
            size_t page;
            bool show;
        } links[] = {{"first", 1, p > 1},
                     {"prev", p - 1, p > 1},
                     {"next", p + 1, p < pages},
                     {"last", pages, p < pages}};
        for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
            if (!links[k].show)
                continue;
            char *href = S_topic_page_url(b, topic->id, links[k].page);
            xmlNewProp(nav, BAD_CAST links[k].name, BAD_CAST href);
            free(href);
        }
    }
    xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "articles", NULL);
    for (size_t i = (p - 1) * TOPIC_PAGE_SIZE; i < n && i < p * TOPIC_PAGE_SIZE; i++)
        pagexml_article_ref(list, in_topic[i]);
    S_render_page(b, PAGE_TOPIC, doc, url);
    xmlFreeDoc(doc);
    free(url);
    free(first);
}

/* Render topic pages, taking the next one not yet taken, until none is left. */
static void *S_topic_worker(void *arg)
{
    build *b = arg;
    for (;;) {
        size_t k = atomic_fetch_add(&b->next_topic_page, 1);
        /* Page k of all: find its topic. */
        size_t t = 0;
        while (t < b->cfg->n_topics && k >= S_topic_pages(b->n_in_topic[t]))
            k -= S_topic_pages(b->n_in_topic[t++]);
        if (t == b->cfg->n_topics)
            break;
        S_render_topic_page(b, t, k + 1);
    }
    return NULL;
}

/*
 * Each topic's articles, newest first, TOPIC_PAGE_SIZE to a page: a long list is slow to
 * load on a phone and hard to move through with a screen reader, and one page holding
 * every article of a large site would hold them all in memory at once. The pages are
 * rendered on --jobs threads.
 */
static void S_render_topics(build *b)
{
    size_t n_topics = b->cfg->n_topics;
    b->in_topic = xcalloc(n_topics + 1, sizeof *b->in_topic);
    b->n_in_topic = xcalloc(n_topics + 1, sizeof *b->n_in_topic);
    for (size_t t = 0; t < n_topics; t++)
        b->in_topic[t] = xcalloc(b->topic_counts[t] + 1, sizeof **b->in_topic);
    for (size_t i = 0; i < b->n_listed; i++)
        for (size_t t = 0; t < n_topics; t++)
            for (size_t k = 0; k < b->listed[i]->fm->n_topics; k++)
                if (strcmp(b->listed[i]->fm->topics[k].id, b->cfg->topics[t].id) == 0) {
                    b->in_topic[t][b->n_in_topic[t]++] = b->listed[i];
                    break;
                }
    atomic_store(&b->next_topic_page, 0);
    S_on_threads(b->opt->jobs ? b->opt->jobs : 1, S_topic_worker, b);
    for (size_t t = 0; t < n_topics; t++)
        free(b->in_topic[t]);
    free(b->in_topic);
    free(b->n_in_topic);
    b->in_topic = NULL;
    b->n_in_topic = NULL;
}

static void S_render_compare(build *b)
{
    const procedure_data *data = b->procedures;
    /* /compare/ shows every procedure on every attribute: each needs every value. */
    for (size_t p = 0; p < data->n_procedures; p++)
        for (size_t a = 0; a < data->n_attributes; a++)
            if (!data->procedures[p].values[a].text)
                diag_error(b->diags, data->file, data->procedures[p].line,
                           data->procedures[p].column, "procedures",
                           "procedure '%s' has no value for '%s'; the comparison page shows "
                           "every attribute, so add one",
                           data->procedures[p].id, data->attributes[a].id);
    /* The caption names what is compared, in the data's own words. */
    strbuf caption = STRBUF_INIT;
    for (size_t p = 0; p < data->n_procedures; p++)
        strbuf_printf(&caption, "%s%s", p ? ", " : "", data->procedures[p].name);
    char *url = permalink(b->cfg->base_path, PERMALINK_COMPARE, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_COMPARE, b->cfg->language, url, "",
                                b->cfg->description, b->topic_counts);
    xmlNodePtr cmp = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "comparison", NULL);
    if (data->n_procedures) {
        compare_spec *spec = compare_spec_all(data, strbuf_str(&caption));
        xmlAddChild(cmp, compare_render(data, spec, "cmp-all", true,
                                        (const char *const *)b->procedure_hrefs));
        compare_spec_free(spec);
    }
    S_render_page(b, PAGE_COMPARE, doc, url);
    xmlFreeDoc(doc);
    free(url);
    strbuf_free(&caption);
}

static void S_render_glossary(build *b)
{
    const glossary *g = b->glossary;
    char *url = permalink(b->cfg->base_path, PERMALINK_GLOSSARY, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_GLOSSARY, b->cfg->language, url, "",
                                b->cfg->description, b->topic_counts);
    xmlNodePtr list = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "glossary", NULL);
    const size_t *order = glossary_sorted(g);
    for (size_t i = 0; i < glossary_count(g); i++) {
        const glossary_term *t = glossary_get(g, order[i]);
        xmlNodePtr term = xmlNewChild(list, NULL, BAD_CAST "term", NULL);
        char *id = xasprintf("term-%s", t->id);
        xmlNewProp(term, BAD_CAST "id", BAD_CAST id);
        free(id);
        pagexml_text(term, "name", t->term);
        xmlNodePtr aliases = xmlNewChild(term, NULL, BAD_CAST "aliases", NULL);
        for (size_t k = 0; k < t->n_aliases; k++)
            pagexml_text(aliases, "alias", t->aliases[k]);
        render_ctx c = {.b = b, .file = glossary_file_name(g)};
        markdown_hooks hooks = S_hooks(&c);
        markdown_result *md = markdown_render(c.file, t->definition, strlen(t->definition),
                                              t->line, MARKDOWN_NO_H1, &hooks, b->diags);
        strlist_free(&c.links);
        char *href = xasprintf("%s#term-%s", url, t->id);
        searchindex_add_term(b->search, t->term, (const char *const *)t->aliases, t->n_aliases,
                             md->body, href);
        free(href);
        xmlNodeSetName(md->body, BAD_CAST "definition");
        xmlAddChild(term, md->body);
        md->body = NULL;
        markdown_result_free(md);
    }
    S_render_page(b, PAGE_GLOSSARY, doc, url);
    xmlFreeDoc(doc);
    free(url);
}

static void S_render_not_found(build *b)
{
    char *url = permalink(b->cfg->base_path, PERMALINK_NOT_FOUND, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_NOT_FOUND, b->cfg->language, url, "",
                                b->cfg->description, b->topic_counts);
    S_render_page(b, PAGE_NOT_FOUND, doc, url);
    xmlFreeDoc(doc);
    free(url);
}

/* ---- search (searchindex.h) ---------------------------------------------------------- */

/* The index's articles: the published ones, newest first, as the home page lists them. */
static void S_plan_search(build *b)
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
static void S_render_search(build *b)
{
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_SEARCH, b->cfg->language, b->search_url, "",
                                b->cfg->description, b->topic_counts);
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
    S_render_page(b, PAGE_SEARCH, doc, b->search_url);
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
    const char *body = text;
    unsigned line = 1;
    while (line < a->body_line && (body = strchr(body, '\n')) != NULL) {
        body++;
        line++;
    }
    if (!body)
        body = text + len;
    diag_list *quiet = diag_list_new();
    render_ctx c = {.b = b, .file = a->path, .self = a};
    markdown_hooks hooks = S_hooks(&c);
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
static void S_write_search_index(build *b)
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
        S_each_article(b, S_search_fallback);
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
        S_write_failed(b, path, SEARCHINDEX_FILE, e);
    else
        atomic_fetch_add(&b->files, 1);
    free(path);
}

static void S_write_feeds(build *b)
{
    size_t n_pages = 0;
    feeds_page *pages = xcalloc(b->n_listed + b->cfg->n_topics + 4, sizeof *pages);
    char *compare = permalink(b->cfg->base_path, PERMALINK_COMPARE, NULL, 0);
    char *glossary_url = permalink(b->cfg->base_path, PERMALINK_GLOSSARY, NULL, 0);
    /* A list page changes when an article on it is reviewed: its lastmod is the latest
     * review date of its articles (the home page's, of all of them). */
    const date_ymd *latest = NULL;
    const date_ymd **topic_latest = xcalloc(b->cfg->n_topics + 1, sizeof *topic_latest);
    for (size_t i = 0; i < b->n_listed; i++) {
        const frontmatter *fm = b->listed[i]->fm;
        if (!latest || date_compare(&fm->reviewed, latest) > 0)
            latest = &fm->reviewed;
        for (size_t k = 0; k < fm->n_topics; k++) {
            const site_topic *t = config_topic(b->cfg, fm->topics[k].id);
            if (!t)
                continue;
            size_t ti = (size_t)(t - b->cfg->topics);
            if (!topic_latest[ti] || date_compare(&fm->reviewed, topic_latest[ti]) > 0)
                topic_latest[ti] = &fm->reviewed;
        }
    }
    /* Every page of every topic's list. */
    strlist topic_urls = STRLIST_INIT;
    const date_ymd **topic_url_lastmod = NULL;
    for (size_t t = 0; t < b->cfg->n_topics; t++) {
        size_t pages_of_topic = S_topic_pages(b->topic_counts[t]);
        for (size_t p = 1; p <= pages_of_topic; p++) {
            strlist_push_owned(&topic_urls, S_topic_page_url(b, b->cfg->topics[t].id, p));
            topic_url_lastmod = xreallocarray(topic_url_lastmod, topic_urls.len,
                                              sizeof *topic_url_lastmod);
            topic_url_lastmod[topic_urls.len - 1] = topic_latest[t];
        }
    }
    pages = xreallocarray(pages, b->n_listed + topic_urls.len + 5, sizeof *pages);
    pages[n_pages++] = (feeds_page){b->cfg->base_path, latest};
    for (size_t i = 0; i < b->n_listed; i++)
        pages[n_pages++] = (feeds_page){b->listed[i]->url, &b->listed[i]->fm->reviewed};
    for (size_t i = 0; i < topic_urls.len; i++)
        pages[n_pages++] = (feeds_page){topic_urls.items[i], topic_url_lastmod[i]};
    pages[n_pages++] = (feeds_page){compare, NULL};
    pages[n_pages++] = (feeds_page){glossary_url, NULL};
    pages[n_pages++] = (feeds_page){b->search_url, NULL};
    size_t len;
    char *xml;
    if (n_pages <= FEEDS_SITEMAP_MAX_URLS) {
        xml = feeds_sitemap(b->cfg, pages, n_pages, &len);
        S_write(b, "sitemap.xml", xml, len);
        free(xml);
    } else {
        /* Too many for one file: sitemap-1.xml, sitemap-2.xml..., and an index. */
        strlist parts = STRLIST_INIT;
        for (size_t from = 0, k = 1; from < n_pages; from += FEEDS_SITEMAP_MAX_URLS, k++) {
            size_t count = n_pages - from < FEEDS_SITEMAP_MAX_URLS ? n_pages - from
                                                                  : FEEDS_SITEMAP_MAX_URLS;
            char *name = xasprintf("sitemap-%zu.xml", k);
            xml = feeds_sitemap(b->cfg, pages + from, count, &len);
            S_write(b, name, xml, len);
            free(xml);
            strlist_push_owned(&parts, xasprintf("%s%s", b->cfg->base_path, name));
            free(name);
        }
        xml = feeds_sitemap_index(b->cfg, (const char *const *)parts.items, parts.len, &len);
        S_write(b, "sitemap.xml", xml, len);
        free(xml);
        strlist_free(&parts);
    }
    /* Feed readers want what is new, not the archive: the newest FEED_ENTRIES_MAX. */
    xml = feeds_atom(b->cfg, b->listed, b->n_listed < FEED_ENTRIES_MAX ? b->n_listed : FEED_ENTRIES_MAX,
                     &len);
    S_write(b, "feed.xml", xml, len);
    free(xml);
    xml = feeds_robots(b->cfg, &len);
    S_write(b, "robots.txt", xml, len);
    free(xml);
    strlist_free(&topic_urls);
    free(topic_url_lastmod);
    free(topic_latest);
    free(compare);
    free(glossary_url);
    free(pages);
}

/*
 * Copy the folder from (media/ or assets/) into the site as to_rel; symbolic links in it may
 * lead only to files inside root, the content or templates folder. A missing folder has
 * nothing to copy; one that is something else (a file, a link to nothing) is reported, as is
 * a named pipe, socket or device inside it. what names the folder's contents for messages
 * ("the images"), a_file one of them ("the image").
 */
static void S_copy_dir(build *b, const char *from, const char *to_rel, const char *root,
                       const char *what, const char *a_file)
{
    if (!path_exists(from))
        return;
    if (!path_is_dir(from)) {
        char *why = dir_problem(from, ENOTDIR, what);
        diag_error(b->diags, from, 0, 0, NULL, "%s", why);
        free(why);
        return;
    }
    char *to = path_join(publish_path(b->stage), to_rel);
    const char *failed = NULL;
    if (copy_tree(from, to, root, &failed) < 0) {
        const char *where = failed ? failed : from;
        if (errno == EXDEV) {
            diag_error(b->diags, where, 0, 0, "link",
                       "this is a symbolic link to a file outside %s (or to nothing); suture "
                       "publishes only files inside it: copy the file here instead",
                       root);
        } else if (errno == ELOOP) {
            diag_error(b->diags, where, 0, 0, "link",
                       "this is a symbolic link to a folder or to something that is not a "
                       "file; suture follows links only to files: copy what it points to here "
                       "instead");
        } else if (errno == EINVAL) {
            diag_file_problem(b->diags, where, EINVAL, NULL, a_file);
        } else if (!S_out_of_space(b, errno)) {
            diag_error(b->diags, where, 0, 0, NULL, "cannot copy: %s", strerror(errno));
            atomic_store(&b->write_failed, true);
        }
    }
    free(to);
}

/* ---- the build ---------------------------------------------------------------------- */

static void S_free_build(build *b)
{
    incremental_free(b->inc);
    for (size_t i = 0; i < b->n_articles; i++) {
        article *a = &b->articles[i];
        free(a->path);
        free(a->slug);
        free(a->url);
        frontmatter_free(a->fm);
        free(a->heading_ids);
    }
    free(b->articles);
    related_index_free(b->related);
    free(b->listed);
    free(b->topic_counts);
    searchindex_free(b->search);
    free(b->search_at);
    free(b->search_url);
    if (b->procedure_hrefs && b->procedures)
        for (size_t i = 0; i < b->procedures->n_procedures; i++)
            free(b->procedure_hrefs[i]);
    free(b->procedure_hrefs);
    if (b->disclaimer)
        xmlFreeNode(b->disclaimer);
    page_templates_free(b->templates);
    glossary_free(b->glossary);
    procedures_free(b->procedures);
    config_free(b->cfg);
    free(b->articles_dir);
    free(b->media_dir);
}

/* ---- incremental builds --------------------------------------------------------------- */

/* Declare every page that is not an article's, by its file in the site. */
static void S_plan_list_pages(build *b)
{
    strlist urls = STRLIST_INIT;
    strlist_push(&urls, b->cfg->base_path);
    for (size_t t = 0; t < b->cfg->n_topics; t++) {
        size_t pages = S_topic_pages(b->topic_counts[t]);
        for (size_t p = 1; p <= pages; p++)
            strlist_push_owned(&urls, S_topic_page_url(b, b->cfg->topics[t].id, p));
    }
    strlist_push_owned(&urls, permalink(b->cfg->base_path, PERMALINK_COMPARE, NULL, 0));
    strlist_push_owned(&urls, permalink(b->cfg->base_path, PERMALINK_GLOSSARY, NULL, 0));
    strlist_push_owned(&urls, permalink(b->cfg->base_path, PERMALINK_NOT_FOUND, NULL, 0));
    strlist_push(&urls, b->search_url);
    for (size_t i = 0; i < urls.len; i++) {
        char *rel = S_page_file(b, urls.items[i]);
        incremental_add_page(b->inc, rel);
        free(rel);
    }
    b->n_list_pages = urls.len;
    strlist_free(&urls);
}

/* Add the files under dir (sorted, recursively): each one's path below root and its content
 * (with_content) or its size and modification time (media, which may be large). */
static void S_fingerprint_tree(fingerprint *f, const char *dir, const char *rel,
                               bool with_content)
{
    strlist names = STRLIST_INIT;
    if (dir_list(dir, NULL, &names) < 0) {
        fingerprint_str(f, "-");
        return;
    }
    for (size_t i = 0; i < names.len; i++) {
        char *path = path_join(dir, names.items[i]);
        char *sub = *rel ? path_join(rel, names.items[i]) : xstrdup(names.items[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            S_fingerprint_tree(f, path, sub, with_content);
        } else {
            fingerprint_str(f, sub);
            size_t len = 0;
            char *data = with_content ? file_read(path, &len) : NULL;
            if (data)
                fingerprint_bytes(f, data, len);
            else {
                fingerprint_u64(f, (uint64_t)st.st_size);
                fingerprint_u64(f, (uint64_t)st.st_mtim.tv_sec);
                fingerprint_u64(f, (uint64_t)st.st_mtim.tv_nsec);
            }
            free(data);
        }
        free(sub);
        free(path);
    }
    strlist_free(&names);
}

static void S_fingerprint_file(fingerprint *f, const char *path)
{
    size_t len = 0;
    char *data = file_read(path, &len);
    fingerprint_str(f, path);
    if (data)
        fingerprint_bytes(f, data, len);
    else
        fingerprint_str(f, "-");
    free(data);
}

/* b->program: this binary, by its bytes (a manifest from another suture is not read). */
static void S_fingerprint_program(build *b)
{
    fingerprint *f = fingerprint_new();
    S_fingerprint_file(f, "/proc/self/exe");
    b->program = fingerprint_digest_of(f);
    fingerprint_free(f);
}

/*
 * b->inputs: the fingerprint of what every page depends on. This program itself (a new
 * suture may render differently), --drafts, the templates, site.yaml, the procedure data,
 * the glossary, the media files (by size and time), the rendered disclaimer, the topic
 * counts in the navigation and the procedures' article links.
 */
static void S_fingerprint_inputs(build *b)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "suture inputs 1");
    fingerprint_bytes(f, b->program.bytes, sizeof b->program.bytes);
    fingerprint_u64(f, b->opt->drafts);
    S_fingerprint_tree(f, b->opt->templates_dir, "", true);
    const char *const files[] = {"site.yaml", "data/procedures.yaml", "glossary.yaml", NULL};
    for (size_t i = 0; files[i]; i++) {
        char *path = path_join(b->opt->content_dir, files[i]);
        S_fingerprint_file(f, path);
        free(path);
    }
    S_fingerprint_tree(f, b->media_dir, "", false);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, NULL, b->disclaimer, 0, 0);
    fingerprint_bytes(f, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
    xmlBufferFree(buf);
    for (size_t t = 0; t < b->cfg->n_topics; t++)
        fingerprint_u64(f, b->topic_counts[t]);
    for (size_t i = 0; i < b->procedures->n_procedures; i++)
        fingerprint_str(f, b->procedure_hrefs[i]);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_hex(&d, b->inputs);
    fingerprint_free(f);
}

/*
 * Keep in the new manifest only pages that are made again exactly as they were: an
 * article that had anything to say in this build (a warning, a note) is made again next
 * time so that it says it again, and a note from a template drops every page.
 */
static void S_keep_clean_pages(build *b)
{
    size_t tlen = strlen(b->opt->templates_dir);
    for (size_t i = 0; i < diag_count(b->diags); i++) {
        const diag *d = diag_get(b->diags, i);
        if (!d->file)
            continue;
        if (strncmp(d->file, b->opt->templates_dir, tlen) == 0) {
            incremental_forget_pages(b->inc, true);
            return;
        }
        const article *a = S_find_article(b, path_basename(d->file));
        if (a && strcmp(a->path, d->file) == 0) {
            char *rel = S_page_file(b, a->url);
            incremental_forget(b->inc, rel);
            free(rel);
        } else {
            /* From the settings, data or glossary: any list page may have said it. */
            incremental_forget_pages(b->inc, false);
        }
    }
}

/* Write this build's manifest into the staging folder, pages in order of their paths. */
static void S_write_manifest(build *b)
{
    char *path = publish_prepare(b->stage, MANIFEST_PATH);
    FILE *out = path ? fopen(path, "w") : NULL;
    if (!path)
        path = path_join(publish_path(b->stage), MANIFEST_PATH);
    if (out)
        incremental_write(b->inc, out);
    if (!out || ferror(out) | (fclose(out) != 0)) {
        if (!S_out_of_space(b, errno))
            diag_error(b->diags, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
        atomic_store(&b->write_failed, true);
    } else {
        atomic_fetch_add(&b->files, 1);
    }
    free(path);
}

int site_build(const site_options *opt, diag_list *diags, site_stats *stats)
{
    build b = {.opt = opt, .diags = diags};
    if (!path_is_dir(opt->content_dir)) {
        diag_error(diags, opt->content_dir, 0, 0, NULL,
                   "the content folder does not exist; run suture where content/ is, or pass "
                   "--content DIR");
        return SITE_ENVIRONMENT_ERROR;
    }
    if (!path_is_dir(opt->templates_dir)) {
        diag_error(diags, opt->templates_dir, 0, 0, NULL,
                   "the templates folder does not exist; pass --templates DIR");
        return SITE_ENVIRONMENT_ERROR;
    }
    b.articles_dir = path_join(opt->content_dir, "articles");
    b.media_dir = path_join(opt->content_dir, "media");
    char *site_yaml = path_join(opt->content_dir, "site.yaml");
    char *data_yaml = path_join(opt->content_dir, "data/procedures.yaml");
    char *glossary_yaml = path_join(opt->content_dir, "glossary.yaml");
    b.cfg = config_load(site_yaml, diags);
    b.procedures = procedures_load(data_yaml, diags);
    b.glossary = glossary_load(glossary_yaml, diags);
    b.templates = page_templates_load(opt->templates_dir, diags);
    free(site_yaml);
    free(data_yaml);
    free(glossary_yaml);
    /* Without settings, data or templates no page can be made: stop at what was found. */
    if (!b.cfg || !b.procedures || !b.glossary || !b.templates) {
        S_free_build(&b);
        return SITE_INPUT_ERRORS;
    }
    S_fingerprint_program(&b);
    b.inc = incremental_open(opt->out_dir, &b.program);
    /* Without the articles folder, every link to an article would be reported missing: one
     * cause, one message, so stop at what was found. */
    if (!S_load_articles(&b)) {
        S_free_build(&b);
        return SITE_INPUT_ERRORS;
    }
    S_link_procedures(&b);
    S_plan_search(&b);

    /* The disclaimer may link to articles like any text; its links are checked the same way. */
    render_ctx disclaimer_ctx = {.b = &b, .file = b.cfg->file};
    markdown_hooks disclaimer_hooks = S_hooks(&disclaimer_ctx);
    markdown_result *disclaimer =
        markdown_render(b.cfg->file, b.cfg->disclaimer, strlen(b.cfg->disclaimer),
                        b.cfg->disclaimer_line + 1, MARKDOWN_NO_H1, &disclaimer_hooks, diags);
    strlist_free(&disclaimer_ctx.links);
    /* The disclaimer is in the site's language, whatever the page's: say so to screen
     * readers on a page in another language. */
    b.disclaimer = disclaimer_new(disclaimer->body, b.cfg->language);
    markdown_result_free(disclaimer);

    S_plan_list_pages(&b);
    incremental_plan(b.inc);
    if (opt->progress) {
        size_t pages = b.n_list_pages;
        for (size_t i = 0; i < b.n_articles; i++)
            pages += b.articles[i].fm && b.articles[i].published && b.articles[i].body_line;
        atomic_store(&opt->progress->total, pages);
    }
    S_fingerprint_inputs(&b);

    S_each_article(&b, S_check_unchanged);
    if (S_nothing_changed(&b)) {
        char *out = xstrdup(opt->out_dir);
        for (size_t n = strlen(out); n > 1 && out[n - 1] == '/'; n--)
            out[n - 1] = '\0';
        publish_remove_abandoned(out);
        free(out);
        if (stats) {
            stats->articles = b.n_listed;
            stats->pages = stats->reused = b.n_listed + b.n_list_pages;
            stats->files = 0;
        }
        S_free_build(&b);
        return SITE_OK;
    }

    const char *const protected_dirs[] = {opt->content_dir, opt->templates_dir, NULL};
    b.stage = publish_begin(opt->out_dir, protected_dirs, diags);
    if (!b.stage) {
        S_free_build(&b);
        return SITE_ENVIRONMENT_ERROR;
    }
    S_each_article(&b, S_render_one);
    S_render_home(&b);
    S_render_topics(&b);
    S_render_compare(&b);
    S_render_glossary(&b);
    S_render_not_found(&b);
    S_render_search(&b);
    S_write_feeds(&b);
    S_write_search_index(&b);
    char *assets = path_join(opt->templates_dir, "assets");
    S_copy_dir(&b, assets, "assets", opt->templates_dir, "the templates' assets (style sheets, "
               "scripts)", "the asset");
    free(assets);
    S_copy_dir(&b, b.media_dir, "media", opt->content_dir, "the images", "the image");
    if (diag_error_count(diags) == 0) {
        S_keep_clean_pages(&b);
        S_write_manifest(&b);
    }

    int status = SITE_OK;
    if (atomic_load(&b.write_failed))
        status = SITE_ENVIRONMENT_ERROR;
    else if (diag_error_count(diags) > 0)
        status = SITE_INPUT_ERRORS;
    if (status != SITE_OK)
        publish_abort(b.stage);
    else if (publish_commit(b.stage, diags) < 0)
        status = SITE_ENVIRONMENT_ERROR;
    if (stats) {
        stats->articles = b.n_listed;
        stats->pages = atomic_load(&b.pages);
        stats->files = atomic_load(&b.files);
        stats->reused = atomic_load(&b.reused);
    }
    S_free_build(&b);
    return status;
}
