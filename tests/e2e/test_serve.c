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

#include "e2eserve.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

/* Copy the good fixture and start `suture serve --port 0` in it. */
static es_server *S_start(void)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    return es_start_in(dir, NULL);
}

static void test_serve_edit_error_fix_stop(void **state)
{
    (void)state;
    es_server *s = S_start();
    int status;

    /* Pages, with the reload script added as they are served; the files stay clean. */
    char *res = es_get(s, "/kb/articles/layers/", &status);
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
    res = es_get(s, "/", &status);
    assert_int_equal(status, 302);
    assert_non_null(strstr(res, "Location: /kb/"));
    free(res);
    res = es_get(s, "/kb/articles/layers", &status);
    assert_int_equal(status, 301);
    assert_non_null(strstr(res, "Location: /kb/articles/layers/"));
    free(res);
    char *css = e2e_asset_name(s->dir, "site.css");
    char *css_url = xasprintf("/kb/assets/%s", css);
    res = es_get(s, css_url, &status);
    free(css_url);
    free(css);
    assert_int_equal(status, 200);
    assert_non_null(strstr(res, "Content-Type: text/css"));
    free(res);
    res = es_get(s, "/kb/no-such-page/", &status);
    assert_int_equal(status, 404);
    assert_non_null(strstr(res, "<!DOCTYPE html>")); /* the site's own 404 page */
    free(res);
    res = es_get(s, "/kb/__suture/reload.js", &status);
    assert_int_equal(status, 404);
    free(res);
    res = es_get(s, "/__suture/reload.js", &status);
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
        res = es_raw(s, req, &status);
        if (status != 404 && status != 400)
            fail_msg("%s answered %d", outside[i], status);
        assert_null(strstr(res, "root:"));
        free(res);
        free(req);
    }
    unlink(leak);
    free(leak);
    res = es_raw(s, "POST /kb/ HTTP/1.0\r\nContent-Length: 0\r\n\r\n", &status);
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
    es_edit(s, "content/articles/layers.md", "The SMAS lies under the skin.",
           "The SMAS lies under the skin and fat.");
    double latency = es_wait_for(s, "/kb/articles/layers/", 200, "under the skin and fat");
    print_message("an edit showed on the page after %.0f ms\n", latency * 1000);

    strbuf stream = STRBUF_INIT;
    double until = es_now() + es_patience();
    struct pollfd p = {.fd = ev, .events = POLLIN};
    while (!strstr(strbuf_str(&stream), "data: reload") && es_now() < until) {
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
    es_edit(s, "content/articles/layers.md", "topics: [anatomy,", "topics: [anatomyy,");
    es_wait_for(s, "/kb/articles/layers/", 500, "did you mean");
    res = es_get(s, "/kb/", &status);
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
    es_edit(s, "content/articles/layers.md", "topics: [anatomyy,", "topics: [anatomy,");
    es_wait_for(s, "/kb/articles/layers/", 200, "under the skin and fat");
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
    es_wait_for(s, "/kb/articles/new-one/", 200, "A new article");

    es_stop(s);
    assert_non_null(strstr(strbuf_str(&s->err), "suture: stopped"));
    /* No staging folder left behind. */
    strlist names = STRLIST_INIT;
    assert_int_equal(dir_list(s->dir, NULL, &names), 0);
    for (size_t i = 0; i < names.len; i++)
        assert_null(strstr(names.items[i], ".tmp-"));
    strlist_free(&names);
    es_free(s);
}

/* ---- connections kept open (issue 14) ---- */

/* A connected socket to the server. */
static int S_connect(const es_server *s)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

static void S_send_all(int fd, const char *text)
{
    assert_int_equal(send(fd, text, strlen(text), MSG_NOSIGNAL), (ssize_t)strlen(text));
}

/*
 * Read one whole response (headers and a Content-Length body) from a connection that stays
 * open; fails the test when it does not come in time. *status is its code.
 */
static char *S_read_response(int fd, int *status)
{
    strbuf b = STRBUF_INIT;
    double until = es_now() + es_patience();
    struct pollfd p = {.fd = fd, .events = POLLIN};
    for (;;) {
        const char *text = strbuf_str(&b);
        const char *end = strstr(text, "\r\n\r\n");
        if (end) {
            const char *cl = strcasestr(text, "\r\nContent-Length: ");
            size_t want = cl && cl < end ? strtoul(cl + 18, NULL, 10) : 0;
            if (b.len >= (size_t)(end + 4 - text) + want)
                break;
        }
        if (es_now() > until)
            fail_msg("no whole response; got: %s", text);
        if (poll(&p, 1, 200) <= 0)
            continue;
        char buf[8192];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            fail_msg("the connection closed after: %s", strbuf_str(&b));
        strbuf_append(&b, buf, (size_t)n);
    }
    *status = 0;
    sscanf(strbuf_str(&b), "HTTP/1.%*d %d", status);
    return strbuf_detach(&b);
}

/* The number of entries in /proc/<pid>/<what> ("fd", "task"). */
static size_t S_proc_count(pid_t pid, const char *what)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, what);
    strlist names = STRLIST_INIT;
    if (dir_list(path, NULL, &names) < 0)
        return 0;
    size_t n = names.len;
    strlist_free(&names);
    return n;
}

/* Wait until the server has printed text; seconds waited, or a failure. */
static double S_wait_stderr(es_server *s, const char *text)
{
    double t0 = es_now(), until = t0 + es_patience();
    while (!strstr(strbuf_str(&s->err), text)) {
        if (es_now() > until)
            fail_msg("the server never printed '%s'; it printed: %s", text, strbuf_str(&s->err));
        es_read_stderr(s, 0.1);
    }
    return es_now() - t0;
}

/* How many times needle occurs in text. */
static size_t S_occurrences(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *at = strstr(text, needle); at; at = strstr(at + 1, needle))
        n++;
    return n;
}

/* pattern with "PORT" replaced by port. */
static char *S_with_port(const char *pattern, int port)
{
    const char *at = strstr(pattern, "PORT");
    if (!at)
        return xstrdup(pattern);
    return xasprintf("%.*s%d%s", (int)(at - pattern), pattern, port, at + 4);
}

/* Only this computer's names for the server: a foreign Host is refused (DNS rebinding). */
static void test_serve_host_check(void **state)
{
    (void)state;
    es_server *s = S_start();
    static const char *const refused[] = {"evil.example:PORT", "localhost.evil.example:PORT",
                                          "localhost:1", "127.0.0.2:PORT", "[::2]:PORT",
                                          "localhost", "localhost:PORTx", "[::1"};
    static const char *const allowed[] = {"localhost:PORT", "LOCALHOST:PORT", "127.0.0.1:PORT",
                                          "[::1]:PORT"};
    int status;
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        char *host = S_with_port(refused[i], s->port);
        char *req = xasprintf("GET /kb/ HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
        char *res = es_raw(s, req, &status);
        if (status != 421)
            fail_msg("Host: %s answered %d", host, status);
        assert_non_null(strstr(res, "Content-Type: text/plain; charset=utf-8"));
        assert_non_null(strstr(res, "This preview answers only to localhost, 127.0.0.1 and "
                                    "[::1]"));
        assert_null(strstr(res, "<html"));
        free(res);
        free(req);
        free(host);
    }
    for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++) {
        char *host = S_with_port(allowed[i], s->port);
        char *req = xasprintf("GET /kb/ HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
        char *res = es_raw(s, req, &status);
        if (status != 200)
            fail_msg("Host: %s answered %d", host, status);
        free(res);
        free(req);
        free(host);
    }
    es_stop(s);
    es_free(s);
}

/* What cannot be an HTTP/1.x request is answered at once, with a Content-Type. */
static void test_serve_malformed_requests(void **state)
{
    (void)state;
    es_server *s = S_start();
    static const struct {
        const char *request;
        int status;
        const char *says;
    } cases[] = {
        {"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 400, "not https://"},
        {"garbage", 400, "This is not an HTTP request."},
        {"garbage\r\n\r\n", 400, "This is not an HTTP request."},
        {"\x00\x00\x00\r\n\r\n", 400, "This is not an HTTP request."},
        {"GET\r\n\r\n", 400, "This is not an HTTP request."},
        {"GET /kb/ HTTP/1.0\r\nBad Header\r\n\r\n", 400, "This is not an HTTP request."},
        {"GET /kb/ HTTP/1.0\r\n folded: line\r\n\r\n", 400, "This is not an HTTP request."},
        {"GET /kb/ HTTP/1.1\r\n\r\n", 400, "needs exactly one Host header"},
        {"GET /kb/ HTTP/2.0\r\nHost: localhost\r\n\r\n", 505, "HTTP/1.0 and HTTP/1.1"},
        {"GET /%00 HTTP/1.0\r\n\r\n", 400, "NUL character (%00)"},
        {"GET /kb/index.html%00.css HTTP/1.0\r\n\r\n", 400, "NUL character (%00)"},
        {"GET /kb/%00/ HTTP/1.1\r\nHost: localhost\r\n", 400, "NUL character (%00)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double t0 = es_now();
        /* The request may hold NUL bytes: send it with its length. */
        size_t len = strlen(cases[i].request);
        if (cases[i].request[0] == '\0')
            len = 7;
        int fd = S_connect(s);
        assert_int_equal(send(fd, cases[i].request, len, MSG_NOSIGNAL), (ssize_t)len);
        char *res = es_read_until_close(fd, es_patience());
        close(fd);
        double took = es_now() - t0;
        if (!res)
            fail_msg("case %zu: no answer", i);
        int status = 0;
        sscanf(res, "HTTP/1.%*d %d", &status);
        if (status != cases[i].status || !strstr(res, cases[i].says))
            fail_msg("case %zu answered: %s", i, res);
        assert_non_null(strstr(res, "Content-Type: text/plain; charset=utf-8"));
        /* At once: not after a timeout. */
        if (es_timed() && took > 2.0)
            fail_msg("case %zu took %.1f s", i, took);
        free(res);
    }
    es_stop(s);
    es_free(s);
}

/* Several requests on one connection; HEAD on the event stream has no body. */
static void test_serve_keep_alive(void **state)
{
    (void)state;
    es_server *s = S_start();
    int fd = S_connect(s);
    char *req = xasprintf("GET /kb/ HTTP/1.1\r\nHost: localhost:%d\r\n\r\n", s->port);
    int status;
    for (int i = 0; i < 3; i++) {
        S_send_all(fd, req);
        char *res = S_read_response(fd, &status);
        assert_int_equal(status, 200);
        assert_null(strcasestr(res, "Connection: close"));
        assert_non_null(strstr(res, "</html>"));
        free(res);
    }
    free(req);
    /* A NUL in a later request on the same connection is refused too. */
    req = xasprintf("GET /kb/index.html%%00.css HTTP/1.1\r\nHost: localhost:%d\r\n\r\n", s->port);
    S_send_all(fd, req);
    free(req);
    char *res = S_read_response(fd, &status);
    assert_int_equal(status, 400);
    assert_non_null(strstr(res, "NUL character (%00)"));
    free(res);
    req = xasprintf("HEAD /__suture/events HTTP/1.1\r\nHost: localhost:%d\r\n\r\n", s->port);
    S_send_all(fd, req);
    free(req);
    res = S_read_response(fd, &status);
    assert_int_equal(status, 200);
    assert_non_null(strstr(res, "Content-Type: text/event-stream"));
    /* Nothing after the headers: no chunk, no "0\r\n\r\n". */
    assert_string_equal(strstr(res, "\r\n\r\n"), "\r\n\r\n");
    free(res);
    struct pollfd p = {.fd = fd, .events = POLLIN};
    assert_int_equal(poll(&p, 1, 300), 0);
    close(fd);
    es_stop(s);
    es_free(s);
}

/* A closed page's event stream gives back its thread and socket at once. */
static void test_serve_event_stream_hangup(void **state)
{
    (void)state;
    es_server *s = S_start();
    /* Let the first connections of the start settle. */
    usleep(300000);
    size_t fds = S_proc_count(s->pid, "fd"), tasks = S_proc_count(s->pid, "task");
    for (int round = 0; round < 3; round++) {
        int ev = S_connect(s);
        char *req = xasprintf("GET /__suture/events HTTP/1.1\r\nHost: localhost:%d\r\n\r\n",
                              s->port);
        S_send_all(ev, req);
        free(req);
        char buf[1024];
        struct pollfd p = {.fd = ev, .events = POLLIN};
        assert_true(poll(&p, 1, (int)(es_patience() * 1000)) > 0);
        assert_true(read(ev, buf, sizeof buf) > 0);
        assert_true(S_proc_count(s->pid, "fd") > fds);
        close(ev);
        double t0 = es_now(), until = t0 + (es_timed() ? 2.0 : 10.0);
        while ((S_proc_count(s->pid, "fd") > fds || S_proc_count(s->pid, "task") > tasks) &&
               es_now() < until)
            usleep(20000);
        if (S_proc_count(s->pid, "fd") > fds || S_proc_count(s->pid, "task") > tasks)
            fail_msg("the closed stream still holds %zu descriptors and %zu threads",
                     S_proc_count(s->pid, "fd") - fds, S_proc_count(s->pid, "task") - tasks);
        print_message("a closed event stream was freed after %.0f ms\n", (es_now() - t0) * 1000);
    }
    es_stop(s);
    es_free(s);
}

/* A head that never ends is cut off at the deadline with 408, not held for minutes. */
static void test_serve_header_deadline(void **state)
{
    (void)state;
    es_server *s = S_start();
    int fd = S_connect(s);
    double t0 = es_now();
    S_send_all(fd, "GET /kb/ HTTP/1.1\r\nHost: localhost\r\n");
    char *res = es_read_until_close(fd, 10 + es_patience());
    double took = es_now() - t0;
    close(fd);
    assert_non_null(res);
    assert_non_null(strstr(res, "HTTP/1.1 408 Request Timeout"));
    assert_non_null(strstr(res, "Content-Type: text/plain; charset=utf-8"));
    print_message("an unfinished request head was closed after %.1f s\n", took);
    assert_true(took > 9.0);
    free(res);
    es_stop(s);
    es_free(s);
}

/* A second preview on the same port says so before it builds anything. */
static void test_serve_port_in_use(void **state)
{
    (void)state;
    es_server *s = S_start();
    char port[16];
    snprintf(port, sizeof port, "%d", s->port);
    const char *args[] = {"serve", "--port", port, "--out", "other-site", NULL};
    char *err = NULL;
    double t0 = es_now();
    assert_int_equal(e2e_run(s->dir, args, &err), 2);
    char *want = xasprintf("suture: cannot listen on 127.0.0.1 port %d: the port is in use "
                           "(another suture serve?); try another --port\n",
                           s->port);
    assert_string_equal(err, want);
    free(want);
    free(err);
    if (es_timed())
        assert_true(es_now() - t0 < 2.0);
    /* Nothing was built. */
    char *other = path_join(s->dir, "other-site");
    assert_false(path_is_dir(other));
    free(other);
    es_stop(s);
    es_free(s);
}

/* Saves every 50 ms do not hold the build back: one starts within a second. */
static void test_serve_debounce_max_wait(void **state)
{
    (void)state;
    es_server *s = S_start();
    S_wait_stderr(s, "serving the site");
    size_t builds = S_occurrences(strbuf_str(&s->err), "suture: built ");
    char *path = path_join(s->dir, "content/articles/layers.md");
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    double t0 = es_now(), first_build = -1;
    /* Saves go on until a build has ended (slow builds under valgrind take longer). */
    double storm = es_timed() ? 3.0 : 60.0;
    for (int i = 0; first_build < 0 && es_now() < t0 + storm; i++) {
        char *changed = xasprintf("%s\nSave number %d.\n", text, i);
        assert_int_equal(file_write(path, changed, strlen(changed)), 0);
        free(changed);
        es_read_stderr(s, 0.05);
        if (first_build < 0 && S_occurrences(strbuf_str(&s->err), "suture: built ") > builds)
            first_build = es_now() - t0;
    }
    free(text);
    free(path);
    if (first_build < 0)
        fail_msg("no build during %.0f s of saves every 50 ms: %s", storm, strbuf_str(&s->err));
    print_message("the first build during a storm of saves ended after %.0f ms\n",
                  first_build * 1000);
    if (es_timed())
        assert_true(first_build < 1.0);
    es_stop(s);
    es_free(s);
}

/* content/ and templates/ replaced, removed and brought back: the preview follows. */
static void test_serve_folders_replaced(void **state)
{
    (void)state;
    es_server *s = S_start();
    char *content = path_join(s->dir, "content");
    char *old = path_join(s->dir, "content.old");
    /* mv content content.old && cp -r content.old content, as a sync tool may do. */
    assert_int_equal(rename(content, old), 0);
    assert_int_equal(copy_tree(old, content, NULL, NULL), 0);
    S_wait_stderr(s, "watching content and templates as they are now");
    es_edit(s, "content/articles/layers.md", "The SMAS lies under the skin.",
           "The SMAS lies under the skin, in the new folder.");
    es_wait_for(s, "/kb/articles/layers/", 200, "in the new folder");
    /* Edits to the folder moved away no longer count. */
    assert_true(e2e_edit(s->dir, "content.old/articles/layers.md", "The SMAS lies under the skin.",
                         "The SMAS lies under the skin, in the old folder."));
    usleep(500000);
    int status;
    char *res = es_get(s, "/kb/articles/layers/", &status);
    assert_null(strstr(res, "in the old folder"));
    free(res);

    /* Removed: the error page says so; back: the pages come back. */
    assert_int_equal(remove_tree(content), 0);
    es_wait_for(s, "/kb/articles/layers/", 500, "the content folder does not exist");
    assert_int_equal(rename(old, content), 0);
    es_wait_for(s, "/kb/articles/layers/", 200, "in the old folder");

    /* The templates folder replaced, then edited. */
    char *templates = path_join(s->dir, "templates");
    char *templates_old = path_join(s->dir, "templates.old");
    assert_int_equal(rename(templates, templates_old), 0);
    assert_int_equal(copy_tree(templates_old, templates, NULL, NULL), 0);
    assert_int_equal(remove_tree(templates_old), 0);
    usleep(300000);
    assert_true(e2e_edit(s->dir, "templates/strings.xml", "Skip to content", "Skip to the article"));
    es_wait_for(s, "/kb/articles/layers/", 200, "Skip to the article");
    free(templates);
    free(templates_old);
    free(content);
    free(old);
    es_stop(s);
    es_free(s);
}

/* More changes than the kernel queues: everything is watched anew and built again. */
static void test_serve_event_overflow(void **state)
{
    (void)state;
    size_t qlen;
    char *max = file_read("/proc/sys/fs/inotify/max_queued_events", &qlen);
    long limit = max ? atol(max) : 0;
    free(max);
    if (limit <= 0 || limit > 200000) {
        print_message("skipped: inotify queues %ld events here\n", limit);
        return;
    }
    es_server *s = S_start();
    S_wait_stderr(s, "serving the site");
    /* Stop the server so that it reads nothing while the files come; each file gives two
     * events (created, closed after writing). Hidden names: not part of the site. */
    assert_int_equal(kill(s->pid, SIGSTOP), 0);
    char *flood = path_join(s->dir, "content/articles");
    for (long i = 0; i < limit / 2 + 64; i++) {
        char *name = xasprintf("%s/.flood-%ld", flood, i);
        assert_int_equal(file_write(name, "", 0), 0);
        free(name);
    }
    assert_int_equal(kill(s->pid, SIGCONT), 0);
    S_wait_stderr(s, "suture: too many changes at once to follow one by one; building "
                     "everything again\n");
    /* The new watches work. */
    es_edit(s, "content/articles/layers.md", "The SMAS lies under the skin.",
           "The SMAS lies under the skin, after the flood.");
    es_wait_for(s, "/kb/articles/layers/", 200, "after the flood");
    free(flood);
    es_stop(s);
    es_free(s);
}

/* The articles folder taken away and a named pipe among the articles: the error page, a
 * preview that still stops, and the pages back when the folder is whole again. */
static void test_serve_articles_folder_and_pipe(void **state)
{
    (void)state;
    es_server *s = S_start();
    char *articles = path_join(s->dir, "content/articles");
    char *away = path_join(s->dir, "articles.away");
    assert_int_equal(rename(articles, away), 0);
    es_wait_for(s, "/kb/", 500, "the folder does not exist; create it and put the articles");
    int status;
    char *res = es_get(s, "/kb/articles/layers/", &status);
    assert_int_equal(status, 500);
    assert_non_null(strstr(res, "<code>content/articles</code>"));
    /* Only the cause: no article named by the data or the glossary is said to be missing. */
    assert_null(strstr(res, "which does not exist"));
    assert_null(strstr(res, "there is no article"));
    free(res);
    assert_int_equal(rename(away, articles), 0);
    es_wait_for(s, "/kb/articles/layers/", 200, "why it matters");

    /* A FIFO named like an article: never opened, so the preview neither hangs nor dies. */
    char *fifo = path_join(articles, "pipe.md");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    es_wait_for(s, "/kb/", 500, "this is a named pipe (FIFO), not a file");
    assert_int_equal(unlink(fifo), 0);
    es_wait_for(s, "/kb/articles/layers/", 200, "why it matters");
    free(fifo);
    free(articles);
    free(away);
    es_stop(s);
    es_free(s);
}

/* A site in two languages: the preview serves both, English under /en/, and one 404. */
static void test_serve_bilingual(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "bilingual");
    assert_non_null(dir);
    es_server *s = es_start_in(dir, NULL);
    es_wait_for(s, "/", 200, "<html lang=\"ko\"");
    es_wait_for(s, "/en/", 200, "<html lang=\"en\"");
    es_wait_for(s, "/en", 301, NULL);
    es_wait_for(s, "/en/articles/english-only/", 200, "Questions to ask before a lift");
    es_wait_for(s, "/articles/smas/", 200, "스마스(SMAS) 층");
    es_wait_for(s, "/en/search-index.json", 200, "/en/articles/smas/");
    es_wait_for(s, "/en/no-such-page/", 404, "<div lang=\"en\">");
    es_edit(s, "content/articles/en/smas.md", "The SMAS layer", "The SMAS, layer by layer");
    es_wait_for(s, "/en/articles/smas/", 200, "The SMAS, layer by layer");
    es_stop(s);
    es_free(s);
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

/* A template's mistakes are on the error page like a content's (issue 20): one found when
 * the templates load, and one found when the pages render. */
static void test_serve_template_errors(void **state)
{
    (void)state;
    es_server *s = S_start();
    es_wait_for(s, "/kb/", 200, NULL);
    es_edit(s, "templates/layout.xsl", "<a href=\"{$site/links/@compare}\">",
            "<a href=\"{{ site.contact_url }}\">");
    unsigned line, column;
    assert_true(e2e_where(s->dir, "templates/layout.xsl", NULL, "{{ site.contact_url }}",
                          &line, &column));
    es_wait_for(s, "/kb/articles/layers/", 500, "is Hugo's or Jinja's syntax");
    int status;
    char *res = es_get(s, "/kb/", &status);
    assert_int_equal(status, 500);
    char *where = xasprintf("<code>templates/layout.xsl:%u:%u</code>", line, column);
    if (!strstr(res, where))
        fail_msg("no %s in:\n%s", where, res);
    free(where);
    free(res);
    es_edit(s, "templates/layout.xsl", "<a href=\"{{ site.contact_url }}\">",
            "<a href=\"{$site/links/@compare}\">");
    es_wait_for(s, "/kb/articles/layers/", 200, NULL);

    es_edit(s, "templates/layout.xsl", "<meta charset=\"utf-8\"/>",
            "<meta charset=\"utf-8\"/><li>Call us</li>");
    assert_true(e2e_where(s->dir, "templates/layout.xsl", NULL, "<li>Call us", &line, &column));
    es_wait_for(s, "/kb/articles/layers/", 500, "and 12 other pages: the template puts");
    res = es_get(s, "/kb/", &status);
    where = xasprintf("<code>templates/layout.xsl:%u:%u</code>", line, column);
    if (!strstr(res, where))
        fail_msg("no %s in:\n%s", where, res);
    free(where);
    free(res);
    es_edit(s, "templates/layout.xsl", "<li>Call us</li>", "");
    es_wait_for(s, "/kb/articles/layers/", 200, NULL);
    es_stop(s);
    es_free(s);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serve_edit_error_fix_stop),
        cmocka_unit_test(test_serve_bilingual),
        cmocka_unit_test(test_serve_usage_errors),
        cmocka_unit_test(test_serve_host_check),
        cmocka_unit_test(test_serve_malformed_requests),
        cmocka_unit_test(test_serve_keep_alive),
        cmocka_unit_test(test_serve_event_stream_hangup),
        cmocka_unit_test(test_serve_header_deadline),
        cmocka_unit_test(test_serve_port_in_use),
        cmocka_unit_test(test_serve_debounce_max_wait),
        cmocka_unit_test(test_serve_folders_replaced),
        cmocka_unit_test(test_serve_event_overflow),
        cmocka_unit_test(test_serve_articles_folder_and_pipe),
        cmocka_unit_test(test_serve_template_errors),
    };
    int rc = cmocka_run_group_tests_name("serve", tests, NULL, NULL);
    free(S_root);
    return rc;
}
