/*
 * test_prefilter.c: the Vectorscan screen in front of the compliance patterns
 * (prefilter.h): the looser patterns it compiles, what a screen reports, and the cache of
 * compiled databases (written once, read back, ignored when stale or damaged, trimmed).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/prefilter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- the looser patterns ---- */

static void S_expect_source(const char *pattern, const char *want)
{
    char *got = prefilter_source(pattern);
    if (!want) {
        if (got)
            fail_msg("'%s' was loosened to '%s', expected the original", pattern, got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_source_drops_word_boundaries(void **state)
{
    (void)state;
    S_expect_source("\\bbest\\b", "best");
    S_expect_source("\\Bing", "ing");
}

static void test_source_ascii_classes(void **state)
{
    (void)state;
    S_expect_source("a\\s+b", "a[\\n ]b");
    S_expect_source("\\d%", "[0-9]%");
    S_expect_source("\\w", "[0-9A-Za-z_\\x{80}-\\x{10FFFF}]");
    S_expect_source("\\W", "[^0-9A-Za-z_]");
    S_expect_source("[\\d,]", "[0-9,]");
    S_expect_source("[\\s-]", "[\\n -]");
}

static void test_source_white_space_once_or_optional(void **state)
{
    (void)state;
    /* Normalised text has one ' ' or '\n' for each run of white space (readertext.h). */
    S_expect_source("a\\s*b\\s?c", "a[\\n ]?b[\\n ]?c");
    S_expect_source("a\\s+?b\\s*+c", "a[\\n ]b[\\n ]?c");
    S_expect_source("a\\s{1,3}b\\s{0,2}c\\s{00}d\\s{2}e", "a[\\n ]b[\\n ]?c[\\n ]?d[\\n ]e");
    S_expect_source("(?:\\w+\\s+){0,2}x", "(?:[0-9A-Za-z_\\x{80}-\\x{10FFFF}]+[\\n ]){0,}x");
    /* A brace that is no quantifier stays a literal. */
    S_expect_source("a\\s{x}", "a[\\n ]{x}");
}

static void test_source_bounded_repeats_open(void **state)
{
    (void)state;
    S_expect_source("a[^.]{0,60}b", "a[^.]{0,}b");
    S_expect_source("x{2,5}", "x{2,}");
    /* An exact count and a class with braces stay as they are. */
    S_expect_source("x{3}", "x{3}");
    S_expect_source("[{]1,2}", "[{]1,2}");
}

static void test_source_keeps_korean(void **state)
{
    (void)state;
    S_expect_source("최고|부작용\\s*없", "최고|부작용[\\n ]?없");
}

static void test_source_any_character_for_hard_classes(void **state)
{
    (void)state;
    /* A negated class with a class escape must keep non-ASCII non-word characters. */
    S_expect_source("best[^\\w]", "best[\\x{0}-\\x{10FFFF}]");
    S_expect_source("(?:^|[^\\w&])#\\s*1(?!\\d)",
                    "(?:^|[\\x{0}-\\x{10FFFF}])#[\\n ]?1(?![0-9])");
    S_expect_source("[\\W_]+", "[\\x{0}-\\x{10FFFF}]+");
    S_expect_source("[[:alpha:]]x", "[\\x{0}-\\x{10FFFF}]x");
    S_expect_source("[Éé]cole", "[\\x{0}-\\x{10FFFF}]cole");
    S_expect_source("\\p{Lu}x\\pL", "[\\x{0}-\\x{10FFFF}]x[\\x{0}-\\x{10FFFF}]");
    /* Classes it can translate stay classes, a ']' first included. */
    S_expect_source("[^]a]", "[^]a]");
    S_expect_source("[^.!?]", "[^.!?]");
}

static void test_source_gives_up(void **state)
{
    (void)state;
    S_expect_source("\\Qa.b\\E", NULL);
    S_expect_source("Élite", NULL);
    S_expect_source("\\X", NULL);
    S_expect_source("a\\Rb", NULL);
    S_expect_source("a\\Kb", NULL);
    S_expect_source("[abc", NULL);
    S_expect_source("\\p{Lu", NULL);
}

/* ---- screening ---- */

static const char *const S_patterns[] = {
    "\\bbest\\b",         /* 0 */
    "\\bworst\\b",        /* 1 */
    "%",                  /* 2: one byte, so always */
    "cheap(?:er|est)?",   /* 3 */
    "최고",               /* 4 */
};
#define N_PATTERNS (sizeof S_patterns / sizeof *S_patterns)

static void S_expect_ids(const size_t *ids, size_t n, const size_t *want, size_t n_want)
{
    strbuf got = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        strbuf_printf(&got, "%s%zu", i ? "," : "", ids[i]);
    strbuf expected = STRBUF_INIT;
    for (size_t i = 0; i < n_want; i++)
        strbuf_printf(&expected, "%s%zu", i ? "," : "", want[i]);
    assert_string_equal(strbuf_str(&got), strbuf_str(&expected));
    strbuf_free(&got);
    strbuf_free(&expected);
}

#define EXPECT_IDS(ids, n, ...)                                                               \
    do {                                                                                      \
        static const size_t want_[] = {__VA_ARGS__};                                          \
        S_expect_ids((ids), (n), want_, sizeof want_ / sizeof *want_);                        \
    } while (0)

static void test_screen_reports_candidates_in_order(void **state)
{
    (void)state;
    prefilter *p = prefilter_build(S_patterns, N_PATTERNS, NULL);
    assert_false(prefilter_from_cache(p));
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    const char *text = "서울 최고 clinic: the cheapest and the best, twice the best";
    size_t n = prefilter_screen(p, s, text, strlen(text), &ids);
    EXPECT_IDS(ids, n, 0, 2, 3, 4);
    /* Nothing matches: only the pattern that is always run. */
    text = "A plain sentence about recovery.";
    n = prefilter_screen(p, s, text, strlen(text), &ids);
    EXPECT_IDS(ids, n, 2);
    /* Empty text. */
    n = prefilter_screen(p, s, "", 0, &ids);
    EXPECT_IDS(ids, n, 2);
    prefilter_scratch_free(s);
    prefilter_free(p);
}

static void test_screen_never_misses_far_into_a_text(void **state)
{
    (void)state;
    prefilter *p = prefilter_build(S_patterns, N_PATTERNS, NULL);
    prefilter_scratch *s = prefilter_scratch_new();
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < 2000; i++)
        strbuf_puts(&b, "Recovery takes a week or two. ");
    strbuf_puts(&b, "The WORST thing.");
    const size_t *ids = NULL;
    size_t n = prefilter_screen(p, s, strbuf_str(&b), b.len, &ids);
    EXPECT_IDS(ids, n, 1, 2);
    strbuf_free(&b);
    prefilter_scratch_free(s);
    prefilter_free(p);
}

static void test_screen_needs_normalised_white_space(void **state)
{
    (void)state;
    static const char *const patterns[] = {"\\bmost\\s+effective\\b", "부작용\\s*없"};
    prefilter *p = prefilter_build(patterns, 2, NULL);
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    /* Normalised: one ' ' or '\n' for each run (rtext_normalize). */
    size_t n = prefilter_screen(p, s, "the most effective", 18, &ids);
    EXPECT_IDS(ids, n, 0);
    n = prefilter_screen(p, s, "the most\neffective", 18, &ids);
    EXPECT_IDS(ids, n, 0);
    const char *ko = "부작용 없는 시술";
    n = prefilter_screen(p, s, ko, strlen(ko), &ids);
    EXPECT_IDS(ids, n, 1);
    /* Anything else cannot be screened, so that every pattern runs and none is missed:
     * a run of two, a tab, a carriage return, a no-break space, an ideographic space. */
    static const char *const raw[] = {"the most  effective", "the most\teffective",
                                      "most\r\neffective", "most\u00A0effective",
                                      "부작용\u3000없는", "most \neffective"};
    for (size_t i = 0; i < sizeof raw / sizeof *raw; i++)
        assert_int_equal(prefilter_screen(p, s, raw[i], strlen(raw[i]), &ids), SIZE_MAX);
    /* Other characters with the same lead bytes are screened as usual (é is C3; ¢ is C2;
     * "—" is E2 80 94; "「" is E3 80 8C). */
    const char *other = "café ¢ — 「most effective」";
    n = prefilter_screen(p, s, other, strlen(other), &ids);
    EXPECT_IDS(ids, n, 0);
    prefilter_scratch_free(s);
    prefilter_free(p);
}

static void test_always_patterns(void **state)
{
    (void)state;
    /* One byte long (a Vectorscan miss, see prefilter.c), and ones Vectorscan rejects. */
    static const char *const patterns[] = {"best", "%", "(a)(?1)", "ab\\Kc", "x\\Ry"};
    prefilter *p = prefilter_build(patterns, 5, NULL);
    assert_false(prefilter_always(p, 0));
    for (size_t k = 1; k < 5; k++)
        assert_true(prefilter_always(p, k));
    assert_false(prefilter_always(p, 5)); /* out of range */
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    size_t n = prefilter_screen(p, s, "nothing", 7, &ids);
    EXPECT_IDS(ids, n, 1, 2, 3, 4);
    prefilter_scratch_free(s);
    prefilter_free(p);
}

static void test_no_patterns(void **state)
{
    (void)state;
    prefilter *p = prefilter_build(NULL, 0, NULL);
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    assert_int_equal(prefilter_screen(p, s, "text", 4, &ids), 0);
    prefilter_scratch_free(s);
    prefilter_free(p);
}

static void test_scratch_shared_by_two_prefilters(void **state)
{
    (void)state;
    static const char *const other[] = {"downtime", "painless"};
    prefilter *a = prefilter_build(S_patterns, N_PATTERNS, NULL);
    prefilter *b = prefilter_build(other, 2, NULL);
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    const char *text = "painless, the best";
    size_t n = prefilter_screen(a, s, text, strlen(text), &ids);
    EXPECT_IDS(ids, n, 0, 2);
    n = prefilter_screen(b, s, text, strlen(text), &ids);
    EXPECT_IDS(ids, n, 1);
    n = prefilter_screen(a, s, text, strlen(text), &ids);
    EXPECT_IDS(ids, n, 0, 2);
    prefilter_scratch_free(s);
    prefilter_free(a);
    prefilter_free(b);
}

/* ---- literal search ---- */

/* The hits of a literal search as "k@start k@start", in the order reported. */
static void S_note_literal(void *ctx, size_t k, size_t start)
{
    strbuf_printf(ctx, "%s%zu@%zu", ((strbuf *)ctx)->len ? " " : "", k, start);
}

static char *S_literal_hits(const prefilter_literals *p, prefilter_scratch *s, const char *text)
{
    strbuf b = STRBUF_INIT;
    assert_true(prefilter_literals_find(p, s, text, strlen(text), S_note_literal, &b));
    char *hits = xstrdup(strbuf_str(&b));
    strbuf_free(&b);
    return hits;
}

/* Every occurrence of every literal, overlapping ones too, byte for byte, by where each ends;
 * the scratch serves a prefilter between two searches. */
static void test_literals_find_every_occurrence(void **state)
{
    (void)state;
    static const char *const lits[] = {"aa", "b", "시술", "Thread"};
    prefilter_literals *p = prefilter_literals_build(lits, 4);
    assert_non_null(p);
    prefilter_scratch *s = prefilter_scratch_new();
    char *hits = S_literal_hits(p, s, "aaab thread Thread 시술");
    assert_string_equal(hits, "0@0 0@1 1@3 3@12 2@19");
    free(hits);
    prefilter *screen = prefilter_build(S_patterns, N_PATTERNS, NULL);
    const size_t *ids = NULL;
    size_t n = prefilter_screen(screen, s, "the best", 8, &ids);
    EXPECT_IDS(ids, n, 0, 2);
    hits = S_literal_hits(p, s, "none here");
    assert_string_equal(hits, "");
    free(hits);
    hits = S_literal_hits(p, s, "b");
    assert_string_equal(hits, "1@0");
    free(hits);
    prefilter_free(screen);
    prefilter_scratch_free(s);
    prefilter_literals_free(p);
}

/* No literals, or an empty one: nothing is built, and the caller searches another way. */
static void test_literals_refused(void **state)
{
    (void)state;
    static const char *const lits[] = {"a", ""};
    assert_null(prefilter_literals_build(lits, 0));
    assert_null(prefilter_literals_build(lits, 2));
    prefilter_literals *one = prefilter_literals_build(lits, 1);
    assert_non_null(one);
    prefilter_literals_free(one);
    prefilter_literals_free(NULL);
}

/* ---- the cache ---- */

/* The cache files in dir, sorted; the caller frees the list. */
static strlist S_cache_files(const char *dir)
{
    strlist l = {0};
    assert_int_equal(dir_list(dir, ".hsdb", &l), 0);
    return l;
}

/* The only cache file in dir (the caller frees it). */
static char *S_only_file(const char *dir)
{
    strlist l = S_cache_files(dir);
    assert_int_equal(l.len, 1);
    char *path = path_join(dir, l.items[0]);
    strlist_free(&l);
    return path;
}

/* Screen a fixed text with p and return the ids as "0,2,3". */
static char *S_screened(const prefilter *p)
{
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    const char *text = "the cheapest, the best, 최고";
    size_t n = prefilter_screen(p, s, text, strlen(text), &ids);
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < n; i++)
        strbuf_printf(&b, "%s%zu", i ? "," : "", ids[i]);
    prefilter_scratch_free(s);
    return strbuf_detach(&b);
}

static void test_cache_written_then_read(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("prefilter");
    char *cache = path_join(dir, "new/cache"); /* created when missing */
    prefilter *p = prefilter_build(S_patterns, N_PATTERNS, cache);
    assert_false(prefilter_from_cache(p));
    char *first = S_screened(p);
    prefilter_free(p);
    char *file = S_only_file(cache);

    p = prefilter_build(S_patterns, N_PATTERNS, cache);
    assert_true(prefilter_from_cache(p));
    assert_true(prefilter_always(p, 2));
    assert_false(prefilter_always(p, 0));
    char *second = S_screened(p);
    assert_string_equal(first, "0,2,3,4");
    assert_string_equal(second, first);
    prefilter_free(p);
    free(S_only_file(cache));

    free(first);
    free(second);
    free(file);
    free(cache);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_cache_other_patterns_other_file(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("prefilter");
    prefilter_free(prefilter_build(S_patterns, N_PATTERNS, dir));
    /* One pattern changed: a new file, compiled, not the old database. */
    const char *changed[N_PATTERNS];
    memcpy(changed, S_patterns, sizeof changed);
    changed[1] = "\\bworse\\b";
    prefilter *p = prefilter_build(changed, N_PATTERNS, dir);
    assert_false(prefilter_from_cache(p));
    prefilter_scratch *s = prefilter_scratch_new();
    const size_t *ids = NULL;
    size_t n = prefilter_screen(p, s, "worse", 5, &ids);
    EXPECT_IDS(ids, n, 1, 2);
    prefilter_scratch_free(s);
    prefilter_free(p);
    strlist l = S_cache_files(dir);
    assert_int_equal(l.len, 2);
    strlist_free(&l);
    /* Fewer patterns, the same first ones: again a file of its own. */
    p = prefilter_build(S_patterns, N_PATTERNS - 1, dir);
    assert_false(prefilter_from_cache(p));
    prefilter_free(p);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* Rewrite the cache file at path with damage applied, then check it is not used. */
static void S_damaged(const char *dir, const char *path, void (*damage)(char *, size_t *))
{
    size_t len = 0;
    char *data = file_read(path, &len);
    assert_non_null(data);
    damage(data, &len);
    assert_int_equal(file_write(path, data, len), 0);
    free(data);
    prefilter *p = prefilter_build(S_patterns, N_PATTERNS, dir);
    assert_false(prefilter_from_cache(p));
    char *ids = S_screened(p);
    assert_string_equal(ids, "0,2,3,4");
    free(ids);
    prefilter_free(p);
    /* The file was written anew and is good again. */
    p = prefilter_build(S_patterns, N_PATTERNS, dir);
    assert_true(prefilter_from_cache(p));
    prefilter_free(p);
}

static void S_truncate(char *data, size_t *len)
{
    (void)data;
    *len /= 2;
}

static void S_empty(char *data, size_t *len)
{
    (void)data;
    *len = 0;
}

static void S_bad_magic(char *data, size_t *len)
{
    (void)len;
    data[0] = 'S';
}

static void S_flip_last_byte(char *data, size_t *len)
{
    data[*len - 1] ^= 0x5a;
}

static void S_flip_middle_byte(char *data, size_t *len)
{
    data[*len / 2] ^= 0x5a;
}

static void S_drop_last_byte(char *data, size_t *len)
{
    (void)data;
    (*len)--; /* the database is one byte shorter than its length field says */
}

static void test_cache_damaged_file_is_replaced(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("prefilter");
    prefilter_free(prefilter_build(S_patterns, N_PATTERNS, dir));
    char *path = S_only_file(dir);
    S_damaged(dir, path, S_truncate);
    S_damaged(dir, path, S_empty);
    S_damaged(dir, path, S_bad_magic);
    S_damaged(dir, path, S_flip_last_byte);
    S_damaged(dir, path, S_flip_middle_byte);
    S_damaged(dir, path, S_drop_last_byte);
    free(path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_cache_folder_that_cannot_be_written(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("prefilter");
    /* A path under a regular file can be neither created nor written. */
    char *file = path_join(dir, "file");
    assert_int_equal(file_write(file, "x", 1), 0);
    char *cache = path_join(file, "cache");
    prefilter *p = prefilter_build(S_patterns, N_PATTERNS, cache);
    assert_false(prefilter_from_cache(p));
    char *ids = S_screened(p);
    assert_string_equal(ids, "0,2,3,4");
    free(ids);
    prefilter_free(p);
    free(cache);
    free(file);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_cache_keeps_the_recently_used(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("prefilter");
    /* Twelve rule sets, one after another; the first is used again after the fifth. */
    char *kept_path = NULL;
    for (int i = 0; i < 12; i++) {
        char *pattern = xasprintf("\\bword%d\\b", i);
        const char *one[] = {pattern};
        prefilter *p = prefilter_build(one, 1, dir);
        assert_false(prefilter_from_cache(p));
        prefilter_free(p);
        free(pattern);
        if (i == 0)
            kept_path = S_only_file(dir);
        if (i == 5) {
            /* Let the clock move on, so that using it again makes it the newest. */
            struct timespec pause = {0, 20 * 1000 * 1000};
            nanosleep(&pause, NULL);
            const char *first[] = {"\\bword0\\b"};
            p = prefilter_build(first, 1, dir);
            assert_true(prefilter_from_cache(p));
            prefilter_free(p);
        }
        struct timespec pause = {0, 5 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    strlist l = S_cache_files(dir);
    assert_int_equal(l.len, 8);
    strlist_free(&l);
    /* The first set was used recently enough to stay; the second was not. */
    assert_true(path_is_file(kept_path));
    const char *first[] = {"\\bword0\\b"};
    prefilter *p = prefilter_build(first, 1, dir);
    assert_true(prefilter_from_cache(p));
    prefilter_free(p);
    const char *second[] = {"\\bword1\\b"};
    p = prefilter_build(second, 1, dir);
    assert_false(prefilter_from_cache(p));
    prefilter_free(p);
    free(kept_path);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void S_env(const char *name, const char *value)
{
    if (value)
        assert_int_equal(setenv(name, value, 1), 0);
    else
        assert_int_equal(unsetenv(name), 0);
}

static void S_expect_cache_dir(const char *suture, const char *xdg, const char *home,
                               const char *want)
{
    S_env("SUTURE_CACHE_DIR", suture);
    S_env("XDG_CACHE_HOME", xdg);
    S_env("HOME", home);
    char *got = prefilter_cache_dir();
    if (!want) {
        if (got)
            fail_msg("expected no cache folder, got '%s'", got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_cache_dir_from_environment(void **state)
{
    (void)state;
    char *saved[3];
    const char *names[3] = {"SUTURE_CACHE_DIR", "XDG_CACHE_HOME", "HOME"};
    for (int i = 0; i < 3; i++)
        saved[i] = getenv(names[i]) ? xstrdup(getenv(names[i])) : NULL;

    S_expect_cache_dir("/c/s", "/c/x", "/home/a", "/c/s");
    S_expect_cache_dir("", "/c/x", "/home/a", NULL); /* empty: no cache */
    S_expect_cache_dir(NULL, "/c/x", "/home/a", "/c/x/suture");
    S_expect_cache_dir(NULL, "relative", "/home/a", "/home/a/.cache/suture");
    S_expect_cache_dir(NULL, NULL, "/home/a", "/home/a/.cache/suture");
    S_expect_cache_dir(NULL, NULL, NULL, NULL);
    S_expect_cache_dir(NULL, NULL, "", NULL);

    for (int i = 0; i < 3; i++) {
        S_env(names[i], saved[i]);
        free(saved[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals_find_every_occurrence),
        cmocka_unit_test(test_literals_refused),
        cmocka_unit_test(test_source_drops_word_boundaries),
        cmocka_unit_test(test_source_ascii_classes),
        cmocka_unit_test(test_source_white_space_once_or_optional),
        cmocka_unit_test(test_source_bounded_repeats_open),
        cmocka_unit_test(test_source_keeps_korean),
        cmocka_unit_test(test_source_any_character_for_hard_classes),
        cmocka_unit_test(test_source_gives_up),
        cmocka_unit_test(test_screen_reports_candidates_in_order),
        cmocka_unit_test(test_screen_never_misses_far_into_a_text),
        cmocka_unit_test(test_screen_needs_normalised_white_space),
        cmocka_unit_test(test_always_patterns),
        cmocka_unit_test(test_no_patterns),
        cmocka_unit_test(test_scratch_shared_by_two_prefilters),
        cmocka_unit_test(test_cache_written_then_read),
        cmocka_unit_test(test_cache_other_patterns_other_file),
        cmocka_unit_test(test_cache_damaged_file_is_replaced),
        cmocka_unit_test(test_cache_folder_that_cannot_be_written),
        cmocka_unit_test(test_cache_keeps_the_recently_used),
        cmocka_unit_test(test_cache_dir_from_environment),
    };
    return cmocka_run_group_tests_name("prefilter", tests, NULL, NULL);
}
