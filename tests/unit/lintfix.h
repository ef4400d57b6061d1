/*
 * lintfix.h: the fixture of the unit tests that lint articles and data (test_lint.c,
 * test_readability_ko_check.c, test_lint_languages.c): a site.yaml and a compliance.yaml written into a fresh
 * temporary folder and loaded as `suture check` loads them, a scanner, and the result of
 * the last lint (test_lint_languages.c too).
 */
#ifndef SUTURE_LINTFIX_H
#define SUTURE_LINTFIX_H

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
} lintfix;

/* A fixture named tag with the site settings site and the rules rules (YAML texts),
 * reviews counted to today; fails the test when either does not load cleanly. */
static inline lintfix *lintfix_new(const char *tag, const char *site, const char *rules,
                                   date_ymd today)
{
    lintfix *fx = xcalloc(1, sizeof *fx);
    fx->dir = tu_tmpdir(tag);
    fx->diags = diag_list_new();
    char *path = tu_write_file(fx->dir, "site.yaml", site);
    fx->cfg = config_load(path, fx->diags);
    free(path);
    path = tu_write_file(fx->dir, "compliance.yaml", rules);
    fx->rules = compliance_load(path, NULL, fx->diags);
    free(path);
    if (diag_count(fx->diags))
        diag_list_print(fx->diags, stderr);
    assert_non_null(fx->cfg);
    assert_non_null(fx->rules);
    assert_int_equal(diag_count(fx->diags), 0);
    fx->s = compliance_scanner_new();
    fx->ctx = (lint_context){.rules = fx->rules, .cfg = fx->cfg, .today = today,
                             .diags = fx->diags};
    return fx;
}

/* Free the fixture and remove its folder; returns 0, or -1 when the folder stays. */
static inline int lintfix_free(lintfix *fx)
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

/* Lint text as the article path and sort the diagnostics. */
static inline void lintfix_lint(lintfix *fx, const char *path, const char *text)
{
    lint_article(&fx->ctx, fx->s, path, NULL, text, strlen(text), &fx->res);
    diag_list_sort(fx->diags);
}

#endif
