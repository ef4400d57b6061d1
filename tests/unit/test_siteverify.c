/*
 * test_siteverify.c: unit tests for siteverify.h (the checks of `suture check --site`).
 *
 * Each case is a small folder of hand-made pages under tests/fixtures/site-verify/<case>/
 * (the tests run from the repository's top folder, as `make test` does): "good" is a mini
 * site copied by hand from generated pages, which must give no finding; every other
 * folder breaks one rule, and the test asserts the exact diagnostic lines. A few cases
 * that need odd bytes or a changing folder are written from the test into /tmp.
 */
#define _GNU_SOURCE
#include "testutil.h"

#include <errno.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/siteverify.h"

#define FIX "tests/fixtures/site-verify/"

/* site.yaml's disclaimer, as the caller passes it: white space normalised. */
#define DISCLAIMER                                                                             \
    "The information on this site is general and does not replace medical advice about "     \
    "your own situation. Every procedure can cause side effects and complications, and "      \
    "these vary between people. Please make any decision about treatment together with a "    \
    "qualified physician, after a full consultation."

#define REF_OUT " (README.md, 'Where the output goes')"
#define REF_EXT " (README.md, 'Compliance checks')"
#define COPY "copy the file into the site and use a local address"

/* Run the verifier over dir; it must succeed and check files HTML files. */
static diag_list *S_run(const char *dir, const char *disclaimer, const char *base_url,
                        size_t files)
{
    diag_list *diags = diag_list_new();
    siteverify_options opt = {.dir = dir, .disclaimer_text = disclaimer, .base_url = base_url};
    size_t n = 12345;
    assert_int_equal(siteverify_run(&opt, diags, &n), 0);
    assert_int_equal(n, files);
    return diags;
}

/*
 * Verify FIX<name> with the disclaimer and base_url, and assert that the diagnostics are
 * exactly the NULL-terminated lines that follow, each written without FIX<name>/.
 */
static void S_expect_case(const char *name, const char *base_url, size_t files, ...)
{
    char *dir = xasprintf(FIX "%s", name);
    char *prefix = xasprintf("%s/", dir);
    diag_list *diags = S_run(dir, DISCLAIMER, base_url, files);
    va_list ap;
    va_start(ap, files);
    size_t i = 0;
    for (const char *line = va_arg(ap, const char *); line; line = va_arg(ap, const char *))
        tu_expect_diag_prefixed(diags, i++, prefix, line);
    va_end(ap);
    if (diag_count(diags) != i)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), i);
    diag_list_free(diags);
    free(prefix);
    free(dir);
}

/* The policies suture puts on every page, on the <head> line so as to move no line number. */
#define S_POLICIES                                                                             \
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src "    \
    "'none'; base-uri 'none'; form-action 'self'\"><meta name=\"referrer\" "                     \
    "content=\"strict-origin-when-cross-origin\">"

/* A page with every basic in place; body goes inside <main> before the disclaimer. */
static char *S_page(const char *body, const char *aside)
{
    return xasprintf("<!DOCTYPE html>\n<html lang=\"en\">\n<head>" S_POLICIES "\n<title>T</title>\n"
                     "<meta name=\"description\" content=\"D\">\n</head>\n<body>\n<main>\n"
                     "<h1>T</h1>\n%s%s\n</main>\n</body>\n</html>\n",
                     body, aside);
}

static void S_put_page(const char *dir, const char *name, const char *body, const char *aside)
{
    char *html = S_page(body, aside);
    tu_put_file(dir, name, html);
    free(html);
}

/* ---- the good site ---- */

static void test_good_site_has_no_findings(void **state)
{
    (void)state;
    diag_list *diags = S_run(FIX "good", DISCLAIMER, "https://example.org/", 5);
    diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
    /* Without base_url the canonical links are merely links to another host. */
    diags = S_run(FIX "good", DISCLAIMER, NULL, 5);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
    /* A trailing slash on the folder changes nothing. */
    diags = S_run(FIX "good/", NULL, "https://example.org", 5);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
}

/* ---- the disclaimer ---- */

static void test_no_disclaimer(void **state)
{
    (void)state;
    S_expect_case("no-disclaimer", NULL, 1,
                  "index.html:9:1: error: this page has no medical disclaimer; every page needs "
                  "exactly one <aside class=\"medical-disclaimer\" role=\"note\"> with the "
                  "disclaimer text from site.yaml, so add it (a page built by suture shows how) "
                  "(README.md, 'Two languages') [site-disclaimer]",
                  NULL);
}

static void test_two_disclaimers(void **state)
{
    (void)state;
    S_expect_case("two-disclaimers", NULL, 1,
                  "index.html:17:1: error: this page has 2 medical disclaimers; keep exactly one "
                  "<aside class=\"medical-disclaimer\"> and remove the others (README.md, "
                  "'Two languages') [site-disclaimer]",
                  NULL);
}

static void test_wrong_disclaimer_text(void **state)
{
    (void)state;
    S_expect_case("wrong-disclaimer", NULL, 1,
                  "index.html:12:1: error: the medical disclaimer's text differs from the "
                  "disclaimer in site.yaml: the page has '...site is general and can replace "
                  "medical advice about...' where it should read '...site is general and does "
                  "not replace medical advice...'; copy the exact text from site.yaml, or "
                  "rebuild the page with suture (README.md, 'Two languages') [site-disclaimer]",
                  NULL);
    /* Without a configured text only the count is checked. */
    diag_list *diags = S_run(FIX "wrong-disclaimer", NULL, NULL, 1);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
}

static void test_disclaimer_text_details(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    /* Paragraphs without white space between them match a text with a space. */
    S_put_page(dir, "a.html", "",
               "<aside class=\"medical-disclaimer\" role=\"note\"><p>General  information,\n"
               "not <em>medical</em> advice.</p><p>Ask your doctor.</p></aside>");
    /* A long text that ends early. */
    S_put_page(dir, "b.html", "",
               "<aside class=\"note medical-disclaimer\"><p>General information, not medical "
               "advice.</p></aside>");
    S_put_page(dir, "c.html", "", "<aside class=\"medical-disclaimer\"> </aside>");
    /* Excerpts cut whole UTF-8 characters. */
    S_put_page(dir, "d.html", "",
               "<aside class=\"medical-disclaimer\" lang=\"ko\"><p>이 사이트의 정보는 일반적인 "
               "정보이며 개인의 상황에 대한 의학적 조언을 대신하지 않습니다.</p></aside>");
    diag_list *diags = S_run(dir, "General information, not medical advice. Ask your doctor.",
                             NULL, 4);
    tu_expect_diag_prefixed(diags, 0, dir,
                            "/b.html:10:1: error: the medical disclaimer's text differs from the "
                            "disclaimer in site.yaml: the page has '...not medical advice.' "
                            "where it should read '...not medical advice. Ask your doctor.'; "
                            "copy the exact text from site.yaml, or rebuild the page with "
                            "suture (README.md, 'Two languages') [site-disclaimer]");
    tu_expect_diag_prefixed(diags, 1, dir,
                            "/c.html:10:1: error: the medical disclaimer is empty; put the "
                            "disclaimer text from site.yaml in it (README.md, 'Two languages') "
                            "[site-disclaimer]");
    tu_expect_diag_prefixed(diags, 2, dir,
                            "/d.html:10:1: error: the medical disclaimer's text differs from the "
                            "disclaimer in site.yaml: the page has '이 사이트의 정보는 일반적인 정보이며 "
                            "개인의 상황에 대한 의학적...' "
                            "where it should read 'General information, not medical...'; copy the exact "
                            "text from site.yaml, or rebuild the page with suture (README.md, "
                            "'Two languages') [site-disclaimer]");
    assert_int_equal(diag_count(diags), 3);
    diag_list_free(diags);

    diags = S_run(dir, "이 사이트의 정보는 일반적인 정보이며 개인의 상황에 대한 의학적 조언을 "
                       "대신하지 않습니다. 시술 전 반드시 의사와 상담하십시오.",
                  NULL, 4);
    tu_expect_diag_prefixed(diags, 3, dir,
                            "/d.html:10:1: error: the medical disclaimer's text differs from the "
                            "disclaimer in site.yaml: the page has '...대한 의학적 조언을 "
                            "대신하지 않습니다.' where it should read '...대한 의학적 조언을 "
                            "대신하지 않습니다. 시술 전 반드시 의사와 상담하십시오.'; copy the "
                            "exact text from site.yaml, or rebuild the page with suture "
                            "(README.md, 'Two languages') [site-disclaimer]");
    assert_int_equal(diag_count(diags), 4);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* ---- the head and the main heading ---- */

static void test_no_lang(void **state)
{
    (void)state;
    S_expect_case("no-lang", NULL, 2,
                  "empty-lang.html:2:1: error: <html lang> is empty; set the page's language, "
                  "like <html lang=\"en\">, so screen readers pronounce it correctly (WCAG 2.2 "
                  "SC 3.1.1) [site-lang]",
                  "index.html:2:1: error: <html> has no lang attribute; set the page's language, "
                  "like <html lang=\"en\">, so screen readers pronounce it correctly (WCAG 2.2 "
                  "SC 3.1.1) [site-lang]",
                  NULL);
}

static void test_no_title(void **state)
{
    (void)state;
    S_expect_case("no-title", NULL, 2,
                  "empty-title.html:5:1: error: the page's <title> is empty; write one that "
                  "names the page (WCAG 2.2 SC 2.4.2) [site-title]",
                  "index.html:3:1: error: this page has no <title>; add one that names the page: "
                  "browsers show it in the tab and screen readers announce it first (WCAG 2.2 "
                  "SC 2.4.2) [site-title]",
                  NULL);
}

static void test_no_description(void **state)
{
    (void)state;
    S_expect_case("no-description", NULL, 2,
                  "empty.html:6:1: error: the page's meta description is empty; write a sentence "
                  "or two about the page in its content attribute" REF_OUT " [site-description]",
                  "index.html:3:1: error: this page has no <meta name=\"description\">; add one "
                  "with a sentence or two about the page, which search engines show" REF_OUT
                  " [site-description]",
                  NULL);
}

static void test_h1(void **state)
{
    (void)state;
    S_expect_case("two-h1", NULL, 2,
                  "index.html:12:1: error: this page has 2 <h1> headings; keep one main heading "
                  "and make the others <h2>" REF_OUT " [site-h1]",
                  "no-h1.html:8:1: error: this page has no <h1>; give it one main heading that "
                  "names the page" REF_OUT " [site-h1]",
                  NULL);
}

/* ---- links, anchors and images ---- */

static void test_broken_links(void **state)
{
    (void)state;
    S_expect_case("broken-link", NULL, 3,
                  "index.html:12:1: error: the link 'missing/' leads to no file: there is no "
                  FIX "broken-link/missing/index.html; correct the address or add the file"
                  REF_OUT " [site-link]",
                  "index.html:13:1: error: the link '/gone.html' leads to no file: there is no "
                  FIX "broken-link/gone.html; correct the address or add the file" REF_OUT
                  " [site-link]",
                  "index.html:14:1: error: the link '../outside/' goes above the site's top "
                  "folder; remove the extra '../'" REF_OUT " [site-link]",
                  "index.html:17:1: error: the link 'other/caf%C3%A9s.html' leads to no file: "
                  "there is no " FIX "broken-link/other/cafés.html; correct the address or add "
                  "the file" REF_OUT " [site-link]",
                  NULL);
}

static void test_broken_anchors(void **state)
{
    (void)state;
    S_expect_case("broken-anchor", NULL, 2,
                  "index.html:11:1: error: the link '#cuases' leads to no element of this page: "
                  "nothing has id=\"cuases\"; did you mean '#causes'? (WCAG 2.2 SC 2.4.4) "
                  "[site-anchor]",
                  "index.html:11:1: error: the link '#nothing-like-it' leads to no element of "
                  "this page: nothing has id=\"nothing-like-it\"; correct the link, or add the "
                  "id to the element it should lead to (WCAG 2.2 SC 2.4.4) [site-anchor]",
                  "index.html:15:1: error: the link 'other/#section-three' leads to no element "
                  "of " FIX "broken-anchor/other/index.html: nothing has id=\"section-three\"; "
                  "did you mean '#section-two'? (WCAG 2.2 SC 2.4.4) [site-anchor]",
                  "index.html:16:1: error: the link '/other/index.html#section-tow' leads to no "
                  "element of " FIX "broken-anchor/other/index.html: nothing has "
                  "id=\"section-tow\"; did you mean '#section-two'? (WCAG 2.2 SC 2.4.4) "
                  "[site-anchor]",
                  NULL);
}

static void test_missing_image(void **state)
{
    (void)state;
    S_expect_case("missing-image", NULL, 1,
                  "index.html:11:1: error: the image 'media/gone.jpg' leads to no file: there is "
                  "no " FIX "missing-image/media/gone.jpg; correct the address or add the file "
                  "(WCAG 2.2 SC 1.1.1) [site-image]",
                  "index.html:12:1: error: the image 'media/here-2x.svg' leads to no file: there "
                  "is no " FIX "missing-image/media/here-2x.svg; correct the address or add the "
                  "file (WCAG 2.2 SC 1.1.1) [site-image]",
                  "index.html:13:1: error: this image has no src; give it the address of an "
                  "image file (WCAG 2.2 SC 1.1.1) [site-image]",
                  NULL);
}

static void test_image_without_alt(void **state)
{
    (void)state;
    S_expect_case("image-without-alt", NULL, 1,
                  "index.html:11:1: error: the image 'media/layers.svg' has no alt attribute; "
                  "describe what it shows in alt=\"...\", or write alt=\"\" if it is only "
                  "decoration (WCAG 2.2 SC 1.1.1) [site-image]",
                  NULL);
}

/* ---- requests to other hosts ---- */

static void test_external_script(void **state)
{
    (void)state;
    S_expect_case("external-script", NULL, 1,
                  "index.html:13:1: error: the script 'https://cdn.example.com/analytics.js' is "
                  "on another host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_external_stylesheet(void **state)
{
    (void)state;
    S_expect_case("external-stylesheet", NULL, 1,
                  "index.html:7:1: error: the connection hint 'https://fonts.gstatic.com' is on "
                  "another host; remove it" REF_EXT " [site-external]",
                  "index.html:8:1: error: the stylesheet "
                  "'https://fonts.googleapis.com/css2?family=Inter&display=swap' is on another "
                  "host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_external_font_in_css(void **state)
{
    (void)state;
    S_expect_case("external-font", NULL, 1,
                  "assets/fonts.css:2:1: error: @import '//fonts.example.com/inter.css' is on "
                  "another host; copy the style sheet into the site and use a local address"
                  REF_EXT " [site-external]",
                  "assets/fonts.css:7:8: error: url(https://fonts.example.com/inter.woff2) is on "
                  "another host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_external_iframe(void **state)
{
    (void)state;
    S_expect_case("external-iframe", NULL, 1,
                  "index.html:12:1: error: the frame 'https://www.youtube.com/embed/abc123' is on "
                  "another host; put the page it shows into the site, or link to it instead"
                  REF_EXT " [site-external]",
                  NULL);
}

static void test_protocol_relative_image(void **state)
{
    (void)state;
    S_expect_case("protocol-relative-image", NULL, 1,
                  "index.html:11:1: error: the image '//images.example.com/face.jpg' is on "
                  "another host; " COPY REF_EXT " [site-external]",
                  NULL);
    /* On the site's own host it is the site's own image. */
    S_expect_case("protocol-relative-image", "https://images.example.com/", 1,
                  "index.html:11:1: error: the image '//images.example.com/face.jpg' leads to no "
                  "file: there is no " FIX "protocol-relative-image/face.jpg; correct the "
                  "address or add the file (WCAG 2.2 SC 1.1.1) [site-image]",
                  NULL);
}

static void test_inline_style(void **state)
{
    (void)state;
    S_expect_case("inline-style", NULL, 1,
                  "index.html:9:1: error: @import 'https://styles.example.com/theme.css' is on "
                  "another host; copy the style sheet into the site and use a local address"
                  REF_EXT " [site-external]",
                  "index.html:10:1: error: url(http://img.example.com/b.png) is on another host; "
                  COPY REF_EXT " [site-external]",
                  "index.html:17:1: error: url(https://img.example.com/hero.jpg) is on another "
                  "host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_other_loads(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    S_put_page(dir, "index.html",
               "<link rel=\"icon\" href=\"https://cdn.example.com/favicon.ico\">\n"
               "<link rel=\"preload\" as=\"font\" href=\"//fonts.example.com/a.woff2\">\n"
               "<video src=\"https://media.example.com/a.mp4\" "
               "poster=\"https://media.example.com/a.jpg\"><track src=\"t.vtt\"></video>\n"
               "<object data=\"https://media.example.com/a.pdf\"></object>\n"
               "<picture><source srcset=\"https://media.example.com/a.webp 1x\">"
               "<img src=\"a.svg\" alt=\"A\"></picture>\n"
               "<a href=\"https://www.example.com/\"><img src=\"a.svg\" alt=\"\" "
               "style=\"border: 0\"></a>\n"
               "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\">\n",
               "<aside class=\"medical-disclaimer\">X</aside>");
    tu_put_file(dir, "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    diag_list *diags = S_run(dir, "X", NULL, 1);
    const char *const want[] = {
        "/index.html:10:1: error: the icon 'https://cdn.example.com/favicon.ico' is on another "
        "host; " COPY REF_EXT " [site-external]",
        "/index.html:11:1: error: the preloaded file '//fonts.example.com/a.woff2' is on "
        "another host; " COPY REF_EXT " [site-external]",
        "/index.html:12:1: error: the media file 'https://media.example.com/a.mp4' is on "
        "another host; " COPY REF_EXT " [site-external]",
        "/index.html:12:1: error: the image 'https://media.example.com/a.jpg' is on another "
        "host; " COPY REF_EXT " [site-external]",
        NULL, /* the track, filled in below */
        "/index.html:13:1: error: the embedded object 'https://media.example.com/a.pdf' is on "
        "another host; " COPY REF_EXT " [site-external]",
        "/index.html:14:1: error: the image 'https://media.example.com/a.webp' is on another "
        "host; " COPY REF_EXT " [site-external]",
    };
    char *track = xasprintf("/index.html:12:1: error: the media file 't.vtt' leads to no file: "
                            "there is no %s/t.vtt; correct the address or add the file"
                            REF_OUT " [site-link]",
                            dir);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        tu_expect_diag_prefixed(diags, i, dir, want[i] ? want[i] : track);
    assert_int_equal(diag_count(diags), sizeof want / sizeof *want);
    free(track);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* ---- a locked-down page ---- */

#define REF_CSP " (Content Security Policy Level 3 (W3C))"
#define CSP_META                                                                               \
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src "   \
    "'none'; base-uri 'none'; form-action 'self'\">"
#define REFERRER_FIX                                                                           \
    "use strict-origin-when-cross-origin, strict-origin, same-origin or no-referrer"           \
    " (Referrer Policy (W3C)) [site-referrer]"
#define LOOSER                                                                                 \
    ", looser than these pages need; allow only 'self' (or 'none'), and copy into the site "   \
    "whatever the page loads" REF_CSP " [site-csp]"
#define INLINE_FIX                                                                             \
    "remove the attribute, and attach the handler from a script file with addEventListener " \
    "if it is needed" REF_CSP " [site-script]"
#define SCRIPT_LINK                                                                            \
    "runs the script it carries; link to a page of the site instead" REF_CSP " [site-script]"

static void test_no_policies(void **state)
{
    (void)state;
    S_expect_case("no-policies", NULL, 1,
                  "index.html:3:1: error: this page has no Content-Security-Policy; add " CSP_META
                  " right after <meta charset> (suture puts it on every page it builds)" REF_CSP
                  " [site-csp]",
                  "index.html:3:1: error: this page has no referrer policy; add <meta "
                  "name=\"referrer\" content=\"strict-origin-when-cross-origin\">, so that no "
                  "other site learns which page a patient was reading (Referrer Policy (W3C)) "
                  "[site-referrer]",
                  NULL);
}

static void test_loose_policies(void **state)
{
    (void)state;
    S_expect_case(
        "loose-policies", NULL, 2,
        /* empty.html: a policy of nothing, a policy in <body>, a made-up referrer value
         * (policies first, then the referrer: the order of the checks) */
        "empty.html:5:1: error: the Content-Security-Policy is empty, so it allows everything; "
        "use " CSP_META REF_CSP " [site-csp]",
        "empty.html:13:1: error: this Content-Security-Policy <meta> is outside <head>, where "
        "browsers ignore it; move it into <head>, right after <meta charset>" REF_CSP
        " [site-csp]",
        "empty.html:6:1: error: 'nobody-please' is not a referrer policy, so browsers ignore it; "
        REFERRER_FIX,
        /* index.html: after a style sheet, hosts, wildcards and schemes, no default-src */
        "index.html:6:1: error: the Content-Security-Policy <meta> comes after the <link> on line "
        "5, which it therefore does not cover; move it right after <meta charset>" REF_CSP
        " [site-csp]",
        "index.html:6:1: error: the Content-Security-Policy's script-src allows 'unsafe-inline'"
        LOOSER,
        "index.html:6:1: error: the Content-Security-Policy's script-src allows "
        "https://cdn.example.com" LOOSER,
        "index.html:6:1: error: the Content-Security-Policy's img-src allows *" LOOSER,
        "index.html:6:1: error: the Content-Security-Policy's style-src allows data:" LOOSER,
        "index.html:6:1: error: the Content-Security-Policy's object-src has no source, which "
        "browsers read as 'none'; write object-src 'self' or object-src 'none'" REF_CSP
        " [site-csp]",
        "index.html:6:1: error: the Content-Security-Policy has no default-src, so whatever it "
        "does not name may load from anywhere; add default-src 'self'" REF_CSP " [site-csp]",
        "index.html:7:1: error: the referrer policy 'unsafe-url' tells other sites, or anyone on "
        "plain HTTP, which page a patient came from; " REFERRER_FIX,
        NULL);
}

static void test_inline_script(void **state)
{
    (void)state;
    /* Not findings: <script src>, the JSON-LD data block, a data: image, formaction="search/".
     * The vbscript: address has a tab in its scheme, which browsers drop. */
    S_expect_case(
        "inline-script", NULL, 1,
        "index.html:8:1: error: this <script> has its code written into the page, which suture "
        "never does and the Content-Security-Policy blocks; move the code into a file under "
        "templates/assets/ and load it with <script src=\"...\">" REF_CSP " [site-script]",
        "index.html:10:1: error: this <script> has its code written into the page, which suture "
        "never does and the Content-Security-Policy blocks; move the code into a file under "
        "templates/assets/ and load it with <script src=\"...\">" REF_CSP " [site-script]",
        "index.html:12:1: error: <body onload=\"start()\"> runs script written into the page, "
        "which the Content-Security-Policy blocks; " INLINE_FIX,
        "index.html:15:1: error: <a href=\"javascript:alert(1)\"> is a javascript: address, "
        "which " SCRIPT_LINK,
        "index.html:15:1: error: <a href=\" JavaScript:void(0)\"> is a javascript: address, "
        "which " SCRIPT_LINK,
        "index.html:15:1: error: <a href=\"vb\\tscript:msgbox\"> is a vbscript: address, which "
        SCRIPT_LINK,
        "index.html:16:1: error: <a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0"
        "Pg==\"> is a data: address, which makes a page, script and all, out of the address "
        "itself; link to a page of the site instead" REF_CSP " [site-script]",
        "index.html:17:1: error: <button onclick=\"window.location = 'https://example.com/a/very/"
        "long/address/t...\"> runs script written into the page, which the "
        "Content-Security-Policy blocks; " INLINE_FIX,
        "index.html:18:1: error: <form action=\"javascript:send()\"> is a javascript: address, "
        "which " SCRIPT_LINK,
        "index.html:19:1: error: <iframe srcdoc> writes a whole page into an attribute, script "
        "and all; put that page into the site and use src instead" REF_CSP " [site-script]",
        NULL);
}

/* Control characters are shown escaped, and a cut never splits a character. */
static void test_script_finding_shows_bytes(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    S_put_page(dir, "index.html",
               "<p><a href=\"java\nscript:x()\">A</a>"
               "<a onfocus=\"'\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
               "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
               "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
               "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80'\" href=\"#x\" id=\"x\">B</a>"
               "</p>\n",
               "<aside class=\"medical-disclaimer\">X</aside>");
    diag_list *diags = S_run(dir, "X", NULL, 1);
    /* Browsers drop new lines in an address, so java<new line>script: is a javascript:
     * address (libxml2 counts the element's line where its start tag ends: line 11); the
     * handler is cut after 20 of its 21 three-byte characters. */
    assert_int_equal(diag_count(diags), 2);
    tu_expect_diag_prefixed(diags, 0, dir,
                            "/index.html:11:1: error: <a href=\"java\\nscript:x()\"> is a "
                            "javascript: address, which " SCRIPT_LINK);
    tu_expect_diag_prefixed(
        diags, 1, dir,
        "/index.html:11:1: error: <a onfocus=\"'\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
        "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
        "\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80\xea\xb0\x80"
        "\xea\xb0\x80\xea\xb0\x80...\"> runs script written into the page, which the "
        "Content-Security-Policy blocks; " INLINE_FIX);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* ---- parsing ---- */

static void test_malformed_html(void **state)
{
    (void)state;
    S_expect_case("malformed", NULL, 5,
                  "ampersand.html:11:8: error: a '&' here does not start a complete character "
                  "reference; write a plain ampersand as '&amp;' (in addresses too), or end the "
                  "reference with ';'" REF_OUT " [site-html]",
                  "ampersand.html:11:20: error: a '&' stands on its own; write it as '&amp;'"
                  REF_OUT " [site-html]",
                  "empty.html:1:1: error: the file has no HTML in it; write the page or remove "
                  "the file" REF_OUT " [site-html]",
                  "not-utf8.html:11:7: error: the file is not valid UTF-8 here; save it with the "
                  "UTF-8 encoding" REF_OUT " [site-html]",
                  "quote.html:12:13: error: a tag here holds something that is not an attribute "
                  "(error parsing attribute name); check that every quotation mark in this tag, "
                  "and in the tags before it, is closed" REF_OUT " [site-html]",
                  "quote.html:12:20: error: a tag here holds something that is not an attribute "
                  "(error parsing attribute name); check that every quotation mark in this tag, "
                  "and in the tags before it, is closed" REF_OUT " [site-html]",
                  "stray-end-tag.html:12:7: error: the end tag </div> does not close the element "
                  "that is open here (Unexpected end tag : div); remove it or add the missing "
                  "tag" REF_OUT " [site-html]",
                  NULL);
}

static void test_unknown_tag(void **state)
{
    (void)state;
    /* HTML5 elements, custom elements and SVG or MathML content are not reported. */
    S_expect_case("unknown-tag", NULL, 1,
                  "index.html:11:19: error: <blink> is not an HTML element; correct the tag name "
                  "or use a standard element" REF_OUT " [site-html]",
                  "index.html:14:15: error: <frobnicate> is not an HTML element; correct the tag "
                  "name or use a standard element" REF_OUT " [site-html]",
                  NULL);
}

static void S_dummy_handler(void *ctx, xmlErrorPtr err)
{
    (void)err;
    (*(int *)ctx)++;
}

static void test_error_handler_restored(void **state)
{
    (void)state;
    int calls = 0;
    xmlSetStructuredErrorFunc(&calls, S_dummy_handler);
    diag_list *diags = S_run(FIX "malformed", NULL, NULL, 5);
    assert_int_equal(diag_count(diags), 7);
    diag_list_free(diags);
    assert_int_equal(calls, 0);
    assert_ptr_equal(xmlStructuredError, S_dummy_handler);
    assert_ptr_equal(xmlStructuredErrorContext, &calls);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* A page whose disclaimer is right, for the cases below that break something else. */
#define S_ASIDE "<aside class=\"medical-disclaimer\" role=\"note\"><p>" DISCLAIMER "</p></aside>"

static void test_not_utf8_reported_once(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    /* Two bad bytes in the disclaimer: libxml2 complained of each, and the disclaimer then
     * differed from site.yaml's. One cause, one finding, at the first bad byte. */
    char *aside = tu_replace(S_ASIDE, "medical advice", "m\xe9\xe9" "dical advice");
    S_put_page(dir, "index.html", "", aside);
    free(aside);
    /* Before <title>: the parser's guesses moved <head>'s content into <body>, and every
     * check of <head> then failed. */
    char *page = S_page("", S_ASIDE);
    char *bad = tu_replace(page, "<title>", "\xff<title>");
    tu_put_file(dir, "head.html", bad);
    free(bad);
    free(page);
    diag_list *diags = S_run(dir, DISCLAIMER, NULL, 2);
    tu_expect_diag_prefixed(diags, 0, dir,
                            "/head.html:4:1: error: the file is not valid UTF-8 here; save it "
                            "with the UTF-8 encoding" REF_OUT " [site-html]");
    tu_expect_diag_prefixed(diags, 1, dir,
                            "/index.html:10:112: error: the file is not valid UTF-8 here; save "
                            "it with the UTF-8 encoding" REF_OUT " [site-html]");
    assert_int_equal(diag_count(diags), 2);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_deep_nesting_reported_once(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    /* libxml2 stops at 256 levels and said "use XML_PARSE_HUGE option"; the disclaimer after
     * the deep part was then reported missing. */
    strbuf body = STRBUF_INIT;
    for (int i = 0; i < 300; i++)
        strbuf_puts(&body, "<div>");
    strbuf_puts(&body, "deep");
    for (int i = 0; i < 300; i++)
        strbuf_puts(&body, "</div>");
    strbuf_putc(&body, '\n');
    S_put_page(dir, "index.html", strbuf_str(&body), S_ASIDE);
    strbuf_free(&body);
    diag_list *diags = S_run(dir, DISCLAIMER, NULL, 1);
    tu_expect_diag_prefixed(diags, 0, dir,
                            "/index.html:10:1275: error: the page nests elements more than 256 "
                            "levels deep here, more than any reader can follow: take out levels "
                            "(close the elements left open); the rest of this page is not "
                            "checked until then" REF_OUT " [site-html]");
    assert_int_equal(diag_count(diags), 1);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* ---- what is not a plain file ---- */

static void S_link(const char *target, const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    assert_int_equal(symlink(target, path), 0);
    free(path);
}

static void S_fifo(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    assert_int_equal(mkfifo(path, 0644), 0);
    free(path);
}

static void test_links_and_special_files(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    char real[PATH_MAX];
    assert_non_null(realpath(dir, real));
    S_put_page(dir, "index.html", "", S_ASIDE);
    char *sub = tu_subdir(dir, "articles");
    S_put_page(sub, "index.html", "", S_ASIDE);
    /* Never opened: a check that read them would wait for ever. */
    S_fifo(dir, "pipe.html");
    S_fifo(sub, "feed.xml");
    /* Links out of the site, as `suture build` refuses them in content/. */
    S_link("/etc/passwd", dir, "passwd.html");
    S_link("/dev/null", dir, "null.css");
    S_link("/etc", dir, "etc");
    /* Links to nothing, and in loops. */
    S_link("missing.html", dir, "dangling.html");
    S_link("loop-b.html", dir, "loop-a.html");
    S_link("loop-a.html", dir, "loop-b.html");
    /* A link to a folder of the site: not followed, a warning. */
    S_link("articles", dir, "more");
    /* A link to a file of the site: checked as that file (the third HTML file). */
    S_link("index.html", dir, "home.html");
    /* A link to the pipe: reported, not opened. */
    S_link("pipe.html", dir, "to-pipe.html");
    diag_list *diags = S_run(dir, DISCLAIMER, NULL, 3);
    char *want[] = {
        xasprintf("/articles/feed.xml: error: this is a named pipe (FIFO), not a file; suture "
                  "check does not open it, and no web server can serve it: remove it from the "
                  "site folder" REF_OUT " [site-file]"),
        xasprintf("/dangling.html: error: this symbolic link leads to nothing (missing.html "
                  "does not exist): remove it, or put the file it should show in its place"
                  REF_OUT " [site-file]"),
        xasprintf("/etc: error: this is a symbolic link to /etc, outside the site folder %s; a "
                  "web server that follows it would publish that folder of this machine: put a "
                  "copy of what the site should show here instead, or remove the link" REF_OUT
                  " [site-file]",
                  dir),
        xasprintf("/loop-a.html: error: this symbolic link leads round in a loop (through "
                  "loop-b.html back to itself), so no web server can serve it: remove it, or "
                  "point it at a file inside %s" REF_OUT " [site-file]",
                  dir),
        xasprintf("/loop-b.html: error: this symbolic link leads round in a loop (through "
                  "loop-a.html back to itself), so no web server can serve it: remove it, or "
                  "point it at a file inside %s" REF_OUT " [site-file]",
                  dir),
        xasprintf("/more: warning: this is a symbolic link to the folder %s/articles; suture "
                  "check does not follow links to folders (the pages there are checked where "
                  "they are), and many web servers refuse to: link to that folder's own "
                  "address, or put a copy of it here" REF_OUT " [site-file]",
                  real),
        xasprintf("/null.css: error: this is a symbolic link to /dev/null, outside the site "
                  "folder %s; a web server that follows it would publish that file of this "
                  "machine: put a copy of what the site should show here instead, or remove the "
                  "link" REF_OUT " [site-file]",
                  dir),
        xasprintf("/passwd.html: error: this is a symbolic link to /etc/passwd, outside the "
                  "site folder %s; a web server that follows it would publish that file of "
                  "this machine: put a copy of what the site should show here instead, or "
                  "remove the link" REF_OUT " [site-file]",
                  dir),
        xasprintf("/pipe.html: error: this is a named pipe (FIFO), not a file; suture check "
                  "does not open it, and no web server can serve it: remove it from the site "
                  "folder" REF_OUT " [site-file]"),
        xasprintf("/to-pipe.html: error: this symbolic link leads to %s/pipe.html, which is a "
                  "named pipe (FIFO), not a file; suture check does not open it and no web "
                  "server can serve it: remove the link" REF_OUT " [site-file]",
                  real),
    };
    size_t n = sizeof want / sizeof *want;
    diag_list_sort(diags);
    for (size_t i = 0; i < n; i++) {
        tu_expect_diag_prefixed(diags, i, dir, want[i]);
        free(want[i]);
    }
    if (diag_count(diags) != n)
        diag_list_print(diags, stderr);
    assert_int_equal(diag_count(diags), n);
    diag_list_free(diags);
    free(sub);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* ---- base_url, order, errors ---- */

static void test_base_url(void **state)
{
    (void)state;
    S_expect_case("base-url", "https://example.org/kb/", 2,
                  "index.html:13:1: error: the link 'https://EXAMPLE.org/kb/articles/missing/' "
                  "leads to no file: there is no " FIX "base-url/articles/missing/index.html; "
                  "correct the address or add the file" REF_OUT " [site-link]",
                  "index.html:15:1: error: the link '/articles/x/' is outside the site's base "
                  "path '/kb/'; start the address with '/kb/', or make it relative" REF_OUT
                  " [site-link]",
                  "index.html:17:1: error: the link '//example.org/kb/articles/x/#nope' leads to "
                  "no element of " FIX "base-url/articles/x/index.html: nothing has "
                  "id=\"nope\"; correct the link, or add the id to the element it should lead "
                  "to (WCAG 2.2 SC 2.4.4) [site-anchor]",
                  "index.html:19:1: error: the image 'https://example.org/kb/media/missing.png' "
                  "leads to no file: there is no " FIX "base-url/media/missing.png; correct the "
                  "address or add the file (WCAG 2.2 SC 1.1.1) [site-image]",
                  NULL);
    /* A base_url that is only a path. */
    S_expect_case("base-url", "/kb", 2,
                  "index.html:7:1: error: the stylesheet "
                  "'https://example.org/kb/assets/site.css' is on another host; " COPY REF_EXT
                  " [site-external]",
                  "index.html:15:1: error: the link '/articles/x/' is outside the site's base "
                  "path '/kb/'; start the address with '/kb/', or make it relative" REF_OUT
                  " [site-link]",
                  "index.html:19:1: error: the image 'https://example.org/kb/media/missing.png' "
                  "is on another host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_without_base_url(void **state)
{
    (void)state;
    S_expect_case("base-url", NULL, 2,
                  "index.html:7:1: error: the stylesheet "
                  "'https://example.org/kb/assets/site.css' is on another host; " COPY REF_EXT
                  " [site-external]",
                  "index.html:14:1: error: the link '/kb/articles/x/' leads to no file: there is "
                  "no " FIX "base-url/kb/articles/x/index.html; correct the address or add the "
                  "file" REF_OUT " [site-link]",
                  "index.html:18:1: error: the link '/kb' leads to no file: there is no "
                  FIX "base-url/kb; correct the address or add the file" REF_OUT " [site-link]",
                  "index.html:19:1: error: the image 'https://example.org/kb/media/missing.png' "
                  "is on another host; " COPY REF_EXT " [site-external]",
                  NULL);
}

static void test_sorted_order(void **state)
{
    (void)state;
    /* Whole paths in bytewise order: "a-b.html" before "a/index.html", CSS files among them,
     * other files not read. */
    const char *no_title = ":3:1: error: this page has no <title>; add one that names the page: "
                           "browsers show it in the tab and screen readers announce it first "
                           "(WCAG 2.2 SC 2.4.2) [site-title]";
    diag_list *diags = S_run(FIX "sorted", DISCLAIMER, NULL, 4);
    const char *const files[] = {"A.html", "a-b.html", "a/index.html", NULL, "b.html"};
    for (size_t i = 0; i < 5; i++) {
        char *want = files[i] ? xasprintf(FIX "sorted/%s%s", files[i], no_title)
                              : xstrdup(FIX "sorted/a/style.css:1:18: error: "
                                            "url(https://img.example.com/x.png) is on another "
                                            "host; " COPY REF_EXT " [site-external]");
        tu_expect_diag(diags, i, want);
        free(want);
    }
    assert_int_equal(diag_count(diags), 5);
    diag_list_free(diags);
}

static void test_unreadable_folder(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    size_t files = 7;
    siteverify_options opt = {.dir = FIX "no-such-folder", .disclaimer_text = DISCLAIMER};
    errno = 0;
    assert_int_equal(siteverify_run(&opt, diags, &files), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(files, 0);
    opt.dir = FIX "good/index.html";
    assert_int_equal(siteverify_run(&opt, diags, NULL), -1);
    assert_int_equal(errno, ENOTDIR);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
}

static void test_empty_folder(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("siteverify");
    diag_list *diags = S_run(dir, DISCLAIMER, NULL, 0);
    assert_int_equal(diag_count(diags), 0);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_site_has_no_findings),
        cmocka_unit_test(test_no_disclaimer),
        cmocka_unit_test(test_two_disclaimers),
        cmocka_unit_test(test_wrong_disclaimer_text),
        cmocka_unit_test(test_disclaimer_text_details),
        cmocka_unit_test(test_no_lang),
        cmocka_unit_test(test_no_title),
        cmocka_unit_test(test_no_description),
        cmocka_unit_test(test_h1),
        cmocka_unit_test(test_broken_links),
        cmocka_unit_test(test_broken_anchors),
        cmocka_unit_test(test_missing_image),
        cmocka_unit_test(test_image_without_alt),
        cmocka_unit_test(test_external_script),
        cmocka_unit_test(test_external_stylesheet),
        cmocka_unit_test(test_external_font_in_css),
        cmocka_unit_test(test_external_iframe),
        cmocka_unit_test(test_protocol_relative_image),
        cmocka_unit_test(test_inline_style),
        cmocka_unit_test(test_other_loads),
        cmocka_unit_test(test_no_policies),
        cmocka_unit_test(test_loose_policies),
        cmocka_unit_test(test_inline_script),
        cmocka_unit_test(test_script_finding_shows_bytes),
        cmocka_unit_test(test_malformed_html),
        cmocka_unit_test(test_unknown_tag),
        cmocka_unit_test(test_error_handler_restored),
        cmocka_unit_test(test_not_utf8_reported_once),
        cmocka_unit_test(test_deep_nesting_reported_once),
        cmocka_unit_test(test_links_and_special_files),
        cmocka_unit_test(test_base_url),
        cmocka_unit_test(test_without_base_url),
        cmocka_unit_test(test_sorted_order),
        cmocka_unit_test(test_unreadable_folder),
        cmocka_unit_test(test_empty_folder),
    };
    return cmocka_run_group_tests_name("siteverify", tests, tu_xml_setup, NULL);
}
