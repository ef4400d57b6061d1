/* test_articlefiles.c: the article files of a site in one or several languages, and what
 * their front matter says of languages (articlefiles.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "content/articlefiles.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/str.h"

static const char S_site_yaml[] =
    "base_url: \"https://example.org/\"\n"
    "languages:\n"
    "  - {code: ko, title: t, disclaimer: d, notices: {before_after: n}}\n"
    "  - {code: en, title: t, disclaimer: d, notices: {before_after: n}}\n"
    "review_max_age_days: 365\n"
    "translation_max_lag_days: 30\n"
    "topics: [{id: a, title: {ko: a, en: b}, description: {ko: a, en: b}}]\n";

static const char S_one_language_yaml[] =
    "title: t\nbase_url: \"https://example.org/\"\nlanguage: en\nreview_max_age_days: 365\n"
    "topics: [{id: a, title: a, description: b}]\ndisclaimer: d\n"
    "notices: {before_after: n}\n";

typedef struct S_fx {
    char *dir;       /* a temporary folder holding site.yaml and articles/ */
    char *articles;  /* dir/articles */
    config *cfg;
    diag_list *diags;
} S_fx;

static S_fx *S_new(const char *site_yaml)
{
    S_fx *f = xcalloc(1, sizeof *f);
    f->dir = tu_tmpdir("articlefiles");
    f->articles = tu_subdir(f->dir, "articles");
    f->diags = diag_list_new();
    char *path = tu_write_file(f->dir, "site.yaml", site_yaml);
    f->cfg = config_load(path, f->diags);
    free(path);
    assert_non_null(f->cfg);
    return f;
}

static void S_free(S_fx *f)
{
    config_free(f->cfg);
    diag_list_free(f->diags);
    free(f->articles);
    tu_tmpdir_remove(f->dir);
    free(f);
}

static void test_lists_language_folders(void **state)
{
    (void)state;
    S_fx *f = S_new(S_site_yaml);
    char *ko = tu_subdir(f->articles, "ko");
    char *en = tu_subdir(f->articles, "en");
    tu_put_file(ko, "b.md", "x");
    tu_put_file(ko, "a.md", "x");
    tu_put_file(en, "a.md", "x");
    tu_put_file(en, "notes.txt", "x");
    strlist rels = {0};
    assert_int_equal(articlefiles_list_site(f->articles, f->cfg, &rels, f->diags), 0);
    assert_int_equal(diag_count(f->diags), 0);
    assert_int_equal(rels.len, 3);
    assert_string_equal(rels.items[0], "en/a.md");
    assert_string_equal(rels.items[1], "ko/a.md");
    assert_string_equal(rels.items[2], "ko/b.md");
    assert_string_equal(articlefiles_language(f->cfg, "en/a.md")->code, "en");
    assert_string_equal(articlefiles_language(f->cfg, "ko/b.md")->code, "ko");
    assert_string_equal(articlefiles_name("ko/b.md"), "b.md");
    assert_string_equal(articlefiles_name("b.md"), "b.md");
    assert_string_equal(articlefiles_in_language(&rels, "ko/a.md", "en"), "en/a.md");
    assert_null(articlefiles_in_language(&rels, "ko/b.md", "en"));
    assert_string_equal(articlefiles_source(&rels, "ko/a.md", "en"), "en/a.md");
    strlist_free(&rels);
    free(ko);
    free(en);
    S_free(f);
}

static void test_a_language_without_folder_has_no_articles(void **state)
{
    (void)state;
    S_fx *f = S_new(S_site_yaml);
    char *ko = tu_subdir(f->articles, "ko");
    tu_put_file(ko, "a.md", "x");
    strlist rels = {0};
    assert_int_equal(articlefiles_list_site(f->articles, f->cfg, &rels, f->diags), 0);
    assert_int_equal(diag_count(f->diags), 0);
    assert_int_equal(rels.len, 1);
    strlist_free(&rels);
    free(ko);
    S_free(f);
}

static void test_stray_files_and_folders(void **state)
{
    (void)state;
    S_fx *f = S_new(S_site_yaml);
    char *fr = tu_subdir(f->articles, "fr");
    char *drafts = tu_subdir(f->articles, "old-drafts");
    tu_put_file(f->articles, "loose.md", "x");
    tu_put_file(fr, "a.md", "x");
    strlist rels = {0};
    assert_int_equal(articlefiles_list_site(f->articles, f->cfg, &rels, f->diags), 0);
    assert_int_equal(rels.len, 0);
    assert_int_equal(diag_count(f->diags), 3);
    char *want = xasprintf("%s/fr: error: this is a folder of articles in 'fr', a language "
                           "site.yaml does not declare; declare it under 'languages' in "
                           "site.yaml, or move its articles into a declared language's folder",
                           f->articles);
    tu_expect_diag(f->diags, 0, want);
    free(want);
    want = xasprintf("%s/loose.md: error: this article is in no language folder; move it into "
                     "%s/ko/, or the folder of its language", f->articles, f->articles);
    tu_expect_diag(f->diags, 1, want);
    free(want);
    want = xasprintf("%s/old-drafts: error: this folder is not a language's; articles go in one "
                     "folder per language of site.yaml: ko, en", f->articles);
    tu_expect_diag(f->diags, 2, want);
    free(want);
    strlist_free(&rels);
    free(fr);
    free(drafts);
    S_free(f);
}

static void test_one_language_site_lists_flat(void **state)
{
    (void)state;
    S_fx *f = S_new(S_one_language_yaml);
    tu_put_file(f->articles, "a.md", "x");
    strlist rels = {0};
    assert_int_equal(articlefiles_list_site(f->articles, f->cfg, &rels, f->diags), 0);
    assert_int_equal(rels.len, 1);
    assert_string_equal(rels.items[0], "a.md");
    assert_string_equal(articlefiles_language(f->cfg, "a.md")->code, "en");
    strlist_free(&rels);
    S_free(f);
}

/* Front matter with lang, translation_of and their positions. */
static frontmatter S_fm(const char *lang, const char *of)
{
    return (frontmatter){.lang = (char *)lang,
                         .translation_of = (char *)of,
                         .lang_at = {11, 7},
                         .translation_of_at = {12, 17}};
}

static void test_check_languages(void **state)
{
    (void)state;
    S_fx *f = S_new(S_site_yaml);
    strlist rels = {0};
    strlist_push(&rels, "en/a.md");
    strlist_push(&rels, "ko/a.md");
    strlist_push(&rels, "ko/b.md");
    frontmatter fm = S_fm("ko", "en");
    assert_true(articlefiles_check(f->cfg, "content/articles/ko/a.md", "ko/a.md", &fm, &rels,
                                   f->diags));
    fm = S_fm("en", NULL);
    assert_false(articlefiles_check(f->cfg, "content/articles/ko/a.md", "ko/a.md", &fm, &rels,
                                    f->diags));
    tu_expect_diag(f->diags, 0, "content/articles/ko/a.md:11:7: error: 'lang: en' disagrees with "
                                "this article's folder, content/articles/ko/: its language is "
                                "ko; remove 'lang', or move the article into the folder of its "
                                "language");
    fm = S_fm(NULL, "ko");
    assert_false(articlefiles_check(f->cfg, "content/articles/ko/a.md", "ko/a.md", &fm, &rels,
                                    f->diags));
    tu_expect_diag(f->diags, 1, "content/articles/ko/a.md:12:17: error: an article cannot "
                                "translate its own language, ko; name the language of its "
                                "source");
    fm = S_fm(NULL, "fr");
    assert_false(articlefiles_check(f->cfg, "content/articles/ko/a.md", "ko/a.md", &fm, &rels,
                                    f->diags));
    tu_expect_diag(f->diags, 2, "content/articles/ko/a.md:12:17: error: 'translation_of: fr' "
                                "names a language site.yaml does not declare; name the language "
                                "of the source, one of its 'languages'");
    fm = S_fm(NULL, "en");
    assert_false(articlefiles_check(f->cfg, "content/articles/ko/b.md", "ko/b.md", &fm, &rels,
                                    f->diags));
    tu_expect_diag(f->diags, 3, "content/articles/ko/b.md:12:17: error: this translation's "
                                "source, en/b.md, does not exist; a translation has the same "
                                "file name as its source, in the source language's folder");
    assert_int_equal(diag_count(f->diags), 4);
    strlist_free(&rels);
    S_free(f);
}

static void test_check_translation_on_one_language_site(void **state)
{
    (void)state;
    S_fx *f = S_new(S_one_language_yaml);
    strlist rels = {0};
    strlist_push(&rels, "a.md");
    frontmatter fm = S_fm("ko", NULL);
    /* A one-language site keeps lang: as a page's own language. */
    assert_true(articlefiles_check(f->cfg, "content/articles/a.md", "a.md", &fm, &rels,
                                   f->diags));
    fm = S_fm(NULL, "ko");
    assert_false(articlefiles_check(f->cfg, "content/articles/a.md", "a.md", &fm, &rels,
                                    f->diags));
    tu_expect_diag(f->diags, 0, "content/articles/a.md:12:17: error: this site is in one "
                                "language, so an article cannot be a translation; declare "
                                "'languages:' in site.yaml and put each language's articles in "
                                "its folder");
    strlist_free(&rels);
    S_free(f);
}

static void test_staleness(void **state)
{
    (void)state;
    frontmatter tr = {.source_reviewed = {2026, 11, 20}};
    frontmatter src = {.reviewed = {2026, 11, 20}};
    date_ymd today = {2026, 12, 6};
    long lag = -1;
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, &lag), TRANSLATION_CURRENT);
    assert_int_equal(lag, 0);
    src.reviewed = (date_ymd){2026, 11, 10}; /* a translation of a newer review than the source's */
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, &lag), TRANSLATION_CURRENT);
    src.reviewed = (date_ymd){2026, 12, 1};
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, &lag), TRANSLATION_STALE);
    assert_int_equal(lag, 5);
    src.reviewed = (date_ymd){2026, 11, 6};
    tr.source_reviewed = (date_ymd){2026, 10, 1};
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, &lag), TRANSLATION_STALE);
    assert_int_equal(lag, 30);
    src.reviewed = (date_ymd){2026, 11, 5};
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, &lag), TRANSLATION_OVERDUE);
    assert_int_equal(lag, 31);
    assert_int_equal(translation_staleness(&tr, &src, &today, 30, NULL), TRANSLATION_OVERDUE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists_language_folders),
        cmocka_unit_test(test_a_language_without_folder_has_no_articles),
        cmocka_unit_test(test_stray_files_and_folders),
        cmocka_unit_test(test_one_language_site_lists_flat),
        cmocka_unit_test(test_check_languages),
        cmocka_unit_test(test_check_translation_on_one_language_site),
        cmocka_unit_test(test_staleness),
    };
    return cmocka_run_group_tests_name("articlefiles", tests, NULL, NULL);
}
