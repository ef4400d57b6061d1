/* check.c: `suture check` (see check.h). */
#define _GNU_SOURCE
#include "check/check.h"

#include <errno.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "check/compliance.h"
#include "check/datasources.h"
#include "check/explain.h"
#include "check/lint.h"
#include "check/prefilter.h"
#include "check/report.h"
#include "check/siteverify.h"
#include "check/staleness.h"
#include "content/articlefiles.h"
#include "content/config.h"
#include "content/sitepages.h"
#include "content/sources.h"
#include "markdown/markdown.h"
#include "markdown/mdarena.h"

#ifndef SUTURE_VERSION
#define SUTURE_VERSION "0.1.0"
#endif

/* SUTURE_TODAY as a date, or false when it is not set or not a date. */
static bool S_env_today(date_ymd *out)
{
    const char *fixed = getenv("SUTURE_TODAY");
    return fixed && *fixed && date_parse(fixed, out);
}

const char *check_today_problem(void)
{
    const char *fixed = getenv("SUTURE_TODAY");
    date_ymd d;
    return fixed && *fixed && !S_env_today(&d) ? fixed : NULL;
}

date_ymd check_today(void)
{
    date_ymd d;
    if (S_env_today(&d))
        return d;
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long t = strtoll(epoch, &end, 10);
        if (!errno && !*end && t >= 0)
            return date_from_time(t);
    }
    return date_from_time((long long)time(NULL));
}

/* ---- linting the content, on several threads --------------------------------------------- */

/* One article to lint: its file, as listed (articlefiles_list_site), and its language. */
typedef struct {
    char *path;               /* content/articles/ko/x.md */
    const char *rel;          /* ko/x.md: points into the listing */
    const char *lang;         /* its folder's language; NULL: its front matter's, or the site's */
    bool page;                /* a site page of content/pages/ (lint_page), not an article */
} S_article;

typedef struct {
    const lint_context *ctx;
    const char *content_dir;
    const char *articles_dir;
    bool drafts;              /* lint drafts too; else their findings are dropped */
    S_article *articles;      /* the articles, sorted by rel, then the site pages */
    size_t n;
    size_t n_articles;
    lint_result *results;     /* one per article */
    atomic_size_t next;
} S_work;

static void S_lint_file(const S_work *w, compliance_scanner *s, const S_article *a,
                        lint_result *out)
{
    const lint_context *ctx = w->ctx;
    /* What the build would refuse to publish is not read here either. Checked here, on
     * the linting threads, rather than before them: it is a system call per article. */
    if (path_link_outside(a->path, w->content_dir)) {
        articlefiles_report_link_outside(ctx->diags, a->path, w->articles_dir);
        return;
    }
    size_t len = 0;
    char *text = file_read(a->path, &len);
    if (!text) {
        diag_file_problem(ctx->diags, a->path, errno, NULL, "the article");
        return;
    }
    void (*lint)(const lint_context *, compliance_scanner *, const char *, const char *,
                 const char *, size_t, lint_result *) = a->page ? lint_page : lint_article;
    if (w->drafts) {
        lint(ctx, s, a->path, a->lang, text, len, out);
    } else {
        /* Whether it is a draft is known once its front matter is read: what a draft that
         * is not published says is dropped, as the build does not publish it. */
        diag_list *own = diag_list_new();
        lint_context mine = *ctx;
        mine.diags = own;
        lint(&mine, s, a->path, a->lang, text, len, out);
        if (out->fm && out->fm->draft) {
            lint_marks_free(out->marks, out->n_marks);
            out->marks = NULL;
            out->n_marks = 0;
        } else {
            for (size_t i = 0; i < diag_count(own); i++) {
                const diag *d = diag_get(own, i);
                diag_add_lang(ctx->diags, d->severity, d->file, d->line, d->column,
                              d->category, d->reference, d->lang, "%s", d->message);
            }
        }
        diag_list_free(own);
    }
    free(text);
}

static void *S_worker(void *arg)
{
    S_work *w = arg;
    compliance_scanner *s = compliance_scanner_new();
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n)
            break;
        S_lint_file(w, s, &w->articles[i], &w->results[i]);
    }
    compliance_scanner_free(s);
    mdarena_thread_exit();
    return NULL;
}

static int S_cmp_article(const void *key, const void *item)
{
    return strcmp(key, ((const S_article *)item)->rel);
}

/*
 * What the articles' front matter says of languages, once every article is read: where
 * each is (articlefiles_check), and whether each translation still follows its source
 * (staleness_check). The articles are sorted by rel, as listed.
 */
static void S_check_languages(const check_lint_options *opt, const config *cfg,
                              const S_work *w, const strlist *rels, diag_list *diags)
{
    for (size_t i = 0; i < w->n_articles; i++) {
        const S_article *a = &w->articles[i];
        const frontmatter *fm = w->results[i].fm;
        if (!fm || (fm->draft && !w->drafts) ||
            !articlefiles_check(cfg, a->path, a->rel, fm, rels, diags) || !fm->translation_of)
            continue;
        const config_language *from = config_find_language(cfg, fm->translation_of);
        const char *source_rel = articlefiles_source(rels, a->rel, from->code);
        const S_article *src = bsearch(source_rel, w->articles, w->n_articles, sizeof *w->articles,
                                       S_cmp_article);
        /* A source that could not be read or parsed has its own error. */
        if (!src || !w->results[src - w->articles].fm)
            continue;
        staleness_input in = {
            .path = a->path,
            .lang = articlefiles_language(cfg, a->rel)->code,
            .translation = fm,
            .source_path = src->path,
            .source_lang = from->code,
            .source = w->results[src - w->articles].fm,
        };
        staleness_check(cfg, &in, &opt->today, diags);
    }
}

/*
 * Each source of content/sources.yaml that no article, procedures.yaml source or glossary
 * definition cites: a warning at its entry, in the
 * site's language (the file serves them all). A bibliography that cannot be read is the
 * build's to report (site_validate, suture build).
 */
static void S_check_sources(const check_lint_options *opt, const config *cfg, const S_work *w,
                            diag_list *diags)
{
    char *path = path_join(opt->content_dir, "sources.yaml");
    diag_list *quiet = diag_list_new();
    sources *all = sources_load(path, quiet);
    diag_list_free(quiet);
    const char *lang = config_default_language(cfg)->code;
    bool korean = slug_language_in(lang, "ko");
    strlist data_cited = STRLIST_INIT;
    datasources_cited(opt->content_dir, cfg, &data_cited);
    for (size_t i = 0; all && i < all->n; i++) {
        const source_entry *s = &all->items[i];
        bool cited = strlist_contains(&data_cited, s->id);
        for (size_t k = 0; k < w->n && !cited; k++)
            cited = strlist_contains(&w->results[k].cited, s->id);
        if (cited)
            continue;
        if (korean)
            diag_add_lang(diags, DIAG_WARNING, path, s->line, s->column, "source-never-cited",
                          NULL, lang,
                          "'%s' 출처를 인용한 글이 없습니다. 근거로 쓴 글에 [@%s]로 인용하거나 "
                          "이 항목을 지우시기 바랍니다",
                          s->id, s->id);
        else
            diag_add_lang(diags, DIAG_WARNING, path, s->line, s->column, "source-never-cited",
                          NULL, lang,
                          "source '%s' is cited by no article; cite it where an article relies "
                          "on it, as [@%s], or remove it",
                          s->id, s->id);
    }
    strlist_free(&data_cited);
    sources_free(all);
    free(path);
}

/* Lint the articles on opt->jobs threads into w->results. */
static void S_lint_articles(const check_lint_options *opt, S_work *w)
{
    w->results = xcalloc(w->n + 1, sizeof *w->results);
    atomic_init(&w->next, 0);
    unsigned jobs = opt->jobs ? opt->jobs : 1;
    if (jobs > w->n)
        jobs = w->n ? (unsigned)w->n : 1;
    pthread_t *threads = xcalloc(jobs, sizeof *threads);
    unsigned started = 0;
    for (unsigned i = 1; i < jobs; i++)
        if (pthread_create(&threads[i], NULL, S_worker, w) == 0)
            started = i;
        else
            break;
    S_worker(w);
    for (unsigned i = 1; i <= started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
}

/* A data file's strings; a file that does not exist is not an error (the build decides),
 * but one that is not a file (a folder, a named pipe, a link to nothing) is. */
static bool S_lint_data(const lint_context *ctx, compliance_scanner *s, const char *path,
                        const char *what, const char *const *skip, lint_result *out)
{
    size_t len = 0;
    char *text = file_read(path, &len);
    if (!text) {
        if (errno != ENOENT || path_exists(path))
            diag_file_problem(ctx->diags, path, errno, NULL, what);
        return false;
    }
    lint_yaml(ctx, s, path, text, len, config_default_language(ctx->cfg)->code, skip, out);
    free(text);
    return true;
}

/* The reading grades of the English articles and the measures of the Korean ones, in file
 * order. */
typedef struct {
    lint_reading *items;
    size_t len;
    lint_reading_ko *ko;
    size_t n_ko;
} S_readings;

/* Move r's marks, found in file, to the end of marks. */
static void S_take_marks(check_marks *marks, const char *file, lint_result *r)
{
    if (!marks || !r->n_marks)
        return;
    marks->items = xreallocarray(marks->items, marks->len + r->n_marks, sizeof *marks->items);
    check_mark *first = marks->items + marks->len;
    for (size_t k = 0; k < r->n_marks; k++) {
        /* By position in the file, as the writer reads it (insertion: stable, and a file
         * has few findings); the lint gives them rule by rule. */
        check_mark m = {xstrdup(file), r->marks[k]};
        size_t at = k;
        while (at > 0 && (first[at - 1].mark.line > m.mark.line ||
                          (first[at - 1].mark.line == m.mark.line &&
                           first[at - 1].mark.column > m.mark.column))) {
            first[at] = first[at - 1];
            at--;
        }
        first[at] = m;
    }
    marks->len += r->n_marks;
    free(r->marks);
    r->marks = NULL;
    r->n_marks = 0;
}

/* Lint content_dir, gathering the articles' reading grades into readings and the findings'
 * marks into marks (NULL: not kept); what cannot be read is reported in diags. */
static void S_lint_content(const check_lint_options *opt, const config *cfg,
                           const compliance *rules, diag_list *diags, check_summary *sum,
                           lint_result *all, S_readings *readings, check_marks *marks,
                           check_articles_read *read)
{
    lint_context ctx = {.rules = rules, .cfg = cfg, .today = opt->today, .diags = diags,
                        .skip_reading = opt->skip_reading, .for_build = opt->for_build,
                        .placeholders = lint_placeholders_new()};
    char *articles_dir = path_join(opt->content_dir, "articles");
    strlist rels = STRLIST_INIT;
    /* No articles folder is a mistake in the content, reported as the build reports it;
     * the data files are still linted. */
    articlefiles_list_site(articles_dir, cfg, &rels, diags);
    S_work w = {.ctx = &ctx, .content_dir = opt->content_dir, .articles_dir = articles_dir,
                .drafts = opt->drafts};
    /* The site pages are linted as the build reads them (sitepages.h). */
    char *pages_dir = path_join(opt->content_dir, "pages");
    strlist page_rels = STRLIST_INIT;
    sitepages_list(pages_dir, cfg, &page_rels, diags);
    w.articles = xcalloc(rels.len + page_rels.len + 1, sizeof *w.articles);
    for (size_t i = 0; i < rels.len; i++)
        w.articles[w.n++] = (S_article){
            .path = path_join(articles_dir, rels.items[i]),
            .rel = rels.items[i],
            .lang = cfg->multilingual ? articlefiles_language(cfg, rels.items[i])->code : NULL,
        };
    w.n_articles = w.n;
    for (size_t i = 0; i < page_rels.len; i++)
        w.articles[w.n++] = (S_article){
            .path = path_join(pages_dir, page_rels.items[i]),
            .rel = page_rels.items[i],
            .lang = sitepages_language(cfg, page_rels.items[i])->code,
            .page = true,
        };
    free(pages_dir);
    /* An article linked from outside the content has no result (no front matter): it is
     * counted as a file, and left out of what follows as one that cannot be read is. */
    S_lint_articles(opt, &w);
    free(articles_dir);
    S_check_languages(opt, cfg, &w, &rels, diags);
    S_check_sources(opt, cfg, &w, diags);
    datasources_check_figures(opt->content_dir, cfg, diags);

    compliance_scanner *s = compliance_scanner_new();
    static const char *const site_skip[] = {"id",          "base_url",
                                            "language",    "code",
                                            "date_format", "review_max_age_days",
                                            "translation_max_lag_days",
                                            "reading_grade_max", "reading_eojeol_max", NULL};
    static const char *const data_skip[] = {"id", "article", "source", "basis", NULL};
    static const char *const glossary_skip[] = {"id", NULL};
    lint_result extra[3] = {{0}, {0}, {0}};
    const char *files[3] = {"site.yaml", "data/procedures.yaml", "glossary.yaml"};
    char *paths[3];
    const char *whats[3] = {"the site settings", "the procedure data", "the glossary"};
    const char *const *skips[3] = {site_skip, data_skip, glossary_skip};
    size_t data_files = 0;
    for (int i = 0; i < 3; i++) {
        paths[i] = path_join(opt->content_dir, files[i]);
        data_files += S_lint_data(&ctx, s, paths[i], whats[i], skips[i], &extra[i]);
    }
    compliance_scanner_free(s);

    /* Gather suppressions in file order, so the report is the same on every run. */
    for (size_t i = 0; i < w.n + 3; i++) {
        lint_result *r = i < w.n ? &w.results[i] : &extra[i - w.n];
        S_take_marks(marks, i < w.n ? w.articles[i].path : paths[i - w.n], r);
        lint_marks_free(r->marks, r->n_marks);
        for (size_t k = 0; k < r->n_suppressions; k++) {
            all->suppressions = xreallocarray(all->suppressions, all->n_suppressions + 1,
                                              sizeof *all->suppressions);
            all->suppressions[all->n_suppressions++] = r->suppressions[k];
        }
        all->suppressed += r->suppressed;
        free(r->suppressions);
        if (r->reading.file) {
            readings->items = xreallocarray(readings->items, readings->len + 1,
                                            sizeof *readings->items);
            readings->items[readings->len++] = r->reading;
        }
        if (r->reading_ko.file) {
            readings->ko = xreallocarray(readings->ko, readings->n_ko + 1, sizeof *readings->ko);
            readings->ko[readings->n_ko++] = r->reading_ko;
        }
        if (read && i < w.n_articles && r->fm) {
            /* Sorted by path, as the articles are by rel under one folder. */
            if (!read->items)
                read->items = xcalloc(w.n + 1, sizeof *read->items);
            read->items[read->n++] = (check_article_read){
                .path = w.articles[i].path,
                .fm = r->fm,
                .body_line = r->body_line,
                .heading_ids = r->heading_ids,
                .heading_ids_known = r->heading_ids_known,
                .source = r->source,
            };
            r->heading_ids = (strlist)STRLIST_INIT;
            w.articles[i].path = NULL; /* read owns it now */
        } else {
            frontmatter_free(r->fm);
        }
        strlist_free(&r->heading_ids);
        strlist_free(&r->cited);
    }
    sum->files += w.n + data_files;
    for (int i = 0; i < 3; i++)
        free(paths[i]);
    for (size_t i = 0; i < w.n; i++)
        free(w.articles[i].path);
    free(w.articles);
    free(w.results);
    strlist_free(&rels);
    strlist_free(&page_rels);
    prefilter_literals_free((prefilter_literals *)ctx.placeholders);
}

/* ---- verifying a built site -------------------------------------------------------------- */

/* The disclaimer of lang as a reader sees it (siteverify compares it ignoring white space). */
static char *S_disclaimer_text(const config *cfg, const config_language *lang)
{
    diag_list *quiet = diag_list_new();
    markdown_result *r = markdown_render(cfg->file, lang->disclaimer, strlen(lang->disclaimer), 1,
                                         0, NULL, quiet);
    diag_list_free(quiet);
    xmlChar *content = xmlNodeGetContent(r->body);
    char *text = xstrdup(content ? (const char *)content : "");
    xmlFree(content);
    markdown_result_free(r);
    return text;
}

static int S_verify_site(const check_options *opt, const config *cfg, diag_list *diags,
                         FILE *err, check_summary *sum)
{
    siteverify_options so = {.dir = opt->site_dir, .base_url = cfg ? cfg->base_url : NULL};
    siteverify_language *langs = NULL;
    char *text = NULL;
    if (cfg && cfg->multilingual) {
        /* Each page is compared with its own language's disclaimer. */
        langs = xcalloc(cfg->n_languages, sizeof *langs);
        for (size_t i = 0; i < cfg->n_languages; i++)
            langs[i] = (siteverify_language){cfg->languages[i].code,
                                             S_disclaimer_text(cfg, &cfg->languages[i])};
        so.languages = langs;
        so.n_languages = cfg->n_languages;
    } else if (cfg) {
        text = S_disclaimer_text(cfg, config_default_language(cfg));
        so.disclaimer_text = text;
    }
    size_t files = 0;
    int rc = siteverify_run(&so, diags, &files);
    int e = errno;
    for (size_t i = 0; i < so.n_languages; i++)
        free((char *)langs[i].disclaimer_text);
    free(langs);
    free(text);
    if (rc < 0) {
        fprintf(err, "suture: cannot read the site folder %s: %s\n", opt->site_dir,
                strerror(e));
        return 2;
    }
    sum->files += files;
    return 0;
}

/* ---- the run ------------------------------------------------------------------------------- */

/*
 * Load content/compliance.yaml into *rules and lint the content with it. Returns 0, or
 * CHECK_NO_RULES when there are no rules to lint with (nothing is linted).
 */
static int S_lint_with_rules(const check_lint_options *opt, const config *cfg,
                             compliance **rules, diag_list *diags, check_summary *sum,
                             lint_result *all, S_readings *readings, check_marks *marks,
                             check_articles_read *read)
{
    int status = 0;
    char *rules_path = path_join(opt->content_dir, "compliance.yaml");
    if (!path_exists(rules_path)) {
        status = CHECK_NO_RULES;
    } else {
        char *cache = prefilter_cache_dir();
        *rules = compliance_load(rules_path, cache, diags);
        free(cache);
        if (*rules)
            S_lint_content(opt, cfg, *rules, diags, sum, all, readings, marks, read);
    }
    free(rules_path);
    return status;
}

/* Free what S_lint_with_rules gathered of the readings. */
static void S_readings_free(S_readings *readings)
{
    for (size_t i = 0; i < readings->len; i++)
        free(readings->items[i].file);
    free(readings->items);
    for (size_t i = 0; i < readings->n_ko; i++)
        free(readings->ko[i].file);
    free(readings->ko);
}

void check_articles_read_free(check_articles_read *read)
{
    for (size_t i = 0; i < read->n; i++) {
        free(read->items[i].path);
        frontmatter_free(read->items[i].fm);
        strlist_free(&read->items[i].heading_ids);
    }
    free(read->items);
    memset(read, 0, sizeof *read);
}

int check_lint(const check_lint_options *opt, diag_list *diags, check_marks *marks,
               check_articles_read *read)
{
    char *site_yaml = path_join(opt->content_dir, "site.yaml");
    /* Its mistakes are the build's to report too: reported once by whoever merges. */
    config *cfg = config_load(site_yaml, diags);
    free(site_yaml);
    int status = 0;
    compliance *rules = NULL;
    lint_result all = {0};
    S_readings readings = {0};
    check_summary sum = {0};
    check_lint_options mine = *opt;
    mine.for_build = read != NULL;
    if (cfg)
        status = S_lint_with_rules(&mine, cfg, &rules, diags, &sum, &all, &readings, marks, read);
    S_readings_free(&readings);
    lint_result_free(&all);
    compliance_free(rules);
    config_free(cfg);
    mdarena_thread_exit();
    return status;
}

void check_marks_free(check_marks *marks)
{
    if (!marks)
        return;
    for (size_t i = 0; i < marks->len; i++) {
        lint_mark *m = &marks->items[i].mark;
        free(marks->items[i].file);
        free(m->rule);
        free(m->phrase);
        free(m->message);
        free(m->lang);
    }
    free(marks->items);
    marks->items = NULL;
    marks->len = 0;
}

/*
 * Report the findings in diags (sorted here) in opt->format, counting them into sum.
 * Returns the exit status: 0, 1 with errors or more warnings than allowed, 2 when the
 * report cannot be written.
 */
static int S_report(const check_options *opt, const config *cfg, const compliance *rules,
                    diag_list *diags, const lint_result *all, const S_readings *readings,
                    FILE *out, FILE *err, check_summary *sum)
{
    diag_list_sort(diags);
    sum->errors = diag_error_count(diags);
    sum->warnings = diag_warning_count(diags);
    sum->suppressed = all->suppressed;
    report_input in = {
        .diags = diags,
        .rules = rules,
        .suppressions = all->suppressions,
        .n_suppressions = all->n_suppressions,
        .files = sum->files,
        .suppressed = sum->suppressed,
        .version = SUTURE_VERSION,
        .readings = readings->items,
        .n_readings = readings->len,
        .reading_grade_max = cfg ? cfg->reading_grade_max : 0,
        .readings_ko = readings->ko,
        .n_readings_ko = readings->n_ko,
        .reading_eojeol_max = cfg ? cfg->reading_eojeol_max : 0,
    };
    int wrote = 0;
    switch (opt->format) {
    case CHECK_FORMAT_TEXT: {
        /* Gathered and written at once: err is usually unbuffered, and a large site's
         * report (a reading grade per article) is tens of thousands of lines. */
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        FILE *to = mem ? mem : err;
        report_text(diags, rules, opt->verbose, to);
        report_text_readings(&in, to);
        fprintf(to, "suture check: %zu file%s, %zu error%s, %zu warning%s, %zu suppressed\n",
                sum->files, sum->files == 1 ? "" : "s", sum->errors,
                sum->errors == 1 ? "" : "s", sum->warnings, sum->warnings == 1 ? "" : "s",
                sum->suppressed);
        if (mem && fclose(mem) == 0)
            fwrite(text, 1, len, err);
        free(text);
        break;
    }
    case CHECK_FORMAT_JSON:
        wrote = report_json(&in, out);
        break;
    case CHECK_FORMAT_SARIF:
        wrote = report_sarif(&in, out);
        break;
    }
    if (wrote < 0) {
        fprintf(err, "suture: cannot write the report: %s\n", strerror(errno));
        return 2;
    }
    if (sum->errors || (opt->max_warnings >= 0 && (long)sum->warnings > opt->max_warnings))
        return 1;
    return 0;
}

int check_run(const check_options *opt, FILE *out, FILE *err, check_summary *summary)
{
    check_summary sum = {0};
    diag_list *diags = diag_list_new();
    lint_result all = {0};
    S_readings readings = {0};
    check_articles_read read = {0};
    compliance *rules = NULL;
    int status = 0;

    char *site_yaml = path_join(opt->content_dir, "site.yaml");
    config *cfg = NULL;
    if (opt->lint_content || path_is_file(site_yaml))
        cfg = config_load(site_yaml, diags);
    free(site_yaml);

    if (opt->lint_content && cfg) {
        check_lint_options lo = {.content_dir = opt->content_dir, .drafts = true,
                                 .jobs = opt->jobs, .today = opt->today};
        status = S_lint_with_rules(&lo, cfg, &rules, diags, &sum, &all, &readings, NULL, &read);
        if (status == CHECK_NO_RULES)
            fprintf(err,
                    "suture: there are no compliance rules: %s/compliance.yaml does not "
                    "exist; suture check needs it to lint the content\n",
                    opt->content_dir);
    }
    if (status == 0 && opt->lint_content && opt->validate) {
        /* What the build would refuse; what the lint said as well is said once. */
        diag_list *built = diag_list_new();
        opt->validate(opt->validate_ctx, &read, built);
        diag_list_merge(diags, built);
        diag_list_free(built);
    }
    if (status == 0 && opt->site_dir)
        status = S_verify_site(opt, cfg, diags, err, &sum);
    if (status == 0) {
        status = S_report(opt, cfg, rules, diags, &all, &readings, out, err, &sum);
    } else {
        /* What made the check impossible may be explained by a mistake found before. */
        report_text(diags, rules, opt->verbose, err);
    }
    if (summary)
        *summary = sum;
    check_articles_read_free(&read);
    S_readings_free(&readings);
    lint_result_free(&all);
    compliance_free(rules);
    config_free(cfg);
    diag_list_free(diags);
    mdarena_thread_exit();
    return status;
}
