/*
 * lintbuild.h: what `suture build` and `suture serve` run: the compliance lint of what is
 * published (check_lint, the code and rules of `suture check`), then the build (issue 17,
 * "Enforced where pages are made"). build/ may not read check/: the command line joins
 * them here.
 */
#ifndef SUTURE_LINTBUILD_H
#define SUTURE_LINTBUILD_H

#include <stdbool.h>

#include "base/diag.h"
#include "build/site.h"
#include "check/check.h"

/*
 * Lint what opt publishes (its articles, drafts only with opt->drafts; site.yaml,
 * data/procedures.yaml, glossary.yaml), then build it, adding every diagnostic of both to
 * diags (what both report, such as a front matter that does not parse, once). Reading
 * grades are measured for the preview only (check_lint_options.skip_reading).
 *
 * A lint error is a build error: unless preview, the site is then not built, and the old
 * output folder is left as it was; the build's own checks still run (site_validate), so
 * that one run names every mistake. With preview (suture serve), the site is built all the
 * same when only the lint found errors, so that the writer sees the page with its findings
 * marked (serveoverlay.h); the status says the content cannot be published. Warnings never
 * stop a build.
 *
 * Without content/compliance.yaml nothing can be linted and nothing is built, as
 * `suture check` refuses to run then: an error at that file says so, and the status is
 * SITE_ENVIRONMENT_ERROR.
 *
 * marks, when not NULL, receives the lint's findings with their phrases (free with
 * check_marks_free). *built, when not NULL, says whether the output folder holds this
 * content's pages now. Returns SITE_OK (nothing to fix), SITE_INPUT_ERRORS (errors in
 * diags) or SITE_ENVIRONMENT_ERROR. page_init must have been called.
 */
int lintbuild_run(const site_options *opt, bool preview, diag_list *diags, site_stats *stats,
                  check_marks *marks, bool *built);

/*
 * Have the build take what the lint read (read, which must outlive the build) instead of
 * reading and parsing each article again: sets opt->read_before and its context. Each
 * article's front matter and heading ids move to the build as it takes them.
 */
void lintbuild_read_before(site_options *opt, check_articles_read *read);

#endif
