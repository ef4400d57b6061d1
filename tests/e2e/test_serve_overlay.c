/*
 * test_serve_overlay.c: the compliance findings in `suture serve`'s preview (issue 17).
 * Over a socket, a page whose article has a flagged phrase is served with the phrase in a
 * <mark>, its rule id beside it and the list of findings at the top saying that errors
 * block publishing, while the same page in the output folder has none of it; the overlay
 * follows the next build, and the error page of a failed build lists compliance errors
 * too.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2eserve.h"

static char *S_root; /* the repository, where the tests run from */

#define DIMPLING "content/articles/dimpling.md"
#define PAGE "/kb/articles/dimpling/"

/* The body of the response to GET path, parsed as HTML (the caller frees it). */
static xmlDocPtr S_page(const es_server *s, const char *path, int want_status)
{
    int status;
    char *res = es_get(s, path, &status);
    assert_int_equal(status, want_status);
    const char *body = strstr(res, "\r\n\r\n");
    assert_non_null(body);
    body += 4;
    xmlDocPtr doc = htmlReadMemory(body, (int)strlen(body), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    assert_non_null(doc);
    free(res);
    return doc;
}

/* Whether the XPath expression selects exactly n nodes in doc; says what it found if not. */
static void S_expect(xmlDocPtr doc, const char *expr, int n)
{
    int got = e2e_count(doc, expr);
    if (got != n)
        fail_msg("%s selects %d nodes, expected %d", expr, got, n);
}

static void test_preview_marks_findings(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    assert_true(e2e_edit(dir, DIMPLING, "Dimpling is a dent",
                         "Guaranteed results. Dimpling is a dent"));
    /* The preview measures reading grades, as suture check does (a build does not). */
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days: 365",
                         "review_max_age_days: 365\nreading_grade_max: 1"));
    es_server *s = es_start_in(dir, NULL);
    es_wait_for(s, PAGE, 200, "suture-mark");
    xmlDocPtr doc = S_page(s, PAGE, 200);
    /* The phrase, marked where the reader sees it, with its rule id after it. */
    S_expect(doc, "//main//p/mark[@id='suture-finding-1'][contains(@class,'suture-mark')]"
                  "[@aria-describedby='suture-finding-1-note'][.='Guaranteed']",
             1);
    S_expect(doc, "//mark[@id='suture-finding-1']/following-sibling::*[1]"
                  "[self::a][@class='suture-mark-ref'][@href='#suture-finding-1-note']"
                  "[.='guaranteed-results']",
             1);
    /* The list at the top of the page: its place, linking to the mark, the message in the
     * article's language and the rule; and that errors block publishing. */
    S_expect(doc, "//main/*[1][self::section][@class='suture-findings']"
                  "[@aria-labelledby='suture-findings-title']"
                  "/h2[@id='suture-findings-title'][.='Compliance: this page cannot be "
                  "published']",
             1);
    S_expect(doc, "//section[@class='suture-findings']/p[contains(., 'suture build will not "
                  "publish the site while the error below remains')]",
             1);
    S_expect(doc, "//li[@id='suture-finding-1-note'][@lang='en']"
                  "[a[@href='#suture-finding-1'][.='" DIMPLING ":10:1']]"
                  "[span[@class='suture-error'][.='error']]"
                  "[contains(., \"'Guaranteed' promises a result, which no procedure can "
                  "guarantee\")]"
                  "[span[@class='suture-rule'][.='[guaranteed-results]']]",
             1);
    S_expect(doc, "//li[starts-with(@id,'suture-finding-')]", 1);
    S_expect(doc, "//head/link[@rel='stylesheet'][@href='/__suture/overlay.css']", 1);
    S_expect(doc, "//body/script[@src='/__suture/reload.js']", 1);
    /* The page itself is all there. */
    S_expect(doc, "//h1[.='Dimpling after a thread lift']", 1);
    S_expect(doc, "//aside[contains(@class,'disclaimer')]", 1);
    xmlFreeDoc(doc);
    /* Other pages have nothing of it. */
    doc = S_page(s, "/kb/articles/layers/", 200);
    S_expect(doc, "//mark | //section[@class='suture-findings']", 0);
    xmlFreeDoc(doc);
    /* The file the build wrote has none of it. */
    char *file = path_join(dir, "site/articles/dimpling/index.html");
    doc = e2e_html(file);
    assert_non_null(doc);
    S_expect(doc, "//mark | //*[contains(@class,'suture')] | //*[contains(@href,'__suture')]",
             0);
    S_expect(doc, "//main//p[starts-with(., 'Guaranteed results.')]", 1);
    xmlFreeDoc(doc);
    free(file);
    es_read_stderr(s, 0.2);
    if (!strstr(strbuf_str(&s->err), ": warning: reading grade "))
        fail_msg("the preview gave no reading grade warning:\n%s", strbuf_str(&s->err));
    assert_non_null(strstr(strbuf_str(&s->err), "suture: 1 error, marked on their pages in the "
                                                "preview; suture build will not publish the "
                                                "site until they are fixed"));
    int status;
    char *css = es_get(s, "/__suture/overlay.css", &status);
    assert_int_equal(status, 200);
    assert_non_null(strstr(css, "Content-Type: text/css; charset=utf-8"));
    assert_non_null(strstr(css, "mark.suture-mark"));
    free(css);

    /* A failed build's error page lists the compliance error with the others. */
    es_edit(s, DIMPLING, "topics: [side-effects, thread-lift]",
            "topics: [side-efects, thread-lift]");
    es_wait_for(s, PAGE, 500, "unknown topic");
    doc = S_page(s, PAGE, 500);
    S_expect(doc, "//li[contains(., '[guaranteed-results]')][code[.='" DIMPLING ":10:1']]", 1);
    S_expect(doc, "//li[contains(., 'unknown topic')]", 1);
    xmlFreeDoc(doc);

    /* Fixed, the page comes back without marks (the topic last: until then it fails). */
    es_edit(s, DIMPLING, "Guaranteed results. ", "");
    es_edit(s, DIMPLING, "topics: [side-efects, thread-lift]",
            "topics: [side-effects, thread-lift]");
    es_wait_for(s, PAGE, 200, "is a dent in the skin");
    doc = S_page(s, PAGE, 200);
    S_expect(doc, "//mark | //section[@class='suture-findings']", 0);
    xmlFreeDoc(doc);
    es_stop(s);
    es_free(s);
}

int main(void)
{
    S_root = getenv("SUTURE_ROOT") ? xstrdup(getenv("SUTURE_ROOT")) : getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_preview_marks_findings),
    };
    int rc = cmocka_run_group_tests_name("serve_overlay", tests, NULL, NULL);
    free(S_root);
    return rc;
}
