/* test_procedures_ko.c: procedures.yaml's mistakes on a Korean-first site are told in
 * Korean, the site's default language (procedures.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "content/procedures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_codes[] = {"ko", "en", NULL};
static const ltext_langs S_korean_first = {S_codes, true};

/* Right but for the mistakes each test writes into it. */
static const char S_data[] =
    "attributes:\n"                                                     /* 1 */
    "  - {id: incision, label: {ko: 절개, en: Incision}}\n"              /* 2 */
    "  - {id: recovery, label: {ko: 회복, en: Recovery}}\n"              /* 3 */
    "procedures:\n"                                                     /* 4 */
    "  - id: thread-lift\n"                                             /* 5 */
    "    name: {ko: 실리프팅, en: Thread lift}\n"                        /* 6 */
    "    values:\n"                                                     /* 7 */
    "      incision: {ko: 없음, en: None}\n";                            /* 8 */

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "procedures-ko", "procedures.yaml");
}

/* Load S_data with one replacement on the Korean-first site; the load must fail. */
static void S_load_bad(tu_fixture *f, const char *find, const char *repl)
{
    char *text = tu_replace(S_data, find, repl);
    tu_fixture_write(f, text);
    free(text);
    assert_null(procedures_load(f->path, &S_korean_first, f->diags));
}

static void test_attribute_mistakes(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "{id: recovery, label: {ko: 회복, en: Recovery}}", "{label: {ko: 회복, en: R}}");
    S_load_bad(f, "{id: recovery, label: {ko: 회복, en: Recovery}}", "{id: recovery}");
    S_load_bad(f, "{id: recovery, label: {ko: 회복, en: Recovery}}",
               "{id: incision, label: {ko: 절개, en: Incision}}");
    S_load_bad(f, "{id: recovery, label: {ko: 회복, en: Recovery}}",
               "{id: recovery, label: {ko: 회복}, lable: x}");
    S_load_bad(f, "{id: recovery, label: {ko: 회복, en: Recovery}}", "recovery");
    assert_int_equal(diag_count(f->diags), 6);
    tu_fixture_diag(f, 0, ":3:5: error: 이 비교 항목에 'id'가 없습니다. 'id: recovery'처럼 추가해 주십시오");
    tu_fixture_diag(f, 1, ":3:5: error: 이 비교 항목에 'label'이 없습니다. 독자가 보는 행 제목을 추가해 주십시오");
    tu_fixture_diag(f, 2, ":3:10: error: 비교 항목 'incision'이(가) 두 번 선언되었습니다. 하나만 남겨 주십시오");
    tu_fixture_diag(f, 3, ":3:37: error: 'lable'은(는) 비교 항목에 쓸 수 있는 키가 아닙니다. "
                          "'label'을(를) 쓰려던 것인지 확인해 주십시오");
    tu_fixture_diag(f, 4, ":3:27: error: 비교 항목 'recovery'의 'label'에 'en' 텍스트가 없습니다. "
                          "'en: …'을(를) 추가해 주십시오");
    tu_fixture_diag(f, 5, ":3:5: error: 'attributes'의 각 항목은(는) 'key: value' 줄로 된 매핑이어야 "
                          "하는데 값 하나입니다");
}

static void test_procedure_mistakes(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "    name: {ko: 실리프팅, en: Thread lift}\n", "");
    S_load_bad(f, "    values:\n      incision: {ko: 없음, en: None}\n", "    article: a.txt\n");
    S_load_bad(f, "  - id: thread-lift\n", "  - id: Thread_lift\n");
    S_load_bad(f, "  - id: thread-lift\n", "  - nmae: x\n");
    S_load_bad(f, "      incision: {ko: 없음, en: None}\n",
               "      incison: {ko: 없음, en: None}\n      speed: x\n");
    S_load_bad(f, "{ko: 실리프팅, en: Thread lift}", "{ko: 실리프팅}");
    S_load_bad(f, "      incision: {ko: 없음, en: None}\n",
               "      incision: {ko: 없음, en: None}\n      incision: {ko: a, en: b}\n");
    assert_int_equal(diag_count(f->diags), 10);
    tu_fixture_diag(f, 0, ":5:5: error: 이 시술·수술에 'name'이 없습니다. 독자가 보는 이름을 추가해 주십시오");
    tu_fixture_diag(f, 1, ":7:14: error: 'article'에는 'dimpling.md'처럼 글 파일의 이름을 써 주십시오");
    tu_fixture_diag(f, 2, ":5:5: error: 이 시술·수술에 'values'가 없습니다. 비교 항목마다 값을 하나씩 추가해 "
                          "주십시오");
    tu_fixture_diag(f, 3, ":5:9: error: 시술·수술 id 'Thread_lift'에는 영문 소문자, 숫자, 하이픈만 쓸 수 "
                          "있습니다");
    tu_fixture_diag(f, 4, ":5:5: error: 'nmae'은(는) 시술·수술 항목에 쓸 수 있는 키가 아닙니다. "
                          "'name'을(를) 쓰려던 것인지 확인해 주십시오");
    tu_fixture_diag(f, 5, ":5:5: error: 이 시술·수술에 'id'가 없습니다. 'id: thread-lift'처럼 추가해 "
                          "주십시오");
    tu_fixture_diag(f, 6, ":8:7: error: 'incison'(이)라는 비교 항목이 없습니다. 'incision'을(를) 쓰려던 "
                          "것인지 확인해 주십시오");
    tu_fixture_diag(f, 7, ":9:7: error: 'speed'(이)라는 비교 항목이 없습니다. 먼저 'attributes' 아래에 "
                          "선언해 주십시오");
    tu_fixture_diag(f, 8, ":6:11: error: 시술·수술 'thread-lift'의 'name'에 'en' 텍스트가 없습니다. "
                          "'en: …'을(를) 추가해 주십시오");
    tu_fixture_diag(f, 9, ":9:7: error: 'incision'의 값이 두 개입니다. 하나만 남겨 주십시오");
}

static void test_value_mistakes(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "{ko: 없음, en: None}", "{note: {ko: a, en: b}}");
    S_load_bad(f, "{ko: 없음, en: None}", "{text: {ko: a, en: b}, basis: guess}");
    S_load_bad(f, "{ko: 없음, en: None}", "{text: {ko: a, en: b}, source: [x]}");
    S_load_bad(f, "{ko: 없음, en: None}", "{text: {ko: a, en: b}, note: {ko: a}}");
    assert_int_equal(diag_count(f->diags), 4);
    tu_fixture_diag(f, 0, ":8:17: error: 'incision'의 값에 'text'가 없습니다. 표에 보일 글을 추가해 주십시오");
    tu_fixture_diag(f, 1, ":8:47: error: 시술·수술 'thread-lift'의 'incision'의 'basis'에는 "
                          "'clinic-experience'(발표된 수치가 아닌 병원 자체의 경험)만 쓸 수 있습니다. 발표된 "
                          "수치라면 source: \"[@id]\"처럼 'source'를 대신 써 주십시오");
    tu_fixture_diag(f, 2, ":8:48: error: 'source'에는 글자로 된 값을 써야 하는데 목록입니다");
    tu_fixture_diag(f, 3, ":8:46: error: 시술·수술 'thread-lift'의 'incision'의 'note'에 'en' "
                          "텍스트가 없습니다. 'en: …'을(를) 추가해 주십시오");
}

static void test_file_mistakes(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, S_data, "atributes: []\n");
    S_load_bad(f, "procedures:\n", "procedures: [\n");
    S_load_bad(f, S_data, "- 1\n");
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":1:1: error: 'atributes'은(는) procedures.yaml에 쓸 수 있는 키가 "
                          "아닙니다. 'attributes'을(를) 쓰려던 것인지 확인해 주십시오");
    tu_fixture_diag(f, 1, ":1:1: error: procedures.yaml에 'attributes'가 없습니다. 시술·수술을 "
                          "비교할 항목을 나열해 주십시오");
    tu_fixture_diag(f, 2, ":1:1: error: procedures.yaml에 'procedures'가 없습니다. 시술·수술을 "
                          "나열해 주십시오");
    tu_fixture_diag(f, 3, ":5:3: error: YAML 형식 오류: 여기에 있어야 할 값이 없습니다(did not find "
                          "expected node content while parsing a flow node) [yaml]");
    tu_fixture_diag(f, 4, ":1:1: error: procedures.yaml은(는) 'key: value' 줄로 된 매핑이어야 "
                          "하는데 목록입니다");
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_attribute_mistakes),
        T(test_procedure_mistakes),
        T(test_value_mistakes),
        T(test_file_mistakes),
    };
    return cmocka_run_group_tests_name("procedures_ko", tests, NULL, NULL);
}
