/*
 * test_pagexml.c: unit tests for pagexml.h (the page XML that templates receive, as
 * documented in templates/README.md).
 *
 * The site is served below a base path (https://example.org/kb/), so every href must
 * start with /kb/ and every canonical URL with the base URL.
 */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "content/article.h"
#include "content/config.h"
#include "content/procedures.h"
#include "render/page.h"
#include "render/pagexml.h"

/* A writable copy of a string literal, for the char * fields of the model structs. */
#define STR(s) ((char[]){s})

/* One value, in English, for a topic's per-language text. */
#define EN(s) {(ltext_value[]){{STR("en"), STR(s)}}, 1}

static config_topic S_topics[] = {
    {STR("anatomy"), EN("Facial anatomy"), EN("How the face is built, layer by layer.")},
    {STR("thread-lift"), EN("Thread lift"), EN("Lifting with threads & needles.")},
};

static config_language S_languages[] = {{
    .code = STR("en"),
    .name = STR("English"),
    .prefix = STR("/kb/"),
    .title = STR("Clinic knowledge base"),
    .description = STR("Plain-language information about facial lifting."),
    .disclaimer = STR("General information."),
}};

static const char *S_codes[] = {"en", NULL};

static config S_cfg = {
    .file = STR("content/site.yaml"),
    .base_url = STR("https://example.org/kb/"),
    .base_path = STR("/kb/"),
    .languages = S_languages,
    .n_languages = 1,
    .language_codes = S_codes,
    .topics = S_topics,
    .n_topics = 2,
    .review_max_age_days = 365,
};

#define SITE_XML                                                                               \
    "<site><title>Clinic knowledge base</title>"                                               \
    "<description>Plain-language information about facial lifting.</description>"             \
    "<base-url>https://example.org/kb/</base-url><root>/kb/</root>"                           \
    "<assets>/kb/assets/</assets><topics>"                                                     \
    "<topic id=\"anatomy\" href=\"/kb/topics/anatomy/\" count=\"%s\"><title>Facial anatomy"    \
    "</title><description>How the face is built, layer by layer.</description></topic>"        \
    "<topic id=\"thread-lift\" href=\"/kb/topics/thread-lift/\" count=\"%s\"><title>Thread "   \
    "lift</title><description>Lifting with threads &amp; needles.</description></topic>"       \
    "</topics><links compare=\"/kb/compare/\" glossary=\"/kb/glossary/\" "                     \
    "feed=\"/kb/feed.xml\" search=\"/kb/search/\"/></site>"

/* Check and remove the generator attribute (its version changes), then dump the root. */
static char *S_dump_page(xmlDocPtr doc)
{
    xmlNodePtr page = xmlDocGetRootElement(doc);
    xmlChar *gen = xmlGetProp(page, BAD_CAST "generator");
    assert_non_null(gen);
    assert_true(str_starts_with((const char *)gen, "suture "));
    assert_true(strlen((const char *)gen) > strlen("suture "));
    xmlFree(gen);
    xmlUnsetProp(page, BAD_CAST "generator");
    return tu_dump(page->doc, page);
}

static void test_new_article_page_with_base_path(void **state)
{
    (void)state;
    const size_t counts[] = {2, 0};
    xmlDocPtr doc = pagexml_new(&S_cfg, PAGE_ARTICLE, "ko", "/kb/articles/smas-layers/",
                                "스마스 층", "One & two.", counts);
    char *got = S_dump_page(doc);
    char *site = xasprintf(SITE_XML, "2", "0");
    char *expected = xasprintf(
        "<page kind=\"article\" lang=\"ko\" dir=\"ltr\">%s"
        "<url>/kb/articles/smas-layers/</url>"
        "<canonical>https://example.org/kb/articles/smas-layers/</canonical>"
        "<title>스마스 층</title><description>One &amp; two.</description></page>",
        site);
    assert_string_equal(got, expected);
    free(expected);
    free(site);
    free(got);
    xmlFreeDoc(doc);
}

static void test_new_home_page_without_counts(void **state)
{
    (void)state;
    xmlDocPtr doc = pagexml_new(&S_cfg, PAGE_HOME, "en", "/kb/", "Home", "", NULL);
    char *got = S_dump_page(doc);
    char *site = xasprintf(SITE_XML, "0", "0");
    char *expected = xasprintf("<page kind=\"home\" lang=\"en\" dir=\"ltr\">%s<url>/kb/</url>"
                               "<canonical>https://example.org/kb/</canonical><title>Home</title>"
                               "<description></description></page>",
                               site);
    assert_string_equal(got, expected);
    free(expected);
    free(site);
    free(got);
    xmlFreeDoc(doc);
}

static void test_new_kind_names_and_direction(void **state)
{
    (void)state;
    static const struct {
        page_kind kind;
        const char *name, *lang, *dir;
    } cases[] = {
        {PAGE_TOPIC, "topic", "en-GB", "ltr"},     {PAGE_COMPARE, "compare", "ar", "rtl"},
        {PAGE_GLOSSARY, "glossary", "he-IL", "rtl"}, {PAGE_NOT_FOUND, "not-found", "ko", "ltr"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xmlDocPtr doc = pagexml_new(&S_cfg, cases[i].kind, cases[i].lang, "/kb/404.html", "", "",
                                    NULL);
        xmlNodePtr page = xmlDocGetRootElement(doc);
        xmlChar *kind = xmlGetProp(page, BAD_CAST "kind");
        xmlChar *lang = xmlGetProp(page, BAD_CAST "lang");
        xmlChar *dir = xmlGetProp(page, BAD_CAST "dir");
        assert_string_equal((const char *)kind, cases[i].name);
        assert_string_equal((const char *)lang, cases[i].lang);
        assert_string_equal((const char *)dir, cases[i].dir);
        xmlFree(kind);
        xmlFree(lang);
        xmlFree(dir);
        xmlFreeDoc(doc);
    }
}

static void test_new_root_base_path(void **state)
{
    (void)state;
    config cfg = S_cfg;
    config_language lang = S_languages[0];
    lang.prefix = STR("/"); /* the language's pages at the root too */
    cfg.languages = &lang;
    cfg.base_url = STR("https://clinic.example/");
    cfg.base_path = STR("/");
    cfg.n_topics = 0;
    xmlDocPtr doc = pagexml_new(&cfg, PAGE_GLOSSARY, "en", "/glossary/", "", "", NULL);
    char *got = S_dump_page(doc);
    assert_string_equal(
        got, "<page kind=\"glossary\" lang=\"en\" dir=\"ltr\"><site><title>Clinic knowledge base"
             "</title><description>Plain-language information about facial lifting."
             "</description><base-url>https://clinic.example/</base-url><root>/</root>"
             "<assets>/assets/</assets><topics/><links compare=\"/compare/\" "
             "glossary=\"/glossary/\" feed=\"/feed.xml\" search=\"/search/\"/></site>"
             "<url>/glossary/</url>"
             "<canonical>https://clinic.example/glossary/</canonical><title></title>"
             "<description></description>"
             "</page>");
    free(got);
    xmlFreeDoc(doc);
}

static void test_text(void **state)
{
    (void)state;
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST "p");
    xmlNodePtr a = pagexml_text(parent, "name", "A < B & C");
    xmlNodePtr b = pagexml_text(parent, "empty", NULL);
    assert_ptr_equal(a->parent, parent);
    assert_ptr_equal(b->parent, parent);
    char *got = tu_dump(parent->doc, parent);
    assert_string_equal(got, "<p><name>A &lt; B &amp; C</name><empty/></p>");
    free(got);
    xmlFreeNode(parent);
}

static void test_date(void **state)
{
    (void)state;
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST "x");
    const date_ymd d1 = {2026, 3, 5}, d2 = {1999, 12, 31};
    xmlNodePtr n = pagexml_date(parent, "reviewed", &d1, NULL);
    pagexml_date(parent, "date", &d2, NULL);
    assert_string_equal((const char *)n->name, "reviewed");
    char *got = tu_dump(parent->doc, parent);
    assert_string_equal(got, "<x><reviewed iso=\"2026-03-05\" year=\"2026\" month=\"3\" "
                             "day=\"5\"/><date iso=\"1999-12-31\" year=\"1999\" month=\"12\" "
                             "day=\"31\"/></x>");
    free(got);
    xmlFreeNode(parent);
}

static void test_direction(void **state)
{
    (void)state;
    assert_string_equal(pagexml_direction("ar"), "rtl");
    assert_string_equal(pagexml_direction("ar-EG"), "rtl");
    assert_string_equal(pagexml_direction("he"), "rtl");
    assert_string_equal(pagexml_direction("fa-IR"), "rtl");
    assert_string_equal(pagexml_direction("ur"), "rtl");
    assert_string_equal(pagexml_direction("en"), "ltr");
    assert_string_equal(pagexml_direction("ko"), "ltr");
    assert_string_equal(pagexml_direction("ko-KR"), "ltr");
    /* Only whole primary subtags: Mapudungun (arn) and Hebrew-like prefixes are not RTL. */
    assert_string_equal(pagexml_direction("arn"), "ltr");
    assert_string_equal(pagexml_direction("hea"), "ltr");
    assert_string_equal(pagexml_direction("urd"), "ltr");
    assert_string_equal(pagexml_direction(""), "ltr");
}

/* ---- articles ---- */

static fm_ref S_fm_topics[] = {{STR("anatomy"), 4, 10}, {STR("unknown-topic"), 4, 19}};
static fm_ref S_fm_procs[] = {{STR("thread-lift"), 9, 14}, {STR("nothing"), 9, 27}};

static frontmatter S_fm = {
    .title = STR("The SMAS layer"),
    .summary = STR("What the SMAS is."),
    .reviewer = STR("Medical review team"),
    .topics = S_fm_topics,
    .n_topics = 2,
    .procedures = S_fm_procs,
    .n_procedures = 2,
    .date = {2026, 1, 2},
    .reviewed = {2026, 11, 20},
    .line = 1,
};

static frontmatter S_fm2 = {
    .title = STR("Dimpling"),
    .summary = STR("Small dents."),
    .reviewer = STR("Dr. Kim"),
    .date = {2025, 6, 7},
    .reviewed = {2025, 8, 9},
};

static article S_article = {
    .path = STR("content/articles/smas.md"),
    .file_name = STR("smas.md"),
    .slug = STR("smas"),
    .url = STR("/kb/articles/smas/"),
    .lang = STR("en"),
    .fm = &S_fm,
};

static article S_related = {
    .path = STR("content/articles/dimpling.md"),
    .file_name = STR("dimpling.md"),
    .slug = STR("dimpling"),
    .url = STR("/kb/articles/dimpling/"),
    .lang = STR("ko"),
    .fm = &S_fm2,
};

static void test_article_ref(void **state)
{
    (void)state;
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST "articles");
    pagexml_article_ref(parent, &S_cfg, &S_related);
    char *got = tu_dump(parent->doc, parent);
    assert_string_equal(got, "<articles><article-ref href=\"/kb/articles/dimpling/\" lang=\"ko\">"
                             "<title>Dimpling</title><summary>Small dents.</summary>"
                             /* A language the site does not declare: the site's dates;
                              * no date_format, so no text */
                             "<date iso=\"2025-06-07\" year=\"2025\" month=\"6\" day=\"7\"/>"
                             "<reviewed iso=\"2025-08-09\" year=\"2025\" month=\"8\" day=\"9\"/>"
                             "</article-ref></articles>");
    free(got);
    xmlFreeNode(parent);
}

static procedure_data *S_procedures(void)
{
    procedure_data *d = xcalloc(1, sizeof *d);
    d->file = xstrdup("content/data/procedures.yaml");
    d->n_procedures = 1;
    d->procedures = xcalloc(1, sizeof *d->procedures);
    d->procedures[0].id = xstrdup("thread-lift");
    ltext_set1(&d->procedures[0].name, "", "Thread lift");
    return d;
}

static void S_procedures_free(procedure_data *d)
{
    free(d->procedures[0].id);
    ltext_free(&d->procedures[0].name);
    free(d->procedures);
    free(d->file);
    free(d);
}

static void test_article(void **state)
{
    (void)state;
    xmlDocPtr doc = pagexml_new(&S_cfg, PAGE_ARTICLE, "en", "/kb/articles/smas/", "The SMAS layer",
                                "", NULL);
    xmlNodePtr body = xmlNewNode(NULL, BAD_CAST "body");
    xmlNewChild(body, NULL, BAD_CAST "p", BAD_CAST "Text");
    markdown_heading headings[] = {
        {2, STR("one"), STR("One")}, {3, STR("sub"), STR("Sub")}, {4, STR("deep"), STR("Deep")}};
    const article *related[] = {&S_related};
    procedure_data *procs = S_procedures();
    xmlNodePtr art = pagexml_article(xmlDocGetRootElement(doc), &S_cfg, &S_article, body,
                                     headings, 3, related, 1, procs, NULL, NULL);
    assert_ptr_equal(body->parent, art);
    char *got = tu_dump(art->doc, art);
    /* One h2 section: no table of contents. Unknown topic and procedure ids are skipped. */
    assert_string_equal(
        got,
        "<article slug=\"smas\" href=\"/kb/articles/smas/\"><title>The SMAS layer</title>"
        "<summary>What the SMAS is.</summary>"
        /* no text: English has no date_format (the templates write its dates) */
        "<date iso=\"2026-01-02\" year=\"2026\" month=\"1\" day=\"2\"/>"
        "<reviewed iso=\"2026-11-20\" year=\"2026\" month=\"11\" day=\"20\"/>"
        /* reviewed + review_max_age_days (365) */
        "<next-review iso=\"2027-11-20\" year=\"2027\" month=\"11\" day=\"20\"/>"
        "<reviewer>Medical review team</reviewer>"
        "<topics><topic id=\"anatomy\" href=\"/kb/topics/anatomy/\">Facial anatomy</topic>"
        "</topics>"
        "<procedures><procedure id=\"thread-lift\" href=\"/kb/compare/#procedure-thread-lift\">"
        "Thread lift</procedure></procedures>"
        /* jsonld.h's MedicalWebPage, with the canonical URL pagexml_new made */
        "<structured-data type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"MedicalWebPage\",\"url\":\"https://example.org/kb/articles/smas/\","
        "\"name\":\"The SMAS layer\",\"description\":\"What the SMAS is.\","
        "\"inLanguage\":\"en\",\"datePublished\":\"2026-01-02\","
        "\"lastReviewed\":\"2026-11-20\",\"reviewedBy\":{\"@type\":\"Organization\","
        "\"name\":\"Medical review team\"},\"medicalAudience\":{\"@type\":"
        "\"MedicalAudience\",\"audienceType\":\"Patient\"},\"about\":[{\"@type\":"
        "\"MedicalProcedure\",\"name\":\"Thread lift\",\"url\":"
        "\"https://example.org/kb/compare/#procedure-thread-lift\"}],\"isPartOf\":{\"@type\":"
        "\"WebSite\",\"name\":\"Clinic knowledge base\",\"url\":\"https://example.org/kb/\"}}"
        "</structured-data>"
        "<body><p>Text</p></body>"
        "<related><article-ref href=\"/kb/articles/dimpling/\" lang=\"ko\"><title>Dimpling</title>"
        "<summary>Small dents.</summary>"
        "<date iso=\"2025-06-07\" year=\"2025\" month=\"6\" day=\"7\"/>"
        "<reviewed iso=\"2025-08-09\" year=\"2025\" month=\"8\" day=\"9\"/>"
        "</article-ref></related></article>");
    free(got);
    S_procedures_free(procs);
    xmlFreeDoc(doc);
}

static void test_article_toc_from_three_sections(void **state)
{
    (void)state;
    xmlDocPtr doc = pagexml_new(&S_cfg, PAGE_ARTICLE, "en", "/kb/articles/smas/", "T", "", NULL);
    xmlNodePtr body = xmlNewNode(NULL, BAD_CAST "body");
    markdown_heading headings[] = {{2, STR("one"), STR("One")},
                                   {3, STR("sub"), STR("Sub & more")},
                                   {4, STR("deep"), STR("Deep")},
                                   {2, STR("two"), STR("Two")},
                                   {2, STR("스마스"), STR("스마스")}};
    procedure_data *procs = S_procedures();
    xmlNodePtr art = pagexml_article(xmlDocGetRootElement(doc), &S_cfg, &S_article, body,
                                     headings, 5, NULL, 0, procs, NULL, NULL);
    xmlNodePtr toc = NULL;
    for (xmlNodePtr c = art->children; c; c = c->next)
        if (xmlStrEqual(c->name, BAD_CAST "toc"))
            toc = c;
    assert_non_null(toc);
    assert_ptr_equal(toc->next->next, body); /* the structured data comes between */
    char *got = tu_dump(toc->doc, toc);
    assert_string_equal(got, "<toc><item href=\"#one\" level=\"2\">One</item>"
                             "<item href=\"#sub\" level=\"3\">Sub &amp; more</item>"
                             "<item href=\"#two\" level=\"2\">Two</item>"
                             "<item href=\"#&#xC2A4;&#xB9C8;&#xC2A4;\" level=\"2\">스마스</item>"
                             "</toc>");
    free(got);
    S_procedures_free(procs);
    xmlFreeDoc(doc);
}

/* ---- a site in two languages (issue 16) ---- */

static config_language S_two[] = {
    {.code = STR("ko"), .name = STR("한국어"), .og_locale = STR("ko_KR"),
     .prefix = STR("/kb/"), .title = STR("지식 센터"), .description = STR("설명"),
     .date_format = STR("y년 M월 d일")},
    {.code = STR("en"), .name = STR("English"), .og_locale = STR("en_US"), .prefix = STR("/kb/en/"),
     .title = STR("Knowledge base"), .description = STR("About")},
};

static const char *S_two_codes[] = {"ko", "en", NULL};

/* S_cfg with Korean first and English under /kb/en/. */
static config S_bilingual(void)
{
    config cfg = S_cfg;
    cfg.languages = S_two;
    cfg.n_languages = 2;
    cfg.language_codes = S_two_codes;
    cfg.multilingual = true;
    cfg.n_topics = 0;
    return cfg;
}

/* node as XML with its text in UTF-8 (tu_dump writes character references). */
static char *S_dump_utf8(xmlDocPtr doc, xmlNodePtr node)
{
    if (!doc->encoding)
        doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    return tu_dump(doc, node);
}

/* The children of page after <site>, up to <url>, as XML. */
static char *S_dump_languages(xmlDocPtr doc)
{
    strbuf b = STRBUF_INIT;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        if (xmlStrEqual(n->name, BAD_CAST "url"))
            break;
        if (xmlStrEqual(n->name, BAD_CAST "site"))
            continue;
        char *one = S_dump_utf8(doc, n);
        strbuf_puts(&b, one);
        free(one);
    }
    return strbuf_detach(&b);
}

static void test_languages_of_an_untranslated_page(void **state)
{
    (void)state;
    config cfg = S_bilingual();
    xmlDocPtr doc = pagexml_new(&cfg, PAGE_ARTICLE, "en", "/kb/en/articles/x/", "X", "", NULL);
    const char *hrefs[] = {NULL, "/kb/en/articles/x/"};
    pagexml_languages(xmlDocGetRootElement(doc), &cfg, 1, hrefs);
    char *got = S_dump_languages(doc);
    assert_string_equal(
        got, "<languages>"
             "<language code=\"ko\" name=\"한국어\" og-locale=\"ko_KR\" default=\"yes\" "
             "translated=\"no\" href=\"/kb/\" absolute=\"https://example.org/kb/\"/>"
             "<language code=\"en\" name=\"English\" og-locale=\"en_US\" current=\"yes\" "
             "translated=\"yes\" href=\"/kb/en/articles/x/\" "
             "absolute=\"https://example.org/kb/en/articles/x/\"/></languages>"
             /* no Korean version: x-default is the page itself */
             "<x-default href=\"/kb/en/articles/x/\" "
             "absolute=\"https://example.org/kb/en/articles/x/\"/>");
    free(got);
    /* The page's <site> is its language's: root, title and links under /kb/en/. */
    char *site = S_dump_page(doc);
    assert_non_null(strstr(site, "<title>Knowledge base</title>"));
    assert_non_null(strstr(site, "<root>/kb/en/</root>"));
    assert_non_null(strstr(site, "compare=\"/kb/en/compare/\""));
    free(site);
    xmlFreeDoc(doc);
}

static void test_languages_x_default_and_one_language(void **state)
{
    (void)state;
    config cfg = S_bilingual();
    xmlDocPtr doc = pagexml_new(&cfg, PAGE_TOPIC, "en", "/kb/en/topics/a/", "A", "", NULL);
    const char *hrefs[] = {"/kb/topics/a/", "/kb/en/topics/a/"};
    pagexml_languages(xmlDocGetRootElement(doc), &cfg, 1, hrefs);
    char *got = S_dump_languages(doc);
    /* The default language's version is x-default. */
    assert_non_null(strstr(got, "<x-default href=\"/kb/topics/a/\" "
                                "absolute=\"https://example.org/kb/topics/a/\"/>"));
    assert_non_null(strstr(got, "<language code=\"ko\" name=\"한국어\" og-locale=\"ko_KR\" "
                                "default=\"yes\" translated=\"yes\" href=\"/kb/topics/a/\""));
    free(got);
    xmlFreeDoc(doc);
    /* A site in one language: nothing, so that its pages stay as they were. */
    doc = pagexml_new(&S_cfg, PAGE_HOME, "en", "/kb/", "Home", "", NULL);
    const char *one[] = {"/kb/"};
    pagexml_languages(xmlDocGetRootElement(doc), &S_cfg, 0, one);
    got = S_dump_languages(doc);
    assert_string_equal(got, "");
    free(got);
    xmlFreeDoc(doc);
}

static void test_absolute(void **state)
{
    (void)state;
    char *abs = pagexml_absolute(&S_cfg, "/kb/en/articles/x/");
    assert_string_equal(abs, "https://example.org/kb/en/articles/x/");
    free(abs);
}

/* A stale translation: <stale> with the source's review in the page's words; JSON-LD links. */
static void test_article_stale_translation(void **state)
{
    (void)state;
    config cfg = S_bilingual();
    frontmatter src_fm = S_fm, ko_fm = S_fm;
    src_fm.reviewed = (date_ymd){2026, 12, 1};
    ko_fm.translation_of = STR("en");
    article src = S_article, ko = S_article;
    src.fm = &src_fm;
    src.url = STR("/kb/en/articles/smas/");
    ko.fm = &ko_fm;
    ko.lang = STR("ko");
    xmlDocPtr doc = pagexml_new(&cfg, PAGE_ARTICLE, "ko", "/kb/articles/smas/", "T", "", NULL);
    xmlNodePtr body = xmlNewNode(NULL, BAD_CAST "body");
    procedure_data *procs = S_procedures();
    pagexml_versions v = {.source = &src, .stale = true};
    xmlNodePtr art = pagexml_article(xmlDocGetRootElement(doc), &cfg, &ko, body, NULL, 0, NULL,
                                     0, procs, &v, NULL);
    char *got = S_dump_utf8(doc, art);
    assert_non_null(strstr(got, "<date iso=\"2026-01-02\" year=\"2026\" month=\"1\" day=\"2\" "
                                "text=\"2026년 1월 2일\"/>"));
    assert_non_null(strstr(got, "<reviewer>Medical review team</reviewer>"
                                "<stale source-lang=\"en\" source-name=\"English\" "
                                "source-href=\"/kb/en/articles/smas/\"><reviewed iso=\"2026-12-01\" "
                                "year=\"2026\" month=\"12\" day=\"1\" text=\"2026년 12월 1일\"/>"
                                "</stale>"));
    assert_non_null(strstr(got, "\"translationOfWork\":{\"@id\":"
                                "\"https://example.org/kb/en/articles/smas/\"}"));
    free(got);
    xmlFreeDoc(doc);
    /* Current: no notice. The source lists its translations. */
    doc = pagexml_new(&cfg, PAGE_ARTICLE, "en", "/kb/en/articles/smas/", "T", "", NULL);
    body = xmlNewNode(NULL, BAD_CAST "body");
    const article *translations[] = {&ko};
    pagexml_versions w = {.translations = translations, .n_translations = 1};
    art = pagexml_article(xmlDocGetRootElement(doc), &cfg, &src, body, NULL, 0, NULL, 0, procs,
                          &w, NULL);
    got = S_dump_utf8(doc, art);
    assert_null(strstr(got, "<stale"));
    assert_non_null(strstr(got, "\"workTranslation\":[{\"@id\":"
                                "\"https://example.org/kb/articles/smas/\"}]"));
    assert_non_null(strstr(got, "\"isPartOf\":{\"@type\":\"WebSite\",\"name\":"
                                "\"Knowledge base\",\"url\":\"https://example.org/kb/en/\"}"));
    /* The procedures link to the English comparison page. */
    assert_non_null(strstr(got, "href=\"/kb/en/compare/#procedure-thread-lift\""));
    free(got);
    S_procedures_free(procs);
    xmlFreeDoc(doc);
}

/* The sources an article cites: <sources> after the body, numbered in the page's order,
 * each with what the template lists and its links (issue 18). */
static void test_article_sources(void **state)
{
    (void)state;
    xmlDocPtr doc = pagexml_new(&S_cfg, PAGE_ARTICLE, "en", "/kb/articles/smas/", "T", "", NULL);
    xmlNodePtr body = xmlNewNode(NULL, BAD_CAST "body");
    source_entry paper = {.authors = STR("Mitz V, Peyronie M"), .title = STR("The SMAS"),
                          .journal = STR("Plast Reconstr Surg"), .year = 1976,
                          .doi = STR("10.1097/00006534-197607000-00013"), .pmid = STR("935283"),
                          .language = STR("en")};
    source_entry report = {.authors = STR("학회"), .title = STR("지침"), .publisher = STR("학회"),
                           .year = 2020, .url = STR("https://www.example.org/g?a=1&b=2"),
                           .language = STR("ko")};
    const source_entry *items[] = {&report, &paper};
    procedure_data *procs = S_procedures();
    sources_cited cited = {items, 2};
    xmlNodePtr art = pagexml_article(xmlDocGetRootElement(doc), &S_cfg, &S_article, body, NULL,
                                     0, NULL, 0, procs, NULL, &cited);
    xmlNodePtr list = body->next;
    assert_non_null(list);
    char *got = S_dump_utf8(doc, list);
    assert_string_equal(
        got, "<sources><source n=\"1\" lang=\"ko\"><authors>학회</authors><title>지침</title>"
             "<publisher>학회</publisher><year>2020</year><url "
             "href=\"https://www.example.org/g?a=1&amp;b=2\">https://www.example.org/g?a=1&amp;b=2"
             "</url></source><source n=\"2\" lang=\"en\"><authors>Mitz V, Peyronie M</authors>"
             "<title>The SMAS</title><journal>Plast Reconstr Surg</journal><year>1976</year>"
             "<doi href=\"https://doi.org/10.1097/00006534-197607000-00013\">"
             "10.1097/00006534-197607000-00013</doi><pmid "
             "href=\"https://pubmed.ncbi.nlm.nih.gov/935283/\">935283</pmid></source></sources>");
    free(got);
    /* None cited: no element. */
    assert_ptr_equal(art, body->parent);
    xmlFreeDoc(doc);
    doc = pagexml_new(&S_cfg, PAGE_ARTICLE, "en", "/kb/articles/smas/", "T", "", NULL);
    body = xmlNewNode(NULL, BAD_CAST "body");
    sources_cited none = {NULL, 0};
    pagexml_article(xmlDocGetRootElement(doc), &S_cfg, &S_article, body, NULL, 0, NULL, 0, procs,
                    NULL, &none);
    assert_true(!body->next || !xmlStrEqual(body->next->name, BAD_CAST "sources"));
    S_procedures_free(procs);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_article_page_with_base_path),
        cmocka_unit_test(test_new_home_page_without_counts),
        cmocka_unit_test(test_new_kind_names_and_direction),
        cmocka_unit_test(test_new_root_base_path),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_date),
        cmocka_unit_test(test_direction),
        cmocka_unit_test(test_article_ref),
        cmocka_unit_test(test_article),
        cmocka_unit_test(test_article_toc_from_three_sections),
        cmocka_unit_test(test_article_sources),
        cmocka_unit_test(test_languages_of_an_untranslated_page),
        cmocka_unit_test(test_languages_x_default_and_one_language),
        cmocka_unit_test(test_absolute),
        cmocka_unit_test(test_article_stale_translation),
    };
    return cmocka_run_group_tests_name("pagexml", tests, tu_xml_setup, NULL);
}
