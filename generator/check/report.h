/*
 * report.h: `suture check`'s machine-readable reports, written with jansson.
 *
 * JSON (README.md, "Compliance checks"), one object:
 *     {"diagnostics":[{"file","line","column","severity","rule","message","reference",
 *                      "lang"}],
 *      "rules":{"<id>":{"severity","message":{"en","ko"},"explanation":{"en","ko"},
 *               "reference"}},
 *      "summary":{"files","errors","warnings","suppressed"},
 *      "suppressions":[{"file","line","column","rule","reason","suppressed"}],
 *      "reading":{"formula":"flesch-kincaid-grade","max":9.0,
 *                 "articles":[{"file","line","column","grade","sentences","words",
 *                              "syllables","above_max"}]},
 *      "reading_ko":{"measure":"eojeol-per-sentence","max":15,
 *                    "articles":[{"file","line","column","mean_eojeol","sentences","eojeol",
 *                                 "paragraphs","sentences_per_paragraph",
 *                                 "longest_paragraph","longest_sentence":{"line","column",
 *                                 "eojeol"},"above_max"}]}}
 * "reference" is present when the finding cites a law or guideline, "lang" when its
 * message is in a page's language; "rules" holds every compliance rule with every
 * language's message ("<phrase>" where a finding puts its phrase) and explanation; "rule" is the
 * diagnostic's category (the rule id for compliance findings). "reading" lists every
 * English article's reading grade (lint.h), rounded to one decimal; "max" is site.yaml's
 * reading_grade_max, or null when it sets none (then "above_max" is always false).
 * "reading_ko" lists every Korean article's measure (readability_ko.h): the mean 어절 per
 * sentence rounded to one decimal, and "max" is reading_eojeol_max or null likewise;
 * "sentences_per_paragraph" is 0 for an article without a paragraph of running text.
 *
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run whose tool.driver.rules
 * lists every compliance rule (shortDescription its English message, fullDescription its
 * English explanation, help the explanation and references; properties "reference",
 * "messages" and "explanations", every language) and every other category that occurs
 * (its built-in summary and explanation, explain.h), results with ruleId,
 * ruleIndex, level (error, warning, note), message.text (the finding's short message; its
 * "reference" and "lang" in the result's property bag) and a physical location whose
 * artifactLocation.uri is the file path as given (relative paths stay relative, percent-
 * encoded) and whose region counts columns in Unicode code points (columnKind). The run's
 * property bag holds the reading grades: "readingGrades" ([{"uri","line","grade",
 * "sentences","words","syllables"}]) and "readingGradeMax" (when site.yaml sets it), and the
 * Korean measures: "readingKo" ([{"uri","line","meanEojeol","sentences","eojeol",
 * "paragraphs","sentencesPerParagraph","longestSentence":{"line","column","eojeol"}}]) and
 * "readingEojeolMax" (when site.yaml sets it).
 *
 * Text (on stderr, after the diagnostics and before the summary line), when any article
 * was graded:
 *     reading grade (Flesch–Kincaid; reading_grade_max 9 in site.yaml):
 *        7.9  content/articles/choosing.md (74 sentences, 1021 words)
 *       11.3  content/articles/layers.md (52 sentences, 998 words): above 9
 * and when any Korean article was measured, the mean 어절 per sentence:
 *     reading length (Korean, 어절 per sentence; reading_eojeol_max 15 in site.yaml):
 *       11.2  content/articles/ko/choosing.md (80 sentences, 896 어절; 2.4 sentences a
 *             paragraph; longest sentence 27 어절, line 31)
 * (one line per article).
 */
#ifndef SUTURE_REPORT_H
#define SUTURE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "check/compliance.h"
#include "base/diag.h"
#include "check/lint.h"

typedef struct report_input {
    const diag_list *diags;          /* sorted */
    const compliance *rules;         /* may be NULL */
    const lint_suppression *suppressions;
    size_t n_suppressions;
    size_t files, suppressed;
    const char *version;             /* suture's version */
    const lint_reading *readings;    /* the graded articles, in file order; may be NULL */
    size_t n_readings;
    double reading_grade_max;        /* site.yaml's reading_grade_max; 0: none */
    const lint_reading_ko *readings_ko; /* the measured Korean articles; may be NULL */
    size_t n_readings_ko;
    long reading_eojeol_max;         /* site.yaml's reading_eojeol_max; 0: none */
} report_input;

/* Write the JSON report to out, followed by a newline. Returns 0, or -1 on a write error. */
int report_json(const report_input *in, FILE *out);
/* Write the SARIF log to out, followed by a newline. Returns 0, or -1 on a write error. */
int report_sarif(const report_input *in, FILE *out);
/*
 * Write the reading grades and Korean measures as text (the tables above) to out; nothing
 * for a language none of whose articles was measured. Returns 0, or -1 on a write error.
 */
int report_text_readings(const report_input *in, FILE *out);

/*
 * Write every diagnostic of diags (sorted) to out as one short line (diag_format_brief):
 *     content/articles/en/x.md:12:5: error: 'best' ranks the clinic ... [superlative-claims]
 * in the language of the page it is about, without its references (--explain, the JSON
 * and SARIF reports give them). With verbose, each is followed by its rule's explanation
 * in the finding's language (diag lang; rule_explanation_in, or the built-in rule's text,
 * explain.h) and its references, indented and wrapped at 88 characters, labelled
 * "Explanation:" and "References:" (on a Korean page "설명:" and "근거:"). rules may be
 * NULL. Returns 0, or -1 on a write error.
 */
int report_text(const diag_list *diags, const compliance *rules, bool verbose, FILE *out);



#endif
