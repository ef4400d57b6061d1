/*
 * test_site_compressed.c: the .gz and .br copies suture build writes beside every published text
 * file (issue 20, "Publishing"; build/precompress.h): every page, style sheet, script, feed,
 * index and drawing has both, each decompressing to the file byte for byte; images have
 * none; an incremental build keeps every copy true to its page, the pages it took from the
 * old site included; and suture check --site passes the site with them.
 * Works on copies of tests/fixtures/good with the project's templates.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <brotli/decode.h>
#include <zlib.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "build/precompress.h"

static char *S_root; /* the repository, where the tests run from */

/* Build the site in dir, which must succeed. */
/* suture build in dir, with --no-precompress when plain. */
static void S_build_as(const char *dir, bool plain)
{
    char *err = NULL;
    const char *build[] = {"build", "--quiet", plain ? "--no-precompress" : NULL, NULL};
    int status = e2e_run(dir, build, &err);
    if (status != 0)
        fail_msg("the build failed (%d):\n%s", status, err);
    free(err);
}

static void S_build(const char *dir)
{
    S_build_as(dir, false);
}

/* gzip data of len bytes, inflated; NULL when it is not gzip. */
static char *S_gunzip(const char *data, size_t len, size_t *out_len)
{
    size_t cap = 64 * len + 1024;
    char *out = xmalloc(cap);
    z_stream z = {0};
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        free(out);
        return NULL;
    }
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    int rc = inflate(&z, Z_FINISH);
    *out_len = z.total_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

/* Brotli data of len bytes, decoded; NULL when it is not Brotli. */
static char *S_unbrotli(const char *data, size_t len, size_t *out_len)
{
    size_t cap = 64 * len + 1024;
    char *out = xmalloc(cap);
    *out_len = cap;
    if (BrotliDecoderDecompress(len, (const uint8_t *)data, out_len, (uint8_t *)out) !=
        BROTLI_DECODER_RESULT_SUCCESS) {
        free(out);
        return NULL;
    }
    return out;
}

/* Whether site/rel's copy with suffix decompresses (with unpack) to the file itself. */
static bool S_copy_matches(const char *site, const char *rel, const char *suffix,
                           char *(*unpack)(const char *, size_t, size_t *))
{
    char *path = path_join(site, rel);
    char *copy = xasprintf("%s%s", path, suffix);
    size_t len = 0, packed_len = 0, back_len = 0;
    char *data = file_read(path, &len);
    char *packed = file_read(copy, &packed_len);
    char *back = packed ? unpack(packed, packed_len, &back_len) : NULL;
    bool ok = data && back && back_len == len && memcmp(back, data, len) == 0 &&
              packed_len < len;
    free(back);
    free(packed);
    free(data);
    free(copy);
    free(path);
    return ok;
}

/* Every file under site/rel, recursively, into out (paths below site). */
static void S_files(const char *site, const char *rel, strlist *out)
{
    char *path = *rel ? path_join(site, rel) : xstrdup(site);
    strlist names = STRLIST_INIT;
    assert_int_equal(dir_list(path, NULL, &names), 0);
    for (size_t i = 0; i < names.len; i++) {
        char *child = *rel ? path_join(rel, names.items[i]) : xstrdup(names.items[i]);
        char *full = path_join(site, child);
        if (path_is_dir(full))
            S_files(site, child, out);
        else
            strlist_push(out, child);
        free(full);
        free(child);
    }
    strlist_free(&names);
    free(path);
}

/* Whether site/rel is at least 1 KiB: big enough that both copies must be smaller. */
static bool S_big(const char *site, const char *rel)
{
    char *path = path_join(site, rel);
    size_t len = 0;
    char *data = file_read(path, &len);
    free(data);
    free(path);
    return len >= 1024;
}

/*
 * Every text file of the site of 1 KiB or more has both copies; every copy there is (a
 * smaller file may have none, or one: robots.txt) is true to its file; nothing else has any.
 * Returns how many files have both.
 */
static size_t S_assert_copies(const char *site)
{
    strlist files = STRLIST_INIT;
    S_files(site, "", &files);
    size_t with = 0;
    for (size_t i = 0; i < files.len; i++) {
        const char *rel = files.items[i];
        if (str_ends_with(rel, ".gz") || str_ends_with(rel, ".br") || rel[0] == '.')
            continue;
        char *gz = xasprintf("%s/%s.gz", site, rel), *br = xasprintf("%s/%s.br", site, rel);
        bool want = precompress_wanted(rel), big = want && S_big(site, rel);
        if (!want && (path_exists(gz) || path_exists(br)))
            fail_msg("%s is not text, but has a compressed copy", rel);
        if (want && (big || path_exists(gz)) && !S_copy_matches(site, rel, ".gz", S_gunzip))
            fail_msg("%s.gz is missing, or is not %s gzipped", rel, rel);
        if (want && (big || path_exists(br)) && !S_copy_matches(site, rel, ".br", S_unbrotli))
            fail_msg("%s.br is missing, or is not %s in Brotli", rel, rel);
        with += big;
        free(gz);
        free(br);
    }
    strlist_free(&files);
    return with;
}

static void test_every_text_file_has_its_copies(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    S_build(dir);
    char *site = path_join(dir, "site");
    size_t with = S_assert_copies(site);
    /* the 13 pages, the style sheet, two scripts, the feed, the sitemap and the index */
    assert_true(with >= 19);
    char *css = e2e_asset_name(dir, "site.css");
    char *rel = xasprintf("assets/%s", css);
    assert_true(S_copy_matches(site, rel, ".br", S_unbrotli));
    free(rel);
    free(css);
    assert_true(S_copy_matches(site, "articles/layers/index.html", ".gz", S_gunzip));
    assert_true(S_copy_matches(site, "search-index.json", ".gz", S_gunzip));
    /* suture check --site passes the site with them. */
    char *err = NULL;
    const char *check[] = {"check", "--site", "site", NULL};
    int status = e2e_run(dir, check, &err);
    if (status != 0)
        fail_msg("suture check --site failed (%d):\n%s", status, err);
    free(err);
    free(site);
    remove_tree(dir);
    free(dir);
}

/* An incremental build: the pages it takes from the old site keep copies true to them, and
 * the edited page's copies are new. */
static void test_incremental_keeps_copies_true(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    S_build(dir);
    assert_true(e2e_edit(dir, "content/articles/layers.md", "It is a sheet of",
                         "It is a thin sheet of"));
    S_build(dir);
    char *site = path_join(dir, "site");
    S_assert_copies(site);
    char *page = path_join(site, "articles/layers/index.html.gz");
    size_t len;
    char *packed = file_read(page, &len);
    assert_non_null(packed);
    size_t back_len;
    char *back = S_gunzip(packed, len, &back_len);
    assert_non_null(back);
    assert_non_null(memmem(back, back_len, "thin sheet of", 13));
    free(back);
    free(packed);
    free(page);
    /* And a third build with nothing changed keeps them all. */
    S_build(dir);
    S_assert_copies(site);
    free(site);
    remove_tree(dir);
    free(dir);
}

/* How many .gz and .br files the folder at site holds. */
static size_t S_count_copies(const char *site)
{
    strlist files = STRLIST_INIT;
    S_files(site, "", &files);
    size_t n = 0;
    for (size_t i = 0; i < files.len; i++)
        n += str_ends_with(files.items[i], ".gz") || str_ends_with(files.items[i], ".br");
    strlist_free(&files);
    return n;
}

/* --no-precompress writes no copy; the next build without it makes every copy, for the
 * pages it takes from the old site too. */
static void test_no_precompress(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    S_build_as(dir, true);
    char *site = path_join(dir, "site");
    assert_int_equal(S_count_copies(site), 0);
    S_build(dir);
    assert_true(S_assert_copies(site) >= 19);
    /* And back: a plain build after a compressed one leaves no stale copy behind. */
    S_build_as(dir, true);
    assert_int_equal(S_count_copies(site), 0);
    free(site);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_text_file_has_its_copies),
        cmocka_unit_test(test_incremental_keeps_copies_true),
        cmocka_unit_test(test_no_precompress),
    };
    int rc = cmocka_run_group_tests_name("site_compressed", tests, NULL, NULL);
    free(S_root);
    return rc;
}
