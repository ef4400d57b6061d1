/*
 * lint_private.h: what the files of the lint share (check/lint*.c); no other file includes
 * it. lint.c walks an article or data file and reports findings, lint_suppress.c reads the
 * suture-ignore comments that suppress them, lint_reading.c measures how readable an
 * article's body is, in its language.
 */
#ifndef SUTURE_LINT_PRIVATE_H
#define SUTURE_LINT_PRIVATE_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check/lint.h"
#include "check/readability.h"
#include "check/readability_ko.h"
#include "base/sourcelines.h"
#include "check/readertext.h"

typedef struct {
    const rule *r;
    size_t offset;   /* in the file */
    char *match;     /* the text the reader sees, for {match}; may be NULL */
    char *lang;      /* the language of the text it is in (a site.yaml value may be in
                      * another language than its file's), or NULL: the file's */
} lt_finding;

typedef struct {
    const rule *r;   /* NULL when the comment is not a valid suppression */
    char *rule_id;
    char *reason;
    unsigned line, column;
    size_t from, to; /* the byte range of the file it covers */
    size_t count;
} lt_suppression;

/* Where a Markdown text being walked comes from. */
typedef struct {
    const char *text;          /* what cmark parsed */
    size_t len;
    source_lines lines;        /* of text */
    unsigned line_offset;      /* cmark's line 1 is line_offset + 1 of text */
    const uint32_t *remap;     /* offsets in text -> offsets in the file; NULL: the same */
    size_t remap_len;
} lt_source;

typedef struct {
    const lint_context *ctx;
    compliance_scanner *s;
    const char *path;
    const char *text;          /* the whole file */
    size_t len;
    source_lines lines;
    const char *lang;
    lt_finding *findings;
    size_t n_findings, cap_findings;
    lt_suppression *supps;
    size_t n_supps, cap_supps;
    /* requires rules: per rule, whether it applies to this article and is satisfied */
    bool *req_active;
    bool *req_done;
    reader_text seg;           /* the segment being scanned */
    strlist *cited;            /* the ids the article cites go here; NULL: not gathered */
    unsigned image_depth;      /* images inside the alt text of images being read */
    const lt_source *cur;       /* the source of the segment being scanned */
    readability *reading;      /* the body's reading grade; NULL when not graded */
    readability_ko *reading_ko; /* the body's Korean measure; NULL when not Korean */
    /* The YAML document being linted: its first node, and per node (by its index from
     * there) whether it was linted, so that an alias is followed once (an alias bomb would
     * otherwise be walked billions of times). */
    const void *yaml_base;
    unsigned char *yaml_seen;
    size_t yaml_seen_cap;
} lt_lint;

/* Where node n starts in the file: a byte offset. */
size_t lt_node_offset(const lt_source *src, cmark_node *n);

/* Where node n ends in the file: the byte offset just after it. */
size_t lt_node_end(const lt_source *src, cmark_node *n);

/* Whether the file L lints is in Korean (its folder's or front matter's language), so that
 * what is said about it is said in Korean. */
bool lt_korean(const lt_lint *L);

/* An HTML block n of src: a suppression comment (added to L), or HTML the build leaves
 * out. */
void lt_html_block(lt_lint *L, const lt_source *src, cmark_node *n);

/* YAML comment lines "# suture-ignore RULE: reason" in the file's lines [first, last],
 * added to L. */
void lt_yaml_suppressions(lt_lint *L, unsigned first, unsigned last);

/*
 * Empty out->reading and out->reading_ko (freeing what they held) and, when the article
 * has a body, start the measure of its language (L->lang): Flesch–Kincaid for English,
 * readability_ko for Korean, none for other languages.
 */
void lt_reading_begin(lt_lint *L, lint_result *out, bool body);

/* Give the paragraph node n, just collected into L->seg, to the measure begun (if any). */
void lt_reading_block(lt_lint *L, cmark_node *n);

/*
 * Finish the measure into out->reading or out->reading_ko, warn [reading-grade] or
 * [reading-grade-ko] above the site's limit (lint.h), and free it.
 */
void lt_reading_end(lt_lint *L, lint_result *out);

/*
 * lint_scaffold.c: report each placeholder `suture new` wrote (outline_find_placeholder)
 * still in L's file, an error [scaffold-placeholder] at its first character, in L's
 * language (Korean for ko, English otherwise).
 */
void lt_placeholders(lt_lint *L);

/* Report title, written at byte offset at, when lint_title_quoted: a warning
 * [title-quoted] in L's language. */
void lt_title_quoted(lt_lint *L, const char *title, size_t at);

#endif
