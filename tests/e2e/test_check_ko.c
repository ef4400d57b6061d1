/*
 * test_check_ko.c: `suture check` on a Korean site (site.yaml's language: ko): the
 * article's sentences are measured in 어절 (readability_ko.h), never with Flesch–Kincaid;
 * under reading_eojeol_max the check passes with --max-warnings 0, over it a warning in
 * Korean names the longest sentences, in every format; `suture check --explain` explains
 * the measure with its source.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

#include <jansson.h>

/* 2026-11-22T00:00:00Z: the review dates are counted to this day. */
#define FIXED_EPOCH "1795305600"

static const char S_site[] = "title: \"얼굴 리프팅 안내\"\n"
                             "base_url: \"https://clinic.example/\"\n"
                             "language: ko\n"
                             "review_max_age_days: 365\n"
                             "reading_grade_max: 1\n"
                             "reading_eojeol_max: 10\n"
                             "topics:\n"
                             "  - id: anatomy\n"
                             "    title: 얼굴의 층 구조\n"
                             "    description: 얼굴이 어떻게 이루어져 있는지 설명합니다.\n"
                             "disclaimer: |\n"
                             "  이 사이트의 정보는 일반적인 안내이며 진료를 대신하지 않습니다.\n"
                             "notices:\n"
                             "  before_after: \"환자의 서면 동의를 받아 싣습니다.\"\n";

/* Short sentences: 4, 3, 6 and 5 어절, 4.5 on average; the body starts on line 9. */
static const char S_article[] = "---\n"
                                "title: \"SMAS층이란\"\n"
                                "summary: \"얼굴의 층 가운데 SMAS층을 설명합니다.\"\n"
                                "topics: [anatomy]\n"
                                "date: 2026-11-01\n"
                                "reviewed: 2026-11-01\n"
                                "reviewer: \"의료진\"\n"
                                "---\n"
                                "## SMAS층\n"
                                "\n"
                                "SMAS층은 피부 아래에 있습니다. 근육과 이어져 있습니다.\n"
                                "\n"
                                "- 얼굴 표정을 만드는 근육과 함께 움직입니다.\n"
                                "- 리프팅은 이 층을 당겨 올립니다.\n";

/* The sentence that makes it too long: a paragraph of 40 어절, on line 16. */
static const char S_long[] =
    "\n시술 뒤 며칠 동안은 얼굴이 붓고 멍이 들 수 있으며 입을 크게 벌리거나 음식을 씹을 때 "
    "당기는 느낌이 들 수 있지만 대부분은 시간이 지나면서 저절로 가라앉으므로 크게 걱정하지 "
    "않아도 되고 다만 열이 나거나 한쪽만 심하게 부으면 바로 병원에 연락해야 합니다.\n";

/* A Korean content folder in a new temporary folder (the caller removes it). */
static char *S_content(const char *article)
{
    char *dir = e2e_tmpdir();
    assert_non_null(dir);
    const char *root = getenv("SUTURE_ROOT");
    char *rules = xasprintf("%s/tests/fixtures/check/content/compliance.yaml",
                            root && *root ? root : ".");
    size_t len;
    char *text = file_read(rules, &len);
    assert_non_null(text);
    char *articles = xasprintf("%s/content/articles", dir);
    assert_int_equal(mkdir_p(articles), 0);
    char *path = xasprintf("%s/content/compliance.yaml", dir);
    assert_int_equal(file_write(path, text, len), 0);
    free(path);
    path = xasprintf("%s/content/site.yaml", dir);
    assert_int_equal(file_write(path, S_site, strlen(S_site)), 0);
    free(path);
    path = xasprintf("%s/smas.md", articles);
    assert_int_equal(file_write(path, article, strlen(article)), 0);
    free(path);
    free(articles);
    free(text);
    free(rules);
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    return dir;
}

static void S_remove(char *dir)
{
    remove_tree(dir);
    free(dir);
}

static void test_under_the_limit_passes(void **state)
{
    (void)state;
    char *dir = S_content(S_article);
    char *err = NULL;
    const char *args[] = {"check", "--max-warnings", "0", NULL};
    int rc = e2e_run(dir, args, &err);
    if (rc != 0)
        fail_msg("exit %d:\n%s", rc, err);
    /* 18 어절 in 4 sentences; the heading is not read, the list items are sentences. Never
     * a Flesch–Kincaid grade, though reading_grade_max is 1. */
    assert_string_equal(err, "reading length (Korean, 어절 per sentence; reading_eojeol_max 10 "
                             "in site.yaml):\n"
                             "    4.5  content/articles/smas.md (4 sentences, 18 어절; 2.0 "
                             "sentences a paragraph; longest sentence 6 어절, line 13)\n"
                             "suture check: 2 files, 0 errors, 0 warnings, 0 suppressed\n");
    free(err);
    S_remove(dir);
}

static void test_over_the_limit_warns_in_korean(void **state)
{
    (void)state;
    char *text = xasprintf("%s%s", S_article, S_long);
    char *dir = S_content(text);
    free(text);
    char *err = NULL;
    const char *args[] = {"check", "--max-warnings", "0", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 1);
    /* 18 + 40 = 58 어절 in 5 sentences: 11.6, above 10; at the longest sentence. */
    if (!e2e_has_line(err, "content/articles/smas.md:16:1: warning: 문장이 평균 11.6어절로 "
                           "reading_eojeol_max 10어절보다 깁니다. 긴 문장부터 둘 이상으로 "
                           "나누어 한 문장에 한 가지 내용만 담으세요: 16행(40어절), 13행(6어절), "
                           "14행(5어절) [reading-grade-ko]"))
        fail_msg("no Korean warning in:\n%s", err);
    assert_non_null(strstr(err, "   11.6  content/articles/smas.md (5 sentences, 58 어절; "
                                "1.5 sentences a paragraph; longest sentence 40 어절, line "
                                "16): above 10\n"));
    assert_null(strstr(err, "Flesch"));
    free(err);

    /* The same rule id in JSON, with the measure beside the findings; a warning alone
     * fails nothing without --max-warnings. */
    char *out = path_join(dir, "report.json");
    const char *json_args[] = {"check", "--format", "json", NULL};
    assert_int_equal(e2e_run_to(dir, json_args, out, &err), 0);
    free(err);
    json_error_t jerr;
    json_t *root = json_load_file(out, 0, &jerr);
    assert_non_null(root);
    json_t *d = json_array_get(json_object_get(root, "diagnostics"), 0);
    assert_string_equal(json_string_value(json_object_get(d, "rule")), "reading-grade-ko");
    json_t *a = json_array_get(json_object_get(json_object_get(root, "reading_ko"), "articles"), 0);
    assert_true(json_real_value(json_object_get(a, "mean_eojeol")) == 11.6);
    assert_true(json_is_true(json_object_get(a, "above_max")));
    assert_int_equal(json_array_size(json_object_get(json_object_get(root, "reading"),
                                                     "articles")),
                     0);
    json_decref(root);
    free(out);
    S_remove(dir);
}

static void test_explain(void **state)
{
    (void)state;
    char *dir = S_content(S_article);
    char *out = path_join(dir, "explain.txt");
    char *err = NULL;
    const char *args[] = {"check", "--explain", "reading-grade-ko", NULL};
    assert_int_equal(e2e_run_to(dir, args, out, &err), 0);
    assert_string_equal(err, "");
    free(err);
    size_t len;
    char *text = file_read(out, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "reading-grade-ko (warning; built into suture)\n"));
    assert_non_null(strstr(text, "References: Jungha Hong, Jae-Woong Choe and Seok-Hoon You"));
    assert_non_null(strstr(text, "Setting: reading_eojeol_max in site.yaml"));
    assert_non_null(strstr(text, "언어정보 (Language"));
    free(text);
    /* A rule of the site's compliance.yaml; a mistyped id. */
    const char *rule[] = {"check", "--explain", "superlative", NULL};
    assert_int_equal(e2e_run_to(dir, rule, out, &err), 0);
    free(err);
    text = file_read(out, &len);
    assert_non_null(strstr(text, "superlative ("));
    assert_non_null(strstr(text, "error"));
    free(text);
    const char *typo[] = {"check", "--explain", "reading-grade-kr", NULL};
    assert_int_equal(e2e_run_to(dir, typo, out, &err), 1);
    assert_string_equal(err, "suture: there is no rule 'reading-grade-kr'; did you mean "
                             "'reading-grade-ko'?\n");
    free(err);
    free(out);
    S_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_under_the_limit_passes),
        cmocka_unit_test(test_over_the_limit_warns_in_korean),
        cmocka_unit_test(test_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
