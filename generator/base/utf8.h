/*
 * utf8.h: finding where a file stops being valid UTF-8, and saying so once, in plain words.
 *
 * libxml2 says "Input is not proper UTF-8, indicate encoding !" followed by the bytes it
 * met, once per bad byte, and then goes on with text it has guessed at, which makes knock-on
 * errors further down (issue 14, point 11). suture's readers check the bytes first instead,
 * report the first bad one with its line and column, and do not parse the file.
 */
#ifndef SUTURE_UTF8_H
#define SUTURE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* Where the first invalid byte is: its offset, and its line and column from 1 (the column
 * counts characters, as editors do, not bytes). */
typedef struct utf8_position {
    size_t offset;
    unsigned line;
    unsigned column;
} utf8_position;

/*
 * Whether the len bytes of text are valid UTF-8 (RFC 3629: no overlong forms, no UTF-16
 * surrogates, nothing above U+10FFFF, no sequence cut short). When not, and at is not NULL,
 * fills *at with the position of the first byte that is not part of a valid character.
 */
bool utf8_valid(const char *text, size_t len, utf8_position *at);

/*
 * The number of bytes at the start of text (n bytes) below 0x80: ASCII, which needs no
 * decoding. Reads eight bytes at a time, so that the mostly ASCII text of an English page
 * is passed over quickly.
 */
size_t utf8_ascii_prefix(const char *text, size_t n);

/* The message, with the line and the column as its two %u. */
#define UTF8_MESSAGE \
    "this file is not valid UTF-8 at line %u, column %u: save it as UTF-8 in your editor"

/* Add one error to diags at file:line:column of at (category may be NULL), UTF8_MESSAGE. */
void utf8_report(diag_list *diags, const char *file, const utf8_position *at,
                 const char *category);

/*
 * utf8_valid, then utf8_report when the text is not valid. Returns true when it is valid
 * (nothing reported), false when it reported the error.
 */
bool utf8_check(const char *text, size_t len, const char *file, const char *category,
                diag_list *diags);

/* The warning about text that is published although it is not UTF-8, with the line and the
 * column as its two %u: cmark and libxml2 replace each bad byte with U+FFFD, shown as a
 * question mark in a diamond. */
#define UTF8_PAGE_MESSAGE                                                                     \
    "this file is not valid UTF-8 at line %u, column %u (the bytes show as \xEF\xBF\xBD on " \
    "the page): save it as UTF-8 in your editor"

/* The warning about a NUL byte in published text, with its line and column as the two %u. */
#define UTF8_NUL_MESSAGE                                                                      \
    "this file holds a NUL character at line %u, column %u (it shows as \xEF\xBF\xBD on the " \
    "page): delete it in your editor; it often comes from text pasted from another program"

/*
 * For a file whose first from bytes were read by a reader that reports bad UTF-8 itself
 * (libyaml, for an article's front matter), and the rest published as it is (the body):
 * when the first invalid byte of the len bytes of text is at from or after it, add one
 * warning to diags at its line and column in the file (category may be NULL),
 * UTF8_PAGE_MESSAGE, and return false. When the body is valid UTF-8 but holds a NUL byte
 * (which CommonMark replaces with U+FFFD), add one warning at the first, UTF8_NUL_MESSAGE,
 * and return false. When the text is valid, or its first invalid byte is before from
 * (reported already), say nothing and return true.
 */
bool utf8_warn_after(const char *text, size_t len, size_t from, const char *file,
                     const char *category, diag_list *diags);

#endif
