/* test_files.c: reading, writing, copying and removing files and trees, paths and their messages (files.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream, symlink */
#endif
#include "testutil.h"

#include "base/files.h"
#include "base/alloc.h"
#include "base/str.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

/* The contents of a file as a string (caller frees); fails the test when unreadable. */
static char *S_read(const char *path)
{
    size_t len = 0;
    char *s = file_read(path, &len);
    assert_non_null(s);
    assert_int_equal(strlen(s), len);
    return s;
}

static void test_file_write_read_roundtrip(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *path = path_join(dir, "a.md");
    const char data[] = "line one\nline\0two\n";
    assert_int_equal(file_write(path, data, sizeof data - 1), 0);
    size_t len = 0;
    char *got = file_read(path, &len);
    assert_non_null(got);
    assert_int_equal(len, sizeof data - 1);
    assert_memory_equal(got, data, sizeof data - 1);
    assert_int_equal(got[len], '\0');
    free(got);

    /* Writing again truncates. */
    assert_int_equal(file_write(path, "short", 5), 0);
    got = file_read(path, &len);
    assert_int_equal(len, 5);
    assert_string_equal(got, "short");
    free(got);

    /* Mode 0644 (before the umask). */
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0644 & ~mask);

    /* A NULL length pointer is allowed. */
    got = file_read(path, NULL);
    assert_string_equal(got, "short");
    free(got);

    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_file_read_empty(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *path = tu_write_file(dir, "empty", "");
    size_t len = 99;
    char *got = file_read(path, &len);
    assert_non_null(got);
    assert_int_equal(len, 0);
    assert_string_equal(got, "");
    free(got);
    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* A file of /proc says it is empty, and a sysctl of numbers reads nothing past offset 0:
 * it is read whole, in one read. pid_max is at least 301 (proc(5)); read in small pieces it
 * would be its first digit alone. */
static void test_file_read_proc(void **state)
{
    (void)state;
    size_t len = 0;
    char *got = file_read("/proc/sys/kernel/pid_max", &len);
    if (!got) {
        print_message("skipped: no /proc/sys/kernel/pid_max here\n");
        return;
    }
    assert_true(len >= 4);
    assert_int_equal(got[len - 1], '\n');
    assert_true(atol(got) >= 301);
    free(got);
}

static void test_file_read_errors(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *missing = path_join(dir, "missing.md");
    size_t len = 0;
    errno = 0;
    assert_null(file_read(missing, &len));
    assert_int_equal(errno, ENOENT);
    errno = 0;
    assert_null(file_read(dir, &len));
    assert_int_equal(errno, EISDIR);
    free(missing);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_file_read_size_limit(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *big = path_join(dir, "big");
    char *under = path_join(dir, "under");
    int fd = open(big, O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 64L * 1024 * 1024), 0);
    close(fd);
    fd = open(under, O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 64L * 1024 * 1024 - 1), 0);
    close(fd);

    size_t len = 0;
    errno = 0;
    assert_null(file_read(big, &len));
    assert_int_equal(errno, EFBIG);

    char *got = file_read(under, &len);
    assert_non_null(got);
    assert_int_equal(len, 64L * 1024 * 1024 - 1);
    free(got);

    free(big);
    free(under);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/*
 * A named pipe, a socket or a device is refused without being opened: the open of a pipe
 * nobody writes to would block for ever. The alarm fails the test instead of hanging the
 * suite, should that come back.
 */
static void test_file_read_not_regular(void **state)
{
    (void)state;
    alarm(10);
    char *dir = tu_tmpdir("util");
    char *fifo = path_join(dir, "pipe.md");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    size_t len = 0;
    errno = 0;
    assert_null(file_read(fifo, &len));
    assert_int_equal(errno, EINVAL);
    errno = 0;
    assert_null(file_open_regular(fifo));
    assert_int_equal(errno, EINVAL);
    char *to = path_join(dir, "copy.md");
    errno = 0;
    assert_int_equal(file_copy(fifo, to), -1);
    assert_int_equal(errno, EINVAL);
    assert_false(path_exists(to));
    /* A character device, and a link to the pipe, likewise. */
    errno = 0;
    assert_null(file_read("/dev/zero", &len));
    assert_int_equal(errno, EINVAL);
    char *link = path_join(dir, "link.md");
    assert_int_equal(symlink("pipe.md", link), 0);
    errno = 0;
    assert_null(file_read(link, &len));
    assert_int_equal(errno, EINVAL);
    /* A folder is EISDIR for both readers; a regular file reads through the stream. */
    errno = 0;
    assert_null(file_open_regular(dir));
    assert_int_equal(errno, EISDIR);
    char *file = tu_write_file(dir, "a.md", "text\n");
    FILE *f = file_open_regular(file);
    assert_non_null(f);
    char line[16];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "text\n");
    fclose(f);
    alarm(0);
    free(file);
    free(link);
    free(to);
    free(fifo);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* What is at a path, and the messages that say what is wrong with it and what to do. */
static void test_path_kind_and_problems(void **state)
{
    (void)state;
    alarm(10);
    char *dir = tu_tmpdir("util");
    char *file = tu_write_file(dir, "f.md", "x");
    char *fifo = path_join(dir, "pipe.md");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    char *dangling = path_join(dir, "dangling");
    assert_int_equal(symlink("nowhere", dangling), 0);
    char *missing = path_join(dir, "missing");
    assert_string_equal(path_kind(dir), "a folder");
    assert_string_equal(path_kind(file), "a file");
    assert_string_equal(path_kind(fifo), "a named pipe (FIFO)");
    assert_string_equal(path_kind("/dev/null"), "a character device");
    assert_string_equal(path_kind(dangling), "a symbolic link to nothing");
    assert_null(path_kind(missing));
    assert_true(path_exists(dangling));
    assert_false(path_exists(missing));

    char *m = file_problem(fifo, EINVAL, "the article");
    assert_string_equal(m, "this is a named pipe (FIFO), not a file; suture reads only regular "
                           "files: remove it or replace it with the article");
    free(m);
    m = file_problem(dir, EISDIR, "the site settings");
    assert_string_equal(m, "this is a folder, not a file; suture reads only regular files: "
                           "remove it or replace it with the site settings");
    free(m);
    m = file_problem(dangling, ENOENT, "the glossary");
    assert_string_equal(m, "this is a symbolic link to 'nowhere', which does not exist; suture "
                           "reads only regular files: remove the link or replace it with the "
                           "glossary");
    free(m);
    m = file_problem(missing, ENOENT, "the glossary");
    assert_string_equal(m, "cannot read the glossary: No such file or directory");
    free(m);
    m = file_problem(file, EFBIG, "the article");
    assert_string_equal(m, "this file is 64 MiB or larger; suture reads only files under 64 "
                           "MiB: make it smaller");
    free(m);

    m = dir_problem(missing, ENOENT, "the articles");
    assert_string_equal(m, "the folder does not exist; create it and put the articles in it");
    free(m);
    m = dir_problem(file, ENOTDIR, "the articles");
    assert_string_equal(m, "this is a file, not a folder; suture reads the articles from a "
                           "folder of this name: replace it with that folder");
    free(m);
    m = dir_problem(fifo, ENOTDIR, "the images");
    assert_string_equal(m, "this is a named pipe (FIFO), not a folder; suture reads the images "
                           "from a folder of this name: replace it with that folder");
    free(m);
    m = dir_problem(dangling, ENOENT, "the articles");
    assert_string_equal(m, "this is a symbolic link to 'nowhere', which does not exist; suture "
                           "reads the articles from a folder of this name: point the link at "
                           "that folder or replace the link with it");
    free(m);
    m = dir_problem(dir, EACCES, "the articles");
    assert_string_equal(m, "cannot read the articles: Permission denied");
    free(m);
    alarm(0);
    free(file);
    free(fifo);
    free(dangling);
    free(missing);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* Files and folders are made as the umask allows, like cp and mkdir -p: a site served
 * straight from the output folder is readable (issue 14). */
static void test_modes_follow_umask(void **state)
{
    (void)state;
    const mode_t masks[] = {022, 027, 002};
    for (size_t i = 0; i < sizeof masks / sizeof *masks; i++) {
        mode_t old = umask(masks[i]);
        char *dir = tu_tmpdir("util");
        char *file = path_join(dir, "f.html");
        assert_int_equal(file_write(file, "x", 1), 0);
        char *deep = path_join(dir, "a/b");
        assert_int_equal(mkdir_p(deep), 0);
        char *copy = path_join(deep, "g.html");
        assert_int_equal(file_copy(file, copy), 0);
        umask(old);
        struct stat st;
        assert_int_equal(stat(file, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0666 & ~masks[i]);
        assert_int_equal(stat(copy, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0666 & ~masks[i]);
        assert_int_equal(stat(deep, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0777 & ~masks[i]);
        char *a = path_join(dir, "a");
        assert_int_equal(stat(a, &st), 0);
        assert_int_equal(st.st_mode & 07777, 0777 & ~masks[i]);
        free(a);
        free(copy);
        free(deep);
        free(file);
        assert_int_equal(tu_tmpdir_remove(dir), 0);
    }
}

static void test_file_write_error(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *path = path_join(dir, "no-such-dir/a.md");
    errno = 0;
    assert_int_equal(file_write(path, "x", 1), -1);
    assert_int_equal(errno, ENOENT);
    assert_false(path_is_file(path));
    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_file_copy(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *from = tu_write_file(dir, "from.txt", "before-and-after\n");
    char *to = tu_write_file(dir, "to.txt", "old contents that are longer than the new ones\n");
    assert_int_equal(file_copy(from, to), 0);
    char *got = S_read(to);
    assert_string_equal(got, "before-and-after\n");
    free(got);

    char *missing = path_join(dir, "missing");
    char *dest = path_join(dir, "dest");
    errno = 0;
    assert_int_equal(file_copy(missing, dest), -1);
    assert_int_equal(errno, ENOENT);
    assert_false(path_is_file(dest));

    free(from);
    free(to);
    free(missing);
    free(dest);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_path_is_dir_and_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *file = tu_write_file(dir, "f", "x");
    char *missing = path_join(dir, "missing");
    assert_true(path_is_dir(dir));
    assert_false(path_is_file(dir));
    assert_true(path_is_file(file));
    assert_false(path_is_dir(file));
    assert_false(path_is_dir(missing));
    assert_false(path_is_file(missing));
    free(file);
    free(missing);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_path_join(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b, *want;
    } cases[] = {
        {"content", "articles", "content/articles"},
        {"content/", "articles", "content/articles"},
        {"content//", "/articles", "content/articles"},
        {"content", "//articles/x.md", "content/articles/x.md"},
        {"", "articles", "articles"},
        {"content", "", "content/"},
        {"/tmp", "site", "/tmp/site"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = path_join(cases[i].a, cases[i].b);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

/* The root directory already ends with the one '/'. */
static void test_path_join_root(void **state)
{
    (void)state;
    char *a = path_join("/", "etc");
    char *b = path_join("//", "/site");
    bool ok = strcmp(a, "/etc") == 0 && strcmp(b, "/site") == 0;
    if (!ok)
        print_error("path_join gave '%s' and '%s'; wanted '/etc' and '/site'\n", a, b);
    free(a);
    free(b);
    assert_true(ok);
}

static void test_path_basename(void **state)
{
    (void)state;
    const char *p = "content/articles/dimpling.md";
    assert_ptr_equal(path_basename(p), p + 17);
    assert_string_equal(path_basename(p), "dimpling.md");
    assert_string_equal(path_basename("dimpling.md"), "dimpling.md");
    assert_string_equal(path_basename("/site.yaml"), "site.yaml");
    assert_string_equal(path_basename(""), "");
}

static void test_mkdir_p(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *deep = path_join(dir, "a/b/c");
    assert_int_equal(mkdir_p(deep), 0);
    assert_true(path_is_dir(deep));
    /* Existing directories are fine, with or without a trailing slash. */
    assert_int_equal(mkdir_p(deep), 0);
    char *slash = xasprintf("%s/d/", dir);
    assert_int_equal(mkdir_p(slash), 0);
    char *d = path_join(dir, "d");
    assert_true(path_is_dir(d));
    free(deep);
    free(slash);
    free(d);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_mkdir_p_through_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *file = tu_write_file(dir, "file", "x");
    char *under = path_join(dir, "file/sub/dir");
    errno = 0;
    assert_int_equal(mkdir_p(under), -1);
    assert_int_equal(errno, ENOTDIR);
    free(under);
    free(file);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* A regular file where the directory should be is not a directory: creating it fails. */
static void test_mkdir_p_existing_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *file = tu_write_file(dir, "file", "x");
    errno = 0;
    int rc = mkdir_p(file);
    int e = errno;
    bool is_dir = path_is_dir(file);
    /* Clean up first, so that a failure leaves nothing behind. */
    free(file);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
    assert_int_equal(rc, -1);
    assert_true(e == EEXIST || e == ENOTDIR);
    assert_false(is_dir);
}

static void test_remove_tree(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *tree = path_join(dir, "tree");
    char *deep = path_join(tree, "a/b");
    assert_int_equal(mkdir_p(deep), 0);
    char *f1 = tu_write_file(tree, "top.txt", "1");
    char *f2 = tu_write_file(deep, ".hidden", "2");

    /* A symbolic link to a directory outside is removed, not followed. */
    char *outside = path_join(dir, "outside");
    assert_int_equal(mkdir_p(outside), 0);
    char *keep = tu_write_file(outside, "keep.txt", "keep");
    char *link = path_join(tree, "link");
    assert_int_equal(symlink(outside, link), 0);

    assert_int_equal(remove_tree(tree), 0);
    assert_false(path_is_dir(tree));
    assert_true(path_is_file(keep));

    /* Nothing to remove is not an error; a single file is removed. */
    assert_int_equal(remove_tree(tree), 0);
    assert_int_equal(remove_tree(keep), 0);
    assert_false(path_is_file(keep));

    free(deep);
    free(tree);
    free(f1);
    free(f2);
    free(outside);
    free(keep);
    free(link);
    assert_int_equal(remove_tree(dir), 0);
    assert_false(path_is_dir(dir));
    free(dir);
}

static void test_copy_tree(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *from = path_join(dir, "media");
    char *sub = path_join(from, "cases/01");
    assert_int_equal(mkdir_p(sub), 0);
    char *hidden_dir = path_join(from, ".git");
    assert_int_equal(mkdir_p(hidden_dir), 0);
    free(tu_write_file(from, "logo.svg", "<svg/>"));
    free(tu_write_file(sub, "before.jpg", "JPEG1"));
    free(tu_write_file(from, ".DS_Store", "junk"));
    free(tu_write_file(hidden_dir, "config", "junk"));
    char *target = path_join(dir, "outside.txt");
    assert_int_equal(file_write(target, "outside", 7), 0);
    char *link = path_join(from, "link.txt");
    assert_int_equal(symlink(target, link), 0);

    char *to = path_join(dir, "site/media");
    const char *failed = NULL;
    assert_int_equal(copy_tree(from, to, NULL, &failed), 0);
    assert_null(failed);

    char *p = path_join(to, "logo.svg");
    char *got = S_read(p);
    assert_string_equal(got, "<svg/>");
    free(got);
    free(p);
    p = path_join(to, "cases/01/before.jpg");
    got = S_read(p);
    assert_string_equal(got, "JPEG1");
    free(got);
    free(p);
    p = path_join(to, ".DS_Store");
    assert_false(path_is_file(p));
    free(p);
    p = path_join(to, ".git");
    assert_false(path_is_dir(p));
    free(p);
    p = path_join(to, "link.txt");
    struct stat st;
    assert_int_equal(lstat(p, &st), -1); /* links are not followed, nor copied */
    free(p);

    free(from);
    free(sub);
    free(hidden_dir);
    free(target);
    free(link);
    free(to);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* With a links root: links to files inside it are copied as files, others stop the copy. */
static void test_copy_tree_links(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *content = path_join(dir, "content");
    char *media = path_join(content, "media");
    char *shared = path_join(content, "shared");
    assert_int_equal(mkdir_p(media), 0);
    assert_int_equal(mkdir_p(shared), 0);
    char *inside = tu_write_file(shared, "logo.svg", "<svg/>");
    char *outside = tu_write_file(dir, "passwd", "root:x:0:0");
    char *link = path_join(media, "logo.svg");
    assert_int_equal(symlink("../shared/logo.svg", link), 0);
    char *to = path_join(dir, "site/media");
    const char *failed = NULL;

    /* Inside: copied as the file, not as a link. */
    assert_false(path_link_outside(link, content));
    assert_false(path_link_outside(inside, content)); /* not a link at all */
    assert_int_equal(copy_tree(media, to, content, &failed), 0);
    char *copied = path_join(to, "logo.svg");
    struct stat st;
    assert_int_equal(lstat(copied, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    char *got = S_read(copied);
    assert_string_equal(got, "<svg/>");
    free(got);

    /* Out of the root: EXDEV at the link, and nothing of it copied. */
    char *bad = path_join(media, "secret.txt");
    assert_int_equal(symlink(outside, bad), 0);
    assert_true(path_link_outside(bad, content));
    assert_int_equal(remove_tree(to), 0);
    errno = 0;
    assert_int_equal(copy_tree(media, to, content, &failed), -1);
    assert_int_equal(errno, EXDEV);
    assert_string_equal(failed, bad);
    char *leaked = path_join(to, "secret.txt");
    assert_int_equal(lstat(leaked, &st), -1);
    assert_int_equal(unlink(bad), 0);

    /* To nothing: EXDEV too. Through "..": the real path decides, not the spelling. */
    assert_int_equal(symlink("../nowhere.jpg", bad), 0);
    assert_true(path_link_outside(bad, content));
    errno = 0;
    assert_int_equal(copy_tree(media, to, content, &failed), -1);
    assert_int_equal(errno, EXDEV);
    assert_int_equal(unlink(bad), 0);
    assert_int_equal(symlink("../../passwd", bad), 0);
    assert_true(path_link_outside(bad, content));
    assert_int_equal(unlink(bad), 0);

    /* To a folder inside: ELOOP, folders are never followed. */
    assert_int_equal(symlink("../shared", bad), 0);
    assert_false(path_link_outside(bad, content));
    errno = 0;
    assert_int_equal(copy_tree(media, to, content, &failed), -1);
    assert_int_equal(errno, ELOOP);
    assert_string_equal(failed, bad);

    free(leaked);
    free(bad);
    free(copied);
    free(to);
    free(link);
    free(outside);
    free(inside);
    free(shared);
    free(media);
    free(content);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_copy_tree_errors(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    char *missing = path_join(dir, "missing");
    char *to = path_join(dir, "to");
    const char *failed = NULL;
    errno = 0;
    assert_int_equal(copy_tree(missing, to, NULL, &failed), -1);
    assert_int_equal(errno, ENOENT);
    assert_non_null(failed);
    assert_string_equal(failed, missing);
    assert_false(path_is_dir(to));

    /* The destination lies under a regular file: the copy stops at the first entry. */
    char *from = path_join(dir, "from");
    assert_int_equal(mkdir_p(from), 0);
    free(tu_write_file(from, "a.txt", "a"));
    char *file = tu_write_file(dir, "file", "x");
    char *bad_to = path_join(file, "sub");
    failed = NULL;
    errno = 0;
    assert_int_equal(copy_tree(from, bad_to, NULL, &failed), -1);
    assert_int_equal(errno, ENOTDIR);
    assert_non_null(failed);
    assert_string_equal(failed, from);

    /* failed_path may be NULL. */
    assert_int_equal(copy_tree(missing, to, NULL, NULL), -1);

    /* A named pipe in the tree stops the copy; it is never opened (the alarm fails the test
     * should it be). */
    alarm(10);
    char *fifo = path_join(from, "pipe.jpg");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    char *to2 = path_join(dir, "to2");
    failed = NULL;
    errno = 0;
    assert_int_equal(copy_tree(from, to2, NULL, &failed), -1);
    assert_int_equal(errno, EINVAL);
    assert_non_null(failed);
    assert_string_equal(failed, fifo);
    alarm(0);
    free(fifo);
    free(to2);

    free(missing);
    free(to);
    free(from);
    free(file);
    free(bad_to);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_dir_list(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    free(tu_write_file(dir, "zygoma.md", ""));
    free(tu_write_file(dir, "anatomy.md", ""));
    free(tu_write_file(dir, "Bruising.md", ""));
    free(tu_write_file(dir, "notes.txt", ""));
    free(tu_write_file(dir, ".draft.md", ""));
    free(tu_write_file(dir, "md", ""));
    char *sub = path_join(dir, "sub.md");
    assert_int_equal(mkdir_p(sub), 0);
    free(sub);

    strlist l = STRLIST_INIT;
    assert_int_equal(dir_list(dir, ".md", &l), 0);
    assert_int_equal(l.len, 4);
    assert_string_equal(l.items[0], "Bruising.md");
    assert_string_equal(l.items[1], "anatomy.md");
    assert_string_equal(l.items[2], "sub.md");
    assert_string_equal(l.items[3], "zygoma.md");
    strlist_free(&l);

    assert_int_equal(dir_list(dir, NULL, &l), 0);
    assert_int_equal(l.len, 6);
    assert_string_equal(l.items[0], "Bruising.md");
    assert_string_equal(l.items[1], "anatomy.md");
    assert_string_equal(l.items[2], "md");
    assert_string_equal(l.items[3], "notes.txt");
    assert_string_equal(l.items[4], "sub.md");
    assert_string_equal(l.items[5], "zygoma.md");
    strlist_free(&l);

    char *missing = path_join(dir, "missing");
    errno = 0;
    assert_int_equal(dir_list(missing, NULL, &l), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(l.len, 0);
    free(missing);

    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* One tree copied by each thread of copy_tree_threads: its own source and destination. */
typedef struct {
    char *from, *to;
    int rc;
} S_copy_job;

static void *S_copy_thread(void *arg)
{
    S_copy_job *job = arg;
    for (int i = 0; i < 20 && job->rc == 0; i++) {
        const char *failed = NULL;
        job->rc = copy_tree(job->from, job->to, NULL, &failed);
        if (job->rc == 0)
            job->rc = remove_tree(job->to);
    }
    if (job->rc == 0)
        job->rc = copy_tree(job->from, job->to, NULL, NULL);
    return NULL;
}

/* copy_tree and remove_tree keep their state in the walk (fts), not in a static: threads
 * copying different trees at once each get their own tree, whole. */
static void test_copy_tree_threads(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("util");
    enum { N = 4 };
    S_copy_job jobs[N];
    pthread_t t[N];
    for (int i = 0; i < N; i++) {
        char *name = xasprintf("from-%d", i);
        jobs[i].from = path_join(dir, name);
        free(name);
        name = xasprintf("to-%d", i);
        jobs[i].to = path_join(dir, name);
        free(name);
        jobs[i].rc = 0;
        for (int k = 0; k < 8; k++) {
            char *sub = xasprintf("%s/d%d", jobs[i].from, k);
            assert_int_equal(mkdir_p(sub), 0);
            char *text = xasprintf("tree %d file %d", i, k);
            free(tu_write_file(sub, "page.md", text));
            free(text);
            free(sub);
        }
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_create(&t[i], NULL, S_copy_thread, &jobs[i]), 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < N; i++) {
        assert_int_equal(jobs[i].rc, 0);
        for (int k = 0; k < 8; k++) {
            char *p = xasprintf("%s/d%d/page.md", jobs[i].to, k);
            char *got = S_read(p);
            char *want = xasprintf("tree %d file %d", i, k);
            assert_string_equal(got, want);
            free(want);
            free(got);
            free(p);
        }
        free(jobs[i].from);
        free(jobs[i].to);
    }
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_write_read_roundtrip),
        cmocka_unit_test(test_file_read_empty),
        cmocka_unit_test(test_file_read_proc),
        cmocka_unit_test(test_file_read_errors),
        cmocka_unit_test(test_file_read_size_limit),
        cmocka_unit_test(test_file_read_not_regular),
        cmocka_unit_test(test_path_kind_and_problems),
        cmocka_unit_test(test_modes_follow_umask),
        cmocka_unit_test(test_file_write_error),
        cmocka_unit_test(test_file_copy),
        cmocka_unit_test(test_path_is_dir_and_file),
        cmocka_unit_test(test_path_join),
        cmocka_unit_test(test_path_join_root),
        cmocka_unit_test(test_path_basename),
        cmocka_unit_test(test_mkdir_p),
        cmocka_unit_test(test_mkdir_p_through_file),
        cmocka_unit_test(test_mkdir_p_existing_file),
        cmocka_unit_test(test_remove_tree),
        cmocka_unit_test(test_copy_tree),
        cmocka_unit_test(test_copy_tree_links),
        cmocka_unit_test(test_copy_tree_errors),
        cmocka_unit_test(test_copy_tree_threads),
        cmocka_unit_test(test_dir_list),
    };
    return cmocka_run_group_tests_name("files", tests, NULL, NULL);
}
