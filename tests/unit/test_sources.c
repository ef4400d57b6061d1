/*
 * test_sources.c: content/sources.yaml (sources.h): a valid bibliography read in full, no
 * file as an empty one, every mistake reported at its place with what to write instead,
 * and the DOI, PMID and address checks on their own.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "content/sources.h"

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "sources", "sources.yaml");
}

static const char S_valid[] =
    "sources:\n"
    "  - id: mitz1976\n"
    "    authors: \"Mitz V, Peyronie M\"\n"
    "    title: \"The superficial musculo-aponeurotic system (SMAS) in the parotid and "
    "cheek area\"\n"
    "    journal: Plastic and Reconstructive Surgery\n"
    "    year: 1976\n"
    "    doi: 10.1097/00006534-197607000-00013\n"
    "    pmid: 935283\n"
    "  - id: guideline\n"
    "    authors: Example Society\n"
    "    title: A guideline\n"
    "    publisher: Example Society\n"
    "    year: 2020\n"
    "    url: https://www.example.org/guideline\n"
    "    language: ko\n";

static void test_valid(void **state)
{
    tu_fixture *f = *state;
    tu_fixture_write(f, S_valid);
    sources *s = sources_load(f->path, f->diags);
    assert_int_equal(diag_count(f->diags), 0);
    assert_non_null(s);
    assert_int_equal(s->n, 2);
    const source_entry *m = sources_find(s, "mitz1976");
    assert_non_null(m);
    assert_string_equal(m->authors, "Mitz V, Peyronie M");
    assert_string_equal(m->journal, "Plastic and Reconstructive Surgery");
    assert_null(m->publisher);
    assert_int_equal(m->year, 1976);
    assert_string_equal(m->doi, "10.1097/00006534-197607000-00013");
    assert_string_equal(m->pmid, "935283");
    assert_null(m->url);
    assert_string_equal(m->language, "en"); /* not given: English */
    assert_int_equal(m->line, 2);
    assert_int_equal(m->column, 5);
    const source_entry *g = sources_find(s, "guideline");
    assert_non_null(g);
    assert_null(g->journal);
    assert_string_equal(g->publisher, "Example Society");
    assert_string_equal(g->url, "https://www.example.org/guideline");
    assert_string_equal(g->language, "ko");
    assert_null(sources_find(s, "stuzin1992"));
    assert_string_equal(sources_suggest(s, "mitz1967"), "mitz1976");
    assert_null(sources_suggest(s, "completely-different"));
    sources_free(s);
}

static void test_no_file_is_empty(void **state)
{
    tu_fixture *f = *state;
    sources *s = sources_load(f->path, f->diags);
    assert_non_null(s);
    assert_int_equal(s->n, 0);
    assert_int_equal(diag_count(f->diags), 0);
    assert_null(sources_find(s, "mitz1976"));
    assert_null(sources_suggest(s, "mitz1976"));
    sources_free(s);
}

/* Load text, in Korean when korean, which must fail; its diagnostics, sorted, must read
 * want[0..n). */
static void S_expect_errors_in(tu_fixture *f, bool korean, const char *text,
                               const char *const *want, size_t n)
{
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    tu_fixture_write(f, text);
    assert_null(sources_load_in(f->path, korean, f->diags));
    diag_list_sort(f->diags);
    if (diag_count(f->diags) != n) {
        for (size_t i = 0; i < diag_count(f->diags); i++) {
            char *line = diag_format(diag_get(f->diags, i));
            print_message("%s\n", line);
            free(line);
        }
        fail_msg("%zu diagnostics, expected %zu", diag_count(f->diags), n);
    }
    for (size_t i = 0; i < n; i++)
        tu_expect_diag_prefixed(f->diags, i, f->path, want[i]);
}

/* Two sources with a wrong doi, pmid and url, and a doi written as an address. */
static const char S_bad_locators[] = "sources:\n"
                                     "  - id: a\n"
                                     "    authors: A\n"
                                     "    title: T\n"
                                     "    journal: J\n"
                                     "    year: 2001\n"
                                     "    doi: 10.10/x\n"
                                     "    pmid: 0123\n"
                                     "    url: www.example.org\n"
                                     "  - id: b\n"
                                     "    authors: B\n"
                                     "    title: T\n"
                                     "    journal: J\n"
                                     "    year: 2001\n"
                                     "    doi: https://doi.org/10.1097/00006534-197607000-00013\n";

/* S_expect_errors_in in English, as sources_load tells them. */
static void S_expect_errors(tu_fixture *f, const char *text, const char *const *want, size_t n)
{
    S_expect_errors_in(f, false, text, want, n);
}

/* On a Korean-first site (sources_load_in, korean), the same mistakes are told in Korean. */
static void test_korean_messages(void **state)
{
    tu_fixture *f = *state;
    static const char *const missing[] = {
        ":2:5: error: 출처 'bare'에 'authors'이(가) 없습니다. \"Mitz V, Peyronie M\"처럼 "
        "출처에 적힌 대로 추가해 주십시오",
        ":2:5: error: 출처 'bare'에 'title'이(가) 없습니다. 발표된 제목을 추가해 주십시오",
        ":2:5: error: 출처 'bare'이(가) 어디에 실렸는지 알 수 없습니다. 'journal'을, 책이나 "
        "보고서라면 'publisher'를 추가해 주십시오",
        ":2:5: error: 출처 'bare'에 'year'가 없습니다. 발표된 연도를 추가해 주십시오",
        ":2:5: error: 출처 'bare'을(를) 찾을 방법이 없습니다. 'doi', 'pmid', 'url' 가운데 "
        "하나를 추가해 주십시오",
    };
    S_expect_errors_in(f, true, "sources:\n  - id: bare\n", missing,
                       sizeof missing / sizeof *missing);
    static const char *const locators[] = {
        ":7:10: error: '10.10/x'은(는) DOI가 아닙니다. DOI는 10., 4~9자리 숫자, '/'로 "
        "시작하니 10.1097/00006534-197607000-00013처럼 써 주십시오",
        ":8:11: error: 출처 'a'의 'pmid'에는 940929처럼 1~8자리 PubMed 번호를 써 주십시오",
        ":9:10: error: 출처 'a'의 'url'에는 'www.example.org'이(가) 아니라 "
        "https://www.example.org/report처럼 전체 웹 주소를 써 주십시오",
        ":15:10: error: 출처 'b'의 DOI는 앞에 'https://doi.org/'나 'doi:'를 붙이지 말고 "
        "10.1097/00006534-197607000-00013처럼 DOI만 써 주십시오",
    };
    S_expect_errors_in(f, true, S_bad_locators, locators, sizeof locators / sizeof *locators);
    static const char *const twice[] = {
        ":3:9: error: 출처 'a'이(가) 두 번 있습니다. 하나만 남겨 주십시오",
    };
    S_expect_errors_in(f, true,
                       "sources:\n  - {id: a, authors: A, title: T, journal: J, year: 2001, "
                       "pmid: 1}\n  - id: a\n",
                       twice, 1);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    tu_fixture_write(f, "sources: [\n");
    assert_null(sources_load_in(f->path, true, f->diags));
    assert_int_equal(diag_count(f->diags), 1);
    assert_true(str_starts_with(diag_get(f->diags, 0)->message, "YAML 형식 오류"));
}

static void test_missing_fields(void **state)
{
    tu_fixture *f = *state;
    static const char *const want[] = {
        ":2:5: error: source 'bare' has no 'authors'; add them as the source lists them, like "
        "\"Mitz V, Peyronie M\"",
        ":2:5: error: source 'bare' has no 'title'; add its title as published",
        ":2:5: error: source 'bare' does not say where it appeared; add its 'journal', or the "
        "'publisher' of a book or report",
        ":2:5: error: source 'bare' has no 'year'; add the year it was published",
        ":2:5: error: source 'bare' gives no way to find it; add its 'doi', its 'pmid' or its "
        "'url'",
    };
    S_expect_errors(f, "sources:\n  - id: bare\n", want, sizeof want / sizeof *want);
}

static void test_bad_locators(void **state)
{
    tu_fixture *f = *state;
    static const char *const want[] = {
        ":7:10: error: '10.10/x' is not a DOI; a DOI starts with 10., a number of 4 to 9 "
        "digits and a '/', like 10.1097/00006534-197607000-00013",
        ":8:11: error: 'pmid' of source 'a' must be a PubMed number of 1 to 8 digits, like "
        "940929",
        ":9:10: error: 'url' of source 'a' must be a full web address, like "
        "https://www.example.org/report, not 'www.example.org'",
        ":15:10: error: write the DOI of source 'b' alone, like "
        "10.1097/00006534-197607000-00013, without 'https://doi.org/' or 'doi:' in front",
    };
    S_expect_errors(f, S_bad_locators, want, sizeof want / sizeof *want);
}

static void test_journal_and_publisher_year_and_duplicates(void **state)
{
    tu_fixture *f = *state;
    tu_fixture_write(f, "sources:\n"
                        "  - id: a\n"
                        "    authors: A\n"
                        "    title: T\n"
                        "    journal: J\n"
                        "    publisher: P\n"
                        "    year: 1700\n"
                        "    pmid: 1\n"
                        "  - id: a\n"
                        "    authors: A\n"
                        "    title: T\n"
                        "    journal: J\n"
                        "    year: 2001\n"
                        "    pmid: 2\n"
                        "  - id: Bad_Id\n"
                        "    language: Korean!\n");
    assert_null(sources_load(f->path, f->diags));
    diag_list_sort(f->diags);
    size_t n = diag_count(f->diags);
    strbuf all = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char *line = diag_format(diag_get(f->diags, i));
        strbuf_printf(&all, "%s\n", line);
        free(line);
    }
    const char *text = strbuf_str(&all);
    static const char *const parts[] = {
        ":6:16: error: source 'a' has both a 'journal' and a 'publisher'; keep the one it "
        "appeared in",
        ":7:11: error: 'year' of source 'a'",
        ":9:9: error: source 'a' is listed twice; keep one",
        ":15:9: error: source id 'Bad_Id' may use only lower-case letters, digits and "
        "hyphens",
        ":15:5: error: source 'Bad_Id' has no 'title'; add its title as published",
        ":16:15: error: 'language' of source 'Bad_Id' must be the language code of its "
        "title, like en or ko, not 'Korean!'",
    };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (!strstr(text, parts[i]))
            fail_msg("no '%s' in:\n%s", parts[i], text);
    strbuf_free(&all);
}

static void test_checks_alone(void **state)
{
    (void)state;
    assert_true(sources_doi_valid("10.1097/00006534-197607000-00013"));
    assert_true(sources_doi_valid("10.1093/asj/sjab123"));
    assert_true(sources_doi_valid("10.1016/S0140-6736(20)30183-5"));
    assert_false(sources_doi_valid("10.109/abc"));         /* registrant too short */
    assert_false(sources_doi_valid("10.1097/"));           /* no suffix */
    assert_false(sources_doi_valid("11.1097/abc"));
    assert_false(sources_doi_valid("10.1097/a b"));        /* a space */
    assert_false(sources_doi_valid("doi:10.1097/abc"));
    assert_false(sources_doi_valid(NULL));
    assert_true(sources_pmid_valid("940929"));
    assert_true(sources_pmid_valid("12345678"));
    assert_false(sources_pmid_valid("123456789"));
    assert_false(sources_pmid_valid("0940929"));
    assert_false(sources_pmid_valid("94a"));
    assert_false(sources_pmid_valid(""));
    assert_true(sources_url_valid("https://www.example.org/a?b=c"));
    assert_true(sources_url_valid("http://example.org"));
    assert_false(sources_url_valid("ftp://example.org/x"));
    assert_false(sources_url_valid("www.example.org"));
    assert_false(sources_url_valid("https:///path"));
    assert_false(sources_url_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_valid, S_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_no_file_is_empty, S_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_missing_fields, S_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_korean_messages, S_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_bad_locators, S_setup, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_journal_and_publisher_year_and_duplicates,
                                        S_setup, tu_fixture_teardown),
        cmocka_unit_test(test_checks_alone),
    };
    return cmocka_run_group_tests_name("sources", tests, NULL, NULL);
}
