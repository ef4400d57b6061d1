/*
 * test_report_text.c: `suture check`'s text output (report_text, report.h): one short line
 * a finding, without its references; with --verbose, the rule's explanation in the
 * finding's language and its references under it, labelled in that language.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream */
#endif
#include "testutil.h"

#include "check/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/explain.h"

static const char S_rules[] =
    "rules:\n"
    "  - id: no-pain\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message: {en: \"says it does not hurt\", ko: \"표현은 통증이 없다는 뜻입니다\"}\n"
    "    explanation: {en: \"Most procedures hurt a little.\", ko: \"대부분 아픕니다.\"}\n"
    "    reference: MSA 56(2)(2)\n"
    "    patterns: ['painless', '무통']\n";

/* report_text of diags with verbose; the caller frees the text. */
static char *S_text(const diag_list *diags, const compliance *c, bool verbose)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(report_text(diags, c, verbose, out), 0);
    fclose(out);
    return buf;
}

static void test_short_and_verbose(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("report-text");
    char *path = tu_write_file(dir, "compliance.yaml", S_rules);
    diag_list *diags = diag_list_new();
    compliance *c = compliance_load(path, NULL, diags);
    assert_non_null(c);
    diag_add_lang(diags, DIAG_ERROR, "en/a.md", 3, 5, "no-pain", "MSA 56(2)(2)", "en",
                  "'painless' says it does not hurt");
    diag_add_lang(diags, DIAG_ERROR, "ko/a.md", 4, 1, "no-pain", "MSA 56(2)(2)", "ko",
                  "'무통' 표현은 통증이 없다는 뜻입니다");
    diag_add(diags, DIAG_WARNING, "ko/b.md", 2, 8, "suppression",
             "이 주석은 아무것도 막지 않습니다");
    diag_add(diags, DIAG_ERROR, "x.md", 0, 0, NULL, "cannot read it");
    char *text = S_text(diags, c, false);
    assert_string_equal(text,
                        "en/a.md:3:5: error: 'painless' says it does not hurt [no-pain]\n"
                        "ko/a.md:4:1: error: '무통' 표현은 통증이 없다는 뜻입니다 [no-pain]\n"
                        "ko/b.md:2:8: warning: 이 주석은 아무것도 막지 않습니다 [suppression]\n"
                        "x.md: error: cannot read it\n");
    free(text);
    text = S_text(diags, c, true);
    const explain_rule *b = explain_builtin("suppression");
    char *want = xasprintf(
        "en/a.md:3:5: error: 'painless' says it does not hurt [no-pain]\n"
        "  Explanation: Most procedures hurt a little.\n"
        "  References: MSA 56(2)(2)\n"
        "ko/a.md:4:1: error: '무통' 표현은 통증이 없다는 뜻입니다 [no-pain]\n"
        "  설명: 대부분 아픕니다.\n"
        "  근거: MSA 56(2)(2)\n"
        "ko/b.md:2:8: warning: 이 주석은 아무것도 막지 않습니다 [suppression]\n"
        "  Explanation: %s",
        b->summary);
    /* A finding without a language gets the built-in rule's English text. */
    assert_true(strncmp(text, want, strlen(want)) == 0);
    assert_non_null(strstr(text, "\nx.md: error: cannot read it\n"));
    free(want);
    free(text);
    compliance_free(c);
    diag_list_free(diags);
    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_and_verbose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
