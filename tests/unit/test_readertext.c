/*
 * test_readertext.c: reader text with source positions (readertext.h): alignment of the
 * text a reader sees with the source bytes it came from, normalisation to what the screen
 * shows (line:column: test_sourcelines.c).
 *
 * Invisible characters are written as \u escapes (UTF-8 in the string); everything else is
 * written as it reads.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/alloc.h"
#include "check/readertext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Assert that t reads text and that its byte i came from source offset src[i]. */
static void S_expect(const reader_text *t, const char *text, const uint32_t *src, size_t n)
{
    assert_non_null(t->text);
    assert_string_equal(t->text, text);
    assert_int_equal(t->len, strlen(text));
    assert_int_equal(t->len, n);
    for (size_t i = 0; i < n; i++) {
        if (t->src[i] != src[i])
            fail_msg("byte %zu ('%c') comes from offset %u, expected %u", i, t->text[i],
                     (unsigned)t->src[i], (unsigned)src[i]);
    }
}

#define EXPECT(t, text, ...)                                                                  \
    do {                                                                                      \
        static const uint32_t want_[] = {__VA_ARGS__};                                        \
        S_expect((t), (text), want_, sizeof want_ / sizeof *want_);                           \
    } while (0)

/* Append lit aligned with src, starting at src_start. */
static void S_align(reader_text *t, const char *lit, const char *src, size_t src_start)
{
    rtext_append_aligned(t, lit, strlen(lit), src, strlen(src), src_start);
}

/* ---- building ---- */

static void test_init_clear_free(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    assert_int_equal(t.len, 0);
    rtext_append_at(&t, "abc", 3, 7);
    EXPECT(&t, "abc", 7, 7, 7);
    rtext_clear(&t);
    assert_int_equal(t.len, 0);
    assert_string_equal(t.text, "");
    /* The memory is kept for reuse. */
    assert_true(t.cap > 0);
    rtext_append_at(&t, "x", 1, 2);
    EXPECT(&t, "x", 2);
    rtext_free(&t);
    assert_null(t.text);
    assert_int_equal(t.len, 0);
    rtext_free(&t); /* a freed text can be freed again */
}

static void test_append_at(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    S_align(&t, "the", "the most", 0);
    /* A space standing for a line break, then a code span's object character. */
    rtext_append_at(&t, " ", 1, 3);
    rtext_append_at(&t, RTEXT_OBJECT, strlen(RTEXT_OBJECT), 40);
    EXPECT(&t, "the " RTEXT_OBJECT, 0, 1, 2, 3, 40, 40, 40);
    /* n bytes only, not up to the NUL. */
    rtext_append_at(&t, "xyz", 2, 9);
    EXPECT(&t, "the " RTEXT_OBJECT "xy", 0, 1, 2, 3, 40, 40, 40, 9, 9);
    rtext_free(&t);
}

static void test_append_grows(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    for (size_t i = 0; i < 1000; i++)
        rtext_append_at(&t, "ab", 2, i);
    assert_int_equal(t.len, 2000);
    assert_int_equal(strlen(t.text), 2000);
    assert_int_equal(t.src[0], 0);
    assert_int_equal(t.src[1999], 999);
    rtext_free(&t);
}

/* ---- alignment ---- */

static void test_aligned_plain(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* A text node that starts at byte 6 of its line. */
    S_align(&t, "most effective", "It is most effective.", 6);
    EXPECT(&t, "most effective", 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    rtext_free(&t);
}

/* Runs are compared eight bytes at a time: an escape found after a long run, at each place
 * in an eight-byte word, takes the backslash's position as a shorter one does. */
static void test_aligned_long_runs(void **state)
{
    (void)state;
    for (size_t at = 0; at < 20; at++) {
        char lit[32], src[33];
        memset(lit, 'a', sizeof lit);
        lit[at] = '*';
        lit[sizeof lit - 1] = '\0';
        memcpy(src, lit, at);
        src[at] = '\\';
        memcpy(src + at + 1, lit + at, sizeof lit - at);
        reader_text t;
        rtext_init(&t);
        S_align(&t, lit, src, 0);
        assert_string_equal(t.text, lit);
        for (size_t i = 0; i < t.len; i++)
            assert_int_equal(t.src[i], i <= at ? i : i + 1);
        rtext_free(&t);
    }
}

static void test_aligned_backslash_escape(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* "\*" reads "*": the backslash is skipped and the star takes its position. */
    S_align(&t, "a*b c", "a\\*b c", 0);
    EXPECT(&t, "a*b c", 0, 1, 3, 4, 5);
    rtext_free(&t);
}

static void test_aligned_numeric_entity(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* "&#x6D;" is "m": the m is placed at the '&', the rest continues after the ';'. */
    S_align(&t, "the most", "the &#x6D;ost", 0);
    EXPECT(&t, "the most", 0, 1, 2, 3, 4, 10, 11, 12);
    rtext_free(&t);
}

static void test_aligned_named_entity(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    S_align(&t, "A & B", "A &amp; B", 0);
    EXPECT(&t, "A & B", 0, 1, 2, 7, 8);
    rtext_clear(&t);
    /* An entity for a character of two UTF-8 bytes: both bytes at the '&'. */
    S_align(&t, "caf\xC3\xA9 ok", "caf&eacute; ok", 0);
    EXPECT(&t, "caf\xC3\xA9 ok", 0, 1, 2, 3, 3, 11, 12, 13);
    rtext_free(&t);
}

static void test_aligned_yaml_quoted(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* libyaml's value starts at the opening quote (column 8): the quote is skipped. */
    S_align(&t, "best", "title: \"best\"\n", 7);
    EXPECT(&t, "best", 8, 9, 10, 11);
    rtext_free(&t);
}

static void test_aligned_multiline(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* A folded YAML scalar: the line break and indentation read as one space. */
    const char *src = "summary: >\n  the most\n  effective\n";
    size_t start = (size_t)(strstr(src, "the") - src);
    assert_int_equal(start, 13);
    S_align(&t, "the most effective", src, start);
    /* The space that stands for the line break takes the first skipped blank's place. */
    EXPECT(&t, "the most effective", 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 25, 26, 27, 28,
           29, 30, 31, 32);
    rtext_free(&t);
}

static void test_aligned_start_offset_and_appending(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    const char *src = "**most** effective";
    /* cmark gives two text nodes, "most" at byte 2 and " effective" at byte 8. */
    S_align(&t, "most", src, 2);
    S_align(&t, " effective", src, 8);
    EXPECT(&t, "most effective", 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    rtext_free(&t);
}

static void test_aligned_not_found(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* A byte that is not in the source takes the position reached so far. */
    S_align(&t, "aXb", "ab", 0);
    EXPECT(&t, "aXb", 0, 1, 1);
    rtext_clear(&t);
    /* Past the end of the source: the last byte's position. */
    S_align(&t, "abc!", "abc", 0);
    EXPECT(&t, "abc!", 0, 1, 2, 2);
    rtext_clear(&t);
    /* A start beyond the source is clamped. */
    S_align(&t, "z", "abc", 10);
    EXPECT(&t, "z", 2);
    rtext_free(&t);
}

static void test_aligned_lookahead_limit(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* The aligner looks at most 64 bytes ahead for a byte of the literal. */
    char src[200];
    memset(src, '.', sizeof src);
    src[0] = 'a';
    src[63] = 'b';  /* within reach of byte 0 */
    src[150] = 'c'; /* too far from byte 64 */
    src[199] = '\0';
    rtext_append_aligned(&t, "abc", 3, src, 199, 0);
    EXPECT(&t, "abc", 0, 63, 64);
    rtext_free(&t);
}

/* ---- normalisation ---- */

static void test_normalize_ascii_untouched(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    S_align(&t, "the best", "x the best", 2);
    char *before = t.text;
    rtext_normalize(&t);
    assert_ptr_equal(t.text, before);
    EXPECT(&t, "the best", 2, 3, 4, 5, 6, 7, 8, 9);
    rtext_free(&t);
}

/* Text that is ASCII for more than eight bytes and then is not is normalised: full-width
 * letters after a long run of ASCII. */
static void test_normalize_after_long_ascii(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* "ｂｅｓｔ", full width, after 17 ASCII bytes. */
    const char *src = "the clinic is the \xEF\xBD\x82\xEF\xBD\x85\xEF\xBD\x93\xEF\xBD\x94";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    assert_string_equal(t.text, "the clinic is the best");
    assert_int_equal(t.src[18], 18);
    assert_int_equal(t.src[21], 27);
    rtext_free(&t);
}

static void test_normalize_empty(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    rtext_normalize(&t);
    assert_int_equal(t.len, 0);
    rtext_free(&t);
    /* Nothing but invisible characters: nothing is left. */
    rtext_init(&t);
    rtext_append_at(&t, "\u200B\u00AD", strlen("\u200B\u00AD"), 0);
    rtext_normalize(&t);
    assert_int_equal(t.len, 0);
    assert_string_equal(t.text, "");
    rtext_free(&t);
}

static void test_normalize_full_width(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    const char *src = "the ｂｅｓｔ care";
    S_align(&t, src, src, 0);
    assert_int_equal(t.len, 4 + 12 + 5);
    rtext_normalize(&t);
    /* Each ASCII letter takes the offset of the three-byte letter it came from. */
    EXPECT(&t, "the best care", 0, 1, 2, 3, 4, 7, 10, 13, 16, 17, 18, 19, 20);
    rtext_free(&t);
}

static void test_normalize_compatibility(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    const char *src = "step ① ﬁne";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    /* The circled digit becomes 1; the ligature two letters, both at its offset. */
    EXPECT(&t, "step 1 fine", 0, 1, 2, 3, 4, 5, 8, 9, 9, 12, 13);
    rtext_free(&t);
}

static void test_normalize_removes_invisible(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* A zero-width space (3 bytes) and a soft hyphen (2 bytes) inside words. */
    const char *src = "mo\u200Bst ef\u00ADfective";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "most effective", 0, 1, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18);
    rtext_free(&t);
}

static void test_normalize_zero_width_joiners(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* ZWJ, ZWNJ and the BOM used as a zero-width no-break space are all invisible. */
    const char *src = "b\u200De\u200Cs\uFEFFt";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "best", 0, 4, 8, 12);
    rtext_free(&t);
}

static void test_normalize_composes_jamo(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* HIEUH + A + NIEUN (conjoining Jamo, 3 bytes each) read as the syllable 한. */
    const char *src = "x \u1112\u1161\u11AB y";
    S_align(&t, src, src, 0);
    assert_int_equal(t.len, 2 + 9 + 2);
    rtext_normalize(&t);
    EXPECT(&t, "x 한 y", 0, 1, 2, 2, 2, 11, 12);
    assert_string_equal(t.text, "x \uD55C y");
    rtext_free(&t);
}

static void test_normalize_spaces_and_digits(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* Every white space reads ' ' (a no-break space, the ideographic space), a line
     * separator (U+2028) reads '\n', and every decimal digit its ASCII digit (Arabic-Indic
     * ٩٠ is 90), each at its own offset. */
    const char *src = "a\u00A0b\u2028c\u3000\u0669\u0660%";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "a b\nc 90%", 0, 1, 3, 4, 7, 8, 11, 13, 15);
    rtext_free(&t);
}

static void test_normalize_collapses_white_space_runs(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* ASCII text too: a run of white space is one ' ' at the run's first byte, or one '\n'
     * when the run ends a line (LF or CR), so sentence breaks stay where they were. */
    const char *src = "most  \teffective.\r\n  Next\fline";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "most effective.\nNext line", 0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15,
           16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29);
    rtext_clear(&t);
    /* Mixed with Unicode: a no-break space beside a space is one run. */
    src = "best \u00A0 results";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "best results", 0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14);
    rtext_free(&t);
}

static void test_space_normalized(void **state)
{
    (void)state;
    assert_true(rtext_space_normalized("", 0));
    assert_true(rtext_space_normalized("a b\nc", 5));
    assert_true(rtext_space_normalized("café — 「최고」 ’", strlen("café — 「최고」 ’")));
    assert_false(rtext_space_normalized("a  b", 4));
    assert_false(rtext_space_normalized("a \nb", 4));
    assert_false(rtext_space_normalized("a\tb", 3));
    assert_false(rtext_space_normalized("a\rb", 3));
    assert_false(rtext_space_normalized("a\u00A0b", strlen("a\u00A0b")));
    assert_false(rtext_space_normalized("a\u2009b", strlen("a\u2009b")));
    assert_false(rtext_space_normalized("최고\u3000시술", strlen("최고\u3000시술")));
    /* Two spaces on either side of a 64-byte block's end, and a tab far into a long text. */
    char buf[200];
    memset(buf, 'x', sizeof buf);
    buf[63] = ' ';
    assert_true(rtext_space_normalized(buf, sizeof buf));
    buf[64] = ' ';
    assert_false(rtext_space_normalized(buf, sizeof buf));
    buf[64] = 'x';
    buf[190] = '\t';
    assert_false(rtext_space_normalized(buf, sizeof buf));
    /* What rtext_normalize makes always passes. */
    reader_text t;
    rtext_init(&t);
    const char *src = "a \t\u00A0b\r\n\r\nc\u3000 d";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    assert_string_equal(t.text, "a b\nc d");
    assert_true(rtext_space_normalized(t.text, t.len));
    rtext_free(&t);
}

/* What rtext_space_normalized answers, one character at a time. */
static bool S_space_normalized_slowly(const char *text, size_t len)
{
    bool after_space = false;
    for (int32_t i = 0; i < (int32_t)len;) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)len, c);
        bool ws = c >= 0 && u_isUWhiteSpace(c);
        if (ws && (c != ' ' && c != '\n'))
            return false;
        if (ws && after_space)
            return false;
        after_space = ws;
    }
    return true;
}

static void test_space_normalized_matches_slow_reading(void **state)
{
    (void)state;
    /* Random texts of up to 40 pieces, where a space or tab can fall anywhere against the
     * eight-byte words the fast reading takes. */
    static const char *const pieces[] = {"a", " ", "\n", "\t", "\r", "bc", "\u00A0", "¢",
                                         "’", "\u2009", "\u3000", "「", "최", "é"};
    size_t n_pieces = sizeof pieces / sizeof *pieces;
    unsigned seed = 17;
    char buf[200];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0, count = (size_t)(rand_r(&seed) % 40);
        for (size_t k = 0; k < count; k++) {
            const char *p = pieces[(size_t)rand_r(&seed) % n_pieces];
            /* Mostly letters, so that texts are often normalised. */
            if (rand_r(&seed) % 3)
                p = (rand_r(&seed) % 4) ? "a" : " ";
            size_t pl = strlen(p);
            memcpy(buf + len, p, pl);
            len += pl;
        }
        bool want = S_space_normalized_slowly(buf, len);
        if (rtext_space_normalized(buf, len) != want)
            fail_msg("round %d: '%.*s' should be %s", round, (int)len, buf,
                     want ? "normalised" : "not normalised");
        /* And whatever rtext_normalize makes of it is normalised. */
        buf[len] = '\0';
        reader_text t;
        rtext_init(&t);
        S_align(&t, buf, buf, 0);
        rtext_normalize(&t);
        if (!S_space_normalized_slowly(t.text ? t.text : "", t.len))
            fail_msg("round %d: '%s' normalised to '%s'", round, buf, t.text);
        rtext_free(&t);
    }
}

static void test_normalize_syllable_and_trailing_jamo(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* The precomposed 하 followed by a trailing NIEUN composes to 한 at the 하. Once the text
     * needs normalising, every byte of a character that is not ASCII takes its first
     * byte's offset, even where the character is unchanged (다). */
    const char *src = "하\u11AB다";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "한다", 0, 0, 0, 6, 6, 6);
    rtext_free(&t);
}

static void test_normalize_invalid_utf8(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* A stray byte is left as it is; the full-width letter after it is still normalised. */
    const char src[] = "\xFF \xEF\xBD\x82";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "\xFF b", 0, 1, 2);
    rtext_free(&t);
}

static void test_normalize_combining_mark(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    /* e + COMBINING ACUTE ACCENT composes to é, both bytes at the e. */
    const char *src = "cafe\u0301!";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "caf\xC3\xA9!", 0, 1, 2, 3, 3, 6);
    rtext_free(&t);
}

static void test_normalize_korean_unchanged(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    const char *src = "최고의 시술";
    S_align(&t, src, src, 0);
    rtext_normalize(&t);
    EXPECT(&t, "최고의 시술", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    rtext_free(&t);
}

static void test_normalize_keeps_object_character(void **state)
{
    (void)state;
    reader_text t;
    rtext_init(&t);
    S_align(&t, "use ", "use `x` ｂ", 0);
    rtext_append_at(&t, RTEXT_OBJECT, strlen(RTEXT_OBJECT), 4);
    S_align(&t, " ｂ", "use `x` ｂ", 7);
    rtext_normalize(&t);
    EXPECT(&t, "use " RTEXT_OBJECT " b", 0, 1, 2, 3, 4, 4, 4, 7, 8);
    rtext_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_clear_free),
        cmocka_unit_test(test_append_at),
        cmocka_unit_test(test_append_grows),
        cmocka_unit_test(test_aligned_plain),
        cmocka_unit_test(test_aligned_long_runs),
        cmocka_unit_test(test_aligned_backslash_escape),
        cmocka_unit_test(test_aligned_numeric_entity),
        cmocka_unit_test(test_aligned_named_entity),
        cmocka_unit_test(test_aligned_yaml_quoted),
        cmocka_unit_test(test_aligned_multiline),
        cmocka_unit_test(test_aligned_start_offset_and_appending),
        cmocka_unit_test(test_aligned_not_found),
        cmocka_unit_test(test_aligned_lookahead_limit),
        cmocka_unit_test(test_normalize_ascii_untouched),
        cmocka_unit_test(test_normalize_after_long_ascii),
        cmocka_unit_test(test_normalize_empty),
        cmocka_unit_test(test_normalize_full_width),
        cmocka_unit_test(test_normalize_compatibility),
        cmocka_unit_test(test_normalize_removes_invisible),
        cmocka_unit_test(test_normalize_zero_width_joiners),
        cmocka_unit_test(test_normalize_composes_jamo),
        cmocka_unit_test(test_normalize_spaces_and_digits),
        cmocka_unit_test(test_normalize_collapses_white_space_runs),
        cmocka_unit_test(test_space_normalized),
        cmocka_unit_test(test_space_normalized_matches_slow_reading),
        cmocka_unit_test(test_normalize_syllable_and_trailing_jamo),
        cmocka_unit_test(test_normalize_invalid_utf8),
        cmocka_unit_test(test_normalize_combining_mark),
        cmocka_unit_test(test_normalize_korean_unchanged),
        cmocka_unit_test(test_normalize_keeps_object_character),
    };
    return cmocka_run_group_tests_name("readertext", tests, NULL, NULL);
}
