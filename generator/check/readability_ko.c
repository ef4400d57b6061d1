/* readability_ko.c: sentence and paragraph length of Korean text (see readability_ko.h). */
#include "check/readability_ko.h"

#include <math.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "check/readability_private.h"

struct readability_ko {
    readability_sentence *sent;
    size_t n, cap;
    readability_ko_counts totals;
    UBreakIterator *brk;   /* NULL when ICU could not open it */
    UText *utext;
};

readability_ko *readability_ko_new(void)
{
    readability_ko *r = xcalloc(1, sizeof *r);
    UErrorCode err = U_ZERO_ERROR;
    r->brk = ubrk_open(UBRK_SENTENCE, "ko", NULL, 0, &err);
    if (U_FAILURE(err))
        r->brk = NULL;
    return r;
}

void readability_ko_free(readability_ko *r)
{
    if (!r)
        return;
    if (r->brk)
        ubrk_close(r->brk);
    if (r->utext)
        utext_close(r->utext);
    free(r->sent);
    free(r);
}

/* ---- 어절 and sentences ---------------------------------------------------------------------- */

/* True when text[at - 1] ends white space (at > 0). */
static bool S_space_before(const char *text, size_t at)
{
    int32_t i = (int32_t)at;
    UChar32 c;
    U8_PREV(text, 0, i, c);
    return rd_space(c);
}

/* True when the token text[from, to) holds a letter or a digit and is no address. */
static bool S_is_eojeol(const char *text, size_t from, size_t to)
{
    int32_t i = (int32_t)from;
    bool word = false;
    while (!word && (size_t)i < to) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)to, c);
        word = rd_word_start(c);
    }
    return word && !rd_is_address(text + from, to - from);
}

/* Count the 어절 of the sentence text[from, to) into a new record, kept when it has any. */
static size_t S_sentence(readability_ko *r, const char *text, size_t from, size_t to,
                         const uint32_t *offsets)
{
    readability_sentence s = {0};
    size_t i = from;
    while (i < to) {
        /* Skip white space, then take the token up to the next. */
        int32_t k = (int32_t)i;
        UChar32 c;
        U8_NEXT(text, k, (int32_t)to, c);
        if (rd_space(c)) {
            i = (size_t)k;
            continue;
        }
        size_t start = i;
        for (i = (size_t)k; i < to; i = (size_t)k) {
            k = (int32_t)i;
            U8_NEXT(text, k, (int32_t)to, c);
            if (rd_space(c))
                break;
        }
        if (S_is_eojeol(text, start, i)) {
            if (s.words == 0)
                s.offset = offsets ? offsets[start] : start;
            s.words++;
        }
    }
    if (s.words == 0)
        return 0;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->sent = xreallocarray(r->sent, r->cap, sizeof *r->sent);
    }
    r->sent[r->n++] = s;
    r->totals.sentences++;
    r->totals.eojeol += s.words;
    return 1;
}

/* The next sentence boundary after at in the block (len bytes): ICU's, when it follows
 * white space; the block's end otherwise. */
static size_t S_next_boundary(readability_ko *r, const char *text, size_t len, size_t at)
{
    if (!r->brk)
        return len;
    int32_t b = ubrk_following(r->brk, (int32_t)at);
    while (b != UBRK_DONE && (size_t)b < len && !S_space_before(text, (size_t)b))
        b = ubrk_following(r->brk, b);
    return b == UBRK_DONE || (size_t)b > len ? len : (size_t)b;
}

void readability_ko_add_block(readability_ko *r, const char *text, size_t len,
                              const uint32_t *offsets, bool paragraph)
{
    if (len == 0)
        return;
    if (r->brk) {
        UErrorCode err = U_ZERO_ERROR;
        r->utext = utext_openUTF8(r->utext, text, (int64_t)len, &err);
        if (U_SUCCESS(err))
            ubrk_setUText(r->brk, r->utext, &err);
        if (U_FAILURE(err)) {
            /* Without the iterator the block is one sentence, as the end of a block is. */
            ubrk_close(r->brk);
            r->brk = NULL;
        }
    }
    size_t first = r->n, sentences = 0;
    for (size_t from = 0; from < len;) {
        size_t to = S_next_boundary(r, text, len, from);
        sentences += S_sentence(r, text, from, to, offsets);
        from = to;
    }
    if (!paragraph || sentences == 0)
        return;
    r->totals.paragraphs++;
    r->totals.paragraph_sentences += sentences;
    if (sentences > r->totals.longest_paragraph) {
        r->totals.longest_paragraph = sentences;
        r->totals.longest_paragraph_offset = r->sent[first].offset;
    }
}

/* ---- results -------------------------------------------------------------------------------- */

readability_ko_counts readability_ko_totals(const readability_ko *r)
{
    return r->totals;
}

double readability_ko_mean_eojeol(const readability_ko *r)
{
    if (!r->totals.sentences)
        return NAN;
    return (double)r->totals.eojeol / (double)r->totals.sentences;
}

double readability_ko_mean_paragraph(const readability_ko *r)
{
    if (!r->totals.paragraphs)
        return NAN;
    return (double)r->totals.paragraph_sentences / (double)r->totals.paragraphs;
}

const readability_sentence *readability_ko_sentences(const readability_ko *r, size_t *n)
{
    *n = r->n;
    return r->sent;
}

size_t readability_ko_longest(const readability_ko *r, size_t max, size_t *index)
{
    return rd_longest(r->sent, r->n, max, index);
}

bool readability_ko_applies(const char *lang)
{
    return slug_language_in(lang, "ko");
}
