/*
 * eval_main.c: compliance-eval, the program behind `make compliance-eval`.
 *
 *     compliance-eval [--rules FILE] [--site FILE] [CORPUS]
 *
 * Lints every sentence of CORPUS (tests/compliance/corpus.tsv) with the rules of FILE
 * (content/compliance.yaml) as `suture check` lints a paragraph of an article in the row's
 * language, and prints precision and recall per rule and language, the overall figures,
 * every miss and every false alarm (corpus_eval.h). Exit status: 0 when the figures meet
 * the bars of `make test`, 1 when they do not (each bar missed is printed last), 2 when a
 * file cannot be read or has mistakes, or the command line is wrong.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "corpus_eval.h"

static void S_usage(FILE *out)
{
    fputs("usage: compliance-eval [--rules FILE] [--site FILE] [CORPUS]\n"
          "  CORPUS        the labelled sentences (default tests/compliance/corpus.tsv)\n"
          "  --rules FILE  the compliance rules (default content/compliance.yaml)\n"
          "  --site FILE   the site's settings (default content/site.yaml)\n",
          out);
}

int main(int argc, char **argv)
{
    const char *rules = "content/compliance.yaml", *site = "content/site.yaml";
    static const struct option opts[] = {{"rules", required_argument, NULL, 'r'},
                                         {"site", required_argument, NULL, 's'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'r') {
            rules = optarg;
        } else if (c == 's') {
            site = optarg;
        } else if (c == 'h') {
            S_usage(stdout);
            return 0;
        } else {
            S_usage(stderr);
            return 2;
        }
    }
    if (argc - optind > 1) {
        S_usage(stderr);
        return 2;
    }
    const char *path = optind < argc ? argv[optind] : "tests/compliance/corpus.tsv";
    corpus_run run;
    if (!corpus_run_load(&run, rules, site, path, stderr))
        return 2;
    corpus_report(run.corpus, run.score, run.rules, stdout);
    fputc('\n', stdout);
    bool ok = corpus_gate(run.score, run.rules, stdout);
    if (ok)
        puts("every bar of make test is met");
    corpus_run_free(&run);
    return ok ? 0 : 1;
}
