/* searchindex_words.c: the words of a text as the search index and its reader in the browser
 * see them: ICU normalisation, case folding, word boundaries (see searchindex.h). */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/str.h"
#include "render/searchindex_private.h"

/* ---- UTF-16 and normalisation (ICU) ---- */

/* len bytes of UTF-8 as UTF-16 (malloc'd; invalid bytes become U+FFFD); *out_len its length. */
static UChar *S_utf16(const char *s, size_t len, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)len, 0xFFFD, NULL, &err);
    UChar *u = xcalloc((size_t)need + 1, sizeof *u);
    err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, need + 1, out_len, s, (int32_t)len, 0xFFFD, NULL, &err);
    if (U_FAILURE(err))
        *out_len = 0;
    return u;
}

/* u (len units) in the normal form of norm, as a new buffer; *out_len its length. */
static UChar *S_normalize(const UNormalizer2 *norm, const UChar *u, int32_t len,
                          int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    if (unorm2_quickCheck(norm, u, len, &err) == UNORM_YES && U_SUCCESS(err)) {
        UChar *copy = xcalloc((size_t)len + 1, sizeof *copy);
        memcpy(copy, u, (size_t)len * sizeof *u);
        *out_len = len;
        return copy;
    }
    /* NFKC expands a character at most 18 times (U+FDFA); retry with the size ICU asks. */
    int32_t cap = len * 3 + 16;
    for (;;) {
        UChar *out = xcalloc((size_t)cap + 1, sizeof *out);
        err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(norm, u, len, out, cap, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && n > cap) {
            free(out);
            cap = n;
            continue;
        }
        *out_len = U_SUCCESS(err) ? n : 0;
        return out;
    }
}

/* Steps 1 and 2 of searchindex.h over UTF-16: NFKC, then lower case (root locale). */
static UChar *S_fold(const UChar *u, int32_t len, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    int32_t n = 0;
    UChar *nf = S_normalize(nfkc, u, len, &n);
    int32_t cap = n + 16;
    for (;;) {
        UChar *low = xcalloc((size_t)cap + 1, sizeof *low);
        err = U_ZERO_ERROR;
        int32_t m = u_strToLower(low, cap, nf, n, "", &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && m > cap) {
            free(low);
            cap = m;
            continue;
        }
        free(nf);
        *out_len = U_SUCCESS(err) ? m : 0;
        return low;
    }
}

/* Whether c belongs in a word: a letter, a mark or a digit (general category L, M or N). */
static bool S_word_char(UChar32 c)
{
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

char *searchindex_normalise(const char *text, size_t len)
{
    int32_t n16 = 0, nf = 0;
    UChar *u = S_utf16(text, len, &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, folded, nf, &err);
    char *out = xmalloc((size_t)need + 1);
    err = U_ZERO_ERROR;
    u_strToUTF8(out, need + 1, NULL, folded, nf, &err);
    out[U_SUCCESS(err) ? need : 0] = '\0';
    free(folded);
    return out;
}

void si_wordbuf_free(si_wordbuf *wb)
{
    strbuf_free(&wb->text);
    free(wb->entries);
}

/* End the word that starts at byte start of wb's text: keep it, or drop it when too long. */
static void S_end_word(si_wordbuf *wb, size_t start, bool field)
{
    if (wb->text.len - start > SEARCHINDEX_WORD_MAX) {
        wb->text.len = start;
        wb->text.data[start] = '\0';
        return;
    }
    strbuf_putc(&wb->text, '\0');
    if (wb->n == wb->cap) {
        wb->cap = wb->cap ? 2 * wb->cap : 64;
        wb->entries = xreallocarray(wb->entries, wb->cap, sizeof *wb->entries);
    }
    wb->entries[wb->n++] = (si_entry){start, field};
}

/* Append the UTF-8 bytes of c to wb's text. */
static void S_put_char(si_wordbuf *wb, UChar32 c)
{
    uint8_t bytes[U8_MAX_LENGTH];
    int32_t k = 0;
    U8_APPEND_UNSAFE(bytes, k, c);
    strbuf_append(&wb->text, (const char *)bytes, (size_t)k);
}

/* The words of len bytes of UTF-8 through ICU (steps 1 to 3 of searchindex.h). */
static void S_collect_unicode(si_wordbuf *wb, const char *text, size_t len, bool field)
{
    int32_t n16 = 0, nf = 0;
    UChar *u = S_utf16(text, len, &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    size_t start = 0;
    bool in_word = false;
    for (int32_t i = 0; i < nf;) {
        UChar32 c;
        U16_NEXT(folded, i, nf, c);
        if (S_word_char(c)) {
            if (!in_word)
                start = wb->text.len;
            in_word = true;
            S_put_char(wb, c);
        } else if (in_word) {
            S_end_word(wb, start, field);
            in_word = false;
        }
    }
    if (in_word)
        S_end_word(wb, start, field);
    free(folded);
}

/* The same for ASCII text, without ICU: NFKC leaves ASCII as it is, its lower case is
 * A-Z to a-z, and its letters and digits are the ASCII ones. */
static bool S_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void S_collect_ascii(si_wordbuf *wb, const char *text, size_t len, bool field)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && !S_ascii_alnum(text[i]))
            i++;
        size_t from = i;
        while (i < len && S_ascii_alnum(text[i]))
            i++;
        if (i == from)
            break;
        size_t start = wb->text.len;
        strbuf_append(&wb->text, text + from, i - from);
        for (size_t k = start; k < wb->text.len; k++)
            if (wb->text.data[k] >= 'A' && wb->text.data[k] <= 'Z')
                wb->text.data[k] = (char)(wb->text.data[k] - 'A' + 'a');
        S_end_word(wb, start, field);
    }
}

static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Add the words of len bytes of UTF-8 to wb (steps 1 to 3 of searchindex.h). The text is
 * cut at ASCII white space into runs that are all ASCII, done without ICU, and runs that
 * are not. The words are the same as ICU's over the whole text: no word spans white
 * space, NFKC composes nothing with a space, and a space is not case-ignorable, so lower
 * case (the final sigma) sees the same context.
 */
void si_collect(si_wordbuf *wb, const char *text, size_t len, bool field)
{
    size_t i = 0;
    while (i < len) {
        /* A run of one kind: whole space-separated pieces, all ASCII or each not. */
        size_t from = i;
        bool ascii = true, first = true;
        while (i < len) {
            size_t piece = i;
            bool piece_ascii = true;
            while (i < len && S_space(text[i]))
                i++;
            while (i < len && !S_space(text[i]))
                piece_ascii &= (unsigned char)text[i++] < 0x80;
            if (first) {
                ascii = piece_ascii;
                first = false;
            } else if (piece_ascii != ascii) {
                i = piece;
                break;
            }
        }
        if (ascii)
            S_collect_ascii(wb, text + from, i - from, field);
        else
            S_collect_unicode(wb, text + from, i - from, field);
    }
}

void searchindex_words(const char *text, size_t len, strlist *out)
{
    si_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
    si_collect(&wb, text, len, false);
    for (size_t i = 0; i < wb.n; i++)
        strlist_push(out, wb.text.data + wb.entries[i].at);
    si_wordbuf_free(&wb);
}

char *searchindex_sort_key(const char *title)
{
    int32_t n16 = 0, nf = 0, nd = 0;
    UChar *u = S_utf16(title, strlen(title), &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    UErrorCode err = U_ZERO_ERROR;
    UChar *nfd = S_normalize(unorm2_getNFDInstance(&err), folded, nf, &nd);
    free(folded);
    /* Letters and digits only, one space between words: accents and punctuation do not
     * change the order. */
    strbuf key = STRBUF_INIT;
    bool pending_space = false;
    for (int32_t i = 0; i < nd;) {
        UChar32 c;
        U16_NEXT(nfd, i, nd, c);
        if (!S_word_char(c)) {
            pending_space = key.len > 0;
            continue;
        }
        if (U_GET_GC_MASK(c) & U_GC_M_MASK)
            continue;
        if (pending_space)
            strbuf_putc(&key, ' ');
        pending_space = false;
        uint8_t bytes[U8_MAX_LENGTH];
        int32_t k = 0;
        U8_APPEND_UNSAFE(bytes, k, c);
        strbuf_append(&key, (const char *)bytes, (size_t)k);
    }
    free(nfd);
    return strbuf_detach(&key);
}

void searchindex_initial(const char *title, char out[SEARCHINDEX_INITIAL_SIZE])
{
    /* The 19 initial consonants (U+1100..U+1112) as the letters Korean lists are grouped
     * under (Hangul Compatibility Jamo). */
    static const UChar32 jamo[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                     0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                     0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
    char *key = searchindex_sort_key(title);
    int32_t i = 0, len = (int32_t)strlen(key);
    UChar32 c = -1;
    if (len > 0)
        U8_NEXT(key, i, len, c);
    free(key);
    if (c < 0) {
        snprintf(out, SEARCHINDEX_INITIAL_SIZE, "#");
        return;
    }
    if (U_GET_GC_MASK(c) & U_GC_N_MASK) {
        snprintf(out, SEARCHINDEX_INITIAL_SIZE, "0\u20139");
        return;
    }
    if (c >= 0x1100 && c <= 0x1112)
        c = jamo[c - 0x1100];
    else
        c = u_toupper(c);
    int32_t k = 0;
    U8_APPEND_UNSAFE((uint8_t *)out, k, c);
    out[k] = '\0';
}
