/*
 * test_new_translation.c: end-to-end tests of `suture new translation` (issue 16): the file
 * it writes, what it says, its usage errors (exit status 2) and its errors (1), on a site
 * in Korean (the default) and English holding one English article.
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

static const char S_source[] =
    "---\n"
    "title: \"Dimpling after a thread lift\"\n"
    "summary: \"Why the skin can pucker after a thread lift, and what helps.\"\n"
    "topics: [thread-lift]\n"
    "procedures: [thread-lift]\n"
    "date: 2026-10-01\n"
    "reviewed: 2026-11-20\n"
    "reviewer: \"Medical review team\"\n"
    "---\n"
    "Dimpling is a small dent in the skin.\n";

/* Write text into the file rel under dir, making its folder. */
static void S_put(const char *dir, const char *rel, const char *text)
{
    char *path = path_join(dir, rel);
    char *folder = xstrdup(path);
    *strrchr(folder, '/') = '\0';
    assert_int_equal(mkdir_p(folder), 0);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    free(folder);
    free(path);
}

/* A new project in Korean and English (e2e_bilingual_project) with one English article,
 * content/articles/en/dimpling.md. */
static char *S_project(void)
{
    char *dir = e2e_bilingual_project();
    assert_non_null(dir);
    S_put(dir, "content/articles/en/dimpling.md", S_source);
    return dir;
}

/* Run suture with args in dir: it must exit with status and print exactly want. */
static void S_expect(const char *dir, const char *const *args, int status, const char *want)
{
    char *err = NULL;
    assert_int_equal(e2e_run(dir, args, &err), status);
    assert_string_equal(err, want);
    free(err);
}

/* The file rel under dir (the caller frees it), or NULL. */
static char *S_read(const char *dir, const char *rel)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    return text;
}

static void test_new_translation(void **state)
{
    (void)state;
    char *dir = S_project();
    setenv("SOURCE_DATE_EPOCH", "1796601600", 1); /* 2026-12-07 */
    const char *args[] = {"new", "translation", "en/dimpling.md", "--lang", "ko", NULL};
    S_expect(dir, args, 0,
             "suture: wrote content/articles/ko/dimpling.md, marked 'draft: true'; translate "
             "its title, summary and text, then delete the line 'draft: true'\n");
    char *text = S_read(dir, "content/articles/ko/dimpling.md");
    assert_non_null(text);
    assert_string_equal(
        text,
        "---\n"
        "# translate: title과 summary는 영어 원문 그대로입니다. 한국어로 옮겨 주십시오.\n"
        "title: \"Dimpling after a thread lift\"\n"
        "summary: \"Why the skin can pucker after a thread lift, and what helps.\"\n"
        "topics: [thread-lift]\n"
        "procedures: [thread-lift]\n"
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
        "Dimpling is a small dent in the skin.\n");
    free(text);
    /* Never over an existing translation, however the source is named. */
    const char *again[] = {"new", "translation", "content/articles/en/dimpling.md", "--lang",
                           "ko", NULL};
    S_expect(dir, again, 1,
             "content/articles/ko/dimpling.md: error: this translation already exists; edit "
             "it, or delete it first to start again from the source\n");
    /* A translation is not translated again. */
    const char *chain[] = {"new", "translation", "ko/dimpling.md", "--lang", "en", NULL};
    S_expect(dir, chain, 1,
             "content/articles/ko/dimpling.md:10:17: error: this article is itself a "
             "translation (translation_of: en); translate from the original: "
             "content/articles/en/dimpling.md, which is already in en\n");
    unsetenv("SOURCE_DATE_EPOCH");
    remove_tree(dir);
    free(dir);
}

static void test_new_translation_errors(void **state)
{
    (void)state;
    char *dir = S_project();
    const char *same[] = {"new", "translation", "en/dimpling.md", "--lang", "en", NULL};
    S_expect(dir, same, 1,
             "content/articles/en/dimpling.md: error: this article is already in en; give "
             "--lang the language to translate it into: ko\n");
    const char *undeclared[] = {"new", "translation", "en/dimpling.md", "--lang", "ja", NULL};
    S_expect(dir, undeclared, 1,
             "suture: error: --lang 'ja' is not a language of this site; content/site.yaml "
             "declares ko, en: use one of them, or add 'ja' under 'languages:' in "
             "content/site.yaml\n");
    const char *missing[] = {"new", "translation", "en/dimple.md", "--lang", "ko", NULL};
    S_expect(dir, missing, 1,
             "content/articles/en/dimple.md: error: there is no such article; did you mean "
             "'en/dimpling.md'?\n");
    const char *no_folder[] = {"new", "translation", "dimpling.md", "--lang", "ko", NULL};
    S_expect(dir, no_folder, 1,
             "suture: error: 'dimpling.md' names no language folder; name the article with "
             "its language's folder, as en/dimpling.md (relative to content/articles)\n");
    char *ko = path_join(dir, "content/articles/ko");
    assert_false(path_exists(ko));
    free(ko);
    /* A site in one language has nothing to translate into. */
    S_put(dir, "content/site.yaml",
          "title: \"Guide\"\nbase_url: \"https://example.org/\"\nlanguage: en\n"
          "review_max_age_days: 365\n"
          "topics: [{id: thread-lift, title: Thread lifts, description: Threads}]\n"
          "disclaimer: \"General\"\nnotices: {before_after: \"OK\"}\n");
    const char *one[] = {"new", "translation", "en/dimpling.md", "--lang", "ko", NULL};
    S_expect(dir, one, 1,
             "content/site.yaml: error: this site is in one language: it declares no "
             "'languages:', so there is no other language to translate into; to translate "
             "articles, declare the site's languages under 'languages:' (the first is the "
             "default)\n");
    remove_tree(dir);
    free(dir);
}

static void test_new_translation_usage(void **state)
{
    (void)state;
    char *dir = S_project();
    const char *no_lang[] = {"new", "translation", "en/dimpling.md", NULL};
    S_expect(dir, no_lang, 2,
             "suture: say which language to translate into, one that site.yaml declares: "
             "suture new translation SOURCE.md --lang CODE\n");
    const char *no_source[] = {"new", "translation", "--lang", "ko", NULL};
    S_expect(dir, no_source, 2,
             "suture: name the article to translate: suture new translation "
             "en/dimpling-after-thread-lift.md --lang ko\n");
    const char *two[] = {"new", "translation", "en/dimpling.md", "en/other.md", "--lang", "ko",
                         NULL};
    S_expect(dir, two, 2,
             "suture: unexpected argument 'en/other.md'; name one article to translate\n");
    const char *slug[] = {"new", "translation", "en/dimpling.md", "--lang", "ko", "--slug", "x",
                          NULL};
    S_expect(dir, slug, 2,
             "suture: --slug is for a new article; a translation keeps the file name of its "
             "source\n");
    char *ko = path_join(dir, "content/articles/ko");
    assert_false(path_exists(ko));
    free(ko);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_translation),
        cmocka_unit_test(test_new_translation_errors),
        cmocka_unit_test(test_new_translation_usage),
    };
    return cmocka_run_group_tests_name("new_translation", tests, NULL, NULL);
}
