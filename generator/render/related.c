/* related.c: related articles through an index of topics and procedures (see related.h). */
#include "render/related.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"

/* A topic or a procedure, and the listed articles that carry it, in listed order. */
typedef struct {
    char *key;        /* "t:<topic id>" or "p:<procedure id>" */
    size_t *posts;    /* indices into listed, ascending */
    size_t n_posts, cap;
} S_tag;

struct related_index {
    const article *const *listed;
    size_t n_listed;
    S_tag *tags;      /* sorted by key */
    size_t n_tags;
};

static int S_by_key(const void *a, const void *b)
{
    return strcmp(((const S_tag *)a)->key, ((const S_tag *)b)->key);
}

static char *S_key(char kind, const char *id)
{
    return xasprintf("%c:%s", kind, id);
}

static S_tag *S_find(const related_index *x, const char *key)
{
    S_tag probe = {.key = (char *)key};
    return bsearch(&probe, x->tags, x->n_tags, sizeof *x->tags, S_by_key);
}

/* The keys of a's topics and procedures, in front-matter order, into out. */
static void S_keys(const article *a, strlist *out)
{
    for (size_t k = 0; k < a->fm->n_topics; k++)
        strlist_push_owned(out, S_key('t', a->fm->topics[k].id));
    for (size_t k = 0; k < a->fm->n_procedures; k++)
        strlist_push_owned(out, S_key('p', a->fm->procedures[k].id));
}

related_index *related_index_new(const article *const *listed, size_t n)
{
    related_index *x = xcalloc(1, sizeof *x);
    x->listed = listed;
    x->n_listed = n;
    /* Every key, then the unique ones, sorted. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += listed[i]->fm->n_topics + listed[i]->fm->n_procedures;
    x->tags = xcalloc(total + 1, sizeof *x->tags);
    for (size_t i = 0; i < n; i++) {
        strlist keys = STRLIST_INIT;
        S_keys(listed[i], &keys);
        for (size_t k = 0; k < keys.len; k++)
            x->tags[x->n_tags++].key = xstrdup(keys.items[k]);
        strlist_free(&keys);
    }
    qsort(x->tags, x->n_tags, sizeof *x->tags, S_by_key);
    size_t u = 0;
    for (size_t i = 0; i < x->n_tags; i++) {
        if (u > 0 && strcmp(x->tags[u - 1].key, x->tags[i].key) == 0) {
            free(x->tags[i].key);
            continue;
        }
        x->tags[u++] = x->tags[i];
    }
    x->n_tags = u;
    /* Posting lists: walking listed in order keeps each one ascending. */
    for (size_t i = 0; i < n; i++) {
        strlist keys = STRLIST_INIT;
        S_keys(listed[i], &keys);
        for (size_t k = 0; k < keys.len; k++) {
            S_tag *t = S_find(x, keys.items[k]);
            if (t->n_posts == t->cap) {
                t->cap = t->cap ? 2 * t->cap : 8;
                t->posts = xreallocarray(t->posts, t->cap, sizeof *t->posts);
            }
            t->posts[t->n_posts++] = i;
        }
        strlist_free(&keys);
    }
    return x;
}

void related_index_free(related_index *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n_tags; i++) {
        free(x->tags[i].key);
        free(x->tags[i].posts);
    }
    free(x->tags);
    free(x);
}

size_t related_find(const related_index *x, const article *a, const article **out,
                    size_t max)
{
    if (!a->fm || max == 0)
        return 0;
    /* The posting list of each of a's topics and procedures, with a cursor into it. */
    strlist keys = STRLIST_INIT;
    S_keys(a, &keys);
    const S_tag **lists = xcalloc(keys.len + 1, sizeof *lists);
    size_t *at = xcalloc(keys.len + 1, sizeof *at);
    size_t n_lists = 0;
    for (size_t k = 0; k < keys.len; k++) {
        const S_tag *t = S_find(x, keys.items[k]);
        if (t)
            lists[n_lists++] = t;
    }
    strlist_free(&keys);
    size_t *scores = xcalloc(max, sizeof *scores);
    size_t n = 0;
    /*
     * Merge the lists in listed order: each article comes up once, with its score the
     * number of lists it is in. Nobody can score more than n_lists, so once max articles
     * have that score, the newest of them are the answer.
     */
    for (;;) {
        size_t next = SIZE_MAX;
        for (size_t l = 0; l < n_lists; l++)
            if (at[l] < lists[l]->n_posts && lists[l]->posts[at[l]] < next)
                next = lists[l]->posts[at[l]];
        if (next == SIZE_MAX)
            break;
        size_t score = 0;
        for (size_t l = 0; l < n_lists; l++)
            while (at[l] < lists[l]->n_posts && lists[l]->posts[at[l]] == next) {
                score++;
                at[l]++;
            }
        const article *o = x->listed[next];
        if (o == a)
            continue;
        /* A stable insertion: an older article never passes a newer one of equal score. */
        size_t pos = n;
        while (pos > 0 && scores[pos - 1] < score)
            pos--;
        if (pos >= max)
            continue;
        size_t last = n < max ? n : max - 1;
        for (size_t k = last; k > pos; k--) {
            out[k] = out[k - 1];
            scores[k] = scores[k - 1];
        }
        out[pos] = o;
        scores[pos] = score;
        if (n < max)
            n++;
        if (n == max && scores[max - 1] == n_lists)
            break;
    }
    free(scores);
    free(lists);
    free(at);
    return n;
}
