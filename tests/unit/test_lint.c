/*
 * test_lint.c: the compliance check of one content file (lint.h): what the reader sees is
 * matched, markup cannot hide a phrase, code is left alone, every finding is reported at
 * its line and column (in characters) in the source file, and suppressions work as
 * documented.
 *
 * Each test lints a small article (front matter as in SPEC.md "Article") with the rules in
 * S_rules and a site.yaml read by config_load; both are written into a fresh temporary
 * folder. The diagnostics are sorted by position before they are checked.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "lintfix.h"

#include "check/lint.h"
#include "lintfix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/compliance.h"
#include "content/config.h"

#define ART "content/articles/a.md"

static const char S_site[] = "title: \"Facial Lifting Explained\"\n"
                             "base_url: \"https://example.org/\"\n"
                             "language: en\n"
                             "review_max_age_days: 365\n"
                             "topics:\n"
                             "  - id: anatomy\n"
                             "    title: \"Facial anatomy\"\n"
                             "    description: \"How the layers of the face are built.\"\n"
                             "  - id: thread-lift\n"
                             "    title: \"Thread lifts\"\n"
                             "    description: \"What a thread lift does.\"\n"
                             "disclaimer: |\n"
                             "  General information only.\n"
                             "notices:\n"
                             "  before_after: \"Shown with consent.\"\n";

static const char S_rules[] =
    "rules:\n"
    "  - id: superlatives\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message: \"'{match}' is a superlative\"\n"
    "    reference: \"MSA 56(2)(8)\"\n"
    "    patterns: ['\\bmost effective\\b', '\\bbest\\b', '최고']\n"
    "    exceptions: ['\\bbest suited\\b']\n"
    "  - id: guarantees\n"
    "    severity: warning\n"
    "    kind: patterns\n"
    "    message: promises a result\n"
    "    reference: CAP 12.1\n"
    "    patterns: ['\\bguarantee']\n"
    "  - id: promises\n"
    "    severity: info\n"
    "    kind: patterns\n"
    "    lang: [ko]\n"
    "    message: \"'{match}' promises a result ('{match}')\"\n"
    "    reference: MSA 56(2)(3)\n"
    "    patterns: ['효과를 보장[^.]*']\n"
    "  - id: side-effects\n"
    "    severity: error\n"
    "    kind: requires\n"
    "    message: describe the side effects\n"
    "    reference: MSA 56(2)(7)\n"
    "    when: {procedures: true, topics: [thread-lift]}\n"
    "    headings: ['side effects?']\n"
    "    patterns: ['can cause side effects']\n"
    "  - id: reviewer\n"
    "    severity: error\n"
    "    kind: metadata\n"
    "    check: reviewer\n"
    "    message: \"'{match}' is not a reviewer\"\n"
    "    reference: policy 4\n"
    "    patterns: ['^(tbd|n/a|todo)$']\n"
    "  - id: review-date\n"
    "    severity: warning\n"
    "    kind: metadata\n"
    "    check: reviewed-date\n"
    "    message: reviewed on {match}\n"
    "    reference: policy 5\n"
    "  - id: summary-length\n"
    "    severity: warning\n"
    "    kind: metadata\n"
    "    check: summary\n"
    "    max: 40\n"
    "    message: the summary is too long\n"
    "    reference: policy 6\n"
    "  - id: before-after-photos\n"
    "    severity: error\n"
    "    kind: media\n"
    "    check: before-after-image\n"
    "    message: \"'{match}' looks like a before-and-after photo\"\n"
    "    reference: MSA 56(2)(2)\n"
    "    patterns: ['\\bbefore\\b', '\\bafter\\b']\n"
    "  - id: image-alt\n"
    "    severity: warning\n"
    "    kind: media\n"
    "    check: image-alt\n"
    "    message: this image has no alt text\n"
    "    reference: WCAG 1.1.1\n";

/* The front matter of a clean article: 8 lines, the body starts on line 9. */
#define FM                                                                                     \
    "---\n"                                    /* 1 */                                          \
    "title: \"Thread lifts\"\n"                /* 2 */                                          \
    "summary: \"What a thread lift does.\"\n"  /* 3 */                                          \
    "topics: [anatomy]\n"                      /* 4 */                                          \
    "date: 2026-01-10\n"                       /* 5 */                                          \
    "reviewed: 2026-01-10\n"                   /* 6 */                                          \
    "reviewer: \"Medical review team\"\n"      /* 7 */                                          \
    "---\n"                                    /* 8 */

typedef lintfix S_fix;

static int S_setup(void **state)
{
    *state = lintfix_new("lint", S_site, S_rules, (date_ymd){2026, 6, 1});
    return 0;
}

static int S_teardown(void **state)
{
    return lintfix_free(*state);
}

/* Lint text as the article ART and sort the diagnostics. */
static void S_lint(S_fix *fx, const char *text)
{
    lintfix_lint(fx, ART, text);
}

/* Assert exactly n diagnostics, each "ART<rest>", in order. */
static void S_expect(S_fix *fx, size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n && i < diag_count(fx->diags); i++)
        tu_expect_diag_prefixed(fx->diags, i, ART, va_arg(ap, const char *));
    va_end(ap);
    if (diag_count(fx->diags) != n) {
        diag_list_print(fx->diags, stderr);
        fail_msg("%zu diagnostics, expected %zu", diag_count(fx->diags), n);
    }
}

/* Lint FM followed by body; expect n diagnostics. */
#define LINT_BODY(fx, body, ...)                                                              \
    do {                                                                                      \
        S_lint((fx), FM body);                                                                \
        S_expect((fx), __VA_ARGS__);                                                          \
    } while (0)

/* The diagnostic line, without the file, for 'best' or 'most effective' at line:col. */
#define BEST(line, col)                                                                        \
    ":" #line ":" #col ": error: 'best' is a superlative (MSA 56(2)(8)) [superlatives]"
#define MOST(line, col)                                                                        \
    ":" #line ":" #col ": error: 'most effective' is a superlative (MSA 56(2)(8)) [superlatives]"

/* ---- what the reader sees ---- */

static void test_clean_article(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "A thread lift lifts tissue.\n\n## How it works\n\nThreads hold the SMAS.\n", 0);
    assert_int_equal(fx->res.n_suppressions, 0);
    assert_int_equal(fx->res.suppressed, 0);
}

static void test_plain_phrase(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "Some say it is the best.\n", 1, BEST(9, 20));
}

/* A care block's list is the article's own text: checked, at its place in the file; its
 * level line is not. */
static void test_care_block_text(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "Intro.\n\n```care\nlevel: urgent\n- the best advice\n- a fever\n```\n", 1,
              BEST(13, 7));
    diag_list_free(fx->diags);
    fx->diags = fx->ctx.diags = diag_list_new();
    LINT_BODY(fx, "Intro.\n\n```compare\nprocedures: best\ncaption: x\n```\n", 0);
}

static void test_emphasis(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "It is the **most** effective lift.\n", 1, MOST(9, 13));
}

static void test_phrase_split_over_lines(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "It is the most\neffective lift.\n", 1, MOST(9, 11));
}

static void test_entity(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "It is the &#x6D;ost effective lift.\n", 1, MOST(9, 11));
}

static void test_entity_space_and_soft_hyphen(void **state)
{
    S_fix *fx = *state;
    /* A no-break space reads as a space; a soft hyphen is invisible. */
    LINT_BODY(fx, "most&nbsp;effective and mo&shy;st effective.\n", 2, MOST(9, 1), MOST(9, 25));
}

static void test_link_text(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "See [the best clinic](https://example.org/) now.\n", 1, BEST(9, 10));
}

static void test_zero_width_space(void **state)
{
    S_fix *fx = *state;
    /* A zero-width space inside "most"; columns count it as a character. */
    LINT_BODY(fx, "Not mo\u200Bst effective. be\u00ADst.\n", 2, MOST(9, 5), BEST(9, 22));
}

static void test_full_width(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "We are ｂｅｓｔ.\nＭＯＳＴ　ＥＦＦＥＣＴＩＶＥ!\n", 2,
              BEST(9, 8), ":10:1: error: 'MOST EFFECTIVE' is a superlative (MSA 56(2)(8)) "
                          "[superlatives]");
}

static void test_korean_inside_word(void **state)
{
    S_fix *fx = *state;
    /* Columns in characters: 최 of 최고의 is the 4th character of the line. */
    LINT_BODY(fx, "국내 최고의 시술, 최고.\n", 2,
              ":9:4: error: '최고' is a superlative (MSA 56(2)(8)) [superlatives]",
              ":9:12: error: '최고' is a superlative (MSA 56(2)(8)) [superlatives]");
}

static void test_exception_in_sentence(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "Who is best suited? Ask us. The best.\n", 1, BEST(9, 33));
}

static void test_code_span_not_flagged(void **state)
{
    S_fix *fx = *state;
    /* The code span stands for an object: no phrase runs across it either. */
    LINT_BODY(fx, "Type `the best` or `most` effective, not best.\n", 1, BEST(9, 42));
}

static void test_code_blocks_not_flagged(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "```\n"
              "the best code\n"
              "```\n"
              "\n"
              "~~~ text\n"
              "most effective\n"
              "~~~\n"
              "\n"
              "    the best indented code\n",
              0);
}

static void test_html_block_not_flagged(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<div class=\"note\">\n"
              "the best html\n"
              "</div>\n"
              "\n"
              "<!-- the best comment -->\n",
              0);
}

static void test_block_containers(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "> Quote: the best.\n"           /* 9 */
              "\n"                             /* 10 */
              "- item the best\n"              /* 11 */
              "  - nested **the best**\n"      /* 12 */
              "\n"                             /* 13 */
              "## The best heading\n"          /* 14 */
              "\n"                             /* 15 */
              "- \ttab item best\n",           /* 16 */
              5, BEST(9, 14), BEST(11, 12), BEST(12, 18), BEST(14, 8), BEST(16, 13));
}

static void test_crlf(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\r\n"
               "title: \"The best\"\r\n"
               "summary: \"S.\"\r\n"
               "topics: [anatomy]\r\n"
               "date: 2026-01-10\r\n"
               "reviewed: 2026-01-10\r\n"
               "reviewer: \"Dr. Kim\"\r\n"
               "---\r\n"
               "The text is the best.\r\n"
               "Second line best.\r\n");
    S_expect(fx, 3, BEST(2, 13), BEST(9, 17), BEST(10, 13));
}

/* ---- front matter ---- */

static void test_title_and_summary(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\n"
               "title: \"The best thread lift\"\n"
               "summary: >\n"
               "  The most\n"
               "  effective.\n"
               "topics: [anatomy]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "reviewer: \"Dr. Kim\"\n"
               "---\n"
               "Text.\n");
    S_expect(fx, 2, BEST(2, 13), MOST(4, 7));
}

static void test_front_matter_mistake(void **state)
{
    S_fix *fx = *state;
    /* Reported as the build reports it; the body is still checked. */
    S_lint(fx, "---\n"
               "summary: \"S.\"\n"
               "topics: [anatomy]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "reviewer: \"Dr. Kim\"\n"
               "---\n"
               "The best.\n");
    S_expect(fx, 2, ":1:1: error: the front matter has no 'title'; every article needs one: add a line 'title: ...' between the two '---' lines [front-matter]",
             BEST(8, 5));
}

/* Issue 14, point 11: a body that is not UTF-8 is a warning at its first bad byte, as from
 * suture build; the body is still checked. */
static void test_body_not_utf8(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "Fine.\n\nCaf\xe9 \xff is the best.\n", 2,
              ":11:4: warning: this file is not valid UTF-8 at line 11, column 4 (the bytes show "
              "as \xef\xbf\xbd on the page): save it as UTF-8 in your editor [encoding]",
              BEST(11, 15));
}

/* Bad bytes in the front matter are libyaml's error; those of the body are not reported on
 * top of it. */
static void test_front_matter_not_utf8(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\n"
               "title: \"Caf\xe9\"\n"
               "summary: \"S.\"\n"
               "topics: [anatomy]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "reviewer: \"Medical review team\"\n"
               "---\n"
               "Caf\xe9.\n");
    if (diag_count(fx->diags) != 1)
        diag_list_print(fx->diags, stderr);
    assert_int_equal(diag_count(fx->diags), 1);
    char *d = diag_format(diag_get(fx->diags, 0));
    assert_non_null(strstr(d, "not valid UTF-8"));
    assert_non_null(strstr(d, ": error: "));
    free(d);
}

/* ---- images and media ---- */

static void test_image_alt_text_linted(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx, "Look: ![the best photo](media/photo.png) here.\n", 1, BEST(9, 13));
}

static void test_before_after_image(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "![Jawline](media/before_after.png)\n"           /* 9: file name */
              "\n"
              "![Cheek before treatment](media/cheek.png)\n"   /* 11: alt text */
              "\n"
              "![Cheek](media/cheek.png \"Six weeks after\")\n" /* 13: title */
              "\n"
              "![Cheek](media/afterglow.png \"Beforehand\")\n", /* 15: no word */
              3,
              ":9:1: error: 'media/before_after.png' looks like a before-and-after photo "
              "(MSA 56(2)(2)) [before-after-photos]",
              ":11:1: error: 'media/cheek.png' looks like a before-and-after photo "
              "(MSA 56(2)(2)) [before-after-photos]",
              ":13:1: error: 'media/cheek.png' looks like a before-and-after photo "
              "(MSA 56(2)(2)) [before-after-photos]");
}

static void test_image_alt_rule(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "![](media/a.png)\n"
              "\n"
              "Inline ![ ](media/b.png) image.\n"
              "\n"
              "![Face](media/c.png)\n",
              2, ":9:1: warning: this image has no alt text (WCAG 1.1.1) [image-alt]",
              ":11:8: warning: this image has no alt text (WCAG 1.1.1) [image-alt]");
}

static void test_before_after_block(void **state)
{
    S_fix *fx = *state;
    /* The block is how such photos are published: the media rule leaves it alone, but its
     * alt texts are read aloud and linted. */
    LINT_BODY(fx,
              "```before-after\n"                           /* 9 */
              "before: media/case-01-before.jpg\n"           /* 10 */
              "after: media/case-01-after.jpg\n"             /* 11 */
              "alt: The best jawline before and after\n"     /* 12 */
              "before_alt: Most effective, before\n"         /* 13 */
              "consent: partial\n"                           /* 14 */
              "```\n",
              2, BEST(12, 10),
              ":13:13: error: 'Most effective' is a superlative (MSA 56(2)(8)) [superlatives]");
}

static void test_before_after_block_without_consent(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "```before-after\n"
              "before: media/a.jpg\n"
              "after: media/b.jpg\n"
              "alt: Jawline\n"
              "```\n",
              1,
              ":10:1: error: this before-after block has no 'consent'; publish these photos "
              "only with the patient's written consent, and record it as 'consent: partial' "
              "(part of the face) or 'consent: full' [before-after]");
}

static void test_compare_caption(void **state)
{
    S_fix *fx = *state;
    /* Only the caption is text; ids are not. */
    LINT_BODY(fx,
              "```compare\n"
              "procedures: best-lift, mini-lift\n"
              "attributes: incision\n"
              "caption: The best options side by side\n"
              "```\n",
              1, BEST(12, 14));
}

/* ---- requires ---- */

/* Front matter that lists a procedure (line 4, column 14). */
#define FM_PROC                                                                                \
    "---\n"                                                                                    \
    "title: \"Thread lifts\"\n"                                                                \
    "summary: \"What a thread lift does.\"\n"                                                  \
    "procedures: [thread-lift]\n"                                                              \
    "topics: [anatomy]\n"                                                                      \
    "date: 2026-01-10\n"                                                                       \
    "reviewed: 2026-01-10\n"                                                                   \
    "reviewer: \"Medical review team\"\n"                                                      \
    "---\n"

static void test_requires_missing(void **state)
{
    S_fix *fx = *state;
    /* The heading pattern in a paragraph is not a heading. */
    S_lint(fx, FM_PROC "Side effects are rare.\n\n## Recovery\n\nA few days.\n");
    S_expect(fx, 1, ":4:14: error: describe the side effects (MSA 56(2)(7)) [side-effects]");
}

static void test_requires_satisfied_by_heading(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, FM_PROC "Intro.\n\n## Possible side effects\n\nBruising.\n");
    S_expect(fx, 0);
    S_lint(fx, FM_PROC "Intro.\n\nSide effect\n-----------\n\nBruising.\n");
    S_expect(fx, 0);
}

static void test_requires_satisfied_by_sentence(void **state)
{
    S_fix *fx = *state;
    /* Across a line break and emphasis, as the reader reads it. */
    S_lint(fx, FM_PROC "Like any procedure, a thread lift *can cause*\nside effects.\n");
    S_expect(fx, 0);
}

static void test_requires_not_applicable(void **state)
{
    S_fix *fx = *state;
    /* No procedures, and the topic is not thread-lift. */
    LINT_BODY(fx, "The layers of the face.\n", 0);
}

/* `when: {articles: true}`: every article, reported at its title; the ids an article cites
 * are gathered into the result, each once, in the order first cited. */
static void test_requires_every_article_and_citations(void **state)
{
    (void)state;
    lintfix *fx = lintfix_new("lint-cites", S_site,
                              "rules:\n"
                              "  - id: sources-missing\n"
                              "    severity: warning\n"
                              "    kind: requires\n"
                              "    when: {articles: true}\n"
                              "    patterns: ['\\[@[^\\s;\\]]']\n"
                              "    message: cites no sources\n"
                              "    reference: HONcode 4\n",
                              (date_ymd){2026, 6, 1});
    lintfix_lint(fx, ART, FM "The layers of the face.\n");
    S_expect(fx, 1, ":2:8: warning: cites no sources (HONcode 4) [sources-missing]");
    assert_int_equal(fx->res.cited.len, 0);
    diag_list_free(fx->diags);
    fx->diags = fx->ctx.diags = diag_list_new();
    lintfix_lint(fx, ART, FM "The SMAS [@mitz1976].\n\n- Fat [@stuzin1992; @mitz1976]\n");
    S_expect(fx, 0);
    assert_int_equal(fx->res.cited.len, 2);
    assert_string_equal(fx->res.cited.items[0], "mitz1976");
    assert_string_equal(fx->res.cited.items[1], "stuzin1992");
    lintfix_free(fx);
}

static void test_requires_reported_at_topic(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\n"
               "title: \"Thread lifts\"\n"
               "summary: \"What a thread lift does.\"\n"
               "topics: [anatomy,  thread-lift]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "reviewer: \"Medical review team\"\n"
               "---\n"
               "The layers of the face.\n");
    S_expect(fx, 1, ":4:20: error: describe the side effects (MSA 56(2)(7)) [side-effects]");
}

/* ---- metadata ---- */

static void test_metadata_reviewer_placeholder(void **state)
{
    S_fix *fx = *state;
    char *text = tu_replace(FM "Text.\n", "\"Medical review team\"", "\"TBD\"");
    S_lint(fx, text);
    S_expect(fx, 1, ":7:11: error: 'TBD' is not a reviewer (policy 4) [reviewer]");
    free(text);
}

static void test_metadata_reviewed_in_future(void **state)
{
    S_fix *fx = *state;
    char *text = tu_replace(FM "Text.\n", "reviewed: 2026-01-10", "reviewed: 2026-06-02");
    S_lint(fx, text);
    S_expect(fx, 1, ":6:11: warning: reviewed on 2026-06-02 (policy 5) [review-date]");
    free(text);
}

static void test_metadata_reviewed_too_long_ago(void **state)
{
    S_fix *fx = *state;
    /* today is 2026-06-01 and review_max_age_days 365: 365 days is fine, 366 is not. */
    char *text = tu_replace(FM "Text.\n", "reviewed: 2026-01-10", "reviewed: 2025-06-01");
    S_lint(fx, text);
    S_expect(fx, 0);
    free(text);
    text = tu_replace(FM "Text.\n", "reviewed: 2026-01-10", "reviewed: 2025-05-31");
    S_lint(fx, text);
    S_expect(fx, 1, ":6:11: warning: reviewed on 2025-05-31 (policy 5) [review-date]");
    free(text);
    /* The date is lint_context.today, not the clock. */
    fx->ctx.today = (date_ymd){2025, 6, 1};
    diag_list_free(fx->diags);
    fx->diags = diag_list_new();
    fx->ctx.diags = fx->diags;
    text = tu_replace(FM "Text.\n", "reviewed: 2026-01-10", "reviewed: 2025-05-31");
    S_lint(fx, text);
    S_expect(fx, 0);
    free(text);
}

static void test_metadata_summary_counts_characters(void **state)
{
    S_fix *fx = *state;
    /* 40 Korean characters (120 bytes) are within max: 40. */
    char *text = tu_replace(FM "Text.\n", "\"What a thread lift does.\"",
                            "\"가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타\"");
    S_lint(fx, text);
    S_expect(fx, 0);
    free(text);
    /* 41 are not. */
    text = tu_replace(FM "Text.\n", "\"What a thread lift does.\"",
                      "\"가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파\"");
    S_lint(fx, text);
    S_expect(fx, 1, ":3:10: warning: the summary is too long (policy 6) [summary-length]");
    free(text);
}

/* ---- {match} ---- */

static void test_match_in_message(void **state)
{
    S_fix *fx = *state;
    /* {match} may appear twice; a long match is cut at 60 bytes, on a character boundary. */
    char *text = tu_replace(FM "A 효과를 보장합니다 그리고 이 문장은 아주 길어서 "
                               "육십 바이트를 넘깁니다.\n",
                            "reviewer: \"Medical review team\"\n",
                            "reviewer: \"Medical review team\"\nlang: ko-KR\n");
    S_lint(fx, text);
    S_expect(fx, 1,
             ":10:3: info: '효과를 보장합니다 그리고 이 문장은 아주 길' promises a result "
             "('효과를 보장합니다 그리고 이 문장은 아주 길') (MSA 56(2)(3)) [promises]");
    free(text);
}

static void test_lang_rules(void **state)
{
    S_fix *fx = *state;
    /* The ko rule does not run on an English page (the site's language). */
    LINT_BODY(fx, "효과를 보장합니다.\n", 0);
}

/*
 * Regression (a bug found by this test, fixed in 4a1afc0; lint.c S_image / S_next_check):
 * media rules ignored their 'lang'. compliance.h says a
 * rule with lang: [ko] applies to "pages in these languages only", and lint.c honours it for
 * patterns, requires and metadata rules, but S_next_check picks media rules by check alone.
 * Here both media rules are limited to Korean pages; they used to fire on an English page:
 *     content/articles/a.md:9:1: warning: this image has no alt text (WCAG 1.1.1) [image-alt]
 *     content/articles/a.md:9:1: error: 'media/before.png' looks like a before-and-after ...
 */
static void test_media_rules_honour_lang(void **state)
{
    S_fix *fx = *state;
    char *yaml = tu_replace(S_rules, "    check: image-alt\n",
                            "    check: image-alt\n    lang: [ko]\n");
    char *yaml2 = tu_replace(yaml, "    check: before-after-image\n",
                             "    check: before-after-image\n    lang: [ko]\n");
    char *path = tu_write_file(fx->dir, "compliance-ko.yaml", yaml2);
    compliance *ko = compliance_load(path, NULL, fx->diags);
    assert_non_null(ko);
    assert_int_equal(ko->rules[compliance_find(ko, "image-alt")].langs.len, 1);
    fx->ctx.rules = ko;
    S_lint(fx, FM "![](media/before.png)\n");
    fx->ctx.rules = fx->rules;
    compliance_free(ko);
    free(path);
    free(yaml);
    free(yaml2);
    S_expect(fx, 0);
}

/* ---- reading grade ---- */

/* Assert the reading grade of the article just linted. */
static void S_expect_reading(const S_fix *fx, unsigned line, unsigned column, size_t sentences,
                             size_t words, size_t syllables, double grade)
{
    const lint_reading *g = &fx->res.reading;
    assert_non_null(g->file);
    assert_string_equal(g->file, ART);
    assert_int_equal(g->line, line);
    assert_int_equal(g->column, column);
    assert_int_equal(g->sentences, sentences);
    assert_int_equal(g->words, words);
    assert_int_equal(g->syllables, syllables);
    if (!(g->grade - grade < 1e-9 && grade - g->grade < 1e-9))
        fail_msg("grade %.17g, expected %g", g->grade, grade);
}

static void test_reading_grade_reads_the_body(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 9;
    /* Headings, code, compare blocks, comments and the front matter are not read; list
     * items and quotes are, each block ending a sentence. */
    LINT_BODY(fx,
              "## Headings are not read by the formula at all\n"                /* 9 */
              "\n"
              "  The cat sat on the mat.\n"                                      /* 11 */
              "\n"
              "- one item\n"                                                     /* 13 */
              "- two items here\n"
              "\n"
              "> A quote is read.\n"                                             /* 16 */
              "\n"
              "```text\n"
              "code is not read, however long its sentences may be\n"
              "```\n"
              "\n"
              "```compare\n"
              "caption: A caption with several more words in it\n"
              "```\n"
              "\n"
              "<!-- a comment with words -->\n"
              "Use `code` and [a link](https://example.org/) today.\n",
              0);
    /* The cat sat on the mat (6 words, 6 syllables); one item (2, 3); two items here
     * (3, 4); A quote is read (4, 4); Use and a link today (5, 6): 0.39 × 20/5 + 11.8 ×
     * 23/20 − 15.59 = −0.46. */
    S_expect_reading(fx, 11, 3, 5, 20, 23, -0.5);
}

static void test_reading_grade_warning(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 8.5;
    LINT_BODY(fx,
              "Short.\n"                                                          /* 9 */
              "\n"
              "Considerable postoperative inflammation occasionally necessitates "
              "additional consultations.\n"                                      /* 11 */
              "\n"
              "Fine. Unfortunately, individual recovery characteristics vary "
              "considerably between different patients.\n"                       /* 13 */
              "\n"
              "Occasionally complications develop.\n"                            /* 15 */
              "\n"
              "- Anaesthetic considerations, medication interactions, and "
              "preoperative investigations.\n",                                  /* 17 */
              1,
              ":9:1: warning: reading grade 30.9 (Flesch–Kincaid) is above reading_grade_max "
              "8.5; shorten the longest sentences (lines 11, 13, 17) and prefer shorter "
              "words [reading-grade]");
    /* Counted by hand: Short (1 word, 1 syllable); line 11: 7 words, 31 syllables
     * (con-sid-er-a-ble post-op-er-a-tive in-flam-ma-tion oc-ca-sion-al-ly ne-ces-si-tates
     * ad-di-tion-al con-sul-ta-tions); Fine (1, 1); line 13: 9, 33; line 15: 3, 12; line
     * 17: 7, 28. 0.39 × 28/6 + 11.8 × 106/28 − 15.59 = 30.90. The longest sentences are
     * on lines 13 (9 words), 11 and 17 (7 each). */
    S_expect_reading(fx, 9, 1, 6, 28, 106, 30.9);
}

static void test_reading_grade_one_line(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 1;
    /* 0.39 × 4/2 + 11.8 × 17/4 − 15.59 = 35.34; both sentences are on line 9. */
    LINT_BODY(fx, "Considerable inflammation. Occasional complications.\n", 1,
              ":9:1: warning: reading grade 35.3 (Flesch–Kincaid) is above reading_grade_max "
              "1; shorten the longest sentences (line 9) and prefer shorter words "
              "[reading-grade]");
}

static void test_reading_grade_at_the_maximum(void **state)
{
    S_fix *fx = *state;
    /* The rounded grade is compared: 2.8245 is 2.8, not above 2.8. */
    fx->cfg->reading_grade_max = 2.8;
    LINT_BODY(fx,
              "A thread lift places thin threads under the skin. It can cause bruising, "
              "swelling and dimpling. Ask your doctor what to expect.\n",
              0);
    S_expect_reading(fx, 9, 1, 3, 22, 29, 2.8);
}

static void test_reading_grade_without_maximum(void **state)
{
    S_fix *fx = *state;
    /* Without reading_grade_max in site.yaml the grade is reported, never warned about. */
    LINT_BODY(fx, "Considerable inflammation. Occasional complications.\n", 0);
    S_expect_reading(fx, 9, 1, 2, 4, 17, 35.3);
}

static void test_reading_grade_english_only(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 1;
    /* A Korean page is not graded: Flesch–Kincaid is for English. */
    char *ko = tu_replace(FM, "reviewer:", "lang: ko\nreviewer:");
    char *text = xasprintf("%s%s", ko, "Considerable inflammation. Occasional complications.\n");
    S_lint(fx, text);
    S_expect(fx, 0);
    assert_null(fx->res.reading.file);
    free(text);
    /* An English page on a Korean site is. */
    free(fx->cfg->languages[0].code);
    fx->cfg->languages[0].code = xstrdup("ko");
    fx->cfg->language_codes[0] = fx->cfg->languages[0].code;
    char *en = tu_replace(FM, "reviewer:", "lang: en-GB\nreviewer:");
    text = xasprintf("%s%s", en, "Considerable inflammation.\n");
    S_lint(fx, text);
    S_expect(fx, 1,
             ":10:1: warning: reading grade 38.3 (Flesch–Kincaid) is above reading_grade_max 1; "
             "shorten the longest sentences (line 10) and prefer shorter words [reading-grade]");
    S_expect_reading(fx, 10, 1, 1, 2, 9, 38.3);
    free(text);
    free(ko);
    free(en);
}

static void test_reading_grade_no_text(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 1;
    /* Nothing to read in the body: no grade. */
    LINT_BODY(fx, "## Only a heading\n\n```\ncode\n```\n", 0);
    assert_null(fx->res.reading.file);
    lint_result_free(&fx->res);
    assert_null(fx->res.reading.file);
}

/* ---- suppressions ---- */

static void test_suppression_next_block_only(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!-- suture-ignore superlatives: quotes the law that bans \"the best\" -->\n" /* 9 */
              "The law bans \"the best\" and\n"                                            /* 10 */
              "\"most effective\".\n"                                                      /* 11 */
              "\n"
              "The best again.\n", /* 13 */
              1, BEST(13, 5));
    assert_int_equal(fx->res.suppressed, 2);
    assert_int_equal(fx->res.n_suppressions, 1);
    const lint_suppression *sp = &fx->res.suppressions[0];
    assert_string_equal(sp->file, ART);
    assert_int_equal(sp->line, 9);
    assert_int_equal(sp->column, 1);
    assert_string_equal(sp->rule, "superlatives");
    assert_string_equal(sp->reason, "quotes the law that bans \"the best\"");
    assert_int_equal(sp->suppressed, 2);
}

static void test_suppression_other_rule_not_suppressed(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!--suture-ignore guarantees:tight spacing-->\n"
              "We guarantee the best.\n",
              1, BEST(10, 18));
    assert_int_equal(fx->res.suppressed, 1);
    assert_int_equal(fx->res.n_suppressions, 1);
    assert_string_equal(fx->res.suppressions[0].reason, "tight spacing");
}

static void test_suppression_missing_reason(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!-- suture-ignore superlatives -->\n"
              "The best.\n"
              "\n"
              "<!-- suture-ignore superlatives:   -->\n"
              "The best.\n",
              4,
              ":9:1: error: the suppression of 'superlatives' gives no reason; write why the "
              "rule does not apply here, like 'suture-ignore superlatives: quotes the law' "
              "[suppression]",
              BEST(10, 5),
              ":12:1: error: the suppression of 'superlatives' gives no reason; write why the "
              "rule does not apply here, like 'suture-ignore superlatives: quotes the law' "
              "[suppression]",
              BEST(13, 5));
    /* An invalid suppression suppresses nothing and is not listed. */
    assert_int_equal(fx->res.suppressed, 0);
    assert_int_equal(fx->res.n_suppressions, 0);
}

static void test_suppression_unknown_rule(void **state)
{
    S_fix *fx = *state;
    char *rest = xasprintf(":15:1: error: there is no rule 'nonsense-rule-xyz' to suppress; use "
                           "an id from %s/compliance.yaml [suppression]",
                           fx->dir);
    LINT_BODY(fx,
              "<!-- suture-ignore superlative: typo -->\n" /* 9 */
              "Best typo.\n"                               /* 10 */
              "\n"
              "<!-- suture-ignore : no id -->\n"           /* 12 */
              "x\n"
              "\n"
              "<!-- suture-ignore nonsense-rule-xyz: far -->\n" /* 15 */
              "y\n",
              4,
              ":9:1: error: there is no rule 'superlative' to suppress; did you mean "
              "'superlatives'? [suppression]",
              ":10:1: error: 'Best' is a superlative (MSA 56(2)(8)) [superlatives]",
              ":12:1: error: this suppression names no rule; write 'suture-ignore RULE-ID: "
              "reason' [suppression]",
              rest);
    free(rest);
}

static void test_suppression_unused(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!-- suture-ignore guarantees: nothing to suppress -->\n"
              "Nothing here.\n"
              "\n"
              "<!-- suture-ignore superlatives: at the end -->\n",
              2,
              ":9:1: warning: this suppression of 'guarantees' covers no finding of that rule; "
              "remove it [suppression]",
              ":12:1: warning: this suppression of 'superlatives' covers no finding of that "
              "rule; remove it [suppression]");
    assert_int_equal(fx->res.n_suppressions, 2);
    assert_int_equal(fx->res.suppressions[0].suppressed, 0);
}

static void test_suppression_two_in_a_row(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!-- suture-ignore superlatives: both apply -->\n"
              "<!-- suture-ignore guarantees: both apply -->\n"
              "The best, we guarantee.\n"
              "\n"
              "The best, we guarantee.\n",
              2, BEST(13, 5),
              ":13:14: warning: 'guarantee' promises a result (CAP 12.1) [guarantees]");
    assert_int_equal(fx->res.suppressed, 2);
    assert_int_equal(fx->res.n_suppressions, 2);
    assert_string_equal(fx->res.suppressions[0].rule, "superlatives");
    assert_int_equal(fx->res.suppressions[0].suppressed, 1);
    assert_int_equal(fx->res.suppressions[0].line, 9);
    assert_string_equal(fx->res.suppressions[1].rule, "guarantees");
    assert_int_equal(fx->res.suppressions[1].suppressed, 1);
    assert_int_equal(fx->res.suppressions[1].line, 10);
}

static void test_suppression_plain_comment_is_a_block(void **state)
{
    S_fix *fx = *state;
    /* A comment that is not a suppression is the block the suppression covers. */
    LINT_BODY(fx,
              "<!-- suture-ignore superlatives: misplaced -->\n"
              "<!-- a note for editors -->\n"
              "The best.\n",
              2,
              ":9:1: warning: this suppression of 'superlatives' covers no finding of that "
              "rule; remove it [suppression]",
              BEST(11, 5));
}

static void test_suppression_covers_before_after_block(void **state)
{
    S_fix *fx = *state;
    LINT_BODY(fx,
              "<!-- suture-ignore superlatives: the patient's own words -->\n"
              "```before-after\n"
              "before: media/a.jpg\n"
              "after: media/b.jpg\n"
              "alt: The best day\n"
              "consent: full\n"
              "```\n",
              0);
    assert_int_equal(fx->res.suppressed, 1);
}

static void test_suppression_yaml_front_matter(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\n"
               "# suture-ignore superlatives: the title quotes a patient\n"   /* 2 */
               "\n"
               "# another comment\n"
               "title: \"The best thread lift\"\n"                           /* 5 */
               "summary: \"The best summary.\"\n"                            /* 6 */
               "topics: [anatomy]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "  # suture-ignore reviewer: the team has not been named yet\n" /* 10 */
               "reviewer: \"tbd\"\n"                                          /* 11 */
               "---\n"
               "Text.\n");
    S_expect(fx, 1, BEST(6, 15));
    assert_int_equal(fx->res.suppressed, 2);
    assert_int_equal(fx->res.n_suppressions, 2);
    assert_int_equal(fx->res.suppressions[0].line, 2);
    assert_int_equal(fx->res.suppressions[0].column, 1);
    assert_string_equal(fx->res.suppressions[0].reason, "the title quotes a patient");
    assert_int_equal(fx->res.suppressions[1].line, 10);
    assert_int_equal(fx->res.suppressions[1].column, 3);
    assert_string_equal(fx->res.suppressions[1].rule, "reviewer");
}

/*
 * Regression (a bug found by this test, fixed in 4a1afc0; lint.c S_yaml_suppressions): a
 * YAML suppression covered only "the next line that is
 * not blank or a comment". When that line is a key whose value is a block scalar
 * (summary: >, definition: |), the value's text is on the lines after it, so the finding
 * is still reported and the suppression is reported as unused ("covers no finding of that
 * rule; remove it"). A comment cannot be written inside a block scalar (it would be text),
 * so a finding in a block scalar could not be suppressed at all. This article gave
 *     content/articles/a.md:3:1: warning: this suppression of 'superlatives' covers no ...
 *     content/articles/a.md:5:7: error: 'best' is a superlative (MSA 56(2)(8)) [superlatives]
 */
static void test_suppression_yaml_block_scalar(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "---\n"
               "title: \"T\"\n"
               "# suture-ignore superlatives: quotes a patient\n"  /* 3 */
               "summary: >\n"                                      /* 4 */
               "  The best\n"                                      /* 5 */
               "  summary.\n"
               "topics: [anatomy]\n"
               "date: 2026-01-10\n"
               "reviewed: 2026-01-10\n"
               "reviewer: \"Dr. Kim\"\n"
               "---\n"
               "Text.\n");
    S_expect(fx, 0);
    assert_int_equal(fx->res.suppressed, 1);
}

static void test_suppression_requires_in_front_matter(void **state)
{
    S_fix *fx = *state;
    /* A requires finding is reported at the procedure, so a comment above it suppresses it. */
    char *text = tu_replace(FM_PROC "Text.\n", "procedures:",
                            "# suture-ignore side-effects: covered in the linked article\n"
                            "procedures:");
    S_lint(fx, text);
    S_expect(fx, 0);
    assert_int_equal(fx->res.suppressed, 1);
    free(text);
}

static void test_results_accumulate(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, FM "<!-- suture-ignore superlatives: one -->\nThe best.\n");
    S_lint(fx, FM "<!-- suture-ignore superlatives: two -->\nThe best.\n");
    S_expect(fx, 0);
    assert_int_equal(fx->res.suppressed, 2);
    assert_int_equal(fx->res.n_suppressions, 2);
    assert_string_equal(fx->res.suppressions[1].reason, "two");
    lint_result_free(&fx->res);
    assert_int_equal(fx->res.n_suppressions, 0);
    assert_null(fx->res.suppressions);
    lint_result_free(&fx->res);
}

/* ---- data files ---- */

static const char S_glossary[] =
    "# The glossary.\n"                                                    /* 1 */
    "terms:\n"                                                             /* 2 */
    "  - id: best-practice\n"                                              /* 3 */
    "    term: \"SMAS\"\n"                                                 /* 4 */
    "    # suture-ignore superlatives: the name of a guideline\n"          /* 5 */
    "    definition: \"The best layer, per *Best Practice* guide.\"\n"     /* 6 */
    "  - id: glide-plane\n"                                                /* 7 */
    "    term: Glide plane\n"                                              /* 8 */
    "    definition: >\n"                                                  /* 9 */
    "      A gap that is the most\n"                                       /* 10 */
    "      effective place for a thread; `best` in code.\n"                /* 11 */
    "  - id: x\n"                                                          /* 12 */
    "    term: \"최고\"\n"                                                 /* 13 */
    "    definition: \"&#x6D;ost effective and **best**.\"\n";             /* 14 */

static void test_lint_yaml(void **state)
{
    S_fix *fx = *state;
    static const char *const skip[] = {"id", NULL};
    lint_yaml(&fx->ctx, fx->s, "content/glossary.yaml", S_glossary, strlen(S_glossary), "en",
              skip, &fx->res);
    diag_list_sort(fx->diags);
    /* The id best-practice is skipped; the rest is read as inline Markdown. */
    static const char *const want[] = {
        "content/glossary.yaml:10:25: error: 'most effective' is a superlative (MSA 56(2)(8)) "
        "[superlatives]",
        "content/glossary.yaml:13:12: error: '최고' is a superlative (MSA 56(2)(8)) "
        "[superlatives]",
        "content/glossary.yaml:14:18: error: 'most effective' is a superlative (MSA 56(2)(8)) "
        "[superlatives]",
        "content/glossary.yaml:14:44: error: 'best' is a superlative (MSA 56(2)(8)) "
        "[superlatives]",
    };
    if (diag_count(fx->diags) != 4)
        diag_list_print(fx->diags, stderr);
    assert_int_equal(diag_count(fx->diags), 4);
    for (size_t i = 0; i < 4; i++)
        tu_expect_diag(fx->diags, i, want[i]);
    assert_int_equal(fx->res.suppressed, 2);
    assert_int_equal(fx->res.n_suppressions, 1);
    assert_string_equal(fx->res.suppressions[0].file, "content/glossary.yaml");
    assert_int_equal(fx->res.suppressions[0].line, 5);
    assert_int_equal(fx->res.suppressions[0].column, 5);
    assert_int_equal(fx->res.suppressions[0].suppressed, 2);
}

static void test_lint_yaml_skip_and_lang(void **state)
{
    S_fix *fx = *state;
    static const char text[] = "procedures:\n"
                               "  - id: best\n"
                               "    article: best.md\n"
                               "    name: \"효과를 보장\"\n"
                               "    values: {a: \"the best\", b: 3}\n";
    static const char *const skip[] = {"id", "article", NULL};
    lint_yaml(&fx->ctx, fx->s, "p.yaml", text, sizeof text - 1, "ko", skip, &fx->res);
    diag_list_sort(fx->diags);
    assert_int_equal(diag_count(fx->diags), 2);
    tu_expect_diag(fx->diags, 0,
                   "p.yaml:4:12: info: '효과를 보장' promises a result ('효과를 보장') "
                   "(MSA 56(2)(3)) [promises]");
    tu_expect_diag(fx->diags, 1, "p.yaml:5:22: error: 'best' is a superlative (MSA 56(2)(8)) "
                                 "[superlatives]");
}

static void test_lint_yaml_invalid(void **state)
{
    S_fix *fx = *state;
    static const char text[] = "terms: [\n  best\n";
    lint_yaml(&fx->ctx, fx->s, "g.yaml", text, sizeof text - 1, "en", NULL, &fx->res);
    assert_int_equal(diag_count(fx->diags), 1);
    const diag *d = diag_get(fx->diags, 0);
    assert_string_equal(d->file, "g.yaml");
    assert_string_equal(d->category, "yaml");
    assert_int_equal(d->severity, DIAG_ERROR);
    assert_non_null(strstr(d->message, "invalid YAML"));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, S_teardown)
    const struct CMUnitTest tests[] = {
        T(test_clean_article),
        cmocka_unit_test(test_requires_every_article_and_citations),
        T(test_plain_phrase),
        T(test_care_block_text),
        T(test_emphasis),
        T(test_phrase_split_over_lines),
        T(test_entity),
        T(test_entity_space_and_soft_hyphen),
        T(test_link_text),
        T(test_zero_width_space),
        T(test_full_width),
        T(test_korean_inside_word),
        T(test_exception_in_sentence),
        T(test_code_span_not_flagged),
        T(test_code_blocks_not_flagged),
        T(test_html_block_not_flagged),
        T(test_block_containers),
        T(test_crlf),
        T(test_title_and_summary),
        T(test_front_matter_mistake),
        T(test_body_not_utf8),
        T(test_front_matter_not_utf8),
        T(test_image_alt_text_linted),
        T(test_before_after_image),
        T(test_image_alt_rule),
        T(test_before_after_block),
        T(test_before_after_block_without_consent),
        T(test_compare_caption),
        T(test_requires_missing),
        T(test_requires_satisfied_by_heading),
        T(test_requires_satisfied_by_sentence),
        T(test_requires_not_applicable),
        T(test_requires_reported_at_topic),
        T(test_metadata_reviewer_placeholder),
        T(test_metadata_reviewed_in_future),
        T(test_metadata_reviewed_too_long_ago),
        T(test_metadata_summary_counts_characters),
        T(test_match_in_message),
        T(test_lang_rules),
        T(test_media_rules_honour_lang),
        T(test_reading_grade_reads_the_body),
        T(test_reading_grade_warning),
        T(test_reading_grade_one_line),
        T(test_reading_grade_at_the_maximum),
        T(test_reading_grade_without_maximum),
        T(test_reading_grade_english_only),
        T(test_reading_grade_no_text),
        T(test_suppression_next_block_only),
        T(test_suppression_other_rule_not_suppressed),
        T(test_suppression_missing_reason),
        T(test_suppression_unknown_rule),
        T(test_suppression_unused),
        T(test_suppression_two_in_a_row),
        T(test_suppression_plain_comment_is_a_block),
        T(test_suppression_covers_before_after_block),
        T(test_suppression_yaml_front_matter),
        T(test_suppression_yaml_block_scalar),
        T(test_suppression_requires_in_front_matter),
        T(test_results_accumulate),
        T(test_lint_yaml),
        T(test_lint_yaml_skip_and_lang),
        T(test_lint_yaml_invalid),
    };
#undef T
    return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
