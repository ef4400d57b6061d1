/*
 * test_clause.c: the `clauses:` section of a rules file (clause.h): reading it, with every
 * error at its position, the clause ICU's word boundaries give around a match, and the
 * negation that governs a match in its clause, alone and through compliance_scan.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/clause.h"
#include "check/compliance.h"

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "clause", "compliance.yaml");
}

/* One patterns rule (lines 1-6 and its patterns), then a clauses section. */
#define S_RULE(extra)                                                                          \
    "rules:\n"                   /* 1 */                                                        \
    "  - id: a\n"                /* 2 */                                                        \
    "    severity: error\n"      /* 3 */                                                        \
    "    kind: patterns\n"       /* 4 */                                                        \
    "    message: m\n"           /* 5 */                                                        \
    "    reference: r\n"         /* 6 */                                                        \
    extra

static const char S_clauses[] =
    "clauses:\n"
    "  punctuation: [',', ';', ':']\n"
    "  en:\n"
    "    starts: [and, but]\n"
    "    negation-before: ['\\b(?:no|not|never|nothing|cannot)\\b']\n"
    "    negation-after: ['\\G\\s+results\\s+(?:is|are)\\s+not\\s+possible\\b']\n"
    "    not-negation: ['\\bnot\\s+only\\b', '\\bnothing\\s+beats\\b']\n"
    "    mentions: ['\\bsuch\\s+as\\b']\n"
    "    belief-before: ['\\b(?:think|say)\\b']\n"
    "    refutation: ['\\bbut\\s+(?:they|most)\\b']\n"
    "  ko:\n"
    "    ends: [고, 지만]\n"
    "    not-ends: [최고, 다고, 라고]\n"
    "    negation-after: ['않|아닙|없']\n"
    "    not-negation: ['틀림없']\n"
    "    belief-after: ['다고\\s*생각하']\n"
    "    refutation: ['생각하기\\s*쉽지만|그렇지\\s*않']\n";

static compliance *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    compliance *c = compliance_load(f->path, NULL, f->diags);
    if (!c)
        diag_list_print(f->diags, stderr);
    return c;
}

/* The rule file with the patterns line given and S_clauses. */
static compliance *S_load_with(tu_fixture *f, const char *patterns)
{
    char *yaml = xasprintf(S_RULE("%s") "%s", patterns, S_clauses);
    compliance *c = S_load(f, yaml);
    free(yaml);
    assert_non_null(c);
    return c;
}

/* ---- clauses ---- */

/* The clause around the first occurrence of word in text, as a string. */
static char *S_clause(const compliance *c, const char *text, const char *word)
{
    clause_scanner *s = clause_scanner_new();
    size_t start = (size_t)(strstr(text, word) - text), cfrom, cto;
    clause_around(c->clauses, s, text, 0, strlen(text), start, start + strlen(word), &cfrom,
                  &cto);
    clause_scanner_free(s);
    return xasprintf("%.*s", (int)(cto - cfrom), text + cfrom);
}

static void S_expect_clause(const compliance *c, const char *text, const char *word,
                            const char *expected)
{
    char *got = S_clause(c, text, word);
    assert_string_equal(got, expected);
    free(got);
}

static void test_clause_english(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['x']\n");
    /* A conjunction begins the next clause; punctuation ends one. */
    S_expect_clause(c, "No downtime and guaranteed results.", "guaranteed",
                    "and guaranteed results.");
    S_expect_clause(c, "No downtime and guaranteed results.", "downtime", "No downtime ");
    S_expect_clause(c, "Without surgery, guaranteed results.", "guaranteed",
                    " guaranteed results.");
    /* Case does not matter; a word that merely contains one (android) is no boundary. */
    S_expect_clause(c, "Calm AND android BUT best", "android", "AND android ");
    /* A boundary inside the match is ignored: the claim has both clauses. */
    S_expect_clause(c, "There are no major and permanent side effects.",
                    "major and permanent side effects",
                    "There are no major and permanent side effects.");
    compliance_free(c);
}

static void test_clause_korean(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['x']\n");
    /* An 어절 ending in a connective ending closes its clause after itself. */
    S_expect_clause(c, "통증이 적고 효과는 영구적입니다.", "영구", " 효과는 영구적입니다.");
    S_expect_clause(c, "통증이 적고 효과는 영구적입니다.", "통증", "통증이 적고");
    S_expect_clause(c, "비싸지만 효과가 좋습니다", "효과", " 효과가 좋습니다");
    /* ...unless it ends in a listed non-ending: a noun (최고) or a quotative (-다고). */
    S_expect_clause(c, "국내 최고 리프팅", "리프팅", "국내 최고 리프팅");
    S_expect_clause(c, "영구적이라고 할 수 없습니다", "영구", "영구적이라고 할 수 없습니다");
    compliance_free(c);
}

static void test_clause_without_data(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load(f, S_RULE("    patterns: ['x']\n"));
    assert_non_null(c);
    assert_null(c->clauses);
    /* Without a clauses section the clause is the sentence, and nothing is negated. */
    clause_scanner *s = clause_scanner_new();
    size_t cfrom, cto;
    clause_around(NULL, s, "a, b and c", 0, 10, 9, 10, &cfrom, &cto);
    assert_int_equal(cfrom, 0);
    assert_int_equal(cto, 10);
    assert_false(clause_negated(NULL, s, "not c", 0, 5, 4, 5));
    clause_scanner_free(s);
    clause_scanner_free(NULL);
    clause_data_free(NULL);
    compliance_free(c);
}

/* ---- negation, through compliance_scan ---- */

static void S_count(void *ctx, const rule *r, size_t start, size_t end)
{
    (void)r;
    (void)start;
    (void)end;
    (*(size_t *)ctx)++;
}

static size_t S_findings(const compliance *c, const char *lang, const char *text)
{
    compliance_scanner *s = compliance_scanner_new();
    size_t len = strlen(text), n = 0;
    char *copy = xcalloc(len + 64, 1); /* spare zero bytes for PCRE2's JIT */
    memcpy(copy, text, len);
    compliance_scan(c, s, lang, copy, len, S_count, &n);
    free(copy);
    compliance_scanner_free(s);
    return n;
}

typedef struct {
    const char *text;
    size_t findings;
} S_case;

static void S_expect_findings(const compliance *c, const char *lang, const S_case *cases,
                              size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t got = S_findings(c, lang, cases[i].text);
        if (got != cases[i].findings)
            fail_msg("\"%s\": %zu findings, expected %zu", cases[i].text, got,
                     cases[i].findings);
    }
}

static void test_negation_english(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['\\bguarantee\\w*', '\\bpermanent\\b', "
                                   "'\\bno\\s+side\\s+effects\\b', '\\brisk-free\\b']\n");
    static const S_case cases[] = {
        /* A cue before the claim in its clause negates it... */
        {"There is no guarantee.", 0},
        {"We cannot guarantee it.", 0},
        /* ...not across a conjunction or a comma. */
        {"No downtime and guaranteed results.", 1},
        {"Not surgery, guaranteed results.", 1},
        /* Pseudo-negations are no cues. */
        {"Not only guaranteed, permanent.", 2},
        {"Nothing beats a guarantee.", 1},
        /* A cue after the claim, where the file lists one (\G is the claim's end). */
        {"Permanent results are not possible.", 0},
        {"Permanent lifts are not possible.", 1},
        /* A negative claim needs a second negation; its own "no" does not count. */
        {"A lift with no side effects.", 1},
        {"No lift is risk-free.", 0},
    };
    S_expect_findings(c, "en", cases, sizeof cases / sizeof *cases);
    compliance_free(c);
}

static void test_negation_korean(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['보장', '영구', '부작용이?\\s*(?:전혀\\s*)?없']\n");
    static const S_case cases[] = {
        {"효과를 보장하지 않습니다.", 0},
        {"효과가 영구적인 것은 아닙니다.", 0},
        /* The cue must follow the claim in its clause. */
        {"통증은 없고 효과는 보장합니다.", 1},
        {"않습니다. 보장합니다.", 1},
        {"틀림없이 보장됩니다.", 1},
        /* A negative claim and a double negative. */
        {"부작용이 없습니다.", 1},
        {"부작용이 전혀 없는 시술은 없습니다.", 0},
    };
    S_expect_findings(c, "ko", cases, sizeof cases / sizeof *cases);
    compliance_free(c);
}

static void test_quoted_mentions(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['\\bguarantee\\w*']\n");
    static const S_case cases[] = {
        /* Quoted, in a sentence that talks about words: a mention, not a claim. */
        {"Claims such as \u201Cguaranteed results\u201D mislead.", 0},
        {"Claims such as \"results guaranteed\" mislead.", 0},
        /* Quoted without such words (a testimonial), or such words without quotes. */
        {"\u201CGuaranteed results,\u201D she said.", 1},
        {"Claims such as guaranteed results mislead.", 1},
        /* A closing mark before the match ends the quotation. */
        {"Such as \u201Cthis\u201D, guaranteed.", 1},
    };
    S_expect_findings(c, "en", cases, sizeof cases / sizeof *cases);
    assert_false(clause_mentioned(NULL, NULL, "\"a\"", 0, 3, 1, 2));
    compliance_free(c);
}

/* A claim reported as a belief and refuted in its sentence is not made (clause.h). */
static void test_refuted_beliefs(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['\\bguarantee\\w*', "
                                   "'\\bno\\s+side\\s+effects\\b', "
                                   "'부작용이?\\s*(?:전혀\\s*)?없']\n");
    static const S_case english[] = {
        {"People think lifts have no side effects, but they can.", 0},
        /* Reported without a refutation, the claim stands. */
        {"People think lifts have no side effects.", 1},
        {"Our patients say results are guaranteed.", 1},
        /* The claim after the refutation, or the belief after the claim. */
        {"People think lifts fail, but they are guaranteed.", 1},
        {"Lifts have no side effects, but they think so.", 1},
    };
    S_expect_findings(c, "en", english, sizeof english / sizeof *english);
    static const S_case korean[] = {
        {"부작용이 전혀 없다고 생각하기 쉽지만, 그렇지 않습니다.", 0},
        {"부작용이 전혀 없다고 생각하는 분이 많습니다.", 1},
        {"생각하기 쉽지만 부작용이 없습니다.", 1},
    };
    S_expect_findings(c, "ko", korean, sizeof korean / sizeof *korean);
    assert_false(clause_refuted(NULL, NULL, "a", 0, 1, 0, 1));
    compliance_free(c);
}

static void test_negation_exempts_false(void **state)
{
    tu_fixture *f = *state;
    char *yaml = xasprintf(S_RULE("    negation-exempts: false\n"
                                  "    patterns: ['\\bother\\s+clinics\\b']\n") "%s",
                           S_clauses);
    compliance *c = S_load(f, yaml);
    assert_non_null(c);
    assert_false(c->rules[0].negation_exempts);
    assert_int_equal(S_findings(c, "en", "Not like other clinics."), 1);
    compliance_free(c);
    free(yaml);
}

static void test_clause_exceptions(void **state)
{
    tu_fixture *f = *state;
    compliance *c = S_load_with(f, "    patterns: ['\\bbest\\b']\n"
                                   "    clause-exceptions: ['\\bbest\\s+suited\\b']\n");
    assert_int_equal(c->rules[0].clause_exceptions.len, 1);
    /* A clause exception cancels a match in its own clause only. */
    assert_int_equal(S_findings(c, "en", "Ask who is best suited."), 0);
    assert_int_equal(S_findings(c, "en", "The best lift, best suited to you."), 1);
    compliance_free(c);
}

/* ---- errors ---- */

static void S_expect_errors(tu_fixture *f, const char *clauses, size_t n, ...)
{
    char *yaml = xasprintf(S_RULE("    patterns: ['x']\n") "%s", clauses);
    tu_fixture_write(f, yaml);
    free(yaml);
    assert_null(compliance_load(f->path, NULL, f->diags));
    va_list ap;
    va_start(ap, n);
    tu_fixture_diags_v(f, n, ap);
    va_end(ap);
}

static void test_error_clauses_not_a_map(void **state)
{
    S_expect_errors(*state, "clauses: [a]\n", 1,
                    ":8:10: error: 'clauses' must be a mapping of 'key: value' lines, but it "
                    "is a list");
}

static void test_error_clauses_unknown_key(void **state)
{
    S_expect_errors(*state,
                    "clauses:\n"
                    "  punctuaton: [',']\n"
                    "  1x: {}\n",
                    2,
                    ":9:3: error: 'punctuaton' in 'clauses' is neither 'punctuation' nor a "
                    "language code such as en or ko; did you mean 'punctuation'?",
                    ":10:3: error: '1x' in 'clauses' is neither 'punctuation' nor a language "
                    "code such as en or ko");
}

static void test_error_language_lists(void **state)
{
    S_expect_errors(*state,
                    "clauses:\n"
                    "  en:\n"
                    "    start: [and]\n"
                    "    ends: and\n"
                    "    not-ends: ['', x]\n"
                    "    negation-before: ['(no']\n"
                    "  ko: 5\n",
                    5,
                    ":10:5: error: unknown key 'start' in the clause lists of 'en'; did you "
                    "mean 'starts'?",
                    ":11:11: error: 'ends' must be a list, one entry per line starting with "
                    "'- ' or written [a, b, c]",
                    ":12:16: error: each entry of 'not-ends' is empty; write some text",
                    ":13:27: error: the pattern '(no' does not compile: missing closing "
                    "parenthesis, at character 4 of the pattern; see the PCRE2 pattern syntax",
                    ":14:7: error: the clause lists of 'ko' must be a mapping of 'key: value' "
                    "lines, but it is a single value");
}

static void test_error_negation_exempts(void **state)
{
    tu_fixture *f = *state;
    tu_fixture_write(f, S_RULE("    patterns: ['x']\n    negation-exempts: maybe\n"));
    assert_null(compliance_load(f->path, NULL, f->diags));
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":8:23: error: 'negation-exempts' must be true or false");
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_clause_english),
        T(test_clause_korean),
        T(test_clause_without_data),
        T(test_negation_english),
        T(test_negation_korean),
        T(test_quoted_mentions),
        T(test_refuted_beliefs),
        T(test_negation_exempts_false),
        T(test_clause_exceptions),
        T(test_error_clauses_not_a_map),
        T(test_error_clauses_unknown_key),
        T(test_error_language_lists),
        T(test_error_negation_exempts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
