/*
 * test_xmlmsg.c: unit tests for xmlmsg.h (one plain message per XML file that is not
 * well-formed). Each case is a file with one mistake, and the one error it gets: where, and
 * in which words; libxml2 says more, or other things, about each.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "render/xmlmsg.h"

/* text, as the file t.xsl, gets exactly the one error expected ("t.xsl:L:C: error: ..."). */
static void S_expect(const char *text, const char *expected)
{
    diag_list *diags = diag_list_new();
    assert_false(xmlmsg_check(text, strlen(text), "t.xsl", "template", diags));
    if (diag_count(diags) != 1)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, expected);
    diag_list_free(diags);
}

#define XSL "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"

static void test_well_formed(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    static const char ok[] = XSL "<xsl:template match=\"/\"><p>caf\xc3\xa9 &amp; "
                                 "&#160;</p></xsl:template>\n</xsl:stylesheet>\n";
    assert_true(xmlmsg_check(ok, sizeof ok - 1, "t.xsl", "template", diags));
    /* An entity of an external DTD, which libxml2 does not read here but libxslt does. */
    static const char dtd[] = "<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>&mdash;</a>\n";
    assert_true(xmlmsg_check(dtd, sizeof dtd - 1, "t.xsl", "template", diags));
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
}

/* "Opening and ending tag mismatch: template line 3 and templat", and three more after it. */
static void test_tag_mismatch(void **state)
{
    (void)state;
    S_expect(XSL "<xsl:template match=\"/\">\n<p>x</p>\n</xsl:templat>\n</xsl:stylesheet>\n",
             "t.xsl:4:1: error: the tag <xsl:template> opened on line 2 is closed by "
             "</xsl:templat>: make the names match, or close <xsl:template> before this "
             "[template]");
    /* An element left open: the first end tag that does not match it. */
    S_expect(XSL "<xsl:template match=\"/\">\n  <div><p>x</div>\n</xsl:template>\n"
                 "</xsl:stylesheet>\n",
             "t.xsl:3:12: error: the tag <p> opened on line 3 is closed by </div>: make the "
             "names match, or close <p> before this [template]");
    /* Columns count characters: two Korean syllables are two columns. */
    S_expect("<a>\n\xea\xb0\x80\xea\xb0\x80<b></a>\n",
             "t.xsl:2:6: error: the tag <b> opened on line 2 is closed by </a>: make the names "
             "match, or close <b> before this [template]");
}

/* "Premature end of data in tag stylesheet line 1". */
static void test_file_ends_too_soon(void **state)
{
    (void)state;
    S_expect(XSL "<xsl:template match=\"/\"/>\n",
             "t.xsl:3:1: error: the file ends before <xsl:stylesheet> (line 1) is closed: add "
             "</xsl:stylesheet> [template]");
}

/* "error parsing attribute name", "attributes construct error", "Couldn't find end of Start
 * Tag p line 2". */
static void test_start_tag_not_closed(void **state)
{
    (void)state;
    S_expect("<a>\n <p class=\"x\"\n</a>\n",
             "t.xsl:2:2: error: the start tag <p> does not end with '>': close it, and check "
             "the quotation marks of its attributes [template]");
    /* "expected '>'" */
    S_expect("<a>x</a", "t.xsl:1:5: error: the end tag </a> does not end with '>': add it "
                        "[template]");
}

/* "Unescaped '<' not allowed in attributes values", then three more. */
static void test_lt_in_attribute(void **state)
{
    (void)state;
    S_expect("<a b=\"x<y\"/>\n",
             "t.xsl:1:8: error: an attribute value holds '<': write it as &lt;, or close the "
             "value's quotation marks before it [template]");
}

/* "AttValue: \" or ' expected", "AttValue: ' expected" and "Specification mandates value
 * for attribute b". */
static void test_attribute_values(void **state)
{
    (void)state;
    S_expect("<a b=x/>\n", "t.xsl:1:6: error: expected an attribute value in quotes: write it "
                           "as name=\"value\" [template]");
    S_expect("<a b=\"x/>\n", "t.xsl:2:1: error: an attribute value's quotation marks are not "
                             "closed: close them [template]");
    S_expect("<a checked/>\n", "t.xsl:1:11: error: the attribute 'checked' has no value: write "
                               "checked=\"value\" [template]");
    S_expect("<a b=\"1\"c=\"2\"/>\n", "t.xsl:1:9: error: two attributes are not separated: "
                                      "put a space between them [template]");
}

/* "Attribute class redefined", placed after the second one by libxml2. */
static void test_attribute_twice(void **state)
{
    (void)state;
    S_expect("<a>\n<p class=\"a\" class=\"b\"/>\n</a>\n",
             "t.xsl:2:14: error: the attribute 'class' is given twice in this tag: keep one "
             "[template]");
}

/* "Entity 'nbsp' not defined", "xmlParseEntityRef: no name", "EntityRef: expecting ';'". */
static void test_entities(void **state)
{
    (void)state;
    S_expect("<a>x&nbsp;y</a>\n",
             "t.xsl:1:5: error: '&nbsp;' is not defined in XML, which knows only &amp; &lt; "
             "&gt; &quot; and &apos;: write the character itself, or its number (such as "
             "&#160; for a no-break space) [template]");
    S_expect("<a>salt & pepper</a>\n",
             "t.xsl:1:9: error: a '&' stands on its own: write it as &amp; [template]");
    S_expect("<a>&amp</a>\n", "t.xsl:1:4: error: a '&' starts a name that does not end with "
                              "';': add the ';', or write a '&' of its own as &amp; [template]");
}

/* "StartTag: invalid element name". */
static void test_lt_without_name(void **state)
{
    (void)state;
    S_expect("<a>if 1 < 2</a>\n", "t.xsl:1:9: error: a '<' is not followed by a tag name: "
                                  "write it as &lt;, or correct the tag [template]");
}

/* "Extra content at the end of the document", "Start tag expected, '<' not found" and, for
 * no bytes at all, nothing. */
static void test_root_element(void **state)
{
    (void)state;
    S_expect("<a/>\n<b/>\n", "t.xsl:2:1: error: there is more after the end of the file's root "
                             "element: an XML file has one root element; remove what follows, "
                             "or move it inside [template]");
    S_expect("<?xml version=\"1.0\"?>\n", "t.xsl:2:1: error: there is no XML element in this "
                                          "file: write its content, or remove the file "
                                          "[template]");
    S_expect("", "t.xsl:1:1: error: there is no XML element in this file: write its content, "
                 "or remove the file [template]");
}

/* "Comment not terminated", "Double hyphen within comment", "CData section not finished",
 * "XML declaration allowed only at the start of the document". */
static void test_comments_and_declaration(void **state)
{
    (void)state;
    S_expect("<a>\n  <!-- note\n</a>\n", "t.xsl:2:3: error: this comment is not closed: add --> "
                                        "where it ends [template]");
    S_expect("<a>\n<!-- a -- b -->\n</a>\n", "t.xsl:2:8: error: a comment holds '--', which XML "
                                             "does not allow inside a comment: take it out "
                                             "[template]");
    S_expect("<a><![CDATA[ x </a>\n", "t.xsl:1:4: error: this CDATA section is not closed: add "
                                      "]]> where it ends [template]");
    S_expect("\n<?xml version=\"1.0\"?><a/>\n",
             "t.xsl:2:6: error: the XML declaration <?xml ...?> must be the very start of the "
             "file: remove what comes before it, blank lines and spaces too [template]");
}

/* "Namespace prefix xs on template is not defined": libxml2 goes on, and libxslt then says
 * "Found a top-level element xs:template with null namespace URI" in every stylesheet that
 * imports the file. */
static void test_undeclared_prefix(void **state)
{
    (void)state;
    S_expect(XSL "  <xs:template name=\"x\"/>\n</xsl:stylesheet>\n",
             "t.xsl:2:3: error: the prefix 'xs' of <xs:template> is not declared: correct it, "
             "or declare it with xmlns:xs=\"...\" on the root element [template]");
    S_expect(XSL "  <xsl:template name=\"x\" xs:mode=\"y\"/>\n</xsl:stylesheet>\n",
             "t.xsl:2:3: error: the prefix 'xs' of the attribute xs:mode of <xsl:template> is not "
             "declared: correct it, or declare it with xmlns:xs=\"...\" on the root element "
             "[template]");
}

/* "Input is not proper UTF-8, indicate encoding !" and "Excessive depth in document: 256 use
 * XML_PARSE_HUGE option". */
static void test_encoding_and_depth(void **state)
{
    (void)state;
    S_expect("<a>caf\xe9</a>\n", "t.xsl:1:7: error: this file is not valid UTF-8 at line 1, "
                                "column 7: save it as UTF-8 in your editor [template]");
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < 300; i++)
        strbuf_puts(&b, "<d>");
    for (int i = 0; i < 300; i++)
        strbuf_puts(&b, "</d>");
    char *expected = xasprintf("t.xsl:1:772: error: the file nests elements more than %u "
                               "levels deep here: take out levels [template]",
                               xmlParserMaxDepth);
    S_expect(strbuf_str(&b), expected);
    free(expected);
    strbuf_free(&b);
}

/* xmlmsg_log_flush's sink for the test: "file:line:column: message" lines into a strbuf. */
static void S_sink(void *arg, const char *file, unsigned line, unsigned column,
                   const char *message)
{
    strbuf_printf(arg, "%s:%u:%u: %s\n", file, line, column, message);
}

/* What the log is given while libxslt loads files: one message per file, in the order of the
 * files' first errors, the names read from the file itself. */
static void test_log(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("xmlmsg");
    tu_put_file(dir, "a.xsl", XSL "<xsl:template>\n</xsl:templat>\n</xsl:stylesheet>\n");
    char *a = path_join(dir, "a.xsl");
    xmlmsg_log *log = xmlmsg_log_new();
    xmlError e = {.domain = XML_FROM_PARSER, .code = XML_ERR_TAG_NAME_MISMATCH,
                  .level = XML_ERR_FATAL, .file = a, .line = 3, .int2 = 15, .int1 = 2,
                  .str1 = (char *)"template", .str2 = (char *)"templat",
                  .message = (char *)"Opening and ending tag mismatch: template line 2 and "
                                     "templat\n"};
    xmlError knock_on = e;
    knock_on.code = XML_ERR_TAG_NOT_FINISHED;
    knock_on.message = (char *)"Premature end of data in tag stylesheet line 1\n";
    xmlError gone = e;
    gone.file = (char *)"/nowhere/b.xml";
    xmlError warning = e;
    warning.level = XML_ERR_WARNING;
    xmlError io = e;
    io.domain = XML_FROM_IO;
    assert_true(xmlmsg_log_add(log, &e));
    assert_true(xmlmsg_log_add(log, &gone));
    assert_true(xmlmsg_log_add(log, &knock_on));
    assert_false(xmlmsg_log_add(log, &warning));
    assert_false(xmlmsg_log_add(log, &io));
    assert_false(xmlmsg_log_add(NULL, &e));
    strbuf said = STRBUF_INIT;
    xmlmsg_log_flush(log, S_sink, &said);
    char *expected = xasprintf(
        "%s:3:1: the tag <xsl:template> opened on line 2 is closed by </xsl:templat>: make "
        "the names match, or close <xsl:template> before this\n"
        "/nowhere/b.xml:3:15: the tag <template> opened on line 2 is closed by </templat>: "
        "make the names match, or close <template> before this\n", a);
    assert_string_equal(strbuf_str(&said), expected);
    strbuf_free(&said);
    /* Emptied. */
    xmlmsg_log_flush(log, S_sink, &said);
    assert_string_equal(strbuf_str(&said), "");
    xmlmsg_log_free(log);
    xmlmsg_log_free(NULL);
    free(expected);
    free(a);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_formed),
        cmocka_unit_test(test_tag_mismatch),
        cmocka_unit_test(test_file_ends_too_soon),
        cmocka_unit_test(test_start_tag_not_closed),
        cmocka_unit_test(test_lt_in_attribute),
        cmocka_unit_test(test_attribute_values),
        cmocka_unit_test(test_attribute_twice),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_lt_without_name),
        cmocka_unit_test(test_root_element),
        cmocka_unit_test(test_comments_and_declaration),
        cmocka_unit_test(test_undeclared_prefix),
        cmocka_unit_test(test_encoding_and_depth),
        cmocka_unit_test(test_log),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
