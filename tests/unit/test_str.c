/* test_str.c: growable strings, string lists, prefix and suffix tests (str.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream, symlink */
#endif
#include "testutil.h"

#include "base/str.h"
#include "base/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void test_strbuf_empty(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    assert_string_equal(strbuf_str(&b), "");
    assert_int_equal(b.len, 0);
    char *s = strbuf_detach(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    strbuf_free(&b); /* an empty buffer may be freed */
    assert_null(b.data);
}

static void test_strbuf_appends(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "SMAS");
    strbuf_putc(&b, ' ');
    strbuf_append(&b, "layer-and-more", 5);
    strbuf_printf(&b, " %d/%s", 42, "glide plane");
    assert_string_equal(strbuf_str(&b), "SMAS layer 42/glide plane");
    assert_int_equal(b.len, strlen("SMAS layer 42/glide plane"));
    strbuf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_string_equal(strbuf_str(&b), "");
}

static void test_strbuf_grows(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < 1000; i++)
        strbuf_putc(&b, (char)('a' + i % 26));
    strbuf_printf(&b, "%0300d", 7);
    assert_int_equal(b.len, 1300);
    assert_true(b.cap > b.len);
    assert_int_equal(b.data[1300], '\0');
    assert_int_equal(b.data[0], 'a');
    assert_int_equal(b.data[999], 'a' + 999 % 26);
    assert_int_equal(b.data[1000], '0');
    assert_int_equal(b.data[1299], '7');
    char *s = strbuf_detach(&b);
    assert_int_equal(strlen(s), 1300);
    assert_null(b.data);
    assert_int_equal(b.cap, 0);
    free(s);
}

static void test_strbuf_embedded_nul(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    strbuf_append(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b\0", 4);
    strbuf_free(&b);
}

static void test_strlist(void **state)
{
    (void)state;
    strlist l = STRLIST_INIT;
    char topic[] = "anatomy";
    strlist_push(&l, topic);
    topic[0] = 'X'; /* push copies */
    strlist_push_owned(&l, xstrdup("thread-lift"));
    for (int i = 0; i < 20; i++) {
        char *s = xasprintf("item-%d", i);
        strlist_push_owned(&l, s);
    }
    assert_int_equal(l.len, 22);
    assert_string_equal(l.items[0], "anatomy");
    assert_string_equal(l.items[1], "thread-lift");
    assert_string_equal(l.items[21], "item-19");
    assert_true(strlist_contains(&l, "anatomy"));
    assert_true(strlist_contains(&l, "item-7"));
    assert_false(strlist_contains(&l, "Xnatomy"));
    assert_false(strlist_contains(&l, "thread"));
    strlist_free(&l);
    assert_null(l.items);
    assert_int_equal(l.len, 0);
    assert_false(strlist_contains(&l, "anatomy"));
}

static void test_str_ends_starts_with(void **state)
{
    (void)state;
    assert_true(str_ends_with("dimpling.md", ".md"));
    assert_true(str_ends_with(".md", ".md"));
    assert_true(str_ends_with("anything", ""));
    assert_false(str_ends_with("md", ".md"));
    assert_false(str_ends_with("dimpling.mdx", ".md"));
    assert_false(str_ends_with("", ".md"));
    assert_true(str_starts_with("https://example.org", "https://"));
    assert_true(str_starts_with("x", ""));
    assert_false(str_starts_with("http://example.org", "https://"));
    assert_false(str_starts_with("ht", "http"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strbuf_empty),
        cmocka_unit_test(test_strbuf_appends),
        cmocka_unit_test(test_strbuf_grows),
        cmocka_unit_test(test_strbuf_embedded_nul),
        cmocka_unit_test(test_strlist),
        cmocka_unit_test(test_str_ends_starts_with),
    };
    return cmocka_run_group_tests_name("str", tests, NULL, NULL);
}
