/* test_config.c: content/site.yaml (config.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "content/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/str.h"

/* A valid site.yaml; the tests below change one line of it at a time. */
static const char S_site[] =
    "title: \"Facial Lifting Explained\"\n"                   /* 1 */
    "base_url: \"https://example.org/kb\"\n"                  /* 2 */
    "language: en\n"                                          /* 3 */
    "review_max_age_days: 365\n"                              /* 4 */
    "topics:\n"                                               /* 5 */
    "  - id: anatomy\n"                                       /* 6 */
    "    title: \"Facial anatomy\"\n"                         /* 7 */
    "    description: \"How the layers of the face are built.\"\n" /* 8 */
    "  - id: thread-lift\n"                                   /* 9 */
    "    title: \"Thread lifts\"\n"                           /* 10 */
    "    description: \"What a thread lift does.\"\n"         /* 11 */
    "disclaimer: |\n"                                         /* 12 */
    "  General information only.\n"                           /* 13 */
    "  Ask a physician.\n"                                    /* 14 */
    "notices:\n"                                              /* 15 */
    "  before_after: \"Shown with consent.\"\n"               /* 16 */
    "  other: \"Another notice.\"\n";                         /* 17 */

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "config", "site.yaml");
}

/* S_site with the first occurrence of find replaced by repl; the caller frees it. */
static char *S_site_with(const char *find, const char *repl)
{
    return tu_replace(S_site, find, repl);
}

/* Write text as site.yaml and load it. */
static config *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    return config_load(f->path, f->diags);
}

/* Load S_site with one replacement; the load must fail. */
static void S_load_bad(tu_fixture *f, const char *find, const char *repl)
{
    char *text = S_site_with(find, repl);
    config *cfg = S_load(f, text);
    free(text);
    assert_null(cfg);
}

static void test_valid(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_site);
    assert_non_null(cfg);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(cfg->file, f->path);
    assert_string_equal(cfg->languages[0].title, "Facial Lifting Explained");
    /* Without a description the title stands in. */
    assert_string_equal(cfg->languages[0].description, "Facial Lifting Explained");
    assert_string_equal(cfg->languages[0].code, "en");
    assert_int_equal(cfg->review_max_age_days, 365);
    /* reading_grade_max is optional: 0 when not set. */
    assert_true(cfg->reading_grade_max == 0);
    assert_int_equal(cfg->n_topics, 2);
    assert_string_equal(cfg->topics[0].id, "anatomy");
    assert_string_equal(ltext_get(&cfg->topics[0].title, "en"), "Facial anatomy");
    assert_string_equal(ltext_get(&cfg->topics[0].description, "en"), "How the layers of the face are built.");
    assert_string_equal(cfg->topics[1].id, "thread-lift");
    assert_string_equal(ltext_get(&cfg->topics[1].title, "en"), "Thread lifts");
    assert_string_equal(ltext_get(&cfg->topics[1].description, "en"), "What a thread lift does.");
    assert_ptr_equal(config_find_topic(cfg, "thread-lift"), &cfg->topics[1]);
    assert_null(config_find_topic(cfg, "mini-lift"));
    assert_string_equal(cfg->languages[0].disclaimer, "General information only.\nAsk a physician.\n");
    assert_int_equal(cfg->languages[0].disclaimer_line, 12);
    assert_int_equal(cfg->languages[0].n_notices, 2);
    assert_string_equal(cfg->languages[0].notices[0].id, "before_after");
    assert_string_equal(config_find_notice(&cfg->languages[0], "before_after"), "Shown with consent.");
    assert_string_equal(config_find_notice(&cfg->languages[0], "other"), "Another notice.");
    assert_null(config_find_notice(&cfg->languages[0], "missing"));
    config_free(cfg);
    config_free(NULL);
}

static void test_base_path_extraction(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_site);
    assert_non_null(cfg);
    assert_string_equal(cfg->base_url, "https://example.org/kb/");
    assert_string_equal(cfg->base_path, "/kb/");
    config_free(cfg);
}

static void test_base_url_forms(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        const char *line, *url, *path;
    } cases[] = {
        {"base_url: \"https://example.org/\"\n", "https://example.org/", "/"},
        {"base_url: \"https://example.org\"\n", "https://example.org/", "/"},
        {"base_url: http://example.org/a/b/\n", "http://example.org/a/b/", "/a/b/"},
        {"base_url: http://localhost:8080/kb\n", "http://localhost:8080/kb/", "/kb/"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = S_site_with("base_url: \"https://example.org/kb\"\n", cases[i].line);
        config *cfg = S_load(f, text);
        free(text);
        assert_non_null(cfg);
        assert_string_equal(cfg->base_url, cases[i].url);
        assert_string_equal(cfg->base_path, cases[i].path);
        config_free(cfg);
    }
    assert_int_equal(diag_count(f->diags), 0);
}

/* base_path goes into every href: it must stay a URL path, escapes and all. */
static void test_base_path_keeps_escapes(void **state)
{
    tu_fixture *f = *state;
    char *text = S_site_with("https://example.org/kb", "https://example.org/my%20kb");
    config *cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    /* Copy out and free first, so that a failure leaks nothing. */
    char *url = xstrdup(cfg->base_url);
    char *path = xstrdup(cfg->base_path);
    config_free(cfg);
    bool ok = strcmp(url, "https://example.org/my%20kb/") == 0 && strcmp(path, "/my%20kb/") == 0;
    if (!ok)
        print_error("base_url '%s', base_path '%s'; wanted 'https://example.org/my%%20kb/', "
                    "'/my%%20kb/'\n",
                    url, path);
    free(url);
    free(path);
    assert_true(ok);
}

static void test_bad_base_url(void **state)
{
    tu_fixture *f = *state;
    static const char *const urls[] = {"example.org", "ftp://example.org/",
                                       "https://example.org/?lang=en",
                                       "https://example.org/#top", "/kb/", "https://"};
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        char *line = xasprintf("base_url: \"%s\"\n", urls[i]);
        S_load_bad(f, "base_url: \"https://example.org/kb\"\n", line);
        free(line);
        assert_int_equal(diag_count(f->diags), i + 1);
        char *want = xasprintf(":2:11: error: 'base_url' must be the site's absolute address, "
                               "like \"https://example.org/\", not '%s'",
                               urls[i]);
        tu_fixture_diag(f, i, want);
        free(want);
    }
}

static void test_description_given(void **state)
{
    tu_fixture *f = *state;
    char *text = S_site_with("language: en\n", "language: ko-KR\ndescription: \"One sentence.\"\n");
    config *cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    assert_string_equal(cfg->languages[0].description, "One sentence.");
    assert_string_equal(cfg->languages[0].code, "ko-KR");
    config_free(cfg);
}

static void test_bad_language(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "language: en\n", "language: english\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":3:11: error: 'language' must be a language code such as en or ko, "
                          "not 'english'");
}

static void test_missing_keys(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        const char *line, *key, *hint;
    } cases[] = {
        {"title: \"Facial Lifting Explained\"\n", "title", ", or declare 'languages:'"},
        {"base_url: \"https://example.org/kb\"\n", "base_url", ""},
        {"language: en\n", "language", ", or declare 'languages:'"},
        {"review_max_age_days: 365\n", "review_max_age_days", ""},
        {"disclaimer: |\n  General information only.\n  Ask a physician.\n", "disclaimer",
         ", or declare 'languages:'"},
        {"notices:\n  before_after: \"Shown with consent.\"\n  other: \"Another notice.\"\n",
         "notices", ", or declare 'languages:'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        S_load_bad(f, cases[i].line, "");
        assert_int_equal(diag_count(f->diags), i + 1);
        char *want = xasprintf(":1:1: error: site.yaml has no '%s'; add it%s (see README.md, "
                               "'The other content files')",
                               cases[i].key, cases[i].hint);
        tu_fixture_diag(f, i, want);
        free(want);
    }
}

static void test_missing_topics(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f,
               "topics:\n  - id: anatomy\n    title: \"Facial anatomy\"\n"
               "    description: \"How the layers of the face are built.\"\n"
               "  - id: thread-lift\n    title: \"Thread lifts\"\n"
               "    description: \"What a thread lift does.\"\n",
               "");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":1:1: error: site.yaml has no 'topics'; add it (see README.md, "
                          "'The other content files')");
}

static void test_unknown_key_with_suggestion(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "title:", "titel:");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":1:1: error: unknown key 'titel' in site.yaml; did you mean 'title'?");
    tu_fixture_diag(f, 1, ":1:1: error: site.yaml has no 'title'; add it, or declare "
                          "'languages:' (see README.md, 'The other content files')");
}

static void test_unknown_key_without_suggestion(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "language: en\n", "language: en\nauthor: \"Dr Kim\"\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":4:1: error: unknown key 'author' in site.yaml; the keys allowed are: "
                          "base_url, languages, title, description, language, disclaimer, "
                          "notices, review_max_age_days, translation_max_lag_days, "
                          "reading_grade_max, reading_eojeol_max, topics, clinic, reviewers, footer_pages");
}

static void test_duplicate_key(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "language: en\n", "language: en\nlanguage: ko\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":4:1: error: duplicate key 'language' in site.yaml; keep only one");
}

static void test_wrong_types(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "title: \"Facial Lifting Explained\"", "title: [Facial]");
    S_load_bad(f, "disclaimer: |\n  General information only.\n  Ask a physician.\n",
               "disclaimer:\n");
    S_load_bad(f, "review_max_age_days: 365", "review_max_age_days: a year");
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":1:8: error: 'title' must be a text value, but it is a list");
    tu_fixture_diag(f, 1, ":12:12: error: 'disclaimer' must be a text value, but it is nothing");
    tu_fixture_diag(f, 2, ":4:22: error: 'review_max_age_days' must be a whole number, but it is "
                          "'a year'");
}

/* S_site with key set to value on line 5 (its value after "key: "). */
static config *S_load_setting(tu_fixture *f, const char *key, const char *value)
{
    char *line = xasprintf("review_max_age_days: 365\n%s: %s\n", key, value);
    char *text = S_site_with("review_max_age_days: 365\n", line);
    config *cfg = S_load(f, text);
    free(text);
    free(line);
    return cfg;
}

/* clinic: the numbers care cards give; each mistake at its value (clinic: on line 5). */
static void test_clinic(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_site);
    assert_non_null(cfg);
    assert_null(cfg->clinic_phone);
    assert_null(cfg->emergency_number);
    config_free(cfg);
    cfg = S_load_setting(f, "clinic", "{phone: \"+82 (2) 0000-0000\", emergency_number: \"119\"}");
    assert_non_null(cfg);
    assert_string_equal(cfg->clinic_phone, "+82 (2) 0000-0000");
    assert_string_equal(cfg->emergency_number, "119");
    config_free(cfg);
    assert_int_equal(diag_count(f->diags), 0);
    assert_null(S_load_setting(f, "clinic", "{phone: \"call us\", emergency_number: \"11900\"}"));
    assert_null(S_load_setting(f, "clinic", "{phone: \"12\", emergency_number: \"9\"}"));
    assert_null(S_load_setting(f, "clinic", "{fax: \"1\"}"));
    strbuf all = STRBUF_INIT;
    for (size_t i = 0; i < diag_count(f->diags); i++) {
        char *line = diag_format(diag_get(f->diags, i));
        strbuf_printf(&all, "%s\n", line);
        free(line);
    }
    static const char *const want[] = {
        ":5:17: error: 'call us' is not a telephone number; write digits, with spaces or "
        "hyphens between them and '+' and the country code in front, like \"+82 2-000-0000\"",
        ":5:46: error: '11900' is not an emergency number; write its 2 to 4 digits, like "
        "\"119\" in Korea or \"112\" in Europe",
        ":5:17: error: '12' is not a telephone number",
        ":5:41: error: '9' is not an emergency number",
        ":5:10: error: unknown key 'fax' in 'clinic'",
        ":5:9: error: 'clinic' has no 'phone'; add the number patients call, like "
        "\"+82 2-000-0000\"",
        ":5:9: error: 'clinic' has no 'emergency_number'; add the number to call in an "
        "emergency where the clinic is, like \"119\" in Korea",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(strbuf_str(&all), want[i]))
            fail_msg("no '%s' in:\n%s", want[i], strbuf_str(&all));
    assert_int_equal(diag_count(f->diags), 7);
    strbuf_free(&all);
}

/* S_site with reading_grade_max set to value (line 5, column 20). */
static config *S_load_grade(tu_fixture *f, const char *value)
{
    return S_load_setting(f, "reading_grade_max", value);
}

static void test_reading_grade_max(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        const char *value;
        double grade;
    } good[] = {{"9", 9}, {"8.5", 8.5}, {"1", 1}, {"20", 20}, {"20.0", 20}, {"+12", 12},
                {"9.25", 9.25}};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        config *cfg = S_load_grade(f, good[i].value);
        assert_non_null(cfg);
        if (cfg->reading_grade_max != good[i].grade)
            fail_msg("'%s' read as %g", good[i].value, cfg->reading_grade_max);
        config_free(cfg);
    }
    assert_int_equal(diag_count(f->diags), 0);
}

/* reading_eojeol_max on line 5, its value at column 21. */
static void test_reading_eojeol_max(void **state)
{
    tu_fixture *f = *state;
    static const struct {
        const char *value;
        long max;
    } good[] = {{"15", 15}, {"5", 5}, {"50", 50}, {"+12", 12}};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        config *cfg = S_load_setting(f, "reading_eojeol_max", good[i].value);
        assert_non_null(cfg);
        assert_int_equal(cfg->reading_eojeol_max, good[i].max);
        /* The English limit is another key. */
        assert_true(cfg->reading_grade_max == 0);
        config_free(cfg);
    }
    assert_int_equal(diag_count(f->diags), 0);
    static const char *const bad[] = {"4", "51", "-15", "15.5", "fifteen", "\"15\"", "[15]", "",
                                      NULL};
    for (size_t i = 0; bad[i]; i++)
        assert_null(S_load_setting(f, "reading_eojeol_max", bad[i]));
    static const char *const want[] = {
        ":5:21: error: 'reading_eojeol_max' must be between 5 and 50, not 4",
        ":5:21: error: 'reading_eojeol_max' must be between 5 and 50, not 51",
        ":5:21: error: 'reading_eojeol_max' must be between 5 and 50, not -15",
        ":5:21: error: 'reading_eojeol_max' must be a whole number, but it is '15.5'",
        ":5:21: error: 'reading_eojeol_max' must be a whole number, but it is 'fifteen'",
        ":5:21: error: 'reading_eojeol_max' must be a whole number, but it is '15'",
        ":5:21: error: 'reading_eojeol_max' must be a whole number, but it is a list",
        ":5:20: error: 'reading_eojeol_max' must be a whole number, but it is nothing",
    };
    assert_int_equal(diag_count(f->diags), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        tu_fixture_diag(f, i, want[i]);
}

static void test_reading_grade_max_errors(void **state)
{
    tu_fixture *f = *state;
    static const char *const bad[] = {"nine", "8.", ".5", "8,5", "1e1", "9 years", "\"9\"",
                                      "[9]", "{max: 9}", "", "0", "0.5", "20.5", "25", "-3",
                                      NULL};
    for (size_t i = 0; bad[i]; i++)
        assert_null(S_load_grade(f, bad[i]));
    static const char *const want[] = {
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is 'nine'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is '8.'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is '.5'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is '8,5'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is '1e1'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is "
        "'9 years'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is '9'",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is a list",
        ":5:20: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is a "
        "mapping (key: value lines)",
        ":5:19: error: 'reading_grade_max' must be a number such as 9 or 8.5, but it is nothing",
        ":5:20: error: 'reading_grade_max' must be between 1 and 20 (a school grade), not 0",
        ":5:20: error: 'reading_grade_max' must be between 1 and 20 (a school grade), not 0.5",
        ":5:20: error: 'reading_grade_max' must be between 1 and 20 (a school grade), not 20.5",
        ":5:20: error: 'reading_grade_max' must be between 1 and 20 (a school grade), not 25",
        ":5:20: error: 'reading_grade_max' must be between 1 and 20 (a school grade), not -3",
    };
    assert_int_equal(diag_count(f->diags), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        tu_fixture_diag(f, i, want[i]);
}

static void test_review_max_age_days_range(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "review_max_age_days: 365", "review_max_age_days: 0");
    S_load_bad(f, "review_max_age_days: 365", "review_max_age_days: 3651");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":4:22: error: 'review_max_age_days' must be between 1 and 3650, not 0");
    tu_fixture_diag(f, 1, ":4:22: error: 'review_max_age_days' must be between 1 and 3650, not "
                          "3651");
    /* The bounds themselves are fine. */
    char *text = S_site_with("review_max_age_days: 365", "review_max_age_days: 3650");
    config *cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    assert_int_equal(cfg->review_max_age_days, 3650);
    config_free(cfg);
    text = S_site_with("review_max_age_days: 365", "review_max_age_days: 1");
    cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    assert_int_equal(cfg->review_max_age_days, 1);
    config_free(cfg);
    assert_int_equal(diag_count(f->diags), 2);
}

static void test_duplicate_topic(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: thread-lift\n", "  - id: anatomy\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":9:9: error: topic 'anatomy' is declared twice; keep one");
}

static void test_bad_topic_id(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: anatomy\n", "  - id: Facial_Anatomy\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":6:9: error: topic id 'Facial_Anatomy' may use only lower-case letters, "
                          "digits and hyphens");
}

static void test_topic_missing_fields(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: anatomy\n    title:", "  - title:");
    S_load_bad(f, "    title: \"Facial anatomy\"\n", "");
    S_load_bad(f, "    description: \"How the layers of the face are built.\"\n", "");
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":6:5: error: this topic has no 'id'; add one, like 'id: anatomy'");
    tu_fixture_diag(f, 1, ":6:5: error: this topic has no 'title'; add the name readers will see");
    tu_fixture_diag(f, 2, ":6:5: error: this topic has no 'description'; add one plain sentence");
}

static void test_topic_unknown_key(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "    title: \"Thread lifts\"\n", "    titel: \"Thread lifts\"\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":10:5: error: unknown key 'titel' in a topic; did you mean 'title'?");
    tu_fixture_diag(f, 1, ":9:5: error: this topic has no 'title'; add the name readers will see");
}

static void test_topic_wrong_types(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: anatomy\n", "  - id: \"\"\n");
    S_load_bad(f, "    title: \"Thread lifts\"\n", "    title: [a]\n");
    S_load_bad(f, "    description: \"What a thread lift does.\"\n", "    description: ~\n");
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":6:9: error: a topic's 'id' is empty; write some text");
    tu_fixture_diag(f, 1, ":10:12: error: 'title' of topic 'thread-lift' must be a text value, "
                          "but it is a list");
    tu_fixture_diag(f, 2, ":11:18: error: 'description' of topic 'thread-lift' must be a text "
                          "value, but it is nothing");
}

static void test_topics_not_a_list(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "topics:\n", "topics: anatomy\nx_topics:\n");
    /* x_topics is unknown; the list that follows it is what this test is not about. */
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":6:1: error: unknown key 'x_topics' in site.yaml; did you mean "
                          "'topics'?");
    tu_fixture_diag(f, 1, ":5:9: error: 'topics' must be a list, like [a, b] or lines starting "
                          "with '- ', but it is a single value");
}

static void test_topics_empty(void **state)
{
    tu_fixture *f = *state;
    const char *topics = "topics:\n  - id: anatomy\n    title: \"Facial anatomy\"\n"
                         "    description: \"How the layers of the face are built.\"\n"
                         "  - id: thread-lift\n    title: \"Thread lifts\"\n"
                         "    description: \"What a thread lift does.\"\n";
    S_load_bad(f, topics, "topics: []\n");
    S_load_bad(f, topics, "topics:\n  - just a word\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":5:9: error: 'topics' is empty; declare at least one topic");
    tu_fixture_diag(f, 1, ":6:5: error: each topic must be a mapping of 'key: value' lines, but it "
                          "is a single value");
}

static void test_missing_before_after_notice(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  before_after: \"Shown with consent.\"\n", "");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":16:3: error: 'notices' has no 'before_after'; add the consent notice "
                          "shown under before-and-after photos");
}

static void test_bad_notices(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  before_after: \"Shown with consent.\"\n", "  before_after:\n");
    S_load_bad(f, "notices:\n  before_after: \"Shown with consent.\"\n  other: \"Another notice.\"\n",
               "notices: [before_after]\n");
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":16:16: error: a notice must be a text value, but it is nothing");
    tu_fixture_diag(f, 1, ":16:3: error: 'notices' has no 'before_after'; add the consent notice "
                          "shown under before-and-after photos");
    tu_fixture_diag(f, 2, ":15:10: error: 'notices' must be a mapping of 'key: value' lines, but "
                          "it is a list");
}

static void test_not_a_mapping(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load(f, "- title\n- base_url\n"));
    assert_null(S_load(f, ""));
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":1:1: error: site.yaml must be a mapping of 'key: value' lines, but it "
                          "is a list");
    tu_fixture_diag(f, 1, ":1:1: error: site.yaml must be a mapping of 'key: value' lines, but it "
                          "is nothing");
}

static void test_invalid_yaml(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "language: en\n", "language: [en\n");
    assert_int_equal(diag_count(f->diags), 1);
    const diag *d = diag_get(f->diags, 0);
    assert_string_equal(d->file, f->path);
    assert_string_equal(d->category, "yaml");
    assert_true(str_starts_with(d->message, "invalid YAML: "));
    /* At the bracket left open. */
    assert_int_equal(d->line, 3);
    assert_int_equal(d->column, 11);
}

static void test_every_mistake_is_reported(void **state)
{
    tu_fixture *f = *state;
    char *a = S_site_with("language: en", "language: EN");
    char *b = tu_replace(a, "https://example.org/kb", "example.org");
    char *text = tu_replace(b, "365", "0");
    free(a);
    free(b);
    assert_null(S_load(f, text));
    free(text);
    assert_int_equal(diag_count(f->diags), 3);
    assert_int_equal(diag_error_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":2:11: error: 'base_url' must be the site's absolute address, like "
                          "\"https://example.org/\", not 'example.org'");
    tu_fixture_diag(f, 1, ":3:11: error: 'language' must be a language code such as en or ko, not "
                          "'EN'");
    tu_fixture_diag(f, 2, ":4:22: error: 'review_max_age_days' must be between 1 and 3650, not 0");
}

static void test_earlier_errors_do_not_fail_the_load(void **state)
{
    tu_fixture *f = *state;
    diag_error(f->diags, "content/articles/a.md", 3, 1, NULL, "an earlier mistake");
    config *cfg = S_load(f, S_site);
    assert_non_null(cfg);
    assert_int_equal(diag_count(f->diags), 1);
    config_free(cfg);
}

static void test_unreadable(void **state)
{
    tu_fixture *f = *state;
    /* Nothing written: the file does not exist. */
    assert_null(config_load(f->path, f->diags));
    /* A directory cannot be read as a file. */
    assert_null(config_load(f->dir, f->diags));
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ": error: cannot read the site settings: No such file or directory");
    char *got = diag_format(diag_get(f->diags, 1));
    char *want = xasprintf("%s: error: this is a folder, not a file; suture reads only regular "
                           "files: remove it or replace it with the site settings",
                           f->dir);
    assert_string_equal(got, want);
    free(got);
    free(want);
    /* A named pipe is refused without being opened (the alarm fails the test, should the
     * open come back and block). */
    alarm(10);
    assert_int_equal(mkfifo(f->path, 0644), 0);
    assert_null(config_load(f->path, f->diags));
    alarm(0);
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 2, ": error: this is a named pipe (FIFO), not a file; suture reads only "
                          "regular files: remove it or replace it with the site settings");
}


/* A valid site.yaml in two languages; the tests below change one line of it at a time. */
static const char S_bilingual[] =
    "base_url: \"https://example.org/\"\n"                    /* 1 */
    "languages:\n"                                            /* 2 */
    "  - code: ko\n"                                          /* 3 */
    "    title: \"얼굴 리프팅 안내\"\n"                        /* 4 */
    "    date_format: \"y년 M월 d일\"\n"                       /* 5 */
    "    disclaimer: |\n"                                     /* 6 */
    "      일반적인 정보입니다.\n"                              /* 7 */
    "    notices:\n"                                          /* 8 */
    "      before_after: \"동의를 받아 싣습니다.\"\n"            /* 9 */
    "  - code: en\n"                                          /* 10 */
    "    title: \"Facial Lifting Explained\"\n"               /* 11 */
    "    description: \"Plain information.\"\n"               /* 12 */
    "    disclaimer: |\n"                                     /* 13 */
    "      General information only.\n"                       /* 14 */
    "    notices:\n"                                          /* 15 */
    "      before_after: \"Shown with consent.\"\n"           /* 16 */
    "review_max_age_days: 365\n"                              /* 17 */
    "translation_max_lag_days: 90\n"                          /* 18 */
    "topics:\n"                                               /* 19 */
    "  - id: anatomy\n"                                       /* 20 */
    "    title: {ko: \"얼굴의 구조\", en: \"Facial anatomy\"}\n"  /* 21 */
    "    description: {ko: \"층 구조\", en: \"Layers.\"}\n";    /* 22 */

/* Load S_bilingual with one replacement; the load must fail with n diagnostics. */
static void S_bilingual_bad(tu_fixture *f, const char *find, const char *repl, size_t n)
{
    char *text = tu_replace(S_bilingual, find, repl);
    config *cfg = S_load(f, text);
    free(text);
    assert_null(cfg);
    assert_int_equal(diag_count(f->diags), n);
}

/* S_bilingual_bad on a fresh diagnostic list, for a test's next case. */
static void S_bilingual_bad_again(tu_fixture *f, const char *find, const char *repl, size_t n)
{
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_bilingual_bad(f, find, repl, n);
}

static void test_bilingual_valid(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_bilingual);
    assert_non_null(cfg);
    assert_int_equal(diag_count(f->diags), 0);
    assert_true(cfg->multilingual);
    assert_int_equal(cfg->n_languages, 2);
    const config_language *ko = config_default_language(cfg);
    assert_string_equal(ko->code, "ko");
    assert_string_equal(ko->name, "한국어");
    assert_string_equal(ko->og_locale, "ko_KR");
    assert_string_equal(ko->prefix, "/");
    assert_string_equal(ko->title, "얼굴 리프팅 안내");
    assert_string_equal(ko->description, "얼굴 리프팅 안내");
    assert_string_equal(ko->date_format, "y년 M월 d일");
    assert_string_equal(ko->disclaimer, "일반적인 정보입니다.\n");
    assert_int_equal(ko->disclaimer_line, 6);
    assert_string_equal(config_find_notice(ko, "before_after"), "동의를 받아 싣습니다.");
    const config_language *en = config_find_language(cfg, "EN");
    assert_ptr_equal(en, &cfg->languages[1]);
    assert_string_equal(en->name, "English");
    assert_string_equal(en->og_locale, "en_US");
    assert_string_equal(en->prefix, "/en/");
    assert_null(en->date_format);
    assert_string_equal(en->description, "Plain information.");
    assert_ptr_equal(config_language_for(cfg, "en-GB"), en);
    assert_ptr_equal(config_language_for(cfg, "fr"), ko);
    assert_null(config_find_language(cfg, "fr"));
    assert_int_equal(cfg->translation_max_lag_days, 90);
    assert_string_equal(cfg->language_codes[0], "ko");
    assert_string_equal(cfg->language_codes[1], "en");
    assert_null(cfg->language_codes[2]);
    assert_string_equal(config_text(cfg, &cfg->topics[0].title, "ko"), "얼굴의 구조");
    assert_string_equal(config_text(cfg, &cfg->topics[0].title, "en"), "Facial anatomy");
    assert_string_equal(config_text(cfg, &cfg->topics[0].title, "fr"), "얼굴의 구조");
    config_free(cfg);
}

static void test_bilingual_prefix_under_base_path(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(S_bilingual, "https://example.org/", "https://example.org/kb");
    config *cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    assert_string_equal(cfg->languages[0].prefix, "/kb/");
    assert_string_equal(cfg->languages[1].prefix, "/kb/en/");
    config_free(cfg);
}

static void test_language_unknown_code(void **state)
{
    tu_fixture *f = *state;
    /* Then each topic text in 'en' names a language site.yaml does not declare. */
    S_bilingual_bad(f, "  - code: en\n", "  - code: zz\n", 3);
    tu_fixture_diag(f, 0, ":10:11: error: 'code' 'zz'은(는) 알려진 언어가 아닙니다. "
                          "ko(한국어)나 en(영어)처럼 ISO 639 코드를 써 주십시오");
    tu_fixture_diag(f, 1, ":21:27: error: 주제 'anatomy'의 'title'에 site.yaml이 선언하지 않은 "
                          "언어 'en'이(가) 있습니다. site.yaml의 'languages' 아래에 그 언어를 "
                          "선언하거나 지워 주십시오");
}

static void test_language_bad_tag(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "  - code: en\n", "  - code: English\n", 3);
    tu_fixture_diag(f, 0, ":10:11: error: 'code'에는 'English'이(가) 아니라 en이나 ko 같은 언어 "
                          "코드를 써 주십시오");
}

static void test_language_without_disclaimer(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "    disclaimer: |\n      General information only.\n", "", 1);
    tu_fixture_diag(f, 0, ":10:5: error: 이 언어에 'disclaimer'가 없습니다. 모든 페이지에는 그 "
                          "페이지의 언어로 된 의료 면책 문구가 들어가니 추가해 "
                          "주십시오(Markdown)(언어 'en')");
}

static void test_language_without_title_or_notices(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "    title: \"Facial Lifting Explained\"\n", "", 1);
    tu_fixture_diag(f, 0, ":10:5: error: 이 언어에 'title'이 없습니다. 그 언어로 된 사이트 "
                          "제목을 추가해 주십시오(언어 'en')");
    S_bilingual_bad_again(f, "    notices:\n      before_after: \"Shown with consent.\"\n", "", 1);
    tu_fixture_diag(f, 0, ":10:5: error: 이 언어에 'notices'가 없습니다. 전후 사진 아래에 보이는 "
                          "동의 안내문 'before_after'와 함께 'notices:'를 추가해 주십시오(언어 "
                          "'en')");
}

static void test_language_twice_and_same_prefix(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "  - code: en\n", "  - code: ko\n", 3);
    tu_fixture_diag(f, 0, ":10:11: error: 언어 'ko'이(가) 두 번 선언되어 있습니다. 하나만 남겨 "
                          "주십시오");
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    /* en-GB and en-gb are two codes, but one folder: /en-gb/. */
    static const char two_prefixes[] =
        "base_url: \"https://example.org/\"\n"
        "languages:\n"
        "  - {code: ko, title: t, disclaimer: d, notices: {before_after: n}}\n"
        "  - {code: en-GB, title: t, disclaimer: d, notices: {before_after: n}}\n"
        "  - {code: en-gb, title: t, disclaimer: d, notices: {before_after: n}}\n"
        "review_max_age_days: 365\n"
        "translation_max_lag_days: 90\n"
        "topics: [{id: a, title: {ko: a, en-GB: b}, description: {ko: a, en-GB: b}}]\n";
    assert_null(S_load(f, two_prefixes));
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":5:12: error: 언어 'en-GB'과(와) 'en-gb'은(는) 둘 다 /en-gb/ 아래에 "
                          "게시됩니다. 하나만 남겨 주십시오");
}

static void test_languages_with_one_language_keys(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "review_max_age_days: 365\n", "review_max_age_days: 365\ntitle: x\n", 1);
    tu_fixture_diag(f, 0, ":18:1: error: site.yaml에 'languages'가 있으면 'title'은(는) "
                          "'languages'의 각 항목 아래에 써야 합니다. 그리로 옮겨 주십시오");
}

static void test_languages_need_translation_lag(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "translation_max_lag_days: 90\n", "", 1);
    tu_fixture_diag(f, 0, ":1:1: error: site.yaml에 'translation_max_lag_days'가 없습니다. "
                          "번역이 원문의 더 새로운 감수보다 며칠까지 늦어도 되는지 "
                          "'translation_max_lag_days: 90'처럼 추가해 주십시오");
}

static void test_bad_date_format(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "\"y년 M월 d일\"", "\"%Y-%m-%d\"", 1);
    tu_fixture_diag(f, 0, ":5:18: error: 'date_format' '%Y-%m-%d'은(는) 연도(y), 월(M), 일(d)이 "
                          "모두 있는 날짜 패턴이 아닙니다. \"y년 M월 d일\"이나 \"d MMMM y\"처럼 "
                          "써 주십시오(Unicode UTS #35 날짜 패턴)");
    S_bilingual_bad_again(f, "\"y년 M월 d일\"", "\"y'년 M월 d일'\"", 1);
}

static void test_topic_text_per_language(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "{ko: \"얼굴의 구조\", en: \"Facial anatomy\"}", "{ko: \"얼굴의 구조\"}", 1);
    tu_fixture_diag(f, 0, ":21:12: error: 주제 'anatomy'의 'title'에 'en' 텍스트가 없습니다. "
                          "'en: …'을(를) 추가해 주십시오");
    S_bilingual_bad_again(f, "{ko: \"얼굴의 구조\", en: \"Facial anatomy\"}", "\"Facial anatomy\"", 1);
    tu_fixture_diag(f, 0, ":21:12: error: 주제 'anatomy'의 'title'은(는) {ko: …, en: …}처럼 "
                          "언어마다 텍스트를 하나씩 써야 합니다. site.yaml에 선언된 언어: ko, en");
    S_bilingual_bad_again(f, "en: \"Layers.\"}", "en: \"Layers.\", fr: \"Couches.\"}", 1);
    tu_fixture_diag(f, 0, ":22:46: error: 주제 'anatomy'의 'description'에 site.yaml이 선언하지 "
                          "않은 언어 'fr'이(가) 있습니다. site.yaml의 'languages' 아래에 그 "
                          "언어를 선언하거나 지워 주십시오");
    S_bilingual_bad_again(f, "en: \"Layers.\"}", "en: \"Layers.\", ko: \"또\"}", 1);
    tu_fixture_diag(f, 0, ":22:46: error: 주제 'anatomy'의 'description'에 언어 'ko'이(가) 두 번 "
                          "있습니다. 하나만 남겨 주십시오");
}

/* S_bilingual with English first: "ko" and "en" change places in 'languages'. */
static char *S_english_first(const char *find, const char *repl)
{
    char *a = tu_replace(S_bilingual, "  - code: ko\n", "  - code: xx\n");
    char *b = tu_replace(a, "  - code: en\n", "  - code: ko\n");
    char *c = tu_replace(b, "  - code: xx\n", "  - code: en\n");
    char *d = tu_replace(c, find, repl);
    free(a);
    free(b);
    free(c);
    return d;
}

/* Load S_english_first(find, repl) on a fresh diagnostic list; it must fail with n. */
static void S_english_first_bad(tu_fixture *f, const char *find, const char *repl, size_t n)
{
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    char *text = S_english_first(find, repl);
    assert_null(S_load(f, text));
    free(text);
    assert_int_equal(diag_count(f->diags), n);
}

/* On a site whose first language is English, the same mistakes are told in English. */
static void test_english_first_messages(void **state)
{
    tu_fixture *f = *state;
    S_english_first_bad(f, "translation_max_lag_days: 90\n", "titel: x\n", 2);
    tu_fixture_diag(f, 0, ":18:1: error: unknown key 'titel' in site.yaml; did you mean 'title'?");
    tu_fixture_diag(f, 1, ":1:1: error: site.yaml has no 'translation_max_lag_days'; add how "
                          "many days a translation may lag behind a newer review of its source, "
                          "like 'translation_max_lag_days: 90'");
    S_english_first_bad(f, "    disclaimer: |\n      General information only.\n", "", 1);
    tu_fixture_diag(f, 0, ":10:5: error: this language has no 'disclaimer'; every page carries "
                          "the medical disclaimer in its own language: add it (Markdown) "
                          "(language 'ko')");
    S_english_first_bad(f, "  - code: ko\n", "  - code: en\n", 3);
    tu_fixture_diag(f, 0, ":10:11: error: language 'en' is declared twice; keep one");
    S_english_first_bad(f, "\"y년 M월 d일\"", "\"%Y-%m-%d\"", 1);
    tu_fixture_diag(f, 0, ":5:18: error: 'date_format' '%Y-%m-%d' is not a date pattern with a "
                          "year (y), a month (M) and a day (d); write one like \"y년 M월 d일\" "
                          "or \"d MMMM y\" (Unicode UTS #35 date patterns)");
    S_english_first_bad(f, "en: \"Layers.\"}", "en: \"Layers.\", en: \"또\"}", 1);
    tu_fixture_diag(f, 0, ":22:46: error: language 'en' is given twice in 'description' of topic "
                          "'anatomy'; keep one");
    S_english_first_bad(f, "{ko: \"얼굴의 구조\", en: \"Facial anatomy\"}", "{en: \"A\"}", 1);
    tu_fixture_diag(f, 0, ":21:12: error: 'title' of topic 'anatomy' has no 'ko' text; add "
                          "'ko: …'");
}

/* A Korean-first site.yaml is told its mistakes in Korean, from its unknown keys on. */
static void test_korean_first_messages(void **state)
{
    tu_fixture *f = *state;
    S_bilingual_bad(f, "translation_max_lag_days: 90\n",
                    "translation_max_lag_days: 90\ntitel: x\n", 1);
    tu_fixture_diag(f, 0, ":19:1: error: 'titel'은(는) site.yaml에 쓸 수 있는 키가 아닙니다. "
                          "'title'을(를) 쓰려던 것인지 확인해 주십시오");
    S_bilingual_bad_again(f, "\"https://example.org/\"", "12", 1);
    tu_fixture_diag(f, 0, ":1:11: error: 'base_url'에는 '12'이(가) 아니라 "
                          "\"https://example.org/\"처럼 사이트의 절대 주소를 써 주십시오");
    S_bilingual_bad_again(f, "review_max_age_days: 365", "review_max_age_days: 0", 1);
    tu_fixture_diag(f, 0, ":17:22: error: 'review_max_age_days'은(는) 1에서 3650 사이여야 "
                          "합니다. 0은(는) 쓸 수 없습니다");
    S_bilingual_bad_again(f, "  - id: anatomy\n", "  - id: Anatomy\n", 1);
    tu_fixture_diag(f, 0, ":20:9: error: 주제 id 'Anatomy'에는 영문 소문자, 숫자, 하이픈만 쓸 수 "
                          "있습니다");
    /* A YAML mistake is told in Korean too: the raw text names ko first. */
    S_bilingual_bad_again(f, "review_max_age_days: 365\n", "review_max_age_days: [365\n", 1);
    assert_true(str_starts_with(diag_get(f->diags, 0)->message, "YAML 형식 오류"));
}

/* Where the default language cannot be told (a broken 'languages', a single language that is
 * not Korean), site.yaml's mistakes are told in English. */
static void test_language_unknown_means_english(void **state)
{
    tu_fixture *f = *state;
    static const char broken[] = "base_url: \"https://example.org/\"\nlanguages: ko\n"
                                 "titel: x\nreview_max_age_days: 365\n"
                                 "translation_max_lag_days: 90\ntopics: []\n";
    assert_null(S_load(f, broken));
    tu_fixture_diag(f, 0, ":3:1: error: unknown key 'titel' in site.yaml; did you mean 'title'?");
    tu_fixture_diag(f, 1, ":2:12: error: 'languages' must be a list, like [a, b] or lines "
                          "starting with '- ', but it is a single value");
    /* A list whose first entry has no code. */
    S_bilingual_bad_again(f, "  - code: ko\n", "  - cod: ko\n", 4);
    tu_fixture_diag(f, 0, ":3:5: error: unknown key 'cod' in a language; did you mean 'code'?");
    /* The raw text of a file that does not load: a 'languages:' list without a code. */
    S_bilingual_bad_again(f, "  - code: ko\n", "  - cod: ko\n  x: [\n", 1);
    assert_true(str_starts_with(diag_get(f->diags, 0)->message, "invalid YAML: "));
    /* One language, Korean: Korean. */
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    S_load_bad(f, "language: en\n", "language: ko\ntitel: x\n");
    tu_fixture_diag(f, 0, ":4:1: error: 'titel'은(는) site.yaml에 쓸 수 있는 키가 아닙니다. "
                          "'title'을(를) 쓰려던 것인지 확인해 주십시오");
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_valid),
        T(test_base_path_extraction),
        T(test_base_url_forms),
        T(test_base_path_keeps_escapes),
        T(test_bad_base_url),
        T(test_description_given),
        T(test_bad_language),
        T(test_missing_keys),
        T(test_missing_topics),
        T(test_unknown_key_with_suggestion),
        T(test_unknown_key_without_suggestion),
        T(test_duplicate_key),
        T(test_wrong_types),
        T(test_review_max_age_days_range),
        T(test_clinic),
        T(test_reading_grade_max),
        T(test_reading_grade_max_errors),
        T(test_reading_eojeol_max),
        T(test_duplicate_topic),
        T(test_bad_topic_id),
        T(test_topic_missing_fields),
        T(test_topic_unknown_key),
        T(test_topic_wrong_types),
        T(test_topics_not_a_list),
        T(test_topics_empty),
        T(test_missing_before_after_notice),
        T(test_bad_notices),
        T(test_not_a_mapping),
        T(test_invalid_yaml),
        T(test_every_mistake_is_reported),
        T(test_earlier_errors_do_not_fail_the_load),
        T(test_unreadable),
        T(test_bilingual_valid),
        T(test_bilingual_prefix_under_base_path),
        T(test_language_unknown_code),
        T(test_language_bad_tag),
        T(test_language_without_disclaimer),
        T(test_language_without_title_or_notices),
        T(test_language_twice_and_same_prefix),
        T(test_languages_with_one_language_keys),
        T(test_languages_need_translation_lag),
        T(test_bad_date_format),
        T(test_topic_text_per_language),
        T(test_english_first_messages),
        T(test_korean_first_messages),
        T(test_language_unknown_means_english),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
