/*
 * test_serveoverlay.c: the preview's compliance overlay (serveoverlay.h): a finding's
 * phrase is marked in the text where it stands, however the source wrapped it, never in
 * code; its list says where, what and which rule, in the message's language; a page
 * without findings is left to be served as it is; a data file's finding is listed on every
 * page.
 */
#include "testutil.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "cli/serveoverlay.h"

static const char S_page[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>T</title></head>"
    "<body><header>The best clinic</header><main><h1>Lifts</h1>"
    "<p>We promise the <em>best</em> care and guaranteed\nresults.</p>"
    "<pre><code>guaranteed results</code></pre></main></body></html>\n";

/* One finding of file with phrase, rule and message, in lang. */
static check_mark S_mark(const char *file, unsigned line, const char *phrase, const char *rule_id,
                         const char *message, const char *lang, diag_severity severity)
{
    return (check_mark){xstrdup(file),
                        {line, 1, severity, xstrdup(rule_id), phrase ? xstrdup(phrase) : NULL,
                         xstrdup(message), xstrdup(lang)}};
}

/* The number of nodes expr selects in html. */
static int S_count(const char *html, const char *expr)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    int n = res && res->nodesetval ? res->nodesetval->nodeNr : -1;
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

static serve_overlay *S_overlay(void)
{
    check_marks marks = {xcalloc(3, sizeof(check_mark)), 3};
    marks.items[0] = S_mark("content/articles/a.md", 9, "best", "superlative-claims",
                            "'best' ranks the clinic", "en", DIAG_ERROR);
    marks.items[1] = S_mark("content/articles/a.md", 9, "guaranteed results",
                            "guaranteed-results", "'guaranteed results' promises a result",
                            "en", DIAG_WARNING);
    marks.items[2] = S_mark("content/glossary.yaml", 4, "최고", "superlative-claims",
                            "최상급 표현입니다", "ko", DIAG_ERROR);
    strlist pages = STRLIST_INIT;
    strlist_push(&pages, "content/articles/a.md");
    strlist_push(&pages, "/kb/articles/a/");
    serve_overlay *ov = serve_overlay_new(&marks, &pages);
    assert_non_null(ov);
    assert_int_equal(marks.len, 0);
    assert_null(marks.items);
    strlist_free(&pages);
    return ov;
}

static void test_marks_in_place(void **state)
{
    (void)state;
    serve_overlay *ov = S_overlay();
    size_t len = 0;
    char *html = serve_overlay_page(ov, "/kb/articles/a/index.html", S_page, strlen(S_page),
                                    "/__suture/reload.js", &len);
    assert_non_null(html);
    assert_int_equal(len, strlen(html));
    /* In the text the reader sees, inside markup and across the source's line break; not
     * in the header before main, nor in code. */
    assert_int_equal(S_count(html, "//main/p/em/mark[@id='suture-finding-1'][.='best']"), 1);
    assert_int_equal(S_count(html, "//main/p/mark[@id='suture-finding-2']"
                                   "[contains(@class,'suture-mark-warning')]"
                                   "[.='guaranteed\nresults']"),
                     1);
    assert_int_equal(S_count(html, "//header//mark | //code//mark"), 0);
    assert_int_equal(S_count(html, "//main/p[.='We promise the bestsuperlative-claims care and "
                                   "guaranteed\nresultsguaranteed-results.']"),
                     1);
    /* The list: the article's two and the glossary's (not found on the page: no link). */
    assert_int_equal(S_count(html, "//main/section[1][@lang='en']/h2[.='Compliance: this page "
                                   "cannot be published']"),
                     1);
    assert_int_equal(S_count(html, "//li[@id='suture-finding-1-note'][@lang='en']"
                                   "/a[@href='#suture-finding-1'][.='content/articles/a.md:9:1']"),
                     1);
    assert_int_equal(S_count(html, "//li[@id='suture-finding-2-note']"
                                   "/span[@class='suture-warning'][.='warning']"),
                     1);
    assert_int_equal(S_count(html, "//li[@id='suture-finding-3-note'][@lang='ko']"
                                   "[span[@class='suture-place'][.='content/glossary.yaml:4:1']]"
                                   "[span[@class='suture-error'][.='오류']]"
                                   "[contains(., '최상급 표현입니다')]"),
                     1);
    assert_int_equal(S_count(html, "//head/link[@href='" SERVE_OVERLAY_CSS_PATH "']"), 1);
    assert_int_equal(S_count(html, "//body/script[@src='/__suture/reload.js']"), 1);
    /* Written as UTF-8, not as character references. */
    assert_non_null(strstr(html, "최상급 표현입니다"));
    free(html);
    serve_overlay_release(ov);
}

static void test_other_pages(void **state)
{
    (void)state;
    serve_overlay *ov = S_overlay();
    size_t len = 0;
    /* Another article's page has only the data file's finding. */
    char *html = serve_overlay_page(ov, "/kb/articles/b/", S_page, strlen(S_page),
                                    "/__suture/reload.js", &len);
    assert_non_null(html);
    assert_int_equal(S_count(html, "//li"), 1);
    assert_int_equal(S_count(html, "//mark"), 0);
    assert_int_equal(S_count(html, "//h2[.='Compliance: this page cannot be published']"), 1);
    free(html);
    /* A page in Korean says so in Korean. */
    char *ko = tu_replace(S_page, "lang=\"en\"", "lang=\"ko\"");
    html = serve_overlay_page(serve_overlay_hold(ov), "/kb/", ko, strlen(ko), "/r.js", &len);
    serve_overlay_release(ov);
    assert_non_null(html);
    assert_int_equal(S_count(html, "//section[@lang='ko']/h2[.='준법 검토: 이 페이지는 게시할 수 "
                                   "없습니다']"),
                     1);
    free(html);
    free(ko);
    serve_overlay_release(ov);
    /* No findings: nothing to add. */
    check_marks none = {0};
    assert_null(serve_overlay_new(&none, NULL));
    assert_null(serve_overlay_page(NULL, "/kb/", S_page, strlen(S_page), "/r.js", &len));
    serve_overlay_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_in_place),
        cmocka_unit_test(test_other_pages),
    };
    return cmocka_run_group_tests_name("serveoverlay", tests, NULL, NULL);
}
