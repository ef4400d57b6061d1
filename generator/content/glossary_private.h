/*
 * glossary_private.h: what the files of the glossary share (content/glossary*.c); no other
 * file includes it. glossary.c reads glossary.yaml and makes a view per language;
 * glossary_link.c compiles each view's matcher and links the terms in a page.
 */
#ifndef SUTURE_GLOSSARY_PRIVATE_H
#define SUTURE_GLOSSARY_PRIVATE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "content/glossary.h"

struct glossary_view {
    const glossary *g;
    char *lang;          /* a declared language, or "" (any) */
    size_t *sorted;      /* the terms with a text in lang, sorted by it */
    size_t n_sorted;
    pcre2_code *pattern; /* one capture group per phrase; NULL when there are no terms */
    size_t *group_term;  /* the term of each capture group */
};

struct glossary {
    char *file;
    char *lang;          /* the default language, or "" */
    glossary_term *terms;
    size_t n_terms;
    glossary_view *views; /* at least one */
    size_t n_views;
    date_ymd reviewed;    /* `reviewed:`, when has_reviewed */
    bool has_reviewed;
};

/*
 * Compile v's matcher from the terms and aliases of v->sorted in v's language. Returns
 * false after reporting, at the glossary file, that PCRE2 could not compile it.
 */
bool glossary_view_compile(glossary_view *v, diag_list *diags);

/* Free what glossary_view_compile made. */
void glossary_view_free_matcher(glossary_view *v);

#endif
