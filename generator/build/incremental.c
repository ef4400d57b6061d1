/* incremental.c: what an incremental build keeps of the old site (see incremental.h). */
#include "build/incremental.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "build/manifest.h"

/* A page the old site's manifest recorded (manifest_page), until incremental_plan. */
typedef struct {
    char *page;
    fingerprint_digest fp, source;
    char *links, *heading_ids; /* packed; whoever takes them sets these NULL */
    uint32_t n_links, n_heading_ids;
    bool has_source;
    atomic_bool ids_taken;
} S_old;

/*
 * A page of this build, with what the old manifest recorded of it. 100,000 articles keep
 * one each: packed strings, 32-bit counts and flags together.
 */
typedef struct {
    char *page;
    fingerprint_digest old_fp, fp, source;
    char *old_links, *links;  /* packed */
    const char *heading_ids;  /* packed, the article's (borrowed) */
    uint32_t n_old_links, n_links, n_heading_ids;
    bool is_article;
    bool has_old;   /* old_fp and old_links are set */
    bool has_fp;    /* fp and links are set: the page goes into the new manifest */
    bool unchanged; /* incremental_check or incremental_made found old_fp */
    bool clash;     /* declared twice: never unchanged, never recorded */
} S_page;

struct incremental {
    fingerprint_digest program;
    bool precompressed;     /* this build writes the .gz and .br copies */
    bool old_precompressed; /* the old site has them */
    S_old *old; /* sorted by page */
    size_t n_old;
    size_t n_old_pages; /* records the old manifest held */
    S_page *pages;      /* sorted by page once planned */
    size_t n_pages, cap_pages;
    size_t n_declared;  /* calls to incremental_add_*, two of one page included */
    pthread_mutex_t lock; /* over pages while they are declared */
};

static int S_by_old(const void *x, const void *y)
{
    return strcmp(((const S_old *)x)->page, ((const S_old *)y)->page);
}

static int S_by_page(const void *x, const void *y)
{
    return strcmp(((const S_page *)x)->page, ((const S_page *)y)->page);
}

static S_old *S_find_old(const incremental *inc, const char *page)
{
    S_old key = {.page = (char *)page};
    return inc->n_old ? bsearch(&key, inc->old, inc->n_old, sizeof *inc->old, S_by_old) : NULL;
}

static S_page *S_find(const incremental *inc, const char *page)
{
    S_page key = {.page = (char *)page};
    return inc->n_pages ? bsearch(&key, inc->pages, inc->n_pages, sizeof *inc->pages, S_by_page)
                        : NULL;
}

static void S_old_add(void *ctx, const manifest_page *p)
{
    incremental *inc = ctx;
    inc->old = xreallocarray(inc->old, inc->n_old + 1, sizeof *inc->old);
    S_old *r = &inc->old[inc->n_old++];
    *r = (S_old){.page = xstrdup(p->page),
                 .fp = p->fingerprint,
                 .links = manifest_pack(p->links),
                 .n_links = (uint32_t)p->links->len,
                 .has_source = p->has_source,
                 .source = p->source};
    if (p->has_source) {
        r->heading_ids = manifest_pack(p->heading_ids);
        r->n_heading_ids = (uint32_t)p->heading_ids->len;
    }
    atomic_init(&r->ids_taken, false);
}

incremental *incremental_open(const char *site_dir, const fingerprint_digest *program,
                              bool precompressed)
{
    incremental *inc = xcalloc(1, sizeof *inc);
    inc->program = *program;
    inc->precompressed = precompressed;
    pthread_mutex_init(&inc->lock, NULL);
    inc->n_old_pages =
        manifest_read(site_dir, program, &inc->old_precompressed, S_old_add, inc);
    if (inc->n_old)
        qsort(inc->old, inc->n_old, sizeof *inc->old, S_by_old);
    return inc;
}

static void S_free_old(incremental *inc)
{
    for (size_t i = 0; i < inc->n_old; i++) {
        free(inc->old[i].page);
        free(inc->old[i].links);
        free(inc->old[i].heading_ids);
    }
    free(inc->old);
    inc->old = NULL;
    inc->n_old = 0;
}

void incremental_free(incremental *inc)
{
    if (!inc)
        return;
    S_free_old(inc);
    for (size_t i = 0; i < inc->n_pages; i++) {
        free(inc->pages[i].page);
        free(inc->pages[i].old_links);
        free(inc->pages[i].links);
    }
    free(inc->pages);
    pthread_mutex_destroy(&inc->lock);
    free(inc);
}

size_t incremental_old_count(const incremental *inc)
{
    return inc->n_old_pages;
}

char *incremental_take_heading_ids(incremental *inc, const char *page,
                                   const fingerprint_digest *source, uint32_t *n)
{
    *n = 0;
    S_old *r = S_find_old(inc, page);
    if (!r || !r->has_source || memcmp(&r->source, source, sizeof *source) != 0 ||
        atomic_exchange(&r->ids_taken, true))
        return NULL;
    char *ids = r->heading_ids;
    *n = r->n_heading_ids;
    r->heading_ids = NULL;
    return ids;
}

static S_page *S_declare(incremental *inc, const char *page)
{
    pthread_mutex_lock(&inc->lock);
    if (inc->n_pages == inc->cap_pages) {
        inc->cap_pages = inc->cap_pages ? 2 * inc->cap_pages : 64;
        inc->pages = xreallocarray(inc->pages, inc->cap_pages, sizeof *inc->pages);
    }
    S_page *p = &inc->pages[inc->n_pages++];
    *p = (S_page){.page = xstrdup(page)};
    inc->n_declared++;
    return p;
}

void incremental_add_article(incremental *inc, const char *page,
                             const fingerprint_digest *source, const char *heading_ids,
                             uint32_t n_ids)
{
    S_page *p = S_declare(inc, page);
    p->is_article = true;
    p->source = *source;
    p->heading_ids = heading_ids;
    p->n_heading_ids = n_ids;
    pthread_mutex_unlock(&inc->lock);
}

void incremental_add_page(incremental *inc, const char *page)
{
    S_declare(inc, page);
    pthread_mutex_unlock(&inc->lock);
}

void incremental_plan(incremental *inc)
{
    if (inc->n_pages)
        qsort(inc->pages, inc->n_pages, sizeof *inc->pages, S_by_page);
    /* One page declared twice: one record, marked. */
    size_t kept = 0;
    for (size_t i = 0; i < inc->n_pages; i++) {
        if (kept && strcmp(inc->pages[kept - 1].page, inc->pages[i].page) == 0) {
            inc->pages[kept - 1].clash = true;
            free(inc->pages[i].page);
            continue;
        }
        inc->pages[kept++] = inc->pages[i];
    }
    inc->n_pages = kept;
    for (size_t i = 0; i < inc->n_pages; i++) {
        S_page *p = &inc->pages[i];
        S_old *r = S_find_old(inc, p->page);
        /* An article's record has its source: a page of the other kind is made again. */
        if (!r || r->has_source != p->is_article)
            continue;
        p->has_old = true;
        p->old_fp = r->fp;
        p->old_links = r->links;
        p->n_old_links = r->n_links;
        r->links = NULL;
    }
    S_free_old(inc);
}

const fingerprint_digest *incremental_source(const incremental *inc, const char *page)
{
    const S_page *p = S_find(inc, page);
    return p && p->is_article ? &p->source : NULL;
}

bool incremental_old_links(const incremental *inc, const char *page, const char **links,
                           size_t *n)
{
    const S_page *p = S_find(inc, page);
    bool has = p && p->has_old;
    *links = has ? p->old_links : NULL;
    *n = has ? p->n_old_links : 0;
    return has;
}

bool incremental_check(incremental *inc, const char *page, const fingerprint_digest *fp)
{
    S_page *p = S_find(inc, page);
    /* Two threads may make a page declared twice: its record is never written. */
    if (!p || p->clash)
        return false;
    p->unchanged = p->has_old && memcmp(fp, &p->old_fp, sizeof *fp) == 0;
    return p->unchanged;
}

bool incremental_unchanged(const incremental *inc, const char *page)
{
    const S_page *p = S_find(inc, page);
    return p && p->unchanged;
}

bool incremental_take(incremental *inc, const char *page, publish_stage *stage,
                      const char *from_dir)
{
    S_page *p = S_find(inc, page);
    if (!p || !p->unchanged || publish_link(stage, from_dir, page) != 0)
        return false;
    p->fp = p->old_fp;
    p->has_fp = true;
    free(p->links);
    p->links = p->old_links;
    p->n_links = p->n_old_links;
    p->old_links = NULL;
    p->n_old_links = 0;
    return true;
}

bool incremental_made(incremental *inc, const char *page, const fingerprint_digest *fp,
                      const strlist *links)
{
    S_page *p = S_find(inc, page);
    if (!p || p->clash)
        return false;
    free(p->links);
    strlist none = STRLIST_INIT;
    p->links = manifest_pack(links ? links : &none);
    p->n_links = links ? (uint32_t)links->len : 0;
    p->fp = *fp;
    p->has_fp = true;
    p->unchanged = p->has_old && memcmp(fp, &p->old_fp, sizeof *fp) == 0;
    return p->unchanged;
}

bool incremental_nothing_changed(const incremental *inc)
{
    if (inc->precompressed != inc->old_precompressed)
        return false;
    size_t articles = 0;
    for (size_t i = 0; i < inc->n_pages; i++) {
        const S_page *p = &inc->pages[i];
        if (p->is_article ? !p->unchanged : !p->has_old)
            return false;
        articles += p->is_article;
    }
    return articles > 0 && inc->n_old_pages == inc->n_declared;
}

void incremental_forget(incremental *inc, const char *page)
{
    S_page *p = S_find(inc, page);
    if (p)
        p->has_fp = false;
}

void incremental_forget_pages(incremental *inc, bool articles)
{
    for (size_t i = 0; i < inc->n_pages; i++)
        if (articles || !inc->pages[i].is_article)
            inc->pages[i].has_fp = false;
}

void incremental_write(const incremental *inc, FILE *out)
{
    manifest_write_header(out, &inc->program, inc->precompressed);
    for (size_t i = 0; i < inc->n_pages; i++) {
        const S_page *p = &inc->pages[i];
        if (!p->has_fp || p->clash)
            continue;
        manifest_write_page(out, p->page, &p->fp, p->links, p->n_links,
                            p->is_article ? &p->source : NULL, p->heading_ids,
                            p->n_heading_ids);
    }
}
