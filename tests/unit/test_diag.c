/* test_diag.c: the diagnostics list and its compiler-format lines (diag.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream, symlink */
#endif
#include "testutil.h"

#include "base/diag.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_empty_list(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    assert_non_null(l);
    assert_int_equal(diag_count(l), 0);
    assert_int_equal(diag_error_count(l), 0);
    assert_null(diag_get(l, 0));
    diag_list_sort(l);
    assert_int_equal(diag_count(l), 0);
    diag_list_free(l);
    diag_list_free(NULL);
}

static void test_format_spec_example(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_error(l, "content/articles/dimpling.md", 14, 9, "compare", "unknown procedure '%s'",
               "mini-lfit");
    assert_int_equal(diag_count(l), 1);
    assert_int_equal(diag_error_count(l), 1);
    const diag *d = diag_get(l, 0);
    assert_string_equal(d->file, "content/articles/dimpling.md");
    assert_int_equal(d->line, 14);
    assert_int_equal(d->column, 9);
    assert_int_equal(d->severity, DIAG_ERROR);
    assert_string_equal(d->category, "compare");
    assert_string_equal(d->message, "unknown procedure 'mini-lfit'");
    tu_expect_diag(l, 0,
                   "content/articles/dimpling.md:14:9: error: unknown procedure 'mini-lfit' "
                   "[compare]");
    assert_null(diag_get(l, 1));
    diag_list_free(l);
}

static void test_severities_and_counts(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_add(l, DIAG_WARNING, "content/site.yaml", 3, 1, "review", "reviewed %d days ago", 400);
    diag_add(l, DIAG_INFO, "content/site.yaml", 4, 2, NULL, "declared here");
    diag_add(l, DIAG_ERROR, "content/glossary.yaml", 7, 5, "glossary", "empty definition");
    assert_int_equal(diag_count(l), 3);
    assert_int_equal(diag_error_count(l), 1);
    assert_int_equal(diag_warning_count(l), 1);
    tu_expect_diag(l, 0, "content/site.yaml:3:1: warning: reviewed 400 days ago [review]");
    tu_expect_diag(l, 1, "content/site.yaml:4:2: info: declared here");
    tu_expect_diag(l, 2, "content/glossary.yaml:7:5: error: empty definition [glossary]");
    diag_list_free(l);
}

static void test_reference_is_printed_and_kept(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_add_ref(l, DIAG_ERROR, "content/articles/a.md", 3, 14, "superlative",
                 "Medical Service Act art. 56(2)(8)", "'%s' is a superlative", "the best");
    const diag *d = diag_get(l, 0);
    assert_string_equal(d->reference, "Medical Service Act art. 56(2)(8)");
    assert_string_equal(d->message, "'the best' is a superlative");
    tu_expect_diag(l, 0,
                   "content/articles/a.md:3:14: error: 'the best' is a superlative "
                   "(Medical Service Act art. 56(2)(8)) [superlative]");
    diag_error(l, "x", 1, 1, NULL, "plain");
    assert_null(diag_get(l, 1)->reference);
    diag_list_free(l);
}

static void test_whole_file_has_no_position(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* Line 0 means the whole file: any column given is dropped. */
    diag_error(l, "content/site.yaml", 0, 7, NULL, "cannot read the site settings: %s",
               "No such file or directory");
    const diag *d = diag_get(l, 0);
    assert_int_equal(d->line, 0);
    assert_int_equal(d->column, 0);
    assert_null(d->category);
    tu_expect_diag(l, 0,
                   "content/site.yaml: error: cannot read the site settings: No such file or "
                   "directory");
    diag_list_free(l);
}

static void test_column_zero_becomes_one(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_error(l, "a.md", 3, 0, "links", "broken link");
    assert_int_equal(diag_get(l, 0)->column, 1);
    tu_expect_diag(l, 0, "a.md:3:1: error: broken link [links]");
    diag_list_free(l);
}

static void test_null_file_is_suture(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_error(l, NULL, 0, 0, NULL, "no articles in %s", "content/articles");
    tu_expect_diag(l, 0, "suture: error: no articles in content/articles");
    diag_list_free(l);
}

static void test_arguments_are_copied(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    char file[] = "a.md";
    char cat[] = "yaml";
    diag_error(l, file, 1, 2, cat, "%s", "x");
    file[0] = 'b';
    cat[0] = 'z';
    tu_expect_diag(l, 0, "a.md:1:2: error: x [yaml]");
    diag_list_free(l);
}

static void test_message_is_printf_not_literal(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* A '%' that comes from user text passes through as text. */
    diag_error(l, "a.md", 1, 1, NULL, "title is '%s'", "100% natural");
    tu_expect_diag(l, 0, "a.md:1:1: error: title is '100% natural'");
    diag_list_free(l);
}

static void test_sort_by_file_line_column(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_error(l, "b.md", 2, 1, NULL, "b2");
    diag_error(l, "a.md", 10, 1, NULL, "a10");
    diag_error(l, "a.md", 2, 9, NULL, "a2c9");
    diag_error(l, "a.md", 2, 3, NULL, "a2c3");
    diag_error(l, "a.md", 0, 0, NULL, "a-whole");
    diag_add(l, DIAG_WARNING, "a.md", 9, 1, NULL, "a9");
    diag_list_sort(l);
    assert_int_equal(diag_count(l), 6);
    assert_int_equal(diag_error_count(l), 5);
    tu_expect_diag(l, 0, "a.md: error: a-whole");
    tu_expect_diag(l, 1, "a.md:2:3: error: a2c3");
    tu_expect_diag(l, 2, "a.md:2:9: error: a2c9");
    tu_expect_diag(l, 3, "a.md:9:1: warning: a9");
    tu_expect_diag(l, 4, "a.md:10:1: error: a10");
    tu_expect_diag(l, 5, "b.md:2:1: error: b2");
    diag_list_free(l);
}

static void test_sort_is_stable(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* Many entries at equal positions, interleaved with others, keep their order. */
    for (int i = 0; i < 40; i++) {
        diag_error(l, "same.md", 5, 2, NULL, "same %02d", i);
        diag_error(l, "other.md", (unsigned)(40 - i), 1, NULL, "other %02d", i);
    }
    diag_list_sort(l);
    assert_int_equal(diag_count(l), 80);
    for (int i = 0; i < 40; i++) {
        char want[64];
        snprintf(want, sizeof want, "other.md:%d:1: error: other %02d", i + 1, 39 - i);
        tu_expect_diag(l, (size_t)i, want);
        snprintf(want, sizeof want, "same.md:5:2: error: same %02d", i);
        tu_expect_diag(l, (size_t)(40 + i), want);
    }
    diag_list_free(l);
}

static void test_print(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    diag_error(l, "content/articles/dimpling.md", 14, 9, "compare", "unknown procedure '%s'",
               "mini-lfit");
    diag_add(l, DIAG_WARNING, "content/site.yaml", 0, 0, NULL, "no description");
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    assert_non_null(out);
    diag_list_print(l, out);
    fclose(out);
    assert_string_equal(buf,
                        "content/articles/dimpling.md:14:9: error: unknown procedure "
                        "'mini-lfit' [compare]\n"
                        "content/site.yaml: warning: no description\n");
    free(buf);
    diag_list_free(l);
}

static void *S_add_many(void *arg)
{
    diag_list *l = arg;
    for (int i = 0; i < 500; i++)
        diag_error(l, "t.md", (unsigned)i + 1, 1, NULL, "n%d", i);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, S_add_many, l), 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    assert_int_equal(diag_count(l), 2000);
    assert_int_equal(diag_error_count(l), 2000);
    diag_list_sort(l);
    tu_expect_diag(l, 0, "t.md:1:1: error: n0");
    tu_expect_diag(l, 3, "t.md:1:1: error: n0");
    tu_expect_diag(l, 1999, "t.md:500:1: error: n499");
    diag_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_list),
        cmocka_unit_test(test_format_spec_example),
        cmocka_unit_test(test_severities_and_counts),
        cmocka_unit_test(test_reference_is_printed_and_kept),
        cmocka_unit_test(test_whole_file_has_no_position),
        cmocka_unit_test(test_column_zero_becomes_one),
        cmocka_unit_test(test_null_file_is_suture),
        cmocka_unit_test(test_arguments_are_copied),
        cmocka_unit_test(test_message_is_printf_not_literal),
        cmocka_unit_test(test_sort_by_file_line_column),
        cmocka_unit_test(test_sort_is_stable),
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
