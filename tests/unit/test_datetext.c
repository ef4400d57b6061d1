/* test_datetext.c: unit tests for datetext.h (dates in a language's words, with ICU). */
#include "testutil.h"

#include <pthread.h>

#include "render/datetext.h"

static void test_pattern_and_long_date(void **state)
{
    (void)state;
    char buf[64];
    const date_ymd d = {2026, 11, 20};
    /* site.yaml's date_format, an ICU pattern (UTS #35) */
    assert_string_equal(datetext_format("ko", "y년 M월 d일", &d, buf, sizeof buf),
                        "2026년 11월 20일");
    /* without one, the locale's long date (CLDR) */
    assert_string_equal(datetext_format("en", NULL, &d, buf, sizeof buf), "November 20, 2026");
    assert_string_equal(datetext_format("en-GB", NULL, &d, buf, sizeof buf), "20 November 2026");
    assert_string_equal(datetext_format("ko", NULL, &d, buf, sizeof buf), "2026년 11월 20일");
    /* Days, not instants: the first day of a month stays itself in any time zone. */
    const date_ymd first = {2026, 1, 1};
    assert_string_equal(datetext_format("en", "yyyy-MM-dd", &first, buf, sizeof buf),
                        "2026-01-01");
}

static void test_remembered_texts_stay_right(void **state)
{
    (void)state;
    char buf[64];
    /* Two days in one cache slot (512 days apart), asked for one after the other. */
    const date_ymd a = {2026, 1, 1}, b = {2027, 5, 28};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(datetext_format("en", NULL, &a, buf, sizeof buf), "January 1, 2026");
        assert_string_equal(datetext_format("en", NULL, &b, buf, sizeof buf), "May 28, 2027");
    }
    /* The same locale with another pattern is another formatter. */
    assert_string_equal(datetext_format("en", "d/M/y", &a, buf, sizeof buf), "1/1/2026");
}

static void test_short_buffer_cuts_at_a_character(void **state)
{
    (void)state;
    char buf[8];
    const date_ymd d = {2026, 11, 20};
    /* "2026년" is 4 + 3 bytes: a 7-byte room keeps "2026" and not half of 년. */
    assert_string_equal(datetext_format("ko", "y년 M월 d일", &d, buf, 7), "2026");
    assert_string_equal(datetext_format("ko", "y년 M월 d일", &d, buf, 8), "2026년");
    /* A size of 0 writes nothing. */
    buf[0] = 'x';
    datetext_format("ko", NULL, &d, buf, 0);
    assert_int_equal(buf[0], 'x');
}

static void test_unusable_pattern_gives_iso(void **state)
{
    (void)state;
    char buf[64];
    const date_ymd d = {2026, 3, 5};
    /* A pattern longer than any date format (256 UTF-16 units): the ISO date stands in. */
    char pattern[400];
    memset(pattern, 'y', sizeof pattern - 1);
    pattern[sizeof pattern - 1] = '\0';
    assert_string_equal(datetext_format("en", pattern, &d, buf, sizeof buf), "2026-03-05");
}

static void *S_format_many(void *arg)
{
    const char *code = arg;
    char buf[64];
    for (int i = 0; i < 2000; i++) {
        date_ymd d = {2020 + i % 7, 1 + i % 12, 1 + i % 28};
        datetext_format(code, NULL, &d, buf, sizeof buf);
        if (!buf[0])
            return (void *)1;
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    pthread_t t[4];
    const char *codes[] = {"ko", "en", "ko", "en"};
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, S_format_many, (void *)codes[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        assert_null(r);
    }
    char buf[64];
    const date_ymd d = {2024, 2, 29};
    assert_string_equal(datetext_format("en", NULL, &d, buf, sizeof buf), "February 29, 2024");
}

static int S_teardown(void **state)
{
    (void)state;
    datetext_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pattern_and_long_date),
        cmocka_unit_test(test_remembered_texts_stay_right),
        cmocka_unit_test(test_short_buffer_cuts_at_a_character),
        cmocka_unit_test(test_unusable_pattern_gives_iso),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests_name("datetext", tests, NULL, S_teardown);
}
