/*
 * glossary.h: content/glossary.yaml, the terms patients may not know, and the linking of
 * each term's first use in an article to its definition (SPEC.md, "Glossary terms").
 *
 *     terms:
 *       - id: smas
 *         term: SMAS
 *         aliases: [superficial musculoaponeurotic system]   # optional
 *         definition: "A layer of ... (inline Markdown)"
 *
 * Terms match case-insensitively, longest first ("fixed SMAS" before "SMAS"). An English
 * term must stand as a word of its own; because Korean attaches particles to nouns
 * (스마스층은), a match only needs to be free of ASCII letters and digits on either side.
 */
#ifndef SUTURE_GLOSSARY_H
#define SUTURE_GLOSSARY_H

#include <libxml/tree.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct glossary_term {
    char *id;          /* slug, used as the anchor "term-<id>" on the glossary page */
    char *term;        /* as shown */
    char **aliases;
    size_t n_aliases;
    char *definition;  /* inline Markdown */
    unsigned line, column;
} glossary_term;

typedef struct glossary glossary;

/*
 * Read and check the glossary. Reports unknown keys, missing fields, duplicate ids, and a
 * term or alias given to two entries. A path that does not exist gives an empty glossary.
 * Returns the glossary (free with glossary_free) or NULL on errors.
 */
glossary *glossary_load(const char *path, diag_list *diags);
void glossary_free(glossary *g);

/* The path the glossary was read from. */
const char *glossary_file_name(const glossary *g);
size_t glossary_count(const glossary *g);
const glossary_term *glossary_get(const glossary *g, size_t i);
/* Indices of the terms sorted by their shown term, case-insensitively (ASCII). The array
 * belongs to the glossary. */
const size_t *glossary_sorted(const glossary *g);

/*
 * In the element tree under root, turn the first use of each term into
 * <a class="glossary-term" href="<glossary_href>#term-<id>">…</a>. Text inside links,
 * headings, code, pre, tables and figures is left alone. Each term is linked at most once
 * per call. Returns the number of links made.
 */
size_t glossary_link_terms(const glossary *g, xmlNodePtr root, const char *glossary_href);

#endif
