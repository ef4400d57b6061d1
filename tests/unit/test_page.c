/*
 * test_page.c: unit tests for page.h (page XML through XSLT to HTML5).
 *
 * The group setup writes six small stylesheets, one per page kind, into a temporary
 * templates folder. Each writes a normal page (with the disclaimer placeholder in its
 * footer), except when the page's <title> asks for a misbehaviour: "stop" (xsl:message
 * terminate), "note" (a plain xsl:message), "write" (exsl:document), "nowhere" (neither
 * placeholder nor <main>), "main-only" (no placeholder), "own" (its own disclaimer aside),
 * "two" (two placeholders), "silent" (terminate without a message), and pages that are not
 * well made: "li-head" (an <li> in <head>), "two-main" (one hidden beside them, which
 * HTML allows), "no-body" and "outside" (an element after <html>).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"
#include "pageutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "render/disclaimer.h"
#include "render/page.h"

static char *S_dir;              /* the temporary folder of these tests */
static char *S_good;             /* S_dir/good: the six working stylesheets */
static page_templates *S_templates;
static xmlNodePtr S_aside;       /* the disclaimer every render injects */

/* The line of the exsl:document element in the stylesheet below. */
#define WRITE_LINE 11

static const char S_sheet_fmt[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                      /* 1 */
    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"" /* 2 */
    " xmlns:exsl=\"http://exslt.org/common\" extension-element-prefixes=\"exsl\">\n"
    "<xsl:output method=\"html\" encoding=\"UTF-8\" indent=\"no\"/>\n"                 /* 3 */
    "<xsl:template match=\"/page\">\n"                                                  /* 4 */
    "<xsl:choose>\n"                                                                    /* 5 */
    "<xsl:when test=\"title = 'stop'\">\n"                                              /* 6 */
    "<xsl:message terminate=\"yes\">no string with id 'x'</xsl:message>\n"             /* 7 */
    "</xsl:when>\n"                                                                     /* 8 */
    "<xsl:when test=\"title = 'write'\">\n"                                             /* 9 */
    "<html><body><main>\n"                                                              /* 10 */
    "<exsl:document href=\"%s/written.txt\" method=\"text\">x</exsl:document>\n"        /* 11 */
    "</main></body></html>\n"
    "</xsl:when>\n"
    "<xsl:when test=\"title = 'nowhere'\"><html><body><div>no main</div></body></html>"
    "</xsl:when>\n"
    "<xsl:when test=\"title = 'main-only'\"><html><body><main><h1>M</h1></main>"
    "<footer>F</footer></body></html></xsl:when>\n"
    "<xsl:when test=\"title = 'own'\"><html><body><main><aside class=\"medical-disclaimer\">"
    "mine</aside></main></body></html></xsl:when>\n"
    "<xsl:when test=\"title = 'two'\"><html><body><main><div id=\"medical-disclaimer\"/>"
    "</main><div id=\"medical-disclaimer\"/></body></html></xsl:when>\n"
    "<xsl:when test=\"title = 'silent'\"><xsl:message terminate=\"yes\"/></xsl:when>\n"
    "<xsl:when test=\"title = 'li-head'\"><html><head><li>x</li></head><body><main/>"  /* 19 */
    "</body></html></xsl:when>\n"
    "<xsl:when test=\"title = 'two-main'\"><html><body><main/><main hidden=\"\"/>\n<main/>"
    "</body></html>"                                                                    /* 20 */
    "</xsl:when>\n"                                                                    /* 21 */
    "<xsl:when test=\"title = 'no-body'\"><html><head/></html></xsl:when>\n"          /* 22 */
    "<xsl:when test=\"title = 'outside'\"><html><body><main/></body></html><p>x</p>"  /* 23 */
    "</xsl:when>\n"
    "<xsl:otherwise>\n"
    "<xsl:if test=\"title = 'note'\"><xsl:message>just a note</xsl:message></xsl:if>\n"
    "<html lang=\"{@lang}\"><head><meta charset=\"utf-8\"/><title><xsl:value-of "
    "select=\"title\"/></title></head><body class=\"kind-%s\"><main id=\"main\"><h1>"
    "<xsl:value-of select=\"title\"/></h1><p><xsl:value-of select=\"document('data.xml')/data\"/>"
    "</p></main><footer><div id=\"medical-disclaimer\"/></footer></body></html>\n"
    "</xsl:otherwise>\n"
    "</xsl:choose>\n"
    "</xsl:template>\n"
    "</xsl:stylesheet>\n";

/* Write the six working stylesheets (and data.xml, which they read) into dir. */
static void S_write_good(const char *dir)
{
    assert_int_equal(mkdir_p(dir), 0);
    for (int k = 0; k < PAGE_KIND_COUNT; k++) {
        char *text = xasprintf(S_sheet_fmt, S_dir, page_kind_name((page_kind)k));
        tu_put_file(dir, page_kind_stylesheet((page_kind)k), text);
        free(text);
    }
    tu_put_file(dir, "data.xml", "<data>read with document()</data>\n");
}

static int S_setup(void **state)
{
    (void)state;
    page_init();
    S_dir = tu_tmpdir("page");
    S_good = path_join(S_dir, "good");
    S_write_good(S_good);
    S_templates = tu_templates_load(S_good);
    if (!S_templates)
        return -1;
    S_aside = tu_sample_disclaimer();
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    page_templates_free(S_templates);
    xmlFreeNode(S_aside);
    free(S_good);
    int rc = tu_tmpdir_remove(S_dir);
    page_cleanup();
    return rc;
}

/* A page document <page kind lang><title>title</title></page>; title is XML-escaped text. */
static xmlDocPtr S_page(const char *kind, const char *lang, const char *title)
{
    char *xml = xasprintf("<page kind=\"%s\" lang=\"%s\"><title>%s</title></page>", kind, lang,
                          title);
    xmlDocPtr doc = tu_parse_xml(xml, "page.xml", 0);
    free(xml);
    return doc;
}

/* Render a page of kind whose <title> is title; returns page_render's status. */
static int S_render(page_kind kind, const char *title, diag_list *diags, char **html,
                    size_t *len)
{
    xmlDocPtr page = S_page(page_kind_name(kind), "ko", title);
    *html = NULL;
    *len = 0;
    int rc = page_render(S_templates, kind, page, S_aside, "/kb/articles/x/", diags, html, len);
    page_templates_report(S_templates, diags);
    xmlFreeDoc(page);
    return rc;
}

static size_t S_occurrences(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Render a page of kind titled title, which must fail with one diagnostic: S_good + rest. */
static void S_expect_render_error(page_kind kind, const char *title, const char *rest)
{
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(kind, title, diags, &html, &len), -1);
    assert_null(html);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, S_good, rest);
    diag_list_free(diags);
}

/* ---- kinds ---- */

static void test_kind_names(void **state)
{
    (void)state;
    static const char *const names[][2] = {{"home", "home.xsl"},       {"article", "article.xsl"},
                                           {"topic", "topic.xsl"},     {"compare", "compare.xsl"},
                                           {"glossary", "glossary.xsl"}, {"not-found", "404.xsl"},
                                           {"search", "search.xsl"}, {"site-page", "page.xsl"}};
    assert_int_equal(PAGE_KIND_COUNT, 8);
    for (int k = 0; k < PAGE_KIND_COUNT; k++) {
        assert_string_equal(page_kind_name((page_kind)k), names[k][0]);
        assert_string_equal(page_kind_stylesheet((page_kind)k), names[k][1]);
    }
}

/* ---- rendering ---- */

static void test_render_home_exact(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(PAGE_HOME, "Welcome", diags, &html, &len), 0);
    assert_int_equal(diag_count(diags), 0);
    assert_string_equal(
        html,
        "<!DOCTYPE html>\n"
        "<html lang=\"ko\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'\">"
        "<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">"
        "<title>Welcome</title></head>"
        "<body class=\"kind-home\"><main id=\"main\"><h1>Welcome</h1>"
        "<p>read with document()</p></main><footer>"
        "<aside class=\"medical-disclaimer\" role=\"note\" lang=\"ko\">"
        "<p>General information, not medical advice.</p></aside>"
        "</footer></body></html>\n");
    assert_int_equal(len, strlen(html));
    free(html);
    diag_list_free(diags);
}

static void test_render_every_kind(void **state)
{
    (void)state;
    for (int k = 0; k < PAGE_KIND_COUNT; k++) {
        diag_list *diags = diag_list_new();
        char *html;
        size_t len;
        assert_int_equal(S_render((page_kind)k, "T", diags, &html, &len), 0);
        assert_int_equal(diag_count(diags), 0);
        assert_true(str_starts_with(html, "<!DOCTYPE html>\n<html lang=\"ko\">"));
        char *marker = xasprintf("<body class=\"kind-%s\">", page_kind_name((page_kind)k));
        assert_non_null(strstr(html, marker));
        free(marker);
        assert_int_equal(S_occurrences(html, "class=\"medical-disclaimer\""), 1);
        assert_null(strstr(html, "id=\"medical-disclaimer\""));
        free(html);
        diag_list_free(diags);
    }
}

static void test_render_keeps_utf8_and_escapes_markup(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(
        S_render(PAGE_ARTICLE, "스마스 층 &amp; &lt;b&gt; — “quotes”", diags, &html, &len), 0);
    assert_non_null(strstr(html, "<title>스마스 층 &amp; &lt;b&gt; — “quotes”</title>"));
    assert_non_null(strstr(html, "<h1>스마스 층 &amp; &lt;b&gt; — “quotes”</h1>"));
    assert_null(strstr(html, "&#"));
    assert_true(xmlCheckUTF8(BAD_CAST html));
    free(html);
    diag_list_free(diags);
}

static void test_render_no_second_charset_declaration(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(PAGE_HOME, "Charset", diags, &html, &len), 0);
    /* One charset declaration: libxml2's own http-equiv Content-Type is not added. */
    assert_int_equal(S_occurrences(html, "charset"), 1);
    assert_null(strstr(html, "http-equiv=\"Content-Type\""));
    free(html);
    diag_list_free(diags);
}

static void test_render_disclaimer_last_in_main(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(PAGE_TOPIC, "main-only", diags, &html, &len), 0);
    assert_int_equal(diag_count(diags), 0);
    /* A template without <head> gets one, for the policies every page carries. */
    assert_string_equal(html, "<!DOCTYPE html>\n"
                              "<html><head><meta http-equiv=\"Content-Security-Policy\" "
                              "content=\"default-src 'self'; object-src 'none'; base-uri "
                              "'none'; form-action 'self'\"><meta name=\"referrer\" "
                              "content=\"strict-origin-when-cross-origin\"></head>"
                              "<body><main><h1>M</h1>"
                              "<aside class=\"medical-disclaimer\" role=\"note\" lang=\"ko\">"
                              "<p>General information, not medical advice.</p></aside></main>"
                              "<footer>F</footer></body></html>\n");
    free(html);
    diag_list_free(diags);
}

static void test_render_does_not_modify_page(void **state)
{
    (void)state;
    xmlDocPtr page = S_page("home", "en", "Same");
    xmlChar *before = NULL, *after = NULL;
    int n_before = 0, n_after = 0;
    xmlDocDumpMemory(page, &before, &n_before);
    diag_list *diags = diag_list_new();
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(page_render(S_templates, PAGE_HOME, page, S_aside, "/", diags, &html, &len),
                     0);
    xmlDocDumpMemory(page, &after, &n_after);
    assert_string_equal((const char *)before, (const char *)after);
    assert_null(S_aside->parent);
    xmlFree(before);
    xmlFree(after);
    free(html);
    diag_list_free(diags);
    xmlFreeDoc(page);
}

static void test_render_message_is_warning(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(PAGE_HOME, "note", diags, &html, &len), 0);
    assert_non_null(html);
    assert_int_equal(diag_count(diags), 1);
    assert_int_equal(diag_error_count(diags), 0);
    tu_expect_diag_prefixed(diags, 0, S_good, "/home.xsl:1:1: warning: while rendering "
                            "/kb/articles/x/: just a note [template]");
    free(html);
    diag_list_free(diags);
}

static void test_render_terminating_message_is_error(void **state)
{
    (void)state;
    S_expect_render_error(PAGE_GLOSSARY, "stop",
                          "/glossary.xsl:1:1: error: while rendering /kb/articles/x/: no string "
                          "with id 'x' [template]");
}

static void test_render_silent_failure(void **state)
{
    (void)state;
    S_expect_render_error(PAGE_TOPIC, "silent",
                          "/topic.xsl:2:1: error: while rendering /kb/articles/x/: the "
                          "stylesheet produced no page [template]");
}

/* A page that is not well made fails, with one error at the stylesheet's line that wrote
 * the element; the same mistake on several pages is said once, naming them. */
static void test_render_page_structure(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"li-head", "/topic.xsl:19:48: error: while rendering /kb/articles/x/: the template "
                    "puts <li> into <head>, where only <title>, <meta>, <link>, <script>, "
                    "<style>, <base>, <noscript> and <template> belong (browsers end <head> "
                    "there): move it into <body> [template]"},
        {"two-main", "/topic.xsl:21:1: error: while rendering /kb/articles/x/: the template "
                     "writes more than one <main>: a page has one main part; keep one <main> "
                     "and make the others <section> or <div> [template]"},
        {"no-body", "/topic.xsl:22:36: error: while rendering /kb/articles/x/: the template "
                    "writes <html> without <body>: <html> holds one <head>, then one <body> "
                    "[template]"},
        {"outside", "/topic.xsl:23:69: error: while rendering /kb/articles/x/: the template "
                    "writes content outside <html>: put everything inside the one <html> "
                    "element [template]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        S_expect_render_error(PAGE_TOPIC, cases[i][0], cases[i][1]);
    /* Two pages, one error. */
    diag_list *diags = diag_list_new();
    for (int n = 0; n < 2; n++) {
        xmlDocPtr page = S_page("topic", "en", "li-head");
        char *html = NULL;
        size_t len = 0;
        assert_int_equal(page_render(S_templates, PAGE_TOPIC, page, S_aside,
                                     n ? "/b/" : "/a/", diags, &html, &len), -1);
        xmlFreeDoc(page);
    }
    assert_int_equal(diag_count(diags), 0);
    page_templates_report(S_templates, diags);
    assert_int_equal(diag_count(diags), 1);
    assert_non_null(strstr(diag_get(diags, 0)->message,
                           "while rendering /a/ and 1 other page: the template puts <li>"));
    diag_list_free(diags);
}

static void test_render_refuses_to_write_files(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *html;
    size_t len;
    assert_int_equal(S_render(PAGE_HOME, "write", diags, &html, &len), -1);
    assert_null(html);
    char *written = path_join(S_dir, "written.txt");
    assert_false(path_is_file(written));
    assert_int_equal(diag_count(diags), 2);
    char *e1 = xasprintf("%s/home.xsl:%d:1: error: while rendering /kb/articles/x/: File write "
                         "for %s refused [template]", S_good, WRITE_LINE, written);
    char *e2 = xasprintf("%s/home.xsl:%d:1: error: while rendering /kb/articles/x/: "
                         "xsltDocumentElem: write rights for %s denied [template]",
                         S_good, WRITE_LINE, written);
    tu_expect_diag(diags, 0, e1);
    tu_expect_diag(diags, 1, e2);
    free(e1);
    free(e2);
    free(written);
    diag_list_free(diags);
}

static void test_render_error_without_place(void **state)
{
    (void)state;
    S_expect_render_error(
        PAGE_NOT_FOUND, "nowhere",
        "/404.xsl:2:1: error: the not-found template has neither <div "
        "id=\"medical-disclaimer\"/> nor a single <main>, so the medical disclaimer has no "
        "place; add the placeholder where it should appear [disclaimer]");
}

static void test_render_error_when_template_writes_disclaimer(void **state)
{
    (void)state;
    S_expect_render_error(
        PAGE_COMPARE, "own",
        "/compare.xsl:2:1: error: the compare template writes its own medical-disclaimer (or "
        "two placeholders), so /kb/articles/x/ would show it twice; leave one <div "
        "id=\"medical-disclaimer\"/> and let suture fill it [disclaimer]");
}

static void test_render_error_with_two_placeholders(void **state)
{
    (void)state;
    S_expect_render_error(
        PAGE_ARTICLE, "two",
        "/article.xsl:2:1: error: the article template writes its own medical-disclaimer (or "
        "two placeholders), so /kb/articles/x/ would show it twice; leave one <div "
        "id=\"medical-disclaimer\"/> and let suture fill it [disclaimer]");
}

/* ---- loading ---- */

/* A fresh templates folder named name, with the six good stylesheets. */
static char *S_case_dir(const char *name)
{
    char *dir = path_join(S_dir, name);
    S_write_good(dir);
    return dir;
}

static void test_load_missing_stylesheet(void **state)
{
    (void)state;
    char *dir = S_case_dir("missing");
    char *gone = path_join(dir, "404.xsl");
    assert_int_equal(remove(gone), 0);
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    assert_int_equal(diag_count(diags), 1);
    char *expected = xasprintf("%s: error: the not-found page template is missing; every page "
                               "kind needs its stylesheet in %s [template]", gone, dir);
    tu_expect_diag(diags, 0, expected);
    free(expected);
    free(gone);
    free(dir);
    diag_list_free(diags);
    page_templates_free(NULL);
}

static void test_load_empty_folder(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_dir, "empty");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    assert_int_equal(diag_count(diags), PAGE_KIND_COUNT);
    for (int k = 0; k < PAGE_KIND_COUNT; k++) {
        char *expected = xasprintf("%s/%s: error: the %s page template is missing; every page "
                                   "kind needs its stylesheet in %s [template]",
                                   dir, page_kind_stylesheet((page_kind)k),
                                   page_kind_name((page_kind)k), dir);
        tu_expect_diag(diags, (size_t)k, expected);
        free(expected);
    }
    free(dir);
    diag_list_free(diags);
}

/* Issue 14, point 11: one mistyped tag is one error, in plain words, at the end tag that
 * does not match; not libxml2's cascade of four ("Opening and ending tag mismatch: main line
 * 4 and html", "... html line 4 and xsl:template", "... template line 3 and stylesheet",
 * "Premature end of data in tag stylesheet line 2"). */
static void test_load_not_well_formed(void **state)
{
    (void)state;
    char *dir = S_case_dir("malformed");
    tu_put_file(
        dir, "topic.xsl",
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:template match=\"/\">\n"
        "<html><main></html>\n"
        "</xsl:template>\n"
        "</xsl:stylesheet>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, dir, "/topic.xsl:4:13: error: the tag <main> opened on "
                            "line 4 is closed by </html>: make the names match, or close <main> "
                            "before this [template]");
    free(dir);
    diag_list_free(diags);
}

/* A stylesheet whose end tags are all right but one: the file ends before its root is
 * closed. The prefix libxml2 leaves out of its message ("in tag stylesheet") is put back. */
static void test_load_root_not_closed(void **state)
{
    (void)state;
    char *dir = S_case_dir("unclosed");
    tu_put_file(
        dir, "home.xsl",
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:template match=\"/\"><html/></xsl:template>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, dir, "/home.xsl:4:1: error: the file ends before "
                            "<xsl:stylesheet> (line 2) is closed: add </xsl:stylesheet> "
                            "[template]");
    free(dir);
    diag_list_free(diags);
}

/* strings.xml is read by every page: when it is not well-formed, that is one error when the
 * templates load, not two for every page (the parser's, then "no string with id"). */
static void test_load_strings_not_well_formed(void **state)
{
    (void)state;
    char *dir = S_case_dir("strings-broken");
    tu_put_file(dir, "data.xml", "<data>\n<str id=\"a\">A</st>\n</data>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, dir, "/data.xml:2:14: error: the tag <str> opened on "
                            "line 2 is closed by </st>: make the names match, or close <str> "
                            "before this [template]");
    free(dir);
    diag_list_free(diags);
}

static void test_load_empty_file_and_not_a_stylesheet(void **state)
{
    (void)state;
    char *dir = S_case_dir("not-xslt");
    tu_put_file(dir, "home.xsl", "");
    tu_put_file(dir, "compare.xsl", "<?xml version=\"1.0\"?>\n<html><body/></html>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    assert_int_equal(diag_count(diags), 2);
    tu_expect_diag_prefixed(diags, 0, dir, "/home.xsl:1:1: error: there is no XML element in "
                            "this file: write its content, or remove the file [template]");
    tu_expect_diag_prefixed(diags, 1, dir, "/compare.xsl:2:1: error: xsltParseStylesheetProcess "
                            ": document is not a stylesheet [template]");
    free(dir);
    diag_list_free(diags);
}

static void test_load_does_not_compile(void **state)
{
    (void)state;
    char *dir = S_case_dir("uncompilable");
    tu_put_file(
        dir, "article.xsl",
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:template match=\"/\">\n"
        "<p>ok</p>\n"
        "<xsl:if/>\n"
        "</xsl:template>\n"
        "</xsl:stylesheet>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, dir, "/article.xsl:5:1: error: xsl:if : test is not "
                            "defined [template]");
    free(dir);
    diag_list_free(diags);
}

/* Issue 14, point 11: a file of the templates that is not UTF-8 is one error, said plainly,
 * not libxml2's "Input is not proper UTF-8, indicate encoding !" and "Bytes: 0xE9 ..." for
 * every stylesheet that imports it, and then "no string with id" on every page. */
static void test_load_not_utf8_reported_once(void **state)
{
    (void)state;
    char *dir = S_case_dir("not-utf8");
    tu_put_file(dir, "data.xml", "<data>\ncaf\xe9 au lait, caf\xe9 noir</data>\n");
    tu_put_file(dir, "layout.xsl",
                "<?xml version=\"1.0\"?>\n"
                "<xsl:stylesheet version=\"1.0\" "
                "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                "<!-- \xff\xfe -->\n"
                "</xsl:stylesheet>\n");
    /* Another encoding, declared: libxml2 converts it, and it is fine. */
    tu_put_file(dir, "latin1.xml",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<data>caf\xe9</data>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    diag_list_sort(diags);
    tu_expect_diag_prefixed(diags, 0, dir,
                            "/data.xml:2:4: error: this file is not valid UTF-8 at line 2, "
                            "column 4: save it as UTF-8 in your editor [template]");
    tu_expect_diag_prefixed(diags, 1, dir,
                            "/layout.xsl:3:6: error: this file is not valid UTF-8 at line 3, "
                            "column 6: save it as UTF-8 in your editor [template]");
    assert_int_equal(diag_count(diags), 2);
    free(dir);
    diag_list_free(diags);
}

/* A broken stylesheet that several import is reported once, without the imports' "unable to
 * load" that follows from it. */
static void test_load_broken_import_reported_once(void **state)
{
    (void)state;
    char *dir = S_case_dir("broken-import");
    tu_put_file(dir, "layout.xsl",
                "<?xml version=\"1.0\"?>\n"
                "<xsl:stylesheet version=\"1.0\" "
                "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                "<xsl:template name=\"x\"><b></xsl:template>\n"
                "</xsl:stylesheet>\n");
    static const char importing[] =
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:import href=\"layout.xsl\"/>\n"
        "</xsl:stylesheet>\n";
    tu_put_file(dir, "home.xsl", importing);
    tu_put_file(dir, "topic.xsl", importing);
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    tu_expect_diag_prefixed(diags, 0, dir, "/layout.xsl:3:27: error: the tag <b> opened on "
                            "line 3 is closed by </xsl:template>: make the names match, or "
                            "close <b> before this [template]");
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    free(dir);
    diag_list_free(diags);
}

/* An import outside the templates folder's own files (here in a subfolder) is explained the
 * same way when the stylesheets load: once, however many import it. */
static void test_load_broken_import_in_subfolder(void **state)
{
    (void)state;
    char *dir = S_case_dir("broken-sub");
    char *parts = tu_subdir(dir, "parts");
    tu_put_file(parts, "bits.xsl",
                "<?xml version=\"1.0\"?>\n"
                "<xsl:stylesheet version=\"1.0\" "
                "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                "<xsl:template name=\"x\"><p class=\"a\" class=\"b\"/></xsl:template>\n"
                "</xsl:stylesheet>\n");
    static const char importing[] =
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:import href=\"parts/bits.xsl\"/>\n"
        "</xsl:stylesheet>\n";
    tu_put_file(dir, "home.xsl", importing);
    tu_put_file(dir, "search.xsl", importing);
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, dir, "/parts/bits.xsl:3:37: error: the attribute "
                            "'class' is given twice in this tag: keep one [template]");
    free(parts);
    free(dir);
    diag_list_free(diags);
}

/* libxml2 said "Excessive depth in document: 256 use XML_PARSE_HUGE option". */
static void test_load_deep_nesting(void **state)
{
    (void)state;
    char *dir = S_case_dir("deep");
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" "
                    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
                    "<xsl:template match=\"/\">\n");
    for (int i = 0; i < 300; i++)
        strbuf_puts(&b, "<div>");
    for (int i = 0; i < 300; i++)
        strbuf_puts(&b, "</div>");
    strbuf_puts(&b, "\n</xsl:template>\n</xsl:stylesheet>\n");
    tu_put_file(dir, "search.xsl", strbuf_str(&b));
    strbuf_free(&b);
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    tu_expect_diag_prefixed(diags, 0, dir, "/search.xsl:4:1276: error: the file nests elements "
                            "more than 256 levels deep here: take out levels [template]");
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    free(dir);
    diag_list_free(diags);
}

/*
 * page.h: a stylesheet that does not compile, "including its imports", is reported with
 * its line. Every diagnostic about a missing import must point at the xsl:import (line 3),
 * not at line 1.
 */
static void test_load_missing_import_points_at_import(void **state)
{
    (void)state;
    char *dir = S_case_dir("import");
    tu_put_file(
        dir, "glossary.xsl",
        "<?xml version=\"1.0\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "<xsl:import href=\"layout.xsl\"/>\n"
        "</xsl:stylesheet>\n");
    diag_list *diags = diag_list_new();
    assert_null(page_templates_load(dir, diags));
    size_t n = diag_count(diags);
    char *prefix = xasprintf("%s/glossary.xsl:3:1: error: ", dir);
    char *unable = xasprintf("%sxsl:import : unable to load %s/layout.xsl [template]", prefix,
                             dir);
    bool found = false;
    size_t wrong_line = 0;
    char first_wrong[512] = "";
    for (size_t i = 0; i < n; i++) {
        char *s = diag_format(diag_get(diags, i));
        found |= strcmp(s, unable) == 0;
        if (!str_starts_with(s, prefix) && !wrong_line++)
            snprintf(first_wrong, sizeof first_wrong, "%s", s);
        free(s);
    }
    free(prefix);
    free(unable);
    free(dir);
    diag_list_free(diags);
    assert_true(n >= 1);
    assert_true(found);
    assert_string_equal(first_wrong, "");
}

/* ---- suture:string() ---- */

/* Every kind's stylesheet writes "[string(a)|string(b)|string(none)|count(none)]" for the
 * page's language, found with suture:string() in strings.xml. */
static const char S_string_sheet[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"\n"
    " xmlns:suture=\"urn:suture:xslt\" exclude-result-prefixes=\"suture\">\n"
    "<xsl:output method=\"html\" encoding=\"UTF-8\" indent=\"no\"/>\n"
    "<xsl:variable name=\"s\" select=\"document('strings.xml')/strings\"/>\n"
    "<xsl:template match=\"/page\">\n"
    "<html><body><main><p><xsl:value-of select=\"concat('[', "
    "suture:string($s, 'a', @lang), '|', suture:string($s, 'b', @lang), '|', "
    "suture:string($s, 'none', @lang), '|', count(suture:string($s, 'none', @lang)), ']')\"/>"
    "</p><div id=\"medical-disclaimer\"/></main></body></html>\n"
    "</xsl:template>\n"
    "</xsl:stylesheet>\n";

static void test_suture_string_function(void **state)
{
    (void)state;
    char *dir = S_case_dir("strings");
    for (int k = 0; k < PAGE_KIND_COUNT; k++)
        tu_put_file(dir, page_kind_stylesheet((page_kind)k), S_string_sheet);
    tu_put_file(dir, "strings.xml",
                "<strings>\n"
                "<str id=\"a\"><t lang=\"en\">A-en</t><t lang=\"ko\">A-ko</t>"
                "<t lang=\"ko_KR\">A-ko-KR</t></str>\n"
                "<str id=\"b\"><t lang=\"en\">B-en</t><t lang=\"fr\">B-fr</t></str>\n"
                "</strings>\n");
    diag_list *diags = diag_list_new();
    page_templates *t = page_templates_load(dir, diags);
    assert_non_null(t);
    /* page language: what a and b give (exact, case and _ ignored; primary subtag; en) */
    static const char *const cases[][2] = {
        {"ko-KR", "[A-ko-KR|B-en||0]"}, {"KO-kr", "[A-ko-KR|B-en||0]"},
        {"ko", "[A-ko|B-en||0]"},       {"ko-KP", "[A-ko|B-en||0]"},
        {"fr-CA", "[A-en|B-fr||0]"},    {"de", "[A-en|B-en||0]"},
        {"", "[A-en|B-en||0]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xmlDocPtr page = S_page("home", cases[i][0], "x");
        char *html = NULL;
        size_t len = 0;
        assert_int_equal(page_render(t, PAGE_HOME, page, S_aside, "/", diags, &html, &len), 0);
        xmlFreeDoc(page);
        char *want = xasprintf("<p>%s</p>", cases[i][1]);
        if (!strstr(html, want))
            fail_msg("lang '%s': expected %s in %s", cases[i][0], want, html);
        free(want);
        free(html);
    }
    assert_int_equal(diag_count(diags), 0);
    page_templates_free(t);
    diag_list_free(diags);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_suture_string_function),
        cmocka_unit_test(test_render_home_exact),
        cmocka_unit_test(test_render_every_kind),
        cmocka_unit_test(test_render_keeps_utf8_and_escapes_markup),
        cmocka_unit_test(test_render_no_second_charset_declaration),
        cmocka_unit_test(test_render_disclaimer_last_in_main),
        cmocka_unit_test(test_render_does_not_modify_page),
        cmocka_unit_test(test_render_message_is_warning),
        cmocka_unit_test(test_render_terminating_message_is_error),
        cmocka_unit_test(test_render_silent_failure),
        cmocka_unit_test(test_render_page_structure),
        cmocka_unit_test(test_render_refuses_to_write_files),
        cmocka_unit_test(test_render_error_without_place),
        cmocka_unit_test(test_render_error_when_template_writes_disclaimer),
        cmocka_unit_test(test_render_error_with_two_placeholders),
        cmocka_unit_test(test_load_missing_stylesheet),
        cmocka_unit_test(test_load_empty_folder),
        cmocka_unit_test(test_load_not_well_formed),
        cmocka_unit_test(test_load_root_not_closed),
        cmocka_unit_test(test_load_strings_not_well_formed),
        cmocka_unit_test(test_load_empty_file_and_not_a_stylesheet),
        cmocka_unit_test(test_load_does_not_compile),
        cmocka_unit_test(test_load_missing_import_points_at_import),
        cmocka_unit_test(test_load_not_utf8_reported_once),
        cmocka_unit_test(test_load_broken_import_reported_once),
        cmocka_unit_test(test_load_broken_import_in_subfolder),
        cmocka_unit_test(test_load_deep_nesting),
    };
    return cmocka_run_group_tests_name("page", tests, S_setup, S_teardown);
}
