/* suggest.c: the closest known name to a misspelt one (see suggest.h). */
#define _GNU_SOURCE
#include "base/suggest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/*
 * Edit distance with adjacent transpositions (optimal string alignment), over bytes, so
 * "titel" is one edit from "title". Long words are not compared.
 */
static size_t S_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

const char *suggest_closest_n(const char *word, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    size_t limit = strlen(word) / 3;
    if (limit < 1)
        limit = 1;
    for (size_t i = 0; i < n && candidates[i]; i++) {
        size_t d = S_edit_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best && best_d <= limit ? best : NULL;
}

const char *suggest_closest_in(const char *word, const void *items, size_t count,
                               size_t stride, size_t offset)
{
    const char **names = xcalloc(count + 1, sizeof *names);
    for (size_t i = 0; i < count; i++)
        names[i] = *(const char *const *)((const char *)items + i * stride + offset);
    const char *near = suggest_closest_n(word, names, count);
    free(names);
    return near;
}

const char *suggest_closest(const char *word, const char *const *candidates)
{
    return suggest_closest_n(word, candidates, (size_t)-1);
}

size_t suggest_nearest(const char *word, const char *const *candidates, size_t n,
                       const char **out, size_t max)
{
    size_t found = 0;
    size_t limit = strlen(word) / 2;
    for (size_t i = 0; i < n && candidates[i]; i++) {
        size_t d = S_edit_distance(word, candidates[i]);
        if (d == 0 || d > limit)
            continue;
        /* Insert in order of distance, ties in the candidates' order. */
        size_t at = found;
        while (at > 0 && S_edit_distance(word, out[at - 1]) > d)
            at--;
        if (at >= max)
            continue;
        size_t last = found < max ? found : max - 1;
        for (size_t j = last; j > at; j--)
            out[j] = out[j - 1];
        out[at] = candidates[i];
        if (found < max)
            found++;
    }
    return found;
}
