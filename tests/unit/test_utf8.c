/* test_utf8.c: unit tests for utf8.h (where a text stops being UTF-8, and the message). */
#include "testutil.h"

#include <string.h>

#include "base/utf8.h"

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

/* ASCII is skipped eight bytes at a time: a bad byte is found, with its line and column,
 * wherever it falls in or after a long ASCII run, and a character cut short by the end of
 * the text after one is still cut short. */
static void test_invalid_after_ascii_runs(void **state)
{
    (void)state;
    char text[64];
    for (size_t at = 0; at < 40; at++) {
        memset(text, 'a', sizeof text);
        text[5] = '\n';
        text[at] = (char)0xff;
        bool before_newline = at <= 5;
        S_expect_invalid(text, sizeof text, at, before_newline ? 1 : 2,
                         before_newline ? (unsigned)at + 1 : (unsigned)(at - 5));
    }
    memset(text, 'b', sizeof text);
    memcpy(text + 20, "\xea\xb0\x80", 3);
    assert_true(utf8_valid(text, sizeof text, NULL));
    S_expect_invalid(text, 22, 20, 1, 21);
    text[62] = (char)0xc3;
    S_expect_invalid(text, 63, 62, 1, 61);
}

static void test_ascii_prefix(void **state)
{
    (void)state;
    assert_int_equal(utf8_ascii_prefix("", 0), 0);
    assert_int_equal(utf8_ascii_prefix("plain text, all ASCII", 21), 21);
    assert_int_equal(utf8_ascii_prefix("caf\xc3\xa9", 5), 3);
    /* Past the first eight bytes, and in the last bytes after the eight-byte words. */
    assert_int_equal(utf8_ascii_prefix("0123456789\xea\xb0\x80", 13), 10);
    assert_int_equal(utf8_ascii_prefix("0123456789abcdefg\x80", 18), 17);
    /* Only n bytes are read. */
    assert_int_equal(utf8_ascii_prefix("0123\xff", 4), 4);
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

/* Issue 14, point 11: an article's body that is not UTF-8 was published with U+FFFD in
 * place of its bad bytes, without a word. Its front matter is libyaml's to report. */
static void test_warn_after(void **state)
{
    (void)state;
    static const char fm[] = "---\ntitle: \"T\"\n---\n";
    diag_list *diags = diag_list_new();
    /* Valid; an empty body. */
    assert_true(utf8_warn_after("---\n---\nok\n", 11, 8, "a.md", "encoding", diags));
    assert_true(utf8_warn_after(fm, sizeof fm - 1, sizeof fm - 1, "a.md", "encoding", diags));
    /* Bad bytes in the front matter only, or before the body too: reported already. */
    static const char in_fm[] = "---\ntitle: \"caf\xe9\"\n---\ncaf\xe9\n";
    assert_true(utf8_warn_after(in_fm, sizeof in_fm - 1, 20, "a.md", "encoding", diags));
    assert_int_equal(diag_count(diags), 0);
    /* In the body: once, at the first bad byte, its column in characters. */
    static const char body[] = "---\ntitle: \"T\"\n---\n\xea\xb0\x80 ok\ncaf\xe9 \xff\n";
    assert_false(utf8_warn_after(body, sizeof body - 1, sizeof fm - 1, "a.md", "encoding", diags));
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, "a.md:5:4: warning: this file is not valid UTF-8 at line 5, column "
                             "4 (the bytes show as \xef\xbf\xbd on the page): save it as UTF-8 "
                             "in your editor [encoding]");
    /* A NUL in a valid body: once, at the first; none in the front matter is looked for. */
    static const char nul[] = "---\ntitle: \"T\"\n---\n\xea\xb0\x80 A\0B\0\n";
    assert_false(utf8_warn_after(nul, sizeof nul - 1, sizeof fm - 1, "b.md", "encoding", diags));
    assert_int_equal(diag_count(diags), 2);
    tu_expect_diag(diags, 1, "b.md:4:4: warning: this file holds a NUL character at line 4, "
                             "column 4 (it shows as \xef\xbf\xbd on the page): delete it in "
                             "your editor; it often comes from text pasted from another program "
                             "[encoding]");
    diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_invalid_after_ascii_runs),
        cmocka_unit_test(test_ascii_prefix),
        cmocka_unit_test(test_report_once),
        cmocka_unit_test(test_warn_after),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
