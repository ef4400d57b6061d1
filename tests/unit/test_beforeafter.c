/*
 * test_beforeafter.c: unit tests for beforeafter.h (```before-after blocks).
 *
 * Each block body starts at line 36, column 1 of an article (the line after its fence).
 */
#include "testutil.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "markdown/beforeafter.h"

#define ARTICLE "content/articles/layers.md"
#define LINE 36

#define NOTICE "Photos shown with the patient's written consent. Results vary."

static beforeafter *S_parse(const char *text, diag_list *diags)
{
    return beforeafter_parse(ARTICLE, text, strlen(text), LINE, 1, false, diags);
}

static void S_expect_error(const char *text, const char *expected)
{
    diag_list *diags = diag_list_new();
    beforeafter *ba = S_parse(text, diags);
    assert_null(ba);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, expected);
    diag_list_free(diags);
}

/* ---- parsing ---- */

static void test_parse_valid(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    beforeafter *ba = S_parse("before: media/case-01-before.jpg\n"
                              "after:   media/case-01-after.jpg\n"
                              "alt: Jawline before and three months after a thread lift\n"
                              "consent: partial   # part of the face\n",
                              diags);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(ba);
    assert_string_equal(ba->before, "media/case-01-before.jpg");
    assert_int_equal(ba->before_line, 36);
    assert_int_equal(ba->before_column, 9);
    assert_string_equal(ba->after, "media/case-01-after.jpg");
    assert_int_equal(ba->after_line, 37);
    assert_int_equal(ba->after_column, 10);
    assert_string_equal(ba->alt, "Jawline before and three months after a thread lift");
    assert_null(ba->before_alt);
    assert_null(ba->after_alt);
    assert_string_equal(ba->consent, "partial");
    beforeafter_free(ba);
    beforeafter_free(NULL);
    diag_list_free(diags);
}

static void test_parse_full_consent_and_photo_alts(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    static const char text[] = "consent: full\n"
                               "before_alt: Face from the front, before\n"
                               "after_alt: Face from the front, after\n"
                               "alt: Whole face\n"
                               "before: b.jpg\n"
                               "after: a.jpg\n";
    /* A block indented by two columns, its body starting at line 12. */
    beforeafter *ba = beforeafter_parse(ARTICLE, text, sizeof text - 1,
                                        12, 3, false, diags);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(ba);
    assert_string_equal(ba->consent, "full");
    assert_string_equal(ba->before_alt, "Face from the front, before");
    assert_string_equal(ba->after_alt, "Face from the front, after");
    assert_int_equal(ba->before_line, 16);
    assert_int_equal(ba->before_column, 11);
    assert_int_equal(ba->after_line, 17);
    assert_int_equal(ba->after_column, 10);
    beforeafter_free(ba);
    diag_list_free(diags);
}

static void test_missing_consent(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\n",
                   ARTICLE ":36:1: error: this before-after block has no 'consent'; publish "
                   "these photos only with the patient's written consent, and record it as "
                   "'consent: partial' (part of the face) or 'consent: full' [before-after]");
}

static void test_consent_not_partial_or_full(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent: yes\n",
                   ARTICLE ":39:10: error: 'consent' must be 'partial' (part of the face shown) "
                   "or 'full', not 'yes' [before-after]");
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent: Partial\n",
                   ARTICLE ":39:10: error: 'consent' must be 'partial' (part of the face shown) "
                   "or 'full', not 'Partial' [before-after]");
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent:\n",
                   ARTICLE ":39:9: error: 'consent' must be a text value, but it is nothing");
}

static void test_missing_alt(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nconsent: partial\n",
                   ARTICLE ":36:1: error: this before-after block has no 'alt'; describe what "
                   "the photos show for people who cannot see them [before-after]");
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: \"\"\nconsent: partial\n",
                   ARTICLE ":38:6: error: 'alt' is empty; write some text");
}

static void test_missing_before_and_after(void **state)
{
    (void)state;
    S_expect_error("after: a.jpg\nalt: Jawline\nconsent: partial\n",
                   ARTICLE ":36:1: error: this before-after block has no 'before'; add the "
                   "'before' photo, like 'before: media/case-01-before.jpg' [before-after]");
    S_expect_error("before: b.jpg\nalt: Jawline\nconsent: partial\n",
                   ARTICLE ":36:1: error: this before-after block has no 'after'; add the "
                   "'after' photo, like 'after: media/case-01-after.jpg' [before-after]");
}

static void test_every_error_reported(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    beforeafter *ba = S_parse("consent: maybe\n", diags);
    assert_null(ba);
    assert_int_equal(diag_count(diags), 4);
    tu_expect_diag(diags, 0, ARTICLE ":36:1: error: this before-after block has no 'before'; add "
                             "the 'before' photo, like 'before: media/case-01-before.jpg' "
                             "[before-after]");
    tu_expect_diag(diags, 1, ARTICLE ":36:1: error: this before-after block has no 'after'; add "
                             "the 'after' photo, like 'after: media/case-01-after.jpg' "
                             "[before-after]");
    tu_expect_diag(diags, 2, ARTICLE ":36:1: error: this before-after block has no 'alt'; "
                             "describe what the photos show for people who cannot see them "
                             "[before-after]");
    tu_expect_diag(diags, 3, ARTICLE ":36:10: error: 'consent' must be 'partial' (part of the "
                             "face shown) or 'full', not 'maybe' [before-after]");
    diag_list_free(diags);
}

static void test_unknown_key(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent: partial\ncaption: x\n",
                   ARTICLE ":40:1: error: unknown key 'caption' in a before-after block; the keys "
                   "allowed are: before, after, alt, consent, before_alt, after_alt");
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent: partial\n"
                   "befor_alt: x\n",
                   ARTICLE ":40:1: error: unknown key 'befor_alt' in a before-after block; did "
                   "you mean 'before_alt'?");
}

static void test_duplicate_key(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: Jawline\nconsent: partial\n"
                   "alt: Again\n",
                   ARTICLE ":40:1: error: duplicate key 'alt' in a before-after block; keep only "
                   "one");
}

static void test_not_a_mapping(void **state)
{
    (void)state;
    static const char expected[] =
        ARTICLE ":36:1: error: a before-after block must be 'key: value' lines: before, after, "
        "alt and consent [before-after]";
    S_expect_error("- b.jpg\n- a.jpg\n", expected);
    S_expect_error("", expected);
    S_expect_error("just a sentence\n",
                   ARTICLE ":36:1: error: this line is not 'key: value'; add the ':' after the "
                   "key [before-after]");
}

static void test_invalid_yaml(void **state)
{
    (void)state;
    S_expect_error("before: b.jpg\nafter: a.jpg\nalt: \"Jawline\nconsent: partial\n",
                   ARTICLE ":38:6: error: invalid YAML: the text ends inside quotes or brackets; "
                   "close them (found unexpected end of stream while scanning a quoted scalar) "
                   "[yaml]");
}

/* ---- rendering ---- */

static void test_render_structure(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    beforeafter *ba = S_parse("before: media/b.jpg\nafter: media/a.jpg\n"
                              "alt: Jawline & neck\nconsent: partial\n",
                              diags);
    assert_non_null(ba);
    xmlNodePtr fig = beforeafter_render(ba, "/kb/media/b.jpg", "/kb/media/a.jpg", NOTICE);
    char *got = tu_dump(NULL, fig);
    assert_string_equal(
        got,
        "<figure class=\"before-after\" data-consent=\"partial\">"
        "<div class=\"before-after-photos\">"
        "<img class=\"before\" src=\"/kb/media/b.jpg\" alt=\"Jawline &amp; neck (1/2)\" "
        "loading=\"lazy\"/>"
        "<img class=\"after\" src=\"/kb/media/a.jpg\" alt=\"Jawline &amp; neck (2/2)\" "
        "loading=\"lazy\"/>"
        "</div>"
        "<figcaption><span class=\"before-after-description\">Jawline &amp; neck</span> "
        "<span class=\"consent-notice\">" NOTICE "</span></figcaption>"
        "</figure>");
    assert_null(fig->parent);
    free(got);
    xmlFreeNode(fig);
    beforeafter_free(ba);
    diag_list_free(diags);
}

static void test_render_per_photo_alts(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    beforeafter *ba = S_parse("before: b.jpg\nafter: a.jpg\nalt: Whole face\nconsent: full\n"
                              "before_alt: Front view before treatment\n"
                              "after_alt: Front view six months later\n",
                              diags);
    assert_non_null(ba);
    xmlNodePtr fig = beforeafter_render(ba, "/media/b.jpg", "/media/a.jpg", "Notice.");
    char *got = tu_dump(NULL, fig);
    assert_string_equal(
        got,
        "<figure class=\"before-after\" data-consent=\"full\">"
        "<div class=\"before-after-photos\">"
        "<img class=\"before\" src=\"/media/b.jpg\" alt=\"Front view before treatment\" "
        "loading=\"lazy\"/>"
        "<img class=\"after\" src=\"/media/a.jpg\" alt=\"Front view six months later\" "
        "loading=\"lazy\"/>"
        "</div>"
        "<figcaption><span class=\"before-after-description\">Whole face</span> "
        "<span class=\"consent-notice\">Notice.</span></figcaption>"
        "</figure>");
    free(got);
    xmlFreeNode(fig);
    beforeafter_free(ba);
    diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_valid),
        cmocka_unit_test(test_parse_full_consent_and_photo_alts),
        cmocka_unit_test(test_missing_consent),
        cmocka_unit_test(test_consent_not_partial_or_full),
        cmocka_unit_test(test_missing_alt),
        cmocka_unit_test(test_missing_before_and_after),
        cmocka_unit_test(test_every_error_reported),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_not_a_mapping),
        cmocka_unit_test(test_invalid_yaml),
        cmocka_unit_test(test_render_structure),
        cmocka_unit_test(test_render_per_photo_alts),
    };
    return cmocka_run_group_tests_name("beforeafter", tests, NULL, NULL);
}
