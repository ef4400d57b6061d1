/*
 * test_cookbook.c: end-to-end tests that follow templates/README.md's Cookbook (issue 20)
 * literally, on copies of tests/fixtures/good (one language, base path /kb/) and
 * tests/fixtures/bilingual: the code each recipe shows is read from the README itself,
 * put where the recipe says, the site built, and the result checked in the built HTML (or
 * the published style sheet). Also what the Colours recipe relies on: every colour and
 * font size of site.css is set in its first :root block.
 */
#define _GNU_SOURCE
#include <ctype.h>
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

/*
 * The n-th fenced code block (from 0) of the README's Cookbook section, without its
 * fences and without the indentation of its opening fence; malloc'd.
 */
static char *S_snippet(int n)
{
    char *path = path_join(S_root, "templates/README.md");
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    assert_non_null(text);
    char *section = strstr(text, "\n## Cookbook\n");
    assert_non_null(section);
    char *end = strstr(section + 1, "\n## ");
    if (end)
        *end = '\0';
    strbuf out = STRBUF_INIT;
    int block = -1;
    bool inside = false;
    size_t indent = 0;
    for (char *line = section + 1; line && *line;) {
        char *next = strchr(line, '\n');
        size_t llen = next ? (size_t)(next - line) : strlen(line);
        size_t lead = 0;
        while (lead < llen && line[lead] == ' ')
            lead++;
        if (llen - lead >= 3 && !strncmp(line + lead, "```", 3)) {
            inside = !inside;
            if (inside) {
                block++;
                indent = lead;
            }
        } else if (inside && block == n) {
            size_t cut = lead < indent ? lead : indent;
            strbuf_append(&out, line + cut, llen - cut);
            strbuf_puts(&out, "\n");
        }
        line = next ? next + 1 : NULL;
    }
    free(text);
    char *snippet = strbuf_detach(&out);
    if (!*snippet)
        fail_msg("the Cookbook has no code block %d", n);
    return snippet;
}

/* The README's Cookbook blocks, in their order. */
enum {
    S_FOOTER_PAGES, S_FOOTER_LINK, S_STRING, S_STRING_USE, S_BRAND, S_SITE_PAGE, S_PAGE_CLASS
};

/* Put text into the file rel under dir just before before, the first one after anchor. */
static void S_insert(const char *dir, const char *rel, const char *anchor, const char *before,
                     const char *text)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *data = file_read(path, &len);
    assert_non_null(data);
    char *from = strstr(data, anchor);
    assert_non_null(from);
    char *at = strstr(from, before);
    assert_non_null(at);
    char *changed = xasprintf("%.*s%s%s", (int)(at - data), data, text, at);
    assert_int_equal(file_write(path, changed, strlen(changed)), 0);
    free(changed);
    free(data);
    free(path);
}

static void S_build(const char *dir)
{
    const char *args[] = {"build", "--out", "site", "--quiet", "--no-precompress", NULL};
    char *err;
    int rc = e2e_run(dir, args, &err);
    if (rc != 0)
        fail_msg("the site does not build after the recipe (status %d):\n%s", rc, err);
    free(err);
}

/* A site page of the one-language fixture, content/pages/<name>.md. */
static void S_site_page(const char *dir, const char *name, const char *title)
{
    char *rel = xasprintf("content/pages/%s.md", name);
    char *text = xasprintf("---\ntitle: \"%s\"\nsummary: \"About the site.\"\n"
                           "reviewed: 2026-12-01\n---\nThis page is about the site.\n",
                           title);
    assert_true(e2e_put(dir, rel, text));
    free(text);
    free(rel);
}

/* "Add a link to the footer": site pages by footer_pages, another address in layout.xsl
 * with its string. */
static void test_footer_link(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    S_site_page(dir, "about", "About this site");
    S_site_page(dir, "privacy", "Privacy");
    char *pages = S_snippet(S_FOOTER_PAGES);
    char *yaml = xasprintf("%sreview_max_age_days:", pages);
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days:", yaml));
    free(yaml);
    char *link = S_snippet(S_FOOTER_LINK);
    S_insert(dir, "templates/layout.xsl", "<ul class=\"footer-links\"",
             "        <xsl:if test=\"normalize-space($site/links/@feed)\">", link);
    /* The string, as the recipe gives it. */
    S_insert(dir, "templates/strings.xml", "<strings>", "</strings>",
             "  <str id=\"footer-booking\">\n    <t lang=\"en\">Book a consultation</t>\n"
             "    <t lang=\"ko\">상담 예약</t>\n  </str>\n");
    S_build(dir);
    xmlDocPtr doc = e2e_page(dir, "site/index.html");
    const char *ul = "//footer[@class='site-footer']//ul[@class='footer-links']";
    char *expr = xasprintf("%s/li[a[@href='/kb/about/'][.='About this site']]"
                           "/following-sibling::li[1]/a[@href='/kb/privacy/'][.='Privacy']",
                           ul);
    e2e_expect(doc, "/kb/", expr, 1);
    free(expr);
    expr = xasprintf("%s/li[a[@href='https://clinic.example/booking/']"
                     "[normalize-space(.)='Book a consultation']]"
                     "/following-sibling::li[last()]/a[@type='application/atom+xml']",
                     ul);
    e2e_expect(doc, "/kb/", expr, 1);
    free(expr);
    xmlFreeDoc(doc);
    /* On every page: an article's too. */
    doc = e2e_page(dir, "site/articles/layers/index.html");
    e2e_expect(doc, "/kb/articles/layers/",
            "//footer//a[@href='https://clinic.example/booking/']", 1);
    xmlFreeDoc(doc);
    free(link);
    free(pages);
    e2e_done(dir);
}

/* "Add an interface string in both languages", on the bilingual fixture. */
static void test_interface_string(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "bilingual");
    assert_non_null(dir);
    char *str = S_snippet(S_STRING);
    S_insert(dir, "templates/strings.xml", "<strings>", "</strings>", str);
    char *use = S_snippet(S_STRING_USE);
    S_insert(dir, "templates/layout.xsl", "<xsl:template name=\"site-footer\">",
             "      <ul class=\"footer-links\" role=\"list\">", use);
    S_build(dir);
    xmlDocPtr doc = e2e_page(dir, "site/index.html");
    e2e_expect(doc, "/", "/html[@lang='ko']//footer/p[@class='footer-hours']"
                      "[normalize-space(.)='월요일부터 토요일까지, 오전 10시부터 오후 6시까지 "
                      "진료합니다.']", 1);
    xmlFreeDoc(doc);
    doc = e2e_page(dir, "site/en/index.html");
    e2e_expect(doc, "/en/", "/html[@lang='en']//footer/p[@class='footer-hours']"
                         "[normalize-space(.)='Open Monday to Saturday, 10 am to 6 pm.']", 1);
    xmlFreeDoc(doc);
    free(use);
    free(str);
    e2e_done(dir);
}

/* "Change the colours": the brand colour, in the :root block only. */
static void test_change_colours(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *brand = S_snippet(S_BRAND);
    assert_true(e2e_edit(dir, "templates/assets/site.css", "  --colour-brand: #0b4f5c;\n", brand));
    S_build(dir);
    char *name = e2e_asset_name(dir, "site.css");
    char *path = xasprintf("%s/site/assets/%s", dir, name);
    size_t len;
    char *css = file_read(path, &len);
    if (!css)
        fail_msg("the changed style sheet is not published as %s", name);
    assert_non_null(strstr(css, "--colour-brand: #1f5130;"));
    assert_null(strstr(css, "#0b4f5c"));
    /* The rules take it from there: the care cards, the buttons, the diagrams' ligaments. */
    assert_non_null(strstr(css, "--care: var(--colour-brand);"));
    assert_non_null(strstr(css, "stroke: var(--colour-brand);"));
    xmlDocPtr doc = e2e_page(dir, "site/articles/layers/index.html");
    char *expr = xasprintf("//head/link[@rel='stylesheet'][@href='/kb/assets/%s']", name);
    e2e_expect(doc, "/kb/articles/layers/", expr, 1);
    free(expr);
    xmlFreeDoc(doc);
    free(css);
    free(path);
    free(name);
    free(brand);
    e2e_done(dir);
}

/* "Add a page kind": what it can do without a new kind, a site page with a look of its own. */
static void test_site_page_instead_of_kind(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *page = S_snippet(S_SITE_PAGE);
    assert_true(e2e_put(dir, "content/pages/hours.md", page));
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days:",
                         "footer_pages: [hours]\nreview_max_age_days:"));
    char *cls = S_snippet(S_PAGE_CLASS);
    /* The recipe's line in place of page.xsl's, without its own indentation. */
    char *line = cls;
    while (*line == ' ')
        line++;
    line[strcspn(line, "\n")] = '\0';
    assert_true(e2e_edit(dir, "templates/page.xsl", "<article class=\"site-page\">", line));
    S_build(dir);
    xmlDocPtr doc = e2e_page(dir, "site/hours/index.html");
    e2e_expect(doc, "/kb/hours/", "//main//article[contains(concat(' ', @class, ' '), "
                               "' site-page-hours ')]//h1[.='Opening hours']", 1);
    e2e_expect(doc, "/kb/hours/", "//main//h2[starts-with(normalize-space(.), 'Hours')]", 1);
    e2e_expect(doc, "/kb/hours/", "//aside[contains(@class, 'medical-disclaimer')]", 1);
    xmlFreeDoc(doc);
    doc = e2e_page(dir, "site/index.html");
    e2e_expect(doc, "/kb/", "//footer//a[@href='/kb/hours/'][.='Opening hours']", 1);
    xmlFreeDoc(doc);
    free(cls);
    free(page);
    e2e_done(dir);
}

/* Whether the CSS text at p (a declaration's value) starts a hex colour: #abc, #aabbcc... */
static bool S_hex_colour(const char *p)
{
    size_t n = 0;
    while (isxdigit((unsigned char)p[1 + n]))
        n++;
    return p[0] == '#' && (n == 3 || n == 4 || n == 6 || n == 8) &&
           !isalnum((unsigned char)p[1 + n]) && p[1 + n] != '-' && p[1 + n] != '_';
}

/* What the Colours recipe relies on: site.css sets every colour and font size in its first
 * :root block; outside it, no hex colour and one px font size, which says why. */
static void test_stylesheet_settings(void **state)
{
    (void)state;
    char *path = path_join(S_root, "templates/assets/site.css");
    size_t len;
    char *css = file_read(path, &len);
    assert_non_null(css);
    char *root = strstr(css, ":root {");
    assert_non_null(root);
    const char *after = strchr(root, '}');
    assert_non_null(after);
    unsigned hex = 0, px = 0;
    unsigned line = 1;
    for (const char *p = css; p < after; p++)
        line += *p == '\n';
    for (const char *p = after; *p; p++) {
        if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            for (const char *q = p; end && q < end; q++)
                line += *q == '\n';
            p = end ? end + 1 : p + strlen(p) - 1;
            continue;
        }
        line += *p == '\n';
        /* A colour in a value: after the declaration's colon on its line. */
        if (*p == '#' && S_hex_colour(p)) {
            const char *bol = p;
            while (bol > css && bol[-1] != '\n')
                bol--;
            if (memchr(bol, ':', (size_t)(p - bol)) && !memchr(bol, '{', (size_t)(p - bol))) {
                print_error("site.css:%u: a colour outside the :root block\n", line);
                hex++;
            }
        }
        if (!strncmp(p, "font-size:", 10)) {
            const char *v = p + 10;
            size_t vlen = strcspn(v, ";}");
            if (memmem(v, vlen, "px", 2)) {
                /* Allowed where the comment just before says why. */
                const char *q = p;
                while (q > css && q[-1] != '\n')
                    q--;
                bool explained = q - 3 > css && !strncmp(q - 3, "*/\n", 3);
                if (!explained)
                    print_error("site.css:%u: a px font size without a comment\n", line);
                px += explained ? 1 : 100;
            }
        }
    }
    assert_int_equal(hex, 0);
    assert_int_equal(px, 1);
    /* The groups the recipe names. */
    assert_true(strstr(root, "--colour-brand:") < after);
    assert_true(strstr(root, "--font-size-body:") < after);
    assert_true(strstr(root, "--space-l:") < after);
    free(css);
    free(path);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_footer_link),
        cmocka_unit_test(test_interface_string),
        cmocka_unit_test(test_change_colours),
        cmocka_unit_test(test_site_page_instead_of_kind),
        cmocka_unit_test(test_stylesheet_settings),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(S_root);
    return failed;
}
