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
 * root. A text that holds a second document ("---" and more) is returned after an error
 * ("this file holds a second YAML document, ..."), which ydoc_error_count counts. The
 * text need not outlive the ydoc.
 */
ydoc *ydoc_load(const char *file, const char *text, size_t len, unsigned line_offset,
                unsigned column_offset, diag_list *diags);

/*
 * ydoc_load for a text a Korean writer wrote when korean (a Korean article's front matter, a
 * block in a Korean article): the errors of loading it ("YAML 형식 오류: ..." with libyaml's
 * own words in parentheses) are in Korean, and so are the document's generic messages
 * afterwards (ydoc_set_korean).
 */
ydoc *ydoc_load_in(const char *file, const char *text, size_t len, unsigned line_offset,
                   unsigned column_offset, bool korean, diag_list *diags);

/*
 * Tell the generic mistakes of doc (ydoc_expect_*, ydoc_check_keys, ydoc_root_map) in
 * Korean when korean: for a file a Korean writer wrote (a Korean article's front matter).
 * The what and context the caller passes are put into the sentence as they are, so they
 * must then be Korean too ("프런트 매터"); a quoted key ("'title'") reads in either.
 */
void ydoc_set_korean(ydoc *doc, bool korean);
/* Whether doc's messages are in Korean (ydoc_set_korean, ydoc_load_in). */
bool ydoc_korean(const ydoc *doc);
/* Free the document and its nodes. Accepts NULL. */
void ydoc_free(ydoc *doc);

/*
 * Read the YAML file at path and load it with ydoc_load (no offsets). When the file cannot
 * be read, adds one error to diags (diag_file_problem: category may be NULL, what names
 * the file's role, e.g. "the glossary") and returns NULL; when it is not valid YAML,
 * returns NULL after ydoc_load's error. With absent not NULL the file may be left out: a
 * path where nothing is (not even a symbolic link to nothing) returns NULL with *absent
 * set to true and no error; *absent is false in every other case. With absent NULL, a
 * missing file is an error like any other.
 */
ydoc *ydoc_load_file(const char *path, const char *category, const char *what, bool *absent,
                     diag_list *diags);
/*
 * ydoc_load_file for a file whose mistakes are told in Korean when korean (ydoc_load_in):
 * glossary.yaml on a Korean-first site. A file that cannot be read is told in English.
 */
ydoc *ydoc_load_file_in(const char *path, const char *category, const char *what,
                        bool *absent, bool korean, diag_list *diags);

/*
 * Load the body of a fenced block (compare, before-after): text (len bytes) whose first
 * line is line of file, starting at column, meant to be one 'key: value' per line. Every
 * line that is not blank, a comment, a list item ("- ...") or indented must have a ':';
 * each that has none is reported at its own position, with category ("this line is not
 * 'key: value'; add the ':' after the key"; YAML itself would point at the next line).
 * Then the text is loaded with ydoc_load_in, its positions pointing into file; korean: the
 * block is in a Korean article, and every message about it is in Korean. Returns the
 * document (free with ydoc_free), or NULL after those errors.
 */
ydoc *ydoc_load_block(const char *file, const char *text, size_t len, unsigned line,
                      unsigned column, const char *category, bool korean, diag_list *diags);

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
 * The document's root as a mapping, with its keys checked against keys (ydoc_check_keys,
 * with context naming the document, e.g. "site.yaml"). Returns NULL when the root is not
 * a mapping, after an error at the root: not_map when given, else ydoc_expect_map's
 * ("site.yaml must be a mapping of 'key: value' lines, but it is a list"). An empty
 * document returns NULL with no error when empty_ok, and is such a mistake otherwise.
 */
yaml_node_t *ydoc_root_map(ydoc *doc, const char *const *keys, const char *context,
                           const char *not_map, bool empty_ok);

/*
 * The list a document must have under key in map: NULL after an error when there is none
 * (missing, the whole message, at map) or it is not a list ("'<key>' must be a list, ...",
 * ydoc_expect_seq). The list may be empty.
 */
yaml_node_t *ydoc_require_seq(ydoc *doc, yaml_node_t *map, const char *key,
                              const char *missing);

/*
 * One entry of a list of mappings (a topic, a procedure, a glossary term, a rule): true
 * when node is a mapping, after checking its keys against keys (ydoc_check_keys, with
 * context such as "a topic"; unknown keys do not make it false); false after
 * "<what> must be a mapping of 'key: value' lines, but it is ..." (what: "each topic").
 */
bool ydoc_expect_entry(ydoc *doc, yaml_node_t *node, const char *what,
                       const char *const *keys, const char *context);

/*
 * The 'id' an entry (a mapping) must have: a text made only of lower-case letters, digits
 * and hyphens (slug_is_valid), which names the entry in URLs, anchors and references.
 * Reports, and returns NULL after: missing (the whole message, at the entry) when there is
 * no 'id'; ydoc_expect_string's errors, naming it what (e.g. "a topic's 'id'"); and
 * "<kind> id '<id>' may use only lower-case letters, digits and hyphens" at the value
 * (kind: e.g. "topic"; in Korean, "<kind> id '<id>'에는 ...", when the document's messages
 * are, and then what, missing and kind must be Korean too). Returns the id, which belongs
 * to the document. *at (when at is not NULL) is set to the id's node, or NULL when there is
 * none, for the caller's own checks such as an id used twice.
 */
const char *ydoc_expect_id(ydoc *doc, yaml_node_t *entry, const char *what,
                           const char *missing, const char *kind, yaml_node_t **at);

/*
 * Check a mapping's keys: each must be a scalar listed in allowed (a NULL-terminated
 * array) and appear once. Reports "unknown key 'titel' in <context>; did you mean
 * 'title'?" and "duplicate key". Returns true when every key is fine.
 */
bool ydoc_check_keys(ydoc *doc, yaml_node_t *map, const char *const *allowed,
                     const char *context);

#endif
