/*
 * test_hostile.c: the hostile input suite (issue 6). Each case puts one hostile input into a
 * copy of the good fixture site (an article, a template) and builds. Every case must end in
 * a clear diagnostic or a safe page, within 2 s and 256 MiB, never a crash; a build that
 * fails leaves the previous site exactly as it was. The large inputs are generated here
 * rather than stored.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <time.h>

#include "e2e.h"

static char *S_root; /* the repository, where the tests run from */

#define FRONT "---\ntitle: \"Hostile\"\nsummary: \"A hostile article.\"\ntopics: [anatomy]\n" \
              "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"Medical review team\"\n---\n"

typedef struct {
    const char *name;
    char *(*make)(void); /* the article's text (malloc'd), or NULL when set up otherwise */
    int status;          /* the build's exit status */
    const char *said;    /* in stderr, or NULL */
    const char *absent;  /* never in the built page (status 0), or NULL */
} S_case;

static char *S_repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, head);
    for (size_t i = 0; i < n; i++)
        strbuf_puts(&b, unit);
    strbuf_puts(&b, tail);
    return strbuf_detach(&b);
}

static char *S_raw_html(void)
{
    return xstrdup(FRONT "Text <script>alert(1)</script> and <img src=x onerror=\"alert(2)\">.\n\n"
                         "<div onclick=\"alert(3)\">click</div>\n");
}
static char *S_script_links(void)
{
    return xstrdup(FRONT "[a](javascript:alert(1)) [b](vbscript:msgbox) "
                         "[c](data:text/html,<script>alert(1)</script>) [d](JaVaScRiPt:alert(1))\n");
}
static char *S_dotdot_link(void) { return xstrdup(FRONT "[secret](../../../etc/passwd)\n"); }
static char *S_absolute_image(void) { return xstrdup(FRONT "![shadow](/etc/shadow)\n"); }
static char *S_slug_traversal(void)
{
    return xstrdup("---\ntitle: \"x\"\nslug: ../../outside\nsummary: \"x\"\ntopics: [anatomy]\n"
                   "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"T\"\n---\nbody\n");
}
static char *S_ten_megabytes(void)
{
    return S_repeat(FRONT, "The SMAS lies under the skin and a glide plane lets it move. ", 170000,
                    "\n");
}
static char *S_deep_nesting(void) { return S_repeat(FRONT, "> ", 100000, "deep\n"); }
static char *S_deep_lists(void)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, FRONT);
    for (int i = 0; i < 2000; i++) {
        for (int k = 0; k < i; k++)
            strbuf_puts(&b, "  ");
        strbuf_puts(&b, "- item\n");
    }
    return strbuf_detach(&b);
}
static char *S_long_line(void) { return S_repeat(FRONT, "x", 1000000, "\n"); }
static char *S_bad_bytes(void)
{
    return xstrdup(FRONT "bad \xff\xfe UTF-8 \xc3\x28 and a NUL \x01 here.\n");
}
static char *S_alias_bomb(void)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    const char *names = "bcdefghij";
    for (const char *n = names; *n; n++) {
        char prev = n == names ? 'a' : n[-1];
        strbuf_printf(&b, "%c: &%c [", *n, *n);
        for (int i = 0; i < 9; i++)
            strbuf_printf(&b, "%s*%c", i ? "," : "", prev);
        strbuf_puts(&b, "]\n");
    }
    strbuf_puts(&b, "title: *j\nsummary: \"x\"\ntopics: [anatomy]\ndate: 2026-11-10\n"
                    "reviewed: 2026-11-10\nreviewer: \"T\"\n---\nbody\n");
    return strbuf_detach(&b);
}
static char *S_duplicate_keys(void)
{
    return xstrdup("---\ntitle: \"A\"\ntitle: \"B\"\nsummary: \"x\"\ntopics: [anatomy]\n"
                   "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"T\"\n---\nbody\n");
}
static char *S_huge_values(void)
{
    return xstrdup("---\ntitle: \"A\"\nsummary: \"x\"\ntopics: [anatomy]\n"
                   "date: 99999999999999999999-11-10\nreviewed: 2026-99-99\nreviewer: \"T\"\n"
                   "---\nbody\n");
}
static char *S_empty(void) { return xstrdup(""); }
static char *S_many_procedures(void)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, FRONT "```compare\nprocedures: ");
    for (int i = 0; i < 10000; i++)
        strbuf_printf(&b, "%sp%d", i ? ", " : "", i);
    strbuf_puts(&b, "\ncaption: Many\n```\n");
    return strbuf_detach(&b);
}

static const S_case S_cases[] = {
    {"raw HTML with a script and event handlers", S_raw_html, 0, "raw HTML is not published",
     "onerror"},
    {"javascript:, vbscript: and data: links", S_script_links, 0, NULL, "script:"},
    {"a ../ link", S_dotdot_link, 1, "points at a file suture does not publish", NULL},
    {"an absolute image path", S_absolute_image, 1, "/etc/shadow", NULL},
    {"a slug with ../", S_slug_traversal, 1, "'slug' may use only", NULL},
    {"a 10 MB article", S_ten_megabytes, 0, NULL, NULL},
    {"100,000 nested quotes", S_deep_nesting, 1, "nested more than 64 levels", NULL},
    {"lists nested 2,000 deep", S_deep_lists, 1, "nested more than 64 levels", NULL},
    {"a 1,000,000-character line", S_long_line, 0, NULL, NULL},
    {"invalid UTF-8 and control bytes", S_bad_bytes, 0, NULL, "\xff"},
    {"a YAML alias bomb", S_alias_bomb, 1, "front matter", NULL},
    {"duplicate keys", S_duplicate_keys, 1, "duplicate key 'title'", NULL},
    {"huge numbers and dates", S_huge_values, 1, "not a valid date", NULL},
    {"an empty file", S_empty, 1, "must start with front matter", NULL},
    {"a compare block naming 10,000 procedures", S_many_procedures, 1, "unknown procedure",
     NULL},
};

typedef struct {
    int status;
    double seconds;
    long max_rss_kb;
    char *err;
} S_outcome;

/* Build dir's site; the exit status, the time, the peak memory and stderr. */
static S_outcome S_build(const char *dir)
{
    S_outcome o = {.status = -1};
    char errpath[] = "/tmp/suture-e2e-hostile-XXXXXX";
    int efd = mkstemp(errpath);
    assert_true(efd >= 0);
    char *abs = realpath(e2e_suture(), NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir(dir) != 0 || dup2(efd, 2) < 0)
            _exit(99);
        execl(abs, abs, "build", (char *)NULL);
        _exit(98);
    }
    int ws;
    struct rusage ru;
    assert_int_equal(wait4(pid, &ws, 0, &ru), pid);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    o.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    o.max_rss_kb = ru.ru_maxrss;
    if (WIFEXITED(ws))
        o.status = WEXITSTATUS(ws);
    else
        o.status = -WTERMSIG(ws);
    size_t len;
    o.err = file_read(errpath, &len);
    if (!o.err)
        o.err = xstrdup("");
    unlink(errpath);
    close(efd);
    free(abs);
    return o;
}

/* A copy of the good fixture, built once; returns its folder. */
static char *S_fresh_site(void)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    S_outcome o = S_build(dir);
    assert_int_equal(o.status, 0);
    free(o.err);
    return dir;
}

/* Build and hold the outcome to the case's promises. */
static void S_expect(const char *dir, const char *name, int status, const char *said,
                     const char *absent)
{
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    S_outcome o = S_build(dir);
    if (o.status < 0)
        fail_msg("%s: the build was killed by signal %d", name, -o.status);
    if (o.status != status)
        fail_msg("%s: exit status %d, expected %d; stderr:\n%.2000s", name, o.status, status,
                 o.err);
    if (said && !strstr(o.err, said))
        fail_msg("%s: expected '%s' in:\n%.2000s", name, said, o.err);
    /* Within 2 s and 256 MiB: not measured under a wrapper such as valgrind, nor when the
     * binary carries AddressSanitizer's shadow memory (make asan). */
#if defined(__SANITIZE_ADDRESS__)
    bool measured = false;
#else
    bool measured = !getenv("SUTURE_WRAPPER");
#endif
    if (measured) {
        if (o.seconds > 2.0)
            fail_msg("%s: the build took %.2f s", name, o.seconds);
        if (o.max_rss_kb > 256 * 1024)
            fail_msg("%s: the build used %ld KiB", name, o.max_rss_kb);
    }
    char *after = e2e_snapshot(site);
    if (status != 0 && strcmp(before, after) != 0)
        fail_msg("%s: a failed build changed the published site", name);
    if (status == 0) {
        /* A safe page: no script, no event handler, whatever the article held. */
        char *page = path_join(site, "articles/hostile/index.html");
        size_t len;
        char *html = file_read(page, &len);
        if (!html)
            fail_msg("%s: no page was made", name);
        if (absent && memmem(html, len, absent, strlen(absent)))
            fail_msg("%s: '%s' reached the page", name, absent);
        xmlDocPtr doc = e2e_html(page);
        assert_non_null(doc);
        if (e2e_count(doc, "//script") != 0 || e2e_count(doc, "//@*[starts-with(name(), 'on')]"))
            fail_msg("%s: a script or an event handler reached the page", name);
        xmlFreeDoc(doc);
        free(html);
        free(page);
    }
    print_message("%-45s exit %d, %.2f s, %ld MiB\n", name, o.status, o.seconds,
                  o.max_rss_kb / 1024);
    free(before);
    free(after);
    free(o.err);
    free(site);
}

static void test_hostile_articles(void **state)
{
    (void)state;
    char *dir = S_fresh_site();
    char *article = path_join(dir, "content/articles/hostile.md");
    for (size_t i = 0; i < sizeof S_cases / sizeof *S_cases; i++) {
        char *text = S_cases[i].make();
        assert_int_equal(file_write(article, text, strlen(text)), 0);
        free(text);
        S_expect(dir, S_cases[i].name, S_cases[i].status, S_cases[i].said, S_cases[i].absent);
        unlink(article);
    }
    free(article);
    remove_tree(dir);
    free(dir);
}

static void test_hostile_links_and_templates(void **state)
{
    (void)state;
    char *dir = S_fresh_site();
    /* An article that is a symbolic link out of content/. */
    char *outside = path_join(dir, "outside.md");
    assert_int_equal(file_write(outside, FRONT "Secret.\n", strlen(FRONT "Secret.\n")), 0);
    char *link = path_join(dir, "content/articles/hostile.md");
    assert_int_equal(symlink(outside, link), 0);
    S_expect(dir, "an article linked from outside content/", 1,
             "symbolic link to a file outside the content folder", NULL);
    unlink(link);
    /* A template that calls itself for ever: libxslt's depth limit stops it. */
    assert_true(e2e_edit(dir, "templates/article.xsl", "<xsl:template name=\"content\">",
                         "<xsl:template name=\"loop\"><xsl:call-template name=\"loop\"/>"
                         "</xsl:template><xsl:template name=\"content\">"
                         "<xsl:call-template name=\"loop\"/>"));
    S_expect(dir, "a template that loops for ever", 1, "infinite template recursion", NULL);
    char *from = xasprintf("%s/templates/article.xsl", S_root);
    char *to = path_join(dir, "templates/article.xsl");
    assert_int_equal(file_copy(from, to), 0);
    /* A template that reads a file outside templates/, or the network. */
    assert_true(e2e_edit(dir, "templates/article.xsl", "<xsl:template name=\"content\">",
                         "<xsl:template name=\"content\"><xsl:value-of "
                         "select=\"document('/etc/passwd')\"/>"));
    S_expect(dir, "a template reading /etc/passwd", 1, "Local file read for /etc/passwd refused",
             NULL);
    assert_int_equal(file_copy(from, to), 0);
    assert_true(e2e_edit(dir, "templates/article.xsl", "<xsl:template name=\"content\">",
                         "<xsl:template name=\"content\"><xsl:value-of "
                         "select=\"document('http://192.0.2.1/x.xml')\"/>"));
    S_expect(dir, "a template reading the network", 1, "Network file read", NULL);
    free(from);
    free(to);
    free(link);
    free(outside);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_articles),
        cmocka_unit_test(test_hostile_links_and_templates),
    };
    int rc = cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
    free(S_root);
    return rc;
}
