/* siteverify_links.c: the addresses of a built page and of its style sheets, classified
 * (siteverify.h, "Addresses") and checked: files that exist, fragments that name an
 * element, nothing loaded from another host. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/suggest.h"
#include "check/siteverify_private.h"

/* ---- addresses ---- */

typedef enum {
    S_URL_SKIP, /* nothing to check: mailto:, data:, the same host outside the base path... */
    S_URL_EXTERNAL, /* on another host */
    S_URL_INTERNAL, /* a file of the site: path */
    S_URL_OUTSIDE,  /* root-relative, but not under the base path */
    S_URL_ABOVE,    /* climbs above the top folder with '../' */
} S_url_kind;

typedef struct {
    S_url_kind kind;
    bool same_page; /* only a query or fragment: this page */
    char *path;     /* S_URL_INTERNAL and not same_page: decoded, below the top, "" for the top */
    char *fragment; /* decoded; NULL without '#' */
} S_url;

static void S_url_free(S_url *u)
{
    free(u->path);
    free(u->fragment);
}

/*
 * The length of url's scheme (before ':'), or 0 without one: RFC 3986 scheme syntax, on the
 * address as written. Addresses on a page are not parsed with xmlParseURI: browsers load
 * addresses RFC 3986 rejects (spaces, '|', raw non-ASCII), and those must still be checked.
 */
static size_t S_scheme_len(const char *url)
{
    const char *p = url;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':' ? (size_t)(p - url) : 0;
}

static int S_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* s with %XX escapes decoded (a %00 is kept as written); caller frees. */
static char *S_decode(const char *s)
{
    strbuf b = STRBUF_INIT;
    for (; *s; s++) {
        int hi, lo;
        if (*s == '%' && (hi = S_hex(s[1])) >= 0 && (lo = S_hex(s[2])) >= 0 && (hi || lo)) {
            strbuf_putc(&b, (char)(hi * 16 + lo));
            s += 2;
        } else {
            strbuf_putc(&b, *s);
        }
    }
    return strbuf_detach(&b);
}

/*
 * path with '.', '..' and empty segments resolved; NULL when '..' climbs above the top. A
 * result naming a folder (path ending in '/', '.' or '..') ends in '/'. Caller frees.
 */
static char *S_resolve_dots(const char *path)
{
    strlist segs = STRLIST_INIT;
    bool folder = false;
    const char *p = path;
    while (*p) {
        size_t n = strcspn(p, "/");
        folder = p[n] == '/';
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (!segs.len) {
                strlist_free(&segs);
                return NULL;
            }
            free(segs.items[--segs.len]);
            folder = true;
        } else if (n == 1 && p[0] == '.') {
            folder = true;
        } else if (n > 0) {
            strlist_push_owned(&segs, xstrndup(p, n));
        }
        p += n;
        if (*p == '/')
            p++;
    }
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < segs.len; i++) {
        if (i)
            strbuf_putc(&b, '/');
        strbuf_puts(&b, segs.items[i]);
    }
    if (folder && segs.len)
        strbuf_putc(&b, '/');
    strlist_free(&segs);
    return strbuf_detach(&b);
}

/*
 * For "//authority/path" (auth points after the "//"): the path when the authority is
 * base_url's host and web is true (http or https), else NULL with u->kind set.
 */
static const char *S_same_host_path(const sv_site *s, const char *auth, bool web, S_url *u)
{
    size_t n = strcspn(auth, "/");
    const char *at = memchr(auth, '@', n);
    const char *host = at ? at + 1 : auth;
    size_t hn = n - (size_t)(host - auth);
    if (!web || !s->host || strlen(s->host) != hn || strncasecmp(host, s->host, hn) != 0) {
        u->kind = S_URL_EXTERNAL;
        return NULL;
    }
    return auth[n] ? auth + n : "/";
}

/*
 * Classify the address raw, written on a page whose folder below the top is dir (see
 * siteverify.h, "Addresses"). The caller releases u with S_url_free.
 */
static void S_url_classify(const sv_site *s, const char *dir, const char *raw, S_url *u)
{
    memset(u, 0, sizeof *u);
    while (sv_is_space(*raw))
        raw++;
    char *url = xstrdup(raw);
    size_t len = strlen(url);
    while (len && sv_is_space(url[len - 1]))
        url[--len] = '\0';
    char *hash = strchr(url, '#');
    if (hash) {
        *hash = '\0';
        u->fragment = S_decode(hash + 1);
    }
    url[strcspn(url, "?")] = '\0';

    const char *rooted = NULL; /* a path from the host's root */
    bool absolute = false;
    size_t scheme = S_scheme_len(url);
    if (scheme) {
        if (strncmp(url + scheme + 1, "//", 2) != 0) {
            u->kind = S_URL_SKIP; /* mailto:, tel:, data:, javascript:... */
            free(url);
            return;
        }
        bool web = (scheme == 4 && strncasecmp(url, "http", 4) == 0) ||
                   (scheme == 5 && strncasecmp(url, "https", 5) == 0);
        rooted = S_same_host_path(s, url + scheme + 3, web, u);
        absolute = true;
    } else if (url[0] == '/' && url[1] == '/') {
        rooted = S_same_host_path(s, url + 2, true, u);
        absolute = true;
    } else if (url[0] == '/') {
        rooted = url;
    } else if (!url[0]) {
        u->kind = S_URL_INTERNAL;
        u->same_page = true;
        free(url);
        return;
    }
    if (absolute && !rooted) {
        free(url);
        return; /* another host: u->kind is set */
    }

    char *joined;
    if (rooted) {
        size_t bl = strlen(s->base_path);
        if (strncmp(rooted, s->base_path, bl) == 0) {
            joined = xstrdup(rooted + bl);
        } else if (strlen(rooted) == bl - 1 && strncmp(rooted, s->base_path, bl - 1) == 0) {
            joined = xstrdup("");
        } else {
            u->kind = absolute ? S_URL_SKIP : S_URL_OUTSIDE;
            free(url);
            return;
        }
    } else {
        joined = xasprintf("%s%s", dir, url);
    }
    char *decoded = S_decode(joined);
    u->path = S_resolve_dots(decoded);
    u->kind = u->path ? S_URL_INTERNAL : S_URL_ABOVE;
    free(decoded);
    free(joined);
    free(url);
}

/*
 * The file an internal path names, below the top: a folder (path ending in '/', or an
 * existing folder) means its index.html. Returns whether it exists; *rel is set either way
 * (caller frees).
 */
static bool S_target_file(const sv_site *s, const char *path, char **rel)
{
    if (!*path || str_ends_with(path, "/")) {
        *rel = xasprintf("%sindex.html", path);
    } else {
        char *full = path_join(s->opt->dir, path);
        bool folder = path_is_dir(full);
        free(full);
        *rel = folder ? xasprintf("%s/index.html", path) : xstrdup(path);
    }
    char *full = path_join(s->opt->dir, *rel);
    bool ok = path_is_file(full);
    free(full);
    return ok;
}

static void S_check_fragment(sv_page *p, unsigned line, const char *address, const char *fragment,
                             const sv_idset *ids, const char *target_file)
{
    if (!ids || !*fragment || strcasecmp(fragment, "top") == 0 ||
        sv_sorted_contains(&ids->ids, fragment))
        return;
    const char *near = suggest_closest_n(fragment, (const char *const *)ids->ids.items,
                                         ids->ids.len);
    const char *where = target_file ? target_file : "this page";
    if (near)
        sv_report(p, line, 1, R_ANCHOR, REF_ANCHOR,
                  "the link '%s' leads to no element of %s: nothing has id=\"%s\"; did you mean "
                  "'#%s'?",
                  address, where, fragment, near);
    else
        sv_report(p, line, 1, R_ANCHOR, REF_ANCHOR,
                  "the link '%s' leads to no element of %s: nothing has id=\"%s\"; correct the "
                  "link, or add the id to the element it should lead to",
                  address, where, fragment);
}

/* Check one address of el, standing for what (see sv_what). */
void sv_check_address(sv_page *p, const xmlNode *el, const char *address,
                            const sv_what *what)
{
    sv_site *s = p->site;
    unsigned line = sv_line(el);
    if (sv_script_scheme(address))
        return; /* site-script's finding (siteverify_policy.c) */
    S_url u;
    S_url_classify(s, p->dir, address, &u);
    switch (u.kind) {
    case S_URL_SKIP:
        break;
    case S_URL_EXTERNAL:
        if (what->loads)
            sv_report(p, line, 1, R_EXTERNAL, REF_EXTERNAL, "the %s '%s' is on another host; %s",
                      what->noun, address, what->fix);
        break;
    case S_URL_OUTSIDE:
        sv_report(p, line, 1, what->missing_rule, what->missing_ref,
                  "the %s '%s' is outside the site's base path '%s'; start the address with "
                  "'%s', or make it relative",
                  what->noun, address, s->base_path, s->base_path);
        break;
    case S_URL_ABOVE:
        sv_report(p, line, 1, what->missing_rule, what->missing_ref,
                  "the %s '%s' goes above the site's top folder; remove the extra '../'",
                  what->noun, address);
        break;
    case S_URL_INTERNAL:
        if (u.same_page) {
            if (what->anchors && u.fragment)
                S_check_fragment(p, line, address, u.fragment, &s->ids[p->index], NULL);
            break;
        }
        char *rel = NULL;
        char *full = NULL;
        if (!S_target_file(s, u.path, &rel)) {
            full = path_join(s->opt->dir, rel);
            sv_report(p, line, 1, what->missing_rule, what->missing_ref,
                      "the %s '%s' leads to no file: there is no %s; correct the address or "
                      "add the file",
                      what->noun, address, full);
        } else if (what->anchors && u.fragment && str_ends_with(rel, ".html")) {
            full = path_join(s->opt->dir, rel);
            const sv_idset *ids = sv_ids_of(s, rel);
            S_check_fragment(p, line, address, u.fragment, ids,
                             strcmp(rel, p->rel) == 0 ? NULL : full);
        }
        free(full);
        free(rel);
        break;
    }
    S_url_free(&u);
}

char *sv_page_of(const sv_site *s, const char *rel, const char *dir, const char *address,
                 bool *elsewhere)
{
    if (elsewhere)
        *elsewhere = false;
    S_url u;
    S_url_classify(s, dir, address, &u);
    char *target = NULL;
    if (u.kind == S_URL_INTERNAL && u.same_page) {
        target = xstrdup(rel);
    } else if (u.kind == S_URL_INTERNAL && !S_target_file(s, u.path, &target)) {
        free(target);
        target = NULL;
    } else if (u.kind != S_URL_INTERNAL && elsewhere) {
        *elsewhere = true;
    }
    S_url_free(&u);
    return target;
}

/* Check the address in attribute attr of el, when it has one. */
void sv_check_attr(sv_page *p, const xmlNode *el, const char *attr, const sv_what *what)
{
    char *v = sv_prop(el, attr);
    if (v)
        sv_check_address(p, el, v, what);
    free(v);
}

/* Each address of a srcset ("a.jpg 1x, b.jpg 2x", HTML "srcset attributes"). */
void sv_check_srcset(sv_page *p, const xmlNode *el, const sv_what *what)
{
    char *srcset = sv_prop(el, "srcset");
    if (!srcset)
        return;
    const char *c = srcset;
    for (;;) {
        while (sv_is_space(*c) || *c == ',')
            c++;
        if (!*c)
            break;
        const char *start = c;
        while (*c && !sv_is_space(*c))
            c++;
        size_t n = (size_t)(c - start);
        bool comma = false;
        while (n && start[n - 1] == ',') {
            n--;
            comma = true;
        }
        char *address = xstrndup(start, n);
        sv_check_address(p, el, address, what);
        free(address);
        if (!comma) /* skip the descriptors */
            c += strcspn(c, ",");
    }
    free(srcset);
}

/* ---- CSS ---- */

typedef void (*S_css_hit)(void *data, const char *address, size_t offset, bool import);

static bool S_ident_char(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           u == '-' || u == '_' || u == '\\' || u >= 0x80;
}

static bool S_ci_at(const char *css, size_t len, size_t i, const char *word)
{
    size_t n = strlen(word);
    return i + n <= len && strncasecmp(css + i, word, n) == 0;
}

/* Skip the string whose quote is at css[i]; [*from, *to) is its content. */
static size_t S_css_string(const char *css, size_t len, size_t i, size_t *from, size_t *to)
{
    char quote = css[i++];
    *from = i;
    while (i < len && css[i] != quote && css[i] != '\n') {
        if (css[i] == '\\' && i + 1 < len)
            i++;
        i++;
    }
    *to = i < len ? i : len;
    return i < len && css[i] == quote ? i + 1 : i;
}

static size_t S_css_space(const char *css, size_t len, size_t i)
{
    for (;;) {
        while (i < len && sv_is_space(css[i]))
            i++;
        if (i + 1 < len && css[i] == '/' && css[i + 1] == '*') {
            const char *end = NULL;
            for (size_t k = i + 2; k + 1 < len; k++)
                if (css[k] == '*' && css[k + 1] == '/') {
                    end = css + k + 2;
                    break;
                }
            i = end ? (size_t)(end - css) : len;
            continue;
        }
        return i;
    }
}

/* The url( whose '(' ends just before css[i]: [*from, *to) is the address; returns the index
 * after the ')'. */
static size_t S_css_url(const char *css, size_t len, size_t i, size_t *from, size_t *to)
{
    i = S_css_space(css, len, i);
    if (i < len && (css[i] == '"' || css[i] == '\'')) {
        i = S_css_string(css, len, i, from, to);
    } else {
        *from = i;
        while (i < len && css[i] != ')' && !sv_is_space(css[i])) {
            if (css[i] == '\\' && i + 1 < len)
                i++;
            i++;
        }
        *to = i < len ? i : len;
    }
    while (i < len && css[i] != ')')
        i++;
    return i < len ? i + 1 : len;
}

static void S_css_report(const char *css, size_t from, size_t to, size_t offset, bool import,
                         S_css_hit hit, void *data)
{
    char *address = xstrndup(css + from, to - from);
    hit(data, address, offset, import);
    free(address);
}

/*
 * Every url() and @import address in the style sheet text css (comments and strings
 * skipped), with the offset of its url( or @import. A small scanner, not a CSS parser: it
 * only needs to see where addresses are.
 */
static void S_css_scan(const char *css, size_t len, S_css_hit hit, void *data)
{
    size_t i = 0;
    while (i < len) {
        char c = css[i];
        size_t from, to;
        if (c == '/' && i + 1 < len && css[i + 1] == '*') {
            i = S_css_space(css, len, i);
        } else if (c == '"' || c == '\'') {
            i = S_css_string(css, len, i, &from, &to);
        } else if (c == '\\') {
            i += 2;
        } else if ((i == 0 || !S_ident_char(css[i - 1])) && S_ci_at(css, len, i, "url(")) {
            size_t next = S_css_url(css, len, i + 4, &from, &to);
            S_css_report(css, from, to, i, false, hit, data);
            i = next;
        } else if (c == '@' && S_ci_at(css, len, i + 1, "import") &&
                   (i + 7 >= len || !S_ident_char(css[i + 7]))) {
            size_t j = S_css_space(css, len, i + 7);
            if (j < len && (css[j] == '"' || css[j] == '\'')) {
                size_t next = S_css_string(css, len, j, &from, &to);
                S_css_report(css, from, to, i, true, hit, data);
                i = next;
            } else if (S_ci_at(css, len, j, "url(")) {
                size_t next = S_css_url(css, len, j + 4, &from, &to);
                S_css_report(css, from, to, i, true, hit, data);
                i = next;
            } else {
                i = j;
            }
        } else {
            i++;
        }
    }
}

/* Where CSS text sits: in a page (from line, column 1 on each line) or a .css file. */
typedef struct {
    sv_page *page;
    const char *css;
    unsigned line;
    bool in_file; /* give real columns */
} S_css_ctx;

static void S_css_found(void *data, const char *address, size_t offset, bool import)
{
    S_css_ctx *c = data;
    S_url u;
    S_url_classify(c->page->site, "", address, &u);
    if (u.kind == S_URL_EXTERNAL) {
        unsigned line = c->line, column = 1;
        size_t line_start = 0;
        for (size_t k = 0; k < offset; k++)
            if (c->css[k] == '\n') {
                line++;
                line_start = k + 1;
            }
        if (c->in_file)
            column = (unsigned)(offset - line_start) + 1;
        if (import)
            sv_report(c->page, line, column, R_EXTERNAL, REF_EXTERNAL,
                      "@import '%s' is on another host; copy the style sheet into the site and "
                      "use a local address",
                      address);
        else
            sv_report(c->page, line, column, R_EXTERNAL, REF_EXTERNAL,
                      "url(%s) is on another host; " FIX_COPY, address);
    }
    S_url_free(&u);
}

void sv_check_css(sv_page *p, const char *css, unsigned line, bool in_file)
{
    S_css_ctx c = {p, css, line, in_file};
    S_css_scan(css, strlen(css), S_css_found, &c);
}

