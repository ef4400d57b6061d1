/*
 * test_claims.c: the sentences of issue 17 ("Negation scope", "Claim shapes the patterns do
 * not reach", "Claims, not strings") against the shipped rules, content/compliance.yaml,
 * each with the outcome the issue asks for: flagged by a named rule, or passed by every
 * rule. They are run through compliance_scan as one paragraph each, as the lint does.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/compliance.h"

typedef struct {
    const char *lang;
    const char *text;
    const char *rule; /* must be among the findings; NULL: there must be none */
} S_case;

static const S_case S_cases[] = {
    /* Negation scope: a coordinated claim is judged on its own. */
    {"en", "No downtime and guaranteed results.", "guaranteed-results"},
    {"en", "Without surgery, guaranteed results.", "guaranteed-results"},
    {"en", "No pain and the results are permanent.", "permanent-results"},
    {"en", "Nothing beats our 100% success rate.", "success-and-satisfaction-rates"},
    {"en", "Nothing beats our 100% success rate.", "superlative-claims"},
    {"en", "Nothing compares to our thread lift.", "superlative-claims"},
    /* A negation that governs its claim in the same clause. */
    {"en", "There is no guarantee that the lift will last.", NULL},
    {"en", "No treatment can guarantee a result.", NULL},
    {"en", "Nobody can promise you a particular result.", NULL},
    {"en", "We cannot promise that the effect is permanent.", NULL},
    {"en", "A thread lift is not permanent.", NULL},
    {"en", "Permanent results are not possible with threads.", NULL},
    {"ko", "시술 결과를 보장하지 않습니다.", NULL},
    {"ko", "효과를 보장할 수 없습니다.", NULL},
    {"ko", "실 리프팅의 효과는 영구적이지 않습니다.", NULL},
    {"ko", "효과가 영구적인 것은 아닙니다.", NULL},
    /* Pseudo-negations are not cues. */
    {"en", "Not only painless but also quick.", "painless-claims"},
    {"en", "No doubt: guaranteed results.", "guaranteed-results"},
    {"en", "No wonder our results are guaranteed.", "guaranteed-results"},
    {"ko", "틀림없이 보장되는 효과입니다.", "guaranteed-results"},
    /* A claim that is itself negative needs a second negation. */
    {"en", "Our lift has no side effects.", "no-side-effects-or-risk"},
    {"ko", "부작용이 없습니다.", "no-side-effects-or-risk"},
    {"ko", "통증 無 리프팅.", "painless-claims"},
    {"ko", "부작용 NO 리프팅.", "no-side-effects-or-risk"},
    {"ko", "부작용 없음.", "no-side-effects-or-risk"},
    {"ko", "흉터 없이 끝나는 리프팅.", "no-scar-claims"},
    {"ko", "부작용이 전혀 없는 시술은 없습니다.", NULL},
    {"en", "There is no procedure without side effects.", NULL},
    {"en", "No lift is risk-free.", NULL},
    /* Exceptions about the words themselves. */
    {"en", "Ask which option is best suited to your skin.", NULL},
    {"en", "Nerve injury can cause permanent damage in rare cases.", NULL},
    /* Qualifiers between the negation and the risk. */
    {"en", "There are no major and permanent side effects.", "no-side-effects-or-risk"},
    {"en", "The treatment carries no health risks.", "no-side-effects-or-risk"},
    {"en", "Zero risk of complications.", "no-side-effects-or-risk"},
    {"en", "A risk-free lift.", "no-side-effects-or-risk"},
    /* Success and satisfaction rates. */
    {"en", "A 100% success rate.", "success-and-satisfaction-rates"},
    {"en", "98% of patients satisfied.", "success-and-satisfaction-rates"},
    {"ko", "재수술률 0%를 자랑합니다.", "success-and-satisfaction-rates"},
    {"ko", "만족도 99%의 리프팅.", "success-and-satisfaction-rates"},
    {"ko", "성공률 100%입니다.", "success-and-satisfaction-rates"},
    /* Unqualified safety, and safety stated with its conditions. */
    {"en", "A safe and innovative lift.", "safety-and-efficacy-claims"},
    {"ko", "안전한 시술입니다.", "safety-and-efficacy-claims"},
    {"en", "The procedure is generally safe when done by a trained doctor.", NULL},
    {"en", "Safety depends on the doctor's training and your health.", NULL},
    /* Comparison with named treatments or brands; between procedure types it is lawful. */
    {"en", "Results comparable to Ultherapy.", "comparison-with-named-treatments"},
    {"ko", "울쎄라보다 효과적인 리프팅.", "comparison-with-named-treatments"},
    {"ko", "써마지만큼 탄력 있는 피부.", "comparison-with-named-treatments"},
    {"en", "A thread lift lasts less long than a facelift.", NULL},
    /* Narrative testimonials. */
    {"ko", "\"주변에서 훨씬 어려 보인다는 말을 들었어요\" - 40대 고객님", "patient-testimonials"},
    {"ko", "시술 받고 10년은 젊어 보여요.", "patient-testimonials"},
    {"en", "My wife said I look ten years younger.", "patient-testimonials"},
    /* Celebrity endorsement. */
    {"en", "The lift the stars choose.", "celebrity-endorsements"},
    {"ko", "연예인이 선택한 리프팅.", "celebrity-endorsements"},
    {"ko", "셀럽 리프팅으로 유명합니다.", "celebrity-endorsements"},
};

typedef struct {
    char ids[8][48];
    size_t n;
} S_found;

static void S_record(void *ctx, const rule *r, size_t start, size_t end)
{
    (void)start;
    (void)end;
    S_found *f = ctx;
    if (f->n < 8)
        snprintf(f->ids[f->n++], sizeof f->ids[0], "%s", r->id);
}

static compliance *S_rules;

static int S_setup(void **state)
{
    (void)state;
    const char *root = getenv("SUTURE_ROOT");
    char *path = path_join(root && *root ? root : ".", "content/compliance.yaml");
    diag_list *diags = diag_list_new();
    S_rules = compliance_load(path, NULL, diags);
    if (!S_rules)
        diag_list_print(diags, stderr);
    diag_list_free(diags);
    free(path);
    return S_rules ? 0 : -1;
}

static int S_teardown(void **state)
{
    (void)state;
    compliance_free(S_rules);
    return 0;
}

static void test_issue_examples(void **state)
{
    (void)state;
    compliance_scanner *s = compliance_scanner_new();
    size_t wrong = 0;
    for (size_t i = 0; i < sizeof S_cases / sizeof *S_cases; i++) {
        const S_case *c = &S_cases[i];
        size_t len = strlen(c->text);
        char *copy = xcalloc(len + 64, 1); /* spare zero bytes for PCRE2's JIT */
        memcpy(copy, c->text, len);
        S_found f = {.n = 0};
        compliance_scan(S_rules, s, c->lang, copy, len, S_record, &f);
        free(copy);
        bool ok = c->rule == NULL ? f.n == 0 : false;
        for (size_t k = 0; c->rule && k < f.n; k++)
            ok |= strcmp(f.ids[k], c->rule) == 0;
        if (!ok) {
            print_message("%s: \"%s\": expected %s, found", c->lang, c->text,
                          c->rule ? c->rule : "nothing");
            for (size_t k = 0; k < f.n; k++)
                print_message(" %s", f.ids[k]);
            print_message("%s\n", f.n ? "" : " nothing");
            wrong++;
        }
    }
    compliance_scanner_free(s);
    assert_int_equal(wrong, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_examples),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
