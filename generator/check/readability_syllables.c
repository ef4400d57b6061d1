/* readability_syllables.c: reading one word and counting its syllables, for the
 * Flesch-Kincaid grade (see readability.h, "Syllables"). */
#include "check/readability.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "check/readability_private.h"

/* Words longer than this (in letters) have their syllables counted on this many. */
#define WORD_MAX 128

/* ---- syllables ------------------------------------------------------------------------------ */

/*
 * Common words the spelling rules count wrongly, with their syllables (the CMU
 * Pronouncing Dictionary's, the shorter where it gives two). Sorted for bsearch.
 */
static const struct S_exception {
    const char *word;
    unsigned syllables;
} S_exceptions[] = {
    {"alien", 3},         {"aliens", 3},        {"anyone", 3},        {"area", 3},
    {"areas", 3},         {"being", 2},         {"beings", 2},        {"business", 2},
    {"cafe", 2},          {"create", 2},        {"created", 3},       {"creates", 2},
    {"creating", 3},      {"creation", 3},      {"element", 3},       {"elements", 3},
    {"evening", 2},       {"every", 2},         {"everyone", 3},      {"everything", 3},
    {"everywhere", 3},    {"eyes", 1},          {"facelift", 2},      {"facelifts", 2},
    {"fluid", 2},         {"fluids", 2},        {"forehead", 2},      {"idea", 3},
    {"ideas", 3},         {"korea", 3},         {"korean", 3},        {"koreans", 3},
    {"lifetime", 2},      {"likewise", 2},      {"maybe", 2},         {"meanwhile", 2},
    {"naive", 2},         {"people", 2},        {"peoples", 2},       {"poem", 2},
    {"poet", 2},          {"poetry", 3},        {"react", 2},         {"reaction", 3},
    {"reactions", 3},     {"real", 1},          {"realistic", 4},     {"realistically", 5},
    {"reality", 4},       {"really", 2},        {"recipe", 3},        {"science", 2},
    {"sciences", 3},      {"someone", 2},       {"something", 2},     {"sometimes", 2},
    {"somewhat", 2},      {"somewhere", 2},     {"theatre", 3},       {"therefore", 2},
    {"whereas", 2},       {"wherever", 3},
};

/* The exception for w (n letters), or NULL: a binary search comparing in place. */
static const struct S_exception *S_exception(const char *w, size_t n)
{
    if (n < 4 || n > 13)
        return NULL; /* the shortest exception is "cafe", the longest "realistically" */
    size_t lo = 0, hi = sizeof S_exceptions / sizeof *S_exceptions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *x = S_exceptions[mid].word;
        size_t i = 0;
        while (i < n && x[i] && x[i] == w[i])
            i++;
        int cmp;
        if (i < n && x[i])
            cmp = (unsigned char)w[i] - (unsigned char)x[i];
        else if (i < n)
            cmp = 1; /* x is the start of w: w sorts after it */
        else
            cmp = x[i] ? -1 : 0;
        if (cmp == 0)
            return &S_exceptions[mid];
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static inline bool S_is_aeiou(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'E';
}

/* The letters after position i are exactly rest. */
static inline bool S_rest_is(const char *w, size_t n, size_t i, const char *rest)
{
    size_t k = strlen(rest);
    return n - i == k && memcmp(w + i, rest, k) == 0;
}

/* The letters after position i start with prefix. */
static inline bool S_rest_starts(const char *w, size_t n, size_t i, const char *prefix)
{
    size_t k = strlen(prefix);
    return n - i >= k && memcmp(w + i, prefix, k) == 0;
}

/* w[i] is a vowel letter of the word w (n letters, lower case, 'E' for an accented e). */
static inline bool S_vowel(const char *w, size_t n, size_t i)
{
    char c = w[i];
    if (c == 'u' && i > 0 && w[i - 1] == 'q')
        return false; /* qu: the u is a w sound */
    if (c == 'y') /* day, system; not yes, layer; relying: y before -ing is a vowel */
        return i > 0 && (!(i + 1 < n && S_is_aeiou(w[i + 1])) ||
                         S_rest_is(w, n, i + 1, "ing") || S_rest_is(w, n, i + 1, "ings"));
    return S_is_aeiou(c);
}

static inline bool S_consonant_at(const char *w, size_t n, size_t i)
{
    return i < n && w[i] >= 'a' && w[i] <= 'z' && !S_vowel(w, n, i);
}

/*
 * True when the vowels w[i - 1] and w[i], in one group, are two syllables (the pairs listed
 * in readability.h). p is the letter before the pair ('\0' at the start of the word).
 */
static bool S_split(const char *w, size_t n, size_t i)
{
    char a = w[i - 1], b = w[i];
    char p = i >= 2 ? w[i - 2] : '\0';
    char pp = i >= 3 ? w[i - 3] : '\0';
    size_t after = i + 1; /* the first letter after the pair */
    /* being, going, seeing: a vowel, then -ing. */
    if (b == 'i' && S_rest_starts(w, n, after, "ng"))
        return true;
    switch (a) {
    case 'i':
        if (b == 'a') {
            if (S_rest_starts(w, n, after, "t"))
                return true; /* associate, initiate */
            if (p == 'c' || p == 't' || p == 's' || p == 'g')
                return false; /* facial, initial, Asia, nostalgia */
            if (p == 'l' && (S_is_aeiou(pp) || pp == 'l'))
                return false; /* Australian, familiar, brilliant */
            return true;
        }
        if (b == 'o') {
            if (p == 'c' || p == 'g' || p == 's' || p == 't' || p == 'x')
                return false; /* -tion, -sion, region */
            if (p == 'l' && pp == 'l')
                return false; /* million */
            if (p == 'n' && S_is_aeiou(pp))
                return false; /* opinion, union, senior */
            if (p == 'h' && (pp == 's' || pp == 'c'))
                return false; /* fashion, cushion */
            return true;
        }
        if (b == 'u')
            return true; /* medium */
        if (b == 'e') {
            if (S_rest_is(w, n, after, "r") || S_rest_is(w, n, after, "rs") ||
                S_rest_is(w, n, after, "st") || S_rest_is(w, n, after, "sts"))
                return true; /* earlier, easiest */
            if (S_rest_starts(w, n, after, "t"))
                return true; /* quiet, anxiety */
            if (S_rest_starts(w, n, after, "nt") || S_rest_starts(w, n, after, "nc"))
                return !(p == 'c' || p == 't' || p == 's' || p == 'g'); /* client; patient */
            return false;
        }
        return false;
    case 'e':
        if (b == 'o')
            return !((p == 'g' || p == 'c') && i >= 3); /* video; surgeon, but geography */
        return false;
    case 'u':
        if (b == 'a')
            return p != 'g'; /* usually, actual; language */
        if (b == 'e') {
            if (p == 'g')
                return false;
            if (S_rest_starts(w, n, after, "l") || S_rest_starts(w, n, after, "t"))
                return true; /* cruel, duet */
            return S_rest_starts(w, n, after, "n") && S_consonant_at(w, n, after + 1);
        }
        if (b == 'i')
            return S_rest_starts(w, n, after, "n") || S_rest_is(w, n, after, "d");
        return false;
    default:
        return false;
    }
}

/* A vowel somewhere before position end. */
static bool S_vowel_before(const char *w, size_t n, size_t end)
{
    for (size_t i = 0; i < end; i++)
        if (S_vowel(w, n, i))
            return true;
    return false;
}

/* A consonant after which -le and -re are a syllable of their own (table, fibre). */
static bool S_syllabic_before_l(char c)
{
    return c && strchr("bcdfgkpstz", c) != NULL;
}

static bool S_syllabic_before_r(char c)
{
    return c && strchr("bcdgptv", c) != NULL;
}

/*
 * True when w[e] is an 'e' that stands alone between consonants and is not said: the final
 * e of make, the e of -es and -ed where silent, the e before -ly/-ment/-ness/-ful/-less.
 */
static bool S_silent_e(const char *w, size_t n, size_t e)
{
    if (w[e] != 'e' || e == 0 || !S_consonant_at(w, n, e - 1))
        return false;
    char c = w[e - 1];                 /* the consonant before the e */
    char b = e >= 2 ? w[e - 2] : '\0'; /* the letter before that */
    bool syllabic = (c == 'l' && S_syllabic_before_l(b)) || (c == 'r' && S_syllabic_before_r(b));
    size_t rest = n - e - 1;
    if (rest == 0)
        return !syllabic;
    if (rest == 1 && w[e + 1] == 's') {
        if (syllabic)
            return false;
        if (c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g')
            return false; /* causes, boxes, faces, changes */
        if (c == 'h' && (b == 'c' || b == 's'))
            return false; /* churches, wishes */
        return true;
    }
    if (rest == 1 && w[e + 1] == 'd')
        return !syllabic && c != 't' && c != 'd';
    static const char *const suffixes[] = {"ly", "ty", "ment", "ments", "ness", "ful",
                                           "fully", "less", "lessly", "lessness", NULL};
    for (size_t k = 0; suffixes[k]; k++)
        if (S_rest_is(w, n, e + 1, suffixes[k]))
            return !syllabic && S_vowel_before(w, n, e - 1); /* not cement */
    return false;
}

/* The syllables of w (n lower-case ASCII letters, 'E' for an accented e), uncached. */
static unsigned S_count_rules(const char *w, size_t n)
{
    const struct S_exception *x = S_exception(w, n);
    if (x)
        return x->syllables;
    bool v[WORD_MAX];
    unsigned count = 0;
    for (size_t i = 0; i < n; i++) {
        v[i] = S_vowel(w, n, i);
        if (v[i] && (i == 0 || !v[i - 1] || S_split(w, n, i)))
            count++;
    }
    /* A silent e that is a vowel group of its own: final, in -es or -ed, before -ly... */
    for (size_t e = 1; e < n && count > 1; e++)
        if (w[e] == 'e' && !v[e - 1] && !(e + 1 < n && v[e + 1]) && S_silent_e(w, n, e))
            count--;
    if ((n >= 2 && w[n - 2] == 's' && w[n - 1] == 'm') ||
        (n >= 3 && w[n - 3] == 's' && w[n - 2] == 'm' && w[n - 1] == 's'))
        count++; /* mechanism, spasm */
    return count ? count : 1;
}

/*
 * The words counted last on this thread, by a hash of their letters: a text repeats its
 * words (the, thread, skin...), and looking one up is several times faster than the rules.
 * A slot keeps one word of up to CACHE_WORD letters; a collision just replaces it. In TLS:
 * no lock, nothing to free. 16,384 slots (272 KiB a thread) rather than 2,048: on the
 * benchmark corpus the rules then run for few words, and suture check takes 3 % less time.
 */
#define CACHE_SLOTS 16384
#define CACHE_WORD 15
typedef struct {
    unsigned char len;       /* 0: empty */
    unsigned char syllables;
    char word[CACHE_WORD];
} S_cached;
static _Thread_local S_cached S_cache[CACHE_SLOTS];

static unsigned S_count(const char *w, size_t n)
{
    if (n == 0 || n > CACHE_WORD)
        return S_count_rules(w, n);
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    S_cached *slot = &S_cache[h & (CACHE_SLOTS - 1)];
    if (slot->len == n) {
        size_t i = 0;
        while (i < n && slot->word[i] == w[i])
            i++;
        if (i == n)
            return slot->syllables;
    }
    unsigned count = S_count_rules(w, n);
    slot->len = (unsigned char)n;
    slot->syllables = (unsigned char)(count < 255 ? count : 255);
    memcpy(slot->word, w, n);
    return count;
}

/* Append the letter c (a code point, any case) to the word being built, as lower-case
 * ASCII; letters past WORD_MAX are dropped. */
static void S_put_letter(char *w, size_t *n, UChar32 c)
{
    c = c < 0x80 ? (c | 0x20) : u_tolower(c);
    char ascii[2] = {(char)c, '\0'};
    const char *s = ascii;
    if (c >= 0x80) {
        switch (c) {
        case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: s = "a"; break;
        case 0xE6: s = "ae"; break;
        case 0xE7: s = "c"; break;
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: s = "E"; break;
        case 0xEC: case 0xED: case 0xEE: case 0xEF: s = "i"; break;
        case 0xF1: s = "n"; break;
        case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: s = "o"; break;
        case 0xF9: case 0xFA: case 0xFB: case 0xFC: s = "u"; break;
        case 0xFD: case 0xFF: s = "y"; break;
        case 0xDF: s = "ss"; break;
        case 0x153: s = "oe"; break;
        default: s = "x"; break; /* another letter: counted as a consonant */
        }
    }
    for (; *s && *n < WORD_MAX; s++)
        w[(*n)++] = *s;
}

/* Hangul syllables and CJK ideographs: one syllable each. */
static inline bool S_one_syllable_char(UChar32 c)
{
    return c >= 0x2E80 &&
           ((c >= 0xAC00 && c <= 0xD7A3) || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC));
}

static inline bool S_is_apostrophe(UChar32 c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static inline bool S_is_hyphen(UChar32 c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/*
 * A word being read, one character at a time (S_word_char), part by part (a hyphen ends a
 * part: full-length is full + length).
 */
typedef struct {
    char w[WORD_MAX + 1];    /* the part's letters: lower-case ASCII, 'E' an accented e */
    size_t n;
    unsigned letters, upper; /* the part's letters (any script) and capitals among them */
    unsigned special;        /* the part's Hangul syllables and CJK ideographs */
    bool started, digit_first, apostrophe;
    bool any_letter;         /* the whole word has a letter: it is not a figure */
    unsigned syllables;      /* of the parts finished */
} S_word;

/* The syllables of the part in x, by the rules of readability.h. */
static unsigned S_part_syllables(const S_word *x)
{
    if (x->digit_first)
        return 1; /* a figure: one syllable, as Flesch counts it */
    if (x->special)
        return x->special + (x->n ? S_count(x->w, x->n) : 0);
    if (x->n == 0)
        return x->letters ? 1 : 0;
    if (x->letters >= 2 && x->letters <= 5 && x->upper == x->letters)
        return 1; /* an abbreviation in capitals: TV, SMAS */
    /* n't: didn't is did + a syllabic n; can't, don't, aren't add nothing. */
    if (x->apostrophe && x->n >= 3 && x->w[x->n - 1] == 't' && x->w[x->n - 2] == 'n') {
        size_t stem = x->n - 2;
        return S_count(x->w, stem) + (S_consonant_at(x->w, stem, stem - 1) ? 1 : 0);
    }
    return S_count(x->w, x->n);
}

/* End the current part of x (a hyphen, or the end of the word). */
static void S_word_part(S_word *x)
{
    if (x->started)
        x->syllables += S_part_syllables(x);
    x->n = 0;
    x->letters = x->upper = x->special = 0;
    x->started = x->digit_first = x->apostrophe = false;
}

/* Add character c of the word to x; a hyphen ends a part. */
static void S_word_char(S_word *x, UChar32 c)
{
    if (c < 0x80 && rd_alpha(c)) { /* the common case, in short */
        if (!x->started)
            x->started = true;
        x->letters++;
        x->upper += c <= 'Z';
        x->any_letter = true;
        if (x->n < WORD_MAX)
            x->w[x->n++] = (char)(c | 0x20);
        return;
    }
    if (S_is_hyphen(c)) {
        S_word_part(x);
        return;
    }
    if (!x->started) {
        x->started = true;
        x->digit_first = rd_digit(c);
    }
    if (S_is_apostrophe(c)) {
        x->apostrophe = true;
    } else if (S_one_syllable_char(c)) {
        x->special++;
        x->any_letter = true;
    } else if (rd_alpha(c)) {
        x->letters++;
        x->upper += rd_upper(c);
        x->any_letter = true;
        S_put_letter(x->w, &x->n, c);
    }
    /* Digits after letters, combining marks, number separators: nothing to count. */
}

/*
 * Read the word that starts at text[i] (a letter or digit) and ends before text[n] at the
 * latest: letters, digits and marks, an apostrophe or hyphen between two of them, and in a
 * number '.', ',', ':', '/' or '–' between two digits. Returns its syllables; *end receives
 * where it ends.
 */
unsigned rd_read_word(const char *text, int32_t i, int32_t n, int32_t *end)
{
    S_word x; /* all but the letters, which n counts */
    x.n = 0;
    x.letters = x.upper = x.special = x.syllables = 0;
    x.started = x.digit_first = x.apostrophe = x.any_letter = false;
    UChar32 c;
    U8_NEXT(text, i, n, c);
    bool number = rd_digit(c);
    S_word_char(&x, c);
    while (i < n) {
        unsigned char b = (unsigned char)text[i];
        if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
            /* An ASCII letter, the common case, in short (as S_word_char does it). */
            x.letters++;
            x.upper += b <= 'Z';
            x.any_letter = true;
            if (x.n < WORD_MAX)
                x.w[x.n++] = (char)(b | 0x20);
            i++;
            continue;
        }
        int32_t k = i;
        UChar32 d;
        U8_NEXT(text, k, n, d);
        if (rd_is_word_char(d)) {
            S_word_char(&x, d);
            i = k;
            continue;
        }
        bool inner = S_is_apostrophe(d) || S_is_hyphen(d);
        bool separator = number && (d == '.' || d == ',' || d == ':' || d == '/' ||
                                    d == 0x2013);
        if ((!inner && !separator) || k >= n)
            break;
        int32_t m = k;
        UChar32 e;
        U8_NEXT(text, m, n, e);
        /* "2.5", "2–3": a separator only between digits; "10-day", "doctor's". */
        if (inner ? !rd_is_word_char(e) : !rd_digit(e))
            break;
        S_word_char(&x, d);
        S_word_char(&x, e);
        i = m;
    }
    *end = i;
    if (!x.any_letter)
        return 1; /* a figure with its separators: "2-3", "10,000" */
    S_word_part(&x);
    return x.syllables;
}

unsigned readability_syllables(const char *word, size_t len)
{
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(word, i, n, c);
        if (rd_word_start(c)) {
            int32_t end;
            return rd_read_word(word, at, n, &end);
        }
    }
    return 0;
}
