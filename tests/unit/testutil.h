/*
 * testutil.h: helpers shared by the unit tests in tests/unit.
 *
 * Include it in place of cmocka's headers, after any _POSIX_C_SOURCE or _GNU_SOURCE
 * definition. tu_tmpdir needs mkdtemp, so _POSIX_C_SOURCE >= 200809L (the Makefile
 * defines it for every file). Every helper is static inline: a test uses those it needs.
 * The helpers fail the running test (through cmocka's assertions) when what they check
 * or do goes wrong.
 */
#ifndef SUTURE_TESTUTIL_H
#define SUTURE_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"

/* ---- content ---- */

/* A site.yaml in two languages, Korean first (issue 16), with translation_max_lag_days 90
 * and one topic. */
#define TU_SITE_KO_EN                                                                          \
    "base_url: \"https://example.org/\"\n"                                                     \
    "languages:\n"                                                                             \
    "  - code: ko\n"                                                                           \
    "    title: \"얼굴 리프팅 안내\"\n"                                                          \
    "    disclaimer: \"일반 정보입니다.\"\n"                                                    \
    "    notices: {before_after: \"동의를 받아 싣습니다.\"}\n"                                  \
    "  - code: en\n"                                                                           \
    "    title: \"Facial Lifting Explained\"\n"                                                \
    "    disclaimer: \"General information only.\"\n"                                         \
    "    notices: {before_after: \"Shown with consent.\"}\n"                                   \
    "review_max_age_days: 365\n"                                                              \
    "translation_max_lag_days: 90\n"                                                          \
    "topics:\n"                                                                               \
    "  - id: anatomy\n"                                                                        \
    "    title: {ko: 얼굴의 층 구조, en: Facial anatomy}\n"                                      \
    "    description: {ko: 얼굴의 층, en: The layers}\n"

/* ---- diagnostics ---- */

/* Assert that the i-th diagnostic of diags exists and formats exactly as expected. */
static inline void tu_expect_diag(const diag_list *diags, size_t i, const char *expected)
{
    const diag *d = diag_get(diags, i);
    assert_non_null(d);
    char *got = diag_format(d);
    assert_string_equal(got, expected);
    free(got);
}

/* Assert that the i-th diagnostic formats as prefix (usually a file path) followed by rest. */
static inline void tu_expect_diag_prefixed(const diag_list *diags, size_t i, const char *prefix,
                                           const char *rest)
{
    char *want = xasprintf("%s%s", prefix, rest);
    tu_expect_diag(diags, i, want);
    free(want);
}

/* ---- strings ---- */

/* text with the first occurrence of find replaced by repl; the caller frees it. */
static inline char *tu_replace(const char *text, const char *find, const char *repl)
{
    const char *at = strstr(text, find);
    assert_non_null(at);
    return xasprintf("%.*s%s%s", (int)(at - text), text, repl, at + strlen(find));
}

/* ---- temporary folders and files ---- */

/* A new folder /tmp/suture-test-<tag>-XXXXXX; remove it with tu_tmpdir_remove. */
static inline char *tu_tmpdir(const char *tag)
{
    char *dir = xasprintf("/tmp/suture-test-%s-XXXXXX", tag);
    assert_non_null(mkdtemp(dir));
    return dir;
}

/* Remove the tree at dir and free dir; returns remove_tree's result (0 or -1). */
static inline int tu_tmpdir_remove(char *dir)
{
    int rc = remove_tree(dir);
    free(dir);
    return rc;
}

/* Create the folder dir/name (and its parents); the caller frees the returned path. */
static inline char *tu_subdir(const char *dir, const char *name)
{
    char *path = path_join(dir, name);
    assert_int_equal(mkdir_p(path), 0);
    return path;
}

/* Write text into dir/name; the caller frees the returned path. */
static inline char *tu_write_file(const char *dir, const char *name, const char *text)
{
    char *path = path_join(dir, name);
    assert_int_equal(file_write(path, text, strlen(text)), 0);
    return path;
}

/* Write text into dir/name, when the path is not needed. */
static inline void tu_put_file(const char *dir, const char *name, const char *text)
{
    free(tu_write_file(dir, name, text));
}

/*
 * One data file in a fresh temporary folder, for tests that load a file and check its
 * diagnostics. Use tu_fixture_setup from the test's setup and tu_fixture_teardown as
 * its teardown; *state is then the tu_fixture.
 */
typedef struct {
    char *dir;        /* the temporary folder */
    char *path;       /* dir/<name>: the file the test writes and loads */
    diag_list *diags; /* the diagnostics of the load */
} tu_fixture;

/* Set *state to a new tu_fixture for /tmp/suture-test-<tag>-XXXXXX/<name>. */
static inline int tu_fixture_setup(void **state, const char *tag, const char *name)
{
    tu_fixture *f = xcalloc(1, sizeof *f);
    f->dir = tu_tmpdir(tag);
    f->path = path_join(f->dir, name);
    f->diags = diag_list_new();
    *state = f;
    return 0;
}

/* Remove the fixture's folder and free it; a cmocka teardown. */
static inline int tu_fixture_teardown(void **state)
{
    tu_fixture *f = *state;
    diag_list_free(f->diags);
    free(f->path);
    int rc = tu_tmpdir_remove(f->dir);
    free(f);
    return rc;
}

/* Write text as the fixture's file. */
static inline void tu_fixture_write(const tu_fixture *f, const char *text)
{
    assert_int_equal(file_write(f->path, text, strlen(text)), 0);
}

/* Assert that the fixture's i-th diagnostic reads "<its file's path><rest>". */
static inline void tu_fixture_diag(const tu_fixture *f, size_t i, const char *rest)
{
    tu_expect_diag_prefixed(f->diags, i, f->path, rest);
}

/*
 * Assert that the fixture has exactly n diagnostics, the i-th reading "<its file's
 * path><rest>" for the i-th const char *rest of ap; prints them all when the count differs.
 */
static inline void tu_fixture_diags_v(const tu_fixture *f, size_t n, va_list ap)
{
    for (size_t i = 0; i < n; i++)
        tu_fixture_diag(f, i, va_arg(ap, const char *));
    if (diag_count(f->diags) != n) {
        diag_list_print(f->diags, stderr);
        fail_msg("%zu diagnostics, expected %zu", diag_count(f->diags), n);
    }
}

/* ---- XML ---- */

/* A cmocka group setup that initialises libxml2's parser (the teardown can be NULL). */
static inline int tu_xml_setup(void **state)
{
    (void)state;
    xmlInitParser();
    return 0;
}

/* Parse the UTF-8 string xml as a document named url; fails the test when it is not XML. */
static inline xmlDocPtr tu_parse_xml(const char *xml, const char *url, int options)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), url, "UTF-8", options);
    assert_non_null(doc);
    return doc;
}

/* node serialised without formatting (doc may be NULL, as for xmlNodeDump); caller frees. */
static inline char *tu_dump(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, node, 0, 0);
    char *s = xstrdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return s;
}

#endif /* SUTURE_TESTUTIL_H */
