/* test_suggest.c: the closest known name to a misspelt one (suggest.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream, symlink */
#endif
#include "testutil.h"

#include "base/suggest.h"
#include "base/str.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void test_suggest_closest(void **state)
{
    (void)state;
    static const char *const keys[] = {"title",    "summary", "topics", "date", "reviewed",
                                       "reviewer", "slug",    "draft",  "lang", NULL};
    assert_string_equal(suggest_closest("titel", keys), "title");
    assert_string_equal(suggest_closest("sumary", keys), "summary");
    assert_string_equal(suggest_closest("topic", keys), "topics");
    assert_string_equal(suggest_closest("reviwer", keys), "reviewer");
    /* Short words still allow one edit. */
    assert_string_equal(suggest_closest("dat", keys), "date");
    /* Too far from everything. */
    assert_null(suggest_closest("author", keys));
    assert_null(suggest_closest("xyz", keys));
    /* Swapping two neighbouring letters is one edit. */
    assert_string_equal(suggest_closest("tilte", keys), "title");
    assert_string_equal(suggest_closest("reveiwed", keys), "reviewed");
    /* Two edits on a four-letter word is more than a third. */
    assert_null(suggest_closest("tlie", keys));
    /* Words over 64 bytes are not compared. */
    char long_word[80];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    static const char *const as[] = {"aaaa", NULL};
    assert_null(suggest_closest(long_word, as));
    /* No candidates. */
    static const char *const none[] = {NULL};
    assert_null(suggest_closest("title", none));
}

static void test_suggest_closest_n(void **state)
{
    (void)state;
    /* Not NULL-terminated: only the first n are looked at. */
    const char *const ids[] = {"thread-lift", "mini-lift", "facelift"};
    assert_string_equal(suggest_closest_n("mini-lfit", ids, 3), "mini-lift");
    assert_string_equal(suggest_closest_n("facelfit", ids, 3), "facelift");
    assert_null(suggest_closest_n("facelfit", ids, 2));
    assert_null(suggest_closest_n("mini-lfit", ids, 0));
    /* Ties go to the first candidate. */
    const char *const tie[] = {"ab", "ac"};
    assert_string_equal(suggest_closest_n("aa", tie, 2), "ab");
}

static void test_suggest_nearest(void **state)
{
    (void)state;
    static const char *const names[] = {"site-header", "site-footer", "str-write", "str",
                                        "content", NULL};
    const char *out[3] = {NULL, NULL, NULL};
    /* Nearest first; up to half the word's length of edits away. */
    assert_int_equal(suggest_nearest("site-foter", names, (size_t)-1, out, 3), 2);
    assert_string_equal(out[0], "site-footer");
    assert_string_equal(out[1], "site-header");
    /* At most max, the nearest kept. */
    assert_int_equal(suggest_nearest("site-foter", names, (size_t)-1, out, 1), 1);
    assert_string_equal(out[0], "site-footer");
    /* The word itself is not a suggestion; nothing near gives none. */
    assert_int_equal(suggest_nearest("str", names, (size_t)-1, out, 3), 0);
    assert_int_equal(suggest_nearest("glossary", names, (size_t)-1, out, 3), 0);
    /* Only the first n candidates; ties in their order. */
    static const char *const ids[] = {"month-1", "month-2", "month-3", "month-4"};
    assert_int_equal(suggest_nearest("month-0", ids, 4, out, 3), 3);
    assert_string_equal(out[0], "month-1");
    assert_string_equal(out[1], "month-2");
    assert_string_equal(out[2], "month-3");
    assert_int_equal(suggest_nearest("month-0", ids, 1, out, 3), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest_closest),
        cmocka_unit_test(test_suggest_closest_n),
        cmocka_unit_test(test_suggest_nearest),
    };
    return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
