/*
 * test_check_lang.c: `suture check` on a site in two languages (issue 16), end to end, on
 * tests/fixtures/check-bilingual (Korean at content/articles/ko/, English at
 * content/articles/en/): each article is linted in its folder's language, with the rules
 * and messages of that language; a translation behind its source is a warning, then an
 * error after translation_max_lag_days, counted to SUTURE_TODAY; every mistake of the
 * articles' languages surfaces with file:line:column; --explain explains the new rules.
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

#define KO "content/articles/ko/"
#define EN "content/articles/en/"

static char *S_root(void)
{
    const char *root = getenv("SUTURE_ROOT");
    return xstrdup(root && *root ? root : ".");
}

/* A temporary folder holding a copy of the bilingual check fixture as content/. */
static char *S_fixture(void)
{
    char *dir = e2e_tmpdir();
    assert_non_null(dir);
    char *root = S_root();
    char *from = path_join(root, "tests/fixtures/check-bilingual/content");
    char *to = path_join(dir, "content");
    assert_int_equal(copy_tree(from, to, NULL, NULL), 0);
    free(from);
    free(to);
    free(root);
    return dir;
}

static void S_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* Run suture check in dir on day today; return its exit status and stderr in *err. */
static int S_check(const char *dir, const char *today, char **err)
{
    setenv("SUTURE_TODAY", today, 1);
    const char *args[] = {"check", NULL};
    int status = e2e_run(dir, args, err);
    unsetenv("SUTURE_TODAY");
    return status;
}

static void S_expect_line(const char *err, const char *line)
{
    if (!e2e_has_line(err, line))
        fail_msg("no line\n%s\nin:\n%s", line, err);
}

#define STALE_KO                                                                               \
    KO "thread-lift.md:9:18: warning: 이 번역은 2026-11-20에 검토된 영어 원문("                \
       EN "thread-lift.md)을 옮긴 것인데, 원문이 2026-12-01에 다시 검토된 뒤로 번역이 갱신되지 " \
       "않았습니다(5일 지남, 허용 기간 90일). 원문에서 바뀐 내용을 번역에 반영하고 "           \
       "source_reviewed 값을 2026-12-01로 고치세요. [translation-stale]"

static void test_lint_in_the_language_of_the_text(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *err = NULL;
    assert_int_equal(S_check(dir, "2026-12-06", &err), 1);
    /* The Korean rule fires on the Korean article, and not on the same word in the
     * English one; the English rule the other way round. */
    S_expect_line(err, KO "claims.md:9:4: error: 최상급 표현('최고')은 입증할 수 없는 과장 "
                          "광고입니다. 시술 내용을 객관적으로 설명하세요. "
                          "[korean-superlative]");
    assert_null(strstr(err, EN "claims.md:9:25:"));
    S_expect_line(err, EN "claims.md:9:53: warning: 'guaranteed' promises a result; say what "
                          "usually happens and that results vary "
                          "[english-guarantee]");
    /* A rule with a message per language speaks the page's language. */
    S_expect_line(err, KO "claims.md:9:8: error: '무통'처럼 통증이 없다는 표현은 사실과 "
                          "다릅니다. 마취 방법과 예상되는 통증을 설명하세요. [no-pain]");
    S_expect_line(err, EN "claims.md:9:38: error: 'painless' says the treatment does not hurt; "
                          "say what anaesthesia is used and what discomfort to expect "
                          "[no-pain]");
    /* Flesch–Kincaid grades the English articles only; the Korean one is measured in 어절. */
    const char *ko_list = strstr(err, "reading length (Korean");
    const char *en_list = strstr(err, "reading grade (Flesch");
    assert_non_null(ko_list);
    assert_non_null(en_list);
    const char *ko_line = strstr(err, "  " KO "claims.md (");
    const char *en_line = strstr(err, "  " EN "claims.md (");
    assert_non_null(ko_line);
    assert_non_null(en_line);
    assert_true(ko_line > ko_list && (en_list < ko_list || ko_line < en_list));
    assert_true(en_line > en_list && (ko_list < en_list || en_line < ko_list));
    S_expect_line(err, STALE_KO);
    S_expect_line(err, "suture check: 6 files, 3 errors, 2 warnings, 0 suppressed");
    free(err);
    S_done(dir);
}

static void test_staleness_by_date(void **state)
{
    (void)state;
    char *dir = S_fixture();
    /* Without the claims, the stale translation alone: a warning, exit 0. */
    const char *claims[] = {KO "claims.md", EN "claims.md"};
    for (size_t i = 0; i < 2; i++) {
        char *path = path_join(dir, claims[i]);
        assert_int_equal(unlink(path), 0);
        free(path);
    }
    char *err = NULL;
    assert_int_equal(S_check(dir, "2026-12-06", &err), 0);
    S_expect_line(err, STALE_KO);
    S_expect_line(err, "suture check: 4 files, 0 errors, 1 warning, 0 suppressed");
    free(err);
    /* 91 days after the source's review: an error. */
    assert_int_equal(S_check(dir, "2027-03-02", &err), 1);
    S_expect_line(err, KO "thread-lift.md:9:18: error: 이 번역은 2026-11-20에 검토된 영어 원문("
                          EN "thread-lift.md)을 옮긴 것인데, 원문이 2026-12-01에 다시 검토된 뒤 "
                          "91일이 지나도록 번역이 갱신되지 않아 허용 기간"
                          "(translation_max_lag_days, 90일)을 넘었습니다. 원문에서 바뀐 내용을 "
                          "번역에 반영하고 source_reviewed 값을 2026-12-01로 고치세요. "
                          "[translation-overdue]");
    free(err);
    /* Brought up to date: nothing. */
    assert_true(e2e_edit(dir, KO "thread-lift.md", "source_reviewed: 2026-11-20",
                         "source_reviewed: 2026-12-01"));
    assert_int_equal(S_check(dir, "2027-03-02", &err), 0);
    S_expect_line(err, "suture check: 4 files, 0 errors, 0 warnings, 0 suppressed");
    free(err);
    /* An English translation of a Korean source gets its message in English. */
    assert_true(e2e_edit(dir, KO "thread-lift.md", "translation_of: en\nsource_reviewed: "
                                                   "2026-12-01\n", ""));
    assert_true(e2e_edit(dir, EN "thread-lift.md", "reviewed: 2026-12-01\n",
                         "reviewed: 2026-12-01\ntranslation_of: ko\n"
                         "source_reviewed: 2026-11-01\n"));
    assert_int_equal(S_check(dir, "2026-12-06", &err), 0);
    S_expect_line(err, EN "thread-lift.md:8:18: warning: this translation follows the Korean "
                          "source, " KO "thread-lift.md, as reviewed on 2026-11-01, but the "
                          "source was reviewed again on 2026-11-20, 16 days ago "
                          "(translation_max_lag_days allows 90); bring the source's changes "
                          "into the translation and set source_reviewed to 2026-11-20 "
                          "[translation-stale]");
    free(err);
    S_done(dir);
}

static void test_staleness_in_json_and_sarif(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *out = path_join(dir, "report.out");
    char *err = NULL;
    setenv("SUTURE_TODAY", "2026-12-06", 1);
    const char *json_args[] = {"check", "--format", "json", NULL};
    assert_int_equal(e2e_run_to(dir, json_args, out, &err), 1);
    json_error_t jerr;
    json_t *root = json_load_file(out, 0, &jerr);
    assert_non_null(root);
    json_t *d;
    size_t i;
    bool found = false;
    json_array_foreach(json_object_get(root, "diagnostics"), i, d) {
        if (strcmp(json_string_value(json_object_get(d, "rule")), "translation-stale") != 0)
            continue;
        found = true;
        assert_string_equal(json_string_value(json_object_get(d, "file")), KO "thread-lift.md");
        assert_int_equal(json_integer_value(json_object_get(d, "line")), 9);
        assert_int_equal(json_integer_value(json_object_get(d, "column")), 18);
        assert_string_equal(json_string_value(json_object_get(d, "severity")), "warning");
        assert_string_equal(json_string_value(json_object_get(d, "reference")),
                            "README.md, 'Two languages': translation_max_lag_days in content/site.yaml");
    }
    assert_true(found);
    json_decref(root);
    free(err);
    const char *sarif_args[] = {"check", "--format", "sarif", NULL};
    assert_int_equal(e2e_run_to(dir, sarif_args, out, &err), 1);
    unsetenv("SUTURE_TODAY");
    root = json_load_file(out, 0, &jerr);
    assert_non_null(root);
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    json_t *rules = json_object_get(json_object_get(json_object_get(run, "tool"), "driver"),
                                    "rules");
    found = false;
    json_array_foreach(rules, i, d) {
        if (strcmp(json_string_value(json_object_get(d, "id")), "translation-stale") == 0) {
            found = true;
            assert_string_equal(json_string_value(json_object_get(
                                    json_object_get(d, "shortDescription"), "text")),
                                "A translation's source has been reviewed again since the "
                                "version it translates.");
        }
    }
    assert_true(found);
    json_decref(root);
    free(err);
    free(out);
    S_done(dir);
}

/* Each mistake of an article's language, as `suture check` reports it. */
static void test_article_language_errors(void **state)
{
    (void)state;
    char *dir = S_fixture();
    static const char fm[] = "---\ntitle: \"T\"\nsummary: \"S.\"\ntopics: [thread-lift]\n"
                             "date: 2026-11-01\nreviewed: 2026-11-20\nreviewer: \"R\"\n";
    struct {
        const char *rel, *extra;
    } files[] = {
        {KO "lang.md", "lang: en\n"},
        {KO "missing.md", "translation_of: en\nsource_reviewed: 2026-11-20\n"},
        {KO "own.md", "translation_of: ko\nsource_reviewed: 2026-11-20\n"},
        {KO "french.md", "translation_of: fr\nsource_reviewed: 2026-11-20\n"},
        {"content/articles/stray.md", ""},
        {"content/articles/fr/x.md", ""},
        {"content/articles/drafts/x.md", ""},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char *path = path_join(dir, files[i].rel);
        char *folder = xstrndup(path, (size_t)(strrchr(path, '/') - path));
        assert_int_equal(mkdir_p(folder), 0);
        char *text = xasprintf("%s%s---\nBody.\n", fm, files[i].extra);
        assert_int_equal(file_write(path, text, strlen(text)), 0);
        free(text);
        free(folder);
        free(path);
    }
    char *err = NULL;
    assert_int_equal(S_check(dir, "2026-12-06", &err), 1);
    S_expect_line(err, KO "lang.md:8:7: error: 'lang: en' disagrees with this article's "
                          "folder, " KO ": its language is ko; remove 'lang', or move the "
                          "article into the folder of its language");
    S_expect_line(err, KO "missing.md:8:17: error: this translation's source, en/missing.md, "
                          "does not exist; a translation has the same file name as its source, "
                          "in the source language's folder");
    S_expect_line(err, KO "own.md:8:17: error: an article cannot translate its own language, "
                          "ko; name the language of its source");
    S_expect_line(err, KO "french.md:8:17: error: 'translation_of: fr' names a language "
                          "site.yaml does not declare; name the language of the source, one of "
                          "its 'languages'");
    S_expect_line(err, "content/articles/stray.md: error: this article is in no language "
                       "folder; move it into content/articles/ko/, or the folder of its "
                       "language");
    S_expect_line(err, "content/articles/fr: error: this is a folder of articles in 'fr', a "
                       "language site.yaml does not declare; declare it under 'languages' in "
                       "site.yaml, or move its articles into a declared language's folder");
    S_expect_line(err, "content/articles/drafts: error: this folder is not a language's; "
                       "articles go in one folder per language of site.yaml: ko, en");
    free(err);
    S_done(dir);
}

/* An unknown topic in a Korean article is named in Korean, with particles that fit any id
 * ('…'(이)라는, '…'을(를)): a Latin id may be read with or without a final consonant. */
static void test_unknown_topic_in_korean(void **state)
{
    (void)state;
    char *dir = S_fixture();
    assert_true(e2e_edit(dir, KO "thread-lift.md", "topics: [thread-lift]",
                         "topics: [thread-lft]"));
    char *err = NULL;
    assert_int_equal(S_check(dir, "2026-12-06", &err), 1);
    const char *want = "error: 'thread-lft'(이)라는 주제가 없습니다. 'thread-lift'을(를) 쓰려던 "
                       "것인가요? ";
    const char *at = strstr(err, want);
    if (!at || at - err < (ptrdiff_t)strlen(KO) || !strstr(err, KO "thread-lift.md:"))
        fail_msg("no Korean unknown-topic error in:\n%s", err);
    free(err);
    S_done(dir);
}

static void test_suture_today(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *err = NULL;
    assert_int_equal(S_check(dir, "6 Dec 2026", &err), 2);
    assert_string_equal(err, "suture: SUTURE_TODAY must be a date written YYYY-MM-DD, such as "
                             "2026-12-06, not '6 Dec 2026'; unset it to count to today\n");
    free(err);
    S_done(dir);
}

static void test_explain(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *out = path_join(dir, "explain.out");
    char *err = NULL;
    const char *builtin[] = {"check", "--explain", "translation-overdue", NULL};
    assert_int_equal(e2e_run_to(dir, builtin, out, &err), 0);
    size_t len;
    char *text = file_read(out, &len);
    assert_true(strncmp(text, "translation-overdue (error; built into suture)\n", 47) == 0);
    free(text);
    free(err);
    const char *site[] = {"check", "--explain", "site-hreflang", NULL};
    assert_int_equal(e2e_run_to(dir, site, out, &err), 0);
    text = file_read(out, &len);
    assert_true(strncmp(text, "site-hreflang (error; built into suture)\n", 41) == 0);
    free(text);
    free(err);
    /* A rule of the content's compliance.yaml, with its message in each language. */
    const char *rule[] = {"check", "--explain", "no-pain", NULL};
    assert_int_equal(e2e_run_to(dir, rule, out, &err), 0);
    text = file_read(out, &len);
    assert_true(e2e_has_line(text, "no-pain (error, patterns; content/compliance.yaml:18)"));
    assert_non_null(strstr(text, "\n  Message (ko): '<phrase>'처럼 통증이 없다는 표현은 "));
    assert_non_null(strstr(text, "\n  References: Medical Service Act (Korea) art. 56(2)(3)\n"));
    free(text);
    free(err);
    /* --lang: the Korean text only; a code that is not one, or without --explain: usage. */
    const char *ko[] = {"check", "--explain", "no-pain", "--lang", "ko", NULL};
    assert_int_equal(e2e_run_to(dir, ko, out, &err), 0);
    text = file_read(out, &len);
    assert_non_null(strstr(text, "\n  Message (ko): "));
    assert_null(strstr(text, "(en)"));
    free(text);
    free(err);
    const char *bad[] = {"check", "--explain", "no-pain", "--lang", "k o", NULL};
    assert_int_equal(e2e_run(dir, bad, &err), 2);
    assert_string_equal(err, "suture: --lang must be a language code such as ko or en, not "
                             "'k o'\n");
    free(err);
    const char *alone[] = {"check", "--lang", "ko", NULL};
    assert_int_equal(e2e_run(dir, alone, &err), 2);
    assert_string_equal(err, "suture: --lang goes with --explain RULE (a finding is always "
                             "in its page's language)\n");
    free(err);
    const char *unknown[] = {"check", "--explain", "translation-stal", NULL};
    assert_int_equal(e2e_run_to(dir, unknown, out, &err), 1);
    assert_string_equal(err, "suture: there is no rule 'translation-stal'; did you mean "
                             "'translation-stale'?\n");
    free(err);
    free(out);
    S_done(dir);
}

/* --verbose: each finding's references (and explanation, when the rule has one) under it,
 * labelled in the finding's language. */
static void test_verbose(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *err = NULL;
    setenv("SUTURE_TODAY", "2026-12-06", 1);
    const char *args[] = {"check", "--verbose", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 1);
    unsetenv("SUTURE_TODAY");
    assert_non_null(strstr(err, "설명하세요. [no-pain]\n  근거: Medical Service Act (Korea) "
                                "art. 56(2)(3)\n"));
    assert_non_null(strstr(err, "expect [no-pain]\n  References: Medical Service Act (Korea) "
                                "art. 56(2)(3)\n"));
    free(err);
    S_done(dir);
}

/* A site.yaml whose disclaimers are those of tests/fixtures/site-verify/bilingual, written
 * as Markdown over two lines. */
static const char S_site_yaml[] =
    "base_url: \"https://example.org/\"\n"
    "languages:\n"
    "  - code: ko\n"
    "    title: \"얼굴 리프팅 안내\"\n"
    "    disclaimer: |\n"
    "      일반 정보이며\n"
    "      진료를 대신하지 않습니다.\n"
    "    notices: {before_after: \"동의를 받아 싣습니다.\"}\n"
    "  - code: en\n"
    "    title: \"Facial Lifting Explained\"\n"
    "    disclaimer: |\n"
    "      General information, *not* medical advice.\n"
    "    notices: {before_after: \"Shown with consent.\"}\n"
    "review_max_age_days: 365\n"
    "translation_max_lag_days: 90\n"
    "topics:\n"
    "  - id: thread-lift\n"
    "    title: {ko: 실리프팅, en: Thread lifts}\n"
    "    description: {ko: 실로 당기는 시술, en: Lifting with threads.}\n";

static void test_site_in_two_languages(void **state)
{
    (void)state;
    char *dir = e2e_tmpdir();
    char *root = S_root();
    char *from = path_join(root, "tests/fixtures/site-verify/bilingual");
    char *site = path_join(dir, "site");
    assert_int_equal(copy_tree(from, site, NULL, NULL), 0);
    char *content = path_join(dir, "content");
    assert_int_equal(mkdir_p(content), 0);
    char *yaml = path_join(content, "site.yaml");
    assert_int_equal(file_write(yaml, S_site_yaml, strlen(S_site_yaml)), 0);
    char *err = NULL;
    const char *args[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 0);
    S_expect_line(err, "suture check: 5 files, 0 errors, 0 warnings, 0 suppressed");
    free(err);
    /* The English home with the Korean disclaimer. */
    assert_true(e2e_edit(dir, "site/en/index.html", "General information, not medical advice.",
                         "일반 정보이며 진료를 대신하지 않습니다."));
    assert_int_equal(e2e_run(dir, args, &err), 1);
    S_expect_line(err, "site/en/index.html:15:1: error: this page is in en (<html lang=\"en\">), "
                       "but its medical disclaimer is the one in ko; put the en disclaimer from "
                       "site.yaml here (a page built by suture has it) [site-disclaimer-language]");
    S_expect_line(err, "suture check: 5 files, 1 error, 0 warnings, 0 suppressed");
    free(err);
    /* An alternate to a page that does not exist, in JSON. */
    assert_true(e2e_edit(dir, "site/index.html", "href=\"https://example.org/en/\"",
                         "href=\"https://example.org/en/missing/\""));
    char *out = path_join(dir, "report.json");
    const char *json[] = {"check", "--site", "site", "--format", "json", NULL};
    assert_int_equal(e2e_run_to(dir, json, out, &err), 1);
    size_t len;
    char *text = file_read(out, &len);
    assert_non_null(strstr(text, "\"rule\": \"site-hreflang\""));
    assert_non_null(strstr(text, "\"rule\": \"site-disclaimer-language\""));
    free(text);
    free(out);
    free(err);
    free(yaml);
    free(content);
    free(site);
    free(from);
    free(root);
    S_done(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lint_in_the_language_of_the_text),
        cmocka_unit_test(test_staleness_by_date),
        cmocka_unit_test(test_staleness_in_json_and_sarif),
        cmocka_unit_test(test_article_language_errors),
        cmocka_unit_test(test_unknown_topic_in_korean),
        cmocka_unit_test(test_suture_today),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_verbose),
        cmocka_unit_test(test_site_in_two_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
