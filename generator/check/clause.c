/* clause.c: clauses from ICU word boundaries, and the negation that governs a claim in its
 * clause (see clause.h). */
#include "check/clause.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "check/compliance_private.h"

/* One language's lists. */
typedef struct {
    strlist starts, ends, not_ends;
    rule_patterns before, after, not_cues, mentions;
    rule_patterns belief_before, belief_after, refutations;
} S_lang;

struct clause_data {
    strlist punctuation;
    S_lang *langs;
    size_t n_langs;
};

struct clause_scanner {
    UBreakIterator *words;
    UText *utext;
    pcre2_match_data *md;
};

static const char *const S_lang_keys[] = {
    "starts",   "ends",          "not-ends",     "negation-before", "negation-after",
    "not-negation", "mentions", "belief-before", "belief-after",  "refutation",
    NULL};

/* ---- reading ----------------------------------------------------------------------------- */

void clause_data_free(clause_data *d)
{
    if (!d)
        return;
    strlist_free(&d->punctuation);
    for (size_t i = 0; i < d->n_langs; i++) {
        S_lang *l = &d->langs[i];
        strlist_free(&l->starts);
        strlist_free(&l->ends);
        strlist_free(&l->not_ends);
        compliance_patterns_free(&l->before);
        compliance_patterns_free(&l->after);
        compliance_patterns_free(&l->not_cues);
        compliance_patterns_free(&l->mentions);
        compliance_patterns_free(&l->belief_before);
        compliance_patterns_free(&l->belief_after);
        compliance_patterns_free(&l->refutations);
    }
    free(d->langs);
    free(d);
}

/* A list of words or punctuation under key in map, into out. */
static void S_read_words(ydoc *doc, yaml_node_t *map, const char *key, strlist *out)
{
    yaml_node_t *n = ydoc_map_get(doc, map, key);
    if (!n)
        return;
    if (n->type != YAML_SEQUENCE_NODE) {
        ydoc_error(doc, n, "'%s' must be a list, one entry per line starting with '- ' or "
                           "written [a, b, c]",
                   key);
        return;
    }
    char what[48];
    snprintf(what, sizeof what, "each entry of '%s'", key);
    for (size_t i = 0; i < ydoc_len(n); i++) {
        const char *s = ydoc_expect_string(doc, ydoc_seq_item(doc, n, i), what);
        if (s)
            strlist_push(out, s);
    }
}

static void S_read_lang(ydoc *doc, yaml_node_t *n, const char *code, S_lang *l)
{
    char context[48];
    snprintf(context, sizeof context, "the clause lists of '%s'", code);
    if (!ydoc_expect_map(doc, n, context))
        return;
    ydoc_check_keys(doc, n, S_lang_keys, context);
    S_read_words(doc, n, "starts", &l->starts);
    S_read_words(doc, n, "ends", &l->ends);
    S_read_words(doc, n, "not-ends", &l->not_ends);
    compliance_read_patterns(doc, n, "negation-before", &l->before);
    compliance_read_patterns(doc, n, "negation-after", &l->after);
    compliance_read_patterns(doc, n, "not-negation", &l->not_cues);
    compliance_read_patterns(doc, n, "mentions", &l->mentions);
    compliance_read_patterns(doc, n, "belief-before", &l->belief_before);
    compliance_read_patterns(doc, n, "belief-after", &l->belief_after);
    compliance_read_patterns(doc, n, "refutation", &l->refutations);
}

clause_data *clause_data_read(ydoc *doc, yaml_node_t *node)
{
    clause_data *d = xcalloc(1, sizeof *d);
    if (!ydoc_expect_map(doc, node, "'clauses'"))
        return d;
    d->langs = xcalloc(ydoc_len(node) + 1, sizeof *d->langs);
    for (size_t i = 0; i < ydoc_len(node); i++) {
        yaml_node_t *k = ydoc_map_key(doc, node, i);
        const char *key = ydoc_scalar(k);
        if (!key)
            continue;
        if (strcmp(key, "punctuation") == 0)
            S_read_words(doc, node, key, &d->punctuation);
        else if (slug_is_language_tag(key))
            S_read_lang(doc, ydoc_map_value(doc, node, i), key, &d->langs[d->n_langs++]);
        else {
            static const char *const known[] = {"punctuation", NULL};
            const char *near = suggest_closest(key, known);
            ydoc_error(doc, k,
                       "'%s' in 'clauses' is neither 'punctuation' nor a language code such "
                       "as en or ko%s%s%s",
                       key, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
        }
    }
    return d;
}

/* ---- clauses ----------------------------------------------------------------------------- */

clause_scanner *clause_scanner_new(void)
{
    clause_scanner *s = xcalloc(1, sizeof *s);
    UErrorCode err = U_ZERO_ERROR;
    s->words = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_FAILURE(err))
        s->words = NULL;
    s->md = pcre2_match_data_create(1, NULL);
    if (!s->md)
        out_of_memory();
    return s;
}

void clause_scanner_free(clause_scanner *s)
{
    if (!s)
        return;
    if (s->words)
        ubrk_close(s->words);
    if (s->utext)
        utext_close(s->utext);
    pcre2_match_data_free(s->md);
    free(s);
}

static bool S_listed(const strlist *l, const char *tok, size_t n)
{
    for (size_t i = 0; i < l->len; i++)
        if (strlen(l->items[i]) == n && strncasecmp(l->items[i], tok, n) == 0)
            return true;
    return false;
}

static bool S_ends_with_any(const strlist *l, const char *tok, size_t n)
{
    for (size_t i = 0; i < l->len; i++) {
        size_t k = strlen(l->items[i]);
        if (k <= n && memcmp(tok + n - k, l->items[i], k) == 0)
            return true;
    }
    return false;
}

/*
 * Whether the token text[a, b) bounds a clause, and where: the clause before it ends at
 * *close and the next one begins at *open.
 */
static bool S_boundary(const clause_data *d, const char *tok, size_t n, bool word, size_t a,
                       size_t b, size_t *close, size_t *open)
{
    if (!word) {
        *close = a;
        *open = b;
        return S_listed(&d->punctuation, tok, n);
    }
    for (size_t i = 0; i < d->n_langs; i++) {
        const S_lang *l = &d->langs[i];
        if (S_listed(&l->starts, tok, n)) {
            *close = *open = a;
            return true;
        }
        if (S_ends_with_any(&l->ends, tok, n) && !S_ends_with_any(&l->not_ends, tok, n)) {
            *close = *open = b;
            return true;
        }
    }
    return false;
}

void clause_around(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                   size_t to, size_t start, size_t end, size_t *cfrom, size_t *cto)
{
    *cfrom = from;
    *cto = to;
    if (!d || !s->words)
        return;
    UErrorCode err = U_ZERO_ERROR;
    s->utext = utext_openUTF8(s->utext, text + from, (int64_t)(to - from), &err);
    if (U_SUCCESS(err))
        ubrk_setUText(s->words, s->utext, &err);
    if (U_FAILURE(err))
        return;
    size_t a = from;
    for (int32_t q = ubrk_next(s->words); q != UBRK_DONE; q = ubrk_next(s->words)) {
        size_t b = from + (size_t)q;
        bool word = ubrk_getRuleStatus(s->words) >= UBRK_WORD_NONE_LIMIT;
        size_t close, open;
        if (S_boundary(d, text + a, b - a, word, a, b, &close, &open)) {
            if (open <= start)
                *cfrom = open;
            else if (close >= end) {
                *cto = close;
                break;
            }
        }
        a = b;
    }
}

/* ---- negation ---------------------------------------------------------------------------- */

/* The first match of code in text[at, to): true and *a, *b when there is one. */
static bool S_next(const pcre2_code *code, clause_scanner *s, const char *text, size_t at,
                   size_t to, size_t *a, size_t *b)
{
    if (pcre2_match(code, (PCRE2_SPTR)text, to, at, 0, s->md, NULL) < 0)
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    *a = ov[0];
    *b = ov[1];
    return true;
}

/* True when some match of p in text[cfrom, cto) overlaps text[a, b). */
static bool S_overlaps(const rule_patterns *p, clause_scanner *s, const char *text,
                       size_t cfrom, size_t cto, size_t a, size_t b)
{
    size_t x, y;
    for (size_t i = 0; i < p->len; i++)
        for (size_t at = cfrom; at < cto && S_next(p->items[i].code, s, text, at, cto, &x, &y);
             at = y > x ? y : x + 1) {
            if (x < b && a < y)
                return true;
            if (x >= b)
                break;
        }
    return false;
}

/* True when a cue of p in text[from, to) is not inside a pseudo-negation of l. */
static bool S_cue(const S_lang *l, const rule_patterns *p, clause_scanner *s, const char *text,
                  size_t from, size_t to, size_t cfrom, size_t cto)
{
    size_t a, b;
    for (size_t i = 0; i < p->len; i++)
        for (size_t at = from; at < to && S_next(p->items[i].code, s, text, at, to, &a, &b);
             at = b > a ? b : a + 1)
            if (!S_overlaps(&l->not_cues, s, text, cfrom, cto, a, b))
                return true;
    return false;
}

bool clause_negated(const clause_data *d, clause_scanner *s, const char *text, size_t cfrom,
                    size_t cto, size_t start, size_t end)
{
    if (!d)
        return false;
    for (size_t i = 0; i < d->n_langs; i++) {
        const S_lang *l = &d->langs[i];
        if (start > cfrom && S_cue(l, &l->before, s, text, cfrom, start, cfrom, cto))
            return true;
        if (cto > end && S_cue(l, &l->after, s, text, end, cto, cfrom, cto))
            return true;
    }
    return false;
}

/* ---- refuted beliefs --------------------------------------------------------------------- */

/* The start of the first match of one of p in text[from, to), or SIZE_MAX. */
static size_t S_first(const rule_patterns *p, clause_scanner *s, const char *text, size_t from,
                      size_t to)
{
    size_t first = SIZE_MAX, a, b;
    for (size_t i = 0; i < p->len; i++)
        if (S_next(p->items[i].code, s, text, from, to, &a, &b) && a < first)
            first = a;
    return first;
}

bool clause_refuted(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                    size_t to, size_t start, size_t end)
{
    if (!d)
        return false;
    for (size_t i = 0; i < d->n_langs; i++) {
        const S_lang *l = &d->langs[i];
        if (!l->refutations.len)
            continue;
        /* "Many people think … no side effects, but …": the belief, then the claim, then
         * what refutes it. */
        if (start > from && S_first(&l->belief_before, s, text, from, start) != SIZE_MAX &&
            end < to && S_first(&l->refutations, s, text, end, to) != SIZE_MAX)
            return true;
        /* "위험이 전혀 없다고 생각하기 쉽지만 …": the claim, its belief, what refutes it. */
        size_t belief = end < to ? S_first(&l->belief_after, s, text, end, to) : SIZE_MAX;
        if (belief != SIZE_MAX && S_first(&l->refutations, s, text, belief, to) != SIZE_MAX)
            return true;
    }
    return false;
}

/* ---- quoted mentions --------------------------------------------------------------------- */

/* The quotation marks: opening, closing, and the straight one that is both. */
static const char *const S_open_quotes[] = {"\u201C", "\u2018", "\u300C", "\u300E", NULL};
static const char *const S_close_quotes[] = {"\u201D", "\u2019", "\u300D", "\u300F", NULL};

/* The offset just past the last of marks in text[from, to), or SIZE_MAX if there is none. */
static size_t S_last(const char *const *marks, const char *text, size_t from, size_t to)
{
    size_t last = SIZE_MAX;
    for (size_t i = 0; marks[i]; i++) {
        size_t k = strlen(marks[i]);
        for (size_t at = from; at + k <= to; at++)
            if (memcmp(text + at, marks[i], k) == 0 && (last == SIZE_MAX || at + k > last))
                last = at + k;
    }
    return last;
}

/* True when text[start, end) stands between quotation marks within text[from, to). */
static bool S_quoted(const char *text, size_t from, size_t to, size_t start, size_t end)
{
    size_t straight = 0;
    for (size_t at = from; at < start; at++)
        straight += text[at] == '"';
    if (straight % 2 == 1 && memchr(text + end, '"', to - end))
        return true;
    size_t open = S_last(S_open_quotes, text, from, start);
    size_t close = S_last(S_close_quotes, text, from, start);
    return open != SIZE_MAX && (close == SIZE_MAX || close < open) &&
           S_last(S_close_quotes, text, end, to) != SIZE_MAX;
}

bool clause_mentioned(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                      size_t to, size_t start, size_t end)
{
    if (!d || !S_quoted(text, from, to, start, end))
        return false;
    size_t a, b;
    for (size_t i = 0; i < d->n_langs; i++)
        for (size_t p = 0; p < d->langs[i].mentions.len; p++)
            if (S_next(d->langs[i].mentions.items[p].code, s, text, from, to, &a, &b))
                return true;
    return false;
}
