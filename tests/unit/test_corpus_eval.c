/*
 * test_corpus_eval.c: the labelled corpus's reader, linting, counting, report and bars
 * (tests/compliance/corpus_eval.h), on a tiny corpus and a tiny rule set whose counts are
 * known, so that these tests do not move when content/compliance.yaml changes.
 */
#include "testutil.h"

#include <stdio.h>

#include "corpus_eval.h"

/* Three patterns rules at error and warning severity (the second with a message per
 * language, the third with a message that does not quote the match), one at info severity
 * and one requires rule: only the first three may count. */
static const char S_rules[] =
    "rules:\n"
    "  - id: best\n"
    "    severity: error\n"
    "    kind: patterns\n"
    "    message: \"'{match}' ranks the clinic\"\n"
    "    reference: r1\n"
    "    patterns: ['\\bbest\\b', '최고']\n"
    "    exceptions: ['\\bwary\\b']\n"
    "  - id: free\n"
    "    severity: warning\n"
    "    kind: patterns\n"
    "    message: {en: \"'{match}' is an offer\", ko: \"'{match}'은 혜택입니다\"}\n"
    "    reference: r2\n"
    "    patterns: ['\\bfree\\b', '무료']\n"
    "  - id: cheap\n"
    "    severity: warning\n"
    "    kind: patterns\n"
    "    message: a claim about the price\n"
    "    reference: r5\n"
    "    patterns: ['\\bcheap\\b']\n"
    "  - id: note\n"
    "    severity: info\n"
    "    kind: patterns\n"
    "    message: a note\n"
    "    reference: r3\n"
    "    patterns: ['\\bnote\\b']\n"
    "  - id: side-effects\n"
    "    severity: error\n"
    "    kind: requires\n"
    "    message: describe the side effects\n"
    "    reference: r4\n"
    "    when: {topics: [anatomy]}\n"
    "    headings: ['side effects']\n"
    "    patterns: ['side effects']\n";

#define HEADER "expected\trule\tlang\tsentence\tsource\n"

typedef struct {
    char *dir;
    char *rules_path, *site_path;
    compliance *rules;
    diag_list *diags;
} S_fixture;

static int S_setup(void **state)
{
    S_fixture *f = xcalloc(1, sizeof *f);
    f->dir = tu_tmpdir("corpus");
    f->rules_path = tu_write_file(f->dir, "compliance.yaml", S_rules);
    f->site_path = tu_write_file(f->dir, "site.yaml", TU_SITE_KO_EN);
    f->diags = diag_list_new();
    f->rules = compliance_load(f->rules_path, NULL, f->diags);
    assert_non_null(f->rules);
    assert_int_equal(diag_count(f->diags), 0);
    *state = f;
    return 0;
}

static int S_teardown(void **state)
{
    S_fixture *f = *state;
    compliance_free(f->rules);
    diag_list_free(f->diags);
    free(f->rules_path);
    free(f->site_path);
    int rc = tu_tmpdir_remove(f->dir);
    free(f);
    return rc;
}

/* corpus_read of text as "c.tsv"; diagnostics into a fresh f->diags. */
static corpus *S_read(S_fixture *f, const char *text)
{
    diag_list_free(f->diags);
    f->diags = diag_list_new();
    return corpus_read("c.tsv", text, strlen(text), f->rules, f->diags);
}

/* ---- reading ---- */

static void test_read(void **state)
{
    S_fixture *f = *state;
    corpus *c = S_read(f, "# a comment\r\n\r\n"
                          "expected\trule\tlang\tsentence\tsource\r\n"
                          "flag\tbest\ten\tThe best lift.\twritten for this test\r\n"
                          "# another comment\n"
                          "pass\tfree\tko\t무료 상담입니다.\tseeds/x.txt");
    assert_non_null(c);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(c->path, "c.tsv");
    assert_int_equal(c->n_rows, 2);
    assert_int_equal(c->rows[0].line, 4);
    assert_true(c->rows[0].flag);
    assert_int_equal(c->rows[0].rule, compliance_find(f->rules, "best"));
    assert_string_equal(corpus_langs[c->rows[0].lang], "en");
    assert_string_equal(c->rows[0].sentence, "The best lift.");
    assert_string_equal(c->rows[0].source, "written for this test");
    assert_int_equal(c->rows[1].line, 6);
    assert_false(c->rows[1].flag);
    assert_int_equal(c->rows[1].rule, compliance_find(f->rules, "free"));
    assert_string_equal(corpus_langs[c->rows[1].lang], "ko");
    assert_string_equal(c->rows[1].sentence, "무료 상담입니다.");
    assert_string_equal(c->rows[1].source, "seeds/x.txt");
    assert_null(c->rows[0].hits);
    corpus_free(c);
    corpus_free(NULL);
}

/* Each mistake in one row is reported at its line and column, and nothing is returned. */
static void S_expect_error(S_fixture *f, const char *row, const char *expected)
{
    char *text = xasprintf("# comment\n" HEADER "%s\n", row);
    corpus *c = S_read(f, text);
    assert_null(c);
    assert_int_equal(diag_count(f->diags), 1);
    tu_expect_diag(f->diags, 0, expected);
    free(text);
}

static void test_read_errors(void **state)
{
    S_fixture *f = *state;
    S_expect_error(f, "flag\tbest\ten\tThe best.",
                   "c.tsv:3:1: error: this row has 4 fields; a row has 5, separated by tabs: "
                   "expected, rule, lang, sentence, source [corpus]");
    S_expect_error(f, "flag best en The best. w",
                   "c.tsv:3:1: error: this row has 1 field; a row has 5, separated by tabs: "
                   "expected, rule, lang, sentence, source [corpus]");
    S_expect_error(f, "flag\tbest\ten\tThe best.\tw\textra",
                   "c.tsv:3:1: error: this row has 6 fields; a row has 5, separated by tabs: "
                   "expected, rule, lang, sentence, source [corpus]");
    S_expect_error(f, "flag\t\ten\tThe best.\tw",
                   "c.tsv:3:6: error: the rule field is empty; every field of a row needs a "
                   "value [corpus]");
    /* Columns count characters: the source of a Korean sentence. */
    S_expect_error(f, "pass\tbest\tko\t최고\t",
                   "c.tsv:3:17: error: the source field is empty; every field of a row needs a "
                   "value [corpus]");
    S_expect_error(f, "flagged\tbest\ten\tThe best.\tw",
                   "c.tsv:3:1: error: 'flagged' is not an expected outcome; write flag (a rule "
                   "should report the sentence) or pass (no rule should) [corpus]");
    char *want = xasprintf("c.tsv:3:6: error: 'bestt' is not a rule in %s; did you mean "
                           "'best'? [corpus]",
                           f->rules_path);
    S_expect_error(f, "flag\tbestt\ten\tThe best.\tw", want);
    free(want);
    want = xasprintf("c.tsv:3:6: error: 'superlative-claims' is not a rule in %s; write the "
                     "id of one of its rules [corpus]",
                     f->rules_path);
    S_expect_error(f, "flag\tsuperlative-claims\ten\tThe best.\tw", want);
    free(want);
    S_expect_error(f, "flag\tbest\tkr\t최고\tw",
                   "c.tsv:3:11: error: 'kr' is not a language of the corpus; write en or ko "
                   "[corpus]");
}

static void test_read_header_errors(void **state)
{
    S_fixture *f = *state;
    assert_null(S_read(f, "# only comments\n\n"));
    assert_int_equal(diag_count(f->diags), 1);
    tu_expect_diag(f->diags, 0,
                   "c.tsv: error: the corpus has no header line: its first line that is not a "
                   "comment must name the columns, separated by tabs: expected, rule, lang, "
                   "sentence, source [corpus]");
    assert_null(S_read(f, "expected rule lang sentence source\n"));
    assert_int_equal(diag_count(f->diags), 1);
    tu_expect_diag(f->diags, 0,
                   "c.tsv:1:1: error: the first line that is not a comment must name the "
                   "columns, separated by tabs: expected, rule, lang, sentence, source "
                   "[corpus]");
}

/* Every mistake of the file is reported, not only the first. */
static void test_read_every_error(void **state)
{
    S_fixture *f = *state;
    assert_null(S_read(f, HEADER "flag\tbest\tde\tDas Beste.\tw\n"
                                 "flag\tbest\ten\tThe best.\tw\n"
                                 "maybe\tbest\ten\tThe best.\n"
                                 "pass\tnope\tfr\tLe meilleur.\tw\n"));
    assert_int_equal(diag_count(f->diags), 4);
    tu_expect_diag(f->diags, 0,
                   "c.tsv:2:11: error: 'de' is not a language of the corpus; write en or ko "
                   "[corpus]");
    tu_expect_diag(f->diags, 1,
                   "c.tsv:4:1: error: this row has 4 fields; a row has 5, separated by tabs: "
                   "expected, rule, lang, sentence, source [corpus]");
    char *want = xasprintf("c.tsv:5:6: error: 'nope' is not a rule in %s; did you mean "
                           "'note'? [corpus]",
                           f->rules_path);
    tu_expect_diag(f->diags, 2, want);
    free(want);
    tu_expect_diag(f->diags, 3,
                   "c.tsv:5:11: error: 'fr' is not a language of the corpus; write en or ko "
                   "[corpus]");
}

static void test_read_not_utf8(void **state)
{
    S_fixture *f = *state;
    assert_null(S_read(f, HEADER "flag\tbest\ten\tThe \xff best.\tw\n"));
    assert_int_equal(diag_count(f->diags), 1);
    tu_expect_diag(f->diags, 0,
                   "c.tsv:2:18: error: this file is not valid UTF-8 at line 2, column 18: "
                   "save it as UTF-8 in your editor [corpus]");
}

/* ---- linting and counting ---- */

/* The tiny corpus and what each row should give. */
static const char S_corpus[] =
    HEADER
    "flag\tbest\ten\tThe best lift.\tw\n"               /* 2: TP best */
    "flag\tbest\tko\t최고의 리프팅입니다.\tw\n"          /* 3: TP best (ko) */
    "flag\tfree\ten\tA gift for you.\tw\n"              /* 4: FN free */
    "pass\tbest\ten\tBe wary of the best offers.\tw\n"  /* 5: TN best (exception) */
    "pass\tfree\tko\t무료 상담입니다.\tw\n"              /* 6: FP free (ko) */
    "pass\tnote\ten\tA note on safety.\tw\n"            /* 7: TN note (info never counts) */
    "pass\tbest\ten\tThe best free lift.\tw\n"          /* 8: FP best and FP free */
    "flag\tfree\ten\tThe best free lift.\tw\n"          /* 9: TP free; best counts nothing */
    "pass\tfree\ten\tA careful and cheap lift for you.\tw\n"; /* 10: FP cheap */

static void S_expect_counts(const corpus_counts *k, size_t tp, size_t fp, size_t fn, size_t tn)
{
    assert_int_equal(k->tp, tp);
    assert_int_equal(k->fp, fp);
    assert_int_equal(k->fn, fn);
    assert_int_equal(k->tn, tn);
}

static void test_lint_and_count(void **state)
{
    S_fixture *f = *state;
    char *path = tu_write_file(f->dir, "corpus.tsv", S_corpus);
    corpus_run run;
    assert_true(corpus_run_load(&run, f->rules_path, f->site_path, path, stderr));
    long best = compliance_find(run.rules, "best"), free_ = compliance_find(run.rules, "free");
    long note = compliance_find(run.rules, "note"), cheap = compliance_find(run.rules, "cheap");
    const corpus *c = run.corpus;
    assert_int_equal(c->n_rows, 9);
    /* Hits: each rule once, with the phrase its message quotes, in the row's language. */
    assert_int_equal(c->rows[0].n_hits, 1);
    assert_int_equal(c->rows[0].hits[0].rule, best);
    assert_string_equal(c->rows[0].hits[0].phrase, "best");
    assert_string_equal(c->rows[1].hits[0].phrase, "최고");
    assert_int_equal(c->rows[2].n_hits, 0);
    assert_int_equal(c->rows[3].n_hits, 0);
    assert_int_equal(c->rows[4].n_hits, 1);
    assert_int_equal(c->rows[4].hits[0].rule, free_);
    assert_string_equal(c->rows[4].hits[0].phrase, "무료");
    assert_int_equal(c->rows[5].n_hits, 0); /* the info rule and the requires rule */
    assert_int_equal(c->rows[6].n_hits, 2);
    /* A message without {match}: the engine puts the phrase in quotes before it. */
    assert_int_equal(c->rows[8].n_hits, 1);
    assert_int_equal(c->rows[8].hits[0].rule, cheap);
    assert_string_equal(c->rows[8].hits[0].phrase, "cheap");
    const corpus_score *s = run.score;
    assert_int_equal(s->rows, 9);
    assert_int_equal(s->flag_rows, 4);
    assert_int_equal(s->pass_rows, 5);
    assert_int_equal(s->rules[best].rows, 4);
    S_expect_counts(&s->rules[best].all, 2, 1, 0, 1);
    S_expect_counts(&s->rules[best].lang[0], 1, 1, 0, 1);
    S_expect_counts(&s->rules[best].lang[1], 1, 0, 0, 0);
    assert_int_equal(s->rules[free_].rows, 4);
    S_expect_counts(&s->rules[free_].all, 1, 2, 1, 0);
    S_expect_counts(&s->rules[free_].lang[0], 1, 1, 1, 0);
    S_expect_counts(&s->rules[free_].lang[1], 0, 1, 0, 0);
    S_expect_counts(&s->rules[note].all, 0, 0, 0, 1);
    assert_int_equal(s->rules[cheap].rows, 0);
    S_expect_counts(&s->rules[cheap].all, 0, 1, 0, 0);
    S_expect_counts(&s->all, 3, 4, 1, 2);
    S_expect_counts(&s->lang[0], 2, 3, 1, 2);
    S_expect_counts(&s->lang[1], 1, 1, 0, 0);
    assert_true(corpus_precision(&s->all) == 3.0 / 7.0);
    assert_true(corpus_recall(&s->all) == 0.75);
    assert_true(corpus_precision(&s->rules[note].all) < 0);
    assert_true(corpus_recall(&s->rules[note].all) < 0);

    /* The report: the table, then every miss and every false alarm with its sentence. */
    char *out = NULL;
    size_t out_len = 0;
    FILE *mem = open_memstream(&out, &out_len);
    corpus_report(c, s, run.rules, mem);
    fclose(mem);
    char *want = xasprintf("%s: 9 rows, 4 flag and 5 pass; en 7 ko 2\n", path);
    assert_true(strncmp(out, want, strlen(want)) == 0);
    free(want);
    assert_non_null(strstr(out, "\nbest                                 all      4     2     1"
                                "     0     1   66.7 %  100.0 %\n"));
    assert_non_null(strstr(out, "\n                                     ko       1     1     0"
                                "     0     0  100.0 %  100.0 %\n"));
    assert_non_null(strstr(out, "\nnote                                 all      1     0     0"
                                "     0     1        -        -\n"));
    assert_null(strstr(out, "side-effects"));
    /* A rule with false alarms but no rows of its own has its line too. */
    assert_non_null(strstr(out, "\ncheap                                all      0     0     1"
                                "     0     0    0.0 %        -\n"));
    assert_non_null(strstr(out, "\noverall                              all      9     3     4"
                                "     1     2   42.9 %   75.0 %\n"));
    const char *lines[] = {
        "\nMisses: 1 flag row that its rule did not report\n",
        ":4: miss [free] en: A gift for you.\n",
        "\nFalse alarms: 4 findings on pass rows\n",
        ":6: false alarm [free] '무료' ko: 무료 상담입니다.\n",
        ":8: false alarm [best] 'best' en: The best free lift.\n",
        ":8: false alarm [free] 'free' (the row looks like best) en: The best free lift.\n",
        ":10: false alarm [cheap] 'cheap' (the row looks like free) en: A careful "
        "and cheap lift for you.\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        if (!strstr(out, lines[i]))
            fail_msg("the report lacks '%s':\n%s", lines[i], out);
    free(out);
    corpus_run_free(&run);
    free(path);
}

/* A file that cannot be read, or a corpus with a mistake, is reported and loads nothing. */
static void test_run_errors(void **state)
{
    S_fixture *f = *state;
    char *missing = path_join(f->dir, "missing.tsv");
    char *out = NULL;
    size_t out_len = 0;
    FILE *mem = open_memstream(&out, &out_len);
    corpus_run run;
    assert_false(corpus_run_load(&run, f->rules_path, f->site_path, missing, mem));
    fclose(mem);
    assert_null(run.corpus);
    assert_null(run.rules);
    char *want = xasprintf("%s: error: ", missing);
    assert_true(strncmp(out, want, strlen(want)) == 0);
    assert_non_null(strstr(out, "[corpus]\n"));
    free(want);
    free(out);
    char *bad = tu_write_file(f->dir, "bad.tsv", HEADER "flag\tbest\tjp\tx\tw\n");
    mem = open_memstream(&out, &out_len);
    assert_false(corpus_run_load(&run, f->rules_path, f->site_path, bad, mem));
    fclose(mem);
    want = xasprintf("%s:2:11: error: 'jp' is not a language of the corpus; write en or ko "
                     "[corpus]\n",
                     bad);
    assert_string_equal(out, want);
    free(want);
    free(out);
    free(bad);
    free(missing);
}

/* ---- the bars ---- */

static void test_gate(void **state)
{
    S_fixture *f = *state;
    long best = compliance_find(f->rules, "best"), free_ = compliance_find(f->rules, "free");
    corpus_score *s = corpus_count(&(corpus){.n_rows = 0}, f->rules->n_rules);
    s->all = (corpus_counts){.tp = 95, .fp = 2, .fn = 5, .tn = 50};
    s->rules[best].rows = 10;
    s->rules[best].all = (corpus_counts){.tp = 9, .fp = 1, .fn = 1};
    s->rules[free_].rows = 9; /* fewer than 10 rows: no bar of its own */
    s->rules[free_].all = (corpus_counts){.tp = 1, .fp = 5, .fn = 5};
    char *out = NULL;
    size_t out_len = 0;
    FILE *mem = open_memstream(&out, &out_len);
    assert_true(corpus_gate(s, f->rules, mem));
    fclose(mem);
    assert_string_equal(out, "");
    free(out);

    s->all = (corpus_counts){.tp = 94, .fp = 3, .fn = 6};
    s->rules[best].all = (corpus_counts){.tp = 8, .fp = 2, .fn = 0};
    mem = open_memstream(&out, &out_len);
    assert_false(corpus_gate(s, f->rules, mem));
    fclose(mem);
    assert_string_equal(out, "below the bar: overall: recall 94.0 % (at least 95 %)\n"
                             "below the bar: overall: precision 96.9 % (at least 97 %)\n"
                             "below the bar: best (10 rows): precision 80.0 % (at least 90 %)\n");
    free(out);
    corpus_score_free(s);
    corpus_score_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_read_header_errors),
        cmocka_unit_test(test_read_every_error),
        cmocka_unit_test(test_read_not_utf8),
        cmocka_unit_test(test_lint_and_count),
        cmocka_unit_test(test_run_errors),
        cmocka_unit_test(test_gate),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
