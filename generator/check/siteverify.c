/* siteverify.c: checks on a folder of built HTML (see siteverify.h): the walk over the
 * folder, and the small helpers the files of the verifier share (siteverify_private.h). */
#define _GNU_SOURCE
#include "check/siteverify.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/siteverify_private.h"

/* ---- small helpers ---- */

bool sv_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s with runs of white space turned into one space and the ends trimmed; caller frees. */
char *sv_squeeze(const char *s)
{
    strbuf b = STRBUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (sv_is_space(*s)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            strbuf_putc(&b, ' ');
        space = false;
        strbuf_putc(&b, *s);
    }
    return strbuf_detach(&b);
}

unsigned sv_line(const xmlNode *node)
{
    long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? (unsigned)line : 1;
}

/* The value of attribute name of el, or NULL; caller frees with free. */
char *sv_prop(const xmlNode *el, const char *name)
{
    xmlChar *v = xmlGetProp(el, BAD_CAST name);
    if (!v)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

void sv_report(sv_page *p, unsigned line, unsigned column, const char *rule, const char *ref,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add_ref(p->site->diags, DIAG_ERROR, p->file, line, column, rule, ref, "%s", msg);
    free(msg);
}

int sv_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool sv_sorted_contains(const strlist *l, const char *s)
{
    return l->len && bsearch(&s, l->items, l->len, sizeof *l->items, sv_cmp_str) != NULL;
}

xmlXPathObjectPtr sv_eval(xmlXPathContextPtr ctx, const char *expr)
{
    return xmlXPathEvalExpression(BAD_CAST expr, ctx);
}

int sv_count(xmlXPathObjectPtr res)
{
    return res && res->nodesetval ? res->nodesetval->nodeNr : 0;
}

/* The first node expr finds in the page, or NULL. */
xmlNodePtr sv_first(sv_page *p, const char *expr)
{
    xmlXPathObjectPtr res = sv_eval(p->xpath, expr);
    xmlNodePtr n = sv_count(res) ? res->nodesetval->nodeTab[0] : NULL;
    xmlXPathFreeObject(res);
    return n;
}
/* Whether s[i] starts a UTF-8 character (is not a continuation byte). */
bool sv_char_start(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* ---- the folder ---- */

/* A finding about the entry at path itself (not its contents): category site-file. */
static void S_file_finding(sv_site *s, diag_severity severity, const char *path,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void S_file_finding(sv_site *s, diag_severity severity, const char *path,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add_ref(s->diags, severity, path, 0, 0, R_FILE, REF_OUTPUT, "%s", msg);
    free(msg);
}

/* What an entry that is neither a file, a folder nor a link is, in words: "a named pipe". */
static const char *S_special_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return "something other than a file or a folder";
}

/* Where the link at path leads, for a message: the resolved path, else the link's own text
 * (caller frees). */
static char *S_link_target(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    char buf[4096];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    return n >= 0 ? xstrndup(buf, (size_t)n) : xstrdup("?");
}

/* Whether a file of this name is checked: a page, a style sheet or an SVG drawing (any case:
 * a web server serves x.SVG as an SVG document too). */
static bool S_checked_file(const char *name)
{
    size_t n = strlen(name);
    return str_ends_with(name, ".html") || str_ends_with(name, ".css") ||
           (n >= 4 && strcasecmp(name + n - 4, ".svg") == 0);
}

/*
 * The symbolic link at full (rel below opt->dir, its last component name): a link to a file
 * inside the folder is checked as that file (rel, which this takes over, is added to out when
 * it is *.html or *.css, and freed otherwise); every other link is reported, and nothing
 * behind it is opened. Links out of the folder are
 * refused as `suture build` refuses them in content/ (build/output.c, build_copy_dir).
 */
static void S_walk_link(sv_site *s, const char *full, char *rel, const char *name, strlist *out)
{
    struct stat st;
    if (stat(full, &st) < 0) {
        int e = errno;
        char *target = S_link_target(full);
        if (e == ELOOP)
            S_file_finding(s, DIAG_ERROR, full,
                           "this symbolic link leads round in a loop (through %s back to "
                           "itself), so no web server can serve it: remove it, or point it at "
                           "a file inside %s",
                           target, s->opt->dir);
        else if (e == ENOENT || e == ENOTDIR)
            S_file_finding(s, DIAG_ERROR, full,
                           "this symbolic link leads to nothing (%s does not exist): remove "
                           "it, or put the file it should show in its place",
                           target);
        else
            diag_error(s->diags, full, 0, 0, NULL, "cannot read this file: %s", strerror(e));
        free(target);
        free(rel);
        return;
    }
    if (path_link_outside(full, s->opt->dir)) {
        char *target = S_link_target(full);
        S_file_finding(s, DIAG_ERROR, full,
                       "this is a symbolic link to %s, outside the site folder %s; a web "
                       "server that follows it would publish %s of this machine: put a copy of "
                       "what the site should show here instead, or remove the link",
                       target, s->opt->dir, S_ISDIR(st.st_mode) ? "that folder" : "that file");
        free(target);
        free(rel);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        char *target = S_link_target(full);
        S_file_finding(s, DIAG_WARNING, full,
                       "this is a symbolic link to the folder %s; suture check does not follow "
                       "links to folders (the pages there are checked where they are), and "
                       "many web servers refuse to: link to that folder's own address, or "
                       "put a copy of it here",
                       target);
        free(target);
        free(rel);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        char *target = S_link_target(full);
        S_file_finding(s, DIAG_ERROR, full,
                       "this symbolic link leads to %s, which is %s, not a file; suture check "
                       "does not open it and no web server can serve it: remove the link",
                       target, S_special_kind(st.st_mode));
        free(target);
        free(rel);
        return;
    }
    if (S_checked_file(name))
        strlist_push_owned(out, rel);
    else
        free(rel);
}

/*
 * Add the *.html and *.css files under opt->dir/sub (sub "" at the top) to out, as paths
 * below opt->dir, and report what cannot be published as it is: links (S_walk_link), named
 * pipes, sockets and devices (never opened: reading a pipe would wait for ever). Returns -1
 * with errno when that folder cannot be listed.
 */
static int S_walk(sv_site *s, const char *sub, strlist *out)
{
    char *path = *sub ? path_join(s->opt->dir, sub) : xstrdup(s->opt->dir);
    strlist names = STRLIST_INIT;
    if (dir_list(path, NULL, &names) < 0) {
        int e = errno;
        free(path);
        errno = e;
        return -1;
    }
    for (size_t i = 0; i < names.len; i++) {
        const char *name = names.items[i];
        char *rel = *sub ? xasprintf("%s/%s", sub, name) : xstrdup(name);
        char *full = path_join(path, name);
        struct stat st;
        if (lstat(full, &st) < 0) {
            diag_error(s->diags, full, 0, 0, NULL, "cannot read this file: %s",
                       strerror(errno));
            free(rel);
        } else if (S_ISLNK(st.st_mode)) {
            S_walk_link(s, full, rel, name, out);
        } else if (S_ISDIR(st.st_mode)) {
            if (S_walk(s, rel, out) < 0)
                diag_error(s->diags, full, 0, 0, NULL, "cannot read this folder: %s",
                           strerror(errno));
            free(rel);
        } else if (!S_ISREG(st.st_mode)) {
            S_file_finding(s, DIAG_ERROR, full,
                           "this is %s, not a file; suture check does not open it, and no web "
                           "server can serve it: remove it from the site folder",
                           S_special_kind(st.st_mode));
            free(rel);
        } else if (S_checked_file(name)) {
            strlist_push_owned(out, rel);
        } else {
            free(rel);
        }
        free(full);
    }
    strlist_free(&names);
    free(path);
    return 0;
}

/*
 * base_url's host and path into s (see siteverify_options). base_url is an RFC 3986 URI
 * (site.yaml's base_url, which config.c checks with xmlParseURI), so libxml2 splits it;
 * xmlParseURIRaw keeps the path's %-escapes as written, since root-relative addresses on
 * the pages are compared with it as written. The host keeps any user information and port,
 * as the authority was written: an address names the same host only when it writes the
 * same. Any other value (a path, or what libxml2 cannot parse) is the base path.
 */
static void S_read_base(sv_site *s, const char *base_url)
{
    const char *path = base_url ? base_url : "/";
    xmlURIPtr uri = base_url ? xmlParseURIRaw(base_url, 1) : NULL;
    if (uri && uri->scheme && uri->server) {
        strbuf host = STRBUF_INIT;
        if (uri->user)
            strbuf_printf(&host, "%s@", uri->user);
        strbuf_puts(&host, uri->server);
        if (uri->port)
            strbuf_printf(&host, ":%d", uri->port);
        s->host = strbuf_detach(&host);
        path = uri->path ? uri->path : "/";
    }
    strbuf b = STRBUF_INIT;
    if (path[0] != '/')
        strbuf_putc(&b, '/');
    strbuf_append(&b, path, strcspn(path, "?#"));
    if (b.data[b.len - 1] != '/')
        strbuf_putc(&b, '/');
    s->base_path = strbuf_detach(&b);
    xmlFreeURI(uri);
}

int siteverify_run(const siteverify_options *opt, diag_list *diags, size_t *files)
{
    if (files)
        *files = 0;
    if (!opt || !opt->dir) {
        errno = EINVAL;
        return -1;
    }
    xmlInitParser();
    sv_site s = {.opt = opt, .diags = diags};
    /* A first listing tells whether the folder can be read before anything is reported. */
    strlist top = STRLIST_INIT;
    if (dir_list(opt->dir, NULL, &top) < 0)
        return -1;
    strlist_free(&top);
    S_read_base(&s, opt->base_url);

    strlist all = STRLIST_INIT;
    S_walk(&s, "", &all);
    if (all.len)
        qsort(all.items, all.len, sizeof *all.items, sv_cmp_str);
    for (size_t i = 0; i < all.len; i++)
        if (str_ends_with(all.items[i], ".html"))
            strlist_push(&s.html, all.items[i]);
    s.ids = xcalloc(s.html.len ? s.html.len : 1, sizeof *s.ids);

    size_t page = 0;
    for (size_t i = 0; i < all.len; i++) {
        if (str_ends_with(all.items[i], ".html"))
            sv_check_page(&s, page++);
        else if (str_ends_with(all.items[i], ".css"))
            sv_check_css_file(&s, all.items[i]);
        else
            sv_check_svg_file(&s, all.items[i]);
    }
    if (files)
        *files = s.html.len;

    for (size_t i = 0; i < s.html.len; i++) {
        strlist_free(&s.ids[i].ids);
        sv_alternates_free(&s.ids[i]);
    }
    free(s.ids);
    strlist_free(&s.html);
    strlist_free(&all);
    free(s.host);
    free(s.base_path);
    return 0;
}

