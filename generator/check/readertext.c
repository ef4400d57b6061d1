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

/* ASCII white space, what PCRE2's \s matches below U+0080: tab, line feed, vertical tab,
 * form feed, carriage return and space. */
static bool S_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Eight bytes at u as one word, the first byte lowest (the order the masks below assume). */
static uint64_t S_load8(const unsigned char *u)
{
    /* Written out, so that the compiler makes it one load where bytes are in this order. */
    return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 | (uint64_t)u[3] << 24 |
           (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 | (uint64_t)u[6] << 48 |
           (uint64_t)u[7] << 56;
}

#define S_ONES UINT64_C(0x0101010101010101)
#define S_HIGH UINT64_C(0x8080808080808080)
#define S_LOW7 UINT64_C(0x7F7F7F7F7F7F7F7F)

/* The high bit of each byte of w whose low seven bits are below b (1 <= b <= 0x80). */
static uint64_t S_below(uint64_t w, unsigned b)
{
    return ~((w & S_LOW7) + S_ONES * (0x80u - b)) & S_HIGH;
}

/* The high bit of each byte of w equal to b. */
static uint64_t S_equal(uint64_t w, unsigned b)
{
    uint64_t y = w ^ (S_ONES * b);
    return ~(((y & S_LOW7) + S_LOW7) | y | S_LOW7);
}

/*
 * The start of the first 8-byte word of u[0..n) whose ASCII white space is not as
 * rtext_normalize leaves it (a tab, CR, VT or FF, or two of ' ' and '\n' in a row), or n.
 * Eight bytes at a time, without a branch for each (spaces come every few bytes, and a branch
 * on them is mispredicted often enough to cost more than the test). *lead, when given, is
 * set when a byte before the returned offset may start non-ASCII white space (C2: U+0085,
 * U+00A0; E1: U+1680; E2: U+2000 to U+205F; E3: U+3000).
 */
static size_t S_space_scan(const unsigned char *u, size_t n, bool *lead)
{
    uint64_t prev_ws = 0, leads = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = S_load8(u + i);
        uint64_t ws = S_equal(w, ' ') | S_equal(w, '\n');
        uint64_t ctl = S_below(w, '\r' + 1) & ~S_below(w, '\t') & ~S_equal(w, '\n') & ~w;
        uint64_t pair = ws & (ws << 8 | prev_ws >> 56);
        leads |= w & S_HIGH & ~S_below(w, 0xC2 - 0x80) & S_below(w, 0xE3 - 0x80 + 1);
        if (ctl | pair)
            break;
        prev_ws = ws;
    }
    if (i + 8 > n) {
        unsigned prev = prev_ws >> 63;
        for (; i < n; i++) {
            unsigned c = u[i], ws = c == ' ' || c == '\n';
            if ((c >= '\t' && c <= '\r' && c != '\n') || (ws && prev))
                break;
            leads |= c >= 0xC2 && c <= 0xE3;
            prev = ws;
        }
        /* Report the word (or the tail) the change is in from its start, as above. */
        if (i < n)
            i = i - i % 8;
    }
    if (lead)
        *lead = leads != 0;
    return i < n ? i : n;
}

bool rtext_space_normalized(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    bool lead = false;
    if (S_space_scan(u, len, &lead) != len)
        return false;
    if (!lead)
        return true;
    for (size_t i = 0; i < len; i++) {
        unsigned c = u[i];
        if (c - 0xC2u > 0xE3u - 0xC2u || (c > 0xC2 && c < 0xE1))
            continue;
        UChar32 cp;
        int32_t at = (int32_t)i;
        U8_NEXT(u, at, (int32_t)(len < INT32_MAX ? len : INT32_MAX), cp);
        if (cp >= 0 && u_isUWhiteSpace(cp))
            return false;
    }
    return true;
}

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
            /* NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line, as '\n' does. */
            bool line_end = c == 0x85 || c == 0x2028 || c == 0x2029;
            t->text[out] = space ? (line_end ? '\n' : ' ') : (char)('0' + digit);
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

/*
 * Write every run of white space as one character: '\n' when the run ends a line (it holds a
 * '\n' or '\r'), else ' '. Each written character keeps the position of the run's first
 * byte. Only ASCII white space is left by then (S_drop_ignorables and NFKC turned the rest
 * into ' ' or '\n').
 */
static void S_collapse_space(reader_text *t)
{
    size_t i = S_space_scan((const unsigned char *)t->text, t->len, NULL);
    /* Start at the beginning of the run the first change is in. */
    while (i > 0 && i < t->len && S_ascii_space(t->text[i - 1]))
        i--;
    size_t out = i;
    while (i < t->len) {
        char c = t->text[i];
        if (!S_ascii_space(c)) {
            t->text[out] = c;
            t->src[out++] = t->src[i++];
            continue;
        }
        uint32_t at = t->src[i];
        bool line_end = false;
        for (; i < t->len && S_ascii_space(t->text[i]); i++)
            line_end = line_end || t->text[i] == '\n' || t->text[i] == '\r';
        t->text[out] = line_end ? '\n' : ' ';
        t->src[out++] = at;
    }
    t->len = out;
    if (t->text)
        t->text[out] = '\0';
}

/* The rest of rtext_normalize, for text that is not all ASCII. */
static void S_normalize_unicode(reader_text *t);

void rtext_normalize(reader_text *t)
{
    if (utf8_ascii_prefix(t->text, t->len) != t->len)
        S_normalize_unicode(t);
    S_collapse_space(t);
}

static void S_normalize_unicode(reader_text *t)
{
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
