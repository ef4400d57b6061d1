/*
 * page_private.h: what the files of the page module share (render/page*.c); no other file
 * includes it. page.c loads the templates and renders pages; page_messages.c captures what
 * libxml2 and libxslt say meanwhile and turns it into diagnostics.
 */
#ifndef SUTURE_PAGE_PRIVATE_H
#define SUTURE_PAGE_PRIVATE_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/str.h"

/* libxml2's and libxslt's generic error function: appends the message to this thread's
 * capture buffer, when one is open (pg_begin_capture); ctx is unused. */
void pg_capture_generic(void *ctx, const char *fmt, ...);

/* Capture what the libraries say on this thread into buf (the caller's, empty) until
 * pg_end_capture. Installs the thread's error handlers. */
void pg_begin_capture(strbuf *buf);

/* End the capture: the parser's messages, one per file in plain words (xmlmsg.h), go into
 * the buffer first, then everything else said meanwhile. */
void pg_end_capture(void);

/* This thread's capture buffer, NULL when no capture is open. */
strbuf *pg_capture_buffer(void);

/*
 * Turn the captured messages in buf into errors of category "template" in diags, each
 * message after prefix, and free buf. A line that starts with "file:line:col: " keeps its
 * position; libxslt's "... file F line N ..." form is read for its line; other lines are
 * reported at fallback_file. With reported (the stylesheets' load; NULL otherwise), a
 * positioned message already reported and an "unable to load" of a file already reported
 * are left out, and the messages reported now are added to it. Returns whether there was
 * any message, reported now or before.
 */
bool pg_flush(strbuf *buf, const char *fallback_file, diag_list *diags, const char *prefix,
              strlist *reported);

/* Record in reported that file was reported as not well-formed: nothing more is said about
 * it by pg_flush, nor about what fails to load it. */
void pg_reported_broken(strlist *reported, const char *file);

#endif
