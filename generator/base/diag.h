/*
 * diag.h: the diagnostics list. Every module reports mistakes in the input here instead
 * of stopping, so one build tells the user about all of them (STYLE.md, "Memory and
 * errors"). A diagnostic prints in the compiler format that editors and CI parse
 * (SPEC.md, "Command line"):
 *
 *     content/articles/dimpling.md:14:9: error: unknown procedure 'mini-lfit' [compare]
 *
 * The list is safe to add to from several threads at once.
 */
#ifndef SUTURE_DIAG_H
#define SUTURE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum diag_severity {
    DIAG_ERROR,
    DIAG_WARNING,
    DIAG_INFO   /* printed "info": worth knowing, never fails a run */
} diag_severity;

/* One finding. line and column count from 1; 0 means "the whole file". */
typedef struct diag {
    char *file;
    unsigned line;
    unsigned column;
    diag_severity severity;
    char *category; /* short tag printed in brackets, e.g. "compare"; may be NULL */
    char *message;
    char *reference;  /* the law or guideline a compliance finding cites; may be NULL */
    char *lang;       /* the language the message is written in (a BCP 47 tag, the page's
                       * or the data value's), or NULL when it is not said */
} diag;

typedef struct diag_list diag_list;

/* A new, empty list; free it with diag_list_free. */
diag_list *diag_list_new(void);
/* Free the list and every diagnostic in it. Accepts NULL. */
void diag_list_free(diag_list *list);

/*
 * Add a diagnostic. file is copied (NULL is printed as "suture"); category may be NULL;
 * message is a printf format. Messages say what is wrong and what to do, in words a clinic
 * editor understands.
 */
void diag_add(diag_list *list, diag_severity severity, const char *file, unsigned line,
              unsigned column, const char *category, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/*
 * diag_add with a reference: the law article or guideline behind the finding (e.g.
 * "Medical Service Act art. 56(2)(2)"), printed in parentheses after the message and
 * kept for the JSON and SARIF reports. reference may be NULL.
 */
void diag_add_ref(diag_list *list, diag_severity severity, const char *file, unsigned line,
                  unsigned column, const char *category, const char *reference,
                  const char *fmt, ...) __attribute__((format(printf, 8, 9)));

/*
 * diag_add_ref for a message written in a page's language lang (a BCP 47 tag such as "ko",
 * copied; may be NULL): `suture check --verbose` explains the finding in that language, and
 * the JSON report names it.
 */
void diag_add_lang(diag_list *list, diag_severity severity, const char *file, unsigned line,
                   unsigned column, const char *category, const char *reference,
                   const char *lang, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));

/* Shorthand for diag_add with DIAG_ERROR. */
void diag_error(diag_list *list, const char *file, unsigned line, unsigned column,
                const char *category, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/*
 * Report (an error on the whole file, no line) why the file at path, which should hold what
 * ("the article", "the site settings"), could not be read: err is the errno of the read, and
 * the message file_problem's (base/files.h), such as "this is a named pipe (FIFO), not a file;
 * suture reads only regular files: remove it or replace it with the article".
 */
void diag_file_problem(diag_list *list, const char *path, int err, const char *category,
                       const char *what);

size_t diag_count(const diag_list *list);
size_t diag_error_count(const diag_list *list);
/* Whether a call found errors is its own to say (a parser counts what it reports, as
 * ydoc_error_count does), never learnt by counting a list before and after the call:
 * other threads may add to the same list meanwhile. */
size_t diag_warning_count(const diag_list *list);
/* "error", "warning" or "info". */
const char *diag_severity_name(diag_severity severity);
/* The i-th diagnostic in the order added (or sorted, after diag_list_sort). */
const diag *diag_get(const diag_list *list, size_t i);
/* Sort by file name, then line, then column, keeping the order of equal positions. */
void diag_list_sort(diag_list *list);
/*
 * Add to into a copy of each diagnostic of from that into does not hold yet (the same file,
 * position, severity, category and message): two steps that read the same file, such as
 * suture build's lint and its build, each report a front matter that does not parse, and
 * the writer is told once. Duplicates within from are kept. from is left as it is. Not
 * while other threads add to into.
 */
void diag_list_merge(diag_list *into, const diag_list *from);
/* Print every diagnostic, one per line, in the compiler format, to out. */
void diag_list_print(const diag_list *list, FILE *out);
/*
 * Format one diagnostic as a line without the newline; the caller frees it:
 *     file:line:column: severity: message (reference) [category]
 */
char *diag_format(const diag *d);
/*
 * diag_format without the reference, the short line `suture check` prints:
 *     file:line:column: severity: message [category]
 */
char *diag_format_brief(const diag *d);

#endif
