/*
 * test_pagexml.c: end-to-end tests of suture page-xml (issue 20, "Templates that explain
 * their own mistakes"): the XML document a template receives for one page, printed indented
 * for whoever writes the templates; by address (with or without the base path) or by an
 * article's file; and an unknown page named with the closest ones. Works on copies of
 * tests/fixtures/good (base path /kb/).
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

/* Run suture page-xml page in dir; its output parsed as XML (NULL: empty, or not XML). */
static xmlDocPtr S_page_xml(const char *dir, const char *page, int *status, char **err)
{
    const char *args[] = {"page-xml", page, "--content", "content", "--templates", "templates",
                          NULL};
    char *out = path_join(dir, "page.xml");
    *status = e2e_run_to(dir, args, out, err);
    struct stat st;
    xmlDocPtr doc = stat(out, &st) == 0 && st.st_size > 0 ? e2e_xml(out) : NULL;
    unlink(out);
    free(out);
    return doc;
}

/* An article's page, by its address and by its file: the XML article.xsl selects from. */
static void test_article(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    const char *pages[] = {"/kb/articles/layers/", "/articles/layers", "content/articles/layers.md"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        int status;
        char *err;
        xmlDocPtr doc = S_page_xml(dir, pages[i], &status, &err);
        if (status != 0 || !doc)
            fail_msg("page-xml %s: status %d, %s", pages[i], status, err);
        free(err);
        e2e_expect(doc, "page-xml", "/page[@kind='article'][@lang='en']", 1);
        e2e_expect(doc, "page-xml", "/page/url[.='/kb/articles/layers/']", 1);
        /* What article.xsl and layout.xsl select. */
        e2e_expect(doc, "page-xml", "/page/article/title[.='The layers of the face']", 1);
        e2e_expect(doc, "page-xml", "/page/article/summary[.='Where the SMAS lies and why it matters.']", 1);
        e2e_expect(doc, "page-xml", "/page/article/reviewed[@iso='2026-11-10']", 1);
        e2e_expect(doc, "page-xml", "/page/article/topics/topic[@id='anatomy'][@href='/kb/topics/anatomy/']", 1);
        e2e_expect(doc, "page-xml", "/page/article/body//p[contains(., 'lies under the skin.')]", 1);
        e2e_expect(doc, "page-xml", "/page/article/sources/source", 2);
        e2e_expect(doc, "page-xml", "/page/site/topics/topic", 5);
        xmlFreeDoc(doc);
    }
    e2e_done(dir);
}

/* A list page (a topic's) and the home page; the output is indented. */
static void test_list_page(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    int status;
    char *err;
    xmlDocPtr doc = S_page_xml(dir, "/kb/topics/anatomy/", &status, &err);
    if (status != 0 || !doc)
        fail_msg("page-xml of a topic: status %d, %s", status, err);
    free(err);
    e2e_expect(doc, "page-xml", "/page[@kind='topic']", 1);
    e2e_expect(doc, "page-xml", "/page/title[.='Facial anatomy']", 1);
    e2e_expect(doc, "page-xml", "//article-ref[@href='/kb/articles/layers/']/title[.='The layers of the face']",
            1);
    xmlFreeDoc(doc);
    /* Indented as xmlSaveFormatFile indents: each child on its own line, two spaces in. */
    const char *args[] = {"page-xml", "/kb/", NULL};
    char *out = path_join(dir, "home.xml");
    assert_int_equal(e2e_run_to(dir, args, out, &err), 0);
    free(err);
    size_t len;
    char *text = file_read(out, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "<page kind=\"home\""));
    assert_non_null(strstr(text, "\n  <site>\n    <title>"));
    free(text);
    free(out);
    /* Nothing is published. */
    char *site = path_join(dir, "site");
    assert_false(path_exists(site));
    free(site);
    e2e_done(dir);
}

/* The page-xml of a page holds what the built page shows: the same document. */
static void test_same_as_build(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    const char *build[] = {"build", "--out", "site", "--quiet", "--no-precompress", NULL};
    char *err;
    int rc = e2e_run(dir, build, &err);
    if (rc != 0)
        fail_msg("the fixture does not build: %s", err);
    free(err);
    int status;
    xmlDocPtr doc = S_page_xml(dir, "content/articles/korean.md", &status, &err);
    if (status != 0 || !doc)
        fail_msg("page-xml of the Korean article: status %d, %s", status, err);
    free(err);
    char *title = e2e_string(doc, "/page/article/title");
    char *url = e2e_string(doc, "/page/url");
    assert_string_equal(title, "스마스층과 실리프팅");
    char *file = xasprintf("%s/site/%sindex.html", dir, url + strlen("/kb/"));
    xmlDocPtr html = e2e_html(file);
    assert_non_null(html);
    char *h1 = e2e_string(html, "//main//h1");
    assert_string_equal(h1, title);
    free(h1);
    xmlFreeDoc(html);
    free(file);
    free(url);
    free(title);
    xmlFreeDoc(doc);
    e2e_done(dir);
}

/* An unknown page: status 2 and the closest pages named; nothing on stdout. */
static void test_unknown_page(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    int status;
    char *err;
    xmlDocPtr doc = S_page_xml(dir, "/kb/articles/layer/", &status, &err);
    assert_null(doc);
    assert_int_equal(status, 2);
    assert_non_null(strstr(err, "no page '/kb/articles/layer/'"));
    assert_true(e2e_has_line(err, "  /kb/articles/layers/"));
    free(err);
    doc = S_page_xml(dir, "content/articles/layer.md", &status, &err);
    assert_null(doc);
    assert_int_equal(status, 2);
    assert_true(e2e_has_line(err, "  content/articles/layers.md"));
    free(err);
    e2e_done(dir);
}

/* With an error in the content: status 1 and the error printed; the XML of a page that
 * could be made is printed still, and the page with the error has none. */
static void test_content_errors(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    assert_true(e2e_edit(dir, "content/articles/dimpling.md", "\n---\n",
                         "\n---\nSee [the missing one](nothere.md).\n\n"));
    int status;
    char *err;
    xmlDocPtr doc = S_page_xml(dir, "/articles/layers/", &status, &err);
    assert_int_equal(status, 1);
    assert_non_null(strstr(err, "content/articles/dimpling.md:"));
    assert_non_null(strstr(err, "no article 'nothere.md'"));
    free(err);
    assert_non_null(doc);
    e2e_expect(doc, "page-xml", "/page/article/title[.='The layers of the face']", 1);
    xmlFreeDoc(doc);
    doc = S_page_xml(dir, "/articles/dimpling/", &status, &err);
    assert_null(doc);
    assert_int_equal(status, 1);
    assert_non_null(strstr(err, "no XML for '/articles/dimpling/': fix the errors above first"));
    free(err);
    e2e_done(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article),
        cmocka_unit_test(test_list_page),
        cmocka_unit_test(test_same_as_build),
        cmocka_unit_test(test_unknown_page),
        cmocka_unit_test(test_content_errors),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(S_root);
    return failed;
}
