/*
 * readability_private.h: what the files of the readability module share
 * (check/readability*.c); no other file includes it. readability.c splits text into words
 * and sentences and keeps the totals, readability_syllables.c reads a word and counts its
 * syllables, readability_ko.c measures Korean text (readability_ko.h) with the same
 * sentence records.
 */
#ifndef SUTURE_READABILITY_PRIVATE_H
#define SUTURE_READABILITY_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <unicode/uchar.h>

#include "check/readability.h"

/* ---- characters ----------------------------------------------------------------------------- */

/*
 * The class of each byte, for the loops that read text a byte at a time and decode UTF-8
 * only where it is not ASCII: RD_SPACE is white space as rd_space answers it for ASCII,
 * RD_LETTER an ASCII letter (with RD_UPPER a capital), RD_DIGIT '0' to '9', RD_MARK a ':'
 * or '@' (which may make a token an address, rd_is_address) and RD_HIGH a byte of 0x80 or
 * more, part of a character to decode. Other ASCII bytes are 0.
 */
enum {
    RD_SPACE = 1,
    RD_LETTER = 2,
    RD_UPPER = 4,
    RD_DIGIT = 8,
    RD_MARK = 16,
    RD_HIGH = 32,
};
extern const unsigned char rd_class[256];

/* Character classes, with ASCII answered without a call into ICU (this is the hot loop of
 * `suture check`: every character of every article). c < 0 is an invalid byte. */
static inline bool rd_alpha(UChar32 c)
{
    return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c) != 0;
}

static inline bool rd_digit(UChar32 c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c) != 0;
}

static inline bool rd_upper(UChar32 c)
{
    return c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c) != 0;
}

static inline bool rd_lower(UChar32 c)
{
    return c < 0x80 ? c >= 'a' && c <= 'z' : u_islower(c) != 0;
}

/* White space, any (U+3000 and U+00A0 too). */
static inline bool rd_space(UChar32 c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return u_isUWhiteSpace(c);
}

/* A character of a word: a letter, a digit or a combining mark. */
static inline bool rd_is_word_char(UChar32 c)
{
    if (c < 0x80)
        return rd_alpha(c) || rd_digit(c);
    return u_isalpha(c) || u_isdigit(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

/* A character a word can start with: a letter or a digit. */
static inline bool rd_word_start(UChar32 c)
{
    return rd_alpha(c) || rd_digit(c);
}

/*
 * Read the word that starts at text[i] (a letter or digit, rd_word_start) and ends before
 * text[n] at the latest (see "Syllables" in readability.h). Returns its syllables;
 * *end receives where it ends.
 */
unsigned rd_read_word(const char *text, int32_t i, int32_t n, int32_t *end);

/* ---- shared by both measures ---------------------------------------------------------------- */

/*
 * True when the white-space-separated token t (n bytes) is an address, not words: it
 * starts with "www." or holds "://" (after opening brackets or quotes), or is an e-mail
 * address (name@host.org). A reader does not read it as words.
 */
bool rd_is_address(const char *t, size_t n);

/*
 * The indexes of the longest of the n sentences sent (most words; of equal ones the
 * earlier first), at most max of them, longest first, written to index (room for max).
 * Returns how many were written.
 */
size_t rd_longest(const readability_sentence *sent, size_t n, size_t max, size_t *index);

#endif
