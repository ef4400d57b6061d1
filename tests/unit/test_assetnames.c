/*
 * test_assetnames.c: unit tests for assetnames.h, the fingerprinted names of the templates'
 * style sheets and scripts and the rewriting of the pages' references to them.
 */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "render/assetnames.h"

static void test_which_files(void **state)
{
    (void)state;
    assert_true(assetnames_fingerprinted("site.css"));
    assert_true(assetnames_fingerprinted("search.js"));
    assert_false(assetnames_fingerprinted("favicon.svg"));
    assert_false(assetnames_fingerprinted("favicon-32.png"));
    assert_false(assetnames_fingerprinted(".css"));
    assert_false(assetnames_fingerprinted("js"));
    assert_false(assetnames_fingerprinted("site.css.map"));
}

static void test_name_from_bytes(void **state)
{
    (void)state;
    char *a = assetnames_name("site.css", "body { color: black }", 21);
    char *b = assetnames_name("site.css", "body { color: black }", 21);
    char *c = assetnames_name("site.css", "body { color: navy }", 20);
    /* site.<12 hexadecimal digits>.css; the same bytes, the same name; other bytes, another */
    assert_int_equal(strlen(a), strlen("site..css") + ASSETNAMES_HASH_DIGITS);
    assert_memory_equal(a, "site.", 5);
    assert_string_equal(a + 5 + ASSETNAMES_HASH_DIGITS, ".css");
    for (size_t i = 5; i < 5 + ASSETNAMES_HASH_DIGITS; i++)
        assert_non_null(strchr("0123456789abcdef", a[i]));
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    /* Only the last extension moves: a name with dots keeps them. */
    char *d = assetnames_name("print.v2.js", "x", 1);
    assert_memory_equal(d, "print.v2.", 9);
    assert_string_equal(d + strlen(d) - 3, ".js");
    free(a);
    free(b);
    free(c);
    free(d);
}

static void test_rewrite(void **state)
{
    (void)state;
    static const char xml[] =
        "<html><head><link rel=\"stylesheet\" href=\"/kb/assets/site.css\"/>"
        "<link rel=\"icon\" href=\"/kb/assets/favicon.svg\"/>"
        "<script src=\"/kb/assets/site.js\"></script></head>"
        "<body><a href=\"/kb/assets/site.css\">the style sheet</a>"
        "<p data-src=\"/kb/assets/site.js\">/kb/assets/site.css</p>"
        "<a href=\"/other/assets/site.css\">elsewhere</a></body></html>";
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    strlist urls = STRLIST_INIT;
    strlist_push(&urls, "/kb/assets/site.css");
    strlist_push(&urls, "/kb/assets/site.0123456789ab.css");
    strlist_push(&urls, "/kb/assets/site.js");
    strlist_push(&urls, "/kb/assets/site.ba9876543210.js");
    assetnames_rewrite(xmlDocGetRootElement(doc), &urls);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, xmlDocGetRootElement(doc), 0, 0);
    /* href and src that name a plain file exactly; text, other attributes and other
     * addresses untouched. */
    assert_string_equal((const char *)xmlBufferContent(buf),
                        "<html><head><link rel=\"stylesheet\" "
                        "href=\"/kb/assets/site.0123456789ab.css\"/>"
                        "<link rel=\"icon\" href=\"/kb/assets/favicon.svg\"/>"
                        "<script src=\"/kb/assets/site.ba9876543210.js\"/></head>"
                        "<body><a href=\"/kb/assets/site.0123456789ab.css\">the style sheet</a>"
                        "<p data-src=\"/kb/assets/site.js\">/kb/assets/site.css</p>"
                        "<a href=\"/other/assets/site.css\">elsewhere</a></body></html>");
    xmlBufferFree(buf);
    /* Nothing to rename: nothing changes, and no crash on NULL. */
    assetnames_rewrite(xmlDocGetRootElement(doc), NULL);
    assetnames_rewrite(NULL, &urls);
    strlist_free(&urls);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_which_files),
        cmocka_unit_test(test_name_from_bytes),
        cmocka_unit_test(test_rewrite),
    };
    return cmocka_run_group_tests_name("assetnames", tests, NULL, NULL);
}
