/*
 * frontmatter.h: an article's YAML front matter (SPEC.md, "Article").
 *
 *     ---
 *     title: "..."            required
 *     summary: "..."          required
 *     topics: [anatomy]       required, ids declared in site.yaml (checked by the caller)
 *     date: 2026-11-20        required, ISO 8601 calendar date
 *     reviewed: 2026-11-20    required
 *     reviewer: "..."         required
 *     procedures: [..]        optional, ids from procedures.yaml (checked by the caller)
 *     slug: ...               optional
 *     draft: false            optional
 *     lang: en                optional; on a site in several languages it must be the
 *                             language of the article's folder (articlefiles.h)
 *     translation_of: en      optional: a translation, of the article with the same file
 *                             name in that language's folder (issue 16)
 *     source_reviewed: 2026-11-20  with translation_of, required: the source's `reviewed`
 *                             date this translation follows
 *     ---
 *     Body in CommonMark.
 *
 * Unknown keys are errors, so a typo never passes silently.
 *
 * A site page (content/pages/<lang>/<name>.md: About, Editorial policy, Contact, Privacy,
 * Accessibility statement; issue 18) has a front matter of its own:
 *
 *     ---
 *     title: "..."            required
 *     summary: "..."          required
 *     reviewed: 2026-12-07    required
 *     clinic_details: true    optional: the page shows the clinic's details (site.yaml)
 *     draft: false            optional
 *     ---
 */
#ifndef SUTURE_FRONTMATTER_H
#define SUTURE_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h" /* date_ymd, and date_* for the users of dates in articles */
#include "base/diag.h"

/* An id written in the front matter, with where it was written. */
typedef struct fm_ref {
    char *id;
    unsigned line, column;
} fm_ref;

/* Where a value starts in the article file (line and column from 1, in characters). */
typedef struct fm_pos {
    unsigned line, column;
} fm_pos;

typedef struct frontmatter {
    char *title;
    char *summary;
    char *reviewer;
    char *slug;      /* NULL when not given */
    char *lang;      /* NULL when not given */
    char *translation_of; /* the source's language, or NULL: not a translation */
    fm_ref *topics;
    size_t n_topics;
    fm_ref *procedures;
    size_t n_procedures;
    date_ymd date;
    date_ymd reviewed;
    date_ymd source_reviewed; /* with translation_of */
    bool draft;
    bool clinic_details; /* a site page's: show the clinic's name, address, phone and
                          * registration from site.yaml (the About and Contact pages) */
    unsigned line;   /* line of the opening '---' (1) */
    /* Where the values were written, for `suture check`'s findings. */
    fm_pos title_at, summary_at, reviewer_at, reviewed_at;
    fm_pos lang_at, translation_of_at, source_reviewed_at; /* 0:0 when not written */
} frontmatter;

/*
 * Split an article's text into front matter and body and parse the front matter.
 * file names the article in diagnostics. On success returns the front matter (free with
 * frontmatter_free) and sets *body to the first byte of the body inside text and
 * *body_line to the body's first line number (1-based). On any mistake adds errors to
 * diags (every mistake, not only the first) and returns NULL. Besides each key's own type,
 * a translation_of without source_reviewed, and a source_reviewed without translation_of,
 * are mistakes. Whether the languages exist is the caller's (articlefiles_check).
 */
frontmatter *frontmatter_parse(const char *file, const char *text, size_t len,
                               diag_list *diags, const char **body, unsigned *body_line);

/* What the caller knows of the site, for messages a writer can act on without opening it. */
typedef struct frontmatter_site {
    const struct config *cfg; /* site.yaml, or NULL */
    const char *lang;         /* the article's language (BCP 47), or NULL */
    bool page;                /* a site page of content/pages/ (About, Privacy...), not an
                               * article: its keys are title, summary and reviewed
                               * (required), clinic_details and draft; a page is
                               * about the site, and names no medical reviewer */
} frontmatter_site;

/*
 * frontmatter_parse, and an empty 'topics' list lists the topics of site->cfg
 * (config_topic_list) in site->lang (Korean for ko and its regional tags, English
 * otherwise); site NULL is frontmatter_parse.
 */
frontmatter *frontmatter_parse_for(const char *file, const char *text, size_t len,
                                   const frontmatter_site *site, diag_list *diags,
                                   const char **body, unsigned *body_line);
void frontmatter_free(frontmatter *fm);

#endif
