/*
 * test_serve.c: end-to-end test of `suture serve` (issue 5). Starts the real server on a
 * free port over a copy of the good fixture, talks HTTP to it over a socket, edits the
 * article files as an editor would, and stops it with SIGINT. Every wait has a deadline,
 * so a server that hangs fails the test instead of hanging it.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>

#include "e2e.h"

static char *S_root; /* the repository, where the tests run from */

/* Seconds to wait for anything; more under a wrapper such as valgrind. */
static double S_patience(void)
{
    return getenv("SUTURE_WRAPPER") ? 120.0 : 15.0;
}

static double S_now(void)
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
} S_server;

/* Read what the server printed, waiting up to wait_s for more. */
static void S_read_stderr(S_server *s, double wait_s)
{
    struct pollfd p = {.fd = s->err_fd, .events = POLLIN};
    if (poll(&p, 1, (int)(wait_s * 1000)) <= 0)
        return;
    char buf[4096];
    ssize_t n = read(s->err_fd, buf, sizeof buf);
    if (n > 0)
        strbuf_append(&s->err, buf, (size_t)n);
}

/* Copy the good fixture and start `suture serve --port 0` in it; wait for its address. */
static S_server *S_start(void)
{
    S_server *s = xcalloc(1, sizeof *s);
    s->dir = e2e_fixture_site(S_root, "good");
    assert_non_null(s->dir);

    int pipefd[2];
    assert_int_equal(pipe2(pipefd, O_CLOEXEC), 0);
    const char *argv[64];
    static const char *const args[] = {"serve", "--port", "0", NULL};
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
    double until = S_now() + S_patience();
    const char *at = NULL;
    while (S_now() < until && !(at = strstr(strbuf_str(&s->err), "http://127.0.0.1:")))
        S_read_stderr(s, 0.2);
    if (!at)
        fail_msg("the server printed no address: %s", strbuf_str(&s->err));
    s->port = atoi(at + strlen("http://127.0.0.1:"));
    assert_true(s->port > 0);
    return s;
}

/* Send request (a whole HTTP/1.0 request) and return the response; *status is its code. */
static char *S_raw(const S_server *s, const char *request, int *status)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(write(fd, request, strlen(request)), (ssize_t)strlen(request));
    strbuf b = STRBUF_INIT;
    double until = S_now() + S_patience();
    struct pollfd p = {.fd = fd, .events = POLLIN};
    for (;;) {
        if (S_now() > until)
            fail_msg("no answer to %s", request);
        if (poll(&p, 1, 200) <= 0)
            continue;
        char buf[8192];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        strbuf_append(&b, buf, (size_t)n);
    }
    close(fd);
    *status = 0;
    sscanf(strbuf_str(&b), "HTTP/1.%*d %d", status);
    return strbuf_detach(&b);
}

/* GET path; returns the whole response (headers and body). */
static char *S_get(const S_server *s, const char *path, int *status)
{
    char *req = xasprintf("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n", path);
    char *res = S_raw(s, req, status);
    free(req);
    return res;
}

/* GET path until its response has status and contains text (NULL: any); seconds waited. */
static double S_wait_for(const S_server *s, const char *path, int status, const char *text)
{
    double t0 = S_now(), until = t0 + S_patience();
    for (;;) {
        int got;
        char *res = S_get(s, path, &got);
        bool ok = got == status && (!text || strstr(res, text));
        free(res);
        if (ok)
            return S_now() - t0;
        if (S_now() > until)
            fail_msg("%s never answered %d with '%s'", path, status, text ? text : "");
        usleep(20000);
    }
}

/* Replace the first find with repl in the file rel of the site's folder. */
static void S_edit(const S_server *s, const char *rel, const char *find, const char *repl)
{
    assert_true(e2e_edit(s->dir, rel, find, repl));
}

/* Stop the server with SIGINT; it must exit 0 in time. */
static void S_stop(S_server *s)
{
    assert_int_equal(kill(s->pid, SIGINT), 0);
    double until = S_now() + S_patience();
    int ws = 0;
    pid_t got = 0;
    while (S_now() < until && (got = waitpid(s->pid, &ws, WNOHANG)) == 0)
        usleep(20000);
    if (got != s->pid) {
        kill(s->pid, SIGKILL);
        waitpid(s->pid, &ws, 0);
        fail_msg("the server did not stop on SIGINT");
    }
    S_read_stderr(s, 0.1);
    if (!WIFEXITED(ws))
        fail_msg("the server ended with signal %d; it printed: %s", WTERMSIG(ws),
                 strbuf_str(&s->err));
    assert_int_equal(WEXITSTATUS(ws), 0);
}

static void S_free(S_server *s)
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

static void test_serve_edit_error_fix_stop(void **state)
{
    (void)state;
    S_server *s = S_start();
    int status;

    /* Pages, with the reload script added as they are served; the files stay clean. */
    char *res = S_get(s, "/kb/articles/layers/", &status);
    assert_int_equal(status, 200);
    assert_non_null(strstr(res, "Content-Type: text/html; charset=utf-8"));
    assert_non_null(strstr(res, "<script src=\"/__suture/reload.js\"></script></body>"));
    free(res);
    char *file = path_join(s->dir, "site/articles/layers/index.html");
    size_t len;
    char *html = file_read(file, &len);
    assert_non_null(html);
    assert_null(strstr(html, "__suture"));
    free(html);
    free(file);
    res = S_get(s, "/", &status);
    assert_int_equal(status, 302);
    assert_non_null(strstr(res, "Location: /kb/"));
    free(res);
    res = S_get(s, "/kb/articles/layers", &status);
    assert_int_equal(status, 301);
    assert_non_null(strstr(res, "Location: /kb/articles/layers/"));
    free(res);
    res = S_get(s, "/kb/assets/site.css", &status);
    assert_int_equal(status, 200);
    assert_non_null(strstr(res, "Content-Type: text/css"));
    free(res);
    res = S_get(s, "/kb/no-such-page/", &status);
    assert_int_equal(status, 404);
    assert_non_null(strstr(res, "<!DOCTYPE html>")); /* the site's own 404 page */
    free(res);
    res = S_get(s, "/kb/__suture/reload.js", &status);
    assert_int_equal(status, 404);
    free(res);
    res = S_get(s, "/__suture/reload.js", &status);
    assert_int_equal(status, 200);
    assert_non_null(strstr(res, "EventSource"));
    free(res);

    /* Nothing outside the site: "..", encoded or not, a folder listing, a link out. */
    static const char *const outside[] = {"/kb/../../etc/passwd", "/kb/%2e%2e/%2e%2e/etc/passwd",
                                          "/kb/articles/..%2f..%2f..%2fetc/passwd",
                                          "/kb/articles/", "/kb/leak/passwd", "/kb/.suture/"};
    char *leak = path_join(s->dir, "site/leak");
    assert_int_equal(symlink("/etc", leak), 0);
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        char *req = xasprintf("GET %s HTTP/1.0\r\n\r\n", outside[i]);
        res = S_raw(s, req, &status);
        if (status != 404 && status != 400)
            fail_msg("%s answered %d", outside[i], status);
        assert_null(strstr(res, "root:"));
        free(res);
        free(req);
    }
    unlink(leak);
    free(leak);
    res = S_raw(s, "POST /kb/ HTTP/1.0\r\nContent-Length: 0\r\n\r\n", &status);
    assert_int_equal(status, 405);
    free(res);

    /* An open page's event stream says "reload" after the next build. */
    int ev = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(ev, (struct sockaddr *)&a, sizeof a), 0);
    const char *events = "GET /__suture/events HTTP/1.0\r\n\r\n";
    assert_int_equal(write(ev, events, strlen(events)), (ssize_t)strlen(events));

    /* An edit shows on the page. */
    S_edit(s, "content/articles/layers.md", "The SMAS lies under the skin.",
           "The SMAS lies under the skin and fat.");
    double latency = S_wait_for(s, "/kb/articles/layers/", 200, "under the skin and fat");
    print_message("an edit showed on the page after %.0f ms\n", latency * 1000);

    strbuf stream = STRBUF_INIT;
    double until = S_now() + S_patience();
    struct pollfd p = {.fd = ev, .events = POLLIN};
    while (!strstr(strbuf_str(&stream), "data: reload") && S_now() < until) {
        if (poll(&p, 1, 200) > 0) {
            char buf[1024];
            ssize_t n = read(ev, buf, sizeof buf);
            if (n <= 0)
                break;
            strbuf_append(&stream, buf, (size_t)n);
        }
    }
    assert_non_null(strstr(strbuf_str(&stream), "Content-Type: text/event-stream"));
    assert_non_null(strstr(strbuf_str(&stream), "data: reload"));
    strbuf_free(&stream);
    close(ev);

    /* A mistake: every page is the error page, with the place and the fix. */
    S_edit(s, "content/articles/layers.md", "topics: [anatomy,", "topics: [anatomyy,");
    S_wait_for(s, "/kb/articles/layers/", 500, "did you mean");
    res = S_get(s, "/kb/", &status);
    assert_int_equal(status, 500);
    assert_non_null(strstr(res, "The site could not be built"));
    assert_non_null(strstr(res, "<code>content/articles/layers.md:4:"));
    assert_non_null(strstr(res, "unknown topic 'anatomyy'; did you mean 'anatomy'?"));
    assert_non_null(strstr(res, "/__suture/reload.js"));
    free(res);
    /* The published site is the last good one. */
    file = path_join(s->dir, "site/articles/layers/index.html");
    html = file_read(file, &len);
    assert_non_null(strstr(html, "under the skin and fat"));
    free(html);
    free(file);

    /* Fixed: the pages come back by themselves. */
    S_edit(s, "content/articles/layers.md", "topics: [anatomyy,", "topics: [anatomy,");
    S_wait_for(s, "/kb/articles/layers/", 200, "under the skin and fat");
    /* An editor's scratch files do not count as changes; a new article does. */
    char *scratch = path_join(s->dir, "content/articles/.layers.md.swp");
    assert_int_equal(file_write(scratch, "x", 1), 0);
    free(scratch);
    char *fresh = path_join(s->dir, "content/articles/new-one.md");
    const char *text = "---\ntitle: \"A new article\"\nsummary: \"New.\"\ntopics: [anatomy]\n"
                       "date: 2026-11-10\nreviewed: 2026-11-10\n"
                       "reviewer: \"Medical review team\"\n---\nSee [the layers](layers.md).\n";
    assert_int_equal(file_write(fresh, text, strlen(text)), 0);
    free(fresh);
    S_wait_for(s, "/kb/articles/new-one/", 200, "A new article");

    S_stop(s);
    assert_non_null(strstr(strbuf_str(&s->err), "suture: stopped"));
    /* No staging folder left behind. */
    strlist names = STRLIST_INIT;
    assert_int_equal(dir_list(s->dir, NULL, &names), 0);
    for (size_t i = 0; i < names.len; i++)
        assert_null(strstr(names.items[i], ".tmp-"));
    strlist_free(&names);
    S_free(s);
}

static void test_serve_usage_errors(void **state)
{
    (void)state;
    char *dir = e2e_tmpdir();
    char *err = NULL;
    const char *no_content[] = {"serve", "--port", "0", NULL};
    assert_int_equal(e2e_run(dir, no_content, &err), 2);
    assert_string_equal(err, "content: error: the content folder does not exist; run suture "
                             "where content/ is, or pass --content DIR\n");
    free(err);
    const char *bad_port[] = {"serve", "--port", "70000", NULL};
    assert_int_equal(e2e_run(dir, bad_port, &err), 2);
    assert_string_equal(err, "suture: --port needs a number from 0 to 65535, not '70000'\n");
    free(err);
    char *content = path_join(dir, "content");
    assert_int_equal(mkdir_p(content), 0);
    const char *bad_bind[] = {"serve", "--bind", "localhost", "--port", "0", NULL};
    assert_int_equal(e2e_run(dir, bad_bind, &err), 2);
    assert_non_null(strstr(err, "suture: --bind needs an IP address such as 127.0.0.1 or ::1, "
                                "not 'localhost'\n"));
    free(err);
    const char *help[] = {"serve", "--help", NULL};
    assert_int_equal(e2e_run(dir, help, &err), 0);
    free(err);
    free(content);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serve_edit_error_fix_stop),
        cmocka_unit_test(test_serve_usage_errors),
    };
    int rc = cmocka_run_group_tests_name("serve", tests, NULL, NULL);
    free(S_root);
    return rc;
}
