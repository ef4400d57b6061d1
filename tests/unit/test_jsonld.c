/*
 * test_jsonld.c: unit tests for jsonld.h, an article's schema.org MedicalWebPage.
 * The expected JSON is written out in full, so a change of key, order or escape shows.
 */
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "render/jsonld.h"

/* A site, an article and two procedures, as the build would have them. */
typedef struct {
    config cfg;
    config_language lang;
    frontmatter fm;
    article a;
    fm_ref refs[3];
    procedure procs[2];
    ltext_value names[2]; /* the procedures' names, in any language */
    procedure_data data;
    strlist owned; /* every string above, freed by S_teardown */
} S_fixture;

/* A copy of s that the fixture frees. */
static char *S_own(S_fixture *f, const char *s)
{
    strlist_push(&f->owned, s);
    return f->owned.items[f->owned.len - 1];
}

static void S_teardown(S_fixture *f)
{
    strlist_free(&f->owned);
}

static void S_setup(S_fixture *f)
{
    memset(f, 0, sizeof *f);
    f->lang.code = S_own(f, "en");
    f->lang.title = S_own(f, "Facial Lifting Explained");
    f->cfg.languages = &f->lang;
    f->cfg.n_languages = 1;
    f->cfg.base_url = S_own(f, "https://clinic.example/kb/");
    f->cfg.base_path = S_own(f, "/kb/");
    f->lang.prefix = S_own(f, "/kb/");
    f->cfg.review_max_age_days = 365;
    f->fm.title = S_own(f, "Thread lift or mini lift?");
    f->fm.summary = S_own(f, "How the two differ, and what each can and cannot do.");
    f->fm.reviewer = S_own(f, "Medical review team");
    f->fm.date = (date_ymd){2026, 11, 10};
    f->fm.reviewed = (date_ymd){2026, 11, 20};
    f->refs[0].id = S_own(f, "mini-lift");
    f->refs[1].id = S_own(f, "no-such-procedure");
    f->refs[2].id = S_own(f, "thread-lift");
    f->fm.procedures = f->refs;
    f->fm.n_procedures = 3;
    f->names[0] = (ltext_value){S_own(f, ""), S_own(f, "Thread lift")};
    f->names[1] = (ltext_value){S_own(f, ""), S_own(f, "Mini lift")};
    f->procs[0] = (procedure){.id = S_own(f, "thread-lift"), .name = {&f->names[0], 1}};
    f->procs[1] = (procedure){.id = S_own(f, "mini-lift"), .name = {&f->names[1], 1}};
    f->data.procedures = f->procs;
    f->data.n_procedures = 2;
    f->a.fm = &f->fm;
    f->a.lang = S_own(f, "en");
    f->a.url = S_own(f, "/kb/articles/thread-or-mini/");
}

#define CANONICAL "https://clinic.example/kb/articles/thread-or-mini/"

static void test_medical_web_page(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    char *json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    /* Procedures in front matter order; an unknown one is left out. */
    assert_string_equal(
        json,
        "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\","
        "\"url\":\"" CANONICAL "\",\"name\":\"Thread lift or mini lift?\","
        "\"description\":\"How the two differ, and what each can and cannot do.\","
        "\"inLanguage\":\"en\",\"datePublished\":\"2026-11-10\",\"lastReviewed\":\"2026-11-20\","
        "\"reviewedBy\":{\"@type\":\"Organization\",\"name\":\"Medical review team\"},"
        "\"medicalAudience\":{\"@type\":\"MedicalAudience\",\"audienceType\":\"Patient\"},"
        "\"about\":[{\"@type\":\"MedicalProcedure\",\"name\":\"Mini lift\","
        "\"url\":\"https://clinic.example/kb/compare/#procedure-mini-lift\"},"
        "{\"@type\":\"MedicalProcedure\",\"name\":\"Thread lift\","
        "\"url\":\"https://clinic.example/kb/compare/#procedure-thread-lift\"}],"
        "\"isPartOf\":{\"@type\":\"WebSite\",\"name\":\"Facial Lifting Explained\","
        "\"url\":\"https://clinic.example/kb/\"}}");
    free(json);
    S_teardown(&f);
}

/* A reviewer site.yaml declares is a Person with jobTitle, in the page's language; the
 * clinic, when site.yaml names it, is the publisher, with its address and number. */
static void test_reviewer_person_and_clinic(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    ltext_value name[2] = {{S_own(&f, "ko"), S_own(&f, "예시 검토의")},
                           {S_own(&f, "en"), S_own(&f, "Example Reviewer")}};
    ltext_value cred[2] = {{S_own(&f, "ko"), S_own(&f, "성형외과 전문의")},
                           {S_own(&f, "en"), S_own(&f, "Board-certified plastic surgeon")}};
    config_reviewer r = {.id = S_own(&f, "example-reviewer"), .name = {name, 2},
                         .credentials = {cred, 2}, .licence = S_own(&f, "EXAMPLE-00000")};
    f.cfg.reviewers = &r;
    f.cfg.n_reviewers = 1;
    ltext_value clinic[1] = {{S_own(&f, "en"), S_own(&f, "Example Plastic Surgery Clinic")}};
    ltext_value address[1] = {{S_own(&f, "en"), S_own(&f, "(Example) Seoul")}};
    f.cfg.clinic_name = (ltext){clinic, 1};
    f.cfg.clinic_address = (ltext){address, 1};
    f.cfg.clinic_phone = S_own(&f, "+82 2-0000-0000");
    f.fm.reviewer = S_own(&f, "example-reviewer");
    f.fm.n_procedures = 0;
    char *json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    assert_string_equal(
        json,
        "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\","
        "\"url\":\"" CANONICAL "\",\"name\":\"Thread lift or mini lift?\","
        "\"description\":\"How the two differ, and what each can and cannot do.\","
        "\"inLanguage\":\"en\",\"datePublished\":\"2026-11-10\",\"lastReviewed\":\"2026-11-20\","
        "\"reviewedBy\":{\"@type\":\"Person\",\"name\":\"Example Reviewer\","
        "\"jobTitle\":\"Board-certified plastic surgeon\"},"
        "\"medicalAudience\":{\"@type\":\"MedicalAudience\",\"audienceType\":\"Patient\"},"
        "\"isPartOf\":{\"@type\":\"WebSite\",\"name\":\"Facial Lifting Explained\","
        "\"url\":\"https://clinic.example/kb/\"},"
        "\"publisher\":{\"@type\":\"MedicalClinic\",\"name\":\"Example Plastic Surgery Clinic\","
        "\"url\":\"https://clinic.example/kb/\",\"address\":{\"@type\":\"PostalAddress\","
        "\"streetAddress\":\"(Example) Seoul\"},\"telephone\":\"+82 2-0000-0000\"}}");
    free(json);
    /* An id site.yaml does not declare (the build reports it) falls back to the name as
     * written, as on a site without reviewers. */
    f.fm.reviewer = S_own(&f, "Medical review team");
    json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    assert_non_null(strstr(json, "\"reviewedBy\":{\"@type\":\"Organization\",\"name\":"
                                 "\"Medical review team\"}"));
    free(json);
    S_teardown(&f);
}

/* Text that would close the script element or open a comment stays inside the strings,
 * and parses back to exactly what the front matter said. */
static void test_script_safe(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    f.fm.title = S_own(&f, "</script><script>alert(1)</script> & <!-- \"quotes\" \\ 리프팅");
    f.fm.n_procedures = 0;
    char *json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, NULL, NULL);
    assert_null(strchr(json, '<'));
    assert_null(strchr(json, '>'));
    assert_null(strchr(json, '&'));
    assert_non_null(strstr(json, "\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
                                 "\\u003c/script\\u003e \\u0026 \\u003c!-- \\\"quotes\\\" \\\\ "
                                 "리프팅\""));
    assert_null(strstr(json, "\"about\"")); /* no procedures, no about */
    json_error_t err;
    json_t *back = json_loads(json, 0, &err);
    assert_non_null(back);
    assert_string_equal(json_string_value(json_object_get(back, "name")), f.fm.title);
    json_decref(back);
    free(json);
    S_teardown(&f);
}

/* A value that is not UTF-8 leaves its key out; the rest is still there. */
static void test_invalid_utf8_left_out(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    f.fm.summary = S_own(&f, "bad \xff byte");
    f.fm.reviewer = S_own(&f, "\xc3\x28");
    f.names[1].text = S_own(&f, "Mini \xfe lift");
    char *json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    assert_null(strstr(json, "\"description\""));
    assert_null(strstr(json, "\"reviewedBy\""));
    assert_null(strstr(json, "Mini"));
    assert_non_null(strstr(json, "\"name\":\"Thread lift or mini lift?\""));
    assert_non_null(strstr(json, "\"about\":[{\"@type\":\"MedicalProcedure\",\"name\":\"Thread "
                                 "lift\""));
    json_error_t err;
    json_t *back = json_loads(json, 0, &err);
    assert_non_null(back);
    json_decref(back);
    free(json);
    S_teardown(&f);
}

/* The procedures are named in the article's language. */
static void test_procedure_names_in_the_article_language(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    ltext_value thread[] = {{S_own(&f, "ko"), S_own(&f, "실리프팅")},
                            {S_own(&f, "en"), S_own(&f, "Thread lift")}};
    f.procs[0].name = (ltext){thread, 2};
    f.data.lang = S_own(&f, "ko");
    f.fm.n_procedures = 3;
    f.a.lang = S_own(&f, "ko");
    char *json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    assert_non_null(strstr(json, "{\"@type\":\"MedicalProcedure\",\"name\":\"실리프팅\","));
    free(json);
    f.a.lang = S_own(&f, "en");
    json = jsonld_article(&f.cfg, &f.a, &f.data, CANONICAL, NULL, NULL);
    assert_non_null(strstr(json, "{\"@type\":\"MedicalProcedure\",\"name\":\"Thread lift\","));
    free(json);
    S_teardown(&f);
}

/* Versions in other languages: translationOfWork on a translation, workTranslation on a
 * source, each an {"@id"} of an absolute URL; a URL that is not UTF-8 is left out. */
static void test_translations(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    f.fm.n_procedures = 0;
    jsonld_versions of = {.translation_of = "https://clinic.example/kb/en/articles/x/"};
    char *json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, &of, NULL);
    assert_non_null(strstr(json, ",\"translationOfWork\":{\"@id\":"
                                 "\"https://clinic.example/kb/en/articles/x/\"}}"));
    assert_null(strstr(json, "workTranslation"));
    free(json);
    const char *urls[] = {"https://clinic.example/kb/articles/x/", "bad \xff"};
    jsonld_versions source = {.translations = urls, .n_translations = 2};
    json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, &source, NULL);
    assert_non_null(strstr(json, ",\"workTranslation\":[{\"@id\":"
                                 "\"https://clinic.example/kb/articles/x/\"}]}"));
    assert_null(strstr(json, "translationOfWork"));
    free(json);
    /* None of either: neither key. */
    jsonld_versions none = {0};
    json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, &none, NULL);
    assert_null(strstr(json, "translationOfWork"));
    assert_null(strstr(json, "workTranslation"));
    free(json);
    S_teardown(&f);
}

/* The sources the page cites: "citation", in the page's order, each with what finds it. */
static void test_citations(void **state)
{
    (void)state;
    S_fixture f;
    S_setup(&f);
    f.fm.n_procedures = 0;
    char mitz[] = "Mitz V, Peyronie M", smas[] = "The SMAS", prs[] = "Plast Reconstr Surg",
         doi[] = "10.1097/00006534-197607000-00013", pmid[] = "935283", en[] = "en",
         society[] = "Example Society", guideline[] = "Guideline",
         url[] = "https://www.example.org/g", ko[] = "ko";
    source_entry paper = {.authors = mitz, .title = smas, .journal = prs, .year = 1976,
                          .doi = doi, .pmid = pmid, .language = en};
    source_entry report = {.authors = society, .title = guideline, .publisher = society,
                           .year = 2020, .url = url, .language = ko};
    const source_entry *items[] = {&report, &paper};
    sources_cited cited = {items, 2};
    char *json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, NULL, &cited);
    assert_non_null(strstr(
        json, ",\"citation\":[{\"@type\":\"CreativeWork\",\"name\":\"Guideline\",\"author\":"
              "\"Example Society\",\"datePublished\":\"2020\",\"inLanguage\":\"ko\","
              "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Society\"},"
              "\"url\":\"https://www.example.org/g\"},{\"@type\":\"ScholarlyArticle\","
              "\"name\":\"The SMAS\",\"author\":\"Mitz V, Peyronie M\",\"datePublished\":"
              "\"1976\",\"inLanguage\":\"en\",\"isPartOf\":{\"@type\":\"Periodical\","
              "\"name\":\"Plast Reconstr Surg\"},\"url\":\"https://doi.org/"
              "10.1097/00006534-197607000-00013\",\"identifier\":[{\"@type\":"
              "\"PropertyValue\",\"propertyID\":\"DOI\",\"value\":"
              "\"10.1097/00006534-197607000-00013\"},{\"@type\":\"PropertyValue\","
              "\"propertyID\":\"PMID\",\"value\":\"935283\"}]}]"));
    free(json);
    /* None cited: no key. */
    sources_cited none = {NULL, 0};
    json = jsonld_article(&f.cfg, &f.a, NULL, CANONICAL, NULL, &none);
    assert_null(strstr(json, "citation"));
    free(json);
    S_teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_medical_web_page),
        cmocka_unit_test(test_reviewer_person_and_clinic),
        cmocka_unit_test(test_script_safe),
        cmocka_unit_test(test_invalid_utf8_left_out),
        cmocka_unit_test(test_procedure_names_in_the_article_language),
        cmocka_unit_test(test_translations),
        cmocka_unit_test(test_citations),
    };
    return cmocka_run_group_tests_name("jsonld", tests, NULL, NULL);
}
