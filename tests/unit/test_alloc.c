/* test_alloc.c: allocation that aborts when memory runs out (alloc.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream, symlink */
#endif
#include "testutil.h"

#include "base/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void test_xstrndup_and_xasprintf(void **state)
{
    (void)state;
    char *a = xstrndup("thread-lift", 6);
    assert_string_equal(a, "thread");
    char *b = xasprintf("%s:%u:%d", "dimpling.md", 14u, 9);
    assert_string_equal(b, "dimpling.md:14:9");
    char *c = xstrdup("");
    assert_string_equal(c, "");
    free(a);
    free(b);
    free(c);
}

/* xvasprintf formats as vasprintf does; the va_list comes from a variadic caller. */
static char *S_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *S_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

/* Out of memory: one line on stderr, then abort (the one place every module stops). */
static void test_out_of_memory(void **state)
{
    (void)state;
    char *s = S_format("%s %d", "SMAS", 4);
    assert_string_equal(s, "SMAS 4");
    free(s);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 2);
        signal(SIGABRT, SIG_DFL);
        out_of_memory();
    }
    close(fds[1]);
    char buf[128] = {0};
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    int ws;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    assert_true(n > 0);
    assert_string_equal(buf, "suture: out of memory\n");
    assert_true(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGABRT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xstrndup_and_xasprintf),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
