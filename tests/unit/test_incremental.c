/*
 * test_incremental.c: incremental builds (incremental.h): the old site's manifest is read
 * back by page path, a page is taken from the old site only when its fingerprint is the
 * one recorded and its file is still there, and the new manifest records this build's
 * pages in page-path order, links and heading ids included.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "build/incremental.h"
#include "build/manifest.h"
#include "build/publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static fingerprint_digest S_of(const char *text)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, text);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

/* No protected folders, for publish_begin. */
static const char *const S_none[] = {NULL};

/* A site folder in a temporary folder: its manifest, and a file for each page. */
typedef struct {
    char *tmp;  /* the temporary folder */
    char *site; /* tmp/site */
    fingerprint_digest program;
    /* S_planned's: */
    incremental *inc;
    char *ids_a; /* the heading ids of a, handed over */
    uint32_t n_ids_a;
    diag_list *diags;
    publish_stage *stage; /* staging the next site */
} S_site;

static int S_setup(void **state)
{
    S_site *s = xcalloc(1, sizeof *s);
    s->tmp = tu_tmpdir("incremental");
    s->site = tu_subdir(s->tmp, "site");
    free(tu_subdir(s->site, ".suture"));
    s->program = S_of("suture 1");
    /*
     * The old site: two article pages (one linking to the other), a topic page, and a page
     * whose file is gone.
     */
    char *path = path_join(s->site, MANIFEST_PATH);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    manifest_write_header(out, &s->program, false);
    fingerprint_digest fa = S_of("a page"), fb = S_of("b page"), ft = S_of("topic page");
    fingerprint_digest sa = S_of("a.md bytes"), sb = S_of("b.md bytes");
    manifest_write_page(out, "articles/a/index.html", &fa, "b.md\0", 1, &sa,
                        "causes\0risks\0", 2);
    manifest_write_page(out, "articles/b/index.html", &fb, NULL, 0, &sb, NULL, 0);
    manifest_write_page(out, "articles/gone/index.html", &fb, NULL, 0, &sb, NULL, 0);
    manifest_write_page(out, "topics/smas/index.html", &ft, NULL, 0, NULL, NULL, 0);
    assert_int_equal(fclose(out), 0);
    free(path);
    free(tu_subdir(s->site, "articles/a"));
    free(tu_subdir(s->site, "articles/b"));
    free(tu_subdir(s->site, "topics/smas"));
    tu_put_file(s->site, "articles/a/index.html", "<p>a</p>");
    tu_put_file(s->site, "articles/b/index.html", "<p>b</p>");
    tu_put_file(s->site, "topics/smas/index.html", "<p>smas</p>");
    *state = s;
    return 0;
}

static int S_teardown(void **state)
{
    S_site *s = *state;
    if (s->stage)
        publish_abort(s->stage);
    diag_list_free(s->diags);
    incremental_free(s->inc);
    free(s->ids_a);
    free(s->site);
    int rc = tu_tmpdir_remove(s->tmp);
    free(s);
    return rc;
}

/*
 * s->inc: the old site's records, and this build's pages a, b, gone and the topic page,
 * planned; and s->stage, the staging folder of the next site.
 */
static incremental *S_planned(S_site *s)
{
    incremental *inc = s->inc = incremental_open(s->site, &s->program, false);
    assert_int_equal(incremental_old_count(inc), 4);
    fingerprint_digest sa = S_of("a.md bytes"), sb = S_of("b.md bytes");
    s->ids_a = incremental_take_heading_ids(inc, "articles/a/index.html", &sa, &s->n_ids_a);
    incremental_add_article(inc, "articles/b/index.html", &sb, "top\0", 1);
    incremental_add_page(inc, "topics/smas/index.html");
    incremental_add_article(inc, "articles/gone/index.html", &sb, NULL, 0);
    incremental_add_article(inc, "articles/a/index.html", &sa, s->ids_a, s->n_ids_a);
    incremental_plan(inc);
    s->diags = diag_list_new();
    s->stage = publish_begin(s->site, S_none, s->diags);
    assert_non_null(s->stage);
    return inc;
}

static void test_old_records_by_page(void **state)
{
    S_site *s = *state;
    incremental *inc = S_planned(s);
    /* The same bytes: the old heading ids, handed over once. */
    assert_int_equal(s->n_ids_a, 2);
    assert_memory_equal(s->ids_a, "causes\0risks\0", 13);
    fingerprint_digest sa = S_of("a.md bytes");
    const char *links;
    size_t n;
    assert_true(incremental_old_links(inc, "articles/a/index.html", &links, &n));
    assert_int_equal(n, 1);
    assert_string_equal(links, "b.md");
    assert_true(incremental_old_links(inc, "topics/smas/index.html", &links, &n));
    assert_int_equal(n, 0);
    assert_false(incremental_old_links(inc, "compare/index.html", &links, &n));
    assert_null(links);
    assert_int_equal(n, 0);
    assert_memory_equal(incremental_source(inc, "articles/a/index.html"), &sa, sizeof sa);
    assert_null(incremental_source(inc, "topics/smas/index.html"));
    assert_null(incremental_source(inc, "articles/none/index.html"));
}

static void test_heading_ids_only_for_the_same_bytes(void **state)
{
    S_site *s = *state;
    incremental *inc = incremental_open(s->site, &s->program, false);
    fingerprint_digest other = S_of("a.md edited"), sa = S_of("a.md bytes");
    uint32_t n = 7;
    assert_null(incremental_take_heading_ids(inc, "articles/a/index.html", &other, &n));
    assert_int_equal(n, 0);
    /* A page that is not an article's has none; a page not recorded neither. */
    assert_null(incremental_take_heading_ids(inc, "topics/smas/index.html", &sa, &n));
    assert_null(incremental_take_heading_ids(inc, "articles/x/index.html", &sa, &n));
    char *ids = incremental_take_heading_ids(inc, "articles/a/index.html", &sa, &n);
    assert_non_null(ids);
    assert_int_equal(n, 2);
    assert_null(incremental_take_heading_ids(inc, "articles/a/index.html", &sa, &n));
    free(ids);
    incremental_free(inc);
}

static void test_take_unchanged_pages(void **state)
{
    S_site *s = *state;
    incremental *inc = S_planned(s);
    publish_stage *stage = s->stage;
    /* The same fingerprint, and the file is there: taken. */
    fingerprint_digest fa = S_of("a page"), fb = S_of("b page"), ft = S_of("topic page");
    assert_true(incremental_check(inc, "articles/a/index.html", &fa));
    assert_true(incremental_unchanged(inc, "articles/a/index.html"));
    assert_true(incremental_take(inc, "articles/a/index.html", stage, s->site));
    char *taken = path_join(publish_path(stage), "articles/a/index.html");
    assert_true(path_is_file(taken));
    free(taken);
    /* Another fingerprint: not taken, and nothing is placed. */
    fingerprint_digest changed = S_of("b page, edited");
    assert_false(incremental_check(inc, "articles/b/index.html", &changed));
    assert_false(incremental_take(inc, "articles/b/index.html", stage, s->site));
    taken = path_join(publish_path(stage), "articles/b/index.html");
    assert_false(path_is_file(taken));
    free(taken);
    /* The fingerprint recorded, but the old page's file is missing: not taken. */
    assert_true(incremental_check(inc, "articles/gone/index.html", &fb));
    assert_false(incremental_take(inc, "articles/gone/index.html", stage, s->site));
    /* A list page: unchanged when what it is made from is. */
    assert_true(incremental_made(inc, "topics/smas/index.html", &ft, NULL));
    assert_true(incremental_take(inc, "topics/smas/index.html", stage, s->site));
    /* A page not declared is never unchanged. */
    assert_false(incremental_check(inc, "compare/index.html", &ft));
    assert_false(incremental_made(inc, "compare/index.html", &ft, NULL));
    assert_false(incremental_take(inc, "compare/index.html", stage, s->site));
    assert_false(incremental_nothing_changed(inc));
}

static void test_nothing_changed(void **state)
{
    S_site *s = *state;
    incremental *inc = S_planned(s);
    fingerprint_digest fa = S_of("a page"), fb = S_of("b page");
    assert_true(incremental_check(inc, "articles/a/index.html", &fa));
    assert_true(incremental_check(inc, "articles/b/index.html", &fb));
    assert_false(incremental_nothing_changed(inc));
    assert_true(incremental_check(inc, "articles/gone/index.html", &fb));
    /* Every page unchanged, every old page still made. */
    assert_true(incremental_nothing_changed(inc));
    /* A page the old site had that this build does not make: something changed. */
    inc = incremental_open(s->site, &s->program, false);
    fingerprint_digest sa = S_of("a.md bytes"), sb = S_of("b.md bytes");
    incremental_add_article(inc, "articles/a/index.html", &sa, NULL, 0);
    incremental_add_article(inc, "articles/b/index.html", &sb, NULL, 0);
    incremental_add_page(inc, "topics/smas/index.html");
    incremental_plan(inc);
    assert_true(incremental_check(inc, "articles/a/index.html", &fa));
    assert_true(incremental_check(inc, "articles/b/index.html", &fb));
    assert_false(incremental_nothing_changed(inc));
    incremental_free(inc);
}

static void test_another_program(void **state)
{
    S_site *s = *state;
    fingerprint_digest other = S_of("suture 2"), sa = S_of("a.md bytes"), fa = S_of("a page");
    incremental *inc = incremental_open(s->site, &other, false);
    assert_int_equal(incremental_old_count(inc), 0);
    uint32_t n;
    assert_null(incremental_take_heading_ids(inc, "articles/a/index.html", &sa, &n));
    incremental_add_article(inc, "articles/a/index.html", &sa, NULL, 0);
    incremental_plan(inc);
    const char *links;
    size_t n_links;
    assert_false(incremental_old_links(inc, "articles/a/index.html", &links, &n_links));
    assert_false(incremental_check(inc, "articles/a/index.html", &fa));
    assert_false(incremental_nothing_changed(inc));
    incremental_free(inc);
}

/* An article page declared twice (two articles with one slug) is never taken. */
static void test_page_declared_twice(void **state)
{
    S_site *s = *state;
    incremental *inc = incremental_open(s->site, &s->program, false);
    fingerprint_digest sa = S_of("a.md bytes"), fa = S_of("a page");
    incremental_add_article(inc, "articles/a/index.html", &sa, NULL, 0);
    incremental_add_article(inc, "articles/a/index.html", &sa, NULL, 0);
    incremental_plan(inc);
    assert_false(incremental_check(inc, "articles/a/index.html", &fa));
    assert_false(incremental_made(inc, "articles/a/index.html", &fa, NULL));
    incremental_free(inc);
}

/* The new manifest as text, read back from a file. */
static char *S_written(const S_site *s, const incremental *inc)
{
    char *path = path_join(s->tmp, "manifest.jsonl");
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    incremental_write(inc, out);
    assert_int_equal(fclose(out), 0);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    free(path);
    return text;
}

/* The same pages, but this build writes the .gz and .br copies and the old site has none:
 * something changed. The new manifest says it has them. */
static void test_precompressed_differs(void **state)
{
    S_site *s = *state;
    incremental *inc = incremental_open(s->site, &s->program, true);
    assert_int_equal(incremental_old_count(inc), 4);
    fingerprint_digest sa = S_of("a.md bytes"), sb = S_of("b.md bytes");
    fingerprint_digest fa = S_of("a page"), fb = S_of("b page");
    incremental_add_article(inc, "articles/a/index.html", &sa, NULL, 0);
    incremental_add_article(inc, "articles/b/index.html", &sb, NULL, 0);
    incremental_add_page(inc, "topics/smas/index.html");
    incremental_add_article(inc, "articles/gone/index.html", &sb, NULL, 0);
    incremental_plan(inc);
    assert_true(incremental_check(inc, "articles/a/index.html", &fa));
    assert_true(incremental_check(inc, "articles/b/index.html", &fb));
    assert_true(incremental_check(inc, "articles/gone/index.html", &fb));
    assert_false(incremental_nothing_changed(inc));
    char *text = S_written(s, inc);
    assert_non_null(strstr(text, "\"precompressed\": true}\n"));
    free(text);
    incremental_free(inc);
}

static void test_write_in_page_order(void **state)
{
    S_site *s = *state;
    incremental *inc = S_planned(s);
    /* a is taken (its old links again), b made anew with links, the topic page made. */
    fingerprint_digest fa = S_of("a page"), fb2 = S_of("b page 2"), ft2 = S_of("topic 2");
    assert_true(incremental_check(inc, "articles/a/index.html", &fa) &&
                incremental_take(inc, "articles/a/index.html", s->stage, s->site));
    strlist links = STRLIST_INIT;
    strlist_push(&links, "a.md");
    strlist_push(&links, "c.md");
    assert_false(incremental_made(inc, "articles/b/index.html", &fb2, &links));
    strlist_free(&links);
    assert_false(incremental_made(inc, "topics/smas/index.html", &ft2, NULL));
    /* gone is neither made nor taken: it has no record. */
    char *text = S_written(s, inc);
    char hp[33], ha[33], hb[33], ht[33], hsa[33], hsb[33];
    fingerprint_digest sa = S_of("a.md bytes"), sb = S_of("b.md bytes");
    fingerprint_hex(&s->program, hp);
    fingerprint_hex(&fa, ha);
    fingerprint_hex(&fb2, hb);
    fingerprint_hex(&ft2, ht);
    fingerprint_hex(&sa, hsa);
    fingerprint_hex(&sb, hsb);
    char *want = xasprintf(
        "{\"format\": 3, \"program\": \"%s\", \"precompressed\": false}\n"
        "{\"fingerprint\":\"%s\",\"ids\":[\"causes\",\"risks\"],\"links\":[\"b.md\"],"
        "\"page\":\"articles/a/index.html\",\"source\":\"%s\"}\n"
        "{\"fingerprint\":\"%s\",\"ids\":[\"top\"],\"links\":[\"a.md\",\"c.md\"],"
        "\"page\":\"articles/b/index.html\",\"source\":\"%s\"}\n"
        "{\"fingerprint\":\"%s\",\"links\":[],\"page\":\"topics/smas/index.html\"}\n",
        hp, ha, hsa, hb, hsb, ht);
    assert_string_equal(text, want);
    free(want);
    free(text);
    /* Forgotten pages are left out: one article, then every page that is not one. */
    incremental_forget(inc, "articles/b/index.html");
    incremental_forget_pages(inc, false);
    text = S_written(s, inc);
    assert_non_null(strstr(text, "articles/a/index.html"));
    assert_null(strstr(text, "articles/b/index.html"));
    assert_null(strstr(text, "topics/smas"));
    free(text);
    incremental_forget_pages(inc, true);
    text = S_written(s, inc);
    assert_null(strstr(text, "\"page\""));
    free(text);
}

/* What one build writes, the next reads back: links and heading ids round-trip. */
static void test_round_trip(void **state)
{
    S_site *s = *state;
    incremental *inc = incremental_open(s->site, &s->program, false);
    fingerprint_digest src = S_of("z.md bytes"), fz = S_of("z page");
    incremental_add_article(inc, "articles/z/index.html", &src, "intro\0risks\0", 2);
    incremental_plan(inc);
    strlist links = STRLIST_INIT;
    strlist_push(&links, "a.md");
    strlist_push(&links, "b.md");
    incremental_made(inc, "articles/z/index.html", &fz, &links);
    strlist_free(&links);
    char *text = S_written(s, inc);
    incremental_free(inc);
    char *manifest = path_join(s->site, MANIFEST_PATH);
    assert_int_equal(file_write(manifest, text, strlen(text)), 0);
    free(manifest);
    free(text);
    inc = incremental_open(s->site, &s->program, false);
    assert_int_equal(incremental_old_count(inc), 1);
    uint32_t n;
    char *ids = incremental_take_heading_ids(inc, "articles/z/index.html", &src, &n);
    assert_int_equal(n, 2);
    assert_memory_equal(ids, "intro\0risks\0", 12);
    incremental_add_article(inc, "articles/z/index.html", &src, ids, n);
    incremental_plan(inc);
    const char *old_links;
    size_t n_links;
    assert_true(incremental_old_links(inc, "articles/z/index.html", &old_links, &n_links));
    assert_int_equal(n_links, 2);
    assert_memory_equal(old_links, "a.md\0b.md\0", 10);
    assert_true(incremental_check(inc, "articles/z/index.html", &fz));
    assert_true(incremental_nothing_changed(inc));
    incremental_free(inc);
    free(ids);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_old_records_by_page, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_heading_ids_only_for_the_same_bytes, S_setup,
                                        S_teardown),
        cmocka_unit_test_setup_teardown(test_take_unchanged_pages, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_nothing_changed, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_precompressed_differs, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_another_program, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_page_declared_twice, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_write_in_page_order, S_setup, S_teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, S_setup, S_teardown),
    };
    return cmocka_run_group_tests_name("incremental", tests, NULL, NULL);
}
