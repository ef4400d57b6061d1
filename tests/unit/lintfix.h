/*
 * lintfix.h: the fixture of the lint tests (test_lint.c, test_lint_languages.c): a
 * site.yaml and compliance rules written into a fresh temporary folder and loaded (both
 * must be valid), a scanner, a diagnostics list, and the lint context over them.
 */
#ifndef SUTURE_TEST_LINTFIX_H
#define SUTURE_TEST_LINTFIX_H

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "check/compliance.h"
#include "check/lint.h"
#include "content/config.h"

typedef struct {
    char *dir;
    config *cfg;
    compliance *rules;
    compliance_scanner *s;
    diag_list *diags;
    lint_context ctx;
    lint_result res;
} lint_fix;

/* A fixture in /tmp/suture-test-<tag>-XXXXXX with site (site.yaml) and rules, linting on
 * 2026-06-01. */
static inline lint_fix *lintfix_new(const char *tag, const char *site, const char *rules)
{
    lint_fix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir(tag);
    fx->diags = diag_list_new();
    char *site_path = tu_write_file(fx->dir, "site.yaml", site);
    fx->cfg = config_load(site_path, fx->diags);
    free(site_path);
    char *rules_path = tu_write_file(fx->dir, "compliance.yaml", rules);
    fx->rules = compliance_load(rules_path, NULL, fx->diags);
    free(rules_path);
    if (diag_count(fx->diags))
        diag_list_print(fx->diags, stderr);
    assert_non_null(fx->cfg);
    assert_non_null(fx->rules);
    assert_int_equal(diag_count(fx->diags), 0);
    fx->s = compliance_scanner_new();
    fx->ctx = (lint_context){.rules = fx->rules,
                             .cfg = fx->cfg,
                             .today = {2026, 6, 1},
                             .diags = fx->diags};
    return fx;
}

/* Free the fixture and remove its folder; 0, or -1 when the folder could not be removed. */
static inline int lintfix_free(lint_fix *fx)
{
    lint_result_free(&fx->res);
    compliance_scanner_free(fx->s);
    compliance_free(fx->rules);
    config_free(fx->cfg);
    diag_list_free(fx->diags);
    int rc = tu_tmpdir_remove(fx->dir);
    free(fx);
    return rc;
}

#endif
