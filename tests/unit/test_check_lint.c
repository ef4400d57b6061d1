/*
 * test_check_lint.c: the lint `suture build` and `suture serve` run (check_lint, check.h):
 * what a draft says counts only when drafts are built, no compliance.yaml is told apart,
 * every finding keeps the phrase it matched (lint_mark) for the preview, a YAML alias is
 * linted once, and diagnostics two steps both report are merged once (diag_list_merge).
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/fingerprint.h"
#include "check/check.h"
#include "markdown/markdown.h"

static const char S_site[] = "title: \"Facial Lifting Explained\"\n"
                             "base_url: \"https://example.org/\"\n"
                             "language: en\n"
                             "review_max_age_days: 365\n"
                             "topics:\n"
                             "  - id: anatomy\n"
                             "    title: \"Facial anatomy\"\n"
                             "    description: \"How the layers of the face are built.\"\n"
                             "disclaimer: |\n"
                             "  General information only.\n"
                             "notices:\n"
                             "  before_after: \"Shown with consent.\"\n";

static const char S_rules[] = "rules:\n"
                              "  - id: superlatives\n"
                              "    severity: error\n"
                              "    kind: patterns\n"
                              "    message: \"'{match}' ranks the treatment above others\"\n"
                              "    reference: \"Medical Service Act art. 56(2)(8)\"\n"
                              "    patterns: ['\\bbest\\b']\n";

/* An article's front matter (8 lines, the body on line 9), draft or not. */
#define ARTICLE(draft, body)                                                                  \
    "---\ntitle: \"Lifts\"\nsummary: \"What a lift does.\"\ntopics: [anatomy]\n"            \
    "date: 2026-01-10\nreviewed: 2026-01-10\nreviewer: \"Medical review team\"\n" draft    \
    "---\n" body

/* A content folder with the settings, the rules (unless NULL) and two articles: a
 * published one and a draft, each saying 'best'. */
static char *S_content(const char *rules)
{
    char *dir = tu_tmpdir("check-lint");
    tu_put_file(dir, "site.yaml", S_site);
    if (rules)
        tu_put_file(dir, "compliance.yaml", rules);
    free(tu_subdir(dir, "articles"));
    tu_put_file(dir, "articles/live.md", ARTICLE("", "Our best lift.\n"));
    tu_put_file(dir, "articles/draft.md", ARTICLE("draft: true\n", "The best of all.\n"));
    return dir;
}

static check_lint_options S_options(const char *dir, bool drafts)
{
    return (check_lint_options){.content_dir = dir, .drafts = drafts, .jobs = 2,
                                .today = {2026, 6, 1}};
}

/* Marks come in the order the writer reads them, whichever rule found them first. */
static void test_marks_in_reading_order(void **state)
{
    (void)state;
    char *rules = xasprintf("%s"
                            "  - id: guarantees\n"
                            "    severity: warning\n"
                            "    kind: patterns\n"
                            "    message: \"promises a result\"\n"
                            "    reference: \"Medical Service Act art. 56(2)(2)\"\n"
                            "    patterns: ['\\bguaranteed\\b']\n",
                            S_rules);
    char *dir = S_content(rules);
    tu_put_file(dir, "articles/live.md",
                ARTICLE("", "Guaranteed results from the best lift, guaranteed.\n"));
    diag_list *diags = diag_list_new();
    check_marks marks = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), 0);
    assert_int_equal(marks.len, 3);
    const unsigned want[] = {1, 29, 40};
    const char *rule_id[] = {"guarantees", "superlatives", "guarantees"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(marks.items[i].mark.line, 9);
        assert_int_equal(marks.items[i].mark.column, want[i]);
        assert_string_equal(marks.items[i].mark.rule, rule_id[i]);
    }
    check_marks_free(&marks);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
    free(rules);
}

/*
 * What the lint read of each article, which suture build takes instead of reading and
 * parsing it again: the front matter, the ids markdown_render gives the headings (the same
 * as markdown_heading_ids finds), the digest of the file's bytes; no ids from a body with a
 * byte that is not UTF-8, which the build parses itself.
 */
static void test_what_the_build_takes(void **state)
{
    (void)state;
    char *dir = S_content(S_rules);
    static const char body[] = "Intro.\n\n## What it is\n\nText.\n\n## What it is\n\n"
                               "### Côté *risks*\n";
    tu_put_file(dir, "articles/live.md", ARTICLE("", "Intro.\n\n## What it is\n\nText.\n\n"
                                                     "## What it is\n\n### Côté *risks*\n"));
    tu_put_file(dir, "articles/bad.md", ARTICLE("", "## Bad \xff byte\n"));
    diag_list *diags = diag_list_new();
    check_articles_read read = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, NULL, &read), 0);
    assert_int_equal(read.n, 3); /* by path: bad.md, draft.md, live.md */
    check_article_read *bad = &read.items[0], *live = &read.items[2];
    assert_non_null(strstr(bad->path, "articles/bad.md"));
    assert_non_null(strstr(live->path, "articles/live.md"));
    assert_false(bad->heading_ids_known);
    assert_true(live->heading_ids_known);
    strlist want = STRLIST_INIT;
    markdown_heading_ids(body, strlen(body), &want);
    assert_int_equal(live->heading_ids.len, 3);
    assert_int_equal(want.len, 3);
    for (size_t i = 0; i < want.len; i++)
        assert_string_equal(live->heading_ids.items[i], want.items[i]);
    strlist_free(&want);
    assert_non_null(live->fm);
    assert_string_equal(live->fm->title, "Lifts");
    assert_int_equal(live->body_line, 9);
    size_t len;
    char *text = file_read(live->path, &len);
    assert_non_null(text);
    fingerprint_digest d = fingerprint_digest_bytes(text, len);
    assert_memory_equal(live->source.bytes, d.bytes, sizeof d.bytes);
    free(text);
    check_articles_read_free(&read);
    assert_int_equal(read.n, 0);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_drafts_only_with_drafts(void **state)
{
    (void)state;
    char *dir = S_content(S_rules);
    char *live = path_join(dir, "articles/live.md");
    char *line = xasprintf("%s:9:5: error: 'best' ranks the treatment above others "
                           "(Medical Service Act art. 56(2)(8)) [superlatives]",
                           live);
    diag_list *diags = diag_list_new();
    check_marks marks = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), 0);
    diag_list_sort(diags);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, line);
    /* The finding keeps what it matched, where, and in which language it was said. */
    assert_int_equal(marks.len, 1);
    assert_string_equal(marks.items[0].file, live);
    assert_int_equal(marks.items[0].mark.line, 9);
    assert_int_equal(marks.items[0].mark.column, 5);
    assert_int_equal(marks.items[0].mark.severity, DIAG_ERROR);
    assert_string_equal(marks.items[0].mark.rule, "superlatives");
    assert_string_equal(marks.items[0].mark.phrase, "best");
    assert_string_equal(marks.items[0].mark.message,
                        "'best' ranks the treatment above others");
    assert_string_equal(marks.items[0].mark.lang, "en");
    check_marks_free(&marks);
    diag_list_free(diags);

    /* With drafts the draft is linted too. */
    diags = diag_list_new();
    opt = S_options(dir, true);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), 0);
    assert_int_equal(diag_error_count(diags), 2);
    assert_int_equal(marks.len, 2);
    check_marks_free(&marks);
    check_marks_free(NULL);
    diag_list_free(diags);
    free(line);
    free(live);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_no_rules(void **state)
{
    (void)state;
    char *dir = S_content(NULL);
    diag_list *diags = diag_list_new();
    check_marks marks = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), CHECK_NO_RULES);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(marks.len, 0);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* A suppressed finding is no mark: the preview shows what blocks publishing, nothing else. */
static void test_suppressed_is_not_marked(void **state)
{
    (void)state;
    char *dir = S_content(S_rules);
    tu_put_file(dir, "articles/live.md",
                ARTICLE("", "<!-- suture-ignore superlatives: the name of a study -->\n"
                            "The Best Lift trial.\n"));
    diag_list *diags = diag_list_new();
    check_marks marks = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), 0);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(marks.len, 0);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* Ten levels of ten aliases each would be 10^10 values; each node is linted once. */
static void test_alias_linted_once(void **state)
{
    (void)state;
    char *dir = S_content(S_rules);
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "terms:\n  - a0: &a0 \"the best\"\n");
    for (int i = 1; i < 10; i++)
        strbuf_printf(&b, "  - a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, "
                          "*a%d]\n",
                      i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    char *text = strbuf_detach(&b);
    tu_put_file(dir, "glossary.yaml", text);
    free(text);
    diag_list *diags = diag_list_new();
    check_marks marks = {0};
    check_lint_options opt = S_options(dir, false);
    assert_int_equal(check_lint(&opt, diags, &marks, NULL), 0);
    /* live.md's, and the glossary's once, where it was written. */
    assert_int_equal(marks.len, 2);
    assert_int_equal(marks.items[1].mark.line, 2);
    assert_string_equal(marks.items[1].mark.phrase, "best");
    check_marks_free(&marks);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_merge_keeps_one_of_each(void **state)
{
    (void)state;
    diag_list *into = diag_list_new();
    diag_error(into, "a.md", 2, 3, "front-matter", "bad date");
    diag_add(into, DIAG_WARNING, "a.md", 5, 1, "x", "words");
    diag_list *from = diag_list_new();
    diag_error(from, "a.md", 2, 3, "front-matter", "bad date");        /* the same: dropped */
    diag_error(from, "a.md", 2, 3, "front-matter", "another mistake"); /* kept */
    diag_add(from, DIAG_ERROR, "a.md", 5, 1, "x", "words");             /* another severity */
    diag_add_ref(from, DIAG_ERROR, NULL, 0, 0, "rules", "law 1", "no rules");
    diag_list_merge(into, from);
    assert_int_equal(diag_count(from), 4);
    assert_int_equal(diag_count(into), 5);
    assert_int_equal(diag_error_count(into), 4);
    diag_list_sort(into);
    tu_expect_diag(into, 0, "a.md:2:3: error: bad date [front-matter]");
    tu_expect_diag(into, 1, "a.md:2:3: error: another mistake [front-matter]");
    tu_expect_diag(into, 2, "a.md:5:1: warning: words [x]");
    tu_expect_diag(into, 3, "a.md:5:1: error: words [x]");
    tu_expect_diag(into, 4, "suture: error: no rules (law 1) [rules]");
    /* Merging again adds nothing. */
    diag_list_merge(into, from);
    assert_int_equal(diag_count(into), 5);
    diag_list_free(into);
    diag_list_free(from);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_what_the_build_takes),
        cmocka_unit_test(test_drafts_only_with_drafts),
        cmocka_unit_test(test_marks_in_reading_order),
        cmocka_unit_test(test_no_rules),
        cmocka_unit_test(test_suppressed_is_not_marked),
        cmocka_unit_test(test_alias_linted_once),
        cmocka_unit_test(test_merge_keeps_one_of_each),
    };
    return cmocka_run_group_tests_name("check_lint", tests, NULL, NULL);
}
