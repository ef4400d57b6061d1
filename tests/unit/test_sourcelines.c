/*
 * test_sourcelines.c: unit tests for sourcelines.h, byte offsets turned into line:column
 * (in bytes and in characters) and back.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/sourcelines.h"

/* Line 1 "ab", line 2 Korean text, line 3 without a newline. */
static const char S_src[] = "ab\n최고의 best\nlast";

static void test_source_lines(void **state)
{
    (void)state;
    source_lines s;
    source_lines_init(&s, S_src, strlen(S_src));
    assert_int_equal(s.n, 3);
    assert_int_equal(s.starts[0], 0);
    assert_int_equal(s.starts[1], 3);
    assert_int_equal(s.starts[2], 3 + 9 + 6);
    source_lines_free(&s);

    source_lines_init(&s, "", 0);
    assert_int_equal(s.n, 1);
    source_lines_free(&s);

    /* A final newline starts an empty last line. */
    source_lines_init(&s, "a\nb\n", 4);
    assert_int_equal(s.n, 3);
    source_lines_free(&s);

    /* Many lines: the index grows. */
    char *many = xcalloc(1001, 1);
    memset(many, '\n', 1000);
    source_lines_init(&s, many, 1000);
    assert_int_equal(s.n, 1001);
    assert_int_equal(s.starts[1000], 1000);
    source_lines_free(&s);
    free(many);
}

static void test_source_offset(void **state)
{
    (void)state;
    source_lines s;
    source_lines_init(&s, S_src, strlen(S_src));
    assert_int_equal(source_offset(&s, 1, 1), 0);
    assert_int_equal(source_offset(&s, 1, 2), 1);
    /* Byte columns, as cmark counts: 'b' of "best" is byte 11 of line 2. */
    assert_int_equal(source_offset(&s, 2, 11), 13);
    assert_int_equal(S_src[13], 'b');
    assert_int_equal(source_offset(&s, 3, 1), 18);
    /* Line 0 is line 1; column 0 is column 1. */
    assert_int_equal(source_offset(&s, 0, 2), 1);
    assert_int_equal(source_offset(&s, 2, 0), 3);
    /* Beyond the end: clamped to the file's length. */
    assert_int_equal(source_offset(&s, 3, 50), strlen(S_src));
    assert_int_equal(source_offset(&s, 9, 1), strlen(S_src));
    source_lines_free(&s);
}

static void test_source_offset_chars(void **state)
{
    (void)state;
    source_lines s;
    source_lines_init(&s, S_src, strlen(S_src));
    /* Columns in characters, as libyaml counts: "best" is at column 5 of line 2. */
    assert_int_equal(source_offset_chars(&s, 2, 1), 3);
    assert_int_equal(source_offset_chars(&s, 2, 2), 6);
    assert_int_equal(source_offset_chars(&s, 2, 3), 9);
    assert_int_equal(source_offset_chars(&s, 2, 5), 13);
    /* A column past the line's end stops at its newline. */
    assert_int_equal(source_offset_chars(&s, 2, 40), 17);
    assert_int_equal(S_src[17], '\n');
    /* On the last line, at the file's end. */
    assert_int_equal(source_offset_chars(&s, 3, 40), strlen(S_src));
    assert_int_equal(source_offset_chars(&s, 7, 1), strlen(S_src));
    source_lines_free(&s);
}

static void test_source_position(void **state)
{
    (void)state;
    source_lines s;
    source_lines_init(&s, S_src, strlen(S_src));
    unsigned line = 0, column = 0;
    source_position(&s, 0, &line, &column);
    assert_int_equal(line, 1);
    assert_int_equal(column, 1);
    source_position(&s, 2, &line, &column); /* the newline of line 1 */
    assert_int_equal(line, 1);
    assert_int_equal(column, 3);
    source_position(&s, 3, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 1);
    /* 고 (bytes 6-8) is character 2; "best" is at character 5, not byte 11. */
    source_position(&s, 6, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 2);
    source_position(&s, 13, &line, &column);
    assert_int_equal(line, 2);
    assert_int_equal(column, 5);
    /* The last line has no newline. */
    source_position(&s, 18, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 1);
    source_position(&s, 21, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 4);
    /* The end of the file, and beyond it (clamped to the end). */
    source_position(&s, strlen(S_src), &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 5);
    source_position(&s, 1000, &line, &column);
    assert_int_equal(line, 3);
    assert_int_equal(column, 5);
    source_lines_free(&s);
}

static void test_source_position_round_trip(void **state)
{
    (void)state;
    source_lines s;
    source_lines_init(&s, S_src, strlen(S_src));
    /* Every character's offset survives offset -> line:column -> offset. */
    for (size_t off = 0; off < strlen(S_src); off++) {
        if (((unsigned char)S_src[off] & 0xC0) == 0x80)
            continue;
        unsigned line, column;
        source_position(&s, off, &line, &column);
        assert_int_equal(source_offset_chars(&s, line, column), off);
    }
    source_lines_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source_lines),
        cmocka_unit_test(test_source_offset),
        cmocka_unit_test(test_source_offset_chars),
        cmocka_unit_test(test_source_position),
        cmocka_unit_test(test_source_position_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
