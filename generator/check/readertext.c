/* readertext.c: reader text with source positions (see readertext.h). */
#include "check/readertext.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/utf8.h"

/* How far ahead the aligner looks for a byte of the literal before giving up. */
#define ALIGN_LOOKAHEAD 64
/* The longest entity (&...;) the aligner recognises; HTML's longest name is 33 bytes. */
#define ENTITY_MAX 40

void rtext_init(reader_text *t)
{
    memset(t, 0, sizeof *t);
}

void rtext_free(reader_text *t)
{
    free(t->text);
    free(t->src);
    rtext_init(t);
}

void rtext_clear(reader_text *t)
{
    t->len = 0;
    if (t->text)
        t->text[0] = '\0';
}

static void S_reserve(reader_text *t, size_t more)
{
    if (t->len + more + 1 <= t->cap)
        return;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + more + 1)
        cap *= 2;
    t->text = xrealloc(t->text, cap);
    t->src = xreallocarray(t->src, cap, sizeof *t->src);
    /* PCRE2's JIT may read a few bytes past the subject: let them be defined. */
    memset(t->text + t->cap, 0, cap - t->cap);
    t->cap = cap;
}

void rtext_append_at(reader_text *t, const char *s, size_t n, size_t at)
{
    S_reserve(t, n);
    for (size_t i = 0; i < n; i++) {
        t->text[t->len] = s[i];
        t->src[t->len] = (uint32_t)at;
        t->len++;
    }
    t->text[t->len] = '\0';
}

/* The length of an entity (&name; &#123; &#x7B;) starting at p, or 0. */
static size_t S_entity_len(const char *p, size_t avail)
{
    if (avail < 3 || p[0] != '&')
        return 0;
    for (size_t k = 1; k < avail && k < ENTITY_MAX; k++) {
        char c = p[k];
        if (c == ';')
            return k > 1 ? k + 1 : 0;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  (c == '#' && k == 1);
        if (!ok)
            return 0;
    }
    return 0;
}

/* How many bytes a and b have in common at their start, up to max: eight at a time. */
static size_t S_same_prefix(const char *a, const char *b, size_t max)
{
    size_t k = 0;
    for (; k + 8 <= max; k += 8) {
        uint64_t x, y;
        memcpy(&x, a + k, sizeof x);
        memcpy(&y, b + k, sizeof y);
        if (x != y)
            break;
    }
    while (k < max && a[k] == b[k])
        k++;
    return k;
}

/* Bytes in the UTF-8 sequence that starts with lead byte c (1 for a stray byte). */
static size_t S_utf8_len(unsigned char c)
{
    if (c >= 0xF0 && c < 0xF8)
        return 4;
    if (c >= 0xE0)
        return c < 0xF0 ? 3 : 1;
    if (c >= 0xC0)
        return 2;
    return 1;
}

void rtext_append_aligned(reader_text *t, const char *lit, size_t n, const char *src,
                          size_t src_len, size_t src_start)
{
    /* Every byte of the literal becomes one byte of reader text: reserve them at once. */
    S_reserve(t, n);
    char *out = t->text;
    uint32_t *at = t->src;
    size_t o = t->len;
    size_t i = src_start < src_len ? src_start : src_len;
    size_t j = 0;
    while (j < n) {
        char c = lit[j];
        if (i < src_len && src[i] == c) {
            /* The usual case: a run of the literal as it is in the source. */
            size_t max = n - j < src_len - i ? n - j : src_len - i;
            size_t run = S_same_prefix(src + i, lit + j, max);
            memcpy(out + o, lit + j, run);
            for (size_t k = 0; k < run; k++)
                at[o + k] = (uint32_t)(i + k);
            o += run;
            i += run;
            j += run;
            continue;
        }
        size_t here = i < src_len ? i : (src_len ? src_len - 1 : 0);
        /* A backslash escape: the backslash is not in the literal. */
        if (i + 1 < src_len && src[i] == '\\' && src[i + 1] == c) {
            out[o] = c;
            at[o++] = (uint32_t)i;
            i += 2;
            j++;
            continue;
        }
        /* An entity stands for one character of the literal. */
        size_t ent = i < src_len ? S_entity_len(src + i, src_len - i) : 0;
        if (ent) {
            size_t cp = S_utf8_len((unsigned char)c);
            if (cp > n - j)
                cp = n - j;
            for (size_t k = 0; k < cp; k++) {
                out[o] = lit[j + k];
                at[o++] = (uint32_t)i;
            }
            j += cp;
            i += ent;
            continue;
        }
        /* Skip source bytes that are not in the literal: quotes, indentation, markup. */
        size_t lim = src_len - i < ALIGN_LOOKAHEAD ? src_len : i + ALIGN_LOOKAHEAD;
        const char *hit = i < lim ? memchr(src + i, c, lim - i) : NULL;
        out[o] = c;
        if (hit) {
            at[o++] = (uint32_t)(hit - src);
            i = (size_t)(hit - src) + 1;
        } else {
            at[o++] = (uint32_t)here;
        }
        j++;
    }
    t->len = o;
    out[o] = '\0';
}

/* ---- normalisation --------------------------------------------------------------------- */

/* Decode the code point at text[*i], advancing *i; U+FFFD for an invalid sequence. */
static UChar32 S_next(const char *text, size_t len, size_t *i)
{
    UChar32 c;
    int32_t pos = (int32_t)*i;
    U8_NEXT(text, pos, (int32_t)len, c);
    *i = (size_t)pos;
    return c < 0 ? 0xFFFD : c;
}

/*
 * Remove Default_Ignorable_Code_Points (zero-width spaces and joiners, soft hyphens...),
 * and write every other white space as ' ' and every decimal digit as its ASCII digit, so
 * that the ASCII \s and \d of the prefilter (compliance.h) see what PCRE2's Unicode ones see.
 */
static void S_drop_ignorables(reader_text *t)
{
    size_t out = 0, i = 0;
    while (i < t->len) {
        size_t start = i;
        UChar32 c = S_next(t->text, t->len, &i);
        if (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        int32_t digit = c >= 0x80 ? u_charDigitValue(c) : -1;
        bool space = c >= 0x80 && u_isUWhiteSpace(c);
        if (space || (digit >= 0 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER)) {
            t->text[out] = space ? ' ' : (char)('0' + digit);
            t->src[out] = t->src[start];
            out++;
            continue;
        }
        for (size_t k = start; k < i; k++) {
            t->text[out] = t->text[k];
            t->src[out] = t->src[k];
            out++;
        }
    }
    t->len = out;
    t->text[out] = '\0';
}

/* The text as UTF-16 (the caller frees it), for ICU's normaliser; NULL on failure. */
static UChar *S_utf16(const char *s, size_t n, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)n, 0xFFFD, NULL, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return NULL;
    err = U_ZERO_ERROR;
    UChar *u = xcalloc((size_t)need + 1, sizeof *u);
    u_strFromUTF8WithSub(u, need + 1, out_len, s, (int32_t)n, 0xFFFD, NULL, &err);
    if (U_FAILURE(err)) {
        free(u);
        return NULL;
    }
    return u;
}

/* Append the NFKC form of s (n bytes), every byte placed at source offset at. */
static void S_append_normalized(reader_text *out, const UNormalizer2 *nfkc, const char *s,
                                size_t n, size_t at)
{
    int32_t len16 = 0;
    UChar *u = S_utf16(s, n, &len16);
    if (!u) {
        rtext_append_at(out, s, n, at);
        return;
    }
    UErrorCode err = U_ZERO_ERROR;
    /* NFKC expands a character at most 18 times (U+FDFA). */
    int32_t cap = len16 * 18 + 4;
    UChar *norm = xcalloc((size_t)cap, sizeof *norm);
    int32_t norm_len = unorm2_normalize(nfkc, u, len16, norm, cap, &err);
    if (U_FAILURE(err)) {
        rtext_append_at(out, s, n, at);
    } else {
        int32_t need = 0;
        err = U_ZERO_ERROR;
        u_strToUTF8(NULL, 0, &need, norm, norm_len, &err);
        char *utf8 = xmalloc((size_t)need + 1);
        err = U_ZERO_ERROR;
        u_strToUTF8(utf8, need + 1, NULL, norm, norm_len, &err);
        if (U_FAILURE(err))
            rtext_append_at(out, s, n, at);
        else
            rtext_append_at(out, utf8, (size_t)need, at);
        free(utf8);
    }
    free(norm);
    free(u);
}

void rtext_normalize(reader_text *t)
{
    if (utf8_ascii_prefix(t->text, t->len) == t->len)
        return;
    S_drop_ignorables(t);
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err))
        return;
    int32_t len16 = 0;
    UChar *u = S_utf16(t->text, t->len, &len16);
    if (!u)
        return;
    UNormalizationCheckResult quick = unorm2_quickCheck(nfkc, u, len16, &err);
    free(u);
    if (U_FAILURE(err) || quick == UNORM_YES)
        return;
    /*
     * Normalise one chunk at a time, a chunk ending where the next character starts a new
     * normalisation unit, so each output byte keeps the position of the character (with its
     * combining marks) it came from.
     */
    reader_text out;
    rtext_init(&out);
    size_t i = 0;
    while (i < t->len) {
        size_t start = i;
        S_next(t->text, t->len, &i);
        size_t end = i;
        while (end < t->len) {
            size_t k = end;
            UChar32 c = S_next(t->text, t->len, &k);
            if (unorm2_hasBoundaryBefore(nfkc, c))
                break;
            end = k;
        }
        i = end;
        if (end - start == 1)
            rtext_append_at(&out, t->text + start, 1, t->src[start]);
        else
            S_append_normalized(&out, nfkc, t->text + start, end - start, t->src[start]);
    }
    rtext_free(t);
    *t = out;
    if (!t->text) {
        S_reserve(t, 0);
        t->text[0] = '\0';
    }
}

/* ---- source positions ------------------------------------------------------------------ */

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
