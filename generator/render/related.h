/*
 * related.h: the articles related to an article, for the "Related articles" list of its
 * page (SPEC.md, "Output"): those that share the most topics and procedures with it, the
 * newest first among equals.
 *
 * An index of which articles carry each topic and each procedure is built once per build,
 * so finding an article's related ones walks only the articles that share something with
 * it, and usually stops after the first few: over 10,000 articles the index takes a few
 * milliseconds where comparing every pair of articles took seconds.
 */
#ifndef SUTURE_RELATED_H
#define SUTURE_RELATED_H

#include <stddef.h>

#include "content/article.h"

typedef struct related_index related_index;

/*
 * Index listed[0..n): published articles with front matter, newest first (the order that
 * breaks ties). The index keeps pointers to the articles and their front matter, which
 * must outlive it. Returns the index (free with related_index_free); never NULL.
 */
related_index *related_index_new(const article *const *listed, size_t n);
void related_index_free(related_index *x);

/*
 * Write to out[0..max) the articles related to a (a need not be listed, and is never its
 * own relation): every listed article that shares at least one topic or procedure with
 * it, ordered by how many it shares (a topic counts once per topic, a procedure once per
 * procedure), the newest first among equals, at most max of them. Returns how many.
 */
size_t related_find(const related_index *x, const article *a, const article **out,
                    size_t max);

#endif
