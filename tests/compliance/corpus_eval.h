/*
 * corpus_eval.h: the labelled corpus (tests/compliance/corpus.tsv) read, linted and scored.
 *
 * Each row of the corpus is one sentence with the outcome a regulator would give it: flag
 * (the rule named in the row should report it) or pass (no rule should). Every sentence is
 * linted as `suture check` lints a paragraph of an article body in the row's language
 * (lint_article on a small article whose body is the sentence), with the rules of
 * content/compliance.yaml. Only findings of patterns rules at error or warning severity
 * count: a finding at info severity never fails a check, and the requires, metadata and
 * media rules judge whole articles, not sentences.
 *
 * Counting, per rule and per language:
 *   - a flag row is a true positive for its rule when that rule reports it, else a false
 *     negative; other rules that report it too count nothing;
 *   - a pass row is a false positive for every rule that reports it; a pass row that no
 *     rule reports is a true negative for its rule.
 * Precision is TP / (TP + FP), recall TP / (TP + FN); the overall figures add up the
 * counts of every rule.
 *
 * Used by `make compliance-eval` (tests/compliance/eval_main.c), the gate in `make test`
 * (tests/unit/test_compliance_corpus.c) and the unit tests of this module.
 */
#ifndef SUTURE_CORPUS_EVAL_H
#define SUTURE_CORPUS_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "check/compliance.h"
#include "content/config.h"

/* The languages a row may be in, as the lang column writes them. */
#define CORPUS_N_LANGS 2
extern const char *const corpus_langs[CORPUS_N_LANGS];

/* One finding of a rule on a row's sentence. */
typedef struct corpus_hit {
    long rule;           /* index in the compliance rules */
    char *phrase;        /* the reader's text the rule matched (the lint's mark, as
                          * suture serve marks it), or NULL */
} corpus_hit;

typedef struct corpus_row {
    unsigned line;       /* in the corpus file, from 1 */
    bool flag;           /* expected: flag (true) or pass (false) */
    long rule;           /* index in the compliance rules of the row's rule */
    int lang;            /* index in corpus_langs */
    char *sentence;
    char *source;
    corpus_hit *hits;    /* set by corpus_lint: each rule that reported it, once */
    size_t n_hits;
} corpus_row;

typedef struct corpus {
    char *path;
    corpus_row *rows;
    size_t n_rows;
} corpus;

/*
 * Read a corpus: text (len bytes, the contents of the file at path). Lines starting with
 * '#' and empty lines are comments; the first other line must be the header
 * "expected<TAB>rule<TAB>lang<TAB>sentence<TAB>source"; every line after it a row of
 * exactly five tab-separated fields, none empty. rules gives the known rule ids.
 * Each mistake is reported to diags as an error at path:line:column, in English: a missing
 * or wrong header, a wrong number of fields (how many there are), an empty field, an
 * expected value other than flag or pass, a rule id that is not in the rules (with the
 * closest id), a lang other than en or ko, text that is not UTF-8. Returns the corpus
 * (free with corpus_free), or NULL when there was any mistake.
 */
corpus *corpus_read(const char *path, const char *text, size_t len, const compliance *rules,
                    diag_list *diags);
void corpus_free(corpus *c);

/*
 * Lint every row's sentence and record in row->hits the patterns rules that reported it
 * at error or warning severity (each rule once, with the first phrase it matched). cfg is
 * the site's settings (content/site.yaml): the article each sentence is put in has the
 * site's first topic. Replaces hits from an earlier call.
 */
void corpus_lint(corpus *c, const compliance *rules, const config *cfg);

typedef struct corpus_counts {
    size_t tp, fp, fn, tn;
} corpus_counts;

/* The counts of one rule: over every language, and in each language of corpus_langs. */
typedef struct corpus_rule_score {
    size_t rows;                    /* rows that name the rule */
    corpus_counts all;
    corpus_counts lang[CORPUS_N_LANGS];
} corpus_rule_score;

typedef struct corpus_score {
    size_t n_rules;                 /* as many as the compliance rules */
    corpus_rule_score *rules;       /* by rule index */
    corpus_counts all;
    corpus_counts lang[CORPUS_N_LANGS];
    size_t rows, flag_rows, pass_rows;
} corpus_score;

/* Count the rows' hits as the header comment says. The caller frees the score with
 * corpus_score_free. */
corpus_score *corpus_count(const corpus *c, size_t n_rules);
void corpus_score_free(corpus_score *s);

/* Precision and recall as fractions; -1 when undefined (nothing reported, or no flag
 * row). */
double corpus_precision(const corpus_counts *k);
double corpus_recall(const corpus_counts *k);

/*
 * Print to out: a table with one line per rule that has rows or false alarms, and under
 * it one line per language; the overall figures; then every miss (a flag row its rule did
 * not report) and every false alarm (a pass row a rule reported, naming the rule and the
 * phrase), each as path:line: with its sentence.
 */
void corpus_report(const corpus *c, const corpus_score *s, const compliance *rules, FILE *out);

/* The bars of `make test` (issue 17): overall recall and precision, and precision and
 * recall of each rule with at least CORPUS_GATE_MIN_ROWS rows. */
#define CORPUS_GATE_RECALL 0.95
#define CORPUS_GATE_PRECISION 0.97
#define CORPUS_GATE_RULE 0.90
#define CORPUS_GATE_MIN_ROWS 10

/* True when the score meets every bar; otherwise prints each bar it misses to out, one
 * line each, and returns false. */
bool corpus_gate(const corpus_score *s, const compliance *rules, FILE *out);

/* Everything one evaluation loads and finds. */
typedef struct corpus_run {
    compliance *rules;
    config *cfg;
    corpus *corpus;
    corpus_score *score;
} corpus_run;

/*
 * Load the rules (rules_path, content/compliance.yaml), the site's settings (site_path,
 * content/site.yaml) and the corpus (corpus_path), lint every row and count. Returns true
 * with every field of run set; false when a file cannot be read or has mistakes, after
 * printing them to err (file:line:column: error: ...), with run's fields NULL. Free with
 * corpus_run_free.
 */
bool corpus_run_load(corpus_run *run, const char *rules_path, const char *site_path,
                     const char *corpus_path, FILE *err);
void corpus_run_free(corpus_run *run);

#endif
