/*
 * test_scaffold_translation.c: unit tests for scaffold.h's scaffold_translation (`suture
 * new translation`).
 *
 * Each test makes its own content folder under a temporary directory: a site in English
 * (the default here) and Korean, with one English article, dimpling.md, to translate.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "cli/scaffold.h"
#include "content/yamldoc.h"

#define TODAY "2026-12-07"

static char *S_root; /* the temporary folder of these tests; each has its own folder in it */

static int S_setup(void **state)
{
    (void)state;
    S_root = tu_tmpdir("translation");
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    return tu_tmpdir_remove(S_root);
}

/* English first (the default), then Korean: the other order from the clinic's. */
static const char S_site[] =
    "base_url: \"https://example.org/\"\n"
    "languages:\n"
    "  - code: en\n"
    "    title: \"Facial Lifting Explained\"\n"
    "    disclaimer: \"General information only.\"\n"
    "    notices: {before_after: \"Shown with consent.\"}\n"
    "  - code: ko\n"
    "    title: \"얼굴 리프팅 안내\"\n"
    "    disclaimer: \"일반적인 정보입니다.\"\n"
    "    notices: {before_after: \"동의를 받아 싣습니다.\"}\n"
    "review_max_age_days: 365\n"
    "translation_max_lag_days: 90\n"
    "topics:\n"
    "  - id: anatomy\n"
    "    title: {en: \"Facial anatomy\", ko: \"얼굴의 층 구조\"}\n"
    "    description: {en: \"Layers.\", ko: \"층 구조\"}\n"
    "  - id: thread-lift\n"
    "    title: {en: \"Thread lifts\", ko: \"실리프팅\"}\n"
    "    description: {en: \"Threads.\", ko: \"실\"}\n";

/* The English article every test translates. */
static const char S_source[] =
    "---\n"
    "title: \"Dimpling after a thread lift: \\\"why\\\"\"\n"
    "summary: \"Why the skin can pucker after a thread lift, and what helps.\"\n"
    "topics: [anatomy, thread-lift]\n"
    "procedures: [thread-lift]\n"
    "slug: dimpling-after-thread-lift\n"
    "date: 2026-10-01\n"
    "reviewed: 2026-11-20\n"
    "reviewer: \"Medical review team\"\n"
    "---\n"
    "Dimpling is a small dent in the skin.\n"
    "\n"
    "## Why it happens\n"
    "\n"
    "Results vary from person to person.\n";

/* A new content folder S_root/name: site.yaml, articles/en/dimpling.md (S_source). The
 * caller frees it. */
static char *S_content(const char *name)
{
    char *content = tu_subdir(S_root, name);
    char *en = tu_subdir(content, "articles/en");
    tu_put_file(content, "site.yaml", S_site);
    tu_put_file(en, "dimpling.md", S_source);
    free(en);
    return content;
}

/* The file's contents, or "(missing)"; the caller frees it. */
static char *S_read(const char *path)
{
    size_t len;
    char *text = file_read(path, &len);
    return text ? text : xstrdup("(missing)");
}

/* Translate source into lang, which must succeed; returns the new file's path. */
static char *S_translate(const char *content, const char *source, const char *lang)
{
    diag_list *diags = diag_list_new();
    char *path = NULL;
    assert_int_equal(scaffold_translation(content, source, lang, TODAY, diags, &path), 0);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(path);
    diag_list_free(diags);
    return path;
}

/* Expect scaffold_translation to fail with exactly the errors want (n of them). */
static void S_expect_errors(const char *content, const char *source, const char *lang,
                            const char *today, const char *const *want, size_t n)
{
    diag_list *diags = diag_list_new();
    char untouched[] = "untouched";
    char *path = untouched;
    assert_int_equal(scaffold_translation(content, source, lang, today, diags, &path), -1);
    assert_ptr_equal(path, untouched);
    assert_int_equal(diag_count(diags), n);
    for (size_t i = 0; i < n; i++)
        tu_expect_diag(diags, i, want[i]);
    diag_list_free(diags);
}

/* S_expect_errors with one error. */
static void S_expect_error(const char *content, const char *source, const char *lang,
                           const char *want)
{
    S_expect_errors(content, source, lang, TODAY, &want, 1);
}

/* Nothing was written for Korean: its folder was not even made. */
static void S_no_korean(const char *content)
{
    char *ko = path_join(content, "articles/ko");
    assert_false(path_exists(ko));
    free(ko);
}

/* ---- what is written ---- */

static void test_translation_into_korean(void **state)
{
    (void)state;
    char *content = S_content("into-ko");
    char *path = S_translate(content, "en/dimpling.md", "ko");
    char *want = xasprintf("%s/articles/ko/dimpling.md", content);
    assert_string_equal(path, want);
    char *text = S_read(path);
    assert_string_equal(
        text,
        "---\n"
        "# translate: title과 summary는 영어 원문 그대로입니다. 한국어로 옮겨 주십시오.\n"
        "title: \"Dimpling after a thread lift: \\\"why\\\"\"\n"
        "summary: \"Why the skin can pucker after a thread lift, and what helps.\"\n"
        "topics: [anatomy, thread-lift]\n"
        "procedures: [thread-lift]\n"
        "slug: dimpling-after-thread-lift\n"
        "date: 2026-12-07\n"
        "reviewed: 2026-12-07\n"
        "reviewer: \"Medical review team\"\n"
        "translation_of: en\n"
        "source_reviewed: 2026-11-20\n"
        "draft: true\n"
        "---\n"
        "<!-- translate: 아래 본문은 영어 원문입니다. 한국어로 옮긴 다음 이 주석을 지우고, "
        "맨 위 front matter의 'draft: true' 줄을 지워 주십시오. 그 전까지 이 글은 사이트에 "
        "실리지 않습니다. -->\n"
        "\n"
        "Dimpling is a small dent in the skin.\n"
        "\n"
        "## Why it happens\n"
        "\n"
        "Results vary from person to person.\n");
    /* The front matter reads back as YAML with the values a build sees. */
    const char *start = text + 4, *end = strstr(start, "\n---\n");
    assert_non_null(end);
    diag_list *diags = diag_list_new();
    ydoc *doc = ydoc_load(path, start, (size_t)(end - start) + 1, 1, 0, diags);
    assert_non_null(doc);
    assert_int_equal(diag_count(diags), 0);
    yaml_node_t *root = ydoc_root(doc);
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, root, "title")),
                        "Dimpling after a thread lift: \"why\"");
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, root, "translation_of")), "en");
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, root, "source_reviewed")), "2026-11-20");
    bool draft = false;
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "draft"), "'draft'", &draft));
    assert_true(draft);
    assert_int_equal(ydoc_line(doc, ydoc_map_get(doc, root, "translation_of")), 11);
    ydoc_free(doc);
    diag_list_free(diags);
    /* The source is untouched. */
    char *source = path_join(content, "articles/en/dimpling.md");
    char *again = S_read(source);
    assert_string_equal(again, S_source);
    free(again);
    free(source);
    free(text);
    free(want);
    free(path);
    free(content);
}

/* From Korean into English: the notes are in English, the optional fields left out when
 * the source has none, and the Korean title kept as it is. */
static void test_translation_into_english(void **state)
{
    (void)state;
    char *content = S_content("into-en");
    char *ko = tu_subdir(content, "articles/ko");
    tu_put_file(ko, "sillipeuting.md",
                "---\n"
                "title: \"실리프팅 후 회복\"\n"
                "summary: \"회복 과정을 설명합니다.\"\n"
                "topics: thread-lift\n"
                "date: 2026-09-01\n"
                "reviewed: 2026-09-02\n"
                "reviewer: \"의료진\"\n"
                "---\n"
                "회복은 사람마다 다릅니다.\n");
    char *path = S_translate(content, "ko/sillipeuting.md", "en");
    char *text = S_read(path);
    assert_string_equal(text,
                        "---\n"
                        "# translate: the title and summary are the Korean original's; "
                        "translate them into English.\n"
                        "title: \"실리프팅 후 회복\"\n"
                        "summary: \"회복 과정을 설명합니다.\"\n"
                        "topics: [thread-lift]\n"
                        "date: 2026-12-07\n"
                        "reviewed: 2026-12-07\n"
                        "reviewer: \"의료진\"\n"
                        "translation_of: ko\n"
                        "source_reviewed: 2026-09-02\n"
                        "draft: true\n"
                        "---\n"
                        "<!-- translate: the text below is the Korean original. Translate it "
                        "into English, then delete this comment and the line 'draft: true' at "
                        "the top; until then the article is not published. -->\n"
                        "\n"
                        "회복은 사람마다 다릅니다.\n");
    free(text);
    free(path);
    free(ko);
    free(content);
}

/* The source may be named from the current folder, as a shell completes it, or by an
 * absolute path. */
static void test_source_named_from_current_folder(void **state)
{
    (void)state;
    char *content = S_content("from-cwd");
    char *cwd = getcwd(NULL, 0);
    assert_int_equal(chdir(S_root), 0);
    char *path = S_translate("from-cwd", "from-cwd/articles/en/dimpling.md", "ko");
    assert_string_equal(path, "from-cwd/articles/ko/dimpling.md");
    free(path);
    assert_int_equal(chdir(content), 0);
    assert_int_equal(unlink("articles/ko/dimpling.md"), 0);
    path = S_translate(".", "./articles/en/dimpling.md", "ko");
    assert_string_equal(path, "./articles/ko/dimpling.md");
    free(path);
    assert_int_equal(chdir(cwd), 0);
    char *absolute = path_join(content, "articles/en/dimpling.md");
    char *target = path_join(content, "articles/ko/dimpling.md");
    assert_int_equal(unlink(target), 0);
    path = S_translate(content, absolute, "ko");
    assert_string_equal(path, target);
    free(path);
    free(target);
    free(absolute);
    free(cwd);
    free(content);
}

/* ---- errors ---- */

static void test_one_language_site(void **state)
{
    (void)state;
    char *content = S_content("one-language");
    tu_put_file(content, "site.yaml",
                "title: \"Facial Lifting Explained\"\n"
                "base_url: \"https://example.org/\"\n"
                "language: en\n"
                "review_max_age_days: 365\n"
                "topics: [{id: anatomy, title: \"Anatomy\", description: \"Layers.\"}]\n"
                "disclaimer: \"General information only.\"\n"
                "notices: {before_after: \"Shown with consent.\"}\n");
    char *want = xasprintf("%s/site.yaml: error: this site is in one language: it declares no "
                           "'languages:', so there is no other language to translate into; to "
                           "translate articles, declare the site's languages under "
                           "'languages:' (the first is the default)",
                           content);
    S_expect_error(content, "en/dimpling.md", "ko", want);
    S_no_korean(content);
    free(want);
    free(content);
}

static void test_lang_errors(void **state)
{
    (void)state;
    char *content = S_content("lang");
    char *want = xasprintf("suture: error: --lang 'ja' is not a language of this site; "
                           "%s/site.yaml declares en, ko: use one of them, or add 'ja' under "
                           "'languages:' in %s/site.yaml",
                           content, content);
    S_expect_error(content, "en/dimpling.md", "ja", want);
    free(want);
    want = xasprintf("%s/articles/en/dimpling.md: error: this article is already in en; give "
                     "--lang the language to translate it into: ko",
                     content);
    S_expect_error(content, "en/dimpling.md", "EN", want);
    free(want);
    S_no_korean(content);
    free(content);
}

static void test_source_missing(void **state)
{
    (void)state;
    char *content = S_content("missing");
    char *want = xasprintf("%s/articles/en/dimpling-after.md: error: there is no such article; "
                           "did you mean 'en/dimpling.md'?",
                           content);
    S_expect_error(content, "en/dimpling-after.md", "ko", want);
    free(want);
    /* Without .md, and named from the current folder. */
    char *source = xasprintf("%s/articles/en/dimpling", content);
    want = xasprintf("%s/articles/en/dimpling: error: there is no such article; did you mean "
                     "'en/dimpling.md'?",
                     content);
    S_expect_error(content, source, "ko", want);
    free(want);
    free(source);
    /* In the wrong language's folder. */
    want = xasprintf("%s/articles/ko/dimpling.md: error: there is no such article; did you "
                     "mean 'en/dimpling.md'?",
                     content);
    S_expect_error(content, "ko/dimpling.md", "en", want);
    free(want);
    want = xasprintf("%s/articles/en/thread-lift-recovery.md: error: there is no such article; "
                     "name one of the files in %s/articles/en, as en/<file>.md",
                     content, content);
    S_expect_error(content, "en/thread-lift-recovery.md", "ko", want);
    free(want);
    S_no_korean(content);
    free(content);
}

static void test_source_not_in_a_language_folder(void **state)
{
    (void)state;
    char *content = S_content("no-folder");
    char *want = xasprintf("suture: error: 'dimpling.md' names no language folder; name the "
                           "article with its language's folder, as en/dimpling.md (relative "
                           "to %s/articles)",
                           content);
    S_expect_error(content, "dimpling.md", "ko", want);
    free(want);
    want = xasprintf("suture: error: 'other.md' names no language folder; name the article "
                     "with its language's folder, for example en/other.md (relative to "
                     "%s/articles)",
                     content);
    S_expect_error(content, "other.md", "ko", want);
    free(want);
    want = xasprintf("suture: error: 'fr' in 'fr/dimpling.md' is not a language of this site; "
                     "%s/site.yaml declares en, ko: name the article in one of their folders",
                     content);
    S_expect_error(content, "fr/dimpling.md", "ko", want);
    free(want);
    /* A real file outside the articles folder. */
    char *outside = path_join(content, "site.yaml");
    want = xasprintf("%s: error: this file is not in %s/articles; name an article in the "
                     "folder of its language, for example en/site.yaml",
                     outside, content);
    S_expect_error(content, outside, "ko", want);
    free(want);
    free(outside);
    /* A folder where the article should be. */
    free(tu_subdir(content, "articles/en/folder.md"));
    want = xasprintf("%s/articles/en/folder.md: error: this is a folder, not an article; name "
                     "an article, a file ending in .md",
                     content);
    S_expect_error(content, "en/folder.md", "ko", want);
    free(want);
    S_no_korean(content);
    free(content);
}

/* A translation is never overwritten. */
static void test_target_exists(void **state)
{
    (void)state;
    char *content = S_content("exists");
    char *ko = tu_subdir(content, "articles/ko");
    char *existing = tu_write_file(ko, "dimpling.md", "the translator's work\n");
    char *want = xasprintf("%s: error: this translation already exists; edit it, or delete it "
                           "first to start again from the source",
                           existing);
    S_expect_error(content, "en/dimpling.md", "ko", want);
    char *text = S_read(existing);
    assert_string_equal(text, "the translator's work\n");
    free(text);
    free(want);
    free(existing);
    free(ko);
    free(content);
}

/* A translation is translated from its original, never from another translation. */
static void test_source_is_a_translation(void **state)
{
    (void)state;
    char *content = S_content("chain");
    tu_put_file(content, "site.yaml",
                "base_url: \"https://example.org/\"\n"
                "languages:\n"
                "  - {code: en, title: \"T\", disclaimer: \"D\", notices: {before_after: \"N\"}}\n"
                "  - {code: ko, title: \"T\", disclaimer: \"D\", notices: {before_after: \"N\"}}\n"
                "  - {code: ja, title: \"T\", disclaimer: \"D\", notices: {before_after: \"N\"}}\n"
                "review_max_age_days: 365\n"
                "translation_max_lag_days: 90\n"
                "topics:\n"
                "  - id: anatomy\n"
                "    title: {en: \"Anatomy\", ko: \"얼굴의 층 구조\", ja: \"顔の構造\"}\n"
                "    description: {en: \"L\", ko: \"L\", ja: \"L\"}\n");
    char *ko = tu_subdir(content, "articles/ko");
    char *source = tu_replace(S_source, "reviewer: \"Medical review team\"\n",
                              "reviewer: \"의료진\"\ntranslation_of: en\n"
                              "source_reviewed: 2026-11-20\n");
    char *path = tu_write_file(ko, "dimpling.md", source);
    char *want = xasprintf("%s:10:17: error: this article is itself a translation "
                           "(translation_of: en); translate from the original: "
                           "%s/articles/en/dimpling.md, with suture new translation "
                           "en/dimpling.md --lang ja",
                           path, content);
    S_expect_error(content, "ko/dimpling.md", "ja", want);
    free(want);
    want = xasprintf("%s:10:17: error: this article is itself a translation (translation_of: "
                     "en); translate from the original: %s/articles/en/dimpling.md, which is "
                     "already in en",
                     path, content);
    S_expect_error(content, "ko/dimpling.md", "en", want);
    free(want);
    free(path);
    free(source);
    free(ko);
    free(content);
}

/* The source's own front matter must be right before it is copied. */
static void test_source_front_matter_errors(void **state)
{
    (void)state;
    char *content = S_content("broken");
    char *en = path_join(content, "articles/en");
    char *source = tu_replace(S_source, "reviewer: \"Medical review team\"\n", "");
    char *path = tu_write_file(en, "broken.md", source);
    char *want = xasprintf("%s:1:1: error: the front matter has no 'reviewer'; every article "
                           "needs one: add a line 'reviewer: ...' between the two '---' lines "
                           "[front-matter]",
                           path);
    S_expect_error(content, "en/broken.md", "ko", want);
    S_no_korean(content);
    free(want);
    free(path);
    free(source);
    free(en);
    free(content);
}

/* Every mistake is reported in one run, not only the first. */
static void test_reports_every_mistake(void **state)
{
    (void)state;
    char *content = S_content("every");
    char *lang = xasprintf("suture: error: --lang 'kr' is not a language of this site; did you "
                           "mean 'ko'? %s/site.yaml declares en, ko: use one of them, or add "
                           "'kr' under 'languages:' in %s/site.yaml",
                           content, content);
    char *missing = xasprintf("%s/articles/en/dimplin.md: error: there is no such article; did "
                              "you mean 'en/dimpling.md'?",
                              content);
    const char *want[] = {lang, missing};
    S_expect_errors(content, "en/dimplin.md", "kr", TODAY, want, 2);
    free(missing);
    free(lang);
    /* A wrong date and no articles folder, before site.yaml is read. */
    char *nowhere = path_join(S_root, "nowhere");
    char *folder = xasprintf("%s/articles: error: there is no articles folder here; run suture "
                             "in the project folder (the one that holds content/), or pass "
                             "--content with the content folder",
                             nowhere);
    const char *want2[] = {"suture: error: '2026-12-32' is not a valid date written as "
                           "YYYY-MM-DD",
                           folder};
    S_expect_errors(nowhere, "en/dimpling.md", "ko", "2026-12-32", want2, 2);
    free(folder);
    free(nowhere);
    S_no_korean(content);
    free(content);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translation_into_korean),
        cmocka_unit_test(test_translation_into_english),
        cmocka_unit_test(test_source_named_from_current_folder),
        cmocka_unit_test(test_one_language_site),
        cmocka_unit_test(test_lang_errors),
        cmocka_unit_test(test_source_missing),
        cmocka_unit_test(test_source_not_in_a_language_folder),
        cmocka_unit_test(test_target_exists),
        cmocka_unit_test(test_source_is_a_translation),
        cmocka_unit_test(test_source_front_matter_errors),
        cmocka_unit_test(test_reports_every_mistake),
    };
    return cmocka_run_group_tests_name("scaffold_translation", tests, S_setup, S_teardown);
}
