/* lintbuild.c: the lint, then the build (see lintbuild.h). */
#define _GNU_SOURCE
#include "cli/lintbuild.h"

#include <stdlib.h>
#include <string.h>

#include "base/files.h"

static int S_cmp_read(const void *key, const void *item)
{
    return strcmp(key, ((const check_article_read *)item)->path);
}

/* site_options.read_before: what the lint read of path, its front matter and heading ids
 * moved out. Each thread asks for other paths, so no two touch one item. */
static bool S_read_before(void *ctx, const char *path, site_read *out)
{
    check_articles_read *read = ctx;
    if (read->n == 0)
        return false; /* bsearch may not be given no array */
    check_article_read *r = bsearch(path, read->items, read->n, sizeof *read->items, S_cmp_read);
    if (!r || !r->fm)
        return false;
    *out = (site_read){
        .fm = r->fm,
        .body_line = r->body_line,
        .heading_ids = r->heading_ids,
        .heading_ids_known = r->heading_ids_known,
        .source = r->source,
    };
    r->fm = NULL;
    r->heading_ids = (strlist)STRLIST_INIT;
    return true;
}

void lintbuild_read_before(site_options *opt, check_articles_read *read)
{
    opt->read_before = S_read_before;
    opt->read_before_ctx = read;
}

int lintbuild_run(const site_options *opt, bool preview, diag_list *diags, site_stats *stats,
                  check_marks *marks, bool *built)
{
    if (built)
        *built = false;
#ifdef SUTURE_BENCH_NO_LINT
    /* Only in the binary make bench builds for its build-no-lint row (Makefile): the build
     * alone, the baseline against which the lint's cost is read. */
    if (!preview) {
        int alone = site_build(opt, diags, stats);
        if (built)
            *built = alone == SITE_OK;
        return alone;
    }
#endif
    diag_list *lint = diag_list_new();
    /* What the lint reads of each article, which the build then need not read again. */
    check_articles_read read = {0};
    site_options with_read = *opt;
    lintbuild_read_before(&with_read, &read);
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
    } else if (check_lint(&lo, lint, marks, &read) == CHECK_NO_RULES) {
        char *rules = path_join(opt->content_dir, "compliance.yaml");
        diag_error(diags, rules, 0, 0, "rules",
                   "there are no compliance rules: this file does not exist; suture build "
                   "lints what it publishes against them, as suture check does, so add the "
                   "site's compliance.yaml");
        free(rules);
        status = SITE_ENVIRONMENT_ERROR;
    } else if (diag_error_count(lint) > 0 && !preview) {
        /* Nothing is published; what the build would say as well is still said. */
        status = site_validate(&with_read, diags) == SITE_ENVIRONMENT_ERROR
                     ? SITE_ENVIRONMENT_ERROR
                     : SITE_INPUT_ERRORS;
    } else {
        status = site_build(&with_read, diags, stats);
        if (built)
            *built = status == SITE_OK;
        if (status == SITE_OK && diag_error_count(lint) > 0)
            status = SITE_INPUT_ERRORS;
    }
    diag_list_merge(diags, lint);
    diag_list_free(lint);
    check_articles_read_free(&read);
    return status;
}
