/* readability.c: the Flesch–Kincaid grade level of English text (see readability.h). */
#include "check/readability.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "check/readability_private.h"

struct readability {
    readability_sentence *sent;
    size_t n, cap;
    size_t words, syllables;
};

readability *readability_new(void)
{
    return xcalloc(1, sizeof(readability));
}

void readability_free(readability *r)
{
    if (!r)
        return;
    free(r->sent);
    free(r);
}

/* ---- words and sentences -------------------------------------------------------------------- */

/* Characters that may close a sentence after its full stop: quotes and brackets. */
static bool S_is_closing(UChar32 c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x2019 ||
           c == 0x201D || c == 0xBB || c == 0x203A;
}

static bool S_is_opening(UChar32 c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x2018 ||
           c == 0x201C || c == 0xAB || c == 0x2039;
}

/* The first code point of text[from, to) after opening quotes and brackets, or -1. */
static UChar32 S_first_letter(const char *text, size_t from, size_t to)
{
    int32_t i = (int32_t)from;
    while ((size_t)i < to) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)to, c);
        if (!S_is_opening(c))
            return c;
    }
    return -1;
}

bool rd_is_address(const char *t, size_t n)
{
    while (n && (*t == '(' || *t == '<' || *t == '[' || *t == '"')) {
        t++;
        n--;
    }
    if (n >= 4 && (t[0] == 'w' || t[0] == 'W') && (t[1] == 'w' || t[1] == 'W') &&
        (t[2] == 'w' || t[2] == 'W') && t[3] == '.')
        return true;
    for (const char *c = memchr(t, ':', n); c; c = memchr(c + 1, ':', (size_t)(t + n - c - 1)))
        if (t + n - c >= 3 && c[1] == '/' && c[2] == '/')
            return true;
    const char *at = memchr(t, '@', n);
    return at && at > t && at + 1 < t + n && memchr(at, '.', (size_t)(t + n - at)) != NULL &&
           at[1] != '.';
}

/* Abbreviations after which a full stop does not end a sentence (lower case, no dot). */
static const char *const S_abbreviations[] = {
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "cf", "approx", "ca", "fig", "incl", "dept",
    "jr", "sr", NULL,
};

/*
 * True when token t (n bytes, its trailing closing quotes and brackets removed, ending in
 * one '.') is an abbreviation: listed, letters with full stops between (e.g., U.S.), or
 * one capital letter.
 */
static bool S_is_abbreviation(const char *t, size_t n)
{
    while (n && (*t == '(' || *t == '"' || *t == '\'' || *t == '['))
        t++, n--;
    if (n < 2)
        return false;
    size_t k = n - 1; /* without the final '.' */
    if (k == 1 && t[0] >= 'A' && t[0] <= 'Z')
        return true;
    bool dotted = k >= 3;
    for (size_t i = 0; i < k && dotted; i++)
        dotted = (i % 2 == 0) ? ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z') : t[i] == '.';
    if (dotted && k % 2 == 1)
        return true;
    for (size_t a = 0; S_abbreviations[a]; a++) {
        const char *x = S_abbreviations[a];
        size_t xn = strlen(x);
        if (xn != k)
            continue;
        size_t i = 0;
        while (i < k && (t[i] | 0x20) == x[i])
            i++;
        if (i == k)
            return true;
    }
    return false;
}

/*
 * Whether the token text[from, to) ends a sentence, given the next token text[next, next_end)
 * (next == next_end at the end of the block, which ends it anyway).
 */
static bool S_ends_sentence(const char *text, size_t from, size_t to, size_t next,
                            size_t next_end)
{
    /* Most tokens end in a letter or a comma: nothing to look at. */
    switch ((unsigned char)text[to - 1]) {
    case '.': case '!': case '?': case '"': case '\'': case ')': case ']': case '}':
        break;
    default:
        if ((unsigned char)text[to - 1] < 0x80)
            return false;
    }
    /* Step back over closing quotes and brackets. */
    int32_t end = (int32_t)to;
    while (end > (int32_t)from) {
        int32_t j = end;
        UChar32 c;
        U8_PREV(text, (int32_t)from, j, c);
        if (!S_is_closing(c))
            break;
        end = j;
    }
    if (end <= (int32_t)from)
        return false;
    int32_t j = end;
    UChar32 last;
    U8_PREV(text, (int32_t)from, j, last);
    if (last == '!' || last == '?')
        return true;
    bool ellipsis = last == 0x2026 ||
                    (last == '.' && end - (int32_t)from >= 3 && text[end - 2] == '.' &&
                     text[end - 3] == '.');
    if (last != '.' && !ellipsis)
        return false;
    if (next == next_end)
        return true;
    UChar32 first = S_first_letter(text, next, next_end);
    if (ellipsis)
        return rd_upper(first);
    if (rd_lower(first) || rd_digit(first))
        return false;
    return !S_is_abbreviation(text + from, (size_t)(end - (int32_t)from));
}

static void S_close_sentence(readability *r, readability_sentence *cur)
{
    if (cur->words == 0)
        return;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->sent = xreallocarray(r->sent, r->cap, sizeof *r->sent);
    }
    r->sent[r->n++] = *cur;
    *cur = (readability_sentence){0};
}

/* Count the words of the token text[from, to) into cur. */
static void S_words(readability *r, readability_sentence *cur, const char *text, size_t from,
                    size_t to, const uint32_t *offsets)
{
    int32_t i = (int32_t)from, n = (int32_t)to;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(text, i, n, c);
        if (!rd_word_start(c))
            continue;
        /* e.g., i.e., U.S.: letters with full stops after each, one word of one syllable. */
        int32_t dots = start;
        while (dots + 1 < n && ((text[dots] | 0x20) >= 'a' && (text[dots] | 0x20) <= 'z') &&
               text[dots + 1] == '.')
            dots += 2;
        if (dots - start >= 4 && (dots >= n || !rd_is_word_char((unsigned char)text[dots]))) {
            if (cur->words == 0)
                cur->offset = offsets ? offsets[start] : (size_t)start;
            cur->words++;
            cur->syllables++;
            r->words++;
            r->syllables++;
            i = dots;
            continue;
        }
        int32_t end;
        unsigned syl = rd_read_word(text, start, n, &end);
        if (cur->words == 0)
            cur->offset = offsets ? offsets[start] : (size_t)start;
        cur->words++;
        cur->syllables += syl;
        r->words++;
        r->syllables += syl;
        i = end;
    }
}

/*
 * The white-space-separated token at or after text[at]: true and text[*from, *to), or false
 * when only white space is left. *marks receives whether it holds a ':' or an '@', without
 * which it is no address unless it starts with "www." (S_is_address).
 */
static bool S_next_token(const char *text, size_t len, size_t at, size_t *from, size_t *to,
                         bool *marks)
{
    size_t i = at;
    *marks = false;
    while (i < len) {
        if ((unsigned char)text[i] < 0x80) {
            if (!rd_space((unsigned char)text[i]))
                break;
            i++;
            continue;
        }
        int32_t k = (int32_t)i;
        UChar32 c;
        U8_NEXT(text, k, (int32_t)len, c);
        if (!rd_space(c))
            break;
        i = (size_t)k;
    }
    if (i >= len)
        return false;
    *from = i;
    bool seen = false;
    while (i < len) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80) {
            if (rd_space(b))
                break;
            seen |= b == ':' || b == '@';
            i++;
            continue;
        }
        int32_t k = (int32_t)i;
        UChar32 c;
        U8_NEXT(text, k, (int32_t)len, c);
        if (rd_space(c))
            break;
        i = (size_t)k;
    }
    *to = i;
    *marks = seen;
    return true;
}

void readability_add_block(readability *r, const char *text, size_t len,
                           const uint32_t *offsets)
{
    readability_sentence cur = {0};
    size_t from, to;
    bool marks = false, next_marks = false;
    /* Token by token; each is words, and may end a sentence, which depends on the next. */
    bool more = S_next_token(text, len, 0, &from, &to, &marks);
    while (more) {
        size_t next = len, next_end = len;
        more = S_next_token(text, len, to, &next, &next_end, &next_marks);
        size_t w = from;
        while (w < to && (text[w] == '(' || text[w] == '<' || text[w] == '[' || text[w] == '"'))
            w++;
        bool www = to - w >= 4 && (text[w] | 0x20) == 'w';
        if (!((marks || www) && rd_is_address(text + from, to - from)))
            S_words(r, &cur, text, from, to, offsets);
        if (S_ends_sentence(text, from, to, next, next_end))
            S_close_sentence(r, &cur);
        from = next;
        to = next_end;
        marks = next_marks;
    }
    S_close_sentence(r, &cur);
}

/* ---- results -------------------------------------------------------------------------------- */

readability_counts readability_totals(const readability *r)
{
    return (readability_counts){r->n, r->words, r->syllables};
}

double readability_fk_grade(size_t words, size_t sentences, size_t syllables)
{
    if (!words || !sentences)
        return NAN;
    return 0.39 * ((double)words / (double)sentences) +
           11.8 * ((double)syllables / (double)words) - 15.59;
}

double readability_grade(const readability *r)
{
    return readability_fk_grade(r->words, r->n, r->syllables);
}

double readability_round(double grade)
{
    if (isnan(grade))
        return grade;
    /* No libm: round half away from zero through a long (grades are small). */
    double scaled = grade * 10.0;
    long whole = (long)(scaled + (scaled >= 0 ? 0.5 : -0.5));
    return (double)whole / 10.0;
}

const readability_sentence *readability_sentences(const readability *r, size_t *n)
{
    *n = r->n;
    return r->sent;
}

size_t rd_longest(const readability_sentence *sent, size_t n, size_t max, size_t *index)
{
    size_t found = 0;
    /* Insertion into a short sorted list: max is a handful. */
    for (size_t i = 0; i < n; i++) {
        size_t pos = found;
        while (pos > 0 && sent[index[pos - 1]].words < sent[i].words)
            pos--;
        if (pos >= max)
            continue;
        size_t last = found < max ? found : max - 1;
        for (size_t k = last; k > pos; k--)
            index[k] = index[k - 1];
        index[pos] = i;
        if (found < max)
            found++;
    }
    return found;
}

size_t readability_longest(const readability *r, size_t max, size_t *index)
{
    return rd_longest(r->sent, r->n, max, index);
}

bool readability_applies(const char *lang)
{
    return slug_language_in(lang, "en");
}
