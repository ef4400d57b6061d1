/*
 * test_enforce.c: compliance enforced where pages are made (issue 17). suture build lints
 * what it publishes with suture check's rules and code: a compliance error fails the build
 * and leaves the old site as it was, a warning is printed and the page is published, a
 * draft counts only with --drafts, a suppression with a reason still works; and suture
 * check reports what the build would refuse (an unknown topic, a broken link), with
 * positions. Each test works on a copy of tests/fixtures/good, which carries the clinic's
 * compliance.yaml.
 */
#include "e2e.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

static char *S_root; /* the repository, where the tests run from */

#define DIMPLING "content/articles/dimpling.md"

/* A copy of the good fixture, built once (exit 0); the caller removes it (S_done). */
static char *S_built_site(void)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *err = NULL;
    const char *build[] = {"build", NULL};
    int status = e2e_run(dir, build, &err);
    if (status != 0)
        fail_msg("the good fixture does not build (exit %d):\n%s", status, err);
    free(err);
    return dir;
}

static void S_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* Whether err has a line starting with start and ending with end. */
static bool S_has(const char *err, const char *start, const char *end)
{
    for (const char *p = strstr(err, start); p; p = strstr(p + 1, start)) {
        if (p != err && p[-1] != '\n')
            continue;
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        size_t n = strlen(end);
        if (len >= n && strncmp(p + len - n, end, n) == 0)
            return true;
    }
    return false;
}

/* Build dir (with an extra option or NULL); the exit status, stderr in *err. */
static int S_build(const char *dir, const char *extra, char **err)
{
    const char *args[] = {"build", extra, NULL};
    return e2e_run(dir, args, err);
}

static void test_compliance_error_fails_the_build(void **state)
{
    (void)state;
    char *dir = S_built_site();
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    assert_true(e2e_edit(dir, DIMPLING, "Dimpling is a dent",
                         "Guaranteed results. Dimpling is a dent"));
    char *err = NULL;
    assert_int_equal(S_build(dir, NULL, &err), 1);
    if (!S_has(err, DIMPLING ":10:1: error: ", "[guaranteed-results]"))
        fail_msg("no [guaranteed-results] error at 10:1 in:\n%s", err);
    /* One short line per finding, as suture check prints it: the legal references are for
     * suture check --explain and --verbose, not the build's every line. */
    if (strstr(err, "Medical Service Act"))
        fail_msg("the build printed a rule's references on the finding's line:\n%s", err);
    assert_true(e2e_has_line(err, "suture: 1 error; site was not changed"));
    /* No page of it, nor any other, was written: the old site is as it was. */
    char *after = e2e_snapshot(site);
    assert_string_equal(before, after);
    free(after);
    free(err);

    /* A suppression with its reason lets the page through; without one it is an error. */
    assert_true(e2e_edit(dir, DIMPLING, "Guaranteed results.",
                         "<!-- suture-ignore guaranteed-results: the words of a ruling we "
                         "quote -->\nGuaranteed results."));
    assert_int_equal(S_build(dir, NULL, &err), 0);
    free(err);
    assert_true(e2e_edit(dir, DIMPLING, ": the words of a ruling we quote", ""));
    assert_int_equal(S_build(dir, NULL, &err), 1);
    if (!S_has(err, DIMPLING ":10:", "[suppression]"))
        fail_msg("no [suppression] error in:\n%s", err);
    free(err);
    free(before);
    free(site);
    S_done(dir);
}

static void test_warning_does_not_stop_the_build(void **state)
{
    (void)state;
    char *dir = S_built_site();
    assert_true(e2e_edit(dir, DIMPLING, ", and how long it lasts varies from person to person",
                         ""));
    char *err = NULL;
    assert_int_equal(S_build(dir, NULL, &err), 0);
    if (!S_has(err, DIMPLING ":", "[results-vary-missing]") || !strstr(err, ": warning: "))
        fail_msg("no [results-vary-missing] warning in:\n%s", err);
    free(err);
    /* --quiet prints errors only. */
    assert_int_equal(S_build(dir, "--quiet", &err), 0);
    assert_string_equal(err, "");
    free(err);
    S_done(dir);
}

/* Reading grades are the writer's advice: suture check gives them, a build does not. */
static void test_reading_grade_left_to_check(void **state)
{
    (void)state;
    char *dir = S_built_site();
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days: 365",
                         "review_max_age_days: 365\nreading_grade_max: 1"));
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    if (!S_has(err, DIMPLING ":", "[reading-grade]"))
        fail_msg("suture check gave no [reading-grade] warning for the dimpling article:\n%s",
                 err);
    free(err);
    assert_int_equal(S_build(dir, NULL, &err), 0);
    if (strstr(err, "reading-grade"))
        fail_msg("suture build measured reading grades:\n%s", err);
    free(err);
    S_done(dir);
}

static void test_drafts_count_with_drafts(void **state)
{
    (void)state;
    char *dir = S_built_site();
    assert_true(e2e_edit(dir, "content/articles/upcoming.md", "Work in progress.",
                         "Work in progress: the best lift in Seoul."));
    char *err = NULL;
    /* Not published, so not linted. */
    assert_int_equal(S_build(dir, NULL, &err), 0);
    assert_null(strstr(err, "upcoming.md"));
    free(err);
    assert_int_equal(S_build(dir, "--drafts", &err), 1);
    if (!S_has(err, "content/articles/upcoming.md:10:23: error: ", "[superlative-claims]"))
        fail_msg("no [superlative-claims] error for the draft in:\n%s", err);
    free(err);
    S_done(dir);
}

static void test_no_rules_no_build(void **state)
{
    (void)state;
    char *dir = S_built_site();
    char *site = path_join(dir, "site");
    char *before = e2e_snapshot(site);
    char *rules = path_join(dir, "content/compliance.yaml");
    assert_int_equal(unlink(rules), 0);
    char *err = NULL;
    assert_int_equal(S_build(dir, NULL, &err), 2);
    assert_true(e2e_has_line(
        err, "content/compliance.yaml: error: there are no compliance rules: this file does not "
             "exist; suture build lints what it publishes against them, as suture check does, "
             "so add the site's compliance.yaml [rules]"));
    char *after = e2e_snapshot(site);
    assert_string_equal(before, after);
    free(after);
    free(err);
    /* suture check refuses as well. */
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 2);
    assert_non_null(strstr(err, "there are no compliance rules"));
    free(err);
    free(rules);
    free(before);
    free(site);
    S_done(dir);
}

/* One command answers "can this be published?": check names the build's errors too. */
/*
 * Issue 18, "Sources": suture check warns on an article that cites nothing (the clinic's
 * rule sources-missing, at the title, in the article's language) and on a source no article
 * cites (at its entry); the build prints both and still publishes.
 */
static void test_sources_cited_and_uncited(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    assert_true(e2e_has_line(err, "suture check: 7 files, 0 errors, 0 warnings, 0 suppressed"));
    free(err);
    assert_true(e2e_edit(dir, "content/articles/korean.md", " [@mitz1976]", ""));
    assert_true(e2e_edit(dir, "content/articles/dimpling.md", " [@example-guideline]", ""));
    assert_int_equal(e2e_run(dir, check, &err), 0);
    assert_true(e2e_has_line(err, "content/articles/korean.md:2:8: warning: 이 글에는 참고 "
                                  "문헌이 없습니다 [sources-missing]"));
    assert_true(e2e_has_line(err, "content/articles/dimpling.md:2:8: warning: This article "
                                  "cites no sources [sources-missing]"));
    assert_true(e2e_has_line(err, "content/sources.yaml:16:5: warning: source "
                                  "'example-guideline' is cited by no article; cite it where "
                                  "an article relies on it, as [@example-guideline], or "
                                  "remove it [source-never-cited]"));
    assert_true(e2e_has_line(err, "suture check: 7 files, 0 errors, 3 warnings, 0 suppressed"));
    free(err);
    assert_int_equal(S_build(dir, NULL, &err), 0);
    assert_non_null(strstr(err, "[source-never-cited]"));
    free(err);
    S_done(dir);
}

/*
 * Issue 18, "Sources": procedures.yaml's sources and glossary definitions cite like
 * articles. The comparison page and the glossary number their citations into a Sources
 * list of their own, a source cited only there is not "never cited", and a figure with
 * neither a source nor `basis: clinic-experience` is a warning at its value.
 */
static void test_data_and_glossary_citations(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    assert_true(e2e_edit(dir, "content/articles/dimpling.md", " [@example-guideline]", ""));
    assert_true(e2e_edit(dir, "content/glossary.yaml", "under the skin and fat.\"",
                         "under the skin and fat [@example-guideline].\""));
    assert_true(e2e_edit(dir, "content/data/procedures.yaml",
                         "source: \"General surgical experience\"",
                         "source: \"Surgical series [@stuzin1992]\""));
    assert_true(e2e_edit(dir, "content/data/procedures.yaml",
                         "incision: { text: \"2-3 cm inside the hairline\", basis: "
                         "clinic-experience }",
                         "incision: \"2-3 cm inside the hairline\""));
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 0);
    assert_null(strstr(err, "[source-never-cited]"));
    assert_true(e2e_has_line(err, "content/data/procedures.yaml:16:17: warning: the figure "
                                  "'2-3 cm' in 'incision' of procedure 'mini-lift' has no "
                                  "source: cite the published source, as source: \"[@id]\" "
                                  "with an id of content/sources.yaml, or write basis: "
                                  "clinic-experience when it is the clinic's own experience "
                                  "[figure-unsourced]"));
    free(err);
    assert_int_equal(S_build(dir, NULL, &err), 0);
    free(err);

    char *path = path_join(dir, "site/compare/index.html");
    xmlDocPtr doc = e2e_html(path);
    assert_non_null(doc);
    assert_int_equal(e2e_count(doc, "//ol[@class='comparison-notes']/li/span[@class="
                                    "'comparison-source'][starts-with(., 'Surgical series')]"
                                    "/sup[@class='citation']/a[@href='#source-1'][@id='cite-1']"),
                     1);
    assert_int_equal(e2e_count(doc, "//section[@class='sources']/ol/li[@id='source-1']"
                                    "[contains(., 'Stuzin JM')]/a[@href='#cite-1']"),
                     1);
    xmlFreeDoc(doc);
    free(path);
    path = path_join(dir, "site/glossary/index.html");
    doc = e2e_html(path);
    assert_non_null(doc);
    assert_int_equal(e2e_count(doc, "//dd//sup[@class='citation']/a[@href='#source-1']"
                                    "[@id='cite-1']"),
                     1);
    assert_int_equal(e2e_count(doc, "//section[@class='sources']/ol/li[@id='source-1']"
                                    "[contains(., 'Example Society')]"),
                     1);
    xmlFreeDoc(doc);
    free(path);
    /* The article that shows the table numbers the data's citation with its own. */
    path = path_join(dir, "site/articles/layers/index.html");
    doc = e2e_html(path);
    assert_non_null(doc);
    assert_int_equal(e2e_count(doc, "count(//a[starts-with(@id, 'cite-')])"),
                     e2e_count(doc, "count(//section[@class='sources']/ol/li)"));
    xmlFreeDoc(doc);
    free(path);

    /* Mistakes in the data's citations are the data file's, told once. */
    assert_true(e2e_edit(dir, "content/data/procedures.yaml", "[@stuzin1992]",
                         "[@stuzin1929]"));
    assert_int_equal(S_build(dir, NULL, &err), 1);
    assert_true(e2e_has_line(err, "content/data/procedures.yaml:17:53: error: there is no "
                                  "source 'stuzin1929' in content/sources.yaml; did you mean "
                                  "'stuzin1992'? [citation]"));
    assert_true(e2e_has_line(err, "suture: 1 error; site was not changed"));
    free(err);
    assert_true(e2e_edit(dir, "content/data/procedures.yaml", "[@stuzin1929]",
                         "[@stuzin1992, p. 3]"));
    assert_int_equal(S_build(dir, NULL, &err), 1);
    assert_true(e2e_has_line(err, "content/data/procedures.yaml:17:53: error: '[@stuzin1992, "
                                  "p. 3]' is not a citation suture can read: write [@id] for "
                                  "one source, or [@id1; @id2] for several, with the ids of "
                                  "content/sources.yaml [citation]"));
    free(err);
    assert_true(e2e_edit(dir, "content/data/procedures.yaml", "[@stuzin1992, p. 3]",
                         "[@stuzin1992]"));
    assert_true(e2e_edit(dir, "content/data/procedures.yaml", "basis: clinic-experience }",
                         "basis: experience }"));
    assert_int_equal(S_build(dir, NULL, &err), 1);
    assert_true(e2e_has_line(err, "content/data/procedures.yaml:12:78: error: the 'basis' of "
                                  "'recovery' of procedure 'thread-lift' can only be "
                                  "'clinic-experience' (the clinic's own experience, not a "
                                  "published figure); for a published figure give its "
                                  "'source' instead, like source: \"[@id]\""));
    free(err);
    S_done(dir);
}

static void test_check_reports_build_errors(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    assert_true(e2e_edit(dir, DIMPLING, "topics: [side-effects, thread-lift]",
                         "topics: [side-efects, thread-lift]"));
    assert_true(e2e_edit(dir, DIMPLING, "[the layers](layers.md)", "[the layers](layer.md)"));
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    assert_true(e2e_has_line(
        err, DIMPLING ":4:10: error: unknown topic 'side-efects'; did you mean 'side-effects'? "
                      "The topics in content/site.yaml are: anatomy (Facial anatomy), "
                      "thread-lift (Thread lifts), mini-lift (Mini lifts), side-effects (Side "
                      "effects), consultation (Consultation) [front-matter]"));
    assert_true(e2e_has_line(err, DIMPLING ":10:37: error: there is no article 'layer.md'; did "
                                  "you mean 'layers.md'? [link]"));
    assert_true(e2e_has_line(err, "suture check: 7 files, 2 errors, 0 warnings, 0 suppressed"));
    free(err);
    /* The build says the same, once each. */
    assert_int_equal(S_build(dir, NULL, &err), 1);
    assert_true(e2e_has_line(err, "suture: 2 errors; site was not changed"));
    free(err);
    S_done(dir);
}

/*
 * Links to headings: suture check takes an article's heading ids from the rendering that
 * validates it, and checks the links to them once every article has rendered, so a link
 * to a heading of an article rendered later, of its own article, or from the disclaimer
 * (rendered before any article) is judged as the build judges it.
 */
static void test_check_reports_heading_links(void **state)
{
    (void)state;
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    assert_true(e2e_edit(dir, DIMPLING, "[the layers](layers.md)",
                         "[the layers](layers.md#fixed-and-mobile-part)"));
    assert_true(e2e_edit(dir, DIMPLING, "Threads that lie too close to the surface.",
                         "Threads that lie too close to the surface. See [causes](#cause), "
                         "[the SMAS](layers.md#what-the-smas-is) and [causes](#causes)."));
    assert_true(e2e_edit(dir, "content/site.yaml", "risks that differ from person to person.",
                         "risks that differ from person to person. See [the layers]"
                         "(layers.md#what-the-smas-is)."));
    char *err = NULL;
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    const char *expected[] = {
        DIMPLING ":10:37: error: layers.md has no heading with the id '#fixed-and-mobile-part'; "
                 "did you mean '#fixed-and-mobile-parts'? [link]",
        DIMPLING ":14:48: error: dimpling.md has no heading with the id '#cause'; did you mean "
                 "'#causes'? [link]",
    };
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
        if (!e2e_has_line(err, expected[i]))
            fail_msg("suture check did not say\n%s\nbut:\n%s", expected[i], err);
    assert_true(e2e_has_line(err, "suture check: 7 files, 2 errors, 0 warnings, 0 suppressed"));
    free(err);
    /* The build, which knows the ids before it renders, says the same. */
    assert_int_equal(S_build(dir, NULL, &err), 1);
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
        assert_non_null(strstr(err, strchr(expected[i], ':')));
    assert_true(e2e_has_line(err, "suture: 2 errors; site was not changed"));
    free(err);
    S_done(dir);
}

/* The good fixture lints with the rules the clinic ships, not a copy that has fallen
 * behind them (negation windows the clause engine replaced, older messages). */
static void test_fixture_carries_the_clinics_rules(void **state)
{
    (void)state;
    char *fixture = path_join(S_root, "tests/fixtures/good/content/compliance.yaml");
    char *clinic = path_join(S_root, "content/compliance.yaml");
    size_t a_len, b_len;
    char *a = file_read(fixture, &a_len), *b = file_read(clinic, &b_len);
    assert_non_null(a);
    assert_non_null(b);
    if (a_len != b_len || memcmp(a, b, a_len) != 0)
        fail_msg("%s differs from %s: copy the clinic's rules into the fixture", fixture,
                 clinic);
    free(a);
    free(b);
    free(fixture);
    free(clinic);
}

int main(void)
{
    S_root = getenv("SUTURE_ROOT") ? xstrdup(getenv("SUTURE_ROOT")) : getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compliance_error_fails_the_build),
        cmocka_unit_test(test_warning_does_not_stop_the_build),
        cmocka_unit_test(test_reading_grade_left_to_check),
        cmocka_unit_test(test_drafts_count_with_drafts),
        cmocka_unit_test(test_no_rules_no_build),
        cmocka_unit_test(test_check_reports_build_errors),
        cmocka_unit_test(test_sources_cited_and_uncited),
        cmocka_unit_test(test_data_and_glossary_citations),
        cmocka_unit_test(test_check_reports_heading_links),
        cmocka_unit_test(test_fixture_carries_the_clinics_rules),
    };
    int rc = cmocka_run_group_tests_name("enforce", tests, NULL, NULL);
    free(S_root);
    return rc;
}
