/*
 * test_compliance.c: the compliance rules of content/compliance.yaml and the matching of
 * their patterns against reader text (compliance.h).
 *
 * The load tests write a small rule file into a fresh temporary folder (tu_fixture) and
 * assert every diagnostic exactly; the matching tests load rules the same way and record
 * every finding compliance_scan reports.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "check/compliance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "compliance", "compliance.yaml");
}

/* Write text as the fixture's rule file and load it. */
static compliance *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    return compliance_load(f->path, NULL, f->diags);
}

/* The head of a valid patterns rule with id a, up to its patterns (lines 1-6). */
#define HEAD                                                                                   \
    "rules:\n"                       /* 1 */                                                    \
    "  - id: a\n"                    /* 2 */                                                    \
    "    severity: error\n"          /* 3 */                                                    \
    "    kind: patterns\n"           /* 4 */                                                    \
    "    message: m\n"               /* 5 */                                                    \
    "    reference: r\n"             /* 6 */

/* The head of a rule of another kind with id a (lines 1-6). */
#define HEAD_KIND(kind)                                                                        \
    "rules:\n"                                                                                 \
    "  - id: a\n"                                                                              \
    "    severity: error\n"                                                                    \
    "    kind: " kind "\n"                                                                     \
    "    message: m\n"                                                                         \
    "    reference: r\n"

/*
 * Load text; the load must fail with exactly the n diagnostics given (each without the
 * file's path, which is prefixed).
 */
static void S_expect_errors(tu_fixture *f, const char *text, size_t n, ...)
{
    compliance *c = S_load(f, text);
    assert_null(c);
    va_list ap;
    va_start(ap, n);
    tu_fixture_diags_v(f, n, ap);
    va_end(ap);
}

/* ---- a valid file ---- */

static const char S_valid[] =
    "# The clinic's rules.\n"                                                  /* 1 */
    "rules:\n"                                                                 /* 2 */
    "  - id: superlative-claims\n"                                             /* 3 */
    "    severity: error\n"                                                    /* 4 */
    "    kind: patterns\n"                                                     /* 5 */
    "    message: \"'{match}' ranks the clinic above others\"\n"               /* 6 */
    "    reference: \"Medical Service Act art. 56(2)(8)\"\n"                   /* 7 */
    "    lang: [en]\n"                                                         /* 8 */
    "    patterns: ['\\bbest\\b', '\\bmost effective\\b']\n"                   /* 9 */
    "    exceptions: ['\\bbest suited\\b']\n"                                  /* 10 */
    "  - id: side-effects-section\n"                                           /* 11 */
    "    severity: warning\n"                                                  /* 12 */
    "    kind: requires\n"                                                     /* 13 */
    "    message: an article about a procedure must describe its side effects\n" /* 14 */
    "    reference: \"Medical Service Act art. 56(2)(7)\"\n"                   /* 15 */
    "    when: {procedures: true, topics: [thread-lift, mini-lift]}\n"         /* 16 */
    "    headings: ['side effects?', 'risks']\n"                               /* 17 */
    "    patterns: ['can cause side effects']\n"                               /* 18 */
    "  - id: reviewer\n"                                                       /* 19 */
    "    severity: error\n"                                                    /* 20 */
    "    kind: metadata\n"                                                     /* 21 */
    "    check: reviewer\n"                                                    /* 22 */
    "    message: \"'{match}' is not a reviewer\"\n"                           /* 23 */
    "    reference: clinic policy 4\n"                                         /* 24 */
    "    patterns: ['^(tbd|n/a)$']\n"                                          /* 25 */
    "  - id: review-date\n"                                                    /* 26 */
    "    severity: info\n"                                                     /* 27 */
    "    kind: metadata\n"                                                     /* 28 */
    "    check: reviewed-date\n"                                               /* 29 */
    "    message: the review date is in the future or too old\n"               /* 30 */
    "    reference: clinic policy 5\n"                                         /* 31 */
    "  - id: summary-length\n"                                                 /* 32 */
    "    severity: warning\n"                                                  /* 33 */
    "    kind: metadata\n"                                                     /* 34 */
    "    check: summary\n"                                                     /* 35 */
    "    max: 120\n"                                                           /* 36 */
    "    message: the summary is too long\n"                                   /* 37 */
    "    reference: clinic policy 6\n"                                         /* 38 */
    "  - id: summary-default\n"                                                /* 39 */
    "    severity: warning\n"                                                  /* 40 */
    "    kind: metadata\n"                                                     /* 41 */
    "    check: summary\n"                                                     /* 42 */
    "    message: the summary is too long\n"                                   /* 43 */
    "    reference: clinic policy 6\n"                                         /* 44 */
    "  - id: before-after-photos\n"                                            /* 45 */
    "    severity: error\n"                                                    /* 46 */
    "    kind: media\n"                                                        /* 47 */
    "    check: before-after-image\n"                                          /* 48 */
    "    message: use a before-after block\n"                                  /* 49 */
    "    reference: \"Medical Service Act art. 56(2)(2)\"\n"                   /* 50 */
    "    patterns: before|after\n"                                             /* 51 */
    "  - id: image-alt\n"                                                      /* 52 */
    "    severity: warning\n"                                                  /* 53 */
    "    kind: media\n"                                                        /* 54 */
    "    check: image-alt\n"                                                   /* 55 */
    "    lang: [ko, en-GB]\n"                                                  /* 56 */
    "    message: every image needs alt text\n"                                /* 57 */
    "    reference: WCAG 2.2 SC 1.1.1\n";                                      /* 58 */

static void test_load_valid(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, S_valid);
    if (!c)
        diag_list_print(f->diags, stderr);
    assert_non_null(c);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(c->file, f->path);
    assert_int_equal(c->n_rules, 8);

    const rule *r = &c->rules[0];
    assert_string_equal(r->id, "superlative-claims");
    assert_int_equal(r->severity, DIAG_ERROR);
    assert_int_equal(r->kind, RULE_PATTERNS);
    assert_int_equal(r->check, CHECK_NONE);
    assert_string_equal(r->message, "'{match}' ranks the clinic above others");
    assert_string_equal(r->reference, "Medical Service Act art. 56(2)(8)");
    assert_int_equal(r->langs.len, 1);
    assert_string_equal(r->langs.items[0], "en");
    assert_int_equal(r->patterns.len, 2);
    assert_string_equal(rule_patterns_source(&r->patterns, 0), "\\bbest\\b");
    /* Compiled: "\bbest\b" matches, case-insensitively, as a word only. */
    compliance_scanner *sc = compliance_scanner_new();
    assert_true(compliance_match_any(&r->patterns, sc, "The BEST care", 13));
    assert_false(compliance_match_any(&r->patterns, sc, "bestseller", 10));
    compliance_scanner_free(sc);
    assert_string_equal(rule_patterns_source(&r->patterns, 1), "\\bmost effective\\b");
    assert_int_equal(r->exceptions.len, 1);
    assert_string_equal(rule_patterns_source(&r->exceptions, 0), "\\bbest suited\\b");
    assert_int_equal(r->headings.len, 0);
    assert_int_equal(r->line, 3);
    assert_int_equal(r->column, 5);

    r = &c->rules[1];
    assert_string_equal(r->id, "side-effects-section");
    assert_int_equal(r->severity, DIAG_WARNING);
    assert_int_equal(r->kind, RULE_REQUIRES);
    assert_int_equal(r->check, CHECK_NONE);
    assert_int_equal(r->langs.len, 0);
    assert_true(r->when_procedures);
    assert_int_equal(r->when_topics.len, 2);
    assert_string_equal(r->when_topics.items[0], "thread-lift");
    assert_string_equal(r->when_topics.items[1], "mini-lift");
    assert_int_equal(r->when_line, 16);
    assert_int_equal(r->when_column, 11);
    assert_int_equal(r->headings.len, 2);
    assert_string_equal(rule_patterns_source(&r->headings, 0), "side effects?");
    assert_string_equal(rule_patterns_source(&r->headings, 1), "risks");
    assert_int_equal(r->patterns.len, 1);
    assert_string_equal(rule_patterns_source(&r->patterns, 0), "can cause side effects");
    assert_int_equal(r->line, 11);

    r = &c->rules[2];
    assert_string_equal(r->id, "reviewer");
    assert_int_equal(r->kind, RULE_METADATA);
    assert_int_equal(r->check, CHECK_REVIEWER);
    assert_string_equal(r->reference, "clinic policy 4");
    assert_int_equal(r->patterns.len, 1);
    assert_string_equal(rule_patterns_source(&r->patterns, 0), "^(tbd|n/a)$");

    r = &c->rules[3];
    assert_string_equal(r->id, "review-date");
    assert_int_equal(r->severity, DIAG_INFO);
    assert_int_equal(r->kind, RULE_METADATA);
    assert_int_equal(r->check, CHECK_REVIEWED_DATE);
    assert_int_equal(r->patterns.len, 0);

    r = &c->rules[4];
    assert_int_equal(r->check, CHECK_SUMMARY);
    assert_int_equal(r->max, 120);
    /* Without max, a summary may have 200 characters. */
    r = &c->rules[5];
    assert_string_equal(r->id, "summary-default");
    assert_int_equal(r->check, CHECK_SUMMARY);
    assert_int_equal(r->max, 200);

    r = &c->rules[6];
    assert_string_equal(r->id, "before-after-photos");
    assert_int_equal(r->kind, RULE_MEDIA);
    assert_int_equal(r->check, CHECK_BEFORE_AFTER_IMAGE);
    /* A single pattern may be written as a string. */
    assert_int_equal(r->patterns.len, 1);
    assert_string_equal(rule_patterns_source(&r->patterns, 0), "before|after");

    r = &c->rules[7];
    assert_string_equal(r->id, "image-alt");
    assert_int_equal(r->kind, RULE_MEDIA);
    assert_int_equal(r->check, CHECK_IMAGE_ALT);
    assert_int_equal(r->langs.len, 2);
    assert_string_equal(r->langs.items[0], "ko");
    assert_string_equal(r->langs.items[1], "en-GB");
    assert_int_equal(r->line, 52);
    assert_int_equal(r->column, 5);

    compliance_free(c);
    compliance_free(NULL);
}

static void test_load_no_rules_is_fine(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, "rules: []\n");
    assert_non_null(c);
    assert_int_equal(c->n_rules, 0);
    assert_int_equal(diag_count(f->diags), 0);
    assert_int_equal(compliance_find(c, "a"), -1);
    assert_null(compliance_suggest(c, "a"));
    compliance_free(c);
}

/* ---- every mistake ---- */

static void test_error_missing_file(void **state)
{
    tu_fixture *f = *state;
    compliance *c = compliance_load(f->path, NULL, f->diags);
    assert_null(c);
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ": error: cannot read the compliance rules: No such file or directory "
                          "[rules]");
}

static void test_error_invalid_yaml(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, "rules: [\n", 1,
                    ":2:1: error: invalid YAML: a value is missing here (did not find expected "
                    "node content while parsing a flow node) [yaml]");
}

static void test_error_not_rules(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, "", 1,
                    ":1:1: error: the compliance rules must start with 'rules:' followed by a "
                    "list of rules");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, "- a\n", 1,
                    ":1:1: error: the compliance rules must start with 'rules:' followed by a "
                    "list of rules");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, "other: 1\n", 2,
                    ":1:1: error: unknown key 'other' in the compliance rules; the keys allowed "
                    "are: rules, clauses",
                    ":1:1: error: the file has no 'rules:' list");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, "rules: 5\n", 1,
                    ":1:8: error: 'rules' must be a list, like [a, b] or lines starting with "
                    "'- ', but it is a single value");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, "rules:\n  - just a string\n", 1,
                    ":2:5: error: a rule must be a mapping of 'key: value' lines, but it is a "
                    "single value");
}

static void test_error_misspelt_rules(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, "rulez:\n  - id: a\n", 2,
                    ":1:1: error: unknown key 'rulez' in the compliance rules; did you mean "
                    "'rules'?",
                    ":1:1: error: the file has no 'rules:' list");
}

static void test_error_unknown_key(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f,
                    "rules:\n"
                    "  - id: a\n"
                    "    severity: error\n"
                    "    kind: patterns\n"
                    "    mesage: m\n"
                    "    reference: r\n"
                    "    patterns: [x]\n",
                    2, ":5:5: error: unknown key 'mesage' in a rule; did you mean 'message'?",
                    ":2:5: error: this rule has no 'message'; every rule needs id, severity, "
                    "kind, message and reference");
}

static void test_error_duplicate_key(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD "    patterns: [x]\n    id: b\n", 1,
                    ":8:5: error: duplicate key 'id' in a rule; keep only one");
}

static void test_error_missing_required(void **state)
{
    tu_fixture *f = *state;
    /* Each missing key is reported at the rule, naming the key. */
    S_expect_errors(f, "rules:\n  - kind: patterns\n    patterns: [x]\n", 4,
                    ":2:5: error: this rule has no 'id'; every rule needs id, severity, kind, "
                    "message and reference",
                    ":2:5: error: this rule has no 'severity'; every rule needs id, severity, "
                    "kind, message and reference",
                    ":2:5: error: this rule has no 'message'; every rule needs id, severity, "
                    "kind, message and reference",
                    ":2:5: error: this rule has no 'reference'; every rule needs id, severity, "
                    "kind, message and reference");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f,
                    "rules:\n"
                    "  - id: a\n"
                    "    severity: error\n"
                    "    message: m\n"
                    "    reference: r\n"
                    "    patterns: [x]\n",
                    1,
                    ":2:5: error: this rule has no 'kind'; every rule needs id, severity, kind, "
                    "message and reference");
}

static void test_error_empty_message(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f,
                    "rules:\n"
                    "  - id: a\n"
                    "    severity: error\n"
                    "    kind: patterns\n"
                    "    message: \"\"\n"
                    "    reference: r\n"
                    "    patterns: [x]\n",
                    1, ":5:14: error: 'message' of rule 'a' is empty; write some text");
}

/* A message per language: each must be a language code with a text. */
static void test_error_message_languages(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f,
                    "rules:\n"
                    "  - id: a\n"
                    "    severity: error\n"
                    "    kind: patterns\n"
                    "    message: {en: m, Korean: n, ko: \"\"}\n"
                    "    reference: r\n"
                    "    patterns: [x]\n",
                    2,
                    ":5:22: error: 'message' of rule 'a': 'Korean' is not a language code; write "
                    "one text per language, like {ko: …, en: …}",
                    ":5:37: error: the 'ko' text of 'message' of rule 'a' is empty; write some "
                    "text");
}

static void test_error_bad_id(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(HEAD "    patterns: [x]\n", "id: a", "id: Bad_Id");
    S_expect_errors(f, text, 1,
                    ":2:9: error: the rule id 'Bad_Id' may use only lower-case letters, digits "
                    "and hyphens");
    free(text);
}

static void test_error_duplicate_id(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f,
                    HEAD "    patterns: [x]\n"                         /* 1-7 */
                         "  - id: a\n"                                /* 8 */
                         "    severity: error\n"
                         "    kind: patterns\n"
                         "    message: m\n"
                         "    reference: r\n"
                         "    patterns: [y]\n"                        /* 13 */
                         "  - id: a\n"                                /* 14 */
                         "    severity: warning\n"
                         "    kind: patterns\n"
                         "    message: m\n"
                         "    reference: r\n"
                         "    patterns: [z]\n",
                    2,
                    ":8:9: error: the rule id 'a' is used twice (first on line 2); give each "
                    "rule its own id",
                    ":14:9: error: the rule id 'a' is used twice (first on line 2); give each "
                    "rule its own id");
}

static void test_error_severity(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(HEAD "    patterns: [x]\n", "severity: error", "severity: eror");
    S_expect_errors(f, text, 1,
                    ":3:15: error: 'severity' cannot be 'eror'; did you mean 'error'? (one of: "
                    "error, warning, info)");
    free(text);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    text = tu_replace(HEAD "    patterns: [x]\n", "severity: error", "severity: fatal");
    S_expect_errors(f, text, 1,
                    ":3:15: error: 'severity' cannot be 'fatal'; use one of: error, warning, "
                    "info");
    free(text);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    text = tu_replace(HEAD "    patterns: [x]\n", "severity: error", "severity: [error]");
    S_expect_errors(f, text, 1, ":3:15: error: 'severity' must be a text value, but it is a list");
    free(text);
}

static void test_error_kind(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(HEAD "    patterns: [x]\n", "kind: patterns", "kind: pattern");
    S_expect_errors(f, text, 1,
                    ":4:11: error: 'kind' cannot be 'pattern'; did you mean 'patterns'? (one of: "
                    "patterns, requires, metadata, media)");
    free(text);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    text = tu_replace(HEAD "    patterns: [x]\n", "kind: patterns", "kind: banana");
    S_expect_errors(f, text, 1,
                    ":4:11: error: 'kind' cannot be 'banana'; use one of: patterns, requires, "
                    "metadata, media");
    free(text);
}

static void test_error_check(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD_KIND("metadata") "    check: reviewr\n", 1,
                    ":7:12: error: a metadata rule cannot check 'reviewr'; use reviewer, "
                    "reviewed-date or summary");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    /* A check of the other kind. */
    S_expect_errors(f, HEAD_KIND("media") "    check: summary\n", 1,
                    ":7:12: error: a media rule cannot check 'summary'; use before-after-image "
                    "or image-alt");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("metadata"), 1,
                    ":2:5: error: a metadata rule needs 'check:' (reviewer, reviewed-date or "
                    "summary)");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("media"), 1,
                    ":2:5: error: a media rule needs 'check:' (before-after-image or "
                    "image-alt)");
}

static void test_error_key_does_not_apply(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f,
                    HEAD "    patterns: [x]\n    max: 3\n    headings: [y]\n    check: summary\n",
                    3, ":8:5: error: 'max' does not apply to a patterns rule; remove it",
                    ":9:5: error: 'headings' does not apply to a patterns rule; remove it",
                    ":10:5: error: 'check' does not apply to a patterns rule; remove it");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("metadata") "    check: reviewed-date\n    max: 3\n", 1,
                    ":8:5: error: 'max' does not apply to a metadata rule with this check; "
                    "remove it");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("media") "    check: image-alt\n    patterns: [x]\n", 1,
                    ":8:5: error: 'patterns' does not apply to a media rule with this check; "
                    "remove it");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f,
                    HEAD_KIND("requires") "    when: {procedures: true}\n    headings: [x]\n"
                                          "    exceptions: [y]\n",
                    1, ":9:5: error: 'exceptions' does not apply to a requires rule; remove it");
}

static void test_error_max(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD_KIND("metadata") "    check: summary\n    max: 0\n", 1,
                    ":8:10: error: 'max' must be between 1 and 10000, not 0");
}

static void test_error_pattern_does_not_compile(void **state)
{
    tu_fixture *f = *state;
    /* PCRE2's reason; the column points at the character where PCRE2 stopped. */
    S_expect_errors(f, HEAD "    patterns: ['a{2,1}', '[z-a]']\n", 2,
                    ":7:22: error: the pattern 'a{2,1}' does not compile: numbers out of order "
                    "in {} quantifier, at character 6 of the pattern; see the PCRE2 pattern "
                    "syntax",
                    ":7:30: error: the pattern '[z-a]' does not compile: range out of order in "
                    "character class, at character 4 of the pattern; see the PCRE2 pattern "
                    "syntax");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    /* A plain scalar in a block list; characters, not bytes, for a Korean pattern. */
    S_expect_errors(f, HEAD "    patterns:\n      - 최고(\n", 1,
                    ":8:12: error: the pattern '최고(' does not compile: missing closing "
                    "parenthesis, at character 4 of the pattern; see the PCRE2 pattern syntax");
}

static void test_error_pattern_matches_empty(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD "    patterns: ['(best)?', 'x*', ok]\n    exceptions: ['\\b']\n", 3,
                    ":7:16: error: the pattern '(best)?' can match empty text, so it would match "
                    "everywhere; make at least one part of it required",
                    ":7:27: error: the pattern 'x*' can match empty text, so it would match "
                    "everywhere; make at least one part of it required",
                    ":8:18: error: the pattern '\\b' can match empty text, so it would match "
                    "everywhere; make at least one part of it required");
}

static void test_error_patterns_shape(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD, 1,
                    ":2:5: error: a patterns rule needs 'patterns:', the phrases it looks for");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD "    patterns: []\n", 1,
                    ":7:15: error: 'patterns' is empty; give at least one pattern");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD "    patterns: {a: b}\n", 1,
                    ":7:15: error: 'patterns' must be a list of patterns, one per line starting "
                    "with '- '");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("media") "    check: before-after-image\n", 1,
                    ":2:5: error: a before-after-image rule needs 'patterns:', the words that "
                    "mark a before-and-after photo");
}

static void test_error_requires(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD_KIND("requires") "    headings: [x]\n", 1,
                    ":2:5: error: a requires rule needs 'when:', the articles it applies to");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("requires") "    when: {procedures: true}\n", 1,
                    ":2:5: error: a requires rule needs 'headings:', 'patterns:' or "
                    "'blocks:', what a matching article must contain");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("requires") "    when: {procedures: true}\n"
                                             "    blocks: [care, Not_A_Kind]\n",
                    1, ":8:20: error: 'blocks': 'Not_A_Kind' is not a valid id");
}

static void test_error_when(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD_KIND("requires") "    when: {procedures: false}\n    headings: [x]\n",
                    1,
                    ":7:11: error: 'when' selects no article; set 'articles: true', "
                    "'procedures: true' or list 'topics'");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f,
                    HEAD_KIND("requires") "    when: {procedure: true, topics: [Bad]}\n"
                                          "    headings: [x]\n",
                    3,
                    ":7:12: error: unknown key 'procedure' in 'when'; did you mean "
                    "'procedures'?",
                    ":7:38: error: 'when: topics': 'Bad' is not a valid id",
                    ":7:11: error: 'when' selects no article; set 'articles: true', "
                    "'procedures: true' or list 'topics'");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("requires") "    when: [procedures]\n    headings: [x]\n", 1,
                    ":7:11: error: 'when' must be a mapping of 'key: value' lines, but it is a "
                    "list");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_expect_errors(f, HEAD_KIND("requires") "    when: {procedures: maybe}\n    headings: [x]\n",
                    2, ":7:24: error: 'when: procedures' must be true or false",
                    ":7:11: error: 'when' selects no article; set 'articles: true', "
                    "'procedures: true' or list 'topics'");
}

static void test_error_lang(void **state)
{
    tu_fixture *f = *state;
    S_expect_errors(f, HEAD "    lang: [english, ko, EN]\n    patterns: [x]\n", 2,
                    ":7:12: error: 'lang': 'english' is not a language code such as en or ko",
                    ":7:25: error: 'lang': 'EN' is not a language code such as en or ko");
}

static void test_errors_are_all_reported(void **state)
{
    tu_fixture *f = *state;
    /* One file with a mistake in each of three rules: all three are reported. */
    S_expect_errors(f,
                    "rules:\n"
                    "  - id: a\n"
                    "    severity: eror\n"
                    "    kind: patterns\n"
                    "    message: m\n"
                    "    reference: r\n"
                    "    patterns: [x]\n"
                    "  - id: b\n"
                    "    severity: error\n"
                    "    kind: patterns\n"
                    "    message: m\n"
                    "    reference: r\n"
                    "    patterns: ['(']\n"
                    "  - id: c\n"
                    "    severity: error\n"
                    "    kind: patterns\n"
                    "    message: m\n"
                    "    reference: r\n"
                    "    patterns: [z]\n"
                    "    lang: xx_YY\n",
                    3,
                    ":3:15: error: 'severity' cannot be 'eror'; did you mean 'error'? (one of: "
                    "error, warning, info)",
                    ":13:18: error: the pattern '(' does not compile: missing closing "
                    "parenthesis, at character 2 of the pattern; see the PCRE2 pattern syntax",
                    ":20:11: error: 'lang': 'xx_YY' is not a language code such as en or ko");
}

/* ---- find, suggest, languages ---- */

static void test_find_and_suggest(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, S_valid);
    assert_non_null(c);
    assert_int_equal(compliance_find(c, "superlative-claims"), 0);
    assert_int_equal(compliance_find(c, "image-alt"), 7);
    assert_int_equal(compliance_find(c, "superlative"), -1);
    assert_int_equal(compliance_find(c, ""), -1);
    assert_string_equal(compliance_suggest(c, "superlative-claim"), "superlative-claims");
    assert_string_equal(compliance_suggest(c, "image_alt"), "image-alt");
    assert_string_equal(compliance_suggest(c, "reviewr"), "reviewer");
    assert_null(compliance_suggest(c, "completely-different"));
    compliance_free(c);
}

static void test_applies_to_lang(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, S_valid);
    assert_non_null(c);
    const rule *en = &c->rules[0];      /* lang: [en] */
    const rule *any = &c->rules[1];     /* no lang */
    const rule *ko_gb = &c->rules[7];   /* lang: [ko, en-GB] */
    assert_true(rule_applies_to_lang(any, "en"));
    assert_true(rule_applies_to_lang(any, "ko-KR"));
    assert_true(rule_applies_to_lang(en, "en"));
    assert_true(rule_applies_to_lang(en, "en-US"));
    assert_true(rule_applies_to_lang(en, "EN-us"));
    assert_false(rule_applies_to_lang(en, "ko"));
    /* A primary subtag that only starts like the rule's language does not match. */
    assert_false(rule_applies_to_lang(en, "eng"));
    assert_true(rule_applies_to_lang(ko_gb, "ko"));
    assert_true(rule_applies_to_lang(ko_gb, "ko-KR"));
    assert_true(rule_applies_to_lang(ko_gb, "en-GB"));
    /* A rule for en-GB does not apply to pages that are only "en", nor to en-US. */
    assert_false(rule_applies_to_lang(ko_gb, "en"));
    assert_false(rule_applies_to_lang(ko_gb, "en-US"));
    compliance_free(c);
}

/* A rule's message in the page's language: Korean on a Korean page, else English. */
static void test_message_per_language(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, "rules:\n"
                              "  - id: a\n"
                              "    severity: error\n"
                              "    kind: patterns\n"
                              "    message:\n"
                              "      ko: \"최상급 표현('{match}')은 쓸 수 없습니다\"\n"
                              "      en: \"'{match}' ranks the clinic above others\"\n"
                              "    reference: r\n"
                              "    patterns: [x]\n"
                              "  - id: b\n"
                              "    severity: error\n"
                              "    kind: patterns\n"
                              "    message: \"'{match}' only in English\"\n"
                              "    reference: r\n"
                              "    patterns: [y]\n");
    assert_non_null(c);
    const rule *a = &c->rules[0], *b = &c->rules[1];
    /* r->message is the English one, whatever the order written. */
    assert_string_equal(a->message, "'{match}' ranks the clinic above others");
    char *m = rule_message_in(a, "ko", "최고");
    assert_string_equal(m, "최상급 표현('최고')은 쓸 수 없습니다");
    free(m);
    m = rule_message_in(a, "ko-KR", "최고");
    assert_string_equal(m, "최상급 표현('최고')은 쓸 수 없습니다");
    free(m);
    m = rule_message_in(a, "en", "best");
    assert_string_equal(m, "'best' ranks the clinic above others");
    free(m);
    /* A language without its own message falls back to English. */
    m = rule_message_in(a, "ja", "best");
    assert_string_equal(m, "'best' ranks the clinic above others");
    free(m);
    m = rule_message(a, NULL);
    assert_string_equal(m, "<phrase> ranks the clinic above others");
    free(m);
    /* One message serves every language. */
    m = rule_message_in(b, "ko", "y");
    assert_string_equal(m, "'y' only in English");
    free(m);
    compliance_free(c);
}

/* ---- matching ---- */

typedef struct {
    char id[40]; /* a copy: the rules are freed before the hits are checked */
    size_t start, end;
} S_hit;

typedef struct {
    S_hit hits[32];
    size_t n;
} S_hits;

static void S_record(void *ctx, const rule *r, size_t start, size_t end)
{
    S_hits *h = ctx;
    assert_true(h->n < 32);
    S_hit *hit = &h->hits[h->n++];
    snprintf(hit->id, sizeof hit->id, "%s", r->id);
    hit->start = start;
    hit->end = end;
}

/* Scan text in language lang with the rules in yaml. */
static S_hits S_scan(tu_fixture *f, const char *yaml, const char *lang, const char *text)
{
    compliance *c = S_load(f, yaml);
    if (!c)
        diag_list_print(f->diags, stderr);
    assert_non_null(c);
    compliance_scanner *s = compliance_scanner_new();
    S_hits h = {.n = 0};
    /* PCRE2's JIT reads ahead past the end of the text (harmlessly, but valgrind sees
     * uninitialised bytes): scan a copy whose spare bytes are zero. */
    size_t len = strlen(text);
    char *copy = xcalloc(len + 64, 1);
    memcpy(copy, text, len);
    compliance_scan(c, s, lang, copy, len, S_record, &h);
    free(copy);
    compliance_scanner_free(s);
    compliance_free(c);
    return h;
}

/* Assert the i-th hit: rule id and the text it covers. */
static void S_expect_hit(const S_hits *h, size_t i, const char *id, const char *text,
                         const char *match, size_t start)
{
    assert_true(i < h->n);
    assert_string_equal(h->hits[i].id, id);
    assert_int_equal(h->hits[i].start, start);
    assert_int_equal(h->hits[i].end, start + strlen(match));
    assert_memory_equal(text + start, match, strlen(match));
}

/* A patterns rule with id, lang line (or "") and patterns/exceptions lines. */
static char *S_rule(const char *id, const char *extra)
{
    return xasprintf("  - id: %s\n"
                     "    severity: error\n"
                     "    kind: patterns\n"
                     "    message: \"'{match}'\"\n"
                     "    reference: r\n"
                     "%s",
                     id, extra);
}

static char *S_rules1(const char *extra)
{
    char *r = S_rule("a", extra);
    char *all = xasprintf("rules:\n%s", r);
    free(r);
    return all;
}

static void test_scan_case_insensitive(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['\\bbest\\b']\n");
    const char *text = "The BEST care, the Best team; bestow is a word.";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 2);
    S_expect_hit(&h, 0, "a", text, "BEST", 4);
    S_expect_hit(&h, 1, "a", text, "Best", 19);
    free(yaml);
}

static void test_scan_case_sensitive_when_asked(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['(?-i)\\bNo\\. 1\\b']\n");
    const char *text = "no. 1 is fine; No. 1 is not";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 1);
    S_expect_hit(&h, 0, "a", text, "No. 1", 15);
    free(yaml);
}

static void test_scan_unicode(void **state)
{
    tu_fixture *f = *state;
    /* Korean attaches particles to words: '최고' must match inside '최고의'. */
    char *yaml = S_rules1("    patterns: ['최고', '\\bÉLITE\\b']\n");
    const char *text = "최고의 시술, 국내 최고. Our élite team";
    S_hits h = S_scan(f, yaml, "ko", text);
    assert_int_equal(h.n, 3);
    S_expect_hit(&h, 0, "a", text, "최고", 0);
    S_expect_hit(&h, 1, "a", text, "최고", (size_t)(strstr(text, "최고.") - text));
    /* Case folding beyond ASCII (UCP): É matches é. */
    S_expect_hit(&h, 2, "a", text, "élite", (size_t)(strstr(text, "élite") - text));
    free(yaml);
}

static void test_scan_exception_same_sentence_only(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['\\bguarantee']\n"
                          "    exceptions: ['\\bnot guaranteed\\b']\n");
    const char *text = "Results are not guaranteed. We guarantee comfort.";
    S_hits h = S_scan(f, yaml, "en", text);
    /* The first match is cancelled by the exception in its sentence; the second is not. */
    assert_int_equal(h.n, 1);
    S_expect_hit(&h, 0, "a", text, "guarantee", (size_t)(strstr(text, "We ") - text) + 3);
    free(yaml);
}

static void test_scan_exception_anywhere_in_sentence(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['\\bbest\\b']\n"
                          "    exceptions: ['\\bbest suited\\b']\n");
    /* The exception may stand before or after the match within the sentence. */
    const char *text = "Who is best suited? The best. Best suited here, best there.";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 1);
    S_expect_hit(&h, 0, "a", text, "best", (size_t)(strstr(text, "The best") - text) + 4);
    free(yaml);
}

static void test_scan_exception_korean_sentences(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['최고']\n    exceptions: ['최고가 아닙니다']\n");
    const char *text = "저희는 최고가 아닙니다. 그러나 최고의 결과를 약속합니다.";
    S_hits h = S_scan(f, yaml, "ko", text);
    assert_int_equal(h.n, 1);
    S_expect_hit(&h, 0, "a", text, "최고", (size_t)(strstr(text, "최고의") - text));
    free(yaml);
}

static void test_scan_overlaps_reported_once(void **state)
{
    tu_fixture *f = *state;
    /* Three patterns match overlapping text: the earliest (longest) match wins. */
    char *yaml = S_rules1("    patterns: ['\\bbest care\\b', '\\bthe best\\b', 'best']\n");
    const char *text = "the best care and the best";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 2);
    S_expect_hit(&h, 0, "a", text, "the best", 0);
    S_expect_hit(&h, 1, "a", text, "the best", 18);
    free(yaml);
}

static void test_scan_overlap_per_rule(void **state)
{
    tu_fixture *f = *state;
    /* Overlaps are dropped within a rule; two rules both report the same words. */
    char *a = S_rule("a", "    patterns: ['most effective']\n");
    char *b = S_rule("b", "    patterns: ['effective']\n");
    char *yaml = xasprintf("rules:\n%s%s", a, b);
    const char *text = "the most effective";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 2);
    S_expect_hit(&h, 0, "a", text, "most effective", 4);
    S_expect_hit(&h, 1, "b", text, "effective", 9);
    free(a);
    free(b);
    free(yaml);
}

static void test_scan_lang(void **state)
{
    tu_fixture *f = *state;
    char *ko = S_rule("ko-only", "    lang: [ko]\n    patterns: ['best']\n");
    char *en = S_rule("en-only", "    lang: en\n    patterns: ['best']\n");
    char *yaml = xasprintf("rules:\n%s%s", ko, en);
    const char *text = "best";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.hits[0].id, "en-only");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    h = S_scan(f, yaml, "ko-KR", text);
    assert_int_equal(h.n, 1);
    assert_string_equal(h.hits[0].id, "ko-only");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    h = S_scan(f, yaml, "ja", text);
    assert_int_equal(h.n, 0);
    free(ko);
    free(en);
    free(yaml);
}

static void test_scan_order(void **state)
{
    tu_fixture *f = *state;
    /* By rule, then by position, whatever order the patterns are in. */
    char *a = S_rule("first", "    patterns: ['\\bzeta\\b', '\\balpha\\b']\n");
    char *b = S_rule("second", "    patterns: ['\\bomega\\b']\n");
    char *yaml = xasprintf("rules:\n%s%s", a, b);
    const char *text = "omega alpha zeta omega";
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 4);
    S_expect_hit(&h, 0, "first", text, "alpha", 6);
    S_expect_hit(&h, 1, "first", text, "zeta", 12);
    S_expect_hit(&h, 2, "second", text, "omega", 0);
    S_expect_hit(&h, 3, "second", text, "omega", 17);
    free(a);
    free(b);
    free(yaml);
}

static void test_scan_only_patterns_rules(void **state)
{
    tu_fixture *f = *state;
    /* The patterns of requires and metadata rules are not findings by themselves. */
    const char *yaml = HEAD_KIND("requires") "    when: {procedures: true}\n"
                                             "    patterns: ['side effects']\n"
                       "  - id: b\n"
                       "    severity: error\n"
                       "    kind: metadata\n"
                       "    check: reviewer\n"
                       "    message: m\n"
                       "    reference: r\n"
                       "    patterns: ['tbd']\n";
    S_hits h = S_scan(f, yaml, "en", "side effects: tbd");
    assert_int_equal(h.n, 0);
}

static void test_scan_empty_text_and_reuse(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['\\bbest\\b']\n    exceptions: ['not the best']\n");
    compliance *c = S_load(f, yaml);
    assert_non_null(c);
    compliance_scanner *s = compliance_scanner_new();
    S_hits h = {.n = 0};
    compliance_scan(c, s, "en", "", 0, S_record, &h);
    assert_int_equal(h.n, 0);
    /* One scanner, several texts in turn (the same buffer rewritten in place too). */
    char buf[64] = {0};
    strcpy(buf, "We are not the best. We are the best.");
    compliance_scan(c, s, "en", buf, strlen(buf), S_record, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.hits[0].start, 32);
    strcpy(buf, "The best. Not the best.");
    compliance_scan(c, s, "en", buf, strlen(buf), S_record, &h);
    assert_int_equal(h.n, 2);
    assert_int_equal(h.hits[1].start, 4);
    /* Only len bytes are scanned. */
    compliance_scan(c, s, "en", "abc best", 3, S_record, &h);
    assert_int_equal(h.n, 2);
    compliance_scanner_free(s);
    compliance_scanner_free(NULL);
    compliance_free(c);
    free(yaml);
}

static void test_scan_long_text(void **state)
{
    tu_fixture *f = *state;
    /* Matches far into a long text (the Vectorscan prefilter screens every text first). */
    char *yaml = S_rules1("    patterns: ['\\bmost effective\\b', '최고', '\\d+%']\n");
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < 40; i++)
        strbuf_puts(&b, "Threads are placed under the skin. ");
    size_t at1 = b.len;
    strbuf_puts(&b, "The most effective lift. 국내 최고. ");
    size_t at3 = b.len;
    strbuf_puts(&b, "90% recover in days.");
    const char *text = strbuf_str(&b);
    S_hits h = S_scan(f, yaml, "en", text);
    assert_int_equal(h.n, 3);
    S_expect_hit(&h, 0, "a", text, "most effective", at1 + 4);
    S_expect_hit(&h, 1, "a", text, "최고", (size_t)(strstr(text, "최고") - text));
    S_expect_hit(&h, 2, "a", text, "90%", at3);
    strbuf_free(&b);
    free(yaml);
}

/*
 * Regression (a bug found by this test, fixed in 4a1afc0): with Vectorscan 5.4.9, on a CPU
 * with AVX-512, a pattern that the prefilter reduces to a
 * single ASCII character -- a lookaround beside one character, as in '(?<=\d) ?%' ("100 %"
 * claims) or 'x(?=y)', or a one-character pattern such as '%' -- is never reported when
 * it matches at byte 64 or later of a text. Vectorscan compiled with HS_FLAG_SINGLEMATCH
 * misses a one-byte literal from offset 64 on, so the prefilter says "cannot match" and
 * PCRE2 never runs, although compliance.h promises the prefilter never misses a match.
 * The same patterns were found when the text was short. (Under valgrind, which has no
 * AVX-512, Vectorscan takes another code path and the miss did not show.)
 */
static void test_scan_prefilter_one_character_patterns(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['(?<=\\d) ?%']\n");
    const char *shorter = "Satisfied in 100% of cases.";
    S_hits h_short = S_scan(f, yaml, "en", shorter);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    const char *longer = "Our patients tell us that they are satisfied with their results in "
                         "100% of cases.";
    S_hits h_long = S_scan(f, yaml, "en", longer);
    free(yaml);
    assert_int_equal(h_short.n, 1);
    S_expect_hit(&h_short, 0, "a", shorter, "%", 16);
    assert_int_equal(h_long.n, 1);
    S_expect_hit(&h_long, 0, "a", longer, "%", (size_t)(strstr(longer, "%") - longer));
}

/*
 * Regression (fixed in 3fefe93; the code is now prefilter_source in prefilter.c): the
 * loosened prefilter wrote \w inside a class as "0-9A-Za-z_\x{80}-\x{10FFFF}", a superset
 * for [\w] but the opposite for a negated class: [^\w] became "not ASCII-word and not
 * non-ASCII", so it no
 * longer matches non-ASCII punctuation that PCRE2 (UCP) counts as non-word: an em dash,
 * curly quotes, a middle dot, 。 (NFKC leaves all of these as they are). The prefilter then
 * says "cannot match" and PCRE2 never runs: 'best[^\w]' finds "best-really" but not
 * "best—really". (Outside a class, \W is loosened correctly, to [^0-9A-Za-z_].) Such
 * classes are now left to Vectorscan's Unicode support.
 */
static void test_scan_bug_prefilter_negated_word_class(void **state)
{
    tu_fixture *f = *state;
    char *yaml = S_rules1("    patterns: ['\\bbest[^\\w]', '\\bmost[^\\w\\s]']\n");
    const char *text = "The best\u2014really. The most\u201Dsaid.";
    S_hits h = S_scan(f, yaml, "en", text);
    free(yaml);
    assert_int_equal(h.n, 2); /* fails: 0 findings */
    S_expect_hit(&h, 0, "a", text, "best\u2014", 4);
    S_expect_hit(&h, 1, "a", text, "most\u201D", (size_t)(strstr(text, "most") - text));
}

static void test_scan_scanner_outlives_rules(void **state)
{
    tu_fixture *f = *state;
    /* One scanner used with one rule set, then with another loaded after the first is freed. */
    compliance_scanner *s = compliance_scanner_new();
    char *yaml1 = S_rules1("    patterns: ['\\bbest\\b']\n");
    compliance *c = S_load(f, yaml1);
    assert_non_null(c);
    S_hits h = {.n = 0};
    compliance_scan(c, s, "en", "the best", 8, S_record, &h);
    assert_int_equal(h.n, 1);
    compliance_free(c);
    char *a = S_rule("a", "    patterns: ['\\bguarantee\\b', '\\bpainless\\b', 'risk-free']\n");
    char *b = S_rule("b", "    patterns: ['\\bnumber one\\b', '\\bmiracle', '\\bbest\\b']\n");
    char *yaml2 = xasprintf("rules:\n%s%s", a, b);
    c = S_load(f, yaml2);
    assert_non_null(c);
    static const char text[64] = "A painless, risk-free miracle: the best.";
    h.n = 0;
    compliance_scan(c, s, "en", text, strlen(text), S_record, &h);
    assert_int_equal(h.n, 4);
    S_expect_hit(&h, 0, "a", text, "painless", 2);
    S_expect_hit(&h, 1, "a", text, "risk-free", 12);
    S_expect_hit(&h, 2, "b", text, "miracle", 22);
    S_expect_hit(&h, 3, "b", text, "best", 35);
    compliance_free(c);
    compliance_scanner_free(s);
    free(yaml1);
    free(yaml2);
    free(a);
    free(b);
}

static void test_match_any(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, S_valid);
    assert_non_null(c);
    compliance_scanner *s = compliance_scanner_new();
    const rule_patterns *headings = &c->rules[1].headings; /* 'side effects?', 'risks' */
    assert_true(compliance_match_any(headings, s, "Side effect", 11));
    assert_true(compliance_match_any(headings, s, "Possible RISKS", 14));
    assert_false(compliance_match_any(headings, s, "Recovery", 8));
    /* Only len bytes count. */
    assert_false(compliance_match_any(headings, s, "risk risks", 4));
    const rule_patterns *reviewer = &c->rules[2].patterns; /* '^(tbd|n/a)$' */
    assert_true(compliance_match_any(reviewer, s, "TBD", 3));
    assert_true(compliance_match_any(reviewer, s, "n/a", 3));
    assert_false(compliance_match_any(reviewer, s, "Dr. Tbd Kim", 11));
    /* No patterns: nothing matches. */
    assert_false(compliance_match_any(&c->rules[3].patterns, s, "anything", 8));
    compliance_scanner_free(s);
    compliance_free(c);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)
    const struct CMUnitTest tests[] = {
        T(test_load_valid),
        T(test_load_no_rules_is_fine),
        T(test_error_missing_file),
        T(test_error_invalid_yaml),
        T(test_error_not_rules),
        T(test_error_misspelt_rules),
        T(test_error_unknown_key),
        T(test_error_duplicate_key),
        T(test_error_missing_required),
        T(test_error_empty_message),
        T(test_error_message_languages),
        T(test_message_per_language),
        T(test_error_bad_id),
        T(test_error_duplicate_id),
        T(test_error_severity),
        T(test_error_kind),
        T(test_error_check),
        T(test_error_key_does_not_apply),
        T(test_error_max),
        T(test_error_pattern_does_not_compile),
        T(test_error_pattern_matches_empty),
        T(test_error_patterns_shape),
        T(test_error_requires),
        T(test_error_when),
        T(test_error_lang),
        T(test_errors_are_all_reported),
        T(test_find_and_suggest),
        T(test_applies_to_lang),
        T(test_scan_case_insensitive),
        T(test_scan_case_sensitive_when_asked),
        T(test_scan_unicode),
        T(test_scan_exception_same_sentence_only),
        T(test_scan_exception_anywhere_in_sentence),
        T(test_scan_exception_korean_sentences),
        T(test_scan_overlaps_reported_once),
        T(test_scan_overlap_per_rule),
        T(test_scan_lang),
        T(test_scan_order),
        T(test_scan_only_patterns_rules),
        T(test_scan_empty_text_and_reuse),
        T(test_scan_long_text),
        T(test_scan_prefilter_one_character_patterns),
        T(test_scan_bug_prefilter_negated_word_class),
        T(test_scan_scanner_outlives_rules),
        T(test_match_any),
    };
#undef T
    return cmocka_run_group_tests_name("compliance", tests, NULL, NULL);
}
