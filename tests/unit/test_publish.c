/*
 * test_publish.c: unit tests for publish.h (staging the output folder and swapping it in).
 *
 * Every test works inside its own folder under a temporary directory; the current folder
 * is changed only where a test needs it and is restored before the test asserts.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "build/publish.h"

static char *S_root; /* the temporary folder of these tests; each has its own folder in it */

static int S_setup(void **state)
{
    (void)state;
    S_root = tu_tmpdir("publish");
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    return tu_tmpdir_remove(S_root);
}

/* The file's contents, or "(missing)"; the caller frees it. */
static char *S_read(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    return text ? text : xstrdup("(missing)");
}

/* The names in dir joined by spaces; the caller frees it. */
static char *S_list(const char *dir)
{
    strlist names = STRLIST_INIT;
    strbuf b = STRBUF_INIT;
    if (dir_list(dir, NULL, &names) != 0)
        strbuf_puts(&b, "(no folder)");
    for (size_t i = 0; i < names.len; i++)
        strbuf_printf(&b, "%s%s", i ? " " : "", names.items[i]);
    strlist_free(&names);
    strbuf_puts(&b, "");
    return strbuf_detach(&b);
}

/* True when staging is "<out>.tmp-<this process's pid>-" and six more characters. */
static bool S_is_staging_of(const char *staging, const char *out)
{
    char *prefix = xasprintf("%s.tmp-%ld-", out, (long)getpid());
    bool ok = str_starts_with(staging, prefix) && strlen(staging) == strlen(prefix) + 6;
    free(prefix);
    return ok;
}

/* ---- begin ---- */

static void test_begin_creates_sibling_staging(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "begin");
    char *out = path_join(dir, "site");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    assert_int_equal(diag_count(diags), 0);
    assert_true(S_is_staging_of(staging, out));
    assert_true(path_is_dir(staging));
    char *inside = S_list(staging);
    assert_string_equal(inside, "");
    free(inside);
    /* The output folder itself is not created before the commit. */
    assert_false(path_is_dir(out));
    publish_abort(st);
    free(staging);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_begin_with_trailing_slash(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "slash");
    char *out = path_join(dir, "site");
    char *written = xasprintf("%s//", out);
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(written, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    assert_true(S_is_staging_of(staging, out));
    publish_abort(st);
    assert_false(path_is_dir(staging));
    free(staging);
    free(written);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_begin_allows_unprotected_existing_folder(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "existing");
    char *content = path_join(dir, "content");
    char *out = path_join(dir, "site");
    assert_int_equal(mkdir_p(content), 0);
    assert_int_equal(mkdir_p(out), 0);
    const char *const protected_dirs[] = {content, NULL};
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, protected_dirs, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    assert_int_equal(diag_count(diags), 0);
    publish_abort(st);
    free(staging);
    free(out);
    free(content);
    free(dir);
    diag_list_free(diags);
}

/* publish_begin(out) must fail with exactly expected; nothing may be created. */
static void S_expect_refused(const char *out, const char *const *protected_dirs,
                             const char *expected)
{
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, protected_dirs, diags);
    assert_null(st);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, expected);
    diag_list_free(diags);
}

static void test_begin_refuses_protected_dir(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "protected");
    char *content = path_join(dir, "content");
    char *templates = path_join(dir, "templates");
    assert_int_equal(mkdir_p(content), 0);
    assert_int_equal(mkdir_p(templates), 0);
    tu_put_file(content, "site.yaml", "title: x\n");
    const char *const protected_dirs[] = {content, templates, NULL};
    char *expected = xasprintf("%s: error: refusing to replace '%s': it holds the sources or the "
                               "current folder; choose another --out", templates, templates);
    S_expect_refused(templates, protected_dirs, expected);
    free(expected);
    /* The same folder spelled differently. */
    char *other = xasprintf("%s/./content/", dir);
    expected = xasprintf("%s: error: refusing to replace '%s': it holds the sources or the "
                         "current folder; choose another --out", other, other);
    S_expect_refused(other, protected_dirs, expected);
    free(expected);
    free(other);
    /* Inside a protected folder, the output would be read back as sources. */
    char *inside = path_join(content, "site");
    expected = xasprintf("%s: error: the output folder is inside %s, which suture reads; build "
                         "somewhere else, such as 'site' beside it: --out site",
                         inside, content);
    S_expect_refused(inside, protected_dirs, expected);
    free(expected);
    free(inside);
    char *listing = S_list(dir);
    assert_string_equal(listing, "content templates");
    free(listing);
    listing = S_list(content);
    assert_string_equal(listing, "site.yaml");
    free(listing);
    char *kept = S_read(content, "site.yaml");
    assert_string_equal(kept, "title: x\n");
    free(kept);
    free(content);
    free(templates);
    free(dir);
}

static void test_begin_refuses_folder_containing_protected(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "containing");
    char *content = path_join(dir, "project/content");
    char *project = path_join(dir, "project");
    assert_int_equal(mkdir_p(content), 0);
    const char *const protected_dirs[] = {content, NULL};
    char *expected = xasprintf("%s: error: refusing to replace '%s': it holds the sources or the "
                               "current folder; choose another --out", project, project);
    S_expect_refused(project, protected_dirs, expected);
    free(expected);
    char *listing = S_list(dir);
    assert_string_equal(listing, "project");
    free(listing);
    free(project);
    free(content);
    free(dir);
}

static void test_begin_refuses_current_folder(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "cwd");
    char *work = path_join(dir, "work");
    char *sub = path_join(dir, "work/sub");
    assert_int_equal(mkdir_p(sub), 0);
    char saved[PATH_MAX];
    assert_non_null(getcwd(saved, sizeof saved));
    diag_list *diags = diag_list_new();
    /* The current folder, and a folder that contains it. */
    int moved = chdir(work);
    publish_stage *s1 = moved == 0 ? publish_begin(work, NULL, diags) : NULL;
    int moved2 = chdir(sub);
    publish_stage *s2 = moved2 == 0 ? publish_begin(work, NULL, diags) : NULL;
    int back = chdir(saved);
    assert_int_equal(moved, 0);
    assert_int_equal(moved2, 0);
    assert_int_equal(back, 0);
    assert_null(s1);
    assert_null(s2);
    assert_int_equal(diag_count(diags), 2);
    char *expected = xasprintf("%s: error: refusing to replace '%s': it holds the sources or the "
                               "current folder; choose another --out", work, work);
    tu_expect_diag(diags, 0, expected);
    tu_expect_diag(diags, 1, expected);
    free(expected);
    char *listing = S_list(dir);
    assert_string_equal(listing, "work");
    free(listing);
    diag_list_free(diags);
    free(sub);
    free(work);
    free(dir);
}

static void test_begin_refuses_dot_names(void **state)
{
    (void)state;
    S_expect_refused(".", NULL, ".: error: the output folder must be a folder of its own, like "
                                "'site'");
    S_expect_refused("./", NULL, "./: error: the output folder must be a folder of its own, like "
                                 "'site'");
    S_expect_refused("..", NULL, "..: error: the output folder must be a folder of its own, like "
                                 "'site'");
    S_expect_refused("site/..", NULL, "site/..: error: the output folder must be a folder of its "
                                      "own, like 'site'");
    S_expect_refused("/", NULL, "/: error: the output folder must be a folder of its own, like "
                                "'site'");
}

static void test_begin_missing_parent(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "noparent");
    char *out = path_join(dir, "missing/site");
    char *expected = xasprintf("%s: error: cannot create the output folder beside '%s': No such "
                               "file or directory", out, out);
    S_expect_refused(out, NULL, expected);
    free(expected);
    free(out);
    free(dir);
}

/* ---- commit and abort ---- */

static void test_commit_into_missing_out_dir(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "fresh");
    char *out = path_join(dir, "site");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    tu_put_file(staging, "index.html", "<!DOCTYPE html>\nnew\n");
    assert_int_equal(publish_commit(st, diags), 0);
    assert_int_equal(diag_count(diags), 0);
    assert_false(path_is_dir(staging));
    char *listing = S_list(dir);
    assert_string_equal(listing, "site");
    free(listing);
    char *text = S_read(out, "index.html");
    assert_string_equal(text, "<!DOCTYPE html>\nnew\n");
    free(text);
    free(staging);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_commit_replaces_existing_contents(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "replace");
    char *out = path_join(dir, "site");
    char *old_sub = path_join(out, "articles/gone");
    assert_int_equal(mkdir_p(old_sub), 0);
    tu_put_file(out, "index.html", "old");
    tu_put_file(out, "stale.html", "stale");
    tu_put_file(old_sub, "index.html", "gone");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    char *new_sub = path_join(staging, "articles/smas");
    assert_int_equal(mkdir_p(new_sub), 0);
    tu_put_file(staging, "index.html", "new");
    tu_put_file(new_sub, "index.html", "smas");
    assert_int_equal(publish_commit(st, diags), 0);
    assert_int_equal(diag_count(diags), 0);
    /* Nothing of the old site is left inside the output folder; beside it, the old site is
     * kept whole for the next build. */
    char *listing = S_list(dir);
    assert_string_equal(listing, "site site.previous");
    free(listing);
    char *previous = xasprintf("%s.previous", out);
    char *kept = S_read(previous, "stale.html");
    assert_string_equal(kept, "stale");
    free(kept);
    free(previous);
    listing = S_list(out);
    assert_string_equal(listing, "articles index.html");
    free(listing);
    char *articles = path_join(out, "articles");
    listing = S_list(articles);
    assert_string_equal(listing, "smas");
    free(listing);
    free(articles);
    char *text = S_read(out, "index.html");
    assert_string_equal(text, "new");
    free(text);
    char *smas = path_join(out, "articles/smas");
    text = S_read(smas, "index.html");
    assert_string_equal(text, "smas");
    free(text);
    free(smas);
    free(new_sub);
    free(staging);
    free(old_sub);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_commit_onto_a_file(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "file");
    char *out = path_join(dir, "site");
    tu_put_file(dir, "site", "not a folder");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    tu_put_file(staging, "index.html", "new");
    assert_int_equal(publish_commit(st, diags), -1);
    /* The staging folder is removed and the file is untouched. */
    assert_false(path_is_dir(staging));
    char *listing = S_list(dir);
    assert_string_equal(listing, "site");
    free(listing);
    char *text = S_read(dir, "site");
    assert_string_equal(text, "not a folder");
    free(text);
    /* Free first and assert last, so the known failure below leaks nothing. */
    size_t n = diag_count(diags);
    char *got = n ? diag_format(diag_get(diags, 0)) : xstrdup("(none)");
    char *expected = xasprintf("%s: error: '%s' exists and is not a folder; remove it or choose "
                               "another --out", out, out);
    char got_buf[PATH_MAX * 3], expected_buf[PATH_MAX * 3];
    snprintf(got_buf, sizeof got_buf, "%s", got);
    snprintf(expected_buf, sizeof expected_buf, "%s", expected);
    free(got);
    free(expected);
    free(staging);
    free(out);
    free(dir);
    diag_list_free(diags);
    assert_int_equal(n, 1);
    assert_string_equal(got_buf, expected_buf);
}

static void test_commit_without_staging(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "nostaging");
    char *out = path_join(dir, "site");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    /* Someone removes the staging folder during the build. */
    assert_int_equal(remove_tree(staging), 0);
    assert_int_equal(publish_commit(st, diags), -1);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag_prefixed(diags, 0, out, ": error: cannot put the new site in place: No such "
                            "file or directory");
    assert_false(path_is_dir(out));
    free(staging);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_abort_removes_staging(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "abort");
    char *out = path_join(dir, "site");
    assert_int_equal(mkdir_p(out), 0);
    tu_put_file(out, "index.html", "previous");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *staging = xstrdup(publish_path(st));
    char *sub = path_join(staging, "articles/x");
    assert_int_equal(mkdir_p(sub), 0);
    tu_put_file(sub, "index.html", "half-built");
    publish_abort(st);
    publish_abort(NULL);
    assert_false(path_is_dir(staging));
    /* The previous site is exactly as it was. */
    char *listing = S_list(dir);
    assert_string_equal(listing, "site");
    free(listing);
    listing = S_list(out);
    assert_string_equal(listing, "index.html");
    free(listing);
    char *text = S_read(out, "index.html");
    assert_string_equal(text, "previous");
    free(text);
    free(sub);
    free(staging);
    free(out);
    free(dir);
    diag_list_free(diags);
}

/* ---- the kept previous site ---- */

/* Write text as a new file at rel in the stage, as a build does. */
static void S_stage_write(publish_stage *st, const char *rel, const char *text)
{
    char *path = publish_prepare(st, rel);
    assert_non_null(path);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    free(path);
}

/* True when the two paths are one file (a hard link). */
static bool S_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static void test_previous_site_is_recycled(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "recycle");
    char *out = path_join(dir, "site");
    char *previous = path_join(dir, "site.previous");
    char *outside = tu_subdir(dir, "outside");
    tu_put_file(outside, "keep.txt", "not the site's");
    diag_list *diags = diag_list_new();

    /* Build 1: from nothing. */
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    assert_false(publish_recycled(st));
    S_stage_write(st, "index.html", "home 1");
    S_stage_write(st, "articles/a/index.html", "a 1");
    S_stage_write(st, "articles/b/index.html", "b 1");
    S_stage_write(st, "assets/site.css", "css 1");
    assert_int_equal(publish_commit(st, diags), 0);
    assert_false(path_is_dir(previous));

    /* Build 2: a and b unchanged, the home page new. */
    st = publish_begin(out, NULL, diags);
    assert_false(publish_recycled(st));
    assert_int_equal(publish_link(st, out, "articles/a/index.html"), 0);
    assert_int_equal(publish_link(st, out, "articles/b/index.html"), 0);
    S_stage_write(st, "index.html", "home 2");
    S_stage_write(st, "assets/site.css", "css 2");
    /* Nothing to take: an error, and nothing is made. */
    assert_int_equal(publish_link(st, out, "articles/none/index.html"), -1);
    assert_int_equal(publish_commit(st, diags), 0);
    char *text = S_read(previous, "index.html");
    assert_string_equal(text, "home 1");
    free(text);

    /* Things in the kept folder that are not the site's: a link out, a file in the way. */
    char *evil = path_join(previous, "evil");
    assert_int_equal(symlink(outside, evil), 0);
    tu_put_file(previous, "topics", "a file where a folder will be needed");
    /* A page no longer made: c is in the kept site only; it must not survive the sweep. */
    char *c_dir = path_join(previous, "articles/c");
    assert_int_equal(mkdir_p(c_dir), 0);
    tu_put_file(c_dir, "index.html", "gone");
    free(c_dir);

    /* Build 3: starts from the kept site. */
    st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    assert_true(publish_recycled(st));
    assert_false(path_is_dir(previous));
    char *staging = xstrdup(publish_path(st));
    /* The link was removed, not followed; assets/ goes, to be copied again. */
    struct stat lst;
    assert_int_equal(lstat(evil, &lst), -1);
    char *listing = S_list(outside);
    assert_string_equal(listing, "keep.txt");
    free(listing);
    listing = S_list(staging);
    assert_string_equal(listing, "articles index.html topics");
    free(listing);
    char *staged_articles = path_join(staging, "articles");
    listing = S_list(staged_articles);
    assert_string_equal(listing, "a b c");
    free(staged_articles);
    free(listing);
    /* a is the published file already: nothing to do, and it stays that file. */
    char *a_out = path_join(out, "articles/a/index.html");
    char *a_staged = path_join(staging, "articles/a/index.html");
    assert_true(S_same_file(a_out, a_staged));
    assert_int_equal(publish_link(st, out, "articles/a/index.html"), 0);
    assert_true(S_same_file(a_out, a_staged));
    /* A new page where a kept file stands in the way of its folder. */
    S_stage_write(st, "topics/smas/index.html", "smas 3");
    /* The home page is the old one's: taken from the published site instead. */
    assert_int_equal(publish_link(st, out, "index.html"), 0);
    /* b was the published file too: writing it anew leaves the published one alone. */
    S_stage_write(st, "articles/b/index.html", "b 3");
    text = S_read(out, "articles/b/index.html");
    assert_string_equal(text, "b 1");
    free(text);
    assert_int_equal(publish_commit(st, diags), 0);
    assert_int_equal(diag_count(diags), 0);

    char *articles = path_join(out, "articles");
    listing = S_list(articles);
    assert_string_equal(listing, "a b");
    free(listing);
    free(articles);
    listing = S_list(out);
    assert_string_equal(listing, "articles index.html topics");
    free(listing);
    text = S_read(out, "index.html");
    assert_string_equal(text, "home 2");
    free(text);
    text = S_read(out, "articles/b/index.html");
    assert_string_equal(text, "b 3");
    free(text);
    char *topics = path_join(out, "topics");
    text = S_read(topics, "smas/index.html");
    assert_string_equal(text, "smas 3");
    free(text);
    free(topics);
    /* The site build 3 replaced is kept, whole. */
    text = S_read(previous, "articles/b/index.html");
    assert_string_equal(text, "b 1");
    free(text);
    text = S_read(previous, "assets/site.css");
    assert_string_equal(text, "css 2");
    free(text);

    free(a_staged);
    free(a_out);
    free(staging);
    free(evil);
    free(outside);
    free(previous);
    free(out);
    free(dir);
    diag_list_free(diags);
}

static void test_abort_keeps_recycled_folder(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "abort-recycled");
    char *out = path_join(dir, "site");
    char *previous = path_join(dir, "site.previous");
    assert_int_equal(mkdir_p(out), 0);
    assert_int_equal(mkdir_p(previous), 0);
    tu_put_file(out, "index.html", "published");
    tu_put_file(previous, "index.html", "kept");
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    assert_true(publish_recycled(st));
    S_stage_write(st, "index.html", "half-built");
    publish_abort(st);
    /* An empty kept folder is recycled too; the kept site survives the failed build. */
    char *listing0 = S_list(previous);
    assert_string_equal(listing0, "index.html");
    free(listing0);
    assert_int_equal(remove_tree(previous), 0);
    assert_int_equal(mkdir_p(previous), 0);
    st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    assert_true(publish_recycled(st));
    S_stage_write(st, "index.html", "half-built again");
    publish_abort(st);
    char *listing = S_list(dir);
    assert_string_equal(listing, "site site.previous");
    free(listing);
    char *text = S_read(out, "index.html");
    assert_string_equal(text, "published");
    free(text);
    free(previous);
    free(out);
    free(dir);
    diag_list_free(diags);
}

/* ---- folders left by killed builds ---- */

static void test_begin_removes_abandoned_staging(void **state)
{
    (void)state;
    char *dir = tu_subdir(S_root, "abandoned");
    char *out = path_join(dir, "site");
    /* A pid that no longer runs: a child that has exited and been reaped. */
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    assert_true(child > 0);
    int ws;
    assert_int_equal(waitpid(child, &ws, 0), child);
    char *dead = xasprintf("site.tmp-%ld-Ab3dEf", (long)child);
    char *alive = xasprintf("site.tmp-%ld-Ab3dEf", (long)getpid());
    char *other = xasprintf("other.tmp-%ld-Ab3dEf", (long)child);
    const char *names[] = {dead, alive, other, "site.tmp-Ab3dEf", "site.tmp-12x-Ab3dEf"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *sub = path_join(dir, names[i]);
        assert_int_equal(mkdir_p(sub), 0);
        tu_put_file(sub, "index.html", "half-built");
        free(sub);
    }
    diag_list *diags = diag_list_new();
    publish_stage *st = publish_begin(out, NULL, diags);
    assert_non_null(st);
    char *dead_path = path_join(dir, dead);
    assert_false(path_is_dir(dead_path));
    for (size_t i = 1; i < sizeof names / sizeof *names; i++) {
        char *sub = path_join(dir, names[i]);
        assert_true(path_is_dir(sub));
        free(sub);
    }
    publish_abort(st);
    free(dead_path);
    free(dead);
    free(alive);
    free(other);
    free(out);
    free(dir);
    diag_list_free(diags);
}

/* The mode of path, permission bits only. */
static mode_t S_mode(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

/*
 * The published folder is readable as the umask allows, not mkdtemp's 0700 (a web server
 * serving it as another user answered 403: issue 14). A kept previous site made under
 * another umask, or by a suture that made it 0700, has its folders opened up; its files of
 * another mode are not kept, nor taken from the published site: they are written anew.
 */
static void test_modes_follow_umask(void **state)
{
    (void)state;
    const mode_t masks[] = {022, 027};
    for (size_t i = 0; i < sizeof masks / sizeof *masks; i++) {
        char *name = xasprintf("modes-%zu", i);
        char *dir = tu_subdir(S_root, name);
        char *out = path_join(dir, "site");
        mode_t old = umask(masks[i]);
        diag_list *diags = diag_list_new();
        publish_stage *st = publish_begin(out, NULL, diags);
        assert_non_null(st);
        assert_int_equal(S_mode(publish_path(st)), 0777 & ~masks[i]);
        char *page = publish_prepare(st, "articles/a/index.html");
        assert_non_null(page);
        assert_int_equal(file_write(page, "a", 1), 0);
        free(page);
        assert_int_equal(publish_commit(st, diags), 0);
        assert_int_equal(S_mode(out), 0777 & ~masks[i]);
        char *sub = path_join(out, "articles/a");
        assert_int_equal(S_mode(sub), 0777 & ~masks[i]);
        page = path_join(sub, "index.html");
        assert_int_equal(S_mode(page), 0666 & ~masks[i]);

        /* As an older suture left them: a kept site of 0700, a page of 0600. */
        char *previous = xasprintf("%s%s", out, PUBLISH_PREVIOUS_SUFFIX);
        char *old_page = path_join(previous, "index.html");
        assert_int_equal(mkdir(previous, 0700), 0);
        assert_int_equal(chmod(previous, 0700), 0);
        assert_int_equal(file_write(old_page, "old", 3), 0);
        assert_int_equal(chmod(old_page, 0600), 0);
        assert_int_equal(chmod(page, 0600), 0);
        st = publish_begin(out, NULL, diags);
        assert_non_null(st);
        assert_true(publish_recycled(st));
        assert_int_equal(S_mode(publish_path(st)), 0777 & ~masks[i]);
        char *kept = path_join(publish_path(st), "index.html");
        assert_false(path_exists(kept));
        /* The published page of mode 0600 is not taken: the caller writes it anew. */
        errno = 0;
        assert_int_equal(publish_link(st, out, "articles/a/index.html"), -1);
        assert_int_equal(errno, EPERM);
        assert_int_equal(chmod(page, 0666 & ~masks[i]), 0);
        assert_int_equal(publish_link(st, out, "articles/a/index.html"), 0);
        publish_abort(st);
        umask(old);
        assert_int_equal(diag_count(diags), 0);
        diag_list_free(diags);
        free(kept);
        free(old_page);
        free(previous);
        free(page);
        free(sub);
        free(out);
        free(dir);
        free(name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_begin_creates_sibling_staging),
        cmocka_unit_test(test_begin_with_trailing_slash),
        cmocka_unit_test(test_begin_allows_unprotected_existing_folder),
        cmocka_unit_test(test_begin_refuses_protected_dir),
        cmocka_unit_test(test_begin_refuses_folder_containing_protected),
        cmocka_unit_test(test_begin_refuses_current_folder),
        cmocka_unit_test(test_begin_refuses_dot_names),
        cmocka_unit_test(test_begin_missing_parent),
        cmocka_unit_test(test_commit_into_missing_out_dir),
        cmocka_unit_test(test_commit_replaces_existing_contents),
        cmocka_unit_test(test_commit_onto_a_file),
        cmocka_unit_test(test_commit_without_staging),
        cmocka_unit_test(test_abort_removes_staging),
        cmocka_unit_test(test_previous_site_is_recycled),
        cmocka_unit_test(test_abort_keeps_recycled_folder),
        cmocka_unit_test(test_begin_removes_abandoned_staging),
        cmocka_unit_test(test_modes_follow_umask),
    };
    return cmocka_run_group_tests_name("publish", tests, S_setup, S_teardown);
}
