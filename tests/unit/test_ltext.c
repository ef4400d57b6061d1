/* test_ltext.c: text with a value per language (ltext.h). Reading it from YAML, with every
 * error, is tested through site.yaml's topics in test_config.c. */
#include "testutil.h"

#include "content/ltext.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_exact_primary_and_any),
        cmocka_unit_test(test_exact_tag_before_primary),
    };
    return cmocka_run_group_tests_name("ltext", tests, NULL, NULL);
}
