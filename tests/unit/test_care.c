/*
 * test_care.c: unit tests for care.h, ```care blocks (when to get help, whom to call).
 */
#include "testutil.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "markdown/care.h"

#define FILE_NAME "content/articles/ko/x.md"

/* Parse text as a block whose body starts at line 20; expect ok, and the level. */
static void S_expect_level(const char *text, care_level want, size_t body_at)
{
    bool korean = false;
    diag_list *diags = diag_list_new();
    care_block b;
    assert_true(care_parse(FILE_NAME, text, strlen(text), 20, 1, korean, &b, diags));
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(b.level, want);
    assert_int_equal(b.body_at, body_at);
    assert_int_equal(b.body_line, 21);
    diag_list_free(diags);
}

/* Parse text, in Korean when korean, as a block at line 20: one error, want. */
static void S_expect_error_in(bool korean, const char *text, const char *want)
{
    diag_list *diags = diag_list_new();
    care_block b;
    assert_false(care_parse(FILE_NAME, text, strlen(text), 20, 1, korean, &b, diags));
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, want);
    diag_list_free(diags);
}

static void S_expect_error(const char *text, const char *want)
{
    S_expect_error_in(false, text, want);
}

static void test_levels(void **state)
{
    (void)state;
    S_expect_level("level: urgent\n- a fever\n", CARE_URGENT, 14);
    S_expect_level("  level:emergency  \n- trouble breathing\n", CARE_EMERGENCY, 20);
    S_expect_level("level: see-doctor\r\n- a lump\n", CARE_SEE_DOCTOR, 19);
    assert_string_equal(care_level_name(CARE_SEE_DOCTOR), "see-doctor");
    assert_string_equal(care_level_name(CARE_URGENT), "urgent");
    assert_string_equal(care_level_name(CARE_EMERGENCY), "emergency");
}

static void test_mistakes(void **state)
{
    (void)state;
    S_expect_error("- a fever\n",
                   FILE_NAME ":20:1: error: a care block starts with its level, 'level: "
                             "see-doctor', 'level: urgent' or 'level: emergency', then lists "
                             "the signs [care]");
    S_expect_error("level: urgnet\n- a fever\n",
                   FILE_NAME ":20:8: error: 'urgnet' is not a care level; did you mean "
                             "'urgent'?; use see-doctor (see a doctor soon), urgent (contact "
                             "the clinic the same day) or emergency (call the emergency number "
                             "now) [care]");
    S_expect_error("level: soon\n- a fever\n",
                   FILE_NAME ":20:8: error: 'soon' is not a care level; use see-doctor (see a "
                             "doctor soon), urgent (contact the clinic the same day) or "
                             "emergency (call the emergency number now) [care]");
    S_expect_error("level: urgent\n\n  \n",
                   FILE_NAME ":20:1: error: this care block says nothing after its level; list "
                             "the signs that mean the reader should get help, one '- ' line "
                             "each [care]");
    S_expect_error("level: urgent",
                   FILE_NAME ":20:1: error: this care block says nothing after its level; list "
                             "the signs that mean the reader should get help, one '- ' line "
                             "each [care]");
}

/* A Korean text's block is told its mistakes in Korean. */
static void test_korean_mistakes(void **state)
{
    (void)state;
    S_expect_error_in(true, "- 열이 남\n",
                      FILE_NAME ":20:1: error: care 블록은 수준으로 시작합니다. 'level: "
                                "see-doctor', 'level: urgent', 'level: emergency' 가운데 하나를 "
                                "쓰고, 그 아래에 증상을 적어 주십시오 [care]");
    S_expect_error_in(true, "level: urgnet\n- 열이 남\n",
                      FILE_NAME ":20:8: error: 'urgnet'은(는) care 카드의 수준이 "
                                "아닙니다('urgent'을(를) 쓰려던 것인가요?). see-doctor(곧 진료를 "
                                "받음), urgent(그날 병원에 연락함), emergency(바로 응급 전화를 "
                                "함) 가운데 하나를 써 주십시오 [care]");
    S_expect_error_in(true, "level: soon\n- 열이 남\n",
                      FILE_NAME ":20:8: error: 'soon'은(는) care 카드의 수준이 아닙니다. "
                                "see-doctor(곧 진료를 받음), urgent(그날 병원에 연락함), "
                                "emergency(바로 응급 전화를 함) 가운데 하나를 써 주십시오 [care]");
    S_expect_error_in(true, "level: urgent\n",
                      FILE_NAME ":20:1: error: 이 care 블록에는 수준 다음에 아무것도 없습니다. "
                                "도움을 받아야 하는 증상을 한 줄에 하나씩 '- '로 시작해 적어 "
                                "주십시오 [care]");
}

/* The card: a region named by its heading, the body moved in, the numbers as tel: links
 * (the emergency number first on an emergency card). */
static void test_render(void **state)
{
    (void)state;
    care_texts t = {.heading = "이럴 때는 바로 병원에 연락하세요",
                    .call_clinic = "병원 전화:",
                    .call_emergency = "응급 상황:",
                    .phone = "+82 (2) 0000-0000",
                    .emergency = "119"};
    xmlNodePtr body = xmlNewNode(NULL, BAD_CAST "body");
    xmlNodePtr ul = xmlNewChild(body, NULL, BAD_CAST "ul", NULL);
    xmlNewChild(ul, NULL, BAD_CAST "li", BAD_CAST "열이 날 때");
    xmlNodePtr card = care_render(CARE_URGENT, "care-1", &t, body);
    char *got = tu_dump(NULL, card);
    assert_string_equal(
        got, "<section class=\"care-card care-urgent\" aria-labelledby=\"care-1\"><h3 "
             "class=\"care-heading\" id=\"care-1\">이럴 때는 바로 병원에 연락하세요</h3><div "
             "class=\"care-body\"><ul><li>열이 날 때</li></ul><p class=\"care-contact\"><span "
             "class=\"care-call-clinic\">병원 전화: <a href=\"tel:+82-2-0000-0000\">+82 (2) "
             "0000-0000</a></span> <span class=\"care-call-emergency\">응급 상황: "
             "<a href=\"tel:119\">119</a></span></p></div></section>");
    free(got);
    xmlFreeNode(card);
    card = care_render(CARE_EMERGENCY, "care-2", &t, NULL);
    got = tu_dump(NULL, card);
    assert_non_null(strstr(got, "<p class=\"care-contact\"><span class=\"care-call-emergency\">"));
    assert_non_null(strstr(got, "class=\"care-card care-emergency\""));
    free(got);
    xmlFreeNode(card);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_mistakes),
        cmocka_unit_test(test_korean_mistakes),
        cmocka_unit_test(test_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
