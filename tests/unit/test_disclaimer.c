/*
 * test_disclaimer.c: unit tests for disclaimer.h (the mandatory medical disclaimer).
 *
 * Pages are parsed from XML strings, as a template's result would look, and compared
 * after injection as exact serialised strings.
 */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "render/disclaimer.h"

#define ASIDE                                                                                  \
    "<aside class=\"medical-disclaimer\" role=\"note\" lang=\"en\"><p>This is general "     \
    "information, not <em>medical advice</em>.</p><p>Ask your doctor.</p></aside>"

/* A page parsed from xml, as a template's result would look. */
static xmlDocPtr S_doc(const char *xml)
{
    return tu_parse_xml(xml, "page.html", XML_PARSE_NONET);
}

static void S_expect_doc(xmlDocPtr doc, const char *expected)
{
    char *got = tu_dump(doc, xmlDocGetRootElement(doc));
    assert_string_equal(got, expected);
    free(got);
}

/* The aside the tests inject: built once from a rendered disclaimer. */
static int S_setup(void **state)
{
    xmlInitParser();
    static const char content[] =
        "<div><p>This is general information, not <em>medical advice</em>.</p>"
        "<p>Ask your doctor.</p></div>";
    xmlDocPtr doc = xmlReadMemory(content, (int)sizeof content - 1, "d.xml", "UTF-8", 0);
    if (!doc)
        return -1;
    xmlNodePtr aside = disclaimer_new(xmlDocGetRootElement(doc), "en");
    xmlFreeDoc(doc);
    *state = aside;
    return 0;
}

static int S_teardown(void **state)
{
    xmlFreeNode(*state);
    return 0;
}

/* Inject the shared aside into xml; check status, result and the aside's count. */
static void S_expect_inject(void **state, const char *xml, disclaimer_status status,
                            const char *expected)
{
    xmlDocPtr doc = S_doc(xml);
    assert_int_equal(disclaimer_inject(doc, *state), status);
    S_expect_doc(doc, expected);
    xmlFreeDoc(doc);
}

static void test_new_copies_content(void **state)
{
    xmlNodePtr aside = *state;
    char *got = tu_dump(NULL, aside);
    assert_string_equal(got, ASIDE);
    assert_null(aside->parent);
    free(got);
}

static void test_new_without_lang_or_content(void **state)
{
    (void)state;
    xmlNodePtr aside = disclaimer_new(NULL, NULL);
    char *got = tu_dump(NULL, aside);
    assert_string_equal(got, "<aside class=\"medical-disclaimer\" role=\"note\"/>");
    free(got);
    xmlFreeNode(aside);
}

static void test_new_leaves_content_alone(void **state)
{
    (void)state;
    xmlDocPtr doc = S_doc("<div><p>Text</p></div>");
    xmlNodePtr aside = disclaimer_new(xmlDocGetRootElement(doc), "ko");
    char *got = tu_dump(NULL, aside);
    assert_string_equal(got, "<aside class=\"medical-disclaimer\" role=\"note\" lang=\"ko\">"
                             "<p>Text</p></aside>");
    free(got);
    S_expect_doc(doc, "<div><p>Text</p></div>");
    xmlFreeNode(aside);
    xmlFreeDoc(doc);
}

static void test_inject_at_placeholder(void **state)
{
    S_expect_inject(state,
                    "<html><body><main id=\"main\"><h1>T</h1></main><footer><p>F</p>"
                    "<div id=\"medical-disclaimer\"/><p>G</p></footer></body></html>",
                    DISCLAIMER_OK,
                    "<html><body><main id=\"main\"><h1>T</h1></main><footer><p>F</p>" ASIDE
                    "<p>G</p></footer></body></html>");
}

static void test_inject_at_placeholder_without_main(void **state)
{
    S_expect_inject(state, "<html><body><div id=\"medical-disclaimer\"/></body></html>",
                    DISCLAIMER_OK, "<html><body>" ASIDE "</body></html>");
}

static void test_inject_last_child_of_main(void **state)
{
    S_expect_inject(state,
                    "<html><body><main><h1>T</h1><p>Text</p></main><footer/></body></html>",
                    DISCLAIMER_OK,
                    "<html><body><main><h1>T</h1><p>Text</p>" ASIDE "</main><footer/></body>"
                    "</html>");
}

static void test_inject_copies_aside(void **state)
{
    xmlNodePtr aside = *state;
    xmlDocPtr a = S_doc("<html><main/></html>");
    xmlDocPtr b = S_doc("<html><main/></html>");
    assert_int_equal(disclaimer_inject(a, aside), DISCLAIMER_OK);
    assert_int_equal(disclaimer_inject(b, aside), DISCLAIMER_OK);
    assert_null(aside->parent);
    assert_null(aside->doc);
    S_expect_doc(a, "<html><main>" ASIDE "</main></html>");
    S_expect_doc(b, "<html><main>" ASIDE "</main></html>");
    xmlFreeDoc(a);
    xmlFreeDoc(b);
}

static void test_no_place_without_placeholder_or_main(void **state)
{
    S_expect_inject(state, "<html><body><div id=\"content\"><h1>T</h1></div></body></html>",
                    DISCLAIMER_NO_PLACE,
                    "<html><body><div id=\"content\"><h1>T</h1></div></body></html>");
}

static void test_no_place_with_two_mains(void **state)
{
    S_expect_inject(state, "<html><body><main/><main/></body></html>", DISCLAIMER_NO_PLACE,
                    "<html><body><main/><main/></body></html>");
}

static void test_duplicate_when_template_wrote_aside(void **state)
{
    S_expect_inject(state,
                    "<html><body><main><aside class=\"box  medical-disclaimer\">Own</aside>"
                    "</main><div id=\"medical-disclaimer\"/></body></html>",
                    DISCLAIMER_DUPLICATE,
                    "<html><body><main><aside class=\"box  medical-disclaimer\">Own</aside>"
                    "</main><div id=\"medical-disclaimer\"/></body></html>");
    S_expect_inject(state,
                    "<html><body><main><aside class=\"medical-disclaimer\">Own</aside></main>"
                    "</body></html>",
                    DISCLAIMER_DUPLICATE,
                    "<html><body><main><aside class=\"medical-disclaimer\">Own</aside></main>"
                    "</body></html>");
}

static void test_duplicate_with_two_placeholders(void **state)
{
    S_expect_inject(state,
                    "<html><body><main><div id=\"medical-disclaimer\"/></main>"
                    "<footer><div id=\"medical-disclaimer\"/></footer></body></html>",
                    DISCLAIMER_DUPLICATE,
                    "<html><body><main><div id=\"medical-disclaimer\"/></main>"
                    "<footer><div id=\"medical-disclaimer\"/></footer></body></html>");
}

/* The walk finds a placeholder deep in the page after other branches, and ignores elements
 * in a namespace, as XPath's //aside and //div would. */
static void test_walk_depth_and_namespaces(void **state)
{
    xmlDocPtr doc = S_doc("<html xmlns:x=\"urn:x\"><body><div><p/><p><span/>text</p></div>"
                          "<x:aside class=\"medical-disclaimer\"/><x:div id=\"medical-disclaimer\"/>"
                          "<section><div><div id=\"medical-disclaimer\"/></div></section>"
                          "<!-- a comment --></body></html>");
    assert_int_equal(disclaimer_count(doc), 0);
    assert_int_equal(disclaimer_inject(doc, *state), DISCLAIMER_OK);
    assert_int_equal(disclaimer_count(doc), 1);
    xmlNodePtr section = xmlDocGetRootElement(doc)->children->children->next->next->next;
    assert_string_equal((const char *)section->name, "section");
    assert_string_equal((const char *)section->children->children->name, "aside");
    xmlFreeDoc(doc);
}

static void test_count(void **state)
{
    (void)state;
    xmlDocPtr doc = S_doc("<html><body>"
                          "<aside class=\"medical-disclaimer\"/>"
                          "<aside class=\" note\tmedical-disclaimer wide \"/>"
                          "<aside class=\"medical-disclaimer-old\"/>"
                          "<aside class=\"not-medical-disclaimer\"/>"
                          "<div class=\"medical-disclaimer\"/>"
                          "<aside/>"
                          "<main><section><aside class=\"medical-disclaimer\"/></section></main>"
                          "</body></html>");
    assert_int_equal(disclaimer_count(doc), 3);
    xmlFreeDoc(doc);
    doc = S_doc("<html><body><main/></body></html>");
    assert_int_equal(disclaimer_count(doc), 0);
    assert_int_equal(disclaimer_inject(doc, *state), DISCLAIMER_OK);
    assert_int_equal(disclaimer_count(doc), 1);
    /* A second injection finds the first disclaimer. */
    assert_int_equal(disclaimer_inject(doc, *state), DISCLAIMER_DUPLICATE);
    assert_int_equal(disclaimer_count(doc), 1);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_copies_content),
        cmocka_unit_test(test_new_without_lang_or_content),
        cmocka_unit_test(test_new_leaves_content_alone),
        cmocka_unit_test(test_inject_at_placeholder),
        cmocka_unit_test(test_inject_at_placeholder_without_main),
        cmocka_unit_test(test_inject_last_child_of_main),
        cmocka_unit_test(test_inject_copies_aside),
        cmocka_unit_test(test_no_place_without_placeholder_or_main),
        cmocka_unit_test(test_no_place_with_two_mains),
        cmocka_unit_test(test_duplicate_when_template_wrote_aside),
        cmocka_unit_test(test_duplicate_with_two_placeholders),
        cmocka_unit_test(test_walk_depth_and_namespaces),
        cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests_name("disclaimer", tests, S_setup, S_teardown);
}
