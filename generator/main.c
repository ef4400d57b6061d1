/* main.c: the suture command line (SPEC.md, "Command line"). */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "page.h"
#include "site.h"

#ifndef SUTURE_VERSION
#define SUTURE_VERSION "0.1.0"
#endif

enum { EXIT_USAGE = 2 };

static const char S_usage[] =
    "usage: suture build [--content DIR] [--templates DIR] [--out DIR] [--jobs N]\n"
    "                    [--drafts] [--quiet]\n"
    "       suture --help | --version\n";

static const char S_build_help[] =
    "suture build: turn the articles in content/ into a static site.\n"
    "\n"
    "  --content DIR     the content folder (default: content)\n"
    "  --templates DIR   the XSLT templates and assets (default: templates)\n"
    "  --out DIR         where the site goes (default: site); replaced only when the\n"
    "                    whole build succeeds\n"
    "  --jobs N          pages rendered at once (default: the number of processors)\n"
    "  --drafts          also build articles marked 'draft: true'\n"
    "  --quiet           print nothing but errors\n"
    "  --help            show this help\n"
    "\n"
    "Exit status: 0 built; 1 the content, data or templates have errors (each printed\n"
    "as file:line:column: error: ...); 2 usage or environment error.\n";

static long S_processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

static int S_build(int argc, char **argv)
{
    static const struct option options[] = {
        {"content", required_argument, NULL, 'c'},
        {"templates", required_argument, NULL, 't'},
        {"out", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"drafts", no_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    site_options opt = {
        .content_dir = "content",
        .templates_dir = "templates",
        .out_dir = "site",
        .jobs = (unsigned)S_processors(),
    };
    bool quiet = false;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "c:t:o:j:dqh", options, NULL)) != -1) {
        switch (ch) {
        case 'c':
            opt.content_dir = optarg;
            break;
        case 't':
            opt.templates_dir = optarg;
            break;
        case 'o':
            opt.out_dir = optarg;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || *end || n < 1 || n > 256) {
                fprintf(stderr, "suture: --jobs needs a number from 1 to 256, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            opt.jobs = (unsigned)n;
            break;
        }
        case 'd':
            opt.drafts = true;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            fputs(S_build_help, stdout);
            return 0;
        default:
            fputs(S_usage, stderr);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "suture: unexpected argument '%s'\n%s", argv[optind], S_usage);
        return EXIT_USAGE;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    diag_list *diags = diag_list_new();
    site_stats stats = {0};
    int status = site_build(&opt, diags, &stats);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    diag_list_sort(diags);
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        if (quiet && d->severity != DIAG_ERROR)
            continue;
        char *line = diag_format(d);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    size_t errors = diag_error_count(diags);
    if (status == SITE_OK) {
        if (!quiet)
            fprintf(stderr, "suture: built %zu pages (%zu articles) into %s in %.0f ms\n",
                    stats.pages, stats.articles, opt.out_dir, ms);
    } else {
        fprintf(stderr, "suture: %zu error%s; %s was not changed\n", errors,
                errors == 1 ? "" : "s", opt.out_dir);
    }
    diag_list_free(diags);
    return status;
}

int main(int argc, char **argv)
{
    /* A closed pipe on stderr (suture build | head) must not kill a build half-way and
     * leave its staging folder behind: writes fail with EPIPE instead. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(S_usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(S_usage, stdout);
        fputs("\nCommands:\n  build   build the site (suture build --help)\n", stdout);
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
    fprintf(stderr, "suture: unknown command '%s'\n%s", cmd, S_usage);
    return EXIT_USAGE;
}
