/*
 * test_staleness.c: a translation behind its source (staleness.h): nothing while it
 * follows the source's latest review, a [translation-stale] warning once the source is
 * reviewed again, a [translation-overdue] error after translation_max_lag_days, each at the
 * translation's source_reviewed value and in the translation's language.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "check/staleness.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

static const char S_site[] = TU_SITE_KO_EN;

typedef struct {
    char *dir;
    config *cfg;
    diag_list *diags;
    frontmatter translation, source;
} S_fix;

static int S_setup(void **state)
{
    S_fix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir("staleness");
    fx->diags = diag_list_new();
    char *site = tu_write_file(fx->dir, "site.yaml", S_site);
    fx->cfg = config_load(site, fx->diags);
    free(site);
    if (!fx->cfg)
        diag_list_print(fx->diags, stderr);
    assert_non_null(fx->cfg);
    fx->translation.translation_of = (char *)"en"; /* never freed here */
    fx->translation.source_reviewed = (date_ymd){2026, 11, 20};
    fx->translation.source_reviewed_at = (fm_pos){10, 18};
    fx->source.reviewed = (date_ymd){2026, 12, 1};
    *state = fx;
    return 0;
}

static int S_teardown(void **state)
{
    S_fix *fx = *state;
    config_free(fx->cfg);
    diag_list_free(fx->diags);
    int rc = tu_tmpdir_remove(fx->dir);
    free(fx);
    return rc;
}

/* Check the translation (in lang) on day today; return its state. */
static translation_state S_check(S_fix *fx, const char *lang, const char *source_lang,
                                 date_ymd today)
{
    staleness_input in = {
        .path = "content/articles/ko/x.md",
        .lang = lang,
        .translation = &fx->translation,
        .source_path = "content/articles/en/x.md",
        .source_lang = source_lang,
        .source = &fx->source,
    };
    return staleness_check(fx->cfg, &in, &today, fx->diags);
}

static void test_current(void **state)
{
    S_fix *fx = *state;
    fx->source.reviewed = fx->translation.source_reviewed;
    assert_int_equal(S_check(fx, "ko", "en", (date_ymd){2027, 12, 1}), TRANSLATION_CURRENT);
    /* A source_reviewed after the source's review (a typo) is not stale either. */
    fx->source.reviewed = (date_ymd){2026, 11, 1};
    assert_int_equal(S_check(fx, "ko", "en", (date_ymd){2027, 12, 1}), TRANSLATION_CURRENT);
    assert_int_equal(diag_count(fx->diags), 0);
}

static void test_stale_korean(void **state)
{
    S_fix *fx = *state;
    assert_int_equal(S_check(fx, "ko", "en", (date_ymd){2026, 12, 6}), TRANSLATION_STALE);
    assert_int_equal(diag_count(fx->diags), 1);
    tu_expect_diag(fx->diags, 0,
                   "content/articles/ko/x.md:10:18: warning: 이 번역은 2026-11-20에 검토된 영어 "
                   "원문(content/articles/en/x.md)을 옮긴 것인데, 원문이 2026-12-01에 다시 "
                   "검토된 뒤로 번역이 갱신되지 않았습니다(5일 지남, 허용 기간 90일). 원문에서 "
                   "바뀐 내용을 번역에 반영하고 source_reviewed 값을 2026-12-01로 고치세요. "
                   "(" STALENESS_REFERENCE ") [translation-stale]");
}

static void test_overdue_korean(void **state)
{
    S_fix *fx = *state;
    /* 90 days after the source's review is still within the lag; 91 is not. */
    assert_int_equal(S_check(fx, "ko-KR", "en", (date_ymd){2027, 3, 1}), TRANSLATION_STALE);
    assert_int_equal(S_check(fx, "ko-KR", "en", (date_ymd){2027, 3, 2}), TRANSLATION_OVERDUE);
    assert_int_equal(diag_count(fx->diags), 2);
    assert_int_equal(diag_get(fx->diags, 0)->severity, DIAG_WARNING);
    tu_expect_diag(fx->diags, 1,
                   "content/articles/ko/x.md:10:18: error: 이 번역은 2026-11-20에 검토된 영어 "
                   "원문(content/articles/en/x.md)을 옮긴 것인데, 원문이 2026-12-01에 다시 "
                   "검토된 뒤 91일이 지나도록 번역이 갱신되지 않아 허용 기간"
                   "(translation_max_lag_days, 90일)을 넘었습니다. 원문에서 바뀐 내용을 번역에 "
                   "반영하고 source_reviewed 값을 2026-12-01로 고치세요. "
                   "(" STALENESS_REFERENCE ") [translation-overdue]");
}

/* The particle after the date is the one its last digit, read in Sino-Korean, takes:
 * 2026-12-06으로 (육), 2026-11-30으로 (영), 2026-12-03으로 (삼), 2026-12-07로 (칠),
 * 2026-12-02로 (이). */
static void test_korean_particle_after_the_date(void **state)
{
    S_fix *fx = *state;
    static const struct {
        date_ymd reviewed;
        const char *ending;
    } cases[] = {
        {{2026, 12, 6}, "source_reviewed 값을 2026-12-06으로 고치세요."},
        {{2026, 11, 30}, "source_reviewed 값을 2026-11-30으로 고치세요."},
        {{2026, 12, 3}, "source_reviewed 값을 2026-12-03으로 고치세요."},
        {{2026, 12, 7}, "source_reviewed 값을 2026-12-07로 고치세요."},
        {{2026, 12, 2}, "source_reviewed 값을 2026-12-02로 고치세요."},
        {{2026, 12, 8}, "source_reviewed 값을 2026-12-08로 고치세요."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fx->source.reviewed = cases[i].reviewed;
        /* Stale (a week on) and overdue (a year on) say it alike. */
        assert_int_equal(S_check(fx, "ko", "en", (date_ymd){2026, 12, 14}), TRANSLATION_STALE);
        assert_int_equal(S_check(fx, "ko", "en", (date_ymd){2027, 12, 14}),
                         TRANSLATION_OVERDUE);
        for (size_t k = 2 * i; k < 2 * i + 2; k++) {
            const char *m = diag_get(fx->diags, k)->message;
            if (!strstr(m, cases[i].ending))
                fail_msg("expected '%s' in: %s", cases[i].ending, m);
        }
    }
}

static void test_english(void **state)
{
    S_fix *fx = *state;
    assert_int_equal(S_check(fx, "en", "ko", (date_ymd){2026, 12, 2}), TRANSLATION_STALE);
    assert_int_equal(S_check(fx, "en-GB", "ko", (date_ymd){2027, 6, 1}), TRANSLATION_OVERDUE);
    /* Any other language gets the English message. */
    assert_int_equal(S_check(fx, "ja", "ko", (date_ymd){2026, 12, 1}), TRANSLATION_STALE);
    assert_int_equal(diag_count(fx->diags), 3);
    tu_expect_diag(fx->diags, 0,
                   "content/articles/ko/x.md:10:18: warning: this translation follows the "
                   "Korean source, content/articles/en/x.md, as reviewed on 2026-11-20, but the "
                   "source was reviewed again on 2026-12-01, 1 day ago (translation_max_lag_days "
                   "allows 90); bring the source's changes into the translation and set "
                   "source_reviewed to 2026-12-01 (" STALENESS_REFERENCE ") [translation-stale]");
    tu_expect_diag(fx->diags, 1,
                   "content/articles/ko/x.md:10:18: error: this translation follows the Korean "
                   "source, content/articles/en/x.md, as reviewed on 2026-11-20, but the source "
                   "was reviewed again on 2026-12-01, 182 days ago: more than the 90 days "
                   "translation_max_lag_days allows; bring the source's changes into the "
                   "translation and set source_reviewed to 2026-12-01 (" STALENESS_REFERENCE
                   ") [translation-overdue]");
    assert_non_null(strstr(diag_get(fx->diags, 2)->message, ", 0 days ago ("));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, S_setup, S_teardown)
    const struct CMUnitTest tests[] = {
        T(test_current),
        T(test_stale_korean),
        T(test_overdue_korean),
        T(test_korean_particle_after_the_date),
        T(test_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
