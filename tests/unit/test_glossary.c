/*
 * test_glossary.c: unit tests for glossary.h (content/glossary.yaml and first-use links).
 *
 * Glossary files are written into a temporary folder; element trees are parsed from XML
 * strings, linked, serialised and compared as exact strings.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "content/glossary.h"

static char *S_dir; /* the temporary folder the glossary files are written to */

/* A site in English, as site.yaml's old one-language form declares it. */
static const char *const S_en_codes[] = {"en", NULL};
static const ltext_langs S_english = {S_en_codes, false};

static const char S_valid[] =
    "terms:\n"
    "  - id: smas\n"
    "    term: SMAS\n"
    "    aliases: [superficial musculoaponeurotic system]\n"
    "    definition: \"A layer of *fibrous* tissue.\"\n"
    "  - id: fixed-smas\n"
    "    term: fixed SMAS\n"
    "    definition: The part of the SMAS that does not move.\n"
    "  - id: glide-plane\n"
    "    term: glide plane\n"
    "    definition: A space where layers slide.\n"
    "  - id: smas-ko\n"
    "    term: 스마스\n"
    "    definition: 얼굴의 층.\n"
    "  - id: dimpling\n"
    "    term: Dimpling\n"
    "    aliases: [skin dimple, puckering]\n"
    "    definition: Small dents in the skin.\n";

/*
 * Write text as the glossary file name and load it: the load must fail with n diagnostics,
 * which are left in diags. Returns the file's path (the caller frees it).
 */
static char *S_load_bad(const char *name, const char *text, diag_list *diags, size_t n)
{
    char *path = tu_write_file(S_dir, name, text);
    assert_null(glossary_load(path, &S_english, diags));
    assert_int_equal(diag_count(diags), n);
    return path;
}

/* Parse xml, link the terms of g in its root, return the serialised root (caller frees). */
static char *S_link(const glossary *g, const char *xml, size_t *links)
{
    xmlDocPtr doc = tu_parse_xml(xml, "test.xml", XML_PARSE_NONET);
    *links = glossary_link_terms(glossary_for_language(g, "en"), xmlDocGetRootElement(doc),
                                 "/kb/glossary/");
    char *s = tu_dump(doc, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return s;
}

static int S_setup(void **state)
{
    S_dir = tu_tmpdir("glossary");
    diag_list *diags = diag_list_new();
    char *path = tu_write_file(S_dir, "glossary.yaml", S_valid);
    glossary *g = glossary_load(path, &S_english, diags);
    free(path);
    size_t n = diag_count(diags);
    diag_list_free(diags);
    if (!g || n)
        return -1;
    *state = g;
    return 0;
}

static int S_teardown(void **state)
{
    glossary_free(*state);
    return tu_tmpdir_remove(S_dir);
}

/* Link xml with the shared valid glossary and compare the result and link count. */
static void S_expect_link(void **state, const char *xml, const char *expected, size_t n_links)
{
    size_t links = 0;
    char *got = S_link(*state, xml, &links);
    assert_string_equal(got, expected);
    assert_int_equal(links, n_links);
    free(got);
}

#define A(id, text) "<a class=\"glossary-term\" href=\"/kb/glossary/#term-" id "\">" text "</a>"

/* ---- loading ---- */

static void test_load_valid(void **state)
{
    const glossary *g = *state;
    assert_int_equal(glossary_count(g), 5);
    char *path = path_join(S_dir, "glossary.yaml");
    assert_string_equal(glossary_file_name(g), path);
    free(path);
    const glossary_term *t = glossary_get(g, 0);
    size_t n_aliases;
    const char *const *aliases = glossary_term_aliases(t, "en", &n_aliases);
    assert_string_equal(t->id, "smas");
    assert_string_equal(glossary_text(g, &t->term, "en"), "SMAS");
    assert_int_equal(n_aliases, 1);
    assert_string_equal(aliases[0], "superficial musculoaponeurotic system");
    assert_string_equal(glossary_text(g, &t->definition, "en"), "A layer of *fibrous* tissue.");
    assert_int_equal(t->line, 2);
    assert_int_equal(t->column, 5);
    t = glossary_get(g, 3);
    assert_string_equal(t->id, "smas-ko");
    assert_string_equal(glossary_text(g, &t->term, "en"), "스마스");
    glossary_term_aliases(t, "en", &n_aliases);
    assert_int_equal(n_aliases, 0);
    assert_string_equal(glossary_text(g, &t->definition, "en"), "얼굴의 층.");
    t = glossary_get(g, 4);
    aliases = glossary_term_aliases(t, "en", &n_aliases);
    assert_int_equal(n_aliases, 2);
    assert_string_equal(aliases[0], "skin dimple");
    assert_string_equal(aliases[1], "puckering");
    assert_int_equal(t->line, 15);
    assert_null(glossary_get(g, 5));
}

static void test_sorted_order(void **state)
{
    const glossary *g = *state;
    size_t n;
    const size_t *sorted = glossary_view_sorted(glossary_for_language(g, "en"), &n);
    assert_int_equal(n, 5);
    /* Case-insensitive by the shown term: Dimpling, fixed SMAS, glide plane, SMAS, 스마스. */
    static const char *const expected[] = {"dimpling", "fixed-smas", "glide-plane", "smas",
                                           "smas-ko"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(glossary_get(g, sorted[i])->id, expected[i]);
}

static void test_missing_file_gives_empty_glossary(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = path_join(S_dir, "no-such-glossary.yaml");
    glossary *g = glossary_load(path, &S_english, diags);
    assert_non_null(g);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(glossary_count(g), 0);
    size_t n = 99;
    assert_non_null(glossary_view_sorted(glossary_for_language(g, "en"), &n));
    assert_int_equal(n, 0);
    size_t links = 99;
    char *got = S_link(g, "<p>SMAS</p>", &links);
    assert_string_equal(got, "<p>SMAS</p>");
    assert_int_equal(links, 0);
    free(got);
    glossary_free(g);
    glossary_free(NULL);
    free(path);
    diag_list_free(diags);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    glossary *g = glossary_load(S_dir, &S_english, diags);
    assert_null(g);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, S_dir, ": error: this is a folder, not a file; suture "
                                             "reads only regular files: remove it or replace "
                                             "it with the glossary");
    diag_list_free(diags);
}

static void test_missing_fields(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("missing.yaml",
                            "terms:\n"
                            "  - id: smas\n"
                            "    term: SMAS\n"
                            "  - term: Dimpling\n"
                            "    definition: Dents.\n"
                            "  - id: ptosis\n"
                            "    definition: Sagging.\n",
                            diags, 3);
    tu_expect_diag_prefixed(diags, 0, path, ":2:5: error: this glossary entry has no "
                            "'definition'; explain the term in plain words");
    tu_expect_diag_prefixed(diags, 1, path, ":4:5: error: this glossary entry has no 'id'; add "
                            "one, like 'id: smas'");
    tu_expect_diag_prefixed(diags, 2, path, ":6:5: error: this glossary entry has no 'term'; add "
                            "the word being defined");
    free(path);
    diag_list_free(diags);
}

static void test_duplicate_id(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("dup-id.yaml",
                            "terms:\n"
                            "  - id: smas\n"
                            "    term: SMAS\n"
                            "    definition: a\n"
                            "  - id: smas\n"
                            "    term: Other\n"
                            "    definition: b\n",
                            diags, 1);
    tu_expect_diag_prefixed(diags, 0, path, ":5:9: error: glossary id 'smas' is used twice; keep "
                            "one");
    free(path);
    diag_list_free(diags);
}

static void test_term_already_used(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("dup-term.yaml",
                            "terms:\n"
                            "  - id: smas\n"
                            "    term: SMAS\n"
                            "    aliases: [superficial layer]\n"
                            "    definition: a\n"
                            "  - id: smas-2\n"
                            "    term: smas\n"
                            "    definition: b\n"
                            "  - id: layer\n"
                            "    term: Superficial Layer\n"
                            "    definition: c\n",
                            diags, 2);
    tu_expect_diag_prefixed(diags, 0, path, ":7:11: error: 'smas' is already defined by glossary "
                            "entry 'smas'");
    tu_expect_diag_prefixed(diags, 1, path, ":10:11: error: 'Superficial Layer' is already "
                            "defined by glossary entry 'smas'");
    free(path);
    diag_list_free(diags);
}

static void test_alias_already_used(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("dup-alias.yaml",
                            "terms:\n"
                            "  - id: smas\n"
                            "    term: SMAS\n"
                            "    aliases: [superficial layer]\n"
                            "    definition: a\n"
                            "  - id: fascia\n"
                            "    term: Fascia\n"
                            "    aliases: [sheath, smas, Superficial layer, Fascia]\n"
                            "    definition: b\n",
                            diags, 3);
    tu_expect_diag_prefixed(diags, 0, path, ":8:23: error: 'smas' is already defined by glossary "
                            "entry 'smas'");
    tu_expect_diag_prefixed(diags, 1, path, ":8:29: error: 'Superficial layer' is already "
                            "defined by glossary entry 'smas'");
    tu_expect_diag_prefixed(diags, 2, path, ":8:48: error: 'Fascia' is already defined by "
                            "glossary entry 'fascia'");
    free(path);
    diag_list_free(diags);
}

static void test_invalid_id_and_unknown_key(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("bad-keys.yaml",
                            "terms:\n"
                            "  - id: Bad_Id\n"
                            "    term: Bad\n"
                            "    definition: e\n"
                            "  - id: k\n"
                            "    term: K\n"
                            "    definiton: f\n"
                            "    color: red\n",
                            diags, 4);
    tu_expect_diag_prefixed(diags, 0, path, ":2:9: error: term id 'Bad_Id' may use only "
                            "lower-case letters, digits and hyphens");
    tu_expect_diag_prefixed(diags, 1, path, ":7:5: error: unknown key 'definiton' in a glossary "
                            "entry; did you mean 'definition'?");
    tu_expect_diag_prefixed(diags, 2, path, ":8:5: error: unknown key 'color' in a glossary "
                            "entry; the keys allowed are: id, term, aliases, definition");
    tu_expect_diag_prefixed(diags, 3, path, ":5:5: error: this glossary entry has no "
                            "'definition'; explain the term in plain words");
    free(path);
    diag_list_free(diags);
}

static void test_wrong_types(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("types.yaml",
                            "terms:\n"
                            "  - just text\n"
                            "  - id: b\n"
                            "    term: [x]\n"
                            "    definition: \"\"\n"
                            "    aliases: x\n",
                            diags, 4);
    tu_expect_diag_prefixed(diags, 0, path, ":2:5: error: each glossary entry must be a mapping "
                            "of 'key: value' lines, but it is a single value");
    tu_expect_diag_prefixed(diags, 1, path, ":4:11: error: 'term' must be a text value, but it "
                            "is a list");
    tu_expect_diag_prefixed(diags, 2, path, ":5:17: error: 'definition' is empty; write some text");
    tu_expect_diag_prefixed(diags, 3, path, ":6:14: error: 'aliases' must be a list, like [a, b] "
                            "or lines starting with '- ', but it is a single value");
    free(path);
    diag_list_free(diags);
}

static void test_root_errors(void **state)
{
    (void)state;
    struct {
        const char *name, *text, *message;
    } cases[] = {
        {"list.yaml", "- a\n",
         ":1:1: error: glossary.yaml must be a mapping of 'key: value' lines, but it is a list"},
        {"terms-map.yaml", "terms: {a: 1}\n",
         ":1:8: error: 'terms' must be a list, like [a, b] or lines starting with '- ', but it "
         "is a mapping (key: value lines)"},
        {"bad-yaml.yaml", "terms:\n  - id: a\n    term: \"A\n",
         ":3:11: error: invalid YAML: the text ends inside quotes or brackets; close them "
         "(found unexpected end of stream while scanning a quoted scalar) [yaml]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        diag_list *diags = diag_list_new();
        char *path = S_load_bad(cases[i].name, cases[i].text, diags, 1);
        tu_expect_diag_prefixed(diags, 0, path, cases[i].message);
        free(path);
        diag_list_free(diags);
    }
}

/* `reviewed:` is when the definitions were last checked: a date, or an error. */
static void test_reviewed(void **state)
{
    const glossary *g = *state;
    assert_null(glossary_reviewed(g)); /* the fixture gives none */
    diag_list *diags = diag_list_new();
    char *path = tu_write_file(S_dir, "reviewed.yaml",
                               "reviewed: 2026-12-07\nterms:\n  - id: a\n    term: A\n"
                               "    definition: An a.\n");
    glossary *r = glossary_load(path, &S_english, diags);
    assert_non_null(r);
    assert_int_equal(diag_count(diags), 0);
    const date_ymd *d = glossary_reviewed(r);
    assert_non_null(d);
    assert_int_equal(d->year, 2026);
    assert_int_equal(d->month, 12);
    assert_int_equal(d->day, 7);
    glossary_free(r);
    free(path);
    path = S_load_bad("reviewed-bad.yaml",
                      "reviewed: last week\nterms:\n  - id: a\n    term: A\n"
                      "    definition: An a.\n",
                      diags, 1);
    tu_expect_diag_prefixed(diags, 0, path,
                            ":1:11: error: 'reviewed' is the date the glossary was last "
                            "checked, written as YYYY-MM-DD, like 2026-12-07");
    free(path);
    diag_list_free(diags);
}

static void test_no_terms_key(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    char *path = S_load_bad("words.yaml", "words: []\n", diags, 2);
    tu_expect_diag_prefixed(diags, 0, path, ":1:1: error: unknown key 'words' in glossary.yaml; "
                            "the keys allowed are: terms, reviewed");
    tu_expect_diag_prefixed(diags, 1, path, ":1:1: error: glossary.yaml has no 'terms'; list the "
                            "terms under it");
    free(path);
    diag_list_free(diags);
}

/* ---- linking ---- */

static void test_links_first_use_only(void **state)
{
    S_expect_link(state, "<body><p>The SMAS moves.</p><p>The SMAS again, SMAS.</p></body>",
                  "<body><p>The " A("smas", "SMAS") " moves.</p><p>The SMAS again, SMAS.</p>"
                  "</body>",
                  1);
}

/* With popovers: each link is followed by its button, the matched words as its name, and
 * the linked terms are listed in the order first used, each once; the text after the
 * button goes on, and a term used again is neither linked nor listed again. */
static void test_popover_buttons_and_linked_terms(void **state)
{
    const glossary *g = *state;
    xmlDocPtr doc = tu_parse_xml("<p>Fixed smas holds; the SMAS moves, puckering. The SMAS.</p>",
                                 "test.xml", XML_PARSE_NONET);
    size_t linked[8] = {0};
    size_t n = glossary_link_terms_popover(glossary_for_language(g, "en"),
                                           xmlDocGetRootElement(doc), "/kb/glossary/", linked);
    char *got = tu_dump(doc, xmlDocGetRootElement(doc));
#define B(id, text) "<button type=\"button\" class=\"glossary-term\" popovertarget=\"def-" id \
                    "\" hidden=\"\">" text "</button>"
    assert_string_equal(got, "<p>" A("fixed-smas", "Fixed smas") B("fixed-smas", "Fixed smas")
                             " holds; the " A("smas", "SMAS") B("smas", "SMAS") " moves, "
                             A("dimpling", "puckering") B("dimpling", "puckering")
                             ". The SMAS.</p>");
#undef B
    assert_int_equal(n, 3);
    assert_string_equal(glossary_get(g, linked[0])->id, "fixed-smas");
    assert_string_equal(glossary_get(g, linked[1])->id, "smas");
    assert_string_equal(glossary_get(g, linked[2])->id, "dimpling");
    free(got);
    xmlFreeDoc(doc);
}

static void test_alias_counts_as_the_term(void **state)
{
    S_expect_link(state,
                  "<p>The superficial musculoaponeurotic system, or SMAS, is a layer.</p>",
                  "<p>The " A("smas", "superficial musculoaponeurotic system")
                  ", or SMAS, is a layer.</p>",
                  1);
}

static void test_longest_phrase_wins(void **state)
{
    S_expect_link(state, "<p>The fixed SMAS holds; the SMAS moves.</p>",
                  "<p>The " A("fixed-smas", "fixed SMAS") " holds; the " A("smas", "SMAS")
                  " moves.</p>",
                  2);
}

static void test_case_insensitive_keeps_text(void **state)
{
    S_expect_link(state, "<p>Fixed smas and PUCKERING.</p>",
                  "<p>" A("fixed-smas", "Fixed smas") " and " A("dimpling", "PUCKERING")
                  ".</p>",
                  2);
}

static void test_not_inside_words(void **state)
{
    S_expect_link(state, "<p>SMASH, xSMAS, SMAS2, _SMAS and dimplings, then SMAS.</p>",
                  "<p>SMASH, xSMAS, SMAS2, _SMAS and dimplings, then " A("smas", "SMAS")
                  ".</p>",
                  1);
}

static void test_korean_term_before_particle(void **state)
{
    S_expect_link(state, "<p>스마스는 얼굴의 층이다. 스마스를 당긴다.</p>",
                  "<p>" A("smas-ko", "스마스") "는 얼굴의 층이다. 스마스를 당긴다.</p>", 1);
}

static void test_term_across_line_break(void **state)
{
    S_expect_link(state, "<p>along the glide\nplane, then</p>",
                  "<p>along the " A("glide-plane", "glide\nplane") ", then</p>", 1);
}

static void test_text_around_link_preserved(void **state)
{
    S_expect_link(state, "<p>  Before &amp; &lt;SMAS&gt; after  \n</p>",
                  "<p>  Before &amp; &lt;" A("smas", "SMAS") "&gt; after  \n</p>", 1);
}

static void test_several_terms_in_one_text(void **state)
{
    S_expect_link(state, "<p>SMAS, glide plane and skin dimple.</p>",
                  "<p>" A("smas", "SMAS") ", " A("glide-plane", "glide plane") " and "
                  A("dimpling", "skin dimple") ".</p>",
                  3);
}

static void test_whole_text_node_and_nested(void **state)
{
    S_expect_link(state, "<p>x <em>SMAS</em> y <strong>dimpling</strong></p>",
                  "<p>x <em>" A("smas", "SMAS") "</em> y <strong>" A("dimpling", "dimpling")
                  "</strong></p>",
                  2);
}

static void test_skips_links_code_headings_tables_figures(void **state)
{
    S_expect_link(state,
                  "<body><h2>SMAS</h2><h3>dimpling</h3><p><a href=\"x\">SMAS</a> "
                  "<code>SMAS</code></p><pre>SMAS</pre>"
                  "<table><tr><td>SMAS</td></tr></table><figure><figcaption>SMAS"
                  "</figcaption></figure><p>Now SMAS and dimpling.</p></body>",
                  "<body><h2>SMAS</h2><h3>dimpling</h3><p><a href=\"x\">SMAS</a> "
                  "<code>SMAS</code></p><pre>SMAS</pre>"
                  "<table><tr><td>SMAS</td></tr></table><figure><figcaption>SMAS"
                  "</figcaption></figure><p>Now " A("smas", "SMAS") " and "
                  A("dimpling", "dimpling") ".</p></body>",
                  2);
}

static void test_each_call_links_again(void **state)
{
    S_expect_link(state, "<p>SMAS</p>", "<p>" A("smas", "SMAS") "</p>", 1);
    S_expect_link(state, "<p>SMAS</p>", "<p>" A("smas", "SMAS") "</p>", 1);
}

/* ---- linking in Korean text ---- */

/* A glossary with Korean terms and aliases: SMAS층 beside SMAS, 실리프팅 beside 리프팅. */
static const char S_korean[] =
    "terms:\n"
    "  - id: smas\n"
    "    term: SMAS\n"
    "    definition: a\n"
    "  - id: smas-layer\n"
    "    term: SMAS층\n"
    "    aliases: [스마스층]\n"
    "    definition: b\n"
    "  - id: thread-lift\n"
    "    term: 실리프팅\n"
    "    aliases: [thread lift]\n"
    "    definition: c\n"
    "  - id: lifting\n"
    "    term: 리프팅\n"
    "    definition: d\n"
    "  - id: facelift\n"
    "    term: 안면거상술\n"
    "    aliases: [페이스리프트]\n"
    "    definition: e\n"
    "  - id: fat\n"
    "    term: 지방\n"
    "    definition: f\n";

/* Load the glossary text (which must be valid) from a file called name. */
static glossary *S_load_text(const char *name, const char *text)
{
    char *path = tu_write_file(S_dir, name, text);
    diag_list *diags = diag_list_new();
    glossary *g = glossary_load(path, &S_english, diags);
    assert_non_null(g);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
    free(path);
    return g;
}

/* Link xml with the glossary text and compare the result and the link count. */
static void S_expect_link_with(const char *glossary_text, const char *xml,
                               const char *expected, size_t n_links)
{
    glossary *g = S_load_text("other.yaml", glossary_text);
    S_expect_link((void **)&g, xml, expected, n_links);
    glossary_free(g);
}

/* The tests that take S_korean as their state. */
static int S_setup_korean(void **state)
{
    *state = S_load_text("korean.yaml", S_korean);
    return 0;
}

static int S_teardown_korean(void **state)
{
    glossary_free(*state);
    return 0;
}

#define KOREAN_TEST(test) cmocka_unit_test_setup_teardown(test, S_setup_korean, S_teardown_korean)

static void test_korean_particles_stay_outside_the_link(void **state)
{
    /* 은/을/의/에서/으로 after a consonant, 는/를 after a vowel. */
    static const char *const particles[][2] = {
        {"스마스층", "은"}, {"스마스층", "을"},   {"스마스층", "의"},      {"스마스층", "에서"},
        {"스마스층", "으로"}, {"페이스리프트", "는"}, {"페이스리프트", "를"},
    };
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++) {
        const char *id = strcmp(particles[i][0], "스마스층") == 0 ? "smas-layer" : "facelift";
        char *xml = xasprintf("<p>먼저 %s%s 봅니다.</p>", particles[i][0], particles[i][1]);
        char *expected = xasprintf("<p>먼저 <a class=\"glossary-term\" href=\"/kb/glossary/"
                                   "#term-%s\">%s</a>%s 봅니다.</p>",
                                   id, particles[i][0], particles[i][1]);
        S_expect_link(state, xml, expected, 1);
        free(xml);
        free(expected);
    }
}

static void test_korean_term_inside_a_word_is_not_linked(void **state)
{
    /* 리프팅 in 미니리프팅, 지방 in 피하지방층, SMAS after Hangul: not where a word starts.
     * The same terms are linked where their word starts, and after punctuation. */
    S_expect_link(state,
                  "<p>미니리프팅은 피하지방층을 얼굴SMAS와 다룹니다. (리프팅) “지방”은</p>",
                  "<p>미니리프팅은 피하지방층을 얼굴SMAS와 다룹니다. (" A("lifting", "리프팅")
                  ") “" A("fat", "지방") "”은</p>",
                  2);
}

static void test_korean_longest_term_wins(void **state)
{
    /* 실리프팅 over 리프팅 and SMAS층 over SMAS; the shorter terms link where they stand
     * alone. */
    S_expect_link(state, "<p>실리프팅은 SMAS층을 당깁니다. 리프팅 효과는 SMAS는 아닙니다.</p>",
                  "<p>" A("thread-lift", "실리프팅") "은 " A("smas-layer", "SMAS층")
                  "을 당깁니다. " A("lifting", "리프팅") " 효과는 " A("smas", "SMAS")
                  "는 아닙니다.</p>",
                  4);
}

static void test_latin_term_before_hangul_particle(void **state)
{
    S_expect_link(state, "<p>SMAS는 얼굴의 층입니다.</p>",
                  "<p>" A("smas", "SMAS") "는 얼굴의 층입니다.</p>", 1);
}

static void test_korean_first_use_only(void **state)
{
    /* The term is linked once, whichever of its names comes first; a later use inside a
     * longer word is not a use of the shorter term. */
    S_expect_link(state,
                  "<div><p>스마스층은 얇습니다.</p><p>SMAS층을 지나 스마스층으로 갑니다. "
                  "실리프팅과 실리프팅을</p></div>",
                  "<div><p>" A("smas-layer", "스마스층") "은 얇습니다.</p><p>SMAS층을 지나 "
                  "스마스층으로 갑니다. " A("thread-lift", "실리프팅") "과 실리프팅을</p></div>",
                  2);
}

static void test_mixed_english_and_korean(void **state)
{
    S_expect_link(state,
                  "<p>A thread lift, 즉 실리프팅은 SMAS(스마스층)를 당깁니다; thread lifts.</p>",
                  "<p>A " A("thread-lift", "thread lift") ", 즉 실리프팅은 " A("smas", "SMAS")
                  "(" A("smas-layer", "스마스층") ")를 당깁니다; thread lifts.</p>",
                  3);
}

static void test_word_continues_after_a_link(void **state)
{
    (void)state;
    /* Without SMAS층 in the glossary, 층 is the rest of the word SMAS층은, not a term of
     * its own; where 층 starts a word it is. */
    S_expect_link_with("terms:\n"
                       "  - id: smas\n"
                       "    term: SMAS\n"
                       "    definition: a\n"
                       "  - id: layer\n"
                       "    term: 층\n"
                       "    definition: b\n",
                       "<p>SMAS층은 층마다 다릅니다.</p>",
                       "<p>" A("smas", "SMAS") "층은 " A("layer", "층") "마다 다릅니다.</p>", 2);
}

static void test_caseless_first_letter_outside_ascii(void **state)
{
    (void)state;
    /* Phrases are grouped by their first letter, caselessly in any script. */
    S_expect_link_with("terms:\n"
                       "  - id: eclat\n"
                       "    term: Éclat\n"
                       "    definition: a\n"
                       "  - id: ecran\n"
                       "    term: écran total\n"
                       "    definition: b\n",
                       "<p>ÉCRAN TOTAL and éclat, not préclat.</p>",
                       "<p>" A("ecran", "ÉCRAN TOTAL") " and " A("eclat", "éclat")
                       ", not préclat.</p>",
                       2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_valid),
        cmocka_unit_test(test_reviewed),
        cmocka_unit_test(test_sorted_order),
        cmocka_unit_test(test_popover_buttons_and_linked_terms),
        cmocka_unit_test(test_missing_file_gives_empty_glossary),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_missing_fields),
        cmocka_unit_test(test_duplicate_id),
        cmocka_unit_test(test_term_already_used),
        cmocka_unit_test(test_alias_already_used),
        cmocka_unit_test(test_invalid_id_and_unknown_key),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_root_errors),
        cmocka_unit_test(test_no_terms_key),
        cmocka_unit_test(test_links_first_use_only),
        cmocka_unit_test(test_alias_counts_as_the_term),
        cmocka_unit_test(test_longest_phrase_wins),
        cmocka_unit_test(test_case_insensitive_keeps_text),
        cmocka_unit_test(test_not_inside_words),
        cmocka_unit_test(test_korean_term_before_particle),
        cmocka_unit_test(test_term_across_line_break),
        cmocka_unit_test(test_text_around_link_preserved),
        cmocka_unit_test(test_several_terms_in_one_text),
        cmocka_unit_test(test_whole_text_node_and_nested),
        cmocka_unit_test(test_skips_links_code_headings_tables_figures),
        cmocka_unit_test(test_each_call_links_again),
        KOREAN_TEST(test_korean_particles_stay_outside_the_link),
        KOREAN_TEST(test_korean_term_inside_a_word_is_not_linked),
        KOREAN_TEST(test_korean_longest_term_wins),
        KOREAN_TEST(test_latin_term_before_hangul_particle),
        KOREAN_TEST(test_korean_first_use_only),
        KOREAN_TEST(test_mixed_english_and_korean),
        cmocka_unit_test(test_word_continues_after_a_link),
        cmocka_unit_test(test_caseless_first_letter_outside_ascii),
    };
    return cmocka_run_group_tests_name("glossary", tests, S_setup, S_teardown);
}
