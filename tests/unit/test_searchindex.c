/*
 * test_searchindex.c: unit tests for searchindex.h, the search index of /search/.
 *
 * Normalisation (NFKC, lower case, words of letters, marks and digits) in English and
 * Korean; the sort key and group of titles on the search page; the exact JSON of a small
 * index; which body words are kept; the two postings encodings; the same bytes whatever
 * order or thread the articles come in; and reading an index back to take unchanged
 * articles' entries from it, as an incremental build does.
 */
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "markdown/markdown.h"
#include "render/searchindex.h"

/* The body element of the XHTML fragment xml (a <body>…</body>), in its own document. */
static xmlDocPtr S_body(const char *xml)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "body.xml", "UTF-8", XML_PARSE_NONET);
    assert_non_null(doc);
    return doc;
}

/* The words of text joined by '|'. */
static char *S_words(const char *text)
{
    strlist words = STRLIST_INIT;
    searchindex_words(text, strlen(text), &words);
    strbuf out = STRBUF_INIT;
    for (size_t i = 0; i < words.len; i++)
        strbuf_printf(&out, "%s%s", i ? "|" : "", words.items[i]);
    strlist_free(&words);
    return strbuf_detach(&out);
}

static void S_expect_words(const char *text, const char *expected)
{
    char *got = S_words(text);
    assert_string_equal(got, expected);
    free(got);
}

static void S_expect_normal(const char *text, const char *expected)
{
    char *got = searchindex_normalise(text, strlen(text));
    assert_string_equal(got, expected);
    free(got);
}

static void test_normalise(void **state)
{
    (void)state;
    /* Full-width letters, a ligature, a Roman numeral: NFKC; then lower case. */
    S_expect_normal("ＳＭＡＳ Layer", "smas layer");
    S_expect_normal("\xef\xac\x81ller", "filler");          /* U+FB01 ﬁ */
    S_expect_normal("Week \xe2\x85\xab", "week xii");       /* U+216B Ⅻ */
    /* Korean syllables are left as they are; a compatibility jamo becomes a conjoining one. */
    S_expect_normal("실리프팅은 SMAS층을", "실리프팅은 smas층을");
    S_expect_normal("\xe3\x84\xb1", "\xe1\x84\x80");          /* ㄱ U+3131 → U+1100 */
    /* A decomposed é is composed; Greek final sigma stays final (no locale). */
    S_expect_normal("Cafe\xcc\x81", "caf\xc3\xa9");
    S_expect_normal("ΟΔΟΣ", "οδος");
    /* Invalid UTF-8 becomes U+FFFD. */
    S_expect_normal("a\xff" "b", "a\xef\xbf\xbd" "b");
    S_expect_normal("", "");
}

static void test_words(void **state)
{
    (void)state;
    S_expect_words("The SMAS-layer's role, in 3 months.", "the|smas|layer|s|role|in|3|months");
    /* Korean keeps its particles; a Latin run inside a Korean word is part of it. */
    S_expect_words("실리프팅은 SMAS층을 당깁니다.", "실리프팅은|smas층을|당깁니다");
    S_expect_words("ＳＭＡＳ（표재성 근건막층）", "smas|표재성|근건막층");
    /* Marks belong to their word; punctuation and symbols do not. */
    S_expect_words("re\xcc\x81sume\xcc\x81 — 50% & more…", "résumé|50|more");
    /* A word longer than SEARCHINDEX_WORD_MAX bytes (a pasted address) is left out. */
    char long_word[SEARCHINDEX_WORD_MAX + 2];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    char *text = xasprintf("before %s after", long_word);
    S_expect_words(text, "before|after");
    free(text);
    long_word[SEARCHINDEX_WORD_MAX] = '\0';
    text = xasprintf("%s!", long_word);
    char *want = xstrdup(long_word);
    S_expect_words(text, want);
    free(want);
    free(text);
    S_expect_words("", "");
    S_expect_words("— … !", "");
}

static void S_expect_key(const char *title, const char *key, const char *initial)
{
    char *got = searchindex_sort_key(title);
    assert_string_equal(got, key);
    free(got);
    char group[SEARCHINDEX_INITIAL_SIZE];
    searchindex_initial(title, group);
    assert_string_equal(group, initial);
}

static void test_sort_key_and_initial(void **state)
{
    (void)state;
    S_expect_key("The layers of the face", "the layers of the face", "T");
    S_expect_key("Élan: a “new” start", "elan a new start", "E");
    S_expect_key("  (Dimpling) after a thread-lift ", "dimpling after a thread lift", "D");
    S_expect_key("3 questions to ask", "3 questions to ask", "0\xe2\x80\x93" "9");
    S_expect_key("?!", "", "#");
    S_expect_key("", "", "#");
    /* Korean: the key is decomposed (jamo), the group the initial consonant. */
    char *key = searchindex_sort_key("리프팅");
    assert_string_equal(key, "\xe1\x84\x85\xe1\x85\xb5\xe1\x84\x91\xe1\x85\xb3\xe1\x84\x90"
                             "\xe1\x85\xb5\xe1\x86\xbc");
    free(key);
    char group[SEARCHINDEX_INITIAL_SIZE];
    searchindex_initial("리프팅", group);
    assert_string_equal(group, "ㄹ");
    searchindex_initial("까다로운 회복", group);
    assert_string_equal(group, "ㄲ");
    searchindex_initial("스마스층과 실리프팅", group);
    assert_string_equal(group, "ㅅ");
    /* Bytewise, the keys put English in alphabetical order, then Korean in 가나다 order:
     * a syllable without a final consonant before one with it (가나 < 각). */
    const char *titles[] = {"apple", "Élan", "zebra", "가나", "각", "까치", "하늘"};
    for (size_t i = 0; i + 1 < sizeof titles / sizeof *titles; i++) {
        char *a = searchindex_sort_key(titles[i]), *b = searchindex_sort_key(titles[i + 1]);
        if (strcmp(a, b) >= 0)
            fail_msg("'%s' does not sort before '%s'", titles[i], titles[i + 1]);
        free(a);
        free(b);
    }
}

/* A small index: two articles (one Korean) and one glossary term. */
static searchindex *S_small(bool reversed)
{
    searchindex *si = searchindex_new(2);
    searchindex_set_article(si, 0, "/kb/articles/layers/", "The layers of the face",
                            "Where the SMAS lies.", "en");
    searchindex_set_article(si, 1, "/kb/articles/smas-ko/", "스마스층과 실리프팅",
                            "얼굴의 층.", "ko");
    xmlDocPtr en = S_body("<body><p>The SMAS lies <em>under</em> the skin; layers glide.</p>"
                          "<h2 id=\"glide\">Glide planes<a class=\"heading-anchor\" "
                          "href=\"#glide\">#</a></h2><p>Tissue slides over tissue.</p></body>");
    xmlDocPtr ko = S_body("<body><p>스마스층은 피부 아래에 있습니다.</p></body>");
    markdown_heading glide = {2, (char *)"glide", (char *)"Glide planes"};
    for (int k = 0; k < 2; k++) {
        int which = reversed ? 1 - k : k;
        if (which == 0)
            searchindex_add_body(si, 0, xmlDocGetRootElement(en), &glide, 1);
        else
            searchindex_add_body(si, 1, xmlDocGetRootElement(ko), NULL, 0);
    }
    xmlDocPtr def = S_body("<definition><p>A <em>thin</em> sheet\n of tissue.</p></definition>");
    const char *aliases[] = {"superficial musculoaponeurotic system"};
    searchindex_add_term(si, "SMAS", aliases, 1, xmlDocGetRootElement(def),
                         "/kb/glossary/#term-smas");
    xmlFreeDoc(def);
    xmlFreeDoc(ko);
    xmlFreeDoc(en);
    return si;
}

#define SMALL_JSON                                                                           \
    "{\"format\":2,\"articles\":["                                                           \
    "{\"url\":\"/kb/articles/layers/\",\"title\":\"The layers of the face\","               \
    "\"summary\":\"Where the SMAS lies.\",\"lang\":\"en\",\"headings\":[0],"                    \
    "\"text\":[\"The SMAS lies under the skin; layers glide.\",\"Tissue slides over tissue.\"]}," \
    "{\"url\":\"/kb/articles/smas-ko/\",\"title\":\"스마스층과 실리프팅\","                  \
    "\"summary\":\"얼굴의 층.\",\"lang\":\"ko\",\"headings\":[],"                            \
    "\"text\":[\"스마스층은 피부 아래에 있습니다.\"]}],"                                    \
    "\"headings\":[[\"Glide planes\",\"glide\"]],"                                            \
    "\"terms\":[{\"term\":\"SMAS\",\"aliases\":[\"superficial musculoaponeurotic system\"]," \
    "\"definition\":\"A thin sheet of tissue.\",\"url\":\"/kb/glossary/#term-smas\"}],"       \
    "\"words\":[\"over\",\"skin\",\"slides\",\"tissue\",\"under\","                          \
    "\"스마스층은\",\"아래에\",\"있습니다\",\"피부\"],"                                      \
    "\"postings\":[\"0\",0,0,0,0,\"1\",5,5,5]}"

/*
 * The exact file. Body words that begin a word of the article's title, summary or headings
 * are left out ("the", "smas", "lies", "layers", "glide": found there); the heading's
 * self-link "#" is not text; the headings keep their ids, listed once and numbered; the
 * term's definition is its text.
 */
static void test_exact_json(void **state)
{
    (void)state;
    searchindex *si = S_small(false);
    assert_int_equal(searchindex_count(si), 2);
    assert_true(searchindex_has_body(si, 0));
    assert_true(searchindex_has_body(si, 1));
    size_t len;
    char *json = searchindex_json(si, &len);
    assert_string_equal(json, SMALL_JSON);
    assert_int_equal(len, strlen(SMALL_JSON));
    free(json);
    searchindex_free(si);
    searchindex_free(NULL);
}

/* Bodies added in another order give the same bytes. */
static void test_same_bytes_in_any_order(void **state)
{
    (void)state;
    searchindex *a = S_small(false), *b = S_small(true);
    size_t la, lb;
    char *ja = searchindex_json(a, &la), *jb = searchindex_json(b, &lb);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
    searchindex_free(a);
    searchindex_free(b);
}

/* Two articles with the same heading: it is listed once, and both refer to it. */
static void test_shared_headings(void **state)
{
    (void)state;
    searchindex *si = searchindex_new(2);
    markdown_heading a[] = {{2, (char *)"risks", (char *)"Risks"},
                            {2, (char *)"recovery", (char *)"Recovery"}};
    markdown_heading b[] = {{2, (char *)"recovery", (char *)"Recovery"},
                            {2, (char *)"risks-1", (char *)"Risks"}};
    searchindex_set_article(si, 0, "/a/", "A", "", "en");
    searchindex_set_article(si, 1, "/b/", "B", "", "en");
    searchindex_add_body(si, 1, NULL, b, 2);
    searchindex_add_body(si, 0, NULL, a, 2);
    size_t len;
    char *json = searchindex_json(si, &len);
    assert_string_equal(json, "{\"format\":2,\"articles\":["
                              "{\"url\":\"/a/\",\"title\":\"A\",\"summary\":\"\",\"lang\":\"en\","
                              "\"headings\":[0,1],\"text\":[]},"
                              "{\"url\":\"/b/\",\"title\":\"B\",\"summary\":\"\",\"lang\":\"en\","
                              "\"headings\":[1,2],\"text\":[]}],"
                              "\"headings\":[[\"Risks\",\"risks\"],[\"Recovery\",\"recovery\"],"
                              "[\"Risks\",\"risks-1\"]],"
                              "\"terms\":[],\"words\":[],\"postings\":[]}");
    free(json);
    searchindex_free(si);
}

/* Which of a body's words are kept, and which elements' text is not the article's. */
static void test_kept_words(void **state)
{
    (void)state;
    searchindex *si = searchindex_new(1);
    searchindex_set_article(si, 0, "/a/", "Thread lifts", "", "en");
    xmlDocPtr doc = S_body(
        "<body><p>lift lifting lifts the thread THREAD un<em>done</em></p><p>next</p>"
        "<h3 id=\"h\">Hidden heading</h3>"
        "<div class=\"comparison-wrap\"><table class=\"comparison\"><tr><td>incision"
        "</td></tr></table></div>"
        "<figure class=\"before-after\"><img alt=\"jawline\" src=\"x\"/><figcaption>Three "
        "months<span class=\"consent-notice\">consent</span></figcaption></figure>"
        "<ul><li>one</li><li>two<br/>three</li></ul></body>");
    markdown_heading h = {3, (char *)"h", (char *)"Hidden heading"};
    searchindex_add_body(si, 0, xmlDocGetRootElement(doc), &h, 1);
    size_t len;
    char *json = searchindex_json(si, &len);
    /* lift, lifts, thread: begin another word ("the" does not begin "thread"); "undone" is
     * one word; "next" a block apart; nothing of the heading, table, alt text or notice. */
    assert_non_null(strstr(json, "\"words\":[\"lifting\",\"months\",\"next\",\"one\","
                                 "\"the\",\"three\",\"two\",\"undone\"]"));
    assert_non_null(strstr(json, "\"headings\":[0],\"text\":[\"lift lifting lifts the thread "
                                 "THREAD undone\",\"Three months\"]}],"
                                 "\"headings\":[[\"Hidden heading\",\"h\"]]"));
    free(json);
    xmlFreeDoc(doc);
    searchindex_free(si);
}

/*
 * The excerpt: sentences cut at ". " and at the ends of blocks, too short and too long ones
 * left out, the one with the most words not yet shown (not in the title either) first,
 * while they fit in SI_EXCERPT_CHARS (200), then in the article's order.
 */
static void test_excerpt(void **state)
{
    (void)state;
    searchindex *si = searchindex_new(1);
    searchindex_set_article(si, 0, "/a/", "Bruising", "", "en");
    xmlDocPtr doc = S_body(
        "<body><p>Bruising is common. Swelling and bruising settle within two weeks for most "
        "people. A haematoma is blood that collects under the skin and may need a doctor.</p>"
        "<p>Short one.</p><ul><li>Cold packs, rest and keeping the head raised help during "
        "the first days</li></ul><p>This sentence is far too long to be shown whole in a "
        "result, so it is never kept, however many words it has that no other sentence of "
        "this article has: eighteen adjectives, nineteen nouns.</p></body>");
    searchindex_add_body(si, 0, xmlDocGetRootElement(doc), NULL, 0);
    size_t len;
    char *json = searchindex_json(si, &len);
    /* The haematoma sentence (13 new words), then the list item (10; the end of a block
     * ends it), then "Swelling …" (62 characters) no longer fits in the 55 left, and
     * "Bruising is common." (1 new word) does. */
    assert_non_null(strstr(json, "\"text\":[\"Bruising is common.\",\"A haematoma is blood "
                                 "that collects under the skin and may need a doctor.\","
                                 "\"Cold packs, rest and keeping the head raised help during "
                                 "the first days\"]"));
    free(json);
    xmlFreeDoc(doc);
    searchindex_free(si);
}

/* The postings: gaps in base 36, or a bit set in hex when that is shorter. */
static void test_postings_encodings(void **state)
{
    (void)state;
    searchindex *si = searchindex_new(40);
    xmlDocPtr common = S_body("<body><p>common</p></body>");
    xmlDocPtr rare = S_body("<body><p>common rare</p></body>");
    for (size_t i = 0; i < 40; i++) {
        char *url = xasprintf("/a/%zu/", i);
        searchindex_set_article(si, i, url, "", "", "en");
        free(url);
    }
    /* Added from the last: the lists are sorted when written. */
    for (size_t k = 40; k-- > 0;)
        searchindex_add_body(si, k, xmlDocGetRootElement(k == 0 || k == 37 ? rare : common),
                             NULL, 0);
    size_t len;
    char *json = searchindex_json(si, &len);
    /* "common" in all 40: "0 1 1 …" would take 79 bytes, the bit set 11. "rare" in 0 and
     * 37: gaps 0 and 37 (11 in base 36). */
    assert_non_null(strstr(json, "\"words\":[\"common\",\"rare\"],"
                                 "\"postings\":[\"#ffffffffff\",\"0 11\"]}"));
    free(json);
    /* Words with the same articles: the second and later name the first by its number. */
    xmlDocPtr more = S_body("<body><p>alpha beta gamma</p></body>");
    searchindex *same = searchindex_new(40);
    for (size_t i = 0; i < 40; i++) {
        char *url = xasprintf("/a/%zu/", i);
        searchindex_set_article(same, i, url, "", "", "en");
        searchindex_add_body(same, i, xmlDocGetRootElement(i % 2 ? more : common), NULL, 0);
        free(url);
    }
    json = searchindex_json(same, &len);
    assert_non_null(strstr(json, "\"words\":[\"alpha\",\"beta\",\"common\",\"gamma\"],"
                                 "\"postings\":[\"#aaaaaaaaaa\",0,\"#5555555555\",0]}"));
    searchindex_free(same);
    xmlFreeDoc(more);
    free(json);
    xmlFreeDoc(common);
    xmlFreeDoc(rare);
    searchindex_free(si);
}

typedef struct {
    searchindex *si;
    xmlNodePtr body;
    size_t from, step, n;
} S_job;

static void *S_add_bodies(void *arg)
{
    S_job *j = arg;
    for (size_t i = j->from; i < j->n; i += j->step)
        searchindex_add_body(j->si, i, j->body, NULL, 0);
    return NULL;
}

/* Four threads adding 400 bodies give the bytes one thread gives. */
static void test_threads(void **state)
{
    (void)state;
    xmlDocPtr doc = S_body("<body><p>alpha beta gamma 리프팅 실리프팅은 delta</p></body>");
    char *jsons[2];
    for (int run = 0; run < 2; run++) {
        size_t n = 400, threads = run ? 4 : 1;
        searchindex *si = searchindex_new(n);
        for (size_t i = 0; i < n; i++) {
            char *url = xasprintf("/a/%zu/", i);
            searchindex_set_article(si, i, url, i % 3 ? "Alpha" : "Gamma", "", "en");
            free(url);
        }
        pthread_t t[4];
        S_job jobs[4];
        for (size_t k = 0; k < threads; k++) {
            jobs[k] = (S_job){si, xmlDocGetRootElement(doc), k, threads, n};
            assert_int_equal(pthread_create(&t[k], NULL, S_add_bodies, &jobs[k]), 0);
        }
        for (size_t k = 0; k < threads; k++)
            pthread_join(t[k], NULL);
        size_t len;
        jsons[run] = searchindex_json(si, &len);
        searchindex_free(si);
    }
    assert_string_equal(jsons[0], jsons[1]);
    free(jsons[0]);
    free(jsons[1]);
    xmlFreeDoc(doc);
}

/* Write text to a new file in dir; the caller frees the path. */
static char *S_put(const char *dir, const char *name, const char *text)
{
    char *path = path_join(dir, name);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    return path;
}

/*
 * An incremental build: the articles whose pages are taken from the old site take their
 * entries from the old index, by address, and the file comes out the same.
 */
static void test_read_and_take(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("searchindex");
    char *path = S_put(dir, "search-index.json", SMALL_JSON);
    searchindex *old = searchindex_read(path);
    assert_non_null(old);
    assert_int_equal(searchindex_count(old), 2);

    /* The same articles in the other order, the Korean one rendered again, the English one
     * not; the glossary is always added anew. */
    searchindex *si = searchindex_new(2);
    searchindex_set_article(si, 0, "/kb/articles/layers/", "The layers of the face",
                            "Where the SMAS lies.", "en");
    searchindex_set_article(si, 1, "/kb/articles/smas-ko/", "스마스층과 실리프팅",
                            "얼굴의 층.", "ko");
    xmlDocPtr ko = S_body("<body><p>스마스층은 피부 아래에 있습니다.</p></body>");
    searchindex_add_body(si, 1, xmlDocGetRootElement(ko), NULL, 0);
    xmlDocPtr def = S_body("<definition><p>A <em>thin</em> sheet\n of tissue.</p></definition>");
    const char *aliases[] = {"superficial musculoaponeurotic system"};
    searchindex_add_term(si, "SMAS", aliases, 1, xmlDocGetRootElement(def),
                         "/kb/glossary/#term-smas");
    assert_false(searchindex_has_body(si, 0));
    assert_int_equal(searchindex_take_from(si, old), 0);
    assert_true(searchindex_has_body(si, 0));
    size_t len;
    char *json = searchindex_json(si, &len);
    assert_string_equal(json, SMALL_JSON);
    free(json);
    searchindex_free(si);

    /* An article the old index does not have stays without a body: it is rendered. */
    si = searchindex_new(1);
    searchindex_set_article(si, 0, "/kb/articles/new/", "New", "", "en");
    assert_int_equal(searchindex_take_from(si, old), 1);
    assert_int_equal(searchindex_take_from(si, NULL), 1);
    searchindex_free(si);
    searchindex_free(old);

    /* Nothing is taken from a missing, damaged or other file. */
    char *missing = path_join(dir, "none.json");
    assert_null(searchindex_read(missing));
    free(missing);
    /* One article /a/ (two for the gap 0), and one thing wrong in each. */
#define ONE "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[],\"text\":[]}]," \
            "\"headings\":[],"
    static const char *const bad[] = {
        "{\"format\":2,\"articles\":[",
        "{\"format\":1,\"articles\":[],\"headings\":[],\"terms\":[],\"words\":[],"
        "\"postings\":[]}",
        "{\"format\":2,\"articles\":[],\"terms\":[],\"words\":[],\"postings\":[]}",
        ONE "\"terms\":[],\"words\":[\"a\"],\"postings\":[]}",
        ONE "\"terms\":[],\"words\":[\"a\"],\"postings\":[\"1\"]}",
        ONE "\"terms\":[],\"words\":[\"a\"],\"postings\":[\"#02\"]}",
        ONE "\"terms\":[],\"words\":[\"a\"],\"postings\":[\"#0\"]}",
        ONE "\"terms\":[],\"words\":[\"a\",\"a\"],\"postings\":[\"0\",\"0\"]}",
        /* A word's number for postings: only an earlier word's, and that one a string. */
        ONE "\"terms\":[],\"words\":[\"a\"],\"postings\":[0]}",
        ONE "\"terms\":[],\"words\":[\"a\",\"b\"],\"postings\":[1,\"0\"]}",
        ONE "\"terms\":[],\"words\":[\"a\",\"b\",\"c\"],\"postings\":[\"0\",0,1]}",
        ONE "\"terms\":[],\"words\":[\"a\",\"b\"],\"postings\":[\"0\",-1]}",
        /* The excerpt: a list of strings, always there. */
        "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[]}],\"headings\":[],"
        "\"terms\":[],\"words\":[],\"postings\":[]}",
        "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[],\"text\":[1]}],"
        "\"headings\":[],\"terms\":[],\"words\":[],\"postings\":[]}",
        "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[],\"text\":[]},"
        "{\"url\":\"/b/\",\"headings\":[],\"text\":[]}],\"headings\":[],\"terms\":[],"
        "\"words\":[\"a\"],\"postings\":[\"0 0\"]}",
        "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[1],\"text\":[]}],"
        "\"headings\":[[\"x\",\"x\"]],\"terms\":[],\"words\":[],\"postings\":[]}",
        "{\"format\":2,\"articles\":[{\"url\":\"/a/\",\"headings\":[0],\"text\":[]}],"
        "\"headings\":[[\"x\"]],\"terms\":[],\"words\":[],\"postings\":[]}",
        "[]",
        NULL,
    };
#undef ONE
    for (size_t i = 0; bad[i]; i++) {
        char *p = S_put(dir, "bad.json", bad[i]);
        if (searchindex_read(p))
            fail_msg("read a bad index: %s", bad[i]);
        free(p);
    }
    xmlFreeDoc(def);
    xmlFreeDoc(ko);
    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* An index of no articles is still a file search.js can read. */
static void test_empty(void **state)
{
    (void)state;
    searchindex *si = searchindex_new(0);
    size_t len;
    char *json = searchindex_json(si, &len);
    assert_string_equal(json, "{\"format\":2,\"articles\":[],\"headings\":[],\"terms\":[],"
                              "\"words\":[],\"postings\":[]}");
    free(json);
    searchindex_free(si);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_sort_key_and_initial),
        cmocka_unit_test(test_exact_json),
        cmocka_unit_test(test_same_bytes_in_any_order),
        cmocka_unit_test(test_shared_headings),
        cmocka_unit_test(test_kept_words),
        cmocka_unit_test(test_excerpt),
        cmocka_unit_test(test_postings_encodings),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_read_and_take),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests_name("searchindex", tests, NULL, NULL);
}
