/* test_servewatch.c: what the preview watches, and when it builds (servewatch.h). */
#define _GNU_SOURCE
#include "testutil.h"

#include <stdio.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "base/files.h"
#include "cli/servewatch.h"

static void test_classify(void **state)
{
    (void)state;
    /* Lost events: everything again. */
    assert_int_equal(serve_watch_classify(IN_Q_OVERFLOW, NULL, false, NULL),
                     SERVE_WATCH_OVERFLOW);
    assert_int_equal(serve_watch_classify(IN_Q_OVERFLOW, NULL, true, "content"),
                     SERVE_WATCH_OVERFLOW);
    /* A saved article, a removed one, one moved in. */
    assert_int_equal(serve_watch_classify(IN_CLOSE_WRITE, "layers.md", false, NULL),
                     SERVE_WATCH_BUILD);
    assert_int_equal(serve_watch_classify(IN_DELETE, "layers.md", false, NULL), SERVE_WATCH_BUILD);
    assert_int_equal(serve_watch_classify(IN_MOVED_TO, "layers.md", false, NULL),
                     SERVE_WATCH_BUILD);
    assert_int_equal(serve_watch_classify(IN_ATTRIB, "layers.md", false, NULL), SERVE_WATCH_BUILD);
    /* An editor's scratch files. */
    static const char *const scratch[] = {".layers.md.swp", "layers.md~", "layers.md.swp",
                                          "layers.md.swx", "4913", ".#layers.md"};
    for (size_t i = 0; i < sizeof scratch / sizeof *scratch; i++)
        assert_int_equal(serve_watch_classify(IN_CLOSE_WRITE, scratch[i], false, NULL),
                         SERVE_WATCH_IGNORE);
    /* Folders: a new one must be watched; a removed one is a change; hidden ones are not. */
    assert_int_equal(serve_watch_classify(IN_CREATE | IN_ISDIR, "media", false, NULL),
                     SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_MOVED_TO | IN_ISDIR, "media", false, NULL),
                     SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_DELETE | IN_ISDIR, "media", false, NULL),
                     SERVE_WATCH_BUILD);
    assert_int_equal(serve_watch_classify(IN_CREATE | IN_ISDIR, ".git", false, NULL),
                     SERVE_WATCH_IGNORE);
    /* A watched folder itself removed, moved, or no longer watched. */
    assert_int_equal(serve_watch_classify(IN_DELETE_SELF, NULL, false, NULL), SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_MOVE_SELF, NULL, false, NULL), SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_IGNORED, NULL, false, NULL), SERVE_WATCH_REWATCH);
    /* In the parent: only the tree's own name matters. */
    assert_int_equal(serve_watch_classify(IN_CREATE | IN_ISDIR, "content", true, "content"),
                     SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_MOVED_FROM | IN_ISDIR, "content", true, "content"),
                     SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_DELETE | IN_ISDIR, "content", true, "content"),
                     SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_classify(IN_CREATE, "content", true, "content"),
                     SERVE_WATCH_REWATCH); /* a link named content */
    assert_int_equal(serve_watch_classify(IN_CREATE | IN_ISDIR, "site", true, "content"),
                     SERVE_WATCH_IGNORE);
    assert_int_equal(serve_watch_classify(IN_CLOSE_WRITE, "README.md", true, "content"),
                     SERVE_WATCH_IGNORE);
}

static void test_wait_ms(void **state)
{
    (void)state;
    /* One save: the debounce's quiet time after it. */
    assert_int_equal(serve_watch_wait_ms(1000, 1000, 1000, 100), 100);
    assert_int_equal(serve_watch_wait_ms(1000, 1000, 1060, 100), 40);
    assert_int_equal(serve_watch_wait_ms(1000, 1000, 1100, 100), 0);
    assert_int_equal(serve_watch_wait_ms(1000, 1000, 5000, 100), 0);
    /* Saves every 50 ms: never quiet, but built SERVE_WATCH_MAX_WAIT_MS after the first. */
    uint64_t first = 1000;
    int waited = -1;
    for (uint64_t now = first; now < first + 5000 && waited < 0; now += 50)
        if (serve_watch_wait_ms(first, now, now, 100) == 0)
            waited = (int)(now - first);
    assert_int_equal(waited, SERVE_WATCH_MAX_WAIT_MS);
    assert_true(SERVE_WATCH_MAX_WAIT_MS < 1000);
    /* A long debounce is cut short too. */
    assert_int_equal(serve_watch_wait_ms(0, 0, 0, 5000), SERVE_WATCH_MAX_WAIT_MS);
}

/* Read the watcher's events (they are queued by the time a file call returns). */
static serve_watch_action S_read(serve_watch *w)
{
    return serve_watch_read(w);
}

static void test_watch_follows_replaced_folders(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("watch");
    char *content = tu_subdir(dir, "content");
    char *articles = tu_subdir(dir, "content/articles");
    char *templates = tu_subdir(dir, "templates");
    const char *const roots[] = {content, templates, NULL};
    serve_watch *w = serve_watch_new(roots);
    assert_non_null(w);
    assert_int_equal(serve_watch_missing(w), 0);
    assert_int_equal(S_read(w), SERVE_WATCH_IGNORE);

    free(tu_write_file(articles, "a.md", "A"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    free(tu_write_file(articles, ".a.md.swp", "x"));
    assert_int_equal(S_read(w), SERVE_WATCH_IGNORE);
    /* Something beside the trees is not watched. */
    free(tu_write_file(dir, "notes.txt", "x"));
    assert_int_equal(S_read(w), SERVE_WATCH_IGNORE);

    /* mv content content.old: watched anew; the old folder no longer counts. */
    char *old = path_join(dir, "content.old");
    assert_int_equal(rename(content, old), 0);
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_missing(w), 1);
    free(tu_write_file(old, "articles/b.md", "B"));
    assert_int_equal(S_read(w), SERVE_WATCH_IGNORE);
    /* cp -r content.old content: the new folder is watched, to its subfolders. */
    assert_int_equal(copy_tree(old, content, NULL, NULL), 0);
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_missing(w), 0);
    free(tu_write_file(articles, "c.md", "C"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);

    /* A new subfolder is watched too. */
    char *media = tu_subdir(dir, "content/media");
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    free(tu_write_file(media, "figure.svg", "<svg/>"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);

    /* rm -r templates, then mkdir templates. */
    assert_int_equal(remove_tree(templates), 0);
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    assert_int_equal(serve_watch_missing(w), 1);
    free(tu_subdir(dir, "templates"));
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    free(tu_write_file(templates, "layout.xsl", "<x/>"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    assert_true(serve_watch_fd(w) >= 0);

    serve_watch_free(w);
    serve_watch_free(NULL);
    free(media);
    free(old);
    free(content);
    free(articles);
    free(templates);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* A tree inside another (templates/ in content/): both watches report. */
static void test_watch_nested_trees(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("watch-nested");
    char *content = tu_subdir(dir, "content");
    char *templates = tu_subdir(dir, "content/templates");
    const char *const roots[] = {content, templates, NULL};
    serve_watch *w = serve_watch_new(roots);
    assert_non_null(w);
    free(tu_write_file(content, "site.yaml", "title: x\n"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    free(tu_write_file(templates, "layout.xsl", "<x/>"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    serve_watch_free(w);
    free(content);
    free(templates);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* content given as a symbolic link, switched to another folder (ln -sfn). */
static void test_watch_follows_a_linked_tree(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("watch-link");
    char *v1 = tu_subdir(dir, "content-v1/articles");
    char *v2 = tu_subdir(dir, "content-v2/articles");
    char *link = path_join(dir, "content");
    assert_int_equal(symlink("content-v1", link), 0);
    const char *const roots[] = {link, NULL};
    serve_watch *w = serve_watch_new(roots);
    assert_non_null(w);
    assert_int_equal(serve_watch_missing(w), 0);
    free(tu_write_file(v1, "a.md", "A"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    /* ln -sfn content-v2 content: a new link renamed over the old one. */
    char *tmp = path_join(dir, "content.new");
    assert_int_equal(symlink("content-v2", tmp), 0);
    assert_int_equal(rename(tmp, link), 0);
    assert_int_equal(S_read(w), SERVE_WATCH_REWATCH);
    free(tu_write_file(v1, "b.md", "B"));
    assert_int_equal(S_read(w), SERVE_WATCH_IGNORE);
    free(tu_write_file(v2, "c.md", "C"));
    assert_int_equal(S_read(w), SERVE_WATCH_BUILD);
    serve_watch_free(w);
    free(tmp);
    free(link);
    free(v1);
    free(v2);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_wait_ms),
        cmocka_unit_test(test_watch_follows_replaced_folders),
        cmocka_unit_test(test_watch_nested_trees),
        cmocka_unit_test(test_watch_follows_a_linked_tree),
    };
    return cmocka_run_group_tests_name("servewatch", tests, NULL, NULL);
}
