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

/* ---- characters ---------------------------------------------------------------------------- */

#define S_CLASS(b)                                                                             \
    ((b) == ' ' || ((b) >= '\t' && (b) <= '\r')  ? RD_SPACE                                  \
     : (b) >= 'a' && (b) <= 'z'                  ? RD_LETTER                                 \
     : (b) >= 'A' && (b) <= 'Z'                  ? RD_LETTER | RD_UPPER                      \
     : (b) >= '0' && (b) <= '9'                  ? RD_DIGIT                                  \
     : (b) == ':' || (b) == '@'                  ? RD_MARK                                   \
     : (b) >= 0x80                               ? RD_HIGH                                   \
                                                 : 0)
#define S_CLASS4(b) S_CLASS(b), S_CLASS((b) + 1), S_CLASS((b) + 2), S_CLASS((b) + 3)
#define S_CLASS16(b) S_CLASS4(b), S_CLASS4((b) + 4), S_CLASS4((b) + 8), S_CLASS4((b) + 12)
#define S_CLASS64(b) S_CLASS16(b), S_CLASS16((b) + 16), S_CLASS16((b) + 32), S_CLASS16((b) + 48)

const unsigned char rd_class[256] = {S_CLASS64(0), S_CLASS64(64), S_CLASS64(128), S_CLASS64(192)};

/* The length in bytes of the white-space character at text[i] (i < len), or 0. */
static inline size_t S_space_at(const char *text, size_t len, size_t i)
{
    unsigned char cls = rd_class[(unsigned char)text[i]];
    if (!(cls & RD_HIGH))
        return (cls & RD_SPACE) ? 1 : 0;
    int32_t k = (int32_t)i;
    UChar32 c;
    U8_NEXT(text, k, (int32_t)len, c);
    return rd_space(c) ? (size_t)k - i : 0;
}

/* The first position at or after text[i] that is not white space (len at the end). */
static inline size_t S_skip_space(const char *text, size_t len, size_t i)
{
    size_t k;
    while (i < len && (k = S_space_at(text, len, i)) != 0)
        i += k;
    return i;
}

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

/*
 * The first code point of the token at text[from] after its opening quotes and brackets,
 * or -1 when the token is nothing else.
 */
static UChar32 S_first_letter(const char *text, size_t from, size_t len)
{
    int32_t i = (int32_t)from;
    while ((size_t)i < len) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)len, c);
        if (rd_space(c))
            return -1;
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

/* ---- sentences ------------------------------------------------------------------------------ */

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
        /* t[i] | 0x20 is never 0: the loop stops at the end of x at the latest. */
        const char *x = S_abbreviations[a];
        size_t i = 0;
        while (i < k && (t[i] | 0x20) == x[i])
            i++;
        if (i == k && x[k] == '\0')
            return true;
    }
    return false;
}

/*
 * How a token ends, for the sentence it may close: not at all, surely ('!' or '?'), or with
 * a full stop or an ellipsis, which end it or not depending on how the next token starts.
 */
typedef enum { S_END_NONE, S_END_SURE, S_END_STOP, S_END_ELLIPSIS } S_end_kind;

typedef struct {
    S_end_kind kind;
    size_t from, end; /* the token without its closing quotes and brackets */
} S_ending;

/* How the token text[from, to) ends. */
static S_ending S_token_ending(const char *text, size_t from, size_t to)
{
    S_ending none = {S_END_NONE, 0, 0};
    /* Most tokens end in a letter or a comma: nothing to look at. */
    switch ((unsigned char)text[to - 1]) {
    case '.': case '!': case '?': case '"': case '\'': case ')': case ']': case '}':
        break;
    default:
        if ((unsigned char)text[to - 1] < 0x80)
            return none;
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
        return none;
    int32_t j = end;
    UChar32 last;
    U8_PREV(text, (int32_t)from, j, last);
    if (last == '!' || last == '?')
        return (S_ending){S_END_SURE, from, (size_t)end};
    bool ellipsis = last == 0x2026 ||
                    (last == '.' && end - (int32_t)from >= 3 && text[end - 2] == '.' &&
                     text[end - 3] == '.');
    if (last != '.' && !ellipsis)
        return none;
    return (S_ending){ellipsis ? S_END_ELLIPSIS : S_END_STOP, from, (size_t)end};
}

/* Whether a token that ended as e ends its sentence, the next token starting at text[next]. */
static bool S_ends_before(const char *text, size_t len, S_ending e, size_t next)
{
    if (e.kind == S_END_NONE || e.kind == S_END_SURE)
        return e.kind == S_END_SURE;
    UChar32 first = S_first_letter(text, next, len);
    if (e.kind == S_END_ELLIPSIS)
        return rd_upper(first);
    if (rd_lower(first) || rd_digit(first))
        return false;
    return !S_is_abbreviation(text + e.from, e.end - e.from);
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

/* ---- words ---------------------------------------------------------------------------------- */

/*
 * The words of one white-space-separated token, read in one pass over it; they count only
 * once its end shows that it is not an address.
 */
typedef struct {
    size_t words, syllables;
    size_t first; /* where its first word starts */
    bool marks;   /* it holds a ':' or an '@' outside its words, without which it is no
                     address unless it starts with "www." (rd_is_address): a word takes in
                     no '@', and a ':' only between digits (10:30), never that of "://" */
} S_token;

/*
 * e.g., i.e., U.S.: letters with full stops after each, one word of one syllable, when the
 * word at text[start] is one; *end receives where it ends. The byte after the last full stop
 * is tested as a code point of its own, as it always was: a lead byte of UTF-8 reads as a
 * Latin-1 letter, so that "e.g." before "é" or "—" is not one word (but is before U+00A0,
 * white space that ends the token).
 */
static bool S_dotted(const char *text, size_t len, size_t start, size_t *end)
{
    size_t dots = start;
    while (dots + 1 < len && (rd_class[(unsigned char)text[dots]] & RD_LETTER) &&
           text[dots + 1] == '.')
        dots += 2;
    if (dots - start < 4)
        return false;
    if (dots < len && rd_is_word_char((unsigned char)text[dots]) && !S_space_at(text, len, dots))
        return false;
    *end = dots;
    return true;
}

/* Read the word at text[start] (a letter or digit) into t; returns where it ends. */
static size_t S_token_word(const char *text, size_t len, size_t start, S_token *t)
{
    size_t end;
    unsigned syllables = 1;
    if (!S_dotted(text, len, start, &end)) {
        int32_t e;
        syllables = rd_read_word(text, (int32_t)start, (int32_t)len, &e);
        end = (size_t)e;
    }
    if (t->words == 0)
        t->first = start;
    t->words++;
    t->syllables += syllables;
    return end;
}

/* Read the words of the token at text[i] (not white space) into t; returns where it ends. */
static size_t S_token_words(const char *text, size_t len, size_t i, S_token *t)
{
    while (i < len) {
        unsigned char cls = rd_class[(unsigned char)text[i]];
        bool word = cls & (RD_LETTER | RD_DIGIT); /* an ASCII letter or digit */
        if (cls & RD_SPACE)
            break;
        if (!word && !(cls & RD_HIGH)) { /* ASCII punctuation */
            t->marks |= (cls & RD_MARK) != 0;
            i++;
            continue;
        }
        if (!word) { /* a character to decode: white space, a word's start, or neither */
            int32_t k = (int32_t)i;
            UChar32 c;
            U8_NEXT(text, k, (int32_t)len, c);
            if (rd_space(c))
                break;
            if (!rd_word_start(c)) {
                i = (size_t)k;
                continue;
            }
        }
        i = S_token_word(text, len, i, t); /* called once, so inlined: the common case */
    }
    return i;
}

/* True when the token text[from, to), read into t, is an address (rd_is_address). */
static bool S_token_is_address(const char *text, size_t from, size_t to, const S_token *t)
{
    size_t w = from;
    while (w < to && (text[w] == '(' || text[w] == '<' || text[w] == '[' || text[w] == '"'))
        w++;
    bool www = to - w >= 4 && (text[w] | 0x20) == 'w';
    return (t->marks || www) && rd_is_address(text + from, to - from);
}

/*
 * One pass over the block, token by token: a token's words are read as its end is found,
 * and whether it ends a sentence is settled at the start of the next.
 */
void readability_add_block(readability *r, const char *text, size_t len,
                           const uint32_t *offsets)
{
    readability_sentence cur = {0};
    S_ending ending = {S_END_NONE, 0, 0};
    size_t i = S_skip_space(text, len, 0);
    while (i < len) {
        if (S_ends_before(text, len, ending, i))
            S_close_sentence(r, &cur);
        size_t from = i;
        S_token t = {0};
        i = S_token_words(text, len, i, &t);
        if (t.words && !S_token_is_address(text, from, i, &t)) {
            if (cur.words == 0)
                cur.offset = offsets ? offsets[t.first] : t.first;
            cur.words += t.words;
            cur.syllables += t.syllables;
            r->words += t.words;
            r->syllables += t.syllables;
        }
        ending = S_token_ending(text, from, i);
        i = S_skip_space(text, len, i);
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
