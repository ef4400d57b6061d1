/*
 * citation.h: citations in Markdown text, in Pandoc's form (Pandoc User's Guide,
 * "Citation syntax"): a source's id after '@', in square brackets, several separated by
 * semicolons:
 *
 *     The SMAS was first described in 1976 [@mitz1976].
 *     It joins the platysma below and the temporoparietal fascia above [@mitz1976; @stuzin1992].
 *
 * Only that: Pandoc's prefixes, locators and suffixes ("[see @doe99, pp. 33-35]") and
 * citations without brackets ("@doe99 says") are not taken. A bracket that holds an '@' at
 * the start of a word but is not a list of @ids is reported as malformed, so that a
 * writer's citation is never published as text without a word; an address in brackets
 * ("[info@clinic.example]") is no citation. The ids are the bibliography's
 * (content/sources.yaml, sources.h); whether they exist is not known here.
 */
#ifndef SUTURE_CITATION_H
#define SUTURE_CITATION_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* The most sources one bracket may cite. */
#define CITATION_MAX_IDS 16

typedef struct citation_group {
    size_t start, end;        /* the bracket: text[start] is '[', text[end - 1] is ']' */
    size_t n_ids;             /* 0 when malformed */
    struct {
        size_t at, len;       /* an id, without its '@': text[at, at + len) */
    } ids[CITATION_MAX_IDS];
    bool malformed;           /* "[@" opens it, but it is not a list of @ids (or has more than
                               * CITATION_MAX_IDS, or no closing ']' on its line) */
} citation_group;

/*
 * The first citation bracket in text[from, len) (UTF-8; need not end with '\0'): true with
 * *g set, or false when there is none. A bracket is a citation when it holds an '@' at the
 * start of a word (after '[', a space, a tab, ';' or '-') followed by a character of an id;
 * it closes at the first ']' (without one before the end of the line, or with another '['
 * first, it is malformed and ends there). Each part between semicolons, trimmed of spaces
 * and tabs, must be '@' and an id of one or more characters other than white space, ';',
 * '[' and ']'. The next group is searched from g->end.
 */
bool citation_next(const char *text, size_t len, size_t from, citation_group *g);

/* One source a citation points to: its number on the page, and whether this is the first
 * place the page cites it (markdown_hooks.cite). */
typedef struct citation_mark {
    unsigned number; /* 1 and up */
    bool first;
} citation_mark;

/*
 * The markup of one citation bracket whose n sources (n >= 1) have the numbers marks gives:
 * a new <sup class="citation"> of links <a href="#source-N" aria-describedby="sources">N</a>,
 * separated by commas, in ascending order and each number once (Vancouver style: "1,3",
 * not "3,1,3"); the link of a mark with first set has id="cite-N", for the page's list of
 * sources (whose heading is #sources) to link back to. marks is sorted in place. The node
 * belongs to the caller. Articles, glossary definitions and comparison-table notes all
 * cite this way, so a page's numbers and back links are one sequence.
 */
xmlNodePtr citation_render(citation_mark *marks, size_t n);

/*
 * Report the malformed citation group g of text (citation_next's) as an error of file at
 * line and column, in Korean when korean: what suture reads, and how to write it. Articles
 * and procedures.yaml sources alike.
 */
void citation_report_malformed(diag_list *diags, const char *file, unsigned line,
                               unsigned column, bool korean, const char *text,
                               const citation_group *g);

/*
 * Number the sources of citation group g of text (citation_next's) into marks (g->n_ids of
 * them): true when every one has a number, false to leave the group as it is written.
 */
typedef bool (*citation_numbers_fn)(void *ctx, const char *text, const citation_group *g,
                                    citation_mark *marks);

/*
 * Append text (len bytes of UTF-8, need not end with '\0') to parent as text nodes, with
 * each citation bracket in it that numbers() numbers rendered by citation_render in its
 * place, the spaces and tabs before it dropped so that the number sits against the word it
 * follows ("SMAS¹"). A bracket numbers() declines (a malformed one, an unknown id) stays
 * as written, with its spaces. numbers may be NULL: then the text is appended as it is.
 * Articles (markdown.c) and comparison-table sources (compare.c) render citations so.
 */
void citation_append_text(xmlNodePtr parent, const char *text, size_t len,
                          citation_numbers_fn numbers, void *ctx);

#endif
