/*
 * explain.h: what each rule id of `suture check` means (SPEC.md, "Command line":
 * `suture check --explain RULE`). Two kinds of rules:
 *
 *   - the compliance rules of content/compliance.yaml (compliance.h), explained from the
 *     file: severity, kind, languages, the message in each language, the reference;
 *   - the rules built into suture, listed here: the front matter and data checks, the
 *     reading grade, the translations (staleness.h) and the site verification
 *     (siteverify.h). Each has a one-line summary (also SARIF's rule description,
 *     report.h), a longer explanation and, where there is one, the source it rests on.
 */
#ifndef SUTURE_EXPLAIN_H
#define SUTURE_EXPLAIN_H

#include <stdio.h>

typedef struct explain_rule {
    const char *id;          /* "translation-stale" */
    const char *severity;    /* "error", "warning", or "error or warning" */
    const char *summary;     /* one sentence */
    const char *detail;      /* what it checks and what to do; NULL: the summary says it */
    const char *reference;   /* where the rule comes from, or NULL */
} explain_rule;

/* The built-in rule with that id, or NULL. */
const explain_rule *explain_builtin(const char *id);

/*
 * Explain rule id to out: a built-in rule, else a rule of rules_path (content/
 * compliance.yaml; not read for a built-in id). Returns 0; or 1 after saying on err that
 * there is no such rule (naming the closest id, built-in or compliance, when one is near)
 * or that rules_path cannot be read (its diagnostics printed). Returns -1 on a write error.
 */
int explain_rule_to(const char *rules_path, const char *id, FILE *out, FILE *err);

#endif
