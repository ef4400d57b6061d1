/*
 * test_svgcheck.c: unit tests for svgcheck.h, SVG diagrams as untrusted input: one case per
 * refusal, each at its line and column, and a clean diagram that passes.
 */
#include "testutil.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/str.h"
#include "content/svgcheck.h"

#define FILE_NAME "content/media/diagrams/en/layers.svg"

/* The first three lines of every case: the root, its title and desc (lines 1 to 3). */
#define HEAD                                                                                  \
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " \
    "viewBox=\"0 0 360 200\">\n"                                                              \
    "<title>The layers of the face</title>\n"                                                 \
    "<desc>Five layers, from the skin down to the bone.</desc>\n"
#define TAIL "</svg>\n"

static const char S_clean[] =
    HEAD "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\">"
         "<path d=\"M0 0L10 5L0 10z\" fill=\"currentColor\"/></marker>\n"
         "<linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>"
         "</defs>\n"
         "<g class=\"layer\" xml:space=\"preserve\">"
         "<path d=\"M0 0L100 0\" stroke=\"currentColor\" marker-end=\"url(#arrow)\"/>\n"
         "<rect width=\"10\" height=\"10\" fill=\"url( '#g' )\"/>"
         "<use href=\"#arrow\"/><use xlink:href=\"#arrow\"/>\n"
         "<text x=\"4\" y=\"20\" class=\"label\">피부 <tspan>(skin)</tspan> javascript: is "
         "only text here</text></g>\n"
         "<!-- a comment, <script> in it is no element -->\n" TAIL;

/* Check text; returns the diagnostics (caller frees), asserting the document is returned
 * exactly when nothing was found. */
static diag_list *S_check(const char *text, size_t *errors)
{
    diag_list *diags = diag_list_new();
    xmlDocPtr doc = svgcheck_parse(FILE_NAME, text, strlen(text), 0, "svg", diags, errors);
    assert_int_equal(doc != NULL, *errors == 0);
    assert_int_equal(diag_count(diags), *errors);
    xmlFreeDoc(doc);
    return diags;
}

/* Assert that text is refused once, the finding starting with "FILE:expected". */
static void S_refused(const char *text, const char *expected)
{
    size_t errors = 0;
    diag_list *diags = S_check(text, &errors);
    const diag *d = diag_get(diags, 0);
    char *got = d ? diag_format(d) : xstrdup("(nothing)");
    char *want = xasprintf("%s:%s", FILE_NAME, expected);
    if (errors != 1 || strncmp(got, want, strlen(want)) != 0)
        fail_msg("%zu finding(s); the first:\n  %s\nwanted it to start with:\n  %s", errors,
                 got, want);
    assert_string_equal(d->category, "svg");
    free(want);
    free(got);
    diag_list_free(diags);
}

/* Assert that the i-th finding of diags starts with want. */
static void S_expect_start(const diag_list *diags, size_t i, const char *want)
{
    const diag *d = diag_get(diags, i);
    assert_non_null(d);
    char *got = diag_format(d);
    if (strncmp(got, want, strlen(want)) != 0)
        fail_msg("finding %zu:\n  %s\nwanted it to start with:\n  %s", i, got, want);
    free(got);
}

static void test_clean_diagram_passes(void **state)
{
    (void)state;
    size_t errors = 99;
    diag_list *diags = S_check(S_clean, &errors);
    assert_int_equal(errors, 0);
    diag_list_free(diags);
    /* Without a list, still refused and counted. */
    static const char bad[] = HEAD "<script>alert(1)</script>" TAIL;
    assert_null(svgcheck_parse(FILE_NAME, bad, sizeof bad - 1, 0, "svg", NULL, &errors));
    assert_int_equal(errors, 1);
}

static void test_script_element(void **state)
{
    (void)state;
    S_refused(HEAD "<g>\n  <script>alert(document.cookie)</script></g>\n" TAIL,
              "5:3: error: <script> is not allowed in a diagram: it runs with the site's rights");
    /* Case matters in XML: <SCRIPT> is no SVG element, and refused as one it does not know. */
    S_refused(HEAD "<SCRIPT/>" TAIL, "4:1: error: <SCRIPT> is not an element suture publishes");
    /* An XHTML script inside the SVG would run in a browser: another namespace. */
    S_refused(HEAD "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>" TAIL,
              "4:1: error: <h:script> is not an SVG element");
}

static void test_event_attribute(void **state)
{
    (void)state;
    S_refused(HEAD "<rect width=\"1\"\n      onclick=\"alert(1)\"/>\n" TAIL,
              "5:7: error: the event attribute 'onclick' runs script");
    S_refused(HEAD "<rect ONLOAD=\"x()\"/>" TAIL, "4:7: error: the event attribute 'ONLOAD'");
}

static void test_foreign_object(void **state)
{
    (void)state;
    S_refused(HEAD "<g><foreignObject width=\"9\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                   "<a href=\"https://x.example/\">x</a></div></foreignObject></g>" TAIL,
              "4:4: error: <foreignObject> is not allowed in a diagram");
}

static void test_external_references(void **state)
{
    (void)state;
    S_refused(HEAD "<use href=\"https://evil.example/sprite.svg#a\"/>" TAIL,
              "4:6: error: href=\"https://evil.example/sprite.svg#a\" on <use> points outside "
              "this file");
    S_refused(HEAD "<use xlink:href=\"other.svg#a\"/>" TAIL,
              "4:6: error: xlink:href=\"other.svg#a\" on <use> points outside this file");
    S_refused(HEAD "<rect fill=\"url(https://evil.example/p.svg#g)\"/>" TAIL,
              "4:7: error: 'fill' uses url(https://evil.example/p.svg#g), outside this file");
    S_refused(HEAD "<rect filter=\"\\75 rl(x)\"/>" TAIL,
              "4:7: error: 'filter' holds a CSS escape");
    S_refused(HEAD "<image href=\"data:image/png;base64,AAAA\"/>" TAIL,
              "4:1: error: <image> is not allowed in a diagram");
    S_refused(HEAD "<a href=\"#x\"><text>x</text></a>" TAIL,
              "4:1: error: <a> is not an element suture publishes in a diagram");
}

static void test_javascript_address(void **state)
{
    (void)state;
    S_refused(HEAD "<rect mask=\"java\tscript:alert(1)\"/>" TAIL,
              "4:7: error: 'mask' holds a javascript: or vbscript: address");
    S_refused(HEAD "<use href=\" JavaScript:alert(1)\"/>" TAIL,
              "4:6: error: 'href' holds a javascript: or vbscript: address");
}

static void test_style(void **state)
{
    (void)state;
    S_refused(HEAD "<style>@import url(https://evil.example/x.css);</style>" TAIL,
              "4:1: error: <style> is not allowed in a diagram");
    S_refused(HEAD "<rect style=\"fill:red\"/>" TAIL,
              "4:7: error: style=\"...\" is not applied in the site's pages");
}

static void test_animation_of_href(void **state)
{
    (void)state;
    S_refused(HEAD "<use href=\"#a\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/>"
                   "</use>" TAIL,
              "4:16: error: <set> is not allowed in a diagram: it changes a link after it was "
              "checked");
    S_refused(HEAD "<use href=\"#a\"><animate attributeName=\"xlink:href\" values=\"#a;#b\"/>"
                   "</use>" TAIL,
              "4:16: error: <animate> is not allowed in a diagram: it changes a link after it "
              "was checked");
    S_refused(HEAD "<rect><animate attributeName=\"x\" from=\"0\" to=\"9\"/></rect>" TAIL,
              "4:7: error: <animate> is not allowed in a diagram: the site has no animation");
}

static void test_doctype_and_entities(void **state)
{
    (void)state;
    /* XXE: an external entity that would read a file of the machine. */
    S_refused("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
              "]>\n" HEAD "<text>&x;</text>" TAIL,
              "2:1: error: a <!DOCTYPE> (and the <!ENTITY> declarations it may hold) is not "
              "allowed in a diagram");
    /* Billion laughs: refused before any entity is declared, let alone expanded. */
    S_refused("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
              "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n" HEAD "<text>&c;</text>" TAIL,
              "1:1: error: a <!DOCTYPE>");
    /* The usual public DTD of SVG 1.1 files is refused too (never fetched). */
    S_refused("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
              "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" HEAD TAIL,
              "1:1: error: a <!DOCTYPE>");
    /* Without a DTD an entity is undeclared: not well-formed (libxml2's column, after it). */
    S_refused(HEAD "<text>&x;</text>" TAIL, "4:10: error: the diagram is not well-formed XML");
    /* A style sheet loaded by a processing instruction. */
    S_refused("<?xml-stylesheet href=\"https://evil.example/x.css\"?>\n" HEAD TAIL,
              "1:1: error: the processing instruction <?xml-stylesheet ...?>");
}

static void test_title_and_desc(void **state)
{
    (void)state;
    S_refused("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<desc>d</desc></svg>",
              "1:1: error: the diagram has no <title> with text as the first element");
    S_refused("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>t</title><g/><desc>d</desc></svg>",
              "1:1: error: the diagram has no <desc> with text right after its <title>");
    S_refused("<svg xmlns=\"http://www.w3.org/2000/svg\"><title> </title><desc>d</desc></svg>",
              "1:1: error: the diagram has no <title> with text");
    S_refused("<svg><title>t</title><desc>d</desc></svg>",
              "1:1: error: the file's root element is <svg>, not <svg> in the SVG namespace");
    S_refused("<html xmlns=\"http://www.w3.org/2000/svg\"/>", "1:1: error: the file's root element is <html>");
}

/* suture check --site asks no <title> of a site's SVG: that is the build's rule. */
static void test_title_not_required_on_request(void **state)
{
    (void)state;
    static const char text[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
    size_t errors = 9;
    xmlDocPtr doc = svgcheck_parse(FILE_NAME, text, sizeof text - 1, SVGCHECK_NO_TITLE, "svg",
                                   NULL, &errors);
    assert_non_null(doc);
    assert_int_equal(errors, 0);
    xmlFreeDoc(doc);
}

static void test_editor_data(void **state)
{
    (void)state;
    S_refused("<svg xmlns=\"http://www.w3.org/2000/svg\" "
              "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\">\n"
              "<title>t</title><desc>d</desc>\n<g inkscape:label=\"Layer 1\"/></svg>",
              "3:4: error: the attribute 'inkscape:label' belongs to a drawing program");
}

/* Only the first finding inside a refused element: its content is not reported again. */
static void test_one_finding_per_refused_element(void **state)
{
    (void)state;
    size_t errors = 0;
    diag_list *diags = S_check(HEAD "<foreignObject><script/><g onclick=\"x\"/></foreignObject>\n"
                                    "<rect onclick=\"y\"/>" TAIL,
                               &errors);
    assert_int_equal(errors, 2);
    tu_expect_diag_prefixed(diags, 1, FILE_NAME,
                            ":5:7: error: the event attribute 'onclick' runs script when the "
                            "reader points at, clicks or loads the diagram; delete it (a "
                            "diagram needs no script) (SVG 2 (W3C), 'Scripting and "
                            "interactivity') [svg]");
    diag_list_free(diags);
}

/* An <svg> in a page read by libxml2's HTML parser: names in lower case, no namespaces. */
/* A drawing with hundreds of refusals reports SVGCHECK_MAX_REPORTED of them and one line
 * saying there are more, but counts them all. */
static void test_many_refusals_reported_briefly(void **state)
{
    (void)state;
    strbuf text = STRBUF_INIT;
    strbuf_puts(&text, HEAD "<rect");
    for (int i = 0; i < 300; i++)
        strbuf_printf(&text, " on%d=\"x()\"", i);
    strbuf_puts(&text, "/>" TAIL);
    diag_list *diags = diag_list_new();
    size_t errors = 0;
    xmlDocPtr doc = svgcheck_parse(FILE_NAME, strbuf_str(&text), text.len, 0, "svg", diags,
                                   &errors);
    assert_null(doc);
    assert_int_equal(errors, 300);
    assert_int_equal(diag_count(diags), SVGCHECK_MAX_REPORTED + 1);
    S_expect_start(diags, 0, FILE_NAME ":4:7: error: the event attribute 'on0'");
    S_expect_start(diags, SVGCHECK_MAX_REPORTED,
                   FILE_NAME ":4:1: error: more than 50 things in this drawing are refused; "
                   "fix those reported above, then check it again");
    diag_list_free(diags);
    strbuf_free(&text);
}

/* A Korean drawing (SVGCHECK_KOREAN) is told every refusal in Korean, at the same place and
 * with the same reference; one case per message. */
static void test_korean_messages(void **state)
{
    (void)state;
    static const struct {
        const char *svg;
        const char *want; /* the start of the finding after "FILE:" */
    } cases[] = {
        {HEAD "<script/>" TAIL, "4:1: error: 다이어그램에는 <script>를 쓸 수 없습니다."},
        {HEAD "<g onclick=\"x()\"/>" TAIL,
         "4:4: error: 이벤트 속성 'onclick'은(는) 독자가 다이어그램을 가리키거나"},
        {HEAD "<rect fill=\" java\tscript:x\"/>" TAIL,
         "4:7: error: 'fill'에 스크립트를 실행하는 javascript: 또는 vbscript: 주소가"},
        {HEAD "<g xmlns:i=\"urn:x\" i:layer=\"1\"/>" TAIL,
         "4:20: error: 속성 'i:layer'은(는) SVG의 것이 아니라 그림 프로그램의 것입니다."},
        {HEAD "<g style=\"fill:red\"/>" TAIL,
         "4:4: error: style=\"...\"은 사이트의 페이지에서 적용되지 않습니다."},
        {HEAD "<use href=\"other.svg#a\"/>" TAIL,
         "4:6: error: href=\"other.svg#a\"(<use>에 있음)은(는) 이 파일 밖을 가리킵니다."},
        {HEAD "<rect fill=\"url(other.svg#g)\"/>" TAIL,
         "4:7: error: 'fill'이(가) 이 파일 밖의 url(other.svg#g)을(를) 씁니다."},
        {HEAD "<rect fill=\"u\\72l(#g)\"/>" TAIL,
         "4:7: error: 'fill'에는 '(' 옆에 CSS 이스케이프('\\')가 있어"},
        {HEAD "<i:x xmlns:i=\"urn:x\"/>" TAIL,
         "4:1: error: <i:x>은(는) SVG 요소가 아닙니다(그림 프로그램의 자체 데이터나"},
        {HEAD "<foreignObject/>" TAIL, "4:1: error: 다이어그램에는 <foreignObject>를 쓸 수"},
        {HEAD "<style>g{}</style>" TAIL, "4:1: error: 다이어그램에는 <style>을 쓸 수 없습니다."},
        {HEAD "<image href=\"#a\"/>" TAIL, "4:1: error: 다이어그램에는 <image>를 쓸 수 없습니다."},
        {HEAD "<set attributeName=\"href\" to=\"#b\"/>" TAIL,
         "4:1: error: 다이어그램에는 <set>을(를) 쓸 수 없습니다. 검사를 마친 링크를 "
         "무엇으로든, javascript:로도 쉽게 바꾸기 때문입니다. 움직이지 않는 그림으로 그려 "
         "주십시오"},
        {HEAD "<animate attributeName=\"x\"/>" TAIL,
         "4:1: error: 다이어그램에는 <animate>을(를) 쓸 수 없습니다. 사이트에는 애니메이션이"},
        {HEAD "<video/>" TAIL, "4:1: error: <video>은(는) suture가 다이어그램에 게시하는 요소가"},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>",
         "1:1: error: 다이어그램의 <svg> 첫 요소가 글자가 있는 <title>이 아닙니다."},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><title>T</title><g/></svg>",
         "1:1: error: 다이어그램의 <title> 바로 뒤에 글자가 있는 <desc>가 없습니다."},
        {HEAD "<g><?xml-stylesheet href=\"a.css\"?></g>" TAIL,
         "4:1: error: 처리 명령 <?xml-stylesheet ...?>(<g> 안)은(는) 다른 곳에서"},
        {"<html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
         "1:1: error: 파일의 루트 요소가 SVG 네임스페이스의 <svg>가 아니라 <html>입니다."},
        {"<!DOCTYPE svg [<!ENTITY a \"b\">]>\n<svg/>",
         "1:1: error: 다이어그램에는 <!DOCTYPE>(과 그 안의 <!ENTITY> 선언)을 쓸 수 없습니다."},
        {"<?xml-stylesheet href=\"a.css\"?>\n" HEAD TAIL,
         "1:1: error: 처리 명령 <?xml-stylesheet ...?>은(는) 다른 곳에서 스타일 시트를"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t errors = 0;
        diag_list *diags = diag_list_new();
        xmlDocPtr doc = svgcheck_parse(FILE_NAME, cases[i].svg, strlen(cases[i].svg),
                                       SVGCHECK_KOREAN, "svg", diags, &errors);
        assert_null(doc);
        char *want = xasprintf("%s:%s", FILE_NAME, cases[i].want);
        S_expect_start(diags, 0, want);
        free(want);
        diag_list_free(diags);
    }
    /* libxml2's own words stay as they are, inside the Korean sentence. */
    size_t errors = 0;
    diag_list *diags = diag_list_new();
    static const char broken[] = "<svg><g></svg>";
    assert_null(svgcheck_parse(FILE_NAME, broken, sizeof broken - 1, SVGCHECK_KOREAN, "svg",
                               diags, &errors));
    char *got = diag_format(diag_get(diags, 0));
    if (!strstr(got, ": error: 다이어그램이 올바른 XML이 아닙니다(") ||
        !strstr(got, "). 이 자리의 마크업을 고쳐 주십시오"))
        fail_msg("got %s", got);
    free(got);
    diag_list_free(diags);
    /* Past the most reported, the last line says there are more, in Korean. */
    strbuf text = STRBUF_INIT;
    strbuf_puts(&text, HEAD);
    for (int i = 0; i < SVGCHECK_MAX_REPORTED + 2; i++)
        strbuf_puts(&text, "<script/>\n");
    strbuf_puts(&text, TAIL);
    diags = diag_list_new();
    assert_null(svgcheck_parse(FILE_NAME, strbuf_str(&text), text.len, SVGCHECK_KOREAN, "svg",
                               diags, &errors));
    assert_int_equal(diag_count(diags), SVGCHECK_MAX_REPORTED + 1);
    got = diag_format(diag_get(diags, SVGCHECK_MAX_REPORTED));
    assert_non_null(strstr(got, "이 그림에서 받아들일 수 없는 것이 50개를 넘습니다."));
    free(got);
    diag_list_free(diags);
    strbuf_free(&text);
}

static void test_inline_svg_in_html(void **state)
{
    (void)state;
    static const char page[] =
        "<!DOCTYPE html><html><body><figure>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\" role=\"img\">"
        "<title id=\"d-title\">t</title><desc>d</desc>\n"
        "<path d=\"M0 0\" marker-end=\"url(#d-m)\"></path><use xlink:href=\"#d-m\"></use>\n"
        "<foreignObject><p>x</p></foreignObject>\n"
        "<use xlink:href=\"https://evil.example/#x\"></use></svg></figure></body></html>";
    htmlDocPtr doc = htmlReadMemory(page, sizeof page - 1, "page.html", "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING);
    assert_non_null(doc);
    xmlNodePtr svg = xmlDocGetRootElement(doc)->children->children->children;
    while (svg && (svg->type != XML_ELEMENT_NODE || !xmlStrEqual(svg->name, BAD_CAST "svg")))
        svg = svg->next;
    assert_non_null(svg);
    diag_list *diags = diag_list_new();
    assert_int_equal(svgcheck_tree("site/a/index.html", NULL, 0, svg,
                                   SVGCHECK_HTML | SVGCHECK_NO_TITLE, "site-svg", diags),
                     2);
    S_expect_start(diags, 0, "site/a/index.html:4:1: error: <foreignObject> is not allowed");
    S_expect_start(diags, 1, "site/a/index.html:5:1: error: xlink:href=\"https://evil.example/#x\" "
                             "on <use> points outside this file");
    diag_list_free(diags);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_diagram_passes),
        cmocka_unit_test(test_script_element),
        cmocka_unit_test(test_event_attribute),
        cmocka_unit_test(test_foreign_object),
        cmocka_unit_test(test_external_references),
        cmocka_unit_test(test_javascript_address),
        cmocka_unit_test(test_style),
        cmocka_unit_test(test_animation_of_href),
        cmocka_unit_test(test_doctype_and_entities),
        cmocka_unit_test(test_title_and_desc),
        cmocka_unit_test(test_title_not_required_on_request),
        cmocka_unit_test(test_editor_data),
        cmocka_unit_test(test_one_finding_per_refused_element),
        cmocka_unit_test(test_many_refusals_reported_briefly),
        cmocka_unit_test(test_inline_svg_in_html),
        cmocka_unit_test(test_korean_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
