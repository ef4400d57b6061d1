/* lintbuild.c: the lint, then the build (see lintbuild.h). */
#define _GNU_SOURCE
#include "cli/lintbuild.h"

#include <stdlib.h>

#include "base/files.h"

int lintbuild_run(const site_options *opt, bool preview, diag_list *diags, site_stats *stats,
                  check_marks *marks, bool *built)
{
    if (built)
        *built = false;
    diag_list *lint = diag_list_new();
    check_lint_options lo = {
        .content_dir = opt->content_dir,
        .drafts = opt->drafts,
        .jobs = opt->jobs,
        .today = check_today(),
        /* Reading level is advice for the writer: the preview shows it, as suture check
         * does; a build enforces only what may be published, and is spared the cost. */
        .skip_reading = !preview,
    };
    int status;
    if (!path_is_dir(opt->content_dir)) {
        /* Nothing to lint: the build says what is missing. */
        status = site_build(opt, diags, stats);
    } else if (check_lint(&lo, lint, marks) == CHECK_NO_RULES) {
        char *rules = path_join(opt->content_dir, "compliance.yaml");
        diag_error(diags, rules, 0, 0, "rules",
                   "there are no compliance rules: this file does not exist; suture build "
                   "lints what it publishes against them, as suture check does, so add the "
                   "site's compliance.yaml");
        free(rules);
        status = SITE_ENVIRONMENT_ERROR;
    } else if (diag_error_count(lint) > 0 && !preview) {
        /* Nothing is published; what the build would say as well is still said. */
        status = site_validate(opt, diags) == SITE_ENVIRONMENT_ERROR ? SITE_ENVIRONMENT_ERROR
                                                                     : SITE_INPUT_ERRORS;
    } else {
        status = site_build(opt, diags, stats);
        if (built)
            *built = status == SITE_OK;
        if (status == SITE_OK && diag_error_count(lint) > 0)
            status = SITE_INPUT_ERRORS;
    }
    diag_list_merge(diags, lint);
    diag_list_free(lint);
    return status;
}
