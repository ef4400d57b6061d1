/*
 * test_sitepages.c: end-to-end tests of the site's own pages (issue 18, "People and the
 * clinic"): content/pages/<lang>/<name>.md built at /<name>/ and /en/<name>/ with the
 * templates, the disclaimer and the clinic's details, linked from every page's footer as
 * site.yaml's footer_pages says, reachable by links from articles and from each other, in
 * the sitemap; and every mistake in them reported where it is, with nothing published. Also
 * the glossary page's review date, which glossary.yaml's `reviewed:` gives.
 * Works on copies of tests/fixtures/bilingual.
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

static char *S_root; /* the repository, where the tests run from */

/* Write text to rel under dir, making its folders. */
static void S_put(const char *dir, const char *rel, const char *text)
{
    assert_true(e2e_put(dir, rel, text));
}

/*
 * The bilingual fixture with two pages in both languages (about, with the clinic's
 * details; editorial-policy), both in the footer, and an English article linking to about.
 */
static char *S_site(void)
{
    char *dir = e2e_fixture_site(S_root, "bilingual");
    assert_non_null(dir);
    S_put(dir, "content/pages/ko/about.md",
          "---\ntitle: \"이 사이트에 대하여\"\nsummary: \"누가 이 사이트를 운영하는지 알려 드립니다.\"\n"
          "reviewed: 2026-12-01\nclinic_details: true\n---\n"
          "## 운영하는 곳\n\n글을 쓰는 방법은 [편집 원칙](editorial-policy.md)에 있습니다.\n");
    S_put(dir, "content/pages/en/about.md",
          "---\ntitle: \"About this site\"\nsummary: \"Who publishes this site.\"\n"
          "reviewed: 2026-12-01\nclinic_details: true\n---\n"
          "## Who we are\n\nRead how we review in our\n"
          "[editorial policy](editorial-policy.md#how-we-review).\n");
    S_put(dir, "content/pages/ko/editorial-policy.md",
          "---\ntitle: \"편집 원칙\"\nsummary: \"글을 쓰고 검토하는 방법입니다.\"\n"
          "reviewed: 2026-12-01\n---\n## 검토 방법\n\n의사가 모든 글을 검토합니다.\n");
    S_put(dir, "content/pages/en/editorial-policy.md",
          "---\ntitle: \"Editorial policy\"\nsummary: \"How articles are written and checked.\"\n"
          "reviewed: 2026-12-01\n---\n## How we review\n\nA doctor reviews every article.\n");
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days: 365\n",
                         "footer_pages: [about, editorial-policy]\n"
                         "clinic: {name: {ko: 시험 병원, en: Test Clinic}, phone: \"+82 2-0000-0000\", "
                         "emergency_number: \"119\"}\n"
                         "review_max_age_days: 365\n"));
    assert_true(e2e_edit(dir, "content/articles/en/smas.md",
                         "The SMAS lies under the skin and fat.",
                         "The SMAS lies under the skin and fat. See [about us](about.md)."));
    /* When the glossary was last checked (glossary.yaml's reviewed). */
    S_put(dir, "content/glossary.yaml",
          "reviewed: 2026-11-30\nterms:\n  - id: smas\n    term: {ko: 스마스, en: SMAS}\n"
          "    definition: {ko: 얼굴의 근막층입니다., en: A layer of the face.}\n");
    return dir;
}

static int S_build(const char *dir, char **err)
{
    const char *args[] = {"build", "--content", "content", "--templates", "templates",
                          "--out", "site", "--quiet", NULL};
    return e2e_run(dir, args, err);
}

/* Each page in its language, with the disclaimer, its versions, the clinic's details where
 * asked for, its review date and the footer; links to and between pages resolve. */
static void test_pages_built(void **state)
{
    (void)state;
    char *dir = S_site();
    char *err = NULL;
    if (S_build(dir, &err) != 0)
        fail_msg("the site does not build: %s", err);
    free(err);

    xmlDocPtr doc = e2e_page(dir, "site/about/index.html");
    e2e_expect(doc, "/about/", "/html[@lang='ko']//main//h1[.='이 사이트에 대하여']", 1);
    e2e_expect(doc, "/about/", "//aside[contains(@class, 'medical-disclaimer')]", 1);
    e2e_expect(doc, "/about/", "//link[@rel='alternate'][@hreflang='en']"
                            "[@href='https://clinic.example/en/about/']", 1);
    e2e_expect(doc, "/about/", "//section[@class='clinic-details']//dd[.='시험 병원']", 1);
    e2e_expect(doc, "/about/", "//section[@class='clinic-details']//a[@href='tel:+82200000000']", 1);
    e2e_expect(doc, "/about/", "//main//a[@href='/editorial-policy/'][.='편집 원칙']", 1);
    e2e_expect(doc, "/about/", "//footer[contains(@class, 'review-dates')]"
                            "[contains(., '2026년 12월 1일')]", 1);
    /* The footer, in order after the site's own links, marks the page it is on. */
    e2e_expect(doc, "/about/", "//footer[@class='site-footer']//a[@href='/about/']"
                            "[@aria-current='page'][.='이 사이트에 대하여']", 1);
    e2e_expect(doc, "/about/", "//footer[@class='site-footer']//li[a[@href='/about/']]"
                            "/following-sibling::li[1]/a[@href='/editorial-policy/']", 1);
    xmlFreeDoc(doc);

    doc = e2e_page(dir, "site/en/about/index.html");
    e2e_expect(doc, "/en/about/", "/html[@lang='en']//main//h1[.='About this site']", 1);
    e2e_expect(doc, "/en/about/", "//main//a[@href='/en/editorial-policy/#how-we-review']", 1);
    e2e_expect(doc, "/en/about/", "//section[@class='clinic-details']//dd[.='Test Clinic']", 1);
    xmlFreeDoc(doc);

    /* No clinic_details: no clinic's details. */
    doc = e2e_page(dir, "site/en/editorial-policy/index.html");
    e2e_expect(doc, "/en/editorial-policy/", "//section[@class='clinic-details']", 0);
    e2e_expect(doc, "/en/editorial-policy/", "//h2[@id='how-we-review']", 1);
    xmlFreeDoc(doc);

    /* Every other page's footer links to them in its language; an article's link too. */
    doc = e2e_page(dir, "site/en/articles/smas/index.html");
    e2e_expect(doc, "smas", "//footer[@class='site-footer']//a[@href='/en/about/']"
                         "[.='About this site']", 1);
    e2e_expect(doc, "smas", "//footer[@class='site-footer']//a[@href='/en/editorial-policy/']", 1);
    e2e_expect(doc, "smas", "//main//a[@href='/en/about/'][.='about us']", 1);
    xmlFreeDoc(doc);
    doc = e2e_page(dir, "site/404.html");
    e2e_expect(doc, "404", "//footer[@class='site-footer']//a[@href='/about/']", 1);
    xmlFreeDoc(doc);
    doc = e2e_page(dir, "site/glossary/index.html");
    e2e_expect(doc, "glossary", "//footer[@class='site-footer']//a[@href='/editorial-policy/']", 1);
    e2e_expect(doc, "glossary", "//footer[@class='review-dates']"
                             "[contains(., '용어 사전 최근 검토일')]//time[@datetime='2026-11-30']",
            1);
    xmlFreeDoc(doc);

    char *path = path_join(dir, "site/sitemap.xml");
    doc = e2e_xml(path);
    assert_non_null(doc);
    e2e_expect(doc, "sitemap", "//sm:url[sm:loc='https://clinic.example/en/about/']"
                            "[sm:lastmod='2026-12-01']"
                            "/xhtml:link[@hreflang='ko'][@href='https://clinic.example/about/']",
            1);
    xmlFreeDoc(doc);
    free(path);

    /* A page's new title reaches every footer, though no article changed. */
    assert_true(e2e_edit(dir, "content/pages/en/about.md", "title: \"About this site\"",
                         "title: \"About us\""));
    if (S_build(dir, &err) != 0)
        fail_msg("the site does not build again: %s", err);
    free(err);
    doc = e2e_page(dir, "site/en/articles/smas/index.html");
    e2e_expect(doc, "smas", "//footer[@class='site-footer']//a[@href='/en/about/'][.='About us']",
            1);
    xmlFreeDoc(doc);

    /* suture check verifies the pages it published, and lints the pages' text. */
    const char *check[] = {"check", "--content", "content", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    assert_non_null(strstr(err, "content/pages/en/about.md"));  /* its reading grade */
    free(err);
    e2e_done(dir);
}

/* The mistake the build must report after edit (find -> repl in rel, or a new file rel
 * when find is NULL), with nothing published. */
static void S_expect(const char *rel, const char *find, const char *repl, const char *want)
{
    char *dir = S_site();
    if (find)
        assert_true(e2e_edit(dir, rel, find, repl));
    else
        S_put(dir, rel, repl);
    char *err = NULL;
    assert_int_equal(S_build(dir, &err), 1);
    if (!e2e_has_line(err, want))
        fail_msg("expected the line\n%s\nin:\n%s", want, err);
    char *site = path_join(dir, "site");
    assert_false(path_is_dir(site));
    free(site);
    free(err);
    e2e_done(dir);
}

/* site.yaml's mistakes are told in the site's default language, here Korean
 * (test_errors_ko.c has them in English on a site whose default is English). */
static void test_footer_mistakes(void **state)
{
    (void)state;
    S_expect("content/site.yaml", "footer_pages: [about, editorial-policy]",
             "footer_pages: [about, contact]",
             "content/site.yaml:19:23: error: 바닥글이 'contact'에 링크하지만 "
             "content/pages/ko/contact.md이(가) 없습니다. 그 페이지를 쓰거나 footer_pages에서 "
             "'contact'을(를) 빼 주십시오 [pages]");
    S_expect("content/pages/en/editorial-policy.md", "reviewed: 2026-12-01\n",
             "reviewed: 2026-12-01\ndraft: true\n",
             "content/site.yaml:19:23: error: 바닥글이 'editorial-policy'에 링크하지만 "
             "content/pages/en/editorial-policy.md은(는) 초안이라 게시되지 않습니다. 그 "
             "페이지를 게시하거나 footer_pages에서 'editorial-policy'을(를) 빼 주십시오 "
             "[pages]");
    S_expect("content/site.yaml", "footer_pages: [about, editorial-policy]",
             "footer_pages: [about, About]",
             "content/site.yaml:19:23: error: 'About'은(는) 페이지 이름이 아닙니다. "
             "content/pages/에 있는 페이지의 파일 이름을 '.md' 없이 'about'처럼 써 주십시오");
    S_expect("content/site.yaml", "footer_pages: [about, editorial-policy]",
             "footer_pages: [about, about]",
             "content/site.yaml:19:23: error: 'footer_pages'에 'about'이(가) 두 번 있습니다. "
             "하나만 남겨 주십시오");
}

static void test_page_file_mistakes(void **state)
{
    (void)state;
    static const char page[] = "---\ntitle: \"A page\"\nsummary: \"A page.\"\n"
                               "reviewed: 2026-12-01\n---\nText.\n";
    S_expect("content/pages/en/compare.md", NULL, page,
             "content/pages/en/compare.md: error: 'compare' is an address suture uses for "
             "pages of its own; give this page another file name [pages]");
    S_expect("content/pages/en/About Us.md", NULL, page,
             "content/pages/en/About Us.md: error: a page's file name becomes its address: "
             "rename it with lower-case letters, digits and hyphens only, like "
             "'editorial-policy.md' [pages]");
    /* In no language's folder: told in the site's default language, Korean. */
    S_expect("content/pages/privacy.md", NULL, page,
             "content/pages/privacy.md: error: 이 페이지는 어느 언어 폴더에도 있지 않습니다. "
             "content/pages/ko/나 그 페이지의 언어 폴더로 옮겨 주십시오 [pages]");
    S_expect("content/pages/fr/privacy.md", NULL, page,
             "content/pages/fr: error: 이 폴더는 어느 언어의 폴더도 아닙니다. 페이지는 "
             "site.yaml의 언어마다 하나씩 있는 폴더(content/pages/ko/ 같은)에 넣어 주십시오 "
             "[pages]");
    S_expect("content/pages/en/smas.md", NULL, page,
             "content/pages/en/smas.md: error: an article of the same language is called "
             "smas.md too, so a link to 'smas.md' could mean either; rename the page or the "
             "article [pages]");
}

static void test_page_content_mistakes(void **state)
{
    (void)state;
    S_expect("content/pages/en/about.md", "title: \"About this site\"\n", "",
             "content/pages/en/about.md:1:1: error: the front matter has no 'title'; every "
             "page needs one: add a line 'title: ...' between the two '---' lines "
             "[front-matter]");
    S_expect("content/pages/en/about.md", "clinic_details: true\n", "topics: [anatomy]\n",
             "content/pages/en/about.md:5:1: error: unknown key 'topics' in the front "
             "matter; the keys allowed are: title, summary, reviewed, clinic_details, "
             "draft");
    /* A page is about the site: it names no medical reviewer. */
    S_expect("content/pages/en/about.md", "clinic_details: true\n", "reviewer: kim\n",
             "content/pages/en/about.md:5:1: error: unknown key 'reviewer' in the front "
             "matter; did you mean 'reviewed'?");
    /* A link to a heading of the page itself is checked against its headings. */
    S_expect("content/pages/en/about.md", "Read how we review", "See [below](#who-we-ar). Read how we review",
             "content/pages/en/about.md:9:5: error: this page has no heading with the id "
             "'#who-we-ar'; link to one of its headings' ids [link]");
    S_expect("content/pages/en/about.md", "#how-we-review", "#how-we-write",
             "content/pages/en/about.md:10:1: error: content/pages/en/editorial-policy.md has "
             "no heading with the id '#how-we-write'; link to the page, or to one of its "
             "headings' ids [link]");
    S_expect("content/pages/ko/about.md", "(editorial-policy.md)", "(editorial-polcy.md)",
             "content/pages/ko/about.md:9:11: error: 'editorial-polcy.md'(이)라는 글이 "
             "없습니다. 'editorial-policy.md'을(를) 쓰려던 것인지 확인해 주십시오 [link]");
    /* The compliance rules apply to pages: a superlative stops the build. */
    S_expect("content/pages/en/about.md", "Who we are", "The best clinic",
             "content/pages/en/about.md:7:8: error: 'best' ranks the clinic, a doctor or a "
             "treatment above all others, which cannot be proven and misleads patients. "
             "Describe what the procedure does and whom it may suit instead. "
             "[superlative-claims]");
}

/* A mistake that stops the build before the pages have addresses (here, in the glossary)
 * is reported like any other, on a site with pages (it crashed once). */
static void test_early_stop_with_pages(void **state)
{
    (void)state;
    char *dir = S_site();
    S_put(dir, "content/glossary.yaml", "terms: [\n");
    char *err = NULL;
    assert_int_equal(S_build(dir, &err), 1);
    assert_non_null(strstr(err, "content/glossary.yaml:"));
    free(err);
    const char *check[] = {"check", "--content", "content", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    assert_non_null(strstr(err, "content/glossary.yaml:"));
    free(err);
    e2e_done(dir);
}

/* A link resolves in the text's own language first, a page there before an article in
 * another language: a Korean text's privacy.md is the Korean page, though only English has
 * an article of that name. */
static void test_link_prefers_own_language(void **state)
{
    (void)state;
    char *dir = S_site();
    S_put(dir, "content/pages/ko/privacy.md",
          "---\ntitle: \"개인정보 안내\"\nsummary: \"개인정보를 다루는 방법입니다.\"\n"
          "reviewed: 2026-12-01\n---\n쿠키를 쓰지 않습니다.\n");
    S_put(dir, "content/articles/en/privacy.md",
          "---\ntitle: \"Privacy after a procedure\"\nsummary: \"Keeping recovery private.\"\n"
          "topics: [anatomy]\ndate: 2026-11-01\nreviewed: 2026-11-20\n"
          "reviewer: \"Medical review team\"\n---\nSome text.\n");
    assert_true(e2e_edit(dir, "content/pages/ko/about.md", "에 있습니다.",
                         "에 있습니다. 쿠키에 관해서는 [이 안내](privacy.md)를 읽어 주십시오."));
    char *err = NULL;
    if (S_build(dir, &err) != 0)
        fail_msg("the site does not build: %s", err);
    free(err);
    xmlDocPtr doc = e2e_page(dir, "site/about/index.html");
    e2e_expect(doc, "/about/", "//main//a[@href='/privacy/'][not(@hreflang)]", 1);
    e2e_expect(doc, "/about/", "//main//a[@href='/en/articles/privacy/']", 0);
    xmlFreeDoc(doc);
    e2e_done(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_built),
        cmocka_unit_test(test_footer_mistakes),
        cmocka_unit_test(test_page_file_mistakes),
        cmocka_unit_test(test_page_content_mistakes),
        cmocka_unit_test(test_early_stop_with_pages),
        cmocka_unit_test(test_link_prefers_own_language),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(S_root);
    return failed;
}
