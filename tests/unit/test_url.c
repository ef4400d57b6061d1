/* test_url.c: reading an address's scheme the browser's way (url.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/url.h"

#include <string.h>

static void test_url_browser_start(void **state)
{
    (void)state;
    const char *a = "  \x01\x1f\tjavascript:x";
    assert_ptr_equal(url_browser_start(a), a + 5);
    assert_string_equal(url_browser_start(" \n"), "");
    assert_string_equal(url_browser_start("a b"), "a b");
    assert_string_equal(url_browser_start(""), "");
    /* Only C0 controls and space: DEL and bytes above stay. */
    assert_string_equal(url_browser_start("\x7f" "a"), "\x7f" "a");
    assert_string_equal(url_browser_start("\xc2\xa0" "a"), "\xc2\xa0" "a");
}

static void test_url_browser_scheme(void **state)
{
    (void)state;
    char s[16];
    const char *rest = "unset";
    assert_int_equal(url_browser_scheme("https://example.org/", s, sizeof s, &rest), 5);
    assert_string_equal(s, "https");
    assert_string_equal(rest, "//example.org/");
    /* Tabs and new lines anywhere, leading controls and spaces: still javascript. */
    const char *a = " \x01java\tscr\nipt\r:alert(1)";
    assert_int_equal(url_browser_scheme(a, s, sizeof s, &rest), 10);
    assert_string_equal(s, "javascript");
    assert_ptr_equal(rest, strchr(a, ':') + 1);
    /* Lower case; digits, '+', '-' and '.' after the first letter. */
    assert_int_equal(url_browser_scheme("VBScript:x", s, sizeof s, NULL), 8);
    assert_string_equal(s, "vbscript");
    assert_int_equal(url_browser_scheme("a1+b-c.d:x", s, sizeof s, NULL), 8);
    assert_string_equal(s, "a1+b-c.d");
    /* The rest is left as written. */
    assert_int_equal(url_browser_scheme("data:\ttext/html,x", s, sizeof s, &rest), 4);
    assert_string_equal(rest, "\ttext/html,x");
}

static void test_url_browser_no_scheme(void **state)
{
    (void)state;
    char s[16];
    const char *rest = "unset";
    assert_int_equal(url_browser_scheme("articles/x/", s, sizeof s, &rest), 0);
    assert_string_equal(s, "");
    assert_null(rest);
    assert_int_equal(url_browser_scheme("/a:b", s, sizeof s, NULL), 0);
    assert_int_equal(url_browser_scheme("1http://x", s, sizeof s, NULL), 0);
    assert_int_equal(url_browser_scheme(":x", s, sizeof s, NULL), 0);
    assert_int_equal(url_browser_scheme("java script:x", s, sizeof s, NULL), 0);
    assert_int_equal(url_browser_scheme("javascript", s, sizeof s, NULL), 0);
    assert_int_equal(url_browser_scheme("", s, sizeof s, NULL), 0);
    /* A scheme that does not fit counts as none. */
    char small[5];
    assert_int_equal(url_browser_scheme("data:x", small, sizeof small, NULL), 4);
    assert_int_equal(url_browser_scheme("https:x", small, sizeof small, &rest), 0);
    assert_string_equal(small, "");
    assert_null(rest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_url_browser_start),
        cmocka_unit_test(test_url_browser_scheme),
        cmocka_unit_test(test_url_browser_no_scheme),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
