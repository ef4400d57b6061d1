/*
 * test_progress.c: unit tests for progress.h, the progress line of a long build: its words,
 * that a quick build shows nothing, and that a long one shows the line and erases it.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/str.h"
#include "cli/progress.h"

static void test_format(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(progress_format(buf, sizeof buf, 0, 0, 0.5),
                        "suture: reading the articles");
    assert_string_equal(progress_format(buf, sizeof buf, 4200, 10305, 2.0),
                        "suture: 4200 of 10305 pages, 2100 pages/s");
    assert_string_equal(progress_format(buf, sizeof buf, 0, 10, 0.0),
                        "suture: 0 of 10 pages, 0 pages/s");
    /* Never past the buffer. */
    char small[12];
    progress_format(small, sizeof small, 4200, 10305, 2.0);
    assert_string_equal(small, "suture: 420");
}

/* Run a display over p for ms milliseconds; returns what it wrote (malloc'd). */
static char *S_show_for(site_progress *p, long ms)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    progress_display *d = progress_start(p, out);
    assert_non_null(d);
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
    progress_stop(d);
    fclose(out);
    return text;
}

static void test_quick_build_shows_nothing(void **state)
{
    (void)state;
    site_progress p = {0};
    atomic_store(&p.total, 10);
    atomic_store(&p.done, 10);
    char *text = S_show_for(&p, 100);
    assert_string_equal(text, "");
    free(text);
}

static void test_long_build_shows_and_erases_the_line(void **state)
{
    (void)state;
    site_progress p = {0};
    atomic_store(&p.total, 10);
    atomic_store(&p.done, 5);
    char *text = S_show_for(&p, PROGRESS_AFTER_MS + 3 * PROGRESS_EVERY_MS);
    /* The line, rewritten in place, then erased for the summary that follows. */
    assert_true(str_starts_with(text, "\r\033[Ksuture: 5 of 10 pages, "));
    assert_true(str_ends_with(text, " pages/s\r\033[K"));
    assert_null(strchr(text, '\n'));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_quick_build_shows_nothing),
        cmocka_unit_test(test_long_build_shows_and_erases_the_line),
    };
    return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
