/* siteverify.c: checks on a folder of built HTML (see siteverify.h). */
#define _GNU_SOURCE
#include "check/siteverify.h"

#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/utf8.h"
#include "base/util.h"

/* The rules (siteverify.h) and where each comes from. */
#define R_DISCLAIMER "site-disclaimer"
#define R_LANG "site-lang"
#define R_TITLE "site-title"
#define R_DESCRIPTION "site-description"
#define R_H1 "site-h1"
#define R_LINK "site-link"
#define R_ANCHOR "site-anchor"
#define R_IMAGE "site-image"
#define R_EXTERNAL "site-external"
#define R_HTML "site-html"
#define R_CSP "site-csp"
#define R_REFERRER "site-referrer"
#define R_SCRIPT "site-script"
#define R_FILE "site-file"

#define REF_DISCLAIMER "SPEC.md, The disclaimer"
#define REF_LANG "WCAG 2.2 SC 3.1.1"
#define REF_TITLE "WCAG 2.2 SC 2.4.2"
#define REF_OUTPUT "SPEC.md, Output"
#define REF_ANCHOR "WCAG 2.2 SC 2.4.4"
#define REF_IMAGE "WCAG 2.2 SC 1.1.1"
#define REF_EXTERNAL "SPEC.md, Output: no request to any other host"
#define REF_CSP "Content Security Policy Level 3 (W3C)"
#define REF_REFERRER "Referrer Policy (W3C)"

#define FIX_COPY "copy the file into the site and use a local address"
#define S_NOT_UTF8 "the file is not valid UTF-8 here; save it with the UTF-8 encoding"

/* HTML5 elements libxml2 2.9 does not know (listed in siteverify.h); sorted for bsearch. */
static const char *const S_html5[] = {
    "article", "aside",    "audio",  "bdi",     "canvas",   "data",     "datalist",
    "details", "dialog",   "figcaption", "figure", "footer", "header",  "hgroup",
    "main",    "mark",     "math",   "meter",   "nav",      "output",   "picture",
    "progress", "rp",      "rt",     "ruby",    "search",   "section",  "slot",
    "source",  "summary",  "svg",    "template", "time",    "track",    "video",
    "wbr",
};

/* The ids (and <a name>s) of one page, sorted; loaded when first needed. */
typedef struct {
    strlist ids;
    bool loaded;
} S_idset;

typedef struct {
    const siteverify_options *opt;
    diag_list *diags;
    char *host;      /* base_url's host (and port), or NULL */
    char *base_path; /* starts and ends with '/' */
    strlist html;    /* the HTML files' paths below opt->dir, sorted */
    S_idset *ids;    /* one per html item */
} S_site;

typedef struct {
    S_site *site;
    size_t index;     /* in site->html */
    const char *rel;  /* "articles/x/index.html" */
    char *file;       /* opt->dir joined with rel: the diagnostics' file */
    char *dir;        /* the page's folder below the top: "" or "articles/x/" */
    size_t parse_errors;
    bool halted;      /* the parser gave up part-way: the tree is incomplete */
    xmlDocPtr doc;
    xmlXPathContextPtr xpath;
} S_page;

/* What an address in an element stands for, and how its findings read. */
typedef struct {
    const char *noun;    /* "the <noun> '<address>' ..." */
    bool loads;          /* the browser fetches it with the page: another host is an error */
    bool anchors;        /* a #fragment must name an element of the target page */
    const char *missing_rule, *missing_ref; /* when the file does not exist */
    const char *fix;     /* what to do when it is on another host */
} S_what;

static const S_what W_LINK = {"link", false, true, R_LINK, REF_OUTPUT, NULL};
static const S_what W_HEAD_LINK = {"link", false, false, R_LINK, REF_OUTPUT, NULL};
static const S_what W_STYLESHEET = {"stylesheet", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_ICON = {"icon", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_PRELOAD = {"preloaded file", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_CONNECT = {"connection hint", true, false, R_LINK, REF_OUTPUT,
                                 "remove it"};
static const S_what W_MANIFEST = {"web app manifest", true, false, R_LINK, REF_OUTPUT,
                                  FIX_COPY};
static const S_what W_SCRIPT = {"script", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_FRAME = {"frame", true, false, R_LINK, REF_OUTPUT,
                               "put the page it shows into the site, or link to it instead"};
static const S_what W_OBJECT = {"embedded object", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_MEDIA = {"media file", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const S_what W_IMAGE = {"image", true, false, R_IMAGE, REF_IMAGE, FIX_COPY};
static const S_what W_IMAGE_BUTTON = {"image button", true, false, R_IMAGE, REF_IMAGE,
                                      FIX_COPY};

/* ---- small helpers ---- */

static const char *S_script_scheme(const char *address);

static bool S_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s with runs of white space turned into one space and the ends trimmed; caller frees. */
static char *S_squeeze(const char *s)
{
    strbuf b = STRBUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (S_is_space(*s)) {
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

static unsigned S_line(const xmlNode *node)
{
    long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? (unsigned)line : 1;
}

/* The value of attribute name of el, or NULL; caller frees with free. */
static char *S_prop(const xmlNode *el, const char *name)
{
    xmlChar *v = xmlGetProp(el, BAD_CAST name);
    if (!v)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static void S_report(S_page *p, unsigned line, unsigned column, const char *rule,
                     const char *ref, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void S_report(S_page *p, unsigned line, unsigned column, const char *rule,
                     const char *ref, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add_ref(p->site->diags, DIAG_ERROR, p->file, line, column, rule, ref, "%s", msg);
    free(msg);
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool S_sorted_contains(const strlist *l, const char *s)
{
    return l->len && bsearch(&s, l->items, l->len, sizeof *l->items, S_cmp_str) != NULL;
}

static xmlXPathObjectPtr S_eval(xmlXPathContextPtr ctx, const char *expr)
{
    return xmlXPathEvalExpression(BAD_CAST expr, ctx);
}

static int S_count(xmlXPathObjectPtr res)
{
    return res && res->nodesetval ? res->nodesetval->nodeNr : 0;
}

/* The first node expr finds in the page, or NULL. */
static xmlNodePtr S_first(S_page *p, const char *expr)
{
    xmlXPathObjectPtr res = S_eval(p->xpath, expr);
    xmlNodePtr n = S_count(res) ? res->nodesetval->nodeTab[0] : NULL;
    xmlXPathFreeObject(res);
    return n;
}

/* ---- parsing ---- */

/* True for an unknown tag that is HTML5 after all (see siteverify.h). */
static bool S_known_html5(const xmlError *err)
{
    const char *name = err->str1;
    if (!name)
        return false;
    if (bsearch(&name, S_html5, sizeof S_html5 / sizeof *S_html5, sizeof *S_html5, S_cmp_str))
        return true;
    if (strchr(name, '-'))
        return true;
    /* Inside <svg> or <math>: the open elements, the tag itself last. */
    const xmlParserCtxt *ctxt = err->ctxt;
    for (int i = 0; ctxt && i + 1 < ctxt->nameNr; i++) {
        const char *open = (const char *)ctxt->nameTab[i];
        if (open && (strcmp(open, "svg") == 0 || strcmp(open, "math") == 0))
            return true;
    }
    return false;
}

/* libxml2's message on one line, without the trailing newline; caller frees. */
static char *S_library_message(const xmlError *err)
{
    return S_squeeze(err->message ? err->message : "unknown error");
}

/* A structured error handler: each parser error of the page ctx becomes a site-html finding. */
static void S_on_parse_error(void *ctx, xmlErrorPtr err)
{
    S_page *p = ctx;
    if (!p || !err)
        return;
    if (err->code == XML_HTML_UNKNOWN_TAG && S_known_html5(err))
        return;
    unsigned line = err->line > 0 ? (unsigned)err->line : 1;
    unsigned column = err->int2 > 0 ? (unsigned)err->int2 : 1;
    const char *name = err->str1 ? err->str1 : "";
    char *said = S_library_message(err);
    p->parse_errors++;
    if (strstr(said, "Excessive depth")) {
        /* libxml2 gives up here (xmlParserMaxDepth) and suggests an option of its own. */
        p->halted = true;
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "the page nests elements more than %u levels deep here, more than any "
                 "reader can follow: take out levels (close the elements left open); the "
                 "rest of this page is not checked until then",
                 xmlParserMaxDepth);
        free(said);
        return;
    }
    switch (err->code) {
    case XML_HTML_UNKNOWN_TAG:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "<%s> is not an HTML element; correct the tag name or use a standard element",
                 name);
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "the end tag </%s> does not close the element that is open here (%s); "
                 "remove it or add the missing tag",
                 name, said);
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "a '&' here does not start a complete character reference; write a plain "
                 "ampersand as '&amp;' (in addresses too), or end the reference with ';'");
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "an attribute's value is not quoted properly (%s); close the quotation "
                 "marks around the value",
                 said);
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "the attribute '%s' is given twice on one element; keep one", name);
        break;
    case XML_ERR_GT_REQUIRED:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "the start tag <%s> is not closed with '>'; check its quotation marks and "
                 "close it",
                 name);
        break;
    case XML_ERR_INVALID_ENCODING:
        S_report(p, line, column, R_HTML, REF_OUTPUT, S_NOT_UTF8);
        break;
    case XML_ERR_DOCUMENT_EMPTY:
        S_report(p, line, column, R_HTML, REF_OUTPUT,
                 "the file has no HTML in it; write the page or remove the file");
        break;
    default:
        if (err->code == XML_ERR_NAME_REQUIRED && strstr(said, "EntityRef"))
            S_report(p, line, column, R_HTML, REF_OUTPUT,
                     "a '&' stands on its own; write it as '&amp;'");
        else if (err->code == XML_ERR_NAME_REQUIRED && strstr(said, "attribute name"))
            S_report(p, line, column, R_HTML, REF_OUTPUT,
                     "a tag here holds something that is not an attribute (%s); check that "
                     "every quotation mark in this tag, and in the tags before it, is closed",
                     said);
        else
            S_report(p, line, column, R_HTML, REF_OUTPUT,
                     "the HTML is malformed (%s); fix the markup, because browsers repair "
                     "broken HTML in different ways",
                     said);
        break;
    }
    free(said);
}

/*
 * Parse text as an HTML page named name. With report, every parser error becomes a finding
 * of that page; without, errors are dropped. The thread's structured error handler is put
 * back as it was. Returns the document (caller frees) or NULL.
 */
static xmlDocPtr S_parse(const char *text, size_t len, const char *name, S_page *report)
{
    xmlStructuredErrorFunc old = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(report, S_on_parse_error);
    xmlDocPtr doc = NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt) {
        doc = htmlCtxtReadMemory(ctxt, text, (int)len, name, "UTF-8", HTML_PARSE_NONET);
        htmlFreeParserCtxt(ctxt);
    }
    xmlSetStructuredErrorFunc(old_ctx, old);
    return doc;
}

/* ---- ids ---- */

static void S_ids_collect(S_idset *set, xmlDocPtr doc)
{
    set->loaded = true;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr res = ctx ? S_eval(ctx, "//@id | //a/@name") : NULL;
    for (int i = 0; i < S_count(res); i++) {
        xmlChar *v = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
        if (v)
            strlist_push(&set->ids, (const char *)v);
        xmlFree(v);
    }
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    if (set->ids.len)
        qsort(set->ids.items, set->ids.len, sizeof *set->ids.items, S_cmp_str);
}

/* The ids of the HTML file rel (below the top), parsing it if needed; NULL if unknown. */
static const S_idset *S_ids_of(S_site *s, const char *rel)
{
    char **hit = s->html.len ? bsearch(&rel, s->html.items, s->html.len, sizeof *s->html.items,
                                       S_cmp_str)
                             : NULL;
    if (!hit)
        return NULL;
    S_idset *set = &s->ids[hit - s->html.items];
    if (set->loaded)
        return set;
    set->loaded = true;
    char *path = path_join(s->opt->dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    if (!text)
        return set; /* its own check reports that it cannot be read */
    xmlDocPtr doc = S_parse(text, len, rel, NULL);
    free(text);
    if (doc)
        S_ids_collect(set, doc);
    xmlFreeDoc(doc);
    return set;
}

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

/* The length of url's scheme (before ':'), or 0 without one. */
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
static const char *S_same_host_path(const S_site *s, const char *auth, bool web, S_url *u)
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
static void S_url_classify(const S_site *s, const char *dir, const char *raw, S_url *u)
{
    memset(u, 0, sizeof *u);
    while (S_is_space(*raw))
        raw++;
    char *url = xstrdup(raw);
    size_t len = strlen(url);
    while (len && S_is_space(url[len - 1]))
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
static bool S_target_file(const S_site *s, const char *path, char **rel)
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

static void S_check_fragment(S_page *p, unsigned line, const char *address, const char *fragment,
                             const S_idset *ids, const char *target_file)
{
    if (!ids || !*fragment || strcasecmp(fragment, "top") == 0 ||
        S_sorted_contains(&ids->ids, fragment))
        return;
    const char *near = suggest_closest_n(fragment, (const char *const *)ids->ids.items,
                                         ids->ids.len);
    const char *where = target_file ? target_file : "this page";
    if (near)
        S_report(p, line, 1, R_ANCHOR, REF_ANCHOR,
                 "the link '%s' leads to no element of %s: nothing has id=\"%s\"; did you mean "
                 "'#%s'?",
                 address, where, fragment, near);
    else
        S_report(p, line, 1, R_ANCHOR, REF_ANCHOR,
                 "the link '%s' leads to no element of %s: nothing has id=\"%s\"; correct the "
                 "link, or add the id to the element it should lead to",
                 address, where, fragment);
}

/* Check one address of el, standing for what (see S_what). */
static void S_check_address(S_page *p, const xmlNode *el, const char *address,
                            const S_what *what)
{
    S_site *s = p->site;
    unsigned line = S_line(el);
    if (S_script_scheme(address))
        return; /* site-script's finding (S_check_script_in) */
    S_url u;
    S_url_classify(s, p->dir, address, &u);
    switch (u.kind) {
    case S_URL_SKIP:
        break;
    case S_URL_EXTERNAL:
        if (what->loads)
            S_report(p, line, 1, R_EXTERNAL, REF_EXTERNAL, "the %s '%s' is on another host; %s",
                     what->noun, address, what->fix);
        break;
    case S_URL_OUTSIDE:
        S_report(p, line, 1, what->missing_rule, what->missing_ref,
                 "the %s '%s' is outside the site's base path '%s'; start the address with "
                 "'%s', or make it relative",
                 what->noun, address, s->base_path, s->base_path);
        break;
    case S_URL_ABOVE:
        S_report(p, line, 1, what->missing_rule, what->missing_ref,
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
            S_report(p, line, 1, what->missing_rule, what->missing_ref,
                     "the %s '%s' leads to no file: there is no %s; correct the address or "
                     "add the file",
                     what->noun, address, full);
        } else if (what->anchors && u.fragment && str_ends_with(rel, ".html")) {
            full = path_join(s->opt->dir, rel);
            const S_idset *ids = S_ids_of(s, rel);
            S_check_fragment(p, line, address, u.fragment, ids,
                             strcmp(rel, p->rel) == 0 ? NULL : full);
        }
        free(full);
        free(rel);
        break;
    }
    S_url_free(&u);
}

/* Check the address in attribute attr of el, when it has one. */
static void S_check_attr(S_page *p, const xmlNode *el, const char *attr, const S_what *what)
{
    char *v = S_prop(el, attr);
    if (v)
        S_check_address(p, el, v, what);
    free(v);
}

/* Each address of a srcset ("a.jpg 1x, b.jpg 2x", HTML "srcset attributes"). */
static void S_check_srcset(S_page *p, const xmlNode *el, const S_what *what)
{
    char *srcset = S_prop(el, "srcset");
    if (!srcset)
        return;
    const char *c = srcset;
    for (;;) {
        while (S_is_space(*c) || *c == ',')
            c++;
        if (!*c)
            break;
        const char *start = c;
        while (*c && !S_is_space(*c))
            c++;
        size_t n = (size_t)(c - start);
        bool comma = false;
        while (n && start[n - 1] == ',') {
            n--;
            comma = true;
        }
        char *address = xstrndup(start, n);
        S_check_address(p, el, address, what);
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
        while (i < len && S_is_space(css[i]))
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
        while (i < len && css[i] != ')' && !S_is_space(css[i])) {
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
    S_page *page;
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
            S_report(c->page, line, column, R_EXTERNAL, REF_EXTERNAL,
                     "@import '%s' is on another host; copy the style sheet into the site and "
                     "use a local address",
                     address);
        else
            S_report(c->page, line, column, R_EXTERNAL, REF_EXTERNAL,
                     "url(%s) is on another host; " FIX_COPY, address);
    }
    S_url_free(&u);
}

static void S_check_css(S_page *p, const char *css, unsigned line, bool in_file)
{
    S_css_ctx c = {p, css, line, in_file};
    S_css_scan(css, strlen(css), S_css_found, &c);
}

/* ---- page rules ---- */

#define CLASS_MATCH(cls) "contains(concat(' ', normalize-space(@class), ' '), ' " cls " ')"

/* Elements whose text starts on a new line: a space goes between them and their neighbours. */
static bool S_block(const xmlNode *n)
{
    static const char *const blocks[] = {"address", "blockquote", "br", "dd", "div", "dl", "dt",
                                         "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p",
                                         "section", "table", "td", "th", "tr", "ul"};
    for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
        if (strcmp((const char *)n->name, blocks[i]) == 0)
            return true;
    return false;
}

/* The text of n's descendants, blocks separated by a space. */
static void S_text(const xmlNode *n, strbuf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            strbuf_puts(out, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            bool block = S_block(c);
            if (block)
                strbuf_putc(out, ' ');
            S_text(c, out);
            if (block)
                strbuf_putc(out, ' ');
        }
    }
}

/* Whether s[i] starts a UTF-8 character (is not a continuation byte). */
static bool S_char_start(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/*
 * About 24 characters of s before the byte offset at and 36 from it, cut at spaces where
 * there are some, with "..." where text was left out; caller frees.
 */
static char *S_excerpt(const char *s, size_t at)
{
    size_t len = strlen(s);
    size_t from = at, to = at;
    for (int n = 0; n < 24 && from > 0; n++)
        do
            from--;
        while (from > 0 && !S_char_start(s, from));
    for (int n = 0; n < 36 && to < len; n++)
        do
            to++;
        while (to < len && !S_char_start(s, to));
    if (from > 0) {
        const char *space = memchr(s + from, ' ', at - from);
        if (space)
            from = (size_t)(space - s) + 1;
    }
    if (to < len)
        for (size_t k = to; k > at; k--)
            if (s[k] == ' ') {
                to = k;
                break;
            }
    return xasprintf("%s%.*s%s", from > 0 ? "..." : "", (int)(to - from), s + from,
                     to < len ? "..." : "");
}

static void S_check_disclaimer_text(S_page *p, const xmlNode *aside, const char *expected)
{
    strbuf b = STRBUF_INIT;
    S_text(aside, &b);
    char *got = S_squeeze(strbuf_str(&b));
    strbuf_free(&b);
    /* Compare ignoring white space: the page may break paragraphs where the text has a space. */
    size_t i = 0, j = 0;
    for (;;) {
        while (S_is_space(got[i]))
            i++;
        while (S_is_space(expected[j]))
            j++;
        if (!got[i] || !expected[j] || got[i] != expected[j])
            break;
        i++;
        j++;
    }
    if (got[i] != expected[j]) {
        if (!*got) {
            S_report(p, S_line(aside), 1, R_DISCLAIMER, REF_DISCLAIMER,
                     "the medical disclaimer is empty; put the disclaimer text from site.yaml "
                     "in it");
        } else {
            char *a = S_excerpt(got, i), *e = S_excerpt(expected, j);
            S_report(p, S_line(aside), 1, R_DISCLAIMER, REF_DISCLAIMER,
                     "the medical disclaimer's text differs from the disclaimer in site.yaml: "
                     "the page has '%s' where it should read '%s'; copy the exact text from "
                     "site.yaml, or rebuild the page with suture",
                     a, e);
            free(a);
            free(e);
        }
    }
    free(got);
}

static void S_check_disclaimer(S_page *p)
{
    xmlXPathObjectPtr res = S_eval(p->xpath, "//aside[" CLASS_MATCH("medical-disclaimer") "]");
    int n = S_count(res);
    if (n == 0) {
        xmlNodePtr at = S_first(p, "//main");
        if (!at)
            at = S_first(p, "/html/body");
        S_report(p, S_line(at), 1, R_DISCLAIMER, REF_DISCLAIMER,
                 "this page has no medical disclaimer; every page needs exactly one <aside "
                 "class=\"medical-disclaimer\" role=\"note\"> with the disclaimer text from "
                 "site.yaml, so add it (a page built by suture shows how)");
    } else if (n > 1) {
        S_report(p, S_line(res->nodesetval->nodeTab[1]), 1, R_DISCLAIMER, REF_DISCLAIMER,
                 "this page has %d medical disclaimers; keep exactly one <aside "
                 "class=\"medical-disclaimer\"> and remove the others",
                 n);
    }
    const char *expected = p->site->opt->disclaimer_text;
    if (expected) {
        char *want = S_squeeze(expected);
        for (int i = 0; i < n; i++)
            S_check_disclaimer_text(p, res->nodesetval->nodeTab[i], want);
        free(want);
    }
    xmlXPathFreeObject(res);
}

/* True when the attribute is missing or holds only white space. */
static bool S_blank(const char *v)
{
    if (!v)
        return true;
    while (S_is_space(*v))
        v++;
    return !*v;
}

/* ---- the locked-down page: Content-Security-Policy, referrer policy, no inline script ---- */

/* The policy suture puts on every page (page.h), quoted in the fixes. */
#define CSP_EXAMPLE                                                                            \
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src "   \
    "'none'; base-uri 'none'; form-action 'self'\">"

/* Whether a directive takes a source list (CSP3 "fetch directives", base-uri, form-action). */
static bool S_csp_source_directive(const char *name)
{
    return str_ends_with(name, "-src") || strcmp(name, "base-uri") == 0 ||
           strcmp(name, "form-action") == 0;
}

/* At most 60 bytes of s, control characters written as \t, \n, \r or \xHH so the finding
 * stays on one line and shows what is really there, with "..." when cut (at a character
 * boundary); caller frees. */
static char *S_short(const char *s)
{
    strbuf b = STRBUF_INIT;
    size_t i = 0;
    for (; s[i] && b.len < 60; i++) {
        unsigned char u = (unsigned char)s[i];
        if (u == '\t')
            strbuf_puts(&b, "\\t");
        else if (u == '\n')
            strbuf_puts(&b, "\\n");
        else if (u == '\r')
            strbuf_puts(&b, "\\r");
        else if (u < 0x20 || u == 0x7f)
            strbuf_printf(&b, "\\x%02X", u);
        else
            strbuf_putc(&b, (char)u);
    }
    while (s[i] && !S_char_start(s, i)) /* finish the character */
        strbuf_putc(&b, s[i++]);
    if (s[i])
        strbuf_puts(&b, "...");
    return strbuf_detach(&b);
}

/* One Content-Security-Policy (CSP3 "parse a serialized CSP"): default-src must be there, and
 * every source list may hold only 'self' and 'none'. */
static void S_check_csp_text(S_page *p, const xmlNode *meta, const char *policy)
{
    unsigned line = S_line(meta);
    char *copy = xstrdup(policy);
    bool has_default = false, any = false;
    char *save = NULL;
    for (char *d = strtok_r(copy, ";", &save); d; d = strtok_r(NULL, ";", &save)) {
        char *inner = NULL;
        char *name = strtok_r(d, " \t\n\r\f", &inner);
        if (!name)
            continue;
        any = true;
        for (char *c = name; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        if (!S_csp_source_directive(name))
            continue;
        if (strcmp(name, "default-src") == 0)
            has_default = true;
        bool empty = true;
        for (char *t = strtok_r(NULL, " \t\n\r\f", &inner); t;
             t = strtok_r(NULL, " \t\n\r\f", &inner)) {
            empty = false;
            if (strcasecmp(t, "'self'") == 0 || strcasecmp(t, "'none'") == 0)
                continue;
            char *shown = S_short(t);
            S_report(p, line, 1, R_CSP, REF_CSP,
                     "the Content-Security-Policy's %s allows %s, looser than these pages need; "
                     "allow only 'self' (or 'none'), and copy into the site whatever the page "
                     "loads",
                     name, shown);
            free(shown);
        }
        if (empty)
            S_report(p, line, 1, R_CSP, REF_CSP,
                     "the Content-Security-Policy's %s has no source, which browsers read as "
                     "'none'; write %s 'self' or %s 'none'",
                     name, name, name);
    }
    if (!any)
        S_report(p, line, 1, R_CSP, REF_CSP,
                 "the Content-Security-Policy is empty, so it allows everything; use " CSP_EXAMPLE);
    else if (!has_default)
        S_report(p, line, 1, R_CSP, REF_CSP,
                 "the Content-Security-Policy has no default-src, so whatever it does not name "
                 "may load from anywhere; add default-src 'self'");
    free(copy);
}

static void S_check_csp(S_page *p, xmlNodePtr head, unsigned head_line)
{
    xmlXPathObjectPtr res = S_eval(p->xpath, "//meta[translate(@http-equiv, "
                                             "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                                             "'abcdefghijklmnopqrstuvwxyz') = "
                                             "'content-security-policy']");
    int in_head = 0;
    for (int i = 0; i < S_count(res); i++) {
        xmlNodePtr meta = res->nodesetval->nodeTab[i];
        if (!head || meta->parent != head) {
            S_report(p, S_line(meta), 1, R_CSP, REF_CSP,
                     "this Content-Security-Policy <meta> is outside <head>, where browsers "
                     "ignore it; move it into <head>, right after <meta charset>");
            continue;
        }
        in_head++;
        /* A policy in <meta> covers only what comes after it (CSP3, section 3.3). */
        for (xmlNodePtr c = head->children; c && c != meta; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            const char *n = (const char *)c->name;
            if (strcmp(n, "link") == 0 || strcmp(n, "script") == 0 || strcmp(n, "style") == 0 ||
                strcmp(n, "base") == 0) {
                S_report(p, S_line(meta), 1, R_CSP, REF_CSP,
                         "the Content-Security-Policy <meta> comes after the <%s> on line %u, "
                         "which it therefore does not cover; move it right after <meta charset>",
                         n, S_line(c));
                break;
            }
        }
        char *content = S_prop(meta, "content");
        S_check_csp_text(p, meta, content ? content : "");
        free(content);
    }
    if (in_head == 0 && S_count(res) == 0)
        S_report(p, head_line, 1, R_CSP, REF_CSP,
                 "this page has no Content-Security-Policy; add " CSP_EXAMPLE
                 " right after <meta charset> (suture puts it on every page it builds)");
    xmlXPathFreeObject(res);
}

static void S_check_referrer(S_page *p, unsigned head_line)
{
    /* Referrer Policy, section 3: the values that never send a page's address to another
     * site, or never over plain HTTP. */
    static const char *const safe[] = {"no-referrer", "same-origin", "strict-origin",
                                       "strict-origin-when-cross-origin"};
    static const char *const leaky[] = {"unsafe-url", "no-referrer-when-downgrade", "origin",
                                        "origin-when-cross-origin"};
    xmlNodePtr meta = S_first(p, "/html/head/meta[translate(@name, 'REFERR', 'referr') = "
                                 "'referrer']");
    if (!meta) {
        S_report(p, head_line, 1, R_REFERRER, REF_REFERRER,
                 "this page has no referrer policy; add <meta name=\"referrer\" "
                 "content=\"strict-origin-when-cross-origin\">, so that no other site learns "
                 "which page a patient was reading");
        return;
    }
    char *raw = S_prop(meta, "content");
    char *value = S_squeeze(raw ? raw : "");
    free(raw);
    bool ok = false, known = false;
    for (size_t i = 0; i < sizeof safe / sizeof *safe; i++)
        if (strcasecmp(value, safe[i]) == 0)
            ok = known = true;
    for (size_t i = 0; i < sizeof leaky / sizeof *leaky; i++)
        if (strcasecmp(value, leaky[i]) == 0)
            known = true;
    if (!ok) {
        char *shown = S_short(value);
        if (known)
            S_report(p, S_line(meta), 1, R_REFERRER, REF_REFERRER,
                     "the referrer policy '%s' tells other sites, or anyone on plain HTTP, "
                     "which page a patient came from; use strict-origin-when-cross-origin, "
                     "strict-origin, same-origin or no-referrer",
                     shown);
        else
            S_report(p, S_line(meta), 1, R_REFERRER, REF_REFERRER,
                     "'%s' is not a referrer policy, so browsers ignore it; use "
                     "strict-origin-when-cross-origin, strict-origin, same-origin or "
                     "no-referrer",
                     shown);
        free(shown);
    }
    free(value);
}

/* Whether a <script type> is JavaScript (HTML, "the script element": empty, a JavaScript
 * MIME type, or "module"); any other type is a data block, which browsers never run. */
static bool S_runs_as_script(const char *type)
{
    static const char *const js[] = {
        "application/ecmascript", "application/javascript", "application/x-ecmascript",
        "application/x-javascript", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
        "text/x-ecmascript", "text/x-javascript", "module"};
    if (!type)
        return true;
    char *t = S_squeeze(type);
    char *semi = strchr(t, ';'); /* parameters do not change what it is */
    if (semi)
        *semi = '\0';
    bool yes = !*t;
    for (size_t i = 0; i < sizeof js / sizeof *js && !yes; i++)
        yes = strcasecmp(t, js[i]) == 0;
    free(t);
    return yes;
}

/* The scheme of an address as a browser reads it (tabs, new lines and leading spaces and
 * controls dropped, lower case), when it is one that makes a page or runs code:
 * "javascript", "vbscript", or "data" with an HTML, XHTML or SVG media type. NULL otherwise. */
static const char *S_script_scheme(const char *address)
{
    char head[64];
    size_t n = 0;
    const char *c = address;
    while (*c && (unsigned char)*c <= 0x20)
        c++;
    for (; *c && n + 1 < sizeof head; c++) {
        if (*c == '\t' || *c == '\n' || *c == '\r')
            continue;
        char l = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
        head[n++] = l;
    }
    head[n] = '\0';
    if (str_starts_with(head, "javascript:"))
        return "javascript";
    if (str_starts_with(head, "vbscript:"))
        return "vbscript";
    if (str_starts_with(head, "data:")) {
        const char *type = head + 5;
        while (*type == ' ')
            type++;
        if (str_starts_with(type, "text/html") || str_starts_with(type, "application/xhtml") ||
            str_starts_with(type, "image/svg") || str_starts_with(type, "text/xml") ||
            str_starts_with(type, "application/xml"))
            return "data";
    }
    return NULL;
}

/* Attributes that hold an address a browser may open or load. */
static bool S_url_attribute(const char *name)
{
    static const char *const names[] = {"action", "background", "cite",   "data",     "formaction",
                                        "href",   "poster",     "src",    "xlink:href", "ping"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

/* Script in the element n itself: inline <script>, on* handlers, script addresses, srcdoc. */
static void S_check_script_in(S_page *p, xmlNodePtr n)
{
    {
        const char *name = (const char *)n->name;
        if (strcmp(name, "script") == 0 && !xmlHasProp(n, BAD_CAST "src")) {
            char *type = S_prop(n, "type");
            if (S_runs_as_script(type))
                S_report(p, S_line(n), 1, R_SCRIPT, REF_CSP,
                         "this <script> has its code written into the page, which suture never "
                         "does and the Content-Security-Policy blocks; move the code into a file "
                         "under templates/assets/ and load it with <script src=\"...\">");
            free(type);
        }
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            const char *an = (const char *)a->name;
            if (strncasecmp(an, "on", 2) == 0 && an[2]) {
                char *v = S_prop(n, an);
                char *shown = S_short(v ? v : "");
                S_report(p, S_line(n), 1, R_SCRIPT, REF_CSP,
                         "<%s %s=\"%s\"> runs script written into the page, which the "
                         "Content-Security-Policy blocks; remove the attribute, and attach the "
                         "handler from a script file with addEventListener if it is needed",
                         name, an, shown);
                free(shown);
                free(v);
            } else if (strcasecmp(an, "srcdoc") == 0) {
                S_report(p, S_line(n), 1, R_SCRIPT, REF_CSP,
                         "<%s srcdoc> writes a whole page into an attribute, script and all; put "
                         "that page into the site and use src instead",
                         name);
            } else if (S_url_attribute(an)) {
                char *v = S_prop(n, an);
                const char *scheme = v ? S_script_scheme(v) : NULL;
                if (scheme) {
                    char *shown = S_short(v);
                    S_report(p, S_line(n), 1, R_SCRIPT, REF_CSP,
                             "<%s %s=\"%s\"> is a %s: address, which %s; link to a page of the "
                             "site instead",
                             name, an, shown, scheme,
                             strcmp(scheme, "data") == 0
                                 ? "makes a page, script and all, out of the address itself"
                                 : "runs the script it carries");
                    free(shown);
                }
                free(v);
            }
        }
    }
}

/* S_check_script_in on every element under root, without recursion (pages may nest deep). */
static void S_check_inline_script(S_page *p, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            S_check_script_in(p, n);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

static void S_check_head(S_page *p, xmlNodePtr root)
{
    char *lang = S_prop(root, "lang");
    if (!lang)
        S_report(p, S_line(root), 1, R_LANG, REF_LANG,
                 "<html> has no lang attribute; set the page's language, like <html "
                 "lang=\"en\">, so screen readers pronounce it correctly");
    else if (S_blank(lang))
        S_report(p, S_line(root), 1, R_LANG, REF_LANG,
                 "<html lang> is empty; set the page's language, like <html lang=\"en\">, so "
                 "screen readers pronounce it correctly");
    free(lang);

    xmlNodePtr head = S_first(p, "/html/head");
    unsigned head_line = head ? S_line(head) : S_line(root);
    xmlNodePtr title = S_first(p, "/html/head/title");
    if (!title) {
        S_report(p, head_line, 1, R_TITLE, REF_TITLE,
                 "this page has no <title>; add one that names the page: browsers show it in "
                 "the tab and screen readers announce it first");
    } else {
        xmlChar *text = xmlNodeGetContent(title);
        if (S_blank((const char *)text))
            S_report(p, S_line(title), 1, R_TITLE, REF_TITLE,
                     "the page's <title> is empty; write one that names the page");
        xmlFree(text);
    }

    xmlNodePtr meta =
        S_first(p, "/html/head/meta[translate(@name, 'DESCRIPTION', 'description')"
                   " = 'description']");
    if (!meta) {
        S_report(p, head_line, 1, R_DESCRIPTION, REF_OUTPUT,
                 "this page has no <meta name=\"description\">; add one with a sentence or "
                 "two about the page, which search engines show");
    } else {
        char *content = S_prop(meta, "content");
        if (S_blank(content))
            S_report(p, S_line(meta), 1, R_DESCRIPTION, REF_OUTPUT,
                     "the page's meta description is empty; write a sentence or two about the "
                     "page in its content attribute");
        free(content);
    }
    S_check_csp(p, head, head_line);
    S_check_referrer(p, head_line);
}

static void S_check_h1(S_page *p, xmlNodePtr root)
{
    xmlXPathObjectPtr res = S_eval(p->xpath, "//h1");
    int n = S_count(res);
    if (n == 0) {
        xmlNodePtr body = S_first(p, "/html/body");
        S_report(p, S_line(body ? body : root), 1, R_H1, REF_OUTPUT,
                 "this page has no <h1>; give it one main heading that names the page");
    } else if (n > 1) {
        S_report(p, S_line(res->nodesetval->nodeTab[1]), 1, R_H1, REF_OUTPUT,
                 "this page has %d <h1> headings; keep one main heading and make the others "
                 "<h2>",
                 n);
    }
    xmlXPathFreeObject(res);
}

/* What a <link> loads, from its rel tokens. */
static const S_what *S_link_what(const xmlNode *el)
{
    char *rel = S_prop(el, "rel");
    const S_what *what = &W_HEAD_LINK;
    char *save = NULL;
    for (char *t = rel ? strtok_r(rel, " \t\n\r\f", &save) : NULL; t;
         t = strtok_r(NULL, " \t\n\r\f", &save)) {
        if (strcasecmp(t, "stylesheet") == 0) {
            what = &W_STYLESHEET;
            break;
        } else if (strcasecmp(t, "icon") == 0 || strcasecmp(t, "apple-touch-icon") == 0 ||
                   strcasecmp(t, "apple-touch-icon-precomposed") == 0 ||
                   strcasecmp(t, "mask-icon") == 0) {
            what = &W_ICON;
        } else if (strcasecmp(t, "preload") == 0 || strcasecmp(t, "modulepreload") == 0 ||
                   strcasecmp(t, "prefetch") == 0 || strcasecmp(t, "prerender") == 0) {
            what = &W_PRELOAD;
        } else if (strcasecmp(t, "preconnect") == 0 || strcasecmp(t, "dns-prefetch") == 0) {
            what = &W_CONNECT;
        } else if (strcasecmp(t, "manifest") == 0) {
            what = &W_MANIFEST;
        }
    }
    free(rel);
    return what;
}

static void S_check_img(S_page *p, const xmlNode *el)
{
    char *src = S_prop(el, "src");
    if (!xmlHasProp(el, BAD_CAST "alt")) {
        if (src)
            S_report(p, S_line(el), 1, R_IMAGE, REF_IMAGE,
                     "the image '%s' has no alt attribute; describe what it shows in alt=\"...\", "
                     "or write alt=\"\" if it is only decoration",
                     src);
        else
            S_report(p, S_line(el), 1, R_IMAGE, REF_IMAGE,
                     "this image has no alt attribute; describe what it shows in alt=\"...\", "
                     "or write alt=\"\" if it is only decoration");
    }
    if (S_blank(src))
        S_report(p, S_line(el), 1, R_IMAGE, REF_IMAGE,
                 "this image has no src; give it the address of an image file");
    else
        S_check_address(p, el, src, &W_IMAGE);
    free(src);
    S_check_srcset(p, el, &W_IMAGE);
}

/* Every element that links, loads or styles, in document order. */
static const char S_elements[] =
    "//a[@href] | //area[@href] | //link[@href] | //script[@src] | //iframe[@src]"
    " | //frame[@src] | //embed[@src] | //object[@data] | //img | //source | //video"
    " | //audio[@src] | //track[@src] | //input[@src] | //image | //style | //*[@style]";

static void S_check_element(S_page *p, const xmlNode *el)
{
    const char *name = (const char *)el->name;
    if (strcmp(name, "a") == 0 || strcmp(name, "area") == 0) {
        S_check_attr(p, el, "href", &W_LINK);
    } else if (strcmp(name, "link") == 0) {
        S_check_attr(p, el, "href", S_link_what(el));
    } else if (strcmp(name, "script") == 0) {
        S_check_attr(p, el, "src", &W_SCRIPT);
    } else if (strcmp(name, "iframe") == 0 || strcmp(name, "frame") == 0) {
        S_check_attr(p, el, "src", &W_FRAME);
    } else if (strcmp(name, "embed") == 0) {
        S_check_attr(p, el, "src", &W_OBJECT);
    } else if (strcmp(name, "object") == 0) {
        S_check_attr(p, el, "data", &W_OBJECT);
    } else if (strcmp(name, "img") == 0) {
        S_check_img(p, el);
    } else if (strcmp(name, "source") == 0) {
        S_check_attr(p, el, "src", &W_MEDIA);
        S_check_srcset(p, el, &W_IMAGE);
    } else if (strcmp(name, "video") == 0) {
        S_check_attr(p, el, "src", &W_MEDIA);
        S_check_attr(p, el, "poster", &W_IMAGE);
    } else if (strcmp(name, "audio") == 0 || strcmp(name, "track") == 0) {
        S_check_attr(p, el, "src", &W_MEDIA);
    } else if (strcmp(name, "input") == 0) {
        S_check_attr(p, el, "src", &W_IMAGE_BUTTON);
    } else if (strcmp(name, "image") == 0) { /* SVG */
        S_check_attr(p, el, "href", &W_IMAGE);
        S_check_attr(p, el, "xlink:href", &W_IMAGE);
    } else if (strcmp(name, "style") == 0) {
        xmlChar *css = xmlNodeGetContent(el);
        if (css)
            S_check_css(p, (const char *)css, S_line(el), false);
        xmlFree(css);
    }
    char *style = S_prop(el, "style");
    if (style)
        S_check_css(p, style, S_line(el), false);
    free(style);
}

static void S_check_page(S_site *s, size_t index)
{
    S_page p = {.site = s, .index = index, .rel = s->html.items[index]};
    p.file = path_join(s->opt->dir, p.rel);
    const char *slash = strrchr(p.rel, '/');
    p.dir = slash ? xstrndup(p.rel, (size_t)(slash - p.rel) + 1) : xstrdup("");
    size_t len;
    char *text = file_read(p.file, &len);
    if (!text) {
        diag_error(s->diags, p.file, 0, 0, NULL, "cannot read this file: %s", strerror(errno));
        goto done;
    }
    /* Not UTF-8: one finding, and no parse, whose guesses would cause knock-on findings. */
    utf8_position bad;
    if (!utf8_valid(text, len, &bad)) {
        S_report(&p, bad.line, bad.column, R_HTML, REF_OUTPUT, S_NOT_UTF8);
        free(text);
        goto done;
    }
    p.doc = S_parse(text, len, p.file, &p);
    free(text);
    xmlNodePtr root = p.doc ? xmlDocGetRootElement(p.doc) : NULL;
    /* What the parser did not reach would be reported as missing: the depth finding says it. */
    if (p.halted)
        goto done;
    if (!root) {
        if (!p.parse_errors)
            S_report(&p, 1, 1, R_HTML, REF_OUTPUT,
                     "the file could not be read as HTML; write the page or remove the file");
        goto done;
    }
    p.xpath = xmlXPathNewContext(p.doc);
    if (!p.xpath)
        goto done;
    if (!s->ids[index].loaded)
        S_ids_collect(&s->ids[index], p.doc);
    S_check_disclaimer(&p);
    S_check_head(&p, root);
    S_check_h1(&p, root);
    xmlXPathObjectPtr res = S_eval(p.xpath, S_elements);
    for (int i = 0; i < S_count(res); i++)
        S_check_element(&p, res->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(res);
    S_check_inline_script(&p, root);
done:
    xmlXPathFreeContext(p.xpath);
    xmlFreeDoc(p.doc);
    free(p.dir);
    free(p.file);
}

static void S_check_css_file(S_site *s, const char *rel)
{
    S_page p = {.site = s, .rel = rel};
    p.file = path_join(s->opt->dir, rel);
    size_t len;
    char *css = file_read(p.file, &len);
    if (!css)
        diag_error(s->diags, p.file, 0, 0, NULL, "cannot read this file: %s", strerror(errno));
    else
        S_check_css(&p, css, 1, true);
    free(css);
    free(p.file);
}

/* ---- the folder ---- */

/* A finding about the entry at path itself (not its contents): category site-file. */
static void S_file_finding(S_site *s, diag_severity severity, const char *path,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void S_file_finding(S_site *s, diag_severity severity, const char *path,
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

/*
 * The symbolic link at full (rel below opt->dir, its last component name): a link to a file
 * inside the folder is checked as that file (rel, which this takes over, is added to out when
 * it is *.html or *.css, and freed otherwise); every other link is reported, and nothing
 * behind it is opened. Links out of the folder are
 * refused as `suture build` refuses them in content/ (site.c, S_copy_dir).
 */
static void S_walk_link(S_site *s, const char *full, char *rel, const char *name, strlist *out)
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
    if (str_ends_with(name, ".html") || str_ends_with(name, ".css"))
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
static int S_walk(S_site *s, const char *sub, strlist *out)
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
        } else if (str_ends_with(name, ".html") || str_ends_with(name, ".css")) {
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

/* base_url's host and path into s (see siteverify_options). */
static void S_read_base(S_site *s, const char *base_url)
{
    const char *path = base_url ? base_url : "/";
    size_t scheme = base_url ? S_scheme_len(base_url) : 0;
    if (scheme && strncmp(base_url + scheme + 1, "//", 2) == 0) {
        const char *auth = base_url + scheme + 3;
        size_t n = strcspn(auth, "/?#");
        s->host = xstrndup(auth, n);
        path = auth + n;
    }
    strbuf b = STRBUF_INIT;
    if (path[0] != '/')
        strbuf_putc(&b, '/');
    strbuf_append(&b, path, strcspn(path, "?#"));
    if (b.data[b.len - 1] != '/')
        strbuf_putc(&b, '/');
    s->base_path = strbuf_detach(&b);
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
    S_site s = {.opt = opt, .diags = diags};
    /* A first listing tells whether the folder can be read before anything is reported. */
    strlist top = STRLIST_INIT;
    if (dir_list(opt->dir, NULL, &top) < 0)
        return -1;
    strlist_free(&top);
    S_read_base(&s, opt->base_url);

    strlist all = STRLIST_INIT;
    S_walk(&s, "", &all);
    if (all.len)
        qsort(all.items, all.len, sizeof *all.items, S_cmp_str);
    for (size_t i = 0; i < all.len; i++)
        if (str_ends_with(all.items[i], ".html"))
            strlist_push(&s.html, all.items[i]);
    s.ids = xcalloc(s.html.len ? s.html.len : 1, sizeof *s.ids);

    size_t page = 0;
    for (size_t i = 0; i < all.len; i++) {
        if (str_ends_with(all.items[i], ".html"))
            S_check_page(&s, page++);
        else
            S_check_css_file(&s, all.items[i]);
    }
    if (files)
        *files = s.html.len;

    for (size_t i = 0; i < s.html.len; i++)
        strlist_free(&s.ids[i].ids);
    free(s.ids);
    strlist_free(&s.html);
    strlist_free(&all);
    free(s.host);
    free(s.base_path);
    return 0;
}
