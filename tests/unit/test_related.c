/*
 * test_related.c: related articles (related.h): ordered by shared topics and procedures,
 * newest first among equals, never the article itself; and, on thousands of random
 * articles, exactly what comparing every pair of articles gives.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/alloc.h"
#include "base/str.h"
#include "render/related.h"

#include <stdlib.h>
#include <string.h>

/* Articles whose front matter has only topics and procedures, written "t1 t2 / p1". */
typedef struct {
    article *items;
    size_t n;
} S_set;

static void S_refs(const char *words, fm_ref **out, size_t *n)
{
    *out = xcalloc(8, sizeof **out);
    *n = 0;
    char *copy = xstrdup(words), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        (*out)[(*n)++].id = xstrdup(w);
    free(copy);
}

static void S_add(S_set *s, const char *name, const char *topics, const char *procedures)
{
    article *a = &s->items[s->n++];
    memset(a, 0, sizeof *a);
    a->path = xstrdup(name);
    a->file_name = a->path;
    a->fm = xcalloc(1, sizeof *a->fm);
    S_refs(topics, &a->fm->topics, &a->fm->n_topics);
    S_refs(procedures, &a->fm->procedures, &a->fm->n_procedures);
}

static void S_free_set(S_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        frontmatter *fm = s->items[i].fm;
        for (size_t k = 0; k < fm->n_topics; k++)
            free(fm->topics[k].id);
        for (size_t k = 0; k < fm->n_procedures; k++)
            free(fm->procedures[k].id);
        free(fm->topics);
        free(fm->procedures);
        free(fm);
        free(s->items[i].path);
    }
    free(s->items);
}

/* The names of a's related articles, "a,b,c". */
static char *S_names(const related_index *x, const article *a, size_t max)
{
    const article *out[16];
    size_t n = related_find(x, a, out, max);
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        strbuf_printf(&b, "%s%s", i ? "," : "", out[i]->file_name);
    return strbuf_detach(&b);
}

static void S_expect(const related_index *x, const article *a, size_t max, const char *want)
{
    char *got = S_names(x, a, max);
    assert_string_equal(got, want);
    free(got);
}

static void test_order_and_ties(void **state)
{
    (void)state;
    S_set s = {xcalloc(8, sizeof(article)), 0};
    /* listed newest first: n1 is the newest */
    S_add(&s, "n1", "anatomy", "");
    S_add(&s, "n2", "thread-lift side-effects", "thread-lift");
    S_add(&s, "n3", "thread-lift", "");
    S_add(&s, "n4", "thread-lift side-effects", "");
    S_add(&s, "n5", "consultation", "mini-lift");
    S_add(&s, "n6", "side-effects", "thread-lift");
    const article *listed[8];
    for (size_t i = 0; i < s.n; i++)
        listed[i] = &s.items[i];
    related_index *x = related_index_new(listed, s.n);

    /* n2 shares 3 with nobody; n4 and n6 share 2, n3 1; ties go to the newer. */
    S_expect(x, &s.items[1], 4, "n4,n6,n3");
    S_expect(x, &s.items[1], 2, "n4,n6");
    S_expect(x, &s.items[1], 1, "n4");
    S_expect(x, &s.items[1], 0, "");
    /* n4: n2 shares two, n3 and n6 one each (newest first). */
    S_expect(x, &s.items[3], 4, "n2,n3,n6");
    /* A topic id and a procedure id that are the same word do not match each other. */
    S_expect(x, &s.items[2], 4, "n2,n4");
    /* Nothing shared. */
    S_expect(x, &s.items[0], 4, "");
    related_index_free(x);
    S_free_set(&s);
}

static void test_article_not_listed(void **state)
{
    (void)state;
    S_set s = {xcalloc(4, sizeof(article)), 0};
    S_add(&s, "a", "anatomy", "");
    S_add(&s, "b", "anatomy", "facelift");
    S_add(&s, "draft", "anatomy", "facelift");
    const article *listed[] = {&s.items[0], &s.items[1]};
    related_index *x = related_index_new(listed, 2);
    /* A draft, built with --drafts off, still gets relations among listed articles. */
    S_expect(x, &s.items[2], 4, "b,a");
    /* An article without front matter has none. */
    frontmatter *fm = s.items[2].fm;
    s.items[2].fm = NULL;
    S_expect(x, &s.items[2], 4, "");
    s.items[2].fm = fm;
    related_index_free(x);
    S_free_set(&s);
}

static void test_empty_index(void **state)
{
    (void)state;
    related_index *x = related_index_new(NULL, 0);
    S_set s = {xcalloc(1, sizeof(article)), 0};
    S_add(&s, "a", "anatomy", "facelift");
    S_expect(x, &s.items[0], 4, "");
    related_index_free(x);
    S_free_set(&s);
}

/* What comparing a with every listed article gives (the build's first implementation). */
static size_t S_naive(const article *const *listed, size_t n_listed, const article *a,
                      const article **out, size_t max)
{
    size_t n = 0, scores[16] = {0};
    for (size_t i = 0; i < n_listed; i++) {
        const article *o = listed[i];
        if (o == a)
            continue;
        size_t score = 0;
        for (size_t x = 0; x < a->fm->n_topics; x++)
            for (size_t y = 0; y < o->fm->n_topics; y++)
                score += strcmp(a->fm->topics[x].id, o->fm->topics[y].id) == 0;
        for (size_t x = 0; x < a->fm->n_procedures; x++)
            for (size_t y = 0; y < o->fm->n_procedures; y++)
                score += strcmp(a->fm->procedures[x].id, o->fm->procedures[y].id) == 0;
        if (score == 0)
            continue;
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
    }
    return n;
}

static void test_same_as_every_pair(void **state)
{
    (void)state;
    static const char *const topics[] = {"anatomy", "thread-lift", "mini-lift", "side-effects",
                                         "consultation", "recovery", "smas"};
    static const char *const procedures[] = {"thread-lift", "mini-lift", "facelift"};
    enum { N = 3000 };
    S_set s = {xcalloc(N, sizeof(article)), 0};
    unsigned seed = 20261122;
    for (size_t i = 0; i < N; i++) {
        /* Distinct topics (front matter rejects repeats), 0-3 of them, 0-2 procedures. */
        strbuf t = STRBUF_INIT, p = STRBUF_INIT;
        unsigned used = 0;
        for (unsigned k = (unsigned)rand_r(&seed) % 4; k > 0; k--) {
            unsigned pick = (unsigned)rand_r(&seed) % 7;
            if (!(used & (1u << pick)))
                strbuf_printf(&t, "%s ", topics[pick]);
            used |= 1u << pick;
        }
        used = 0;
        for (unsigned k = (unsigned)rand_r(&seed) % 3; k > 0; k--) {
            unsigned pick = (unsigned)rand_r(&seed) % 3;
            if (!(used & (1u << pick)))
                strbuf_printf(&p, "%s ", procedures[pick]);
            used |= 1u << pick;
        }
        char *name = xasprintf("a%zu", i);
        S_add(&s, name, strbuf_str(&t), strbuf_str(&p));
        free(name);
        strbuf_free(&t);
        strbuf_free(&p);
    }
    const article **listed = xcalloc(N, sizeof *listed);
    for (size_t i = 0; i < N; i++)
        listed[i] = &s.items[i];
    related_index *x = related_index_new(listed, N);
    for (size_t i = 0; i < N; i += 7) {
        for (size_t max = 1; max <= 6; max += 5) {
            const article *want[16], *got[16];
            size_t nw = S_naive(listed, N, &s.items[i], want, max);
            size_t ng = related_find(x, &s.items[i], got, max);
            assert_int_equal(ng, nw);
            for (size_t k = 0; k < nw; k++)
                if (got[k] != want[k])
                    fail_msg("article %zu, max %zu: relation %zu is %s, expected %s", i, max,
                             k, got[k]->file_name, want[k]->file_name);
        }
    }
    related_index_free(x);
    free(listed);
    S_free_set(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_ties),
        cmocka_unit_test(test_article_not_listed),
        cmocka_unit_test(test_empty_index),
        cmocka_unit_test(test_same_as_every_pair),
    };
    return cmocka_run_group_tests_name("related", tests, NULL, NULL);
}
