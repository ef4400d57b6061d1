/*
 * test_server_config.c: the response-header policy (render/hosting.h) as the real site gets
 * it: _headers in the published folder, the same after an incremental build as after a
 * full one, accepted by suture check --site; and `suture server-config nginx`, checked by
 * Debian's nginx (nginx -t with a wrapper nginx.conf in a temporary folder, run
 * unprivileged), then started on a free loopback port and asked for a page, a
 * fingerprinted style sheet, an image and a missing page, whose headers must all carry
 * the security policy. nginx and its brotli module are test packages
 * (scripts/install-deps): without them the test fails, it does not skip.
 * Works on copies of tests/fixtures/good (below the base path /kb/).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */
static pid_t S_nginx_pid = -1; /* the nginx a test started, stopped by S_stop_nginx */

/* Whether text has the line path followed by the line "  Cache-Control: value". */
static bool S_rule(const char *text, const char *path, const char *value)
{
    char *rule = xasprintf("%s\n  Cache-Control: %s\n", path, value);
    bool found = false;
    for (const char *p = text; (p = strstr(p, rule)) != NULL; p++)
        if (p == text || p[-1] == '\n')
            found = true;
    free(rule);
    return found;
}

static void test_headers_file_published(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    e2e_build(dir, "site");
    char *text = e2e_read(dir, "site/_headers");
    assert_true(e2e_has_line(text, "/kb/*"));
    assert_true(e2e_has_line(text, "  X-Frame-Options: DENY"));
    assert_true(e2e_has_line(text, "  X-Content-Type-Options: nosniff"));
    assert_non_null(strstr(text, "frame-ancestors 'none'"));
    const char *names[] = {"site.css", "site.js", "search.js"};
    for (size_t i = 0; i < 3; i++) {
        char *name = e2e_asset_name(dir, names[i]);
        char *path = xasprintf("/kb/assets/%s", name);
        if (!S_rule(text, path, "public, max-age=31536000, immutable"))
            fail_msg("no immutable rule for %s in:\n%s", path, text);
        free(path);
        free(name);
    }
    assert_true(S_rule(text, "/kb/media/*", "public, max-age=86400"));
    assert_true(S_rule(text, "/kb/feed.xml", "public, max-age=3600"));
    assert_true(S_rule(text, "/kb/search-index.json", "no-cache"));
    /* suture check --site accepts the folder with _headers in it. */
    assert_int_equal(e2e_check_site(dir, "site"), 0);
    free(text);
    remove_tree(dir);
    free(dir);
}

/* A changed style sheet: the incremental build's _headers names its new name, byte for
 * byte as a full build's does. */
static void test_headers_file_incremental(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    e2e_build(dir, "site");
    char *before = e2e_asset_name(dir, "site.css");
    assert_true(e2e_edit(dir, "templates/assets/site.css", "}", "}\n.changed { color: red; }"));
    e2e_build(dir, "site");
    e2e_build(dir, "full");
    char *after = e2e_asset_name(dir, "site.css");
    assert_string_not_equal(before, after);
    char *incremental = e2e_read(dir, "site/_headers");
    char *full = e2e_read(dir, "full/_headers");
    assert_string_equal(incremental, full);
    char *path = xasprintf("/kb/assets/%s", after);
    assert_true(e2e_has_line(incremental, path));
    free(path);
    path = xasprintf("/kb/assets/%s", before);
    assert_false(e2e_has_line(incremental, path));
    free(path);
    free(incremental);
    free(full);
    free(before);
    free(after);
    remove_tree(dir);
    free(dir);
}

/* The nginx binary: on PATH, else Debian's /usr/sbin/nginx; fails the test without one. */
static const char *S_nginx(void)
{
    const char *path = getenv("PATH");
    static char found[4096];
    char *copy = xstrdup(path ? path : "");
    char *save = NULL;
    for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
        snprintf(found, sizeof found, "%s/nginx", d);
        if (access(found, X_OK) == 0) {
            free(copy);
            return found;
        }
    }
    free(copy);
    if (access("/usr/sbin/nginx", X_OK) == 0)
        return "/usr/sbin/nginx";
    fail_msg("nginx is not installed: apt-get install nginx libnginx-mod-http-brotli-static "
             "(scripts/install-deps installs the test packages)");
    return NULL;
}

/* A TCP port on 127.0.0.1 that nothing listens on now. */
static int S_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

/* Write dir/nginx.conf: nginx's modules (brotli), mime types and the generated server
 * block dir/site.conf, with every file nginx writes inside dir, as the user running it. */
static void S_wrapper(const char *dir)
{
    struct passwd *pw = getpwuid(getuid());
    assert_non_null(pw);
    char *conf = xasprintf(
        "include /etc/nginx/modules-enabled/*.conf;\n"
        "user %s;\npid %s/nginx.pid;\nerror_log %s/error.log;\n"
        "events {}\nhttp {\n    include /etc/nginx/mime.types;\n    access_log off;\n"
        "    client_body_temp_path %s/tmp;\n    proxy_temp_path %s/tmp;\n"
        "    fastcgi_temp_path %s/tmp;\n    uwsgi_temp_path %s/tmp;\n"
        "    scgi_temp_path %s/tmp;\n    include %s/site.conf;\n}\n",
        pw->pw_name, dir, dir, dir, dir, dir, dir, dir, dir);
    char *path = path_join(dir, "nginx.conf");
    assert_int_equal(file_write(path, conf, strlen(conf)), 0);
    char *tmp = path_join(dir, "tmp");
    assert_int_equal(mkdir_p(tmp), 0);
    free(tmp);
    free(path);
    free(conf);
}

/* Start nginx with the configuration in dir (test: only -t); its pid, its output in
 * dir/nginx.out. */
static pid_t S_spawn_nginx(const char *dir, bool test)
{
    char *conf = path_join(dir, "nginx.conf");
    char *log = path_join(dir, "error.log");
    char *out = path_join(dir, "nginx.out");
    const char *argv[] = {S_nginx(), test ? "-t" : "-g", test ? "-q" : "daemon off;", "-c",
                          conf, "-e", log, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid = -1;
    assert_int_equal(posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    free(out);
    free(log);
    free(conf);
    return pid;
}

/* The response nginx on port gives to GET path (status line and headers), or NULL when
 * nothing answers. */
static char *S_get(int port, const char *path)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return NULL;
    }
    char *req = xasprintf("HEAD %s HTTP/1.0\r\nHost: clinic.example\r\n\r\n", path);
    ssize_t sent = write(fd, req, strlen(req));
    free(req);
    strbuf resp = STRBUF_INIT;
    char buf[4096];
    ssize_t n;
    while (sent > 0 && (n = read(fd, buf, sizeof buf)) > 0)
        strbuf_append(&resp, buf, (size_t)n);
    close(fd);
    return strbuf_detach(&resp);
}

/* Every security header, and the Cache-Control wanted, in a response. */
static void S_expect(const char *resp, const char *path, const char *status,
                     const char *cache_control)
{
    if (!strstr(resp, status))
        fail_msg("GET %s: not %s:\n%s", path, status, resp);
    const char *security[] = {"Content-Security-Policy: ", "Strict-Transport-Security: ",
                              "X-Content-Type-Options: nosniff", "Referrer-Policy: ",
                              "Permissions-Policy: ", "X-Frame-Options: DENY"};
    for (size_t i = 0; i < sizeof security / sizeof security[0]; i++)
        if (!strstr(resp, security[i]))
            fail_msg("GET %s: no %s in:\n%s", path, security[i], resp);
    char *line = xasprintf("Cache-Control: %s\r\n", cache_control);
    if (!strstr(resp, line))
        fail_msg("GET %s: not %s in:\n%s", path, line, resp);
    free(line);
}

/* Ask the running nginx on port for each kind of file of the site in dir. */
static void S_requests(const char *dir, int port)
{
    char *resp = NULL;
    for (int i = 0; i < 100 && !(resp = S_get(port, "/kb/")); i++)
        nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    if (!resp) {
        char *log = e2e_read(dir, "nginx.out");
        fail_msg("nginx did not start:\n%s", log);
    }
    S_expect(resp, "/kb/", "HTTP/1.1 200", "no-cache");
    free(resp);
    char *css = e2e_asset_name(dir, "site.css");
    char *path = xasprintf("/kb/assets/%s", css);
    resp = S_get(port, path);
    S_expect(resp, path, "HTTP/1.1 200", "public, max-age=31536000, immutable");
    free(resp);
    free(path);
    free(css);
    resp = S_get(port, "/kb/media/layers.png");
    S_expect(resp, "/kb/media/layers.png", "HTTP/1.1 200", "public, max-age=86400");
    free(resp);
    resp = S_get(port, "/kb/no-such-page/");
    S_expect(resp, "/kb/no-such-page/", "HTTP/1.1 404", "no-cache");
    free(resp);
    /* A missing fingerprinted file is the 404 page, which no one may keep for a year. */
    resp = S_get(port, "/kb/assets/site.000000000000.css");
    S_expect(resp, "/kb/assets/site.000000000000.css", "HTTP/1.1 404", "no-cache");
    assert_null(strstr(resp, "immutable"));
    free(resp);
    resp = S_get(port, "/kb/.suture/manifest.jsonl");
    S_expect(resp, "/kb/.suture/manifest.jsonl", "HTTP/1.1 404", "no-cache");
    free(resp);
}

/* Teardown: stop the nginx the test started, even when one of its checks failed. */
static int S_stop_nginx(void **state)
{
    (void)state;
    if (S_nginx_pid > 0) {
        kill(S_nginx_pid, SIGTERM);
        waitpid(S_nginx_pid, NULL, 0);
        S_nginx_pid = -1;
    }
    return 0;
}

static void test_nginx_serves_generated_config(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    e2e_build(dir, "site");
    int port = S_free_port();
    char *site = path_join(dir, "site");
    char *listen = xasprintf("127.0.0.1:%d", port);
    char *conf = path_join(dir, "site.conf");
    char *err = NULL;
    const char *args[] = {"server-config", "nginx", "--root", site, "--listen", listen, NULL};
    int status = e2e_run_to(dir, args, conf, &err);
    if (status != 0)
        fail_msg("suture server-config nginx failed (%d):\n%s", status, err);
    free(err);
    S_wrapper(dir);
    int ws;
    pid_t pid = S_spawn_nginx(dir, true);
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) {
        char *log = e2e_read(dir, "nginx.out");
        fail_msg("nginx -t refused the generated configuration:\n%s", log);
    }
    S_nginx_pid = S_spawn_nginx(dir, false);
    S_requests(dir, port);
    S_stop_nginx(NULL);
    free(conf);
    free(listen);
    free(site);
    remove_tree(dir);
    free(dir);
}

static void test_default_root_and_usage(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *out = path_join(dir, "out.conf");
    char *err = NULL;
    const char *plain[] = {"server-config", "nginx", "--no-brotli", NULL};
    assert_int_equal(e2e_run_to(dir, plain, out, &err), 0);
    free(err);
    char *text = e2e_read(dir, "out.conf");
    char *real = realpath(dir, NULL);
    char *alias = xasprintf("        alias \"%s/site/\";", real);
    assert_true(e2e_has_line(text, alias));
    assert_null(strstr(text, "brotli_static"));
    free(alias);
    free(real);
    free(text);
    const char *apache[] = {"server-config", "apache", NULL};
    assert_int_equal(e2e_run(dir, apache, &err), 2);
    assert_non_null(strstr(err, "unknown server kind 'apache'"));
    assert_non_null(strstr(err, "one of: nginx"));
    free(err);
    const char *relative[] = {"server-config", "nginx", "--root", "site", NULL};
    assert_int_equal(e2e_run(dir, relative, &err), 2);
    assert_non_null(strstr(err, "--root needs an absolute path"));
    free(err);
    const char *dollar[] = {"server-config", "nginx", "--root", "/srv/$site", NULL};
    assert_int_equal(e2e_run(dir, dollar, &err), 2);
    assert_non_null(strstr(err, "variable"));
    free(err);
    const char *nowhere[] = {"server-config", "nginx", "--content", "no-such-folder", NULL};
    assert_int_equal(e2e_run(dir, nowhere, &err), 2);
    assert_non_null(strstr(err, "'no-such-folder' does not exist"));
    free(err);
    free(out);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers_file_published),
        cmocka_unit_test(test_headers_file_incremental),
        cmocka_unit_test_teardown(test_nginx_serves_generated_config, S_stop_nginx),
        cmocka_unit_test(test_default_root_and_usage),
    };
    int rc = cmocka_run_group_tests_name("server_config", tests, NULL, NULL);
    free(S_root);
    return rc;
}
