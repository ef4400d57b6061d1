/*
 * explain.h: `suture check --explain RULE-ID`: what a rule checks, why, where its limit is
 * set and where it comes from, for any id a finding can carry: a rule of
 * content/compliance.yaml, or a check built into suture (reading-grade, reading-grade-ko,
 * front-matter, site-lang... : report.h's categories).
 */
#ifndef SUTURE_EXPLAIN_H
#define SUTURE_EXPLAIN_H

#include <stdio.h>

#include "check/compliance.h"

/*
 * Explain the rule id to out. rules: the loaded compliance rules, or NULL when there are
 * none (then only the built-in checks are known). Returns 0; or 2 after writing to err
 * "suture: there is no rule 'ID' ...", with the closest known id when one is close, when id
 * names no rule; or 2 after saying so on err when out cannot be written.
 */
int explain_rule(const char *id, const compliance *rules, FILE *out, FILE *err);

#endif
