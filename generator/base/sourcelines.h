/*
 * sourcelines.h: the lines of a source file, for turning byte offsets into line:column and
 * back. Columns come in two counts: bytes, as cmark gives them, and Unicode characters, as
 * libyaml and editors give them (and as every diagnostic reports them, so that a Korean
 * line points where an editor does).
 */
#ifndef SUTURE_SOURCELINES_H
#define SUTURE_SOURCELINES_H

#include <stddef.h>

typedef struct source_lines {
    const char *text;
    size_t len;
    size_t *starts;  /* starts[i]: offset of the first byte of line i + 1 */
    size_t n;        /* number of lines (at least 1) */
} source_lines;

/* Index text (len bytes; must outlive the index). Free with source_lines_free. */
void source_lines_init(source_lines *s, const char *text, size_t len);
void source_lines_free(source_lines *s);

/*
 * The offset of line (from 1) and byte column (from 1, as cmark counts) in the file;
 * clamped to the file's end.
 */
size_t source_offset(const source_lines *s, unsigned line, unsigned byte_column);

/* The offset of line and column (both from 1; the column in characters, as libyaml counts). */
size_t source_offset_chars(const source_lines *s, unsigned line, unsigned column);

/*
 * The line (from 1) and column (from 1, in Unicode characters, as libyaml and editors
 * count) of byte offset in the file.
 */
void source_position(const source_lines *s, size_t offset, unsigned *line, unsigned *column);

#endif
