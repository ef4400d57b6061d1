/*
 * test_readability.c: the Flesch–Kincaid grade level (readability.h): the formula against
 * a published example and hand-counted sentences, syllables of hand-counted words, and how
 * sentences and words are cut up (abbreviations, decimals, ellipses, addresses, blocks).
 */
#include "testutil.h"

#include "check/readability.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Assert that got is want, to within rounding (cmocka compares floats only as float). */
#define S_near(got, want) S_assert_near((got), (want), #got)
static void S_assert_near(double got, double want, const char *what)
{
    double d = got - want;
    if (!(d < 1e-9 && d > -1e-9))
        fail_msg("%s is %.17g, expected %.17g", what, got, want);
}

/* The counts of text given as the blocks of a NULL-terminated list. */
static readability *S_count(const char *const *blocks)
{
    readability *r = readability_new();
    for (size_t i = 0; blocks[i]; i++)
        readability_add_block(r, blocks[i], strlen(blocks[i]), NULL);
    return r;
}

/* Assert the totals of one block of text. */
static void S_expect(const char *text, size_t sentences, size_t words, size_t syllables)
{
    const char *blocks[] = {text, NULL};
    readability *r = S_count(blocks);
    readability_counts c = readability_totals(r);
    if (c.sentences != sentences || c.words != words || c.syllables != syllables)
        fail_msg("'%s': %zu sentences, %zu words, %zu syllables; expected %zu, %zu, %zu", text,
                 c.sentences, c.words, c.syllables, sentences, words, syllables);
    readability_free(r);
}

static void test_formula(void **state)
{
    (void)state;
    /* Kincaid et al. 1975: 0.39 × 13/1 + 11.8 × 24/13 − 15.59. */
    S_near(readability_fk_grade(13, 1, 24), 11.264615384615384);
    /* "The cat sat on the mat.": six one-syllable words in one sentence. */
    S_near(readability_fk_grade(6, 1, 6), -1.45);
    /* The least possible grade: one-syllable words in one-word sentences. */
    S_near(readability_fk_grade(10, 10, 10), -3.4);
    assert_true(isnan(readability_fk_grade(0, 0, 0)));
    assert_true(isnan(readability_fk_grade(5, 0, 7)));
    assert_true(isnan(readability_fk_grade(0, 3, 0)));
}

static void test_round(void **state)
{
    (void)state;
    S_near(readability_round(8.25), 8.3);
    S_near(readability_round(8.24), 8.2);
    S_near(readability_round(11.264615), 11.3);
    S_near(readability_round(9.04), 9.0);
    S_near(readability_round(-1.25), -1.3);
    S_near(readability_round(0), 0);
    assert_true(isnan(readability_round(NAN)));
}

/* The example of the Flesch–Kincaid article of the English Wikipedia: 13 words and 24
 * syllables, grade 11.3. */
static void test_published_example(void **state)
{
    (void)state;
    const char *blocks[] = {
        "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.",
        NULL};
    readability *r = S_count(blocks);
    readability_counts c = readability_totals(r);
    assert_int_equal(c.sentences, 1);
    assert_int_equal(c.words, 13);
    assert_int_equal(c.syllables, 24);
    S_near(readability_round(readability_grade(r)), 11.3);
    readability_free(r);
}

/* Sentences counted by hand. */
static void test_hand_counted(void **state)
{
    (void)state;
    /* A(1) thread(1) lift(1) places(2) thin(1) threads(1) under(2) the(1) skin(1): 9, 11.
     * It(1) can(1) cause(1) bruising(2), swelling(2) and(1) dimpling(2): 7, 10.
     * Ask(1) your(1) doctor(2) what(1) to(1) expect(2): 6, 8. */
    const char *blocks[] = {"A thread lift places thin threads under the skin. It can cause "
                            "bruising, swelling and dimpling. Ask your doctor what to expect.",
                            NULL};
    readability *r = S_count(blocks);
    readability_counts c = readability_totals(r);
    assert_int_equal(c.sentences, 3);
    assert_int_equal(c.words, 22);
    assert_int_equal(c.syllables, 29);
    /* 0.39 × 22/3 + 11.8 × 29/22 − 15.59 */
    S_near(readability_grade(r), 2.8245454545454545);
    S_near(readability_round(readability_grade(r)), 2.8);
    size_t n;
    const readability_sentence *s = readability_sentences(r, &n);
    assert_int_equal(n, 3);
    assert_int_equal(s[0].offset, 0);
    assert_int_equal(s[0].words, 9);
    assert_int_equal(s[0].syllables, 11);
    assert_int_equal(s[1].offset, 50);
    assert_int_equal(s[1].words, 7);
    assert_int_equal(s[1].syllables, 10);
    assert_int_equal(s[2].offset, 96);
    assert_int_equal(s[2].words, 6);
    assert_int_equal(s[2].syllables, 8);
    readability_free(r);

    /* The cat(1) sat(1) on(1) the(1) mat(1). */
    const char *cat[] = {"The cat sat on the mat.", NULL};
    r = S_count(cat);
    S_near(readability_grade(r), -1.45);
    readability_free(r);

    /* Consultation(4) is(1) a(1) meeting(2) with(1) a(1) doctor(2) before(2) any(2)
     * treatment(2): 10 words, 18 syllables. */
    S_expect("Consultation is a meeting with a doctor before any treatment.", 1, 10, 18);
    /* The(1) SMAS(1) is(1) a(1) firm(1) sheet(1) of(1) connective(3) tissue(2) under(2)
     * the(1) skin(1) and(1) fat(1): 14 words, 18 syllables. */
    S_expect("The SMAS is a firm sheet of connective tissue under the skin and fat.", 1, 14, 18);
}

static void test_syllables(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        unsigned syllables;
    } cases[] = {
        /* vowel groups, y */
        {"a", 1}, {"skin", 1}, {"thread", 1}, {"doctor", 2}, {"tissue", 2}, {"body", 2},
        {"layer", 2}, {"beyond", 2}, {"system", 2}, {"yes", 1}, {"eye", 1}, {"day", 1},
        /* silent e, -le, -re */
        {"make", 1}, {"the", 1}, {"here", 1}, {"free", 1}, {"table", 2}, {"people", 2},
        {"simple", 2}, {"while", 1}, {"whole", 1}, {"fibre", 2}, {"centre", 2}, {"more", 1},
        /* -es, -ed */
        {"makes", 1}, {"changes", 2}, {"causes", 2}, {"boxes", 2}, {"wishes", 2},
        {"muscles", 2}, {"lines", 1}, {"moved", 1}, {"lifted", 2}, {"needed", 2},
        {"pulled", 1}, {"handled", 2}, {"hundred", 2}, {"agreed", 2}, {"tied", 1},
        /* silent e before a suffix */
        {"likely", 2}, {"movement", 2}, {"careful", 2}, {"safety", 2}, {"completely", 3},
        {"management", 3}, {"cement", 2}, {"settlement", 3},
        /* vowel pairs said as two */
        {"media", 3}, {"facial", 2}, {"special", 2}, {"Asia", 2}, {"Australian", 3},
        {"associate", 4}, {"period", 3}, {"radio", 3}, {"incision", 3}, {"opinion", 3},
        {"million", 2}, {"medium", 3}, {"earlier", 3}, {"quiet", 2}, {"client", 2},
        {"experience", 4}, {"patient", 2}, {"video", 3}, {"surgeon", 2}, {"usually", 4},
        {"language", 2}, {"cruel", 2}, {"fluent", 2}, {"ruin", 2}, {"being", 2},
        {"going", 2}, {"relying", 3}, {"saying", 2}, {"previous", 3}, {"serious", 3},
        /* qu */
        {"quite", 1}, {"quality", 3}, {"technique", 2}, {"question", 2},
        /* -ism, contractions, possessives */
        {"mechanism", 4}, {"spasm", 2}, {"didn't", 2}, {"don't", 1}, {"can't", 1},
        {"aren't", 1}, {"wouldn\xE2\x80\x99t", 2}, {"doctor's", 2}, {"nurse's", 2},
        {"it's", 1},
        /* exceptions */
        {"area", 3}, {"idea", 3}, {"create", 2}, {"every", 2}, {"someone", 2},
        {"facelift", 2}, {"Korean", 3}, {"science", 2},
        /* hyphens, capitals, figures, other scripts */
        {"full-length", 2}, {"pre-masseteric", 5}, {"low-effort", 3}, {"TV", 1}, {"SMAS", 1},
        {"CQC", 1}, {"cm", 1}, {"17", 1}, {"2.5", 1}, {"10,000", 1}, {"2\xE2\x80\x93" "3", 1},
        {"2-3", 1}, {"10-day", 2}, {"caf\xC3\xA9", 2}, {"\xEB\xA6\xAC\xED\x94\x84\xED\x8C\x85", 3},
        {"", 0}, {"--", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned got = readability_syllables(cases[i].word, strlen(cases[i].word));
        if (got != cases[i].syllables)
            fail_msg("'%s': %u syllables, expected %u", cases[i].word, got,
                     cases[i].syllables);
    }
}

/* The counts of words met before come from a cache of the words last counted: a word read
 * again, long words on either side of the longest kept (15 letters) and words that differ
 * only in their last letters each keep their own count. */
static void test_syllables_counted_again(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        unsigned syllables;
    } cases[] = {
        {"characterisation", 6}, {"characterisations", 6}, {"organisationally", 7},
        {"anaesthetic", 4}, {"anaesthetist", 4}, {"anaesthesia", 4}, {"people", 2},
        {"peoples", 2}, {"make", 1}, {"makes", 1}, {"the", 1}, {"a", 1},
    };
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            unsigned got = readability_syllables(cases[i].word, strlen(cases[i].word));
            if (got != cases[i].syllables)
                fail_msg("pass %d, '%s': %u syllables, expected %u", pass, cases[i].word, got,
                         cases[i].syllables);
        }
}

static void test_sentence_ends(void **state)
{
    (void)state;
    /* . ! ? and the end of the block. */
    S_expect("Stop. Why? Now! Then", 4, 4, 4);
    /* A closing quote or bracket after the full stop. */
    S_expect("He said \"no.\" Then (it ended.) Fine", 3, 7, 8);
    /* Inside a token a terminator ends nothing: decimals, addresses, "a?b". */
    S_expect("It is 2.5 cm long and ok?yes so.", 1, 9, 9);
    /* Abbreviations, initials, dotted letters: no end; "etc." ends one. */
    S_expect("Ask Dr. Kim. See Prof. Lee and Mr. Park.", 2, 9, 9);
    S_expect("Some fillers, e.g. Botox, wear off. J. Kim agrees.", 2, 9, 12);
    S_expect("Threads, needles etc. Then it ends.", 2, 6, 7);
    /* A lower-case word or a digit after the full stop: the stop was an abbreviation. */
    S_expect("It takes approx. three days or about no. 2 of them.", 1, 11, 13);
    /* Ellipses: before a capital they end a sentence, before a lower-case word not. */
    S_expect("Wait... Then it ends.", 2, 4, 4);
    S_expect("Wait\xE2\x80\xA6 Then it ends.", 2, 4, 4);
    S_expect("The result... which varies.", 1, 4, 6);
    S_expect("It fades\xE2\x80\xA6 slowly.", 1, 3, 4);
    /* A sentence without a word is not a sentence. */
    S_expect("\xEF\xBF\xBC. Next one.", 1, 2, 2);
    S_expect("...", 0, 0, 0);
    S_expect("", 0, 0, 0);
    S_expect("   ", 0, 0, 0);
}

static void test_words(void **state)
{
    (void)state;
    /* Hyphens and apostrophes inside a word; dashes between words separate. */
    S_expect("A well-known doctor's view isn't final.", 1, 6, 10);
    S_expect("Swelling\xE2\x80\x94" "mild or not\xE2\x80\x94" "fades.", 1, 5, 6);
    S_expect("Swelling \xE2\x80\x93 mild \xE2\x80\x93 fades.", 1, 3, 4);
    /* Numbers with their separators are one word of one syllable. */
    S_expect("A cut of 2\xE2\x80\x93" "3 cm, 10,000 lifts, 1.5 mm.", 1, 9, 9);
    /* Addresses are not read: not words, and their full stops end nothing. */
    S_expect("See https://example.org/a.B and www.example.org or info@example.org today.", 1,
             4, 5);
    S_expect("Read it (www.example.org) or <https://example.org/> today.", 1, 4, 5);
    S_expect("Mail: info@example.org. Note: hours vary.", 2, 4, 5);
    /* A code span (U+FFFC) is no word, and joins none. */
    S_expect("Run \xEF\xBF\xBC now.", 1, 2, 2);
    /* Trailing apostrophes and hyphens are not part of the word. */
    S_expect("The patients' notes - all of them.", 1, 6, 7);
    /* Letters with full stops between are one word. */
    S_expect("i.e. U.S. cases", 1, 3, 4);
}

/*
 * Words are read in one pass, most of them as a run of ASCII letters looked up in a cache:
 * what follows the letters, or how a word first came, must not change how it is counted.
 */
static void test_word_edges(void **state)
{
    (void)state;
    /* Dotted letters before a no-break space (U+00A0), which ends the token. */
    S_expect("Fillers e.g.\xC2\xA0" "Botox wear off.", 1, 5, 7);
    /* A digit after letters continues the word, even when the letters alone were counted
     * before: B12 is one word. */
    S_expect("Vitamin B and B12 help.", 1, 5, 7);
    /* Capitals are an abbreviation of one syllable, whatever the same letters in lower case
     * count and in either order: idea 3, IDEA 1, USA 1, usa 2. */
    S_expect("An idea: the IDEA trial, in the USA and the usa.", 1, 11, 15);
    /* Accented letters, within a word and at its end, also after letters counted alone
     * before: Noël is one word. */
    S_expect("A study of 2\xC3\xA9t\xC3\xA9 and caf\xC3\xA9 ideas.", 1, 7, 11);
    S_expect("No No\xC3\xABl this year, no.", 1, 5, 5);
    /* The same words with the block's end close after them and far from them. */
    S_expect("Swelling fades", 1, 2, 3);
    S_expect("Swelling fades over the next weeks, as a rule of thumb.", 1, 11, 13);
    /* A hyphen after letters: the parts of one word. */
    S_expect("Its anti-inflammatory effect.", 1, 3, 10);
    /* A time in an address, and one in the text. */
    S_expect("See www.example.org/10:30 or 10:30 today.", 1, 4, 5);
}

static void test_blocks_end_sentences(void **state)
{
    (void)state;
    /* A list of short items: each item a sentence, not one long one. */
    const char *blocks[] = {"Possible problems include:", "bruising", "swelling and soreness",
                            "a thread that can be felt", NULL};
    readability *r = S_count(blocks);
    readability_counts c = readability_totals(r);
    assert_int_equal(c.sentences, 4);
    assert_int_equal(c.words, 13);
    size_t n;
    const readability_sentence *s = readability_sentences(r, &n);
    assert_int_equal(n, 4);
    assert_int_equal(s[0].words, 3);
    assert_int_equal(s[1].words, 1);
    assert_int_equal(s[2].words, 3);
    assert_int_equal(s[3].words, 6);
    /* Without offsets a sentence's offset is its byte index in its block. */
    assert_int_equal(s[3].offset, 0);
    readability_free(r);
}

static void test_offsets(void **state)
{
    (void)state;
    /* Offsets map each byte to its source: here the text came from byte 100 on, with a
     * two-byte gap (say, "**") before "Then". */
    const char *text = "Hi there. Then more.";
    size_t len = strlen(text);
    uint32_t offsets[32];
    for (size_t i = 0; i < len; i++)
        offsets[i] = (uint32_t)(100 + i + (i >= 10 ? 2 : 0));
    readability *r = readability_new();
    readability_add_block(r, text, len, offsets);
    size_t n;
    const readability_sentence *s = readability_sentences(r, &n);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].offset, 100);
    assert_int_equal(s[1].offset, 112);
    readability_free(r);
}

static void test_longest(void **state)
{
    (void)state;
    const char *blocks[] = {"One two.", "One two three four five.", "One.",
                            "One two three four five.", "One two three.", NULL};
    readability *r = S_count(blocks);
    size_t index[8];
    assert_int_equal(readability_longest(r, 3, index), 3);
    /* Longest first; of equal ones the earlier first. */
    assert_int_equal(index[0], 1);
    assert_int_equal(index[1], 3);
    assert_int_equal(index[2], 4);
    assert_int_equal(readability_longest(r, 8, index), 5);
    assert_int_equal(index[3], 0);
    assert_int_equal(index[4], 2);
    assert_int_equal(readability_longest(r, 1, index), 1);
    assert_int_equal(index[0], 1);
    readability_free(r);

    r = readability_new();
    assert_int_equal(readability_longest(r, 3, index), 0);
    assert_true(isnan(readability_grade(r)));
    readability_counts c = readability_totals(r);
    assert_int_equal(c.sentences + c.words + c.syllables, 0);
    readability_free(r);
    readability_free(NULL);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* A stray byte is not a letter: it separates words and never crashes. */
    S_expect("Skin\xFF" "deep and \xC3 thin.", 1, 4, 4);
    S_expect("\xE2\x80", 0, 0, 0);
}

static void test_applies(void **state)
{
    (void)state;
    assert_true(readability_applies("en"));
    assert_true(readability_applies("en-GB"));
    assert_true(readability_applies("EN-us"));
    assert_false(readability_applies("ko"));
    assert_false(readability_applies("ko-KR"));
    assert_false(readability_applies("eng"));
    assert_false(readability_applies("e"));
    assert_false(readability_applies(""));
    assert_false(readability_applies(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formula),
        cmocka_unit_test(test_round),
        cmocka_unit_test(test_published_example),
        cmocka_unit_test(test_hand_counted),
        cmocka_unit_test(test_syllables),
        cmocka_unit_test(test_syllables_counted_again),
        cmocka_unit_test(test_sentence_ends),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_word_edges),
        cmocka_unit_test(test_blocks_end_sentences),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_longest),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_applies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
