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

/* ---- reading a word ------------------------------------------------------------------------- */

/* Parts of at most this many letters are looked up in the cache (S_count). */
#define CACHE_WORD 15

/*
 * A word being read, one character at a time (S_word_char), part by part (a hyphen ends a
 * part: full-length is full + length). The part's first CACHE_WORD letters are also packed
 * into key as they come, letter k in bits 8k to 8k + 7 of key[k / 8] (shifts, not memory:
 * the same on any byte order), so that the cache finds the part without reading w again.
 */
typedef struct {
    char w[WORD_MAX + 1];    /* the part's letters: lower-case ASCII, 'E' an accented e */
    size_t n;
    uint64_t key[2];         /* the part's first CACHE_WORD letters, packed; 0 past them */
    unsigned letters, upper; /* the part's letters (any script) and capitals among them */
    unsigned special;        /* the part's Hangul syllables and CJK ideographs */
    bool started, digit_first, apostrophe;
    bool any_letter;         /* the whole word has a letter: it is not a figure */
    unsigned syllables;      /* of the parts finished */
} S_word;

/*
 * The syllables of the parts counted last on this thread, by their letters: a text repeats
 * its words (the, thread, skin...), and looking one up is several times faster than the
 * rules. A slot holds a part of 1 to CACHE_WORD letters as its key, packed as S_word packs
 * it, with the syllables in the top byte of hi (the 16th letter's, always 0); an empty slot
 * (lo 0) matches no part, whose first letter is never 0. A collision just replaces the slot.
 * In TLS: no lock, nothing to free. 16,384 slots (256 KiB a thread) rather than 2,048: on
 * the benchmark corpus the rules then run for few words, and suture check takes 3 % less.
 */
#define CACHE_BITS 14
typedef struct {
    uint64_t lo, hi;
} S_cached;
static _Thread_local S_cached S_cache[1u << CACHE_BITS];

/* The bits of a packed key that hold its first k letters (k at most 8). */
static inline uint64_t S_key_mask(size_t k)
{
    return k >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
}

/* The slot of the part whose packed key is lo, hi. */
static inline S_cached *S_cache_slot(uint64_t lo, uint64_t hi)
{
    /* Multiplicative hashing: the top bits of the product. */
    uint64_t h = (lo ^ hi * 0x9E3779B97F4A7C15u) * 0xBF58476D1CE4E5B9u;
    return &S_cache[h >> (64 - CACHE_BITS)];
}

/* The syllables slot holds for the part whose packed key is lo, hi; 0 when it holds none. */
static inline unsigned S_cache_syllables(const S_cached *slot, uint64_t lo, uint64_t hi)
{
    return slot->lo == lo && (slot->hi & S_key_mask(7)) == hi ? (unsigned)(slot->hi >> 56) : 0;
}

/* The syllables of the first n letters of the part being read in x. */
static unsigned S_count(const S_word *x, size_t n)
{
    if (n == 0 || n > CACHE_WORD)
        return S_count_rules(x->w, n);
    uint64_t lo = x->key[0] & S_key_mask(n);
    uint64_t hi = x->key[1] & S_key_mask(n > 8 ? n - 8 : 0);
    S_cached *slot = S_cache_slot(lo, hi);
    unsigned count = S_cache_syllables(slot, lo, hi);
    if (count)
        return count;
    count = S_count_rules(x->w, n);
    slot->lo = lo;
    slot->hi = hi | (uint64_t)(count < 255 ? count : 255) << 56;
    return count;
}

/* Append the letter c (lower-case ASCII, 'E' an accented e) to the part being read in x;
 * letters past WORD_MAX are dropped. */
static inline void S_append(S_word *x, char c)
{
    if (x->n < CACHE_WORD)
        x->key[x->n / 8] |= (uint64_t)(unsigned char)c << (8 * (x->n % 8));
    if (x->n < WORD_MAX)
        x->w[x->n++] = c;
}

/* Append the letter c (a code point, any case) to the part being read in x, as lower-case
 * ASCII. */
static void S_put_letter(S_word *x, UChar32 c)
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
    for (; *s; s++)
        S_append(x, *s);
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

/* The syllables of the part in x, by the rules of readability.h. */
static unsigned S_part_syllables(const S_word *x)
{
    if (x->digit_first)
        return 1; /* a figure: one syllable, as Flesch counts it */
    if (x->special)
        return x->special + (x->n ? S_count(x, x->n) : 0);
    if (x->n == 0)
        return x->letters ? 1 : 0;
    if (x->letters >= 2 && x->letters <= 5 && x->upper == x->letters)
        return 1; /* an abbreviation in capitals: TV, SMAS */
    /* n't: didn't is did + a syllabic n; can't, don't, aren't add nothing. */
    if (x->apostrophe && x->n >= 3 && x->w[x->n - 1] == 't' && x->w[x->n - 2] == 'n') {
        size_t stem = x->n - 2;
        return S_count(x, stem) + (S_consonant_at(x->w, stem, stem - 1) ? 1 : 0);
    }
    return S_count(x, x->n);
}

/* Start a new part in x (at the start of the word, and after a hyphen). */
static inline void S_part_start(S_word *x)
{
    x->n = 0;
    x->key[0] = x->key[1] = 0;
    x->letters = x->upper = x->special = 0;
    x->started = x->digit_first = x->apostrophe = false;
}

/* End the current part of x (a hyphen, or the end of the word). */
static void S_word_part(S_word *x)
{
    if (x->started)
        x->syllables += S_part_syllables(x);
    S_part_start(x);
}

/* Add character c of the word to x; a hyphen ends a part. */
static void S_word_char(S_word *x, UChar32 c)
{
    if (c < 0x80 && rd_alpha(c)) { /* an ASCII letter, in short */
        x->started = true;
        x->letters++;
        x->upper += c <= 'Z';
        x->any_letter = true;
        S_append(x, (char)(c | 0x20));
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
        S_put_letter(x, c);
    }
    /* Digits after letters, combining marks, number separators: nothing to count. */
}

/*
 * Read the word that starts at text[i] (a letter or digit) and ends before text[n] at the
 * latest: letters, digits and marks, an apostrophe or hyphen between two of them, and in a
 * number '.', ',', ':', '/' or '–' between two digits. Returns its syllables; *end receives
 * where it ends. Any word; rd_read_word tries S_plain_word first. Not inlined there, which
 * would make every word pay for setting up this function's frame.
 */
__attribute__((noinline)) static unsigned S_read_word(const char *text, int32_t i, int32_t n,
                                                      int32_t *end)
{
    S_word x;
    S_part_start(&x);
    x.any_letter = false;
    x.syllables = 0;
    int32_t after = i;
    UChar32 c;
    U8_NEXT(text, after, n, c);
    bool number = rd_digit(c); /* its separators are a number's */
    while (i < n) {
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

/* The 8 bytes at p as a number, p[0] in its lowest bits (one load on most machines). */
static inline uint64_t S_load_le64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/*
 * The common case, in short: a word of at most CACHE_WORD ASCII letters at text[i], ended
 * by the end of the text or by an ASCII character that is not a letter, a digit, an
 * apostrophe or a hyphen, whose syllables are known without the rules (an abbreviation in
 * capitals, or in the cache). Returns its syllables, *end receiving where it ends, as
 * S_read_word would; or 0 for any other word.
 */
__attribute__((always_inline)) static inline unsigned
S_plain_word(const char *text, int32_t i, int32_t n, int32_t *end)
{
    int32_t from = i;
    while (i < n && (rd_class[(unsigned char)text[i]] & RD_LETTER))
        i++;
    size_t len = (size_t)(i - from);
    if (len > CACHE_WORD)
        return 0;
    if (i < n) {
        unsigned char b = (unsigned char)text[i];
        if ((rd_class[b] & (RD_DIGIT | RD_HIGH)) || b == '\'' || b == '-')
            return 0;
    }
    /* The letters packed as S_word packs them, from two loads where the text is long
     * enough: the bytes past the word are masked off. */
    uint64_t lo = 0, hi = 0;
    if (n - from >= 16) {
        lo = S_load_le64(text + from);
        hi = S_load_le64(text + from + 8);
    } else {
        for (size_t k = 0; k < len; k++)
            if (k < 8)
                lo |= (uint64_t)(unsigned char)text[from + (int32_t)k] << (8 * k);
            else
                hi |= (uint64_t)(unsigned char)text[from + (int32_t)k] << (8 * (k - 8));
    }
    uint64_t lo_mask = S_key_mask(len), hi_mask = S_key_mask(len > 8 ? len - 8 : 0);
    lo &= lo_mask;
    hi &= hi_mask;
    /* The 0x20 bit of an ASCII letter is clear in a capital, set in lower case. */
    const uint64_t case_bits = 0x2020202020202020u;
    unsigned syllables;
    if (len >= 2 && len <= 5 && (lo & case_bits) == 0) {
        syllables = 1; /* an abbreviation in capitals: TV, SMAS */
    } else {
        lo |= case_bits & lo_mask;
        hi |= case_bits & hi_mask;
        syllables = S_cache_syllables(S_cache_slot(lo, hi), lo, hi);
    }
    if (syllables)
        *end = i;
    return syllables;
}

unsigned rd_read_word(const char *text, int32_t i, int32_t n, int32_t *end)
{
    unsigned syllables = S_plain_word(text, i, n, end);
    return syllables ? syllables : S_read_word(text, i, n, end);
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
