/*
 * test_check.c: `suture check` end to end (issue 3): the clinic's own content passes; the
 * check fixture (tests/fixtures/check) gives exactly its golden text, JSON and SARIF
 * reports (tests/golden/check, `make regen-golden`); the SARIF log validates against the
 * published SARIF 2.1.0 schema and GitHub's upload rules; a built site verifies clean and
 * a page added by hand without the disclaimer fails; usage errors exit 2. Every English
 * article's reading grade is reported in the three formats, and warned about above
 * site.yaml's reading_grade_max; our own articles are at grade 9 or below.
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

#include <jansson.h>

/* 2026-11-22T00:00:00Z: review ages in the fixture are counted to this day. */
#define FIXED_EPOCH "1795305600"

static char *S_root(void)
{
    const char *root = getenv("SUTURE_ROOT");
    return xstrdup(root && *root ? root : ".");
}

/* A temporary folder holding a copy of the check fixture as content/. */
static char *S_fixture(void)
{
    char *dir = e2e_tmpdir();
    assert_non_null(dir);
    char *root = S_root();
    char *from = path_join(root, "tests/fixtures/check/content");
    char *to = path_join(dir, "content");
    const char *failed = NULL;
    assert_int_equal(copy_tree(from, to, NULL, &failed), 0);
    free(from);
    free(to);
    free(root);
    return dir;
}

static char *S_golden(const char *name)
{
    char *root = S_root();
    char *rel = xasprintf("tests/golden/check/%s", name);
    char *path = path_join(root, rel);
    size_t len;
    char *text = file_read(path, &len);
    if (!text)
        fail_msg("cannot read the golden file %s; run make regen-golden", path);
    free(rel);
    free(path);
    free(root);
    return text;
}

static void S_expect_same(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) != 0) {
        print_message("%s differs from its golden file.\n--- got:\n%s\n--- want:\n%s\n", what,
                      got, want);
        fail();
    }
}

static void test_own_content_passes(void **state)
{
    (void)state;
    char *root = S_root();
    char *err = NULL;
    const char *args[] = {"check", "--content", "content", "--max-warnings", "0", NULL};
    int status = e2e_run(root, args, &err);
    if (status != 0)
        print_message("%s", err);
    assert_int_equal(status, 0);
    assert_non_null(strstr(err, ", 0 errors, 0 warnings,"));
    /* Every English article is graded, at reading_grade_max 9 or below; every Korean one
     * measured in 어절, at reading_eojeol_max 15 or below; each article in both languages. */
    assert_non_null(strstr(err, "reading grade (Flesch–Kincaid; reading_grade_max 9 in "
                                "site.yaml):\n"));
    assert_non_null(strstr(err, "reading length (Korean, 어절 per sentence; "
                                "reading_eojeol_max 15 in site.yaml):\n"));
    static const struct {
        const char *lang;
        double max;
    } langs[] = {{"en", 9}, {"ko", 15}};
    strlist names[2] = {STRLIST_INIT, STRLIST_INIT};
    for (size_t l = 0; l < 2; l++) {
        char *folder = xasprintf("%s/content/articles/%s", root, langs[l].lang);
        assert_int_equal(dir_list(folder, ".md", &names[l]), 0);
        free(folder);
        assert_true(names[l].len >= 4);
        for (size_t i = 0; i < names[l].len; i++) {
            char *row = xasprintf("  content/articles/%s/%s (", langs[l].lang,
                                  names[l].items[i]);
            const char *at = strstr(err, row);
            if (!at)
                fail_msg("no reading measure for %s in:\n%s", row, err);
            /* The measure stands right before the path: "    7.9  content/...". */
            const char *start = at;
            while (start > err && start[-1] != '\n')
                start--;
            double value = strtod(start, NULL);
            if (!(value > 0 && value <= langs[l].max))
                fail_msg("%s measures %g, above %g", row, value, langs[l].max);
            free(row);
        }
    }
    assert_int_equal(names[0].len, names[1].len);
    for (size_t i = 0; i < names[0].len; i++)
        assert_string_equal(names[0].items[i], names[1].items[i]);
    strlist_free(&names[0]);
    strlist_free(&names[1]);
    free(err);
    free(root);
}

static void test_text_report_is_golden(void **state)
{
    (void)state;
    char *dir = S_fixture();
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    char *err = NULL;
    const char *args[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 1);
    char *want = S_golden("report.txt");
    S_expect_same("the text report", err, want);
    /* Every finding is one short line: the phrase, what is wrong, the rule; its law is
     * in --verbose, --explain and the JSON and SARIF reports. */
    assert_true(e2e_has_line(
        err, "content/articles/ko-claims.md:10:4: error: '최고' ranks the treatment above all "
             "others; describe what it does instead [superlative]"));
    free(want);
    free(err);
    remove_tree(dir);
    free(dir);
}

static void S_report(const char *format, const char *golden, char **out_text)
{
    char *dir = S_fixture();
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    char *out = path_join(dir, "report.out");
    char *err = NULL;
    const char *args[] = {"check", "--format", format, NULL};
    assert_int_equal(e2e_run_to(dir, args, out, &err), 1);
    /* Machine formats keep stderr for environment errors only. */
    assert_string_equal(err, "");
    size_t len;
    char *got = file_read(out, &len);
    assert_non_null(got);
    char *want = S_golden(golden);
    S_expect_same(golden, got, want);
    free(want);
    free(err);
    if (out_text) {
        *out_text = got;
        got = NULL;
        /* Keep a copy outside the folder for validation. */
        char *keep = xstrdup("/tmp/suture-check-sarif-XXXXXX");
        int fd = mkstemp(keep);
        assert_true(fd >= 0);
        close(fd);
        assert_int_equal(file_write(keep, *out_text, strlen(*out_text)), 0);
        free(*out_text);
        *out_text = keep;
    }
    free(got);
    free(out);
    remove_tree(dir);
    free(dir);
}

static void test_json_report_is_golden(void **state)
{
    (void)state;
    S_report("json", "report.json", NULL);
}

static void test_sarif_report_is_golden_and_valid(void **state)
{
    (void)state;
    char *path = NULL;
    S_report("sarif", "report.sarif", &path);
    const char *validate = getenv("SARIF_VALIDATE"), *schema = getenv("SARIF_SCHEMA");
    if (!validate || !schema)
        fail_msg("SARIF_VALIDATE and SARIF_SCHEMA must be set (make test sets them)");
    char *cmd = xasprintf("'%s' '%s' '%s' 2>&1", validate, schema, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    int status = pclose(p);
    if (status != 0)
        print_message("validate-sarif:\n%s\n", buf);
    assert_int_equal(status, 0);
    unlink(path);
    free(path);
    free(cmd);
}

static void test_jobs_give_the_same_report(void **state)
{
    (void)state;
    char *dir = S_fixture();
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    char *one = NULL, *four = NULL;
    const char *a1[] = {"check", "--jobs", "1", NULL};
    const char *a4[] = {"check", "--jobs", "4", NULL};
    assert_int_equal(e2e_run(dir, a1, &one), 1);
    assert_int_equal(e2e_run(dir, a4, &four), 1);
    assert_string_equal(one, four);
    free(one);
    free(four);
    remove_tree(dir);
    free(dir);
}

/* The text report of the fixture, with the compiled prefilter cached in cache (NULL: none). */
static char *S_report_with_cache(const char *dir, const char *cache)
{
    setenv("SUTURE_CACHE_DIR", cache ? cache : "", 1);
    char *err = NULL;
    const char *args[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 1);
    return err;
}

static void test_prefilter_cache(void **state)
{
    (void)state;
    char *saved = getenv("SUTURE_CACHE_DIR") ? xstrdup(getenv("SUTURE_CACHE_DIR")) : NULL;
    char *dir = S_fixture();
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    char *want = S_golden("report.txt");
    char *cache = path_join(dir, "cache");

    /* No cache: compiled on every run. */
    char *got = S_report_with_cache(dir, NULL);
    S_expect_same("the report without a cache", got, want);
    free(got);
    assert_false(path_is_dir(cache));

    /* The first run compiles and writes one file; the next reads it; both report the same. */
    got = S_report_with_cache(dir, cache);
    S_expect_same("the report that wrote the cache", got, want);
    free(got);
    strlist files = {0};
    assert_int_equal(dir_list(cache, ".hsdb", &files), 0);
    assert_int_equal(files.len, 1);
    char *file = path_join(cache, files.items[0]);
    strlist_free(&files);
    got = S_report_with_cache(dir, cache);
    S_expect_same("the report that read the cache", got, want);
    free(got);

    /* A damaged cache file is not trusted: the same report, and the file is rewritten. */
    size_t len;
    char *data = file_read(file, &len);
    assert_non_null(data);
    for (size_t i = len / 2; i < len; i += 97)
        data[i] ^= 0x41;
    assert_int_equal(file_write(file, data, len), 0);
    got = S_report_with_cache(dir, cache);
    S_expect_same("the report with a damaged cache", got, want);
    free(got);
    char *rewritten = file_read(file, &len);
    assert_non_null(rewritten);
    assert_memory_not_equal(rewritten, data, len < 64 ? len : 64 + len / 2);
    free(rewritten);
    free(data);

    if (saved)
        setenv("SUTURE_CACHE_DIR", saved, 1);
    else
        unsetenv("SUTURE_CACHE_DIR");
    free(saved);
    free(file);
    free(cache);
    free(want);
    remove_tree(dir);
    free(dir);
}

static void test_max_warnings(void **state)
{
    (void)state;
    char *dir = S_fixture();
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    /* Only the warning left: the English article without its errors. */
    char *articles = path_join(dir, "content/articles");
    char *ko = path_join(articles, "ko-claims.md");
    char *en = path_join(articles, "en-claims.md");
    char *glossary = path_join(dir, "content/glossary.yaml");
    unlink(ko);
    const char *warn_only = "---\ntitle: \"Planning\"\nsummary: \"Planning a lift.\"\n"
                            "topics: [anatomy]\ndate: 2026-11-01\nreviewed: 2026-11-01\n"
                            "reviewer: \"Medical review team\"\n---\nResults are guaranteed.\n";
    assert_int_equal(file_write(en, warn_only, strlen(warn_only)), 0);
    const char *terms = "terms:\n  - id: smas\n    term: SMAS\n    definition: \"A layer.\"\n";
    assert_int_equal(file_write(glossary, terms, strlen(terms)), 0);
    char *err = NULL;
    const char *plain[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, plain, &err), 0);
    assert_non_null(strstr(err, "0 errors, 1 warning, 0 suppressed"));
    free(err);
    const char *strict[] = {"check", "--max-warnings", "0", NULL};
    assert_int_equal(e2e_run(dir, strict, &err), 1);
    free(err);
    free(articles);
    free(ko);
    free(en);
    free(glossary);
    remove_tree(dir);
    free(dir);
}

/* The check fixture with reading_grade_max: 5, so that clean.md (grade 5.3) is above it. */
static char *S_fixture_grade_max(void)
{
    char *dir = S_fixture();
    char *site = path_join(dir, "content/site.yaml");
    size_t len;
    char *text = file_read(site, &len);
    assert_non_null(text);
    char *with = xasprintf("%sreading_grade_max: 5\n", text);
    assert_int_equal(file_write(site, with, strlen(with)), 0);
    free(with);
    free(text);
    free(site);
    setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH, 1);
    return dir;
}

static void test_reading_grade_text(void **state)
{
    (void)state;
    char *dir = S_fixture_grade_max();
    char *err = NULL;
    const char *args[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, args, &err), 1);
    assert_true(e2e_has_line(
        err, "content/articles/clean.md:10:1: warning: reading grade 5.3 (Flesch–Kincaid) is "
             "above reading_grade_max 5; shorten the longest sentences (lines 10, 14) and "
             "prefer shorter words [reading-grade]"));
    /* The table after the diagnostics, before the summary; the Korean article is not in
     * it but in the Korean one, by the length of its sentences. */
    const char *table = "reading grade (Flesch–Kincaid; reading_grade_max 5 in site.yaml):\n"
                        "    5.3  content/articles/clean.md (2 sentences, 24 words): above 5\n"
                        "    3.3  content/articles/en-claims.md (3 sentences, 17 words)\n"
                        "reading length (Korean, 어절 per sentence; site.yaml sets no "
                        "reading_eojeol_max):\n"
                        "    5.0  content/articles/ko-claims.md (2 sentences, 10 어절; 1.0 "
                        "sentences a paragraph; longest sentence 6 어절, line 14)\n"
                        "suture check: 6 files, 8 errors, 2 warnings, 1 suppressed\n";
    const char *at = strstr(err, table);
    if (!at)
        fail_msg("no reading table in:\n%s", err);
    assert_string_equal(at, table);
    /* Flesch–Kincaid never grades it: no grade warning, no line with words. */
    assert_null(strstr(err, "ko-claims.md: warning: reading grade"));
    assert_null(strstr(err, "ko-claims.md (2 sentences, 10 words"));
    free(err);
    remove_tree(dir);
    free(dir);
}

/* Run `suture check --format FORMAT` in dir with the report written to out: it must exit 1
 * (the fixture's findings) and print nothing on stderr. Returns the report, parsed (the
 * caller frees it with json_decref). */
static json_t *S_report_of(const char *dir, const char *format, const char *out)
{
    char *err = NULL;
    const char *args[] = {"check", "--format", format, NULL};
    assert_int_equal(e2e_run_to(dir, args, out, &err), 1);
    assert_string_equal(err, "");
    free(err);
    size_t len;
    char *text = file_read(out, &len);
    assert_non_null(text);
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (!root)
        fail_msg("%s is not JSON: %s", out, jerr.text);
    free(text);
    return root;
}

static void test_reading_grade_json(void **state)
{
    (void)state;
    char *dir = S_fixture_grade_max();
    char *out = path_join(dir, "report.json");
    json_t *root = S_report_of(dir, "json", out);
    /* The warning among the diagnostics, with its rule id. */
    json_t *diags = json_object_get(root, "diagnostics");
    bool found = false;
    for (size_t i = 0; i < json_array_size(diags); i++) {
        json_t *d = json_array_get(diags, i);
        const char *rule = json_string_value(json_object_get(d, "rule"));
        if (rule && strcmp(rule, "reading-grade") == 0) {
            found = true;
            assert_string_equal(json_string_value(json_object_get(d, "file")),
                                "content/articles/clean.md");
            assert_int_equal(json_integer_value(json_object_get(d, "line")), 10);
            assert_string_equal(json_string_value(json_object_get(d, "severity")), "warning");
        }
    }
    assert_true(found);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(root, "summary"),
                                                        "warnings")),
                     2);
    json_t *reading = json_object_get(root, "reading");
    assert_true(json_real_value(json_object_get(reading, "max")) == 5);
    json_t *articles = json_object_get(reading, "articles");
    assert_int_equal(json_array_size(articles), 2);
    json_t *a = json_array_get(articles, 0);
    assert_string_equal(json_string_value(json_object_get(a, "file")),
                        "content/articles/clean.md");
    assert_true(json_real_value(json_object_get(a, "grade")) == 5.3);
    assert_int_equal(json_integer_value(json_object_get(a, "words")), 24);
    assert_true(json_is_true(json_object_get(a, "above_max")));
    a = json_array_get(articles, 1);
    assert_string_equal(json_string_value(json_object_get(a, "file")),
                        "content/articles/en-claims.md");
    assert_true(json_is_false(json_object_get(a, "above_max")));
    json_decref(root);
    free(out);
    remove_tree(dir);
    free(dir);
}

static void test_reading_grade_sarif(void **state)
{
    (void)state;
    char *dir = S_fixture_grade_max();
    char *out = path_join(dir, "report.sarif");
    json_t *root = S_report_of(dir, "sarif", out);
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    bool found = false;
    json_t *results = json_object_get(run, "results");
    for (size_t i = 0; i < json_array_size(results); i++) {
        json_t *r = json_array_get(results, i);
        if (strcmp(json_string_value(json_object_get(r, "ruleId")), "reading-grade") == 0) {
            found = true;
            assert_string_equal(json_string_value(json_object_get(r, "level")), "warning");
        }
    }
    assert_true(found);
    json_t *props = json_object_get(run, "properties");
    assert_true(json_real_value(json_object_get(props, "readingGradeMax")) == 5);
    json_t *grades = json_object_get(props, "readingGrades");
    assert_int_equal(json_array_size(grades), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(grades, 0), "uri")),
                        "content/articles/clean.md");
    assert_true(json_real_value(json_object_get(json_array_get(grades, 0), "grade")) == 5.3);
    json_decref(root);
    /* Still a valid SARIF log. */
    const char *validate = getenv("SARIF_VALIDATE"), *schema = getenv("SARIF_SCHEMA");
    if (!validate || !schema)
        fail_msg("SARIF_VALIDATE and SARIF_SCHEMA must be set (make test sets them)");
    char *cmd = xasprintf("'%s' '%s' '%s' 2>&1", validate, schema, out);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    int status = pclose(p);
    if (status != 0)
        print_message("validate-sarif:\n%s\n", buf);
    assert_int_equal(status, 0);
    free(cmd);
    free(out);
    remove_tree(dir);
    free(dir);
}

static void test_site_verification(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *root = S_root();
    /* Build the good fixture's site, then verify it. */
    char *good = path_join(root, "tests/fixtures/good/content");
    char *templates = path_join(root, "templates");
    char *site = path_join(dir, "site");
    char *err = NULL;
    const char *build[] = {"build", "--content", good, "--templates", templates, "--out", site,
                           "--quiet", NULL};
    assert_int_equal(e2e_run(dir, build, &err), 0);
    free(err);
    const char *verify[] = {"check", "--content", good, "--site", "site", NULL};
    /* --content also lints the good fixture, with its rules: it passes, as it builds. */
    assert_int_equal(e2e_run(dir, verify, &err), 0);
    assert_non_null(strstr(err, " 0 errors"));
    free(err);
    /* --site alone verifies the folder, reading site.yaml from ./content if it is there. */
    char *content = path_join(dir, "content");
    remove_tree(content);
    const char *failed = NULL;
    assert_int_equal(copy_tree(good, content, NULL, &failed), 0);
    const char *only_site[] = {"check", "--site", "site", NULL};
    int status = e2e_run(dir, only_site, &err);
    if (status != 0)
        print_message("%s", err);
    assert_int_equal(status, 0);
    free(err);
    /* A page added by hand, without the disclaimer, is caught. */
    char *extra = path_join(site, "extra.html");
    const char *page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Extra</title>"
                       "<meta name=\"description\" content=\"An extra page.\"></head>\n"
                       "<body><main><h1>Extra</h1><p>Added by hand.</p></main></body></html>\n";
    assert_int_equal(file_write(extra, page, strlen(page)), 0);
    assert_int_equal(e2e_run(dir, only_site, &err), 1);
    assert_non_null(strstr(err, "site/extra.html:"));
    assert_non_null(strstr(err, "[site-disclaimer]"));
    free(err);
    free(extra);
    free(content);
    free(site);
    free(templates);
    free(good);
    free(root);
    remove_tree(dir);
    free(dir);
}

/* A new folder holding the good fixture (content/ and templates/) built into site/; the
 * caller removes it with remove_tree and frees the path. */
static char *S_built_good_site(void)
{
    char *root = S_root();
    char *dir = e2e_fixture_site(root, "good");
    free(root);
    assert_non_null(dir);
    char *err = NULL;
    const char *build[] = {"build", "--out", "site", "--quiet", NULL};
    assert_int_equal(e2e_run(dir, build, &err), 0);
    free(err);
    return dir;
}

/* Issue 14, point 10: what is not a plain file of the site is reported, never opened, and a
 * link out of the site is refused as the build refuses one in content/. */
static void test_site_links_and_pipes(void **state)
{
    (void)state;
    char *dir = S_built_good_site();
    char *err = NULL;
    char *passwd = path_join(dir, "site/passwd.html");
    char *fifo = path_join(dir, "site/articles/pipe.html");
    assert_int_equal(symlink("/etc/passwd", passwd), 0);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    const char *check[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    assert_true(e2e_has_line(err, "site/articles/pipe.html: error: this is a named pipe (FIFO), "
                                  "not a file; suture check does not open it, and no web server "
                                  "can serve it: remove it from the site folder [site-file]"));
    assert_true(e2e_has_line(err, "site/passwd.html: error: this is a symbolic link to "
                                  "/etc/passwd, outside the site folder site; a web server that "
                                  "follows it would publish that file of this machine: put a "
                                  "copy of what the site should show here instead, or remove "
                                  "the link [site-file]"));
    /* /etc/passwd is not checked as a page: no other finding. */
    assert_null(strstr(err, "[site-disclaimer]"));
    assert_true(e2e_has_line(err, "suture check: 13 files, 2 errors, 0 warnings, 0 suppressed"));
    free(err);
    /* The SARIF report names the rule. */
    char *sarif = path_join(dir, "check.sarif");
    const char *as_sarif[] = {"check", "--site", "site", "--format", "sarif", NULL};
    assert_int_equal(e2e_run_to(dir, as_sarif, sarif, &err), 1);
    free(err);
    size_t len;
    char *log = file_read(sarif, &len);
    assert_non_null(log);
    assert_non_null(strstr(log, "\"site-file\""));
    free(log);
    free(sarif);
    free(fifo);
    free(passwd);
    remove_tree(dir);
    free(dir);
}

/* Issue 14, point 11: a built page with a Latin-1 byte in its disclaimer was reported by
 * libxml2 at each bad byte, then as a disclaimer that differs from site.yaml's; one error. */
static void test_site_not_utf8_one_error(void **state)
{
    (void)state;
    char *dir = S_built_good_site();
    char *err = NULL;
    assert_true(e2e_edit(dir, "site/glossary/index.html", "not medical advice",
                         "not m\xe9\xe9" "dical advice"));
    const char *check[] = {"check", "--site", "site", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    assert_non_null(strstr(err, "site/glossary/index.html:"));
    assert_non_null(strstr(err, ": error: the file is not valid UTF-8 here; save it with the "
                                "UTF-8 encoding [site-html]\n"));
    assert_true(e2e_has_line(err, "suture check: 13 files, 1 error, 0 warnings, 0 suppressed"));
    free(err);
    remove_tree(dir);
    free(dir);
}

/*
 * Issue 14, point 11: an article body that is not UTF-8 is a warning, once, at the first bad
 * byte, as from suture build; bad bytes in the front matter are libyaml's error alone, not
 * also "no reviewer" and "the summary is too long" from YAML that did not load.
 */
static void test_article_not_utf8(void **state)
{
    (void)state;
    /* Today, not the fixture's fixed date: the clinic's articles were reviewed after it. */
    unsetenv("SOURCE_DATE_EPOCH");
    char *dir = e2e_tmpdir();
    assert_non_null(dir);
    char *root = S_root();
    char *own = path_join(root, "content");
    char *content = path_join(dir, "content");
    const char *failed = NULL;
    assert_int_equal(copy_tree(own, content, NULL, &failed), 0);
    char *article = path_join(content, "articles/en/face-layers-smas.md");
    size_t len;
    char *text = file_read(article, &len);
    assert_non_null(text);
    unsigned lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    char *longer = xasprintf("%s\nThe caf\xe9 is near.\n\xff\n", text);
    assert_int_equal(file_write(article, longer, strlen(longer)), 0);
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    char *warning = xasprintf("content/articles/en/face-layers-smas.md:%u:8: warning: this file is "
                              "not valid UTF-8 at line %u, column 8 (the bytes show as "
                              "\xef\xbf\xbd on the page): save it as UTF-8 in your editor "
                              "[encoding]",
                              lines + 2, lines + 2);
    if (!e2e_has_line(err, warning) || !strstr(err, ", 0 errors, 1 warning, 0 suppressed"))
        fail_msg("expected the one warning\n%s\ngot:\n%s", warning, err);
    free(err);
    /* The front matter's own bad byte: one error, libyaml's. */
    assert_true(e2e_edit(dir, "content/articles/en/face-layers-smas.md", "title: \"",
                         "title: \"Caf\xe9 "));
    assert_int_equal(e2e_run(dir, check, &err), 1);
    if (!strstr(err, "content/articles/en/face-layers-smas.md:2:") ||
        !strstr(err, "not valid UTF-8 here (invalid trailing UTF-8 octet); save the file as "
                     "UTF-8 [yaml]") ||
        !strstr(err, ", 1 error, 0 warnings, 0 suppressed"))
        fail_msg("expected libyaml's error alone, got:\n%s", err);
    free(err);
    free(warning);
    free(longer);
    free(text);
    free(article);
    free(content);
    free(own);
    free(root);
    remove_tree(dir);
    free(dir);
}

static void test_usage_errors(void **state)
{
    (void)state;
    char *dir = S_fixture();
    char *err = NULL;
    const char *bad_format[] = {"check", "--format", "xml", NULL};
    assert_int_equal(e2e_run(dir, bad_format, &err), 2);
    assert_true(e2e_has_line(err, "suture: --format must be text, json or sarif, not 'xml'"));
    free(err);
    const char *no_content[] = {"check", "--content", "nowhere", NULL};
    assert_int_equal(e2e_run(dir, no_content, &err), 2);
    assert_non_null(strstr(err, "the content folder 'nowhere' does not exist"));
    free(err);
    const char *no_site[] = {"check", "--site", "nowhere", NULL};
    assert_int_equal(e2e_run(dir, no_site, &err), 2);
    assert_non_null(strstr(err, "cannot read the site folder nowhere"));
    free(err);
    const char *bad_jobs[] = {"check", "--jobs", "0", NULL};
    assert_int_equal(e2e_run(dir, bad_jobs, &err), 2);
    free(err);
    const char *extra[] = {"check", "content", NULL};
    assert_int_equal(e2e_run(dir, extra, &err), 2);
    free(err);
    /* A report that cannot be written (a full disk) is an environment error. */
    const char *json[] = {"check", "--format", "json", NULL};
    assert_int_equal(e2e_run_to(dir, json, "/dev/full", &err), 2);
    assert_non_null(strstr(err, "suture: cannot write the report: "));
    free(err);
    const char *help[] = {"check", "--help", NULL};
    assert_int_equal(e2e_run(dir, help, &err), 0);
    free(err);
    /* Rules that do not compile: exit 1 with the position. */
    char *rules = path_join(dir, "content/compliance.yaml");
    const char *broken = "rules:\n  - id: x\n    severity: error\n    kind: patterns\n"
                         "    message: \"a message that is long enough\"\n"
                         "    reference: \"a law\"\n    patterns: ['(unclosed']\n";
    assert_int_equal(file_write(rules, broken, strlen(broken)), 0);
    const char *plain[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, plain, &err), 1);
    assert_non_null(strstr(err, "content/compliance.yaml:7:26: error: the pattern '(unclosed' "
                                "does not compile"));
    free(err);
    unlink(rules);
    assert_int_equal(e2e_run(dir, plain, &err), 2);
    assert_non_null(strstr(err, "compliance.yaml does not exist"));
    free(err);
    free(rules);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_content_passes),
        cmocka_unit_test(test_text_report_is_golden),
        cmocka_unit_test(test_json_report_is_golden),
        cmocka_unit_test(test_sarif_report_is_golden_and_valid),
        cmocka_unit_test(test_jobs_give_the_same_report),
        cmocka_unit_test(test_prefilter_cache),
        cmocka_unit_test(test_max_warnings),
        cmocka_unit_test(test_reading_grade_text),
        cmocka_unit_test(test_reading_grade_json),
        cmocka_unit_test(test_reading_grade_sarif),
        cmocka_unit_test(test_site_verification),
        cmocka_unit_test(test_site_links_and_pipes),
        cmocka_unit_test(test_site_not_utf8_one_error),
        cmocka_unit_test(test_article_not_utf8),
        cmocka_unit_test(test_usage_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
