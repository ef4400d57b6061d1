/*
 * test_template_mistakes.c: a web maintainer's mistakes in templates/ (issue 20, "Templates
 * that explain their own mistakes"), each made in a copy of the good fixture's site as the
 * maintainer would make it, must give one error, at the file and line that hold the mistake
 * (layout.xsl, which every page kind's stylesheet imports, not the importer), saying what to
 * do; and the site is not published.
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

static const char *const S_build[] = {"build", "--content", "content", "--templates",
                                      "templates", "--out", "site", "--quiet", NULL};

/*
 * One mistake made in templates/layout.xsl: find replaced by repl (and find2 by repl2 when
 * given); the one error expected, want, where "@L:@C" stands for the line and column of the
 * first needle after the first after (NULL: the file's start) in the edited file, and "@R"
 * for the line of ref in it.
 */
typedef struct {
    const char *find, *repl, *find2, *repl2;
    const char *after, *needle, *ref;
    const char *want;
} S_case;

/* want with @L, @C and @R replaced by line, column and ref_line. */
static char *S_fill(const char *want, unsigned line, unsigned column, unsigned ref_line)
{
    strbuf b = STRBUF_INIT;
    for (const char *p = want; *p; p++) {
        if (p[0] == '@' && (p[1] == 'L' || p[1] == 'C' || p[1] == 'R')) {
            strbuf_printf(&b, "%u", p[1] == 'L' ? line : p[1] == 'C' ? column : ref_line);
            p++;
        } else {
            strbuf_putc(&b, *p);
        }
    }
    return strbuf_detach(&b);
}

/* The number of lines of err that are errors. */
static size_t S_errors(const char *err)
{
    size_t n = 0;
    for (const char *p = strstr(err, ": error: "); p; p = strstr(p + 1, ": error: "))
        n++;
    return n;
}

/* Make the mistake c in a copy of the good fixture and build: the build must fail with
 * exactly c's error, and publish nothing. */
static void S_expect(const S_case *c)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    const char *rel = "templates/layout.xsl";
    unsigned ref_line = 0, ref_column = 0, line, column;
    if (c->ref)
        assert_true(e2e_where(dir, rel, NULL, c->ref, &ref_line, &ref_column));
    assert_true(e2e_edit(dir, rel, c->find, c->repl));
    if (c->find2)
        assert_true(e2e_edit(dir, rel, c->find2, c->repl2));
    if (!e2e_where(dir, rel, c->after, c->needle, &line, &column))
        fail_msg("'%s' is not in the edited %s", c->needle, rel);
    char *want = S_fill(c->want, line, column, ref_line);
    char *err = NULL;
    int status = e2e_run(dir, S_build, &err);
    if (status != 1 || !e2e_has_line(err, want) || S_errors(err) != 1)
        fail_msg("expected one error:\n%s\nbut suture said:\n%s", want, err);
    char *site = path_join(dir, "site");
    assert_false(path_exists(site));
    free(site);
    free(err);
    free(want);
    remove_tree(dir);
    free(dir);
}

/* An XPath typo in layout.xsl: at layout.xsl's line (not 404.xsl's), once for all eight
 * page kinds that import it, one message for libxml2's and libxslt's two or three. */
static void test_xpath_typo_in_layout(void **state)
{
    (void)state;
    S_expect(&(S_case){
        .find = "<xsl:value-of select=\"normalize-space($site/description)\"/>",
        .repl = "<xsl:value-of select=\"normalize-space($site/description\"/>",
        .needle = "normalize-space($site/description\"",
        .want = "templates/layout.xsl:@L:1: error: the XPath expression "
                "'normalize-space($site/description' of <xsl:value-of> does not compile "
                "(invalid expression): check its brackets, quotation marks and names "
                "[template]",
    });
    /* In xsl:variable and xsl:with-param, which libxslt words differently. */
    S_expect(&(S_case){
        .find = "<xsl:variable name=\"iso\" select=\"normalize-space($d/@iso)\"/>",
        .repl = "<xsl:variable name=\"iso\" select=\"normalize-space(($d/@iso)\"/>",
        .needle = "normalize-space(($d/@iso)",
        .want = "templates/layout.xsl:@L:1: error: the XPath expression "
                "'normalize-space(($d/@iso)' of <xsl:variable> does not compile (invalid "
                "expression): check its brackets, quotation marks and names [template]",
    });
    S_expect(&(S_case){
        .find = "<xsl:with-param name=\"id\" select=\"$id\"/>",
        .repl = "<xsl:with-param name=\"id\" select=\"($id\"/>",
        .needle = "select=\"($id\"",
        .want = "templates/layout.xsl:@L:1: error: the XPath expression '($id' of "
                "<xsl:with-param> does not compile (invalid expression): check its brackets, "
                "quotation marks and names [template]",
    });
    /* Found when the pages render (the footer's, on every page): once for all. */
    S_expect(&(S_case){
        .find = "<p class=\"footer-description\"><xsl:value-of "
                "select=\"normalize-space($site/description)\"/>",
        .repl = "<p class=\"footer-description\"><xsl:value-of select=\"normalise-space($site/description)\"/>",
        .needle = "normalise-space(",
        .want = "templates/layout.xsl:@L:1: error: while rendering /kb/ and 12 other pages: "
                "the XPath expression of <xsl:value-of> cannot be evaluated: there is no XPath "
                "function normalise-space(); did you mean normalize-space()? [template]",
    });
    S_expect(&(S_case){
        .find = "<p class=\"footer-description\"><xsl:value-of "
                "select=\"normalize-space($site/description)\"/>",
        .repl = "<p class=\"footer-description\"><xsl:value-of select=\"normalize-space($sitee/description)\"/>",
        .needle = "$sitee",
        .want = "templates/layout.xsl:@L:1: error: while rendering /kb/ and 12 other pages: "
                "the XPath expression of <xsl:value-of> cannot be evaluated: the variable "
                "$sitee is not declared where it is used: correct the name, or declare it with "
                "<xsl:variable name=\"sitee\"> [template]",
    });
}

/* One missing </li> in layout.xsl: the parser's error, at its place, and nothing about the
 * seven stylesheets that then fail to import it. */
static void test_missing_end_tag_in_layout(void **state)
{
    (void)state;
    static const char item[] = "<li>\n            <a href=\"{$site/links/@compare}\">";
    S_expect(&(S_case){
        .find = "</xsl:call-template>\n            </a>\n          </li>",
        .repl = "</xsl:call-template>\n            </a>\n",
        .after = item,
        .needle = "</xsl:if>",
        .ref = item,
        .want = "templates/layout.xsl:@L:@C: error: the tag <li> opened on line @R is closed "
                "by </xsl:if>: make the names match, or close <li> before this [template]",
    });
}

/* A misspelt interface string id, and a call of a named template that does not exist: at
 * the line that asks for it, with the nearest names. */
static void test_misspelt_names(void **state)
{
    (void)state;
    S_expect(&(S_case){
        .find = "<xsl:with-param name=\"id\" select=\"'compare'\"/></xsl:call-template>"
                "\n            </a>",
        .repl = "<xsl:with-param name=\"id\" select=\"'contcat'\"/></xsl:call-template>"
                "\n            </a>",
        .needle = "contcat",
        .want = "templates/layout.xsl:@L:@C: error: there is no interface string with id "
                "'contcat' in strings.xml; did you mean 'contents'? Otherwise add <str "
                "id=\"contcat\"> to strings.xml, with a <t> for each language [template]",
    });
    /* The id as the parameter's text. */
    S_expect(&(S_case){
        .find = "<xsl:with-param name=\"id\" select=\"'glossary'\"/>",
        .repl = "<xsl:with-param name=\"id\">glosary</xsl:with-param>",
        .needle = "glosary",
        .want = "templates/layout.xsl:@L:@C: error: there is no interface string with id "
                "'glosary' in strings.xml; did you mean 'glossary'? Otherwise add <str "
                "id=\"glosary\"> to strings.xml, with a <t> for each language [template]",
    });
    S_expect(&(S_case){
        .find = "<xsl:call-template name=\"site-footer\"/>",
        .repl = "<xsl:call-template name=\"site-foter\"/>",
        .needle = "site-foter",
        .want = "templates/layout.xsl:@L:@C: error: xsl:call-template calls 'site-foter', but "
                "no template has that name; did you mean 'site-footer' or 'site-header'? "
                "Otherwise define <xsl:template name=\"site-foter\"> [template]",
    });
}

/* Hugo's and Jinja's {{ }}, in an attribute and in a text: an error that shows XSLT's way;
 * one in <xsl:text> is meant. */
static void test_double_braces(void **state)
{
    (void)state;
    S_expect(&(S_case){
        .find = "<a href=\"{$site/links/@compare}\">",
        .repl = "<a href=\"{{ site.contact_url }}\">",
        .needle = "{{ site.contact_url }}",
        .want = "templates/layout.xsl:@L:@C: error: '{{ site.contact_url }}' in the attribute "
                "href is Hugo's or Jinja's syntax, which suture does not read: its templates "
                "are XSLT. Put an XPath expression between single braces, an attribute value "
                "template such as href=\"{$site/root}\" [template]",
    });
    S_expect(&(S_case){
        .find = "<footer class=\"site-footer\">",
        .repl = "<footer class=\"site-footer\">\n      <p>{{ site.title }}</p>"
                "<xsl:text>{{ meant }}</xsl:text>",
        .needle = "{{ site.title }}",
        .want = "templates/layout.xsl:@L:@C: error: '{{ site.title }}' is Hugo's or Jinja's "
                "syntax, which suture does not read: its templates are XSLT. Write "
                "<xsl:value-of select=\"...\"/> with an XPath expression, such as "
                "<xsl:value-of select=\"$site/title\"/> [template]",
    });
}

/* Body content in <head>, two <main>, no <body>: one build error each, at the template's
 * line, naming the pages; nothing published. */
static void test_page_structure(void **state)
{
    (void)state;
#define META "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    S_expect(&(S_case){
        .find = META,
        .repl = META "\n        <li>Call us</li>",
        .needle = "<li>Call us",
        .want = "templates/layout.xsl:@L:@C: error: while rendering /kb/ and 12 other pages: "
                "the template puts <li> into <head>, where only <title>, <meta>, <link>, "
                "<script>, <style>, <base>, <noscript> and <template> belong (browsers end "
                "<head> there): move it into <body> [template]",
    });
#undef META
    S_expect(&(S_case){
        .find = "<footer class=\"site-footer\">",
        .repl = "<footer class=\"site-footer\">\n      <main>More</main>",
        .after = "<footer class=\"site-footer\">",
        .needle = "<main>",
        .want = "templates/layout.xsl:@L:@C: error: while rendering /kb/ and 12 other pages: "
                "the template writes more than one <main>: a page has one main part; keep one "
                "<main> and make the others <section> or <div> [template]",
    });
    S_expect(&(S_case){
        .find = "<body class=\"kind-{$kind}\">",
        .repl = "<div class=\"kind-{$kind}\">",
        .find2 = "</body>",
        .repl2 = "</div>",
        .needle = "<div class=\"kind-{$kind}\">",
        .want = "templates/layout.xsl:@L:@C: error: while rendering /kb/ and 12 other pages: "
                "the template writes content in <html> outside <head> and <body>: <html> "
                "holds one <head>, then one <body>; move it into one of them [template]",
    });
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xpath_typo_in_layout),
        cmocka_unit_test(test_missing_end_tag_in_layout),
        cmocka_unit_test(test_misspelt_names),
        cmocka_unit_test(test_double_braces),
        cmocka_unit_test(test_page_structure),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(S_root);
    return failed;
}
