/* utf8.c: the first invalid byte of a text, and the one message about it (see utf8.h). */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

/* The length of the valid character at s (n bytes left), or 0 when it is not valid. */
static size_t S_char_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong below U+0800 */
        else if (c == 0xED)
            hi = 0x9F; /* U+D800..U+DFFF are surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong below U+10000 */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0; /* a continuation byte on its own, C0, C1, F5..FF */
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

size_t utf8_ascii_prefix(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        if (w & UINT64_C(0x8080808080808080))
            break;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

/* The offset of the first byte of text that is not part of a valid character, or len. */
static size_t S_first_invalid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        i += utf8_ascii_prefix((const char *)s + i, len - i);
        if (i == len)
            break;
        size_t n = S_char_len(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

static utf8_position S_position(const char *text, size_t offset);

bool utf8_valid(const char *text, size_t len, utf8_position *at)
{
    size_t bad = S_first_invalid((const unsigned char *)text, len);
    if (bad == len)
        return true;
    /* Lines and columns only for the text that has a bad byte: the one slow pass. */
    if (at)
        *at = S_position(text, bad);
    return false;
}

void utf8_report(diag_list *diags, const char *file, const utf8_position *at,
                 const char *category)
{
    diag_error(diags, file, at->line, at->column, category, UTF8_MESSAGE, at->line,
               at->column);
}

bool utf8_check(const char *text, size_t len, const char *file, const char *category,
                diag_list *diags)
{
    utf8_position at;
    if (utf8_valid(text, len, &at))
        return true;
    utf8_report(diags, file, &at, category);
    return false;
}

/* The line and column (from 1; columns in characters) of offset in valid UTF-8 text. */
static utf8_position S_position(const char *text, size_t offset)
{
    utf8_position at = {offset, 1, 1};
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < offset;) {
        size_t n = S_char_len(s + i, offset - i);
        if (n == 0)
            n = 1;
        if (s[i] == '\n') {
            at.line++;
            at.column = 1;
        } else {
            at.column++;
        }
        i += n;
    }
    return at;
}

bool utf8_warn_after(const char *text, size_t len, size_t from, const char *file,
                     const char *category, diag_list *diags)
{
    if (from >= len)
        return true;
    /* The body alone first: most files are valid, and then the front matter is not read
     * twice. */
    if (utf8_valid(text + from, len - from, NULL)) {
        /* Valid, but a NUL is no character of text either: CommonMark turns it into
         * U+FFFD, published as a question mark in a diamond. */
        const char *nul = memchr(text + from, '\0', len - from);
        if (!nul)
            return true;
        utf8_position at = S_position(text, (size_t)(nul - text));
        diag_add(diags, DIAG_WARNING, file, at.line, at.column, category, UTF8_NUL_MESSAGE,
                 at.line, at.column);
        return false;
    }
    utf8_position at;
    if (utf8_valid(text, len, &at) || at.offset < from)
        return true;
    diag_add(diags, DIAG_WARNING, file, at.line, at.column, category, UTF8_PAGE_MESSAGE,
             at.line, at.column);
    return false;
}
