/*
 * explain.h: what each rule id of `suture check` means (`suture check --explain RULE`, as
 * `rustc --explain` explains an error code; docs/compliance.md). Two kinds of rules:
 *
 *   - the compliance rules of content/compliance.yaml (compliance.h), explained from the
 *     file: severity, kind, languages, then for each language its short message and its
 *     explanation (why it matters, how to fix it), then the legal references;
 *   - the rules built into suture, listed here: the front matter and data checks, the
 *     reading grade, the translations (staleness.h), the site verification (siteverify.h),
 *     the scaffold's placeholders and quoted titles (lint.h). Each has a one-line summary
 *     (also SARIF's rule description, report.h), a longer explanation and, where there is
 *     one, the source it rests on.
 *
 * The output for a compliance rule, lines wrapped at 88 characters:
 *
 *     superlative-claims (error, patterns; content/compliance.yaml:39)
 *       Applies to pages in every language.
 *
 *       Message (en): '<phrase>' ranks the clinic ... above all others ...
 *       Explanation (en): Korean law forbids ...
 *
 *       Message (ko): '<phrase>' 표현은 ...
 *       Explanation (ko): ...
 *
 *       References: Medical Service Act (Korea) art. 56(2)(3) ...
 */
#ifndef SUTURE_EXPLAIN_H
#define SUTURE_EXPLAIN_H

#include <stddef.h>
#include <stdio.h>

typedef struct explain_rule {
    const char *id;          /* "translation-stale" */
    const char *severity;    /* "error", "warning", or "error or warning" */
    const char *summary;     /* one sentence */
    const char *detail;      /* what it checks and what to do; NULL: the summary says it */
    const char *reference;   /* where the rule comes from, or NULL */
    const char *ko;          /* the summary and explanation in Korean, or NULL */
} explain_rule;

/* The built-in rule with that id, or NULL. */
const explain_rule *explain_builtin(const char *id);
/* The i-th built-in rule, in the table's order, or NULL when i is past the last. */
const explain_rule *explain_builtin_at(size_t i);

/*
 * Explain rule id to out: a built-in rule, else a rule of rules_path (content/
 * compliance.yaml; not read for a built-in id). lang NULL: every language the rule has;
 * else (a BCP 47 tag) only the one a page in lang gets (rule_message_in: its own, else the
 * English), and for a built-in rule its Korean text when lang is Korean and it has one.
 * Returns 0; or 1 after saying on err that there is no such rule (naming the closest id,
 * built-in or compliance, when one is near) or that rules_path cannot be read (its
 * diagnostics printed). Returns -1 on a write error.
 */
int explain_rule_to(const char *rules_path, const char *id, const char *lang, FILE *out,
                    FILE *err);

/*
 * Write prefix and text to out indented by two spaces, on lines of at most 88 columns
 * (Hangul and other wide characters count two, UAX #11) broken at spaces (a longer word
 * stays whole), the lines after the first indented by four.
 */
void explain_wrapped(FILE *out, const char *prefix, const char *text);

#endif
