/*
 * test_search.c: end-to-end tests of search (issue "Patient experience"). Builds the fixture
 * site in tests/fixtures/good with the project's templates and checks, with XPath and
 * jansson: the /search/ page (its form, every published article by title, no draft, the
 * script from /assets/ and nothing written into the page), the search form in the header of
 * every page, the index /search-index.json (articles newest first, headings, glossary terms,
 * Korean words, no drafts), a Korean site's search page, and that an incremental build
 * writes the index a full build writes even when the old site's index is missing or
 * damaged.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"

static char *S_root; /* the repository, where the tests run from */

/* A copy of the good fixture and the templates; the caller removes it (S_done). */
static char *S_site(void)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    return dir;
}

static void S_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* suture build into dir/out, with an extra option or NULL; fails the test unless it works. */
static void S_build(const char *dir, const char *out, const char *extra)
{
    const char *args[] = {"build", "--content", "content", "--templates", "templates",
                          "--out", out, "--quiet", extra, NULL};
    char *err = NULL;
    int status = e2e_run(dir, args, &err);
    if (status != 0)
        fail_msg("suture build --out %s failed (%d): %s", out, status, err);
    free(err);
}

static xmlDocPtr S_page(const char *dir, const char *rel)
{
    char *path = xasprintf("%s/site/%s", dir, rel);
    xmlDocPtr doc = e2e_html(path);
    if (!doc)
        fail_msg("cannot parse %s", path);
    free(path);
    return doc;
}

static void S_xpath(xmlDocPtr doc, const char *expr, int expected)
{
    int n = e2e_count(doc, expr);
    if (n != expected)
        fail_msg("%s: expected %d, got %d", expr, expected, n);
}

static void S_string(xmlDocPtr doc, const char *expr, const char *expected)
{
    char *s = e2e_string(doc, expr);
    if (strcmp(s, expected) != 0)
        fail_msg("%s: expected '%s', got '%s'", expr, expected, s);
    free(s);
}

/* The index of the site dir/out, parsed. */
static json_t *S_index(const char *dir, const char *out)
{
    char *path = xasprintf("%s/%s/search-index.json", dir, out);
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    if (!root)
        fail_msg("%s: %s at line %d", path, error.text, error.line);
    free(path);
    return root;
}

/* The search page: a real form, every published article by title, script from /assets/. */
static void test_search_page(void **state)
{
    (void)state;
    char *dir = S_site();
    S_build(dir, "site", NULL);
    xmlDocPtr doc = S_page(dir, "search/index.html");
    S_string(doc, "/html/@lang", "en");
    S_string(doc, "//h1", "Search");
    S_string(doc, "//head/title", "Search — Fixture Clinic Knowledge Base");
    S_xpath(doc, "//head/meta[@name='description'][@content='Find articles and glossary terms "
                 "by their title, headings or text.']", 1);
    /* The form works without JavaScript: a GET form to this page, labelled, field q. */
    S_xpath(doc, "//main//form[@id='search-form'][@role='search'][@method='get']"
                 "[@action='/kb/search/'][@data-index='/kb/search-index.json']", 1);
    S_xpath(doc, "//main//label[@for='search-q'][normalize-space()='Search articles and terms']", 1);
    S_xpath(doc, "//main//input[@id='search-q'][@type='search'][@name='q']", 1);
    S_xpath(doc, "//main//form//button[@type='submit'][normalize-space()='Search']", 1);
    /* The script's place: a polite status, a results list (hidden until there are results). */
    S_xpath(doc, "//*[@id='search-status'][@role='status'][@aria-live='polite']", 1);
    S_xpath(doc, "//ol[@id='search-results'][@hidden][@aria-label='Search results']", 1);
    /* A site in one language has no other languages to search, nor their section. */
    S_xpath(doc, "//form[@data-other-indexes]", 0);
    S_xpath(doc, "//*[@id='search-other']", 0);
    S_string(doc, "//form[@id='search-form']/@data-results-n", "{2} results for “{1}”");
    S_string(doc, "//form[@id='search-form']/@data-no-results",
             "No articles match “{1}”. Try a shorter or different word, or browse all "
             "articles below.");
    /* The script is a file from /assets/, deferred; nothing is written into the page. */
    char *search_js = e2e_asset_name(dir, "search.js");
    char *expr = xasprintf("//head/script[@src='/kb/assets/%s'][@defer]", search_js);
    S_xpath(doc, expr, 1);
    free(expr);
    S_xpath(doc, "//script[not(@src)][not(@type='application/ld+json')]", 0);
    S_xpath(doc, "//@*[starts-with(name(), 'on')]", 0);
    /* Every published article, by title, grouped by first letter; no draft. */
    S_xpath(doc, "//section[@id='search-all']/ul[@class='search-listing']/li", 3);
    S_xpath(doc, "//a[contains(@href, 'upcoming')]", 0);
    S_string(doc, "//p[@class='search-all-count']", "3 articles");
    S_xpath(doc, "//h3[@class='search-initial']", 3);
    S_string(doc, "(//h3[@class='search-initial'])[1]", "D");
    S_string(doc, "(//h3[@class='search-initial'])[2]", "T");
    S_string(doc, "(//h3[@class='search-initial'])[3]", "ㅅ");
    S_xpath(doc, "//nav[@class='search-initials']//a[@href='#initial-3'][.='ㅅ']", 1);
    S_xpath(doc, "//h3[@id='initial-1']/following-sibling::ul[1]/li//a"
                 "[@href='/kb/articles/dimpling/'][.='Dimpling after a thread lift']", 1);
    S_xpath(doc, "//h3[@id='initial-2']/following-sibling::ul[1]/li//a"
                 "[@href='/kb/articles/layers/']", 1);
    S_xpath(doc, "//h3[@id='initial-3']/following-sibling::ul[1]/li[@lang='ko']//a"
                 "[@href='/kb/articles/smas-ko/'][.='스마스층과 실리프팅']", 1);
    S_xpath(doc, "//li[a[@href='/kb/articles/layers/']]/p"
                 "[.='Where the SMAS lies and why it matters.']", 1);
    /* The disclaimer, like every page. */
    S_xpath(doc, "//main//aside[@class='medical-disclaimer'][@role='note']", 1);
    xmlFreeDoc(doc);

    /* The script is published; the page is in the sitemap; suture check passes the site. */
    char *js = xasprintf("%s/site/assets/%s", dir, search_js);
    free(search_js);
    assert_true(path_is_file(js));
    free(js);
    char *sitemap = e2e_read(dir, "site/sitemap.xml");
    assert_non_null(strstr(sitemap, "<loc>https://clinic.example/kb/search/</loc>"));
    free(sitemap);
    const char *verify[] = {"check", "--site", "site", NULL};
    char *err = NULL;
    assert_int_equal(e2e_run(dir, verify, &err), 0);
    free(err);
    S_done(dir);
}

/* Every HTML file under dir/rel, recursively, into out (paths below dir). */
static void S_html_files(const char *dir, const char *rel, strlist *out)
{
    char *path = *rel ? path_join(dir, rel) : xstrdup(dir);
    strlist names = STRLIST_INIT;
    if (dir_list(path, NULL, &names) == 0) {
        for (size_t i = 0; i < names.len; i++) {
            char *sub = *rel ? path_join(rel, names.items[i]) : xstrdup(names.items[i]);
            char *full = path_join(dir, sub);
            if (path_is_dir(full))
                S_html_files(dir, sub, out);
            else if (str_ends_with(sub, ".html"))
                strlist_push(out, sub);
            free(full);
            free(sub);
        }
    }
    strlist_free(&names);
    free(path);
}

/* The header of every page has one search form to /search/?q=, but for the search page,
 * which has its own. */
static void test_header_form_on_every_page(void **state)
{
    (void)state;
    char *dir = S_site();
    S_build(dir, "site", NULL);
    char *site = path_join(dir, "site");
    strlist pages = STRLIST_INIT;
    S_html_files(site, "", &pages);
    assert_int_equal(pages.len, 13);
    for (size_t i = 0; i < pages.len; i++) {
        xmlDocPtr doc = S_page(dir, pages.items[i]);
        int n = e2e_count(doc, "//header[@class='site-header']/details[@class='site-menu']/form[@class='site-search']"
                               "[@role='search'][@method='get'][@action='/kb/search/']"
                               "[label/input[@name='q'][@type='search']][button[@type='submit']]");
        int want = strcmp(pages.items[i], "search/index.html") == 0 ? 0 : 1;
        if (n != want)
            fail_msg("%s: %d search forms in the header, not %d", pages.items[i], n, want);
        xmlFreeDoc(doc);
    }
    /* A Korean article's header speaks Korean. */
    xmlDocPtr doc = S_page(dir, "articles/smas-ko/index.html");
    S_string(doc, "//header//form/@aria-label", "사이트 검색");
    S_string(doc, "//header//form//span[@class='site-search-text']", "검색");
    S_string(doc, "//header//form/button", "찾기");
    xmlFreeDoc(doc);
    strlist_free(&pages);
    free(site);
    S_done(dir);
}

/* The position of the string s in the array a of strings, or -1. */
static long S_find(const json_t *a, const char *s)
{
    for (size_t i = 0; i < json_array_size(a); i++)
        if (strcmp(json_string_value(json_array_get(a, i)), s) == 0)
            return (long)i;
    return -1;
}

/* The postings of word k: a string, or the number of an earlier word with the same ones. */
static const char *S_postings(const json_t *postings, size_t k)
{
    json_t *p = json_array_get(postings, k);
    if (json_is_integer(p))
        p = json_array_get(postings, (size_t)json_integer_value(p));
    assert_true(json_is_string(p));
    return json_string_value(p);
}

/* The index lists the published articles, newest first, and the glossary terms. */
static void test_search_index(void **state)
{
    (void)state;
    char *dir = S_site();
    S_build(dir, "site", NULL);
    json_t *root = S_index(dir, "site");
    assert_int_equal(json_integer_value(json_object_get(root, "format")), 2);
    json_t *articles = json_object_get(root, "articles");
    assert_int_equal(json_array_size(articles), 3);
    static const char *const urls[] = {"/kb/articles/dimpling/", "/kb/articles/layers/",
                                       "/kb/articles/smas-ko/"};
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(articles, i), "url")),
                            urls[i]);
    json_t *layers = json_array_get(articles, 1);
    assert_string_equal(json_string_value(json_object_get(layers, "title")),
                        "The layers of the face");
    assert_string_equal(json_string_value(json_object_get(layers, "lang")), "en");
    /* Headings are listed once and numbered; the fixture's repeat each other in nothing. */
    json_t *number = json_array_get(json_object_get(layers, "headings"), 0);
    json_t *first = json_array_get(json_object_get(root, "headings"),
                                   (size_t)json_integer_value(number));
    assert_string_equal(json_string_value(json_array_get(first, 0)), "What the SMAS is");
    assert_string_equal(json_string_value(json_array_get(first, 1)), "what-the-smas-is");
    json_t *ko = json_array_get(articles, 2);
    assert_string_equal(json_string_value(json_object_get(ko, "lang")), "ko");
    /* The excerpt a body match is shown with: whole sentences, citations left out. */
    json_t *excerpt = json_object_get(ko, "text");
    assert_int_equal(json_array_size(excerpt), 2);
    assert_string_equal(json_string_value(json_array_get(excerpt, 0)), "스마스층은 피부 아래에 있습니다.");
    assert_string_equal(json_string_value(json_array_get(excerpt, 1)),
                        "광대뼈 위의 고정 SMAS는 거의 움직이지 않습니다.");
    assert_string_equal(json_string_value(json_object_get(ko, "title")), "스마스층과 실리프팅");
    /* Glossary terms, sorted, with their aliases and the glossary page's anchors. */
    json_t *terms = json_object_get(root, "terms");
    assert_int_equal(json_array_size(terms), 3);
    json_t *smas = json_array_get(terms, 2);
    assert_string_equal(json_string_value(json_object_get(smas, "term")), "SMAS");
    assert_string_equal(json_string_value(json_object_get(smas, "url")), "/kb/glossary/#term-smas");
    assert_string_equal(json_string_value(json_array_get(json_object_get(smas, "aliases"), 0)),
                        "superficial musculoaponeurotic system");
    assert_string_equal(json_string_value(json_object_get(smas, "definition")),
                        "A layer of connective tissue under the skin and fat.");
    /* Body words, sorted, each with its articles: Korean words keep their particles. */
    json_t *words = json_object_get(root, "words"), *postings = json_object_get(root, "postings");
    assert_int_equal(json_array_size(words), json_array_size(postings));
    for (size_t i = 1; i < json_array_size(words); i++)
        assert_true(strcmp(json_string_value(json_array_get(words, i - 1)),
                           json_string_value(json_array_get(words, i))) < 0);
    long skin = S_find(words, "피부"), smas_ko = S_find(words, "스마스층은");
    assert_true(skin >= 0 && smas_ko >= 0);
    assert_string_equal(S_postings(postings, (size_t)skin), "2");
    assert_string_equal(S_postings(postings, (size_t)smas_ko), "2");
    /* The draft's words are not there: "Work in progress." */
    assert_int_equal(S_find(words, "progress"), -1);
    /* A citation's number is no word, nor part of the one before it: "…the cheekbone¹," */
    assert_true(S_find(words, "cheekbone") >= 0);
    assert_int_equal(S_find(words, "cheekbone1"), -1);
    assert_int_equal(S_find(words, "1"), -1);
    json_decref(root);
    char *text = e2e_read(dir, "site/search-index.json");
    assert_null(strstr(text, "upcoming"));
    free(text);

    /* With --drafts the draft is published, and searchable. */
    S_build(dir, "drafts", "--drafts");
    root = S_index(dir, "drafts");
    assert_int_equal(json_array_size(json_object_get(root, "articles")), 4);
    assert_true(S_find(json_object_get(root, "words"), "progress") >= 0);
    json_decref(root);
    S_done(dir);
}

/* A site in Korean: the search page in Korean. */
static void test_korean_search_page(void **state)
{
    (void)state;
    char *dir = S_site();
    assert_true(e2e_edit(dir, "content/site.yaml", "language: en", "language: ko"));
    S_build(dir, "site", NULL);
    xmlDocPtr doc = S_page(dir, "search/index.html");
    S_string(doc, "/html/@lang", "ko");
    S_string(doc, "//h1", "검색");
    S_string(doc, "//label[@for='search-q']", "글과 용어 검색");
    S_string(doc, "//form[@id='search-form']/@data-results-n", "“{1}” 검색 결과 {2}건");
    S_string(doc, "//h2[@id='search-all-heading']", "전체 글 (가나다순)");
    /* Every article is in the site's language now (none sets lang:): none needs its own. */
    S_xpath(doc, "//section[@id='search-all']/ul[@class='search-listing']/li", 3);
    S_xpath(doc, "//li[@lang]", 0);
    xmlFreeDoc(doc);
    S_done(dir);
}

/* Build dir/full from nothing and require its index to be dir/site's, byte for byte. */
static void S_expect_same_index(const char *dir, const char *step)
{
    char *full = path_join(dir, "full"), *previous = path_join(dir, "full.previous");
    remove_tree(full);
    remove_tree(previous);
    S_build(dir, "full", NULL);
    char *a = e2e_read(dir, "site/search-index.json"), *b = e2e_read(dir, "full/search-index.json");
    if (strcmp(a, b) != 0)
        fail_msg("%s: the incremental build's index differs from a full build's", step);
    free(a);
    free(b);
    free(full);
    free(previous);
}

/*
 * An incremental build takes the entries of unchanged articles from the old site's index;
 * when that file is missing, damaged or of another format, it renders them again: the
 * index is a full build's all the same.
 */
static void test_index_when_old_index_is_gone(void **state)
{
    (void)state;
    char *dir = S_site();
    S_build(dir, "site", NULL);
    char *index = xasprintf("%s/site/search-index.json", dir);
    static const struct {
        const char *old; /* what the old site's index is made to hold; NULL: removed */
        const char *edit;
    } cases[] = {
        {NULL, "It is a thin sheet of"},
        {"{\"format\":2,\"articles\":[", "It is a thinner sheet of"},
        {"{\"format\":1,\"articles\":[],\"terms\":[],\"words\":[],\"postings\":[]}",
         "It is a very thin sheet of"},
    };
    const char *was = "It is a sheet of";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        /* A new file, not the published one rewritten: it is linked into site.previous. */
        unlink(index);
        if (cases[i].old)
            assert_int_equal(file_write(index, cases[i].old, strlen(cases[i].old)), 0);
        assert_true(e2e_edit(dir, "content/articles/layers.md", was, cases[i].edit));
        was = cases[i].edit;
        S_build(dir, "site", NULL);
        char *step = xasprintf("case %zu", i);
        S_expect_same_index(dir, step);
        free(step);
    }
    /* The Korean article, edited, with the others taken from the old index. */
    assert_true(e2e_edit(dir, "content/articles/korean.md", "피부 아래에", "피부 밑에"));
    S_build(dir, "site", NULL);
    S_expect_same_index(dir, "a Korean sentence");
    json_t *root = S_index(dir, "site");
    assert_true(S_find(json_object_get(root, "words"), "밑에") >= 0);
    assert_int_equal(S_find(json_object_get(root, "words"), "아래에"), -1);
    json_decref(root);
    free(index);
    S_done(dir);
}

int main(void)
{
    S_root = getenv("SUTURE_ROOT") ? xstrdup(getenv("SUTURE_ROOT")) : getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_page),
        cmocka_unit_test(test_header_form_on_every_page),
        cmocka_unit_test(test_search_index),
        cmocka_unit_test(test_korean_search_page),
        cmocka_unit_test(test_index_when_old_index_is_gone),
    };
    int rc = cmocka_run_group_tests_name("search", tests, NULL, NULL);
    free(S_root);
    return rc;
}
