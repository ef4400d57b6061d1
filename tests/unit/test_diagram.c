/*
 * test_diagram.c: unit tests for diagram_render (markdown/diagram.h): a checked drawing
 * becomes a figure whose ids are the page's own, with every reference following them.
 */
#include "testutil.h"

#include <libxml/tree.h>
#include <string.h>

#include "markdown/diagram.h"

static const char S_svg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "viewBox=\"0 0 10 10\" width=\"10\"><title>T</title><desc>D</desc>"
    "<defs><marker id=\"arrow\"/></defs>"
    "<use href=\"#arrow\"/><use href=\" #arrow\"/><use xlink:href=\"\n#arrow\"/>"
    "<path marker-end=\"url(#arrow)\"/></svg>";

/* Every id takes the figure's prefix, and so does every reference to it, however the
 * reference is written: href, xlink:href, url(), with white space before '#' (which
 * browsers skip). */
static void test_ids_and_references(void **state)
{
    (void)state;
    xmlDocPtr doc = tu_parse_xml(S_svg, "x.svg", XML_PARSE_NONET);
    xmlNodePtr fig = diagram_render(xmlDocGetRootElement(doc), "diagram-2", "Alt", "Cap");
    char *got = tu_dump(NULL, fig);
    assert_non_null(strstr(got, "<marker id=\"diagram-2-arrow\"/>"));
    assert_null(strstr(got, "\"#arrow\""));
    assert_null(strstr(got, "\" #arrow\""));
    assert_null(strstr(got, "(#arrow)"));
    const char *p = got;
    int refs = 0;
    while ((p = strstr(p, "#diagram-2-arrow")))
        refs++, p++;
    assert_int_equal(refs, 4);
    assert_non_null(strstr(got, "aria-labelledby=\"diagram-2-title\""));
    assert_null(strstr(got, "width=\"10\"")); /* the stylesheet fits it to the column */
    free(got);
    xmlFreeNode(fig);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_and_references),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
