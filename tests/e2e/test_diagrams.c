/*
 * test_diagrams.c: SVG diagrams end to end. A diagram in content/media/ written as an image
 * alone in its paragraph is drawn into the page as a figure (markdown/diagram.h); every SVG
 * of content/media/ is checked as untrusted input before it is published (content/svgcheck.h),
 * so each bad one fails the build at its own line and column and leaves the published site
 * as it was; and `suture check --site` refuses a published SVG, or an <svg> in a page, that
 * was changed by hand afterwards.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

#define SVG_FILE "content/media/diagrams/layers.svg"

/* A clean diagram whose first lines are always these three (lines 1 to 3). */
#define HEAD                                                                                  \
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 200\" width=\"480\">\n"      \
    "<title>The layers of the face</title>\n"                                                 \
    "<desc>From the skin down to the bone.</desc>\n"
#define CLEAN                                                                                 \
    HEAD "<defs><marker id=\"arrow\"><path d=\"M0 0L9 5L0 9z\"/></marker></defs>\n"           \
         "<path d=\"M10 10L200 10\" stroke=\"currentColor\" marker-end=\"url(#arrow)\"/>\n"   \
         "<text x=\"10\" y=\"40\" class=\"d-label\">Skin &amp; fat</text>\n</svg>\n"

#define FIGURE                                                                                \
    "\n\n![Five layers, from the skin to the bone.](media/diagrams/layers.svg \"The layers\")\n"

/* The good fixture with the clean diagram, shown by layers.md figures times (not built);
 * its folder. */
static char *S_fixture(const char *figures)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *media = path_join(dir, "content/media/diagrams");
    assert_int_equal(mkdir_p(media), 0);
    free(media);
    char *svg = path_join(dir, SVG_FILE);
    assert_int_equal(file_write(svg, CLEAN, strlen(CLEAN)), 0);
    free(svg);
    char *edited = xasprintf("%s\n## What the SMAS is", figures);
    assert_true(e2e_edit(dir, "content/articles/layers.md", "## What the SMAS is", edited));
    free(edited);
    return dir;
}

/* Build the site in dir, which must succeed. */
static void S_build(const char *dir)
{
    char *err = NULL;
    const char *build[] = {"build", "--quiet", NULL};
    int status = e2e_run(dir, build, &err);
    if (status != 0)
        fail_msg("the build failed (%d):\n%s", status, err);
    free(err);
}

/* The good fixture with the clean diagram, shown twice in layers.md, built; its folder. */
static char *S_site(void)
{
    char *dir = S_fixture(FIGURE FIGURE);
    S_build(dir);
    return dir;
}

static void S_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* The figure, its ids numbered on the page, its references following them. */
static void test_diagram_becomes_a_figure(void **state)
{
    (void)state;
    char *dir = S_site();
    char *page = path_join(dir, "site/articles/layers/index.html");
    xmlDocPtr doc = e2e_html(page);
    assert_non_null(doc);
    assert_int_equal(e2e_count(doc, "//figure[@class='diagram']"), 2);
    assert_int_equal(e2e_count(doc, "//img[contains(@src, '.svg')]"), 0);
    assert_int_equal(e2e_count(doc, "//figure[1]/svg[@role='img'][@viewbox='0 0 480 200']"
                                    "[@aria-labelledby='diagram-1-title']"
                                    "[@aria-describedby='diagram-1-desc'][not(@width)]"),
                     1);
    assert_int_equal(e2e_count(doc, "//svg/title[@id='diagram-1-title']"), 1);
    assert_int_equal(e2e_count(doc, "//svg/title[@id='diagram-2-title']"), 1);
    assert_int_equal(e2e_count(doc, "//svg/desc[@id='diagram-2-desc']"), 1);
    assert_int_equal(e2e_count(doc, "//marker[@id='diagram-1-arrow']"), 1);
    assert_int_equal(e2e_count(doc, "//marker[@id='diagram-2-arrow']"), 1);
    assert_int_equal(e2e_count(doc, "//path[@marker-end='url(#diagram-2-arrow)']"), 1);
    /* Every id of the page once. */
    assert_int_equal(e2e_count(doc, "//*[@id][@id = preceding::*/@id]"), 0);
    char *caption = e2e_string(doc, "//figure[1]/figcaption/p[@class='diagram-caption']");
    assert_string_equal(caption, "The layers");
    free(caption);
    char *alt = e2e_string(doc, "//figure[1]/figcaption/p[@class='diagram-text']");
    assert_string_equal(alt, "Five layers, from the skin to the bone.");
    free(alt);
    char *label = e2e_string(doc, "//figure[1]/svg/text");
    assert_string_equal(label, "Skin & fat");
    free(label);
    xmlFreeDoc(doc);
    /* The published file too, as it was written. */
    char *published = path_join(dir, "site/media/diagrams/layers.svg");
    size_t len;
    char *text = file_read(published, &len);
    assert_non_null(text);
    assert_string_equal(text, CLEAN);
    free(text);
    free(published);
    /* And suture check --site finds nothing wrong with either. */
    char *err = NULL;
    const char *check[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    assert_null(strstr(err, "site-svg"));
    free(err);
    free(page);
    S_done(dir);
}

/* Each bad SVG fails the build with this finding, and the published site stays. */
static const struct {
    const char *name;
    const char *svg;
    const char *said;
} S_bad[] = {
    {"script", HEAD "<g>\n <script>alert(1)</script></g></svg>",
     SVG_FILE ":5:2: error: <script> is not allowed in a diagram"},
    {"event attribute", HEAD "<rect width=\"9\" onmouseover=\"alert(1)\"/></svg>",
     SVG_FILE ":4:17: error: the event attribute 'onmouseover' runs script"},
    {"foreignObject", HEAD "<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>"
                           "</foreignObject></svg>",
     SVG_FILE ":4:1: error: <foreignObject> is not allowed in a diagram"},
    {"external href", HEAD "<use href=\"https://evil.example/x.svg#a\"/></svg>",
     SVG_FILE ":4:6: error: href=\"https://evil.example/x.svg#a\" on <use> points outside"},
    {"external url()", HEAD "<rect fill=\"url(/kb/media/other.svg#g)\"/></svg>",
     SVG_FILE ":4:7: error: 'fill' uses url(/kb/media/other.svg#g), outside this file"},
    {"javascript: address", HEAD "<use href=\"#a\" mask=\"javascript:alert(1)\"/></svg>",
     SVG_FILE ":4:16: error: 'mask' holds a javascript: or vbscript: address"},
    {"external entity", "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" HEAD
                        "<text>&x;</text></svg>",
     SVG_FILE ":1:1: error: a <!DOCTYPE> (and the <!ENTITY> declarations it may hold) is not "
              "allowed"},
    {"entity expansion", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                         HEAD "<text>&b;</text></svg>",
     SVG_FILE ":1:1: error: a <!DOCTYPE>"},
    {"set on href", HEAD "<use href=\"#a\"><set attributeName=\"href\" to=\"#b\"/></use></svg>",
     SVG_FILE ":4:16: error: <set> is not allowed in a diagram: it changes a link"},
    {"style element", HEAD "<style>aside { display: none }</style></svg>",
     SVG_FILE ":4:1: error: <style> is not allowed in a diagram"},
    {"no title", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\">\n<g/></svg>",
     SVG_FILE ":1:1: error: the diagram has no <title> with text as the first element"},
    {"no viewBox", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<title>t</title><desc>d</desc>"
                   "</svg>",
     SVG_FILE ":1:1: error: the diagram has no viewBox"},
};

/*
 * A diagram in a glossary definition, and a heading in the disclaimer: the definition is
 * copied into the popover of every article that links the term, and the disclaimer into
 * every page, beside the article's own diagrams and headings. Their ids take a prefix of
 * their own (the popover's def-<term>-, disclaimer-<lang>-), so that no page holds an id
 * twice, and the drawing's labels still point at its title.
 */
static void test_diagram_in_definition_and_disclaimer(void **state)
{
    (void)state;
    char *dir = S_fixture(FIGURE);
    assert_true(e2e_edit(dir, "content/glossary.yaml",
                         "definition: \"A layer of connective tissue under the skin and fat.\"",
                         "definition: \"A layer of connective tissue under the skin and fat."
                         "\\n\\n![Five layers.](media/diagrams/layers.svg \\\"The layers\\\")\""));
    /* A heading in the disclaimer, with the same text as one of the article's. */
    assert_true(e2e_edit(dir, "content/site.yaml", "risks that differ from person to person.\n",
                         "risks that differ from person to person.\n\n"
                         "  ## Before you decide\n\n  Ask about the risks.\n"));
    assert_true(e2e_edit(dir, "content/articles/layers.md", "## What the SMAS is",
                         "## Before you decide\n\nTake your time.\n\n## What the SMAS is"));
    S_build(dir);
    char *page = path_join(dir, "site/articles/layers/index.html");
    xmlDocPtr doc = e2e_html(page);
    assert_non_null(doc);
    /* The article's own and the popover's: two drawings; and no id twice on the page. */
    assert_int_equal(e2e_count(doc, "//figure[@class='diagram']"), 2);
    assert_int_equal(e2e_count(doc, "//*[@id][@id = preceding::*/@id]"), 0);
    assert_int_equal(e2e_count(doc, "//svg/title[@id='diagram-1-title']"), 1);
    assert_int_equal(e2e_count(doc, "//*[@popover]//svg[@aria-labelledby="
                                    "'def-smas-diagram-1-title']/title[@id="
                                    "'def-smas-diagram-1-title']"),
                     1);
    assert_int_equal(e2e_count(doc, "//*[@popover]//marker[@id='def-smas-diagram-1-arrow']"), 1);
    /* its arrow, which the drawing refers to with url(#...), too */
    assert_int_equal(e2e_count(doc, "//*[@popover]//path[@marker-end="
                                    "'url(#def-smas-diagram-1-arrow)']"),
                     1);
    assert_int_equal(e2e_count(doc, "//main//h2[@id='before-you-decide']"), 1);
    assert_int_equal(e2e_count(doc, "//*[@id='disclaimer-en-before-you-decide']"), 1);
    xmlFreeDoc(doc);
    free(page);
    /* What the browser would call broken HTML, suture check --site calls it too. */
    const char *check[] = {"check", "--site", "site", NULL};
    char *err = NULL;
    int status = e2e_run(dir, check, &err);
    if (status != 0)
        fail_msg("suture check --site failed (%d):\n%s", status, err);
    free(err);
    S_done(dir);
}

static void test_build_refuses_bad_svg(void **state)
{
    (void)state;
    char *dir = S_site();
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    char *svg = path_join(dir, SVG_FILE);
    for (size_t i = 0; i < sizeof S_bad / sizeof *S_bad; i++) {
        assert_int_equal(file_write(svg, S_bad[i].svg, strlen(S_bad[i].svg)), 0);
        char *err = NULL;
        const char *build[] = {"build", "--quiet", NULL};
        int status = e2e_run(dir, build, &err);
        if (status != 1 || !strstr(err, S_bad[i].said))
            fail_msg("%s: exit %d, expected 1 and '%s' in:\n%s", S_bad[i].name, status,
                     S_bad[i].said, err);
        char *after = e2e_snapshot(site);
        if (strcmp(before, after) != 0)
            fail_msg("%s: a failed build changed the published site", S_bad[i].name);
        free(after);
        free(err);
        /* suture check says the same, without building. */
        const char *check[] = {"check", NULL};
        status = e2e_run(dir, check, &err);
        if (status != 1 || !strstr(err, S_bad[i].said))
            fail_msg("%s: suture check exit %d, expected 1 and '%s' in:\n%s", S_bad[i].name,
                     status, S_bad[i].said, err);
        free(err);
    }
    /* A bad SVG nobody shows is refused too: it would be published under /media/. */
    assert_int_equal(file_write(svg, CLEAN, strlen(CLEAN)), 0);
    char *unused = path_join(dir, "content/media/.hidden.svg");
    assert_int_equal(file_write(unused, S_bad[0].svg, strlen(S_bad[0].svg)), 0);
    char *err = NULL;
    const char *build[] = {"build", "--quiet", NULL};
    assert_int_equal(e2e_run(dir, build, &err), 1);
    assert_non_null(strstr(err, "content/media/.hidden.svg:5:2: error: <script>"));
    free(err);
    unlink(unused);
    free(unused);
    /* A diagram inside a sentence, or without its caption, is the writer's to fix. */
    assert_true(e2e_edit(dir, "content/articles/layers.md",
                         "![Five layers, from the skin to the bone.](media/diagrams/layers.svg "
                         "\"The layers\")",
                         "See ![Five layers](media/diagrams/layers.svg) here."));
    assert_int_equal(e2e_run(dir, build, &err), 1);
    assert_non_null(strstr(err, "error: the diagram 'media/diagrams/layers.svg' is drawn into "
                                "the page as a figure, so it stands in a paragraph of its own"));
    free(err);
    assert_true(e2e_edit(dir, "content/articles/layers.md",
                         "See ![Five layers](media/diagrams/layers.svg) here.",
                         "![Five layers](media/diagrams/layers.svg)"));
    assert_int_equal(e2e_run(dir, build, &err), 1);
    assert_non_null(strstr(err, "error: the diagram 'media/diagrams/layers.svg' has no caption"));
    free(err);
    char *after = e2e_snapshot(site);
    assert_string_equal(before, after);
    free(after);
    free(svg);
    free(before);
    free(site);
    S_done(dir);
}

/* A published site changed by hand afterwards: the file, and the <svg> in a page. */
static void test_check_site_refuses_tampered_svg(void **state)
{
    (void)state;
    char *dir = S_site();
    assert_true(e2e_edit(dir, "site/media/diagrams/layers.svg", "<defs>",
                         "<script>fetch('/x')</script><defs>"));
    assert_true(e2e_edit(dir, "site/articles/layers/index.html", "<desc id=\"diagram-2-desc\">",
                         "<use xlink:href=\"https://evil.example/#x\"></use>"
                         "<desc id=\"diagram-2-desc\">"));
    char *err = NULL;
    const char *check[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    if (!strstr(err, "site/media/diagrams/layers.svg:4:1: error: <script> is not allowed in a "
                     "diagram") ||
        !strstr(err, "site/articles/layers/index.html:") ||
        !strstr(err, "error: xlink:href=\"https://evil.example/#x\" on <use> points outside "
                     "this file") ||
        !strstr(err, "[site-svg]"))
        fail_msg("suture check --site said:\n%s", err);
    free(err);
    S_done(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diagram_becomes_a_figure),
        cmocka_unit_test(test_diagram_in_definition_and_disclaimer),
        cmocka_unit_test(test_build_refuses_bad_svg),
        cmocka_unit_test(test_check_site_refuses_tampered_svg),
    };
    int rc = cmocka_run_group_tests_name("diagrams", tests, NULL, NULL);
    free(S_root);
    return rc;
}
