/*
 * lint_reading.c: how readable an article's body is, measured in its language (lint.h):
 * Flesch–Kincaid for English (readability.h), sentence and paragraph length for Korean
 * (readability_ko.h), and the warnings above site.yaml's limits.
 */
#include <cmark.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "check/lint_private.h"

/* The most sentence lines a reading warning names. */
#define LONG_SENTENCES 3

void lt_reading_begin(lt_lint *L, lint_result *out, bool body)
{
    free(out->reading.file);
    out->reading = (lint_reading){0};
    free(out->reading_ko.file);
    out->reading_ko = (lint_reading_ko){0};
    if (body && readability_applies(L->lang))
        L->reading = readability_new();
    else if (body && readability_ko_applies(L->lang))
        L->reading_ko = readability_ko_new();
}

void lt_reading_block(lt_lint *L, cmark_node *n)
{
    if (L->reading)
        readability_add_block(L->reading, L->seg.text, L->seg.len, L->seg.src);
    /* A list item's paragraph is a sentence or several, not one of the paragraphs whose
     * length is measured. */
    if (L->reading_ko)
        readability_ko_add_block(L->reading_ko, L->seg.text, L->seg.len, L->seg.src,
                                 cmark_node_get_type(cmark_node_parent(n)) != CMARK_NODE_ITEM);
}

/*
 * The lines of the longest of the n sentences sent (ranked by rank, which fills index with
 * at most max entries), each line once, at most LONG_SENTENCES of them, longest first:
 * lines[k] and the length (words or 어절) of the longest sentence on it in words[k].
 * Returns how many.
 */
static size_t S_longest_lines(const lt_lint *L, const readability_sentence *sent, size_t n,
                              size_t (*rank)(const void *, size_t, size_t *), const void *r,
                              unsigned *lines, size_t *words)
{
    /* Several sentences may share a line: look further than LONG_SENTENCES. */
    size_t want = n < 4 * LONG_SENTENCES ? n : 4 * LONG_SENTENCES;
    size_t *longest = xcalloc(want + 1, sizeof *longest);
    size_t got = rank(r, want, longest);
    size_t n_lines = 0;
    for (size_t i = 0; i < got && n_lines < LONG_SENTENCES; i++) {
        unsigned line, column;
        source_position(&L->lines, sent[longest[i]].offset, &line, &column);
        bool seen = false;
        for (size_t k = 0; k < n_lines; k++)
            seen = seen || lines[k] == line;
        if (seen)
            continue;
        lines[n_lines] = line;
        words[n_lines++] = sent[longest[i]].words;
    }
    free(longest);
    return n_lines;
}

static size_t S_rank_en(const void *r, size_t max, size_t *index)
{
    return readability_longest(r, max, index);
}

static size_t S_rank_ko(const void *r, size_t max, size_t *index)
{
    return readability_ko_longest(r, max, index);
}

/*
 * Grade the body read into L->reading (an English article) into out, and warn when the
 * grade is above the site's reading_grade_max. The warning points at the first body text
 * and names the lines of the longest sentences, each line once, in file order.
 */
static void S_reading_en(lt_lint *L, lint_reading *out)
{
    readability_counts c = readability_totals(L->reading);
    if (c.words == 0)
        return;
    size_t n;
    const readability_sentence *sent = readability_sentences(L->reading, &n);
    out->file = xstrdup(L->path);
    source_position(&L->lines, sent[0].offset, &out->line, &out->column);
    out->grade = readability_round(readability_grade(L->reading));
    out->sentences = c.sentences;
    out->words = c.words;
    out->syllables = c.syllables;
    double max = L->ctx->cfg ? L->ctx->cfg->reading_grade_max : 0;
    if (max <= 0 || out->grade <= max)
        return;
    unsigned lines[LONG_SENTENCES];
    size_t words[LONG_SENTENCES];
    size_t n_lines = S_longest_lines(L, sent, n, S_rank_en, L->reading, lines, words);
    /* In file order. */
    for (size_t i = 1; i < n_lines; i++)
        for (size_t k = i; k > 0 && lines[k - 1] > lines[k]; k--) {
            unsigned t = lines[k];
            lines[k] = lines[k - 1];
            lines[k - 1] = t;
        }
    strbuf where = STRBUF_INIT;
    strbuf_puts(&where, n_lines == 1 ? "line " : "lines ");
    for (size_t k = 0; k < n_lines; k++)
        strbuf_printf(&where, "%s%u", k ? ", " : "", lines[k]);
    diag_add(L->ctx->diags, DIAG_WARNING, L->path, out->line, out->column, "reading-grade",
             "reading grade %.1f (Flesch–Kincaid) is above reading_grade_max %g; shorten the "
             "longest sentences (%s) and prefer shorter words",
             out->grade, max, strbuf_str(&where));
    strbuf_free(&where);
}

/*
 * Measure the body read into L->reading_ko (a Korean article) into out, and warn, in
 * Korean, when its mean sentence is longer than the site's reading_eojeol_max. The warning
 * points at the longest sentence and names the longest sentences' lines and lengths,
 * longest first.
 */
static void S_reading_ko(lt_lint *L, lint_reading_ko *out)
{
    readability_ko_counts c = readability_ko_totals(L->reading_ko);
    if (c.sentences == 0)
        return;
    size_t n;
    const readability_sentence *sent = readability_ko_sentences(L->reading_ko, &n);
    out->file = xstrdup(L->path);
    source_position(&L->lines, sent[0].offset, &out->line, &out->column);
    out->mean = readability_round(readability_ko_mean_eojeol(L->reading_ko));
    out->sentences = c.sentences;
    out->eojeol = c.eojeol;
    out->paragraphs = c.paragraphs;
    double pm = readability_ko_mean_paragraph(L->reading_ko);
    out->paragraph_mean = isnan(pm) ? 0 : readability_round(pm);
    out->longest_paragraph = c.longest_paragraph;
    size_t top;
    readability_ko_longest(L->reading_ko, 1, &top);
    source_position(&L->lines, sent[top].offset, &out->longest_line, &out->longest_column);
    out->longest = sent[top].words;
    long max = L->ctx->cfg ? L->ctx->cfg->reading_eojeol_max : 0;
    if (max <= 0 || out->mean <= (double)max)
        return;
    unsigned lines[LONG_SENTENCES];
    size_t words[LONG_SENTENCES];
    size_t n_lines = S_longest_lines(L, sent, n, S_rank_ko, L->reading_ko, lines, words);
    strbuf where = STRBUF_INIT;
    for (size_t k = 0; k < n_lines; k++)
        strbuf_printf(&where, "%s%u행(%zu어절)", k ? ", " : "", lines[k], words[k]);
    diag_add(L->ctx->diags, DIAG_WARNING, L->path, out->longest_line, out->longest_column,
             "reading-grade-ko",
             "문장이 평균 %.1f어절로 reading_eojeol_max %ld어절보다 깁니다. 긴 문장부터 둘 "
             "이상으로 나누어 한 문장에 한 가지 내용만 담으세요: %s",
             out->mean, max, strbuf_str(&where));
    strbuf_free(&where);
}

void lt_reading_end(lt_lint *L, lint_result *out)
{
    if (L->reading) {
        S_reading_en(L, &out->reading);
        readability_free(L->reading);
        L->reading = NULL;
    }
    if (L->reading_ko) {
        S_reading_ko(L, &out->reading_ko);
        readability_ko_free(L->reading_ko);
        L->reading_ko = NULL;
    }
}
