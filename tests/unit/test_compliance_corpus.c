/*
 * test_compliance_corpus.c: the bars of issue 17 on the labelled corpus.
 *
 * Lints every sentence of tests/compliance/corpus.tsv with content/compliance.yaml, as
 * `make compliance-eval` does (tests/compliance/corpus_eval.h), and fails below 95 %
 * recall or 97 % precision overall, or below 90 % precision or recall for any rule with 10
 * or more rows, printing the whole table, every miss and every false alarm.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/files.h"
#include "corpus_eval.h"

static char *S_root_path(const char *rel)
{
    const char *root = getenv("SUTURE_ROOT");
    return path_join(root && *root ? root : ".", rel);
}

static void test_corpus_meets_the_bars(void **state)
{
    (void)state;
    char *rules = S_root_path("content/compliance.yaml");
    char *site = S_root_path("content/site.yaml");
    char *path = S_root_path("tests/compliance/corpus.tsv");
    corpus_run run;
    bool loaded = corpus_run_load(&run, rules, site, path, stdout);
    free(rules);
    free(site);
    free(path);
    assert_true(loaded);
    /* The composition the corpus promises (tests/compliance/README.md). */
    size_t en = 0, ko = 0;
    for (size_t i = 0; i < run.corpus->n_rows; i++) {
        if (run.corpus->rows[i].lang == 0)
            en++;
        else
            ko++;
    }
    assert_true(run.score->rows >= 400);
    assert_true(en >= 160 && ko >= 160);
    assert_true(run.score->pass_rows * 10 >= run.score->rows * 4);
    /* The bars missed come last, under the table, the misses and the false alarms. */
    char *bars = NULL;
    size_t bars_len = 0;
    FILE *mem = open_memstream(&bars, &bars_len);
    bool ok = corpus_gate(run.score, run.rules, mem);
    fclose(mem);
    if (!ok) {
        corpus_report(run.corpus, run.score, run.rules, stdout);
        printf("\n%s", bars);
    } else {
        printf("corpus: %zu rows, recall %.1f %%, precision %.1f %%\n", run.score->rows,
               corpus_recall(&run.score->all) * 100, corpus_precision(&run.score->all) * 100);
    }
    fflush(stdout);
    free(bars);
    corpus_run_free(&run);
    assert_true(ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_meets_the_bars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
