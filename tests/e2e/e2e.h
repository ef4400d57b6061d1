/*
 * e2e.h: helpers for end-to-end tests. They run the real build/suture (path in $SUTURE,
 * optionally under $SUTURE_WRAPPER, e.g. valgrind) on fixture sites copied into a
 * temporary folder, and inspect the HTML it writes with libxml2's HTML parser and XPath.
 */
#ifndef SUTURE_E2E_H
#define SUTURE_E2E_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "render/assetnames.h"

extern char **environ;

/* The suture binary under test. */
static inline const char *e2e_suture(void)
{
    const char *s = getenv("SUTURE");
    return s && *s ? s : "build/suture";
}

/* What e2e_command allocated for the argv it filled. */
typedef struct {
    char *wrapper;
    char *binary;
} e2e_held;

/*
 * The command line that runs suture with args (NULL-terminated): the words of
 * $SUTURE_WRAPPER (valgrind and its options) if set, the binary's absolute path, then args.
 * Fills argv (cap entries, NULL-terminated); free what it holds with e2e_held_free after the
 * command has started.
 */
static inline void e2e_command(const char *const *args, const char **argv, size_t cap,
                               e2e_held *held)
{
    size_t n = 0;
    held->wrapper = getenv("SUTURE_WRAPPER") ? xstrdup(getenv("SUTURE_WRAPPER")) : NULL;
    if (held->wrapper) {
        char *save = NULL;
        for (char *w = strtok_r(held->wrapper, " ", &save); w && n + 2 < cap / 2;
             w = strtok_r(NULL, " ", &save))
            argv[n++] = w;
    }
    held->binary = realpath(e2e_suture(), NULL);
    argv[n++] = held->binary ? held->binary : e2e_suture();
    for (size_t i = 0; args[i] && n + 1 < cap; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
}

static inline void e2e_held_free(e2e_held *held)
{
    free(held->wrapper);
    free(held->binary);
}

/*
 * Run suture with args (NULL-terminated, not including the program) in dir, its standard
 * output written to the file out_path (NULL: discarded). Returns the exit status (-1 if it
 * did not exit normally) and stores stderr (malloc'd) in *err.
 */
static inline int e2e_run_to(const char *dir, const char *const *args, const char *out_path,
                             char **err)
{
    char errpath[] = "/tmp/suture-e2e-stderr-XXXXXX";
    int fd = mkstemp(errpath);
    if (fd < 0)
        return -1;
    const char *argv[64];
    e2e_held held;
    e2e_command(args, argv, 64, &held);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd, 2);
    posix_spawn_file_actions_addopen(&fa, 1, out_path ? out_path : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char *cwd = getcwd(NULL, 0);
    int status = -1;
    pid_t pid;
    if (chdir(dir) == 0) {
        if (posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, environ) == 0) {
            int ws;
            if (waitpid(pid, &ws, 0) == pid && WIFEXITED(ws))
                status = WEXITSTATUS(ws);
        }
        if (chdir(cwd) != 0)
            status = -1;
    }
    free(cwd);
    posix_spawn_file_actions_destroy(&fa);
    close(fd);
    e2e_held_free(&held);
    size_t len;
    char *text = file_read(errpath, &len);
    unlink(errpath);
    *err = text ? text : xstrdup("");
    return status;
}

/* e2e_run_to with standard output discarded. */
static inline int e2e_run(const char *dir, const char *const *args, char **err)
{
    return e2e_run_to(dir, args, NULL, err);
}

/*
 * Build the site of dir into out (relative to dir) with --quiet. A failed build prints its
 * messages and aborts the test program: what follows would test nothing.
 */
static inline void e2e_build(const char *dir, const char *out)
{
    char *err = NULL;
    const char *build[] = {"build", "--quiet", "--out", out, NULL};
    int status = e2e_run(dir, build, &err);
    if (status != 0) {
        fprintf(stderr, "the build failed (%d):\n%s", status, err);
        abort();
    }
    free(err);
}

/* The exit status of suture check --site site in dir (0: the folder passes); the findings
 * are printed when it does not. */
static inline int e2e_check_site(const char *dir, const char *site)
{
    char *err = NULL;
    const char *check[] = {"check", "--site", site, NULL};
    int status = e2e_run(dir, check, &err);
    if (status != 0)
        fprintf(stderr, "suture check --site %s failed (%d):\n%s", site, status, err);
    free(err);
    return status;
}

/* The bytes of dir/rel (malloc'd); aborts the test program when it cannot be read. */
static inline char *e2e_read(const char *dir, const char *rel)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        abort();
    }
    free(path);
    return text;
}

/* Replace the first find with repl in the file rel under dir, as an editor would. */
static inline bool e2e_edit(const char *dir, const char *rel, const char *find, const char *repl)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    char *at = text ? strstr(text, find) : NULL;
    bool ok = false;
    if (at) {
        char *changed = xasprintf("%.*s%s%s", (int)(at - text), text, repl, at + strlen(find));
        ok = file_write(path, changed, strlen(changed)) == 0;
        free(changed);
    }
    free(text);
    free(path);
    return ok;
}

/*
 * Where the first needle after the first after (NULL: the start) is written in the file rel
 * under dir: its line and column (from 1; the column in bytes). Returns false when the file
 * cannot be read or does not hold them.
 */
static inline bool e2e_where(const char *dir, const char *rel, const char *after,
                             const char *needle, unsigned *line, unsigned *column)
{
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    const char *from = text && after ? strstr(text, after) : text;
    const char *at = from ? strstr(from, needle) : NULL;
    *line = 1;
    *column = 1;
    for (const char *p = text; at && p < at; p++) {
        if (*p == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
    free(text);
    return at != NULL;
}

/* Write text to the file rel under dir, making its folders; false when it cannot. */
static inline bool e2e_put(const char *dir, const char *rel, const char *text)
{
    char *path = path_join(dir, rel);
    char *folder = xstrndup(path, (size_t)(path_basename(path) - path));
    bool ok = mkdir_p(folder) == 0 && file_write(path, text, strlen(text)) == 0;
    free(folder);
    free(path);
    return ok;
}

/* A new temporary folder; the caller removes it with remove_tree and frees the path. */
static inline char *e2e_tmpdir(void)
{
    char *dir = xstrdup("/tmp/suture-e2e-XXXXXX");
    if (!mkdtemp(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}

/*
 * A new temporary folder holding a copy of tests/fixtures/<fixture>/content and of the
 * project's templates, as content/ and templates/ (root: the repository). NULL when the
 * copy fails; the caller removes it with remove_tree and frees the path.
 */
static inline char *e2e_fixture_site(const char *root, const char *fixture)
{
    char *dir = e2e_tmpdir();
    if (!dir)
        return NULL;
    char *from = xasprintf("%s/tests/fixtures/%s/content", root, fixture);
    char *content = path_join(dir, "content");
    char *tpl = xasprintf("%s/templates", root);
    char *templates = path_join(dir, "templates");
    bool ok = copy_tree(from, content, NULL, NULL) == 0 && copy_tree(tpl, templates, NULL, NULL) == 0;
    free(from);
    free(content);
    free(tpl);
    free(templates);
    if (!ok) {
        remove_tree(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

/*
 * A new temporary folder holding content/site.yaml for a site in Korean (the default) and
 * English, with one topic (thread-lift), and an empty content/articles. NULL when it cannot
 * be written; the caller removes it with remove_tree and frees the path.
 */
static inline char *e2e_bilingual_project(void)
{
    static const char site[] =
        "base_url: \"https://example.org/\"\n"
        "languages:\n"
        "  - {code: ko, title: \"안내\", disclaimer: \"일반 정보\", notices: {before_after: \"동의\"}}\n"
        "  - {code: en, title: \"Guide\", disclaimer: \"General\", notices: {before_after: \"OK\"}}\n"
        "review_max_age_days: 365\n"
        "translation_max_lag_days: 90\n"
        "topics:\n"
        "  - {id: thread-lift, title: {ko: 실리프팅, en: Thread lifts}, "
        "description: {ko: 실, en: Threads}}\n";
    char *dir = e2e_tmpdir();
    if (!dir)
        return NULL;
    char *articles = path_join(dir, "content/articles");
    char *path = path_join(dir, "content/site.yaml");
    bool ok = mkdir_p(articles) == 0 && file_write(path, site, strlen(site)) == 0;
    free(path);
    free(articles);
    if (!ok) {
        remove_tree(dir);
        free(dir);
        return NULL;
    }
    return dir;
}

/* Parse an HTML file; NULL if it cannot be read. */
static inline xmlDocPtr e2e_html(const char *path)
{
    return htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                           HTML_PARSE_NONET);
}

static inline xmlDocPtr e2e_xml(const char *path)
{
    return xmlReadFile(path, NULL, XML_PARSE_NONET);
}

/* The number of nodes an XPath expression selects (or its numeric value). */
static inline int e2e_count(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "atom", BAD_CAST "http://www.w3.org/2005/Atom");
    xmlXPathRegisterNs(ctx, BAD_CAST "sm", BAD_CAST "http://www.sitemaps.org/schemas/sitemap/0.9");
    xmlXPathRegisterNs(ctx, BAD_CAST "xhtml", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    int n = -1;
    if (res && res->type == XPATH_NODESET)
        n = res->nodesetval ? res->nodesetval->nodeNr : 0;
    else if (res && res->type == XPATH_NUMBER)
        n = (int)res->floatval;
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return n;
}

/* The string value of an XPath expression; the caller frees it. */
static inline char *e2e_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "atom", BAD_CAST "http://www.w3.org/2005/Atom");
    xmlXPathRegisterNs(ctx, BAD_CAST "sm", BAD_CAST "http://www.sitemaps.org/schemas/sitemap/0.9");
    xmlXPathRegisterNs(ctx, BAD_CAST "xhtml", BAD_CAST "http://www.w3.org/1999/xhtml");
    char *wrapped = xasprintf("string(%s)", expr);
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST wrapped, ctx);
    free(wrapped);
    char *s = xstrdup(res && res->stringval ? (const char *)res->stringval : "");
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return s;
}

static int e2e_snapshot_entry(const char *root, const char *rel, strbuf *out)
{
    char *path = path_join(root, rel);
    strlist names = STRLIST_INIT;
    int rc = 0;
    if (path_is_dir(path)) {
        if (dir_list(path, NULL, &names) == 0)
            for (size_t i = 0; i < names.len; i++) {
                char *child = *rel ? path_join(rel, names.items[i]) : xstrdup(names.items[i]);
                rc |= e2e_snapshot_entry(root, child, out);
                free(child);
            }
    } else {
        size_t len = 0;
        char *data = file_read(path, &len);
        strbuf_printf(out, "== %s %zu\n", rel, len);
        /* As text without NUL bytes, so that snapshots compare as strings: compressed
         * copies (.gz, .br) hold them. A backslash is doubled, a NUL written \0. */
        size_t from = 0;
        for (size_t i = 0; data && i <= len; i++) {
            if (i < len && data[i] != '\0' && data[i] != '\\')
                continue;
            strbuf_append(out, data + from, i - from);
            if (i < len)
                strbuf_puts(out, data[i] ? "\\\\" : "\\0");
            from = i + 1;
        }
        free(data);
    }
    strlist_free(&names);
    free(path);
    return rc;
}

/* Every file under dir with its contents, as one string (binary contents escaped):
 * equal snapshots, equal trees. */
static inline char *e2e_snapshot(const char *dir)
{
    strbuf b = STRBUF_INIT;
    if (path_is_dir(dir))
        e2e_snapshot_entry(dir, "", &b);
    return strbuf_detach(&b);
}

/* True when text has line as one of its lines, exactly. */
static inline int e2e_has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return 1;
    return 0;
}

/*
 * The name under which the build publishes templates/assets/<name> of the project in dir
 * (render/assetnames.h: site.css -> site.<hash>.css); malloc'd. Fails the test when the
 * file cannot be read.
 */
static inline char *e2e_asset_name(const char *dir, const char *name)
{
    char *path = xasprintf("%s/templates/assets/%s", dir, name);
    size_t len;
    char *data = file_read(path, &len);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", path);
        abort();
    }
    char *renamed = assetnames_name(name, data, len);
    free(data);
    free(path);
    return renamed;
}

#ifdef fail_msg
/* (With cmocka included first.) The published HTML file rel under dir, parsed; fails the
 * test when it is not there. The caller frees it with xmlFreeDoc. */
static inline xmlDocPtr e2e_page(const char *dir, const char *rel)
{
    char *path = path_join(dir, rel);
    xmlDocPtr doc = e2e_html(path);
    if (!doc)
        fail_msg("%s was not published", rel);
    free(path);
    return doc;
}

/* (With cmocka.) Fail the test unless expr selects want nodes of doc, the page named page. */
static inline void e2e_expect(xmlDocPtr doc, const char *page, const char *expr, int want)
{
    int got = e2e_count(doc, expr);
    if (got != want)
        fail_msg("%s: %s selects %d, expected %d", page, expr, got, want);
}

/* (With cmocka.) Remove the temporary site dir and free its path. */
static inline void e2e_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}
#endif

#endif
