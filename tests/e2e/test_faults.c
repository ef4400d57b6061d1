/*
 * test_faults.c: end-to-end tests of the build under faults (issue 6, "Faults"). A build
 * killed with SIGKILL at many moments while it writes must leave the published folder
 * either the complete old site or the complete new one, never a mix; the staging folders
 * killed builds leave behind are removed by the next build.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <linux/fs.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <time.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

static double S_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The good fixture with n more articles, each with a sentence that says version. */
static char *S_site(size_t n)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    for (size_t i = 0; i < n; i++) {
        char *name = xasprintf("content/articles/extra-%03zu.md", i);
        char *path = path_join(dir, name);
        char *text = xasprintf(
            "---\ntitle: \"Extra article %zu\"\nsummary: \"One of many.\"\n"
            "topics: [anatomy]\ndate: 2026-11-10\nreviewed: 2026-11-10\n"
            "reviewer: \"Medical review team\"\n---\nThis is version 1 of a longer text about "
            "the SMAS and [the layers](layers.md).\n\n## Details\n\nMore words.\n",
            i);
        assert_int_equal(file_write(path, text, strlen(text)), 0);
        free(text);
        free(path);
        free(name);
    }
    return dir;
}

/* Every extra article now says version to (it said from). */
static void S_set_version(const char *dir, size_t n, int from, int to)
{
    for (size_t i = 0; i < n; i++) {
        char *rel = xasprintf("content/articles/extra-%03zu.md", i);
        char *find = xasprintf("This is version %d", from), *repl = xasprintf("This is version %d", to);
        assert_true(e2e_edit(dir, rel, find, repl));
        free(find);
        free(repl);
        free(rel);
    }
}

/* Start a build of dir's site (or of out), and return its pid. */
static pid_t S_spawn_build(const char *dir, const char *out)
{
    char *abs = realpath(e2e_suture(), NULL);
    const char *argv[] = {abs, "build", "--out", out, "--quiet", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    /* In this order: the file is opened in the site's folder. */
    posix_spawn_file_actions_addchdir_np(&fa, dir);
    posix_spawn_file_actions_addopen(&fa, 2, "build-stderr.txt", O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, abs, &fa, NULL, (char *const *)argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    free(abs);
    return pid;
}

/* Build to the end; returns the exit status. */
static int S_build(const char *dir, const char *out)
{
    int ws;
    pid_t pid = S_spawn_build(dir, out);
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    int status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    if (status != 0) {
        char *path = path_join(dir, "build-stderr.txt");
        size_t len;
        char *err = file_read(path, &len);
        print_message("the build said: %s\n", err ? err : "(nothing)");
        free(err);
        free(path);
    }
    return status;
}

/* The names in dir that start with prefix, counted. */
static size_t S_count_prefixed(const char *dir, const char *prefix)
{
    strlist names = STRLIST_INIT;
    size_t n = 0;
    if (dir_list(dir, NULL, &names) == 0)
        for (size_t i = 0; i < names.len; i++)
            n += str_starts_with(names.items[i], prefix);
    strlist_free(&names);
    return n;
}

static void test_sigkill_leaves_old_or_new_site(void **state)
{
    (void)state;
    /* Under valgrind every build is far slower: fewer articles, fewer kills. */
    bool slow = getenv("SUTURE_WRAPPER") != NULL;
    size_t n = slow ? 20 : 300;
    int kills = slow ? 4 : 24;
    char *dir = S_site(n);
    char *site = path_join(dir, "site");

    /* The two sites the published folder may be: version 1 and version 2, each built in
     * full into a folder of its own. */
    assert_int_equal(S_build(dir, "ref"), 0);
    char *ref_dir = path_join(dir, "ref");
    char *v1 = e2e_snapshot(ref_dir);
    remove_tree(ref_dir);
    S_set_version(dir, n, 1, 2);
    double t0 = S_now();
    assert_int_equal(S_build(dir, "ref"), 0);
    double duration = S_now() - t0;
    char *v2 = e2e_snapshot(ref_dir);
    remove_tree(ref_dir);
    char *ref_previous = path_join(dir, "ref.previous");
    remove_tree(ref_previous);
    free(ref_previous);
    assert_string_not_equal(v1, v2);

    /* Published: version 1. Then builds towards the other version, killed at moments spread
     * over a build's length; after each, the site is whole: the one before or the one after. */
    S_set_version(dir, n, 2, 1);
    assert_int_equal(S_build(dir, "site"), 0);
    int version = 1, published = 1, left_old = 0, left_new = 0;
    srand(42);
    for (int k = 0; k < kills; k++) {
        int target = version == 1 ? 2 : 1;
        S_set_version(dir, n, version, target);
        version = target;
        double delay = duration * 1.2 * (double)rand() / RAND_MAX;
        pid_t pid = S_spawn_build(dir, "site");
        struct timespec d = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
        nanosleep(&d, NULL);
        kill(pid, SIGKILL);
        int ws;
        assert_int_equal(waitpid(pid, &ws, 0), pid);
        char *now = e2e_snapshot(site);
        const char *before = published == 1 ? v1 : v2, *after = target == 1 ? v1 : v2;
        if (strcmp(now, after) == 0) {
            published = target;
            left_new++;
        } else if (strcmp(now, before) == 0) {
            left_old++;
        } else {
            free(now);
            fail_msg("after a kill %.3f s into a build, the site is neither the old one nor "
                     "the new one",
                     delay);
        }
        free(now);
    }
    print_message("%d kills: %d left the old site whole, %d the new one\n", kills, left_old,
                  left_new);
    /* Both outcomes happened: the kills did land while the build was writing. */
    if (!slow)
        assert_true(left_old > 0);
    /* Killed builds leave staging folders; the next build removes them, and is whole. */
    assert_int_equal(S_build(dir, "site"), 0);
    assert_int_equal(S_count_prefixed(dir, "site.tmp-"), 0);
    char *final = e2e_snapshot(site);
    assert_string_equal(final, version == 1 ? v1 : v2);
    free(final);
    free(v1);
    free(v2);
    free(ref_dir);
    free(site);
    remove_tree(dir);
    free(dir);
}

/* Make path immutable (or not): root ignores permissions, but not this flag. */
static bool S_immutable(const char *path, bool on)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    int flags = 0;
    bool ok = ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = on ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
    ok = ok && ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    close(fd);
    return ok;
}

static void test_unwritable_output_leaves_site(void **state)
{
    (void)state;
    char *dir = S_site(0);
    assert_int_equal(S_build(dir, "site"), 0);
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    /* The folder that holds the site cannot be written, so no staging folder can be made:
     * by its permissions, or for root (whom permissions do not stop) by the immutable flag. */
    bool locked = geteuid() != 0 ? chmod(dir, 0555) == 0 : S_immutable(dir, true);
    if (!locked) {
        free(before);
        free(site);
        remove_tree(dir);
        free(dir);
        skip(); /* a file system without the flag, or no right to set it */
    }
    /* A change, so that the build has pages to write (with none, it writes nothing). */
    assert_true(e2e_edit(dir, "content/articles/layers.md", "The SMAS lies", "The SMAS lies"
                         " deep"));
    char *err = NULL;
    const char *args[] = {"build", "--quiet", NULL};
    int status = e2e_run(dir, args, &err);
    if (geteuid() != 0)
        chmod(dir, 0755);
    else
        S_immutable(dir, false);
    assert_int_equal(status, 2);
    assert_non_null(strstr(err, "cannot create the output folder beside 'site'"));
    char *after = e2e_snapshot(site);
    assert_string_equal(before, after);
    free(err);
    free(before);
    free(after);
    free(site);
    remove_tree(dir);
    free(dir);
}

/*
 * Run `suture build --quiet` in dir with extra args (NULL-terminated; NULL: none) under a
 * file-size limit of 4 KB (ulimit -f), as if the disk filled up. Returns its exit status
 * (fails the test if it did not exit) and stores its stderr (malloc'd) in *err.
 */
static int S_build_fsize_limited(const char *dir, const char *out, char **err)
{
    char errpath[] = "/tmp/suture-e2e-fsize-XXXXXX"; /* mkstemp's template */
    int efd = mkstemp(errpath);
    assert_true(efd >= 0);
    char *abs = realpath(e2e_suture(), NULL);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit lim = {4096, 4096};
        if (chdir(dir) != 0 || setrlimit(RLIMIT_FSIZE, &lim) != 0 || dup2(efd, 2) < 0)
            _exit(99);
        if (out)
            execl(abs, abs, "build", "--out", out, "--quiet", (char *)NULL);
        else
            execl(abs, abs, "build", "--quiet", (char *)NULL);
        _exit(98);
    }
    int ws;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    size_t len;
    *err = file_read(errpath, &len);
    unlink(errpath);
    close(efd);
    free(abs);
    if (!WIFEXITED(ws))
        fail_msg("the build was killed by signal %d", WTERMSIG(ws));
    return WEXITSTATUS(ws);
}

static void test_file_size_limit_leaves_site(void **state)
{
    (void)state;
    char *dir = S_site(0);
    assert_int_equal(S_build(dir, "site"), 0);
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    assert_true(e2e_edit(dir, "content/articles/layers.md", "The SMAS lies", "The SMAS lies"
                         " deep"));
    /* As if the disk filled up: no file may grow past 4 KB (ulimit -f). */
    char *err = NULL;
    assert_int_equal(S_build_fsize_limited(dir, NULL, &err), 2);
    assert_non_null(strstr(err, "cannot write: File too large"));
    char *after = e2e_snapshot(site);
    assert_string_equal(before, after);
    assert_int_equal(S_count_prefixed(dir, "site.tmp-"), 0);
    free(err);
    free(before);
    free(after);
    free(site);
    remove_tree(dir);
    free(dir);
}

/* The lines of text that contain ": error: ", counted. */
static size_t S_error_lines(const char *text)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, ": error: ")) != NULL; p++)
        n++;
    return n;
}

/*
 * Issue 14, point 11: a full disk gave one "cannot write: No space left on device" per file
 * (2,009 lines for the clinic's site), each naming a staging folder the failed build had
 * already deleted. Now one message, naming the output folder given. A 64 KB tmpfs holds the
 * disk; mounting one needs root (CAP_SYS_ADMIN): without, the test is skipped.
 */
static void test_full_disk_one_message(void **state)
{
    (void)state;
    char *dir = S_site(40);
    char *disk = path_join(dir, "disk");
    assert_int_equal(mkdir(disk, 0755), 0);
    if (mount("tmpfs", disk, "tmpfs", 0, "size=64k") != 0) {
        free(disk);
        remove_tree(dir);
        free(dir);
        skip();
    }
    char *err = NULL;
    const char *args[] = {"build", "--out", "disk/site", "--quiet", NULL};
    int status = e2e_run(dir, args, &err);
    bool left = S_count_prefixed(disk, "site") != 0;
    umount(disk);
    assert_int_equal(status, 2);
    if (S_error_lines(err) != 1)
        fail_msg("expected one error, got:\n%s", err);
    assert_true(e2e_has_line(err, "disk/site: error: the disk is full: free space on the drive "
                                  "that holds disk/site and build again; the published site "
                                  "was not changed"));
    assert_null(strstr(err, ".tmp-"));
    assert_false(left);
    free(err);
    free(disk);
    remove_tree(dir);
    free(dir);
}

/* The file-size limit (ulimit -f) is said once too, whichever pages grow past it. */
static void test_file_size_limit_one_message(void **state)
{
    (void)state;
    char *dir = S_site(20);
    char *err = NULL;
    assert_int_equal(S_build_fsize_limited(dir, "out", &err), 2);
    if (S_error_lines(err) != 1)
        fail_msg("expected one error, got:\n%s", err);
    assert_true(e2e_has_line(err, "out: error: cannot write: File too large: a page is larger "
                                  "than the file-size limit allows (ulimit -f); raise the limit "
                                  "and build again; the published site was not changed"));
    free(err);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill_leaves_old_or_new_site),
        cmocka_unit_test(test_unwritable_output_leaves_site),
        cmocka_unit_test(test_file_size_limit_leaves_site),
        cmocka_unit_test(test_full_disk_one_message),
        cmocka_unit_test(test_file_size_limit_one_message),
    };
    int rc = cmocka_run_group_tests_name("faults", tests, NULL, NULL);
    free(S_root);
    return rc;
}
