/*
 * test_markdown.c: unit tests for markdown.h (CommonMark to a libxml2 element tree).
 *
 * Every rendering is serialised with xmlNodeDump and compared as an exact string; every
 * diagnostic is compared in its printed form, with file, line and column. The bodies start
 * at line 10 of their file, as an article body does after its front matter.
 */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/str.h"
#include "markdown/markdown.h"

#define FILE_NAME "content/articles/smas.md"
#define FIRST_LINE 10

static markdown_result *S_render(const char *text, int options, const markdown_hooks *hooks,
                                 diag_list *diags)
{
    return markdown_render(FILE_NAME, text, strlen(text), FIRST_LINE, options, hooks, diags);
}

/* Assert that text renders to expected with no diagnostics. */
static void S_expect(const char *text, int options, const char *expected)
{
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(text, options, NULL, diags);
    assert_non_null(r);
    assert_non_null(r->body);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, expected);
    assert_int_equal(diag_count(diags), 0);
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

/* ---- blocks and inlines ---- */

static void test_paragraphs_and_emphasis(void **state)
{
    (void)state;
    S_expect("One *two* **three** _four_\nfive\n\nSix  \nseven\\\neight",
             0,
             "<body><p>One <em>two</em> <strong>three</strong> <em>four</em>\nfive</p>"
             "<p>Six<br/>seven<br/>eight</p></body>");
}

static void test_text_is_escaped_not_markup(void **state)
{
    (void)state;
    S_expect("a &amp; b < c \\<d> & e", 0,
             "<body><p>a &amp; b &lt; c &lt;d&gt; &amp; e</p></body>");
}

static void test_blockquote_rule_and_link_title(void **state)
{
    (void)state;
    S_expect("> quoted *text*\n\n---\n\n[site](https://example.org/ \"The site\")", 0,
             "<body><blockquote><p>quoted <em>text</em></p></blockquote><hr/>"
             "<p><a href=\"https://example.org/\" title=\"The site\">site</a></p></body>");
}

static void test_tight_lists(void **state)
{
    (void)state;
    S_expect("- a\n- *b*\n", 0, "<body><ul><li>a</li><li><em>b</em></li></ul></body>");
    S_expect("1. one\n2. two\n", 0, "<body><ol><li>one</li><li>two</li></ol></body>");
}

static void test_loose_list(void **state)
{
    (void)state;
    S_expect("- a\n\n- b\n", 0, "<body><ul><li><p>a</p></li><li><p>b</p></li></ul></body>");
}

static void test_ordered_list_start(void **state)
{
    (void)state;
    S_expect("3. three\n4. four\n", 0,
             "<body><ol start=\"3\"><li>three</li><li>four</li></ol></body>");
    S_expect("0. zero\n", 0, "<body><ol start=\"0\"><li>zero</li></ol></body>");
}

static void test_nested_list(void **state)
{
    (void)state;
    S_expect("- a\n  - b\n- c\n", 0,
             "<body><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul></body>");
}

static void test_code_span(void **state)
{
    (void)state;
    S_expect("Use `a<b && c` here", 0,
             "<body><p>Use <code>a&lt;b &amp;&amp; c</code> here</p></body>");
}

static void test_fenced_code_with_language(void **state)
{
    (void)state;
    S_expect("```python extra words\nprint(\"<x>\")\n```\n", 0,
             "<body><pre><code class=\"language-python\">print(\"&lt;x&gt;\")\n"
             "</code></pre></body>");
}

static void test_fenced_code_without_language(void **state)
{
    (void)state;
    S_expect("```\nplain\n```\n", 0, "<body><pre><code>plain\n</code></pre></body>");
    S_expect("    indented\n", 0, "<body><pre><code>indented\n</code></pre></body>");
}

/* ---- headings ---- */

static void test_heading_id_and_anchor(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("## What *is* `SMAS`?\n\n### Risks & side-effects\n", 0,
                                  NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(
        got, "<body><h2 id=\"what-is-smas\">What <em>is</em> <code>SMAS</code>? "
             "<a class=\"heading-anchor\" href=\"#what-is-smas\" "
             "aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>"
             "<h3 id=\"risks-side-effects\">Risks &amp; side-effects "
             "<a class=\"heading-anchor\" href=\"#risks-side-effects\" "
             "aria-hidden=\"true\" tabindex=\"-1\">#</a></h3></body>");
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(r->n_headings, 2);
    assert_int_equal(r->headings[0].level, 2);
    assert_string_equal(r->headings[0].id, "what-is-smas");
    assert_string_equal(r->headings[0].text, "What is SMAS?");
    assert_int_equal(r->headings[1].level, 3);
    assert_string_equal(r->headings[1].id, "risks-side-effects");
    assert_string_equal(r->headings[1].text, "Risks & side-effects");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_duplicate_heading_ids(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("## Causes\n\n## Causes\n\n## Causes\n\n## !!!\n\n## ???\n", 0,
                                  NULL, diags);
    assert_int_equal(r->n_headings, 5);
    assert_string_equal(r->headings[0].id, "causes");
    assert_string_equal(r->headings[1].id, "causes-1");
    assert_string_equal(r->headings[2].id, "causes-2");
    assert_string_equal(r->headings[3].id, "section");
    assert_string_equal(r->headings[4].id, "section-1");
    char *got = tu_dump(NULL, r->body);
    assert_non_null(strstr(got, "<h2 id=\"causes-1\">Causes <a class=\"heading-anchor\" "
                                "href=\"#causes-1\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>"));
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_reserved_heading_ids(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("## Main\n\n## Medical disclaimer\n\n## Main\n\n## Content\n",
                                  0, NULL, diags);
    assert_int_equal(r->n_headings, 4);
    assert_string_equal(r->headings[0].id, "main-1");
    assert_string_equal(r->headings[1].id, "medical-disclaimer-1");
    assert_string_equal(r->headings[2].id, "main-2");
    assert_string_equal(r->headings[3].id, "content-1");
    char *got = tu_dump(NULL, r->body);
    assert_non_null(strstr(got, "<h2 id=\"main-1\">Main <a class=\"heading-anchor\" "
                                "href=\"#main-1\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>"));
    assert_null(strstr(got, "id=\"main\""));
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

/*
 * templates/README.md, "Ids the templates use": heading ids made from the article's text
 * must not take any id the templates write (toc-heading, related-heading, ...).
 */
static void test_template_heading_ids_are_reserved(void **state)
{
    (void)state;
    static const char *const template_ids[] = {
        "toc-heading",          "related-heading",        "topics-heading",
        "newest-heading",       "topic-articles-heading", "other-topics-heading",
        "not-found-topics-heading", NULL};
    /* Collect first, assert after freeing, so a failure leaks nothing. */
    strlist rendered = STRLIST_INIT, scanned = STRLIST_INIT, expected = STRLIST_INIT;
    for (size_t i = 0; template_ids[i]; i++) {
        char *text = xasprintf("## %s\n", template_ids[i]);
        strlist_push_owned(&expected, xasprintf("%s-1", template_ids[i]));
        diag_list *diags = diag_list_new();
        markdown_result *r = S_render(text, 0, NULL, diags);
        strlist_push(&rendered, r->n_headings == 1 ? r->headings[0].id : "(none)");
        markdown_heading_ids(text, strlen(text), &scanned);
        markdown_result_free(r);
        diag_list_free(diags);
        free(text);
    }
    size_t n = expected.len;
    bool same_len = rendered.len == n && scanned.len == n;
    size_t bad = n;
    for (size_t i = 0; same_len && i < n && bad == n; i++)
        if (strcmp(rendered.items[i], expected.items[i]) != 0 ||
            strcmp(scanned.items[i], expected.items[i]) != 0)
            bad = i;
    char got[128] = "", want[128] = "";
    if (bad < n) {
        snprintf(got, sizeof got, "%s / %s", rendered.items[bad], scanned.items[bad]);
        snprintf(want, sizeof want, "%s / %s", expected.items[bad], expected.items[bad]);
    }
    strlist_free(&rendered);
    strlist_free(&scanned);
    strlist_free(&expected);
    assert_true(same_len);
    assert_string_equal(got, want);
}

static void test_korean_heading_id(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("## 스마스 층의 구조\n", 0, NULL, diags);
    assert_int_equal(r->n_headings, 1);
    assert_string_equal(r->headings[0].id, "스마스-층의-구조");
    assert_string_equal(r->headings[0].text, "스마스 층의 구조");
    xmlNodePtr h2 = r->body->children;
    assert_non_null(h2);
    assert_string_equal((const char *)h2->name, "h2");
    xmlChar *id = xmlGetProp(h2, BAD_CAST "id");
    assert_string_equal((const char *)id, "스마스-층의-구조");
    xmlFree(id);
    xmlChar *href = xmlGetProp(h2->last, BAD_CAST "href");
    assert_string_equal((const char *)href, "#스마스-층의-구조");
    xmlFree(href);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_level1_heading_error_under_no_h1(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("Intro\n\n   # Title\n\nSetext title\n============\n\n## Fine\n",
                                  MARKDOWN_NO_H1, NULL, diags);
    assert_int_equal(diag_count(diags), 2);
    assert_int_equal(diag_error_count(diags), 2);
    assert_int_equal(r->errors, 2); /* the result counts its own errors */
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:12:4: error: a level-1 heading ('# ...') repeats "
                   "the page title; start sections with '## ' instead [heading]");
    tu_expect_diag(diags, 1,
                   "content/articles/smas.md:14:1: error: a level-1 heading ('# ...') repeats "
                   "the page title; start sections with '## ' instead [heading]");
    markdown_result_free(r);
    diag_list_free(diags);
}

/* MARKDOWN_KOREAN: a Korean writer's text is told its mistakes in Korean, at the same place
 * and under the same category (a malformed citation: test_errors_ko.c, through the build's
 * hooks). */
static void test_korean_messages(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *want; /* after "FILE:" */
    } cases[] = {
        {"# 제목\n", "10:1: error: 1단계 제목('# ...')은 페이지 제목과 겹칩니다. 절은 '## '로 "
                   "시작해 주십시오 [heading]"},
        {"<div>글</div>\n", "10:1: warning: HTML은 게시되지 않아 뺐습니다. 대신 마크다운으로 "
                           "써 주십시오 [html]"},
        {"[글](javascript:alert(1))\n",
         "10:1: warning: 'javascript:alert(1)'(으)로 가는 링크는 안전하지 않아 뺐습니다. 웹 "
         "페이지(https://...)나 다른 글에 링크해 주십시오 [link]"},
        {"![글](javascript:x)\n",
         "10:1: warning: 이미지 'javascript:x'은(는) 안전하지 않아 뺐습니다. 이미지를 "
         "content/media/에 넣어 주십시오 [image]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        diag_list *diags = diag_list_new();
        markdown_result *r =
            S_render(cases[i].text, MARKDOWN_NO_H1 | MARKDOWN_KOREAN, NULL, diags);
        char *want = xasprintf("%s:%s", FILE_NAME, cases[i].want);
        if (!diag_count(diags))
            fail_msg("case %zu: no finding, wanted %s", i, want);
        tu_expect_diag(diags, 0, want);
        free(want);
        markdown_result_free(r);
        diag_list_free(diags);
    }
    char *quotes = xcalloc(2 * 100 + 6, 1);
    for (size_t i = 0; i < 100; i++)
        memcpy(quotes + 2 * i, "> ", 2);
    memcpy(quotes + 200, "deep\n", 5);
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(quotes, MARKDOWN_KOREAN, NULL, diags);
    tu_expect_diag(diags, 0, FILE_NAME ":10:127: error: 이곳에서 인용이나 목록이 64단계보다 "
                             "깊이 겹쳐 있습니다. 읽는 사람이 따라갈 수 없고 suture도 빌드하지 "
                             "않으니 단계를 줄여 주십시오 [markdown]");
    markdown_result_free(r);
    diag_list_free(diags);
    free(quotes);
}

static void test_level1_heading_allowed_without_no_h1(void **state)
{
    (void)state;
    S_expect("# Title\n", 0,
             "<body><h1 id=\"title\">Title <a class=\"heading-anchor\" href=\"#title\" "
             "aria-hidden=\"true\" tabindex=\"-1\">#</a></h1></body>");
}

/* ---- raw HTML ---- */

static void test_raw_html_block_left_out_with_warning(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("Before\n\n<div class=\"x\">\nhidden\n</div>\n\nAfter\n", 0,
                                  NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Before</p><p>After</p></body>");
    assert_int_equal(diag_count(diags), 1);
    assert_int_equal(diag_error_count(diags), 0);
    assert_int_equal(diag_get(diags, 0)->severity, DIAG_WARNING);
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:12:1: warning: raw HTML is not published and was "
                   "left out; use Markdown instead [html]");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_raw_html_inline_left_out_with_warning(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("Line one\nA <b>bold</b> word\n", 0, NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Line one\nA bold word</p></body>");
    assert_int_equal(diag_count(diags), 2);
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:11:3: warning: raw HTML is not published and was "
                   "left out; use Markdown instead [html]");
    tu_expect_diag(diags, 1,
                   "content/articles/smas.md:11:10: warning: raw HTML is not published and was "
                   "left out; use Markdown instead [html]");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_html_comments_left_out_silently(void **state)
{
    (void)state;
    S_expect("Text <!-- an inline note --> more\n\n<!-- a block comment -->\n\nEnd\n", 0,
             "<body><p>Text  more</p><p>End</p></body>");
}

/* ---- unsafe URLs ---- */

static void test_unsafe_links_left_out_with_warning(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(
        "[a](javascript:alert(1))\n[b](VBScript:msgbox)\n[c](file:///etc/passwd)\n"
        "[d](data:text/html,x)\n[e](data:image/png;base64,AAAA)\n",
        0, NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got,
                        "<body><p><a>a</a>\n<a>b</a>\n<a>c</a>\n<a>d</a>\n<a>e</a></p></body>");
    assert_int_equal(diag_count(diags), 5);
    assert_int_equal(diag_error_count(diags), 0);
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:10:1: warning: the link to 'javascript:alert(1)' is "
                   "unsafe and was left out; link to a web page (https://...) or another article "
                   "instead [link]");
    tu_expect_diag(diags, 1,
                   "content/articles/smas.md:11:1: warning: the link to 'VBScript:msgbox' is "
                   "unsafe and was left out; link to a web page (https://...) or another article "
                   "instead [link]");
    tu_expect_diag(diags, 2,
                   "content/articles/smas.md:12:1: warning: the link to 'file:///etc/passwd' is "
                   "unsafe and was left out; link to a web page (https://...) or another article "
                   "instead [link]");
    tu_expect_diag(diags, 3,
                   "content/articles/smas.md:13:1: warning: the link to 'data:text/html,x' is "
                   "unsafe and was left out; link to a web page (https://...) or another article "
                   "instead [link]");
    tu_expect_diag(diags, 4,
                   "content/articles/smas.md:14:1: warning: the link to "
                   "'data:image/png;base64,AAAA' is unsafe and was left out; link to a web page "
                   "(https://...) or another article instead [link]");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_unsafe_images_left_out_with_warning(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(
        "A ![x](javascript:alert(1)) B ![y](data:text/html,z) C ![s](data:image/svg+xml,q) D\n",
        0, NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>A  B  C  D</p></body>");
    assert_int_equal(diag_count(diags), 3);
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:10:3: warning: the image 'javascript:alert(1)' is "
                   "unsafe and was left out; put the image in content/media/ [image]");
    tu_expect_diag(diags, 1,
                   "content/articles/smas.md:10:31: warning: the image 'data:text/html,z' is "
                   "unsafe and was left out; put the image in content/media/ [image]");
    tu_expect_diag(diags, 2,
                   "content/articles/smas.md:10:56: warning: the image 'data:image/svg+xml,q' is "
                   "unsafe and was left out; put the image in content/media/ [image]");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_data_png_image_allowed(void **state)
{
    (void)state;
    S_expect("![dot *red*](data:image/png;base64,iVBORw0K \"Dot\")\n", 0,
             "<body><p><img src=\"data:image/png;base64,iVBORw0K\" alt=\"dot red\" "
             "title=\"Dot\"/></p></body>");
}

static void test_url_is_unsafe(void **state)
{
    (void)state;
    assert_true(markdown_url_is_unsafe("javascript:x", false));
    assert_true(markdown_url_is_unsafe("JavaScript:x", true));
    assert_true(markdown_url_is_unsafe("  javascript:x", false));
    assert_true(markdown_url_is_unsafe("vbscript:x", false));
    assert_true(markdown_url_is_unsafe("FILE:///etc/passwd", true));
    assert_true(markdown_url_is_unsafe("data:text/html,x", false));
    assert_true(markdown_url_is_unsafe("data:text/html,x", true));
    assert_true(markdown_url_is_unsafe("data:image/png;base64,A", false));
    assert_true(markdown_url_is_unsafe("data:image/svg+xml,x", true));
    assert_false(markdown_url_is_unsafe("data:image/png;base64,A", true));
    assert_false(markdown_url_is_unsafe("DATA:IMAGE/PNG;base64,A", true));
    assert_false(markdown_url_is_unsafe("data:image/gif;base64,A", true));
    assert_false(markdown_url_is_unsafe("data:image/jpeg;base64,A", true));
    assert_false(markdown_url_is_unsafe("data:image/webp;base64,A", true));
    assert_false(markdown_url_is_unsafe("https://example.org/", false));
    assert_false(markdown_url_is_unsafe("mailto:a@example.org", false));
    assert_false(markdown_url_is_unsafe("dimpling.md#causes", false));
    assert_false(markdown_url_is_unsafe("javascript.md", false));
    assert_false(markdown_url_is_unsafe("/media/x.jpg", true));
    assert_false(markdown_url_is_unsafe("", false));
}

/*
 * Browsers read a URL after dropping leading C0 controls and spaces and every tab and
 * newline (WHATWG URL standard, "basic URL parser"), and libxml2's HTML serialiser drops
 * control characters from attribute values. So "\x01javascript:" and "java\tscript:" are
 * javascript: URLs on the published page and must count as unsafe.
 */
static void test_url_is_unsafe_as_a_browser_reads_it(void **state)
{
    (void)state;
    static const char *const urls[] = {"\x01javascript:alert(1)", "\x1f javascript:x",
                                       "java\tscript:alert(1)",     "java\nscript:alert(1)",
                                       "java\x01script:alert(1)",   "\x01vbscript:x",
                                       "fi\tle:///etc/passwd",      NULL};
    /* Name every URL that passes as safe, escaped, so a failure lists them all. */
    char safe[512] = "";
    size_t k = 0;
    for (size_t i = 0; urls[i]; i++) {
        if (markdown_url_is_unsafe(urls[i], false) && markdown_url_is_unsafe(urls[i], true))
            continue;
        for (size_t j = 0; urls[i][j] && k + 8 < sizeof safe; j++) {
            unsigned char c = (unsigned char)urls[i][j];
            k += (size_t)snprintf(safe + k, sizeof safe - k, c < 0x20 ? "\\x%02x" : "%c", c);
        }
        if (k + 2 < sizeof safe)
            k += (size_t)snprintf(safe + k, sizeof safe - k, " ");
    }
    assert_string_equal(safe, "");
}

static void test_control_character_link_left_out(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("[Ask us](&#1;javascript:alert(1))\n", 0, NULL, diags);
    char *got = tu_dump(NULL, r->body);
    size_t n = diag_count(diags);
    markdown_result_free(r);
    diag_list_free(diags);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", got);
    free(got);
    assert_string_equal(buf, "<body><p><a>Ask us</a></p></body>");
    assert_int_equal(n, 1);
}

/* ---- checking only ---- */

/* MARKDOWN_NO_TEXT keeps the elements, the headings and their ids and every message, and
 * leaves out the text: the words, line breaks and code. */
static void test_no_text(void **state)
{
    (void)state;
    static const char text[] = "## Risks *now*\n\nSome `code` and\na [link](javascript:x)\n\n"
                               "```\nplain code\n```\n";
    diag_list *full = diag_list_new(), *bare = diag_list_new();
    markdown_result *a = S_render(text, 0, NULL, full);
    markdown_result *b = S_render(text, MARKDOWN_NO_TEXT, NULL, bare);
    char *got = tu_dump(NULL, b->body);
    assert_string_equal(got, "<body><h2 id=\"risks-now\"><em/> <a class=\"heading-anchor\" "
                             "href=\"#risks-now\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2><p>"
                             "<code/><a/></p><pre><code/></pre></body>");
    assert_int_equal(b->n_headings, a->n_headings);
    assert_string_equal(b->headings[0].id, a->headings[0].id);
    assert_string_equal(b->headings[0].text, "Risks now");
    assert_int_equal(diag_count(bare), diag_count(full));
    assert_true(diag_count(full) > 0); /* the unsafe link */
    for (size_t i = 0; i < diag_count(full); i++) {
        char *x = diag_format(diag_get(full, i)), *y = diag_format(diag_get(bare, i));
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    free(got);
    markdown_result_free(a);
    markdown_result_free(b);
    diag_list_free(full);
    diag_list_free(bare);
}

/* ---- citations ---- */

/* markdown_hooks.cite for the tests: ids "a", "b", "c" are sources 1, 2, 3 on the page, in
 * the order first cited; any other id is unknown (0, and an error the hook reports). */
typedef struct {
    strlist order;
    diag_list *diags;
} S_cites;

static unsigned S_cite_hook(void *ctx, const char *id, unsigned line, unsigned column,
                            bool *first)
{
    S_cites *c = ctx;
    if (strcmp(id, "a") && strcmp(id, "b") && strcmp(id, "c")) {
        diag_error(c->diags, FILE_NAME, line, column, "citation", "no source '%s'", id);
        return 0;
    }
    for (size_t i = 0; i < c->order.len; i++)
        if (strcmp(c->order.items[i], id) == 0)
            return (unsigned)i + 1;
    strlist_push(&c->order, id);
    *first = true;
    return (unsigned)c->order.len;
}

/* Citations become numbered links to #source-N, in ascending order, each number once; the
 * first citation of a number has the id the list of sources links back to. */
static void test_citations_render(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    S_cites c = {.order = STRLIST_INIT, .diags = diags};
    markdown_hooks hooks = {.ctx = &c, .cite = S_cite_hook};
    markdown_result *r = S_render("The *SMAS* [@b]. Again [@c; @b;@b]\n\n- [@b]\n", 0,
                                  &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(
        got,
        "<body><p>The <em>SMAS</em><sup class=\"citation\"><a href=\"#source-1\" "
        "id=\"cite-1\" aria-describedby=\"sources\">1</a></sup>. Again<sup "
        "class=\"citation\"><a href=\"#source-1\" aria-describedby=\"sources\">1</a>,<a "
        "href=\"#source-2\" id=\"cite-2\" aria-describedby=\"sources\">2</a></sup></p>"
        "<ul><li><sup class=\"citation\"><a href=\"#source-1\" "
        "aria-describedby=\"sources\">1</a></sup></li></ul></body>");
    assert_int_equal(diag_count(diags), 0);
    free(got);
    markdown_result_free(r);
    strlist_free(&c.order);
    diag_list_free(diags);
}

/* A bracket that is not a citation is an error at its '[', in characters (Korean text
 * counts one column a syllable); one with an unknown id keeps its text and its space. */
static void test_citation_mistakes(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    S_cites c = {.order = STRLIST_INIT, .diags = diags};
    markdown_hooks hooks = {.ctx = &c, .cite = S_cite_hook};
    markdown_result *r = S_render("스마스 [@a, p. 3] and *x* [@zz; @a]", 0, &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>스마스 [@a, p. 3] and <em>x</em> [@zz; @a]</p></body>");
    assert_int_equal(r->errors, 1);
    assert_int_equal(diag_count(diags), 2);
    tu_expect_diag(diags, 0,
                   "content/articles/smas.md:10:5: error: '[@a, p. 3]' is not a citation "
                   "suture can read: write [@id] for one source, or [@id1; @id2] for several, "
                   "with the ids of content/sources.yaml [citation]");
    tu_expect_diag(diags, 1, "content/articles/smas.md:10:26: error: no source 'zz' [citation]");
    free(got);
    markdown_result_free(r);
    strlist_free(&c.order);
    diag_list_free(diags);
    /* Without the hook, citations are text. */
    S_expect("x [@a]", 0, "<body><p>x [@a]</p></body>");
}

/* A heading whose id would be a citation's (cite-1, source-2) or the list's (sources) takes
 * another. */
static void test_citation_ids_reserved(void **state)
{
    (void)state;
    strlist ids = STRLIST_INIT;
    const char *text = "## Sources\n\n## Source 2\n\n## Cite 10\n\n## Cite x\n";
    markdown_heading_ids(text, strlen(text), &ids);
    assert_int_equal(ids.len, 4);
    assert_string_equal(ids.items[0], "sources-1");
    assert_string_equal(ids.items[1], "source-2-heading");
    assert_string_equal(ids.items[2], "cite-10-heading");
    assert_string_equal(ids.items[3], "cite-x");
    strlist_free(&ids);
}

/* A heading never takes a glossary popover's id (def-<term>, article.xsl): "Def SMAS"
 * would be def-smas. */
static void test_popover_ids_reserved(void **state)
{
    (void)state;
    strlist ids = STRLIST_INIT;
    const char *text = "## Def SMAS\n\n## Def\n\n## Defence\n";
    markdown_heading_ids(text, strlen(text), &ids);
    assert_int_equal(ids.len, 3);
    assert_string_equal(ids.items[0], "def-smas-heading");
    assert_string_equal(ids.items[1], "def");
    assert_string_equal(ids.items[2], "defence");
    strlist_free(&ids);
}

/* ---- hooks ---- */

typedef struct {
    char *link_url;
    unsigned link_line, link_column;
    int link_calls;
    char *image_url, *image_alt;
    unsigned image_line, image_column;
    int image_calls;
    char *fenced_info, *fenced_content;
    size_t fenced_len;
    unsigned fenced_line, fenced_column;
    int fenced_calls;
} S_hook_log;

static char *S_link_hook(void *ctx, const char *url, unsigned line, unsigned column)
{
    S_hook_log *log = ctx;
    log->link_calls++;
    free(log->link_url);
    log->link_url = xstrdup(url);
    log->link_line = line;
    log->link_column = column;
    if (strcmp(url, "dimpling.md#causes") == 0)
        return xstrdup("/articles/dimpling/#causes");
    return NULL;
}

static char *S_image_hook(void *ctx, const char *url, const char *alt, unsigned line,
                          unsigned column)
{
    S_hook_log *log = ctx;
    log->image_calls++;
    free(log->image_url);
    free(log->image_alt);
    log->image_url = xstrdup(url);
    log->image_alt = xstrdup(alt);
    log->image_line = line;
    log->image_column = column;
    return xasprintf("/%s", url);
}

static bool S_fenced_hook(void *ctx, const char *info, const char *content, size_t len,
                          unsigned line, unsigned column, xmlNodePtr parent)
{
    S_hook_log *log = ctx;
    if (strcmp(info, "compare") != 0)
        return false;
    log->fenced_calls++;
    free(log->fenced_info);
    free(log->fenced_content);
    log->fenced_info = xstrdup(info);
    log->fenced_content = xstrndup(content, len);
    log->fenced_len = len;
    log->fenced_line = line;
    log->fenced_column = column;
    xmlNodePtr div = xmlNewChild(parent, NULL, BAD_CAST "div", NULL);
    xmlNewProp(div, BAD_CAST "class", BAD_CAST "handled");
    return true;
}

static void S_log_free(S_hook_log *log)
{
    free(log->link_url);
    free(log->image_url);
    free(log->image_alt);
    free(log->fenced_info);
    free(log->fenced_content);
}

static void test_link_and_image_hooks(void **state)
{
    (void)state;
    S_hook_log log = {0};
    markdown_hooks hooks = {&log, S_link_hook, S_image_hook, S_fenced_hook, NULL, NULL};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(
        "Intro\n\nSee [the causes](dimpling.md#causes) and ![a *photo*](media/x.jpg).\n", 0,
        &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Intro</p><p>See <a href=\"/articles/dimpling/#causes\">"
                             "the causes</a> and <img src=\"/media/x.jpg\" alt=\"a photo\"/>."
                             "</p></body>");
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(log.link_calls, 1);
    assert_string_equal(log.link_url, "dimpling.md#causes");
    assert_int_equal(log.link_line, 12);
    assert_int_equal(log.link_column, 5);
    assert_int_equal(log.image_calls, 1);
    assert_string_equal(log.image_url, "media/x.jpg");
    assert_string_equal(log.image_alt, "a photo");
    assert_int_equal(log.image_line, 12);
    assert_int_equal(log.image_column, 42);
    free(got);
    S_log_free(&log);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_link_hook_keeps_url_on_null(void **state)
{
    (void)state;
    S_hook_log log = {0};
    markdown_hooks hooks = {&log, S_link_hook, NULL, NULL, NULL, NULL};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("Line\n[web](https://example.org/a)\n", 0, &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Line\n<a href=\"https://example.org/a\">web</a></p></body>");
    assert_int_equal(log.link_calls, 1);
    assert_int_equal(log.link_line, 11);
    assert_int_equal(log.link_column, 1);
    free(got);
    S_log_free(&log);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_hooks_not_called_for_unsafe_urls(void **state)
{
    (void)state;
    S_hook_log log = {0};
    markdown_hooks hooks = {&log, S_link_hook, S_image_hook, NULL, NULL, NULL};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("[a](javascript:x) ![b](file:///x.png)\n", 0, &hooks, diags);
    assert_int_equal(log.link_calls, 0);
    assert_int_equal(log.image_calls, 0);
    assert_int_equal(diag_count(diags), 2);
    S_log_free(&log);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_fenced_hook_position(void **state)
{
    (void)state;
    S_hook_log log = {0};
    markdown_hooks hooks = {&log, NULL, NULL, S_fenced_hook, NULL, NULL};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(
        "Intro\n\n```compare\nprocedures: thread-lift\ncaption: X\n```\n\n"
        "```python\nx = 1\n```\n",
        0, &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Intro</p><div class=\"handled\"/>"
                             "<pre><code class=\"language-python\">x = 1\n</code></pre></body>");
    assert_int_equal(log.fenced_calls, 1);
    assert_string_equal(log.fenced_info, "compare");
    assert_string_equal(log.fenced_content, "procedures: thread-lift\ncaption: X\n");
    assert_int_equal(log.fenced_len, strlen("procedures: thread-lift\ncaption: X\n"));
    assert_int_equal(log.fenced_line, 13);
    assert_int_equal(log.fenced_column, 1);
    free(got);
    S_log_free(&log);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_fenced_hook_position_in_blockquote(void **state)
{
    (void)state;
    S_hook_log log = {0};
    markdown_hooks hooks = {&log, NULL, NULL, S_fenced_hook, NULL, NULL};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("> ```compare extra\n> caption: Y\n> ```\n", 0, &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><blockquote><div class=\"handled\"/></blockquote></body>");
    assert_int_equal(log.fenced_calls, 1);
    assert_string_equal(log.fenced_info, "compare");
    assert_string_equal(log.fenced_content, "caption: Y\n");
    assert_int_equal(log.fenced_line, 11);
    assert_int_equal(log.fenced_column, 3);
    free(got);
    S_log_free(&log);
    markdown_result_free(r);
    diag_list_free(diags);
}

/* ---- heading ids without rendering ---- */

static void test_heading_ids_match_render(void **state)
{
    (void)state;
    const char *text = "# Title\n\n## Causes\n\n## Causes\n\n### Main\n\n## 붓기와 멍\n\n"
                       "## What *is* `SMAS`?\n\n- ## In a list\n\n> ## Quoted\n\n## ???\n\n"
                       "Setext\n------\n";
    strlist ids = STRLIST_INIT;
    markdown_heading_ids(text, strlen(text), &ids);
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(text, 0, NULL, diags);
    static const char *const expected[] = {"title",        "causes",         "causes-1",
                                           "main-1",       "붓기와-멍",      "what-is-smas",
                                           "in-a-list",    "quoted",         "section",
                                           "setext"};
    size_t n = sizeof expected / sizeof *expected;
    assert_int_equal(ids.len, n);
    assert_int_equal(r->n_headings, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(ids.items[i], expected[i]);
        assert_string_equal(r->headings[i].id, expected[i]);
    }
    strlist_free(&ids);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_heading_ids_appends(void **state)
{
    (void)state;
    strlist ids = STRLIST_INIT;
    strlist_push(&ids, "already-there");
    markdown_heading_ids("## A\n", 5, &ids);
    assert_int_equal(ids.len, 2);
    assert_string_equal(ids.items[0], "already-there");
    assert_string_equal(ids.items[1], "a");
    strlist_free(&ids);
}

/* ---- options and robustness ---- */

static void test_empty_text(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = markdown_render(FILE_NAME, "", 0, 1, 0, NULL, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body/>");
    assert_int_equal(r->n_headings, 0);
    assert_int_equal(diag_count(diags), 0);
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_invalid_utf8_does_not_crash(void **state)
{
    (void)state;
    const char text[] = "Bad \xff\xfe bytes \xc3\n\n## Head \xe2\x82\n";
    diag_list *diags = diag_list_new();
    markdown_result *r = markdown_render(FILE_NAME, text, sizeof text - 1, FIRST_LINE, 0, NULL,
                                         diags);
    char *got = tu_dump(NULL, r->body);
    /* Each invalid sequence becomes U+FFFD, so libxml2 only ever holds valid UTF-8. */
    assert_string_equal(got, "<body><p>Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes \xEF\xBF\xBD</p>"
                             "<h2 id=\"head-&#xFFFD;\">Head \xEF\xBF\xBD "
                             "<a class=\"heading-anchor\" "
                             "href=\"#head-&#xFFFD;\" aria-hidden=\"true\" tabindex=\"-1\">#</a>"
                             "</h2></body>");
    assert_int_equal(r->n_headings, 1);
    assert_true(xmlCheckUTF8(BAD_CAST r->headings[0].id));
    assert_string_equal(r->headings[0].id, "head-\xEF\xBF\xBD");
    strlist ids = STRLIST_INIT;
    markdown_heading_ids(text, sizeof text - 1, &ids);
    assert_int_equal(ids.len, 1);
    assert_string_equal(ids.items[0], "head-\xEF\xBF\xBD");
    strlist_free(&ids);
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_nul_byte_does_not_crash(void **state)
{
    (void)state;
    const char text[] = "a\0b\n";
    diag_list *diags = diag_list_new();
    markdown_result *r = markdown_render(FILE_NAME, text, sizeof text - 1, FIRST_LINE, 0, NULL,
                                         diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>a\xEF\xBF\xBD" "b</p></body>");
    free(got);
    markdown_result_free(r);
    diag_list_free(diags);
}

static void test_caller_takes_body(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("text\n", 0, NULL, diags);
    xmlNodePtr body = r->body;
    r->body = NULL;
    markdown_result_free(r);
    char *got = tu_dump(NULL, body);
    assert_string_equal(got, "<body><p>text</p></body>");
    free(got);
    xmlFreeNode(body);
    markdown_result_free(NULL);
    diag_list_free(diags);
}

/* ---- nesting ---- */

/* text repeated n times, then tail (malloc'd). */
static char *S_repeat(const char *text, size_t n, const char *tail)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        strbuf_puts(&b, text);
    strbuf_puts(&b, tail);
    return strbuf_detach(&b);
}

static void test_nesting_limit(void **state)
{
    (void)state;
    /* The document, 62 quotes and a paragraph: 64 levels, allowed. */
    char *ok = S_repeat("> ", 62, "deep\n");
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render(ok, 0, NULL, diags);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(r->errors, 0);
    assert_non_null(r->body->children);
    markdown_result_free(r);
    free(ok);
    /* 100,000 quotes, or lists 200 deep: an error at the first level too many, and no body. */
    char *quotes = S_repeat("> ", 100000, "deep\n");
    r = S_render(quotes, 0, NULL, diags);
    assert_int_equal(diag_count(diags), 1);
    assert_int_equal(r->errors, 1);
    tu_expect_diag(diags, 0, FILE_NAME ":10:127: error: quotes or lists are nested more than 64 "
                             "levels deep here; no reader can follow that, and suture will not "
                             "build it: take out levels [markdown]");
    assert_null(r->body->children);
    markdown_result_free(r);
    free(quotes);
    strbuf lists = STRBUF_INIT;
    for (int i = 0; i < 200; i++) {
        for (int k = 0; k < i; k++)
            strbuf_puts(&lists, "  ");
        strbuf_puts(&lists, "- item\n");
    }
    r = S_render(strbuf_str(&lists), 0, NULL, diags);
    assert_int_equal(diag_count(diags), 2);
    assert_int_equal(r->errors, 1); /* this render's own, not the list's earlier one */
    assert_null(r->body->children);
    markdown_result_free(r);
    strbuf_free(&lists);
    diag_list_free(diags);
}

/* markdown_hooks.figure: an image alone in its paragraph (or list item), the figure
 * standing for the paragraph; an image among words goes to `image` as before. */
typedef struct {
    unsigned calls;
    char *seen;
} S_figure_log;

static bool S_figure_hook(void *ctx, const char *url, const char *alt, const char *title,
                          unsigned line, unsigned column, xmlNodePtr parent)
{
    S_figure_log *log = ctx;
    log->calls++;
    free(log->seen);
    log->seen = xasprintf("%s|%s|%s|%u:%u", url, alt, title, line, column);
    if (!strstr(url, ".svg"))
        return false;
    xmlNodePtr fig = xmlNewChild(parent, NULL, BAD_CAST "figure", NULL);
    xmlNewProp(fig, BAD_CAST "class", BAD_CAST "diagram");
    return true;
}

static void test_figure_hook(void **state)
{
    (void)state;
    S_figure_log log = {0};
    markdown_hooks hooks = {.ctx = &log, .figure = S_figure_hook};
    diag_list *diags = diag_list_new();
    markdown_result *r = S_render("Intro\n\n![The *layers*](media/d.svg \"Caption\")\n\n"
                                  "- ![In a list](media/e.svg)\n\n"
                                  "![A photo](media/p.jpg)\n\nSee ![inline](media/f.svg) here.\n"
                                  "\n## Diagram 1\n",
                                  0, &hooks, diags);
    char *got = tu_dump(NULL, r->body);
    assert_string_equal(got, "<body><p>Intro</p><figure class=\"diagram\"/><ul><li>"
                             "<figure class=\"diagram\"/></li></ul>"
                             "<p><img src=\"media/p.jpg\" alt=\"A photo\"/></p>"
                             "<p>See <img src=\"media/f.svg\" alt=\"inline\"/> here.</p>"
                             "<h2 id=\"diagram-1-heading\">Diagram 1 <a class=\"heading-anchor\" "
                             "href=\"#diagram-1-heading\" aria-hidden=\"true\" tabindex=\"-1\">"
                             "#</a></h2></body>");
    /* Three images alone (the photo's hook said no); never the one among words. */
    assert_int_equal(log.calls, 3);
    assert_string_equal(log.seen, "media/p.jpg|A photo||16:1");
    assert_int_equal(diag_count(diags), 0);
    free(got);
    free(log.seen);
    markdown_result_free(r);
    /* An unsafe address is never a figure: left out, with the usual warning. */
    log = (S_figure_log){0};
    r = S_render("![x](javascript:alert(1))\n", 0, &hooks, diags);
    assert_int_equal(log.calls, 0);
    assert_int_equal(diag_count(diags), 1);
    markdown_result_free(r);
    diag_list_free(diags);
}

/* markdown_prefix_ids: every id under the root prefixed, references to them along, and
 * references to ids elsewhere on the page left alone. */
static void test_prefix_ids(void **state)
{
    (void)state;
    static const char xml[] =
        "<div><h2 id=\"risks\">Risks</h2>"
        "<section id=\"care-1\" aria-labelledby=\"care-1-heading sources\">"
        "<h3 id=\"care-1-heading\">Help</h3><a href=\"#risks\">up</a>"
        "<a href=\"#sources\">list</a><a href=\"/x/#risks\">other page</a>"
        "<label for=\"q\">q</label><button popovertarget=\"care-1\">open</button>"
        "<svg><marker id=\"arrow\"/><path marker-end=\"url( '#arrow')\" "
        "fill=\"url(#paint)\"/><use href=\" #arrow\"/></svg>"
        "</section></div>";
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    markdown_prefix_ids(xmlDocGetRootElement(doc), "def-smas-");
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, xmlDocGetRootElement(doc), 0, 0);
    assert_string_equal((const char *)xmlBufferContent(buf),
                        "<div><h2 id=\"def-smas-risks\">Risks</h2>"
                        "<section id=\"def-smas-care-1\" "
                        "aria-labelledby=\"def-smas-care-1-heading sources\">"
                        "<h3 id=\"def-smas-care-1-heading\">Help</h3>"
                        "<a href=\"#def-smas-risks\">up</a><a href=\"#sources\">list</a>"
                        "<a href=\"/x/#risks\">other page</a><label for=\"q\">q</label>"
                        "<button popovertarget=\"def-smas-care-1\">open</button>"
                        "<svg><marker id=\"def-smas-arrow\"/>"
                        "<path marker-end=\"url( '#def-smas-arrow')\" fill=\"url(#paint)\"/>"
                        "<use href=\"#def-smas-arrow\"/></svg>"
                        "</section></div>");
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_prefix_ids),
        cmocka_unit_test(test_paragraphs_and_emphasis),
        cmocka_unit_test(test_text_is_escaped_not_markup),
        cmocka_unit_test(test_blockquote_rule_and_link_title),
        cmocka_unit_test(test_tight_lists),
        cmocka_unit_test(test_loose_list),
        cmocka_unit_test(test_ordered_list_start),
        cmocka_unit_test(test_nested_list),
        cmocka_unit_test(test_code_span),
        cmocka_unit_test(test_fenced_code_with_language),
        cmocka_unit_test(test_fenced_code_without_language),
        cmocka_unit_test(test_heading_id_and_anchor),
        cmocka_unit_test(test_duplicate_heading_ids),
        cmocka_unit_test(test_reserved_heading_ids),
        cmocka_unit_test(test_template_heading_ids_are_reserved),
        cmocka_unit_test(test_korean_heading_id),
        cmocka_unit_test(test_level1_heading_error_under_no_h1),
        cmocka_unit_test(test_level1_heading_allowed_without_no_h1),
        cmocka_unit_test(test_raw_html_block_left_out_with_warning),
        cmocka_unit_test(test_raw_html_inline_left_out_with_warning),
        cmocka_unit_test(test_html_comments_left_out_silently),
        cmocka_unit_test(test_unsafe_links_left_out_with_warning),
        cmocka_unit_test(test_unsafe_images_left_out_with_warning),
        cmocka_unit_test(test_data_png_image_allowed),
        cmocka_unit_test(test_url_is_unsafe),
        cmocka_unit_test(test_url_is_unsafe_as_a_browser_reads_it),
        cmocka_unit_test(test_control_character_link_left_out),
        cmocka_unit_test(test_link_and_image_hooks),
        cmocka_unit_test(test_link_hook_keeps_url_on_null),
        cmocka_unit_test(test_hooks_not_called_for_unsafe_urls),
        cmocka_unit_test(test_fenced_hook_position),
        cmocka_unit_test(test_fenced_hook_position_in_blockquote),
        cmocka_unit_test(test_heading_ids_match_render),
        cmocka_unit_test(test_heading_ids_appends),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_invalid_utf8_does_not_crash),
        cmocka_unit_test(test_nul_byte_does_not_crash),
        cmocka_unit_test(test_caller_takes_body),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_citations_render),
        cmocka_unit_test(test_citation_mistakes),
        cmocka_unit_test(test_citation_ids_reserved),
        cmocka_unit_test(test_popover_ids_reserved),
        cmocka_unit_test(test_figure_hook),
        cmocka_unit_test(test_korean_messages),
    };
    return cmocka_run_group_tests_name("markdown", tests, tu_xml_setup, NULL);
}
