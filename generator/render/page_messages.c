/* page_messages.c: what libxml2 and libxslt say while the templates load or a page
 * renders, captured on each thread and turned into diagnostics (see page_private.h). */
#define _GNU_SOURCE
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
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

/*
 * Turn captured library messages into diagnostics. A line that starts with "file:line:col: "
 * keeps its position; libxslt's "... file F line N ..." form is read for its line; other
 * lines are reported at fallback_file:1:1. With reported (the stylesheets' load), a
 * positioned message already reported and an "unable to load" of a file already reported
 * are left out (S_already_reported, S_knock_on). Returns whether there was any message,
 * reported now or before.
 */
bool pg_flush(strbuf *buf, const char *fallback_file, diag_list *diags,
                    const char *prefix, strlist *reported)
{
    char *text = buf->data;
    if (!text)
        return false;
    bool any = false;
    /* libxslt announces a position ("... file F line N ...") and then the message; libxml2
     * may say something about the same place just before. Messages without a position wait
     * for the next announcement, or take the last one at the end. */
    unsigned marker_line = 1;
    bool marker_fresh = false;
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
        const char *at = strstr(line, " line ");
        if (at && strstr(line, "file ") && sscanf(at, " line %u", &l) == 1) {
            marker_line = l;
            marker_fresh = true;
            for (size_t i = 0; i < waiting.len; i++)
                diag_error(diags, fallback_file, l, 1, "template", "%s%s", prefix,
                           waiting.items[i]);
            strlist_free(&waiting);
            continue;
        }
        if (marker_fresh) {
            diag_error(diags, fallback_file, marker_line, 1, "template", "%s%s", prefix, line);
            marker_fresh = false;
        } else {
            strlist_push(&waiting, line);
        }
    }
    for (size_t i = 0; i < waiting.len; i++)
        diag_error(diags, fallback_file, marker_line, 1, "template", "%s%s", prefix,
                   waiting.items[i]);
    strlist_free(&waiting);
    strbuf_free(buf);
    return any;
}

strbuf *pg_capture_buffer(void)
{
    return S_captured;
}
