/*
 * report.h: `suture check`'s machine-readable reports, written with jansson.
 *
 * JSON (SPEC.md, "Command line"), one object:
 *     {"diagnostics":[{"file","line","column","severity","rule","message","reference"}],
 *      "summary":{"files","errors","warnings","suppressed"},
 *      "suppressions":[{"file","line","column","rule","reason","suppressed"}]}
 * "reference" is present when the finding cites a law or guideline; "rule" is the
 * diagnostic's category (the rule id for compliance findings).
 *
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run whose tool.driver.rules
 * lists every compliance rule and every other category that occurs, results with ruleId,
 * ruleIndex, level (error, warning, note), message.text and a physical location whose
 * artifactLocation.uri is the file path as given (relative paths stay relative, percent-
 * encoded) and whose region counts columns in Unicode code points (columnKind).
 */
#ifndef SUTURE_REPORT_H
#define SUTURE_REPORT_H

#include <stdio.h>

#include "compliance.h"
#include "diag.h"
#include "lint.h"

typedef struct report_input {
    const diag_list *diags;          /* sorted */
    const compliance *rules;         /* may be NULL */
    const lint_suppression *suppressions;
    size_t n_suppressions;
    size_t files, suppressed;
    const char *version;             /* suture's version */
} report_input;

/* Write the JSON report to out, followed by a newline. Returns 0, or -1 on a write error. */
int report_json(const report_input *in, FILE *out);
/* Write the SARIF log to out, followed by a newline. Returns 0, or -1 on a write error. */
int report_sarif(const report_input *in, FILE *out);

#endif
