/* lint_scaffold.c: what `suture new` left for the author to replace, and titles wrapped in
 * quotation marks (see lint.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "check/lint_private.h"
#include "check/prefilter.h"
#include "content/outline.h"

/* The most characters of a placeholder quoted in its finding. */
#define S_QUOTE_CHARS 30

/* text[0, len) cut after S_QUOTE_CHARS characters, with "…" when cut; the caller frees. */
static char *S_quote(const char *text, size_t len)
{
    size_t i = 0, chars = 0;
    while (i < len && chars < S_QUOTE_CHARS) {
        UChar32 c;
        U8_NEXT(text, i, len, c);
        (void)c;
        chars++;
    }
    if (i >= len)
        return xstrndup(text, len);
    while (i && text[i - 1] == ' ')
        i--;
    return xasprintf("%.*s…", (int)i, text);
}

/* One placeholder found at text[start, start + len). */
typedef struct {
    size_t start, len, k;
} S_hit;

typedef struct {
    S_hit *items;
    size_t n, cap;
    const char *const *placeholders; /* outline_placeholders */
} S_hits;

static void S_keep_hit(void *ctx, size_t k, size_t start)
{
    S_hits *h = ctx;
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 8;
        h->items = xreallocarray(h->items, h->cap, sizeof *h->items);
    }
    h->items[h->n++] = (S_hit){start, strlen(h->placeholders[k]), k};
}

static int S_by_start(const void *a, const void *b)
{
    const S_hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

static void S_report_placeholder(lt_lint *L, size_t at, size_t n)
{
    unsigned line, column;
    source_position(&L->lines, at, &line, &column);
    char *quote = S_quote(L->text + at, n);
    if (lt_korean(L))
        diag_add_lang(L->ctx->diags, DIAG_ERROR, L->path, line, column, LINT_RULE_PLACEHOLDER,
                      NULL, L->lang,
                      "'%s' 문장은 suture new가 넣은 안내 문구입니다. 글의 내용으로 "
                      "바꾸시기 바랍니다",
                      quote);
    else
        diag_add_lang(L->ctx->diags, DIAG_ERROR, L->path, line, column, LINT_RULE_PLACEHOLDER,
                      NULL, L->lang,
                      "'%s' is guidance suture new wrote for you; replace it with the "
                      "article's own text",
                      quote);
    free(quote);
}

/*
 * Every placeholder found by one pass of L->ctx->placeholders, as outline_find_placeholder
 * would find them one after the other: the leftmost, the first listed of those starting
 * there, then the leftmost after its end. False when the pass failed (nothing reported).
 */
static bool S_placeholders_in_one_pass(lt_lint *L)
{
    size_t n_lits;
    S_hits h = {.placeholders = outline_placeholders(&n_lits)};
    bool ok = prefilter_literals_find(L->ctx->placeholders, compliance_scanner_scratch(L->s),
                                      L->text, L->len, S_keep_hit, &h);
    if (ok) {
        if (h.n > 1)
            qsort(h.items, h.n, sizeof *h.items, S_by_start);
        size_t from = 0;
        for (size_t i = 0; i < h.n; i++)
            if (h.items[i].start >= from) {
                S_report_placeholder(L, h.items[i].start, h.items[i].len);
                from = h.items[i].start + h.items[i].len;
            }
    }
    free(h.items);
    return ok;
}

void lt_placeholders(lt_lint *L)
{
    if (L->ctx->placeholders && L->s && S_placeholders_in_one_pass(L))
        return;
    size_t n = 0;
    for (size_t at = outline_find_placeholder(L->text, L->len, 0, &n); at < L->len;
         at = outline_find_placeholder(L->text, L->len, at + n, &n))
        S_report_placeholder(L, at, n);
}

struct prefilter_literals *lint_placeholders_new(void)
{
    size_t n;
    const char *const *lits = outline_placeholders(&n);
    return prefilter_literals_build(lits, n);
}

/* The quotation marks that may open a title, and the one that closes each. */
static const UChar32 S_pairs[][2] = {
    {0x201C, 0x201D}, /* “ ” */
    {0x2018, 0x2019}, /* ‘ ’ */
    {0x201E, 0x201C}, /* „ “ */
    {'"', '"'},       {'\'', '\''},
    {0x00AB, 0x00BB}, /* « » */
    {0x300C, 0x300D}, /* 「 」 */
    {0x300E, 0x300F}, /* 『 』 */
};

/* Whether c is any of the quotation marks above. */
static bool S_is_quote(UChar32 c)
{
    for (size_t i = 0; i < sizeof S_pairs / sizeof *S_pairs; i++)
        if (c == S_pairs[i][0] || c == S_pairs[i][1])
            return true;
    return false;
}

bool lint_title_quoted(const char *title)
{
    int32_t len = (int32_t)strlen(title);
    while (len && (title[len - 1] == ' ' || title[len - 1] == '\t'))
        len--;
    int32_t i = 0;
    while (i < len && (title[i] == ' ' || title[i] == '\t'))
        i++;
    if (len - i < 2) /* two quotation marks at least */
        return false;
    UChar32 first, last;
    U8_NEXT(title, i, len, first);
    int32_t end = len;
    U8_PREV(title, i, end, last);
    size_t pair = sizeof S_pairs / sizeof *S_pairs;
    for (size_t k = 0; k < sizeof S_pairs / sizeof *S_pairs; k++)
        if (first == S_pairs[k][0] && last == S_pairs[k][1])
            pair = k;
    if (pair == sizeof S_pairs / sizeof *S_pairs || end <= i)
        return false;
    /* “A” and “B” quotes two things: only one quotation as the whole title is flagged. */
    bool words = false;
    for (int32_t k = i; k < end;) {
        UChar32 c;
        U8_NEXT(title, k, end, c);
        if (c < 0 || S_is_quote(c))
            return false;
        words = words || (c != ' ' && c != '\t');
    }
    return words;
}

void lt_title_quoted(lt_lint *L, const char *title, size_t at)
{
    if (!lint_title_quoted(title))
        return;
    unsigned line, column;
    source_position(&L->lines, at, &line, &column);
    if (lt_korean(L))
        diag_add_lang(L->ctx->diags, DIAG_WARNING, L->path, line, column, LINT_RULE_TITLE_QUOTED,
                      NULL, L->lang,
                      "'%s' 제목 전체가 따옴표로 감싸여 있습니다. 따옴표 없이 쓰시기 "
                      "바랍니다",
                      title);
    else
        diag_add_lang(L->ctx->diags, DIAG_WARNING, L->path, line, column, LINT_RULE_TITLE_QUOTED,
                      NULL, L->lang,
                      "'%s' the whole title is wrapped in quotation marks; write it without "
                      "them",
                      title);
}
