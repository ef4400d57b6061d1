/*
 * test_siteverify_lang.c: `suture check --site` on a site in two languages (siteverify.h,
 * issue 16): each page's disclaimer is its own language's, <html lang> is a valid tag of a
 * declared language, and hreflang alternates are valid, lead to pages of the site, list
 * the page itself and are reciprocal.
 *
 * tests/fixtures/site-verify/bilingual is a small hand-made site (Korean at /, English at
 * /en/, a /404.html with both disclaimers) that passes; each test copies it into /tmp,
 * breaks one thing and asserts the exact diagnostics. Line numbers: <html> is line 2, the
 * alternates ko, en and x-default lines 7 to 9, the disclaimer aside line 15.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/siteverify.h"

#define FIX "tests/fixtures/site-verify/bilingual"
#define KO_D "일반 정보이며 진료를 대신하지 않습니다."
#define EN_D "General information, not medical advice."
#define REF_H " (Google Search Central: localized versions (hreflang)) [site-hreflang]"
#define REF_D " (README.md, 'Two languages')"
#define REF_L " (WCAG 2.2 SC 3.1.1) [site-lang]"

static const siteverify_language S_langs[] = {{"ko", KO_D}, {"en", "General information,\n"
                                                                  "  not medical advice.\n"}};

/* A copy of the fixture in a new temporary folder; the caller removes it. */
static char *S_copy(void)
{
    char *dir = tu_tmpdir("siteverify-lang");
    char *to = path_join(dir, "site");
    assert_int_equal(copy_tree(FIX, to, NULL, NULL), 0);
    free(dir);
    return to;
}

/* Replace find with repl in the file rel of dir (it must be there). */
static void S_edit(const char *dir, const char *rel, const char *find, const char *repl)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    char *changed = tu_replace(text, find, repl);
    assert_string_not_equal(changed, text);
    assert_int_equal(file_write(path, changed, strlen(changed)), 0);
    free(changed);
    free(text);
    free(path);
}

/* Verify dir with the two languages; assert exactly the NULL-terminated lines given (each
 * without "<dir>/", and with "$" for dir inside the message); remove dir. */
static void S_expect(char *dir, ...)
{
    diag_list *diags = diag_list_new();
    siteverify_options opt = {.dir = dir, .base_url = "https://example.org/",
                              .languages = S_langs, .n_languages = 2};
    size_t files = 0;
    assert_int_equal(siteverify_run(&opt, diags, &files), 0);
    assert_int_equal(files, 5);
    diag_list_sort(diags);
    char *prefix = xasprintf("%s/", dir);
    va_list ap;
    va_start(ap, dir);
    size_t i = 0;
    for (const char *line = va_arg(ap, const char *); line; line = va_arg(ap, const char *)) {
        char *want = strchr(line, '$') ? tu_replace(line, "$", dir) : xstrdup(line);
        tu_expect_diag_prefixed(diags, i++, prefix, want);
        free(want);
    }
    va_end(ap);
    if (diag_count(diags) != i)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), i);
    diag_list_free(diags);
    free(prefix);
    char *top = xstrndup(dir, strlen(dir) - strlen("/site"));
    assert_int_equal(tu_tmpdir_remove(top), 0);
    free(dir);
}

static void test_good_bilingual_site(void **state)
{
    (void)state;
    S_expect(S_copy(), NULL);
}

static void test_disclaimer_of_another_language(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "en/index.html", EN_D, KO_D);
    S_expect(dir,
             "en/index.html:15:1: error: this page is in en (<html lang=\"en\">), but its medical "
             "disclaimer is the one in ko; put the en disclaimer from site.yaml here (a page "
             "built by suture has it)" REF_D " [site-disclaimer-language]",
             NULL);
}

static void test_disclaimer_of_no_language(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "articles/x/index.html", KO_D, "일반 정보입니다.");
    S_expect(dir,
             "articles/x/index.html:15:1: error: the medical disclaimer's text differs from the "
             "disclaimer in site.yaml: the page has '일반 정보입니다.' where it should read "
             "'일반 정보이며 진료를 대신하지 않습니다.'; copy the exact text from site.yaml, or "
             "rebuild the page with suture" REF_D " [site-disclaimer]",
             NULL);
}

static void test_404_disclaimer_parts(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "404.html", "<div lang=\"en\"><p>" EN_D "</p></div>",
           "<div lang=\"fr\"><p>" EN_D "</p></div>");
    S_edit(dir, "404.html", "<div lang=\"ko\"><p>" KO_D, "<div lang=\"ko\"><p>" EN_D);
    S_expect(dir,
             "404.html:14:1: error: this page's medical disclaimer has a part for each language "
             "but none in en; add <div lang=\"en\"> with the en disclaimer from site.yaml" REF_D
             " [site-disclaimer-language]",
             "404.html:15:1: error: the medical disclaimer's text differs from the disclaimer in "
             "site.yaml: the page has 'General information, not medical...' where it "
             "should read '일반 정보이며 진료를 대신하지 않습니다.'; copy the exact text from "
             "site.yaml, or rebuild the page with suture" REF_D " [site-disclaimer]",
             "404.html:16:1: error: this part of the medical disclaimer is in 'fr', which is not "
             "one of the site's languages; give each part the lang of a language in "
             "site.yaml" REF_D " [site-disclaimer-language]",
             NULL);
    /* Every language's disclaimer in one aside is for /404.html only. */
    dir = S_copy();
    S_edit(dir, "index.html", "<p>" KO_D "</p>",
           "<div lang=\"ko\"><p>" KO_D "</p></div><div lang=\"en\"><p>" EN_D "</p></div>");
    S_expect(dir,
             "index.html:15:1: error: the medical disclaimer's text differs from the disclaimer "
             "in site.yaml: the page has '일반 정보이며 진료를 대신하지 않습니다. General "
             "information, not medical...' where it should read '일반 정보이며 진료를 대신하지 "
             "않습니다.'; copy the exact text from site.yaml, or rebuild the page with suture"
             REF_D
             " [site-disclaimer]",
             NULL);
}

static void test_html_lang(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "en/index.html", "<html lang=\"en\">", "<html lang=\"english\">");
    S_edit(dir, "articles/x/index.html", "<html lang=\"ko\">", "<html lang=\" \">");
    /* A lang that is no tag is reported once: the alternates are not compared with it. */
    S_expect(dir,
             "articles/x/index.html:2:1: error: <html lang> is empty; set the page's language, "
             "like <html lang=\"en\">, so screen readers pronounce it correctly" REF_L,
             "en/index.html:2:1: error: <html lang=\"english\"> is not a BCP 47 language tag; "
             "write the page's language as a code, like \"ko\" or \"en\"" REF_L,
             NULL);
    /* A language the site does not have; the alternates now disagree with the page. */
    dir = S_copy();
    S_edit(dir, "en/articles/x/index.html", "<html lang=\"en\">", "<html lang=\"fr\">");
    S_expect(dir,
             "articles/x/index.html:8:1: error: the alternate hreflang=\"en\" leads to "
             "$/en/articles/x/index.html, whose <html lang> is \"fr\"; give the language of the "
             "page it leads to, or lead to the page in en" REF_H,
             "en/articles/x/index.html:2:1: error: <html lang=\"fr\"> is not one of the site's "
             "languages (site.yaml declares ko, en); set the page's language, or declare it in "
             "site.yaml" REF_L,
             "en/articles/x/index.html:7:1: error: $/articles/x/index.html lists this page back "
             "as hreflang=\"en\", but this page's <html lang> is \"fr\"; make them the same" REF_H,
             "en/articles/x/index.html:8:1: error: this page lists itself as hreflang=\"en\", but "
             "its <html lang> is \"fr\"; make them the same" REF_H,
             NULL);
}

static void test_hreflang_not_reciprocal(void **state)
{
    (void)state;
    char *dir = S_copy();
    /* The English article no longer lists the Korean one. */
    S_edit(dir, "en/articles/x/index.html",
           "<link rel=\"alternate\" hreflang=\"ko\" href=\"https://example.org/articles/x/\">\n",
           "");
    S_expect(dir,
             "articles/x/index.html:8:1: error: the alternate hreflang=\"en\" "
             "(https://example.org/en/articles/x/) leads to $/en/articles/x/index.html, which "
             "does not list this page back; add <link rel=\"alternate\" hreflang=\"ko\" "
             "href=\"(this page's address)\"> to it: search engines ignore alternates that are "
             "not reciprocal" REF_H,
             NULL);
}

static void test_hreflang_to_missing_page(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "articles/x/index.html", "hreflang=\"en\" href=\"https://example.org/en/articles/x/",
           "hreflang=\"en\" href=\"https://example.org/en/articles/y/");
    S_edit(dir, "index.html", "hreflang=\"en\" href=\"https://example.org/en/",
           "hreflang=\"en\" href=\"https://other.example/en/");
    S_expect(dir,
             "articles/x/index.html:8:1: error: the hreflang alternate "
             "'https://example.org/en/articles/y/' leads to no file: there is no "
             "$/en/articles/y/index.html; correct the address or add the file" REF_H,
             /* The English article lists the Korean one, which no longer lists it back. */
             "en/articles/x/index.html:7:1: error: the alternate hreflang=\"ko\" "
             "(https://example.org/articles/x/) leads to $/articles/x/index.html, which does "
             "not list this page back; add <link rel=\"alternate\" hreflang=\"en\" href=\"(this "
             "page's address)\"> to it: search engines ignore alternates that are not "
             "reciprocal" REF_H,
             "en/index.html:7:1: error: the alternate hreflang=\"ko\" (https://example.org/) "
             "leads to $/index.html, which does not list this page back; add <link "
             "rel=\"alternate\" hreflang=\"en\" href=\"(this page's address)\"> to it: search "
             "engines ignore alternates that are not reciprocal" REF_H,
             "index.html:8:1: error: the alternate hreflang=\"en\" leads to "
             "'https://other.example/en/', which is not a page of this site; lead to the page "
             "in en on this site (under its base_url)" REF_H,
             NULL);
}

static void test_hreflang_invalid_code_and_self(void **state)
{
    (void)state;
    char *dir = S_copy();
    S_edit(dir, "en/index.html", "hreflang=\"x-default\"", "hreflang=\"default\"");
    /* The Korean article lists the English one, and not itself. */
    S_edit(dir, "articles/x/index.html",
           "<link rel=\"alternate\" hreflang=\"ko\" href=\"https://example.org/articles/x/\">\n",
           "");
    S_expect(dir,
             "articles/x/index.html:7:1: error: this page lists hreflang alternates but not "
             "itself; add <link rel=\"alternate\" hreflang=\"ko\" href=\"(this page's "
             "address)\">" REF_H,
             "en/index.html:9:1: error: hreflang=\"default\" is not a BCP 47 language tag; write "
             "the language of the page it leads to, like \"ko\" or \"en\", or "
             "\"x-default\"" REF_H,
             NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_bilingual_site),
        cmocka_unit_test(test_disclaimer_of_another_language),
        cmocka_unit_test(test_disclaimer_of_no_language),
        cmocka_unit_test(test_404_disclaimer_parts),
        cmocka_unit_test(test_html_lang),
        cmocka_unit_test(test_hreflang_not_reciprocal),
        cmocka_unit_test(test_hreflang_to_missing_page),
        cmocka_unit_test(test_hreflang_invalid_code_and_self),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
