/*
 * test_templates.c: the real templates (the stylesheets in templates/ and strings.xml) on
 * the sample page XML of templates/examples, rendered as suture renders them (page.h): what
 * a site in two languages gets (hreflang alternates, og:locale, the language switch, the
 * stale translation notice, text in another language, the 404 page in every language), and
 * that a page XML without <languages> gets none of it.
 *
 * The repository is found through SUTURE_ROOT (set by make), else the current folder.
 */
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
#include "render/page.h"

static char *S_root;             /* the repository */
static page_templates *S_templates;
static xmlNodePtr S_aside;       /* the disclaimer every render injects */

static int S_setup(void **state)
{
    (void)state;
    page_init();
    const char *root = getenv("SUTURE_ROOT");
    S_root = xstrdup(root && *root ? root : ".");
    char *dir = path_join(S_root, "templates");
    S_templates = tu_templates_load(dir);
    free(dir);
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
    free(S_root);
    page_cleanup();
    return 0;
}

/* The text of templates/examples/<name>; the caller frees it. */
static char *S_example(const char *name)
{
    char *path = xasprintf("%s/templates/examples/%s", S_root, name);
    size_t len;
    char *xml = file_read(path, &len);
    assert_non_null(xml);
    free(path);
    return xml;
}

/* The HTML of the page XML xml, of kind; the caller frees it. */
static char *S_render_xml(page_kind kind, const char *xml)
{
    xmlDocPtr page = tu_parse_xml(xml, "page.xml", 0);
    diag_list *diags = diag_list_new();
    char *html = NULL;
    size_t len = 0;
    assert_int_equal(page_render(S_templates, kind, page, S_aside, "/x/", diags, &html, &len), 0);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
    xmlFreeDoc(page);
    assert_non_null(html);
    return html;
}

static char *S_render(page_kind kind, const char *example)
{
    char *xml = S_example(example);
    char *html = S_render_xml(kind, xml);
    free(xml);
    return html;
}

static size_t S_count(const char *html, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(html, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

#define assert_has(html, what) assert_non_null(strstr((html), (what)))
#define assert_lacks(html, what) assert_null(strstr((html), (what)))

/* Every translation, itself included, as an alternate; x-default; og:locale and its
 * alternates. */
static void test_alternates_and_og_locale(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko.xml");
    assert_has(html, "<link rel=\"alternate\" hreflang=\"ko\" "
                     "href=\"https://example.org/articles/smas-thread-lift/\">"
                     "<link rel=\"alternate\" hreflang=\"en\" "
                     "href=\"https://example.org/en/articles/smas-thread-lift/\">"
                     "<link rel=\"alternate\" hreflang=\"x-default\" "
                     "href=\"https://example.org/articles/smas-thread-lift/\">");
    assert_has(html, "<meta property=\"og:locale\" content=\"ko_KR\">"
                     "<meta property=\"og:locale:alternate\" content=\"en_US\">");
    free(html);
}

/* A language without a translation is no alternate, and no og:locale:alternate. */
static void test_untranslated_is_no_alternate(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko-untranslated.xml");
    assert_has(html,
               "hreflang=\"ko\" href=\"https://example.org/articles/thread-lift-aftercare/\"");
    assert_lacks(html, "<link rel=\"alternate\" hreflang=\"en\"");
    assert_lacks(html, "og:locale:alternate");
    assert_has(html, "hreflang=\"x-default\"");
    free(html);
}

static void test_switch_links_the_translation(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko.xml");
    assert_has(html, "<a class=\"site-title\" href=\"/\">클리닉 지식 센터</a>"
                     "<nav class=\"lang-switch\" aria-label=\"언어 선택\"><ul role=\"list\"><li>"
                     "<a href=\"/en/articles/smas-thread-lift/\" hreflang=\"en\" lang=\"en\" "
                     "dir=\"ltr\"><span class=\"lang-switch-name\">English</span></a>"
                     "</li></ul></nav>");
    free(html);
}

/* No translation: the link leads to the other language's home and says so in both. */
static void test_switch_says_untranslated(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko-untranslated.xml");
    assert_has(html, "<a href=\"/en/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">"
                     "<span class=\"lang-switch-name\">English</span> "
                     "<span class=\"lang-switch-note\">(<span lang=\"ko\" dir=\"ltr\">"
                     "이 글은 영어판이 없습니다</span> · English home page)</span></a>");
    free(html);
}

static void test_stale_notice_in_korean(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko-stale.xml");
    assert_has(html, "<h1>실리프팅 후 피부가 움푹 들어갈 때</h1>"
                     "<div class=\"stale-notice\" role=\"note\" aria-label=\"최신 번역이 아닙니다\">"
                     "<p><strong class=\"stale-title\">최신 번역이 아닙니다</strong> "
                     "이 번역은 영어 원문(<time datetime=\"2026-12-01\">2026년 12월 1일</time> "
                     "검토)보다 이전 판입니다. 최신 내용은 "
                     "<a href=\"/en/articles/dimpling-after-thread-lift/\" hreflang=\"en\">영어 "
                     "원문</a>에서 확인하세요.</p></div>");
    free(html);
}

static void test_stale_notice_in_english(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-en-stale.xml");
    assert_has(html, "<strong class=\"stale-title\">This translation is out of date</strong> "
                     "This translation follows an earlier version of the Korean original, "
                     "which was reviewed again on <time datetime=\"2026-11-28\">28 November "
                     "2026</time>. For the latest information, read <a "
                     "href=\"/articles/first-consultation/\" hreflang=\"ko\">the Korean "
                     "original</a>.");
    /* the switch on the English page, in English */
    assert_has(html, "<nav class=\"lang-switch\" aria-label=\"Language\">");
    assert_has(html, "hreflang=\"ko\" lang=\"ko\" dir=\"ltr\"><span class=\"lang-switch-name\">"
                     "한국어</span></a>");
    free(html);
}

/* A date's @text is written as it is; without it, the strings format the date. */
static void test_date_text(void **state)
{
    (void)state;
    char *xml = S_example("article-ko.xml");
    char *edited = tu_replace(xml, "text=\"2026년 11월 2일\"", "text=\"2026. 11. 2.\"");
    char *html = S_render_xml(PAGE_ARTICLE, edited);
    assert_has(html, "게시일 <time datetime=\"2026-11-02\">2026. 11. 2.</time>");
    free(html);
    free(edited);
    edited = tu_replace(xml, "text=\"2026년 11월 2일\"", "");
    html = S_render_xml(PAGE_ARTICLE, edited);
    assert_has(html, "게시일 <time datetime=\"2026-11-02\">2026년 11월 2일</time>");
    free(html);
    free(edited);
    free(xml);
}

/* An English article in a Korean list carries its language; its dates, in the page's
 * words, the page's. */
static void test_other_language_ref(void **state)
{
    (void)state;
    char *html = S_render(PAGE_ARTICLE, "article-ko.xml");
    assert_has(html, "<li class=\"listing-item\" lang=\"en\" dir=\"ltr\"><h3 "
                     "class=\"listing-title\"><a href=\"/en/articles/thread-lift-day/\">What "
                     "happens on the day of a thread lift</a></h3>");
    assert_has(html, "<p class=\"listing-meta\" lang=\"ko\" dir=\"ltr\"><span>게시일 ");
    assert_has(html, "<li class=\"listing-item\"><h3 class=\"listing-title\"><a "
                     "href=\"/articles/dimpling-after-thread-lift/\">");
    free(html);
}

/* The 404 page in both languages: one h1, each part with its lang and its home. */
static void test_not_found_in_every_language(void **state)
{
    (void)state;
    char *html = S_render(PAGE_NOT_FOUND, "not-found-bilingual.xml");
    assert_int_equal(S_count(html, "<h1"), 1);
    assert_has(html, "<title>페이지를 찾을 수 없습니다 / Page not found — 클리닉 지식 센터</title>");
    assert_has(html, "<section class=\"not-found-part intro\"><h1>페이지를 찾을 수 없습니다</h1>");
    assert_has(html, "<a href=\"/\" hreflang=\"ko\">홈으로 가기</a>");
    assert_has(html, "<section class=\"not-found-part\" lang=\"en\" dir=\"ltr\"><h2>Page not "
                     "found</h2><p>Sorry, there is no page at this address.");
    assert_has(html, "<a href=\"/en/\" hreflang=\"en\">Go to the home page</a>");
    /* no address of its own: no alternates; the switch has no "not translated" note */
    assert_lacks(html, "<link rel=\"alternate\" hreflang");
    assert_lacks(html, "lang-switch-note");
    assert_has(html, "<span class=\"lang-switch-name\">English</span></a>");
    assert_int_equal(S_count(html, "id=\"not-found-topics-heading\""), 1);
    free(html);
}

/* Without <languages> (a site in one language) nothing of the above is written. */
static void test_one_language_site_unchanged(void **state)
{
    (void)state;
    static const struct {
        page_kind kind;
        const char *file;
    } pages[] = {
        {PAGE_ARTICLE, "article.xml"}, {PAGE_NOT_FOUND, "not-found.xml"},
        {PAGE_HOME, "home.xml"},       {PAGE_TOPIC, "topic.xml"},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char *html = S_render(pages[i].kind, pages[i].file);
        assert_lacks(html, "hreflang");
        assert_lacks(html, "og:locale");
        assert_lacks(html, "lang-switch");
        assert_lacks(html, "not-found-part");
        free(html);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alternates_and_og_locale),
        cmocka_unit_test(test_untranslated_is_no_alternate),
        cmocka_unit_test(test_switch_links_the_translation),
        cmocka_unit_test(test_switch_says_untranslated),
        cmocka_unit_test(test_stale_notice_in_korean),
        cmocka_unit_test(test_stale_notice_in_english),
        cmocka_unit_test(test_date_text),
        cmocka_unit_test(test_other_language_ref),
        cmocka_unit_test(test_not_found_in_every_language),
        cmocka_unit_test(test_one_language_site_unchanged),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
