/*
 * test_bilingual.c: end-to-end tests of a site in two languages (issue 16, "Pages"). Builds
 * tests/fixtures/bilingual (Korean first at /, English at /en/: a translation pair, a stale
 * translation, an English-only and a Korean-only article) with the project's templates and
 * inspects the pages, feeds, search indexes and sitemap with XPath; builds it again with
 * tests/fixtures/bilingual/pagexml-templates, which copy the page XML's <languages>,
 * <x-default>, dates, <stale> and JSON-LD into the page, to check what templates receive;
 * compares incremental and full builds; and checks the build's errors about languages.
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

typedef struct {
    char *dir; /* temporary folder with content/, templates/ and site/ */
    char *out;
} S_site;

static S_site *S_site_new(void)
{
    S_site *s = xcalloc(1, sizeof *s);
    s->dir = e2e_fixture_site(S_root, "bilingual");
    assert_non_null(s->dir);
    s->out = path_join(s->dir, "site");
    return s;
}

static void S_site_free(S_site *s)
{
    remove_tree(s->dir);
    free(s->dir);
    free(s->out);
    free(s);
}

/* Build s into out with templates (a folder under s->dir, or an absolute path). */
static int S_build_to(S_site *s, const char *templates, const char *out, char **err)
{
    const char *args[] = {"build",  "--content", "content", "--templates", templates,
                          "--out", out,         "--quiet", NULL};
    return e2e_run(s->dir, args, err);
}

static void S_build_ok(S_site *s, const char *templates, const char *out)
{
    char *err = NULL;
    int status = S_build_to(s, templates, out, &err);
    if (status != 0)
        fail_msg("the bilingual site does not build (%d): %s", status, err);
    free(err);
}

/* The fixture, built with the project's templates into site/. */
static S_site *S_built(void)
{
    S_site *s = S_site_new();
    S_build_ok(s, "templates", "site");
    return s;
}

/* The templates that copy parts of the page XML into the page (the caller frees the path). */
static char *S_pagexml_templates(void)
{
    return xasprintf("%s/tests/fixtures/bilingual/pagexml-templates", S_root);
}

static xmlDocPtr S_page(const char *dir, const char *rel)
{
    char *path = path_join(dir, rel);
    xmlDocPtr doc = str_ends_with(rel, ".html") ? e2e_html(path) : e2e_xml(path);
    if (!doc)
        fail_msg("cannot parse %s", path);
    free(path);
    return doc;
}

static void S_assert_xpath(xmlDocPtr doc, const char *page, const char *expr, int expected)
{
    int n = e2e_count(doc, expr);
    if (n != expected)
        fail_msg("%s: %s: expected %d, got %d", page, expr, expected, n);
}

static void S_assert_string(xmlDocPtr doc, const char *page, const char *expr,
                            const char *expected)
{
    char *got = e2e_string(doc, expr);
    if (strcmp(got, expected) != 0)
        fail_msg("%s: %s: expected '%s', got '%s'", page, expr, expected, got);
    free(got);
}

/* Every HTML page of the site in each language. */
static const char *const S_ko_pages[] = {
    "index.html",           "articles/smas/index.html",        "articles/dimpling/index.html",
    "articles/korean-only/index.html", "topics/anatomy/index.html",
    "topics/side-effects/index.html",  "compare/index.html", "glossary/index.html",
    "search/index.html",    NULL,
};
static const char *const S_en_pages[] = {
    "en/index.html",          "en/articles/smas/index.html",
    "en/articles/dimpling/index.html", "en/articles/english-only/index.html",
    "en/topics/anatomy/index.html",    "en/topics/side-effects/index.html",
    "en/compare/index.html",  "en/glossary/index.html", "en/search/index.html", NULL,
};

/* Korean at /, English at /en/; an article only where it was written. */
static void test_pages_per_language(void **state)
{
    (void)state;
    S_site *s = S_built();
    const char *const *lists[] = {S_ko_pages, S_en_pages};
    const char *const langs[] = {"ko", "en"};
    const char *const disclaimers[] = {"이 페이지는 일반적인 정보이며 의학적 조언이 아닙니다.",
                                       "This page is general information, not medical advice."};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; lists[l][i]; i++) {
            const char *rel = lists[l][i];
            xmlDocPtr doc = S_page(s->out, rel);
            char *expr = xasprintf("/html[@lang='%s']", langs[l]);
            S_assert_xpath(doc, rel, expr, 1);
            free(expr);
            /* Each page carries its own language's disclaimer, once. */
            S_assert_xpath(doc, rel, "//aside[contains(@class, 'medical-disclaimer')]", 1);
            expr = xasprintf("normalize-space(//aside[contains(@class, 'medical-disclaimer')]"
                             "[@lang='%s'])",
                             langs[l]);
            S_assert_string(doc, rel, expr, disclaimers[l]);
            free(expr);
            xmlFreeDoc(doc);
        }
    const char *const absent[] = {"articles/english-only", "en/articles/korean-only",
                                  "en/404.html", NULL};
    for (size_t i = 0; absent[i]; i++) {
        char *path = path_join(s->out, absent[i]);
        if (path_exists(path))
            fail_msg("%s exists", absent[i]);
        free(path);
    }
    S_site_free(s);
}

/* [x](other.md#heading) leads to the same language's article, else to another with hreflang. */
static void test_internal_links_in_the_same_language(void **state)
{
    (void)state;
    S_site *s = S_built();
    const char *rel = "articles/smas/index.html";
    xmlDocPtr doc = S_page(s->out, rel);
    /* The Hangul heading id, percent-encoded in the href (libxml2's HTML serialiser). */
    S_assert_xpath(doc, rel, "//main//a[@href='/articles/dimpling/#%EC%9B%90%EC%9D%B8']", 1);
    S_assert_xpath(doc, rel, "//h2[@id='스마스-층이란']", 1);
    S_assert_xpath(doc, rel,
                   "//main//a[@href='/en/articles/english-only/' and @hreflang='en' and "
                   "@lang='en']",
                   1);
    S_assert_xpath(doc, rel, "//main//a[@href='/articles/smas/' and @hreflang]", 0);
    xmlFreeDoc(doc);
    rel = "en/articles/smas/index.html";
    doc = S_page(s->out, rel);
    S_assert_xpath(doc, rel, "//main//a[@href='/en/articles/dimpling/#causes' and not(@hreflang)]",
                   1);
    S_assert_xpath(doc, rel,
                   "//main//a[@href='/articles/korean-only/' and @hreflang='ko' and @lang='ko']",
                   1);
    xmlFreeDoc(doc);
    S_site_free(s);
}

/* One feed, one search index and one search page per language. */
static void test_feeds_and_search_per_language(void **state)
{
    (void)state;
    S_site *s = S_built();
    xmlDocPtr doc = S_page(s->out, "feed.xml");
    S_assert_string(doc, "feed.xml", "/atom:feed/@xml:lang", "ko");
    S_assert_string(doc, "feed.xml", "/atom:feed/atom:title", "클리닉 지식 센터");
    S_assert_string(doc, "feed.xml", "/atom:feed/atom:id", "https://clinic.example/");
    S_assert_xpath(doc, "feed.xml", "/atom:feed/atom:entry", 3);
    S_assert_xpath(doc, "feed.xml", "//atom:entry[starts-with(atom:id, 'https://clinic.example/en/')]",
                   0);
    xmlFreeDoc(doc);
    doc = S_page(s->out, "en/feed.xml");
    S_assert_string(doc, "en/feed.xml", "/atom:feed/@xml:lang", "en");
    S_assert_string(doc, "en/feed.xml", "/atom:feed/atom:title", "Clinic knowledge base");
    S_assert_string(doc, "en/feed.xml", "/atom:feed/atom:id", "https://clinic.example/en/");
    S_assert_string(doc, "en/feed.xml", "/atom:feed/atom:link[@rel='self']/@href",
                    "https://clinic.example/en/feed.xml");
    S_assert_xpath(doc, "en/feed.xml", "/atom:feed/atom:entry", 3);
    S_assert_xpath(doc, "en/feed.xml",
                   "//atom:entry[atom:id = 'https://clinic.example/en/articles/english-only/']", 1);
    xmlFreeDoc(doc);
    /* Each search page names its own language's index, which holds its articles alone. */
    doc = S_page(s->out, "search/index.html");
    S_assert_xpath(doc, "search/index.html", "//form[@data-index='/search-index.json']", 1);
    /* ... and the other language's, whose matches it lists apart, under its own heading. */
    S_assert_xpath(doc, "search/index.html",
                   "//form[@data-other-indexes='en=/en/search-index.json']", 1);
    S_assert_xpath(doc, "search/index.html", "//section[@id='search-other' and @hidden]"
                   "/h2[. = '다른 언어로 된 글']", 1);
    S_assert_xpath(doc, "search/index.html", "//ol[@id='search-other-results']", 1);
    xmlFreeDoc(doc);
    doc = S_page(s->out, "en/search/index.html");
    S_assert_xpath(doc, "en/search/index.html", "//form[@data-index='/en/search-index.json']", 1);
    S_assert_xpath(doc, "en/search/index.html",
                   "//form[@data-other-indexes='ko=/search-index.json']", 1);
    S_assert_xpath(doc, "en/search/index.html",
                   "//section[@id='search-other']/h2[. = 'In other languages']", 1);
    xmlFreeDoc(doc);
    size_t len;
    char *path = path_join(s->out, "search-index.json");
    char *ko = file_read(path, &len);
    free(path);
    path = path_join(s->out, "en/search-index.json");
    char *en = file_read(path, &len);
    free(path);
    assert_non_null(ko);
    assert_non_null(en);
    assert_non_null(strstr(ko, "/articles/korean-only/"));
    assert_null(strstr(ko, "english-only"));
    assert_non_null(strstr(en, "/en/articles/english-only/"));
    assert_null(strstr(en, "korean-only"));
    free(ko);
    free(en);
    S_site_free(s);
}

/* The <url> of the sitemap whose <loc> is loc lists href as an alternate. */
static bool S_sitemap_links(xmlDocPtr doc, const char *loc, const char *href)
{
    char *expr = xasprintf("//sm:url[sm:loc = '%s']/xhtml:link[@rel='alternate' and "
                           "@hreflang != 'x-default' and @href='%s']",
                           loc, href);
    int n = e2e_count(doc, expr);
    free(expr);
    return n == 1;
}

/* One sitemap: every page of both languages, each with its versions and x-default, both ways. */
static void test_sitemap_alternates(void **state)
{
    (void)state;
    S_site *s = S_built();
    xmlDocPtr doc = S_page(s->out, "sitemap.xml");
    /* 9 pages in each language, the 404 page in none. */
    S_assert_xpath(doc, "sitemap.xml", "//sm:url", 18);
    S_assert_xpath(doc, "sitemap.xml", "//sm:url[not(xhtml:link[@hreflang='x-default'])]", 0);
    S_assert_xpath(doc, "sitemap.xml", "//sm:url[not(xhtml:link[@href = ../sm:loc])]", 0);
    int n = e2e_count(doc, "//xhtml:link[@hreflang != 'x-default']");
    for (int i = 1; i <= n; i++) {
        char *expr = xasprintf("(//xhtml:link[@hreflang != 'x-default'])[%d]/../sm:loc", i);
        char *loc = e2e_string(doc, expr);
        free(expr);
        expr = xasprintf("(//xhtml:link[@hreflang != 'x-default'])[%d]/@href", i);
        char *href = e2e_string(doc, expr);
        free(expr);
        if (!S_sitemap_links(doc, href, loc))
            fail_msg("sitemap.xml: %s names %s as a version, but not the other way", loc, href);
        free(loc);
        free(href);
    }
    /* An article in one language has itself and x-default alone. */
    S_assert_xpath(doc, "sitemap.xml",
                   "//sm:url[sm:loc='https://clinic.example/en/articles/english-only/']"
                   "/xhtml:link[@hreflang='en' or @hreflang='x-default']",
                   2);
    S_assert_xpath(doc, "sitemap.xml",
                   "//sm:url[sm:loc='https://clinic.example/en/articles/smas/']/xhtml:link"
                   "[@hreflang='x-default' and @href='https://clinic.example/articles/smas/']",
                   1);
    xmlFreeDoc(doc);
    S_site_free(s);
}

/* The file of a site path: "/en/" → "en/index.html". */
static char *S_file_of(const char *href)
{
    const char *rest = href + 1;
    return str_ends_with(rest, "/") || !*rest ? xasprintf("%sindex.html", rest) : xstrdup(rest);
}

/* <languages> on page rel: each translated version's page lists rel's URL back, and the
 * page has one current language and an x-default. */
static void S_check_reciprocal(const char *out, const char *rel)
{
    xmlDocPtr doc = S_page(out, rel);
    S_assert_xpath(doc, rel, "//languages/language", 2);
    S_assert_xpath(doc, rel, "//languages/language[@current='yes']", 1);
    S_assert_xpath(doc, rel, "//languages/language[@current='yes' and @translated='yes']", 1);
    S_assert_xpath(doc, rel, "//x-default[@href and starts-with(@absolute, 'https://')]", 1);
    char *url = e2e_string(doc, "//main/@data-url");
    int n = e2e_count(doc, "//languages/language[@translated='yes']");
    for (int i = 1; i <= n; i++) {
        char *expr = xasprintf("(//languages/language[@translated='yes'])[%d]/@href", i);
        char *href = e2e_string(doc, expr);
        free(expr);
        char *file = S_file_of(href);
        xmlDocPtr other = S_page(out, file);
        expr = xasprintf("//languages/language[@translated='yes' and @href='%s']", url);
        if (e2e_count(other, expr) != 1)
            fail_msg("%s names %s as a version, which does not name it back", rel, href);
        free(expr);
        xmlFreeDoc(other);
        free(file);
        free(href);
    }
    free(url);
    xmlFreeDoc(doc);
}

/* What templates receive: <languages>, <x-default>, dates in the page's words, <stale>. */
static void test_page_xml(void **state)
{
    (void)state;
    S_site *s = S_site_new();
    char *tpl = S_pagexml_templates();
    S_build_ok(s, tpl, "xml");
    free(tpl);
    char *out = path_join(s->dir, "xml");
    for (size_t i = 0; S_ko_pages[i]; i++)
        S_check_reciprocal(out, S_ko_pages[i]);
    for (size_t i = 0; S_en_pages[i]; i++)
        S_check_reciprocal(out, S_en_pages[i]);
    const char *rel = "en/articles/english-only/index.html";
    xmlDocPtr doc = S_page(out, rel);
    /* No Korean version: the switch leads to the Korean home and says so. */
    S_assert_xpath(doc, rel,
                   "//language[@code='ko' and @name='한국어' and @og-locale='ko_KR' and "
                   "@default='yes' and @translated='no' and @href='/' and "
                   "@absolute='https://clinic.example/']",
                   1);
    S_assert_xpath(doc, rel, "//language[@code='en' and @og-locale='en_US' and @current='yes']",
                   1);
    S_assert_string(doc, rel, "//x-default/@href", "/en/articles/english-only/");
    /* English has no date_format: the templates write its dates their own way. */
    S_assert_xpath(doc, rel, "//main/date/@text", 0);
    S_assert_xpath(doc, rel, "//stale", 0);
    xmlFreeDoc(doc);
    rel = "articles/dimpling/index.html";
    doc = S_page(out, rel);
    S_assert_string(doc, rel, "//main/date/@text", "2026년 11월 6일");
    S_assert_xpath(doc, rel,
                   "//stale[@source-lang='en' and @source-name='English' and "
                   "@source-href='/en/articles/dimpling/']/reviewed[@iso='2026-12-01' and "
                   "@text='2026년 12월 1일']",
                   1);
    S_assert_xpath(doc, rel,
                   "//structured-data[contains(., '\"inLanguage\":\"ko\"') and contains(., "
                   "'\"translationOfWork\":{\"@id\":\"https://clinic.example/en/articles/dimpling/\"}')]",
                   1);
    xmlFreeDoc(doc);
    /* A current translation has no notice; its source lists it as a translation. */
    doc = S_page(out, "articles/smas/index.html");
    S_assert_xpath(doc, "articles/smas/index.html", "//stale", 0);
    xmlFreeDoc(doc);
    rel = "en/articles/smas/index.html";
    doc = S_page(out, rel);
    S_assert_xpath(doc, rel,
                   "//structured-data[contains(., '\"workTranslation\":[{\"@id\":"
                   "\"https://clinic.example/articles/smas/\"}]')]",
                   1);
    xmlFreeDoc(doc);
    rel = "en/search/index.html";
    doc = S_page(out, rel);
    S_assert_string(doc, rel, "//main/@data-root", "/en/");
    S_assert_string(doc, rel, "//search/@index", "/en/search-index.json");
    xmlFreeDoc(doc);
    free(out);
    S_site_free(s);
}

/* One 404 page for both languages: every language's message and disclaimer, each with its lang. */
static void test_not_found_in_every_language(void **state)
{
    (void)state;
    S_site *s = S_built();
    const char *rel = "404.html";
    xmlDocPtr doc = S_page(s->out, rel);
    S_assert_xpath(doc, rel, "/html[@lang='ko']", 1);
    S_assert_xpath(doc, rel, "//aside[contains(@class, 'medical-disclaimer')]", 1);
    S_assert_string(doc, rel, "normalize-space(//aside/div[@lang='ko'])",
                    "이 페이지는 일반적인 정보이며 의학적 조언이 아닙니다.");
    S_assert_string(doc, rel, "normalize-space(//aside/div[@lang='en'])",
                    "This page is general information, not medical advice.");
    xmlFreeDoc(doc);
    char *tpl = S_pagexml_templates();
    S_build_ok(s, tpl, "xml");
    free(tpl);
    char *out = path_join(s->dir, "xml");
    doc = S_page(out, rel);
    S_assert_string(doc, rel, "//main/@data-kind", "not-found");
    S_assert_xpath(doc, rel, "//language[@code='ko' and @href='/' and @current='yes']", 1);
    S_assert_xpath(doc, rel, "//language[@code='en' and @href='/en/']", 1);
    xmlFreeDoc(doc);
    free(out);
    S_site_free(s);
}

/* Write text to the file rel under s->dir, making its folder when it has none. */
static void S_put(S_site *s, const char *rel, const char *text)
{
    char *path = path_join(s->dir, rel);
    char *dir = xstrndup(path, (size_t)(path_basename(path) - path));
    assert_int_equal(mkdir_p(dir), 0);
    free(dir);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    free(path);
}

/*
 * Build site/ again (incremental) and full/ from nothing with templates: the two must be
 * identical.
 */
static void S_expect_same_as_full(S_site *s, const char *templates, const char *step)
{
    char *err = NULL;
    if (S_build_to(s, templates, "site", &err) != 0)
        fail_msg("%s: the incremental build failed: %s", step, err);
    free(err);
    char *full = path_join(s->dir, "full");
    remove_tree(full);
    char *previous = path_join(s->dir, "full.previous");
    remove_tree(previous);
    free(previous);
    S_build_ok(s, templates, "full");
    char *a = e2e_snapshot(s->out), *b = e2e_snapshot(full);
    if (strcmp(a, b) != 0)
        fail_msg("%s: the incremental build differs from a full build", step);
    free(a);
    free(b);
    free(full);
}

/*
 * What a page shows of its versions changes with them, though its own file does not. Built
 * with the templates that show the page XML, so that <languages> and <stale> are in the
 * pages whatever the project's templates make of them.
 */
static void test_incremental_builds(void **state)
{
    (void)state;
    S_site *s = S_site_new();
    char *tpl = S_pagexml_templates();
    S_build_ok(s, tpl, "site");
    S_expect_same_as_full(s, tpl, "nothing changed");
    /* The source is reviewed again: its unchanged translation becomes stale. */
    assert_true(e2e_edit(s->dir, "content/articles/en/smas.md", "reviewed: 2026-11-20",
                         "reviewed: 2026-12-02"));
    S_expect_same_as_full(s, tpl, "a source reviewed again");
    xmlDocPtr doc = S_page(s->out, "articles/smas/index.html");
    S_assert_xpath(doc, "articles/smas/index.html", "//stale/reviewed[@iso='2026-12-02']", 1);
    xmlFreeDoc(doc);
    /* A new translation: the Korean-only article gains an English version. */
    S_put(s, "content/articles/en/korean-only.md",
          "---\ntitle: \"Before a consultation\"\nsummary: \"What to ask.\"\n"
          "topics: [anatomy]\ndate: 2026-10-03\nreviewed: 2026-10-04\n"
          "reviewer: \"Medical review team\"\ntranslation_of: ko\n"
          "source_reviewed: 2026-10-04\n---\nAsk who performs the procedure.\n");
    S_expect_same_as_full(s, tpl, "a new translation");
    doc = S_page(s->out, "articles/korean-only/index.html");
    S_assert_xpath(doc, "articles/korean-only/index.html",
                   "//language[@code='en' and @translated='yes']", 1);
    xmlFreeDoc(doc);
    /* A link that fell back to English now finds its Korean version. */
    S_put(s, "content/articles/ko/english-only.md",
          "---\ntitle: \"상담 전 질문\"\nsummary: \"물어볼 것.\"\ntopics: [anatomy]\n"
          "date: 2026-10-05\nreviewed: 2026-10-05\nreviewer: \"의료진 감수\"\n"
          "translation_of: en\nsource_reviewed: 2026-10-02\n---\n누가 시술하는지 물어보세요.\n");
    S_expect_same_as_full(s, tpl, "a link's target translated");
    free(tpl);
    /* And with the project's templates, the link has no hreflang any more. */
    S_expect_same_as_full(s, "templates", "the project's templates");
    doc = S_page(s->out, "articles/smas/index.html");
    S_assert_xpath(doc, "articles/smas/index.html", "//main//p/a[@href='/articles/english-only/']",
                   1);
    /* (The stale notice's link to the English source keeps its hreflang.) */
    S_assert_xpath(doc, "articles/smas/index.html",
                   "//main//a[@hreflang][not(ancestor::*[@class='stale-notice'])]", 0);
    xmlFreeDoc(doc);
    S_site_free(s);
}

/*
 * A mistake about languages fails the build at its place, and the old site stays: in rel,
 * find replaced by repl, or (find NULL) rel written with repl.
 */
static void S_expect_error(const char *rel, const char *find, const char *repl,
                           const char *expected)
{
    S_site *s = S_built();
    char *before = e2e_snapshot(s->out);
    if (find)
        assert_true(e2e_edit(s->dir, rel, find, repl));
    else
        S_put(s, rel, repl);
    char *err = NULL;
    assert_int_equal(S_build_to(s, "templates", "site", &err), 1);
    if (!strstr(err, expected))
        fail_msg("expected '%s' in: %s", expected, err);
    char *after = e2e_snapshot(s->out);
    assert_string_equal(before, after);
    free(after);
    free(before);
    free(err);
    S_site_free(s);
}

static void test_language_errors(void **state)
{
    (void)state;
    /* A folder for a language site.yaml does not declare (no line: a folder). */
    S_expect_error("content/articles/fr/x.md", NULL, "---\ntitle: x\n---\n",
                   "content/articles/fr: error: this is a folder of articles in 'fr', a "
                   "language site.yaml does not declare;");
    S_expect_error("content/articles/ko/korean-only.md", "reviewer: \"의료진 감수\"\n",
                   "reviewer: \"의료진 감수\"\nlang: en\n",
                   "content/articles/ko/korean-only.md:8:7: error: 'lang: en' disagrees with "
                   "this article's folder, content/articles/ko/: its language is ko;");
    S_expect_error("content/articles/ko/korean-only.md", "reviewer: \"의료진 감수\"\n",
                   "reviewer: \"의료진 감수\"\ntranslation_of: en\nsource_reviewed: 2026-10-01\n",
                   "content/articles/ko/korean-only.md:8:17: error: this translation's source, "
                   "en/korean-only.md, does not exist;");
    S_expect_error("content/articles/ko/smas.md", "translation_of: en", "translation_of: ko",
                   "content/articles/ko/smas.md:8:17: error: an article cannot translate its "
                   "own language, ko;");
}

/* The settings' mistakes of issue 16, "Bad input": each stops the build at its line and
 * column, and the site built before stays as it was. */
static void test_settings_errors(void **state)
{
    (void)state;
    /* site.yaml and glossary.yaml serve every language: told in the default one, Korean
     * here. */
    S_expect_error("content/site.yaml", "  - code: en\n", "  - code: zz\n",
                   "content/site.yaml:12:11: error: 'code' 'zz'은(는) 알려진 언어가 아닙니다. "
                   "ko(한국어)나 en(영어)처럼 ISO 639 코드를 써 주십시오");
    S_expect_error("content/site.yaml",
                   "    disclaimer: |\n      This page is general information, not medical "
                   "advice.\n",
                   "",
                   "content/site.yaml:12:5: error: 이 언어에 'disclaimer'가 없습니다. 모든 "
                   "페이지에는 그 페이지의 언어로 된 의료 면책 문구가 들어가니 추가해 "
                   "주십시오(Markdown)(언어 'en')");
    /* Two codes, one URL prefix (/en-gb/). */
    S_expect_error("content/site.yaml", "  - code: en\n",
                   "  - {code: en-GB, title: t, disclaimer: d, notices: {before_after: n}}\n"
                   "  - code: en-gb\n",
                   "content/site.yaml:13:11: error: 언어 'en-GB'과(와) 'en-gb'은(는) 둘 다 "
                   "/en-gb/ 아래에 게시됩니다. 하나만 남겨 주십시오");
    S_expect_error("content/site.yaml", "  - code: en\n", "  - code: KO\n",
                   "content/site.yaml:12:11: error: 'code'에는 'KO'이(가) 아니라 en이나 ko 같은 "
                   "언어 코드를 써 주십시오");
    S_expect_error("content/site.yaml", "{ko: 부작용, en: Side effects}", "{ko: 부작용}",
                   "content/site.yaml:26:12: error: 주제 'side-effects'의 'title'에 'en' "
                   "텍스트가 없습니다. 'en: …'을(를) 추가해 주십시오");
    S_expect_error("content/glossary.yaml", NULL,
                   "terms:\n  - id: smas\n    term: {ko: SMAS}\n"
                   "    definition: {ko: 근막층., en: A layer.}\n",
                   "content/glossary.yaml:3:11: error: 용어 사전 항목 'smas'의 'term'에 'en' "
                   "텍스트가 없습니다. 'en: …'을(를) 추가해 주십시오");
}

/*
 * Issue 18, "Sources": a citation's mistakes in the language of the article it is in, with
 * the closest id when there is one; a citation outside an article (here, a disclaimer) has
 * no list to point into; suture check warns in the site's language (Korean) on a source no
 * article cites.
 */
static void test_citation_messages(void **state)
{
    (void)state;
    S_site *s = S_site_new();
    S_put(s, "content/sources.yaml",
          "sources:\n"
          "  - id: mitz1976\n"
          "    authors: \"Mitz V, Peyronie M\"\n"
          "    title: \"The SMAS in the parotid and cheek area\"\n"
          "    journal: \"Plastic and Reconstructive Surgery\"\n"
          "    year: 1976\n"
          "    pmid: 935283\n"
          "  - id: unused2020\n"
          "    authors: \"A B\"\n"
          "    title: \"Never cited\"\n"
          "    journal: \"J\"\n"
          "    year: 2020\n"
          "    pmid: 1\n");
    assert_true(e2e_edit(s->dir, "content/articles/ko/smas.md", "스마스 층은 피부와 지방 아래에 있습니다.",
                         "스마스 층은 피부와 지방 아래에 있습니다 [@mitz1967]. 근거 [@zzzz]."));
    assert_true(e2e_edit(s->dir, "content/articles/en/smas.md", "The SMAS lies under the skin and fat.",
                         "The SMAS lies under the skin and fat [@zzzz]."));
    assert_true(e2e_edit(s->dir, "content/site.yaml",
                         "This page is general information, not medical advice.",
                         "This page is general information [@mitz1976], not medical advice."));
    char *err = NULL;
    assert_int_equal(S_build_to(s, "templates", "site", &err), 1);
    static const char *const want[] = {
        "content/articles/ko/smas.md:11:26: error: content/sources.yaml에 'mitz1967'(이)라는 "
        "출처가 없습니다. 'mitz1976'을(를) 쓰려던 것인지 확인해 주십시오 [citation]",
        "content/articles/ko/smas.md:11:42: error: content/sources.yaml에 'zzzz'(이)라는 출처가 "
        "없습니다. 출처를 그 파일에 추가하거나 id를 바로잡아 주십시오 [citation]",
        "content/articles/en/smas.md:9:40: error: there is no source 'zzzz' in "
        "content/sources.yaml; add it there, or correct the id [citation]",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!e2e_has_line(err, want[i]))
            fail_msg("expected\n%s\nin:\n%s", want[i], err);
    /* On the disclaimer's line (its columns count from the text of the YAML block, as for
     * every mistake in a disclaimer: not pinned here). */
    const char *d = strstr(err, "content/site.yaml:16:");
    if (!d || !strstr(d, ": error: a citation here has no list of sources to point into: cite "
                         "sources in articles, glossary definitions or procedures.yaml "
                         "[citation]\n"))
        fail_msg("no citation error on the disclaimer's line in:\n%s", err);
    free(err);
    /* Without the mistakes, the source nobody cites is a warning, in Korean. */
    assert_true(e2e_edit(s->dir, "content/articles/ko/smas.md",
                         " [@mitz1967]. 근거 [@zzzz].", " [@mitz1976]."));
    assert_true(e2e_edit(s->dir, "content/articles/en/smas.md", " [@zzzz]", ""));
    assert_true(e2e_edit(s->dir, "content/site.yaml", " [@mitz1976]", ""));
    const char *check[] = {"check", "--content", "content", NULL};
    int status = e2e_run(s->dir, check, &err);
    if (!e2e_has_line(err, "content/sources.yaml:8:5: warning: 'unused2020' 출처를 인용한 글이 "
                           "없습니다. 근거로 쓴 글에 [@unused2020]로 인용하거나 이 항목을 "
                           "지우시기 바랍니다 [source-never-cited]"))
        fail_msg("no Korean source-never-cited warning (status %d) in:\n%s", status, err);
    free(err);
    /* A figure in the comparison data with neither a source nor a basis: a warning in the
     * site's language, quoting the first figure of any language; the data's citation makes
     * the source cited. */
    S_put(s, "content/data/procedures.yaml",
          "attributes:\n"
          "  - {id: recovery, label: {ko: 회복, en: Recovery}}\n"
          "procedures:\n"
          "  - id: thread-lift\n"
          "    name: {ko: 실리프팅, en: Thread lift}\n"
          "    values:\n"
          "      recovery: {ko: \"부기가 1~2주 갑니다\", en: \"Swelling for a week or two\"}\n"
          "  - id: facelift\n"
          "    name: {ko: 안면거상술, en: Facelift}\n"
          "    values:\n"
          "      recovery: {text: {ko: \"몇 주\", en: \"Some weeks\"}, source: \"[@unused2020]\"}\n");
    status = e2e_run(s->dir, check, &err);
    if (!e2e_has_line(err, "content/data/procedures.yaml:7:17: warning: 'thread-lift'의 "
                           "'recovery' 값에 나오는 수치 '1~2주'의 근거가 없습니다. 발표된 수치라면 "
                           "content/sources.yaml의 문헌을 source: \"[@id]\"로 밝히고, 병원의 "
                           "경험이라면 basis: clinic-experience라고 적어 주십시오 "
                           "[figure-unsourced]") ||
        strstr(err, "[source-never-cited]") || strstr(err, "facelift"))
        fail_msg("not the Korean figure-unsourced warning alone (status %d) in:\n%s", status,
                 err);
    free(err);
    S_site_free(s);
}

/* Golden pages of both languages: a rendered page changes only on purpose. */
static void test_golden_pages(void **state)
{
    (void)state;
    S_site *s = S_built();
    static const char *const golden[] = {"articles/dimpling/index.html",
                                         "en/articles/dimpling/index.html", NULL};
    for (size_t i = 0; golden[i]; i++) {
        char *want_path = xasprintf("%s/tests/golden/bilingual/%s", S_root, golden[i]);
        char *got_path = path_join(s->out, golden[i]);
        size_t lw, lg;
        char *want = file_read(want_path, &lw);
        char *got = file_read(got_path, &lg);
        if (!want || !got || lw != lg || memcmp(want, got, lw) != 0)
            fail_msg("%s differs from %s (make regen-golden after a deliberate change)",
                     got_path, want_path);
        free(want);
        free(got);
        free(want_path);
        free(got_path);
    }
    S_site_free(s);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pages_per_language),
        cmocka_unit_test(test_internal_links_in_the_same_language),
        cmocka_unit_test(test_feeds_and_search_per_language),
        cmocka_unit_test(test_sitemap_alternates),
        cmocka_unit_test(test_page_xml),
        cmocka_unit_test(test_not_found_in_every_language),
        cmocka_unit_test(test_incremental_builds),
        cmocka_unit_test(test_language_errors),
        cmocka_unit_test(test_settings_errors),
        cmocka_unit_test(test_citation_messages),
        cmocka_unit_test(test_golden_pages),
    };
    int rc = cmocka_run_group_tests_name("end-to-end bilingual build", tests, NULL, NULL);
    free(S_root);
    return rc;
}
