/* lint_suppress.c: the suture-ignore comments of a content file, which suppress a
 * finding of one rule with a reason (see lint.h). */
#define _GNU_SOURCE
#include "check/lint.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "check/lint_private.h"

/* ---- suppressions ----------------------------------------------------------------------- */

static lt_suppression *S_new_suppression(lt_lint *L, size_t at)
{
    if (L->n_supps == L->cap_supps) {
        L->cap_supps = L->cap_supps ? L->cap_supps * 2 : 4;
        L->supps = xreallocarray(L->supps, L->cap_supps, sizeof *L->supps);
    }
    lt_suppression *sp = &L->supps[L->n_supps++];
    memset(sp, 0, sizeof *sp);
    source_position(&L->lines, at, &sp->line, &sp->column);
    return sp;
}

static const char *S_skip_space(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/*
 * Parse "suture-ignore RULE-ID: reason" (inner, n bytes, comment markers removed) written
 * at offset at; adds the suppression (valid or not) covering [from, to). Returns false when
 * the text is not a suture-ignore at all.
 */
static bool S_parse_suppression(lt_lint *L, const char *inner, size_t n, size_t at, size_t from,
                                size_t to)
{
    const char *p = inner, *end = inner + n;
    p = S_skip_space(p, end);
    static const char kw[] = "suture-ignore";
    if ((size_t)(end - p) < sizeof kw - 1 || strncmp(p, kw, sizeof kw - 1) != 0)
        return false;
    p += sizeof kw - 1;
    if (p < end && *p != ' ' && *p != '\t' && *p != ':')
        return false;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
    p = S_skip_space(p, end);
    const char *id = p;
    while (p < end && *p != ':' && *p != ' ' && *p != '\t')
        p++;
    char *rule_id = xstrndup(id, (size_t)(p - id));
    p = S_skip_space(p, end);
    const char *reason = NULL;
    if (p < end && *p == ':')
        reason = S_skip_space(p + 1, end);
    lt_suppression *sp = S_new_suppression(L, at);
    sp->rule_id = rule_id;
    sp->reason = reason && reason < end ? xstrndup(reason, (size_t)(end - reason)) : NULL;
    sp->from = from;
    sp->to = to;
    const compliance *c = L->ctx->rules;
    if (!*rule_id) {
        diag_error(L->ctx->diags, L->path, sp->line, sp->column, "suppression",
                   "this suppression names no rule; write 'suture-ignore RULE-ID: reason'");
        return true;
    }
    long idx = compliance_find(c, rule_id);
    if (idx < 0) {
        const char *near = compliance_suggest(c, rule_id);
        if (near)
            diag_error(L->ctx->diags, L->path, sp->line, sp->column, "suppression",
                       "there is no rule '%s' to suppress; did you mean '%s'?", rule_id, near);
        else
            diag_error(L->ctx->diags, L->path, sp->line, sp->column, "suppression",
                       "there is no rule '%s' to suppress; use an id from %s", rule_id,
                       c->file);
        return true;
    }
    if (!sp->reason) {
        diag_error(L->ctx->diags, L->path, sp->line, sp->column, "suppression",
                   "the suppression of '%s' gives no reason; write why the rule does not "
                   "apply here, like 'suture-ignore %s: quotes the law'",
                   rule_id, rule_id);
        return true;
    }
    sp->r = &c->rules[idx];
    return true;
}

/* An HTML block: a suppression comment, or HTML the build leaves out. */
void lt_html_block(lt_lint *L, const lt_source *src, cmark_node *n)
{
    if (src->remap)
        return;
    const char *lit = cmark_node_get_literal(n);
    const char *end = lit + strlen(lit);
    lit = S_skip_space(lit, end);
    while (end > lit && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\r' || end[-1] == '\t'))
        end--;
    if (end - lit < 7 || strncmp(lit, "<!--", 4) != 0 || strncmp(end - 3, "-->", 3) != 0)
        return;
    /* The block it covers: the next one that is not itself a suppression. */
    cmark_node *target = cmark_node_next(n);
    while (target && cmark_node_get_type(target) == CMARK_NODE_HTML_BLOCK &&
           strstr(cmark_node_get_literal(target), "suture-ignore"))
        target = cmark_node_next(target);
    size_t from = target ? lt_node_offset(src, target) : 0;
    size_t to = target ? lt_node_end(src, target) : 0;
    S_parse_suppression(L, lit + 4, (size_t)(end - 3 - lit - 4), lt_node_offset(src, n), from, to);
}

/* YAML comment lines "# suture-ignore RULE: reason" in the file's lines [first, last]. */
void lt_yaml_suppressions(lt_lint *L, unsigned first, unsigned last)
{
    for (unsigned line = first; line <= last && line <= L->lines.n; line++) {
        size_t a = source_offset(&L->lines, line, 1);
        size_t b = line < L->lines.n ? L->lines.starts[line] : L->len;
        const char *p = S_skip_space(L->text + a, L->text + b);
        if (p >= L->text + b || *p != '#')
            continue;
        /*
         * The next line that is not blank or a comment, with the lines indented more than it
         * that follow (a block scalar's text, a nested mapping): the whole entry.
         */
        size_t from = 0, to = 0;
        size_t indent = 0;
        for (unsigned next = line + 1; next <= last && next <= L->lines.n; next++) {
            size_t na = source_offset(&L->lines, next, 1);
            size_t nb = next < L->lines.n ? L->lines.starts[next] : L->len;
            const char *q = S_skip_space(L->text + na, L->text + nb);
            bool blank = q >= L->text + nb;
            size_t ind = 0;
            while (na + ind < nb && (L->text[na + ind] == ' ' || L->text[na + ind] == '\t'))
                ind++;
            if (!to) {
                if (!blank && *q != '#') {
                    from = na;
                    to = nb;
                    indent = ind;
                    /* A list item's own keys sit deeper than its dash. */
                    if (*q == '-')
                        indent = ind + 1;
                }
                continue;
            }
            if (!blank && ind <= indent)
                break;
            to = nb;
        }
        S_parse_suppression(L, p + 1, (size_t)(L->text + b - p - 1), (size_t)(p - L->text),
                            from, to);
    }
}
