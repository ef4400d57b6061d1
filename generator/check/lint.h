/*
 * lint.h: the compliance check of one content file against the rules (issue 3,
 * "Matching"): an article (front matter and body) or a YAML data file (procedures,
 * glossary, site settings).
 *
 * What is linted is what a reader sees (readertext.h): paragraphs, headings, list items,
 * quotes, image alt text, compare captions and before-after alt texts; the front matter's
 * title and summary; every string of a data file. Code spans and code blocks are not.
 * Every finding is reported at its place in the source file (line, column in characters)
 * as a diagnostic whose category is the rule id and whose reference is the rule's.
 *
 * An article is also checked for what `suture new` wrote for its author to replace
 * (content/outline.h): each placeholder left is an error [scaffold-placeholder]; and a
 * title that is one quotation as a whole ("“Thread lift”") is a warning [title-quoted],
 * both in the article's language.
 *
 * Suppressions: in Markdown, an HTML comment on its own line
 *     <!-- suture-ignore RULE-ID: reason -->
 * suppresses RULE-ID in the block that follows it; in YAML (front matter and data files) a
 * comment line  # suture-ignore RULE-ID: reason  suppresses it on the next line that is not
 * blank or a comment. A suppression without a reason or with an unknown rule id is an
 * error ([suppression]); one that suppresses nothing is a warning.
 */
#ifndef SUTURE_LINT_H
#define SUTURE_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "check/compliance.h"
#include "content/config.h"
#include "base/diag.h"
#include "base/fingerprint.h"
#include "base/str.h"
#include "content/frontmatter.h"

typedef struct lint_context {
    const compliance *rules;
    const config *cfg;   /* the site's language, topics and review_max_age_days */
    date_ymd today;           /* for review dates */
    diag_list *diags;         /* findings and mistakes go here (thread-safe) */
    bool skip_reading;        /* measure no reading grade (lint_result.reading and
                               * reading_ko stay empty, and no reading warning is given) */
    bool for_build;           /* keep what suture build takes of an article in lint_result
                               * (heading_ids, source); else they stay empty */
    /* The placeholders of outline.h compiled for one pass over each article
     * (lint_placeholders_new); NULL: outline_find_placeholder looks for them one by one,
     * with the same findings. */
    const struct prefilter_literals *placeholders;
} lint_context;

/*
 * The reading grade of an English article (readability.h): Flesch–Kincaid over what a
 * reader reads in its body (paragraphs, also in list items and quotes), never its front
 * matter, headings, code, compare or before-after blocks.
 */
typedef struct lint_reading {
    char *file;               /* the article; NULL when it was not graded (not English, or
                               * no words in its body) */
    unsigned line, column;    /* its first body text */
    double grade;             /* rounded to one decimal, as reported and compared */
    size_t sentences, words, syllables;
} lint_reading;

/*
 * The Korean measure of a Korean article (readability_ko.h): sentence length in 어절 and
 * paragraph length in sentences over the same text Flesch–Kincaid reads in an English
 * article (the body's paragraphs, list items and quotes; no headings, code, compare or
 * before-after blocks, front matter).
 */
typedef struct lint_reading_ko {
    char *file;               /* the article; NULL when it was not measured (not Korean, or
                               * no 어절 in its body) */
    unsigned line, column;    /* its first body text */
    double mean;              /* 어절 per sentence, rounded to one decimal, as reported and
                               * compared with reading_eojeol_max */
    size_t sentences, eojeol;
    size_t paragraphs;        /* paragraphs of running text with a sentence */
    double paragraph_mean;    /* sentences per paragraph, rounded to one decimal; 0 without
                               * a paragraph */
    size_t longest_paragraph; /* the most sentences of one paragraph */
    unsigned longest_line, longest_column;  /* where the longest sentence starts */
    size_t longest;           /* its 어절 */
} lint_reading_ko;

/* One suppression comment, for the report. */
typedef struct lint_suppression {
    char *file;
    unsigned line, column;
    char *rule;
    char *reason;
    size_t suppressed;        /* findings it suppressed */
} lint_suppression;

/*
 * One finding as it was reported, with the text it matched, so that a preview can mark
 * the phrase where the reader sees it (suture serve). Each lint call appends its own.
 */
typedef struct lint_mark {
    unsigned line, column;    /* as reported */
    diag_severity severity;
    char *rule;               /* the rule id */
    char *phrase;             /* the reader's text the rule matched (at most 60 bytes), or
                               * NULL for a rule of the whole file (metadata, requires) */
    char *message;            /* as reported, in lang */
    char *lang;               /* the language the file was linted in */
} lint_mark;

typedef struct lint_result {
    lint_suppression *suppressions;
    size_t n_suppressions;
    size_t suppressed;        /* findings suppressed in all */
    lint_reading reading;     /* the grade of the article lint_article last read (each
                               * call replaces it) */
    lint_reading_ko reading_ko; /* the same for a Korean article */
    frontmatter *fm;          /* the front matter lint_article last read, or NULL when it did
                               * not parse (each call replaces it; lint_result_free frees it) */
    unsigned body_line;       /* the line its body starts on, 0 when it has none */
    /* What the build would find again in the same file (cli/lintbuild.h): the ids it gives
     * the body's headings (markdown_heading_ids_of), when heading_ids_known (false: no
     * body, or one that is not valid UTF-8), and the digest of the file's bytes
     * (fingerprint_digest_bytes). Only with lint_context.for_build; each lint_article call
     * replaces them. */
    strlist heading_ids;
    bool heading_ids_known;
    fingerprint_digest source;
    strlist cited;            /* the ids its text cites ([@id], citation.h), each once, in
                               * the order first cited */
    lint_mark *marks;         /* every finding not suppressed, in the order found */
    size_t n_marks;
} lint_result;

/*
 * Lint an article: text (len bytes) read from path, in language lang (a BCP 47 tag: its
 * folder's on a site with languages, articlefiles_language); lang NULL means its front
 * matter's lang, else the site's language. Front-matter mistakes are reported as the build
 * reports them; then every rule that applies to the article's language (rule_applies_to_lang)
 * applies: patterns to the title, summary and body, requires, metadata and media rules to
 * the article, each finding with the rule's message in that language (rule_message_in). s
 * is the calling thread's scanner. Suppressions are added to out, and the parsed front
 * matter is kept in out->fm.
 *
 * An article in English with words in its body (readability_applies) is
 * graded into out->reading; when the site sets reading_grade_max and the grade, rounded to
 * one decimal, is above it, a warning [reading-grade] at the first body text names the
 * grade, the maximum and the lines of the (up to three) longest sentences.
 *
 * An article in Korean (its lang, else the site's, is ko or ko-XX) is never graded with
 * Flesch–Kincaid: its sentence and paragraph lengths go into out->reading_ko; when the
 * site sets reading_eojeol_max and the mean 어절 per sentence, rounded to one decimal, is
 * above it, a warning [reading-grade-ko], in Korean, at the longest sentence names the
 * mean, the maximum and the lines and lengths of the (up to three) longest sentences, and
 * says to split them. Other languages are not measured.
 */
void lint_article(const lint_context *ctx, compliance_scanner *s, const char *path,
                  const char *lang, const char *text, size_t len, lint_result *out);

/*
 * Lint a site page of content/pages/ (sitepages.h) as lint_article lints an article, with
 * the page's front matter (frontmatter.h: title, summary, reviewed): every patterns, media
 * and metadata rule, and the reading measures; a page need not name a reviewer, and the
 * `requires` rules, which say what an article about a procedure must hold, do not apply.
 */
void lint_page(const lint_context *ctx, compliance_scanner *s, const char *path,
               const char *lang, const char *text, size_t len, lint_result *out);

/*
 * Lint every string value of a YAML file (procedures.yaml, glossary.yaml, site.yaml)
 * against the patterns rules of its language, except values of the keys in skip (a
 * NULL-terminated list: ids, file names, URLs...). Values are read as inline Markdown.
 * A value's language (issue 16): under a key that is a language ctx->cfg declares (the
 * "en" of name: {ko: …, en: …}), that language; inside an entry of a `languages:` list
 * (site.yaml), the entry's `code:`; else lang, the site's default language. Each value is
 * checked with the rules of its language (a rule's `lang:`), so its findings carry their
 * messages. A file that is not valid YAML is reported once.
 */
void lint_yaml(const lint_context *ctx, compliance_scanner *s, const char *path,
               const char *text, size_t len, const char *lang, const char *const *skip,
               lint_result *out);

/* Free the suppressions, the readings, the front matter and the marks in r and empty it. */
void lint_result_free(lint_result *r);

/* The rule ids of an article's scaffold placeholders and quoted title (lint_article). */
#define LINT_RULE_PLACEHOLDER "scaffold-placeholder"
#define LINT_RULE_TITLE_QUOTED "title-quoted"

/*
 * The placeholders `suture new` writes (outline_placeholders) compiled for
 * lint_context.placeholders: a few milliseconds, worth it for more than a few articles.
 * Returns NULL when Vectorscan cannot build them (the lint then searches one by one). Free
 * with prefilter_literals_free.
 */
struct prefilter_literals *lint_placeholders_new(void);

/*
 * Whether title is one quotation as a whole ("“Thread lift”", "'Thread lift'", "「실
 * 리프팅」"): it starts with an opening quotation mark and ends with the one that closes
 * it, with no other quotation mark between them (“A” and “B” is not flagged), white space
 * around it aside.
 */
bool lint_title_quoted(const char *title);

/* Free n marks (their strings and the array). Accepts NULL. */
void lint_marks_free(lint_mark *marks, size_t n);

#endif
