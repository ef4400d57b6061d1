/*
 * suggest.h: "did you mean": the known name closest to a misspelt one, for messages.
 */
#ifndef SUTURE_SUGGEST_H
#define SUTURE_SUGGEST_H

#include <stddef.h>

/*
 * The candidate closest to word by edit distance, if it is close enough to be a likely
 * typo (distance at most a third of the word's length, and at least 1); else NULL.
 * candidates is a NULL-terminated array, or use suggest_closest_n with a count.
 */
const char *suggest_closest(const char *word, const char *const *candidates);
const char *suggest_closest_n(const char *word, const char *const *candidates, size_t n);

/*
 * suggest_closest over an array of count structs of stride bytes, each holding at byte
 * offset a const char * naming it (e.g. the id field of an array of topics):
 * suggest_closest_in(id, topics, n, sizeof *topics, offsetof(config_topic, id)).
 */
const char *suggest_closest_in(const char *word, const void *items, size_t count,
                               size_t stride, size_t offset);

/*
 * The up to max candidates (of n, or up to a NULL) nearest to word by edit distance, nearest
 * first, ties in the candidates' order, into out: "did you mean 'site-footer' or
 * 'site-header'?". A candidate more than half word's length of edits away, or equal to it,
 * is left out. Returns how many were found.
 */
size_t suggest_nearest(const char *word, const char *const *candidates, size_t n,
                       const char **out, size_t max);

#endif
