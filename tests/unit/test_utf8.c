/* test_utf8.c: unit tests for utf8.h (where a text stops being UTF-8, and the message). */
#include "testutil.h"

#include <string.h>

#include "utf8.h"

static void S_expect_invalid(const char *text, size_t len, size_t offset, unsigned line,
                             unsigned column)
{
    utf8_position at = {0, 0, 0};
    assert_false(utf8_valid(text, len, &at));
    assert_int_equal(at.offset, offset);
    assert_int_equal(at.line, line);
    assert_int_equal(at.column, column);
}

static void test_valid_text(void **state)
{
    (void)state;
    static const char ok[] = "plain\n\xea\xb0\x80 \xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbf\n";
    assert_true(utf8_valid(ok, sizeof ok - 1, NULL));
    assert_true(utf8_valid("", 0, NULL));
    /* A NUL byte is a character like another. */
    assert_true(utf8_valid("a\0b", 3, NULL));
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    /* Latin-1 é after Korean text: the column counts characters, not bytes. */
    S_expect_invalid("a\n\xea\xb0\x80\xea\xb0\x80 caf\xe9!", 15, 12, 2, 7);
    S_expect_invalid("\x80", 1, 0, 1, 1);                 /* a continuation byte alone */
    S_expect_invalid("x\xc0\xaf", 3, 1, 1, 2);            /* overlong '/' */
    S_expect_invalid("\xe0\x80\xaf", 3, 0, 1, 1);         /* overlong, three bytes */
    S_expect_invalid("\xed\xa0\x80", 3, 0, 1, 1);         /* a UTF-16 surrogate */
    S_expect_invalid("\xf4\x90\x80\x80", 4, 0, 1, 1);     /* above U+10FFFF */
    S_expect_invalid("\xf5\x80\x80\x80", 4, 0, 1, 1);
    S_expect_invalid("ab\xe2\x82", 4, 2, 1, 3);           /* cut short at the end */
    S_expect_invalid("\xe2\x82x", 3, 0, 1, 1);            /* cut short by a letter */
    S_expect_invalid("\n\n\n\xff", 4, 3, 4, 1);
}

static void test_report_once(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    assert_true(utf8_check("fine", 4, "a.xml", "template", diags));
    assert_int_equal(diag_count(diags), 0);
    assert_false(utf8_check("<x>\n caf\xe9 \xe9</x>", 15, "b.xml", "template", diags));
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, "b.xml:2:5: error: this file is not valid UTF-8 at line 2, "
                             "column 5: save it as UTF-8 in your editor [template]");
    diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_report_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
