/*
 * test_explain.c: `suture check --explain RULE` (explain.h): built-in rules are explained
 * from suture's own table, compliance rules from compliance.yaml, each line at most 88
 * characters; an unknown id names the closest one.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream */
#endif
#include "testutil.h"

#include "check/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

static const char S_rules[] = "rules:\n"
                              "  - id: no-pain\n"
                              "    severity: warning\n"
                              "    kind: patterns\n"
                              "    lang: [ko, en]\n"
                              "    message:\n"
                              "      en: \"says it does not hurt\"\n"
                              "      ko: \"표현은 통증이 없다는 뜻으로, 사실과 다릅니다\"\n"
                              "    explanation:\n"
                              "      en: \"Most procedures hurt a little; say what anaesthesia "
                              "is used and what people usually feel.\"\n"
                              "      ko: \"대부분의 시술에는 통증이 있습니다. 마취 방법과 "
                              "예상되는 통증을 설명하시기 바랍니다.\"\n"
                              "    reference: MSA 56(2)(2)\n"
                              "    patterns: ['\\bpainless\\b', '무통']\n";

typedef struct {
    char *dir;
    char *rules;
    char *out, *err;
    size_t out_len, err_len;
} S_fix;

static int S_setup(void **state)
{
    S_fix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir("explain");
    fx->rules = tu_write_file(fx->dir, "compliance.yaml", S_rules);
    *state = fx;
    return 0;
}

static int S_teardown(void **state)
{
    S_fix *fx = *state;
    free(fx->rules);
    free(fx->out);
    free(fx->err);
    int rc = tu_tmpdir_remove(fx->dir);
    free(fx);
    return rc;
}

static int S_explain_in(S_fix *fx, const char *rules, const char *id, const char *lang)
{
    free(fx->out);
    free(fx->err);
    FILE *out = open_memstream(&fx->out, &fx->out_len);
    FILE *err = open_memstream(&fx->err, &fx->err_len);
    int rc = explain_rule_to(rules, id, lang, out, err);
    fclose(out);
    fclose(err);
    return rc;
}

static int S_explain(S_fix *fx, const char *rules, const char *id)
{
    return S_explain_in(fx, rules, id, NULL);
}

static void test_builtin(void **state)
{
    S_fix *fx = *state;
    const explain_rule *r = explain_builtin("translation-overdue");
    assert_non_null(r);
    assert_string_equal(r->severity, "error");
    assert_null(explain_builtin("translation"));
    /* Every rule id the checker reports is explained. */
    static const char *const ids[] = {"translation-stale", "translation-overdue",
                                      "site-hreflang", "site-disclaimer-language", "site-lang",
                                      "site-disclaimer", "reading-grade", "suppression"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        assert_non_null(explain_builtin(ids[i]));
    /* A built-in rule does not need the rules file. */
    assert_int_equal(S_explain(fx, "/nonexistent/compliance.yaml", "translation-stale"), 0);
    assert_string_equal(fx->err, "");
    static const char head[] = "translation-stale (warning; built into suture)\n"
                               "  A translation's source has been reviewed again since the "
                               "version it translates.\n";
    assert_true(strncmp(fx->out, head, sizeof head - 1) == 0);
    assert_non_null(strstr(fx->out, "\n  References: README.md, 'Two languages': "
                                    "translation_max_lag_days in content/site.yaml\n"));
    /* Lines are wrapped at 88 terminal columns (a Hangul syllable takes two). */
    for (const char *line = fx->out; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        size_t columns = 0;
        for (const unsigned char *p = (const unsigned char *)line; p < (const unsigned char *)end;
             p++)
            if ((*p & 0xC0) != 0x80)
                columns += *p >= 0xEA && *p <= 0xED ? 2 : 1;
        if (columns > 88)
            fail_msg("a line of %zu columns: %.*s", columns, (int)(end - line), line);
        line = end + 1;
    }
    /* Without --lang, the Korean explanation follows the English one. */
    assert_non_null(strstr(fx->out, "(ko) 번역한 뒤에 원문이 다시 검토되었습니다."));
}

static void test_compliance_rule(void **state)
{
    S_fix *fx = *state;
    assert_int_equal(S_explain(fx, fx->rules, "no-pain"), 0);
    char *want = xasprintf("no-pain (warning, patterns; %s:2)\n"
                           "  Applies to pages in ko, en.\n"
                           "\n"
                           "  Message (en): '<phrase>' says it does not hurt\n"
                           "  Explanation (en): Most procedures hurt a little; say what "
                           "anaesthesia is used and what\n"
                           "    people usually feel.\n"
                           "\n"
                           "  Message (ko): '<phrase>' 표현은 통증이 없다는 뜻으로, 사실과 "
                           "다릅니다\n"
                           "  Explanation (ko): 대부분의 시술에는 통증이 있습니다. 마취 "
                           "방법과 예상되는 통증을\n"
                           "    설명하시기 바랍니다.\n"
                           "\n"
                           "  References: MSA 56(2)(2)\n",
                           fx->rules);
    assert_string_equal(fx->out, want);
    free(want);
    /* --lang: the one language a page in it gets; English for a language without text. */
    assert_int_equal(S_explain_in(fx, fx->rules, "no-pain", "ko-KR"), 0);
    assert_non_null(strstr(fx->out, "  Message (ko): "));
    assert_null(strstr(fx->out, "(en)"));
    assert_int_equal(S_explain_in(fx, fx->rules, "no-pain", "fr"), 0);
    assert_non_null(strstr(fx->out, "  Message (en): "));
    assert_null(strstr(fx->out, "(ko)"));
    assert_non_null(strstr(fx->out, "  References: MSA 56(2)(2)\n"));
}

/* A rule that writes {match} keeps it; a rule without an explanation shows its message. */
static void test_match_slot(void **state)
{
    S_fix *fx = *state;
    char *rules = tu_write_file(fx->dir, "slot.yaml",
                                "rules:\n"
                                "  - id: no-pain\n"
                                "    severity: error\n"
                                "    kind: patterns\n"
                                "    message: \"the word '{match}' promises no pain\"\n"
                                "    reference: MSA\n"
                                "    patterns: ['painless']\n");
    assert_int_equal(S_explain(fx, rules, "no-pain"), 0);
    assert_non_null(strstr(fx->out, "\n  Message: the word '<phrase>' promises no pain\n"));
    assert_null(strstr(fx->out, "Explanation"));
    free(rules);
}

/* A built-in rule with a Korean text gives it for --lang ko, and both without --lang. */
static void test_builtin_korean(void **state)
{
    S_fix *fx = *state;
    const explain_rule *r = explain_builtin("scaffold-placeholder");
    assert_non_null(r);
    assert_non_null(r->ko);
    assert_int_equal(S_explain_in(fx, fx->rules, "scaffold-placeholder", "ko"), 0);
    assert_non_null(strstr(fx->out, "\n  suture new article이 만든 개요에는"));
    assert_null(strstr(fx->out, "The article still holds"));
    assert_int_equal(S_explain_in(fx, fx->rules, "scaffold-placeholder", NULL), 0);
    assert_non_null(strstr(fx->out, "(ko) "));
    assert_non_null(strstr(fx->out, "  The article still holds"));
    assert_non_null(explain_builtin("title-quoted"));
}

/*
 * Every built-in rule that can be reported in an article or a data file, whichever its
 * language, explains itself in Korean too, so that --verbose on a Korean page reads in
 * Korean. The exceptions are the checks of built HTML (site-*, for the web maintainer),
 * the compliance file's own (rules) and the English reading grade.
 */
static void test_builtin_rules_of_pages_speak_korean(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t i = 0; explain_builtin_at(i); i++) {
        const explain_rule *r = explain_builtin_at(i);
        if (strncmp(r->id, "site-", 5) == 0 || strcmp(r->id, "rules") == 0 ||
            strcmp(r->id, "reading-grade") == 0)
            continue;
        if (!r->ko)
            fail_msg("built-in rule '%s' has no Korean explanation", r->id);
        /* Korean, not English with a word of Hangul: most of its letters are Hangul. */
        size_t hangul = 0, latin = 0;
        for (const unsigned char *p = (const unsigned char *)r->ko; *p; p++) {
            if (*p >= 0xEA && *p <= 0xED)
                hangul++; /* the lead byte of a syllable U+AC00..U+D7A3 */
            else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
                latin++;
        }
        if (hangul < latin / 2)
            fail_msg("built-in rule '%s': its Korean text is mostly Latin letters", r->id);
        checked++;
    }
    assert_true(checked >= 9);
}

static void test_unknown(void **state)
{
    S_fix *fx = *state;
    assert_int_equal(S_explain(fx, fx->rules, "no-pains"), 1);
    assert_string_equal(fx->err, "suture: there is no rule 'no-pains'; did you mean 'no-pain'?\n");
    assert_int_equal(S_explain(fx, fx->rules, "site-hreflangs"), 1);
    assert_string_equal(fx->err, "suture: there is no rule 'site-hreflangs'; did you mean "
                                 "'site-hreflang'?\n");
    assert_int_equal(S_explain(fx, fx->rules, "zzzzzzzzzzzz"), 1);
    char *want = xasprintf("suture: there is no rule 'zzzzzzzzzzzz' built into suture or in "
                           "%s\n", fx->rules);
    assert_string_equal(fx->err, want);
    free(want);
    assert_string_equal(fx->out, "");
}

static void test_rules_unreadable(void **state)
{
    S_fix *fx = *state;
    char *missing = xasprintf("%s/none.yaml", fx->dir);
    assert_int_equal(S_explain(fx, missing, "no-pain"), 1);
    char *want = xasprintf("suture: 'no-pain' is not a rule built into suture, and the "
                           "compliance rules (%s) cannot be read to look for it\n", missing);
    assert_non_null(strstr(fx->err, want));
    free(want);
    free(missing);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)
    const struct CMUnitTest tests[] = {
        T(test_builtin),
        T(test_compliance_rule),
        T(test_match_slot),
        T(test_builtin_korean),
        cmocka_unit_test(test_builtin_rules_of_pages_speak_korean),
        T(test_unknown),
        T(test_rules_unreadable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
