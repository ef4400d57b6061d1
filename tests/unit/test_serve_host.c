/* test_serve_host.c: which Host headers the preview answers (serve_host_allowed, serve.h). */
#include "testutil.h"

#include "cli/serve.h"

static void test_host_loopback_names(void **state)
{
    (void)state;
    assert_true(serve_host_allowed(NULL, "127.0.0.1", 8080)); /* HTTP/1.0, no Host */
    assert_true(serve_host_allowed("localhost:8080", "127.0.0.1", 8080));
    assert_true(serve_host_allowed("LocalHost:8080", "127.0.0.1", 8080));
    assert_true(serve_host_allowed("127.0.0.1:8080", "127.0.0.1", 8080));
    assert_true(serve_host_allowed("[::1]:8080", "127.0.0.1", 8080));
    assert_true(serve_host_allowed("[::1]:8080", "::1", 8080));
    /* Port 80 may be left out, as browsers do. */
    assert_true(serve_host_allowed("localhost", "127.0.0.1", 80));
    assert_true(serve_host_allowed("localhost:80", "127.0.0.1", 80));
}

static void test_host_refused(void **state)
{
    (void)state;
    /* DNS rebinding: a name that is not this computer's, whatever it resolves to. */
    assert_false(serve_host_allowed("evil.example:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost.evil.example:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("127.0.0.1.nip.io:8080", "127.0.0.1", 8080));
    /* Another port, none (not 80), or a malformed one. */
    assert_false(serve_host_allowed("localhost:8081", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost:", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost:8080x", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost:+8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("localhost:99999999999999999999", "127.0.0.1", 8080));
    /* Other addresses, and brackets around what is not IPv6. */
    assert_false(serve_host_allowed("127.0.0.2:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("192.168.1.5:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("[::2]:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("[localhost]:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("[::1:8080", "127.0.0.1", 8080));
    assert_false(serve_host_allowed("", "127.0.0.1", 8080));
    assert_false(serve_host_allowed(":8080", "127.0.0.1", 8080));
}

static void test_host_bound_address(void **state)
{
    (void)state;
    /* The address the preview was bound to. */
    assert_true(serve_host_allowed("192.168.1.5:8080", "192.168.1.5", 8080));
    assert_false(serve_host_allowed("192.168.1.6:8080", "192.168.1.5", 8080));
    assert_true(serve_host_allowed("[fe80::1]:8080", "fe80::1", 8080));
    /* Bound to every address: any IP of the same family, never a name. */
    assert_true(serve_host_allowed("192.168.1.5:8080", "0.0.0.0", 8080));
    assert_true(serve_host_allowed("10.0.0.7:8080", "0.0.0.0", 8080));
    assert_false(serve_host_allowed("[fe80::1]:8080", "0.0.0.0", 8080));
    assert_true(serve_host_allowed("[fe80::1]:8080", "::", 8080));
    assert_false(serve_host_allowed("my-laptop.local:8080", "0.0.0.0", 8080));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_loopback_names),
        cmocka_unit_test(test_host_refused),
        cmocka_unit_test(test_host_bound_address),
    };
    return cmocka_run_group_tests_name("serve_host", tests, NULL, NULL);
}
