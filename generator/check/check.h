/*
 * check.h: `suture check` (README.md, "Compliance checks"; issue 3). Lints the content against
 * content/compliance.yaml and/or verifies a folder of built HTML, and reports the findings
 * as compiler-style lines, JSON or SARIF 2.1.0.
 *
 *     suture check [--content DIR] [--site DIR] [--format text|json|sarif] [--jobs N]
 *                  [--max-warnings N] [--verbose]
 *     suture check --explain RULE-ID [--lang CODE] [--content DIR]
 *
 * Without --site, the content is linted: every article (drafts too), and the strings of
 * site.yaml, data/procedures.yaml and glossary.yaml. With --site, the folder is verified
 * (siteverify.h), using the content folder's site.yaml, when there is one, for the
 * disclaimer text and base URL; the content is linted as well only when --content is
 * given too.
 *
 * The articles are those `suture build` publishes (articlefiles_list_site): on a site with
 * `languages:`, content/articles/<code>/<name>.md; each is linted in its language, its folder's
 * (on a site in one language, its front matter's lang, else the site's): the compliance
 * rules that apply to that language, their messages in it (lint.h), and its readability
 * measure. What an article's front matter says of languages is checked against its folder
 * and the other articles (articlefiles_check: errors at the value), and each translation
 * against its source's `reviewed` date (staleness.h: [translation-stale] warnings and
 * [translation-overdue] errors), counted to opt->today.
 *
 * Every English article linted is given its Flesch–Kincaid reading grade (readability.h,
 * lint.h), reported in every format (report.h) and warned about [reading-grade] above
 * site.yaml's reading_grade_max. Every Korean article is measured instead by the length of
 * its sentences in 어절 and of its paragraphs in sentences (readability_ko.h), reported
 * likewise and warned about, in Korean, [reading-grade-ko] above reading_eojeol_max.
 *
 * With --site and a site.yaml, every page's disclaimer is compared with the disclaimer of
 * the page's language (<html lang>), rendered from site.yaml's Markdown (siteverify.h).
 */
#ifndef SUTURE_CHECK_H
#define SUTURE_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"
#include "check/lint.h"
#include "content/frontmatter.h"

/* check_lint's status when content/compliance.yaml does not exist (nothing was linted). */
enum { CHECK_NO_RULES = 2 };

typedef enum check_format {
    CHECK_FORMAT_TEXT,
    CHECK_FORMAT_JSON,
    CHECK_FORMAT_SARIF,
} check_format;

/*
 * What the lint read of one article: its file (content/articles/x.md, as the build names
 * it) and the front matter it parsed without error, with the line its body starts on (0:
 * no body); from check_lint, also the ids the build gives its headings when
 * heading_ids_known and the digest of the file's bytes (lint_result; suture check's
 * validation learns the ids from rendering). Whoever takes fm or heading_ids leaves them empty;
 * check_articles_read_free frees what is left.
 */
typedef struct check_article_read {
    char *path;
    frontmatter *fm;
    unsigned body_line;
    strlist heading_ids;
    bool heading_ids_known;
    fingerprint_digest source;
} check_article_read;

/* Every article the lint read whose front matter parsed, sorted by path (strcmp). */
typedef struct check_articles_read {
    check_article_read *items;
    size_t n;
} check_articles_read;

/* Free what read holds and empty it. */
void check_articles_read_free(check_articles_read *read);

typedef struct check_options {
    const char *content_dir;  /* "content" */
    bool lint_content;        /* lint content_dir */
    const char *site_dir;     /* a folder of HTML to verify, or NULL */
    check_format format;
    unsigned jobs;            /* threads, at least 1 */
    long max_warnings;        /* more warnings than this fail the check; -1: no limit */
    bool verbose;             /* text: each finding's explanation and references under it
                               * (report_text) */
    date_ymd today;           /* the date review ages and translation lags are counted
                               * to (check_today) */
    /* The build's own check of the content (site_validate: settings, front matter, topics,
     * links, images), which adds to diags what `suture build` would refuse, so that one
     * command says whether the content can be published; run when the content is linted,
     * after the lint, and what both report is reported once (diag_list_merge). read is what
     * the lint read of the articles: the build may take their front matter instead of
     * reading each article again. NULL: none (check/ may not call the build: suture's
     * command line fills it). */
    void (*validate)(void *ctx, check_articles_read *read, diag_list *diags);
    void *validate_ctx;
} check_options;

typedef struct check_summary {
    size_t files;             /* content files linted plus HTML files verified */
    size_t errors;
    size_t warnings;
    size_t suppressed;        /* findings suppressed by suture-ignore comments */
} check_summary;

/*
 * Run the check. With CHECK_FORMAT_TEXT, diagnostics, the reading grades and a summary
 * line go to err (stderr) and nothing to out; with JSON or SARIF the report goes to out
 * and only environment errors to err. Returns 0 when there is no error (and no more warnings than allowed), 1
 * when there is, 2 when the check could not run (no rules file, an unreadable folder).
 * With opt->explain, nothing is checked: the rule is explained on out (explain_rule, with
 * the content folder's compliance.yaml when it loads) and the status is explain_rule's.
 */
int check_run(const check_options *opt, FILE *out, FILE *err, check_summary *summary);

/* What check_lint lints: the content `suture build` publishes. */
typedef struct check_lint_options {
    const char *content_dir;  /* "content" */
    bool drafts;              /* lint articles marked draft: true too (build --drafts);
                               * else what they say is dropped */
    unsigned jobs;            /* threads, at least 1 */
    date_ymd today;           /* as check_options.today */
    bool skip_reading;        /* leave out the reading measures (lint_context.skip_reading):
                               * suture build, which enforces what may be published and
                               * leaves reading level to suture check and the preview */
    bool for_build;           /* set by check_lint when it is given read */
} check_lint_options;

/* One finding of check_lint in file, with the phrase it matched (lint_mark). */
typedef struct check_mark {
    char *file;               /* as in its diagnostic: content/articles/x.md */
    lint_mark mark;
} check_mark;

typedef struct check_marks {
    check_mark *items;        /* in file order, then by line and column */
    size_t len;
} check_marks;

/*
 * Lint the content as `suture check` does, with the same code and rules (the articles
 * `suture build` publishes, drafts only with opt->drafts; site.yaml, data/procedures.yaml
 * and glossary.yaml, each value in its language; suppression comments), for `suture build`
 * and `suture serve`. Every finding and every mistake found (site.yaml, front matter,
 * rules that do not load) is added to diags; the reading grades are reported as warnings
 * only where check reports them, and not at all with opt->skip_reading. marks, when not NULL, receives each finding with its
 * phrase (free with check_marks_free). Returns 0 when the content was linted (look at
 * diags), or CHECK_NO_RULES when content_dir/compliance.yaml does not exist, as `suture
 * check` refuses to run then (nothing is added; the caller says so). read, when not NULL,
 * receives what the lint read of each article (free with check_articles_read_free), for the
 * build to take instead of reading and parsing each article again (site_options.read_before).
 */
int check_lint(const check_lint_options *opt, diag_list *diags, check_marks *marks,
               check_articles_read *read);

/* Free what marks holds and empty it. Accepts NULL. */
void check_marks_free(check_marks *marks);

/*
 * Today, the day review ages and translation lags are counted to: SUTURE_TODAY (a date,
 * YYYY-MM-DD) when it is set and valid, so that tests and CI runs can fix the day; else
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set and valid;
 * else the current date in UTC.
 */
date_ymd check_today(void);

/*
 * The value of SUTURE_TODAY when it is set but is not a date (YYYY-MM-DD), which the
 * command line reports as a usage error; NULL when it is unset, empty or valid.
 */
const char *check_today_problem(void);

#endif
