/*
 * test_lint_languages.c: lint_yaml (lint.h) on a site in Korean and English (issue 16):
 * each value of a data file is checked with the rules of its language, found from the key
 * it is under ({ko: …, en: …}) or from the `code:` of its entry of site.yaml's languages,
 * and with the default language's (Korean) otherwise.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "lintfix.h"

#include "check/lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/compliance.h"
#include "content/config.h"

static const char S_site[] =
    "base_url: \"https://example.org/\"\n"          /* 1 */
    "languages:\n"                                  /* 2 */
    "  - code: ko\n"                                /* 3 */
    "    title: \"효과를 보장하는 리프팅\"\n"        /* 4 */
    "    disclaimer: |\n"                           /* 5 */
    "      일반 정보입니다.\n"                       /* 6 */
    "    notices:\n"                                /* 7 */
    "      before_after: \"동의를 받았습니다.\"\n"   /* 8 */
    "  - code: en\n"                                /* 9 */
    "    title: \"효과를 보장, guaranteed\"\n"       /* 10 */
    "    disclaimer: |\n"                           /* 11 */
    "      General information only.\n"             /* 12 */
    "    notices:\n"                                /* 13 */
    "      before_after: \"Shown with consent.\"\n" /* 14 */
    "review_max_age_days: 365\n"                    /* 15 */
    "translation_max_lag_days: 90\n"                /* 16 */
    "topics:\n"                                     /* 17 */
    "  - id: anatomy\n"                             /* 18 */
    "    title: {ko: 얼굴의 층, en: Facial anatomy}\n" /* 19 */
    "    description: {ko: 층 구조, en: The layers}\n"; /* 20 */

/* A Korean rule with a Korean message, an English one with an English message. */
static const char S_rules[] =
    "rules:\n"
    "  - id: promises-ko\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    lang: [ko]\n"
    "    message: \"'{match}'는 결과를 약속하는 표현입니다\"\n"
    "    reference: 의료법 제56조 제2항\n"
    "    patterns: ['효과를 보장']\n"
    "  - id: promises-en\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    lang: [en]\n"
    "    message: \"'{match}' promises a result\"\n"
    "    reference: MSA 56(2)(3)\n"
    "    patterns: ['\\bguarantee[ds]?\\b']\n";

typedef lintfix S_fix;

static int S_setup(void **state)
{
    *state = lintfix_new("lint-languages", S_site, S_rules, (date_ymd){2026, 6, 1});
    return 0;
}

static int S_teardown(void **state)
{
    return lintfix_free(*state);
}

/* Lint text as file with the default language (ko), and check the n diagnostics. */
static void S_lint(S_fix *fx, const char *file, const char *text, size_t n,
                   const char *const *want)
{
    static const char *const skip[] = {"id", "code", "base_url", NULL};
    lint_yaml(&fx->ctx, fx->s, file, text, strlen(text), "ko", skip, &fx->res);
    diag_list_sort(fx->diags);
    if (diag_count(fx->diags) != n)
        diag_list_print(fx->diags, stderr);
    assert_int_equal(diag_count(fx->diags), n);
    for (size_t i = 0; i < n; i++)
        tu_expect_diag(fx->diags, i, want[i]);
}

/* A `ko:` value is checked with the Korean rules, an `en:` value with the English ones. */
static void test_values_under_language_keys(void **state)
{
    static const char text[] =
        "procedures:\n"                                                      /* 1 */
        "  - id: thread-lift\n"                                              /* 2 */
        "    name: {ko: 효과를 보장, en: 효과를 보장 guaranteed}\n"          /* 3 */
        "    values:\n"                                                      /* 4 */
        "      recovery:\n"                                                  /* 5 */
        "        text:\n"                                                    /* 6 */
        "          ko: guaranteed 효과를 보장\n"                             /* 7 */
        "          en: A few days\n"                                         /* 8 */
        "      incision: 효과를 보장 guaranteed\n";                          /* 9 */
    static const char *const want[] = {
        "p.yaml:3:16: error: '효과를 보장'는 결과를 약속하는 표현입니다 (의료법 제56조 제2항) "
        "[promises-ko]",
        "p.yaml:3:35: error: 'guaranteed' promises a result (MSA 56(2)(3)) [promises-en]",
        "p.yaml:7:26: error: '효과를 보장'는 결과를 약속하는 표현입니다 (의료법 제56조 제2항) "
        "[promises-ko]",
        /* Under no language key: the default language's rules. */
        "p.yaml:9:17: error: '효과를 보장'는 결과를 약속하는 표현입니다 (의료법 제56조 제2항) "
        "[promises-ko]",
    };
    S_lint(*state, "p.yaml", text, 4, want);
}

/* In site.yaml, each entry of `languages:` is in the language of its code. */
static void test_language_entries_of_site_yaml(void **state)
{
    static const char *const want[] = {
        "site.yaml:4:13: error: '효과를 보장'는 결과를 약속하는 표현입니다 (의료법 제56조 제2항) "
        "[promises-ko]",
        "site.yaml:10:21: error: 'guaranteed' promises a result (MSA 56(2)(3)) [promises-en]",
    };
    S_lint(*state, "site.yaml", S_site, 2, want);
}

/* On a site in one language, no key is a language: every value is in lang. */
static void test_one_language_site(void **state)
{
    S_fix *fx = *state;
    const config *bilingual = fx->ctx.cfg;
    fx->ctx.cfg = NULL;
    static const char text[] = "name: {ko: guaranteed, en: 효과를 보장}\n";
    static const char *const want[] = {
        "g.yaml:1:28: error: '효과를 보장'는 결과를 약속하는 표현입니다 (의료법 제56조 제2항) "
        "[promises-ko]",
    };
    S_lint(fx, "g.yaml", text, 1, want);
    fx->ctx.cfg = bilingual;
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, S_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_values_under_language_keys),
        T(test_language_entries_of_site_yaml),
        T(test_one_language_site),
    };
    return cmocka_run_group_tests_name("lint_languages", tests, NULL, NULL);
}
