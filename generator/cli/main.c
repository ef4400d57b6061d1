/* main.c: the suture command line (SPEC.md, "Command line"). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/files.h"
#include "base/slug.h"
#include "build/site.h"
#include "check/check.h"
#include "check/explain.h"
#include "cli/lintbuild.h"
#include "cli/helptexts.h"
#include "cli/pagexml_cmd.h"
#include "cli/progress.h"
#include "cli/scaffold.h"
#include "cli/serve.h"
#include "cli/serverconfig.h"
#include "content/frontmatter.h"
#include "render/page.h"

#ifndef SUTURE_VERSION
#define SUTURE_VERSION "0.1.0"
#endif
/* Where make install puts the templates and assets: $(PREFIX)/share/suture (Makefile). */
#ifndef SUTURE_DATADIR
#define SUTURE_DATADIR "/usr/local/share/suture"
#endif

enum { EXIT_USAGE = 2 };

static long S_processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

/*
 * The templates folder when --templates is not given: templates/ in the current folder (a
 * site's own); else the one installed with this binary, found beside it
 * (<bin>/../share/suture/templates, so that a copy installed under any PREFIX or DESTDIR
 * finds its own); else SUTURE_DATADIR/templates. "templates" when none is there, so that
 * the build's message names the folder the user expects. The result lives until exit.
 */
static const char *S_default_templates(void)
{
    static char found[PATH_MAX];
    if (path_is_dir("templates"))
        return "templates";
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int len = snprintf(found, sizeof found, "%s/../share/suture/templates", exe);
            if (len > 0 && (size_t)len < sizeof found && path_is_dir(found))
                return found;
        }
    }
    if (path_is_dir(SUTURE_DATADIR "/templates"))
        return SUTURE_DATADIR "/templates";
    return "templates";
}

/* Parse a whole number in [min, max] for option name; prints why not and returns false. */
static bool S_number(const char *name, const char *arg, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || *end || end == arg || n < min || n > max) {
        fprintf(stderr, "suture: %s needs a number from %ld to %ld, not '%s'\n", name, min, max,
                arg);
        return false;
    }
    *out = n;
    return true;
}

/*
 * The options build and serve share (--content, --templates, --out, --jobs, --drafts,
 * --quiet, by their short letters c t o j d q): 1 when ch was one of them, 0 when not,
 * -1 after printing why its argument is wrong.
 */
static int S_site_option(int ch, const char *arg, site_options *opt, bool *quiet)
{
    long n;
    switch (ch) {
    case 'c':
        opt->content_dir = arg;
        return 1;
    case 't':
        opt->templates_dir = arg;
        return 1;
    case 'o':
        opt->out_dir = arg;
        return 1;
    case 'j':
        if (!S_number("--jobs", arg, 1, 256, &n))
            return -1;
        opt->jobs = (unsigned)n;
        return 1;
    case 'd':
        opt->drafts = true;
        return 1;
    case 'q':
        *quiet = true;
        return 1;
    default:
        return 0;
    }
}

/* The end of a command's option switch: -h/--help prints help and returns 0; any other
 * option is unknown, and the usage goes to stderr (EXIT_USAGE). */
static int S_help_or_usage(int ch, const char *help)
{
    if (ch == 'h') {
        fputs(help, stdout);
        return 0;
    }
    fputs(cli_usage, stderr);
    return EXIT_USAGE;
}

/* Whether nothing follows a command's options; says what does, with the usage, if not. */
static bool S_no_arguments(int argc, char **argv)
{
    if (optind >= argc)
        return true;
    fprintf(stderr, "suture: unexpected argument '%s'\n%s", argv[optind], cli_usage);
    return false;
}

/* The long options build and serve share, handled by S_site_option. */
#define S_SITE_LONG_OPTIONS                                                                   \
    {"content", required_argument, NULL, 'c'}, {"templates", required_argument, NULL, 't'},  \
        {"out", required_argument, NULL, 'o'}, {"jobs", required_argument, NULL, 'j'},       \
        {"drafts", no_argument, NULL, 'd'}, {"quiet", no_argument, NULL, 'q'}

/* What build and serve build when no option says otherwise. */
static site_options S_site_defaults(void)
{
    return (site_options){
        .content_dir = "content",
        .templates_dir = S_default_templates(),
        .out_dir = "site",
        .jobs = (unsigned)S_processors(),
    };
}

/* suture check --explain RULE [--lang CODE]: what the rule means, from
 * content_dir/compliance.yaml when it is not built in. */
static int S_explain(const char *content_dir, const char *id, const char *lang)
{
    char *rules = path_join(content_dir, "compliance.yaml");
    int rc = explain_rule_to(rules, id, lang, stdout, stderr);
    free(rules);
    if (rc < 0) {
        fprintf(stderr, "suture: cannot write the explanation: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return rc;
}

/* SUTURE_TODAY, when set, is a date (check_today); false after saying it is not. */
static bool S_today_usable(void)
{
    if (!check_today_problem())
        return true;
    fprintf(stderr, "suture: SUTURE_TODAY must be a date written YYYY-MM-DD, such as "
                    "2026-12-06, not '%s'; unset it to count to today\n",
            check_today_problem());
    return false;
}

/* What suture check asks of the build (check_options.validate): site_validate, with the
 * site_options at ctx, taking the front matter the lint read rather than reading each
 * article again. */
static void S_validate(void *ctx, check_articles_read *read, diag_list *diags)
{
    site_options opt = *(const site_options *)ctx;
    lintbuild_read_before(&opt, read);
    site_validate(&opt, diags);
}

static int S_check(int argc, char **argv)
{
    static const struct option options[] = {
        {"content", required_argument, NULL, 'c'},
        {"site", required_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"max-warnings", required_argument, NULL, 'w'},
        {"explain", required_argument, NULL, 'e'},
        {"lang", required_argument, NULL, 'l'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *explain = NULL, *lang = NULL;
    check_options opt = {
        .content_dir = "content",
        .lint_content = true,
        .format = CHECK_FORMAT_TEXT,
        .jobs = (unsigned)S_processors(),
        .max_warnings = -1,
        .today = check_today(),
    };
    bool content_given = false;
    long n;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:s:f:j:w:e:l:vh", options, NULL)) != -1) {
        switch (ch) {
        case 'e':
            explain = optarg;
            break;
        case 'l':
            if (!slug_is_language_tag(optarg)) {
                fprintf(stderr, "suture: --lang must be a language code such as ko or en, "
                                "not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            lang = optarg;
            break;
        case 'v':
            opt.verbose = true;
            break;
        case 'c':
            opt.content_dir = optarg;
            content_given = true;
            break;
        case 's':
            opt.site_dir = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "text")) {
                opt.format = CHECK_FORMAT_TEXT;
            } else if (!strcmp(optarg, "json")) {
                opt.format = CHECK_FORMAT_JSON;
            } else if (!strcmp(optarg, "sarif")) {
                opt.format = CHECK_FORMAT_SARIF;
            } else {
                fprintf(stderr, "suture: --format must be text, json or sarif, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'j':
            if (!S_number("--jobs", optarg, 1, 256, &n))
                return EXIT_USAGE;
            opt.jobs = (unsigned)n;
            break;
        case 'w':
            if (!S_number("--max-warnings", optarg, 0, 1000000, &n))
                return EXIT_USAGE;
            opt.max_warnings = n;
            break;
        default:
            return S_help_or_usage(ch, cli_check_help);
        }
    }
    if (!S_no_arguments(argc, argv))
        return EXIT_USAGE;
    if (lang && !explain) {
        fputs("suture: --lang goes with --explain RULE (a finding is always in its page's "
              "language)\n", stderr);
        return EXIT_USAGE;
    }
    if (explain)
        return S_explain(opt.content_dir, explain, lang);
    if (!S_today_usable())
        return EXIT_USAGE;
    opt.lint_content = !opt.site_dir || content_given;
    if (opt.lint_content && !path_is_dir(opt.content_dir)) {
        fprintf(stderr, "suture: the content folder '%s' does not exist; run suture check in "
                        "the site's folder or pass --content DIR\n",
                opt.content_dir);
        return EXIT_USAGE;
    }
    /* What suture build would refuse, found by its own code: drafts as it builds them
     * (not published, so a link to one is broken). */
    site_options build = {.content_dir = opt.content_dir, .jobs = opt.jobs};
    opt.validate = S_validate;
    opt.validate_ctx = &build;
    return check_run(&opt, stdout, stderr, NULL);
}

/* Long options without a short letter. */
enum { S_OPT_RELEASE = 256, S_OPT_NO_PRECOMPRESS };

static int S_build(int argc, char **argv)
{
    static const struct option options[] = {
        S_SITE_LONG_OPTIONS,
        {"release", no_argument, NULL, S_OPT_RELEASE},
        {"no-precompress", no_argument, NULL, S_OPT_NO_PRECOMPRESS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    site_options opt = S_site_defaults();
    /* The .gz and .br copies a server sends (issue 20); the preview has no use for them. */
    opt.precompress = true;
    bool quiet = false;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:t:o:j:dqh", options, NULL)) != -1) {
        int known = S_site_option(ch, optarg, &opt, &quiet);
        if (known < 0)
            return EXIT_USAGE;
        if (known)
            continue;
        switch (ch) {
        case S_OPT_RELEASE:
            opt.release = true;
            break;
        case S_OPT_NO_PRECOMPRESS:
            opt.precompress = false;
            break;
        default:
            return S_help_or_usage(ch, cli_build_help);
        }
    }
    if (!S_no_arguments(argc, argv))
        return EXIT_USAGE;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    diag_list *diags = diag_list_new();
    site_stats stats = {0};
    /* On a terminal, a long build shows how far it has come. */
    site_progress progress = {0};
    progress_display *shown = NULL;
    if (!quiet && isatty(STDERR_FILENO)) {
        opt.progress = &progress;
        shown = progress_start(&progress, stderr);
    }
    int status = lintbuild_run(&opt, false, diags, &stats, NULL, NULL);
    progress_stop(shown);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    diag_list_sort(diags);
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        if (quiet && d->severity != DIAG_ERROR)
            continue;
        char *line = diag_format_brief(d);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    size_t errors = diag_error_count(diags);
    if (status == SITE_OK) {
        if (!quiet)
            fprintf(stderr, "suture: built %zu pages (%zu articles, %zu unchanged) into %s in "
                    "%.0f ms\n",
                    stats.pages, stats.articles, stats.reused, opt.out_dir, ms);
    } else {
        fprintf(stderr, "suture: %zu error%s; %s was not changed\n", errors,
                errors == 1 ? "" : "s", opt.out_dir);
    }
    diag_list_free(diags);
    return status;
}

/* What `suture new` was asked to make, from its command line. */
typedef struct S_new_request {
    bool translation;      /* new translation; else new article */
    const char *operand;   /* the title, or the source article */
    const char *lang, *slug, *content;
} S_new_request;

/*
 * The words after `new` and its options: what to make and its one operand. False after
 * printing the usage mistake (EXIT_USAGE).
 */
static bool S_new_operands(int argc, char **argv, S_new_request *req)
{
    const char *what = optind < argc ? argv[optind] : "";
    req->translation = !strcmp(what, "translation");
    if (!req->translation && strcmp(what, "article") != 0) {
        fprintf(stderr, "suture: say what to make: suture new article \"TITLE\", or suture "
                        "new translation SOURCE.md --lang CODE\n%s",
                cli_usage);
        return false;
    }
    if (optind + 1 >= argc) {
        fputs(req->translation
                  ? "suture: name the article to translate: suture new translation "
                    "en/dimpling-after-thread-lift.md --lang ko\n"
                  : "suture: give the article's title in quotes: suture new article "
                    "\"How a thread lift works\"\n",
              stderr);
        return false;
    }
    if (optind + 2 < argc) {
        fprintf(stderr, "suture: unexpected argument '%s'%s\n", argv[optind + 2],
                req->translation ? "; name one article to translate"
                                 : "; put the whole title in quotes");
        return false;
    }
    req->operand = argv[optind + 1];
    if (req->translation && req->slug) {
        fputs("suture: --slug is for a new article; a translation keeps the file name of its "
              "source\n",
              stderr);
        return false;
    }
    if (req->translation && !req->lang) {
        fputs("suture: say which language to translate into, one that site.yaml declares: "
              "suture new translation SOURCE.md --lang CODE\n",
              stderr);
        return false;
    }
    return true;
}

static int S_new(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},
        {"slug", required_argument, NULL, 's'},
        {"content", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    S_new_request req = {.content = "content"};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "l:s:c:h", options, NULL)) != -1) {
        switch (ch) {
        case 'l':
            req.lang = optarg;
            break;
        case 's':
            req.slug = optarg;
            break;
        case 'c':
            req.content = optarg;
            break;
        default:
            return S_help_or_usage(ch, cli_new_help);
        }
    }
    if (!S_new_operands(argc, argv, &req))
        return EXIT_USAGE;
    date_ymd today = check_today();
    char iso[16];
    date_format(&today, iso, sizeof iso);
    diag_list *diags = diag_list_new();
    char *path = NULL;
    int rc = req.translation
                 ? scaffold_translation(req.content, req.operand, req.lang, iso, diags, &path)
                 : scaffold_article(req.content, req.lang, req.operand, req.slug, iso, diags,
                                    &path);
    diag_list_print(diags, stderr);
    diag_list_free(diags);
    if (rc != 0)
        return 1;
    if (req.translation)
        fprintf(stderr, "suture: wrote %s, marked 'draft: true'; translate its title, summary "
                        "and text, then delete the line 'draft: true'\n",
                path);
    else
        fprintf(stderr, "suture: wrote %s; fill in its summary, topics and reviewer, then "
                        "write the article under each heading\n",
                path);
    free(path);
    return 0;
}

/* suture page-xml PAGE: the XML a template receives for one page (pagexml_cmd.h). */
static int S_page_xml(int argc, char **argv)
{
    static const struct option options[] = {
        {"content", required_argument, NULL, 'c'}, {"templates", required_argument, NULL, 't'},
        {"jobs", required_argument, NULL, 'j'},    {"drafts", no_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    site_options opt = S_site_defaults();
    bool quiet = false;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:t:j:dh", options, NULL)) != -1) {
        int known = S_site_option(ch, optarg, &opt, &quiet);
        if (known < 0)
            return EXIT_USAGE;
        if (!known)
            return S_help_or_usage(ch, cli_page_xml_help);
    }
    if (optind >= argc) {
        fprintf(stderr, "suture: name the page: suture page-xml /articles/NAME/, or suture "
                        "page-xml content/articles/NAME.md\n%s", cli_usage);
        return EXIT_USAGE;
    }
    const char *page = argv[optind++];
    if (!S_no_arguments(argc, argv))
        return EXIT_USAGE;
    return pagexml_cmd_run(&opt, page, stdout, stderr);
}

static int S_serve(int argc, char **argv)
{
    static const struct option options[] = {
        S_SITE_LONG_OPTIONS,
        {"port", required_argument, NULL, 'p'},
        {"bind", required_argument, NULL, 'b'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    serve_options opt = {
        .build = S_site_defaults(),
        .bind = "127.0.0.1",
        .port = 8080,
        .debounce_ms = 100,
    };
    long n;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:t:o:p:b:j:dqh", options, NULL)) != -1) {
        int known = S_site_option(ch, optarg, &opt.build, &opt.quiet);
        if (known < 0)
            return EXIT_USAGE;
        if (known)
            continue;
        switch (ch) {
        case 'p':
            if (!S_number("--port", optarg, 0, 65535, &n))
                return EXIT_USAGE;
            opt.port = (unsigned)n;
            break;
        case 'b':
            opt.bind = optarg;
            break;
        default:
            return S_help_or_usage(ch, cli_serve_help);
        }
    }
    if (!S_no_arguments(argc, argv))
        return EXIT_USAGE;
    if (!path_is_dir(opt.build.content_dir)) {
        fprintf(stderr, "%s: error: the content folder does not exist; run suture where "
                        "content/ is, or pass --content DIR\n",
                opt.build.content_dir);
        return EXIT_USAGE;
    }
    return serve_run(&opt);
}

/* Long options of server-config without a short letter. */
enum { S_OPT_NO_BROTLI = 257 };

static int S_server_config(int argc, char **argv)
{
    static const struct option options[] = {
        {"content", required_argument, NULL, 'c'},
        {"root", required_argument, NULL, 'r'},
        {"site-dir", required_argument, NULL, 'r'},
        {"listen", required_argument, NULL, 'l'},
        {"no-brotli", no_argument, NULL, S_OPT_NO_BROTLI},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    serverconfig_options o = {.content_dir = "content", .listen = "80", .brotli = true};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:r:l:h", options, NULL)) != -1) {
        switch (ch) {
        case 'c':
            o.content_dir = optarg;
            break;
        case 'r':
            o.root = optarg;
            break;
        case 'l':
            o.listen = optarg;
            break;
        case S_OPT_NO_BROTLI:
            o.brotli = false;
            break;
        default:
            return S_help_or_usage(ch, cli_server_config_help);
        }
    }
    o.kind = optind < argc ? argv[optind++] : NULL;
    if (!S_no_arguments(argc, argv))
        return EXIT_USAGE;
    return serverconfig_run(&o, stdout, stderr);
}

int main(int argc, char **argv)
{
    /* A closed pipe on stderr (suture build | head) must not kill a build half-way and
     * leave its staging folder behind: writes fail with EPIPE instead. */
    signal(SIGPIPE, SIG_IGN);
    /* A file-size limit (ulimit -f) must fail the write with EFBIG, reported as an error,
     * not kill the build with its staging folder behind. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        fputs(cli_usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(cli_usage, stdout);
        fputs("\nCommands:\n"
              "  build           build the site (suture build --help)\n"
              "  check           lint the content and verify a built site\n"
              "                  (suture check --help)\n"
              "  serve           preview the site while you edit it (suture serve --help)\n"
              "  new             start a new article, or a translation of one\n"
              "                  (suture new --help)\n"
              "  server-config   print the web server's configuration for the site\n"
              "                  (suture server-config --help)\n"
              "  page-xml        print the XML a template receives for one page\n"
              "                  (suture page-xml --help)\n",
              stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("suture %s\n", SUTURE_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "build")) {
        page_init();
        int status = S_build(argc - 1, argv + 1);
        page_cleanup();
        return status;
    }
    if (!strcmp(cmd, "check")) {
        page_init();
        int status = S_check(argc - 1, argv + 1);
        page_cleanup();
        return status;
    }
    if (!strcmp(cmd, "new"))
        return S_new(argc - 1, argv + 1);
    if (!strcmp(cmd, "page-xml")) {
        page_init();
        int status = S_page_xml(argc - 1, argv + 1);
        page_cleanup();
        return status;
    }
    if (!strcmp(cmd, "serve")) {
        page_init();
        int status = S_serve(argc - 1, argv + 1);
        page_cleanup();
        return status;
    }
    if (!strcmp(cmd, "server-config"))
        return S_server_config(argc - 1, argv + 1);
    fprintf(stderr, "suture: unknown command '%s'\n%s", cmd, cli_usage);
    return EXIT_USAGE;
}
