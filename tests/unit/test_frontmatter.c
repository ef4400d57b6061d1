/* test_frontmatter.c: article front matter (frontmatter.h); dates are in test_date.c. */
#include "testutil.h"

#include "content/frontmatter.h"
#include "content/config.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"

#define FILE_NAME "content/articles/smas.md"

/* A valid article; the tests below change one line of it at a time. */
static const char S_article[] =
    "---\n"                                                  /* 1 */
    "title: \"How the SMAS layer guides a thread lift\"\n"   /* 2 */
    "summary: \"One or two plain sentences.\"\n"             /* 3 */
    "topics: [anatomy, thread-lift]\n"                       /* 4 */
    "date: 2026-11-20\n"                                     /* 5 */
    "reviewed: 2026-11-21\n"                                 /* 6 */
    "reviewer: \"Medical review team\"\n"                    /* 7 */
    "procedures: [thread-lift]\n"                            /* 8 */
    "slug: smas-thread-lift\n"                               /* 9 */
    "draft: false\n"                                         /* 10 */
    "lang: en\n"                                             /* 11 */
    "---\n"                                                  /* 12 */
    "Body in CommonMark.\n";                                 /* 13 */

/* Assert that the i-th diagnostic formats as FILE_NAME followed by rest. */
static void S_assert_diag(const diag_list *l, size_t i, const char *rest)
{
    tu_expect_diag_prefixed(l, i, FILE_NAME, rest);
}

/* Parse text, which must fail; the diagnostics are left in l. */
static void S_parse_bad(const char *text, diag_list *l)
{
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = frontmatter_parse(FILE_NAME, text, strlen(text), l, &body, &body_line);
    assert_null(fm);
    assert_true(diag_error_count(l) > 0);
}

/* Parse S_article with one replacement, which must fail. */
static void S_parse_bad_with(const char *find, const char *repl, diag_list *l)
{
    char *text = tu_replace(S_article, find, repl);
    S_parse_bad(text, l);
    free(text);
}

/* Parse text, which must succeed without diagnostics. */
static frontmatter *S_parse_ok(const char *text, const char **body, unsigned *body_line)
{
    diag_list *l = diag_list_new();
    frontmatter *fm = frontmatter_parse(FILE_NAME, text, strlen(text), l, body, body_line);
    if (diag_count(l)) {
        char *line = diag_format(diag_get(l, 0));
        print_error("unexpected diagnostic: %s\n", line);
        free(line);
    }
    assert_int_equal(diag_count(l), 0);
    diag_list_free(l);
    assert_non_null(fm);
    return fm;
}

static void test_valid_article(void **state)
{
    (void)state;
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = S_parse_ok(S_article, &body, &body_line);
    assert_string_equal(fm->title, "How the SMAS layer guides a thread lift");
    assert_string_equal(fm->summary, "One or two plain sentences.");
    assert_string_equal(fm->reviewer, "Medical review team");
    assert_string_equal(fm->slug, "smas-thread-lift");
    assert_string_equal(fm->lang, "en");
    assert_false(fm->draft);
    assert_int_equal(fm->line, 1);
    assert_int_equal(fm->n_topics, 2);
    assert_string_equal(fm->topics[0].id, "anatomy");
    assert_int_equal(fm->topics[0].line, 4);
    assert_int_equal(fm->topics[0].column, 10);
    assert_string_equal(fm->topics[1].id, "thread-lift");
    assert_int_equal(fm->topics[1].line, 4);
    assert_int_equal(fm->topics[1].column, 19);
    assert_int_equal(fm->n_procedures, 1);
    assert_string_equal(fm->procedures[0].id, "thread-lift");
    assert_int_equal(fm->procedures[0].line, 8);
    assert_int_equal(fm->procedures[0].column, 14);
    assert_int_equal(fm->date.year, 2026);
    assert_int_equal(fm->date.month, 11);
    assert_int_equal(fm->date.day, 20);
    assert_int_equal(fm->reviewed.year, 2026);
    assert_int_equal(fm->reviewed.month, 11);
    assert_int_equal(fm->reviewed.day, 21);
    /* The body is a pointer into the text, at its first line. */
    assert_ptr_equal(body, strstr(S_article, "Body in CommonMark."));
    assert_string_equal(body, "Body in CommonMark.\n");
    assert_int_equal(body_line, 13);
    frontmatter_free(fm);
    frontmatter_free(NULL);
}

static void test_optional_keys_absent(void **state)
{
    (void)state;
    const char *text = "---\n"
                       "title: T\n"
                       "summary: S\n"
                       "topics:\n"
                       "  - anatomy\n"
                       "date: 2026-11-20\n"
                       "reviewed: 2026-11-20\n"
                       "reviewer: R\n"
                       "---\n";
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_null(fm->slug);
    assert_null(fm->lang);
    assert_false(fm->draft);
    assert_int_equal(fm->n_procedures, 0);
    assert_null(fm->procedures);
    assert_int_equal(fm->n_topics, 1);
    assert_int_equal(fm->topics[0].line, 5);
    assert_int_equal(fm->topics[0].column, 5);
    /* No body at all: the body is the empty end of the text. */
    assert_ptr_equal(body, text + strlen(text));
    assert_int_equal(body_line, 10);
    frontmatter_free(fm);
}

static void test_draft_true(void **state)
{
    (void)state;
    char *text = tu_replace(S_article, "draft: false", "draft: true");
    const char *body;
    unsigned body_line;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_true(fm->draft);
    frontmatter_free(fm);
    free(text);
}

static void test_bad_draft(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("draft: false", "draft: maybe", l);
    assert_int_equal(diag_count(l), 1);
    S_assert_diag(l, 0, ":10:8: error: 'draft' must be true or false");
    diag_list_free(l);
}

static void test_crlf(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    for (const char *p = S_article; *p; p++) {
        if (*p == '\n')
            strbuf_putc(&b, '\r');
        strbuf_putc(&b, *p);
    }
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = S_parse_ok(strbuf_str(&b), &body, &body_line);
    assert_string_equal(fm->title, "How the SMAS layer guides a thread lift");
    assert_string_equal(fm->reviewer, "Medical review team");
    assert_string_equal(fm->slug, "smas-thread-lift");
    assert_int_equal(fm->n_topics, 2);
    assert_string_equal(fm->topics[1].id, "thread-lift");
    assert_int_equal(fm->topics[1].line, 4);
    assert_int_equal(fm->date.day, 20);
    assert_string_equal(body, "Body in CommonMark.\r\n");
    assert_int_equal(body_line, 13);
    frontmatter_free(fm);
    strbuf_free(&b);
}

static void test_bom(void **state)
{
    (void)state;
    char *text = xasprintf("\xEF\xBB\xBF%s", S_article);
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_string_equal(fm->title, "How the SMAS layer guides a thread lift");
    assert_int_equal(fm->topics[0].line, 4);
    assert_int_equal(fm->topics[0].column, 10);
    assert_string_equal(body, "Body in CommonMark.\n");
    assert_int_equal(body_line, 13);
    frontmatter_free(fm);
    free(text);
}

static void test_fences_with_trailing_space_and_dots(void **state)
{
    (void)state;
    /* "--- " opens, "..." closes (YAML's end-of-document marker), the last line may lack '\n'. */
    char *a = tu_replace(S_article, "---\ntitle", "--- \ntitle");
    char *text = tu_replace(a, "---\nBody in CommonMark.\n", "...\t\nBody");
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_string_equal(fm->lang, "en");
    assert_string_equal(body, "Body");
    assert_int_equal(body_line, 13);
    frontmatter_free(fm);
    free(a);
    free(text);

    /* The closing fence as the very last bytes. */
    const char *end_text = "---\ntitle: T\nsummary: S\ntopics: anatomy\ndate: 2026-11-20\n"
                           "reviewed: 2026-11-20\nreviewer: R\n---";
    fm = S_parse_ok(end_text, &body, &body_line);
    assert_ptr_equal(body, end_text + strlen(end_text));
    assert_int_equal(body_line, 9);
    frontmatter_free(fm);
}

static void test_missing_opening_fence(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad("title: T\n---\n", l);
    S_parse_bad("", l);
    S_parse_bad("----\ntitle: T\n----\n", l);
    S_parse_bad("\n---\ntitle: T\n---\n", l);
    assert_int_equal(diag_count(l), 4);
    for (size_t i = 0; i < 4; i++)
        S_assert_diag(l, i, ":1:1: error: the article must start with front matter: a line "
                            "'---', the fields (title, summary, topics, date, reviewed, "
                            "reviewer), and another '---' [front-matter]");
    diag_list_free(l);
}

static void test_unclosed_front_matter(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad("---\ntitle: T\nsummary: S\n", l);
    S_parse_bad("---", l);
    /* "..." does not open, and "----" does not close. */
    S_parse_bad("---\ntitle: T\n----\nBody\n", l);
    assert_int_equal(diag_count(l), 3);
    for (size_t i = 0; i < 3; i++)
        S_assert_diag(l, i, ":1:1: error: the front matter is not closed; add a line '---' after "
                            "its last field [front-matter]");
    diag_list_free(l);
}

static void test_nul_byte(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    static const char text[] = "---\ntitle: T\0x\n---\nBody\n";
    const char *body = NULL;
    unsigned body_line = 0;
    assert_null(frontmatter_parse(FILE_NAME, text, sizeof text - 1, l, &body, &body_line));
    assert_int_equal(diag_count(l), 1);
    S_assert_diag(l, 0, ":2:1: error: the front matter contains a NUL byte; the file may be damaged: save it again as plain UTF-8 text [front-matter]");
    diag_list_free(l);
}

static void test_not_key_value_lines(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad("---\n- title\n- summary\n---\n", l);
    S_parse_bad("---\n---\nBody\n", l);
    S_parse_bad("---\njust a sentence\n---\n", l);
    assert_int_equal(diag_count(l), 3);
    S_assert_diag(l, 0, ":2:1: error: the front matter must be 'key: value' lines (title, "
                        "summary, topics, date, reviewed, reviewer)");
    S_assert_diag(l, 1, ":1:1: error: the front matter must be 'key: value' lines (title, "
                        "summary, topics, date, reviewed, reviewer)");
    S_assert_diag(l, 2, ":2:1: error: the front matter must be 'key: value' lines (title, "
                        "summary, topics, date, reviewed, reviewer)");
    diag_list_free(l);
}

static void test_invalid_yaml_position(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("summary: \"One or two plain sentences.\"", "summary: One or two: plain", l);
    /* An unclosed quote on the last field: the YAML text ends at the closing fence. */
    S_parse_bad_with("lang: en", "lang: \"en", l);
    assert_int_equal(diag_count(l), 2);
    S_assert_diag(l, 0, ":3:20: error: invalid YAML: a ': ' appears where it cannot; put text "
                        "that contains ': ' in quotes, or fix the indentation (mapping values are "
                        "not allowed in this context) [yaml]");
    S_assert_diag(l, 1, ":11:7: error: invalid YAML: the text ends inside quotes or brackets; "
                        "close them (found unexpected end of stream while scanning a quoted "
                        "scalar) [yaml]");
    diag_list_free(l);
}

static void test_every_required_key_missing(void **state)
{
    (void)state;
    static const struct {
        const char *line, *key;
    } cases[] = {
        {"title: \"How the SMAS layer guides a thread lift\"\n", "title"},
        {"summary: \"One or two plain sentences.\"\n", "summary"},
        {"topics: [anatomy, thread-lift]\n", "topics"},
        {"date: 2026-11-20\n", "date"},
        {"reviewed: 2026-11-21\n", "reviewed"},
        {"reviewer: \"Medical review team\"\n", "reviewer"},
    };
    diag_list *l = diag_list_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        S_parse_bad_with(cases[i].line, "", l);
        assert_int_equal(diag_count(l), i + 1);
        char *want = xasprintf(":1:1: error: the front matter has no '%s'; every article "
                               "needs one: add a line '%s: ...' between the two '---' lines "
                               "[front-matter]",
                               cases[i].key, cases[i].key);
        S_assert_diag(l, i, want);
        free(want);
    }
    diag_list_free(l);
}

static void test_all_required_keys_missing(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad("---\nslug: x\n---\n", l);
    assert_int_equal(diag_count(l), 6);
    static const char *const keys[] = {"title", "summary", "topics", "date", "reviewed",
                                       "reviewer"};
    for (size_t i = 0; i < 6; i++) {
        char *want = xasprintf(":1:1: error: the front matter has no '%s'; every article "
                               "needs one: add a line '%s: ...' between the two '---' lines "
                               "[front-matter]",
                               keys[i], keys[i]);
        S_assert_diag(l, i, want);
        free(want);
    }
    diag_list_free(l);
}

static void test_unknown_key(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("title:", "titel:", l);
    S_parse_bad_with("lang: en\n", "lang: en\nauthor: \"Dr Kim\"\n", l);
    assert_int_equal(diag_count(l), 3);
    S_assert_diag(l, 0, ":2:1: error: unknown key 'titel' in the front matter; did you mean "
                        "'title'?");
    S_assert_diag(l, 1, ":1:1: error: the front matter has no 'title'; every article needs one: add a line 'title: ...' between the two '---' lines "
                        "[front-matter]");
    S_assert_diag(l, 2, ":12:1: error: unknown key 'author' in the front matter; the keys "
                        "allowed are: title, summary, topics, date, reviewed, reviewer, "
                        "procedures, slug, draft, lang, translation_of, source_reviewed");
    diag_list_free(l);
}

static void test_duplicate_key(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("lang: en\n", "lang: en\ntitle: \"Again\"\n", l);
    assert_int_equal(diag_count(l), 1);
    S_assert_diag(l, 0, ":12:1: error: duplicate key 'title' in the front matter; keep only one");
    diag_list_free(l);
}

static void test_wrong_types(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("title: \"How the SMAS layer guides a thread lift\"", "title: [a, b]", l);
    S_parse_bad_with("summary: \"One or two plain sentences.\"", "summary: \"  \"", l);
    S_parse_bad_with("reviewer: \"Medical review team\"", "reviewer:", l);
    assert_int_equal(diag_count(l), 3);
    S_assert_diag(l, 0, ":2:8: error: 'title' must be a text value, but it is a list");
    S_assert_diag(l, 1, ":3:10: error: 'summary' is empty; write some text");
    S_assert_diag(l, 2, ":7:10: error: 'reviewer' must be a text value, but it is nothing");
    diag_list_free(l);
}

static void test_bad_dates(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("date: 2026-11-20", "date: 2026-02-30", l);
    S_parse_bad_with("date: 2026-11-20", "date: 2026-13-01", l);
    S_parse_bad_with("reviewed: 2026-11-21", "reviewed: \"20 Nov 2026\"", l);
    S_parse_bad_with("reviewed: 2026-11-21", "reviewed: 2025-02-29", l);
    S_parse_bad_with("date: 2026-11-20", "date: [2026, 11, 20]", l);
    S_parse_bad_with("date: 2026-11-20", "date: ~", l);
    assert_int_equal(diag_count(l), 6);
    S_assert_diag(l, 0, ":5:7: error: 'date' is not a valid date: '2026-02-30'; write it as "
                        "YYYY-MM-DD, like 2026-11-20");
    S_assert_diag(l, 1, ":5:7: error: 'date' is not a valid date: '2026-13-01'; write it as "
                        "YYYY-MM-DD, like 2026-11-20");
    S_assert_diag(l, 2, ":6:11: error: 'reviewed' is not a valid date: '20 Nov 2026'; write it "
                        "as YYYY-MM-DD, like 2026-11-20");
    S_assert_diag(l, 3, ":6:11: error: 'reviewed' is not a valid date: '2025-02-29'; write it "
                        "as YYYY-MM-DD, like 2026-11-20");
    S_assert_diag(l, 4, ":5:7: error: 'date' must be a date written as YYYY-MM-DD, like "
                        "2026-11-20");
    S_assert_diag(l, 5, ":5:7: error: 'date' must be a date written as YYYY-MM-DD, like "
                        "2026-11-20");
    diag_list_free(l);
}

static void test_leap_day_is_valid(void **state)
{
    (void)state;
    char *text = tu_replace(S_article, "date: 2026-11-20", "date: 2024-02-29");
    const char *body;
    unsigned body_line;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_int_equal(fm->date.year, 2024);
    assert_int_equal(fm->date.month, 2);
    assert_int_equal(fm->date.day, 29);
    frontmatter_free(fm);
    free(text);
}

static void test_bad_slug_and_lang(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("slug: smas-thread-lift", "slug: SMAS_Thread", l);
    S_parse_bad_with("slug: smas-thread-lift", "slug: smas--lift", l);
    S_parse_bad_with("lang: en", "lang: english", l);
    S_parse_bad_with("lang: en", "lang: EN", l);
    assert_int_equal(diag_count(l), 4);
    S_assert_diag(l, 0, ":9:7: error: 'slug' may use only lower-case letters, digits and "
                        "hyphens, not 'SMAS_Thread'");
    S_assert_diag(l, 1, ":9:7: error: 'slug' may use only lower-case letters, digits and "
                        "hyphens, not 'smas--lift'");
    S_assert_diag(l, 2, ":11:7: error: 'lang' must be a language code such as en or ko, not "
                        "'english'");
    S_assert_diag(l, 3, ":11:7: error: 'lang' must be a language code such as en or ko, not "
                        "'EN'");
    diag_list_free(l);
}

static void test_lang_korean(void **state)
{
    (void)state;
    char *text = tu_replace(S_article, "lang: en", "lang: ko-KR");
    const char *body;
    unsigned body_line;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_string_equal(fm->lang, "ko-KR");
    frontmatter_free(fm);
    free(text);
}

static void test_topics_single_scalar(void **state)
{
    (void)state;
    char *text = tu_replace(S_article, "topics: [anatomy, thread-lift]", "topics: anatomy");
    const char *body;
    unsigned body_line;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_int_equal(fm->n_topics, 1);
    assert_string_equal(fm->topics[0].id, "anatomy");
    assert_int_equal(fm->topics[0].line, 4);
    assert_int_equal(fm->topics[0].column, 9);
    frontmatter_free(fm);
    free(text);

    text = tu_replace(S_article, "procedures: [thread-lift]", "procedures: mini-lift");
    fm = S_parse_ok(text, &body, &body_line);
    assert_int_equal(fm->n_procedures, 1);
    assert_string_equal(fm->procedures[0].id, "mini-lift");
    assert_int_equal(fm->procedures[0].line, 8);
    assert_int_equal(fm->procedures[0].column, 13);
    frontmatter_free(fm);
    free(text);
}

static void test_duplicate_ids(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("topics: [anatomy, thread-lift]", "topics: [anatomy, thread-lift, anatomy]",
                     l);
    S_parse_bad_with("procedures: [thread-lift]", "procedures:\n  - thread-lift\n  - thread-lift",
                     l);
    assert_int_equal(diag_count(l), 2);
    S_assert_diag(l, 0, ":4:32: error: 'topics' lists 'anatomy' twice; keep one");
    S_assert_diag(l, 1, ":10:5: error: 'procedures' lists 'thread-lift' twice; keep one");
    diag_list_free(l);
}

static void test_bad_id_lists(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("topics: [anatomy, thread-lift]", "topics: {anatomy: yes}", l);
    S_parse_bad_with("topics: [anatomy, thread-lift]", "topics: [anatomy, ~]", l);
    S_parse_bad_with("procedures: [thread-lift]", "procedures: [[thread-lift]]", l);
    assert_int_equal(diag_count(l), 3);
    S_assert_diag(l, 0, ":4:9: error: 'topics' must be a list, like [a, b] or lines starting "
                        "with '- ', but it is a mapping (key: value lines)");
    S_assert_diag(l, 1, ":4:19: error: each of 'topics' must be a text value, but it is nothing");
    S_assert_diag(l, 2, ":8:14: error: each of 'procedures' must be a text value, but it is a "
                        "list");
    diag_list_free(l);
}

static void test_empty_topics(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("topics: [anatomy, thread-lift]", "topics: []", l);
    S_parse_bad_with("topics: [anatomy, thread-lift]", "topics:", l);
    assert_int_equal(diag_count(l), 2);
    S_assert_diag(l, 0, ":4:9: error: 'topics' is empty; list at least one topic from site.yaml");
    S_assert_diag(l, 1, ":4:8: error: 'topics' must be a list, like [a, b] or lines starting "
                        "with '- ', but it is nothing");
    diag_list_free(l);
}

/* With site.yaml at hand, an empty topic list names every topic, in the article's language. */
static void test_empty_topics_lists_the_topics(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("frontmatter");
    char *site = tu_write_file(dir, "site.yaml",
                               "base_url: https://example.org/\n"
                               "review_max_age_days: 365\n"
                               "translation_max_lag_days: 90\n"
                               "languages:\n"
                               "  - code: ko\n"
                               "    title: 얼굴 리프팅\n"
                               "    disclaimer: 일반적인 정보입니다.\n"
                               "    notices: {before_after: 사진은 환자의 동의를 받았습니다.}\n"
                               "  - code: en\n"
                               "    title: Facial lifting\n"
                               "    disclaimer: General information.\n"
                               "    notices: {before_after: Shown with consent.}\n"
                               "topics:\n"
                               "  - {id: anatomy, title: {ko: 얼굴의 층 구조, en: Facial anatomy},"
                               " description: {ko: 층., en: Layers.}}\n"
                               "  - {id: thread-lift, title: {ko: 실리프팅, en: Thread lifts},"
                               " description: {ko: 실., en: Threads.}}\n");
    diag_list *l = diag_list_new();
    config *cfg = config_load(site, l);
    if (!cfg)
        diag_list_print(l, stderr);
    assert_non_null(cfg);
    assert_int_equal(diag_count(l), 0);
    char *text = tu_replace(S_article, "topics: [anatomy, thread-lift]", "topics: []");
    const char *body;
    unsigned body_line;
    frontmatter_site en = {.cfg = cfg, .lang = "en"}, ko = {.cfg = cfg, .lang = "ko-KR"};
    assert_null(frontmatter_parse_for(FILE_NAME, text, strlen(text), &en, l, &body, &body_line));
    assert_null(frontmatter_parse_for(FILE_NAME, text, strlen(text), &ko, l, &body, &body_line));
    assert_int_equal(diag_count(l), 2);
    S_assert_diag(l, 0, ":4:9: error: 'topics' is empty; list at least one of the topics in "
                        "site.yaml: anatomy (Facial anatomy), thread-lift (Thread lifts)");
    S_assert_diag(l, 1, ":4:9: error: 'topics'가 비어 있습니다. site.yaml에 있는 주제 가운데 "
                        "하나 이상을 쓰세요: anatomy (얼굴의 층 구조), thread-lift (실리프팅)");
    free(text);
    config_free(cfg);
    diag_list_free(l);
    free(site);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

/* A Korean article's (or page's) front matter is told its mistakes in Korean: one case per
 * message, each the first mistake of S_article with one replacement. */
static void test_korean_messages(void **state)
{
    (void)state;
    static const struct {
        bool page;
        const char *find, *repl, *want;
    } cases[] = {
        {false, "---\ntitle", "title",
         ":1:1: error: 글은 프런트 매터로 시작해야 합니다. '---' 한 줄, 항목들(title, summary, "
         "topics, date, reviewed, reviewer), 그리고 다시 '---' 한 줄을 써 주십시오"},
        {true, "---\ntitle", "title",
         ":1:1: error: 페이지는 프런트 매터로 시작해야 합니다. '---' 한 줄, 항목들(title, "
         "summary, reviewed), 그리고 다시 '---' 한 줄을 써 주십시오"},
        {false, "---\nBody", "Body",
         ":1:1: error: 프런트 매터가 닫히지 않았습니다. 마지막 항목 뒤에 '---' 한 줄을 넣어 "
         "주십시오"},
        {false, "title: \"How the SMAS layer guides a thread lift\"\n", "",
         ":1:1: error: 프런트 매터에 'title'이(가) 없습니다. 모든 글에 필요하니 두 '---' 줄 "
         "사이에 'title: ...' 한 줄을 넣어 주십시오"},
        {false, "slug: smas-thread-lift", "slug: Smas Lift",
         ":9:7: error: 'slug'에는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다. 'Smas Lift'은(는) "
         "쓸 수 없습니다"},
        {false, "date: 2026-11-20", "date: ~",
         ":5:7: error: 'date'에는 날짜를 2026-11-20처럼 YYYY-MM-DD 형식으로 써 주십시오"},
        {false, "date: 2026-11-20", "date: 2026-02-30",
         ":5:7: error: 'date'의 '2026-02-30'은(는) 올바른 날짜가 아닙니다. 2026-11-20처럼 "
         "YYYY-MM-DD 형식으로 써 주십시오"},
        {false, "lang: en", "lang: korean language",
         ":11:7: error: 'lang'에는 'korean language'이(가) 아니라 en이나 ko 같은 언어 코드를 "
         "써 주십시오"},
        {false, "topics: [anatomy, thread-lift]", "topics: [anatomy, anatomy]",
         ":4:19: error: 'topics'에 'anatomy'이(가) 두 번 있습니다. 하나만 남겨 주십시오"},
        {false, "lang: en", "lang: ko\ntranslation_of: en",
         ":12:17: error: 번역에는 'source_reviewed'가 필요합니다. 따르는 원문의 'reviewed' "
         "날짜를 'source_reviewed: 2026-11-20'처럼 써 주십시오"},
        {false, "lang: en", "lang: ko\nsource_reviewed: 2026-11-20",
         ":12:18: error: 'source_reviewed'는 번역에 쓰는 항목입니다. 'translation_of'(원문의 "
         "언어)를 더하거나 이 항목을 지워 주십시오"},
        /* The generic YAML mistakes (yamldoc.h), in Korean too. */
        {false, "reviewer:", "reviwer:",
         ":7:1: error: 'reviwer'은(는) 프런트 매터에 쓸 수 있는 키가 아닙니다. 'reviewer'을(를) "
         "쓰려던 것인지 확인해 주십시오"},
        {false, "draft: false", "zzzzzzzz: false",
         ":10:1: error: 'zzzzzzzz'은(는) 프런트 매터에 쓸 수 있는 키가 아닙니다. 쓸 수 있는 "
         "키: title, summary, topics,"},
        {false, "draft: false", "draft: maybe",
         ":10:8: error: 'draft'에는 true나 false를 써 주십시오"},
        {false, "title: \"How the SMAS layer guides a thread lift\"", "title: [a, b]",
         ":2:8: error: 'title'에는 글자로 된 값을 써야 하는데 목록입니다"},
        {false, "summary: \"One or two plain sentences.\"", "summary: \"  \"",
         ":3:10: error: 'summary'이(가) 비어 있습니다. 내용을 써 주십시오"},
        {false, "topics: [anatomy, thread-lift]", "topics: [anatomy, [a]]",
         ":4:19: error: 'topics'의 각 항목에는 글자로 된 값을 써야 하는데 목록입니다"},
        {false, "topics: [anatomy, thread-lift]", "topics: {a: b}",
         ":4:9: error: 'topics'은(는) [a, b]나 '- '로 시작하는 줄로 된 목록이어야 하는데 "
         "매핑('key: value' 줄)입니다"},
        {true, "title: \"About\"\nsummary: \"S.\"\nreviewed: 2026-11-21\n", "- a\n- b\n",
         ":2:1: error: 프런트 매터는 'key: value' 줄(title, summary, reviewed)로 써야 합니다"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *text = S_article;
        char *page = NULL;
        if (cases[i].page)
            text = page = xstrdup("---\ntitle: \"About\"\nsummary: \"S.\"\n"
                                  "reviewed: 2026-11-21\n---\nText.\n");
        char *changed = tu_replace(text, cases[i].find, cases[i].repl);
        frontmatter_site ko = {.lang = "ko", .page = cases[i].page};
        diag_list *l = diag_list_new();
        const char *body;
        unsigned body_line;
        assert_null(frontmatter_parse_for(FILE_NAME, changed, strlen(changed), &ko, l, &body,
                                          &body_line));
        /* The message, and whatever category it is filed under. */
        char *got = diag_count(l) ? diag_format(diag_get(l, 0)) : xstrdup("(nothing)");
        char *want = xasprintf("%s%s", FILE_NAME, cases[i].want);
        if (strncmp(got, want, strlen(want)) != 0)
            fail_msg("case %zu: %zu finding(s), the first\n  %s\nwanted\n  %s", i,
                     diag_count(l), got, want);
        free(want);
        free(got);
        diag_list_free(l);
        free(changed);
        free(page);
    }
}

/* "every mistake, not only the first": an empty topic list is reported beside other errors. */
static void test_empty_topics_beside_other_errors(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    char *a = tu_replace(S_article, "topics: [anatomy, thread-lift]", "topics: []");
    char *text = tu_replace(a, "date: 2026-11-20", "date: 2026-02-30");
    S_parse_bad(text, l);
    free(a);
    free(text);
    /* Read everything out and free it first, so that a failure leaks nothing. */
    size_t n = diag_count(l);
    char *first = n > 0 ? diag_format(diag_get(l, 0)) : xstrdup("");
    char *second = n > 1 ? diag_format(diag_get(l, 1)) : xstrdup("(nothing)");
    diag_list_free(l);
    char *want_first = xasprintf("%s:5:7: error: 'date' is not a valid date: '2026-02-30'; write "
                                 "it as YYYY-MM-DD, like 2026-11-20",
                                 FILE_NAME);
    char *want_second = xasprintf("%s:4:9: error: 'topics' is empty; list at least one topic "
                                  "from site.yaml",
                                  FILE_NAME);
    bool ok = n == 2 && strcmp(first, want_first) == 0 && strcmp(second, want_second) == 0;
    if (!ok)
        print_error("got %zu diagnostics:\n  %s\n  %s\nwanted:\n  %s\n  %s\n", n, first, second,
                    want_first, want_second);
    free(first);
    free(second);
    free(want_first);
    free(want_second);
    assert_true(ok);
}

static void test_every_mistake_is_reported(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    const char *text = "---\n"
                       "titel: T\n"
                       "summary: \"\"\n"
                       "topics: [anatomy, anatomy]\n"
                       "date: 2026-13-01\n"
                       "reviewed: 2026-11-20\n"
                       "draft: sometimes\n"
                       "---\n";
    S_parse_bad(text, l);
    assert_int_equal(diag_count(l), 7);
    S_assert_diag(l, 0, ":2:1: error: unknown key 'titel' in the front matter; did you mean "
                        "'title'?");
    S_assert_diag(l, 1, ":1:1: error: the front matter has no 'title'; every article needs one: add a line 'title: ...' between the two '---' lines "
                        "[front-matter]");
    S_assert_diag(l, 2, ":1:1: error: the front matter has no 'reviewer'; every article needs one: add a line 'reviewer: ...' between the two '---' lines "
                        "[front-matter]");
    S_assert_diag(l, 3, ":3:10: error: 'summary' is empty; write some text");
    S_assert_diag(l, 4, ":5:7: error: 'date' is not a valid date: '2026-13-01'; write it as "
                        "YYYY-MM-DD, like 2026-11-20");
    S_assert_diag(l, 5, ":7:8: error: 'draft' must be true or false");
    S_assert_diag(l, 6, ":4:19: error: 'topics' lists 'anatomy' twice; keep one");
    diag_list_free(l);
}

static void test_translation(void **state)
{
    (void)state;
    char *text = tu_replace(S_article, "lang: en\n",
                            "lang: ko\ntranslation_of: en\nsource_reviewed: 2026-11-20\n");
    const char *body;
    unsigned body_line;
    frontmatter *fm = S_parse_ok(text, &body, &body_line);
    assert_string_equal(fm->lang, "ko");
    assert_string_equal(fm->translation_of, "en");
    assert_int_equal(fm->source_reviewed.year, 2026);
    assert_int_equal(fm->source_reviewed.month, 11);
    assert_int_equal(fm->source_reviewed.day, 20);
    assert_int_equal(fm->lang_at.line, 11);
    assert_int_equal(fm->translation_of_at.line, 12);
    assert_int_equal(fm->translation_of_at.column, 17);
    assert_int_equal(fm->source_reviewed_at.line, 13);
    frontmatter_free(fm);
    free(text);
    fm = S_parse_ok(S_article, &body, &body_line);
    assert_null(fm->translation_of);
    assert_int_equal(fm->translation_of_at.line, 0);
    frontmatter_free(fm);
}

static void test_translation_errors(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    S_parse_bad_with("lang: en\n", "translation_of: en\n", l);
    assert_int_equal(diag_count(l), 1);
    S_assert_diag(l, 0, ":11:17: error: a translation needs 'source_reviewed': the 'reviewed' "
                        "date of the source it follows, like 'source_reviewed: 2026-11-20'");
    diag_list_free(l);
    l = diag_list_new();
    S_parse_bad_with("lang: en\n", "source_reviewed: 2026-11-20\n", l);
    assert_int_equal(diag_count(l), 1);
    S_assert_diag(l, 0, ":11:18: error: 'source_reviewed' is for a translation; add "
                        "'translation_of' (the source's language), or remove it");
    diag_list_free(l);
    l = diag_list_new();
    S_parse_bad_with("lang: en\n", "translation_of: English\nsource_reviewed: 2026-13-01\n", l);
    assert_int_equal(diag_count(l), 2);
    S_assert_diag(l, 0, ":11:17: error: 'translation_of' must be a language code such as en or "
                        "ko, not 'English'");
    S_assert_diag(l, 1, ":12:18: error: 'source_reviewed' is not a valid date: '2026-13-01'; "
                        "write it as YYYY-MM-DD, like 2026-11-20");
    diag_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_article),
        cmocka_unit_test(test_optional_keys_absent),
        cmocka_unit_test(test_draft_true),
        cmocka_unit_test(test_bad_draft),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_fences_with_trailing_space_and_dots),
        cmocka_unit_test(test_missing_opening_fence),
        cmocka_unit_test(test_unclosed_front_matter),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_not_key_value_lines),
        cmocka_unit_test(test_invalid_yaml_position),
        cmocka_unit_test(test_every_required_key_missing),
        cmocka_unit_test(test_all_required_keys_missing),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_bad_dates),
        cmocka_unit_test(test_leap_day_is_valid),
        cmocka_unit_test(test_bad_slug_and_lang),
        cmocka_unit_test(test_lang_korean),
        cmocka_unit_test(test_topics_single_scalar),
        cmocka_unit_test(test_duplicate_ids),
        cmocka_unit_test(test_bad_id_lists),
        cmocka_unit_test(test_empty_topics),
        cmocka_unit_test(test_empty_topics_lists_the_topics),
        cmocka_unit_test(test_empty_topics_beside_other_errors),
        cmocka_unit_test(test_korean_messages),
        cmocka_unit_test(test_every_mistake_is_reported),
        cmocka_unit_test(test_translation),
        cmocka_unit_test(test_translation_errors),
    };
    return cmocka_run_group_tests_name("frontmatter", tests, NULL, NULL);
}
