/* test_servegate.c: the preview's screen of a connection's first request head (servegate.h). */
#define _GNU_SOURCE
#include "testutil.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli/servegate.h"

/* Screen a string (its bytes up to the NUL). */
static serve_head_state S_screen(const char *text)
{
    return serve_gate_screen(text, strlen(text));
}

static void test_screen_complete_heads(void **state)
{
    (void)state;
    assert_int_equal(S_screen("GET / HTTP/1.0\r\n\r\n"), SERVE_HEAD_COMPLETE);
    assert_int_equal(S_screen("GET /kb/ HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"),
                     SERVE_HEAD_COMPLETE);
    assert_int_equal(S_screen("HEAD /kb/?q=smas HTTP/1.1\r\nhost: [::1]:8080\r\n"
                              "User-Agent: Mozilla/5.0 (X11)\r\nAccept:\t*/*\r\n\r\n"),
                     SERVE_HEAD_COMPLETE);
    /* Bare line feeds, which RFC 9112 section 2.2 lets a server accept. */
    assert_int_equal(S_screen("GET / HTTP/1.0\n\n"), SERVE_HEAD_COMPLETE);
    /* Bytes after the head (a body, a pipelined request) do not matter. */
    assert_int_equal(S_screen("GET / HTTP/1.0\r\n\r\n\x16\x03garbage"), SERVE_HEAD_COMPLETE);
    /* obs-text (bytes from 0x80) in a value. */
    assert_int_equal(S_screen("GET / HTTP/1.0\r\nX-Name: \xed\x95\x9c\r\n\r\n"),
                     SERVE_HEAD_COMPLETE);
}

static void test_screen_incomplete_heads(void **state)
{
    (void)state;
    static const char *const prefixes[] = {
        "", "G", "GET", "GET ", "GET /kb", "GET /kb/ ", "GET /kb/ HT", "GET /kb/ HTTP/1",
        "GET /kb/ HTTP/1.1", "GET /kb/ HTTP/1.1\r", "GET /kb/ HTTP/1.1\r\n",
        "GET /kb/ HTTP/1.1\r\nHost", "GET /kb/ HTTP/1.1\r\nHost: local",
        "GET /kb/ HTTP/1.1\r\nHost: localhost\r\n", "GET /kb/ HTTP/1.1\r\nHost: localhost\r\n\r",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (S_screen(prefixes[i]) != SERVE_HEAD_INCOMPLETE)
            fail_msg("'%s' is not incomplete", prefixes[i]);
    /* A head too long to be a browser's. */
    char *big = xmalloc(SERVE_GATE_HEAD_MAX + 64);
    strcpy(big, "GET / HTTP/1.1\r\nX-Big: ");
    size_t len = strlen(big);
    memset(big + len, 'a', SERVE_GATE_HEAD_MAX + 63 - len);
    assert_int_equal(serve_gate_screen(big, SERVE_GATE_HEAD_MAX), SERVE_HEAD_INCOMPLETE);
    assert_int_equal(serve_gate_screen(big, SERVE_GATE_HEAD_MAX + 1), SERVE_HEAD_TOO_LARGE);
    free(big);
}

static void test_screen_malformed_heads(void **state)
{
    (void)state;
    static const char *const noise[] = {
        "\x16\x03\x01\x02\x00",          /* a TLS ClientHello on the http:// port */
        "garbage",                       /* not a method: known from the first byte */
        "get / HTTP/1.1\r\n\r\n",        /* methods are upper case */
        "GET\r\n\r\n",                   /* HTTP/0.9 */
        " GET / HTTP/1.1\r\n\r\n",       /* leading space */
        "GET  / HTTP/1.1\r\n\r\n",       /* two spaces */
        "GET / FOO\r\n\r\n",             /* no version */
        "GET / HTTP/1.1 extra\r\n\r\n",  /* more after the version */
        "GET / HTTP/1.x\r\n\r\n",        /* not digits */
        "GET /a\tb HTTP/1.1\r\n\r\n",    /* a control character in the target */
        "GET / HTTP/1.0\r\nBad Header\r\n\r\n", /* no colon */
        "GET / HTTP/1.0\r\nName : v\r\n\r\n",   /* space before the colon */
        "GET / HTTP/1.0\r\n folded\r\n\r\n",    /* obsolete line folding */
        "GET / HTTP/1.0\r\n: v\r\n\r\n",        /* no name */
        "GET / HTTP/1.0\r\nA: b\rc\r\n\r\n",    /* a lone CR */
        "GET / HTTP/1.0\r\nA: \x01\r\n\r\n",    /* a control character in a value */
        "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", /* two Hosts */
        "GET / HTTP/1.0\r\r\n",
    };
    for (size_t i = 0; i < sizeof noise / sizeof *noise; i++)
        if (S_screen(noise[i]) != SERVE_HEAD_MALFORMED)
            fail_msg("case %zu is not malformed: %d", i, S_screen(noise[i]));
    /* A NUL byte anywhere in the request line. */
    assert_int_equal(serve_gate_screen("GET /\0 HTTP/1.0\r\n\r\n", 19), SERVE_HEAD_MALFORMED);
    assert_int_equal(serve_gate_screen("\0\0\0\r\n\r\n", 7), SERVE_HEAD_MALFORMED);
}

static void test_screen_refusals(void **state)
{
    (void)state;
    assert_int_equal(S_screen("GET /%00 HTTP/1.0\r\n\r\n"), SERVE_HEAD_NUL);
    assert_int_equal(S_screen("GET /index.html%00.css HTTP/1.0\r\n\r\n"), SERVE_HEAD_NUL);
    /* Known before the head is complete. */
    assert_int_equal(S_screen("GET /a%00"), SERVE_HEAD_NUL);
    assert_int_equal(S_screen("GET /%2500 HTTP/1.0\r\n\r\n"), SERVE_HEAD_COMPLETE);
    assert_int_equal(S_screen("GET / HTTP/1.1\r\n\r\n"), SERVE_HEAD_NO_HOST);
    assert_int_equal(S_screen("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                     SERVE_HEAD_NO_HOST);
    assert_int_equal(S_screen("GET / HTTP/2.0\r\n\r\n"), SERVE_HEAD_VERSION);
    assert_int_equal(S_screen("GET / HTTP/1.2\r\n"), SERVE_HEAD_VERSION);
    assert_int_equal(S_screen("GET / HTTP/0.9\r\n\r\n"), SERVE_HEAD_VERSION);
}

static void test_bind_errors(void **state)
{
    (void)state;
    char *error = NULL;
    assert_null(serve_gate_bind("localhost", 0, &error));
    assert_string_equal(error, "--bind needs an IP address such as 127.0.0.1 or ::1, not "
                               "'localhost'");
    free(error);
    serve_gate *g = serve_gate_bind("127.0.0.1", 0, &error);
    assert_non_null(g);
    assert_null(error);
    unsigned port = serve_gate_port(g);
    assert_true(port > 0);
    /* The same port again: in use. */
    assert_null(serve_gate_bind("127.0.0.1", port, &error));
    char *want = xasprintf("cannot listen on 127.0.0.1 port %u: the port is in use (another "
                           "suture serve?); try another --port",
                           port);
    assert_string_equal(error, want);
    free(want);
    free(error);
    serve_gate_free(g);
    /* 192.0.2.1 (TEST-NET-1, RFC 5737) is no address of this computer. */
    assert_null(serve_gate_bind("192.0.2.1", 0, &error));
    assert_string_equal(error, "cannot listen on 192.0.2.1 port 0: it is not an address of "
                               "this computer; try another --port");
    free(error);
    serve_gate_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screen_complete_heads),
        cmocka_unit_test(test_screen_incomplete_heads),
        cmocka_unit_test(test_screen_malformed_heads),
        cmocka_unit_test(test_screen_refusals),
        cmocka_unit_test(test_bind_errors),
    };
    return cmocka_run_group_tests_name("servegate", tests, NULL, NULL);
}
