/*
 * readability.h: the Flesch–Kincaid grade level of English text (issue "Patient
 * experience", Plain language): how many years of US schooling a reader needs to follow
 * it, from the length of its sentences and of its words,
 *
 *     grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * (J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom, "Derivation of new
 * readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease
 * Formula) for Navy enlisted personnel", Research Branch Report 8-75, Naval Technical
 * Training Command, Millington, TN, 1975). The formula was fitted to English text and its
 * syllables: it means nothing for Korean or any other language (readability_applies).
 *
 * The text is given block by block (a paragraph, a list item's paragraph, a table cell):
 * the end of a block always ends a sentence, so a list of short items without full stops
 * is several short sentences, not one long one. How text is cut up, all in this module:
 *
 * Sentences. A sentence ends after a '.', '!', '?' or '…' (or "..."), with any closing
 * quotes or brackets after it, that is followed by white space or the end of the block;
 * and at the end of every block. A terminator inside a token ("2.5", "example.org/a?b")
 * ends nothing. A '.' does not end a sentence after a known abbreviation (Dr., Mr., Mrs.,
 * Ms., Prof., St., vs., cf., approx., ca., fig., incl., dept., Jr., Sr.), after
 * letters with full stops between them (e.g., i.e., U.S.), after one capital letter (an
 * initial: "J. Kim"), or when the next word starts with a lower-case letter or a digit
 * ("approx. three days", "the result... which"); "etc." does end one. An ellipsis ends a
 * sentence only before a capital letter or the end of the block. A sentence without a word
 * (a lone code span) is not counted. Unicode's sentence rules (ICU's UAX #29 iterator, as
 * compliance.c uses) were not taken: they end a sentence after "Dr." and "e.g." before a
 * capital, never after "…", and inside "a?b".
 *
 * Words (as Flesch's counting rules count them: R. Flesch, "How to Write Plain English",
 * 1979): runs of letters and digits, with an apostrophe (' or ’) or a hyphen inside them:
 * "doctor's", "wouldn't", "full-length", "pre-masseteric" are one word each; a number with
 * its separators ("2.5", "10,000", "2–3", "10-day") is one word, and so are letters with
 * full stops after each ("e.g.", "U.S."). A dash between words (—, or – between letters)
 * separates them. White-space-separated tokens that are addresses (containing "://",
 * starting with "www.", or an e-mail address) are not words: a reader does not read them.
 *
 * Syllables (readability_syllables): also after Flesch, a number and an abbreviation
 * written in capitals (two to five letters: TV, SMAS, CQC) or with full stops (e.g.) count
 * one syllable; a hyphenated word counts the syllables of its parts; a Hangul or CJK
 * character counts one. Other words go through English spelling rules (no dictionary:
 * Debian's libhyphen marks where a word may be broken, not its syllables, and undercounts
 * them):
 *   - each group of vowels is one syllable: a e i o u, accented vowels (é), and y when it
 *     follows a letter and no vowel follows it (day, system; not yes, layer), or before
 *     -ing (relying); u after q is a consonant (quite);
 *   - except that some pairs of vowels are two syllables: i+a (media, trial; not in -cia,
 *     -tia, -sia, -gia, nor -lia after a vowel or l: facial, Asia, Australian, brilliant;
 *     but always before t: associate), i+o (period, radio; not in -cio, -gio, -sio, -tio,
 *     -xio, -llio, -shio, -chio, nor vowel+nio: opinion), i+u (medium), i+e before a final
 *     r, rs, st or sts, before t, and in -ient and -ience except after c, t, s, g (earlier,
 *     quiet, client, experience; not patient), e+o except after a g or c that is not the
 *     first letter (video, geography; not surgeon, gorgeous), u+a except after g (usually;
 *     not language), u+e (not after g) before l or t, or before n and a consonant (cruel,
 *     fluent), u+i before n or a final d (ruin, fluid), and any vowel before -ing (being,
 *     going);
 *   - an e that is a vowel group of its own is silent at the end of a word (make, here), in
 *     -es (makes; not after s, x, z, c, g, ch or sh: causes, changes, wishes) and in -ed
 *     (moved; not after t or d: lifted, needed), except the syllabic -le after b, c, d, f,
 *     g, k, p, s, t or z and -re after b, c, d, g, p, t or v (table, muscles, handled, fibre,
 *     hundred); and before -ly, -ty, -ment, -ness, -ful or -less after a consonant with a
 *     vowel somewhere before it (likely, safety, movement, careful; not cement);
 *   - a final -sm or -sms adds one (mechanism, spasm); n't after a consonant adds one
 *     (didn't; not don't, aren't); other apostrophes are ignored (doctor's);
 *   - every word has at least one syllable;
 *   - a short list of common words the rules get wrong (area, create, every, facelift,
 *     Korean, someone...) gives their counts directly, the shorter where two are said, as
 *     Flesch asks.
 * Checked against the CMU Pronouncing Dictionary (0.4, Debian's festlex-cmu), the rules give
 * the dictionary's count for about 98 in 100 of the different words of our articles and
 * documentation, and 93 in 100 of the dictionary's 105,000 words, names included.
 *
 * Thread safety: a readability counter belongs to one thread at a time; the functions
 * without one are pure.
 */
#ifndef SUTURE_READABILITY_H
#define SUTURE_READABILITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One counted sentence. */
typedef struct readability_sentence {
    size_t offset;     /* where its first word starts: see readability_add_block */
    size_t words;
    size_t syllables;
} readability_sentence;

/* The totals of a text. */
typedef struct readability_counts {
    size_t sentences;  /* sentences with at least one word */
    size_t words;
    size_t syllables;
} readability_counts;

/* A counter: blocks go in, counts, sentences and the grade come out. */
typedef struct readability readability;

/* A new, empty counter; free it with readability_free. Never NULL (out of memory aborts). */
readability *readability_new(void);
/* Free the counter. Accepts NULL. */
void readability_free(readability *r);

/*
 * Count one block of text: len bytes of UTF-8 (an invalid byte is read as U+FFFD, which
 * is not a letter), as a reader sees it (markup removed; a code span stands as U+FFFC,
 * which is not part of any word). offsets, when not NULL, holds len entries: the position
 * (any unit the caller likes, usually a byte offset in the source file) of each byte of
 * text, and a sentence's offset is that of its first word's first byte; with NULL the
 * offset is the byte index in this block. The block's end ends its last sentence.
 */
void readability_add_block(readability *r, const char *text, size_t len,
                           const uint32_t *offsets);

/* The totals of every block added so far. */
readability_counts readability_totals(const readability *r);

/*
 * The Flesch–Kincaid grade of every block added so far (readability_fk_grade of the
 * totals), or a NaN when no word was counted.
 */
double readability_grade(const readability *r);

/* The counted sentences, in the order added; *n receives how many. Valid until the next
 * readability_add_block or readability_free. */
const readability_sentence *readability_sentences(const readability *r, size_t *n);

/*
 * The indexes (into readability_sentences) of the longest sentences, at most max of them,
 * longest first (most words; of equal ones the earlier first), written to index (room for
 * max entries). Returns how many were written.
 */
size_t readability_longest(const readability *r, size_t max, size_t *index);

/*
 * The Flesch–Kincaid grade level 0.39 × words/sentences + 11.8 × syllables/words − 15.59
 * (Kincaid et al. 1975). Not bounded: very plain text scores below 0 (the least possible
 * is −3.4, one-syllable words in one-word sentences). A NaN when words or sentences is 0.
 */
double readability_fk_grade(size_t words, size_t sentences, size_t syllables);

/*
 * The grade rounded to one decimal, half away from zero (8.25 is 8.3, −1.45 is −1.5), as
 * `suture check` prints and compares it. A NaN stays a NaN.
 */
double readability_round(double grade);

/*
 * The syllables of one word (len bytes of UTF-8, as readability_add_block finds words:
 * letters, digits, inner apostrophes and hyphens), by the rules above; at least 1, or 0
 * for a text without a letter or digit.
 */
unsigned readability_syllables(const char *word, size_t len);

/*
 * True when a page in language lang (a BCP 47 tag such as "en", "en-GB" or "ko"; NULL is
 * not English) is graded: English only, whatever the region.
 */
bool readability_applies(const char *lang);

#endif
