/*
 * test_lint_lang.c: an article is linted in its language (lint.h, issue 16): on a site
 * with languages ko and en, the language lint_article is given (the article's folder's)
 * decides which rules apply, which message a finding carries and whether the article is
 * graded with Flesch–Kincaid; a text per language in a data file is linted in its language.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "check/lint.h"
#include "check/prefilter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/compliance.h"
#include "content/config.h"

static const char S_site[] = TU_SITE_KO_EN;

static const char S_rules[] =
    "rules:\n"
    "  - id: korean-superlative\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    lang: [ko]\n"
    "    message: \"'{match}' is a superlative\"\n"
    "    reference: MSA 56(2)(8)\n"
    "    patterns: ['최고', '\\bbest\\b']\n"
    "  - id: english-guarantee\n"
    "    severity: warning\n"
    "    kind: patterns\n"
    "    lang: [en]\n"
    "    message: \"'{match}' promises a result\"\n"
    "    reference: CAP 12.1\n"
    "    patterns: ['\\bguarantee[ds]?\\b', '보장']\n"
    "  - id: no-pain\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message:\n"
    "      en: \"'{match}' says it does not hurt\"\n"
    "      ko: \"'{match}'처럼 통증이 없다는 표현은 쓸 수 없습니다\"\n"
    "    reference: MSA 56(2)(2)\n"
    "    patterns: ['\\bpainless\\b', '무통']\n"
    "  - id: no-downtime\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message:\n"
    "      en: \"says there is no recovery time\"\n"
    "      ko: \"표현은 회복 기간이 없다는 뜻으로, 사실과 다릅니다\"\n"
    "    reference: MSA 56(2)(3)\n"
    "    patterns: ['\\bno\\s+downtime\\b', '다운타임\\s*없']\n";

/* Front matter, 7 lines: the body starts on line 8. */
#define FM                                                                                     \
    "---\n"                                                                                    \
    "title: \"Thread lifts\"\n"                                                                \
    "summary: \"What a thread lift does.\"\n"                                                  \
    "topics: [anatomy]\n"                                                                      \
    "date: 2026-11-10\n"                                                                       \
    "reviewed: 2026-11-10\n"                                                                   \
    "reviewer: \"Medical review team\"\n"                                                      \
    "---\n"

typedef struct {
    char *dir;
    config *cfg;
    compliance *rules;
    compliance_scanner *s;
    diag_list *diags;
    lint_context ctx;
    lint_result res;
} S_fix;

static int S_setup(void **state)
{
    S_fix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir("lint-lang");
    fx->diags = diag_list_new();
    char *site = tu_write_file(fx->dir, "site.yaml", S_site);
    fx->cfg = config_load(site, fx->diags);
    free(site);
    char *rules = tu_write_file(fx->dir, "compliance.yaml", S_rules);
    fx->rules = compliance_load(rules, NULL, fx->diags);
    free(rules);
    if (diag_count(fx->diags))
        diag_list_print(fx->diags, stderr);
    assert_non_null(fx->cfg);
    assert_non_null(fx->rules);
    fx->s = compliance_scanner_new();
    fx->ctx = (lint_context){.rules = fx->rules, .cfg = fx->cfg, .today = {2026, 12, 1},
                             .diags = fx->diags};
    *state = fx;
    return 0;
}

static int S_teardown(void **state)
{
    S_fix *fx = *state;
    lint_result_free(&fx->res);
    compliance_scanner_free(fx->s);
    compliance_free(fx->rules);
    config_free(fx->cfg);
    diag_list_free(fx->diags);
    int rc = tu_tmpdir_remove(fx->dir);
    free(fx);
    return rc;
}

/* Lint text as path in lang; expect exactly the n diagnostics in ap (without path). */
static void S_vlint(S_fix *fx, const char *path, const char *lang, const char *text, size_t n,
                    va_list ap)
{
    lint_article(&fx->ctx, fx->s, path, lang, text, strlen(text), &fx->res);
    diag_list_sort(fx->diags);
    for (size_t i = 0; i < n && i < diag_count(fx->diags); i++)
        tu_expect_diag_prefixed(fx->diags, i, path, va_arg(ap, const char *));
    if (diag_count(fx->diags) != n) {
        diag_list_print(fx->diags, stderr);
        fail_msg("%zu diagnostics, expected %zu", diag_count(fx->diags), n);
    }
    diag_list_free(fx->diags);
    fx->diags = fx->ctx.diags = diag_list_new();
}

/* Lint FM + body as path in lang; expect exactly the n diagnostics given (without path). */
static void S_lint(S_fix *fx, const char *path, const char *lang, const char *body, size_t n,
                   ...)
{
    char *text = xasprintf("%s%s", FM, body);
    va_list ap;
    va_start(ap, n);
    S_vlint(fx, path, lang, text, n, ap);
    va_end(ap);
    free(text);
}

static void test_korean_rule_on_korean_article_only(void **state)
{
    S_fix *fx = *state;
    /* The same words: the Korean rule fires on the Korean article, the English one on the
     * English article. */
    S_lint(fx, "ko/x.md", "ko", "최고의 결과를 보장합니다. The best.\n", 2,
           ":9:1: error: '최고' is a superlative (MSA 56(2)(8)) [korean-superlative]",
           ":9:20: error: 'best' is a superlative (MSA 56(2)(8)) [korean-superlative]");
    S_lint(fx, "en/x.md", "en", "최고의 결과를 보장합니다. The best.\n", 1,
           ":9:9: warning: '보장' promises a result (CAP 12.1) [english-guarantee]");
}

/* A message without {match} gets the phrase put first, in the page's language; the
 * finding records that language. */
static void test_phrase_first(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "en/x.md", "en", "No downtime at all.\n", 1,
           ":9:1: error: 'No downtime' says there is no recovery time (MSA 56(2)(3)) "
           "[no-downtime]");
    S_lint(fx, "ko/x.md", "ko", "다운타임 없는 시술입니다.\n", 1,
           ":9:1: error: '다운타임 없' 표현은 회복 기간이 없다는 뜻으로, 사실과 다릅니다 "
           "(MSA 56(2)(3)) [no-downtime]");
    char *text = xasprintf("%s다운타임 없는 시술입니다.\n", FM);
    lint_article(&fx->ctx, fx->s, "ko/x.md", "ko-KR", text, strlen(text), &fx->res);
    free(text);
    assert_int_equal(diag_count(fx->diags), 1);
    assert_string_equal(diag_get(fx->diags, 0)->lang, "ko-KR");
}

/* An article with title as its front matter's title. */
#define S_TITLED(title)                                                                        \
    "---\ntitle: \"" title "\"\nsummary: \"What a thread lift does.\"\ntopics: [anatomy]\n"    \
    "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"Medical review team\"\n---\nText.\n"

/* Lint text as a.md in lang; expect exactly the n diagnostics given (without a.md). */
static void S_lint_text(S_fix *fx, const char *lang, const char *text, size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    S_vlint(fx, "a.md", lang, text, n, ap);
    va_end(ap);
}

/* The whole title in quotation marks is a warning at the title, in the page's language. */
static void test_title_quoted(void **state)
{
    S_fix *fx = *state;
    S_lint_text(fx, "en", S_TITLED("“Thread lift”"), 1,
                ":2:8: warning: '“Thread lift”' the whole title is wrapped in quotation "
                "marks; write it without them [title-quoted]");
    S_lint_text(fx, "ko", S_TITLED("「실 리프팅」"), 1,
                ":2:8: warning: '「실 리프팅」' 제목 전체가 따옴표로 감싸여 있습니다. 따옴표 "
                "없이 쓰시기 바랍니다 [title-quoted]");
    /* Quoting part of a title is not flagged. */
    S_lint_text(fx, "en", S_TITLED("What does “downtime” mean?"), 0);
    S_lint_text(fx, "ko", S_TITLED("‘다운타임’이란 무엇인가요?"), 0);
    assert_true(lint_title_quoted("'Thread lift'"));
    assert_true(lint_title_quoted(" \"Thread lift\" "));
    assert_true(lint_title_quoted("‘실 리프팅’"));
    assert_false(lint_title_quoted("“A” and “B”"));
    assert_false(lint_title_quoted("“”"));
    assert_false(lint_title_quoted("“Thread lift\""));
    assert_false(lint_title_quoted("Thread lift"));
    assert_false(lint_title_quoted("\""));
    assert_false(lint_title_quoted(""));
}

/* Placeholders in English and Korean articles, with the findings expected. */
static void S_scaffold_placeholders(S_fix *fx)
{
    S_lint(fx, "en/x.md", "en",
           "Write two or three plain sentences: what this article explains and who it is "
           "for.\n\n## Risks\n\nRead this. Describe who may be suited to it, who should not "
           "have it, and why.\n",
           2,
           ":9:1: error: 'Write two or three plain sente…' is guidance suture new wrote for "
           "you; replace it with the article's own text [scaffold-placeholder]",
           ":13:12: error: 'Describe who may be suited to…' is guidance suture new wrote for "
           "you; replace it with the article's own text [scaffold-placeholder]");
    S_lint(fx, "ko/x.md", "ko",
           "어떤 분께 맞을 수 있는지, 어떤 분은 받지 않는 것이 좋은지와 그 이유를 적어 "
           "주십시오.\n\n<!-- translate: the text below is the English original. -->\n",
           2,
           ":9:1: error: '어떤 분께 맞을 수 있는지, 어떤 분은 받지 않는 것이…' 문장은 suture "
           "new가 넣은 안내 문구입니다. 글의 내용으로 바꾸시기 바랍니다 [scaffold-placeholder]",
           ":11:1: error: '<!-- translate: the text below…' 문장은 suture new가 넣은 안내 "
           "문구입니다. 글의 내용으로 바꾸시기 바랍니다 [scaffold-placeholder]");
    /* The sentence on results varying is the article's own. */
    S_lint(fx, "en/x.md", "en", "Results and recovery vary from person to person.\n", 0);
    /* The same guidance twice on a line, once more at the very end of the file. */
    S_lint(fx, "en/x.md", "en",
           "Describe who may be suited to it, who should not have it, and why.Describe who may "
           "be suited to it, who should not have it, and why.\n\nDescribe who may be suited to "
           "it, who should not have it, and why.",
           3,
           ":9:1: error: 'Describe who may be suited to…' is guidance suture new wrote for "
           "you; replace it with the article's own text [scaffold-placeholder]",
           ":9:67: error: 'Describe who may be suited to…' is guidance suture new wrote for "
           "you; replace it with the article's own text [scaffold-placeholder]",
           ":11:1: error: 'Describe who may be suited to…' is guidance suture new wrote for "
           "you; replace it with the article's own text [scaffold-placeholder]");
}

/* The guidance suture new writes, left in an article, is an error at its first character,
 * in the article's language, whichever language's guidance it is. */
static void test_scaffold_placeholders(void **state)
{
    S_scaffold_placeholders(*state);
}

/* The same findings when the placeholders are searched in one pass (as suture check does). */
static void test_scaffold_placeholders_one_pass(void **state)
{
    S_fix *fx = *state;
    prefilter_literals *all = lint_placeholders_new();
    assert_non_null(all);
    fx->ctx.placeholders = all;
    S_scaffold_placeholders(fx);
    fx->ctx.placeholders = NULL;
    prefilter_literals_free(all);
}

static void test_folder_language_wins_over_front_matter(void **state)
{
    S_fix *fx = *state;
    /* lang: en in the front matter of an article in ko/ (articlefiles_check reports that):
     * the folder's language is the one linted. */
    S_lint(fx, "ko/x.md", "ko", "", 0);
    char *text = xasprintf("%s", FM "최고\n");
    char *with_lang = tu_replace(text, "reviewer:", "lang: en\nreviewer:");
    lint_article(&fx->ctx, fx->s, "ko/x.md", "ko", with_lang, strlen(with_lang), &fx->res);
    assert_int_equal(diag_count(fx->diags), 1);
    assert_string_equal(diag_get(fx->diags, 0)->category, "korean-superlative");
    free(with_lang);
    free(text);
}

static void test_message_in_the_page_language(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "ko/x.md", "ko", "무통 시술입니다.\n", 1,
           ":9:1: error: '무통'처럼 통증이 없다는 표현은 쓸 수 없습니다 (MSA 56(2)(2)) "
           "[no-pain]");
    S_lint(fx, "en/x.md", "en", "It is painless.\n", 1,
           ":9:7: error: 'painless' says it does not hurt (MSA 56(2)(2)) [no-pain]");
    /* A language without its own message gets the English one. */
    S_lint(fx, "x.md", "ja", "painless\n", 1,
           ":9:1: error: 'painless' says it does not hurt (MSA 56(2)(2)) [no-pain]");
}

static void test_reading_grade_by_language(void **state)
{
    S_fix *fx = *state;
    fx->cfg->reading_grade_max = 1;
    /* Flesch–Kincaid only for English: the Korean article is not graded. */
    S_lint(fx, "ko/x.md", "ko", "피부 아래 지방층에 실을 넣습니다.\n", 0);
    assert_null(fx->res.reading.file);
    S_lint(fx, "en/x.md", "en", "Considerable inflammation.\n", 1,
           ":9:1: warning: reading grade 38.3 (Flesch–Kincaid) is above reading_grade_max 1; "
           "shorten the longest sentences (line 9) and prefer shorter words [reading-grade]");
    assert_string_equal(fx->res.reading.file, "en/x.md");
}

static void test_front_matter_kept(void **state)
{
    S_fix *fx = *state;
    S_lint(fx, "ko/x.md", "ko", "본문.\n", 0);
    assert_non_null(fx->res.fm);
    assert_string_equal(fx->res.fm->title, "Thread lifts");
    /* A front matter that does not parse leaves none. */
    const char *bad = "---\ntitle: [\n---\nbody\n";
    lint_article(&fx->ctx, fx->s, "ko/y.md", "ko", bad, strlen(bad), &fx->res);
    assert_null(fx->res.fm);
}

static void test_yaml_text_per_language(void **state)
{
    S_fix *fx = *state;
    static const char text[] = "procedures:\n"
                               "  - id: thread-lift\n"
                               "    name: {ko: 최고의 실리프팅, en: The best thread lift}\n"
                               "    note: 무통\n"
                               "languages:\n"
                               "  - code: en\n"
                               "    title: \"최고\"\n"
                               "    notices: {care: \"Painless, no downtime\"}\n";
    lint_yaml(&fx->ctx, fx->s, "p.yaml", text, sizeof text - 1, "ko", NULL, &fx->res);
    diag_list_sort(fx->diags);
    /* ko: the Korean rule fires; en: not, in the value and in the language entry; the
     * plain note is in the file's language (ko), with the Korean message; the English
     * entry's texts get the English messages (they got the file's Korean ones). */
    assert_int_equal(diag_count(fx->diags), 4);
    tu_expect_diag(fx->diags, 2,
                   "p.yaml:8:22: error: 'Painless' says it does not hurt (MSA 56(2)(2)) "
                   "[no-pain]");
    tu_expect_diag(fx->diags, 3,
                   "p.yaml:8:32: error: 'no downtime' says there is no recovery time "
                   "(MSA 56(2)(3)) [no-downtime]");
    tu_expect_diag(fx->diags, 0,
                   "p.yaml:3:16: error: '최고' is a superlative (MSA 56(2)(8)) "
                   "[korean-superlative]");
    tu_expect_diag(fx->diags, 1,
                   "p.yaml:4:11: error: '무통'처럼 통증이 없다는 표현은 쓸 수 없습니다 "
                   "(MSA 56(2)(2)) [no-pain]");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)
    const struct CMUnitTest tests[] = {
        T(test_korean_rule_on_korean_article_only),
        T(test_folder_language_wins_over_front_matter),
        T(test_message_in_the_page_language),
        T(test_reading_grade_by_language),
        T(test_front_matter_kept),
        T(test_yaml_text_per_language),
        T(test_phrase_first),
        T(test_title_quoted),
        T(test_scaffold_placeholders),
        T(test_scaffold_placeholders_one_pass),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
