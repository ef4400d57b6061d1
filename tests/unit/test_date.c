/* test_date.c: calendar dates (date.h). */
#include "testutil.h"

#include "base/date.h"

static void test_date_parse_valid(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int y, m, d;
    } cases[] = {
        {"2026-11-20", 2026, 11, 20}, {"2024-02-29", 2024, 2, 29}, {"2000-02-29", 2000, 2, 29},
        {"1900-01-01", 1900, 1, 1},   {"9999-12-31", 9999, 12, 31}, {"2026-04-30", 2026, 4, 30},
        {"2026-01-31", 2026, 1, 31},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        date_ymd d = {0, 0, 0};
        assert_true(date_parse(cases[i].s, &d));
        assert_int_equal(d.year, cases[i].y);
        assert_int_equal(d.month, cases[i].m);
        assert_int_equal(d.day, cases[i].d);
    }
}

static void test_date_parse_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2100-02-29",
        "1900-02-29", "2025-02-29", "1899-12-31", "0000-01-01", "20 Nov 2026", "2026-1-01",
        "2026-01-1",  "2026/01/01", "2026-01-011", "", "2026", "2026-11-20T10:00",
        " 2026-11-20", "+026-11-20", "2026-11-2x", "20261120",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        date_ymd d = {1, 2, 3};
        if (date_parse(bad[i], &d))
            fail_msg("date_parse accepted '%s'", bad[i]);
        /* Untouched on failure. */
        assert_int_equal(d.year, 1);
        assert_int_equal(d.month, 2);
        assert_int_equal(d.day, 3);
    }
}

static void test_date_format(void **state)
{
    (void)state;
    char buf[11];
    date_ymd d = {2026, 1, 5};
    date_format(&d, buf, sizeof buf);
    assert_string_equal(buf, "2026-01-05");
    date_ymd e = {2024, 12, 31};
    date_format(&e, buf, sizeof buf);
    assert_string_equal(buf, "2024-12-31");
    /* A short buffer is cut, never overrun. */
    char small[5];
    date_format(&e, small, sizeof small);
    assert_string_equal(small, "2024");
    /* Round trip. */
    date_ymd back;
    date_format(&d, buf, sizeof buf);
    assert_true(date_parse(buf, &back));
    assert_int_equal(date_compare(&d, &back), 0);
}

static void test_date_compare(void **state)
{
    (void)state;
    date_ymd a = {2026, 11, 20};
    date_ymd same = {2026, 11, 20};
    date_ymd next_day = {2026, 11, 21};
    date_ymd next_month = {2026, 12, 1};
    date_ymd prev_year = {2025, 12, 31};
    assert_int_equal(date_compare(&a, &same), 0);
    assert_true(date_compare(&a, &next_day) < 0);
    assert_true(date_compare(&next_day, &a) > 0);
    assert_true(date_compare(&a, &next_month) < 0);
    assert_true(date_compare(&next_month, &next_day) > 0);
    assert_true(date_compare(&prev_year, &a) < 0);
    assert_true(date_compare(&a, &prev_year) > 0);
}

static void test_date_days(void **state)
{
    (void)state;
    static const struct {
        date_ymd d;
        long days;
    } cases[] = {
        {{1970, 1, 1}, 0},        {{1970, 1, 2}, 1},        {{1969, 12, 31}, -1},
        {{2000, 3, 1}, 11017},    {{2000, 2, 29}, 11016},   {{1900, 1, 1}, -25567},
        {{2026, 11, 20}, 20777},  {{9999, 12, 31}, 2932896},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(date_days(&cases[i].d), cases[i].days);
    /* A leap year has 366 days, a century that is not divisible by 400 has no leap day. */
    date_ymd a = {2024, 1, 1}, b = {2025, 1, 1}, c = {2100, 3, 1}, d = {2100, 2, 28};
    assert_int_equal(date_days(&b) - date_days(&a), 366);
    assert_int_equal(date_days(&c) - date_days(&d), 1);
}

static void test_date_from_time(void **state)
{
    (void)state;
    static const struct {
        long long seconds;
        int y, m, d;
    } cases[] = {
        {0, 1970, 1, 1},           {86399, 1970, 1, 1},        {86400, 1970, 1, 2},
        {-1, 1969, 12, 31},        {-86400, 1969, 12, 31},     {-86401, 1969, 12, 30},
        {951782400, 2000, 2, 29},  {1795132800, 2026, 11, 20}, {1795219199, 2026, 11, 20},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        date_ymd got = date_from_time(cases[i].seconds);
        assert_int_equal(got.year, cases[i].y);
        assert_int_equal(got.month, cases[i].m);
        assert_int_equal(got.day, cases[i].d);
    }
    /* date_days and date_from_time are inverse on every day of four centuries. */
    for (long long day = -25567; day < 2 * 146097 - 25567; day++) {
        date_ymd got = date_from_time(day * 86400 + 43200);
        if (date_days(&got) != day)
            fail_msg("day %lld gives %04d-%02d-%02d, which is day %ld", day, got.year,
                     got.month, got.day, date_days(&got));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_parse_valid),
        cmocka_unit_test(test_date_parse_invalid),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_date_compare),
        cmocka_unit_test(test_date_days),
        cmocka_unit_test(test_date_from_time),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
