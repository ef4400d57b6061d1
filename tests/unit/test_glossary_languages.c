/*
 * test_glossary_languages.c: glossary.h on a site in Korean and English (issue 16): a
 * term, its aliases and its definition per language, every mistake in them, and the links
 * each language makes: a Korean page links Korean terms to the Korean glossary, an English
 * page English ones to the English glossary.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "content/glossary.h"

static const char *const S_codes[] = {"ko", "en", NULL};
static const ltext_langs S_ko_en = {S_codes, true};

static const char S_bilingual[] =
    "terms:\n"                                                                      /* 1 */
    "  - id: smas\n"                                                                /* 2 */
    "    term: {ko: 스마스, en: SMAS}\n"                                            /* 3 */
    "    aliases: {ko: [스마스층, SMAS층], en: [superficial musculoaponeurotic system]}\n" /* 4 */
    "    definition: {ko: 얼굴의 층., en: A layer of the face.}\n"                 /* 5 */
    "  - id: thread-lift\n"                                                         /* 6 */
    "    term: {ko: 실리프팅, en: thread lift}\n"                                   /* 7 */
    "    aliases:\n"                                                                /* 8 */
    "      ko: []\n"                                                                /* 9 */
    "      en: [barbed thread lift]\n"                                              /* 10 */
    "    definition:\n"                                                             /* 11 */
    "      ko: 실로 당겨요.\n"                                                      /* 12 */
    "      en: Threads lift.\n"                                                     /* 13 */
    "  - id: lifting\n"                                                             /* 14 */
    "    term: {ko: 리프팅, en: Tissue lifting}\n"                                  /* 15 */
    "    definition: {ko: 들어 올림., en: Raising.}\n";                             /* 16 */

typedef struct {
    char *dir;
    diag_list *diags;
} S_fix;

static int S_setup(void **state)
{
    S_fix *f = xcalloc(1, sizeof *f);
    f->dir = tu_tmpdir("glossary-languages");
    f->diags = diag_list_new();
    *state = f;
    return 0;
}

static int S_teardown(void **state)
{
    S_fix *f = *state;
    diag_list_free(f->diags);
    int rc = tu_tmpdir_remove(f->dir);
    free(f);
    return rc;
}

/* Load S_bilingual with find replaced by repl, with the site's languages langs. */
static glossary *S_load(S_fix *f, const char *find, const char *repl, const ltext_langs *langs)
{
    char *text = tu_replace(S_bilingual, find, repl);
    char *path = tu_write_file(f->dir, "glossary.yaml", text);
    glossary *g = glossary_load(path, langs, f->diags);
    free(text);
    free(path);
    return g;
}

/* The diagnostic i, without the folder: "glossary.yaml:3:11: error: ...". */
static void S_expect(S_fix *f, size_t i, const char *rest)
{
    if (i >= diag_count(f->diags))
        diag_list_print(f->diags, stderr);
    char *prefix = xasprintf("%s/glossary.yaml", f->dir);
    tu_expect_diag_prefixed(f->diags, i, prefix, rest);
    free(prefix);
}

static void S_expect_count(S_fix *f, size_t n)
{
    if (diag_count(f->diags) != n)
        diag_list_print(f->diags, stderr);
    assert_int_equal(diag_count(f->diags), n);
}

/* ---- loading ---- */

static void test_values_per_language(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "", "", &S_ko_en);
    assert_non_null(g);
    S_expect_count(f, 0);
    const glossary_term *t = glossary_get(g, 0);
    assert_string_equal(t->id, "smas");
    assert_string_equal(glossary_text(g, &t->term, "ko"), "스마스");
    assert_string_equal(glossary_text(g, &t->term, "en"), "SMAS");
    assert_string_equal(glossary_text(g, &t->definition, "ko"), "얼굴의 층.");
    assert_string_equal(glossary_text(g, &t->definition, "en-GB"), "A layer of the face.");
    /* A language the glossary has no text in is given the default language's. */
    assert_string_equal(glossary_text(g, &t->term, "ja"), "스마스");
    size_t n;
    const char *const *aliases = glossary_term_aliases(t, "ko", &n);
    assert_int_equal(n, 2);
    assert_string_equal(aliases[0], "스마스층");
    assert_string_equal(aliases[1], "SMAS층");
    aliases = glossary_term_aliases(t, "en", &n);
    assert_int_equal(n, 1);
    assert_string_equal(aliases[0], "superficial musculoaponeurotic system");
    assert_null(glossary_term_aliases(t, "ja", &n));
    assert_int_equal(n, 0);
    t = glossary_get(g, 1);
    glossary_term_aliases(t, "ko", &n);
    assert_int_equal(n, 0);
    aliases = glossary_term_aliases(t, "en", &n);
    assert_int_equal(n, 1);
    assert_string_equal(aliases[0], "barbed thread lift");
    glossary_free(g);
}

/* Each language's terms, sorted by their text in it. */
static void test_views_sorted_per_language(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "", "", &S_ko_en);
    assert_non_null(g);
    static const char *const ko[] = {"lifting", "smas", "thread-lift"};   /* 리, 스, 실 */
    static const char *const en[] = {"smas", "thread-lift", "lifting"};   /* S, t, T */
    const glossary_view *v = glossary_for_language(g, "ko");
    assert_string_equal(glossary_view_language(v), "ko");
    size_t n;
    const size_t *order = glossary_view_sorted(v, &n);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(glossary_get(g, order[i])->id, ko[i]);
    v = glossary_for_language(g, "EN-us");
    assert_string_equal(glossary_view_language(v), "en");
    order = glossary_view_sorted(v, &n);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(glossary_get(g, order[i])->id, en[i]);
    /* A language the site does not declare: the default language's terms. */
    assert_ptr_equal(glossary_for_language(g, "ja"), glossary_for_language(g, "ko"));
    assert_ptr_equal(glossary_for_language(g, NULL), glossary_for_language(g, "ko"));
    glossary_free(g);
}

/* The site's default language is Korean (S_ko_en): the mistakes are told in Korean. */
static void test_missing_language(void **state)
{
    S_fix *f = *state;
    assert_null(S_load(f, "{ko: 스마스, en: SMAS}", "{ko: 스마스}", &S_ko_en));
    assert_null(S_load(f, "      en: Threads lift.\n", "", &S_ko_en));
    assert_null(S_load(f, "{ko: 들어 올림., en: Raising.}", "{}", &S_ko_en));
    S_expect_count(f, 4);
    S_expect(f, 0, ":3:11: error: 용어 사전 항목 'smas'의 'term'에 'en' 텍스트가 없습니다. "
                   "'en: …'을(를) 추가해 주십시오");
    S_expect(f, 1, ":12:7: error: 용어 사전 항목 'thread-lift'의 'definition'에 'en' 텍스트가 "
                   "없습니다. 'en: …'을(를) 추가해 주십시오");
    S_expect(f, 2, ":16:17: error: 용어 사전 항목 'lifting'의 'definition'에 'ko' 텍스트가 "
                   "없습니다. 'ko: …'을(를) 추가해 주십시오");
    S_expect(f, 3, ":16:17: error: 용어 사전 항목 'lifting'의 'definition'에 'en' 텍스트가 "
                   "없습니다. 'en: …'을(를) 추가해 주십시오");
}

static void test_undeclared_language_and_plain_string(void **state)
{
    S_fix *f = *state;
    assert_null(S_load(f, "{ko: 스마스, en: SMAS}", "{ko: 스마스, en: SMAS, kr: 스마스}",
                       &S_ko_en));
    assert_null(S_load(f, "{ko: 리프팅, en: Tissue lifting}", "Tissue lifting", &S_ko_en));
    S_expect_count(f, 2);
    S_expect(f, 0, ":3:31: error: 용어 사전 항목 'smas'의 'term'에 site.yaml이 선언하지 않은 "
                   "언어 'kr'이(가) 있습니다. 'ko'을(를) 쓰려던 것인지 확인해 주십시오");
    S_expect(f, 1, ":15:11: error: 용어 사전 항목 'lifting'의 'term'은(는) {ko: …, en: …}처럼 "
                   "언어마다 텍스트를 하나씩 써야 합니다. site.yaml에 선언된 언어: ko, en");
}

/* Every shape 'aliases' can have wrong on a site in two languages. */
static void test_bad_aliases(void **state)
{
    S_fix *f = *state;
    static const struct {
        const char *find, *repl, *message;
    } cases[] = {
        {"    aliases:\n      ko: []\n      en: [barbed thread lift]\n",
         "    aliases: [barbed thread lift]\n",
         ":8:14: error: 용어 사전 항목 'thread-lift'의 'aliases'은(는) {ko: […], en: […]}처럼 "
         "언어마다 목록을 하나씩 써야 합니다. site.yaml에 선언된 언어: ko, en"},
        {"    aliases:\n      ko: []\n      en: [barbed thread lift]\n",
         "    aliases: barbed thread lift\n",
         ":8:14: error: 용어 사전 항목 'thread-lift'의 'aliases'은(는) {ko: […], en: […]}처럼 "
         "언어마다 목록을 하나씩 써야 합니다. site.yaml에 선언된 언어: ko, en"},
        {"      ko: []\n", "",
         ":9:7: error: 용어 사전 항목 'thread-lift'의 'aliases'에 'ko' 목록이 없습니다. 'ko: "
         "[…]'을(를) 추가하고, 별칭이 없으면 'ko: []'라고 써 주십시오"},
        {"      ko: []\n", "      ko: []\n      fr: [lifting]\n",
         ":10:7: error: 용어 사전 항목 'thread-lift'의 'aliases'에 site.yaml이 선언하지 않은 "
         "언어 'fr'이(가) 있습니다. site.yaml의 'languages' 아래에 그 언어를 선언하거나 지워 "
         "주십시오"},
        {"      ko: []\n", "      ko: []\n      ko: [실]\n",
         ":10:7: error: 용어 사전 항목 'thread-lift'의 'aliases'에 언어 'ko'이(가) 두 번 "
         "있습니다. 하나만 남겨 주십시오"},
        {"      ko: []\n", "      ko: 실\n",
         ":9:11: error: 용어 사전 항목 'thread-lift'의 'ko' 별칭은(는) [a, b]나 '- '로 시작하는 "
         "줄로 된 목록이어야 하는데 값 하나입니다"},
        {"      ko: []\n", "      ko: [[실]]\n",
         ":9:12: error: 각 별칭에는 글자로 된 값을 써야 하는데 목록입니다"},
        {"      ko: []\n", "      \"리 프\": []\n",
         ":9:7: error: 용어 사전 항목 'thread-lift'의 'aliases': '리 프'은(는) 언어 코드가 "
         "아닙니다. {ko: …, en: …}처럼 언어마다 하나씩 써 주십시오"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_null(S_load(f, cases[i].find, cases[i].repl, &S_ko_en));
        /* The last case reports the 'ko' list missing too. */
        S_expect(f, i, cases[i].message);
        if (i + 1 == sizeof cases / sizeof *cases)
            S_expect_count(f, i + 2);
        else
            S_expect_count(f, i + 1);
    }
}

/* A phrase may name an entry in each language, but only one entry in one language. */
static void test_phrases_per_language(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "{ko: 스마스, en: SMAS}", "{ko: SMAS, en: SMAS}", &S_ko_en);
    assert_non_null(g);
    glossary_free(g);
    assert_null(S_load(f, "{ko: 리프팅, en: Tissue lifting}", "{ko: 리프팅, en: smas}",
                       &S_ko_en));
    assert_null(S_load(f, "      en: [barbed thread lift]\n",
                       "      en: [Superficial musculoaponeurotic system]\n", &S_ko_en));
    S_expect_count(f, 2);
    S_expect(f, 0, ":15:25: error: 'smas'은(는) 용어 사전 항목 'smas'에 이미 정의되어 있습니다");
    S_expect(f, 1, ":10:12: error: 'Superficial musculoaponeurotic system'은(는) 용어 사전 "
                   "항목 'smas'에 이미 정의되어 있습니다");
}

/* On a site whose default language is English, the same mistakes are told in English. */
static void test_english_first_mistakes(void **state)
{
    S_fix *f = *state;
    static const char *const en_ko[] = {"en", "ko", NULL};
    static const ltext_langs langs = {en_ko, true};
    assert_null(S_load(f, "{ko: 스마스, en: SMAS}", "{ko: 스마스}", &langs));
    assert_null(S_load(f, "    aliases:\n      ko: []\n      en: [barbed thread lift]\n",
                       "    aliases: [barbed thread lift]\n", &langs));
    assert_null(S_load(f, "      ko: []\n", "      ko: []\n      ko: [실]\n", &langs));
    assert_null(S_load(f, "{ko: 리프팅, en: Tissue lifting}", "{ko: 리프팅, en: smas}", &langs));
    assert_null(S_load(f, "  - id: lifting\n", "  - id: Lifting\n", &langs));
    S_expect_count(f, 5);
    S_expect(f, 0, ":3:11: error: 'term' of glossary entry 'smas' has no 'en' text; add "
                   "'en: …'");
    S_expect(f, 1, ":8:14: error: 'aliases' of glossary entry 'thread-lift' must give a list per "
                   "language, like {ko: […], en: […]}: site.yaml declares en, ko");
    S_expect(f, 2, ":10:7: error: language 'ko' is given twice in 'aliases' of glossary entry "
                   "'thread-lift'; keep one");
    S_expect(f, 3, ":15:25: error: 'smas' is already defined by glossary entry 'smas'");
    S_expect(f, 4, ":14:9: error: term id 'Lifting' may use only lower-case letters, digits and "
                   "hyphens");
}

/* A Korean glossary's ids, missing fields, YAML and dates are told in Korean too. */
static void test_korean_entry_mistakes(void **state)
{
    S_fix *f = *state;
    assert_null(S_load(f, "  - id: lifting\n", "  - id: Lifting\n", &S_ko_en));
    assert_null(S_load(f, "    definition: {ko: 들어 올림., en: Raising.}\n", "", &S_ko_en));
    assert_null(S_load(f, "  - id: lifting\n", "  - id: smas\n", &S_ko_en));
    assert_null(S_load(f, "terms:\n", "reviewed: 2026-13-01\nterms:\n", &S_ko_en));
    assert_null(S_load(f, "    term: {ko: 리프팅, en: Tissue lifting}\n", "    term: [\n",
                       &S_ko_en));
    S_expect_count(f, 5);
    S_expect(f, 0, ":14:9: error: 용어 id 'Lifting'에는 영문 소문자, 숫자, 하이픈만 쓸 수 "
                   "있습니다");
    S_expect(f, 1, ":14:5: error: 이 용어 사전 항목에 'definition'이 없습니다. 용어를 쉬운 "
                   "말로 설명해 주십시오");
    S_expect(f, 2, ":14:9: error: 용어 사전 id 'smas'이(가) 두 번 쓰였습니다. 하나만 남겨 "
                   "주십시오");
    S_expect(f, 3, ":1:11: error: 'reviewed'에는 용어 사전을 마지막으로 확인한 날짜를 "
                   "2026-12-07처럼 YYYY-MM-DD 형식으로 써 주십시오");
    assert_true(str_starts_with(diag_get(f->diags, 4)->message, "YAML 형식 오류"));
}

/* Without usable settings, each language written gets its terms, and nothing is required. */
static void test_languages_unknown(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "{ko: 들어 올림., en: Raising.}", "{ja: 持ち上げ}", NULL);
    assert_non_null(g);
    S_expect_count(f, 0);
    assert_string_equal(glossary_view_language(glossary_for_language(g, "en")), "en");
    assert_string_equal(glossary_view_language(glossary_for_language(g, "ko")), "ko");
    /* The first language written stands in for the rest. */
    assert_string_equal(glossary_view_language(glossary_for_language(g, "ja")), "ko");
    glossary_free(g);
}

/* ---- linking ---- */

/* Link xml with g's terms of lang, to href; the serialised result (caller frees). */
static char *S_link(const glossary *g, const char *lang, const char *href, const char *xml,
                    size_t *links)
{
    xmlDocPtr doc = tu_parse_xml(xml, "test.xml", XML_PARSE_NONET);
    *links = glossary_link_terms(glossary_for_language(g, lang), xmlDocGetRootElement(doc),
                                 href);
    char *s = tu_dump(doc, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return s;
}

static void test_korean_page_links_korean_terms(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "", "", &S_ko_en);
    assert_non_null(g);
    size_t links;
    char *got = S_link(g, "ko", "/glossary/",
                       "<p>스마스층은 실리프팅을 받쳐요. SMAS도, thread lift도.</p>", &links);
    assert_string_equal(got, "<p><a class=\"glossary-term\" href=\"/glossary/#term-smas\">"
                             "스마스층</a>은 <a class=\"glossary-term\" href=\"/glossary/"
                             "#term-thread-lift\">실리프팅</a>을 받쳐요. SMAS도, thread lift도."
                             "</p>");
    assert_int_equal(links, 2);
    free(got);
    glossary_free(g);
}

static void test_english_page_links_english_terms(void **state)
{
    S_fix *f = *state;
    glossary *g = S_load(f, "", "", &S_ko_en);
    assert_non_null(g);
    size_t links;
    char *got = S_link(g, "en", "/en/glossary/",
                       "<p>The 스마스층 and 실리프팅 hold the SMAS, as a barbed thread lift "
                       "does.</p>",
                       &links);
    assert_string_equal(got, "<p>The 스마스층 and 실리프팅 hold the <a class=\"glossary-term\" "
                             "href=\"/en/glossary/#term-smas\">SMAS</a>, as a <a "
                             "class=\"glossary-term\" href=\"/en/glossary/#term-thread-lift\">"
                             "barbed thread lift</a> does.</p>");
    assert_int_equal(links, 2);
    free(got);
    glossary_free(g);
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, S_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_values_per_language),
        T(test_views_sorted_per_language),
        T(test_missing_language),
        T(test_undeclared_language_and_plain_string),
        T(test_bad_aliases),
        T(test_phrases_per_language),
        T(test_english_first_mistakes),
        T(test_korean_entry_mistakes),
        T(test_languages_unknown),
        T(test_korean_page_links_korean_terms),
        T(test_english_page_links_english_terms),
    };
    return cmocka_run_group_tests_name("glossary_languages", tests, NULL, NULL);
}
