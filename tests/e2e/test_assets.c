/*
 * test_assets.c: the templates' style sheets and scripts published under fingerprinted names
 * (issue 20, "Publishing"; render/assetnames.h). site.css becomes site.<hash>.css, where
 * <hash> comes from the file's bytes; images keep their names; every page loads the
 * fingerprinted files, whatever template wrote the reference; a changed style sheet gets a
 * new name, the old one is gone, and an incremental build publishes what a full one does.
 * Works on copies of tests/fixtures/good with the project's templates.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

/* Whether dir/rel is a file. */
static bool S_file(const char *dir, const char *rel)
{
    char *path = path_join(dir, rel);
    bool is = path_is_file(path);
    free(path);
    return is;
}

/* The number of nodes expr selects in the page dir/rel. */
static int S_count(const char *dir, const char *rel, const char *expr)
{
    char *path = path_join(dir, rel);
    xmlDocPtr doc = e2e_html(path);
    if (!doc)
        fail_msg("cannot parse %s", path);
    int n = e2e_count(doc, expr);
    xmlFreeDoc(doc);
    free(path);
    return n;
}

static void test_names_carry_the_hash(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    e2e_build(dir, "site");
    char *css = e2e_asset_name(dir, "site.css");
    char *js = e2e_asset_name(dir, "site.js");
    char *search = e2e_asset_name(dir, "search.js");
    /* site.<12 hexadecimal digits>.css, and so on; the plain names are not published. */
    assert_int_equal(strlen(css), strlen("site..css") + ASSETNAMES_HASH_DIGITS);
    char *rel = xasprintf("site/assets/%s", css);
    assert_true(S_file(dir, rel));
    free(rel);
    rel = xasprintf("site/assets/%s", search);
    assert_true(S_file(dir, rel));
    free(rel);
    assert_false(S_file(dir, "site/assets/site.css"));
    assert_false(S_file(dir, "site/assets/search.js"));
    assert_false(S_file(dir, "site/assets/site.js"));
    assert_true(S_file(dir, "site/assets/favicon.svg"));
    /* Every page loads them by those names (the fixture's site lives under /kb/). */
    static const char *const pages[] = {"site/index.html", "site/articles/layers/index.html",
                                        "site/search/index.html", "site/404.html", NULL};
    for (size_t i = 0; pages[i]; i++) {
        char *expr = xasprintf("//link[@rel='stylesheet'][@href='/kb/assets/%s']", css);
        assert_int_equal(S_count(dir, pages[i], expr), 1);
        free(expr);
        expr = xasprintf("//script[@src='/kb/assets/%s']", js);
        assert_int_equal(S_count(dir, pages[i], expr), 1);
        free(expr);
        assert_int_equal(S_count(dir, pages[i], "//*[contains(@href, 'assets/site.css') or "
                                                "contains(@src, 'assets/site.js')]"),
                         0);
        assert_int_equal(S_count(dir, pages[i], "//link[@href='/kb/assets/favicon.svg']"), 1);
    }
    char *expr = xasprintf("//script[@src='/kb/assets/%s']", search);
    assert_int_equal(S_count(dir, "site/search/index.html", expr), 1);
    free(expr);
    /* And suture check --site finds every file the pages load. */
    assert_int_equal(e2e_check_site(dir, "site"), 0);
    free(css);
    free(js);
    free(search);
    remove_tree(dir);
    free(dir);
}

/* A changed style sheet: a new name, the old file gone, every page with the new one, and
 * the incremental build's site the same as a full build's. */
static void test_changed_file_new_name(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    e2e_build(dir, "site");
    char *before = e2e_asset_name(dir, "site.css");
    char *path = path_join(dir, "templates/assets/site.css");
    size_t len;
    char *css = file_read(path, &len);
    assert_non_null(css);
    char *changed = xasprintf("%s\n.changed { color: inherit; }\n", css);
    assert_int_equal(file_write(path, changed, strlen(changed)), 0);
    e2e_build(dir, "site"); /* incremental: the site of the first build is there */
    char *after = e2e_asset_name(dir, "site.css");
    assert_string_not_equal(before, after);
    char *rel = xasprintf("site/assets/%s", before);
    assert_false(S_file(dir, rel));
    free(rel);
    rel = xasprintf("site/assets/%s", after);
    assert_true(S_file(dir, rel));
    free(rel);
    char *expr = xasprintf("//link[@rel='stylesheet'][@href='/kb/assets/%s']", after);
    assert_int_equal(S_count(dir, "site/articles/dimpling/index.html", expr), 1);
    free(expr);
    /* A full build of the same sources publishes the same files, byte for byte. */
    e2e_build(dir, "full");
    static const char *const same[] = {"assets", "articles", "topics", "search", NULL};
    for (size_t i = 0; same[i]; i++) {
        char *a = xasprintf("%s/site/%s", dir, same[i]);
        char *b = xasprintf("%s/full/%s", dir, same[i]);
        char *sa = e2e_snapshot(a), *sb = e2e_snapshot(b);
        assert_true(*sa);
        assert_string_equal(sa, sb);
        free(sa);
        free(sb);
        free(a);
        free(b);
    }
    free(changed);
    free(css);
    free(path);
    free(before);
    free(after);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_carry_the_hash),
        cmocka_unit_test(test_changed_file_new_name),
    };
    int rc = cmocka_run_group_tests_name("assets", tests, NULL, NULL);
    free(S_root);
    return rc;
}
