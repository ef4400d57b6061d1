/*
 * test_datasources.c: unit tests for datasources_has_figure
 * (check/datasources.h), the figures of the comparison data that need a source
 * or a basis. The warnings themselves, and what the data and the glossary cite,
 * are tested end to end (test_enforce, test_bilingual).
 */
#include "testutil.h"

#include <string.h>

#include "check/datasources.h"

/* text holds the figure want (NULL: no figure). */
static void S_expect(const char *text, const char *want)
{
    size_t at = 0, len = 0;
    bool found = datasources_has_figure(text, &at, &len);
    if (!want) {
        if (found)
            fail_msg("'%s': found the figure '%.*s', expected none", text, (int)len, text + at);
        return;
    }
    if (!found)
        fail_msg("'%s': no figure found, expected '%s'", text, want);
    if (len != strlen(want) || memcmp(text + at, want, len) != 0)
        fail_msg("'%s': found '%.*s', expected '%s'", text, (int)len, text + at, want);
}

/* Digits, ranges and number words with a unit of length or time, in English. */
static void test_english_figures(void **state)
{
    (void)state;
    S_expect("About 2–3 cm long, within the hairline", "2–3 cm");
    S_expect("Swelling for 10 days", "10 days");
    S_expect("often for a few days to two weeks", "a few days");
    S_expect("It fades after a year", "a year");
    S_expect("Incisions of 5mm", "5mm");
    S_expect("Recovery: 1.5 to 2 weeks", "1.5 to 2 weeks");
    S_expect("Ten Minutes", "Ten Minutes");
    S_expect("Tiny entry marks, which usually fade", NULL);
    S_expect("Local anaesthetic, sometimes with sedation", NULL);
    S_expect("Bruising in week one is common", NULL); /* no number before the unit */
    S_expect("2 threads on each side", NULL);         /* a count, not a length or a time */
    S_expect("", NULL);
    S_expect(NULL, NULL);
}

/* Digits with a Korean unit (particles follow it: 2주간, 1년 뒤), and the words
 * for "a few" and native numbers before a unit. */
static void test_korean_figures(void **state)
{
    (void)state;
    S_expect("머리카락 안쪽으로 2~3cm 정도", "2~3cm");
    S_expect("부기가 1~2주 정도 갑니다", "1~2주");
    S_expect("1년 뒤에는 효과가 보이지 않았습니다", "1년");
    S_expect("며칠에서 2주", "며칠");
    S_expect("몇 mm의 작은 구멍", "몇 mm");
    S_expect("한 달쯤 지나면", "한 달");
    S_expect("30분 정도 걸립니다", "30분");
    S_expect("10년이 지나면", "10년");
    S_expect("2019년에 도입된 방법", NULL); /* a year, not a duration */
    S_expect("3분의 1 정도", NULL);         /* a fraction */
    S_expect("국소 마취", NULL);
    S_expect("실 2개를 넣습니다", NULL);
    S_expect("한쪽 얼굴", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_figures),
        cmocka_unit_test(test_korean_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
