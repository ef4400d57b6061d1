/* page_messages.c: what libxml2 and libxslt say while the templates load or a page
 * renders, captured on each thread and turned into diagnostics (see page_private.h). */
#define _GNU_SOURCE
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/suggest.h"
#include "render/page_private.h"
#include "render/xmlmsg.h"

/* What libxml2 and libxslt say while this thread loads or renders (pg_begin_capture). */
static __thread strbuf *S_captured;

/* What libxml2's parser says meanwhile about the files it parses, put into S_captured when
 * the capture ends, one message per file (pg_end_capture). */
static __thread xmlmsg_log *S_parse_log;

/*
 * libxml2 and libxslt report through callbacks. Each thread collects what they say while it
 * loads or renders, in S_captured, and turns it into diagnostics.
 */

void pg_capture_generic(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    if (!S_captured)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) >= 0) {
        strbuf_puts(S_captured, s);
        free(s);
    }
    va_end(ap);
}

static void S_capture_structured(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    if (!S_captured || !err || !err->message)
        return;
    /* What the parser says about a file is said once per file, in plain words, when the
     * capture ends (xmlmsg.h). */
    if (xmlmsg_log_add(S_parse_log, err))
        return;
    /* Keep the position: "file:line:column: message". */
    if (err->file && err->line > 0)
        strbuf_printf(S_captured, "%s:%d:%d: ", err->file, err->line,
                      err->int2 > 0 ? err->int2 : 1);
    strbuf_puts(S_captured, err->message);
}

void pg_begin_capture(strbuf *buf)
{
    S_captured = buf;
    S_parse_log = xmlmsg_log_new();
    xmlSetStructuredErrorFunc(NULL, S_capture_structured);
    xmlSetGenericErrorFunc(NULL, pg_capture_generic);
}

/* xmlmsg_log_flush's sink: a positioned line of S_captured. */
static void S_capture_explained(void *arg, const char *file, unsigned line, unsigned column,
                                const char *message)
{
    (void)arg;
    strbuf_printf(S_captured, "%s:%u:%u: %s\n", file, line, column, message);
}

/* The explanations go first: pg_flush then knows which files were reported when it meets
 * libxslt's "unable to load" of one of them (S_knock_on). */
void pg_end_capture(void)
{
    strbuf said = *S_captured;
    *S_captured = (strbuf)STRBUF_INIT;
    xmlmsg_log_flush(S_parse_log, S_capture_explained, NULL);
    if (said.len)
        strbuf_append(S_captured, said.data, said.len);
    strbuf_free(&said);
    xmlmsg_log_free(S_parse_log);
    S_parse_log = NULL;
    S_captured = NULL;
}

/*
 * Whether the positioned message line ("file:line:column: text") was reported already, as
 * when every stylesheet that imports a broken one makes libxml2 parse it again, or is about
 * a file reported as not well-formed (pg_reported_broken); if not, it and its file are added
 * to reported.
 */
static bool S_already_reported(strlist *reported, const char *file, const char *line)
{
    char *broken = xasprintf("broken %s", file);
    bool known = strlist_contains(reported, broken) || strlist_contains(reported, line);
    free(broken);
    if (known)
        return true;
    strlist_push(reported, line);
    char *key = xasprintf("file %s", file);
    if (!strlist_contains(reported, key))
        strlist_push(reported, key);
    free(key);
    return false;
}

/* Record that file was reported as not well-formed: nothing more is said about it
 * (S_already_reported), nor about what fails to load it (S_knock_on). */
void pg_reported_broken(strlist *reported, const char *file)
{
    char *key = xasprintf("broken %s", file);
    strlist_push_owned(reported, key);
    key = xasprintf("file %s", file);
    strlist_push_owned(reported, key);
}

/* Whether line is libxslt's "unable to load F" about a file F whose own error was reported:
 * a consequence, not a second mistake. */
static bool S_knock_on(const strlist *reported, const char *line)
{
    const char *at = strstr(line, "unable to load ");
    if (!at)
        return false;
    char *key = xasprintf("file %s", at + strlen("unable to load "));
    bool known = strlist_contains(reported, key);
    free(key);
    return known;
}

void pg_report(diag_list *diags, strlist *reported, const char *file, unsigned line,
                   unsigned column, const char *prefix, const char *message)
{
    if (reported) {
        char *key = xasprintf("%s:%u:%u: %s", file, line, column, message);
        bool known = S_already_reported(reported, file, key);
        free(key);
        if (known)
            return;
    }
    diag_error(diags, file, line, column, "template", "%s%s", prefix, message);
}

/* libxslt's announcement of a position: "compilation error: file F line N element E" (or
 * "runtime error: ..."), the file that holds the instruction, the one xsl:import or
 * xsl:include brought in included. */
typedef struct {
    char file[512];
    unsigned line;
    char element[64];
} S_marker;

/* Whether line is such an announcement; if so, it is read into m. */
static bool S_read_marker(const char *line, S_marker *m)
{
    const char *at = strstr(line, "file ");
    const char *ln = at ? strstr(at, " line ") : NULL;
    if (!at || !ln || sscanf(ln, " line %u", &m->line) != 1)
        return false;
    size_t n = (size_t)(ln - (at + 5));
    if (n >= sizeof m->file)
        n = sizeof m->file - 1;
    memcpy(m->file, at + 5, n);
    m->file[n] = '\0';
    m->element[0] = '\0';
    const char *el = strstr(ln, " element ");
    if (el)
        sscanf(el, " element %63s", m->element);
    return true;
}

/* The functions of XPath 1.0 and XSLT 1.0, for "did you mean". */
static const char *const S_functions[] = {
    "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string",
    "concat", "starts-with", "contains", "substring-before", "substring-after", "substring",
    "string-length", "normalize-space", "translate", "boolean", "not", "true", "false", "lang",
    "number", "sum", "floor", "ceiling", "round", "document", "key", "format-number",
    "current", "unparsed-entity-uri", "generate-id", "system-property", "element-available",
    "function-available", NULL};

/*
 * What libxml2 or libxslt said of an XPath expression of <xsl:element> that cannot be
 * evaluated (said: "xmlXPathCompOpEval: function normalise-space not found", "Variable 'x'
 * has not been declared."), as one message in plain words.
 */
static char *S_explain_evaluation(const char *element, const char *said)
{
    char name[128];
    const char *fn = strstr(said, "function ");
    char *why;
    if (fn && sscanf(fn, "function %127s not found", name) == 1) {
        const char *near = suggest_closest(name, S_functions);
        why = near ? xasprintf("there is no XPath function %s(); did you mean %s()?", name,
                               near)
                   : xasprintf("there is no XPath function %s(): correct the name", name);
    } else if (sscanf(said, "Variable '%127[^']' has not been declared", name) == 1) {
        why = xasprintf("the variable $%s is not declared where it is used: correct the name, "
                        "or declare it with <xsl:variable name=\"%s\">",
                        name, name);
    } else {
        why = xstrdup(said);
        if (why[0] >= 'A' && why[0] <= 'Z')
            why[0] = (char)(why[0] - 'A' + 'a');
    }
    char *msg = xasprintf("the XPath expression of <xsl:%s> cannot be evaluated: %s", element,
                          why);
    free(why);
    return msg;
}

/*
 * What libxslt said after its announcement m, with what libxml2 said just before (reason,
 * may be empty), as one message: an XPath expression that does not compile is libxml2's
 * "Invalid expression" then libxslt's "xsl:value-of : could not compile select expression
 * '...'" (or, for xsl:variable and xsl:with-param, "XSLT-variable: Failed to compile the
 * XPath expression '...'"), one mistake. NULL for another message.
 */
static char *S_explain_libxslt(const S_marker *m, const char *said, const strlist *reason)
{
    const char *open = strchr(said, '\'');
    const char *close = strrchr(said, '\'');
    /* libxslt names the instruction itself in some messages: "XSLT-variable: Failed to
     * compile the XPath expression '...'", "XSLT-with-param: Failed to compile select
     * expression '...'". */
    char named[32] = "";
    if (!*m->element && sscanf(said, "XSLT-%31[a-z-]:", named) != 1)
        named[0] = '\0';
    const char *element = *m->element ? m->element : *named ? named : "?";
    if (str_starts_with(said, "Variable '"))
        return S_explain_evaluation(element, said);
    if (reason->len && strstr(said, "valuat")) /* "evaluation", "Evaluating" */
        return S_explain_evaluation(element, reason->items[0]);
    if ((!strstr(said, "could not compile") && !strstr(said, "Failed to compile")) || !open ||
        close <= open)
        return NULL;
    char *why = xstrdup(reason->len ? reason->items[0] : "not valid XPath");
    if (why[0] >= 'A' && why[0] <= 'Z')
        why[0] = (char)(why[0] - 'A' + 'a');
    char *msg = xasprintf("the XPath expression '%.*s' of <xsl:%s> does not compile (%s): "
                          "check its brackets, quotation marks and names",
                          (int)(close - open - 1), open + 1, element, why);
    free(why);
    return msg;
}

/* Whether the lines are only libxml2's generic words after a message that said more
 * ("Undefined variable" after "Variable 'x' has not been declared."). */
static bool S_only_generic(const strlist *lines)
{
    for (size_t i = 0; i < lines->len; i++)
        if (strcmp(lines->items[i], "Undefined variable") != 0 &&
            strcmp(lines->items[i], "Unregistered function") != 0)
            return false;
    return true;
}

/* Report each of lines at m's position, and forget them. */
static void S_emit_all(diag_list *diags, strlist *reported, const S_marker *m,
                       const char *prefix, strlist *lines)
{
    for (size_t i = 0; i < lines->len; i++)
        pg_report(diags, reported, m->file, m->line, 1, prefix, lines->items[i]);
    strlist_free(lines);
}

/*
 * Turn captured library messages into diagnostics. A line that starts with "file:line:col: "
 * keeps its position; libxslt's "... file F line N ..." announcement gives the file and line
 * of the message that follows, and of libxml2's messages just before it; other lines are
 * reported at fallback_file, at the last line announced. With reported (the stylesheets'
 * load), a message already reported at the same place and an "unable to load" of a file
 * already reported are left out (S_already_reported, S_knock_on). Returns whether there was
 * any message, reported now or before.
 */
bool pg_flush(strbuf *buf, const char *fallback_file, diag_list *diags,
                    const char *prefix, strlist *reported)
{
    char *text = buf->data;
    if (!text)
        return false;
    bool any = false;
    S_marker m = {.line = 1};
    snprintf(m.file, sizeof m.file, "%s", fallback_file);
    bool marker_fresh = false;
    char said_file[512] = ""; /* where libxslt's last message was */
    unsigned said_line = 0;
    strlist reason = STRLIST_INIT;
    strlist waiting = STRLIST_INIT;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        while (*line == ' ')
            line++;
        if (!*line)
            continue;
        char file[512];
        unsigned l, c;
        int used = 0;
        any = true;
        if (sscanf(line, "%511[^:]:%u:%u: %n", file, &l, &c, &used) == 3 && used > 0) {
            if (reported && S_already_reported(reported, file, line))
                continue;
            diag_error(diags, file, l, c, "template", "%s%s", prefix, line + used);
            continue;
        }
        if (reported && S_knock_on(reported, line))
            continue;
        if (S_read_marker(line, &m)) {
            marker_fresh = true;
            strlist_free(&reason);
            reason = waiting;
            waiting = (strlist)STRLIST_INIT;
            continue;
        }
        if (marker_fresh) {
            /* libxslt's "XPath evaluation returned no result." after what said why. */
            bool echo = m.line == said_line && strcmp(m.file, said_file) == 0 && reason.len &&
                        S_only_generic(&reason) && strstr(line, "valuat");
            char *msg = echo ? NULL : S_explain_libxslt(&m, line, &reason);
            if (!echo && !msg)
                S_emit_all(diags, reported, &m, prefix, &reason);
            if (!echo)
                pg_report(diags, reported, m.file, m.line, 1, prefix, msg ? msg : line);
            free(msg);
            strlist_free(&reason);
            snprintf(said_file, sizeof said_file, "%s", m.file);
            said_line = m.line;
            marker_fresh = false;
        } else {
            strlist_push(&waiting, line);
        }
    }
    S_emit_all(diags, reported, &m, prefix, &reason);
    S_emit_all(diags, reported, &m, prefix, &waiting);
    strbuf_free(buf);
    return any;
}

strbuf *pg_capture_buffer(void)
{
    return S_captured;
}

/* ---- errors of rendering, once per cause ---- */

/* One error met while rendering: where, what, and on which pages. */
typedef struct {
    diag_severity severity;
    char *file;
    unsigned line, column;
    char *category;
    char *message;
    char *page;   /* the first of its pages, in byte order: the same whatever the threads */
    size_t pages; /* how many pages met it */
} S_render_error;

struct pg_errors {
    pthread_mutex_t lock;
    S_render_error *items;
    size_t len, cap;
};

pg_errors *pg_errors_new(void)
{
    pg_errors *e = xcalloc(1, sizeof *e);
    pthread_mutex_init(&e->lock, NULL);
    return e;
}

/* Forget every error held. */
static void S_errors_clear(pg_errors *e)
{
    for (size_t i = 0; i < e->len; i++) {
        free(e->items[i].file);
        free(e->items[i].category);
        free(e->items[i].message);
        free(e->items[i].page);
    }
    e->len = 0;
}

void pg_errors_free(pg_errors *e)
{
    if (!e)
        return;
    S_errors_clear(e);
    free(e->items);
    pthread_mutex_destroy(&e->lock);
    free(e);
}

/* Whether d and r are the same mistake, said at the same place. */
static bool S_same_error(const diag *d, const S_render_error *r)
{
    return d->severity == r->severity && d->line == r->line && d->column == r->column &&
           strcmp(d->file ? d->file : "", r->file) == 0 &&
           strcmp(d->category ? d->category : "", r->category) == 0 &&
           strcmp(d->message, r->message) == 0;
}

void pg_errors_add(pg_errors *e, const char *page, const diag_list *found)
{
    pthread_mutex_lock(&e->lock);
    for (size_t i = 0; i < diag_count(found); i++) {
        const diag *d = diag_get(found, i);
        size_t j = 0;
        while (j < e->len && !S_same_error(d, &e->items[j]))
            j++;
        if (j < e->len) {
            S_render_error *r = &e->items[j];
            r->pages++;
            if (strcmp(page, r->page) < 0) {
                free(r->page);
                r->page = xstrdup(page);
            }
            continue;
        }
        if (e->len == e->cap) {
            e->cap = e->cap ? 2 * e->cap : 8;
            e->items = xreallocarray(e->items, e->cap, sizeof *e->items);
        }
        e->items[e->len++] = (S_render_error){
            .severity = d->severity,
            .file = xstrdup(d->file ? d->file : ""),
            .line = d->line,
            .column = d->column,
            .category = xstrdup(d->category ? d->category : ""),
            .message = xstrdup(d->message),
            .page = xstrdup(page),
            .pages = 1,
        };
    }
    pthread_mutex_unlock(&e->lock);
}

void pg_errors_report(pg_errors *e, diag_list *diags)
{
    pthread_mutex_lock(&e->lock);
    for (size_t i = 0; i < e->len; i++) {
        const S_render_error *r = &e->items[i];
        char *pages = r->pages == 1 ? xstrdup(r->page)
                      : r->pages == 2
                          ? xasprintf("%s and 1 other page", r->page)
                          : xasprintf("%s and %zu other pages", r->page, r->pages - 1);
        diag_add(diags, r->severity, r->file, r->line, r->column,
                 *r->category ? r->category : NULL, "while rendering %s: %s", pages,
                 r->message);
        free(pages);
    }
    S_errors_clear(e);
    pthread_mutex_unlock(&e->lock);
}
