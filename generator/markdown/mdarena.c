/* mdarena.c: cmark trees in a per-thread obstack (see mdarena.h). */
#define _GNU_SOURCE
#include "markdown/mdarena.h"

#include <obstack.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* Under AddressSanitizer (gcc's __SANITIZE_ADDRESS__, clang's __has_feature) every block
 * is a plain malloc, so that ASan sees it; this also keeps clang's UndefinedBehaviorSanitizer
 * away from glibc's obstack alignment macro, which does arithmetic on a null pointer. */
#if defined(__SANITIZE_ADDRESS__)
#define S_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define S_SANITIZED 1
#endif
#endif
#ifndef S_SANITIZED
#define S_SANITIZED 0
#endif

#define obstack_chunk_alloc xmalloc
#define obstack_chunk_free free

/* Each block starts with its size, so that realloc knows how much to copy. */
typedef union {
    max_align_t align;
    size_t size;
} S_header;

typedef struct {
    struct obstack ob;
    bool ready;
    cmark_node **trees;   /* with sanitizers: the live trees, oldest first */
    size_t n_trees, cap_trees;
} S_arena;

static _Thread_local S_arena S_here;

static void S_ready(void)
{
    if (!S_here.ready) {
        obstack_init(&S_here.ob);
        S_here.ready = true;
    }
}

static void *S_calloc(size_t count, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(count, size, &total) || total > SIZE_MAX - sizeof(S_header))
        out_of_memory();
    S_header *h = obstack_alloc(&S_here.ob, sizeof *h + total);
    h->size = total;
    memset(h + 1, 0, total);
    return h + 1;
}

static void *S_realloc(void *old, size_t size)
{
    void *p = S_calloc(1, size);
    if (old) {
        size_t had = ((S_header *)old - 1)->size;
        memcpy(p, old, had < size ? had : size);
    }
    return p;
}

static void S_free(void *p)
{
    (void)p; /* released with the arena */
}

static cmark_mem S_mem = {S_calloc, S_realloc, S_free};

mdarena_mark mdarena_begin(void)
{
    S_ready();
    mdarena_mark m = {NULL, S_here.n_trees};
    if (!S_SANITIZED)
        m.object = obstack_alloc(&S_here.ob, 1);
    return m;
}

cmark_node *mdarena_parse(const char *text, size_t len, int options)
{
    S_ready();
    if (S_SANITIZED) {
        cmark_node *doc = cmark_parse_document(text, len, options);
        if (S_here.n_trees == S_here.cap_trees) {
            S_here.cap_trees = S_here.cap_trees ? 2 * S_here.cap_trees : 8;
            S_here.trees = xreallocarray(S_here.trees, S_here.cap_trees, sizeof *S_here.trees);
        }
        S_here.trees[S_here.n_trees++] = doc;
        return doc;
    }
    cmark_parser *parser = cmark_parser_new_with_mem(options, &S_mem);
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

void mdarena_end(mdarena_mark mark)
{
    if (!S_here.ready)
        return;
    while (S_here.n_trees > mark.trees)
        cmark_node_free(S_here.trees[--S_here.n_trees]);
    if (mark.object)
        obstack_free(&S_here.ob, mark.object);
}

void mdarena_thread_exit(void)
{
    if (!S_here.ready)
        return;
    while (S_here.n_trees > 0)
        cmark_node_free(S_here.trees[--S_here.n_trees]);
    free(S_here.trees);
    obstack_free(&S_here.ob, NULL);
    memset(&S_here, 0, sizeof S_here);
}
