/*
 * test_reviewers.c: end-to-end tests of named medical reviewers, the clinic's identity and
 * `suture build --release`, on a copy of the project's own content/ (Korean and English,
 * with the example values site.yaml ships) and templates/: the byline in both languages,
 * the JSON-LD reviewer and publisher, an unknown reviewer id in each language, and a
 * release build that refuses every example value, leaves a published site as it was, and
 * publishes once the values are no examples.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

/* A temporary folder with a copy of the project's content/ and templates/. */
static char *S_project(void)
{
    char *dir = e2e_tmpdir();
    assert_non_null(dir);
    char *from = path_join(S_root, "content");
    char *content = path_join(dir, "content");
    char *tpl = path_join(S_root, "templates");
    char *templates = path_join(dir, "templates");
    assert_int_equal(copy_tree(from, content, NULL, NULL), 0);
    assert_int_equal(copy_tree(tpl, templates, NULL, NULL), 0);
    free(from);
    free(content);
    free(tpl);
    free(templates);
    return dir;
}

static void S_remove(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* suture build [--release] in dir, into site/; the status, stderr in *err. */
static int S_build(const char *dir, bool release, char **err)
{
    const char *args[] = {"build", "--content", "content", "--templates", "templates",
                          "--out", "site", release ? "--release" : NULL, NULL};
    return e2e_run(dir, args, err);
}

static xmlDocPtr S_page(const char *dir, const char *rel)
{
    char *path = xasprintf("%s/site/%s", dir, rel);
    xmlDocPtr doc = e2e_html(path);
    free(path);
    assert_non_null(doc);
    return doc;
}

static void S_expect_string(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = e2e_string(doc, expr);
    if (strcmp(got, want) != 0)
        fail_msg("%s is '%s', expected '%s'", expr, got, want);
    free(got);
}

/* The byline names the reviewer of site.yaml and their credentials, in the page's words. */
static void test_byline_in_both_languages(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    assert_int_equal(S_build(dir, false, &err), 0);
    free(err);
    xmlDocPtr ko = S_page(dir, "articles/face-layers-smas/index.html");
    S_expect_string(ko, "normalize-space(//p[@class='byline']/span[@class='byline-review'])",
                    "의료진 감수: 예시 검토의 (성형외과 전문의) · 최종 검토일 2026년 12월 6일");
    S_expect_string(ko, "//p[@class='byline']/span/span[@class='reviewer']", "예시 검토의");
    S_expect_string(ko, "//p[@class='byline']/span/span[@class='credentials']", "성형외과 전문의");
    xmlFreeDoc(ko);
    xmlDocPtr en = S_page(dir, "en/articles/face-layers-smas/index.html");
    S_expect_string(en, "normalize-space(//p[@class='byline']/span[@class='byline-review'])",
                    "Medically reviewed by Example Reviewer, Board-certified plastic surgeon, "
                    "on 6 December 2026");
    S_expect_string(en, "//p[@class='byline']/span[@class='byline-review']/time/@datetime", "2026-12-06");
    xmlFreeDoc(en);
    S_remove(dir);
}

/* reviewedBy is a Person with jobTitle; the clinic is the publisher, in the page's language. */
static void test_json_ld_person_and_clinic(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    assert_int_equal(S_build(dir, false, &err), 0);
    free(err);
    static const struct {
        const char *page, *name, *job, *clinic, *street;
    } cases[] = {
        {"articles/face-layers-smas/index.html", "예시 검토의", "성형외과 전문의",
         "예시 성형외과", "(예시) 서울특별시 예시구 예시로 00"},
        {"en/articles/face-layers-smas/index.html", "Example Reviewer",
         "Board-certified plastic surgeon", "Example Plastic Surgery Clinic",
         "(Example) 00 Example-ro, Example-gu, Seoul"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xmlDocPtr doc = S_page(dir, cases[i].page);
        char *ld = e2e_string(doc, "/html/head/script[@type='application/ld+json']");
        json_error_t jerr;
        json_t *j = json_loads(ld, 0, &jerr);
        assert_non_null(j);
        json_t *by = json_object_get(j, "reviewedBy");
        assert_string_equal(json_string_value(json_object_get(by, "@type")), "Person");
        assert_string_equal(json_string_value(json_object_get(by, "name")), cases[i].name);
        assert_string_equal(json_string_value(json_object_get(by, "jobTitle")), cases[i].job);
        json_t *pub = json_object_get(j, "publisher");
        assert_string_equal(json_string_value(json_object_get(pub, "@type")), "MedicalClinic");
        assert_string_equal(json_string_value(json_object_get(pub, "name")), cases[i].clinic);
        assert_string_equal(json_string_value(json_object_get(pub, "telephone")),
                            "+82 2-0000-0000");
        json_t *address = json_object_get(pub, "address");
        assert_string_equal(json_string_value(json_object_get(address, "@type")),
                            "PostalAddress");
        assert_string_equal(json_string_value(json_object_get(address, "streetAddress")),
                            cases[i].street);
        json_decref(j);
        free(ld);
        xmlFreeDoc(doc);
    }
    S_remove(dir);
}

/* An id site.yaml does not declare, at the value, in the article's language: with the
 * closest id when one is close, with every declared reviewer in any case. */
static void test_unknown_reviewer(void **state)
{
    (void)state;
    static const char *const en = "content/articles/en/face-layers-smas.md";
    static const char *const ko = "content/articles/ko/face-layers-smas.md";
    static const struct {
        const char *en_id, *ko_id, *en_line, *ko_line;
    } cases[] = {
        {"example-reviewr", "kim",
         "content/articles/en/face-layers-smas.md:7:11: error: unknown reviewer "
         "'example-reviewr'; did you mean 'example-reviewer'? The reviewers in "
         "content/site.yaml are: example-reviewer (Example Reviewer) [front-matter]",
         "content/articles/ko/face-layers-smas.md:7:11: error: 'kim'(이)라는 검토자가 "
         "없습니다. 'reviewer:'에는 content/site.yaml에 있는 검토자의 id를 쓰세요: "
         "example-reviewer (예시 검토의) [front-matter]"},
        {"Medical review team", "example-reviwer",
         "content/articles/en/face-layers-smas.md:7:11: error: unknown reviewer 'Medical "
         "review team'; 'reviewer:' takes the id of one of the reviewers in "
         "content/site.yaml: example-reviewer (Example Reviewer) [front-matter]",
         "content/articles/ko/face-layers-smas.md:7:11: error: 'example-reviwer'(이)라는 "
         "검토자가 없습니다. 'example-reviewer'을(를) 쓰려던 것인가요? content/site.yaml에 "
         "있는 검토자: example-reviewer (예시 검토의) [front-matter]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *dir = S_project();
        char *en_value = xasprintf("reviewer: %s\n", cases[i].en_id);
        char *ko_value = xasprintf("reviewer: %s\n", cases[i].ko_id);
        assert_true(e2e_edit(dir, en, "reviewer: example-reviewer\n", en_value));
        assert_true(e2e_edit(dir, ko, "reviewer: example-reviewer\n", ko_value));
        char *err = NULL;
        assert_int_equal(S_build(dir, false, &err), 1);
        if (!e2e_has_line(err, cases[i].en_line) || !e2e_has_line(err, cases[i].ko_line))
            fail_msg("expected\n%s\n%s\nin:\n%s", cases[i].en_line, cases[i].ko_line, err);
        char *site = path_join(dir, "site");
        assert_false(path_exists(site));
        free(site);
        free(err);
        free(en_value);
        free(ko_value);
        S_remove(dir);
    }
}

/* Whether err has a line "content/site.yaml:L:C: error: <message> [release]". */
static bool S_release_error(const char *err, const char *message)
{
    char *tail = xasprintf(": error: %s [release]\n", message);
    bool found = false;
    for (const char *p = err; !found && (p = strstr(p, tail)) != NULL; p++) {
        const char *line = p;
        while (line > err && line[-1] != '\n')
            line--;
        found = str_starts_with(line, "content/site.yaml:");
    }
    free(tail);
    return found;
}

/* Our own site.yaml ships example values: a release build names every one and publishes
 * nothing; a site published before stays exactly as it was. */
static void test_release_refuses_our_examples(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    assert_int_equal(S_build(dir, false, &err), 0);
    free(err);
    char *out = path_join(dir, "site");
    char *before = e2e_snapshot(out);
    assert_int_equal(S_build(dir, true, &err), 1);
    static const char *const messages[] = {
        "base_url is still the example value 'https://example.org/'; put the site's real "
        "address before a release build",
        "clinic.name.ko is still the example value '예시 성형외과'; put the clinic's real "
        "name before a release build",
        "clinic.name.en is still the example value 'Example Plastic Surgery Clinic'; put the "
        "clinic's real name before a release build",
        "clinic.address.ko is still the example value '(예시) 서울특별시 예시구 예시로 00'; "
        "put the clinic's real address before a release build",
        "clinic.address.en is still the example value '(Example) 00 Example-ro, Example-gu, "
        "Seoul'; put the clinic's real address before a release build",
        "clinic.phone is still the example value '+82 2-0000-0000' (a subscriber number of "
        "only 0s can ring nobody); put the clinic's real number before a release build",
        "clinic.registration is still the example value 'EXAMPLE-0000'; put the clinic's real "
        "registration number (의료기관 개설 신고·허가 번호) before a release build",
        "reviewer 'example-reviewer' name.ko is still the example value '예시 검토의'; put "
        "the reviewer's real name before a release build",
        "reviewer 'example-reviewer' name.en is still the example value 'Example Reviewer'; "
        "put the reviewer's real name before a release build",
        "reviewer 'example-reviewer' licence is still the example value 'EXAMPLE-00000'; put "
        "the reviewer's real licence number before a release build",
    };
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
        if (!S_release_error(err, messages[i]))
            fail_msg("no error '%s' in:\n%s", messages[i], err);
    assert_true(e2e_has_line(err, "suture: 10 errors; site was not changed"));
    free(err);
    /* The published site is untouched, and nothing was staged beside it. */
    char *after = e2e_snapshot(out);
    assert_string_equal(after, before);
    strlist names = STRLIST_INIT;
    assert_int_equal(dir_list(dir, NULL, &names), 0);
    assert_int_equal(names.len, 3); /* content, site, templates */
    strlist_free(&names);
    free(before);
    free(after);
    free(out);
    S_remove(dir);
}

/*
 * With values the rule does not call examples, a release build publishes. They are test
 * data that name nobody: "Fixture" names and numbers, a host in the documentation range of
 * RFC 5737, and a telephone number in the range Ofcom keeps for drama (020 7946 0000 to
 * 0999), which rings no one.
 */
static void test_release_publishes_without_examples(void **state)
{
    (void)state;
    char *dir = S_project();
    static const char *const edits[][2] = {
        {"https://example.org/", "https://198.51.100.7/"},
        {"\"예시 성형외과\"", "\"테스트 고정값 의원\""},
        {"\"Example Plastic Surgery Clinic\"", "\"Test Clinic Fixture\""},
        {"\"(예시) 서울특별시 예시구 예시로 00\"", "\"고정값 주소\""},
        {"\"(Example) 00 Example-ro, Example-gu, Seoul\"", "\"Fixture address\""},
        {"\"+82 2-0000-0000\"", "\"+44 20 7946 0123\""},
        {"\"EXAMPLE-0000\"", "\"FIXTURE-REG-1\""},
        {"\"예시 검토의\"", "\"고정값 검토의\""},
        {"\"Example Reviewer\"", "\"Fixture Reviewer\""},
        {"\"EXAMPLE-00000\"", "\"FIXTURE-00001\""},
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++)
        if (!e2e_edit(dir, "content/site.yaml", edits[i][0], edits[i][1]))
            fail_msg("content/site.yaml has no %s", edits[i][0]);
    char *err = NULL;
    int status = S_build(dir, true, &err);
    if (status != 0)
        fail_msg("the release build failed (%d):\n%s", status, err);
    free(err);
    xmlDocPtr en = S_page(dir, "en/articles/face-layers-smas/index.html");
    S_expect_string(en, "//p[@class='byline']/span/span[@class='reviewer']", "Fixture Reviewer");
    xmlFreeDoc(en);
    S_remove(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_byline_in_both_languages),
        cmocka_unit_test(test_json_ld_person_and_clinic),
        cmocka_unit_test(test_unknown_reviewer),
        cmocka_unit_test(test_release_refuses_our_examples),
        cmocka_unit_test(test_release_publishes_without_examples),
    };
    int rc = cmocka_run_group_tests_name("end-to-end reviewers and release builds", tests,
                                         NULL, NULL);
    free(S_root);
    return rc;
}
