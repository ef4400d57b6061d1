/*
 * beforeafter.h: ```before-after blocks, the only way suture publishes before-and-after
 * photos (SPEC.md, "Before-and-after photos"). Showing treatment results needs the
 * patient's consent and a notice (Korea's Medical Service Act art. 56(2); the UK's CAP
 * code 12.1), so a block without consent or alt text is an error.
 *
 *     before: media/case-01-before.jpg
 *     after: media/case-01-after.jpg
 *     alt: Jawline before and three months after a thread lift
 *     consent: partial          # partial (part of the face shown) or full
 *     before_alt: ...           # optional: a description of each photo
 *     after_alt: ...
 */
#ifndef SUTURE_BEFOREAFTER_H
#define SUTURE_BEFOREAFTER_H

#include <libxml/tree.h>

#include "base/diag.h"

typedef struct beforeafter {
    char *before, *after;          /* as written in the block */
    unsigned before_line, before_column, after_line, after_column;
    char *alt;
    char *before_alt, *after_alt;  /* NULL when not given */
    char *consent;                 /* "partial" or "full" */
} beforeafter;

/*
 * Parse a block body (len bytes) that starts at line/column of file. Reports unknown keys,
 * a missing before/after/alt, and a consent that is missing or not partial/full; in Korean
 * when korean (a block in a Korean article). Returns the block (free with beforeafter_free)
 * or NULL on errors.
 */
beforeafter *beforeafter_parse(const char *file, const char *text, size_t len, unsigned line,
                               unsigned column, bool korean,
                               diag_list *diags);
void beforeafter_free(beforeafter *ba);

/*
 * Render <figure class="before-after" data-consent="…"> with the two images (sources
 * before_src and after_src, already resolved by the caller) and a <figcaption> holding the
 * alt text and the consent notice. Without per-photo alt texts, the photos are described
 * as "<alt> (1/2)" and "<alt> (2/2)". The caller owns the unlinked element.
 */
xmlNodePtr beforeafter_render(const beforeafter *ba, const char *before_src,
                              const char *after_src, const char *consent_notice);

#endif
