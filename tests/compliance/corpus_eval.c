/*
 * corpus_eval.c: reading, linting and scoring the labelled corpus (corpus_eval.h).
 */
#include "corpus_eval.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/utf8.h"
#include "check/lint.h"

const char *const corpus_langs[CORPUS_N_LANGS] = {"en", "ko"};

#define S_CATEGORY "corpus"
#define S_N_FIELDS 5
static const char *const S_fields[S_N_FIELDS] = {"expected", "rule", "lang", "sentence",
                                                  "source"};

/* ---- reading ------------------------------------------------------------------------------ */

/* The column (from 1, in characters) of byte offset at in line. */
static unsigned S_column(const char *line, size_t at)
{
    unsigned col = 1;
    for (size_t i = 0; i < at; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* Split line (its tabs replaced by NULs) into at most max fields; returns how many there
 * are, which may be more than max (only max are stored). */
static size_t S_split(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        if (n < max)
            fields[n] = p;
        n++;
        char *tab = strchr(p, '\t');
        if (!tab)
            return n;
        *tab = '\0';
        p = tab + 1;
    }
}

static int S_lang_index(const char *lang)
{
    for (int i = 0; i < CORPUS_N_LANGS; i++)
        if (strcmp(lang, corpus_langs[i]) == 0)
            return i;
    return -1;
}

/* Check one row's fields and append it to c; returns the number of errors reported. */
static int S_read_row(corpus *c, const compliance *rules, char *line, unsigned lineno,
                      diag_list *diags)
{
    char *copy = xstrdup(line);
    char *f[S_N_FIELDS];
    size_t n = S_split(copy, f, S_N_FIELDS);
    int errors = 0;
    if (n != S_N_FIELDS) {
        diag_error(diags, c->path, lineno, 1, S_CATEGORY,
                   "this row has %zu field%s; a row has %d, separated by tabs: expected, "
                   "rule, lang, sentence, source",
                   n, n == 1 ? "" : "s", S_N_FIELDS);
        free(copy);
        return 1;
    }
    unsigned col[S_N_FIELDS];
    for (size_t k = 0; k < S_N_FIELDS; k++) {
        col[k] = S_column(line, (size_t)(f[k] - copy));
        if (!*f[k]) {
            diag_error(diags, c->path, lineno, col[k], S_CATEGORY,
                       "the %s field is empty; every field of a row needs a value",
                       S_fields[k]);
            errors++;
        }
    }
    if (errors) {
        free(copy);
        return errors;
    }
    bool flag = strcmp(f[0], "flag") == 0;
    if (!flag && strcmp(f[0], "pass") != 0) {
        diag_error(diags, c->path, lineno, col[0], S_CATEGORY,
                   "'%s' is not an expected outcome; write flag (a rule should report the "
                   "sentence) or pass (no rule should)",
                   f[0]);
        errors++;
    }
    long rule_index = compliance_find(rules, f[1]);
    if (rule_index < 0) {
        const char *near = compliance_suggest(rules, f[1]);
        if (near)
            diag_error(diags, c->path, lineno, col[1], S_CATEGORY,
                       "'%s' is not a rule in %s; did you mean '%s'?", f[1], rules->file,
                       near);
        else
            diag_error(diags, c->path, lineno, col[1], S_CATEGORY,
                       "'%s' is not a rule in %s; write the id of one of its rules", f[1],
                       rules->file);
        errors++;
    }
    int lang = S_lang_index(f[2]);
    if (lang < 0) {
        diag_error(diags, c->path, lineno, col[2], S_CATEGORY,
                   "'%s' is not a language of the corpus; write en or ko", f[2]);
        errors++;
    }
    if (!errors) {
        c->rows = xreallocarray(c->rows, c->n_rows + 1, sizeof *c->rows);
        c->rows[c->n_rows++] = (corpus_row){.line = lineno, .flag = flag, .rule = rule_index,
                                            .lang = lang, .sentence = xstrdup(f[3]),
                                            .source = xstrdup(f[4])};
    }
    free(copy);
    return errors;
}

/* Check the header line; returns the number of errors reported (0 or 1). */
static int S_read_header(const corpus *c, const char *line, unsigned lineno, diag_list *diags)
{
    char *copy = xstrdup(line);
    char *f[S_N_FIELDS];
    size_t n = S_split(copy, f, S_N_FIELDS);
    bool ok = n == S_N_FIELDS;
    for (size_t k = 0; ok && k < S_N_FIELDS; k++)
        ok = strcmp(f[k], S_fields[k]) == 0;
    free(copy);
    if (ok)
        return 0;
    diag_error(diags, c->path, lineno, 1, S_CATEGORY,
               "the first line that is not a comment must name the columns, separated by "
               "tabs: expected, rule, lang, sentence, source");
    return 1;
}

corpus *corpus_read(const char *path, const char *text, size_t len, const compliance *rules,
                    diag_list *diags)
{
    if (!utf8_check(text, len, path, S_CATEGORY, diags))
        return NULL;
    corpus *c = xcalloc(1, sizeof *c);
    c->path = xstrdup(path);
    int errors = 0;
    bool header = false;
    unsigned lineno = 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t stop = end > at && text[end - 1] == '\r' ? end - 1 : end;
        char *line = xstrndup(text + at, stop - at);
        lineno++;
        at = end + 1;
        if (line[0] == '#' || line[0] == '\0') {
            free(line);
            continue;
        }
        if (!header) {
            errors += S_read_header(c, line, lineno, diags);
            header = true;
        } else {
            errors += S_read_row(c, rules, line, lineno, diags);
        }
        free(line);
    }
    if (!header) {
        diag_error(diags, path, 0, 0, S_CATEGORY,
                   "the corpus has no header line: its first line that is not a comment must "
                   "name the columns, separated by tabs: expected, rule, lang, sentence, "
                   "source");
        errors++;
    }
    if (errors) {
        corpus_free(c);
        return NULL;
    }
    return c;
}

static void S_free_hits(corpus_row *r)
{
    for (size_t i = 0; i < r->n_hits; i++)
        free(r->hits[i].phrase);
    free(r->hits);
    r->hits = NULL;
    r->n_hits = 0;
}

void corpus_free(corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_rows; i++) {
        S_free_hits(&c->rows[i]);
        free(c->rows[i].sentence);
        free(c->rows[i].source);
    }
    free(c->rows);
    free(c->path);
    free(c);
}

/* ---- linting ------------------------------------------------------------------------------ */

/* The article a sentence is linted in: valid front matter in its language, the sentence as
 * the one paragraph of the body. The caller frees it. */
static char *S_article(const config *cfg, const char *lang, const char *sentence)
{
    bool ko = strcmp(lang, "ko") == 0;
    const char *topic = cfg->n_topics ? cfg->topics[0].id : "anatomy";
    return xasprintf("---\ntitle: \"%s\"\nsummary: \"%s\"\ntopics: [%s]\n"
                     "date: 2026-12-01\nreviewed: 2026-12-01\n"
                     "reviewer: \"Medical review team\"\nlang: %s\n---\n\n%s\n",
                     ko ? "문장" : "Sentence", ko ? "말뭉치의 한 문장입니다." : "One sentence.",
                     topic, lang, sentence);
}

/* What finding d matched: the phrase of the lint's mark at d's place for d's rule (the
 * reader's text the pattern matched, as suture serve marks it), or NULL. The caller frees
 * it. */
static char *S_phrase(const lint_result *res, const diag *d)
{
    for (size_t i = 0; i < res->n_marks; i++) {
        const lint_mark *m = &res->marks[i];
        if (m->line == d->line && m->column == d->column && strcmp(m->rule, d->category) == 0)
            return m->phrase ? xstrdup(m->phrase) : NULL;
    }
    return NULL;
}

static bool S_has_hit(const corpus_row *row, long rule_index)
{
    for (size_t i = 0; i < row->n_hits; i++)
        if (row->hits[i].rule == rule_index)
            return true;
    return false;
}

static void S_lint_row(corpus_row *row, const compliance *rules, const config *cfg,
                       compliance_scanner *sc)
{
    const char *lang = corpus_langs[row->lang];
    char *article = S_article(cfg, lang, row->sentence);
    diag_list *diags = diag_list_new();
    lint_context ctx = {.rules = rules, .cfg = cfg, .today = {2026, 12, 1}, .diags = diags};
    lint_result res = {0};
    lint_article(&ctx, sc, "corpus.md", lang, article, strlen(article), &res);
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        long k = d->category ? compliance_find(rules, d->category) : -1;
        if (k < 0 || rules->rules[k].kind != RULE_PATTERNS || d->severity == DIAG_INFO ||
            S_has_hit(row, k))
            continue;
        row->hits = xreallocarray(row->hits, row->n_hits + 1, sizeof *row->hits);
        row->hits[row->n_hits++] =
            (corpus_hit){.rule = k, .phrase = S_phrase(&res, d)};
    }
    lint_result_free(&res);
    diag_list_free(diags);
    free(article);
}

void corpus_lint(corpus *c, const compliance *rules, const config *cfg)
{
    compliance_scanner *sc = compliance_scanner_new();
    for (size_t i = 0; i < c->n_rows; i++) {
        S_free_hits(&c->rows[i]);
        S_lint_row(&c->rows[i], rules, cfg, sc);
    }
    compliance_scanner_free(sc);
}

/* ---- counting ----------------------------------------------------------------------------- */

typedef enum { S_TP, S_FP, S_FN, S_TN } S_outcome;

static void S_bump(corpus_counts *k, S_outcome o)
{
    switch (o) {
    case S_TP: k->tp++; break;
    case S_FP: k->fp++; break;
    case S_FN: k->fn++; break;
    case S_TN: k->tn++; break;
    }
}

/* Add one outcome of rule on a row in language lang to the rule's counts and the totals. */
static void S_add(corpus_score *s, long rule_index, int lang, S_outcome o)
{
    corpus_rule_score *r = &s->rules[rule_index];
    S_bump(&r->all, o);
    S_bump(&r->lang[lang], o);
    S_bump(&s->all, o);
    S_bump(&s->lang[lang], o);
}

corpus_score *corpus_count(const corpus *c, size_t n_rules)
{
    corpus_score *s = xcalloc(1, sizeof *s);
    s->n_rules = n_rules;
    s->rules = xcalloc(n_rules ? n_rules : 1, sizeof *s->rules);
    for (size_t i = 0; i < c->n_rows; i++) {
        const corpus_row *row = &c->rows[i];
        s->rows++;
        s->rules[row->rule].rows++;
        if (row->flag) {
            s->flag_rows++;
            S_add(s, row->rule, row->lang, S_has_hit(row, row->rule) ? S_TP : S_FN);
            continue;
        }
        s->pass_rows++;
        for (size_t h = 0; h < row->n_hits; h++)
            S_add(s, row->hits[h].rule, row->lang, S_FP);
        if (row->n_hits == 0)
            S_add(s, row->rule, row->lang, S_TN);
    }
    return s;
}

void corpus_score_free(corpus_score *s)
{
    if (!s)
        return;
    free(s->rules);
    free(s);
}

double corpus_precision(const corpus_counts *k)
{
    return k->tp + k->fp ? (double)k->tp / (double)(k->tp + k->fp) : -1;
}

double corpus_recall(const corpus_counts *k)
{
    return k->tp + k->fn ? (double)k->tp / (double)(k->tp + k->fn) : -1;
}

/* ---- reporting ---------------------------------------------------------------------------- */

/* A fraction as a percentage in 8 columns, or "-" when undefined. */
static void S_percent(FILE *out, double v)
{
    if (v < 0)
        fprintf(out, " %8s", "-");
    else
        fprintf(out, " %6.1f %%", v * 100);
}

static void S_line(FILE *out, const char *name, const char *lang, size_t rows,
                   const corpus_counts *k)
{
    fprintf(out, "%-36s %-4s %5zu %5zu %5zu %5zu %5zu", name, lang, rows, k->tp, k->fp, k->fn,
            k->tn);
    S_percent(out, corpus_precision(k));
    S_percent(out, corpus_recall(k));
    fputc('\n', out);
}

/* How many rows of the corpus name rule rule_index (< 0: any rule) and are in language lang. */
static size_t S_rows_in(const corpus *c, long rule_index, int lang)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_rows; i++)
        n += c->rows[i].lang == lang && (rule_index < 0 || c->rows[i].rule == rule_index);
    return n;
}

static bool S_counted(const corpus_counts *k)
{
    return k->tp + k->fp + k->fn + k->tn > 0;
}

static void S_table(const corpus *c, const corpus_score *s, const compliance *rules, FILE *out)
{
    fprintf(out, "%-36s %-4s %5s %5s %5s %5s %5s %8s %8s\n", "rule", "lang", "rows", "TP",
            "FP", "FN", "TN", "precis.", "recall");
    for (size_t r = 0; r < s->n_rules; r++) {
        const corpus_rule_score *rs = &s->rules[r];
        if (!rs->rows && !S_counted(&rs->all))
            continue;
        S_line(out, rules->rules[r].id, "all", rs->rows, &rs->all);
        for (int l = 0; l < CORPUS_N_LANGS; l++)
            S_line(out, "", corpus_langs[l], S_rows_in(c, (long)r, l), &rs->lang[l]);
    }
    S_line(out, "overall", "all", s->rows, &s->all);
    for (int l = 0; l < CORPUS_N_LANGS; l++)
        S_line(out, "", corpus_langs[l], S_rows_in(c, -1, l), &s->lang[l]);
}

static void S_misses(const corpus *c, const compliance *rules, FILE *out)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_rows; i++)
        n += c->rows[i].flag && !S_has_hit(&c->rows[i], c->rows[i].rule);
    fprintf(out, "\nMisses: %zu flag row%s that %s rule did not report\n", n, n == 1 ? "" : "s",
            n == 1 ? "its" : "their");
    for (size_t i = 0; i < c->n_rows; i++) {
        const corpus_row *row = &c->rows[i];
        if (row->flag && !S_has_hit(row, row->rule))
            fprintf(out, "%s:%u: miss [%s] %s: %s\n", c->path, row->line,
                    rules->rules[row->rule].id, corpus_langs[row->lang], row->sentence);
    }
}

static void S_false_alarms(const corpus *c, const compliance *rules, FILE *out)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_rows; i++)
        n += !c->rows[i].flag ? c->rows[i].n_hits : 0;
    fprintf(out, "\nFalse alarms: %zu finding%s on pass rows\n", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < c->n_rows; i++) {
        const corpus_row *row = &c->rows[i];
        for (size_t h = 0; !row->flag && h < row->n_hits; h++) {
            const corpus_hit *hit = &row->hits[h];
            fprintf(out, "%s:%u: false alarm [%s]", c->path, row->line,
                    rules->rules[hit->rule].id);
            if (hit->phrase)
                fprintf(out, " '%s'", hit->phrase);
            if (hit->rule != row->rule)
                fprintf(out, " (the row looks like %s)", rules->rules[row->rule].id);
            fprintf(out, " %s: %s\n", corpus_langs[row->lang], row->sentence);
        }
    }
}

void corpus_report(const corpus *c, const corpus_score *s, const compliance *rules, FILE *out)
{
    fprintf(out, "%s: %zu rows, %zu flag and %zu pass;", c->path, s->rows, s->flag_rows,
            s->pass_rows);
    for (int l = 0; l < CORPUS_N_LANGS; l++)
        fprintf(out, " %s %zu", corpus_langs[l], S_rows_in(c, -1, l));
    fprintf(out, "\n\n");
    S_table(c, s, rules, out);
    S_misses(c, rules, out);
    S_false_alarms(c, rules, out);
}

/* Whether v meets bar (an undefined figure does); prints the miss otherwise. */
static bool S_bar(FILE *out, const char *what, size_t rows, const char *figure, double v,
                  double bar)
{
    if (v < 0 || v >= bar)
        return true;
    if (rows)
        fprintf(out, "below the bar: %s (%zu rows): %s %.1f %% (at least %.0f %%)\n", what,
                rows, figure, v * 100, bar * 100);
    else
        fprintf(out, "below the bar: %s: %s %.1f %% (at least %.0f %%)\n", what, figure,
                v * 100, bar * 100);
    return false;
}

bool corpus_gate(const corpus_score *s, const compliance *rules, FILE *out)
{
    bool ok = S_bar(out, "overall", 0, "recall", corpus_recall(&s->all), CORPUS_GATE_RECALL);
    ok &= S_bar(out, "overall", 0, "precision", corpus_precision(&s->all),
                CORPUS_GATE_PRECISION);
    for (size_t r = 0; r < s->n_rules; r++) {
        const corpus_rule_score *rs = &s->rules[r];
        if (rs->rows < CORPUS_GATE_MIN_ROWS)
            continue;
        const char *id = rules->rules[r].id;
        ok &= S_bar(out, id, rs->rows, "precision", corpus_precision(&rs->all),
                    CORPUS_GATE_RULE);
        ok &= S_bar(out, id, rs->rows, "recall", corpus_recall(&rs->all), CORPUS_GATE_RULE);
    }
    return ok;
}

/* ---- one evaluation ----------------------------------------------------------------------- */

bool corpus_run_load(corpus_run *run, const char *rules_path, const char *site_path,
                     const char *corpus_path, FILE *err)
{
    memset(run, 0, sizeof *run);
    diag_list *diags = diag_list_new();
    run->rules = compliance_load(rules_path, NULL, diags);
    run->cfg = config_load(site_path, diags);
    if (run->rules && run->cfg) {
        size_t len = 0;
        char *text = file_read(corpus_path, &len);
        if (text)
            run->corpus = corpus_read(corpus_path, text, len, run->rules, diags);
        else
            diag_file_problem(diags, corpus_path, errno, S_CATEGORY, "the corpus");
        free(text);
    }
    bool ok = run->corpus && diag_error_count(diags) == 0;
    if (ok) {
        corpus_lint(run->corpus, run->rules, run->cfg);
        run->score = corpus_count(run->corpus, run->rules->n_rules);
    } else {
        diag_list_print(diags, err);
        corpus_run_free(run);
    }
    diag_list_free(diags);
    return ok;
}

void corpus_run_free(corpus_run *run)
{
    corpus_score_free(run->score);
    corpus_free(run->corpus);
    config_free(run->cfg);
    compliance_free(run->rules);
    memset(run, 0, sizeof *run);
}
