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
 * Terms and aliases match case-insensitively, and where several match at one place the
 * longest wins ("fixed SMAS" before "SMAS", 실리프팅 before 리프팅). A match starts a word:
 * the character before it is no letter, digit, combining mark or '_' of any script (ICU's
 * character properties), so 리프팅 inside 실리프팅 and SMAS inside xSMAS are not terms. It
 * ends a word, or is followed by Hangul: Korean writes particles and endings onto the noun
 * (한글 맞춤법 제41항: 조사는 그 앞말에 붙여 쓴다), so SMAS층은, 실리프팅을 and SMAS는 hold
 * the terms SMAS층, 실리프팅 and SMAS, and the link wraps the term without its particle.
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
 * In the element tree under root, turn the first use of each term of g (by its term or any
 * alias, matched as said at the top) into
 * <a class="glossary-term" href="<glossary_href>#term-<id>">…</a>, the link holding the
 * matched text only ("<a …>실리프팅</a>을"). Text inside links, headings, code, pre, tables
 * and figures is left alone; the edge of an element counts as the edge of a word. Each term
 * is linked at most once per call. g is the glossary of the page's language: the caller
 * passes the one whose terms are written in the language of the text. The tree is changed
 * in place (its text nodes split around the links); nothing is allocated for the caller,
 * and nothing is reported. Returns the number of links made.
 */
size_t glossary_link_terms(const glossary *g, xmlNodePtr root, const char *glossary_href);

#endif
