/* test_ltext.c: text with a value per language (ltext.h). Reading it from YAML, with every
 * error, is tested through site.yaml's topics in test_config.c. */
#include "testutil.h"

#include "content/ltext.h"

#include <stddef.h>
#include <stdlib.h>

static void test_get_exact_primary_and_any(void **state)
{
    (void)state;
    ltext t = {0};
    assert_null(ltext_get(&t, "ko"));
    ltext_set1(&t, "ko", "실리프팅");
    assert_string_equal(ltext_get(&t, "ko"), "실리프팅");
    assert_string_equal(ltext_get(&t, "KO"), "실리프팅");
    assert_string_equal(ltext_get(&t, "ko-KR"), "실리프팅");
    assert_null(ltext_get(&t, "en"));
    assert_null(ltext_get(&t, "k"));
    ltext_set1(&t, "", "Thread lift");
    assert_string_equal(ltext_get(&t, "en"), "Thread lift");
    assert_int_equal(t.n, 1);
    ltext_free(&t);
    assert_int_equal(t.n, 0);
    assert_null(t.values);
    ltext_free(&t);
    assert_null(ltext_get(NULL, "en"));
}

static void test_exact_tag_before_primary(void **state)
{
    (void)state;
    ltext_value v[] = {{(char *)"en", (char *)"colour"}, {(char *)"en-US", (char *)"color"}};
    ltext t = {v, 2};
    assert_string_equal(ltext_get(&t, "en-US"), "color");
    assert_string_equal(ltext_get(&t, "en-GB"), "colour");
    assert_string_equal(ltext_get(&t, "en"), "colour");
}

/* The same choice over another table per language (glossary aliases, views). */
static void test_find_language_in_other_tables(void **state)
{
    (void)state;
    typedef struct {
        int n;
        char *lang;
    } row;
    row rows[] = {{1, (char *)"ko"}, {2, (char *)""}, {3, (char *)"en"}, {4, (char *)"en-GB"}};
    size_t at = offsetof(row, lang);
    assert_int_equal(ltext_find_language(rows, 4, sizeof *rows, at, "KO"), 0);
    assert_int_equal(ltext_find_language(rows, 4, sizeof *rows, at, "en-GB"), 3);
    assert_int_equal(ltext_find_language(rows, 4, sizeof *rows, at, "en-US"), 2);
    assert_int_equal(ltext_find_language(rows, 4, sizeof *rows, at, "ja"), 1);
    assert_int_equal(ltext_find_language(rows, 1, sizeof *rows, at, "ja"), -1);
    assert_int_equal(ltext_find_language(rows, 0, sizeof *rows, at, "ko"), -1);
}

static void test_language_list(void **state)
{
    (void)state;
    static const char *const codes[] = {"ko", "en", "ja", NULL};
    ltext_langs langs = {codes, true};
    char *list = ltext_language_list(&langs);
    assert_string_equal(list, "ko, en, ja");
    free(list);
    langs.codes = NULL;
    list = ltext_language_list(&langs);
    assert_string_equal(list, "");
    free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_exact_primary_and_any),
        cmocka_unit_test(test_exact_tag_before_primary),
        cmocka_unit_test(test_find_language_in_other_tables),
        cmocka_unit_test(test_language_list),
    };
    return cmocka_run_group_tests_name("ltext", tests, NULL, NULL);
}
