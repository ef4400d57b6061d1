/*
 * test_report.c: `suture check`'s JSON and SARIF reports and the text table of reading
 * grades (report.h). Each report is written to a memory stream, parsed back with jansson
 * and checked value by value.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, open_memstream */
#endif
#include "testutil.h"

#include "check/report.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "check/compliance.h"

static const char S_rules[] =
    "rules:\n"
    "  - id: superlatives\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message: \"'{match}' is a superlative; describe the result instead\"\n"
    "    explanation: {en: \"Nobody can prove it.\", ko: \"입증할 수 없습니다.\"}\n"
    "    reference: \"Medical Service Act art. 56(2)(8)\"\n"
    "    patterns: ['\\bbest\\b']\n"
    "  - id: guarantees\n"
    "    severity: warning\n"
    "    kind: patterns\n"
    "    message: do not promise results such as {match}\n"
    "    reference: CAP Code 12.1\n"
    "    patterns: ['\\bguarantee']\n"
    "  - id: image-alt\n"
    "    severity: info\n"
    "    kind: media\n"
    "    check: image-alt\n"
    "    message: every image needs alt text\n"
    "    reference: WCAG 2.2 SC 1.1.1\n";

typedef struct {
    char *dir;
    compliance *rules;
    diag_list *diags;
    lint_suppression supps[2];
    lint_reading readings[2];
    report_input in;
} S_fix;

static int S_setup(void **state)
{
    S_fix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir("report");
    fx->diags = diag_list_new();
    char *path = tu_write_file(fx->dir, "compliance.yaml", S_rules);
    fx->rules = compliance_load(path, NULL, fx->diags);
    free(path);
    assert_non_null(fx->rules);
    assert_int_equal(diag_count(fx->diags), 0);

    diag_list *d = fx->diags;
    diag_add_ref(d, DIAG_ERROR, "content/articles/face layers.md", 9, 13, "superlatives",
                 "Medical Service Act art. 56(2)(8)", "'best' is a superlative; describe the "
                 "result instead");
    diag_add(d, DIAG_WARNING, "content/articles/리프팅.md", 3, 4, "suppression",
             "this suppression of 'guarantees' covers no finding of that rule; remove it");
    diag_add_ref(d, DIAG_INFO, "content/articles/리프팅.md", 12, 1, "image-alt",
                 "WCAG 2.2 SC 1.1.1", "every image needs alt text");
    diag_error(d, "/srv/site/articles/a b/index.html", 40, 7, "site-h1",
               "the page has 2 <h1> elements");
    diag_error(d, "content/site.yaml", 0, 0, NULL, "cannot read the site settings");
    diag_add(d, DIAG_WARNING, "content/x#1?.md", 2, 0, "made-up", "a category suture "
             "does not describe");
    diag_add_ref(d, DIAG_ERROR, "content/articles/face layers.md", 20, 2, "superlatives",
                 "Medical Service Act art. 56(2)(8)", "'the best' is a superlative; describe "
                 "the result instead");

    fx->supps[0] = (lint_suppression){.file = xstrdup("content/articles/face layers.md"),
                                      .line = 5,
                                      .column = 1,
                                      .rule = xstrdup("superlatives"),
                                      .reason = xstrdup("quotes the law"),
                                      .suppressed = 2};
    fx->supps[1] = (lint_suppression){.file = xstrdup("content/articles/리프팅.md"),
                                      .line = 3,
                                      .column = 4,
                                      .rule = xstrdup("guarantees"),
                                      .reason = xstrdup("\"guarantee\" in a quotation"),
                                      .suppressed = 0};
    fx->in = (report_input){.diags = fx->diags,
                            .rules = fx->rules,
                            .suppressions = fx->supps,
                            .n_suppressions = 2,
                            .files = 14,
                            .suppressed = 2,
                            .version = "0.3.0",
                            .readings = fx->readings,
                            .n_readings = 2,
                            .reading_grade_max = 8.5};
    fx->readings[0] = (lint_reading){.file = xstrdup("content/articles/face layers.md"),
                                     .line = 9,
                                     .column = 1,
                                     .grade = 7.9,
                                     .sentences = 74,
                                     .words = 1021,
                                     .syllables = 1430};
    fx->readings[1] = (lint_reading){.file = xstrdup("content/articles/mini-lift.md"),
                                     .line = 12,
                                     .column = 3,
                                     .grade = 11.3,
                                     .sentences = 1,
                                     .words = 13,
                                     .syllables = 24};
    *state = fx;
    return 0;
}

static int S_teardown(void **state)
{
    S_fix *fx = *state;
    for (size_t i = 0; i < 2; i++) {
        free(fx->supps[i].file);
        free(fx->supps[i].rule);
        free(fx->supps[i].reason);
        free(fx->readings[i].file);
    }
    compliance_free(fx->rules);
    diag_list_free(fx->diags);
    int rc = tu_tmpdir_remove(fx->dir);
    free(fx);
    return rc;
}

typedef int (*S_writer)(const report_input *, FILE *);

/* Write a report into memory, check that it ends with one newline, and parse it. */
/* What write writes for in, as text (the caller frees it); *size receives its length. */
static char *S_bytes(const report_input *in, S_writer write, size_t *size)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, size);
    assert_non_null(out);
    assert_int_equal(write(in, out), 0);
    assert_int_equal(fclose(out), 0);
    return buf;
}

static json_t *S_write(const report_input *in, S_writer write)
{
    size_t size;
    char *buf = S_bytes(in, write, &size);
    assert_true(size > 2);
    assert_int_equal(buf[size - 1], '\n');
    assert_int_not_equal(buf[size - 2], '\n');
    json_error_t err;
    json_t *root = json_loads(buf, 0, &err);
    if (!root)
        fail_msg("not JSON: %s at line %d: %s", err.text, err.line, buf);
    free(buf);
    return root;
}

/* o[key] as a string (fails when missing or not a string). */
static const char *S_str(const json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

/* o[key] as an integer (fails when missing or not an integer). */
static json_int_t S_int(const json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        fail_msg("'%s' is not an integer", key);
    return json_integer_value(v);
}

/* o[key], which must exist. */
static json_t *S_get(const json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        fail_msg("no '%s'", key);
    return v;
}

/* a[i], which must exist. */
static json_t *S_idx(const json_t *a, size_t i)
{
    assert_true(json_is_array(a));
    json_t *v = json_array_get(a, i);
    assert_non_null(v);
    return v;
}

/* ---- JSON ---- */

static void test_json_shape(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_json);
    assert_true(json_is_object(root));
    /* diagnostics, rules, summary, suppressions, reading, reading_ko */
    assert_int_equal(json_object_size(root), 6);
    /* Every compliance rule with every language's message and explanation. */
    json_t *rules = S_get(root, "rules");
    assert_int_equal(json_object_size(rules), 3);
    json_t *sup = S_get(rules, "superlatives");
    assert_string_equal(S_str(sup, "severity"), "error");
    assert_string_equal(S_str(S_get(sup, "message"), "en"),
                        "'<phrase>' is a superlative; describe the result instead");
    assert_string_equal(S_str(S_get(sup, "explanation"), "en"), "Nobody can prove it.");
    assert_string_equal(S_str(S_get(sup, "explanation"), "ko"), "입증할 수 없습니다.");
    assert_string_equal(S_str(sup, "reference"), "Medical Service Act art. 56(2)(8)");
    assert_int_equal(json_object_size(S_get(S_get(rules, "image-alt"), "explanation")), 0);
    json_t *list = S_get(root, "diagnostics");
    assert_int_equal(json_array_size(list), 7);

    json_t *d = S_idx(list, 0);
    assert_int_equal(json_object_size(d), 7);
    assert_string_equal(S_str(d, "file"), "content/articles/face layers.md");
    assert_int_equal(S_int(d, "line"), 9);
    assert_int_equal(S_int(d, "column"), 13);
    assert_string_equal(S_str(d, "severity"), "error");
    assert_string_equal(S_str(d, "rule"), "superlatives");
    assert_string_equal(S_str(d, "message"), "'best' is a superlative; describe the result "
                                             "instead");
    assert_string_equal(S_str(d, "reference"), "Medical Service Act art. 56(2)(8)");

    /* No reference: the key is left out. */
    d = S_idx(list, 1);
    assert_int_equal(json_object_size(d), 6);
    assert_null(json_object_get(d, "reference"));
    assert_string_equal(S_str(d, "file"), "content/articles/리프팅.md");
    assert_string_equal(S_str(d, "severity"), "warning");
    assert_string_equal(S_str(d, "rule"), "suppression");

    d = S_idx(list, 2);
    assert_string_equal(S_str(d, "severity"), "info");
    assert_string_equal(S_str(d, "reference"), "WCAG 2.2 SC 1.1.1");

    /* No category: "rule" is null. A whole-file finding has line and column 0. */
    d = S_idx(list, 4);
    assert_true(json_is_null(json_object_get(d, "rule")));
    assert_int_equal(S_int(d, "line"), 0);
    assert_int_equal(S_int(d, "column"), 0);
    assert_string_equal(S_str(d, "message"), "cannot read the site settings");

    /* Column 0 on a line is printed as 1 (diag.h). */
    assert_int_equal(S_int(S_idx(list, 5), "column"), 1);
    json_decref(root);
}

static void test_json_summary(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_json);
    json_t *sum = S_get(root, "summary");
    assert_int_equal(json_object_size(sum), 4);
    assert_int_equal(S_int(sum, "files"), 14);
    /* Counted from the diagnostics: info is neither. */
    assert_int_equal(S_int(sum, "errors"), 4);
    assert_int_equal(S_int(sum, "warnings"), 2);
    assert_int_equal(S_int(sum, "suppressed"), 2);
    json_decref(root);
}

static void test_json_suppressions(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_json);
    json_t *list = S_get(root, "suppressions");
    assert_int_equal(json_array_size(list), 2);
    json_t *s = S_idx(list, 0);
    assert_int_equal(json_object_size(s), 6);
    assert_string_equal(S_str(s, "file"), "content/articles/face layers.md");
    assert_int_equal(S_int(s, "line"), 5);
    assert_int_equal(S_int(s, "column"), 1);
    assert_string_equal(S_str(s, "rule"), "superlatives");
    assert_string_equal(S_str(s, "reason"), "quotes the law");
    assert_int_equal(S_int(s, "suppressed"), 2);
    s = S_idx(list, 1);
    assert_string_equal(S_str(s, "file"), "content/articles/리프팅.md");
    assert_string_equal(S_str(s, "reason"), "\"guarantee\" in a quotation");
    assert_int_equal(S_int(s, "suppressed"), 0);
    json_decref(root);
}

static void test_json_empty(void **state)
{
    (void)state;
    diag_list *none = diag_list_new();
    report_input in = {.diags = none, .version = "0.3.0"};
    json_t *root = S_write(&in, report_json);
    assert_int_equal(json_array_size(S_get(root, "diagnostics")), 0);
    assert_int_equal(json_array_size(S_get(root, "suppressions")), 0);
    json_t *sum = S_get(root, "summary");
    assert_int_equal(S_int(sum, "files"), 0);
    assert_int_equal(S_int(sum, "errors"), 0);
    assert_int_equal(S_int(sum, "warnings"), 0);
    assert_int_equal(S_int(sum, "suppressed"), 0);
    /* No article graded, no maximum: an empty list, max null. */
    json_t *reading = S_get(root, "reading");
    assert_true(json_is_null(S_get(reading, "max")));
    assert_int_equal(json_array_size(S_get(reading, "articles")), 0);
    json_decref(root);
    diag_list_free(none);
}

/* o[key] as a real (fails when missing or not a real). */
static double S_real(const json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_real(v))
        fail_msg("'%s' is not a real", key);
    return json_real_value(v);
}

static void test_json_reading(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_json);
    json_t *reading = S_get(root, "reading");
    assert_int_equal(json_object_size(reading), 3);
    assert_string_equal(S_str(reading, "formula"), "flesch-kincaid-grade");
    assert_true(S_real(reading, "max") == 8.5);
    json_t *list = S_get(reading, "articles");
    assert_int_equal(json_array_size(list), 2);
    json_t *a = S_idx(list, 0);
    assert_int_equal(json_object_size(a), 8);
    assert_string_equal(S_str(a, "file"), "content/articles/face layers.md");
    assert_int_equal(S_int(a, "line"), 9);
    assert_int_equal(S_int(a, "column"), 1);
    assert_true(S_real(a, "grade") == 7.9);
    assert_int_equal(S_int(a, "sentences"), 74);
    assert_int_equal(S_int(a, "words"), 1021);
    assert_int_equal(S_int(a, "syllables"), 1430);
    assert_true(json_is_false(S_get(a, "above_max")));
    a = S_idx(list, 1);
    assert_string_equal(S_str(a, "file"), "content/articles/mini-lift.md");
    assert_true(S_real(a, "grade") == 11.3);
    assert_true(json_is_true(S_get(a, "above_max")));
    json_decref(root);

    /* Without a maximum nothing is above it. */
    fx->in.reading_grade_max = 0;
    root = S_write(&fx->in, report_json);
    reading = S_get(root, "reading");
    assert_true(json_is_null(S_get(reading, "max")));
    assert_true(json_is_false(S_get(S_idx(S_get(reading, "articles"), 1), "above_max")));
    json_decref(root);
}

static void test_json_reading_is_short(void **state)
{
    S_fix *fx = *state;
    /* A grade is written with the one decimal it has, not as 7.9000000000000004. */
    size_t size;
    char *buf = S_bytes(&fx->in, report_json, &size);
    assert_non_null(strstr(buf, "\"grade\": 7.9,\n"));
    assert_non_null(strstr(buf, "\"grade\": 11.3,\n"));
    assert_non_null(strstr(buf, "\"max\": 8.5,\n"));
    free(buf);
}

/* ---- text ---- */

/* The text report_text_readings writes for in. */
static char *S_text(const report_input *in)
{
    size_t size;
    return S_bytes(in, report_text_readings, &size);
}

static void test_text_readings(void **state)
{
    S_fix *fx = *state;
    char *text = S_text(&fx->in);
    assert_string_equal(text,
                        "reading grade (Flesch–Kincaid; reading_grade_max 8.5 in site.yaml):\n"
                        "    7.9  content/articles/face layers.md (74 sentences, 1021 words)\n"
                        "   11.3  content/articles/mini-lift.md (1 sentence, 13 words): "
                        "above 8.5\n");
    free(text);
    fx->in.reading_grade_max = 0;
    fx->readings[0].words = 1;
    text = S_text(&fx->in);
    assert_string_equal(text,
                        "reading grade (Flesch–Kincaid; site.yaml sets no reading_grade_max):\n"
                        "    7.9  content/articles/face layers.md (74 sentences, 1 word)\n"
                        "   11.3  content/articles/mini-lift.md (1 sentence, 13 words)\n");
    free(text);
    /* No article graded: nothing at all. */
    fx->in.n_readings = 0;
    text = S_text(&fx->in);
    assert_string_equal(text, "");
    free(text);
    fx->in.n_readings = 2;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    setvbuf(full, NULL, _IONBF, 0);
    assert_int_equal(report_text_readings(&fx->in, full), -1);
    fclose(full);
}

static void test_json_is_utf8(void **state)
{
    S_fix *fx = *state;
    /* Non-ASCII text is written as UTF-8, as it is (JSON's default encoding). */
    size_t size;
    char *buf = S_bytes(&fx->in, report_json, &size);
    assert_non_null(strstr(buf, "\"content/articles/리프팅.md\""));
    free(buf);
}

/*
 * Regression (a bug found by this test, fixed in 4a1afc0): a file name or message that is
 * not valid UTF-8 (a file saved with a Latin-1 name, "caf\xE9.md") made json_string return
 * NULL, and json_object_set_new then dropped the key without a word: the JSON diagnostic
 * had no "file" and no "message", and the SARIF result no "message" (required by SARIF
 * 2.1.0), while both writers returned 0. Invalid bytes are now written as U+FFFD.
 */
static void test_invalid_utf8_keeps_keys(void **state)
{
    (void)state;
    diag_list *d = diag_list_new();
    diag_error(d, "content/articles/caf\xE9.md", 3, 1, "superlatives", "'best' in caf\xE9");
    report_input in = {.diags = d, .version = "0.3.0"};
    json_t *sarif = S_write(&in, report_sarif);
    json_t *json = S_write(&in, report_json);
    diag_list_free(d);
    /* json_object_get and json_array_get accept NULL, so a missing level gives NULL. */
    json_t *runs = json_object_get(sarif, "runs");
    json_t *results = json_object_get(json_array_get(runs, 0), "results");
    json_t *res = json_array_get(results, 0);
    json_t *phys = json_object_get(json_array_get(json_object_get(res, "locations"), 0),
                                   "physicalLocation");
    json_t *uri = json_object_get(json_object_get(phys, "artifactLocation"), "uri");
    json_t *diag0 = json_array_get(json_object_get(json, "diagnostics"), 0);
    bool has_uri = json_is_string(uri) &&
                   strcmp(json_string_value(uri), "content/articles/caf%E9.md") == 0;
    json_t *text = json_object_get(json_object_get(res, "message"), "text");
    bool sarif_message = json_is_string(text) &&
                         strcmp(json_string_value(text), "'best' in caf\uFFFD") == 0;
    json_t *file = json_object_get(diag0, "file");
    bool json_file = json_is_string(file) &&
                     strcmp(json_string_value(file), "content/articles/caf\uFFFD.md") == 0;
    json_t *message = json_object_get(diag0, "message");
    bool json_message = json_is_string(message) &&
                        strcmp(json_string_value(message), "'best' in caf\uFFFD") == 0;
    json_decref(sarif);
    json_decref(json);
    assert_true(has_uri);
    assert_true(sarif_message);
    assert_true(json_file);
    assert_true(json_message);
}

static void test_write_error(void **state)
{
    S_fix *fx = *state;
    /* /dev/full takes no bytes: the write error is reported, not ignored. */
    FILE *out = fopen("/dev/full", "w");
    if (!out)
        skip();
    assert_int_equal(report_json(&fx->in, out), -1);
    clearerr(out);
    assert_int_equal(report_sarif(&fx->in, out), -1);
    fclose(out);
}

/* ---- SARIF ---- */

static void test_sarif_header(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    assert_string_equal(S_str(root, "version"), "2.1.0");
    assert_string_equal(S_str(root, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
    json_t *runs = S_get(root, "runs");
    assert_int_equal(json_array_size(runs), 1);
    json_t *run = S_idx(runs, 0);
    assert_string_equal(S_str(run, "columnKind"), "unicodeCodePoints");
    json_t *driver = S_get(S_get(run, "tool"), "driver");
    assert_string_equal(S_str(driver, "name"), "suture");
    assert_string_equal(S_str(driver, "version"), "0.3.0");
    json_decref(root);
}

static void test_sarif_rules(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    json_t *rules = S_get(S_get(S_get(S_idx(S_get(root, "runs"), 0), "tool"), "driver"), "rules");
    /* Every compliance rule (in file order, whether or not it found anything), then every
     * other category in the order it first occurs; "suture" for findings without one. */
    static const char *const ids[] = {"superlatives", "guarantees", "image-alt", "suppression",
                                      "site-h1",      "suture",     "made-up"};
    assert_int_equal(json_array_size(rules), 7);
    for (size_t i = 0; i < 7; i++) {
        json_t *r = S_idx(rules, i);
        assert_string_equal(S_str(r, "id"), ids[i]);
        assert_string_equal(S_str(r, "name"), ids[i]);
        /* GitHub needs all three descriptions. */
        assert_true(strlen(S_str(S_get(r, "shortDescription"), "text")) > 0);
        assert_true(strlen(S_str(S_get(r, "fullDescription"), "text")) > 0);
        assert_true(strlen(S_str(S_get(r, "help"), "text")) > 0);
    }
    /* A compliance rule: its English message ({match} reads <phrase>), its explanation,
     * both with the reference as help, its severity as the default level, and every
     * language's texts in the property bag. */
    json_t *r = S_idx(rules, 0);
    assert_string_equal(S_str(S_get(r, "shortDescription"), "text"),
                        "'<phrase>' is a superlative; describe the result instead");
    assert_string_equal(S_str(S_get(r, "fullDescription"), "text"), "Nobody can prove it.");
    assert_string_equal(S_str(S_get(r, "help"), "text"),
                        "Nobody can prove it.\n\nReferences: Medical Service Act art. 56(2)(8)");
    assert_string_equal(S_str(S_get(r, "defaultConfiguration"), "level"), "error");
    json_t *props = S_get(r, "properties");
    assert_string_equal(S_str(props, "reference"), "Medical Service Act art. 56(2)(8)");
    assert_string_equal(S_str(S_get(props, "explanations"), "ko"), "입증할 수 없습니다.");
    assert_string_equal(S_str(S_get(props, "messages"), "en"),
                        "'<phrase>' is a superlative; describe the result instead");
    /* Without an explanation, the message is the full description too. */
    r = S_idx(rules, 1);
    assert_string_equal(S_str(S_get(r, "shortDescription"), "text"),
                        "do not promise results such as <phrase>");
    assert_string_equal(S_str(S_get(r, "fullDescription"), "text"),
                        "do not promise results such as <phrase>");
    assert_string_equal(S_str(S_get(r, "defaultConfiguration"), "level"), "warning");
    r = S_idx(rules, 2);
    assert_string_equal(S_str(S_get(r, "defaultConfiguration"), "level"), "note");
    /* suture's own categories are described in words. */
    r = S_idx(rules, 3);
    assert_string_equal(S_str(S_get(r, "shortDescription"), "text"),
                        "A suture-ignore comment is malformed or suppresses nothing.");
    r = S_idx(rules, 4);
    assert_string_equal(S_str(S_get(r, "help"), "text"),
                        "A page does not have exactly one level-1 heading.");
    r = S_idx(rules, 6);
    assert_string_equal(S_str(S_get(r, "fullDescription"), "text"),
                        "A problem suture reports in the content or the site.");
    json_decref(root);
}

static void test_sarif_results(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    json_t *run = S_idx(S_get(root, "runs"), 0);
    json_t *rules = S_get(S_get(S_get(run, "tool"), "driver"), "rules");
    json_t *results = S_get(run, "results");
    assert_int_equal(json_array_size(results), 7);
    static const char *const rule_ids[] = {"superlatives", "suppression", "image-alt", "site-h1",
                                           "suture",       "made-up",     "superlatives"};
    static const char *const levels[] = {"error", "warning", "note", "error",
                                         "error", "warning", "error"};
    for (size_t i = 0; i < 7; i++) {
        json_t *res = S_idx(results, i);
        assert_string_equal(S_str(res, "ruleId"), rule_ids[i]);
        assert_string_equal(S_str(res, "level"), levels[i]);
        /* ruleIndex points at the rule with that id. */
        json_int_t index = S_int(res, "ruleIndex");
        assert_true(index >= 0 && (size_t)index < json_array_size(rules));
        assert_string_equal(S_str(S_idx(rules, (size_t)index), "id"), rule_ids[i]);
    }
    /* The message is the short one; the reference is in the result's property bag. */
    json_t *res = S_idx(results, 0);
    assert_int_equal(S_int(res, "ruleIndex"), 0);
    assert_string_equal(S_str(S_get(res, "message"), "text"),
                        "'best' is a superlative; describe the result instead");
    assert_string_equal(S_str(S_get(res, "properties"), "reference"),
                        "Medical Service Act art. 56(2)(8)");
    assert_null(json_object_get(S_idx(results, 1), "properties"));
    assert_string_equal(S_str(S_get(S_idx(results, 1), "message"), "text"),
                        "this suppression of 'guarantees' covers no finding of that rule; "
                        "remove it");
    assert_int_equal(S_int(S_idx(results, 6), "ruleIndex"), 0);
    json_decref(root);
}

/* The physical location of result i. */
static json_t *S_phys(json_t *root, size_t i)
{
    json_t *res = S_idx(S_get(S_idx(S_get(root, "runs"), 0), "results"), i);
    json_t *locs = S_get(res, "locations");
    assert_int_equal(json_array_size(locs), 1);
    return S_get(S_idx(locs, 0), "physicalLocation");
}

static const char *S_uri(json_t *root, size_t i)
{
    return S_str(S_get(S_phys(root, i), "artifactLocation"), "uri");
}

static void test_sarif_locations(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    /* Relative paths stay relative, percent-encoded: a space, a Korean name, # and ?. */
    assert_string_equal(S_uri(root, 0), "content/articles/face%20layers.md");
    assert_string_equal(S_uri(root, 1), "content/articles/%EB%A6%AC%ED%94%84%ED%8C%85.md");
    assert_string_equal(S_uri(root, 5), "content/x%231%3F.md");
    /* An absolute path becomes a file: URI. */
    assert_string_equal(S_uri(root, 3), "file:///srv/site/articles/a%20b/index.html");
    assert_string_equal(S_uri(root, 4), "content/site.yaml");

    json_t *region = S_get(S_phys(root, 0), "region");
    assert_int_equal(json_object_size(region), 2);
    assert_int_equal(S_int(region, "startLine"), 9);
    assert_int_equal(S_int(region, "startColumn"), 13);
    region = S_get(S_phys(root, 3), "region");
    assert_int_equal(S_int(region, "startLine"), 40);
    assert_int_equal(S_int(region, "startColumn"), 7);
    /* A column of 0 on a line is column 1. */
    assert_int_equal(S_int(S_get(S_phys(root, 5), "region"), "startColumn"), 1);
    json_decref(root);
}

/*
 * Regression (a bug found by this test, fixed in 4a1afc0; report.c report_sarif): a finding
 * about a whole file (line 0, e.g. "content/site.yaml: error: cannot read the site
 * settings") got a physicalLocation without a region. GitHub requires region.startLine, and
 * the project's own scripts/validate-sarif rejected the log:
 *     runs[0].results[4].locations[0].physicalLocation.region.startLine: required, a line
 *     number >= 1
 * Such a finding now points at line 1, column 1.
 */
static void test_sarif_whole_file_region(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    json_t *region = json_object_get(S_phys(root, 4), "region");
    json_int_t line = json_integer_value(json_object_get(region, "startLine"));
    json_int_t column = json_integer_value(json_object_get(region, "startColumn"));
    json_decref(root);
    assert_int_equal(line, 1);
    assert_int_equal(column, 1);
}

static void test_sarif_reading(void **state)
{
    S_fix *fx = *state;
    json_t *root = S_write(&fx->in, report_sarif);
    json_t *props = S_get(S_idx(S_get(root, "runs"), 0), "properties");
    /* readingGrades, readingGradeMax, readingKo (empty here: test_readability_ko_check.c) */
    assert_int_equal(json_object_size(props), 3);
    assert_true(S_real(props, "readingGradeMax") == 8.5);
    json_t *grades = S_get(props, "readingGrades");
    assert_int_equal(json_array_size(grades), 2);
    json_t *g = S_idx(grades, 0);
    assert_int_equal(json_object_size(g), 6);
    /* The file as an artifact URI, as in the results. */
    assert_string_equal(S_str(g, "uri"), "content/articles/face%20layers.md");
    assert_int_equal(S_int(g, "line"), 9);
    assert_true(S_real(g, "grade") == 7.9);
    assert_int_equal(S_int(g, "sentences"), 74);
    assert_int_equal(S_int(g, "words"), 1021);
    assert_int_equal(S_int(g, "syllables"), 1430);
    assert_true(S_real(S_idx(grades, 1), "grade") == 11.3);
    json_decref(root);
    /* Without a maximum, no readingGradeMax; without grades, an empty list. */
    fx->in.reading_grade_max = 0;
    fx->in.n_readings = 0;
    root = S_write(&fx->in, report_sarif);
    props = S_get(S_idx(S_get(root, "runs"), 0), "properties");
    assert_int_equal(json_object_size(props), 2);
    assert_int_equal(json_array_size(S_get(props, "readingGrades")), 0);
    assert_int_equal(json_array_size(S_get(props, "readingKo")), 0);
    json_decref(root);
}

static void test_sarif_reading_grade_rule(void **state)
{
    (void)state;
    diag_list *d = diag_list_new();
    diag_add(d, DIAG_WARNING, "content/articles/a.md", 9, 1, "reading-grade",
             "reading grade 11.3 (Flesch–Kincaid) is above reading_grade_max 9; shorten the "
             "longest sentences (line 9) and prefer shorter words");
    report_input in = {.diags = d, .version = "0.3.0"};
    json_t *root = S_write(&in, report_sarif);
    json_t *run = S_idx(S_get(root, "runs"), 0);
    json_t *r = S_idx(S_get(S_get(S_get(run, "tool"), "driver"), "rules"), 0);
    assert_string_equal(S_str(r, "id"), "reading-grade");
    assert_string_equal(S_str(S_get(r, "shortDescription"), "text"),
                        "An English article's Flesch–Kincaid reading grade (Kincaid et al. "
                        "1975) is above reading_grade_max in site.yaml: shorten its longest "
                        "sentences and prefer shorter words.");
    json_t *res = S_idx(S_get(run, "results"), 0);
    assert_string_equal(S_str(res, "level"), "warning");
    assert_string_equal(S_str(res, "ruleId"), "reading-grade");
    json_decref(root);
    diag_list_free(d);
}

static void test_sarif_without_rules(void **state)
{
    S_fix *fx = *state;
    /* When the rules could not be loaded, only the categories that occur are described. */
    fx->in.rules = NULL;
    json_t *root = S_write(&fx->in, report_sarif);
    json_t *run = S_idx(S_get(root, "runs"), 0);
    json_t *rules = S_get(S_get(S_get(run, "tool"), "driver"), "rules");
    static const char *const ids[] = {"superlatives", "suppression", "image-alt", "site-h1",
                                      "suture", "made-up"};
    assert_int_equal(json_array_size(rules), 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(S_str(S_idx(rules, i), "id"), ids[i]);
    assert_string_equal(S_str(S_get(S_idx(rules, 0), "help"), "text"),
                        "A problem suture reports in the content or the site.");
    assert_int_equal(S_int(S_idx(S_get(run, "results"), 6), "ruleIndex"), 0);
    json_decref(root);
}

static void test_sarif_long_description(void **state)
{
    S_fix *fx = *state;
    /* A description is cut at 1000 bytes, never inside a character. */
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "rules:\n  - id: long\n    severity: error\n    kind: patterns\n"
                    "    reference: r\n    patterns: [x]\n    message: \"a");
    for (int i = 0; i < 400; i++)
        strbuf_puts(&b, "가");
    strbuf_puts(&b, "\"\n");
    char *path = tu_write_file(fx->dir, "long.yaml", strbuf_str(&b));
    strbuf_free(&b);
    compliance *c = compliance_load(path, NULL, fx->diags);
    free(path);
    assert_non_null(c);
    diag_list *none = diag_list_new();
    report_input in = {.diags = none, .rules = c, .version = "0.3.0"};
    json_t *root = S_write(&in, report_sarif);
    json_t *r = S_idx(S_get(S_get(S_get(S_idx(S_get(root, "runs"), 0), "tool"), "driver"),
                            "rules"), 0);
    const char *text = S_str(S_get(r, "shortDescription"), "text");
    /* "'<phrase>' a" and 329 three-byte characters: 999 bytes, as the next would pass 1000. */
    assert_int_equal(strlen(text), 999);
    assert_int_equal(json_array_size(S_get(S_idx(S_get(root, "runs"), 0), "results")), 0);
    json_decref(root);
    diag_list_free(none);
    compliance_free(c);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, S_teardown)
    const struct CMUnitTest tests[] = {
        T(test_json_shape),
        T(test_json_summary),
        T(test_json_suppressions),
        cmocka_unit_test(test_json_empty),
        T(test_json_is_utf8),
        T(test_json_reading),
        T(test_json_reading_is_short),
        T(test_text_readings),
        cmocka_unit_test(test_invalid_utf8_keeps_keys),
        T(test_write_error),
        T(test_sarif_header),
        T(test_sarif_rules),
        T(test_sarif_results),
        T(test_sarif_locations),
        T(test_sarif_whole_file_region),
        T(test_sarif_reading),
        cmocka_unit_test(test_sarif_reading_grade_rule),
        T(test_sarif_without_rules),
        T(test_sarif_long_description),
    };
#undef T
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
