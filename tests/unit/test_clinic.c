/*
 * test_clinic.c: the clinic and its medical reviewers in site.yaml, and the release check
 * (content/config.h: config_find_reviewer, config_reviewer_list, config_check_release).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "content/config.h"

#include <stdio.h>

/* TU_SITE_KO_EN is lines 1 to 16; what follows it starts on line 17. */
#define S_CLINIC                                                                               \
    "clinic:\n"                                                         /* 17 */              \
    "  name: {ko: \"예시 성형외과\", en: \"Example Plastic Surgery Clinic\"}\n" /* 18 */      \
    "  address: {ko: \"(예시) 서울\", en: \"(Example) Seoul\"}\n"       /* 19 */              \
    "  phone: \"+82 2-0000-0000\"\n"                                    /* 20 */              \
    "  registration: \"EXAMPLE-0000\"\n"                                /* 21 */              \
    "  emergency_number: \"119\"\n"                                     /* 22 */
#define S_REVIEWERS                                                                            \
    "reviewers:\n"                                                      /* 23 */              \
    "  - id: example-reviewer\n"                                        /* 24 */              \
    "    name: {ko: \"예시 검토의\", en: \"Example Reviewer\"}\n"       /* 25 */              \
    "    credentials: {ko: \"성형외과 전문의\", en: \"Board-certified plastic surgeon\"}\n"    \
    "    licence: \"EXAMPLE-00000\"\n"                                  /* 27 */

static const char S_example_site[] = TU_SITE_KO_EN S_CLINIC S_REVIEWERS;

/* Fixture values that the example rule does not catch and that name nobody: "Fixture"
 * names, an address in the documentation range of RFC 5737 (TEST-NET-2), and a number in
 * the range Ofcom keeps for drama (020 7946 0000 to 0999), which rings no one. */
static const char S_fixture_site[] =
    "base_url: \"https://198.51.100.7/\"\n"
    "languages:\n"
    "  - code: ko\n"
    "    title: \"얼굴 리프팅 안내\"\n"
    "    disclaimer: \"일반 정보입니다.\"\n"
    "    notices: {before_after: \"동의를 받아 싣습니다.\"}\n"
    "  - code: en\n"
    "    title: \"Facial Lifting Explained\"\n"
    "    disclaimer: \"General information only.\"\n"
    "    notices: {before_after: \"Shown with consent.\"}\n"
    "review_max_age_days: 365\n"
    "translation_max_lag_days: 90\n"
    "topics:\n"
    "  - id: anatomy\n"
    "    title: {ko: 얼굴의 층 구조, en: Facial anatomy}\n"
    "    description: {ko: 얼굴의 층, en: The layers}\n"
    "clinic:\n"
    "  name: {ko: \"테스트 고정값 의원\", en: \"Test Clinic Fixture\"}\n"
    "  address: {ko: \"고정값 주소\", en: \"Fixture address\"}\n"
    "  phone: \"+44 20 7946 0123\"\n"
    "  registration: \"FIXTURE-REG-1\"\n"
    "  emergency_number: \"119\"\n"
    "reviewers:\n"
    "  - id: fixture-reviewer\n"
    "    name: {ko: \"고정값 검토의\", en: \"Fixture Reviewer\"}\n"
    "    credentials: {ko: \"성형외과 전문의\", en: \"Board-certified plastic surgeon\"}\n"
    "    licence: \"FIXTURE-00001\"\n";

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "clinic", "site.yaml");
}

static config *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    return config_load(f->path, f->diags);
}

/* Every diagnostic of the fixture, one a line, without its file. */
static char *S_all(const tu_fixture *f)
{
    strbuf all = STRBUF_INIT;
    size_t skip = strlen(f->path);
    for (size_t i = 0; i < diag_count(f->diags); i++) {
        char *line = diag_format(diag_get(f->diags, i));
        strbuf_printf(&all, "%s\n", line + skip);
        free(line);
    }
    return strbuf_detach(&all);
}

static void test_clinic_and_reviewers(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_example_site);
    assert_non_null(cfg);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(ltext_get(&cfg->clinic_name, "ko"), "예시 성형외과");
    assert_string_equal(ltext_get(&cfg->clinic_address, "en"), "(Example) Seoul");
    assert_string_equal(cfg->clinic_registration, "EXAMPLE-0000");
    assert_string_equal(cfg->clinic_phone, "+82 2-0000-0000");
    assert_int_equal(cfg->n_reviewers, 1);
    const config_reviewer *r = config_find_reviewer(cfg, "example-reviewer");
    assert_ptr_equal(r, &cfg->reviewers[0]);
    assert_string_equal(ltext_get(&r->name, "en"), "Example Reviewer");
    assert_string_equal(ltext_get(&r->credentials, "ko"), "성형외과 전문의");
    assert_string_equal(r->licence, "EXAMPLE-00000");
    assert_null(config_find_reviewer(cfg, "example"));
    assert_null(config_find_reviewer(cfg, NULL));
    assert_string_equal(config_suggest_reviewer(cfg, "example-reviewr"), "example-reviewer");
    assert_null(config_suggest_reviewer(cfg, "kim"));
    char *list = config_reviewer_list(cfg, "ko");
    assert_string_equal(list, "example-reviewer (예시 검토의)");
    free(list);
    config_free(cfg);
}

/* Without `reviewers:` there is no reviewer to find, and no error. */
static void test_no_reviewers(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, TU_SITE_KO_EN);
    assert_non_null(cfg);
    assert_int_equal(cfg->n_reviewers, 0);
    assert_null(config_find_reviewer(cfg, "Medical review team"));
    char *list = config_reviewer_list(cfg, "en");
    assert_string_equal(list, "");
    free(list);
    config_free(cfg);
}

/* The reviewers of test_reviewer_mistakes, from line 17: a text missing, an id twice, an
 * unknown key and a bad id. */
#define S_BAD_REVIEWERS                                                                        \
    "reviewers:\n"                                                      /* 17 */              \
    "  - id: dr-a\n"                                                    /* 18 */              \
    "    name: {ko: \"가\"}\n"                                          /* 19 */              \
    "    credentials: {ko: \"나\", en: \"B\"}\n"                        /* 20 */              \
    "    licence: \"L-1\"\n"                                            /* 21 */              \
    "  - id: dr-a\n"                                                    /* 22 */              \
    "    name: {ko: \"가\", en: \"A\"}\n"                               /* 23 */              \
    "    credentials: {ko: \"나\", en: \"B\"}\n"                        /* 24 */              \
    "    licence: \"L-2\"\n"                                            /* 25 */              \
    "  - id: Dr B\n"                                                    /* 26 */              \
    "    title: \"x\"\n"                                                /* 27 */

/* Load text and return every diagnostic (S_all), the load having failed. */
static char *S_fail(tu_fixture *f, const char *text)
{
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    assert_null(S_load(f, text));
    return S_all(f);
}

/* On a Korean-first site (TU_SITE_KO_EN), the reviewers' mistakes are told in Korean. */
static void test_reviewer_mistakes(void **state)
{
    tu_fixture *f = *state;
    char *all = S_fail(f, TU_SITE_KO_EN S_BAD_REVIEWERS);
    assert_string_equal(
        all,
        ":19:11: error: 감수자 'dr-a'의 'name'에 'en' 텍스트가 없습니다. 'en: …'을(를) 추가해 "
        "주십시오\n"
        ":22:9: error: 감수자 'dr-a'이(가) 두 번 선언되어 있습니다. 하나만 남겨 주십시오\n"
        ":27:5: error: 'title'은(는) 감수자 항목에 쓸 수 있는 키가 아닙니다. 쓸 수 있는 키: id, "
        "name, credentials, licence\n"
        ":26:9: error: 감수자 id 'Dr B'에는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다\n"
        ":26:5: error: 이 감수자 항목에 'name'이 없습니다. {ko: …, en: …}처럼 모든 언어로 "
        "추가해 주십시오\n"
        ":26:5: error: 이 감수자 항목에 'credentials'가 없습니다. 이름 옆에 보이는 전문 분야와 "
        "직함을 {ko: 성형외과 전문의, en: Board-certified plastic surgeon}처럼 추가해 주십시오\n"
        ":26:5: error: 이 감수자 항목에 'licence'가 없습니다. 의사 면허번호를 추가해 주십시오\n");
    free(all);
    all = S_fail(f, TU_SITE_KO_EN "reviewers: []\n");
    assert_string_equal(all, ":17:12: error: 'reviewers'이(가) 비어 있습니다. 글을 감수하는 "
                             "의사를 id, name, credentials, licence와 함께 써 주십시오\n");
    free(all);
    all = S_fail(f, TU_SITE_KO_EN "clinic:\n  phone: \"12\"\n  emergency_number: [\"119\"]\n");
    assert_string_equal(all, ":18:10: error: '12'은(는) 전화번호가 아닙니다. 숫자 사이에 "
                             "스페이스나 하이픈을 넣고 맨 앞에 '+'와 국가 번호를 붙여 \"+82 "
                             "2-000-0000\"처럼 써 주십시오\n"
                             ":19:21: error: 'clinic: emergency_number'에는 글자로 된 값을 써야 "
                             "하는데 목록입니다\n");
    free(all);
}

/* TU_SITE_KO_EN with English first, for the English messages. */
static char *S_english_first(const char *rest)
{
    char *a = tu_replace(TU_SITE_KO_EN, "  - code: ko\n", "  - code: xx\n");
    char *b = tu_replace(a, "  - code: en\n", "  - code: ko\n");
    char *c = tu_replace(b, "  - code: xx\n", "  - code: en\n");
    char *text = xasprintf("%s%s", c, rest);
    free(a);
    free(b);
    free(c);
    return text;
}

/* On an English-first site, the same mistakes are told in English. */
static void test_reviewer_mistakes_english(void **state)
{
    tu_fixture *f = *state;
    char *text = S_english_first(S_BAD_REVIEWERS);
    char *all = S_fail(f, text);
    free(text);
    assert_string_equal(
        all,
        ":19:11: error: 'name' of reviewer 'dr-a' has no 'en' text; add 'en: …'\n"
        ":22:9: error: reviewer 'dr-a' is declared twice; keep one\n"
        ":27:5: error: unknown key 'title' in a reviewer; the keys allowed are: id, name, "
        "credentials, licence\n"
        ":26:9: error: reviewer id 'Dr B' may use only lower-case letters, digits and hyphens\n"
        ":26:5: error: this reviewer has no 'name'; add it in every language, like {ko: …, en: "
        "…}\n"
        ":26:5: error: this reviewer has no 'credentials'; add the specialty and title readers "
        "see beside the name, like {ko: 성형외과 전문의, en: Board-certified plastic surgeon}\n"
        ":26:5: error: this reviewer has no 'licence'; add the doctor's licence number (의사 "
        "면허번호)\n");
    free(all);
    text = S_english_first("reviewers: []\n");
    all = S_fail(f, text);
    free(text);
    assert_string_equal(all, ":17:12: error: 'reviewers' is empty; declare the doctors who "
                             "review articles, each with id, name, credentials and licence\n");
    free(all);
}

/* Every example value is named at its place, in site.yaml's order. */
static void test_release_names_every_example(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_example_site);
    assert_non_null(cfg);
    assert_int_equal(config_check_release(cfg, f->diags), 10);
    char *all = S_all(f);
    assert_string_equal(
        all,
        ":1:11: error: base_url is still the example value 'https://example.org/'; put the "
        "site's real address before a release build [release]\n"
        ":18:14: error: clinic.name.ko is still the example value '예시 성형외과'; put the "
        "clinic's real name before a release build [release]\n"
        ":18:29: error: clinic.name.en is still the example value 'Example Plastic Surgery "
        "Clinic'; put the clinic's real name before a release build [release]\n"
        ":19:17: error: clinic.address.ko is still the example value '(예시) 서울'; put the "
        "clinic's real address before a release build [release]\n"
        ":19:32: error: clinic.address.en is still the example value '(Example) Seoul'; put "
        "the clinic's real address before a release build [release]\n"
        ":20:10: error: clinic.phone is still the example value '+82 2-0000-0000' (a "
        "subscriber number of only 0s can ring nobody); put the clinic's real number before "
        "a release build [release]\n"
        ":21:17: error: clinic.registration is still the example value 'EXAMPLE-0000'; put "
        "the clinic's real registration number (의료기관 개설 신고·허가 번호) before a "
        "release build [release]\n"
        ":25:16: error: reviewer 'example-reviewer' name.ko is still the example value '예시 "
        "검토의'; put the reviewer's real name before a release build [release]\n"
        ":25:30: error: reviewer 'example-reviewer' name.en is still the example value "
        "'Example Reviewer'; put the reviewer's real name before a release build [release]\n"
        ":27:14: error: reviewer 'example-reviewer' licence is still the example value "
        "'EXAMPLE-00000'; put the reviewer's real licence number before a release build "
        "[release]\n");
    free(all);
    config_free(cfg);
}

/* What a release needs and site.yaml does not give; a reserved host. */
static void test_release_missing_and_reserved(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(TU_SITE_KO_EN, "https://example.org/", "https://clinic.test/");
    config *cfg = S_load(f, text);
    free(text);
    assert_non_null(cfg);
    assert_int_equal(config_check_release(cfg, f->diags), 3);
    char *all = S_all(f);
    assert_string_equal(
        all,
        ":1:11: error: base_url 'https://clinic.test/' names a host reserved for examples and "
        "tests (RFC 2606, RFC 6761), which no public site can have; put the site's real "
        "address before a release build [release]\n"
        ":1:1: error: site.yaml has no clinic; a release build needs the clinic's name, "
        "address, phone and registration (README.md, 'The clinic and its reviewers'): add it "
        "[release]\n"
        ":1:1: error: site.yaml has no reviewers; a release build needs the doctors who review "
        "the articles, each with id, name, credentials and licence, named by every article's "
        "'reviewer:': add it [release]\n");
    free(all);
    config_free(cfg);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    /* A clinic with only what care cards need. */
    cfg = S_load(f, TU_SITE_KO_EN "clinic: {phone: \"+82 2-0000-0000\", emergency_number: "
                                  "\"119\"}\n" S_REVIEWERS);
    assert_non_null(cfg);
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    assert_int_equal(config_check_release(cfg, f->diags), 8);
    all = S_all(f);
    static const char *const want[] = {
        ":17:9: error: site.yaml has no clinic.name; a release build needs the clinic's real "
        "name: add it [release]\n",
        ":17:9: error: site.yaml has no clinic.address; a release build needs the clinic's "
        "real address: add it [release]\n",
        ":17:9: error: site.yaml has no clinic.registration; a release build needs the "
        "clinic's real registration number (의료기관 개설 신고·허가 번호): add it [release]\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(all, want[i]))
            fail_msg("no '%s' in:\n%s", want[i], all);
    free(all);
    config_free(cfg);
}

/* Values the rule does not call examples pass: nothing to report. */
static void test_release_accepts_fixture_values(void **state)
{
    tu_fixture *f = *state;
    config *cfg = S_load(f, S_fixture_site);
    assert_non_null(cfg);
    assert_int_equal(config_check_release(cfg, f->diags), 0);
    assert_int_equal(diag_count(f->diags), 0);
    config_free(cfg);
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_clinic_and_reviewers),
        T(test_no_reviewers),
        T(test_reviewer_mistakes),
        T(test_reviewer_mistakes_english),
        T(test_release_names_every_example),
        T(test_release_missing_and_reserved),
        T(test_release_accepts_fixture_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
