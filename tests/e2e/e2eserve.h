/*
 * e2eserve.h: helpers for the end-to-end tests of `suture serve` (test_serve.c,
 * test_serve_overlay.c): start the real server on a free port in a site folder, talk HTTP
 * to it over a socket, wait for an answer with a deadline, stop it with SIGINT.
 */
#ifndef SUTURE_E2ESERVE_H
#define SUTURE_E2ESERVE_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

/* Seconds to wait for anything; more under a wrapper such as valgrind, or with
 * AddressSanitizer. */
static inline double es_patience(void)
{
#if defined(__SANITIZE_ADDRESS__)
    /* The first build compiles the compliance prefilter (no cache yet), many times slower
     * with AddressSanitizer: as slow as under valgrind. */
    return 120.0;
#else
    return getenv("SUTURE_WRAPPER") ? 120.0 : 15.0;
#endif
}

/* Whether times are held to their limits: not under a wrapper such as valgrind, nor when
 * the binaries carry AddressSanitizer (make asan), which slow everything down. */
static inline bool es_timed(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return false;
#else
    return !getenv("SUTURE_WRAPPER");
#endif
}

static inline double es_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct {
    char *dir;       /* the site's folder: content/, templates/, site/ */
    pid_t pid;
    int err_fd;      /* the server's stderr */
    strbuf err;      /* what it printed so far */
    int port;
} es_server;

/* Read what the server printed, waiting up to wait_s for more. */
static inline void es_read_stderr(es_server *s, double wait_s)
{
    struct pollfd p = {.fd = s->err_fd, .events = POLLIN};
    if (poll(&p, 1, (int)(wait_s * 1000)) <= 0)
        return;
    char buf[4096];
    ssize_t n = read(s->err_fd, buf, sizeof buf);
    if (n > 0)
        strbuf_append(&s->err, buf, (size_t)n);
}

/* Start `suture serve --port 0` and the extra args (NULL-terminated; NULL: none) in the
 * site folder dir (which the server then owns); wait for its address. */
static inline es_server *es_start_in(char *dir, const char *const *extra)
{
    es_server *s = xcalloc(1, sizeof *s);
    s->dir = dir;

    int pipefd[2];
    assert_int_equal(pipe2(pipefd, O_CLOEXEC), 0);
    const char *argv[64];
    const char *args[16] = {"serve", "--port", "0"};
    for (size_t i = 0; extra && extra[i] && i + 4 < 16; i++)
        args[3 + i] = extra[i];
    e2e_held held;
    e2e_command(args, argv, 64, &held);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addchdir_np(&fa, s->dir);
    assert_int_equal(posix_spawnp(&s->pid, argv[0], &fa, NULL, (char *const *)argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[1]);
    s->err_fd = pipefd[0];
    e2e_held_free(&held);
    double until = es_now() + es_patience();
    const char *at = NULL;
    while (es_now() < until && !(at = strstr(strbuf_str(&s->err), "http://127.0.0.1:")))
        es_read_stderr(s, 0.2);
    if (!at)
        fail_msg("the server printed no address: %s", strbuf_str(&s->err));
    s->port = atoi(at + strlen("http://127.0.0.1:"));
    assert_true(s->port > 0);
    return s;
}

/* What fd receives until the server closes it (malloc'd), or NULL after wait_s seconds. */
static inline char *es_read_until_close(int fd, double wait_s)
{
    strbuf b = STRBUF_INIT;
    double until = es_now() + wait_s;
    struct pollfd p = {.fd = fd, .events = POLLIN};
    while (es_now() < until) {
        if (poll(&p, 1, 200) <= 0)
            continue;
        char buf[8192];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return strbuf_detach(&b);
        strbuf_append(&b, buf, (size_t)n);
    }
    strbuf_free(&b);
    return NULL;
}

/* Send request (a whole HTTP/1.0 request) and return the response; *status is its code. */
static inline char *es_raw(const es_server *s, const char *request, int *status)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(write(fd, request, strlen(request)), (ssize_t)strlen(request));
    char *res = es_read_until_close(fd, es_patience());
    if (!res)
        fail_msg("no answer to %s", request);
    close(fd);
    *status = 0;
    sscanf(res, "HTTP/1.%*d %d", status);
    return res;
}

/* GET path; returns the whole response (headers and body). */
static inline char *es_get(const es_server *s, const char *path, int *status)
{
    char *req = xasprintf("GET %s HTTP/1.0\r\nHost: localhost:%d\r\n\r\n", path, s->port);
    char *res = es_raw(s, req, status);
    free(req);
    return res;
}

/* GET path until its response has status and contains text (NULL: any); seconds waited. */
static inline double es_wait_for(const es_server *s, const char *path, int status, const char *text)
{
    double t0 = es_now(), until = t0 + es_patience();
    for (;;) {
        int got;
        char *res = es_get(s, path, &got);
        bool ok = got == status && (!text || strstr(res, text));
        free(res);
        if (ok)
            return es_now() - t0;
        if (es_now() > until)
            fail_msg("%s never answered %d with '%s'", path, status, text ? text : "");
        usleep(20000);
    }
}

/* Replace the first find with repl in the file rel of the site's folder. */
static inline void es_edit(const es_server *s, const char *rel, const char *find, const char *repl)
{
    assert_true(e2e_edit(s->dir, rel, find, repl));
}

/* Stop the server with SIGINT; it must exit 0 in time. */
static inline void es_stop(es_server *s)
{
    assert_int_equal(kill(s->pid, SIGINT), 0);
    double until = es_now() + es_patience();
    int ws = 0;
    pid_t got = 0;
    while (es_now() < until && (got = waitpid(s->pid, &ws, WNOHANG)) == 0)
        usleep(20000);
    if (got != s->pid) {
        kill(s->pid, SIGKILL);
        waitpid(s->pid, &ws, 0);
        fail_msg("the server did not stop on SIGINT");
    }
    es_read_stderr(s, 0.1);
    if (!WIFEXITED(ws))
        fail_msg("the server ended with signal %d; it printed: %s", WTERMSIG(ws),
                 strbuf_str(&s->err));
    assert_int_equal(WEXITSTATUS(ws), 0);
}

static inline void es_free(es_server *s)
{
    close(s->err_fd);
    strbuf_free(&s->err);
    remove_tree(s->dir);
    char *previous = xasprintf("%s/site.previous", s->dir);
    remove_tree(previous);
    free(previous);
    free(s->dir);
    free(s);
}

#endif
