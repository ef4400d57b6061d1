/*
 * xmlmsg.h: libxml2's complaints about an XML file that is not well-formed, said once per
 * file, in words that say what to change.
 *
 * libxml2 reports one mistyped tag as a cascade ("Opening and ending tag mismatch: ...",
 * then "Premature end of data in tag ...", ...), names tags without their prefix, and for a
 * file nested too deeply advises "use XML_PARSE_HUGE option" (issue 14, point 11). xmlmsg
 * keeps what libxml2's parser says about each file, picks the first problem, and explains
 * it at its line and column: "the tag <xsl:template> opened on line 12 is closed by
 * </xsl:templat>: make the names match, or close <xsl:template> before this". The names
 * come from the file's own text, which xmlmsg reads again when it was not given.
 */
#ifndef SUTURE_XMLMSG_H
#define SUTURE_XMLMSG_H

#include <libxml/xmlerror.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* What libxml2's parser said about the files it parsed, kept until xmlmsg_log_flush. */
typedef struct xmlmsg_log xmlmsg_log;

/* A new, empty log; free it with xmlmsg_log_free. */
xmlmsg_log *xmlmsg_log_new(void);
/* Free the log and what it holds. Accepts NULL. */
void xmlmsg_log_free(xmlmsg_log *log);

/*
 * Keep a copy of err when it is an error (not a warning) of libxml2's parser or namespace
 * checks about a named file. Returns whether it was kept: the caller then says nothing of it
 * itself, and the log says it once, at xmlmsg_log_flush.
 */
bool xmlmsg_log_add(xmlmsg_log *log, const xmlError *err);

/*
 * Called by xmlmsg_log_flush once per file: its name as libxml2 gave it, the line and column
 * (from 1, the column in characters) of the file's first problem, and the message (valid
 * during the call only).
 */
typedef void (*xmlmsg_sink)(void *arg, const char *file, unsigned line, unsigned column,
                            const char *message);

/*
 * Call sink once for each file the log holds errors of, in the order of their first errors,
 * with the explanation of the first problem (xmlmsg_explain), and empty the log. Each file
 * is read again (a regular file only) to find the names of its tags; one that cannot be
 * read gets libxml2's names.
 */
void xmlmsg_log_flush(xmlmsg_log *log, xmlmsg_sink sink, void *arg);

/*
 * Parse the len bytes of text as the XML file path (which names it in messages; it is not
 * read), as libxml2 parses every XML file suture reads, without the network. Returns true
 * when the file is well-formed, its prefixes declared included. When it is not, adds one
 * error to diags at the first problem, in plain words (category may be NULL), and returns
 * false. The thread's libxml2 error handler is left as it was.
 */
bool xmlmsg_check(const char *text, size_t len, const char *path, const char *category,
                  diag_list *diags);

#endif
