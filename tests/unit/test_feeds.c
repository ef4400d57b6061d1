/*
 * test_feeds.c: unit tests for feeds.h (sitemap, Atom feed, robots.txt).
 *
 * The output is parsed back with libxml2 and checked with XPath, with the sitemap and Atom
 * namespaces registered. The site lives below a base path: https://example.org/kb/.
 */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "content/article.h"
#include "content/config.h"
#include "render/feeds.h"

#define SITEMAP_NS "http://www.sitemaps.org/schemas/sitemap/0.9"
#define ATOM_NS "http://www.w3.org/2005/Atom"

/* A writable copy of a string literal, for the char * fields of the model structs. */
#define STR(s) ((char[]){s})

static config_language S_languages[] = {{
    .code = STR("en"),
    .name = STR("English"),
    .prefix = STR("/kb/"),
    .title = STR("Clinic knowledge base"),
    .description = STR("Plain-language information & answers."),
}};

static const char *S_codes[] = {"en", NULL};

static config S_cfg = {
    .file = STR("content/site.yaml"),
    .base_url = STR("https://example.org/kb/"),
    .base_path = STR("/kb/"),
    .languages = S_languages,
    .n_languages = 1,
    .language_codes = S_codes,
};

static frontmatter S_fm_old = {
    .title = STR("Dimpling after a thread lift"),
    .summary = STR("Small dents & how they settle."),
    .reviewer = STR("Dr. Kim"),
    .date = {2025, 6, 7},
    .reviewed = {2025, 8, 9},
};

static frontmatter S_fm_new = {
    .title = STR("스마스 층"),
    .summary = STR("얼굴의 층."),
    .reviewer = STR("의료 검토팀"),
    .date = {2026, 1, 2},
    .reviewed = {2026, 11, 20},
};

static frontmatter S_fm_mid = {
    .title = STR("Consultation"),
    .summary = STR("What to ask."),
    .reviewer = STR("Team"),
    .date = {2026, 5, 1},
    .reviewed = {2026, 5, 3},
};

static article S_old = {.slug = STR("dimpling"), .url = STR("/kb/articles/dimpling/"),
                        .lang = "en", .fm = &S_fm_old};
static article S_new = {.slug = STR("smas-ko"), .url = STR("/kb/articles/smas-ko/"),
                        .lang = "ko", .fm = &S_fm_new};
static article S_mid = {.slug = STR("consultation"), .url = STR("/kb/articles/consultation/"),
                        .lang = "en", .fm = &S_fm_mid};

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
} S_xml;

static S_xml S_parse(const char *text, size_t len)
{
    S_xml x;
    x.doc = xmlReadMemory(text, (int)len, "feed.xml", NULL, XML_PARSE_NONET);
    assert_non_null(x.doc);
    x.ctx = xmlXPathNewContext(x.doc);
    xmlXPathRegisterNs(x.ctx, BAD_CAST "s", BAD_CAST SITEMAP_NS);
    xmlXPathRegisterNs(x.ctx, BAD_CAST "a", BAD_CAST ATOM_NS);
    xmlXPathRegisterNs(x.ctx, BAD_CAST "x", BAD_CAST "http://www.w3.org/1999/xhtml");
    return x;
}

static void S_xml_free(S_xml *x)
{
    xmlXPathFreeContext(x->ctx);
    xmlFreeDoc(x->doc);
}

/* The string value of an XPath expression. */
static void S_expect_string(S_xml *x, const char *expr, const char *expected)
{
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, x->ctx);
    assert_non_null(res);
    xmlChar *s = xmlXPathCastToString(res);
    char got[512];
    snprintf(got, sizeof got, "%s", (const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(res);
    assert_string_equal(got, expected);
}

static void S_expect_number(S_xml *x, const char *expr, double expected)
{
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, x->ctx);
    assert_non_null(res);
    double n = xmlXPathCastToNumber(res);
    xmlXPathFreeObject(res);
    assert_true(n == expected);
}

/* ---- sitemap ---- */

static void test_sitemap(void **state)
{
    (void)state;
    const date_ymd lastmod = {2026, 11, 20};
    const feeds_page pages[] = {
        {"/kb/", NULL, NULL, 0},
        {"/kb/articles/smas-ko/", &lastmod, NULL, 0},
        {"/kb/topics/anatomy/", NULL, NULL, 0},
    };
    size_t len = 0;
    char *out = feeds_sitemap(&S_cfg, pages, 3, &len);
    assert_int_equal(len, strlen(out));
    assert_true(str_starts_with(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "namespace-uri(/*)", SITEMAP_NS);
    S_expect_string(&x, "local-name(/*)", "urlset");
    S_expect_number(&x, "count(/s:urlset/*)", 3);
    S_expect_number(&x, "count(/s:urlset/s:url)", 3);
    S_expect_string(&x, "/s:urlset/s:url[1]/s:loc", "https://example.org/kb/");
    S_expect_number(&x, "count(/s:urlset/s:url[1]/s:lastmod)", 0);
    S_expect_string(&x, "/s:urlset/s:url[2]/s:loc", "https://example.org/kb/articles/smas-ko/");
    S_expect_string(&x, "/s:urlset/s:url[2]/s:lastmod", "2026-11-20");
    S_expect_string(&x, "/s:urlset/s:url[3]/s:loc", "https://example.org/kb/topics/anatomy/");
    /* Every element is in the sitemap namespace: nothing in no namespace. */
    S_expect_number(&x, "count(//*[namespace-uri() != '" SITEMAP_NS "'])", 0);
    S_xml_free(&x);
    free(out);
}

/* Korean at /kb/, English at /kb/en/: the two languages' settings of test_sitemap_languages. */
static config_language S_two[] = {
    {.code = STR("ko"), .name = STR("한국어"), .prefix = STR("/kb/"), .title = STR("지식 센터"),
     .description = STR("설명")},
    {.code = STR("en"), .name = STR("English"), .prefix = STR("/kb/en/"),
     .title = STR("Knowledge base"), .description = STR("About")},
};

static config S_bilingual(void)
{
    config cfg = S_cfg;
    cfg.languages = S_two;
    cfg.n_languages = 2;
    cfg.multilingual = true;
    return cfg;
}

/* On a site with languages each <url> lists its versions (Google's sitemap hreflang). */
static void test_sitemap_languages(void **state)
{
    (void)state;
    config cfg = S_bilingual();
    const feeds_alternate both[] = {
        {"ko", "/kb/articles/smas/"}, {"en", "/kb/en/articles/smas/"},
        {"x-default", "/kb/articles/smas/"}};
    const feeds_alternate alone[] = {{"en", "/kb/en/articles/x/"},
                                     {"x-default", "/kb/en/articles/x/"}};
    const feeds_page pages[] = {
        {"/kb/articles/smas/", NULL, both, 3},
        {"/kb/en/articles/smas/", NULL, both, 3},
        {"/kb/en/articles/x/", NULL, alone, 2},
    };
    size_t len = 0;
    char *out = feeds_sitemap(&cfg, pages, 3, &len);
    assert_non_null(strstr(out, "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    S_xml x = S_parse(out, len);
    S_expect_number(&x, "count(//s:url)", 3);
    S_expect_number(&x, "count(//s:url[2]/x:link[@rel='alternate'])", 3);
    S_expect_string(&x, "//s:url[2]/x:link[@hreflang='ko']/@href",
                    "https://example.org/kb/articles/smas/");
    S_expect_string(&x, "//s:url[1]/x:link[@hreflang='en']/@href",
                    "https://example.org/kb/en/articles/smas/");
    S_expect_string(&x, "//s:url[1]/x:link[@hreflang='x-default']/@href",
                    "https://example.org/kb/articles/smas/");
    S_expect_number(&x, "count(//s:url[3]/x:link)", 2);
    S_xml_free(&x);
    free(out);
    /* A site in one language has no alternates, whatever the pages say. */
    out = feeds_sitemap(&S_cfg, pages, 1, &len);
    assert_null(strstr(out, "xhtml"));
    free(out);
}

/* Each language's feed: its home, its feed.xml, its title and xml:lang. */
static void test_atom_feed_of_a_language(void **state)
{
    (void)state;
    config cfg = S_bilingual();
    article a = S_old;
    a.url = STR("/kb/en/articles/dimpling/");
    a.lang = STR("en");
    const article *articles[] = {&a};
    size_t len = 0;
    char *out = feeds_atom(&cfg, &S_two[1], articles, 1, &len);
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "/a:feed/@xml:lang", "en");
    S_expect_string(&x, "/a:feed/a:id", "https://example.org/kb/en/");
    S_expect_string(&x, "/a:feed/a:title", "Knowledge base");
    S_expect_string(&x, "/a:feed/a:link[@rel='self']/@href", "https://example.org/kb/en/feed.xml");
    S_expect_string(&x, "/a:feed/a:link[@rel='alternate']/@href", "https://example.org/kb/en/");
    S_expect_string(&x, "/a:feed/a:entry/a:id", "https://example.org/kb/en/articles/dimpling/");
    S_expect_number(&x, "count(/a:feed/a:entry[@xml:lang])", 0);
    S_xml_free(&x);
    free(out);
}

static void test_sitemap_empty(void **state)
{
    (void)state;
    size_t len = 0;
    char *out = feeds_sitemap(&S_cfg, NULL, 0, &len);
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "namespace-uri(/*)", SITEMAP_NS);
    S_expect_number(&x, "count(/s:urlset/*)", 0);
    S_xml_free(&x);
    free(out);
}

static void test_sitemap_index(void **state)
{
    (void)state;
    const char *const files[] = {"/kb/sitemap-1.xml", "/kb/sitemap-2.xml"};
    size_t len = 0;
    char *out = feeds_sitemap_index(&S_cfg, files, 2, &len);
    assert_int_equal(len, strlen(out));
    assert_true(str_starts_with(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "namespace-uri(/*)", SITEMAP_NS);
    S_expect_string(&x, "local-name(/*)", "sitemapindex");
    S_expect_number(&x, "count(/*/*)", 2);
    S_expect_string(&x, "/*/*[1]/*[local-name()='loc']", "https://example.org/kb/sitemap-1.xml");
    S_expect_string(&x, "/*/*[2]/*[local-name()='loc']", "https://example.org/kb/sitemap-2.xml");
    S_expect_number(&x, "count(//*[namespace-uri() != '" SITEMAP_NS "'])", 0);
    S_xml_free(&x);
    free(out);
}

/* ---- Atom ---- */

static void test_atom_feed(void **state)
{
    (void)state;
    /* Given in the caller's order; the newest review is not the first entry. */
    const article *articles[] = {&S_mid, &S_new, &S_old};
    size_t len = 0;
    char *out = feeds_atom(&S_cfg, &S_cfg.languages[0], articles, 3, &len);
    assert_int_equal(len, strlen(out));
    assert_true(str_starts_with(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    /* Korean text is written as UTF-8, not as character references. */
    assert_non_null(strstr(out, "<title>스마스 층</title>"));
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "namespace-uri(/*)", ATOM_NS);
    S_expect_string(&x, "local-name(/*)", "feed");
    S_expect_number(&x, "count(//*[namespace-uri() != '" ATOM_NS "'])", 0);
    S_expect_string(&x, "/a:feed/@xml:lang", "en");
    S_expect_string(&x, "/a:feed/a:id", "https://example.org/kb/");
    S_expect_string(&x, "/a:feed/a:title", "Clinic knowledge base");
    S_expect_string(&x, "/a:feed/a:subtitle", "Plain-language information & answers.");
    S_expect_number(&x, "count(/a:feed/a:updated)", 1);
    S_expect_string(&x, "/a:feed/a:updated", "2026-11-20T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:link[@rel='self']/@href", "https://example.org/kb/feed.xml");
    S_expect_string(&x, "/a:feed/a:link[@rel='alternate']/@href", "https://example.org/kb/");
    S_expect_string(&x, "/a:feed/a:author/a:name", "Clinic knowledge base");
    S_expect_string(&x, "/a:feed/a:generator", "suture");
    S_expect_number(&x, "count(/a:feed/a:entry)", 3);

    S_expect_string(&x, "/a:feed/a:entry[1]/a:id", "https://example.org/kb/articles/consultation/");
    S_expect_string(&x, "/a:feed/a:entry[1]/a:title", "Consultation");
    S_expect_string(&x, "/a:feed/a:entry[1]/a:published", "2026-05-01T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[1]/a:updated", "2026-05-03T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[1]/a:summary", "What to ask.");
    S_expect_number(&x, "count(/a:feed/a:entry[1]/@xml:lang)", 0);

    S_expect_string(&x, "/a:feed/a:entry[2]/a:id", "https://example.org/kb/articles/smas-ko/");
    S_expect_string(&x, "/a:feed/a:entry[2]/@xml:lang", "ko");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:title", "스마스 층");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:link/@rel", "alternate");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:link/@type", "text/html");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:link/@href",
                    "https://example.org/kb/articles/smas-ko/");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:published", "2026-01-02T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:updated", "2026-11-20T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[2]/a:summary", "얼굴의 층.");

    S_expect_string(&x, "/a:feed/a:entry[3]/a:id", "https://example.org/kb/articles/dimpling/");
    S_expect_string(&x, "/a:feed/a:entry[3]/a:published", "2025-06-07T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[3]/a:updated", "2025-08-09T00:00:00Z");
    S_expect_string(&x, "/a:feed/a:entry[3]/a:summary", "Small dents & how they settle.");
    /* RFC 4287: every entry has exactly one id, title, updated and link. */
    S_expect_number(&x, "count(/a:feed/a:entry[count(a:id) = 1 and count(a:title) = 1 and "
                        "count(a:updated) = 1 and count(a:link) = 1])",
                    3);
    S_xml_free(&x);
    free(out);
}

static void test_atom_feed_root_base(void **state)
{
    (void)state;
    config cfg = S_cfg;
    config_language lang = S_cfg.languages[0];
    lang.prefix = STR("/"); /* the language's pages at the root too */
    cfg.languages = &lang;
    cfg.base_url = STR("https://clinic.example/");
    cfg.base_path = STR("/");
    article a = S_old;
    a.url = STR("/articles/dimpling/");
    const article *articles[] = {&a};
    size_t len = 0;
    char *out = feeds_atom(&cfg, &cfg.languages[0], articles, 1, &len);
    S_xml x = S_parse(out, len);
    S_expect_string(&x, "/a:feed/a:id", "https://clinic.example/");
    S_expect_string(&x, "/a:feed/a:link[@rel='self']/@href", "https://clinic.example/feed.xml");
    S_expect_string(&x, "/a:feed/a:entry/a:id", "https://clinic.example/articles/dimpling/");
    S_expect_string(&x, "/a:feed/a:updated", "2025-08-09T00:00:00Z");
    S_xml_free(&x);
    free(out);
}

/* ---- robots.txt ---- */

static void test_robots(void **state)
{
    (void)state;
    size_t len = 0;
    char *out = feeds_robots(&S_cfg, &len);
    assert_string_equal(out,
                        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/kb/sitemap.xml\n");
    assert_int_equal(len, strlen(out));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sitemap),
        cmocka_unit_test(test_sitemap_empty),
        cmocka_unit_test(test_sitemap_index),
        cmocka_unit_test(test_atom_feed),
        cmocka_unit_test(test_atom_feed_root_base),
        cmocka_unit_test(test_sitemap_languages),
        cmocka_unit_test(test_atom_feed_of_a_language),
        cmocka_unit_test(test_robots),
    };
    return cmocka_run_group_tests_name("feeds", tests, tu_xml_setup, NULL);
}
