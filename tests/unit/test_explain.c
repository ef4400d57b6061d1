/*
 * test_explain.c: `suture check --explain RULE-ID` (explain.h): the built-in measures with
 * their sources and settings, the other built-in checks, a rule of compliance.yaml, and an
 * unknown id (with and without a close one), and a failed write.
 */
#include "testutil.h"

#include <stdio.h>

#include "check/compliance.h"
#include "check/explain.h"

static const char S_rules[] = "rules:\n"
                              "  - id: superlatives\n"
                              "    severity: error\n"
                              "    kind: patterns\n"
                              "    lang: [ko, en]\n"
                              "    message: \"'{match}' is a superlative\"\n"
                              "    reference: \"MSA 56(2)(8)\"\n"
                              "    patterns: ['최고', '\\bbest\\b']\n";

/* Explain id; *out and *err receive what was written (the caller frees them). */
static int S_explain(const char *id, const compliance *rules, char **out, char **err)
{
    size_t n_out = 0, n_err = 0;
    FILE *o = open_memstream(out, &n_out);
    FILE *e = open_memstream(err, &n_err);
    assert_non_null(o);
    assert_non_null(e);
    int rc = explain_rule(id, rules, o, e);
    fclose(o);
    fclose(e);
    return rc;
}

static void test_korean_measure(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(S_explain("reading-grade-ko", NULL, &out, &err), 0);
    assert_string_equal(err, "");
    /* Its one-line description, then how it measures, its source, setting and remedy. */
    assert_true(strncmp(out, "reading-grade-ko (built into suture check)\n\nA Korean article's "
                             "sentences are longer on average than reading_eojeol_max 어절",
                        strlen("reading-grade-ko (built into suture check)\n\nA Korean "
                               "article's sentences are longer on average than "
                               "reading_eojeol_max 어절")) == 0);
    assert_non_null(strstr(out, "mean sentence length in 어절"));
    assert_non_null(strstr(out, "Source: Jungha Hong, Jae-Woong Choe and Seok-Hoon You, "
                                "\"텍스트 수준과 가독성: 한국어\n학습 교재를 이용한 검증과 "
                                "응용\""));
    assert_non_null(strstr(out, "언어정보 (Language\nInformation) 12, 111-148, 2011"));
    assert_non_null(strstr(out, "Only its abstract was read"));
    assert_non_null(strstr(out, "Setting: reading_eojeol_max in site.yaml"));
    assert_non_null(strstr(out, "Never Flesch-Kincaid on Hangul."));
    free(out);
    free(err);
    /* The English measure names its own source and points at the Korean one. */
    assert_int_equal(S_explain("reading-grade", NULL, &out, &err), 0);
    assert_non_null(strstr(out, "Research Branch Report 8-75"));
    assert_non_null(strstr(out, "never on Korean text (see reading-grade-ko)"));
    free(out);
    free(err);
}

static void test_other_ids(void **state)
{
    (void)state;
    char *out, *err;
    /* A built-in check without a measure: its one sentence. */
    assert_int_equal(S_explain("site-lang", NULL, &out, &err), 0);
    assert_string_equal(out, "site-lang (built into suture check)\n\nA page does not declare "
                             "its language.\n");
    free(out);
    free(err);
    /* A rule of compliance.yaml: where it is, what it says, its source. */
    char *dir = tu_tmpdir("explain");
    char *path = tu_write_file(dir, "compliance.yaml", S_rules);
    diag_list *d = diag_list_new();
    compliance *c = compliance_load(path, NULL, d);
    assert_non_null(c);
    assert_int_equal(S_explain("superlatives", c, &out, &err), 0);
    char *want = xasprintf("superlatives (error; %s:2:5)\n\nkind: patterns\nlanguages: ko, en\n"
                           "message: <phrase> is a superlative\nreference: MSA 56(2)(8)\n",
                           path);
    assert_string_equal(out, want);
    free(want);
    free(out);
    free(err);
    /* Unknown: the closest id, from either list, or where ids are found. */
    assert_int_equal(S_explain("superlative", c, &out, &err), 2);
    assert_string_equal(out, "");
    assert_string_equal(err, "suture: there is no rule 'superlative' in suture check or in the "
                             "compliance rules; did you mean 'superlatives'?\n");
    free(out);
    free(err);
    assert_int_equal(S_explain("reading-grade-kr", NULL, &out, &err), 2);
    assert_string_equal(err, "suture: there is no rule 'reading-grade-kr' in suture check or "
                             "in the compliance rules; did you mean 'reading-grade-ko'?\n");
    free(out);
    free(err);
    assert_int_equal(S_explain("x", NULL, &out, &err), 2);
    assert_string_equal(err, "suture: there is no rule 'x' in suture check or in the compliance "
                             "rules; the rule id is the name in [brackets] at the end of a "
                             "finding\n");
    free(out);
    free(err);
    compliance_free(c);
    diag_list_free(d);
    free(path);
    tu_tmpdir_remove(dir);
}

static void test_write_error(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    char *err = NULL;
    size_t n = 0;
    FILE *e = open_memstream(&err, &n);
    assert_int_equal(explain_rule("reading-grade-ko", NULL, full, e), 2);
    fclose(e);
    fclose(full);
    assert_string_equal(err, "suture: cannot write the explanation: No space left on device\n");
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_korean_measure),
        cmocka_unit_test(test_other_ids),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
