/*
 * test_build.c: end-to-end tests of `suture build`. Builds the fixture site in
 * tests/fixtures/good with the project's own templates, inspects the pages with XPath,
 * compares pages with the golden files in tests/golden/good, and builds every broken
 * variant in tests/fixtures/broken/<case>/ (an overlay of files over the good fixture,
 * and an `expected` list of diagnostics), checking each error message, the exit status,
 * and that the previous site is left exactly as it was.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <jansson.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

typedef struct {
    char *dir;       /* temporary folder with content/, templates/ and site/ */
    char *content;
    char *templates;
    char *out;
} S_site;

static S_site *S_site_new(const char *fixture)
{
    S_site *s = xcalloc(1, sizeof *s);
    s->dir = e2e_tmpdir();
    assert_non_null(s->dir);
    s->content = path_join(s->dir, "content");
    s->templates = path_join(s->dir, "templates");
    s->out = path_join(s->dir, "site");
    char *from = xasprintf("%s/tests/fixtures/%s/content", S_root, fixture);
    char *tpl = xasprintf("%s/templates", S_root);
    assert_int_equal(copy_tree(from, s->content, NULL, NULL), 0);
    assert_int_equal(copy_tree(tpl, s->templates, NULL, NULL), 0);
    free(from);
    free(tpl);
    return s;
}

static void S_site_free(S_site *s)
{
    remove_tree(s->dir);
    free(s->dir);
    free(s->content);
    free(s->templates);
    free(s->out);
    free(s);
}

static int S_build(S_site *s, char **err, const char *extra)
{
    const char *args[] = {"build", "--content", "content", "--templates", "templates",
                          "--out", "site", "--quiet", extra, NULL};
    return e2e_run(s->dir, args, err);
}

static xmlDocPtr S_page(S_site *s, const char *rel)
{
    char *path = path_join(s->out, rel);
    xmlDocPtr doc = e2e_html(path);
    if (!doc)
        fail_msg("cannot parse %s", path);
    free(path);
    return doc;
}

static void S_assert_xpath(xmlDocPtr doc, const char *expr, int expected)
{
    int n = e2e_count(doc, expr);
    if (n != expected)
        fail_msg("%s: expected %d, got %d", expr, expected, n);
}

static void S_assert_string(xmlDocPtr doc, const char *expr, const char *expected)
{
    char *s = e2e_string(doc, expr);
    if (strcmp(s, expected) != 0)
        fail_msg("%s: expected '%s', got '%s'", expr, expected, s);
    free(s);
}

static const char *const S_pages[] = {
    "index.html",
    "articles/layers/index.html",
    "articles/dimpling/index.html",
    "articles/smas-ko/index.html",
    "topics/anatomy/index.html",
    "topics/thread-lift/index.html",
    "topics/mini-lift/index.html",
    "topics/side-effects/index.html",
    "topics/consultation/index.html",
    "compare/index.html",
    "glossary/index.html",
    "404.html",
    "search/index.html",
    NULL,
};

/* The good fixture builds, and exactly the expected files appear. */
static void test_good_site_builds(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    assert_string_equal(err, "");
    for (size_t i = 0; S_pages[i]; i++) {
        char *p = path_join(s->out, S_pages[i]);
        if (!path_is_file(p))
            fail_msg("missing page %s", S_pages[i]);
        free(p);
    }
    static const char *const files[] = {"sitemap.xml", "feed.xml", "robots.txt",
                                        "assets/favicon.svg", "media/layers.png",
                                        "media/case-before.png", NULL};
    for (size_t i = 0; files[i]; i++) {
        char *p = path_join(s->out, files[i]);
        if (!path_is_file(p))
            fail_msg("missing file %s", files[i]);
        free(p);
    }
    /* The draft is not built, and nothing else is left beside the site. */
    char *draft = path_join(s->out, "articles/upcoming/index.html");
    assert_false(path_is_file(draft));
    free(draft);
    strlist names = STRLIST_INIT;
    assert_int_equal(dir_list(s->dir, NULL, &names), 0);
    assert_int_equal(names.len, 3); /* content, site, templates: no staging folder left */
    strlist_free(&names);
    free(err);
    S_site_free(s);
}

/* SPEC "Output": every page is HTML5 with lang, title, description, one h1, one disclaimer. */
static void test_every_page_has_one_disclaimer_and_basics(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    for (size_t i = 0; S_pages[i]; i++) {
        char *path = path_join(s->out, S_pages[i]);
        size_t len;
        char *html = file_read(path, &len);
        assert_non_null(html);
        if (strncmp(html, "<!DOCTYPE html>\n", 16) != 0)
            fail_msg("%s does not start with <!DOCTYPE html>", S_pages[i]);
        free(html);
        free(path);
        xmlDocPtr doc = S_page(s, S_pages[i]);
        S_assert_xpath(doc, "//aside[@class='medical-disclaimer'][@role='note']", 1);
        S_assert_xpath(doc, "//*[contains(@class,'medical-disclaimer')]", 1);
        S_assert_string(doc, "normalize-space(//aside[@class='medical-disclaimer'])",
                        "This page is general information, not medical advice. Every "
                        "procedure carries risks that differ from person to person.");
        S_assert_xpath(doc, "//h1", 1);
        S_assert_xpath(doc, "/html[@lang]", 1);
        S_assert_xpath(doc, "//head/title[normalize-space()]", 1);
        S_assert_xpath(doc, "//head/meta[@name='description'][normalize-space(@content)]", 1);
        S_assert_xpath(doc, "//head/meta[@charset='utf-8']", 1);
        /* The policies suture puts in every page, right after the charset. */
        S_assert_xpath(doc, "//head/meta[@charset]/following-sibling::*[1][self::meta]"
                            "[@http-equiv='Content-Security-Policy'][@content=\"default-src "
                            "'self'; object-src 'none'; base-uri 'none'; form-action 'self'\"]",
                       1);
        S_assert_xpath(doc, "//head/meta[@name='referrer']"
                            "[@content='strict-origin-when-cross-origin']",
                       1);
        /* No inline event handler anywhere. */
        S_assert_xpath(doc, "//@*[starts-with(name(), 'on')]", 0);
        S_assert_xpath(doc, "//main", 1);
        S_assert_xpath(doc, "//a[@href='#main']", 1);
        /* No request to any other host: no external scripts, styles or images. */
        S_assert_xpath(doc, "//script[not(@type='application/ld+json')][not(starts-with(@src, '/kb/assets/'))]", 0);
        S_assert_xpath(doc, "//link[@rel='stylesheet'][not(starts-with(@href,'/kb/'))]", 0);
        S_assert_xpath(doc, "//img[not(starts-with(@src,'/kb/media/'))]", 0);
        /* The header's search: a GET form to /search/ with a labelled q field (the search
         * page has its own instead). */
        S_assert_xpath(doc, "//header//form[@role='search'][@method='get']"
                            "[@action='/kb/search/'][@aria-label]"
                            "/label[normalize-space(span)]/input[@type='search'][@name='q']",
                       strcmp(S_pages[i], "search/index.html") == 0 ? 0 : 1);
        /* On a phone the search and the navigation are behind one "Menu" button, a
         * <details> that works without script; site.js (deferred, from the site) adds
         * Escape and focus. */
        S_assert_xpath(doc, "//header[@class='site-header']/details[@class='site-menu'][not(@open)]"
                            "/summary[1][normalize-space()='Menu' or normalize-space()='메뉴']"
                            "/following-sibling::nav[@class='site-nav']", 1);
        /* (its name fingerprinted: test_assets.c) */
        S_assert_xpath(doc, "//head/script[starts-with(@src, '/kb/assets/site.')]"
                            "[substring-after(substring-after(@src, 'site.'), '.')='js']"
                            "[@defer]", 1);
        /* An icon (SVG, and a 32 px PNG for the rest) and the brand colour for the
         * browser's own bar. */
        S_assert_xpath(doc, "//head/link[@rel='icon'][@type='image/svg+xml']"
                            "[@href='/kb/assets/favicon.svg']", 1);
        S_assert_xpath(doc, "//head/link[@rel='icon'][@type='image/png'][@sizes='32x32']"
                            "[@href='/kb/assets/favicon-32.png']", 1);
        S_assert_xpath(doc, "//head/meta[@name='theme-color'][@content='#0b4f5c']", 1);
        /* "Back to top" in every footer but the 404 page's. */
        S_assert_xpath(doc, "//footer[@class='site-footer']/p[@class='back-to-top']/a[@href='#top']",
                       strcmp(S_pages[i], "404.html") == 0 ? 0 : 1);
        xmlFreeDoc(doc);
    }
    free(err);
    S_site_free(s);
}

static void test_article_page(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    xmlDocPtr doc = S_page(s, "articles/layers/index.html");
    S_assert_string(doc, "//h1", "The layers of the face");
    S_assert_string(doc, "/html/@lang", "en");
    /* Headings: stable ids, de-duplicated, each with a self-link. */
    S_assert_xpath(doc, "//main//h2[@id='what-the-smas-is']/a[@class='heading-anchor'][@href='#what-the-smas-is']"
                      "[@aria-hidden='true'][@tabindex='-1'][not(@aria-labelledby)]", 1);
    S_assert_xpath(doc, "//h2[@id='same-name']", 1);
    S_assert_xpath(doc, "//h2[@id='same-name-1']", 1);
    /* A table of contents, as the article has three or more sections. */
    S_assert_xpath(doc, "//nav[contains(@class,'toc')]//a[@href='#fixed-and-mobile-parts']", 1);
    /* ...closed in the page (a phone shows the text first; site.js opens it on a wide
     * screen), its heading the summary. */
    S_assert_xpath(doc, "//nav[@class='toc'][@aria-labelledby='toc']/details[@class='toc-details']"
                        "[not(@open)]/summary/h2[@id='toc']", 1);
    /* Breadcrumbs: home, then the article's first topic. */
    S_assert_xpath(doc, "//header[@class='article-header']/nav[@class='breadcrumbs']/ol"
                        "[li[1]/a[@href='/kb/']][li[2]/a[@href='/kb/topics/anatomy/']][count(li)=2]"
                        "/../following-sibling::h1", 1);
    /* Review, publication, topics and procedures: two short lines of small print. */
    S_assert_xpath(doc, "//div[@class='article-meta']/p", 2);
    S_assert_xpath(doc, "//div[@class='article-meta']/p[@class='byline']"
                        "[span[@class='byline-review']][span[@class='published']]", 1);
    S_assert_xpath(doc, "//div[@class='article-meta']/p[@class='article-tags']"
                        "[span[@class='article-topics']/a[@href='/kb/topics/thread-lift/']]"
                        "[span[@class='article-procedures']/a]", 1);
    /* Citations: numbered in the order first cited, each number linking to its source and
     * the first of each linked back to; the list after the body, in the NLM's style. */
    S_assert_xpath(doc, "//main//p/sup[@class='citation']", 3);
    S_assert_xpath(doc, "(//sup[@class='citation'])[1]/a[@href='#source-1'][@id='cite-1']"
                        "[@aria-describedby='sources'][.='1']", 1);
    S_assert_xpath(doc, "(//sup[@class='citation'])[2]/a", 2);
    S_assert_xpath(doc, "(//sup[@class='citation'])[2]/a[2][@href='#source-2'][@id='cite-2']",
                   1);
    S_assert_xpath(doc, "//a[@id='cite-1']", 1);
    S_assert_xpath(doc, "//section[@class='sources'][@aria-labelledby='sources']"
                        "/h2[@id='sources'][.='Sources']", 1);
    S_assert_xpath(doc, "//ol[@class='source-list']/li", 2);
    S_assert_string(doc, "normalize-space(//li[@id='source-1']/span[@lang='en'])",
                    "Mitz V, Peyronie M. The superficial musculo-aponeurotic system (SMAS) in "
                    "the parotid and cheek area. Plastic and Reconstructive Surgery.");
    S_assert_xpath(doc, "//li[@id='source-1']/a[@href='https://doi.org/"
                        "10.1097/00006534-197607000-00013']", 1);
    S_assert_xpath(doc, "//li[@id='source-1']/a[@href='https://pubmed.ncbi.nlm.nih.gov/935283/']"
                        "[.='PubMed record 935283']", 1);
    S_assert_xpath(doc, "//li[@id='source-2']/a[@class='back-to-citation'][@href='#cite-2']"
                        "[@aria-label='Back to where source 2 is cited']", 1);
    /* Every citation points at a source on the page; the source not cited is not listed. */
    S_assert_xpath(doc, "//sup[@class='citation']/a[not(substring(@href, 2) = //li/@id)]", 0);
    S_assert_xpath(doc, "//*[contains(., 'example guideline')]", 0);
    /* Care cards: a region named by its heading (site.yaml's notice for the level), the
     * list with its links resolved, the clinic's and the emergency number as tel: links. */
    S_assert_xpath(doc, "//main//section[@class='care-card care-urgent']"
                        "[@aria-labelledby='care-1']/h3[@id='care-1']"
                        "[.='Contact the clinic straight away if you have:']", 1);
    S_assert_xpath(doc, "//section[@class='care-card care-urgent']//li/a"
                        "[@href='/kb/articles/dimpling/#causes'][.='haematoma']", 1);
    S_assert_xpath(doc, "//section[@class='care-card care-urgent']//p[@class='care-contact']"
                        "/span[1][starts-with(., 'Call the clinic:')]"
                        "/a[@href='tel:+82-2-0000-0000'][.='+82 2-0000-0000']", 1);
    S_assert_xpath(doc, "//section[@class='care-card care-emergency'][@aria-labelledby='care-2']"
                        "//p[@class='care-contact']/span[1]/a[@href='tel:119']", 1);
    /* Internal link to another article's heading, rewritten with the base path. */
    S_assert_xpath(doc, "//a[@href='/kb/articles/dimpling/#causes'][.='dimpling causes']", 1);
    /* Glossary: the first use of each term links to it, once; the longer term wins. */
    S_assert_xpath(doc, "//a[@class='glossary-term'][@href='/kb/glossary/#term-smas']", 1);
    S_assert_xpath(doc, "//a[@class='glossary-term'][@href='/kb/glossary/#term-fixed-smas'][.='fixed SMAS']", 1);
    S_assert_xpath(doc, "//h2//a[@class='glossary-term']", 0);
    /* The compare block: caption, column and row headers, data labels, notes. */
    S_assert_string(doc, "//table[@class='comparison']/caption", "Thread lift and mini lift");
    S_assert_xpath(doc, "//table[@class='comparison']/thead/tr/th[@scope='col']", 2);
    S_assert_xpath(doc, "//table[@class='comparison']/tbody/tr/th[@scope='row']", 2);
    S_assert_xpath(doc, "//table[@class='comparison']//td[@data-label='Mini lift']", 2);
    S_assert_string(doc, "//table[@class='comparison']/tbody/tr[2]/td[1]/text()", "A few days");
    /* Its notes under a heading, each linking back to the mark in its cell. */
    S_assert_xpath(doc, "//div[@class='comparison-wrap']/h3[@class='comparison-notes-heading']"
                        "[@id='cmp-1-notes'][.='Notes to the table']"
                        "/following-sibling::*[1][self::ol][@aria-labelledby='cmp-1-notes']", 1);
    S_assert_xpath(doc, "//ol[@class='comparison-notes']/li[1][@id='cmp-1-note-1']"
                        "[starts-with(., 'Varies with the person ')]"
                        "/a[@class='comparison-note-back'][@href='#cmp-1-ref-1']"
                        "[@aria-label='Back to note 1 in the table']", 1);
    S_assert_xpath(doc, "//td//a[@id='cmp-1-ref-1'][@href='#cmp-1-note-1']", 1);
    S_assert_xpath(doc, "//a[@class='comparison-note-back']"
                        "[not(substring(@href, 2) = //td//a/@id)]", 0);
    /* Images: the plain image keeps its alt; the before-after figure is not inside a <p>. */
    S_assert_xpath(doc, "//img[@src='/kb/media/layers.png'][@alt='A diagram of the facial layers']", 1);
    S_assert_xpath(doc, "//figure[@class='before-after'][@data-consent='partial']", 1);
    S_assert_xpath(doc, "//p//figure", 0);
    S_assert_xpath(doc, "//p//h2", 0);
    S_assert_xpath(doc, "//figure[@class='before-after']/figcaption[contains(., \"Shown with the patient's written consent\")]", 1);
    S_assert_xpath(doc, "//figure[@class='before-after']//img[@alt!='']", 2);
    /* Review byline, topics and related articles. */
    S_assert_xpath(doc, "//p[@class='byline']/span[contains(., 'Medical review team')]/time[@datetime='2026-11-10']", 1);
    S_assert_xpath(doc, "//a[@href='/kb/topics/anatomy/']", 3); /* nav, breadcrumbs, article topics */
    S_assert_xpath(doc, "//aside[contains(@class,'related')]//a[@href='/kb/articles/dimpling/']", 1);
    S_assert_xpath(doc, "//aside[@class='medical-disclaimer']/preceding::main", 0);
    S_assert_xpath(doc, "//main//aside[@class='medical-disclaimer']", 1);
    /* Review dates under the article: next review due = reviewed + review_max_age_days. */
    S_assert_xpath(doc, "//article//footer[@class='review-dates']/p[starts-with(., 'Page last "
                        "reviewed: ')]/time[@datetime='2026-11-10'][.='10 November 2026']", 1);
    S_assert_xpath(doc, "//article//footer[@class='review-dates']/p[starts-with(., 'Next review "
                        "due: ')]/time[@datetime='2027-11-10'][.='10 November 2027']", 1);
    /* Open Graph, next to the canonical link. */
    S_assert_xpath(doc, "/html/head/link[@rel='canonical'][@href='https://clinic.example/kb/articles/layers/']", 1);
    S_assert_xpath(doc, "/html/head/meta[@property='og:type'][@content='article']", 1);
    S_assert_xpath(doc, "/html/head/meta[@property='og:title'][@content='The layers of the face']", 1);
    S_assert_xpath(doc, "/html/head/meta[@property='og:description'][@content='Where the SMAS lies and why it matters.']", 1);
    S_assert_xpath(doc, "/html/head/meta[@property='og:url'][@content='https://clinic.example/kb/articles/layers/']", 1);
    S_assert_xpath(doc, "/html/head/meta[@property='article:modified_time'][@content='2026-11-10']", 1);
    /* schema.org MedicalWebPage JSON-LD: one data block, which parses to the front matter. */
    S_assert_xpath(doc, "//script[@type='application/ld+json']", 1);
    char *ld = e2e_string(doc, "/html/head/script[@type='application/ld+json']");
    json_error_t jerr;
    json_t *j = json_loads(ld, 0, &jerr);
    if (!j)
        fail_msg("the JSON-LD does not parse: %s\n%s", jerr.text, ld);
    assert_string_equal(json_string_value(json_object_get(j, "@context")), "https://schema.org");
    assert_string_equal(json_string_value(json_object_get(j, "@type")), "MedicalWebPage");
    assert_string_equal(json_string_value(json_object_get(j, "name")), "The layers of the face");
    assert_string_equal(json_string_value(json_object_get(j, "url")),
                        "https://clinic.example/kb/articles/layers/");
    assert_string_equal(json_string_value(json_object_get(j, "inLanguage")), "en");
    assert_string_equal(json_string_value(json_object_get(j, "datePublished")), "2026-11-01");
    assert_string_equal(json_string_value(json_object_get(j, "lastReviewed")), "2026-11-10");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(j, "reviewedBy"), "name")),
        "Medical review team");
    json_t *about = json_object_get(j, "about");
    assert_int_equal(json_array_size(about), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(about, 0), "@type")),
                        "MedicalProcedure");
    assert_string_equal(json_string_value(json_object_get(json_array_get(about, 0), "name")),
                        "Thread lift");
    /* The sources it cites, in its order. */
    json_t *citation = json_object_get(j, "citation");
    assert_int_equal(json_array_size(citation), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(citation, 1), "name")),
                        "The relationship of the superficial and deep facial fascias: relevance "
                        "to rhytidectomy and aging");
    assert_string_equal(json_string_value(json_object_get(json_array_get(citation, 1), "url")),
                        "https://pubmed.ncbi.nlm.nih.gov/1741467/");
    json_decref(j);
    free(ld);
    xmlFreeDoc(doc);

    doc = S_page(s, "articles/smas-ko/index.html");
    S_assert_string(doc, "/html/@lang", "ko");
    S_assert_string(doc, "//h1", "스마스층과 실리프팅");
    S_assert_xpath(doc, "//h2[@id='스마스층이란']", 1);
    /* Glossary terms in Korean text: the link holds the term, the particle follows it
     * (스마스층은, 고정 SMAS는); the heading's 스마스층 is not linked. */
    S_assert_xpath(doc, "//main//p/a[@class='glossary-term'][@href='/kb/glossary/#term-smas']"
                        "[.='스마스층'][starts-with(following-sibling::node()[2], '은 ')]", 1);
    S_assert_xpath(doc, "//main//p/a[@class='glossary-term']"
                        "[@href='/kb/glossary/#term-fixed-smas'][.='고정 SMAS']"
                        "[starts-with(following-sibling::node()[2], '는 ')]", 1);
    S_assert_xpath(doc, "//a[@class='glossary-term']", 2);
    S_assert_xpath(doc, "//footer[@class='review-dates']/p[starts-with(., '다음 검토 예정일: ')]", 1);
    ld = e2e_string(doc, "/html/head/script[@type='application/ld+json']");
    j = json_loads(ld, 0, &jerr);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "inLanguage")), "ko");
    json_decref(j);
    free(ld);
    xmlFreeDoc(doc);
    /* List pages are websites in Open Graph terms, and the 404 page has none. */
    doc = S_page(s, "index.html");
    S_assert_xpath(doc, "/html/head/meta[@property='og:type'][@content='website']", 1);
    S_assert_xpath(doc, "//script[@type='application/ld+json']", 0);
    xmlFreeDoc(doc);
    doc = S_page(s, "404.html");
    S_assert_xpath(doc, "/html/head/meta[starts-with(@property, 'og:')]", 0);
    xmlFreeDoc(doc);
    free(err);
    S_site_free(s);
}

static void test_listing_pages(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    xmlDocPtr doc = S_page(s, "index.html");
    /* The site's title is the header's; the home page's heading says what is here. */
    S_assert_string(doc, "//h1", "Information for patients");
    S_assert_string(doc, "normalize-space(//header/a[@class='site-title'])",
                    "Fixture Clinic Knowledge Base");
    /* Newest first; the draft is not listed. */
    S_assert_xpath(doc, "//main//a[@href='/kb/articles/dimpling/']/following::a[@href='/kb/articles/layers/']", 1);
    S_assert_xpath(doc, "//a[contains(@href,'upcoming')]", 0);
    S_assert_xpath(doc, "//main//a[@href='/kb/topics/side-effects/']", 1);
    xmlFreeDoc(doc);

    doc = S_page(s, "topics/thread-lift/index.html");
    S_assert_string(doc, "//h1", "Thread lifts");
    S_assert_xpath(doc, "//main//a[@href='/kb/articles/layers/']", 1);
    S_assert_xpath(doc, "//main//a[@href='/kb/articles/dimpling/']", 1);
    S_assert_xpath(doc, "//main//a[@href='/kb/articles/smas-ko/']", 0);
    /* Breadcrumbs to the home page; the description first; when its articles were last
     * reviewed: the newer of layers' (2026-11-10) and dimpling's (2026-11-12). */
    S_assert_xpath(doc, "//main/nav[@class='breadcrumbs'][@aria-label='You are here']"
                        "/ol/li/a[@href='/kb/'][.='Home']", 1);
    S_assert_xpath(doc, "//main/div[@class='intro']/h1/following-sibling::*[1][self::p[@class='lead']]", 1);
    S_assert_xpath(doc, "//main/footer[@class='review-dates']//time[@datetime='2026-11-12']", 1);
    S_assert_xpath(doc, "//main/footer[@class='review-dates']//time", 1);
    xmlFreeDoc(doc);
    /* A topic without published articles has no review date (the draft's is not shown). */
    doc = S_page(s, "topics/consultation/index.html");
    S_assert_xpath(doc, "//footer[@class='review-dates']", 0);
    xmlFreeDoc(doc);

    doc = S_page(s, "compare/index.html");
    /* procedures.yaml has no date: the newest review of the articles its procedures name,
     * layers (2026-11-10), not dimpling's newer one, which no procedure names. */
    S_assert_xpath(doc, "//main/footer[@class='review-dates']//time[@datetime='2026-11-10']", 1);
    S_assert_xpath(doc, "//main/footer[@class='review-dates']//time", 1);
    S_assert_xpath(doc, "//table[@class='comparison']//th[@scope='col'][@id='procedure-thread-lift']/a[@href='/kb/articles/layers/']", 1);
    S_assert_xpath(doc, "//table[@class='comparison']//th[@scope='col'][@id='procedure-mini-lift']", 1);
    S_assert_xpath(doc, "//table[@class='comparison']/tbody/tr", 2);
    /* The compare page's notes are under an h2: the table is its first level. */
    S_assert_xpath(doc, "//h2[@class='comparison-notes-heading'][@id='cmp-all-notes']", 1);
    xmlFreeDoc(doc);

    doc = S_page(s, "glossary/index.html");
    S_assert_xpath(doc, "//*[@id='term-smas']", 1);
    S_assert_xpath(doc, "//*[@id='term-fixed-smas']", 1);
    /* Other names are shown; an alias that only extends the term is not. */
    S_assert_xpath(doc, "//*[@class='alias'][.='superficial musculoaponeurotic system']", 1);
    S_assert_xpath(doc, "//*[@class='alias'][.='SMAS layer']", 0);
    /* A link inside a definition is resolved like any internal link. */
    S_assert_xpath(doc, "//a[@href='/kb/articles/dimpling/']", 1);
    xmlFreeDoc(doc);
    free(err);
    S_site_free(s);
}

/* A topic with more articles than one list page holds (TOPIC_PAGE_SIZE, 50), and a feed
 * with more articles than it shows (FEED_ENTRIES_MAX, 50). */
static void test_topic_pages(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    /* 120 more consultation articles, one a day: the fixture has none in that topic. */
    for (int i = 0; i < 120; i++) {
        char *path = xasprintf("%s/articles/extra-%03d.md", s->content, i);
        char *text = xasprintf("---\ntitle: \"Question %d\"\nsummary: \"Question %d for the "
                               "consultation.\"\ntopics: [consultation]\ndate: 2025-%02d-%02d\n"
                               "reviewed: 2026-11-01\nreviewer: \"Medical review team\"\n---\n"
                               "Ask about recovery.\n",
                               i, i, 1 + i / 28, 1 + i % 28);
        assert_int_equal(file_write(path, text, strlen(text)), 0);
        free(text);
        free(path);
    }
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    const char *pages[] = {"topics/consultation/index.html", "topics/consultation/page/2/index.html",
                           "topics/consultation/page/3/index.html"};
    /* Newest first across the pages, 50, 50, 20, each article once. */
    int expected_first[] = {119, 69, 19};
    int expected_count[] = {50, 50, 20};
    for (int p = 0; p < 3; p++) {
        xmlDocPtr doc = S_page(s, pages[p]);
        S_assert_string(doc, "//h1", "Consultation");
        S_assert_xpath(doc, "//main//li[@class='listing-item']", expected_count[p]);
        char *first = xasprintf("/kb/articles/extra-%03d/", expected_first[p]);
        char *expr = xasprintf("string((//main//li[@class='listing-item']//a)[1]/@href)");
        S_assert_string(doc, expr, first);
        free(expr);
        free(first);
        char *status = xasprintf("Page %d of 3", p + 1);
        S_assert_string(doc, "//p[@class='pagination-status']", status);
        free(status);
        /* Links to the other pages, with rel on the neighbours. */
        S_assert_xpath(doc, "//nav[@class='pagination']//a[@rel='prev']", p > 0);
        S_assert_xpath(doc, "//nav[@class='pagination']//a[@rel='next']", p < 2);
        xmlFreeDoc(doc);
    }
    xmlDocPtr doc = S_page(s, pages[1]);
    S_assert_xpath(doc, "//a[@rel='prev'][@href='/kb/topics/consultation/']", 1);
    S_assert_xpath(doc, "//a[@rel='next'][@href='/kb/topics/consultation/page/3/']", 1);
    S_assert_xpath(doc, "//nav[@class='pagination']//a[@href='/kb/topics/consultation/page/3/']", 2);
    xmlFreeDoc(doc);
    char *four = path_join(s->out, "topics/consultation/page/4");
    assert_false(path_is_dir(four));
    free(four);
    /* A topic that fits on one page has no page links; the sitemap lists every page. */
    doc = S_page(s, "topics/anatomy/index.html");
    S_assert_xpath(doc, "//nav[@class='pagination']", 0);
    S_assert_xpath(doc, "//p[@class='pagination-status']", 0);
    xmlFreeDoc(doc);
    char *sitemap = path_join(s->out, "sitemap.xml");
    size_t len;
    char *xml = file_read(sitemap, &len);
    assert_non_null(strstr(xml, "<loc>https://clinic.example/kb/topics/consultation/page/3/</loc>"));
    assert_null(strstr(xml, "consultation/page/4/"));
    free(xml);
    free(sitemap);
    /* The feed holds the newest 50 of the 123 articles: the fixture's 3 and 47 more. */
    char *feed = path_join(s->out, "feed.xml");
    xml = file_read(feed, &len);
    assert_non_null(xml);
    size_t entries = 0;
    for (const char *p = xml; (p = strstr(p, "<entry")); p++)
        entries++;
    assert_int_equal(entries, 50);
    assert_non_null(strstr(xml, "/kb/articles/extra-119/"));
    assert_non_null(strstr(xml, "/kb/articles/extra-073/"));
    assert_null(strstr(xml, "/kb/articles/extra-072/"));
    free(xml);
    free(feed);
    /* Every link resolves. */
    free(err);
    err = NULL;
    const char *verify[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(s->dir, verify, &err), 0);
    free(err);
    S_site_free(s);
}

static void test_feed_sitemap_robots(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    char *path = path_join(s->out, "feed.xml");
    xmlDocPtr doc = e2e_xml(path);
    free(path);
    assert_non_null(doc);
    S_assert_xpath(doc, "/atom:feed", 1);
    S_assert_string(doc, "/atom:feed/atom:id", "https://clinic.example/kb/");
    S_assert_string(doc, "/atom:feed/atom:updated", "2026-11-12T00:00:00Z");
    S_assert_xpath(doc, "/atom:feed/atom:author/atom:name", 1);
    S_assert_xpath(doc, "/atom:feed/atom:entry", 3);
    S_assert_string(doc, "/atom:feed/atom:entry[1]/atom:id",
                    "https://clinic.example/kb/articles/dimpling/");
    S_assert_string(doc, "/atom:feed/atom:entry[1]/atom:published", "2026-11-05T00:00:00Z");
    S_assert_string(doc, "/atom:feed/atom:entry[1]/atom:updated", "2026-11-12T00:00:00Z");
    xmlFreeDoc(doc);
    path = path_join(s->out, "sitemap.xml");
    doc = e2e_xml(path);
    free(path);
    assert_non_null(doc);
    S_assert_xpath(doc, "/sm:urlset/sm:url", 12); /* home, 3 articles, 5 topics, compare, glossary, search */
    S_assert_xpath(doc, "/sm:urlset/sm:url[sm:loc='https://clinic.example/kb/articles/layers/'][sm:lastmod='2026-11-10']", 1);
    /* A list page's lastmod is its newest review: the home page's of every article, a
     * topic's of its own; a topic with no article has none (the draft does not count). */
    S_assert_xpath(doc, "/sm:urlset/sm:url[sm:loc='https://clinic.example/kb/'][sm:lastmod='2026-11-12']", 1);
    S_assert_xpath(doc, "/sm:urlset/sm:url[sm:loc='https://clinic.example/kb/topics/anatomy/'][sm:lastmod='2026-11-10']", 1);
    S_assert_xpath(doc, "/sm:urlset/sm:url[sm:loc='https://clinic.example/kb/topics/thread-lift/'][sm:lastmod='2026-11-12']", 1);
    S_assert_xpath(doc, "/sm:urlset/sm:url[sm:loc='https://clinic.example/kb/topics/consultation/'][not(sm:lastmod)]", 1);
    S_assert_xpath(doc, "//sm:loc[contains(., '404')]", 0);
    xmlFreeDoc(doc);
    path = path_join(s->out, "robots.txt");
    size_t len;
    char *robots = file_read(path, &len);
    assert_string_equal(robots, "User-agent: *\nAllow: /\n\nSitemap: https://clinic.example/kb/sitemap.xml\n");
    free(robots);
    free(path);
    free(err);
    S_site_free(s);
}

static void test_drafts_option(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, "--drafts"), 0);
    char *draft = path_join(s->out, "articles/upcoming/index.html");
    assert_true(path_is_file(draft));
    free(draft);
    free(err);
    S_site_free(s);
}

/* One thread or several: the same bytes. */
static void test_jobs_give_identical_output(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, "--jobs=1"), 0);
    char *one = e2e_snapshot(s->out);
    free(err);
    /* A fresh output folder, so that every page is made again rather than reused. */
    assert_int_equal(remove_tree(s->out), 0);
    assert_int_equal(S_build(s, &err, "--jobs=4"), 0);
    char *four = e2e_snapshot(s->out);
    assert_string_equal(one, four);
    free(one);
    free(four);
    free(err);
    S_site_free(s);
}

/* ---- incremental builds ---- */

/* text with the first find replaced by repl (malloc'd); fails the test without find. */
static char *S_replace_first(const char *text, const char *find, const char *repl)
{
    const char *at = strstr(text, find);
    if (!at)
        fail_msg("'%s' is not in the file", find);
    return xasprintf("%.*s%s%s", (int)(at - text), text, repl, at + strlen(find));
}

/* Write text to the file rel under the site's folder (content/..., templates/...). */
static void S_put(S_site *s, const char *rel, const char *text)
{
    char *path = path_join(s->dir, rel);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    free(path);
}

/* Replace the first find with repl in the file rel. */
static void S_edit(S_site *s, const char *rel, const char *find, const char *repl)
{
    char *path = path_join(s->dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    char *changed = S_replace_first(text, find, repl);
    assert_int_equal(file_write(path, changed, strlen(changed)), 0);
    free(changed);
    free(text);
    free(path);
}

/*
 * Build site/ again from what it was (an incremental build) and full/ from nothing, and
 * require the two to be identical, manifest included; unchanged (when >= 0) is how many
 * pages the incremental build must have taken from the old site (the good site has 13:
 * 3 articles, the home page, 5 topic pages, compare, glossary, 404 and search). From the third
 * build on, site/ is staged in the site kept from the build before (site.previous).
 */
static void S_expect_incremental(S_site *s, int unchanged, const char *step)
{
    const char *inc[] = {"build", "--content", "content", "--templates", "templates",
                         "--out", "site", NULL};
    char *err = NULL;
    int status = e2e_run(s->dir, inc, &err);
    if (status != 0)
        fail_msg("%s: the incremental build failed: %s", step, err);
    /* Not a terminal: no progress line, only the summary. */
    if (strchr(err, '\r'))
        fail_msg("%s: a progress line where stderr is not a terminal: %s", step, err);
    if (unchanged >= 0) {
        char *want = xasprintf(", %d unchanged)", unchanged);
        if (!strstr(err, want))
            fail_msg("%s: expected '%s' in: %s", step, want, err);
        free(want);
    }
    free(err);
    char *full_dir = path_join(s->dir, "full");
    char *full_previous = path_join(s->dir, "full.previous");
    remove_tree(full_dir);
    remove_tree(full_previous);
    free(full_previous);
    const char *full[] = {"build", "--content", "content", "--templates", "templates",
                          "--out", "full", "--quiet", NULL};
    assert_int_equal(e2e_run(s->dir, full, &err), 0);
    free(err);
    char *a = e2e_snapshot(s->out), *b = e2e_snapshot(full_dir);
    if (strcmp(a, b) != 0)
        fail_msg("%s: the incremental build differs from a full build", step);
    char *ma = path_join(s->out, ".suture/manifest.jsonl");
    char *mb = path_join(full_dir, ".suture/manifest.jsonl");
    size_t la, lb;
    char *ja = file_read(ma, &la), *jb = file_read(mb, &lb);
    assert_non_null(ja);
    assert_non_null(jb);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
    free(ma);
    free(mb);
    free(a);
    free(b);
    free(full_dir);
}

/*
 * Glossary terms explained in place (issue 19): each term linked in an article is followed
 * by the button that opens its popover, which the page holds once, with the definition
 * (its citations left out: the article has no list for them), a link to the glossary and
 * a close button; the glossary page lists its terms under their initials, and leaves out
 * of "Also called" a name the definition spells out.
 */
static void test_glossary_popovers_and_index(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    S_edit(s, "content/glossary.yaml", "definition: \"A layer",
           "definition: \"Short for superficial musculoaponeurotic system: a layer");
    S_edit(s, "content/glossary.yaml", "over the cheekbone and temple.",
           "over the cheekbone and temple [@stuzin1992].");
    char *err = NULL;
    if (S_build(s, &err, NULL) != 0)
        fail_msg("build failed:\n%s", err);
    free(err);
    xmlDocPtr doc = S_page(s, "articles/layers/index.html");
    /* One button per link, right after it, naming the same words, hidden until the CSS
     * shows it where popovers work. */
    S_assert_xpath(doc, "//main//a[@class='glossary-term']", 3);
    S_assert_xpath(doc, "//main//a[@class='glossary-term'][@href='/kb/glossary/#term-smas']"
                        "/following-sibling::node()[1][self::button][@type='button']"
                        "[@class='glossary-term'][@popovertarget='def-smas'][@hidden]"
                        "[. = preceding-sibling::a[1]]", 1);
    S_assert_xpath(doc, "//button[@class='glossary-term']", 3);
    /* Each popover once, after the body, for every button and no more. */
    S_assert_xpath(doc, "//div[@class='glossary-popovers']/div[@popover='auto']", 3);
    S_assert_xpath(doc, "//button[@popovertarget][not(@popovertarget = //div[@popover]/@id)]", 0);
    S_assert_xpath(doc, "//div[@popover][not(@id = //button[@class='glossary-term']/@popovertarget)]",
                   0);
    S_assert_xpath(doc, "//div[@id='def-smas'][@role='dialog'][@aria-labelledby='def-smas-term']"
                        "[@class='glossary-popover']", 1);
    S_assert_xpath(doc, "//div[@id='def-smas']/p[@id='def-smas-term'][.='SMAS']", 1);
    S_assert_xpath(doc, "//div[@id='def-smas']/p[starts-with(., 'Short for superficial')]", 1);
    S_assert_xpath(doc, "//div[@id='def-smas']/button[@type='button'][@popovertarget='def-smas']"
                        "[@popovertargetaction='hide'][@aria-label='Close the explanation']"
                        "[.='Close']", 1);
    S_assert_xpath(doc, "//div[@id='def-smas']//a[@href='/kb/glossary/#term-smas']"
                        "[.='Read in the glossary']", 1);
    /* A definition's link resolves as on the glossary page; its citation is left out. */
    S_assert_xpath(doc, "//div[@id='def-dimpling']//a[@href='/kb/articles/dimpling/']", 1);
    S_assert_xpath(doc, "//div[@id='def-fixed-smas']/p[contains(., 'and temple.')]", 1);
    S_assert_xpath(doc, "//div[@popover]//sup", 0);
    /* Every id once on the page. */
    S_assert_xpath(doc, "//*[@id = preceding::*/@id or @id = ancestor::*/@id]", 0);
    xmlFreeDoc(doc);

    doc = S_page(s, "glossary/index.html");
    /* The index: one link per initial that has terms, each to its heading. */
    S_assert_xpath(doc, "//nav[@class='glossary-index'][@aria-label='Terms by first letter']"
                        "//a", 3);
    S_assert_xpath(doc, "//nav[@class='glossary-index']//li[1]/a[@href='#initial-1'][.='D']", 1);
    S_assert_xpath(doc, "//h2[@class='glossary-initial'][@id='initial-2'][.='F']"
                        "/following-sibling::*[1][self::dl]//dt[@id='term-fixed-smas']"
                        "[.='fixed SMAS']", 1);
    S_assert_xpath(doc, "//h2[@id='initial-3'][.='S']/following-sibling::*[1]"
                        "//dt[@id='term-smas']", 1);
    /* The definition says what SMAS is short for: no "Also called" repeats it. */
    S_assert_xpath(doc, "//*[@class='alias'][.='superficial musculoaponeurotic system']", 0);
    /* The glossary itself keeps the citation. */
    S_assert_xpath(doc, "//dd[preceding-sibling::dt[@id='term-fixed-smas']]"
                        "//sup[@class='citation']", 1);
    xmlFreeDoc(doc);
    S_site_free(s);
}

static void test_incremental_builds(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    free(err);
    struct stat before_st, after_st;
    assert_int_equal(stat(s->out, &before_st), 0);
    S_expect_incremental(s, 13, "nothing changed");
    /* Nothing to do: the site folder is not even swapped. */
    assert_int_equal(stat(s->out, &after_st), 0);
    assert_true(before_st.st_ino == after_st.st_ino);
    /* The body of one article: only its own page is made again. */
    S_edit(s, "content/articles/layers.md", "It is a sheet of", "It is a thin sheet of");
    S_expect_incremental(s, 12, "a sentence of layers.md");
    char *previous = path_join(s->dir, "site.previous");
    assert_true(path_is_dir(previous));
    free(previous);
    /* Its summary, which topic pages and the home page show: those are made again too. */
    S_edit(s, "content/articles/layers.md", "summary: \"", "summary: \"In short: ");
    S_expect_incremental(s, -1, "the summary of layers.md");
    /* A heading of an article another one links to: that one is checked again too. */
    S_edit(s, "content/articles/layers.md", "\n## ", "\n## Renamed: ");
    S_expect_incremental(s, -1, "a heading of layers.md");
    /* A heading another article links to (layers.md links to dimpling.md#causes): the
     * linking page is checked again, so the broken link is an error, not a stale page. */
    S_edit(s, "content/articles/dimpling.md", "## Causes", "## Reasons");
    {
        const char *inc[] = {"build", "--content", "content", "--templates", "templates",
                             "--out", "site", "--quiet", NULL};
        assert_int_equal(e2e_run(s->dir, inc, &err), 1);
        assert_non_null(strstr(err, "layers.md"));
        assert_non_null(strstr(err, "has no heading with the id '#causes'"));
        free(err);
    }
    S_edit(s, "content/articles/dimpling.md", "## Reasons", "## Causes");
    S_expect_incremental(s, -1, "the heading put back");
    /* The address of an article others link to: their links must follow it. */
    S_edit(s, "content/articles/dimpling.md", "title: \"", "slug: dimpling-moved\ntitle: \"");
    S_expect_incremental(s, -1, "the slug of dimpling.md");
    /* A title, which related lists show. */
    S_edit(s, "content/articles/dimpling.md", "title: \"", "title: \"Changed: ");
    S_expect_incremental(s, -1, "the title of dimpling.md");
    /* A new article (the topic counts change, so every page). */
    S_put(s, "content/articles/new-one.md",
          "---\ntitle: \"A new article\"\nsummary: \"New.\"\ntopics: [anatomy]\n"
          "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"Medical review team\"\n---\n"
          "See [the layers](layers.md).\n\n## Details\n\nText.\n");
    S_expect_incremental(s, 0, "a new article");
    S_expect_incremental(s, 14, "nothing changed again");
    /* Renamed: its old page goes, the new one comes. */
    char *from = path_join(s->dir, "content/articles/new-one.md");
    char *to = path_join(s->dir, "content/articles/renamed-one.md");
    assert_int_equal(rename(from, to), 0);
    S_expect_incremental(s, -1, "an article renamed");
    char *old_page = path_join(s->out, "articles/new-one");
    assert_false(path_is_dir(old_page));
    free(old_page);
    /* Deleted. */
    assert_int_equal(unlink(to), 0);
    S_expect_incremental(s, -1, "an article deleted");
    free(from);
    free(to);
    /* A template, an interface string, the procedure data, the glossary. */
    S_edit(s, "templates/strings.xml", ">Related articles<", ">Related reading<");
    S_expect_incremental(s, 0, "an interface string");
    S_edit(s, "templates/article.xsl", "<article class=\"article\">",
           "<article class=\"article\" data-x=\"1\">");
    S_expect_incremental(s, 0, "a template");
    S_expect_incremental(s, 13, "nothing changed after the template");
    S_edit(s, "content/data/procedures.yaml", "label: Incision", "label: Incisions");
    S_expect_incremental(s, 0, "the procedure data");
    S_edit(s, "content/glossary.yaml", "definition: \"A layer", "definition: \"A thin layer");
    S_expect_incremental(s, 0, "the glossary");

    /* A build that fails leaves the site and its manifest as they were. */
    char *before = e2e_snapshot(s->out);
    char *mpath = path_join(s->out, ".suture/manifest.jsonl");
    size_t len;
    char *mbefore = file_read(mpath, &len);
    S_edit(s, "content/articles/layers.md", "topics: [", "topics: [no-such-topic, ");
    const char *inc[] = {"build", "--content", "content", "--templates", "templates",
                         "--out", "site", "--quiet", NULL};
    assert_int_equal(e2e_run(s->dir, inc, &err), 1);
    free(err);
    char *after = e2e_snapshot(s->out);
    char *mafter = file_read(mpath, &len);
    assert_string_equal(before, after);
    assert_string_equal(mbefore, mafter);
    S_edit(s, "content/articles/layers.md", "topics: [no-such-topic, ", "topics: [");
    S_expect_incremental(s, 13, "the mistake mended");
    free(before);
    free(after);
    free(mbefore);
    free(mafter);
    free(mpath);
    S_site_free(s);
}

/* Golden pages: a rendered page changes only on purpose (make regen-golden). */
static void test_golden_pages(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    char *golden_dir = xasprintf("%s/tests/golden/good", S_root);
    strlist files = STRLIST_INIT;
    static const char *const golden[] = {"index.html", "articles/layers/index.html",
                                         "articles/smas-ko/index.html", "compare/index.html",
                                         "glossary/index.html", "feed.xml", "sitemap.xml", NULL};
    for (size_t i = 0; golden[i]; i++) {
        char *want_path = path_join(golden_dir, golden[i]);
        char *got_path = path_join(s->out, golden[i]);
        size_t wl, gl;
        char *want = file_read(want_path, &wl);
        char *got = file_read(got_path, &gl);
        if (!want)
            fail_msg("missing golden file %s (run make regen-golden)", want_path);
        assert_non_null(got);
        if (strcmp(want, got) != 0)
            fail_msg("%s differs from its golden file %s; if the change is intended, run "
                     "make regen-golden", golden[i], want_path);
        free(want);
        free(got);
        free(want_path);
        free(got_path);
    }
    strlist_free(&files);
    free(golden_dir);
    free(err);
    S_site_free(s);
}

/* Apply a broken case's overlay and removals to a copy of the good site. */
static void S_apply_case(S_site *s, const char *case_dir)
{
    char *overlay = path_join(case_dir, "overlay");
    if (path_is_dir(overlay))
        assert_int_equal(copy_tree(overlay, s->dir, NULL, NULL), 0);
    free(overlay);
    char *remove = path_join(case_dir, "remove");
    size_t len;
    char *list = file_read(remove, &len);
    if (list) {
        char *save = NULL;
        for (char *line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char *p = path_join(s->dir, line);
            assert_int_equal(remove_tree(p), 0);
            free(p);
        }
        free(list);
    }
    free(remove);
}

/*
 * Every broken case: the good site is built first, then the case applied; the build must
 * exit 1, print each expected diagnostic line exactly, and leave the site untouched.
 */
static void test_broken_cases(void **state)
{
    (void)state;
    char *broken = xasprintf("%s/tests/fixtures/broken", S_root);
    strlist cases = STRLIST_INIT;
    assert_int_equal(dir_list(broken, NULL, &cases), 0);
    size_t ran = 0;
    for (size_t i = 0; i < cases.len; i++) {
        char *case_dir = path_join(broken, cases.items[i]);
        if (!path_is_dir(case_dir)) { /* the regen script */
            free(case_dir);
            continue;
        }
        ran++;
        S_site *s = S_site_new("good");
        char *err = NULL;
        assert_int_equal(S_build(s, &err, NULL), 0);
        free(err);
        char *before = e2e_snapshot(s->out);
        S_apply_case(s, case_dir);
        int status = S_build(s, &err, NULL);
        if (status != 1)
            fail_msg("case %s: exit status %d, expected 1; stderr:\n%s", cases.items[i], status,
                     err);
        char *expected_path = path_join(case_dir, "expected");
        size_t len;
        char *expected = file_read(expected_path, &len);
        if (!expected)
            fail_msg("case %s has no 'expected' file", cases.items[i]);
        size_t lines = 0;
        char *save = NULL;
        for (char *line = strtok_r(expected, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save)) {
            lines++;
            if (!e2e_has_line(err, line))
                fail_msg("case %s: expected the diagnostic\n  %s\nbut stderr was:\n%s",
                         cases.items[i], line, err);
        }
        assert_true(lines > 0);
        /* Every diagnostic has file:line:column (or names a file for environment errors). */
        if (!strstr(err, " error: "))
            fail_msg("case %s: no error line in:\n%s", cases.items[i], err);
        char *after = e2e_snapshot(s->out);
        if (strcmp(before, after) != 0)
            fail_msg("case %s: the previous site was changed by a failed build", cases.items[i]);
        strlist names = STRLIST_INIT;
        assert_int_equal(dir_list(s->dir, NULL, &names), 0);
        for (size_t k = 0; k < names.len; k++)
            if (strstr(names.items[k], ".tmp-"))
                fail_msg("case %s: staging folder %s left behind", cases.items[i],
                         names.items[k]);
        strlist_free(&names);
        free(before);
        free(after);
        free(expected);
        free(expected_path);
        free(err);
        S_site_free(s);
        free(case_dir);
    }
    assert_true(ran >= 30);
    strlist_free(&cases);
    free(broken);
}

/*
 * Every mistake is reported however the threads interleave: a file that reported an error
 * once made another, loaded at the same moment, look as if it had (its own mistake then
 * went unreported about once in a hundred builds).
 */
static void test_every_mistake_whatever_the_threads(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *case_dir = xasprintf("%s/tests/fixtures/broken/several-mistakes", S_root);
    S_apply_case(s, case_dir);
    char *expected_path = path_join(case_dir, "expected");
    size_t len;
    char *expected = file_read(expected_path, &len);
    assert_non_null(expected);
    /* Under valgrind each build is slow: a few runs still interleave differently. */
    int runs = getenv("SUTURE_WRAPPER") ? 5 : 100;
    for (int run = 0; run < runs; run++) {
        char *err = NULL;
        assert_int_equal(S_build(s, &err, "--jobs=4"), 1);
        char *copy = xstrdup(expected), *save = NULL;
        for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
            if (!e2e_has_line(err, line))
                fail_msg("run %d: expected\n  %s\nbut stderr was:\n%s", run, line, err);
        free(copy);
        free(err);
    }
    free(expected);
    free(expected_path);
    free(case_dir);
    S_site_free(s);
}

/* A disguised javascript: link, even in the disclaimer on every page, is never published. */
static void test_disguised_script_link_left_out(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *yaml_path = path_join(s->content, "site.yaml");
    size_t len;
    char *yaml = file_read(yaml_path, &len);
    char *at = strstr(yaml, "  risks that differ");
    assert_non_null(at);
    char *patched = xasprintf("%.*s  [Ask](&#1;javascript:alert(1)) [us](java&#9;script:alert(2))\n%s",
                              (int)(at - yaml), yaml, at);
    assert_int_equal(file_write(yaml_path, patched, strlen(patched)), 0);
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 0);
    xmlDocPtr doc = S_page(s, "index.html");
    S_assert_xpath(doc, "//a[contains(translate(@href, 'JAVSCRIPT', 'javscript'), 'script')]", 0);
    S_assert_xpath(doc, "//aside[@class='medical-disclaimer'][contains(., 'Ask')]", 1);
    xmlFreeDoc(doc);
    free(err);
    free(patched);
    free(yaml);
    free(yaml_path);
    S_site_free(s);
}

/* SPEC "Command line": usage and environment errors exit 2. */
/* The number of lines of text that contain what. */
static size_t S_lines_with(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = xstrndup(line, len);
        n += strstr(copy, what) != NULL;
        free(copy);
        line = end ? end + 1 : NULL;
    }
    return n;
}

/*
 * Issue 14, point 11: templates/strings.xml saved in Latin-1 gave 39 errors: libxml2's
 * "Input is not proper UTF-8, indicate encoding !" and "Bytes: 0xE9 ..." for every page, and
 * "no string with id" for every page after. Now one, at the byte.
 */
static void test_template_not_utf8_one_error(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    assert_true(e2e_edit(s->dir, "templates/strings.xml", "<strings", "<!-- caf\xe9 -->\n<strings"));
    assert_int_equal(S_build(s, &err, NULL), 1);
    if (S_lines_with(err, ": error: ") != 1)
        fail_msg("expected one error, got:\n%s", err);
    assert_non_null(strstr(err, "templates/strings.xml:"));
    assert_non_null(strstr(err, ": error: this file is not valid UTF-8 at line "));
    assert_non_null(strstr(err, ": save it as UTF-8 in your editor [template]\n"));
    assert_null(strstr(err, "indicate encoding"));
    assert_true(e2e_has_line(err, "suture: 1 error; site was not changed"));
    free(err);
    S_site_free(s);
}

/* The line and column (from 1, in bytes: the texts below are ASCII before it) of the offset
 * at in text. */
static void S_line_column(const char *text, const char *at, unsigned *line, unsigned *column)
{
    *line = 1;
    const char *start = text;
    for (const char *p = text; p < at; p++)
        if (*p == '\n') {
            (*line)++;
            start = p + 1;
        }
    *column = (unsigned)(at - start) + 1;
}

/*
 * Mistype the first end tag close in the file rel of s's templates (close becomes typo),
 * build, and expect exactly one error, the one that names the start tag open (the last
 * before it) and the mistyped end tag, where it is.
 */
static void S_expect_mistyped_tag(const char *rel, const char *open, const char *close,
                                  const char *typo)
{
    S_site *s = S_site_new("good");
    char *path = path_join(s->dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    const char *at = strstr(text, close);
    assert_non_null(at);
    const char *opened = NULL;
    for (const char *p = strstr(text, open); p && p < at; p = strstr(p + 1, open))
        opened = p;
    assert_non_null(opened);
    unsigned line, column, open_line, open_column;
    S_line_column(text, at, &line, &column);
    S_line_column(text, opened, &open_line, &open_column);
    assert_true(e2e_edit(s->dir, rel, close, typo));
    char *err = NULL;
    assert_int_equal(S_build(s, &err, NULL), 1);
    char *name = xstrndup(open + 1, strlen(open) - 1);
    char *expected = xasprintf("%s:%u:%u: error: the tag <%s> opened on line %u is closed by "
                               "%s: make the names match, or close <%s> before this [template]",
                               rel, line, column, name, open_line, typo, name);
    if (S_lines_with(err, ": error: ") != 1 || !e2e_has_line(err, expected))
        fail_msg("expected only\n%s\ngot:\n%s", expected, err);
    assert_true(e2e_has_line(err, "suture: 1 error; site was not changed"));
    free(expected);
    free(name);
    free(err);
    free(text);
    free(path);
    S_site_free(s);
}

/*
 * Issue 14, point 11: a mistyped end tag in layout.xsl, which every page's stylesheet
 * imports, was libxml2's "Opening and ending tag mismatch: template line 64 and templat"
 * (the prefix left out), and with the tag's prefix mistyped, a cascade. strings.xml, read by
 * every page, gave two errors a page. Now one error for the file, in plain words.
 */
static void test_template_mistyped_tag_one_error(void **state)
{
    (void)state;
    S_expect_mistyped_tag("templates/layout.xsl", "<xsl:template", "</xsl:template>",
                          "</xsl:templat>");
    S_expect_mistyped_tag("templates/layout.xsl", "<xsl:template", "</xsl:template>",
                          "</xs:template>");
    S_expect_mistyped_tag("templates/strings.xml", "<str", "</str>", "</st>");
}

/* Append what to the file rel under dir. */
static void S_append(const char *dir, const char *rel, const char *what)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    char *longer = xasprintf("%s%s", text, what);
    assert_int_equal(file_write(path, longer, strlen(longer)), 0);
    free(longer);
    free(text);
    free(path);
}

/*
 * Issue 14, point 11: an article whose body is not UTF-8 was published with U+FFFD in place
 * of each bad byte, without a word. It is still published (the page is readable), with one
 * warning for the file at the first bad byte. Bad bytes in the front matter are libyaml's
 * error, and nothing is said of the body's on top of it.
 */
static void test_article_not_utf8_warned_once(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    /* Not --quiet, which leaves warnings out. */
    const char *build[] = {"build", "--content", "content", "--templates", "templates",
                           "--out", "site", NULL};
    /* dimpling.md has 21 lines: the bad bytes are on lines 23 and 24. */
    S_append(s->dir, "content/articles/dimpling.md", "\nThe caf\xe9 is near.\n\xff\xfe\n");
    char *err = NULL;
    assert_int_equal(e2e_run(s->dir, build, &err), 0);
    static const char warning[] =
        "content/articles/dimpling.md:23:8: warning: this file is not valid UTF-8 at line 23, "
        "column 8 (the bytes show as \xef\xbf\xbd on the page): save it as UTF-8 in your "
        "editor [encoding]";
    if (S_lines_with(err, ": warning: ") != 1 || !e2e_has_line(err, warning))
        fail_msg("expected only\n%s\ngot:\n%s", warning, err);
    assert_int_equal(S_lines_with(err, ": error: "), 0);
    free(err);
    char *page = path_join(s->out, "articles/dimpling/index.html");
    size_t len;
    char *html = file_read(page, &len);
    assert_non_null(html);
    assert_non_null(strstr(html, "The caf\xef\xbf\xbd is near."));
    free(html);
    free(page);
    /* Said again by the next build, which takes the page as it is. */
    assert_int_equal(e2e_run(s->dir, build, &err), 0);
    assert_true(e2e_has_line(err, warning));
    free(err);
    /* A bad byte in the front matter too: libyaml's error, and only that. */
    assert_true(e2e_edit(s->dir, "content/articles/dimpling.md", "title: \"",
                         "title: \"Caf\xe9 "));
    assert_int_equal(e2e_run(s->dir, build, &err), 1);
    if (S_lines_with(err, ": error: ") != 1 || S_lines_with(err, ": warning: ") != 0 ||
        !strstr(err, "content/articles/dimpling.md:2:") ||
        !strstr(err, "not valid UTF-8 here (invalid trailing UTF-8 octet); save the file as "
                     "UTF-8 [yaml]"))
        fail_msg("expected libyaml's error alone, got:\n%s", err);
    free(err);
    S_site_free(s);
}

static void test_usage_and_environment_errors(void **state)
{
    (void)state;
    char *dir = e2e_tmpdir();
    char *err = NULL;
    const char *bad_option[] = {"build", "--frobnicate", NULL};
    assert_int_equal(e2e_run(dir, bad_option, &err), 2);
    assert_non_null(strstr(err, "usage: suture build"));
    free(err);
    const char *bad_jobs[] = {"build", "--jobs", "zero", NULL};
    assert_int_equal(e2e_run(dir, bad_jobs, &err), 2);
    assert_true(e2e_has_line(err, "suture: --jobs needs a number from 1 to 256, not 'zero'"));
    free(err);
    const char *no_content[] = {"build", "--content", "nowhere", NULL};
    assert_int_equal(e2e_run(dir, no_content, &err), 2);
    assert_true(e2e_has_line(err, "nowhere: error: the content folder does not exist; run suture "
                                  "where content/ is, or pass --content DIR"));
    free(err);
    const char *unknown[] = {"publish", NULL};
    assert_int_equal(e2e_run(dir, unknown, &err), 2);
    free(err);
    const char *help[] = {"build", "--help", NULL};
    assert_int_equal(e2e_run(dir, help, &err), 0);
    free(err);
    const char *version[] = {"--version", NULL};
    assert_int_equal(e2e_run(dir, version, &err), 0);
    free(err);
    remove_tree(dir);
    free(dir);
}

/* --out pointing at the sources is refused, and the sources survive. */
static void test_out_cannot_replace_sources(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    const char *args[] = {"build", "--out", "content", NULL};
    assert_int_equal(e2e_run(s->dir, args, &err), 2);
    assert_true(e2e_has_line(err, "content: error: refusing to replace 'content': it holds the "
                                  "sources or the current folder; choose another --out"));
    char *yaml = path_join(s->content, "site.yaml");
    assert_true(path_is_file(yaml));
    free(yaml);
    free(err);
    S_site_free(s);
}

/* --out inside the sources is refused too: the site would be read back as content (media
 * copied into itself at every build) and `suture serve` would rebuild on its own writes. */
static void test_out_cannot_be_inside_sources(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    static const struct {
        const char *out, *said;
    } cases[] = {
        {"content/site", "content/site: error: the output folder is inside content, which suture "
                         "reads; build somewhere else, such as 'site' beside it: --out site"},
        {"content/media/site/", "content/media/site/: error: the output folder is inside content, "
                                "which suture reads; build somewhere else, such as 'site' beside "
                                "it: --out site"},
        {"templates/assets/x", "templates/assets/x: error: the output folder is inside templates, "
                               "which suture reads; build somewhere else, such as 'site' beside "
                               "it: --out site"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *err = NULL;
        const char *args[] = {"build", "--out", cases[i].out, NULL};
        assert_int_equal(e2e_run(s->dir, args, &err), 2);
        if (!e2e_has_line(err, cases[i].said))
            fail_msg("--out %s said: %s", cases[i].out, err);
        free(err);
        char *out = path_join(s->dir, cases[i].out);
        assert_false(path_is_dir(out));
        free(out);
    }
    /* Through a symbolic link into the sources, the same. */
    char *link = path_join(s->dir, "into-content");
    assert_int_equal(symlink("content", link), 0);
    char *err = NULL;
    const char *args[] = {"build", "--out", "into-content/site", NULL};
    assert_int_equal(e2e_run(s->dir, args, &err), 2);
    assert_non_null(strstr(err, "the output folder is inside content, which suture reads"));
    free(err);
    free(link);
    S_site_free(s);
}

/* nftw has no user pointer: what S_mode_entry checks, and what it found. */
static struct {
    mode_t dir_mode, file_mode;
    size_t entries, wrong;
    char first_wrong[512];
} S_modes;

static int S_mode_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)ftw;
    mode_t want = flag == FTW_D ? S_modes.dir_mode : S_modes.file_mode;
    S_modes.entries++;
    if ((st->st_mode & 07777) != want || (flag != FTW_D && !S_ISREG(st->st_mode))) {
        if (!S_modes.wrong++)
            snprintf(S_modes.first_wrong, sizeof S_modes.first_wrong, "%s has mode %04o, not %04o",
                     path, (unsigned)(st->st_mode & 07777), (unsigned)want);
    }
    return 0;
}

/* Every folder under dir (itself included) has dir_mode, every file file_mode. */
static void S_assert_modes(const char *dir, mode_t dir_mode, mode_t file_mode)
{
    S_modes.dir_mode = dir_mode;
    S_modes.file_mode = file_mode;
    S_modes.entries = S_modes.wrong = 0;
    assert_int_equal(nftw(dir, S_mode_entry, 16, FTW_PHYS), 0);
    assert_true(S_modes.entries > 20);
    if (S_modes.wrong)
        fail_msg("%zu of %zu entries have the wrong mode; first: %s", S_modes.wrong,
                 S_modes.entries, S_modes.first_wrong);
}

/*
 * The published site is readable as the umask allows (issue 14: the output folder was 0700
 * whatever the umask, so nginx serving it answered 403): folders 0755 and files 0644 under
 * umask 022, 0750 and 0640 under 027, pages, copies (media, assets), the search index and
 * the manifest alike; and an incremental build after the umask changed leaves no file of
 * the old mode (an unchanged page is written anew rather than taken from the old site).
 */
static void test_output_modes_follow_umask(void **state)
{
    (void)state;
    S_site *s = S_site_new("good");
    char *err = NULL;
    mode_t old = umask(022);
    int status = S_build(s, &err, NULL);
    umask(old);
    if (status != 0)
        fail_msg("the build said:\n%s", err);
    free(err);
    S_assert_modes(s->out, 0755, 0644);

    S_edit(s, "content/articles/layers.md", "The SMAS lies", "The SMAS lies deep");
    old = umask(027);
    status = S_build(s, &err, NULL);
    umask(old);
    if (status != 0)
        fail_msg("the build said:\n%s", err);
    free(err);
    S_assert_modes(s->out, 0750, 0640);
    S_site_free(s);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_site_builds),
        cmocka_unit_test(test_every_page_has_one_disclaimer_and_basics),
        cmocka_unit_test(test_article_page),
        cmocka_unit_test(test_listing_pages),
        cmocka_unit_test(test_glossary_popovers_and_index),
        cmocka_unit_test(test_topic_pages),
        cmocka_unit_test(test_feed_sitemap_robots),
        cmocka_unit_test(test_drafts_option),
        cmocka_unit_test(test_jobs_give_identical_output),
        cmocka_unit_test(test_incremental_builds),
        cmocka_unit_test(test_golden_pages),
        cmocka_unit_test(test_broken_cases),
        cmocka_unit_test(test_every_mistake_whatever_the_threads),
        cmocka_unit_test(test_disguised_script_link_left_out),
        cmocka_unit_test(test_template_not_utf8_one_error),
        cmocka_unit_test(test_template_mistyped_tag_one_error),
        cmocka_unit_test(test_article_not_utf8_warned_once),
        cmocka_unit_test(test_usage_and_environment_errors),
        cmocka_unit_test(test_out_cannot_replace_sources),
        cmocka_unit_test(test_out_cannot_be_inside_sources),
        cmocka_unit_test(test_output_modes_follow_umask),
    };
    int rc = cmocka_run_group_tests_name("end-to-end build", tests, NULL, NULL);
    free(S_root);
    return rc;
}
