/* sourcelines.c: byte offsets to line:column and back (see sourcelines.h). */
#include "base/sourcelines.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

void source_lines_init(source_lines *s, const char *text, size_t len)
{
    size_t cap = 64;
    s->text = text;
    s->len = len;
    s->starts = xreallocarray(NULL, cap, sizeof *s->starts);
    s->n = 0;
    s->starts[s->n++] = 0;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p)));) {
        p++;
        if (s->n == cap) {
            cap *= 2;
            s->starts = xreallocarray(s->starts, cap, sizeof *s->starts);
        }
        s->starts[s->n++] = (size_t)(p - text);
    }
}

void source_lines_free(source_lines *s)
{
    free(s->starts);
    memset(s, 0, sizeof *s);
}

size_t source_offset(const source_lines *s, unsigned line, unsigned byte_column)
{
    if (line == 0)
        line = 1;
    if (line > s->n)
        return s->len;
    size_t off = s->starts[line - 1] + (byte_column ? byte_column - 1 : 0);
    return off < s->len ? off : s->len;
}

void source_position(const source_lines *s, size_t offset, unsigned *line, unsigned *column)
{
    if (offset > s->len)
        offset = s->len;
    size_t lo = 0, hi = s->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    unsigned col = 1;
    for (size_t k = s->starts[lo]; k < offset; k++)
        if (((unsigned char)s->text[k] & 0xC0) != 0x80)
            col++;
    *line = (unsigned)lo + 1;
    *column = col;
}

size_t source_offset_chars(const source_lines *s, unsigned line, unsigned column)
{
    size_t off = source_offset(s, line, 1);
    for (unsigned c = 1; c < column && off < s->len && s->text[off] != '\n'; c++) {
        off++;
        while (off < s->len && ((unsigned char)s->text[off] & 0xC0) == 0x80)
            off++;
    }
    return off;
}
