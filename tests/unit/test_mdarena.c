/*
 * test_mdarena.c: cmark trees in a per-thread arena (mdarena.h): trees parse as cmark
 * parses them, stay valid until their mark is released, nest, work on several threads at
 * once, and memory does not grow over many parse-and-release rounds.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/str.h"
#include "markdown/mdarena.h"

#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char S_article[] =
    "# SMAS and the mini lift\n"
    "\n"
    "The *superficial musculoaponeurotic system* (SMAS) lies under the skin.\n"
    "A [mini lift](/procedures/mini-lift/) tightens it.\n"
    "\n"
    "- swelling for a week\n"
    "- bruising, which fades\n"
    "\n"
    "```compare\n"
    "procedures: [thread-lift, mini-lift]\n"
    "```\n";

/* The tree as text: every node's type and literal, depth first, as cmark's XML would say. */
static char *S_describe(cmark_node *doc)
{
    strbuf b = STRBUF_INIT;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        const char *lit = cmark_node_get_literal(n);
        strbuf_printf(&b, "%s@%d:%d%s%s\n", cmark_node_get_type_string(n),
                      cmark_node_get_start_line(n), cmark_node_get_start_column(n),
                      lit ? " " : "", lit ? lit : "");
    }
    cmark_iter_free(it);
    return strbuf_detach(&b);
}

static void test_same_tree_as_cmark(void **state)
{
    (void)state;
    cmark_node *plain = cmark_parse_document(S_article, strlen(S_article), CMARK_OPT_SOURCEPOS);
    char *want = S_describe(plain);
    cmark_node_free(plain);

    mdarena_mark m = mdarena_begin();
    cmark_node *doc = mdarena_parse(S_article, strlen(S_article), CMARK_OPT_SOURCEPOS);
    assert_non_null(doc);
    char *got = S_describe(doc);
    assert_string_equal(got, want);
    assert_non_null(strstr(got, "code_block@9:1 procedures: [thread-lift, mini-lift]"));
    mdarena_end(m);
    free(got);
    free(want);
}

static void test_nested_marks(void **state)
{
    (void)state;
    mdarena_mark outer = mdarena_begin();
    cmark_node *doc = mdarena_parse(S_article, strlen(S_article), CMARK_OPT_SOURCEPOS);
    char *before = S_describe(doc);
    for (int i = 0; i < 3; i++) {
        mdarena_mark inner = mdarena_begin();
        cmark_node *title = mdarena_parse("Thread *lift*", 13, CMARK_OPT_SOURCEPOS);
        cmark_node *em = cmark_node_last_child(cmark_node_first_child(title));
        assert_string_equal(cmark_node_get_type_string(em), "emph");
        assert_string_equal(cmark_node_get_literal(cmark_node_first_child(em)), "lift");
        mdarena_end(inner);
    }
    /* The outer tree is untouched by parsing and releasing inner ones. */
    char *after = S_describe(doc);
    assert_string_equal(after, before);
    mdarena_end(outer);
    free(before);
    free(after);
}

static void test_empty_and_invalid_input(void **state)
{
    (void)state;
    mdarena_mark m = mdarena_begin();
    cmark_node *empty = mdarena_parse("", 0, CMARK_OPT_SOURCEPOS);
    assert_null(cmark_node_first_child(empty));
    static const char bad[] = "caf\xc3 \xff\xfe text";
    cmark_node *doc = mdarena_parse(bad, sizeof bad - 1, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
    const char *lit = cmark_node_get_literal(cmark_node_first_child(cmark_node_first_child(doc)));
    assert_string_equal(lit, "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd text");
    mdarena_end(m);
}

static void test_memory_does_not_grow(void **state)
{
    (void)state;
    /* A long article, parsed and released many times: the heap stays the same size. */
    strbuf big = STRBUF_INIT;
    for (int i = 0; i < 200; i++)
        strbuf_puts(&big, S_article);
    size_t in_use_after_first = 0;
    for (int round = 0; round < 50; round++) {
        mdarena_mark m = mdarena_begin();
        cmark_node *doc = mdarena_parse(strbuf_str(&big), big.len, CMARK_OPT_SOURCEPOS);
        assert_non_null(cmark_node_first_child(doc));
        mdarena_end(m);
        struct mallinfo2 mi = mallinfo2();
        if (round == 0)
            in_use_after_first = mi.uordblks;
        else if (mi.uordblks > in_use_after_first + 64 * 1024)
            fail_msg("round %d: %zu bytes in use, %zu after the first round", round,
                     mi.uordblks, in_use_after_first);
    }
    strbuf_free(&big);
    mdarena_thread_exit();
}

static void *S_thread(void *arg)
{
    const char *want = arg;
    for (int i = 0; i < 100; i++) {
        mdarena_mark m = mdarena_begin();
        cmark_node *doc = mdarena_parse(S_article, strlen(S_article), CMARK_OPT_SOURCEPOS);
        char *got = S_describe(doc);
        bool same = strcmp(got, want) == 0;
        free(got);
        mdarena_end(m);
        if (!same)
            return (void *)1;
    }
    mdarena_thread_exit();
    return NULL;
}

static void test_threads_have_their_own_arena(void **state)
{
    (void)state;
    cmark_node *plain = cmark_parse_document(S_article, strlen(S_article), CMARK_OPT_SOURCEPOS);
    char *want = S_describe(plain);
    cmark_node_free(plain);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, S_thread, want), 0);
    for (int i = 0; i < 4; i++) {
        void *rc = NULL;
        assert_int_equal(pthread_join(t[i], &rc), 0);
        assert_null(rc);
    }
    free(want);
}

static void test_thread_exit_then_use_again(void **state)
{
    (void)state;
    mdarena_thread_exit();
    mdarena_thread_exit(); /* twice is harmless */
    mdarena_mark m = mdarena_begin();
    cmark_node *doc = mdarena_parse("again", 5, 0);
    assert_string_equal(cmark_node_get_literal(cmark_node_first_child(cmark_node_first_child(doc))),
                        "again");
    mdarena_end(m);
    mdarena_thread_exit();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_tree_as_cmark),
        cmocka_unit_test(test_nested_marks),
        cmocka_unit_test(test_empty_and_invalid_input),
        cmocka_unit_test(test_memory_does_not_grow),
        cmocka_unit_test(test_threads_have_their_own_arena),
        cmocka_unit_test(test_thread_exit_then_use_again),
    };
    int rc = cmocka_run_group_tests_name("mdarena", tests, NULL, NULL);
    mdarena_thread_exit();
    return rc;
}
