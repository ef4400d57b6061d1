/*
 * test_readability_ko_check.c: the Korean measure in `suture check` (lint.h, report.h):
 * which articles are measured and with what (a Korean page never with Flesch–Kincaid),
 * what of the body is read, the warning [reading-grade-ko] in Korean at the longest
 * sentence above site.yaml's reading_eojeol_max and not at or below it, and the Korean
 * measures in the text, JSON and SARIF reports.
 */
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "check/report.h"
#include "lintfix.h"

#define ART "content/articles/ko/a.md"

/* One rule: the check needs a rules file; this one finds nothing below. */
static const char S_rules[] = "rules:\n"
                              "  - id: superlatives\n"
                              "    severity: error\n"
                              "    kind: patterns\n"
                              "    message: \"'{match}' is a superlative\"\n"
                              "    reference: \"MSA 56(2)(8)\"\n"
                              "    patterns: ['최고']\n";

/* The front matter: 8 lines, the body starts on line 9. */
#define FM                                                                                     \
    "---\n"                                                                                    \
    "title: \"실리프팅 후 회복\"\n"                                                            \
    "summary: \"실리프팅 뒤에 무엇을 겪는지 설명합니다.\"\n"                                   \
    "topics: [thread-lift]\n"                                                                   \
    "date: 2026-11-01\n"                                                                       \
    "reviewed: 2026-11-01\n"                                                                   \
    "reviewer: \"의료진\"\n"                                                                   \
    "---\n"

/* A one-language Korean site (site.yaml's language: ko), with no limits until a test sets
 * one. */
static const char S_site[] = "title: \"얼굴 리프팅 안내\"\n"
                             "base_url: \"https://clinic.example/\"\n"
                             "language: ko\n"
                             "review_max_age_days: 365\n"
                             "topics:\n"
                             "  - id: thread-lift\n"
                             "    title: 실리프팅\n"
                             "    description: 실로 조직을 당기는 시술입니다.\n"
                             "disclaimer: |\n"
                             "  일반적인 안내이며 진료를 대신하지 않습니다.\n"
                             "notices:\n"
                             "  before_after: \"동의를 받아 싣습니다.\"\n";

/* Each test has its fixture, with reviews counted to 2026-12-01. */
static int S_setup(void **state)
{
    *state = lintfix_new("readko", S_site, S_rules, (date_ymd){2026, 12, 1});
    return 0;
}

static int S_teardown(void **state)
{
    return lintfix_free(*state);
}

/* Assert that the check found n problems (printing them when not). */
static void S_expect_count(const lintfix *fx, size_t n)
{
    if (diag_count(fx->diags) != n) {
        diag_list_print(fx->diags, stderr);
        fail_msg("%zu diagnostics, expected %zu", diag_count(fx->diags), n);
    }
}

/* Assert the Korean measure of the article just linted. */
static void S_expect_ko(const lintfix *fx, unsigned line, size_t sentences, size_t eojeol,
                        double mean, size_t paragraphs, double paragraph_mean,
                        unsigned longest_line, size_t longest)
{
    const lint_reading_ko *g = &fx->res.reading_ko;
    assert_non_null(g->file);
    assert_string_equal(g->file, ART);
    assert_int_equal(g->line, line);
    assert_int_equal(g->sentences, sentences);
    assert_int_equal(g->eojeol, eojeol);
    if (!(g->mean - mean < 1e-9 && mean - g->mean < 1e-9))
        fail_msg("mean %.17g, expected %g", g->mean, mean);
    assert_int_equal(g->paragraphs, paragraphs);
    if (!(g->paragraph_mean - paragraph_mean < 1e-9 && paragraph_mean - g->paragraph_mean < 1e-9))
        fail_msg("paragraph mean %.17g, expected %g", g->paragraph_mean, paragraph_mean);
    assert_int_equal(g->longest_line, longest_line);
    assert_int_equal(g->longest, longest);
    /* Never Flesch–Kincaid. */
    assert_null(fx->res.reading.file);
}

/* A body: a heading, two paragraphs, a list, a quote, code and a compare block. */
static const char S_body[] =
    "## 제목은 문장으로 읽지 않습니다 아무리 길어도 그렇습니다\n"              /* 9 */
    "\n"
    "실리프팅 뒤에는 얼굴이 붓습니다. 보통 사흘이면 가라앉습니다.\n"          /* 11 */
    "\n"
    "- 붓기\n"                                                                  /* 13 */
    "- 당기는 느낌\n"                                                           /* 14 */
    "\n"
    "> 열이 나거나 한쪽 얼굴이 갑자기 부으면 바로 병원에 연락하세요.\n"         /* 16 */
    "\n"
    "```text\n"
    "코드는 읽지 않습니다 아무리 길어도 그렇습니다\n"
    "```\n"
    "\n"
    "```compare\n"
    "caption: 표의 설명도 읽지 않습니다\n"
    "```\n"
    "\n"
    "SMAS층은 피부에서 약 3 mm 아래에 있습니다.\n";                             /* 26 */

static void test_reads_the_body(void **state)
{
    lintfix *fx = *state;
    char *text = xasprintf("%s%s", FM, S_body);
    lintfix_lint(fx, ART, text);
    free(text);
    S_expect_count(fx, 0);
    /* 실리프팅 뒤에는 얼굴이 붓습니다 (4), 보통 사흘이면 가라앉습니다 (3), 붓기 (1), 당기는
     * 느낌 (2), the quote (9), SMAS층은 … 있습니다 (7): 26 어절 in 6 sentences, 4.3 a
     * sentence; paragraphs: line 11 (2 sentences), the quote (1), line 26 (1); the list
     * items are none. The longest sentence is the quote's, after "> ". */
    S_expect_ko(fx, 11, 6, 26, 4.3, 3, 1.3, 16, 9);
    assert_int_equal(fx->res.reading_ko.longest_paragraph, 2);
    assert_int_equal(fx->res.reading_ko.longest_column, 3);
}

/* Long sentences, on lines 9, 11 and 13 (9, 16 and 10 어절), and a short one. */
static const char S_long[] =
    "실리프팅은 녹는 실을 피부 아래에 넣어 처진 조직을 당깁니다.\n"                          /* 9 */
    "\n"
    "시술 뒤 며칠 동안은 얼굴이 붓고 멍이 들 수 있으며 입을 크게 벌리면 당기는 느낌이 "
    "듭니다.\n"                                                                                 /* 11 */
    "\n"
    "열이 나거나 고름이 나오면 감염일 수 있으니 바로 병원에 연락하세요. 괜찮아요.\n";        /* 13 */

static void test_warning_above_the_maximum(void **state)
{
    lintfix *fx = *state;
    fx->cfg->reading_eojeol_max = 7;
    char *text = xasprintf("%s%s", FM, S_long);
    lintfix_lint(fx, ART, text);
    free(text);
    /* 9 + 16 + 10 + 1 = 36 어절 in 4 sentences: 9.0, above 7. The warning is at the
     * longest sentence and names the longest first, each line once. */
    S_expect_count(fx, 1);
    tu_expect_diag(fx->diags, 0,
                   ART ":11:1: warning: 문장이 평균 9.0어절로 reading_eojeol_max 7어절보다 "
                       "깁니다. 긴 문장부터 둘 이상으로 나누어 한 문장에 한 가지 내용만 "
                       "담으세요: 11행(16어절), 13행(10어절), 9행(9어절) [reading-grade-ko]");
    S_expect_ko(fx, 9, 4, 36, 9.0, 3, 1.3, 11, 16);
}

static void test_no_warning_at_or_below(void **state)
{
    lintfix *fx = *state;
    char *text = xasprintf("%s%s", FM, S_long);
    /* A mean of 9.0 is not above 9, nor above no limit at all. */
    fx->cfg->reading_eojeol_max = 9;
    lintfix_lint(fx, ART, text);
    S_expect_count(fx, 0);
    S_expect_ko(fx, 9, 4, 36, 9.0, 3, 1.3, 11, 16);
    fx->cfg->reading_eojeol_max = 0;
    lintfix_lint(fx, ART, text);
    S_expect_count(fx, 0);
    assert_non_null(fx->res.reading_ko.file);
    free(text);
}

/* The page's language decides the measure: lang in front matter, else the site's. */
static void test_language_decides(void **state)
{
    lintfix *fx = *state;
    fx->cfg->reading_eojeol_max = 5;
    fx->cfg->reading_grade_max = 1;
    /* An English page on a Korean site: Flesch–Kincaid only. */
    char *en = tu_replace(FM, "reviewer:", "lang: en\nreviewer:");
    char *text = xasprintf("%sThe thread is absorbed over several months.\n", en);
    lintfix_lint(fx, ART, text);
    assert_non_null(fx->res.reading.file);
    assert_null(fx->res.reading_ko.file);
    free(text);
    free(en);
    diag_list_free(fx->diags);
    fx->diags = fx->ctx.diags = diag_list_new();
    /* A Korean page on an English site: the Korean measure only, even with English words
     * in it, and no English grade however high. */
    free(fx->cfg->languages[0].code);
    fx->cfg->languages[0].code = xstrdup("en");
    fx->cfg->language_codes[0] = fx->cfg->languages[0].code;
    char *ko = tu_replace(FM, "reviewer:", "lang: ko-KR\nreviewer:");
    text = xasprintf("%sConsiderable postoperative inflammation 는 드뭅니다.\n", ko);
    lintfix_lint(fx, ART, text);
    S_expect_count(fx, 0);
    S_expect_ko(fx, 10, 1, 5, 5.0, 1, 1.0, 10, 5);
    free(text);
    free(ko);
    /* Another language: neither. */
    char *ja = tu_replace(FM, "reviewer:", "lang: ja\nreviewer:");
    text = xasprintf("%s糸は吸収されます。\n", ja);
    lintfix_lint(fx, ART, text);
    assert_null(fx->res.reading.file);
    assert_null(fx->res.reading_ko.file);
    free(text);
    free(ja);
}

static void test_nothing_to_read(void **state)
{
    lintfix *fx = *state;
    fx->cfg->reading_eojeol_max = 5;
    char *text = xasprintf("%s## 제목만 있습니다\n\n```\n코드\n```\n", FM);
    lintfix_lint(fx, ART, text);
    free(text);
    S_expect_count(fx, 0);
    assert_null(fx->res.reading_ko.file);
    /* Front matter only. */
    lintfix_lint(fx, ART, FM);
    assert_null(fx->res.reading_ko.file);
}

/* ---- reports ---- */

/* A report_input with two Korean articles, the second above a limit of 15. */
static report_input S_input(diag_list *diags, lint_reading_ko *ko)
{
    static char recovery[] = "content/articles/ko/회복.md";
    static char layers[] = "content/articles/ko/layers.md";
    ko[0] = (lint_reading_ko){.file = recovery, .line = 9, .column = 1,
                              .mean = 11.2, .sentences = 80, .eojeol = 896, .paragraphs = 33,
                              .paragraph_mean = 2.4, .longest_paragraph = 5,
                              .longest_line = 31, .longest_column = 3, .longest = 27};
    ko[1] = (lint_reading_ko){.file = layers, .line = 10, .column = 1,
                              .mean = 17.5, .sentences = 2, .eojeol = 35, .paragraphs = 0,
                              .paragraph_mean = 0, .longest_paragraph = 0,
                              .longest_line = 12, .longest_column = 1, .longest = 20};
    return (report_input){.diags = diags, .version = "0.3.0", .readings_ko = ko,
                          .n_readings_ko = 2, .reading_eojeol_max = 15};
}

/* What write writes for in, NUL-terminated; the caller frees it. */
static char *S_bytes(const report_input *in, int (*write)(const report_input *, FILE *))
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    assert_int_equal(write(in, f), 0);
    fclose(f);
    return buf;
}

static void test_text_report(void **state)
{
    (void)state;
    diag_list *d = diag_list_new();
    lint_reading_ko ko[2];
    report_input in = S_input(d, ko);
    char *text = S_bytes(&in, report_text_readings);
    assert_string_equal(text,
                        "reading length (Korean, 어절 per sentence; reading_eojeol_max 15 in "
                        "site.yaml):\n"
                        "   11.2  content/articles/ko/회복.md (80 sentences, 896 어절; 2.4 "
                        "sentences a paragraph; longest sentence 27 어절, line 31)\n"
                        "   17.5  content/articles/ko/layers.md (2 sentences, 35 어절; longest "
                        "sentence 20 어절, line 12): above 15\n");
    free(text);
    in.reading_eojeol_max = 0;
    in.n_readings_ko = 1;
    text = S_bytes(&in, report_text_readings);
    assert_string_equal(text,
                        "reading length (Korean, 어절 per sentence; site.yaml sets no "
                        "reading_eojeol_max):\n"
                        "   11.2  content/articles/ko/회복.md (80 sentences, 896 어절; 2.4 "
                        "sentences a paragraph; longest sentence 27 어절, line 31)\n");
    free(text);
    in.n_readings_ko = 0;
    text = S_bytes(&in, report_text_readings);
    assert_string_equal(text, "");
    free(text);
    diag_list_free(d);
}

static void test_json_report(void **state)
{
    (void)state;
    diag_list *d = diag_list_new();
    lint_reading_ko ko[2];
    report_input in = S_input(d, ko);
    char *text = S_bytes(&in, report_json);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    assert_non_null(root);
    /* One decimal, as in the text report. */
    assert_non_null(strstr(text, "\"mean_eojeol\": 11.2,\n"));
    free(text);
    json_t *r = json_object_get(root, "reading_ko");
    assert_string_equal(json_string_value(json_object_get(r, "measure")), "eojeol-per-sentence");
    assert_int_equal(json_integer_value(json_object_get(r, "max")), 15);
    json_t *a = json_array_get(json_object_get(r, "articles"), 0);
    assert_int_equal(json_object_size(a), 11);
    assert_string_equal(json_string_value(json_object_get(a, "file")),
                        "content/articles/ko/회복.md");
    assert_int_equal(json_integer_value(json_object_get(a, "sentences")), 80);
    assert_int_equal(json_integer_value(json_object_get(a, "eojeol")), 896);
    assert_int_equal(json_integer_value(json_object_get(a, "paragraphs")), 33);
    assert_true(json_real_value(json_object_get(a, "sentences_per_paragraph")) == 2.4);
    assert_int_equal(json_integer_value(json_object_get(a, "longest_paragraph")), 5);
    json_t *longest = json_object_get(a, "longest_sentence");
    assert_int_equal(json_integer_value(json_object_get(longest, "line")), 31);
    assert_int_equal(json_integer_value(json_object_get(longest, "column")), 3);
    assert_int_equal(json_integer_value(json_object_get(longest, "eojeol")), 27);
    assert_true(json_is_false(json_object_get(a, "above_max")));
    a = json_array_get(json_object_get(r, "articles"), 1);
    assert_true(json_is_true(json_object_get(a, "above_max")));
    json_decref(root);
    /* No limit: max null, nothing above it. */
    in.reading_eojeol_max = 0;
    text = S_bytes(&in, report_json);
    root = json_loads(text, 0, &err);
    free(text);
    r = json_object_get(root, "reading_ko");
    assert_true(json_is_null(json_object_get(r, "max")));
    a = json_array_get(json_object_get(r, "articles"), 1);
    assert_true(json_is_false(json_object_get(a, "above_max")));
    json_decref(root);
    diag_list_free(d);
}

static void test_sarif_report(void **state)
{
    (void)state;
    diag_list *d = diag_list_new();
    diag_add(d, DIAG_WARNING, ART, 12, 1, "reading-grade-ko",
             "문장이 평균 17.5어절로 reading_eojeol_max 15어절보다 깁니다.");
    lint_reading_ko ko[2];
    report_input in = S_input(d, ko);
    char *text = S_bytes(&in, report_sarif);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    free(text);
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    json_t *props = json_object_get(run, "properties");
    assert_int_equal(json_integer_value(json_object_get(props, "readingEojeolMax")), 15);
    json_t *g = json_array_get(json_object_get(props, "readingKo"), 1);
    assert_string_equal(json_string_value(json_object_get(g, "uri")),
                        "content/articles/ko/layers.md");
    assert_true(json_real_value(json_object_get(g, "meanEojeol")) == 17.5);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(g, "longestSentence"), "eojeol")), 20);
    /* The rule is described with its source, beside reading-grade's. */
    json_t *desc =
        json_array_get(json_object_get(json_object_get(json_object_get(run, "tool"), "driver"),
                                       "rules"),
                       0);
    assert_string_equal(json_string_value(json_object_get(desc, "id")), "reading-grade-ko");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(desc, "shortDescription"), "text")),
        "A Korean article's sentences are longer on average than reading_eojeol_max 어절 in "
        "site.yaml (sentence and paragraph length relate to a Korean text's level: Hong, Choe "
        "& You 2011): split its longest sentences.");
    json_t *res = json_array_get(json_object_get(run, "results"), 0);
    assert_string_equal(json_string_value(json_object_get(res, "ruleId")), "reading-grade-ko");
    json_decref(root);
    diag_list_free(d);
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, S_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_reads_the_body),
        T(test_warning_above_the_maximum),
        T(test_no_warning_at_or_below),
        T(test_language_decides),
        T(test_nothing_to_read),
        cmocka_unit_test(test_text_report),
        cmocka_unit_test(test_json_report),
        cmocka_unit_test(test_sarif_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
