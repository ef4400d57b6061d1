/*
 * test_manifest.c: fingerprints and the manifest of incremental builds (manifest.h):
 * fields that differ give different fingerprints, digests go to hex and back, and a
 * manifest written is read back, skipping damaged lines and other format versions.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "build/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static fingerprint_digest S_of(const char *a, const char *b)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, a);
    fingerprint_str(f, b);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

static void test_fields_are_kept_apart(void **state)
{
    (void)state;
    fingerprint_digest ab_c = S_of("ab", "c"), a_bc = S_of("a", "bc"), again = S_of("ab", "c");
    assert_memory_equal(&ab_c, &again, sizeof ab_c);
    assert_memory_not_equal(&ab_c, &a_bc, sizeof ab_c);
    fingerprint_digest null = S_of(NULL, "c"), empty = S_of("", "c");
    assert_memory_not_equal(&null, &empty, sizeof null);
}

static void test_hex_round_trip(void **state)
{
    (void)state;
    fingerprint_digest d = S_of("article page", "text"), back;
    char hex[33];
    fingerprint_hex(&d, hex);
    assert_int_equal(strlen(hex), 32);
    assert_true(fingerprint_parse(hex, &back));
    assert_memory_equal(&d, &back, sizeof d);
    assert_false(fingerprint_parse("abc", &back));
    assert_false(fingerprint_parse("0123456789abcdef0123456789abcdeG", &back));
    assert_false(fingerprint_parse("0123456789ABCDEF0123456789abcdef", &back));
    assert_false(fingerprint_parse(NULL, &back));
}

typedef struct {
    strbuf seen;
} S_reader;

/* A record as "page fing links... [source ids...]" (digests by their first 4 digits). */
static void S_page(void *ctx, const manifest_page *p)
{
    S_reader *r = ctx;
    char hex[33];
    fingerprint_hex(&p->fingerprint, hex);
    strbuf_printf(&r->seen, "%s %.4s", p->page, hex);
    for (size_t i = 0; i < p->links->len; i++)
        strbuf_printf(&r->seen, " %s", p->links->items[i]);
    if (p->has_source) {
        fingerprint_hex(&p->source, hex);
        strbuf_printf(&r->seen, " [%.4s", hex);
        for (size_t i = 0; i < p->heading_ids->len; i++)
            strbuf_printf(&r->seen, " %s", p->heading_ids->items[i]);
        strbuf_putc(&r->seen, ']');
    }
    strbuf_putc(&r->seen, '\n');
}

static fingerprint_digest S_program;

static char *S_read(const char *dir, size_t *n)
{
    S_reader r = {STRBUF_INIT};
    *n = manifest_read(dir, &S_program, NULL, S_page, &r);
    return strbuf_detach(&r.seen);
}

static void test_write_then_read(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("manifest");
    char *sub = tu_subdir(dir, ".suture");
    char *path = path_join(dir, MANIFEST_PATH);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    S_program = S_of("suture", "1");
    manifest_write_header(out, &S_program, false);
    fingerprint_digest a = S_of("a", ""), b = S_of("b", ""), src = S_of("source", "");
    manifest_write_page(out, "articles/a/index.html", &a, "b.md\0c.md\0", 2, &src,
                        "causes\0risks\0", 2);
    manifest_write_page(out, "articles/b/index.html", &b, "", 0, &src, NULL, 0);
    manifest_write_page(out, "topics/smas/index.html", &b, NULL, 0, NULL, NULL, 0);
    /* Strings JSON cannot hold (not UTF-8): the page is left out, or only its ids. */
    manifest_write_page(out, "articles/\xff/index.html", &a, NULL, 0, NULL, NULL, 0);
    manifest_write_page(out, "articles/c/index.html", &a, "\xff.md\0", 1, NULL, NULL, 0);
    manifest_write_page(out, "articles/d/index.html", &a, NULL, 0, &src, "\xff\0", 1);
    assert_int_equal(fclose(out), 0);
    size_t n;
    char *seen = S_read(dir, &n);
    char ha[33], hb[33], hs[33];
    fingerprint_hex(&a, ha);
    fingerprint_hex(&b, hb);
    fingerprint_hex(&src, hs);
    char *want = xasprintf("articles/a/index.html %.4s b.md c.md [%.4s causes risks]\n"
                           "articles/b/index.html %.4s [%.4s]\n"
                           "topics/smas/index.html %.4s\n"
                           "articles/d/index.html %.4s\n",
                           ha, hs, hb, hs, hb, ha);
    assert_int_equal(n, 4);
    assert_string_equal(seen, want);
    free(want);
    free(seen);

    /* Written by another program: not read at all. */
    fingerprint_digest program = S_program;
    S_program = S_of("suture", "2");
    seen = S_read(dir, &n);
    assert_int_equal(n, 0);
    assert_string_equal(seen, "");
    free(seen);
    S_program = program;

    /* A damaged line is skipped; the others are read. */
    size_t len;
    char *text = file_read(path, &len);
    char *damaged = tu_replace(text, "\"fingerprint\":\"", "\"fingerprint\":\"zz");
    assert_int_equal(file_write(path, damaged, strlen(damaged)), 0);
    seen = S_read(dir, &n);
    assert_int_equal(n, 3);
    assert_null(strstr(seen, "articles/a/index.html"));
    assert_non_null(strstr(seen, "articles/b/index.html"));
    free(seen);
    free(damaged);
    /* Another format version, or no manifest: nothing. */
    char *other = tu_replace(text, "\"format\": 3", "\"format\": 2");
    assert_int_equal(file_write(path, other, strlen(other)), 0);
    seen = S_read(dir, &n);
    assert_int_equal(n, 0);
    free(seen);
    free(other);
    unlink(path);
    seen = S_read(dir, &n);
    assert_int_equal(n, 0);
    free(seen);
    free(text);
    free(path);
    free(sub);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_are_kept_apart),
        cmocka_unit_test(test_hex_round_trip),
        cmocka_unit_test(test_write_then_read),
    };
    return cmocka_run_group_tests_name("manifest", tests, NULL, NULL);
}
