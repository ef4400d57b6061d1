/* report.c: JSON and SARIF reports (see report.h). */
#include "check/report.h"

#include <jansson.h>
#include <libxml/uri.h>
#include <unicode/utf8.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "check/explain.h"

/* The SARIF schema the log declares, as GitHub and the OASIS standard name it. */
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/*
 * A JSON string of s, with any byte that is not valid UTF-8 (a file name saved in Latin-1,
 * say) written as U+FFFD: jansson refuses invalid UTF-8, and a key must never go missing.
 */
static json_t *S_str(const char *s)
{
    json_t *j = json_string(s);
    if (j)
        return j;
    strbuf b = STRBUF_INIT;
    int32_t i = 0, n = (int32_t)strlen(s);
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            strbuf_puts(&b, "\xEF\xBF\xBD");
        else
            strbuf_append(&b, s + start, (size_t)(i - start));
    }
    j = json_string(strbuf_str(&b));
    strbuf_free(&b);
    return j ? j : json_string("");
}

static int S_dump(json_t *root, FILE *out)
{
    /* Reals are reading grades with one decimal: "7.9", not "7.9000000000000004". */
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(root);
    if (rc != 0 || fputc('\n', out) == EOF || fflush(out) != 0)
        return -1;
    return 0;
}

/* Whether a Korean article is above site.yaml's reading_eojeol_max (none: never). */
static bool S_above_ko(const report_input *in, const lint_reading_ko *g)
{
    return in->reading_eojeol_max > 0 && g->mean > (double)in->reading_eojeol_max;
}

/* The JSON report's "reading_ko" (report.h). */
static json_t *S_json_reading_ko(const report_input *in)
{
    json_t *articles = json_array();
    for (size_t i = 0; i < in->n_readings_ko; i++) {
        const lint_reading_ko *g = &in->readings_ko[i];
        json_t *o = json_object();
        json_object_set_new(o, "file", S_str(g->file));
        json_object_set_new(o, "line", json_integer(g->line));
        json_object_set_new(o, "column", json_integer(g->column));
        json_object_set_new(o, "mean_eojeol", json_real(g->mean));
        json_object_set_new(o, "sentences", json_integer((json_int_t)g->sentences));
        json_object_set_new(o, "eojeol", json_integer((json_int_t)g->eojeol));
        json_object_set_new(o, "paragraphs", json_integer((json_int_t)g->paragraphs));
        json_object_set_new(o, "sentences_per_paragraph", json_real(g->paragraph_mean));
        json_object_set_new(o, "longest_paragraph",
                            json_integer((json_int_t)g->longest_paragraph));
        json_object_set_new(o, "longest_sentence",
                            json_pack("{s:I,s:I,s:I}", "line", (json_int_t)g->longest_line,
                                      "column", (json_int_t)g->longest_column, "eojeol",
                                      (json_int_t)g->longest));
        json_object_set_new(o, "above_max", json_boolean(S_above_ko(in, g)));
        json_array_append_new(articles, o);
    }
    json_t *max = in->reading_eojeol_max > 0 ? json_integer(in->reading_eojeol_max) : json_null();
    return json_pack("{s:s,s:o,s:o}", "measure", "eojeol-per-sentence", "max", max, "articles",
                     articles);
}

/* Each value of t as {"lang": text} (a plain string under "en"), a message with <phrase>
 * put first as a finding puts its phrase when patterns is set. */
static json_t *S_json_texts(const rule *r, const ltext *t, bool message)
{
    json_t *o = json_object();
    for (size_t i = 0; i < t->n; i++) {
        const char *lang = t->values[i].lang[0] ? t->values[i].lang : "en";
        if (!message) {
            json_object_set_new(o, lang, S_str(t->values[i].text));
            continue;
        }
        char *text = rule_message_in(r, t->values[i].lang[0] ? lang : NULL,
                                     r->kind == RULE_PATTERNS ? "<phrase>" : NULL);
        json_object_set_new(o, lang, S_str(text));
        free(text);
    }
    return o;
}

/* The JSON report's "rules" (report.h): every compliance rule with all its texts. */
static json_t *S_json_rules(const compliance *c)
{
    json_t *rules = json_object();
    for (size_t i = 0; c && i < c->n_rules; i++) {
        const rule *r = &c->rules[i];
        json_t *o = json_object();
        json_object_set_new(o, "severity", json_string(diag_severity_name(r->severity)));
        json_object_set_new(o, "message", S_json_texts(r, &r->messages, true));
        json_object_set_new(o, "explanation", S_json_texts(r, &r->explanations, false));
        json_object_set_new(o, "reference", S_str(r->reference));
        json_object_set_new(rules, r->id, o);
    }
    return rules;
}

int report_json(const report_input *in, FILE *out)
{
    json_t *root = json_object();
    json_t *list = json_array();
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < diag_count(in->diags); i++) {
        const diag *d = diag_get(in->diags, i);
        errors += d->severity == DIAG_ERROR;
        warnings += d->severity == DIAG_WARNING;
        json_t *o = json_object();
        json_object_set_new(o, "file", S_str(d->file));
        json_object_set_new(o, "line", json_integer(d->line));
        json_object_set_new(o, "column", json_integer(d->column));
        json_object_set_new(o, "severity", json_string(diag_severity_name(d->severity)));
        json_object_set_new(o, "rule", d->category ? S_str(d->category) : json_null());
        json_object_set_new(o, "message", S_str(d->message));
        if (d->reference)
            json_object_set_new(o, "reference", S_str(d->reference));
        if (d->lang)
            json_object_set_new(o, "lang", S_str(d->lang));
        json_array_append_new(list, o);
    }
    json_object_set_new(root, "diagnostics", list);
    json_object_set_new(root, "rules", S_json_rules(in->rules));
    json_t *summary = json_object();
    json_object_set_new(summary, "files", json_integer((json_int_t)in->files));
    json_object_set_new(summary, "errors", json_integer((json_int_t)errors));
    json_object_set_new(summary, "warnings", json_integer((json_int_t)warnings));
    json_object_set_new(summary, "suppressed", json_integer((json_int_t)in->suppressed));
    json_object_set_new(root, "summary", summary);
    json_t *supps = json_array();
    for (size_t i = 0; i < in->n_suppressions; i++) {
        const lint_suppression *s = &in->suppressions[i];
        json_t *o = json_object();
        json_object_set_new(o, "file", S_str(s->file));
        json_object_set_new(o, "line", json_integer(s->line));
        json_object_set_new(o, "column", json_integer(s->column));
        json_object_set_new(o, "rule", S_str(s->rule));
        json_object_set_new(o, "reason", S_str(s->reason));
        json_object_set_new(o, "suppressed", json_integer((json_int_t)s->suppressed));
        json_array_append_new(supps, o);
    }
    json_object_set_new(root, "suppressions", supps);
    json_t *reading = json_object();
    json_object_set_new(reading, "formula", json_string("flesch-kincaid-grade"));
    json_object_set_new(reading, "max", in->reading_grade_max > 0
                                            ? json_real(in->reading_grade_max)
                                            : json_null());
    json_t *articles = json_array();
    for (size_t i = 0; i < in->n_readings; i++) {
        const lint_reading *g = &in->readings[i];
        json_t *o = json_object();
        json_object_set_new(o, "file", S_str(g->file));
        json_object_set_new(o, "line", json_integer(g->line));
        json_object_set_new(o, "column", json_integer(g->column));
        json_object_set_new(o, "grade", json_real(g->grade));
        json_object_set_new(o, "sentences", json_integer((json_int_t)g->sentences));
        json_object_set_new(o, "words", json_integer((json_int_t)g->words));
        json_object_set_new(o, "syllables", json_integer((json_int_t)g->syllables));
        json_object_set_new(o, "above_max", json_boolean(in->reading_grade_max > 0 &&
                                                         g->grade > in->reading_grade_max));
        json_array_append_new(articles, o);
    }
    json_object_set_new(reading, "articles", articles);
    json_object_set_new(root, "reading", reading);
    json_object_set_new(root, "reading_ko", S_json_reading_ko(in));
    return S_dump(root, out);
}

/* The Korean measures as text (report.h). Returns 0, or -1 on a write error. */
static int S_text_readings_ko(const report_input *in, FILE *out)
{
    if (in->n_readings_ko == 0)
        return 0;
    long max = in->reading_eojeol_max;
    int rc = max > 0 ? fprintf(out, "reading length (Korean, 어절 per sentence; "
                                    "reading_eojeol_max %ld in site.yaml):\n", max)
                     : fprintf(out, "reading length (Korean, 어절 per sentence; site.yaml sets "
                                    "no reading_eojeol_max):\n");
    for (size_t i = 0; i < in->n_readings_ko && rc >= 0; i++) {
        const lint_reading_ko *g = &in->readings_ko[i];
        rc = fprintf(out, "  %5.1f  %s (%zu sentence%s, %zu 어절; ", g->mean, g->file,
                     g->sentences, g->sentences == 1 ? "" : "s", g->eojeol);
        if (rc >= 0 && g->paragraphs)
            rc = fprintf(out, "%.1f sentences a paragraph; ", g->paragraph_mean);
        if (rc >= 0)
            rc = fprintf(out, "longest sentence %zu 어절, line %u)", g->longest,
                         g->longest_line);
        if (rc >= 0 && S_above_ko(in, g))
            rc = fprintf(out, ": above %ld", max);
        if (rc >= 0)
            rc = fputc('\n', out) == EOF ? -1 : 0;
    }
    return rc < 0 ? -1 : 0;
}

int report_text_readings(const report_input *in, FILE *out)
{
    int rc = 0;
    if (in->n_readings) {
        double max = in->reading_grade_max;
        rc = max > 0 ? fprintf(out, "reading grade (Flesch–Kincaid; reading_grade_max %g in "
                                    "site.yaml):\n", max)
                     : fprintf(out, "reading grade (Flesch–Kincaid; site.yaml sets no "
                                    "reading_grade_max):\n");
        for (size_t i = 0; i < in->n_readings && rc >= 0; i++) {
            const lint_reading *g = &in->readings[i];
            rc = fprintf(out, "  %5.1f  %s (%zu sentence%s, %zu word%s)", g->grade, g->file,
                         g->sentences, g->sentences == 1 ? "" : "s", g->words,
                         g->words == 1 ? "" : "s");
            if (rc >= 0 && max > 0 && g->grade > max)
                rc = fprintf(out, ": above %g", max);
            if (rc >= 0)
                rc = fputc('\n', out) == EOF ? -1 : 0;
        }
    }
    if (rc >= 0)
        rc = S_text_readings_ko(in, out);
    return rc < 0 ? -1 : 0;
}

/* The explanation of d's rule in d's language and the rule's references, under d. */
static void S_text_explain(const diag *d, const compliance *rules, FILE *out)
{
    bool ko = d->lang && slug_language_in(d->lang, "ko");
    const char *why = NULL, *ref = d->reference;
    const explain_rule *b = d->category ? explain_builtin(d->category) : NULL;
    long ci = d->category && rules ? compliance_find(rules, d->category) : -1;
    char *text = NULL;
    if (ci >= 0) {
        why = rule_explanation_in(&rules->rules[ci], d->lang);
    } else if (b) {
        if (ko && b->ko)
            why = b->ko;
        else
            why = text = b->detail ? xasprintf("%s %s", b->summary, b->detail)
                                   : xstrdup(b->summary);
        if (!ref)
            ref = b->reference;
    }
    if (why)
        explain_wrapped(out, ko ? "설명: " : "Explanation: ", why);
    if (ref)
        explain_wrapped(out, ko ? "근거: " : "References: ", ref);
    free(text);
}

int report_text(const diag_list *diags, const compliance *rules, bool verbose, FILE *out)
{
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        char *line = diag_format_brief(d);
        fprintf(out, "%s\n", line);
        free(line);
        if (verbose)
            S_text_explain(d, rules, out);
    }
    return ferror(out) ? -1 : 0;
}

static const char *S_level(diag_severity s)
{
    return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

/* A file path as a URI reference: relative stays relative; absolute becomes file://. */
static char *S_uri(const char *path)
{
    /* Keep the characters a path segment may hold unescaped (RFC 3986). */
    xmlChar *esc = xmlURIEscapeStr((const xmlChar *)path, (const xmlChar *)"/-._~!$&'()*+,;=:@");
    char *uri = path[0] == '/' ? xasprintf("file://%s", (const char *)esc)
                               : xstrdup((const char *)esc);
    xmlFree(esc);
    return uri;
}

typedef struct {
    json_t *rules;      /* tool.driver.rules */
    strlist ids;        /* the id of each, by index */
} S_rules;

/* text cut to at most 1000 bytes (GitHub's limit is 1024), at a character's start. */
static char *S_cut(char *text)
{
    size_t n = strlen(text);
    if (n > 1000) {
        n = 1000;
        while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
        text[n] = '\0';
    }
    return text;
}

/* A compliance rule's descriptor: its short English message, its explanation and its
 * references, and every language's texts in the property bag. */
static json_t *S_sarif_rule(const rule *ru)
{
    /* GitHub shows shortDescription, fullDescription and help, and requires all three. */
    char *desc = S_cut(rule_message_in(ru, "en", ru->kind == RULE_PATTERNS ? "<phrase>" : NULL));
    const char *why = rule_explanation_in(ru, "en");
    char *full = S_cut(xstrdup(why ? why : desc));
    char *help = xasprintf("%s\n\nReferences: %s", why ? why : desc, ru->reference);
    json_t *props = json_pack("{s:s,s:o,s:o}", "reference", ru->reference, "messages",
                              S_json_texts(ru, &ru->messages, true), "explanations",
                              S_json_texts(ru, &ru->explanations, false));
    json_t *o = json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:{s:s},s:{s:s},s:o}", "id", ru->id,
                          "name", ru->id, "shortDescription", "text", desc, "fullDescription",
                          "text", full, "help", "text", help, "defaultConfiguration", "level",
                          S_level(ru->severity), "properties", props);
    free(desc);
    free(full);
    free(help);
    return o;
}

static size_t S_rule_index(S_rules *r, const char *id, const compliance *c)
{
    for (size_t i = 0; i < r->ids.len; i++)
        if (strcmp(r->ids.items[i], id) == 0)
            return i;
    const explain_rule *builtin = explain_builtin(id);
    const char *text = builtin ? builtin->summary
                               : "A problem suture reports in the content or the site.";
    long ci = c ? compliance_find(c, id) : -1;
    json_t *o;
    if (ci >= 0) {
        o = S_sarif_rule(&c->rules[ci]);
    } else {
        const char *full = builtin && builtin->detail ? builtin->detail : text;
        o = json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:{s:s}}", "id", id, "name", id,
                      "shortDescription", "text", text, "fullDescription", "text", full,
                      "help", "text", full);
        if (builtin && builtin->ko)
            json_object_set_new(o, "properties", json_pack("{s:{s:s}}", "explanations", "ko",
                                                           builtin->ko));
    }
    json_array_append_new(r->rules, o);
    strlist_push(&r->ids, id);
    return r->ids.len - 1;
}

/* The Korean measures into the SARIF run's property bag props (report.h). */
static void S_sarif_readings_ko(const report_input *in, json_t *props)
{
    json_t *list = json_array();
    for (size_t i = 0; i < in->n_readings_ko; i++) {
        const lint_reading_ko *g = &in->readings_ko[i];
        char *uri = S_uri(g->file);
        json_array_append_new(
            list, json_pack("{s:s,s:I,s:f,s:I,s:I,s:I,s:f,s:{s:I,s:I,s:I}}", "uri", uri, "line",
                            (json_int_t)g->line, "meanEojeol", g->mean, "sentences",
                            (json_int_t)g->sentences, "eojeol", (json_int_t)g->eojeol,
                            "paragraphs", (json_int_t)g->paragraphs, "sentencesPerParagraph",
                            g->paragraph_mean, "longestSentence", "line",
                            (json_int_t)g->longest_line, "column", (json_int_t)g->longest_column,
                            "eojeol", (json_int_t)g->longest));
        free(uri);
    }
    json_object_set_new(props, "readingKo", list);
    if (in->reading_eojeol_max > 0)
        json_object_set_new(props, "readingEojeolMax", json_integer(in->reading_eojeol_max));
}

int report_sarif(const report_input *in, FILE *out)
{
    S_rules rules = {json_array(), STRLIST_INIT};
    /* Every compliance rule is described, whether or not it found anything. */
    for (size_t i = 0; in->rules && i < in->rules->n_rules; i++)
        S_rule_index(&rules, in->rules->rules[i].id, in->rules);
    json_t *results = json_array();
    for (size_t i = 0; i < diag_count(in->diags); i++) {
        const diag *d = diag_get(in->diags, i);
        const char *id = d->category ? d->category : "suture";
        size_t index = S_rule_index(&rules, id, in->rules);
        json_t *res = json_object();
        json_object_set_new(res, "ruleId", S_str(id));
        json_object_set_new(res, "ruleIndex", json_integer((json_int_t)index));
        json_object_set_new(res, "level", json_string(S_level(d->severity)));
        json_object_set_new(res, "message", json_pack("{s:o}", "text", S_str(d->message)));
        if (d->reference || d->lang) {
            json_t *props = json_object();
            if (d->reference)
                json_object_set_new(props, "reference", S_str(d->reference));
            if (d->lang)
                json_object_set_new(props, "lang", S_str(d->lang));
            json_object_set_new(res, "properties", props);
        }
        char *uri = S_uri(d->file);
        json_t *phys = json_pack("{s:{s:s}}", "artifactLocation", "uri", uri);
        free(uri);
        /* GitHub requires a region; a finding about a whole file points at its start. */
        json_object_set_new(phys, "region",
                            json_pack("{s:I,s:I}", "startLine", (json_int_t)(d->line ? d->line : 1),
                                      "startColumn", (json_int_t)(d->column ? d->column : 1)));
        json_object_set_new(res, "locations",
                            json_pack("[{s:o}]", "physicalLocation", phys));
        json_array_append_new(results, res);
    }
    json_t *driver =
        json_pack("{s:s,s:s,s:o}", "name", "suture", "version", in->version, "rules", rules.rules);
    json_t *run = json_pack("{s:{s:o},s:s,s:o}", "tool", "driver", driver, "columnKind",
                            "unicodeCodePoints", "results", results);
    /* The reading grades are about articles, not findings: the run's property bag. */
    json_t *grades = json_array();
    for (size_t i = 0; i < in->n_readings; i++) {
        const lint_reading *g = &in->readings[i];
        char *uri = S_uri(g->file);
        json_array_append_new(grades, json_pack("{s:s,s:I,s:f,s:I,s:I,s:I}", "uri", uri,
                                                "line", (json_int_t)g->line, "grade", g->grade,
                                                "sentences", (json_int_t)g->sentences, "words",
                                                (json_int_t)g->words, "syllables",
                                                (json_int_t)g->syllables));
        free(uri);
    }
    json_t *props = json_pack("{s:o}", "readingGrades", grades);
    if (in->reading_grade_max > 0)
        json_object_set_new(props, "readingGradeMax", json_real(in->reading_grade_max));
    S_sarif_readings_ko(in, props);
    json_object_set_new(run, "properties", props);
    json_t *root = json_pack("{s:s,s:s,s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
                             "runs", run);
    strlist_free(&rules.ids);
    return S_dump(root, out);
}
