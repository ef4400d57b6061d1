/*
 * page_private.h: what the files of the page module share (render/page*.c); no other file
 * includes it. page.c loads the templates and renders pages; page_messages.c captures what
 * libxml2 and libxslt say meanwhile and turns it into diagnostics.
 */
#ifndef SUTURE_PAGE_PRIVATE_H
#define SUTURE_PAGE_PRIVATE_H

#include <stdbool.h>

#include <libxslt/xsltInternals.h>

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

/* Report message (category "template") at file:line:column, after prefix; with reported,
 * only when the same message was not reported at the same place before, and then it is
 * added to reported. */
void pg_report(diag_list *diags, strlist *reported, const char *file, unsigned line,
               unsigned column, const char *prefix, const char *message);

/*
 * Check the compiled stylesheet sheet, its includes and its imports, for what libxslt
 * accepts but is a mistake: an xsl:call-template of a template that none of them defines;
 * the str template called with a literal id that strings.xml (string_ids) does not hold;
 * "{{" in a text or a literal result element's attribute (Hugo's and Jinja's syntax; one in
 * <xsl:text> or an instruction's attribute is meant). Each is reported at its
 * file and line (with reported: once, however many stylesheets import the file). Returns
 * whether there was none.
 */
bool pg_check_stylesheet(xsltStylesheetPtr sheet, const strlist *string_ids,
                         diag_list *diags, strlist *reported);

/*
 * Check the structure of a rendered page before it is serialised: one <html>, nothing
 * outside it; in it one <head> (or none: suture adds it), then one <body>, and nothing
 * else; in <head> only what belongs there (no <li>, no text); at most one <main> that is
 * not hidden. Returns what is wrong, as the words after "the template " (malloc'd), with
 * *where the element it is about (NULL when none), or NULL when the page is well made.
 */
char *pg_check_page(xmlDocPtr page, xmlNodePtr *where);

/*
 * The file and line of the stylesheet (sheet, what it includes and imports) that wrote the
 * element node of a rendered page: an element of the same name on the node's line. Returns
 * false when none is found; else sets *file (malloc'd), *line and *column (of its start tag).
 */
bool pg_source_of(xsltStylesheetPtr sheet, const xmlNode *node, char **file, unsigned *line,
                  unsigned *column);

/*
 * The errors met while pages render, each said once however many pages meet it (a mistake
 * in layout.xsl is met by every page): safe to add to from several threads.
 */
typedef struct pg_errors pg_errors;

pg_errors *pg_errors_new(void);
/* Free e and what it holds. Accepts NULL. */
void pg_errors_free(pg_errors *e);
/* Add the errors found while rendering page (its name, "/kb/articles/x/"); one already held
 * (the same file, position, category and message) only counts page. */
void pg_errors_add(pg_errors *e, const char *page, const diag_list *found);
/* Add every error held to diags, after "while rendering P: " or "while rendering P and N
 * other pages: " (P the first of its pages in byte order), and forget them. */
void pg_errors_report(pg_errors *e, diag_list *diags);

#endif
