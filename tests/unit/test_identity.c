/* test_identity.c: which identity values are examples (content/identity.h). */
#include "testutil.h"

#include "content/identity.h"

static void test_example_text(void **state)
{
    (void)state;
    /* The word, in any case, anywhere; and the Korean 예시. */
    assert_true(identity_is_example_text("Example Plastic Surgery Clinic"));
    assert_true(identity_is_example_text("EXAMPLE-0000"));
    assert_true(identity_is_example_text("(Example) 00 Example-ro, Seoul"));
    assert_true(identity_is_example_text("an example"));
    assert_true(identity_is_example_text("예시 성형외과"));
    assert_true(identity_is_example_text("(예시) 서울특별시"));
    /* Values that are not marked are not examples, whatever they look like. */
    assert_false(identity_is_example_text("Test Clinic Fixture"));
    assert_false(identity_is_example_text("성형외과 전문의"));
    assert_false(identity_is_example_text("FIXTURE-0001"));
    assert_false(identity_is_example_text("exampl"));
    assert_false(identity_is_example_text(""));
    assert_false(identity_is_example_text(NULL));
}

static void test_example_phone(void **state)
{
    (void)state;
    /* The subscriber number (the last two groups of digits) all 0, at least seven digits,
     * however it is grouped. */
    assert_true(identity_is_example_phone("+82 2-0000-0000"));
    assert_true(identity_is_example_phone("02-000-0000"));
    assert_true(identity_is_example_phone("+82 (2) 000 0000"));
    assert_true(identity_is_example_phone("+82.31.0000.0000"));
    /* The text rule holds for numbers too. */
    assert_true(identity_is_example_phone("+82 2-1234-5678 (example)"));
    /* One digit other than 0 in the last two groups, or fewer than seven digits; a number
     * without separators is one group. */
    assert_false(identity_is_example_phone("+82 2-0000-0001"));
    assert_false(identity_is_example_phone("+82 2-1000-0000"));
    assert_false(identity_is_example_phone("0200000000"));
    assert_false(identity_is_example_phone("+44 20 7946 0123"));
    assert_false(identity_is_example_phone("00-0000"));
    assert_false(identity_is_example_phone("119"));
    assert_false(identity_is_example_phone(NULL));
}

static void test_example_url(void **state)
{
    (void)state;
    /* RFC 2606 section 3: example.com, .net, .org and what is under them. */
    assert_true(identity_is_example_url("https://example.org/"));
    assert_true(identity_is_example_url("https://EXAMPLE.COM/kb/"));
    assert_true(identity_is_example_url("https://www.example.net/"));
    assert_true(identity_is_example_url("https://kb.example.org:8443/x/"));
    /* RFC 2606 section 2 (kept by RFC 6761): the reserved top-level names. */
    assert_true(identity_is_example_url("https://clinic.test/"));
    assert_true(identity_is_example_url("https://suture-fixture.invalid/"));
    assert_true(identity_is_example_url("https://clinic.example/"));
    assert_true(identity_is_example_url("http://localhost:8080/"));
    assert_true(identity_is_example_url("http://kb.localhost/"));
    assert_true(identity_is_example_url("https://clinic.test./"));
    assert_true(identity_is_example_url("https://user@clinic.test/"));
    /* Names that only look alike are not reserved. */
    assert_false(identity_is_example_url("https://contest.kr/"));
    assert_false(identity_is_example_url("https://test.co.kr/"));
    assert_false(identity_is_example_url("https://mytest/"));
    assert_false(identity_is_example_url("https://198.51.100.7/"));
    assert_false(identity_is_example_url("https://[2001:db8::1]/"));
    assert_false(identity_is_example_url("not a url"));
    assert_false(identity_is_example_url(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_text),
        cmocka_unit_test(test_example_phone),
        cmocka_unit_test(test_example_url),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
