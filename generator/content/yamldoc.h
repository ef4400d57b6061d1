/*
 * yamldoc.h: a YAML file loaded with libyaml's document API, with positions that point
 * into the user's file, and checked accessors that report mistakes to a diag_list.
 *
 * Used for content/site.yaml, content/data/procedures.yaml, content/glossary.yaml, the
 * front matter of articles and the bodies of compare and before-after blocks. Nodes are
 * libyaml's own yaml_node_t; they live as long as the ydoc.
 *
 * A parser reports every mistake in a document through its ydoc (ydoc_error,
 * ydoc_error_at and the checked reads below), and the ydoc counts them: ydoc_error_count
 * tells the parser whether it found any. Comparing the thread's error count before and
 * after would also count what anything else on the thread reported meanwhile.
 */
#ifndef SUTURE_YAMLDOC_H
#define SUTURE_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "base/diag.h"

typedef struct ydoc ydoc;

/*
 * Parse text (len bytes, UTF-8) as one YAML document. file names the source in
 * diagnostics; line_offset and column_offset are added to libyaml's positions, so a YAML
 * text that starts on line 2 of a file (front matter) or inside a fenced block points at
 * the right place in that file.
 *
 * Returns the document (free with ydoc_free), or NULL after adding one error to diags
 * ("invalid YAML: <libyaml's problem> ..."). An empty document is returned with a NULL
 * root. The text need not outlive the ydoc.
 */
ydoc *ydoc_load(const char *file, const char *text, size_t len, unsigned line_offset,
                unsigned column_offset, diag_list *diags);
/*
 * A text that holds a second document ("---" and more) is returned, after an error
 * ("this file holds a second YAML document, ..."), which ydoc_error_count counts.
 */
void ydoc_free(ydoc *doc);

/*
 * Check the body of a fenced block (compare, before-after) that is meant to be one
 * 'key: value' per line: every line that is not blank, a comment, a list item ("- ...")
 * or indented must have a ':'. Reports each line that has none ("this line is not
 * 'key: value'; ...") at its own position, which YAML itself would put on the next line.
 * text starts at line/column of file. Returns true when every line is fine.
 */
bool ydoc_check_lines(const char *file, const char *text, size_t len, unsigned line,
                      unsigned column, const char *category, diag_list *diags);

/* The root node, or NULL for an empty document. */
yaml_node_t *ydoc_root(ydoc *doc);
const char *ydoc_file(const ydoc *doc);

/* 1-based line and column of a node in the source file. */
unsigned ydoc_line(const ydoc *doc, const yaml_node_t *node);
unsigned ydoc_column(const ydoc *doc, const yaml_node_t *node);

/*
 * Add an error (message: a printf format) to the document's diag_list, at node's position
 * (the file's start when node is NULL), with no category.
 */
void ydoc_error(ydoc *doc, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * Add an error at line and column of the document's file (positions in the file, as
 * ydoc_line and ydoc_column give them, not in the YAML text), with category (may be NULL).
 */
void ydoc_error_at(ydoc *doc, unsigned line, unsigned column, const char *category,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/*
 * How many errors have been reported through doc so far: by ydoc_load, ydoc_error,
 * ydoc_error_at and the checked reads. Errors reported elsewhere, on this thread or
 * another, do not count.
 */
size_t ydoc_error_count(const ydoc *doc);

/* Number of entries of a mapping or items of a sequence (0 for other nodes). */
size_t ydoc_len(const yaml_node_t *node);
/* The i-th key and value of a mapping. */
yaml_node_t *ydoc_map_key(ydoc *doc, yaml_node_t *map, size_t i);
yaml_node_t *ydoc_map_value(ydoc *doc, yaml_node_t *map, size_t i);
/* The value for key in a mapping, or NULL. */
yaml_node_t *ydoc_map_get(ydoc *doc, yaml_node_t *map, const char *key);
/* The i-th item of a sequence. */
yaml_node_t *ydoc_seq_item(ydoc *doc, yaml_node_t *seq, size_t i);

/* A scalar's text (NUL-terminated), or NULL when node is not a scalar. */
const char *ydoc_scalar(const yaml_node_t *node);
/* True when the scalar was written as null: ~, null or nothing, unquoted. */
bool ydoc_is_null(const yaml_node_t *node);

/*
 * Checked reads: each returns the value, or NULL/false after adding an error that names
 * what (e.g. "'title'") and says which type was expected.
 */
bool ydoc_expect_map(ydoc *doc, yaml_node_t *node, const char *what);
bool ydoc_expect_seq(ydoc *doc, yaml_node_t *node, const char *what);
/* A non-empty string scalar (plain, quoted or block). */
const char *ydoc_expect_string(ydoc *doc, yaml_node_t *node, const char *what);
/* A plain integer scalar in [min, max]; stores it in *out. */
bool ydoc_expect_int(ydoc *doc, yaml_node_t *node, const char *what, long min, long max,
                     long *out);
/* true/false (also yes/no). */
bool ydoc_expect_bool(ydoc *doc, yaml_node_t *node, const char *what, bool *out);

/*
 * Check a mapping's keys: each must be a scalar listed in allowed (a NULL-terminated
 * array) and appear once. Reports "unknown key 'titel' in <context>; did you mean
 * 'title'?" and "duplicate key". Returns true when every key is fine.
 */
bool ydoc_check_keys(ydoc *doc, yaml_node_t *map, const char *const *allowed,
                     const char *context);

#endif
