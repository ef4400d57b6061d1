/*
 * test_rules.c: the shipped rule set (content/compliance.yaml) against its test cases
 * (tests/compliance/cases.yaml), one cmocka test per rule.
 *
 * For a patterns rule each case is Markdown body text, put into an article of the case's
 * language; for the other kinds each case is a whole article. Cases under `flag` and
 * `disguised` must be reported by the rule, cases under `pass` must not. Every rule must
 * have cases: flag, pass and disguised ones in each language it applies to (flag and pass
 * for rules that are not patterns). Each case must give the same findings with the
 * Vectorscan prefilter as without it. Review dates count to 2026-11-20.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "check/compliance.h"
#include "check/lint.h"
#include "content/config.h"
#include "content/yamldoc.h"

static const char *const S_langs[] = {"en", "ko", NULL};
static const char *const S_lists[] = {"flag", "pass", "disguised", NULL};

typedef struct {
    compliance *rules;
    config *cfg;
    ydoc *cases;
    diag_list *load_diags;
    size_t total_cases;
} S_suite;

static S_suite S;

typedef struct {
    const rule *r;
    yaml_node_t *entry;   /* the rule's entry in cases.yaml, or NULL */
} S_rule_case;

static char *S_root_path(const char *rel)
{
    const char *root = getenv("SUTURE_ROOT");
    return path_join(root && *root ? root : ".", rel);
}

/* Lint one case; returns how many findings of rule r it gives, printing them on request. */
static size_t S_lint_case(const rule *r, const char *lang, const char *text, bool print)
{
    char *article;
    if (r->kind == RULE_PATTERNS)
        article = xasprintf("---\ntitle: \"Case\"\nsummary: \"A test case.\"\n"
                            "topics: [anatomy]\ndate: 2026-11-01\nreviewed: 2026-11-01\n"
                            "reviewer: \"Medical review team\"\nlang: %s\n---\n%s\n",
                            lang, text);
    else
        article = xstrdup(text);
    diag_list *diags = diag_list_new();
    lint_context ctx = {
        .rules = S.rules, .cfg = S.cfg, .today = {2026, 11, 20}, .diags = diags};
    compliance_scanner *sc = compliance_scanner_new();
    lint_result res = {0};
    lint_article(&ctx, sc, "case.md", NULL, article, strlen(article), &res);
    size_t hits = 0;
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        if (d->category && strcmp(d->category, r->id) == 0)
            hits++;
        if (print) {
            char *line = diag_format(d);
            print_message("    %s\n", line);
            free(line);
        }
    }
    lint_result_free(&res);
    compliance_scanner_free(sc);
    diag_list_free(diags);
    free(article);
    return hits;
}

static void test_rule(void **state)
{
    S_rule_case *rc = *state;
    const rule *r = rc->r;
    if (!rc->entry)
        fail_msg("rule '%s' has no cases in tests/compliance/cases.yaml", r->id);
    size_t counts[3] = {0, 0, 0};
    int failures = 0;
    for (size_t l = 0; S_langs[l]; l++) {
        const char *lang = S_langs[l];
        yaml_node_t *by_lang = ydoc_map_get(S.cases, rc->entry, lang);
        bool applies = rule_applies_to_lang(r, lang);
        if (!applies)
            continue;
        for (size_t k = 0; S_lists[k]; k++) {
            yaml_node_t *list = by_lang ? ydoc_map_get(S.cases, by_lang, S_lists[k]) : NULL;
            size_t n = list && list->type == YAML_SEQUENCE_NODE ? ydoc_len(list) : 0;
            bool needed = k != 2 || r->kind == RULE_PATTERNS;
            if (n == 0 && needed) {
                print_message("rule '%s' has no '%s' cases in %s\n", r->id, S_lists[k], lang);
                failures++;
            }
            for (size_t i = 0; i < n; i++) {
                yaml_node_t *item = ydoc_seq_item(S.cases, list, i);
                const char *text = ydoc_scalar(item);
                if (!text) {
                    failures++;
                    continue;
                }
                counts[k]++;
                bool want = k != 1;
                size_t hits = S_lint_case(r, lang, text, false);
                /* The prefilter may only save work: without it, the same findings. */
                struct prefilter *prefilter = S.rules->prefilter;
                S.rules->prefilter = NULL;
                size_t unscreened = S_lint_case(r, lang, text, false);
                S.rules->prefilter = prefilter;
                if (unscreened != hits) {
                    failures++;
                    print_message("rule '%s', %s case on line %u: %zu findings with the "
                                  "prefilter, %zu without\n",
                                  r->id, lang, ydoc_line(S.cases, item), hits, unscreened);
                }
                if ((hits > 0) != want) {
                    failures++;
                    print_message("rule '%s', %s %s case on line %u %s:\n  %s\n", r->id, lang,
                                  S_lists[k], ydoc_line(S.cases, item),
                                  want ? "was not reported" : "was reported", text);
                    S_lint_case(r, lang, text, true);
                }
            }
        }
    }
    print_message("rule %-36s flag %2zu  pass %2zu  disguised %2zu\n", r->id, counts[0],
                  counts[1], counts[2]);
    S.total_cases += counts[0] + counts[1] + counts[2];
    assert_int_equal(failures, 0);
}

/* Entries in cases.yaml must name rules that exist. */
static void test_cases_name_rules(void **state)
{
    (void)state;
    yaml_node_t *root = ydoc_root(S.cases);
    assert_non_null(root);
    assert_int_equal(root->type, YAML_SEQUENCE_NODE);
    for (size_t i = 0; i < ydoc_len(root); i++) {
        yaml_node_t *e = ydoc_seq_item(S.cases, root, i);
        const char *id = ydoc_scalar(ydoc_map_get(S.cases, e, "rule"));
        assert_non_null(id);
        if (compliance_find(S.rules, id) < 0)
            fail_msg("cases.yaml line %u names the rule '%s', which does not exist",
                     ydoc_line(S.cases, e), id);
    }
}

/* Every rule cites a source and tells the writer what to do. */
static void test_rules_cite_sources(void **state)
{
    (void)state;
    assert_true(S.rules->n_rules >= 20);
    for (size_t i = 0; i < S.rules->n_rules; i++) {
        const rule *r = &S.rules->rules[i];
        assert_true(strlen(r->reference) > 5);
        assert_true(strlen(r->message) > 20);
    }
}

int main(void)
{
    S.load_diags = diag_list_new();
    char *rules_path = S_root_path("content/compliance.yaml");
    char *site_path = S_root_path("content/site.yaml");
    char *cases_path = S_root_path("tests/compliance/cases.yaml");
    S.rules = compliance_load(rules_path, NULL, S.load_diags);
    S.cfg = config_load(site_path, S.load_diags);
    size_t len = 0;
    char *cases_text = file_read(cases_path, &len);
    if (cases_text)
        S.cases = ydoc_load(cases_path, cases_text, len, 0, 0, S.load_diags);
    free(cases_text);
    if (!S.rules || !S.cfg || !S.cases) {
        diag_list_print(S.load_diags, stderr);
        fprintf(stderr, "test_rules: cannot load %s, %s or %s\n", rules_path, site_path,
                cases_path);
        return 1;
    }
    size_t n = S.rules->n_rules;
    S_rule_case *rcs = xcalloc(n + 1, sizeof *rcs);
    struct CMUnitTest *tests = xcalloc(n + 2, sizeof *tests);
    yaml_node_t *root = ydoc_root(S.cases);
    for (size_t i = 0; i < n; i++) {
        rcs[i].r = &S.rules->rules[i];
        for (size_t k = 0; root && k < ydoc_len(root); k++) {
            yaml_node_t *e = ydoc_seq_item(S.cases, root, k);
            const char *id = ydoc_scalar(ydoc_map_get(S.cases, e, "rule"));
            if (id && strcmp(id, rcs[i].r->id) == 0)
                rcs[i].entry = e;
        }
        tests[i] = (struct CMUnitTest){.name = rcs[i].r->id, .test_func = test_rule,
                                       .initial_state = &rcs[i]};
    }
    tests[n] = (struct CMUnitTest){.name = "cases_name_rules", .test_func = test_cases_name_rules};
    tests[n + 1] =
        (struct CMUnitTest){.name = "rules_cite_sources", .test_func = test_rules_cite_sources};
    int failed = _cmocka_run_group_tests("rules", tests, n + 2, NULL, NULL);
    print_message("rule cases: %zu in all\n", S.total_cases);
    free(tests);
    free(rcs);
    ydoc_free(S.cases);
    config_free(S.cfg);
    compliance_free(S.rules);
    diag_list_free(S.load_diags);
    free(rules_path);
    free(site_path);
    free(cases_path);
    return failed;
}
