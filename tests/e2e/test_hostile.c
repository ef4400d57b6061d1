/*
 * test_hostile.c: the hostile input suite (issue 6). Each case puts one hostile input into a
 * copy of the good fixture site (an article, a template) and builds. Every case must end in
 * a clear diagnostic or a safe page, within 2 s and 256 MiB, never a crash; a build that
 * fails leaves the previous site exactly as it was. The inputs are the files of
 * tests/fixtures/hostile/ (its README.md lists every case and what it gets), except the
 * large ones, which are generated here rather than stored.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

/* How long one run of suture may take before SIGALRM ends it: far more than any case needs
 * (2 s), so that only a hang reaches it, even under valgrind or AddressSanitizer. */
#define S_LIMIT_SECONDS 120

#define FRONT "---\ntitle: \"Hostile\"\nsummary: \"A hostile article.\"\ntopics: [anatomy]\n" \
              "date: 2026-11-10\nreviewed: 2026-11-10\nreviewer: \"Medical review team\"\n---\n"

typedef struct {
    const char *name;
    const char *file;    /* the input, under tests/fixtures/hostile/, or NULL: */
    char *(*make)(void); /* the input made here (malloc'd): the large ones */
    const char *target;  /* where it goes in the site; NULL: content/articles/hostile.md */
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
/* Inlines nested 50,000 deep: emphasis in emphasis, then images in the alt text of images
 * (cmark sets no limit on either; the lint reads them without recursing). */
static char *S_deep_inlines(void)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, FRONT);
    for (int i = 0; i < 50000; i++)
        strbuf_puts(&b, "*a ");
    strbuf_puts(&b, "b");
    for (int i = 0; i < 50000; i++)
        strbuf_puts(&b, " c*");
    strbuf_puts(&b, "\n\n");
    for (int i = 0; i < 20000; i++)
        strbuf_puts(&b, "![");
    strbuf_puts(&b, "x");
    for (int i = 0; i < 20000; i++)
        strbuf_puts(&b, "](media/a.png)");
    strbuf_puts(&b, "\n");
    return strbuf_detach(&b);
}
static char *S_many_procedures(void)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, FRONT "```compare\nprocedures: ");
    for (int i = 0; i < 10000; i++)
        strbuf_printf(&b, "%sp%d", i ? ", " : "", i);
    strbuf_puts(&b, "\ncaption: Many\n```\n");
    return strbuf_detach(&b);
}

#define SITE_YAML "content/site.yaml"
#define PROCEDURES "content/data/procedures.yaml"
#define GLOSSARY "content/glossary.yaml"

/* The cases; tests/fixtures/hostile/README.md lists them with what each gets. */
static const S_case S_cases[] = {
    {"raw HTML with a script and event handlers", "articles/raw-html.md", NULL, NULL, 0,
     "raw HTML is not published", "onerror"},
    {"javascript:, vbscript: and data: links", "articles/script-links.md", NULL, NULL, 0, NULL,
     "script:"},
    {"a ../ link", "articles/dotdot-link.md", NULL, NULL, 1,
     "points at a file suture does not publish", NULL},
    {"an absolute image path", "articles/absolute-image.md", NULL, NULL, 1, "/etc/shadow", NULL},
    {"a ../ image path through media/", "articles/dotdot-media.md", NULL, NULL, 1,
     "../media/../../../etc/passwd", NULL},
    {"../ and absolute procedure names", "articles/dotdot-compare.md", NULL, NULL, 1,
     "unknown procedure '../../etc/passwd'", NULL},
    {"a slug with ../", "articles/slug-traversal.md", NULL, NULL, 1, "'slug' may use only", NULL},
    {"an absolute slug", "articles/slug-absolute.md", NULL, NULL, 1, "'slug' may use only", NULL},
    {"invalid UTF-8 and control bytes", "articles/bad-bytes.md", NULL, NULL, 0,
     "content/articles/hostile.md:9:5: warning: this file is not valid UTF-8 at line 9, "
     "column 5 (the bytes show as \xef\xbf\xbd on the page): save it as UTF-8 in your "
     "editor [encoding]",
     "\xff"},
    {"a NUL byte in the body", "articles/nul-byte.md", NULL, NULL, 0,
     "content/articles/hostile.md:9:7: warning: this file holds a NUL character at line 9, "
     "column 7 (it shows as \xef\xbf\xbd on the page): delete it in your editor; it often "
     "comes from text pasted from another program [encoding]",
     NULL},
    {"a YAML alias bomb", "articles/alias-bomb.md", NULL, NULL, 1, "front matter", NULL},
    {"duplicate keys", "articles/duplicate-keys.md", NULL, NULL, 1, "duplicate key 'title'", NULL},
    {"huge numbers and dates", "articles/huge-values.md", NULL, NULL, 1, "not a valid date",
     NULL},
    {"an empty file", "articles/empty.md", NULL, NULL, 1, "must start with front matter", NULL},
    {"a 10 MB article", NULL, S_ten_megabytes, NULL, 0, NULL, NULL},
    {"100,000 nested quotes", NULL, S_deep_nesting, NULL, 1, "nested more than 64 levels", NULL},
    {"lists nested 2,000 deep", NULL, S_deep_lists, NULL, 1, "nested more than 64 levels", NULL},
    {"emphasis and images nested 50,000 deep", NULL, S_deep_inlines, NULL, 1,
     "nested more than 64 levels", NULL},
    {"a 1,000,000-character line", NULL, S_long_line, NULL, 0, NULL, NULL},
    {"a compare block naming 10,000 procedures", NULL, S_many_procedures, NULL, 1,
     "unknown procedure", NULL},
    {"site.yaml: a YAML alias bomb", "data/site-alias-bomb.yaml", NULL, SITE_YAML, 1,
     "'title' must be a text value, but it is a list", NULL},
    {"site.yaml: an empty file", "data/site-empty.yaml", NULL, SITE_YAML, 1,
     "site.yaml must be a mapping", NULL},
    {"procedures: an article path with ../", "data/procedures-dotdot-article.yaml", NULL,
     PROCEDURES, 1, "'article' must name an article file", NULL},
    {"procedures: duplicate keys", "data/procedures-duplicate-keys.yaml", NULL, PROCEDURES, 1,
     "duplicate key 'name'", NULL},
    {"glossary: invalid UTF-8", "data/glossary-bad-utf8.yaml", NULL, GLOSSARY, 1,
     "not valid UTF-8", NULL},
    {"glossary: a YAML alias bomb", "data/glossary-alias-bomb.yaml", NULL, GLOSSARY, 1,
     "'term' must be a text value, but it is a list", NULL},
};

typedef struct {
    int status;
    double seconds;     /* wall clock */
    double cpu_seconds; /* user and system: what the build itself cost, however busy the machine */
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
        /* A build that blocks (on a named pipe, say) is killed, never waited for: the alarm
         * outlives exec. */
        alarm(S_LIMIT_SECONDS);
        execl(abs, abs, "build", (char *)NULL);
        _exit(98);
    }
    int ws;
    struct rusage ru;
    assert_int_equal(wait4(pid, &ws, 0, &ru), pid);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    o.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    o.cpu_seconds = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
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
    /* Within 3 s of CPU time and 256 MiB (3 s since the build lints what it publishes as
     * suture check does, issue 17: the 10 MB article is read by both): not measured under a wrapper such as valgrind, nor
     * when the binary carries AddressSanitizer's shadow memory (make asan). CPU time, not the
     * wall clock, so that the limit holds while make -j runs other tests beside this one; a
     * build that blocks without working is caught by the wall-clock limit, which allows for
     * a busy machine, and in the end by the alarm. */
#if defined(__SANITIZE_ADDRESS__)
    bool measured = false;
#else
    bool measured = !getenv("SUTURE_WRAPPER");
#endif
    if (measured) {
        if (o.cpu_seconds > 3.0)
            fail_msg("%s: the build took %.2f s of CPU time", name, o.cpu_seconds);
        if (o.seconds > 10.0)
            fail_msg("%s: the build took %.2f s (wall clock)", name, o.seconds);
        if (o.max_rss_kb > 256 * 1024)
            fail_msg("%s: the build used %ld KiB", name, o.max_rss_kb);
    }
    char *after = e2e_snapshot(site);
    if (status != 0 && strcmp(before, after) != 0)
        fail_msg("%s: a failed build changed the published site", name);
    char *source = path_join(dir, "content/articles/hostile.md");
    bool has_article = path_is_file(source);
    free(source);
    if (status == 0 && has_article) {
        /* A safe page: no script of the article's, no event handler, whatever it held. */
        char *page = path_join(site, "articles/hostile/index.html");
        size_t len;
        char *html = file_read(page, &len);
        if (!html)
            fail_msg("%s: no page was made", name);
        if (absent && memmem(html, len, absent, strlen(absent)))
            fail_msg("%s: '%s' reached the page", name, absent);
        xmlDocPtr doc = e2e_html(page);
        assert_non_null(doc);
        /* suture's own: the JSON-LD data block and scripts from the site's assets/. */
        if (e2e_count(doc, "//script[not(@type='application/ld+json')][not(starts-with(@src, "
                           "'/kb/assets/'))]") != 0 ||
            e2e_count(doc, "//@*[starts-with(name(), 'on')]"))
            fail_msg("%s: a script or an event handler reached the page", name);
        xmlFreeDoc(doc);
        free(html);
        free(page);
    }
    print_message("%-45s exit %d, %.2f s (CPU %.2f s), %ld MiB\n", name, o.status, o.seconds,
                  o.cpu_seconds,
                  o.max_rss_kb / 1024);
    free(before);
    free(after);
    free(o.err);
    free(site);
}

/* The input of case k (malloc'd) and its length. */
static char *S_input(const S_case *k, size_t *len)
{
    if (k->make) {
        char *text = k->make();
        *len = strlen(text);
        return text;
    }
    char *path = xasprintf("%s/tests/fixtures/hostile/%s", S_root, k->file);
    char *text = file_read(path, len);
    if (!text)
        fail_msg("cannot read %s", path);
    free(path);
    return text;
}

static void test_hostile_inputs(void **state)
{
    (void)state;
    char *dir = S_fresh_site();
    for (size_t i = 0; i < sizeof S_cases / sizeof *S_cases; i++) {
        const S_case *k = &S_cases[i];
        char *target = path_join(dir, k->target ? k->target : "content/articles/hostile.md");
        char *saved = NULL;
        size_t saved_len = 0;
        if (k->target)
            saved = file_read(target, &saved_len);
        size_t len;
        char *text = S_input(k, &len);
        assert_int_equal(file_write(target, text, len), 0);
        free(text);
        S_expect(dir, k->name, k->status, k->said, k->absent);
        if (saved)
            assert_int_equal(file_write(target, saved, saved_len), 0);
        else
            unlink(target);
        free(saved);
        free(target);
    }
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
    /* suture check refuses to read it too, with the same message (the fixture has the
     * clinic's compliance rules, which both lint with). */
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    if (!strstr(err, "content/articles/hostile.md: error: this article is a symbolic link to a "
                     "file outside the content folder"))
        fail_msg("suture check said:\n%s", err);
    assert_null(strstr(err, "Secret"));
    free(err);
    unlink(link);

    /* Media: a link out of content/ (or to nothing) fails the build; it never publishes
     * what it points to. */
    char *media_link = path_join(dir, "content/media/passwd.txt");
    assert_int_equal(symlink("/etc/passwd", media_link), 0);
    S_expect(dir, "a media file linked from outside content/", 1,
             "content/media/passwd.txt: error: this is a symbolic link to a file outside "
             "content (or to nothing)",
             NULL);
    unlink(media_link);
    assert_int_equal(symlink("../nowhere.jpg", media_link), 0);
    S_expect(dir, "a media link to nothing", 1, "symbolic link to a file outside content", NULL);
    unlink(media_link);
    /* A link to a folder is refused even inside content/. */
    assert_int_equal(symlink("../articles", media_link), 0);
    S_expect(dir, "a media link to a folder", 1, "symbolic link to a folder", NULL);
    unlink(media_link);
    /* A link to a file inside content/ is published as that file, not as a link. */
    assert_int_equal(symlink("../site.yaml", media_link), 0);
    S_expect(dir, "a media link inside content/", 0, NULL, NULL);
    char *published = path_join(dir, "site/media/passwd.txt");
    struct stat st;
    assert_int_equal(lstat(published, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    free(published);
    unlink(media_link);
    free(media_link);
    /* Template assets: a link out of templates/ fails the build the same way. */
    char *asset_link = path_join(dir, "templates/assets/shadow.css");
    assert_int_equal(symlink("/etc/shadow", asset_link), 0);
    S_expect(dir, "an asset linked from outside templates/", 1,
             "templates/assets/shadow.css: error: this is a symbolic link to a file outside "
             "templates",
             NULL);
    unlink(asset_link);
    free(asset_link);
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

/* ---- the file system: missing, file instead of folder, dangling link, named pipe -------- */

typedef enum { S_MISSING, S_FILE, S_FOLDER, S_DANGLING, S_FIFO, S_SOCKET } S_thing;

typedef struct {
    const char *name;
    const char *rel;    /* what is replaced (or added), under the site's folder */
    S_thing thing;      /* what is put there instead */
    const char *said;   /* a line of stderr (build), exactly (check); for both a part of
                         * one when it starts with '~' */
} S_fs_case;

#define ARTICLES_FOLDER "the articles (one Markdown file each)"
#define NOT_A_FILE(what) "not a file; suture reads only regular files: remove it or replace it with " what

static const S_fs_case S_fs_cases[] = {
    {"the articles folder missing", "content/articles", S_MISSING,
     "content/articles: error: the folder does not exist; create it and put " ARTICLES_FOLDER
     " in it"},
    {"the articles folder a file", "content/articles", S_FILE,
     "content/articles: error: this is a file, not a folder; suture reads " ARTICLES_FOLDER
     " from a folder of this name: replace it with that folder"},
    {"the articles folder a link to nothing", "content/articles", S_DANGLING,
     "content/articles: error: this is a symbolic link to 'gone', which does not exist; suture "
     "reads " ARTICLES_FOLDER " from a folder of this name: point the link at that folder or "
     "replace the link with it"},
    {"the articles folder a named pipe", "content/articles", S_FIFO,
     "content/articles: error: this is a named pipe (FIFO), not a folder; suture reads "
     ARTICLES_FOLDER " from a folder of this name: replace it with that folder"},
    {"an article that is a named pipe", "content/articles/hostile.md", S_FIFO,
     "content/articles/hostile.md: error: this is a named pipe (FIFO), " NOT_A_FILE("the article")},
    {"an article that is a socket", "content/articles/hostile.md", S_SOCKET,
     "content/articles/hostile.md: error: this is a socket, " NOT_A_FILE("the article")},
    {"an article that is a folder", "content/articles/hostile.md", S_FOLDER,
     "content/articles/hostile.md: error: this is a folder, " NOT_A_FILE("the article")},
    {"site.yaml a named pipe", "content/site.yaml", S_FIFO,
     "content/site.yaml: error: this is a named pipe (FIFO), " NOT_A_FILE("the site settings")},
    {"site.yaml a folder", "content/site.yaml", S_FOLDER,
     "content/site.yaml: error: this is a folder, " NOT_A_FILE("the site settings")},
    {"procedures.yaml a folder", "content/data/procedures.yaml", S_FOLDER,
     "content/data/procedures.yaml: error: this is a folder, " NOT_A_FILE("the procedure data")},
    {"procedures.yaml a link to nothing", "content/data/procedures.yaml", S_DANGLING,
     "content/data/procedures.yaml: error: this is a symbolic link to 'gone', which does not "
     "exist; suture reads only regular files: remove the link or replace it with the procedure "
     "data"},
    {"glossary.yaml a named pipe", "content/glossary.yaml", S_FIFO,
     "content/glossary.yaml: error: this is a named pipe (FIFO), " NOT_A_FILE("the glossary")},
    {"the media folder a file", "content/media", S_FILE,
     "content/media: error: this is a file, not a folder; suture reads the images from a folder "
     "of this name: replace it with that folder"},
    {"the media folder a link to nothing", "content/media", S_DANGLING,
     "content/media: error: this is a symbolic link to 'gone', which does not exist; suture "
     "reads the images from a folder of this name: point the link at that folder or replace "
     "the link with it"},
    {"a named pipe in the media folder", "content/media/pipe.png", S_FIFO,
     "content/media/pipe.png: error: this is a named pipe (FIFO), " NOT_A_FILE("the image")},
    {"an image that is a named pipe", "content/media/layers.png", S_FIFO,
     "~the image 'media/layers.png' is a named pipe (FIFO), not a file: content/media/layers.png;"
     " suture publishes only regular files: replace it with the image [media]"},
    {"the templates' assets a file", "templates/assets", S_FILE,
     "templates/assets: error: this is a file, not a folder; suture reads the templates' assets "
     "(style sheets, scripts) from a folder of this name: replace it with that folder"},
    {"a page template that is a named pipe", "templates/article.xsl", S_FIFO,
     "templates/article.xsl: error: this is a named pipe (FIFO), " NOT_A_FILE("the stylesheet")
     " [template]"},
    {"the imported layout a named pipe", "templates/layout.xsl", S_FIFO,
     "templates/layout.xsl: error: this is a named pipe (FIFO), " NOT_A_FILE("the stylesheet")
     " [template]"},
    {"strings.xml a named pipe", "templates/strings.xml", S_FIFO,
     "~templates/strings.xml: error: while rendering /kb/ and 12 other pages: this is a named pipe "
     "(FIFO), " NOT_A_FILE("the document the template reads") " [template]"},
};

/* A socket at path, made by binding it (nothing listens: it is only a name). */
static void S_make_socket(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    assert_true(strlen(path) < sizeof addr.sun_path);
    strcpy(addr.sun_path, path);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    close(fd);
}

/* Put thing at path, which is free. */
static void S_make(const char *path, S_thing thing)
{
    switch (thing) {
    case S_MISSING:
        break;
    case S_FILE:
        assert_int_equal(file_write(path, "not a folder\n", 13), 0);
        break;
    case S_FOLDER:
        assert_int_equal(mkdir(path, 0755), 0);
        break;
    case S_DANGLING:
        assert_int_equal(symlink("gone", path), 0);
        break;
    case S_FIFO:
        assert_int_equal(mkfifo(path, 0644), 0);
        break;
    case S_SOCKET:
        S_make_socket(path);
        break;
    }
}

/*
 * Run suture with args in dir (as e2e_run does), killed after S_LIMIT_SECONDS (the alarm outlives exec; under
 * $SUTURE_WRAPPER it ends the wrapper). Returns the exit status, or -1 when it did not exit
 * (killed: it hung, or crashed); stderr in *err (malloc'd).
 */
static int S_run_limited(const char *dir, const char *const *args, char **err)
{
    char errpath[] = "/tmp/suture-e2e-hostile-XXXXXX";
    int efd = mkstemp(errpath);
    assert_true(efd >= 0);
    const char *argv[64];
    e2e_held held;
    e2e_command(args, argv, 64, &held);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (chdir(dir) != 0 || dup2(efd, 2) < 0 || null < 0 || dup2(null, 1) < 0)
            _exit(99);
        alarm(S_LIMIT_SECONDS);
        execvp(argv[0], (char *const *)argv);
        _exit(98);
    }
    e2e_held_free(&held);
    int ws, status = -1;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    if (WIFEXITED(ws))
        status = WEXITSTATUS(ws);
    size_t len;
    *err = file_read(errpath, &len);
    if (!*err)
        *err = xstrdup("");
    unlink(errpath);
    close(efd);
    return status;
}

/* Whether err holds the case's line (exactly, or a part of a line for '~'). */
static bool S_said(const char *err, const char *said)
{
    return said[0] == '~' ? strstr(err, said + 1) != NULL : e2e_has_line(err, said);
}

/*
 * The hostile file system (issue 14): each case puts something that is not what suture
 * expects where a folder or a file should be. `suture build` must say what is there and
 * what to do, with the path, exit 1, never crash or hang, and leave the published site as
 * it was; when the thing is put right, the next build succeeds. `suture check` reports the
 * content's cases the same way.
 */
static void test_hostile_file_system(void **state)
{
    (void)state;
    char *dir = S_fresh_site();
    char *aside = path_join(dir, "aside");
    for (size_t i = 0; i < sizeof S_fs_cases / sizeof *S_fs_cases; i++) {
        const S_fs_case *k = &S_fs_cases[i];
        char *path = path_join(dir, k->rel);
        bool moved = rename(path, aside) == 0;
        S_make(path, k->thing);
        S_expect(dir, k->name, 1, k->said[0] == '~' ? k->said + 1 : k->said, NULL);
        assert_int_equal(remove_tree(path), 0);
        if (moved)
            assert_int_equal(rename(aside, path), 0);
        free(path);
    }
    /* Put right, the site builds again. */
    S_expect(dir, "everything back in place", 0, NULL, NULL);

    /* suture check: the articles folder and the files it reads (the fixture's rules). */
    char *rules_to = path_join(dir, "content/compliance.yaml");
    const S_fs_case *checked[] = {&S_fs_cases[0], &S_fs_cases[1], &S_fs_cases[2],
                                  &S_fs_cases[4], &S_fs_cases[8], &S_fs_cases[11]};
    for (size_t i = 0; i < sizeof checked / sizeof *checked; i++) {
        const S_fs_case *k = checked[i];
        char *path = path_join(dir, k->rel);
        bool moved = rename(path, aside) == 0;
        S_make(path, k->thing);
        char *err = NULL;
        const char *check[] = {"check", NULL};
        int status = S_run_limited(dir, check, &err);
        if (status != 1 || !S_said(err, k->said))
            fail_msg("suture check, %s: exit %d, expected 1 and the line\n%s\nin:\n%.3000s",
                     k->name, status, k->said, err);
        free(err);
        assert_int_equal(remove_tree(path), 0);
        if (moved)
            assert_int_equal(rename(aside, path), 0);
        free(path);
    }
    /* The rules themselves. */
    assert_int_equal(unlink(rules_to), 0);
    assert_int_equal(mkfifo(rules_to, 0644), 0);
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(S_run_limited(dir, check, &err), 1);
    if (!e2e_has_line(err, "content/compliance.yaml: error: this is a named pipe (FIFO), "
                           NOT_A_FILE("the compliance rules") " [rules]"))
        fail_msg("suture check said:\n%s", err);
    free(err);
    unlink(rules_to);
    free(rules_to);
    free(aside);
    remove_tree(dir);
    free(dir);
}

/*
 * Replace a file's text with another of the same length and give it an old modification
 * time, as a sync tool restoring a folder may: only the content tells the change.
 */
static void S_same_size_edit(const char *dir, const char *rel, const char *find, const char *repl)
{
    assert_int_equal(strlen(find), strlen(repl));
    assert_true(e2e_edit(dir, rel, find, repl));
    char *path = path_join(dir, rel);
    struct timespec old[2] = {{.tv_sec = 946684800}, {.tv_sec = 946684800}}; /* 2000-01-01 */
    assert_int_equal(utimensat(AT_FDCWD, path, old, 0), 0);
    free(path);
}

/* Whether the built page rel of the site in dir holds text. */
static bool S_page_has(const char *dir, const char *rel, const char *text)
{
    char *path = xasprintf("%s/site/%s", dir, rel);
    size_t len;
    char *html = file_read(path, &len);
    bool has = html && strstr(html, text);
    free(html);
    free(path);
    return has;
}

/*
 * content/ and templates/ replaced by copies between two builds (git checkout, a sync tool:
 * new folders, new inodes, old times): the next build publishes what the new folders hold.
 */
static void test_hostile_replaced_folders(void **state)
{
    (void)state;
    char *dir = S_fresh_site();
    static const char *const trees[] = {"content", "templates"};
    for (size_t i = 0; i < 2; i++) {
        char *tree = path_join(dir, trees[i]);
        char *old = xasprintf("%s.old", tree);
        assert_int_equal(rename(tree, old), 0);
        assert_int_equal(copy_tree(old, tree, NULL, NULL), 0);
        assert_int_equal(remove_tree(old), 0);
        free(old);
        free(tree);
    }
    S_same_size_edit(dir, "content/articles/layers.md", "why it matters", "WHY IT MATTERS");
    S_same_size_edit(dir, "templates/strings.xml", "Skip to content", "Skip to CONTENT");
    S_expect(dir, "content and templates replaced", 0, NULL, NULL);
    assert_true(S_page_has(dir, "articles/layers/index.html", "WHY IT MATTERS"));
    assert_true(S_page_has(dir, "index.html", "Skip to CONTENT"));
    /* And back, as a second checkout would. */
    S_same_size_edit(dir, "content/articles/layers.md", "WHY IT MATTERS", "why it matters");
    S_expect(dir, "content changed back", 0, NULL, NULL);
    assert_true(S_page_has(dir, "articles/layers/index.html", "why it matters"));
    assert_false(S_page_has(dir, "articles/layers/index.html", "WHY IT MATTERS"));
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_inputs),
        cmocka_unit_test(test_hostile_links_and_templates),
        cmocka_unit_test(test_hostile_file_system),
        cmocka_unit_test(test_hostile_replaced_folders),
    };
    int rc = cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
    free(S_root);
    return rc;
}
